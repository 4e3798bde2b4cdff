//! scipy.signal parity for gammatone: tests/fixtures/signal_gammatone.json
//! (written by tools/fixtures/signal_gammatone.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn gammatone_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_gammatone.json")).unwrap();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_')) {
        let g = |k: &str| format!("{key}/{k}");
        let fs = Some(fx.f64(&g("fs"))).filter(|&v| v > 0.0);
        let ftype = if key.starts_with("iir") {
            GammatoneType::Iir
        } else {
            let numtaps = fx.i64(&g("numtaps"));
            GammatoneType::Fir {
                order: fx.i64(&g("order")) as usize,
                numtaps: (numtaps > 0).then_some(numtaps as usize),
            }
        };
        let (b, a) = gammatone(fx.f64(&g("freq")), ftype, fs).unwrap();
        // Closed-form coefficients; complex products in a different but equivalent order.
        let (wb, wa) = (f1(&fx, &g("b")), f1(&fx, &g("a")));
        let m = |v: &Array1<f64>| v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        assert_allclose(&b, &wb, 1e-12, 1e-14 * m(&wb));
        assert_allclose(&a, &wa, 1e-12, 1e-14 * m(&wa));
        count += 1;
    }
    assert_eq!(count, 25);
}

#[test]
fn gammatone_bad_input() {
    let fir = |order, numtaps| GammatoneType::Fir { order, numtaps };
    let cases: Vec<(&str, Result<(Array1<f64>, Array1<f64>)>, &str)> = vec![
        ("freq 0", gammatone(0.0, GammatoneType::Iir, None), "freq"),
        ("freq at Nyquist", gammatone(1.0, GammatoneType::Iir, None), "freq"),
        ("freq above fs/2", gammatone(9000.0, GammatoneType::fir(), Some(16000.0)), "freq"),
        ("freq NaN", gammatone(f64::NAN, GammatoneType::Iir, None), "freq"),
        ("order 0", gammatone(0.3, fir(0, None), None), "order"),
        ("order 25", gammatone(0.3, fir(25, None), None), "order"),
        ("numtaps 0", gammatone(0.3, fir(4, Some(0)), None), "numtaps"),
        ("fs negative", gammatone(0.3, GammatoneType::Iir, Some(-1.0)), "fs"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
}

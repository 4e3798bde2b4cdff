//! scipy.signal parity for firls: tests/fixtures/signal_firls.json
//! (written by tools/fixtures/signal_firls.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn firls_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_firls.json")).unwrap();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_')) {
        let g = |k: &str| format!("{key}/{k}");
        let fs = Some(fx.f64(&g("fs"))).filter(|&v| v > 0.0);
        let weight = f1(&fx, &g("weight")).to_vec();
        let taps = firls(
            fx.i64(&g("numtaps")) as usize,
            &f1(&fx, &g("bands")).to_vec(),
            &f1(&fx, &g("desired")).to_vec(),
            Some(&weight),
            fs,
        )
        .unwrap();
        let want = f1(&fx, &g("taps"));
        // Our Cholesky and LAPACK's differ in rounding (the normal equations of long filters are
        // moderately ill-conditioned), so compare relative to the largest tap.
        let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert_allclose(&taps, &want, 1e-12, 1e-13 * scale);
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn firls_bad_input() {
    let (b, d) = ([0.0, 0.3, 0.5, 1.0], [1.0, 1.0, 0.0, 0.0]);
    let cases: Vec<(&str, Result<Array1<f64>>, &str)> = vec![
        ("even numtaps", firls(10, &b, &d, None, None), "numtaps"),
        ("odd bands", firls(11, &b[..3], &d[..3], None, None), "bands"),
        ("band above Nyquist", firls(11, &[0.0, 0.3, 0.5, 1.2], &d, None, None), "bands"),
        ("band above fs/2", firls(11, &[0.0, 30.0, 50.0, 120.0], &d, None, Some(200.0)), "bands"),
        ("zero width", firls(11, &[0.0, 0.3, 0.5, 0.5], &d, None, None), "bands"),
        ("overlap", firls(11, &[0.0, 0.5, 0.4, 1.0], &d, None, None), "bands"),
        ("desired length", firls(11, &b, &d[..2], None, None), "desired"),
        ("desired negative", firls(11, &b, &[1.0, 1.0, -0.1, 0.0], None, None), "desired"),
        ("weight length", firls(11, &b, &d, Some(&[1.0]), None), "weight"),
        ("weight negative", firls(11, &b, &d, Some(&[1.0, -1.0]), None), "weight"),
        ("fs zero", firls(11, &b, &d, None, Some(0.0)), "fs"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
    // All weights zero: the normal equations are singular (SciPy falls back to lstsq).
    assert!(matches!(firls(11, &b, &d, Some(&[0.0, 0.0]), None), Err(SignalError::Singular { .. })));
}

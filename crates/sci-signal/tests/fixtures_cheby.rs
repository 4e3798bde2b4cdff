//! scipy.signal parity for Chebyshev designs: tests/fixtures/signal_cheby.json
//! (written by tools/fixtures/signal_cheby.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_cheby.json")).unwrap()
}

fn c1(fx: &Fixture, k: &str) -> Array1<Complex64> {
    fx.array_c64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn btype(s: &str) -> BType {
    match s {
        "lowpass" => BType::Lowpass,
        "highpass" => BType::Highpass,
        "bandpass" => BType::Bandpass,
        "bandstop" => BType::Bandstop,
        _ => panic!("{s}"),
    }
}

// Same operation order as SciPy (see fixtures_design.rs); coefficients of the order-16
// band filters are ill-conditioned sums, so the atol scales with the largest coefficient.
const RTOL: f64 = 1e-11;

#[test]
fn cheby1_and_cheby2_all_orders_and_btypes() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("cheby")) {
        let g = |k: &str| format!("{key}/{k}");
        let n = fx.i64(&g("n")) as usize;
        let r = fx.f64(&g("r"));
        let wn = f1(&fx, &g("wn")).to_vec();
        let bt = btype(fx.str(&g("btype")));
        let analog = fx.get(&g("analog")).as_bool().unwrap();
        let first = fx.str(&g("kind")) == "cheby1";
        let (zpk, (b, a), sos) = if first {
            (
                cheby1_zpk(n, r, &wn, bt, analog, None).unwrap(),
                cheby1(n, r, &wn, bt, analog, None).unwrap(),
                cheby1_sos(n, r, &wn, bt, analog, None),
            )
        } else {
            (
                cheby2_zpk(n, r, &wn, bt, analog, None).unwrap(),
                cheby2(n, r, &wn, bt, analog, None).unwrap(),
                cheby2_sos(n, r, &wn, bt, analog, None),
            )
        };
        let bmax = b.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let amax = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert_allclose(&b, &f1(&fx, &g("b")), RTOL, 1e-13 * bmax);
        assert_allclose(&a, &f1(&fx, &g("a")), RTOL, 1e-13 * amax);
        assert_allclose(&zpk.z, &c1(&fx, &g("z")), RTOL, 1e-13);
        assert_allclose(&zpk.p, &c1(&fx, &g("p")), RTOL, 1e-13);
        let k = fx.f64(&g("k"));
        assert!((zpk.k - k).abs() <= RTOL * k.abs(), "{key}: k {} vs {k}", zpk.k);
        let want_sos = fx.array_f64(&g("sos"));
        if want_sos.is_empty() {
            // SciPy's zpk2sos raises IndexError for this layout; we return a typed error.
            assert!(matches!(sos, Err(SignalError::InvalidValue { .. })), "{key}");
        } else {
            assert_allclose(&sos.unwrap().into_dyn(), &want_sos, 1e-10, 1e-12);
        }
        count += 1;
    }
    assert_eq!(count, 128);
}

#[test]
fn prototypes() {
    let fx = load();
    for n in [0usize, 1, 2, 5, 8] {
        let g = |k: &str| format!("proto_{n}/{k}");
        let c = cheb1ap(n, 0.5).unwrap();
        assert_allclose(&c.p, &c1(&fx, &g("p1")), 1e-14, 1e-15);
        assert!((c.k - fx.f64(&g("k1"))).abs() < 1e-14 * c.k.abs().max(1.0));
        let c = cheb2ap(n, 30.0).unwrap();
        assert_allclose(&c.z, &c1(&fx, &g("z2")), 1e-14, 1e-15);
        assert_allclose(&c.p, &c1(&fx, &g("p2")), 1e-14, 1e-15);
        assert!((c.k - fx.f64(&g("k2"))).abs() < 1e-14 * c.k.abs().max(1.0));
    }
}

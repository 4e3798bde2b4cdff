//! scipy.signal filter-design parity: tests/fixtures/signal_design.json
//! (written by tools/fixtures/signal_design.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_design.json")).unwrap()
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

fn c1(fx: &Fixture, k: &str) -> Array1<Complex64> {
    fx.array_c64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

// The design replays SciPy's operations one by one (NumPy's complex division, csqrt, poly by
// repeated convolution); the remaining differences are libm ulps, amplified by at most the
// conditioning of the order-20 polynomials, hence 1e-12 relative with a tiny absolute floor for
// coefficients that cancel to ~0.
const RTOL: f64 = 1e-12;

#[test]
fn butter_all_orders_btypes_analog_and_digital() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("butter_") && !k.starts_with("butter_fs")) {
        let n = fx.i64(&format!("{key}/n")) as usize;
        let wn = f1(&fx, &format!("{key}/wn")).to_vec();
        let bt = btype(fx.str(&format!("{key}/btype")));
        let analog = fx.get(&format!("{key}/analog")).as_bool().unwrap();
        let (b, a) = butter(n, &wn, bt, analog, None).unwrap();
        let bmax = b.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let amax = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert_allclose(&b, &f1(&fx, &format!("{key}/b")), RTOL, 1e-14 * bmax);
        assert_allclose(&a, &f1(&fx, &format!("{key}/a")), RTOL, 1e-14 * amax);
        let zpk = butter_zpk(n, &wn, bt, analog, None).unwrap();
        assert_allclose(&zpk.z, &c1(&fx, &format!("{key}/z")), RTOL, 1e-14);
        assert_allclose(&zpk.p, &c1(&fx, &format!("{key}/p")), RTOL, 1e-14);
        let k = fx.f64(&format!("{key}/k"));
        assert!((zpk.k - k).abs() <= RTOL * k.abs(), "{key}: k {} vs {k}", zpk.k);
        let sos = butter_sos(n, &wn, bt, analog, None).unwrap();
        assert_allclose(&sos.into_dyn(), &fx.array_f64(&format!("{key}/sos")), 1e-11, 1e-13);
        count += 1;
    }
    assert_eq!(count, 80);
}

#[test]
fn butter_with_sampling_frequency() {
    let fx = load();
    for key in fx.keys().into_iter().filter(|k| k.starts_with("butter_fs")) {
        let n = fx.i64(&format!("{key}/n")) as usize;
        let wn = f1(&fx, &format!("{key}/wn")).to_vec();
        let bt = btype(fx.str(&format!("{key}/btype")));
        let (b, a) = butter(n, &wn, bt, false, Some(1000.0)).unwrap();
        assert_allclose(&b, &f1(&fx, &format!("{key}/b")), RTOL, 1e-16);
        assert_allclose(&a, &f1(&fx, &format!("{key}/a")), RTOL, 1e-16);
        let sos = butter_sos(n, &wn, bt, false, Some(1000.0)).unwrap();
        assert_allclose(&sos.into_dyn(), &fx.array_f64(&format!("{key}/sos")), 1e-11, 1e-13);
    }
}

#[test]
fn tutorial_butter() {
    let fx = load();
    let (b, a) = butter(4, &[20.0 / 500.0], BType::Lowpass, false, None).unwrap();
    assert_allclose(&b, &f1(&fx, "tutorial_butter/b"), RTOL, 0.0);
    assert_allclose(&a, &f1(&fx, "tutorial_butter/a"), RTOL, 0.0);
}

#[test]
fn buttap_matches() {
    let fx = load();
    for n in [0usize, 1, 2, 5, 8] {
        let zpk = buttap(n);
        assert_allclose(&zpk.p, &c1(&fx, &format!("buttap_{n}/p")), 1e-15, 1e-16);
        assert_eq!(zpk.k, fx.f64(&format!("buttap_{n}/k")));
    }
}

#[test]
fn zpk2sos_pairings_and_zpk2tf() {
    let fx = load();
    for (key, pairing, analog) in [
        ("zpk2sos_nearest", Pairing::Nearest, false),
        ("zpk2sos_keep_odd", Pairing::KeepOdd, false),
        ("zpk2sos_minimal_analog", Pairing::Minimal, true),
    ] {
        let z = c1(&fx, &format!("{key}/z"));
        let p = c1(&fx, &format!("{key}/p"));
        let k = fx.f64(&format!("{key}/k"));
        let sos = zpk2sos(&z, &p, k, Some(pairing), analog).unwrap();
        assert_allclose(&sos.into_dyn(), &fx.array_f64(&format!("{key}/sos")), 1e-13, 1e-15);
    }
    let (b, a) = zpk2tf(&c1(&fx, "zpk2tf/z"), &c1(&fx, "zpk2tf/p"), 1.5).unwrap();
    assert_allclose(&b, &f1(&fx, "zpk2tf/b"), 1e-14, 1e-15);
    assert_allclose(&a, &f1(&fx, "zpk2tf/a"), 1e-14, 1e-15);
}

/// Every expected root has a distinct actual root within `tol` (root order differs from LAPACK's).
fn same_roots(actual: &Array1<Complex64>, want: &Array1<Complex64>, tol: f64, what: &str) {
    assert_eq!(actual.len(), want.len(), "{what}: number of roots");
    let mut used = vec![false; actual.len()];
    for w in want {
        let best = (0..actual.len())
            .filter(|&i| !used[i])
            .min_by(|&i, &j| (actual[i] - w).norm().total_cmp(&(actual[j] - w).norm()))
            .unwrap();
        assert!((actual[best] - w).norm() <= tol * (1.0 + w.norm()), "{what}: root {w} vs {}", actual[best]);
        used[best] = true;
    }
}

#[test]
fn tf2zpk_matches() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_tf2zpk.json")).unwrap();
    for key in fx.keys() {
        let g = |k: &str| format!("{key}/{k}");
        let zpk = tf2zpk(&f1(&fx, &g("b")), &f1(&fx, &g("a"))).unwrap();
        // Different QR implementations (EISPACK-style here, LAPACK in NumPy): roots agree to
        // the conditioning of each polynomial, ~1e-13 for these.
        same_roots(&zpk.z, &c1(&fx, &g("z")), 1e-10, &key);
        same_roots(&zpk.p, &c1(&fx, &g("p")), 1e-10, &key);
        let k = fx.f64(&g("k"));
        assert!((zpk.k - k).abs() <= 1e-14 * k.abs(), "{key}: k");
    }
}

//! scipy.signal parity for freqs, freqs_zpk, group_delay, iirnotch, iirpeak and iircomb:
//! tests/fixtures/signal_freqs.json (written by tools/fixtures/signal_freqs.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;
use std::f64::consts::PI;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_freqs.json")).unwrap()
}

fn c1(fx: &Fixture, k: &str) -> Array1<Complex64> {
    fx.array_c64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn freqs_and_freqs_zpk() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("freqs_")) {
        let g = |k: &str| format!("{key}/{k}");
        let (b, a) = (f1(&fx, &g("b")), f1(&fx, &g("a")));
        let (z, p, k) = (c1(&fx, &g("z")), c1(&fx, &g("p")), fx.f64(&g("k")));
        for n in [1usize, 7, 200] {
            let (w, h) = freqs(&b, &a, WorN::N(n)).unwrap();
            // The frequency grid is exact (powers of ten of rounded decades); the response goes
            // through the polynomial coefficients, whose rounding differs from NumPy's roots.
            assert_allclose(&w, &f1(&fx, &g(&format!("ba_w{n}"))), 1e-15, 0.0);
            assert_allclose(&h, &c1(&fx, &g(&format!("ba_h{n}"))), 1e-12, 1e-300);
            let (w, h) = freqs_zpk(&z, &p, k, WorN::N(n)).unwrap();
            assert_allclose(&w, &f1(&fx, &g(&format!("zpk_w{n}"))), 1e-15, 0.0);
            assert_allclose(&h, &c1(&fx, &g(&format!("zpk_h{n}"))), 1e-13, 1e-300);
        }
        let wl = f1(&fx, &g("wl")).to_vec();
        let (w, h) = freqs(&b, &a, WorN::Freqs(wl.clone())).unwrap();
        assert_eq!(w.to_vec(), wl);
        assert_allclose(&h, &c1(&fx, &g("ba_hl")), 1e-12, 1e-300);
        let (_, h) = freqs_zpk(&z, &p, k, WorN::Freqs(wl)).unwrap();
        assert_allclose(&h, &c1(&fx, &g("zpk_hl")), 1e-13, 1e-300);
        count += 1;
    }
    assert_eq!(count, 6);
}

/// Error bound of the group delay at each frequency: the evaluation of `C(z) = sum c_k z^k`
/// loses `sum |c_k| / |C(z)|` relative digits, so near a zero on the unit circle (Butterworth
/// zeros at Nyquist) both SciPy's value and ours are rounding noise.
fn tolerance(b: &Array1<f64>, a: &Array1<f64>, w: &Array1<f64>, fs: f64) -> Array1<f64> {
    let mut c = vec![0.0; b.len() + a.len() - 1];
    for (i, &bi) in b.iter().enumerate() {
        for (j, &aj) in a.iter().rev().enumerate() {
            c[i + j] += bi * aj;
        }
    }
    let total: f64 = c.iter().map(|v| v.abs()).sum::<f64>() * c.len() as f64;
    w.mapv(|wf| {
        let wi = 2.0 * PI * wf / fs;
        let z = Complex64::new(wi.cos(), -wi.sin());
        let den = c.iter().rev().fold(Complex64::new(0.0, 0.0), |y, &ck| y * z + ck).norm();
        1e-11 + 1e3 * f64::EPSILON * total / den
    })
}

fn check_gd(got: &Array1<f64>, want: &Array1<f64>, tol: &Array1<f64>, what: &str) {
    for i in 0..got.len() {
        let (g, w) = (got[i], want[i]);
        assert!((g - w).abs() <= tol[i] * (1.0 + w.abs()), "{what}[{i}]: {g} vs {w} (tol {})", tol[i]);
    }
}

#[test]
fn group_delay_matches_scipy() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("gd_")) {
        let g = |k: &str| format!("{key}/{k}");
        let (b, a) = (f1(&fx, &g("b")), f1(&fx, &g("a")));
        for n in [1usize, 16, 512] {
            for whole in [false, true] {
                let s = format!("{n}_{}", whole as u8);
                let (w, gd) = group_delay(&b, &a, WorN::N(n), whole, 2.0 * PI).unwrap();
                assert_allclose(&w, &f1(&fx, &g(&format!("w_{s}"))), 1e-15, 0.0);
                let tol = tolerance(&b, &a, &w, 2.0 * PI);
                check_gd(&gd, &f1(&fx, &g(&format!("gd_{s}"))), &tol, &key);
            }
        }
        let wl = f1(&fx, &g("wl")).to_vec();
        let (w, gd) = group_delay(&b, &a, WorN::Freqs(wl), false, 1000.0).unwrap();
        assert_allclose(&w, &f1(&fx, &g("w_l")), 1e-15, 0.0);
        check_gd(&gd, &f1(&fx, &g("gd_l")), &tolerance(&b, &a, &w, 1000.0), &key);
        count += 1;
    }
    assert_eq!(count, 6);
}

#[test]
fn notch_peak_and_comb() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("notch_")) {
        let g = |k: &str| format!("{key}/{k}");
        let (w0, q, fs) = (fx.f64(&g("w0")), fx.f64(&g("q")), fx.f64(&g("fs")));
        let (b, a) = iirnotch(w0, q, fs).unwrap();
        assert_allclose(&b, &f1(&fx, &g("bn")), 1e-15, 1e-16);
        assert_allclose(&a, &f1(&fx, &g("an")), 1e-15, 1e-16);
        let (b, a) = iirpeak(w0, q, fs).unwrap();
        assert_allclose(&b, &f1(&fx, &g("bp")), 1e-15, 1e-16);
        assert_allclose(&a, &f1(&fx, &g("ap")), 1e-15, 1e-16);
        count += 1;
    }
    for key in fx.keys().into_iter().filter(|k| k.starts_with("comb_")) {
        let g = |k: &str| format!("{key}/{k}");
        let (w0, q, fs) = (fx.f64(&g("w0")), fx.f64(&g("q")), fx.f64(&g("fs")));
        let ftype = if fx.str(&g("ftype")) == "notch" { CombType::Notch } else { CombType::Peak };
        let pz = fx.get(&g("pass_zero")).as_bool().unwrap();
        let (b, a) = iircomb(w0, q, ftype, fs, pz).unwrap();
        assert_allclose(&b, &f1(&fx, &g("b")), 1e-15, 1e-16);
        assert_allclose(&a, &f1(&fx, &g("a")), 1e-15, 1e-16);
        count += 1;
    }
    assert_eq!(count, 5 + 12);
}

#[test]
fn bad_input_is_a_typed_error() {
    let (b, a) = (Array1::from(vec![1.0, 2.0]), Array1::from(vec![1.0, 0.5]));
    let empty = Array1::<f64>::zeros(0);
    let cases: Vec<(&str, Result<(), SignalError>, &str)> = vec![
        ("freqs empty b", freqs(&empty, &a, WorN::N(10)).map(drop), "b"),
        ("freqs empty a", freqs(&b, &empty, WorN::N(10)).map(drop), "a"),
        ("group_delay empty a", group_delay(&b, &empty, WorN::N(8), false, 2.0).map(drop), "a"),
        ("group_delay fs = 0", group_delay(&b, &a, WorN::N(8), false, 0.0).map(drop), "fs"),
        ("group_delay fs NaN", group_delay(&b, &a, WorN::N(8), false, f64::NAN).map(drop), "fs"),
        ("iirnotch w0 > fs/2", iirnotch(120.0, 30.0, 200.0).map(drop), "w0"),
        ("iirnotch w0 < 0", iirnotch(-1.0, 30.0, 200.0).map(drop), "w0"),
        ("iirnotch Q = 0", iirnotch(10.0, 0.0, 200.0).map(drop), "Q"),
        ("iirpeak fs < 0", iirpeak(10.0, 3.0, -200.0).map(drop), "fs"),
        ("iirpeak w0 NaN", iirpeak(f64::NAN, 3.0, 200.0).map(drop), "w0"),
        ("iircomb w0 = 0", iircomb(0.0, 30.0, CombType::Notch, 200.0, false).map(drop), "w0"),
        ("iircomb w0 = fs/2", iircomb(100.0, 30.0, CombType::Peak, 200.0, false).map(drop), "w0"),
        ("iircomb not divisible", iircomb(30.0, 30.0, CombType::Notch, 200.0, false).map(drop), "fs"),
        ("iircomb Q NaN", iircomb(20.0, f64::NAN, CombType::Notch, 200.0, false).map(drop), "Q"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
}

#[test]
fn edge_cases() {
    // No frequencies requested: empty outputs.
    let (b, a) = (Array1::from(vec![1.0]), Array1::from(vec![1.0, 1.0]));
    let (w, h) = freqs(&b, &a, WorN::N(0)).unwrap();
    assert!(w.is_empty() && h.is_empty());
    let (w, gd) = group_delay(&b, &a, WorN::Freqs(vec![]), false, 2.0).unwrap();
    assert!(w.is_empty() && gd.is_empty());
    // Non-contiguous coefficient views give the same answer.
    let wide = Array1::from(vec![1.0, 9.0, 2.0, 9.0, 3.0, 9.0, 2.0, 9.0, 1.0]);
    let view = wide.slice(sci_array::ndarray::s![..;2]);
    let (_, g1) = group_delay(&view, &Array1::from(vec![1.0]), WorN::N(5), true, 2.0 * PI).unwrap();
    assert!(g1.iter().all(|&d| (d - 2.0).abs() < 1e-12));
    // A zero exactly on the unit circle: the delay there is set to 0 (SciPy warns).
    let (b, a) = (Array1::from(vec![1.0, -1.0]), Array1::from(vec![1.0]));
    let (_, gd) = group_delay(&b, &a, WorN::Freqs(vec![0.0, 1.0]), false, 2.0 * PI).unwrap();
    assert_eq!(gd[0], 0.0);
    assert!((gd[1] - 0.5).abs() < 1e-15);
}

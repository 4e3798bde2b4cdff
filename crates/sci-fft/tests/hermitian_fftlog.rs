//! hfftn/ihfftn/hfft2/ihfft2, prev_fast_len and fht/ifht/fhtoffset against SciPy
//! (tests/fixtures/hermitian_fftlog.json, written by tools/fixtures/fft_hermitian_fftlog.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_fft::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hermitian_fftlog.json")).unwrap()
}

fn norm(s: &str) -> Norm {
    match s {
        "backward" => Norm::Backward,
        "ortho" => Norm::Ortho,
        "forward" => Norm::Forward,
        _ => panic!("bad norm {s}"),
    }
}

// pocketfft and rustfft round differently; FFT round-off grows like log(n) eps.
const RTOL: f64 = 1e-12;
const ATOL: f64 = 1e-13;

#[test]
fn hermitian_nd_matches_scipy() {
    let fx = load();
    let n = fx.get("hermitian").as_array().unwrap().len();
    assert_eq!(n, 90);
    let mut checked = 0;
    for c in 0..n {
        let p = |k: &str| format!("hermitian/{c}/{k}");
        let xr = fx.array_f64(&p("xr"));
        let xc = fx.array_c64(&p("xc"));
        let nm = norm(fx.str(&p("norm")));
        let sv: Vec<usize> = fx.array_i64(&p("s")).iter().map(|&v| v as usize).collect();
        let av: Vec<isize> = fx.array_i64(&p("axes")).iter().map(|&v| v as isize).collect();
        let s = fx.get(&p("has_s")).as_bool().unwrap().then_some(&sv[..]);
        let axes = fx.get(&p("has_axes")).as_bool().unwrap().then_some(&av[..]);
        let what = format!("case {c}: shape {:?} s {s:?} axes {axes:?} {nm:?}", xr.shape());
        let obj = fx.get(&format!("hermitian/{c}")).as_object().unwrap();
        if obj.contains_key("hfftn") {
            let got = hfftn(&xc, s, axes, nm).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_allclose(&got, &fx.array_f64(&p("hfftn")), RTOL, ATOL);
            checked += 1;
        } else {
            // SciPy: "invalid number of data points (0) specified".
            assert!(fx.str(&p("hfftn_error")).contains("invalid number of data points"));
            assert!(matches!(hfftn(&xc, s, axes, nm), Err(FftError::InvalidLength { .. })), "{what}");
        }
        let got = ihfftn(&xr, s, axes, nm).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_allclose(&got, &fx.array_c64(&p("ihfftn")), RTOL, ATOL);
        if obj.contains_key("hfft2") {
            let got = hfft2(&xc, s, axes, nm).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_allclose(&got, &fx.array_f64(&p("hfft2")), RTOL, ATOL);
            checked += 1;
        } else if obj.contains_key("hfft2_error") {
            assert!(hfft2(&xc, s, axes, nm).is_err(), "{what}");
        }
        if obj.contains_key("ihfft2") {
            let got = ihfft2(&xr, s, axes, nm).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_allclose(&got, &fx.array_c64(&p("ihfft2")), RTOL, ATOL);
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn hermitian_nd_on_views_and_f32() {
    let x = Array2::from_shape_fn((6, 10), |(i, j)| ((i * 7 + j * 3) % 11) as f64 - 5.0);
    let view = x.slice(s![..;2, ..;3]);
    let owned = view.to_owned();
    assert_eq!(
        ihfftn(&view, None, None, Norm::Ortho).unwrap(),
        ihfftn(&owned, None, None, Norm::Ortho).unwrap()
    );
    let t = x.t();
    assert_eq!(
        ihfft2(&t, None, None, Norm::Backward).unwrap(),
        ihfft2(&t.to_owned(), None, None, Norm::Backward).unwrap()
    );
    // Single precision computes in f32 and agrees with f64 to f32 round-off.
    let x32 = owned.mapv(|v| v as f32);
    let h32 = ihfftn(&x32, None, None, Norm::Backward).unwrap();
    let h64 = ihfftn(&owned, None, None, Norm::Backward).unwrap();
    for (a, b) in h32.iter().zip(&h64) {
        assert!((f64::from(a.re) - b.re).abs() < 1e-5 && (f64::from(a.im) - b.im).abs() < 1e-5);
    }
    let back = hfftn(&h32, Some(&[3, 4]), None, Norm::Backward).unwrap();
    for (a, b) in back.iter().zip(&x32) {
        assert!((a - b).abs() < 1e-4, "{a} {b}");
    }
}

/// SciPy's n-d path reads the default last length of a single point as 1 (the 1-d `hfft` and
/// `irfft` refuse it): `scipy.fft.hfftn([1+0j])` is `[1.]`, `irfftn([[2+0j, 4+0j]], axes=[0])`
/// is `[[2., 4.]]`.
#[test]
fn single_point_default_length() {
    let y = hfftn(&array![Complex64::new(1.0, 0.0)], None, None, Norm::Backward).unwrap();
    assert_eq!(y, array![1.0]);
    let y = irfftn(
        &array![[Complex64::new(2.0, 0.0), Complex64::new(4.0, 0.0)]],
        None,
        Some(&[0]),
        Norm::Backward,
    )
    .unwrap();
    assert_eq!(y, array![[2.0, 4.0]]);
    assert!(hfft(&array![Complex64::new(1.0, 0.0)], None, -1, Norm::Backward).is_err());
}

#[test]
fn hermitian_nd_bad_input() {
    let x = Array2::<f64>::ones((3, 4));
    let xc = x.mapv(|v| Complex64::new(v, 0.0));
    let errors = vec![
        ("axis out of bounds", ihfftn(&x, None, Some(&[2]), Norm::Backward).map(|_| ())),
        ("repeated axes", ihfftn(&x, None, Some(&[0, 0]), Norm::Backward).map(|_| ())),
        ("s and axes lengths", hfftn(&xc, Some(&[4]), Some(&[0, 1]), Norm::Backward).map(|_| ())),
        ("zero length", hfftn(&xc, Some(&[3, 0]), None, Norm::Backward).map(|_| ())),
        ("no axes", hfftn(&xc, None, Some(&[]), Norm::Backward).map(|_| ())),
        ("no axes ihfftn", ihfftn(&x, None, Some(&[]), Norm::Backward).map(|_| ())),
        (
            "1-d has no axis -2",
            hfft2(&array![Complex64::new(1.0, 0.0)], None, None, Norm::Backward).map(|_| ()),
        ),
        (
            "empty last axis",
            hfftn(&Array2::<Complex64>::zeros((2, 0)), None, None, Norm::Backward).map(|_| ()),
        ),
        ("too many s", ihfft2(&array![1.0, 2.0], Some(&[2, 2]), None, Norm::Backward).map(|_| ())),
    ];
    for (what, r) in errors {
        assert!(r.is_err(), "{what}");
    }
}

#[test]
fn prev_fast_len_matches_scipy() {
    let fx = load();
    let targets = fx.array_i64("prev_fast_len/targets");
    let cplx = fx.array_i64("prev_fast_len/complex");
    let real = fx.array_i64("prev_fast_len/real");
    assert!(targets.len() > 2500);
    for ((&t, &c), &r) in targets.iter().zip(&cplx).zip(&real) {
        assert_eq!(prev_fast_len(t as usize, false).unwrap() as i64, c, "complex {t}");
        assert_eq!(prev_fast_len(t as usize, true).unwrap() as i64, r, "real {t}");
    }
    let msg = fx.str("prev_too_large");
    let e = prev_fast_len(1_676_976_733_973_595_603, false).unwrap_err();
    assert!(e.to_string().contains(msg), "{e} vs {msg}");
    assert!(prev_fast_len(usize::MAX, true).is_err());
}

#[test]
fn fht_matches_scipy() {
    let fx = load();
    let n = fx.get("fht").as_array().unwrap().len();
    assert_eq!(n, 547);
    for c in 0..n {
        let p = |k: &str| format!("fht/{c}/{k}");
        let a = fx.array_f64(&p("a"));
        let (dln, mu, bias, offset) =
            (fx.f64(&p("dln")), fx.f64(&p("mu")), fx.f64(&p("bias")), fx.f64(&p("offset")));
        let what = format!("n {:?} dln {dln} mu {mu} bias {bias} offset {offset}", a.shape());
        let want = fx.array_f64(&p("fht"));
        let got = fht(&a, dln, mu, offset, bias).unwrap();
        check(&got, &want, &what);
        let want = fx.array_f64(&p("ifht"));
        let got = ifht(&a, dln, mu, offset, bias).unwrap();
        check(&got, &want, &format!("inverse {what}"));
    }
}

/// The coefficients are exponentials of log-gamma values up to ~1e3 in size (mu = 10.5 at
/// dln = 0.01), so last-bit differences from SciPy's log-gamma become relative errors of up to
/// ~1e3 eps; the inverse divides by coefficients far below 1, and the two FFT engines round
/// differently. The largest difference seen is 1.8e-13 of the largest output value; 1e-12
/// of it bounds all cases.
fn check(got: &ArrayD<f64>, want: &ArrayD<f64>, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}");
    let scale = want.iter().filter(|v| v.is_finite()).fold(0.0f64, |m, v| m.max(v.abs())).max(1e-300);
    for (g, w) in got.iter().zip(want) {
        if w.is_nan() {
            assert!(g.is_nan(), "{what}: {g} vs NaN");
        } else if w.is_infinite() {
            assert_eq!(g, w, "{what}");
        } else {
            assert!((g - w).abs() <= 1e-12 * scale, "{what}: {g} vs {w} (scale {scale})");
        }
    }
}

#[test]
fn fhtoffset_matches_scipy() {
    let fx = load();
    let rows = fx.array_f64("fhtoffset").into_dimensionality::<Ix2>().unwrap();
    assert_eq!(rows.nrows(), 225);
    for r in rows.rows() {
        let got = fhtoffset(r[0], r[1], r[2], r[3]);
        // The offset is initial + (arg - round(arg)) dln with arg ~ 1/dln: a few ulps of arg.
        assert!((got - r[4]).abs() <= 1e-13, "{r}: {got}");
    }
}

#[test]
fn fht_views_round_trip_and_bad_input() {
    let a =
        Array1::from_shape_fn(40, |j| ((j as f64 - 19.5) * 0.1).exp().powi(2) * (-(j as f64) / 9.0).exp());
    let view = a.slice(s![..;2]);
    assert_eq!(fht(&view, 0.2, 0.5, 0.1, 0.2).unwrap(), fht(&view.to_owned(), 0.2, 0.5, 0.1, 0.2).unwrap());
    let back = ifht(&fht(&a, 0.1, 1.0, 0.3, 0.0).unwrap(), 0.1, 1.0, 0.3, 0.0).unwrap();
    for (b, v) in back.iter().zip(&a) {
        assert!((b - v).abs() < 1e-12, "{b} {v}");
    }
    // A 2-d input transforms each row.
    let m = Array2::from_shape_fn((3, 8), |(i, j)| (i as f64 + 1.0) * (j as f64).cos());
    let t = m.t().to_owned();
    let by_rows = fht(&t.t(), 0.1, 0.0, 0.0, 0.0).unwrap();
    for i in 0..3 {
        let row = fht(&m.row(i), 0.1, 0.0, 0.0, 0.0).unwrap();
        assert_eq!(by_rows.row(i).to_owned(), row.into_dimensionality::<Ix1>().unwrap());
    }
    assert!(matches!(fht(&Array1::<f64>::zeros(0), 0.1, 0.0, 0.0, 0.0), Err(FftError::InvalidLength { .. })));
    assert!(ifht(&Array2::<f64>::zeros((2, 0)), 0.1, 0.0, 0.0, 0.0).is_err());
    let scalar = sci_array::ndarray::arr0(1.0);
    assert!(fht(&scalar, 0.1, 0.0, 0.0, 0.0).is_err());
}

//! scipy.signal parity for filtfilt(method='gust'), hilbert2 and medfilt with long kernels:
//! tests/fixtures/signal_filter_more.json (written by tools/fixtures/signal_filter_more.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::{FiltfiltMethod, FiltfiltOptions, SignalError, filtfilt, hilbert2, medfilt, sosfiltfilt};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_filter_more.json")).unwrap()
}

fn a1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn a2(fx: &Fixture, k: &str) -> Array2<f64> {
    fx.array_f64(k).into_dimensionality::<Ix2>().unwrap()
}

fn gust(irlen: Option<usize>, axis: isize) -> FiltfiltOptions {
    FiltfiltOptions { axis, method: FiltfiltMethod::Gust { irlen }, ..Default::default() }
}

#[test]
fn filtfilt_gust_matches() {
    let fx = load();
    let names = ["butter4", "cheby1_3", "fir", "scaled", "gain"];
    for name in names {
        let g = |k: &str| format!("gust_{name}/{k}");
        let (b, a, x1, x2) = (a1(&fx, &g("b")), a1(&fx, &g("a")), a1(&fx, &g("x1")), a2(&fx, &g("x2")));
        // A least-squares solve (SVD here, LAPACK gelsd in SciPy) and four filter passes.
        let tol = 1e-11;
        let check =
            |got: Array1<f64>, key: &str| assert_allclose(&got.into_dyn(), &fx.array_f64(&g(key)), tol, tol);
        check(filtfilt(&b, &a, &x1, gust(None, -1)).unwrap(), "y");
        check(filtfilt(&b, &a, &x1, gust(Some(20), -1)).unwrap(), "y_irlen");
        check(filtfilt(&b, &a, &x1, gust(Some(70), -1)).unwrap(), "y_irlen_long");
        check(filtfilt(&b, &a, &x1.slice(s![..3]), gust(None, -1)).unwrap(), "y_short");
        check(filtfilt(&b, &a, &x1.slice(s![..1]), gust(None, -1)).unwrap(), "y_one");
        let y2 = filtfilt(&b, &a, &x2, gust(None, -1)).unwrap();
        assert_allclose(&y2.into_dyn(), &fx.array_f64(&g("y_2d")), tol, tol);
        // Along axis 0 of a transposed (non-contiguous) view.
        let y0 = filtfilt(&b, &a, &x2.t(), gust(None, 0)).unwrap();
        assert_allclose(&y0.into_dyn(), &fx.array_f64(&g("y_2d_ax0")), tol, tol);
    }
}

#[test]
fn filtfilt_gust_f32_and_empty() {
    let fx = load();
    let (b, a, x1) = (a1(&fx, "gust_butter4/b"), a1(&fx, "gust_butter4/a"), a1(&fx, "gust_butter4/x1"));
    let (bf, af, xf) = (b.mapv(|v| v as f32), a.mapv(|v| v as f32), x1.mapv(|v| v as f32));
    let y = filtfilt(&bf, &af, &xf, gust(None, -1)).unwrap().mapv(f64::from);
    // f32 round-off through the filter and the least-squares solve.
    assert_allclose(&y.into_dyn(), &fx.array_f64("gust_butter4/y"), 1e-4, 1e-4);
    let e = filtfilt(&b, &a, &Array1::<f64>::zeros(0), gust(None, -1)).unwrap();
    assert_eq!(e.len(), 0);
}

#[test]
fn filtfilt_gust_bad_input() {
    let x = Array1::from(vec![1.0, 2.0, 3.0]);
    let cases: Vec<(&str, &str, Result<(), SignalError>)> = vec![
        (
            "empty b",
            "b",
            filtfilt(&Array1::<f64>::zeros(0), &Array1::from(vec![1.0]), &x, gust(None, -1)).map(drop),
        ),
        (
            "a[0] == 0",
            "a",
            filtfilt(&Array1::from(vec![1.0]), &Array1::from(vec![0.0, 1.0]), &x, gust(None, -1)).map(drop),
        ),
        (
            "sosfiltfilt gust",
            "method",
            sosfiltfilt(&sci_array::ndarray::array![[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]], &x, gust(None, -1))
                .map(drop),
        ),
    ];
    for (what, arg, r) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) if got == arg => {}
            other => panic!("{what}: expected InvalidValue for {arg}, got {other:?}"),
        }
    }
    let r = filtfilt(&Array1::from(vec![1.0]), &Array1::from(vec![1.0]), &x, gust(None, 1));
    assert!(matches!(r, Err(SignalError::Array(_))), "{r:?}");
}

#[test]
fn hilbert2_matches() {
    let fx = load();
    let x = a2(&fx, "hilbert2/x");
    let c = |k: &str| fx.array_c64(&format!("hilbert2/{k}"));
    let tol = 1e-13;
    let check = |got: Array2<sci_array::num_complex::Complex64>, key: &str| {
        let want = c(key);
        assert_eq!(got.shape(), want.shape(), "{key}");
        for (g, w) in got.iter().zip(want.iter()) {
            assert!((g - w).norm() <= tol * (1.0 + w.norm()), "{key}: {g} != {w}");
        }
    };
    check(hilbert2(&x, None, [-2, -1]).unwrap(), "h");
    check(hilbert2(&x, Some([8, 11]), [-2, -1]).unwrap(), "h_pad");
    check(hilbert2(&x, Some([5, 4]), [-2, -1]).unwrap(), "h_cut");
    check(hilbert2(&x.slice(s![..1, ..]), None, [-2, -1]).unwrap(), "h_one");
    check(hilbert2(&x.slice(s![..1, ..1]), None, [-2, -1]).unwrap(), "h_1x1");
    check(hilbert2(&x, Some([7, 7]), [-2, -1]).unwrap(), "h_sq");
    check(hilbert2(&x, Some([11, 8]), [-1, -2]).unwrap(), "h_rev");
    // A transposed view gives the transposed result's input.
    let xt = x.t().to_owned();
    let direct = hilbert2(&xt, None, [-2, -1]).unwrap();
    let view = hilbert2(&x.t(), None, [-2, -1]).unwrap();
    assert_eq!(direct, view);
}

#[test]
fn hilbert2_nd_matches() {
    let fx = load();
    let x = fx.array_f64("hilbert2_nd/x").into_dimensionality::<sci_array::ndarray::Ix3>().unwrap();
    let check = |got: sci_array::ndarray::Array3<sci_array::num_complex::Complex64>, key: &str| {
        let want = fx.array_c64(&format!("hilbert2_nd/{key}"));
        assert_eq!(got.shape(), want.shape(), "{key}");
        for (g, w) in got.iter().zip(want.iter()) {
            assert!((g - w).norm() <= 1e-13 * (1.0 + w.norm()), "{key}: {g} != {w}");
        }
    };
    check(hilbert2(&x, None, [-2, -1]).unwrap(), "h");
    check(hilbert2(&x, None, [0, 2]).unwrap(), "h_02");
    check(hilbert2(&x, Some([4, 6]), [2, 0]).unwrap(), "h_20_pad");
}

#[test]
fn hilbert2_bad_input() {
    let x = Array2::<f64>::ones((3, 4));
    for (what, arg, r) in [
        ("zero N", "N", hilbert2(&x, Some([0, 4]), [-2, -1])),
        ("empty x", "x", hilbert2(&Array2::<f64>::zeros((0, 4)), None, [-2, -1])),
        ("same axes", "axes", hilbert2(&x, None, [1, -1])),
    ] {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) if got == arg => {}
            other => panic!("{what}: expected InvalidValue for {arg}, got {other:?}"),
        }
    }
    let one_d = hilbert2(&Array1::<f64>::ones(4), None, [-2, -1]);
    assert!(matches!(one_d, Err(SignalError::InvalidValue { arg: "x", .. })), "{one_d:?}");
    assert!(matches!(hilbert2(&x, None, [0, 2]), Err(SignalError::Array(_))));
}

#[test]
fn medfilt_long_kernels_match() {
    let fx = load();
    let x = a1(&fx, "medfilt/x");
    for k in [1usize, 3, 5, 9, 33, 101, 129, 301, 401] {
        let want = fx.array_f64(&format!("medfilt/k{k}"));
        assert_eq!(medfilt(&x, &[k]).unwrap().into_dyn(), want, "k={k}");
        // Reversed (non-contiguous) view: the median filter commutes with reversal.
        let r = medfilt(&x.slice(s![..;-1]), &[k]).unwrap();
        assert_eq!(r.slice(s![..;-1]).to_owned().into_dyn(), want, "reversed k={k}");
    }
    // NaN keeps SciPy's per-window selection.
    let mut xn = x.clone();
    xn[10] = f64::NAN;
    assert_eq!(medfilt(&xn, &[9]).unwrap().len(), x.len());
}

#[test]
fn sosfilt_with_zi_any_axis() {
    let fx = load();
    let sos = a2(&fx, "sosfilt_zi/sos");
    let x3 = fx.array_f64("sosfilt_zi/x3").into_dimensionality::<sci_array::ndarray::Ix3>().unwrap();
    for axis in [0isize, 1, 2, -1] {
        let g = |k: &str| fx.array_f64(&format!("sosfilt_zi/ax{axis}/{k}"));
        let zi = g("zi").into_dimensionality::<sci_array::ndarray::Ix4>().unwrap();
        let (y, zf) = sci_signal::sosfilt_with_zi(&sos, &x3, axis, &zi).unwrap();
        assert_allclose(&y.into_dyn(), &g("y"), 1e-12, 1e-12);
        assert_allclose(&zf.into_dyn(), &g("zf"), 1e-12, 1e-12);
        // A permuted (non-contiguous) input gives the same numbers.
        let xp = x3.view().permuted_axes([2, 1, 0]);
        let zp = zi.view().permuted_axes([0, 3, 2, 1]);
        let ap = match axis {
            0 => 2,
            2 | -1 => 0,
            _ => 1,
        };
        let (yp, zfp) = sci_signal::sosfilt_with_zi(&sos, &xp, ap, &zp).unwrap();
        assert_allclose(&yp.permuted_axes([2, 1, 0]).into_dyn(), &g("y"), 1e-12, 1e-12);
        assert_allclose(&zfp.permuted_axes([0, 3, 2, 1]).into_dyn(), &g("zf"), 1e-12, 1e-12);
    }
    // Empty along the axis: nothing filtered, the state passes through (SciPy fails here).
    let zi = Array2::from_shape_fn((sos.nrows(), 2), |(i, j)| (i * 2 + j) as f64);
    let (y, zf) = sci_signal::sosfilt_with_zi(&sos, &Array1::<f64>::zeros(0), -1, &zi).unwrap();
    assert_eq!((y.len(), zf), (0, zi));
    // A zi of the wrong shape.
    let bad = sci_signal::sosfilt_with_zi(
        &sos,
        &x3,
        1,
        &sci_array::ndarray::Array4::<f64>::zeros((sos.nrows(), 4, 3, 3)),
    );
    assert!(matches!(bad, Err(SignalError::Array(_))), "{bad:?}");
}

#[test]
fn hilbert_f32_matches_scipy_in_single_precision() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_misc.json")).unwrap();
    let x = a1(&fx, "hilbert/x").mapv(|v| v as f32);
    let want = fx.array_c64("hilbert/h");
    let got = sci_signal::hilbert(&x, None, -1).unwrap();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want.iter()) {
        // f32 transforms: a few ulps of f32 times log2(n).
        assert!((g.re as f64 - w.re).abs() < 1e-5 && (g.im as f64 - w.im).abs() < 1e-5, "{g} != {w}");
    }
}

#[test]
fn hilbert2_f32() {
    let fx = load();
    let x = a2(&fx, "hilbert2/x").mapv(|v| v as f32);
    let want = fx.array_c64("hilbert2/h_pad");
    let got = hilbert2(&x, Some([8, 11]), [-2, -1]).unwrap();
    assert_eq!(got.shape(), want.shape());
    for (g, w) in got.iter().zip(want.iter()) {
        // f32 transforms of an O(1) image.
        assert!((g.re as f64 - w.re).abs() < 1e-5 && (g.im as f64 - w.im).abs() < 1e-5, "{g} != {w}");
    }
}

//! Complex QR against SciPy (fixtures from tools/fixtures/linalg_qr_complex.py): `qr_raw`
//! equals zgeqrf's `h`, `tau`, `r` value by value; `qr_pivoting` has zgeqp3's pivots and `|r|`
//! (row phases may differ) and reconstructs `a[:, p] = q r` with unitary `q`.

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array, s};
use sci_array::num_complex::{Complex32, Complex64 as C};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_complex.json")).unwrap()
}

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn cv(f: &Fixture, p: &str) -> Array1<C> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

fn c32(a: &Array2<C>) -> Array2<Complex32> {
    a.mapv(|z| Complex32::new(z.re as f32, z.im as f32))
}

fn adj(a: &Array2<C>) -> Array2<C> {
    a.t().mapv(|z| z.conj())
}

#[test]
fn raw_matches_scipy() {
    let f = fx();
    for name in ["sq4", "tall6x3", "wide3x6", "one", "row1x4", "col5x1", "zero_col", "real_valued"] {
        let k = format!("raw_{name}");
        let a = cm(&f, &format!("{k}/a"));
        let ((h, tau), r) = qr_raw(&a).unwrap();
        assert_allclose(&h, &cm(&f, &format!("{k}/h")), 1e-13, 1e-14);
        assert_allclose(&tau, &cv(&f, &format!("{k}/tau")), 1e-13, 1e-14);
        assert_allclose(&r, &cm(&f, &format!("{k}/r")), 1e-13, 1e-14);
        // R's diagonal is real, as LAPACK's.
        assert!(r.diag().iter().all(|z| z.im == 0.0), "{name}");
        // The same from a non-contiguous view.
        let mut big = Array2::<C>::zeros((a.nrows(), 2 * a.ncols()));
        big.slice_mut(s![.., ..;-2]).assign(&a);
        let ((h2, _), _) = qr_raw(&big.slice(s![.., ..;-2])).unwrap();
        assert_allclose(&h2, &h, 1e-15, 1e-15);
    }
    let a = cm(&f, "raw_c64/a");
    let ((h, tau), r) = qr_raw(&c32(&a)).unwrap();
    // complex64 on both sides: a few dozen float32 eps.
    assert_allclose(&h, &c32(&cm(&f, "raw_c64/h")), 1e-5, 1e-6);
    assert_allclose(
        &tau,
        &cv(&f, "raw_c64/tau").mapv(|z| Complex32::new(z.re as f32, z.im as f32)),
        1e-5,
        1e-6,
    );
    assert_allclose(&r, &c32(&cm(&f, "raw_c64/r")), 1e-5, 1e-6);
}

#[test]
fn raw_reflectors_rebuild_a() {
    let f = fx();
    let a = cm(&f, "raw_tall6x3/a");
    let ((h, tau), r) = qr_raw(&a).unwrap();
    let (m, n) = a.dim();
    // Q = H_0 H_1 H_2 with H_i = I - tau_i v_i v_iᴴ
    let mut q = Array2::<C>::eye(m);
    for i in (0..n).rev() {
        let mut v = Array2::<C>::zeros((m, 1));
        v[[i, 0]] = C::new(1.0, 0.0);
        v.slice_mut(s![i + 1.., 0]).assign(&h.slice(s![i + 1.., i]));
        q = &q - &(v.dot(&adj(&v).dot(&q)) * tau[i]);
    }
    assert_allclose(&q.slice(s![.., ..n]).dot(&r), &a, 1e-13, 1e-13);
}

#[test]
fn pivoting_matches_scipy() {
    let f = fx();
    for name in ["sq5", "tall7x4", "wide3x6", "one"] {
        let k = format!("piv_{name}");
        let a = cm(&f, &format!("{k}/a"));
        for (mode, tag) in [(QrMode::Full, "full"), (QrMode::Economic, "economic")] {
            let (q, r, p) = qr_pivoting(&a, mode).unwrap();
            let want_p: Vec<usize> =
                f.array_i64(&format!("{k}/{tag}_p")).iter().map(|&x| x as usize).collect();
            assert_eq!(p.to_vec(), want_p, "{k} {tag}");
            let want_r = cm(&f, &format!("{k}/{tag}_r"));
            assert_eq!(r.dim(), want_r.dim());
            assert_eq!(q.dim(), cm(&f, &format!("{k}/{tag}_q")).dim());
            assert_allclose(&r.mapv(|z| z.norm()), &want_r.mapv(|z| z.norm()), 1e-12, 1e-12);
            assert_allclose(&q.dot(&r), &a.select(Axis(1), p.as_slice().unwrap()), 1e-13, 1e-13);
            assert_allclose(&adj(&q).dot(&q), &Array2::eye(q.ncols()), 1e-13, 1e-13);
            // |r| non-increasing on the diagonal
            let d: Vec<f64> = r.diag().iter().map(|z| z.norm()).collect();
            assert!(d.windows(2).all(|w| w[0] >= w[1]), "{k}: {d:?}");
        }
    }
    let a = cm(&f, "piv_c64/a");
    let (q, r, p) = qr_pivoting(&c32(&a), QrMode::Full).unwrap();
    let want_p: Vec<usize> = f.array_i64("piv_c64/full_p").iter().map(|&x| x as usize).collect();
    assert_eq!(p.to_vec(), want_p);
    assert_allclose(&r.mapv(|z| z.norm()), &c32(&cm(&f, "piv_c64/full_r")).mapv(|z| z.norm()), 1e-5, 1e-5);
    assert_allclose(&q.dot(&r), &c32(&a).select(Axis(1), p.as_slice().unwrap()), 1e-5, 1e-5);
}

#[test]
fn empty_inputs() {
    let e = Array2::<C>::zeros((0, 3));
    let ((h, tau), r) = qr_raw(&e).unwrap();
    assert_eq!((h.dim(), tau.len(), r.dim()), ((0, 3), 0, (0, 3)));
    let (q, r, p) = qr_pivoting(&e, QrMode::Full).unwrap();
    assert_eq!((q.dim(), r.dim(), p.to_vec()), ((0, 0), (0, 3), vec![0, 1, 2]));
}

#[test]
fn bad_input_table() {
    let nan = array![[C::new(1.0, f64::NAN), C::new(0.0, 0.0)]];
    let inf = array![[C::new(f64::INFINITY, 0.0)], [C::new(1.0, 0.0)]];
    let cases: Vec<(&str, LinalgError)> = vec![
        ("qr_raw NaN", qr_raw(&nan).unwrap_err()),
        ("qr_raw inf", qr_raw(&inf).unwrap_err()),
        ("qr_pivoting NaN", qr_pivoting(&nan, QrMode::Full).unwrap_err()),
        ("qr_pivoting inf", qr_pivoting(&inf, QrMode::Economic).unwrap_err()),
    ];
    for (name, err) in cases {
        assert_eq!(err, LinalgError::NonFinite { arg: "a" }, "{name}");
    }
}

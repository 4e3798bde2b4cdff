//! SciPy parity for the blocked Householder QR of `f64` matrices (qr in every mode, qr_raw,
//! lstsq's QR route, svd's QR-first route for tall and wide matrices), on shapes across the
//! block edges (fixtures from tools/fixtures/linalg_qr_blocked.py).

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_blocked.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// The upper trapezoid of `h`'s first `rows` rows (SciPy's `r` for that many rows).
fn upper(h: &Array2<f64>, rows: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, h.ncols()), |(i, j)| if i <= j && i < h.nrows() { h[[i, j]] } else { 0.0 })
}

const QR_KEYS: [&str; 6] = ["qr_33x17", "qr_17x33", "qr_70x65", "qr_40x100", "qr_80x70", "qr_deficient"];

/// The columns of `h`, `tau` and `q` (rows of `r`) that are determined to rounding: all but in
/// `qr_deficient`, whose column 40 repeats column 5, so that its reflector (and all after it)
/// is built from rounding noise, different in any two summation orders.
fn determined(key: &str, k: usize) -> usize {
    if key == "qr_deficient" { 40 } else { k }
}

#[test]
fn qr_raw_equals_geqrf() {
    let f = fx();
    for key in QR_KEYS {
        let a = m(&f, &format!("{key}/a"));
        let (h_want, tau_want) = (m(&f, &format!("{key}/h")), v(&f, &format!("{key}/tau")));
        let k = a.nrows().min(a.ncols());
        let d = determined(key, k);
        let ((h, tau), r) = qr_raw(&a).unwrap();
        assert_allclose(&h.slice(s![.., ..d]), &h_want.slice(s![.., ..d]), 1e-11, 1e-13);
        assert_allclose(&tau.slice(s![..d]), &tau_want.slice(s![..d]), 1e-11, 1e-13);
        assert_allclose(&r.slice(s![..d, ..]), &upper(&h_want, d), 1e-11, 1e-13);
        if d < k {
            assert_eq!(tau[0], 0.0); // zero column: the identity reflector, as LAPACK's
        }
        // a non-contiguous input (every other row of a doubled matrix)
        let mut doubled = Array2::<f64>::zeros((2 * a.nrows(), a.ncols()));
        doubled.slice_mut(s![..;2, ..]).assign(&a);
        let ((h2, tau2), _) = qr_raw(&doubled.slice(s![..;2, ..])).unwrap();
        assert_allclose(&h2, &h, 1e-13, 1e-14);
        assert_allclose(&tau2, &tau, 1e-13, 1e-14);
    }
}

#[test]
fn qr_every_mode_equals_scipy() {
    let f = fx();
    for key in QR_KEYS {
        let a = m(&f, &format!("{key}/a"));
        let (mm, n) = a.dim();
        let k = mm.min(n);
        let h = m(&f, &format!("{key}/h"));
        let q_want = m(&f, &format!("{key}/q"));
        let d = determined(key, k);
        let (q, r) = qr(&a, QrMode::Economic).unwrap();
        assert_eq!((q.dim(), r.dim()), ((mm, k), (k, n)));
        assert_allclose(&q.slice(s![.., ..d]), &q_want.slice(s![.., ..d]), 1e-11, 1e-13);
        assert_allclose(&r.slice(s![..d, ..]), &upper(&h, d), 1e-11, 1e-13);
        assert_allclose(&q.dot(&r), &a, 0.0, 1e-12);
        let (q, r) = qr(&a, QrMode::Full).unwrap();
        assert_eq!((q.dim(), r.dim()), ((mm, mm), (mm, n)));
        assert_allclose(&q.slice(s![.., ..d]), &q_want.slice(s![.., ..d]), 1e-11, 1e-13);
        assert_allclose(&q.t().dot(&q), &Array2::eye(mm), 0.0, 1e-13);
        assert_allclose(&r.slice(s![..d, ..]), &upper(&h, d), 1e-11, 1e-13);
        assert!(r.slice(s![k.., ..]).iter().all(|&x| x == 0.0));
        assert_allclose(&q.dot(&r), &a, 0.0, 1e-12);
        assert_eq!(qr_r(&a).unwrap(), r);
    }
}

#[test]
fn lstsq_qr_route_equals_scipy() {
    let f = fx();
    for key in ["lstsq_70x40", "lstsq_ill"] {
        let a = m(&f, &format!("{key}/a"));
        let b = f.array_f64(&format!("{key}/b"));
        let r = lstsq(&a, &b, None).unwrap();
        assert_eq!(r.rank as i64, f.i64(&format!("{key}/rank")));
        assert_allclose(&r.s, &v(&f, &format!("{key}/s")), 1e-12, 0.0);
        assert_allclose(&r.x, &f.array_f64(&format!("{key}/x")), 1e-10, 1e-12);
        assert_allclose(&r.residues, &v(&f, &format!("{key}/residues")), 1e-10, 1e-12);
    }
}

/// Columns of `got` equal `want`'s up to sign.
fn same_up_to_sign(got: &Array2<f64>, want: &Array2<f64>, atol: f64) {
    assert_eq!(got.dim(), want.dim());
    for (g, w) in got.axis_iter(Axis(1)).zip(want.axis_iter(Axis(1))) {
        let sign = if g.dot(&w) < 0.0 { -1.0 } else { 1.0 };
        assert_allclose(&g.mapv(|x| x * sign), &w.to_owned(), 0.0, atol);
    }
}

#[test]
fn svd_of_tall_and_wide_matrices_by_qr_first_equals_scipy() {
    let f = fx();
    for key in ["svd_120x40", "svd_40x120"] {
        let a = m(&f, &format!("{key}/a"));
        let (mm, n) = a.dim();
        let s_want = v(&f, &format!("{key}/s"));
        for full in [false, true] {
            let d = svd(&a, full).unwrap();
            assert_allclose(&d.s, &s_want, 1e-12, 0.0);
            let k = s_want.len();
            let (ur, vr) = if full { (mm, n) } else { (k, k) };
            assert_eq!((d.u.dim(), d.vh.dim()), ((mm, ur), (vr, n)));
            assert_allclose(&d.u.t().dot(&d.u), &Array2::eye(ur), 0.0, 1e-13);
            assert_allclose(&d.vh.dot(&d.vh.t()), &Array2::eye(vr), 0.0, 1e-13);
            assert_allclose(&d.reconstruct(k), &a, 0.0, 1e-12);
            // Distinct singular values: the vectors are SciPy's up to sign.
            same_up_to_sign(&d.u.slice(s![.., ..k]).to_owned(), &m(&f, &format!("{key}/u")), 1e-10);
            same_up_to_sign(
                &d.vh.slice(s![..k, ..]).t().to_owned(),
                &m(&f, &format!("{key}/vh")).t().to_owned(),
                1e-10,
            );
        }
        assert_allclose(&svdvals(&a).unwrap(), &s_want, 1e-12, 0.0);
    }
}

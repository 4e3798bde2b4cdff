//! SciPy parity for qr(pivoting=True), qr(mode='r'), rq, lu(permute_l=True) and
//! lu(p_indices=True) (fixtures from tools/fixtures/linalg_qr_lu.py). R is unique up to the
//! signs of its rows (QR) or columns (RQ), so |R| is compared, plus reconstructions.

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_lu.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn idx(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().iter().map(|&i| i as usize).collect()
}

fn abs(a: &Array2<f64>) -> Array2<f64> {
    a.mapv(f64::abs)
}

const SHAPES: [&str; 7] = ["1x1", "3x3", "5x3", "3x5", "1x4", "4x1", "40x25"];
// Householder QR is backward stable: entries agree with LAPACK's to a few eps · ‖A‖.
const TOL: f64 = 1e-12;

#[test]
fn qr_pivoting_and_r_only_match_scipy() {
    let f = fx();
    for key in SHAPES {
        let a = m(&f, &format!("m_{key}/a"));
        let (mm, nn) = a.dim();
        for (mode, r_key, p_key) in [(QrMode::Full, "qp_r", "qp_p"), (QrMode::Economic, "qpe_r", "qpe_p")] {
            let (q, r, p) = qr_pivoting(&a, mode).unwrap();
            assert_eq!(p.to_vec(), idx(&f, &format!("m_{key}/{p_key}")), "{key}");
            assert_allclose(&abs(&r), &abs(&m(&f, &format!("m_{key}/{r_key}"))), TOL, TOL);
            let ap = a.select(Axis(1), p.as_slice().unwrap());
            assert_allclose(&q.dot(&r), &ap, 0.0, TOL);
            assert_allclose(&q.t().dot(&q), &Array2::eye(q.ncols()), 0.0, TOL);
        }
        let r = qr_r(&a).unwrap();
        assert_eq!(r.dim(), (mm, nn));
        assert_allclose(&abs(&r), &abs(&m(&f, &format!("m_{key}/r_only"))), TOL, TOL);
        // a transposed view: the factorization of aᵀ
        let (q, r, p) = qr_pivoting(&a.t(), QrMode::Economic).unwrap();
        assert_allclose(&q.dot(&r), &a.t().select(Axis(1), p.as_slice().unwrap()), 0.0, TOL);
    }
    // rank 2: the first two pivots and |r| rows agree, the rest of r vanishes
    let a = m(&f, "rankdef/a");
    let (_, r, p) = qr_pivoting(&a, QrMode::Full).unwrap();
    let want_r = m(&f, "rankdef/qp_r");
    assert_eq!(p.slice(s![..2]).to_vec(), idx(&f, "rankdef/qp_p")[..2].to_vec());
    assert_allclose(
        &abs(&r.slice(s![..2, ..2]).to_owned()),
        &abs(&want_r.slice(s![..2, ..2]).to_owned()),
        TOL,
        TOL,
    );
    assert!(r.slice(s![2.., 2..]).iter().all(|x| x.abs() < 1e-13));
    // empty
    let e = Array2::<f64>::zeros((0, 0));
    let (q, r, p) = qr_pivoting(&e, QrMode::Full).unwrap();
    assert_eq!((q.dim(), r.dim(), p.len()), ((0, 0), (0, 0), 0));
    let (q, r, p) = qr_pivoting(&Array2::<f64>::zeros((0, 3)), QrMode::Full).unwrap();
    assert_eq!((q.dim(), r.dim(), p.to_vec()), ((0, 0), (0, 3), vec![0, 1, 2]));
    // f32
    let a32 = m(&f, "m_5x3/a").mapv(|x| x as f32);
    let (q, r, p) = qr_pivoting(&a32, QrMode::Economic).unwrap();
    assert_allclose(&q.dot(&r), &a32.select(Axis(1), p.as_slice().unwrap()), 0.0, 1e-5);
}

#[test]
fn rq_matches_scipy() {
    let f = fx();
    for key in SHAPES {
        let a = m(&f, &format!("m_{key}/a"));
        let (mm, nn) = a.dim();
        let k = mm.min(nn);
        let (r, q) = rq(&a, QrMode::Full).unwrap();
        assert_eq!((r.dim(), q.dim()), ((mm, nn), (nn, nn)));
        assert_allclose(&abs(&r), &abs(&m(&f, &format!("m_{key}/rq_r"))), TOL, TOL);
        assert_allclose(&r.dot(&q), &a, 0.0, TOL);
        assert_allclose(&q.dot(&q.t()), &Array2::eye(nn), 0.0, TOL);
        let (r, q) = rq(&a, QrMode::Economic).unwrap();
        assert_eq!((r.dim(), q.dim()), ((mm, k), (k, nn)));
        assert_allclose(&abs(&r), &abs(&m(&f, &format!("m_{key}/rqe_r"))), TOL, TOL);
        assert_allclose(&r.dot(&q), &a, 0.0, TOL);
        // negative-stride view
        let v = a.slice(s![..;-1, ..]);
        let (r, q) = rq(&v, QrMode::Full).unwrap();
        assert_allclose(&r.dot(&q), &v.to_owned(), 0.0, TOL);
    }
    let (r, q) = rq(&Array2::<f64>::zeros((0, 0)), QrMode::Full).unwrap();
    assert_eq!((r.dim(), q.dim()), ((0, 0), (0, 0)));
}

#[test]
fn lu_variants_match_scipy() {
    let f = fx();
    for key in SHAPES {
        let a = m(&f, &format!("m_{key}/a"));
        let (pl, u) = lu_permute_l(&a).unwrap();
        // same pivots as LAPACK's getrf, so the factors agree to rounding
        assert_allclose(&pl, &m(&f, &format!("m_{key}/pl")), 1e-13, 1e-14);
        assert_allclose(&u, &m(&f, &format!("m_{key}/u")), 1e-13, 1e-14);
        let (p, l, u2) = lu_p_indices(&a).unwrap();
        assert_eq!(p.to_vec(), idx(&f, &format!("m_{key}/p_idx")));
        assert_allclose(&l, &m(&f, &format!("m_{key}/l")), 1e-13, 1e-14);
        assert_eq!(u2, u);
        assert_allclose(&l.select(Axis(0), p.as_slice().unwrap()).dot(&u), &a, 0.0, TOL);
        let (pl_t, u_t) = lu_permute_l(&a.t()).unwrap();
        assert_allclose(&pl_t.dot(&u_t), &a.t().to_owned(), 0.0, TOL);
    }
    let (pl, u) = lu_permute_l(&Array2::<f64>::zeros((0, 0))).unwrap();
    assert_eq!((pl.dim(), u.dim()), ((0, 0), (0, 0)));
    let (p, _, _) = lu_p_indices(&Array2::<f64>::zeros((2, 0))).unwrap();
    assert_eq!(p, Array1::from(vec![0, 1]));
}

#[test]
fn qr_lu_variants_bad_input() {
    for a in [array![[1.0, f64::NAN]], array![[f64::INFINITY], [1.0]]] {
        let e = LinalgError::NonFinite { arg: "a" };
        assert_eq!(qr_pivoting(&a, QrMode::Full).unwrap_err(), e);
        assert_eq!(qr_r(&a).unwrap_err(), e);
        assert_eq!(rq(&a, QrMode::Economic).unwrap_err(), e);
        assert_eq!(lu_permute_l(&a).unwrap_err(), e);
        assert_eq!(lu_p_indices(&a).unwrap_err(), e);
    }
}

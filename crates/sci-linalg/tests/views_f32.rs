//! Non-contiguous (strided, negative-stride, transposed) views and `f32` input for every
//! decomposition: results must equal those for the same matrix stored contiguously in `f64`.

use sci_array::ndarray::{Array2, s};
use sci_array::testing::assert_allclose;
use sci_linalg::*;

fn rnd(n: usize, m: usize, seed: u64) -> Array2<f64> {
    let mut st = seed;
    Array2::from_shape_fn((n, m), |_| {
        st = st.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((st >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    })
}

/// `a` stored every other row and column of a bigger array, columns reversed.
fn strided(a: &Array2<f64>) -> Array2<f64> {
    let (m, n) = a.dim();
    let mut big = Array2::<f64>::from_elem((2 * m, 2 * n), f64::NAN);
    big.slice_mut(s![..;2, ..;-2]).assign(a);
    big
}

#[test]
fn strided_views_give_the_contiguous_results() {
    for (m, n) in [(7, 7), (9, 4), (4, 9)] {
        let a = rnd(m, n, (m * 31 + n) as u64);
        let big = strided(&a);
        let v = big.slice(s![..;2, ..;-2]);
        assert_eq!(v, a);
        // Same algorithm on the same numbers, only the memory layout differs: results agree
        // to rounding (blocked kernels may reassociate differently for different strides).
        let tol = 1e-13;
        assert_allclose(&svdvals(&v).unwrap(), &svdvals(&a).unwrap(), tol, tol);
        let d = svd(&v, false).unwrap();
        assert_allclose(&d.reconstruct(m.min(n)), &a, tol, tol);
        let (q, r) = qr(&v, QrMode::Economic).unwrap();
        assert_allclose(&q.dot(&r), &a, tol, tol);
        assert_allclose(&pinv(&v, None, None).unwrap(), &pinv(&a, None, None).unwrap(), 1e-12, 1e-12);
        let (nv, na): (f64, f64) =
            (norm(&v, Some(NormOrd::Nuc)).unwrap(), norm(&a, Some(NormOrd::Nuc)).unwrap());
        assert!((nv - na).abs() <= tol * na);
        let (p, l, u) = lu(&v).unwrap();
        assert_allclose(&p.dot(&l).dot(&u), &a, tol, tol);
        if m == n {
            let sym = &a + &a.t();
            let bigs = strided(&sym);
            let vs = bigs.slice(s![..;2, ..;-2]);
            assert_allclose(&eigvalsh(&vs, true).unwrap(), &eigvalsh(&sym, true).unwrap(), tol, tol);
            let (w, vecs) = eigh(&vs, false).unwrap();
            assert_allclose(&sym.dot(&vecs), &(&vecs * &w), tol, tol);
            let (h, qh) = hessenberg(&v).unwrap();
            assert_allclose(&qh.dot(&h).dot(&qh.t()), &a, tol, tol);
            assert_allclose(&expm(&v).unwrap(), &expm(&a).unwrap(), tol, tol);
            assert_allclose(&inv(&v).unwrap(), &inv(&a).unwrap(), 1e-12, 1e-12);
            let ev = eigvals(&v).unwrap();
            assert_eq!(ev.len(), n);
        }
    }
}

#[test]
fn f32_matches_f64_to_single_precision() {
    let a = rnd(6, 6, 7);
    let spd = a.dot(&a.t()) + Array2::<f64>::eye(6);
    let a32 = a.mapv(|x| x as f32);
    let spd32 = spd.mapv(|x| x as f32);
    let down = |x: Array2<f64>| x.mapv(|v| v as f32);
    let down1 = |x: sci_array::ndarray::Array1<f64>| x.mapv(|v| v as f32);
    // Single precision: eps ≈ 1.2e-7, and these matrices have condition numbers below ~1e2.
    let (rt, at) = (1e-4, 1e-5);
    assert_allclose(&svdvals(&a32).unwrap(), &down1(svdvals(&a).unwrap()), rt, at);
    assert_allclose(&eigvalsh(&spd32, true).unwrap(), &down1(eigvalsh(&spd, true).unwrap()), rt, at);
    assert_allclose(&cholesky(&spd32, true).unwrap(), &down(cholesky(&spd, true).unwrap()), rt, at);
    assert_allclose(&inv(&spd32).unwrap(), &down(inv(&spd).unwrap()), rt, at);
    assert_allclose(&expm(&a32).unwrap(), &down(expm(&a).unwrap()), rt, at);
    assert_allclose(&pinv(&a32, None, None).unwrap(), &down(pinv(&a, None, None).unwrap()), rt, at);
    let (q, r) = qr(&a32, QrMode::Full).unwrap();
    assert_allclose(&q.dot(&r), &a32, rt, at);
    let x = lstsq(&a32, &a32.column(0), None).unwrap().x;
    assert_allclose(&x, &sci_array::ndarray::array![1.0f32, 0.0, 0.0, 0.0, 0.0, 0.0], rt, at);
    assert!((det(&spd32).unwrap() as f64 - det(&spd).unwrap()).abs() < 1e-4 * det(&spd).unwrap());
    assert_eq!(matrix_rank(&a32, None).unwrap(), 6);
}

#[test]
fn empty_matrices() {
    let e = Array2::<f64>::zeros((0, 0));
    let (w, v) = eig(&e).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    let (w, v) = eigh(&e, true).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    assert_eq!(cholesky(&e, false).unwrap().dim(), (0, 0));
    assert_eq!(slogdet(&e).unwrap(), (1.0, 0.0));
    assert_eq!(pinv(&Array2::<f64>::zeros((0, 3)), None, None).unwrap().dim(), (3, 0));
    assert_eq!(svd(&Array2::<f64>::zeros((0, 3)), true).unwrap().vh.dim(), (3, 3));
    assert_eq!(null_space(&Array2::<f64>::zeros((0, 3)), None).unwrap().dim(), (3, 3));
    assert_eq!(norm(&e, None).unwrap(), 0.0);
    assert_eq!(matrix_rank(&e, None).unwrap(), 0);
    assert_eq!(matrix_power(&e, 3).unwrap().dim(), (0, 0));
    for shape in [(0, 3), (3, 0)] {
        let z = Array2::<f64>::zeros(shape);
        let (p, l, u) = lu(&z).unwrap();
        assert_eq!((p.dim(), l.dim(), u.dim()), ((shape.0, shape.0), (shape.0, 0), (0, shape.1)));
        let f = lu_factor(&z).unwrap();
        assert_eq!((f.lu.dim(), f.piv.len()), (shape, 0));
        assert_eq!(svdvals(&z).unwrap().len(), 0);
        assert_eq!(orth(&z, None).unwrap().dim(), (shape.0, 0));
    }
}

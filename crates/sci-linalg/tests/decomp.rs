//! SciPy parity for SVD, eigenvalues, QR, norms, least squares, expm and special matrices
//! (fixtures from tools/fixtures/linalg_decomp.py). Vectors are sign/phase-ambiguous, so they
//! are checked through reconstructions, orthogonality and projectors; values against SciPy.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_decomp.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

// Singular values and symmetric eigenvalues are perfectly conditioned (perturbation <= ‖ΔA‖₂),
// so different backward-stable algorithms agree to a few eps · ‖A‖: rtol 1e-12 plus an
// absolute floor of 1e-12 · s_max for tiny values.
const RTOL: f64 = 1e-12;

fn eye(n: usize) -> Array2<f64> {
    Array2::eye(n)
}

#[test]
fn svd_values_and_vectors() {
    let f = fx();
    for key in ["svd_0x0", "svd_1x1", "svd_3x3", "svd_5x3", "svd_3x5", "svd_50x50"] {
        let a = m(&f, &format!("{key}/a"));
        let want = v(&f, &format!("{key}/s"));
        let atol = 1e-12 * want.first().copied().unwrap_or(0.0);
        assert_allclose(&svdvals(&a).unwrap(), &want, RTOL, atol);
        let (mm, nn) = a.dim();
        for full in [true, false] {
            let d = svd(&a, full).unwrap();
            let k = mm.min(nn);
            let (ur, vr) = if full { (mm, nn) } else { (k, k) };
            assert_eq!((d.u.dim(), d.s.len(), d.vh.dim()), ((mm, ur), k, (vr, nn)), "{key} full={full}");
            assert_allclose(&d.s, &want, RTOL, atol);
            // orthonormal columns / rows, and a = U[:, :k] S Vh[:k]
            assert_allclose(&d.u.t().dot(&d.u), &eye(ur), 0.0, 1e-13);
            assert_allclose(&d.vh.dot(&d.vh.t()), &eye(vr), 0.0, 1e-13);
            assert_allclose(&d.reconstruct(k), &a, 0.0, 1e-13 * (1.0 + want.sum()));
        }
    }
    let d = svd(&m(&f, "svd_tutorial/a"), true).unwrap();
    assert_allclose(&d.s, &v(&f, "svd_tutorial/s"), 1e-14, 0.0);
}

#[test]
fn svd_image_compression_k20() {
    let f = fx();
    let img = m(&f, "svd_image/a"); // 225 x 225, 8-bit grey levels
    assert_eq!(img.dim(), (225, 225));
    let d = svd(&img, true).unwrap();
    let s_max = d.s[0];
    assert_allclose(&d.s, &v(&f, "svd_image/s"), 1e-11, 1e-12 * s_max);
    let k = f.i64("svd_image/k") as usize;
    let approx = d.reconstruct(k);
    // The rank-k truncation is unique when s[k-1] > s[k] (true here), so the image matches.
    let rows = approx.slice(s![..;28, ..]).to_owned();
    assert_allclose(&rows, &m(&f, "svd_image/approx_rows"), 1e-9, 1e-9);
    let err = (&img - &approx).mapv(|x| x * x).sum().sqrt();
    assert!((err - f.f64("svd_image/err_fro")).abs() < 1e-9 * err);
    // Eckart–Young: the error is the norm of the dropped singular values.
    let tail = d.s.slice(s![k..]).mapv(|x| x * x).sum().sqrt();
    assert!((err - tail).abs() < 1e-9 * err);
}

#[test]
fn eigh_matches_scipy() {
    let f = fx();
    for n in [0usize, 1, 3, 50] {
        let a = m(&f, &format!("eigh_{n}/a"));
        let want = v(&f, &format!("eigh_{n}/w"));
        let scale = want.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        assert_allclose(&eigvalsh(&a, true).unwrap(), &want, RTOL, 1e-12 * scale);
        for lower in [true, false] {
            // garbage in the triangle that is not read
            let mut g = a.clone();
            for i in 0..n {
                for j in 0..n {
                    if (lower && j > i) || (!lower && j < i) {
                        g[[i, j]] = 1e3;
                    }
                }
            }
            let (w, vecs) = eigh(&g, lower).unwrap();
            assert_allclose(&w, &want, RTOL, 1e-12 * scale);
            // Orthogonality to a few n·eps: LAPACK's MRRR (syevr, the lapack backend) reaches
            // 1.1e-13 at n = 50 with Debian's OpenBLAS on some CPUs.
            assert_allclose(&vecs.t().dot(&vecs), &eye(n), 0.0, 1e-12);
            assert_allclose(&a.dot(&vecs), &(&vecs * &w), 0.0, 1e-12 * (1.0 + scale));
        }
    }
}

fn sorted(w: &Array1<Complex64>) -> Vec<Complex64> {
    let mut v = w.to_vec();
    v.sort_by(|a, b| a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im)));
    v
}

#[test]
fn eig_matches_scipy() {
    let f = fx();
    for n in [1usize, 3, 5, 50] {
        let a = m(&f, &format!("eig_{n}/a"));
        let want = f.array_c64(&format!("eig_{n}/w")).into_dimensionality::<Ix1>().unwrap();
        // Non-normal eigenvalues are less well conditioned than symmetric ones: 1e-10.
        let got = Array1::from(sorted(&eigvals(&a).unwrap()));
        assert_allclose(&got, &want, 1e-10, 1e-10);
        let (w, vecs) = eig(&a).unwrap();
        assert_allclose(&Array1::from(sorted(&w)), &want, 1e-10, 1e-10);
        let ac = a.mapv(|x| Complex64::new(x, 0.0));
        let res = &ac.dot(&vecs) - &(&vecs * &w);
        assert!(res.iter().all(|z| z.norm() < 1e-11 * n as f64), "eig {n}");
        for col in vecs.columns() {
            let nrm: f64 = col.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!((nrm - 1.0).abs() < 1e-14);
        }
    }
    assert_eq!(eigvals(&Array2::<f64>::zeros((0, 0))).unwrap().len(), 0);
}

#[test]
fn qr_matches_scipy_up_to_signs() {
    let f = fx();
    for key in ["qr_3x3", "qr_5x3", "qr_3x5", "qr_50x50"] {
        let a = m(&f, &format!("{key}/a"));
        let (mm, nn) = a.dim();
        for (mode, rkey) in [(QrMode::Full, "r"), (QrMode::Economic, "r_econ")] {
            let (q, r) = qr(&a, mode).unwrap();
            let want = m(&f, &format!("{key}/{rkey}"));
            assert_eq!(r.dim(), want.dim());
            // rows of R are unique up to sign: flip ours to SciPy's sign of the diagonal
            let mut r_fixed = r.clone();
            for i in 0..r.nrows().min(nn) {
                if (r[[i, i]] < 0.0) != (want[[i, i]] < 0.0) {
                    r_fixed.row_mut(i).mapv_inplace(|x| -x);
                }
            }
            assert_allclose(&r_fixed, &want, 1e-11, 1e-12);
            assert_allclose(&q.t().dot(&q), &eye(q.ncols()), 0.0, 1e-13);
            assert_allclose(&q.dot(&r), &a, 0.0, 1e-12);
            assert!(r.indexed_iter().all(|((i, j), x)| i <= j || *x == 0.0));
            assert_eq!(q.nrows(), mm);
        }
    }
    let (q, r) = qr(&Array2::<f64>::zeros((0, 3)), QrMode::Full).unwrap();
    assert_eq!((q.dim(), r.dim()), ((0, 0), (0, 3)));
    let (q, r) = qr(&Array2::<f64>::zeros((2, 0)), QrMode::Full).unwrap();
    assert_eq!((q, r.dim()), (eye(2), (2, 0)));
}

#[test]
fn hessenberg_matches_scipy_up_to_signs() {
    let f = fx();
    for n in [1usize, 2, 3, 6, 40] {
        let a = m(&f, &format!("hessenberg_{n}/a"));
        let (h, q) = hessenberg(&a).unwrap();
        // Householder-based reductions agree to a few eps times ‖A‖ up to the signs.
        assert_allclose(&h.mapv(f64::abs), &m(&f, &format!("hessenberg_{n}/abs_h")), 1e-10, 1e-12);
        assert!(h.indexed_iter().all(|((i, j), x)| i <= j + 1 || *x == 0.0));
        assert_allclose(&q.t().dot(&q), &eye(n), 0.0, 1e-13);
        assert_allclose(&q.dot(&h).dot(&q.t()), &a, 0.0, 1e-12);
        let (h2, _) = hessenberg(&a.t()).unwrap();
        assert_eq!(h2.dim(), (n, n));
    }
    assert_eq!(hessenberg(&Array2::<f64>::zeros((0, 0))).unwrap().0.dim(), (0, 0));
}

#[test]
fn norms_match_scipy() {
    let f = fx();
    let a = m(&f, "norm_matrix/a");
    let cases = [
        ("none", None),
        ("fro", Some(NormOrd::Fro)),
        ("nuc", Some(NormOrd::Nuc)),
        ("inf", Some(NormOrd::Inf)),
        ("-inf", Some(NormOrd::NegInf)),
        ("1", Some(NormOrd::P(1.0))),
        ("-1", Some(NormOrd::P(-1.0))),
        ("2", Some(NormOrd::P(2.0))),
        ("-2", Some(NormOrd::P(-2.0))),
    ];
    for (key, ord) in cases {
        let got: f64 = norm(&a, ord).unwrap();
        let want = f.f64(&format!("norm_matrix/{key}"));
        assert!((got - want).abs() <= RTOL * want, "matrix {key}: {got} vs {want}");
    }
    let x = v(&f, "norm_vector/v");
    for (key, ord) in [
        ("none", None),
        ("inf", Some(NormOrd::Inf)),
        ("-inf", Some(NormOrd::NegInf)),
        ("0", Some(NormOrd::P(0.0))),
        ("1", Some(NormOrd::P(1.0))),
        ("2", Some(NormOrd::P(2.0))),
        ("3", Some(NormOrd::P(3.0))),
        ("-1", Some(NormOrd::P(-1.0))),
        ("0.5", Some(NormOrd::P(0.5))),
    ] {
        let got: f64 = norm(&x, ord).unwrap();
        let want = f.f64(&format!("norm_vector/{key}"));
        assert!((got - want).abs() <= RTOL * want, "vector {key}: {got} vs {want}");
    }
    for key in ["norm_huge", "norm_tiny"] {
        let got: f64 = norm(&v(&f, &format!("{key}/v")), None).unwrap();
        let want = f.f64(&format!("{key}/none"));
        assert!((got - want).abs() <= 1e-15 * want, "{key}: {got} vs {want}");
    }
    // views and higher dimensions (flattened 2-norm)
    let t = a.t();
    assert!((norm(&t, Some(NormOrd::Inf)).unwrap() - f.f64("norm_matrix/1")).abs() < 1e-14);
    let cube = sci_array::ndarray::Array3::<f64>::from_elem((2, 2, 2), 1.0);
    assert!((norm(&cube, None).unwrap() - 8f64.sqrt()).abs() < 1e-15);
    assert_eq!(norm(&Array1::<f64>::zeros(0), None).unwrap(), 0.0);
    assert!((norm(&array![3.0f32, 4.0], None).unwrap() - 5.0).abs() < 1e-6);
}

#[test]
fn cond_and_rank_match_numpy() {
    let f = fx();
    let a = m(&f, "cond/a");
    for (key, p) in [
        ("none", None),
        ("fro", Some(NormOrd::Fro)),
        ("nuc", Some(NormOrd::Nuc)),
        ("inf", Some(NormOrd::Inf)),
        ("1", Some(NormOrd::P(1.0))),
        ("-1", Some(NormOrd::P(-1.0))),
        ("-2", Some(NormOrd::P(-2.0))),
    ] {
        let got: f64 = cond(&a, p).unwrap();
        let want = f.f64(&format!("cond/{key}"));
        // cond multiplies two norms (of a and inv(a)); inv(a) carries the condition number
        // times eps of relative error.
        assert!((got - want).abs() <= 1e-10 * want, "cond {key}: {got} vs {want}");
    }
    let got: f64 = cond(&m(&f, "cond_rect/a"), None).unwrap();
    assert!((got - f.f64("cond_rect/none")).abs() <= 1e-10 * got);
    let low = m(&f, "rank/a");
    assert_eq!(matrix_rank(&low, None).unwrap() as i64, f.i64("rank/rank"));
    assert_eq!(matrix_rank(&low, Some(1e3)).unwrap() as i64, f.i64("rank/rank_tol"));
}

#[test]
fn lstsq_matches_scipy() {
    let f = fx();
    for name in ["over_1d", "over_2d", "under", "deficient", "square"] {
        let key = format!("lstsq_{name}");
        let a = m(&f, &format!("{key}/a"));
        let b = f.array_f64(&format!("{key}/b"));
        let r = lstsq(&a, &b, None).unwrap();
        // Least-squares solutions are as conditioned as κ(A)² for the residual part: 1e-10.
        assert_allclose(&r.x, &f.array_f64(&format!("{key}/x")), 1e-10, 1e-12);
        assert_eq!(r.rank as i64, f.i64(&format!("{key}/rank")), "{key}");
        assert_allclose(&r.s, &v(&f, &format!("{key}/s")), RTOL, 1e-13);
        let want_res = v(&f, &format!("{key}/residues"));
        assert_allclose(&r.residues, &want_res, 1e-10, 1e-13);
    }
    let a = m(&f, "lstsq_cond/a");
    let r = lstsq(&a, &v(&f, "lstsq_cond/b"), Some(f.f64("lstsq_cond/cond"))).unwrap();
    assert_eq!(r.rank as i64, f.i64("lstsq_cond/rank"));
    assert_allclose(&r.x, &v(&f, "lstsq_cond/x"), 1e-10, 1e-12);
    // empty systems follow SciPy: zero solution, residues only when m > n
    let r = lstsq(&Array2::<f64>::zeros((0, 3)), &Array1::<f64>::zeros(0), None).unwrap();
    assert_eq!((r.x, r.residues.len(), r.rank), (Array1::zeros(3), 0, 0));
    let r = lstsq(&Array2::<f64>::ones((3, 0)), &array![1.0, 1.0, 1.0], None).unwrap();
    assert_eq!((r.x.len(), r.residues.to_vec()), (0, vec![3.0]));
}

#[test]
fn pinv_and_subspaces_match_scipy() {
    let f = fx();
    for name in ["tall", "wide", "deficient", "50"] {
        let key = format!("pinv_{name}");
        // pinv carries the condition number of a times eps: 1e-10.
        assert_allclose(
            &pinv(&m(&f, &format!("{key}/a")), None, None).unwrap(),
            &m(&f, &format!("{key}/pinv")),
            1e-10,
            1e-12,
        );
    }
    let a = m(&f, "subspaces/a");
    let ns = null_space(&a, None).unwrap();
    assert_eq!(ns.ncols() as i64, f.i64("subspaces/null_dim"));
    assert_allclose(&ns.dot(&ns.t()), &m(&f, "subspaces/null_proj"), 0.0, 1e-12);
    let q = orth(&a, None).unwrap();
    assert_eq!(q.ncols() as i64, f.i64("subspaces/orth_dim"));
    assert_allclose(&q.dot(&q.t()), &m(&f, "subspaces/orth_proj"), 0.0, 1e-12);
}

#[test]
fn expm_and_matrix_power_match_scipy() {
    let f = fx();
    for key in
        ["expm_0.001", "expm_0.1", "expm_0.5", "expm_1.5", "expm_4.0", "expm_30.0", "expm_1x1", "expm_50"]
    {
        let a = m(&f, &format!("{key}/a"));
        // Padé degree choices differ slightly from SciPy's 2009 variant; both are accurate to
        // ~eps · ‖e^A‖ · (condition of e^A), so 1e-12 relative to the largest entry.
        let want = m(&f, &format!("{key}/e"));
        let scale = want.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        assert_allclose(&expm(&a).unwrap(), &want, 1e-12, 1e-13 * scale);
        assert_allclose(&expm(&a.t()).unwrap(), &want.t(), 1e-12, 1e-13 * scale);
    }
    assert_eq!(expm(&Array2::<f64>::zeros((0, 0))).unwrap().dim(), (0, 0));
    let a = m(&f, "matrix_power/a");
    assert_allclose(&matrix_power(&a, 5).unwrap(), &m(&f, "matrix_power/p5"), 1e-12, 1e-13);
    assert_allclose(&matrix_power(&a, 0).unwrap(), &m(&f, "matrix_power/p0"), 0.0, 0.0);
    assert_allclose(&matrix_power(&a, -3).unwrap(), &m(&f, "matrix_power/pm3"), 1e-10, 1e-12);
    let e32 = expm(&array![[0.0f32, 1.0], [0.0, 0.0]]).unwrap();
    assert_allclose(&e32, &array![[1.0f32, 1.0], [0.0, 1.0]], 1e-6, 1e-7);
}

#[test]
fn special_matrices_match_scipy() {
    let f = fx();
    let c = v(&f, "special/c");
    let r = v(&f, "special/r");
    let exact =
        |got: &Array2<f64>, key: &str| assert_allclose(got, &m(&f, &format!("special/{key}")), 0.0, 0.0);
    exact(&toeplitz(&c, Some(r.view())), "toeplitz_cr");
    exact(&toeplitz(&c, None), "toeplitz_c");
    exact(&circulant(&c), "circulant");
    exact(&hankel(&c, Some(r.view())), "hankel_cr");
    exact(&hankel(&c, None), "hankel_c");
    exact(&hilbert(6), "hilbert");
    exact(&invhilbert(8), "invhilbert");
    exact(&companion(&array![2.0, -3.0, 0.5, 7.0, 1.0]).unwrap(), "companion");
    exact(&leslie(&array![0.1, 2.0, 1.0, 0.1], &array![0.2, 0.8, 0.7]).unwrap(), "leslie");
    exact(&fiedler(&c), "fiedler");
    // helmert divides by square roots: the rounding of SciPy's broadcasting may differ by 1 ulp.
    assert_allclose(&helmert(6, true), &m(&f, "special/helmert_full"), 1e-15, 0.0);
    assert_allclose(&helmert(6, false), &m(&f, "special/helmert"), 1e-15, 0.0);
    let ints = |key: &str| f.array_i64(&format!("special/{key}")).into_dimensionality::<Ix2>().unwrap();
    assert_eq!(pascal(7, PascalKind::Symmetric).unwrap().mapv(|x| x as i64), ints("pascal_symm"));
    assert_eq!(pascal(7, PascalKind::Lower).unwrap().mapv(|x| x as i64), ints("pascal_lower"));
    assert_eq!(pascal(7, PascalKind::Upper).unwrap().mapv(|x| x as i64), ints("pascal_upper"));
    assert_eq!(hadamard(8).unwrap(), ints("hadamard"));
    let (ba, bb, bc) = (m(&f, "special/block_a"), m(&f, "special/block_b"), m(&f, "special/block_c"));
    let empty = Array2::<f64>::zeros((0, 2));
    exact(&block_diag(&[ba.view(), bb.view(), empty.view(), bc.view()]), "block_diag");
    exact(&kron(&m(&f, "special/kron_a"), &m(&f, "special/kron_b")), "kron");
    // edge cases
    assert_eq!(toeplitz(&Array1::<f64>::zeros(0), None).dim(), (0, 0));
    assert_eq!(hilbert::<f64>(0).dim(), (0, 0));
    assert_eq!(block_diag::<f64>(&[]).dim(), (0, 0));
    assert!(pascal(40, PascalKind::Symmetric).is_err());
}

#[test]
fn bad_input_is_an_error() {
    let rect = Array2::<f64>::zeros((2, 3));
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    for e in [
        eigh(&rect, true).unwrap_err(),
        eig(&rect).unwrap_err(),
        expm(&rect).unwrap_err(),
        hessenberg(&rect).unwrap_err(),
    ] {
        assert!(matches!(e, LinalgError::NotSquare { arg: "a", .. }), "{e}");
    }
    assert!(matches!(eigvals(&rect).unwrap_err(), LinalgError::NotSquare { .. }));
    assert!(matches!(matrix_power(&rect, 2).unwrap_err(), LinalgError::NotSquare { .. }));
    let nonfinite = LinalgError::NonFinite { arg: "a" };
    assert_eq!(svd(&nan, true).unwrap_err(), nonfinite);
    assert_eq!(svdvals(&nan).unwrap_err(), nonfinite);
    assert_eq!(eigh(&nan, true).unwrap_err(), nonfinite);
    assert_eq!(eigvalsh(&nan, true).unwrap_err(), nonfinite);
    assert_eq!(eig(&nan).unwrap_err(), nonfinite);
    assert_eq!(qr(&nan, QrMode::Full).unwrap_err(), nonfinite);
    assert_eq!(norm(&nan, None).unwrap_err(), nonfinite);
    assert_eq!(pinv(&nan, None, None).unwrap_err(), nonfinite);
    assert_eq!(lstsq(&nan, &array![1.0, 2.0], None).unwrap_err(), nonfinite);
    assert_eq!(expm(&nan).unwrap_err(), nonfinite);
    assert_eq!(matrix_rank(&nan, None).unwrap_err(), nonfinite);
    assert!(matches!(
        lstsq(&rect, &array![1.0, 2.0, 3.0], None).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    let sing = array![[1.0, 2.0], [2.0, 4.0]];
    // symmetric: Cholesky fails, Bunch–Kaufman of the upper triangle (LAPACK dsytrf 'U' info = 1)
    assert_eq!(matrix_power(&sing, -1).unwrap_err(), LinalgError::Singular { pivot: 0 });
    // invalid norm orders
    let x = array![1.0, 2.0];
    assert!(matches!(norm(&x, Some(NormOrd::Fro)).unwrap_err(), LinalgError::Array(_)));
    assert!(matches!(norm(&sing, Some(NormOrd::P(3.0))).unwrap_err(), LinalgError::Array(_)));
    let cube = sci_array::ndarray::Array3::<f64>::zeros((2, 2, 2));
    assert!(matches!(norm(&cube, Some(NormOrd::Fro)).unwrap_err(), LinalgError::Array(_)));
    assert!(matches!(
        norm(&Array1::<f64>::zeros(0), Some(NormOrd::NegInf)).unwrap_err(),
        LinalgError::Array(_)
    ));
    assert_eq!(norm(&Array1::<f64>::zeros(0), Some(NormOrd::Inf)).unwrap(), 0.0); // NumPy 2: max(initial=0)
    assert!(matches!(cond(&rect, Some(NormOrd::Fro)).unwrap_err(), LinalgError::NotSquare { .. }));
    assert!(matches!(cond(&Array2::<f64>::zeros((0, 0)), None).unwrap_err(), LinalgError::Array(_)));
    assert!(companion(&array![1.0]).is_err());
    assert!(companion(&array![0.0, 1.0]).is_err());
    assert!(leslie(&array![1.0, 2.0], &array![1.0, 2.0]).is_err());
    assert!(hadamard(0).is_err() && hadamard(6).is_err());
    assert!(diagsvd(&array![1.0, 2.0, 3.0], 2, 3).is_err());
}

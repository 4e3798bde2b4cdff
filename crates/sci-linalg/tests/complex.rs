//! SciPy parity on complex input (fixtures from tools/fixtures/linalg_complex.py): values and
//! solutions against SciPy, factors by reconstruction (A = P L U, A = Q R, A = U S Vh,
//! A V = V Λ, A = L Lᴴ), for complex128, complex64, 1x1, empty and strided input.

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix0, Ix1, Ix2, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;
use common::assert_same_set;

type C = Complex64;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_complex.json")).unwrap()
}

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn cv(f: &Fixture, p: &str) -> Array1<C> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

fn cs(f: &Fixture, p: &str) -> C {
    f.array_c64(p).into_dimensionality::<Ix0>().unwrap().into_scalar()
}

fn rv(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn eye(n: usize) -> Array2<C> {
    Array2::eye(n)
}

fn adj(a: &Array2<C>) -> Array2<C> {
    a.t().mapv(|z| z.conj())
}

const RTOL: f64 = 1e-12;

#[test]
fn square_values_match_scipy() {
    let f = fx();
    for n in [1usize, 3, 6] {
        let k = format!("sq_{n}");
        let g = |p: &str| cm(&f, &format!("{k}/{p}"));
        let a = g("a");
        let scale = norm(&a, None).unwrap();
        let d = det(&a).unwrap();
        let want = cs(&f, &format!("{k}/det"));
        assert!((d - want).norm() <= RTOL * want.norm(), "{k} det {d} vs {want}");
        let (sign, logabs) = slogdet(&a).unwrap();
        let want_sign = cs(&f, &format!("{k}/slogdet_sign"));
        assert!((sign - want_sign).norm() < 1e-13 && (sign.norm() - 1.0).abs() < 1e-14, "{k} {sign}");
        assert!((logabs - f.f64(&format!("{k}/slogdet_log"))).abs() < 1e-13 * (1.0 + logabs.abs()));
        assert_allclose(&inv(&a).unwrap(), &g("inv"), RTOL, 1e-14);
        assert_allclose(
            &solve(&a, &cv(&f, &format!("{k}/b1"))).unwrap(),
            &cv(&f, &format!("{k}/solve_b1")),
            RTOL,
            1e-14,
        );
        let b2 = g("b2");
        assert_allclose(&solve(&a, &b2).unwrap(), &g("solve_b2"), RTOL, 1e-14);
        let with = |m: &Array2<C>, assume_a, lower| {
            solve_with(m, &b2, SolveOptions { assume_a, lower, transposed: false, ..Default::default() })
                .unwrap()
        };
        assert_allclose(&with(&g("s"), AssumeA::Symmetric, false), &g("solve_sym"), 1e-11, 1e-13);
        assert_allclose(&with(&g("h"), AssumeA::Hermitian, false), &g("solve_her"), RTOL, 1e-14);
        assert_allclose(&with(&g("h_up"), AssumeA::Hermitian, false), &g("solve_her_upper"), RTOL, 1e-14);
        assert_allclose(&with(&g("h"), AssumeA::PositiveDefinite, false), &g("solve_pos"), RTOL, 1e-14);
        assert_allclose(
            &with(&g("h_up"), AssumeA::PositiveDefinite, false),
            &g("solve_pos_upper"),
            RTOL,
            1e-14,
        );
        // The lower triangle of h is a full Hermitian matrix too.
        assert_allclose(&with(&g("h"), AssumeA::Hermitian, true), &g("solve_her"), RTOL, 1e-14);
        let t = g("t");
        let tri =
            |trans| solve_triangular(&t, &b2, TriangularOptions { trans, ..Default::default() }).unwrap();
        assert_allclose(&tri(false), &g("solve_tri"), RTOL, 1e-14);
        assert_allclose(&tri(true), &g("solve_tri_trans"), RTOL, 1e-14);
        let conj = |a: &Array2<C>, lower| {
            let opts = TriangularOptions { lower, trans: true, conjugate: true, ..Default::default() };
            solve_triangular(a, &b2, opts).unwrap()
        };
        assert_allclose(&conj(&t, false), &g("solve_tri_conj"), RTOL, 1e-14);
        assert_allclose(&conj(&t.t().to_owned(), true), &g("solve_tri_lower_conj"), RTOL, 1e-14);
        let lf = lu_factor(&a).unwrap();
        assert_allclose(&lu_solve(&lf, &b2, Trans::N).unwrap(), &g("lu_solve"), RTOL, 1e-14);
        assert_allclose(&lu_solve(&lf, &b2, Trans::T).unwrap(), &g("lu_solve_trans"), RTOL, 1e-14);
        // Cholesky factors with a positive real diagonal are unique.
        assert_allclose(&cholesky(&g("h_up"), false).unwrap(), &g("chol_upper"), RTOL, 1e-14);
        let l = cholesky(&g("h"), true).unwrap();
        assert_allclose(&l, &g("chol_lower"), RTOL, 1e-14);
        assert_allclose(&l.dot(&adj(&l)), &g("h"), RTOL, 1e-13 * scale);
        let cf = cho_factor(&g("h"), true).unwrap();
        assert_allclose(&cho_solve(&cf, &b2).unwrap(), &g("cho_solve"), RTOL, 1e-14);
        let cfu = cho_factor(&g("h_up"), false).unwrap();
        assert_allclose(&cho_solve(&cfu, &b2).unwrap(), &g("cho_solve"), RTOL, 1e-14);
        let sv = rv(&f, &format!("{k}/svdvals"));
        assert_allclose(&svdvals(&a).unwrap(), &sv, RTOL, 1e-14 * sv[0]);
        let hw = rv(&f, &format!("{k}/eigvalsh"));
        let hs = hw.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        assert_allclose(&eigvalsh(&g("h"), true).unwrap(), &hw, RTOL, 1e-14 * hs);
        assert_allclose(
            &eigvalsh(&g("h_up"), false).unwrap(),
            &rv(&f, &format!("{k}/eigvalsh_upper")),
            RTOL,
            1e-14 * hs,
        );
        assert_same_set(&eigvals(&a).unwrap(), &cv(&f, &format!("{k}/eigvals")), 1e-12);
        assert_allclose(&pinv(&a, None, None).unwrap(), &g("pinv"), 1e-11, 1e-14);
        assert_allclose(&expm(&a.mapv(|z| z / n as f64)).unwrap(), &g("expm"), 1e-12, 1e-14);
        for (ord, key) in [
            (None, "norm_fro"),
            (Some(NormOrd::P(1.0)), "norm_1"),
            (Some(NormOrd::Inf), "norm_inf"),
            (Some(NormOrd::P(2.0)), "norm_2"),
            (Some(NormOrd::P(-2.0)), "norm_m2"),
            (Some(NormOrd::Nuc), "norm_nuc"),
        ] {
            let got = norm(&a, ord).unwrap();
            let want = f.f64(&format!("{k}/{key}"));
            assert!((got - want).abs() <= RTOL * want, "{k} {key}: {got} vs {want}");
        }
        let b1 = cv(&f, &format!("{k}/b1"));
        assert!((norm(&b1, None).unwrap() - f.f64(&format!("{k}/norm_vec"))).abs() < 1e-13);
        let n3 = norm(&b1, Some(NormOrd::P(3.0))).unwrap();
        assert!((n3 - f.f64(&format!("{k}/norm_vec_3"))).abs() < 1e-13 * n3);
        assert_eq!(matrix_rank(&a, None).unwrap() as i64, f.i64(&format!("{k}/rank")));
        assert_allclose(&kron(&a.slice(s![..n.min(2), ..n.min(2)]), &b2), &g("kron"), 1e-15, 0.0);
    }
}

#[test]
fn square_factors_reconstruct() {
    let f = fx();
    for n in [1usize, 3, 6] {
        let a = cm(&f, &format!("sq_{n}/a"));
        let tol = 1e-13 * norm(&a, None).unwrap();
        let (p, l, u) = lu(&a).unwrap();
        assert_allclose(&p.dot(&l).dot(&u), &a, 0.0, tol);
        let (pl, u2) = lu_permute_l(&a).unwrap();
        assert_allclose(&pl.dot(&u2), &a, 0.0, tol);
        let (pi, l3, u3) = lu_p_indices(&a).unwrap();
        assert_allclose(
            &l3.select(sci_array::ndarray::Axis(0), pi.as_slice().unwrap()).dot(&u3),
            &a,
            0.0,
            tol,
        );
        for i in 0..n {
            assert_eq!(l[[i, i]], C::new(1.0, 0.0));
            for j in 0..i {
                assert_eq!(u[[i, j]], C::new(0.0, 0.0));
            }
        }
        let (w, v) = eig(&a).unwrap();
        assert_allclose(&a.dot(&v), &(&v * &w), 0.0, tol);
        for col in v.columns() {
            let nrm: f64 = col.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!((nrm - 1.0).abs() < 1e-14);
        }
        let h = cm(&f, &format!("sq_{n}/h"));
        let (hw, hv) = eigh(&h, true).unwrap();
        let hwc = hw.mapv(|x| C::new(x, 0.0));
        assert_allclose(&h.dot(&hv), &(&hv * &hwc), 0.0, 1e-13 * norm(&h, None).unwrap());
        assert_allclose(&adj(&hv).dot(&hv), &eye(n), 0.0, 1e-14);
    }
}

#[test]
fn rectangular_qr_svd_lstsq() {
    let f = fx();
    for (m, n) in [(5usize, 3usize), (3, 5), (4, 1)] {
        let k = format!("rect_{m}x{n}");
        let a = cm(&f, &format!("{k}/a"));
        let b = cm(&f, &format!("{k}/b"));
        let kk = m.min(n);
        let sv = rv(&f, &format!("{k}/svdvals"));
        let tol = 1e-13 * sv[0];
        assert_allclose(&svdvals(&a).unwrap(), &sv, RTOL, 1e-14 * sv[0]);
        for full in [true, false] {
            let d = svd(&a, full).unwrap();
            let (ur, vr) = if full { (m, n) } else { (kk, kk) };
            assert_eq!((d.u.dim(), d.vh.dim()), ((m, ur), (vr, n)));
            assert_allclose(&d.s, &sv, RTOL, 1e-14 * sv[0]);
            assert_allclose(&adj(&d.u).dot(&d.u), &eye(ur), 0.0, 1e-14);
            assert_allclose(&d.vh.dot(&adj(&d.vh)), &eye(vr), 0.0, 1e-14);
            let us = &d.u.slice(s![.., ..kk]) * &d.s.mapv(|x| C::new(x, 0.0));
            assert_allclose(&us.dot(&d.vh.slice(s![..kk, ..])), &a, 0.0, tol);
            assert_allclose(&d.reconstruct(kk), &a, 0.0, tol);
        }
        for mode in [QrMode::Full, QrMode::Economic] {
            let (q, r) = qr(&a, mode).unwrap();
            let qc = if mode == QrMode::Full { m } else { kk };
            assert_eq!((q.dim(), r.dim()), ((m, qc), (qc, n)));
            assert_allclose(&q.dot(&r), &a, 0.0, tol);
            assert_allclose(&adj(&q).dot(&q), &eye(qc), 0.0, 1e-14);
            for i in 0..qc {
                for j in 0..i.min(n) {
                    assert_eq!(r[[i, j]], C::new(0.0, 0.0));
                }
            }
            // |R| is unique: the diagonal moduli are the column norms of the Gram-Schmidt steps.
            let r_only = qr_r(&a).unwrap();
            assert_allclose(
                &r_only.mapv(|z| z.norm()),
                &qr(&a, QrMode::Full).unwrap().1.mapv(|z| z.norm()),
                1e-13,
                1e-14,
            );
        }
        let ls = lstsq(&a, &b, None).unwrap();
        assert_allclose(&ls.x, &cm(&f, &format!("{k}/lstsq_x")), 1e-12, 1e-14);
        assert_eq!(ls.rank as i64, f.i64(&format!("{k}/lstsq_rank")));
        assert_allclose(&ls.s, &rv(&f, &format!("{k}/lstsq_s")), RTOL, 1e-14 * sv[0]);
        assert_allclose(&ls.residues, &rv(&f, &format!("{k}/lstsq_res")), 1e-11, 1e-14);
        assert_allclose(&pinv(&a, None, None).unwrap(), &cm(&f, &format!("{k}/pinv")), 1e-12, 1e-14);
        assert!(
            (norm(&a, Some(NormOrd::P(2.0))).unwrap() - f.f64(&format!("{k}/norm_2"))).abs() < 1e-13 * sv[0]
        );
    }
    let a = cm(&f, "rankdef/a");
    let b = cv(&f, "rankdef/b");
    let ls = lstsq(&a, &b, None).unwrap();
    assert_eq!(ls.rank as i64, f.i64("rankdef/lstsq_rank"));
    assert_eq!(ls.residues.len(), 0); // rank-deficient: SciPy returns no residues
    assert_allclose(&ls.x, &cv(&f, "rankdef/lstsq_x"), 1e-10, 1e-13);
    assert_eq!(matrix_rank(&a, None).unwrap() as i64, f.i64("rankdef/rank"));
    assert_allclose(&pinv(&a, None, None).unwrap(), &cm(&f, "rankdef/pinv"), 1e-10, 1e-13);
}

#[test]
fn strided_complex_views() {
    let f = fx();
    let big = cm(&f, "strided/big");
    let v = big.slice(s![..;2, ..;-2]);
    let d = det(&v).unwrap();
    let want = cs(&f, "strided/det");
    assert!((d - want).norm() < RTOL * want.norm());
    assert_allclose(&inv(&v).unwrap(), &cm(&f, "strided/inv"), RTOL, 1e-14);
    assert_allclose(&svdvals(&v).unwrap(), &rv(&f, "strided/svdvals"), RTOL, 1e-13);
    assert_same_set(&eigvals(&v).unwrap(), &cv(&f, "strided/eigvals"), 1e-12);
    assert_allclose(&expm(&v.mapv(|z| z / 4.0)).unwrap(), &cm(&f, "strided/expm"), 1e-12, 1e-14);
    let (q, r) = qr(&v.t(), QrMode::Full).unwrap();
    assert_allclose(&q.dot(&r), &v.t(), 0.0, 1e-12);
}

fn c32m(a: ArrayD<C>) -> Array2<Complex32> {
    a.into_dimensionality::<Ix2>().unwrap().mapv(|z| Complex32::new(z.re as f32, z.im as f32))
}

#[test]
fn complex64_input() {
    let f = fx();
    let a = c32m(f.array_c64("c64/a"));
    let h = c32m(f.array_c64("c64/h"));
    let b = f
        .array_c64("c64/b")
        .into_dimensionality::<Ix1>()
        .unwrap()
        .mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let up = |x: Array2<Complex32>| x.mapv(|z| C::new(f64::from(z.re), f64::from(z.im)));
    let up1 = |x: Array1<Complex32>| x.mapv(|z| C::new(f64::from(z.re), f64::from(z.im)));
    // single precision: rtol a few hundred eps(f32)
    let tol = 2e-5;
    let d = det(&a).unwrap();
    let want = cs(&f, "c64/det");
    assert!((C::new(d.re.into(), d.im.into()) - want).norm() < tol * want.norm());
    assert_allclose(&up(inv(&a).unwrap()), &cm(&f, "c64/inv"), tol, 1e-6);
    assert_allclose(&up1(solve(&a, &b).unwrap()), &cv(&f, "c64/solve"), tol, 1e-6);
    assert_allclose(&svdvals(&a).unwrap().mapv(f64::from), &rv(&f, "c64/svdvals"), tol, 1e-5);
    assert_allclose(&eigvalsh(&h, true).unwrap().mapv(f64::from), &rv(&f, "c64/eigvalsh"), tol, 1e-5);
    assert_allclose(&up(cholesky(&h, false).unwrap()), &cm(&f, "c64/chol"), tol, 1e-5);
    assert_allclose(&up(expm(&a.mapv(|z| z / 4.0)).unwrap()), &cm(&f, "c64/expm"), tol, 1e-5);
    assert!((f64::from(norm(&a, None).unwrap()) - f.f64("c64/norm_fro")).abs() < tol * f.f64("c64/norm_fro"));
}

#[test]
fn empty_and_singular() {
    let f = fx();
    let e = Array2::<C>::zeros((0, 0));
    assert_eq!(det(&e).unwrap(), cs(&f, "empty/det"));
    assert_eq!(inv(&e).unwrap().dim(), (0, 0));
    assert_eq!(svdvals(&e).unwrap().len() as i64, f.i64("empty/svdvals_len"));
    assert_eq!(eigvalsh(&e, true).unwrap().len() as i64, f.i64("empty/eigvalsh_len"));
    assert_eq!(slogdet(&e).unwrap(), (C::new(1.0, 0.0), 0.0));
    assert_eq!(eigvals(&e).unwrap().len(), 0);
    assert_eq!(solve(&e, &Array1::<C>::zeros(0)).unwrap().len(), 0);
    let a = cm(&f, "singular/a");
    assert!((det(&a).unwrap() - cs(&f, "singular/det")).norm() < 1e-14);
    assert_eq!(slogdet(&a).unwrap(), (C::new(0.0, 0.0), f64::NEG_INFINITY));
    assert!(matches!(inv(&a), Err(LinalgError::Singular { pivot: 1 })));
    assert!(matches!(solve(&a, &Array1::<C>::zeros(2)), Err(LinalgError::Singular { .. })));
}

#[test]
fn bad_input_is_an_error() {
    let nan = C::new(f64::NAN, 0.0);
    let inf_im = C::new(0.0, f64::INFINITY);
    let good = Array2::<C>::eye(2);
    let rect = Array2::<C>::zeros((2, 3));
    let with_nan = Array2::from_shape_fn((2, 2), |(i, j)| if i == j { nan } else { C::new(0.0, 0.0) });
    let with_inf = Array2::from_shape_fn((2, 2), |(i, j)| if i == j { inf_im } else { C::new(0.0, 0.0) });
    let not_pd = Array2::from_shape_fn((2, 2), |(i, j)| C::new(if i == j { -1.0 } else { 0.0 }, 0.0));
    let b3 = Array1::<C>::zeros(3);
    let square = LinalgError::NotSquare { arg: "a", shape: vec![2, 3] };
    let nonfinite = LinalgError::NonFinite { arg: "a" };
    let rows: Vec<(&str, LinalgError, LinalgError)> = vec![
        ("det rect", det(&rect).unwrap_err(), square.clone()),
        ("inv rect", inv(&rect).unwrap_err(), square.clone()),
        ("eig rect", eig(&rect).unwrap_err(), square.clone()),
        ("eigh rect", eigh(&rect, true).unwrap_err(), square.clone()),
        ("expm rect", expm(&rect).unwrap_err(), square.clone()),
        ("cholesky rect", cholesky(&rect, true).unwrap_err(), square.clone()),
        ("det nan", det(&with_nan).unwrap_err(), nonfinite.clone()),
        ("svd inf", svd(&with_inf, true).unwrap_err(), nonfinite.clone()),
        ("qr nan", qr(&with_nan, QrMode::Full).unwrap_err(), nonfinite.clone()),
        ("lu inf", lu(&with_inf).unwrap_err(), nonfinite.clone()),
        ("lstsq nan", lstsq(&with_nan, &Array1::<C>::zeros(2), None).unwrap_err(), nonfinite.clone()),
        ("norm inf", norm(&with_inf, None).unwrap_err(), nonfinite.clone()),
        ("pinv nan", pinv(&with_nan, None, None).unwrap_err(), nonfinite.clone()),
        ("eigvals inf", eigvals(&with_inf).unwrap_err(), nonfinite.clone()),
        (
            "cholesky not pd",
            cholesky(&not_pd, false).unwrap_err(),
            LinalgError::NotPositiveDefinite { index: 0 },
        ),
        (
            "solve b rows",
            solve(&good, &b3).unwrap_err(),
            LinalgError::ShapeMismatch { arg: "b", expected: "(2,) or (2, k)".into(), found: vec![3] },
        ),
        (
            "solve b nan",
            solve(&good, &Array1::from_elem(2, nan)).unwrap_err(),
            LinalgError::NonFinite { arg: "b" },
        ),
        (
            "solve pos not pd",
            solve_with(
                &not_pd,
                &Array1::<C>::zeros(2),
                SolveOptions { assume_a: AssumeA::PositiveDefinite, ..Default::default() },
            )
            .unwrap_err(),
            LinalgError::NotPositiveDefinite { index: 0 },
        ),
    ];
    for (what, got, want) in rows {
        assert_eq!(got, want, "{what}");
    }
}

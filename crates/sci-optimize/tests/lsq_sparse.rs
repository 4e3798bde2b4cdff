//! least_squares with `jac_sparsity` (grouped finite differences, sparse Jacobian, LSMR trust
//! region) and `tr_solver='lsmr'` on dense Jacobians against SciPy
//! (`tools/fixtures/optimize_lsq_sparse.py`); bad-input table.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    Bounds, FiniteDiff, LeastSquaresOptions, LeastSquaresResult, Loss, LsqJac, LsqJacobian, LsqMethod,
    OptimizeError, SparseMatrix, TrOptions, TrSolver, XScale, least_squares,
};

fn load() -> Fixture {
    Fixture::load(format!("{}/tests/fixtures/optimize_lsq_sparse.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn broyden(x: &Array1<f64>) -> Array1<f64> {
    let n = x.len();
    let mut f = x.mapv(|v| (3.0 - v) * v + 1.0);
    for i in 1..n {
        f[i] -= x[i - 1];
    }
    for i in 0..n - 1 {
        f[i] -= 2.0 * x[i + 1];
    }
    f
}

/// A CSR pattern of ones at `entries` (duplicates once).
fn pattern(shape: (usize, usize), entries: &[(usize, usize)]) -> SparseMatrix {
    let mut e = entries.to_vec();
    e.sort_unstable();
    e.dedup();
    let mut indptr = vec![0; shape.0 + 1];
    for &(i, _) in &e {
        indptr[i + 1] += 1;
    }
    for i in 0..shape.0 {
        indptr[i + 1] += indptr[i];
    }
    let indices = e.iter().map(|&(_, j)| j).collect();
    SparseMatrix::csr(shape, indptr, indices, vec![1.0; e.len()]).unwrap()
}

fn tridiag(n: usize) -> SparseMatrix {
    let mut e = Vec::new();
    for i in 0..n {
        e.extend([(i, i), (i, i.saturating_sub(1)), (i, (i + 1).min(n - 1))]);
    }
    pattern((n, n), &e)
}

fn band(x: &Array1<f64>) -> Array1<f64> {
    let n = x.len();
    Array1::from_shape_fn(2 * n, |k| {
        let i = k / 2;
        if k % 2 == 0 {
            x[i] * x[i] - (i + 1) as f64 / n as f64
        } else {
            x[i] * if i + 1 < n { x[i + 1] } else { 1.0 } - 0.5
        }
    })
}

fn band_sparsity(n: usize) -> SparseMatrix {
    let mut e = Vec::new();
    for i in 0..n {
        e.extend([(2 * i, i), (2 * i + 1, i)]);
        if i + 1 < n {
            e.push((2 * i + 1, i + 1));
        }
    }
    pattern((2 * n, n), &e)
}

fn rosen(x: &Array1<f64>) -> Array1<f64> {
    array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]]
}

fn loss(name: &str) -> Loss<'static> {
    match name {
        "linear" => Loss::Linear,
        "soft_l1" => Loss::SoftL1,
        "cauchy" => Loss::Cauchy,
        other => panic!("loss {other} not in this fixture"),
    }
}

/// The options of fixture case `name` (sparsity added by the caller).
fn options(fx: &Fixture, name: &str) -> LeastSquaresOptions<'static> {
    let c = |k: &str| format!("{name}/{k}");
    let bounded = fx.get(&c("bounded")).as_bool().unwrap();
    let maxiter = fx.i64(&c("maxiter"));
    LeastSquaresOptions {
        method: if fx.str(&c("method")) == "dogbox" { LsqMethod::Dogbox } else { LsqMethod::Trf },
        jac: LsqJac::FiniteDiff(if fx.str(&c("jac")) == "3-point" {
            FiniteDiff::ThreePoint
        } else {
            FiniteDiff::TwoPoint
        }),
        bounds: bounded.then(|| Bounds::new(v(fx, &c("lb")), v(fx, &c("ub")))),
        loss: loss(fx.str(&c("loss"))),
        f_scale: fx.f64(&c("f_scale")),
        x_scale: (fx.str(&c("x_scale")) == "jac").then_some(XScale::Jac),
        max_nfev: Some(fx.i64(&c("max_nfev")) as usize).filter(|&m| m > 0),
        tr_options: TrOptions {
            regularize: fx.get(&c("regularize")).as_bool().unwrap(),
            damp: fx.f64(&c("damp")),
            atol: fx.f64(&c("atol")),
            btol: fx.f64(&c("btol")),
            maxiter: (maxiter > 0).then_some(maxiter as usize),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// The counts, flags and message equal SciPy's; x, cost and residuals agree to `rtol`.
fn check(fx: &Fixture, name: &str, r: &LeastSquaresResult, rtol: f64) {
    let c = |k: &str| format!("{name}/{k}");
    assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{name}: nfev");
    assert_eq!(r.njev.map_or(-1, |n| n as i64), fx.i64(&c("njev")), "{name}: njev");
    assert_eq!(i64::from(r.status), fx.i64(&c("status")), "{name}: status");
    assert_eq!(r.message, fx.str(&c("message")), "{name}: message");
    assert_eq!(r.success, r.status > 0);
    let active = fx.array_i64(&c("active_mask")).into_dimensionality::<Ix1>().unwrap();
    assert_eq!(r.active_mask.mapv(i64::from), active, "{name}: active_mask");
    assert_allclose(&r.x, &v(fx, &c("x")), rtol, rtol);
    assert_allclose(&r.fun, &v(fx, &c("fun")), rtol, rtol);
    let cost = fx.f64(&c("cost"));
    assert!((r.cost - cost).abs() <= rtol * cost + 1e-14, "{name}: cost {} vs {cost}", r.cost);
    assert_allclose(&r.grad, &v(fx, &c("grad")), rtol, rtol);
}

#[test]
fn jac_sparsity_matches_scipy() {
    let fx = load();
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let n = fx.i64(&c("n")) as usize;
        let x0 = v(&fx, &c("x0"));
        let problem = fx.str(&c("problem")).to_string();
        let (fun, sparsity): (fn(&Array1<f64>) -> Array1<f64>, _) =
            if problem == "band" { (band, band_sparsity(n)) } else { (broyden, tridiag(n)) };
        let opts = LeastSquaresOptions { jac_sparsity: Some(sparsity), ..options(&fx, name) };
        let r = least_squares(fun, &x0, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The same iterates: LSMR and the sparse products sum in another order than SciPy's
        // BLAS, which the iteration carries to ~1e-9 relative.
        check(&fx, name, &r, 1e-7);
        let LsqJacobian::Sparse(j) = &r.jac else { panic!("{name}: the Jacobian is not sparse") };
        assert_eq!(j.nnz() as i64, fx.i64(&c("jac_nnz")), "{name}: nnz");
        if n <= 200 {
            let indptr = fx.array_i64(&c("jac_indptr")).into_dimensionality::<Ix1>().unwrap();
            let indices = fx.array_i64(&c("jac_indices")).into_dimensionality::<Ix1>().unwrap();
            assert!(j.indptr().iter().zip(&indptr).all(|(a, b)| *a as i64 == *b), "{name}: indptr");
            assert!(j.indices().iter().zip(&indices).all(|(a, b)| *a as i64 == *b), "{name}: indices");
            // Finite differences of nearly equal iterates: 1/h ~ 1e8 amplifies their ~1e-12 gap.
            assert_allclose(&Array1::from(j.data().to_vec()), &v(&fx, &c("jac_data")), 1e-5, 1e-6);
        }
        checked += 1;
    }
    assert_eq!(checked, 16);
}

/// BroydenTridiagonal._jac of SciPy's tests, as CSR.
fn broyden_jac(x: &Array1<f64>) -> SparseMatrix {
    let n = x.len();
    let (mut indptr, mut indices, mut data) = (vec![0], Vec::new(), Vec::new());
    for i in 0..n {
        if i > 0 {
            indices.push(i - 1);
            data.push(-1.0);
        }
        indices.push(i);
        data.push(3.0 - 2.0 * x[i]);
        if i + 1 < n {
            indices.push(i + 1);
            data.push(-2.0);
        }
        indptr.push(indices.len());
    }
    SparseMatrix::csr((n, n), indptr, indices, data).unwrap()
}

#[test]
fn analytic_sparse_jac_matches_scipy() {
    let fx = load();
    let names = fx.str("jac_names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let opts = LeastSquaresOptions { jac: LsqJac::SparseFn(&broyden_jac), ..options(&fx, name) };
        let r = least_squares(broyden, &v(&fx, &format!("{name}/x0")), &opts)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        check(&fx, name, &r, 1e-7);
        assert!(matches!(r.jac, LsqJacobian::Sparse(_)), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 3);
}

/// The SciPy cookbook's bundle-adjustment residuals: Rodrigues rotation, translation,
/// perspective division and radial distortion, two residuals per observation.
fn bundle_fun(
    params: &Array1<f64>,
    n_cam: usize,
    cam: &[usize],
    pt: &[usize],
    pts_2d: &[f64],
) -> Array1<f64> {
    let mut out = Array1::zeros(2 * cam.len());
    for (k, (&c, &p)) in cam.iter().zip(pt).enumerate() {
        let cp = &params.as_slice().unwrap()[9 * c..9 * c + 9];
        let q = &params.as_slice().unwrap()[9 * n_cam + 3 * p..9 * n_cam + 3 * p + 3];
        let theta = (cp[0] * cp[0] + cp[1] * cp[1] + cp[2] * cp[2]).sqrt();
        let v: Vec<f64> = cp[..3].iter().map(|r| if theta == 0.0 { 0.0 } else { r / theta }).collect();
        let dot = q[0] * v[0] + q[1] * v[1] + q[2] * v[2];
        let (ct, st) = (theta.cos(), theta.sin());
        let cross = [v[1] * q[2] - v[2] * q[1], v[2] * q[0] - v[0] * q[2], v[0] * q[1] - v[1] * q[0]];
        let rot: Vec<f64> =
            (0..3).map(|i| ct * q[i] + st * cross[i] + dot * (1.0 - ct) * v[i] + cp[3 + i]).collect();
        let (px, py) = (-rot[0] / rot[2], -rot[1] / rot[2]);
        let n = px * px + py * py;
        let r = 1.0 + cp[7] * n + cp[8] * (n * n);
        let rf = r * cp[6];
        out[2 * k] = px * rf - pts_2d[2 * k];
        out[2 * k + 1] = py * rf - pts_2d[2 * k + 1];
    }
    out
}

#[test]
fn bundle_adjustment_matches_scipy() {
    let fx = load();
    let ints = |k: &str| -> Vec<usize> {
        fx.array_i64(&format!("bundle/{k}")).iter().map(|&v| v as usize).collect()
    };
    let (cam, pt) = (ints("cam_idx"), ints("pt_idx"));
    let (n_cam, n_pt) = (fx.i64("bundle/n_cam") as usize, fx.i64("bundle/n_pt") as usize);
    let pts_2d = fx.array_f64("bundle/pts_2d").iter().copied().collect::<Vec<_>>();
    let (m, n) = (2 * cam.len(), 9 * n_cam + 3 * n_pt);
    let mut e = Vec::new();
    for (k, (&c, &p)) in cam.iter().zip(&pt).enumerate() {
        for row in [2 * k, 2 * k + 1] {
            e.extend((0..9).map(|s| (row, 9 * c + s)));
            e.extend((0..3).map(|s| (row, 9 * n_cam + 3 * p + s)));
        }
    }
    let opts = LeastSquaresOptions {
        jac_sparsity: Some(pattern((m, n), &e)),
        x_scale: Some(XScale::Jac),
        ftol: Some(1e-4),
        ..Default::default()
    };
    let r = least_squares(
        |x: &Array1<f64>| bundle_fun(x, n_cam, &cam, &pt, &pts_2d),
        &v(&fx, "bundle/x0"),
        &opts,
    )
    .unwrap();
    assert_eq!(r.nfev as i64, fx.i64("bundle/nfev"));
    assert_eq!(r.njev.unwrap() as i64, fx.i64("bundle/njev"));
    assert_eq!(i64::from(r.status), fx.i64("bundle/status"));
    // ftol = 1e-4 stops a 72-evaluation run early, and bundle adjustment has nearly free
    // directions (the scene's gauge): in SciPy itself x0 * (1 + 1e-13) moves x by 1.4e-2
    // relative and nfev to 74. Here the last-bit differences of sin/cos (libm vs NumPy),
    // amplified by the finite differences, move x by 1.6e-3 and the cost by 7e-6 relative
    // (8.872376 vs 8.872438); the groups, counts and flags are SciPy's.
    let cost = fx.f64("bundle/cost");
    assert!((r.cost - cost).abs() <= 1e-4 * cost, "cost {} vs {cost}", r.cost);
    let x_ref = v(&fx, "bundle/x");
    let worst = r.x.iter().zip(&x_ref).map(|(a, b)| (a - b).abs() / b.abs().max(1.0)).fold(0.0, f64::max);
    assert!(worst < 1e-2, "x differs by {worst:e}");
}

#[test]
fn tr_solver_lsmr_dense_matches_scipy() {
    let fx = load();
    let names = fx.str("dense_names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let opts = LeastSquaresOptions { tr_solver: Some(TrSolver::Lsmr), ..options(&fx, name) };
        let r = least_squares(rosen, &v(&fx, &format!("{name}/x0")), &opts)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        check(&fx, name, &r, 1e-7);
        let jac = fx.array_f64(&format!("{name}/jac_dense"));
        assert_allclose(&r.jac.to_dense().into_dyn(), &jac, 1e-6, 1e-8);
        checked += 1;
    }
    assert_eq!(checked, 6);
}

#[test]
fn csc_dense_mask_and_explicit_zeros_give_the_same_run() {
    let n = 30;
    let x0 = Array1::from_elem(n, -1.0);
    let run = |s: SparseMatrix| {
        least_squares(broyden, &x0, &LeastSquaresOptions { jac_sparsity: Some(s), ..Default::default() })
            .unwrap()
    };
    let base = run(tridiag(n));
    // The pattern from a dense mask given as a non-contiguous (transposed) view.
    let mask = tridiag(n).to_dense().t().to_owned();
    let from_view = run(SparseMatrix::from_dense(&mask.t()));
    // The same pattern in CSC form (symmetric, so the CSR arrays read as CSC).
    let t = tridiag(n);
    let csc =
        SparseMatrix::csc((n, n), t.indptr().to_vec(), t.indices().to_vec(), t.data().to_vec()).unwrap();
    let from_csc = run(csc);
    // An explicit zero in the pattern is no structural nonzero (SciPy's `find`).
    let mut indptr = t.indptr().to_vec();
    let (mut indices, mut data) = (t.indices().to_vec(), t.data().to_vec());
    indices.push(0);
    data.push(0.0);
    *indptr.last_mut().unwrap() += 1;
    let with_zero = run(SparseMatrix::csr((n, n), indptr, indices, data).unwrap());
    for r in [&from_view, &from_csc, &with_zero] {
        assert_eq!((&r.x, r.nfev, r.njev, r.status), (&base.x, base.nfev, base.njev, base.status));
    }
    let LsqJacobian::Sparse(j) = &with_zero.jac else { panic!("sparse expected") };
    assert_eq!(j.nnz(), 3 * n - 2);
}

#[test]
fn sparse_bad_input() {
    let x0 = Array1::from_elem(5, -1.0);
    let good = tridiag(5);
    let cases: Vec<(&str, LeastSquaresOptions<'static>, OptimizeError)> = vec![
        (
            "sparsity of the wrong shape",
            LeastSquaresOptions { jac_sparsity: Some(tridiag(4)), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "jac_sparsity",
                reason: "has wrong shape: expected (5, 5), got (4, 4)".into(),
            },
        ),
        (
            "lm with jac_sparsity",
            LeastSquaresOptions {
                jac_sparsity: Some(good.clone()),
                method: LsqMethod::Lm,
                ..Default::default()
            },
            OptimizeError::UnsupportedOption { method: "lm", option: "jac_sparsity" },
        ),
        (
            "exact with jac_sparsity",
            LeastSquaresOptions {
                jac_sparsity: Some(good.clone()),
                tr_solver: Some(TrSolver::Exact),
                ..Default::default()
            },
            OptimizeError::InvalidValue {
                arg: "tr_solver",
                reason: "tr_solver='exact' is incompatible with `jac_sparsity`".into(),
            },
        ),
        (
            "lm with a sparse jac",
            LeastSquaresOptions {
                jac: LsqJac::SparseFn(&broyden_jac),
                method: LsqMethod::Lm,
                ..Default::default()
            },
            OptimizeError::UnsupportedOption { method: "lm", option: "sparse jac" },
        ),
        (
            "exact with a sparse jac",
            LeastSquaresOptions {
                jac: LsqJac::SparseFn(&broyden_jac),
                tr_solver: Some(TrSolver::Exact),
                ..Default::default()
            },
            OptimizeError::InvalidValue {
                arg: "tr_solver",
                reason: "tr_solver='exact' works only with dense Jacobian matrices".into(),
            },
        ),
    ];
    for (what, opts, err) in cases {
        assert_eq!(least_squares(broyden, &x0, &opts).unwrap_err(), err, "{what}");
    }
    // A sparse jac of the wrong shape.
    let small = |_: &Array1<f64>| broyden_jac(&Array1::zeros(4));
    let opts = LeastSquaresOptions { jac: LsqJac::SparseFn(&small), ..Default::default() };
    assert!(matches!(
        least_squares(broyden, &x0, &opts),
        Err(OptimizeError::InvalidValue { arg: "jac", .. })
    ));
}

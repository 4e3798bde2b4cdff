//! root(method='krylov') with the inner solvers GMRES, BiCGSTAB, CGS, MINRES and TFQMR
//! (SciPy's KrylovJacobian(method=...)) against SciPy fixtures on SciPy's test_nonlin.py
//! problems, with inner_maxiter, inner_rtol, inner_atol and a diagonal inner_M; bad-input table.

mod nonlin_problems;

use nonlin_problems::{case_opt, problem, scipy_mismatch};
use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    InnerPreconditioner, KrylovMethod, LineSearch, NonlinJacOptions, NonlinMethod, NonlinOptions,
    OptimizeError, RootMethod, RootOptions, newton_krylov, nonlin_solve, root,
};
use std::cell::RefCell;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_krylov_inner.json");

const METHODS: [(&str, KrylovMethod); 6] = [
    ("lgmres", KrylovMethod::Lgmres),
    ("gmres", KrylovMethod::Gmres),
    ("bicgstab", KrylovMethod::Bicgstab),
    ("cgs", KrylovMethod::Cgs),
    ("minres", KrylovMethod::Minres),
    ("tfqmr", KrylovMethod::Tfqmr),
];

/// The generator's `DiagUpdate`: `M = diag(1 / diag(J(x)))` by central differences, rounded to
/// 6 decimals (a zero diagonal entry taken as 1), recomputed by the setup and update hooks.
struct DiagUpdate {
    f: fn(&Array1<f64>) -> Array1<f64>,
    d: RefCell<Array1<f64>>,
}

impl InnerPreconditioner for DiagUpdate {
    fn apply(&self, v: &Array1<f64>) -> Array1<f64> {
        &*self.d.borrow() * v
    }
    fn setup(&self, x: &Array1<f64>, f: &Array1<f64>) {
        self.update(x, f);
    }
    fn update(&self, x: &Array1<f64>, _: &Array1<f64>) {
        let d = Array1::from_shape_fn(x.len(), |k| {
            let (mut xp, mut xm) = (x.clone(), x.clone());
            xp[k] += 1e-6;
            xm[k] -= 1e-6;
            let j = ((self.f)(&xp)[k] - (self.f)(&xm)[k]) / 2e-6;
            let j = if j == 0.0 { 1.0 } else { j };
            ((1.0 / j) * 1e6).round_ties_even() / 1e6
        });
        *self.d.borrow_mut() = d;
    }
}

#[test]
fn root_krylov_inner_methods_match_scipy() {
    let fx = Fixture::load(FIXTURE).unwrap();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with('c')).collect();
    assert_eq!(keys.len(), 339);
    let mut bad = Vec::new();
    let mut errors = 0;
    let mut sensitive = 0;
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let meth = fx.str(&c("method")).to_string();
        let prob = fx.str(&c("problem")).to_string();
        let label = fx.str(&c("label")).to_string();
        let num = |k: &str| case_opt(&fx, key, "options", k);
        let jnum = |k: &str| case_opt(&fx, key, "jac_options", k);
        let diag = (label == "precond")
            .then(|| fx.array_f64(&c("precond_diag")).into_dimensionality::<Ix1>().unwrap());
        let precond = diag.as_ref().map(|d| move |v: &Array1<f64>| d * v);
        let updating = (label == "precond_update").then(|| DiagUpdate {
            f: problem(&prob),
            d: RefCell::new(Array1::ones(fx.array_f64(&c("x0")).len())),
        });
        let o = RootOptions {
            method: RootMethod::Krylov,
            maxiter: num("maxiter").map(|v| v as usize),
            ftol: num("ftol"),
            fatol: num("fatol"),
            line_search: num("line_search").map(|_| LineSearch::None),
            jac_options: Some(NonlinJacOptions {
                method: METHODS.iter().find(|(n, _)| *n == meth).map(|(_, m)| *m),
                inner_maxiter: jnum("inner_maxiter").map(|v| v as usize),
                inner_rtol: jnum("inner_rtol"),
                inner_atol: jnum("inner_atol"),
                inner_restart: jnum("inner_restart").map(|v| v as usize),
                inner_shift: jnum("inner_shift"),
                ..Default::default()
            }),
            inner_precond: match (&precond, &updating) {
                (Some(p), _) => Some(p as &dyn InnerPreconditioner),
                (_, Some(u)) => Some(u as &dyn InnerPreconditioner),
                _ => None,
            },
            ..Default::default()
        };
        let x0 = fx.array_f64(&c("x0")).into_dimensionality::<Ix1>().unwrap();
        let tag = format!("{key} {meth} {prob} {label}");
        let scipy_err = fx.str(&c("error")).to_string();
        let r = root(problem(&prob), &x0, &o);
        if !scipy_err.is_empty() {
            // SciPy's ValueErrors: minres's indefinite preconditioner, a diverged iteration
            match &r {
                Err(OptimizeError::InvalidValue { reason, .. }) if scipy_err.contains(reason.as_str()) => {}
                Err(OptimizeError::NoConvergence { message })
                    if scipy_err.contains("infs or NaNs") && message.contains("infs or NaNs") => {}
                other => bad.push(format!("{tag}: SciPy raised {scipy_err}, ours {other:?}")),
            }
            errors += 1;
            continue;
        }
        let Ok(r) = r.map_err(|e| bad.push(format!("{tag}: {e}"))) else { continue };
        // Path-sensitive runs: CGS on F6 with fatol = 1e-10 stops one Newton step later, its
        // last steps at |F| ~ 1e-14 hinging on last-ulp differences in the forward-difference
        // products (amplified by 1/rdiff = 7e7); LGMRES stagnates on the tutorial system and
        // its F5 steps hinge on LAPACK's gelsd in the least-squares step (the path-sensitive
        // problems of optimize_krylov.json). There the verdict must agree and a claimed root
        // meet the tolerance.
        if key == "c154" || (meth == "lgmres" && ["tutorial", "F5"].contains(&prob.as_str())) {
            let scipy_ok = fx.get(&c("success")).as_bool().unwrap();
            let fmax = r.fvec.as_ref().unwrap().iter().fold(0.0f64, |m, v| m.max(v.abs()));
            if r.success != scipy_ok || (r.success && fmax > num("fatol").unwrap_or(6.06e-6)) {
                bad.push(format!(
                    "{tag}: path-sensitive, SciPy success {scipy_ok}, ours {} |F| {fmax:e}",
                    r.success
                ));
            }
            sensitive += 1;
            continue;
        }
        // The same iterates up to BLAS's summation order; runs that spend all their Newton
        // steps without converging (TFQMR with 3 inner iterations on F5: 300 steps) drift
        // further, to 1e-7 relative.
        let rel = if r.status == 2 && r.nit >= 100 { 1e-6 } else { 1e-7 };
        if let Some(d) = scipy_mismatch(&fx, key, &r, rel) {
            bad.push(format!("{tag}: {d}"));
        }
    }
    assert!(bad.is_empty(), "{} of {} cases differ:\n{}", bad.len(), keys.len(), bad.join("\n"));
    assert_eq!((errors, sensitive), (7, 9));
}

#[test]
fn newton_krylov_inner_method() {
    // SciPy's x of root(F6, method='krylov', jac_options={'method': 'gmres'}) (c040);
    // newton_krylov runs the same iteration.
    let fx = Fixture::load(FIXTURE).unwrap();
    assert_eq!(
        (fx.str("c040/method"), fx.str("c040/problem"), fx.str("c040/label")),
        ("gmres", "F6", "default")
    );
    let o = NonlinOptions {
        jac: NonlinJacOptions { method: Some(KrylovMethod::Gmres), ..Default::default() },
        ..Default::default()
    };
    let x = newton_krylov(problem("F6"), &array![-0.5, 1.4], &o).unwrap();
    let want = fx.array_f64("c040/x").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&x, &want, 1e-7, 1e-9);
}

#[test]
fn krylov_inner_bad_input() {
    let f = |x: &Array1<f64>| x.mapv(|v| v * v - 2.0);
    let x0 = array![1.0, 1.0];
    let d = NonlinJacOptions::default();
    let with = |method: KrylovMethod, j: NonlinJacOptions| NonlinOptions {
        jac: NonlinJacOptions { method: Some(method), ..j },
        ..Default::default()
    };
    // inner_maxiter = 0: SciPy's gmres fails (UnboundLocalError), the others return a zero step
    // ("Jacobian inversion yielded zero vector")
    for m in [
        KrylovMethod::Gmres,
        KrylovMethod::Bicgstab,
        KrylovMethod::Cgs,
        KrylovMethod::Minres,
        KrylovMethod::Tfqmr,
    ] {
        let e = nonlin_solve(
            f,
            &x0,
            NonlinMethod::Krylov,
            &with(m, NonlinJacOptions { inner_maxiter: Some(0), ..d }),
        );
        assert!(matches!(e, Err(OptimizeError::InvalidValue { arg: "inner_maxiter", .. })), "{m:?}: {e:?}");
    }
    // with LGMRES, SciPy replaces inner_maxiter by maxiter=1: accepted
    let r = nonlin_solve(
        f,
        &x0,
        NonlinMethod::Krylov,
        &with(KrylovMethod::Lgmres, NonlinJacOptions { inner_maxiter: Some(0), ..d }),
    );
    assert!(r.is_ok(), "{r:?}");
    // with GMRES, inner_restart replaces inner_maxiter as the cycle length
    let j = NonlinJacOptions { inner_maxiter: Some(0), inner_restart: Some(3), ..d };
    let r = nonlin_solve(f, &x0, NonlinMethod::Krylov, &with(KrylovMethod::Gmres, j));
    assert!(r.is_ok(), "{r:?}");
    let j = NonlinJacOptions { inner_restart: Some(0), ..d };
    let e = nonlin_solve(f, &x0, NonlinMethod::Krylov, &with(KrylovMethod::Gmres, j));
    assert!(matches!(e, Err(OptimizeError::InvalidValue { arg: "inner_restart", .. })), "{e:?}");
    let precond = |v: &Array1<f64>| v * 0.5;
    let short = |v: &Array1<f64>| v.slice(sci_array::ndarray::s![..1]).to_owned();
    // options the inner method does not take (SciPy warns and ignores them)
    let cases: Vec<(&str, NonlinMethod, NonlinOptions<'_>, &str, &str)> = vec![
        (
            "inner_m with gmres",
            NonlinMethod::Krylov,
            with(KrylovMethod::Gmres, NonlinJacOptions { inner_m: Some(5), ..d }),
            "gmres",
            "inner_m",
        ),
        (
            "inner_m with tfqmr",
            NonlinMethod::Krylov,
            with(KrylovMethod::Tfqmr, NonlinJacOptions { inner_m: Some(5), ..d }),
            "tfqmr",
            "inner_m",
        ),
        (
            "inner_atol with minres",
            NonlinMethod::Krylov,
            with(KrylovMethod::Minres, NonlinJacOptions { inner_atol: Some(1e-8), ..d }),
            "minres",
            "inner_atol",
        ),
        (
            "inner_restart with bicgstab",
            NonlinMethod::Krylov,
            with(KrylovMethod::Bicgstab, NonlinJacOptions { inner_restart: Some(5), ..d }),
            "bicgstab",
            "inner_restart",
        ),
        (
            "inner_shift with lgmres",
            NonlinMethod::Krylov,
            with(KrylovMethod::Lgmres, NonlinJacOptions { inner_shift: Some(0.1), ..d }),
            "lgmres",
            "inner_shift",
        ),
        (
            "inner_shift with broyden2",
            NonlinMethod::Broyden2,
            NonlinOptions { jac: NonlinJacOptions { inner_shift: Some(0.1), ..d }, ..Default::default() },
            "broyden2",
            "inner_shift",
        ),
        (
            "method with broyden1",
            NonlinMethod::Broyden1,
            NonlinOptions {
                jac: NonlinJacOptions { method: Some(KrylovMethod::Cgs), ..d },
                ..Default::default()
            },
            "broyden1",
            "method",
        ),
        (
            "inner_rtol with anderson",
            NonlinMethod::Anderson,
            NonlinOptions { jac: NonlinJacOptions { inner_rtol: Some(1e-3), ..d }, ..Default::default() },
            "anderson",
            "inner_rtol",
        ),
        (
            "inner_M with diagbroyden",
            NonlinMethod::DiagBroyden,
            NonlinOptions { inner_precond: Some(&precond), ..Default::default() },
            "diagbroyden",
            "inner_M",
        ),
    ];
    for (name, m, o, meth, opt) in cases {
        match nonlin_solve(f, &x0, m, &o) {
            Err(OptimizeError::UnsupportedOption { method, option }) if (method, option) == (meth, opt) => {}
            other => panic!("{name}: expected UnsupportedOption {{ {meth}, {opt} }}, got {other:?}"),
        }
    }
    // a preconditioner returning the wrong length
    let o = NonlinOptions { inner_precond: Some(&short), ..with(KrylovMethod::Bicgstab, d) };
    let e = nonlin_solve(f, &x0, NonlinMethod::Krylov, &o);
    assert!(
        matches!(e, Err(OptimizeError::WrongLength { arg: "inner_M(v)", expected: 2, found: 1 })),
        "{e:?}"
    );
    // minres with an indefinite preconditioner: SciPy's ValueError
    let neg = |v: &Array1<f64>| -v;
    let o = NonlinOptions { inner_precond: Some(&neg), ..with(KrylovMethod::Minres, d) };
    let e = nonlin_solve(f, &x0, NonlinMethod::Krylov, &o);
    assert!(matches!(e, Err(OptimizeError::InvalidValue { arg: "M", .. })), "{e:?}");
    // lgmres: SciPy's RuntimeError when the preconditioner returns a zero vector
    let zero = |v: &Array1<f64>| v * 0.0;
    let o = NonlinOptions { inner_precond: Some(&zero), ..Default::default() };
    let e = nonlin_solve(f, &x0, NonlinMethod::Krylov, &o);
    assert!(matches!(e, Err(OptimizeError::InvalidValue { arg: "inner_M", .. })), "{e:?}");
    // root: inner_M is a krylov option
    let o = RootOptions { method: RootMethod::Hybr, inner_precond: Some(&precond), ..Default::default() };
    let e = root(f, &x0, &o);
    assert!(matches!(e, Err(OptimizeError::UnsupportedOption { option: "inner_M", .. })), "{e:?}");
}

//! linprog and milp with sparse constraint matrices against SciPy
//! (`tools/fixtures/optimize_linprog_more.py`): seeded random sparse LPs in CSR and CSC form up
//! to 400x800, sparse edge cases, sparse milp problems, `crossover_nit`; bad-input tables.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    Bounds, LinprogBounds, LinprogMethod, LinprogOptions, MilpOptions, OptimizeError, SparseLinearConstraint,
    SparseMatrix, linprog, milp,
};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn idx(fx: &Fixture, p: &str) -> Vec<usize> {
    fx.array_i64(p).iter().map(|&i| i as usize).collect()
}

/// The sparse matrix stored under `p` (`fmt` "csr", "csc" or "none").
fn sparse(fx: &Fixture, p: &str) -> Option<SparseMatrix> {
    let fmt = fx.str(&format!("{p}/fmt")).to_string();
    if fmt == "none" {
        return None;
    }
    let shape = idx(fx, &format!("{p}/shape"));
    let parts = (
        idx(fx, &format!("{p}/indptr")),
        idx(fx, &format!("{p}/indices")),
        v(fx, &format!("{p}/data")).to_vec(),
    );
    let a = if fmt == "csr" {
        SparseMatrix::csr((shape[0], shape[1]), parts.0, parts.1, parts.2)
    } else {
        SparseMatrix::csc((shape[0], shape[1]), parts.0, parts.1, parts.2)
    };
    Some(a.unwrap())
}

fn load(name: &str) -> Fixture {
    Fixture::load(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn linprog_sparse_matches_scipy() {
    let fx = load("optimize_linprog_sparse");
    let mut checked = 0;
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let c = v(&fx, &k("c"));
        let (a_ub, a_eq) = (sparse(&fx, &k("A_ub")), sparse(&fx, &k("A_eq")));
        let (b_ub, b_eq) = (v(&fx, &k("b_ub")), v(&fx, &k("b_eq")));
        let (lb, ub) = (v(&fx, &k("lb")), v(&fx, &k("ub")));
        let bounds = LinprogBounds::PerVariable(lb.iter().copied().zip(ub.iter().copied()).collect());
        let status = fx.i64(&k("status"));
        for method in [LinprogMethod::Highs, LinprogMethod::HighsDs, LinprogMethod::HighsIpm] {
            let opts = LinprogOptions {
                a_ub: a_ub.as_ref().map(Into::into),
                b_ub: a_ub.as_ref().map(|_| b_ub.view()),
                a_eq: a_eq.as_ref().map(Into::into),
                b_eq: a_eq.as_ref().map(|_| b_eq.view()),
                bounds: bounds.clone(),
                method,
                ..Default::default()
            };
            let r = linprog(&c.view(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(i64::from(r.status), status, "{name} {method:?}: {}", r.message);
            if method == LinprogMethod::HighsIpm {
                // The random problems take interior-point iterations (SciPy: nit does not count
                // the crossover's).
                if name.starts_with("rand") {
                    assert!(r.nit > 0, "{name}: ipm nit {}", r.nit);
                }
            } else {
                // SciPy's crossover_nit is 0 for the simplex; so is nit where HiGHS needed none.
                assert_eq!(r.crossover_nit as i64, fx.i64(&k("crossover_nit_ds")), "{name}");
                if name.starts_with("rand") {
                    assert_eq!(fx.i64(&k("nit_ds_nonzero")), 1);
                    assert!(r.nit > 0, "{name}: nit {}", r.nit);
                }
            }
            if status != 0 {
                assert!(r.x.is_none() && r.ineqlin.is_none(), "{name}");
                continue;
            }
            let x = r.x.clone().unwrap();
            let fun = fx.f64(&k("fun"));
            // A vertex is exact up to the factorization's rounding.
            assert!(
                (r.fun.unwrap() - fun).abs() <= 1e-9 * (1.0 + fun.abs()),
                "{name} {method:?}: fun {:?} vs {fun}",
                r.fun
            );
            let scale = 1.0 + x.iter().fold(0.0f64, |a, b| a.max(b.abs()));
            assert_eq!(fx.i64(&k("x_unique")), 1, "{name}");
            assert_allclose(&x, &v(&fx, &k("x")), 1e-9, 1e-9 * scale);
            assert_allclose(r.slack.as_ref().unwrap(), &v(&fx, &k("slack")), 1e-9, 1e-9 * scale);
            assert_allclose(r.con.as_ref().unwrap(), &v(&fx, &k("con")), 1e-9, 1e-9 * scale);
            assert_eq!(fx.i64(&k("marg_unique")), 1, "{name}");
            let pairs = [
                (&r.ineqlin, "marg_ineq"),
                (&r.eqlin, "marg_eq"),
                (&r.lower, "marg_lower"),
                (&r.upper, "marg_upper"),
            ];
            for (got, key) in pairs {
                let want = v(&fx, &k(key));
                let ms = 1.0 + want.iter().fold(0.0f64, |a, b| a.max(b.abs()));
                assert_allclose(&got.as_ref().unwrap().marginals, &want, 1e-8, 1e-9 * ms);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 11);
}

#[test]
fn sparse_equals_dense() {
    // The same problem dense, CSR and CSC: the same vertex and marginals.
    let a = array![[1.0, 0.0, 2.0, 0.0], [0.0, -1.0, 1.0, 3.0], [2.0, 1.0, 0.0, 0.0]];
    let b = array![4.0, 2.0, 5.0];
    let c = array![-1.0, -2.0, -1.0, -1.0];
    let csr = SparseMatrix::from_dense(&a.view());
    let t = SparseMatrix::from_dense(&a.t());
    let csc =
        SparseMatrix::csc((3, 4), t.indptr().to_vec(), t.indices().to_vec(), t.data().to_vec()).unwrap();
    let dense = linprog(
        &c.view(),
        &LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), ..Default::default() },
    )
    .unwrap();
    for s in [&csr, &csc] {
        let r = linprog(
            &c.view(),
            &LinprogOptions { a_ub: Some(s.into()), b_ub: Some(b.view()), ..Default::default() },
        )
        .unwrap();
        assert_allclose(r.x.as_ref().unwrap(), dense.x.as_ref().unwrap(), 1e-14, 1e-14);
        assert_allclose(
            &r.ineqlin.unwrap().marginals,
            &dense.ineqlin.clone().unwrap().marginals,
            1e-14,
            1e-14,
        );
    }
}

#[test]
fn milp_sparse_matches_scipy() {
    let fx = load("optimize_milp_sparse");
    let mut checked = 0;
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let c = v(&fx, &k("c"));
        let a = sparse(&fx, &k("A")).unwrap();
        let dense_a = a.to_dense();
        let (lo, hi) = (v(&fx, &k("lo")), v(&fx, &k("hi")));
        let integ: Vec<u8> = fx.array_i64(&k("integrality")).iter().map(|&i| i as u8).collect();
        let opts = MilpOptions {
            integrality: integ.clone(),
            bounds: Some(Bounds::new(v(&fx, &k("lb")), v(&fx, &k("ub")))),
            sparse_constraints: vec![SparseLinearConstraint::new(a, lo.clone(), hi.clone())],
            mip_rel_gap: 0.0,
            ..Default::default()
        };
        let r = milp(&c.view(), &opts).unwrap();
        let status = fx.i64(&k("status"));
        assert_eq!(i64::from(r.status), status, "{name}: {}", r.message);
        if status != 0 {
            assert!(r.x.is_none(), "{name}");
            continue;
        }
        let (x, fun) = (r.x.unwrap(), fx.f64(&k("fun")));
        assert!((r.fun.unwrap() - fun).abs() <= 1e-9 * (1.0 + fun.abs()), "{name}: {:?} vs {fun}", r.fun);
        // Feasible at HiGHS's tolerance, integers exact.
        let ax = dense_a.dot(&x);
        for i in 0..ax.len() {
            assert!(ax[i] >= lo[i] - 1e-6 && ax[i] <= hi[i] + 1e-6, "{name}: row {i}");
        }
        for (j, &t) in integ.iter().enumerate() {
            if t == 1 {
                assert_eq!(x[j], x[j].round(), "{name}: x[{j}]");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn sparse_bad_input() {
    type Build = fn() -> Result<SparseMatrix, OptimizeError>;
    let cases: Vec<(&str, Build, OptimizeError)> = vec![
        (
            "indptr length",
            || SparseMatrix::csr((2, 2), vec![0, 1], vec![0], vec![1.0]),
            OptimizeError::WrongLength { arg: "indptr", expected: 3, found: 2 },
        ),
        (
            "data length",
            || SparseMatrix::csc((2, 2), vec![0, 1, 1], vec![0], vec![]),
            OptimizeError::WrongLength { arg: "data", expected: 1, found: 0 },
        ),
        (
            "indptr decreasing",
            || SparseMatrix::csr((2, 2), vec![0, 2, 1], vec![0], vec![1.0]),
            OptimizeError::InvalidValue {
                arg: "indptr",
                reason: "index pointer should start with 0, be non-decreasing and end at len(indices)".into(),
            },
        ),
        (
            "index out of range",
            || SparseMatrix::csc((2, 3), vec![0, 1, 1, 1], vec![2], vec![1.0]),
            OptimizeError::InvalidValue {
                arg: "indices",
                reason: "index 2 out of range for dimension 2".into(),
            },
        ),
    ];
    for (what, build, want) in cases {
        assert_eq!(build().unwrap_err(), want, "{what}");
    }
    // linprog with a sparse matrix of the wrong width or non-finite entries.
    let c = array![1.0, 1.0];
    let b = array![1.0];
    let wide = SparseMatrix::csr((1, 3), vec![0, 1], vec![2], vec![1.0]).unwrap();
    let nan = SparseMatrix::csr((1, 2), vec![0, 1], vec![1], vec![f64::NAN]).unwrap();
    let d = LinprogOptions::default;
    let cases: Vec<(&str, LinprogOptions<'_>, OptimizeError)> = vec![
        (
            "A_ub width",
            LinprogOptions { a_ub: Some((&wide).into()), b_ub: Some(b.view()), ..d() },
            OptimizeError::WrongLength { arg: "A_ub", expected: 2, found: 3 },
        ),
        (
            "A_eq nan",
            LinprogOptions { a_eq: Some((&nan).into()), b_eq: Some(b.view()), ..d() },
            OptimizeError::InvalidValue {
                arg: "A_eq",
                reason: "A_eq must not contain values inf, nan, or None".into(),
            },
        ),
        (
            "A_ub without b_ub",
            LinprogOptions { a_ub: Some((&wide).into()), ..d() },
            OptimizeError::MissingArgument { method: "linprog", arg: "b_ub" },
        ),
    ];
    for (what, opts, want) in cases {
        assert_eq!(linprog(&c.view(), &opts).unwrap_err(), want, "{what}");
    }
    // milp: sparse constraint of the wrong width or with inf entries.
    let inf = SparseMatrix::csc((1, 2), vec![0, 1, 1], vec![0], vec![f64::INFINITY]).unwrap();
    for (a, want) in [
        (wide, OptimizeError::WrongLength { arg: "constraints.A", expected: 2, found: 3 }),
        (
            inf,
            OptimizeError::InvalidValue {
                arg: "constraints.A",
                reason: "`A` must contain finite numbers".into(),
            },
        ),
    ] {
        let opts = MilpOptions {
            sparse_constraints: vec![SparseLinearConstraint::new(a, array![0.0], array![1.0])],
            ..Default::default()
        };
        assert_eq!(milp(&c.view(), &opts).unwrap_err(), want);
    }
}

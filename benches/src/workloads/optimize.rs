//! `optimize.*` workloads: sci-optimize against `scipy.optimize`.
//!
//! Python side: `benches/python/bench_optimize.py`. The objective is written natively on each
//! side (Rust closure / NumPy function), as a user of each library would write it, so a row
//! times the solver together with its function evaluations. Where both take the same path,
//! `nfev` is an output, compared exactly; where they do not (BFGS), the counts are in the
//! description.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use ndarray::{Array1, array};
use sci_optimize::{
    Bounds, CurveFitOptions, DifferentialEvolutionOptions, Jac, LeastSquaresOptions, LinprogOptions, Method,
    MinimizeOptions, OptimizeResult, QapMethod, ShgoOptions, SparseMatrix, curve_fit, differential_evolution,
    least_squares, linear_sum_assignment, linprog, minimize, quadratic_assignment, rosen, rosen_der, shgo,
};

/// The `optimize.*` workloads available with the current sci-optimize.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "optimize.bfgs_rosen10_numjac",
            about: "sci_optimize::minimize(rosen, x0, BFGS), 10-d, 2-point finite-difference gradient; \
                    nfev at this x0 (2026-12-03): sci 1210, SciPy 1288",
            setup: bfgs_rosen10,
        },
        Workload {
            name: "optimize.neldermead_rosen2",
            about: "sci_optimize::minimize(rosen, [-1.2, 1], Nelder-Mead); nfev compared (equal)",
            setup: neldermead_rosen2,
        },
        Workload {
            name: "optimize.lbfgsb_rosen100",
            about: "sci_optimize::minimize(rosen, x0, L-BFGS-B, jac=rosen_der), 100-d, no bounds",
            setup: lbfgsb_rosen100,
        },
        Workload {
            name: "optimize.tnc_rosen20",
            about: "sci_optimize::minimize(rosen, x0, TNC, jac=rosen_der), 20-d, no bounds",
            setup: tnc_rosen20,
        },
        Workload {
            name: "optimize.curve_fit_gauss_1e5",
            about: "sci_optimize::curve_fit(a exp(-(x-mu)^2 / (2 s^2)), 1e5 noisy points, p0 = [1, 0, 1]); popt, pcov",
            setup: curve_fit_gauss,
        },
        Workload {
            name: "optimize.least_squares_trf_gauss_2e4",
            about: "sci_optimize::least_squares(gaussian residuals, 2e4 noisy points, p0 = [1, 0, 1], \
                    bounds [0, -5, 0.1]..[10, 5, 10], method trf); x, cost and nfev compared",
            setup: least_squares_trf_gauss,
        },
        Workload {
            name: "optimize.linear_sum_assignment_1000",
            about: "sci_optimize::linear_sum_assignment(cost), 1000x1000 uniform [0, 1) costs",
            setup: lsa_1000,
        },
        Workload {
            name: "optimize.quadratic_assignment_faq_100",
            about: "sci_optimize::quadratic_assignment(A, B, faq), 100x100 uniform [0, 1) A and B, barycenter \
                    start: SciPy's Frank-Wolfe path; col_ind, fun and nit compared",
            setup: qap_faq_100,
        },
        Workload {
            name: "optimize.differential_evolution_rastrigin5",
            about: "sci_optimize::differential_evolution(rastrigin, [-5.12, 5.12]^5, seed=1, polish=false); \
                    nfev compared",
            setup: de_rastrigin5,
        },
        Workload {
            name: "optimize.shgo_eggholder_n64_iters3",
            about: "sci_optimize::shgo(eggholder, [-512, 512]^2, n=64, iters=3): simplicial sampling, 26 local \
                    SLSQP minimizations; funl and the number of sampling evaluations compared",
            setup: shgo_eggholder,
        },
        Workload {
            name: "optimize.linprog_200x400",
            about: "sci_optimize::linprog(c, A_ub, b_ub), method highs (dual simplex) vs SciPy's highs: dense \
                    uniform [-1, 1) A_ub 200x400, feasible b_ub = A x0 + u, bounded c = -A^T y + s, x >= 0",
            setup: linprog_200x400,
        },
        Workload {
            name: "optimize.linprog_sparse_2000x4000",
            about: "sci_optimize::linprog(c, A_ub, b_ub) with a CSR A_ub (SparseMatrix), method highs (dual \
                    simplex, sparse LU) vs SciPy's highs with a csr_array: 2000x4000, density 0.002, uniform \
                    [-1, 1) entries, feasible b_ub = A x0 + u, bounded c = s - A^T y, x >= 0",
            setup: linprog_sparse_2000x4000,
        },
        Workload {
            name: "optimize.cobyla_hs21",
            about: "sci_optimize::minimize(hs21, [-1, -1], COBYLA, bounds [2, 50] x [-50, 50], \
                    10 x0 - x1 - 10 >= 0): PRIMA's iteration on both sides; nfev compared",
            setup: cobyla_hs21,
        },
    ]
}

/// `x`, `fun` and, with `nfev`, the number of function evaluations.
fn result_outputs(r: OptimizeResult, nfev: bool) -> crate::registry::Outputs {
    let mut out = vec![("x", r.x.into()), ("fun", Array1::from_elem(1, r.fun).into())];
    if nfev {
        out.push(("nfev", Array1::from_elem(1, r.nfev as i64).into()));
    }
    out
}

fn bfgs_rosen10(inp: &mut Inputs) -> Result<Case, String> {
    let x0 = inp.rng().normal_vec(10).mapv(|v| 1.0 + 0.5 * v);
    inp.save("x0", &x0)?;
    let opts = MinimizeOptions { method: Method::Bfgs, ..Default::default() };
    Ok(Box::new(move || Ok(result_outputs(minimize(rosen, &x0, &opts).map_err(msg)?, false))))
}

fn neldermead_rosen2(_inp: &mut Inputs) -> Result<Case, String> {
    let x0 = array![-1.2, 1.0];
    let opts = MinimizeOptions { method: Method::NelderMead, ..Default::default() };
    Ok(Box::new(move || Ok(result_outputs(minimize(rosen, &x0, &opts).map_err(msg)?, true))))
}

fn lbfgsb_rosen100(inp: &mut Inputs) -> Result<Case, String> {
    let x0 = inp.rng().normal_vec(100).mapv(|v| 1.0 + 0.5 * v);
    inp.save("x0", &x0)?;
    Ok(Box::new(move || {
        let opts = MinimizeOptions { method: Method::LBfgsB, jac: Jac::Fn(&rosen_der), ..Default::default() };
        Ok(result_outputs(minimize(rosen, &x0, &opts).map_err(msg)?, true))
    }))
}

fn tnc_rosen20(inp: &mut Inputs) -> Result<Case, String> {
    let x0 = inp.rng().normal_vec(20).mapv(|v| 1.0 + 0.5 * v);
    inp.save("x0", &x0)?;
    Ok(Box::new(move || {
        let opts = MinimizeOptions { method: Method::Tnc, jac: Jac::Fn(&rosen_der), ..Default::default() };
        // nfev not compared: NumPy sums rosen's 19 terms pairwise, so f differs in the last bits
        // and the finite-difference Hessian products (divided by ~1e-8) amplify that into a
        // slightly different path; both stop by the ftol test near the minimum.
        Ok(result_outputs(minimize(rosen, &x0, &opts).map_err(msg)?, false))
    }))
}

fn curve_fit_gauss(inp: &mut Inputs) -> Result<Case, String> {
    let n = 100_000;
    let x = Array1::linspace(-5.0, 5.0, n);
    let noise = inp.rng().normal_vec(n);
    let y = &x.mapv(|t: f64| 3.0 * (-(t - 0.5) * (t - 0.5) / (2.0 * 1.2 * 1.2)).exp()) + &(noise * 0.1);
    inp.save("x", &x)?;
    inp.save("y", &y)?;
    let p0 = array![1.0, 0.0, 1.0];
    let opts = CurveFitOptions::default();
    let f = |x: &Array1<f64>, p: &Array1<f64>| {
        let (a, mu, s) = (p[0], p[1], p[2]);
        x.mapv(|t| a * (-(t - mu).powi(2) / (2.0 * s * s)).exp())
    };
    Ok(Box::new(move || {
        let (popt, pcov) = curve_fit(f, &x, &y, &p0, &opts).map_err(msg)?;
        Ok(vec![("popt", popt.into()), ("pcov", pcov.into())])
    }))
}

fn least_squares_trf_gauss(inp: &mut Inputs) -> Result<Case, String> {
    let n = 20_000;
    let x = Array1::linspace(-5.0, 5.0, n);
    let noise = inp.rng().normal_vec(n);
    let y = &x.mapv(|t: f64| 3.0 * (-(t - 0.5) * (t - 0.5) / (2.0 * 1.2 * 1.2)).exp()) + &(noise * 0.1);
    inp.save("x", &x)?;
    inp.save("y", &y)?;
    let p0 = array![1.0, 0.0, 1.0];
    let opts = LeastSquaresOptions {
        bounds: Some(Bounds::new(array![0.0, -5.0, 0.1], array![10.0, 5.0, 10.0])),
        ..Default::default()
    };
    Ok(Box::new(move || {
        let resid =
            |p: &Array1<f64>| x.mapv(|t| p[0] * (-(t - p[1]) * (t - p[1]) / (2.0 * p[2] * p[2])).exp()) - &y;
        let r = least_squares(resid, &p0, &opts).map_err(msg)?;
        Ok(vec![
            ("x", r.x.into()),
            ("cost", Array1::from_elem(1, r.cost).into()),
            ("nfev", Array1::from_elem(1, r.nfev as i64).into()),
        ])
    }))
}

fn lsa_1000(inp: &mut Inputs) -> Result<Case, String> {
    let cost = inp.rng().uniform_vec(1000 * 1000).into_shape_with_order((1000, 1000)).map_err(msg)?;
    inp.save("cost", &cost)?;
    Ok(Box::new(move || {
        let (rows, cols) = linear_sum_assignment(&cost, false).map_err(msg)?;
        Ok(vec![("rows", rows.mapv(|r| r as i64).into()), ("cols", cols.mapv(|c| c as i64).into())])
    }))
}

fn qap_faq_100(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().uniform_vec(100 * 100).into_shape_with_order((100, 100)).map_err(msg)?;
    let b = inp.rng().uniform_vec(100 * 100).into_shape_with_order((100, 100)).map_err(msg)?;
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || {
        let r = quadratic_assignment(&a, &b, QapMethod::Faq, &Default::default()).map_err(msg)?;
        Ok(vec![
            ("col_ind", r.col_ind.mapv(|c| c as i64).into()),
            ("fun", Array1::from_elem(1, r.fun).into()),
            ("nit", Array1::from_elem(1, r.nit as i64).into()),
        ])
    }))
}

fn linprog_200x400(inp: &mut Inputs) -> Result<Case, String> {
    let (m, n) = (200, 400);
    let a = (inp.rng().uniform_vec(m * n).into_shape_with_order((m, n)).map_err(msg)? * 2.0) - 1.0;
    let x0 = inp.rng().uniform_vec(n);
    let b = a.dot(&x0) + inp.rng().uniform_vec(m);
    let (y, s) = (inp.rng().uniform_vec(m), inp.rng().uniform_vec(n));
    let c = s - a.t().dot(&y);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    inp.save("c", &c)?;
    Ok(Box::new(move || {
        let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), ..Default::default() };
        let r = linprog(&c.view(), &opts).map_err(msg)?;
        let fun = r.fun.ok_or_else(|| r.message.clone())?;
        Ok(vec![("x", r.x.ok_or("no x")?.into()), ("fun", Array1::from_elem(1, fun).into())])
    }))
}

fn linprog_sparse_2000x4000(inp: &mut Inputs) -> Result<Case, String> {
    let (m, n, density) = (2000, 4000, 0.002);
    let (mut indptr, mut indices, mut data) = (vec![0i64], Vec::new(), Vec::new());
    for _ in 0..m {
        let u = inp.rng().uniform_vec(n);
        for (j, &p) in u.iter().enumerate() {
            if p < density {
                indices.push(j as i64);
            }
        }
        indptr.push(indices.len() as i64);
    }
    data.extend(inp.rng().uniform_vec(indices.len()).iter().map(|v| 2.0 * v - 1.0));
    let to_usize = |v: &[i64]| v.iter().map(|&i| i as usize).collect::<Vec<_>>();
    let a = SparseMatrix::csr((m, n), to_usize(&indptr), to_usize(&indices), data.clone()).map_err(msg)?;
    let x0 = inp.rng().uniform_vec(n);
    let mut b = inp.rng().uniform_vec(m);
    let y = inp.rng().uniform_vec(m);
    let mut c = inp.rng().uniform_vec(n);
    for i in 0..m {
        for p in indptr[i] as usize..indptr[i + 1] as usize {
            let (j, v) = (indices[p] as usize, data[p]);
            b[i] += v * x0[j];
            c[j] -= v * y[i];
        }
    }
    inp.save("indptr", &Array1::from_vec(indptr))?;
    inp.save("indices", &Array1::from_vec(indices))?;
    inp.save("data", &Array1::from_vec(data))?;
    inp.save("b", &b)?;
    inp.save("c", &c)?;
    Ok(Box::new(move || {
        let opts = LinprogOptions { a_ub: Some((&a).into()), b_ub: Some(b.view()), ..Default::default() };
        let r = linprog(&c.view(), &opts).map_err(msg)?;
        let fun = r.fun.ok_or_else(|| r.message.clone())?;
        Ok(vec![("x", r.x.ok_or("no x")?.into()), ("fun", Array1::from_elem(1, fun).into())])
    }))
}

/// Rastrigin's function: `10 n + sum(x^2 - 10 cos(2 pi x))`, minimum 0 at the origin.
fn rastrigin(x: &Array1<f64>) -> f64 {
    10.0 * x.len() as f64 + x.iter().map(|&v| v * v - 10.0 * (std::f64::consts::TAU * v).cos()).sum::<f64>()
}

fn de_rastrigin5(_inp: &mut Inputs) -> Result<Case, String> {
    // Without polishing: SciPy polishes with L-BFGS-B, sci with BFGS; the seeded evolution
    // itself follows SciPy's `differential_evolution(..., rng=1, polish=False)` path.
    let opts = DifferentialEvolutionOptions { seed: Some(1), polish: false, ..Default::default() };
    let bounds = [(-5.12, 5.12); 5];
    Ok(Box::new(move || {
        let r = differential_evolution(rastrigin, &bounds, &opts).map_err(msg)?;
        Ok(vec![
            ("x", r.x.into()),
            ("fun", Array1::from_elem(1, r.fun).into()),
            ("nfev", Array1::from_elem(1, r.nfev as i64).into()),
        ])
    }))
}

fn eggholder(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    -(b + 47.0) * (a / 2.0 + (b + 47.0)).abs().sqrt().sin() - a * (a - (b + 47.0)).abs().sqrt().sin()
}

fn shgo_eggholder(_inp: &mut Inputs) -> Result<Case, String> {
    let opts = ShgoOptions { n: Some(64), iters: Some(3), ..Default::default() };
    Ok(Box::new(move || {
        let r = shgo(eggholder, &[(-512.0, 512.0); 2], &opts).map_err(msg)?;
        Ok(vec![
            ("funl", r.funl.into()),
            ("sampling_nfev", Array1::from_elem(1, (r.nfev - r.nlfev) as i64).into()),
        ])
    }))
}

fn hs21(x: &Array1<f64>) -> f64 {
    0.01 * x[0] * x[0] + x[1] * x[1] - 100.0
}

fn cobyla_hs21(_inp: &mut Inputs) -> Result<Case, String> {
    Ok(Box::new(move || {
        let c = |x: &Array1<f64>| array![10.0 * x[0] - x[1] - 10.0];
        let opts = MinimizeOptions {
            method: Method::Cobyla,
            bounds: Some(Bounds::from_pairs(&[(2.0, 50.0), (-50.0, 50.0)])),
            constraints: vec![
                sci_optimize::ConstraintDict::new(sci_optimize::ConstraintType::Ineq, &c).into(),
            ],
            ..Default::default()
        };
        Ok(result_outputs(minimize(hs21, &array![-1.0, -1.0], &opts).map_err(msg)?, true))
    }))
}

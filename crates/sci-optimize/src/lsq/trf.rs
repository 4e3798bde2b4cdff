//! Trust Region Reflective (SciPy's `scipy/optimize/_lsq/trf.py`, exact trust-region solver):
//! Coleman-Li scaling of the variables near the bounds, reflected and Cauchy steps when the
//! trust-region step leaves the box. Without bounds it is a trust-region Gauss-Newton method
//! close to MINPACK's.

use super::common::JMul;
use super::common::{
    Loss, build_quadratic_1d, check_termination, cl_scaling_vector, evaluate_quadratic,
    find_active_constraints, grad, in_bounds, initial_scale, intersect_trust_region, jac_scale,
    make_strictly_feasible, minimize_quadratic_1d, norm_inf, reflect_at_bound, solve_lsq_trust_region,
    step_size_to_bound, update_tr_radius, vec_norm,
};
use super::dense::svd_lsq;
use super::jacobian::{Jac, ScaledOp, Subspace};
use super::least_squares::{LeastSquaresResult, LsqCallback, LsqIntermediateResult, Residuals};
use super::lsmr::{LsmrParams, lsmr};
use crate::error::Result;
use ndarray::{Array1, Zip};

/// The trust-region solver of one run (SciPy's `tr_solver` with its `tr_options`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum TrKind {
    /// `'exact'`: SVD of the dense Jacobian.
    Exact,
    /// `'lsmr'`: a 2-d subspace spanned by the gradient and LSMR's Gauss-Newton step.
    Lsmr { params: LsmrParams, regularize: bool },
}

/// Tolerances, limits and scaling of one run (already checked).
pub(super) struct TrfParams<'a> {
    pub ftol: f64,
    pub xtol: f64,
    pub gtol: f64,
    pub max_nfev: usize,
    /// `None`: `x_scale='jac'`.
    pub x_scale: Option<Array1<f64>>,
    pub loss: Loss<'a>,
    pub f_scale: f64,
    pub tr: TrKind,
    /// SciPy's `callback`, called after each iteration.
    pub callback: Option<LsqCallback<'a>>,
}

/// SciPy's `select_step`: the best of the trust-region step (pulled back inside the box),
/// its reflection at the first bound hit, and the constrained Cauchy step.
#[allow(clippy::too_many_arguments)]
fn select_step(
    x: &Array1<f64>,
    j_h: JMul<'_>,
    diag_h: &Array1<f64>,
    g_h: &Array1<f64>,
    mut p: Array1<f64>,
    mut p_h: Array1<f64>,
    d: &Array1<f64>,
    delta: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    theta: f64,
) -> (Array1<f64>, Array1<f64>, f64) {
    if in_bounds(&(x + &p), lb, ub) {
        let v = evaluate_quadratic(j_h, g_h, &p_h, Some(diag_h));
        return (p, p_h, -v);
    }
    let (p_stride, mut r_h, mut r, x_on_bound) = reflect_at_bound(x, &mut p, &mut p_h, d, lb, ub);
    let (_, to_tr) = intersect_trust_region(&p_h, &r_h, delta);
    let (to_bound, _) = step_size_to_bound(&x_on_bound, &r, lb, ub);
    let r_stride = to_bound.min(to_tr);
    let (r_stride_l, r_stride_u) = if r_stride > 0.0 {
        let l = (1.0 - theta) * p_stride / r_stride;
        (l, if r_stride == to_bound { theta * to_bound } else { to_tr })
    } else {
        (0.0, -1.0)
    };
    let r_value = if r_stride_l <= r_stride_u {
        let (a, b, c) = build_quadratic_1d(j_h, g_h, &r_h, Some(diag_h), Some(&p_h));
        let (t, val) = minimize_quadratic_1d(a, b, r_stride_l, r_stride_u, c);
        r_h *= t;
        r_h += &p_h;
        r = &r_h * d;
        val
    } else {
        f64::INFINITY
    };
    p *= theta;
    p_h *= theta;
    let p_value = evaluate_quadratic(j_h, g_h, &p_h, Some(diag_h));
    let mut ag_h = -g_h;
    let mut ag = d * &ag_h;
    let to_tr = delta / vec_norm(&ag_h);
    let (to_bound, _) = step_size_to_bound(x, &ag, lb, ub);
    let ag_stride = if to_bound < to_tr { theta * to_bound } else { to_tr };
    let (a, b, _) = build_quadratic_1d(j_h, g_h, &ag_h, Some(diag_h), None);
    let (ag_stride, ag_value) = minimize_quadratic_1d(a, b, 0.0, ag_stride, 0.0);
    ag_h *= ag_stride;
    ag *= ag_stride;
    if p_value < r_value && p_value < ag_value {
        (p, p_h, -p_value)
    } else if r_value < p_value && r_value < ag_value {
        (r, r_h, -r_value)
    } else {
        (ag, ag_h, -ag_value)
    }
}

/// SciPy's `trf` (`trf_bounds`, or `trf_no_bounds` when every bound is infinite).
pub(super) fn trf(
    res: &mut Residuals<'_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    j0: Jac,
    p: &TrfParams<'_>,
) -> Result<LeastSquaresResult> {
    let lb = res.lb.clone();
    let ub = res.ub.clone();
    let bounded = lb.iter().any(|v| *v != f64::NEG_INFINITY) || ub.iter().any(|v| *v != f64::INFINITY);
    let (m, n) = j0.shape();
    let mut x = x0;
    let mut f_true = f0;
    let mut f = f_true.clone();
    let mut jac = j0;
    let mut nfev = 1;
    let mut njev = 1;
    let mut cost = p.loss.scale(&mut jac, &mut f, p.f_scale)?;
    let mut g = grad(&jac, &f);
    let (mut scale, mut scale_inv) = initial_scale(&jac, p.x_scale.as_ref());
    let mut delta = if bounded {
        let (mut v, dv) = cl_scaling_vector(&x, &g, &lb, &ub);
        Zip::from(&mut v).and(&dv).and(&scale_inv).for_each(|v, &dv, &si| {
            if dv != 0.0 {
                *v *= si
            }
        });
        vec_norm(&Zip::from(&x).and(&scale_inv).and(&v).map_collect(|&x, &si, &v| x * si / v.sqrt()))
    } else {
        vec_norm(&(&x * &scale_inv))
    };
    if delta == 0.0 {
        delta = 1.0;
    }
    let mut alpha = 0.0;
    let mut reg_term = 0.0;
    let mut status = None;
    let mut g_norm;
    let mut nit = 0;
    loop {
        let (mut v, dv) =
            if bounded { cl_scaling_vector(&x, &g, &lb, &ub) } else { (Array1::ones(n), Array1::zeros(n)) };
        g_norm = if bounded { norm_inf(&(&g * &v)) } else { norm_inf(&g) };
        if g_norm < p.gtol {
            status = Some(1);
        }
        if status.is_some() || nfev == p.max_nfev {
            break;
        }
        Zip::from(&mut v).and(&dv).and(&scale_inv).for_each(|v, &dv, &si| {
            if dv != 0.0 {
                *v *= si
            }
        });
        let d = Zip::from(&v).and(&scale).map_collect(|&v, &s| v.sqrt() * s);
        let diag_h = Zip::from(&g).and(&dv).and(&scale).map_collect(|&g, &dv, &s| g * dv * s);
        let g_h = &d * &g;
        let theta = 0.995f64.max(1.0 - g_norm);
        // The trust-region model: the SVD of [J_h; diag(diag_h)^0.5] (exact), or LSMR's
        // Gauss-Newton step and the 2-d subspace it spans with g_h (lsmr).
        let mut j_h_dense = None;
        let op_h = ScaledOp { j: &jac, d: &d, extra: None, active: None };
        let (svd, subspace) = match p.tr {
            TrKind::Exact => {
                let jd = jac.dense();
                let e: Vec<f64>;
                let extra = if bounded {
                    e = diag_h.iter().map(|v| v.sqrt()).collect();
                    Some(&e[..])
                } else {
                    None
                };
                let svd = svd_lsq(jd, d.as_slice().unwrap(), extra, f.as_slice().unwrap());
                j_h_dense = Some(jd * &d);
                (Some(svd), None)
            }
            TrKind::Lsmr { params, regularize } => {
                let jh = |s: &Array1<f64>| op_h.apply(s);
                let diag = bounded.then_some(&diag_h);
                if regularize {
                    let (a, b, _) = build_quadratic_1d(&jh, &g_h, &-&g_h, diag, None);
                    let to_tr = delta / vec_norm(&g_h);
                    let ag_value = minimize_quadratic_1d(a, b, 0.0, to_tr, 0.0).1;
                    reg_term = -ag_value / (delta * delta);
                }
                let gn_h = if bounded {
                    let e: Vec<f64> = diag_h.iter().map(|v| (v + reg_term).sqrt()).collect();
                    let op = ScaledOp { extra: Some(&e), ..op_h };
                    let mut f_aug = f.to_vec();
                    f_aug.resize(m + n, 0.0);
                    lsmr(&op, &f_aug, &params).0
                } else {
                    let damp = (params.damp * params.damp + reg_term).sqrt();
                    lsmr(&op_h, f.as_slice().unwrap(), &LsmrParams { damp, ..params }).0
                };
                let sub = Subspace::new(&op_h, &g_h, &Array1::from(gn_h), diag);
                (None, Some(sub))
            }
        };
        let dense_mul = |s: &Array1<f64>| j_h_dense.as_ref().map_or_else(|| op_h.apply(s), |j| j.dot(s));
        let j_h: JMul<'_> = &dense_mul;
        let mut actual_reduction = -1.0;
        let mut accepted = None;
        while actual_reduction <= 0.0 && nfev < p.max_nfev {
            let p_h = match (&svd, &subspace) {
                (Some(svd), _) => {
                    let (p_h, a) = solve_lsq_trust_region(n, m, &svd.uf, &svd.s, &svd.v, delta, alpha);
                    alpha = a;
                    p_h
                }
                (None, Some(sub)) => sub.step(delta),
                (None, None) => unreachable!("one trust-region model is built"),
            };
            let (step, step_h, predicted) = if bounded {
                let pp = &d * &p_h;
                select_step(&x, j_h, &diag_h, &g_h, pp, p_h, &d, delta, &lb, &ub, theta)
            } else {
                let pr = -evaluate_quadratic(j_h, &g_h, &p_h, None);
                (&d * &p_h, p_h, pr)
            };
            let x_new =
                if bounded { make_strictly_feasible(&(&x + &step), &lb, &ub, 0.0) } else { &x + &step };
            let f_new = res.fun(&x_new)?;
            nfev += 1;
            let step_h_norm = vec_norm(&step_h);
            if f_new.iter().any(|v| !v.is_finite()) {
                delta = 0.25 * step_h_norm;
                continue;
            }
            let cost_new = p.loss.cost(&f_new, p.f_scale)?;
            actual_reduction = cost - cost_new;
            let (delta_new, ratio) =
                update_tr_radius(delta, actual_reduction, predicted, step_h_norm, step_h_norm > 0.95 * delta);
            let step_norm = vec_norm(&step);
            status =
                check_termination(actual_reduction, cost, step_norm, vec_norm(&x), ratio, p.ftol, p.xtol);
            accepted = Some((x_new, f_new, cost_new));
            if status.is_some() {
                break;
            }
            alpha *= delta / delta_new;
            delta = delta_new;
        }
        if actual_reduction > 0.0 {
            let (x_new, f_new, cost_new) = accepted.expect("a step was evaluated");
            x = x_new;
            f_true = f_new;
            f = f_true.clone();
            cost = cost_new;
            jac = res.jac(&x, &f_true)?;
            njev += 1;
            p.loss.scale(&mut jac, &mut f, p.f_scale)?;
            g = grad(&jac, &f);
            if p.x_scale.is_none() {
                (scale, scale_inv) = jac_scale(&jac, Some(&scale_inv));
            }
        }
        nit += 1;
        if let Some(cb) = p.callback
            && cb.halt(&LsqIntermediateResult { x: &x, fun: &f_true, nit, nfev, cost })
        {
            status = Some(-2);
            break;
        }
    }
    let active_mask = if bounded { find_active_constraints(&x, &lb, &ub, p.xtol) } else { Array1::zeros(n) };
    // `message` and `success` are filled in by `least_squares`.
    Ok(LeastSquaresResult {
        message: String::new(),
        success: false,
        x,
        cost,
        fun: f_true,
        jac: jac.into_public(),
        grad: g,
        optimality: g_norm,
        active_mask,
        nfev,
        njev: Some(njev),
        status: status.unwrap_or(0),
    })
}

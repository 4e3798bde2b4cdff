//! Dogleg with rectangular trust regions (SciPy's `scipy/optimize/_lsq/dogbox.py`, exact
//! trust-region solver): variables on a bound whose gradient pushes outwards are frozen, the
//! step is Powell's dogleg between the Cauchy point and the Gauss-Newton step inside the
//! intersection of the box with an infinity-norm trust region.

use super::common::{
    build_quadratic_1d, check_termination, evaluate_quadratic, grad, in_bounds, initial_scale, jac_scale,
    minimize_quadratic_1d, norm_inf, step_size_to_bound, update_tr_radius, vec_norm,
};
use super::dense::lstsq;
use super::jacobian::{Jac, ScaledOp};
use super::least_squares::{LeastSquaresResult, LsqIntermediateResult, Residuals};
use super::lsmr::lsmr;
use super::trf::{TrKind, TrfParams};
use crate::error::Result;
use ndarray::Array1;

/// SciPy's `dogleg_step`: the step, which original bounds it hits (-1/0/1) and whether it hits
/// the trust region.
#[allow(clippy::too_many_arguments)]
fn dogleg_step(
    x: &Array1<f64>,
    newton_step: &Array1<f64>,
    g: &Array1<f64>,
    a: f64,
    b: f64,
    tr_bounds: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (Array1<f64>, Vec<i32>, bool) {
    let n = x.len();
    // find_intersection
    let lb_centered = lb - x;
    let ub_centered = ub - x;
    let lb_total = ndarray::Zip::from(&lb_centered).and(tr_bounds).map_collect(|&l, &t| l.max(-t));
    let ub_total = ndarray::Zip::from(&ub_centered).and(tr_bounds).map_collect(|&u, &t| u.min(t));
    let mut bound_hits = vec![0; n];
    if in_bounds(newton_step, &lb_total, &ub_total) {
        return (newton_step.clone(), bound_hits, false);
    }
    let (to_bounds, _) = step_size_to_bound(&Array1::zeros(n), &-g, &lb_total, &ub_total);
    let cauchy_step = -minimize_quadratic_1d(a, b, 0.0, to_bounds, 0.0).0 * g;
    let step_diff = newton_step - &cauchy_step;
    let (step_size, hits) = step_size_to_bound(&cauchy_step, &step_diff, &lb_total, &ub_total);
    let mut tr_hit = false;
    for i in 0..n {
        let (orig_l, orig_u) = (lb_total[i] == lb_centered[i], ub_total[i] == ub_centered[i]);
        let (tr_l, tr_u) = (lb_total[i] == -tr_bounds[i], ub_total[i] == tr_bounds[i]);
        if hits[i] < 0 && orig_l {
            bound_hits[i] = -1;
        }
        if hits[i] > 0 && orig_u {
            bound_hits[i] = 1;
        }
        tr_hit |= (hits[i] < 0 && tr_l) || (hits[i] > 0 && tr_u);
    }
    (cauchy_step + step_size * step_diff, bound_hits, tr_hit)
}

fn select(v: &Array1<f64>, idx: &[usize]) -> Array1<f64> {
    idx.iter().map(|&i| v[i]).collect()
}

/// SciPy's `dogbox` with `tr_solver='exact'`.
pub(super) fn dogbox(
    res: &mut Residuals<'_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    j0: Jac,
    p: &TrfParams<'_>,
) -> Result<LeastSquaresResult> {
    let lb = res.lb.clone();
    let ub = res.ub.clone();
    let n = x0.len();
    let mut f_true = f0;
    let mut f = f_true.clone();
    let mut jac = j0;
    let mut nfev = 1;
    let mut njev = 1;
    let mut cost = p.loss.scale(&mut jac, &mut f, p.f_scale)?;
    let mut g = grad(&jac, &f);
    let (mut scale, mut scale_inv) = initial_scale(&jac, p.x_scale.as_ref());
    let mut delta = norm_inf(&(&x0 * &scale_inv));
    if delta == 0.0 {
        delta = 1.0;
    }
    let mut on_bound: Vec<i32> = (0..n)
        .map(|i| {
            if x0[i] == lb[i] {
                -1
            } else if x0[i] == ub[i] {
                1
            } else {
                0
            }
        })
        .collect();
    let mut x = x0;
    let mut status = None;
    let mut g_norm;
    let mut g_full;
    let mut nit = 0;
    // The cost of the last finite trial point: what SciPy's callback reports as `cost`.
    let mut trial_cost = cost;
    loop {
        let active: Vec<bool> = (0..n).map(|i| (on_bound[i] as f64) * g[i] < 0.0).collect();
        let free: Vec<usize> = (0..n).filter(|&i| !active[i]).collect();
        let g_free = select(&g, &free);
        g_full = g.clone();
        for i in 0..n {
            if (on_bound[i] as f64) * g[i] < 0.0 {
                g[i] = 0.0;
            }
        }
        g_norm = norm_inf(&g);
        if g_norm < p.gtol {
            status = Some(1);
        }
        if status.is_some() || nfev == p.max_nfev {
            break;
        }
        let x_free = select(&x, &free);
        let lb_free = select(&lb, &free);
        let ub_free = select(&ub, &free);
        let scale_free = select(&scale, &free);
        // The Gauss-Newton step on the free variables and the model along -g: from the dense
        // columns of J (exact), or by LSMR on J diag(scale) with the active variables masked
        // out of J^T products (lsmr; SciPy's `lsmr_operator` leaves `A x` unmasked).
        let mut j_free = None;
        let (newton_step, a, b) = match p.tr {
            TrKind::Exact => {
                let jf = jac.dense().select(ndarray::Axis(1), &free);
                let newton_step = lstsq(&jf, &-&f);
                let (a, b, _) = build_quadratic_1d(&|s| jf.dot(s), &g_free, &-&g_free, None, None);
                j_free = Some(jf);
                (newton_step, a, b)
            }
            TrKind::Lsmr { params, .. } => {
                let op = ScaledOp { j: &jac, d: &scale, extra: None, active: Some(&active) };
                let sol = lsmr(&op, f.as_slice().unwrap(), &params).0;
                let newton_step: Array1<f64> = free.iter().map(|&i| -sol[i] * scale[i]).collect();
                let (a, b, _) = build_quadratic_1d(&|s| jac.dot(s), &g, &-&g, None, None);
                (newton_step, a, b)
            }
        };
        let mut actual_reduction = -1.0;
        let mut accepted = None;
        while actual_reduction <= 0.0 && nfev < p.max_nfev {
            let tr_bounds = delta * &scale_free;
            let (step_free, on_bound_free, tr_hit) =
                dogleg_step(&x_free, &newton_step, &g_free, a, b, &tr_bounds, &lb_free, &ub_free);
            let mut step = Array1::zeros(n);
            for (k, &i) in free.iter().enumerate() {
                step[i] = step_free[k];
            }
            let predicted = match &j_free {
                Some(jf) => -evaluate_quadratic(&|s| jf.dot(s), &g_free, &step_free, None),
                None => -evaluate_quadratic(&|s| jac.dot(s), &g, &step, None),
            };
            let x_new =
                ndarray::Zip::from(&(&x + &step)).and(&lb).and(&ub).map_collect(|&v, &l, &u| v.max(l).min(u));
            let f_new = res.fun(&x_new)?;
            nfev += 1;
            let step_h_norm = norm_inf(&(&step * &scale_inv));
            if f_new.iter().any(|v| !v.is_finite()) {
                delta = 0.25 * step_h_norm;
                continue;
            }
            let cost_new = p.loss.cost(&f_new, p.f_scale)?;
            trial_cost = cost_new;
            actual_reduction = cost - cost_new;
            let (delta_new, ratio) =
                update_tr_radius(delta, actual_reduction, predicted, step_h_norm, tr_hit);
            delta = delta_new;
            status = check_termination(
                actual_reduction,
                cost,
                vec_norm(&step),
                vec_norm(&x),
                ratio,
                p.ftol,
                p.xtol,
            );
            accepted = Some((x_new, f_new, cost_new, on_bound_free));
            if status.is_some() {
                break;
            }
        }
        if actual_reduction > 0.0 {
            let (x_new, f_new, cost_new, on_bound_free) = accepted.expect("a step was evaluated");
            for (k, &i) in free.iter().enumerate() {
                on_bound[i] = on_bound_free[k];
            }
            x = x_new;
            for i in 0..n {
                match on_bound[i] {
                    -1 => x[i] = lb[i],
                    1 => x[i] = ub[i],
                    _ => {}
                }
            }
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
            && cb.halt(&LsqIntermediateResult { x: &x, fun: &f, nit, nfev, cost: trial_cost })
        {
            status = Some(-2);
            break;
        }
    }
    Ok(LeastSquaresResult {
        message: String::new(),
        success: false,
        x,
        cost,
        fun: f_true,
        jac: jac.into_public(),
        grad: g_full,
        optimality: g_norm,
        active_mask: Array1::from(on_bound),
        nfev,
        njev: Some(njev),
        status: status.unwrap_or(0),
    })
}

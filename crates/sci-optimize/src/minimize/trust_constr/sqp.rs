//! SciPy's `equality_constrained_sqp`: the Byrd-Omojokun trust-region SQP method for
//! `min f(x)` subject to `c(x) = 0` (Lalee, Nocedal & Plantenga 1998; Byrd, Hribar & Nocedal
//! 1999).

use super::projections::Projections;
use super::qp::{CgInfo, box_intersections, modified_dogleg, projected_cg};
use crate::error::Result;
use ndarray::{Array1, Array2};

/// What the SQP iteration needs from its problem.
pub(crate) trait SqpProblem {
    /// `(f(x), c(x))`; may adjust `x` in place (the barrier problem's `keep_feasible` slacks).
    fn fun_and_constr(&mut self, x: &mut Array1<f64>) -> (f64, Array1<f64>);
    /// `(grad f(x), J(x))`.
    fn grad_and_jac(&mut self, x: &Array1<f64>) -> (Array1<f64>, Array2<f64>);
    /// Brings the Lagrangian Hessian to `(x, v)`; [`Self::hess_dot`] then applies it.
    fn lagr_hess(&mut self, x: &Array1<f64>, v: &Array1<f64>);
    /// The Lagrangian Hessian times `p`.
    fn hess_dot(&self, p: &Array1<f64>) -> Array1<f64>;
    /// The diagonal scaling at `x` (`None`: identity).
    fn scaling(&self, x: &Array1<f64>) -> Option<Array1<f64>>;
    /// SciPy's `stop_criteria`.
    #[allow(clippy::too_many_arguments)]
    fn stop(
        &mut self,
        x: &Array1<f64>,
        last_iteration_failed: bool,
        optimality: f64,
        constr_violation: f64,
        trust_radius: f64,
        penalty: f64,
        cg_info: CgInfo,
    ) -> bool;
}

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

fn norm_inf(v: &Array1<f64>) -> f64 {
    v.iter().fold(0.0f64, |a, x| a.max(x.abs()))
}

fn scale(s: &Option<Array1<f64>>, d: &Array1<f64>) -> Array1<f64> {
    match s {
        Some(s) => s * d,
        None => d.clone(),
    }
}

/// Runs the SQP iteration from `x0`; returns the last point and trust radius.
#[allow(clippy::too_many_arguments)]
pub(crate) fn equality_constrained_sqp<P: SqpProblem>(
    p: &mut P,
    x0: &Array1<f64>,
    fun0: f64,
    grad0: Array1<f64>,
    constr0: Array1<f64>,
    jac0: Array2<f64>,
    initial_penalty: f64,
    initial_trust_radius: f64,
    trust_lb: &Array1<f64>,
    trust_ub: &Array1<f64>,
) -> Result<(Array1<f64>, f64)> {
    const PENALTY_FACTOR: f64 = 0.3;
    const LARGE_REDUCTION_RATIO: f64 = 0.9;
    const INTERMEDIARY_REDUCTION_RATIO: f64 = 0.3;
    const SUFFICIENT_REDUCTION_RATIO: f64 = 1e-8;
    const TRUST_ENLARGEMENT_FACTOR_L: f64 = 7.0;
    const TRUST_ENLARGEMENT_FACTOR_S: f64 = 2.0;
    const MAX_TRUST_REDUCTION: f64 = 0.5;
    const MIN_TRUST_REDUCTION: f64 = 0.1;
    const SOC_THRESHOLD: f64 = 0.1;
    const TR_FACTOR: f64 = 0.8;
    const BOX_FACTOR: f64 = 0.5;

    let mut x = x0.clone();
    let mut trust_radius = initial_trust_radius;
    let mut penalty = initial_penalty;
    let mut f = fun0;
    let mut c = grad0;
    let mut b = constr0;
    let mut a = jac0;
    let mut s = p.scaling(&x);
    let mut proj = Projections::new(&a)?;
    let mut v = -proj.least_squares(&c);
    p.lagr_hess(&x, &v);
    let mut optimality = norm_inf(&(&c + &a.t().dot(&v)));
    let mut constr_violation = if b.is_empty() { 0.0 } else { norm_inf(&b) };
    let mut cg_info = CgInfo::default();
    let mut last_iteration_failed = false;
    let box_lb = trust_lb * BOX_FACTOR;
    let box_ub = trust_ub * BOX_FACTOR;
    while !p.stop(&x, last_iteration_failed, optimality, constr_violation, trust_radius, penalty, cg_info) {
        // Normal step.
        let dn = modified_dogleg(&a, &proj, &b, TR_FACTOR * trust_radius, &box_lb, &box_ub);
        // Tangential step.
        let c_t = p.hess_dot(&dn) + &c;
        let b_t = Array1::zeros(b.len());
        let trust_radius_t = (trust_radius * trust_radius - norm(&dn).powi(2)).sqrt();
        let lb_t = trust_lb - &dn;
        let ub_t = trust_ub - &dn;
        let (dt, info) = projected_cg(&|q| p.hess_dot(q), &c_t, &proj, &b_t, trust_radius_t, &lb_t, &ub_t)?;
        cg_info = info;
        let d = &dn + &dt;
        let quadratic_model = 0.5 * p.hess_dot(&d).dot(&d) + c.dot(&d);
        let linearized_constr = a.dot(&d) + &b;
        let vpred = (norm(&b) - norm(&linearized_constr)).max(1e-16);
        let previous_penalty = penalty;
        if quadratic_model > 0.0 {
            let new_penalty = quadratic_model / ((1.0 - PENALTY_FACTOR) * vpred);
            penalty = penalty.max(new_penalty);
        }
        let predicted_reduction = -quadratic_model + penalty * vpred;
        let merit_function = f + penalty * norm(&b);
        let mut x_next = &x + &scale(&s, &d);
        let (mut f_next, mut b_next) = p.fun_and_constr(&mut x_next);
        let merit_function_next = f_next + penalty * norm(&b_next);
        let actual_reduction = merit_function - merit_function_next;
        let mut reduction_ratio = actual_reduction / predicted_reduction;
        // Second-order correction.
        if reduction_ratio < SUFFICIENT_REDUCTION_RATIO && norm(&dn) <= SOC_THRESHOLD * norm(&dt) {
            let y = -proj.row_space(&b_next);
            let (_, t, intersect) = box_intersections(&d, &y, trust_lb, trust_ub, false);
            let mut x_soc = &x + &scale(&s, &(&d + &(&y * t)));
            let (f_soc, b_soc) = p.fun_and_constr(&mut x_soc);
            let merit_function_soc = f_soc + penalty * norm(&b_soc);
            let reduction_ratio_soc = (merit_function - merit_function_soc) / predicted_reduction;
            if intersect && reduction_ratio_soc >= SUFFICIENT_REDUCTION_RATIO {
                x_next = x_soc;
                f_next = f_soc;
                b_next = b_soc;
                reduction_ratio = reduction_ratio_soc;
            }
        }
        if reduction_ratio >= LARGE_REDUCTION_RATIO {
            trust_radius = (TRUST_ENLARGEMENT_FACTOR_L * norm(&d)).max(trust_radius);
        } else if reduction_ratio >= INTERMEDIARY_REDUCTION_RATIO {
            trust_radius = (TRUST_ENLARGEMENT_FACTOR_S * norm(&d)).max(trust_radius);
        } else if reduction_ratio < SUFFICIENT_REDUCTION_RATIO {
            let trust_reduction = (1.0 - SUFFICIENT_REDUCTION_RATIO) / (1.0 - reduction_ratio);
            let new_trust_radius = trust_reduction * norm(&d);
            if new_trust_radius >= MAX_TRUST_REDUCTION * trust_radius {
                trust_radius *= MAX_TRUST_REDUCTION;
            } else if new_trust_radius >= MIN_TRUST_REDUCTION * trust_radius {
                trust_radius = new_trust_radius;
            } else {
                trust_radius *= MIN_TRUST_REDUCTION;
            }
        }
        if reduction_ratio >= SUFFICIENT_REDUCTION_RATIO {
            x = x_next;
            f = f_next;
            b = b_next;
            let (g, j) = p.grad_and_jac(&x);
            c = g;
            a = j;
            s = p.scaling(&x);
            proj = Projections::new(&a)?;
            v = -proj.least_squares(&c);
            p.lagr_hess(&x, &v);
            last_iteration_failed = false;
            optimality = norm_inf(&(&c + &a.t().dot(&v)));
            constr_violation = if b.is_empty() { 0.0 } else { norm_inf(&b) };
        } else {
            penalty = previous_penalty;
            last_iteration_failed = true;
        }
    }
    Ok((x, trust_radius))
}

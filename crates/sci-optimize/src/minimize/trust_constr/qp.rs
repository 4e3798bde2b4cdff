//! SciPy's equality-constrained QP helpers (`qp_subproblem.py`): segment/ball/box
//! intersections, the modified dogleg normal step and projected CG for the tangential step.

use super::projections::Projections;
use crate::error::{OptimizeError, Result};
use ndarray::Array1;

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// `sphere_intersections(z, d, trust_radius, entire_line)`.
pub(crate) fn sphere_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    tr: f64,
    entire_line: bool,
) -> (f64, f64, bool) {
    if norm(d) == 0.0 {
        return (0.0, 0.0, false);
    }
    if tr.is_infinite() {
        return if entire_line { (f64::NEG_INFINITY, f64::INFINITY, true) } else { (0.0, 1.0, true) };
    }
    let a = d.dot(d);
    let b = 2.0 * z.dot(d);
    let c = z.dot(z) - tr * tr;
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return (0.0, 0.0, false);
    }
    let sq = disc.sqrt();
    let aux = b + sq.copysign(b);
    let (mut ta, mut tb) = (-aux / (2.0 * a), -2.0 * c / aux);
    if ta > tb {
        std::mem::swap(&mut ta, &mut tb);
    }
    if entire_line {
        (ta, tb, true)
    } else if tb < 0.0 || ta > 1.0 {
        (0.0, 0.0, false)
    } else {
        (ta.max(0.0), tb.min(1.0), true)
    }
}

/// `box_intersections(z, d, lb, ub, entire_line)`.
pub(crate) fn box_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    entire_line: bool,
) -> (f64, f64, bool) {
    if norm(d) == 0.0 {
        return (0.0, 0.0, false);
    }
    let n = z.len();
    if (0..n).any(|i| d[i] == 0.0 && (z[i] < lb[i] || z[i] > ub[i])) {
        return (0.0, 0.0, false);
    }
    let mut ta = f64::NEG_INFINITY;
    let mut tb = f64::INFINITY;
    for i in (0..n).filter(|&i| d[i] != 0.0) {
        let tl = (lb[i] - z[i]) / d[i];
        let tu = (ub[i] - z[i]) / d[i];
        ta = ta.max(tl.min(tu));
        tb = tb.min(tl.max(tu));
    }
    let intersect = ta <= tb;
    if entire_line {
        (ta, tb, intersect)
    } else if tb < 0.0 || ta > 1.0 {
        (0.0, 0.0, false)
    } else {
        (ta.max(0.0), tb.min(1.0), intersect)
    }
}

/// `box_sphere_intersections(z, d, lb, ub, trust_radius, entire_line)`.
pub(crate) fn box_sphere_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    tr: f64,
    entire_line: bool,
) -> (f64, f64, bool) {
    let (ta_b, tb_b, ib) = box_intersections(z, d, lb, ub, entire_line);
    let (ta_s, tb_s, is) = sphere_intersections(z, d, tr, entire_line);
    let ta = ta_b.max(ta_s);
    let tb = tb_b.min(tb_s);
    (ta, tb, ib && is && ta <= tb)
}

fn inside(x: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> bool {
    (0..x.len()).all(|i| lb[i] <= x[i] && x[i] <= ub[i])
}

fn clip(x: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> Array1<f64> {
    Array1::from_shape_fn(x.len(), |i| x[i].max(lb[i]).min(ub[i]))
}

/// `modified_dogleg(A, Y, b, trust_radius, lb, ub)`: approximately minimizes `|A x + b|^2 / 2`
/// in the ball and the box.
pub(crate) fn modified_dogleg(
    a: &ndarray::Array2<f64>,
    proj: &Projections,
    b: &Array1<f64>,
    tr: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> Array1<f64> {
    let newton = -proj.row_space(b);
    if inside(&newton, lb, ub) && norm(&newton) <= tr {
        return newton;
    }
    let g = a.t().dot(b);
    let ag = a.dot(&g);
    let cauchy = &g * (-g.dot(&g) / ag.dot(&ag));
    let origin = Array1::zeros(cauchy.len());
    let p = &newton - &cauchy;
    let (_, alpha, intersect) = box_sphere_intersections(&cauchy, &p, lb, ub, tr, false);
    let x1 = if intersect {
        &cauchy + &(&p * alpha)
    } else {
        let (_, alpha, _) = box_sphere_intersections(&origin, &cauchy, lb, ub, tr, false);
        &origin + &(&cauchy * alpha)
    };
    let (_, alpha, _) = box_sphere_intersections(&origin, &newton, lb, ub, tr, false);
    let x2 = &origin + &(&newton * alpha);
    if norm(&(a.dot(&x1) + b)) < norm(&(a.dot(&x2) + b)) { x1 } else { x2 }
}

/// What `projected_cg` reports.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CgInfo {
    pub(crate) niter: usize,
    pub(crate) stop_cond: i32,
}

/// `projected_cg(H, c, Z, Y, b, trust_radius, lb, ub)` (Gould, Hribar & Nocedal, algorithm
/// 6.2).
#[allow(clippy::too_many_arguments)]
pub(crate) fn projected_cg(
    h: &dyn Fn(&Array1<f64>) -> Array1<f64>,
    c: &Array1<f64>,
    proj: &Projections,
    b: &Array1<f64>,
    tr: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> Result<(Array1<f64>, CgInfo)> {
    const CLOSE_TO_ZERO: f64 = 1e-25;
    let n = c.len();
    let m = b.len();
    let mut x = proj.row_space(&-b);
    let mut r = proj.null_space(&(h(&x) + c));
    let mut g = proj.null_space(&r);
    let mut p = -&g;
    let mut hp = h(&p);
    let mut rt_g = norm(&g).powi(2);
    let tr_distance = tr - norm(&x);
    if tr_distance < 0.0 {
        return Err(OptimizeError::InvalidValue {
            arg: "trust_radius",
            reason: "Trust region problem does not have a solution.".into(),
        });
    } else if tr_distance < CLOSE_TO_ZERO {
        return Ok((x, CgInfo { niter: 0, stop_cond: 2 }));
    }
    let tol = (0.01 * rt_g.sqrt()).min(0.1 * rt_g).max(CLOSE_TO_ZERO);
    let max_iter = n - m;
    let max_infeasible_iter = n - m;
    let mut stop_cond = 1;
    let mut counter = 0;
    let mut last_feasible_x = Array1::zeros(n);
    let mut k = 0;
    for _ in 0..max_iter {
        if rt_g < tol {
            stop_cond = 4;
            break;
        }
        k += 1;
        let pt_h_p = hp.dot(&p);
        if pt_h_p <= 0.0 {
            if tr.is_infinite() {
                return Err(OptimizeError::InvalidValue {
                    arg: "hess",
                    reason: "Negative curvature not allowed for unrestricted problems.".into(),
                });
            }
            let (_, alpha, intersect) = box_sphere_intersections(&x, &p, lb, ub, tr, true);
            if intersect {
                x = &x + &(&p * alpha);
            }
            x = clip(&x, lb, ub);
            stop_cond = 3;
            break;
        }
        let alpha = rt_g / pt_h_p;
        let x_next = &x + &(&p * alpha);
        if norm(&x_next) >= tr {
            let ap = &p * alpha;
            let (_, theta, intersect) = box_sphere_intersections(&x, &ap, lb, ub, tr, false);
            if intersect {
                x = &x + &(&ap * theta);
            }
            x = clip(&x, lb, ub);
            stop_cond = 2;
            break;
        }
        if inside(&x_next, lb, ub) {
            counter = 0;
        } else {
            counter += 1;
        }
        if counter > 0 {
            let ap = &p * alpha;
            let (_, theta, intersect) = box_sphere_intersections(&x, &ap, lb, ub, tr, false);
            if intersect {
                last_feasible_x = clip(&(&x + &(&ap * theta)), lb, ub);
                counter = 0;
            }
        }
        if counter > max_infeasible_iter {
            break;
        }
        let r_next = &r + &(&hp * alpha);
        let g_next = proj.null_space(&r_next);
        let rt_g_next = norm(&g_next).powi(2);
        let beta = rt_g_next / rt_g;
        p = -&g_next + &(&p * beta);
        x = x_next;
        g = g_next;
        r = g.clone();
        rt_g = norm(&g).powi(2);
        hp = h(&p);
    }
    if !inside(&x, lb, ub) {
        x = last_feasible_x;
    }
    Ok((x, CgInfo { niter: k, stop_cond }))
}

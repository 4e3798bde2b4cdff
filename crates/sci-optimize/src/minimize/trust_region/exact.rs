//! `trust-exact`: the nearly exact subproblem of Moré & Sorensen (Conn, Gould & Toint,
//! section 7.3), SciPy's `IterativeSubproblem`: safeguarded Newton on the secular equation with
//! Cholesky factorizations, Cline-Moler-Stewart-Wilkinson estimates of the smallest singular
//! value for the hard case.

use super::{Model, Oracle, boundaries_intersections, norm};
use ndarray::{Array1, Array2};

const UPDATE_COEFF: f64 = 0.01;
const K_EASY: f64 = 0.1;
const K_HARD: f64 = 0.2;

/// Per-model state of the iterative subproblem (kept across the solves of a rejected step).
pub(super) struct State {
    previous_tr_radius: f64,
    lambda_lb: f64,
    gershgorin_lb: f64,
    gershgorin_ub: f64,
    hess_inf: f64,
    hess_fro: f64,
    close_to_zero: f64,
}

/// SciPy's constructor: evaluates the Hessian at once and its norms and Gershgorin bounds.
pub(super) fn init(m: &mut Model, o: &mut Oracle<'_>) {
    let h = m.hess(o);
    let n = h.nrows();
    let (mut lb, mut ub) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut hess_inf = 0.0f64;
    for i in 0..n {
        let row_sum: f64 = h.row(i).iter().map(|v| v.abs()).sum();
        let d = h[[i, i]];
        lb = lb.min(d + d.abs() - row_sum);
        ub = ub.max(d - d.abs() + row_sum);
        hess_inf = hess_inf.max(row_sum);
    }
    let hess_fro = h.iter().map(|v| v * v).sum::<f64>().sqrt();
    m.exact = Some(State {
        previous_tr_radius: -1.0,
        lambda_lb: 0.0,
        gershgorin_lb: lb,
        gershgorin_ub: ub,
        hess_inf,
        hess_fro,
        close_to_zero: n as f64 * f64::EPSILON * hess_inf,
    });
}

/// Upper Cholesky factor `U` (`A = U^T U`) and LAPACK `potrf`'s `info`: 0, or the 1-based
/// order of the first leading minor that is not positive definite (`U` then holds the rows
/// computed so far; the rest is zero).
pub(super) fn cholesky_upper(a: &Array2<f64>) -> (Array2<f64>, usize) {
    let n = a.nrows();
    let mut u = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        let mut s = a[[j, j]];
        for k in 0..j {
            s -= u[[k, j]] * u[[k, j]];
        }
        if s <= 0.0 || s.is_nan() {
            return (u, j + 1);
        }
        let d = s.sqrt();
        u[[j, j]] = d;
        for i in j + 1..n {
            let mut t = a[[j, i]];
            for k in 0..j {
                t -= u[[k, j]] * u[[k, i]];
            }
            u[[j, i]] = t / d;
        }
    }
    (u, 0)
}

/// Solves `U x = b` (`trans = false`) or `U^T x = b` for the leading `n x n` block of `u`.
fn solve_upper(u: &Array2<f64>, b: &Array1<f64>, trans: bool) -> Array1<f64> {
    let n = b.len();
    let mut x = b.clone();
    if trans {
        for i in 0..n {
            let mut s = x[i];
            for k in 0..i {
                s -= u[[k, i]] * x[k];
            }
            x[i] = s / u[[i, i]];
        }
    } else {
        for i in (0..n).rev() {
            let mut s = x[i];
            for k in i + 1..n {
                s -= u[[i, k]] * x[k];
            }
            x[i] = s / u[[i, i]];
        }
    }
    x
}

/// Solves `U^T U x = b` (SciPy's `cho_solve((U, False), b)`).
pub(super) fn cho_solve(u: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    solve_upper(u, &solve_upper(u, b, true), false)
}

/// SciPy's `estimate_smallest_singular_value`: `(s_min, z_min)` for upper triangular `U`.
fn estimate_smallest_singular_value(u: &Array2<f64>) -> (f64, Array1<f64>) {
    let n = u.nrows();
    let mut p = Array1::<f64>::zeros(n);
    let mut w = Array1::<f64>::zeros(n);
    for k in 0..n {
        let wp = (1.0 - p[k]) / u[[k, k]];
        let wm = (-1.0 - p[k]) / u[[k, k]];
        let (mut np, mut nm) = (0.0, 0.0);
        for i in k + 1..n {
            np += (p[i] + u[[k, i]] * wp).abs();
            nm += (p[i] + u[[k, i]] * wm).abs();
        }
        let wk = if wp.abs() + np >= wm.abs() + nm { wp } else { wm };
        w[k] = wk;
        for i in k + 1..n {
            p[i] += u[[k, i]] * wk;
        }
    }
    let v = solve_upper(u, &w, false);
    let v_norm = norm(&v);
    (norm(&w) / v_norm, v / v_norm)
}

/// SciPy's `singular_leading_submatrix`: `delta` to add to `A[k-1, k-1]` to make the leading
/// `k x k` block singular and the null vector `v`.
fn singular_leading_submatrix(a: &Array2<f64>, u: &Array2<f64>, k: usize) -> (f64, Array1<f64>) {
    let delta = (0..k - 1).map(|i| u[[i, k - 1]] * u[[i, k - 1]]).sum::<f64>() - a[[k - 1, k - 1]];
    let n = a.nrows();
    let mut v = Array1::zeros(n);
    v[k - 1] = 1.0;
    if k != 1 {
        let rhs: Array1<f64> = (0..k - 1).map(|i| -u[[i, k - 1]]).collect();
        let sol = solve_upper(u, &rhs, false);
        v.slice_mut(ndarray::s![..k - 1]).assign(&sol);
    }
    (delta, v)
}

fn shifted(h: &Array2<f64>, lambda: f64) -> Array2<f64> {
    let mut a = h.clone();
    a.diag_mut().mapv_inplace(|d| d + lambda);
    a
}

/// The step and whether it lies on the trust-region boundary.
pub(super) fn solve(
    m: &mut Model,
    o: &mut Oracle<'_>,
    tr_radius: f64,
    maxiter: usize,
) -> (Array1<f64>, bool) {
    let hess = m.hess(o);
    let jac = m.jac(o);
    let jac_mag = m.jac_mag(o);
    let Some(st) = m.exact.as_mut() else { unreachable!("trust-exact models are initialized") };
    let n = hess.nrows();
    // _initial_values
    let min_diag = hess.diag().iter().fold(f64::INFINITY, |a, &b| a.min(b));
    let mut lambda_ub = 0f64.max(jac_mag / tr_radius + (-st.gershgorin_lb).min(st.hess_fro).min(st.hess_inf));
    let mut lambda_lb =
        0f64.max(-min_diag).max(jac_mag / tr_radius - st.gershgorin_ub.min(st.hess_fro).min(st.hess_inf));
    if tr_radius < st.previous_tr_radius {
        lambda_lb = st.lambda_lb.max(lambda_lb);
    }
    let mut lambda_current = if lambda_lb == 0.0 {
        0.0
    } else {
        (lambda_lb * lambda_ub).sqrt().max(lambda_lb + UPDATE_COEFF * (lambda_ub - lambda_lb))
    };

    let mut hits_boundary = true;
    let mut already_factorized = false;
    let mut niter = 0;
    let mut h = Array2::zeros((n, n));
    let mut u = Array2::zeros((n, n));
    let mut info = 0;
    let mut p = Array1::zeros(n);
    while niter < maxiter {
        if already_factorized {
            already_factorized = false;
        } else {
            h = shifted(&hess, lambda_current);
            (u, info) = cholesky_upper(&h);
        }
        niter += 1;
        if info == 0 && jac_mag > st.close_to_zero {
            p = -cho_solve(&u, &jac);
            let p_norm = norm(&p);
            if p_norm <= tr_radius && lambda_current == 0.0 {
                hits_boundary = false;
                break;
            }
            let w = solve_upper(&u, &p, true);
            let w_norm = norm(&w);
            let delta_lambda = (p_norm / w_norm).powi(2) * (p_norm - tr_radius) / tr_radius;
            let lambda_new = lambda_current + delta_lambda;
            if p_norm < tr_radius {
                let (s_min, z_min) = estimate_smallest_singular_value(&u);
                let (ta, tb) = boundaries_intersections(&p, &z_min, tr_radius);
                let step_len = if tb.abs() < ta.abs() { tb } else { ta };
                let quadratic_term = p.dot(&h.dot(&p));
                let relative_error = (step_len * step_len * s_min * s_min)
                    / (quadratic_term + lambda_current * tr_radius * tr_radius);
                if relative_error <= K_HARD {
                    p.scaled_add(step_len, &z_min);
                    break;
                }
                lambda_ub = lambda_current;
                lambda_lb = lambda_lb.max(lambda_current - s_min * s_min);
                h = shifted(&hess, lambda_new);
                // As SciPy: the new factor only decides; the next pass reuses the old `U`.
                let (_, inf) = cholesky_upper(&h);
                info = inf;
                if inf == 0 {
                    lambda_current = lambda_new;
                    already_factorized = true;
                } else {
                    lambda_lb = lambda_lb.max(lambda_new);
                    lambda_current = (lambda_lb * lambda_ub)
                        .abs()
                        .sqrt()
                        .max(lambda_lb + UPDATE_COEFF * (lambda_ub - lambda_lb));
                }
            } else {
                let relative_error = (p_norm - tr_radius).abs() / tr_radius;
                if relative_error <= K_EASY {
                    break;
                }
                lambda_lb = lambda_current;
                lambda_current = lambda_new;
            }
        } else if info == 0 && jac_mag <= st.close_to_zero {
            if lambda_current == 0.0 {
                p = Array1::zeros(n);
                hits_boundary = false;
                break;
            }
            let (s_min, z_min) = estimate_smallest_singular_value(&u);
            let step_len = tr_radius;
            p = step_len * &z_min;
            if step_len * step_len * s_min * s_min <= K_HARD * lambda_current * tr_radius * tr_radius {
                break;
            }
            lambda_ub = lambda_current;
            lambda_lb = lambda_lb.max(lambda_current - s_min * s_min);
            lambda_current =
                (lambda_lb * lambda_ub).sqrt().max(lambda_lb + UPDATE_COEFF * (lambda_ub - lambda_lb));
        } else {
            let (delta, v) = singular_leading_submatrix(&h, &u, info);
            let v_norm = norm(&v);
            lambda_lb = lambda_lb.max(lambda_current + delta / (v_norm * v_norm));
            lambda_current =
                (lambda_lb * lambda_ub).abs().sqrt().max(lambda_lb + UPDATE_COEFF * (lambda_ub - lambda_lb));
        }
    }
    st.lambda_lb = lambda_lb;
    st.previous_tr_radius = tr_radius;
    (p, hits_boundary)
}

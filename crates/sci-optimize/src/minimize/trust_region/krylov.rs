//! `trust-krylov`: the generalized Lanczos trust-region method (GLTR, Gould, Lucidi, Roma &
//! Toint 1999), as SciPy's trlib subproblem: the model is minimized over growing Krylov spaces
//! `span(g, Hg, H^2 g, ...)` through the Lanczos tridiagonal `T`; inside the region this is CG,
//! on the boundary the tridiagonal trust-region problem is solved by Moré-Sorensen. The stopping
//! rules are trlib's with SciPy's tolerances (`inexact`: `tol_rel_i = -2`, `tol_rel_b = -3`;
//! otherwise `1e-8`, `1e-6`).

use super::{Model, Oracle, norm};
use ndarray::Array1;

/// The Krylov space built for one model, reused when a rejected step is re-solved with a
/// smaller radius (trlib's hot start).
pub(super) struct State {
    /// Lanczos vectors `q_0, q_1, ...`.
    q: Vec<Array1<f64>>,
    /// Diagonal of `T`.
    delta: Vec<f64>,
    /// Off-diagonal of `T` (`gamma[i]` couples `i` and `i + 1`); one more than `delta` once the
    /// next Lanczos residual is known.
    gamma: Vec<f64>,
    /// The unnormalized next Lanczos vector.
    t: Array1<f64>,
    /// `||g||`.
    g_norm: f64,
    /// The space is invariant or has reached the iteration limit.
    exhausted: bool,
}

/// trlib's forcing terms: `(stop_i, stop_b)`, the residual norms accepted for interior and
/// boundary solutions.
fn tolerances(g_norm: f64, inexact: bool) -> (f64, f64) {
    let (eta_i, eta_b) =
        if inexact { (0.5f64.min(g_norm), 0.5f64.min(g_norm.sqrt()).max(1e-6)) } else { (1e-8, 1e-6) };
    (eta_i * g_norm, eta_b * g_norm)
}

/// One Lanczos step: `H q_k` and the new `delta_k`, `gamma_{k+1}`.
fn expand(st: &mut State, m: &mut Model, o: &mut Oracle<'_>, itmax: usize) {
    let k = st.delta.len();
    let q = if k == 0 { st.t.clone() / st.g_norm } else { &st.t / st.gamma[k - 1] };
    let mut w = m.hessp(o, &q);
    if k > 0 {
        w.scaled_add(-st.gamma[k - 1], &st.q[k - 1]);
    }
    let d = q.dot(&w);
    w.scaled_add(-d, &q);
    let g = norm(&w);
    st.delta.push(d);
    st.gamma.push(g);
    st.q.push(q);
    st.t = w;
    if g <= 2e-16 * (1.0 + d.abs()) || st.delta.len() >= itmax {
        st.exhausted = true;
    }
}

/// `(T + lambda I) x = b` by `LDL^T`; `None` unless positive definite.
fn tri_solve(delta: &[f64], gamma: &[f64], lambda: f64, b: &[f64]) -> Option<Vec<f64>> {
    let n = delta.len();
    let mut d = vec![0.0; n];
    let mut l = vec![0.0; n];
    let mut x = b.to_vec();
    for i in 0..n {
        if i > 0 {
            l[i] = gamma[i - 1] / d[i - 1];
            x[i] -= l[i] * x[i - 1];
        }
        d[i] = delta[i] + lambda - if i > 0 { l[i] * gamma[i - 1] } else { 0.0 };
        if d[i].is_nan() || d[i] <= 0.0 {
            return None;
        }
    }
    for (x, d) in x.iter_mut().zip(&d) {
        *x /= d;
    }
    for i in (0..n.saturating_sub(1)).rev() {
        x[i] -= l[i + 1] * x[i + 1];
    }
    Some(x)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// Number of eigenvalues of `T` below `s` (Sturm sequence).
fn count_below(delta: &[f64], gamma: &[f64], s: f64) -> usize {
    let mut c = 0;
    let mut q = 1.0;
    for i in 0..delta.len() {
        let off = if i > 0 { gamma[i - 1] * gamma[i - 1] } else { 0.0 };
        q = delta[i] - s - if i > 0 { off / q } else { 0.0 };
        if q == 0.0 {
            q = -f64::EPSILON * (1.0 + s.abs());
        }
        if q < 0.0 {
            c += 1;
        }
    }
    c
}

/// The smallest eigenvalue of `T` by bisection.
fn lambda_min(delta: &[f64], gamma: &[f64]) -> f64 {
    let n = delta.len();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..n {
        let r = if i > 0 { gamma[i - 1].abs() } else { 0.0 } + if i + 1 < n { gamma[i].abs() } else { 0.0 };
        lo = lo.min(delta[i] - r);
        hi = hi.max(delta[i] + r);
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if count_below(delta, gamma, mid) >= 1 { hi = mid } else { lo = mid }
    }
    lo
}

/// Minimizes `g_norm h_0 + h^T T h / 2` over `||h|| <= radius`: `(h, lambda)`.
fn tri_trs(delta: &[f64], gamma: &[f64], g_norm: f64, radius: f64) -> (Vec<f64>, f64) {
    let n = delta.len();
    let mut b = vec![0.0; n];
    b[0] = -g_norm;
    let lmin = lambda_min(delta, gamma);
    if lmin > 0.0 {
        if let Some(h) = tri_solve(delta, gamma, 0.0, &b) {
            if h.iter().map(|v| v * v).sum::<f64>().sqrt() <= radius {
                return (h, 0.0);
            }
        }
    }
    let lambda_l = (-lmin).max(0.0);
    let mut lambda = if lmin > 0.0 { 0.0 } else { lambda_l + 1e-12 * (1.0 + lambda_l) };
    let mut sol = tri_solve(delta, gamma, lambda, &b);
    for _ in 0..100 {
        if sol.is_some() {
            break;
        }
        lambda = lambda_l + 2.0 * (lambda - lambda_l).max(1e-15 * (1.0 + lambda_l));
        sol = tri_solve(delta, gamma, lambda, &b);
    }
    // Only a non-finite T gets here without a factorization: no step.
    let Some(mut h) = sol else { return (vec![0.0; n], 0.0) };
    let hn = |h: &[f64]| h.iter().map(|v| v * v).sum::<f64>().sqrt();
    if hn(&h) < radius {
        // Hard case: add a multiple of the eigenvector of the smallest eigenvalue.
        let mut z = vec![1.0; n];
        for _ in 0..3 {
            if let Some(y) = tri_solve(delta, gamma, lambda, &z) {
                let s = hn(&y);
                z = y.iter().map(|v| v / s).collect();
            }
        }
        let (hz, hh) = (dot(&h, &z), dot(&h, &h));
        let tau = -hz + (hz * hz + radius * radius - hh).sqrt();
        let h: Vec<f64> = h.iter().zip(&z).map(|(a, b)| a + tau * b).collect();
        return (h, lambda);
    }
    for _ in 0..200 {
        let h_norm = hn(&h);
        if (h_norm - radius).abs() <= 1e-14 * radius {
            break;
        }
        // Newton on 1/||h(lambda)|| - 1/radius, from the left of the root:
        // d/dlambda ||h|| = -h^T (T + lambda I)^-1 h / ||h||.
        let Some(w) = tri_solve(delta, gamma, lambda, &h) else { break };
        let step = (h_norm * h_norm / dot(&h, &w)) * (h_norm - radius) / radius;
        let next = lambda + step;
        match tri_solve(delta, gamma, next, &b) {
            Some(hh) if next.is_finite() => {
                let done = (next - lambda).abs() <= 1e-16 * next.abs();
                (h, lambda) = (hh, next);
                if done {
                    break;
                }
            }
            _ => break,
        }
    }
    (h, lambda)
}

/// The step and whether it lies on the trust-region boundary (`lambda > 0`).
pub(super) fn solve(m: &mut Model, o: &mut Oracle<'_>, radius: f64, inexact: bool) -> (Array1<f64>, bool) {
    let g = m.jac(o);
    let n = g.len();
    let g_norm = m.jac_mag(o);
    if g_norm.is_nan() || g_norm <= 0.0 {
        return (Array1::zeros(n), false);
    }
    let itmax = (2 * n).min((1e9 / n as f64) as usize).max(1);
    let mut st = m.krylov.take().unwrap_or_else(|| State {
        q: Vec::new(),
        delta: Vec::new(),
        gamma: Vec::new(),
        t: g.clone(),
        g_norm,
        exhausted: false,
    });
    let (stop_i, stop_b) = tolerances(g_norm, inexact);
    if st.delta.is_empty() {
        expand(&mut st, m, o, itmax);
    }
    let (h, lambda) = loop {
        let k = st.delta.len();
        let (h, lambda) = tri_trs(&st.delta, &st.gamma[..k - 1], g_norm, radius);
        let resid = st.gamma[k - 1] * h[k - 1].abs();
        let stop = if lambda == 0.0 { stop_i } else { stop_b };
        if resid <= stop || st.exhausted {
            break (h, lambda);
        }
        expand(&mut st, m, o, itmax);
    };
    let mut s = Array1::zeros(n);
    for (hi, q) in h.iter().zip(&st.q) {
        s.scaled_add(*hi, q);
    }
    m.krylov = Some(st);
    (s, lambda > 0.0)
}

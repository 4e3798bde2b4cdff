//! Trust Region Reflective for bounded linear least squares (SciPy's
//! `scipy/optimize/_lsq/trf_linear.py`): Coleman-Li scaling, the regularized Newton step from
//! a pivoted QR of `A` updated by Givens rotations (`'exact'`) or from LSMR (`'lsmr'`), and
//! the reflective step selection of `trf`.

use super::common::{
    JMul, build_quadratic_1d, cl_scaling_vector, evaluate_quadratic, find_active_constraints, in_bounds,
    make_strictly_feasible, minimize_quadratic_1d, norm_inf, reflect_at_bound, step_size_to_bound,
};
use super::dense::dot;
use super::jacobian::{Jac, ScaledOp};
use super::lsmr::{LsmrParams, lsmr};
use ndarray::{Array1, Array2, Zip};

const EPS: f64 = f64::EPSILON;

/// SciPy's `reflective_transformation`: `y` folded into `[lb, ub]` by reflections at the bounds.
pub(super) fn reflective_transformation(y: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> Array1<f64> {
    if in_bounds(y, lb, ub) {
        return y.clone();
    }
    Zip::from(y).and(lb).and(ub).map_collect(|&y, &l, &u| match (l.is_finite(), u.is_finite()) {
        (true, false) => y.max(2.0 * l - y),
        (false, true) => y.min(2.0 * u - y),
        (true, true) => {
            let d = u - l;
            let t = (y - l).rem_euclid(2.0 * d);
            l + t.min(2.0 * d - t)
        }
        (false, false) => y,
    })
}

/// `A P = Q R` by Householder reflections with column pivoting on the largest remaining column
/// norm (LAPACK's `dgeqp3` choice): returns `Q` as its reflectors, `R` (`n x n`, rows past
/// `k = min(m, n)` zero) and `perm`.
fn qr_pivoted(a: &Array2<f64>) -> (Reflectors, Array2<f64>, Vec<usize>) {
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut cols: Vec<Vec<f64>> = (0..n).map(|j| a.column(j).to_vec()).collect();
    let mut perm: Vec<usize> = (0..n).collect();
    let mut vs: Vec<(Vec<f64>, f64)> = Vec::with_capacity(k);
    for i in 0..k {
        // Pivot: the first column with the largest norm of rows i..m.
        let mut best = i;
        let mut best_norm = -1.0;
        for (j, c) in cols.iter().enumerate().skip(i) {
            let nrm = dot(&c[i..], &c[i..]);
            if nrm > best_norm {
                best_norm = nrm;
                best = j;
            }
        }
        cols.swap(i, best);
        perm.swap(i, best);
        // Householder vector of cols[i][i..].
        let x = &cols[i][i..];
        let alpha = x[0];
        let xnorm = dot(&x[1..], &x[1..]).sqrt();
        let mut v = x.to_vec();
        let tau = if xnorm == 0.0 {
            0.0
        } else {
            let beta = -alpha.hypot(xnorm).copysign(alpha);
            let sc = 1.0 / (alpha - beta);
            v[1..].iter_mut().for_each(|t| *t *= sc);
            v[0] = 1.0;
            cols[i][i] = beta;
            for t in &mut cols[i][i + 1..] {
                *t = 0.0;
            }
            (beta - alpha) / beta
        };
        if tau != 0.0 {
            for c in cols.iter_mut().skip(i + 1) {
                let w = tau * dot(&v, &c[i..]);
                for (ct, vt) in c[i..].iter_mut().zip(&v) {
                    *ct -= w * vt;
                }
            }
        } else {
            v[0] = 1.0;
        }
        vs.push((v, tau));
    }
    let mut r = Array2::zeros((n, n));
    for (j, c) in cols.iter().enumerate() {
        for i in 0..=j.min(k.saturating_sub(1)) {
            if i < k {
                r[[i, j]] = c[i];
            }
        }
    }
    (Reflectors(vs), r, perm)
}

/// The Householder reflectors `(v, tau)` of [`qr_pivoted`] (`v[0] = 1`, acting on rows `i..`).
struct Reflectors(Vec<(Vec<f64>, f64)>);

impl Reflectors {
    /// The first `k` entries of `Q^T x`, zero-padded to `n`.
    fn qt_mul(&self, x: &Array1<f64>, n: usize) -> Vec<f64> {
        let mut y = x.to_vec();
        for (i, (v, tau)) in self.0.iter().enumerate() {
            let w = tau * dot(v, &y[i..]);
            for (yt, vt) in y[i..].iter_mut().zip(v) {
                *yt -= w * vt;
            }
        }
        y.truncate(self.0.len());
        y.resize(n, 0.0);
        y
    }
}

/// LAPACK's `dlartg`: `(c, s, r)` with `[c s; -s c] [f; g] = [r; 0]`.
fn lartg(f: f64, g: f64) -> (f64, f64, f64) {
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, g.signum(), g.abs())
    } else {
        let r = f.hypot(g).copysign(f);
        (f / r, g / r, r)
    }
}

/// SciPy's `regularized_lsq_with_qr`: the least-squares solution of `[A; diag(diag)] x = [b; 0]`
/// from `A P = Q R` (`r` already scaled, modified in place) and `qtb = Q^T b`.
fn regularized_lsq_with_qr(
    m: usize,
    n: usize,
    r: &mut Array2<f64>,
    qtb: &[f64],
    perm: &[usize],
    diag: &Array1<f64>,
) -> Array1<f64> {
    let mut v = qtb.to_vec();
    // givens_elimination(R, v, diag[perm]).
    let mut diag_row = vec![0.0; n];
    for i in 0..n {
        let di = diag[perm[i]];
        if di == 0.0 {
            continue;
        }
        diag_row[i + 1..].fill(0.0);
        diag_row[i] = di;
        let mut u = 0.0;
        let rs = r.as_slice_mut().expect("R is a fresh standard-layout copy");
        for j in i..n {
            if diag_row[j] != 0.0 {
                let row = &mut rs[j * n..(j + 1) * n];
                let (c, s, rr) = lartg(row[j], diag_row[j]);
                row[j] = rr;
                diag_row[j] = 0.0;
                // drot on the rest of row j of R and the eliminated row.
                for (a, b) in row[j + 1..].iter_mut().zip(&mut diag_row[j + 1..]) {
                    let (ra, rb) = (*a, *b);
                    *a = c * ra + s * rb;
                    *b = -s * ra + c * rb;
                }
                let (a, b) = (v[j], u);
                v[j] = c * a + s * b;
                u = -s * a + c * b;
            }
        }
    }
    let abs_diag: Vec<f64> = (0..n).map(|i| r[[i, i]].abs()).collect();
    let threshold = EPS * m.max(n) as f64 * abs_diag.iter().copied().fold(0.0, f64::max);
    let nns: Vec<usize> = (0..n).filter(|&i| abs_diag[i] > threshold).collect();
    // solve_triangular(R[nns, nns], v[nns]).
    let mut y = vec![0.0; nns.len()];
    for a in (0..nns.len()).rev() {
        let i = nns[a];
        let mut s = v[i];
        for b in a + 1..nns.len() {
            s -= r[[i, nns[b]]] * y[b];
        }
        y[a] = s / r[[i, i]];
    }
    let mut x = Array1::zeros(n);
    for (a, &i) in nns.iter().enumerate() {
        x[perm[i]] = y[a];
    }
    x
}

/// SciPy's `select_step` of trf_linear.
#[allow(clippy::too_many_arguments)]
fn select_step(
    x: &Array1<f64>,
    a_h: JMul<'_>,
    g_h: &Array1<f64>,
    c_h: &Array1<f64>,
    mut p: Array1<f64>,
    mut p_h: Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    theta: f64,
) -> Array1<f64> {
    if in_bounds(&(x + &p), lb, ub) {
        return p;
    }
    let (_, mut r_h, mut r, x_on_bound) = reflect_at_bound(x, &mut p, &mut p_h, d, lb, ub);
    let (mut r_stride_u, _) = step_size_to_bound(&x_on_bound, &r, lb, ub);
    let r_stride_l = (1.0 - theta) * r_stride_u;
    r_stride_u *= theta;
    let r_value = if r_stride_u > 0.0 {
        let (a, b, c) = build_quadratic_1d(a_h, g_h, &r_h, Some(c_h), Some(&p_h));
        let (t, val) = minimize_quadratic_1d(a, b, r_stride_l, r_stride_u, c);
        r_h = &p_h + &(&r_h * t);
        r = d * &r_h;
        val
    } else {
        f64::INFINITY
    };
    p_h *= theta;
    p *= theta;
    let p_value = evaluate_quadratic(a_h, g_h, &p_h, Some(c_h));
    let ag_h = -g_h;
    let mut ag = d * &ag_h;
    let (ag_stride_u, _) = step_size_to_bound(x, &ag, lb, ub);
    let (a, b, _) = build_quadratic_1d(a_h, g_h, &ag_h, Some(c_h), None);
    let (ag_stride, ag_value) = minimize_quadratic_1d(a, b, 0.0, ag_stride_u * theta, 0.0);
    ag *= ag_stride;
    if p_value < r_value && p_value < ag_value {
        p
    } else if r_value < p_value && r_value < ag_value {
        r
    } else {
        ag
    }
}

/// The solver of the regularized Newton step (SciPy's `lsq_solver` with `lsmr_tol`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum LinearSolver {
    Exact,
    /// `tol: None` is `'auto'`.
    Lsmr {
        tol: Option<f64>,
        maxiter: Option<usize>,
    },
}

/// What `trf_linear` returns: `(x, r, cost, optimality, active_mask, nit, status)`.
pub(super) struct TrfLinearOut {
    pub x: Array1<f64>,
    pub r: Array1<f64>,
    pub cost: f64,
    pub optimality: f64,
    pub active_mask: Array1<i32>,
    pub nit: usize,
    pub status: i32,
}

/// SciPy's `trf_linear` from the unbounded solution `x_lsq`.
#[allow(clippy::too_many_arguments)]
pub(super) fn trf_linear(
    a: &Jac,
    b: &Array1<f64>,
    x_lsq: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    tol: f64,
    solver: LinearSolver,
    max_iter: usize,
) -> TrfLinearOut {
    let (m, n) = a.shape();
    let mut x = make_strictly_feasible(&reflective_transformation(x_lsq, lb, ub), lb, ub, 0.1);
    let qr = match solver {
        LinearSolver::Exact => Some(qr_pivoted(a.dense())),
        LinearSolver::Lsmr { .. } => None,
    };
    let mut r = a.dot(&x) - b;
    let mut g = a.tdot(&r);
    let mut cost = 0.5 * r.dot(&r);
    let mut status = None;
    let mut g_norm = 0.0;
    let mut nit = max_iter;
    let amul = |s: &Array1<f64>| a.dot(s);
    for it in 0..max_iter {
        let (v, dv) = cl_scaling_vector(&x, &g, lb, ub);
        g_norm = norm_inf(&(&g * &v));
        if g_norm < tol {
            status = Some(1);
        }
        if status.is_some() {
            nit = it + 1;
            break;
        }
        let diag_h = &g * &dv;
        let diag_root_h = diag_h.mapv(f64::sqrt);
        let d = v.mapv(f64::sqrt);
        let g_h = &d * &g;
        let op_h = ScaledOp { j: a, d: &d, extra: None, active: None };
        let p_h = match (&qr, solver) {
            (Some((qt, rmat, perm)), _) => {
                let qtr = qt.qt_mul(&r, n);
                let mut rd = rmat.clone();
                for (j, &pj) in perm.iter().enumerate() {
                    rd.column_mut(j).mapv_inplace(|t| t * d[pj]);
                }
                -regularized_lsq_with_qr(m, n, &mut rd, &qtr, perm, &diag_root_h)
            }
            (None, LinearSolver::Lsmr { tol: lsmr_tol, maxiter }) => {
                let t = lsmr_tol.unwrap_or_else(|| {
                    let eta = 1e-2 * 0.5f64.min(g_norm);
                    EPS.max(0.1f64.min(eta * g_norm))
                });
                let op = ScaledOp { extra: Some(diag_root_h.as_slice().expect("owned")), ..op_h };
                let mut r_aug = r.to_vec();
                r_aug.resize(m + n, 0.0);
                let params = LsmrParams { atol: t, btol: t, maxiter, ..Default::default() };
                -Array1::from(lsmr(&op, &r_aug, &params).0)
            }
            (None, LinearSolver::Exact) => unreachable!("the QR exists for 'exact'"),
        };
        let p = &d * &p_h;
        let p_dot_g = p.dot(&g);
        if p_dot_g > 0.0 {
            status = Some(-1);
        }
        let theta = 1.0 - 0.005f64.min(g_norm);
        let a_h = |s: &Array1<f64>| op_h.apply(s);
        let step = select_step(&x, &a_h, &g_h, &diag_h, p.clone(), p_h, &d, lb, ub, theta);
        let mut cost_change = -evaluate_quadratic(&amul, &g, &step, None);
        if cost_change < 0.0 {
            // SciPy's `backtracking`: halve along p until the decrease is sufficient.
            let mut alpha = 1.0;
            let mut x_new;
            let mut step;
            loop {
                x_new = reflective_transformation(&(&x + &(&p * alpha)), lb, ub);
                step = &x_new - &x;
                cost_change = -evaluate_quadratic(&amul, &g, &step, None);
                if cost_change > -0.1 * alpha * p_dot_g {
                    break;
                }
                alpha *= 0.5;
            }
            if find_active_constraints(&x_new, lb, ub, 1e-10).iter().any(|&v| v != 0) {
                x_new = reflective_transformation(&(&x + &(&p * (theta * alpha))), lb, ub);
                x_new = make_strictly_feasible(&x_new, lb, ub, 0.0);
                step = &x_new - &x;
                cost_change = -evaluate_quadratic(&amul, &g, &step, None);
            }
            // SciPy returns the old x from `backtracking` (the step is not taken).
            let _ = step;
        } else {
            x = make_strictly_feasible(&(&x + &step), lb, ub, 0.0);
        }
        r = a.dot(&x) - b;
        g = a.tdot(&r);
        if cost_change < tol * cost {
            status = Some(2);
        }
        cost = 0.5 * r.dot(&r);
    }
    TrfLinearOut {
        active_mask: find_active_constraints(&x, lb, ub, tol),
        x,
        r,
        cost,
        optimality: g_norm,
        nit,
        status: status.unwrap_or(0),
    }
}

//! `lsq_linear`: bounded linear least squares by Trust Region Reflective (SciPy's
//! `scipy/optimize/_lsq/trf_linear.py`, the default) or Stark and Parker's BVLS
//! (`scipy/optimize/_lsq/bvls.py`).

use super::common::in_bounds;
use super::dense::lstsq_full;
use super::jacobian::{Jac, ScaledOp};
use super::lsmr::{LsmrParams, lsmr_full};
use super::nnls::lstsq_cols;
use super::sparse::CsrMatrix;
use super::trf_linear::{LinearSolver, trf_linear};
use super::unbounded_sol::UnboundedSol;
use crate::error::{OptimizeError, Result, invalid};
use crate::linprog::SparseMatrix;
use crate::minimize::Bounds;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

/// The algorithm of [`lsq_linear`] (SciPy's `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LsqLinearMethod {
    /// `'trf'` (default): Trust Region Reflective, dense or sparse `A`.
    #[default]
    Trf,
    /// `'bvls'`: Bounded-Variable Least-Squares (active set), dense `A` only.
    Bvls,
}

/// The least-squares solver of `'trf'` (SciPy's `lsq_solver=`).
///
/// SciPy equivalent: the `lsq_solver` keyword of `scipy.optimize.lsq_linear`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{lsq_linear, Bounds, LsmrTol, LsqLinearOptions, LsqSolver};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]];
/// let b = array![2.0, -1.0, 1.0];
/// let opts = LsqLinearOptions {
///     bounds: Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0])),
///     lsq_solver: Some(LsqSolver::Lsmr),
///     lsmr_tol: Some(LsmrTol::Auto),
///     ..Default::default()
/// };
/// let r = lsq_linear(&a, &b, &opts)?;
/// // SciPy (lsq_solver='lsmr', lsmr_tol='auto'): x = [0.999999999998764, 1.9175761639527046e-12]
/// assert!((r.x[0] - 0.999999999998764).abs() < 1e-14 && (r.x[1] - 1.9175761639527046e-12).abs() < 1e-14);
/// assert_eq!((r.nit, r.status), (6, 1));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LsqSolver {
    /// `'exact'`: a pivoted QR of the dense `A` (default for dense `A`).
    Exact,
    /// `'lsmr'`: LSMR iterations (default for sparse `A`).
    Lsmr,
}

/// LSMR's tolerance in `'trf'` with `'lsmr'` (SciPy's `lsmr_tol=`; `None` is `1e-2 * tol`).
///
/// SciPy equivalent: the `lsmr_tol` keyword of `scipy.optimize.lsq_linear` (see the example
/// of [`LsqSolver`]).
///
/// # Examples
///
/// ```
/// use sci_optimize::{lsq_linear, LsmrTol, LsqLinearOptions, LsqSolver};
/// use sci_optimize::sci_array::ndarray::array;
/// let opts = LsqLinearOptions { lsq_solver: Some(LsqSolver::Lsmr), lsmr_tol: Some(LsmrTol::Value(1e-8)), ..Default::default() };
/// // No bounds: LSMR's unbounded solution, status 3.
/// let r = lsq_linear(&array![[2.0, 0.0], [0.0, 4.0]], &array![2.0, 2.0], &opts)?;
/// assert!((r.x[0] - 1.0).abs() < 1e-12 && (r.x[1] - 0.5).abs() < 1e-12);
/// assert_eq!(r.status, 3);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LsmrTol {
    /// `'auto'`: adjusted to the current first-order optimality.
    Auto,
    /// A fixed positive tolerance.
    Value(f64),
}

/// Options of [`lsq_linear`] and [`lsq_linear_sparse`].
#[derive(Debug, Clone, PartialEq)]
pub struct LsqLinearOptions {
    /// `bounds` (default: none).
    pub bounds: Option<Bounds>,
    /// `method` (default `'trf'`).
    pub method: LsqLinearMethod,
    /// `tol` (default `1e-10`): first-order optimality and relative cost change.
    pub tol: f64,
    /// `lsq_solver` (default `None`: `'exact'` for dense `A`, `'lsmr'` for sparse `A`).
    pub lsq_solver: Option<LsqSolver>,
    /// `lsmr_tol` (default `None`: `1e-2 * tol`).
    pub lsmr_tol: Option<LsmrTol>,
    /// `max_iter` (default: 100 for `'trf'`, `n` for `'bvls'`, counted after its initial phase).
    pub max_iter: Option<usize>,
    /// `lsmr_maxiter` (default `None`: LSMR's `min(m, n)`).
    pub lsmr_maxiter: Option<usize>,
}

impl Default for LsqLinearOptions {
    fn default() -> Self {
        LsqLinearOptions {
            bounds: None,
            method: LsqLinearMethod::Trf,
            tol: 1e-10,
            lsq_solver: None,
            lsmr_tol: None,
            max_iter: None,
            lsmr_maxiter: None,
        }
    }
}

/// The result of [`lsq_linear`] (SciPy's `OptimizeResult` fields).
#[derive(Debug, Clone, PartialEq)]
pub struct LsqLinearResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The residuals `A x - b`.
    pub fun: Array1<f64>,
    /// `0.5 |A x - b|^2`.
    pub cost: f64,
    /// First-order optimality (KKT) measure.
    pub optimality: f64,
    /// -1 / 1 where `x` is at its lower / upper bound, 0 elsewhere.
    pub active_mask: Array1<i32>,
    /// Iterations (0 when the unconstrained solution is feasible).
    pub nit: usize,
    /// -1: no progress in the last iteration (`'trf'`); 0: `max_iter` reached; 1: optimality
    /// below `tol`; 2: cost change below `tol`; 3: the unconstrained solution is optimal.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `unbounded_sol`: the unbounded least-squares solution and what its solver returned.
    pub unbounded_sol: UnboundedSol,
    /// `status > 0`.
    pub success: bool,
}

fn message(status: i32) -> &'static str {
    match status {
        -1 => "The algorithm was not able to make progress on the last iteration.",
        0 => "The maximum number of iterations is exceeded.",
        1 => "The first-order optimality measure is less than `tol`.",
        2 => "The relative change of the cost function is less than `tol`.",
        _ => "The unconstrained solution is optimal.",
    }
}

fn kkt_optimality(g: &[f64], on_bound: &[i32]) -> f64 {
    g.iter()
        .zip(on_bound)
        .map(|(&g, &o)| if o == 0 { g.abs() } else { g * f64::from(o) })
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Solves `min 0.5 |A x - b|^2` subject to `lb <= x <= ub` for a dense `A`.
///
/// The unconstrained least-squares solution (NumPy's minimum-norm `lstsq` for `'exact'`, LSMR
/// for `'lsmr'`) is returned (status 3) when it is feasible. Otherwise [`LsqLinearMethod::Trf`]
/// (default) runs SciPy's Trust Region Reflective iteration from it, folded into the box and
/// made strictly feasible, with the regularized Newton step from a pivoted QR of `A` updated
/// by Givens rotations ([`LsqSolver::Exact`]) or from LSMR ([`LsqSolver::Lsmr`]); its iterates
/// stay strictly inside the bounds. [`LsqLinearMethod::Bvls`] starts from the unbounded
/// solution clipped into the box, frees variables by the largest KKT violation and moves along
/// feasible directions, as SciPy's implementation; its inner solves are NumPy's minimum-norm
/// `lstsq` when more variables are free than there are rows, a QR solve otherwise, so for a
/// rank-deficient tall `A` they may pick another solution. The unbounded solution and what its
/// solver returned are [`LsqLinearResult::unbounded_sol`].
///
/// SciPy equivalent: `scipy.optimize.lsq_linear` (`A` as a `LinearOperator` is missing;
/// sparse `A`: [`lsq_linear_sparse`]).
///
/// # Errors
///
/// [`OptimizeError::WrongLength`] when `b` or the bounds do not match `A`;
/// [`OptimizeError::InvalidValue`] for bounds that are not strictly ordered, non-finite
/// input, `max_iter == Some(0)`, `lsmr_maxiter == Some(0)`, a non-positive `lsmr_tol` or a
/// negative `tol`; [`OptimizeError::UnsupportedOption`] for `'bvls'` with `'lsmr'`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{lsq_linear, Bounds, LsqLinearMethod, LsqLinearOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]];
/// let b = array![2.0, -1.0, 1.0];
/// let bounds = Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0]));
/// // method='trf' (default): SciPy's x = [0.999999999998764, 1.9175761637409464e-12],
/// // nit = 6, status = 1, strictly inside the box
/// let r = lsq_linear(&a, &b, &LsqLinearOptions { bounds: bounds.clone(), ..Default::default() })?;
/// assert!((r.x[0] - 0.999999999998764).abs() < 1e-14 && (r.x[1] - 1.9175761637409464e-12).abs() < 1e-14);
/// assert_eq!((r.nit, r.status), (6, 1));
/// assert_eq!(r.active_mask, array![1, -1]);
/// assert!((r.cost - 1.625).abs() < 1e-11);
/// // method='bvls': exactly on the bounds, SciPy's x = [1., 0.], cost = 1.625
/// let r = lsq_linear(&a, &b, &LsqLinearOptions { bounds, method: LsqLinearMethod::Bvls, ..Default::default() })?;
/// assert_eq!(r.x, array![1.0, 0.0]);
/// assert!((r.cost - 1.625).abs() < 1e-14);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn lsq_linear<S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix1>,
    options: &LsqLinearOptions,
) -> Result<LsqLinearResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let (m, n) = a.dim();
    if a.iter().any(|v| !v.is_finite()) {
        return Err(invalid("A", "array must not contain infs or NaNs"));
    }
    let (lb, ub) = prepare(m, n, b, options)?;
    match options.method {
        LsqLinearMethod::Bvls => {
            if options.lsq_solver == Some(LsqSolver::Lsmr) {
                return Err(OptimizeError::UnsupportedOption { method: "bvls", option: "lsq_solver='lsmr'" });
            }
            bvls(a, b, lb, ub, options)
        }
        LsqLinearMethod::Trf => {
            let solver = options.lsq_solver.unwrap_or(LsqSolver::Exact);
            trf(Jac::Dense(a.to_owned()), b.to_owned(), lb, ub, solver, options)
        }
    }
}

/// [`lsq_linear`] for a sparse `A` (CSR or CSC parts): `'trf'` with LSMR, as SciPy does for
/// sparse matrices.
///
/// SciPy equivalent: `scipy.optimize.lsq_linear` with a `scipy.sparse` `A`.
///
/// # Errors
///
/// As [`lsq_linear`]; [`OptimizeError::UnsupportedOption`] for `'bvls'` or
/// `lsq_solver='exact'` (SciPy: they need a dense `A`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{lsq_linear_sparse, Bounds, LsqLinearOptions, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = SparseMatrix::from_dense(&array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]].view());
/// let b = array![2.0, -1.0, 1.0];
/// let opts = LsqLinearOptions { bounds: Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0])), ..Default::default() };
/// let r = lsq_linear_sparse(&a, &b, &opts)?;
/// // SciPy (lsq_solver='lsmr'): x = [0.999999999998764, 1.9175761639527046e-12], nit = 6
/// assert!((r.x[0] - 0.999999999998764).abs() < 1e-14 && (r.x[1] - 1.9175761639527046e-12).abs() < 1e-14);
/// assert_eq!((r.nit, r.status), (6, 1));
/// assert_eq!(r.active_mask, array![1, -1]);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn lsq_linear_sparse<S: Data<Elem = f64>>(
    a: &SparseMatrix,
    b: &ArrayBase<S, Ix1>,
    options: &LsqLinearOptions,
) -> Result<LsqLinearResult> {
    let (m, n) = a.shape();
    if a.data().iter().any(|v| !v.is_finite()) {
        return Err(invalid("A", "array must not contain infs or NaNs"));
    }
    if options.method == LsqLinearMethod::Bvls {
        return Err(OptimizeError::UnsupportedOption { method: "bvls", option: "sparse A" });
    }
    if options.lsq_solver == Some(LsqSolver::Exact) {
        return Err(OptimizeError::UnsupportedOption {
            method: "trf",
            option: "lsq_solver='exact' with sparse A",
        });
    }
    let (lb, ub) = prepare(m, n, b, options)?;
    trf(Jac::Sparse(CsrMatrix::from_sparse(a)), b.to_owned(), lb, ub, LsqSolver::Lsmr, options)
}

/// The checks shared by both forms: `b`, `tol`, `max_iter`, `lsmr_*` and the bounds.
fn prepare<S: Data<Elem = f64>>(
    m: usize,
    n: usize,
    b: &ArrayBase<S, Ix1>,
    options: &LsqLinearOptions,
) -> Result<(Array1<f64>, Array1<f64>)> {
    if b.len() != m {
        return Err(OptimizeError::WrongLength { arg: "b", expected: m, found: b.len() });
    }
    if b.iter().any(|v| !v.is_finite()) {
        return Err(invalid("A", "array must not contain infs or NaNs"));
    }
    if options.max_iter == Some(0) {
        return Err(invalid("max_iter", "must be None or positive integer"));
    }
    if options.lsmr_maxiter == Some(0) {
        return Err(invalid("lsmr_maxiter", "must be None or positive integer"));
    }
    if let Some(LsmrTol::Value(t)) = options.lsmr_tol
        && (t.is_nan() || t <= 0.0)
    {
        return Err(invalid("lsmr_tol", format!("must be None, 'auto', or positive float, got {t}")));
    }
    let tol = options.tol;
    if tol.is_nan() || tol < 0.0 {
        return Err(invalid("tol", format!("must be non-negative, got {tol}")));
    }
    match &options.bounds {
        Some(bd) => {
            let bd = bd.broadcast_scalar(n)?;
            if let Some(i) = (0..n).find(|&i| bd.lb[i] >= bd.ub[i]) {
                return Err(invalid(
                    "bounds",
                    format!("each lower bound must be strictly less than each upper bound (index {i})"),
                ));
            }
            Ok((bd.lb.clone(), bd.ub.clone()))
        }
        None => Ok((Array1::from_elem(n, f64::NEG_INFINITY), Array1::from_elem(n, f64::INFINITY))),
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    unbounded_sol: UnboundedSol,
    x: Array1<f64>,
    r: Array1<f64>,
    cost: f64,
    optimality: f64,
    active_mask: Array1<i32>,
    nit: usize,
    status: i32,
) -> LsqLinearResult {
    LsqLinearResult {
        x,
        fun: r,
        cost,
        optimality,
        active_mask,
        nit,
        status,
        message: message(status).to_string(),
        success: status > 0,
        unbounded_sol,
    }
}

/// `method='trf'`: the unbounded solution, then `trf_linear` when it is infeasible.
fn trf(
    a: Jac,
    b: Array1<f64>,
    lb: Array1<f64>,
    ub: Array1<f64>,
    solver: LsqSolver,
    options: &LsqLinearOptions,
) -> Result<LsqLinearResult> {
    let (m, n) = a.shape();
    let tol = options.tol;
    let unbounded_sol = match solver {
        LsqSolver::Exact => UnboundedSol::lstsq(a.dense(), &b),
        LsqSolver::Lsmr => {
            let first = match options.lsmr_tol {
                Some(LsmrTol::Value(t)) => t,
                _ => 1e-2 * tol,
            };
            let ones = Array1::ones(n);
            let op = ScaledOp { j: &a, d: &ones, extra: None, active: None };
            let p =
                LsmrParams { atol: first, btol: first, maxiter: options.lsmr_maxiter, ..Default::default() };
            UnboundedSol::lsmr(lsmr_full(&op, b.as_slice().expect("owned"), &p))
        }
    };
    let x_lsq = unbounded_sol.x().clone();
    if m == 0 || n == 0 || in_bounds(&x_lsq, &lb, &ub) {
        let r = a.dot(&x_lsq) - &b;
        let g = a.tdot(&r);
        let g_norm = g.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
        let cost = 0.5 * r.dot(&r);
        return Ok(finish(unbounded_sol, x_lsq, r, cost, g_norm, Array1::zeros(n), 0, 3));
    }
    let lin = match solver {
        LsqSolver::Exact => LinearSolver::Exact,
        LsqSolver::Lsmr => LinearSolver::Lsmr {
            tol: match options.lsmr_tol {
                Some(LsmrTol::Auto) => None,
                Some(LsmrTol::Value(t)) => Some(t),
                None => Some(1e-2 * tol),
            },
            maxiter: options.lsmr_maxiter,
        },
    };
    let out = trf_linear(&a, &b, &x_lsq, &lb, &ub, tol, lin, options.max_iter.unwrap_or(100));
    Ok(finish(unbounded_sol, out.x, out.r, out.cost, out.optimality, out.active_mask, out.nit, out.status))
}

/// `method='bvls'` on a dense `A` (checked).
fn bvls<S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix1>,
    lb: Array1<f64>,
    ub: Array1<f64>,
    options: &LsqLinearOptions,
) -> Result<LsqLinearResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let (m, n) = a.dim();
    let tol = options.tol;
    let mut acol = vec![0.0; m * n];
    for ((i, j), &v) in a.indexed_iter() {
        acol[j * m + i] = v;
    }
    let b = b.to_vec();
    let resid = |x: &[f64]| -> Vec<f64> {
        let mut r: Vec<f64> = b.iter().map(|v| -v).collect();
        for (j, &xj) in x.iter().enumerate() {
            if xj != 0.0 {
                r.iter_mut().zip(&acol[j * m..(j + 1) * m]).for_each(|(r, a)| *r += a * xj);
            }
        }
        r
    };
    let grad = |r: &[f64]| -> Vec<f64> {
        (0..n).map(|j| acol[j * m..(j + 1) * m].iter().zip(r).map(|(a, r)| a * r).sum()).collect()
    };
    let cost_of = |r: &[f64]| 0.5 * r.iter().map(|v| v * v).sum::<f64>();
    // b - A x over the active (bounded) variables.
    let b_free = |x: &[f64], on_bound: &[i32]| -> Vec<f64> {
        let mut bf = b.clone();
        for j in (0..n).filter(|&j| on_bound[j] != 0) {
            bf.iter_mut().zip(&acol[j * m..(j + 1) * m]).for_each(|(v, a)| *v -= a * x[j]);
        }
        bf
    };
    // SciPy's lstsq(A_free, b_free, rcond=-1): QR for a tall free block, the minimum-norm
    // solution when more variables are free than there are rows.
    let solve_free = |free: &[usize], rhs: &[f64]| -> Vec<f64> {
        if free.len() <= m {
            lstsq_cols(&acol, m, free, rhs)
        } else {
            let sub = Array2::from_shape_fn((m, free.len()), |(i, k)| acol[free[k] * m + i]);
            lstsq_full(&sub, &Array1::from(rhs.to_vec())).0.to_vec()
        }
    };
    let unbounded_sol = UnboundedSol::lstsq(&a.to_owned(), &b.iter().copied().collect());
    let x_lsq = unbounded_sol.x().clone();
    let finish = |x: Vec<f64>, r: Vec<f64>, optimality: f64, on_bound: Vec<i32>, nit: usize, status: i32| {
        LsqLinearResult {
            x: Array1::from(x),
            cost: cost_of(&r),
            fun: Array1::from(r),
            optimality,
            active_mask: Array1::from(on_bound),
            nit,
            status,
            message: message(status).to_string(),
            success: status > 0,
            unbounded_sol: unbounded_sol.clone(),
        }
    };
    if in_bounds(&x_lsq, &lb, &ub) {
        let x = x_lsq.to_vec();
        let r = resid(&x);
        let g = grad(&r);
        let gn = g.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        return Ok(finish(x, r, gn, vec![0; n], 0, 3));
    }
    // Initial phase: clip, then solve on the free set until no variable leaves the box.
    let mut x = x_lsq.to_vec();
    let mut on_bound = vec![0i32; n];
    for j in 0..n {
        if x[j] <= lb[j] {
            x[j] = lb[j];
            on_bound[j] = -1;
        } else if x[j] >= ub[j] {
            x[j] = ub[j];
            on_bound[j] = 1;
        }
    }
    let mut free: Vec<usize> = (0..n).filter(|&j| on_bound[j] == 0).collect();
    let mut r = resid(&x);
    let mut cost = cost_of(&r);
    let mut g = grad(&r);
    let mut iteration = 0;
    while !free.is_empty() {
        iteration += 1;
        let z = solve_free(&free, &b_free(&x, &on_bound));
        let mut violated = vec![false; free.len()];
        for (k, &j) in free.iter().enumerate() {
            if z[k] < lb[j] {
                x[j] = lb[j];
                on_bound[j] = -1;
                violated[k] = true;
            } else if z[k] > ub[j] {
                x[j] = ub[j];
                on_bound[j] = 1;
                violated[k] = true;
            } else {
                x[j] = z[k];
            }
        }
        r = resid(&x);
        cost = cost_of(&r);
        g = grad(&r);
        if !violated.iter().any(|&v| v) {
            break;
        }
        free = free.iter().zip(&violated).filter(|(_, v)| !**v).map(|(j, _)| *j).collect();
    }
    let max_iter = options.max_iter.unwrap_or(n) + iteration;
    let mut status = None;
    let mut optimality = kkt_optimality(&g, &on_bound);
    while iteration < max_iter {
        if optimality < tol {
            status = Some(1);
            break;
        }
        // Free the variable with the largest KKT violation (first on ties, as argmax).
        let mut best = 0;
        for j in 1..n {
            if g[j] * f64::from(on_bound[j]) > g[best] * f64::from(on_bound[best]) {
                best = j;
            }
        }
        on_bound[best] = 0;
        loop {
            let free: Vec<usize> = (0..n).filter(|&j| on_bound[j] == 0).collect();
            let z = solve_free(&free, &b_free(&x, &on_bound));
            // The first bound crossed on the way from x to z: lower violations first, then upper
            // (SciPy's hstack order), the smallest step wins.
            let mut hit: Option<(f64, usize, i32)> = None;
            for (side, viol) in [(-1, true), (1, false)] {
                for (k, &j) in free.iter().enumerate() {
                    let crosses = if viol { z[k] < lb[j] } else { z[k] > ub[j] };
                    if crosses {
                        let bound = if side == -1 { lb[j] } else { ub[j] };
                        let alpha = (bound - x[j]) / (z[k] - x[j]);
                        if hit.is_none_or(|(a, _, _)| alpha < a) {
                            hit = Some((alpha, k, side));
                        }
                    }
                }
            }
            match hit {
                Some((alpha, k, side)) => {
                    for (kk, &j) in free.iter().enumerate() {
                        x[j] = x[j] * (1.0 - alpha) + alpha * z[kk];
                    }
                    on_bound[free[k]] = side;
                }
                None => {
                    for (kk, &j) in free.iter().enumerate() {
                        x[j] = z[kk];
                    }
                    break;
                }
            }
        }
        r = resid(&x);
        let cost_new = cost_of(&r);
        if cost - cost_new < tol * cost {
            status = Some(2);
        }
        cost = cost_new;
        g = grad(&r);
        optimality = kkt_optimality(&g, &on_bound);
        iteration += 1;
        if status.is_some() {
            break;
        }
    }
    // SciPy reports its loop variable + 1: one less when the loop ran out.
    let nit = if status.is_some() { iteration + 1 } else { iteration };
    Ok(finish(x, r, optimality, on_bound, nit, status.unwrap_or(0)))
}

//! `shgo`: simplicial homology global optimization (SciPy's `scipy.optimize.shgo` with
//! `sampling_method='simplicial'`, `'sobol'` and `'halton'`).

mod complex;
mod delaunay;
mod pyset;

use self::complex::{Complex, Coroutine, Gen, Step};
use super::qmc::{Qmc, SOBOL_MAX_DIM};
use super::{check_workers, map_points};
use crate::error::{OptimizeError, Result, invalid};
use crate::minimize::{
    Bounds, Callback, Constraint, Method, MinimizeOptions, SlsqpOptions, minimize, minimize_slsqp,
};
use crate::problem::Jac;
use ndarray::{Array1, Array2};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// How `shgo` samples the domain (SciPy's `sampling_method=`).
///
/// With `'sobol'` and `'halton'` the points of a quasi-Monte Carlo sequence are joined by the
/// edges of their Delaunay triangulation (sorted order for one variable), which SciPy gets from
/// Qhull and sci-optimize builds itself (the same edges for points in general position).
///
/// SciPy's `test_f2_1_sobol`: `(x - 30) sin x` on `[0, 60]` with `58 - x >= 0`, 128 Sobol'
/// points, all ten local minima.
///
/// ```
/// use sci_optimize::{shgo, Constraint, ConstraintDict, ConstraintType, SamplingMethod, ShgoOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// assert_eq!(ShgoOptions::default().sampling_method, SamplingMethod::Simplicial);
/// let g = |x: &Array1<f64>| array![58.0 - x[0]];
/// let o = ShgoOptions {
///     constraints: vec![Constraint::Dict(ConstraintDict::new(ConstraintType::Ineq, &g))],
///     sampling_method: SamplingMethod::Sobol,
///     ..Default::default()
/// };
/// let res = shgo(|x| (x[0] - 30.0) * x[0].sin(), &[(0.0, 60.0)], &o)?;
/// assert_eq!(res.xl.nrows(), 10);
/// assert_eq!(res.nfev - res.nlfev, 124); // SciPy: 124 feasible sampling points
/// assert!((res.fun - -28.446771324181217).abs() < 1e-9);
/// assert!((res.funl[1] - -24.99785984015096).abs() < 1e-9);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy's docstring: the Eggholder function with 64 Sobol' points, then over three
/// iterations, and the same with the scrambled Halton sequence.
///
/// ```
/// use sci_optimize::{shgo, SamplingMethod, ShgoOptions};
/// use sci_optimize::sci_array::ndarray::Array1;
/// let eggholder = |x: &Array1<f64>| {
///     let (a, b) = (x[0], x[1]);
///     -(b + 47.0) * (a / 2.0 + (b + 47.0)).abs().sqrt().sin() - a * (a - (b + 47.0)).abs().sqrt().sin()
/// };
/// let bounds = [(-512.0, 512.0); 2];
/// let o = ShgoOptions { n: Some(64), sampling_method: SamplingMethod::Sobol, ..Default::default() };
/// let res = shgo(eggholder, &bounds, &o)?;
/// assert_eq!(res.xl.nrows(), 12); // SciPy: 12 local minima
/// assert!((res.fun - -959.640662720851).abs() < 1e-9);
/// assert!((res.x[0] - 512.0).abs() < 1e-9 && (res.x[1] - 404.2318051477834).abs() < 1e-6);
/// let o = ShgoOptions { iters: Some(3), ..o };
/// let res = shgo(eggholder, &bounds, &o)?;
/// assert_eq!(res.xl.nrows(), 23);
/// assert_eq!(res.nfev - res.nlfev, 199); // SciPy: 199 sampling evaluations
/// assert!((res.funl[1] - -894.5789003905788).abs() < 1e-8);
/// let o = ShgoOptions { sampling_method: SamplingMethod::Halton, ..o };
/// let res = shgo(eggholder, &bounds, &o)?;
/// assert_eq!((res.xl.nrows(), res.nfev - res.nlfev), (22, 200)); // SciPy: 22 and 200
/// assert!((res.fun - -956.918231624651).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.shgo(..., sampling_method='simplicial' | 'sobol' | 'halton')`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SamplingMethod {
    /// `'simplicial'`: the hypercube triangulated by SciPy's cyclic product and refined around
    /// sub-cube centroids.
    #[default]
    Simplicial,
    /// `'sobol'`: the unscrambled Sobol' sequence (`scipy.stats.qmc.Sobol(d, scramble=False)`,
    /// Joe and Kuo's direction numbers, up to 64 variables), `n` rounded up to a power of two.
    /// Iteration `k` draws the next `k * n` points of the sequence.
    Sobol,
    /// `'halton'`: the scrambled Halton sequence as `shgo` seeds it
    /// (`scipy.stats.qmc.Halton(d, scramble=True, seed=0)`, the same permutations from NumPy's
    /// `default_rng(0)`). Iteration `k` draws the next `k * n` points of the sequence.
    Halton,
}

/// `minimizer_kwargs=` of `shgo`: the local minimizer, SciPy's default `'SLSQP'`, or any
/// [`Method`] of [`minimize`](crate::minimize).
///
/// As SciPy does, `shgo` hands the local minimizer the local bounds only when the method takes
/// bounds (L-BFGS-B, TNC, SLSQP), the constraints only when it takes constraints (SLSQP,
/// COBYLA, trust-constr), `jac` only when it takes a gradient, and `ftol` only to the methods
/// with that option (L-BFGS-B, TNC, SLSQP; SciPy warns and drops it for the others). SciPy
/// keeps no other local option (`maxiter` and the rest are dropped by `shgo`), so they are
/// absent here too.
///
/// ```
/// use sci_optimize::{shgo, MinimizerKwargs, ShgoOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // f(x) = (x0 - 1)^2 + (x1 + 0.5)^2 with its gradient, SLSQP with ftol = 1e-10.
/// let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] + 0.5).powi(2);
/// let jac = |x: &Array1<f64>| array![2.0 * (x[0] - 1.0), 2.0 * (x[1] + 0.5)];
/// let o = ShgoOptions {
///     minimizer_kwargs: Some(MinimizerKwargs { ftol: Some(1e-10), jac: Some(&jac), ..Default::default() }),
///     ..Default::default()
/// };
/// let res = shgo(f, &[(-2.0, 2.0), (-2.0, 2.0)], &o)?;
/// assert!((res.x[0] - 1.0).abs() < 1e-8 && (res.x[1] + 0.5).abs() < 1e-8);
/// assert!(res.nljev > 0);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.shgo(..., minimizer_kwargs={'method': 'SLSQP', ...})`.
#[derive(Clone, Copy)]
pub struct MinimizerKwargs<'a> {
    /// `method` (default SLSQP).
    pub method: Method,
    /// The method's `ftol`. `None` is SLSQP's own default, 1e-6, which SciPy uses whenever
    /// `minimizer_kwargs` is given (without it `shgo` runs SLSQP with `ftol=1e-12`).
    pub ftol: Option<f64>,
    /// `jac`: the gradient of the objective (`None`: SLSQP's forward differences).
    pub jac: Option<&'a (dyn Fn(&Array1<f64>) -> Array1<f64> + Sync)>,
}

impl Default for MinimizerKwargs<'_> {
    fn default() -> Self {
        MinimizerKwargs { method: Method::Slsqp, ftol: None, jac: None }
    }
}

impl std::fmt::Debug for MinimizerKwargs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MinimizerKwargs")
            .field("method", &self.method)
            .field("ftol", &self.ftol)
            .field("jac", &self.jac.is_some())
            .finish()
    }
}

/// Options of [`shgo`]: SciPy's keyword arguments and the entries of its `options` dict.
///
/// SciPy's docstring example: the cattle-feed problem (Hock and Schittkowski 73), two
/// inequality and one equality constraint, `n=150`.
///
/// ```
/// use sci_optimize::{shgo, Constraint, ConstraintDict, ConstraintType, ShgoOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| 24.55 * x[0] + 26.75 * x[1] + 39.0 * x[2] + 40.50 * x[3];
/// let g1 = |x: &Array1<f64>| array![2.3 * x[0] + 5.6 * x[1] + 11.1 * x[2] + 1.3 * x[3] - 5.0];
/// let g2 = |x: &Array1<f64>| {
///     let r = (0.28 * x[0].powi(2) + 0.19 * x[1].powi(2) + 20.5 * x[2].powi(2) + 0.62 * x[3].powi(2)).sqrt();
///     array![12.0 * x[0] + 11.9 * x[1] + 41.8 * x[2] + 52.1 * x[3] - 21.0 - 1.645 * r]
/// };
/// let h1 = |x: &Array1<f64>| array![x[0] + x[1] + x[2] + x[3] - 1.0];
/// let o = ShgoOptions {
///     constraints: vec![
///         Constraint::Dict(ConstraintDict::new(ConstraintType::Ineq, &g1)),
///         Constraint::Dict(ConstraintDict::new(ConstraintType::Ineq, &g2)),
///         Constraint::Dict(ConstraintDict::new(ConstraintType::Eq, &h1)),
///     ],
///     n: Some(150),
///     ..Default::default()
/// };
/// let res = shgo(f, &[(0.0, 1.0); 4], &o)?;
/// // SciPy: fun 29.89437811819695, x [0.6355216, 7.6e-13, 0.3127019, 0.0517765], 107 sampling
/// // evaluations (SLSQP stops on ftol=1e-12 at a slightly different iterate: 4e-8 apart).
/// assert!((res.fun - 29.89437811819695).abs() < 1e-6);
/// assert!((res.x[0] - 0.6355215712268995).abs() < 1e-7 && (res.x[2] - 0.3127018804823709).abs() < 1e-7);
/// assert_eq!(res.nfev - res.nlfev, 107);
/// assert_eq!(res.xl.nrows(), 1);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: the arguments of `scipy.optimize.shgo`.
#[derive(Clone)]
pub struct ShgoOptions<'a> {
    /// `constraints=`: old-style dictionaries, [`NonlinearConstraint`](crate::NonlinearConstraint)s
    /// or [`LinearConstraint`](crate::LinearConstraint)s, all passed to SLSQP. Sampling points
    /// where a dictionary is negative or a value is outside `lb <= c(x) <= ub` are infeasible
    /// (not evaluated, +inf). As in SciPy, this includes equality constraints, read as
    /// `c(x) >= 0` (`c(x) >= lb` for `lb == ub`): SciPy's test `cons['type'] in ('ineq')`
    /// matches `'eq'` too.
    pub constraints: Vec<Constraint<'a>>,
    /// `n` (default 100): sampling points per iteration. With the simplicial method SciPy
    /// replaces the default 100 by `2**dim + 1` (the triangulated hypercube and its centroid);
    /// `None` refines the whole complex every iteration (Sobol' and Halton: 100). Sobol'
    /// rounds `n` up to a power of two.
    pub n: Option<usize>,
    /// `iters` (default 1): iterations of sampling and local minimization.
    pub iters: Option<usize>,
    /// `sampling_method` (default simplicial).
    pub sampling_method: SamplingMethod,
    /// `minimizer_kwargs`: `None` is SciPy's default (SLSQP with `ftol=1e-12`).
    pub minimizer_kwargs: Option<MinimizerKwargs<'a>>,
    /// `options['maxfev']`: stop once this many sampling evaluations were done.
    pub maxfev: Option<usize>,
    /// `options['f_min']`: the known global minimum; stop when it is reached within `f_tol`.
    pub f_min: Option<f64>,
    /// `options['f_tol']` (default 1e-4).
    pub f_tol: f64,
    /// `options['maxiter']`.
    pub maxiter: Option<usize>,
    /// `options['maxev']`: stop once this many sampling points were generated.
    pub maxev: Option<usize>,
    /// `options['maxtime']` in seconds (wall clock, so not reproducible).
    pub maxtime: Option<f64>,
    /// `options['minhgrd']`: stop when the number of local minima grows by at most this much.
    pub minhgrd: Option<usize>,
    /// `options['minimize_every_iter']` (default `true`).
    pub minimize_every_iter: bool,
    /// `options['local_iter']`: the number of local minimizations per pass (`None`: all
    /// points of the minimizer pool).
    pub local_iter: Option<usize>,
    /// `options['infty_constraints']` (default `true`): with `false`, Sobol'/Halton points
    /// violating a constraint are dropped before they are triangulated (the simplicial sampling
    /// ignores it).
    pub infty_constraints: bool,
    /// `callback`: passed to every local minimization, which calls it once per iteration with
    /// the current point (`ControlFlow::Break` ends that local run, as SciPy's `StopIteration`).
    pub callback: Option<Callback<'a>>,
    /// `workers` (default 1): threads evaluating the sampling points (-1: all cores).
    pub workers: isize,
}

impl std::fmt::Debug for ShgoOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShgoOptions")
            .field("constraints", &self.constraints)
            .field("n", &self.n)
            .field("iters", &self.iters)
            .field("sampling_method", &self.sampling_method)
            .field("minimizer_kwargs", &self.minimizer_kwargs)
            .field("maxfev", &self.maxfev)
            .field("f_min", &self.f_min)
            .field("f_tol", &self.f_tol)
            .field("maxiter", &self.maxiter)
            .field("maxev", &self.maxev)
            .field("maxtime", &self.maxtime)
            .field("minhgrd", &self.minhgrd)
            .field("minimize_every_iter", &self.minimize_every_iter)
            .field("local_iter", &self.local_iter)
            .field("infty_constraints", &self.infty_constraints)
            .field("callback", &self.callback.is_some())
            .field("workers", &self.workers)
            .finish()
    }
}

impl Default for ShgoOptions<'_> {
    fn default() -> Self {
        ShgoOptions {
            constraints: Vec::new(),
            n: Some(100),
            iters: Some(1),
            sampling_method: SamplingMethod::Simplicial,
            minimizer_kwargs: None,
            maxfev: None,
            f_min: None,
            f_tol: 1e-4,
            maxiter: None,
            maxev: None,
            maxtime: None,
            minhgrd: None,
            minimize_every_iter: true,
            local_iter: None,
            infty_constraints: true,
            callback: None,
            workers: 1,
        }
    }
}

/// The result of [`shgo`] (SciPy's `OptimizeResult`).
///
/// Every local minimum found is kept: the Eggholder function sampled with `n=64` points over
/// three iterations gives SciPy's 26 local minima.
///
/// ```
/// use sci_optimize::{shgo, ShgoOptions};
/// use sci_optimize::sci_array::ndarray::Array1;
/// let eggholder = |x: &Array1<f64>| {
///     let (a, b) = (x[0], x[1]);
///     -(b + 47.0) * (a / 2.0 + (b + 47.0)).abs().sqrt().sin() - a * (a - (b + 47.0)).abs().sqrt().sin()
/// };
/// let o = ShgoOptions { n: Some(64), iters: Some(3), ..Default::default() };
/// let res = shgo(eggholder, &[(-512.0, 512.0); 2], &o)?;
/// assert_eq!(res.xl.nrows(), 26);
/// assert_eq!(res.nit, 3);
/// assert_eq!(res.nfev - res.nlfev, 192); // SciPy: 192 sampling evaluations
/// assert!((res.fun - -935.3379515600212).abs() < 1e-8);
/// assert!((res.funl[1] - -894.5789003905998).abs() < 1e-8);
/// assert!((res.x[0] - 439.48105003456305).abs() < 1e-5);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: the `OptimizeResult` of `scipy.optimize.shgo`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShgoResult {
    /// The global minimizer: the best local minimum. When no feasible minimizer was found, the
    /// lowest sampling point (empty where SciPy returns `None`: no feasible point at all).
    pub x: Array1<f64>,
    /// The objective at `x` (NaN where SciPy returns `None`).
    pub fun: f64,
    /// Every local minimum found, sorted by `funl` (one row each; no rows on failure).
    pub xl: Array2<f64>,
    /// The objective at each row of `xl`, ascending.
    pub funl: Array1<f64>,
    /// Whether a feasible local minimum was found.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// Objective evaluations: sampling points plus local minimizations.
    pub nfev: usize,
    /// Objective evaluations of the local minimizations.
    pub nlfev: usize,
    /// Gradient evaluations of the local minimizations.
    pub nljev: usize,
    /// Hessian evaluations of the local minimizations (SLSQP uses none).
    pub nlhev: usize,
    /// Iterations.
    pub nit: usize,
    /// On failure, the number of sampling points generated (SciPy's `tnev`).
    pub tnev: Option<usize>,
}

/// Whether `x` is a feasible sampling point for `c`, as SciPy's `shgo` decides: every old-style
/// dictionary `new_constraint_to_old` makes must be non-negative. SciPy selects them with
/// `cons['type'] in ('ineq')`, a substring test that `'eq'` passes too, so equality
/// constraints count as `fun(x) - lb >= 0` (and `Eq` dictionaries as `fun(x) >= 0`). NaN counts
/// as feasible for the vertices (`np.any(g < 0)`), not for the Sobol'/Halton subspace
/// (`np.all(g >= 0)`).
fn feasible(c: &Constraint<'_>, x: &Array1<f64>, nan_feasible: bool) -> bool {
    let within = |v: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>| {
        let at = |a: &Array1<f64>, i: usize| {
            if a.len() == 1 { a[0] } else { a.get(i).copied().unwrap_or(f64::NAN) }
        };
        v.iter().enumerate().all(|(i, &f)| {
            let (l, u) = (at(lb, i), at(ub, i));
            if f.is_nan() {
                return nan_feasible || (l == f64::NEG_INFINITY && u == f64::INFINITY);
            }
            if l == u {
                return f - l >= 0.0;
            }
            !((l != f64::NEG_INFINITY && f - l < 0.0) || (u != f64::INFINITY && u - f < 0.0))
        })
    };
    match c {
        Constraint::Dict(d) => (d.fun)(x).iter().all(|&g| g >= 0.0 || (nan_feasible && g.is_nan())),
        Constraint::Nonlinear(n) => within(&(n.fun)(x), &n.lb, &n.ub),
        Constraint::Linear(l) => within(&l.a.dot(x), &l.lb, &l.ub),
    }
}

struct LocalRun {
    x: Array1<f64>,
    fun: f64,
    nfev: usize,
    njev: usize,
    nhev: usize,
}

struct LocalRes {
    x: Vec<f64>,
    fun: f64,
}

/// SciPy's `LMapCache`: local minimizations keyed by their starting vertex.
#[derive(Default)]
struct Lmc {
    starts: Vec<Vec<f64>>,
    index: HashMap<Vec<u64>, usize>,
    res: Vec<Option<LocalRes>>,
    xl_maps: Vec<Vec<f64>>,
    f_maps: Vec<f64>,
    size: usize,
}

fn key(x: &[f64]) -> Vec<u64> {
    x.iter().map(|v| (v + 0.0).to_bits()).collect()
}

impl Lmc {
    fn entry(&mut self, x: &[f64]) -> usize {
        let k = key(x);
        if let Some(&i) = self.index.get(&k) {
            return i;
        }
        self.starts.push(x.to_vec());
        self.res.push(None);
        self.index.insert(k, self.starts.len() - 1);
        self.starts.len() - 1
    }
}

/// NumPy's `argsort` where the ties keep their order.
fn argsort(a: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..a.len()).collect();
    idx.sort_by(|&i, &j| a[i].partial_cmp(&a[j]).unwrap_or(std::cmp::Ordering::Equal));
    idx
}

struct Shgo<'s, 'e, 'o, 'a, F> {
    func: &'o F,
    o: &'o ShgoOptions<'a>,
    scope: &'s std::thread::Scope<'s, 'e>,
    cx: &'e Mutex<Complex>,
    bounds: Vec<(f64, f64)>,
    n: Option<usize>,
    iters: Option<usize>,
    ftol: Option<f64>,
    cp: Option<Coroutine>,
    rls: Option<Coroutine>,
    processed: usize,
    nfev_sampling: usize,
    iters_done: usize,
    n_sampled: usize,
    fn_: usize,
    hgr: usize,
    stop_global: bool,
    lmc: Lmc,
    f_lowest: Option<f64>,
    x_lowest: Option<Vec<f64>>,
    nlfev: usize,
    nljev: usize,
    nlhev: usize,
    res_nfev: usize,
    result: Option<(Vec<f64>, f64, Vec<Vec<f64>>, Vec<f64>)>,
    start: Instant,
    /// Sobol' or Halton sampling: the sequence.
    qmc: Option<Qmc>,
    /// `nc`: the points drawn by the current iteration.
    nc: usize,
    /// The points of SciPy's (incremental) triangulation `Tri` (empty: no `Tri` yet).
    tri: Vec<Vec<f64>>,
    /// `n_prc`: the size of the previous batch.
    n_prc: usize,
    /// Some bound was infinite (SciPy's `qhull_incremental` ends up false).
    infinite_bounds: bool,
}

/// Finds the global minimum of `func` on the box `bounds` by simplicial homology global
/// optimization: the box is triangulated (SciPy's cyclic product of the hypercube, refined by
/// sub-cube centroids), the objective is evaluated at every vertex, each vertex lower than all
/// its neighbours starts a local minimization (SLSQP by default, bounded by its neighbours),
/// and the local minima are returned sorted.
///
/// SciPy's path is followed step by step, so the sampled vertices, the minimizer pool, the
/// order of the local minimizations and `xl`/`funl`/`nfev` equal SciPy's: the vertex cache
/// grows in SciPy's order, the refinement pauses where SciPy's generators pause after `n`
/// vertices, and neighbour sets are walked in CPython's `set` order.
///
/// Bounds with an infinite (or NaN) side become ±1e50, as in SciPy. Constraints: `Ineq`
/// entries mark sampling points infeasible (objective not evaluated, treated as +inf), and
/// every constraint is passed to the local SLSQP runs.
///
/// With `'sobol'` and `'halton'` SciPy's path is followed as well: iteration `k` draws the next
/// `k * n` points of the sequence, appends the local minima found so far and, as SciPy's
/// incremental Qhull call does, adds the rows of that batch from index `n_prc` on (`n_prc`: the
/// size of the previous batch) to the Delaunay triangulation; every edge made is kept. The
/// local minimizations get the whole box as bounds. Known differences from SciPy:
/// - with three or more variables SciPy's `vf_to_vv` joins only three vertices of each simplex
///   (it takes `itertools.combinations(s, dim)` and connects the first two of each), chosen
///   by Qhull's internal vertex order, so some of its points are never evaluated;
///   sci-optimize joins every edge of every simplex, so its minimizer pool can be smaller and
///   `nfev`/`nlfev`/`xl` can differ (the global minimum agrees on SciPy's tests);
/// - co-spherical points (exact on lattices such as the unscrambled Sobol' points) have
///   several Delaunay triangulations: Qhull's choice is not reproduced, so an edge can differ;
/// - vertices enter the cache in point order, not in Qhull's simplex order, so the local
///   minimizations can start from another pool point (this changes only `local_iter` runs
///   and the order of equal minima);
/// - with an infinite bound SciPy's incremental Qhull call fails (QH6239) and SciPy
///   triangulates each batch alone from then on, and so does sci-optimize; Qhull fails the same
///   way for finite bounds of about 1e15 and more, which is not reproduced.
///
/// Not implemented: custom samplers, `args` (capture them in the closure), `options` `disp`
/// and `symmetry`, `jac=True`, `hess`/`hessp` for the local method.
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`] for empty `bounds`, bad `workers`, or a `n`/`iters`
/// combination SciPy rejects; `'sobol'` with more than 64 variables (`sampling_method`);
/// Sobol'/Halton points that span fewer dimensions than there are variables, e.g. a variable
/// with equal bounds (`bounds`: Qhull's QH6154 "initial simplex is flat", which SciPy raises);
/// [`OptimizeError::InvalidBounds`] when a lower bound exceeds its upper bound; errors of the
/// local SLSQP runs are passed on.
///
/// # Examples
///
/// SciPy's docstring: the Rosenbrock function on `[0, 2]^5`.
///
/// ```
/// use sci_optimize::{rosen, shgo, ShgoOptions};
/// let res = shgo(|x| rosen(x), &[(0.0, 2.0); 5], &ShgoOptions::default())?;
/// assert!(res.success);
/// assert!(res.x.iter().all(|&v| (v - 1.0).abs() < 1e-7));
/// assert!(res.fun < 1e-12);
/// assert_eq!(res.nit, 1);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.shgo`.
pub fn shgo<F>(func: F, bounds: &[(f64, f64)], options: &ShgoOptions<'_>) -> Result<ShgoResult>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    let o = options;
    if bounds.is_empty() {
        return Err(invalid("bounds", "must hold one (min, max) pair per variable, got none"));
    }
    check_workers(o.workers)?;
    let mut ab: Vec<(f64, f64)> = Vec::with_capacity(bounds.len());
    for &(l, u) in bounds {
        let l = if l.is_finite() { l } else { -1e50 };
        let u = if u.is_finite() { u } else { 1e50 };
        ab.push((l, u));
    }
    if let Some((index, &(lower, upper))) = ab.iter().enumerate().find(|(_, b)| b.0 > b.1) {
        return Err(OptimizeError::InvalidBounds { index, lower, upper });
    }
    if o.f_tol.is_nan() {
        return Err(invalid("f_tol", "must not be NaN"));
    }
    let dim = ab.len();
    let sobol = o.sampling_method == SamplingMethod::Sobol;
    let qmc_sampling = o.sampling_method != SamplingMethod::Simplicial;
    if sobol && dim > SOBOL_MAX_DIM {
        return Err(invalid(
            "sampling_method",
            format!("'sobol' is available for up to {SOBOL_MAX_DIM} variables, got {dim}"),
        ));
    }
    let full = 2usize.checked_pow(dim as u32).map_or(usize::MAX, |p| p.saturating_add(1));
    let mut n = o.n;
    let mut iters = o.iters;
    if n.is_none() && iters.is_none() && !qmc_sampling {
        n = Some(full);
    }
    if iters.is_none() {
        iters = Some(1);
    }
    if n.is_none() && qmc_sampling {
        n = Some(100);
    }
    if sobol {
        // `n = 2 ** ceil(log2(n))` (None: 100).
        let Some(p) = n.unwrap_or(100).max(1).checked_next_power_of_two() else {
            return Err(invalid("n", "too many sampling points for the Sobol' sequence"));
        };
        n = Some(p);
    } else if n == Some(100) && !qmc_sampling {
        n = Some(full);
    }
    if o.maxiter.is_some()
        || o.maxfev.is_some()
        || o.maxev.is_some()
        || o.minhgrd.is_some()
        || o.f_min.is_some()
    {
        iters = None;
    }
    let ftol = match o.minimizer_kwargs {
        None => Some(1e-12),
        Some(k) => k.ftol,
    };
    let cx = Mutex::new(Complex::new(ab.clone()));
    std::thread::scope(|scope| {
        let mut s = Shgo {
            func: &func,
            o,
            scope,
            cx: &cx,
            bounds: ab,
            n,
            iters,
            ftol,
            cp: None,
            rls: None,
            processed: 0,
            nfev_sampling: 0,
            iters_done: 0,
            n_sampled: 0,
            fn_: 0,
            hgr: 0,
            stop_global: false,
            lmc: Lmc::default(),
            f_lowest: None,
            x_lowest: None,
            nlfev: 0,
            nljev: 0,
            nlhev: 0,
            res_nfev: 0,
            result: None,
            start: Instant::now(),
            qmc: match o.sampling_method {
                SamplingMethod::Sobol => Some(Qmc::sobol(dim)),
                SamplingMethod::Halton => Some(Qmc::halton(dim)),
                SamplingMethod::Simplicial => None,
            },
            nc: 0,
            tri: Vec::new(),
            n_prc: 0,
            infinite_bounds: bounds.iter().any(|&(l, u)| !(l.is_finite() && u.is_finite())),
        };
        let r = s.run();
        s.cp = None;
        s.rls = None;
        r
    })
}

impl<'s, 'e, F> Shgo<'s, 'e, '_, '_, F>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    fn lock(&self) -> std::sync::MutexGuard<'e, Complex> {
        self.cx.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn run(&mut self) -> Result<ShgoResult> {
        while !self.stop_global {
            self.iterate()?;
            self.stopping_criteria();
        }
        if !self.o.minimize_every_iter {
            self.find_minima()?;
        }
        let nit = self.iters_done;
        self.fn_ = self.nfev_sampling;
        let dim = self.bounds.len();
        if self.lmc.xl_maps.is_empty() {
            self.find_lowest_vertex();
            let shown = self.f_lowest.map_or("None".to_string(), |f| format!("{f:?}"));
            return Ok(ShgoResult {
                x: self.x_lowest.clone().map_or(Array1::zeros(0), Array1::from),
                fun: self.f_lowest.unwrap_or(f64::NAN),
                xl: Array2::zeros((0, dim)),
                funl: Array1::zeros(0),
                success: false,
                message: format!(
                    "Failed to find a feasible minimizer point. Lowest sampling point = {shown}"
                ),
                nfev: self.fn_,
                nlfev: self.nlfev,
                nljev: self.nljev,
                nlhev: self.nlhev,
                nit,
                tnev: Some(self.n_sampled),
            });
        }
        let (x, fun, xl, funl) = self.result.take().expect("sort_result ran after the local minimizations");
        let mut xa = Array2::zeros((xl.len(), dim));
        for (i, r) in xl.iter().enumerate() {
            for (j, &v) in r.iter().enumerate() {
                xa[[i, j]] = v;
            }
        }
        Ok(ShgoResult {
            x: Array1::from(x),
            fun,
            xl: xa,
            funl: Array1::from(funl),
            success: true,
            message: "Optimization terminated successfully.".to_string(),
            nfev: self.res_nfev,
            nlfev: self.nlfev,
            nljev: self.nljev,
            nlhev: self.nlhev,
            nit,
            tnev: None,
        })
    }

    fn iterate(&mut self) -> Result<()> {
        if self.qmc.is_some() {
            self.iterate_delaunay()?;
        } else {
            self.iterate_hypercube()?;
        }
        if self.o.minimize_every_iter {
            self.find_minima()?;
        }
        self.iters_done += 1;
        Ok(())
    }

    fn iterate_hypercube(&mut self) -> Result<()> {
        match self.n {
            None => {
                self.refine_all()?;
                self.n_sampled = self.lock().len();
            }
            Some(n) => {
                self.refine(n)?;
                self.n_sampled = self.n_sampled.saturating_add(n);
            }
        }
        if !self.lmc.xl_maps.is_empty() {
            let starts = self.lmc.starts.clone();
            let mut cx = self.lock();
            for xl in &starts {
                let v = cx.get(xl);
                cx.star(v);
            }
        }
        self.process_pools();
        self.fn_ = self.nfev_sampling;
        Ok(())
    }

    /// `SHGO.iterate_delaunay`: `nc += n` new points of the sequence (plus the local minima
    /// found so far) joined by their Delaunay edges (one variable: neighbours in sorted order).
    fn iterate_delaunay(&mut self) -> Result<()> {
        self.nc = self.nc.saturating_add(self.n.expect("QMC sampling has n"));
        let nc = self.nc;
        let mut c = self.qmc.as_mut().expect("QMC sampling").random(nc);
        for x in &mut c {
            for (xi, &(lo, hi)) in x.iter_mut().zip(&self.bounds) {
                *xi = *xi * (hi - lo) + lo;
            }
        }
        c.extend(self.lmc.xl_maps.iter().cloned());
        if !self.o.infty_constraints {
            // `sampling_subspace`: `np.all(g(x) >= 0)`, so here NaN is infeasible.
            for con in &self.o.constraints {
                c.retain(|x| feasible(con, &Array1::from(x.clone()), false));
            }
        }
        let dim = self.bounds.len();
        if dim < 2 {
            let c1: Vec<f64> = c.iter().map(|x| x[0]).collect();
            let order = argsort(&c1);
            let mut cx = self.lock();
            for w in order.windows(2) {
                let a = cx.get(&c[w[0]]);
                let b = cx.get(&c[w[1]]);
                cx.connect(a, b);
            }
        } else {
            if c.len() > dim + 1 {
                // `Tri.add_points(C[n_prc:])` once `Tri` exists, else `Delaunay(C)`; with an
                // infinite bound (+-1e50) Qhull's incremental mode fails with QH6239 and SciPy
                // triangulates every batch alone.
                if self.tri.is_empty() || self.infinite_bounds {
                    self.tri = c.clone();
                } else {
                    self.tri.extend(c.iter().skip(self.n_prc).cloned());
                }
                self.connect_delaunay()?;
            }
            self.n_prc = c.len();
        }
        self.process_pools();
        self.fn_ = self.nfev_sampling;
        self.n_sampled = nc;
        Ok(())
    }

    /// `HC.vf_to_vv(Tri.points, Tri.simplices)`: the vertices of the triangulation (in point
    /// order) and the edges of its simplices.
    fn connect_delaunay(&mut self) -> Result<()> {
        // Repeated points (a local minimum drawn again) are one vertex, as in SciPy's cache.
        let mut seen: HashMap<Vec<u64>, usize> = HashMap::new();
        let mut pts: Vec<Vec<f64>> = Vec::new();
        for x in &self.tri {
            seen.entry(key(x)).or_insert_with(|| {
                pts.push(x.clone());
                pts.len() - 1
            });
        }
        let simplices = delaunay::delaunay(&pts).map_err(|_| {
            invalid(
                "bounds",
                "the sampling points span fewer dimensions than the problem has variables: Qhull's \
                 Delaunay triangulation fails (QH6154 initial simplex is flat)",
            )
        })?;
        let mut used = vec![false; pts.len()];
        for s in &simplices {
            for &i in s {
                used[i] = true;
            }
        }
        let mut cx = self.lock();
        let ids: Vec<usize> =
            pts.iter().zip(&used).map(|(x, &u)| if u { cx.get(x) } else { usize::MAX }).collect();
        for s in &simplices {
            for (k, &a) in s.iter().enumerate() {
                for &b in &s[k + 1..] {
                    cx.connect(ids[a], ids[b]);
                }
            }
        }
        Ok(())
    }

    /// `VertexCacheField.process_pools`: feasibility and objective of the new vertices, then
    /// the minimiser flags.
    fn process_pools(&mut self) {
        let mut cx = self.lock();
        let new: Vec<usize> = (self.processed..cx.len()).collect();
        self.processed = cx.len();
        let mut todo = Vec::with_capacity(new.len());
        for &i in &new {
            let x = Array1::from(cx.v[i].x.clone());
            let feasible = self.o.constraints.iter().all(|c| feasible(c, &x, true));
            if feasible {
                todo.push((i, x));
            } else {
                cx.v[i].f = f64::INFINITY;
            }
        }
        let points: Vec<Array1<f64>> = todo.iter().map(|(_, x)| x.clone()).collect();
        let fs = map_points(self.func, &points, self.o.workers);
        for ((i, _), f) in todo.iter().zip(fs) {
            cx.v[*i].f = if f.is_nan() { f64::INFINITY } else { f };
            self.nfev_sampling += 1;
        }
        for i in 0..cx.len() {
            cx.minimiser(i);
        }
    }

    fn has_tv(&self) -> bool {
        self.lock().tv.is_some()
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    /// `Complex.refine(n)`.
    fn refine(&mut self, n: usize) -> Result<()> {
        let nt = self.len().saturating_add(n);
        while self.len() < nt {
            if self.has_tv() {
                let step = self.rls.as_mut().map_or(Step::RaisedAttr, |c| c.run_until(nt).0);
                if step != Step::Yielded {
                    // The sub-cube is done (or its generator failed): refine the next one.
                    let vp = self.lock().tv.as_ref().and_then(|t| t.first().cloned());
                    let Some((o, s)) = vp else {
                        return Err(invalid("n", "the complex has no sub-cube left to refine"));
                    };
                    self.rls = None;
                    let mut co = Coroutine::spawn(self.scope, self.cx, Gen::RefineLocalSpace(o, s));
                    let (first, yields) = co.run_until(nt);
                    self.rls = Some(co);
                    match (first, yields) {
                        (Step::Done, 0) => {
                            return Err(invalid("n", "the refinement stopped before its first vertex"));
                        }
                        // SciPy's `except (AttributeError, KeyError)` around the first `next`.
                        (Step::RaisedAttr | Step::RaisedKey, 0) => self.triangulate(Some(nt))?,
                        _ => {}
                    }
                }
            } else {
                self.triangulate(Some(nt))?;
            }
        }
        Ok(())
    }

    fn push_full_box(&mut self) {
        let o: Vec<f64> = self.bounds.iter().map(|b| b.0).collect();
        let s: Vec<f64> = self.bounds.iter().map(|b| b.1).collect();
        self.lock().tv.get_or_insert_with(Vec::new).push((o, s));
    }

    /// `Complex.triangulate(n)`.
    fn triangulate(&mut self, n: Option<usize>) -> Result<()> {
        match n {
            None => {
                let mut co = Coroutine::spawn(self.scope, self.cx, Gen::CyclicProduct);
                co.run_until(usize::MAX);
                self.cp = Some(co);
                self.push_full_box();
            }
            Some(n) => {
                if self.cp.is_none() {
                    self.cp = Some(Coroutine::spawn(self.scope, self.cx, Gen::CyclicProduct));
                }
                if self.len() < n {
                    let step = self.cp.as_mut().map_or(Step::Done, |c| c.run_until(n).0);
                    if step != Step::Yielded {
                        self.push_full_box();
                    }
                }
            }
        }
        Ok(())
    }

    /// `Complex.refine_all()`.
    fn refine_all(&mut self) -> Result<()> {
        let tvs = self.lock().tv.clone();
        match tvs {
            None => self.triangulate(None),
            Some(tvs) => {
                for (o, s) in tvs {
                    self.rls = None;
                    let mut co = Coroutine::spawn(self.scope, self.cx, Gen::RefineLocalSpace(o, s));
                    let (step, _) = co.run_until(usize::MAX);
                    self.rls = Some(co);
                    if step != Step::Done {
                        return Err(invalid("n", "the refinement of the complex failed as SciPy's does"));
                    }
                }
                Ok(())
            }
        }
    }

    fn find_minima(&mut self) -> Result<()> {
        let (mut pool, mut pool_f) = self.minimizers();
        if pool.is_empty() {
            self.find_lowest_vertex();
            return Ok(());
        }
        self.minimise_pool(&mut pool, &mut pool_f)?;
        self.sort_result();
        Ok(())
    }

    /// `SHGO.minimizers`: the vertices lower than all their neighbours, in cache order.
    fn minimizers(&mut self) -> (Vec<Vec<f64>>, Vec<f64>) {
        let mut cx = self.lock();
        let mut pool: Vec<usize> = Vec::new();
        for i in 0..cx.len() {
            let x = &cx.v[i].x;
            if self.lmc.xl_maps.iter().any(|xl| xl.iter().zip(x).all(|(a, b)| a == b)) {
                continue;
            }
            if cx.minimiser(i) && !pool.contains(&i) {
                pool.push(i);
            }
        }
        // SciPy sorts its `minimizer_pool` by value but not `X_min`, the list the local
        // minimizations start from: they begin at the first pool vertex in cache order.
        (pool.iter().map(|&i| cx.v[i].x.clone()).collect(), pool.iter().map(|&i| cx.v[i].f).collect())
    }

    /// `SHGO.minimise_pool`: the first pool point first, then each time the pool point
    /// farthest from the last local minimum.
    fn minimise_pool(&mut self, pool: &mut Vec<Vec<f64>>, pool_f: &mut Vec<f64>) -> Result<()> {
        let mut force_iter = self.o.local_iter.unwrap_or(0);
        let mut last = self.minimize(&pool[0])?;
        pool.remove(0);
        pool_f.remove(0);
        loop {
            self.stopping_criteria();
            if force_iter > 0 {
                force_iter -= 1;
                if force_iter == 0 {
                    break;
                }
            }
            if pool.is_empty() {
                break;
            }
            let d: Vec<f64> = pool
                .iter()
                .map(|p| p.iter().zip(&last).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt())
                .collect();
            let far = *argsort(&d).last().expect("the pool is not empty");
            let start = pool.remove(far);
            pool_f.remove(far);
            last = self.minimize(&start)?;
        }
        Ok(())
    }

    /// `SHGO.construct_lcb_simplicial`: the box spanned by the neighbours of the vertex.
    fn local_bounds(&self, x: &[f64]) -> Vec<(f64, f64)> {
        let mut cb = self.bounds.clone();
        let mut cx = self.lock();
        let v = cx.get(x);
        for vn in cx.v[v].nn.items() {
            for (i, &xi) in cx.v[vn].x.iter().enumerate() {
                if xi < x[i] && xi > cb[i].0 {
                    cb[i].0 = xi;
                }
                if xi > x[i] && xi < cb[i].1 {
                    cb[i].1 = xi;
                }
            }
        }
        cb
    }

    /// `SHGO.minimize`: one local SLSQP run from a pool point (cached by starting point).
    fn minimize(&mut self, x0: &[f64]) -> Result<Vec<f64>> {
        let e = self.lmc.entry(x0);
        if let Some(r) = &self.lmc.res[e] {
            return Ok(r.x.clone());
        }
        // `construct_lcb_delaunay` keeps the whole box.
        let cb = if self.qmc.is_some() { self.bounds.clone() } else { self.local_bounds(x0) };
        let lb = Array1::from_iter(cb.iter().map(|b| b.0));
        let ub = Array1::from_iter(cb.iter().map(|b| b.1));
        let method = self.o.minimizer_kwargs.map_or(Method::Slsqp, |k| k.method);
        let grad = self.o.minimizer_kwargs.and_then(|k| k.jac);
        let func = self.func;
        let x0a = Array1::from(x0.to_vec());
        let r = if method == Method::Slsqp {
            let opts = SlsqpOptions {
                jac: grad.map_or(Jac::Default, |j| Jac::Fn(j)),
                bounds: Some(Bounds::new(lb, ub)),
                constraints: self.o.constraints.clone(),
                ftol: self.ftol.unwrap_or(1e-6),
                callback: self.o.callback,
                ..Default::default()
            };
            let r = minimize_slsqp(|x: &Array1<f64>| func(x), &x0a, &opts)?;
            LocalRun { x: r.x, fun: r.fun, nfev: r.nfev, njev: r.njev, nhev: 0 }
        } else {
            // SciPy's `solver_args`: what each method is handed.
            let takes_bounds = matches!(method, Method::LBfgsB | Method::Tnc);
            let takes_constraints = matches!(method, Method::Cobyla | Method::TrustConstr);
            let takes_jac = !matches!(method, Method::NelderMead | Method::Powell | Method::Cobyla);
            let takes_ftol = matches!(method, Method::LBfgsB | Method::Tnc);
            let opts = MinimizeOptions {
                method,
                jac: match grad {
                    Some(j) if takes_jac => Jac::Fn(j),
                    _ => Jac::Default,
                },
                bounds: takes_bounds.then(|| Bounds::new(lb, ub)),
                constraints: if takes_constraints { self.o.constraints.clone() } else { Vec::new() },
                ftol: if takes_ftol { self.ftol } else { None },
                callback: self.o.callback,
                ..Default::default()
            };
            let r = minimize(|x: &Array1<f64>| func(x), &x0a, &opts)?;
            // SciPy adds `njev` only where the method's result has it.
            let has_njev =
                !matches!(method, Method::NelderMead | Method::Powell | Method::Tnc | Method::Cobyla);
            LocalRun {
                x: r.x,
                fun: r.fun,
                nfev: r.nfev,
                njev: if has_njev { r.njev } else { 0 },
                nhev: r.nhev,
            }
        };
        self.nlfev += r.nfev;
        self.nljev += r.njev;
        self.nlhev += r.nhev;
        let x = r.x.to_vec();
        self.lmc.res[e] = Some(LocalRes { x: x.clone(), fun: r.fun });
        self.lmc.size += 1;
        self.lmc.xl_maps.push(x.clone());
        self.lmc.f_maps.push(r.fun);
        Ok(x)
    }

    fn sort_result(&mut self) {
        let order = argsort(&self.lmc.f_maps);
        let xl: Vec<Vec<f64>> = order.iter().map(|&i| self.lmc.xl_maps[i].clone()).collect();
        let funl: Vec<f64> = order.iter().map(|&i| self.lmc.f_maps[i]).collect();
        self.f_lowest = Some(funl[0]);
        self.x_lowest = Some(xl[0].clone());
        self.result = Some((xl[0].clone(), funl[0], xl, funl));
        self.res_nfev = self.fn_ + self.nlfev;
    }

    fn find_lowest_vertex(&mut self) {
        let mut f_lowest = f64::INFINITY;
        let mut x_lowest = None;
        {
            let cx = self.lock();
            for v in &cx.v {
                if v.f < f_lowest {
                    f_lowest = v.f;
                    x_lowest = Some(v.x.clone());
                }
            }
        }
        for r in self.lmc.res.iter().flatten() {
            if r.fun < f_lowest {
                f_lowest = r.fun;
                x_lowest = Some(r.x.clone());
            }
        }
        if f_lowest == f64::INFINITY {
            self.f_lowest = None;
            self.x_lowest = None;
        } else {
            self.f_lowest = Some(f_lowest);
            self.x_lowest = x_lowest;
        }
    }

    fn stopping_criteria(&mut self) {
        if self.o.maxiter.is_some() || self.iters.is_some() {
            if self.iters.is_some_and(|it| self.iters_done >= it) {
                self.stop_global = true;
            }
            if self.o.maxiter.is_some_and(|m| self.iters_done >= m) {
                self.stop_global = true;
            }
        }
        if self.o.maxfev.is_some_and(|m| self.fn_ >= m) {
            self.stop_global = true;
        }
        if self.o.maxev.is_some_and(|m| self.n_sampled >= m) {
            self.stop_global = true;
        }
        if self.o.maxtime.is_some_and(|t| self.start.elapsed().as_secs_f64() >= t) {
            self.stop_global = true;
        }
        if let Some(f_min) = self.o.f_min {
            self.find_lowest_vertex();
            if let Some(fl) = self.f_lowest {
                if f_min == 0.0 {
                    if fl <= self.o.f_tol {
                        self.stop_global = true;
                    }
                } else {
                    let pe = (fl - f_min) / f_min.abs();
                    if fl <= f_min || pe <= self.o.f_tol {
                        self.stop_global = true;
                    }
                }
            }
        }
        if let Some(minhgrd) = self.o.minhgrd.filter(|_| self.lmc.size != 0) {
            let hgrd = self.lmc.size as i64 - self.hgr as i64;
            self.hgr = self.lmc.size;
            if hgrd <= minhgrd as i64 {
                self.stop_global = true;
            }
        }
    }
}

//! `differential_evolution`: Storn and Price's stochastic population method, step for step as
//! SciPy's `DifferentialEvolutionSolver`.

mod constraints;
mod run;
mod solver;

pub use self::constraints::DifferentialEvolutionConstraint;
use self::solver::{Objective, Solver};
use crate::error::Result;
use crate::minimize::{Bounds, Constraint};
use crate::problem::OptimizeResult;
use ndarray::{Array1, Array2, ArrayView2};
use sci_array::random::Generator;
use std::fmt;
use std::ops::ControlFlow;

/// What [`differential_evolution`] hands its callback after each generation: SciPy's
/// `intermediate_result` (with its `convergence` attribute).
#[derive(Debug, Clone, Copy)]
pub struct DifferentialEvolutionIntermediate<'r> {
    /// The best member so far, in the parameters' units.
    pub x: &'r Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// `tol / (std(energies) / (|mean(energies)| + eps) + eps)`: the run converges when it
    /// reaches 1 (with `atol = 0`); 0 while some energy is infinite.
    pub convergence: f64,
    /// Generations done.
    pub nit: usize,
    /// Objective evaluations so far.
    pub nfev: usize,
    /// With constraints, the largest constraint violation at `x` (SciPy's `constr_violation`
    /// of the intermediate result); `None` without.
    pub constr_violation: Option<f64>,
}

/// The callback of [`differential_evolution`]: called after every generation (not before the
/// first); `ControlFlow::Break(())` stops the run as SciPy's `StopIteration` (or a `True`
/// return) does: `success = false`, message "callback function requested stop early", and
/// the best member is still polished.
///
/// # Examples
///
/// ```
/// use std::cell::Cell;
/// use std::ops::ControlFlow;
/// use sci_optimize::{DifferentialEvolutionIntermediate, DifferentialEvolutionOptions, differential_evolution};
/// use sci_optimize::sci_array::ndarray::Array1;
/// let calls = Cell::new(0);
/// let cb = |r: &DifferentialEvolutionIntermediate<'_>| {
///     calls.set(calls.get() + 1);
///     if r.nit == 3 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
/// };
/// let sphere = |x: &Array1<f64>| x.dot(x);
/// let o = DifferentialEvolutionOptions { seed: Some(7), polish: false, callback: Some(&cb), ..Default::default() };
/// let r = differential_evolution(sphere, &[(-3.0, 4.0); 3], &o)?;
/// assert_eq!((calls.get(), r.nit, r.success), (3, 3, false));
/// assert_eq!(r.message, "callback function requested stop early");
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type DifferentialEvolutionCallback<'a> =
    &'a dyn Fn(&DifferentialEvolutionIntermediate<'_>) -> ControlFlow<()>;

/// A custom mutation strategy (SciPy's callable `strategy`): `f(candidate, population, rng)`
/// returns the trial vector for member `candidate`, in the parameters' units, given the whole
/// `(S, N)` population in the parameters' units (best member first) and the solver's
/// generator. The trial is then moved into the bounds as SciPy does (entries outside drawn
/// anew); no crossover follows, the function does all of it.
///
/// # Examples
///
/// ```
/// use sci_optimize::{differential_evolution, DifferentialEvolutionOptions};
/// use sci_optimize::sci_array::ndarray::{Array1, Array2};
/// use sci_optimize::sci_array::random::Generator;
/// // Move halfway towards the best member.
/// let towards_best = |c: usize, pop: &Array2<f64>, _: &mut Generator| (&pop.row(c) + &pop.row(0)) / 2.0;
/// let o = DifferentialEvolutionOptions { seed: Some(1), polish: false, maxiter: 3, strategy_fn: Some(&towards_best), ..Default::default() };
/// let r = differential_evolution(|x: &Array1<f64>| x.dot(x), &[(-1.0, 1.0); 2], &o)?;
/// assert_eq!(r.nit, 3);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type StrategyFn<'a> = &'a dyn Fn(usize, &Array2<f64>, &mut Generator) -> Array1<f64>;

/// A custom polisher (SciPy's callable `polish`, a function with `minimize`'s interface):
/// `f(func, x0, bounds, constraints)` minimizes `func` from the best member `x0` inside
/// `bounds` (integer parameters held by equal bounds) subject to `constraints` (those of the
/// run; a [`DifferentialEvolutionConstraint::Bounds`] as an identity
/// [`crate::LinearConstraint`]). Its result is kept, as SciPy's, when it succeeded, is lower
/// and lies inside the bounds; its `nfev` is added to the run's. With
/// [`differential_evolution_vectorized`], `func` evaluates its point as a one-column batch.
///
/// # Examples
///
/// ```
/// use sci_optimize::{differential_evolution, minimize, DifferentialEvolutionOptions, Method, MinimizeOptions, PolishFn};
/// use sci_optimize::sci_array::ndarray::Array1;
/// // SciPy's `polish=partial(minimize, method="SLSQP")`.
/// let slsqp: PolishFn<'_> = &|f, x0, bounds, constraints| {
///     let o = MinimizeOptions {
///         method: Method::Slsqp,
///         bounds: Some(bounds.clone()),
///         constraints: constraints.to_vec(),
///         ..Default::default()
///     };
///     minimize(f, x0, &o)
/// };
/// let o = DifferentialEvolutionOptions { seed: Some(1), polish_fn: Some(slsqp), ..Default::default() };
/// let r = differential_evolution(|x: &Array1<f64>| (x[0] - 0.3).powi(2) + x[1] * x[1], &[(-1.0, 1.0); 2], &o)?;
/// assert!((r.x[0] - 0.3).abs() < 1e-6 && r.x[1].abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type PolishFn<'a> = &'a dyn for<'c> Fn(
    &dyn Fn(&Array1<f64>) -> f64,
    &Array1<f64>,
    &Bounds,
    &[Constraint<'c>],
) -> Result<OptimizeResult>;

/// SciPy's message when the callback stops [`differential_evolution`].
const CALLBACK_STOPPED: &str = "callback function requested stop early";

/// The mutation strategies of [`differential_evolution`] (SciPy's `strategy=` strings).
///
/// `best`/`rand`/`randtobest`/`currenttobest` say which base vector the scaled differences are
/// added to, `1`/`2` how many differences, `bin`/`exp` binomial or exponential crossover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Strategy {
    /// `"best1bin"` (the default): `b' = x_best + F (x_r0 - x_r1)`, binomial crossover.
    #[default]
    Best1Bin,
    /// `"best1exp"`.
    Best1Exp,
    /// `"rand1bin"`: `b' = x_r0 + F (x_r1 - x_r2)`.
    Rand1Bin,
    /// `"rand1exp"`.
    Rand1Exp,
    /// `"rand2bin"`: `b' = x_r0 + F (x_r1 + x_r2 - x_r3 - x_r4)`.
    Rand2Bin,
    /// `"rand2exp"`.
    Rand2Exp,
    /// `"randtobest1bin"`: `b' = x_r0 + F (x_best - x_r0) + F (x_r1 - x_r2)`.
    RandToBest1Bin,
    /// `"randtobest1exp"`.
    RandToBest1Exp,
    /// `"currenttobest1bin"`: `b' = x_i + F (x_best - x_i + x_r0 - x_r1)`.
    CurrentToBest1Bin,
    /// `"currenttobest1exp"`.
    CurrentToBest1Exp,
    /// `"best2bin"`: `b' = x_best + F (x_r0 + x_r1 - x_r2 - x_r3)`.
    Best2Bin,
    /// `"best2exp"`.
    Best2Exp,
}

impl Strategy {
    fn binomial(self) -> bool {
        matches!(
            self,
            Self::Best1Bin
                | Self::Rand1Bin
                | Self::Rand2Bin
                | Self::RandToBest1Bin
                | Self::CurrentToBest1Bin
                | Self::Best2Bin
        )
    }
}

/// The mutation constant `F` (SciPy's `mutation=`): a constant in `[0, 2)` or a `(min, max)`
/// range from which a new `F` is drawn every generation ("dithering").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mutation {
    /// One `F` for the whole run.
    Constant(f64),
    /// `F ~ U[min, max)` drawn once per generation (SciPy's default `(0.5, 1)`).
    Dither(f64, f64),
}

impl Default for Mutation {
    fn default() -> Self {
        Self::Dither(0.5, 1.0)
    }
}

/// How the initial population is drawn (SciPy's `init=`).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum Init {
    /// `"latinhypercube"` (the default): one point in each of `M` slices of every parameter.
    #[default]
    LatinHypercube,
    /// `"random"`: uniform in the bounds.
    Random,
    /// `"sobol"`: a scrambled Sobol' sequence (`scipy.stats.qmc.Sobol(N, rng=...)`, its
    /// generator spawned from the solver's as SciPy does); the population grows to the next
    /// power of two. Available for up to 64 parameters (SciPy's table has 21201).
    Sobol,
    /// `"halton"`: a scrambled Halton sequence (`scipy.stats.qmc.Halton(N, rng=...)`).
    Halton,
    /// An array of shape `(S, N)`, `S >= 5`: the population itself (clipped to the bounds).
    Population(Array2<f64>),
}

/// When the population is updated (SciPy's `updating=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Updating {
    /// `"immediate"` (the default): a better trial replaces its parent at once.
    #[default]
    Immediate,
    /// `"deferred"`: a whole generation of trials is built, then evaluated (in parallel with
    /// `workers`), then compared.
    Deferred,
}

/// Options of [`differential_evolution`]: SciPy's keyword arguments with SciPy's defaults.
#[derive(Clone)]
pub struct DifferentialEvolutionOptions<'a> {
    /// `strategy` (default best1bin).
    pub strategy: Strategy,
    /// A callable `strategy` (SciPy's `strategy=f`), used instead of `strategy` when given.
    pub strategy_fn: Option<StrategyFn<'a>>,
    /// `maxiter`: number of generations at most (default 1000).
    pub maxiter: usize,
    /// `popsize`: the population has `popsize * N` members (at least 5; default 15).
    pub popsize: usize,
    /// `tol`: relative convergence tolerance (default 0.01): stop when
    /// `std(energies) <= atol + tol * |mean(energies)|`.
    pub tol: f64,
    /// `mutation` (default dithering in `[0.5, 1)`).
    pub mutation: Mutation,
    /// `recombination`: the crossover probability `CR` (default 0.7).
    pub recombination: f64,
    /// `rng`/`seed`: seeds `numpy.random.default_rng(seed)` (the PCG64 stream of
    /// [`sci_array::random::default_rng`]); `None` draws a fresh seed.
    pub seed: Option<u64>,
    /// `polish`: finish with a local minimizer from the best member (default true).
    pub polish: bool,
    /// A callable `polish` (SciPy's `polish=f`), used instead of L-BFGS-B / trust-constr when
    /// `polish` is true.
    pub polish_fn: Option<PolishFn<'a>>,
    /// `init` (default Latin hypercube).
    pub init: Init,
    /// `atol`: absolute convergence tolerance (default 0).
    pub atol: f64,
    /// `updating` (default immediate; `workers != 1` implies deferred, as in SciPy).
    pub updating: Updating,
    /// `workers`: 1 evaluates serially (default), -1 on all cores, `n > 1` on `n` threads.
    pub workers: isize,
    /// `x0`: a first guess, replacing the first member of the initial population.
    pub x0: Option<Array1<f64>>,
    /// `integrality`: which parameters take integer values only.
    pub integrality: Option<Vec<bool>>,
    /// `callback`: called after every generation; it can stop the run.
    pub callback: Option<DifferentialEvolutionCallback<'a>>,
    /// `constraints`: nonlinear, linear or bounds constraints on top of `bounds`, handled by
    /// Lampinen's selection rules (empty: none).
    pub constraints: Vec<DifferentialEvolutionConstraint<'a>>,
}

impl fmt::Debug for DifferentialEvolutionOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DifferentialEvolutionOptions")
            .field("strategy", &self.strategy)
            .field("strategy_fn", &self.strategy_fn.is_some())
            .field("maxiter", &self.maxiter)
            .field("popsize", &self.popsize)
            .field("tol", &self.tol)
            .field("mutation", &self.mutation)
            .field("recombination", &self.recombination)
            .field("seed", &self.seed)
            .field("polish", &self.polish)
            .field("polish_fn", &self.polish_fn.is_some())
            .field("init", &self.init)
            .field("atol", &self.atol)
            .field("updating", &self.updating)
            .field("workers", &self.workers)
            .field("x0", &self.x0)
            .field("integrality", &self.integrality)
            .field("callback", &self.callback.is_some())
            .field("constraints", &self.constraints)
            .finish()
    }
}

impl Default for DifferentialEvolutionOptions<'_> {
    fn default() -> Self {
        DifferentialEvolutionOptions {
            strategy: Strategy::default(),
            strategy_fn: None,
            maxiter: 1000,
            popsize: 15,
            tol: 0.01,
            mutation: Mutation::default(),
            recombination: 0.7,
            seed: None,
            polish: true,
            polish_fn: None,
            init: Init::default(),
            atol: 0.0,
            updating: Updating::default(),
            workers: 1,
            x0: None,
            integrality: None,
            callback: None,
            constraints: Vec::new(),
        }
    }
}

/// The result of [`differential_evolution`] (SciPy's `OptimizeResult` fields for it).
#[derive(Debug, Clone, PartialEq)]
pub struct DifferentialEvolutionResult {
    /// The best parameters found.
    pub x: Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The gradient at `x` when L-BFGS-B polishing (or a `polish_fn` returning one) improved
    /// the solution (`None` after a trust-constr polish, where SciPy's `jac` holds the
    /// constraint Jacobians instead).
    pub jac: Option<Array1<f64>>,
    /// Objective evaluations (polishing included).
    pub nfev: usize,
    /// Generations done.
    pub nit: usize,
    /// Whether the population converged (before `maxiter`).
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// The final population, in the parameters' units, best first.
    pub population: Array2<f64>,
    /// The objective of every member of `population` (infinite for members that violate the
    /// constraints: they are never evaluated).
    pub population_energies: Array1<f64>,
    /// With constraints, each constraint's violation per component at `x` (SciPy's `constr`);
    /// empty without.
    pub constr: Vec<Array1<f64>>,
    /// With constraints, the largest entry of `constr` (SciPy's `constr_violation` and
    /// `maxcv`); `None` without.
    pub constr_violation: Option<f64>,
}

/// Finds the global minimum of a function of several variables inside bounds by differential
/// evolution.
///
/// Each generation builds, for every member of the population, a trial vector by mutation
/// (`strategy`, `mutation`) and crossover (`recombination`), and keeps it when it is not worse.
/// The run stops when `std(energies) <= atol + tol * |mean(energies)|` or after `maxiter`
/// generations; then, with `polish`, a local minimizer is started from
/// the best member and its result kept when it is better and inside the bounds.
///
/// The algorithm follows SciPy's `DifferentialEvolutionSolver` call for call, including the
/// order in which random numbers are drawn, on the PCG64 generator of
/// `numpy.random.default_rng(seed)` (reproduced bit for bit by `sci_array::random`): with the
/// same seed and `polish = false` the run takes SciPy's path (up to the rounding of the
/// objective itself). `init = Sobol`/`Halton` draw SciPy's scrambled sequences from the
/// generator SciPy spawns for them. Polishing runs L-BFGS-B ([`crate::minimize`]) inside the
/// bounds, as SciPy does (with `integrality`, over the continuous parameters only). The
/// `callback` is called where SciPy calls it, after each generation, and can stop the run.
///
/// With `constraints`, a member's violation of each constraint component is computed first
/// and the objective is evaluated only for feasible points (an infeasible member keeps an
/// infinite energy, so the run cannot converge while one is left). Selection follows
/// Lampinen's rules as SciPy: between feasible points the lower energy wins, a feasible point
/// beats an infeasible one, and an infeasible trial wins when none of its violations is larger;
/// the best member is the best feasible one, or the least violating one when none is feasible.
/// Polishing then uses trust-constr ([`crate::minimize_trust_constr`]) with the bounds and the
/// constraints (a [`DifferentialEvolutionConstraint::Bounds`] constraint is passed to it as an
/// identity [`crate::LinearConstraint`], where SciPy's trust-constr uses a sparse identity
/// Jacobian). The result carries `constr` and `constr_violation`; a solution that violates the
/// constraints has `success = false` and SciPy's message
/// "The solution does not satisfy the constraints, MAXCV = ...".
///
/// With `workers != 1` (or `updating = Deferred`) a generation's trials are evaluated
/// together, on rayon threads when `workers != 1`; the objective must be `Sync`. For SciPy's
/// `vectorized=True` see [`differential_evolution_vectorized`].
///
/// A callable `strategy` is `strategy_fn` ([`StrategyFn`]), a callable `polish` is
/// `polish_fn` ([`PolishFn`]).
///
/// SciPy equivalent: `scipy.optimize.differential_evolution` (SciPy's `disp` and `args` are
/// not available: closures capture extra arguments).
///
/// # Errors
///
/// [`crate::OptimizeError::InvalidValue`] with SciPy's messages for: empty or non-finite
/// `bounds`, a mutation constant outside `[0, 2)`, an `init` population of the wrong shape,
/// `x0` of the wrong length or outside the bounds, `integrality` of the wrong length or without
/// integers inside a variable's bounds, `workers` of 0 or below -1, `init = Sobol` with more
/// than 64 parameters, a `strategy_fn` returning a trial of the wrong length (SciPy's message
/// "strategy must have signature ..."), a constraint function returning a different number
/// of values than at the start ("An array returned from a Constraint has the wrong
/// shape..."). The errors of a `polish_fn` are passed on.
/// [`crate::OptimizeError::WrongLength`] for a constraint whose `lb`/`ub` length is neither 1
/// nor its number of components, a `LinearConstraint` whose `A` does not have `N` columns, or
/// a constraint function returning no value.
///
/// # Examples
///
/// ```
/// use sci_optimize::{differential_evolution, DifferentialEvolutionOptions};
/// use sci_optimize::sci_array::ndarray::Array1;
/// // Ackley's function: many local minima, the global one at the origin.
/// let ackley = |x: &Array1<f64>| {
///     let (a, b) = (x[0], x[1]);
///     let pi2 = 2.0 * std::f64::consts::PI;
///     -20.0 * (-0.2 * (0.5 * (a * a + b * b)).sqrt()).exp()
///         - (0.5 * ((pi2 * a).cos() + (pi2 * b).cos())).exp()
///         + std::f64::consts::E
///         + 20.0
/// };
/// let opts = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
/// let r = differential_evolution(ackley, &[(-5.0, 5.0), (-5.0, 5.0)], &opts)?;
/// assert!(r.success);
/// assert!(r.x.iter().all(|v| v.abs() < 1e-6));
/// assert!(r.fun < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy's docstring example with a linear constraint (`x0 + x1 <= 1.9` on Rosenbrock's
/// function, `rng=1`) ends, polished by trust-constr, at SciPy's
/// `[0.96632622, 0.93367155]`, `fun = 0.0011352416852625719`:
///
/// ```
/// use sci_optimize::{differential_evolution, rosen, DifferentialEvolutionOptions, LinearConstraint};
/// use sci_optimize::sci_array::ndarray::array;
/// let lc = LinearConstraint::new(array![[1.0, 1.0]], array![f64::NEG_INFINITY], array![1.9]);
/// let opts = DifferentialEvolutionOptions { seed: Some(1), constraints: vec![lc.into()], ..Default::default() };
/// let r = differential_evolution(|x| rosen(x), &[(0.0, 2.0), (0.0, 2.0)], &opts)?;
/// assert!((r.x[0] - 0.96632622).abs() < 1e-7 && (r.x[1] - 0.93367155).abs() < 1e-7);
/// assert!((r.fun - 0.0011352416852625719).abs() < 1e-12);
/// assert_eq!((r.success, r.constr_violation), (true, Some(0.0)));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn differential_evolution<F>(
    func: F,
    bounds: &[(f64, f64)],
    options: &DifferentialEvolutionOptions<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    Solver::new(Objective::Scalar(&func), bounds, options)?.solve()
}

/// [`differential_evolution`] with a vectorized objective (SciPy's `vectorized=True`): `func`
/// receives the points of a whole generation as the columns of an `(N, S)` array and returns
/// their `S` values, so it is called once per generation (and `nfev` counts calls, as SciPy's).
///
/// As in SciPy, `updating` is always deferred. SciPy's `workers` overrides `vectorized`; here
/// `workers` must be 1. Constraint functions are still called one point at a time (they take
/// an `(N,)` array, as [`crate::NonlinearConstraint`] does; SciPy calls them with `(N, S)`),
/// which gives the same values. When polishing, `func` is called with one column.
///
/// SciPy equivalent: `scipy.optimize.differential_evolution(..., vectorized=True)`.
///
/// # Errors
///
/// Those of [`differential_evolution`], and [`crate::OptimizeError::InvalidValue`] naming
/// `func` when it does not return `S` values ("The vectorized function must return an array
/// of shape (S,) when given an array of shape (len(x), S)"), naming `workers` when it is not 1.
///
/// # Examples
///
/// ```
/// use sci_optimize::{differential_evolution_vectorized, DifferentialEvolutionOptions, Updating};
/// use sci_optimize::sci_array::ndarray::{ArrayView2, Axis};
/// use std::f64::consts::{E, PI};
/// // SciPy's docstring example: Ackley's function, one value per column.
/// let ackley = |x: &ArrayView2<'_, f64>| {
///     x.map_axis(Axis(0), |c| {
///         let (a, b) = (c[0], c[1]);
///         -20.0 * (-0.2 * (0.5 * (a * a + b * b)).sqrt()).exp()
///             - (0.5 * ((2.0 * PI * a).cos() + (2.0 * PI * b).cos())).exp()
///             + E
///             + 20.0
///     })
/// };
/// let opts = DifferentialEvolutionOptions { seed: Some(1), updating: Updating::Deferred, ..Default::default() };
/// let r = differential_evolution_vectorized(ackley, &[(-5.0, 5.0); 2], &opts)?;
/// assert!(r.success && r.x.iter().all(|v| v.abs() < 1e-12) && r.fun < 1e-15);
/// // SciPy (the same arithmetic, rng=1): nit 123, one call per generation plus the first
/// // population, then L-BFGS-B's 63 calls: nfev 187.
/// assert_eq!((r.nit, r.nfev), (123, 187));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn differential_evolution_vectorized<F>(
    func: F,
    bounds: &[(f64, f64)],
    options: &DifferentialEvolutionOptions<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: Fn(&ArrayView2<'_, f64>) -> Array1<f64>,
{
    Solver::new(Objective::Vectorized(&func), bounds, options)?.solve()
}

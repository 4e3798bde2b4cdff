//! `differential_evolution`: Storn and Price's stochastic population method, step for step as
//! SciPy's `DifferentialEvolutionSolver`.

use super::{check_finite_bounds, check_workers, make_rng, map_points, np_argmin, np_mean_std};
use crate::error::{Result, invalid};
use crate::minimize::messages;
use crate::minimize::{Bounds, Method, MinimizeOptions, minimize};
use ndarray::{Array1, Array2, Axis};
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
}

impl fmt::Debug for DifferentialEvolutionOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DifferentialEvolutionOptions")
            .field("strategy", &self.strategy)
            .field("maxiter", &self.maxiter)
            .field("popsize", &self.popsize)
            .field("tol", &self.tol)
            .field("mutation", &self.mutation)
            .field("recombination", &self.recombination)
            .field("seed", &self.seed)
            .field("polish", &self.polish)
            .field("init", &self.init)
            .field("atol", &self.atol)
            .field("updating", &self.updating)
            .field("workers", &self.workers)
            .field("x0", &self.x0)
            .field("integrality", &self.integrality)
            .field("callback", &self.callback.is_some())
            .finish()
    }
}

impl Default for DifferentialEvolutionOptions<'_> {
    fn default() -> Self {
        DifferentialEvolutionOptions {
            strategy: Strategy::default(),
            maxiter: 1000,
            popsize: 15,
            tol: 0.01,
            mutation: Mutation::default(),
            recombination: 0.7,
            seed: None,
            polish: true,
            init: Init::default(),
            atol: 0.0,
            updating: Updating::default(),
            workers: 1,
            x0: None,
            integrality: None,
            callback: None,
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
    /// The gradient at `x` when polishing improved the solution.
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
    /// The objective of every member of `population`.
    pub population_energies: Array1<f64>,
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
/// objective itself). Polishing runs L-BFGS-B ([`crate::minimize`]) inside the bounds, as SciPy
/// does (with `integrality`, over the continuous parameters only); SciPy's `init="sobol"`/`"halton"`,
/// `constraints` and `vectorized` are not available. The `callback` is called where SciPy
/// calls it, after each generation, and can stop the run.
///
/// With `workers != 1` (or `updating = Deferred`) a generation's trials are evaluated
/// together, on rayon threads when `workers != 1`; the objective must be `Sync`.
///
/// SciPy equivalent: `scipy.optimize.differential_evolution`.
///
/// # Errors
///
/// [`crate::OptimizeError::InvalidValue`] with SciPy's messages for: empty or non-finite
/// `bounds`, a mutation constant outside `[0, 2)`, an `init` population of the wrong shape,
/// `x0` of the wrong length or outside the bounds, `integrality` of the wrong length or without
/// integers inside a variable's bounds, `workers` of 0 or below -1.
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
pub fn differential_evolution<F>(
    func: F,
    bounds: &[(f64, f64)],
    options: &DifferentialEvolutionOptions<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    let mut solver = Solver::new(&func, bounds, options)?;
    solver.solve()
}

struct Solver<'a, F> {
    func: &'a F,
    o: &'a DifferentialEvolutionOptions<'a>,
    rng: Generator,
    /// Lower and upper limits (after the integrality adjustment).
    lo: Vec<f64>,
    hi: Vec<f64>,
    arg1: Vec<f64>,
    arg2: Vec<f64>,
    recip2: Vec<f64>,
    integrality: Vec<bool>,
    n: usize,
    m: usize,
    /// The population in the unit cube, one member per row, best first after every promotion.
    pop: Array2<f64>,
    energies: Vec<f64>,
    scale: f64,
    dither: Option<(f64, f64)>,
    index: Array1<usize>,
    nfev: usize,
    deferred: bool,
}

impl<'a, F> Solver<'a, F>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    fn new(func: &'a F, bounds: &[(f64, f64)], o: &'a DifferentialEvolutionOptions<'a>) -> Result<Self> {
        check_finite_bounds(bounds)?;
        check_workers(o.workers)?;
        let (scale, dither) = match o.mutation {
            Mutation::Constant(f) => (f, None),
            Mutation::Dither(a, b) => (a, Some((a.min(b), a.max(b)))),
        };
        let fs: &[f64] = match &o.mutation {
            Mutation::Constant(f) => std::slice::from_ref(f),
            Mutation::Dither(a, b) => &[*a, *b],
        };
        if fs.iter().any(|f| !f.is_finite() || *f >= 2.0 || *f < 0.0) {
            return Err(invalid(
                "mutation",
                "The mutation constant must be a float in U[0, 2), or specified as a tuple(min, max) \
                 where min < max and min, max are in U[0, 2).",
            ));
        }
        let n = bounds.len();
        let mut lo: Vec<f64> = bounds.iter().map(|b| b.0).collect();
        let mut hi: Vec<f64> = bounds.iter().map(|b| b.1).collect();
        let integrality = match &o.integrality {
            None => vec![false; n],
            Some(v) if v.len() == n => v.clone(),
            Some(v) => return Err(invalid("integrality", format!("expected {n} entries, got {}", v.len()))),
        };
        for k in 0..n {
            if integrality[k] {
                let (l, u) = (lo[k].ceil(), hi[k].floor());
                if l > u {
                    return Err(invalid(
                        "integrality",
                        "One of the integrality constraints does not have any possible integer values between \
                         the lower/upper bounds.",
                    ));
                }
                lo[k] = next_up(l - 0.5);
                hi[k] = next_down(u + 0.5);
            }
        }
        let arg1: Vec<f64> = lo.iter().zip(&hi).map(|(l, u)| 0.5 * (l + u)).collect();
        let arg2: Vec<f64> = lo.iter().zip(&hi).map(|(l, u)| (l - u).abs()).collect();
        let recip2: Vec<f64> =
            arg2.iter().map(|a| if a.recip().is_finite() { a.recip() } else { 0.0 }).collect();
        let eb = lo.iter().zip(&hi).filter(|(l, u)| l == u).count();
        let mut m = 5.max(o.popsize * 1.max(n - eb));
        let mut rng = make_rng(o.seed);
        let pop = match &o.init {
            Init::LatinHypercube => {
                let seg = 1.0 / m as f64;
                let step = 1.0 / m as f64;
                let mut samples = Array2::zeros((m, n));
                for ((i, _), s) in samples.indexed_iter_mut() {
                    *s = seg * rng.next_f64() + i as f64 * step;
                }
                let mut pop = Array2::zeros((m, n));
                for j in 0..n {
                    let order = rng.permutation(m);
                    for i in 0..m {
                        pop[[i, j]] = samples[[order[i] as usize, j]];
                    }
                }
                pop
            }
            Init::Random => Array2::from_shape_fn((m, n), |_| rng.next_f64()),
            Init::Population(p) => {
                if p.nrows() < 5 || p.ncols() != n {
                    return Err(invalid(
                        "init",
                        "The population supplied needs to have shape (S, len(x)), where S > 4.",
                    ));
                }
                m = p.nrows();
                let mut pop = p.clone();
                for mut row in pop.rows_mut() {
                    for k in 0..n {
                        row[k] = ((row[k] - arg1[k]) * recip2[k] + 0.5).clamp(0.0, 1.0);
                    }
                }
                pop
            }
        };
        let mut s = Solver {
            func,
            o,
            rng,
            lo,
            hi,
            arg1,
            arg2,
            recip2,
            integrality,
            n,
            m,
            pop,
            energies: vec![f64::INFINITY; m],
            scale,
            dither,
            index: Array1::from_iter(0..m),
            nfev: 0,
            deferred: o.updating == Updating::Deferred || o.workers != 1,
        };
        if let Some(x0) = &o.x0 {
            if x0.len() != n {
                return Err(invalid("x0", format!("expected {n} entries, got {}", x0.len())));
            }
            let u = s.unscale(x0);
            if u.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
                return Err(invalid("x0", "Some entries in x0 lay outside the specified bounds"));
            }
            s.pop.row_mut(0).assign(&u);
        }
        Ok(s)
    }

    fn scale_row(&self, trial: ndarray::ArrayView1<'_, f64>) -> Array1<f64> {
        Array1::from_iter((0..self.n).map(|k| {
            let v = self.arg1[k] + (trial[k] - 0.5) * self.arg2[k];
            if self.integrality[k] { v.round_ties_even() } else { v }
        }))
    }

    fn unscale(&self, x: &Array1<f64>) -> Array1<f64> {
        Array1::from_iter((0..self.n).map(|k| (x[k] - self.arg1[k]) * self.recip2[k] + 0.5))
    }

    /// Evaluates the rows of `pop`.
    fn energies_of(&mut self, pop: &Array2<f64>) -> Vec<f64> {
        let points: Vec<Array1<f64>> = pop.rows().into_iter().map(|r| self.scale_row(r)).collect();
        self.nfev += points.len();
        map_points(self.func, &points, self.o.workers)
    }

    fn promote_lowest(&mut self) {
        let l = np_argmin(&self.energies);
        if l != 0 {
            self.energies.swap(0, l);
            for k in 0..self.n {
                self.pop.swap([0, k], [l, k]);
            }
        }
    }

    /// SciPy's `convergence` property: `std / (|mean| + eps)` of the energies, infinite while
    /// one of them is.
    fn convergence(&self) -> f64 {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return f64::INFINITY;
        }
        let (mean, std) = np_mean_std(&self.energies);
        std / (mean.abs() + f64::EPSILON)
    }

    fn converged(&self) -> bool {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return false;
        }
        let (mean, std) = np_mean_std(&self.energies);
        std <= self.o.atol + self.o.tol * mean.abs()
    }

    fn select_samples(&mut self, candidate: usize) -> [usize; 5] {
        // SciPy shuffles one persistent index array and takes the first six, minus `candidate`.
        self.rng.shuffle(&mut self.index).expect("1-d shuffle");
        let mut out = [0; 5];
        let mut k = 0;
        for &i in self.index.iter().take(6) {
            if i != candidate && k < 5 {
                out[k] = i;
                k += 1;
            }
        }
        out
    }

    fn bprime(&self, candidate: usize, r: &[usize; 5]) -> Array1<f64> {
        let p = &self.pop;
        let f = self.scale;
        let n = self.n;
        let row = |i: usize| p.row(i);
        let (b, r0) = (row(0), row(r[0]));
        let (r1, r2, r3) = (row(r[1]), row(r[2]), row(r[3]));
        use Strategy::*;
        Array1::from_iter((0..n).map(|k| match self.o.strategy {
            Best1Bin | Best1Exp => b[k] + f * (r0[k] - r1[k]),
            Rand1Bin | Rand1Exp => r0[k] + f * (r1[k] - r2[k]),
            RandToBest1Bin | RandToBest1Exp => {
                let mut v = r0[k];
                v += f * (b[k] - v);
                v + f * (r1[k] - r2[k])
            }
            CurrentToBest1Bin | CurrentToBest1Exp => {
                let c = p[[candidate, k]];
                c + f * (b[k] - c + r0[k] - r1[k])
            }
            Best2Bin | Best2Exp => b[k] + f * (r0[k] + r1[k] - r2[k] - r3[k]),
            Rand2Bin | Rand2Exp => r0[k] + f * (r1[k] + r2[k] - r3[k] - p[[r[4], k]]),
        }))
    }

    /// Crossover of `bprime` into a copy of member `candidate`, given the draws.
    fn crossover(&self, candidate: usize, bprime: &Array1<f64>, fill_point: usize, u: &[f64]) -> Array1<f64> {
        let n = self.n;
        let cr = self.o.recombination;
        let mut trial = self.pop.row(candidate).to_owned();
        if self.o.strategy.binomial() {
            for k in 0..n {
                if u[k] < cr || k == fill_point {
                    trial[k] = bprime[k];
                }
            }
        } else {
            let mut fp = fill_point;
            let mut i = 0;
            while i < n && (i == 0 || u[i] < cr) {
                trial[fp] = bprime[fp];
                fp = (fp + 1) % n;
                i += 1;
            }
        }
        trial
    }

    fn draw_index(&mut self) -> usize {
        self.rng.integers(0, self.n as i64, 1).expect("n >= 1")[0] as usize
    }

    /// Replaces entries outside `[0, 1]` by uniform draws (C order).
    fn ensure_constraint(&mut self, trial: &mut [f64]) {
        for v in trial.iter_mut() {
            if *v > 1.0 || *v < 0.0 {
                *v = self.rng.next_f64();
            }
        }
    }

    fn init_energies(&mut self) {
        if self.energies.iter().all(|e| e.is_infinite()) {
            let pop = self.pop.clone();
            self.energies = self.energies_of(&pop);
            self.promote_lowest();
        }
    }

    /// One generation.
    fn next_generation(&mut self) {
        self.init_energies();
        if let Some((a, b)) = self.dither {
            self.scale = a + (b - a) * self.rng.next_f64();
        }
        let n = self.n;
        if !self.deferred {
            for candidate in 0..self.m {
                let fill_point = self.draw_index();
                let samples = self.select_samples(candidate);
                let bprime = self.bprime(candidate, &samples);
                let u: Vec<f64> = (0..n).map(|_| self.rng.next_f64()).collect();
                let mut trial = self.crossover(candidate, &bprime, fill_point, &u);
                self.ensure_constraint(trial.as_slice_mut().expect("owned"));
                let energy = (self.func)(&self.scale_row(trial.view()));
                self.nfev += 1;
                if energy <= self.energies[candidate] {
                    self.pop.row_mut(candidate).assign(&trial);
                    self.energies[candidate] = energy;
                    if energy <= self.energies[0] {
                        self.promote_lowest();
                    }
                }
            }
        } else {
            let m = self.m;
            let samples: Vec<[usize; 5]> = (0..m).map(|c| self.select_samples(c)).collect();
            let bprimes: Vec<Array1<f64>> = (0..m).map(|c| self.bprime(c, &samples[c])).collect();
            let fill: Vec<usize> =
                self.rng.integers(0, n as i64, m).expect("n >= 1").iter().map(|&v| v as usize).collect();
            let u: Vec<f64> = (0..m * n).map(|_| self.rng.next_f64()).collect();
            let mut trials = Array2::zeros((m, n));
            for c in 0..m {
                let t = self.crossover(c, &bprimes[c], fill[c], &u[c * n..(c + 1) * n]);
                trials.row_mut(c).assign(&t);
            }
            self.ensure_constraint(trials.as_slice_mut().expect("standard layout"));
            let e = self.energies_of(&trials);
            for c in 0..m {
                if e[c] <= self.energies[c] {
                    self.pop.row_mut(c).assign(&trials.row(c));
                    self.energies[c] = e[c];
                }
            }
            self.promote_lowest();
        }
    }

    fn solve(&mut self) -> Result<DifferentialEvolutionResult> {
        let mut nit = 0;
        self.init_energies();
        let mut converged = false;
        let mut stopped = false;
        for it in 1..=self.o.maxiter {
            nit = it;
            self.next_generation();
            if let Some(cb) = self.o.callback {
                let x = self.scale_row(self.pop.row(0));
                let convergence = self.o.tol / (self.convergence() + f64::EPSILON);
                let r = DifferentialEvolutionIntermediate {
                    x: &x,
                    fun: self.energies[0],
                    convergence,
                    nit: it,
                    nfev: self.nfev,
                };
                if cb(&r).is_break() {
                    stopped = true;
                    break;
                }
            }
            if self.converged() {
                converged = true;
                break;
            }
        }
        let message = if stopped {
            CALLBACK_STOPPED
        } else if converged {
            messages::SUCCESS
        } else {
            messages::MAXITER
        }
        .to_string();
        let mut x = self.scale_row(self.pop.row(0));
        let mut fun = self.energies[0];
        let mut jac = None;
        if self.o.polish && !self.integrality.iter().all(|&b| b) {
            // Polish over the continuous parameters, the integer ones held fixed.
            let free: Vec<usize> = (0..self.n).filter(|&k| !self.integrality[k]).collect();
            let base = x.clone();
            let embed = |z: &Array1<f64>| {
                let mut full = base.clone();
                for (i, &k) in free.iter().enumerate() {
                    full[k] = z[i];
                }
                full
            };
            let z0 = Array1::from_iter(free.iter().map(|&k| x[k]));
            let func = self.func;
            // A start where the objective is not finite cannot be polished (SciPy's L-BFGS-B
            // returns a failure there, which is not kept either).
            let bounds = Bounds::new(
                free.iter().map(|&k| self.lo[k]).collect(),
                free.iter().map(|&k| self.hi[k]).collect(),
            );
            let lbfgsb =
                MinimizeOptions { method: Method::LBfgsB, bounds: Some(bounds), ..Default::default() };
            let polished = minimize(|z: &Array1<f64>| func(&embed(z)), &z0, &lbfgsb).ok();
            if let Some(r) = polished {
                self.nfev += r.nfev;
                let full = embed(&r.x);
                let inside = (0..self.n).all(|k| self.lo[k] <= full[k] && full[k] <= self.hi[k]);
                if r.fun < fun && r.success && inside {
                    fun = r.fun;
                    jac = r.jac.map(|g| {
                        let mut j = Array1::zeros(self.n);
                        for (i, &k) in free.iter().enumerate() {
                            j[k] = g[i];
                        }
                        j
                    });
                    self.energies[0] = fun;
                    let u = self.unscale(&full);
                    self.pop.row_mut(0).assign(&u);
                    x = full;
                }
            }
        }
        let mut population = Array2::zeros((self.m, self.n));
        for (i, mut row) in population.axis_iter_mut(Axis(0)).enumerate() {
            row.assign(&self.scale_row(self.pop.row(i)));
        }
        Ok(DifferentialEvolutionResult {
            x,
            fun,
            jac,
            nfev: self.nfev,
            nit,
            success: converged,
            message,
            population,
            population_energies: Array1::from_vec(self.energies.clone()),
        })
    }
}

fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let b = x.to_bits();
    f64::from_bits(if x > 0.0 { b + 1 } else { b - 1 })
}

fn next_down(x: f64) -> f64 {
    -next_up(-x)
}

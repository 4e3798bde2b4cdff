//! `basinhopping`: random displacements, local minimization and a Metropolis test, as SciPy's
//! `BasinHoppingRunner` with its default `RandomDisplacement`, `AdaptiveStepsize` and
//! `Metropolis`, or a custom `take_step` and an `accept_test` before the Metropolis test.

use super::basinhopping_hooks::{AcceptDecision, AcceptTest, StepOutcome, TakeStep};
use super::make_rng;
use crate::error::{OptimizeError, Result, invalid};
use crate::minimize::{MinimizeOptions, minimize};
use crate::problem::OptimizeResult;
use ndarray::{Array1, ArrayBase, Data, Ix1};
use sci_array::random::Generator;
use std::cell::Cell;
use std::fmt;
use std::ops::ControlFlow;

/// The callback of [`basinhopping`]: `callback(x, f, accept)` with every local minimum found
/// (first the one from `x0`, with `accept = true`, whose answer SciPy ignores; then each
/// step's trial minimum and whether it was accepted). `ControlFlow::Break(())` after a step
/// stops the run as SciPy's `True` return does.
///
/// # Examples
///
/// ```
/// use std::cell::Cell;
/// use std::ops::ControlFlow;
/// use sci_optimize::{BasinhoppingOptions, basinhopping};
/// use sci_optimize::sci_array::ndarray::{Array1, array};
/// let calls = Cell::new(0);
/// let cb = |_: &Array1<f64>, _: f64, _: bool| {
///     calls.set(calls.get() + 1);
///     if calls.get() == 5 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
/// };
/// let f = |x: &Array1<f64>| (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0];
/// let o = BasinhoppingOptions { seed: Some(1), callback: Some(&cb), ..Default::default() };
/// let r = basinhopping(f, &array![1.0], &o)?;
/// assert_eq!((calls.get(), r.nit), (5, 4)); // the first call is for the start
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type BasinhoppingCallback<'a> = &'a dyn Fn(&Array1<f64>, f64, bool) -> ControlFlow<()>;

/// Options of [`basinhopping`]: SciPy's keyword arguments with SciPy's defaults.
#[derive(Clone)]
pub struct BasinhoppingOptions<'a> {
    /// `niter`: basin-hopping iterations (default 100; `niter + 1` local minimizations).
    pub niter: usize,
    /// `T`: the temperature of the Metropolis test (default 1).
    pub t: f64,
    /// `stepsize`: the initial largest displacement per coordinate (default 0.5); unused with
    /// a custom `take_step`.
    pub stepsize: f64,
    /// `minimizer_kwargs`: the options of the local [`minimize`] (default BFGS).
    pub minimizer: MinimizeOptions<'a>,
    /// `interval`: steps between step-size updates (default 50).
    pub interval: usize,
    /// `niter_success`: stop when the best minimum has not changed for this many iterations
    /// (default `niter + 2`, i.e. never).
    pub niter_success: Option<usize>,
    /// `rng`/`seed`: seeds `numpy.random.default_rng(seed)`; `None` draws a fresh seed.
    pub seed: Option<u64>,
    /// `target_accept_rate` (default 0.5): the step size grows when more steps are accepted.
    pub target_accept_rate: f64,
    /// `stepwise_factor` (default 0.9): the step size is multiplied or divided by it.
    pub stepwise_factor: f64,
    /// `callback(x, f, accept)`: called with every local minimum; it can stop the run.
    pub callback: Option<BasinhoppingCallback<'a>>,
    /// `take_step`: replaces the random displacement (default `None`); its step size is
    /// adapted only if it has one ([`TakeStep::stepsize`]).
    pub take_step: Option<&'a dyn TakeStep>,
    /// `accept_test`: judges each step before the Metropolis test (default `None`).
    pub accept_test: Option<AcceptTest<'a>>,
}

impl fmt::Debug for BasinhoppingOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasinhoppingOptions")
            .field("niter", &self.niter)
            .field("t", &self.t)
            .field("stepsize", &self.stepsize)
            .field("minimizer", &self.minimizer)
            .field("interval", &self.interval)
            .field("niter_success", &self.niter_success)
            .field("seed", &self.seed)
            .field("target_accept_rate", &self.target_accept_rate)
            .field("stepwise_factor", &self.stepwise_factor)
            .field("callback", &self.callback.is_some())
            .field("take_step", &self.take_step.is_some())
            .field("accept_test", &self.accept_test.is_some())
            .finish()
    }
}

impl Default for BasinhoppingOptions<'_> {
    fn default() -> Self {
        BasinhoppingOptions {
            niter: 100,
            t: 1.0,
            stepsize: 0.5,
            minimizer: MinimizeOptions::default(),
            interval: 50,
            niter_success: None,
            seed: None,
            target_accept_rate: 0.5,
            stepwise_factor: 0.9,
            callback: None,
            take_step: None,
            accept_test: None,
        }
    }
}

/// The result of [`basinhopping`].
#[derive(Debug, Clone, PartialEq)]
pub struct BasinhoppingResult {
    /// The lowest minimum found.
    pub x: Array1<f64>,
    /// The objective there.
    pub fun: f64,
    /// SciPy's message.
    pub message: String,
    /// Basin-hopping iterations done (SciPy reports `i + 1`, so 1 for `niter = 0`).
    pub nit: usize,
    /// Objective evaluations over all local minimizations.
    pub nfev: usize,
    /// Gradient evaluations over all local minimizations.
    pub njev: usize,
    /// Hessian evaluations over all local minimizations.
    pub nhev: usize,
    /// Whether the local minimization of the lowest minimum succeeded.
    pub success: bool,
    /// Local minimizations that reported failure.
    pub minimization_failures: usize,
    /// The local minimizer's result at the lowest minimum.
    pub lowest_optimization_result: OptimizeResult,
}

/// Finds the global minimum of a function by basin hopping: random displacement of the
/// current point, local minimization, and a Metropolis test on the new minimum.
///
/// Each of `niter` steps displaces every coordinate uniformly in `[-stepsize, stepsize]`, runs
/// [`minimize`] with `minimizer`, and accepts the new minimum with probability
/// `min(1, exp(-(f_new - f_old) / T))` (a failed minimization is not accepted over a successful
/// one). Every `interval` steps the step size is divided by `stepwise_factor` when more than
/// `target_accept_rate` of the steps were accepted, else multiplied by it. The lowest
/// successful minimum is returned.
///
/// A custom `take_step` replaces the displacement; the step size adaptation then applies to it
/// only when it has a step size ([`TakeStep::stepsize`]), else its
/// [`report`](TakeStep::report) is told each decision. An `accept_test` runs before the
/// Metropolis test: a [`Reject`](AcceptDecision::Reject) rejects the step (the Metropolis test
/// still runs), a [`ForceAccept`](AcceptDecision::ForceAccept) accepts it without the
/// Metropolis test, as SciPy's `"force accept"`.
///
/// Random numbers come from `numpy.random.default_rng(seed)` in SciPy's order, and the local
/// minimizers follow SciPy's, so a seeded run takes SciPy's path. The `callback` is called
/// where SciPy calls it.
///
/// SciPy equivalent: `scipy.optimize.basinhopping`.
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`] for `target_accept_rate` or `stepwise_factor` outside
/// `(0, 1)` (SciPy's messages), a negative or NaN `T` or `stepsize`, `interval = 0`;
/// [`OptimizeError::WrongLength`] for an empty `x0` or a `take_step` that changes the length of
/// `x`; what [`minimize`] returns for the first local minimization.
///
/// # Examples
///
/// ```
/// use sci_optimize::{basinhopping, BasinhoppingOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // SciPy's docstring example: many local minima on a parabola.
/// let f = |x: &Array1<f64>| (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0];
/// let opts = BasinhoppingOptions { niter: 200, seed: Some(1), ..Default::default() };
/// let r = basinhopping(f, &array![1.0], &opts)?;
/// assert!((r.x[0] + 0.195).abs() < 1e-3);
/// assert!((r.fun + 1.0009).abs() < 1e-4);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn basinhopping<F, S>(
    mut func: F,
    x0: &ArrayBase<S, Ix1>,
    options: &BasinhoppingOptions<'_>,
) -> Result<BasinhoppingResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let o = options;
    if o.target_accept_rate.is_nan() || o.target_accept_rate <= 0.0 || o.target_accept_rate >= 1.0 {
        return Err(invalid("target_accept_rate", "target_accept_rate has to be in range (0, 1)"));
    }
    if o.stepwise_factor.is_nan() || o.stepwise_factor <= 0.0 || o.stepwise_factor >= 1.0 {
        return Err(invalid("stepwise_factor", "stepwise_factor has to be in range (0, 1)"));
    }
    if o.t.is_nan() || o.t < 0.0 {
        return Err(invalid("T", format!("must be non-negative, got {}", o.t)));
    }
    if !(o.stepsize >= 0.0 && o.stepsize.is_finite()) {
        return Err(invalid("stepsize", format!("must be finite and non-negative, got {}", o.stepsize)));
    }
    if o.interval == 0 {
        return Err(invalid("interval", "must be at least 1"));
    }
    if x0.is_empty() {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    let mut rng = make_rng(o.seed);
    let beta = if o.t != 0.0 { 1.0 / o.t } else { f64::INFINITY };
    let niter_success = o.niter_success.unwrap_or(o.niter + 2);
    let mut local = |x: &Array1<f64>| minimize(&mut func, x, &o.minimizer);

    let first = local(&x0.to_owned())?;
    let mut failures = usize::from(!first.success);
    let (mut nfev, mut njev, mut nhev) = (first.nfev, first.njev, first.nhev);
    let mut x = first.x.clone();
    if let Some(cb) = o.callback {
        // SciPy ignores this call's answer.
        let _ = cb(&first.x, first.fun, true);
    }
    let mut incumbent = first.clone();
    let mut lowest = first;

    // SciPy's AdaptiveStepsize wraps the default RandomDisplacement, or a custom step that
    // has a `stepsize` attribute; the cell is the attribute it adapts.
    let default_stepsize = Cell::new(o.stepsize);
    let adapted = match o.take_step {
        None => Some(&default_stepsize),
        Some(step) => step.stepsize(),
    };
    let (mut nstep, mut naccept) = (0usize, 0usize);
    let mut message = "requested number of basinhopping iterations completed successfully";
    let mut count = 0;
    let mut i = 0;
    for it in 0..o.niter {
        i = it;
        nstep += 1;
        if let Some(size) = adapted
            && nstep % o.interval == 0
        {
            let rate = naccept as f64 / nstep as f64;
            if rate > o.target_accept_rate {
                size.set(size.get() / o.stepwise_factor);
            } else {
                size.set(size.get() * o.stepwise_factor);
            }
        }
        let mut trial = x.clone();
        match o.take_step {
            None => {
                let stepsize = default_stepsize.get();
                for v in trial.iter_mut() {
                    *v += -stepsize + (stepsize - -stepsize) * rng.next_f64();
                }
            }
            Some(step) => {
                step.take_step(&mut trial);
                if trial.len() != x.len() {
                    return Err(OptimizeError::WrongLength {
                        arg: "take_step",
                        expected: x.len(),
                        found: trial.len(),
                    });
                }
            }
        }
        // A local minimization that fails on the input (non-finite start) counts as a failure
        // with an infinite energy, never accepted over a successful one.
        let res = match local(&trial) {
            Ok(r) => r,
            Err(_) => failed_result(trial),
        };
        if !res.success {
            failures += 1;
        }
        nfev += res.nfev;
        njev += res.njev;
        nhev += res.nhev;
        let outcome = StepOutcome {
            f_new: res.fun,
            x_new: &res.x,
            f_old: incumbent.fun,
            x_old: &x,
            res_new: &res,
            res_old: &incumbent,
        };
        // SciPy's accept tests [accept_test, Metropolis]: any False rejects, "force accept"
        // accepts at once (the Metropolis test then draws nothing).
        let decision = o.accept_test.map_or(AcceptDecision::Accept, |test| test(&outcome));
        let accept = match decision {
            AcceptDecision::ForceAccept => true,
            _ => {
                let metropolis_accepts = metropolis(&mut rng, beta, &res, &incumbent);
                decision == AcceptDecision::Accept && metropolis_accepts
            }
        };
        match (adapted, o.take_step) {
            (Some(_), _) => naccept += usize::from(accept),
            (None, Some(step)) => step.report(accept, &outcome),
            (None, None) => {}
        }
        let mut new_global_min = false;
        let stop = o.callback.is_some_and(|cb| cb(&res.x, res.fun, accept).is_break());
        if accept {
            x = res.x.clone();
            if res.success && (res.fun < lowest.fun || !lowest.success) {
                lowest = res.clone();
                new_global_min = true;
            }
            incumbent = res;
        }
        if stop {
            // SciPy's message, missing space included.
            message = "callback function requested stop early byreturning True";
            break;
        }
        count += 1;
        if new_global_min {
            count = 0;
        } else if count > niter_success {
            message = "success condition satisfied";
            break;
        }
    }
    Ok(BasinhoppingResult {
        x: lowest.x.clone(),
        fun: lowest.fun,
        message: message.to_string(),
        nit: i + 1,
        nfev,
        njev,
        nhev,
        success: lowest.success,
        minimization_failures: failures,
        lowest_optimization_result: lowest,
    })
}

/// SciPy's `Metropolis.accept_reject`.
fn metropolis(rng: &mut Generator, beta: f64, res_new: &OptimizeResult, res_old: &OptimizeResult) -> bool {
    // Python's min(0, NaN) is 0.
    let prod = -(res_new.fun - res_old.fun) * beta;
    let w = if prod < 0.0 { prod.exp() } else { 1.0 };
    let rand = rng.next_f64();
    w >= rand && (res_new.success || !res_old.success)
}

fn failed_result(x: Array1<f64>) -> OptimizeResult {
    OptimizeResult {
        x,
        fun: f64::INFINITY,
        jac: None,
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: 0,
        nfev: 0,
        njev: 0,
        nhev: 0,
        status: -1,
        success: false,
        message: "the local minimization could not start".to_string(),
    }
}

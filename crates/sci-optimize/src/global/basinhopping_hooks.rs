//! The hooks of [`basinhopping`](super::basinhopping): SciPy's `take_step` callable (with its
//! optional `stepsize` attribute and `report` method) and `accept_test` callable.

use crate::problem::OptimizeResult;
use ndarray::Array1;
use std::cell::Cell;

/// One basin-hopping step after its local minimization, as SciPy hands it to `accept_test`
/// (both of its signatures: `f_new, x_new, f_old, x_old` and `res_new, res_old`) and to
/// `take_step.report`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{AcceptDecision, BasinhoppingOptions, StepOutcome, basinhopping};
/// use sci_optimize::sci_array::ndarray::{Array1, array};
/// // SciPy's new-style accept_test(res_new=, res_old=): never accept a failed minimization.
/// let test = |s: &StepOutcome<'_>| AcceptDecision::from(s.res_new.success);
/// let f = |x: &Array1<f64>| (x[0] * x[0] - 1.0).powi(2);
/// let o = BasinhoppingOptions { niter: 10, seed: Some(0), accept_test: Some(&test), ..Default::default() };
/// let r = basinhopping(f, &array![0.3], &o)?;
/// assert!((r.x[0].abs() - 1.0).abs() < 1e-4);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct StepOutcome<'r> {
    /// The trial minimum's objective value (`f_new`).
    pub f_new: f64,
    /// The trial minimum (`x_new`).
    pub x_new: &'r Array1<f64>,
    /// The objective value at the current (last accepted) minimum (`f_old`).
    pub f_old: f64,
    /// The current minimum (`x_old`).
    pub x_old: &'r Array1<f64>,
    /// The local minimizer's result for the trial (`res_new`).
    pub res_new: &'r OptimizeResult,
    /// The local minimizer's result for the current minimum (`res_old`).
    pub res_old: &'r OptimizeResult,
}

/// What an `accept_test` answers: SciPy's `True`, `False` or `"force accept"`.
///
/// # Examples
///
/// ```
/// use sci_optimize::AcceptDecision;
/// assert_eq!(AcceptDecision::from(true), AcceptDecision::Accept);
/// assert_eq!(AcceptDecision::from(false), AcceptDecision::Reject);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptDecision {
    /// `True`: this test does not object; the step is accepted if no other test rejects it.
    Accept,
    /// `False`: the step is rejected (unless a later test forces it); later tests still run.
    Reject,
    /// `"force accept"`: the step is accepted and the remaining tests (the Metropolis test
    /// included, which then draws no random number) are skipped.
    ForceAccept,
}

impl From<bool> for AcceptDecision {
    fn from(accept: bool) -> Self {
        if accept { AcceptDecision::Accept } else { AcceptDecision::Reject }
    }
}

/// The `accept_test` of [`basinhopping`](super::basinhopping): run before the Metropolis test
/// on every step (SciPy's list `[accept_test, metropolis]`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{AcceptDecision, BasinhoppingOptions, StepOutcome, basinhopping};
/// use sci_optimize::sci_array::ndarray::{Array1, array};
/// // Reject every minimum outside [-1, 1], as SciPy's docstring's MyBounds.
/// let in_box = |s: &StepOutcome<'_>| AcceptDecision::from(s.x_new.iter().all(|v| v.abs() <= 1.0));
/// let f = |x: &Array1<f64>| (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0];
/// let o = BasinhoppingOptions { niter: 50, seed: Some(3), accept_test: Some(&in_box), ..Default::default() };
/// let r = basinhopping(f, &array![0.5], &o)?;
/// assert!(r.x[0].abs() <= 1.0 && (r.fun + 1.0009).abs() < 1e-4);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type AcceptTest<'a> = &'a dyn Fn(&StepOutcome<'_>) -> AcceptDecision;

/// The `take_step` of [`basinhopping`](super::basinhopping): displaces the current minimum
/// in place (SciPy's `x_new = take_step(x)` on a copy of it).
///
/// SciPy adapts `take_step.stepsize` with its `AdaptiveStepsize` only when the callable has
/// that attribute: here when [`stepsize`](TakeStep::stepsize) returns a cell, which the run
/// then reads and writes every `interval` steps. SciPy calls `take_step.report(accept, ...)`
/// after each accept decision when the step is used as is (no `stepsize`); with a `stepsize`
/// the adaptive wrapper takes the report, and this one is not called, as in SciPy. A closure
/// `Fn(&mut Array1<f64>)` is a step without either.
///
/// # Examples
///
/// ```
/// use std::cell::Cell;
/// use sci_optimize::{BasinhoppingOptions, TakeStep, basinhopping};
/// use sci_optimize::sci_array::ndarray::{Array1, array};
/// /// A step along alternating signs whose size basinhopping adapts.
/// struct Alternate { stepsize: Cell<f64>, calls: Cell<usize> }
/// impl TakeStep for Alternate {
///     fn take_step(&self, x: &mut Array1<f64>) {
///         self.calls.set(self.calls.get() + 1);
///         let sign = if self.calls.get() % 2 == 0 { 1.0 } else { -1.0 };
///         x.mapv_inplace(|v| v + sign * self.stepsize.get());
///     }
///     fn stepsize(&self) -> Option<&Cell<f64>> { Some(&self.stepsize) }
/// }
/// let step = Alternate { stepsize: Cell::new(0.5), calls: Cell::new(0) };
/// let f = |x: &Array1<f64>| (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0];
/// let o = BasinhoppingOptions { niter: 20, interval: 5, seed: Some(1), take_step: Some(&step), ..Default::default() };
/// let r = basinhopping(f, &array![1.0], &o)?;
/// assert_eq!(step.calls.get(), 20);
/// assert_ne!(step.stepsize.get(), 0.5); // adapted 4 times
/// # let _ = r;
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub trait TakeStep {
    /// Displaces `x` (a copy of the current minimum) in place; its length must not change.
    fn take_step(&self, x: &mut Array1<f64>);

    /// SciPy's `take_step.stepsize` attribute: `Some` makes basinhopping adapt it
    /// (`AdaptiveStepsize`). The default is `None`.
    fn stepsize(&self) -> Option<&Cell<f64>> {
        None
    }

    /// SciPy's `take_step.report(accept, f_new=, x_new=, f_old=, x_old=)`, called after each
    /// accept decision when [`stepsize`](TakeStep::stepsize) is `None`. The default does
    /// nothing.
    fn report(&self, accept: bool, step: &StepOutcome<'_>) {
        let _ = (accept, step);
    }
}

impl<F: Fn(&mut Array1<f64>)> TakeStep for F {
    fn take_step(&self, x: &mut Array1<f64>) {
        self(x)
    }
}

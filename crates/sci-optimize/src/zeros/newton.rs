//! Newton-Raphson, Halley and secant iterations, counted like SciPy's `optimize.newton`.

use super::{RootFlag, RootResults, RootScalarMethod};

/// `numpy.isclose(a, b, rtol, atol)` for finite scalars.
fn isclose(a: f64, b: f64, rtol: f64, atol: f64) -> bool {
    (a - b).abs() <= atol + rtol * b.abs()
}

/// The result, and SciPy's `RuntimeError` message where `newton(..., disp=True)` raises one.
pub(crate) type Outcome = (RootResults, Option<String>);

/// Newton (or Halley when `fprime2` is given) from `x0`.
pub(crate) fn newton_iter(
    f: &mut dyn FnMut(f64) -> f64,
    fprime: &mut dyn FnMut(f64) -> f64,
    mut fprime2: Option<&mut dyn FnMut(f64) -> f64>,
    x0: f64,
    tol: f64,
    rtol: f64,
    maxiter: usize,
) -> Outcome {
    let method = if fprime2.is_some() { RootScalarMethod::Halley } else { RootScalarMethod::Newton };
    let res = |root, iterations, function_calls, flag: RootFlag| RootResults {
        root,
        iterations,
        function_calls,
        converged: flag == RootFlag::Converged,
        flag,
        method,
    };
    let mut p0 = x0;
    let mut p = x0;
    let mut calls = 0;
    for itr in 0..maxiter {
        let fval = f(p0);
        calls += 1;
        if fval == 0.0 {
            return (res(p0, itr, calls, RootFlag::Converged), None);
        }
        let fder = fprime(p0);
        calls += 1;
        if fder == 0.0 {
            let msg = format!(
                "Derivative was zero. Failed to converge after {} iterations, value is {p0}.",
                itr + 1
            );
            return (res(p0, itr + 1, calls, RootFlag::ConvergenceError), Some(msg));
        }
        let mut step = fval / fder;
        if let Some(f2) = fprime2.as_mut() {
            let fder2 = f2(p0);
            calls += 1;
            let adj = step * fder2 / fder / 2.0;
            if adj.abs() < 1.0 {
                step /= 1.0 - adj;
            }
        }
        p = p0 - step;
        if isclose(p, p0, rtol, tol) {
            return (res(p, itr + 1, calls, RootFlag::Converged), None);
        }
        p0 = p;
    }
    (res(p, maxiter, calls, RootFlag::ConvergenceError), Some(max_iter_message(maxiter, p)))
}

/// SciPy's message when the iteration limit is reached.
fn max_iter_message(maxiter: usize, p: f64) -> String {
    format!("Failed to converge after {maxiter} iterations, value is {p}.")
}

/// The secant method from `x0` (and `x1`, or SciPy's default second point).
pub(crate) fn secant_iter(
    f: &mut dyn FnMut(f64) -> f64,
    x0: f64,
    x1: Option<f64>,
    tol: f64,
    rtol: f64,
    maxiter: usize,
) -> Outcome {
    let res = |root, iterations, function_calls, flag: RootFlag| RootResults {
        root,
        iterations,
        function_calls,
        converged: flag == RootFlag::Converged,
        flag,
        method: RootScalarMethod::Secant,
    };
    let mut p0 = x0;
    let mut p1 = match x1 {
        Some(x1) => x1,
        None => {
            let eps = 1e-4;
            let p1 = x0 * (1.0 + eps);
            p1 + if p1 >= 0.0 { eps } else { -eps }
        }
    };
    let mut q0 = f(p0);
    let mut q1 = f(p1);
    let mut calls = 2;
    if q1.abs() < q0.abs() {
        std::mem::swap(&mut p0, &mut p1);
        std::mem::swap(&mut q0, &mut q1);
    }
    let mut p = p1;
    for itr in 0..maxiter {
        if q1 == q0 {
            // SciPy raises only when the points differ.
            let msg = (p1 != p0).then(|| {
                format!(
                    "Tolerance of {} reached. Failed to converge after {} iterations, value is {p1}.",
                    p1 - p0,
                    itr + 1
                )
            });
            return (res((p1 + p0) / 2.0, itr + 1, calls, RootFlag::ConvergenceError), msg);
        }
        p = if q1.abs() > q0.abs() {
            (-q0 / q1 * p1 + p0) / (1.0 - q0 / q1)
        } else {
            (-q1 / q0 * p0 + p1) / (1.0 - q1 / q0)
        };
        if isclose(p, p1, rtol, tol) {
            return (res(p, itr + 1, calls, RootFlag::Converged), None);
        }
        p0 = p1;
        q0 = q1;
        p1 = p;
        q1 = f(p1);
        calls += 1;
    }
    (res(p, maxiter, calls, RootFlag::ConvergenceError), Some(max_iter_message(maxiter, p)))
}

//! Newton-Raphson, Halley and secant iterations, counted like SciPy's `optimize.newton`, in
//! real (`f64`) or complex (`Complex64`) arithmetic as NumPy does it.

use super::{RootFlag, RootResults, RootScalarMethod};
use crate::pyrepr::{py_complex_repr, py_float_repr};
use sci_array::num_complex::Complex64;
use std::ops::{Add, Mul, Neg, Sub};

/// The arithmetic of SciPy's Newton loops on a NumPy scalar: `float64` or `complex128`.
pub(crate) trait NewtonScalar:
    Copy + PartialEq + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Neg<Output = Self>
{
    /// The real number `v` (a Python float promoted to this type).
    fn real(v: f64) -> Self;
    /// NumPy's division (Smith's algorithm for complex numbers).
    fn quot(self, d: Self) -> Self;
    /// `np.abs`.
    fn mag(self) -> f64;
    /// `np.isfinite`.
    fn finite(self) -> bool;
    /// NumPy's `self >= 0` (complex numbers compare by real part, then imaginary part).
    fn nonneg(self) -> bool;
    /// NumPy's `str` of the value.
    fn repr(self) -> String;
}

impl NewtonScalar for f64 {
    fn real(v: f64) -> Self {
        v
    }
    fn quot(self, d: Self) -> Self {
        self / d
    }
    fn mag(self) -> f64 {
        self.abs()
    }
    fn finite(self) -> bool {
        self.is_finite()
    }
    fn nonneg(self) -> bool {
        self >= 0.0
    }
    fn repr(self) -> String {
        py_float_repr(self)
    }
}

impl NewtonScalar for Complex64 {
    fn real(v: f64) -> Self {
        Complex64::new(v, 0.0)
    }
    fn quot(self, d: Self) -> Self {
        let (ar, ai, br, bi) = (self.re, self.im, d.re, d.im);
        if br.abs() >= bi.abs() {
            if br == 0.0 && bi == 0.0 {
                return Complex64::new(ar / br.abs(), ai / br.abs());
            }
            let rat = bi / br;
            let scl = 1.0 / (br + bi * rat);
            Complex64::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
        } else {
            let rat = br / bi;
            let scl = 1.0 / (bi + br * rat);
            Complex64::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
        }
    }
    fn mag(self) -> f64 {
        self.norm()
    }
    fn finite(self) -> bool {
        self.is_finite()
    }
    fn nonneg(self) -> bool {
        self.re > 0.0 || (self.re == 0.0 && self.im >= 0.0)
    }
    fn repr(self) -> String {
        py_complex_repr(self)
    }
}

/// `numpy.isclose(a, b, rtol, atol)`.
fn isclose<T: NewtonScalar>(a: T, b: T, rtol: f64, atol: f64) -> bool {
    ((a - b).mag() <= atol + rtol * b.mag() && b.finite()) || a == b
}

/// The result, and SciPy's `RuntimeError` message where `newton(..., disp=True)` raises one.
pub(crate) type Outcome<T> = (RootResults<T>, Option<String>);

/// A scalar function of the loops.
pub(crate) type LoopFn<'a, T> = &'a mut dyn FnMut(T) -> T;

/// Newton (or Halley when `fprime2` is given) from `x0`.
pub(crate) fn newton_iter<T: NewtonScalar>(
    f: LoopFn<'_, T>,
    fprime: LoopFn<'_, T>,
    mut fprime2: Option<LoopFn<'_, T>>,
    x0: T,
    tol: f64,
    rtol: f64,
    maxiter: usize,
) -> Outcome<T> {
    let method = if fprime2.is_some() { RootScalarMethod::Halley } else { RootScalarMethod::Newton };
    let res = |root, iterations, function_calls, flag: RootFlag| RootResults {
        root,
        iterations,
        function_calls,
        converged: flag == RootFlag::Converged,
        flag,
        method,
    };
    let zero = T::real(0.0);
    let mut p0 = x0;
    let mut p = x0;
    let mut calls = 0;
    for itr in 0..maxiter {
        let fval = f(p0);
        calls += 1;
        if fval == zero {
            return (res(p0, itr, calls, RootFlag::Converged), None);
        }
        let fder = fprime(p0);
        calls += 1;
        if fder == zero {
            let msg = format!(
                "Derivative was zero. Failed to converge after {} iterations, value is {}.",
                itr + 1,
                p0.repr()
            );
            return (res(p0, itr + 1, calls, RootFlag::ConvergenceError), Some(msg));
        }
        let mut step = fval.quot(fder);
        if let Some(f2) = fprime2.as_mut() {
            let fder2 = f2(p0);
            calls += 1;
            let adj = (step * fder2).quot(fder).quot(T::real(2.0));
            if adj.mag() < 1.0 {
                step = step.quot(T::real(1.0) - adj);
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
fn max_iter_message<T: NewtonScalar>(maxiter: usize, p: T) -> String {
    format!("Failed to converge after {maxiter} iterations, value is {}.", p.repr())
}

/// SciPy's second secant point when `x1` is not given: `x0 (1 + 1e-4) ± 1e-4`, the sign that
/// of `x0 (1 + 1e-4) >= 0` (NumPy's ordering, lexicographic for complex numbers).
pub(crate) fn default_x1<T: NewtonScalar>(x0: T) -> T {
    let eps = 1e-4;
    let p1 = x0 * T::real(1.0 + eps);
    p1 + T::real(if p1.nonneg() { eps } else { -eps })
}

/// The secant method from `x0` (and `x1`, or SciPy's default second point).
pub(crate) fn secant_iter<T: NewtonScalar>(
    f: LoopFn<'_, T>,
    x0: T,
    x1: Option<T>,
    tol: f64,
    rtol: f64,
    maxiter: usize,
) -> Outcome<T> {
    let res = |root, iterations, function_calls, flag: RootFlag| RootResults {
        root,
        iterations,
        function_calls,
        converged: flag == RootFlag::Converged,
        flag,
        method: RootScalarMethod::Secant,
    };
    let one = T::real(1.0);
    let mut p0 = x0;
    let mut p1 = x1.unwrap_or_else(|| default_x1(x0));
    let mut q0 = f(p0);
    let mut q1 = f(p1);
    let mut calls = 2;
    if q1.mag() < q0.mag() {
        std::mem::swap(&mut p0, &mut p1);
        std::mem::swap(&mut q0, &mut q1);
    }
    let mut p = p1;
    for itr in 0..maxiter {
        if q1 == q0 {
            // SciPy raises only when the points differ.
            let msg = (p1 != p0).then(|| {
                format!(
                    "Tolerance of {} reached. Failed to converge after {} iterations, value is {}.",
                    (p1 - p0).repr(),
                    itr + 1,
                    p1.repr()
                )
            });
            return (res((p1 + p0).quot(T::real(2.0)), itr + 1, calls, RootFlag::ConvergenceError), msg);
        }
        p = if q1.mag() > q0.mag() {
            let r = (-q0).quot(q1);
            (r * p1 + p0).quot(one - q0.quot(q1))
        } else {
            let r = (-q1).quot(q0);
            (r * p0 + p1).quot(one - q1.quot(q0))
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

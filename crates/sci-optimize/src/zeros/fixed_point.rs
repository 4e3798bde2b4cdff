//! `fixed_point`: Steffensen's method with Aitken's `Del^2` acceleration, or plain iteration,
//! as SciPy's `_fixed_point_helper`.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::{Array, ArrayBase, Data, Dimension};

/// How [`fixed_point`] iterates (SciPy's `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixedPointMethod {
    /// `"del2"` (default): Steffensen's method, `p = p0 - (p1 - p0)² / (p2 - 2 p1 + p0)` from
    /// `p1 = f(p0)`, `p2 = f(p1)` (`p2` where the denominator is 0).
    #[default]
    Del2,
    /// `"iteration"`: `p = f(p0)`, no acceleration.
    Iteration,
}

/// Options of [`fixed_point`] and [`fixed_point_array`]: SciPy's keyword arguments with its
/// defaults (SciPy's `args` are captured by the closure instead).
///
/// # Examples
///
/// ```
/// let o = sci_optimize::FixedPointOptions::default();
/// assert_eq!((o.xtol, o.maxiter), (1e-8, 500));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixedPointOptions {
    /// `xtol` (default 1e-8): stop when every `|p - p0| / |p0|` (`|p|` where `p0 = 0`) is below
    /// it.
    pub xtol: f64,
    /// `maxiter` (default 500): iterations (each one or two calls of `func`).
    pub maxiter: usize,
    /// `method` (default [`FixedPointMethod::Del2`]).
    pub method: FixedPointMethod,
}

impl Default for FixedPointOptions {
    fn default() -> Self {
        FixedPointOptions { xtol: 1e-8, maxiter: 500, method: FixedPointMethod::Del2 }
    }
}

/// A fixed point of a scalar function: `x` with `func(x) == x`, from `x0`.
///
/// Each iteration evaluates `p1 = func(p0)` and, with [`FixedPointMethod::Del2`],
/// `p2 = func(p1)`, then takes Steffensen's step; it stops when the relative change
/// `(p - p0) / p0` (the change itself where `p0 = 0`) is below `xtol` in absolute value.
///
/// SciPy equivalent: `scipy.optimize.fixed_point` (scalar `x0`).
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] after `maxiter` iterations ("Failed to converge after
/// {maxiter} iterations, value is {p}", SciPy's `RuntimeError`; also when `func` returns NaN);
/// [`OptimizeError::InvalidValue`] for a non-finite `x0` ("array must not contain infs or
/// NaNs", as SciPy), `maxiter` of 0 (SciPy fails with an `UnboundLocalError`) or a NaN
/// `xtol`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{FixedPointMethod, FixedPointOptions, fixed_point};
/// // x = cos(x): 0.7390851332151607
/// let x = fixed_point(f64::cos, 1.0, &FixedPointOptions::default())?;
/// assert!((x - 0.7390851332151607).abs() < 1e-15);
/// let o = FixedPointOptions { method: FixedPointMethod::Iteration, xtol: 1e-12, ..Default::default() };
/// let x = fixed_point(f64::cos, 1.0, &o)?;
/// assert!((x - 0.7390851332151607).abs() < 1e-11);
/// assert!(fixed_point(|x| x + 1.0, 0.0, &FixedPointOptions::default()).is_err());
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn fixed_point<F: FnMut(f64) -> f64>(mut func: F, x0: f64, options: &FixedPointOptions) -> Result<f64> {
    let mut p = [0.0];
    let mut f = |x: &[f64], out: &mut [f64]| {
        out[0] = func(x[0]);
        Ok(())
    };
    if !iterate(&mut f, &[x0], &mut p, options)? {
        return Err(failed(options.maxiter, p[0]));
    }
    Ok(p[0])
}

/// A fixed point of a function of an array (each entry its own equation, as SciPy's
/// elementwise test): `x` with `func(x) == x`, from `x0` of any shape.
///
/// The iteration of [`fixed_point`] entry by entry; it stops when every entry has converged.
/// An empty `x0` returns `func(x0)` after one iteration, as SciPy.
///
/// SciPy equivalent: `scipy.optimize.fixed_point` (array `x0`).
///
/// # Errors
///
/// As [`fixed_point`], and [`OptimizeError::WrongLength`] (`func(x)`) when `func` returns an
/// array of another length (SciPy fails to broadcast).
///
/// # Examples
///
/// SciPy's docstring example, `sqrt(c1 / (x + c2))` with `c1 = [10, 12]`, `c2 = [3, 5]`:
///
/// ```
/// use sci_optimize::{FixedPointOptions, fixed_point_array};
/// use sci_optimize::sci_array::ndarray::array;
/// let (c1, c2) = (array![10.0, 12.0], array![3.0, 5.0]);
/// let f = |x: &_| (&c1 / (x + &c2)).mapv(f64::sqrt);
/// let x = fixed_point_array(f, &array![1.2, 1.3], &FixedPointOptions::default())?;
/// assert!((x[0] - 1.4920333).abs() < 1e-7 && (x[1] - 1.37228132).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn fixed_point_array<S, D, F>(
    mut func: F,
    x0: &ArrayBase<S, D>,
    options: &FixedPointOptions,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
    F: FnMut(&Array<f64, D>) -> Array<f64, D>,
{
    let x0v: Vec<f64> = x0.iter().copied().collect();
    let mut arg = x0.to_owned();
    let mut f = |x: &[f64], out: &mut [f64]| {
        arg.iter_mut().zip(x).for_each(|(a, &v)| *a = v);
        let y = func(&arg);
        if y.len() != out.len() {
            return Err(OptimizeError::WrongLength { arg: "func(x)", expected: out.len(), found: y.len() });
        }
        out.iter_mut().zip(y.iter()).for_each(|(o, &v)| *o = v);
        Ok(())
    };
    let mut p = vec![0.0; x0v.len()];
    if !iterate(&mut f, &x0v, &mut p, options)? {
        return Err(failed(options.maxiter, format!("{p:?}")));
    }
    let mut out = x0.to_owned();
    out.iter_mut().zip(p).for_each(|(o, v)| *o = v);
    Ok(out)
}

type Eval<'a> = dyn FnMut(&[f64], &mut [f64]) -> Result<()> + 'a;

/// SciPy's `_fixed_point_helper` on flat values; the last iterate lands in `p`, and the
/// result says whether it converged.
fn iterate(f: &mut Eval<'_>, x0: &[f64], p: &mut [f64], o: &FixedPointOptions) -> Result<bool> {
    if x0.iter().any(|v| !v.is_finite()) {
        return Err(invalid("x0", "array must not contain infs or NaNs"));
    }
    if o.maxiter == 0 {
        return Err(invalid("maxiter", "must be at least 1"));
    }
    if o.xtol.is_nan() {
        return Err(invalid("xtol", "must not be NaN"));
    }
    let n = x0.len();
    let mut p0 = x0.to_vec();
    let mut p1 = vec![0.0; n];
    let mut p2 = vec![0.0; n];
    for _ in 0..o.maxiter {
        f(&p0, &mut p1)?;
        if o.method == FixedPointMethod::Del2 {
            f(&p1, &mut p2)?;
            for i in 0..n {
                let d = p2[i] - 2.0 * p1[i] + p0[i];
                let t = p1[i] - p0[i];
                p[i] = if d != 0.0 { p0[i] - t * t / d } else { p2[i] };
            }
        } else {
            p.copy_from_slice(&p1);
        }
        let converged = p.iter().zip(&p0).all(|(&p, &p0)| {
            let relerr = if p0 != 0.0 { (p - p0) / p0 } else { p };
            relerr.abs() < o.xtol
        });
        if converged {
            return Ok(true);
        }
        p0.copy_from_slice(p);
    }
    Ok(false)
}

/// SciPy's `RuntimeError` message.
fn failed(maxiter: usize, value: impl std::fmt::Display) -> OptimizeError {
    OptimizeError::NoConvergence {
        message: format!("Failed to converge after {maxiter} iterations, value is {value}"),
    }
}

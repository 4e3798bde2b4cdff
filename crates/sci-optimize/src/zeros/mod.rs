//! Roots of scalar functions: `root_scalar` and the shortcuts `brentq`, `brenth`, `bisect`,
//! `ridder`, `newton`, and `fixed_point`.

mod bracket;
mod fixed_point;
mod newton;
mod newton_vec;
mod toms748;

use crate::error::{OptimizeError, Result, invalid};
use bracket::BrentKind;
pub use fixed_point::{FixedPointMethod, FixedPointOptions, fixed_point, fixed_point_array};
pub use newton_vec::{
    ArrayFn, NewtonArrayComplexOptions, NewtonArrayOptions, NewtonArrayOptionsFor, NewtonArrayResult,
    NewtonComplexOptions, NewtonOptions, NewtonOptionsFor, ScalarFn, newton_array, newton_array_complex,
    newton_complex_with, newton_with,
};
use sci_array::num_complex::Complex64;
use std::fmt;

/// SciPy's default absolute tolerance of the bracketing methods (`_xtol = 2e-12`).
pub const BRACKET_XTOL: f64 = 2e-12;
/// SciPy's default (and smallest) relative tolerance of the bracketing methods (`4 * eps`).
pub const BRACKET_RTOL: f64 = 4.0 * f64::EPSILON;

/// The methods of [`root_scalar`] (SciPy's `method=` strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RootScalarMethod {
    /// `"brentq"`: Brent's method with inverse quadratic extrapolation (needs a bracket).
    Brentq,
    /// `"brenth"`: Brent's method with hyperbolic extrapolation (needs a bracket).
    Brenth,
    /// `"bisect"`: bisection (needs a bracket).
    Bisect,
    /// `"ridder"`: Ridders' method (needs a bracket).
    Ridder,
    /// `"newton"`: Newton-Raphson from `x0` (with `fprime`, or a finite-difference derivative).
    Newton,
    /// `"secant"`: the secant method from `x0` (and `x1`).
    Secant,
    /// `"halley"`: Halley's method from `x0` (needs `fprime` and `fprime2`).
    Halley,
    /// `"toms748"`: Alefeld, Potra and Shi's Algorithm 748 (needs a bracket; option `k`).
    Toms748,
}

impl RootScalarMethod {
    /// SciPy's name of the method.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::RootScalarMethod::Brentq.name(), "brentq");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Brentq => "brentq",
            Self::Brenth => "brenth",
            Self::Bisect => "bisect",
            Self::Ridder => "ridder",
            Self::Newton => "newton",
            Self::Secant => "secant",
            Self::Halley => "halley",
            Self::Toms748 => "toms748",
        }
    }

    fn is_bracketing(self) -> bool {
        matches!(self, Self::Brentq | Self::Brenth | Self::Bisect | Self::Ridder)
    }
}

/// Why a scalar root finder stopped (SciPy's `RootResults.flag`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RootFlag {
    /// `"converged"`.
    Converged,
    /// `"convergence error"`: the iteration limit was reached, or a zero derivative / equal
    /// function values stopped Newton or the secant method.
    ConvergenceError,
    /// The function returned NaN (SciPy: "The function value at x=... is NaN; solver cannot
    /// continue.").
    NanValue,
}

impl fmt::Display for RootFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Converged => "converged",
            Self::ConvergenceError => "convergence error",
            Self::NanValue => "function value is NaN; solver cannot continue",
        })
    }
}

/// The result of [`root_scalar`] (SciPy's `RootResults`); `RootResults<Complex64>` from
/// [`newton_complex_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct RootResults<T = f64> {
    /// The estimated root.
    pub root: T,
    /// Number of iterations.
    pub iterations: usize,
    /// Number of function evaluations, counted as SciPy counts them (Newton counts each `fprime`
    /// and `fprime2` call as one).
    pub function_calls: usize,
    /// Whether the root finder converged.
    pub converged: bool,
    /// Why it stopped.
    pub flag: RootFlag,
    /// The method used.
    pub method: RootScalarMethod,
}

/// Options of [`root_scalar`]: SciPy's keyword arguments, `None` meaning "not given".
///
/// # Examples
///
/// ```
/// use sci_optimize::RootScalarOptions;
/// let df = |x: f64| 2.0 * x - 3.0;
/// let opts = RootScalarOptions { x0: Some(0.0), fprime: Some(&df), ..Default::default() };
/// assert_eq!(opts.method, None);
/// ```
#[derive(Clone, Copy, Default)]
pub struct RootScalarOptions<'a> {
    /// The method; `None` picks SciPy's default: `brentq` with a bracket, else `halley` with
    /// both derivatives, `newton` with `fprime`, `secant` with `x1`, else `newton`.
    pub method: Option<RootScalarMethod>,
    /// `bracket=(a, b)`: an interval where `f` changes sign.
    pub bracket: Option<(f64, f64)>,
    /// `x0`: the initial guess of the open methods.
    pub x0: Option<f64>,
    /// `x1`: the second guess of the secant method.
    pub x1: Option<f64>,
    /// `fprime`: the derivative of `f`.
    pub fprime: Option<&'a dyn Fn(f64) -> f64>,
    /// `fprime2`: the second derivative of `f`.
    pub fprime2: Option<&'a dyn Fn(f64) -> f64>,
    /// `xtol`: absolute tolerance (default 2e-12 for bracketing methods, 1.48e-8 otherwise).
    pub xtol: Option<f64>,
    /// `rtol`: relative tolerance (default 4 eps for bracketing methods, 0 otherwise).
    pub rtol: Option<f64>,
    /// `maxiter`: iteration limit (default 100 for bracketing methods, 50 otherwise).
    pub maxiter: Option<usize>,
    /// `k` (toms748 only, `options={'k': ...}`): Newton-quadratic steps per iteration
    /// (default 1; values below 1 become 1, above 100 become 100, as SciPy).
    pub k: Option<usize>,
}

impl fmt::Debug for RootScalarOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RootScalarOptions")
            .field("method", &self.method)
            .field("bracket", &self.bracket)
            .field("x0", &self.x0)
            .field("x1", &self.x1)
            .field("fprime", &self.fprime.is_some())
            .field("fprime2", &self.fprime2.is_some())
            .field("xtol", &self.xtol)
            .field("rtol", &self.rtol)
            .field("maxiter", &self.maxiter)
            .field("k", &self.k)
            .finish()
    }
}

/// Counts calls and remembers the first NaN, like SciPy's NaN guard around the C solvers.
struct Guarded<F> {
    f: F,
    calls: usize,
    nan_at: Option<(f64, usize)>,
}

impl<F: FnMut(f64) -> f64> Guarded<F> {
    fn call(&mut self, x: f64) -> f64 {
        let v = (self.f)(x);
        self.calls += 1;
        if v.is_nan() && self.nan_at.is_none() {
            self.nan_at = Some((x, self.calls));
        }
        v
    }
}

/// Finds a root of a scalar function.
///
/// SciPy equivalent: `scipy.optimize.root_scalar`.
///
/// The bracketing methods follow SciPy's C loops step for step, and Newton, Halley and secant
/// its Python loops, so `root`, `iterations` and `function_calls` agree with SciPy's.
/// Not converging is not an error: `converged` is `false` and `flag` says why.
///
/// # Errors
///
/// * [`OptimizeError::MissingArgument`] when neither a bracket nor `x0` is given, or the chosen
///   method lacks what it needs (a bracket, `x0`, `fprime`, `fprime2`).
/// * [`OptimizeError::BracketSign`] when `f(a)` and `f(b)` have the same sign.
/// * [`OptimizeError::InvalidValue`] for a tolerance that is too small, `maxiter` of 0 for the
///   open methods, `x1 == x0`, or a non-finite bracket end.
///
/// # Examples
///
/// ```
/// use sci_optimize::{root_scalar, RootScalarOptions, RootScalarMethod};
/// let f = |x: f64| (x - 1.0) * (x - 2.0);
/// let df = |x: f64| 2.0 * x - 3.0;
/// let r = root_scalar(f, &RootScalarOptions { x0: Some(0.0), fprime: Some(&df), ..Default::default() })?;
/// assert_eq!(r.method, RootScalarMethod::Newton);
/// assert!((r.root - 1.0).abs() < 1e-12);
/// assert_eq!((r.iterations, r.function_calls), (6, 12)); // as SciPy
///
/// let r = root_scalar(f, &RootScalarOptions { bracket: Some((1.5, 10.0)), ..Default::default() })?;
/// assert_eq!((r.root, r.iterations, r.function_calls), (2.0, 14, 15));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn root_scalar<F: FnMut(f64) -> f64>(f: F, options: &RootScalarOptions<'_>) -> Result<RootResults> {
    let o = options;
    let method = match o.method {
        Some(m) => m,
        None if o.bracket.is_some() => RootScalarMethod::Brentq,
        None if o.x0.is_some() => match (o.fprime.is_some(), o.fprime2.is_some(), o.x1.is_some()) {
            (true, true, _) => RootScalarMethod::Halley,
            (true, false, _) => RootScalarMethod::Newton,
            (false, _, true) => RootScalarMethod::Secant,
            _ => RootScalarMethod::Newton,
        },
        None => {
            return Err(invalid(
                "bracket",
                "unable to select a solver as neither bracket nor starting point provided",
            ));
        }
    };
    let name = method.name();
    if o.k.is_some() && method != RootScalarMethod::Toms748 {
        return Err(OptimizeError::UnsupportedOption { method: name, option: "k" });
    }
    if method == RootScalarMethod::Toms748 {
        let (a, b) = o.bracket.ok_or(OptimizeError::MissingArgument { method: name, arg: "bracket" })?;
        let mut f = f;
        let opts = BracketOptions {
            xtol: o.xtol.unwrap_or(BRACKET_XTOL),
            rtol: o.rtol.unwrap_or(BRACKET_RTOL),
            maxiter: o.maxiter.unwrap_or(100),
            k: o.k.unwrap_or(1),
        };
        return toms748_run(&mut f, a, b, &opts);
    }
    let mut g = Guarded { f, calls: 0, nan_at: None };
    let mut res = if method.is_bracketing() {
        let (a, b) = o.bracket.ok_or(OptimizeError::MissingArgument { method: name, arg: "bracket" })?;
        let xtol = o.xtol.unwrap_or(BRACKET_XTOL);
        let rtol = o.rtol.unwrap_or(BRACKET_RTOL);
        let maxiter = o.maxiter.unwrap_or(100);
        check_bracket_args(a, b, xtol, rtol)?;
        let fa = g.call(a);
        let fb = g.call(b);
        let same_sign = if matches!(method, RootScalarMethod::Bisect | RootScalarMethod::Ridder) {
            fa != 0.0 && fb != 0.0 && fa.is_sign_negative() == fb.is_sign_negative()
        } else {
            fa * fb > 0.0
        };
        if same_sign {
            return Err(OptimizeError::BracketSign { fa, fb });
        }
        let mut call = |x: f64| g.call(x);
        match method {
            RootScalarMethod::Brentq => {
                bracket::brent(&mut call, a, b, fa, fb, xtol, rtol, maxiter, BrentKind::Quadratic)
            }
            RootScalarMethod::Brenth => {
                bracket::brent(&mut call, a, b, fa, fb, xtol, rtol, maxiter, BrentKind::Hyperbolic)
            }
            RootScalarMethod::Bisect => bracket::bisect(&mut call, a, b, fa, fb, xtol, rtol, maxiter),
            _ => bracket::ridder(&mut call, a, b, fa, fb, xtol, rtol, maxiter),
        }
    } else {
        let x0 = o.x0.ok_or(OptimizeError::MissingArgument { method: name, arg: "x0" })?;
        let tol = o.xtol.unwrap_or(1.48e-8);
        let rtol = o.rtol.unwrap_or(0.0);
        let maxiter = o.maxiter.unwrap_or(50);
        if tol.is_nan() || tol <= 0.0 {
            return Err(invalid("xtol", format!("tol too small ({tol} <= 0)")));
        }
        if maxiter < 1 {
            return Err(invalid("maxiter", "maxiter must be greater than 0"));
        }
        match method {
            RootScalarMethod::Secant => {
                if o.x1 == Some(x0) {
                    return Err(invalid("x1", "x1 and x0 must be different"));
                }
                newton::secant_iter(&mut |x| g.call(x), x0, o.x1, tol, rtol, maxiter).0
            }
            RootScalarMethod::Halley => {
                let fp = o.fprime.ok_or(OptimizeError::MissingArgument { method: name, arg: "fprime" })?;
                let fp2 = o.fprime2.ok_or(OptimizeError::MissingArgument { method: name, arg: "fprime2" })?;
                newton::newton_iter(
                    &mut |x| g.call(x),
                    &mut |x| fp(x),
                    Some(&mut |x| fp2(x)),
                    x0,
                    tol,
                    rtol,
                    maxiter,
                )
                .0
            }
            _ => match o.fprime {
                Some(fp) => {
                    newton::newton_iter(&mut |x| g.call(x), &mut |x| fp(x), None, x0, tol, rtol, maxiter).0
                }
                None => {
                    // SciPy approximates the derivative with `approx_derivative(method='2-point')`.
                    let g = std::cell::RefCell::new(&mut g);
                    let mut fcall = |x: f64| g.borrow_mut().call(x);
                    let mut dcall = |x: f64| {
                        let mut gg = g.borrow_mut();
                        let f0 = gg.call(x);
                        let h = crate::numdiff::step_2point(x);
                        (gg.call(x + h) - f0) / h
                    };
                    newton::newton_iter(&mut fcall, &mut dcall, None, x0, tol, rtol, maxiter).0
                }
            },
        }
    };
    if let Some((x, calls)) = g.nan_at {
        res.root = x;
        res.function_calls = calls;
        res.converged = false;
        res.flag = RootFlag::NanValue;
    }
    Ok(res)
}

fn check_bracket_args(a: f64, b: f64, xtol: f64, rtol: f64) -> Result<()> {
    if !a.is_finite() || !b.is_finite() {
        return Err(invalid("bracket", format!("bracket ends must be finite, got ({a}, {b})")));
    }
    if xtol.is_nan() || xtol <= 0.0 {
        return Err(invalid("xtol", format!("xtol too small ({xtol} <= 0)")));
    }
    if rtol.is_nan() || rtol < BRACKET_RTOL {
        return Err(invalid("rtol", format!("rtol too small ({rtol} < {BRACKET_RTOL})")));
    }
    Ok(())
}

/// Tolerances of the bracketing shortcuts ([`brentq_with`], [`brenth_with`], [`bisect_with`],
/// [`ridder_with`], [`toms748`]): SciPy's keyword arguments with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_optimize::BracketOptions;
/// let o = BracketOptions { xtol: 1e-6, ..Default::default() };
/// assert_eq!((o.rtol, o.maxiter, o.k), (4.0 * f64::EPSILON, 100, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BracketOptions {
    /// `xtol` (default 2e-12): absolute tolerance, must be positive.
    pub xtol: f64,
    /// `rtol` (default `4 * eps`, also the smallest allowed; toms748 allows down to `eps`).
    pub rtol: f64,
    /// `maxiter` (default 100).
    pub maxiter: usize,
    /// `k` (toms748 only, default 1): Newton-quadratic steps per iteration.
    pub k: usize,
}

impl Default for BracketOptions {
    fn default() -> Self {
        BracketOptions { xtol: BRACKET_XTOL, rtol: BRACKET_RTOL, maxiter: 100, k: 1 }
    }
}

fn toms748_run(f: &mut dyn FnMut(f64) -> f64, a: f64, b: f64, o: &BracketOptions) -> Result<RootResults> {
    if o.xtol.is_nan() || o.xtol <= 0.0 {
        return Err(invalid("xtol", format!("xtol too small ({} <= 0)", o.xtol)));
    }
    if o.rtol.is_nan() || o.rtol < BRACKET_RTOL / 4.0 {
        return Err(invalid("rtol", format!("rtol too small ({} < {})", o.rtol, BRACKET_RTOL / 4.0)));
    }
    if o.maxiter < 1 {
        return Err(invalid("maxiter", "maxiter must be greater than 0"));
    }
    if !a.is_finite() {
        return Err(invalid("a", format!("a is not finite {a}")));
    }
    if !b.is_finite() {
        return Err(invalid("b", format!("b is not finite {b}")));
    }
    if a >= b {
        return Err(invalid("bracket", format!("a and b are not an interval [{a}, {b}]")));
    }
    toms748::toms748(f, a, b, o.k, o.xtol, o.rtol, o.maxiter)
}

fn converged_root<T: newton::NewtonScalar>(r: RootResults<T>) -> Result<T> {
    if r.converged {
        Ok(r.root)
    } else {
        Err(OptimizeError::NoConvergence {
            message: format!("{} after {} iterations, value is {}", r.flag, r.iterations, r.root.repr()),
        })
    }
}

fn shortcut<F: FnMut(f64) -> f64>(
    f: F,
    a: f64,
    b: f64,
    method: RootScalarMethod,
    o: &BracketOptions,
) -> Result<f64> {
    let r = root_scalar(
        f,
        &RootScalarOptions {
            method: Some(method),
            bracket: Some((a, b)),
            xtol: Some(o.xtol),
            rtol: Some(o.rtol),
            maxiter: Some(o.maxiter),
            ..Default::default()
        },
    )?;
    converged_root(r)
}

/// Root of `f` in `[a, b]` by TOMS Algorithm 748 (Alefeld, Potra and Shi): inverse cubic
/// interpolation and Newton-quadratic steps that shrink the bracket every iteration.
///
/// SciPy equivalent: `scipy.optimize.toms748` (`k`, `xtol`, `rtol`, `maxiter` in
/// [`BracketOptions`]; `root_scalar` with [`RootScalarMethod::Toms748`] gives the counts).
///
/// The steps are SciPy's `TOMS748Solver`'s, so roots, iterations and calls agree with SciPy's.
///
/// # Errors
///
/// * [`OptimizeError::BracketSign`] when `f(a)`, `f(b)` have the same sign.
/// * [`OptimizeError::InvalidValue`] for `xtol <= 0`, `rtol < eps`, `maxiter == 0`,
///   non-finite `a` or `b`, `a >= b`, or an infinite function value.
/// * [`OptimizeError::NoConvergence`] after `maxiter` iterations or at a NaN function value.
///
/// # Examples
///
/// ```
/// use sci_optimize::{toms748, root_scalar, BracketOptions, RootScalarMethod, RootScalarOptions};
/// let f = |x: f64| x.powi(3) - 1.0; // only one real root at x = 1
/// let x = toms748(f, 0.0, 2.0, &BracketOptions::default())?;
/// assert_eq!(x, 1.0);
/// let r = root_scalar(f, &RootScalarOptions {
///     method: Some(RootScalarMethod::Toms748), bracket: Some((0.0, 2.0)), ..Default::default()
/// })?;
/// assert_eq!((r.iterations, r.function_calls), (5, 11)); // as SciPy
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn toms748<F: FnMut(f64) -> f64>(mut f: F, a: f64, b: f64, options: &BracketOptions) -> Result<f64> {
    converged_root(toms748_run(&mut f, a, b, options)?)
}

/// [`brentq`] with SciPy's `xtol`, `rtol` and `maxiter` keywords.
///
/// SciPy equivalent: `scipy.optimize.brentq(f, a, b, xtol=..., rtol=..., maxiter=...)`.
///
/// # Errors
///
/// As [`brentq`]; [`OptimizeError::InvalidValue`] for `xtol <= 0` or `rtol < 4 eps`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{brentq_with, BracketOptions};
/// let x = brentq_with(|x| x * x - 2.0, 0.0, 2.0, &BracketOptions { xtol: 1e-3, ..Default::default() })?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-3);
/// assert!(brentq_with(|x| x * x - 2.0, 0.0, 2.0, &BracketOptions { maxiter: 2, ..Default::default() }).is_err());
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn brentq_with<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, options: &BracketOptions) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Brentq, options)
}

/// [`brenth`] with SciPy's `xtol`, `rtol` and `maxiter` keywords.
///
/// SciPy equivalent: `scipy.optimize.brenth(f, a, b, xtol=..., rtol=..., maxiter=...)`.
///
/// # Errors
///
/// As [`brentq_with`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{brenth_with, BracketOptions};
/// let x = brenth_with(|x| x * x - 2.0, 0.0, 2.0, &BracketOptions { xtol: 1e-3, ..Default::default() })?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-3);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn brenth_with<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, options: &BracketOptions) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Brenth, options)
}

/// [`bisect`] with SciPy's `xtol`, `rtol` and `maxiter` keywords.
///
/// SciPy equivalent: `scipy.optimize.bisect(f, a, b, xtol=..., rtol=..., maxiter=...)`.
///
/// # Errors
///
/// As [`brentq_with`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{bisect_with, BracketOptions};
/// let x = bisect_with(|x| x * x - 2.0, 0.0, 2.0, &BracketOptions { xtol: 1e-3, ..Default::default() })?;
/// assert_eq!(x, 1.4150390625); // as SciPy
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn bisect_with<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, options: &BracketOptions) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Bisect, options)
}

/// [`ridder`] with SciPy's `xtol`, `rtol` and `maxiter` keywords.
///
/// SciPy equivalent: `scipy.optimize.ridder(f, a, b, xtol=..., rtol=..., maxiter=...)`.
///
/// # Errors
///
/// As [`brentq_with`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{ridder_with, BracketOptions};
/// let x = ridder_with(|x| x * x - 2.0, 0.0, 2.0, &BracketOptions { xtol: 1e-3, ..Default::default() })?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-3);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn ridder_with<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, options: &BracketOptions) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Ridder, options)
}

/// Root of `f` in `[a, b]` by Brent's method (SciPy's defaults `xtol=2e-12`, `rtol=4*eps`,
/// `maxiter=100`; [`brentq_with`] takes other tolerances, [`root_scalar`] gives the counts).
///
/// SciPy equivalent: `scipy.optimize.brentq`.
///
/// # Errors
///
/// [`OptimizeError::BracketSign`] when `f(a)`, `f(b)` have the same sign;
/// [`OptimizeError::NoConvergence`] after 100 iterations (SciPy's `RuntimeError`).
///
/// # Examples
///
/// ```
/// let x = sci_optimize::brentq(|x| x * x - 1.0, -2.0, 0.0)?;
/// assert!((x + 1.0).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn brentq<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Brentq, &BracketOptions::default())
}

/// Root of `f` in `[a, b]` by Brent's method with hyperbolic extrapolation.
///
/// SciPy equivalent: `scipy.optimize.brenth`.
///
/// # Errors
///
/// As [`brentq`].
///
/// # Examples
///
/// ```
/// let x = sci_optimize::brenth(|x| x * x - 2.0, 0.0, 2.0)?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn brenth<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Brenth, &BracketOptions::default())
}

/// Root of `f` in `[a, b]` by bisection.
///
/// SciPy equivalent: `scipy.optimize.bisect`.
///
/// # Errors
///
/// As [`brentq`].
///
/// # Examples
///
/// ```
/// let x = sci_optimize::bisect(|x| x * x - 2.0, 0.0, 2.0)?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-11);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn bisect<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Bisect, &BracketOptions::default())
}

/// Root of `f` in `[a, b]` by Ridders' method.
///
/// SciPy equivalent: `scipy.optimize.ridder`.
///
/// # Errors
///
/// As [`brentq`].
///
/// # Examples
///
/// ```
/// let x = sci_optimize::ridder(|x| x * x - 2.0, 0.0, 2.0)?;
/// assert!((x - 2f64.sqrt()).abs() < 1e-11);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn ridder<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64) -> Result<f64> {
    shortcut(f, a, b, RootScalarMethod::Ridder, &BracketOptions::default())
}

/// Root of `f` near `x0`: Newton-Raphson with `fprime`, else the secant method (SciPy's
/// defaults `tol=1.48e-8`, `maxiter=50`). [`newton_with`] takes SciPy's other arguments
/// (`fprime2`, `x1`, `rtol`, `disp`, `full_output`) and [`newton_array`] an array `x0`.
///
/// SciPy equivalent: `scipy.optimize.newton` (scalar `x0`).
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] when the iteration does not converge or the derivative is
/// zero (SciPy's `RuntimeError` with `disp=True`).
///
/// # Examples
///
/// ```
/// let f = |x: f64| x.powi(3) - 1.0;
/// let df = |x: f64| 3.0 * x * x;
/// let x = sci_optimize::newton(f, 1.5, Some(&df))?;
/// assert!((x - 1.0).abs() < 1e-12);
/// let x = sci_optimize::newton(f, 1.5, None)?; // secant
/// assert!((x - 1.0).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton<F: FnMut(f64) -> f64>(f: F, x0: f64, fprime: Option<&dyn Fn(f64) -> f64>) -> Result<f64> {
    let method = if fprime.is_some() { RootScalarMethod::Newton } else { RootScalarMethod::Secant };
    let r = root_scalar(
        f,
        &RootScalarOptions { method: Some(method), x0: Some(x0), fprime, ..Default::default() },
    )?;
    converged_root(r)
}

/// [`newton`] from a complex `x0`: Newton-Raphson with `fprime`, else the secant method, in
/// complex arithmetic (SciPy's defaults `tol=1.48e-8`, `maxiter=50`; [`newton_complex_with`]
/// takes SciPy's other arguments).
///
/// SciPy equivalent: `scipy.optimize.newton` with a complex `x0`.
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] when the iteration does not converge or the derivative is
/// zero (SciPy's `RuntimeError`).
///
/// # Examples
///
/// ```
/// use sci_optimize::sci_array::num_complex::Complex64;
/// let f = |z: Complex64| z * z * z - 1.0;
/// let df = |z: Complex64| 3.0 * z * z;
/// let z = sci_optimize::newton_complex(f, Complex64::new(-1.0, 1.0), Some(&df))?;
/// assert!((z - Complex64::new(-0.5, 3f64.sqrt() / 2.0)).norm() < 1e-15);
/// let z = sci_optimize::newton_complex(f, Complex64::new(-1.0, -1.0), None)?; // secant
/// assert!((z - Complex64::new(-0.5, -(3f64.sqrt()) / 2.0)).norm() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton_complex<F: FnMut(Complex64) -> Complex64>(
    f: F,
    x0: Complex64,
    fprime: Option<&dyn Fn(Complex64) -> Complex64>,
) -> Result<Complex64> {
    converged_root(newton_complex_with(f, x0, &NewtonComplexOptions { fprime, ..Default::default() })?)
}

//! `newton` with all of SciPy's keyword arguments: [`newton_with`] (scalar, `full_output`,
//! `disp`) and [`newton_array`] (SciPy's vectorized `_array_newton`), and their complex forms
//! [`newton_complex_with`] and [`newton_array_complex`].

use super::newton::{LoopFn, NewtonScalar, newton_iter, secant_iter};
use super::{RootResults, RootScalarMethod};
use crate::error::{OptimizeError, Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use sci_array::num_complex::Complex64;
use std::fmt;

/// A scalar function given by reference (derivatives of [`newton_with`]).
pub type ScalarFn<'a> = &'a dyn Fn(f64) -> f64;
/// A vectorized function given by reference (derivatives of [`newton_array`]).
pub type ArrayFn<'a> = &'a dyn Fn(&Array1<f64>) -> Array1<f64>;

/// Options of [`newton_with`] ([`NewtonOptions`], `T = f64`) and [`newton_complex_with`]
/// ([`NewtonComplexOptions`], `T = Complex64`): SciPy's keyword arguments of `newton` with its
/// defaults (`args` are captured by the closures).
///
/// # Examples
///
/// ```
/// let o = sci_optimize::NewtonOptions::default();
/// assert_eq!((o.tol, o.maxiter, o.rtol, o.disp), (1.48e-8, 50, 0.0, true));
/// let o = sci_optimize::NewtonComplexOptions::default();
/// assert_eq!((o.tol, o.maxiter, o.x1), (1.48e-8, 50, None));
/// ```
#[derive(Clone, Copy)]
pub struct NewtonOptionsFor<'a, T> {
    /// `fprime`: the derivative; without it the secant method is used.
    pub fprime: Option<&'a dyn Fn(T) -> T>,
    /// `fprime2`: the second derivative; with `fprime` it makes the step Halley's.
    pub fprime2: Option<&'a dyn Fn(T) -> T>,
    /// `tol` (default 1.48e-8): absolute tolerance on the step, must be positive.
    pub tol: f64,
    /// `maxiter` (default 50): at least 1.
    pub maxiter: usize,
    /// `x1`: the second starting point of the secant method (default `x0 (1 + 1e-4) ± 1e-4`,
    /// `+` when `x0 (1 + 1e-4) >= 0`; complex numbers compare as NumPy orders them, by real
    /// part, then imaginary part).
    pub x1: Option<T>,
    /// `rtol` (default 0): relative tolerance on the step.
    pub rtol: f64,
    /// `disp` (default true): not converging is an error; with `false` it is reported by
    /// `converged` and `flag`.
    pub disp: bool,
}

/// The options of [`newton_with`] (real `x0`).
pub type NewtonOptions<'a> = NewtonOptionsFor<'a, f64>;
/// The options of [`newton_complex_with`] (complex `x0`).
pub type NewtonComplexOptions<'a> = NewtonOptionsFor<'a, Complex64>;

impl<T> Default for NewtonOptionsFor<'_, T> {
    fn default() -> Self {
        NewtonOptionsFor {
            fprime: None,
            fprime2: None,
            tol: 1.48e-8,
            maxiter: 50,
            x1: None,
            rtol: 0.0,
            disp: true,
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for NewtonOptionsFor<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewtonOptions")
            .field("fprime", &self.fprime.is_some())
            .field("fprime2", &self.fprime2.is_some())
            .field("tol", &self.tol)
            .field("maxiter", &self.maxiter)
            .field("x1", &self.x1)
            .field("rtol", &self.rtol)
            .field("disp", &self.disp)
            .finish()
    }
}

/// SciPy's checks of `tol` and `maxiter` (a NaN `tol` is refused too: SciPy would stop at once).
fn check_tol_maxiter(tol: f64, maxiter: usize) -> Result<()> {
    if tol.is_nan() || tol <= 0.0 {
        return Err(invalid("tol", format!("tol too small ({tol} <= 0)")));
    }
    if maxiter < 1 {
        return Err(invalid("maxiter", "maxiter must be greater than 0"));
    }
    Ok(())
}

/// A root of a scalar function near `x0` by Newton-Raphson (with `fprime`), Halley (with
/// `fprime` and `fprime2`) or the secant method, with SciPy's `full_output` result.
///
/// SciPy's loops step by step: the step is `f / f'` (divided by `1 - (f / f') f'' / (2 f')`
/// for Halley when that term is below 1 in absolute value), and the iteration stops when
/// `|p - p0| <= tol + rtol |p0|`. `root`, `iterations`, `function_calls` (each `fprime` and
/// `fprime2` call counts as one) and `flag` are SciPy's.
///
/// SciPy equivalent: `scipy.optimize.newton(..., full_output=True)` (scalar `x0`).
///
/// # Errors
///
/// With `disp` (the default), [`OptimizeError::NoConvergence`] with SciPy's `RuntimeError`
/// message: "Derivative was zero. ...", "Tolerance of ... reached. ..." (secant, equal function
/// values at different points), "Failed to converge after N iterations, value is p.".
/// [`OptimizeError::InvalidValue`]: `tol` not positive, `maxiter` of 0, `x1 == x0`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{NewtonOptions, RootScalarMethod, newton_with};
/// let f = |x: f64| x * x * x - 1.0;
/// let (df, d2f) = (|x: f64| 3.0 * x * x, |x: f64| 6.0 * x);
/// let r = newton_with(f, 1.5, &NewtonOptions { fprime: Some(&df), fprime2: Some(&d2f), ..Default::default() })?;
/// assert_eq!(r.method, RootScalarMethod::Halley);
/// assert_eq!((r.root, r.iterations, r.function_calls), (1.0, 4, 12)); // as SciPy
///
/// let r = newton_with(f, 1.5, &NewtonOptions::default())?; // secant
/// assert_eq!((r.root, r.iterations, r.function_calls), (1.0000000000000016, 7, 8));
///
/// // x^2 + 1 has no real root: an error, or a result saying so with disp = false.
/// let g = |x: f64| x * x + 1.0;
/// let dg = |x: f64| 2.0 * x;
/// assert!(newton_with(g, 0.5, &NewtonOptions { fprime: Some(&dg), ..Default::default() }).is_err());
/// let o = NewtonOptions { fprime: Some(&dg), disp: false, ..Default::default() };
/// assert!(!newton_with(g, 0.5, &o)?.converged);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton_with<F: FnMut(f64) -> f64>(
    mut f: F,
    x0: f64,
    options: &NewtonOptions<'_>,
) -> Result<RootResults> {
    scalar_newton(&mut f, x0, options)
}

/// [`newton_with`] in complex arithmetic: a root of an analytic function near a complex `x0`
/// (SciPy's `newton` with a complex `x0`), by Newton-Raphson (with `fprime`), Halley (with
/// `fprime` and `fprime2`) or the secant method.
///
/// SciPy's loops in NumPy's `complex128` arithmetic: complex steps (NumPy's division), the
/// Halley correction applied when `|adj| < 1`, convergence when `|p - p0| <= tol + rtol |p0|`,
/// and the secant's default second point `x0 (1 + 1e-4) ± 1e-4` with `+` when `x0 (1 + 1e-4)`
/// is at least 0 in NumPy's order (real part, then imaginary part). `root`, `iterations`,
/// `function_calls` and `flag` are SciPy's.
///
/// SciPy equivalent: `scipy.optimize.newton(..., full_output=True)` with a complex `x0`.
///
/// # Errors
///
/// As [`newton_with`]; values in the messages are printed as NumPy prints a `complex128`
/// (`(1+2j)`).
///
/// # Examples
///
/// `z^2 + 1` has no real root; from `1 + i` Newton finds `i`:
///
/// ```
/// use sci_optimize::sci_array::num_complex::Complex64;
/// use sci_optimize::{NewtonComplexOptions, newton_complex_with};
/// let f = |z: Complex64| z * z + 1.0;
/// let df = |z: Complex64| 2.0 * z;
/// let o = NewtonComplexOptions { fprime: Some(&df), ..Default::default() };
/// let r = newton_complex_with(f, Complex64::new(1.0, 1.0), &o)?;
/// assert!(r.converged && (r.root - Complex64::i()).norm() < 1e-15);
/// assert_eq!((r.iterations, r.function_calls), (6, 12)); // as SciPy
///
/// // the secant method from SciPy's second point
/// let r = newton_complex_with(f, Complex64::new(1.0, 1.0), &NewtonComplexOptions::default())?;
/// assert!(r.converged && (r.root - Complex64::i()).norm() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton_complex_with<F: FnMut(Complex64) -> Complex64>(
    mut f: F,
    x0: Complex64,
    options: &NewtonComplexOptions<'_>,
) -> Result<RootResults<Complex64>> {
    scalar_newton(&mut f, x0, options)
}

/// The scalar `newton` of SciPy for either arithmetic.
fn scalar_newton<T: NewtonScalar>(
    f: LoopFn<'_, T>,
    x0: T,
    o: &NewtonOptionsFor<'_, T>,
) -> Result<RootResults<T>> {
    check_tol_maxiter(o.tol, o.maxiter)?;
    let (res, msg) = match o.fprime {
        Some(fp) => {
            // SciPy names the method "halley" only once `fprime2` has been called.
            let halley_steps = std::cell::Cell::new(0);
            let mut fp2 = o.fprime2.map(|g| {
                |x| {
                    halley_steps.set(halley_steps.get() + 1);
                    g(x)
                }
            });
            let fp2 = fp2.as_mut().map(|g| g as LoopFn<'_, T>);
            let (mut res, msg) = newton_iter(f, &mut |x| fp(x), fp2, x0, o.tol, o.rtol, o.maxiter);
            if halley_steps.get() == 0 {
                res.method = RootScalarMethod::Newton;
            }
            (res, msg)
        }
        None => {
            if o.x1 == Some(x0) {
                return Err(invalid("x1", "x1 and x0 must be different"));
            }
            secant_iter(f, x0, o.x1, o.tol, o.rtol, o.maxiter)
        }
    };
    match msg {
        Some(message) if o.disp => Err(OptimizeError::NoConvergence { message }),
        _ => Ok(res),
    }
}

/// Options of [`newton_array`] ([`NewtonArrayOptions`], `T = f64`) and
/// [`newton_array_complex`] ([`NewtonArrayComplexOptions`], `T = Complex64`): SciPy's keyword
/// arguments of `newton` that its vectorized path uses, with its defaults.
///
/// # Examples
///
/// ```
/// let o = sci_optimize::NewtonArrayOptions::default();
/// assert_eq!((o.tol, o.maxiter), (1.48e-8, 50));
/// let o = sci_optimize::NewtonArrayComplexOptions::default();
/// assert!(o.fprime.is_none());
/// ```
#[derive(Clone, Copy)]
pub struct NewtonArrayOptionsFor<'a, T> {
    /// `fprime`: the derivative, entry by entry; without it the secant method is used.
    pub fprime: Option<&'a dyn Fn(&Array1<T>) -> Array1<T>>,
    /// `fprime2`: the second derivative; with `fprime` it makes the step Halley's.
    pub fprime2: Option<&'a dyn Fn(&Array1<T>) -> Array1<T>>,
    /// `tol` (default 1.48e-8): an entry has converged when its step is below it.
    pub tol: f64,
    /// `maxiter` (default 50).
    pub maxiter: usize,
}

/// The options of [`newton_array`] (real `x0`).
pub type NewtonArrayOptions<'a> = NewtonArrayOptionsFor<'a, f64>;
/// The options of [`newton_array_complex`] (complex `x0`).
pub type NewtonArrayComplexOptions<'a> = NewtonArrayOptionsFor<'a, Complex64>;

impl<T> Default for NewtonArrayOptionsFor<'_, T> {
    fn default() -> Self {
        NewtonArrayOptionsFor { fprime: None, fprime2: None, tol: 1.48e-8, maxiter: 50 }
    }
}

impl<T> fmt::Debug for NewtonArrayOptionsFor<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewtonArrayOptions")
            .field("fprime", &self.fprime.is_some())
            .field("fprime2", &self.fprime2.is_some())
            .field("tol", &self.tol)
            .field("maxiter", &self.maxiter)
            .finish()
    }
}

/// The result of [`newton_array`] (SciPy's `full_output=True` named tuple);
/// `NewtonArrayResult<Complex64>` from [`newton_array_complex`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewtonArrayResult<T = f64> {
    /// `root`: the estimates.
    pub root: Array1<T>,
    /// `converged`: which entries converged.
    pub converged: Array1<bool>,
    /// `zero_der`: which entries stopped on a zero derivative (Newton, Halley) or equal function
    /// values (secant) without converging.
    pub zero_der: Array1<bool>,
}

/// Roots of `n` scalar functions at once: `f` maps `x` to the `n` function values (entry `i`
/// depending on `x[i]` only), and each entry runs Newton (with `fprime`), Halley (with
/// `fprime` and `fprime2`) or the secant method from `x0[i]`.
///
/// SciPy's `_array_newton`, which differs from the scalar loop: an entry stops being updated
/// once its derivative is zero, it has converged when its step is below `tol` (`rtol` and `x1`
/// are not used), Halley's correction is always applied, the secant's second point is
/// `x0 (1 + eps^0.33) ± eps^0.33`, and the loop ends when every entry with a nonzero
/// derivative has converged. As in SciPy, an `x0` of length 1 takes the scalar path instead
/// ([`newton_with`] with `disp`).
///
/// SciPy equivalent: `scipy.optimize.newton(..., full_output=True)` with an array `x0`.
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] "all failed to converge after N iterations" when no entry
/// converged and none stopped on a zero derivative (SciPy's `RuntimeError`; when only some
/// failed SciPy warns, here `converged` says which). [`OptimizeError::WrongLength`] when `f`,
/// `fprime` or `fprime2` return another length; [`OptimizeError::InvalidValue`] for `tol` not
/// positive, `maxiter` of 0 or an empty `x0` (SciPy fails on it).
///
/// # Examples
///
/// SciPy's docstring example, the cube roots of `a = -50 ... 49`:
///
/// ```
/// use sci_optimize::{NewtonArrayOptions, newton_array};
/// use sci_optimize::sci_array::ndarray::Array1;
/// let a = Array1::from_iter((-50..50).map(f64::from));
/// let f = |x: &Array1<f64>| x * x * x - &a;
/// let fder = |x: &Array1<f64>| 3.0 * x * x;
/// let x0 = Array1::linspace(-2.0, 2.0, 100);
/// let o = NewtonArrayOptions { fprime: Some(&fder), maxiter: 200, ..Default::default() };
/// let r = newton_array(f, &x0, &o)?;
/// assert!(r.converged.iter().all(|&c| c));
/// assert!((r.root[0] + 50f64.cbrt()).abs() < 1e-12 && (r.root[99] - 49f64.cbrt()).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton_array<S, F>(
    mut f: F,
    x0: &ArrayBase<S, Ix1>,
    options: &NewtonArrayOptions<'_>,
) -> Result<NewtonArrayResult>
where
    S: Data<Elem = f64>,
    F: FnMut(&Array1<f64>) -> Array1<f64>,
{
    array_newton(&mut f, x0.to_owned(), options)
}

/// [`newton_array`] in complex arithmetic: SciPy's vectorized `newton` with a complex `x0`.
///
/// SciPy's `_array_newton` step for step in `complex128` arithmetic; the secant's second point
/// is `x0 (1 + eps^0.33) ± eps^0.33` with `+` where `x0 >= 0` in NumPy's order (real part,
/// then imaginary part). An `x0` of length 1 takes the scalar path ([`newton_complex_with`]
/// with `disp`), as in SciPy.
///
/// SciPy equivalent: `scipy.optimize.newton(..., full_output=True)` with a complex array `x0`.
///
/// # Errors
///
/// As [`newton_array`].
///
/// # Examples
///
/// The three cube roots of 1 from three starts:
///
/// ```
/// use sci_optimize::sci_array::{ndarray::{Array1, array}, num_complex::Complex64};
/// use sci_optimize::{NewtonArrayComplexOptions, newton_array_complex};
/// let c = Complex64::new;
/// let f = |z: &Array1<Complex64>| z.mapv(|v| v * v * v - 1.0);
/// let df = |z: &Array1<Complex64>| z.mapv(|v| 3.0 * v * v);
/// let x0 = array![c(1.5, 0.1), c(-1.0, 1.0), c(-1.0, -1.0)];
/// let o = NewtonArrayComplexOptions { fprime: Some(&df), ..Default::default() };
/// let r = newton_array_complex(f, &x0, &o)?;
/// let h = 3f64.sqrt() / 2.0;
/// for (z, want) in r.root.iter().zip([c(1.0, 0.0), c(-0.5, h), c(-0.5, -h)]) {
///     assert!((z - want).norm() < 1e-14);
/// }
/// assert!(r.converged.iter().all(|&c| c));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn newton_array_complex<S, F>(
    mut f: F,
    x0: &ArrayBase<S, Ix1>,
    options: &NewtonArrayComplexOptions<'_>,
) -> Result<NewtonArrayResult<Complex64>>
where
    S: Data<Elem = Complex64>,
    F: FnMut(&Array1<Complex64>) -> Array1<Complex64>,
{
    array_newton(&mut f, x0.to_owned(), options)
}

/// A vectorized function of [`array_newton`].
type VecFn<'a, T> = &'a mut dyn FnMut(&Array1<T>) -> Array1<T>;

/// SciPy's `_array_newton` for either arithmetic.
fn array_newton<T: NewtonScalar>(
    f: VecFn<'_, T>,
    mut p: Array1<T>,
    o: &NewtonArrayOptionsFor<'_, T>,
) -> Result<NewtonArrayResult<T>> {
    check_tol_maxiter(o.tol, o.maxiter)?;
    let n = p.len();
    if n == 0 {
        return Err(invalid("x0", "must not be empty"));
    }
    if n == 1 {
        return scalar_path(f, p[0], o);
    }
    let eval = |g: VecFn<'_, T>, arg: &'static str, x: &Array1<T>| {
        let y = g(x);
        if y.len() == n {
            Ok(y)
        } else {
            Err(OptimizeError::WrongLength { arg, expected: n, found: y.len() })
        }
    };
    let zero = T::real(0.0);
    let mut failures = vec![true; n];
    let mut nz_der = vec![true; n];
    if let Some(fp) = o.fprime {
        for _ in 0..o.maxiter {
            let fval = eval(f, "func(x)", &p)?;
            // `not fval.any()`: every value exactly zero (NaN counts as nonzero).
            if fval.iter().all(|&v| v == zero) {
                failures.fill(false);
                break;
            }
            let fder = eval(&mut |x| fp(x), "fprime(x)", &p)?;
            nz_der.iter_mut().zip(&fder).for_each(|(z, &d)| *z = d != zero);
            if !nz_der.contains(&true) {
                break;
            }
            let fder2 = match o.fprime2 {
                Some(fp2) => Some(eval(&mut |x| fp2(x), "fprime2(x)", &p)?),
                None => None,
            };
            for i in (0..n).filter(|&i| nz_der[i]) {
                let mut dp = fval[i].quot(fder[i]);
                if let Some(f2) = &fder2 {
                    dp = dp.quot(T::real(1.0) - (T::real(0.5) * dp * f2[i]).quot(fder[i]));
                }
                p[i] = p[i] - dp;
                failures[i] = dp.mag() >= o.tol;
            }
            if !(0..n).any(|i| nz_der[i] && failures[i]) {
                break;
            }
        }
    } else {
        let dx = f64::EPSILON.powf(0.33);
        let half = |a: T, b: T| (a + b).quot(T::real(2.0));
        let mut p1 = p.mapv(|v| v * T::real(1.0 + dx) + T::real(if v.nonneg() { dx } else { -dx }));
        let mut q0 = eval(f, "func(x)", &p)?;
        let mut q1 = eval(f, "func(x)", &p1)?;
        let mut active = vec![true; n];
        for _ in 0..o.maxiter {
            nz_der.iter_mut().enumerate().for_each(|(i, z)| *z = q1[i] != q0[i]);
            if !nz_der.contains(&true) {
                p.zip_mut_with(&p1, |a, &b| *a = half(b, *a));
                break;
            }
            for i in 0..n {
                if nz_der[i] {
                    let dp = (q1[i] * (p1[i] - p[i])).quot(q1[i] - q0[i]);
                    p[i] = p1[i] - dp;
                    failures[i] = dp.mag() >= o.tol;
                } else if active[i] {
                    p[i] = half(p1[i], p[i]);
                }
                active[i] &= nz_der[i];
            }
            if !(0..n).any(|i| nz_der[i] && failures[i]) {
                break;
            }
            std::mem::swap(&mut p1, &mut p);
            q0 = q1;
            q1 = eval(f, "func(x)", &p1)?;
        }
    }
    let zero_der: Array1<bool> = (0..n).map(|i| !nz_der[i] && failures[i]).collect();
    if !zero_der.iter().any(|&z| z) && failures.iter().all(|&f| f) {
        return Err(OptimizeError::NoConvergence {
            message: format!("all failed to converge after {} iterations", o.maxiter),
        });
    }
    Ok(NewtonArrayResult { root: p, converged: failures.iter().map(|&f| !f).collect(), zero_der })
}

/// `np.size(x0) == 1`: SciPy runs the scalar loop (with `disp=True`) on the one entry.
fn scalar_path<T: NewtonScalar>(
    f: VecFn<'_, T>,
    x0: T,
    o: &NewtonArrayOptionsFor<'_, T>,
) -> Result<NewtonArrayResult<T>> {
    let lift = |g: VecFn<'_, T>, x: T| g(&Array1::from_elem(1, x))[0];
    let fp = o.fprime.map(|g| move |x: T| lift(&mut |v| g(v), x));
    let fp2 = o.fprime2.map(|g| move |x: T| lift(&mut |v| g(v), x));
    let so = NewtonOptionsFor {
        fprime: fp.as_ref().map(|g| g as &dyn Fn(T) -> T),
        fprime2: fp2.as_ref().map(|g| g as &dyn Fn(T) -> T),
        tol: o.tol,
        maxiter: o.maxiter,
        ..Default::default()
    };
    let r = scalar_newton(&mut |x| lift(f, x), x0, &so)?;
    Ok(NewtonArrayResult {
        root: Array1::from_elem(1, r.root),
        converged: Array1::from_elem(1, r.converged),
        zero_der: Array1::from_elem(1, false),
    })
}

//! Double and triple integrals by nested [`quad`], as `scipy.integrate.dblquad`/`tplquad` do
//! through `nquad`.

use crate::error::{IntegrateError, Result};
use crate::quadpack::{QuadOptions, QuadResult, quad};
use std::cell::RefCell;

/// Integrates `g` over the inner range of each outer point, remembering the first error (an
/// inner limit that is NaN) so that the outer integral can report it.
fn inner<G: FnMut(f64) -> f64>(
    g: G,
    lo: f64,
    hi: f64,
    opts: &QuadOptions,
    failure: &RefCell<Option<IntegrateError>>,
) -> f64 {
    match quad(g, lo, hi, opts) {
        Ok(r) => r.value,
        Err(e) => {
            failure.borrow_mut().get_or_insert(e);
            f64::NAN
        }
    }
}

/// Computes the double integral of `func(y, x)` for `x` from `a` to `b` and `y` from `gfun(x)`
/// to `hfun(x)`.
///
/// Both levels use [`quad`] with the same `opts` (SciPy passes `epsabs`/`epsrel` to both); the
/// result's `abserr` and `info` are the outer integral's. Limits may be infinite.
///
/// # Errors
///
/// As [`quad`], for the outer limits or for an inner limit returned by `gfun`/`hfun`.
///
/// # Examples
///
/// ```
/// use sci_integrate::{dblquad, QuadOptions};
/// // x*y over the triangle 0 <= x <= 1/2, 0 <= y <= 1 - 2x: 1/96.
/// let r = dblquad(|y, x| x * y, 0.0, 0.5, |_| 0.0, |x| 1.0 - 2.0 * x, &QuadOptions::default())?;
/// assert!((r.value - 1.0 / 96.0).abs() < 1e-15);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.dblquad` (note the argument order `func(y, x)`).
pub fn dblquad<F, G, H>(
    mut func: F,
    a: f64,
    b: f64,
    mut gfun: G,
    mut hfun: H,
    opts: &QuadOptions,
) -> Result<QuadResult>
where
    F: FnMut(f64, f64) -> f64,
    G: FnMut(f64) -> f64,
    H: FnMut(f64) -> f64,
{
    let failure = RefCell::new(None);
    let outer = |x: f64| {
        let (lo, hi) = (gfun(x), hfun(x));
        inner(|y| func(y, x), lo, hi, opts, &failure)
    };
    let r = quad(outer, a, b, opts)?;
    match failure.into_inner() {
        Some(e) => Err(e),
        None => Ok(r),
    }
}

/// Computes the triple integral of `func(z, y, x)` for `x` from `a` to `b`, `y` from `gfun(x)`
/// to `hfun(x)` and `z` from `qfun(x, y)` to `rfun(x, y)`.
///
/// All three levels use [`quad`] with `opts`; the result's `abserr` and `info` are the
/// outermost integral's.
///
/// # Errors
///
/// As [`quad`], for any of the limits.
///
/// # Examples
///
/// ```
/// use sci_integrate::{tplquad, QuadOptions};
/// // The volume of the unit simplex x, y, z >= 0, x + y + z <= 1 is 1/6.
/// let r = tplquad(
///     |_, _, _| 1.0,
///     0.0, 1.0,
///     |_| 0.0, |x| 1.0 - x,
///     |_, _| 0.0, |x, y| 1.0 - x - y,
///     &QuadOptions::default(),
/// )?;
/// assert!((r.value - 1.0 / 6.0).abs() < 1e-15);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.tplquad` (argument order `func(z, y, x)`).
#[allow(clippy::too_many_arguments)]
pub fn tplquad<F, G, H, Q, R>(
    mut func: F,
    a: f64,
    b: f64,
    mut gfun: G,
    mut hfun: H,
    mut qfun: Q,
    mut rfun: R,
    opts: &QuadOptions,
) -> Result<QuadResult>
where
    F: FnMut(f64, f64, f64) -> f64,
    G: FnMut(f64) -> f64,
    H: FnMut(f64) -> f64,
    Q: FnMut(f64, f64) -> f64,
    R: FnMut(f64, f64) -> f64,
{
    let failure = RefCell::new(None);
    let outer = |x: f64| {
        let (ylo, yhi) = (gfun(x), hfun(x));
        let middle = |y: f64| {
            let (zlo, zhi) = (qfun(x, y), rfun(x, y));
            inner(|z| func(z, y, x), zlo, zhi, opts, &failure)
        };
        inner(middle, ylo, yhi, opts, &failure)
    };
    let r = quad(outer, a, b, opts)?;
    match failure.into_inner() {
        Some(e) => Err(e),
        None => Ok(r),
    }
}

/// The integration range of one variable of [`nquad`] (SciPy's `ranges[i]`).
pub enum NquadRange<'a> {
    /// Constant limits `(low, high)`.
    Fixed(f64, f64),
    /// Limits depending on the outer variables: called with `[x_{i+1}, ..., x_{n-1}]`.
    Func(Box<dyn FnMut(&[f64]) -> (f64, f64) + 'a>),
}

impl std::fmt::Debug for NquadRange<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NquadRange::Fixed(a, b) => write!(f, "Fixed({a}, {b})"),
            NquadRange::Func(_) => write!(f, "Func(..)"),
        }
    }
}

/// The result of [`nquad`] (SciPy's `result, abserr` and `out_dict['neval']`).
#[derive(Debug, Clone, PartialEq)]
pub struct NquadResult {
    /// The integral.
    pub value: f64,
    /// The largest error estimate of all the one-dimensional integrals computed.
    pub abserr: f64,
    /// Evaluations of `func` (SciPy's `neval` with `full_output=True`).
    pub neval: usize,
}

/// The state of one [`nquad`] call.
struct Nquad<'r, F> {
    func: RefCell<F>,
    ranges: Vec<RefCell<NquadRange<'r>>>,
    opts: Vec<QuadOptions>,
    abserr: std::cell::Cell<f64>,
    neval: std::cell::Cell<usize>,
    failure: RefCell<Option<IntegrateError>>,
}

impl<F: FnMut(&[f64]) -> f64> Nquad<'_, F> {
    /// Integrates over the variable `n - 1 - depth`, the outer ones fixed at `args`.
    fn integrate(&self, depth: usize, args: &[f64]) -> Result<f64> {
        let n = self.ranges.len();
        let ind = n - 1 - depth;
        let (lo, hi) = match &mut *self.ranges[ind].borrow_mut() {
            NquadRange::Fixed(a, b) => (*a, *b),
            NquadRange::Func(f) => f(args),
        };
        let opt = &self.opts[ind];
        let mut point = Vec::with_capacity(args.len() + 1);
        let g = |x: f64| {
            point.clear();
            point.push(x);
            point.extend_from_slice(args);
            if depth + 1 == n {
                (self.func.borrow_mut())(&point)
            } else {
                match self.integrate(depth + 1, &point) {
                    Ok(v) => v,
                    Err(e) => {
                        self.failure.borrow_mut().get_or_insert(e);
                        f64::NAN
                    }
                }
            }
        };
        let r = quad(g, lo, hi, opt)?;
        if depth + 1 == n {
            self.neval.set(self.neval.get() + r.info.neval);
        }
        // Python's max(current, new): a NaN estimate never replaces the current one.
        if r.abserr > self.abserr.get() {
            self.abserr.set(r.abserr);
        }
        Ok(r.value)
    }
}

/// Integrates `func(x_0, ..., x_{n-1})` over `n` variables by nested [`quad`]: `x_{n-1}` is
/// the outermost variable, `x_0` the innermost, and the range of `x_i` may depend on the outer
/// variables `x_{i+1}, ..., x_{n-1}` ([`NquadRange::Func`]).
///
/// `opts` holds the [`quad`] options: none (SciPy's defaults), one for every level, or one per
/// variable (`opts[i]` for the integral over `x_i`).
///
/// # Errors
///
/// [`IntegrateError::InvalidValue`] naming `ranges` when there is no variable, or `opts` when
/// its length is neither 0, 1 nor `n`; the errors of [`quad`] for any level's limits or
/// tolerances.
///
/// # Examples
///
/// ```
/// use sci_integrate::{nquad, NquadRange};
/// // x0 x1 over [0, 1] x [0, x1 upper limit 2]: 1/2 * 2 = 1.
/// let r = nquad(
///     |x: &[f64]| x[0] * x[1],
///     vec![NquadRange::Fixed(0.0, 1.0), NquadRange::Fixed(0.0, 2.0)],
///     &[],
/// )?;
/// assert!((r.value - 1.0).abs() < 1e-15);
/// assert_eq!(r.neval, 441); // SciPy: 21 points for each of 21 outer points
/// // The triangle 0 <= x0 <= x1 <= 1 has area 1/2.
/// let r = nquad(
///     |_: &[f64]| 1.0,
///     vec![NquadRange::Func(Box::new(|outer: &[f64]| (0.0, outer[0]))), NquadRange::Fixed(0.0, 1.0)],
///     &[],
/// )?;
/// assert!((r.value - 0.5).abs() < 1e-15);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.nquad(func, ranges, opts=opts, full_output=True)`
/// (options as [`QuadOptions`]: no `points`, `weight` or callable `opts`; no `args`).
pub fn nquad<F>(func: F, ranges: Vec<NquadRange<'_>>, opts: &[QuadOptions]) -> Result<NquadResult>
where
    F: FnMut(&[f64]) -> f64,
{
    let n = ranges.len();
    if n == 0 {
        return Err(IntegrateError::InvalidValue {
            arg: "ranges",
            expected: "at least one range",
            found: "none".to_string(),
        });
    }
    let opts: Vec<QuadOptions> = match opts.len() {
        0 => vec![QuadOptions::default(); n],
        1 => vec![opts[0]; n],
        m if m == n => opts.to_vec(),
        m => {
            return Err(IntegrateError::InvalidValue {
                arg: "opts",
                expected: "none, one, or one per range",
                found: format!("{m} for {n} ranges"),
            });
        }
    };
    let state = Nquad {
        func: RefCell::new(func),
        ranges: ranges.into_iter().map(RefCell::new).collect(),
        opts,
        abserr: std::cell::Cell::new(0.0),
        neval: std::cell::Cell::new(0),
        failure: RefCell::new(None),
    };
    let value = state.integrate(0, &[])?;
    if let Some(e) = state.failure.into_inner() {
        return Err(e);
    }
    Ok(NquadResult { value, abserr: state.abserr.get(), neval: state.neval.get() })
}

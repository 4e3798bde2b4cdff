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

//! SciPy's `LinAlgWarning` for ill-conditioned systems: [`LinAlgWarning`], the
//! [`WarningAction`] of [`SolveOptions`], and [`solve_report`] and [`inv_report`], which return
//! the warning alongside the solution or the inverse.

use std::fmt;

use ndarray::{Array, Array2, ArrayBase, ArrayView, ArrayView2, Data, Dimension, Ix2};
use sci_array::pyfmt::float_repr;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::LinalgFloat;
use crate::solve::SolveOptions;

/// SciPy's `scipy.linalg.LinAlgWarning`: the matrix of a linear system is ill-conditioned, its
/// estimated reciprocal condition number is below the machine epsilon of its element type
/// (`2.22e-16` for `f64` and `Complex<f64>`, `1.19e-7` for `f32` and `Complex<f32>`), so the
/// solution may not be accurate.
///
/// Python warns without failing; here the warning is a value: [`solve_report`] and
/// [`inv_report`] return it next to the solution or the inverse, and [`WarningAction::Error`]
/// turns it into [`LinalgError::IllConditioned`] (SciPy:
/// `warnings.simplefilter('error', LinAlgWarning)`).
/// `Display` gives SciPy 1.17's message (for a diagonal matrix SciPy prints the condition
/// number, not its reciprocal, and so does this; for [`AssumeA::Banded`](crate::AssumeA::Banded)
/// SciPy 1.17 still words it the older way, `Ill-conditioned matrix (rcond=5.55112e-17): result
/// may not be accurate.`, and so does this).
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_report, SolveOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// // Nearly singular: SciPy warns
/// // "An ill-conditioned matrix detected: slice 0 has rcond = 5.551115123125783e-17."
/// let a = array![[1.0, 1.0], [1.0, 1.0 + f64::EPSILON]];
/// let r = solve_report(&a, &array![2.0, 2.0], SolveOptions::default())?;
/// let w = r.warning.expect("ill-conditioned");
/// assert!(w.rcond < f64::EPSILON);
/// assert!(w.to_string().starts_with("An ill-conditioned matrix detected: slice 0 has rcond = "));
/// // assume_a='banded' (gbsv, gbcon): SciPy's older text
/// let banded = SolveOptions { assume_a: sci_linalg::AssumeA::Banded, ..Default::default() };
/// let w = solve_report(&a, &array![2.0, 2.0], banded)?.warning.expect("ill-conditioned");
/// assert_eq!(w.to_string(), "Ill-conditioned matrix (rcond=5.55112e-17): result may not be accurate.");
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct LinAlgWarning {
    /// The estimated reciprocal condition number in the 1-norm (LAPACK's `gecon`, `pocon`,
    /// `sycon`/`hecon`, `trcon`, `gtcon` or `gbcon` estimate by the structure solved; for a diagonal
    /// matrix `min|dᵢ| / max|dᵢ|`), computed in the precision of the input.
    pub rcond: f64,
    /// The number SciPy's message prints: `rcond`, except for a diagonal matrix, where SciPy
    /// 1.17 prints the condition number `max|dᵢ| · max|1/dᵢ|` itself.
    shown: f64,
    /// SciPy's older message (`solve(assume_a='banded')` still goes through it in 1.17).
    legacy_text: bool,
}

impl LinAlgWarning {
    /// The warning of an estimate when SciPy's threshold test failed, else `None`.
    pub(crate) fn new_if(e: Estimate) -> Option<Self> {
        e.ill.then_some(Self { rcond: e.rcond, shown: e.shown, legacy_text: e.legacy_text })
    }
}

impl fmt::Display for LinAlgWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.legacy_text {
            write!(f, "Ill-conditioned matrix (rcond={}): result may not be accurate.", format_g6(self.shown))
        } else {
            write!(f, "An ill-conditioned matrix detected: slice 0 has rcond = {}.", float_repr(self.shown))
        }
    }
}

impl std::error::Error for LinAlgWarning {}

/// What to do when [`LinAlgWarning`] applies (the action of Python's `warnings.simplefilter`
/// for `LinAlgWarning`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_with, LinalgError, SolveOptions, WarningAction};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 1.0], [1.0, 1.0 + f64::EPSILON]];
/// let b = array![2.0, 2.0];
/// // the default returns the (inaccurate) solution, as Python's default filter
/// assert!(solve_with(&a, &b, SolveOptions::default()).is_ok());
/// let strict = SolveOptions { ill_conditioned: WarningAction::Error, ..Default::default() };
/// assert!(matches!(solve_with(&a, &b, strict), Err(LinalgError::IllConditioned(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WarningAction {
    /// Return the solution; [`solve_with`](crate::solve_with) then skips the condition
    /// estimate altogether, while [`solve_report`] still reports it (the default).
    #[default]
    Ignore,
    /// Fail with [`LinalgError::IllConditioned`] instead of returning the solution or the
    /// inverse (`warnings.simplefilter('error', LinAlgWarning)`).
    Error,
}

/// The condition estimate a solver made and whether SciPy warns for it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Estimate {
    pub rcond: f64,
    pub ill: bool,
    /// The value SciPy's message prints (see [`LinAlgWarning`]).
    pub shown: f64,
    /// Whether SciPy words the warning the older way (`'banded'`).
    pub legacy_text: bool,
}

impl Estimate {
    /// SciPy's test: ill-conditioned when `rcond` is NaN or below the type's epsilon.
    pub(crate) fn of<R: LinalgFloat>(rcond: R) -> Self {
        let rcond_f64 = rcond.to_f64_lossless();
        Self {
            rcond: rcond_f64,
            ill: rcond.is_nan() || rcond < R::epsilon(),
            shown: rcond_f64,
            legacy_text: false,
        }
    }

    /// As [`Estimate::of`], for `solve(assume_a='banded')`, whose SciPy 1.17 message is the
    /// older `Ill-conditioned matrix (rcond=...): result may not be accurate.`
    pub(crate) fn banded<R: LinalgFloat>(rcond: R) -> Self {
        Self { legacy_text: true, ..Self::of(rcond) }
    }
}

/// Python's `format(x, '.6g')`: six significant digits, trailing zeros dropped, exponent form
/// (at least two exponent digits) below `1e-4` and from `1e6` on.
fn format_g6(x: f64) -> String {
    sci_array::pyfmt::format_g(x, 6, false, false)
}

/// The solution of [`solve_report`] with the condition estimate and the warning SciPy would
/// emit.
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_report, SolveOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// let r = solve_report(&array![[2.0, 0.0], [0.0, 4.0]], &array![2.0, 2.0], SolveOptions::default())?;
/// assert_eq!(r.x, array![1.0, 0.5]);
/// assert_eq!((r.rcond, r.warning), (Some(0.5), None));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SolveReport<T, D: Dimension> {
    /// The solution, shaped as `b`.
    pub x: Array<T, D>,
    /// The estimated reciprocal condition number of `a` (see [`LinAlgWarning::rcond`]);
    /// `None` where SciPy estimates nothing: an empty `a` or `b`, or a `1×1` `a` (except with
    /// [`AssumeA::Banded`](crate::AssumeA::Banded), which SciPy factors and estimates at any size).
    pub rcond: Option<f64>,
    /// `Some` exactly when SciPy's `solve` warns `LinAlgWarning` for this input.
    pub warning: Option<LinAlgWarning>,
}

/// [`solve_with`](crate::solve_with) that also returns the reciprocal condition number estimate
/// and the [`LinAlgWarning`] SciPy would emit, instead of dropping them.
///
/// The estimate is LAPACK's for the structure chosen by `opts.assume_a`, made from the factors
/// the solution is computed with (see [`LinAlgWarning::rcond`]); it is independent of
/// `opts.transposed`, as SciPy's, except for [`AssumeA::Banded`](crate::AssumeA::Banded), where SciPy factors `aᵀ` and
/// estimates `1 / (‖aᵀ‖∞ · est ‖a⁻ᵀ‖₁)` (and so does this). `'banded'` is `gbsv` and `gbcon`: the
/// band LU with partial pivoting and Hager and Higham's estimate on it, `O(n (2l + u))` work per
/// estimator step for bandwidths `(l, u)`, computed on every banded solve (also by
/// [`solve_with`](crate::solve_with)), because SciPy raises `LinAlgError` when it is `0`. With `opts.ill_conditioned` set to [`WarningAction::Error`]
/// an ill-conditioned `a` is an error instead.
///
/// SciPy equivalent: `scipy.linalg.solve` run under `warnings.catch_warnings(record=True)`.
///
/// # Errors
///
/// As [`solve_with`](crate::solve_with), plus [`LinalgError::IllConditioned`] under
/// [`WarningAction::Error`]; with [`AssumeA::Banded`](crate::AssumeA::Banded), [`LinalgError::SingularEstimate`] when the
/// estimate is `0` although no pivot is (SciPy: `LinAlgError('Matrix is singular.')`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_report, AssumeA, LinalgError, SolveOptions, WarningAction};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // Well-conditioned: no warning; SciPy's gecon gives rcond = 1/3 here.
/// let a = array![[4.0, 1.0], [2.0, 3.0]];
/// let r = solve_report(&a, &array![1.0, 2.0], SolveOptions::default())?;
/// assert_allclose(&r.x, &array![0.1, 0.6], 1e-15, 1e-16);
/// assert!((r.rcond.unwrap() - 1.0 / 3.0).abs() < 1e-15 && r.warning.is_none());
/// // The 12×12 Hilbert matrix: SciPy warns (rcond ≈ 2.6e-17 by Cholesky).
/// let h = Array2::from_shape_fn((12, 12), |(i, j)| 1.0 / (i + j + 1) as f64);
/// let b = Array2::ones((12, 1));
/// let pos = SolveOptions { assume_a: AssumeA::PositiveDefinite, ..Default::default() };
/// assert!(solve_report(&h, &b, pos)?.warning.is_some());
/// // As `warnings.simplefilter('error', LinAlgWarning)`:
/// let strict = SolveOptions { ill_conditioned: WarningAction::Error, ..pos };
/// assert!(matches!(solve_report(&h, &b, strict), Err(LinalgError::IllConditioned(_))));
/// // 'banded': gbcon on the band LU; ‖a‖₁ = 3 and LAPACK's estimate of ‖a⁻¹‖₁ = 0.75 is
/// // 2/3 (a lower bound), so rcond = 0.5 as SciPy's
/// let banded = SolveOptions { assume_a: AssumeA::Banded, ..Default::default() };
/// let r = solve_report(&array![[2.0, 1.0], [0.0, 2.0]], &array![3.0, 2.0], banded)?;
/// assert_eq!((r.rcond, r.warning), (Some(0.5), None));
/// # Ok::<(), LinalgError>(())
/// ```
pub fn solve_report<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    opts: SolveOptions,
) -> Result<SolveReport<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let (x, rcond, warning) = solve_checked(a.view(), b.view(), opts, true)?;
    Ok(SolveReport { x, rcond, warning })
}

/// The solution, the estimate (when `estimate`) and the warning of `solve`, or the
/// [`LinalgError::IllConditioned`] that [`WarningAction::Error`] makes of the warning.
pub(crate) fn solve_checked<T: LinalgScalar, D: Dimension>(
    a: ArrayView2<'_, T>,
    b: ArrayView<'_, T, D>,
    opts: SolveOptions,
    estimate: bool,
) -> Result<(Array<T, D>, Option<f64>, Option<LinAlgWarning>)> {
    let (x, est) = T::solve_k(a, b, opts, estimate)?;
    let warning = est.and_then(LinAlgWarning::new_if);
    if let (Some(w), WarningAction::Error) = (warning, opts.ill_conditioned) {
        return Err(LinalgError::IllConditioned(w));
    }
    Ok((x, est.map(|e| e.rcond), warning))
}

/// The inverse of [`inv_report`] with the condition estimate and the warning SciPy would emit.
///
/// # Examples
///
/// ```
/// use sci_linalg::{inv_report, WarningAction};
/// use sci_linalg::sci_array::ndarray::array;
/// let r = inv_report(&array![[2.0, 0.0], [0.0, 4.0]], WarningAction::Ignore)?;
/// assert_eq!(r.inv, array![[0.5, 0.0], [0.0, 0.25]]);
/// assert_eq!((r.rcond, r.warning), (Some(0.5), None));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct InvReport<T> {
    /// The inverse of `a`.
    pub inv: Array2<T>,
    /// The reciprocal condition number estimate of `a` in the 1-norm: `gecon`'s from the LU
    /// factors for [`inv_report`] (`None` for an empty or `1×1` `a`), the estimate of the
    /// structure inverted for [`inv_report_with`](crate::inv_report_with).
    pub rcond: Option<f64>,
    /// `Some` exactly when SciPy's `inv` warns `LinAlgWarning` (with `assume_a='gen'` for
    /// [`inv_report`], the options given for [`inv_report_with`](crate::inv_report_with)).
    pub warning: Option<LinAlgWarning>,
}

/// [`inv`](crate::inv) that also returns the reciprocal condition number estimate and the
/// [`LinAlgWarning`] SciPy 1.17's `inv` emits for an ill-conditioned `a` (estimated `rcond`
/// NaN or below the element type's epsilon), or with `ill_conditioned` set to
/// [`WarningAction::Error`] fails instead.
///
/// The estimate is LAPACK's `gecon` (1-norm) on the LU factors the inverse is formed from, an
/// `O(n²)` addition to the `O(n³)` inverse. It is the estimate of SciPy's
/// `inv(a, assume_a='gen')`; SciPy's default `assume_a=None` first inspects `a` and may use a
/// structured factorization instead (for example Cholesky and `pocon` for a symmetric matrix
/// with positive diagonal), whose estimate differs in the rounding digits.
///
/// For SciPy's other `assume_a` values and its default structure detection (which
/// [`inv`](crate::inv) follows) see [`inv_report_with`](crate::inv_report_with).
///
/// SciPy equivalent: `scipy.linalg.inv(a, assume_a='gen')` run under
/// `warnings.catch_warnings(record=True)`.
///
/// # Errors
///
/// As [`inv`](crate::inv), plus [`LinalgError::IllConditioned`] under [`WarningAction::Error`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{inv_report, LinalgError, WarningAction};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let r = inv_report(&array![[1.0, 2.0], [3.0, 4.0]], WarningAction::Ignore)?;
/// assert_allclose(&r.inv, &array![[-2.0, 1.0], [1.5, -0.5]], 1e-14, 0.0);
/// // gecon: 1 / (‖a‖₁ ‖a⁻¹‖₁) = 1 / (6 · 3.5)
/// assert!((r.rcond.unwrap() - 1.0 / 21.0).abs() < 1e-15 && r.warning.is_none());
/// // The 12×12 Hilbert matrix: SciPy warns "... slice 0 has rcond = 2.507587520698767e-17."
/// let h = Array2::from_shape_fn((12, 12), |(i, j)| 1.0 / (i + j + 1) as f64);
/// assert!(inv_report(&h, WarningAction::Ignore)?.warning.is_some());
/// assert!(matches!(inv_report(&h, WarningAction::Error), Err(LinalgError::IllConditioned(_))));
/// # Ok::<(), LinalgError>(())
/// ```
pub fn inv_report<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    ill_conditioned: WarningAction,
) -> Result<InvReport<T>> {
    let (inv, est) = T::inv_k(a.view(), true)?;
    let warning = est.and_then(LinAlgWarning::new_if);
    if let (Some(w), WarningAction::Error) = (warning, ill_conditioned) {
        return Err(LinalgError::IllConditioned(w));
    }
    Ok(InvReport { inv, rcond: est.map(|e| e.rcond), warning })
}

#[cfg(test)]
mod tests {
    use super::format_g6;

    #[test]
    fn g6_is_pythons() {
        // format(x, '.6g') in CPython 3.11
        let cases = [
            (3.203877335483694e-18, "3.20388e-18"),
            (4.053800019964895e-19, "4.0538e-19"),
            (5.551115123125783e-17, "5.55112e-17"),
            (0.5, "0.5"),
            (1e-4, "0.0001"),
            (9.999995e-5, "0.0001"),
            (2.5e-5, "2.5e-05"),
            (123456.5, "123456"),
            (1234567.0, "1.23457e+06"),
            (1e100, "1e+100"),
            (0.0, "0"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
        ];
        for (x, want) in cases {
            assert_eq!(format_g6(x), want, "{x:e}");
        }
    }
}

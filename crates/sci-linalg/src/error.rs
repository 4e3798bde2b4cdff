//! The error type of `sci-linalg`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-linalg` because of the input.
///
/// SciPy raises `LinAlgError` or `ValueError` for these; each variant names the argument at
/// fault so the message reads like SciPy's.
///
/// # Examples
///
/// ```
/// use sci_linalg::LinalgError;
/// let e = LinalgError::NotSquare { arg: "a", shape: vec![2, 3] };
/// assert_eq!(e.to_string(), "expected square matrix for `a`, got shape [2, 3]");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LinalgError {
    /// The matrix is exactly singular: pivot `pivot` (0-based) of its LU factorization is zero.
    #[error("singular matrix: pivot {pivot} is exactly zero")]
    Singular {
        /// 0-based index of the first zero pivot.
        pivot: usize,
    },
    /// The reciprocal condition number estimate of the matrix is exactly `0` although no pivot
    /// is (its inverse overflows): SciPy's `LinAlgError('Matrix is singular.')` of
    /// `solve(assume_a='banded')`.
    #[error("singular matrix: the reciprocal condition number estimate is 0")]
    SingularEstimate,
    /// A matrix is singular to within a tolerance: its eigenvalue `index` is at or below it
    /// (SciPy's "near singular" `LinAlgError`, e.g. in `solve_circulant`).
    #[error("near singular matrix: eigenvalue {index} is at or below the tolerance")]
    NearSingular {
        /// 0-based index of the first eigenvalue at or below the tolerance.
        index: usize,
    },
    /// A Cholesky factorization failed: the leading minor of order `index + 1` is not positive.
    #[error("{}-th leading minor of the array is not positive definite", .index + 1)]
    NotPositiveDefinite {
        /// 0-based index of the failing diagonal element (SciPy prints it 1-based).
        index: usize,
    },
    /// A square matrix was expected.
    #[error("expected square matrix for `{arg}`, got shape {shape:?}")]
    NotSquare {
        /// Name of the argument.
        arg: &'static str,
        /// The shape that was given.
        shape: Vec<usize>,
    },
    /// An argument has a shape that does not fit the others.
    #[error("`{arg}` has an incompatible shape: expected {expected}, got {found:?}")]
    ShapeMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// What was expected, in words or as a shape.
        expected: String,
        /// The shape that was given.
        found: Vec<usize>,
    },
    /// The input holds NaN or infinity (SciPy's `check_finite=True`).
    #[error("array `{arg}` must not contain infs or NaNs")]
    NonFinite {
        /// Name of the argument.
        arg: &'static str,
    },
    /// An iterative algorithm (SVD, eigenvalues) did not converge.
    #[error("the algorithm did not converge after {iterations} iterations")]
    NoConvergence {
        /// Iteration budget that was exhausted (0 when the backend does not report it).
        iterations: usize,
    },
    /// A column to insert into an economic QR factorization lies (numerically) in the span of
    /// `Q`: the reciprocal condition number of `Q` augmented with `u/‖u‖` is below `rcond=`
    /// (SciPy's `LinAlgError` in `qr_insert`).
    #[error(
        "One of the columns of `{arg}` lies in the span of Q. Found reciprocal condition number of \
         {rcond} for Q augmented with {arg}/||{arg}||."
    )]
    ColumnInSpan {
        /// Name of the argument holding the columns.
        arg: &'static str,
        /// The reciprocal condition number found.
        rcond: f64,
    },
    /// The matrix is ill-conditioned ([`LinAlgWarning`](crate::LinAlgWarning) turned into an
    /// error by [`WarningAction::Error`](crate::WarningAction::Error), as Python's
    /// `warnings.simplefilter('error', LinAlgWarning)`); the message is the warning's.
    #[error("{0}")]
    IllConditioned(crate::warning::LinAlgWarning),
    /// An error from `sci-array` (bad option value, axis, ...).
    #[error(transparent)]
    Array(#[from] ArrayError),
}

/// `Result` with [`LinalgError`].
pub type Result<T, E = LinalgError> = std::result::Result<T, E>;

/// Shorthand for an [`ArrayError::InvalidValue`] wrapped in [`LinalgError`].
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> LinalgError {
    LinalgError::Array(ArrayError::InvalidValue { arg, reason: reason.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<LinalgError>();
    }

    #[test]
    fn wraps_array_error() {
        let e: LinalgError = ArrayError::Empty { arg: "a", op: "max" }.into();
        assert!(matches!(e, LinalgError::Array(_)));
        assert!(e.to_string().contains("zero-size"));
    }
}

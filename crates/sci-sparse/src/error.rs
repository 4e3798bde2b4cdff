//! The error type of `sci-sparse`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-sparse` because of the input.
///
/// SciPy raises `ValueError`, `IndexError`, `MatrixRankWarning` (for singular systems, an
/// error here) or `ArpackNoConvergence` for these; each variant names the argument at fault.
///
/// # Examples
///
/// ```
/// use sci_sparse::SparseError;
/// let e = SparseError::ShapeMismatch { arg: "b", expected: "3 rows".into(), found: vec![2] };
/// assert_eq!(e.to_string(), "`b` has an incompatible shape: expected 3 rows, got [2]");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SparseError {
    /// An argument has a shape that does not fit the others.
    #[error("`{arg}` has an incompatible shape: expected {expected}, got {found:?}")]
    ShapeMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// What was expected, in words.
        expected: String,
        /// The shape that was given.
        found: Vec<usize>,
    },
    /// An index is outside the matrix.
    #[error("index {index} of `{arg}` is out of bounds for size {bound}")]
    IndexOutOfBounds {
        /// Name of the argument.
        arg: &'static str,
        /// The offending index.
        index: i64,
        /// The exclusive upper bound.
        bound: usize,
    },
    /// An argument has a value outside its domain.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// The matrix is exactly singular (SciPy warns `MatrixRankWarning` and returns NaN).
    #[error("matrix is exactly singular")]
    SingularMatrix,
    /// A graph holds a cycle of negative total weight (SciPy's `NegativeCycleError`).
    #[error("Negative cycle detected on node {node}")]
    NegativeCycle {
        /// A node where the cycle was detected (on the cycle or reached from it).
        node: usize,
    },
    /// An iterative method did not converge within its iteration budget.
    #[error("no convergence after {iterations} iterations")]
    NoConvergence {
        /// Iterations that were made.
        iterations: usize,
    },
    /// An index, offset or size does not fit the matrix's index type ([`SpIndex`](crate::SpIndex));
    /// SciPy would upcast `int32` indices to `int64` here.
    #[error("{arg} values too large for dtype {dtype} (got {value})")]
    IndexOverflow {
        /// What overflowed: `indptr` (the number of entries), `indices`, `shape`, ...
        arg: &'static str,
        /// The value that does not fit.
        value: u64,
        /// The index type (NumPy's name: `int32`, `int64`, `uint64`).
        dtype: &'static str,
    },
    /// An error of the underlying array library.
    #[error(transparent)]
    Array(#[from] ArrayError),
}

/// `Result` with [`SparseError`].
///
/// # Examples
///
/// ```
/// fn first(a: &sci_sparse::CsrMatrix) -> sci_sparse::Result<f64> {
///     a.get(0, 0)
/// }
/// assert_eq!(first(&sci_sparse::CsrMatrix::identity(2))?, 1.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub type Result<T> = std::result::Result<T, SparseError>;

/// Shorthand for an [`SparseError::InvalidValue`].
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> SparseError {
    SparseError::InvalidValue { arg, reason: reason.into() }
}

/// Shorthand for a [`SparseError::ShapeMismatch`].
pub(crate) fn shape_err(arg: &'static str, expected: impl Into<String>, found: &[usize]) -> SparseError {
    SparseError::ShapeMismatch { arg, expected: expected.into(), found: found.to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<E: Send + Sync + std::error::Error + 'static>() {}
        check::<SparseError>();
    }
}

//! The error type of `sci-ndimage`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-ndimage` because of the input.
///
/// Messages follow SciPy's `ValueError`s / `RuntimeError`s.
///
/// # Examples
///
/// ```
/// use sci_ndimage::NdimageError;
/// let e = NdimageError::InvalidValue { arg: "origin", reason: "invalid origin".into() };
/// assert_eq!(e.to_string(), "invalid value for `origin`: invalid origin");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum NdimageError {
    /// A shape, axis or array-level problem.
    #[error(transparent)]
    Array(#[from] ArrayError),
    /// An argument has a value outside its domain (SciPy's `ValueError`/`RuntimeError`).
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it, in SciPy's words.
        reason: String,
    },
}

/// `Result` with [`NdimageError`].
pub type Result<T, E = NdimageError> = std::result::Result<T, E>;

/// Shorthand for [`NdimageError::InvalidValue`].
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> NdimageError {
    NdimageError::InvalidValue { arg, reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<NdimageError>();
    }
}

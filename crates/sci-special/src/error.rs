//! The error type of `sci-special`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-special` because of the input.
///
/// The scalar special functions never fail: like SciPy's ufuncs they return NaN (or an
/// infinity at a pole) outside their domain. Errors come from the array entry points: shapes
/// that do not broadcast, an axis out of range.
///
/// # Examples
///
/// ```
/// use sci_special::SpecialError;
/// let e = SpecialError::InvalidValue { arg: "axis", reason: "must be given".into() };
/// assert_eq!(e.to_string(), "invalid value for `axis`: must be given");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SpecialError {
    /// An invalid argument value.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// An error from `sci-array` (broadcasting, axis out of bounds).
    #[error(transparent)]
    Array(#[from] ArrayError),
}

/// `Result` with [`SpecialError`].
pub type Result<T, E = SpecialError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<SpecialError>();
    }
}

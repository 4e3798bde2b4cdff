//! The error type of `sci-stats`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-stats` because of the input.
///
/// Like SciPy, evaluating a distribution outside its support is not an error (the density is 0,
/// the CDF 0 or 1, `ppf` outside [0, 1] is NaN); invalid parameters, empty or mismatched
/// samples and bad options are.
///
/// # Examples
///
/// ```
/// use sci_stats::StatsError;
/// let e = StatsError::InvalidParameter { arg: "scale", expected: "> 0", found: -1.0 };
/// assert_eq!(e.to_string(), "`scale` must be > 0, got -1");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// A distribution parameter or numeric option outside its domain.
    #[error("`{arg}` must be {expected}, got {found}")]
    InvalidParameter {
        /// Name of the argument.
        arg: &'static str,
        /// What was expected.
        expected: &'static str,
        /// The value given.
        found: f64,
    },
    /// A sample too short for the statistic.
    #[error("`{arg}` must have length at least {min}, got {found}")]
    TooShort {
        /// Name of the argument.
        arg: &'static str,
        /// The minimum length.
        min: usize,
        /// The length given.
        found: usize,
    },
    /// Two inputs whose lengths or shapes must agree.
    #[error("`{arg}` must have shape {expected:?}, got {found:?}")]
    ShapeMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// The shape required.
        expected: Vec<usize>,
        /// The shape given.
        found: Vec<usize>,
    },
    /// Any other invalid argument value.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// An error from `sci-array` (axis out of bounds, ...).
    #[error(transparent)]
    Array(#[from] ArrayError),
}

/// `Result` with [`StatsError`].
pub type Result<T, E = StatsError> = std::result::Result<T, E>;

/// `InvalidParameter` unless `ok`.
pub(crate) fn check(ok: bool, arg: &'static str, expected: &'static str, found: f64) -> Result<()> {
    if ok { Ok(()) } else { Err(StatsError::InvalidParameter { arg, expected, found }) }
}

/// `TooShort` unless `found >= min`.
pub(crate) fn check_len(arg: &'static str, found: usize, min: usize) -> Result<()> {
    if found >= min { Ok(()) } else { Err(StatsError::TooShort { arg, min, found }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn assert_bounds<T: Send + Sync + std::error::Error + 'static>() {}
        assert_bounds::<StatsError>();
    }
}

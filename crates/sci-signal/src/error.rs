//! The error type of `sci-signal`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-signal` because of the input.
///
/// Messages follow SciPy's `ValueError`s.
///
/// # Examples
///
/// ```
/// use sci_signal::SignalError;
/// let e = SignalError::InputTooShort { padlen: 12, len: 10 };
/// assert_eq!(
///     e.to_string(),
///     "The length of the input vector x must be greater than padlen, which is 12 (got 10)."
/// );
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SignalError {
    /// A shape, axis or array-level problem.
    #[error(transparent)]
    Array(#[from] ArrayError),
    /// An argument has a value outside its domain (SciPy's `ValueError`).
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it, in SciPy's words.
        reason: String,
    },
    /// `filtfilt`: the signal is not longer than the padding.
    #[error("The length of the input vector x must be greater than padlen, which is {padlen} (got {len}).")]
    InputTooShort {
        /// The padding length in force.
        padlen: usize,
        /// The length of the signal along the filtered axis.
        len: usize,
    },
    /// A linear system that must be solved is singular (NumPy's `LinAlgError`).
    #[error("singular matrix in {what}")]
    Singular {
        /// What was being solved.
        what: &'static str,
    },
}

/// `Result` with [`SignalError`].
pub type Result<T, E = SignalError> = std::result::Result<T, E>;

/// Shorthand for [`SignalError::InvalidValue`].
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> SignalError {
    SignalError::InvalidValue { arg, reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<SignalError>();
    }
}

//! The error type of `sci-fft`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-fft` because of the input.
///
/// # Examples
///
/// ```
/// use sci_fft::FftError;
/// let e = FftError::InvalidLength { arg: "n", n: 0 };
/// assert_eq!(e.to_string(), "invalid number of data points (0) specified (argument `n`)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FftError {
    /// A shape, axis or array-level problem (bad axis, mismatched lengths, ...).
    #[error(transparent)]
    Array(#[from] ArrayError),
    /// A transform length is not positive (SciPy: `invalid number of data points (0) specified`).
    #[error("invalid number of data points ({n}) specified (argument `{arg}`)")]
    InvalidLength {
        /// Name of the argument (`n`, `s`, or `x` when the length comes from the input).
        arg: &'static str,
        /// The length that was requested.
        n: usize,
    },
    /// An argument has a value outside its domain.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with [`FftError`].
pub type Result<T, E = FftError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<FftError>();
    }

    #[test]
    fn array_errors_convert() {
        let e: FftError = ArrayError::AxisOutOfBounds { arg: "axis", axis: 2, ndim: 1 }.into();
        assert!(e.to_string().contains("axis 2 is out of bounds"));
    }
}

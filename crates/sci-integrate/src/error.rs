//! The error type of `sci-integrate`.

/// Everything that can go wrong in `sci-integrate` because of the input.
///
/// SciPy raises `ValueError` in these situations; each variant carries what is needed for a
/// SciPy-like message.
///
/// # Examples
///
/// ```
/// use sci_integrate::IntegrateError;
/// let e = IntegrateError::LengthMismatch { x: 5, y: 4 };
/// assert_eq!(e.to_string(), "x and y must have the same length, got 5 and 4");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum IntegrateError {
    /// An argument is NaN (or infinite where only finite values make sense).
    #[error("`{arg}` must be finite, got {value}")]
    NotFinite {
        /// Name of the argument.
        arg: &'static str,
        /// The value given.
        value: f64,
    },
    /// A tolerance is out of range.
    #[error("invalid tolerance: {what}")]
    InvalidTolerance {
        /// What is wrong, in SciPy's words.
        what: String,
    },
    /// An integer option is out of range.
    #[error("`{arg}` must be {expected}, got {found}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What it must be.
        expected: &'static str,
        /// What was given.
        found: String,
    },
    /// `x` and `y` differ in length along the integration axis.
    #[error("x and y must have the same length, got {x} and {y}")]
    LengthMismatch {
        /// Length of `x`.
        x: usize,
        /// Length of `y` along the axis.
        y: usize,
    },
    /// The axis is out of range for the array.
    #[error("axis {axis} is out of bounds for an array of dimension {ndim}")]
    AxisOutOfBounds {
        /// The axis given.
        axis: isize,
        /// The number of dimensions.
        ndim: usize,
    },
    /// An array is too short for the rule.
    #[error("`{arg}` needs at least {min} samples along the axis, got {found}")]
    TooShort {
        /// Name of the argument.
        arg: &'static str,
        /// The minimum length.
        min: usize,
        /// The length given.
        found: usize,
    },
    /// An array argument has the wrong shape.
    #[error("`{arg}` is expected to have shape {expected:?}, but actually has {found:?}")]
    ShapeMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// The shape it must have.
        expected: Vec<usize>,
        /// The shape given.
        found: Vec<usize>,
    },
    /// The system of an initial value problem returned a vector of the wrong length.
    #[error("fun returned {found} values for a state of length {expected}")]
    WrongOutputLength {
        /// The state length.
        expected: usize,
        /// The length returned.
        found: usize,
    },
}

/// `Result` with [`IntegrateError`].
pub type Result<T> = std::result::Result<T, IntegrateError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<IntegrateError>();
    }
}

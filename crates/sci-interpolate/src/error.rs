//! The error type of `sci-interpolate`.

/// Everything that can go wrong in `sci-interpolate` because of the input.
///
/// SciPy raises `ValueError` in these situations; each variant carries what is needed for a
/// SciPy-like message.
///
/// # Examples
///
/// ```
/// use sci_interpolate::InterpolateError;
/// let e = InterpolateError::LengthMismatch { x: 5, y: 4 };
/// assert_eq!(e.to_string(), "x and y arrays must be equal in length along interpolation axis, got 5 and 4");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InterpolateError {
    /// `x` and `y` differ in length.
    #[error("x and y arrays must be equal in length along interpolation axis, got {x} and {y}")]
    LengthMismatch {
        /// Length of `x`.
        x: usize,
        /// Length of `y`.
        y: usize,
    },
    /// The sample points are not strictly increasing (or contain duplicates).
    #[error("expect `{arg}` to be a strictly increasing sequence (at index {index})")]
    NotIncreasing {
        /// Name of the argument.
        arg: &'static str,
        /// Index of the first offending entry.
        index: usize,
    },
    /// A NaN or infinity where only finite values make sense.
    #[error("`{arg}` must contain only finite values, got {value} at index {index}")]
    NotFinite {
        /// Name of the argument.
        arg: &'static str,
        /// Index of the first offending entry.
        index: usize,
        /// The value.
        value: f64,
    },
    /// Too few points for the requested degree.
    #[error("need at least {needed} points for degree {k}, got {found}")]
    TooFewPoints {
        /// The spline degree.
        k: usize,
        /// Points required.
        needed: usize,
        /// Points given.
        found: usize,
    },
    /// The knots, coefficients and degree of a [`crate::BSpline`] do not fit together.
    #[error("invalid B-spline: {what}")]
    InvalidSpline {
        /// What is wrong, in SciPy's words.
        what: String,
    },
    /// A point to interpolate at lies outside the data range and `bounds_error` is set.
    #[error("a value ({value}) in x_new is {side} the interpolation range's {limit_name} value ({limit})")]
    OutOfBounds {
        /// The offending point.
        value: f64,
        /// "below" or "above".
        side: &'static str,
        /// "minimum" or "maximum".
        limit_name: &'static str,
        /// The range limit.
        limit: f64,
    },
    /// An argument is invalid in a way the other variants do not describe (shapes that do
    /// not fit, a grid that is not monotonic, an empty grid, ...); `what` is SciPy's message.
    #[error("{arg}: {what}")]
    InvalidArgument {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it.
        what: String,
    },
    /// A point of `xi` lies outside the grid in some dimension and `bounds_error` is set.
    #[error(
        "One of the requested xi is out of bounds in dimension {dim} ({value} not in [{lower}, {upper}])"
    )]
    OutOfGrid {
        /// The dimension.
        dim: usize,
        /// The offending coordinate.
        value: f64,
        /// Smallest grid value in that dimension.
        lower: f64,
        /// Largest grid value in that dimension.
        upper: f64,
    },
}

/// `Result` with [`InterpolateError`].
pub type Result<T> = std::result::Result<T, InterpolateError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<InterpolateError>();
    }
}

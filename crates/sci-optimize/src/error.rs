//! The error type of `sci-optimize`.

use sci_array::ArrayError;

/// Everything that can go wrong in `sci-optimize` because of the input.
///
/// SciPy raises `ValueError` (or `RuntimeError` for the shortcut root finders that do not
/// converge) in these situations; each variant carries what is needed for a SciPy-like message.
///
/// # Examples
///
/// ```
/// use sci_optimize::OptimizeError;
/// let e = OptimizeError::BracketSign { fa: 1.0, fb: 2.0 };
/// assert_eq!(e.to_string(), "f(a) and f(b) must have different signs (f(a) = 1, f(b) = 2)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OptimizeError {
    /// `x0` (or another per-variable argument) does not have the expected length.
    #[error("`{arg}` has length {found}, expected {expected}")]
    WrongLength {
        /// Name of the argument.
        arg: &'static str,
        /// The expected length.
        expected: usize,
        /// The length that was given.
        found: usize,
    },
    /// A lower bound is larger than its upper bound.
    #[error("lower bound {lower} is larger than upper bound {upper} for variable {index}")]
    InvalidBounds {
        /// Index of the variable (0 for scalar problems).
        index: usize,
        /// The lower bound.
        lower: f64,
        /// The upper bound.
        upper: f64,
    },
    /// The objective (or residual) is not finite at the starting point.
    #[error("the {what} is not finite at the initial point: {value}")]
    NonFiniteInitial {
        /// What was evaluated ("objective function", "residuals", ...).
        what: &'static str,
        /// The value found (the first non-finite entry).
        value: f64,
    },
    /// The bracket `[a, b]` does not hold a sign change.
    #[error("f(a) and f(b) must have different signs (f(a) = {fa}, f(b) = {fb})")]
    BracketSign {
        /// f(a).
        fa: f64,
        /// f(b).
        fb: f64,
    },
    /// An option was given to a method that does not take it.
    #[error("method {method} does not take option `{option}`")]
    UnsupportedOption {
        /// The method.
        method: &'static str,
        /// The option.
        option: &'static str,
    },
    /// An argument the method needs was not given.
    #[error("method {method} needs `{arg}`")]
    MissingArgument {
        /// The method.
        method: &'static str,
        /// The missing argument.
        arg: &'static str,
    },
    /// A shortcut root finder (`brentq`, `newton`, `fsolve` ...) did not converge, where SciPy
    /// raises `RuntimeError` (or warns).
    #[error("failed to converge: {message}")]
    NoConvergence {
        /// SciPy's message.
        message: String,
    },
    /// An invalid option value (tolerance, iteration count, ...).
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// An error from `sci-array`.
    #[error(transparent)]
    Array(#[from] ArrayError),
}

/// `Result` with [`OptimizeError`].
pub type Result<T, E = OptimizeError> = std::result::Result<T, E>;

/// Shorthand for [`OptimizeError::InvalidValue`].
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> OptimizeError {
    OptimizeError::InvalidValue { arg, reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<OptimizeError>();
    }
}

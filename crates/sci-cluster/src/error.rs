//! The error type of `sci-cluster`.

/// Everything that can go wrong in `sci-cluster` because of the input.
///
/// # Examples
///
/// ```
/// use sci_cluster::ClusterError;
/// let e = ClusterError::NotCondensed { len: 4 };
/// assert_eq!(e.to_string(), "the condensed distance matrix must have n(n - 1)/2 entries, got 4");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ClusterError {
    /// A condensed distance vector whose length is not n(n-1)/2.
    #[error("the condensed distance matrix must have n(n - 1)/2 entries, got {len}")]
    NotCondensed {
        /// The length given.
        len: usize,
    },
    /// NaN or infinite distances or observations.
    #[error("the {arg} must contain only finite values")]
    NotFinite {
        /// What was checked.
        arg: &'static str,
    },
    /// Fewer than two observations.
    #[error("the number of observations must be at least 2, got {found}")]
    TooFewObservations {
        /// The number given.
        found: usize,
    },
    /// A linkage matrix that is not one.
    #[error("invalid linkage matrix: {what}")]
    InvalidLinkage {
        /// What is wrong.
        what: String,
    },
    /// An inconsistency matrix (as from `inconsistent`) that is not one.
    #[error("invalid inconsistency matrix: {what}")]
    InvalidInconsistency {
        /// What is wrong (SciPy's message).
        what: String,
    },
    /// An invalid parameter value.
    #[error("`{arg}` must be {expected}, got {found}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What it must be.
        expected: &'static str,
        /// What was given.
        found: String,
    },
}

/// `Result` with [`ClusterError`].
pub type Result<T> = std::result::Result<T, ClusterError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<ClusterError>();
    }
}

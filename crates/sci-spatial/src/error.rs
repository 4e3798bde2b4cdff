//! The error type of `sci-spatial`.

/// Everything that can go wrong in `sci-spatial` because of the input.
///
/// # Examples
///
/// ```
/// use sci_spatial::SpatialError;
/// let e = SpatialError::DimensionMismatch { arg: "XB", expected: 2, found: 3 };
/// assert_eq!(e.to_string(), "`XB` must have 2 columns, got 3");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SpatialError {
    /// Points of the wrong dimension.
    #[error("`{arg}` must have {expected} columns, got {found}")]
    DimensionMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// The dimension expected.
        expected: usize,
        /// The dimension given.
        found: usize,
    },
    /// Vectors (or weights) whose lengths differ.
    #[error("`{arg}` must have length {expected}, got {found}")]
    LengthMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// The length expected.
        expected: usize,
        /// The length given.
        found: usize,
    },
    /// A NaN or infinite coordinate.
    #[error("`{arg}` must contain only finite values")]
    NotFinite {
        /// Name of the argument.
        arg: &'static str,
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
    /// A condensed distance vector whose length is not n(n-1)/2.
    #[error("incompatible vector size: {len} is not n(n - 1)/2 for any n")]
    NotCondensed {
        /// The length given.
        len: usize,
    },
    /// Too few points, or all points on a lower-dimensional subspace.
    #[error("{what}: need at least {needed} points not all on a line (or plane), got {found}")]
    Degenerate {
        /// The construction ("ConvexHull", "Delaunay").
        what: &'static str,
        /// Points needed.
        needed: usize,
        /// Points given.
        found: usize,
    },
}

/// `Result` with [`SpatialError`].
pub type Result<T> = std::result::Result<T, SpatialError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<SpatialError>();
    }
}

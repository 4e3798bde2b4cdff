//! The error type of `sci-array`.

/// Everything that can go wrong in `sci-array` because of the input.
///
/// Each variant names the argument at fault and carries the values that made it wrong,
/// so the message reads like NumPy's (`"operands could not be broadcast together with shapes
/// [2, 3] [4]"`).
///
/// # Examples
///
/// ```
/// use sci_array::ArrayError;
/// let e = ArrayError::AxisOutOfBounds { arg: "axis", axis: 3, ndim: 2 };
/// assert_eq!(e.to_string(), "axis 3 is out of bounds for array of dimension 2 (argument `axis`)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ArrayError {
    /// Two or more shapes cannot be broadcast together.
    #[error("operands could not be broadcast together with shapes {shapes}")]
    Broadcast {
        /// The offending shapes, formatted like NumPy (`[2, 3] [4]`).
        shapes: String,
    },
    /// An array has the wrong shape.
    #[error("{arg} has the wrong shape: expected {expected}, got {found:?}")]
    ShapeMismatch {
        /// Name of the argument.
        arg: &'static str,
        /// What was expected, in words or as a shape.
        expected: String,
        /// The shape that was given.
        found: Vec<usize>,
    },
    /// Two inputs must have the same length.
    #[error("{a} and {b} must have the same length, got {len_a} and {len_b}")]
    LengthMismatch {
        /// Name of the first argument.
        a: &'static str,
        /// Name of the second argument.
        b: &'static str,
        /// Length of the first argument.
        len_a: usize,
        /// Length of the second argument.
        len_b: usize,
    },
    /// An axis is out of range for the array's dimension.
    #[error("axis {axis} is out of bounds for array of dimension {ndim} (argument `{arg}`)")]
    AxisOutOfBounds {
        /// Name of the argument.
        arg: &'static str,
        /// The axis that was given (may be negative, NumPy style).
        axis: isize,
        /// The number of dimensions of the array.
        ndim: usize,
    },
    /// An index is out of range.
    #[error("index {index} is out of bounds for axis {axis} with size {size} (argument `{arg}`)")]
    IndexOutOfBounds {
        /// Name of the argument.
        arg: &'static str,
        /// The index that was given.
        index: isize,
        /// The axis it indexes.
        axis: usize,
        /// The length of that axis.
        size: usize,
    },
    /// An argument has a value outside its domain.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidValue {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The operation needs at least one element.
    #[error("{arg}: zero-size array to reduction operation {op} which has no identity")]
    Empty {
        /// Name of the argument.
        arg: &'static str,
        /// The operation.
        op: &'static str,
    },
    /// Raw bytes or a file do not hold what their description says.
    #[error("invalid data in `{arg}`: {reason}")]
    InvalidData {
        /// Name of the argument.
        arg: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with [`ArrayError`].
pub type Result<T, E = ArrayError> = std::result::Result<T, E>;

/// Formats shapes like NumPy does in its broadcast error: `[2, 3] [4]`.
pub(crate) fn format_shapes(shapes: &[&[usize]]) -> String {
    shapes.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(" ")
}

/// Resolves a NumPy-style axis (negative counts from the end) against `ndim`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is not in `-ndim..ndim`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_array::normalize_axis(-1, 3, "axis"), Ok(2));
/// assert!(sci_array::normalize_axis(3, 3, "axis").is_err());
/// ```
pub fn normalize_axis(axis: isize, ndim: usize, arg: &'static str) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(ArrayError::AxisOutOfBounds { arg, axis, ndim });
    }
    Ok(if axis < 0 { (axis + n) as usize } else { axis as usize })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<ArrayError>();
    }

    #[test]
    fn shapes_format_like_numpy() {
        assert_eq!(format_shapes(&[&[2, 3], &[4]]), "[2, 3] [4]");
    }
}

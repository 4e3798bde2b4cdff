//! The element types sparse matrices hold.

use std::fmt::Debug;
use std::ops::{Add, AddAssign, Mul, Sub};

use num_traits::{One, Zero};

/// An element type of a sparse matrix: `f64`, `f32`, the integers, `Complex<f64>`, ...
///
/// Anything `Copy` with `+`, `-`, `*`, zero and one qualifies (a blanket implementation), as
/// SciPy's sparse formats accept any numeric dtype. The solvers in [`linalg`](crate::linalg)
/// work on `f64`.
///
/// # Examples
///
/// ```
/// use sci_sparse::{CsrMatrix, SparseScalar};
/// fn nnz_of<T: SparseScalar>(a: &CsrMatrix<T>) -> usize { a.nnz() }
/// let a = CsrMatrix::<i64>::eye(3, 3, 0);
/// assert_eq!(nnz_of(&a), 3);
/// ```
pub trait SparseScalar:
    Copy
    + PartialEq
    + Debug
    + Send
    + Sync
    + Zero
    + One
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + AddAssign
    + 'static
{
}

impl<T> SparseScalar for T where
    T: Copy
        + PartialEq
        + Debug
        + Send
        + Sync
        + Zero
        + One
        + Add<Output = T>
        + Sub<Output = T>
        + Mul<Output = T>
        + AddAssign
        + 'static
{
}

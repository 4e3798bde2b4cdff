//! The integer types compressed and coordinate matrices store their indices in.

use std::fmt::{Debug, Display};
use std::hash::Hash;

use crate::error::{Result, SparseError};

mod sealed {
    pub trait Sealed {}
    impl Sealed for i32 {}
    impl Sealed for i64 {}
    impl Sealed for usize {}
}

/// An index type of [`CsrMatrix`](crate::CsrMatrix), [`CscMatrix`](crate::CscMatrix) and
/// [`CooMatrix`](crate::CooMatrix): `usize` (the default), `i64` or `i32` (SciPy's
/// `indices.dtype`, 4 bytes per index instead of 8).
///
/// A matrix with index type `I` holds at most `I::MAX` entries and has at most `I::MAX` rows
/// and columns, so every index and offset it stores or computes fits. Where SciPy silently
/// upcasts `int32` indices to `int64` (a product or sum with more entries than `int32` can
/// count), this crate returns [`SparseError::IndexOverflow`]; convert explicitly with
/// [`CsrMatrix::to_index_type`](crate::CsrMatrix::to_index_type).
///
/// Sealed: implemented for `i32`, `i64` and `usize` only. Kernels convert indices with
/// [`SpIndex::idx`] (a plain `as` cast) in their loops, so each index type compiles to its own
/// monomorphic code.
///
/// SciPy equivalent: the `int32`/`int64` index dtypes chosen by `scipy.sparse.get_index_dtype`.
///
/// # Examples
///
/// ```
/// use sci_sparse::{CsrMatrix, SpIndex};
/// let a = CsrMatrix::from_triplets(&[1.0, 2.0], &[0i32, 1], &[1i32, 0], (2, 2))?;
/// assert_eq!((a.indices(), a.indptr()), (&[1i32, 0][..], &[0i32, 1, 2][..]));
/// assert_eq!((i32::DTYPE, i32::MAX_INDEX), ("int32", 2_147_483_647));
/// // 2 values * 8 bytes + 2 indices * 4 bytes + 3 offsets * 4 bytes, as SciPy's nbytes
/// assert_eq!(a.nbytes(), 36);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub trait SpIndex:
    sealed::Sealed + Copy + Ord + Hash + Debug + Display + Default + Send + Sync + 'static
{
    /// NumPy's name of the type (`"int32"`, `"int64"`, `"uint64"` for `usize`).
    const DTYPE: &'static str;
    /// The largest value, as `usize`.
    const MAX_INDEX: usize;

    /// The value as `usize` (an `as` cast: meant for values known to be non-negative).
    fn idx(self) -> usize;

    /// `u` as this type (an `as` cast: meant for values known to be at most
    /// [`Self::MAX_INDEX`]).
    fn from_idx(u: usize) -> Self;

    /// The value as `usize`, or `None` when it is negative.
    fn checked_idx(self) -> Option<usize>;

    /// The value as `i64` (for error messages).
    fn to_i64(self) -> i64;
}

macro_rules! impl_sp_index {
    ($t:ty, $dtype:literal) => {
        impl SpIndex for $t {
            const DTYPE: &'static str = $dtype;
            const MAX_INDEX: usize = <$t>::MAX as usize;

            #[inline(always)]
            fn idx(self) -> usize {
                self as usize
            }

            #[inline(always)]
            fn from_idx(u: usize) -> Self {
                u as $t
            }

            #[inline(always)]
            fn checked_idx(self) -> Option<usize> {
                usize::try_from(self).ok()
            }

            #[inline(always)]
            fn to_i64(self) -> i64 {
                self as i64
            }
        }
    };
}

impl_sp_index!(i32, "int32");
impl_sp_index!(i64, "int64");
impl_sp_index!(usize, "uint64");

/// `Err(IndexOverflow)` when `value` does not fit index type `I` (SciPy's
/// `safely_cast_index_arrays` check).
pub(crate) fn fits<I: SpIndex>(arg: &'static str, value: usize) -> Result<()> {
    if value > I::MAX_INDEX {
        return Err(SparseError::IndexOverflow { arg, value: value as u64, dtype: I::DTYPE });
    }
    Ok(())
}

/// Checks that a matrix of `shape` with `nnz` entries can use index type `I`.
pub(crate) fn fits_matrix<I: SpIndex>(shape: (usize, usize), nnz: usize) -> Result<()> {
    fits::<I>("indptr", nnz)?;
    fits_shape::<I>(shape)
}

/// Checks that both dimensions of `shape` fit `I`, and that `rows + 1` and `cols + 1` (the
/// lengths of `indptr`) fit `usize`: SciPy raises `OverflowError: Python int too large to
/// convert to C long` for a dimension of `2**64 - 1` (and any above `int64`).
pub(crate) fn fits_shape<I: SpIndex>(shape: (usize, usize)) -> Result<()> {
    let big = shape.0.max(shape.1);
    if big == usize::MAX {
        return Err(SparseError::IndexOverflow { arg: "shape", value: big as u64, dtype: "uint64" });
    }
    fits::<I>("shape", big)
}

/// Converts indices to another index type (values already checked to fit).
pub(crate) fn convert<I: SpIndex, J: SpIndex>(v: &[I]) -> Vec<J> {
    v.iter().map(|&x| J::from_idx(x.idx())).collect()
}

//! NumPy's binary format `.npy`: one array per file.

mod dtype;
mod header;
mod mmap;
mod read;
mod write;

pub use dtype::{Dtype, DtypeKind, NpyElement};
pub use header::NpyHeader;
pub use mmap::{NpyMmap, open_npy_mmap};
pub use read::{load_npy, load_npy_dyn, read_npy, read_npy_dyn, read_npy_header};
pub use write::{WriteNpy, save_npy, write_npy};

pub(crate) use header::read_full;
pub(crate) use read::{Source, read_dyn_from};

use crate::error::{IoError, Result};
use sci_array::ndarray::{Array, ArrayD, Dimension};
use sci_array::num_complex::{Complex32, Complex64};

/// An array read from a `.npy` file whose element type is only known at run time.
///
/// The variants are NumPy's numeric dtypes; note that NumPy's `complex64` is
/// [`Complex32`] (two `f32`) and `complex128` is [`Complex64`].
///
/// NumPy equivalent: the `numpy.ndarray` returned by `numpy.load`.
///
/// # Examples
///
/// ```
/// use sci_io::NpyArray;
/// use sci_io::sci_array::ndarray::{array, Ix1};
/// let a = NpyArray::from(array![1.5f64, 2.5]);
/// assert_eq!(a.dtype().descr(), "<f8");
/// assert_eq!(a.shape(), &[2]);
/// let back = a.into_array::<f64, Ix1>()?;
/// assert_eq!(back, array![1.5, 2.5]);
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NpyArray {
    /// `bool` (`'|b1'`).
    Bool(ArrayD<bool>),
    /// `int8` (`'|i1'`).
    I8(ArrayD<i8>),
    /// `int16` (`'<i2'`).
    I16(ArrayD<i16>),
    /// `int32` (`'<i4'`).
    I32(ArrayD<i32>),
    /// `int64` (`'<i8'`).
    I64(ArrayD<i64>),
    /// `uint8` (`'|u1'`).
    U8(ArrayD<u8>),
    /// `uint16` (`'<u2'`).
    U16(ArrayD<u16>),
    /// `uint32` (`'<u4'`).
    U32(ArrayD<u32>),
    /// `uint64` (`'<u8'`).
    U64(ArrayD<u64>),
    /// `float32` (`'<f4'`).
    F32(ArrayD<f32>),
    /// `float64` (`'<f8'`).
    F64(ArrayD<f64>),
    /// `complex64` (`'<c8'`): pairs of `f32`.
    C64(ArrayD<Complex32>),
    /// `complex128` (`'<c16'`): pairs of `f64`.
    C128(ArrayD<Complex64>),
}

macro_rules! each {
    ($self:expr, $a:ident => $e:expr) => {
        match $self {
            NpyArray::Bool($a) => $e,
            NpyArray::I8($a) => $e,
            NpyArray::I16($a) => $e,
            NpyArray::I32($a) => $e,
            NpyArray::I64($a) => $e,
            NpyArray::U8($a) => $e,
            NpyArray::U16($a) => $e,
            NpyArray::U32($a) => $e,
            NpyArray::U64($a) => $e,
            NpyArray::F32($a) => $e,
            NpyArray::F64($a) => $e,
            NpyArray::C64($a) => $e,
            NpyArray::C128($a) => $e,
        }
    };
}

fn dtype_of<T: NpyElement, D>(_: &Array<T, D>) -> Dtype {
    T::DTYPE
}

impl NpyArray {
    /// The shape of the array.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::Array3;
    /// let a = NpyArray::from(Array3::<f32>::zeros((2, 0, 4)));
    /// assert_eq!(a.shape(), &[2, 0, 4]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        each!(self, a => a.shape())
    }

    /// The number of dimensions.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::Array3;
    /// let a = NpyArray::from(Array3::<f32>::zeros((2, 0, 4)));
    /// assert_eq!(a.ndim(), 3);
    /// ```
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// The number of elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::Array3;
    /// let a = NpyArray::from(Array3::<f32>::zeros((2, 0, 4)));
    /// assert_eq!(a.len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        each!(self, a => a.len())
    }

    /// Whether the array has no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::Array3;
    /// let a = NpyArray::from(Array3::<f32>::zeros((2, 0, 4)));
    /// assert!(a.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element type, in this machine's byte order.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::Array3;
    /// let a = NpyArray::from(Array3::<f32>::zeros((2, 0, 4)));
    /// assert_eq!(a.dtype().descr(), "<f4");
    /// ```
    pub fn dtype(&self) -> Dtype {
        each!(self, a => dtype_of(a))
    }

    /// Converts to a typed array of element `T` and dimension `D`.
    ///
    /// # Errors
    ///
    /// [`IoError::DtypeMismatch`] if the element type is not `T` (no casting is done);
    /// [`IoError::DimensionMismatch`] if the dimensionality is not `D`'s.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyArray;
    /// use sci_io::sci_array::ndarray::{array, Ix2};
    /// let a = NpyArray::from(array![[1i32, 2]]);
    /// assert!(a.clone().into_array::<i64, Ix2>().is_err());
    /// assert_eq!(a.into_array::<i32, Ix2>()?, array![[1, 2]]);
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn into_array<T: NpyElement, D: Dimension>(self) -> Result<Array<T, D>> {
        let found = self.dtype();
        let a = T::from_npy_array(self).map_err(|_| IoError::DtypeMismatch {
            file: "array".into(),
            expected: T::DTYPE.descr(),
            found: found.descr(),
        })?;
        let shape = a.shape().to_vec();
        a.into_dimensionality::<D>().map_err(|_| IoError::DimensionMismatch {
            file: "array".into(),
            expected: D::NDIM.unwrap_or(0),
            found: shape,
        })
    }
}

impl<T: NpyElement, D: Dimension> From<Array<T, D>> for NpyArray {
    fn from(a: Array<T, D>) -> Self {
        T::into_npy_array(a.into_dyn())
    }
}

//! Memory-mapped `.npy` files: an `ArrayView` over the file's bytes, without reading them.

use super::NpyElement;
use super::header::read_header;
use super::read::check_typed;
use crate::error::{IoError, Result, file_err};
use sci_array::ndarray::{ArrayView, Dimension, IxDyn, ShapeBuilder};
use std::marker::PhantomData;
use std::path::Path;

/// A read-only memory map of a `.npy` file holding elements of type `T` in this machine's
/// byte order, viewed as an array of dimension `D`.
///
/// The data is not read up front: the operating system pages it in on access, so opening a
/// large file is cheap. The file must not be modified or truncated by anyone while it is
/// mapped (the same caveat as `numpy.memmap`).
///
/// NumPy equivalent: `numpy.load(path, mmap_mode="r")`.
///
/// # Examples
///
/// ```
/// use sci_io::{open_npy_mmap, save_npy};
/// use sci_io::sci_array::ndarray::{array, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_mmap_{}.npy", std::process::id()));
/// save_npy(&path, &array![[1.0, 2.0], [3.0, 4.0]])?;
/// let m = open_npy_mmap::<f64, Ix2>(&path)?;
/// let v = m.view();
/// assert_eq!(v[[1, 0]], 3.0);
/// assert_eq!(v.sum(), 10.0);
/// # drop(m);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct NpyMmap<T, D> {
    map: memmap2::Mmap,
    offset: usize,
    shape: D,
    fortran_order: bool,
    _elem: PhantomData<T>,
}

impl<T: NpyElement, D: Dimension> NpyMmap<T, D> {
    /// The array view over the mapped data (Fortran-order files give a column-major view).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{open_npy_mmap, save_npy};
    /// use sci_io::sci_array::ndarray::{array, Ix2};
    /// let path = std::env::temp_dir().join(format!("sci_io_doc_mm_{}_{}.npy", std::process::id(), line!()));
    /// save_npy(&path, &array![[1i16, 2, 3], [4, 5, 6]].reversed_axes())?;
    /// let m = open_npy_mmap::<i16, Ix2>(&path)?;
    /// assert_eq!(m.view(), array![[1i16, 4], [2, 5], [3, 6]]);
    /// # drop(m);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn view(&self) -> ArrayView<'_, T, D> {
        let shape = self.shape.clone().set_f(self.fortran_order);
        let ptr = self.map[self.offset..].as_ptr().cast::<T>();
        from_mapped(shape, ptr)
    }

    /// The shape of the mapped array.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{open_npy_mmap, save_npy};
    /// use sci_io::sci_array::ndarray::{array, Ix2};
    /// let path = std::env::temp_dir().join(format!("sci_io_doc_mm_{}_{}.npy", std::process::id(), line!()));
    /// save_npy(&path, &array![[1i16, 2, 3], [4, 5, 6]].reversed_axes())?;
    /// let m = open_npy_mmap::<i16, Ix2>(&path)?;
    /// assert_eq!(m.shape(), &[3, 2]);
    /// # drop(m);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.shape.slice()
    }

    /// Whether the file stores the data in Fortran (column-major) order.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{open_npy_mmap, save_npy};
    /// use sci_io::sci_array::ndarray::{array, Ix2};
    /// let path = std::env::temp_dir().join(format!("sci_io_doc_mm_{}_{}.npy", std::process::id(), line!()));
    /// save_npy(&path, &array![[1i16, 2, 3], [4, 5, 6]].reversed_axes())?;
    /// let m = open_npy_mmap::<i16, Ix2>(&path)?;
    /// assert!(m.fortran_order());
    /// # drop(m);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fortran_order(&self) -> bool {
        self.fortran_order
    }
}

#[allow(unsafe_code)]
fn from_mapped<'a, T, D: Dimension>(
    shape: sci_array::ndarray::Shape<D>,
    ptr: *const T,
) -> ArrayView<'a, T, D> {
    // SAFETY: `open_npy_mmap` checked, before constructing the `NpyMmap` this pointer comes
    // from, that (1) the dtype in the header is exactly `T` in native byte order, (2) `ptr` is
    // aligned for `T`, (3) the mapping holds at least `shape.size() * size_of::<T>()` bytes
    // from `ptr` on, and (4) for `bool`, every byte is 0 or 1. The contiguous C or F strides of
    // `shape` stay within that range, and the mapping is read-only and lives as long as the
    // `&self` borrow that the returned view is tied to.
    unsafe { ArrayView::from_shape_ptr(shape, ptr) }
}

#[allow(unsafe_code)]
fn map_file(file: &std::fs::File, path: &Path) -> Result<memmap2::Mmap> {
    // SAFETY: the map is read-only. Like `numpy.memmap`, soundness relies on the file not
    // being modified or truncated by another process while mapped, which is the documented
    // contract of `NpyMmap`.
    unsafe { memmap2::Mmap::map(file) }.map_err(file_err(path))
}

/// Memory-maps a `.npy` file for reading.
///
/// The file must hold elements of type `T` in this machine's byte order (little-endian on
/// x86 and ARM) with the data aligned for `T` (NumPy aligns it to 64 bytes); C and Fortran
/// order are both fine. Use [`load_npy`](crate::load_npy) for byte-swapped files.
///
/// NumPy equivalent: `numpy.load(path, mmap_mode="r")`.
///
/// # Errors
///
/// As [`load_npy`](crate::load_npy), plus [`IoError::NotMappable`] for a byte-swapped file,
/// unaligned data, or a `bool` file holding bytes other than 0 and 1.
///
/// # Examples
///
/// ```
/// use sci_io::{open_npy_mmap, save_npy};
/// use sci_io::sci_array::ndarray::{Array1, Ix1};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_mmap2_{}.npy", std::process::id()));
/// save_npy(&path, &Array1::from_iter(0..1000i32))?;
/// let m = open_npy_mmap::<i32, Ix1>(&path)?;
/// assert_eq!(m.view()[999], 999);
/// assert!(open_npy_mmap::<i64, Ix1>(&path).is_err());
/// # drop(m);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open_npy_mmap<T: NpyElement, D: Dimension>(path: impl AsRef<Path>) -> Result<NpyMmap<T, D>> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let mut file = std::fs::File::open(path).map_err(file_err(path))?;
    let len = file.metadata().map_err(file_err(path))?.len();
    let (h, offset) = read_header(&mut file, &name, Some(len))?;
    check_typed::<T, D>(&h, &name)?;
    if !h.dtype.is_native() {
        return Err(IoError::NotMappable {
            file: name,
            reason: format!("dtype {} is not in this machine's byte order", h.dtype.descr()),
        });
    }
    let nbytes = h.data_len().unwrap_or(usize::MAX);
    let available = len.saturating_sub(offset as u64);
    if nbytes as u64 > available {
        return Err(IoError::Truncated {
            file: name,
            what: "array data",
            expected: nbytes as u64,
            found: available,
        });
    }
    let shape = D::from_dimension(&IxDyn(&h.shape)).ok_or_else(|| IoError::DimensionMismatch {
        file: name.clone(),
        expected: D::NDIM.unwrap_or(0),
        found: h.shape.clone(),
    })?;
    let map = map_file(&file, path)?;
    if map.len() < offset + nbytes {
        return Err(IoError::Truncated {
            file: name,
            what: "array data",
            expected: nbytes as u64,
            found: map.len().saturating_sub(offset) as u64,
        });
    }
    let data = &map[offset..offset + nbytes];
    if !(data.as_ptr() as usize).is_multiple_of(std::mem::align_of::<T>()) {
        return Err(IoError::NotMappable {
            file: name,
            reason: format!("data at offset {offset} is not aligned"),
        });
    }
    if !T::ANY_BIT_PATTERN && data.iter().any(|&b| b > 1) {
        return Err(IoError::NotMappable {
            file: name,
            reason: "bool data holds bytes other than 0 and 1".into(),
        });
    }
    Ok(NpyMmap { map, offset, shape, fortran_order: h.fortran_order, _elem: PhantomData })
}

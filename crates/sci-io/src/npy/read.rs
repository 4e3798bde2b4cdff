//! Reading `.npy` files: typed (`load_npy::<f64, Ix2>`) and dynamically typed (`NpyArray`).

use super::header::{NpyHeader, read_full, read_header};
use super::{NpyArray, NpyElement};
use crate::error::{IoError, Result, file_err};
use crate::pod::bytes_of_mut;
use sci_array::ndarray::{Array, ArrayD, Dimension, IxDyn, ShapeBuilder};
use sci_array::num_complex::{Complex32, Complex64};
use std::io::Read;
use std::path::Path;

/// Without a trusted size, buffers grow by at most this many bytes per read.
const GROW_BYTES: usize = 1 << 24;
/// Scratch buffer for byte-swapping reads.
const SCRATCH_BYTES: usize = 1 << 16;

/// Where the bytes come from: a name for messages and what is known about the size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'a> {
    /// File or archive member name, for messages.
    pub file: &'a str,
    /// Bytes left in the source after the current position, when known for certain.
    pub remaining: Option<u64>,
}

fn truncated(file: &str, expected: usize, found: usize) -> IoError {
    IoError::Truncated {
        file: file.to_string(),
        what: "array data",
        expected: expected as u64,
        found: found as u64,
    }
}

/// Reads the data of `h` (whose dtype must be `T`'s, in either byte order).
pub(crate) fn read_data<T: NpyElement, R: Read + ?Sized>(
    r: &mut R,
    h: &NpyHeader,
    src: Source<'_>,
) -> Result<Vec<T>> {
    let size = h.dtype.size;
    let (n, nbytes) = match (h.len(), h.data_len()) {
        (Some(n), Some(b)) => (n, b),
        _ => {
            return Err(IoError::BadHeader {
                file: src.file.into(),
                reason: format!("shape {:?} is too large", h.shape),
            });
        }
    };
    if let Some(rem) = src.remaining
        && nbytes as u64 > rem
    {
        return Err(IoError::Truncated {
            file: src.file.to_string(),
            what: "array data",
            expected: nbytes as u64,
            found: rem,
        });
    }
    // With a known size the whole buffer is allocated at once; otherwise it grows with the data.
    let step = if src.remaining.is_some() { n.max(1) } else { (GROW_BYTES / size).max(1) };
    let mut v: Vec<T> = Vec::new();
    if h.dtype.is_native() && T::ANY_BIT_PATTERN {
        while v.len() < n {
            let start = v.len();
            let take = step.min(n - start);
            if start == 0 {
                // `vec!` of a zero primitive gets pre-zeroed pages from the allocator.
                v = vec![T::ZERO; take];
            } else {
                v.resize(start + take, T::ZERO);
            }
            let Some(bytes) = bytes_of_mut(&mut v[start..]) else { break };
            let want = bytes.len();
            let got = read_full(r, bytes)?;
            if got < want {
                return Err(truncated(src.file, nbytes, start * size + got));
            }
        }
        if v.len() == n {
            return Ok(v);
        }
        v.clear();
    }
    let big = h.dtype.big_endian;
    v.reserve(n.min(step));
    let mut scratch = vec![0u8; nbytes.min((SCRATCH_BYTES / size).max(1) * size)];
    let mut done = 0;
    while done < nbytes {
        let take = scratch.len().min(nbytes - done);
        let got = read_full(r, &mut scratch[..take])?;
        if got < take {
            return Err(truncated(src.file, nbytes, done + got));
        }
        v.extend(scratch[..take].chunks_exact(size).map(|c| T::from_bytes(c, big)));
        done += take;
    }
    Ok(v)
}

/// Builds the array of shape `h.shape` (Fortran order if the file says so) from `data`.
pub(crate) fn assemble<T, D: Dimension>(h: &NpyHeader, data: Vec<T>, file: &str) -> Result<Array<T, D>> {
    let shape = IxDyn(&h.shape);
    let a = if h.fortran_order {
        ArrayD::from_shape_vec(shape.f(), data)
    } else {
        ArrayD::from_shape_vec(shape, data)
    }
    .map_err(|e| IoError::BadHeader { file: file.into(), reason: format!("shape {:?}: {e}", h.shape) })?;
    a.into_dimensionality::<D>().map_err(|_| IoError::DimensionMismatch {
        file: file.into(),
        expected: D::NDIM.unwrap_or(0),
        found: h.shape.clone(),
    })
}

/// Checks that the header matches the requested element type and dimensionality.
pub(crate) fn check_typed<T: NpyElement, D: Dimension>(h: &NpyHeader, file: &str) -> Result<()> {
    if !h.dtype.same_type(&T::DTYPE) {
        return Err(IoError::DtypeMismatch {
            file: file.into(),
            expected: T::DTYPE.descr(),
            found: h.dtype.descr(),
        });
    }
    if let Some(nd) = D::NDIM
        && nd != h.shape.len()
    {
        return Err(IoError::DimensionMismatch { file: file.into(), expected: nd, found: h.shape.clone() });
    }
    Ok(())
}

pub(crate) fn read_typed_from<T: NpyElement, D: Dimension, R: Read + ?Sized>(
    r: &mut R,
    src: Source<'_>,
) -> Result<Array<T, D>> {
    let (h, used) = read_header(r, src.file, src.remaining)?;
    check_typed::<T, D>(&h, src.file)?;
    let src = Source { remaining: src.remaining.map(|n| n.saturating_sub(used as u64)), ..src };
    let data = read_data::<T, R>(r, &h, src)?;
    assemble(&h, data, src.file)
}

pub(crate) fn read_dyn_from<R: Read + ?Sized>(r: &mut R, src: Source<'_>) -> Result<NpyArray> {
    let (h, used) = read_header(r, src.file, src.remaining)?;
    let src = Source { remaining: src.remaining.map(|n| n.saturating_sub(used as u64)), ..src };
    read_dyn_data(r, &h, src)
}

pub(crate) fn read_dyn_data<R: Read + ?Sized>(r: &mut R, h: &NpyHeader, src: Source<'_>) -> Result<NpyArray> {
    use super::DtypeKind as K;
    fn go<T: NpyElement, R: Read + ?Sized>(r: &mut R, h: &NpyHeader, src: Source<'_>) -> Result<NpyArray> {
        let data = read_data::<T, R>(r, h, src)?;
        Ok(T::into_npy_array(assemble(h, data, src.file)?))
    }
    match (h.dtype.kind, h.dtype.size) {
        (K::Bool, _) => go::<bool, R>(r, h, src),
        (K::Int, 1) => go::<i8, R>(r, h, src),
        (K::Int, 2) => go::<i16, R>(r, h, src),
        (K::Int, 4) => go::<i32, R>(r, h, src),
        (K::Int, 8) => go::<i64, R>(r, h, src),
        (K::UInt, 1) => go::<u8, R>(r, h, src),
        (K::UInt, 2) => go::<u16, R>(r, h, src),
        (K::UInt, 4) => go::<u32, R>(r, h, src),
        (K::UInt, 8) => go::<u64, R>(r, h, src),
        (K::Float, 4) => go::<f32, R>(r, h, src),
        (K::Float, 8) => go::<f64, R>(r, h, src),
        (K::Complex, 8) => go::<Complex32, R>(r, h, src),
        (K::Complex, 16) => go::<Complex64, R>(r, h, src),
        _ => Err(IoError::UnsupportedDtype { file: src.file.into(), descr: h.dtype.descr() }),
    }
}

/// Opens a file and returns it with its length and display name.
fn open(path: &Path) -> Result<(std::fs::File, u64, String)> {
    let f = std::fs::File::open(path).map_err(file_err(path))?;
    let len = f.metadata().map_err(file_err(path))?.len();
    Ok((f, len, path.display().to_string()))
}

/// Reads a header and returns the source with the exact number of bytes left after it.
fn header_of_file(f: &mut std::fs::File, len: u64, name: &str) -> Result<(NpyHeader, u64)> {
    let (h, used) = read_header(f, name, Some(len))?;
    Ok((h, len.saturating_sub(used as u64)))
}

/// Loads a `.npy` file holding elements of type `T` into an array of dimension `D`.
///
/// The file may be in either byte order and in C or Fortran order; a Fortran-order file gives
/// an array with column-major memory layout and the same logical values as in NumPy. Use
/// `IxDyn` for any dimensionality, or [`load_npy_dyn`] when the element type is not known.
///
/// NumPy equivalent: `numpy.load` (for `.npy` files).
///
/// # Errors
///
/// [`IoError::File`] if the file cannot be opened; [`IoError::BadMagic`],
/// [`IoError::BadHeader`], [`IoError::Truncated`] or [`IoError::UnsupportedDtype`] for a
/// malformed file; [`IoError::DtypeMismatch`] / [`IoError::DimensionMismatch`] when the file
/// holds another element type or dimensionality than `T` / `D`.
///
/// # Examples
///
/// ```
/// use sci_io::{load_npy, save_npy};
/// use sci_io::sci_array::ndarray::{array, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_load_npy_{}.npy", std::process::id()));
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// save_npy(&path, &a)?;
/// let b = load_npy::<f64, Ix2>(&path)?;
/// assert_eq!(a, b);
/// assert!(load_npy::<i32, Ix2>(&path).is_err()); // the file holds float64
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_npy<T: NpyElement, D: Dimension>(path: impl AsRef<Path>) -> Result<Array<T, D>> {
    let path = path.as_ref();
    let (mut f, len, name) = open(path)?;
    let (h, remaining) = header_of_file(&mut f, len, &name)?;
    check_typed::<T, D>(&h, &name)?;
    let data = read_data::<T, _>(&mut f, &h, Source { file: &name, remaining: Some(remaining) })?;
    assemble(&h, data, &name)
}

/// Loads a `.npy` file whatever its (supported) element type and dimensionality.
///
/// NumPy equivalent: `numpy.load` (for `.npy` files).
///
/// # Errors
///
/// As [`load_npy`], without the type and dimension checks.
///
/// # Examples
///
/// ```
/// use sci_io::{load_npy_dyn, save_npy, NpyArray};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_load_dyn_{}.npy", std::process::id()));
/// save_npy(&path, &array![1u16, 2, 3])?;
/// let a = load_npy_dyn(&path)?;
/// assert_eq!(a.dtype().descr(), "<u2");
/// assert_eq!(a.shape(), &[3]);
/// let NpyArray::U16(x) = a else { panic!("expected uint16") };
/// assert_eq!(x.as_slice().unwrap(), &[1, 2, 3]);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_npy_dyn(path: impl AsRef<Path>) -> Result<NpyArray> {
    let path = path.as_ref();
    let (mut f, len, name) = open(path)?;
    let (h, remaining) = header_of_file(&mut f, len, &name)?;
    read_dyn_data(&mut f, &h, Source { file: &name, remaining: Some(remaining) })
}

/// Reads a `.npy` array of type `T` and dimension `D` from any reader.
///
/// Buffers grow with the data actually read, so a header that claims more data than the
/// stream holds costs no large allocation, only an [`IoError::Truncated`].
///
/// NumPy equivalent: `numpy.lib.format.read_array`.
///
/// # Errors
///
/// As [`load_npy`].
///
/// # Examples
///
/// ```
/// use sci_io::{read_npy, write_npy};
/// use sci_io::sci_array::ndarray::{array, Ix1};
/// let mut buf = Vec::new();
/// write_npy(&mut buf, &array![1i64, -2, 3])?;
/// let back = read_npy::<i64, Ix1, _>(&mut buf.as_slice())?;
/// assert_eq!(back, array![1i64, -2, 3]);
/// assert!(read_npy::<i64, Ix1, _>(&mut &buf[..buf.len() - 1]).is_err()); // truncated
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn read_npy<T: NpyElement, D: Dimension, R: Read>(reader: &mut R) -> Result<Array<T, D>> {
    read_typed_from::<T, D, R>(reader, Source { file: "<reader>", remaining: None })
}

/// Reads a `.npy` array of any supported type from a reader.
///
/// NumPy equivalent: `numpy.lib.format.read_array`.
///
/// # Errors
///
/// As [`load_npy_dyn`].
///
/// # Examples
///
/// ```
/// use sci_io::{read_npy_dyn, write_npy};
/// use sci_io::sci_array::ndarray::arr0;
/// let mut buf = Vec::new();
/// write_npy(&mut buf, &arr0(true))?;
/// let a = read_npy_dyn(&mut buf.as_slice())?;
/// assert_eq!(a.shape(), &[] as &[usize]);
/// assert_eq!(a.dtype().descr(), "|b1");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn read_npy_dyn<R: Read>(reader: &mut R) -> Result<NpyArray> {
    read_dyn_from(reader, Source { file: "<reader>", remaining: None })
}

/// Reads only the header of a `.npy` file (dtype, order, shape).
///
/// NumPy equivalent: `numpy.lib.format.read_array_header_1_0` (after `read_magic`).
///
/// # Errors
///
/// As [`load_npy_dyn`], for the header part.
///
/// # Examples
///
/// ```
/// use sci_io::{read_npy_header, save_npy};
/// use sci_io::sci_array::ndarray::Array2;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_header_{}.npy", std::process::id()));
/// save_npy(&path, &Array2::<f32>::zeros((2, 5)))?;
/// let h = read_npy_header(&path)?;
/// assert_eq!((h.dtype.descr(), h.fortran_order, h.shape), ("<f4".to_string(), false, vec![2, 5]));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_npy_header(path: impl AsRef<Path>) -> Result<NpyHeader> {
    let path = path.as_ref();
    let (mut f, len, name) = open(path)?;
    Ok(header_of_file(&mut f, len, &name)?.0)
}

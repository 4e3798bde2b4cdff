//! Writing `.npy` files exactly as `numpy.save` does.

use super::header::NpyHeader;
use super::{NpyArray, NpyElement};
use crate::error::{Result, file_err};
use crate::pod::bytes_of;
use sci_array::ndarray::{ArrayBase, Data, Dimension};
use std::io::Write;
use std::path::Path;

/// Bytes buffered per write when an array must be copied element by element.
const CHUNK_BYTES: usize = 1 << 16;

/// Something that can be written as one `.npy` array: any ndarray of an [`NpyElement`] type
/// (owned array or view, any layout) or an [`NpyArray`].
///
/// Used by [`savez`](crate::savez) to store arrays of different types in one archive.
///
/// # Examples
///
/// ```
/// use sci_io::WriteNpy;
/// use sci_io::sci_array::ndarray::array;
/// let a = array![1.0f32, 2.0];
/// let mut buf = Vec::new();
/// (&a as &dyn WriteNpy).write_npy_to(&mut buf)?;
/// assert_eq!(buf.len(), 128 + 8);
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub trait WriteNpy {
    /// Writes the header and the data to `w`.
    ///
    /// # Errors
    ///
    /// [`IoError::Io`](crate::IoError::Io) when writing fails.
    fn write_npy_to(&self, w: &mut dyn Write) -> Result<()>;

    /// The number of data bytes (without the header) that [`write_npy_to`](Self::write_npy_to)
    /// writes.
    fn npy_data_len(&self) -> u64;
}

impl<T: NpyElement, S: Data<Elem = T>, D: Dimension> WriteNpy for ArrayBase<S, D> {
    fn write_npy_to(&self, w: &mut dyn Write) -> Result<()> {
        write_array(w, self)
    }

    fn npy_data_len(&self) -> u64 {
        (self.len() as u64).saturating_mul(T::DTYPE.size as u64)
    }
}

impl WriteNpy for NpyArray {
    fn write_npy_to(&self, w: &mut dyn Write) -> Result<()> {
        match self {
            NpyArray::Bool(a) => write_array(w, a),
            NpyArray::I8(a) => write_array(w, a),
            NpyArray::I16(a) => write_array(w, a),
            NpyArray::I32(a) => write_array(w, a),
            NpyArray::I64(a) => write_array(w, a),
            NpyArray::U8(a) => write_array(w, a),
            NpyArray::U16(a) => write_array(w, a),
            NpyArray::U32(a) => write_array(w, a),
            NpyArray::U64(a) => write_array(w, a),
            NpyArray::F32(a) => write_array(w, a),
            NpyArray::F64(a) => write_array(w, a),
            NpyArray::C64(a) => write_array(w, a),
            NpyArray::C128(a) => write_array(w, a),
        }
    }

    fn npy_data_len(&self) -> u64 {
        (self.len() as u64).saturating_mul(self.dtype().size as u64)
    }
}

fn write_array<T: NpyElement, S: Data<Elem = T>, D: Dimension>(
    w: &mut dyn Write,
    a: &ArrayBase<S, D>,
) -> Result<()> {
    // NumPy: C-contiguous -> C order; else F-contiguous -> Fortran order; else copied in C order.
    let t = a.t();
    let (fortran_order, contiguous) = if let Some(s) = a.as_slice() {
        (false, Some(s))
    } else if let Some(s) = t.as_slice() {
        (true, Some(s))
    } else {
        (false, None)
    };
    let header = NpyHeader { dtype: T::DTYPE, fortran_order, shape: a.shape().to_vec() };
    w.write_all(&header.to_bytes())?;
    if let Some(s) = contiguous {
        w.write_all(bytes_of(s))?;
        return Ok(());
    }
    let size = T::DTYPE.size;
    let mut buf = vec![0u8; (CHUNK_BYTES / size).max(1) * size];
    let mut used = 0;
    for &x in a.iter() {
        x.write_native(&mut buf[used..used + size]);
        used += size;
        if used == buf.len() {
            w.write_all(&buf)?;
            used = 0;
        }
    }
    w.write_all(&buf[..used])?;
    Ok(())
}

/// Writes an array in `.npy` format to any writer.
///
/// The bytes are exactly those of `numpy.save`: format version 1.0, a header dict with
/// `'descr'`, `'fortran_order'` and `'shape'` padded to 64 bytes, then the data in this
/// machine's byte order. C-contiguous arrays are stored in C order, Fortran-contiguous ones in
/// Fortran order (one bulk write each); other views are copied in logical C order.
///
/// NumPy equivalent: `numpy.lib.format.write_array`.
///
/// # Errors
///
/// [`IoError::Io`](crate::IoError::Io) when writing fails.
///
/// # Examples
///
/// ```
/// use sci_io::write_npy;
/// use sci_io::sci_array::ndarray::{array, s};
/// let a = array![[1u8, 2, 3], [4, 5, 6]];
/// let mut buf = Vec::new();
/// write_npy(&mut buf, &a.slice(s![.., ..;-1]))?;
/// assert_eq!(&buf[..10], b"\x93NUMPY\x01\x00\x76\x00");
/// assert_eq!(&buf[128..], &[3, 2, 1, 6, 5, 4]);
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn write_npy<W: Write, T: NpyElement, S: Data<Elem = T>, D: Dimension>(
    writer: &mut W,
    array: &ArrayBase<S, D>,
) -> Result<()> {
    write_array(writer, array)
}

/// Saves an array to a `.npy` file that `numpy.load` reads.
///
/// See [`write_npy`] for the format. The file is created or truncated.
///
/// NumPy equivalent: `numpy.save`.
///
/// # Errors
///
/// [`IoError::File`](crate::IoError::File) when the file cannot be created;
/// [`IoError::Io`](crate::IoError::Io) when writing fails.
///
/// # Examples
///
/// ```
/// use sci_io::{load_npy, save_npy};
/// use sci_io::sci_array::ndarray::{array, Array2, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_save_npy_{}.npy", std::process::id()));
/// let a: Array2<i32> = array![[1, 2], [3, 4]].reversed_axes(); // Fortran-contiguous
/// save_npy(&path, &a)?;
/// assert_eq!(load_npy::<i32, Ix2>(&path)?, array![[1, 3], [2, 4]]);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn save_npy<T: NpyElement, S: Data<Elem = T>, D: Dimension>(
    path: impl AsRef<Path>,
    array: &ArrayBase<S, D>,
) -> Result<()> {
    let path = path.as_ref();
    let mut f = std::fs::File::create(path).map_err(file_err(path))?;
    write_array(&mut f, array)?;
    f.flush()?;
    Ok(())
}

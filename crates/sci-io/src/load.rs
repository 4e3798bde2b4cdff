//! `load`: NumPy's `numpy.load`, which tells `.npy` from `.npz` by the first bytes.

use crate::error::{IoError, Result, file_err};
use crate::npy::{NpyArray, load_npy_dyn};
use crate::npz::load_npz;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// What [`load`] found in a file.
///
/// NumPy equivalent: the array or `NpzFile` that `numpy.load` returns.
///
/// # Examples
///
/// ```
/// use sci_io::{Loaded, NpyArray};
/// use sci_io::sci_array::ndarray::array;
/// let l = Loaded::Npy(NpyArray::from(array![1u8]));
/// assert!(matches!(l, Loaded::Npy(a) if a.len() == 1));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Loaded {
    /// A `.npy` file: one array.
    Npy(NpyArray),
    /// A `.npz` archive: named arrays.
    Npz(BTreeMap<String, NpyArray>),
}

/// Loads a `.npy` or `.npz` file, whichever it is (decided by its first bytes, not its name).
///
/// Pickled objects are never loaded (NumPy's `allow_pickle=False` default).
///
/// NumPy equivalent: `numpy.load`.
///
/// # Errors
///
/// [`IoError::BadMagic`] if the file is neither format; otherwise the errors of
/// [`load_npy_dyn`] or [`load_npz`].
///
/// # Examples
///
/// ```
/// use sci_io::{load, save_npy, savez, Loaded};
/// use sci_io::sci_array::ndarray::array;
/// let dir = std::env::temp_dir();
/// let (p1, p2) = (dir.join(format!("sci_io_doc_load_{}.npy", std::process::id())), dir.join(format!("sci_io_doc_load_{}.npz", std::process::id())));
/// save_npy(&p1, &array![1.0, 2.0])?;
/// savez(&p2, &[("a", &array![1i32])])?;
/// assert!(matches!(load(&p1)?, Loaded::Npy(a) if a.shape() == [2]));
/// assert!(matches!(load(&p2)?, Loaded::Npz(m) if m.contains_key("a")));
/// # std::fs::remove_file(&p1)?;
/// # std::fs::remove_file(&p2)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Loaded> {
    let path = path.as_ref();
    let mut head = [0u8; 6];
    let mut f = std::fs::File::open(path).map_err(file_err(path))?;
    let n = crate::npy::read_full(&mut f as &mut dyn Read, &mut head).map_err(file_err(path))?;
    drop(f);
    if head[..n].starts_with(b"PK\x03\x04") || head[..n].starts_with(b"PK\x05\x06") {
        Ok(Loaded::Npz(load_npz(path)?))
    } else if n == 6 && &head == b"\x93NUMPY" {
        Ok(Loaded::Npy(load_npy_dyn(path)?))
    } else {
        Err(IoError::BadMagic { file: path.display().to_string(), found: head[..n].to_vec() })
    }
}

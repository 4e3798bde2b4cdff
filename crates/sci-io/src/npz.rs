//! NumPy's `.npz` archives: a zip file of `.npy` members, one per named array.

use crate::error::{IoError, Result, file_err};
use crate::npy::{NpyArray, Source, WriteNpy, read_dyn_from};
use std::collections::BTreeMap;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

fn zip_err(file: &Path) -> impl FnOnce(zip::result::ZipError) -> IoError + '_ {
    move |source| IoError::Zip { file: file.display().to_string(), source }
}

fn write_archive(path: &Path, arrays: &[(&str, &dyn WriteNpy)], method: CompressionMethod) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (name, _) in arrays {
        if name.is_empty() {
            return Err(IoError::InvalidArgument {
                arg: "arrays",
                reason: "array names must not be empty".into(),
            });
        }
        if !seen.insert(*name) {
            return Err(IoError::InvalidArgument {
                arg: "arrays",
                reason: format!("the name '{name}' is used twice"),
            });
        }
    }
    let f = std::fs::File::create(path).map_err(file_err(path))?;
    let mut zw = zip::ZipWriter::new(BufWriter::new(f));
    for (name, a) in arrays {
        // Header and padding are at most a few hundred bytes; zip64 is needed past 4 GiB.
        let large = a.npy_data_len() > u32::MAX as u64 - 65536;
        let opts = SimpleFileOptions::default().compression_method(method).large_file(large);
        zw.start_file(format!("{name}.npy"), opts).map_err(zip_err(path))?;
        a.write_npy_to(&mut zw)?;
    }
    let mut inner = zw.finish().map_err(zip_err(path))?;
    inner.flush().map_err(file_err(path))?;
    Ok(())
}

/// Saves several named arrays into one uncompressed `.npz` archive.
///
/// Each array is stored as the member `<name>.npy`, as `numpy.savez(path, name=array, ...)`
/// does, so `numpy.load(path)["name"]` reads it back. Arrays may have different element types
/// and dimensions.
///
/// NumPy equivalent: `numpy.savez`.
///
/// # Errors
///
/// [`IoError::InvalidArgument`] for an empty or repeated name; [`IoError::File`] /
/// [`IoError::Zip`] when the archive cannot be written.
///
/// # Examples
///
/// ```
/// use sci_io::{load_npz, savez};
/// use sci_io::sci_array::ndarray::{array, Ix1, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_savez_{}.npz", std::process::id()));
/// let x = array![[1.0, 2.0], [3.0, 4.0]];
/// let idx = array![0i64, 1, 1];
/// savez(&path, &[("x", &x), ("idx", &idx)])?;
/// let m = load_npz(&path)?;
/// assert_eq!(m["x"].clone().into_array::<f64, Ix2>()?, x);
/// assert_eq!(m["idx"].clone().into_array::<i64, Ix1>()?, idx);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn savez(path: impl AsRef<Path>, arrays: &[(&str, &dyn WriteNpy)]) -> Result<()> {
    write_archive(path.as_ref(), arrays, CompressionMethod::Stored)
}

/// Saves several named arrays into one deflate-compressed `.npz` archive.
///
/// NumPy equivalent: `numpy.savez_compressed`.
///
/// # Errors
///
/// As [`savez`].
///
/// # Examples
///
/// ```
/// use sci_io::{load_npz, savez_compressed};
/// use sci_io::sci_array::ndarray::{Array1, Ix1};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_savezc_{}.npz", std::process::id()));
/// let z = Array1::<f64>::zeros(10_000);
/// savez_compressed(&path, &[("z", &z)])?;
/// assert!(std::fs::metadata(&path)?.len() < 2_000); // zeros compress well
/// assert_eq!(load_npz(&path)?["z"].clone().into_array::<f64, Ix1>()?, z);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn savez_compressed(path: impl AsRef<Path>, arrays: &[(&str, &dyn WriteNpy)]) -> Result<()> {
    write_archive(path.as_ref(), arrays, CompressionMethod::Deflated)
}

/// Loads every array of a `.npz` archive (written by NumPy's `savez`/`savez_compressed` or by
/// sci), keyed by name without the `.npy` suffix.
///
/// Members are decompressed into buffers that grow with the data actually present, so a
/// member whose header claims more data than it holds gives [`IoError::Truncated`].
///
/// NumPy equivalent: `numpy.load` (for `.npz` files; NumPy loads members lazily).
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be opened; [`IoError::Zip`] for a damaged archive;
/// the errors of [`read_npy_dyn`](crate::read_npy_dyn) (with the member name) for a bad member.
///
/// # Examples
///
/// ```
/// use sci_io::{load_npz, savez};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_loadnpz_{}.npz", std::process::id()));
/// savez(&path, &[("a", &array![1u8, 2]), ("b", &array![true])])?;
/// let m = load_npz(&path)?;
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(m["b"].dtype().descr(), "|b1");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_npz(path: impl AsRef<Path>) -> Result<BTreeMap<String, NpyArray>> {
    let path = path.as_ref();
    let f = std::fs::File::open(path).map_err(file_err(path))?;
    let archive_len = f.metadata().map_err(file_err(path))?.len();
    let mut za = zip::ZipArchive::new(std::io::BufReader::new(f)).map_err(zip_err(path))?;
    let mut out = BTreeMap::new();
    for i in 0..za.len() {
        let mut member = za.by_index(i).map_err(zip_err(path))?;
        if member.is_dir() {
            continue;
        }
        let name = member.name().map_err(zip_err(path))?.into_owned();
        let key = name.strip_suffix(".npy").unwrap_or(&name).to_string();
        let label = format!("{}[{name}]", path.display());
        // A stored member's size is bounded by the archive's; compressed sizes are not trusted.
        let remaining = (member.compression() == CompressionMethod::Stored && member.size() <= archive_len)
            .then(|| member.size());
        let arr = read_dyn_from(&mut member as &mut dyn Read, Source { file: &label, remaining })?;
        out.insert(key, arr);
    }
    Ok(out)
}

//! The error type of `sci-io`.

use std::path::PathBuf;

/// Everything that can go wrong when reading or writing NumPy's files.
///
/// Each variant names the file (or the argument) at fault and what is wrong with it; text
/// parse errors carry the 1-based line number, as NumPy's messages do.
///
/// # Examples
///
/// ```
/// use sci_io::IoError;
/// let e = IoError::BadMagic { file: "a.npy".into(), found: vec![0x50, 0x4b] };
/// assert_eq!(e.to_string(), "a.npy: not a .npy file: the magic string is wrong (found [80, 75])");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IoError {
    /// The operating system refused an operation on a named file.
    #[error("{}: {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// An I/O error on a stream without a file name.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// An array-level error (shapes, arguments) from `sci-array`.
    #[error(transparent)]
    Array(#[from] sci_array::ArrayError),
    /// The file does not start with NumPy's magic string `\x93NUMPY`.
    #[error("{file}: not a .npy file: the magic string is wrong (found {found:?})")]
    BadMagic {
        /// The file (or archive member) read.
        file: String,
        /// The first bytes that were found instead.
        found: Vec<u8>,
    },
    /// The file ends before the part that its header (or the format) promises.
    #[error("{file}: file is truncated: {what} needs {expected} bytes but only {found} are left")]
    Truncated {
        /// The file (or archive member) read.
        file: String,
        /// The part that is cut short (`"header"`, `"array data"`, ...).
        what: &'static str,
        /// Bytes needed.
        expected: u64,
        /// Bytes available.
        found: u64,
    },
    /// The `.npy` header is malformed.
    #[error("{file}: invalid .npy header: {reason}")]
    BadHeader {
        /// The file (or archive member) read.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// The file holds an array of a dtype that sci cannot represent (object, string,
    /// structured, float16, datetime, ...).
    #[error("{file}: unsupported dtype {descr}")]
    UnsupportedDtype {
        /// The file (or archive member) read.
        file: String,
        /// The dtype descriptor from the header, e.g. `'|O'`.
        descr: String,
    },
    /// The file holds another element type than the one asked for.
    #[error("{file}: the file holds dtype {found}, not the requested {expected}")]
    DtypeMismatch {
        /// The file (or archive member) read.
        file: String,
        /// The requested element type, as a NumPy descriptor.
        expected: String,
        /// The element type in the file.
        found: String,
    },
    /// The file holds an array of another dimensionality than the one asked for.
    #[error("{file}: the file holds an array of shape {found:?}, not a {expected}-d array")]
    DimensionMismatch {
        /// The file (or archive member) read.
        file: String,
        /// The requested number of dimensions.
        expected: usize,
        /// The shape in the file.
        found: Vec<usize>,
    },
    /// A memory map was asked for a file that cannot be viewed in place.
    #[error("{file}: cannot memory-map: {reason}")]
    NotMappable {
        /// The file.
        file: String,
        /// Why (byte order, Fortran order is fine, unaligned data, ...).
        reason: String,
    },
    /// A `.npz` archive is malformed.
    #[error("{file}: invalid .npz archive: {source}")]
    Zip {
        /// The archive.
        file: String,
        /// What the zip reader or writer said.
        #[source]
        source: zip::result::ZipError,
    },
    /// A text file does not parse.
    #[error("{file}: line {line}: {reason}")]
    Parse {
        /// The file read.
        file: String,
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong (the field, the expected type, ...).
        reason: String,
    },
    /// An image file is not a PNG, JPEG, TIFF or BMP image, or is truncated or corrupt, or the
    /// image encoder failed.
    #[error("{file}: cannot decode or encode the image: {reason}")]
    Image {
        /// The file read (`"<bytes>"` or `"<reader>"` for in-memory input).
        file: String,
        /// What the decoder or encoder said.
        reason: String,
    },
    /// An option or argument has a value outside its domain.
    #[error("invalid value for `{arg}`: {reason}")]
    InvalidArgument {
        /// Name of the argument or option.
        arg: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with [`IoError`].
pub type Result<T, E = IoError> = std::result::Result<T, E>;

/// Adds the file name to an `std::io::Error`.
pub(crate) fn file_err(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> IoError + '_ {
    move |source| IoError::File { path: path.to_path_buf(), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<IoError>();
    }

    #[test]
    fn parse_error_names_line() {
        let e = IoError::Parse { file: "d.txt".into(), line: 3, reason: "bad".into() };
        assert_eq!(e.to_string(), "d.txt: line 3: bad");
    }
}

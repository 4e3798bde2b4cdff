//! A minimal `.npy` writer for benchmark inputs and outputs.
//!
//! It only writes C-ordered little-endian `f64` / `i64` / `bool` arrays (format 1.0, header
//! padded to 64 bytes as NumPy does). It exists so the harness does not depend on sci-io's
//! own `.npy` code, which is one of the things being benchmarked (`io.npy_roundtrip_*`).

use ndarray::{ArrayBase, Data, Dimension};
use std::io::{BufWriter, Write};
use std::path::Path;

/// An element type the writer knows.
pub trait NpyElement: Copy {
    /// NumPy's `descr` string, e.g. `<f8`.
    const DESCR: &'static str;
    /// Appends the little-endian bytes of `self`.
    fn put(self, out: &mut Vec<u8>);
}

impl NpyElement for f64 {
    const DESCR: &'static str = "<f8";
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl NpyElement for i64 {
    const DESCR: &'static str = "<i8";
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl NpyElement for bool {
    const DESCR: &'static str = "|b1";
    fn put(self, out: &mut Vec<u8>) {
        out.push(u8::from(self));
    }
}

/// The header bytes (magic, version, length, padded dict) for a C-ordered array.
pub fn header(descr: &str, shape: &[usize]) -> Vec<u8> {
    let shape_txt = match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut dict = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape_txt}, }}");
    let unpadded = 10 + dict.len() + 1;
    dict.push_str(&" ".repeat((64 - unpadded % 64) % 64));
    dict.push('\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    out.extend_from_slice(dict.as_bytes());
    out
}

/// Writes `a` (any layout; written in logical C order) to `path`.
pub fn write_npy<T, S, D>(path: &Path, a: &ArrayBase<S, D>) -> std::io::Result<()>
where
    T: NpyElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut f = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    f.write_all(&header(T::DESCR, a.shape()))?;
    let mut buf = Vec::with_capacity(1 << 16);
    for &v in a.iter() {
        v.put(&mut buf);
        if buf.len() >= 1 << 16 {
            f.write_all(&buf)?;
            buf.clear();
        }
    }
    f.write_all(&buf)?;
    f.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_aligned_and_parsable() {
        for shape in [vec![3usize], vec![4000, 4000], vec![]] {
            let h = header("<f8", &shape);
            assert_eq!(h.len() % 64, 0);
            assert_eq!(&h[..6], b"\x93NUMPY");
            assert_eq!(*h.last().unwrap(), b'\n');
            let dict = std::str::from_utf8(&h[10..]).unwrap();
            assert!(dict.contains("'descr': '<f8'"), "{dict}");
        }
        assert!(std::str::from_utf8(&header("<i8", &[5])[10..]).unwrap().contains("(5,)"));
        assert!(std::str::from_utf8(&header("<i8", &[2, 3])[10..]).unwrap().contains("(2, 3)"));
    }

    #[test]
    fn writes_data_in_c_order() {
        let dir = std::env::temp_dir().join(format!("sci-benches-npy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.npy");
        let a = ndarray::array![[1i64, 2], [3, 4]];
        write_npy(&p, &a.t()).unwrap();
        let bytes = std::fs::read(&p).unwrap();
        let data = &bytes[bytes.len() - 32..];
        let vals: Vec<i64> = data.chunks(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect();
        assert_eq!(vals, [1, 3, 2, 4]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

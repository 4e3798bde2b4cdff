//! The registry of side-by-side workloads.
//!
//! A workload is one [`Workload`] entry here (Rust side) plus one `@workload("same.name")`
//! function in `benches/python/bench_<crate>.py` (NumPy/SciPy side), keyed by the same name
//! `<crate>.<what>_<size>`. To add one:
//!
//! 1. write a `setup` function in `src/workloads/<crate>.rs` that draws the inputs from
//!    [`Inputs::rng`], saves them with [`Inputs::save`] (or writes a file under
//!    [`Inputs::path`]) and returns the timed closure, which returns the named outputs;
//! 2. list it in that module's `workloads()` (a new module also gets a line in [`registry`]);
//! 3. add the Python function that loads the same inputs and returns the same outputs, with the
//!    tolerance the comparison uses.
//!
//! The timed closure must call the library's public function, exactly as a user would: a row
//! whose function does not exist yet is absent, never replaced by a kernel written here.

use crate::rng::SplitMix64;
use ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};
use sci_array::num_complex::Complex64;
use sci_io::NpyElement;
use std::path::{Path, PathBuf};

/// One output array of a workload, compared against the NumPy result.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Float output.
    F64(ArrayD<f64>),
    /// Single-precision float output (compared as `float32` on the Python side).
    F32(ArrayD<f32>),
    /// Complex output.
    C64(ArrayD<Complex64>),
    /// Integer output.
    I64(ArrayD<i64>),
    /// 32-bit integer output (labels, as SciPy returns them).
    I32(ArrayD<i32>),
    /// Boolean output.
    Bool(ArrayD<bool>),
    /// 8-bit unsigned output (image pixels).
    U8(ArrayD<u8>),
}

impl<D: Dimension> From<Array<f64, D>> for Out {
    fn from(a: Array<f64, D>) -> Self {
        Out::F64(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<f32, D>> for Out {
    fn from(a: Array<f32, D>) -> Self {
        Out::F32(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<Complex64, D>> for Out {
    fn from(a: Array<Complex64, D>) -> Self {
        Out::C64(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<i64, D>> for Out {
    fn from(a: Array<i64, D>) -> Self {
        Out::I64(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<i32, D>> for Out {
    fn from(a: Array<i32, D>) -> Self {
        Out::I32(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<u8, D>> for Out {
    fn from(a: Array<u8, D>) -> Self {
        Out::U8(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<bool, D>> for Out {
    fn from(a: Array<bool, D>) -> Self {
        Out::Bool(a.into_dyn())
    }
}

impl Out {
    /// Writes the array as `.npy` (with `sci_io::save_npy`).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        match self {
            Out::F64(a) => sci_io::save_npy(path, a),
            Out::F32(a) => sci_io::save_npy(path, a),
            Out::C64(a) => sci_io::save_npy(path, a),
            Out::I64(a) => sci_io::save_npy(path, a),
            Out::I32(a) => sci_io::save_npy(path, a),
            Out::Bool(a) => sci_io::save_npy(path, a),
            Out::U8(a) => sci_io::save_npy(path, a),
        }
        .map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The named outputs of one call.
pub type Outputs = Vec<(&'static str, Out)>;

/// The timed part of a workload: one call of the library, returning its outputs.
pub type Case = Box<dyn FnMut() -> Result<Outputs, String>>;

/// Where a workload writes its inputs, and its seeded generator.
#[derive(Debug)]
pub struct Inputs {
    dir: PathBuf,
    name: String,
    rng: SplitMix64,
    write_npy: bool,
}

impl Inputs {
    /// Inputs of workload `name` under `dir`; the generator's seed is derived from the name, so
    /// every workload's data is fixed from run to run.
    pub fn new(dir: &Path, name: &str) -> Self {
        // FNV-1a of the name.
        let seed = name
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        Inputs { dir: dir.to_path_buf(), name: name.to_string(), rng: SplitMix64::new(seed), write_npy: true }
    }

    /// The same, but [`Inputs::save`] writes nothing (for criterion, which needs no `.npy`
    /// copies; files a workload itself reads, under [`Inputs::path`], are still written).
    pub fn without_npy(mut self) -> Self {
        self.write_npy = false;
        self
    }

    /// The seeded generator.
    pub fn rng(&mut self) -> &mut SplitMix64 {
        &mut self.rng
    }

    /// `<dir>/<workload>.<file>`: where the Python side finds input `file`.
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.join(format!("{}.{file}", self.name))
    }

    /// A scratch file of the sci side for I/O workloads: `<dir>/scratch-sci/<workload>.<file>`
    /// (the Python side uses `scratch-numpy/`).
    pub fn scratch(&self, file: &str) -> Result<PathBuf, String> {
        let d = self.dir.join("scratch-sci");
        std::fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        Ok(d.join(format!("{}.{file}", self.name)))
    }

    /// Saves input `input` as `<dir>/<workload>.<input>.npy` with `sci_io::save_npy` (unless
    /// [`Inputs::without_npy`]). The Python side checks the outputs, so a faulty writer would
    /// show up as a mismatch, not as a wrong timing.
    pub fn save<T, S, D>(&self, input: &str, a: &ArrayBase<S, D>) -> Result<(), String>
    where
        T: NpyElement,
        S: Data<Elem = T>,
        D: Dimension,
    {
        if !self.write_npy {
            return Ok(());
        }
        let p = self.path(&format!("{input}.npy"));
        sci_io::save_npy(&p, a).map_err(|e| format!("{}: {e}", p.display()))
    }
}

/// One side-by-side benchmark.
pub struct Workload {
    /// `<crate>.<what>_<size>`, the key shared with the Python side.
    pub name: &'static str,
    /// What is timed, in NumPy terms.
    pub about: &'static str,
    /// Draws and saves the inputs, returns the timed call.
    pub setup: fn(&mut Inputs) -> Result<Case, String>,
}

impl std::fmt::Debug for Workload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workload").field("name", &self.name).field("about", &self.about).finish()
    }
}

/// Every workload, in report order.
pub fn registry() -> Vec<Workload> {
    let mut all = Vec::new();
    all.extend(crate::workloads::array::workloads());
    all.extend(crate::workloads::io::workloads());
    all.extend(crate::workloads::linalg::workloads());
    all.extend(crate::workloads::fft::workloads());
    all.extend(crate::workloads::signal::workloads());
    all.extend(crate::workloads::ndimage::workloads());
    all.extend(crate::workloads::sparse::workloads());
    all.extend(crate::workloads::optimize::workloads());
    all.extend(crate::workloads::stats::workloads());
    all
}

/// The workloads whose name contains `filter` (all when `None`).
pub fn select(filter: Option<&str>) -> Vec<Workload> {
    registry().into_iter().filter(|w| filter.is_none_or(|f| w.name.contains(f))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_well_formed() {
        let all = registry();
        let mut names: Vec<_> = all.iter().map(|w| w.name).collect();
        for n in &names {
            let (krate, rest) = n.split_once('.').expect("name is <crate>.<what>");
            assert!(!krate.is_empty() && !rest.is_empty(), "{n}");
            assert!(n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'), "{n}");
        }
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate workload names");
    }

    #[test]
    fn seeds_differ_by_name() {
        let dir = Path::new("/nonexistent");
        let a = Inputs::new(dir, "a.x").rng().next_u64();
        let b = Inputs::new(dir, "b.x").rng().next_u64();
        assert_ne!(a, b);
        assert_eq!(a, Inputs::new(dir, "a.x").rng().next_u64());
        assert_eq!(Inputs::new(dir, "a.x").path("x.npy"), dir.join("a.x.x.npy"));
    }
}

//! # sci: SciPy and NumPy for Rust
//!
//! One dependency for the whole stack. Each module is a crate of its own, behind a cargo
//! feature of the same name (all on by default), so `default-features = false` plus the
//! features you need keeps compile times short:
//!
//! | sci | mirrors | crate | feature |
//! |---|---|---|---|
//! | [`array`] | `numpy` (creation, indexing, sorting, reductions, random, testing) | `sci-array` | always |
//! | [`io`] | `numpy.load`/`save`/`savez`, `loadtxt`/`savetxt`/`genfromtxt` | `sci-io` | `io` |
//! | [`linalg`] | `scipy.linalg`, `numpy.linalg` | `sci-linalg` | `linalg` |
//! | [`fft`] | `scipy.fft` | `sci-fft` | `fft` |
//! | [`signal`] | `scipy.signal` | `sci-signal` | `signal` |
//! | [`optimize`] | `scipy.optimize` | `sci-optimize` | `optimize` |
//! | [`ndimage`] | `scipy.ndimage` | `sci-ndimage` | `ndimage` |
//! | [`sparse`] | `scipy.sparse` (+ `linalg`, `csgraph`) | `sci-sparse` | `sparse` |
//! | [`special`] | `scipy.special` | `sci-special` | `special` |
//! | [`integrate`] | `scipy.integrate` | `sci-integrate` | `integrate` |
//! | [`interpolate`] | `scipy.interpolate` | `sci-interpolate` | `interpolate` |
//! | [`spatial`] | `scipy.spatial` | `sci-spatial` | `spatial` |
//! | [`cluster`] | `scipy.cluster` | `sci-cluster` | `cluster` |
//! | [`stats`] | `scipy.stats` | `sci-stats` | `stats` |
//!
//! Arrays are [`ndarray`] arrays, re-exported here; every module takes and returns them.
//!
//! ```
//! use sci::prelude::*;
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let m = sci::array::mean(&a, Some(0)).unwrap();
//! assert_eq!(m, array![2.0, 3.0].into_dyn());
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array as array;
pub use sci_array::ndarray;
pub use sci_array::num_complex;

#[cfg(feature = "cluster")]
pub use sci_cluster as cluster;
#[cfg(feature = "fft")]
pub use sci_fft as fft;
#[cfg(feature = "integrate")]
pub use sci_integrate as integrate;
#[cfg(feature = "interpolate")]
pub use sci_interpolate as interpolate;
#[cfg(feature = "io")]
pub use sci_io as io;
#[cfg(feature = "linalg")]
pub use sci_linalg as linalg;
#[cfg(feature = "ndimage")]
pub use sci_ndimage as ndimage;
#[cfg(feature = "optimize")]
pub use sci_optimize as optimize;
#[cfg(feature = "signal")]
pub use sci_signal as signal;
#[cfg(feature = "sparse")]
pub use sci_sparse as sparse;
#[cfg(feature = "spatial")]
pub use sci_spatial as spatial;
#[cfg(feature = "special")]
pub use sci_special as special;
#[cfg(feature = "stats")]
pub use sci_stats as stats;

/// The names most programs want: ndarray's prelude (`array!`, `Array1`, `Axis`, `s!`, ...),
/// the complex number types and the distribution traits (whose methods `pdf`, `cdf`, `ppf`, ...
/// need them in scope).
pub mod prelude {
    pub use sci_array::ndarray::prelude::*;
    pub use sci_array::num_complex::{Complex32, Complex64};
    #[cfg(feature = "stats")]
    pub use sci_stats::{ContinuousDistribution, DiscreteDistribution};
}

#[cfg(test)]
mod tests {
    #[test]
    fn modules_are_reachable() {
        let a = crate::ndarray::array![3.0, 1.0, 2.0];
        let sorted = crate::array::sort(&a, 0, crate::array::SortKind::QuickSort).unwrap();
        assert_eq!(sorted.to_vec(), vec![1.0, 2.0, 3.0]);
    }

    #[cfg(feature = "linalg")]
    #[test]
    fn linalg_is_scipy_linalg() {
        let d: f64 = crate::linalg::det(&crate::ndarray::array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
        assert!((d + 2.0).abs() < 1e-12);
    }

    #[cfg(feature = "fft")]
    #[test]
    fn fft_is_scipy_fft() {
        let f = crate::fft::fftfreq(4, 0.5).unwrap();
        assert_eq!(f.to_vec(), vec![0.0, 0.5, -1.0, -0.5]);
    }

    #[cfg(feature = "ndimage")]
    #[test]
    fn ndimage_is_scipy_ndimage() {
        let s = crate::ndimage::generate_binary_structure(2, 1).unwrap();
        assert_eq!(s.iter().filter(|&&v| v).count(), 5);
    }

    #[cfg(feature = "optimize")]
    #[test]
    fn optimize_is_scipy_optimize() {
        let r = crate::optimize::brentq(|x| x * x - 2.0, 0.0, 2.0).unwrap();
        assert!((r - 2f64.sqrt()).abs() < 1e-10);
    }

    #[cfg(feature = "sparse")]
    #[test]
    fn sparse_is_scipy_sparse() {
        let a = crate::sparse::CsrMatrix::from_triplets(&[1.0, 2.0], &[0, 1], &[1, 0], (2, 2)).unwrap();
        assert_eq!(a.toarray(), crate::ndarray::array![[0.0, 1.0], [2.0, 0.0]]);
    }

    #[cfg(feature = "special")]
    #[test]
    fn special_is_scipy_special() {
        assert_eq!(crate::special::gamma(5.0), 24.0);
        assert!((crate::special::erf(0.5) - 0.5204998778130465).abs() < 1e-15);
    }

    #[cfg(feature = "stats")]
    #[test]
    fn stats_is_scipy_stats() {
        use crate::prelude::*;
        assert_eq!(crate::stats::Norm::standard().cdf(1.96), 0.9750021048517795);
    }

    #[cfg(feature = "integrate")]
    #[test]
    fn integrate_is_scipy_integrate() {
        let o = crate::integrate::QuadOptions::default();
        let r = crate::integrate::quad(f64::sin, 0.0, std::f64::consts::PI, &o).unwrap();
        assert!((r.value - 2.0).abs() < 1e-14);
    }

    #[cfg(feature = "interpolate")]
    #[test]
    fn interpolate_is_scipy_interpolate() {
        use crate::interpolate::{Interp1d, Kind, OutOfRange};
        let x = crate::ndarray::array![0.0, 1.0, 2.0];
        let f = Interp1d::new(&x, &x.mapv(|v| 2.0 * v), Kind::Linear, OutOfRange::Error).unwrap();
        assert_eq!(f.eval(1.5).unwrap(), 3.0);
    }

    #[cfg(feature = "spatial")]
    #[test]
    fn spatial_is_scipy_spatial() {
        let x = crate::ndarray::array![[0.0, 0.0], [3.0, 4.0]];
        assert_eq!(crate::spatial::pdist(&x, crate::spatial::Metric::Euclidean).unwrap()[0], 5.0);
    }

    #[cfg(feature = "cluster")]
    #[test]
    fn cluster_is_scipy_cluster() {
        let y = crate::ndarray::array![1.0, 3.0, 2.0];
        let z = crate::cluster::linkage(&y, crate::cluster::Method::Single).unwrap();
        assert_eq!(z[[0, 2]], 1.0);
    }
}

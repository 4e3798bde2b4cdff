//! `io.*` workloads: sci-io's `.npy` and text readers/writers against NumPy.
//!
//! Python side: `benches/python/bench_io.py`.

use crate::registry::Workload;

/// The `io.*` workloads available with the current sci-io.
pub fn workloads() -> Vec<Workload> {
    Vec::new()
}

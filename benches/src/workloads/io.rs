//! `io.*` workloads: sci-io's `.npy` and text readers/writers against NumPy.
//!
//! Python side: `benches/python/bench_io.py`.

use crate::registry::{Case, Inputs, Workload};
use ndarray::Ix2;
use sci_io::{LoadTxtOptions, SaveTxtOptions};

/// The `io.*` workloads available with the current sci-io.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "io.npy_roundtrip_1000x1000",
            about: "sci_io::save_npy then sci_io::load_npy of a 1000x1000 f64 (8 MB)",
            setup: npy_roundtrip,
        },
        Workload {
            name: "io.loadtxt_1e6x3",
            about: "sci_io::loadtxt of 1e6 rows x 3 f64 columns written as np.savetxt does (%.18e)",
            setup: loadtxt,
        },
    ]
}

fn npy_roundtrip(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_mat(1000, 1000);
    inp.save("x", &x)?;
    let path = inp.scratch("roundtrip.npy")?;
    Ok(Box::new(move || {
        sci_io::save_npy(&path, &x).map_err(|e| e.to_string())?;
        let y = sci_io::load_npy::<f64, Ix2>(&path).map_err(|e| e.to_string())?;
        Ok(vec![("y", y.into())])
    }))
}

fn loadtxt(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_mat(1_000_000, 3);
    let path = inp.path("x.txt");
    sci_io::savetxt(&path, &x, &SaveTxtOptions::default()).map_err(|e| e.to_string())?;
    let opts = LoadTxtOptions::default();
    Ok(Box::new(move || {
        let y = sci_io::loadtxt::<f64, Ix2>(&path, &opts).map_err(|e| e.to_string())?;
        Ok(vec![("y", y.into())])
    }))
}

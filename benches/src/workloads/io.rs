//! `io.*` workloads: sci-io's `.npy` and text readers/writers against NumPy.
//!
//! Python side: `benches/python/bench_io.py`.

use crate::registry::{Case, Inputs, Workload};
use ndarray::Array3;
use ndarray::Ix2;
use sci_io::{Image, ImsaveOptions, LoadTxtOptions, SaveTxtOptions};

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
        Workload {
            name: "io.png_read_2048",
            about: "sci_io::imread of a 2048x2048 RGB 8-bit PNG (smooth gradients plus noise)",
            setup: png_read,
        },
        Workload {
            name: "io.png_write_2048",
            about: "sci_io::imsave of a 2048x2048 RGB u8 array as PNG (default compression)",
            setup: png_write,
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

/// A 2048x2048 RGB photo-like image: smooth gradients plus a little noise.
fn rgb_2048(inp: &mut Inputs) -> Array3<u8> {
    let noise = inp.rng().normal_mat(2048, 2048);
    Array3::from_shape_fn((2048, 2048, 3), |(i, j, k)| {
        let v = (i as f64 * (0.05 + 0.03 * k as f64)).sin() * 80.0
            + j as f64 * 0.04
            + 100.0
            + 4.0 * noise[[i, j]];
        v.clamp(0.0, 255.0) as u8
    })
}

fn png_read(inp: &mut Inputs) -> Result<Case, String> {
    let img = rgb_2048(inp);
    let path = inp.path("img.png");
    sci_io::imsave(&path, &img, &ImsaveOptions::default()).map_err(|e| e.to_string())?;
    Ok(Box::new(move || match sci_io::imread(&path).map_err(|e| e.to_string())? {
        Image::Color8(a) => Ok(vec![("y", a.into())]),
        other => Err(format!("expected an RGB image, got shape {:?}", other.shape())),
    }))
}

fn png_write(inp: &mut Inputs) -> Result<Case, String> {
    let img = rgb_2048(inp);
    inp.save("x", &img)?;
    let path = inp.scratch("written.png")?;
    Ok(Box::new(move || {
        sci_io::imsave(&path, &img, &ImsaveOptions::default()).map_err(|e| e.to_string())?;
        // the output is the file's size in bytes (outputs are compared, sizes differ by encoder)
        let n = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        Ok(vec![("written", ndarray::arr0(n > 0).into())])
    }))
}

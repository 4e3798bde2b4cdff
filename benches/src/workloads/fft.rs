//! `fft.*` workloads: sci-fft against `scipy.fft`.
//!
//! Python side: `benches/python/bench_fft.py`. Complex inputs have standard normal real and
//! imaginary parts; real inputs are standard normal.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use crate::rng::SplitMix64;
use ndarray::{Array1, Array2, Array3};
use sci_array::num_complex::Complex64;
use sci_fft::{DctType, Norm, dct, fft, fft2, fftn, idct, irfft, rfft};

/// The `fft.*` workloads available with the current sci-fft.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload { name: "fft.fft_c2c_2p20", about: "sci_fft::fft, complex, n = 2^20", setup: fft_c2c_2p20 },
        Workload { name: "fft.rfft_2p20", about: "sci_fft::rfft, real, n = 2^20", setup: rfft_2p20 },
        Workload {
            name: "fft.fft_prime_100003",
            about: "sci_fft::fft, complex, prime n = 100003",
            setup: fft_prime,
        },
        Workload { name: "fft.fft2_1024", about: "sci_fft::fft2, complex 1024x1024", setup: fft2_1024 },
        Workload { name: "fft.dct2_2p20", about: "sci_fft::dct type 2, real, n = 2^20", setup: dct2_2p20 },
        Workload {
            name: "fft.irfft_2p20",
            about: "sci_fft::irfft, 2^19 + 1 complex bins -> n = 2^20",
            setup: irfft_2p20,
        },
        Workload { name: "fft.fftn_3d_128", about: "sci_fft::fftn, complex 128x128x128", setup: fftn_3d_128 },
        Workload {
            name: "fft.dct_type2_ortho_2p20",
            about: "sci_fft::dct type 2, norm=\"ortho\", real, n = 2^20",
            setup: dct_type2_ortho,
        },
        Workload { name: "fft.idct_2p20", about: "sci_fft::idct type 2, real, n = 2^20", setup: idct_2p20 },
        Workload {
            name: "fft.dct2_axis0_1024",
            about: "sci_fft::dct type 2 along axis 0 of a real 1024x1024 array",
            setup: dct2_axis0_1024,
        },
    ]
}

fn complex(rng: &mut SplitMix64) -> Complex64 {
    Complex64::new(rng.normal(), rng.normal())
}

fn fft_1d(inp: &mut Inputs, n: usize) -> Result<Case, String> {
    let rng = inp.rng();
    let x = Array1::from_shape_simple_fn(n, || complex(rng));
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", fft(&x, None, -1, Norm::Backward).map_err(msg)?.into())])))
}

fn fft_c2c_2p20(inp: &mut Inputs) -> Result<Case, String> {
    fft_1d(inp, 1 << 20)
}

fn fft_prime(inp: &mut Inputs) -> Result<Case, String> {
    fft_1d(inp, 100_003)
}

fn rfft_2p20(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1 << 20);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", rfft(&x, None, -1, Norm::Backward).map_err(msg)?.into())])))
}

fn fft2_1024(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let x = Array2::from_shape_simple_fn((1024, 1024), || complex(rng));
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", fft2(&x, None, None, Norm::Backward).map_err(msg)?.into())])))
}

fn dct2_2p20(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1 << 20);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", dct(&x, DctType::II, None, -1, Norm::Backward).map_err(msg)?.into())])))
}

fn irfft_2p20(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let x = Array1::from_shape_simple_fn((1 << 19) + 1, || complex(rng));
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", irfft(&x, None, -1, Norm::Backward).map_err(msg)?.into())])))
}

fn fftn_3d_128(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let x = Array3::from_shape_simple_fn((128, 128, 128), || complex(rng));
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", fftn(&x, None, None, Norm::Backward).map_err(msg)?.into())])))
}

fn dct_type2_ortho(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1 << 20);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", dct(&x, DctType::II, None, -1, Norm::Ortho).map_err(msg)?.into())])))
}

fn idct_2p20(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1 << 20);
    inp.save("x", &x)?;
    Ok(Box::new(move || {
        Ok(vec![("y", idct(&x, DctType::II, None, -1, Norm::Backward).map_err(msg)?.into())])
    }))
}

fn dct2_axis0_1024(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let x = Array2::from_shape_simple_fn((1024, 1024), || rng.normal());
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", dct(&x, DctType::II, None, 0, Norm::Backward).map_err(msg)?.into())])))
}

//! `array.*` workloads: sci-array against NumPy.
//!
//! Python side: `benches/python/bench_array.py`. Inputs are 1e7-element `f64` arrays (uniform
//! `[0, 1)` or standard normal) unless the name says otherwise.

use crate::registry::{Case, Inputs, Workload};
use ndarray::array;
use sci_array::{ConvolveMode, QuantileMethod, SortKind, TakeMode};

const N: usize = 10_000_000;

fn err(e: sci_array::ArrayError) -> String {
    e.to_string()
}

/// The `array.*` workloads available with the current sci-array.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "array.elementwise_axpy_1e7",
            about: "sci_array::axpy(1.1, a, b) = a * 1.1 + b, normal f64",
            setup: axpy,
        },
        Workload {
            name: "array.std_axis0_4000x4000",
            about: "sci_array::std(x, axis 0, ddof 0)",
            setup: std_axis0,
        },
        Workload {
            name: "array.sort_1e7",
            about: "sci_array::sort (quicksort kind), normal f64",
            setup: sort,
        },
        Workload {
            name: "array.unique_counts_1e7",
            about: "sci_array::unique_counts, i64 in 0..1e5",
            setup: unique_counts,
        },
        Workload {
            name: "array.mask_select_1e7",
            about: "x > 0.5 (ndarray mapv) then sci_array::mask_select",
            setup: mask_select,
        },
        Workload { name: "array.cumsum_1e7", about: "sci_array::cumsum, uniform f64", setup: cumsum },
        Workload {
            name: "array.take_1e6",
            about: "sci_array::take of 1e6 random i64 indices from 1e7 f64",
            setup: take,
        },
        Workload {
            name: "array.percentile_1e7",
            about: "sci_array::percentile at 5/50/95, linear",
            setup: percentile,
        },
        Workload {
            name: "array.stencil3_1e7",
            about: "sci_array::convolve(x, [1, -2, 1], valid)",
            setup: stencil3,
        },
    ]
}

fn axpy(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_vec(N);
    let b = inp.rng().normal_vec(N);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("y", sci_array::axpy(1.1, &a, &b).map_err(err)?.into())])))
}

fn std_axis0(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_mat(4000, 4000);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", sci_array::std(&x, Some(0), 0.0).map_err(err)?.into())])))
}

fn sort(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(N);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", sci_array::sort(&x, -1, SortKind::QuickSort).map_err(err)?.into())])))
}

fn unique_counts(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().int_vec(N, 100_000);
    inp.save("x", &x)?;
    Ok(Box::new(move || {
        let (values, counts) = sci_array::unique_counts(&x);
        Ok(vec![("values", values.into()), ("counts", counts.mapv(|c| c as i64).into())])
    }))
}

fn mask_select(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().uniform_vec(N);
    inp.save("x", &x)?;
    Ok(Box::new(move || {
        let mask = x.mapv(|v| v > 0.5);
        Ok(vec![("y", sci_array::mask_select(&x, &mask).map_err(err)?.into())])
    }))
}

fn cumsum(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().uniform_vec(N);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", sci_array::cumsum(&x, None).map_err(err)?.into())])))
}

fn take(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(N);
    let idx = inp.rng().int_vec(1_000_000, N as u64);
    inp.save("x", &x)?;
    inp.save("indices", &idx)?;
    Ok(Box::new(move || {
        Ok(vec![("y", sci_array::take(&x, &idx, None, TakeMode::Raise).map_err(err)?.into())])
    }))
}

fn percentile(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(N);
    inp.save("x", &x)?;
    Ok(Box::new(move || {
        let q = sci_array::percentile(&x, &[5.0, 50.0, 95.0], None, QuantileMethod::Linear).map_err(err)?;
        Ok(vec![("y", q.into())])
    }))
}

fn stencil3(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().uniform_vec(N);
    inp.save("x", &x)?;
    let w = array![1.0, -2.0, 1.0];
    Ok(Box::new(move || {
        Ok(vec![("y", sci_array::convolve(&x, &w, ConvolveMode::Valid).map_err(err)?.into())])
    }))
}

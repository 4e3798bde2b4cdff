//! `array.*` workloads: sci-array (and plain ndarray arithmetic) against NumPy.
//!
//! Python side: `benches/python/bench_array.py`.

use crate::registry::{Case, Inputs, Workload};

/// The `array.*` workloads available with the current sci-array.
pub fn workloads() -> Vec<Workload> {
    vec![Workload {
        name: "array.elementwise_axpy_1e7",
        about: "a * 1.1 + b on two f64 arrays of 1e7 (ndarray operators)",
        setup: axpy,
    }]
}

fn axpy(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_vec(10_000_000);
    let b = inp.rng().normal_vec(10_000_000);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("y", (&a * 1.1 + &b).into())])))
}

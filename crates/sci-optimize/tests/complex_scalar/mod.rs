//! The scalar types the complex-step tests write their functions for (f64 and Complex64).

use sci_array::num_complex::Complex64;
use std::ops::{Add, Mul, Sub};

/// Arithmetic shared by f64 and Complex64, and real constants.
pub trait Scalar: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> {
    /// The real number `v`.
    fn re(v: f64) -> Self;
}

impl Scalar for f64 {
    fn re(v: f64) -> Self {
        v
    }
}

impl Scalar for Complex64 {
    fn re(v: f64) -> Self {
        Complex64::new(v, 0.0)
    }
}

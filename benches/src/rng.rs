//! A small deterministic generator for benchmark inputs (SplitMix64).
//!
//! Inputs only need to be reproducible from run to run and identical for both sides of the
//! comparison (the Python side reads the `.npy` files written from these arrays), so a tiny
//! self-contained generator is enough and keeps the inputs stable across dependency upgrades.
//!
//! The arrays are allocated as NumPy allocates the Python side's copies (`np.load` of the same
//! files): large buffers get the transparent huge-page advice (`sci_array::alloc`), so that
//! neither side's kernels see more TLB misses on their inputs than the other's.

use ndarray::{Array, Array1, Array2, Dimension, ShapeBuilder};

/// A standard-layout array of `shape` filled by `f` in order, huge-page advised when large.
fn filled<Sh: ShapeBuilder>(shape: Sh, mut f: impl FnMut() -> f64) -> Array<f64, Sh::Dim>
where
    Sh::Dim: Dimension,
{
    let shape = shape.into_shape_with_order();
    let len = shape.size();
    let mut v = Vec::with_capacity(len);
    sci_array::alloc::advise_huge(v.spare_capacity_mut());
    v.extend((0..len).map(|_| f()));
    Array::from_shape_vec(shape, v).expect("len values")
}

/// SplitMix64: 64-bit state, passes BigCrush, one multiply-xorshift chain per draw.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw (Box–Muller, one value per call).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]: ln is finite
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// An integer in `[0, high)` (`high > 0`; the modulo bias is irrelevant for benchmarks).
    pub fn below(&mut self, high: u64) -> u64 {
        self.next_u64() % high
    }

    /// `n` uniform floats in `[0, 1)`.
    pub fn uniform_vec(&mut self, n: usize) -> Array1<f64> {
        filled(n, || self.uniform())
    }

    /// `n` standard normal floats.
    pub fn normal_vec(&mut self, n: usize) -> Array1<f64> {
        filled(n, || self.normal())
    }

    /// A `rows x cols` matrix of standard normal floats.
    pub fn normal_mat(&mut self, rows: usize, cols: usize) -> Array2<f64> {
        filled((rows, cols), || self.normal())
    }

    /// `n` integers in `[0, high)`.
    pub fn int_vec(&mut self, n: usize, high: u64) -> Array1<i64> {
        Array1::from_shape_simple_fn(n, || self.below(high) as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_range() {
        let a = SplitMix64::new(7).uniform_vec(1000);
        let b = SplitMix64::new(7).uniform_vec(1000);
        assert_eq!(a, b);
        assert!(a.iter().all(|&v| (0.0..1.0).contains(&v)));
        let ints = SplitMix64::new(1).int_vec(1000, 10);
        assert!(ints.iter().all(|&v| (0..10).contains(&v)));
        let mean = SplitMix64::new(3).normal_vec(100_000).mean().unwrap();
        assert!(mean.abs() < 0.02, "mean of normals {mean}");
    }
}

//! # Random numbers: NumPy's `default_rng`
//!
//! [`default_rng`]`(seed)` returns a [`Generator`] whose draws are **bit for bit those of
//! `numpy.random.default_rng(seed)`** (NumPy 2.x) for the methods marked *exact* below, on every
//! platform: everything is integer arithmetic or IEEE-754 double operations done in the same
//! order as NumPy's C code, except for a few `exp`/`ln`/`ln_1p` calls inside rejection tests
//! (taken from the platform's libm, as in NumPy itself).
//!
//! ## Algorithm
//!
//! * **Seeding** — [`SeedSequence`] (NumPy's `SeedSequence`, after O'Neill's `seed_seq_fe`):
//!   the seed is split into little-endian 32-bit words and hashed into a pool of four `u32`
//!   (`hashmix` with constants `0x43b0d7e5`/`0x931e8875`, `mix` with `0xca01f9dd`/`0x4973f715`);
//!   `generate_state` re-hashes the pool (`0x8b51f9dd`/`0x58f38ded`) into 8 words = 4 `u64`.
//! * **Bits** — [`Pcg64`] (NumPy's `PCG64`): 128-bit LCG with multiplier
//!   `0x2360ed051fc65da44385df649fcc f645`, state and stream from the 4 seed words, XSL-RR
//!   output. 32-bit draws use half of a 64-bit output and keep the other half.
//! * **Floats** — `random`: `(u64 >> 11) * 2^-53`; `float32`: `(u32 >> 8) * 2^-24`.
//! * **Integers** — `integers`: Lemire's multiply-shift rejection on 32-bit draws when the range
//!   fits in 32 bits, on 64-bit draws otherwise (`random_bounded_uint64_fill`).
//! * **Normal / exponential** — 256-layer ziggurats with NumPy's tables (in
//!   `ziggurat_tables.rs`, extracted from NumPy by `tools/fixtures/array_random.py --tables`).
//! * **Gamma** — Marsaglia & Tsang (`shape >= 1`), rejection from a power law below 1; the
//!   chi-square, Student's t and negative binomial are built on it as in NumPy.
//! * **Poisson** — multiplication of uniforms for `lam < 10`, Hörmann's PTRS otherwise.
//! * **Binomial** — inversion when `min(p, 1-p) * n <= 30`, Kachitvichyanukul & Schmeiser's BTPE
//!   otherwise.
//! * **Shuffling** — Fisher–Yates from the end with NumPy's masked `random_interval`;
//!   `choice` without replacement uses Floyd's algorithm with a hash set (or a partial shuffle
//!   for large samples), `choice` with weights uses a cumulative sum and a right-sided search.
//!
//! | method | NumPy | parity |
//! |---|---|---|
//! | [`Generator::random`], [`Generator::random_f32`] | `random` | exact |
//! | [`Generator::integers`], [`Generator::integers_closed`] | `integers` (int64) | exact |
//! | [`Generator::uniform`] | `uniform` | exact |
//! | [`Generator::standard_normal`], [`Generator::normal`] | `standard_normal`, `normal` | exact |
//! | [`Generator::standard_exponential`], [`Generator::exponential`] | same | exact |
//! | [`Generator::poisson`] | `poisson` | exact |
//! | [`Generator::binomial`] | `binomial` | exact |
//! | [`Generator::shuffle`], [`Generator::permutation`], [`Generator::permutation_of`] | same | exact |
//! | [`Generator::choice`], [`Generator::choice_from`] | `choice` | exact |
//! | [`Generator::standard_gamma`], [`Generator::gamma`], [`Generator::chisquare`] | same | exact |
//! | [`Generator::lognormal`], [`Generator::laplace`], [`Generator::logistic`], [`Generator::gumbel`] | same | exact |
//! | [`Generator::rayleigh`], [`Generator::pareto`], [`Generator::weibull`], [`Generator::power`] | same | exact |
//! | [`Generator::standard_cauchy`], [`Generator::standard_t`] | same | exact |
//! | [`Generator::geometric`], [`Generator::negative_binomial`] | same | exact |
//!
//! "Exact" is checked against NumPy output in `tests/random.rs` (several seeds, including 0 and
//! `2^64 - 1`).
//!
//! ## Shapes
//!
//! Every sampling method takes the output shape as anything ndarray turns into a dimension:
//! `5` gives an `Array1`, `(2, 3)` an `Array2`, `&[2, 3][..]` an `ArrayD`, `()` a 0-d array
//! (use `.into_scalar()` for one value). Values are generated in C (row-major) order, as in NumPy.
//!
//! # Examples
//!
//! ```
//! use sci_array::random::default_rng;
//! let mut rng = default_rng(0);
//! let x = rng.random(3)?;
//! // np.random.default_rng(0).random(3)
//! assert_eq!(x.to_vec(), vec![0.6369616873214543, 0.2697867137638703, 0.04097352393619469]);
//! # Ok::<(), sci_array::ArrayError>(())
//! ```

use ndarray::{Array, Dimension, IntoDimension};

use crate::{ArrayError, Result};

mod bitgen;
mod continuous;
mod discrete;
mod extra;
mod permute;
mod ziggurat_tables;

pub use bitgen::{POOL_SIZE, Pcg64, SeedSequence};
pub use permute::ChoiceOptions;

/// NumPy's `Generator` on the default bit generator [`Pcg64`].
///
/// Create one with [`default_rng`] (or [`Generator::from_seed`]); the distributions are methods.
/// See the [module documentation](self) for the algorithms and the list of methods that match
/// NumPy bit for bit.
///
/// NumPy equivalent: `numpy.random.Generator`.
///
/// # Examples
///
/// ```
/// use sci_array::random::Generator;
/// let mut rng = Generator::from_seed(42);
/// let a = rng.standard_normal((2, 3))?;
/// assert_eq!(a.shape(), &[2, 3]);
/// # Ok::<(), sci_array::ArrayError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generator {
    bit_generator: Pcg64,
}

/// A [`Generator`] seeded like `numpy.random.default_rng(seed)`: same seed, same numbers.
///
/// NumPy equivalent: `numpy.random.default_rng`.
///
/// # Examples
///
/// ```
/// use sci_array::random::default_rng;
/// let mut rng = default_rng(12345);
/// let mut again = default_rng(12345);
/// assert_eq!(rng.integers(0, 100, 5)?, again.integers(0, 100, 5)?);
/// # Ok::<(), sci_array::ArrayError>(())
/// ```
pub fn default_rng(seed: u64) -> Generator {
    Generator::from_seed(seed)
}

/// `InvalidValue` for argument `arg`.
pub(crate) fn invalid(arg: &'static str, reason: impl Into<String>) -> ArrayError {
    ArrayError::InvalidValue { arg, reason: reason.into() }
}

/// Fills an array of `shape` in C order with `f()`.
pub(crate) fn fill<T, Sh: IntoDimension>(shape: Sh, mut f: impl FnMut() -> T) -> Result<Array<T, Sh::Dim>> {
    let dim = shape.into_dimension();
    let n = checked_size(&dim, std::mem::size_of::<T>())?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(f());
    }
    Array::from_shape_vec(dim, v).map_err(|e| invalid("shape", e.to_string()))
}

/// Number of elements of `dim`, checked against overflow of `isize` bytes.
pub(crate) fn checked_size<D: Dimension>(dim: &D, elem_bytes: usize) -> Result<usize> {
    dim.size_checked()
        .filter(|&n| n.checked_mul(elem_bytes.max(1)).is_some_and(|b| b <= isize::MAX as usize))
        .ok_or_else(|| invalid("shape", format!("{:?} is too large", dim.slice())))
}

impl Generator {
    /// Wraps a bit generator.
    ///
    /// NumPy equivalent: `numpy.random.Generator(bit_generator)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::{Generator, Pcg64};
    /// let rng = Generator::new(Pcg64::new(3));
    /// assert_eq!(rng, Generator::from_seed(3));
    /// ```
    pub fn new(bit_generator: Pcg64) -> Self {
        Generator { bit_generator }
    }

    /// Seeds like `numpy.random.default_rng(seed)` (same as [`default_rng`]).
    ///
    /// NumPy equivalent: `numpy.random.default_rng(seed)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Generator;
    /// let mut rng = Generator::from_seed(0);
    /// assert_eq!(rng.next_f64(), 0.6369616873214543);
    /// ```
    pub fn from_seed(seed: u64) -> Self {
        Generator::new(Pcg64::new(seed as u128))
    }

    /// The underlying bit generator.
    ///
    /// NumPy equivalent: `numpy.random.Generator.bit_generator`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::{default_rng, Pcg64};
    /// assert_eq!(default_rng(1).bit_generator(), &Pcg64::new(1));
    /// ```
    pub fn bit_generator(&self) -> &Pcg64 {
        &self.bit_generator
    }

    /// The underlying bit generator, mutably (e.g. to [`advance`](Pcg64::advance) it).
    ///
    /// NumPy equivalent: `numpy.random.Generator.bit_generator`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(1);
    /// rng.bit_generator_mut().advance(10);
    /// assert_ne!(rng, default_rng(1));
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut Pcg64 {
        &mut self.bit_generator
    }

    /// The next 64 raw bits of the bit generator.
    ///
    /// NumPy equivalent: `numpy.random.PCG64.random_raw()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// assert_eq!(default_rng(0).next_u64(), 0xa30f_ebcf_d9c2_825f);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.bit_generator.next_u64()
    }

    /// The next 32 raw bits (half of a 64-bit output, buffered like NumPy).
    ///
    /// NumPy equivalent: the bit generator's `next_uint32`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// assert_eq!(default_rng(0).next_u32(), 0xd9c2_825f);
    /// ```
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        self.bit_generator.next_u32()
    }

    /// One double in `[0, 1)`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.random()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// assert_eq!(default_rng(0).next_f64(), 0.6369616873214543);
    /// ```
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        self.bit_generator.next_f64()
    }

    /// Doubles uniformly distributed in `[0, 1)`, `(u64 >> 11) * 2^-53`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.random(size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] (`shape`) when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let a = rng.random((2, 2))?;
    /// assert_eq!(a[[0, 0]], 0.6369616873214543);
    /// assert!(a.iter().all(|&x| (0.0..1.0).contains(&x)));
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn random<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        fill(shape, || bg.next_f64())
    }

    /// Single-precision floats in `[0, 1)`, `(u32 >> 8) * 2^-24`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.random(size, dtype=np.float32)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] (`shape`) when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let a = default_rng(0).random_f32(4)?;
    /// // np.random.default_rng(0).random(4, dtype=np.float32)
    /// assert_eq!(a.to_vec(), vec![0.8506242_f32, 0.63696164, 0.5111365, 0.26978666]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn random_f32<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f32, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        fill(shape, || bg.next_f32())
    }
}

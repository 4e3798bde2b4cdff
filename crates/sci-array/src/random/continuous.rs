//! Continuous distributions: uniform, normal, exponential.

use ndarray::{Array, IntoDimension};

use super::ziggurat_tables::{FE, FI, KE, KI, WE, WI};
use super::{Generator, Pcg64, fill, invalid};
use crate::Result;

/// Start of the normal ziggurat's tail (`ziggurat_nor_r`).
const ZIG_NOR_R: f64 = 3.654_152_885_361_009;
/// `1 / ZIG_NOR_R` (`ziggurat_nor_inv_r`).
const ZIG_NOR_INV_R: f64 = 0.273_661_237_329_758_3;
/// Start of the exponential ziggurat's tail (`ziggurat_exp_r`).
const ZIG_EXP_R: f64 = 7.697_117_470_131_05;

/// One standard normal draw, NumPy's `random_standard_normal`.
///
/// One 64-bit word gives the layer (low 8 bits), the sign (bit 8) and a 52-bit abscissa;
/// draws inside the layer's rectangle (99.3%) return at once, the wedge is tested against the
/// density, and layer 0 samples the tail beyond `r` by Marsaglia's exponential method.
#[inline]
pub(crate) fn standard_normal(bg: &mut Pcg64) -> f64 {
    loop {
        let mut r = bg.next_u64();
        let idx = (r & 0xff) as usize;
        r >>= 8;
        let sign = r & 1;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -ZIG_NOR_INV_R * (-bg.next_f64()).ln_1p();
                let yy = -(-bg.next_f64()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 { -(ZIG_NOR_R + xx) } else { ZIG_NOR_R + xx };
                }
            }
        } else if (FI[idx - 1] - FI[idx]) * bg.next_f64() + FI[idx] < (-0.5 * x * x).exp() {
            return x;
        }
    }
}

/// One standard exponential draw, NumPy's `random_standard_exponential` (ziggurat).
#[inline]
pub(crate) fn standard_exponential(bg: &mut Pcg64) -> f64 {
    loop {
        let mut ri = bg.next_u64();
        ri >>= 3;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f64 * WE[idx];
        if ri < KE[idx] {
            return x;
        }
        if idx == 0 {
            return ZIG_EXP_R - (-bg.next_f64()).ln_1p();
        }
        if (FE[idx - 1] - FE[idx]) * bg.next_f64() + FE[idx] < (-x).exp() {
            return x;
        }
    }
}

/// NumPy's `CONS_NON_NEGATIVE`: rejects a set sign bit (including `-0.0`), lets NaN through.
pub(crate) fn check_non_negative(v: f64, arg: &'static str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(invalid(arg, format!("{arg} < 0")));
    }
    Ok(())
}

impl Generator {
    /// Samples uniformly distributed over `[low, high)`: `low + (high - low) * random()`.
    ///
    /// `high == low` gives `low` everywhere. As in NumPy, `high` itself can appear through
    /// rounding.
    ///
    /// NumPy equivalent: `numpy.random.Generator.uniform(low, high, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `high - low` when
    /// `high < low` or the range is not finite (NaN, infinite or overflowing); `shape` when the
    /// shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let u = rng.uniform(-1.0, 1.0, 3)?;
    /// // np.random.default_rng(0).uniform(-1, 1, 3)
    /// assert_eq!(u.to_vec(), vec![0.2739233746429086, -0.4604265724722594, -0.9180529521276106]);
    /// assert!(rng.uniform(1.0, 0.0, 3).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn uniform<Sh: IntoDimension>(
        &mut self,
        low: f64,
        high: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        let range = high - low;
        if !range.is_finite() {
            return Err(invalid("high - low", "high - low range exceeds valid bounds"));
        }
        check_non_negative(range, "high - low")?;
        let bg = &mut self.bit_generator;
        fill(shape, || low + range * bg.next_f64())
    }

    /// Samples from the standard normal distribution (mean 0, standard deviation 1) by NumPy's
    /// 256-layer ziggurat.
    ///
    /// NumPy equivalent: `numpy.random.Generator.standard_normal(size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) (`shape`) when the shape's
    /// size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let z = default_rng(0).standard_normal(3)?;
    /// // np.random.default_rng(0).standard_normal(3)
    /// assert_eq!(z.to_vec(), vec![0.1257302210933933, -0.1321048632913019, 0.6404226504432821]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn standard_normal<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        fill(shape, || standard_normal(bg))
    }

    /// Samples from the normal distribution `loc + scale * standard_normal()`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.normal(loc, scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// `scale < 0` (NumPy also rejects `-0.0`; NaN gives NaN samples); `shape` when the
    /// shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let x = rng.normal(2.0, 3.0, 2)?;
    /// // np.random.default_rng(0).normal(2, 3, 2)
    /// assert_eq!(x.to_vec(), vec![2.37719066328018, 1.6036854101260944]);
    /// assert!(rng.normal(0.0, -1.0, 2).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn normal<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(shape, || loc + scale * standard_normal(bg))
    }

    /// Samples from the standard exponential distribution (rate 1) by NumPy's ziggurat.
    ///
    /// NumPy equivalent: `numpy.random.Generator.standard_exponential(size)` (default
    /// `method='zig'`).
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) (`shape`) when the shape's
    /// size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let e = default_rng(0).standard_exponential(3)?;
    /// // np.random.default_rng(0).standard_exponential(3)
    /// assert_eq!(e.to_vec(), vec![0.6799319039689096, 1.0195971014658647, 0.019806662589055352]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn standard_exponential<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        fill(shape, || standard_exponential(bg))
    }

    /// Samples from the exponential distribution with mean `scale` (`scale = 1 / rate`).
    ///
    /// NumPy equivalent: `numpy.random.Generator.exponential(scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// `scale < 0`; `shape` when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let e = rng.exponential(2.0, 2)?;
    /// // np.random.default_rng(0).exponential(2, 2)
    /// assert_eq!(e.to_vec(), vec![1.3598638079378191, 2.0391942029317294]);
    /// assert!(rng.exponential(-1.0, 2).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn exponential<Sh: IntoDimension>(&mut self, scale: f64, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(shape, || scale * standard_exponential(bg))
    }
}

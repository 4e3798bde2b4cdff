//! Discrete distributions: bounded integers, Poisson, binomial.

use ndarray::{Array, Dimension, IntoDimension};

use super::{Generator, Pcg64, fill, invalid};
use crate::Result;

/// Largest `lam` NumPy's `poisson` accepts: `i64::MAX - 10 * sqrt(i64::MAX)`.
const POISSON_LAM_MAX: f64 = 9.223_372_006_484_771e18;

/// Lemire's nearly-divisionless bounded draw in `[0, rng]` on 32-bit words
/// (`buffered_bounded_lemire_uint32`); `rng < u32::MAX`.
#[inline]
fn lemire_u32(bg: &mut Pcg64, rng: u32) -> u32 {
    let rng_excl = rng + 1;
    let mut m = bg.next_u32() as u64 * rng_excl as u64;
    let mut leftover = m as u32;
    if leftover < rng_excl {
        let threshold = (u32::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = bg.next_u32() as u64 * rng_excl as u64;
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// Lemire's bounded draw in `[0, rng]` on 64-bit words (`bounded_lemire_uint64`);
/// `rng < u64::MAX`.
#[inline]
fn lemire_u64(bg: &mut Pcg64, rng: u64) -> u64 {
    let rng_excl = rng + 1;
    let mut m = bg.next_u64() as u128 * rng_excl as u128;
    let mut leftover = m as u64;
    if leftover < rng_excl {
        let threshold = (u64::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = bg.next_u64() as u128 * rng_excl as u128;
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

/// A uniform integer in `[0, rng]` (inclusive), NumPy's `random_bounded_uint64` with
/// `use_masked = false`: nothing is drawn for `rng == 0`, 32-bit draws for `rng < 2^32`.
#[inline]
pub(crate) fn bounded_u64(bg: &mut Pcg64, rng: u64) -> u64 {
    if rng == 0 {
        0
    } else if rng < 0xffff_ffff {
        lemire_u32(bg, rng as u32) as u64
    } else if rng == 0xffff_ffff {
        bg.next_u32() as u64
    } else if rng == u64::MAX {
        bg.next_u64()
    } else {
        lemire_u64(bg, rng)
    }
}

/// A uniform integer in `[0, max]` by masked rejection, NumPy's `random_interval` (used by
/// `shuffle`): 32-bit draws when `max < 2^32`.
#[inline]
pub(crate) fn random_interval(bg: &mut Pcg64, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = u64::MAX >> max.leading_zeros();
    if max <= 0xffff_ffff {
        loop {
            let v = bg.next_u32() as u64 & mask;
            if v <= max {
                return v;
            }
        }
    } else {
        loop {
            let v = bg.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }
}

/// `log(Gamma(x))` as NumPy's `random_loggam` computes it (SPECFUN's series; used by PTRS).
fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333_333_333_333_333e-02,
        -2.777_777_777_777_778e-03,
        7.936_507_936_507_937e-04,
        -5.952_380_952_380_952e-04,
        8.417_508_417_508_418e-04,
        -1.917_526_917_526_918e-03,
        6.410_256_410_256_41e-03,
        -2.955_065_359_477_124e-02,
        1.796_443_723_688_307e-01,
        -1.392_432_216_905_9,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n = if x < 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let lg2pi = 1.837_877_066_409_345_3;
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * x0.ln() - x0;
    if x < 7.0 {
        for _ in 1..=n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

/// Poisson by multiplying uniforms until the product falls below `exp(-lam)` (small `lam`).
fn poisson_mult(bg: &mut Pcg64, lam: f64) -> i64 {
    let enlam = (-lam).exp();
    let mut x = 0;
    let mut prod = 1.0;
    loop {
        prod *= bg.next_f64();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

/// Hörmann's transformed rejection with squeeze (PTRS), for `lam >= 10`.
fn poisson_ptrs(bg: &mut Pcg64, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bg.next_f64() - 0.5;
        let v = bg.next_f64();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor() as i64;
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if v.ln() + invalpha.ln() - (a / (us * us) + b).ln()
            <= -lam + k as f64 * loglam - loggam(k as f64 + 1.0)
        {
            return k;
        }
    }
}

/// One Poisson draw, NumPy's `random_poisson`.
pub(crate) fn poisson(bg: &mut Pcg64, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bg, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bg, lam)
    }
}

/// Binomial by sequential inversion of the CDF (`n * p <= 30`, `p <= 1/2`).
fn binomial_inversion(bg: &mut Pcg64, n: i64, p: f64) -> i64 {
    let q = 1.0 - p;
    let qn = (n as f64 * q.ln()).exp();
    let np = n as f64 * p;
    let lim = np + 10.0 * (np * q + 1.0).sqrt();
    let bound = (if (n as f64) < lim { n as f64 } else { lim }) as i64;
    let mut x = 0i64;
    let mut px = qn;
    let mut u = bg.next_f64();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = bg.next_f64();
        } else {
            u -= px;
            px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

/// Kachitvichyanukul & Schmeiser's BTPE (triangle, parallelogram, exponential tails), for
/// `n * p > 30`, `p <= 1/2`; step labels follow the paper.
fn binomial_btpe(bg: &mut Pcg64, n: i64, p: f64) -> i64 {
    let r = p.min(1.0 - p);
    let q = 1.0 - r;
    let nf = n as f64;
    let fm = nf * r + r;
    let m = fm.floor() as i64;
    let mf = m as f64;
    let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
    let xm = mf + 0.5;
    let xl = xm - p1;
    let xr = xm + p1;
    let c = 0.134 + 20.5 / (15.3 + mf);
    let a = (fm - xl) / (fm - xl * r);
    let laml = a * (1.0 + a / 2.0);
    let a = (xr - fm) / (xr * q);
    let lamr = a * (1.0 + a / 2.0);
    let p2 = p1 * (1.0 + 2.0 * c);
    let p3 = p2 + c / laml;
    let p4 = p3 + c / lamr;
    let nrq = nf * r * q;

    let y = 'step10: loop {
        let u = bg.next_f64() * p4;
        let mut v = bg.next_f64();
        let y;
        if u <= p1 {
            // Step 10: triangle.
            break 'step10 (xm - p1 * v + u).floor() as i64;
        } else if u <= p2 {
            // Step 20: parallelogram.
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue;
            }
            y = x.floor() as i64;
        } else if u <= p3 {
            // Step 30: left exponential tail.
            y = (xl + v.ln() / laml).floor() as i64;
            if y < 0 || v == 0.0 {
                continue;
            }
            v *= (u - p2) * laml;
        } else {
            // Step 40: right exponential tail.
            y = (xr - v.ln() / lamr).floor() as i64;
            if y > n || v == 0.0 {
                continue;
            }
            v *= (u - p3) * lamr;
        }
        // Step 50: acceptance test.
        let k = (y - m).abs();
        if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * (n + 1) as f64;
            let mut f = 1.0;
            if m < y {
                for i in m + 1..=y {
                    f *= a / i as f64 - s;
                }
            } else if m > y {
                for i in y + 1..=m {
                    f /= a / i as f64 - s;
                }
            }
            if v > f {
                continue;
            }
            break y;
        }
        // Step 52: squeeze, then Stirling-corrected log acceptance.
        let kf = k as f64;
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.166_666_666_666_666_66) / nrq + 0.5);
        let t = (-k).wrapping_mul(k) as f64 / (2.0 * nrq);
        let big_a = v.ln();
        if big_a < t - rho {
            break y;
        }
        if big_a > t + rho {
            continue;
        }
        let x1 = (y + 1) as f64;
        let f1 = (m + 1) as f64;
        let z = (n + 1 - m) as f64;
        let w = (n - y + 1) as f64;
        let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
        let corr =
            |d: f64, d2: f64| (13680. - (462. - (132. - (99. - 140. / d2) / d2) / d2) / d2) / d / 166320.;
        let bound = xm * (f1 / x1).ln()
            + ((n - m) as f64 + 0.5) * (z / w).ln()
            + (y - m) as f64 * (w * r / (x1 * q)).ln()
            + corr(f1, f2)
            + corr(z, z2)
            + corr(x1, x2)
            + corr(w, w2);
        if big_a > bound {
            continue;
        }
        break y;
    };
    // Step 60.
    if p > 0.5 { n - y } else { y }
}

/// One binomial draw, NumPy's `random_binomial`.
pub(crate) fn binomial(bg: &mut Pcg64, n: i64, p: f64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    if p <= 0.5 {
        if p * n as f64 <= 30.0 { binomial_inversion(bg, n, p) } else { binomial_btpe(bg, n, p) }
    } else {
        let q = 1.0 - p;
        if q * n as f64 <= 30.0 { n - binomial_inversion(bg, n, q) } else { n - binomial_btpe(bg, n, q) }
    }
}

impl Generator {
    /// Random integers in the half-open interval `[low, high)` (NumPy's default, `int64`).
    ///
    /// Lemire's multiply-shift rejection on 32-bit draws when `high - low <= 2^32`, on 64-bit
    /// draws otherwise; a range of one value draws nothing. An empty shape returns an empty
    /// array without checking the bounds, as NumPy does.
    ///
    /// NumPy equivalent: `numpy.random.Generator.integers(low, high, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `high` when
    /// `high <= low` (NumPy: "low >= high"); `shape` when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let k = rng.integers(0, 10, 5)?;
    /// // np.random.default_rng(0).integers(0, 10, 5)
    /// assert_eq!(k.to_vec(), vec![8, 6, 5, 2, 3]);
    /// assert!(rng.integers(5, 5, 3).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn integers<Sh: IntoDimension>(
        &mut self,
        low: i64,
        high: i64,
        shape: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        let dim = shape.into_dimension();
        if dim.size() != 0 && high <= low {
            return Err(invalid("high", "low >= high"));
        }
        self.integers_closed(low, high.wrapping_sub(1), dim)
    }

    /// Random integers in the closed interval `[low, high]`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.integers(low, high, size, endpoint=True)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `high` when
    /// `high < low`; `shape` when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let k = rng.integers_closed(0, 10, 5)?;
    /// // np.random.default_rng(0).integers(0, 10, 5, endpoint=True)
    /// assert_eq!(k.to_vec(), vec![9, 7, 5, 2, 3]);
    /// // The full int64 range is allowed.
    /// assert_eq!(rng.integers_closed(i64::MIN, i64::MAX, 4)?.len(), 4);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn integers_closed<Sh: IntoDimension>(
        &mut self,
        low: i64,
        high: i64,
        shape: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        let dim = shape.into_dimension();
        if dim.size() != 0 && high < low {
            return Err(invalid("high", "low > high"));
        }
        let rng = (high as u64).wrapping_sub(low as u64);
        let off = low as u64;
        let bg = &mut self.bit_generator;
        fill(dim, || off.wrapping_add(bounded_u64(bg, rng)) as i64)
    }

    /// Samples from the Poisson distribution with mean `lam`.
    ///
    /// Multiplication of uniforms for `lam < 10`, Hörmann's PTRS (transformed rejection with
    /// squeeze) for `lam >= 10`, exactly as NumPy.
    ///
    /// NumPy equivalent: `numpy.random.Generator.poisson(lam, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `lam` when
    /// `lam < 0`, NaN, or above `i64::MAX - 10 sqrt(i64::MAX)`; `shape` when the shape's size
    /// overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// // np.random.default_rng(0).poisson(3, 5)
    /// assert_eq!(rng.poisson(3.0, 5)?.to_vec(), vec![2, 0, 7, 1, 4]);
    /// let mut rng = default_rng(0);
    /// // np.random.default_rng(0).poisson(50, 5)
    /// assert_eq!(rng.poisson(50.0, 5)?.to_vec(), vec![53, 32, 52, 51, 57]);
    /// assert!(rng.poisson(-1.0, 5).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn poisson<Sh: IntoDimension>(&mut self, lam: f64, shape: Sh) -> Result<Array<i64, Sh::Dim>> {
        if lam.is_nan() || lam < 0.0 {
            return Err(invalid("lam", "lam < 0 or lam is NaN"));
        }
        if lam > POISSON_LAM_MAX {
            return Err(invalid("lam", "lam value too large"));
        }
        let bg = &mut self.bit_generator;
        fill(shape, || poisson(bg, lam))
    }

    /// Samples from the binomial distribution with `n` trials of success probability `p`.
    ///
    /// Inversion when `min(p, 1 - p) * n <= 30`, BTPE otherwise, exactly as NumPy.
    ///
    /// NumPy equivalent: `numpy.random.Generator.binomial(n, p, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `n` when `n < 0`,
    /// or `p` when `p` is outside `[0, 1]` or NaN; `shape` when the shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// // np.random.default_rng(0).binomial(10, 0.5, 5)
    /// assert_eq!(rng.binomial(10, 0.5, 5)?.to_vec(), vec![6, 4, 2, 2, 6]);
    /// let mut rng = default_rng(0);
    /// // np.random.default_rng(0).binomial(1000, 0.3, 5)
    /// assert_eq!(rng.binomial(1000, 0.3, 5)?.to_vec(), vec![320, 301, 305, 297, 304]);
    /// assert!(rng.binomial(10, 1.5, 5).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn binomial<Sh: IntoDimension>(&mut self, n: i64, p: f64, shape: Sh) -> Result<Array<i64, Sh::Dim>> {
        if n < 0 {
            return Err(invalid("n", "n < 0"));
        }
        if !(0.0..=1.0).contains(&p) {
            return Err(invalid("p", "p < 0, p > 1 or p is NaN"));
        }
        let bg = &mut self.bit_generator;
        fill(shape, || binomial(bg, n, p))
    }
}

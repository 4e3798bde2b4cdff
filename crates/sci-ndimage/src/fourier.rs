//! Fourier-domain filters (`scipy.ndimage._fourier`): `fourier_gaussian`, `fourier_uniform`,
//! `fourier_ellipsoid`, `fourier_shift`.
//!
//! The input is a spectrum (the output of an FFT); these functions multiply it by the
//! transfer function of the filter, so no FFT happens here. With `n < 0` every axis is a
//! full complex transform; with `n >= 0` the axis `axis` holds the output of a real FFT of
//! a signal of length `n` (frequencies `0..len`), the other axes are full transforms.

use crate::error::{Result, invalid};
use crate::support::{PAR_THRESHOLD, c_order, dyn_view, per_axis, to_dim};
use rayon::prelude::*;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, IxDyn};
use sci_array::normalize_axis;
use sci_array::num_complex::{Complex, Complex64};
use std::f64::consts::PI;

/// An element accepted by the Fourier filters, with SciPy's output types: complex input
/// keeps its type, `f32` stays `f32`, every other real type gives `f64`; the shift always
/// gives complex (`Complex32` for `Complex32`, else `Complex64`).
///
/// SciPy equivalent: the output dtype rules of `scipy.ndimage`'s Fourier filters.
///
/// # Examples
///
/// ```
/// use sci_ndimage::FourierElement;
/// use sci_ndimage::sci_array::num_complex::Complex64;
/// assert_eq!(3i32.scale(0.5), 1.5f64);
/// assert_eq!(Complex64::new(1.0, 2.0).scale(2.0), Complex64::new(2.0, 4.0));
/// assert_eq!(2.0f64.rotate(0.0, 1.0), Complex64::new(0.0, 2.0));
/// ```
pub trait FourierElement: Copy + Send + Sync + 'static {
    /// Output type of [`fourier_gaussian`], [`fourier_uniform`], [`fourier_ellipsoid`].
    type Filtered: Copy + Send + Sync + Default + 'static;
    /// Output type of [`fourier_shift`].
    type Shifted: Copy + Send + Sync + Default + 'static;
    /// The value times a real factor.
    fn scale(self, f: f64) -> Self::Filtered;
    /// The value times `cos + i sin`.
    fn rotate(self, cos: f64, sin: f64) -> Self::Shifted;
}

macro_rules! fourier_real {
    ($out:ty; $($t:ty),*) => {$(
        impl FourierElement for $t {
            type Filtered = $out;
            type Shifted = Complex64;
            #[inline(always)]
            fn scale(self, f: f64) -> $out { (f * (self as f64)) as $out }
            #[inline(always)]
            fn rotate(self, cos: f64, sin: f64) -> Complex64 {
                let v = self as f64;
                Complex64::new(v * cos, v * sin)
            }
        }
    )*};
}
fourier_real!(f64; i8, i16, i32, i64, u8, u16, u32, u64, f64);
fourier_real!(f32; f32);

impl FourierElement for bool {
    type Filtered = f64;
    type Shifted = Complex64;
    #[inline(always)]
    fn scale(self, f: f64) -> f64 {
        if self { f } else { 0.0 }
    }
    #[inline(always)]
    fn rotate(self, cos: f64, sin: f64) -> Complex64 {
        if self { Complex64::new(cos, sin) } else { Complex64::new(0.0, 0.0) }
    }
}

macro_rules! fourier_complex {
    ($($t:ty),*) => {$(
        impl FourierElement for Complex<$t> {
            type Filtered = Complex<$t>;
            type Shifted = Complex<$t>;
            #[inline(always)]
            fn scale(self, f: f64) -> Self {
                Complex::new((self.re as f64 * f) as $t, (self.im as f64 * f) as $t)
            }
            #[inline(always)]
            fn rotate(self, cos: f64, sin: f64) -> Self {
                let (re, im) = (self.re as f64, self.im as f64);
                Complex::new((re * cos - im * sin) as $t, (re * sin + im * cos) as $t)
            }
        }
    )*};
}
fourier_complex!(f32, f64);

/// Frequency index `k` of position `i` along an axis of length `dim`: `0..len` along the
/// real-transform axis, else the FFT order `0, 1, …, -(dim / 2), …, -1`.
#[inline]
fn freq(i: usize, dim: usize, real_axis: bool) -> f64 {
    if real_axis || i < dim.div_ceil(2) { i as f64 } else { i as f64 - dim as f64 }
}

/// Validated arguments: axis index, per-axis parameters and the transform length per axis.
struct Setup {
    axis: usize,
    params: Vec<f64>,
    real: Option<usize>,
}

fn setup(shape: &[usize], param: &[f64], arg: &'static str, n: isize, axis: isize) -> Result<Setup> {
    let nd = shape.len();
    let axis = normalize_axis(axis, nd, "axis")?;
    let params = per_axis(param, nd, arg)?;
    Ok(Setup { axis, params, real: (n >= 0).then_some(n as usize) })
}

impl Setup {
    /// Length used for the frequency scaling of axis `d` (`n` along the real axis).
    fn len(&self, d: usize, dim: usize) -> f64 {
        match self.real {
            Some(n) if d == self.axis => n as f64,
            _ => dim as f64,
        }
    }

    fn is_real(&self, d: usize) -> bool {
        self.real.is_some() && d == self.axis
    }

    /// Per-axis tables `f(d, k)` for every position along every axis.
    fn tables(&self, shape: &[usize], f: impl Fn(usize, f64) -> f64) -> Vec<Vec<f64>> {
        shape
            .iter()
            .enumerate()
            .map(|(d, &dim)| (0..dim).map(|i| f(d, freq(i, dim, self.is_real(d)))).collect())
            .collect()
    }
}

/// How the per-axis table values of one element combine: `init`, then `acc = op(acc, t_d)`
/// over the axes in order (SciPy's order), then `finish(acc)` is the element's factor.
struct Combine<Op, Fin> {
    init: f64,
    op: Op,
    finish: Fin,
}

/// Apply `out(x, factor)` to every element, the factor combining `tables[d][i_d]` over the
/// axes. Works line by line along the last axis on the C-ordered data: the leading axes'
/// partial combination is computed once per line.
fn apply<T, S, D, U, Op, Fin>(
    input: &ArrayBase<S, D>,
    tables: &[Vec<f64>],
    comb: Combine<Op, Fin>,
    out: impl Fn(T, f64) -> U + Sync + Send,
) -> Result<Array<U, D>>
where
    T: Copy + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
    U: Copy + Send + Sync + Default,
    Op: Fn(f64, f64) -> f64 + Sync,
    Fin: Fn(f64) -> f64 + Sync,
{
    let v = dyn_view(input);
    let shape = v.shape().to_vec();
    let nd = shape.len();
    let total: usize = shape.iter().product();
    let data = c_order(&v);
    let len = shape.last().copied().unwrap_or(1).max(1);
    let mut res = vec![U::default(); total];
    let line = |(l, chunk): (usize, &mut [U])| {
        let mut acc = comb.init;
        let mut rem = l;
        let mut idx = vec![0usize; nd.saturating_sub(1)];
        for d in (0..nd.saturating_sub(1)).rev() {
            idx[d] = rem % shape[d];
            rem /= shape[d];
        }
        for (d, &i) in idx.iter().enumerate() {
            acc = (comb.op)(acc, tables[d][i]);
        }
        let src = &data[l * len..l * len + chunk.len()];
        match tables.last() {
            Some(last) => {
                for ((o, &x), &t) in chunk.iter_mut().zip(src).zip(last) {
                    *o = out(x, (comb.finish)((comb.op)(acc, t)));
                }
            }
            None => chunk.iter_mut().zip(src).for_each(|(o, &x)| *o = out(x, (comb.finish)(acc))),
        }
    };
    if total >= PAR_THRESHOLD {
        res.par_chunks_mut(len).enumerate().for_each(line);
    } else {
        res.chunks_mut(len).enumerate().for_each(line);
    }
    to_dim(ArrayD::from_shape_vec(IxDyn(&shape), res).unwrap_or_else(|_| unreachable!("shape matches")))
}

/// Multidimensional Gaussian Fourier filter.
///
/// Multiplies the spectrum by `exp(-2 π² σ_d² k_d² / N_d²)` along every axis `d` (`k_d` the
/// frequency index, `N_d` the axis length, or `n` along the real-transform axis); factors
/// whose exponent is below -50 are set to 0, as SciPy does.
///
/// * `sigma`: one value for all axes or one per axis.
/// * `n`: `-1` (any negative value) for a full complex FFT; else the length of the signal
///   whose real FFT lies along `axis`.
/// * `axis`: the real-transform axis (negative counts from the end; default `-1`).
///
/// SciPy equivalent: `scipy.ndimage.fourier_gaussian`.
///
/// # Errors
///
/// `axis` out of range (also for 0-d input), `sigma` of a length other than 1 or the rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::fourier_gaussian;
/// use sci_ndimage::sci_array::ndarray::array;
/// let spec = array![1.0f64, 1.0, 1.0, 1.0];
/// let out = fourier_gaussian(&spec, &[1.0], -1, -1).unwrap();
/// let e = (-2.0 * std::f64::consts::PI.powi(2) / 16.0f64).exp();
/// assert!((out[1] - e).abs() < 1e-15 && (out[3] - e).abs() < 1e-15);
/// assert_eq!(out[0], 1.0);
/// ```
pub fn fourier_gaussian<T, S, D>(
    input: &ArrayBase<S, D>,
    sigma: &[f64],
    n: isize,
    axis: isize,
) -> Result<Array<T::Filtered, D>>
where
    T: FourierElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let st = setup(input.shape(), sigma, "sigma", n, axis)?;
    let tables = st.tables(input.shape(), |d, k| {
        let p = st.params[d] * PI / st.len(d, input.shape()[d]);
        let t = -2.0 * p * p * k * k;
        if t.abs() > 50.0 { 0.0 } else { t.exp() }
    });
    apply(input, &tables, Combine { init: 1.0, op: |a, t| a * t, finish: |f| f }, |x: T, f| x.scale(f))
}

/// Multidimensional uniform (box) Fourier filter.
///
/// Multiplies the spectrum by `sin(π s_d k_d / N_d) / (π s_d k_d / N_d)` along every axis
/// (1 at `k = 0`; 0 for `k ≠ 0` when `s_d <= 0`, as SciPy does). Arguments as
/// [`fourier_gaussian`], with `size` the box length per axis.
///
/// SciPy equivalent: `scipy.ndimage.fourier_uniform`.
///
/// # Errors
///
/// `axis` out of range (also for 0-d input), `size` of a length other than 1 or the rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::fourier_uniform;
/// use sci_ndimage::sci_array::ndarray::Array1;
/// use sci_ndimage::sci_array::num_complex::Complex64;
/// let spec = Array1::from_elem(4, Complex64::new(1.0, 1.0));
/// let out = fourier_uniform(&spec, &[2.0], -1, -1).unwrap();
/// // sinc(pi/2) = 2/pi at k = ±1, sinc(pi) = 0 at k = -2.
/// assert!((out[1].re - 2.0 / std::f64::consts::PI).abs() < 1e-15);
/// assert!(out[2].re.abs() < 1e-15);
/// ```
pub fn fourier_uniform<T, S, D>(
    input: &ArrayBase<S, D>,
    size: &[f64],
    n: isize,
    axis: isize,
) -> Result<Array<T::Filtered, D>>
where
    T: FourierElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let st = setup(input.shape(), size, "size", n, axis)?;
    let tables = st.tables(input.shape(), |d, k| {
        if k == 0.0 {
            return 1.0;
        }
        let t = PI * st.params[d] / st.len(d, input.shape()[d]);
        if t > 0.0 { (t * k).sin() / (t * k) } else { 0.0 }
    });
    apply(input, &tables, Combine { init: 1.0, op: |a, t| a * t, finish: |f| f }, |x: T, f| x.scale(f))
}

/// Multidimensional ellipsoid Fourier filter (rank 1 to 3).
///
/// Multiplies the spectrum by the transform of an ellipsoid of semi-axes `size / 2`: with
/// `r = sqrt(Σ_d (π s_d k_d / N_d)²)`, the factor is `sin(r)/r` in 1-d, `2 J1(r)/r` in 2-d
/// and `3 (sin r - r cos r)/r³` in 3-d (1 at `r = 0`). Arguments as [`fourier_gaussian`].
///
/// SciPy equivalent: `scipy.ndimage.fourier_ellipsoid`.
///
/// # Errors
///
/// Rank above 3 ("Only 1d, 2d and 3d inputs are supported"), `axis` out of range, `size` of a
/// length other than 1 or the rank. Empty input returns an empty output.
///
/// # Examples
///
/// ```
/// use sci_ndimage::fourier_ellipsoid;
/// let spec = sci_ndimage::sci_array::ndarray::Array2::<f32>::ones((4, 4));
/// let out = fourier_ellipsoid(&spec, &[2.0], -1, -1).unwrap();
/// assert_eq!(out[[0, 0]], 1.0);
/// assert!((out[[0, 1]] - 0.721_702_9).abs() < 1e-6);
/// ```
pub fn fourier_ellipsoid<T, S, D>(
    input: &ArrayBase<S, D>,
    size: &[f64],
    n: isize,
    axis: isize,
) -> Result<Array<T::Filtered, D>>
where
    T: FourierElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    if nd > 3 {
        return Err(invalid("input", "Only 1d, 2d and 3d inputs are supported"));
    }
    let st = setup(input.shape(), size, "size", n, axis)?;
    let tables = st.tables(input.shape(), |d, k| {
        let v = k * (PI * st.params[d] / st.len(d, input.shape()[d]));
        if nd > 1 { v * v } else { v }
    });
    // Sum of the per-axis terms (squared for rank > 1), then the ellipsoid's transform.
    let finish = move |r2: f64| match nd {
        1 => {
            if r2 != 0.0 {
                r2.sin() / r2
            } else {
                1.0
            }
        }
        2 => {
            let r = r2.sqrt();
            if r > 0.0 { 2.0 * bessel_j1(r) / r } else { 1.0 }
        }
        _ => {
            let r = r2.sqrt();
            if r > 0.0 { 3.0 * (r.sin() - r * r.cos()) / (r * r * r) } else { 1.0 }
        }
    };
    apply(input, &tables, Combine { init: 0.0, op: |a, t| a + t, finish }, |x: T, f| x.scale(f))
}

/// Multidimensional Fourier shift filter.
///
/// Multiplies the spectrum by `exp(-2πi Σ_d shift_d k_d / N_d)`, which shifts the signal by
/// `shift` (circularly). The result is complex. Arguments as [`fourier_gaussian`], with
/// `shift` per axis.
///
/// SciPy equivalent: `scipy.ndimage.fourier_shift`.
///
/// # Errors
///
/// `axis` out of range (also for 0-d input), `shift` of a length other than 1 or the rank.
///
/// # Examples
///
/// Shifting the spectrum of a unit impulse by one sample gives the spectrum of the impulse
/// at index 1:
///
/// ```
/// use sci_ndimage::fourier_shift;
/// use sci_ndimage::sci_array::ndarray::array;
/// let spec = array![1.0f64, 1.0, 1.0, 1.0];
/// let out = fourier_shift(&spec, &[1.0], -1, -1).unwrap();
/// assert!((out[1].re - 0.0).abs() < 1e-15 && (out[1].im + 1.0).abs() < 1e-15);
/// assert!((out[2].re + 1.0).abs() < 1e-15);
/// ```
pub fn fourier_shift<T, S, D>(
    input: &ArrayBase<S, D>,
    shift: &[f64],
    n: isize,
    axis: isize,
) -> Result<Array<T::Shifted, D>>
where
    T: FourierElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let st = setup(input.shape(), shift, "shift", n, axis)?;
    let tables = st.tables(input.shape(), |d, k| -2.0 * PI * st.params[d] / st.len(d, input.shape()[d]) * k);
    apply(input, &tables, Combine { init: 0.0, op: |a, t| a + t, finish: |a| a }, |x: T, a| {
        let (sin, cos) = a.sin_cos();
        x.rotate(cos, sin)
    })
}

/// Evaluate a polynomial with coefficients `c` (highest degree first).
fn polevl(x: f64, c: &[f64]) -> f64 {
    c.iter().fold(0.0, |acc, &k| acc * x + k)
}

/// Evaluate a monic polynomial whose other coefficients are `c`.
fn p1evl(x: f64, c: &[f64]) -> f64 {
    c.iter().fold(1.0, |acc, &k| acc * x + k)
}

/// Bessel function of the first kind of order 1 (Cephes' rational approximations, which
/// SciPy's ellipsoid filter uses).
#[allow(clippy::excessive_precision)] // Cephes' published coefficients, kept verbatim
fn bessel_j1(x: f64) -> f64 {
    const RP: [f64; 4] = [
        -8.99971225705559398224E8,
        4.52228297998194034323E11,
        -7.27494245221818276015E13,
        3.68295732863852883286E15,
    ];
    const RQ: [f64; 8] = [
        6.20836478118054335476E2,
        2.56987256757748830383E5,
        8.35146791431949253037E7,
        2.21511595479792499675E10,
        4.74914122079991414898E12,
        7.84369607876235854894E14,
        8.95222336184627338078E16,
        5.32278620332680085395E18,
    ];
    const PP: [f64; 7] = [
        7.62125616208173112003E-4,
        7.31397056940917570436E-2,
        1.12719608129684925192E0,
        5.11207951146807644818E0,
        8.42404590141772420927E0,
        5.21451598682361504063E0,
        1.00000000000000000254E0,
    ];
    const PQ: [f64; 7] = [
        5.71323128072548699714E-4,
        6.88455908754495404082E-2,
        1.10514232634061696926E0,
        5.07386386128601488557E0,
        8.39985554327604159757E0,
        5.20982848682361821619E0,
        9.99999999999999997461E-1,
    ];
    const QP: [f64; 8] = [
        5.10862594750176621635E-2,
        4.98213872951233449420E0,
        7.58238284132545283818E1,
        3.66779609360150777800E2,
        7.10856304998926107277E2,
        5.97489612400613639965E2,
        2.11688757100572135698E2,
        2.52070205858023719784E1,
    ];
    const QQ: [f64; 7] = [
        7.42373277035675149943E1,
        1.05644886038262816351E3,
        4.98641058337653607651E3,
        9.56231892404756170795E3,
        7.99704160447350683650E3,
        2.82619278517639096600E3,
        3.36093607810698293419E2,
    ];
    const Z1: f64 = 1.46819706421238932572E1;
    const Z2: f64 = 4.92184563216946036703E1;
    const THPIO4: f64 = 2.35619449019234492885;
    const SQ2OPI: f64 = 0.79788456080286535588;
    if x.abs() <= 5.0 {
        let z = x * x;
        let w = polevl(z, &RP) / p1evl(z, &RQ);
        return w * x * (z - Z1) * (z - Z2);
    }
    let w = 5.0 / x;
    let z = w * w;
    let p = polevl(z, &PP) / polevl(z, &PQ);
    let q = polevl(z, &QP) / p1evl(z, &QQ);
    let xn = x - THPIO4;
    let p = p * xn.cos() - w * q * xn.sin();
    p * SQ2OPI / x.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::num_complex::Complex32;

    #[test]
    fn j1_values() {
        // scipy.special.j1 at 1, 4.5, 7, 30.
        let cases = [
            (1.0, 0.44005058574493355),
            (4.5, -0.23106043192337066),
            (7.0, -0.004682823482345833),
            (30.0, -0.11875106261662294),
        ];
        for (x, want) in cases {
            assert!((bessel_j1(x) - want).abs() < 1e-15, "j1({x})");
        }
    }

    #[test]
    fn complex32_is_computed_in_f64() {
        let c = Complex32::new(1.0, -2.0).scale(0.1);
        assert_eq!(c, Complex32::new((1.0f64 * 0.1) as f32, (-2.0f64 * 0.1) as f32));
    }
}

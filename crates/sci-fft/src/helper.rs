//! Frequency helpers: `fftfreq`, `rfftfreq`, `fftshift`, `ifftshift`, `next_fast_len`.

use crate::error::{FftError, Result};
use ndarray::{Array, Array1, ArrayBase, Axis, Data, Dimension, Slice};

fn check_spacing(n: usize, d: f64) -> Result<f64> {
    if n == 0 {
        return Err(FftError::InvalidLength { arg: "n", n });
    }
    if d == 0.0 || d.is_nan() {
        return Err(FftError::InvalidValue { arg: "d", reason: "sample spacing must be non-zero".into() });
    }
    crate::basic::check_size("n", [n])?;
    Ok(1.0 / (n as f64 * d))
}

/// Sample frequencies of [`fft`](crate::fft) output: `[0, 1, ..., (n-1)/2, -(n/2), ..., -1] / (d*n)`.
///
/// SciPy equivalent: `scipy.fft.fftfreq(n, d)` (NumPy equivalent: `numpy.fft.fftfreq`).
///
/// # Errors
///
/// [`FftError::InvalidLength`] for `n = 0` and [`FftError::InvalidValue`] for `d = 0` (Python
/// raises `ZeroDivisionError` for both) or an `n` too large to allocate (NumPy: `ValueError:
/// array is too big`).
///
/// # Examples
///
/// ```
/// let f = sci_fft::fftfreq(8, 0.1).unwrap();
/// assert_eq!(f.to_vec(), vec![0.0, 1.25, 2.5, 3.75, -5.0, -3.75, -2.5, -1.25]);
/// ```
pub fn fftfreq(n: usize, d: f64) -> Result<Array1<f64>> {
    let val = check_spacing(n, d)?;
    let half = (n - 1) / 2 + 1;
    Ok(Array1::from_shape_fn(n, |i| {
        let k = if i < half { i as f64 } else { i as f64 - n as f64 };
        k * val
    }))
}

/// Sample frequencies of [`rfft`](crate::rfft) output: `[0, 1, ..., n/2] / (d*n)`.
///
/// SciPy equivalent: `scipy.fft.rfftfreq(n, d)` (NumPy equivalent: `numpy.fft.rfftfreq`).
///
/// # Errors
///
/// As [`fftfreq`].
///
/// # Examples
///
/// ```
/// let f = sci_fft::rfftfreq(8, 0.1).unwrap();
/// assert_eq!(f.to_vec(), vec![0.0, 1.25, 2.5, 3.75, 5.0]);
/// ```
pub fn rfftfreq(n: usize, d: f64) -> Result<Array1<f64>> {
    let val = check_spacing(n, d)?;
    Ok(Array1::from_shape_fn(n / 2 + 1, |i| i as f64 * val))
}

/// Resolves `axes` (default all) to unique non-negative axes.
fn shift_axes(ndim: usize, axes: Option<&[isize]>) -> Result<Vec<usize>> {
    match axes {
        None => Ok((0..ndim).collect()),
        Some(a) => {
            a.iter().map(|&ax| sci_array::normalize_axis(ax, ndim, "axes").map_err(FftError::from)).collect()
        }
    }
}

/// Rolls `x` so that element `i` moves to `(i + shift) % n` along each axis.
fn roll<T: Clone, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    axes: &[usize],
    shift: impl Fn(usize) -> usize,
) -> Array<T, D> {
    let mut out = x.to_owned();
    for &ax in axes {
        let n = out.len_of(Axis(ax));
        let k = if n == 0 { 0 } else { shift(n) % n };
        if k == 0 {
            continue;
        }
        let mut rolled = out.clone();
        rolled
            .slice_axis_mut(Axis(ax), Slice::from(..k))
            .assign(&out.slice_axis(Axis(ax), Slice::from(n - k..)));
        rolled
            .slice_axis_mut(Axis(ax), Slice::from(k..))
            .assign(&out.slice_axis(Axis(ax), Slice::from(..n - k)));
        out = rolled;
    }
    out
}

/// Moves the zero-frequency term to the center: rolls each of `axes` (default all) by `n/2`.
///
/// SciPy equivalent: `scipy.fft.fftshift(x, axes)` (NumPy equivalent: `numpy.fft.fftshift`).
///
/// # Errors
///
/// [`FftError::Array`] when an axis is out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let f = sci_fft::fftfreq(5, 1.0).unwrap();
/// let s = sci_fft::fftshift(&f, None).unwrap();
/// assert_eq!(s, array![-0.4_f64, -0.2, 0.0, 0.2, 0.4]);
/// ```
pub fn fftshift<T: Clone, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    axes: Option<&[isize]>,
) -> Result<Array<T, D>> {
    let axes = shift_axes(x.ndim(), axes)?;
    Ok(roll(x, &axes, |n| n / 2))
}

/// Inverse of [`fftshift`]: rolls each of `axes` (default all) by `-(n/2)`.
///
/// SciPy equivalent: `scipy.fft.ifftshift(x, axes)` (NumPy equivalent: `numpy.fft.ifftshift`).
///
/// # Errors
///
/// [`FftError::Array`] when an axis is out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let x = array![[0, 1, 2], [3, 4, 5], [6, 7, 8]];
/// let back = sci_fft::ifftshift(&sci_fft::fftshift(&x, None).unwrap(), None).unwrap();
/// assert_eq!(back, x);
/// assert_eq!(sci_fft::ifftshift(&array![-2, -1, 0, 1], None).unwrap(), array![0, 1, -2, -1]);
/// ```
pub fn ifftshift<T: Clone, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    axes: Option<&[isize]>,
) -> Result<Array<T, D>> {
    let axes = shift_axes(x.ndim(), axes)?;
    Ok(roll(x, &axes, |n| n - n / 2))
}

/// The smallest length `>= target` that the FFT engine handles fastest.
///
/// Like SciPy: 5-smooth numbers (factors 2, 3, 5) when `real` is true, 11-smooth (2, 3, 5, 7,
/// 11) otherwise; `next_fast_len(0, _) = 0`.
///
/// SciPy equivalent: `scipy.fft.next_fast_len(target, real)`.
///
/// # Errors
///
/// [`FftError::InvalidValue`] for a target above `usize::MAX / 11 + 1` (SciPy: `ValueError:
/// Target length is too large to perform an FFT`).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_fft::next_fast_len(13, false)?, 14);
/// assert_eq!(sci_fft::next_fast_len(13, true)?, 15);
/// assert_eq!(sci_fft::next_fast_len(1021, false)?, 1024);
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn next_fast_len(target: usize, real: bool) -> Result<usize> {
    // pocketfft's `good_size` refuses targets its search could overflow; SciPy 1.17 takes
    // 1676976733973595602 = usize::MAX / 11 + 1 and refuses the next one.
    if target > usize::MAX / 11 + 1 {
        return Err(FftError::InvalidValue {
            arg: "target",
            reason: format!("Target length is too large to perform an FFT: {target}"),
        });
    }
    if target <= 6 {
        return Ok(target);
    }
    // pocketfft's search over the products 11^a 7^b 5^c (5^c alone when real), each scaled by
    // 2^d 3^e to just above the target; u128 keeps the candidates from overflowing.
    let n = target as u128;
    let mut best = 2 * n;
    let (p7, p11): (u128, u128) = if real { (1, 1) } else { (7, 11) };
    let mut f11 = 1u128;
    while f11 < best {
        let mut f7 = f11;
        while f7 < best {
            let mut f5 = f7;
            while f5 < best {
                let mut x = f5;
                while x < n {
                    x *= 2;
                }
                loop {
                    if x < n {
                        x *= 3;
                    } else if x > n {
                        best = best.min(x);
                        if x & 1 == 1 {
                            break;
                        }
                        x >>= 1;
                    } else {
                        return Ok(target);
                    }
                }
                f5 *= 5;
            }
            if p7 == 1 {
                break;
            }
            f7 *= p7;
        }
        if p11 == 1 {
            break;
        }
        f11 *= p11;
    }
    Ok(best as usize)
}

/// The largest length not above `target` that the FFT engines handle fastest: the largest
/// 11-smooth number `<= target` (factors 2, 3, 5, 7, 11), or 5-smooth (factors 2, 3, 5) when
/// `real` is true, as SciPy.
///
/// Targets 0 to 6 are returned unchanged. Cropping a signal to this length instead of padding
/// it to [`next_fast_len`] keeps the transform fast without adding samples.
///
/// SciPy equivalent: `scipy.fft.prev_fast_len(target, real)`.
///
/// # Errors
///
/// [`FftError::InvalidValue`] for a target above `usize::MAX / 11 + 1`, the same limit as
/// [`next_fast_len`] (SciPy: `ValueError: Target length is too large to perform an FFT`).
/// SciPy's other error, a negative target, cannot be written with `usize`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_fft::prev_fast_len(13, false)?, 12);
/// assert_eq!(sci_fft::prev_fast_len(14, false)?, 14);
/// assert_eq!(sci_fft::prev_fast_len(14, true)?, 12);
/// assert_eq!(sci_fft::prev_fast_len(93059, true)?, 92160);
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn prev_fast_len(target: usize, real: bool) -> Result<usize> {
    if target > usize::MAX / 11 + 1 {
        return Err(FftError::InvalidValue {
            arg: "target",
            reason: format!("Target length is too large to perform an FFT: {target}"),
        });
    }
    if target <= 6 {
        return Ok(target);
    }
    // Every product of powers of 11, 7, 5 and 3 not above the target, scaled by the largest
    // power of 2 that keeps it there; the best of them.
    let n = target as u128;
    let mut best = 1u128;
    let (p7, p11): (u128, u128) = if real { (1, 1) } else { (7, 11) };
    let mut f11 = 1u128;
    while f11 <= n {
        let mut f7 = f11;
        while f7 <= n {
            let mut f5 = f7;
            while f5 <= n {
                let mut f3 = f5;
                while f3 <= n {
                    // 2^k f3 <= n for the largest k.
                    let shift = (n / f3).ilog2();
                    best = best.max(f3 << shift);
                    if best == n {
                        return Ok(target);
                    }
                    f3 *= 3;
                }
                f5 *= 5;
            }
            if p7 == 1 {
                break;
            }
            f7 *= p7;
        }
        if p11 == 1 {
            break;
        }
        f11 *= p11;
    }
    Ok(best as usize)
}

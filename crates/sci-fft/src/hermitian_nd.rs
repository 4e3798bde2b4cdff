//! Multi-dimensional Hermitian transforms: `hfft2`, `ihfft2`, `hfftn`, `ihfftn`.

use crate::engine::{FftInput, Norm, RealInput};
use crate::error::Result;
use crate::nd::{irfftn, rfftn};
use ndarray::{Array, ArrayBase, Data, Dimension};
use num_complex::Complex;

/// N-dimensional FFT of a Hermitian-symmetric signal: a real result whose last transformed axis
/// has length `s[-1]` (default `2 * (m - 1)` for `m` input points on that axis, and 1 for a
/// single point, as SciPy).
///
/// The input holds the non-negative half of the last axis, as [`irfftn`]'s input does:
/// `hfftn(x, s, axes, norm) = irfftn(conj(x), s, axes, swapped norm)`, so that
/// `hfftn(ihfftn(x)) == x`. `s` and `axes` work as for [`fftn`](crate::fftn).
///
/// SciPy equivalent: `scipy.fft.hfftn(x, s, axes, norm)`.
///
/// # Errors
///
/// As [`irfftn`]: an axis out of bounds, repeated axes, `s` and `axes` of different lengths, a
/// zero length (including an empty last axis without `s`), no axes.
///
/// # Examples
///
/// ```
/// use sci_fft::{hfftn, Norm};
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// // A constant half spectrum of 2 x 2 points: a 2 x 2 real result.
/// let x = array![[Complex64::new(1.0, 0.0), Complex64::new(0.0, 0.0)],
///                [Complex64::new(0.0, 0.0), Complex64::new(0.0, 0.0)]];
/// let y = hfftn(&x, None, None, Norm::Backward)?;
/// assert_eq!(y.shape(), &[2, 2]);
/// assert!(y.iter().all(|v| (v - 1.0).abs() < 1e-15));
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn hfftn<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let conj = x.mapv(|v| v.to_complex().conj());
    irfftn(&conj, s, axes, norm.swapped())
}

/// Inverse of [`hfftn`]: the non-negative half (last axis) of the inverse FFT of a real signal,
/// `conj(rfftn(x, s, axes, swapped norm))`.
///
/// SciPy equivalent: `scipy.fft.ihfftn(x, s, axes, norm)`.
///
/// # Errors
///
/// As [`rfftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{hfftn, ihfftn, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 7.0]];
/// let h = ihfftn(&x, None, None, Norm::Backward)?;
/// assert_eq!(h.shape(), &[2, 2]);
/// assert!((h[[0, 0]].re - 22.0 / 6.0).abs() < 1e-15);
/// let back = hfftn(&h, Some(&[2, 3]), None, Norm::Backward)?;
/// assert!(back.iter().zip(&x).all(|(b, v)| (b - v).abs() < 1e-14));
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn ihfftn<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut y = rfftn(x, s, axes, norm.swapped())?;
    y.mapv_inplace(|z| z.conj());
    Ok(y)
}

/// Two-dimensional [`hfftn`]: `axes` default to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.hfft2(x, s, axes, norm)`.
///
/// # Errors
///
/// As [`hfftn`]; a 1-d input has no axis `-2`.
///
/// # Examples
///
/// ```
/// use sci_fft::{hfft2, ihfft2, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[0.5_f64, -1.0, 2.0, 0.0], [1.0, 3.0, -2.0, 4.0]];
/// let back = hfft2(&ihfft2(&x, None, None, Norm::Ortho)?, Some(&[2, 4]), None, Norm::Ortho)?;
/// assert!(back.iter().zip(&x).all(|(b, v)| (b - v).abs() < 1e-14));
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn hfft2<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    hfftn(x, s, Some(axes.unwrap_or(&[-2, -1])), norm)
}

/// Two-dimensional [`ihfftn`]: `axes` default to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.ihfft2(x, s, axes, norm)`.
///
/// # Errors
///
/// As [`ihfftn`]; a 1-d input has no axis `-2`.
///
/// # Examples
///
/// ```
/// use sci_fft::{ihfft2, Norm};
/// use sci_array::ndarray::Array2;
/// let h = ihfft2(&Array2::<f64>::ones((3, 4)), None, None, Norm::Backward)?;
/// assert_eq!(h.shape(), &[3, 3]);
/// assert!((h[[0, 0]].re - 1.0).abs() < 1e-15 && h[[1, 2]].norm() < 1e-15);
/// # Ok::<(), sci_fft::FftError>(())
/// ```
pub fn ihfft2<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    ihfftn(x, s, Some(axes.unwrap_or(&[-2, -1])), norm)
}

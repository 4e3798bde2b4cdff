//! Multi-dimensional transforms: `fft2`, `ifft2`, `fftn`, `ifftn`, `rfft2`, `irfft2`, `rfftn`, `irfftn`.

use crate::basic::{c2c_inplace, c2r_axis, r2c_axis, to_complex_padded};
use crate::engine::{FftInput, Norm, RealInput};
use crate::error::{FftError, Result};
use ndarray::{Array, ArrayBase, Data, Dimension};
use num_complex::Complex;

/// Resolves SciPy's `(s, axes)` pair into unique non-negative axes and their transform lengths.
///
/// `last_default` overrides the default length of the last axis (used by `irfftn`).
pub(crate) fn resolve(
    shape: &[usize],
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    last_default: Option<usize>,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let ndim = shape.len();
    let axes: Vec<isize> = match (axes, s) {
        (Some(a), _) => a.to_vec(),
        (None, Some(s)) => {
            if s.len() > ndim {
                return Err(FftError::InvalidValue {
                    arg: "s",
                    reason: format!("has {} entries but the array has only {ndim} dimensions", s.len()),
                });
            }
            (ndim - s.len()..ndim).map(|a| a as isize).collect()
        }
        (None, None) => (0..ndim).map(|a| a as isize).collect(),
    };
    let mut out = Vec::with_capacity(axes.len());
    for &a in &axes {
        let a = sci_array::normalize_axis(a, ndim, "axes")?;
        if out.contains(&a) {
            return Err(FftError::InvalidValue { arg: "axes", reason: "all axes must be unique".into() });
        }
        out.push(a);
    }
    let lens: Vec<usize> = match s {
        Some(s) => {
            if s.len() != out.len() {
                return Err(FftError::InvalidValue {
                    arg: "s",
                    reason: format!(
                        "when given, axes and shape arguments have to be of the same length ({} and {})",
                        out.len(),
                        s.len()
                    ),
                });
            }
            s.to_vec()
        }
        None => {
            let mut l: Vec<usize> = out.iter().map(|&a| shape[a]).collect();
            if let (Some(d), Some(last)) = (last_default, l.last_mut()) {
                *last = d;
            }
            l
        }
    };
    if let Some(&n) = lens.iter().find(|&&n| n < 1) {
        return Err(FftError::InvalidLength { arg: "s", n });
    }
    let pairs: Vec<(usize, usize)> = out.iter().copied().zip(lens.iter().copied()).collect();
    crate::basic::check_size("s", crate::basic::shape_with(shape, &pairs))?;
    Ok((out, lens))
}

fn c2c_nd<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    inverse: bool,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let (axes, lens) = resolve(x.shape(), s, axes, None)?;
    let mut steps = axes.iter().zip(&lens).rev();
    let Some((&a0, &n0)) = steps.next() else {
        return Ok(x.mapv(|v| v.to_complex()));
    };
    // One complex copy of the input (padded along the first axis transformed), then every axis
    // in place; an axis whose length changes gets a padded copy first.
    let mut out = to_complex_padded(x, n0, a0);
    c2c_inplace(&mut out, a0, inverse, norm);
    for (&a, &n) in steps {
        if out.len_of(ndarray::Axis(a)) != n {
            out = to_complex_padded(&out, n, a);
        }
        c2c_inplace(&mut out, a, inverse, norm);
    }
    Ok(out)
}

/// N-dimensional discrete Fourier transform over `axes` (default: all axes).
///
/// `s` gives the transform length along each axis (cropping or zero-padding); when `s` is given
/// without `axes`, the last `s.len()` axes are transformed.
///
/// SciPy equivalent: `scipy.fft.fftn(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.fftn`).
///
/// # Errors
///
/// [`FftError::Array`] for an axis out of bounds; [`FftError::InvalidValue`] for repeated axes or
/// `s` and `axes` of different lengths; [`FftError::InvalidLength`] for a zero length.
///
/// # Examples
///
/// ```
/// use sci_fft::{fftn, Norm};
/// use sci_array::ndarray::array;
/// let y = fftn(&array![[1.0_f64, 2.0], [3.0, 4.0]], None, None, Norm::Backward).unwrap();
/// assert!((y[[0, 0]].re - 10.0).abs() < 1e-12 && (y[[0, 1]].re + 2.0).abs() < 1e-12);
/// assert!((y[[1, 0]].re + 4.0).abs() < 1e-12 && y[[1, 1]].re.abs() < 1e-12);
/// ```
pub fn fftn<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    c2c_nd(x, s, axes, false, norm)
}

/// N-dimensional inverse discrete Fourier transform over `axes` (default: all axes).
///
/// SciPy equivalent: `scipy.fft.ifftn(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.ifftn`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{fftn, ifftn, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0, 0.5], [3.0, 4.0, -1.0]];
/// let back = ifftn(&fftn(&x, None, None, Norm::Ortho).unwrap(), None, None, Norm::Ortho).unwrap();
/// for (b, v) in back.iter().zip(&x) {
///     assert!((b.re - v).abs() < 1e-12 && b.im.abs() < 1e-12);
/// }
/// ```
pub fn ifftn<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    c2c_nd(x, s, axes, true, norm)
}

/// Two-dimensional discrete Fourier transform: [`fftn`] with `axes` defaulting to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.fft2(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.fft2`).
///
/// # Errors
///
/// As [`fftn`]; a 1-d input has no axis `-2`.
///
/// # Examples
///
/// ```
/// use sci_fft::{fft2, Norm};
/// use sci_array::ndarray::Array2;
/// let y = fft2(&Array2::<f64>::ones((3, 4)), None, None, Norm::Backward).unwrap();
/// assert!((y[[0, 0]].re - 12.0).abs() < 1e-12 && y[[1, 2]].norm() < 1e-12);
/// ```
pub fn fft2<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    c2c_nd(x, s, Some(axes.unwrap_or(&[-2, -1])), false, norm)
}

/// Two-dimensional inverse discrete Fourier transform: [`ifftn`] with `axes` defaulting to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.ifft2(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.ifft2`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{ifft2, Norm};
/// use sci_array::ndarray::array;
/// let y = ifft2(&array![[4.0_f64, 0.0], [0.0, 0.0]], None, None, Norm::Backward).unwrap();
/// assert!(y.iter().all(|z| (z.re - 1.0).abs() < 1e-15 && z.im.abs() < 1e-15));
/// ```
pub fn ifft2<A, S, D>(
    x: &ArrayBase<S, D>,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    c2c_nd(x, s, Some(axes.unwrap_or(&[-2, -1])), true, norm)
}

/// N-dimensional FFT of a real input: real transform over the last of `axes`, complex over the rest.
///
/// SciPy equivalent: `scipy.fft.rfftn(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.rfftn`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{rfftn, Norm};
/// use sci_array::ndarray::array;
/// let y = rfftn(&array![[1.0_f64, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, 1.0]], None, None, Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[2, 3]);
/// assert!((y[[0, 0]].re - 12.0).abs() < 1e-12 && (y[[1, 0]].re - 8.0).abs() < 1e-12);
/// ```
pub fn rfftn<A, S, D>(
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
    let (axes, lens) = resolve(x.shape(), s, axes, None)?;
    let (Some(&alast), Some(&nlast)) = (axes.last(), lens.last()) else {
        return Err(FftError::InvalidValue {
            arg: "axes",
            reason: "at least one axis must be transformed".into(),
        });
    };
    let mut out = r2c_axis(x, nlast, alast, norm);
    for (&a, &n) in axes.iter().zip(&lens).rev().skip(1) {
        if out.len_of(ndarray::Axis(a)) != n {
            out = to_complex_padded(&out, n, a);
        }
        c2c_inplace(&mut out, a, false, norm);
    }
    Ok(out)
}

/// Inverse of [`rfftn`]: complex inverse over all but the last of `axes`, then a real inverse
/// of length `s[-1]` (default `2 * (m - 1)`, or 1 when `m = 1` as in SciPy's n-d transforms)
/// over the last.
///
/// SciPy equivalent: `scipy.fft.irfftn(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.irfftn`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{irfftn, rfftn, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0, 3.0], [0.0, 1.0, 5.0]];
/// let y = rfftn(&x, None, None, Norm::Backward).unwrap();
/// let back = irfftn(&y, Some(&[2, 3]), None, Norm::Backward).unwrap();
/// for (b, v) in back.iter().zip(&x) {
///     assert!((b - v).abs() < 1e-12);
/// }
/// ```
pub fn irfftn<A, S, D>(
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
    // The default length of the last axis is 2 * (m - 1); find that axis first. For a single
    // point SciPy's n-d path asks pocketfft for length 0, which it reads as 2m - 1 = 1.
    let probe = resolve(x.shape(), s, axes, None);
    let last_default = match &probe {
        Ok((ax, _)) => ax.last().map(|&a| match x.shape()[a] {
            1 => 1,
            m => 2 * m.saturating_sub(1),
        }),
        Err(_) => None,
    };
    let (axes, lens) = resolve(x.shape(), s, axes, last_default)?;
    let (Some(&alast), Some(&nlast)) = (axes.last(), lens.last()) else {
        return Err(FftError::InvalidValue {
            arg: "axes",
            reason: "at least one axis must be transformed".into(),
        });
    };
    let k = axes.len() - 1;
    let mut steps = axes[..k].iter().zip(&lens[..k]).rev();
    let Some((&a0, &n0)) = steps.next() else {
        return Ok(c2r_axis(x, nlast, alast, norm));
    };
    let mut out = to_complex_padded(x, n0, a0);
    c2c_inplace(&mut out, a0, true, norm);
    for (&a, &n) in steps {
        if out.len_of(ndarray::Axis(a)) != n {
            out = to_complex_padded(&out, n, a);
        }
        c2c_inplace(&mut out, a, true, norm);
    }
    Ok(c2r_axis(&out, nlast, alast, norm))
}

/// Two-dimensional FFT of a real input: [`rfftn`] with `axes` defaulting to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.rfft2(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.rfft2`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{rfft2, Norm};
/// use sci_array::ndarray::Array2;
/// let y = rfft2(&Array2::<f64>::ones((2, 4)), None, None, Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[2, 3]);
/// assert!((y[[0, 0]].re - 8.0).abs() < 1e-12);
/// ```
pub fn rfft2<A, S, D>(
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
    rfftn(x, s, Some(axes.unwrap_or(&[-2, -1])), norm)
}

/// Inverse of [`rfft2`]: [`irfftn`] with `axes` defaulting to `[-2, -1]`.
///
/// SciPy equivalent: `scipy.fft.irfft2(x, s, axes, norm)` (NumPy equivalent: `numpy.fft.irfft2`).
///
/// # Errors
///
/// As [`fftn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{irfft2, rfft2, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0, 3.0, 4.0], [4.0, 3.0, 2.0, 1.0]];
/// let back = irfft2(&rfft2(&x, None, None, Norm::Backward).unwrap(), None, None, Norm::Backward).unwrap();
/// for (b, v) in back.iter().zip(&x) {
///     assert!((b - v).abs() < 1e-12);
/// }
/// ```
pub fn irfft2<A, S, D>(
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
    irfftn(x, s, Some(axes.unwrap_or(&[-2, -1])), norm)
}

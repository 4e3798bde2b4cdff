//! One-dimensional transforms over one axis: `fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft`.

use crate::engine::{FftFloat, FftInput, Norm, RealInput, for_each_lane};
use crate::error::{FftError, Result};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, Zip};
use num_complex::Complex;
use num_traits::Zero;

/// Resolves `axis` and the transform length for an input of the given shape.
fn setup(shape: &[usize], n: Option<usize>, axis: isize) -> Result<(usize, usize)> {
    let ax = sci_array::normalize_axis(axis, shape.len(), "axis")?;
    let n = n.unwrap_or(shape[ax]);
    if n < 1 {
        return Err(FftError::InvalidLength { arg: "n", n });
    }
    Ok((ax, n))
}

/// Transforms, in place, every lane of length `n` with stride `inner` of a standard-layout
/// buffer (shape `(outer, n, inner)`): lanes are gathered 8 at a time into contiguous rows,
/// transformed (in parallel), and scattered back row by row.
fn strided_blocked<T: FftFloat>(
    plan: &dyn rustfft::Fft<T>,
    buf: &mut [Complex<T>],
    n: usize,
    inner: usize,
    scratch_len: usize,
) {
    const BLOCK: usize = 8;
    let outer = buf.len() / (n * inner);
    let per_o = inner.div_ceil(BLOCK);
    let tasks = outer * per_o;
    let place = move |t: usize| {
        let (o, j0) = (t / per_o, (t % per_o) * BLOCK);
        (o * n * inner + j0, BLOCK.min(inner - j0))
    };
    let src: &[Complex<T>] = buf;
    let transform = |scratch: &mut Vec<Complex<T>>, t: usize| {
        let (base, w) = place(t);
        let mut b = vec![Complex::zero(); w * n];
        for i in 0..n {
            let row = &src[base + i * inner..base + i * inner + w];
            for (c, v) in row.iter().enumerate() {
                b[c * n + i] = *v;
            }
        }
        plan.process_with_scratch(&mut b, scratch);
        b
    };
    #[cfg(feature = "rayon")]
    let blocks: Vec<Vec<Complex<T>>> = {
        use rayon::prelude::*;
        (0..tasks).into_par_iter().map_init(|| vec![Complex::zero(); scratch_len], transform).collect()
    };
    #[cfg(not(feature = "rayon"))]
    let blocks: Vec<Vec<Complex<T>>> = {
        let mut scratch = vec![Complex::zero(); scratch_len];
        (0..tasks).map(|t| transform(&mut scratch, t)).collect()
    };
    for (t, b) in blocks.iter().enumerate() {
        let (base, w) = place(t);
        for i in 0..n {
            for c in 0..w {
                buf[base + i * inner + c] = b[c * n + i];
            }
        }
    }
}

/// Multiplies every element by `f`.
fn scale_complex<T: FftFloat, D: Dimension>(out: &mut Array<Complex<T>, D>, f: Option<T>) {
    if let Some(f) = f {
        out.mapv_inplace(|z| z * f);
    }
}

/// Runs `plan` over every length-`n` chunk of `buf`, on several threads for large buffers.
fn process_batched<T: FftFloat>(
    plan: &dyn rustfft::Fft<T>,
    buf: &mut [Complex<T>],
    n: usize,
    scratch_len: usize,
) {
    #[cfg(feature = "rayon")]
    {
        let lanes = buf.len() / n;
        if buf.len() >= crate::engine::PAR_THRESHOLD && lanes > 1 {
            use rayon::prelude::*;
            let per = lanes.div_ceil(4 * rayon::current_num_threads()).max(1);
            buf.par_chunks_mut(per * n).for_each_init(
                || vec![Complex::zero(); scratch_len],
                |scratch, chunk| plan.process_with_scratch(chunk, scratch),
            );
            return;
        }
    }
    #[cfg(not(feature = "rayon"))]
    let _ = n; // only needed to split the work over threads
    let mut scratch = vec![Complex::zero(); scratch_len];
    plan.process_with_scratch(buf, &mut scratch);
}

/// Complex transform of length `n` along axis `ax` (already validated), zero-padding or cropping.
pub(crate) fn c2c_axis<A, S, D>(
    x: &ArrayBase<S, D>,
    n: usize,
    ax: usize,
    inverse: bool,
    norm: Norm,
) -> Array<Complex<A::Real>, D>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = Array::<Complex<A::Real>, D>::zeros(shape);
    if out.is_empty() {
        return out;
    }
    let copy = x.len_of(Axis(ax)).min(n);
    let plan = A::Real::plan(n, inverse);
    let scratch_len = plan.get_inplace_scratch_len();
    if ax + 1 == x.ndim() {
        // Contiguous output lanes: fill them all, then batched calls.
        Zip::from(x.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax))).for_each(|src, mut dst| {
            for (d, s) in dst.iter_mut().zip(src.iter().take(copy)) {
                *d = s.to_complex();
            }
        });
        let buf = out.as_slice_mut().expect("fresh array is contiguous");
        process_batched(&*plan, buf, n, scratch_len);
    } else if x.len() >= crate::engine::PAR_THRESHOLD {
        // A large strided axis: copy the input in memory order, then transform blocks of
        // neighbouring lanes gathered together (whole cache lines instead of one element each).
        let ax_ = Axis(ax);
        Zip::from(out.slice_axis_mut(ax_, ndarray::Slice::from(0..copy)))
            .and(x.slice_axis(ax_, ndarray::Slice::from(0..copy)))
            .for_each(|d, s| *d = s.to_complex());
        let inner: usize = out.shape()[ax + 1..].iter().product();
        let buf = out.as_slice_mut().expect("fresh array is contiguous");
        strided_blocked(&*plan, buf, n, inner, scratch_len);
    } else {
        for_each_lane(
            x,
            &mut out,
            ax,
            || (vec![Complex::zero(); n], vec![Complex::zero(); scratch_len]),
            |(buf, scratch), src, mut dst| {
                for (b, s) in buf.iter_mut().zip(src.iter().take(copy)) {
                    *b = s.to_complex();
                }
                buf[copy..].fill(Complex::zero());
                plan.process_with_scratch(buf, scratch);
                for (d, b) in dst.iter_mut().zip(buf.iter()) {
                    *d = *b;
                }
            },
        );
    }
    scale_complex(&mut out, norm.factor(n, inverse));
    out
}

/// Real-to-complex transform of length `n` along axis `ax` (validated); output length `n/2 + 1`.
pub(crate) fn r2c_axis<A, S, D>(
    x: &ArrayBase<S, D>,
    n: usize,
    ax: usize,
    norm: Norm,
) -> Array<Complex<A::Real>, D>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut shape = x.raw_dim();
    shape[ax] = n / 2 + 1;
    let mut out = Array::<Complex<A::Real>, D>::zeros(shape);
    if out.is_empty() {
        return out;
    }
    let copy = x.len_of(Axis(ax)).min(n);
    let plan = A::Real::plan_r2c(n);
    for_each_lane(
        x,
        &mut out,
        ax,
        || (plan.make_scratch_vec(), vec![A::Real::zero(); n], plan.make_output_vec()),
        |(scratch, inbuf, outbuf), src, mut dst| {
            for (b, s) in inbuf.iter_mut().zip(src.iter().take(copy)) {
                *b = s.to_real();
            }
            inbuf[copy..].fill(A::Real::zero());
            match dst.as_slice_mut() {
                Some(d) => plan.process_with_scratch(inbuf, d, scratch),
                None => {
                    let r = plan.process_with_scratch(inbuf, outbuf, scratch);
                    dst.iter_mut().zip(outbuf.iter()).for_each(|(d, b)| *d = *b);
                    r
                }
            }
            .expect("buffer lengths match the plan");
        },
    );
    scale_complex(&mut out, norm.factor(n, false));
    out
}

/// Complex-to-real transform with output length `n` along axis `ax` (validated).
pub(crate) fn c2r_axis<A, S, D>(x: &ArrayBase<S, D>, n: usize, ax: usize, norm: Norm) -> Array<A::Real, D>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = Array::<A::Real, D>::zeros(shape);
    if out.is_empty() {
        return out;
    }
    let nbins = n / 2 + 1;
    let copy = x.len_of(Axis(ax)).min(nbins);
    let plan = A::Real::plan_c2r(n);
    for_each_lane(
        x,
        &mut out,
        ax,
        || (plan.make_scratch_vec(), plan.make_input_vec(), plan.make_output_vec()),
        |(scratch, inbuf, outbuf), src, mut dst| {
            for (b, s) in inbuf.iter_mut().zip(src.iter().take(copy)) {
                *b = s.to_complex();
            }
            inbuf[copy..].fill(Complex::zero());
            // The imaginary parts of the DC bin (and of the Nyquist bin for even n) do not enter a
            // real signal; pocketfft ignores them, and so do we.
            inbuf[0].im = A::Real::zero();
            if n % 2 == 0 {
                inbuf[nbins - 1].im = A::Real::zero();
            }
            match dst.as_slice_mut() {
                Some(d) => plan.process_with_scratch(inbuf, d, scratch),
                None => {
                    let r = plan.process_with_scratch(inbuf, outbuf, scratch);
                    dst.iter_mut().zip(outbuf.iter()).for_each(|(d, b)| *d = *b);
                    r
                }
            }
            .expect("buffer lengths match the plan");
        },
    );
    if let Some(f) = norm.factor::<A::Real>(n, true) {
        out.mapv_inplace(|v| v * f);
    }
    out
}

/// One-dimensional discrete Fourier transform along `axis`.
///
/// `n` is the transform length: the input is cropped or zero-padded along `axis` to `n`
/// (default: its length). Real, integer and complex inputs are accepted; `f32` and
/// `Complex<f32>` compute in single precision, everything else in `f64`.
///
/// SciPy equivalent: `scipy.fft.fft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.fft`).
///
/// # Errors
///
/// [`FftError::Array`] when `axis` is out of bounds; [`FftError::InvalidLength`] when the
/// transform length is 0 (`n = Some(0)` or an empty axis).
///
/// # Examples
///
/// ```
/// use sci_fft::{fft, Norm};
/// use sci_array::ndarray::Array1;
/// let y = fft(&Array1::range(0.0_f64, 8.0, 1.0), None, -1, Norm::Backward).unwrap();
/// assert!((y[0].re - 28.0).abs() < 1e-12);
/// assert!((y[1].re + 4.0).abs() < 1e-12 && (y[1].im - 9.65685425).abs() < 1e-8);
/// ```
pub fn fft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let (ax, n) = setup(x.shape(), n, axis)?;
    Ok(c2c_axis(x, n, ax, false, norm))
}

/// One-dimensional inverse discrete Fourier transform along `axis`.
///
/// `ifft(fft(x)) == x` up to rounding. `n` crops or zero-pads the input along `axis`.
///
/// SciPy equivalent: `scipy.fft.ifft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.ifft`).
///
/// # Errors
///
/// As [`fft`].
///
/// # Examples
///
/// ```
/// use sci_fft::{fft, ifft, Norm};
/// use sci_array::ndarray::array;
/// let x = array![1.0_f64, 2.0, 1.0, -1.0, 1.5];
/// let back = ifft(&fft(&x, None, -1, Norm::Backward).unwrap(), None, -1, Norm::Backward).unwrap();
/// for (b, v) in back.iter().zip(&x) {
///     assert!((b.re - v).abs() < 1e-12 && b.im.abs() < 1e-12);
/// }
/// ```
pub fn ifft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let (ax, n) = setup(x.shape(), n, axis)?;
    Ok(c2c_axis(x, n, ax, true, norm))
}

/// Discrete Fourier transform of a real input: the `n/2 + 1` non-negative frequency terms.
///
/// SciPy equivalent: `scipy.fft.rfft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.rfft`).
///
/// # Errors
///
/// As [`fft`].
///
/// # Examples
///
/// ```
/// use sci_fft::{rfft, Norm};
/// use sci_array::ndarray::array;
/// let y = rfft(&array![0.0_f64, 1.0, 0.0, 0.0], None, -1, Norm::Backward).unwrap();
/// assert_eq!(y.len(), 3);
/// assert!((y[1].im + 1.0).abs() < 1e-15 && (y[2].re + 1.0).abs() < 1e-15);
/// ```
pub fn rfft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let (ax, n) = setup(x.shape(), n, axis)?;
    Ok(r2c_axis(x, n, ax, norm))
}

/// Inverse of [`rfft`]: a real signal of length `n` (default `2 * (m - 1)` for `m` input bins).
///
/// The input is cropped or zero-padded to `n/2 + 1` bins. As in SciPy, the imaginary parts of
/// the zero-frequency bin (and of the Nyquist bin when `n` is even) are ignored.
///
/// SciPy equivalent: `scipy.fft.irfft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.irfft`).
///
/// # Errors
///
/// As [`fft`]; the default `n` is 0 (an error) for a single input bin.
///
/// # Examples
///
/// ```
/// use sci_fft::{irfft, rfft, Norm};
/// use sci_array::ndarray::array;
/// let x = array![1.0_f64, 2.0, 3.0, 4.0, 5.0];
/// let back = irfft(&rfft(&x, None, -1, Norm::Backward).unwrap(), Some(5), -1, Norm::Backward).unwrap();
/// for (b, v) in back.iter().zip(&x) {
///     assert!((b - v).abs() < 1e-12);
/// }
/// ```
pub fn irfft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let n = n.unwrap_or(2 * x.len_of(Axis(ax)).saturating_sub(1));
    if n < 1 {
        return Err(FftError::InvalidLength { arg: "n", n });
    }
    Ok(c2r_axis(x, n, ax, norm))
}

/// FFT of a signal with Hermitian symmetry: a real spectrum of length `n` (default `2 * (m - 1)`).
///
/// `hfft(x, n) = irfft(conj(x), n) * n` with the normalization swapped, as in SciPy.
///
/// SciPy equivalent: `scipy.fft.hfft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.hfft`).
///
/// # Errors
///
/// As [`irfft`].
///
/// # Examples
///
/// ```
/// use sci_fft::{hfft, Norm};
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// let x = array![Complex64::new(1.0, 0.0), Complex64::new(2.0, 0.0), Complex64::new(3.0, 0.0)];
/// let y = hfft(&x, None, -1, Norm::Backward).unwrap();
/// assert_eq!(y.len(), 4);
/// assert!((y[0] - 8.0).abs() < 1e-12 && (y[1] + 2.0).abs() < 1e-12);
/// ```
pub fn hfft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let conj = x.mapv(|v| v.to_complex().conj());
    irfft(&conj, n, axis, norm.swapped())
}

/// Inverse of [`hfft`]: `conj(rfft(x, n)) / n` (with the normalization swapped).
///
/// SciPy equivalent: `scipy.fft.ihfft(x, n, axis, norm)` (NumPy equivalent: `numpy.fft.ihfft`).
///
/// # Errors
///
/// As [`fft`].
///
/// # Examples
///
/// ```
/// use sci_fft::{ihfft, Norm};
/// use sci_array::ndarray::array;
/// let y = ihfft(&array![8.0_f64, -2.0, 0.0, -2.0], None, -1, Norm::Backward).unwrap();
/// assert!((y[0].re - 1.0).abs() < 1e-12 && (y[1].re - 2.0).abs() < 1e-12 && (y[2].re - 3.0).abs() < 1e-12);
/// ```
pub fn ihfft<A, S, D>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut y = rfft(x, n, axis, norm.swapped())?;
    y.mapv_inplace(|z| z.conj());
    Ok(y)
}

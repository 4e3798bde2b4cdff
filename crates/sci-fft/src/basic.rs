//! One-dimensional transforms over one axis: `fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft`.

use crate::engine::{CplxWork, FftFloat, FftInput, Norm, RealInput, RealWork, for_each_lane};
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
    check_size("n", shape_with(shape, &[(ax, n)]))?;
    Ok((ax, n))
}

/// `shape` with each `(axis, n)` of `lens` at the larger of its length and `n`: a bound on the
/// shape of every array a transform makes (padded copies, output).
pub(crate) fn shape_with(shape: &[usize], lens: &[(usize, usize)]) -> Vec<usize> {
    let mut out = shape.to_vec();
    for &(ax, n) in lens {
        out[ax] = out[ax].max(n);
    }
    out
}

/// Refuses a transform whose arrays (of `shape`, complex `f64` at most) cannot be allocated,
/// before any plan or buffer is made: NumPy's `ValueError: array is too big` past
/// `isize::MAX` bytes, and `MemoryError` when the allocator refuses a large request (only
/// requests of 1 GiB and more are tried, so that ordinary transforms pay nothing).
pub(crate) fn check_size(arg: &'static str, shape: impl IntoIterator<Item = usize>) -> Result<()> {
    const PROBE_BYTES: usize = 1 << 30;
    let shape: Vec<usize> = shape.into_iter().collect();
    // An empty array needs no memory, but ndarray still wants the product of its non-zero
    // lengths to fit in isize (NumPy: "Maximum allowed dimension exceeded").
    let bytes = if shape.contains(&0) {
        let nonzero = shape.iter().filter(|&&l| l != 0).try_fold(1usize, |acc, &l| acc.checked_mul(l));
        nonzero.filter(|&p| p <= isize::MAX as usize).map(|_| 0)
    } else {
        shape.iter().try_fold(std::mem::size_of::<Complex<f64>>(), |acc, &l| acc.checked_mul(l))
    }
    .filter(|&b| b <= isize::MAX as usize);
    match bytes {
        None => Err(FftError::InvalidValue {
            arg,
            reason: format!("array is too big: shape {shape:?} needs more than isize::MAX bytes"),
        }),
        Some(b) if b >= PROBE_BYTES && Vec::<u8>::new().try_reserve_exact(b).is_err() => {
            Err(FftError::InvalidValue {
                arg,
                reason: format!("unable to allocate {b} bytes for shape {shape:?}"),
            })
        }
        Some(_) => Ok(()),
    }
}

/// Lanes gathered per block by [`strided_lanes`] for lanes of `n` elements of `bytes` bytes:
/// at least 8 (whole cache lines), more for short lanes (up to 64, a block of at most 256 KiB),
/// so that each row read touches several lines.
fn lane_block(n: usize, bytes: usize) -> usize {
    ((256 << 10) / (n * bytes).max(1)).clamp(8, 64) / 8 * 8
}

/// Multiplies every element by `f`.
fn scale_complex<T: FftFloat, D: Dimension>(out: &mut Array<Complex<T>, D>, f: Option<T>) {
    if let Some(f) = f {
        out.mapv_inplace(|z| z * f);
    }
}

/// Multiplies every element of `v` by `f`.
#[inline]
fn scale_slice<T: FftFloat>(v: &mut [Complex<T>], f: Option<T>) {
    if let Some(f) = f {
        v.iter_mut().for_each(|z| *z = *z * f);
    }
}

/// Runs `f(state, task)` over `tasks`, with one `init()` state per worker; on several threads
/// (`rayon` feature) when `par` is set.
pub(crate) fn run_tasks<X: Send, St>(
    tasks: Vec<X>,
    par: bool,
    init: impl Fn() -> St + Sync + Send,
    f: impl Fn(&mut St, X) + Sync + Send,
) {
    #[cfg(feature = "rayon")]
    if par && tasks.len() > 1 {
        use rayon::prelude::*;
        tasks.into_par_iter().for_each_init(init, f);
        return;
    }
    let _ = par;
    let mut st = init();
    tasks.into_iter().for_each(|t| f(&mut st, t));
}

/// `dst[c * d_stride + r] = src[r * s_stride + c]` for `r < rows`, `c < cols`, in 8x8 tiles: the
/// 16 cache lines a tile touches stay in L1 even when both strides are powers of two (which map
/// every row of a plain loop to the same few cache sets).
fn transpose_into<X: Copy>(
    src: &[X],
    s_stride: usize,
    dst: &mut [X],
    d_stride: usize,
    rows: usize,
    cols: usize,
) {
    const TILE: usize = 8;
    for r0 in (0..rows).step_by(TILE) {
        let r1 = (r0 + TILE).min(rows);
        for c0 in (0..cols).step_by(TILE) {
            for c in c0..(c0 + TILE).min(cols) {
                let d = &mut dst[c * d_stride + r0..c * d_stride + r1];
                for (r, v) in (r0..r1).zip(d.iter_mut()) {
                    *v = src[r * s_stride + c];
                }
            }
        }
    }
}

/// Applies `op` in place to every length-`n` lane of stride `inner` of a standard-layout buffer
/// of shape `(outer, n, inner)`; `op(state, block)` gets up to [`lane_block`] lanes at a time,
/// one after the other in a contiguous block, with one `init()` state per worker.
///
/// Two passes over memory: (1) the lanes are gathered [`lane_block`] at a time (whole cache
/// lines) into contiguous rows of `work` (shape `(outer, inner, n)`) and transformed there;
/// (2) `work` is transposed back, row block by row block. Both passes are split over threads for
/// large buffers; every lane is computed by the same code either way.
pub(crate) fn strided_lanes<X, St>(
    buf: &mut [X],
    work: &mut [X],
    n: usize,
    inner: usize,
    init: impl Fn() -> St + Sync + Send,
    op: impl Fn(&mut St, &mut [X]) + Sync + Send,
) where
    X: Copy + Send + Sync,
{
    let len = buf.len();
    #[cfg(feature = "rayon")]
    let par = len >= crate::engine::PAR_THRESHOLD;
    #[cfg(not(feature = "rayon"))]
    let par = false;
    let block = lane_block(n, std::mem::size_of::<X>());
    // (1) gather and transform.
    {
        let src: &[X] = buf;
        let mut tasks = Vec::with_capacity(len / (n * block) + 1);
        for (o, wo) in work.chunks_mut(inner * n).enumerate() {
            for (c, w) in wo.chunks_mut(block * n).enumerate() {
                tasks.push((o * n * inner + c * block, w));
            }
        }
        run_tasks(tasks, par, init, |st, (base, w): (usize, &mut [X])| {
            let b = w.len() / n;
            transpose_into(&src[base..], inner, w, n, n, b);
            op(st, w);
        });
    }
    // (2) transpose back, blocks of rows of `buf`.
    let work: &[X] = work;
    let mut tasks = Vec::with_capacity(len / (inner * block) + 1);
    for (o, bo) in buf.chunks_mut(n * inner).enumerate() {
        for (c, rows) in bo.chunks_mut(block * inner).enumerate() {
            tasks.push((o * inner * n + c * block, rows));
        }
    }
    run_tasks(
        tasks,
        par,
        || (),
        |_, (base, rows): (usize, &mut [X])| {
            let r = rows.len() / inner;
            transpose_into(&work[base..], n, rows, inner, inner, r);
        },
    );
}

/// Largest slab `(n, inner)` transformed whole in a work buffer of its own (fits in L2).
const SLAB_BYTES: usize = 256 << 10;

/// [`strided_lanes`] with the complex FFT `plan` (scaled by `scale`) as the lane operation.
fn strided_inplace<T: FftFloat>(
    plan: &dyn rustfft::Fft<T>,
    buf: &mut [Complex<T>],
    n: usize,
    inner: usize,
    scale: Option<T>,
) {
    let scratch_len = plan.get_inplace_scratch_len();
    let slab = n * inner;
    if buf.len() > slab && slab * std::mem::size_of::<Complex<T>>() <= SLAB_BYTES {
        // Several slabs that each fit in L2 (e.g. the middle axis of a 3-d array): every slab is
        // transposed, transformed and transposed back in a work buffer of its own size, so the
        // axis costs one pass over memory instead of two.
        #[cfg(feature = "rayon")]
        let par = buf.len() >= crate::engine::PAR_THRESHOLD;
        #[cfg(not(feature = "rayon"))]
        let par = false;
        let tasks: Vec<&mut [Complex<T>]> = buf.chunks_mut(slab).collect();
        run_tasks(
            tasks,
            par,
            || (vec![Complex::zero(); scratch_len], vec![Complex::zero(); slab]),
            |(scratch, work), s: &mut [Complex<T>]| {
                transpose_into(s, inner, work, n, n, inner);
                plan.process_with_scratch(work, scratch);
                scale_slice(work, scale);
                transpose_into(work, n, s, inner, inner, n);
            },
        );
        return;
    }
    let mut work = CplxWork::<T>::new(buf.len());
    strided_lanes(
        buf,
        &mut work.0,
        n,
        inner,
        || vec![Complex::zero(); scratch_len],
        |scratch, w| {
            plan.process_with_scratch(w, scratch);
            scale_slice(w, scale);
        },
    );
}

/// Runs `plan` over every length-`n` chunk of `buf` and scales by `scale`, on several threads for
/// large buffers.
fn process_batched<T: FftFloat>(
    plan: &dyn rustfft::Fft<T>,
    buf: &mut [Complex<T>],
    n: usize,
    scale: Option<T>,
) {
    let scratch_len = plan.get_inplace_scratch_len();
    #[cfg(feature = "rayon")]
    {
        let lanes = buf.len() / n;
        if buf.len() >= crate::engine::PAR_THRESHOLD && lanes > 1 {
            use rayon::prelude::*;
            let per = lanes.div_ceil(4 * rayon::current_num_threads()).max(1);
            buf.par_chunks_mut(per * n).for_each_init(
                || vec![Complex::zero(); scratch_len],
                |scratch, chunk| {
                    plan.process_with_scratch(chunk, scratch);
                    scale_slice(chunk, scale);
                },
            );
            return;
        }
    }
    #[cfg(not(feature = "rayon"))]
    let _ = n; // only needed to split the work over threads
    let mut scratch = CplxWork::<T>::new(scratch_len);
    plan.process_with_scratch(buf, &mut scratch.0);
    scale_slice(buf, scale);
}

/// Transforms a standard-layout complex array in place along axis `ax` (full length, no
/// padding), with the normalization of `norm`.
pub(crate) fn c2c_inplace<T: FftFloat, D: Dimension>(
    out: &mut Array<Complex<T>, D>,
    ax: usize,
    inverse: bool,
    norm: Norm,
) {
    if out.is_empty() {
        return;
    }
    let n = out.shape()[ax];
    let inner: usize = out.shape()[ax + 1..].iter().product();
    let plan = T::plan(n, inverse);
    let scale = norm.factor(n, inverse);
    let buf = out.as_slice_mut().expect("standard layout");
    if inner == 1 {
        process_batched(&*plan, buf, n, scale);
    } else {
        strided_inplace(&*plan, buf, n, inner, scale);
    }
}

/// `x` as a complex array in standard layout, with axis `ax` cropped or zero-padded to `n`.
pub(crate) fn to_complex_padded<A, S, D>(
    x: &ArrayBase<S, D>,
    n: usize,
    ax: usize,
) -> Array<Complex<A::Real>, D>
where
    A: FftInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = sci_array::alloc::zeros::<Complex<A::Real>, D>(shape);
    if out.is_empty() {
        return out;
    }
    let copy = x.len_of(Axis(ax)).min(n);
    let axis = Axis(ax);
    let zip = Zip::from(out.slice_axis_mut(axis, ndarray::Slice::from(0..copy)))
        .and(x.slice_axis(axis, ndarray::Slice::from(0..copy)));
    #[cfg(feature = "rayon")]
    if x.len() >= crate::engine::PAR_THRESHOLD {
        zip.par_for_each(|d, s| *d = s.to_complex());
        return out;
    }
    zip.for_each(|d, s| *d = s.to_complex());
    out
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
    let mut out = to_complex_padded(x, n, ax);
    c2c_inplace(&mut out, ax, inverse, norm);
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
    let mut out = sci_array::alloc::zeros::<Complex<A::Real>, D>(shape);
    if out.is_empty() {
        return out;
    }
    let copy = x.len_of(Axis(ax)).min(n);
    let plan = A::Real::plan_r2c(n);
    for_each_lane(
        x,
        &mut out,
        ax,
        // Pooled buffers; the output buffer only for strided output lanes.
        || (CplxWork::new(plan.get_scratch_len()), RealWork::<A::Real>::new(n), CplxWork::new(0)),
        |(scratch, inbuf, outbuf), src, mut dst| {
            let (scratch, inbuf) = (&mut scratch.0, &mut inbuf.0);
            match src.as_slice() {
                Some(s) => inbuf.iter_mut().zip(&s[..copy]).for_each(|(b, v)| *b = v.to_real()),
                None => inbuf.iter_mut().zip(src.iter().take(copy)).for_each(|(b, v)| *b = v.to_real()),
            }
            inbuf[copy..].fill(A::Real::zero());
            match dst.as_slice_mut() {
                Some(d) => plan.process_with_scratch(inbuf, d, scratch),
                None => {
                    if outbuf.0.len() != n / 2 + 1 {
                        *outbuf = CplxWork::new(n / 2 + 1);
                    }
                    let outbuf = &mut outbuf.0;
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
    let mut out = sci_array::alloc::zeros::<A::Real, D>(shape);
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
        // Pooled buffers; the output buffer only for strided output lanes.
        || (CplxWork::new(plan.get_scratch_len()), CplxWork::new(nbins), RealWork::<A::Real>::new(0)),
        |(scratch, inbuf, outbuf), src, mut dst| {
            let (scratch, inbuf) = (&mut scratch.0, &mut inbuf.0);
            match src.as_slice() {
                Some(s) => inbuf.iter_mut().zip(&s[..copy]).for_each(|(b, v)| *b = v.to_complex()),
                None => inbuf.iter_mut().zip(src.iter().take(copy)).for_each(|(b, v)| *b = v.to_complex()),
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
                    if outbuf.0.len() != n {
                        *outbuf = RealWork::new(n);
                    }
                    let outbuf = &mut outbuf.0;
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
    check_size("n", shape_with(x.shape(), &[(ax, n)]))?;
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

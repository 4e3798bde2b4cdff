//! N-d convolution and correlation: `convolve`, `correlate`, `fftconvolve`, `oaconvolve`,
//! `choose_conv_method`, `correlation_lags`.

use crate::error::{Result, invalid};
use crate::fftconv::{check_same_ndim, fft_full, oa_full_1d};
use crate::real::Real;
use ndarray::{Array, Array1, ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Slice, Zip};

/// The size of the output of a convolution, SciPy's `mode`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::ConvMode::default(), sci_signal::ConvMode::Full);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConvMode {
    /// `'full'` (default): every point where the inputs overlap.
    #[default]
    Full,
    /// `'same'`: the size of `in1`, centred on the full output.
    Same,
    /// `'valid'`: only points that do not rely on zero padding.
    Valid,
}

/// How a convolution is computed, SciPy's `method`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::ConvMethod::default(), sci_signal::ConvMethod::Auto);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConvMethod {
    /// `'auto'` (default): the faster of the two, by [`choose_conv_method`]'s estimate.
    #[default]
    Auto,
    /// `'direct'`: the sum of products.
    Direct,
    /// `'fft'`: through the FFT ([`fftconvolve`]).
    Fft,
}

/// `out[lo - base..hi - base] += hk * x[lo - k..hi - k]` (empty when `lo >= hi`).
#[inline(always)]
fn axpy<T: Real>(out: &mut [T], base: usize, x: &[T], hk: T, k: usize, lo: usize, hi: usize) {
    if lo < hi {
        let o = &mut out[lo - base..hi - base];
        o.iter_mut().zip(&x[lo - k..hi - k]).for_each(|(o, &v)| *o = *o + hk * v);
    }
}

/// Accumulates `out[t] += sum_k h[k] x[j0 + t - k]` (zero outside `x`): a slice of the full
/// 1-d convolution, in cache-sized blocks; taps are applied four at a time where all four are
/// in range (one load and store of the output per four taps), always in increasing `k` for
/// every output, so the sums are the same whatever the blocking or threading.
#[inline(always)]
fn conv1d_acc_inner<T: Real>(x: &[T], h: &[T], j0: usize, out: &mut [T]) {
    const BLOCK: usize = 2048;
    let n = x.len();
    let nh = h.len();
    for (bi, blk) in out.chunks_mut(BLOCK).enumerate() {
        let lo_j = j0 + bi * BLOCK;
        let hi_j = lo_j + blk.len();
        let mut k = 0;
        while k + 4 <= nh {
            // Range where the four taps k..k+4 all read inside x.
            let lo = lo_j.max(k + 3);
            let hi = hi_j.min(n + k);
            if lo < hi {
                for t in 0..4 {
                    let kk = k + t;
                    let (a, b) = (lo_j.max(kk), hi_j.min(n + kk));
                    axpy(blk, lo_j, x, h[kk], kk, a, b.min(lo));
                    axpy(blk, lo_j, x, h[kk], kk, a.max(hi), b);
                }
                let (h0, h1, h2, h3) = (h[k], h[k + 1], h[k + 2], h[k + 3]);
                let o = &mut blk[lo - lo_j..hi - lo_j];
                let x0 = &x[lo - k..hi - k];
                let x1 = &x[lo - k - 1..hi - k - 1];
                let x2 = &x[lo - k - 2..hi - k - 2];
                let x3 = &x[lo - k - 3..hi - k - 3];
                for ((((o, &a), &b), &c), &d) in o.iter_mut().zip(x0).zip(x1).zip(x2).zip(x3) {
                    *o = *o + h0 * a + h1 * b + h2 * c + h3 * d;
                }
            } else {
                for kk in k..k + 4 {
                    axpy(blk, lo_j, x, h[kk], kk, lo_j.max(kk), hi_j.min(n + kk));
                }
            }
            k += 4;
        }
        for kk in k..nh {
            axpy(blk, lo_j, x, h[kk], kk, lo_j.max(kk), hi_j.min(n + kk));
        }
    }
}

/// [`conv1d_acc_inner`], compiled for AVX2 when the CPU has it (same operations, no fused
/// multiply-add, so identical results).
pub(crate) fn conv1d_acc<T: Real>(x: &[T], h: &[T], j0: usize, out: &mut [T]) {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx2")]
        fn avx2<T: Real>(x: &[T], h: &[T], j0: usize, out: &mut [T]) {
            conv1d_acc_inner(x, h, j0, out)
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above), the only requirement of
            // calling a function compiled with `target_feature(enable = "avx2")`.
            #[allow(unsafe_code)]
            unsafe {
                return avx2(x, h, j0, out);
            }
        }
    }
    conv1d_acc_inner(x, h, j0, out)
}

/// `conv1d_acc` into a zeroed `out`, over threads for large work (rayon feature).
pub(crate) fn conv1d_range<T: Real>(x: &[T], h: &[T], j0: usize, out: &mut [T]) {
    #[cfg(feature = "rayon")]
    {
        const CHUNK: usize = 16_384;
        if out.len() > CHUNK && out.len().saturating_mul(h.len()) >= 1_000_000 {
            use rayon::prelude::*;
            out.par_chunks_mut(CHUNK).enumerate().for_each(|(i, c)| conv1d_acc(x, h, j0 + i * CHUNK, c));
            return;
        }
    }
    conv1d_acc(x, h, j0, out);
}

/// The start and length, per axis, of the `mode` window of the full output.
fn mode_window(s1: &[usize], s2: &[usize], mode: ConvMode) -> Vec<(usize, usize)> {
    s1.iter()
        .zip(s2)
        .map(|(&a, &b)| {
            let full = a + b - 1;
            let len = match mode {
                ConvMode::Full => full,
                ConvMode::Same => a,
                ConvMode::Valid => a.max(b) - a.min(b) + 1,
            };
            ((full - len) / 2, len)
        })
        .collect()
}

/// Direct n-d convolution restricted to `win`: one shifted multiply-add of `a` per kernel
/// element (1-d inputs use the blocked kernel).
fn direct<T: Real>(a: &ArrayViewD<'_, T>, k: &ArrayViewD<'_, T>, win: &[(usize, usize)]) -> ArrayD<T> {
    let out_shape: Vec<usize> = win.iter().map(|w| w.1).collect();
    if a.ndim() == 2 {
        let a2 = a.view().into_dimensionality::<ndarray::Ix2>().expect("2-d");
        let k2 = k.view().into_dimensionality::<ndarray::Ix2>().expect("2-d");
        let o = crate::convolve2d::direct2d(&a2, &k2, (win[0].0, win[1].0), (win[0].1, win[1].1));
        return o.into_dyn();
    }
    if a.ndim() == 1 {
        let x = a.as_standard_layout();
        let h = k.as_standard_layout();
        let mut out = vec![T::zero(); out_shape[0]];
        conv1d_range(x.as_slice().expect("standard"), h.as_slice().expect("standard"), win[0].0, &mut out);
        return ArrayD::from_shape_vec(IxDyn(&out_shape), out).expect("shape matches");
    }
    let mut out = ArrayD::<T>::zeros(IxDyn(&out_shape));
    for (idx, &kv) in k.indexed_iter() {
        // Output index o (window coords) takes a[o + start - idx] when in range.
        let mut src = Vec::with_capacity(a.ndim());
        let mut dst = Vec::with_capacity(a.ndim());
        let mut empty = false;
        for ax in 0..a.ndim() {
            let (start, len) = win[ax];
            let (s, n) = (idx[ax] as isize - start as isize, a.shape()[ax] as isize);
            let lo = s.max(0);
            let hi = (s + n).min(len as isize);
            if lo >= hi {
                empty = true;
                break;
            }
            dst.push(Slice::from(lo..hi));
            src.push(Slice::from(lo - s..hi - s));
        }
        if empty {
            continue;
        }
        let av = a.slice_each_axis(|d| src[d.axis.index()]);
        let mut ov = out.slice_each_axis_mut(|d| dst[d.axis.index()]);
        Zip::from(&mut ov).and(&av).for_each(|o, &v| *o = *o + kv * v);
    }
    out
}

/// Returns whether `fft` is estimated to be faster than `direct`, by SciPy's operation-count
/// model (`_fftconv_faster`, constants measured by SciPy).
fn fft_faster(s1: &[usize], s2: &[usize], mode: ConvMode) -> bool {
    let prod = |s: &[usize]| s.iter().map(|&v| v as f64).product::<f64>();
    let full: Vec<usize> = s1.iter().zip(s2).map(|(a, b)| a + b - 1).collect();
    let out: Vec<usize> = mode_window(s1, s2, mode).iter().map(|w| w.1).collect();
    let direct_ops = if s1.len() == 1 {
        let (a, b) = (s1[0] as f64, s2[0] as f64);
        match mode {
            ConvMode::Full => a * b,
            ConvMode::Valid => {
                if b >= a {
                    (b - a + 1.0) * a
                } else {
                    (a - b + 1.0) * b
                }
            }
            ConvMode::Same => {
                if a < b {
                    a * b
                } else {
                    a * b - (s2[0] / 2) as f64 * s2[0].div_ceil(2) as f64
                }
            }
        }
    } else {
        match mode {
            ConvMode::Same => prod(s1) * prod(s2),
            _ => prod(s1).min(prod(s2)) * prod(&out),
        }
    };
    let n = prod(&full);
    let fft_ops = 3.0 * n * n.ln();
    let one_d = s1.len() == 1;
    let offset = if one_d { -1e-3 } else { -1e-4 };
    let (o_fft, o_direct, o_off) = if one_d {
        match mode {
            ConvMode::Valid => (1.89095737e-9, 2.1364985e-10, offset),
            ConvMode::Full => (1.7649070e-9, 2.1414831e-10, offset),
            ConvMode::Same if prod(s2) <= prod(s1) => (3.2646654e-9, 2.8478277e-10, offset),
            ConvMode::Same => (3.21635404e-9, 1.1773253e-8, -1e-5),
        }
    } else {
        match mode {
            ConvMode::Valid => (1.85927e-9, 2.11242e-8, offset),
            ConvMode::Full => (1.99817e-9, 1.66174e-8, offset),
            ConvMode::Same => (2.04735e-9, 1.55367e-8, offset),
        }
    };
    o_fft * fft_ops < o_direct * direct_ops + o_off
}

/// Returns the method ([`ConvMethod::Direct`] or [`ConvMethod::Fft`]) that
/// [`convolve`]/[`correlate`] use with [`ConvMethod::Auto`] for these shapes.
///
/// SciPy's operation-count model of `choose_conv_method` (no `measure`).
///
/// SciPy equivalent: `scipy.signal.choose_conv_method(in1, in2, mode)`.
///
/// # Examples
///
/// ```
/// use sci_signal::{choose_conv_method, ConvMethod, ConvMode};
/// assert_eq!(choose_conv_method(&[1000], &[3], ConvMode::Full), ConvMethod::Direct);
/// assert_eq!(choose_conv_method(&[10_000], &[10_000], ConvMode::Full), ConvMethod::Fft);
/// ```
pub fn choose_conv_method(shape1: &[usize], shape2: &[usize], mode: ConvMode) -> ConvMethod {
    if shape1.len() == shape2.len() && !shape1.is_empty() && fft_faster(shape1, shape2, mode) {
        ConvMethod::Fft
    } else {
        ConvMethod::Direct
    }
}

/// Validates the shapes; returns the (possibly swapped, for `valid`) operands, or `None` when
/// an input is empty (the result is then empty, as in SciPy).
fn prepare<'a, T, S1, S2, D>(
    in1: &'a ArrayBase<S1, D>,
    in2: &'a ArrayBase<S2, D>,
    mode: ConvMode,
) -> Result<Option<(ArrayViewD<'a, T>, ArrayViewD<'a, T>)>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    check_same_ndim(in1.ndim(), in2.ndim())?;
    if in1.ndim() == 0 {
        return Err(invalid("in1", "convolution of 0-d arrays is not supported; use multiplication"));
    }
    if in1.is_empty() || in2.is_empty() {
        return Ok(None);
    }
    let (a, b) = (in1.view().into_dyn(), in2.view().into_dyn());
    if mode == ConvMode::Valid {
        let ge = a.shape().iter().zip(b.shape()).all(|(x, y)| x >= y);
        let le = a.shape().iter().zip(b.shape()).all(|(x, y)| x <= y);
        if !ge && !le {
            return Err(invalid(
                "mode",
                "For 'valid' mode, one must be at least as large as the other in every dimension",
            ));
        }
        if !ge {
            return Ok(Some((b, a)));
        }
    }
    Ok(Some((a, b)))
}

/// Converts a dynamic-dimensional result back to `D`, or an empty result of `in1`'s ndim.
fn finish<T: Real, D: Dimension>(r: Option<ArrayD<T>>, ndim: usize) -> Array<T, D> {
    let r = r.unwrap_or_else(|| ArrayD::zeros(IxDyn(&vec![0; ndim])));
    r.into_dimensionality::<D>().expect("same ndim")
}

fn convolve_impl<T: Real>(
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    mode: ConvMode,
    method: ConvMethod,
) -> ArrayD<T> {
    let win = mode_window(a.shape(), b.shape(), mode);
    let method = match method {
        ConvMethod::Auto => choose_conv_method(a.shape(), b.shape(), mode),
        m => m,
    };
    match method {
        ConvMethod::Fft => {
            let full = fft_full(&a, &b);
            full.slice_each_axis(|d| {
                let (s, l) = win[d.axis.index()];
                Slice::from(s..s + l)
            })
            .to_owned()
        }
        _ => {
            // Convolution commutes: slide the smaller operand (the kernel) over the larger.
            if b.len() > a.len() { direct(&b, &a, &win) } else { direct(&a, &b, &win) }
        }
    }
}

/// Convolves two n-dimensional arrays.
///
/// `out[n] = sum_k in1[k] in2[n - k]`, sized by `mode`; `method` picks a direct sum (blocked,
/// vectorized, multi-threaded for large 1-d work) or the FFT.
///
/// SciPy equivalent: `scipy.signal.convolve(in1, in2, mode, method)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when the ndims differ (for
/// dynamic-dimensional inputs), for 0-d inputs, and in `valid` mode when neither input is at
/// least as large as the other in every dimension. An empty input gives an empty result.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{convolve, ConvMethod, ConvMode};
/// let x = array![1.0, 2.0, 3.0];
/// let h = array![0.0, 1.0, 0.5];
/// let y = convolve(&x, &h, ConvMode::Full, ConvMethod::Auto).unwrap();
/// assert_eq!(y, array![0.0, 1.0, 2.5, 4.0, 1.5]);
/// let s = convolve(&x, &h, ConvMode::Same, ConvMethod::Direct).unwrap();
/// assert_eq!(s, array![1.0, 2.5, 4.0]);
/// ```
pub fn convolve<T, S1, S2, D>(
    in1: &ArrayBase<S1, D>,
    in2: &ArrayBase<S2, D>,
    mode: ConvMode,
    method: ConvMethod,
) -> Result<Array<T, D>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let ops = prepare(in1, in2, mode)?;
    Ok(finish(ops.map(|(a, b)| convolve_impl(a, b, mode, method)), in1.ndim()))
}

/// Cross-correlates two n-dimensional arrays.
///
/// `out[k] = sum_l in1[l] in2[l - k + N - 1]`: [`convolve`] of `in1` with `in2` reversed along
/// every axis (real input), sized by `mode`.
///
/// SciPy equivalent: `scipy.signal.correlate(in1, in2, mode, method)`.
///
/// # Errors
///
/// As [`convolve`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{correlate, ConvMethod, ConvMode};
/// let y = correlate(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvMode::Full, ConvMethod::Direct)
///     .unwrap();
/// assert_eq!(y, array![0.5, 2.0, 3.5, 3.0, 0.0]);
/// ```
pub fn correlate<T, S1, S2, D>(
    in1: &ArrayBase<S1, D>,
    in2: &ArrayBase<S2, D>,
    mode: ConvMode,
    method: ConvMethod,
) -> Result<Array<T, D>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    check_same_ndim(in1.ndim(), in2.ndim())?;
    let mut rev = in2.view();
    for ax in 0..rev.ndim() {
        rev.invert_axis(Axis(ax));
    }
    convolve(&in1.view(), &rev, mode, method)
}

/// Convolves two n-dimensional arrays with the FFT.
///
/// SciPy equivalent: `scipy.signal.fftconvolve(in1, in2, mode)` (all axes).
///
/// # Errors
///
/// As [`convolve`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{fftconvolve, ConvMode};
/// let y = fftconvolve(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvMode::Full).unwrap();
/// let want = [0.0_f64, 1.0, 2.5, 4.0, 1.5];
/// assert!(y.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-14));
/// ```
pub fn fftconvolve<T, S1, S2, D>(
    in1: &ArrayBase<S1, D>,
    in2: &ArrayBase<S2, D>,
    mode: ConvMode,
) -> Result<Array<T, D>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    convolve(in1, in2, mode, ConvMethod::Fft)
}

/// Convolves two n-dimensional arrays with the overlap-add method.
///
/// 1-d inputs are cut into blocks of about eight kernel lengths, each convolved with one FFT
/// and added up; inputs of more dimensions, or kernels not much shorter than the signal, use a
/// single FFT ([`fftconvolve`]), which SciPy also falls back to along such axes. Results agree
/// with [`fftconvolve`] to round-off.
///
/// SciPy equivalent: `scipy.signal.oaconvolve(in1, in2, mode)`.
///
/// # Errors
///
/// As [`convolve`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{convolve, oaconvolve, ConvMethod, ConvMode};
/// let x = Array1::from_shape_fn(1000, |i| (i as f64 * 0.1).sin());
/// let h = Array1::from_shape_fn(11, |i| 1.0 / (1.0 + i as f64));
/// let a = oaconvolve(&x, &h, ConvMode::Same).unwrap();
/// let b = convolve(&x, &h, ConvMode::Same, ConvMethod::Direct).unwrap();
/// assert!(a.iter().zip(&b).all(|(p, q)| (p - q).abs() < 1e-12));
/// ```
pub fn oaconvolve<T, S1, S2, D>(
    in1: &ArrayBase<S1, D>,
    in2: &ArrayBase<S2, D>,
    mode: ConvMode,
) -> Result<Array<T, D>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let Some((a, b)) = prepare(in1, in2, mode)? else {
        return Ok(finish(None, in1.ndim()));
    };
    let (long, short) = if a.len() >= b.len() { (a.view(), b.view()) } else { (b.view(), a.view()) };
    if a.ndim() != 1 || short.len() * 4 > long.len() || short.len() < 2 {
        return Ok(finish(Some(convolve_impl(a, b, mode, ConvMethod::Fft)), in1.ndim()));
    }
    let x = long.as_standard_layout();
    let h = short.as_standard_layout();
    let full = oa_full_1d(x.as_slice().expect("standard"), h.as_slice().expect("standard"));
    let (s, l) = mode_window(a.shape(), b.shape(), mode)[0];
    let out = ArrayD::from_shape_vec(IxDyn(&[l]), full[s..s + l].to_vec()).expect("shape matches");
    Ok(finish(Some(out), in1.ndim()))
}

/// The lag indices of the output of a 1-d [`correlate`] of inputs of lengths `in1_len` and
/// `in2_len`.
///
/// SciPy equivalent: `scipy.signal.correlation_lags(in1_len, in2_len, mode)`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{correlation_lags, ConvMode};
/// assert_eq!(correlation_lags(3, 2, ConvMode::Full), array![-1, 0, 1, 2]);
/// assert_eq!(correlation_lags(5, 3, ConvMode::Same), array![-1, 0, 1, 2, 3]);
/// assert_eq!(correlation_lags(2, 4, ConvMode::Valid), array![-2, -1, 0]);
/// ```
pub fn correlation_lags(in1_len: usize, in2_len: usize, mode: ConvMode) -> Array1<i64> {
    let (n1, n2) = (in1_len as i64, in2_len as i64);
    match mode {
        ConvMode::Full => Array1::from_iter(-n2 + 1..n1),
        ConvMode::Same => {
            let lags: Vec<i64> = (-n2 + 1..n1).collect();
            let mid = lags.len() as i64 / 2;
            let bound = n1 / 2;
            let lo = (mid - bound).max(0) as usize;
            let hi = if n1 % 2 == 0 { mid + bound } else { mid + bound + 1 };
            let hi = (hi.max(0) as usize).min(lags.len());
            Array1::from(lags[lo.min(hi)..hi].to_vec())
        }
        ConvMode::Valid => {
            let b = n1 - n2;
            if b >= 0 { Array1::from_iter(0..=b) } else { Array1::from_iter(b..=0) }
        }
    }
}

//! Nonlinear and adaptive smoothing: `medfilt`, `medfilt2d`, `wiener`.

use crate::convolve::{ConvMethod, ConvMode, correlate};
use crate::error::{Result, invalid};
use ndarray::{Array, Array2, ArrayBase, ArrayD, Data, Dimension, Ix2, IxDyn};
use num_traits::Zero;

fn kernel_sizes(kernel_size: &[usize], ndim: usize) -> Result<Vec<usize>> {
    let k: Vec<usize> = match kernel_size.len() {
        0 => vec![3; ndim],
        1 => vec![kernel_size[0]; ndim],
        n if n == ndim => kernel_size.to_vec(),
        n => {
            return Err(invalid(
                "kernel_size",
                format!("kernel_size has {n} entries for an array of {ndim} dimensions"),
            ));
        }
    };
    if k.iter().any(|&v| v % 2 == 0) {
        return Err(invalid("kernel_size", "Each element of kernel_size should be odd."));
    }
    Ok(k)
}

/// Median of every window (zero outside the input), n-d (`x` in standard layout).
fn median_nd<T: PartialOrd + Copy + Zero>(x: &ArrayD<T>, k: &[usize]) -> ArrayD<T> {
    let shape = x.shape().to_vec();
    let nd = shape.len();
    let data = x.as_slice().expect("standard layout");
    let mut strides = vec![1usize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * shape[d + 1];
    }
    let ksize: usize = k.iter().product();
    let half: Vec<isize> = k.iter().map(|&v| (v / 2) as isize).collect();
    let mut win: Vec<T> = Vec::with_capacity(ksize);
    let mut offs = vec![0isize; nd];
    let m = ksize / 2;
    ArrayD::from_shape_fn(IxDyn(&shape), |pos| {
        win.clear();
        offs.iter_mut().zip(&half).for_each(|(o, h)| *o = -h);
        loop {
            let mut lin = 0usize;
            let mut inside = true;
            for d in 0..nd {
                let p = pos[d] as isize + offs[d];
                if p < 0 || p >= shape[d] as isize {
                    inside = false;
                    break;
                }
                lin += p as usize * strides[d];
            }
            win.push(if inside { data[lin] } else { T::zero() });
            // Next kernel offset (odometer, last axis fastest).
            let mut d = nd;
            let done = loop {
                if d == 0 {
                    break true;
                }
                d -= 1;
                offs[d] += 1;
                if offs[d] <= half[d] {
                    break false;
                }
                offs[d] = -half[d];
            };
            if done {
                break;
            }
        }
        *win.select_nth_unstable_by(m, |a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)).1
    })
}

/// 1-d median filter of a contiguous signal (zero padded), one selection per window.
fn median_1d_select<T: PartialOrd + Copy + Zero>(x: &[T], k: usize) -> Vec<T> {
    let n = x.len();
    let h = k / 2;
    let mut win: Vec<T> = Vec::with_capacity(k);
    (0..n)
        .map(|i| {
            win.clear();
            if i >= h && i + h < n {
                win.extend_from_slice(&x[i - h..=i + h]);
            } else {
                let lo = i as isize - h as isize;
                for j in lo..lo + k as isize {
                    win.push(if j < 0 || j >= n as isize { T::zero() } else { x[j as usize] });
                }
            }
            *win.select_nth_unstable_by(h, |a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)).1
        })
        .collect()
}

/// Window sizes up to which one selection per window beats the sorted sliding window.
const SELECT_MAX_K: usize = 1;

/// Medians of the windows centred on `x[start..start + out.len()]` (zero padded), keeping the
/// window sorted as it slides: the ranks of the outgoing and incoming samples are found in one
/// pass and the samples between them shifted by one block move.
fn median_1d_sorted<T: PartialOrd + Copy + Zero>(x: &[T], k: usize, start: usize, out: &mut [T]) {
    let n = x.len();
    let h = k / 2;
    let get = |j: isize| if j < 0 || j >= n as isize { T::zero() } else { x[j as usize] };
    let s = start as isize;
    let mut win: Vec<T> = (s - h as isize..=s + h as isize).map(get).collect();
    win.sort_unstable_by(|a, b| a.partial_cmp(b).expect("no NaN on this path"));
    let win = &mut win[..];
    out[0] = win[h];
    for (o, y) in out.iter_mut().enumerate().skip(1) {
        let i = start + o;
        let (old, new) = if i > h && i + h < n {
            (x[i - h - 1], x[i + h])
        } else {
            (get(i as isize - h as isize - 1), get((i + h) as isize))
        };
        // Ranks of the outgoing and incoming samples: binary searches for long windows,
        // branch-free counts (they vectorize) for short ones; then one block move (memmove).
        let (p, q) = if k > 128 {
            (win.partition_point(|w| *w < old), win.partition_point(|w| *w < new))
        } else {
            win.iter()
                .fold((0usize, 0usize), |(p, q), w| (p + usize::from(*w < old), q + usize::from(*w < new)))
        };
        if old < new {
            win.copy_within(p + 1..q, p);
            win[q - 1] = new;
        } else if new < old {
            win.copy_within(q..p, q + 1);
            win[q] = new;
        }
        *y = win[h];
    }
}

#[inline(always)]
fn min2<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if b < a { b } else { a }
}

#[inline(always)]
fn max2<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if a < b { b } else { a }
}

/// The median of three, branch-free on floats.
#[inline(always)]
fn med3<T: PartialOrd + Copy>(a: T, b: T, c: T) -> T {
    max2(min2(a, b), min2(max2(a, b), c))
}

/// Medians of windows of 3 or 5 (zero padded) by selection networks; for 5, the smaller of
/// the pair minima and the larger of the pair maxima cannot be the median.
fn median_1d_network<T: PartialOrd + Copy + Zero>(x: &[T], k: usize, start: usize, out: &mut [T]) {
    let n = x.len();
    let h = k / 2;
    let get = |j: isize| if j < 0 || j >= n as isize { T::zero() } else { x[j as usize] };
    let med = |w: &[T]| {
        if k == 3 {
            med3(w[0], w[1], w[2])
        } else {
            let (a, b) = (min2(w[0], w[1]), max2(w[0], w[1]));
            let (c, d) = (min2(w[2], w[3]), max2(w[2], w[3]));
            med3(max2(a, c), min2(b, d), w[4])
        }
    };
    let mut buf = [T::zero(); 5];
    for (o, y) in out.iter_mut().enumerate() {
        let i = start + o;
        *y = if i >= h && i + h < n {
            med(&x[i - h..=i + h])
        } else {
            for (t, b) in buf[..k].iter_mut().enumerate() {
                *b = get((i + t) as isize - h as isize);
            }
            med(&buf[..k])
        };
    }
}

/// 1-d median filter of a contiguous signal (zero padded).
fn median_1d<T: PartialOrd + Copy + Zero + Send + Sync>(x: &[T], k: usize) -> Vec<T> {
    if x.is_empty() {
        // SciPy gives an empty result; the sliding window starts by reading the first output.
        return Vec::new();
    }
    // NaN breaks the ordering a sorted window relies on: keep SciPy's per-window selection.
    #[allow(clippy::eq_op)]
    if k <= SELECT_MAX_K || x.iter().any(|v| v != v) {
        return median_1d_select(x, k);
    }
    let n = x.len();
    let mut out = vec![T::zero(); n];
    let run = if k <= 5 { median_1d_network::<T> } else { median_1d_sorted::<T> };
    #[cfg(feature = "rayon")]
    {
        const CHUNK: usize = 1 << 15;
        if n >= 2 * CHUNK {
            use rayon::prelude::*;
            out.par_chunks_mut(CHUNK).enumerate().for_each(|(c, dst)| run(x, k, c * CHUNK, dst));
            return out;
        }
    }
    run(x, k, 0, &mut out);
    out
}

/// Median filter: each sample is replaced by the median of the `kernel_size` window around it,
/// the input being zero-padded.
///
/// `kernel_size`: empty for 3 along every axis, one entry for all axes, or one per axis; every
/// entry odd.
///
/// SciPy equivalent: `scipy.signal.medfilt(volume, kernel_size)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for an even kernel size or
/// the wrong number of sizes.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let y = sci_signal::medfilt(&array![2.0, 6.0, 5.0, 4.0, 0.0, 3.0, 5.0, 7.0, 9.0, 2.0], &[3]).unwrap();
/// assert_eq!(y, array![2.0, 5.0, 5.0, 4.0, 3.0, 3.0, 5.0, 7.0, 7.0, 2.0]);
/// ```
pub fn medfilt<T, S, D>(volume: &ArrayBase<S, D>, kernel_size: &[usize]) -> Result<Array<T, D>>
where
    T: PartialOrd + Copy + Zero + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
{
    let k = kernel_sizes(kernel_size, volume.ndim())?;
    if volume.ndim() == 1 {
        let copy: Vec<T>;
        let v = match volume.as_slice() {
            Some(v) => v,
            None => {
                copy = volume.iter().copied().collect();
                &copy
            }
        };
        return Ok(Array::from_shape_vec(volume.raw_dim(), median_1d(v, k[0])).expect("shape matches"));
    }
    let x = volume.as_standard_layout().into_owned().into_dyn();
    Ok(median_nd(&x, &k).into_dimensionality::<D>().expect("same ndim"))
}

/// 2-d median filter with zero padding.
///
/// SciPy equivalent: `scipy.signal.medfilt2d(input, kernel_size)`.
///
/// # Errors
///
/// As [`medfilt`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let x = array![[1.0, 9.0, 1.0], [9.0, 9.0, 9.0], [1.0, 9.0, 1.0]];
/// let y = sci_signal::medfilt2d(&x, &[3, 3]).unwrap();
/// assert_eq!(y, array![[0.0, 1.0, 0.0], [1.0, 9.0, 1.0], [0.0, 1.0, 0.0]]);
/// ```
pub fn medfilt2d<T, S>(input: &ArrayBase<S, Ix2>, kernel_size: &[usize]) -> Result<Array2<T>>
where
    T: PartialOrd + Copy + Zero + Send + Sync,
    S: Data<Elem = T>,
{
    medfilt(input, kernel_size)
}

/// Wiener filter: `mean + (1 - noise / var) (x - mean)` with the local mean and variance over
/// windows of `mysize` (empty: 3 along every axis), the local mean where the variance is below
/// the noise power; `noise: None` estimates it as the average local variance.
///
/// SciPy equivalent: `scipy.signal.wiener(im, mysize, noise)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for the wrong number of
/// window sizes or a zero size.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let y = sci_signal::wiener(&array![1.0, 2.0, 3.0, 10.0, 3.0, 2.0, 1.0], &[3], None).unwrap();
/// assert!((y[3] - 7.61904762).abs() < 1e-8 && (y[2] - 3.87719298).abs() < 1e-8);
/// ```
pub fn wiener<S, D>(im: &ArrayBase<S, D>, mysize: &[usize], noise: Option<f64>) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let nd = im.ndim();
    let sizes: Vec<usize> = match mysize.len() {
        0 => vec![3; nd],
        1 => vec![mysize[0]; nd],
        n if n == nd => mysize.to_vec(),
        n => {
            return Err(invalid("mysize", format!("mysize has {n} entries for an array of {nd} dimensions")));
        }
    };
    if sizes.contains(&0) {
        return Err(invalid("mysize", "window sizes must be positive"));
    }
    let x = im.to_owned().into_dyn();
    if x.is_empty() {
        return Ok(x.into_dimensionality::<D>().expect("same ndim"));
    }
    let ones = ArrayD::<f64>::ones(IxDyn(&sizes));
    let size = sizes.iter().product::<usize>() as f64;
    let lmean = correlate(&x, &ones, ConvMode::Same, ConvMethod::Auto)?.mapv(|v| v / size);
    let sq = x.mapv(|v| v * v);
    let lvar =
        correlate(&sq, &ones, ConvMode::Same, ConvMethod::Auto)?.mapv(|v| v / size) - lmean.mapv(|m| m * m);
    let noise = noise.unwrap_or_else(|| lvar.sum() / lvar.len() as f64);
    let mut out = x;
    ndarray::Zip::from(&mut out).and(&lmean).and(&lvar).for_each(|o, &m, &v| {
        let res = (*o - m) * (1.0 - noise / v) + m;
        *o = if v < noise { m } else { res };
    });
    Ok(out.into_dimensionality::<D>().expect("same ndim"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sorted sliding window agrees with one selection per window: ties, short signals
    /// (window longer than the signal), and thread-chunk boundaries.
    #[test]
    fn sliding_window_matches_selection() {
        let mut s: u64 = 7;
        let mut rnd = |m: u64| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 33) % m
        };
        for &n in &[1usize, 2, 5, 6, 50, 333, (1 << 16) + 77] {
            let xi: Vec<i64> = (0..n).map(|_| rnd(7) as i64 - 3).collect();
            let xf: Vec<f64> = (0..n).map(|_| rnd(1000) as f64 / 7.0 - 50.0).collect();
            for &k in &[3usize, 5, 7, 9, 11, 51, 101, 129, 257] {
                if n > 1000 && k > 11 {
                    continue;
                }
                assert_eq!(median_1d(&xi, k), median_1d_select(&xi, k), "i64 n={n} k={k}");
                assert_eq!(median_1d(&xf, k), median_1d_select(&xf, k), "f64 n={n} k={k}");
            }
        }
    }
}

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

/// 1-d median filter of a contiguous signal (zero padded).
fn median_1d<T: PartialOrd + Copy + Zero>(x: &[T], k: usize) -> Vec<T> {
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
    T: PartialOrd + Copy + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    let k = kernel_sizes(kernel_size, volume.ndim())?;
    if volume.ndim() == 1 {
        let v: Vec<T> = volume.iter().copied().collect();
        let y = ArrayD::from_shape_vec(IxDyn(&[v.len()]), median_1d(&v, k[0])).expect("shape matches");
        return Ok(y.into_dimensionality::<D>().expect("same ndim"));
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
    T: PartialOrd + Copy + Zero,
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

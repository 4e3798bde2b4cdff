//! Gaussian filters: `gaussian_filter1d`, `gaussian_filter`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::correlate::correlate1d_dyn;
use crate::mode::Modes;
use crate::support::{check_axes, dyn_view, per_axis, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};
use sci_array::normalize_axis;

/// NumPy's pairwise summation (`np.add.reduce` on a contiguous `float64` array).
pub(crate) fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for x in a {
            res += x;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let full = n - n % 8;
        let mut i = 8;
        while i < full {
            for j in 0..8 {
                r[j] += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for x in &a[full..] {
            res += x;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&a[..n2]) + pairwise_sum(&a[n2..])
    }
}

/// The 1-D Gaussian kernel of SciPy's `_gaussian_kernel1d` (convolution orientation).
fn gaussian_kernel1d(sigma: f64, order: usize, radius: usize) -> Vec<f64> {
    let r = radius as i64;
    let sigma2 = sigma * sigma;
    let xs: Vec<i64> = (-r..=r).collect();
    let mut phi: Vec<f64> = xs.iter().map(|&x| (-0.5 / sigma2 * (x * x) as f64).exp()).collect();
    let s = pairwise_sum(&phi);
    for p in &mut phi {
        *p /= s;
    }
    if order == 0 {
        return phi;
    }
    let mut q = vec![0.0; order + 1];
    q[0] = 1.0;
    let p = -1.0 / sigma2;
    for _ in 0..order {
        let mut nq = vec![0.0; order + 1];
        for i in 0..=order {
            // Row i of D + P: D[i, i+1] = i + 1, P[i, i-1] = -1/sigma^2; summed in column order.
            let mut acc = 0.0;
            if i >= 1 {
                acc += p * q[i - 1];
            }
            if i < order {
                acc += (i + 1) as f64 * q[i + 1];
            }
            nq[i] = acc;
        }
        q = nq;
    }
    xs.iter()
        .zip(&phi)
        .map(|(&x, &ph)| {
            let mut acc = 0.0;
            let mut xp: i64 = 1;
            for &qe in &q {
                acc += xp as f64 * qe;
                xp *= x;
            }
            acc * ph
        })
        .collect()
}

/// Options of [`gaussian_filter`] and [`gaussian_filter1d`] (SciPy's defaults).
///
/// With `axes` (SciPy's `axes=`), only the listed axes are filtered, and `sigma`, `order`,
/// `mode` and `radius` sequences have one entry per listed axis, in the order of `axes`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{GaussianOptions, Mode, Modes};
/// let o = GaussianOptions { mode: Mode::Nearest.into(), ..Default::default() };
/// assert_eq!(o.truncate, 4.0);
/// assert_eq!(o.mode, Modes::All(Mode::Nearest));
/// // Along axis 1 only, wrapping around (SciPy's `axes=[1], mode='wrap'`).
/// use sci_ndimage::gaussian_filter;
/// use sci_ndimage::sci_array::ndarray::array;
/// let o = GaussianOptions { axes: Some(vec![1]), mode: vec![Mode::Wrap].into(), ..Default::default() };
/// let g = gaussian_filter(&array![[0.0, 4.0, 0.0, 0.0], [4.0, 0.0, 0.0, 0.0]], &[1.0], &o).unwrap();
/// // scipy.ndimage.gaussian_filter(a, 1.0, axes=[1], mode=['wrap'])[0]
/// let want: [f64; 4] = [0.9856132291065279, 1.596844522421309, 0.9856132291065279, 0.43192901936563527];
/// for (a, b) in g.row(0).iter().zip(want) {
///     assert!((a - b).abs() < 1e-15);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GaussianOptions {
    /// Derivative order per axis (0 = smoothing; 1-3 derivatives of the Gaussian). Empty
    /// means 0; one value applies to all axes.
    pub order: Vec<usize>,
    /// Boundary mode: one for every axis (default `Reflect`) or one per filtered axis.
    pub mode: Modes,
    /// Truncate the kernel at this many standard deviations (default 4.0).
    pub truncate: f64,
    /// Explicit kernel radius per axis, overriding `truncate` (empty: none; one value: all).
    pub radius: Vec<usize>,
    /// The axes to filter along (`None`: all); `sigma`, `order`, `mode` and `radius` then
    /// follow the listed axes, as SciPy's `axes=`.
    pub axes: Option<Vec<isize>>,
}

impl Default for GaussianOptions {
    fn default() -> Self {
        GaussianOptions {
            order: Vec::new(),
            mode: Modes::default(),
            truncate: 4.0,
            radius: Vec::new(),
            axes: None,
        }
    }
}

fn kernel_for(sigma: f64, order: usize, truncate: f64, radius: Option<usize>) -> Result<Vec<f64>> {
    if !sigma.is_finite() || sigma < 0.0 {
        return Err(invalid("sigma", "sigma must be a non-negative finite number"));
    }
    let lw = match radius {
        Some(r) => r,
        None => {
            let v = truncate * sigma + 0.5;
            if !v.is_finite() || v < 0.0 {
                return Err(invalid("radius", "Radius must be a nonnegative integer."));
            }
            v as usize
        }
    };
    let mut w = gaussian_kernel1d(sigma, order, lw);
    w.reverse();
    Ok(w)
}

/// 1-D Gaussian filter.
///
/// Correlation along `axis` with a sampled, normalized Gaussian of standard deviation
/// `sigma` (or its `order`-th derivative), truncated at `int(truncate * sigma + 0.5)`
/// (or `radius`). Only the first entry of `opts.order`/`opts.radius` is used.
///
/// SciPy equivalent: `scipy.ndimage.gaussian_filter1d`.
///
/// # Errors
///
/// Negative or non-finite `sigma`, axis out of range, a sequence of modes ("boundary mode
/// not supported", as SciPy), `opts.axes` set (the axis is `axis`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{gaussian_filter1d, GaussianOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = gaussian_filter1d(&array![1.0, 2.0, 3.0, 4.0, 5.0], 1.0, -1, &GaussianOptions::default()).unwrap();
/// let expect: [f64; 5] = [1.42704095, 2.06782203, 3.0, 3.93217797, 4.57295905];
/// for (a, b) in r.iter().zip(expect) {
///     assert!((a - b).abs() < 1e-8);
/// }
/// ```
pub fn gaussian_filter1d<T, S, D>(
    input: &ArrayBase<S, D>,
    sigma: f64,
    axis: isize,
    opts: &GaussianOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, input.ndim(), "axis")?;
    let mode = opts.mode.single("boundary mode not supported")?;
    if opts.axes.is_some() {
        return Err(invalid("axes", "gaussian_filter1d filters along `axis`; leave `axes` as None"));
    }
    let order = opts.order.first().copied().unwrap_or(0);
    let w = kernel_for(sigma, order, opts.truncate, opts.radius.first().copied())?;
    to_dim(correlate1d_dyn::<T, T>(&dyn_view(input), &w, ax, mode, 0)?)
}

/// Multidimensional Gaussian filter.
///
/// A sequence of [`gaussian_filter1d`] passes, one per axis whose sigma is above 1e-15; as
/// in SciPy each intermediate result is stored in the input's element type. `sigma` has one
/// value for all axes or one per axis. With `opts.axes` only the listed axes are filtered
/// (`sigma`, `order`, `radius` and a `mode` sequence then follow them); `opts.mode` may give
/// one mode per filtered axis.
///
/// SciPy equivalent: `scipy.ndimage.gaussian_filter`.
///
/// # Errors
///
/// `sigma`, `order` or `radius` of a length other than 1 or the number of filtered axes, a
/// `mode` sequence of another length than that ("sequence argument must have length equal
/// to input rank"); negative sigma; `axes` out of range or repeated ("axes must be unique").
///
/// # Examples
///
/// ```
/// use sci_ndimage::{gaussian_filter, GaussianOptions};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let mut img = Array2::<f64>::zeros((64, 64));
/// img.slice_mut(sci_ndimage::sci_array::ndarray::s![20..40, 24..44]).fill(1.0);
/// let g = gaussian_filter(&img, &[3.0], &GaussianOptions::default()).unwrap();
/// assert!((g[[30, 34]] - 0.9981538132425614).abs() < 1e-12);
/// assert!((g[[20, 24]] - 0.3209134911487831).abs() < 1e-12);
/// ```
pub fn gaussian_filter<T, S, D>(
    input: &ArrayBase<S, D>,
    sigma: &[f64],
    opts: &GaussianOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let v = dyn_view(input);
    let axes = check_axes(opts.axes.as_deref(), v.ndim())?;
    let k = axes.len();
    let sigmas = per_axis(sigma, k, "sigma")?;
    let orders = if opts.order.is_empty() { vec![0; k] } else { per_axis(&opts.order, k, "order")? };
    let modes = opts.mode.per_axis(k)?;
    let radii: Vec<Option<usize>> = if opts.radius.is_empty() {
        vec![None; k]
    } else {
        per_axis(&opts.radius, k, "radius")?.into_iter().map(Some).collect()
    };
    // No copy of the input: the first pass reads it directly.
    let mut cur: Option<ArrayD<T>> = None;
    for (j, &ax) in axes.iter().enumerate() {
        if sigmas[j] > 1e-15 {
            let w = kernel_for(sigmas[j], orders[j], opts.truncate, radii[j])?;
            let src = cur.as_ref().map_or_else(|| v.view(), |c| c.view());
            cur = Some(correlate1d_dyn::<T, T>(&src, &w, ax, modes[j], 0)?);
        } else if sigmas[j].is_nan() || sigmas[j] < 0.0 {
            return Err(invalid("sigma", "sigma must be a non-negative finite number"));
        }
    }
    to_dim(cur.unwrap_or_else(|| v.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_matches_small_sequential() {
        let v: Vec<f64> = (0..5).map(|i| i as f64 * 0.1).collect();
        assert_eq!(pairwise_sum(&v), 0.0 + 0.1 + 0.2 + 0.30000000000000004 + 0.4);
    }

    #[test]
    fn derivative_kernels_sum() {
        let k1 = gaussian_kernel1d(2.0, 1, 8);
        assert!(k1.iter().sum::<f64>().abs() < 1e-15);
        let k0 = gaussian_kernel1d(2.0, 0, 8);
        assert!((k0.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }
}

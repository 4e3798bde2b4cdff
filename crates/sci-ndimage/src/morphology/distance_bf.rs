//! Brute-force distance transform: `distance_transform_bf`.
//!
//! SciPy's `NI_DistanceTransformBruteForce`: every foreground pixel is compared with every
//! background pixel that touches the foreground (8-/26-connected), O(N * border).

use crate::element::Element;
use crate::error::Result;
use crate::morphology::distance::{DistanceTransform, assemble, planes_of_flat, prepare};
use crate::support::{PAR_THRESHOLD, dyn_view, per_axis};
use rayon::prelude::*;
use sci_array::ndarray::{ArrayBase, Data, Dimension};

/// The metric of [`distance_transform_bf`] (SciPy's `metric` string).
///
/// # Examples
///
/// ```
/// use sci_ndimage::BfMetric;
/// assert_eq!(BfMetric::default(), BfMetric::Euclidean);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BfMetric {
    /// `'euclidean'` (uses `sampling`).
    #[default]
    Euclidean,
    /// `'taxicab'` (also `'cityblock'`, `'manhattan'`); `sampling` is ignored, as in SciPy.
    Taxicab,
    /// `'chessboard'`; `sampling` is ignored, as in SciPy.
    Chessboard,
}

/// Options of [`distance_transform_bf`] (SciPy's keyword arguments and defaults).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{BfMetric, BfOptions};
/// let o = BfOptions::default();
/// assert_eq!(o.metric, BfMetric::Euclidean);
/// assert!(o.return_distances && !o.return_indices);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BfOptions {
    /// The distance (default Euclidean).
    pub metric: BfMetric,
    /// Pixel spacing per axis for the Euclidean metric (empty: unit; one value: all axes).
    pub sampling: Vec<f64>,
    /// Compute the distances (default `true`).
    pub return_distances: bool,
    /// Compute the feature transform (default `false`).
    pub return_indices: bool,
}

impl Default for BfOptions {
    fn default() -> Self {
        BfOptions {
            metric: BfMetric::Euclidean,
            sampling: Vec::new(),
            return_distances: true,
            return_indices: false,
        }
    }
}

fn unravel(mut p: usize, shape: &[usize], out: &mut [i64]) {
    for k in (0..shape.len()).rev() {
        out[k] = (p % shape[k]) as i64;
        p /= shape[k];
    }
}

/// Brute-force distance transform.
///
/// For every foreground (non-zero) pixel, the distance under `metric` to the nearest
/// background pixel, found by comparing with every background pixel on the foreground's
/// border. Taxicab and chessboard distances are whole numbers (SciPy's `uint32`), returned
/// here as `f64`. Ties go to the border pixel last in C order, as in SciPy. Without any
/// background pixel SciPy's sentinels come back: `sqrt(f64::MAX)` (Euclidean) or
/// `u32::MAX` (others), feature index 0. A 0-d input is treated as one pixel.
///
/// SciPy equivalent: `scipy.ndimage.distance_transform_bf`.
///
/// # Errors
///
/// `sampling` of a length other than 1 or `ndim`; both returns false.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{distance_transform_bf, BfMetric, BfOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 1, 1], [1, 1, 1], [1, 1, 0]];
/// let d = distance_transform_bf(&a, &BfOptions::default()).unwrap().distances.unwrap();
/// assert_eq!(d[[0, 0]], 8f64.sqrt());
/// let o = BfOptions { metric: BfMetric::Taxicab, ..Default::default() };
/// let d = distance_transform_bf(&a, &o).unwrap().distances.unwrap();
/// assert_eq!(d, array![[4.0, 3.0, 2.0], [3.0, 2.0, 1.0], [2.0, 1.0, 0.0]]);
/// ```
pub fn distance_transform_bf<T, S, D>(
    input: &ArrayBase<S, D>,
    opts: &BfOptions,
) -> Result<DistanceTransform<f64, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let v = dyn_view(input);
    let (fg, shape) = prepare(&v, opts.return_distances, opts.return_indices)?;
    let rank = shape.len();
    let sampling =
        if opts.sampling.is_empty() { None } else { Some(per_axis(&opts.sampling, rank, "sampling")?) };
    let n = fg.len();
    // Background pixels with a foreground pixel among their 3^rank neighbours, last first.
    let mut border: Vec<(usize, Vec<i64>)> = Vec::new();
    let mut c = vec![0i64; rank];
    let mut nb = vec![0i64; rank];
    for p in 0..n {
        if fg[p] {
            continue;
        }
        unravel(p, &shape, &mut c);
        let touches = (0..3usize.pow(rank as u32)).any(|code| {
            let mut r = code;
            for k in 0..rank {
                nb[k] = c[k] + (r % 3) as i64 - 1;
                r /= 3;
                if nb[k] < 0 || nb[k] >= shape[k] as i64 {
                    return false;
                }
            }
            let q = nb.iter().zip(&shape).fold(0usize, |acc, (&i, &s)| acc * s + i as usize);
            fg[q]
        });
        if touches {
            border.push((p, c.clone()));
        }
    }
    border.reverse();
    let metric = opts.metric;
    let samp = sampling.as_deref();
    let pixel = |p: usize, c: &mut [i64]| -> (f64, i32) {
        if !fg[p] {
            return (0.0, p as i32);
        }
        unravel(p, &shape, c);
        let mut best_idx = 0usize;
        match metric {
            BfMetric::Euclidean => {
                let mut best = f64::MAX;
                for (q, bc) in &border {
                    let mut d = 0.0;
                    for k in 0..rank {
                        let mut t = (c[k] - bc[k]) as f64;
                        if let Some(sp) = samp {
                            t *= sp[k];
                        }
                        d += t * t;
                    }
                    if d < best {
                        best = d;
                        best_idx = *q;
                    }
                }
                (best.sqrt(), best_idx as i32)
            }
            BfMetric::Taxicab | BfMetric::Chessboard => {
                let mut best = u32::MAX;
                for (q, bc) in &border {
                    let mut d = 0u32;
                    for k in 0..rank {
                        let t = (c[k] - bc[k]).unsigned_abs() as u32;
                        if metric == BfMetric::Taxicab {
                            d += t;
                        } else if t > d {
                            d = t;
                        }
                    }
                    if d < best {
                        best = d;
                        best_idx = *q;
                    }
                }
                (best as f64, best_idx as i32)
            }
        }
    };
    let mut out = vec![(0.0f64, 0i32); n];
    if n * border.len().max(1) >= PAR_THRESHOLD {
        out.par_iter_mut().enumerate().for_each_init(|| vec![0i64; rank], |c, (p, o)| *o = pixel(p, c));
    } else {
        let mut c = vec![0i64; rank];
        for (p, o) in out.iter_mut().enumerate() {
            *o = pixel(p, &mut c);
        }
    }
    let distances = opts.return_distances.then(|| out.iter().map(|o| o.0).collect());
    let planes =
        opts.return_indices.then(|| planes_of_flat(&out.iter().map(|o| o.1).collect::<Vec<_>>(), &shape));
    assemble(v.shape(), &shape, distances, planes)
}

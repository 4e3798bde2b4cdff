//! Chamfer distance transform: `distance_transform_cdt`.
//!
//! SciPy's `NI_DistanceTransformOnePass` run forward over the array and again over the
//! array with every axis reversed; each pass looks at the neighbours of the first half of
//! the 3x..x3 structuring element (those already visited).

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::morphology::distance::{DistanceTransform, assemble, planes_of_flat, prepare};
use crate::morphology::structure::generate_binary_structure;
use crate::support::dyn_view;
use sci_array::ndarray::{ArrayBase, ArrayD, Data, Dimension};

/// The metric of [`distance_transform_cdt`]: SciPy's `metric` argument.
///
/// # Examples
///
/// ```
/// use sci_ndimage::CdtMetric;
/// assert_eq!(CdtMetric::default(), CdtMetric::Chessboard);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CdtMetric {
    /// `'chessboard'`: the full 3x..x3 neighbourhood (`generate_binary_structure(rank, rank)`).
    #[default]
    Chessboard,
    /// `'taxicab'` (also `'cityblock'`, `'manhattan'`): the cross (`generate_binary_structure(rank, 1)`).
    Taxicab,
    /// A structuring element of the input's rank with every side 3.
    Structure(ArrayD<bool>),
}

/// Options of [`distance_transform_cdt`] (SciPy's keyword arguments and defaults).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{CdtMetric, CdtOptions};
/// let o = CdtOptions { metric: CdtMetric::Taxicab, ..Default::default() };
/// assert!(o.return_distances && !o.return_indices);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CdtOptions {
    /// The neighbourhood one step reaches (default chessboard).
    pub metric: CdtMetric,
    /// Compute the distances (default `true`).
    pub return_distances: bool,
    /// Compute the feature transform (default `false`).
    pub return_indices: bool,
}

impl Default for CdtOptions {
    fn default() -> Self {
        CdtOptions { metric: CdtMetric::Chessboard, return_distances: true, return_indices: false }
    }
}

/// One chamfer pass in C order over `dt` (and `ft`), with neighbour steps `steps` (per-axis
/// deltas in -1..=1, in the structure's C order).
fn one_pass(dt: &mut [i32], mut ft: Option<&mut [i32]>, shape: &[usize], steps: &[Vec<isize>]) {
    let rank = shape.len();
    let mut strides = vec![1isize; rank];
    for k in (0..rank.saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * shape[k + 1] as isize;
    }
    let flat: Vec<isize> = steps.iter().map(|s| s.iter().zip(&strides).map(|(a, b)| a * b).sum()).collect();
    let mut idx = vec![0usize; rank];
    for p in 0..dt.len() {
        let value = dt[p];
        if value != 0 {
            let interior = idx.iter().zip(shape).all(|(&i, &n)| i >= 1 && i + 1 < n);
            let mut min = value;
            let mut min_off = 0isize;
            for (s, &off) in steps.iter().zip(&flat) {
                let inside = interior
                    || s.iter().zip(&idx).zip(shape).all(|((&d, &i), &n)| {
                        let j = i as isize + d;
                        j >= 0 && (j as usize) < n
                    });
                let tt = if inside { dt[(p as isize + off) as usize] } else { -1 };
                if tt >= 0 && (min < 0 || tt + 1 < min) {
                    min = tt + 1;
                    min_off = off;
                }
            }
            dt[p] = min;
            if let Some(f) = ft.as_deref_mut() {
                f[p] = f[(p as isize + min_off) as usize];
            }
        }
        for k in (0..rank).rev() {
            idx[k] += 1;
            if idx[k] < shape[k] {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// Chamfer (city-block / chessboard) distance transform.
///
/// For every foreground (non-zero) pixel, the number of steps through the neighbourhood
/// `metric` to the nearest background pixel, by SciPy's two raster passes; background pixels
/// get 0, and pixels no background reaches (an image without background) keep -1. With
/// `return_indices`, the feature transform: the coordinates of the background pixel the
/// distance came from, chosen as SciPy chooses it. A 0-d input is treated as one pixel.
///
/// SciPy equivalent: `scipy.ndimage.distance_transform_cdt`.
///
/// # Errors
///
/// A `Structure` metric whose rank differs from the input's or with a side other than 3
/// (SciPy: "metric sizes must be equal to 3"); both returns false.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{distance_transform_cdt, CdtMetric, CdtOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 0]];
/// let d = distance_transform_cdt(&a, &CdtOptions::default()).unwrap().distances.unwrap();
/// assert_eq!(d, array![[3, 2, 2, 2], [3, 2, 1, 1], [3, 2, 1, 0]]);
/// let o = CdtOptions { metric: CdtMetric::Taxicab, ..Default::default() };
/// let d = distance_transform_cdt(&a, &o).unwrap().distances.unwrap();
/// assert_eq!(d, array![[5, 4, 3, 2], [4, 3, 2, 1], [3, 2, 1, 0]]);
/// ```
pub fn distance_transform_cdt<T, S, D>(
    input: &ArrayBase<S, D>,
    opts: &CdtOptions,
) -> Result<DistanceTransform<i32, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let v = dyn_view(input);
    let (fg, shape) = prepare(&v, opts.return_distances, opts.return_indices)?;
    let rank = shape.len();
    let structure = match &opts.metric {
        CdtMetric::Chessboard => generate_binary_structure(rank, rank)?,
        CdtMetric::Taxicab => generate_binary_structure(rank, 1)?,
        CdtMetric::Structure(s) => {
            if s.ndim() != rank {
                return Err(invalid(
                    "metric",
                    format!("metric rank {} must equal the input rank {rank}", s.ndim()),
                ));
            }
            if s.shape().iter().any(|&k| k != 3) {
                return Err(invalid("metric", "metric sizes must be equal to 3"));
            }
            s.clone()
        }
    };
    // The first half (in C order) of the structure, as per-axis steps.
    let half = structure.len() / 2;
    let steps: Vec<Vec<isize>> = structure
        .indexed_iter()
        .take(half)
        .filter(|(_, on)| **on)
        .map(|(i, _)| i.slice().iter().map(|&c| c as isize - 1).collect())
        .collect();
    let n: usize = shape.iter().product();
    let mut dt: Vec<i32> = fg.iter().map(|&f| if f { -1 } else { 0 }).collect();
    let mut ft: Option<Vec<i32>> = opts.return_indices.then(|| (0..n as i32).collect());
    for _ in 0..2 {
        one_pass(&mut dt, ft.as_deref_mut(), &shape, &steps);
        dt.reverse();
        if let Some(f) = ft.as_mut() {
            f.reverse();
        }
    }
    let planes = ft.map(|f| planes_of_flat(&f, &shape));
    assemble(v.shape(), &shape, opts.return_distances.then_some(dt), planes)
}

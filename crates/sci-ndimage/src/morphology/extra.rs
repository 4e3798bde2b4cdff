//! More morphology: `binary_hit_or_miss`, `binary_propagation`, `morphological_laplace`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::morphology::binary::{BinaryOptions, binary_dilation, binary_erosion};
use crate::morphology::grey::{GreyOptions, grey_dilation, grey_erosion};
use crate::morphology::structure::generate_binary_structure;
use crate::support::check_axes;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, Zip};

/// Options of [`binary_hit_or_miss`] (SciPy's keyword arguments and defaults).
///
/// * `structure1`: the pattern the foreground must fit (default
///   `generate_binary_structure(rank, 1)`).
/// * `structure2`: the pattern the background must fit (default: `!structure1`).
/// * `origin1`: origin of `structure1` per axis (empty: zeros; one value for all axes).
/// * `origin2`: origin of `structure2` (default: `origin1`).
/// * `axes`: the axes to work along (`None`: all); the structures (default: the cross of rank
///   `axes.len()`) and origins then have one entry per listed axis.
///
/// SciPy equivalent: the keyword arguments of `scipy.ndimage.binary_hit_or_miss`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::HitOrMissOptions;
/// let o = HitOrMissOptions::default();
/// assert!(o.structure1.is_none() && o.origin2.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HitOrMissOptions {
    /// Foreground pattern.
    pub structure1: Option<ArrayD<bool>>,
    /// Background pattern (default: the complement of `structure1`).
    pub structure2: Option<ArrayD<bool>>,
    /// Origin of `structure1`.
    pub origin1: Vec<isize>,
    /// Origin of `structure2` (default: `origin1`).
    pub origin2: Option<Vec<isize>>,
    /// The axes to work along (`None`: all axes).
    pub axes: Option<Vec<isize>>,
}

/// Multidimensional binary hit-or-miss transform: true where `structure1` fits the
/// foreground and `structure2` fits the background.
///
/// Computed as SciPy does: the erosion of the input by `structure1` (border `false`) and the
/// erosion of its complement by `structure2` (border `true`, i.e. outside counts as
/// background).
///
/// SciPy equivalent: `scipy.ndimage.binary_hit_or_miss`.
///
/// # Errors
///
/// Structures of another rank than the input (than `axes`) or empty, invalid origins,
/// invalid or repeated axes.
///
/// # Examples
///
/// Find the pixels whose 3 × 3 neighbourhood is exactly the pattern (upper-left neighbour
/// and right neighbour set, everything else clear):
///
/// ```
/// use sci_ndimage::{HitOrMissOptions, binary_hit_or_miss};
/// use sci_ndimage::sci_array::ndarray::array;
/// let mut a = sci_ndimage::sci_array::ndarray::Array2::<i32>::zeros((5, 5));
/// a[[1, 1]] = 1;
/// a[[2, 2]] = 1;
/// a[[2, 3]] = 1;
/// let s1 = array![[true, false, false], [false, true, true], [false, false, false]].into_dyn();
/// let o = HitOrMissOptions { structure1: Some(s1), ..Default::default() };
/// let r = binary_hit_or_miss(&a, &o).unwrap();
/// let hits: Vec<(usize, usize)> = r.indexed_iter().filter(|(_, v)| **v).map(|(i, _)| i).collect();
/// assert_eq!(hits, vec![(2, 2)]);
/// // Along the rows only (SciPy's `axes=[1]`), with a 1-d pattern.
/// let o = HitOrMissOptions { structure1: Some(array![true, true].into_dyn()), axes: Some(vec![1]), ..Default::default() };
/// let r = binary_hit_or_miss(&a, &o).unwrap();
/// let hits: Vec<(usize, usize)> = r.indexed_iter().filter(|(_, v)| **v).map(|(i, _)| i).collect();
/// assert_eq!(hits, vec![(2, 3)]);
/// ```
pub fn binary_hit_or_miss<T, S, D>(input: &ArrayBase<S, D>, opts: &HitOrMissOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let k = check_axes(opts.axes.as_deref(), input.ndim())?.len();
    let s1 = match &opts.structure1 {
        Some(s) => s.clone(),
        None => generate_binary_structure(k, 1)?,
    };
    let s2 = opts.structure2.clone().unwrap_or_else(|| s1.mapv(|b| !b));
    let o2 = opts.origin2.clone().unwrap_or_else(|| opts.origin1.clone());
    let axes = opts.axes.clone();
    let fit1 = binary_erosion(
        input,
        &BinaryOptions {
            structure: Some(s1),
            origin: opts.origin1.clone(),
            axes: axes.clone(),
            ..Default::default()
        },
    )?;
    let complement = input.map(|v| v.to_f64() == 0.0);
    let fit2 = binary_erosion(
        &complement,
        &BinaryOptions { structure: Some(s2), origin: o2, border_value: true, axes, ..Default::default() },
    )?;
    Ok(Zip::from(&fit1).and(&fit2).map_collect(|&a, &b| a && b))
}

/// Multidimensional binary propagation: dilation repeated until it stops changing, inside
/// `opts.mask` (a reconstruction by dilation of the marker `input` under the mask).
///
/// The same as [`binary_dilation`] with `iterations <= 0`; `opts.iterations` is ignored.
///
/// SciPy equivalent: `scipy.ndimage.binary_propagation`.
///
/// # Errors
///
/// As [`binary_dilation`]: wrong structure rank, empty structure, mask shape, origin.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{BinaryOptions, binary_propagation};
/// use sci_ndimage::sci_array::ndarray::array;
/// let seed = array![[false, false, false, false], [false, true, false, false], [false, false, false, false]];
/// let mask = array![[true, true, false, true], [true, true, false, true], [false, true, false, true]].into_dyn();
/// let opts = BinaryOptions { mask: Some(mask), ..Default::default() };
/// let r = binary_propagation(&seed, &opts).unwrap();
/// assert_eq!(r, array![[true, true, false, false], [true, true, false, false], [false, true, false, false]]);
/// // Along the columns only (SciPy's `axes=[0]`).
/// let r = binary_propagation(&seed, &BinaryOptions { axes: Some(vec![0]), ..opts }).unwrap();
/// assert_eq!(r, array![[false, true, false, false], [false, true, false, false], [false, true, false, false]]);
/// ```
pub fn binary_propagation<T, S, D>(input: &ArrayBase<S, D>, opts: &BinaryOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    binary_dilation(input, &BinaryOptions { iterations: -1, ..opts.clone() })
}

/// `v` as `T` with NumPy's integer arithmetic: wrap around modulo the type's range
/// (floats: rounding).
fn wrap<T: Element>(v: f64) -> T {
    if T::IS_FLOAT {
        return T::from_f64(v);
    }
    let (lo, hi) = (T::from_f64(f64::MIN).to_f64(), T::from_f64(f64::MAX).to_f64());
    if (lo..=hi).contains(&v) {
        return T::from_f64(v);
    }
    let range = hi - lo + 1.0;
    T::from_f64(lo + (v - lo).rem_euclid(range))
}

/// Multidimensional morphological Laplace: `grey_dilation + grey_erosion - 2 input`.
///
/// Evaluated as NumPy does, `((dilation + erosion) - input) - input` in the input's type:
/// each step rounds to the type for floats, and integers wrap around (so an unsigned
/// result below zero wraps, as in SciPy).
///
/// SciPy equivalent: `scipy.ndimage.morphological_laplace`.
///
/// # Errors
///
/// As [`grey_dilation`]; boolean input (NumPy's boolean subtract is an error).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{GreyOptions, morphological_laplace};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![0.0, 0.0, 3.0, 1.0, 1.0];
/// let r = morphological_laplace(&a, &GreyOptions::size(&[3])).unwrap();
/// assert_eq!(r, array![0.0, 3.0, -3.0, 2.0, 0.0]);
/// let u = morphological_laplace(&array![0u8, 0, 3, 1, 1], &GreyOptions::size(&[3])).unwrap();
/// assert_eq!(u, array![0, 3, 253, 2, 0]); // wraps as NumPy's uint8
/// ```
pub fn morphological_laplace<T, S, D>(input: &ArrayBase<S, D>, opts: &GreyOptions) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    if T::IS_BOOL {
        return Err(invalid("input", "numpy boolean subtract is not supported; convert the input first"));
    }
    let d = grey_dilation(input, opts)?;
    let e = grey_erosion(input, opts)?;
    Ok(Zip::from(&d).and(&e).and(input).map_collect(|&d, &e, &x| {
        let x = x.to_f64();
        if T::IS_FLOAT {
            let s: T = wrap(d.to_f64() + e.to_f64());
            let s: T = wrap(s.to_f64() - x);
            wrap(s.to_f64() - x)
        } else {
            wrap(d.to_f64() + e.to_f64() - x - x)
        }
    }))
}

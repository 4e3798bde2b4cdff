//! Per-label statistics: sums, means, variances, extrema and their positions, centres of
//! mass.

use crate::element::{Element, LabelElement};
use crate::error::{Result, invalid};
use crate::filters::gaussian::pairwise_sum;
use sci_array::ArrayError;
use sci_array::ndarray::{ArrayBase, Data, Dimension};
use std::collections::HashMap;

/// Group of a pixel that is not measured.
pub(crate) const NONE: u32 = u32::MAX;

/// Group assignment of every pixel (C order): the group of its requested index, or [`NONE`]
/// when not measured. `single` is true for the "labels > 0" group.
pub(crate) struct Groups {
    pub(crate) gid: Vec<u32>,
    /// For each requested index, its group (several equal indices share one group).
    pub(crate) slot: Vec<usize>,
    pub(crate) ngroups: usize,
    single: bool,
}

impl Groups {
    /// The values and flat C-order positions of each group's pixels, in C order.
    pub(crate) fn members<T: Element, S: Data<Elem = T>, D: Dimension>(
        &self,
        input: &ArrayBase<S, D>,
    ) -> Vec<(Vec<T>, Vec<usize>)> {
        let mut m = vec![(Vec::new(), Vec::new()); self.ngroups];
        for ((i, &v), &k) in input.iter().enumerate().zip(&self.gid) {
            if k != NONE {
                m[k as usize].0.push(v);
                m[k as usize].1.push(i);
            }
        }
        m
    }
}

/// Map from label value to group: a dense table over `0..=max(index)` when the indices are
/// small and non-negative (NumPy's `bincount` path), a hash map otherwise.
enum Lookup {
    Dense(Vec<u32>),
    Hash(HashMap<i64, u32>),
}

impl Lookup {
    /// The lookup, the group of each requested index and the number of groups.
    fn new(idx: &[i64]) -> (Lookup, Vec<usize>, usize) {
        let mut map: HashMap<i64, u32> = HashMap::new();
        let slot: Vec<usize> = idx
            .iter()
            .map(|&i| {
                let n = map.len() as u32;
                *map.entry(i).or_insert(n) as usize
            })
            .collect();
        let ngroups = map.len();
        let lo = idx.iter().copied().min().unwrap_or(0);
        let hi = idx.iter().copied().max().unwrap_or(0);
        let lookup = if lo >= 0 && hi < 1 << 24 {
            let mut dense = vec![NONE; hi as usize + 1];
            for (&k, &g) in &map {
                dense[k as usize] = g;
            }
            Lookup::Dense(dense)
        } else {
            Lookup::Hash(map)
        };
        (lookup, slot, ngroups)
    }

    #[inline]
    fn get(&self, v: i64) -> u32 {
        match self {
            // Negative labels wrap to huge values and miss the table.
            Lookup::Dense(d) => d.get(v as u64 as usize).copied().unwrap_or(NONE),
            Lookup::Hash(m) => m.get(&v).copied().unwrap_or(NONE),
        }
    }
}

fn check_shapes(input: &[usize], labels: &[usize]) -> Result<()> {
    if input != labels {
        return Err(ArrayError::ShapeMismatch {
            arg: "labels",
            expected: format!("{input:?} (the input's shape)"),
            found: labels.to_vec(),
        }
        .into());
    }
    Ok(())
}

/// `f(value, label)` over the pixels in C order, on the raw slices when both are contiguous.
#[inline]
pub(crate) fn zip_c_order<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    mut f: impl FnMut(T, L),
) where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    match (input.as_slice(), labels.as_slice()) {
        (Some(x), Some(l)) => x.iter().zip(l).for_each(|(&v, &l)| f(v, l)),
        _ => input.iter().zip(labels.iter()).for_each(|(&v, &l)| f(v, l)),
    }
}

/// The groups of SciPy's `labels`/`index` arguments: `index = None` is the one group of
/// positive labels; otherwise one group per distinct requested label.
pub(crate) fn groups<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Groups>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    check_shapes(input.shape(), labels.shape())?;
    let assign = |f: &dyn Fn(i64) -> u32| -> Vec<u32> {
        match labels.as_slice() {
            Some(l) => l.iter().map(|l| f(l.to_i64())).collect(),
            None => labels.iter().map(|l| f(l.to_i64())).collect(),
        }
    };
    match index {
        None => Ok(Groups {
            gid: assign(&|l| if l > 0 { 0 } else { NONE }),
            slot: vec![0],
            ngroups: 1,
            single: true,
        }),
        Some(idx) => {
            let (lookup, slot, ngroups) = Lookup::new(idx);
            Ok(Groups { gid: assign(&|l| lookup.get(l)), slot, ngroups, single: false })
        }
    }
}

/// Sum of `f(value, flat_index, group)` per group: pairwise for the single group (NumPy's
/// `sum`), sequential in C order otherwise (NumPy's `bincount`).
fn group_sums<T: Element, S: Data<Elem = T>, D: Dimension>(
    input: &ArrayBase<S, D>,
    g: &Groups,
    f: impl Fn(f64, usize, usize) -> f64,
) -> Vec<f64> {
    let members = input.iter().enumerate().zip(&g.gid).filter(|(_, k)| **k != NONE);
    if g.single {
        let vals: Vec<f64> = members.map(|((i, v), &k)| f(v.to_f64(), i, k as usize)).collect();
        vec![pairwise_sum(&vals)]
    } else {
        let mut s = vec![0.0; g.ngroups];
        for ((i, v), &k) in members {
            s[k as usize] += f(v.to_f64(), i, k as usize);
        }
        s
    }
}

fn counts(g: &Groups) -> Vec<f64> {
    let mut c = vec![0.0; g.ngroups];
    for &k in g.gid.iter().filter(|k| **k != NONE) {
        c[k as usize] += 1.0;
    }
    c
}

fn per_index<X: Clone>(g: &Groups, v: &[X]) -> Vec<X> {
    g.slot.iter().map(|&s| v[s].clone()).collect()
}

macro_rules! stat_doc {
    () => {
        "\n\n`labels` must have the input's shape. With `index == None` the statistic is taken over the \
         single group of pixels whose label is positive (the result has one entry); otherwise \
         there is one entry per index, and indices that do not occur give 0 (NaN for means and \
         variances). For the whole array, pass a `labels` array of ones."
    };
}

/// Sum of the values of the array per label.
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.sum_labels` (and `scipy.ndimage.sum`).
///
/// # Errors
///
/// `labels` of another shape.
///
/// # Examples
///
/// ```
/// use sci_ndimage::sum_labels;
/// use sci_ndimage::sci_array::ndarray::array;
/// let input = array![0.0, 1.0, 2.0, 3.0];
/// let labels = array![1, 1, 2, 2];
/// assert_eq!(sum_labels(&input, &labels, Some(&[1, 2])).unwrap(), vec![1.0, 5.0]);
/// ```
pub fn sum_labels<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<f64>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    if let Some(idx) = index {
        // One pass, no group array: NumPy's `bincount(labels, input)` order.
        check_shapes(input.shape(), labels.shape())?;
        let (lookup, slot, ngroups) = Lookup::new(idx);
        let mut s = vec![0.0; ngroups];
        zip_c_order(input, labels, |v, l| {
            let k = lookup.get(l.to_i64());
            if k != NONE {
                s[k as usize] += v.to_f64();
            }
        });
        return Ok(slot.iter().map(|&k| s[k]).collect());
    }
    let g = groups(input, labels, index)?;
    Ok(per_index(&g, &group_sums(input, &g, |v, _, _| v)))
}

/// Mean of the values per label (`sum / count`).
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.mean`.
///
/// # Errors
///
/// `labels` of another shape.
///
/// # Examples
///
/// ```
/// use sci_ndimage::mean;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
/// assert_eq!(mean(&a, &labels, Some(&[1, 2, 3])).unwrap(), vec![2.75, 5.5, 6.0]);
/// ```
pub fn mean<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<f64>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    let g = groups(input, labels, index)?;
    let s = group_sums(input, &g, |v, _, _| v);
    let c = counts(&g);
    let m: Vec<f64> = s.iter().zip(&c).map(|(s, c)| s / c).collect();
    Ok(per_index(&g, &m))
}

fn variance_groups<T, S, D>(input: &ArrayBase<S, D>, g: &Groups) -> Vec<f64>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let s = group_sums(input, g, |v, _, _| v);
    let c = counts(g);
    let means: Vec<f64> = s.iter().zip(&c).map(|(s, c)| s / c).collect();
    let ss = group_sums(input, g, |v, _, k| {
        let d = v - means[k];
        d * d
    });
    ss.iter().zip(&c).map(|(s, c)| s / c).collect()
}

/// Variance of the values per label (population variance, centred on the group mean).
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.variance`.
///
/// # Errors
///
/// `labels` of another shape.
///
/// # Examples
///
/// ```
/// use sci_ndimage::variance;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
/// assert_eq!(variance(&a, &labels, Some(&[1, 2, 3])).unwrap(), vec![2.1875, 2.25, 9.0]);
/// ```
pub fn variance<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<f64>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    let g = groups(input, labels, index)?;
    Ok(per_index(&g, &variance_groups(input, &g)))
}

/// Standard deviation of the values per label (square root of [`variance`]).
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.standard_deviation`.
///
/// # Errors
///
/// `labels` of another shape.
///
/// # Examples
///
/// ```
/// use sci_ndimage::standard_deviation;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
/// assert_eq!(standard_deviation(&a, &labels, Some(&[2, 3])).unwrap(), vec![1.5, 3.0]);
/// ```
pub fn standard_deviation<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<f64>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    Ok(variance(input, labels, index)?.into_iter().map(f64::sqrt).collect())
}

/// Per-group extreme: (value, flat position). Missing groups give (0, 0).
fn group_extreme<T, S, D>(input: &ArrayBase<S, D>, g: &Groups, maximum: bool) -> Vec<(T, usize)>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut best: Vec<Option<(T, usize)>> = vec![None; g.ngroups];
    let is_nan = |v: T| v.to_f64().is_nan() && T::IS_FLOAT;
    for ((i, &v), &k) in input.iter().enumerate().zip(&g.gid) {
        if k == NONE {
            continue;
        }
        let b = &mut best[k as usize];
        let replace = match b {
            None => true,
            Some((cur, _)) => {
                let (cur, v) = (*cur, v);
                if g.single {
                    // NumPy's min/max propagate NaN; the position is the first occurrence.
                    !is_nan(cur) && (is_nan(v) || if maximum { v > cur } else { v < cur })
                } else if maximum {
                    // Sorted order with NaN last; ties keep the last position.
                    (is_nan(v) && !is_nan(cur))
                        || (!is_nan(cur) && !is_nan(v) && v >= cur)
                        || (is_nan(v) && is_nan(cur))
                } else {
                    !is_nan(v) && (is_nan(cur) || v < cur)
                }
            }
        };
        if replace {
            *b = Some((v, i));
        }
    }
    best.into_iter().map(|b| b.unwrap_or((T::from_f64(0.0), 0))).collect()
}

fn unravel(mut f: usize, shape: &[usize]) -> Vec<usize> {
    let mut c = vec![0; shape.len()];
    for d in (0..shape.len()).rev() {
        c[d] = f % shape[d];
        f /= shape[d];
    }
    c
}

/// SciPy's minimum, maximum and their positions reduce the input (or, with `index`, the
/// labels) with `min`/`max` first, which fails on an empty array.
fn check_not_empty<T, S: Data<Elem = T>, D: Dimension>(
    input: &ArrayBase<S, D>,
    index: Option<&[i64]>,
    max: bool,
) -> Result<()> {
    if input.is_empty() {
        let op = if max && index.is_none() { "maximum" } else { "minimum" };
        return Err(invalid(
            "input",
            format!("zero-size array to reduction operation {op} which has no identity"),
        ));
    }
    Ok(())
}

macro_rules! extreme_fns {
    ($val:ident, $pos:ident, $max:expr, $what:literal, $sval:literal, $spos:literal, $ex_val:literal, $ex_pos:literal) => {
        #[doc = concat!("The ", $what, " of the values per label.")]
        #[doc = stat_doc!()]
        ///
        #[doc = concat!("SciPy equivalent: `scipy.ndimage.", $sval, "`.")]
        ///
        /// # Errors
        ///
        /// `labels` of another shape; an empty input (SciPy's "zero-size array to reduction
        /// operation").
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use sci_ndimage::", stringify!($val), ";")]
        /// use sci_ndimage::sci_array::ndarray::array;
        /// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
        /// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
        #[doc = concat!("assert_eq!(", stringify!($val), "(&a, &labels, Some(&[1, 2, 3])).unwrap(), vec!", $ex_val, ");")]
        /// ```
        pub fn $val<T, S, D, L, SL>(input: &ArrayBase<S, D>, labels: &ArrayBase<SL, D>, index: Option<&[i64]>) -> Result<Vec<T>>
        where
            T: Element,
            S: Data<Elem = T>,
            D: Dimension,
            L: LabelElement,
            SL: Data<Elem = L>,
        {
            let g = groups(input, labels, index)?;
            check_not_empty(input, index, $max)?;
            let e: Vec<T> = group_extreme(input, &g, $max).into_iter().map(|x| x.0).collect();
            Ok(per_index(&g, &e))
        }

        #[doc = concat!("The position (index per axis) of the ", $what, " of the values per label.")]
        #[doc = stat_doc!()]
        /// Among equal values the first position in C order is reported for the minimum and
        /// the single group, the last for the maximum of several groups (what SciPy's sort
        /// based implementation gives with a stable sort).
        ///
        #[doc = concat!("SciPy equivalent: `scipy.ndimage.", $spos, "`.")]
        ///
        /// # Errors
        ///
        /// `labels` of another shape; an empty input (SciPy's "zero-size array to reduction
        /// operation").
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use sci_ndimage::", stringify!($pos), ";")]
        /// use sci_ndimage::sci_array::ndarray::array;
        /// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
        /// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
        #[doc = concat!("assert_eq!(", stringify!($pos), "(&a, &labels, Some(&[1, 2, 3])).unwrap(), vec!", $ex_pos, ");")]
        /// ```
        pub fn $pos<T, S, D, L, SL>(input: &ArrayBase<S, D>, labels: &ArrayBase<SL, D>, index: Option<&[i64]>) -> Result<Vec<Vec<usize>>>
        where
            T: Element,
            S: Data<Elem = T>,
            D: Dimension,
            L: LabelElement,
            SL: Data<Elem = L>,
        {
            let g = groups(input, labels, index)?;
            check_not_empty(input, index, $max)?;
            let e: Vec<Vec<usize>> = group_extreme(input, &g, $max).into_iter().map(|x| unravel(x.1, input.shape())).collect();
            Ok(per_index(&g, &e))
        }
    };
}

extreme_fns!(
    maximum,
    maximum_position,
    true,
    "maximum",
    "maximum",
    "maximum_position",
    "[5, 7, 9]",
    "[vec![1, 0], vec![2, 3], vec![3, 0]]"
);
extreme_fns!(
    minimum,
    minimum_position,
    false,
    "minimum",
    "minimum",
    "minimum_position",
    "[1, 4, 3]",
    "[vec![0, 0], vec![1, 3], vec![3, 1]]"
);

/// Minimum, maximum and their positions per label, as four parallel vectors.
///
/// The result of [`extrema`]: `(minimums, maximums, min_positions, max_positions)`.
pub type Extrema<T> = (Vec<T>, Vec<T>, Vec<Vec<usize>>, Vec<Vec<usize>>);

/// Minimum, maximum and their positions per label.
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.extrema`.
///
/// # Errors
///
/// `labels` of another shape; an empty input (SciPy's "zero-size array to reduction
/// operation").
///
/// # Examples
///
/// ```
/// use sci_ndimage::extrema;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let labels = array![[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]];
/// let (mins, maxs, minp, maxp) = extrema(&a, &labels, Some(&[1, 2])).unwrap();
/// assert_eq!((mins, maxs), (vec![1, 4], vec![5, 7]));
/// assert_eq!((minp, maxp), (vec![vec![0, 0], vec![1, 3]], vec![vec![1, 0], vec![2, 3]]));
/// ```
pub fn extrema<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Extrema<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    Ok((
        minimum(input, labels, index)?,
        maximum(input, labels, index)?,
        minimum_position(input, labels, index)?,
        maximum_position(input, labels, index)?,
    ))
}

/// Centre of mass of the values per label: `Σ value · coordinate / Σ value` per axis.
#[doc = stat_doc!()]
///
/// SciPy equivalent: `scipy.ndimage.center_of_mass`.
///
/// # Errors
///
/// `labels` of another shape.
///
/// # Examples
///
/// ```
/// use sci_ndimage::center_of_mass;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]];
/// let ones = a.mapv(|_| 1);
/// assert_eq!(center_of_mass(&a, &ones, None).unwrap(), vec![vec![2.0, 1.5]]);
/// ```
pub fn center_of_mass<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<Vec<f64>>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    let g = groups(input, labels, index)?;
    let shape = input.shape().to_vec();
    let nd = shape.len();
    let norm = group_sums(input, &g, |v, _, _| v);
    let mut inner = vec![1usize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        inner[d] = inner[d + 1] * shape[d + 1];
    }
    let per_axis: Vec<Vec<f64>> = (0..nd)
        .map(|d| {
            let s = group_sums(input, &g, |v, i, _| v * ((i / inner[d]) % shape[d]) as f64);
            s.iter().zip(&norm).map(|(a, b)| a / b).collect()
        })
        .collect();
    let res: Vec<Vec<f64>> = (0..g.ngroups).map(|k| (0..nd).map(|d| per_axis[d][k]).collect()).collect();
    Ok(per_index(&g, &res))
}

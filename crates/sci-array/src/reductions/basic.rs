//! `sum`, `prod`, `mean`, `var`, `std`, `amin`, `amax`, `argmin`, `argmax`, `ptp`.

use super::kernels::{
    SumElement, accumulate_rows, all_elements, c_order_elements, fold_chunks, lane_slice, lanes_are_fast,
    map_lanes, pairwise_sum, pairwise_sum_map,
};
use crate::{ArrayError, Result, normalize_axis};
use ndarray::{ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Zip, arr0};
use num_traits::Float;

/// Resolves an optional NumPy axis.
pub(crate) fn opt_axis(axis: Option<isize>, ndim: usize) -> Result<Option<usize>> {
    axis.map(|a| normalize_axis(a, ndim, "axis")).transpose()
}

/// A float from an `f64` constant or count (exact for counts below 2^24 in `f32`).
#[inline]
pub(crate) fn cast<A: Float>(x: f64) -> A {
    A::from(x).unwrap_or_else(A::nan)
}

/// Sum along `axis` of a dyn view (pairwise along contiguous lanes, row accumulation otherwise).
pub(crate) fn sum_along<A: SumElement>(v: &ArrayViewD<'_, A>, axis: usize) -> ArrayD<A> {
    if lanes_are_fast(v, axis) {
        map_lanes(v, axis, |l| pairwise_sum(&lane_slice(&l)))
    } else {
        accumulate_rows(v, axis, A::zero_elem(), |blk, mut out| {
            for row in blk.outer_iter() {
                Zip::from(&mut out).and(&row).for_each(|o, &x| *o = o.add_elem(x));
            }
        })
    }
}

/// Sum of array elements over an axis, or over all elements when `axis` is `None`.
///
/// Floats are added with NumPy's pairwise summation along contiguous lanes (error growing like
/// `O(log n)` instead of `O(n)`), so results match NumPy's to the last bit for contiguous
/// input; integers wrap on overflow like NumPy's. The sum of an empty array is 0.
///
/// NumPy equivalent: `numpy.sum`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[0.5, 0.7], [0.2, 1.5]];
/// assert_eq!(sci_array::sum(&a, None).unwrap()[[]], 2.9);
/// assert_eq!(sci_array::sum(&a, Some(0)).unwrap(), array![0.7, 2.2].into_dyn());
/// assert_eq!(sci_array::sum(&array![[0, 1], [0, 5]], Some(1)).unwrap(), array![1, 5].into_dyn());
/// ```
pub fn sum<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    Ok(match opt_axis(axis, a.ndim())? {
        None => arr0(pairwise_sum(&all_elements(a))).into_dyn(),
        Some(ax) => sum_along(&a.view().into_dyn(), ax),
    })
}

/// Product of array elements over an axis, or over all elements when `axis` is `None`.
///
/// Integers wrap on overflow like NumPy's. The product of an empty array is 1.
///
/// NumPy equivalent: `numpy.prod`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(sci_array::prod(&a, None).unwrap()[[]], 24.0);
/// assert_eq!(sci_array::prod(&a, Some(1)).unwrap(), array![2.0, 12.0].into_dyn());
/// ```
pub fn prod<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    let lane_prod = |x: &[A]| x.iter().fold(A::one_elem(), |acc, &v| acc.mul_elem(v));
    Ok(match opt_axis(axis, a.ndim())? {
        None => arr0(lane_prod(&all_elements(a))).into_dyn(),
        Some(ax) => {
            let v = a.view().into_dyn();
            if lanes_are_fast(&v, ax) {
                map_lanes(&v, ax, |l| lane_prod(&lane_slice(&l)))
            } else {
                accumulate_rows(&v, ax, A::one_elem(), |blk, mut out| {
                    for row in blk.outer_iter() {
                        Zip::from(&mut out).and(&row).for_each(|o, &x| *o = o.mul_elem(x));
                    }
                })
            }
        }
    })
}

/// Arithmetic mean over an axis, or of all elements when `axis` is `None`.
///
/// Computed as the pairwise [`sum`] divided by the count, like NumPy (`f32` input is
/// accumulated in `f32`, as NumPy does). The mean of an empty array is NaN.
///
/// NumPy equivalent: `numpy.mean`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(sci_array::mean(&a, None).unwrap()[[]], 2.5);
/// assert_eq!(sci_array::mean(&a, Some(0)).unwrap(), array![2.0, 3.0].into_dyn());
/// assert!(sci_array::mean(&sci_array::ndarray::Array1::<f64>::zeros(0), None).unwrap()[[]].is_nan());
/// ```
pub fn mean<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = opt_axis(axis, a.ndim())?;
    let n: A = cast(match ax {
        None => a.len(),
        Some(k) => a.len_of(Axis(k)),
    } as f64);
    let mut s = sum(a, axis)?;
    s.mapv_inplace(|x| x / n);
    Ok(s)
}

/// Variance over an axis (or of all elements), with `ddof` delta degrees of freedom: the
/// divisor is `max(n - ddof, 0)`.
///
/// Two passes like NumPy (the mean, then the pairwise sum of squared deviations), so the result
/// is accurate even for data with a large mean. Along a non-contiguous axis (e.g. axis 0 of a
/// C-ordered matrix) the rows are accumulated block by block, in parallel for large input,
/// without NumPy's temporary copy of the whole array. Empty input or `n <= ddof` gives NaN or
/// infinity, as in NumPy.
///
/// NumPy equivalent: `numpy.var`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(sci_array::var(&a, None, 0.0).unwrap()[[]], 1.25);
/// assert_eq!(sci_array::var(&a, Some(0), 0.0).unwrap(), array![1.0, 1.0].into_dyn());
/// assert_eq!(sci_array::var(&a, Some(1), 1.0).unwrap(), array![0.5, 0.5].into_dyn());
/// ```
pub fn var<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>, ddof: f64) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = opt_axis(axis, a.ndim())?;
    Ok(match ax {
        None => {
            let x = all_elements(a);
            arr0(var_slice(&x, ddof)).into_dyn()
        }
        Some(k) => var_along(&a.view().into_dyn(), k, ddof),
    })
}

/// Variance of a slice (two-pass, pairwise).
pub(crate) fn var_slice<A: SumElement + Float>(x: &[A], ddof: f64) -> A {
    let n = x.len() as f64;
    let m = pairwise_sum(x) / cast(n);
    let ss = pairwise_sum_map(x, &|v: A| (v - m) * (v - m));
    ss / cast((n - ddof).max(0.0))
}

/// Variance along `axis` of a dyn view.
pub(crate) fn var_along<A: SumElement + Float>(v: &ArrayViewD<'_, A>, axis: usize, ddof: f64) -> ArrayD<A> {
    let n = v.len_of(Axis(axis)) as f64;
    if lanes_are_fast(v, axis) {
        return map_lanes(v, axis, |l| var_slice(&lane_slice(&l), ddof));
    }
    let inv_n: A = cast(n);
    let div: A = cast((n - ddof).max(0.0));
    accumulate_rows(v, axis, A::zero_elem(), move |blk, mut out| {
        // First pass: the means of this block's columns.
        let mut mean = out.to_owned();
        for row in blk.outer_iter() {
            match (mean.as_slice_mut(), row.as_slice()) {
                (Some(m), Some(r)) => m.iter_mut().zip(r).for_each(|(m, &x)| *m = *m + x),
                _ => Zip::from(&mut mean).and(&row).for_each(|m, &x| *m = *m + x),
            }
        }
        mean.mapv_inplace(|s| s / inv_n);
        // Second pass: the squared deviations.
        for row in blk.outer_iter() {
            match (out.as_slice_mut(), row.as_slice(), mean.as_slice()) {
                (Some(o), Some(r), Some(m)) => {
                    for ((o, &x), &m) in o.iter_mut().zip(r).zip(m) {
                        *o = *o + (x - m) * (x - m);
                    }
                }
                _ => {
                    Zip::from(&mut out).and(&row).and(&mean).for_each(|o, &x, &m| *o = *o + (x - m) * (x - m))
                }
            }
        }
        out.mapv_inplace(|s| s / div);
    })
}

/// Standard deviation over an axis (or of all elements): the square root of [`var`] with the
/// same `ddof`.
///
/// NumPy equivalent: `numpy.std`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(sci_array::std(&a, None, 0.0).unwrap()[[]], 1.25f64.sqrt());
/// assert_eq!(sci_array::std(&a, Some(0), 0.0).unwrap(), array![1.0, 1.0].into_dyn());
/// ```
pub fn std<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>, ddof: f64) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    let mut v = var(a, axis, ddof)?;
    v.mapv_inplace(A::sqrt);
    Ok(v)
}

#[allow(clippy::eq_op)]
#[inline]
fn is_nan<A: PartialOrd>(x: &A) -> bool {
    x != x
}

/// Minimum (`less = true`) or maximum of a slice with NaN propagation; `None` when empty.
fn extreme<A: PartialOrd + Copy + Send + Sync>(x: &[A], less: bool) -> Option<A> {
    let chunk = |c: &[A], _: usize| -> Option<A> {
        let mut it = c.iter();
        let mut m = *it.next()?;
        if is_nan(&m) {
            return Some(m);
        }
        for &v in it {
            let better = if less { v < m } else { v > m };
            if better {
                m = v;
            } else if is_nan(&v) {
                return Some(v);
            }
        }
        Some(m)
    };
    fold_chunks(x, chunk, |a, b| match (a, b) {
        (Some(a), Some(b)) => {
            let pick_b = is_nan(&b) || (!is_nan(&a) && if less { b < a } else { b > a });
            Some(if pick_b { b } else { a })
        }
        (a, None) => a,
        (None, b) => b,
    })
}

/// Index of the first minimum (`less = true`) or maximum of a slice, the first NaN winning.
fn arg_extreme<A: PartialOrd + Copy + Send + Sync>(x: &[A], less: bool) -> Option<usize> {
    let chunk = |c: &[A], off: usize| -> Option<(usize, A)> {
        let mut it = c.iter().enumerate();
        let (_, &first) = it.next()?;
        let (mut i, mut m) = (0, first);
        if is_nan(&m) {
            return Some((off, m));
        }
        for (j, &v) in it {
            let better = if less { v < m } else { v > m };
            if better {
                i = j;
                m = v;
            } else if is_nan(&v) {
                return Some((off + j, v));
            }
        }
        Some((off + i, m))
    };
    let best = fold_chunks(x, chunk, |a, b| match (a, b) {
        (Some(a), Some(b)) => {
            let pick_b = !is_nan(&a.1) && (is_nan(&b.1) || if less { b.1 < a.1 } else { b.1 > a.1 });
            Some(if pick_b { b } else { a })
        }
        (a, None) => a,
        (None, b) => b,
    });
    best.map(|(i, _)| i)
}

/// Checks that a reduction without identity has something to reduce.
fn check_nonempty<D: Dimension>(dim: &[usize], axis: Option<usize>, op: &'static str, _d: D) -> Result<()> {
    let empty = match axis {
        None => dim.iter().product::<usize>() == 0,
        Some(k) => dim[k] == 0,
    };
    if empty { Err(ArrayError::Empty { arg: "a", op }) } else { Ok(()) }
}

macro_rules! extreme_fn {
    ($(#[$doc:meta])* $name:ident, $less:expr, $op:expr) => {
        $(#[$doc])*
        pub fn $name<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
        where
            A: PartialOrd + Copy + Send + Sync,
            S: Data<Elem = A>,
            D: Dimension,
        {
            let ax = opt_axis(axis, a.ndim())?;
            check_nonempty(a.shape(), ax, $op, a.raw_dim())?;
            let missing = || ArrayError::Empty { arg: "a", op: $op };
            Ok(match ax {
                None => arr0(extreme(&all_elements(a), $less).ok_or_else(missing)?).into_dyn(),
                Some(k) => {
                    let v = a.view().into_dyn();
                    let r = map_lanes(&v, k, |l| extreme(&lane_slice(&l), $less));
                    let mut out = Vec::with_capacity(r.len());
                    for x in r.iter() {
                        out.push(x.ok_or_else(missing)?);
                    }
                    ArrayD::from_shape_vec(IxDyn(r.shape()), out).map_err(|_| missing())?
                }
            })
        }
    };
}

extreme_fn!(
    /// Minimum of an array or along an axis; NaN propagates (any NaN gives NaN).
    ///
    /// NumPy equivalent: `numpy.min` / `numpy.amin`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::Empty`] for an empty reduction, [`ArrayError::AxisOutOfBounds`] for a
    /// bad axis.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// let a = array![[3.0, 1.0], [2.0, 4.0]];
    /// assert_eq!(sci_array::amin(&a, None).unwrap()[[]], 1.0);
    /// assert_eq!(sci_array::amin(&a, Some(0)).unwrap(), array![2.0, 1.0].into_dyn());
    /// assert!(sci_array::amin(&array![1.0, f64::NAN], None).unwrap()[[]].is_nan());
    /// assert!(sci_array::amin(&sci_array::ndarray::Array1::<f64>::zeros(0), None).is_err());
    /// ```
    amin, true, "minimum"
);

extreme_fn!(
    /// Maximum of an array or along an axis; NaN propagates (any NaN gives NaN).
    ///
    /// NumPy equivalent: `numpy.max` / `numpy.amax`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::Empty`] for an empty reduction, [`ArrayError::AxisOutOfBounds`] for a
    /// bad axis.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// let a = array![[3, 1], [2, 4]];
    /// assert_eq!(sci_array::amax(&a, None).unwrap()[[]], 4);
    /// assert_eq!(sci_array::amax(&a, Some(1)).unwrap(), array![3, 4].into_dyn());
    /// ```
    amax, false, "maximum"
);

macro_rules! arg_fn {
    ($(#[$doc:meta])* $name:ident, $less:expr, $op:expr) => {
        $(#[$doc])*
        pub fn $name<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<usize>>
        where
            A: PartialOrd + Copy + Send + Sync,
            S: Data<Elem = A>,
            D: Dimension,
        {
            let ax = opt_axis(axis, a.ndim())?;
            let missing = || ArrayError::InvalidValue {
                arg: "a",
                reason: concat!("attempt to get ", $op, " of an empty sequence").to_string(),
            };
            if check_nonempty(a.shape(), ax, $op, a.raw_dim()).is_err() {
                return Err(missing());
            }
            Ok(match ax {
                None => arr0(arg_extreme(&c_order_elements(a), $less).ok_or_else(missing)?).into_dyn(),
                Some(k) => {
                    let v = a.view().into_dyn();
                    map_lanes(&v, k, |l| arg_extreme(&lane_slice(&l), $less).unwrap_or(0))
                }
            })
        }
    };
}

arg_fn!(
    /// Index of the first minimum, in the flattened (C-order) array when `axis` is `None`;
    /// the first NaN wins, as in NumPy.
    ///
    /// NumPy equivalent: `numpy.argmin`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] for an empty reduction (NumPy: "attempt to get argmin of
    /// an empty sequence"), [`ArrayError::AxisOutOfBounds`] for a bad axis.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// let a = array![[3.0, 1.0], [1.0, 4.0]];
    /// assert_eq!(sci_array::argmin(&a, None).unwrap()[[]], 1);
    /// assert_eq!(sci_array::argmin(&a, Some(0)).unwrap(), array![1, 0].into_dyn());
    /// assert_eq!(sci_array::argmin(&array![2.0, f64::NAN, 0.0], None).unwrap()[[]], 1);
    /// ```
    argmin, true, "argmin"
);

arg_fn!(
    /// Index of the first maximum, in the flattened (C-order) array when `axis` is `None`;
    /// the first NaN wins, as in NumPy.
    ///
    /// NumPy equivalent: `numpy.argmax`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] for an empty reduction, [`ArrayError::AxisOutOfBounds`]
    /// for a bad axis.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// let a = array![[3, 5], [5, 4]];
    /// assert_eq!(sci_array::argmax(&a, None).unwrap()[[]], 1);
    /// assert_eq!(sci_array::argmax(&a, Some(1)).unwrap(), array![1, 0].into_dyn());
    /// ```
    argmax, false, "argmax"
);

/// Range of values (maximum minus minimum) of an array or along an axis ("peak to peak").
///
/// Integers wrap like NumPy's; NaN propagates.
///
/// NumPy equivalent: `numpy.ptp`.
///
/// # Errors
///
/// [`ArrayError::Empty`] for an empty reduction, [`ArrayError::AxisOutOfBounds`] for a bad
/// axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[4.0, 9.0, 2.0], [1.0, 6.0, 5.0]];
/// assert_eq!(sci_array::ptp(&a, None).unwrap()[[]], 8.0);
/// assert_eq!(sci_array::ptp(&a, Some(0)).unwrap(), array![3.0, 3.0, 3.0].into_dyn());
/// ```
pub fn ptp<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: PartialOrd + SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    let hi = amax(a, axis)?;
    let lo = amin(a, axis)?;
    Ok(Zip::from(&hi).and(&lo).map_collect(|&h, &l| h.sub_elem(l)))
}

//! The NaN-ignoring reductions: `nansum`, `nanmean`, `nanvar`, `nanstd`, `nanmin`, `nanmax`.

use super::basic::{cast, opt_axis};
use super::kernels::{SumElement, all_elements, lane_slice, map_lanes, pairwise_sum_map};
use crate::{ArrayError, Result};
use ndarray::{ArrayBase, ArrayD, ArrayView1, Axis, Data, Dimension, arr0};
use num_traits::Float;

/// Applies a slice reduction to all elements or to every lane along the axis.
fn reduce<A, S, D, B, F>(a: &ArrayBase<S, D>, axis: Option<isize>, f: F) -> Result<ArrayD<B>>
where
    A: Copy + Sync,
    S: Data<Elem = A>,
    D: Dimension,
    B: Send,
    F: Fn(&[A]) -> B + Sync + Send,
{
    Ok(match opt_axis(axis, a.ndim())? {
        None => arr0(f(&all_elements(a))).into_dyn(),
        Some(k) => map_lanes(&a.view().into_dyn(), k, |l: ArrayView1<'_, A>| f(&lane_slice(&l))),
    })
}

fn nan_sum_count<A: SumElement + Float>(x: &[A]) -> (A, usize) {
    let s = pairwise_sum_map(x, &|v: A| if v.is_nan() { A::zero_elem() } else { v });
    (s, x.iter().filter(|v| !v.is_nan()).count())
}

fn nanvar_slice<A: SumElement + Float>(x: &[A], ddof: f64) -> A {
    let (s, n) = nan_sum_count(x);
    let m = s / cast(n as f64);
    let ss = pairwise_sum_map(x, &|v: A| if v.is_nan() { A::zero_elem() } else { (v - m) * (v - m) });
    ss / cast((n as f64 - ddof).max(0.0))
}

/// Sum treating NaN as zero (all-NaN or empty input sums to 0).
///
/// NumPy equivalent: `numpy.nansum`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, f64::NAN], [3.0, 4.0]];
/// assert_eq!(sci_array::nansum(&a, None).unwrap()[[]], 8.0);
/// assert_eq!(sci_array::nansum(&a, Some(0)).unwrap(), array![4.0, 4.0].into_dyn());
/// ```
pub fn nansum<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    reduce(a, axis, |x| nan_sum_count(x).0)
}

/// Mean ignoring NaN; NaN where every element is NaN (or the input is empty).
///
/// NumPy equivalent: `numpy.nanmean`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, f64::NAN], [3.0, 4.0]];
/// assert_eq!(sci_array::nanmean(&a, None).unwrap()[[]], 8.0 / 3.0);
/// assert_eq!(sci_array::nanmean(&a, Some(1)).unwrap(), array![1.0, 3.5].into_dyn());
/// ```
pub fn nanmean<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    reduce(a, axis, |x| {
        let (s, n) = nan_sum_count(x);
        s / cast(n as f64)
    })
}

/// Variance ignoring NaN, with `ddof` delta degrees of freedom (divisor `max(n - ddof, 0)`
/// where `n` counts the non-NaN elements).
///
/// NumPy equivalent: `numpy.nanvar`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, f64::NAN], [3.0, 4.0]];
/// assert_eq!(sci_array::nanvar(&a, Some(0), 0.0).unwrap(), array![1.0, 0.0].into_dyn());
/// assert_eq!(sci_array::nanvar(&a, Some(1), 1.0).unwrap()[[1]], 0.5);
/// ```
pub fn nanvar<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>, ddof: f64) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    reduce(a, axis, |x| nanvar_slice(x, ddof))
}

/// Standard deviation ignoring NaN: the square root of [`nanvar`].
///
/// NumPy equivalent: `numpy.nanstd`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert_eq!(sci_array::nanstd(&a, None, 0.0).unwrap()[[]], 1.0);
/// ```
pub fn nanstd<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>, ddof: f64) -> Result<ArrayD<A>>
where
    A: SumElement + Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    reduce(a, axis, |x| nanvar_slice(x, ddof).sqrt())
}

fn nan_extreme<A: Float>(x: &[A], less: bool) -> A {
    let mut m = A::nan();
    for &v in x {
        if (m.is_nan() || (if less { v < m } else { v > m })) && !v.is_nan() {
            m = v;
        }
    }
    m
}

fn nan_extreme_fn<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>, less: bool) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    let op = if less { "fmin" } else { "fmax" };
    let empty = match opt_axis(axis, a.ndim())? {
        None => a.is_empty(),
        Some(k) => a.len_of(Axis(k)) == 0,
    };
    if empty {
        return Err(ArrayError::Empty { arg: "a", op });
    }
    reduce(a, axis, |x| nan_extreme(x, less))
}

/// Minimum ignoring NaN; NaN where every element is NaN.
///
/// NumPy equivalent: `numpy.nanmin`.
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
/// let a = array![[1.0, f64::NAN], [3.0, f64::NAN]];
/// assert_eq!(sci_array::nanmin(&a, None).unwrap()[[]], 1.0);
/// let m = sci_array::nanmin(&a, Some(0)).unwrap();
/// assert_eq!(m[[0]], 1.0);
/// assert!(m[[1]].is_nan());
/// ```
pub fn nanmin<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    nan_extreme_fn(a, axis, true)
}

/// Maximum ignoring NaN; NaN where every element is NaN.
///
/// NumPy equivalent: `numpy.nanmax`.
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
/// let a = array![[1.0, f64::NAN], [3.0, 2.0]];
/// assert_eq!(sci_array::nanmax(&a, Some(1)).unwrap(), array![1.0, 3.0].into_dyn());
/// ```
pub fn nanmax<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    nan_extreme_fn(a, axis, false)
}

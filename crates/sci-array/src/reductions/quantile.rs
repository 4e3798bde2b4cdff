//! `median`, `percentile`, `quantile` and `average`.

use super::basic::{cast, opt_axis};
use super::kernels::{PAR_MIN, SumElement, all_elements, join, lane_slice, map_lanes, pairwise_sum};
use crate::{ArrayError, Result};
use ndarray::{Array1, ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Zip, arr0};
use num_traits::Float;
use std::cmp::Ordering;

/// How [`quantile`] and [`percentile`] pick a value between two data points (NumPy's
/// `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuantileMethod {
    /// Linear interpolation between the neighbouring order statistics (NumPy's default).
    #[default]
    Linear,
    /// The lower neighbour.
    Lower,
    /// The higher neighbour.
    Higher,
    /// The nearest neighbour, ties (exact halves) to the even index.
    Nearest,
    /// The mean of the two neighbours.
    Midpoint,
}

#[inline]
fn cmp<A: PartialOrd>(a: &A, b: &A) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}

/// Partially sorts `v` so that every position in `ks` (sorted, distinct) holds the element a
/// full sort would put there; parts are handled in parallel for long slices.
fn select_many<A: PartialOrd + Copy + Send>(v: &mut [A], ks: &[usize]) {
    if ks.is_empty() || v.len() <= 1 {
        return;
    }
    let mid = ks.len() / 2;
    let k = ks[mid];
    v.select_nth_unstable_by(k, cmp);
    let (left, rest) = v.split_at_mut(k);
    let right = &mut rest[1..];
    let kl = &ks[..mid];
    let kr: Vec<usize> = ks[mid + 1..].iter().map(|&j| j - k - 1).collect();
    if left.len() + right.len() >= PAR_MIN {
        join(|| select_many(left, kl), || select_many(right, &kr));
    } else {
        select_many(left, kl);
        select_many(right, &kr);
    }
}

fn has_nan<A: Float + Sync>(x: &[A]) -> bool {
    #[cfg(feature = "rayon")]
    if x.len() >= PAR_MIN {
        use rayon::prelude::*;
        return x.par_chunks(1 << 16).any(|c| c.iter().any(|v| v.is_nan()));
    }
    x.iter().any(|v| v.is_nan())
}

/// NumPy's `_lerp`: `a + (b - a) t`, or `b - (b - a)(1 - t)` for `t >= 0.5`.
#[inline]
fn lerp<A: Float>(a: A, b: A, t: A) -> A {
    let d = b - a;
    if t >= cast(0.5) { b - d * (A::one() - t) } else { a + d * t }
}

/// Where a quantile falls: the two neighbour indices and the interpolation weight.
fn positions(n: usize, q: f64, method: QuantileMethod) -> (usize, usize, f64) {
    let last = n - 1;
    let v = (n as f64 - 1.0) * q;
    let clamp = |i: f64| if i >= last as f64 { last } else { i.max(0.0) as usize };
    match method {
        QuantileMethod::Lower => (clamp(v.floor()), clamp(v.floor()), 0.0),
        QuantileMethod::Higher => (clamp(v.ceil()), clamp(v.ceil()), 0.0),
        QuantileMethod::Nearest => (clamp(v.round_ties_even()), clamp(v.round_ties_even()), 0.0),
        QuantileMethod::Linear | QuantileMethod::Midpoint => {
            let vi = if method == QuantileMethod::Midpoint { 0.5 * (v.floor() + v.ceil()) } else { v };
            let (prev, next, prev_f) = if vi >= last as f64 {
                (last, last, -1.0)
            } else {
                let p = vi.floor();
                (p as usize, p as usize + 1, p)
            };
            let gamma = match method {
                QuantileMethod::Midpoint if vi % 1.0 == 0.0 => 0.0,
                QuantileMethod::Midpoint => 0.5,
                _ => vi - prev_f,
            };
            (prev, next, gamma)
        }
    }
}

/// The quantiles `qs` (in `[0, 1]`) of the values in `buf`, which is reordered.
fn quantiles_of<A: Float + Send + Sync>(buf: &mut [A], qs: &[f64], method: QuantileMethod) -> Vec<A> {
    if has_nan(buf) {
        return vec![A::nan(); qs.len()];
    }
    let n = buf.len();
    let pos: Vec<(usize, usize, f64)> = qs.iter().map(|&q| positions(n, q, method)).collect();
    let mut ks: Vec<usize> = pos.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    ks.sort_unstable();
    ks.dedup();
    select_many(buf, &ks);
    pos.iter().map(|&(p, nx, g)| lerp(buf[p], buf[nx], cast(g))).collect()
}

fn check_q(q: &[f64], scale: f64, name: &'static str) -> Result<Vec<f64>> {
    q.iter()
        .map(|&x| {
            if (0.0..=scale).contains(&x) {
                Ok(x / scale)
            } else {
                Err(ArrayError::InvalidValue {
                    arg: "q",
                    reason: format!("{name} must be in the range [0, {scale}], got {x}"),
                })
            }
        })
        .collect()
}

fn quantile_impl<A, S, D>(
    a: &ArrayBase<S, D>,
    qs: &[f64],
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = opt_axis(axis, a.ndim())?;
    let empty = match ax {
        None => a.is_empty(),
        Some(k) => a.len_of(Axis(k)) == 0,
    };
    if empty {
        return Err(ArrayError::Empty { arg: "a", op: "quantile" });
    }
    match ax {
        None => {
            let mut buf = all_elements(a).into_owned();
            Ok(Array1::from(quantiles_of(&mut buf, qs, method)).into_dyn())
        }
        Some(k) => {
            let v = a.view().into_dyn();
            let per_lane = map_lanes(&v, k, |l| quantiles_of(&mut lane_slice(&l).into_owned(), qs, method));
            let mut shape = vec![qs.len()];
            shape.extend_from_slice(per_lane.shape());
            let mut out = ArrayD::from_elem(IxDyn(&shape), A::zero());
            for (j, mut o) in out.outer_iter_mut().enumerate() {
                Zip::from(&mut o).and(&per_lane).for_each(|o, r| *o = r[j]);
            }
            Ok(out)
        }
    }
}

/// The `q`-th quantiles (`q` in `[0, 1]`, several at once) over an axis or all elements.
///
/// The result has one leading axis of length `q.len()` followed by the input shape without
/// `axis` (just `[q.len()]` when `axis` is `None`), as NumPy's for array `q`. Uses partial
/// selection (`select_nth_unstable`) of only the needed order statistics; any NaN in a lane
/// gives NaN. Integer data: convert to float first.
///
/// NumPy equivalent: `numpy.quantile(a, q, axis=axis, method=...)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when a `q` is outside `[0, 1]` (or NaN),
/// [`ArrayError::Empty`] for an empty reduction, [`ArrayError::AxisOutOfBounds`] for a bad
/// axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{quantile, QuantileMethod};
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(quantile(&a, &[0.5], None, QuantileMethod::Linear).unwrap(), array![3.5].into_dyn());
/// let q = quantile(&a, &[0.0, 0.5, 1.0], Some(1), QuantileMethod::Linear).unwrap();
/// assert_eq!(q, array![[4.0, 1.0], [7.0, 2.0], [10.0, 3.0]].into_dyn());
/// assert_eq!(quantile(&a, &[0.5], None, QuantileMethod::Lower).unwrap()[[0]], 3.0);
/// ```
pub fn quantile<A, S, D>(
    a: &ArrayBase<S, D>,
    q: &[f64],
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    let qs = check_q(q, 1.0, "Quantiles")?;
    quantile_impl(a, &qs, axis, method)
}

/// The `q`-th percentiles (`q` in `[0, 100]`, several at once) over an axis or all elements:
/// [`quantile`] with `q / 100`.
///
/// Asking for several percentiles in one call (e.g. `&[5.0, 50.0, 95.0]`) selects all the
/// needed order statistics in one partial sort.
///
/// NumPy equivalent: `numpy.percentile(a, q, axis=axis, method=...)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when a `q` is outside `[0, 100]` (or NaN),
/// [`ArrayError::Empty`] for an empty reduction, [`ArrayError::AxisOutOfBounds`] for a bad
/// axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{percentile, QuantileMethod};
/// let a = array![1.0, 2.0, 3.0, 4.0];
/// let p = percentile(&a, &[25.0, 50.0, 100.0], None, QuantileMethod::Linear).unwrap();
/// assert_eq!(p, array![1.75, 2.5, 4.0].into_dyn());
/// // The virtual index 1.5 rounds half to even: index 2.
/// assert_eq!(percentile(&a, &[50.0], None, QuantileMethod::Nearest).unwrap()[[0]], 3.0);
/// assert_eq!(percentile(&a, &[50.0], None, QuantileMethod::Midpoint).unwrap()[[0]], 2.5);
/// ```
pub fn percentile<A, S, D>(
    a: &ArrayBase<S, D>,
    q: &[f64],
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    let qs = check_q(q, 100.0, "Percentiles")?;
    quantile_impl(a, &qs, axis, method)
}

fn median_of<A: Float + Send + Sync>(buf: &mut [A]) -> A {
    let n = buf.len();
    if n == 0 || has_nan(buf) {
        return A::nan();
    }
    let h = n / 2;
    if n % 2 == 1 {
        select_many(buf, &[h]);
        buf[h]
    } else {
        select_many(buf, &[h - 1, h]);
        (A::zero() + buf[h - 1] + buf[h]) / cast(2.0)
    }
}

/// Median over an axis or of all elements: the middle order statistic, or the mean of the two
/// middle ones. NaN when the input (lane) is empty or holds a NaN, as in NumPy.
///
/// NumPy equivalent: `numpy.median`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(sci_array::median(&a, None).unwrap()[[]], 3.5);
/// assert_eq!(sci_array::median(&a, Some(0)).unwrap(), array![6.5, 4.5, 2.5].into_dyn());
/// assert_eq!(sci_array::median(&a, Some(1)).unwrap(), array![7.0, 2.0].into_dyn());
/// ```
pub fn median<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: Float + Send + Sync,
    S: Data<Elem = A>,
    D: Dimension,
{
    Ok(match opt_axis(axis, a.ndim())? {
        None => arr0(median_of(&mut all_elements(a).into_owned())).into_dyn(),
        Some(k) => map_lanes(&a.view().into_dyn(), k, |l| median_of(&mut lane_slice(&l).into_owned())),
    })
}

/// Weighted average over an axis or of all elements, returned with the sum of the weights
/// (NumPy's `returned=True`; drop `.1` for the plain average).
///
/// `weights` is `None` (plain mean; the "sum of weights" is then the count), an array of the
/// same shape as `a`, or (with `axis` given) a 1-d array as long as that axis.
///
/// NumPy equivalent: `numpy.average(a, axis, weights, returned=True)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when the weights sum to zero or have a shape that fits
/// neither rule, [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let w = array![1.0, 3.0];
/// let (avg, sw) = sci_array::average(&a, Some(1), Some(w.view().into_dyn())).unwrap();
/// assert_eq!(avg, array![1.75, 3.75].into_dyn());
/// assert_eq!(sw, array![4.0, 4.0].into_dyn());
/// let (avg, sw) = sci_array::average(&a, None, None).unwrap();
/// assert_eq!((avg[[]], sw[[]]), (2.5, 4.0));
/// ```
pub fn average<A, S, D>(
    a: &ArrayBase<S, D>,
    axis: Option<isize>,
    weights: Option<ArrayViewD<'_, A>>,
) -> Result<(ArrayD<A>, ArrayD<A>)>
where
    A: Float + SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = opt_axis(axis, a.ndim())?;
    let Some(w) = weights else {
        let avg = super::basic::mean(a, axis)?;
        let cnt = match ax {
            None => a.len(),
            Some(k) => a.len_of(Axis(k)),
        };
        let scl = ArrayD::from_elem(avg.raw_dim(), cast::<A>(cnt as f64));
        return Ok((avg, scl));
    };
    let bad = |reason: &str| ArrayError::InvalidValue { arg: "weights", reason: reason.into() };
    let (prod, scl) = if w.shape() == a.shape() {
        let prod = Zip::from(a.view().into_dyn()).and(&w).map_collect(|&x, &y| x * y);
        let scl = super::basic::sum(&w, axis)?;
        (prod, scl)
    } else {
        let Some(k) = ax else {
            return Err(bad("Axis must be specified when shapes of a and weights differ."));
        };
        if w.ndim() != 1 {
            return Err(bad("1D weights expected when shapes of a and weights differ."));
        }
        if w.len() != a.len_of(Axis(k)) {
            return Err(bad("Length of weights not compatible with specified axis."));
        }
        let mut prod = a.view().into_dyn().to_owned();
        for (i, mut sub) in prod.axis_iter_mut(Axis(k)).enumerate() {
            let wi = w[[i]];
            sub.mapv_inplace(|x| x * wi);
        }
        let total = pairwise_sum(&w.iter().copied().collect::<Vec<A>>());
        let mut out_shape = a.shape().to_vec();
        out_shape.remove(k);
        (prod, ArrayD::from_elem(IxDyn(&out_shape), total))
    };
    if scl.iter().any(|&s| s == A::zero()) {
        return Err(bad("Weights sum to zero, can't be normalized"));
    }
    let num = super::basic::sum(&prod, axis)?;
    let avg = Zip::from(&num).and(&scl).map_collect(|&n, &s| n / s);
    Ok((avg, scl))
}

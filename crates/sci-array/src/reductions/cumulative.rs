//! `cumsum`, `cumprod`, `diff` and `gradient`.

use super::basic::{cast, opt_axis};
use super::kernels::{PAR_MIN, SumElement, c_order_elements};
use crate::math::buffer;
use crate::{ArrayError, Result, normalize_axis};
use ndarray::{
    Array, Array1, ArrayBase, ArrayD, ArrayView1, ArrayViewMut1, Axis, Data, Dimension, Slice, Zip,
};
use num_traits::Float;
use std::mem::MaybeUninit;

/// Inclusive scan of `x` into `out` with `op`, starting from `start`.
#[inline]
fn scan_into_uninit<A: Copy>(x: &[A], out: &mut [MaybeUninit<A>], start: Option<A>, op: impl Fn(A, A) -> A) {
    let mut acc = start;
    for (o, &v) in out.iter_mut().zip(x) {
        let next = match acc {
            Some(a) => op(a, v),
            None => v,
        };
        o.write(next);
        acc = Some(next);
    }
}

/// Scan of a whole slice into a fresh (huge-page) buffer; from [`PAR_MIN`] elements in
/// parallel blocks: the block totals first, then each block scanned from its offset
/// (floating-point sums are then associated block-wise, which differs from the sequential
/// order by rounding only).
fn scan_vec<A: SumElement>(x: &[A], op: impl Fn(A, A) -> A + Sync + Send + Copy) -> Vec<A> {
    let n = x.len();
    #[cfg(feature = "rayon")]
    if n >= PAR_MIN && rayon::current_num_threads() > 1 {
        use rayon::prelude::*;
        // The blocks of `buffer::build`, so that each chunk it hands out is one block.
        let block = buffer::chunk_len(n);
        let totals: Vec<A> =
            x.par_chunks(block).map(|c| c[1..].iter().fold(c[0], |acc, &v| op(acc, v))).collect();
        let mut starts: Vec<Option<A>> = Vec::with_capacity(totals.len());
        let mut acc: Option<A> = None;
        for &t in &totals {
            starts.push(acc);
            acc = Some(match acc {
                Some(a) => op(a, t),
                None => t,
            });
        }
        let fill = |start: usize, out: &mut [MaybeUninit<A>]| {
            let len = out.len();
            scan_into_uninit(&x[start..start + len], out, starts[start / block], op);
        };
        #[allow(unsafe_code)]
        // SAFETY: `scan_into_uninit` writes every element of `out` (`x` has as many).
        return unsafe { buffer::build(n, 0, fill) };
    }
    let fill = |start: usize, out: &mut [MaybeUninit<A>]| {
        let len = out.len();
        scan_into_uninit(&x[start..start + len], out, None, op);
    };
    #[allow(unsafe_code)]
    // SAFETY: `scan_into_uninit` writes every element of `out` (`x` has as many).
    unsafe {
        buffer::build(n, usize::MAX, fill)
    }
}

fn cumulative<A, S, D>(
    a: &ArrayBase<S, D>,
    axis: Option<isize>,
    op: impl Fn(A, A) -> A + Sync + Send + Copy,
) -> Result<ArrayD<A>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    match opt_axis(axis, a.ndim())? {
        None => Ok(Array1::from(scan_vec(&c_order_elements(a), op)).into_dyn()),
        Some(k) => {
            let mut out = a.view().into_dyn().as_standard_layout().into_owned();
            if k + 1 == out.ndim() {
                Zip::from(out.lanes_mut(Axis(k))).for_each(|mut lane: ArrayViewMut1<'_, A>| {
                    let mut acc: Option<A> = None;
                    for v in lane.iter_mut() {
                        if let Some(p) = acc {
                            *v = op(p, *v);
                        }
                        acc = Some(*v);
                    }
                });
            } else {
                // Row by row: contiguous in memory for C-ordered output.
                for i in 1..out.len_of(Axis(k)) {
                    let (prev, mut cur) = out.view_mut().split_at(Axis(k), i);
                    let p = prev.index_axis(Axis(k), i - 1);
                    Zip::from(cur.index_axis_mut(Axis(k), 0)).and(&p).for_each(|c, &q| *c = op(q, *c));
                }
            }
            Ok(out)
        }
    }
}

/// Cumulative sum along an axis, or of the flattened (C-order) array when `axis` is `None`.
///
/// Integers wrap on overflow and keep their type (NumPy widens small integer types to
/// `int64`). Long 1-d inputs (above 131072 elements) are scanned in parallel blocks, which
/// associates floating-point additions block-wise: the result then differs from NumPy's
/// sequential sum by rounding only.
///
/// NumPy equivalent: `numpy.cumsum`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(sci_array::cumsum(&a, None).unwrap(), array![1, 3, 6, 10, 15, 21].into_dyn());
/// assert_eq!(sci_array::cumsum(&a, Some(0)).unwrap(), array![[1, 2, 3], [5, 7, 9]].into_dyn());
/// assert_eq!(sci_array::cumsum(&a, Some(-1)).unwrap(), array![[1, 3, 6], [4, 9, 15]].into_dyn());
/// ```
pub fn cumsum<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    cumulative(a, axis, A::add_elem)
}

/// Cumulative product along an axis, or of the flattened (C-order) array when `axis` is
/// `None`. Parallel for long 1-d inputs, like [`cumsum`].
///
/// NumPy equivalent: `numpy.cumprod`.
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
/// assert_eq!(sci_array::cumprod(&a, None).unwrap(), array![1.0, 2.0, 6.0, 24.0].into_dyn());
/// assert_eq!(sci_array::cumprod(&a, Some(1)).unwrap(), array![[1.0, 2.0], [3.0, 12.0]].into_dyn());
/// ```
pub fn cumprod<A, S, D>(a: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<A>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    cumulative(a, axis, A::mul_elem)
}

/// The `n`-th discrete difference along `axis` (`out[i] = a[i+1] - a[i]`, applied `n`
/// times); the axis shrinks by `n` (to zero when `n` exceeds its length). `n = 0` returns a
/// copy. Integers wrap like NumPy's.
///
/// NumPy equivalent: `numpy.diff` (NumPy's default `axis` is -1).
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is out of range (also for 0-d input).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let x = array![1, 2, 4, 7, 0];
/// assert_eq!(sci_array::diff(&x, 1, -1).unwrap(), array![1, 2, 3, -7]);
/// assert_eq!(sci_array::diff(&x, 2, -1).unwrap(), array![1, 1, -10]);
/// let m = array![[1, 3, 6, 10], [0, 5, 6, 8]];
/// assert_eq!(sci_array::diff(&m, 1, 0).unwrap(), array![[-1, 2, 0, -2]]);
/// ```
pub fn diff<A, S, D>(a: &ArrayBase<S, D>, n: usize, axis: isize) -> Result<Array<A, D>>
where
    A: SumElement,
    S: Data<Elem = A>,
    D: Dimension,
{
    let k = normalize_axis(axis, a.ndim(), "axis")?;
    let mut cur = a.to_owned();
    for _ in 0..n {
        let len = cur.len_of(Axis(k));
        if len == 0 {
            break;
        }
        let hi = cur.slice_axis(Axis(k), Slice::from(1..));
        let lo = cur.slice_axis(Axis(k), Slice::from(..len - 1));
        cur = Zip::from(&hi).and(&lo).map_collect(|&h, &l| h.sub_elem(l));
    }
    Ok(cur)
}

/// The sample spacing of [`gradient`] along one axis.
#[derive(Debug, Clone)]
pub enum Spacing<'a, A> {
    /// Uniform distance between samples (NumPy's scalar `varargs`).
    Uniform(A),
    /// The coordinates of the samples (NumPy's 1-d array `varargs`); need not be uniform.
    Coordinates(ArrayView1<'a, A>),
}

impl<A: Float> Default for Spacing<'_, A> {
    fn default() -> Self {
        Spacing::Uniform(A::one())
    }
}

/// Gradient of one lane, with uniform step `dx` or the steps `dxs`.
fn gradient_lane<A: Float>(
    f: ArrayView1<'_, A>,
    mut o: ArrayViewMut1<'_, A>,
    dx: Result<A, &[A]>,
    order: usize,
) {
    let n = f.len();
    let two: A = cast(2.0);
    match dx {
        Ok(h) => {
            for i in 1..n - 1 {
                o[i] = (f[i + 1] - f[i - 1]) / (two * h);
            }
            if order == 1 {
                o[0] = (f[1] - f[0]) / h;
                o[n - 1] = (f[n - 1] - f[n - 2]) / h;
            } else {
                let (a, b, c) = (-cast::<A>(1.5) / h, two / h, -cast::<A>(0.5) / h);
                o[0] = a * f[0] + b * f[1] + c * f[2];
                let (a, b, c) = (cast::<A>(0.5) / h, -two / h, cast::<A>(1.5) / h);
                o[n - 1] = a * f[n - 3] + b * f[n - 2] + c * f[n - 1];
            }
        }
        Err(d) => {
            for i in 1..n - 1 {
                let (d1, d2) = (d[i - 1], d[i]);
                let a = -(d2) / (d1 * (d1 + d2));
                let b = (d2 - d1) / (d1 * d2);
                let c = d1 / (d2 * (d1 + d2));
                o[i] = a * f[i - 1] + b * f[i] + c * f[i + 1];
            }
            if order == 1 {
                o[0] = (f[1] - f[0]) / d[0];
                o[n - 1] = (f[n - 1] - f[n - 2]) / d[n - 2];
            } else {
                let (d1, d2) = (d[0], d[1]);
                let a = -(two * d1 + d2) / (d1 * (d1 + d2));
                let b = (d1 + d2) / (d1 * d2);
                let c = -d1 / (d2 * (d1 + d2));
                o[0] = a * f[0] + b * f[1] + c * f[2];
                let (d1, d2) = (d[n - 3], d[n - 2]);
                let a = d2 / (d1 * (d1 + d2));
                let b = -(d2 + d1) / (d1 * d2);
                let c = (two * d2 + d1) / (d2 * (d1 + d2));
                o[n - 1] = a * f[n - 3] + b * f[n - 2] + c * f[n - 1];
            }
        }
    }
}

/// Gradient along one axis with second-order accurate central differences in the interior
/// and first- or second-order (`edge_order` 1 or 2) one-sided differences at the boundaries.
///
/// With [`Spacing::Coordinates`] the samples may be unevenly spaced; coordinates that turn
/// out to be evenly spaced use the uniform formulas, exactly like NumPy.
///
/// NumPy equivalent: `numpy.gradient(f, spacing, axis=axis, edge_order=edge_order)`; see
/// [`gradient_axes`] for the list over all axes.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `edge_order` is not 1 or 2 or the axis has fewer than
/// `edge_order + 1` samples; [`ArrayError::LengthMismatch`] when the coordinates do not match
/// the axis length; [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{gradient, Spacing};
/// let f = array![1.0, 2.0, 4.0, 7.0, 11.0, 16.0];
/// assert_eq!(gradient(&f, &Spacing::Uniform(1.0), 1, 0).unwrap(), array![1.0, 1.5, 2.5, 3.5, 4.5, 5.0]);
/// assert_eq!(gradient(&f, &Spacing::Uniform(2.0), 1, 0).unwrap(), array![0.5, 0.75, 1.25, 1.75, 2.25, 2.5]);
/// let x = array![0.0, 1.0, 1.5, 3.5, 4.0, 6.0];
/// let g = gradient(&f, &Spacing::Coordinates(x.view()), 1, 0).unwrap();
/// sci_array::testing::assert_allclose(&g, &array![1.0, 3.0, 3.5, 6.7, 6.9, 2.5], 1e-14, 0.0);
/// ```
pub fn gradient<A, S, D>(
    f: &ArrayBase<S, D>,
    spacing: &Spacing<'_, A>,
    edge_order: usize,
    axis: isize,
) -> Result<Array<A, D>>
where
    A: Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    let k = normalize_axis(axis, f.ndim(), "axis")?;
    if edge_order != 1 && edge_order != 2 {
        return Err(ArrayError::InvalidValue {
            arg: "edge_order",
            reason: format!("'edge_order' must be 1 or 2, got {edge_order}"),
        });
    }
    let n = f.len_of(Axis(k));
    if n < edge_order + 1 {
        return Err(ArrayError::InvalidValue {
            arg: "f",
            reason: "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) \
                     elements are required."
                .into(),
        });
    }
    let steps: Option<Vec<A>> = match spacing {
        Spacing::Uniform(_) => None,
        Spacing::Coordinates(x) => {
            if x.len() != n {
                return Err(ArrayError::LengthMismatch {
                    a: "spacing",
                    b: "f along axis",
                    len_a: x.len(),
                    len_b: n,
                });
            }
            let d: Vec<A> = x.windows(2).into_iter().map(|w| w[1] - w[0]).collect();
            Some(d)
        }
    };
    let uniform = match (spacing, &steps) {
        (Spacing::Uniform(h), _) => Some(*h),
        (_, Some(d)) if d.iter().all(|&v| v == d[0]) => Some(d[0]),
        _ => None,
    };
    let mut out = Array::zeros(f.raw_dim());
    let dx: Result<A, &[A]> = match uniform {
        Some(h) => Ok(h),
        None => Err(steps.as_deref().unwrap_or(&[])),
    };
    Zip::from(out.lanes_mut(Axis(k)))
        .and(f.lanes(Axis(k)))
        .for_each(|o, l| gradient_lane(l, o, dx, edge_order));
    Ok(out)
}

/// The gradient along every axis (NumPy's list result): `spacing` holds one entry for all
/// axes, one per axis, or is empty for unit spacing.
///
/// NumPy equivalent: `numpy.gradient(f, *spacing, edge_order=edge_order)`.
///
/// # Errors
///
/// As [`gradient`]; also [`ArrayError::InvalidValue`] when `spacing` has neither 0, 1 nor
/// `f.ndim()` entries.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{gradient_axes, Spacing};
/// let f = array![[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]];
/// let g = gradient_axes(&f, &[], 1).unwrap();
/// assert_eq!(g[0], array![[2.0, 2.0, -1.0], [2.0, 2.0, -1.0]]);
/// assert_eq!(g[1], array![[1.0, 2.5, 4.0], [1.0, 1.0, 1.0]]);
/// let g = gradient_axes(&f, &[Spacing::Uniform(2.0)], 1).unwrap();
/// assert_eq!(g[0][[0, 0]], 1.0);
/// ```
pub fn gradient_axes<A, S, D>(
    f: &ArrayBase<S, D>,
    spacing: &[Spacing<'_, A>],
    edge_order: usize,
) -> Result<Vec<Array<A, D>>>
where
    A: Float,
    S: Data<Elem = A>,
    D: Dimension,
{
    let nd = f.ndim();
    if !(spacing.len() <= 1 || spacing.len() == nd) {
        return Err(ArrayError::InvalidValue {
            arg: "spacing",
            reason: "invalid number of arguments".into(),
        });
    }
    let unit = Spacing::Uniform(A::one());
    (0..nd)
        .map(|k| {
            let s = match spacing.len() {
                0 => &unit,
                1 => &spacing[0],
                _ => &spacing[k],
            };
            gradient(f, s, edge_order, k as isize)
        })
        .collect()
}

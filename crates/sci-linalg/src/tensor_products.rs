//! NumPy's products beyond `matmul` and `dot`: [`tensordot`], [`inner`], [`outer`], [`vdot`],
//! [`vecdot`], [`cross`], [`trace`] / [`trace_nd`] and [`matrix_transpose`], which `numpy` and
//! `numpy.linalg` (the array API names of NumPy 2) both provide. The contractions
//! ([`tensordot`], [`inner`]) move the summed axes together and run one matrix product, so large
//! operands get the crate's GEMM; the others are one pass over their operands.

use std::ops::{Add, Mul, Neg, Sub};

use ndarray::{Array2, ArrayBase, ArrayD, ArrayView, ArrayViewD, Axis, Data, Dimension, Ix2, IxDyn, Zip};
use num_traits::Zero;
use sci_array::normalize_axis;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;
use crate::products::matmul_c;

/// Which axes [`tensordot`] sums over: NumPy's `axes` argument.
///
/// `From<usize>` gives [`TensordotAxes::Count`], `From<([isize; N], [isize; N])>` and
/// `From<(Vec<isize>, Vec<isize>)>` give [`TensordotAxes::Pairs`].
///
/// # Examples
///
/// ```
/// use sci_linalg::TensordotAxes;
/// assert_eq!(TensordotAxes::default(), TensordotAxes::Count(2));
/// assert_eq!(TensordotAxes::from(([1, 0], [0, -1])), TensordotAxes::Pairs(vec![1, 0], vec![0, -1]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TensordotAxes {
    /// The last `n` axes of `a` with the first `n` axes of `b`, in order (NumPy's integer
    /// `axes`; the default is 2).
    Count(usize),
    /// Axis `.0[i]` of `a` with axis `.1[i]` of `b` (negative axes count from the end).
    Pairs(Vec<isize>, Vec<isize>),
}

impl Default for TensordotAxes {
    fn default() -> Self {
        TensordotAxes::Count(2)
    }
}

impl From<usize> for TensordotAxes {
    fn from(n: usize) -> Self {
        TensordotAxes::Count(n)
    }
}

impl<const N: usize> From<([isize; N], [isize; N])> for TensordotAxes {
    fn from((a, b): ([isize; N], [isize; N])) -> Self {
        TensordotAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

impl From<(Vec<isize>, Vec<isize>)> for TensordotAxes {
    fn from((a, b): (Vec<isize>, Vec<isize>)) -> Self {
        TensordotAxes::Pairs(a, b)
    }
}

/// The summed axes of `a` and `b` as indices, checked as NumPy checks them.
fn summed_axes(axes: &TensordotAxes, nda: usize, ndb: usize) -> Result<(Vec<usize>, Vec<usize>)> {
    let (sa, sb) = match axes {
        TensordotAxes::Count(n) => {
            let n = *n;
            if n > nda || n > ndb {
                let reason = format!("cannot sum over {n} axes of operands with {nda} and {ndb} dimensions");
                return Err(invalid("axes", reason));
            }
            ((nda - n..nda).collect(), (0..n).collect())
        }
        TensordotAxes::Pairs(xa, xb) => {
            if xa.len() != xb.len() {
                let reason = format!(
                    "a and b must name as many axes each, got {} and {} (shape-mismatch for sum)",
                    xa.len(),
                    xb.len()
                );
                return Err(invalid("axes", reason));
            }
            let norm = |xs: &[isize], nd| {
                xs.iter().map(|&x| normalize_axis(x, nd, "axes")).collect::<std::result::Result<Vec<_>, _>>()
            };
            (norm(xa, nda)?, norm(xb, ndb)?)
        }
    };
    for s in [&sa, &sb] {
        if s.iter().enumerate().any(|(i, x)| s[..i].contains(x)) {
            return Err(invalid("axes", "duplicate axes are not allowed in tensordot"));
        }
    }
    Ok((sa, sb))
}

/// Tensor dot product: sums the products of `a` and `b` over the axes `axes` names, as
/// NumPy's `tensordot`.
///
/// The result has `a`'s remaining axes, then `b`'s, each in their order. `axes` is
/// [`TensordotAxes::Count`]`(n)` (the last `n` axes of `a` with the first `n` of `b`; 0 is the
/// outer product) or [`TensordotAxes::Pairs`] (`usize` and pairs of arrays convert with
/// `into`). The summed axes are moved together and the sum runs as one matrix product, so large
/// operands get the crate's GEMM. Real and complex types; no conjugation.
///
/// NumPy equivalent: `numpy.tensordot(a, b, axes)` and `numpy.linalg.tensordot`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when paired axes differ in length (NumPy: "shape-mismatch
/// for sum"); an invalid-value error naming `axes` for more summed axes than an operand has,
/// lists of different lengths or a repeated axis (NumPy: "duplicate axes are not allowed in
/// tensordot"); an axis-out-of-bounds error for an axis that `a` or `b` does not have.
///
/// # Examples
///
/// ```
/// use sci_linalg::{tensordot, TensordotAxes};
/// use sci_linalg::sci_array::ndarray::{array, Array3};
/// let a = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| (i + j * k) as f64);
/// let b = Array3::from_shape_fn((3, 4, 5), |(i, j, k)| (i * j + k) as f64);
/// // the default axes=2 sums over a's last two axes and b's first two: shape (2, 5)
/// let c = tensordot(&a, &b, TensordotAxes::default())?;
/// assert_eq!(c.shape(), &[2, 5]);
/// let want: f64 = (0..3).flat_map(|j| (0..4).map(move |k| (1 + j * k) as f64 * (j * k + 2) as f64)).sum();
/// assert_eq!(c[[1, 2]], want);
/// // axes=([1, 0], [0, 1]) pairs a's axis 1 with b's axis 0 and a's axis 0 with b's axis 1
/// let d = tensordot(&array![[1.0, 2.0], [3.0, 4.0]], &array![[1.0, 0.0], [0.0, 1.0]], ([1, 0], [0, 1]))?;
/// assert_eq!(d.into_dimensionality::<sci_linalg::sci_array::ndarray::Ix0>().unwrap()[()], 5.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn tensordot<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    axes: impl Into<TensordotAxes>,
) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (sa, sb) = summed_axes(&axes.into(), a.ndim(), b.ndim())?;
    contract(a.view().into_dyn(), b.view().into_dyn(), &sa, &sb)
}

/// The contraction of `a`'s axes `sa` with `b`'s axes `sb` (checked indices): the summed axes
/// moved together and one matrix product (also [`dot_nd`](crate::dot_nd)'s).
pub(crate) fn contract<T: LinalgScalar>(
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    sa: &[usize],
    sb: &[usize],
) -> Result<ArrayD<T>> {
    for (&i, &j) in sa.iter().zip(sb) {
        if a.shape()[i] != b.shape()[j] {
            let expected = format!(
                "length {} on axis {j}, as axis {i} of `a` {:?} (shape-mismatch for sum)",
                a.shape()[i],
                a.shape()
            );
            return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
        }
    }
    let free_a: Vec<usize> = (0..a.ndim()).filter(|i| !sa.contains(i)).collect();
    let free_b: Vec<usize> = (0..b.ndim()).filter(|i| !sb.contains(i)).collect();
    let len = |x: &ArrayViewD<'_, T>, axes: &[usize]| axes.iter().map(|&i| x.shape()[i]).product::<usize>();
    let (p, k, q) = (len(&a, &free_a), len(&a, sa), len(&b, &free_b));
    let shape: Vec<usize> =
        free_a.iter().map(|&i| a.shape()[i]).chain(free_b.iter().map(|&i| b.shape()[i])).collect();
    // Each operand with its axes reordered, as a matrix: a view when that order is C order
    // already, else a C-ordered copy.
    let a2 = a.permuted_axes(free_a.iter().chain(sa).copied().collect::<Vec<_>>());
    let a2 = a2.as_standard_layout();
    let a2 = a2.view().into_shape_with_order((p, k)).expect("standard layout, p * k values");
    let b2 = b.permuted_axes(sb.iter().chain(&free_b).copied().collect::<Vec<_>>());
    let b2 = b2.as_standard_layout();
    let b2 = b2.view().into_shape_with_order((k, q)).expect("standard layout, k * q values");
    let out = if k == 0 { Array2::zeros((p, q)) } else { matmul_c(a2, b2) };
    Ok(out.into_shape_with_order(IxDyn(&shape)).expect("C-ordered product, p * q values"))
}

/// Inner product over the last axes: `out[i.., j..] = sum_k a[i.., k] * b[j.., k]`, of shape
/// `a.shape[:-1] + b.shape[:-1]`; a 0-d operand multiplies the other element-wise. No
/// conjugation (for the conjugated product of vectors see [`vdot`] and [`vecdot`]).
///
/// NumPy equivalent: `numpy.inner(a, b)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the last axes differ in length (NumPy: "shapes (2,3)
/// and (2,4) not aligned").
///
/// # Examples
///
/// ```
/// use sci_linalg::inner;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]];
/// let b = array![[1.0, 1.0, 1.0], [2.0, 0.0, -1.0]];
/// assert_eq!(inner(&a, &b)?, array![[6.0, -1.0], [1.0, 0.0]].into_dyn());
/// assert_eq!(inner(&array![1.0, 2.0], &array![3.0, 4.0])?[[]], 11.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn inner<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if a.ndim() == 0 || b.ndim() == 0 {
        return crate::products::dot_nd(a, b);
    }
    contract(a.view().into_dyn(), b.view().into_dyn(), &[a.ndim() - 1], &[b.ndim() - 1])
}

/// Outer product: `out[i, j] = a[i] * b[j]` of the flattened (C order) operands, an
/// `(a.len(), b.len())` matrix. Any element type with a product (integers too).
///
/// NumPy equivalent: `numpy.outer(a, b)`; also `numpy.linalg.outer(x1, x2)`, which takes 1-d
/// operands only (pass `Array1`s for its check).
///
/// # Examples
///
/// ```
/// use sci_linalg::outer;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(outer(&array![1, 2], &array![1, 10, 100]), array![[1, 10, 100], [2, 20, 200]]);
/// // n-d operands are flattened first, as in NumPy
/// assert_eq!(outer(&array![[1.0, 2.0], [3.0, 4.0]], &array![2.0]).shape(), &[4, 1]);
/// ```
pub fn outer<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Array2<T>
where
    T: Copy + Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let bs: Vec<T> = b.iter().copied().collect();
    let mut data = Vec::with_capacity(a.len() * bs.len());
    for &x in a.iter() {
        data.extend(bs.iter().map(|&y| x * y));
    }
    Array2::from_shape_vec((a.len(), bs.len()), data).expect("a.len() * b.len() values")
}

/// Dot product of the flattened operands with the first one conjugated: `sum(conj(a) * b)`.
///
/// NumPy equivalent: `numpy.vdot(a, b)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the operands hold different numbers of elements (NumPy:
/// "cannot reshape array of size 5 into shape (6,)").
///
/// # Examples
///
/// ```
/// use sci_linalg::vdot;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![C::new(1.0, 2.0), C::new(3.0, 4.0)];
/// let b = array![C::new(5.0, 6.0), C::new(7.0, 8.0)];
/// assert_eq!(vdot(&a, &b)?, C::new(70.0, -8.0));
/// assert_eq!(vdot(&array![[1.0, 4.0], [5.0, 6.0]], &array![4.0, 1.0, 2.0, 2.0])?, 30.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn vdot<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<T>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if a.len() != b.len() {
        let expected = format!("{} elements, as `a` {:?}", a.len(), a.shape());
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    Ok(a.iter().zip(b.iter()).fold(T::zero(), |s, (&x, &y)| s + LinalgScalar::conj(x) * y))
}

/// `x` with axis `axis` moved last.
fn axis_last<T>(x: ArrayViewD<'_, T>, axis: usize) -> ArrayViewD<'_, T> {
    let perm: Vec<usize> = (0..x.ndim()).filter(|&i| i != axis).chain([axis]).collect();
    x.permuted_axes(perm)
}

/// The broadcast shape of `a`'s and `b`'s axes but the last, then `n`.
fn lead_shape<T>(a: &ArrayViewD<'_, T>, b: &ArrayViewD<'_, T>) -> Result<Vec<usize>> {
    let (na, nb) = (a.ndim() - 1, b.ndim() - 1);
    Ok(sci_array::broadcast_shapes(&[&a.shape()[..na], &b.shape()[..nb]])?)
}

/// Vector dot product along `axis` of each operand, the first conjugated: `out[i..] =
/// sum_k conj(a[i.., k]) * b[i.., k]` with `axis` in the role of `k` (negative counts from the
/// end, -1 in NumPy), the other axes broadcast against each other (NumPy's rules) into the
/// shape of the result.
///
/// NumPy equivalent: `numpy.vecdot(x1, x2, axis=axis)` and `numpy.linalg.vecdot`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the two `axis` lengths differ (NumPy: "Input operand 1
/// has a mismatch in its core dimension 0"); a broadcast error when the other axes do not
/// broadcast; an axis-out-of-bounds error naming `axis` (also for 0-d operands).
///
/// # Examples
///
/// ```
/// use sci_linalg::vecdot;
/// use sci_linalg::sci_array::ndarray::array;
/// let v = array![[0.0, 5.0, 0.0], [0.0, 0.0, 10.0], [0.0, 6.0, 8.0]];
/// let n = array![0.0, 0.5, 0.75];
/// // each row of v against n
/// assert_eq!(vecdot(&v, &n, -1)?, array![2.5, 7.5, 9.0].into_dyn());
/// // each column instead
/// assert_eq!(vecdot(&v, &n, 0)?, array![0.0, 4.5, 11.0].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn vecdot<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    axis: isize,
) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (ia, ib) = (normalize_axis(axis, a.ndim(), "axis")?, normalize_axis(axis, b.ndim(), "axis")?);
    let (n, nb) = (a.shape()[ia], b.shape()[ib]);
    if n != nb {
        let expected = format!("length {n} on axis {axis}, as `a` {:?}", a.shape());
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    let (xa, xb) = (axis_last(a.view().into_dyn(), ia), axis_last(b.view().into_dyn(), ib));
    let mut shape = lead_shape(&xa, &xb)?;
    shape.push(n);
    let (va, vb) =
        (sci_array::broadcast_to(&xa, IxDyn(&shape))?, sci_array::broadcast_to(&xb, IxDyn(&shape))?);
    let last = Axis(shape.len() - 1);
    Ok(Zip::from(va.lanes(last))
        .and(vb.lanes(last))
        .map_collect(|x, y| x.iter().zip(y).fold(T::zero(), |s, (&p, &q)| s + LinalgScalar::conj(p) * q)))
}

/// Options of [`cross_with`]: NumPy's `axisa`, `axisb`, `axisc` and `axis` keywords.
///
/// # Examples
///
/// ```
/// use sci_linalg::CrossOptions;
/// let o = CrossOptions::default();
/// assert_eq!((o.axisa, o.axisb, o.axisc, o.axis), (-1, -1, -1, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossOptions {
    /// The axis of `a` that holds its vectors (default -1, the last).
    pub axisa: isize,
    /// The axis of `b` that holds its vectors (default -1).
    pub axisb: isize,
    /// The axis of the result that holds the product vectors (default -1; unused when both
    /// operands hold 2-vectors, whose products are scalars).
    pub axisc: isize,
    /// When set, the axis for all three, overriding them (NumPy's `axis`).
    pub axis: Option<isize>,
}

impl Default for CrossOptions {
    fn default() -> Self {
        CrossOptions { axisa: -1, axisb: -1, axisc: -1, axis: None }
    }
}

/// Cross product of (arrays of) vectors along the last axis: [`cross_with`] with the default
/// [`CrossOptions`].
///
/// NumPy equivalent: `numpy.cross(a, b)`; `numpy.linalg.cross(x1, x2)` is the same for
/// 3-vectors (it rejects 2-vectors, which `numpy.cross` still takes with a deprecation warning).
///
/// # Errors
///
/// As [`cross_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::cross;
/// use sci_linalg::sci_array::ndarray::array;
/// let x = array![1.0, 0.0, 0.0];
/// let y = array![0.0, 1.0, 0.0];
/// assert_eq!(cross(&x, &y)?, array![0.0, 0.0, 1.0].into_dyn());
/// // rows of vectors against one vector, broadcast
/// let rows = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(cross(&rows, &array![1, 0, 0])?, array![[0, 3, -2], [0, 6, -5]].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cross<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<T>>
where
    T: Copy + Neg<Output = T> + Sub<Output = T> + Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    cross_with(a, b, CrossOptions::default())
}

/// Cross product of the vectors on axis `opts.axisa` of `a` and `opts.axisb` of `b`, the other
/// axes broadcast against each other (NumPy's rules).
///
/// Vectors have 2 or 3 components; a 2-vector has a zero third one. Two 3-vectors (or a 2- and a
/// 3-vector) give 3-vectors, placed on axis `opts.axisc` of the result; two 2-vectors give the
/// third component alone, a scalar, so the result has the broadcast shape only. The products are
/// NumPy's, term for term (a missing component's terms are left out, not multiplied by 0, so
/// infinities give what NumPy gives). Any element type with products and differences (integers
/// and complex numbers too; no conjugation).
///
/// NumPy equivalent: `numpy.cross(a, b, axisa, axisb, axisc, axis)`; `numpy.linalg.cross(x1,
/// x2, axis=k)` is `axis: Some(k)` on 3-vectors.
///
/// # Errors
///
/// An invalid-value error naming `a` or `b` when its vectors have other than 2 or 3
/// components (NumPy: "incompatible dimensions for cross product (dimension must be 2 or 3)");
/// a broadcast error when the other axes do not broadcast; an axis-out-of-bounds error naming
/// `axisa`, `axisb` or `axisc` (0-d operands have no axis).
///
/// # Examples
///
/// ```
/// use sci_linalg::{cross_with, CrossOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// // vectors in the columns of a and b, products in the columns of the result
/// let a = array![[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
/// let b = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]];
/// let c = cross_with(&a, &b, CrossOptions { axis: Some(0), ..Default::default() })?;
/// assert_eq!(c, array![[0.0, 1.0], [0.0, 0.0], [1.0, 0.0]].into_dyn());
/// // two 2-vectors: the z component only
/// assert_eq!(cross_with(&array![1.0, 2.0], &array![3.0, 4.0], CrossOptions::default())?[[]], -2.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cross_with<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    opts: CrossOptions,
) -> Result<ArrayD<T>>
where
    T: Copy + Neg<Output = T> + Sub<Output = T> + Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (axisa, axisb, axisc) = match opts.axis {
        Some(k) => (k, k, k),
        None => (opts.axisa, opts.axisb, opts.axisc),
    };
    let (ia, ib) = (normalize_axis(axisa, a.ndim(), "axisa")?, normalize_axis(axisb, b.ndim(), "axisb")?);
    let (na, nb) = (a.shape()[ia], b.shape()[ib]);
    for (arg, n) in [("a", na), ("b", nb)] {
        if n != 2 && n != 3 {
            let reason =
                format!("incompatible dimensions for cross product (dimension must be 2 or 3), got {n}");
            return Err(invalid(arg, reason));
        }
    }
    let (xa, xb) = (axis_last(a.view().into_dyn(), ia), axis_last(b.view().into_dyn(), ib));
    let lead = lead_shape(&xa, &xb)?;
    let shape = |n: usize| IxDyn(&lead.iter().copied().chain([n]).collect::<Vec<_>>());
    let (va, vb) = (sci_array::broadcast_to(&xa, shape(na))?, sci_array::broadcast_to(&xb, shape(nb))?);
    let last = Axis(lead.len());
    let lanes = || Zip::from(va.lanes(last)).and(vb.lanes(last));
    if na == 2 && nb == 2 {
        return Ok(lanes().map_collect(|x, y| x[0] * y[1] - x[1] * y[0]));
    }
    let ic = normalize_axis(axisc, lead.len() + 1, "axisc")?;
    // NumPy's terms for each pair of lengths (`numpy/_core/numeric.py`).
    let product = |x: ArrayView<'_, T, ndarray::Ix1>, y: ArrayView<'_, T, ndarray::Ix1>| -> [T; 3] {
        let z = x[0] * y[1] - x[1] * y[0];
        match (na, nb) {
            (3, 3) => [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], z],
            (2, _) => [x[1] * y[2], -(x[0] * y[2]), z],
            _ => [-(x[2] * y[1]), x[2] * y[0], z],
        }
    };
    let triples: ArrayD<[T; 3]> = lanes().map_collect(product);
    let mut data = Vec::with_capacity(triples.len() * 3);
    for t in &triples {
        data.extend_from_slice(t);
    }
    let out = ArrayD::from_shape_vec(shape(3), data).expect("three values per vector");
    let mut perm: Vec<usize> = (0..lead.len()).collect();
    perm.insert(ic, lead.len());
    Ok(out.permuted_axes(perm).as_standard_layout().into_owned())
}

/// Sum of the diagonal `offset` of a matrix (above the main one for positive `offset`, below
/// for negative; 0 when the diagonal is outside the matrix).
///
/// For n-d arrays and other axes see [`trace_nd`].
///
/// NumPy equivalent: `numpy.trace(a, offset)` for a 2-d `a`.
///
/// # Examples
///
/// ```
/// use sci_linalg::trace;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
/// assert_eq!(trace(&a, 0), 15);
/// assert_eq!(trace(&a, 1), 8);
/// assert_eq!(trace(&a, -2), 7);
/// assert_eq!(trace(&a, 3), 0);
/// ```
pub fn trace<T, S>(a: &ArrayBase<S, Ix2>, offset: isize) -> T
where
    T: Copy + Zero + Add<Output = T>,
    S: Data<Elem = T>,
{
    let (rows, cols) = a.dim();
    let (i0, j0) = if offset >= 0 { (0, offset.unsigned_abs()) } else { (offset.unsigned_abs(), 0) };
    (0..rows.saturating_sub(i0).min(cols.saturating_sub(j0))).fold(T::zero(), |s, d| s + a[[i0 + d, j0 + d]])
}

/// Sums along the diagonals `offset` of the 2-d sub-arrays on axes `axis1` and `axis2`: the
/// result has the other axes of `a`, in order.
///
/// NumPy equivalent: `numpy.trace(a, offset, axis1, axis2)` (NumPy's defaults are `0, 0, 1`);
/// `numpy.linalg.trace(x, offset=k)` is `trace_nd(x, k, -2, -1)`.
///
/// # Errors
///
/// An invalid-value error for fewer than 2 dimensions or equal axes (NumPy: "diag requires an
/// array of at least two dimensions"), an axis-out-of-bounds error for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_linalg::trace_nd;
/// use sci_linalg::sci_array::ndarray::{array, Array3};
/// let a = Array3::from_shape_fn((2, 3, 3), |(k, i, j)| (100 * k + 10 * i + j) as f64);
/// // numpy.linalg.trace: one trace per matrix of the stack
/// assert_eq!(trace_nd(&a, 0, -2, -1)?, array![33.0, 333.0].into_dyn());
/// assert_eq!(trace_nd(&a, 1, -2, -1)?, array![13.0, 213.0].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn trace_nd<T, S, D>(a: &ArrayBase<S, D>, offset: isize, axis1: isize, axis2: isize) -> Result<ArrayD<T>>
where
    T: Copy + Zero + Add<Output = T>,
    S: Data<Elem = T>,
    D: Dimension,
{
    let d = sci_array::diagonal(a, offset, axis1, axis2)?;
    let last = Axis(d.ndim() - 1);
    Ok(d.map_axis(last, |lane| lane.iter().fold(T::zero(), |s, &x| s + x)))
}

/// A view of `a` with its last two axes swapped: the transpose of each matrix of a stack.
///
/// NumPy equivalent: `numpy.linalg.matrix_transpose(x)` (also `numpy.matrix_transpose` and the
/// `.mT` attribute).
///
/// # Errors
///
/// An invalid-value error for fewer than 2 dimensions (NumPy: "Input array must be at least
/// 2-dimensional").
///
/// # Examples
///
/// ```
/// use sci_linalg::matrix_transpose;
/// use sci_linalg::sci_array::ndarray::Array3;
/// let a = Array3::from_shape_fn((2, 3, 4), |(k, i, j)| 100 * k + 10 * i + j);
/// let t = matrix_transpose(&a)?;
/// assert_eq!(t.shape(), &[2, 4, 3]);
/// assert_eq!(t[[1, 3, 2]], 123);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_transpose<T, S, D>(a: &ArrayBase<S, D>) -> Result<ArrayView<'_, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    if nd < 2 {
        return Err(invalid("a", format!("input array must be at least 2-dimensional, but it is {nd}")));
    }
    let mut v = a.view();
    v.swap_axes(nd - 2, nd - 1);
    Ok(v)
}

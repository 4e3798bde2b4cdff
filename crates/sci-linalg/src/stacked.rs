//! NumPy's `matmul` for stacked and 1-d operands and `linalg.multi_dot` with 1-d end operands:
//! the 2-d products of `products.rs`, applied per batch on views (broadcast batches are not
//! copied) and with NumPy's promotion and removal of the 1-d axes.

use ndarray::{ArrayBase, ArrayD, ArrayView2, ArrayViewD, ArrayViewMut2, Axis, Data, Dimension, Ix2, IxDyn};
use sci_array::ArrayError;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::products::{dot_nd, gemm_par, multi_dot};

/// The `(n?,k),(k,m?)->(n?,m?)` signature NumPy's messages quote.
const SIGNATURE: &str = "(n?,k),(k,m?)->(n?,m?)";

/// Stacked matrix product `a @ b` with NumPy's `matmul` rules, for operands of any dimensions
/// (at least 1).
///
/// The last two axes of each operand are its matrices and the axes before them are batch
/// axes, broadcast against each other as NumPy does (missing leading axes and axes of length
/// 1 stretch). A 1-d `a` of length `k` is a `(1, k)` row and a 1-d `b` a `(k, 1)` column;
/// the added axis is removed from the result, so `(k,) @ (k,)` is a 0-d array and
/// `(n, k) @ (k,)` has shape `(n,)`. Every batch product is the 2-d [`matmul`](crate::matmul)
/// (the crate's own GEMM for `f64`, faer's for the other types) on views of the operands:
/// broadcast batches and strided, transposed or negative-stride operands are not copied, and
/// when `b` has no batch axes and `a`'s batches are contiguous the whole product is one GEMM.
/// Batch products of at most 512 multiply-adds (`n k m`, e.g. 8 × 8 matrices) skip the GEMM's
/// set-up and run as a plain loop of dot products.
/// The result is C-ordered; zero-length axes give empty results (or zeros when `k == 0`), and
/// NaN and infinity propagate as in NumPy.
///
/// NumPy equivalent: `numpy.matmul(a, b)` (the `@` operator), any `ndim >= 1`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] naming `a` or `b` when it is 0-d (NumPy: "matmul: Input
/// operand 0 does not have enough dimensions ..."), naming `b` when its core dimension `k`
/// differs from `a`'s (NumPy: "... mismatch in its core dimension 0 ... (size 4 is different
/// from 3)"); [`LinalgError::Array`] with [`ArrayError::Broadcast`] when the batch shapes do
/// not broadcast (the message names both shapes).
///
/// # Examples
///
/// ```
/// use sci_linalg::matmul_nd;
/// use sci_linalg::sci_array::ndarray::{array, Array3};
/// // a stack of two (2, 3) matrices times one (3, 2) matrix
/// let a = Array3::from_shape_fn((2, 2, 3), |(s, i, j)| (s * 6 + i * 3 + j) as f64);
/// let b = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
/// let c = matmul_nd(&a, &b)?;
/// assert_eq!(c.shape(), &[2, 2, 2]);
/// assert_eq!(c[[1, 0, 1]], 7.0 + 8.0);
/// // 1-d operands: a row vector on the left, a column vector on the right
/// assert_eq!(matmul_nd(&array![1.0, 2.0], &array![[1.0, 2.0], [3.0, 4.0]])?.into_raw_vec_and_offset().0, vec![7.0, 10.0]);
/// assert_eq!(matmul_nd(&array![1.0, 2.0], &array![3.0, 4.0])?.shape(), &[] as &[usize]);
/// assert!(matmul_nd(&array![1.0, 2.0], &array![1.0, 2.0, 3.0]).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matmul_nd<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    for (i, (arg, ndim)) in [("a", a.ndim()), ("b", b.ndim())].into_iter().enumerate() {
        if ndim == 0 {
            let expected = format!(
                "at least 1 dimension: matmul does not accept scalars (operand {i} has 0, gufunc core with \
                 signature {SIGNATURE} requires 1)"
            );
            return Err(LinalgError::ShapeMismatch { arg, expected, found: vec![] });
        }
    }
    let (a1, b1) = (a.ndim() == 1, b.ndim() == 1);
    let av = if a1 { a.view().into_dyn().insert_axis(Axis(0)) } else { a.view().into_dyn() };
    let bv = if b1 { b.view().into_dyn().insert_axis(Axis(1)) } else { b.view().into_dyn() };
    let (ra, rb) = (av.ndim() - 2, bv.ndim() - 2);
    let (n, k) = (av.shape()[ra], av.shape()[ra + 1]);
    let (kb, m) = (bv.shape()[rb], bv.shape()[rb + 1]);
    if kb != k {
        let expected = format!(
            "length {k} in core dimension 0, as the last axis of `a` {:?} (gufunc signature {SIGNATURE}; \
             size {kb} is different from {k})",
            a.shape()
        );
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    let (ab, bb) = (&av.shape()[..ra], &bv.shape()[..rb]);
    let batch = sci_array::broadcast_shapes(&[ab, bb]).map_err(|_| {
        let shapes = format!("{:?} {:?} (batch dimensions {ab:?} and {bb:?})", a.shape(), b.shape());
        LinalgError::Array(ArrayError::Broadcast { shapes })
    })?;
    let full: Vec<usize> = batch.iter().copied().chain([n, m]).collect();
    let mut out = ArrayD::<T>::zeros(IxDyn(&full));
    let count: usize = batch.iter().product();
    if count > 0 && n > 0 && m > 0 && k > 0 {
        products(&av, &bv, &batch, out.view_mut());
    }
    // NumPy removes the axes it added for 1-d operands: n for `a`, m for `b`.
    let kept: Vec<usize> =
        batch.iter().copied().chain((!a1).then_some(n)).chain((!b1).then_some(m)).collect();
    Ok(out.into_shape_with_order(IxDyn(&kept)).expect("C-ordered result, same size"))
}

/// Fills `out` (`batch + [n, m]`, C-ordered) with the batch products of `a` and `b` (each at
/// least 2-d, batch shapes broadcastable to `batch`, no zero-length axes).
fn products<T: LinalgScalar>(
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
    batch: &[usize],
    mut out: ndarray::ArrayViewMutD<'_, T>,
) {
    let (ra, rb) = (a.ndim() - 2, b.ndim() - 2);
    let (n, k, m) = (a.shape()[ra], a.shape()[ra + 1], b.shape()[rb + 1]);
    let count: usize = batch.iter().product();
    let tiny = n * k * m <= TINY;
    if rb == 0 && ra > 0 && batch.len() == ra {
        // b is one matrix: fold a's batches into its rows when the layout allows (no copy).
        let b2 = b.view().into_dimensionality::<Ix2>().expect("2-d");
        if let Ok(a2) = a.view().into_shape_with_order((count * n, k)) {
            let o2 = out.view_mut().into_shape_with_order((count * n, m)).expect("C-ordered result");
            T::gemm_k(o2, a2, b2, gemm_par(a2, b2));
            return;
        }
    }
    let with = |core: [usize; 2]| -> Vec<usize> { batch.iter().copied().chain(core).collect() };
    let a = a.broadcast(IxDyn(&with([n, k]))).expect("batch shapes broadcast");
    let b = b.broadcast(IxDyn(&with([k, m]))).expect("batch shapes broadcast");
    let mul = |o: ArrayViewMut2<'_, T>, x: ArrayView2<'_, T>, y: ArrayView2<'_, T>| {
        if tiny { product_tiny(o, x, y) } else { T::gemm_k(o, x, y, gemm_par(x, y)) }
    };
    // One batch axis after merging (the usual layouts, also stride-0 broadcasts): plain
    // iteration over the matrices, without multi-index bookkeeping per batch.
    let (a3, b3) =
        (a.view().into_shape_with_order((count, n, k)), b.view().into_shape_with_order((count, k, m)));
    if let (Ok(a3), Ok(b3)) = (a3, b3) {
        let mut o3 = out.into_shape_with_order((count, n, m)).expect("C-ordered result");
        for ((x, y), o) in a3.outer_iter().zip(b3.outer_iter()).zip(o3.outer_iter_mut()) {
            mul(o, x, y);
        }
        return;
    }
    for idx in ndarray::indices(IxDyn(batch)) {
        let idx = idx.slice();
        let mut o = out.view_mut();
        for &i in idx {
            o = o.index_axis_move(Axis(0), i);
        }
        mul(o.into_dimensionality().expect("2-d core"), matrix(a.view(), idx), matrix(b.view(), idx));
    }
}

/// Below this many multiply-adds (`n k m`) a batch product is a plain triple loop: a GEMM
/// call's packing and set-up cost several times the arithmetic of, say, a 3 × 3 product
/// (NumPy's matmul also loops without BLAS where BLAS does not pay).
const TINY: usize = 512;

/// `out = a @ b` by dot products of rows and columns (small sizes).
fn product_tiny<T: LinalgScalar>(mut out: ArrayViewMut2<'_, T>, a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) {
    for (i, mut row) in out.rows_mut().into_iter().enumerate() {
        let ai = a.row(i);
        for (j, o) in row.iter_mut().enumerate() {
            *o = ai.iter().zip(b.column(j)).fold(T::zero(), |s, (&x, &y)| s + x * y);
        }
    }
}

/// The matrix at batch index `idx` of `x` (`idx.len()` leading axes, then two).
pub(crate) fn matrix<'a, T>(mut x: ArrayViewD<'a, T>, idx: &[usize]) -> ArrayView2<'a, T> {
    for &i in idx {
        x = x.index_axis_move(Axis(0), i);
    }
    x.into_dimensionality().expect("2-d core")
}

/// Product of a chain of arrays with NumPy's `multi_dot` rules for 1-d ends: a 1-d first
/// array is a row vector and a 1-d last array a column vector, and the result loses the
/// corresponding axes (two 1-d ends give a 0-d array, one gives a 1-d array).
///
/// With three or more arrays the middle ones must be 2-d and the product is [`multi_dot`]'s
/// (NumPy's cheapest parenthesization; 1-d ends are viewed as `(1, n)` / `(n, 1)` without a
/// copy). With exactly two arrays NumPy calls `dot`, and so does this function
/// ([`dot_nd`](crate::dot_nd): any dimensions, 0-d operands scale).
///
/// NumPy equivalent: `numpy.linalg.multi_dot(arrays)`.
///
/// # Errors
///
/// [`LinalgError::Array`] with an invalid-value error for fewer than two arrays (NumPy's
/// "Expecting at least two arrays."), [`LinalgError::ShapeMismatch`] naming `arrays` when (with
/// three or more) an array other than a 1-d end is not 2-d (NumPy's "3-dimensional array
/// given. Array must be two-dimensional") or when neighbouring shapes do not align.
///
/// # Examples
///
/// ```
/// use sci_linalg::multi_dot_nd;
/// use sci_linalg::sci_array::ndarray::array;
/// let x = array![1.0, 2.0].into_dyn();
/// let a = array![[1.0, 1.0], [0.0, 1.0]].into_dyn();
/// let y = array![3.0, 4.0].into_dyn();
/// // x @ a @ a @ y = [1, 4] @ y, a 0-d result
/// let r = multi_dot_nd(&[x.view(), a.view(), a.view(), y.view()])?;
/// assert_eq!(r.shape(), &[] as &[usize]);
/// assert_eq!(r.into_raw_vec_and_offset().0, vec![1.0 * 3.0 + 4.0 * 4.0]);
/// // a @ a @ y: a 1-d result
/// assert_eq!(multi_dot_nd(&[a.view(), a.view(), y.view()])?, array![11.0, 4.0].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn multi_dot_nd<T: LinalgScalar>(arrays: &[ArrayViewD<'_, T>]) -> Result<ArrayD<T>> {
    match arrays.len() {
        0 | 1 => return Err(crate::error::invalid("arrays", "Expecting at least two arrays.")),
        2 => return dot_nd(&arrays[0], &arrays[1]),
        _ => {}
    }
    let last = arrays.len() - 1;
    let (row, col) = (arrays[0].ndim() == 1, arrays[last].ndim() == 1);
    let mut mats: Vec<ArrayView2<'_, T>> = Vec::with_capacity(arrays.len());
    for (i, x) in arrays.iter().enumerate() {
        let x = match (i, x.ndim()) {
            (0, 1) if row => x.view().insert_axis(Axis(0)),
            (i, 1) if i == last && col => x.view().insert_axis(Axis(1)),
            _ => x.view(),
        };
        let m = x.into_dimensionality::<Ix2>().map_err(|_| LinalgError::ShapeMismatch {
            arg: "arrays",
            expected: format!(
                "a 2-d array at arrays[{i}] ({}-dimensional array given. Array must be two-dimensional)",
                arrays[i].ndim()
            ),
            found: arrays[i].shape().to_vec(),
        })?;
        mats.push(m);
    }
    let mut out = multi_dot(&mats)?.into_dyn();
    // The added axes have length 1: drop them (column first, so that axis 0 stays the row).
    if col {
        out = out.index_axis_move(Axis(1), 0);
    }
    if row {
        out = out.index_axis_move(Axis(0), 0);
    }
    Ok(out)
}

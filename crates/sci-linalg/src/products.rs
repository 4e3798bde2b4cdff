//! Matrix products: NumPy's `matmul`, `dot` (2-d operands) and `linalg.multi_dot`, through the
//! crate's own blocked AVX2 GEMM for `f64` ([`crate::blas::dgemm`]), its AVX-512 GEMM for
//! complex128, complex64 and `f32` on CPUs that have it (`blas::zgemm`), and faer's GEMM for
//! the other cases (blocked, SIMD, two threads for large sizes).

use ndarray::{Array2, ArrayBase, ArrayD, ArrayView2, Data, Dimension, Ix2};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::parallel::{Kernel, gemm_flops, par_for, real_flops};

/// `a @ b` into a new Fortran-order matrix (shapes are checked by the callers).
pub(crate) fn matmul_unchecked<T: LinalgScalar>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    T::gemm_new_k(a, b, false, gemm_par(a, b))
}

/// `a @ b` into a new C-order (row-major) matrix, NumPy's layout for `matmul`'s result. For
/// C-order operands this is also the faster layout: the GEMM computes `outᵀ = bᵀ aᵀ` with
/// column-major factors, whose packing copies contiguous columns.
pub(crate) fn matmul_c<T: LinalgScalar>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    T::gemm_new_k(a, b, true, gemm_par(a, b))
}

/// The threads for `a @ b`: the crate's GEMMs (`f64`; complex and `f32` with AVX-512F) from
/// 2e6 real flops on (100³ real, 64³ complex), faer's from about 370³ (`f32` and complex
/// without AVX-512F) and when no other process is runnable.
pub(crate) fn gemm_par<T: LinalgScalar>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> faer::Par {
    let own = std::any::TypeId::of::<T>() == std::any::TypeId::of::<f64>();
    let flops = gemm_flops(a.nrows(), b.ncols(), a.ncols());
    #[cfg(target_arch = "x86_64")]
    let own_avx512 = crate::blas::zgemm::enabled::<T>();
    #[cfg(not(target_arch = "x86_64"))]
    let own_avx512 = false;
    if own_avx512 {
        par_for(Kernel::Dgemm, real_flops::<T>(flops))
    } else if T::IS_COMPLEX {
        par_for(Kernel::ComplexGemm, real_flops::<T>(flops))
    } else if own {
        par_for(Kernel::Dgemm, flops)
    } else {
        par_for(Kernel::SingleGemm, flops)
    }
}

/// The shape check of a product: `a.ncols() == b.nrows()`, NumPy's "core dimension" error.
fn check_inner(a: (usize, usize), b: (usize, usize), arg: &'static str, what: &str) -> Result<()> {
    if a.1 == b.0 {
        Ok(())
    } else {
        let expected = format!("{} rows to match the ({}, {}) {what}", a.1, a.0, a.1);
        Err(LinalgError::ShapeMismatch { arg, expected, found: vec![b.0, b.1] })
    }
}

/// Matrix product `a @ b` of two 2-d arrays, by a blocked, SIMD and (for large sizes)
/// two-threaded GEMM: the crate's AVX2 / AVX-512 kernel for `f64`; on CPUs with AVX-512F its
/// complex / `f32` kernel for complex128, complex64 and `f32`; without AVX-512F, complex128
/// products of about 130² to 370² through the real form of the complex matrices on the `f64`
/// kernel, and faer's GEMM for the rest.
///
/// Any strides are accepted (transposed and sliced views are not copied first); the result is
/// C-ordered, as NumPy's. NaN and infinity propagate as in NumPy (no finiteness check); `(m, 0) @ (0,
/// n)` is an `(m, n)` matrix of zeros.
///
/// NumPy equivalent: `numpy.matmul` (the `@` operator) for 2-d operands; stacked and 1-d
/// operands are [`matmul_nd`](crate::matmul_nd). SciPy equivalent: none (SciPy uses `@`).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `a.ncols() != b.nrows()` (NumPy: "matmul: Input
/// operand 1 has a mismatch in its core dimension 0").
///
/// # Examples
///
/// ```
/// use sci_linalg::matmul;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]];
/// assert_eq!(matmul(&a, &b)?, array![[21.0, 24.0, 27.0], [47.0, 54.0, 61.0]]);
/// assert_eq!(matmul(&a.t(), &a)?, array![[10.0, 14.0], [14.0, 20.0]]);
/// assert!(matmul(&a, &array![[1.0, 2.0]]).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matmul<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_inner(a.dim(), b.dim(), "b", "`a`")?;
    Ok(matmul_c(a.view(), b.view()))
}

/// NumPy's `dot` for operands of any dimensions: a sum product over the last axis of `a` and
/// the second-to-last axis of `b` (its only axis when `b` is 1-d).
///
/// The result has shape `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`; a 0-d operand multiplies
/// the other element-wise, two 1-d operands give a 0-d inner product. The work is one matrix
/// product (`a` as `(prod(a.shape[:-1]), k)` times `b` with its summed axis moved first), so
/// large operands get the crate's GEMM.
///
/// NumPy equivalent: `numpy.dot(a, b)` (any `ndim`).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the summed axes differ in length (NumPy: "shapes (2,3)
/// and (4,5) not aligned").
///
/// # Examples
///
/// ```
/// use sci_linalg::dot_nd;
/// use sci_linalg::sci_array::ndarray::{array, Array3};
/// // (2, 2, 3) . (3,) sums over the last axis of a
/// let a = Array3::from_shape_fn((2, 2, 3), |(i, j, k)| (i * 6 + j * 3 + k) as f64);
/// let d = dot_nd(&a, &array![1.0, 0.0, -1.0])?;
/// assert_eq!(d.shape(), &[2, 2]);
/// assert_eq!(d[[1, 0]], 6.0 - 8.0);
/// // (2, 3) . (4, 3, 5) -> (2, 4, 5)
/// let b = Array3::<f64>::ones((4, 3, 5));
/// assert_eq!(dot_nd(&array![[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]], &b)?.shape(), &[2, 4, 5]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn dot_nd<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if a.ndim() == 0 || b.ndim() == 0 {
        let (s, other) = if a.ndim() == 0 {
            (a.iter().next(), b.view().into_dyn())
        } else {
            (b.iter().next(), a.view().into_dyn())
        };
        let s = *s.expect("a 0-d array holds one value");
        return Ok(other.mapv(|x| s * x));
    }
    let k = a.shape()[a.ndim() - 1];
    let axis = b.ndim().saturating_sub(2);
    if b.shape()[axis] != k {
        let expected = format!(
            "length {k} on axis {axis}, as the last axis (dim {}) of `a` {:?}",
            a.ndim() - 1,
            a.shape()
        );
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    crate::tensor_products::contract(a.view().into_dyn(), b.view().into_dyn(), &[a.ndim() - 1], &[axis])
}

/// Dot product of two 2-d arrays: the matrix product, as [`matmul`].
///
/// For 1-d and n-d operands (NumPy's sum over the last axis of `a` and the second-to-last of
/// `b`) see [`dot_nd`].
///
/// NumPy equivalent: `numpy.dot` with two 2-d operands.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `a.ncols() != b.nrows()` (NumPy: "shapes (2,2) and
/// (1,2) not aligned").
///
/// # Examples
///
/// ```
/// use sci_linalg::dot;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 0.0], [0.0, 1.0]];
/// let b = array![[4.0, 1.0], [2.0, 2.0]];
/// assert_eq!(dot(&a, &b)?, array![[4.0, 1.0], [2.0, 2.0]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn dot<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    matmul(a, b)
}

/// Product of a chain of 2-d arrays `arrays[0] @ arrays[1] @ ...`, evaluated in the order of
/// fewest scalar multiplications (NumPy's dynamic-programming matrix-chain order; the closed
/// form for three matrices).
///
/// The grouping changes only rounding, not the value.
///
/// NumPy equivalent: `numpy.linalg.multi_dot` with 2-d arrays; 1-d first and last arrays are
/// [`multi_dot_nd`](crate::multi_dot_nd).
///
/// # Errors
///
/// [`LinalgError::Array`] wrapping an invalid-value error for fewer than two arrays (NumPy's
/// "Expecting at least two arrays."), [`LinalgError::ShapeMismatch`] for
/// `arrays` (the message names the index) when a matrix's rows differ from the columns of the
/// one before it.
///
/// # Examples
///
/// ```
/// use sci_linalg::multi_dot;
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// let a = Array2::from_shape_fn((10, 100), |(i, j)| (i + j) as f64);
/// let b = Array2::from_shape_fn((100, 5), |(i, j)| (i * j) as f64 / 100.0);
/// let c = Array2::from_shape_fn((5, 50), |(i, j)| (i as f64) - (j as f64));
/// let m = multi_dot(&[a.view(), b.view(), c.view()])?; // (a @ b) @ c: 7,500 multiplications
/// assert_eq!(m, a.dot(&b).dot(&c));
/// assert_eq!(multi_dot(&[array![[2.0]].view(), array![[3.0]].view()])?, array![[6.0]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn multi_dot<T: LinalgScalar>(arrays: &[ArrayView2<'_, T>]) -> Result<Array2<T>> {
    if arrays.len() < 2 {
        return Err(crate::error::invalid("arrays", "Expecting at least two arrays."));
    }
    for (i, w) in arrays.windows(2).enumerate() {
        check_inner(w[0].dim(), w[1].dim(), "arrays", &format!("arrays[{i}] (at arrays[{}])", i + 1))?;
    }
    let n = arrays.len();
    // p[i], p[i + 1]: the shape of arrays[i].
    let mut p: Vec<f64> = arrays.iter().map(|a| a.nrows() as f64).collect();
    p.push(arrays[n - 1].ncols() as f64);
    // NumPy's _multi_dot_matrix_chain_order: s[i][j] = the split of arrays[i..=j].
    let mut m = vec![vec![0.0f64; n]; n];
    let mut s = vec![vec![0usize; n]; n];
    for l in 1..n {
        for i in 0..n - l {
            let j = i + l;
            m[i][j] = f64::INFINITY;
            for k in i..j {
                let q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1];
                if q < m[i][j] {
                    m[i][j] = q;
                    s[i][j] = k;
                }
            }
        }
    }
    Ok(chain(arrays, &s, 0, n - 1))
}

fn chain<T: LinalgScalar>(arrays: &[ArrayView2<'_, T>], s: &[Vec<usize>], i: usize, j: usize) -> Array2<T> {
    if i == j {
        return arrays[i].to_owned();
    }
    let k = s[i][j];
    let left = if k == i { None } else { Some(chain(arrays, s, i, k)) };
    let right = if k + 1 == j { None } else { Some(chain(arrays, s, k + 1, j)) };
    let lv = left.as_ref().map_or(arrays[i], |x| x.view());
    let rv = right.as_ref().map_or(arrays[j], |x| x.view());
    matmul_unchecked(lv, rv)
}

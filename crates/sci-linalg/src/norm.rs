//! Norms and condition numbers: `norm`, `cond`, `matrix_rank`.

use ndarray::{ArrayBase, Axis, Data, Dimension, Ix2};
use sci_array::ArrayError;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::inv;
use crate::scalar::{LinalgFloat, check_finite};
use crate::svd::singular_values;

/// The `ord` argument of [`norm`] and [`cond`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NormOrd {
    /// `'fro'`: Frobenius norm (matrices only; the default for matrices).
    Fro,
    /// `'nuc'`: nuclear norm, the sum of singular values (matrices only).
    Nuc,
    /// `inf`: max |x| for vectors, max absolute row sum for matrices.
    Inf,
    /// `-inf`: min |x| for vectors, min absolute row sum for matrices.
    NegInf,
    /// A number `p`. Vectors: `(Σ|x|^p)^(1/p)`, with `0` counting non-zeros. Matrices:
    /// `1` / `-1` max / min absolute column sum, `2` / `-2` largest / smallest singular value.
    P(f64),
}

/// Matrix or vector norm.
///
/// With `ord = None`: the 2-norm of a vector and the Frobenius norm of a matrix (for more
/// dimensions, the 2-norm of the flattened array). With `Some(ord)` the array must be 1-d or
/// 2-d. The 2-norm and Frobenius norm are computed without overflow or underflow for huge or
/// tiny elements (rescaling, as BLAS `nrm2`).
///
/// SciPy equivalent: `scipy.linalg.norm(a, ord)` (NumPy: `numpy.linalg.norm`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`] for NaN or infinity (SciPy's `check_finite`), an
/// [`ArrayError::InvalidValue`] for an order that does not apply (`'fro'` of a vector,
/// `3` of a matrix, any `ord` beyond 2-d), and [`ArrayError::Empty`] for the minimum-type
/// orders (`-inf` of a vector; `-1`, `-2`, `-inf` of a matrix) over an empty array. As in
/// NumPy 2, the maximum-type orders (`inf`, `1`, `2`) of an empty array are 0 and a negative
/// `p` of an empty vector is `inf`.
///
/// Norms along axes and `keepdims` are [`norm_with`](crate::norm_with).
///
/// # Examples
///
/// ```
/// use sci_linalg::{norm, NormOrd};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[-4.0, -3.0, -2.0], [-1.0, 0.0, 1.0], [2.0, 3.0, 4.0]];
/// let fro: f64 = norm(&a, None).unwrap();
/// assert!((fro - 7.745966692414834).abs() < 1e-14);
/// assert_eq!(norm(&a, Some(NormOrd::Inf)).unwrap(), 9.0);
/// assert_eq!(norm(&a, Some(NormOrd::P(1.0))).unwrap(), 7.0);
/// let two: f64 = norm(&a, Some(NormOrd::P(2.0))).unwrap();
/// assert!((two - 7.348469228349534).abs() < 1e-14);
/// assert_eq!(norm(&array![3.0, -4.0], None).unwrap(), 5.0);
/// assert_eq!(norm(&array![3.0, -4.0], Some(NormOrd::P(1.0))).unwrap(), 7.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::{norm, NormOrd};
/// let v = array![C::new(3.0, 4.0), C::new(0.0, 0.0)];
/// assert_eq!(norm(&v, None)?, 5.0);
/// let a = array![[C::new(0.0, 1.0), C::new(1.0, 0.0)], [C::new(0.0, 0.0), C::new(0.0, -2.0)]];
/// assert_eq!(norm(&a, Some(NormOrd::Inf))?, 2.0);
/// assert!((norm(&a, Some(NormOrd::Nuc))? - sci_linalg::svdvals(&a)?.sum()).abs() < 1e-15);
/// assert!((norm(&a, None)? - 6f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn norm<T, S, D>(a: &ArrayBase<S, D>, ord: Option<NormOrd>) -> Result<RealOf<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    T::norm_k(a.view(), ord)
}

/// [`norm`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn norm_real<T, S, D>(a: &ArrayBase<S, D>, ord: Option<NormOrd>) -> Result<T>
where
    T: LinalgFloat,
    S: Data<Elem = T>,
    D: Dimension,
{
    check_finite(a, "a")?;
    let Some(ord) = ord else {
        return Ok(two_norm(a.iter().copied()));
    };
    match a.ndim() {
        1 => vector_norm(a.iter().copied(), ord),
        2 => {
            let m = a.view().into_dimensionality::<Ix2>().expect("ndim is 2");
            matrix_norm(&m, ord)
        }
        _ => Err(invalid("ord", "Improper number of dimensions to norm.")),
    }
}

/// Overflow-safe Euclidean norm of a sequence.
pub(crate) fn two_norm<T: LinalgFloat>(it: impl Iterator<Item = T> + Clone) -> T {
    let ss = it.clone().fold(T::zero(), |acc, x| acc + x * x);
    let tiny = T::min_positive_value() / T::epsilon();
    if ss.is_finite() && ss >= tiny {
        return ss.sqrt();
    }
    // Rescale by the largest magnitude (only on overflow or underflow).
    let scale = it.clone().fold(T::zero(), |m, x| m.max(x.abs()));
    if scale == T::zero() {
        return T::zero();
    }
    let ss = it.fold(T::zero(), |acc, x| {
        let y = x / scale;
        acc + y * y
    });
    scale * ss.sqrt()
}

fn empty_err(op: &'static str) -> LinalgError {
    LinalgError::Array(ArrayError::Empty { arg: "a", op })
}

/// A vector norm of the moduli `it`, as NumPy 2's `norm`: `inf` of an empty
/// vector is 0 (`max(..., initial=0)`), `-inf` of one is an error, a negative `p` gives
/// `0^(1/p) = inf`, a NaN `p` propagates through `powf`.
pub(crate) fn vector_norm<T: LinalgFloat>(it: impl Iterator<Item = T> + Clone, ord: NormOrd) -> Result<T> {
    let abs = it.clone().map(|x| x.abs());
    Ok(match ord {
        NormOrd::Inf => abs.fold(T::zero(), T::max),
        NormOrd::NegInf => abs.reduce(T::min).ok_or_else(|| empty_err("minimum"))?,
        NormOrd::P(0.0) => T::lit(it.filter(|x| *x != T::zero()).count() as f64),
        NormOrd::P(1.0) => abs.fold(T::zero(), |a, x| a + x),
        NormOrd::P(2.0) => two_norm(it),
        NormOrd::P(p) if p.is_infinite() => {
            return vector_norm(it, if p > 0.0 { NormOrd::Inf } else { NormOrd::NegInf });
        }
        NormOrd::P(p) => {
            let pt = T::lit(p);
            abs.fold(T::zero(), |a, x| a + x.powf(pt)).powf(T::one() / pt)
        }
        NormOrd::Fro => return Err(invalid("ord", "Invalid norm order 'fro' for vectors")),
        NormOrd::Nuc => return Err(invalid("ord", "Invalid norm order 'nuc' for vectors")),
    })
}

/// Maximum of `v` with NumPy 2's `initial=0` (0 for an empty `v`).
pub(crate) fn max0<T: LinalgFloat>(v: impl IntoIterator<Item = T>) -> T {
    v.into_iter().fold(T::zero(), T::max)
}

/// Minimum of `v`; an empty `v` is NumPy's "zero-size array to reduction operation minimum".
pub(crate) fn min_or_err<T: LinalgFloat>(v: impl IntoIterator<Item = T>) -> Result<T> {
    v.into_iter().reduce(T::min).ok_or_else(|| empty_err("minimum"))
}

fn matrix_norm<T: LinalgFloat>(m: &ndarray::ArrayView2<'_, T>, ord: NormOrd) -> Result<T> {
    let abs_sums = |axis: usize| m.map(|x| x.abs()).sum_axis(Axis(axis));
    match ord {
        NormOrd::Fro => Ok(two_norm(m.iter().copied())),
        NormOrd::Nuc => Ok(singular_values(m.view())?.sum()),
        NormOrd::Inf => Ok(max0(abs_sums(1))),
        NormOrd::NegInf => min_or_err(abs_sums(1)),
        NormOrd::P(1.0) => Ok(max0(abs_sums(0))),
        NormOrd::P(-1.0) => min_or_err(abs_sums(0)),
        NormOrd::P(p) if p == f64::INFINITY => Ok(max0(abs_sums(1))),
        NormOrd::P(p) if p == f64::NEG_INFINITY => min_or_err(abs_sums(1)),
        NormOrd::P(2.0) => Ok(max0(singular_values(m.view())?)),
        NormOrd::P(-2.0) => min_or_err(singular_values(m.view())?),
        NormOrd::P(_) => Err(invalid("ord", "Invalid norm order for matrices.")),
    }
}

/// Condition number of a matrix in the norm `p` (`None`: the 2-norm ratio of the largest to
/// the smallest singular value, for any shape).
///
/// For other orders the matrix must be square and the result is `norm(a) · norm(inv(a))`;
/// an exactly singular matrix then has condition number `inf`, as NumPy.
///
/// NumPy equivalent: `numpy.linalg.cond(x, p)` (2-d real and complex input).
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NotSquare`] for a non-square matrix with a `p`
/// other than `None`, `2` or `-2`, [`ArrayError::Empty`] for an empty matrix, and invalid
/// orders as in [`norm`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{cond, NormOrd};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 0.0, -1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]];
/// let c2: f64 = cond(&a, None).unwrap();
/// assert!((c2 - 1.4142135623730951).abs() < 1e-14);
/// let cf: f64 = cond(&a, Some(NormOrd::Fro)).unwrap();
/// assert!((cf - 3.1622776601683795).abs() < 1e-14);
/// assert_eq!(cond(&array![[1.0, 1.0], [1.0, 1.0]], Some(NormOrd::Inf)).unwrap(), f64::INFINITY);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) gives a real condition number:
///
/// ```
/// use sci_linalg::{cond, NormOrd};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(0.0, 2.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(0.5, 0.0)]];
/// assert!((cond(&a, None)? - 4.0).abs() < 1e-15);
/// assert!((cond(&a, Some(NormOrd::Inf))? - 4.0).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cond<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    p: Option<NormOrd>,
) -> Result<RealOf<T>> {
    if !T::IS_COMPLEX {
        // `re` is exact for real T.
        return cond_real(&a.mapv(T::re), p);
    }
    check_finite(a, "a")?;
    if a.is_empty() {
        return Err(LinalgError::Array(ArrayError::Empty { arg: "a", op: "cond" }));
    }
    match p {
        None | Some(NormOrd::P(2.0)) | Some(NormOrd::P(-2.0)) => {
            let s = crate::svd::svdvals(a)?;
            let (hi, lo) = (s[0], s[s.len() - 1]);
            Ok(if p == Some(NormOrd::P(-2.0)) { lo / hi } else { hi / lo })
        }
        Some(ord) => {
            crate::scalar::check_square(a, "a")?;
            let na = norm(a, Some(ord))?;
            match inv(a) {
                Ok(ai) => Ok(na * norm(&ai, Some(ord))?),
                Err(LinalgError::Singular { .. }) => Ok(<RealOf<T> as num_traits::Float>::infinity()),
                Err(e) => Err(e),
            }
        }
    }
}

/// [`cond`] of a real matrix.
fn cond_real<T: LinalgFloat>(a: &ndarray::Array2<T>, p: Option<NormOrd>) -> Result<T> {
    check_finite(a, "a")?;
    if a.is_empty() {
        return Err(LinalgError::Array(ArrayError::Empty { arg: "a", op: "cond" }));
    }
    match p {
        None | Some(NormOrd::P(2.0)) | Some(NormOrd::P(-2.0)) => {
            let s = singular_values(a.view())?;
            let (hi, lo) = (s[0], s[s.len() - 1]);
            Ok(if p == Some(NormOrd::P(-2.0)) { lo / hi } else { hi / lo })
        }
        Some(ord) => {
            crate::scalar::check_square(a, "a")?;
            match inv(a) {
                Ok(ai) => Ok(matrix_norm(&a.view(), ord)? * matrix_norm(&ai.view(), ord)?),
                Err(LinalgError::Singular { .. }) => {
                    matrix_norm(&a.view(), ord)?; // still reject invalid orders
                    Ok(T::infinity())
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// Rank of a matrix: the number of singular values above `tol`, by default
/// `s.max() · max(m, n) · eps`.
///
/// NumPy equivalent: `numpy.linalg.matrix_rank(A, tol)` (2-d input).
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::matrix_rank;
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// assert_eq!(matrix_rank(&Array2::<f64>::eye(4), None).unwrap(), 4);
/// assert_eq!(matrix_rank(&array![[1.0, 2.0], [2.0, 4.0]], None).unwrap(), 1);
/// assert_eq!(matrix_rank(&Array2::<f64>::zeros((3, 2)), None).unwrap(), 0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(1.0, 1.0), C::new(2.0, 2.0)], [C::new(0.0, 1.0), C::new(0.0, 2.0)]];
/// assert_eq!(sci_linalg::matrix_rank(&a, None)?, 1);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_rank<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    tol: Option<RealOf<T>>,
) -> Result<usize> {
    T::matrix_rank_k(a.view(), tol)
}

/// [`matrix_rank`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn matrix_rank_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    tol: Option<T>,
) -> Result<usize> {
    check_finite(a, "a")?;
    let s = singular_values(a.view())?;
    let smax = s.iter().copied().fold(T::zero(), T::max);
    let tol = tol.unwrap_or_else(|| smax * T::lit(a.nrows().max(a.ncols()) as f64) * T::epsilon());
    Ok(s.iter().filter(|&&x| x > tol).count())
}

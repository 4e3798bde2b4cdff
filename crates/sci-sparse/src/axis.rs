//! Reductions along an axis with SciPy's treatment of implicit zeros: `max`, `min`,
//! `argmax`, `argmin` (also over the whole matrix) and `mean`, for
//! [`CsrMatrix`](crate::CsrMatrix) and [`CscMatrix`](crate::CscMatrix).

use sci_array::ndarray::Array1;

use crate::cs::Cs;
use crate::error::{Result, invalid};
use crate::scalar::SparseScalar;
use crate::{CscMatrix, CsrMatrix};

#[allow(clippy::eq_op)]
fn is_nan<T: PartialEq>(v: T) -> bool {
    v != v
}

/// `np.maximum` / `np.minimum` of two values (`pick_first(a, b)` when `a` wins); NaN wins.
fn pick<T: SparseScalar + PartialOrd>(a: T, b: T, first_wins: impl Fn(T, T) -> bool) -> T {
    if is_nan(a) || (!is_nan(b) && first_wins(a, b)) { a } else { b }
}

/// First position where `ind` (sorted, distinct) skips a value, or `ind.len()` when that is
/// below `n` (SciPy's `_find_missing_index`; callers know a value is missing).
fn find_missing_index(ind: &[usize]) -> usize {
    ind.iter().enumerate().find(|&(k, &a)| k != a).map_or(ind.len(), |(k, _)| k)
}

/// Index of the first extreme of `data` as `np.argmax` / `np.argmin` finds it (the first NaN
/// if any). `better(a, b)` is true when `a` beats `b`.
fn arg_extreme<T: SparseScalar + PartialOrd>(data: &[T], better: &impl Fn(T, T) -> bool) -> usize {
    let mut k = 0;
    for (i, &v) in data.iter().enumerate().skip(1) {
        if is_nan(data[k]) {
            break;
        }
        if is_nan(v) || better(v, data[k]) {
            k = i;
        }
    }
    k
}

/// The canonical storage whose major lines are the lines a reduction along `axis` runs over.
fn lines<T: SparseScalar>(cs: &Cs<T>, along_major: bool) -> Cs<T> {
    let c = cs.canonical();
    if along_major { c } else { c.swap_major() }
}

/// `max`/`min` of every major line of canonical `c`, implicit zeros included.
fn line_extremes<T: SparseScalar + PartialOrd>(c: &Cs<T>, better: impl Fn(T, T) -> bool) -> Array1<T> {
    (0..c.nmajor)
        .map(|i| {
            let d = &c.data[c.indptr[i]..c.indptr[i + 1]];
            let Some((&first, rest)) = d.split_first() else { return T::zero() };
            let v = rest.iter().fold(first, |a, &b| pick(a, b, &better));
            if d.len() < c.nminor { pick(v, T::zero(), &better) } else { v }
        })
        .collect()
}

/// SciPy's `_argminmax_axis` on the major lines of canonical `c`.
fn line_args<T: SparseScalar + PartialOrd>(c: &Cs<T>, better: impl Fn(T, T) -> bool) -> Array1<usize> {
    (0..c.nmajor)
        .map(|i| {
            let (p, q) = (c.indptr[i], c.indptr[i + 1]);
            if p == q {
                return 0;
            }
            let (d, ind) = (&c.data[p..q], &c.indices[p..q]);
            let k = arg_extreme(d, &better);
            if better(d[k], T::zero()) || q - p == c.nminor {
                ind[k]
            } else {
                let zero = find_missing_index(ind);
                if d[k] == T::zero() { k.min(zero) } else { zero }
            }
        })
        .collect()
}

/// SciPy's whole-matrix `_argminmax`: a flat (C-order) index into the `(m, n)` matrix whose
/// canonical row-major storage is `c`.
fn flat_arg<T: SparseScalar + PartialOrd>(
    c: &Cs<T>,
    better: impl Fn(T, T) -> bool,
    name: &str,
) -> Result<usize> {
    let (m, n) = (c.nmajor, c.nminor);
    if m == 0 || n == 0 {
        return Err(invalid("A", format!("Cannot apply {name} to an empty matrix.")));
    }
    if c.nnz() == 0 {
        return Ok(0);
    }
    let Some(size) = m.checked_mul(n) else {
        return Err(invalid(
            "A",
            format!("{name}: the flat index of a ({m}, {n}) matrix does not fit in usize"),
        ));
    };
    let k = arg_extreme(&c.data, &better);
    let row_of = |p: usize| c.indptr.partition_point(|&s| s <= p) - 1;
    let v = c.data[k];
    if better(v, T::zero()) || c.nnz() == size {
        return Ok(row_of(k) * n + c.indices[k]);
    }
    let linear: Vec<usize> = (0..m)
        .flat_map(|i| (c.indptr[i]..c.indptr[i + 1]).map(move |p| (i, p)))
        .map(|(i, p)| i * n + c.indices[p])
        .collect();
    let zero = find_missing_index(&linear);
    Ok(if v == T::zero() { k.min(zero) } else { zero })
}

/// Implements the axis reductions of a compressed matrix type `$ty` whose storage is
/// compressed along rows when `$rows` is true.
macro_rules! impl_axis {
    ($ty:ident, $name:literal, $rows:expr) => {
        impl<T: SparseScalar + PartialOrd> $ty<T> {
            /// The lines (canonical, as major lines) a reduction along `axis` runs over, after
            /// SciPy's checks: `axis` in `-2..2` and a non-empty extent along it.
            fn reduce_lines(&self, axis: isize, what: &str) -> Result<Cs<T>> {
                let ax = sci_array::normalize_axis(axis, 2, "axis")?;
                let (m, n) = self.shape();
                if (if ax == 0 { m } else { n }) == 0 {
                    return Err(invalid("axis", format!("{what} along a zero-size dimension")));
                }
                Ok(lines(&self.cs, (ax == 1) == $rows))
            }

            /// Largest entry of each column (`axis = 0`) or row (`axis = 1`; negative axes
            /// count from the end), implicit zeros included; NaN when the line holds a NaN,
            /// 0 for a line without stored entries.
            ///
            /// SciPy equivalent: `A.max(axis=axis)` (SciPy returns a 1-d sparse array; here
            /// the dense values).
            ///
            /// # Errors
            ///
            /// [`SparseError::Array`](crate::SparseError::Array) for an axis outside `-2..2`,
            /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the matrix
            /// has no extent along `axis` (SciPy: "zero-size array to reduction operation").
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[-1.0, 0.0, 2.0], [-3.0, -2.0, -4.0]]);")]
            /// assert_eq!(a.max_axis(0)?, array![-1.0, 0.0, 2.0]);
            /// assert_eq!(a.max_axis(1)?, array![2.0, -2.0]);
            /// assert_eq!(a.min_axis(-1)?, array![-1.0, -4.0]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn max_axis(&self, axis: isize) -> Result<Array1<T>> {
                Ok(line_extremes(&self.reduce_lines(axis, "zero-size array to reduction operation")?, |a, b| a > b))
            }

            /// Smallest entry of each column (`axis = 0`) or row (`axis = 1`), implicit zeros
            /// included (as [`max_axis`](Self::max_axis)).
            ///
            /// SciPy equivalent: `A.min(axis=axis)`.
            ///
            /// # Errors
            ///
            /// As [`max_axis`](Self::max_axis).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [3.0, 2.0]]);")]
            /// assert_eq!(a.min_axis(0)?, array![1.0, 0.0]);
            /// assert_eq!(a.min_axis(1)?, array![0.0, 2.0]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn min_axis(&self, axis: isize) -> Result<Array1<T>> {
                Ok(line_extremes(&self.reduce_lines(axis, "zero-size array to reduction operation")?, |a, b| a < b))
            }

            /// Position of the largest entry of each column (`axis = 0`, a row index) or row
            /// (`axis = 1`, a column index), implicit zeros included: the first such
            /// position, 0 for a line without stored entries. As SciPy: a NaN counts when the
            /// line is full or holds no implicit zero to prefer.
            ///
            /// SciPy equivalent: `A.argmax(axis=axis)`.
            ///
            /// # Errors
            ///
            /// As [`max_axis`](Self::max_axis) (SciPy: "Cannot apply argmax along a
            /// zero-sized dimension").
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[-1.0, 0.0, 2.0], [-3.0, -2.0, -4.0]]);")]
            /// assert_eq!(a.argmax_axis(0)?, array![0, 0, 0]);
            /// assert_eq!(a.argmax_axis(1)?, array![2, 1]);
            /// assert_eq!(a.argmin_axis(1)?, array![0, 2]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn argmax_axis(&self, axis: isize) -> Result<Array1<usize>> {
                Ok(line_args(&self.reduce_lines(axis, "Cannot apply argmax")?, |a, b| a > b))
            }

            /// Position of the smallest entry of each column (`axis = 0`) or row (`axis = 1`),
            /// implicit zeros included (as [`argmax_axis`](Self::argmax_axis)).
            ///
            /// SciPy equivalent: `A.argmin(axis=axis)`.
            ///
            /// # Errors
            ///
            /// As [`max_axis`](Self::max_axis).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[3.0, 0.0, 1.0], [2.0, 5.0, 4.0]]);")]
            /// assert_eq!(a.argmin_axis(0)?, array![1, 0, 0]);
            /// assert_eq!(a.argmin_axis(1)?, array![1, 0]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn argmin_axis(&self, axis: isize) -> Result<Array1<usize>> {
                Ok(line_args(&self.reduce_lines(axis, "Cannot apply argmin")?, |a, b| a < b))
            }

            /// Flat (row-major) index of the largest entry, implicit zeros included: the
            /// first one; 0 for a matrix without stored entries.
            ///
            /// SciPy equivalent: `A.argmax()`.
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for a matrix of
            /// size 0 ("Cannot apply argmax to an empty matrix.").
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[-1.0, 0.0], [-3.0, -2.0]]);")]
            /// assert_eq!((a.argmax()?, a.argmin()?), (1, 2));
            #[doc = concat!("assert!(sci_sparse::", $name, "::<f64>::zeros((0, 2)).argmax().is_err());")]
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn argmax(&self) -> Result<usize> {
                flat_arg(&lines(&self.cs, $rows), |a, b| a > b, "argmax")
            }

            /// Flat (row-major) index of the smallest entry, implicit zeros included (as
            /// [`argmax`](Self::argmax)).
            ///
            /// SciPy equivalent: `A.argmin()`.
            ///
            /// # Errors
            ///
            /// As [`argmax`](Self::argmax).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 2.0], [3.0, 0.0]]);")]
            /// assert_eq!(a.argmin()?, 3);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn argmin(&self) -> Result<usize> {
                flat_arg(&lines(&self.cs, $rows), |a, b| a < b, "argmin")
            }
        }

        impl<T: SparseScalar + num_traits::Float> $ty<T> {
            /// Mean of each column (`axis = 0`) or row (`axis = 1`), implicit zeros included;
            /// computed as SciPy does, `(A * (1 / len)).sum(axis)`.
            ///
            /// SciPy equivalent: `A.mean(axis=axis)`.
            ///
            /// # Errors
            ///
            /// [`SparseError::Array`](crate::SparseError::Array) for an axis outside `-2..2`,
            /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the matrix
            /// has no extent along `axis` (SciPy raises `ZeroDivisionError`).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [3.0, 2.0]]);")]
            /// assert_eq!(a.mean_axis(0)?, array![2.0, 1.0]);
            /// assert_eq!(a.mean_axis(1)?, array![0.5, 2.5]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn mean_axis(&self, axis: isize) -> Result<Array1<T>> {
                let ax = sci_array::normalize_axis(axis, 2, "axis")?;
                let (m, n) = self.shape();
                let len = if ax == 0 { m } else { n };
                if len == 0 {
                    return Err(invalid("axis", "mean along a zero-size dimension: float division by zero"));
                }
                let scale = T::one() / T::from(len).unwrap_or_else(T::nan);
                self.map(|v| v * scale).sum_axis(axis)
            }
        }
    };
}

impl_axis!(CsrMatrix, "CsrMatrix", true);
impl_axis!(CscMatrix, "CscMatrix", false);

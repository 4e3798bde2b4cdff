//! Element-wise reductions and functions shared by [`CsrMatrix`](crate::CsrMatrix) and
//! [`CscMatrix`](crate::CscMatrix): `max`, `min`, `maximum`, `minimum`, `mean`, `power`,
//! `trace`.

/// Implements the element-wise methods of a compressed matrix type `$ty`.
macro_rules! impl_elementwise {
    ($ty:ident, $name:literal) => {
        impl<T: SparseScalar + PartialOrd> $ty<T> {
            /// Reduces all entries, implicit zeros included, keeping the one `better` prefers;
            /// NaN wins.
            fn extreme(&self, better: impl Fn(T, T) -> bool) -> Result<T> {
                let (m, n) = self.shape();
                if m == 0 || n == 0 {
                    return Err(invalid("A", "zero-size array to reduction operation which has no identity"));
                }
                let c = self.cs.canonical();
                let mut best: Option<T> = if c.nnz() < m * n { Some(T::zero()) } else { None };
                for &v in &c.data {
                    #[allow(clippy::eq_op)]
                    let is_nan = v != v;
                    best = Some(match best {
                        None => v,
                        Some(b) => {
                            #[allow(clippy::eq_op)]
                            let b_nan = b != b;
                            if b_nan { b } else if is_nan || better(v, b) { v } else { b }
                        }
                    });
                }
                best.ok_or_else(|| invalid("A", "empty"))
            }

            /// Largest entry, implicit zeros included (NaN if any entry is NaN).
            ///
            /// SciPy equivalent: `A.max()`.
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`] for a matrix with no entries (size 0).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[-1.0, 0.0], [-3.0, -2.0]]);")]
            /// assert_eq!((a.max()?, a.min()?), (0.0, -3.0));
            #[doc = concat!("let full = sci_sparse::", $name, "::from_dense(&array![[-1.0, -5.0]]);")]
            /// assert_eq!(full.max()?, -1.0);
            #[doc = concat!("assert!(sci_sparse::", $name, "::<f64>::zeros((0, 3)).max().is_err());")]
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn max(&self) -> Result<T> {
                self.extreme(|a, b| a > b)
            }

            /// Smallest entry, implicit zeros included (NaN if any entry is NaN).
            ///
            /// SciPy equivalent: `A.min()`.
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`] for a matrix with no entries (size 0).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [3.0, 2.0]]);")]
            /// assert_eq!(a.min()?, 0.0);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn min(&self) -> Result<T> {
                self.extreme(|a, b| a < b)
            }

            /// Element-wise maximum of two matrices of the same shape (canonical result, zeros
            /// not stored).
            ///
            /// SciPy equivalent: `A.maximum(B)`.
            ///
            /// # Errors
            ///
            /// [`SparseError::ShapeMismatch`] when the shapes differ.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("use sci_sparse::", $name, ";")]
            #[doc = concat!("let a = ", $name, "::from_dense(&array![[1.0, -2.0], [0.0, 4.0]]);")]
            #[doc = concat!("let b = ", $name, "::from_dense(&array![[3.0, -5.0], [-1.0, 0.0]]);")]
            /// assert_eq!(a.maximum(&b)?.toarray(), array![[3.0, -2.0], [0.0, 4.0]]);
            /// assert_eq!(a.minimum(&b)?.toarray(), array![[1.0, -5.0], [-1.0, 0.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn maximum(&self, other: &Self) -> Result<Self> {
                self.check_same(other, "other")?;
                Ok($ty { cs: self.cs.binop(&other.cs, true, |a, b| if b > a { b } else { a }) })
            }

            /// Element-wise minimum of two matrices of the same shape (canonical result, zeros
            /// not stored).
            ///
            /// SciPy equivalent: `A.minimum(B)`.
            ///
            /// # Errors
            ///
            /// [`SparseError::ShapeMismatch`] when the shapes differ.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("use sci_sparse::", $name, ";")]
            #[doc = concat!("let a = ", $name, "::from_dense(&array![[1.0, 2.0]]);")]
            #[doc = concat!("assert_eq!(a.minimum(&", $name, "::zeros((1, 2)))?.nnz(), 0);")]
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn minimum(&self, other: &Self) -> Result<Self> {
                self.check_same(other, "other")?;
                Ok($ty { cs: self.cs.binop(&other.cs, true, |a, b| if b < a { b } else { a }) })
            }
        }

        impl<T: SparseScalar + num_traits::Float> $ty<T> {
            /// Mean of all entries, implicit zeros included (NaN for an empty matrix).
            ///
            /// SciPy equivalent: `A.mean()`.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("assert_eq!(sci_sparse::", $name, "::<f64>::eye(2, 2, 0).mean(), 0.5);")]
            /// ```
            pub fn mean(&self) -> T {
                let (m, n) = self.shape();
                self.sum() / T::from(m * n).unwrap_or_else(T::nan)
            }

            /// Element-wise power `a_ij^p` of the stored entries (the pattern stays).
            ///
            /// SciPy equivalent: `A.power(p)`.
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`] for `p == 0`, which would make the matrix dense
            /// (SciPy refuses this case too, with an exception).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[2.0, 0.0], [0.0, 3.0]]);")]
            /// assert_eq!(a.power(2.0)?.toarray(), array![[4.0, 0.0], [0.0, 9.0]]);
            /// assert!(a.power(0.0).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn power(&self, p: T) -> Result<Self> {
                if p == T::zero() {
                    return Err(invalid("p", "zero power is not supported as it would densify the matrix"));
                }
                Ok(self.map(|v| v.powf(p)))
            }
        }

        impl<T: SparseScalar> $ty<T> {
            /// Sum of the `k`-th diagonal.
            ///
            /// SciPy equivalent: `A.trace(offset=k)`.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("assert_eq!(sci_sparse::", $name, "::<f64>::eye(3, 4, 1).trace(1), 3.0);")]
            /// ```
            pub fn trace(&self, k: isize) -> T {
                self.diagonal(k).iter().fold(T::zero(), |a, &b| a + b)
            }
        }
    };
}

pub(crate) use impl_elementwise;

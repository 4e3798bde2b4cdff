//! Changing a compressed matrix: `setdiag`, `resize`, `reshape`, division by a scalar,
//! `conj` and the zero-preserving ufuncs (`sqrt`, `sin`, ...) SciPy's sparse arrays carry,
//! for [`CsrMatrix`](crate::CsrMatrix) and [`CscMatrix`](crate::CscMatrix).

use num_complex::Complex;

use crate::cs::Cs;
use sci_array::ndarray::Array2;

use crate::error::{Result, SparseError, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix, CsrMatrix};

/// `(row, col)` positions of the first `len` entries of diagonal `k` of an `m x n` matrix,
/// after SciPy's check `-m < k < n`.
fn diag_positions(m: usize, n: usize, k: isize, len: usize) -> Result<Vec<(usize, usize)>> {
    if k <= -(m as isize) || k >= n as isize {
        return Err(invalid("k", "k exceeds array dimensions"));
    }
    let (r0, c0) = if k >= 0 { (0, k as usize) } else { ((-k) as usize, 0) };
    let full = (m - r0).min(n - c0);
    Ok((0..full.min(len)).map(|t| (r0 + t, c0 + t)).collect())
}

impl<T: SparseScalar> Cs<T> {
    /// Sets `(major, minor, value)` entries, replacing whatever is stored there (of repeated
    /// positions the last value wins, as in sequential assignment); the result is canonical
    /// and keeps stored zeros.
    fn set_entries(&mut self, entries: &[(usize, usize, T)]) {
        let mut c = self.canonical();
        // last value per position, each row's positions sorted
        let mut hit: Vec<Vec<(usize, T)>> = vec![Vec::new(); c.nmajor];
        for &(i, j, v) in entries {
            hit[i].push((j, v));
        }
        for h in &mut hit {
            h.reverse();
            h.sort_by_key(|e| e.0);
            h.dedup_by_key(|e| e.0);
        }
        c.retain(|i, j, _| hit[i].binary_search_by_key(&j, |e| e.0).is_err());
        let (mut maj, mut min, mut val) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..c.nmajor {
            for p in c.indptr[i]..c.indptr[i + 1] {
                maj.push(i);
                min.push(c.indices[p]);
                val.push(c.data[p]);
            }
            for &(j, v) in &hit[i] {
                maj.push(i);
                min.push(j);
                val.push(v);
            }
        }
        *self = Cs::from_triplets(c.nmajor, c.nminor, &maj, &min, &val);
        self.sum_duplicates();
    }
}

/// Implements the modifying methods of a compressed matrix type `$ty` whose storage is
/// compressed along rows when `$rows` is true.
macro_rules! impl_modify {
    ($ty:ident, $name:literal, $rows:expr) => {
        impl<T: SparseScalar> $ty<T> {
            /// Sets the first `values.len()` entries of diagonal `k` (`k > 0` above the main
            /// one) to `values` (extra values are ignored); zeros are stored, as SciPy does.
            ///
            /// SciPy equivalent: `A.setdiag(values, k)`.
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) unless
            /// `-nrows < k < ncols` ("k exceeds array dimensions").
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let mut a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);")]
            /// a.setdiag(&[7.0, 8.0, 9.0], 0)?;
            /// assert_eq!(a.toarray(), array![[7.0, 0.0, 2.0], [0.0, 8.0, 0.0]]);
            /// a.setdiag(&[5.0], 1)?;
            /// assert_eq!(a.toarray(), array![[7.0, 5.0, 2.0], [0.0, 8.0, 0.0]]);
            /// assert!(a.setdiag(&[1.0], 3).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn setdiag(&mut self, values: &[T], k: isize) -> Result<()> {
                let (m, n) = self.shape();
                let pos = diag_positions(m, n, k, values.len())?;
                let e: Vec<_> =
                    pos.iter().zip(values).map(|(&(i, j), &v)| if $rows { (i, j, v) } else { (j, i, v) }).collect();
                self.cs.set_entries(&e);
                Ok(())
            }

            /// Sets every entry of diagonal `k` to `value` (SciPy's scalar `values`).
            ///
            /// SciPy equivalent: `A.setdiag(value, k)` with a scalar.
            ///
            /// # Errors
            ///
            /// As [`setdiag`](Self::setdiag).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let mut a = sci_sparse::", $name, "::<f64>::zeros((2, 3));")]
            /// a.setdiag_value(5.0, 1)?;
            /// assert_eq!(a.toarray(), array![[0.0, 5.0, 0.0], [0.0, 0.0, 5.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn setdiag_value(&mut self, value: T, k: isize) -> Result<()> {
                let (m, n) = self.shape();
                self.setdiag(&vec![value; m.min(n)], k)
            }

            /// Sets entry `(i, j)` to `v`, storing it even when `v` is 0 (as SciPy's
            /// assignment does); the storage becomes canonical.
            ///
            /// SciPy equivalent: `A[i, j] = v`.
            ///
            /// # Errors
            ///
            /// [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a
            /// position outside the matrix.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let mut a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);")]
            /// a.set(1, 2, 7.0)?;
            /// a.set(0, 1, 0.0)?;
            /// assert_eq!(a.toarray(), array![[1.0, 0.0, 2.0], [0.0, 3.0, 7.0]]);
            /// assert_eq!(a.nnz(), 5);
            /// assert!(a.set(2, 0, 1.0).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn set(&mut self, i: usize, j: usize, v: T) -> Result<()> {
                self.set_many(&[i], &[j], &[v])
            }

            /// Sets the entries `(rows[k], cols[k])` to `values[k]` (zeros stored; of a
            /// repeated position the last value wins).
            ///
            /// SciPy equivalent: `A[rows, cols] = values` with index arrays.
            ///
            /// # Errors
            ///
            /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the three
            /// slices differ in length,
            /// [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a
            /// position outside the matrix.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let mut a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);")]
            /// a.set_many(&[0, 1, 0], &[1, 1, 1], &[5.0, 6.0, 8.0])?;
            /// assert_eq!(a.toarray(), array![[1.0, 8.0, 2.0], [0.0, 6.0, 0.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn set_many(&mut self, rows: &[usize], cols: &[usize], values: &[T]) -> Result<()> {
                if rows.len() != cols.len() || rows.len() != values.len() {
                    return Err(shape_err(
                        "values",
                        format!("{} rows, cols and values", rows.len()),
                        &[cols.len(), values.len()],
                    ));
                }
                let (m, n) = self.shape();
                for (arg, idx, bound) in [("rows", rows, m), ("cols", cols, n)] {
                    if let Some(&bad) = idx.iter().find(|&&x| x >= bound) {
                        return Err(SparseError::IndexOutOfBounds { arg, index: bad as i64, bound });
                    }
                }
                let e: Vec<_> = rows
                    .iter()
                    .zip(cols)
                    .zip(values)
                    .map(|((&i, &j), &v)| if $rows { (i, j, v) } else { (j, i, v) })
                    .collect();
                self.cs.set_entries(&e);
                Ok(())
            }

            /// Changes the shape in place: entries outside the new shape are dropped, new
            /// rows and columns are empty.
            ///
            /// SciPy equivalent: `A.resize(shape)`.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let mut a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);")]
            /// a.resize((3, 2));
            /// assert_eq!(a.toarray(), array![[1.0, 0.0], [0.0, 3.0], [0.0, 0.0]]);
            /// ```
            pub fn resize(&mut self, shape: (usize, usize)) {
                let (nmaj, nmin) = if $rows { shape } else { (shape.1, shape.0) };
                let c = &mut self.cs;
                if nmaj < c.nmajor {
                    let end = c.indptr[nmaj];
                    c.indptr.truncate(nmaj + 1);
                    c.indices.truncate(end);
                    c.data.truncate(end);
                } else {
                    let end = c.indptr[c.nmajor];
                    c.indptr.resize(nmaj + 1, end);
                }
                c.nmajor = nmaj;
                if nmin < c.nminor {
                    c.retain(|_, j, _| j < nmin);
                }
                c.nminor = nmin;
            }

            /// The same entries in a matrix of another shape with the same size, read and
            /// written in row-major (C) order; a COO matrix, as SciPy's sparse arrays return.
            ///
            /// SciPy equivalent: `A.reshape(shape)` (`order="C"`; `order="F"` missing).
            ///
            /// # Errors
            ///
            /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the sizes
            /// differ ("cannot reshape array of size ... into shape ...").
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);")]
            /// assert_eq!(a.reshape((3, 2))?.toarray(), array![[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]);
            /// assert!(a.reshape((4, 2)).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn reshape(&self, shape: (usize, usize)) -> Result<CooMatrix<T>> {
                let (m, n) = self.shape();
                let size = m.checked_mul(n);
                if size != shape.0.checked_mul(shape.1) {
                    return Err(invalid(
                        "shape",
                        format!(
                            "cannot reshape array of size {} into shape ({}, {})",
                            m as u128 * n as u128,
                            shape.0,
                            shape.1
                        ),
                    ));
                }
                let coo = self.tocoo();
                let (mut row, mut col) = (Vec::with_capacity(coo.nnz()), Vec::with_capacity(coo.nnz()));
                for (&i, &j) in coo.row().iter().zip(coo.col()) {
                    let flat = i * n + j;
                    row.push(flat / shape.1);
                    col.push(flat % shape.1);
                }
                CooMatrix::new(coo.data().to_vec(), row, col, shape)
            }
        }

        impl<T: SparseScalar + num_traits::Float> $ty<T> {
            /// `A / alpha` for a scalar, computed as SciPy does: `A * (1 / alpha)` on the
            /// stored entries (so `alpha = 0` gives `inf`/NaN there and keeps implicit zeros).
            ///
            /// SciPy equivalent: `A / alpha`.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [0.0, 4.0]]);")]
            /// assert_eq!(a.div_scalar(2.0).toarray(), array![[0.5, 0.0], [0.0, 2.0]]);
            /// assert_eq!(a.div_scalar(0.0).toarray()[[1, 1]], f64::INFINITY);
            /// ```
            pub fn div_scalar(&self, alpha: T) -> Self {
                self.scale(T::one() / alpha)
            }

            /// Element-wise `A / B` of two sparse matrices of the same shape, as the dense
            /// array SciPy returns (`0 / 0` is NaN, `x / 0` infinite).
            ///
            /// SciPy equivalent: `A / B` for two sparse arrays.
            ///
            /// # Errors
            ///
            /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes
            /// differ.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0f64, 0.0, 2.0]]);")]
            #[doc = concat!("let b = sci_sparse::", $name, "::from_dense(&array![[2.0f64, 0.0, 0.0]]);")]
            /// let q = a.divide(&b)?;
            /// assert_eq!(q[[0, 0]], 0.5);
            /// assert!(q[[0, 1]].is_nan() && q[[0, 2]] == f64::INFINITY);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn divide(&self, other: &Self) -> Result<Array2<T>> {
                if self.shape() != other.shape() {
                    let (p, q) = other.shape();
                    return Err(shape_err("other", format!("shape {:?}", self.shape()), &[p, q]));
                }
                let mut out = self.toarray();
                out.zip_mut_with(&other.toarray(), |a, &b| *a = *a / b);
                Ok(out)
            }
        }

        impl<F: num_traits::Float> $ty<Complex<F>>
        where
            Complex<F>: SparseScalar,
        {
            /// The complex conjugate.
            ///
            /// SciPy equivalent: `A.conj()` (`A.conjugate()`).
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            /// use num_complex::Complex64 as C;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[C::new(1.0, 2.0), C::new(0.0, 0.0)]]);")]
            /// assert_eq!(a.conj().toarray()[[0, 0]], C::new(1.0, -2.0));
            /// ```
            pub fn conj(&self) -> Self {
                self.map(|z| z.conj())
            }
        }

        impl_modify!(@ufuncs $ty, $name,
            sqrt "sqrt" "sqrt" |x: T| x.sqrt(),
            sin "sin" "sin" |x: T| x.sin(),
            tan "tan" "tan" |x: T| x.tan(),
            arcsin "arcsin" "asin" |x: T| x.asin(),
            arctan "arctan" "atan" |x: T| x.atan(),
            sinh "sinh" "sinh" |x: T| x.sinh(),
            tanh "tanh" "tanh" |x: T| x.tanh(),
            arcsinh "arcsinh" "asinh" |x: T| x.asinh(),
            arctanh "arctanh" "atanh" |x: T| x.atanh(),
            rint "rint" "round half to even" rint,
            sign "sign" "sign, 0 for 0 and NaN for NaN" sign,
            expm1 "expm1" "exp_m1" |x: T| x.exp_m1(),
            log1p "log1p" "ln_1p" |x: T| x.ln_1p(),
            deg2rad "deg2rad" "to_radians" |x: T| x.to_radians(),
            rad2deg "rad2deg" "to_degrees" |x: T| x.to_degrees(),
            floor "floor" "floor" |x: T| x.floor(),
            ceil "ceil" "ceil" |x: T| x.ceil(),
            trunc "trunc" "trunc" |x: T| x.trunc()
        );
    };
    (@ufuncs $ty:ident, $name:literal, $($f:ident $np:literal $what:literal $body:expr),* $(,)?) => {
        impl<T: SparseScalar + num_traits::Float> $ty<T> {
            $(
                #[doc = concat!("NumPy's `", $np, "` of the stored entries (", $what, "); the pattern stays, as the function maps 0 to 0.")]
                ///
                #[doc = concat!("SciPy equivalent: `A.", $np, "()`.")]
                ///
                /// # Examples
                ///
                /// ```
                /// use sci_sparse::sci_array::ndarray::array;
                #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[0.25, 0.0], [0.0, -0.5]]);")]
                #[doc = concat!("let b = a.", stringify!($f), "();")]
                /// assert_eq!(b.nnz(), 2);
                #[doc = concat!("assert_eq!(b.toarray()[[0, 1]], 0.0);")]
                /// ```
                pub fn $f(&self) -> Self {
                    self.map($body)
                }
            )*
        }
    };
}

fn rint<T: num_traits::Float>(x: T) -> T {
    let r = x.round();
    let half = T::from(0.5).unwrap_or_else(T::nan);
    if (r - x).abs() == half {
        let two = T::one() + T::one();
        two * (x / two).round()
    } else {
        r
    }
}

fn sign<T: num_traits::Float>(x: T) -> T {
    if x > T::zero() {
        T::one()
    } else if x < T::zero() {
        -T::one()
    } else {
        x
    }
}

impl_modify!(CsrMatrix, "CsrMatrix", true);
impl_modify!(CscMatrix, "CscMatrix", false);

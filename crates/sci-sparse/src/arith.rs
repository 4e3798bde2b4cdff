//! Arithmetic on COO, LIL, DIA and BSR matrices with SciPy's result formats: COO and LIL
//! `+`, `-`, `multiply` and `@` give CSR and `alpha * A` keeps the format; DIA and BSR stay in their format
//! (DIA by SciPy's diagonal-wise kernels, BSR with SciPy's block sizes). Also the automatic
//! BSR block size of `tobsr()` without a `blocksize`.

use sci_array::ndarray::{Array2, s};

use crate::error::{Result, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{BsrMatrix, CooMatrix, CsrMatrix, DiaMatrix, LilMatrix};

fn same_shape(a: (usize, usize), b: (usize, usize)) -> Result<()> {
    if a != b {
        return Err(shape_err("other", format!("shape ({}, {})", a.0, a.1), &[b.0, b.1]));
    }
    Ok(())
}

/// Implements `add`, `sub`, `multiply` and `matmul` of a format SciPy computes in CSR (and
/// returns as CSR): COO and LIL.
macro_rules! impl_via_csr {
    ($ty:ident, $name:literal, $scipy:literal) => {
        impl<T: SparseScalar> $ty<T> {
            #[doc = concat!("`A + B`, as a CSR matrix (SciPy's result format for `", $scipy, "` operands).")]
            ///
            #[doc = concat!("SciPy equivalent: `A + B` for `", $scipy, "`s (a `csr_array`).")]
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
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [0.0, 2.0]]);")]
            #[doc = concat!("let b = sci_sparse::", $name, "::from_dense(&array![[0.0, 3.0], [0.0, -2.0]]);")]
            /// assert_eq!(a.add(&b)?.toarray(), array![[1.0, 3.0], [0.0, 0.0]]);
            /// assert_eq!(a.add(&b)?.nnz(), 2);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn add(&self, other: &$ty<T>) -> Result<CsrMatrix<T>> {
                self.tocsr().add(&other.tocsr())
            }

            /// `A - B`, as a CSR matrix.
            ///
            #[doc = concat!("SciPy equivalent: `A - B` for `", $scipy, "`s (a `csr_array`).")]
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
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 5.0]]);")]
            #[doc = concat!("let b = sci_sparse::", $name, "::from_dense(&array![[0.0, 3.0]]);")]
            /// assert_eq!(a.sub(&b)?.toarray(), array![[1.0, 2.0]]);
            /// assert_eq!(a.sub(&a)?.nnz(), 0);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn sub(&self, other: &$ty<T>) -> Result<CsrMatrix<T>> {
                self.tocsr().sub(&other.tocsr())
            }

            /// Element-wise product `A * B`, as a CSR matrix.
            ///
            #[doc = concat!("SciPy equivalent: `A.multiply(B)` for `", $scipy, "`s (a `csr_array`).")]
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
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);")]
            /// assert_eq!(a.multiply(&a)?.toarray(), array![[1.0, 4.0], [0.0, 9.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn multiply(&self, other: &$ty<T>) -> Result<CsrMatrix<T>> {
                self.tocsr().multiply(&other.tocsr())
            }

            /// Matrix product `A @ B`, as a CSR matrix.
            ///
            #[doc = concat!("SciPy equivalent: `A @ B` for `", $scipy, "`s (a `csr_array`).")]
            ///
            /// # Errors
            ///
            /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the inner
            /// dimensions differ.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);")]
            /// assert_eq!(a.matmul(&a)?.toarray(), array![[1.0, 8.0], [0.0, 9.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn matmul(&self, other: &$ty<T>) -> Result<CsrMatrix<T>> {
                self.tocsr().matmul(&other.tocsr())
            }
        }
    };
}

impl_via_csr!(LilMatrix, "LilMatrix", "lil_array");
impl_via_csr!(CooMatrix, "CooMatrix", "coo_array");

impl<T: SparseScalar> LilMatrix<T> {
    /// `alpha * A`, staying LIL (all zero for `alpha == 0`, as SciPy's).
    ///
    /// SciPy equivalent: `alpha * A` for a `lil_array`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::LilMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = LilMatrix::from_dense(&array![[1.0, 0.0], [0.0, 2.0]]);
    /// assert_eq!(a.scale(3.0).toarray(), array![[3.0, 0.0], [0.0, 6.0]]);
    /// assert_eq!(a.scale(0.0).nnz(), 0);
    /// ```
    pub fn scale(&self, alpha: T) -> LilMatrix<T> {
        if alpha == T::zero() {
            return LilMatrix::zeros(self.shape());
        }
        self.tocsr().scale(alpha).tolil()
    }
}

impl<T: SparseScalar> CooMatrix<T> {
    /// `alpha * A`, staying COO with the same triplets (duplicates and zeros kept).
    ///
    /// SciPy equivalent: `alpha * A` for a `coo_array`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CooMatrix;
    /// let a = CooMatrix::new(vec![1.0, 2.0], vec![0, 0], vec![1, 1], (1, 2))?;
    /// assert_eq!(a.scale(3.0).data(), &[3.0, 6.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn scale(&self, alpha: T) -> CooMatrix<T> {
        let data = self.data().iter().map(|&v| v * alpha).collect();
        CooMatrix::new(data, self.row().to_vec(), self.col().to_vec(), self.shape())
            .unwrap_or_else(|_| self.clone())
    }
}

/// Positions of `sub` (sorted, distinct) in `all` (sorted, distinct, a superset).
fn positions(all: &[isize], sub: &[isize]) -> Vec<usize> {
    sub.iter().map(|k| all.partition_point(|x| x < k)).collect()
}

impl<T: SparseScalar> DiaMatrix<T> {
    /// SciPy's `_dia_base._add_sparse`: same offsets add row by row; otherwise the union of
    /// the offsets (sorted), the width kept when the diagonals are equally wide and one
    /// operand already holds every offset, else `min(m + max offset, n)`.
    fn add_dia(&self, other: &Self, sub: bool) -> Result<Self> {
        same_shape(self.shape(), other.shape())?;
        let (a, b) = (self.data(), other.data());
        let sign = |v: T| if sub { T::zero() - v } else { v };
        if self.offsets() == other.offsets() && a.dim() == b.dim() {
            let mut d = a.clone();
            d.zip_mut_with(b, |x, &y| *x += sign(y));
            return DiaMatrix::new(d, self.offsets().to_vec(), self.shape());
        }
        let mut union: Vec<isize> = self.offsets().iter().chain(other.offsets()).copied().collect();
        union.sort_unstable();
        union.dedup();
        let (si, oi) = (positions(&union, self.offsets()), positions(&union, other.offsets()));
        let (ad, bd) = (a.ncols(), b.ncols());
        let width =
            if ad == bd && (union.len() == self.offsets().len() || union.len() == other.offsets().len()) {
                ad
            } else {
                let (m, n) = self.shape();
                let top = union.last().copied().unwrap_or(0);
                (m as isize).saturating_add(top).clamp(0, n as isize) as usize
            };
        let mut d = Array2::<T>::zeros((union.len(), width));
        for (r, &p) in si.iter().enumerate() {
            let w = ad.min(width);
            d.slice_mut(s![p, ..w]).zip_mut_with(&a.slice(s![r, ..w]), |x, &y| *x += y);
        }
        for (r, &p) in oi.iter().enumerate() {
            let w = bd.min(width);
            d.slice_mut(s![p, ..w]).zip_mut_with(&b.slice(s![r, ..w]), |x, &y| *x += sign(y));
        }
        DiaMatrix::new(d, union, self.shape())
    }

    /// `A + B`, staying DIA: the union of the diagonals, as SciPy's DIA addition lays it out.
    ///
    /// SciPy equivalent: `A + B` for `dia_array`s (a `dia_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![0], (3, 3))?;
    /// let b = DiaMatrix::new(array![[0.0, 5.0, 6.0]], vec![1], (3, 3))?;
    /// let c = a.add(&b)?;
    /// assert_eq!(c.offsets(), &[0, 1]);
    /// assert_eq!(c.toarray(), array![[1.0, 5.0, 0.0], [0.0, 2.0, 6.0], [0.0, 0.0, 3.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn add(&self, other: &DiaMatrix<T>) -> Result<DiaMatrix<T>> {
        self.add_dia(other, false)
    }

    /// `A - B`, staying DIA (as [`add`](Self::add)).
    ///
    /// SciPy equivalent: `A - B` for `dia_array`s (a `dia_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 2))?;
    /// assert_eq!(a.sub(&a)?.toarray(), array![[0.0, 0.0], [0.0, 0.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn sub(&self, other: &DiaMatrix<T>) -> Result<DiaMatrix<T>> {
        self.add_dia(other, true)
    }

    /// Element-wise product, staying DIA: the diagonals both hold (sorted offsets), as wide as
    /// the narrower data.
    ///
    /// SciPy equivalent: `A.multiply(B)` for `dia_array`s of the same shape.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes
    /// differ (SciPy would broadcast).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = DiaMatrix::new(array![[1.0, 2.0], [3.0, 4.0]], vec![0, 1], (2, 2))?;
    /// let b = DiaMatrix::new(array![[5.0, 6.0]], vec![1], (2, 2))?;
    /// let c = a.multiply(&b)?;
    /// assert_eq!((c.offsets(), c.toarray()), (&[1][..], array![[0.0, 24.0], [0.0, 0.0]]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn multiply(&self, other: &DiaMatrix<T>) -> Result<DiaMatrix<T>> {
        same_shape(self.shape(), other.shape())?;
        let mut common: Vec<isize> =
            self.offsets().iter().copied().filter(|k| other.offsets().contains(k)).collect();
        common.sort_unstable();
        let w = self.data().ncols().min(other.data().ncols());
        let mut d = Array2::<T>::zeros((common.len(), w));
        for (r, k) in common.iter().enumerate() {
            let i = self.offsets().iter().position(|x| x == k).unwrap_or(0);
            let j = other.offsets().iter().position(|x| x == k).unwrap_or(0);
            for c in 0..w {
                d[[r, c]] = self.data()[[i, c]] * other.data()[[j, c]];
            }
        }
        DiaMatrix::new(d, common, self.shape())
    }

    /// Matrix product `A @ B`, staying DIA (the diagonals of the product, sorted).
    ///
    /// SciPy equivalent: `A @ B` for `dia_array`s (a `dia_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the inner
    /// dimensions differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let shift = DiaMatrix::new(array![[0.0, 1.0, 1.0]], vec![1], (3, 3))?;
    /// let c = shift.matmul(&shift)?;
    /// assert_eq!(c.offsets(), &[2]);
    /// assert_eq!(c.toarray(), array![[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn matmul(&self, other: &DiaMatrix<T>) -> Result<DiaMatrix<T>> {
        Ok(self.tocsr().matmul(&other.tocsr())?.todia())
    }

    /// `alpha * A`, staying DIA with the same diagonals.
    ///
    /// SciPy equivalent: `alpha * A` for a `dia_array`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 2))?;
    /// assert_eq!(a.scale(2.0).data(), &array![[2.0, 4.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn scale(&self, alpha: T) -> DiaMatrix<T> {
        let d = self.data().mapv(|v| v * alpha);
        DiaMatrix::new(d, self.offsets().to_vec(), self.shape()).unwrap_or_else(|_| self.clone())
    }
}

impl<T: SparseScalar> BsrMatrix<T> {
    /// `f(A, B)` on CSR copies, back to BSR with `A`'s block size (SciPy converts `B` to that
    /// block size first and drops all-zero blocks).
    fn binop_bsr(
        &self,
        other: &Self,
        f: impl Fn(&CsrMatrix<T>, &CsrMatrix<T>) -> Result<CsrMatrix<T>>,
    ) -> Result<Self> {
        same_shape(self.shape(), other.shape())?;
        f(&self.tocsr(), &other.tocsr())?.tobsr(self.blocksize())
    }

    /// `A + B`, staying BSR with `A`'s block size.
    ///
    /// SciPy equivalent: `A + B` for `bsr_array`s (a `bsr_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CsrMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = CsrMatrix::from_dense(&array![[1.0, 0.0], [0.0, 2.0]]).tobsr((2, 2))?;
    /// let b = CsrMatrix::from_dense(&array![[0.0, 3.0], [0.0, 0.0]]).tobsr((1, 1))?;
    /// let c = a.add(&b)?;
    /// assert_eq!(c.blocksize(), (2, 2));
    /// assert_eq!(c.toarray(), array![[1.0, 3.0], [0.0, 2.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn add(&self, other: &BsrMatrix<T>) -> Result<BsrMatrix<T>> {
        self.binop_bsr(other, |a, b| a.add(b))
    }

    /// `A - B`, staying BSR with `A`'s block size.
    ///
    /// SciPy equivalent: `A - B` for `bsr_array`s (a `bsr_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes differ.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4).tobsr((2, 2))?;
    /// assert_eq!(a.sub(&a)?.nnz(), 0);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn sub(&self, other: &BsrMatrix<T>) -> Result<BsrMatrix<T>> {
        self.binop_bsr(other, |a, b| a.sub(b))
    }

    /// Element-wise product, staying BSR with `A`'s block size.
    ///
    /// SciPy equivalent: `A.multiply(B)` for `bsr_array`s (a `bsr_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the shapes differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]).tobsr((1, 2))?;
    /// assert_eq!(a.multiply(&a)?.toarray(), array![[1.0, 4.0], [9.0, 16.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn multiply(&self, other: &BsrMatrix<T>) -> Result<BsrMatrix<T>> {
        self.binop_bsr(other, |a, b| a.multiply(b))
    }

    /// Matrix product `A @ B`, staying BSR with block size `(R, C)`: `R` from `A`'s block
    /// size and `C` from `B`'s, as SciPy's `bsr_matmat`.
    ///
    /// SciPy equivalent: `A @ B` for `bsr_array`s (a `bsr_array`).
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the inner
    /// dimensions differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]).tobsr((2, 1))?;
    /// let b = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [0.0, 1.0]]).tobsr((1, 2))?;
    /// let c = a.matmul(&b)?;
    /// assert_eq!(c.blocksize(), (2, 2));
    /// assert_eq!(c.toarray(), array![[1.0, 2.0], [3.0, 4.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn matmul(&self, other: &BsrMatrix<T>) -> Result<BsrMatrix<T>> {
        let p = self.tocsr().matmul(&other.tocsr())?;
        p.tobsr((self.blocksize().0, other.blocksize().1))
    }

    /// `alpha * A`, staying BSR with the same blocks.
    ///
    /// SciPy equivalent: `alpha * A` for a `bsr_array`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(2).tobsr((2, 2))?;
    /// assert_eq!(a.scale(3.0).data().iter().copied().collect::<Vec<_>>(), vec![3.0, 0.0, 0.0, 3.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn scale(&self, alpha: T) -> BsrMatrix<T> {
        let d = self.data().mapv(|v| v * alpha);
        BsrMatrix::from_parts(d, self.indices().to_vec(), self.indptr().to_vec(), self.shape())
            .unwrap_or_else(|_| self.clone())
    }
}

/// SciPy's `estimate_blocksize`: the block size `(r, c)` among (1, 1), (2, 2), (3, 3), (4, 4)
/// and (6, 6) that keeps at least `efficiency` of the stored values of each block nonzero
/// (blocks counted as `csr_count_blocks` does, stored entries as `nnz`).
///
/// SciPy equivalent: `scipy.sparse._spfuncs.estimate_blocksize(A, efficiency)` (what
/// `A.tobsr()` without a block size uses, with efficiency 0.7).
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) unless
/// `0 < efficiency < 1` (for a matrix with stored entries).
///
/// # Examples
///
/// ```
/// use sci_sparse::{estimate_blocksize, CsrMatrix};
/// use sci_sparse::sci_array::ndarray::Array2;
/// assert_eq!(estimate_blocksize(&CsrMatrix::from_dense(&Array2::<f64>::ones((6, 6))), 0.7)?, (6, 6));
/// assert_eq!(estimate_blocksize(&CsrMatrix::<f64>::identity(4), 0.7)?, (1, 1));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn estimate_blocksize<T: SparseScalar>(a: &CsrMatrix<T>, efficiency: f64) -> Result<(usize, usize)> {
    if a.nnz() == 0 {
        return Ok((1, 1));
    }
    if !(efficiency > 0.0 && efficiency < 1.0) {
        return Err(invalid("efficiency", "efficiency must satisfy 0.0 < efficiency < 1.0"));
    }
    let (m, n) = a.shape();
    let nnz = a.nnz() as f64;
    let count = |r: usize, c: usize| {
        let mut seen = vec![usize::MAX; n / c + 1];
        let mut blocks = 0usize;
        for i in 0..m {
            for &j in &a.indices()[a.indptr()[i]..a.indptr()[i + 1]] {
                if seen[j / c] != i / r {
                    seen[j / c] = i / r;
                    blocks += 1;
                }
            }
        }
        blocks as f64
    };
    let eff = |k: usize| {
        if m.is_multiple_of(k) && n.is_multiple_of(k) { nnz / ((k * k) as f64 * count(k, k)) } else { 0.0 }
    };
    let high = (1.0 + efficiency) / 2.0;
    let (e22, e33) = (eff(2), eff(3));
    if e22 > high && e33 > high {
        return Ok(if nnz / (36.0 * count(6, 6)) > efficiency { (6, 6) } else { (3, 3) });
    }
    let e44 = eff(4);
    Ok(if e44 > efficiency {
        (4, 4)
    } else if e33 > efficiency {
        (3, 3)
    } else if e22 > efficiency {
        (2, 2)
    } else {
        (1, 1)
    })
}

impl<T: SparseScalar> CsrMatrix<T> {
    /// Converts to BSR with the block size SciPy picks ([`estimate_blocksize`] with
    /// efficiency 0.7).
    ///
    /// SciPy equivalent: `A.tobsr()` (and `bsr_array(A)`) without a block size.
    ///
    /// # Errors
    ///
    /// None in practice: the estimated block size divides the shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CsrMatrix;
    /// use sci_sparse::sci_array::ndarray::Array2;
    /// let b = CsrMatrix::from_dense(&Array2::<f64>::ones((4, 4))).tobsr_auto()?;
    /// assert_eq!(b.blocksize(), (4, 4));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tobsr_auto(&self) -> Result<BsrMatrix<T>> {
        self.tobsr(estimate_blocksize(self, 0.7)?)
    }
}

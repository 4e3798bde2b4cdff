//! Constructors and block operations: `eye`, `identity`, `diags`, `random`, `kron`,
//! `hstack`, `vstack`, `tril`, `triu`, `find`.

use sci_array::ndarray::Array1;
use sci_array::random::{ChoiceOptions, Generator};

use crate::cs::Cs;
use crate::error::{Result, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CsrMatrix};

/// The `m x n` sparse matrix with ones on the `k`-th diagonal, in CSR format.
///
/// SciPy equivalent: `scipy.sparse.eye_array(m, n, k=k, format='csr')`.
///
/// # Examples
///
/// ```
/// let a = sci_sparse::eye::<f64>(3, 4, 1);
/// assert_eq!(a.diagonal(1).to_vec(), vec![1.0, 1.0, 1.0]);
/// ```
pub fn eye<T: SparseScalar>(m: usize, n: usize, k: isize) -> CsrMatrix<T> {
    CsrMatrix::eye(m, n, k)
}

/// The `n x n` identity in CSR format.
///
/// SciPy equivalent: `scipy.sparse.identity(n, format='csr')`.
///
/// # Examples
///
/// ```
/// let a = sci_sparse::identity::<f64>(3);
/// assert_eq!((a.shape(), a.nnz()), ((3, 3), 3));
/// ```
pub fn identity<T: SparseScalar>(n: usize) -> CsrMatrix<T> {
    CsrMatrix::eye(n, n, 0)
}

/// A sparse matrix from diagonals: `diagonals[i]` is placed on diagonal `offsets[i]`.
///
/// With `shape = None` the matrix is square of size `len(diagonals[0]) + |offsets[0]|`. A
/// diagonal of length 1 is broadcast along its whole diagonal; longer ones are cut. Zeros are
/// not stored.
///
/// SciPy equivalent: `scipy.sparse.diags_array(diagonals, offsets=offsets, shape=shape,
/// format='csr')`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the numbers of diagonals and offsets differ, an offset
/// is repeated or outside the matrix, or a diagonal is too short.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// let d = sci_sparse::diags(&[vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 2.0, 3.0], vec![1.0, 2.0]], &[0, -1, 2], None)?;
/// assert_eq!(d.toarray(), array![[1.0, 0.0, 1.0, 0.0], [1.0, 2.0, 0.0, 2.0], [0.0, 2.0, 3.0, 0.0], [0.0, 0.0, 3.0, 4.0]]);
/// let t = sci_sparse::diags(&[vec![1.0], vec![-2.0], vec![1.0]], &[-1, 0, 1], Some((4, 4)))?;
/// assert_eq!(t.nnz(), 10);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn diags<T: SparseScalar>(
    diagonals: &[Vec<T>],
    offsets: &[isize],
    shape: Option<(usize, usize)>,
) -> Result<CsrMatrix<T>> {
    if diagonals.len() != offsets.len() {
        return Err(invalid("offsets", "Different number of diagonals and offsets."));
    }
    let (m, n) = match shape {
        Some(s) => s,
        None => {
            let Some(d0) = diagonals.first() else {
                return Err(invalid("diagonals", "at least one diagonal is needed to infer the shape"));
            };
            let s = d0.len() + offsets[0].unsigned_abs();
            (s, s)
        }
    };
    if m > isize::MAX as usize / 2 || n > isize::MAX as usize / 2 {
        return Err(invalid("shape", "matrix dimensions are too large"));
    }
    for (i, o) in offsets.iter().enumerate() {
        if offsets[..i].contains(o) {
            return Err(invalid("offsets", "offset array contains duplicate values"));
        }
    }
    let (mi, ni) = (m as i64, n as i64);
    let kk = mi.min(ni);
    let (mut data, mut row, mut col) = (Vec::new(), Vec::new(), Vec::new());
    for (j, (diag, &off)) in diagonals.iter().zip(offsets).enumerate() {
        let o = (off as i64).clamp(-(mi + 1), ni + 1);
        let length = (mi + o).min(ni - o).min(kk);
        if length < 0 {
            return Err(invalid("offsets", format!("Offset {off} (index {j}) out of bounds")));
        }
        let length = length as usize;
        if diag.len() < length && diag.len() != 1 {
            return Err(invalid(
                "diagonals",
                format!(
                    "Diagonal length (index {j}: {} at offset {off}) does not agree with array size ({m}, {n}).",
                    diag.len()
                ),
            ));
        }
        let (r0, c0) = if o >= 0 { (0usize, o as usize) } else { ((-o) as usize, 0usize) };
        for t in 0..length {
            let v = if diag.len() == 1 { diag[0] } else { diag[t] };
            if v != T::zero() {
                data.push(v);
                row.push(r0 + t);
                col.push(c0 + t);
            }
        }
    }
    Ok(CooMatrix::from_raw(data, row, col, (m, n)).tocsr())
}

/// A random `m x n` sparse matrix with `round(density * m * n)` entries uniform in `[0, 1)`.
///
/// Sampled exactly as SciPy does (`rng.choice(m * n, size, replace=False)` for the
/// positions in column-major order, then `rng.uniform(size=size)` for the values), so the
/// same seed gives the same matrix as `scipy.sparse.random(m, n, density,
/// rng=np.random.default_rng(seed))`. The result is in COO format (SciPy's default); convert
/// with [`CooMatrix::tocsr`] or [`CooMatrix::tocsc`].
///
/// SciPy equivalent: `scipy.sparse.random(m, n, density=density, rng=rng)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) unless `0 <= density <= 1`, or when `m * n` overflows.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::random::default_rng;
/// let a = sci_sparse::random(3, 4, 0.25, &mut default_rng(42))?;
/// assert_eq!((a.shape(), a.nnz()), ((3, 4), 3));
/// assert!(a.data().iter().all(|&v| (0.0..1.0).contains(&v)));
/// assert!(sci_sparse::random(3, 4, 1.5, &mut default_rng(0)).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn random(m: usize, n: usize, density: f64, rng: &mut Generator) -> Result<CooMatrix<f64>> {
    if !(0.0..=1.0).contains(&density) {
        return Err(invalid("density", "density expected to be 0 <= density <= 1"));
    }
    let tot = m.checked_mul(n).filter(|&t| t <= i64::MAX as usize);
    let Some(tot) = tot else {
        return Err(invalid("shape", "m * n overflows"));
    };
    let size = (density * tot as f64).round_ties_even() as usize;
    let opts = ChoiceOptions { replace: false, ..Default::default() };
    let ind = if size == 0 { Array1::zeros(0) } else { rng.choice(tot, size, &opts)? };
    let vals = rng.uniform(0.0, 1.0, size)?;
    let row = ind.iter().map(|&k| k as usize % m).collect();
    let col = ind.iter().map(|&k| k as usize / m).collect();
    Ok(CooMatrix::from_raw(vals.to_vec(), row, col, (m, n)))
}

/// The Kronecker product of two sparse matrices, in CSR format.
///
/// SciPy equivalent: `scipy.sparse.kron(a, b, format='csr')`.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::CsrMatrix;
/// let a = CsrMatrix::from_dense(&array![[0.0, 2.0], [5.0, 0.0]]);
/// let b = CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]);
/// let k = sci_sparse::kron(&a, &b);
/// assert_eq!(k.toarray().row(2).to_vec(), vec![5.0, 10.0, 0.0, 0.0]);
/// assert_eq!(k.nnz(), 8);
/// ```
pub fn kron<T: SparseScalar>(a: &CsrMatrix<T>, b: &CsrMatrix<T>) -> CsrMatrix<T> {
    let ((m, n), (p, q)) = (a.shape(), b.shape());
    let (ac, bc) = (&a.cs, &b.cs);
    let mut indptr = Vec::with_capacity(m * p + 1);
    indptr.push(0);
    let mut indices = Vec::with_capacity(a.nnz() * b.nnz());
    let mut data = Vec::with_capacity(a.nnz() * b.nnz());
    for i in 0..m {
        for k in 0..p {
            for s in ac.indptr[i]..ac.indptr[i + 1] {
                let (j, v) = (ac.indices[s], ac.data[s]);
                for t in bc.indptr[k]..bc.indptr[k + 1] {
                    indices.push(j * q + bc.indices[t]);
                    data.push(v * bc.data[t]);
                }
            }
            indptr.push(indices.len());
        }
    }
    CsrMatrix { cs: Cs { nmajor: m * p, nminor: n * q, indptr, indices, data } }
}

/// Stacks matrices side by side (same number of rows), in CSR format.
///
/// SciPy equivalent: `scipy.sparse.hstack(blocks, format='csr')`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for no blocks; [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the row
/// counts differ.
///
/// # Examples
///
/// ```
/// use sci_sparse::{CsrMatrix, hstack};
/// let a = CsrMatrix::<f64>::identity(2);
/// let h = hstack(&[&a, &a.scale(2.0)])?;
/// assert_eq!((h.shape(), h.sum()), ((2, 4), 6.0));
/// assert!(hstack(&[&a, &CsrMatrix::identity(3)]).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn hstack<T: SparseScalar>(blocks: &[&CsrMatrix<T>]) -> Result<CsrMatrix<T>> {
    let Some(first) = blocks.first() else {
        return Err(invalid("blocks", "blocks must not be empty"));
    };
    let m = first.shape().0;
    for b in blocks {
        if b.shape().0 != m {
            let (r, c) = b.shape();
            return Err(shape_err("blocks", format!("{m} rows in every block"), &[r, c]));
        }
    }
    let n: usize = blocks.iter().map(|b| b.shape().1).sum();
    let mut indptr = Vec::with_capacity(m + 1);
    indptr.push(0);
    let (mut indices, mut data) = (Vec::new(), Vec::new());
    for i in 0..m {
        let mut off = 0;
        for b in blocks {
            let c = &b.cs;
            for p in c.indptr[i]..c.indptr[i + 1] {
                indices.push(c.indices[p] + off);
                data.push(c.data[p]);
            }
            off += c.nminor;
        }
        indptr.push(indices.len());
    }
    Ok(CsrMatrix { cs: Cs { nmajor: m, nminor: n, indptr, indices, data } })
}

/// Stacks matrices on top of each other (same number of columns), in CSR format.
///
/// SciPy equivalent: `scipy.sparse.vstack(blocks, format='csr')`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for no blocks; [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when the
/// column counts differ.
///
/// # Examples
///
/// ```
/// use sci_sparse::{CsrMatrix, vstack};
/// let a = CsrMatrix::<f64>::eye(1, 3, 0);
/// let v = vstack(&[&a, &a])?;
/// assert_eq!((v.shape(), v.nnz()), ((2, 3), 2));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn vstack<T: SparseScalar>(blocks: &[&CsrMatrix<T>]) -> Result<CsrMatrix<T>> {
    let Some(first) = blocks.first() else {
        return Err(invalid("blocks", "blocks must not be empty"));
    };
    let n = first.shape().1;
    for b in blocks {
        if b.shape().1 != n {
            let (r, c) = b.shape();
            return Err(shape_err("blocks", format!("{n} columns in every block"), &[r, c]));
        }
    }
    let m: usize = blocks.iter().map(|b| b.shape().0).sum();
    let mut indptr = Vec::with_capacity(m + 1);
    indptr.push(0);
    let (mut indices, mut data) = (Vec::new(), Vec::new());
    for b in blocks {
        let base = indices.len();
        indices.extend_from_slice(&b.cs.indices);
        data.extend_from_slice(&b.cs.data);
        indptr.extend(b.cs.indptr[1..].iter().map(|&p| p + base));
    }
    Ok(CsrMatrix { cs: Cs { nmajor: m, nminor: n, indptr, indices, data } })
}

/// The lower triangle: entries with `col <= row + k` (stored zeros stay).
///
/// SciPy equivalent: `scipy.sparse.tril(a, k=k, format='csr')`.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(sci_sparse::tril(&a, 0).toarray(), array![[1.0, 0.0], [3.0, 4.0]]);
/// assert_eq!(sci_sparse::tril(&a, -1).nnz(), 1);
/// ```
pub fn tril<T: SparseScalar>(a: &CsrMatrix<T>, k: isize) -> CsrMatrix<T> {
    let mut c = a.cs.clone();
    c.retain(|i, j, _| (j as isize) <= (i as isize).saturating_add(k));
    CsrMatrix { cs: c }
}

/// The upper triangle: entries with `col >= row + k` (stored zeros stay).
///
/// SciPy equivalent: `scipy.sparse.triu(a, k=k, format='csr')`.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(sci_sparse::triu(&a, 1).toarray(), array![[0.0, 2.0], [0.0, 0.0]]);
/// ```
pub fn triu<T: SparseScalar>(a: &CsrMatrix<T>, k: isize) -> CsrMatrix<T> {
    let mut c = a.cs.clone();
    c.retain(|i, j, _| (j as isize) >= (i as isize).saturating_add(k));
    CsrMatrix { cs: c }
}

/// Rows, columns and values of the nonzero entries (duplicates summed first), sorted by
/// row then column.
///
/// SciPy equivalent: `scipy.sparse.find(a)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_parts(vec![1.0, 0.0, 2.0], vec![1, 0, 0], vec![0, 2, 3], (2, 2))?;
/// let (r, c, v) = sci_sparse::find(&a);
/// assert_eq!((r, c, v), (array![0, 1], array![1, 0], array![1.0, 2.0]));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn find<T: SparseScalar>(a: &CsrMatrix<T>) -> (Array1<usize>, Array1<usize>, Array1<T>) {
    let c = a.cs.canonical();
    let (mut r, mut col, mut v) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..c.nmajor {
        for p in c.indptr[i]..c.indptr[i + 1] {
            if c.data[p] != T::zero() {
                r.push(i);
                col.push(c.indices[p]);
                v.push(c.data[p]);
            }
        }
    }
    (Array1::from(r), Array1::from(col), Array1::from(v))
}

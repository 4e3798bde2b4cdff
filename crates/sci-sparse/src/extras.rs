//! More constructors: `block_diag`, `kronsum`, `spdiags`, `bmat`.

use crate::construct::kron;
use crate::cs::Cs;
use crate::error::{Result, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CsrMatrix};

/// The block-diagonal matrix with the given blocks, in CSR format.
///
/// SciPy equivalent: `scipy.sparse.block_diag(mats, format='csr')`.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::{CsrMatrix, block_diag};
/// let a = CsrMatrix::from_dense(&array![[1.0, 2.0]]);
/// let b = CsrMatrix::from_dense(&array![[3.0], [4.0]]);
/// let d = block_diag(&[&a, &b]);
/// assert_eq!(d.toarray(), array![[1.0, 2.0, 0.0], [0.0, 0.0, 3.0], [0.0, 0.0, 4.0]]);
/// ```
pub fn block_diag<T: SparseScalar>(mats: &[&CsrMatrix<T>]) -> CsrMatrix<T> {
    let m: usize = mats.iter().map(|a| a.shape().0).sum();
    let n: usize = mats.iter().map(|a| a.shape().1).sum();
    let mut indptr = Vec::with_capacity(m + 1);
    indptr.push(0);
    let (mut indices, mut data) = (Vec::new(), Vec::new());
    let mut off = 0;
    for a in mats {
        let c = &a.cs;
        for i in 0..c.nmajor {
            for p in c.indptr[i]..c.indptr[i + 1] {
                indices.push(c.indices[p] + off);
                data.push(c.data[p]);
            }
            indptr.push(indices.len());
        }
        off += c.nminor;
    }
    CsrMatrix { cs: Cs { nmajor: m, nminor: n, indptr, indices, data } }
}

/// The Kronecker sum `kron(I_n, A) + kron(B, I_m)` of square `A` (`m x m`) and `B`
/// (`n x n`), in CSR format.
///
/// SciPy equivalent: `scipy.sparse.kronsum(A, B, format='csr')`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when `A` or `B` is not
/// square.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::{CsrMatrix, kronsum};
/// let a = CsrMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
/// let b = CsrMatrix::from_dense(&array![[10.0]]);
/// assert_eq!(kronsum(&a, &b)?.toarray(), array![[11.0, 2.0], [0.0, 13.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn kronsum<T: SparseScalar>(a: &CsrMatrix<T>, b: &CsrMatrix<T>) -> Result<CsrMatrix<T>> {
    for (arg, x) in [("A", a), ("B", b)] {
        let (p, q) = x.shape();
        if p != q {
            return Err(shape_err(arg, "a square matrix", &[p, q]));
        }
    }
    let (m, n) = (a.shape().0, b.shape().0);
    kron(&CsrMatrix::identity(n), a).add(&kron(b, &CsrMatrix::identity(m)))
}

/// The `m x n` matrix whose diagonal `diags[k]` is row `k` of `data`, MATLAB style: entry
/// `(j - diags[k], j)` gets `data[k][j]` (column-aligned).
///
/// SciPy equivalent: `scipy.sparse.spdiags(data, diags, m, n)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the numbers of rows
/// and offsets differ or an offset is repeated.
///
/// # Examples
///
/// ```
/// use sci_sparse::sci_array::ndarray::array;
/// let data = [vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 2.0, 3.0, 4.0]];
/// let a = sci_sparse::spdiags(&data, &[0, -1, 2], 4, 4)?;
/// assert_eq!(a.toarray(), array![[1.0, 0.0, 3.0, 0.0], [1.0, 2.0, 0.0, 4.0], [0.0, 2.0, 3.0, 0.0], [0.0, 0.0, 3.0, 4.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn spdiags<T: SparseScalar>(
    data: &[Vec<T>],
    offsets: &[isize],
    m: usize,
    n: usize,
) -> Result<CsrMatrix<T>> {
    if data.len() != offsets.len() {
        return Err(invalid("diags", "number of diagonals does not match the number of offsets"));
    }
    for (i, o) in offsets.iter().enumerate() {
        if offsets[..i].contains(o) {
            return Err(invalid("diags", "offset array contains duplicate values"));
        }
    }
    let (mut v, mut r, mut c) = (Vec::new(), Vec::new(), Vec::new());
    for (row, &k) in data.iter().zip(offsets) {
        for (j, &x) in row.iter().enumerate().take(n) {
            // an offset below -isize::MAX reaches no row
            let Some(i) = (j as isize).checked_sub(k) else { continue };
            if i >= 0 && (i as usize) < m && x != T::zero() {
                v.push(x);
                r.push(i as usize);
                c.push(j);
            }
        }
    }
    Ok(CooMatrix::from_raw(v, r, c, (m, n)).tocsr())
}

/// Builds a matrix from a 2-d grid of sparse blocks; `None` blocks are zero. Every block of
/// a block row has the same number of rows and every block of a block column the same
/// number of columns; a block row (column) of `None` only has height (width) zero.
///
/// SciPy equivalent: `scipy.sparse.bmat(blocks, format='csr')` / `block_array`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `blocks` is empty or
/// its rows differ in length ("blocks must be 2-D"); [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch)
/// naming the first block whose rows or columns do not fit its block row or column.
///
/// # Examples
///
/// ```
/// use sci_sparse::{bmat, CsrMatrix};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]);
/// let b = CsrMatrix::from_dense(&array![[5.0], [6.0]]);
/// let c = CsrMatrix::from_dense(&array![[7.0, 0.0]]);
/// let m = bmat(&[vec![Some(&a), Some(&b)], vec![Some(&c), None]])?;
/// assert_eq!(m.toarray(), array![[1.0, 2.0, 5.0], [3.0, 4.0, 6.0], [7.0, 0.0, 0.0]]);
/// assert!(bmat(&[vec![Some(&a), Some(&c)]]).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn bmat<T: SparseScalar>(blocks: &[Vec<Option<&CsrMatrix<T>>>]) -> Result<CsrMatrix<T>> {
    let nbr = blocks.len();
    let nbc = blocks.first().map_or(0, Vec::len);
    if nbr == 0 || nbc == 0 {
        return Err(invalid("blocks", "blocks must not be empty"));
    }
    if blocks.iter().any(|r| r.len() != nbc) {
        return Err(invalid("blocks", "blocks must be 2-D"));
    }
    let (mut heights, mut widths) = (vec![None::<usize>; nbr], vec![None::<usize>; nbc]);
    for (bi, row) in blocks.iter().enumerate() {
        for (bj, b) in row.iter().enumerate() {
            let Some(b) = b else { continue };
            let (m, n) = b.shape();
            match heights[bi] {
                Some(h) if h != m => {
                    return Err(shape_err(
                        "blocks",
                        format!(
                            "blocks[{bi},:] to have {h} rows (blocks[{bi},{bj}] has incompatible row dimensions)"
                        ),
                        &[m, n],
                    ));
                }
                _ => heights[bi] = Some(m),
            }
            match widths[bj] {
                Some(w) if w != n => {
                    return Err(shape_err(
                        "blocks",
                        format!(
                            "blocks[:,{bj}] to have {w} columns (blocks[{bi},{bj}] has incompatible column dimensions)"
                        ),
                        &[m, n],
                    ));
                }
                _ => widths[bj] = Some(n),
            }
        }
    }
    let heights: Vec<usize> = heights.into_iter().map(|h| h.unwrap_or(0)).collect();
    let widths: Vec<usize> = widths.into_iter().map(|w| w.unwrap_or(0)).collect();
    let mut col_off = vec![0usize; nbc];
    for j in 1..nbc {
        col_off[j] = col_off[j - 1] + widths[j - 1];
    }
    let (m, n) = (heights.iter().sum(), widths.iter().sum());
    let mut indptr = Vec::with_capacity(m + 1);
    indptr.push(0);
    let (mut indices, mut data) = (Vec::new(), Vec::new());
    for (bi, row) in blocks.iter().enumerate() {
        for r in 0..heights[bi] {
            for (bj, b) in row.iter().enumerate() {
                let Some(b) = b else { continue };
                let c = &b.cs;
                for p in c.indptr[r]..c.indptr[r + 1] {
                    indices.push(c.indices[p] + col_off[bj]);
                    data.push(c.data[p]);
                }
            }
            indptr.push(indices.len());
        }
    }
    let mut cs = Cs { nmajor: m, nminor: n, indptr, indices, data };
    cs.sum_duplicates();
    Ok(CsrMatrix { cs })
}

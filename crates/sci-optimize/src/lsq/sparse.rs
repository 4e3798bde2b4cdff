//! The compressed-sparse-row kernel of the sparse Jacobians in `least_squares`: products,
//! column norms, row scaling and the column pattern for `group_columns`. Users pass and get
//! [`SparseMatrix`] (CSR or CSC parts), converted at the boundary.

use crate::linprog::{SparseFormat, SparseMatrix};
use ndarray::{Array1, Array2, ArrayBase, Data};

/// A sparse `(nrows, ncols)` matrix in compressed sparse row form: row `i` holds
/// `data[indptr[i]..indptr[i + 1]]` in the columns `indices[indptr[i]..indptr[i + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CsrMatrix {
    shape: (usize, usize),
    indptr: Vec<usize>,
    indices: Vec<usize>,
    data: Vec<f64>,
}

impl CsrMatrix {
    /// The CSR form of `a` (a CSC matrix is transposed; duplicates stay separate entries).
    pub(crate) fn from_sparse(a: &SparseMatrix) -> Self {
        let shape = a.shape();
        match a.format() {
            SparseFormat::Csr => CsrMatrix {
                shape,
                indptr: a.indptr().to_vec(),
                indices: a.indices().to_vec(),
                data: a.data().to_vec(),
            },
            SparseFormat::Csc => {
                let mut t = Vec::with_capacity(a.nnz());
                for j in 0..shape.1 {
                    for k in a.indptr()[j]..a.indptr()[j + 1] {
                        t.push((a.indices()[k], j, a.data()[k]));
                    }
                }
                t.sort_by_key(|&(i, j, _)| (i, j));
                Self::from_sorted_triplets(shape, t.into_iter())
            }
        }
    }

    /// The public CSR matrix.
    pub(crate) fn into_sparse(self) -> SparseMatrix {
        SparseMatrix::csr(self.shape, self.indptr, self.indices, self.data)
            .expect("a CsrMatrix is a valid CSR matrix by construction")
    }

    /// A pattern of ones at the `(row, col)` pairs (in range; duplicates kept once).
    #[cfg(test)]
    pub(crate) fn pattern(shape: (usize, usize), entries: &[(usize, usize)]) -> Self {
        let mut e = entries.to_vec();
        e.sort_unstable();
        e.dedup();
        Self::from_sorted_triplets(shape, e.iter().map(|&(i, j)| (i, j, 1.0)))
    }

    /// From valid CSR parts (no checks).
    pub(crate) fn from_raw(
        shape: (usize, usize),
        indptr: Vec<usize>,
        indices: Vec<usize>,
        data: Vec<f64>,
    ) -> Self {
        CsrMatrix { shape, indptr, indices, data }
    }

    /// From `(row, col, value)` sorted by row (no checks).
    pub(crate) fn from_sorted_triplets(
        shape: (usize, usize),
        t: impl Iterator<Item = (usize, usize, f64)>,
    ) -> Self {
        let mut indptr = vec![0; shape.0 + 1];
        let (mut indices, mut data) = (Vec::new(), Vec::new());
        for (i, j, v) in t {
            indptr[i + 1] += 1;
            indices.push(j);
            data.push(v);
        }
        for i in 0..shape.0 {
            indptr[i + 1] += indptr[i];
        }
        CsrMatrix { shape, indptr, indices, data }
    }

    /// `(nrows, ncols)`.
    pub(crate) fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// The dense matrix (duplicate entries summed).
    pub(crate) fn to_dense(&self) -> Array2<f64> {
        let mut a = Array2::zeros(self.shape);
        for i in 0..self.shape.0 {
            for k in self.indptr[i]..self.indptr[i + 1] {
                a[[i, self.indices[k]]] += self.data[k];
            }
        }
        a
    }

    /// `A x` (`x` of length `ncols`).
    pub(crate) fn dot<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, ndarray::Ix1>) -> Array1<f64> {
        let mut y = Array1::zeros(self.shape.0);
        match x.as_slice() {
            Some(xs) => self.matvec_into(xs, y.as_slice_mut().expect("owned")),
            None => self.matvec_into(&x.to_vec(), y.as_slice_mut().expect("owned")),
        }
        y
    }

    /// `y = A x`.
    pub(crate) fn matvec_into(&self, x: &[f64], y: &mut [f64]) {
        for (i, yi) in y.iter_mut().enumerate() {
            let (a, b) = (self.indptr[i], self.indptr[i + 1]);
            *yi = self.indices[a..b].iter().zip(&self.data[a..b]).map(|(&j, &v)| v * x[j]).sum();
        }
    }

    /// `y = A^T x`.
    pub(crate) fn rmatvec_into(&self, x: &[f64], y: &mut [f64]) {
        y.fill(0.0);
        for (i, &xi) in x.iter().enumerate() {
            let (a, b) = (self.indptr[i], self.indptr[i + 1]);
            for (&j, &v) in self.indices[a..b].iter().zip(&self.data[a..b]) {
                y[j] += v * xi;
            }
        }
    }

    /// The Euclidean norms of the columns.
    pub(crate) fn column_norms(&self) -> Array1<f64> {
        let mut s = Array1::zeros(self.shape.1);
        for (&j, &v) in self.indices.iter().zip(&self.data) {
            s[j] += v * v;
        }
        s.mapv_inplace(f64::sqrt);
        s
    }

    /// Multiplies row `i` by `d[i]` in place.
    pub(crate) fn scale_rows(&mut self, d: &[f64]) {
        for (i, &di) in d.iter().enumerate() {
            for v in &mut self.data[self.indptr[i]..self.indptr[i + 1]] {
                *v *= di;
            }
        }
    }

    /// The pattern by columns: `(colptr, rows, nonzero)`, rows ascending within a column,
    /// `nonzero` telling whether the stored value is not 0.
    pub(crate) fn csc_pattern(&self) -> (Vec<usize>, Vec<usize>, Vec<bool>) {
        let n = self.shape.1;
        let mut colptr = vec![0; n + 1];
        for &j in &self.indices {
            colptr[j + 1] += 1;
        }
        for j in 0..n {
            colptr[j + 1] += colptr[j];
        }
        let mut next = colptr.clone();
        let mut rows = vec![0; self.indices.len()];
        let mut nonzero = vec![false; self.indices.len()];
        for i in 0..self.shape.0 {
            for k in self.indptr[i]..self.indptr[i + 1] {
                let j = self.indices[k];
                rows[next[j]] = i;
                nonzero[next[j]] = self.data[k] != 0.0;
                next[j] += 1;
            }
        }
        (colptr, rows, nonzero)
    }
}

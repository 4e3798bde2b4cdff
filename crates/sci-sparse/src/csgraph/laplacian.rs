//! The graph Laplacian, as a matrix (`form="array"`) or as an operator (`form="lo"`).

use sci_array::ndarray::{Array1, ArrayView1};

use crate::CsrMatrix;
use crate::cs::Cs;
use crate::error::{Result, shape_err};
use crate::linalg::LinearOperator;

/// Keyword arguments of [`laplacian_with`] and [`laplacian_operator`] (SciPy's defaults:
/// all `false`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::LaplacianOptions;
/// let o = LaplacianOptions { normed: true, ..Default::default() };
/// assert!(!o.use_out_degree && !o.symmetrized);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LaplacianOptions {
    /// The symmetrically normalized Laplacian `I - D^-1/2 A D^-1/2` (`normed`).
    pub normed: bool,
    /// Degrees from the row sums (out-degrees) instead of the column sums (`use_out_degree`).
    pub use_out_degree: bool,
    /// Use `A + A^T` for the graph, making the Laplacian symmetric (`symmetrized`).
    pub symmetrized: bool,
}

/// Degrees (row or column sums minus the diagonal, as SciPy computes them) of `m`.
fn degrees(m: &Cs<f64>, use_out_degree: bool) -> Vec<f64> {
    let sums = if use_out_degree { m.major_sums() } else { m.minor_sums() };
    let mut diag = vec![0.0; m.nmajor];
    for i in 0..m.nmajor {
        for p in m.indptr[i]..m.indptr[i + 1] {
            if m.indices[p] == i {
                diag[i] += m.data[p];
            }
        }
    }
    sums.iter().zip(&diag).map(|(s, d)| s - d).collect()
}

fn square(csgraph: &CsrMatrix<f64>) -> Result<usize> {
    let (m, n) = csgraph.shape();
    if m != n {
        return Err(shape_err("csgraph", "a square matrix", &[m, n]));
    }
    Ok(n)
}

/// The graph Laplacian `L = D - A` (diagonal of `A` ignored; `D` the in-degrees, i.e. the
/// column sums), or with `normed` the symmetrically normalized `I - D^-1/2 A D^-1/2` (zero
/// diagonal for isolated nodes). Shorthand for [`laplacian_with`].
///
/// SciPy equivalent: `scipy.sparse.csgraph.laplacian(csgraph, normed)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::laplacian;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]);
/// assert_eq!(laplacian(&g, false)?.toarray(), array![[2.0, -1.0, -1.0], [-1.0, 1.0, 0.0], [-1.0, 0.0, 1.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn laplacian(csgraph: &CsrMatrix<f64>, normed: bool) -> Result<CsrMatrix<f64>> {
    Ok(laplacian_with(csgraph, &LaplacianOptions { normed, ..Default::default() })?.0)
}

/// The graph Laplacian with SciPy's options, and the array `return_diag=True` adds: the
/// degrees, or with `normed` their square roots (1 for isolated nodes).
///
/// `L = D - A` with the diagonal of `A` ignored; `D` holds the column sums of `A` (its
/// in-degrees) or, with `use_out_degree`, its row sums; `symmetrized` replaces `A` by
/// `A + A^T` first; `normed` gives `I - D^-1/2 A D^-1/2` with a zero diagonal for isolated
/// nodes. Zeros are not stored (SciPy keeps explicit zeros on the diagonal).
///
/// SciPy equivalent: `scipy.sparse.csgraph.laplacian(csgraph, normed, return_diag=True,
/// use_out_degree, form="array", symmetrized)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{laplacian_with, LaplacianOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 2.0], [0.0, 0.0]]);
/// let (l, d) = laplacian_with(&g, &LaplacianOptions { use_out_degree: true, ..Default::default() })?;
/// assert_eq!(l.toarray(), array![[2.0, -2.0], [0.0, 0.0]]);
/// assert_eq!(d, array![2.0, 0.0]);
/// let (l, d) = laplacian_with(&g, &LaplacianOptions { symmetrized: true, ..Default::default() })?;
/// assert_eq!(l.toarray(), array![[2.0, -2.0], [-2.0, 2.0]]);
/// assert_eq!(d, array![2.0, 2.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn laplacian_with(
    csgraph: &CsrMatrix<f64>,
    options: &LaplacianOptions,
) -> Result<(CsrMatrix<f64>, Array1<f64>)> {
    let n = square(csgraph)?;
    let mut m = csgraph.cs.canonical();
    if options.symmetrized {
        m = m.binop(&m.swap_major(), true, |a, b| a + b);
    }
    let deg = degrees(&m, options.use_out_degree);
    m.retain(|i, j, _| i != j);
    let (w, diag): (Vec<f64>, Vec<f64>) = if options.normed {
        deg.iter().map(|&d| if d == 0.0 { (1.0, 0.0) } else { (d.sqrt(), 1.0) }).unzip()
    } else {
        (deg.clone(), deg)
    };
    if options.normed {
        for i in 0..n {
            for p in m.indptr[i]..m.indptr[i + 1] {
                m.data[p] /= w[i];
                m.data[p] /= w[m.indices[p]];
            }
        }
    }
    let out = m.map(|v| -v);
    let d = Cs { nmajor: n, nminor: n, indptr: (0..=n).collect(), indices: (0..n).collect(), data: diag };
    Ok((CsrMatrix { cs: out.binop(&d, true, |a, b| a + b) }, Array1::from(w)))
}

/// The graph Laplacian as a [`LinearOperator`] that never forms `L` (SciPy's `form="lo"`):
/// `L x = D x - A x`, evaluated with one product by the stored graph (two when
/// `symmetrized`). Made by [`laplacian_operator`].
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{laplacian_operator, LaplacianOptions};
/// use sci_sparse::linalg::LinearOperator;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0], [1.0, 0.0]]);
/// let (lo, _) = laplacian_operator(&g, &LaplacianOptions::default())?;
/// assert_eq!(lo.matvec(array![1.0, 0.0].view()), array![1.0, -1.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct LaplacianOperator {
    a: CsrMatrix<f64>,
    symmetrized: bool,
    /// Row sums (or column sums; both when symmetrized), diagonal included.
    d: Array1<f64>,
    /// `1 / sqrt(degree)` when normed.
    nd: Option<Array1<f64>>,
}

impl LaplacianOperator {
    fn apply(&self, x: ArrayView1<'_, f64>, transpose: bool) -> Array1<f64> {
        let xs = match &self.nd {
            Some(nd) => &x * nd,
            None => x.to_owned(),
        };
        let ax = |v: &Array1<f64>, t: bool| {
            if t { self.a.rmatvec(v.view()).unwrap_or_default() } else { self.a.matvec(v.view()) }
        };
        let mut y = &xs * &self.d - ax(&xs, transpose);
        if self.symmetrized {
            y -= &ax(&xs, !transpose);
        }
        if let Some(nd) = &self.nd {
            y *= nd;
        }
        y
    }
}

impl LinearOperator for LaplacianOperator {
    fn shape(&self) -> (usize, usize) {
        self.a.shape()
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        self.apply(x, false)
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        Some(self.apply(x, true))
    }
}

/// The graph Laplacian as a [`LaplacianOperator`] (no `L` is formed: memory stays that of the
/// graph), with the array `return_diag=True` adds (as [`laplacian_with`]).
///
/// SciPy equivalent: `scipy.sparse.csgraph.laplacian(csgraph, normed, return_diag=True,
/// use_out_degree, form="lo", symmetrized)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{laplacian_operator, LaplacianOptions};
/// use sci_sparse::linalg::LinearOperator;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 4.0], [4.0, 0.0]]);
/// let (lo, w) = laplacian_operator(&g, &LaplacianOptions { normed: true, ..Default::default() })?;
/// assert_eq!(w, array![2.0, 2.0]);
/// assert_eq!(lo.matvec(array![1.0, 1.0].view()), array![0.0, 0.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn laplacian_operator(
    csgraph: &CsrMatrix<f64>,
    options: &LaplacianOptions,
) -> Result<(LaplacianOperator, Array1<f64>)> {
    square(csgraph)?;
    let a = CsrMatrix { cs: csgraph.cs.canonical() };
    let (rows, cols) = (a.cs.major_sums(), a.cs.minor_sums());
    let mut d = Array1::from(if options.use_out_degree { rows.clone() } else { cols.clone() });
    let deg = if options.symmetrized {
        let m = a.cs.binop(&a.cs.swap_major(), true, |x, y| x + y);
        d += &Array1::from(if options.use_out_degree { cols } else { rows });
        degrees(&m, options.use_out_degree)
    } else {
        degrees(&a.cs, options.use_out_degree)
    };
    let (nd, w) = if options.normed {
        let w: Array1<f64> = deg.iter().map(|&x| if x == 0.0 { 1.0 } else { x.sqrt() }).collect();
        (Some(w.mapv(|x| 1.0 / x)), w)
    } else {
        (None, Array1::from(deg))
    };
    Ok((LaplacianOperator { a, symmetrized: options.symmetrized, d, nd }, w))
}

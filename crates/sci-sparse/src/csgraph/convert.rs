//! Dense <-> sparse graph conversions with a null value for missing edges.

use sci_array::ndarray::{Array2, ArrayBase, Data, Ix2};

use crate::error::{Result, shape_err};
use crate::{CooMatrix, CsrMatrix};

/// A sparse graph from a dense matrix: every entry other than `null_value` (compared as
/// `np.isclose`, rtol 1e-5 and atol 1e-8, as SciPy's masking does) and, when `nan_null` /
/// `infinity_null`, other than NaN / ±inf is an edge, zeros included when `null_value` is
/// not 0. A NaN or infinite `null_value` turns on `nan_null` or `infinity_null`.
///
/// SciPy equivalent: `scipy.sparse.csgraph.csgraph_from_dense(graph, null_value, nan_null,
/// infinity_null)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::csgraph_from_dense;
/// use sci_sparse::sci_array::ndarray::array;
/// let d = array![[0.0, 2.0, f64::INFINITY], [0.0, -1.0, 0.0], [f64::NAN, 1.0, 0.0]];
/// let g = csgraph_from_dense(&d, -1.0, true, true)?;
/// assert_eq!(g.nnz(), 6);
/// assert_eq!(csgraph_from_dense(&d, 0.0, true, true)?.nnz(), 3);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn csgraph_from_dense<S: Data<Elem = f64>>(
    graph: &ArrayBase<S, Ix2>,
    null_value: f64,
    nan_null: bool,
    infinity_null: bool,
) -> Result<CsrMatrix<f64>> {
    let (m, n) = graph.dim();
    if m != n {
        return Err(shape_err("graph", "a square matrix", &[m, n]));
    }
    // As SciPy: a NaN or infinite null value means "NaN" or "both infinities" are null, and
    // entries within np.isclose of the null value (rtol 1e-5, atol 1e-8) are null.
    let nan_null = nan_null || null_value.is_nan();
    let infinity_null = infinity_null || null_value.is_infinite();
    let finite_null = null_value.is_finite().then_some(null_value);
    let (mut data, mut row, mut col) = (Vec::new(), Vec::new(), Vec::new());
    for ((i, j), &w) in graph.indexed_iter() {
        let close = finite_null.is_some_and(|z| (w - z).abs() <= 1e-8 + 1e-5 * z.abs());
        let null = close || (nan_null && w.is_nan()) || (infinity_null && w.is_infinite());
        if !null {
            data.push(w);
            row.push(i);
            col.push(j);
        }
    }
    Ok(CooMatrix::new(data, row, col, (m, n))?.tocsr())
}

/// The dense matrix of a sparse graph, `null_value` where there is no edge; of duplicate
/// edges the smallest weight is kept (stored zeros are edges of weight 0).
///
/// SciPy equivalent: `scipy.sparse.csgraph.csgraph_to_dense(csgraph, null_value)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::csgraph_to_dense;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_parts(vec![0.0, 3.0, 2.0], vec![1, 0, 0], vec![0, 1, 3], (2, 2))?;
/// let d = csgraph_to_dense(&g, f64::INFINITY)?;
/// assert_eq!(d, array![[f64::INFINITY, 0.0], [2.0, f64::INFINITY]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn csgraph_to_dense(csgraph: &CsrMatrix<f64>, null_value: f64) -> Result<Array2<f64>> {
    let (m, n) = csgraph.shape();
    if m != n {
        return Err(shape_err("csgraph", "a square matrix", &[m, n]));
    }
    let mut out = Array2::from_elem((n, n), null_value);
    let mut seen = Array2::from_elem((n, n), false);
    let (ptr, ind, dat) = (csgraph.indptr(), csgraph.indices(), csgraph.data());
    for i in 0..n {
        for p in ptr[i]..ptr[i + 1] {
            let j = ind[p];
            if !seen[[i, j]] || dat[p] < out[[i, j]] {
                out[[i, j]] = dat[p];
                seen[[i, j]] = true;
            }
        }
    }
    Ok(out)
}

/// Distances along the paths that `predecessors` (one row per source, as returned by the
/// shortest-path functions) describe: `dist[[i, j]]` sums the edge weights from source `i`
/// back from `j`; `null_value` where there is no path. For undirected graphs each edge
/// weighs the smaller nonzero of its two directions, as in SciPy.
///
/// SciPy equivalent: `scipy.sparse.csgraph.construct_dist_matrix(graph, predecessors,
/// directed, null_value)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square graph
/// or `predecessors` without `n` columns; [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a source row
/// beyond the graph or a predecessor outside it.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{construct_dist_matrix, dijkstra};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0], [0.0, 0.0, 0.5], [0.0, 0.0, 0.0]]);
/// let sp = dijkstra(&g, true, None, false)?;
/// let d = construct_dist_matrix(&g, &sp.predecessors, true, f64::INFINITY)?;
/// assert_eq!(d, sp.dist);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn construct_dist_matrix(
    graph: &CsrMatrix<f64>,
    predecessors: &Array2<i64>,
    directed: bool,
    null_value: f64,
) -> Result<Array2<f64>> {
    let mut g = csgraph_to_dense(graph, f64::INFINITY)?;
    let n = g.nrows();
    let (ns, np) = predecessors.dim();
    if np != n || ns > n {
        return Err(shape_err("predecessors", format!("shape (k, {n}) with k <= {n}"), &[ns, np]));
    }
    if let Some(&bad) = predecessors.iter().find(|&&p| p >= n as i64) {
        return Err(crate::SparseError::IndexOutOfBounds { arg: "predecessors", index: bad, bound: n });
    }
    if !directed {
        g.mapv_inplace(|w| if w == 0.0 { f64::INFINITY } else { w });
        let t = g.t().to_owned();
        g.zip_mut_with(&t, |a, &b| *a = a.min(b));
    }
    let mut dist = Array2::<f64>::zeros((ns, n));
    for i in 0..ns {
        for j in 0..n {
            let mut null_path = true;
            let mut k2 = j;
            let mut steps = 0;
            while k2 != i && steps <= n {
                let k1 = predecessors[[i, k2]];
                if k1 < 0 {
                    break;
                }
                let k1 = k1 as usize;
                dist[[i, j]] += g[[k1, k2]];
                null_path = false;
                k2 = k1;
                steps += 1;
            }
            if null_path && i != j {
                dist[[i, j]] = null_value;
            }
        }
    }
    Ok(dist)
}

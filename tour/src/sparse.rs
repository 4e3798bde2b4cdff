//! The sparse chapter: a CSR matrix from triplets, and a sparse direct solve.

use crate::report::Tour;
use sci::ndarray::array;
use sci::sparse::{self, CsrMatrix};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, _dir: &Path) -> Res {
    tour.chapter("Sparse matrices (sci::sparse)");
    let a = CsrMatrix::from_triplets(
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        &[0, 0, 1, 2, 2, 2],
        &[0, 2, 2, 0, 1, 2],
        (3, 3),
    )?;
    let dense = a.toarray();
    tour.check("sparse.toarray", json!(dense.rows().into_iter().map(|r| r.to_vec()).collect::<Vec<_>>()));
    let x = sparse::linalg::spsolve(&a, &array![1.0, 2.0, 3.0])?;
    tour.check("sparse.spsolve", json!(x.to_vec()));
    tour.note(&format!("The matrix stores {} entries in {} bytes.", a.nnz(), a.nbytes()));
    Ok(())
}

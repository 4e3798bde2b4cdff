//! The sparse chapter: a CSR matrix from triplets, a sparse direct solve, the book's sparse vs
//! dense eigensolver experiment, and reverse Cuthill-McKee on a 2-D Poisson matrix.

use crate::plot;
use crate::report::Tour;
use sci::array::random::default_rng;
use sci::ndarray::{Array2, array};
use sci::sparse::linalg::{EigshOptions, Which, eigsh};
use sci::sparse::{self, CsrMatrix};
use serde_json::json;
use std::path::Path;
use std::time::Instant;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
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
    eigen_experiment(tour)?;
    rcm_figure(tour, dir)?;
    Ok(())
}

/// The book's experiment: the 6 largest eigenvalues of a 3000 x 3000 random sparse symmetric
/// matrix by sparse Lanczos (`eigsh`) and by the dense solver (`linalg::eigh`), with the memory
/// each representation needs and the time each solver takes.
fn eigen_experiment(tour: &mut Tour) -> Res {
    let n = 3000;
    let mut rng = default_rng(0);
    let b = sparse::random(n, n, 0.001, &mut rng)?.tocsr();
    let a = b.add(&b.transpose().tocsr())?; // symmetric
    let t0 = Instant::now();
    let (w_sparse, _) = eigsh(&a, 6, &EigshOptions { which: Which::LA, ..Default::default() }, None)?;
    let t_sparse = t0.elapsed().as_secs_f64();
    let dense = a.toarray();
    let t0 = Instant::now();
    let w_dense = sci::linalg::eigvalsh(&dense, true)?;
    let t_dense = t0.elapsed().as_secs_f64();
    let top: Vec<f64> = w_dense.iter().rev().take(6).rev().copied().collect();
    let worst = w_sparse.iter().zip(&top).map(|(s, d)| (s - d).abs() / d.abs()).fold(0.0f64, f64::max);
    let (bytes_sparse, bytes_dense) = (a.nbytes(), dense.len() * std::mem::size_of::<f64>());
    tour.check_claim(
        "sparse.eigsh_vs_eigh_3000",
        json!({"sparse_eigs": w_sparse.to_vec(), "dense_top6": top, "max_rel_diff": worst}),
        "eigsh's 6 largest eigenvalues equal the dense solver's to 1e-10",
        worst < 1e-10,
    );
    tour.note(&format!(
        "3000 x 3000 random symmetric matrix ({} non-zeros): sparse storage {:.2} MB vs dense {:.1} MB \
         ({:.0}x less); eigsh (k = 6) {:.3} s vs dense eigvalsh {:.2} s ({:.0}x faster).",
        a.nnz(),
        bytes_sparse as f64 / 1e6,
        bytes_dense as f64 / 1e6,
        bytes_dense as f64 / bytes_sparse as f64,
        t_sparse,
        t_dense,
        t_dense / t_sparse
    ));
    Ok(())
}

/// The 5-point Laplacian of a 30 x 30 grid with its nodes shuffled, and the same matrix after
/// reverse Cuthill-McKee: the sparsity patterns side by side.
fn rcm_figure(tour: &mut Tour, dir: &Path) -> Res {
    let g = 30;
    let n = g * g;
    let mut rng = default_rng(1);
    let perm = rng.permutation(n);
    let node = |i: usize, j: usize| perm[i * g + j] as usize;
    let (mut rows, mut cols, mut vals) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..g {
        for j in 0..g {
            let p = node(i, j);
            rows.push(p);
            cols.push(p);
            vals.push(4.0);
            for (di, dj) in [(0i64, 1i64), (1, 0), (0, -1), (-1, 0)] {
                let (ni, nj) = (i as i64 + di, j as i64 + dj);
                if ni >= 0 && nj >= 0 && (ni as usize) < g && (nj as usize) < g {
                    rows.push(p);
                    cols.push(node(ni as usize, nj as usize));
                    vals.push(-1.0);
                }
            }
        }
    }
    let a = CsrMatrix::from_triplets(&vals, &rows, &cols, (n, n))?;
    let order = sparse::csgraph::reverse_cuthill_mckee(&a, true)?;
    let mut inv = vec![0usize; n];
    for (new, &old) in order.iter().enumerate() {
        inv[old] = new;
    }
    let dense = a.toarray();
    let mut before = Array2::zeros((n, n));
    let mut after = Array2::zeros((n, n));
    let (mut bw_before, mut bw_after) = (0usize, 0usize);
    for ((r, c), v) in dense.indexed_iter() {
        if *v != 0.0 {
            before[[r, c]] = 1.0;
            after[[inv[r], inv[c]]] = 1.0;
            bw_before = bw_before.max(r.abs_diff(c));
            bw_after = bw_after.max(inv[r].abs_diff(inv[c]));
        }
    }
    plot::image(&dir.join("poisson_shuffled.png"), "2-D Poisson matrix, shuffled nodes", before.view(), 1)?;
    tour.figure(
        "poisson_shuffled.png",
        &format!("Sparsity pattern of a shuffled 900-node Poisson matrix (bandwidth {bw_before})"),
    );
    plot::image(&dir.join("poisson_rcm.png"), "after reverse Cuthill-McKee", after.view(), 1)?;
    tour.figure(
        "poisson_rcm.png",
        &format!("The same matrix reordered by reverse_cuthill_mckee (bandwidth {bw_after})"),
    );
    tour.check_claim(
        "sparse.rcm_bandwidth",
        json!({"before": bw_before, "after": bw_after}),
        "reverse Cuthill-McKee brings the bandwidth down to at most 2 grid widths",
        bw_after <= 2 * g,
    );
    Ok(())
}

//! `sparse.*` workloads: sci-sparse against `scipy.sparse`, `sparse.linalg` and `csgraph`.
//!
//! Python side: `benches/python/bench_sparse.py`. The Poisson matrix is the 5-point Laplacian
//! on a 500x500 grid (250 000 unknowns, CSR), built on both sides as
//! `kron(T, I) + kron(I, T)` with `T = tridiag(-1, 2, -1)`; random matrices and graphs are
//! drawn here and saved as triplets.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use crate::rng::SplitMix64;
use ndarray::Array1;
use sci_sparse::csgraph::{Connection, connected_components};
use sci_sparse::linalg::{EigshOptions, IterOptions, cg, eigsh, spsolve};
use sci_sparse::{CooMatrix, CsrMatrix, diags, identity, kron};

/// The `sparse.*` workloads available with the current sci-sparse.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "sparse.spmv_poisson_250k",
            about: "CsrMatrix::dot(x): 5-point Laplacian 500x500 grid (1.25e6 nonzeros) times a vector",
            setup: spmv_poisson,
        },
        Workload {
            name: "sparse.spsolve_poisson_250k",
            about: "sci_sparse::linalg::spsolve(A, b), A the 250k Poisson matrix (CSR)",
            setup: spsolve_poisson,
        },
        Workload {
            name: "sparse.cg_poisson_250k",
            about: "sci_sparse::linalg::cg(A, b, rtol=1e-8), A the 250k Poisson matrix, no preconditioner",
            setup: cg_poisson,
        },
        Workload {
            name: "sparse.eigsh_rand3000_k6",
            about: "sci_sparse::linalg::eigsh(A, k=6, which=LM), A = R + R^T, R 3000x3000 random with 1% density",
            setup: eigsh_rand,
        },
        Workload {
            name: "sparse.spgemm_poisson",
            about: "CsrMatrix::matmul: A @ A for the 250k Poisson matrix, int32 indices as SciPy's; compares nnz and (A @ A) @ v",
            setup: spgemm_poisson,
        },
        Workload {
            name: "sparse.coo_to_csr_1e7",
            about: "CooMatrix::tocsr: 1e7 random entries in a 1e6 x 1e6 matrix (duplicates summed)",
            setup: coo_to_csr,
        },
        Workload {
            name: "sparse.connected_components_1e6",
            about: "csgraph::connected_components(G, directed=false): 1e6 nodes, 1e6 random edges",
            setup: components_1e6,
        },
    ]
}

/// The 5-point Laplacian on an `m x m` grid.
fn poisson(m: usize) -> Result<CsrMatrix<f64>, String> {
    let t = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((m, m))).map_err(msg)?;
    let i = identity::<f64>(m);
    kron(&t, &i).add(&kron(&i, &t)).map_err(msg)
}

fn spmv_poisson(inp: &mut Inputs) -> Result<Case, String> {
    let a = poisson(500)?;
    let x = inp.rng().normal_vec(a.shape().1);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("y", a.dot(&x).map_err(msg)?.into())])))
}

fn spsolve_poisson(inp: &mut Inputs) -> Result<Case, String> {
    let a = poisson(500)?;
    let b = inp.rng().normal_vec(a.shape().0);
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("x", spsolve(&a, &b).map_err(msg)?.into())])))
}

fn cg_poisson(inp: &mut Inputs) -> Result<Case, String> {
    let a = poisson(500)?;
    let b = inp.rng().normal_vec(a.shape().0);
    inp.save("b", &b)?;
    Ok(Box::new(move || {
        let r = cg(&a, &b, &IterOptions { rtol: 1e-8, ..Default::default() }).map_err(msg)?;
        // The true relative residual (one extra product, as on the SciPy side). CG stops on its
        // recursively updated residual, which drifts a little from the true one.
        let res = &b - &a.dot(&r.x).map_err(msg)?;
        let relres = res.dot(&res).sqrt() / b.dot(&b).sqrt();
        let ok = r.info == 0 && relres <= 2e-8;
        Ok(vec![("x", r.x.into()), ("converged", Array1::from_elem(1, ok).into())])
    }))
}

/// `count` random `(row, col, value)` triplets in `[0, n)^2`, values standard normal.
fn triplets(rng: &mut SplitMix64, n: usize, count: usize) -> (Array1<i64>, Array1<i64>, Array1<f64>) {
    let rows = rng.int_vec(count, n as u64);
    let cols = rng.int_vec(count, n as u64);
    let vals = rng.normal_vec(count);
    (rows, cols, vals)
}

fn save_triplets(inp: &Inputs, t: &(Array1<i64>, Array1<i64>, Array1<f64>)) -> Result<(), String> {
    inp.save("rows", &t.0)?;
    inp.save("cols", &t.1)?;
    inp.save("vals", &t.2)
}

fn usizes(a: &Array1<i64>) -> Vec<usize> {
    a.iter().map(|&v| v as usize).collect()
}

fn eigsh_rand(inp: &mut Inputs) -> Result<Case, String> {
    let n = 3000;
    let t = triplets(inp.rng(), n, n * n / 100);
    save_triplets(inp, &t)?;
    let (r, c) = (usizes(&t.0), usizes(&t.1));
    let data: Vec<f64> = t.2.iter().chain(t.2.iter()).copied().collect();
    let rows: Vec<usize> = r.iter().chain(&c).copied().collect();
    let cols: Vec<usize> = c.iter().chain(&r).copied().collect();
    let a = CsrMatrix::from_triplets(&data, &rows, &cols, (n, n)).map_err(msg)?;
    let opts = EigshOptions::default();
    Ok(Box::new(move || {
        let (w, _v) = eigsh(&a, 6, &opts, None).map_err(msg)?;
        let mut w = w.to_vec();
        w.sort_by(f64::total_cmp);
        Ok(vec![("w", Array1::from(w).into())])
    }))
}

fn spgemm_poisson(inp: &mut Inputs) -> Result<Case, String> {
    // SciPy stores this matrix and its square with int32 indices (`A.indices.dtype`): the
    // like-for-like product is the one of `CsrMatrix<f64, i32>`.
    let a = poisson(500)?.to_index_type::<i32>().map_err(msg)?;
    let v = inp.rng().normal_vec(a.shape().1);
    inp.save("v", &v)?;
    Ok(Box::new(move || {
        let c = a.matmul(&a).map_err(msg)?;
        Ok(vec![("nnz", Array1::from_elem(1, c.nnz() as i64).into()), ("cv", c.dot(&v).map_err(msg)?.into())])
    }))
}

fn as_i64(v: &[usize]) -> Array1<i64> {
    v.iter().map(|&i| i as i64).collect()
}

fn coo_to_csr(inp: &mut Inputs) -> Result<Case, String> {
    let n = 1_000_000;
    let t = triplets(inp.rng(), n, 10_000_000);
    save_triplets(inp, &t)?;
    let coo = CooMatrix::new(t.2.to_vec(), usizes(&t.0), usizes(&t.1), (n, n)).map_err(msg)?;
    Ok(Box::new(move || {
        let c = coo.tocsr();
        Ok(vec![
            ("indptr", as_i64(c.indptr()).into()),
            ("indices", as_i64(c.indices()).into()),
            ("data", Array1::from(c.data().to_vec()).into()),
        ])
    }))
}

fn components_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let n = 1_000_000;
    let t = triplets(inp.rng(), n, n);
    save_triplets(inp, &t)?;
    let ones = vec![1.0; n];
    let g = CsrMatrix::from_triplets(&ones, &usizes(&t.0), &usizes(&t.1), (n, n)).map_err(msg)?;
    Ok(Box::new(move || {
        let (count, labels) = connected_components(&g, false, Connection::Weak).map_err(msg)?;
        Ok(vec![
            ("n", Array1::from_elem(1, count as i64).into()),
            ("labels", labels.mapv(|l| l as i64).into()),
        ])
    }))
}

//! `linalg.*` workloads: sci-linalg against `scipy.linalg`.
//!
//! Python side: `benches/python/bench_linalg.py`. Matrices are standard normal `f64` unless the
//! name or the description says otherwise. Singular vectors, eigenvectors and QR factors are
//! unique only up to sign, so those rows compare singular values / eigenvalues and the
//! element-wise absolute values of the factors (sign-free), never the signed vectors; those are
//! taken in place on the owned outputs (`mapv_into`), as a Rust caller would, where NumPy's
//! `np.abs` allocates (huge-page backed) new arrays.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use ndarray::{Array1, Array2};
use sci_array::num_complex::Complex64;
use sci_linalg::{
    EigSelect, QrMode, cholesky, det, eig, eig_banded, eigh, eigh_tridiagonal, eigvals_banded, expm, inv,
    lstsq, matmul, qr, solve, svd, svdvals,
};

/// The `linalg.*` workloads available with the current sci-linalg.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "linalg.solve_1000",
            about: "sci_linalg::solve(a, b), a 1000x1000, b (1000,)",
            setup: solve_1000,
        },
        Workload { name: "linalg.inv_1000", about: "sci_linalg::inv, 1000x1000", setup: inv_1000 },
        Workload {
            name: "linalg.det_1000",
            about: "sci_linalg::det, 1000x1000 normal / sqrt(1000)",
            setup: det_1000,
        },
        Workload {
            name: "linalg.svd_512",
            about: "sci_linalg::svd(a, full_matrices=true), 512x512; compares s, |u|, |vh|",
            setup: svd_512,
        },
        Workload {
            name: "linalg.svd_thin_1000x500",
            about: "sci_linalg::svd(a, full_matrices=false), 1000x500; compares s, |u|, |vh|",
            setup: svd_thin,
        },
        Workload {
            name: "linalg.svdvals_500",
            about: "sci_linalg::svdvals, 500x500; compares s",
            setup: svdvals_500,
        },
        Workload {
            name: "linalg.svdvals_2000x500",
            about: "sci_linalg::svdvals, 2000x500 (QR first); compares s",
            setup: svdvals_2000x500,
        },
        Workload {
            name: "linalg.svdvals_complex_500",
            about: "sci_linalg::svdvals, complex128 500x500 (standard normal real and imaginary parts); compares s",
            setup: svdvals_complex_500,
        },
        Workload {
            name: "linalg.eigh_1000",
            about: "sci_linalg::eigh(a, lower=true), symmetric 1000x1000; compares w, |v|",
            setup: eigh_1000,
        },
        Workload {
            name: "linalg.eigh_tridiagonal_2000",
            about: "sci_linalg::eigh_tridiagonal(d, e), n = 2000 normal d and e, values and vectors; compares w, |v|",
            setup: eigh_tridiagonal_2000,
        },
        Workload {
            name: "linalg.eigvals_banded_2000_b5",
            about: "sci_linalg::eigvals_banded(ab), symmetric band n = 2000, kd = 5 (normal upper storage (6, 2000)); compares w",
            setup: eigvals_banded_2000_b5,
        },
        Workload {
            name: "linalg.eig_banded_2000_b5",
            about: "sci_linalg::eig_banded(ab), symmetric band n = 2000, kd = 5 (normal upper storage (6, 2000)); compares w, |v|",
            setup: eig_banded_2000_b5,
        },
        Workload {
            name: "linalg.eig_500",
            about: "sci_linalg::eig, 500x500 non-symmetric; compares sorted real parts, imaginary parts and moduli of w",
            setup: eig_500,
        },
        Workload {
            name: "linalg.cholesky_2000",
            about: "sci_linalg::cholesky(a, lower=false), SPD 2000x2000 ((b + b^T) / 2 + 3 sqrt(n) I)",
            setup: cholesky_2000,
        },
        Workload {
            name: "linalg.qr_1000",
            about: "sci_linalg::qr(a, Full), 1000x1000; compares |q|, |r|",
            setup: qr_1000,
        },
        Workload {
            name: "linalg.lstsq_2000x500",
            about: "sci_linalg::lstsq(a, b), a 2000x500, b (2000,); compares x and residues",
            setup: lstsq_2000x500,
        },
        Workload {
            name: "linalg.matmul_1000",
            about: "sci_linalg::matmul(a, b), a and b 1000x1000 (NumPy: a @ b)",
            setup: matmul_1000,
        },
        Workload {
            name: "linalg.matmul_complex_300",
            about: "sci_linalg::matmul(a, b), complex128 a and b 300x300, standard normal parts (NumPy: a @ b)",
            setup: matmul_complex_300,
        },
        Workload {
            name: "linalg.matmul_f32_300",
            about: "sci_linalg::matmul(a, b), f32 a and b 300x300, standard normal (NumPy: a @ b)",
            setup: matmul_f32_300,
        },
        Workload {
            name: "linalg.matmul_2000",
            about: "sci_linalg::matmul(a, b), a and b 2000x2000 (NumPy: a @ b)",
            setup: matmul_2000,
        },
        Workload {
            name: "linalg.expm_200",
            about: "sci_linalg::expm, 200x200 normal / sqrt(200)",
            setup: expm_200,
        },
    ]
}

fn solve_1000(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(1000, 1000);
    let b = inp.rng().normal_vec(1000);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("x", solve(&a, &b).map_err(msg)?.into())])))
}

fn inv_1000(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(1000, 1000);
    inp.save("a", &a)?;
    Ok(Box::new(move || Ok(vec![("ainv", inv(&a).map_err(msg)?.into())])))
}

fn det_1000(inp: &mut Inputs) -> Result<Case, String> {
    // Scaled so that the determinant stays within f64's range (about 1e-217 here).
    let a = inp.rng().normal_mat(1000, 1000) / 1000f64.sqrt();
    inp.save("a", &a)?;
    Ok(Box::new(move || Ok(vec![("det", Array1::from_elem(1, det(&a).map_err(msg)?).into())])))
}

fn svd_case(a: Array2<f64>, full: bool) -> Case {
    Box::new(move || {
        let d = svd(&a, full).map_err(msg)?;
        Ok(vec![
            ("s", d.s.into()),
            ("abs_u", d.u.mapv_into(f64::abs).into()),
            ("abs_vh", d.vh.mapv_into(f64::abs).into()),
        ])
    })
}

fn svd_512(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(512, 512);
    inp.save("a", &a)?;
    Ok(svd_case(a, true))
}

fn svd_thin(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(1000, 500);
    inp.save("a", &a)?;
    Ok(svd_case(a, false))
}

fn svdvals_case<T: sci_linalg::LinalgScalar<Real = f64>>(a: Array2<T>) -> Case {
    Box::new(move || Ok(vec![("s", svdvals(&a).map_err(msg)?.into())]))
}

fn svdvals_500(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(500, 500);
    inp.save("a", &a)?;
    Ok(svdvals_case(a))
}

fn svdvals_2000x500(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(2000, 500);
    inp.save("a", &a)?;
    Ok(svdvals_case(a))
}

fn svdvals_complex_500(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let a = Array2::from_shape_simple_fn((500, 500), || Complex64::new(rng.normal(), rng.normal()));
    inp.save("a", &a)?;
    Ok(svdvals_case(a))
}

fn eigh_1000(inp: &mut Inputs) -> Result<Case, String> {
    let b = inp.rng().normal_mat(1000, 1000);
    let a = (&b + &b.t()) * 0.5;
    inp.save("a", &a)?;
    Ok(Box::new(move || {
        let (w, v) = eigh(&a, true).map_err(msg)?;
        Ok(vec![("w", w.into()), ("abs_v", v.mapv_into(f64::abs).into())])
    }))
}

fn eigh_tridiagonal_2000(inp: &mut Inputs) -> Result<Case, String> {
    let d = inp.rng().normal_vec(2000);
    let e = inp.rng().normal_vec(1999);
    inp.save("d", &d)?;
    inp.save("e", &e)?;
    Ok(Box::new(move || {
        let (w, v) = eigh_tridiagonal(&d, &e, EigSelect::All).map_err(msg)?;
        Ok(vec![("w", w.into()), ("abs_v", v.mapv_into(f64::abs).into())])
    }))
}

fn eigvals_banded_2000_b5(inp: &mut Inputs) -> Result<Case, String> {
    let ab = inp.rng().normal_mat(6, 2000);
    inp.save("ab", &ab)?;
    Ok(Box::new(move || {
        let w = eigvals_banded(&ab, false, EigSelect::All).map_err(msg)?;
        Ok(vec![("w", w.into())])
    }))
}

fn eig_banded_2000_b5(inp: &mut Inputs) -> Result<Case, String> {
    let ab = inp.rng().normal_mat(6, 2000);
    inp.save("ab", &ab)?;
    Ok(Box::new(move || {
        let (w, v) = eig_banded(&ab, false, EigSelect::All).map_err(msg)?;
        Ok(vec![("w", w.into()), ("abs_v", v.mapv_into(f64::abs).into())])
    }))
}

fn sorted(v: impl Iterator<Item = f64>) -> Array1<f64> {
    let mut v: Vec<f64> = v.collect();
    v.sort_by(f64::total_cmp);
    Array1::from(v)
}

fn eig_500(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(500, 500);
    inp.save("a", &a)?;
    Ok(Box::new(move || {
        let (w, _v) = eig(&a).map_err(msg)?;
        Ok(vec![
            ("re", sorted(w.iter().map(|z| z.re)).into()),
            ("im", sorted(w.iter().map(|z| z.im)).into()),
            ("abs", sorted(w.iter().map(|z| z.norm())).into()),
        ])
    }))
}

fn cholesky_2000(inp: &mut Inputs) -> Result<Case, String> {
    // Symmetric with eigenvalues in about +-sqrt(2n) (semicircle law), shifted by 3 sqrt(n):
    // positive definite and well conditioned.
    let n = 2000;
    let b = inp.rng().normal_mat(n, n);
    let a = (&b + &b.t()) * 0.5 + Array2::<f64>::eye(n) * (3.0 * (n as f64).sqrt());
    inp.save("a", &a)?;
    Ok(Box::new(move || Ok(vec![("u", cholesky(&a, false).map_err(msg)?.into())])))
}

fn qr_1000(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(1000, 1000);
    inp.save("a", &a)?;
    Ok(Box::new(move || {
        let (q, r) = qr(&a, QrMode::Full).map_err(msg)?;
        Ok(vec![("abs_q", q.mapv_into(f64::abs).into()), ("abs_r", r.mapv_into(f64::abs).into())])
    }))
}

fn lstsq_2000x500(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(2000, 500);
    let b = inp.rng().normal_vec(2000);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || {
        let r = lstsq(&a, &b, None).map_err(msg)?;
        Ok(vec![("x", r.x.into()), ("residues", r.residues.into())])
    }))
}

fn expm_200(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(200, 200) / 200f64.sqrt();
    inp.save("a", &a)?;
    Ok(Box::new(move || Ok(vec![("e", expm(&a).map_err(msg)?.into())])))
}

fn matmul_case(inp: &mut Inputs, n: usize) -> Result<Case, String> {
    let a = inp.rng().normal_mat(n, n);
    let b = inp.rng().normal_mat(n, n);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("c", matmul(&a, &b).map_err(msg)?.into())])))
}

fn matmul_1000(inp: &mut Inputs) -> Result<Case, String> {
    matmul_case(inp, 1000)
}

fn matmul_2000(inp: &mut Inputs) -> Result<Case, String> {
    matmul_case(inp, 2000)
}

fn matmul_complex_300(inp: &mut Inputs) -> Result<Case, String> {
    let rng = inp.rng();
    let a = Array2::from_shape_simple_fn((300, 300), || Complex64::new(rng.normal(), rng.normal()));
    let b = Array2::from_shape_simple_fn((300, 300), || Complex64::new(rng.normal(), rng.normal()));
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("c", matmul(&a, &b).map_err(msg)?.into())])))
}

fn matmul_f32_300(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(300, 300).mapv(|v| v as f32);
    let b = inp.rng().normal_mat(300, 300).mapv(|v| v as f32);
    inp.save("a", &a)?;
    inp.save("b", &b)?;
    Ok(Box::new(move || Ok(vec![("c", matmul(&a, &b).map_err(msg)?.into())])))
}

//! `(A - sigma M)^-1` for a complex shift `sigma`, as the shift-invert modes of
//! [`eigs`](super::eigs) and [`eigs_complex`](super::eigs_complex) use it: the complex system
//! `(P + i Q) (x + i y) = b + i c` is solved in its real form of order `2 n`,
//! `[[P, -Q], [Q, P]] [x; y] = [b; c]`, by a sparse LU when the matrices are known, else by
//! GMRES in complex arithmetic (SciPy's `IterOpInv`).

use sci_array::ndarray::{Array1, ArrayView1, ArrayViewMut1, s};

use sci_array::num_complex::Complex64;

use super::eigen::{Inverse, Shifted, lu_inverse};
use super::operator::LinearOperator;
use crate::CscMatrix;
use crate::error::{Result, invalid};

/// The real form `[[P, -Q], [Q, P]]` of the complex matrix `P + i Q`.
fn real_form(p: &CscMatrix<f64>, q: &CscMatrix<f64>) -> Result<CscMatrix<f64>> {
    let n = p.shape().0;
    let cap = 2 * (p.nnz() + q.nnz());
    let (mut data, mut rows, mut cols) =
        (Vec::with_capacity(cap), Vec::with_capacity(cap), Vec::with_capacity(cap));
    let mut push = |m: &CscMatrix<f64>, sign: f64, r0: usize, c0: usize| {
        let (ip, ix, d) = (m.indptr(), m.indices(), m.data());
        for j in 0..n {
            for t in ip[j]..ip[j + 1] {
                data.push(sign * d[t]);
                rows.push(r0 + ix[t]);
                cols.push(c0 + j);
            }
        }
    };
    push(p, 1.0, 0, 0);
    push(p, 1.0, n, n);
    push(q, -1.0, 0, n);
    push(q, 1.0, n, 0);
    CscMatrix::from_triplets(&data, &rows, &cols, (2 * n, 2 * n))
}

/// `[[P, -Q], [Q, P]]` for `P = A - sigma_r M`, `Q = -sigma_i M` (`M = I` when `None`): the
/// real form of `A - sigma M` for a real `A`, as an operator.
struct RealFormShift<'a> {
    p: Shifted<'a>,
    m: Option<&'a dyn LinearOperator>,
    sigma_i: f64,
}

impl LinearOperator for RealFormShift<'_> {
    fn shape(&self) -> (usize, usize) {
        let n = self.p.a.shape().0;
        (2 * n, 2 * n)
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        let mut y = Array1::zeros(x.len());
        self.matvec_into(x, y.view_mut());
        y
    }
    fn matvec_into(&self, x: ArrayView1<'_, f64>, mut y: ArrayViewMut1<'_, f64>) {
        let n = self.p.a.shape().0;
        let (xr, xi) = (x.slice(s![..n]), x.slice(s![n..]));
        self.p.matvec_into(xr, y.slice_mut(s![..n]));
        self.p.matvec_into(xi, y.slice_mut(s![n..]));
        // -Q = sigma_i M
        let (mr, mi) = match self.m {
            None => (xr.to_owned(), xi.to_owned()),
            Some(m) => (m.matvec(xr), m.matvec(xi)),
        };
        y.slice_mut(s![..n]).scaled_add(self.sigma_i, &mi);
        y.slice_mut(s![n..]).scaled_add(-self.sigma_i, &mr);
    }
}

/// `(A - sigma M)^-1` for a real `A` and `sigma = sigma_r + i sigma_i`, on real-form slices
/// `[re; im]` of length `2 n`: a sparse LU when `A` and `M` are matrices
/// ([`LinearOperator::to_sparse`]), else complex GMRES(20) to `max(tol, 1000 sqrt(n) eps)`
/// (`tol = 2 eps` when 0) with SciPy's `10 n` restart cycles, as SciPy's `IterOpInv`.
pub(crate) fn real_a_inverse<'a>(
    a: &'a dyn LinearOperator,
    m: Option<&'a dyn LinearOperator>,
    sigma_r: f64,
    sigma_i: f64,
    tol: f64,
) -> Result<Inverse<'a>> {
    let n = a.shape().0;
    let mm = match m {
        Some(m) => m.to_sparse().map(Some),
        None => Some(None),
    };
    if let (Some(mat), Some(mm)) = (a.to_sparse(), mm) {
        let mm = mm.unwrap_or_else(|| CscMatrix::<f64>::identity(n));
        let p = mat.sub(&mm.scale(sigma_r))?;
        let q = mm.scale(-sigma_i);
        return lu_inverse(&real_form(&p, &q)?);
    }
    let op = RealFormShift { p: Shifted { a, m, sigma: sigma_r }, m, sigma_i };
    let tol = if tol > 0.0 { tol } else { 2.0 * f64::EPSILON };
    let rtol = tol.max(1000.0 * (n as f64).sqrt() * f64::EPSILON);
    Ok(Box::new(move |b, y| {
        let bc: Vec<Complex64> = (0..n).map(|i| Complex64::new(b[i], b[n + i])).collect();
        let (x, info) = complex_gmres(&op, &bc, rtol, 20.min(n).max(1), 10 * n);
        if info != 0 {
            return Err(invalid(
                "sigma",
                format!(
                    "Error in inverting [A-sigma*M]: function gmres_loose did not converge (info = {info})."
                ),
            ));
        }
        for i in 0..n {
            (y[i], y[n + i]) = (x[i].re, x[i].im);
        }
        Ok(())
    }))
}

fn cnorm(x: &[Complex64]) -> f64 {
    x.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt()
}

/// `y = K x` for the real form `K` of a complex operator, on complex vectors.
fn apply_real_form(k: &dyn LinearOperator, x: &[Complex64]) -> Vec<Complex64> {
    let n = x.len();
    let xr: Array1<f64> = x.iter().map(|z| z.re).chain(x.iter().map(|z| z.im)).collect();
    let y = k.matvec(xr.view());
    (0..n).map(|i| Complex64::new(y[i], y[n + i])).collect()
}

/// Restarted GMRES in complex arithmetic (SciPy's `gmres` on a complex operator, `x0 = 0`,
/// `atol = 0`): `(x, info)` with `info` the restart cycles made when `||b - A x|| <=
/// rtol ||b||` was not reached within `maxiter` cycles, else 0. The operator is the real
/// form of the complex one (the complex Krylov space converges faster than the real one of
/// twice the order, as SciPy's complex GMRES does).
fn complex_gmres(
    k: &dyn LinearOperator,
    b: &[Complex64],
    rtol: f64,
    restart: usize,
    maxiter: usize,
) -> (Vec<Complex64>, usize) {
    let n = b.len();
    let zero = Complex64::new(0.0, 0.0);
    let mut x = vec![zero; n];
    let bnorm = cnorm(b);
    if bnorm == 0.0 {
        return (x, 0);
    }
    let atol = rtol * bnorm;
    for _cycle in 0..maxiter {
        let ax = apply_real_form(k, &x);
        let r: Vec<Complex64> = b.iter().zip(&ax).map(|(p, q)| p - q).collect();
        let beta = cnorm(&r);
        if beta <= atol || !beta.is_finite() {
            return (x, if beta.is_finite() { 0 } else { maxiter });
        }
        let mut v: Vec<Vec<Complex64>> = vec![r.iter().map(|z| z / beta).collect()];
        let mut h = vec![vec![zero; restart + 1]; restart];
        let mut rot: Vec<(f64, Complex64)> = Vec::with_capacity(restart);
        let mut g = vec![zero; restart + 1];
        g[0] = Complex64::new(beta, 0.0);
        let mut steps = 0;
        for j in 0..restart {
            let mut w = apply_real_form(k, &v[j]);
            for (i, vi) in v.iter().enumerate() {
                let d: Complex64 = vi.iter().zip(&w).map(|(p, q)| p.conj() * q).sum();
                h[j][i] = d;
                w.iter_mut().zip(vi).for_each(|(wq, p)| *wq -= d * p);
            }
            let hn = cnorm(&w);
            h[j][j + 1] = Complex64::new(hn, 0.0);
            for (i, &(c, sn)) in rot.iter().enumerate() {
                let (p, q) = (h[j][i], h[j][i + 1]);
                h[j][i] = p * c + sn * q;
                h[j][i + 1] = -sn.conj() * p + q * c;
            }
            // the rotation zeroing h[j][j + 1]
            let (p, q) = (h[j][j], h[j][j + 1]);
            let den = (p.norm_sqr() + q.norm_sqr()).sqrt();
            let (c, sn) = if den == 0.0 {
                (1.0, zero)
            } else if p.norm() == 0.0 {
                (0.0, q.conj() / q.norm())
            } else {
                let c = p.norm() / den;
                (c, (p / p.norm()) * q.conj() / den)
            };
            rot.push((c, sn));
            h[j][j] = p * c + sn * q;
            h[j][j + 1] = zero;
            g[j + 1] = -sn.conj() * g[j];
            g[j] *= c;
            steps = j + 1;
            if g[j + 1].norm() <= atol || hn == 0.0 {
                break;
            }
            v.push(w.iter().map(|z| z / hn).collect());
        }
        // back substitution for the update in the Krylov basis
        let mut yk = vec![zero; steps];
        for i in (0..steps).rev() {
            let mut acc = g[i];
            for l in i + 1..steps {
                acc -= h[l][i] * yk[l];
            }
            yk[i] = acc / h[i][i];
        }
        for (l, &c) in yk.iter().enumerate() {
            x.iter_mut().zip(&v[l]).for_each(|(xq, p)| *xq += c * p);
        }
    }
    let ax = apply_real_form(k, &x);
    let r: Vec<Complex64> = b.iter().zip(&ax).map(|(p, q)| p - q).collect();
    (x, if cnorm(&r) <= atol { 0 } else { maxiter })
}

/// `(A - sigma I)^-1` for a complex matrix `A = A_r + i A_i` (as its two real parts) on
/// real-form slices, by a sparse LU of the real form.
pub(crate) fn complex_a_inverse<'a>(
    a_re: &CscMatrix<f64>,
    a_im: &CscMatrix<f64>,
    sigma_r: f64,
    sigma_i: f64,
) -> Result<Inverse<'a>> {
    let n = a_re.shape().0;
    if a_re.shape() != a_im.shape() {
        return Err(invalid("A", "real and imaginary parts of different shapes"));
    }
    let eye = CscMatrix::<f64>::identity(n);
    let p = a_re.sub(&eye.scale(sigma_r))?;
    let q = a_im.sub(&eye.scale(sigma_i))?;
    lu_inverse(&real_form(&p, &q)?)
}

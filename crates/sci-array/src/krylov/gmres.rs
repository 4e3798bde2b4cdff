//! Restarted GMRES as SciPy 1.17 runs it: modified Gram-Schmidt Arnoldi on the
//! left-preconditioned system, LAPACK `dlartg` Givens rotations, and gh-8400's control of the
//! inner tolerance between restarts.

use super::{KResult, KrylovError, KrylovOperator, KrylovParams, KrylovSolution, Sys, budget};
use ndarray::{Array1, Array2};

/// LAPACK's `dlartg` for finite, unscaled input: `(c, s, r)` with `[c s; -s c] [f; g] = [r; 0]`.
fn givens(f: f64, g: f64) -> (f64, f64, f64) {
    if g == 0.0 {
        return (1.0, 0.0, f);
    }
    if f == 0.0 {
        return (0.0, g.signum(), g.abs());
    }
    let d = (f * f + g * g).sqrt();
    let r = d.copysign(f);
    (f.abs() / d, g / r, r)
}

/// Restarted GMRES for a general square `A`; `maxiter` counts restart cycles.
///
/// Each cycle builds up to `restart` Arnoldi vectors of `M A`, updating the least-squares
/// residual of the preconditioned system with Givens rotations, and stops the cycle when it
/// falls below SciPy's inner tolerance `ptol` (or on a lucky breakdown); the true residual
/// `|b - A x|` is then checked against `max(atol, rtol |b|)`.
///
/// SciPy equivalent: `scipy.sparse.linalg.gmres(A, b, x0, rtol, atol, restart, maxiter, M)`
/// (without `callback`).
///
/// # Errors
///
/// [`KrylovError::Operator`] when a product fails; [`KrylovError::InvalidValue`] for
/// `restart = Some(0)` or an `x0` of the wrong length.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{gmres, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[3.0, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]];
/// let p = KrylovParams { rtol: 1e-12, ..Default::default() };
/// let s = gmres(&mut MatrixOperator(&a), &array![2.0, 4.0, -1.0], &p).unwrap();
/// assert_eq!(s.info, 0);
/// assert!((&s.x - &array![2.0, -2.0, 9.0]).iter().all(|d| d.abs() < 1e-10));
/// ```
pub fn gmres<O: KrylovOperator>(
    op: &mut O,
    b: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<KrylovSolution, O> {
    let (mut s, mut x) = Sys::begin(op, b, p)?;
    let n = b.len();
    if p.restart == Some(0) {
        return Err(KrylovError::InvalidValue { arg: "restart", message: "must be positive".into() });
    }
    let bnrm2 = s.norm(b);
    let atol = p.atol.max(p.rtol * bnrm2);
    if bnrm2 == 0.0 {
        return Ok(KrylovSolution { x: b.clone(), info: 0 });
    }
    let eps = f64::EPSILON;
    let maxiter = budget(p, 10, n);
    let restart = p.restart.unwrap_or(20).min(n);
    let mb = s.m(b)?;
    let mb_nrm2 = s.norm(&mb);
    let mut ptol_max_factor = 1.0f64;
    let mut ptol = mb_nrm2 * ptol_max_factor.min(atol / bnrm2);
    // v's rows are the Arnoldi basis; hc[col] holds column col of the Hessenberg matrix
    // (SciPy's h[col, :]).
    let mut v = Array2::<f64>::zeros((restart + 1, n));
    let mut hc = Array2::<f64>::zeros((restart, restart + 1));
    let mut rot = vec![(0.0f64, 0.0f64); restart];
    let mut rnorm = f64::INFINITY;
    let mut r = Array1::zeros(0);
    for iteration in 0..maxiter {
        if iteration == 0 {
            r = s.residual(b, &x)?;
            if s.norm(&r) < atol {
                return Ok(KrylovSolution { x, info: 0 });
            }
        }
        let mut v0 = s.m(&r)?;
        let beta = s.norm(&v0);
        v0 *= 1.0 / beta;
        v.row_mut(0).assign(&v0);
        let mut g = vec![0.0f64; restart + 1];
        g[0] = beta;
        let mut breakdown = false;
        let mut presid = 0.0;
        let mut last = 0;
        for col in 0..restart {
            last = col;
            let av = s.a(&v.row(col).to_owned())?;
            let mut w = s.m(&av)?;
            let h0 = s.norm(&w);
            for k in 0..=col {
                let vk = v.row(k).to_owned();
                let t = s.dot(&vk, &w);
                hc[[col, k]] = t;
                w.zip_mut_with(&vk, |wi, &vi| *wi -= t * vi);
            }
            let h1 = s.norm(&w);
            hc[[col, col + 1]] = h1;
            if h1 <= eps * h0 {
                hc[[col, col + 1]] = 0.0;
                breakdown = true;
            } else {
                w *= 1.0 / h1;
            }
            v.row_mut(col + 1).assign(&w);
            for (k, &(c, sn)) in rot.iter().enumerate().take(col) {
                let (n0, n1) = (hc[[col, k]], hc[[col, k + 1]]);
                hc[[col, k]] = c * n0 + sn * n1;
                hc[[col, k + 1]] = -sn * n0 + c * n1;
            }
            let (c, sn, mag) = givens(hc[[col, col]], hc[[col, col + 1]]);
            rot[col] = (c, sn);
            hc[[col, col]] = mag;
            hc[[col, col + 1]] = 0.0;
            let t = -sn * g[col];
            g[col] *= c;
            g[col + 1] = t;
            presid = t.abs();
            if presid <= ptol || breakdown {
                break;
            }
        }
        // Back substitution on the triangular factor, skipping zero entries (SciPy's
        // pseudo-solve of singular cases).
        let col = last;
        if hc[[col, col]] == 0.0 {
            g[col] = 0.0;
        }
        let mut y = g[..=col].to_vec();
        for k in (1..=col).rev() {
            if y[k] != 0.0 {
                y[k] /= hc[[k, k]];
                let t = y[k];
                for i in 0..k {
                    y[i] -= t * hc[[k, i]];
                }
            }
        }
        if y[0] != 0.0 {
            y[0] /= hc[[0, 0]];
        }
        // x += y @ v[:col+1] (a matrix-vector product: each entry summed over the basis)
        for j in 0..n {
            let mut acc = 0.0f64;
            for (k, &yk) in y.iter().enumerate() {
                acc = yk.mul_add(v[[k, j]], acc);
            }
            x[j] += acc;
        }
        r = b - &s.a(&x)?;
        rnorm = s.norm(&r);
        if rnorm <= atol || breakdown {
            break;
        } else if presid <= ptol {
            ptol_max_factor = eps.max(0.25 * ptol_max_factor);
        } else {
            ptol_max_factor = (1.5 * ptol_max_factor).min(1.0);
        }
        ptol = presid * ptol_max_factor.min(atol / rnorm);
    }
    let info = if rnorm <= atol { 0 } else { maxiter as i64 };
    Ok(KrylovSolution { x, info })
}

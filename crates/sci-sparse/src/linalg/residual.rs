//! The minimal-residual Krylov solvers `gmres` and `minres`, with SciPy's conventions.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1};

use super::iterative::{DynRef, IterOptions, IterResult, norm, residual, setup};
use super::operator::{IdentityOperator, LinearOperator};
use crate::error::{Result, invalid};

/// LAPACK's `dlartg`: `(c, s, r)` with `[c s; -s c] [f; g] = [r; 0]`.
fn lartg(f: f64, g: f64) -> (f64, f64, f64) {
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, g.signum(), g.abs())
    } else {
        let d = f.hypot(g);
        let r = d.copysign(f);
        (f.abs() / d, g / r, r)
    }
}

/// Restarted GMRES for a general square `A` (modified Gram–Schmidt Arnoldi, Givens
/// rotations, SciPy's inner-tolerance control); `maxiter` counts restart cycles.
///
/// SciPy equivalent: `scipy.sparse.linalg.gmres(A, b, x0, rtol=1e-5, atol=0.0, restart=20,
/// maxiter, M)`.
///
/// # Errors
///
/// As [`cg`](super::cg), plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for
/// `restart = Some(0)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{gmres, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[3.0, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]]);
/// let r = gmres(&a, &array![2.0, 4.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![2.0, -2.0, 9.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn gmres<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    if opts.restart == Some(0) {
        return Err(invalid("restart", "restart must be positive"));
    }
    let n = s.n;
    let restart = opts.restart.unwrap_or(20).min(n).max(1);
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let eps = f64::EPSILON;
    let atol = opts.atol.max(s.rtol * bnrm2);
    let mb_nrm2 = norm(&s.m.matvec(s.b.view()));
    let mut ptol_max_factor = 1.0f64;
    let mut ptol = mb_nrm2 * ptol_max_factor.min(atol / bnrm2);
    let mut presid;
    let mut v = Array2::<f64>::zeros((restart + 1, n));
    let mut h = Array2::<f64>::zeros((restart, restart + 1));
    let mut givens = vec![(0.0f64, 0.0f64); restart];
    let mut r = residual(a, &s);
    if norm(&r) < atol {
        return Ok(IterResult { x: s.x, info: 0 });
    }
    let mut rnorm = f64::INFINITY;
    for _ in 0..s.maxiter {
        let v0 = s.m.matvec(r.view());
        let tmp = norm(&v0);
        v.row_mut(0).assign(&(&v0 * (1.0 / tmp)));
        let mut sv = vec![0.0f64; restart + 1];
        sv[0] = tmp;
        let mut breakdown = false;
        let mut col = 0;
        presid = 0.0;
        for c in 0..restart {
            col = c;
            let av = a.matvec(v.row(c));
            let mut w = s.m.matvec(av.view());
            let h0 = norm(&w);
            for k in 0..=c {
                let t = v.row(k).dot(&w);
                h[[c, k]] = t;
                w.scaled_add(-t, &v.row(k));
            }
            let h1 = norm(&w);
            h[[c, c + 1]] = h1;
            if h1 <= eps * h0 {
                h[[c, c + 1]] = 0.0;
                breakdown = true;
                v.row_mut(c + 1).assign(&w);
            } else {
                v.row_mut(c + 1).assign(&(&w * (1.0 / h1)));
            }
            for k in 0..c {
                let (cs, sn) = givens[k];
                let (n0, n1) = (h[[c, k]], h[[c, k + 1]]);
                h[[c, k]] = cs * n0 + sn * n1;
                h[[c, k + 1]] = -sn * n0 + cs * n1;
            }
            let (cs, sn, mag) = lartg(h[[c, c]], h[[c, c + 1]]);
            givens[c] = (cs, sn);
            h[[c, c]] = mag;
            h[[c, c + 1]] = 0.0;
            let t = -sn * sv[c];
            sv[c] *= cs;
            sv[c + 1] = t;
            presid = t.abs();
            if presid <= ptol || breakdown {
                break;
            }
        }
        if h[[col, col]] == 0.0 {
            sv[col] = 0.0;
        }
        let mut y = sv[..=col].to_vec();
        for k in (1..=col).rev() {
            if y[k] != 0.0 {
                y[k] /= h[[k, k]];
                let t = y[k];
                for i in 0..k {
                    y[i] -= t * h[[k, i]];
                }
            }
        }
        if y[0] != 0.0 {
            y[0] /= h[[0, 0]];
        }
        for (k, &yk) in y.iter().enumerate() {
            s.x.scaled_add(yk, &v.row(k));
        }
        r = &s.b - &a.matvec(s.x.view());
        rnorm = norm(&r);
        if rnorm <= atol || breakdown {
            break;
        } else if presid <= ptol {
            ptol_max_factor = eps.max(0.25 * ptol_max_factor);
        } else {
            ptol_max_factor = (1.5 * ptol_max_factor).min(1.0);
        }
        ptol = presid * ptol_max_factor.min(atol / rnorm);
    }
    let info = if rnorm <= atol { 0 } else { s.maxiter as i64 };
    Ok(IterResult { x: s.x, info })
}

/// MINimum RESidual iteration for a symmetric (possibly indefinite) `A`, a port of SciPy's
/// (Paige–Saunders) `minres` with its stopping rules; `maxiter` defaults to `5 n`.
///
/// SciPy equivalent: `scipy.sparse.linalg.minres(A, b, x0, rtol=1e-5, maxiter, M)` (with
/// `shift=0`).
///
/// # Errors
///
/// As [`cg`](super::cg), plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the
/// preconditioner is indefinite or `A` is detected not symmetric.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{minres, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// // symmetric indefinite
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [2.0, -3.0]]);
/// let r = minres(&a, &array![3.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn minres<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 5, &id)?;
    let n = s.n;
    let rtol = s.rtol;
    let eps = f64::EPSILON;
    let mut r1 = residual(a, &s);
    let mut y = s.m.matvec(r1.view());
    let mut beta1 = r1.dot(&y);
    if beta1 < 0.0 {
        return Err(invalid("M", "indefinite preconditioner"));
    } else if beta1 == 0.0 {
        return Ok(IterResult { x: s.x, info: 0 });
    }
    if norm(&s.b) == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    beta1 = beta1.sqrt();
    let (mut oldb, mut beta, mut dbar, mut epsln) = (0.0, beta1, 0.0, 0.0);
    let (mut phibar, mut rhs1, mut rhs2, mut tnorm2) = (beta1, beta1, 0.0, 0.0);
    let (mut gmax, mut gmin) = (0.0f64, f64::MAX);
    let (mut cs, mut sn) = (-1.0, 0.0);
    let mut w = Array1::<f64>::zeros(n);
    let mut w2 = Array1::<f64>::zeros(n);
    let mut r2 = r1.clone();
    let mut istop = 0;
    let mut itn = 0;
    while itn < s.maxiter {
        itn += 1;
        let v = &y * (1.0 / beta);
        y = a.matvec(v.view());
        if itn >= 2 {
            y.scaled_add(-(beta / oldb), &r1);
        }
        let alfa = v.dot(&y);
        y.scaled_add(-(alfa / beta), &r2);
        r1 = r2;
        r2 = y.clone();
        y = s.m.matvec(r2.view());
        oldb = beta;
        beta = r2.dot(&y);
        if beta < 0.0 {
            return Err(invalid("A", "non-symmetric matrix"));
        }
        beta = beta.sqrt();
        tnorm2 += alfa * alfa + oldb * oldb + beta * beta;
        if itn == 1 && beta / beta1 <= 10.0 * eps {
            istop = -1;
        }
        let oldeps = epsln;
        let delta = cs * dbar + sn * alfa;
        let gbar = sn * dbar - cs * alfa;
        epsln = sn * beta;
        dbar = -cs * beta;
        let root = gbar.hypot(dbar);
        let gamma = gbar.hypot(beta).max(eps);
        cs = gbar / gamma;
        sn = beta / gamma;
        let phi = cs * phibar;
        phibar *= sn;
        let denom = 1.0 / gamma;
        let w1 = std::mem::replace(&mut w2, w.clone());
        w = (&v - &(&w1 * oldeps) - &(&w2 * delta)) * denom;
        s.x.scaled_add(phi, &w);
        gmax = gmax.max(gamma);
        gmin = gmin.min(gamma);
        let z = rhs1 / gamma;
        rhs1 = rhs2 - delta * z;
        rhs2 = -epsln * z;
        let anorm = tnorm2.sqrt();
        let ynorm = norm(&s.x);
        let epsx = anorm * ynorm * eps;
        let rnorm = phibar;
        let test1 = if ynorm == 0.0 || anorm == 0.0 { f64::INFINITY } else { rnorm / (anorm * ynorm) };
        let test2 = if anorm == 0.0 { f64::INFINITY } else { root / anorm };
        let acond = gmax / gmin;
        if istop == 0 {
            if 1.0 + test2 <= 1.0 {
                istop = 2;
            }
            if 1.0 + test1 <= 1.0 {
                istop = 1;
            }
            if itn >= s.maxiter {
                istop = 6;
            }
            if acond >= 0.1 / eps {
                istop = 4;
            }
            if epsx >= beta1 {
                istop = 3;
            }
            if test2 <= rtol {
                istop = 2;
            }
            if test1 <= rtol {
                istop = 1;
            }
        }
        if istop != 0 {
            break;
        }
    }
    let info = if istop == 6 { s.maxiter as i64 } else { 0 };
    Ok(IterResult { x: s.x, info })
}

/// Transpose-Free Quasi-Minimal Residual iteration for a general square `A` (a port of
/// SciPy's `tfqmr`: the tolerance is relative to the initial residual, `maxiter` defaults to
/// `min(10000, 10 n)`, `info = -1` on breakdown).
///
/// SciPy equivalent: `scipy.sparse.linalg.tfqmr(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// As [`cg`](super::cg).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{tfqmr, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = tfqmr(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn tfqmr<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    if opts.maxiter.is_none() {
        s.maxiter = s.maxiter.min(10_000);
    }
    if norm(&s.b) == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let op = |x: &Array1<f64>| s.m.matvec(a.matvec(x.view()).view());
    let r = residual(a, &s);
    let mut u = r.clone();
    let mut w = r.clone();
    let rstar = r;
    let mut v = op(&rstar);
    let mut uhat = v.clone();
    let (mut d, mut theta, mut eta) = (Array1::<f64>::zeros(s.n), 0.0f64, 0.0f64);
    let mut rho = rstar.dot(&rstar);
    let mut rho_last = rho;
    let r0norm = rho.sqrt();
    let mut tau = r0norm;
    if r0norm == 0.0 {
        return Ok(IterResult { x: s.x, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * r0norm);
    let mut alpha = 0.0;
    let mut u_next = Array1::<f64>::zeros(s.n);
    for it in 0..s.maxiter {
        let even = it % 2 == 0;
        if even {
            let vtrstar = rstar.dot(&v);
            if vtrstar == 0.0 {
                return Ok(IterResult { x: s.x, info: -1 });
            }
            alpha = rho / vtrstar;
            u_next = &u - &(alpha * &v);
        }
        w.scaled_add(-alpha, &uhat);
        d = &u + &((theta * theta / alpha) * eta * &d);
        theta = norm(&w) / tau;
        let c = (1.0 / (1.0 + theta * theta)).sqrt();
        tau *= theta * c;
        eta = c * c * alpha;
        let z = s.m.matvec(d.view());
        s.x.scaled_add(eta, &z);
        if tau * ((it + 1) as f64).sqrt() < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        if !even {
            rho = rstar.dot(&w);
            let beta = rho / rho_last;
            u = &w + &(beta * &u);
            v = beta * &uhat + &((beta * beta) * &v);
            uhat = op(&u);
            v += &uhat;
        } else {
            uhat = op(&u_next);
            u = u_next.clone();
            rho_last = rho;
        }
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

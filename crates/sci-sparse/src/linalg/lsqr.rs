//! `lsqr`: sparse least squares by Golub–Kahan bidiagonalization (Paige & Saunders).

use sci_array::ndarray::{Array1, ArrayBase, Data, Ix1};

use super::operator::{LinearOperator, check_operator};
use crate::error::{Result, invalid, shape_err};

/// Options of [`lsqr`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::LsqrOptions::default();
/// assert_eq!((o.damp, o.atol, o.btol, o.conlim), (0.0, 1e-6, 1e-6, 1e8));
/// ```
#[derive(Debug, Clone)]
pub struct LsqrOptions {
    /// Damping: solves `min ||A x - b||^2 + damp^2 ||x||^2`.
    pub damp: f64,
    /// Stopping tolerance on `||A^T r|| / (||A|| ||r||)`.
    pub atol: f64,
    /// Stopping tolerance on `||r|| / ||b||`.
    pub btol: f64,
    /// Stop when the estimated condition number exceeds this (0: no limit).
    pub conlim: f64,
    /// Iteration limit (default `2 n`).
    pub iter_lim: Option<usize>,
    /// Starting guess (zeros by default).
    pub x0: Option<Array1<f64>>,
}

impl Default for LsqrOptions {
    fn default() -> Self {
        LsqrOptions { damp: 0.0, atol: 1e-6, btol: 1e-6, conlim: 1e8, iter_lim: None, x0: None }
    }
}

/// What [`lsqr`] returns (SciPy's tuple without `var`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lsqr, LsqrOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::<f64>::identity(2);
/// let r = lsqr(&a, &array![1.0, 2.0], &LsqrOptions::default())?;
/// assert_eq!((r.istop, r.itn), (1, 1));
/// assert!((r.r1norm).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LsqrResult {
    /// The solution.
    pub x: Array1<f64>,
    /// Why it stopped: 0 `x = 0` is exact, 1 `Ax = b` solved to `atol`/`btol`, 2 least
    /// squares solved to `atol`, 3 condition limit, 4-6 the same at machine precision,
    /// 7 iteration limit.
    pub istop: usize,
    /// Iterations made.
    pub itn: usize,
    /// `||b - A x||`.
    pub r1norm: f64,
    /// `sqrt(||b - A x||^2 + damp^2 ||x||^2)`.
    pub r2norm: f64,
    /// Estimate of the Frobenius norm of `[A; damp I]`.
    pub anorm: f64,
    /// Estimate of its condition number.
    pub acond: f64,
    /// Estimate of `||A^T r - damp^2 x||`.
    pub arnorm: f64,
    /// `||x||`.
    pub xnorm: f64,
}

fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// A stable Givens rotation `(c, s, r)` (SciPy's `_sym_ortho`).
fn sym_ortho(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        (sign(a), 0.0, a.abs())
    } else if a == 0.0 {
        (0.0, sign(b), b.abs())
    } else if b.abs() > a.abs() {
        let tau = a / b;
        let s = sign(b) / (1.0 + tau * tau).sqrt();
        let c = s * tau;
        (c, s, b / s)
    } else {
        let tau = b / a;
        let c = sign(a) / (1.0 + tau * tau).sqrt();
        let s = c * tau;
        (c, s, a / c)
    }
}

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// Least-squares solution of `A x = b` for a sparse (or any) `m x n` operator, a port of
/// SciPy's `lsqr` (same iterates and stopping rules); needs `A^T` through
/// [`LinearOperator::rmatvec`]. SciPy's `calc_var` is not implemented.
///
/// SciPy equivalent: `scipy.sparse.linalg.lsqr(A, b, damp, atol, btol, conlim, iter_lim,
/// x0=x0)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when `b` or `x0` does
/// not fit; [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `A` has no
/// `rmatvec`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lsqr, LsqrOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// // overdetermined: fit y = c0 + c1 t through (0, 1), (1, 3), (2, 5.5)
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]);
/// let opts = LsqrOptions { atol: 1e-12, btol: 1e-12, ..Default::default() };
/// let r = lsqr(&a, &array![1.0, 3.0, 5.5], &opts)?;
/// assert_allclose(&r.x, &array![11.0 / 12.0, 2.25], 1e-10, 0.0);
/// assert_eq!(r.istop, 2);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn lsqr<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &LsqrOptions,
) -> Result<LsqrResult> {
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(shape_err("b", format!("length {m}"), b.shape()));
    }
    check_operator("A", &super::iterative::DynRef(a), true)?;
    let eps = f64::EPSILON;
    let iter_lim = opts.iter_lim.unwrap_or(2 * n);
    let ctol = if opts.conlim > 0.0 { 1.0 / opts.conlim } else { 0.0 };
    let (damp, atol, btol) = (opts.damp, opts.atol, opts.btol);
    let dampsq = damp * damp;
    let no_t = || invalid("A", "lsqr needs rmatvec (the transpose) of A");
    let b = b.to_owned();
    let bnorm = norm(&b);
    let (mut x, mut u) = match &opts.x0 {
        Some(x0) if x0.len() != n => return Err(shape_err("x0", format!("length {n}"), x0.shape())),
        Some(x0) => (x0.clone(), &b - &a.matvec(x0.view())),
        None => (Array1::zeros(n), b.clone()),
    };
    let mut beta = norm(&u);
    let mut v;
    let mut alfa;
    if beta > 0.0 {
        u *= 1.0 / beta;
        v = a.rmatvec(u.view()).ok_or_else(no_t)?;
        alfa = norm(&v);
    } else {
        v = x.clone();
        alfa = 0.0;
    }
    if alfa > 0.0 {
        v *= 1.0 / alfa;
    }
    let mut w = v.clone();
    let (mut rhobar, mut phibar) = (alfa, beta);
    let (mut anorm, mut acond, mut ddnorm, mut res2) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let (mut xnorm, mut xxnorm, mut z) = (0.0f64, 0.0f64, 0.0f64);
    let (mut cs2, mut sn2) = (-1.0f64, 0.0f64);
    let mut rnorm = beta;
    let (mut r1norm, mut r2norm) = (rnorm, rnorm);
    let mut arnorm = alfa * beta;
    let (mut istop, mut itn) = (0usize, 0usize);
    if arnorm == 0.0 {
        return Ok(LsqrResult { x, istop, itn, r1norm, r2norm, anorm, acond, arnorm, xnorm });
    }
    while itn < iter_lim {
        itn += 1;
        u = a.matvec(v.view()) - alfa * &u;
        beta = norm(&u);
        if beta > 0.0 {
            u *= 1.0 / beta;
            anorm = (anorm * anorm + alfa * alfa + beta * beta + dampsq).sqrt();
            v = a.rmatvec(u.view()).ok_or_else(no_t)? - beta * &v;
            alfa = norm(&v);
            if alfa > 0.0 {
                v *= 1.0 / alfa;
            }
        }
        let (rhobar1, psi) = if damp > 0.0 {
            let rhobar1 = (rhobar * rhobar + dampsq).sqrt();
            let (cs1, sn1) = (rhobar / rhobar1, damp / rhobar1);
            let psi = sn1 * phibar;
            phibar *= cs1;
            (rhobar1, psi)
        } else {
            (rhobar, 0.0)
        };
        let (cs, sn, rho) = sym_ortho(rhobar1, beta);
        let theta = sn * alfa;
        rhobar = -cs * alfa;
        let phi = cs * phibar;
        phibar *= sn;
        let tau = sn * phi;
        let t1 = phi / rho;
        let t2 = -theta / rho;
        let dk = &w * (1.0 / rho);
        x.scaled_add(t1, &w);
        w = &v + &(t2 * &w);
        ddnorm += dk.dot(&dk);
        let delta = sn2 * rho;
        let gambar = -cs2 * rho;
        let rhs = phi - delta * z;
        let zbar = rhs / gambar;
        xnorm = (xxnorm + zbar * zbar).sqrt();
        let gamma = (gambar * gambar + theta * theta).sqrt();
        cs2 = gambar / gamma;
        sn2 = theta / gamma;
        z = rhs / gamma;
        xxnorm += z * z;
        acond = anorm * ddnorm.sqrt();
        let res1 = phibar * phibar;
        res2 += psi * psi;
        rnorm = (res1 + res2).sqrt();
        arnorm = alfa * tau.abs();
        if damp > 0.0 {
            let r1sq = rnorm * rnorm - dampsq * xxnorm;
            r1norm = r1sq.abs().sqrt();
            if r1sq < 0.0 {
                r1norm = -r1norm;
            }
        } else {
            r1norm = rnorm;
        }
        r2norm = rnorm;
        let test1 = rnorm / bnorm;
        let test2 = arnorm / (anorm * rnorm + eps);
        let test3 = 1.0 / (acond + eps);
        let t1 = test1 / (1.0 + anorm * xnorm / bnorm);
        let rtol = btol + atol * anorm * xnorm / bnorm;
        if itn >= iter_lim {
            istop = 7;
        }
        if 1.0 + test3 <= 1.0 {
            istop = 6;
        }
        if 1.0 + test2 <= 1.0 {
            istop = 5;
        }
        if 1.0 + t1 <= 1.0 {
            istop = 4;
        }
        if test3 <= ctol {
            istop = 3;
        }
        if test2 <= atol {
            istop = 2;
        }
        if test1 <= rtol {
            istop = 1;
        }
        if istop != 0 {
            break;
        }
    }
    Ok(LsqrResult { x, istop, itn, r1norm, r2norm, anorm, acond, arnorm, xnorm })
}

/// What [`lsmr`] returns (SciPy's tuple).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lsmr, LsqrOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let r = lsmr(&sci_sparse::CsrMatrix::<f64>::identity(2), &array![3.0, 4.0], &LsqrOptions::default())?;
/// assert_eq!((r.istop, r.itn), (1, 1));
/// assert!(r.normr < 1e-12 && (r.normx - 5.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LsmrResult {
    /// The solution.
    pub x: Array1<f64>,
    /// Why it stopped (as [`LsqrResult::istop`]).
    pub istop: usize,
    /// Iterations made.
    pub itn: usize,
    /// Estimate of `||b - A x||`.
    pub normr: f64,
    /// Estimate of `||A^T (b - A x)||`.
    pub normar: f64,
    /// Estimate of the Frobenius norm of `A`.
    pub norma: f64,
    /// Estimate of the condition number of `A`.
    pub conda: f64,
    /// `||x||`.
    pub normx: f64,
}

/// Least-squares solution of `A x = b` by LSMR (Fong & Saunders), a port of SciPy's `lsmr`
/// (same iterates and stopping rules); options as [`lsqr`], with `iter_lim` standing for
/// SciPy's `maxiter` (default `min(m, n)`). Needs [`LinearOperator::rmatvec`].
///
/// SciPy equivalent: `scipy.sparse.linalg.lsmr(A, b, damp, atol, btol, conlim, maxiter,
/// x0=x0)`.
///
/// # Errors
///
/// As [`lsqr`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lsmr, LsqrOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]);
/// let opts = LsqrOptions { atol: 1e-12, btol: 1e-12, ..Default::default() };
/// let r = lsmr(&a, &array![1.0, 3.0, 5.5], &opts)?;
/// assert_allclose(&r.x, &array![11.0 / 12.0, 2.25], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn lsmr<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &LsqrOptions,
) -> Result<LsmrResult> {
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(shape_err("b", format!("length {m}"), b.shape()));
    }
    check_operator("A", &super::iterative::DynRef(a), true)?;
    let maxiter = opts.iter_lim.unwrap_or(m.min(n));
    let (damp, atol, btol) = (opts.damp, opts.atol, opts.btol);
    let ctol = if opts.conlim > 0.0 { 1.0 / opts.conlim } else { 0.0 };
    let no_t = || invalid("A", "lsmr needs rmatvec (the transpose) of A");
    let b = b.to_owned();
    let normb = norm(&b);
    let (mut x, mut u) = match &opts.x0 {
        Some(x0) if x0.len() != n => return Err(shape_err("x0", format!("length {n}"), x0.shape())),
        Some(x0) => (x0.clone(), &b - &a.matvec(x0.view())),
        None => (Array1::zeros(n), b.clone()),
    };
    let mut beta = norm(&u);
    let mut v;
    let mut alpha;
    if beta > 0.0 {
        u *= 1.0 / beta;
        v = a.rmatvec(u.view()).ok_or_else(no_t)?;
        alpha = norm(&v);
    } else {
        v = Array1::zeros(n);
        alpha = 0.0;
    }
    if alpha > 0.0 {
        v *= 1.0 / alpha;
    }
    let mut itn = 0usize;
    let (mut zetabar, mut alphabar, mut rho, mut rhobar) = (alpha * beta, alpha, 1.0f64, 1.0f64);
    let (mut cbar, mut sbar) = (1.0f64, 0.0f64);
    let mut h = v.clone();
    let mut hbar = Array1::<f64>::zeros(n);
    let (mut betadd, mut betad, mut rhodold, mut tautildeold) = (beta, 0.0f64, 1.0f64, 0.0f64);
    let (mut thetatilde, mut zeta, mut d) = (0.0f64, 0.0f64, 0.0f64);
    let mut norma2 = alpha * alpha;
    let (mut maxrbar, mut minrbar) = (0.0f64, 1e100f64);
    let mut norma = norma2.sqrt();
    let mut conda = 1.0f64;
    let mut normx = 0.0f64;
    let mut istop = 0usize;
    let mut normr = beta;
    let mut normar = alpha * beta;
    if normar == 0.0 {
        return Ok(LsmrResult { x, istop, itn, normr, normar, norma, conda, normx });
    }
    if normb == 0.0 {
        x.fill(0.0);
        return Ok(LsmrResult { x, istop, itn, normr, normar, norma, conda, normx });
    }
    while itn < maxiter {
        itn += 1;
        u *= -alpha;
        u += &a.matvec(v.view());
        beta = norm(&u);
        if beta > 0.0 {
            u *= 1.0 / beta;
            v *= -beta;
            v += &a.rmatvec(u.view()).ok_or_else(no_t)?;
            alpha = norm(&v);
            if alpha > 0.0 {
                v *= 1.0 / alpha;
            }
        }
        let (chat, shat, alphahat) = sym_ortho(alphabar, damp);
        let rhoold = rho;
        let (c, s, rho_new) = sym_ortho(alphahat, beta);
        rho = rho_new;
        let thetanew = s * alpha;
        alphabar = c * alpha;
        let rhobarold = rhobar;
        let zetaold = zeta;
        let thetabar = sbar * rho;
        let rhotemp = cbar * rho;
        let (cb, sb, rb) = sym_ortho(cbar * rho, thetanew);
        cbar = cb;
        sbar = sb;
        rhobar = rb;
        zeta = cbar * zetabar;
        zetabar *= -sbar;
        hbar *= -(thetabar * rho / (rhoold * rhobarold));
        hbar += &h;
        x.scaled_add(zeta / (rho * rhobar), &hbar);
        h *= -(thetanew / rho);
        h += &v;
        let betaacute = chat * betadd;
        let betacheck = -shat * betadd;
        let betahat = c * betaacute;
        betadd = -s * betaacute;
        let thetatildeold = thetatilde;
        let (ctildeold, stildeold, rhotildeold) = sym_ortho(rhodold, thetabar);
        thetatilde = stildeold * rhobar;
        rhodold = ctildeold * rhobar;
        betad = -stildeold * betad + ctildeold * betahat;
        tautildeold = (zetaold - thetatildeold * tautildeold) / rhotildeold;
        let taud = (zeta - thetatilde * tautildeold) / rhodold;
        d += betacheck * betacheck;
        normr = (d + (betad - taud).powi(2) + betadd * betadd).sqrt();
        norma2 += beta * beta;
        norma = norma2.sqrt();
        norma2 += alpha * alpha;
        maxrbar = maxrbar.max(rhobarold);
        if itn > 1 {
            minrbar = minrbar.min(rhobarold);
        }
        conda = maxrbar.max(rhotemp) / minrbar.min(rhotemp);
        normar = zetabar.abs();
        normx = norm(&x);
        let test1 = normr / normb;
        let test2 = if norma * normr != 0.0 { normar / (norma * normr) } else { f64::INFINITY };
        let test3 = 1.0 / conda;
        let t1 = test1 / (1.0 + norma * normx / normb);
        let rtol = btol + atol * norma * normx / normb;
        if itn >= maxiter {
            istop = 7;
        }
        if 1.0 + test3 <= 1.0 {
            istop = 6;
        }
        if 1.0 + test2 <= 1.0 {
            istop = 5;
        }
        if 1.0 + t1 <= 1.0 {
            istop = 4;
        }
        if test3 <= ctol {
            istop = 3;
        }
        if test2 <= atol {
            istop = 2;
        }
        if test1 <= rtol {
            istop = 1;
        }
        if istop > 0 {
            break;
        }
    }
    Ok(LsmrResult { x, istop, itn, normr, normar, norma, conda, normx })
}

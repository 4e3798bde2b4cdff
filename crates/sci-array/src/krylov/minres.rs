//! MINRES (Paige and Saunders, as SciPy 1.17's `minres.py`) and TFQMR (Freund, as SciPy's
//! `tfqmr.py`): the residual-minimizing short recurrences.

use super::{KResult, KrylovError, KrylovOperator, KrylovParams, KrylovSolution, Sys};
use ndarray::{Array1, array};

/// MINimum RESidual iteration for a symmetric (possibly indefinite) `A - shift I` with a
/// symmetric positive definite preconditioner `M`.
///
/// SciPy's stopping rules: `istop` from the estimates `|r| / (|A| |x|)` and `|A r| / (|A| |r|)`
/// against `rtol`, the condition estimate against `0.1 / eps`, and `maxiter` (default `5 n`);
/// `info` is `maxiter` when the budget ran out, else 0. `atol` is not used (SciPy's `minres`
/// has none). As in SciPy, the starting residual with `x0` is `b - A x0` (without the shift).
///
/// SciPy equivalent: `scipy.sparse.linalg.minres(A, b, x0, rtol, shift, maxiter, M)` (without
/// `check`, `show`, `callback`).
///
/// # Errors
///
/// [`KrylovError::InvalidValue`] with `arg: "M"` for an indefinite preconditioner and
/// `arg: "A"` when the recurrence finds `A` not symmetric (SciPy's `ValueError`s), or for an
/// `x0` of the wrong length; [`KrylovError::Operator`] when a product fails.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{minres, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [2.0, -3.0]]; // symmetric indefinite
/// let p = KrylovParams { rtol: 1e-12, ..Default::default() };
/// let s = minres(&mut MatrixOperator(&a), &array![3.0, -1.0], &p).unwrap();
/// assert_eq!(s.info, 0);
/// assert!((&s.x - &array![1.0, 1.0]).iter().all(|d| d.abs() < 1e-10));
/// ```
pub fn minres<O: KrylovOperator>(
    op: &mut O,
    b: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<KrylovSolution, O> {
    let (mut s, mut x) = Sys::begin(op, b, p)?;
    let n = b.len();
    let maxiter = p.maxiter.unwrap_or(5 * n);
    let (eps, rtol, shift) = (f64::EPSILON, p.rtol, p.shift);
    let mut r1 = if p.x0.is_some() { b - &s.a(&x)? } else { b.clone() };
    let mut y = s.m(&r1)?;
    let beta1 = s.dot(&r1, &y);
    if beta1 < 0.0 {
        return Err(KrylovError::InvalidValue { arg: "M", message: "indefinite preconditioner".into() });
    } else if beta1 == 0.0 {
        return Ok(KrylovSolution { x, info: 0 });
    }
    if s.norm(b) == 0.0 {
        return Ok(KrylovSolution { x: b.clone(), info: 0 });
    }
    let beta1 = beta1.sqrt();
    let (mut oldb, mut beta, mut dbar, mut epsln) = (0.0f64, beta1, 0.0f64, 0.0f64);
    let (mut phibar, mut rhs1, mut rhs2, mut tnorm2) = (beta1, beta1, 0.0f64, 0.0f64);
    let (mut gmax, mut gmin) = (0.0f64, f64::MAX);
    let (mut cs, mut sn) = (-1.0f64, 0.0f64);
    let mut w = Array1::<f64>::zeros(n);
    let mut w2 = Array1::<f64>::zeros(n);
    let mut r2 = r1.clone();
    let mut istop = 0i32;
    let mut itn = 0usize;
    while itn < maxiter {
        itn += 1;
        let v = &y * (1.0 / beta);
        y = s.a(&v)?;
        if shift != 0.0 {
            y = &y - &(&v * shift);
        }
        if itn >= 2 {
            y = &y - &(&r1 * (beta / oldb));
        }
        let alfa = s.dot(&v, &y);
        y = &y - &(&r2 * (alfa / beta));
        r1 = std::mem::replace(&mut r2, y);
        y = s.m(&r2)?;
        oldb = beta;
        let bb = s.dot(&r2, &y);
        if bb < 0.0 {
            return Err(KrylovError::InvalidValue { arg: "A", message: "non-symmetric matrix".into() });
        }
        beta = bb.sqrt();
        tnorm2 += alfa * alfa + oldb * oldb + beta * beta;
        if itn == 1 && beta / beta1 <= 10.0 * eps {
            istop = -1;
        }
        // the plane rotation of the tridiagonal's last column
        let oldeps = epsln;
        let delta = cs * dbar + sn * alfa;
        let gbar = sn * dbar - cs * alfa;
        epsln = sn * beta;
        dbar = -cs * beta;
        let root = s.norm(&array![gbar, dbar]);
        let gamma = s.norm(&array![gbar, beta]).max(eps);
        cs = gbar / gamma;
        sn = beta / gamma;
        let phi = cs * phibar;
        phibar *= sn;
        let denom = 1.0 / gamma;
        let w1 = std::mem::replace(&mut w2, w);
        w = (&(&v - &(&w1 * oldeps)) - &(&w2 * delta)) * denom;
        x = &x + &(&w * phi);
        gmax = gmax.max(gamma);
        gmin = gmin.min(gamma);
        let z = rhs1 / gamma;
        rhs1 = rhs2 - delta * z;
        rhs2 = -epsln * z;
        let anorm = tnorm2.sqrt();
        let ynorm = s.norm(&x);
        let epsx = anorm * ynorm * eps;
        let rnorm = phibar;
        let test1 = if ynorm == 0.0 || anorm == 0.0 { f64::INFINITY } else { rnorm / (anorm * ynorm) };
        let test2 = if anorm == 0.0 { f64::INFINITY } else { root / anorm };
        let acond = gmax / gmin;
        if istop == 0 {
            // SciPy's order: later tests override earlier ones
            if 1.0 + test2 <= 1.0 {
                istop = 2;
            }
            if 1.0 + test1 <= 1.0 {
                istop = 1;
            }
            if itn >= maxiter {
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
    let info = if istop == 6 { maxiter as i64 } else { 0 };
    Ok(KrylovSolution { x, info })
}

/// Transpose-Free Quasi-Minimal Residual iteration for a general square `A`.
///
/// Stops when the quasi-residual bound `tau sqrt(k + 1)` falls below `max(atol, rtol |r0|)`
/// (relative to the starting residual, as SciPy); `maxiter` defaults to `min(10000, 10 n)`;
/// `info` is `-1` when `rstar . v` vanishes.
///
/// SciPy equivalent: `scipy.sparse.linalg.tfqmr(A, b, x0, rtol, atol, maxiter, M)` (without
/// `callback`, `show`).
///
/// # Errors
///
/// [`KrylovError::Operator`] when a product fails; [`KrylovError::InvalidValue`] for an `x0`
/// of the wrong length.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{tfqmr, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[4.0, 1.0], [-2.0, 3.0]];
/// let p = KrylovParams { rtol: 1e-12, ..Default::default() };
/// let s = tfqmr(&mut MatrixOperator(&a), &array![5.0, 1.0], &p).unwrap();
/// assert_eq!(s.info, 0);
/// assert!((&s.x - &array![1.0, 1.0]).iter().all(|d| d.abs() < 1e-10));
/// ```
pub fn tfqmr<O: KrylovOperator>(
    op: &mut O,
    b: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<KrylovSolution, O> {
    let (mut s, mut x) = Sys::begin(op, b, p)?;
    let n = b.len();
    if s.norm(b) == 0.0 {
        return Ok(KrylovSolution { x: b.clone(), info: 0 });
    }
    let maxiter = p.maxiter.unwrap_or(10_000.min(10 * n));
    let r = if p.x0.is_some() { b - &s.a(&x)? } else { b.clone() };
    let mut u = r.clone();
    let mut w = r.clone();
    let rstar = r;
    let mut av = s.a(&rstar)?;
    let mut v = s.m(&av)?;
    let mut uhat = v.clone();
    let mut d = Array1::<f64>::zeros(n);
    let (mut theta, mut eta) = (0.0f64, 0.0f64);
    let mut rho = s.dot(&rstar, &rstar);
    let mut rho_last = rho;
    let r0norm = rho.sqrt();
    let mut tau = r0norm;
    if r0norm == 0.0 {
        return Ok(KrylovSolution { x, info: 0 });
    }
    let atol = p.atol.max(p.rtol * r0norm);
    let mut alpha = 0.0f64;
    let mut u_next = Array1::<f64>::zeros(0);
    for it in 0..maxiter {
        let even = it % 2 == 0;
        if even {
            let vtrstar = s.dot(&rstar, &v);
            if vtrstar == 0.0 {
                return Ok(KrylovSolution { x, info: -1 });
            }
            alpha = rho / vtrstar;
            u_next = &u - &(&v * alpha);
        }
        w = &w - &(&uhat * alpha);
        d = &u + &(&d * ((theta * theta / alpha) * eta));
        theta = s.norm(&w) / tau;
        let c = (1.0 / (1.0 + theta * theta)).sqrt();
        tau *= theta * c;
        eta = c * c * alpha;
        let z = s.m(&d)?;
        x = &x + &(&z * eta);
        if tau * ((it + 1) as f64).sqrt() < atol {
            return Ok(KrylovSolution { x, info: 0 });
        }
        if even {
            av = s.a(&u_next)?;
            uhat = s.m(&av)?;
            u = std::mem::take(&mut u_next);
            rho_last = rho;
        } else {
            rho = s.dot(&rstar, &w);
            let beta = rho / rho_last;
            u = &w + &(&u * beta);
            v = &(&uhat * beta) + &(&v * (beta * beta));
            av = s.a(&u)?;
            uhat = s.m(&av)?;
            v += &uhat;
        }
    }
    Ok(KrylovSolution { x, info: maxiter as i64 })
}

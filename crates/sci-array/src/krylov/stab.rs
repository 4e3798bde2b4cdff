//! The transpose-free biconjugate-gradient family as SciPy 1.17 runs it: BiCGSTAB and CGS
//! (ports of the Templates book's algorithms, SciPy's breakdown tests `eps^2`).

use super::{KResult, KrylovOperator, KrylovParams, KrylovSolution, Sys, budget};
use ndarray::Array1;

/// SciPy's breakdown threshold of `rho` and `omega` (`eps^2`, from the original Fortran).
const BREAKDOWN: f64 = f64::EPSILON * f64::EPSILON;

/// `y -= alpha x` as NumPy evaluates `y -= alpha*x` (product rounded, then subtracted).
fn sub_scaled(y: &mut Array1<f64>, alpha: f64, x: &Array1<f64>) {
    y.zip_mut_with(x, |yi, &xi| *yi -= alpha * xi);
}

/// `y += alpha x` as NumPy's `y += alpha*x`.
fn add_scaled(y: &mut Array1<f64>, alpha: f64, x: &Array1<f64>) {
    y.zip_mut_with(x, |yi, &xi| *yi += alpha * xi);
}

/// The start both methods share: the absolute tolerance `max(atol, rtol |b|)`, the budget and
/// the residual `b - A x0`; `None` when `b = 0` (the solution is `b`, without a product).
#[allow(clippy::type_complexity)]
fn prepare<O: KrylovOperator>(
    s: &mut Sys<'_, O>,
    b: &Array1<f64>,
    x: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<Option<(f64, usize, Array1<f64>)>, O> {
    let bnrm2 = s.norm(b);
    if bnrm2 == 0.0 {
        return Ok(None);
    }
    let r = s.residual(b, x)?;
    Ok(Some((p.atol.max(p.rtol * bnrm2), budget(p, 10, b.len()), r)))
}

/// BiConjugate Gradient STABilized iteration for a general square `A`.
///
/// Stops when `|r| < max(atol, rtol |b|)`; `info` is `-10` when `rho` and `-11` when `omega`
/// (or `rtilde . v`) breaks down, as in SciPy.
///
/// SciPy equivalent: `scipy.sparse.linalg.bicgstab(A, b, x0, rtol, atol, maxiter, M)`.
///
/// # Errors
///
/// [`KrylovError::Operator`](super::KrylovError::Operator) when a product fails;
/// [`KrylovError::InvalidValue`](super::KrylovError::InvalidValue) for an `x0` of the wrong
/// length.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{bicgstab, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[4.0, 1.0], [-2.0, 3.0]];
/// let p = KrylovParams { rtol: 1e-12, ..Default::default() };
/// let s = bicgstab(&mut MatrixOperator(&a), &array![5.0, 1.0], &p).unwrap();
/// assert_eq!(s.info, 0);
/// assert!((&s.x - &array![1.0, 1.0]).iter().all(|d| d.abs() < 1e-12));
/// ```
pub fn bicgstab<O: KrylovOperator>(
    op: &mut O,
    b: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<KrylovSolution, O> {
    let (mut s, mut x) = Sys::begin(op, b, p)?;
    let Some((atol, maxiter, mut r)) = prepare(&mut s, b, &x, p)? else {
        return Ok(KrylovSolution { x: b.clone(), info: 0 });
    };
    let rtilde = r.clone();
    let (mut rho_prev, mut omega, mut alpha) = (0.0f64, 0.0f64, 0.0f64);
    let mut pv = Array1::zeros(0);
    let mut v = Array1::zeros(0);
    for iteration in 0..maxiter {
        if s.norm(&r) < atol {
            return Ok(KrylovSolution { x, info: 0 });
        }
        let rho = s.dot(&rtilde, &r);
        if rho.abs() < BREAKDOWN {
            return Ok(KrylovSolution { x, info: -10 });
        }
        if iteration == 0 {
            pv = r.clone();
        } else {
            if omega.abs() < BREAKDOWN {
                return Ok(KrylovSolution { x, info: -11 });
            }
            let beta = (rho / rho_prev) * (alpha / omega);
            sub_scaled(&mut pv, omega, &v);
            pv *= beta;
            pv += &r;
        }
        let phat = s.m(&pv)?;
        v = s.a(&phat)?;
        let rv = s.dot(&rtilde, &v);
        if rv == 0.0 {
            return Ok(KrylovSolution { x, info: -11 });
        }
        alpha = rho / rv;
        sub_scaled(&mut r, alpha, &v);
        if s.norm(&r) < atol {
            add_scaled(&mut x, alpha, &phat);
            return Ok(KrylovSolution { x, info: 0 });
        }
        let shat = s.m(&r)?;
        let t = s.a(&shat)?;
        omega = s.dot(&t, &r) / s.dot(&t, &t);
        add_scaled(&mut x, alpha, &phat);
        add_scaled(&mut x, omega, &shat);
        sub_scaled(&mut r, omega, &t);
        rho_prev = rho;
    }
    Ok(KrylovSolution { x, info: maxiter as i64 })
}

/// Conjugate Gradient Squared for a general square `A`; the residual is recomputed as
/// `b - A x` every step (as SciPy does), and `info` is `-10` / `-11` on breakdown.
///
/// SciPy equivalent: `scipy.sparse.linalg.cgs(A, b, x0, rtol, atol, maxiter, M)`.
///
/// # Errors
///
/// As [`bicgstab`].
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{cgs, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[4.0, 1.0], [-2.0, 3.0]];
/// let p = KrylovParams { rtol: 1e-12, ..Default::default() };
/// let s = cgs(&mut MatrixOperator(&a), &array![5.0, 1.0], &p).unwrap();
/// assert_eq!(s.info, 0);
/// assert!((&s.x - &array![1.0, 1.0]).iter().all(|d| d.abs() < 1e-12));
/// ```
pub fn cgs<O: KrylovOperator>(
    op: &mut O,
    b: &Array1<f64>,
    p: &KrylovParams<'_>,
) -> KResult<KrylovSolution, O> {
    let (mut s, mut x) = Sys::begin(op, b, p)?;
    let Some((atol, maxiter, mut r)) = prepare(&mut s, b, &x, p)? else {
        return Ok(KrylovSolution { x: b.clone(), info: 0 });
    };
    let rtilde = r.clone();
    let mut rho_prev = 0.0f64;
    let (mut pv, mut u, mut q) = (Array1::zeros(0), Array1::zeros(0), Array1::zeros(0));
    for iteration in 0..maxiter {
        if s.norm(&r) < atol {
            return Ok(KrylovSolution { x, info: 0 });
        }
        let rho = s.dot(&rtilde, &r);
        if rho.abs() < BREAKDOWN {
            return Ok(KrylovSolution { x, info: -10 });
        }
        if iteration == 0 {
            pv = r.clone();
            u = r.clone();
        } else {
            // u = r + beta q;  p = u + beta (q + beta p)
            let beta = rho / rho_prev;
            u.assign(&r);
            add_scaled(&mut u, beta, &q);
            pv *= beta;
            pv += &q;
            pv *= beta;
            pv += &u;
        }
        let phat = s.m(&pv)?;
        let vhat = s.a(&phat)?;
        let rv = s.dot(&rtilde, &vhat);
        if rv == 0.0 {
            return Ok(KrylovSolution { x, info: -11 });
        }
        let alpha = rho / rv;
        q = u.clone();
        sub_scaled(&mut q, alpha, &vhat);
        let uhat = s.m(&(&u + &q))?;
        add_scaled(&mut x, alpha, &uhat);
        r = b - &s.a(&x)?;
        rho_prev = rho;
    }
    Ok(KrylovSolution { x, info: maxiter as i64 })
}

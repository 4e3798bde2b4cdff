//! Krylov solvers with SciPy's conventions: `cg`, `bicgstab`, `gmres`, `minres`.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1};

use super::operator::{IdentityOperator, LinearOperator};
use crate::error::{Result, invalid, shape_err};

/// Options of the iterative solvers, with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::IterOptions;
/// let o = IterOptions { rtol: 1e-10, maxiter: Some(500), ..Default::default() };
/// assert_eq!((o.atol, o.restart), (0.0, None));
/// ```
#[derive(Clone, Copy, Default)]
pub struct IterOptions<'a> {
    /// Relative tolerance: stop when `||r|| <= max(atol, rtol * ||b||)`. `0.0` in `Default`
    /// means SciPy's `1e-5` (see [`IterOptions::rtol_or_default`]).
    pub rtol: f64,
    /// Absolute tolerance (SciPy's default 0); ignored by [`minres`], as in SciPy.
    pub atol: f64,
    /// Iteration budget: SciPy's default is `10 n` (`5 n` for `minres`); for [`gmres`] it
    /// counts restart cycles.
    pub maxiter: Option<usize>,
    /// Starting guess (zeros by default).
    pub x0: Option<&'a Array1<f64>>,
    /// Preconditioner `M` approximating `A^{-1}` (identity by default).
    pub m: Option<&'a dyn LinearOperator>,
    /// Krylov subspace size between restarts of [`gmres`] (SciPy's default 20).
    pub restart: Option<usize>,
}

impl IterOptions<'_> {
    /// The relative tolerance in force: `rtol`, or SciPy's `1e-5` when it is 0.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_sparse::linalg::IterOptions::default().rtol_or_default(), 1e-5);
    /// ```
    pub fn rtol_or_default(&self) -> f64 {
        if self.rtol == 0.0 { 1e-5 } else { self.rtol }
    }
}

/// Solution and status of an iterative solve.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{cg, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [1.0, 3.0]]);
/// let r = cg(&a, &array![1.0, 2.0], &IterOptions::default())?;
/// assert_eq!(r.info, 0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IterResult {
    /// The approximate solution.
    pub x: Array1<f64>,
    /// SciPy's `info`: 0 converged, `> 0` the iteration budget spent without convergence,
    /// `< 0` breakdown.
    pub info: i64,
}

struct System<'a> {
    n: usize,
    m: &'a dyn LinearOperator,
    x: Array1<f64>,
    b: Array1<f64>,
    rtol: f64,
    maxiter: usize,
}

fn setup<'a, S: Data<Elem = f64>>(
    a: &dyn LinearOperator,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'a>,
    default_iter: usize,
    ident: &'a IdentityOperator,
) -> Result<System<'a>> {
    let (r, c) = a.shape();
    if r != c {
        return Err(shape_err("A", "a square operator", &[r, c]));
    }
    let n = r;
    if b.len() != n {
        return Err(shape_err("b", format!("length {n}"), b.shape()));
    }
    let rtol = opts.rtol_or_default();
    if rtol < 0.0 || opts.atol < 0.0 || !rtol.is_finite() || opts.atol.is_nan() {
        return Err(invalid("rtol", "tolerances must be finite and non-negative"));
    }
    let x = match opts.x0 {
        Some(x0) if x0.len() != n => return Err(shape_err("x0", format!("length {n}"), x0.shape())),
        Some(x0) => x0.clone(),
        None => Array1::zeros(n),
    };
    let m: &dyn LinearOperator = match opts.m {
        Some(m) if m.shape() != (n, n) => {
            let (p, q) = m.shape();
            return Err(shape_err("M", format!("shape ({n}, {n})"), &[p, q]));
        }
        Some(m) => m,
        None => ident,
    };
    let maxiter = opts.maxiter.unwrap_or(default_iter * n);
    if maxiter == 0 && opts.maxiter.is_some() {
        return Err(invalid("maxiter", "maxiter must be positive"));
    }
    Ok(System { n, m, x, b: b.to_owned(), rtol, maxiter })
}

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// Residual `b - A x`, skipping the product when `x` is zero (as SciPy does).
fn residual(a: &dyn LinearOperator, s: &System<'_>) -> Array1<f64> {
    if s.x.iter().any(|&v| v != 0.0) { &s.b - &a.matvec(s.x.view()) } else { s.b.clone() }
}

/// Conjugate gradients for a symmetric positive definite `A`.
///
/// Stops when `||b - A x|| < max(atol, rtol ||b||)`; `maxiter` defaults to `10 n`.
///
/// SciPy equivalent: `scipy.sparse.linalg.cg(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when `A` is not square
/// or `b`, `x0`, `M` do not fit; [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// for negative tolerances or `maxiter = Some(0)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{cg, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [1.0, 3.0]]);
/// let r = cg(&a, &array![1.0, 2.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0 / 11.0, 7.0 / 11.0], 1e-12, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn cg<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * bnrm2);
    let mut r = residual(a, &s);
    let mut p = Array1::zeros(s.n);
    let mut rho_prev = 0.0;
    for it in 0..s.maxiter {
        if norm(&r) < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let z = s.m.matvec(r.view());
        let rho = r.dot(&z);
        if it > 0 {
            let beta = rho / rho_prev;
            p *= beta;
            p += &z;
        } else {
            p = z;
        }
        let q = a.matvec(p.view());
        let alpha = rho / p.dot(&q);
        s.x.scaled_add(alpha, &p);
        r.scaled_add(-alpha, &q);
        rho_prev = rho;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

/// A `?Sized` operator behind a sized handle.
struct DynRef<'a, A: ?Sized>(&'a A);

impl<A: LinearOperator + ?Sized> LinearOperator for DynRef<'_, A> {
    fn shape(&self) -> (usize, usize) {
        self.0.shape()
    }
    fn matvec(&self, x: sci_array::ndarray::ArrayView1<'_, f64>) -> Array1<f64> {
        self.0.matvec(x)
    }
    fn rmatvec(&self, x: sci_array::ndarray::ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        self.0.rmatvec(x)
    }
}

/// BiConjugate Gradient STABilized iteration for a general square `A`.
///
/// `info` is `-10` (rho) or `-11` (omega) on breakdown, as in SciPy.
///
/// SciPy equivalent: `scipy.sparse.linalg.bicgstab(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// As [`cg`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{bicgstab, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = bicgstab(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-12, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn bicgstab<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * bnrm2);
    let tol = f64::EPSILON * f64::EPSILON;
    let mut r = residual(a, &s);
    let rtilde = r.clone();
    let (mut rho_prev, mut omega, mut alpha) = (0.0, 0.0, 0.0);
    let mut p = Array1::zeros(s.n);
    let mut v = Array1::zeros(s.n);
    for it in 0..s.maxiter {
        if norm(&r) < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let rho = rtilde.dot(&r);
        if rho.abs() < tol {
            return Ok(IterResult { x: s.x, info: -10 });
        }
        if it > 0 {
            if f64::abs(omega) < tol {
                return Ok(IterResult { x: s.x, info: -11 });
            }
            let beta = (rho / rho_prev) * (alpha / omega);
            p.scaled_add(-omega, &v);
            p *= beta;
            p += &r;
        } else {
            p = r.clone();
        }
        let phat = s.m.matvec(p.view());
        v = a.matvec(phat.view());
        let rv = rtilde.dot(&v);
        if rv == 0.0 {
            return Ok(IterResult { x: s.x, info: -11 });
        }
        alpha = rho / rv;
        r.scaled_add(-alpha, &v);
        if norm(&r) < atol {
            s.x.scaled_add(alpha, &phat);
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let shat = s.m.matvec(r.view());
        let t = a.matvec(shat.view());
        omega = t.dot(&r) / t.dot(&t);
        s.x.scaled_add(alpha, &phat);
        s.x.scaled_add(omega, &shat);
        r.scaled_add(-omega, &t);
        rho_prev = rho;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

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
/// As [`cg`], plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for
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
/// As [`cg`], plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the
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

/// Conjugate Gradient Squared for a general square `A` (the true residual is recomputed each
/// step, as SciPy does); `info` is `-10` / `-11` on breakdown.
///
/// SciPy equivalent: `scipy.sparse.linalg.cgs(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// As [`cg`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{cgs, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = cgs(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-12, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn cgs<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * bnrm2);
    let tol = f64::EPSILON * f64::EPSILON;
    let mut r = residual(a, &s);
    let rtilde = r.clone();
    let mut rho_prev = 0.0;
    let (mut p, mut u, mut q) = (Array1::zeros(s.n), Array1::zeros(s.n), Array1::zeros(s.n));
    for it in 0..s.maxiter {
        if norm(&r) < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let rho = rtilde.dot(&r);
        if rho.abs() < tol {
            return Ok(IterResult { x: s.x, info: -10 });
        }
        if it > 0 {
            let beta = rho / rho_prev;
            u.assign(&r);
            u.scaled_add(beta, &q);
            p *= beta;
            p += &q;
            p *= beta;
            p += &u;
        } else {
            p = r.clone();
            u = r.clone();
        }
        let phat = s.m.matvec(p.view());
        let vhat = a.matvec(phat.view());
        let rv = rtilde.dot(&vhat);
        if rv == 0.0 {
            return Ok(IterResult { x: s.x, info: -11 });
        }
        let alpha = rho / rv;
        q.assign(&u);
        q.scaled_add(-alpha, &vhat);
        let uhat = s.m.matvec((&u + &q).view());
        s.x.scaled_add(alpha, &uhat);
        r = &s.b - &a.matvec(s.x.view());
        rho_prev = rho;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

/// BiConjugate Gradient iteration for a general square `A`; needs `A^T` (and `M^T`) through
/// [`LinearOperator::rmatvec`]. `info` is `-10` / `-11` on breakdown.
///
/// SciPy equivalent: `scipy.sparse.linalg.bicg(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// As [`cg`], plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `A`
/// or `M` has no `rmatvec`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{bicg, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = bicg(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-12, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn bicg<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let mut s = setup(a, b, opts, 10, &id)?;
    let no_t = || invalid("A", "bicg needs rmatvec (the transpose) of A and M");
    if a.rmatvec(s.b.view()).is_none() || s.m.rmatvec(s.b.view()).is_none() {
        return Err(no_t());
    }
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * bnrm2);
    let tol = f64::EPSILON * f64::EPSILON;
    let mut r = residual(a, &s);
    let mut rtilde = r.clone();
    let mut rho_prev = 0.0;
    let (mut p, mut ptilde) = (Array1::zeros(s.n), Array1::zeros(s.n));
    for it in 0..s.maxiter {
        if norm(&r) < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let z = s.m.matvec(r.view());
        let ztilde = s.m.rmatvec(rtilde.view()).ok_or_else(no_t)?;
        let rho = rtilde.dot(&z);
        if rho.abs() < tol {
            return Ok(IterResult { x: s.x, info: -10 });
        }
        if it > 0 {
            let beta = rho / rho_prev;
            p *= beta;
            p += &z;
            ptilde *= beta;
            ptilde += &ztilde;
        } else {
            p = z;
            ptilde = ztilde;
        }
        let q = a.matvec(p.view());
        let qtilde = a.rmatvec(ptilde.view()).ok_or_else(no_t)?;
        let rv = ptilde.dot(&q);
        if rv == 0.0 {
            return Ok(IterResult { x: s.x, info: -11 });
        }
        let alpha = rho / rv;
        s.x.scaled_add(alpha, &p);
        r.scaled_add(-alpha, &q);
        rtilde.scaled_add(-alpha, &qtilde);
        rho_prev = rho;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

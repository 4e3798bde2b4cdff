//! Krylov solvers with SciPy's conventions: options, results and shared set-up; `cg`,
//! `bicg`, `qmr`, and the wrappers of `sci_array::krylov`'s cores (`bicgstab`, `cgs` here,
//! `gmres`, `minres`, `tfqmr` in `residual.rs`).

use sci_array::krylov::{self, KrylovError, KrylovOperator, KrylovParams, KrylovSolution};
use sci_array::ndarray::{Array1, ArrayBase, Data, Ix1, Zip};
use std::convert::Infallible;

use super::operator::{IdentityOperator, LinearOperator, check_operator, check_rmatvec};
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
    /// Absolute tolerance (SciPy's default 0); ignored by [`minres`](super::minres), as in SciPy.
    pub atol: f64,
    /// Iteration budget: SciPy's default is `10 n` (`5 n` for `minres`); for [`gmres`](super::gmres) it
    /// counts restart cycles.
    pub maxiter: Option<usize>,
    /// Starting guess (zeros by default).
    pub x0: Option<&'a Array1<f64>>,
    /// Preconditioner `M` approximating `A^{-1}` (identity by default).
    pub m: Option<&'a dyn LinearOperator>,
    /// Krylov subspace size between restarts of [`gmres`](super::gmres) (SciPy's default 20).
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

pub(super) struct System<'a> {
    pub n: usize,
    pub m: &'a dyn LinearOperator,
    pub x: Array1<f64>,
    pub b: Array1<f64>,
    pub rtol: f64,
    pub maxiter: usize,
}

pub(super) fn setup<'a, S: Data<Elem = f64>>(
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
    check_operator("A", a, false)?;
    check_operator("M", m, false)?;
    let maxiter = opts.maxiter.unwrap_or(default_iter * n);
    if maxiter == 0 && opts.maxiter.is_some() {
        return Err(invalid("maxiter", "maxiter must be positive"));
    }
    Ok(System { n, m, x, b: b.to_owned(), rtol, maxiter })
}

pub(super) fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// Residual `b - A x`, skipping the product when `x` is zero (as SciPy does).
pub(super) fn residual(a: &dyn LinearOperator, s: &System<'_>) -> Array1<f64> {
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
    // Without a preconditioner z = r: no copy, and rho = r.r is the squared norm the previous
    // update pass already summed. Products go into one buffer `q` (no allocation per step);
    // x and r are updated in one fused pass.
    let precond = opts.m.is_some();
    let (mut p, mut q) = (Array1::zeros(s.n), Array1::zeros(s.n));
    let mut rr = r.dot(&r);
    let mut rho_prev = 0.0;
    for it in 0..s.maxiter {
        if rr.sqrt() < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let z = if precond { Some(s.m.matvec(r.view())) } else { None };
        let z = z.as_ref().unwrap_or(&r);
        let rho = if precond { r.dot(z) } else { rr };
        if it > 0 {
            let beta = rho / rho_prev;
            Zip::from(&mut p).and(z).for_each(|p, &z| *p = *p * beta + z);
        } else {
            p.assign(z);
        }
        a.matvec_into(p.view(), q.view_mut());
        let alpha = rho / p.dot(&q);
        let mut acc = [0.0f64; 4];
        let mut k = 0usize;
        Zip::from(&mut s.x).and(&mut r).and(&p).and(&q).for_each(|x, r, &p, &q| {
            *x += alpha * p;
            *r -= alpha * q;
            acc[k & 3] += *r * *r;
            k += 1;
        });
        rr = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        rho_prev = rho;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

/// `A` and the preconditioner `M` as the operator of `sci_array::krylov`'s solvers.
pub(super) struct Ops<'a> {
    a: &'a dyn LinearOperator,
    m: &'a dyn LinearOperator,
}

impl KrylovOperator for Ops<'_> {
    type Error = Infallible;
    fn matvec(&mut self, x: &Array1<f64>) -> std::result::Result<Array1<f64>, Infallible> {
        Ok(self.a.matvec(x.view()))
    }
    fn psolve(&mut self, x: &Array1<f64>) -> std::result::Result<Array1<f64>, Infallible> {
        Ok(self.m.matvec(x.view()))
    }
}

/// A solver core of `sci_array::krylov` on the operator `A`, after SciPy's argument checks.
pub(super) type Core = fn(
    &mut Ops<'_>,
    &Array1<f64>,
    &KrylovParams<'_>,
) -> std::result::Result<KrylovSolution, KrylovError<Infallible>>;

/// Checks the arguments as `setup` does and runs `core` with `opts`' parameters (`maxiter`
/// left to the core's SciPy default).
pub(super) fn via_core<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
    core: Core,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let s = setup(a, b, opts, 10, &id)?;
    if opts.restart == Some(0) {
        return Err(invalid("restart", "restart must be positive"));
    }
    let p = KrylovParams {
        x0: opts.x0,
        rtol: s.rtol,
        atol: opts.atol,
        maxiter: opts.maxiter,
        restart: opts.restart,
        shift: 0.0,
    };
    match core(&mut Ops { a, m: s.m }, &s.b, &p) {
        Ok(r) => Ok(IterResult { x: r.x, info: r.info }),
        Err(KrylovError::InvalidValue { arg, message }) => Err(invalid(arg, message)),
        Err(KrylovError::Operator(e)) => match e {},
        Err(e) => Err(invalid("A", e.to_string())),
    }
}

/// A `?Sized` operator behind a sized handle.
pub(super) struct DynRef<'a, A: ?Sized>(pub &'a A);

impl<A: LinearOperator + ?Sized> LinearOperator for DynRef<'_, A> {
    fn shape(&self) -> (usize, usize) {
        self.0.shape()
    }
    fn matvec(&self, x: sci_array::ndarray::ArrayView1<'_, f64>) -> Array1<f64> {
        self.0.matvec(x)
    }
    fn matvec_into(
        &self,
        x: sci_array::ndarray::ArrayView1<'_, f64>,
        y: sci_array::ndarray::ArrayViewMut1<'_, f64>,
    ) {
        self.0.matvec_into(x, y)
    }
    fn rmatvec(&self, x: sci_array::ndarray::ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        self.0.rmatvec(x)
    }
    fn to_sparse(&self) -> Option<crate::CscMatrix<f64>> {
        self.0.to_sparse()
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
    via_core(a, b, opts, |o, b, p| krylov::bicgstab(o, b, p))
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
    via_core(a, b, opts, |o, b, p| krylov::cgs(o, b, p))
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
    // `setup` checked both matvecs; both rmatvecs are checked before either's absence is an
    // error.
    let (a_t, m_t) = (check_rmatvec("A", a)?, check_rmatvec("M", s.m)?);
    if !(a_t && m_t) {
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

/// Quasi-Minimal Residual iteration for a general square `A` (a port of SciPy's `qmr` with
/// `M1 = M2 = I`); needs `A^T` through [`LinearOperator::rmatvec`]. `info` is `-10` ... `-15`
/// on the breakdowns SciPy reports.
///
/// SciPy equivalent: `scipy.sparse.linalg.qmr(A, b, x0, rtol=1e-5, atol=0.0, maxiter)`
/// (the split preconditioners `M1`, `M2` are not implemented).
///
/// # Errors
///
/// As [`cg`], plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `A`
/// has no `rmatvec` or a preconditioner `m` is given.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{qmr, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = qmr(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn qmr<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    if opts.m.is_some() {
        return Err(invalid("M", "qmr takes split preconditioners M1, M2, which are not implemented"));
    }
    let mut s = setup(a, b, opts, 10, &id)?;
    let no_t = || invalid("A", "qmr needs rmatvec (the transpose) of A");
    // `setup` checked the matvec.
    if !check_rmatvec("A", a)? {
        return Err(no_t());
    }
    let bnrm2 = norm(&s.b);
    if bnrm2 == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let atol = opts.atol.max(s.rtol * bnrm2);
    let tol = f64::EPSILON;
    let mut r = residual(a, &s);
    let mut vtilde = r.clone();
    let mut y = vtilde.clone();
    let mut rho = norm(&y);
    let mut wtilde = r.clone();
    let mut z = wtilde.clone();
    let mut xi = norm(&z);
    let (mut gamma, mut eta, mut theta) = (1.0f64, -1.0f64, 0.0f64);
    let mut epsilon = 0.0f64;
    let (mut p, mut q) = (Array1::zeros(s.n), Array1::zeros(s.n));
    let (mut d, mut sv) = (Array1::zeros(s.n), Array1::zeros(s.n));
    for it in 0..s.maxiter {
        if norm(&r) < atol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        if rho.abs() < tol {
            return Ok(IterResult { x: s.x, info: -10 });
        }
        if xi.abs() < tol {
            return Ok(IterResult { x: s.x, info: -15 });
        }
        let v = &vtilde * (1.0 / rho);
        y *= 1.0 / rho;
        let w = &wtilde * (1.0 / xi);
        z *= 1.0 / xi;
        let delta = z.dot(&y);
        if delta.abs() < tol {
            return Ok(IterResult { x: s.x, info: -13 });
        }
        let mut ytilde = y.clone();
        let mut ztilde = z.clone();
        if it > 0 {
            ytilde.scaled_add(-(xi * delta / epsilon), &p);
            ztilde.scaled_add(-(rho * (delta / epsilon)), &q);
        }
        p = ytilde;
        q = ztilde;
        let ptilde = a.matvec(p.view());
        epsilon = q.dot(&ptilde);
        if epsilon.abs() < tol {
            return Ok(IterResult { x: s.x, info: -14 });
        }
        let beta = epsilon / delta;
        if beta.abs() < tol {
            return Ok(IterResult { x: s.x, info: -11 });
        }
        vtilde = &ptilde - &(beta * &v);
        y = vtilde.clone();
        let rho_prev = rho;
        rho = norm(&y);
        wtilde = a.rmatvec(q.view()).ok_or_else(no_t)? - &(beta * &w);
        z = wtilde.clone();
        xi = norm(&z);
        let (gamma_prev, theta_prev) = (gamma, theta);
        theta = rho / (gamma_prev * beta.abs());
        gamma = 1.0 / (1.0 + theta * theta).sqrt();
        if gamma.abs() < tol {
            return Ok(IterResult { x: s.x, info: -12 });
        }
        eta *= -(rho_prev / beta) * (gamma / gamma_prev).powi(2);
        if it > 0 {
            let f = (theta_prev * gamma).powi(2);
            d *= f;
            d.scaled_add(eta, &p);
            sv *= f;
            sv.scaled_add(eta, &ptilde);
        } else {
            d = eta * &p;
            sv = eta * &ptilde;
        }
        s.x += &d;
        r -= &sv;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

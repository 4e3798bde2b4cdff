//! `eigs`: a few eigenvalues of a general (non-symmetric) operator by restarted Arnoldi.

use std::sync::Mutex;

use sci_array::ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1, LinalgScalar, s};
use sci_array::num_complex::Complex64;
use sci_array::random::default_rng;

use super::eigen::{Inverse, from_operator, inverse_of, shifted_inverse};
use super::operator::{LinearOperator, check_operator};
use super::shift_complex::real_a_inverse;
use crate::error::{Result, SparseError, invalid, shape_err};

/// Which eigenvalues [`eigs`] looks for (SciPy's `which` for non-symmetric problems).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{eigs, EigsOptions, WhichEigs};
/// let a = sci_sparse::diags(&[vec![1.0, -4.0, 2.0, 3.0, 0.5, 1.5]], &[0], None)?;
/// let (w, _) = eigs(&a, 1, &EigsOptions { which: WhichEigs::SR, ..Default::default() })?;
/// assert!((w[0].re + 4.0).abs() < 1e-10);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WhichEigs {
    /// Largest magnitude (`"LM"`, SciPy's default).
    #[default]
    LM,
    /// Smallest magnitude (`"SM"`); slow to converge (SciPy advises shift-invert).
    SM,
    /// Largest real part (`"LR"`).
    LR,
    /// Smallest real part (`"SR"`).
    SR,
    /// Largest imaginary part in magnitude (`"LI"`, as ARPACK for real matrices).
    LI,
    /// Smallest imaginary part in magnitude (`"SI"`).
    SI,
}

/// Options of [`eigs`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::EigsOptions::default();
/// assert_eq!((o.ncv, o.maxiter, o.tol, o.sigma), (None, None, 0.0, None));
/// assert!(o.m.is_none() && o.minv.is_none() && o.opinv.is_none());
/// ```
#[derive(Clone, Default)]
pub struct EigsOptions<'a> {
    /// Which `k` eigenvalues to find.
    pub which: WhichEigs,
    /// Arnoldi basis size (default `min(n, max(2k + 1, 20))`); needs `k + 1 < ncv <= n`.
    pub ncv: Option<usize>,
    /// Maximum number of restarts (default `10 n`).
    pub maxiter: Option<usize>,
    /// Relative accuracy of the Ritz values (0: machine precision, as ARPACK).
    pub tol: f64,
    /// Starting vector (default: uniform in `[-1, 1)` from a fixed seed).
    pub v0: Option<Array1<f64>>,
    /// Shift-invert mode: find eigenvalues near the real shift `sigma` by running Arnoldi on
    /// `(A - sigma M)^-1 M` (factored once by [`splu`](super::splu), or GMRES when `A` or `M`
    /// is only an operator, see [`eigs`]); `which` then applies to
    /// `nu = 1 / (lambda - sigma)`, as in SciPy (`LM`: the eigenvalues nearest `sigma`).
    /// The real part of a complex shift (see `sigma_imag`).
    pub sigma: Option<f64>,
    /// The imaginary part of a complex shift `sigma + i sigma_imag` (SciPy's complex
    /// `sigma`; default 0, a real shift). For a real `A`, Arnoldi then runs on the real or
    /// imaginary part ([`OpPart`]) of `(A - sigma M)^-1 M` and the eigenvalues are the
    /// Rayleigh quotients of its Ritz vectors, as SciPy's; for a complex `A`
    /// ([`eigs_complex`](super::eigs_complex)) on `(A - sigma I)^-1` itself.
    pub sigma_imag: f64,
    /// Which part of the complex shift-invert operator Arnoldi runs on for a real `A` and a
    /// complex shift (SciPy's `OPpart`; `None` is SciPy's default `'r'`).
    pub oppart: Option<OpPart>,
    /// `M` of the generalized problem `A x = lambda M x` (positive definite without
    /// `sigma`, as SciPy requires). `None`: the identity.
    pub m: Option<&'a dyn LinearOperator>,
    /// `M^-1` without `sigma` (default: a sparse LU of `M`, or GMRES when `M` is only an
    /// operator, as SciPy's `get_inv_matvec`).
    pub minv: Option<&'a dyn LinearOperator>,
    /// `(A - sigma M)^-1` with `sigma` (default: a sparse LU of `A - sigma M`, or GMRES).
    pub opinv: Option<&'a dyn LinearOperator>,
}

impl std::fmt::Debug for EigsOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let op = |o: Option<&dyn LinearOperator>| o.map(|o| o.shape());
        f.debug_struct("EigsOptions")
            .field("which", &self.which)
            .field("ncv", &self.ncv)
            .field("maxiter", &self.maxiter)
            .field("tol", &self.tol)
            .field("v0", &self.v0)
            .field("sigma", &self.sigma)
            .field("sigma_imag", &self.sigma_imag)
            .field("oppart", &self.oppart)
            .field("m", &op(self.m))
            .field("minv", &op(self.minv))
            .field("opinv", &op(self.opinv))
            .finish()
    }
}

/// SciPy's `OPpart` of [`eigs`] for a real `A` and a complex shift `sigma`: the real
/// operator Arnoldi runs on, and `which` then applies to its eigenvalues `nu`.
///
/// | `OpPart` | operator | `nu` |
/// |---|---|---|
/// | `Real` (`'r'`) | `Re (A - sigma M)^-1 M` | `(1/(lambda - sigma) + 1/(lambda - conj(sigma))) / 2` |
/// | `Imag` (`'i'`) | `Im (A - sigma M)^-1 M` | `(1/(lambda - sigma) - 1/(lambda - conj(sigma))) / 2i` |
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{eigs, EigsOptions, OpPart};
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::sci_array::ndarray::Array2;
/// // rotation blocks with eigenvalues a ± i for a = 1, 2, ..., 5
/// let mut d = Array2::<f64>::zeros((10, 10));
/// for b in 0..5 {
///     let (i, a) = (2 * b, (b + 1) as f64);
///     d[[i, i]] = a; d[[i + 1, i + 1]] = a; d[[i, i + 1]] = -1.0; d[[i + 1, i]] = 1.0;
/// }
/// let a = CsrMatrix::from_dense(&d);
/// let opts = EigsOptions { sigma: Some(2.1), sigma_imag: 0.9, oppart: Some(OpPart::Imag), ..Default::default() };
/// let (w, _) = eigs(&a, 2, &opts)?;
/// // the pair 2 ± i
/// assert!(w.iter().all(|z| (z.re - 2.0).abs() < 1e-10 && (z.im.abs() - 1.0).abs() < 1e-10));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OpPart {
    /// The real part (`'r'`, SciPy's default).
    #[default]
    Real,
    /// The imaginary part (`'i'`); needs a shift with a nonzero imaginary part.
    Imag,
}

/// An operator from a fallible slice closure: the first error is kept and reported after the
/// iteration (a [`LinearOperator`] cannot fail).
struct FallibleOp<'a> {
    n: usize,
    f: Inverse<'a>,
    err: Mutex<Option<SparseError>>,
}

impl LinearOperator for FallibleOp<'_> {
    fn shape(&self) -> (usize, usize) {
        (self.n, self.n)
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        let x = x.to_vec();
        let mut y = vec![0.0; self.n];
        if let Err(e) = (self.f)(&x, &mut y)
            && let Ok(mut slot) = self.err.lock()
        {
            slot.get_or_insert(e);
        }
        Array1::from(y)
    }
}

impl FallibleOp<'_> {
    /// Arnoldi on the operator, then its first error if any.
    fn run(self, k: usize, opts: &EigsOptions<'_>) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
        let r = arnoldi(&self, k, opts);
        if let Some(e) = self.err.into_inner().ok().flatten() {
            return Err(e);
        }
        r
    }
}

fn sort_key(z: Complex64, which: WhichEigs) -> f64 {
    match which {
        WhichEigs::LM => -z.norm(),
        WhichEigs::SM => z.norm(),
        WhichEigs::LR => -z.re,
        WhichEigs::SR => z.re,
        WhichEigs::LI => -z.im.abs(),
        WhichEigs::SI => z.im.abs(),
    }
}

/// Eigen-decomposition of a small dense real matrix (faer): values and vectors as columns.
fn dense_eig(h: &Array2<f64>) -> Result<(Vec<Complex64>, Array2<Complex64>)> {
    let m = h.nrows();
    let mat = faer::Mat::<f64>::from_fn(m, m, |i, j| h[[i, j]]);
    let e = faer::linalg::solvers::Eigen::new_from_real(mat.as_ref())
        .map_err(|_| SparseError::NoConvergence { iterations: 0 })?;
    let (u, sd) = (e.U(), e.S());
    let w: Vec<Complex64> = sd.column_vector().iter().map(|z| Complex64::new(z.re, z.im)).collect();
    let y = Array2::from_shape_fn((m, m), |(i, j)| {
        let z = u[(i, j)];
        Complex64::new(z.re, z.im)
    });
    Ok((w, y))
}

/// Orthogonalizes `w` against the first `j` rows of `v` (classical Gram-Schmidt, twice when
/// needed) and returns its remaining norm.
fn orthogonalize(v: &Array2<f64>, j: usize, w: &mut Array1<f64>) -> f64 {
    let before = w.dot(w).sqrt();
    for _ in 0..2 {
        let basis = v.slice(s![..j, ..]);
        let h = basis.dot(&*w);
        *w -= &basis.t().dot(&h);
        let after = w.dot(w).sqrt();
        if after > 0.717 * before {
            return after;
        }
    }
    w.dot(w).sqrt()
}

/// `k` eigenvalues and eigenvectors of a square real operator that need not be symmetric:
/// restarted Arnoldi with thick (Krylov–Schur style) restarts. Each cycle extends an
/// orthonormal basis to `ncv` vectors, takes the Ritz pairs of `V^T A V`, and keeps the
/// wanted half of them (complex pairs as their real and imaginary parts) together with the
/// next Arnoldi vector; a pair has converged when its true residual `||A x - θ x||` is below
/// `tol · max(|θ|, ε^(2/3))` (ARPACK's test), or at rounding level. Eigenvalues come
/// ordered by `which` (SciPy's order is ARPACK's and may differ: compare them as sets);
/// eigenvectors have unit 2-norm.
///
/// With `opts.m`, the generalized problem `A x = lambda M x` (ARPACK's mode 2, `M` positive
/// definite) runs the same iteration on `M^-1 A`, with `M^-1` from `opts.minv`, a sparse LU
/// of `M`, or GMRES when `M` is only an operator (SciPy's `get_inv_matvec`); the eigenvectors
/// are the same, normalized to unit 2-norm (ARPACK works in the `M`-inner product).
///
/// With `opts.sigma` set, shift-invert mode (SciPy's `mode=3` for a real shift) runs it on
/// `(A - sigma M)^-1 M` and returns `lambda = sigma + 1 / nu`; `(A - sigma M)^-1` is
/// `opts.opinv`, or a sparse LU of `A - sigma M` when `A` and `M` are matrices
/// ([`LinearOperator::to_sparse`]), or else GMRES on the operator `A - sigma M` (`A` alone
/// when `sigma = 0`) to `rtol = max(tol, 1000 sqrt(n) eps)` per solve (`tol = 2 eps` when 0),
/// as SciPy's `IterOpInv`.
///
/// A complex shift `sigma + i opts.sigma_imag` runs ARPACK's mode 3 or 4 as SciPy does: Arnoldi
/// on the real or imaginary part ([`OpPart`]) of `(A - sigma M)^-1 M`, whose complex solves
/// go through the real form of order `2 n` (a sparse LU, or GMRES for operators); the
/// eigenvalues are the Rayleigh quotients `x^H A x / x^H M x` of the Ritz vectors.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigs(A, k, M=..., sigma=..., which=..., v0=...,
/// ncv=..., maxiter=..., tol=..., Minv=..., OPinv=..., OPpart=...)` (complex `sigma` as
/// `sigma` + `sigma_imag`; `return_eigenvectors=False` is [`eigs_values`](super::eigs_values); complex `A` is [`eigs_complex`](super::eigs_complex),
/// `float32` [`eigs_f32`](super::eigs_f32)).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square operator, an `M`, `Minv` or `OPinv` of
/// another shape, or a `v0` of the wrong length;
/// [`SparseError::InvalidValue`] unless `0 < k < n - 1` (SciPy's bound), for a bad `ncv`,
/// a zero `v0`, a non-finite `sigma`, `OPinv` without `sigma`, `Minv` without `M` or with
/// `sigma` (SciPy's `ValueError`s), `OPpart` without `sigma` or `Imag` with a real shift,
/// `sigma_imag` without `sigma`, `OPinv` with a complex shift (a real operator cannot
/// give the complex inverse), or when GMRES fails to invert `M` (argument `M`) or
/// `A - sigma M` (argument `sigma`, SciPy's "Error in inverting [A-sigma*M]");
/// [`SparseError::SingularMatrix`] when `sigma` is an eigenvalue or `M` is singular;
/// [`SparseError::NoConvergence`] when `maxiter` restarts do not converge (SciPy raises
/// `ArpackNoConvergence`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{eigs, EigsOptions};
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::sci_array::ndarray::Array2;
/// // a rotation block (eigenvalues 1 ± 2i) beside a diagonal 0.1, 0.2, ..., 0.8
/// let mut d = Array2::<f64>::zeros((10, 10));
/// d[[0, 0]] = 1.0; d[[0, 1]] = -2.0; d[[1, 0]] = 2.0; d[[1, 1]] = 1.0;
/// for i in 2..10 { d[[i, i]] = 0.1 * (i - 1) as f64; }
/// let (w, v) = eigs(&CsrMatrix::from_dense(&d), 2, &EigsOptions::default())?;
/// let mut im: Vec<f64> = w.iter().map(|z| z.im).collect();
/// im.sort_by(f64::total_cmp);
/// assert!((w[0].re - 1.0).abs() < 1e-10 && (im[0] + 2.0).abs() < 1e-10 && (im[1] - 2.0).abs() < 1e-10);
/// assert_eq!(v.dim(), (10, 2));
/// // shift-invert: the two eigenvalues nearest 0.33 (0.3 and 0.4)
/// let opts = EigsOptions { sigma: Some(0.33), ..Default::default() };
/// let (w, _) = eigs(&CsrMatrix::from_dense(&d), 2, &opts)?;
/// let mut re: Vec<f64> = w.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert!((re[0] - 0.3).abs() < 1e-12 && (re[1] - 0.4).abs() < 1e-12);
/// // generalized: A x = lambda M x with M = 2 I halves the eigenvalues
/// let m = CsrMatrix::<f64>::identity(10).scale(2.0);
/// let (w, _) = eigs(&CsrMatrix::from_dense(&d), 2, &EigsOptions { m: Some(&m), ..Default::default() })?;
/// assert!((w[0].re - 0.5).abs() < 1e-10 && (w[0].im.abs() - 1.0).abs() < 1e-10);
/// // A only as an operator: shift-invert by GMRES on A - 0.33 I (SciPy's IterOpInv)
/// use sci_sparse::linalg::FnOperator;
/// let op = FnOperator::new((10, 10), |x| d.dot(&x));
/// let (w, _) = eigs(&op, 2, &opts)?;
/// let mut re: Vec<f64> = w.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert!((re[0] - 0.3).abs() < 1e-10 && (re[1] - 0.4).abs() < 1e-10);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigs<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    for (arg, op) in [("M", opts.m), ("Minv", opts.minv), ("OPinv", opts.opinv)] {
        if let Some(op) = op
            && op.shape() != (n, n)
        {
            let (p, q) = op.shape();
            return Err(shape_err(arg, format!("shape ({n}, {n})"), &[p, q]));
        }
    }
    check_operator("A", &super::iterative::DynRef(a), false)?;
    for (arg, op) in [("M", opts.m), ("Minv", opts.minv), ("OPinv", opts.opinv)] {
        if let Some(op) = op {
            check_operator(arg, op, false)?;
        }
    }
    let apply = |op: &dyn LinearOperator, x: &[f64], y: &mut [f64]| {
        op.matvec_into(ArrayView1::from(x), ArrayViewMut1::from(y));
    };
    let Some(sigma) = opts.sigma else {
        if opts.sigma_imag != 0.0 {
            return Err(invalid("sigma_imag", "a complex shift needs sigma (its real part)"));
        }
        if opts.oppart.is_some() {
            return Err(invalid("OPpart", "OPpart should not be specified with sigma = None or complex A"));
        }
        if opts.opinv.is_some() {
            return Err(invalid("OPinv", "OPinv should not be specified with sigma = None."));
        }
        let Some(mop) = opts.m else {
            if opts.minv.is_some() {
                return Err(invalid("Minv", "Minv should not be specified with M = None."));
            }
            return arnoldi(a, k, opts);
        };
        // mode 2: the eigenvalues of M^-1 A
        let minv = match opts.minv {
            Some(mi) => from_operator(mi),
            None => inverse_of(mop, opts.tol)?,
        };
        let f = move |x: &[f64], y: &mut [f64]| {
            let mut t = vec![0.0; n];
            apply(&a, x, &mut t);
            minv(&t, y)
        };
        return FallibleOp { n, f: Box::new(f), err: Mutex::new(None) }.run(k, opts);
    };
    if opts.minv.is_some() {
        return Err(invalid("Minv", "Minv should not be specified when sigma is specified."));
    }
    if !sigma.is_finite() || !opts.sigma_imag.is_finite() {
        return Err(invalid("sigma", "must be finite"));
    }
    let a_dyn = super::iterative::DynRef(a);
    if opts.sigma_imag != 0.0 {
        return complex_shift(&a_dyn, k, opts, sigma);
    }
    if opts.oppart == Some(OpPart::Imag) {
        return Err(invalid("OPpart", "OPpart cannot be 'i' if sigma is real"));
    }
    let opinv = match opts.opinv {
        Some(o) => from_operator(o),
        None => shifted_inverse(&a_dyn, None, opts.m, sigma, opts.tol)?,
    };
    // mode 3: the eigenvalues nu = 1 / (lambda - sigma) of (A - sigma M)^-1 M
    let mm = opts.m;
    let f = move |x: &[f64], y: &mut [f64]| match mm {
        None => opinv(x, y),
        Some(mop) => {
            let mut t = vec![0.0; n];
            apply(mop, x, &mut t);
            opinv(&t, y)
        }
    };
    let (nu, vecs) = FallibleOp { n, f: Box::new(f), err: Mutex::new(None) }.run(k, opts)?;
    let one = Complex64::new(1.0, 0.0);
    Ok((nu.mapv(|z| sigma + one / z), vecs))
}

/// ARPACK's modes 3 and 4 for a real `A` and a complex shift: Arnoldi on the real or the
/// imaginary part of `(A - sigma M)^-1 M`, the eigenvalues as the Rayleigh quotients
/// `x^H A x / x^H M x` of the Ritz vectors (SciPy's `eigs` after `dneupd`, whose remark 3
/// asks for them).
fn complex_shift(
    a: &dyn LinearOperator,
    k: usize,
    opts: &EigsOptions<'_>,
    sigma: f64,
) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
    if opts.opinv.is_some() {
        return Err(invalid("OPinv", "a real OPinv cannot apply (A - sigma M)^-1 for a complex sigma"));
    }
    let n = a.shape().0;
    let solve = real_a_inverse(a, opts.m, sigma, opts.sigma_imag, opts.tol)?;
    let (mm, imag) = (opts.m, opts.oppart == Some(OpPart::Imag));
    let f = move |x: &[f64], y: &mut [f64]| {
        let mut t = vec![0.0; 2 * n];
        match mm {
            None => t[..n].copy_from_slice(x),
            Some(mop) => mop.matvec_into(ArrayView1::from(x), ArrayViewMut1::from(&mut t[..n])),
        }
        let mut z = vec![0.0; 2 * n];
        solve(&t, &mut z)?;
        y.copy_from_slice(if imag { &z[n..] } else { &z[..n] });
        Ok(())
    };
    let (nu, mut vecs) = FallibleOp { n, f: Box::new(f), err: Mutex::new(None) }.run(k, opts)?;
    // a conjugate pair split by k: ARPACK returns both members (k + 1 values) and SciPy
    // keeps the k whose 1 / (lambda - sigma) are most wanted
    let split = (0..k).find(|&j| {
        let z = nu[j];
        z.im != 0.0 && !nu.iter().any(|&y| (y - z.conj()).norm() <= 1e-10 * z.norm())
    });
    if let Some(j) = split {
        let extra = vecs.column(j).mapv(|z| z.conj());
        vecs.push_column(extra.view()).map_err(|e| invalid("k", e.to_string()))?;
    }
    // x^H B x for a real operator B on the real and imaginary parts
    let quad = |b: Option<&dyn LinearOperator>, x: ArrayView1<'_, Complex64>| {
        let (xr, xi) = (x.mapv(|z| z.re), x.mapv(|z| z.im));
        let (br, bi) = match b {
            None => (xr.clone(), xi.clone()),
            Some(b) => (b.matvec(xr.view()), b.matvec(xi.view())),
        };
        Complex64::new(xr.dot(&br) + xi.dot(&bi), xr.dot(&bi) - xi.dot(&br))
    };
    let w: Vec<Complex64> = vecs.columns().into_iter().map(|x| quad(Some(a), x) / quad(mm, x)).collect();
    if w.len() == k {
        return Ok((Array1::from(w), vecs));
    }
    let s = Complex64::new(sigma, opts.sigma_imag);
    let rd: Vec<Complex64> = w.iter().map(|&d| Complex64::new(1.0, 0.0) / (d - s)).collect();
    let mut ind: Vec<usize> = (0..w.len()).collect();
    let key = |z: Complex64| match opts.which {
        WhichEigs::LR | WhichEigs::SR => z.re,
        WhichEigs::LI | WhichEigs::SI => z.im.abs(),
        WhichEigs::LM | WhichEigs::SM => z.norm(),
    };
    ind.sort_by(|&p, &q| key(rd[p]).total_cmp(&key(rd[q])));
    if matches!(opts.which, WhichEigs::LR | WhichEigs::LM | WhichEigs::LI) {
        ind.reverse();
    }
    ind.truncate(k);
    let vals = ind.iter().map(|&i| w[i]).collect();
    Ok((vals, vecs.select(sci_array::ndarray::Axis(1), &ind)))
}

/// SciPy's checks of `eigs` for an `(m, n)` operator: `(ncv, maxiter, tol)` with their
/// defaults (`min(n, max(2k + 1, 20))`, `10 n`, machine epsilon).
pub(crate) fn arnoldi_setup(
    (m, n): (usize, usize),
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(usize, usize, f64)> {
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    if k == 0 {
        return Err(invalid("k", "k must be greater than 0"));
    }
    if k + 1 >= n {
        return Err(invalid("k", format!("k={k} must be less than ndim(A)-1={}", n.saturating_sub(1))));
    }
    let ncv = opts.ncv.unwrap_or_else(|| n.min((2 * k + 1).max(20)));
    if ncv > n || ncv <= k + 1 {
        return Err(invalid("ncv", format!("ncv must be k+1<ncv<=n, ncv={ncv}")));
    }
    let maxiter = opts.maxiter.unwrap_or(10 * n).max(1);
    let tol = if opts.tol > 0.0 { opts.tol } else { f64::EPSILON };
    Ok((ncv, maxiter, tol))
}

/// The Arnoldi iteration of [`eigs`] on the operator `a` (`opts.sigma` is not looked at).
fn arnoldi<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
    let (ncv, maxiter, tol) = arnoldi_setup(a.shape(), k, opts)?;
    let n = a.shape().0;
    let eps23 = f64::EPSILON.powf(2.0 / 3.0);
    let mut rng = default_rng(0);
    let v0 = match &opts.v0 {
        Some(v0) if v0.len() != n => return Err(shape_err("v0", format!("length {n}"), v0.shape())),
        Some(v0) => v0.clone(),
        None => rng.uniform(-1.0, 1.0, n)?,
    };
    let nv0 = v0.dot(&v0).sqrt();
    if nv0 == 0.0 || !nv0.is_finite() {
        return Err(invalid("v0", "starting vector must be nonzero and finite"));
    }
    // Basis vectors and their images as rows.
    let mut v = Array2::<f64>::zeros((ncv + 1, n));
    let mut av = Array2::<f64>::zeros((ncv, n));
    v.row_mut(0).assign(&(&v0 / nv0));
    let mut l = 0usize; // basis vectors whose images are known
    for _iter in 0..maxiter {
        for j in l..ncv {
            let w0 = a.matvec(v.row(j));
            av.row_mut(j).assign(&w0);
            let mut w = w0;
            let mut nw = orthogonalize(&v, j + 1, &mut w);
            let scale = av.row(j).dot(&av.row(j)).sqrt();
            if nw <= f64::EPSILON * scale.max(f64::MIN_POSITIVE) * 10.0 {
                // invariant subspace: continue with a random vector orthogonal to the basis
                for _ in 0..3 {
                    w = rng.uniform(-1.0, 1.0, n)?;
                    nw = orthogonalize(&v, j + 1, &mut w);
                    if nw > 1e-8 {
                        break;
                    }
                }
            }
            v.row_mut(j + 1).assign(&(&w / nw));
        }
        let basis = v.slice(s![..ncv, ..]);
        let h = basis.dot(&av.t());
        let (theta, y) = dense_eig(&h)?;
        let mut order: Vec<usize> = (0..ncv).collect();
        // wanted first; ties (a real spectrum under LI/SI) by decreasing real part so the
        // selection is stable across restarts; within a conjugate pair the positive
        // imaginary part first
        order.sort_by(|&p, &q| {
            sort_key(theta[p], opts.which)
                .total_cmp(&sort_key(theta[q], opts.which))
                .then(theta[q].re.total_cmp(&theta[p].re))
                .then(theta[q].im.total_cmp(&theta[p].im))
        });
        // residuals of the k wanted Ritz pairs: ||AV y - θ V y|| with unit V y
        let vc = basis.mapv(|x| Complex64::new(x, 0.0));
        let avc = av.mapv(|x| Complex64::new(x, 0.0));
        let hnorm = h.iter().map(|x| x * x).sum::<f64>().sqrt();
        let mut converged = true;
        let mut vecs = Array2::<Complex64>::zeros((n, k));
        for (c, &i) in order[..k].iter().enumerate() {
            let yi = y.column(i);
            let x = vc.t().dot(&yi);
            let nx = x.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            let r = &avc.t().dot(&yi) - &(&x * theta[i]);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt() / nx;
            let floor = 1e3 * f64::EPSILON * hnorm;
            if nr > tol * theta[i].norm().max(eps23) && nr > floor {
                converged = false;
            }
            vecs.column_mut(c).assign(&(&x / Complex64::new(nx, 0.0)));
        }
        if converged {
            let w: Array1<Complex64> = order[..k].iter().map(|&i| theta[i]).collect();
            return Ok((w, vecs));
        }
        // thick restart: keep about half of the basis, wanted Ritz vectors first, a complex
        // pair as its real and imaginary parts
        let keep_target = (k + (ncv - k) / 2).min(ncv - 1);
        let mut cols: Vec<Array1<f64>> = Vec::new();
        let mut used = vec![false; ncv];
        for &i in &order {
            if cols.len() >= keep_target {
                break;
            }
            if used[i] {
                continue;
            }
            used[i] = true;
            let yi = y.column(i);
            cols.push(yi.mapv(|z| z.re));
            if theta[i].im != 0.0 {
                cols.push(yi.mapv(|z| z.im));
                // mark the conjugate partner
                if let Some(p) = (0..ncv)
                    .find(|&p| !used[p] && (theta[p] - theta[i].conj()).norm() <= 1e-12 * theta[i].norm())
                {
                    used[p] = true;
                }
            }
        }
        if cols.len() >= ncv {
            cols.truncate(ncv - 1);
        }
        // orthonormalize the kept coordinates (modified Gram-Schmidt, twice)
        let mut q: Vec<Array1<f64>> = Vec::new();
        for mut c in cols {
            for _ in 0..2 {
                for qq in &q {
                    let d = qq.dot(&c);
                    c.scaled_add(-d, qq);
                }
            }
            let nc = c.dot(&c).sqrt();
            if nc > 1e-10 {
                q.push(c / nc);
            }
        }
        let p = q.len();
        let mut qm = Array2::<f64>::zeros((ncv, p));
        for (j, c) in q.iter().enumerate() {
            qm.column_mut(j).assign(c);
        }
        l = restart_basis(&mut v, &mut av, &qm);
    }
    Err(SparseError::NoConvergence { iterations: maxiter })
}

/// Thick restart of an Arnoldi basis of `ncv` rows (`av` its images, `v` one row more): rows
/// `V[..p] = Q^T V[..ncv]` and `AV[..p] = Q^T AV` for the `(ncv, p)` coordinates `Q`, the
/// next Arnoldi vector `V[ncv]` moved to row `p`. Returns `p`.
pub(crate) fn restart_basis<T: LinalgScalar>(v: &mut Array2<T>, av: &mut Array2<T>, qm: &Array2<T>) -> usize {
    let (ncv, p) = qm.dim();
    let next = v.row(ncv).to_owned();
    let new_v = qm.t().dot(&v.slice(s![..ncv, ..]));
    let new_av = qm.t().dot(&*av);
    v.slice_mut(s![..p, ..]).assign(&new_v);
    av.slice_mut(s![..p, ..]).assign(&new_av);
    v.row_mut(p).assign(&next);
    p
}

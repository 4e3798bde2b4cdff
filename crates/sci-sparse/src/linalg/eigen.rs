//! `eigsh`: a few eigenvalues of a large symmetric operator (the Lanczos engine is in
//! `lanczos.rs`).

use std::cell::RefCell;

use sci_array::ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1};

use super::IterOptions;
use super::iterative::DynRef;
use super::lanczos::{BFn, Pencil, Ritz, lanczos, standard};
use super::lu::{SpluOptions, splu};
use super::operator::{LinearOperator, check_operator};
use super::residual::gmres;
use crate::CscMatrix;
use crate::error::{Result, invalid, shape_err};

/// Which eigenvalues [`eigsh`] looks for (SciPy's `which`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{eigsh, EigshOptions, Which};
/// let a = sci_sparse::diags(&[vec![1.0, -4.0, 2.0, 3.0]], &[0], None)?;
/// let (w, _) = eigsh(&a, 1, &EigshOptions { which: Which::LM, ..Default::default() }, None)?;
/// assert!((w[0] + 4.0).abs() < 1e-12);
/// let (w, _) = eigsh(&a, 1, &EigshOptions { which: Which::LA, ..Default::default() }, None)?;
/// assert!((w[0] - 3.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Which {
    /// Largest magnitude (`"LM"`, SciPy's default).
    #[default]
    LM,
    /// Smallest magnitude (`"SM"`); slow to converge without `sigma`.
    SM,
    /// Largest algebraic (`"LA"`).
    LA,
    /// Smallest algebraic (`"SA"`).
    SA,
    /// Both ends (`"BE"`): half from each end, one more from the high end when `k` is odd.
    BE,
}

/// SciPy's `mode` of [`eigsh`] with `sigma` set: the spectral transformation.
///
/// With `M` the identity when not given, each mode runs Lanczos on an operator `OP` whose
/// eigenvalues `nu` are a function of `lambda`, and `which` applies to `nu`:
///
/// | mode | `OP` | inner product | `nu` |
/// |---|---|---|---|
/// | `Normal` | `(A - sigma M)^-1 M` | `M` | `1 / (lambda - sigma)` |
/// | `Buckling` | `(A - sigma M)^-1 A` | `A` (positive definite) | `lambda / (lambda - sigma)` |
/// | `Cayley` | `(A - sigma M)^-1 (A + sigma M)` | `M` | `(lambda + sigma) / (lambda - sigma)` |
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh, EigshMode, EigshOptions};
/// let a = diags(&[vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]], &[0], None)?;
/// let opts = EigshOptions { sigma: Some(3.4), mode: EigshMode::Cayley, ..Default::default() };
/// let (w, _) = eigsh(&a, 2, &opts, Some(&a.tocsc()))?;
/// assert!((w[0] - 3.0).abs() < 1e-12 && (w[1] - 4.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum EigshMode {
    /// Shift-invert (`"normal"`, SciPy's default; ARPACK mode 3).
    #[default]
    Normal,
    /// Buckling (`"buckling"`, ARPACK mode 4): `A` must be positive definite.
    Buckling,
    /// Cayley transform (`"cayley"`, ARPACK mode 5).
    Cayley,
}

/// Options of [`eigsh`], with SciPy's defaults (the keyword arguments of
/// `scipy.sparse.linalg.eigsh`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{EigshMode, EigshOptions, Which};
/// let o = EigshOptions { which: Which::SA, ..Default::default() };
/// assert_eq!((o.ncv, o.tol, o.sigma, o.mode), (None, 0.0, None, EigshMode::Normal));
/// assert!(o.m.is_none() && o.minv.is_none() && o.opinv.is_none());
/// ```
#[derive(Clone, Default)]
pub struct EigshOptions<'a> {
    /// Which `k` eigenvalues to find.
    pub which: Which,
    /// Lanczos basis size (default `min(n, max(2k + 1, 20))`); must satisfy `k < ncv <= n`.
    pub ncv: Option<usize>,
    /// Maximum number of restarts (default `10 n`).
    pub maxiter: Option<usize>,
    /// Relative accuracy of the Ritz values (0: machine precision).
    pub tol: f64,
    /// Starting vector (default: uniform in `[-1, 1)` from a fixed seed).
    pub v0: Option<Array1<f64>>,
    /// Shift-invert mode: find eigenvalues near `sigma` (`which` then applies to the
    /// transformed eigenvalues of [`EigshMode`], as in SciPy); see [`eigsh`] for how
    /// `(A - sigma M)^-1` is applied.
    pub sigma: Option<f64>,
    /// `M` of the generalized problem `A x = lambda M x` (symmetric; positive definite
    /// unless in buckling mode). `None`: the identity.
    pub m: Option<&'a dyn LinearOperator>,
    /// `M^-1` for the generalized problem without `sigma` (default: a sparse LU of `M` when
    /// [`LinearOperator::to_sparse`] gives it, else GMRES as SciPy's `IterInv`).
    pub minv: Option<&'a dyn LinearOperator>,
    /// `(A - sigma M)^-1` for the shift-invert modes (default: a sparse LU of `A - sigma M`
    /// when both are matrices, else GMRES as SciPy's `IterOpInv`).
    pub opinv: Option<&'a dyn LinearOperator>,
    /// The spectral transformation used with `sigma`.
    pub mode: EigshMode,
}

impl std::fmt::Debug for EigshOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let op = |o: Option<&dyn LinearOperator>| o.map(|o| o.shape());
        f.debug_struct("EigshOptions")
            .field("which", &self.which)
            .field("ncv", &self.ncv)
            .field("maxiter", &self.maxiter)
            .field("tol", &self.tol)
            .field("v0", &self.v0)
            .field("sigma", &self.sigma)
            .field("m", &op(self.m))
            .field("minv", &op(self.minv))
            .field("opinv", &op(self.opinv))
            .field("mode", &self.mode)
            .finish()
    }
}

/// Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi: (values, vectors
/// as columns).
pub(crate) fn jacobi_eigh(mut a: Array2<f64>) -> (Vec<f64>, Array2<f64>) {
    let n = a.nrows();
    let mut v = Array2::<f64>::eye(n);
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| a[[i, j]].powi(2))
            .sum();
        let total: f64 = a.iter().map(|x| x * x).sum();
        if off <= f64::EPSILON * f64::EPSILON * total.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[[p, q]];
                if apq == 0.0 {
                    continue;
                }
                let theta = (a[[q, q]] - a[[p, p]]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[[k, p]], a[[k, q]]);
                    a[[k, p]] = c * akp - s * akq;
                    a[[k, q]] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[[p, k]], a[[q, k]]);
                    a[[p, k]] = c * apk - s * aqk;
                    a[[q, k]] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[[k, p]], v[[k, q]]);
                    v[[k, p]] = c * vkp - s * vkq;
                    v[[k, q]] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[[i, i]]).collect(), v)
}

/// Orders Ritz value indices so that the wanted ones come first.
pub(crate) fn wanted_order(theta: &[f64], which: Which) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..theta.len()).collect();
    let key = |i: &usize| -> f64 {
        match which {
            Which::LM => -theta[*i].abs(),
            Which::SM => theta[*i].abs(),
            Which::LA | Which::BE => -theta[*i],
            Which::SA => theta[*i],
        }
    };
    idx.sort_by(|a, b| key(a).total_cmp(&key(b)));
    if which == Which::BE {
        // alternate from the top and the bottom: the first k are the wanted ones
        let (mut lo, mut hi) = (0usize, idx.len());
        let mut out = Vec::with_capacity(idx.len());
        while lo < hi {
            out.push(idx[lo]);
            lo += 1;
            if lo < hi {
                hi -= 1;
                out.push(idx[hi]);
            }
        }
        return out;
    }
    idx
}

/// `k` eigenvalues and eigenvectors of a real symmetric operator `A`, or of the generalized
/// problem `A x = lambda M x` (thick-restart Lanczos with full reorthogonalization, ARPACK's
/// convergence test). Eigenvalues come in ascending order, eigenvectors as the columns of an
/// `(n, k)` array (each unique up to sign; `M`-normalized, `x^T M x = 1`, when `M` is given,
/// `A`-normalized in buckling mode).
///
/// The options select ARPACK's mode as SciPy does:
/// - no `sigma`, no `m`: the standard problem (mode 1);
/// - no `sigma`, `m`: the generalized problem with `M` positive definite (mode 2), Lanczos on
///   `M^-1 A` in the `M`-inner product; `M^-1` is `opts.minv`, or a sparse LU of `M`, or GMRES
///   when `M` is only an operator (SciPy's `IterInv`);
/// - `sigma`: the spectral transformation of `opts.mode` ([`EigshMode`]: shift-invert,
///   buckling, Cayley) with `(A - sigma M)^-1` from `opts.opinv`, or a sparse LU of
///   `A - sigma M` when `A` (the `matrix` argument, else [`LinearOperator::to_sparse`]) and
///   `M` are matrices, or else, as SciPy's `IterOpInv`, GMRES on the operator `A - sigma M`
///   (`A` alone when `sigma = 0`) to `rtol = max(tol, 1000 sqrt(n) eps)` (`tol = 2 eps` when
///   0) per solve.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, M=..., sigma=..., which=..., v0=...,
/// ncv=..., maxiter=..., tol=..., Minv=..., OPinv=..., mode=...)`; `return_eigenvectors=False`
/// is [`eigsh_values`].
///
/// # Errors
///
/// [`ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A`, or an `M`,
/// `Minv`, `OPinv` or `matrix` of another shape;
/// [`InvalidValue`](crate::SparseError::InvalidValue) unless `0 < k < n`, for a bad `ncv` or
/// `v0`, `which = BE` with `k = 1`, `OPinv` without `sigma`, `Minv` without `M` or with
/// `sigma` (SciPy's `ValueError`s), a non-finite `sigma`, an `A` whose products are not
/// finite (SciPy's `ArpackError`), when GMRES fails to invert `M` (argument `M`) or
/// `A - sigma M` (argument `sigma`; SciPy's `ValueError` "Error in inverting [A-sigma*M]"), or when `M` (`A` in buckling mode) shows not to be positive definite (SciPy
/// then returns meaningless values); [`NoConvergence`](crate::SparseError::NoConvergence) when `maxiter` restarts
/// do not converge (SciPy's `ArpackNoConvergence`);
/// [`SingularMatrix`](crate::SparseError::SingularMatrix) when `M` or `A - sigma M` is
/// singular.
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh, EigshOptions, Which};
/// // 1-d Laplacian: eigenvalues 2 - 2 cos(j pi / (n + 1))
/// let n = 50;
/// let a = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((n, n)))?;
/// let (w, v) = eigsh(&a, 3, &EigshOptions::default(), None)?;
/// let exact = |j: usize| 2.0 - 2.0 * (j as f64 * std::f64::consts::PI / (n as f64 + 1.0)).cos();
/// for (i, j) in [48, 49, 50].into_iter().enumerate() {
///     assert!((w[i] - exact(j)).abs() < 1e-10);
/// }
/// assert_eq!(v.dim(), (50, 3));
/// let opts = EigshOptions { which: Which::SA, ..Default::default() };
/// let (w, _) = eigsh(&a, 2, &opts, None)?;
/// assert!((w[0] - exact(1)).abs() < 1e-10);
/// // generalized: A x = lambda M x with M = 2 I halves the eigenvalues
/// let m = diags(&[vec![2.0]], &[0], Some((n, n)))?;
/// let (w, v) = eigsh(&a, 1, &EigshOptions { m: Some(&m), ..Default::default() }, None)?;
/// assert!((w[0] - exact(50) / 2.0).abs() < 1e-10);
/// assert!((2.0 * v.column(0).dot(&v.column(0)) - 1.0).abs() < 1e-12); // x^T M x = 1
/// // ... and the one nearest 0.1 by shift-invert (A - 0.1 M)^-1 M
/// let opts = EigshOptions { m: Some(&m), sigma: Some(0.1), ..Default::default() };
/// let (w, _) = eigsh(&a, 1, &opts, Some(&a.tocsc()))?;
/// assert!((w[0] - exact(7) / 2.0).abs() < 1e-10);
/// // A only as an operator: (A - 3.4 I)^-1 by GMRES (SciPy's IterOpInv)
/// use sci_sparse::linalg::{FnOperator, LinearOperator};
/// let d = diags(&[(1..=30).map(f64::from).collect()], &[0], None)?;
/// let op = FnOperator::new((30, 30), |x| d.matvec(x));
/// let (w, _) = eigsh(&op, 2, &EigshOptions { sigma: Some(3.4), ..Default::default() }, None)?;
/// assert!((w[0] - 3.0).abs() < 1e-10 && (w[1] - 4.0).abs() < 1e-10);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigshOptions<'_>,
    matrix: Option<&CscMatrix<f64>>,
) -> Result<(Array1<f64>, Array2<f64>)> {
    let (w, v) = solve(&a, k, opts, matrix, true)?;
    let v = v.ok_or_else(|| invalid("k", "no eigenvectors computed"))?;
    Ok((w, v))
}

/// The `k` eigenvalues of [`eigsh`] without the eigenvectors (SciPy's
/// `return_eigenvectors=False`), in SciPy's order, which is ARPACK's: without `sigma`, from
/// the least to the most wanted (`LM`: ascending magnitude, `SM`: descending magnitude, `LA`:
/// ascending, `SA`: descending; `BE`: ascending); with `sigma`, ascending.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, ..., return_eigenvectors=False)`.
///
/// # Errors
///
/// Those of [`eigsh`].
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh_values, EigshOptions, Which};
/// let a = diags(&[vec![-5.0, -1.0, 0.5, 2.0, 3.0, 4.0]], &[0], None)?;
/// let w = eigsh_values(&a, 3, &EigshOptions::default(), None)?;
/// assert_eq!(w.mapv(|x| (x * 1e10).round() / 1e10).to_vec(), vec![3.0, 4.0, -5.0]);
/// let w = eigsh_values(&a, 2, &EigshOptions { which: Which::SA, ..Default::default() }, None)?;
/// assert_eq!(w.mapv(|x| (x * 1e10).round() / 1e10).to_vec(), vec![-1.0, -5.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh_values<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigshOptions<'_>,
    matrix: Option<&CscMatrix<f64>>,
) -> Result<Array1<f64>> {
    Ok(solve(&a, k, opts, matrix, false)?.0)
}

/// `y = op x` on slices.
fn apply(op: &dyn LinearOperator, x: &[f64], y: &mut [f64]) {
    op.matvec_into(ArrayView1::from(x), ArrayViewMut1::from(y));
}

/// A solve `y = X^-1 b` as the engine uses it.
pub(crate) type Inverse<'a> = Box<dyn Fn(&[f64], &mut [f64]) -> Result<()> + Sync + 'a>;

fn check_shape(arg: &'static str, op: &dyn LinearOperator, n: usize) -> Result<()> {
    let (p, q) = op.shape();
    if (p, q) != (n, n) {
        return Err(shape_err(arg, format!("shape ({n}, {n})"), &[p, q]));
    }
    Ok(())
}

/// An operator as a solve.
pub(crate) fn from_operator(op: &dyn LinearOperator) -> Inverse<'_> {
    Box::new(move |x, y| {
        apply(op, x, y);
        Ok(())
    })
}

/// Solves with a sparse matrix by its LU.
pub(crate) fn lu_inverse<'a>(mat: &CscMatrix<f64>) -> Result<Inverse<'a>> {
    let lu = splu(mat, &SpluOptions::default())?;
    Ok(Box::new(move |x, y| {
        let s = lu.solve(&ArrayView1::from(x))?;
        y.iter_mut().zip(&s).for_each(|(d, &v)| *d = v);
        Ok(())
    }))
}

/// `X^-1` by GMRES as SciPy's `IterInv`/`IterOpInv` with `gmres_loose`: `rtol =
/// max(tol, 1000 sqrt(size) eps)` (`tol = 2 eps` when 0; `size` is the vector length), `atol =
/// 0`, and an error naming `arg` when a solve does not converge (SciPy's `ValueError`).
pub(crate) fn gmres_inverse<'a>(
    x: Box<dyn LinearOperator + 'a>,
    size: usize,
    tol: f64,
    arg: &'static str,
    what: &'static str,
) -> Inverse<'a> {
    let tol = if tol > 0.0 { tol } else { 2.0 * f64::EPSILON };
    let rtol = tol.max(1000.0 * (size as f64).sqrt() * f64::EPSILON);
    Box::new(move |b, y| {
        let r = gmres(&*x, &ArrayView1::from(b), &IterOptions { rtol, atol: 0.0, ..Default::default() })?;
        if r.info != 0 {
            return Err(invalid(
                arg,
                format!(
                    "Error in inverting {what}: function gmres_loose did not converge (info = {}).",
                    r.info
                ),
            ));
        }
        y.iter_mut().zip(&r.x).for_each(|(d, &v)| *d = v);
        Ok(())
    })
}

/// `A - sigma M` (`M = I` when `None`) without forming it, as SciPy's `IterOpInv.OP`.
pub(crate) struct Shifted<'a> {
    pub a: &'a dyn LinearOperator,
    pub m: Option<&'a dyn LinearOperator>,
    pub sigma: f64,
}

impl LinearOperator for Shifted<'_> {
    fn shape(&self) -> (usize, usize) {
        self.a.shape()
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        let mut y = Array1::zeros(self.a.shape().0);
        self.matvec_into(x, y.view_mut());
        y
    }
    fn matvec_into(&self, x: ArrayView1<'_, f64>, mut y: ArrayViewMut1<'_, f64>) {
        self.a.matvec_into(x.view(), y.view_mut());
        match self.m {
            None => y.scaled_add(-self.sigma, &x),
            Some(m) => y.scaled_add(-self.sigma, &m.matvec(x)),
        }
    }
}

/// `M^-1` as SciPy's `get_inv_matvec`: a sparse LU when `M` is a matrix, else GMRES to
/// `max(tol, 1000 sqrt(n) eps)` (`tol = 2 eps` when 0), as `IterInv`.
pub(crate) fn inverse_of<'a>(m: &'a dyn LinearOperator, tol: f64) -> Result<Inverse<'a>> {
    if let Some(mat) = m.to_sparse() {
        return lu_inverse(&mat);
    }
    Ok(gmres_inverse(Box::new(DynRef(m)), m.shape().0, tol, "M", "M"))
}

/// `(A - sigma M)^-1` as SciPy's `get_OPinv_matvec`: a sparse LU of `A - sigma M` when `A`
/// (`matrix`, else [`LinearOperator::to_sparse`]) and `M` are matrices, else GMRES on the
/// operator `A - sigma M` (SciPy's `IterOpInv`; `IterInv` of `A` when `sigma = 0`).
pub(crate) fn shifted_inverse<'a>(
    a: &'a dyn LinearOperator,
    matrix: Option<&CscMatrix<f64>>,
    m: Option<&'a dyn LinearOperator>,
    sigma: f64,
    tol: f64,
) -> Result<Inverse<'a>> {
    let owned;
    let mat = match matrix {
        Some(mat) => Some(mat),
        None => {
            owned = a.to_sparse();
            owned.as_ref()
        }
    };
    if sigma == 0.0 {
        return match mat {
            Some(mat) => lu_inverse(mat),
            None => Ok(gmres_inverse(Box::new(DynRef(a)), a.shape().0, tol, "M", "M")),
        };
    }
    let mm = match m {
        Some(m) => m.to_sparse().map(Some),
        None => Some(None),
    };
    match (mat, mm) {
        (Some(mat), Some(mm)) => {
            let n = mat.shape().0;
            let shifted = match mm {
                None => mat.sub(&CscMatrix::<f64>::identity(n).scale(sigma))?,
                Some(mm) => mat.sub(&mm.scale(sigma))?,
            };
            lu_inverse(&shifted)
        }
        _ => Ok(gmres_inverse(Box::new(Shifted { a, m, sigma }), a.shape().0, tol, "sigma", "[A-sigma*M]")),
    }
}

/// The engine run of [`eigsh`] and [`eigsh_values`]: eigenvalues in SciPy's order for
/// `vectors` (ascending, vectors alike) or not (see [`eigsh_values`]).
pub(crate) fn solve(
    a: &dyn LinearOperator,
    k: usize,
    opts: &EigshOptions<'_>,
    matrix: Option<&CscMatrix<f64>>,
    vectors: bool,
) -> Result<(Array1<f64>, Option<Array2<f64>>)> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    if k == 0 || k >= n {
        return Err(invalid("k", format!("k must be between 1 and ndim(A)-1 (k={k}, n={n})")));
    }
    if opts.which == Which::BE && k == 1 {
        // ARPACK's info -13
        return Err(invalid("which", "which='BE' needs k > 1 (NEV and WHICH = 'BE' are incompatible)"));
    }
    check_operator("A", a, false)?;
    for (arg, op) in [("M", opts.m), ("Minv", opts.minv), ("OPinv", opts.opinv)] {
        if let Some(op) = op {
            check_shape(arg, op, n)?;
            check_operator(arg, op, false)?;
        }
    }
    if let Some(mat) = matrix {
        check_shape("matrix", mat, n)?;
    }
    let Some(sigma) = opts.sigma else {
        if opts.opinv.is_some() {
            return Err(invalid("OPinv", "OPinv should not be specified with sigma = None."));
        }
        let ritz = match opts.m {
            None => {
                if opts.minv.is_some() {
                    return Err(invalid("Minv", "Minv should not be specified with M = None."));
                }
                let op = standard(a);
                lanczos(&Pencil { n, complex: false, op: &op, b: None }, k, opts, vectors)?
            }
            Some(mop) => {
                // mode 2: OP = M^-1 A in the M-inner product
                let minv = match opts.minv {
                    Some(mi) => from_operator(mi),
                    None => inverse_of(mop, opts.tol)?,
                };
                let t = RefCell::new(vec![0.0; n]);
                let op = |v: &[f64], _bv: &[f64], w: &mut [f64]| -> Result<()> {
                    let mut t = t.borrow_mut();
                    apply(a, v, &mut t[..]);
                    minv(&t[..], w)
                };
                let b = from_operator(mop);
                lanczos(&Pencil { n, complex: false, op: &op, b: Some(&*b) }, k, opts, vectors)?
            }
        };
        return Ok(finish(ritz, |t| t, opts.which, false));
    };
    if opts.minv.is_some() {
        return Err(invalid("Minv", "Minv should not be specified when sigma is specified."));
    }
    if !sigma.is_finite() {
        return Err(invalid("sigma", "sigma must be finite"));
    }
    let opinv = match opts.opinv {
        Some(o) => from_operator(o),
        None => shifted_inverse(a, matrix, opts.m, sigma, opts.tol)?,
    };
    let bm = opts.m.map(from_operator);
    let bm = bm.as_ref().map(|b| &**b as &BFn<'_>);
    let ritz = match opts.mode {
        EigshMode::Normal => {
            // OP = (A - sigma M)^-1 M, from M v
            let op = |_v: &[f64], bv: &[f64], w: &mut [f64]| opinv(bv, w);
            lanczos(&Pencil { n, complex: false, op: &op, b: bm }, k, opts, vectors)?
        }
        EigshMode::Buckling => {
            // OP = (A - sigma M)^-1 A in the A-inner product, from A v
            let op = |_v: &[f64], bv: &[f64], w: &mut [f64]| opinv(bv, w);
            let ba = from_operator(a);
            lanczos(&Pencil { n, complex: false, op: &op, b: Some(&*ba) }, k, opts, vectors)?
        }
        EigshMode::Cayley => {
            // OP = (A - sigma M)^-1 (A + sigma M), from v and M v
            let t = RefCell::new(vec![0.0; n]);
            let op = |v: &[f64], bv: &[f64], w: &mut [f64]| -> Result<()> {
                let mut t = t.borrow_mut();
                apply(a, v, &mut t[..]);
                t.iter_mut().zip(bv).for_each(|(x, &y)| *x += sigma * y);
                opinv(&t[..], w)
            };
            lanczos(&Pencil { n, complex: false, op: &op, b: bm }, k, opts, vectors)?
        }
    };
    let back: fn(f64, f64) -> f64 = match opts.mode {
        EigshMode::Normal => |nu, s| s + 1.0 / nu,
        EigshMode::Buckling => |nu, s| s * nu / (nu - 1.0),
        EigshMode::Cayley => |nu, s| s * (nu + 1.0) / (nu - 1.0),
    };
    Ok(finish(ritz, |nu| back(nu, sigma), opts.which, true))
}

/// Maps the Ritz values (most wanted first) back to eigenvalues and orders them as SciPy.
pub(crate) fn finish(
    (theta, vecs): Ritz,
    back: impl Fn(f64) -> f64,
    which: Which,
    shifted: bool,
) -> (Array1<f64>, Option<Array2<f64>>) {
    let lam: Vec<f64> = theta.iter().map(|&t| back(t)).collect();
    let mut idx: Vec<usize> = (0..lam.len()).collect();
    if vecs.is_some() || shifted || which == Which::BE {
        idx.sort_by(|&i, &j| lam[i].total_cmp(&lam[j]));
    } else {
        // dseupd without vectors: ARPACK's internal order, least wanted first
        idx.reverse();
    }
    let vals = Array1::from_iter(idx.iter().map(|&i| lam[i]));
    let vecs = vecs.map(|v| Array2::from_shape_fn((v.nrows(), idx.len()), |(r, c)| v[[r, idx[c]]]));
    (vals, vecs)
}

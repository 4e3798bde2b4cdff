//! Krylov solver cores for `A x = b` on an abstract operator, with SciPy's
//! `scipy.sparse.linalg` algorithms and stopping rules: [`gmres`], [`bicgstab`], [`cgs`],
//! [`minres`], [`tfqmr`].
//!
//! They sit here, below the domain crates, because two of them need them: `sci-sparse`
//! wraps them as its `LinearOperator` solvers, and `sci-optimize`'s Newton-Krylov method runs
//! them on a finite-difference Jacobian whose products call the user's function (and may
//! fail). The operator is a [`KrylovOperator`]: `A x`, the preconditioner `M x`, and the dot
//! product and norm the caller wants rounded its own way (a plain sum by default;
//! `sci-optimize` rounds as OpenBLAS's `ddot` to follow SciPy's iterates closely).

mod gmres;
mod minres;
mod stab;

pub use gmres::gmres;
pub use minres::{minres, tfqmr};
pub use stab::{bicgstab, cgs};

use ndarray::Array1;
use std::fmt;

/// The linear operator `A` (and preconditioner `M`, approximating `A^{-1}`) a Krylov solver
/// works on. `Error` is what a product may fail with (use [`std::convert::Infallible`] for
/// plain matrices).
///
/// SciPy equivalent: the `A` and `M` arguments (`scipy.sparse.linalg.LinearOperator`'s
/// `matvec`) of `scipy.sparse.linalg.gmres` and its siblings.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::KrylovOperator;
/// use sci_array::ndarray::{array, Array1};
/// struct Diag(Array1<f64>);
/// impl KrylovOperator for Diag {
///     type Error = std::convert::Infallible;
///     fn matvec(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Self::Error> {
///         Ok(&self.0 * x)
///     }
/// }
/// let mut d = Diag(array![2.0, 3.0]);
/// assert_eq!(d.matvec(&array![1.0, 1.0]).unwrap(), array![2.0, 3.0]);
/// assert_eq!(d.psolve(&array![1.0, 1.0]).unwrap(), array![1.0, 1.0]);
/// assert_eq!(d.norm(&array![3.0, 4.0]), 5.0);
/// ```
pub trait KrylovOperator {
    /// The error a product may return.
    type Error;
    /// `A x`.
    ///
    /// # Errors
    ///
    /// Whatever the operator fails with; the solver stops and passes it on.
    fn matvec(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Self::Error>;
    /// `M x`, the preconditioner (the identity by default).
    ///
    /// # Errors
    ///
    /// As [`KrylovOperator::matvec`].
    fn psolve(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Self::Error> {
        Ok(x.clone())
    }
    /// The dot product `a . b` (ndarray's by default).
    fn dot(&self, a: &Array1<f64>, b: &Array1<f64>) -> f64 {
        a.dot(b)
    }
    /// The 2-norm, `sqrt(a . a)` as `numpy.linalg.norm` computes it.
    fn norm(&self, a: &Array1<f64>) -> f64 {
        self.dot(a, a).sqrt()
    }
}

/// Parameters of the Krylov solvers; `None` means SciPy's default.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::KrylovParams;
/// let p = KrylovParams { rtol: 1e-8, maxiter: Some(50), ..Default::default() };
/// assert_eq!((p.atol, p.restart, p.shift), (0.0, None, 0.0));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct KrylovParams<'a> {
    /// Starting guess (zeros by default).
    pub x0: Option<&'a Array1<f64>>,
    /// Relative tolerance (SciPy's `rtol`, default `1e-5`).
    pub rtol: f64,
    /// Absolute tolerance (SciPy's `atol`, default 0); [`minres`] has none and ignores it.
    pub atol: f64,
    /// Iteration budget: SciPy's default is `10 n` (`5 n` for [`minres`], `min(10000, 10 n)`
    /// for [`tfqmr`]); [`gmres`] counts restart cycles.
    pub maxiter: Option<usize>,
    /// [`gmres`]'s Krylov subspace size between restarts (default 20, at most `n`).
    pub restart: Option<usize>,
    /// [`minres`]'s `shift`: it solves `(A - shift I) x = b` (default 0).
    pub shift: f64,
}

impl Default for KrylovParams<'_> {
    fn default() -> Self {
        Self { x0: None, rtol: 1e-5, atol: 0.0, maxiter: None, restart: None, shift: 0.0 }
    }
}

/// Solution and status of a Krylov solve.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{bicgstab, KrylovParams, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[4.0, 1.0], [1.0, 3.0]];
/// let s = bicgstab(&mut MatrixOperator(&a), &array![1.0, 2.0], &KrylovParams::default()).unwrap();
/// assert_eq!(s.info, 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct KrylovSolution {
    /// The approximate solution.
    pub x: Array1<f64>,
    /// SciPy's `info`: 0 converged, `> 0` the iteration budget spent without convergence,
    /// `< 0` breakdown.
    pub info: i64,
}

/// Why a Krylov solve stopped without a solution.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::KrylovError;
/// let e: KrylovError<std::convert::Infallible> =
///     KrylovError::InvalidValue { arg: "M", message: "indefinite preconditioner".into() };
/// assert_eq!(e.to_string(), "invalid M: indefinite preconditioner");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum KrylovError<E> {
    /// A product of the operator failed.
    Operator(E),
    /// An argument is out of range, or the data broke an assumption SciPy raises
    /// `ValueError` for (`minres`'s indefinite preconditioner or non-symmetric matrix).
    InvalidValue {
        /// The argument.
        arg: &'static str,
        /// What is wrong.
        message: String,
    },
}

impl<E: fmt::Display> fmt::Display for KrylovError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Operator(e) => write!(f, "{e}"),
            Self::InvalidValue { arg, message } => write!(f, "invalid {arg}: {message}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for KrylovError<E> {}

/// A dense matrix as a [`KrylovOperator`] (`A x` by ndarray's product, no preconditioner).
///
/// SciPy equivalent: `scipy.sparse.linalg.aslinearoperator(A)` of a dense array.
///
/// # Examples
///
/// ```
/// use sci_array::krylov::{KrylovOperator, MatrixOperator};
/// use sci_array::ndarray::array;
/// let a = array![[2.0, 1.0], [0.0, 3.0]];
/// assert_eq!(MatrixOperator(&a).matvec(&array![1.0, 1.0]).unwrap(), array![3.0, 3.0]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MatrixOperator<'a>(pub &'a ndarray::Array2<f64>);

impl KrylovOperator for MatrixOperator<'_> {
    type Error = std::convert::Infallible;
    fn matvec(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Self::Error> {
        Ok(self.0.dot(x))
    }
}

/// The operator with its errors wrapped, and the set-up every solver shares.
pub(crate) struct Sys<'o, O: KrylovOperator> {
    pub op: &'o mut O,
}

pub(crate) type KResult<T, O> = Result<T, KrylovError<<O as KrylovOperator>::Error>>;

impl<'o, O: KrylovOperator> Sys<'o, O> {
    /// The operator wrapped, and the starting point `x0` (zeros by default) checked against
    /// `b`'s length.
    pub fn begin(op: &'o mut O, b: &Array1<f64>, p: &KrylovParams<'_>) -> KResult<(Self, Array1<f64>), O> {
        let s = Sys { op };
        let x = s.start(b.len(), p)?;
        Ok((s, x))
    }
    pub fn a(&mut self, x: &Array1<f64>) -> KResult<Array1<f64>, O> {
        self.op.matvec(x).map_err(KrylovError::Operator)
    }
    pub fn m(&mut self, x: &Array1<f64>) -> KResult<Array1<f64>, O> {
        self.op.psolve(x).map_err(KrylovError::Operator)
    }
    pub fn dot(&self, a: &Array1<f64>, b: &Array1<f64>) -> f64 {
        self.op.dot(a, b)
    }
    pub fn norm(&self, a: &Array1<f64>) -> f64 {
        self.op.norm(a)
    }
    /// The starting point (`x0` or zeros), checked against `n`.
    pub fn start(&self, n: usize, p: &KrylovParams<'_>) -> KResult<Array1<f64>, O> {
        match p.x0 {
            Some(x0) if x0.len() != n => Err(KrylovError::InvalidValue {
                arg: "x0",
                message: format!("expected length {n}, got {}", x0.len()),
            }),
            Some(x0) => Ok(x0.clone()),
            None => Ok(Array1::zeros(n)),
        }
    }
    /// `b - A x`, without the product when `x` is zero (SciPy's `if x.any()`).
    pub fn residual(&mut self, b: &Array1<f64>, x: &Array1<f64>) -> KResult<Array1<f64>, O> {
        if x.iter().any(|&v| v != 0.0) { Ok(b - &self.a(x)?) } else { Ok(b.clone()) }
    }
}

/// `maxiter`, or `default_per_n` times `n`.
pub(crate) fn budget(p: &KrylovParams<'_>, default_per_n: usize, n: usize) -> usize {
    p.maxiter.unwrap_or(default_per_n * n)
}

//! Constraint types of `minimize`: SciPy's `NonlinearConstraint`, `LinearConstraint`, the
//! old-style constraint dictionaries of SLSQP, and the quasi-Newton Hessian update strategies
//! (`BFGS`, `SR1`).

use crate::error::{OptimizeError, Result, invalid};
use crate::linprog::SparseMatrix;
use crate::numdiff::FiniteDiff;
use ndarray::{Array1, Array2};
use std::fmt;

/// How the initial matrix of a quasi-Newton update is scaled (SciPy's `init_scale`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum InitScale {
    /// `'auto'`: scaled at the first update by `y.y / |y.s|` (Nocedal & Wright p. 143).
    #[default]
    Auto,
    /// The identity times this number.
    Value(f64),
}

/// What BFGS does when the curvature condition fails (SciPy's `exception_strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExceptionStrategy {
    /// `'skip_update'` (default; `min_curvature` default 1e-8).
    #[default]
    SkipUpdate,
    /// `'damp_update'`: Powell's damping (`min_curvature` default 0.2).
    DampUpdate,
}

/// A quasi-Newton approximation of a Hessian (SciPy's `HessianUpdateStrategy`): `BFGS()` or
/// `SR1()`, used by `trust-constr` for the objective (`hess=`) and for each
/// [`NonlinearConstraint`].
///
/// SciPy equivalent: `scipy.optimize.BFGS`, `scipy.optimize.SR1`.
///
/// # Examples
///
/// ```
/// use sci_optimize::HessianUpdateStrategy;
/// assert_eq!(HessianUpdateStrategy::bfgs(), HessianUpdateStrategy::default());
/// assert!(matches!(HessianUpdateStrategy::sr1(), HessianUpdateStrategy::Sr1 { min_denominator, .. } if min_denominator == 1e-8));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HessianUpdateStrategy {
    /// `BFGS(exception_strategy, min_curvature, init_scale)`.
    Bfgs {
        /// What to do when the curvature condition fails.
        exception_strategy: ExceptionStrategy,
        /// Minimum curvature (`None`: 1e-8 for skip, 0.2 for damp).
        min_curvature: Option<f64>,
        /// Initial scaling.
        init_scale: InitScale,
    },
    /// `SR1(min_denominator, init_scale)`.
    Sr1 {
        /// Updates with a smaller relative denominator are skipped (default 1e-8).
        min_denominator: f64,
        /// Initial scaling.
        init_scale: InitScale,
    },
}

impl Default for HessianUpdateStrategy {
    fn default() -> Self {
        Self::bfgs()
    }
}

impl HessianUpdateStrategy {
    /// SciPy's `BFGS()` with its defaults.
    pub fn bfgs() -> Self {
        Self::Bfgs {
            exception_strategy: ExceptionStrategy::SkipUpdate,
            min_curvature: None,
            init_scale: InitScale::Auto,
        }
    }

    /// SciPy's `SR1()` with its defaults.
    pub fn sr1() -> Self {
        Self::Sr1 { min_denominator: 1e-8, init_scale: InitScale::Auto }
    }
}

/// The Jacobian of a [`NonlinearConstraint`] (SciPy's `jac=`; default `'2-point'`).
#[derive(Clone, Copy)]
pub enum ConstraintJac<'a> {
    /// Finite differences.
    FiniteDiff(FiniteDiff),
    /// A function returning the `(m, n)` Jacobian.
    Fn(&'a dyn Fn(&Array1<f64>) -> Array2<f64>),
}

impl Default for ConstraintJac<'_> {
    fn default() -> Self {
        Self::FiniteDiff(FiniteDiff::TwoPoint)
    }
}

impl fmt::Debug for ConstraintJac<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FiniteDiff(d) => write!(f, "FiniteDiff({d:?})"),
            Self::Fn(_) => f.write_str("Fn(..)"),
        }
    }
}

/// The Hessian of a [`NonlinearConstraint`] (SciPy's `hess=`; default `BFGS()`).
#[derive(Clone, Copy)]
pub enum ConstraintHess<'a> {
    /// A quasi-Newton approximation of `sum_i v_i hess(c_i)`.
    Update(HessianUpdateStrategy),
    /// `hess(x, v)`: the `(n, n)` matrix `sum_i v_i hess(c_i)(x)`.
    Fn(&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array2<f64>),
}

impl Default for ConstraintHess<'_> {
    fn default() -> Self {
        Self::Update(HessianUpdateStrategy::bfgs())
    }
}

impl fmt::Debug for ConstraintHess<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Update(u) => write!(f, "Update({u:?})"),
            Self::Fn(_) => f.write_str("Fn(..)"),
        }
    }
}

/// `lb <= fun(x) <= ub`; an entry with `lb == ub` is an equality, `-inf`/`inf` leave a side
/// free. `lb` and `ub` of length 1 apply to every component.
///
/// SciPy equivalent: `scipy.optimize.NonlinearConstraint` (`finite_diff_rel_step` and
/// `finite_diff_jac_sparsity` are missing).
///
/// # Examples
///
/// ```
/// use sci_optimize::NonlinearConstraint;
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // The unit circle x0^2 + x1^2 = 1.
/// let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1]];
/// let c = NonlinearConstraint::new(&circle, array![1.0], array![1.0]);
/// assert_eq!((c.fun)(&array![0.6, 0.8])[0], 1.0);
/// ```
#[derive(Clone)]
pub struct NonlinearConstraint<'a> {
    /// The constraint function, returning `m` values.
    pub fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>,
    /// Lower bounds (length `m` or 1).
    pub lb: Array1<f64>,
    /// Upper bounds (length `m` or 1).
    pub ub: Array1<f64>,
    /// The Jacobian (default `'2-point'`).
    pub jac: ConstraintJac<'a>,
    /// The Hessian (default `BFGS()`).
    pub hess: ConstraintHess<'a>,
    /// SciPy's `keep_feasible` (length `m` or 1; empty: `false`): trust-constr keeps these
    /// inequalities satisfied at every iterate (`x0` must satisfy them).
    pub keep_feasible: Array1<bool>,
    /// `finite_diff_rel_step` (default `None`: SciPy's automatic step): the relative step of
    /// the finite-difference Jacobian (one value or one per variable), used by trust-constr;
    /// SLSQP and COBYLA ignore it, as SciPy (which warns).
    pub finite_diff_rel_step: Option<Array1<f64>>,
    /// `finite_diff_jac_sparsity` (default `None`): the `(m, n)` sparsity structure of the
    /// Jacobian; trust-constr then estimates it by groups of columns that share no row
    /// (SciPy's `approx_derivative(sparsity=...)`); SLSQP and COBYLA ignore it, as SciPy.
    pub finite_diff_jac_sparsity: Option<SparseMatrix>,
}

impl<'a> NonlinearConstraint<'a> {
    /// `NonlinearConstraint(fun, lb, ub)` with SciPy's defaults (`jac='2-point'`,
    /// `hess=BFGS()`).
    pub fn new(fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>, lb: Array1<f64>, ub: Array1<f64>) -> Self {
        NonlinearConstraint {
            fun,
            lb,
            ub,
            jac: ConstraintJac::default(),
            hess: ConstraintHess::default(),
            keep_feasible: Array1::from_vec(vec![]),
            finite_diff_rel_step: None,
            finite_diff_jac_sparsity: None,
        }
    }
}

impl fmt::Debug for NonlinearConstraint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NonlinearConstraint")
            .field("lb", &self.lb)
            .field("ub", &self.ub)
            .field("jac", &self.jac)
            .field("hess", &self.hess)
            .field("finite_diff_rel_step", &self.finite_diff_rel_step)
            .field("finite_diff_jac_sparsity", &self.finite_diff_jac_sparsity.as_ref().map(|s| s.shape()))
            .finish_non_exhaustive()
    }
}

/// `lb <= A x <= ub` (entries with `lb == ub` are equalities). `lb` and `ub` of length 1 apply
/// to every row.
///
/// SciPy equivalent: `scipy.optimize.LinearConstraint` (a sparse `A` through
/// [`LinearConstraint::from_sparse`]).
///
/// # Examples
///
/// ```
/// use sci_optimize::LinearConstraint;
/// use sci_optimize::sci_array::ndarray::array;
/// // x0 + 2 x1 <= 1
/// let c = LinearConstraint::new(array![[1.0, 2.0]], array![f64::NEG_INFINITY], array![1.0]);
/// assert_eq!(c.a.dot(&array![1.0, 0.0])[0], 1.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LinearConstraint {
    /// The `(m, n)` matrix.
    pub a: Array2<f64>,
    /// Lower bounds (length `m` or 1).
    pub lb: Array1<f64>,
    /// Upper bounds (length `m` or 1).
    pub ub: Array1<f64>,
    /// SciPy's `keep_feasible` (length `m` or 1; empty: `false`), as for
    /// [`NonlinearConstraint`].
    pub keep_feasible: Array1<bool>,
}

impl LinearConstraint {
    /// `LinearConstraint(A, lb, ub)`.
    pub fn new(a: Array2<f64>, lb: Array1<f64>, ub: Array1<f64>) -> Self {
        LinearConstraint { a, lb, ub, keep_feasible: Array1::from_vec(vec![]) }
    }

    /// `LinearConstraint(A, lb, ub)` with a sparse `A` (CSR or CSC), kept as a dense matrix:
    /// SLSQP converts it so in SciPy (`A.toarray()`), and trust-constr and COBYLA here work on
    /// dense constraint matrices. SciPy's trust-constr keeps a sparse `A` and projects with its
    /// sparse augmented system, which rounds differently; SciPy 1.17's COBYLA fails on a sparse
    /// `A` (its initial projection indexes it as a dense array), where this runs the dense
    /// problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{LinearConstraint, Method, MinimizeOptions, SparseMatrix, minimize};
    /// use sci_optimize::sci_array::ndarray::{Array1, array};
    /// // SciPy: minimize(f, x0, method='SLSQP', constraints=[LinearConstraint(csr_array(A), -inf, 1)])
    /// let a = SparseMatrix::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]].view());
    /// let lc = LinearConstraint::from_sparse(&a, array![f64::NEG_INFINITY], array![1.0]);
    /// assert_eq!(lc.a, array![[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]]);
    /// let f = |x: &Array1<f64>| x.iter().map(|v| (v - 1.0) * (v - 1.0)).sum::<f64>();
    /// let o = MinimizeOptions { method: Method::Slsqp, constraints: vec![lc.into()], ..Default::default() };
    /// let r = minimize(f, &array![0.0, 0.0, 0.0], &o)?;
    /// assert!(r.x[0] + 2.0 * r.x[2] <= 1.0 + 1e-8 && r.x[1] + r.x[2] <= 1.0 + 1e-8);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    pub fn from_sparse(a: &SparseMatrix, lb: Array1<f64>, ub: Array1<f64>) -> Self {
        LinearConstraint::new(a.to_dense(), lb, ub)
    }
}

/// The kind of an old-style constraint dictionary (SciPy's `'type'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintType {
    /// `'eq'`: `fun(x) = 0`.
    Eq,
    /// `'ineq'`: `fun(x) >= 0`.
    Ineq,
}

/// An old-style constraint (SciPy's dictionary `{'type': 'eq'|'ineq', 'fun': ..., 'jac': ...}`),
/// the form SLSQP takes.
///
/// # Examples
///
/// ```
/// use sci_optimize::{ConstraintDict, ConstraintType};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let g = |x: &Array1<f64>| array![x[0] - 2.0 * x[1] + 2.0];
/// let c = ConstraintDict::new(ConstraintType::Ineq, &g);
/// assert_eq!((c.fun)(&array![0.0, 1.0])[0], 0.0);
/// ```
#[derive(Clone)]
pub struct ConstraintDict<'a> {
    /// `'type'`.
    pub kind: ConstraintType,
    /// `'fun'`: the constraint values.
    pub fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>,
    /// `'jac'` (`None`: forward differences).
    pub jac: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
}

impl<'a> ConstraintDict<'a> {
    /// A constraint without `jac`.
    pub fn new(kind: ConstraintType, fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>) -> Self {
        ConstraintDict { kind, fun, jac: None }
    }
}

impl fmt::Debug for ConstraintDict<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConstraintDict").field("kind", &self.kind).finish_non_exhaustive()
    }
}

/// One entry of `minimize`'s `constraints=`.
#[derive(Debug, Clone)]
pub enum Constraint<'a> {
    /// A [`NonlinearConstraint`].
    Nonlinear(NonlinearConstraint<'a>),
    /// A [`LinearConstraint`].
    Linear(LinearConstraint),
    /// An old-style [`ConstraintDict`].
    Dict(ConstraintDict<'a>),
}

impl<'a> From<NonlinearConstraint<'a>> for Constraint<'a> {
    fn from(c: NonlinearConstraint<'a>) -> Self {
        Self::Nonlinear(c)
    }
}

impl From<LinearConstraint> for Constraint<'_> {
    fn from(c: LinearConstraint) -> Self {
        Self::Linear(c)
    }
}

impl<'a> From<ConstraintDict<'a>> for Constraint<'a> {
    fn from(c: ConstraintDict<'a>) -> Self {
        Self::Dict(c)
    }
}

/// `keep_feasible` broadcast to length `m`.
pub(crate) fn broadcast_keep_feasible(kf: &Array1<bool>, m: usize) -> Result<Vec<bool>> {
    match kf.len() {
        0 => Ok(vec![false; m]),
        1 => Ok(vec![kf[0]; m]),
        k if k == m => Ok(kf.to_vec()),
        k => Err(OptimizeError::WrongLength { arg: "constraint keep_feasible", expected: m, found: k }),
    }
}

/// `lb`, `ub` broadcast to length `m` and checked (NaN, `lb > ub`).
pub(crate) fn broadcast_bounds(
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    m: usize,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let cast = |v: &Array1<f64>, arg: &'static str| -> Result<Array1<f64>> {
        match v.len() {
            1 => Ok(Array1::from_elem(m, v[0])),
            k if k == m => Ok(v.clone()),
            k => Err(OptimizeError::WrongLength { arg, expected: m, found: k }),
        }
    };
    let (l, u) = (cast(lb, "constraint lb")?, cast(ub, "constraint ub")?);
    for i in 0..m {
        if l[i].is_nan() || u[i].is_nan() {
            return Err(invalid("constraint bounds", "bounds must not be NaN"));
        }
        if l[i] > u[i] {
            return Err(OptimizeError::InvalidBounds { index: i, lower: l[i], upper: u[i] });
        }
    }
    Ok((l, u))
}

//! The constraints [`differential_evolution`](super::differential_evolution) takes and SciPy's
//! `_ConstraintWrapper`: how far a point violates each constraint component.

use crate::error::{OptimizeError, Result, invalid};
use crate::minimize::{Bounds, Constraint, LinearConstraint, NonlinearConstraint};
use ndarray::{Array1, Array2};

/// One entry of [`differential_evolution`](super::differential_evolution)'s `constraints`:
/// the three kinds SciPy's `differential_evolution` accepts.
///
/// # Examples
///
/// ```
/// use sci_optimize::{Bounds, DifferentialEvolutionConstraint, LinearConstraint};
/// use sci_optimize::sci_array::ndarray::array;
/// let c: DifferentialEvolutionConstraint<'_> =
///     LinearConstraint::new(array![[1.0, 1.0]], array![f64::NEG_INFINITY], array![1.9]).into();
/// assert!(matches!(c, DifferentialEvolutionConstraint::Linear(_)));
/// let b: DifferentialEvolutionConstraint<'_> = Bounds::new(array![0.0], array![1.0]).into();
/// assert!(matches!(b, DifferentialEvolutionConstraint::Bounds(_)));
/// ```
#[derive(Debug, Clone)]
pub enum DifferentialEvolutionConstraint<'a> {
    /// `lb <= fun(x) <= ub` (SciPy's `NonlinearConstraint`; its `jac`/`hess` are used only
    /// when polishing).
    Nonlinear(NonlinearConstraint<'a>),
    /// `lb <= A x <= ub` (SciPy's `LinearConstraint`).
    Linear(LinearConstraint),
    /// `lb <= x <= ub` as a constraint (SciPy's `Bounds` passed in `constraints`), apart from
    /// the search box `bounds`.
    Bounds(Bounds),
}

impl<'a> From<NonlinearConstraint<'a>> for DifferentialEvolutionConstraint<'a> {
    fn from(c: NonlinearConstraint<'a>) -> Self {
        Self::Nonlinear(c)
    }
}

impl From<LinearConstraint> for DifferentialEvolutionConstraint<'_> {
    fn from(c: LinearConstraint) -> Self {
        Self::Linear(c)
    }
}

impl From<Bounds> for DifferentialEvolutionConstraint<'_> {
    fn from(c: Bounds) -> Self {
        Self::Bounds(c)
    }
}

impl<'a> DifferentialEvolutionConstraint<'a> {
    /// The constraint as trust-constr takes it when polishing. A `Bounds` constraint becomes
    /// the linear constraint `lb <= I x <= ub` (SciPy hands the `Bounds` object over, which
    /// trust-constr evaluates as an identity function with a sparse Jacobian).
    pub(super) fn for_polish(&self, n: usize) -> Constraint<'a> {
        match self {
            Self::Nonlinear(c) => Constraint::Nonlinear(c.clone()),
            Self::Linear(c) => Constraint::Linear(c.clone()),
            Self::Bounds(b) => {
                let mut c = LinearConstraint::new(Array2::eye(n), b.lb.clone(), b.ub.clone());
                c.keep_feasible = b.keep_feasible.clone();
                Constraint::Linear(c)
            }
        }
    }
}

/// SciPy's message when a constraint returns the wrong number of values.
pub(super) const WRONG_SHAPE: &str = "An array returned from a Constraint has the wrong shape. If \
    `vectorized is False` the Constraint should return an array of shape (M,). If `vectorized is \
    True` then the Constraint must return an array of shape (M, S), where S is the number of \
    solution vectors and M is the number of constraint components in a given Constraint object.";

/// SciPy's `_ConstraintWrapper`: a constraint with its bounds broadcast to its `m` components.
pub(super) struct Wrapped<'c, 'a> {
    con: &'c DifferentialEvolutionConstraint<'a>,
    lb: Array1<f64>,
    ub: Array1<f64>,
    /// Number of components (`fun(x0).size`).
    pub(super) m: usize,
}

/// `np.maximum(v, 0)`: NaN propagates.
fn excess(v: f64) -> f64 {
    if v.is_nan() { v } else { v.max(0.0) }
}

impl<'c, 'a> Wrapped<'c, 'a> {
    /// Wraps `con`, counting its components at `x0` (the best member of the initial
    /// population, as SciPy does).
    pub(super) fn new(con: &'c DifferentialEvolutionConstraint<'a>, x0: &Array1<f64>) -> Result<Self> {
        let n = x0.len();
        let (lb, ub) = match con {
            DifferentialEvolutionConstraint::Nonlinear(c) => (&c.lb, &c.ub),
            DifferentialEvolutionConstraint::Linear(c) => {
                if c.a.ncols() != n {
                    return Err(OptimizeError::WrongLength {
                        arg: "LinearConstraint.A columns",
                        expected: n,
                        found: c.a.ncols(),
                    });
                }
                (&c.lb, &c.ub)
            }
            DifferentialEvolutionConstraint::Bounds(b) => (&b.lb, &b.ub),
        };
        let mut w = Wrapped { con, lb: lb.clone(), ub: ub.clone(), m: 0 };
        let m = w.fun(x0).len();
        if m == 0 {
            return Err(OptimizeError::WrongLength { arg: "constraint fun(x0)", expected: 1, found: 0 });
        }
        for (arg, v) in [("constraint lb", &mut w.lb), ("constraint ub", &mut w.ub)] {
            match v.len() {
                1 => *v = Array1::from_elem(m, v[0]),
                k if k == m => {}
                k => return Err(OptimizeError::WrongLength { arg, expected: m, found: k }),
            }
        }
        w.m = m;
        Ok(w)
    }

    fn fun(&self, x: &Array1<f64>) -> Array1<f64> {
        match self.con {
            DifferentialEvolutionConstraint::Nonlinear(c) => (c.fun)(x),
            DifferentialEvolutionConstraint::Linear(c) => c.a.dot(x),
            DifferentialEvolutionConstraint::Bounds(_) => x.clone(),
        }
    }

    /// `violation(x)`: per component, how far `fun(x)` lies below `lb` plus how far above `ub`.
    pub(super) fn violation(&self, x: &Array1<f64>) -> Result<Array1<f64>> {
        let ev = self.fun(x);
        if ev.len() != self.m {
            return Err(invalid("constraints", WRONG_SHAPE));
        }
        Ok(Array1::from_shape_fn(self.m, |i| excess(self.lb[i] - ev[i]) + excess(ev[i] - self.ub[i])))
    }
}

//! SciPy's `minimize` handling of variables fixed by the bounds (`lb == ub`) for L-BFGS-B,
//! TNC and SLSQP: `_optimize_result_for_equal_bounds`, `_Remove_From_Func` and
//! `_add_to_array`.

use super::bounds::Bounds;
use super::callback::{Callback, IntermediateResult};
use super::constraints::{Constraint, ConstraintJac, ConstraintType, broadcast_bounds};
use crate::error::{OptimizeError, Result};
use crate::problem::OptimizeResult;
use ndarray::{Array1, Array2, Axis};
use sci_array::num_complex::Complex64;
use std::ops::ControlFlow;

/// The free variables of a problem with some variables fixed by its bounds.
pub(crate) struct Fixed {
    /// The fixed values (the lower bounds; entries of free variables are overwritten).
    base: Array1<f64>,
    /// Indices of the free variables.
    pub(crate) free: Vec<usize>,
}

impl Fixed {
    /// `None` when no variable is fixed.
    pub(crate) fn of(b: &Bounds) -> Option<Self> {
        let n = b.lb.len();
        let free: Vec<usize> = (0..n).filter(|&i| b.lb[i] != b.ub[i]).collect();
        (free.len() < n).then(|| Fixed { base: b.lb.clone(), free })
    }

    /// The full `x` from the free variables `xr`.
    pub(crate) fn full(&self, xr: &Array1<f64>) -> Array1<f64> {
        let mut x = self.base.clone();
        for (k, &i) in self.free.iter().enumerate() {
            x[i] = xr[k];
        }
        x
    }

    /// A complex-step objective ([`crate::Jac::ComplexStep`]) of the free variables: the
    /// fixed ones are put back (with zero imaginary part) before `fc` is called.
    pub(crate) fn reduced_cs<'s>(
        &'s self,
        fc: &'s dyn Fn(&Array1<Complex64>) -> Complex64,
    ) -> impl Fn(&Array1<Complex64>) -> Complex64 + 's {
        move |zr: &Array1<Complex64>| {
            let mut z = self.base.mapv(|v| Complex64::new(v, 0.0));
            for (k, &i) in self.free.iter().enumerate() {
                z[i] = zr[k];
            }
            fc(&z)
        }
    }

    /// The free entries of `v`.
    pub(crate) fn reduce(&self, v: &Array1<f64>) -> Array1<f64> {
        self.free.iter().map(|&i| v[i]).collect()
    }

    /// SciPy's `_add_to_array(jac, i_fixed, nan)`.
    pub(crate) fn expand_nan(&self, g: &Array1<f64>) -> Array1<f64> {
        let mut j = Array1::from_elem(self.base.len(), f64::NAN);
        for (k, &i) in self.free.iter().enumerate() {
            j[i] = g[k];
        }
        j
    }

    /// The reduced bounds.
    pub(crate) fn bounds(&self, b: &Bounds) -> Bounds {
        Bounds::new(self.reduce(&b.lb), self.reduce(&b.ub))
    }

    /// A callback on the free variables calling `cb` with the full `x`.
    pub(crate) fn callback<'s>(
        &'s self,
        cb: Callback<'s>,
    ) -> impl Fn(&IntermediateResult<'_>) -> ControlFlow<()> + 's {
        move |r: &IntermediateResult<'_>| cb(&IntermediateResult { x: &self.full(r.x), fun: r.fun })
    }

    /// The result on the free variables put back on all of them (`x` with the fixed values,
    /// `jac` NaN at the fixed variables, no `hess_inv`).
    pub(crate) fn expand_result(&self, mut r: OptimizeResult) -> OptimizeResult {
        r.x = self.full(&r.x);
        r.jac = r.jac.map(|g| self.expand_nan(&g));
        r.hess_inv = None;
        r
    }
}

type VecFun<'a> = Box<dyn Fn(&Array1<f64>) -> Array1<f64> + 'a>;
type MatFun<'a> = Box<dyn Fn(&Array1<f64>) -> Array2<f64> + 'a>;

/// The constraint functions on the free variables: `fun` evaluated on the full `x`, the
/// columns of the fixed variables removed from `jac` (SciPy wraps `con['fun']` and
/// `con['jac']` with `_Remove_From_Func`). A linear constraint becomes a nonlinear one with
/// `A x` on the full `x` and the free columns of `A` as its Jacobian.
pub(crate) struct ReducedFuns<'a> {
    funs: Vec<VecFun<'a>>,
    jacs: Vec<Option<MatFun<'a>>>,
}

impl<'a> ReducedFuns<'a> {
    /// Wraps the functions of `cons`; `None` when a linear constraint has the wrong number
    /// of columns (left to the solver to report).
    pub(crate) fn new(fx: &'a Fixed, cons: &'a [Constraint<'a>]) -> Option<Self> {
        let n = fx.base.len();
        let mut funs: Vec<VecFun<'a>> = Vec::with_capacity(cons.len());
        let mut jacs: Vec<Option<MatFun<'a>>> = Vec::with_capacity(cons.len());
        let wrap_jac = |j: &'a dyn Fn(&Array1<f64>) -> Array2<f64>| -> MatFun<'a> {
            Box::new(move |xr: &Array1<f64>| j(&fx.full(xr)).select(Axis(1), &fx.free))
        };
        for c in cons {
            let (f, j): (&'a dyn Fn(&Array1<f64>) -> Array1<f64>, Option<MatFun<'a>>) = match c {
                Constraint::Dict(d) => (d.fun, d.jac.map(wrap_jac)),
                Constraint::Nonlinear(nc) => (
                    nc.fun,
                    match nc.jac {
                        ConstraintJac::Fn(j) => Some(wrap_jac(j)),
                        ConstraintJac::FiniteDiff(_) => None,
                    },
                ),
                Constraint::Linear(lc) => {
                    if lc.a.ncols() != n {
                        return None;
                    }
                    let a = &lc.a;
                    let ar = a.select(Axis(1), &fx.free);
                    funs.push(Box::new(move |xr: &Array1<f64>| a.dot(&fx.full(xr))));
                    jacs.push(Some(Box::new(move |_: &Array1<f64>| ar.clone())));
                    continue;
                }
            };
            funs.push(Box::new(move |xr: &Array1<f64>| f(&fx.full(xr))));
            jacs.push(j);
        }
        Some(ReducedFuns { funs, jacs })
    }

    /// The constraints on the free variables.
    pub(crate) fn constraints(&'a self, cons: &[Constraint<'a>]) -> Vec<Constraint<'a>> {
        cons.iter()
            .enumerate()
            .map(|(k, c)| {
                let fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64> = &*self.funs[k];
                let jac = self.jacs[k].as_ref().map(|j| &**j as &'a dyn Fn(&Array1<f64>) -> Array2<f64>);
                match c {
                    Constraint::Dict(d) => Constraint::Dict(super::ConstraintDict { kind: d.kind, fun, jac }),
                    Constraint::Nonlinear(nc) => {
                        let mut nc = nc.clone();
                        nc.fun = fun;
                        if let Some(j) = jac {
                            nc.jac = ConstraintJac::Fn(j);
                        }
                        Constraint::Nonlinear(nc)
                    }
                    Constraint::Linear(lc) => {
                        let mut nc = super::NonlinearConstraint::new(fun, lc.lb.clone(), lc.ub.clone());
                        nc.jac = ConstraintJac::Fn(jac.expect("linear constraints have a Jacobian"));
                        Constraint::Nonlinear(nc)
                    }
                }
            })
            .collect()
    }
}

/// Whether some function needs finite differences: SciPy's `fd_needed` (the objective has no
/// gradient function or a constraint has no Jacobian function).
pub(crate) fn fd_needed(jac_given: bool, cons: &[Constraint<'_>]) -> bool {
    !jac_given
        || cons.iter().any(|c| match c {
            Constraint::Dict(d) => d.jac.is_none(),
            Constraint::Nonlinear(nc) => matches!(nc.jac, ConstraintJac::FiniteDiff(_)),
            Constraint::Linear(_) => false,
        })
}

/// SciPy's `_optimize_result_for_equal_bounds`: all variables fixed, `x = lb`, `fun(lb)` with
/// one evaluation, and `success` false when `lb` violates a constraint. SciPy's result has no
/// `nit`, `status` and `jac`: here they are 0, 0 and `None`.
pub(crate) fn equal_bounds_result(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    b: &Bounds,
    cons: &[Constraint<'_>],
) -> Result<OptimizeResult> {
    let x = b.lb.clone();
    let mut success = true;
    let mut message = if cons.is_empty() {
        "All independent variables were fixed by bounds.".to_string()
    } else {
        "All independent variables were fixed by bounds at values that satisfy the constraints.".to_string()
    };
    let mut maxcv = 0.0_f64;
    for c in cons {
        let viol: Vec<f64> = match c {
            Constraint::Dict(d) => {
                let v = (d.fun)(&x);
                match d.kind {
                    ConstraintType::Eq => v.iter().map(|f| f.abs()).collect(),
                    ConstraintType::Ineq => v.iter().map(|f| (-f).max(0.0)).collect(),
                }
            }
            Constraint::Nonlinear(nc) => excess(&(nc.fun)(&x), &nc.lb, &nc.ub)?,
            Constraint::Linear(lc) => {
                if lc.a.ncols() != x.len() {
                    return Err(OptimizeError::WrongLength {
                        arg: "LinearConstraint.A columns",
                        expected: x.len(),
                        found: lc.a.ncols(),
                    });
                }
                excess(&lc.a.dot(&x), &lc.lb, &lc.ub)?
            }
        };
        if viol.iter().sum::<f64>() != 0.0 {
            maxcv = viol.iter().fold(maxcv, |m, &v| m.max(v));
            success = false;
            message = format!(
                "All independent variables were fixed by bounds, but the independent variables do \
                 not satisfy the constraints exactly. (Maximum violation: {maxcv})."
            );
        }
    }
    let f = fun(&x);
    Ok(OptimizeResult {
        x,
        fun: f,
        jac: None,
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: 0,
        nfev: 1,
        njev: 0,
        nhev: 0,
        status: 0,
        success,
        message,
    })
}

/// `max(lb - v, 0) + max(v - ub, 0)` with `lb`, `ub` broadcast (SciPy's
/// `PreparedConstraint.violation`).
fn excess(v: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> Result<Vec<f64>> {
    let (lb, ub) = broadcast_bounds(lb, ub, v.len())?;
    Ok((0..v.len()).map(|i| (lb[i] - v[i]).max(0.0) + (v[i] - ub[i]).max(0.0)).collect())
}

//! SciPy's `DifferentialEvolutionSolver.solve`: the generations, the stopping tests, the
//! polishing (L-BFGS-B, or trust-constr with constraints) and the result with its constraint
//! fields.

use super::solver::Solver;
use super::{CALLBACK_STOPPED, DifferentialEvolutionIntermediate, DifferentialEvolutionResult};
use crate::error::Result;
use crate::global::np_mean_std;
use crate::minimize::messages;
use crate::minimize::{Bounds, Method, MinimizeOptions, TrustConstrOptions, minimize, minimize_trust_constr};
use crate::pyrepr::py_float_repr;
use ndarray::Array1;

/// What a polish found, when it is kept.
struct Polished {
    x: Array1<f64>,
    fun: f64,
    jac: Option<Array1<f64>>,
}

impl Solver<'_> {
    /// SciPy's `convergence` property: `std / (|mean| + eps)` of the energies, infinite while
    /// one of them is.
    fn convergence(&self) -> f64 {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return f64::INFINITY;
        }
        let (mean, std) = np_mean_std(&self.energies);
        std / (mean.abs() + f64::EPSILON)
    }

    fn converged(&self) -> bool {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return false;
        }
        let (mean, std) = np_mean_std(&self.energies);
        std <= self.o.atol + self.o.tol * mean.abs()
    }

    /// Every constraint's violation at `x` and the largest entry (NaN propagates, as
    /// `np.max`).
    fn constr_at(&self, x: &Array1<f64>) -> Result<(Vec<Array1<f64>>, f64)> {
        let constr: Vec<Array1<f64>> =
            self.constraints.iter().map(|c| c.violation(x)).collect::<Result<_>>()?;
        let maxcv = constr
            .iter()
            .flat_map(|c| c.iter().copied())
            .fold(f64::NEG_INFINITY, |m, v| if m.is_nan() || v.is_nan() { f64::NAN } else { m.max(v) });
        Ok((constr, maxcv))
    }

    /// L-BFGS-B over the continuous parameters (SciPy's `minimize` drops the fixed ones).
    fn polish_lbfgsb(&mut self, x: &Array1<f64>) -> Option<Polished> {
        let free: Vec<usize> = (0..self.n).filter(|&k| !self.integrality[k]).collect();
        let embed = |z: &Array1<f64>| {
            let mut full = x.clone();
            for (i, &k) in free.iter().enumerate() {
                full[k] = z[i];
            }
            full
        };
        let z0 = Array1::from_iter(free.iter().map(|&k| x[k]));
        let bounds = Bounds::new(
            free.iter().map(|&k| self.lo[k]).collect(),
            free.iter().map(|&k| self.hi[k]).collect(),
        );
        let lbfgsb = MinimizeOptions { method: Method::LBfgsB, bounds: Some(bounds), ..Default::default() };
        // A start where the objective is not finite cannot be polished (SciPy's L-BFGS-B
        // returns a failure there, which is not kept either).
        let r = minimize(|z: &Array1<f64>| self.value_at(&embed(z)), &z0, &lbfgsb).ok()?;
        self.nfev += r.nfev;
        let full = embed(&r.x);
        let jac = r.jac.map(|g| {
            let mut j = Array1::zeros(self.n);
            for (i, &k) in free.iter().enumerate() {
                j[k] = g[i];
            }
            j
        });
        r.success.then_some(Polished { x: full, fun: r.fun, jac })
    }

    /// trust-constr on all parameters, the integer ones held by equal bounds, with the
    /// constraints (SciPy's choice when constraints are given).
    fn polish_trust_constr(&mut self, x: &Array1<f64>) -> Option<Polished> {
        let opts = TrustConstrOptions {
            bounds: Some(self.polish_bounds(x)),
            constraints: self.o.constraints.iter().map(|c| c.for_polish(self.n)).collect(),
            ..Default::default()
        };
        let r = minimize_trust_constr(|z: &Array1<f64>| self.value_at(z), x, &opts).ok()?;
        self.nfev += r.nfev;
        // SciPy's `jac` here is trust-constr's list of constraint Jacobians, not a gradient.
        r.success.then_some(Polished { x: r.x, fun: r.fun, jac: None })
    }

    /// The bounds of the polish: the limits, integer parameters held at `x`.
    fn polish_bounds(&self, x: &Array1<f64>) -> Bounds {
        let (mut lo, mut hi) = (Array1::from_vec(self.lo.clone()), Array1::from_vec(self.hi.clone()));
        for k in (0..self.n).filter(|&k| self.integrality[k]) {
            (lo[k], hi[k]) = (x[k], x[k]);
        }
        Bounds::new(lo, hi)
    }

    /// The user's polisher (SciPy's callable `polish`); its errors end the run, as SciPy's
    /// exceptions do.
    fn polish_custom(&mut self, f: super::PolishFn<'_>, x: &Array1<f64>) -> Result<Option<Polished>> {
        let bounds = self.polish_bounds(x);
        let cons: Vec<_> = self.o.constraints.iter().map(|c| c.for_polish(self.n)).collect();
        let value = |z: &Array1<f64>| self.value_at(z);
        let r = f(&value, x, &bounds, &cons)?;
        self.nfev += r.nfev;
        Ok(r.success.then_some(Polished { x: r.x, fun: r.fun, jac: r.jac }))
    }

    pub(super) fn solve(&mut self) -> Result<DifferentialEvolutionResult> {
        let mut nit = 0;
        self.init_energies()?;
        let mut converged = false;
        let mut stopped = false;
        for it in 1..=self.o.maxiter {
            nit = it;
            self.next_generation()?;
            if let Some(cb) = self.o.callback {
                let x = self.scale_row(self.pop.row(0));
                let convergence = self.o.tol / (self.convergence() + f64::EPSILON);
                let constr_violation =
                    if self.constraints.is_empty() { None } else { Some(self.constr_at(&x)?.1) };
                let r = DifferentialEvolutionIntermediate {
                    x: &x,
                    fun: self.energies[0],
                    convergence,
                    nit: it,
                    nfev: self.nfev,
                    constr_violation,
                };
                if cb(&r).is_break() {
                    stopped = true;
                    break;
                }
            }
            if self.converged() {
                converged = true;
                break;
            }
        }
        let mut message = if stopped {
            CALLBACK_STOPPED
        } else if converged {
            messages::SUCCESS
        } else {
            messages::MAXITER
        }
        .to_string();
        let mut x = self.scale_row(self.pop.row(0));
        let mut fun = self.energies[0];
        let mut jac = None;
        let mut success = converged;
        // SciPy's result before polishing already fails when the best member is infeasible
        // (and stays failed whatever the polish finds).
        if !self.constraints.is_empty() && self.constr_at(&x)?.1 > 0.0 {
            success = false;
        }
        if self.o.polish && !self.integrality.iter().all(|&b| b) {
            let limits = (self.lo.clone(), self.hi.clone());
            let polished = if let Some(f) = self.o.polish_fn {
                self.polish_custom(f, &x)?
            } else if self.constraints.is_empty() {
                self.polish_lbfgsb(&x)
            } else {
                self.polish_trust_constr(&x)
            };
            if let Some(p) = polished {
                let inside = (0..self.n).all(|k| {
                    let (l, u) = if self.integrality[k] { (x[k], x[k]) } else { (limits.0[k], limits.1[k]) };
                    l <= p.x[k] && p.x[k] <= u
                });
                if p.fun < fun && inside {
                    fun = p.fun;
                    jac = p.jac;
                    self.energies[0] = fun;
                    let u = self.unscale(&p.x);
                    self.pop.row_mut(0).assign(&u);
                    x = p.x;
                }
            }
        }
        let (constr, constr_violation) = if self.constraints.is_empty() {
            (Vec::new(), None)
        } else {
            let (constr, maxcv) = self.constr_at(&x)?;
            if maxcv > 0.0 {
                success = false;
                message = format!(
                    "The solution does not satisfy the constraints, MAXCV = {}",
                    py_float_repr(maxcv)
                );
            }
            (constr, Some(maxcv))
        };
        let population = self.scaled_population();
        Ok(DifferentialEvolutionResult {
            x,
            fun,
            jac,
            nfev: self.nfev,
            nit,
            success,
            message,
            population,
            population_energies: Array1::from_vec(self.energies.clone()),
            constr,
            constr_violation,
        })
    }
}

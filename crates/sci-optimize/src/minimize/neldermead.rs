//! The Nelder-Mead downhill simplex, as SciPy's `_minimize_neldermead` (non-adaptive and
//! adaptive coefficients; starting simplex 5% / 0.00025 perturbations).

use super::messages;
use crate::error::Result;
use crate::problem::{IterState, Problem, Solver, Termination, check_finite_start};
use ndarray::{Array1, Array2, Axis};

pub(crate) struct NelderMead {
    pub xatol: f64,
    pub fatol: f64,
    pub maxfev: usize,
    pub adaptive: bool,
    pub initial_simplex: Option<Array2<f64>>,
    sim: Array2<f64>,
    fsim: Vec<f64>,
    coef: (f64, f64, f64, f64),
    out_of_calls: bool,
}

impl NelderMead {
    pub(crate) fn new(
        xatol: f64,
        fatol: f64,
        maxfev: usize,
        adaptive: bool,
        initial_simplex: Option<Array2<f64>>,
    ) -> Self {
        NelderMead {
            xatol,
            fatol,
            maxfev,
            adaptive,
            initial_simplex,
            sim: Array2::zeros((0, 0)),
            fsim: Vec::new(),
            coef: (1.0, 2.0, 0.5, 0.5),
            out_of_calls: false,
        }
    }

    /// Evaluates `f`, or `None` once `maxfev` calls were made (SciPy's `_MaxFuncCallError`).
    fn eval(&mut self, problem: &mut Problem<'_>, x: &Array1<f64>) -> Option<f64> {
        if problem.nfev >= self.maxfev {
            self.out_of_calls = true;
            return None;
        }
        Some(problem.fun_raw(x))
    }

    fn sort(&mut self) {
        let mut idx: Vec<usize> = (0..self.fsim.len()).collect();
        // NumPy's argsort on N+1 <= 16 entries is an insertion sort: stable, NaN last.
        idx.sort_by(|&a, &b| {
            self.fsim[a]
                .partial_cmp(&self.fsim[b])
                .unwrap_or_else(|| self.fsim[a].is_nan().cmp(&self.fsim[b].is_nan()))
        });
        self.sim = self.sim.select(Axis(0), &idx);
        self.fsim = idx.iter().map(|&i| self.fsim[i]).collect();
    }
}

impl Solver for NelderMead {
    fn init(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        let n = state.x.len();
        if self.adaptive {
            let dim = n as f64;
            self.coef = (1.0, 1.0 + 2.0 / dim, 0.75 - 1.0 / (2.0 * dim), 1.0 - 1.0 / dim);
        }
        self.sim = match self.initial_simplex.take() {
            Some(s) => s,
            None => {
                let mut sim = Array2::zeros((n + 1, n));
                sim.row_mut(0).assign(&state.x);
                for k in 0..n {
                    let mut y = state.x.clone();
                    y[k] = if y[k] != 0.0 { 1.05 * y[k] } else { 0.00025 };
                    sim.row_mut(k + 1).assign(&y);
                }
                sim
            }
        };
        self.fsim = vec![f64::INFINITY; n + 1];
        for k in 0..=n {
            let x = self.sim.row(k).to_owned();
            match self.eval(problem, &x) {
                Some(v) => self.fsim[k] = v,
                None => break,
            }
        }
        check_finite_start(self.fsim[0])?;
        self.sort();
        state.nit = 1;
        state.x = self.sim.row(0).to_owned();
        state.fun = self.fsim[0];
        Ok(())
    }

    fn next_iter(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        let (rho, chi, psi, sigma) = self.coef;
        let n = self.sim.ncols();
        let worst = self.sim.row(n).to_owned();
        let xbar = self.sim.slice(ndarray::s![..n, ..]).sum_axis(Axis(0)) / n as f64;
        let xr = &xbar * (1.0 + rho) - &worst * rho;
        'iter: {
            let Some(fxr) = self.eval(problem, &xr) else { break 'iter };
            let mut doshrink = false;
            if fxr < self.fsim[0] {
                let xe = &xbar * (1.0 + rho * chi) - &worst * (rho * chi);
                let Some(fxe) = self.eval(problem, &xe) else { break 'iter };
                if fxe < fxr {
                    self.sim.row_mut(n).assign(&xe);
                    self.fsim[n] = fxe;
                } else {
                    self.sim.row_mut(n).assign(&xr);
                    self.fsim[n] = fxr;
                }
            } else if fxr < self.fsim[n - 1] {
                self.sim.row_mut(n).assign(&xr);
                self.fsim[n] = fxr;
            } else if fxr < self.fsim[n] {
                let xc = &xbar * (1.0 + psi * rho) - &worst * (psi * rho);
                let Some(fxc) = self.eval(problem, &xc) else { break 'iter };
                if fxc <= fxr {
                    self.sim.row_mut(n).assign(&xc);
                    self.fsim[n] = fxc;
                } else {
                    doshrink = true;
                }
            } else {
                let xcc = &xbar * (1.0 - psi) + &worst * psi;
                let Some(fxcc) = self.eval(problem, &xcc) else { break 'iter };
                if fxcc < self.fsim[n] {
                    self.sim.row_mut(n).assign(&xcc);
                    self.fsim[n] = fxcc;
                } else {
                    doshrink = true;
                }
            }
            if doshrink {
                let best = self.sim.row(0).to_owned();
                for j in 1..=n {
                    let xj = &best + &((&self.sim.row(j) - &best) * sigma);
                    self.sim.row_mut(j).assign(&xj);
                    let Some(v) = self.eval(problem, &xj) else { break 'iter };
                    self.fsim[j] = v;
                }
            }
            state.nit += 1;
        }
        self.sort();
        state.x = self.sim.row(0).to_owned();
        state.fun = self.fsim.iter().cloned().fold(f64::INFINITY, f64::min);
        Ok(())
    }

    /// SciPy calls `callback` after every pass, also one cut short by `maxfev`.
    fn calls_back(&self, _: usize, _: &IterState) -> bool {
        true
    }

    fn terminate(&mut self, problem: &Problem<'_>, state: &IterState) -> Option<Termination> {
        let converged = || {
            let best = self.sim.row(0);
            let dx = self
                .sim
                .rows()
                .into_iter()
                .skip(1)
                .flat_map(|r| (&r - &best).into_iter().collect::<Vec<_>>())
                .fold(0.0, |m: f64, v| m.max(v.abs()));
            let df = self.fsim[1..].iter().fold(0.0, |m: f64, v| m.max((self.fsim[0] - v).abs()));
            dx <= self.xatol && df <= self.fatol
        };
        let stop =
            self.out_of_calls || problem.nfev >= self.maxfev || state.nit >= state.maxiter || converged();
        if !stop {
            return None;
        }
        Some(if problem.nfev >= self.maxfev || self.out_of_calls {
            Termination::new(1, messages::MAXFEV)
        } else if state.nit >= state.maxiter {
            Termination::new(2, messages::MAXITER)
        } else {
            Termination::new(0, messages::SUCCESS)
        })
    }
}

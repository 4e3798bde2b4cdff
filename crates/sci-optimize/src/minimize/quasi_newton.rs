//! BFGS and nonlinear conjugate gradients (Polak-Ribière+), as SciPy's `_minimize_bfgs` and
//! `_minimize_cg`, both on the Moré-Thuente line search.

use super::linesearch::line_search_wolfe12;
use super::messages;
use crate::error::Result;
use crate::problem::{IterState, Problem, Solver, Termination, check_finite_start};
use ndarray::{Array1, Array2};

fn inf_norm(v: &Array1<f64>) -> f64 {
    v.iter().fold(0.0, |m: f64, x| if x.abs() > m || x.is_nan() { x.abs() } else { m })
}

/// BFGS with an inverse-Hessian update, SciPy's `method='BFGS'`.
pub(crate) struct Bfgs {
    pub gtol: f64,
    pub c1: f64,
    pub c2: f64,
    pub xrtol: f64,
    old_fval: f64,
    old_old_fval: f64,
    gnorm: f64,
    warnflag: i32,
    stop: bool,
}

impl Bfgs {
    pub(crate) fn new(gtol: f64, c1: f64, c2: f64, xrtol: f64) -> Self {
        Bfgs { gtol, c1, c2, xrtol, old_fval: 0.0, old_old_fval: 0.0, gnorm: 0.0, warnflag: 0, stop: false }
    }
}

impl Solver for Bfgs {
    fn init(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        let f0 = problem.fun(&state.x);
        check_finite_start(f0)?;
        let g0 = problem.grad(&state.x);
        let n = state.x.len();
        self.old_fval = f0;
        self.old_old_fval = f0 + g0.dot(&g0).sqrt() / 2.0;
        self.gnorm = inf_norm(&g0);
        state.fun = f0;
        state.jac = Some(g0);
        state.hess_inv = Some(Array2::eye(n));
        Ok(())
    }

    fn next_iter(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        let hk = state.hess_inv.as_ref().expect("initialized");
        let gfk = state.jac.as_ref().expect("initialized");
        let pk = -hk.dot(gfk);
        let Some((alpha, fval, gval)) = line_search_wolfe12(
            problem,
            &state.x,
            &pk,
            gfk,
            self.old_fval,
            self.old_old_fval,
            self.c1,
            self.c2,
            None,
        ) else {
            self.warnflag = 2;
            self.stop = true;
            return Ok(());
        };
        self.old_old_fval = self.old_fval;
        self.old_fval = fval;
        let sk = &pk * alpha;
        let xk = &state.x + &sk;
        let gval = gval.unwrap_or_else(|| problem.grad(&xk));
        let yk = &gval - gfk;
        state.x = xk;
        state.nit += 1;
        state.fun = fval;
        self.gnorm = inf_norm(&gval);
        state.jac = Some(gval);
        if self.gnorm <= self.gtol {
            self.stop = true;
            return Ok(());
        }
        if alpha * pk.dot(&pk).sqrt() <= self.xrtol * (self.xrtol + state.x.dot(&state.x).sqrt()) {
            self.stop = true;
            return Ok(());
        }
        if !self.old_fval.is_finite() {
            self.warnflag = 2;
            self.stop = true;
            return Ok(());
        }
        let rhok_inv = yk.dot(&sk);
        let rhok = if rhok_inv == 0.0 { 1000.0 } else { 1.0 / rhok_inv };
        // H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T
        let n = sk.len();
        let mut a1 = Array2::<f64>::eye(n);
        let mut a2 = Array2::<f64>::eye(n);
        for i in 0..n {
            for j in 0..n {
                a1[[i, j]] -= sk[i] * yk[j] * rhok;
                a2[[i, j]] -= yk[i] * sk[j] * rhok;
            }
        }
        let mut h = a1.dot(&hk.dot(&a2));
        for i in 0..n {
            for j in 0..n {
                h[[i, j]] += rhok * sk[i] * sk[j];
            }
        }
        state.hess_inv = Some(h);
        Ok(())
    }

    fn terminate(&mut self, _problem: &Problem<'_>, state: &IterState) -> Option<Termination> {
        if !(self.stop || self.gnorm <= self.gtol || state.nit >= state.maxiter) {
            return None;
        }
        Some(final_status(self.warnflag, state, self.gnorm))
    }
}

fn final_status(warnflag: i32, state: &IterState, gnorm: f64) -> Termination {
    if warnflag == 2 {
        Termination::new(2, messages::PR_LOSS)
    } else if state.nit >= state.maxiter {
        Termination::new(1, messages::MAXITER)
    } else if gnorm.is_nan() || state.fun.is_nan() || state.x.iter().any(|v| v.is_nan()) {
        Termination::new(3, messages::NAN)
    } else {
        Termination::new(0, messages::SUCCESS)
    }
}

/// Nonlinear conjugate gradients (Polak-Ribière with restarts), SciPy's `method='CG'`.
pub(crate) struct Cg {
    pub gtol: f64,
    pub c1: f64,
    pub c2: f64,
    pk: Array1<f64>,
    old_fval: f64,
    old_old_fval: f64,
    gnorm: f64,
    warnflag: i32,
    stop: bool,
}

impl Cg {
    pub(crate) fn new(gtol: f64, c1: f64, c2: f64) -> Self {
        Cg {
            gtol,
            c1,
            c2,
            pk: Array1::zeros(0),
            old_fval: 0.0,
            old_old_fval: 0.0,
            gnorm: 0.0,
            warnflag: 0,
            stop: false,
        }
    }
}

impl Solver for Cg {
    fn init(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        let f0 = problem.fun(&state.x);
        check_finite_start(f0)?;
        let g0 = problem.grad(&state.x);
        self.old_fval = f0;
        self.old_old_fval = f0 + g0.dot(&g0).sqrt() / 2.0;
        self.gnorm = inf_norm(&g0);
        self.pk = -&g0;
        state.fun = f0;
        state.jac = Some(g0);
        Ok(())
    }

    fn next_iter(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        const SIGMA_3: f64 = 0.01;
        let gfk = state.jac.clone().expect("initialized");
        let deltak = gfk.dot(&gfk);
        let (pk, gtol) = (self.pk.clone(), self.gtol);
        let x = state.x.clone();
        let step = |alpha: f64, g: &Array1<f64>| {
            let xkp1 = &x + &(&pk * alpha);
            let yk = g - &gfk;
            let beta = 0f64.max(yk.dot(g) / deltak);
            let pkp1 = -g + &(&pk * beta);
            (xkp1, pkp1, inf_norm(g))
        };
        // SciPy's extra condition: the next direction must be a descent direction.
        let mut cond = |alpha: f64, g: &Array1<f64>| {
            let (_, pkp1, gnorm) = step(alpha, g);
            gnorm <= gtol || pkp1.dot(g) <= -SIGMA_3 * g.dot(g)
        };
        let ls = line_search_wolfe12(
            problem,
            &x,
            &pk,
            &gfk,
            self.old_fval,
            self.old_old_fval,
            self.c1,
            self.c2,
            Some(&mut cond),
        );
        let Some((alpha, fval, gval)) = ls else {
            self.warnflag = 2;
            self.stop = true;
            return Ok(());
        };
        let gval = gval.unwrap_or_else(|| problem.grad(&(&x + &(&pk * alpha))));
        let (xkp1, pkp1, gnorm) = step(alpha, &gval);
        self.old_old_fval = self.old_fval;
        self.old_fval = fval;
        state.x = xkp1;
        state.nit += 1;
        state.fun = fval;
        state.jac = Some(gval);
        self.pk = pkp1;
        self.gnorm = gnorm;
        Ok(())
    }

    fn terminate(&mut self, _problem: &Problem<'_>, state: &IterState) -> Option<Termination> {
        if !(self.stop || self.gnorm <= self.gtol || state.nit >= state.maxiter) {
            return None;
        }
        Some(final_status(self.warnflag, state, self.gnorm))
    }
}

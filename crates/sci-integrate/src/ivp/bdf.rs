//! The variable-order (1 to 5) backward differentiation formulas of SciPy's `BDF`, in the
//! numerical differentiation (NDF) form of Shampine & Reichelt (MATLAB's ode15s): a
//! quasi-constant step size, backward differences rescaled when the step changes, simplified
//! Newton iterations, order selection after `order + 1` equal steps.

use super::implicit::{Jac, Lu, check_finite_jac};
use super::rk::{Interpolant, Rhs, StepOutcome, next_after, rms, select_initial_step};
use crate::error::Result;

const MAX_ORDER: usize = 5;
const NEWTON_MAXITER: usize = 4;
const MIN_FACTOR: f64 = 0.2;
const MAX_FACTOR: f64 = 10.0;
/// Rows of the difference array: orders 0..=MAX_ORDER + 2.
const D_ROWS: usize = MAX_ORDER + 3;

/// The `(order + 1)`-square matrix R of the step-change transformation (cumulative products
/// down the columns of `(i - 1 - factor j) / i`, first row ones).
fn compute_r(order: usize, factor: f64) -> Vec<Vec<f64>> {
    let m = order + 1;
    let mut r = vec![vec![1.0; m]; m];
    for i in 1..m {
        for j in 0..m {
            let v = if j == 0 { 0.0 } else { (i as f64 - 1.0 - factor * j as f64) / i as f64 };
            r[i][j] = r[i - 1][j] * v;
        }
    }
    r
}

/// Rescales the differences `d[..=order]` for a step changed by `factor`.
fn change_d(d: &mut [Vec<f64>], order: usize, factor: f64) {
    let r = compute_r(order, factor);
    let u = compute_r(order, 1.0);
    let m = order + 1;
    let mut ru = vec![vec![0.0; m]; m];
    for i in 0..m {
        for j in 0..m {
            ru[i][j] = (0..m).map(|k| r[i][k] * u[k][j]).sum();
        }
    }
    let n = d[0].len();
    let old: Vec<Vec<f64>> = d[..m].to_vec();
    for a in 0..m {
        for i in 0..n {
            let mut v = 0.0;
            for (b, row) in old.iter().enumerate() {
                v += ru[b][a] * row[i];
            }
            d[a][i] = v;
        }
    }
}

/// The state of one BDF integration.
pub(crate) struct BdfSolver {
    pub t: f64,
    pub y: Vec<f64>,
    pub t_old: f64,
    h_abs: f64,
    t_bound: f64,
    direction: f64,
    max_step: f64,
    rtol: f64,
    atol: Vec<f64>,
    newton_tol: f64,
    j: Vec<f64>,
    lu: Option<Lu<f64>>,
    gamma: [f64; MAX_ORDER + 1],
    alpha: [f64; MAX_ORDER + 1],
    error_const: [f64; MAX_ORDER + 1],
    d: Vec<Vec<f64>>,
    order: usize,
    n_equal_steps: usize,
    pub nlu: usize,
}

impl BdfSolver {
    /// Initial state: first step (for order 1), Jacobian, differences of order 0 and 1.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        rhs: &mut Rhs<'_>,
        jac: &mut Jac<'_>,
        j0: Option<Vec<f64>>,
        t0: f64,
        y0: Vec<f64>,
        t_bound: f64,
        first_step: Option<f64>,
        max_step: f64,
        rtol_given: f64,
        rtol: f64,
        atol: Vec<f64>,
    ) -> Result<Self> {
        let direction = if t_bound != t0 { (t_bound - t0).signum() } else { 1.0 };
        let n = y0.len();
        let f = rhs.eval(t0, &y0)?;
        let h_abs = match first_step {
            Some(h) => h,
            None => select_initial_step(rhs, t0, &y0, t_bound, max_step, &f, direction, 1, rtol, &atol)?,
        };
        let newton_tol = (10.0 * f64::EPSILON / rtol_given).max(0.03f64.min(rtol_given.powf(0.5)));
        let j = match j0 {
            Some(j) => j,
            None => jac.eval(rhs, t0, &y0, None, &atol)?,
        };
        let kappa = [0.0, -0.1850, -1.0 / 9.0, -0.0823, -0.0415, 0.0];
        let mut gamma = [0.0; MAX_ORDER + 1];
        for k in 1..=MAX_ORDER {
            gamma[k] = gamma[k - 1] + 1.0 / k as f64;
        }
        let alpha: [f64; MAX_ORDER + 1] = std::array::from_fn(|k| (1.0 - kappa[k]) * gamma[k]);
        let error_const: [f64; MAX_ORDER + 1] =
            std::array::from_fn(|k| kappa[k] * gamma[k] + 1.0 / (k as f64 + 1.0));
        let mut d = vec![vec![0.0; n]; D_ROWS];
        d[0].clone_from(&y0);
        d[1] = f.iter().map(|v| v * h_abs * direction).collect();
        Ok(Self {
            t: t0,
            y: y0,
            t_old: t0,
            h_abs,
            t_bound,
            direction,
            max_step,
            rtol,
            atol,
            newton_tol,
            j,
            lu: None,
            gamma,
            alpha,
            error_const,
            d,
            order: 1,
            n_equal_steps: 0,
            nlu: 0,
        })
    }

    pub(crate) fn direction(&self) -> f64 {
        self.direction
    }

    fn factor_lu(&mut self, c: f64) -> Result<()> {
        let n = self.y.len();
        let a: Vec<f64> = (0..n * n)
            .map(|idx| {
                let eye = if idx / n == idx % n { 1.0 } else { 0.0 };
                eye - c * self.j[idx]
            })
            .collect();
        check_finite_jac(a.iter().copied())?;
        self.lu = Some(Lu::factor(a, n));
        self.nlu += 1;
        Ok(())
    }

    /// Simplified Newton iterations for the implicit NDF equation; returns
    /// `(converged, n_iter, y_new, d)` with `d` the correction from the prediction.
    #[allow(clippy::too_many_arguments)]
    fn solve_system(
        &self,
        rhs: &mut Rhs<'_>,
        t_new: f64,
        y_predict: &[f64],
        c: f64,
        psi: &[f64],
        scale: &[f64],
    ) -> Result<(bool, usize, Vec<f64>, Vec<f64>)> {
        let n = y_predict.len();
        let lu = self.lu.as_ref().expect("factored before the iterations");
        let mut d = vec![0.0; n];
        let mut y = y_predict.to_vec();
        let mut dy_norm_old: Option<f64> = None;
        let mut converged = false;
        let mut k = 0;
        while k < NEWTON_MAXITER {
            let f = rhs.eval(t_new, &y)?;
            if f.iter().any(|v| !v.is_finite()) {
                break;
            }
            let mut dy: Vec<f64> = (0..n).map(|i| c * f[i] - psi[i] - d[i]).collect();
            lu.solve(&mut dy);
            let dy_norm = rms((0..n).map(|i| dy[i] / scale[i]), n);
            let rate = dy_norm_old.map(|old| dy_norm / old);
            if let Some(r) = rate {
                if r >= 1.0 || r.powf((NEWTON_MAXITER - k) as f64) / (1.0 - r) * dy_norm > self.newton_tol {
                    break;
                }
            }
            for i in 0..n {
                y[i] += dy[i];
                d[i] += dy[i];
            }
            if dy_norm == 0.0 || rate.is_some_and(|r| r / (1.0 - r) * dy_norm < self.newton_tol) {
                converged = true;
                break;
            }
            dy_norm_old = Some(dy_norm);
            k += 1;
        }
        Ok((converged, (k + 1).min(NEWTON_MAXITER), y, d))
    }

    /// SciPy's `BDF._step_impl`: one accepted step, then possibly a change of order.
    pub(crate) fn step(&mut self, rhs: &mut Rhs<'_>, jac: &mut Jac<'_>) -> Result<StepOutcome> {
        let t = self.t;
        let n = self.y.len();
        let next = if self.direction > 0.0 { f64::INFINITY } else { f64::NEG_INFINITY };
        let min_step = 10.0 * (next_after(t, next) - t).abs();
        let mut h_abs = if self.h_abs > self.max_step {
            change_d(&mut self.d, self.order, self.max_step / self.h_abs);
            self.n_equal_steps = 0;
            self.max_step
        } else if self.h_abs < min_step {
            change_d(&mut self.d, self.order, min_step / self.h_abs);
            self.n_equal_steps = 0;
            min_step
        } else {
            self.h_abs
        };
        let order = self.order;
        let mut current_jac = jac.is_constant();
        let (t_new, y_new, d, error_norm, safety, scale) = loop {
            if h_abs < min_step {
                return Ok(StepOutcome::TooSmall);
            }
            let mut h = h_abs * self.direction;
            let mut t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
                change_d(&mut self.d, order, (t_new - t).abs() / h_abs);
                self.n_equal_steps = 0;
                self.lu = None;
            }
            h = t_new - t;
            h_abs = h.abs();
            let mut y_predict = self.d[0].clone();
            for row in &self.d[1..=order] {
                for (a, b) in y_predict.iter_mut().zip(row) {
                    *a += b;
                }
            }
            let scale: Vec<f64> = (0..n).map(|i| self.atol[i] + self.rtol * y_predict[i].abs()).collect();
            let psi: Vec<f64> = (0..n)
                .map(|i| (1..=order).map(|k| self.d[k][i] * self.gamma[k]).sum::<f64>() / self.alpha[order])
                .collect();
            let c = h / self.alpha[order];
            let (converged, n_iter, y_new, d) = loop {
                if self.lu.is_none() {
                    self.factor_lu(c)?;
                }
                let res = self.solve_system(rhs, t_new, &y_predict, c, &psi, &scale)?;
                if res.0 || current_jac {
                    break res;
                }
                self.j = jac.eval(rhs, t_new, &y_predict, None, &self.atol)?;
                self.lu = None;
                current_jac = true;
            };
            if !converged {
                h_abs *= 0.5;
                change_d(&mut self.d, order, 0.5);
                self.n_equal_steps = 0;
                self.lu = None;
                continue;
            }
            let safety = 0.9 * (2 * NEWTON_MAXITER + 1) as f64 / (2 * NEWTON_MAXITER + n_iter) as f64;
            let scale: Vec<f64> = (0..n).map(|i| self.atol[i] + self.rtol * y_new[i].abs()).collect();
            let ec = self.error_const[order];
            let error_norm = rms((0..n).map(|i| ec * d[i] / scale[i]), n);
            if error_norm > 1.0 {
                let factor = MIN_FACTOR.max(safety * error_norm.powf(-1.0 / (order as f64 + 1.0)));
                h_abs *= factor;
                change_d(&mut self.d, order, factor);
                self.n_equal_steps = 0;
                // The iterations converged: the LU is kept, as SciPy does.
            } else {
                break (t_new, y_new, d, error_norm, safety, scale);
            }
        };
        self.n_equal_steps += 1;
        self.t_old = t;
        self.t = t_new;
        self.y = y_new;
        self.h_abs = h_abs;
        // Backward differences of the new step: D^{j+1} y_n = D^j y_n - D^j y_{n-1}.
        for i in 0..n {
            self.d[order + 2][i] = d[i] - self.d[order + 1][i];
        }
        self.d[order + 1] = d;
        for k in (0..=order).rev() {
            for i in 0..n {
                let v = self.d[k + 1][i];
                self.d[k][i] += v;
            }
        }
        if self.n_equal_steps < order + 1 {
            return Ok(StepOutcome::Accepted);
        }
        let norm_of = |row: usize, ec: f64| rms((0..n).map(|i| ec * self.d[row][i] / scale[i]), n);
        let error_m_norm =
            if order > 1 { norm_of(order, self.error_const[order - 1]) } else { f64::INFINITY };
        let error_p_norm =
            if order < MAX_ORDER { norm_of(order + 2, self.error_const[order + 1]) } else { f64::INFINITY };
        let norms = [error_m_norm, error_norm, error_p_norm];
        let factors: Vec<f64> =
            norms.iter().enumerate().map(|(k, e)| e.powf(-1.0 / (order + k) as f64)).collect();
        // NumPy's argmax: the first maximum (a NaN counts as the maximum).
        let mut best = 0;
        for k in 1..3 {
            if factors[best].is_nan() {
                break;
            }
            if factors[k] > factors[best] || factors[k].is_nan() {
                best = k;
            }
        }
        let new_order = order + best - 1;
        self.order = new_order;
        let factor = MAX_FACTOR.min(safety * factors[best]);
        self.h_abs *= factor;
        change_d(&mut self.d, new_order, factor);
        self.n_equal_steps = 0;
        self.lu = None;
        Ok(StepOutcome::Accepted)
    }

    /// SciPy's `BdfDenseOutput` of the last step (with the current, possibly rescaled, step
    /// size and differences).
    pub(crate) fn dense_output(&self) -> Interpolant {
        let h = self.h_abs * self.direction;
        let order = self.order;
        Interpolant::Bdf {
            t_shift: (0..order).map(|k| self.t - h * k as f64).collect(),
            denom: (0..order).map(|k| h * (1.0 + k as f64)).collect(),
            d: self.d[..=order].to_vec(),
        }
    }
}

//! The implicit Runge-Kutta method Radau IIA of order 5 as SciPy's `Radau` runs it (Hairer &
//! Wanner, Solving ODEs II, IV.8): the collocation system solved by simplified Newton iterations
//! in the transformed (one real, one complex) form, a third-order embedded error estimate,
//! Gustafsson's predictive step control and the cubic collocation polynomial as dense output.
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

use super::implicit::{Jac, Lu, check_finite_jac};
use super::rk::{Interpolant, Rhs, StepOutcome, next_after, rms, select_initial_step};
use crate::error::Result;
use sci_array::num_complex::Complex64;

/// Nodes: (4 - sqrt 6)/10, (4 + sqrt 6)/10, 1.
const C: [f64; 3] = [0.15505102572168222, 0.6449489742783178, 1.0];
/// Weights of the embedded error estimate, divided by h.
const E: [f64; 3] = [-10.048809399827414, 1.382142733160748, -0.3333333333333333];
/// The real eigenvalue of the inverse of the Radau matrix.
const MU_REAL: f64 = 3.637834252744496;
/// The complex eigenvalue (and its conjugate).
const MU_COMPLEX: Complex64 = Complex64 { re: 2.6810828736277523, im: -3.050430199247411 };
/// Eigenvectors of the Radau matrix (`T`) and the inverse (`TI`).
const T: [[f64; 3]; 3] = [
    [0.09443876248897524, -0.14125529502095421, 0.03002919410514742],
    [0.25021312296533332, 0.20412935229379994, -0.38294211275726192],
    [1.0, 1.0, 0.0],
];
const TI: [[f64; 3]; 3] = [
    [4.17871859155190428, 0.32768282076106237, 0.52337644549944951],
    [-4.17871859155190428, -0.32768282076106237, 0.47662355450055044],
    [0.50287263494578682, -2.57192694985560522, 0.59603920482822492],
];
/// Coefficients of the dense-output cubic.
const P: [[f64; 3]; 3] = [
    [10.048809399827414, -25.62959144707664, 15.580782047249224],
    [-1.382142733160748, 10.296258113743303, -8.914115380582556],
    [0.3333333333333333, -2.6666666666666665, 3.3333333333333335],
];
const NEWTON_MAXITER: usize = 6;
const MIN_FACTOR: f64 = 0.2;
const MAX_FACTOR: f64 = 10.0;

/// Hairer & Wanner's prediction of the step factor (one-step form without history).
fn predict_factor(h_abs: f64, h_abs_old: Option<f64>, err: f64, err_old: Option<f64>) -> f64 {
    let multiplier = match (h_abs_old, err_old) {
        (Some(h_old), Some(e_old)) if err != 0.0 => h_abs / h_old * (e_old / err).powf(0.25),
        _ => 1.0,
    };
    multiplier.min(1.0) * err.powf(-0.25)
}

/// The state of one Radau integration.
pub(crate) struct RadauSolver {
    pub t: f64,
    pub y: Vec<f64>,
    pub t_old: f64,
    f: Vec<f64>,
    h_abs: f64,
    h_abs_old: Option<f64>,
    error_norm_old: Option<f64>,
    t_bound: f64,
    direction: f64,
    max_step: f64,
    rtol: f64,
    atol: Vec<f64>,
    newton_tol: f64,
    /// The Jacobian, row-major.
    j: Vec<f64>,
    current_jac: bool,
    lu_real: Option<Lu<f64>>,
    lu_complex: Option<Lu<Complex64>>,
    /// The dense output of the last step (also the predictor of the next).
    sol: Option<Interpolant>,
    pub nlu: usize,
}

/// Result of the Newton iterations on the collocation system.
struct Collocation {
    converged: bool,
    n_iter: usize,
    z: [Vec<f64>; 3],
    rate: Option<f64>,
}

impl RadauSolver {
    /// Initial state: derivative, first step (for order 3, the error estimator's), Jacobian.
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
        let f = rhs.eval(t0, &y0)?;
        let h_abs = match first_step {
            Some(h) => h,
            None => select_initial_step(rhs, t0, &y0, t_bound, max_step, &f, direction, 3, rtol, &atol)?,
        };
        // SciPy computes the Newton tolerance from the rtol given, before raising it to 100 eps.
        let newton_tol = (10.0 * f64::EPSILON / rtol_given).max(0.03f64.min(rtol_given.powf(0.5)));
        let j = match j0 {
            Some(j) => j,
            None => jac.eval(rhs, t0, &y0, Some(&f), &atol)?,
        };
        Ok(Self {
            t: t0,
            y: y0,
            t_old: t0,
            f,
            h_abs,
            h_abs_old: None,
            error_norm_old: None,
            t_bound,
            direction,
            max_step,
            rtol,
            atol,
            newton_tol,
            j,
            current_jac: true,
            lu_real: None,
            lu_complex: None,
            sol: None,
            nlu: 0,
        })
    }

    pub(crate) fn direction(&self) -> f64 {
        self.direction
    }

    /// The dense output of the last accepted step.
    pub(crate) fn dense_output(&self) -> Interpolant {
        self.sol.clone().unwrap_or(Interpolant::Constant { y: self.y.clone() })
    }

    fn factor_lus(&mut self, h: f64) -> Result<()> {
        let n = self.y.len();
        let mut a = vec![0.0; n * n];
        let mut b = vec![Complex64::new(0.0, 0.0); n * n];
        let mr = MU_REAL / h;
        let mc = Complex64::new(MU_COMPLEX.re / h, MU_COMPLEX.im / h);
        for i in 0..n {
            for k in 0..n {
                let jik = self.j[i * n + k];
                let (dr, dc) = if i == k { (mr, mc) } else { (0.0, Complex64::new(0.0, 0.0)) };
                a[i * n + k] = dr - jik;
                b[i * n + k] = Complex64::new(dc.re - jik, dc.im);
            }
        }
        check_finite_jac(a.iter().copied().chain(b.iter().flat_map(|c| [c.re, c.im])))?;
        self.lu_real = Some(Lu::factor(a, n));
        self.lu_complex = Some(Lu::factor(b, n));
        self.nlu += 2;
        Ok(())
    }

    /// Simplified Newton iterations on the collocation system in the transformed variables.
    fn solve_collocation(
        &self,
        rhs: &mut Rhs<'_>,
        t: f64,
        h: f64,
        z0: [Vec<f64>; 3],
        scale: &[f64],
    ) -> Result<Collocation> {
        let y = &self.y;
        let n = y.len();
        let lu_real = self.lu_real.as_ref().expect("factored before the iterations");
        let lu_complex = self.lu_complex.as_ref().expect("factored before the iterations");
        let m_real = MU_REAL / h;
        let m_complex = Complex64::new(MU_COMPLEX.re / h, MU_COMPLEX.im / h);
        let mut w: [Vec<f64>; 3] = std::array::from_fn(|r| {
            (0..n).map(|i| TI[r][0] * z0[0][i] + TI[r][1] * z0[1][i] + TI[r][2] * z0[2][i]).collect()
        });
        let mut z = z0;
        let ch = [h * C[0], h * C[1], h * C[2]];
        let mut dw_norm_old: Option<f64> = None;
        let mut rate: Option<f64> = None;
        let mut converged = false;
        let mut k = 0;
        let mut ys = vec![0.0; n];
        while k < NEWTON_MAXITER {
            let mut fs: [Vec<f64>; 3] = Default::default();
            for (s, fsv) in fs.iter_mut().enumerate() {
                for i in 0..n {
                    ys[i] = y[i] + z[s][i];
                }
                *fsv = rhs.eval(t + ch[s], &ys)?;
            }
            if fs.iter().flatten().any(|v| !v.is_finite()) {
                break;
            }
            let mut f_real: Vec<f64> = (0..n)
                .map(|i| (fs[0][i] * TI[0][0] + fs[1][i] * TI[0][1] + fs[2][i] * TI[0][2]) - m_real * w[0][i])
                .collect();
            let mut f_complex: Vec<Complex64> = (0..n)
                .map(|i| {
                    let re = fs[0][i] * TI[1][0] + fs[1][i] * TI[1][1] + fs[2][i] * TI[1][2];
                    let im = fs[0][i] * TI[2][0] + fs[1][i] * TI[2][1] + fs[2][i] * TI[2][2];
                    Complex64::new(re, im) - m_complex * Complex64::new(w[1][i], w[2][i])
                })
                .collect();
            lu_real.solve(&mut f_real);
            lu_complex.solve(&mut f_complex);
            let dw =
                [f_real, f_complex.iter().map(|c| c.re).collect(), f_complex.iter().map(|c| c.im).collect()];
            let dw_norm = rms(dw.iter().flat_map(|r| r.iter().zip(scale).map(|(a, s)| a / s)), 3 * n);
            if let Some(old) = dw_norm_old {
                rate = Some(dw_norm / old);
            }
            if let Some(r) = rate {
                if r >= 1.0 || r.powf((NEWTON_MAXITER - k) as f64) / (1.0 - r) * dw_norm > self.newton_tol {
                    break;
                }
            }
            for r in 0..3 {
                for i in 0..n {
                    w[r][i] += dw[r][i];
                }
            }
            z = std::array::from_fn(|r| {
                (0..n).map(|i| T[r][0] * w[0][i] + T[r][1] * w[1][i] + T[r][2] * w[2][i]).collect()
            });
            if dw_norm == 0.0 || rate.is_some_and(|r| r / (1.0 - r) * dw_norm < self.newton_tol) {
                converged = true;
                break;
            }
            dw_norm_old = Some(dw_norm);
            k += 1;
        }
        Ok(Collocation { converged, n_iter: (k + 1).min(NEWTON_MAXITER), z, rate })
    }

    /// SciPy's `Radau._step_impl`: one accepted step.
    pub(crate) fn step(&mut self, rhs: &mut Rhs<'_>, jac: &mut Jac<'_>) -> Result<StepOutcome> {
        let t = self.t;
        let n = self.y.len();
        let next = if self.direction > 0.0 { f64::INFINITY } else { f64::NEG_INFINITY };
        let min_step = 10.0 * (next_after(t, next) - t).abs();
        let (mut h_abs, h_abs_old, error_norm_old) = if self.h_abs > self.max_step {
            (self.max_step, None, None)
        } else if self.h_abs < min_step {
            (min_step, None, None)
        } else {
            (self.h_abs, self.h_abs_old, self.error_norm_old)
        };
        let constant = jac.is_constant();
        let mut current_jac = self.current_jac;
        let mut rejected = false;
        let (mut h, mut t_new);
        let (col, y_new, error_norm, safety) = loop {
            if h_abs < min_step {
                return Ok(StepOutcome::TooSmall);
            }
            h = h_abs * self.direction;
            t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
            }
            h = t_new - t;
            h_abs = h.abs();
            let z0: [Vec<f64>; 3] = match &self.sol {
                None => std::array::from_fn(|_| vec![0.0; n]),
                Some(sol) => std::array::from_fn(|s| {
                    let v = sol.eval(t + h * C[s]);
                    v.iter().zip(&self.y).map(|(a, b)| a - b).collect()
                }),
            };
            let scale: Vec<f64> = (0..n).map(|i| self.atol[i] + self.y[i].abs() * self.rtol).collect();
            let col = loop {
                if self.lu_real.is_none() || self.lu_complex.is_none() {
                    self.factor_lus(h)?;
                }
                let col = self.solve_collocation(rhs, t, h, z0.clone(), &scale)?;
                if col.converged || current_jac {
                    break col;
                }
                self.j = jac.eval(rhs, t, &self.y, Some(&self.f), &self.atol)?;
                current_jac = true;
                self.lu_real = None;
                self.lu_complex = None;
            };
            if !col.converged {
                h_abs *= 0.5;
                self.lu_real = None;
                self.lu_complex = None;
                continue;
            }
            let y_new: Vec<f64> = (0..n).map(|i| self.y[i] + col.z[2][i]).collect();
            let ze: Vec<f64> =
                (0..n).map(|i| (col.z[0][i] * E[0] + col.z[1][i] * E[1] + col.z[2][i] * E[2]) / h).collect();
            let lu_real = self.lu_real.as_ref().expect("factored");
            let mut error: Vec<f64> = self.f.iter().zip(&ze).map(|(a, b)| a + b).collect();
            lu_real.solve(&mut error);
            let scale: Vec<f64> =
                (0..n).map(|i| self.atol[i] + self.y[i].abs().max(y_new[i].abs()) * self.rtol).collect();
            let mut error_norm = rms((0..n).map(|i| error[i] / scale[i]), n);
            let safety = 0.9 * (2 * NEWTON_MAXITER + 1) as f64 / (2 * NEWTON_MAXITER + col.n_iter) as f64;
            if rejected && error_norm > 1.0 {
                let ye: Vec<f64> = (0..n).map(|i| self.y[i] + error[i]).collect();
                let fe = rhs.eval(t, &ye)?;
                let mut e2: Vec<f64> = fe.iter().zip(&ze).map(|(a, b)| a + b).collect();
                lu_real.solve(&mut e2);
                error_norm = rms((0..n).map(|i| e2[i] / scale[i]), n);
            }
            if error_norm > 1.0 {
                let factor = predict_factor(h_abs, h_abs_old, error_norm, error_norm_old);
                h_abs *= MIN_FACTOR.max(safety * factor);
                self.lu_real = None;
                self.lu_complex = None;
                rejected = true;
            } else {
                break (col, y_new, error_norm, safety);
            }
        };
        let recompute_jac = !constant && col.n_iter > 2 && col.rate.is_some_and(|r| r > 1e-3);
        let mut factor = predict_factor(h_abs, h_abs_old, error_norm, error_norm_old);
        factor = MAX_FACTOR.min(safety * factor);
        if !recompute_jac && factor < 1.2 {
            factor = 1.0;
        } else {
            self.lu_real = None;
            self.lu_complex = None;
        }
        let f_new = rhs.eval(t_new, &y_new)?;
        if recompute_jac {
            self.j = jac.eval(rhs, t_new, &y_new, Some(&f_new), &self.atol)?;
            current_jac = true;
        } else if !constant {
            current_jac = false;
        }
        self.h_abs_old = Some(self.h_abs);
        self.error_norm_old = Some(error_norm);
        self.h_abs = h_abs * factor;
        let y_old = std::mem::replace(&mut self.y, y_new);
        self.t_old = t;
        self.t = t_new;
        self.f = f_new;
        self.current_jac = current_jac;
        // Q = Z^T P, component-major.
        let mut q = vec![0.0; n * 3];
        for i in 0..n {
            for c in 0..3 {
                q[i * 3 + c] = col.z[0][i] * P[0][c] + col.z[1][i] * P[1][c] + col.z[2][i] * P[2][c];
            }
        }
        self.sol = Some(Interpolant::Radau { t_old: t, h: t_new - t, y_old, q });
        Ok(StepOutcome::Accepted)
    }
}

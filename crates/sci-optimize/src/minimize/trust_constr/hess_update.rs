//! SciPy's `FullHessianUpdateStrategy` (`BFGS`, `SR1`) in its `'hess'` form: a dense symmetric
//! approximation `B` of the Hessian, updated from `(delta_x, delta_grad)` pairs.

use crate::minimize::constraints::{ExceptionStrategy, HessianUpdateStrategy, InitScale};
use ndarray::{Array1, Array2};

/// The state of one quasi-Newton approximation.
#[derive(Debug, Clone)]
pub(crate) struct QuasiNewton {
    strategy: HessianUpdateStrategy,
    first_iteration: bool,
    n: usize,
    pub(crate) b: Array2<f64>,
}

fn dot(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.dot(b)
}

impl QuasiNewton {
    /// `initialize(n, 'hess')`: `B = I`.
    pub(crate) fn new(strategy: HessianUpdateStrategy, n: usize) -> Self {
        QuasiNewton { strategy, first_iteration: true, n, b: Array2::eye(n) }
    }

    /// `B p`.
    pub(crate) fn dot(&self, p: &Array1<f64>) -> Array1<f64> {
        self.b.dot(p)
    }

    fn auto_scale(s: &Array1<f64>, y: &Array1<f64>) -> f64 {
        let s2 = dot(s, s);
        let y2 = dot(y, y);
        let ys = dot(y, s).abs();
        if ys == 0.0 || y2 == 0.0 || s2 == 0.0 { 1.0 } else { y2 / ys }
    }

    /// `B += alpha v v^T`.
    fn syr(&mut self, alpha: f64, v: &Array1<f64>) {
        for i in 0..self.n {
            let av = alpha * v[i];
            for j in 0..self.n {
                self.b[[i, j]] += av * v[j];
            }
        }
    }

    /// `update(delta_x, delta_grad)`.
    pub(crate) fn update(&mut self, s: &Array1<f64>, y: &Array1<f64>) {
        if s.iter().all(|&v| v == 0.0) || y.iter().all(|&v| v == 0.0) {
            return;
        }
        if self.first_iteration {
            let init = match self.strategy {
                HessianUpdateStrategy::Bfgs { init_scale, .. }
                | HessianUpdateStrategy::Sr1 { init_scale, .. } => init_scale,
            };
            let scale = match init {
                InitScale::Auto => Self::auto_scale(s, y),
                InitScale::Value(v) => v,
            };
            self.b *= scale;
            self.first_iteration = false;
        }
        match self.strategy {
            HessianUpdateStrategy::Bfgs { exception_strategy, min_curvature, .. } => {
                let min_curv = min_curvature.unwrap_or(match exception_strategy {
                    ExceptionStrategy::SkipUpdate => 1e-8,
                    ExceptionStrategy::DampUpdate => 0.2,
                });
                let mut z = y.clone();
                let mut wz = dot(s, &z);
                let mut mw = self.dot(s);
                let mut wmw = dot(&mw, s);
                if wmw <= 0.0 {
                    let scale = Self::auto_scale(s, y);
                    self.b = Array2::eye(self.n) * scale;
                    mw = self.dot(s);
                    wmw = dot(&mw, s);
                }
                if wz <= min_curv * wmw {
                    match exception_strategy {
                        ExceptionStrategy::SkipUpdate => return,
                        ExceptionStrategy::DampUpdate => {
                            let f = (1.0 - min_curv) / (1.0 - wz / wmw);
                            z = &z * f + &mw * (1.0 - f);
                            wz = dot(s, &z);
                        }
                    }
                }
                self.syr(1.0 / wz, &z);
                self.syr(-1.0 / wmw, &mw);
            }
            HessianUpdateStrategy::Sr1 { min_denominator, .. } => {
                let mw = self.dot(s);
                let r = y - &mw;
                let den = dot(s, &r);
                if den.abs() <= min_denominator * dot(s, s).sqrt() * dot(&r, &r).sqrt() {
                    return;
                }
                self.syr(1.0 / den, &r);
            }
        }
    }
}

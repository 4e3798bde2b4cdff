//! The explicit Runge-Kutta stepper of SciPy's `RungeKutta` class: initial step selection,
//! step-size control with safety factor 0.9 and factors in [0.2, 10], dense output per step.

use super::dop853;
use super::tableau::Tableau;
use crate::error::{IntegrateError, Result};

const SAFETY: f64 = 0.9;
const MIN_FACTOR: f64 = 0.2;
const MAX_FACTOR: f64 = 10.0;

/// The right-hand side with a call counter and an output-length check.
pub(crate) struct Rhs<'f> {
    pub fun: &'f mut dyn FnMut(f64, &[f64]) -> Vec<f64>,
    pub nfev: usize,
}

impl Rhs<'_> {
    pub(crate) fn eval(&mut self, t: f64, y: &[f64]) -> Result<Vec<f64>> {
        self.nfev += 1;
        self.eval_uncounted(t, y)
    }

    /// An evaluation SciPy does not count in `nfev` (finite-difference Jacobians).
    pub(crate) fn eval_uncounted(&mut self, t: f64, y: &[f64]) -> Result<Vec<f64>> {
        let f = (self.fun)(t, y);
        if f.len() != y.len() {
            return Err(IntegrateError::WrongOutputLength { expected: y.len(), found: f.len() });
        }
        Ok(f)
    }
}

/// Root mean square, SciPy's `norm` for step control: `||x||_2 / sqrt(n)`, rounded as NumPy
/// does it (the step-size feedback amplifies last-bit differences).
pub(crate) fn rms(x: impl Iterator<Item = f64>, n: usize) -> f64 {
    if n == 0 {
        return 0.0;
    }
    x.map(|v| v * v).sum::<f64>().sqrt() / (n as f64).sqrt()
}

/// Which pair a stepper runs.
#[derive(Clone, Copy)]
pub(crate) enum Pair {
    /// A pair described by a [`Tableau`] (RK23, RK45).
    Table(&'static Tableau),
    /// DOP853.
    Dop853,
}

impl Pair {
    fn n_stages(self) -> usize {
        match self {
            Pair::Table(t) => t.b.len(),
            Pair::Dop853 => dop853::N_STAGES,
        }
    }
    fn error_order(self) -> usize {
        match self {
            Pair::Table(t) => t.error_order,
            Pair::Dop853 => 7,
        }
    }
    fn c(self, s: usize) -> f64 {
        match self {
            Pair::Table(t) => t.c[s],
            Pair::Dop853 => dop853::C[s],
        }
    }
    fn a(self, s: usize, j: usize) -> f64 {
        match self {
            Pair::Table(t) => t.a[s][j],
            Pair::Dop853 => dop853::A[s][j],
        }
    }
    fn b(self, j: usize) -> f64 {
        match self {
            Pair::Table(t) => t.b[j],
            Pair::Dop853 => dop853::B[j],
        }
    }
}

/// The polynomial of one accepted step.
#[derive(Debug, Clone)]
pub(crate) enum Interpolant {
    /// `y_old + h Q [x, x^2, ...]`, `q` stored component-major (n rows of `powers` entries).
    Rk { t_old: f64, h: f64, y_old: Vec<f64>, q: Vec<f64>, powers: usize },
    /// DOP853's Horner-like form over the 7 vectors `f` (each of length n).
    Dop853 { t_old: f64, h: f64, y_old: Vec<f64>, f: Vec<Vec<f64>> },
    /// Radau's cubic collocation polynomial `y_old + Q [x, x^2, x^3]`, `q` component-major
    /// (n rows of 3).
    Radau { t_old: f64, h: f64, y_old: Vec<f64>, q: Vec<f64> },
    /// BDF's Newton form over the backward differences `d` (order + 1 rows of length n).
    Bdf { t_shift: Vec<f64>, denom: Vec<f64>, d: Vec<Vec<f64>> },
    /// The solution of an empty interval (SciPy's `ConstantDenseOutput`).
    Constant { y: Vec<f64> },
}

impl Interpolant {
    /// The state at `t` (within or slightly outside the step).
    pub(crate) fn eval(&self, t: f64) -> Vec<f64> {
        match self {
            Interpolant::Constant { y } => y.clone(),
            Interpolant::Rk { t_old, h, y_old, q, powers } => {
                let x = (t - t_old) / h;
                let mut p = vec![0.0; *powers];
                let mut acc = 1.0;
                for pk in p.iter_mut() {
                    acc *= x;
                    *pk = acc;
                }
                y_old
                    .iter()
                    .enumerate()
                    .map(|(i, y0)| {
                        let row = &q[i * powers..(i + 1) * powers];
                        y0 + h * row.iter().zip(&p).map(|(a, b)| a * b).sum::<f64>()
                    })
                    .collect()
            }
            Interpolant::Radau { t_old, h, y_old, q } => {
                let x = (t - t_old) / h;
                let p = [x, x * x, x * x * x];
                y_old
                    .iter()
                    .enumerate()
                    .map(|(i, y0)| {
                        let row = &q[i * 3..i * 3 + 3];
                        (row[0] * p[0] + row[1] * p[1] + row[2] * p[2]) + y0
                    })
                    .collect()
            }
            Interpolant::Bdf { t_shift, denom, d } => {
                let mut p = Vec::with_capacity(t_shift.len());
                let mut acc = 1.0;
                for (s, den) in t_shift.iter().zip(denom) {
                    acc *= (t - s) / den;
                    p.push(acc);
                }
                (0..d[0].len())
                    .map(|i| {
                        let mut v = 0.0;
                        for (k, pk) in p.iter().enumerate() {
                            v += d[k + 1][i] * pk;
                        }
                        v + d[0][i]
                    })
                    .collect()
            }
            Interpolant::Dop853 { t_old, h, y_old, f } => {
                let x = (t - t_old) / h;
                let mut y = vec![0.0; y_old.len()];
                for (i, fi) in f.iter().rev().enumerate() {
                    let m = if i % 2 == 0 { x } else { 1.0 - x };
                    for (yk, fk) in y.iter_mut().zip(fi) {
                        *yk = (*yk + fk) * m;
                    }
                }
                y.iter().zip(y_old).map(|(a, b)| a + b).collect()
            }
        }
    }
}

/// SciPy's `select_initial_step` (Hairer, Norsett & Wanner, II.4).
#[allow(clippy::too_many_arguments)]
pub(crate) fn select_initial_step(
    rhs: &mut Rhs<'_>,
    t0: f64,
    y0: &[f64],
    t_bound: f64,
    max_step: f64,
    f0: &[f64],
    direction: f64,
    order: usize,
    rtol: f64,
    atol: &[f64],
) -> Result<f64> {
    let n = y0.len();
    if n == 0 {
        return Ok(f64::INFINITY);
    }
    let interval = (t_bound - t0).abs();
    if interval == 0.0 {
        return Ok(0.0);
    }
    let scale: Vec<f64> = (0..n).map(|i| atol[i] + y0[i].abs() * rtol).collect();
    let d0 = rms((0..n).map(|i| y0[i] / scale[i]), n);
    let d1 = rms((0..n).map(|i| f0[i] / scale[i]), n);
    let h0 = if d0 < 1e-5 || d1 < 1e-5 { 1e-6 } else { 0.01 * d0 / d1 };
    let h0 = h0.min(interval);
    let y1: Vec<f64> = (0..n).map(|i| y0[i] + h0 * direction * f0[i]).collect();
    let f1 = rhs.eval(t0 + h0 * direction, &y1)?;
    let d2 = rms((0..n).map(|i| (f1[i] - f0[i]) / scale[i]), n) / h0;
    let h1 = if d1 <= 1e-15 && d2 <= 1e-15 {
        1e-6f64.max(h0 * 1e-3)
    } else {
        (0.01 / d1.max(d2)).powf(1.0 / (order as f64 + 1.0))
    };
    Ok((100.0 * h0).min(h1).min(interval).min(max_step))
}

/// The state of one integration.
pub(crate) struct Stepper {
    pair: Pair,
    pub t: f64,
    pub y: Vec<f64>,
    f: Vec<f64>,
    h_abs: f64,
    t_bound: f64,
    direction: f64,
    max_step: f64,
    rtol: f64,
    atol: Vec<f64>,
    /// Stages (n_stages + 1 rows for the pair; DOP853 keeps 16 for its dense output).
    k: Vec<Vec<f64>>,
    pub t_old: f64,
    y_old: Vec<f64>,
    h_previous: f64,
    /// Scratch for the state at which a stage is evaluated.
    stage_y: Vec<f64>,
}

/// How a step ended.
pub(crate) enum StepOutcome {
    /// A step was accepted.
    Accepted,
    /// The step size fell below 10 ulp of t.
    TooSmall,
}

impl Stepper {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        pair: Pair,
        rhs: &mut Rhs<'_>,
        t0: f64,
        y0: Vec<f64>,
        t_bound: f64,
        first_step: Option<f64>,
        max_step: f64,
        rtol: f64,
        atol: Vec<f64>,
    ) -> Result<Self> {
        let direction = if t_bound != t0 { (t_bound - t0).signum() } else { 1.0 };
        let f = rhs.eval(t0, &y0)?;
        let h_abs = match first_step {
            Some(h) => h,
            None => {
                let order = pair.error_order();
                select_initial_step(rhs, t0, &y0, t_bound, max_step, &f, direction, order, rtol, &atol)?
            }
        };
        let rows = match pair {
            Pair::Table(_) => pair.n_stages() + 1,
            Pair::Dop853 => dop853::N_STAGES_EXTENDED,
        };
        let n = y0.len();
        Ok(Self {
            pair,
            t: t0,
            y: y0,
            f,
            h_abs,
            t_bound,
            direction,
            max_step,
            rtol,
            atol,
            k: vec![vec![0.0; n]; rows],
            t_old: t0,
            y_old: Vec::new(),
            h_previous: 0.0,
            stage_y: Vec::with_capacity(n),
        })
    }

    pub(crate) fn direction(&self) -> f64 {
        self.direction
    }

    /// One stage evaluation: K[s] = f(t + c_s h, y + h sum_j a_sj K[j]).
    fn stage(&mut self, rhs: &mut Rhs<'_>, s: usize, t: f64, y: &[f64], h: f64) -> Result<()> {
        let n = y.len();
        // The stage state reuses one buffer instead of allocating for every stage of every step.
        let mut ys = std::mem::take(&mut self.stage_y);
        ys.clear();
        ys.extend_from_slice(y);
        for i in 0..n {
            let mut dy = 0.0;
            for j in 0..s {
                dy += self.k[j][i] * self.pair.a(s, j);
            }
            ys[i] += dy * h;
        }
        self.k[s] = rhs.eval(t + self.pair.c(s) * h, &ys)?;
        self.stage_y = ys;
        Ok(())
    }

    fn error_norm(&self, h: f64, scale: &[f64]) -> f64 {
        let n = scale.len();
        let rows = self.pair.n_stages() + 1;
        match self.pair {
            Pair::Table(t) => {
                rms((0..n).map(|i| (0..rows).map(|s| self.k[s][i] * t.e[s]).sum::<f64>() * h / scale[i]), n)
            }
            Pair::Dop853 => {
                let (mut e5, mut e3) = (0.0, 0.0);
                for i in 0..n {
                    let a: f64 = (0..rows).map(|s| self.k[s][i] * dop853::E5[s]).sum::<f64>() / scale[i];
                    let b: f64 = (0..rows).map(|s| self.k[s][i] * dop853::E3[s]).sum::<f64>() / scale[i];
                    e5 += a * a;
                    e3 += b * b;
                }
                // SciPy squares np.linalg.norm: keep its rounding.
                let (e5, e3) = (e5.sqrt().powi(2), e3.sqrt().powi(2));
                if e5 == 0.0 && e3 == 0.0 {
                    return 0.0;
                }
                let denom = e5 + 0.01 * e3;
                h.abs() * e5 / (denom * n as f64).sqrt()
            }
        }
    }

    /// SciPy's `_step_impl`: one accepted step (retrying with smaller h on rejection).
    pub(crate) fn step(&mut self, rhs: &mut Rhs<'_>) -> Result<StepOutcome> {
        let t = self.t;
        let y = self.y.clone();
        let n = y.len();
        let next = if self.direction > 0.0 { f64::INFINITY } else { f64::NEG_INFINITY };
        let min_step = 10.0 * (next_after(t, next) - t).abs();
        let mut h_abs = if self.h_abs > self.max_step {
            self.max_step
        } else if self.h_abs < min_step {
            min_step
        } else {
            self.h_abs
        };
        let exponent = -1.0 / (self.pair.error_order() as f64 + 1.0);
        let mut rejected = false;
        let stages = self.pair.n_stages();
        loop {
            if h_abs < min_step {
                return Ok(StepOutcome::TooSmall);
            }
            let mut h = h_abs * self.direction;
            let mut t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
            }
            h = t_new - t;
            h_abs = h.abs();
            // rk_step
            self.k[0].clone_from(&self.f);
            for s in 1..stages {
                self.stage(rhs, s, t, &y, h)?;
            }
            let y_new: Vec<f64> = (0..n)
                .map(|i| y[i] + h * (0..stages).map(|j| self.k[j][i] * self.pair.b(j)).sum::<f64>())
                .collect();
            let f_new = rhs.eval(t + h, &y_new)?;
            self.k[stages].clone_from(&f_new);
            let scale: Vec<f64> =
                (0..n).map(|i| self.atol[i] + y[i].abs().max(y_new[i].abs()) * self.rtol).collect();
            let err = self.error_norm(h, &scale);
            if err < 1.0 {
                let mut factor =
                    if err == 0.0 { MAX_FACTOR } else { MAX_FACTOR.min(SAFETY * err.powf(exponent)) };
                if rejected {
                    factor = factor.min(1.0);
                }
                h_abs *= factor;
                self.h_previous = h;
                self.y_old = y;
                self.t_old = t;
                self.t = t_new;
                self.y = y_new;
                self.h_abs = h_abs;
                self.f = f_new;
                return Ok(StepOutcome::Accepted);
            }
            h_abs *= MIN_FACTOR.max(SAFETY * err.powf(exponent));
            rejected = true;
        }
    }

    /// The interpolant of the last accepted step (DOP853 evaluates its 3 extra stages here).
    pub(crate) fn dense_output(&mut self, rhs: &mut Rhs<'_>) -> Result<Interpolant> {
        let h = self.h_previous;
        let n = self.y.len();
        match self.pair {
            Pair::Table(tab) => {
                let powers = tab.p[0].len();
                let rows = tab.p.len();
                let mut q = vec![0.0; n * powers];
                for i in 0..n {
                    for p in 0..powers {
                        q[i * powers + p] = (0..rows).map(|s| self.k[s][i] * tab.p[s][p]).sum();
                    }
                }
                Ok(Interpolant::Rk { t_old: self.t_old, h, y_old: self.y_old.clone(), q, powers })
            }
            Pair::Dop853 => {
                let y_old = self.y_old.clone();
                let t_old = self.t_old;
                for s in dop853::N_STAGES + 1..dop853::N_STAGES_EXTENDED {
                    self.stage(rhs, s, t_old, &y_old, h)?;
                }
                let mut f = vec![vec![0.0; n]; dop853::INTERPOLATOR_POWER];
                for i in 0..n {
                    let f_old = self.k[0][i];
                    let dy = self.y[i] - y_old[i];
                    f[0][i] = dy;
                    f[1][i] = h * f_old - dy;
                    f[2][i] = 2.0 * dy - h * (self.f[i] + f_old);
                    for r in 0..4 {
                        f[3 + r][i] = h
                            * (0..dop853::N_STAGES_EXTENDED)
                                .map(|s| dop853::D[r][s] * self.k[s][i])
                                .sum::<f64>();
                    }
                }
                Ok(Interpolant::Dop853 { t_old, h, y_old, f })
            }
        }
    }
}

/// The next representable float after `x` towards `toward` (C's `nextafter`).
pub(crate) fn next_after(x: f64, toward: f64) -> f64 {
    if x.is_nan() || toward.is_nan() {
        return f64::NAN;
    }
    if x == toward {
        return toward;
    }
    if x == 0.0 {
        let tiny = f64::from_bits(1);
        return if toward > 0.0 { tiny } else { -tiny };
    }
    let bits = x.to_bits();
    let up = (toward > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

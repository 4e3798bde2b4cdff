//! Finite-difference derivatives with SciPy's step rule (`scipy.optimize._numdiff`).

use crate::lsq::CsrMatrix;
use ndarray::{Array1, Array2};
use sci_array::num_complex::Complex64;

/// How a derivative that is not supplied is approximated (SciPy's `jac='2-point'` / `'3-point'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FiniteDiff {
    /// Forward differences, step `sqrt(eps) * max(1, |x|)` (SciPy's default).
    #[default]
    TwoPoint,
    /// Central differences, step `eps^(1/3) * max(1, |x|)`.
    ThreePoint,
}

impl FiniteDiff {
    fn rel_step(self) -> f64 {
        match self {
            Self::TwoPoint => f64::EPSILON.sqrt(),
            Self::ThreePoint => f64::EPSILON.cbrt(),
        }
    }
}

/// SciPy's absolute 2-point step at a scalar `x`: `sqrt(eps) * sign(x) * max(1, |x|)` with
/// `sign(0) = 1`, rounded so that `x + h` is representable.
pub(crate) fn step_2point(x: f64) -> f64 {
    let sign = if x >= 0.0 { 1.0 } else { -1.0 };
    let h = f64::EPSILON.sqrt() * sign * x.abs().max(1.0);
    (x + h) - x
}

/// Per-variable steps, flipped or shrunk to stay inside `[lb, ub]` as SciPy's
/// `_adjust_scheme_to_bounds` does. Returns the steps and whether each 3-point stencil is one-sided.
fn steps(
    x0: &Array1<f64>,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    abs_step: Option<&[f64]>,
    rel_step: Option<&[f64]>,
) -> (Vec<f64>, Vec<bool>) {
    let rstep = method.rel_step();
    let n = x0.len();
    let mut h = Vec::with_capacity(n);
    let mut one_sided = vec![false; n];
    for i in 0..n {
        let x = x0[i];
        let sign = if x >= 0.0 { 1.0 } else { -1.0 };
        let default = rstep * sign * x.abs().max(1.0);
        // SciPy's `rel_step` (least_squares' `diff_step`): `rel_step * sign(x) * |x|`, the
        // default rule where that step vanishes.
        let rel = match rel_step {
            Some(r) => {
                let h = r[if r.len() == 1 { 0 } else { i }] * sign * x.abs();
                if (x + h) - x == 0.0 { default } else { h }
            }
            None => default,
        };
        // SciPy's `abs_step` (L-BFGS-B's `eps`), falling back to the relative step where
        // `x + h == x`.
        let a = abs_step.map(|a| a[if a.len() == 1 { 0 } else { i }]);
        let mut hi = match a {
            Some(a) if (x + a) - x != 0.0 => a,
            _ => rel,
        };
        if let Some((lb, ub)) = bounds {
            let (l, u) = (lb[i], ub[i]);
            let lb_dist = x - l;
            let ub_dist = u - x;
            match method {
                FiniteDiff::TwoPoint => {
                    let xh = x + hi;
                    let violated = xh < l || xh > u;
                    let fitting = hi.abs() <= lb_dist.max(ub_dist);
                    if violated && fitting {
                        hi = -hi;
                    } else if !fitting {
                        hi = if ub_dist >= lb_dist { ub_dist } else { -lb_dist };
                    }
                }
                FiniteDiff::ThreePoint => {
                    let ha = hi.abs();
                    hi = ha;
                    let central = lb_dist >= ha && ub_dist >= ha;
                    if !central {
                        hi = if ub_dist >= lb_dist { ha.min(0.5 * ub_dist) } else { -ha.min(0.5 * lb_dist) };
                        one_sided[i] = true;
                        let min_dist = ub_dist.min(lb_dist);
                        if hi.abs() <= min_dist {
                            hi = min_dist;
                            one_sided[i] = false;
                        }
                    }
                }
            }
        }
        h.push(hi);
    }
    (h, one_sided)
}

/// Jacobian (`m x n`) of a vector function by finite differences; `f0 = fun(x0)`; `abs_step`
/// replaces the relative step rule (SciPy's `abs_step`).
/// Returns the Jacobian and the number of function evaluations used.
pub(crate) fn jacobian(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x0: &Array1<f64>,
    f0: &Array1<f64>,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    abs_step: Option<f64>,
) -> (Array2<f64>, usize) {
    jacobian_rel_step(fun, x0, f0, method, bounds, abs_step, None)
}

/// [`jacobian`] with SciPy's `rel_step` (one value, or one per variable).
pub(crate) fn jacobian_rel_step(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x0: &Array1<f64>,
    f0: &Array1<f64>,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    abs_step: Option<f64>,
    rel_step: Option<&[f64]>,
) -> (Array2<f64>, usize) {
    let abs_step = abs_step.map(|a| [a]);
    dense_jacobian(fun, x0, f0, method, bounds, abs_step.as_ref().map(|a| &a[..]), rel_step)
}

/// SciPy's `_dense_difference` with per-variable absolute steps (one value broadcast to all).
fn dense_jacobian(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x0: &Array1<f64>,
    f0: &Array1<f64>,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    abs_step: Option<&[f64]>,
    rel_step: Option<&[f64]>,
) -> (Array2<f64>, usize) {
    let n = x0.len();
    let m = f0.len();
    let (h, one_sided) = steps(x0, method, bounds, abs_step, rel_step);
    let mut jac = Array2::zeros((m, n));
    let mut x = x0.clone();
    let mut nfev = 0;
    for i in 0..n {
        let xi = x0[i];
        match method {
            FiniteDiff::TwoPoint => {
                x[i] = xi + h[i];
                let dx = x[i] - xi;
                let f1 = fun(&x);
                nfev += 1;
                for r in 0..m {
                    jac[[r, i]] = (f1[r] - f0[r]) / dx;
                }
            }
            FiniteDiff::ThreePoint => {
                let (a, b) = if one_sided[i] { (xi + h[i], xi + 2.0 * h[i]) } else { (xi - h[i], xi + h[i]) };
                x[i] = a;
                let f1 = fun(&x);
                x[i] = b;
                let f2 = fun(&x);
                nfev += 2;
                for r in 0..m {
                    jac[[r, i]] = if one_sided[i] {
                        (-3.0 * f0[r] + 4.0 * f1[r] - f2[r]) / (b - xi)
                    } else {
                        (f2[r] - f1[r]) / (b - a)
                    };
                }
            }
        }
        x[i] = xi;
    }
    (jac, nfev)
}

/// SciPy's complex-step Jacobian (`approx_derivative(method='cs')`) of a vector function
/// continued to complex arguments: column `i` is `Im f(x0 + i h_i e_i) / h_i`, one evaluation
/// per variable, with SciPy's `'cs'` step `h_i = sqrt(eps) sign(x_i) max(1, |x_i|)` (or
/// `rel_step sign(x_i) |x_i|`, the default where that step vanishes). Bounds do not move the
/// steps: they are imaginary. Returns the `(m, n)` Jacobian and the number of evaluations.
pub(crate) fn jacobian_cs(
    fun: &dyn Fn(&Array1<Complex64>) -> Array1<Complex64>,
    x0: &Array1<f64>,
    m: usize,
    rel_step: Option<&[f64]>,
) -> (Array2<f64>, usize) {
    let n = x0.len();
    // '2-point' and 'cs' share SciPy's relative step, and no bounds means no flips.
    let (h, _) = steps(x0, FiniteDiff::TwoPoint, None, None, rel_step);
    let mut jac = Array2::zeros((m, n));
    let mut z: Array1<Complex64> = x0.mapv(|v| Complex64::new(v, 0.0));
    for i in 0..n {
        z[i].im = h[i];
        let f1 = fun(&z);
        z[i].im = 0.0;
        for (r, v) in f1.iter().take(m).enumerate() {
            jac[[r, i]] = v.im / h[i];
        }
    }
    (jac, n)
}

/// [`jacobian_cs`] of a scalar function: the gradient and the number of evaluations.
pub(crate) fn gradient_cs(
    fun: &dyn Fn(&Array1<Complex64>) -> Complex64,
    x0: &Array1<f64>,
) -> (Array1<f64>, usize) {
    let (j, nfev) = jacobian_cs(&|z| Array1::from_elem(1, fun(z)), x0, 1, None);
    (j.row(0).to_owned(), nfev)
}

/// Gradient of a scalar function by finite differences; `f0 = fun(x0)`.
pub(crate) fn gradient(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: &Array1<f64>,
    f0: f64,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    abs_step: Option<f64>,
) -> (Array1<f64>, usize) {
    let f0v = Array1::from_elem(1, f0);
    let (j, nfev) = jacobian(&mut |x| Array1::from_elem(1, fun(x)), x0, &f0v, method, bounds, abs_step);
    (j.row(0).to_owned(), nfev)
}

/// SciPy's default `epsilon` of [`approx_fprime`] and [`check_grad`]: `sqrt(eps)`.
pub const APPROX_FPRIME_EPSILON: f64 = 1.4901161193847656e-08;

/// The step of [`approx_fprime`] (SciPy's `epsilon`: a float, or one value per variable).
///
/// # Examples
///
/// ```
/// use sci_optimize::{Epsilon, APPROX_FPRIME_EPSILON};
/// assert_eq!(Epsilon::default(), Epsilon::Scalar(APPROX_FPRIME_EPSILON));
/// assert_eq!(Epsilon::from(vec![1e-6, 1e-7]), Epsilon::PerVariable(vec![1e-6, 1e-7].into()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Epsilon {
    /// The same step for every variable.
    Scalar(f64),
    /// One step per variable (a single value is broadcast, as NumPy does).
    PerVariable(Array1<f64>),
}

impl Default for Epsilon {
    fn default() -> Self {
        Epsilon::Scalar(APPROX_FPRIME_EPSILON)
    }
}

impl From<f64> for Epsilon {
    fn from(v: f64) -> Self {
        Epsilon::Scalar(v)
    }
}

impl From<Array1<f64>> for Epsilon {
    fn from(v: Array1<f64>) -> Self {
        Epsilon::PerVariable(v)
    }
}

impl From<Vec<f64>> for Epsilon {
    fn from(v: Vec<f64>) -> Self {
        Epsilon::PerVariable(v.into())
    }
}

impl Epsilon {
    /// The steps as a slice of length 1 or `n`, checked.
    fn steps(&self, n: usize) -> crate::Result<Vec<f64>> {
        let v = match self {
            Epsilon::Scalar(e) => vec![*e],
            Epsilon::PerVariable(e) => {
                if e.len() != 1 && e.len() != n {
                    return Err(crate::OptimizeError::WrongLength {
                        arg: "epsilon",
                        expected: n,
                        found: e.len(),
                    });
                }
                e.to_vec()
            }
        };
        if let Some(bad) = v.iter().find(|e| !e.is_finite()) {
            return Err(crate::error::invalid("epsilon", format!("must be finite, got {bad}")));
        }
        Ok(v)
    }
}

/// The gradient of a scalar function at `xk` by forward differences with the absolute step
/// `epsilon` (a float or one per variable; where `xk + epsilon == xk` the step falls back to
/// `sqrt(eps) max(1, |xk|)`, as SciPy's `approx_derivative`).
///
/// SciPy equivalent: `scipy.optimize.approx_fprime` with a scalar-valued `f`
/// ([`approx_fprime_jac`] for a vector-valued one).
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`](crate::OptimizeError::InvalidValue) for a non-finite
/// `epsilon` (SciPy returns NaN there);
/// [`OptimizeError::WrongLength`](crate::OptimizeError::WrongLength) for an array `epsilon`
/// whose length is neither 1 nor that of `xk`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{approx_fprime, APPROX_FPRIME_EPSILON};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| x[0] * x[0] + 3.0 * x[1];
/// let g = approx_fprime(&array![1.0, 2.0], f, APPROX_FPRIME_EPSILON)?;
/// assert!((g[0] - 2.0).abs() < 1e-7 && (g[1] - 3.0).abs() < 1e-7);
/// // SciPy's docstring example: one step per variable.
/// let eps = APPROX_FPRIME_EPSILON;
/// let f = |x: &Array1<f64>| x[0] * x[0] + 200.0 * x[1] * x[1];
/// let g = approx_fprime(&array![1.0, 1.0], f, vec![eps, 200f64.sqrt() * eps])?;
/// assert!((g[0] - 2.0).abs() < 1e-7 && (g[1] - 400.00004208).abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn approx_fprime<F, S>(
    xk: &ndarray::ArrayBase<S, ndarray::Ix1>,
    mut f: F,
    epsilon: impl Into<Epsilon>,
) -> crate::Result<Array1<f64>>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: ndarray::Data<Elem = f64>,
{
    let x0 = xk.to_owned();
    let eps = epsilon.into().steps(x0.len())?;
    let f0 = Array1::from_elem(1, f(&x0));
    let mut fv = |x: &Array1<f64>| Array1::from_elem(1, f(x));
    let (j, _) = dense_jacobian(&mut fv, &x0, &f0, FiniteDiff::TwoPoint, None, Some(&eps), None);
    Ok(j.row(0).to_owned())
}

/// The Jacobian of a vector-valued function at `xk` by forward differences (SciPy's step rule
/// as in [`approx_fprime`]): entry `(i, j)` is the derivative of `f(x)[i]` by `x[j]`.
///
/// SciPy equivalent: `scipy.optimize.approx_fprime` with a vector-valued `f`, with SciPy 1.17's
/// shape: `(m, n)` for `m` outputs, `(n,)` when `f` returns one value.
///
/// # Errors
///
/// As [`approx_fprime`]; [`OptimizeError::WrongLength`](crate::OptimizeError::WrongLength)
/// (`f(x)`) when `f` returns vectors of different lengths.
///
/// # Examples
///
/// ```
/// use sci_optimize::approx_fprime_jac;
/// use sci_optimize::sci_array::ndarray::{array, Array1, Ix2};
/// let f = |x: &Array1<f64>| array![x[0] * x[1], x[0] + 2.0 * x[1], x[1].sin()];
/// let j = approx_fprime_jac(&array![1.0, 2.0], f, 1e-6)?.into_dimensionality::<Ix2>().unwrap();
/// assert_eq!(j.dim(), (3, 2));
/// assert!((j[[0, 0]] - 2.0).abs() < 1e-5 && (j[[1, 1]] - 2.0).abs() < 1e-5);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn approx_fprime_jac<F, S>(
    xk: &ndarray::ArrayBase<S, ndarray::Ix1>,
    mut f: F,
    epsilon: impl Into<Epsilon>,
) -> crate::Result<ndarray::ArrayD<f64>>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: ndarray::Data<Elem = f64>,
{
    let x0 = xk.to_owned();
    let eps = epsilon.into().steps(x0.len())?;
    let f0 = f(&x0);
    let m = f0.len();
    let mut bad = None;
    let mut fv = |x: &Array1<f64>| {
        let v = f(x);
        if v.len() == m {
            v
        } else {
            bad.get_or_insert(v.len());
            Array1::from_elem(m, f64::NAN)
        }
    };
    let (j, _) = dense_jacobian(&mut fv, &x0, &f0, FiniteDiff::TwoPoint, None, Some(&eps), None);
    if let Some(found) = bad {
        return Err(crate::OptimizeError::WrongLength { arg: "f(x)", expected: m, found });
    }
    Ok(if m == 1 { j.row(0).to_owned().into_dyn() } else { j.into_dyn() })
}

/// The directions [`check_grad_with`] checks the gradient along (SciPy's `direction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckGradDirection {
    /// Every coordinate direction (SciPy's default `'all'`).
    #[default]
    All,
    /// One direction drawn by `numpy.random.default_rng(seed).standard_normal(n)` (SciPy's
    /// `'random'` with `rng=seed`): the directional derivative `grad(x0) . v` against a forward
    /// difference of `w -> func(x0 + w v)` at `w = 0`.
    Random {
        /// The seed of NumPy's `default_rng`.
        seed: u64,
    },
}

/// Options of [`check_grad_with`]: SciPy's keyword arguments of `check_grad`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckGradOptions {
    /// The finite-difference step (default `sqrt(eps)`).
    pub epsilon: f64,
    /// `All` (default) or `Random { seed }`.
    pub direction: CheckGradDirection,
}

impl Default for CheckGradOptions {
    fn default() -> Self {
        CheckGradOptions { epsilon: APPROX_FPRIME_EPSILON, direction: CheckGradDirection::All }
    }
}

/// The Euclidean norm of `grad(x0) - approx_fprime(x0, func, epsilon)`: how far an analytic
/// gradient is from finite differences.
///
/// SciPy equivalent: `scipy.optimize.check_grad` with `direction='all'` ([`check_grad_with`]
/// for `direction='random'`).
///
/// # Errors
///
/// As [`approx_fprime`]; [`OptimizeError::WrongLength`](crate::OptimizeError::WrongLength) when
/// `grad` returns a vector of another length than `x0`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{check_grad, rosen, rosen_der, APPROX_FPRIME_EPSILON};
/// use sci_optimize::sci_array::ndarray::array;
/// let err = check_grad(rosen, rosen_der, &array![1.5, -1.5], APPROX_FPRIME_EPSILON)?;
/// assert!((err - 1.52587890625e-05).abs() < 1e-9); // SciPy's value
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn check_grad<F, G, S>(
    func: F,
    grad: G,
    x0: &ndarray::ArrayBase<S, ndarray::Ix1>,
    epsilon: f64,
) -> crate::Result<f64>
where
    F: FnMut(&Array1<f64>) -> f64,
    G: Fn(&Array1<f64>) -> Array1<f64>,
    S: ndarray::Data<Elem = f64>,
{
    check_grad_with(func, grad, x0, CheckGradOptions { epsilon, direction: CheckGradDirection::All })
}

/// [`check_grad`] with SciPy's options: the step `epsilon` and the `direction` (every
/// coordinate, or one random direction drawn as SciPy draws it).
///
/// SciPy equivalent: `scipy.optimize.check_grad(func, grad, x0, epsilon=..., direction=...,
/// rng=seed)`.
///
/// # Errors
///
/// As [`check_grad`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{check_grad_with, CheckGradDirection, CheckGradOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let func = |x: &Array1<f64>| x[0] * x[0] - 0.5 * x[1].powi(3);
/// let grad = |x: &Array1<f64>| array![2.0 * x[0], -1.5 * x[1] * x[1]];
/// let options = CheckGradOptions { direction: CheckGradDirection::Random { seed: 0 }, ..Default::default() };
/// let err = check_grad_with(func, grad, &array![1.5, -1.5], options)?;
/// assert!((err - 3.839039897091112e-08).abs() < 1e-12); // SciPy's value with rng=0
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn check_grad_with<F, G, S>(
    mut func: F,
    grad: G,
    x0: &ndarray::ArrayBase<S, ndarray::Ix1>,
    options: CheckGradOptions,
) -> crate::Result<f64>
where
    F: FnMut(&Array1<f64>) -> f64,
    G: Fn(&Array1<f64>) -> Array1<f64>,
    S: ndarray::Data<Elem = f64>,
{
    let x = x0.to_owned();
    let analytic = grad(&x);
    if analytic.len() != x.len() {
        return Err(crate::OptimizeError::WrongLength {
            arg: "grad(x0)",
            expected: x.len(),
            found: analytic.len(),
        });
    }
    let (analytic, approx) = match options.direction {
        CheckGradDirection::All => (analytic, approx_fprime(&x, func, options.epsilon)?),
        CheckGradDirection::Random { seed } => {
            let v = sci_array::random::default_rng(seed).standard_normal(x.len())?;
            let along = |w: &Array1<f64>| func(&(&x + &(&v * w[0])));
            let approx = approx_fprime(&Array1::zeros(1), along, options.epsilon)?;
            (Array1::from_elem(1, analytic.dot(&v)), approx)
        }
    };
    Ok(analytic.iter().zip(&approx).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt())
}

/// [`check_grad`] for a vector-valued `func`: the Frobenius norm of
/// `jac(x0) - approx_fprime_jac(x0, func, epsilon)`, where `jac` returns the `(m, n)` Jacobian.
///
/// SciPy equivalent: `scipy.optimize.check_grad` with a vector-valued `func` (SciPy allows only
/// `direction='all'` there, as here).
///
/// # Errors
///
/// As [`approx_fprime_jac`]; [`OptimizeError::WrongLength`](crate::OptimizeError::WrongLength)
/// (`jac(x0)`) when the Jacobian is not `(len(func(x0)), len(x0))`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{check_grad_jac, APPROX_FPRIME_EPSILON};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| array![x[0] * x[1], x[0].sin() + x[1] * x[1]];
/// let jac = |x: &Array1<f64>| array![[x[1], x[0]], [x[0].cos(), 2.0 * x[1]]];
/// let err = check_grad_jac(f, jac, &array![0.3, -1.2], APPROX_FPRIME_EPSILON)?;
/// assert!((err - 1.1906906928168783e-08).abs() < 1e-12); // SciPy's value
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn check_grad_jac<F, J, S>(
    mut func: F,
    jac: J,
    x0: &ndarray::ArrayBase<S, ndarray::Ix1>,
    epsilon: f64,
) -> crate::Result<f64>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    J: Fn(&Array1<f64>) -> Array2<f64>,
    S: ndarray::Data<Elem = f64>,
{
    let x = x0.to_owned();
    let analytic = jac(&x);
    let mut m = None;
    let approx = approx_fprime_jac(
        &x,
        |y: &Array1<f64>| {
            let v = func(y);
            m.get_or_insert(v.len());
            v
        },
        epsilon,
    )?;
    let m = m.unwrap_or(0);
    if analytic.dim() != (m, x.len()) {
        let (r, c) = analytic.dim();
        let found = if r == m { c } else { r };
        let expected = if r == m { x.len() } else { m };
        return Err(crate::OptimizeError::WrongLength { arg: "jac(x0)", expected, found });
    }
    Ok(analytic.iter().zip(&approx).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt())
}

/// NumPy's legacy `RandomState(seed).permutation(n)`: MT19937 seeded by `init_genrand`, then
/// the Fisher-Yates shuffle with masked rejection sampling (`random_interval`).
pub(crate) fn legacy_permutation(seed: u32, n: usize) -> Vec<usize> {
    let mut mt = [0u32; 624];
    mt[0] = seed;
    for i in 1..624 {
        mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
    }
    let mut pos = 624;
    let mut next = || {
        if pos == 624 {
            for k in 0..624 {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % 624] & 0x7fff_ffff);
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ if y & 1 == 1 { 0x9908_b0df } else { 0 };
            }
            pos = 0;
        }
        let mut y = mt[pos];
        pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    };
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        // `random_interval(i)`: the smallest all-ones mask >= i, values above i rejected
        // (32-bit draws for i < 2^32).
        let mut mask = i as u64;
        for s in [1, 2, 4, 8, 16, 32] {
            mask |= mask >> s;
        }
        let j = loop {
            let v = u64::from(next()) & mask;
            if v <= i as u64 {
                break v as usize;
            }
        };
        p.swap(i, j);
    }
    p
}

/// SciPy's `group_columns(A, order=0)` (Curtis, Powell and Reid): columns that share no row
/// of the sparsity pattern go into the same group, greedily in the order of NumPy's
/// `RandomState(0).permutation(n)`. Returns the group of each column.
pub(crate) fn group_columns(structure: &CsrMatrix) -> Vec<usize> {
    let (m, n) = structure.shape();
    let order = legacy_permutation(0, n);
    let (colptr, rows, _) = structure.csc_pattern();
    let col = |k: usize| &rows[colptr[order[k]]..colptr[order[k] + 1]];
    let mut groups = vec![usize::MAX; n];
    let mut union = vec![false; m];
    let mut current = 0;
    let mut first_free = 0;
    for i in 0..n {
        if groups[i] != usize::MAX {
            continue;
        }
        groups[i] = current;
        union.fill(false);
        for &r in col(i) {
            union[r] = true;
        }
        let mut all_grouped = true;
        // Columns before `first_free` are all grouped already.
        for j in first_free.max(i)..n {
            if groups[j] != usize::MAX {
                continue;
            }
            all_grouped = false;
            if col(j).iter().all(|&r| !union[r]) {
                for &r in col(j) {
                    union[r] = true;
                }
                groups[j] = current;
            }
        }
        while first_free < n && groups[first_free] != usize::MAX {
            first_free += 1;
        }
        if all_grouped {
            break;
        }
        current += 1;
    }
    let mut out = vec![0; n];
    for (k, &g) in groups.iter().enumerate() {
        out[order[k]] = g;
    }
    out
}

/// A `jac_sparsity` pattern prepared once per run: SciPy's column groups, the canonical CSR
/// pattern of the Jacobian (rows sorted, duplicates once, entries whose pattern value is 0 left
/// out, as `find` does) and, by columns, the rows and CSR positions of its entries.
pub(crate) struct SparsePattern {
    shape: (usize, usize),
    indptr: Vec<usize>,
    indices: Vec<usize>,
    colptr: Vec<usize>,
    rows: Vec<usize>,
    pos: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl SparsePattern {
    pub(crate) fn new(structure: &CsrMatrix) -> Self {
        let (m, n) = structure.shape();
        let groups = group_columns(structure);
        let n_groups = groups.iter().max().map_or(0, |g| g + 1);
        let mut members = vec![Vec::new(); n_groups];
        for (j, &g) in groups.iter().enumerate() {
            members[g].push(j);
        }
        let (colptr0, rows0, keep) = structure.csc_pattern();
        let mut entries: Vec<(usize, usize)> = Vec::with_capacity(rows0.len());
        for j in 0..n {
            for k in colptr0[j]..colptr0[j + 1] {
                if keep[k] {
                    entries.push((rows0[k], j));
                }
            }
        }
        entries.sort_unstable();
        entries.dedup();
        let mut indptr = vec![0; m + 1];
        let mut colptr = vec![0; n + 1];
        for &(i, j) in &entries {
            indptr[i + 1] += 1;
            colptr[j + 1] += 1;
        }
        for i in 0..m {
            indptr[i + 1] += indptr[i];
        }
        for j in 0..n {
            colptr[j + 1] += colptr[j];
        }
        let indices = entries.iter().map(|e| e.1).collect();
        let mut next = colptr.clone();
        let (mut rows, mut pos) = (vec![0; entries.len()], vec![0; entries.len()]);
        for (k, &(i, j)) in entries.iter().enumerate() {
            rows[next[j]] = i;
            pos[next[j]] = k;
            next[j] += 1;
        }
        SparsePattern { shape: (m, n), indptr, indices, colptr, rows, pos, members }
    }
}

/// SciPy's `_sparse_difference`: the Jacobian on `pattern`, perturbing the variables of one
/// group at a time. Returns the Jacobian and the function evaluations.
pub(crate) fn sparse_jacobian(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x0: &Array1<f64>,
    f0: &Array1<f64>,
    method: FiniteDiff,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    rel_step: Option<&[f64]>,
    pattern: &SparsePattern,
) -> (CsrMatrix, usize) {
    let n = pattern.shape.1;
    let (h, one_sided) = steps(x0, method, bounds, None, rel_step);
    let mut data = vec![0.0; pattern.indices.len()];
    let mut nfev = 0;
    let mut x1 = x0.clone();
    let mut x2 = x0.clone();
    let mut dx = vec![0.0; n];
    for cols in &pattern.members {
        let (f1, f2) = match method {
            FiniteDiff::TwoPoint => {
                for &j in cols {
                    x1[j] = x0[j] + h[j];
                    dx[j] = x1[j] - x0[j];
                }
                nfev += 1;
                (fun(&x1), None)
            }
            FiniteDiff::ThreePoint => {
                for &j in cols {
                    if one_sided[j] {
                        x1[j] = x0[j] + h[j];
                        x2[j] = x0[j] + 2.0 * h[j];
                        dx[j] = x2[j] - x0[j];
                    } else {
                        x1[j] = x0[j] - h[j];
                        x2[j] = x0[j] + h[j];
                        dx[j] = x2[j] - x1[j];
                    }
                }
                nfev += 2;
                let f1 = fun(&x1);
                (f1, Some(fun(&x2)))
            }
        };
        for &j in cols {
            for k in pattern.colptr[j]..pattern.colptr[j + 1] {
                let i = pattern.rows[k];
                let df = match &f2 {
                    None => f1[i] - f0[i],
                    Some(f2) if one_sided[j] => -3.0 * f0[i] + 4.0 * f1[i] - f2[i],
                    Some(f2) => f2[i] - f1[i],
                };
                data[pattern.pos[k]] = df / dx[j];
            }
            x1[j] = x0[j];
            x2[j] = x0[j];
        }
    }
    let jac = CsrMatrix::from_raw(pattern.shape, pattern.indptr.clone(), pattern.indices.clone(), data);
    (jac, nfev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::testing::fixture::Fixture;

    fn ints(fx: &Fixture, p: &str) -> Vec<usize> {
        fx.array_i64(p).iter().map(|&v| v as usize).collect()
    }

    #[test]
    fn permutation_and_groups_match_scipy() {
        let fx =
            Fixture::load(format!("{}/tests/fixtures/optimize_lsq_sparse.json", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        assert_eq!(legacy_permutation(0, 10), ints(&fx, "perm/10"));
        assert_eq!(legacy_permutation(0, 1000), ints(&fx, "perm/1000"));
        let tri = |n: usize| {
            let e: Vec<_> =
                (0..n).flat_map(|i| [(i, i), (i, i.saturating_sub(1)), (i, (i + 1).min(n - 1))]).collect();
            CsrMatrix::pattern((n, n), &e)
        };
        assert_eq!(group_columns(&tri(10)), ints(&fx, "groups/tridiag10"));
        assert_eq!(group_columns(&tri(1000)), ints(&fx, "groups/tridiag1000"));
        let band: Vec<_> =
            (0..200).flat_map(|i| [(2 * i, i), (2 * i + 1, i), (2 * i + 1, (i + 1).min(199))]).collect();
        assert_eq!(group_columns(&CsrMatrix::pattern((400, 200), &band)), ints(&fx, "groups/band200"));
        let mask = fx.array_f64("groups/random30x40_pattern").into_dimensionality::<ndarray::Ix2>().unwrap();
        let mask = crate::SparseMatrix::from_dense(&mask.view());
        assert_eq!(group_columns(&CsrMatrix::from_sparse(&mask)), ints(&fx, "groups/random30x40"));
        // Edge cases: no columns; an empty pattern puts every column into group 0.
        assert!(group_columns(&CsrMatrix::pattern((3, 0), &[])).is_empty());
        assert_eq!(group_columns(&CsrMatrix::pattern((3, 4), &[])), vec![0; 4]);
    }
}

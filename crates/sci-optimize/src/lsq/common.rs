//! The helpers of SciPy's `scipy/optimize/_lsq/common.py` used by the trust-region methods:
//! the exact trust-region subproblem, radius update, 1-D quadratics, bound handling, robust
//! losses and termination tests.

use super::dense::norm;
use super::jacobian::Jac;
use crate::error::{Result, invalid};
use ndarray::{Array1, Array2, Zip};
use std::fmt;

const EPS: f64 = f64::EPSILON;

/// The robust loss `rho(z)` of `least_squares` (SciPy's `loss=`: a name or a callable).
///
/// # Examples
///
/// ```
/// use sci_optimize::{Loss, LossFn};
/// use sci_optimize::sci_array::ndarray::{Array1, Array2};
/// assert_eq!(Loss::default(), Loss::Linear);
/// // SciPy's callable form: rho(z) and its first two derivatives as a (3, m) array.
/// let l1 = |z: &Array1<f64>| {
///     Array2::from_shape_fn((3, z.len()), |(k, i)| {
///         let t = 1.0 + z[i];
///         [2.0 * (t.sqrt() - 1.0), t.powf(-0.5), -0.5 * t.powf(-1.5)][k]
///     })
/// };
/// let loss = Loss::Callable(LossFn(&l1));
/// assert_ne!(loss, Loss::SoftL1);
/// assert_eq!(loss, loss);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Loss<'a> {
    /// `'linear'`: `rho(z) = z`, ordinary least squares (default).
    #[default]
    Linear,
    /// `'soft_l1'`: `rho(z) = 2 ((1 + z)^0.5 - 1)`.
    SoftL1,
    /// `'huber'`: `rho(z) = z` for `z <= 1`, else `2 z^0.5 - 1`.
    Huber,
    /// `'cauchy'`: `rho(z) = ln(1 + z)`.
    Cauchy,
    /// `'arctan'`: `rho(z) = arctan(z)`.
    Arctan,
    /// A callable loss (SciPy's `loss=callable`), see [`LossFn`].
    Callable(LossFn<'a>),
}

/// A user loss for [`Loss::Callable`]: `rho(z)` returns the `(3, m)` array of `rho`, `rho'` and
/// `rho''` at the `m` values `z = (f / f_scale)^2`, as SciPy's callable `loss`; `f_scale` is
/// applied around it as for the named losses.
///
/// Two `LossFn`s are equal when they wrap the same function object.
///
/// # Examples
///
/// ```
/// use sci_optimize::{least_squares, LeastSquaresOptions, Loss, LossFn};
/// use sci_optimize::sci_array::ndarray::{array, Array1, Array2};
/// // 'cauchy' written as a callable gives the named loss's result.
/// let cauchy = |z: &Array1<f64>| {
///     Array2::from_shape_fn((3, z.len()), |(k, i)| {
///         let t = 1.0 + z[i];
///         [z[i].ln_1p(), 1.0 / t, -1.0 / (t * t)][k]
///     })
/// };
/// let f = |x: &Array1<f64>| array![x[0] - 1.0, 2.0 * (x[1] - x[0]), x[1] + 5.0];
/// let opts = LeastSquaresOptions { loss: Loss::Callable(LossFn(&cauchy)), f_scale: 0.5, ..Default::default() };
/// let r = least_squares(f, &array![0.0, 0.0], &opts)?;
/// let named = least_squares(f, &array![0.0, 0.0], &LeastSquaresOptions { loss: Loss::Cauchy, ..opts })?;
/// assert!((&r.x - &named.x).iter().all(|d| d.abs() < 1e-12) && r.nfev == named.nfev);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Clone, Copy)]
pub struct LossFn<'a>(pub &'a dyn Fn(&Array1<f64>) -> Array2<f64>);

impl fmt::Debug for LossFn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LossFn(..)")
    }
}

impl PartialEq for LossFn<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self.0, other.0)
    }
}

impl Eq for LossFn<'_> {}

impl LossFn<'_> {
    /// `rho` at `z = (f / f_scale)^2` with SciPy's `f_scale` handling (`rho[0] *= f_scale^2`,
    /// `rho[2] /= f_scale^2`), the shape checked.
    fn rho(&self, f: &Array1<f64>, f_scale: f64) -> Result<Array2<f64>> {
        let z = f.mapv(|v| (v / f_scale).powi(2));
        let rho = (self.0)(&z);
        if rho.dim() != (3, f.len()) {
            return Err(invalid(
                "loss",
                format!(
                    "the return value of `loss` callable has wrong shape: expected (3, {}), actual {:?}",
                    f.len(),
                    rho.shape()
                ),
            ));
        }
        Ok(rho)
    }
}

impl Loss<'_> {
    /// `(rho, rho', rho'')` at `z` (named losses; [`Loss::Callable`] is evaluated on the
    /// whole vector by [`LossFn::rho`]).
    fn eval(self, z: f64) -> (f64, f64, f64) {
        match self {
            Loss::Linear | Loss::Callable(_) => (z, 1.0, 0.0),
            Loss::Huber => {
                if z <= 1.0 {
                    (z, 1.0, 0.0)
                } else {
                    (2.0 * z.sqrt() - 1.0, z.powf(-0.5), -0.5 * z.powf(-1.5))
                }
            }
            Loss::SoftL1 => {
                let t = 1.0 + z;
                (2.0 * (t.sqrt() - 1.0), t.powf(-0.5), -0.5 * t.powf(-1.5))
            }
            Loss::Cauchy => {
                let t = 1.0 + z;
                (z.ln_1p(), 1.0 / t, -1.0 / (t * t))
            }
            Loss::Arctan => {
                let t = 1.0 + z * z;
                (z.atan(), 1.0 / t, -2.0 * z / (t * t))
            }
        }
    }

    /// The cost `0.5 sum rho((f / f_scale)^2) f_scale^2` (`0.5 f.f` for `Linear`).
    pub(super) fn cost(self, f: &Array1<f64>, f_scale: f64) -> Result<f64> {
        let s: f64 = match self {
            Loss::Linear => return Ok(0.5 * f.dot(f)),
            Loss::Callable(l) => l.rho(f, f_scale)?.row(0).sum(),
            _ => f.iter().map(|&v| self.eval((v / f_scale).powi(2)).0).sum(),
        };
        Ok(0.5 * f_scale * f_scale * s)
    }

    /// SciPy's `scale_for_robust_loss_function`: rescales the rows of `jac` and `f` in place
    /// so that the Gauss-Newton model of the robust cost is an ordinary least-squares one;
    /// returns the cost. No-op (but the cost) for `Linear`.
    pub(super) fn scale(self, jac: &mut Jac, f: &mut Array1<f64>, f_scale: f64) -> Result<f64> {
        if self == Loss::Linear {
            return Ok(0.5 * f.dot(f));
        }
        let fs2 = f_scale * f_scale;
        let rho = match self {
            Loss::Callable(l) => Some(l.rho(f, f_scale)?),
            _ => None,
        };
        let mut s = 0.0;
        let mut row_scale = Vec::with_capacity(f.len());
        for (i, fi) in f.iter_mut().enumerate() {
            let (r0, r1, r2) = match &rho {
                Some(r) => (r[[0, i]], r[[1, i]], r[[2, i]]),
                None => self.eval((*fi / f_scale).powi(2)),
            };
            s += r0;
            let r2 = r2 / fs2;
            // SciPy's `rho[1] + 2 * rho[2] * f**2`, in its order: for Huber outliers this is a
            // cancellation to ~eps, so the rounding decides the row scale.
            let mut js = r1 + 2.0 * r2 * (*fi * *fi);
            if js < EPS {
                js = EPS;
            }
            let js = js.sqrt();
            *fi *= r1 / js;
            row_scale.push(js);
        }
        jac.scale_rows(&row_scale);
        Ok(0.5 * s * fs2)
    }
}

/// `J^T f`.
pub(super) fn grad(jac: &Jac, f: &Array1<f64>) -> Array1<f64> {
    jac.tdot(f)
}

/// The Euclidean norm of `v` (ndarray's dot, as trf/dogbox have always used).
pub(super) fn vec_norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// The infinity norm of `v`.
pub(super) fn norm_inf(v: &Array1<f64>) -> f64 {
    v.iter().fold(0.0f64, |a, x| a.max(x.abs()))
}

/// `(scale, scale_inv)` at the start of trf/dogbox: from the Jacobian's column norms for
/// `x_scale='jac'` (`None`), else the given scale and its reciprocal.
pub(super) fn initial_scale(jac: &Jac, x_scale: Option<&Array1<f64>>) -> (Array1<f64>, Array1<f64>) {
    match x_scale {
        None => jac_scale(jac, None),
        Some(s) => (s.clone(), s.mapv(|v| 1.0 / v)),
    }
}

/// SciPy's `compute_jac_scale`: `(scale, scale_inv)` with `scale_inv` the column norms of `J`
/// (zero norms become 1, or the running maximum with `old`).
pub(super) fn jac_scale(jac: &Jac, old: Option<&Array1<f64>>) -> (Array1<f64>, Array1<f64>) {
    let mut inv = jac.column_norms();
    match old {
        None => inv.mapv_inplace(|v| if v == 0.0 { 1.0 } else { v }),
        Some(o) => Zip::from(&mut inv).and(o).for_each(|v, &o| *v = v.max(o)),
    }
    (inv.mapv(|v| 1.0 / v), inv)
}

/// SciPy's `solve_lsq_trust_region`: the step `p` minimising `|J p + f|` within `|p| <= Delta`
/// from the SVD of `J` (More's algorithm on the Levenberg-Marquardt parameter); returns `(p,
/// alpha)`.
pub(super) fn solve_lsq_trust_region(
    n: usize,
    m: usize,
    uf: &[f64],
    s: &[f64],
    v: &[Vec<f64>],
    delta: f64,
    initial_alpha: f64,
) -> (Array1<f64>, f64) {
    let k = s.len();
    let vdot =
        |w: &[f64]| -> Array1<f64> { Array1::from_shape_fn(n, |i| (0..k).map(|c| v[c][i] * w[c]).sum()) };
    let phi_and_derivative = |alpha: f64, suf: &[f64]| {
        let mut pn = 0.0;
        let mut d3 = 0.0;
        for (sf, si) in suf.iter().zip(s) {
            let denom = si * si + alpha;
            pn += (sf / denom).powi(2);
            d3 += sf * sf / (denom * denom * denom);
        }
        let p_norm = pn.sqrt();
        (p_norm - delta, -d3 / p_norm)
    };
    let suf: Vec<f64> = s.iter().zip(uf).map(|(a, b)| a * b).collect();
    let full_rank = m >= n && k > 0 && s[k - 1] > EPS * m as f64 * s[0];
    if full_rank {
        let w: Vec<f64> = uf.iter().zip(s).map(|(u, si)| -u / si).collect();
        let p = vdot(&w);
        if p.dot(&p).sqrt() <= delta {
            return (p, 0.0);
        }
    }
    let mut alpha_upper = norm(&suf) / delta;
    let mut alpha_lower = if full_rank {
        let (phi, phi_prime) = phi_and_derivative(0.0, &suf);
        -phi / phi_prime
    } else {
        0.0
    };
    let mut alpha = if !full_rank && initial_alpha == 0.0 {
        (0.001 * alpha_upper).max((alpha_lower * alpha_upper).sqrt())
    } else {
        initial_alpha
    };
    for _ in 0..10 {
        if alpha < alpha_lower || alpha > alpha_upper {
            alpha = (0.001 * alpha_upper).max((alpha_lower * alpha_upper).sqrt());
        }
        let (phi, phi_prime) = phi_and_derivative(alpha, &suf);
        if phi < 0.0 {
            alpha_upper = alpha;
        }
        let ratio = phi / phi_prime;
        alpha_lower = alpha_lower.max(alpha - ratio);
        alpha -= (phi + delta) * ratio / delta;
        if phi.abs() < 0.01 * delta {
            break;
        }
    }
    let w: Vec<f64> = suf.iter().zip(s).map(|(sf, si)| -sf / (si * si + alpha)).collect();
    let mut p = vdot(&w);
    let pn = p.dot(&p).sqrt();
    p *= delta / pn;
    (p, alpha)
}

/// SciPy's `update_tr_radius`: `(Delta, ratio)`.
pub(super) fn update_tr_radius(
    delta: f64,
    actual: f64,
    predicted: f64,
    step_norm: f64,
    bound_hit: bool,
) -> (f64, f64) {
    let ratio = if predicted > 0.0 {
        actual / predicted
    } else if predicted == actual && actual == 0.0 {
        1.0
    } else {
        0.0
    };
    let delta = if ratio < 0.25 {
        0.25 * step_norm
    } else if ratio > 0.75 && bound_hit {
        delta * 2.0
    } else {
        delta
    };
    (delta, ratio)
}

/// SciPy's `check_termination`: 2 (ftol), 3 (xtol), 4 (both) or `None`.
pub(super) fn check_termination(
    df: f64,
    f: f64,
    dx_norm: f64,
    x_norm: f64,
    ratio: f64,
    ftol: f64,
    xtol: f64,
) -> Option<i32> {
    let ftol_ok = df < ftol * f && ratio > 0.25;
    let xtol_ok = dx_norm < xtol * (xtol + x_norm);
    match (ftol_ok, xtol_ok) {
        (true, true) => Some(4),
        (true, false) => Some(2),
        (false, true) => Some(3),
        _ => None,
    }
}

/// `J s` for the quadratic models: a dense product or a scaled operator.
pub(super) type JMul<'a> = &'a dyn Fn(&Array1<f64>) -> Array1<f64>;

/// `0.5 |J s|^2 + 0.5 s.diag.s + g.s` (SciPy's `evaluate_quadratic`); `j` computes `J s`.
pub(super) fn evaluate_quadratic(
    j: JMul<'_>,
    g: &Array1<f64>,
    s: &Array1<f64>,
    diag: Option<&Array1<f64>>,
) -> f64 {
    let js = j(s);
    let mut q = js.dot(&js);
    if let Some(d) = diag {
        q += Zip::from(s).and(d).fold(0.0, |acc, &si, &di| acc + si * di * si);
    }
    0.5 * q + s.dot(g)
}

/// SciPy's `build_quadratic_1d`: coefficients `(a, b, c)` of `f(t) = a t^2 + b t + c` along
/// `s` from `s0`.
pub(super) fn build_quadratic_1d(
    j: JMul<'_>,
    g: &Array1<f64>,
    s: &Array1<f64>,
    diag: Option<&Array1<f64>>,
    s0: Option<&Array1<f64>>,
) -> (f64, f64, f64) {
    let v = j(s);
    let mut a = v.dot(&v);
    if let Some(d) = diag {
        a += Zip::from(s).and(d).fold(0.0, |acc, &si, &di| acc + si * di * si);
    }
    a *= 0.5;
    let mut b = g.dot(s);
    let mut c = 0.0;
    if let Some(s0) = s0 {
        let u = j(s0);
        b += u.dot(&v);
        c = 0.5 * u.dot(&u) + g.dot(s0);
        if let Some(d) = diag {
            b += Zip::from(s0).and(d).and(s).fold(0.0, |acc, &a0, &di, &si| acc + a0 * di * si);
            c += 0.5 * Zip::from(s0).and(d).fold(0.0, |acc, &a0, &di| acc + a0 * di * a0);
        }
    }
    (a, b, c)
}

/// SciPy's `minimize_quadratic_1d` on `[lb, ub]`: `(t, value)`.
pub(super) fn minimize_quadratic_1d(a: f64, b: f64, lb: f64, ub: f64, c: f64) -> (f64, f64) {
    let mut t = vec![lb, ub];
    if a != 0.0 {
        let e = -0.5 * b / a;
        if lb < e && e < ub {
            t.push(e);
        }
    }
    let mut best = (t[0], t[0] * (a * t[0] + b) + c);
    for &ti in &t[1..] {
        let y = ti * (a * ti + b) + c;
        if y < best.1 {
            best = (ti, y);
        }
    }
    best
}

/// SciPy's `intersect_trust_region`: the two `t` with `|x + t s| = Delta`, smaller first.
pub(super) fn intersect_trust_region(x: &Array1<f64>, s: &Array1<f64>, delta: f64) -> (f64, f64) {
    let a = s.dot(s);
    let b = x.dot(s);
    let c = x.dot(x) - delta * delta;
    let d = (b * b - a * c).sqrt();
    let q = -(b + d.copysign(b));
    let (t1, t2) = (q / a, c / q);
    if t1 < t2 { (t1, t2) } else { (t2, t1) }
}

pub(super) fn in_bounds(x: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> bool {
    Zip::from(x).and(lb).and(ub).all(|&x, &l, &u| x >= l && x <= u)
}

/// SciPy's `step_size_to_bound`: the largest `t` with `x + t s` feasible and which bounds it
/// hits (`-1`/`1` by the sign of `s`, 0 elsewhere).
pub(super) fn step_size_to_bound(
    x: &Array1<f64>,
    s: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (f64, Vec<i32>) {
    let steps: Vec<f64> = (0..x.len())
        .map(|i| if s[i] != 0.0 { ((lb[i] - x[i]) / s[i]).max((ub[i] - x[i]) / s[i]) } else { f64::INFINITY })
        .collect();
    let min = steps.iter().copied().fold(f64::INFINITY, f64::min);
    let hits = steps
        .iter()
        .zip(s)
        .map(|(&st, &si)| if st == min { (si > 0.0) as i32 - (si < 0.0) as i32 } else { 0 })
        .collect();
    (min, hits)
}

/// The first part of SciPy's `select_step` (trf and trf_linear) when `x + p` leaves the box:
/// `p` and `p_h` cut back to the first bound they hit (in place), and the reflected directions
/// `(p_stride, r_h, r = d r_h, x + p)`.
pub(super) fn reflect_at_bound(
    x: &Array1<f64>,
    p: &mut Array1<f64>,
    p_h: &mut Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (f64, Array1<f64>, Array1<f64>, Array1<f64>) {
    let (p_stride, hits) = step_size_to_bound(x, p, lb, ub);
    let mut r_h = p_h.clone();
    for (r, &h) in r_h.iter_mut().zip(&hits) {
        if h != 0 {
            *r = -*r;
        }
    }
    let r = d * &r_h;
    *p *= p_stride;
    *p_h *= p_stride;
    let x_on_bound = x + &*p;
    (p_stride, r_h, r, x_on_bound)
}

/// SciPy's `find_active_constraints`: -1 at an active lower bound, 1 at an upper one.
pub(super) fn find_active_constraints(
    x: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    rtol: f64,
) -> Array1<i32> {
    Array1::from_shape_fn(x.len(), |i| {
        let (x, l, u) = (x[i], lb[i], ub[i]);
        if rtol == 0.0 {
            return if x >= u {
                1
            } else if x <= l {
                -1
            } else {
                0
            };
        }
        let (ld, ud) = (x - l, u - x);
        if u.is_finite() && ud <= ld.min(rtol * u.abs().max(1.0)) {
            1
        } else if l.is_finite() && ld <= ud.min(rtol * l.abs().max(1.0)) {
            -1
        } else {
            0
        }
    })
}

/// SciPy's `make_strictly_feasible`: moves points on (or near, within `rstep`) a bound inside.
pub(super) fn make_strictly_feasible(
    x: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    rstep: f64,
) -> Array1<f64> {
    let active = find_active_constraints(x, lb, ub, rstep);
    Array1::from_shape_fn(x.len(), |i| {
        let (l, u) = (lb[i], ub[i]);
        let mut v = x[i];
        if active[i] == -1 {
            v = if rstep == 0.0 { next_toward(l, u) } else { l + rstep * l.abs().max(1.0) };
        } else if active[i] == 1 {
            v = if rstep == 0.0 { next_toward(u, l) } else { u - rstep * u.abs().max(1.0) };
        }
        if v < l || v > u { 0.5 * (l + u) } else { v }
    })
}

/// `np.nextafter(a, b)`.
fn next_toward(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() || a == b {
        return a;
    }
    if a == 0.0 {
        return f64::from_bits(1).copysign(b);
    }
    let bits = a.to_bits();
    if (b > a) == (a > 0.0) { f64::from_bits(bits + 1) } else { f64::from_bits(bits - 1) }
}

/// SciPy's `CL_scaling_vector` (Coleman-Li): `(v, dv)`.
pub(super) fn cl_scaling_vector(
    x: &Array1<f64>,
    g: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (Array1<f64>, Array1<f64>) {
    let n = x.len();
    let mut v = Array1::ones(n);
    let mut dv = Array1::zeros(n);
    for i in 0..n {
        if g[i] < 0.0 && ub[i].is_finite() {
            v[i] = ub[i] - x[i];
            dv[i] = -1.0;
        }
        if g[i] > 0.0 && lb[i].is_finite() {
            v[i] = x[i] - lb[i];
            dv[i] = 1.0;
        }
    }
    (v, dv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn nextafter_and_feasibility() {
        assert_eq!(next_toward(1.0, 2.0), 1.0 + f64::EPSILON);
        assert_eq!(next_toward(-1.0, 0.0), -1.0 + f64::EPSILON / 2.0);
        assert_eq!(next_toward(0.0, -1.0), -f64::from_bits(1));
        let (lb, ub) = (array![0.0, -1.0, 2.0], array![1.0, f64::INFINITY, 2.0 + 1e-12]);
        let x = make_strictly_feasible(&array![0.0, 5.0, 2.0], &lb, &ub, 1e-10);
        // Lower bound pushed in by 1e-10; the tight bound falls back to the middle.
        assert_eq!(x, array![1e-10, 5.0, 0.5 * (2.0 + 2.0 + 1e-12)]);
    }
}

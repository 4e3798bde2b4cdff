//! Shared pieces of the implicit solvers Radau and BDF: a small dense LU with partial pivoting
//! (real and complex), the Jacobian source (user callable, constant matrix or SciPy's adaptive
//! finite differences `num_jac`).

use super::rk::Rhs;
use crate::error::{IntegrateError, Result};
use ndarray::Array2;
use sci_array::num_complex::Complex64;
use std::ops::{Div, Mul, Sub};

/// What the LU needs of its scalar type.
pub(crate) trait LuScalar:
    Copy + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// The magnitude LAPACK's `i?amax` compares: `|x|` for reals, `|re| + |im|` for complex.
    fn abs1(self) -> f64;
    fn one() -> Self;
    fn is_zero(self) -> bool;
}

impl LuScalar for f64 {
    fn abs1(self) -> f64 {
        self.abs()
    }
    fn one() -> Self {
        1.0
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
}

impl LuScalar for Complex64 {
    fn abs1(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    fn one() -> Self {
        Complex64::new(1.0, 0.0)
    }
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
}

/// An LU factorization `P A = L U` of a square matrix, stored row-major in one array (the unit
/// lower factor below the diagonal), with LAPACK's row interchanges `piv`.
///
/// A zero pivot is kept, as LAPACK's `getrf` does (it only reports it): solving with such a
/// factorization gives infinities or NaN, which the Newton iterations treat as a failure.
#[derive(Debug, Clone)]
pub(crate) struct Lu<T> {
    a: Vec<T>,
    piv: Vec<usize>,
    n: usize,
}

impl<T: LuScalar> Lu<T> {
    /// Factors the row-major `n x n` matrix `a` (right-looking, as `getf2`).
    pub(crate) fn factor(mut a: Vec<T>, n: usize) -> Self {
        debug_assert_eq!(a.len(), n * n);
        let mut piv = vec![0; n];
        for j in 0..n {
            let mut p = j;
            let mut best = a[j * n + j].abs1();
            for i in j + 1..n {
                let v = a[i * n + j].abs1();
                // `>` keeps the first of equal magnitudes; a NaN never wins, as in idamax.
                if v > best {
                    best = v;
                    p = i;
                }
            }
            piv[j] = p;
            if p != j {
                for k in 0..n {
                    a.swap(j * n + k, p * n + k);
                }
            }
            let pivot = a[j * n + j];
            if !pivot.is_zero() {
                let recip = T::one() / pivot;
                for i in j + 1..n {
                    a[i * n + j] = a[i * n + j] * recip;
                }
            }
            for i in j + 1..n {
                let l = a[i * n + j];
                for k in j + 1..n {
                    a[i * n + k] = a[i * n + k] - l * a[j * n + k];
                }
            }
        }
        Self { a, piv, n }
    }

    /// Solves `A x = b` in place.
    pub(crate) fn solve(&self, b: &mut [T]) {
        let n = self.n;
        for (j, &p) in self.piv.iter().enumerate() {
            if p != j {
                b.swap(j, p);
            }
        }
        for j in 0..n {
            let bj = b[j];
            for i in j + 1..n {
                b[i] = b[i] - bj * self.a[i * n + j];
            }
        }
        for j in (0..n).rev() {
            b[j] = b[j] / self.a[j * n + j];
            let bj = b[j];
            for i in 0..j {
                b[i] = b[i] - bj * self.a[i * n + j];
            }
        }
    }
}

/// The user's Jacobian callable, `jac(t, y)` returning an `(n, n)` matrix.
pub(crate) type JacFn<'f> = &'f mut dyn FnMut(f64, &[f64]) -> Array2<f64>;

/// Where the Jacobian comes from (SciPy's `jac` argument).
pub(crate) enum JacKind<'f> {
    /// `jac=None`: SciPy's `num_jac`, with its adaptive step factors kept between calls.
    FiniteDiff { factor: Option<Vec<f64>> },
    /// A callable `jac(t, y)`.
    Callable(JacFn<'f>),
    /// A constant matrix: never re-evaluated.
    Constant,
}

/// The Jacobian source with its evaluation counter (`njev`).
pub(crate) struct Jac<'f> {
    pub kind: JacKind<'f>,
    pub njev: usize,
}

impl Jac<'_> {
    /// True for a constant matrix (SciPy's `self.jac is None`).
    pub(crate) fn is_constant(&self) -> bool {
        matches!(self.kind, JacKind::Constant)
    }

    /// The Jacobian at `(t, y)`, row-major. `f` is `fun(t, y)` when the caller has it (Radau);
    /// otherwise it is evaluated without counting it in `nfev`, as SciPy's BDF does.
    pub(crate) fn eval(
        &mut self,
        rhs: &mut Rhs<'_>,
        t: f64,
        y: &[f64],
        f: Option<&[f64]>,
        atol: &[f64],
    ) -> Result<Vec<f64>> {
        let n = y.len();
        match &mut self.kind {
            JacKind::Constant => unreachable!("a constant Jacobian is never re-evaluated"),
            JacKind::Callable(jac) => {
                self.njev += 1;
                let j = jac(t, y);
                matrix_to_vec(&j, n)
            }
            JacKind::FiniteDiff { factor } => {
                self.njev += 1;
                let owned;
                let f = match f {
                    Some(f) => f,
                    None => {
                        owned = rhs.eval_uncounted(t, y)?;
                        &owned
                    }
                };
                num_jac(rhs, t, y, f, atol, factor)
            }
        }
    }
}

/// Checks the shape of a Jacobian and flattens it row-major.
pub(crate) fn matrix_to_vec(j: &Array2<f64>, n: usize) -> Result<Vec<f64>> {
    if j.dim() != (n, n) {
        return Err(IntegrateError::ShapeMismatch {
            arg: "jac",
            expected: vec![n, n],
            found: j.shape().to_vec(),
        });
    }
    Ok(j.iter().copied().collect())
}

/// SciPy's `lu_factor` refuses a matrix with NaN or infinite entries: the Newton matrix
/// `I - c J` (BDF) or `mu/h I - J` (Radau), non-finite through the Jacobian (or a step so
/// small that `mu/h` overflows). The error names `jac`.
pub(crate) fn check_finite_jac(m: impl IntoIterator<Item = f64>) -> Result<()> {
    match m.into_iter().find(|v| !v.is_finite()) {
        Some(v) => Err(IntegrateError::NotFinite { arg: "jac", value: v }),
        None => Ok(()),
    }
}

const EPS: f64 = f64::EPSILON;

/// SciPy's `num_jac` for a dense Jacobian: forward differences with a step per column chosen
/// from `factor * max(threshold, |y|)` (signed like `f`), retried with a 10 times larger factor
/// where the difference is lost in round-off, and the factors adapted for the next call.
/// The evaluations are not counted in `nfev`, as in SciPy.
fn num_jac(
    rhs: &mut Rhs<'_>,
    t: f64,
    y: &[f64],
    f: &[f64],
    threshold: &[f64],
    factor_state: &mut Option<Vec<f64>>,
) -> Result<Vec<f64>> {
    let n = y.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let diff_reject = EPS.powf(0.875);
    let diff_small = EPS.powf(0.75);
    let diff_big = EPS.powf(0.25);
    let min_factor = 1e3 * EPS;
    let mut factor = factor_state.clone().unwrap_or_else(|| vec![EPS.powf(0.5); n]);
    let y_scale: Vec<f64> = (0..n)
        .map(|i| {
            let sign = if f[i] >= 0.0 { 1.0 } else { -1.0 };
            sign * threshold[i].max(y[i].abs())
        })
        .collect();
    let mut h: Vec<f64> = (0..n).map(|i| (y[i] + factor[i] * y_scale[i]) - y[i]).collect();
    for i in 0..n {
        // A zero step persists only for y_scale = 0 (atol = 0 and y = 0): the factor then
        // overflows to inf after ~310 tries and the step becomes NaN, as in SciPy; the cap
        // only bounds the loop.
        let mut tries = 0;
        while h[i] == 0.0 && tries < 400 {
            factor[i] *= 10.0;
            h[i] = (y[i] + factor[i] * y_scale[i]) - y[i];
            tries += 1;
        }
    }
    // Columns of the differences: diff[j] = fun(t, y + h_j e_j) - f. Also returns the scale
    // max(|f_m|, |f_new_m|) at the row m of the largest difference.
    let column = |rhs: &mut Rhs<'_>, j: usize, hj: f64| -> Result<(Vec<f64>, f64, f64)> {
        let mut yj = y.to_vec();
        yj[j] += hj;
        let f_new = rhs.eval_uncounted(t, &yj)?;
        let d: Vec<f64> = f_new.iter().zip(f).map(|(a, b)| a - b).collect();
        let (m, mi) = argmax_abs(&d);
        let scale = f[mi].abs().max(f_new[mi].abs());
        Ok((d, m, scale))
    };
    let mut diff = Vec::with_capacity(n);
    let mut max_diff = vec![0.0; n];
    let mut scale = vec![0.0; n];
    for j in 0..n {
        let (d, m, s) = column(rhs, j, h[j])?;
        max_diff[j] = m;
        scale[j] = s;
        diff.push(d);
    }
    let too_small: Vec<usize> = (0..n).filter(|&j| max_diff[j] < diff_reject * scale[j]).collect();
    for &j in &too_small {
        let new_factor = 10.0 * factor[j];
        let h_new = (y[j] + new_factor * y_scale[j]) - y[j];
        let (d, m_new, scale_new) = column(rhs, j, h_new)?;
        if max_diff[j] * scale_new < m_new * scale[j] {
            factor[j] = new_factor;
            h[j] = h_new;
            diff[j] = d;
            scale[j] = scale_new;
            max_diff[j] = m_new;
        }
    }
    let mut jac = vec![0.0; n * n];
    for j in 0..n {
        for i in 0..n {
            jac[i * n + j] = diff[j][i] / h[j];
        }
        if max_diff[j] < diff_small * scale[j] {
            factor[j] *= 10.0;
        } else if max_diff[j] > diff_big * scale[j] {
            factor[j] *= 0.1;
        }
        factor[j] = factor[j].max(min_factor);
    }
    *factor_state = Some(factor);
    Ok(jac)
}

/// The largest `|d_i|` and its first index (NumPy's `argmax`; a NaN wins, as there).
fn argmax_abs(d: &[f64]) -> (f64, usize) {
    let mut best = 0;
    for (i, v) in d.iter().enumerate() {
        if v.is_nan() {
            return (f64::NAN, i);
        }
        if v.abs() > d[best].abs() {
            best = i;
        }
    }
    (d.get(best).map_or(0.0, |v| v.abs()), best)
}

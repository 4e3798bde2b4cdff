//! Piecewise cubic interpolation in the power basis: `CubicHermiteSpline` and `CubicSpline`.

use crate::error::{InterpolateError, Result};
use crate::ppoly::{Extrapolate, PPoly};
use ndarray::{Array, Array1, Array2, ArrayBase, Data, Dimension, Ix1};

/// A boundary condition of [`CubicSpline`] at one end (SciPy's `bc_type`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum BoundaryCondition {
    /// The third derivative is continuous at the second (second-to-last) point (the default).
    #[default]
    NotAKnot,
    /// Zero second derivative (`'natural'`).
    Natural,
    /// Zero first derivative (`'clamped'`).
    Clamped,
    /// This first derivative (`(1, value)`).
    FirstDerivative(f64),
    /// This second derivative (`(2, value)`).
    SecondDerivative(f64),
}

/// A piecewise cubic polynomial: on `[x[i], x[i+1]]` it is
/// `c[0][i] s^3 + c[1][i] s^2 + c[2][i] s + c[3][i]` with `s = t - x[i]` (SciPy's `PPoly` layout).
#[derive(Debug, Clone, PartialEq)]
pub struct CubicSpline {
    x: Vec<f64>,
    c: [Vec<f64>; 4],
    extrapolate: bool,
}

/// Solves a tridiagonal system by Gaussian elimination with partial pivoting (LAPACK's
/// `dgtsv`): `dl` below, `d` on and `du` above the diagonal.
fn solve_tridiagonal(
    mut dl: Vec<f64>,
    mut d: Vec<f64>,
    mut du: Vec<f64>,
    mut b: Vec<f64>,
) -> Result<Vec<f64>> {
    let n = d.len();
    let singular = || InterpolateError::InvalidSpline { what: "the spline system is singular".into() };
    let mut du2 = vec![0.0; n.saturating_sub(2)];
    for i in 0..n.saturating_sub(1) {
        if d[i].abs() >= dl[i].abs() {
            if d[i] == 0.0 {
                return Err(singular());
            }
            let m = dl[i] / d[i];
            d[i + 1] -= m * du[i];
            b[i + 1] -= m * b[i];
            if i + 2 < n {
                du2[i] = 0.0;
            }
        } else {
            let m = d[i] / dl[i];
            d[i] = dl[i];
            let tmp = d[i + 1];
            d[i + 1] = du[i] - m * tmp;
            if i + 2 < n {
                du2[i] = du[i + 1];
                du[i + 1] = -m * du2[i];
            }
            du[i] = tmp;
            b.swap(i, i + 1);
            b[i + 1] -= m * b[i];
        }
        dl[i] = 0.0;
    }
    if d[n - 1] == 0.0 {
        return Err(singular());
    }
    b[n - 1] /= d[n - 1];
    if n > 1 {
        b[n - 2] = (b[n - 2] - du[n - 2] * b[n - 1]) / d[n - 2];
    }
    for i in (0..n.saturating_sub(2)).rev() {
        b[i] = (b[i] - du[i] * b[i + 1] - du2[i] * b[i + 2]) / d[i];
    }
    Ok(b)
}

fn check_xy<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>) -> Result<()>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.len() != y.len() {
        return Err(InterpolateError::LengthMismatch { x: x.len(), y: y.len() });
    }
    if x.len() < 2 {
        return Err(InterpolateError::TooFewPoints { k: 3, needed: 2, found: x.len() });
    }
    for (arg, a) in [("x", x.view()), ("y", y.view())] {
        if let Some(i) = a.iter().position(|v| !v.is_finite()) {
            return Err(InterpolateError::NotFinite { arg, index: i, value: a[i] });
        }
    }
    if let Some(i) = x.windows(2).into_iter().position(|w| w[1] <= w[0]) {
        return Err(InterpolateError::NotIncreasing { arg: "x", index: i + 1 });
    }
    Ok(())
}

impl CubicSpline {
    /// The cubic Hermite interpolant with values `y` and first derivatives `dydx` at `x`.
    ///
    /// # Errors
    ///
    /// Length mismatches, NaN/inf, unsorted `x`, fewer than 2 points.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::CubicSpline;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// // x^3 from its values and slopes is reproduced exactly.
    /// let x = array![0.0, 1.0, 2.0];
    /// let s = CubicSpline::hermite(&x, &x.mapv(|v| v * v * v), &x.mapv(|v| 3.0 * v * v), true)?;
    /// assert!((s.eval(1.5, 0) - 3.375).abs() < 1e-15);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.CubicHermiteSpline(x, y, dydx, extrapolate)` for 1-d
    /// `y`.
    pub fn hermite<S1, S2, S3>(
        x: &ArrayBase<S1, Ix1>,
        y: &ArrayBase<S2, Ix1>,
        dydx: &ArrayBase<S3, Ix1>,
        extrapolate: bool,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
        S3: Data<Elem = f64>,
    {
        check_xy(x, y)?;
        if dydx.len() != x.len() {
            return Err(InterpolateError::LengthMismatch { x: x.len(), y: dydx.len() });
        }
        let n = x.len();
        let mut c = [vec![0.0; n - 1], vec![0.0; n - 1], vec![0.0; n - 1], vec![0.0; n - 1]];
        for i in 0..n - 1 {
            let dx = x[i + 1] - x[i];
            let slope = (y[i + 1] - y[i]) / dx;
            let t = (dydx[i] + dydx[i + 1] - 2.0 * slope) / dx;
            c[0][i] = t / dx;
            c[1][i] = (slope - dydx[i]) / dx - t;
            c[2][i] = dydx[i];
            c[3][i] = y[i];
        }
        Ok(Self { x: x.to_vec(), c, extrapolate })
    }

    /// The cubic spline through `(x, y)` with twice continuous derivatives and the boundary
    /// conditions `bc` (start, end); SciPy's default is not-a-knot at both ends.
    ///
    /// # Errors
    ///
    /// Length mismatches, NaN/inf, unsorted or repeated `x`, fewer than 2 points.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::Array1;
    /// let x = Array1::linspace(0.0, 10.0, 11);
    /// let s = CubicSpline::new(&x, &x.mapv(f64::sin), [BoundaryCondition::NotAKnot; 2], true)?;
    /// assert!((s.eval(2.5, 0) - 2.5f64.sin()).abs() < 1e-2);
    /// let nat = CubicSpline::new(&x, &x.mapv(f64::sin), [BoundaryCondition::Natural; 2], true)?;
    /// assert!(nat.eval(0.0, 2).abs() < 1e-12);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.CubicSpline(x, y, bc_type, extrapolate)` for 1-d `y`
    /// (`bc_type='periodic'` is not implemented).
    pub fn new<S1, S2>(
        x: &ArrayBase<S1, Ix1>,
        y: &ArrayBase<S2, Ix1>,
        bc: [BoundaryCondition; 2],
        extrapolate: bool,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        use BoundaryCondition as Bc;
        check_xy(x, y)?;
        let n = x.len();
        let dx: Vec<f64> = (0..n - 1).map(|i| x[i + 1] - x[i]).collect();
        let slope: Vec<f64> = (0..n - 1).map(|i| (y[i + 1] - y[i]) / dx[i]).collect();
        let norm = |b: Bc| match b {
            Bc::Natural => Bc::SecondDerivative(0.0),
            Bc::Clamped => Bc::FirstDerivative(0.0),
            other => other,
        };
        let (mut start, mut end) = (norm(bc[0]), norm(bc[1]));
        if n == 2 {
            if start == Bc::NotAKnot {
                start = Bc::FirstDerivative(slope[0]);
            }
            if end == Bc::NotAKnot {
                end = Bc::FirstDerivative(slope[0]);
            }
        }
        let s = if n == 3 && start == Bc::NotAKnot && end == Bc::NotAKnot {
            // Both conditions coincide: the parabola through the three points.
            let dl = vec![dx[1], 1.0];
            let d = vec![1.0, 2.0 * (dx[0] + dx[1]), 1.0];
            let du = vec![1.0, dx[0]];
            let b = vec![2.0 * slope[0], 3.0 * (dx[0] * slope[1] + dx[1] * slope[0]), 2.0 * slope[1]];
            solve_tridiagonal(dl, d, du, b)?
        } else {
            let mut d = vec![0.0; n];
            let mut du = vec![0.0; n - 1];
            let mut dl = vec![0.0; n - 1];
            let mut b = vec![0.0; n];
            for i in 1..n - 1 {
                d[i] = 2.0 * (dx[i - 1] + dx[i]);
                du[i] = dx[i - 1];
                dl[i - 1] = dx[i];
                b[i] = 3.0 * (dx[i] * slope[i - 1] + dx[i - 1] * slope[i]);
            }
            match start {
                Bc::NotAKnot => {
                    let dd = x[2] - x[0];
                    d[0] = dx[1];
                    du[0] = dd;
                    b[0] = ((dx[0] + 2.0 * dd) * dx[1] * slope[0] + dx[0] * dx[0] * slope[1]) / dd;
                }
                Bc::FirstDerivative(v) => {
                    d[0] = 1.0;
                    du[0] = 0.0;
                    b[0] = v;
                }
                Bc::SecondDerivative(v) => {
                    d[0] = 2.0 * dx[0];
                    du[0] = dx[0];
                    b[0] = -0.5 * v * dx[0] * dx[0] + 3.0 * (y[1] - y[0]);
                }
                Bc::Natural | Bc::Clamped => unreachable!("normalized above"),
            }
            match end {
                Bc::NotAKnot => {
                    let dd = x[n - 1] - x[n - 3];
                    d[n - 1] = dx[n - 3];
                    dl[n - 2] = dd;
                    b[n - 1] = (dx[n - 2] * dx[n - 2] * slope[n - 3]
                        + (2.0 * dd + dx[n - 2]) * dx[n - 3] * slope[n - 2])
                        / dd;
                }
                Bc::FirstDerivative(v) => {
                    d[n - 1] = 1.0;
                    dl[n - 2] = 0.0;
                    b[n - 1] = v;
                }
                Bc::SecondDerivative(v) => {
                    d[n - 1] = 2.0 * dx[n - 2];
                    dl[n - 2] = dx[n - 2];
                    b[n - 1] = 0.5 * v * dx[n - 2] * dx[n - 2] + 3.0 * (y[n - 1] - y[n - 2]);
                }
                Bc::Natural | Bc::Clamped => unreachable!("normalized above"),
            }
            solve_tridiagonal(dl, d, du, b)?
        };
        Self::hermite(x, y, &ndarray::Array1::from(s), extrapolate)
    }

    /// The breakpoints.
    pub fn x(&self) -> &[f64] {
        &self.x
    }

    /// The coefficients, highest power first: `c()[m][i]` multiplies `(t - x[i])^(3 - m)`.
    pub fn c(&self) -> &[Vec<f64>; 4] {
        &self.c
    }

    /// The `nu`-th derivative (0 to 3; higher ones are 0) at `t`; NaN outside `[x[0], x[-1]]`
    /// without extrapolation.
    pub fn eval(&self, t: f64, nu: usize) -> f64 {
        let n = self.x.len();
        if t.is_nan() || (!self.extrapolate && (t < self.x[0] || t > self.x[n - 1])) {
            return f64::NAN;
        }
        // SciPy's interval: x[i] <= t < x[i+1], the last closed, clipped at the ends.
        let i = self.x.partition_point(|&v| v <= t).saturating_sub(1).min(n - 2);
        let s = t - self.x[i];
        let (a, b, c, d) = (self.c[0][i], self.c[1][i], self.c[2][i], self.c[3][i]);
        match nu {
            0 => ((a * s + b) * s + c) * s + d,
            1 => (3.0 * a * s + 2.0 * b) * s + c,
            2 => 6.0 * a * s + 2.0 * b,
            3 => 6.0 * a,
            _ => 0.0,
        }
    }

    /// The `nu`-th derivative at every point of `t` (any shape).
    ///
    /// SciPy equivalent: `CubicSpline.__call__(x, nu)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, t: &ArrayBase<S, D>, nu: usize) -> Array<f64, D> {
        t.mapv(|v| self.eval(v, nu))
    }

    /// The spline as a [`PPoly`]: the same breakpoints, coefficients and extrapolation.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let s = CubicSpline::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 4.0], [BoundaryCondition::NotAKnot; 2], true)?;
    /// let pp = s.to_ppoly();
    /// assert_eq!(pp.c().dim(), (4, 2));
    /// assert!((pp.eval(1.5, 0) - 2.25).abs() < 1e-14);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: a `CubicSpline` is a `PPoly` (`PPoly(s.c, s.x)`).
    pub fn to_ppoly(&self) -> PPoly {
        let m = self.x.len() - 1;
        let c = Array2::from_shape_fn((4, m), |(j, i)| self.c[j][i]);
        PPoly::from_parts(c, Array1::from(self.x.clone()), self.extrapolate.into())
    }

    /// The definite integral from `a` to `b`, as [`PPoly::integrate`].
    ///
    /// # Errors
    ///
    /// As [`PPoly::integrate`] (a NaN bound).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let x = array![0.0, 1.0, 2.0, 3.0];
    /// let s = CubicSpline::new(&x, &x.mapv(|v| v * v), [BoundaryCondition::NotAKnot; 2], true)?;
    /// assert!((s.integrate(0.0, 3.0, None)? - 9.0).abs() < 1e-13);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `CubicSpline.integrate(a, b, extrapolate)`.
    pub fn integrate(&self, a: f64, b: f64, extrapolate: Option<Extrapolate>) -> Result<f64> {
        self.to_ppoly().integrate(a, b, extrapolate)
    }

    /// The `nu`-th derivative as a [`PPoly`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let x = array![0.0, 1.0, 2.0, 3.0];
    /// let s = CubicSpline::new(&x, &x.mapv(|v| v * v), [BoundaryCondition::NotAKnot; 2], true)?;
    /// assert!((s.derivative(1).eval(1.5, 0) - 3.0).abs() < 1e-13);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `CubicSpline.derivative(nu)`.
    pub fn derivative(&self, nu: usize) -> PPoly {
        self.to_ppoly().derivative(nu)
    }

    /// The `nu`-th antiderivative as a [`PPoly`], zero at `x[0]`.
    ///
    /// # Errors
    ///
    /// As [`PPoly::antiderivative`] (an order too large to allocate).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let x = array![0.0, 1.0, 2.0, 3.0];
    /// let s = CubicSpline::new(&x, &x.mapv(|v| v * v), [BoundaryCondition::NotAKnot; 2], true)?;
    /// assert!((s.antiderivative(1)?.eval(3.0, 0) - 9.0).abs() < 1e-13);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `CubicSpline.antiderivative(nu)`.
    pub fn antiderivative(&self, nu: usize) -> Result<PPoly> {
        self.to_ppoly().antiderivative(nu)
    }

    /// The real solutions of `s(t) == y`, as [`PPoly::solve`].
    ///
    /// # Errors
    ///
    /// As [`PPoly::solve`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let x = array![0.0, 1.0, 2.0, 3.0];
    /// let s = CubicSpline::new(&x, &x.mapv(|v| v * v), [BoundaryCondition::NotAKnot; 2], false)?;
    /// let r = s.solve(2.0, true, None)?;
    /// assert!(r.len() == 1 && (r[0] - 2f64.sqrt()).abs() < 1e-13);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `CubicSpline.solve(y, discontinuity, extrapolate)`.
    pub fn solve(
        &self,
        y: f64,
        discontinuity: bool,
        extrapolate: Option<Extrapolate>,
    ) -> Result<Array1<f64>> {
        self.to_ppoly().solve(y, discontinuity, extrapolate)
    }

    /// The real roots, as [`PPoly::roots`].
    ///
    /// # Errors
    ///
    /// As [`PPoly::solve`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{BoundaryCondition, CubicSpline};
    /// use sci_interpolate::sci_array::ndarray::Array1;
    /// let x = Array1::linspace(0.0, 10.0, 41);
    /// let s = CubicSpline::new(&x, &x.mapv(f64::sin), [BoundaryCondition::NotAKnot; 2], false)?;
    /// let r = s.roots(true, None)?;
    /// assert_eq!(r.len(), 4); // 0, pi, 2 pi, 3 pi
    /// assert!((r[1] - std::f64::consts::PI).abs() < 1e-4);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `CubicSpline.roots(discontinuity, extrapolate)`.
    pub fn roots(&self, discontinuity: bool, extrapolate: Option<Extrapolate>) -> Result<Array1<f64>> {
        self.to_ppoly().roots(discontinuity, extrapolate)
    }
}

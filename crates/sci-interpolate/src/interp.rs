//! Interpolating splines (`make_interp_spline`) and `interp1d`.

use crate::bspline::{BSpline, basis, find_interval};
use crate::error::{InterpolateError, Result};
use ndarray::{Array, ArrayBase, Data, Dimension, Ix1};

fn check_data<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>) -> Result<()>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.len() != y.len() {
        return Err(InterpolateError::LengthMismatch { x: x.len(), y: y.len() });
    }
    for (arg, a) in [("x", x.view()), ("y", y.view())] {
        if let Some(i) = a.iter().position(|v| !v.is_finite()) {
            return Err(InterpolateError::NotFinite { arg, index: i, value: a[i] });
        }
    }
    Ok(())
}

/// Knots of the interpolating spline of degree `k` with SciPy's default (`bc_type=None`,
/// `_not_a_knot`): the data points without `(k + 1) / 2` at each end for odd `k`; for even `k`
/// the midpoints between data points without `k / 2` at each end (de Boor XIII(12); Dierckx).
pub(crate) fn default_knots(x: &[f64], k: usize) -> Vec<f64> {
    let n = x.len();
    let mut t = vec![x[0]; k + 1];
    if k % 2 == 0 {
        let mids: Vec<f64> = x.windows(2).map(|w| (w[1] + w[0]) / 2.0).collect();
        let k2 = k / 2;
        if mids.len() > 2 * k2 {
            t.extend_from_slice(&mids[k2..mids.len() - k2]);
        }
    } else {
        let k2 = k.div_ceil(2);
        if n > 2 * k2 {
            t.extend_from_slice(&x[k2..n - k2]);
        }
    }
    t.extend(std::iter::repeat_n(x[n - 1], k + 1));
    t
}

/// Solves the banded collocation system `A c = y` (`A[i][j] = B_j(x_i)`, bandwidth `k` on
/// each side). The collocation matrix of B-splines is totally positive, so Gaussian
/// elimination without pivoting is stable (de Boor, *A Practical Guide to Splines*, XIII).
pub(crate) fn solve_collocation(t: &[f64], k: usize, x: &[f64], y: &[f64]) -> Result<Vec<f64>> {
    let n = x.len();
    // Row i holds the k + 1 columns lo[i] ..= lo[i] + k of A, lo[i] = l_i - k for the knot
    // interval l_i of x_i. The intervals do not decrease with i, so eliminating row j from a
    // later row only touches columns inside that row's window: no fill-in outside the band.
    let w = k + 1;
    let mut rows = vec![vec![0.0; w]; n];
    let mut lo = vec![0usize; n];
    let mut rhs = y.to_vec();
    let mut h = vec![0.0; k + 1];
    let mut hh = vec![0.0; k + 1];
    let singular = |j: usize| InterpolateError::InvalidSpline {
        what: format!("the collocation matrix is singular at row {j} (Schoenberg-Whitney conditions fail)"),
    };
    for i in 0..n {
        let l = find_interval(t, k, x[i], k, false).ok_or_else(|| InterpolateError::InvalidSpline {
            what: format!("out of bounds w/ x = {}", x[i]),
        })?;
        basis(t, x[i], k, l, &mut h, &mut hh);
        lo[i] = l - k;
        rows[i].copy_from_slice(&h[..w]);
        // The diagonal entry must lie in the window (B_i(x_i) != 0 is needed anyway).
        if i < lo[i] || i > lo[i] + k {
            return Err(singular(i));
        }
    }
    // Forward elimination.
    for j in 0..n {
        let pivot = rows[j][j - lo[j]];
        if pivot == 0.0 {
            return Err(singular(j));
        }
        for i in j + 1..n.min(j + k + 1) {
            if j < lo[i] {
                continue;
            }
            let f = rows[i][j - lo[i]] / pivot;
            if f == 0.0 {
                continue;
            }
            for col in j..(lo[j] + w).min(n) {
                let v = rows[j][col - lo[j]];
                rows[i][col - lo[i]] -= f * v;
            }
            rhs[i] -= f * rhs[j];
        }
    }
    // Back substitution.
    let mut c = vec![0.0; n];
    for j in (0..n).rev() {
        let mut s = rhs[j];
        for col in j + 1..(lo[j] + w).min(n) {
            s -= rows[j][col - lo[j]] * c[col];
        }
        c[j] = s / rows[j][j - lo[j]];
    }
    Ok(c)
}

/// The interpolating B-spline of degree `k` through `(x, y)`.
///
/// Knots follow SciPy's default boundary condition (`bc_type=None`): degree 0 is piecewise
/// constant, degree 1 piecewise linear, degree 2 uses the midpoints between the data points
/// without the second and second-to-last, odd degrees use the not-a-knot condition. The
/// coefficients solve the banded collocation system.
///
/// # Errors
///
/// [`InterpolateError::LengthMismatch`], [`InterpolateError::NotFinite`],
/// [`InterpolateError::NotIncreasing`] for unsorted or repeated `x`,
/// [`InterpolateError::TooFewPoints`] when there are fewer than `k + 1` points.
///
/// # Examples
///
/// ```
/// use sci_interpolate::make_interp_spline;
/// use sci_interpolate::sci_array::ndarray::Array1;
/// let x = Array1::linspace(0.0, 2.0 * std::f64::consts::PI, 20);
/// let s = make_interp_spline(&x, &x.mapv(f64::sin), 3)?;
/// // SciPy: 0.8414701570143844 (sin(1) = 0.8414709848...)
/// assert!((s.eval(1.0) - 0.8414701570143844).abs() < 1e-14);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.make_interp_spline(x, y, k)` with `bc_type=None`, 1-d
/// `y` (other boundary conditions and n-d `y` are not implemented).
pub fn make_interp_spline<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>, k: usize) -> Result<BSpline>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    check_data(x, y)?;
    let n = x.len();
    // `n <= k` rather than `n < k + 1`: `k` may be as large as `usize::MAX`.
    if n <= k || n == 0 {
        return Err(InterpolateError::TooFewPoints { k, needed: k.saturating_add(1), found: n });
    }
    if let Some(i) = x.windows(2).into_iter().position(|w| w[1] <= w[0]) {
        return Err(InterpolateError::NotIncreasing { arg: "x", index: i + 1 });
    }
    let xs: Vec<f64> = x.to_vec();
    let ys: Vec<f64> = y.to_vec();
    match k {
        0 => {
            let mut t = xs.clone();
            t.push(xs[n - 1]);
            BSpline::new(t, ys, 0, true)
        }
        1 => {
            let mut t = vec![xs[0]];
            t.extend_from_slice(&xs);
            t.push(xs[n - 1]);
            BSpline::new(t, ys, 1, true)
        }
        _ => {
            if n == 1 {
                return Err(InterpolateError::TooFewPoints { k, needed: k.saturating_add(1), found: n });
            }
            let t = default_knots(&xs, k);
            let c = solve_collocation(&t, k, &xs, &ys)?;
            BSpline::new(t, c, k, true)
        }
    }
}

/// The interpolation kind of [`Interp1d`] (SciPy's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Piecewise linear (the default).
    #[default]
    Linear,
    /// The nearest data point, rounding half down.
    Nearest,
    /// The nearest data point, rounding half up.
    NearestUp,
    /// The previous data point.
    Previous,
    /// The next data point.
    Next,
    /// A spline of degree 0 (`'zero'`).
    Zero,
    /// A spline of degree 1 (`'slinear'`).
    SLinear,
    /// A spline of degree 2 (`'quadratic'`).
    Quadratic,
    /// A spline of degree 3 (`'cubic'`).
    Cubic,
    /// A spline of the given degree (SciPy's integer `kind`).
    Spline(usize),
}

/// What [`Interp1d`] does outside `[x[0], x[-1]]` (SciPy's `bounds_error` and `fill_value`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum OutOfRange {
    /// An error (SciPy's default `bounds_error=True` with `fill_value=nan`).
    #[default]
    Error,
    /// This value on both sides (`bounds_error=False, fill_value=v`; NaN is SciPy's default).
    Fill(f64),
    /// Below and above values (`fill_value=(below, above)`).
    FillPair(f64, f64),
    /// Extrapolate (`fill_value="extrapolate"`).
    Extrapolate,
}

/// A 1-d interpolating function, like SciPy's legacy `interp1d` class.
#[derive(Debug, Clone)]
pub struct Interp1d {
    x: Vec<f64>,
    y: Vec<f64>,
    kind: Kind,
    out: OutOfRange,
    spline: Option<BSpline>,
    /// Midpoints between neighbouring `x`, computed once for the nearest kinds.
    mids: Vec<f64>,
}

impl Interp1d {
    /// Builds the interpolant of `(x, y)`; `x` need not be sorted (it is sorted with `y`, as
    /// SciPy does with `assume_sorted=False`).
    ///
    /// # Errors
    ///
    /// [`InterpolateError::LengthMismatch`], [`InterpolateError::NotFinite`] for NaN/inf in
    /// `x`, [`InterpolateError::TooFewPoints`] (at least 1 point, 2 for linear, `k + 1` for a
    /// spline), [`InterpolateError::NotIncreasing`] for repeated `x` with a spline kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Interp1d, Kind, OutOfRange};
    /// use sci_interpolate::sci_array::ndarray::{array, Array1};
    /// let x = Array1::linspace(0.0, 10.0, 11);
    /// let y = x.mapv(|v: f64| (-v / 3.0).exp());
    /// let f = Interp1d::new(&x, &y, Kind::Linear, OutOfRange::Error)?;
    /// let v = f.call(&array![0.5, 2.5])?;
    /// assert!((v[0] - (1.0 + (-1.0f64 / 3.0).exp()) / 2.0).abs() < 1e-15);
    /// assert!(f.call(&array![11.0]).is_err());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.interp1d(x, y, kind, bounds_error, fill_value)`
    /// for 1-d `y`.
    pub fn new<S1, S2>(
        x: &ArrayBase<S1, Ix1>,
        y: &ArrayBase<S2, Ix1>,
        kind: Kind,
        out: OutOfRange,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        if x.len() != y.len() {
            return Err(InterpolateError::LengthMismatch { x: x.len(), y: y.len() });
        }
        if let Some(i) = x.iter().position(|v| !v.is_finite()) {
            return Err(InterpolateError::NotFinite { arg: "x", index: i, value: x[i] });
        }
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
        let xs: Vec<f64> = order.iter().map(|&i| x[i]).collect();
        let ys: Vec<f64> = order.iter().map(|&i| y[i]).collect();
        let degree = match kind {
            Kind::Zero => Some(0),
            Kind::SLinear => Some(1),
            Kind::Quadratic => Some(2),
            Kind::Cubic => Some(3),
            Kind::Spline(k) => Some(k),
            _ => None,
        };
        let min_points = match (kind, degree) {
            (_, Some(k)) => k.saturating_add(1),
            (Kind::Linear, None) => 2,
            _ => 1,
        };
        if xs.len() < min_points {
            return Err(InterpolateError::TooFewPoints {
                k: degree.unwrap_or(1),
                needed: min_points,
                found: xs.len(),
            });
        }
        let spline = match degree {
            Some(k) => {
                let xa = ndarray::Array1::from(xs.clone());
                let ya = ndarray::Array1::from(ys.clone());
                Some(make_interp_spline(&xa, &ya, k)?)
            }
            None => None,
        };
        let mids = match kind {
            Kind::Nearest | Kind::NearestUp => xs.windows(2).map(|w| w[0] + (w[1] - w[0]) / 2.0).collect(),
            _ => Vec::new(),
        };
        Ok(Self { x: xs, y: ys, kind, out, spline, mids })
    }

    fn inside(&self, v: f64) -> f64 {
        let (x, y) = (&self.x, &self.y);
        let n = x.len();
        match self.kind {
            Kind::Linear => {
                // np.searchsorted(x, v) clipped to [1, n - 1], as SciPy's _call_linear.
                let idx = x.partition_point(|&a| a < v).clamp(1, n - 1);
                let (lo, hi) = (idx - 1, idx);
                let slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
                slope * (v - x[lo]) + y[lo]
            }
            Kind::Nearest | Kind::NearestUp => {
                // Midpoints between data points; 'nearest' rounds half down, 'nearest-up' up.
                let mids = &self.mids;
                let i = if self.kind == Kind::Nearest {
                    mids.partition_point(|&m| m < v)
                } else {
                    mids.partition_point(|&m| m <= v)
                };
                y[i.min(n - 1)]
            }
            Kind::Previous => {
                let i = x.partition_point(|&a| a <= v);
                if i == 0 { f64::NAN } else { y[i - 1] }
            }
            Kind::Next => {
                let i = x.partition_point(|&a| a < v);
                if i >= n { f64::NAN } else { y[i] }
            }
            _ => self.spline.as_ref().map_or(f64::NAN, |s| s.eval(v)),
        }
    }

    /// The interpolant at one point.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::OutOfBounds`] outside the data range with [`OutOfRange::Error`].
    pub fn eval(&self, v: f64) -> Result<f64> {
        let (first, last) = (self.x[0], self.x[self.x.len() - 1]);
        let below = v < first;
        let above = v > last;
        if !(below || above) || v.is_nan() {
            return Ok(self.inside(v));
        }
        match self.out {
            OutOfRange::Error => Err(if below {
                InterpolateError::OutOfBounds { value: v, side: "below", limit_name: "minimum", limit: first }
            } else {
                InterpolateError::OutOfBounds { value: v, side: "above", limit_name: "maximum", limit: last }
            }),
            OutOfRange::Fill(f) => Ok(f),
            OutOfRange::FillPair(b, a) => Ok(if below { b } else { a }),
            OutOfRange::Extrapolate => Ok(self.inside(v)),
        }
    }

    /// The interpolant at every point of `x_new` (any shape).
    ///
    /// # Errors
    ///
    /// As [`Interp1d::eval`], for the first point out of range.
    ///
    /// SciPy equivalent: `interp1d.__call__(x_new)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, x_new: &ArrayBase<S, D>) -> Result<Array<f64, D>> {
        let mut out = Array::zeros(x_new.raw_dim());
        for (o, &v) in out.iter_mut().zip(x_new.iter()) {
            *o = self.eval(v)?;
        }
        Ok(out)
    }
}

//! Interpolation on a regular (rectilinear) grid in any number of dimensions:
//! `RegularGridInterpolator` and `interpn`.

use crate::bspline::{basis, find_interval};
use crate::error::{InterpolateError, Result};
use crate::interp::{default_knots, solve_collocation};
use crate::pchip_akima::PchipInterpolator;
use ndarray::{Array1, ArrayBase, ArrayD, Axis, Data, Dimension, Ix1, IxDyn};

/// The most grid values one point may combine (SciPy has no limit and runs for ever).
const MAX_CORNERS: usize = 1 << 24;

/// The interpolation method of [`RegularGridInterpolator`] and [`interpn`] (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GridMethod {
    /// Multilinear interpolation in each grid cell (the default).
    #[default]
    Linear,
    /// The value at the nearest grid point; a point exactly half-way between two grid
    /// values takes the lower one (of the grid sorted in ascending order).
    Nearest,
    /// The tensor-product interpolating spline of degree 1 (`'slinear'`).
    Slinear,
    /// The tensor-product interpolating spline of degree 3 with not-a-knot ends (`'cubic'`).
    Cubic,
    /// The tensor-product interpolating spline of degree 5 with not-a-knot ends (`'quintic'`).
    Quintic,
    /// PCHIP interpolation along each dimension in turn, the last dimension first (`'pchip'`;
    /// the result depends on that order as PCHIP is not linear).
    Pchip,
}

impl GridMethod {
    /// The spline degree of the spline methods (3 for PCHIP: it needs 4 points, as in SciPy).
    fn degree(self) -> Option<usize> {
        match self {
            GridMethod::Slinear => Some(1),
            GridMethod::Cubic => Some(3),
            GridMethod::Quintic => Some(5),
            GridMethod::Pchip => Some(3),
            GridMethod::Linear | GridMethod::Nearest => None,
        }
    }

    /// SciPy's string for the method.
    fn name(self) -> &'static str {
        match self {
            GridMethod::Linear => "linear",
            GridMethod::Nearest => "nearest",
            GridMethod::Slinear => "slinear",
            GridMethod::Cubic => "cubic",
            GridMethod::Quintic => "quintic",
            GridMethod::Pchip => "pchip",
        }
    }
}

/// The keyword arguments of [`RegularGridInterpolator`] and [`interpn`]; `Default` is SciPy's
/// (`method='linear'`, `bounds_error=True`, `fill_value=nan`; `interpn` has the same defaults).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridOptions {
    /// The interpolation method.
    pub method: GridMethod,
    /// Whether a point outside the grid is an error ([`InterpolateError::OutOfGrid`]).
    pub bounds_error: bool,
    /// The value at points outside the grid when `bounds_error` is false; `None` extrapolates
    /// (linearly, from the nearest grid value, or from the end polynomials of the spline).
    pub fill_value: Option<f64>,
}

impl Default for GridOptions {
    fn default() -> Self {
        Self { method: GridMethod::Linear, bounds_error: true, fill_value: Some(f64::NAN) }
    }
}

/// Interpolation on a rectilinear grid in any number of dimensions.
///
/// The data are `values[i0, i1, ..., i(n-1), ...]` at the grid points
/// `(points[0][i0], ..., points[n-1][i(n-1)])`; dimensions of `values` after the first `n` are
/// carried along (each point of `xi` gives an array of their shape). Each `points[d]` is
/// strictly ascending or strictly descending.
///
/// [`GridMethod::Linear`] weighs the `2^n` corners of the cell that holds the point,
/// [`GridMethod::Nearest`] takes the nearest grid value, and the spline methods evaluate the
/// tensor-product spline of degree 1, 3 or 5 (not-a-knot) that interpolates the data.
///
/// SciPy equivalent: `scipy.interpolate.RegularGridInterpolator`. The spline coefficients are
/// the exact solution of the tensor-product collocation system (axis by axis), as SciPy's
/// `solver=scipy.sparse.linalg.spsolve` and its `*_legacy` methods; SciPy's default iterative
/// solver (`gcrotmk`, `atol=1e-6`) only approximates it. `method='pchip'` with NaN or
/// infinite values is an error here. Derivatives (`nu`) are [`RegularGridInterpolator::derivative`].
/// Not implemented: complex values, `solver`/`solver_args`.
#[derive(Debug, Clone)]
pub struct RegularGridInterpolator {
    /// The grid, each dimension ascending.
    grid: Vec<Vec<f64>>,
    /// The data, flipped along the descending dimensions, in standard layout.
    values: ArrayD<f64>,
    options: GridOptions,
    /// Degree, knots and coefficients of the spline of `options.method`, solved once (as
    /// SciPy builds its `NdBSpline` in the constructor).
    spline: Option<(usize, Vec<Vec<f64>>, ArrayD<f64>)>,
}

/// The grid of `points` (ascending) and the dimensions given in descending order, checked as
/// SciPy's `_check_points` does (and with an error for an empty dimension).
fn check_points<S: Data<Elem = f64>>(points: &[ArrayBase<S, Ix1>]) -> Result<(Vec<Vec<f64>>, Vec<usize>)> {
    if points.is_empty() {
        return Err(InterpolateError::InvalidArgument {
            arg: "points",
            what: "there must be at least one dimension, got 0 point arrays".to_string(),
        });
    }
    let mut grid = Vec::with_capacity(points.len());
    let mut descending = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let mut p = p.to_vec();
        if p.is_empty() {
            return Err(InterpolateError::InvalidArgument {
                arg: "points",
                what: format!("The points in dimension {i} are empty"),
            });
        }
        if !p.windows(2).all(|w| w[1] > w[0]) {
            if p.windows(2).all(|w| w[1] < w[0]) {
                descending.push(i);
                p.reverse();
            } else {
                return Err(InterpolateError::InvalidArgument {
                    arg: "points",
                    what: format!("The points in dimension {i} must be strictly ascending or descending"),
                });
            }
        }
        grid.push(p);
    }
    Ok((grid, descending))
}

/// SciPy's `_check_dimensionality`.
fn check_dimensionality(grid: &[Vec<f64>], shape: &[usize]) -> Result<()> {
    if grid.len() > shape.len() {
        return Err(InterpolateError::InvalidArgument {
            arg: "values",
            what: format!("There are {} point arrays, but values has {} dimensions", grid.len(), shape.len()),
        });
    }
    for (i, p) in grid.iter().enumerate() {
        if shape[i] != p.len() {
            return Err(InterpolateError::InvalidArgument {
                arg: "values",
                what: format!("There are {} points and {} values in dimension {i}", p.len(), shape[i]),
            });
        }
    }
    Ok(())
}

/// The `m`-th derivatives of the `k + 1` B-splines of degree `k` that are non-zero in the knot
/// interval `l`, at `x`: the B-splines of degree `k - m`, then `m` steps of
/// `D B_{j,p} = p (B_{j,p-1} / (t_{j+p} - t_j) - B_{j+1,p-1} / (t_{j+p+1} - t_{j+1}))`.
/// Zero for `m > k`.
fn basis_derivative(t: &[f64], x: f64, k: usize, l: usize, m: usize, h: &mut [f64], hh: &mut [f64]) {
    if m == 0 {
        basis(t, x, k, l, h, hh);
        return;
    }
    if m > k {
        h.fill(0.0);
        return;
    }
    let q0 = k - m;
    basis(t, x, q0, l, h, hh);
    for p in q0 + 1..=k {
        // h[0..p] holds the degree p - 1 values for j = l - (p - 1) ..= l.
        hh[..p].copy_from_slice(&h[..p]);
        let pf = p as f64;
        for b in 0..=p {
            let j = l + b - p;
            let left = if b >= 1 {
                let den = t[j + p] - t[j];
                if den == 0.0 { 0.0 } else { hh[b - 1] / den }
            } else {
                0.0
            };
            let right = if b < p {
                let den = t[j + p + 1] - t[j + 1];
                if den == 0.0 { 0.0 } else { hh[b] / den }
            } else {
                0.0
            };
            h[b] = pf * (left - right);
        }
    }
}

/// SciPy's PCHIP gives NaN around non-finite values; here they are an error.
fn check_pchip_values<'a>(mut values: impl Iterator<Item = &'a f64>, method: GridMethod) -> Result<()> {
    if method == GridMethod::Pchip && values.any(|v| !v.is_finite()) {
        return Err(InterpolateError::InvalidArgument {
            arg: "values",
            what: "method pchip needs finite values".to_string(),
        });
    }
    Ok(())
}

/// SciPy's `_validate_grid_dimensions`: a spline of degree `k` needs `k + 1` points per
/// dimension.
fn check_spline_points(grid: &[Vec<f64>], method: GridMethod) -> Result<()> {
    if let Some(k) = method.degree() {
        for (i, p) in grid.iter().enumerate() {
            if p.len() <= k {
                return Err(InterpolateError::InvalidArgument {
                    arg: "points",
                    what: format!(
                        "There are {} points in dimension {i}, but method {} requires at least {} points per dimension.",
                        p.len(),
                        method.name(),
                        k + 1
                    ),
                });
            }
        }
    }
    Ok(())
}

/// SciPy's `find_interval_ascending` with extrapolation: `i` with `x[i] <= v < x[i + 1]`,
/// `0` below the grid, `n - 2` at or above its last value, `None` for NaN. `x` has at least 2
/// values.
fn find_cell(x: &[f64], v: f64) -> Option<usize> {
    let n = x.len();
    if v.is_nan() {
        None
    } else if v >= x[n - 1] {
        Some(n - 2)
    } else {
        Some(x.partition_point(|&a| a <= v).saturating_sub(1).min(n - 2))
    }
}

/// The tensor-product spline coefficients of `values` (the first `grid.len()` axes on the grid):
/// one banded collocation solve per fibre, axis by axis.
fn spline_coefficients(
    grid: &[Vec<f64>],
    values: &ArrayD<f64>,
    k: usize,
) -> Result<(Vec<Vec<f64>>, ArrayD<f64>)> {
    let knots: Vec<Vec<f64>> = grid.iter().map(|x| default_knots(x, k)).collect();
    let mut c = values.clone();
    for (d, x) in grid.iter().enumerate() {
        let mut fibre = vec![0.0; x.len()];
        for mut lane in c.lanes_mut(Axis(d)) {
            fibre.iter_mut().zip(lane.iter()).for_each(|(f, &v)| *f = v);
            let sol = solve_collocation(&knots[d], k, x, &fibre)?;
            lane.iter_mut().zip(sol).for_each(|(l, s)| *l = s);
        }
    }
    Ok((knots, c))
}

impl RegularGridInterpolator {
    /// Builds the interpolator of `values` on the grid `points`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] when a dimension of `points` is empty or not
    /// strictly monotonic, there are more point arrays than dimensions of `values`, the
    /// lengths do not match the shape of `values`, a spline method has fewer than
    /// `degree + 1` points in some dimension (4 for PCHIP), or `values` has NaN or infinity
    /// with [`GridMethod::Pchip`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{GridOptions, RegularGridInterpolator};
    /// use sci_interpolate::sci_array::ndarray::{array, Array2};
    /// // f(x, y) = x + 2 y on a 3 x 4 grid: linear interpolation is exact.
    /// let x = array![0.0, 1.0, 3.0];
    /// let y = array![0.0, 0.5, 1.0, 2.0];
    /// let v = Array2::from_shape_fn((3, 4), |(i, j)| x[i] + 2.0 * y[j]);
    /// let f = RegularGridInterpolator::new(&[x, y], &v, GridOptions::default())?;
    /// let out = f.call(&array![[0.5, 0.25], [2.0, 1.5]])?;
    /// assert_eq!(out.as_slice().unwrap(), &[1.0, 5.0]);
    /// assert!(f.call(&array![[4.0, 0.0]]).is_err()); // bounds_error=True
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.RegularGridInterpolator(points, values, method,
    /// bounds_error, fill_value)`.
    pub fn new<S1, S2, D>(
        points: &[ArrayBase<S1, Ix1>],
        values: &ArrayBase<S2, D>,
        options: GridOptions,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
        D: Dimension,
    {
        let (grid, descending) = check_points(points)?;
        check_dimensionality(&grid, values.shape())?;
        check_spline_points(&grid, options.method)?;
        check_pchip_values(values.iter(), options.method)?;
        let mut v = values.view().into_dyn();
        for &d in &descending {
            v.invert_axis(Axis(d));
        }
        let values = v.as_standard_layout().into_owned();
        let spline = match options.method.degree() {
            Some(k) if options.method != GridMethod::Pchip => {
                let (knots, coef) = spline_coefficients(&grid, &values, k)?;
                Some((k, knots, coef))
            }
            _ => None,
        };
        Ok(Self { grid, values, options, spline })
    }

    /// The grid, each dimension in ascending order (descending input is flipped, as SciPy's
    /// `grid` property).
    pub fn grid(&self) -> &[Vec<f64>] {
        &self.grid
    }

    /// The values, flipped along the dimensions given in descending order.
    pub fn values(&self) -> &ArrayD<f64> {
        &self.values
    }

    /// The options the interpolator was built with.
    pub fn options(&self) -> GridOptions {
        self.options
    }

    /// The interpolant at the points `xi`: the last axis of `xi` holds the coordinates (its
    /// length is the number of grid dimensions); a 1-d `xi` is read as consecutive points, as
    /// SciPy does. The result has the shape `xi.shape[:-1] + values.shape[ndim:]`.
    ///
    /// NaN coordinates give NaN when `bounds_error` is false (and are out of bounds when it is
    /// true).
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] when the last axis of `xi` does not have the
    /// number of grid dimensions, or when a point would combine more than 2^24 grid values
    /// (linear interpolation in more than 24 dimensions, cubic in more than 12);
    /// [`InterpolateError::OutOfGrid`] for a point outside the grid with `bounds_error`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{GridMethod, GridOptions, RegularGridInterpolator};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let opts = GridOptions { method: GridMethod::Nearest, bounds_error: false, fill_value: Some(-1.0) };
    /// let f = RegularGridInterpolator::new(&[array![0.0, 1.0, 2.0]], &array![10.0, 20.0, 30.0], opts)?;
    /// // Half-way points take the lower grid value; outside the grid, the fill value.
    /// let out = f.call(&array![0.5, 1.6, 2.5])?;
    /// assert_eq!(out.as_slice().unwrap(), &[10.0, 30.0, -1.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `RegularGridInterpolator.__call__(xi)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, xi: &ArrayBase<S, D>) -> Result<ArrayD<f64>> {
        self.call_with(xi, self.options.method)
    }

    /// As [`RegularGridInterpolator::call`] with another method (SciPy's `method` argument of
    /// `__call__`).
    ///
    /// # Errors
    ///
    /// As [`RegularGridInterpolator::call`], and [`InterpolateError::InvalidArgument`] when a
    /// spline method needs more grid points than there are.
    ///
    /// SciPy equivalent: `RegularGridInterpolator.__call__(xi, method)`.
    pub fn call_with<S: Data<Elem = f64>, D: Dimension>(
        &self,
        xi: &ArrayBase<S, D>,
        method: GridMethod,
    ) -> Result<ArrayD<f64>> {
        self.evaluate(xi.view().into_dyn(), method, None)
    }

    /// The partial derivative of order `nu[d]` in each dimension `d` of the spline
    /// interpolant at the points `xi` (SciPy's `nu`; only for the spline methods).
    ///
    /// # Errors
    ///
    /// As [`RegularGridInterpolator::call_with`], and [`InterpolateError::InvalidArgument`]
    /// when `nu` does not have one order per grid dimension or `method` is not
    /// [`GridMethod::Slinear`], [`GridMethod::Cubic`] or [`GridMethod::Quintic`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{GridMethod, GridOptions, RegularGridInterpolator};
    /// use sci_interpolate::sci_array::ndarray::{array, Array1, Array2};
    /// // f(x, y) = x^3 y^2 is reproduced by the bicubic spline; d^2 f / dx dy = 6 x^2 y.
    /// let g: Array1<f64> = Array1::linspace(0.0, 2.0, 7);
    /// let v = Array2::from_shape_fn((7, 7), |(i, j)| g[i].powi(3) * g[j].powi(2));
    /// let opts = GridOptions { method: GridMethod::Cubic, ..Default::default() };
    /// let f = RegularGridInterpolator::new(&[g.clone(), g], &v, opts)?;
    /// let d = f.derivative(&array![[0.5, 1.5]], &[1, 1], GridMethod::Cubic)?;
    /// assert!((d[0] - 6.0 * 0.25 * 1.5).abs() < 1e-12);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `RegularGridInterpolator.__call__(xi, method, nu=nu)`.
    pub fn derivative<S: Data<Elem = f64>, D: Dimension>(
        &self,
        xi: &ArrayBase<S, D>,
        nu: &[usize],
        method: GridMethod,
    ) -> Result<ArrayD<f64>> {
        if method.degree().is_none() || method == GridMethod::Pchip {
            return Err(InterpolateError::InvalidArgument {
                arg: "method",
                what: format!(
                    "Can only compute derivatives for methods slinear, cubic, quintic, got method = '{}'.",
                    method.name()
                ),
            });
        }
        if nu.len() != self.grid.len() {
            return Err(InterpolateError::InvalidArgument {
                arg: "nu",
                what: format!(
                    "invalid number of derivative orders nu = {nu:?} for ndim = {}.",
                    self.grid.len()
                ),
            });
        }
        self.evaluate(xi.view().into_dyn(), method, Some(nu))
    }

    fn evaluate(
        &self,
        xi: ndarray::ArrayViewD<'_, f64>,
        method: GridMethod,
        nu: Option<&[usize]>,
    ) -> Result<ArrayD<f64>> {
        let ndim = self.grid.len();
        // SciPy's `_ndim_coords_from_arrays`: a 1-d array is reshaped to (-1, ndim).
        let (pts, lead_shape): (Vec<f64>, Vec<usize>) = if xi.ndim() <= 1 {
            if xi.len() % ndim != 0 {
                return Err(InterpolateError::InvalidArgument {
                    arg: "xi",
                    what: format!("cannot reshape {} coordinates into points of dimension {ndim}", xi.len()),
                });
            }
            (xi.iter().copied().collect(), vec![xi.len() / ndim])
        } else {
            let last = xi.shape()[xi.ndim() - 1];
            if last != ndim {
                return Err(InterpolateError::InvalidArgument {
                    arg: "xi",
                    what: format!(
                        "The requested sample points xi have dimension {last} but this RegularGridInterpolator has dimension {ndim}"
                    ),
                });
            }
            (xi.iter().copied().collect(), xi.shape()[..xi.ndim() - 1].to_vec())
        };
        let m = lead_shape.iter().product::<usize>();
        if self.options.bounds_error {
            for (d, g) in self.grid.iter().enumerate() {
                let (lo, hi) = (g[0], g[g.len() - 1]);
                if let Some(&v) = pts.iter().skip(d).step_by(ndim).find(|&&v| !(lo <= v && v <= hi)) {
                    return Err(InterpolateError::OutOfGrid { dim: d, value: v, lower: lo, upper: hi });
                }
            }
        }
        check_spline_points(&self.grid, method)?;
        check_pchip_values(self.values.iter(), method)?;
        // Each point visits 2^ndim cell corners (linear) or (k + 1)^ndim coefficients (splines).
        let corners = match method {
            GridMethod::Nearest | GridMethod::Pchip => Some(1),
            GridMethod::Linear => 2usize.checked_pow(ndim as u32),
            m => m.degree().and_then(|k| (k + 1).checked_pow(ndim as u32)),
        };
        if corners.is_none_or(|c| c > MAX_CORNERS) {
            return Err(InterpolateError::InvalidArgument {
                arg: "values",
                what: format!(
                    "method {} on a grid of {ndim} dimensions visits more than {MAX_CORNERS} values per point",
                    method.name()
                ),
            });
        }
        let trailing: Vec<usize> = self.values.shape()[ndim..].to_vec();
        let r = trailing.iter().product::<usize>();
        let mut out = vec![0.0; m * r];
        let vals = self.values.as_slice().expect("standard layout");
        match method.degree() {
            _ if method == GridMethod::Pchip => {
                // The interpolants along the last dimension do not depend on the point: built
                // once, as SciPy does.
                let last = ndim - 1;
                let x = Array1::from(self.grid[last].clone());
                let nl = x.len();
                let mut fibre = Array1::zeros(nl);
                let mut first = Vec::with_capacity(vals.len() / nl);
                for o in 0..vals.len() / (nl * r.max(1)) {
                    for t in 0..r {
                        for (i, f) in fibre.iter_mut().enumerate() {
                            *f = vals[(o * nl + i) * r + t];
                        }
                        first.push(PchipInterpolator::new(&x, &fibre, true)?);
                    }
                }
                let mut reduced = vec![0.0; first.len()];
                for (p, o) in pts.chunks_exact(ndim).zip(out.chunks_exact_mut(r.max(1))) {
                    if p.iter().any(|v| v.is_nan()) {
                        o.fill(f64::NAN);
                        continue;
                    }
                    for (v, f) in reduced.iter_mut().zip(&first) {
                        *v = f.eval(p[last], 0);
                    }
                    self.pchip_point(&reduced, p, r, o)?;
                }
            }
            None => {
                let mut cell = vec![(0usize, 0usize, 0.0f64, 0.0f64); ndim];
                for (p, o) in pts.chunks_exact(ndim).zip(out.chunks_exact_mut(r.max(1))) {
                    if p.iter().any(|v| v.is_nan()) {
                        o.fill(f64::NAN);
                        continue;
                    }
                    for (c, (&v, g)) in cell.iter_mut().zip(p.iter().zip(&self.grid)) {
                        *c = if g.len() == 1 {
                            // SciPy: index -1 (wrapping to the only value), distance 0.
                            (0, 0, 1.0, 0.0)
                        } else {
                            let i = find_cell(g, v).unwrap_or(0);
                            let t = (v - g[i]) / (g[i + 1] - g[i]);
                            (i, i + 1, 1.0 - t, t)
                        };
                    }
                    if method == GridMethod::Linear {
                        self.linear_point(vals, &cell, r, o);
                    } else {
                        let mut flat = 0;
                        for (d, &(i, j, _, t)) in cell.iter().enumerate() {
                            flat = flat * self.grid[d].len() + if t <= 0.5 { i } else { j };
                        }
                        o.copy_from_slice(&vals[flat * r..(flat + 1) * r]);
                    }
                }
            }
            Some(k) => {
                let solved;
                let (knots, coef) = match &self.spline {
                    Some((degree, knots, coef)) if *degree == k => (knots, coef),
                    _ => {
                        solved = spline_coefficients(&self.grid, &self.values, k)?;
                        (&solved.0, &solved.1)
                    }
                };
                let coef = coef.as_slice().expect("standard layout");
                let mut h = vec![vec![0.0; k + 1]; ndim];
                let mut hh = vec![0.0; k + 1];
                let mut start = vec![0usize; ndim];
                for (p, o) in pts.chunks_exact(ndim).zip(out.chunks_exact_mut(r.max(1))) {
                    if p.iter().any(|v| v.is_nan()) {
                        o.fill(f64::NAN);
                        continue;
                    }
                    for d in 0..ndim {
                        let t = &knots[d];
                        // Infinite coordinates have no interval: the spline is NaN there.
                        match find_interval(t, k, p[d], k, true) {
                            Some(l) if p[d].is_finite() => {
                                let m = nu.map_or(0, |nu| nu[d]);
                                basis_derivative(t, p[d], k, l, m, &mut h[d], &mut hh);
                                start[d] = l - k;
                            }
                            _ => {
                                h[d].fill(f64::NAN);
                                start[d] = 0;
                            }
                        }
                    }
                    self.spline_point(coef, &h, &start, k, r, o);
                }
            }
        }
        if !self.options.bounds_error
            && let Some(fill) = self.options.fill_value
        {
            for (p, o) in pts.chunks_exact(ndim).zip(out.chunks_exact_mut(r.max(1))) {
                let outside = p.iter().zip(&self.grid).any(|(&v, g)| v < g[0] || v > g[g.len() - 1]);
                if outside && !p.iter().any(|v| v.is_nan()) {
                    o.fill(fill);
                }
            }
        }
        let mut shape = lead_shape;
        shape.extend_from_slice(&trailing);
        Ok(ArrayD::from_shape_vec(IxDyn(&shape), out).expect("shape"))
    }

    /// PCHIP at one point as SciPy's recursive evaluation: `vals` has the last grid dimension
    /// reduced already; then the one before it (one PCHIP interpolant per fibre), down to the
    /// first.
    fn pchip_point(&self, vals: &[f64], p: &[f64], r: usize, out: &mut [f64]) -> Result<()> {
        let mut cur = vals.to_vec();
        let mut fibre = Array1::zeros(0);
        for d in (0..self.grid.len() - 1).rev() {
            let x = Array1::from(self.grid[d].clone());
            let nd = x.len();
            let outer = cur.len() / (nd * r.max(1));
            let mut next = vec![0.0; outer * r];
            fibre = if fibre.len() == nd { fibre } else { Array1::zeros(nd) };
            for o in 0..outer {
                for t in 0..r {
                    for (i, f) in fibre.iter_mut().enumerate() {
                        *f = cur[(o * nd + i) * r + t];
                    }
                    let pchip = PchipInterpolator::new(&x, &fibre, true)?;
                    next[o * r + t] = pchip.eval(p[d], 0);
                }
            }
            cur = next;
        }
        out.copy_from_slice(&cur);
        Ok(())
    }

    /// Multilinear interpolation in one cell: the `2^ndim` corners in SciPy's order (the first
    /// dimension varying slowest), each weight a product of per-dimension weights.
    fn linear_point(&self, vals: &[f64], cell: &[(usize, usize, f64, f64)], r: usize, out: &mut [f64]) {
        let ndim = cell.len();
        out.fill(0.0);
        for corner in 0..(1usize << ndim) {
            let mut weight = 1.0;
            let mut flat = 0;
            for (d, &(i, j, wi, wj)) in cell.iter().enumerate() {
                let upper = (corner >> (ndim - 1 - d)) & 1 == 1;
                weight *= if upper { wj } else { wi };
                flat = flat * self.grid[d].len() + if upper { j } else { i };
            }
            for (o, &v) in out.iter_mut().zip(&vals[flat * r..(flat + 1) * r]) {
                *o += v * weight;
            }
        }
    }

    /// The tensor-product spline at one point from the non-zero B-splines `h[d]` starting at
    /// coefficient `start[d]` in each dimension.
    fn spline_point(
        &self,
        coef: &[f64],
        h: &[Vec<f64>],
        start: &[usize],
        k: usize,
        r: usize,
        out: &mut [f64],
    ) {
        let ndim = h.len();
        out.fill(0.0);
        let total = (k + 1).pow(ndim as u32);
        let mut idx = vec![0usize; ndim];
        for _ in 0..total {
            let mut weight = 1.0;
            let mut flat = 0;
            for d in 0..ndim {
                weight *= h[d][idx[d]];
                flat = flat * self.grid[d].len() + start[d] + idx[d];
            }
            for (o, &c) in out.iter_mut().zip(&coef[flat * r..(flat + 1) * r]) {
                *o += c * weight;
            }
            // Next multi-index, the last dimension fastest.
            for d in (0..ndim).rev() {
                idx[d] += 1;
                if idx[d] <= k {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}

/// Interpolation on a regular grid at the points `xi`, in one call.
///
/// Builds a [`RegularGridInterpolator`] and evaluates it; the defaults of `interpn` are the
/// same as those of the class (`method='linear'`, `bounds_error=True`, `fill_value=nan`).
///
/// # Errors
///
/// As [`RegularGridInterpolator::new`] and [`RegularGridInterpolator::call`].
///
/// # Examples
///
/// ```
/// use sci_interpolate::{interpn, GridOptions};
/// use sci_interpolate::sci_array::ndarray::{array, Array1, Array3};
/// // SciPy's docstring example: f(x, y, z) = 2x + 3y - z on a 5 x 6 x 7 grid.
/// let (x, y, z): (Array1<f64>, Array1<f64>, Array1<f64>) =
///     (Array1::linspace(0.0, 4.0, 5), Array1::linspace(0.0, 5.0, 6), Array1::linspace(0.0, 6.0, 7));
/// let v = Array3::from_shape_fn((5, 6, 7), |(i, j, k)| 2.0 * x[i] + 3.0 * y[j] - z[k]);
/// let out = interpn(&[x, y, z], &v, &array![2.21, 3.12, 1.15], GridOptions::default())?;
/// assert!((out[0] - 12.63).abs() < 1e-13); // SciPy: [12.63]
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.interpn(points, values, xi, method, bounds_error,
/// fill_value)` (without `method='splinef2d'`).
pub fn interpn<S1, S2, S3, D1, D2>(
    points: &[ArrayBase<S1, Ix1>],
    values: &ArrayBase<S2, D1>,
    xi: &ArrayBase<S3, D2>,
    options: GridOptions,
) -> Result<ArrayD<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
{
    RegularGridInterpolator::new(points, values, options)?.call(xi)
}

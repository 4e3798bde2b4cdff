//! Polynomial interpolation: the barycentric and Krogh interpolators, `lagrange`,
//! `approximate_taylor_polynomial` and `pade`.

use crate::error::{InterpolateError, Result};
use ndarray::{Array, Array1, Array2, ArrayBase, Data, Dimension, Ix1};

fn invalid(arg: &'static str, what: impl Into<String>) -> InterpolateError {
    InterpolateError::InvalidArgument { arg, what: what.into() }
}

/// `float(math.factorial(s))`: exact up to 22!, correctly rounded above, infinite from 171!.
fn float_factorial(s: usize) -> f64 {
    (1..=s).fold(1.0, |acc, i| acc * i as f64)
}

/// NumPy's `poly1d` normalisation: leading (highest-degree) zeros removed, `[0.0]` if nothing
/// is left.
fn trim_leading_zeros(mut c: Vec<f64>) -> Vec<f64> {
    let first = c.iter().position(|&v| v != 0.0).unwrap_or(c.len());
    c.drain(..first);
    if c.is_empty() {
        c.push(0.0);
    }
    c
}

/// The barycentric weights `1 / prod_{j != i} (C (x_i - x_j))` with SciPy's scaling
/// `C = 4 / (max(x) - min(x))`, which keeps the products away from overflow.
fn barycentric_weights(xi: &[f64], inv_capacity: f64) -> Result<Vec<f64>> {
    let mut wi = Vec::with_capacity(xi.len());
    for (i, &a) in xi.iter().enumerate() {
        let prod = xi
            .iter()
            .enumerate()
            .fold(1.0, |acc, (j, &b)| if j == i { acc } else { acc * (inv_capacity * (a - b)) });
        if prod == 0.0 {
            return Err(invalid("xi", "Interpolation points xi must be distinct."));
        }
        wi.push(1.0 / prod);
    }
    Ok(wi)
}

/// Polynomial interpolation through `(xi, yi)` in the second (true) barycentric form:
/// `p(x) = sum_j w_j y_j / (x - x_j) / sum_j w_j / (x - x_j)`.
///
/// Stable for Chebyshev-like nodes; points can be added ([`BarycentricInterpolator::add_xi`])
/// and values replaced ([`BarycentricInterpolator::set_yi`]) without recomputing everything.
///
/// SciPy equivalent: `scipy.interpolate.BarycentricInterpolator` for 1-d `yi` (no `axis`,
/// `yi=None`). SciPy multiplies the factors of each weight in a random order (`rng`); here
/// they are multiplied in index order, which changes the weights by a few ulps.
#[derive(Debug, Clone, PartialEq)]
pub struct BarycentricInterpolator {
    xi: Vec<f64>,
    yi: Vec<f64>,
    wi: Vec<f64>,
    inv_capacity: f64,
}

impl BarycentricInterpolator {
    /// The interpolating polynomial of `(xi, yi)` with weights computed from `xi`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] for empty or repeated `xi`,
    /// [`InterpolateError::LengthMismatch`] when `xi` and `yi` differ in length.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BarycentricInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = BarycentricInterpolator::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 4.0])?;
    /// assert!((p.eval(1.5) - 2.25).abs() < 1e-15);
    /// // SciPy: P.wi == [0.125, -0.25, 0.125] (1 / prod C (x_i - x_j) with C = 4 / 2)
    /// assert_eq!(p.weights(), &[0.125, -0.25, 0.125]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.BarycentricInterpolator(xi, yi)`.
    pub fn new<S1, S2>(xi: &ArrayBase<S1, Ix1>, yi: &ArrayBase<S2, Ix1>) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        if xi.is_empty() {
            return Err(invalid("xi", "need at least one interpolation point, got 0"));
        }
        if xi.len() != yi.len() {
            return Err(InterpolateError::LengthMismatch { x: xi.len(), y: yi.len() });
        }
        let x = xi.to_vec();
        let max = x
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) });
        let min = x
            .iter()
            .copied()
            .fold(f64::INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.min(b) });
        let inv_capacity = 4.0 / (max - min);
        let wi = barycentric_weights(&x, inv_capacity)?;
        Ok(Self { xi: x, yi: yi.to_vec(), wi, inv_capacity })
    }

    /// The interpolator with the given weights `wi` (SciPy's `wi=` argument), for example
    /// those of another interpolator on the same nodes.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::LengthMismatch`] when `yi` or `wi` does not have the length of
    /// `xi`, [`InterpolateError::InvalidArgument`] for empty `xi`.
    ///
    /// SciPy equivalent: `BarycentricInterpolator(xi, yi, wi=wi)`.
    pub fn with_weights<S1, S2, S3>(
        xi: &ArrayBase<S1, Ix1>,
        yi: &ArrayBase<S2, Ix1>,
        wi: &ArrayBase<S3, Ix1>,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
        S3: Data<Elem = f64>,
    {
        if xi.is_empty() {
            return Err(invalid("xi", "need at least one interpolation point, got 0"));
        }
        for other in [yi.len(), wi.len()] {
            if other != xi.len() {
                return Err(InterpolateError::LengthMismatch { x: xi.len(), y: other });
            }
        }
        let x = xi.to_vec();
        let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = x.iter().copied().fold(f64::INFINITY, f64::min);
        Ok(Self { xi: x, yi: yi.to_vec(), wi: wi.to_vec(), inv_capacity: 4.0 / (max - min) })
    }

    /// The nodes.
    pub fn xi(&self) -> &[f64] {
        &self.xi
    }

    /// The values at the nodes.
    pub fn yi(&self) -> &[f64] {
        &self.yi
    }

    /// The barycentric weights (SciPy's `wi`).
    pub fn weights(&self) -> &[f64] {
        &self.wi
    }

    /// Replaces the values at the nodes; the weights do not change.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::LengthMismatch`] when `yi` does not have the length of `xi`.
    ///
    /// SciPy equivalent: `BarycentricInterpolator.set_yi(yi)`.
    pub fn set_yi<S: Data<Elem = f64>>(&mut self, yi: &ArrayBase<S, Ix1>) -> Result<()> {
        if yi.len() != self.xi.len() {
            return Err(InterpolateError::LengthMismatch { x: self.xi.len(), y: yi.len() });
        }
        self.yi = yi.to_vec();
        Ok(())
    }

    /// Adds nodes `xi` with values `yi`, updating the weights in `O(n m)` (the scaling of the
    /// weights stays that of the first nodes, as in SciPy).
    ///
    /// SciPy 1.17's `add_xi` multiplies the old weights by `x_new - x_old` instead of
    /// `x_old - x_new`, which flips their signs, so that its interpolant after adding points is
    /// no longer the interpolating polynomial (`[0, 1]` plus `2` for `y = x^2` gives 3, not 9,
    /// at 3). Here the weights are those of the interpolator built from all the nodes (up to a
    /// common factor), as SciPy documents.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::LengthMismatch`] when `xi` and `yi` differ in length.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BarycentricInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let mut p = BarycentricInterpolator::new(&array![0.0, 1.0], &array![0.0, 1.0])?;
    /// p.add_xi(&array![2.0], &array![4.0])?;
    /// assert!((p.eval(3.0) - 9.0).abs() < 1e-13);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `BarycentricInterpolator.add_xi(xi, yi)`.
    pub fn add_xi<S1, S2>(&mut self, xi: &ArrayBase<S1, Ix1>, yi: &ArrayBase<S2, Ix1>) -> Result<()>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        if xi.len() != yi.len() {
            return Err(InterpolateError::LengthMismatch { x: xi.len(), y: yi.len() });
        }
        let old_n = self.xi.len();
        self.xi.extend(xi.iter());
        self.yi.extend(yi.iter());
        let c = self.inv_capacity;
        let mut w: Vec<f64> = self.wi.iter().map(|v| 1.0 / v).collect();
        w.resize(self.xi.len(), 0.0);
        for j in old_n..self.xi.len() {
            let xj = self.xi[j];
            for (wk, &xk) in w[..j].iter_mut().zip(&self.xi[..j]) {
                *wk *= c * (xk - xj);
            }
            w[j] = self.xi[..j].iter().fold(1.0, |acc, &xk| acc * (c * (xj - xk)));
        }
        self.wi = w.iter().map(|v| 1.0 / v).collect();
        Ok(())
    }

    /// The interpolant at `x` with the node values `y`.
    fn eval_values(&self, y: &[f64], x: f64) -> f64 {
        let mut num = 0.0;
        let mut den = 0.0;
        for ((&xj, &wj), &yj) in self.xi.iter().zip(&self.wi).zip(y) {
            if x == xj {
                return yj;
            }
            let c = wj / (x - xj);
            num += c * yj;
            den += c;
        }
        num / den
    }

    /// The interpolating polynomial at `x` (NaN at NaN; the node value at a node).
    pub fn eval(&self, x: f64) -> f64 {
        self.eval_values(&self.yi, x)
    }

    /// The interpolating polynomial at every point of `x` (any shape).
    ///
    /// SciPy equivalent: `BarycentricInterpolator.__call__(x)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D> {
        x.mapv(|v| self.eval(v))
    }

    /// The values of the first derivative at the nodes, `D y`, with SciPy's differentiation
    /// matrix `D_ij = w_j / (w_i (x_i - x_j))`, `D_ii = -sum_{j != i} D_ij`.
    fn differentiate(&self, y: &[f64]) -> Vec<f64> {
        let n = self.xi.len();
        let mut out = vec![0.0; n];
        let mut row = vec![0.0; n];
        for i in 0..n {
            for j in 0..n {
                row[j] = if i == j { 0.0 } else { self.wi[j] / ((self.xi[i] - self.xi[j]) * self.wi[i]) };
            }
            row[i] = -row.iter().sum::<f64>();
            out[i] = row.iter().zip(y).map(|(a, b)| a * b).sum();
        }
        out
    }

    /// The `der`-th derivative at every point of `x` (`der = 0` is the interpolant; zero for
    /// `der` at least the number of nodes).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BarycentricInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = BarycentricInterpolator::new(&array![0.0, 1.0, 2.0, 3.0], &array![0.0, 1.0, 8.0, 27.0])?;
    /// let d = p.derivative(&array![0.5, 2.0], 1);
    /// assert!((d[0] - 0.75).abs() < 1e-12 && (d[1] - 12.0).abs() < 1e-12);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `BarycentricInterpolator.derivative(x, der)`.
    pub fn derivative<S: Data<Elem = f64>, D: Dimension>(
        &self,
        x: &ArrayBase<S, D>,
        der: usize,
    ) -> Array<f64, D> {
        if der >= self.xi.len() {
            return Array::zeros(x.raw_dim());
        }
        let mut y = self.yi.clone();
        for _ in 0..der {
            y = self.differentiate(&y);
        }
        x.mapv(|v| self.eval_values(&y, v))
    }

    /// The derivatives of orders `0..der` at the points of the 1-d `x`, one row per order
    /// (`der = None` means all `n` orders that can be non-zero).
    ///
    /// # Panics
    ///
    /// When the `der x len(x)` result cannot be allocated (as `Array2::zeros`).
    ///
    /// SciPy equivalent: `BarycentricInterpolator.derivatives(x, der)`.
    pub fn derivatives<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>, der: Option<usize>) -> Array2<f64> {
        let der = der.unwrap_or(self.xi.len());
        let mut out = Array2::zeros((der, x.len()));
        let mut y = self.yi.clone();
        for d in 0..der.min(self.xi.len()) {
            if d > 0 {
                y = self.differentiate(&y);
            }
            for (o, &v) in out.row_mut(d).iter_mut().zip(x.iter()) {
                *o = self.eval_values(&y, v);
            }
        }
        out
    }
}

/// The barycentric interpolating polynomial of `(xi, yi)` (or its `der`-th derivative) at the
/// points `x`.
///
/// # Errors
///
/// As [`BarycentricInterpolator::new`].
///
/// # Examples
///
/// ```
/// use sci_interpolate::barycentric_interpolate;
/// use sci_interpolate::sci_array::ndarray::array;
/// let y = barycentric_interpolate(&array![0.0, 1.0, 2.0], &array![1.0, 3.0, 7.0], &array![0.5], 0)?;
/// assert!((y[0] - 1.75).abs() < 1e-15);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.barycentric_interpolate(xi, yi, x, der=der)` with a
/// scalar `der`.
pub fn barycentric_interpolate<S1, S2, S3, D>(
    xi: &ArrayBase<S1, Ix1>,
    yi: &ArrayBase<S2, Ix1>,
    x: &ArrayBase<S3, D>,
    der: usize,
) -> Result<Array<f64, D>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
    D: Dimension,
{
    let p = BarycentricInterpolator::new(xi, yi)?;
    Ok(if der == 0 { p.call(x) } else { p.derivative(x, der) })
}

/// Polynomial interpolation in Newton form with Krogh's algorithm; a node repeated `s + 1`
/// times (consecutively) takes the value and the first `s` derivatives there from the
/// consecutive `yi` (Hermite interpolation).
///
/// SciPy equivalent: `scipy.interpolate.KroghInterpolator` for 1-d `yi`.
#[derive(Debug, Clone, PartialEq)]
pub struct KroghInterpolator {
    xi: Vec<f64>,
    /// Newton coefficients, `n + 1` of them (the last is zero).
    c: Vec<f64>,
}

impl KroghInterpolator {
    /// The interpolating polynomial of `(xi, yi)`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] for empty `xi` or equal nodes that are not next
    /// to each other, [`InterpolateError::LengthMismatch`] when `xi` and `yi` differ in length,
    /// [`InterpolateError::NotFinite`] for NaN in `xi`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::KroghInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// // p(0) = 0, p'(0) = 2, p(1) = 0 (SciPy's docstring example): p(x) = 2x - 2x^2.
    /// let p = KroghInterpolator::new(&array![0.0, 0.0, 1.0], &array![0.0, 2.0, 0.0])?;
    /// assert!((p.eval(0.5) - 0.5).abs() < 1e-15);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.KroghInterpolator(xi, yi)`.
    pub fn new<S1, S2>(xi: &ArrayBase<S1, Ix1>, yi: &ArrayBase<S2, Ix1>) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        let n = xi.len();
        if n == 0 {
            return Err(invalid("xi", "need at least one interpolation point, got 0"));
        }
        if yi.len() != n {
            return Err(InterpolateError::LengthMismatch { x: n, y: yi.len() });
        }
        // SciPy fails on NaN (a node not equal to itself): `factorial(-1)` raises.
        if let Some(i) = xi.iter().position(|v| v.is_nan()) {
            return Err(InterpolateError::NotFinite { arg: "xi", index: i, value: f64::NAN });
        }
        let x = xi.to_vec();
        let mut c = vec![0.0; n + 1];
        c[0] = yi[0];
        let mut vk = vec![0.0; n];
        for k in 1..n {
            let mut s = 0;
            while s <= k && x[k - s] == x[k] {
                s += 1;
            }
            s -= 1;
            vk[0] = yi[k] / float_factorial(s);
            for i in 0..k - s {
                if x[i] == x[k] {
                    return Err(invalid("xi", "Elements of `xi` can't be equal."));
                }
                vk[i + 1] =
                    if s == 0 { (c[i] - vk[i]) / (x[i] - x[k]) } else { (vk[i + 1] - vk[i]) / (x[i] - x[k]) };
            }
            c[k] = vk[k - s];
        }
        Ok(Self { xi: x, c })
    }

    /// The Newton coefficients (SciPy's `c` for 1-d `yi`, `n + 1` of them).
    pub fn coefficients(&self) -> &[f64] {
        &self.c
    }

    /// The polynomial at `x`.
    pub fn eval(&self, x: f64) -> f64 {
        let mut p = self.c[0];
        let mut pi = 1.0;
        for k in 1..self.xi.len() {
            pi *= x - self.xi[k - 1];
            p += pi * self.c[k];
        }
        p
    }

    /// The polynomial at every point of `x` (any shape).
    ///
    /// SciPy equivalent: `KroghInterpolator.__call__(x)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D> {
        x.mapv(|v| self.eval(v))
    }

    /// The derivatives of orders `0..der` at `x` (all `n` by default), as SciPy computes them.
    fn derivatives_at(&self, x: f64, der: usize, pi: &mut [f64], w: &mut [f64]) -> Vec<f64> {
        let n = self.xi.len();
        pi[0] = 1.0;
        let mut p = self.c[0];
        for k in 1..n {
            w[k - 1] = x - self.xi[k - 1];
            pi[k] = w[k - 1] * pi[k - 1];
            p += pi[k] * self.c[k];
        }
        let mut cn = vec![0.0; der.max(n + 1)];
        cn[..=n].copy_from_slice(&self.c);
        cn[0] = p;
        for k in 1..n {
            for i in 1..=n - k {
                pi[i] += w[k + i - 1] * pi[i - 1];
                cn[k] += pi[i] * cn[k + i];
            }
            cn[k] *= float_factorial(k);
        }
        cn[n] = 0.0;
        cn.truncate(der);
        cn
    }

    /// The derivatives of orders `0..der` at the points of the 1-d `x`, one row per order
    /// (`der = None` means all `n` orders that can be non-zero).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::KroghInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = KroghInterpolator::new(&array![0.0, 0.0, 1.0], &array![0.0, 2.0, 0.0])?;
    /// let d = p.derivatives(&array![0.5], None);
    /// assert_eq!(d.column(0).to_vec(), vec![0.5, 0.0, -4.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// # Panics
    ///
    /// When the `der x len(x)` result cannot be allocated (as `Array2::zeros`).
    ///
    /// SciPy equivalent: `KroghInterpolator.derivatives(x, der)`.
    pub fn derivatives<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>, der: Option<usize>) -> Array2<f64> {
        let n = self.xi.len();
        let der = der.unwrap_or(n);
        let (mut pi, mut w) = (vec![0.0; n], vec![0.0; n]);
        let mut out = Array2::zeros((der, x.len()));
        for (j, &v) in x.iter().enumerate() {
            for (d, val) in self.derivatives_at(v, der, &mut pi, &mut w).into_iter().enumerate() {
                out[[d, j]] = val;
            }
        }
        out
    }

    /// The `der`-th derivative at every point of `x` (any shape).
    ///
    /// SciPy equivalent: `KroghInterpolator.derivative(x, der)`.
    pub fn derivative<S: Data<Elem = f64>, D: Dimension>(
        &self,
        x: &ArrayBase<S, D>,
        der: usize,
    ) -> Array<f64, D> {
        let n = self.xi.len();
        if der >= n {
            // A polynomial of degree n - 1: SciPy's rows n.. of `derivatives` are zero.
            return Array::zeros(x.raw_dim());
        }
        let (mut pi, mut w) = (vec![0.0; n], vec![0.0; n]);
        x.mapv(|v| self.derivatives_at(v, der + 1, &mut pi, &mut w)[der])
    }
}

/// Krogh interpolation of `(xi, yi)` (or its `der`-th derivative) at the points `x`.
///
/// # Errors
///
/// As [`KroghInterpolator::new`].
///
/// # Examples
///
/// ```
/// use sci_interpolate::krogh_interpolate;
/// use sci_interpolate::sci_array::ndarray::array;
/// let d = krogh_interpolate(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 4.0], &array![3.0], 1)?;
/// assert_eq!(d[0], 6.0);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.krogh_interpolate(xi, yi, x, der)` with a scalar `der`.
pub fn krogh_interpolate<S1, S2, S3, D>(
    xi: &ArrayBase<S1, Ix1>,
    yi: &ArrayBase<S2, Ix1>,
    x: &ArrayBase<S3, D>,
    der: usize,
) -> Result<Array<f64, D>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
    D: Dimension,
{
    let p = KroghInterpolator::new(xi, yi)?;
    Ok(if der == 0 { p.call(x) } else { p.derivative(x, der) })
}

/// The Taylor polynomial of degree `degree` of `f` at `x`, estimated from the polynomial that
/// interpolates `f` at `order + 1` points `x + scale cos(j pi / (order + 1))` (`order = None`
/// means `degree`). Coefficients highest degree first, as `numpy.poly1d(...).coef`.
///
/// With `scale = 0` all points coincide and the result is that of SciPy's Krogh interpolation
/// with repeated nodes (not a Taylor polynomial).
///
/// # Errors
///
/// As [`KroghInterpolator::new`].
///
/// # Panics
///
/// When `order + 1` points or `degree + 1` coefficients cannot be allocated.
///
/// # Examples
///
/// ```
/// use sci_interpolate::approximate_taylor_polynomial;
/// let p = approximate_taylor_polynomial(f64::sin, 0.0, 3, 1.0, Some(5))?;
/// // SciPy: approximate_taylor_polynomial(np.sin, 0, 3, 1, order=5).coef[0] = -0.1665...
/// assert!((p[0] + 1.0 / 6.0).abs() < 1e-3 && (p[2] - 1.0).abs() < 1e-3);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.approximate_taylor_polynomial(f, x, degree, scale,
/// order).coef`.
pub fn approximate_taylor_polynomial(
    f: impl Fn(f64) -> f64,
    x: f64,
    degree: usize,
    scale: f64,
    order: Option<usize>,
) -> Result<Vec<f64>> {
    let n = order.unwrap_or(degree).saturating_add(1);
    // np.linspace(0, pi, n, endpoint=False): j * (pi / n).
    let step = std::f64::consts::PI / n as f64;
    let xs: Array1<f64> = (0..n).map(|j| scale * (j as f64 * step).cos() + x).collect();
    let ys = xs.mapv(&f);
    let p = KroghInterpolator::new(&xs, &ys)?;
    let d = p.derivatives(&ndarray::array![x], Some(degree.saturating_add(1)));
    let coef: Vec<f64> = (0..=degree).rev().map(|k| d[[k, 0]] / float_factorial(k)).collect();
    Ok(trim_leading_zeros(coef))
}

/// The Lagrange interpolating polynomial of `(x, w)`, coefficients highest degree first (as
/// `numpy.poly1d(...).coef`: no leading zeros, `[0.0]` for the zero polynomial).
///
/// Numerically unstable beyond about 20 points, as in SciPy; built the same way (a sum of
/// products of linear factors).
///
/// # Errors
///
/// [`InterpolateError::LengthMismatch`] when `x` and `w` differ in length.
///
/// # Examples
///
/// ```
/// use sci_interpolate::lagrange;
/// use sci_interpolate::sci_array::ndarray::array;
/// // SciPy's docstring example: x^3 at 0, 1, 2 gives 3x^2 - 2x.
/// let c = lagrange(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 8.0])?;
/// assert_eq!(c, vec![3.0, -2.0, 0.0]);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.lagrange(x, w).coef`.
pub fn lagrange<S1, S2>(x: &ArrayBase<S1, Ix1>, w: &ArrayBase<S2, Ix1>) -> Result<Vec<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.len() != w.len() {
        return Err(InterpolateError::LengthMismatch { x: x.len(), y: w.len() });
    }
    let m = x.len();
    let mut p = vec![0.0];
    for j in 0..m {
        let mut pt = trim_leading_zeros(vec![w[j]]);
        for k in 0..m {
            if k == j {
                continue;
            }
            let fac = x[j] - x[k];
            let (a, b) = (1.0 / fac, -x[k] / fac);
            // polymul(pt, [a, b]), then poly1d's trimming.
            let mut prod = vec![0.0; pt.len() + 1];
            for (i, &c) in pt.iter().enumerate() {
                prod[i] += c * a;
                prod[i + 1] += c * b;
            }
            pt = trim_leading_zeros(prod);
        }
        // polyadd: pad the shorter with leading zeros.
        if pt.len() > p.len() {
            let mut q = vec![0.0; pt.len() - p.len()];
            q.extend_from_slice(&p);
            p = q;
        }
        let off = p.len() - pt.len();
        for (a, &b) in p[off..].iter_mut().zip(&pt) {
            *a += b;
        }
        p = trim_leading_zeros(p);
    }
    Ok(p)
}

/// Solves the square system `a x = b` (row-major `a`, `n x n`) by Gaussian elimination with
/// partial pivoting (the first largest pivot, as LAPACK's `getrf`). `None` when a pivot is
/// exactly zero.
fn solve_dense(mut a: Vec<f64>, mut b: Vec<f64>, n: usize) -> Option<Vec<f64>> {
    for col in 0..n {
        let mut piv = col;
        for r in col + 1..n {
            if a[r * n + col].abs() > a[piv * n + col].abs() {
                piv = r;
            }
        }
        if a[piv * n + col] == 0.0 {
            return None;
        }
        if piv != col {
            for c in 0..n {
                a.swap(piv * n + c, col * n + c);
            }
            b.swap(piv, col);
        }
        let d = a[col * n + col];
        for r in col + 1..n {
            let l = a[r * n + col] / d;
            if l == 0.0 {
                continue;
            }
            for c in col + 1..n {
                a[r * n + c] -= l * a[col * n + c];
            }
            b[r] -= l * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s = (r + 1..n).fold(b[r], |s, c| s - a[r * n + c] * x[c]);
        x[r] = s / a[r * n + r];
    }
    Some(x)
}

/// The Padé approximant `p / q` of order `(n, m)` of the power series `an[0] + an[1] x + ...`:
/// `q` has degree `m` and `q(0) = 1`, `p` degree `n` (`None`: `len(an) - 1 - m`), and the
/// series of `p / q` agrees with `an` up to `x^(n + m)`. Returns `(p, q)`, each with the
/// coefficients highest degree first (as `numpy.poly1d(...).coef`).
///
/// # Errors
///
/// [`InterpolateError::InvalidArgument`] when `m + n >= len(an)` (SciPy's messages) or the
/// linear system is singular, [`InterpolateError::NotFinite`] for NaN or infinity in `an`.
///
/// # Examples
///
/// ```
/// use sci_interpolate::pade;
/// // SciPy's docstring example: exp(x) from its Taylor series 1, 1, 1/2, 1/6, 1/24.
/// let an = [1.0, 1.0, 0.5, 1.0 / 6.0, 1.0 / 24.0];
/// let (p, q) = pade(&an, 2, None)?;
/// // SciPy: p.coef = [1/12, 1/2, 1], q.coef = [1/12, -1/2, 1]
/// let want_p = [1.0 / 12.0, 0.5, 1.0];
/// let want_q = [1.0 / 12.0, -0.5, 1.0];
/// assert!(p.iter().zip(&want_p).all(|(a, b)| (a - b).abs() < 1e-15));
/// assert!(q.iter().zip(&want_q).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.pade(an, m, n)` (the `.coef` of both `poly1d`s).
pub fn pade(an: &[f64], m: usize, n: Option<usize>) -> Result<(Vec<f64>, Vec<f64>)> {
    let n = match n {
        Some(n) => n,
        None => match an.len().checked_sub(1).and_then(|l| l.checked_sub(m)) {
            Some(n) => n,
            None => return Err(invalid("m", "Order of q <m> must be smaller than len(an)-1.")),
        },
    };
    let big_n = match m.checked_add(n) {
        Some(s) if s < an.len() => s,
        _ => return Err(invalid("n", "Order of q+p <m+n> must be smaller than len(an).")),
    };
    let an = &an[..=big_n];
    if let Some(i) = an.iter().position(|v| !v.is_finite()) {
        return Err(InterpolateError::NotFinite { arg: "an", index: i, value: an[i] });
    }
    let size = big_n + 1;
    let mut c = vec![0.0; size * size];
    for row in 0..size {
        if row <= n {
            c[row * size + row] = 1.0;
        }
        for j in 0..row.min(m) {
            c[row * size + n + 1 + j] = -an[row - 1 - j];
        }
    }
    let pq = solve_dense(c, an.to_vec(), size).ok_or_else(|| invalid("an", "A singular matrix detected"))?;
    let p: Vec<f64> = pq[..=n].iter().rev().copied().collect();
    let mut q: Vec<f64> = pq[n + 1..].iter().rev().copied().collect();
    q.push(1.0);
    Ok((trim_leading_zeros(p), trim_leading_zeros(q)))
}

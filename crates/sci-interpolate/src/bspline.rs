//! B-splines in the B-spline basis: SciPy's `BSpline` (knots `t`, coefficients `c`, degree `k`),
//! evaluated by the Cox-de Boor recursion.

use crate::error::{InterpolateError, Result};
use ndarray::{Array, ArrayBase, Data, Dimension};

/// A univariate spline of degree `k` in the B-spline basis:
/// `S(x) = sum_j c_j B_{j,k;t}(x)` for `n = len(t) - k - 1` coefficients.
#[derive(Debug, Clone, PartialEq)]
pub struct BSpline {
    t: Vec<f64>,
    c: Vec<f64>,
    k: usize,
    extrapolate: bool,
}

/// SciPy's `find_interval`: the index `l` with `t[l] <= x < t[l + 1]` and `k <= l < n`, the
/// last interval closed on the right; `None` for NaN, or outside `[t[k], t[n]]` without
/// extrapolation.
pub(crate) fn find_interval(t: &[f64], k: usize, x: f64, prev: usize, extrapolate: bool) -> Option<usize> {
    let n = t.len() - k - 1;
    let (tb, te) = (t[k], t[n]);
    if x.is_nan() || ((x < tb || x > te) && !extrapolate) {
        return None;
    }
    let mut l = if k < prev && prev < n { prev } else { k };
    while x < t[l] && l != k {
        l -= 1;
    }
    l += 1;
    while x >= t[l] && l != n {
        l += 1;
    }
    Some(l - 1)
}

/// The `k + 1` non-zero B-splines `B_{l-k..=l}` at `x` in the interval `l` (de Boor's
/// recursion, as SciPy's `_deBoor_D` with no derivative).
pub(crate) fn basis(t: &[f64], x: f64, k: usize, l: usize, h: &mut [f64], hh: &mut [f64]) {
    h[0] = 1.0;
    for j in 1..=k {
        hh[..j].copy_from_slice(&h[..j]);
        h[0] = 0.0;
        for n in 1..=j {
            let ind = l + n;
            let (xb, xa) = (t[ind], t[ind - j]);
            if xb == xa {
                h[n] = 0.0;
                continue;
            }
            let w = hh[n - 1] / (xb - xa);
            h[n - 1] += w * (xb - x);
            h[n] = w * (x - xa);
        }
    }
}

impl BSpline {
    /// Builds a spline from knots, coefficients and degree, checking them as SciPy does.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidSpline`] when the knots are not sorted or not finite, there
    /// are fewer than `2k + 2` of them, fewer than `len(t) - k - 1` coefficients, or
    /// `t[k] == t[n]` (an empty base interval).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BSpline;
    /// // The quadratic B-spline of SciPy's docstring example: c = [-1, 2, 0, -1].
    /// let spl = BSpline::new(vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], vec![-1.0, 2.0, 0.0, -1.0], 2, true)?;
    /// assert!((spl.eval(2.5) - 1.375).abs() < 1e-15);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.BSpline(t, c, k, extrapolate)`.
    pub fn new(t: Vec<f64>, c: Vec<f64>, k: usize, extrapolate: bool) -> Result<Self> {
        let bad = |what: String| Err(InterpolateError::InvalidSpline { what });
        if let Some(i) = t.iter().position(|v| !v.is_finite()) {
            return bad(format!("knots should not have nans or infs (t[{i}] = {})", t[i]));
        }
        if let Some(i) = t.windows(2).position(|w| w[1] < w[0]) {
            return bad(format!("knots must be in a non-decreasing order (t[{}] > t[{}])", i, i + 1));
        }
        // In u128: `2k + 2` overflows usize for degrees above usize::MAX / 2 (SciPy: "Need at
        // least 18446744073709551616 knots for degree 9223372036854775807").
        let needed = 2 * k as u128 + 2;
        if (t.len() as u128) < needed {
            return bad(format!("need at least {needed} knots for degree {k}, got {}", t.len()));
        }
        let n = t.len() - k - 1;
        if c.len() < n {
            return bad(format!(
                "knots, coefficients and degree are inconsistent: {} coefficients, need {n}",
                c.len()
            ));
        }
        if t[k] == t[n] {
            return bad("need at least two internal knots: t[k] == t[n]".to_string());
        }
        let mut c = c;
        c.truncate(n);
        Ok(Self { t, c, k, extrapolate })
    }

    /// The knots.
    pub fn t(&self) -> &[f64] {
        &self.t
    }

    /// The coefficients (exactly `len(t) - k - 1` of them).
    pub fn c(&self) -> &[f64] {
        &self.c
    }

    /// The degree.
    pub fn k(&self) -> usize {
        self.k
    }

    /// Whether points outside the base interval `[t[k], t[n]]` are extrapolated from the end
    /// polynomials (otherwise they give NaN).
    pub fn extrapolate(&self) -> bool {
        self.extrapolate
    }

    /// The spline at `x` (NaN for NaN input, or outside the base interval without extrapolation).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BSpline;
    /// // Degree 0: a step function.
    /// let s = BSpline::new(vec![0.0, 1.0, 2.0], vec![3.0, 4.0], 0, false)?;
    /// assert_eq!((s.eval(0.5), s.eval(1.0), s.eval(2.0)), (3.0, 4.0, 4.0));
    /// assert!(s.eval(2.5).is_nan());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    pub fn eval(&self, x: f64) -> f64 {
        let mut work = vec![0.0; 2 * (self.k + 1)];
        self.eval_with(x, self.k, &mut work)
    }

    fn eval_with(&self, x: f64, prev: usize, work: &mut [f64]) -> f64 {
        let k = self.k;
        match find_interval(&self.t, k, x, prev, self.extrapolate) {
            None => f64::NAN,
            Some(l) => {
                let (h, hh) = work.split_at_mut(k + 1);
                basis(&self.t, x, k, l, h, hh);
                (0..=k).map(|a| self.c[l - k + a] * h[a]).sum()
            }
        }
    }

    /// The spline at every point of `x` (any shape).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::BSpline;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let s = BSpline::new(vec![0.0, 0.0, 1.0, 1.0], vec![0.0, 2.0], 1, true)?;
    /// assert_eq!(s.call(&array![0.0, 0.25, 1.5]), array![0.0, 0.5, 3.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `BSpline.__call__(x)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D> {
        let mut work = vec![0.0; 2 * (self.k + 1)];
        x.mapv(|v| self.eval_with(v, self.k, &mut work))
    }

    /// The `nu`-th derivative as a spline of degree `k - nu`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidSpline`] when `nu > k`, or when repeated internal knots make
    /// the spline not differentiable `nu` times.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::make_interp_spline;
    /// use sci_interpolate::sci_array::ndarray::Array1;
    /// let x = Array1::linspace(0.0, 3.0, 7);
    /// let s = make_interp_spline(&x, &x.mapv(|v| v * v * v), 3)?;
    /// let d = s.derivative(1)?;
    /// assert!((d.eval(2.0) - 12.0).abs() < 1e-12);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `BSpline.derivative(nu)`.
    pub fn derivative(&self, nu: usize) -> Result<Self> {
        if nu > self.k {
            return Err(InterpolateError::InvalidSpline {
                what: format!("order of derivative ({nu}) must be <= k ({})", self.k),
            });
        }
        let (mut t, mut c, mut k) = (self.t.clone(), self.c.clone(), self.k);
        for _ in 0..nu {
            let n = c.len();
            let mut dc = Vec::with_capacity(n.saturating_sub(1));
            for i in 0..n - 1 {
                let dt = t[i + k + 1] - t[i + 1];
                if dt == 0.0 {
                    return Err(InterpolateError::InvalidSpline {
                        what: format!(
                            "the spline has internal repeated knots and is not differentiable {nu} times"
                        ),
                    });
                }
                dc.push((c[i + 1] - c[i]) * k as f64 / dt);
            }
            t = t[1..t.len() - 1].to_vec();
            c = dc;
            k -= 1;
        }
        Ok(Self { t, c, k, extrapolate: self.extrapolate })
    }
}

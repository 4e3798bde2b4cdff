//! Piecewise polynomials in the local power basis (`scipy.interpolate.PPoly`).

use crate::bspline::BSpline;
use crate::error::{InterpolateError, Result};
use ndarray::{Array, Array1, Array2, ArrayBase, ArrayView1, ArrayView2, Data, Dimension, Ix1, Ix2};

/// What a piecewise polynomial does at points outside `[x[0], x[-1]]` (SciPy's `extrapolate`).
///
/// `From<bool>` maps `true` to [`Extrapolate::Yes`] and `false` to [`Extrapolate::No`], so the
/// constructors accept a plain `bool` as well.
///
/// # Examples
///
/// ```
/// use sci_interpolate::Extrapolate;
/// assert_eq!(Extrapolate::from(false), Extrapolate::No);
/// assert_eq!(Extrapolate::default(), Extrapolate::Yes);
/// ```
///
/// SciPy equivalent: the `extrapolate` argument (`True`, `False` or `'periodic'`) of
/// `scipy.interpolate.PPoly`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extrapolate {
    /// Continue the first and last polynomial pieces (`True`, the default).
    #[default]
    Yes,
    /// Return NaN outside the breakpoints (`False`).
    No,
    /// Map points into the base interval periodically (`'periodic'`).
    Periodic,
}

impl From<bool> for Extrapolate {
    fn from(b: bool) -> Self {
        if b { Self::Yes } else { Self::No }
    }
}

impl Extrapolate {
    /// SciPy's `bool(extrapolate)`: `'periodic'` is truthy.
    fn truthy(self) -> bool {
        self != Self::No
    }
}

/// A piecewise polynomial in the local power basis: between `x[i]` and `x[i+1]` it is
/// `sum_m c[m, i] * (t - x[i])^(k - m)` with `k = c.nrows() - 1` the degree.
///
/// The breakpoints may be increasing or decreasing, and may repeat (zero-length pieces).
/// Intervals are half-open, `[x[i], x[i+1])`, except the last one, which is closed.
///
/// # Examples
///
/// ```
/// use sci_interpolate::{Extrapolate, PPoly};
/// use sci_interpolate::sci_array::ndarray::array;
/// // x^2 - 1 on [-2, 1] and (x - 1)^2 on [1, 2], as in SciPy's `PPoly.solve` docstring.
/// let c = array![[1.0, 1.0], [-4.0, 0.0], [3.0, 0.0]];
/// let pp = PPoly::new(&c, &array![-2.0, 1.0, 2.0], Extrapolate::Yes)?;
/// assert_eq!(pp.roots(true, None)?.to_vec(), vec![-1.0, 1.0]);
/// assert_eq!(pp.eval(0.0, 0), -1.0);
/// assert_eq!(pp.eval(1.5, 1), 1.0);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.PPoly` with a 2-d `c` (one polynomial per interval).
#[derive(Debug, Clone, PartialEq)]
pub struct PPoly {
    c: Array2<f64>,
    x: Array1<f64>,
    extrapolate: Extrapolate,
}

/// The `dx`-th derivative (`dx > 0`), value (`0`) or antiderivative with zero constant (`-1`)
/// of the polynomial of interval `i` at local coordinate `s`, summed from the constant term
/// up, as SciPy's evaluation kernel does.
fn local(c: &Array2<f64>, i: usize, s: f64, dx: i64) -> f64 {
    let k = c.nrows();
    let mut res = 0.0;
    let mut z = 1.0;
    for _ in 0..(-dx).max(0) {
        z *= s;
    }
    for kp in 0..k {
        let kpi = kp as i64;
        let prefactor = match dx {
            0 => 1.0,
            d if d > 0 => {
                if kpi < d {
                    continue;
                }
                let mut p = 1.0;
                let mut j = kpi;
                while j > kpi - d {
                    p *= j as f64;
                    j -= 1;
                }
                p
            }
            d => {
                let mut p = 1.0;
                for j in kpi..kpi - d {
                    p /= (j + 1) as f64;
                }
                p
            }
        };
        res += c[[k - kp - 1, i]] * z * prefactor;
        if kp + 1 < k && kpi >= dx {
            z *= s;
        }
    }
    res
}

/// NumPy's floating `divmod(a, b)` (floor quotient and remainder with the sign of `b`).
fn np_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0f64.copysign(a / b)
    };
    (q, m)
}

impl PPoly {
    /// The piecewise polynomial with coefficients `c` (shape `(k + 1, m)`, highest power first)
    /// on the `m + 1` breakpoints `x`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] if `x` has fewer than 2 points, is neither
    /// non-decreasing nor non-increasing (NaN counts as neither), if `c` has no rows, or if
    /// `c` does not have `len(x) - 1` columns.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Extrapolate, PPoly};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// // Decreasing breakpoints: the pieces start at x[i] = 2 and 1.
    /// let pp = PPoly::new(&array![[1.0, 2.0], [0.0, 0.0]], &array![2.0, 1.0, 0.0], false)?;
    /// assert_eq!(pp.eval(1.5, 0), 0.5 - 1.0);
    /// assert!(pp.eval(3.0, 0).is_nan());
    /// assert!(PPoly::new(&array![[1.0]], &array![0.0, 1.0, 2.0], Extrapolate::Yes).is_err());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.PPoly(c, x, extrapolate)`.
    pub fn new<S1, S2>(
        c: &ArrayBase<S1, Ix2>,
        x: &ArrayBase<S2, Ix1>,
        extrapolate: impl Into<Extrapolate>,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        let bad = |arg, what: String| InterpolateError::InvalidArgument { arg, what };
        if x.len() < 2 {
            return Err(bad("x", format!("at least 2 breakpoints are needed, got {}", x.len())));
        }
        if c.nrows() == 0 {
            return Err(bad("c", "polynomial must be at least of order 0 (c has no rows)".into()));
        }
        if c.ncols() != x.len() - 1 {
            return Err(bad(
                "c",
                format!(
                    "number of coefficients != len(x)-1: c has {} columns, x has {} points",
                    c.ncols(),
                    x.len()
                ),
            ));
        }
        let up = x.windows(2).into_iter().all(|w| w[1] - w[0] >= 0.0);
        let down = x.windows(2).into_iter().all(|w| w[1] - w[0] <= 0.0);
        if !(up || down) {
            return Err(bad("x", "`x` must be strictly increasing or decreasing.".into()));
        }
        Ok(Self::from_parts(c.to_owned(), Array1::from(x.to_vec()), extrapolate.into()))
    }

    /// The power-basis form of a B-spline: one piece per knot interval (the repeated boundary
    /// knots give zero-length pieces), with the spline's Taylor coefficients at each knot
    /// `t[i]`; the B-spline's own extrapolation flag unless `extrapolate` is given.
    ///
    /// The coefficients come from the spline's derivative splines ([`BSpline::derivative`])
    /// evaluated with extrapolation, where SciPy evaluates the derivatives of the basis
    /// functions directly: they agree to rounding.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidSpline`] when an interior knot is repeated so often that the
    /// spline is not `k` times differentiable piecewise by [`BSpline::derivative`] (SciPy
    /// handles that case; it is not implemented here).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{PPoly, make_interp_spline};
    /// use sci_interpolate::sci_array::ndarray::Array1;
    /// let x = Array1::linspace(0.0, 1.0, 11);
    /// let spl = make_interp_spline(&x, &x.mapv(|v| (2.0 * std::f64::consts::PI * v).sin()), 3)?;
    /// let pp = PPoly::from_spline(&spl, None)?;
    /// assert_eq!(pp.c().dim(), (4, 14)); // 15 knots
    /// assert!((pp.eval(0.33, 0) - spl.eval(0.33)).abs() < 1e-14);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.PPoly.from_spline(tck, extrapolate)` for a
    /// `BSpline` with 1-d coefficients.
    pub fn from_spline(spline: &BSpline, extrapolate: Option<Extrapolate>) -> Result<Self> {
        let (t, k) = (spline.t(), spline.k());
        let base = BSpline::new(t.to_vec(), spline.c().to_vec(), k, true)?;
        let m = t.len() - 1;
        let mut c = Array2::zeros((k + 1, m));
        let mut factorial = 1.0;
        for d in 0..=k {
            if d > 0 {
                factorial *= d as f64;
            }
            let ds = if d == 0 { base.clone() } else { base.derivative(d)? };
            for i in 0..m {
                c[[k - d, i]] = ds.eval(t[i]) / factorial;
            }
        }
        let e = extrapolate.unwrap_or_else(|| spline.extrapolate().into());
        Ok(Self::from_parts(c, Array1::from(t.to_vec()), e))
    }

    /// Adds pieces on the right (after `x[-1]`) or on the left (before `x[0]`): `c` has one
    /// column per new breakpoint, the first new piece joining the old end point and the new
    /// points. Pieces of lower order are padded with leading zero coefficients.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] (`x`) if `x` and `c` have different lengths, `x` is
    /// not sorted, runs in the other direction than the breakpoints or overlaps them; (`c`) when
    /// prepending pieces of another order than the existing ones (SciPy 1.17 fails with a
    /// broadcasting error there, or silently broadcasts a single row). Nothing changes on error.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let mut pp = PPoly::new(&array![[1.0], [0.0]], &array![0.0, 1.0], true)?; // t on [0, 1]
    /// pp.extend(&array![[5.0, 6.0]], &array![2.0, 3.0])?; // 5 on [1, 2], 6 on [2, 3]
    /// assert_eq!(pp.x().to_vec(), vec![0.0, 1.0, 2.0, 3.0]);
    /// assert_eq!(pp.c().row(0).to_vec(), vec![1.0, 0.0, 0.0]);
    /// assert_eq!(pp.eval(1.5, 0), 5.0);
    /// assert!(pp.extend(&array![[1.0]], &array![0.5]).is_err()); // overlaps
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.extend(c, x)`.
    pub fn extend<S1, S2>(&mut self, c: &ArrayBase<S1, Ix2>, x: &ArrayBase<S2, Ix1>) -> Result<()>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        let bad = |arg, what: String| Err(InterpolateError::InvalidArgument { arg, what });
        if x.len() != c.ncols() {
            return bad("x", format!("Shapes of x ({},) and c {:?} are incompatible", x.len(), c.dim()));
        }
        if c.is_empty() {
            return Ok(());
        }
        let up = x.windows(2).into_iter().all(|w| w[1] - w[0] >= 0.0);
        let down = x.windows(2).into_iter().all(|w| w[1] - w[0] <= 0.0);
        if !(up || down) {
            return bad("x", "`x` is not sorted.".into());
        }
        let (first, last) = (x[0], x[x.len() - 1]);
        let (s0, s1) = (self.x[0], self.x[self.x.len() - 1]);
        let append = if self.ascending() {
            // `last >= first` fails for NaN too.
            if last.partial_cmp(&first).is_none_or(|o| o == std::cmp::Ordering::Less) {
                return bad("x", "`x` is in the different order than `self.x`.".into());
            }
            if first >= s1 {
                true
            } else if last <= s0 {
                false
            } else {
                return bad("x", "`x` is neither on the left or on the right from `self.x`.".into());
            }
        } else {
            if last.partial_cmp(&first).is_none_or(|o| o == std::cmp::Ordering::Greater) {
                return bad("x", "`x` is in the different order than `self.x`.".into());
            }
            if first <= s1 {
                true
            } else if last >= s0 {
                false
            } else {
                return bad("x", "`x` is neither on the left or on the right from `self.x`.".into());
            }
        };
        let (k_old, m_old) = self.c.dim();
        let (k_new, m_new) = c.dim();
        if !append && k_new != k_old {
            return bad(
                "c",
                format!("prepending pieces of order {k_new} to pieces of order {k_old} is not supported"),
            );
        }
        let k2 = k_old.max(k_new);
        let mut c2 = Array2::zeros((k2, m_old + m_new));
        let (old_cols, new_cols) =
            if append { (0..m_old, m_old..m_old + m_new) } else { (m_new..m_new + m_old, 0..m_new) };
        c2.slice_mut(ndarray::s![k2 - k_old.., old_cols]).assign(&self.c);
        c2.slice_mut(ndarray::s![k2 - k_new.., new_cols]).assign(c);
        let mut xs: Vec<f64> = Vec::with_capacity(self.x.len() + x.len());
        if append {
            xs.extend(self.x.iter().chain(x.iter()));
        } else {
            xs.extend(x.iter().chain(self.x.iter()));
        }
        self.c = c2;
        self.x = Array1::from(xs);
        Ok(())
    }

    /// Without checks, for coefficients built by this crate.
    /// `x` must be in standard (contiguous) layout.
    pub(crate) fn from_parts(c: Array2<f64>, x: Array1<f64>, extrapolate: Extrapolate) -> Self {
        debug_assert!(x.as_slice().is_some());
        Self { c, x, extrapolate }
    }

    /// The breakpoints `x`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0, 2.0]], &array![0.0, 1.0, 3.0], true)?;
    /// assert_eq!(pp.x().to_vec(), vec![0.0, 1.0, 3.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.x`.
    pub fn x(&self) -> ArrayView1<'_, f64> {
        self.x.view()
    }

    /// The coefficients `c`, shape `(k + 1, m)`: `c[[j, i]]` multiplies `(t - x[i])^(k - j)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0, 2.0]], &array![0.0, 1.0, 3.0], true)?;
    /// assert_eq!(pp.c(), array![[1.0, 2.0]]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.c` (for a 2-d `c`).
    pub fn c(&self) -> ArrayView2<'_, f64> {
        self.c.view()
    }

    /// The extrapolation mode given at construction.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Extrapolate, PPoly};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0]], &array![0.0, 1.0], Extrapolate::Periodic)?;
    /// assert_eq!(pp.extrapolate(), Extrapolate::Periodic);
    /// assert_eq!(pp.antiderivative(1)?.extrapolate(), Extrapolate::No);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.extrapolate`.
    pub fn extrapolate(&self) -> Extrapolate {
        self.extrapolate
    }

    fn ascending(&self) -> bool {
        self.x[self.x.len() - 1] >= self.x[0]
    }

    /// The interval SciPy evaluates `t` in, or `None` (NaN, or out of range without
    /// extrapolation).
    fn interval(&self, t: f64, extrapolate: bool) -> Option<usize> {
        let x = self.x.as_slice().expect("owned arrays are contiguous");
        let n = x.len();
        let (a, b) = (x[0], x[n - 1]);
        if self.ascending() {
            if !(a <= t && t <= b) {
                return match () {
                    _ if t < a && extrapolate => Some(0),
                    _ if t > b && extrapolate => Some(n - 2),
                    _ => None,
                };
            }
            if t == b {
                return Some(n - 2);
            }
            Some(x.partition_point(|&v| v <= t) - 1)
        } else {
            if !(b <= t && t <= a) {
                return match () {
                    _ if t > a && extrapolate => Some(0),
                    _ if t < b && extrapolate => Some(n - 2),
                    _ => None,
                };
            }
            if t == b {
                return Some(n - 2);
            }
            Some(x.partition_point(|&v| v >= t) - 1)
        }
    }

    fn eval_with(&self, t: f64, nu: usize, extrapolate: Extrapolate) -> f64 {
        let (t, ext) = match extrapolate {
            Extrapolate::Periodic => {
                let x0 = self.x[0];
                let (_, r) = np_divmod(t - x0, self.x[self.x.len() - 1] - x0);
                (x0 + r, false)
            }
            e => (t, e == Extrapolate::Yes),
        };
        match self.interval(t, ext) {
            Some(i) => {
                let dx = nu.min(self.c.nrows()) as i64;
                local(&self.c, i, t - self.x[i], dx)
            }
            None => f64::NAN,
        }
    }

    /// The `nu`-th derivative at `t`, with the extrapolation mode given at construction.
    ///
    /// Derivatives are taken piece by piece, so at a breakpoint where the polynomial is not
    /// smooth the right-hand piece is used (the left-hand one at the last breakpoint).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[2.0], [0.0], [1.0]], &array![0.0, 1.0], true)?; // 2t^2 + 1
    /// assert_eq!(pp.eval(3.0, 0), 19.0);
    /// assert_eq!(pp.eval(3.0, 1), 12.0);
    /// assert_eq!(pp.eval(3.0, 3), 0.0);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.__call__(t, nu)` for a scalar `t`.
    pub fn eval(&self, t: f64, nu: usize) -> f64 {
        self.eval_with(t, nu, self.extrapolate)
    }

    /// The `nu`-th derivative at every point of `t` (any shape); `extrapolate` overrides the
    /// mode given at construction when not `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Extrapolate, PPoly};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0, -1.0], [0.0, 1.0]], &array![0.0, 1.0, 2.0], true)?; // a hat
    /// let y = pp.call(&array![0.5, 2.5, -0.5], 0, Some(Extrapolate::Periodic));
    /// assert_eq!(y.to_vec(), vec![0.5, 0.5, 0.5]);
    /// assert!(pp.call(&array![2.5], 0, Some(Extrapolate::No))[0].is_nan());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.__call__(x, nu, extrapolate)`.
    pub fn call<S: Data<Elem = f64>, D: Dimension>(
        &self,
        t: &ArrayBase<S, D>,
        nu: usize,
        extrapolate: Option<Extrapolate>,
    ) -> Array<f64, D> {
        let e = extrapolate.unwrap_or(self.extrapolate);
        t.mapv(|v| self.eval_with(v, nu, e))
    }

    /// The piecewise polynomial of the `nu`-th derivative (degree `k - nu`, at least a zero
    /// constant).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0], [2.0], [3.0], [4.0]], &array![0.0, 1.0], true)?;
    /// assert_eq!(pp.derivative(1).c().column(0).to_vec(), vec![3.0, 4.0, 3.0]);
    /// assert_eq!(pp.derivative(5).c().column(0).to_vec(), vec![0.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.derivative(nu)` (a negative `nu` there is
    /// [`PPoly::antiderivative`] here).
    pub fn derivative(&self, nu: usize) -> PPoly {
        let (k, m) = self.c.dim();
        let rows = k.saturating_sub(nu);
        if rows == 0 {
            return Self::from_parts(Array2::zeros((1, m)), self.x.clone(), self.extrapolate);
        }
        let mut c2 = self.c.slice(ndarray::s![..rows, ..]).to_owned();
        for (j, mut row) in c2.rows_mut().into_iter().enumerate() {
            // The rising factorial (rows - j) (rows - j + 1) ... (rows - j + nu - 1).
            let a = (rows - j) as f64;
            let mut f = 1.0;
            for q in (0..nu).rev() {
                f *= a + q as f64;
            }
            row.mapv_inplace(|v| v * f);
        }
        Self::from_parts(c2, self.x.clone(), self.extrapolate)
    }

    /// The piecewise polynomial of the `nu`-th antiderivative, continuous with its first
    /// `nu - 1` derivatives and zero (with those derivatives) at `x[0]`.
    ///
    /// A periodic polynomial's antiderivative does not extrapolate
    /// ([`Extrapolate::No`]), as in SciPy.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] (`nu`) if the coefficient array of degree
    /// `k + nu` cannot be allocated.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// // A step 1 then 2: its antiderivative is t, then 1 + 2 (t - 1).
    /// let pp = PPoly::new(&array![[1.0, 2.0]], &array![0.0, 1.0, 3.0], true)?;
    /// let a = pp.antiderivative(1)?;
    /// assert_eq!(a.eval(2.0, 0), 3.0);
    /// assert_eq!(a.derivative(1).eval(2.0, 0), 2.0);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.antiderivative(nu)`.
    pub fn antiderivative(&self, nu: usize) -> Result<PPoly> {
        if nu == 0 {
            return Ok(self.derivative(0));
        }
        let (k, m) = self.c.dim();
        let too_big = || InterpolateError::InvalidArgument {
            arg: "nu",
            what: format!("antiderivative order {nu} is too large"),
        };
        let rows = k.checked_add(nu).ok_or_else(too_big)?;
        let len = rows.checked_mul(m).filter(|&l| l <= (isize::MAX as usize) / 8).ok_or_else(too_big)?;
        let mut buf = Vec::new();
        buf.try_reserve_exact(len).map_err(|_| too_big())?;
        buf.resize(len, 0.0);
        let mut c = Array2::from_shape_vec((rows, m), buf).expect("length is rows * m");
        for j in 0..k {
            let a = (k - j) as f64;
            let mut f = 1.0;
            for q in (0..nu).rev() {
                f *= a + q as f64;
            }
            for i in 0..m {
                c[[j, i]] = self.c[[j, i]] / f;
            }
        }
        // Continuity of the derivatives 0 .. nu-1 across each interior breakpoint, set from
        // the highest derivative down.
        let order = nu - 1;
        for ip in 1..self.x.len() - 1 {
            let xv = self.x[ip];
            let prev = ip - 1;
            for dx in (0..=order).rev() {
                let mut res = local(&c, prev, xv - self.x[prev], dx as i64);
                for q in 0..dx {
                    res /= (q + 1) as f64;
                }
                c[[rows - dx - 1, ip]] = res;
            }
        }
        let e = if self.extrapolate == Extrapolate::Periodic { Extrapolate::No } else { self.extrapolate };
        Ok(Self::from_parts(c, self.x.clone(), e))
    }

    /// One call of SciPy's integration kernel, which requires `a <= b`.
    fn integrate_kernel(&self, a: f64, b: f64, extrapolate: bool) -> Result<f64> {
        // Also rejects NaN bounds, as SciPy's `not (b >= a)` does.
        if b.partial_cmp(&a).is_none_or(|o| o == std::cmp::Ordering::Less) {
            return Err(InterpolateError::InvalidArgument {
                arg: "b",
                what: format!("Integral bounds not in order: a = {a}, b = {b}"),
            });
        }
        let asc = self.ascending();
        let (a, b) = if asc { (a, b) } else { (b, a) };
        let (Some(s), Some(e)) = (self.interval(a, extrapolate), self.interval(b, extrapolate)) else {
            return Ok(f64::NAN);
        };
        let mut total = 0.0;
        if s <= e {
            for i in s..=e {
                let vb = if i == e {
                    local(&self.c, i, b - self.x[i], -1)
                } else {
                    local(&self.c, i, self.x[i + 1] - self.x[i], -1)
                };
                let va =
                    if i == s { local(&self.c, i, a - self.x[i], -1) } else { local(&self.c, i, 0.0, -1) };
                total += vb - va;
            }
        }
        Ok(if asc { total } else { -total })
    }

    /// The definite integral from `a` to `b` (negative when `b < a`); `extrapolate` overrides
    /// the mode given at construction when not `None`. Without extrapolation a bound outside
    /// the breakpoints gives NaN.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] (`a`/`b`) when a bound is NaN, and with periodic
    /// extrapolation of decreasing breakpoints (SciPy: "Integral bounds not in order").
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Extrapolate, PPoly};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[3.0], [0.0], [0.0]], &array![0.0, 1.0], true)?; // 3t^2
    /// assert_eq!(pp.integrate(0.0, 2.0, None)?, 8.0);
    /// assert_eq!(pp.integrate(2.0, 0.0, None)?, -8.0);
    /// assert_eq!(pp.integrate(0.0, 2.5, Some(Extrapolate::Periodic))?, 2.125);
    /// assert!(pp.integrate(0.0, 2.0, Some(Extrapolate::No))?.is_nan());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.integrate(a, b, extrapolate)`.
    pub fn integrate(&self, a: f64, b: f64, extrapolate: Option<Extrapolate>) -> Result<f64> {
        if a.is_nan() || b.is_nan() {
            let arg = if a.is_nan() { "a" } else { "b" };
            return Err(InterpolateError::InvalidArgument {
                arg,
                what: "Integral bounds not in order (a bound is NaN)".into(),
            });
        }
        let e = extrapolate.unwrap_or(self.extrapolate);
        let (a, b, sign) = if b < a { (b, a, -1.0) } else { (a, b, 1.0) };
        let total = if e == Extrapolate::Periodic {
            let (xs, xe) = (self.x[0], self.x[self.x.len() - 1]);
            let period = xe - xs;
            let (n_periods, left) = np_divmod(b - a, period);
            let mut total =
                if n_periods > 0.0 { self.integrate_kernel(xs, xe, false)? * n_periods } else { 0.0 };
            let a = xs + np_divmod(a - xs, period).1;
            let b = a + left;
            if b <= xe {
                total += self.integrate_kernel(a, b, false)?;
            } else {
                total += self.integrate_kernel(a, xe, false)?;
                total += self.integrate_kernel(xs, xs + left + a - xe, false)?;
            }
            total
        } else {
            self.integrate_kernel(a, b, e == Extrapolate::Yes)?
        };
        Ok(total * sign)
    }

    /// The real solutions of `pp(t) == y`, interval by interval, in order.
    ///
    /// A piece that equals `y` identically contributes its start point followed by NaN (a
    /// zero-length piece only its point). With `discontinuity`, a breakpoint where
    /// `pp - y` jumps across zero is reported too. With extrapolation, roots of the first and
    /// last pieces beyond the breakpoints count (`'periodic'` counts as extrapolation, as in
    /// SciPy's `bool(extrapolate)`).
    ///
    /// Pieces of degree 3 or more are solved through the eigenvalues of their companion matrix
    /// (faer's, where SciPy calls LAPACK's `dgeev`) followed by one Newton step, so such roots
    /// agree with SciPy's to rounding.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::InvalidArgument`] (`c`) if the eigenvalue solver fails on a
    /// piece (non-finite coefficients; SciPy raises `RuntimeError` there).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PPoly;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// // t^3 - t on [-2, 2], written in the local variable s = t + 2.
    /// let pp = PPoly::new(&array![[1.0], [-6.0], [11.0], [-6.0]], &array![-2.0, 2.0], false)?;
    /// let r = pp.roots(true, None)?;
    /// assert_eq!(r.len(), 3);
    /// assert!((r[0] + 1.0).abs() < 1e-14 && r[1].abs() < 1e-14 && (r[2] - 1.0).abs() < 1e-14);
    /// // pp(t) = 6 at t = 2 only.
    /// assert!((pp.solve(6.0, true, None)?[0] - 2.0).abs() < 1e-14);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.solve(y, discontinuity, extrapolate)`.
    pub fn solve(
        &self,
        y: f64,
        discontinuity: bool,
        extrapolate: Option<Extrapolate>,
    ) -> Result<Array1<f64>> {
        let ext = extrapolate.unwrap_or(self.extrapolate).truthy();
        let (k, m) = self.c.dim();
        let asc = self.ascending();
        let x = &self.x;
        let mut out: Vec<f64> = Vec::new();
        let mut last = f64::NAN;
        let mut coef = vec![0.0; k];
        for i in 0..m {
            if i > 0 && discontinuity {
                let va = local(&self.c, i - 1, x[i] - x[i - 1], 0) - y;
                let vb = local(&self.c, i, 0.0, 0) - y;
                if ((va < 0.0 && vb > 0.0) || (va > 0.0 && vb < 0.0)) && x[i] != last {
                    last = x[i];
                    out.push(last);
                }
            }
            for j in 0..k {
                coef[j] = self.c[[j, i]];
            }
            coef[k - 1] -= y;
            let roots = match local_roots(&coef)? {
                LocalRoots::Everywhere => {
                    if x[i] == x[i + 1] {
                        if x[i] != last {
                            last = x[i];
                            out.push(last);
                        }
                    } else {
                        out.push(x[i]);
                        out.push(f64::NAN);
                        last = f64::NAN;
                    }
                    continue;
                }
                LocalRoots::Some(r) => r,
            };
            for (mut wr, wi) in roots {
                if wi != 0.0 {
                    continue;
                }
                let f = local(&self.c, i, wr, 0) - y;
                let df = local(&self.c, i, wr, 1);
                if df != 0.0 {
                    let d = f / df;
                    if d.abs() < wr.abs() {
                        wr -= d;
                    }
                }
                wr += x[i];
                let (lo, hi) = if asc { (x[i], x[i + 1]) } else { (x[i + 1], x[i]) };
                // With extrapolation the outer side of the first and last pieces is open.
                let open_lo = ext && if asc { i == 0 } else { i == m - 1 };
                let open_hi = ext && if asc { i == m - 1 } else { i == 0 };
                if !((open_lo || lo <= wr) && (open_hi || wr <= hi)) {
                    continue;
                }
                if wr != last {
                    last = wr;
                    out.push(wr);
                }
            }
        }
        Ok(Array1::from(out))
    }

    /// The real roots, `solve(0.0, discontinuity, extrapolate)`.
    ///
    /// A root of the first (last) piece counts only inside its interval unless extrapolating,
    /// then also beyond `x[0]` (`x[-1]`).
    ///
    /// # Errors
    ///
    /// As [`PPoly::solve`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Extrapolate, PPoly};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PPoly::new(&array![[1.0], [0.0], [-4.0]], &array![0.0, 1.0], true)?; // t^2 - 4
    /// assert_eq!(pp.roots(true, None)?.to_vec(), vec![-2.0, 2.0]);
    /// assert!(pp.roots(true, Some(Extrapolate::No))?.is_empty());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `PPoly.roots(discontinuity, extrapolate)`.
    pub fn roots(&self, discontinuity: bool, extrapolate: Option<Extrapolate>) -> Result<Array1<f64>> {
        self.solve(0.0, discontinuity, extrapolate)
    }
}

enum LocalRoots {
    /// The polynomial is identically zero.
    Everywhere,
    /// The complex roots `(re, im)` sorted by real part (fewer than the degree when the
    /// leading coefficients vanish).
    Some(Vec<(f64, f64)>),
}

/// The complex roots of `sum_j coef[j] s^(k-1-j)`.
fn local_roots(coef: &[f64]) -> Result<LocalRoots> {
    let n = coef.len();
    let Some(first) = coef.iter().position(|&v| v != 0.0) else {
        return Ok(LocalRoots::Everywhere);
    };
    let order = n - 1 - first;
    let lead = coef[first];
    Ok(LocalRoots::Some(match order {
        0 => vec![],
        1 => vec![(-coef[n - 1] / lead, 0.0)],
        2 => {
            let (a0, a1, a2) = (lead, coef[n - 2], coef[n - 1]);
            let d = a1 * a1 - 4.0 * a0 * a2;
            if d < 0.0 {
                let d = (-d).sqrt();
                vec![(-a1 / (2.0 * a0), -d / (2.0 * a0)), (-a1 / (2.0 * a0), d / (2.0 * a0))]
            } else {
                let d = d.sqrt();
                if d == 0.0 {
                    vec![(-a1 / (2.0 * a0), 0.0); 2]
                } else if a1 < 0.0 {
                    vec![((2.0 * a2) / (-a1 + d), 0.0), ((-a1 + d) / (2.0 * a0), 0.0)]
                } else {
                    vec![((-a1 - d) / (2.0 * a0), 0.0), ((2.0 * a2) / (-a1 - d), 0.0)]
                }
            }
        }
        _ => {
            // LAPACK's balancing isolates a zero row of the companion matrix, so each vanishing
            // trailing coefficient gives an exact zero root in SciPy; do the same deflation
            // (an eigensolver without it returns a pair like +-1e-8 for a double zero).
            let zeros = coef.iter().rev().take_while(|&&v| v == 0.0).count();
            let reduced = &coef[..n - zeros];
            let mut r = vec![(0.0, 0.0); zeros];
            if let LocalRoots::Some(rest) = companion_roots(reduced, first, order - zeros)? {
                r.extend(rest);
            }
            // A stable sort by real part (SciPy's insertion sort).
            r.sort_by(|p, q| p.0.total_cmp(&q.0));
            r
        }
    }))
}

/// The roots of `coef` (leading nonzero entry at `first`, degree `order`): by the formulas
/// for degree up to 2, else from the eigenvalues of the companion matrix.
fn companion_roots(coef: &[f64], first: usize, order: usize) -> Result<LocalRoots> {
    if order < 3 {
        return local_roots(coef);
    }
    let n = coef.len();
    let lead = coef[first];
    let fail = || {
        InterpolateError::InvalidArgument {
        arg: "c",
        what: "root finding failed: the companion matrix eigenvalues did not converge (non-finite coefficients?)"
            .into(),
    }
    };
    // Companion matrix: ones below the diagonal, -coef/lead in the last column.
    let mut a = faer::Mat::<f64>::zeros(order, order);
    for j in 0..order {
        a[(j, order - 1)] = -coef[n - 1 - j] / lead;
        if j + 1 < order {
            a[(j + 1, j)] = 1.0;
        }
    }
    if a.col_iter().any(|col| col.iter().any(|v| !v.is_finite())) {
        return Err(fail());
    }
    balance(&mut a);
    let ev = a.eigenvalues().map_err(|_| fail())?;
    let r: Vec<(f64, f64)> = ev.iter().map(|z| (z.re, z.im)).collect();
    if r.iter().any(|&(re, im)| !re.is_finite() || !im.is_finite()) {
        return Err(fail());
    }
    Ok(LocalRoots::Some(r))
}

/// Scales rows and columns of a square matrix by powers of 2 (exactly) until their norms
/// are comparable, as LAPACK's `dgebal` does before `dgeev`: a companion matrix with a tiny
/// leading coefficient has entries of very different sizes, and without this the eigenvalues
/// lose their accuracy.
fn balance(a: &mut faer::Mat<f64>) {
    let n = a.nrows();
    let mut converged = false;
    let mut sweeps = 0;
    while !converged && sweeps < 100 {
        converged = true;
        sweeps += 1;
        for i in 0..n {
            let mut c = 0.0;
            let mut r = 0.0;
            for j in 0..n {
                if j != i {
                    c += a[(j, i)].abs();
                    r += a[(i, j)].abs();
                }
            }
            if c == 0.0 || r == 0.0 {
                continue;
            }
            let s = c + r;
            let mut f = 1.0;
            let mut g = r / 2.0;
            while c < g && f < 1e300 {
                f *= 2.0;
                c *= 4.0;
                g = r / 2.0;
            }
            g = r * 2.0;
            while c >= g && f > 1e-300 {
                f /= 2.0;
                c /= 4.0;
            }
            if (c + r) / f < 0.95 * s {
                converged = false;
                for j in 0..n {
                    a[(i, j)] /= f;
                    a[(j, i)] *= f;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divmod_matches_numpy() {
        assert_eq!(np_divmod(7.0, 2.0), (3.0, 1.0));
        assert_eq!(np_divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(np_divmod(7.0, -2.0), (-4.0, -1.0));
        assert!(np_divmod(1.0, 0.0).1.is_nan());
    }
}

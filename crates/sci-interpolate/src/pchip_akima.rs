//! Shape-preserving piecewise cubic interpolation: PCHIP and Akima (`makima`).

use crate::error::{InterpolateError, Result};
use crate::ppoly::{Extrapolate, PPoly};
use ndarray::{Array, Array1, Array2, ArrayBase, Data, Dimension, Ix1};
use std::ops::Deref;

/// SciPy's `prepare_input` checks for 1-d `x` and `y`, in SciPy's order.
fn check_input<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>) -> Result<()>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.len() < 2 {
        return Err(InterpolateError::TooFewPoints { k: 3, needed: 2, found: x.len() });
    }
    if x.len() != y.len() {
        return Err(InterpolateError::LengthMismatch { x: x.len(), y: y.len() });
    }
    for (arg, a) in [("x", x.view()), ("y", y.view())] {
        if let Some(i) = a.iter().position(|v| !v.is_finite()) {
            return Err(InterpolateError::NotFinite { arg, index: i, value: a[i] });
        }
    }
    if let Some(i) = x.windows(2).into_iter().position(|w| w[1] - w[0] <= 0.0) {
        return Err(InterpolateError::NotIncreasing { arg: "x", index: i + 1 });
    }
    Ok(())
}

/// The power-basis form of the cubic Hermite interpolant with slopes `d` (SciPy's
/// `CubicHermiteSpline` coefficients).
fn hermite_ppoly<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>, d: &[f64], e: Extrapolate) -> PPoly
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let m = x.len() - 1;
    let mut c = Array2::zeros((4, m));
    for i in 0..m {
        let dx = x[i + 1] - x[i];
        let slope = (y[i + 1] - y[i]) / dx;
        let t = (d[i] + d[i + 1] - 2.0 * slope) / dx;
        c[[0, i]] = t / dx;
        c[[1, i]] = (slope - d[i]) / dx - t;
        c[[2, i]] = d[i];
        c[[3, i]] = y[i];
    }
    PPoly::from_parts(c, Array1::from(x.to_vec()), e)
}

/// NumPy's `sign`: -1, 0, 1, or NaN for NaN.
fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else if v == 0.0 {
        0.0
    } else {
        f64::NAN
    }
}

/// The piecewise cubic Hermite interpolating polynomial (PCHIP): monotone on every interval
/// where the data are monotone.
///
/// The slope at an interior point is 0 where the neighbouring secants differ in sign or one
/// of them is 0, and otherwise the weighted harmonic mean of the secants (Fritsch and Butland),
/// with weights `2 h_k + h_{k-1}` and `h_k + 2 h_{k-1}`. The end slopes use the one-sided
/// three-point formula, set to 0 if its sign differs from the first secant's and to three times
/// that secant if the secants change sign and the formula exceeds it (Moler's `pchiptx`). With
/// two points the interpolant is the straight line.
///
/// The interpolator derefs to its [`PPoly`], so `eval`, `call`, `derivative`,
/// `antiderivative`, `integrate`, `solve` and `roots` work as there.
///
/// # Examples
///
/// ```
/// use sci_interpolate::PchipInterpolator;
/// use sci_interpolate::sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 3.0, 4.0];
/// let y = array![0.0, 1.0, 1.0, 3.0, 2.0]; // flat between 1 and 2: no overshoot there
/// let p = PchipInterpolator::new(&x, &y, true)?;
/// assert_eq!(p.eval(1.5, 0), 1.0);
/// assert_eq!(p.eval(2.0, 1), 0.0);
/// assert!((p.integrate(0.0, 4.0, None)? - 19.0 / 3.0).abs() < 1e-14);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// # References
///
/// F. N. Fritsch and J. Butland, "A method for constructing local monotone piecewise cubic
/// interpolants", SIAM J. Sci. Comput. 5(2), 300-304 (1984); C. Moler, *Numerical Computing
/// with MATLAB*, section 3.6.
///
/// SciPy equivalent: `scipy.interpolate.PchipInterpolator` for 1-d `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct PchipInterpolator {
    pp: PPoly,
}

/// SciPy's one-sided end slope of PCHIP.
fn pchip_edge(h0: f64, h1: f64, m0: f64, m1: f64) -> f64 {
    let d = ((2.0 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
    let flip = sign(d) != sign(m0);
    let big = sign(m0) != sign(m1) && d.abs() > 3.0 * m0.abs();
    if flip {
        0.0
    } else if big {
        3.0 * m0
    } else {
        d
    }
}

/// The PCHIP slopes at the data points.
fn pchip_slopes<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>) -> Vec<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let n = x.len();
    let h: Vec<f64> = (0..n - 1).map(|i| x[i + 1] - x[i]).collect();
    let m: Vec<f64> = (0..n - 1).map(|i| (y[i + 1] - y[i]) / h[i]).collect();
    if n == 2 {
        return vec![m[0], m[0]];
    }
    let mut d = vec![0.0; n];
    for k in 1..n - 1 {
        let zero = sign(m[k]) != sign(m[k - 1]) || m[k] == 0.0 || m[k - 1] == 0.0;
        if !zero {
            let w1 = 2.0 * h[k] + h[k - 1];
            let w2 = h[k] + 2.0 * h[k - 1];
            let whmean = (w1 / m[k - 1] + w2 / m[k]) / (w1 + w2);
            d[k] = 1.0 / whmean;
        }
    }
    d[0] = pchip_edge(h[0], h[1], m[0], m[1]);
    d[n - 1] = pchip_edge(h[n - 2], h[n - 3], m[n - 2], m[n - 3]);
    d
}

impl PchipInterpolator {
    /// The PCHIP interpolant of `(x, y)`; SciPy's default `extrapolate` is `true`.
    ///
    /// # Errors
    ///
    /// [`InterpolateError::TooFewPoints`] for fewer than 2 points,
    /// [`InterpolateError::LengthMismatch`], [`InterpolateError::NotFinite`] for NaN or
    /// infinity in `x` or `y`, [`InterpolateError::NotIncreasing`] unless `x` is strictly
    /// increasing.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PchipInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = PchipInterpolator::new(&array![0.0, 1.0, 3.0], &array![0.0, 1.0, 2.0], false)?;
    /// // The weighted harmonic mean of the secants 1 and 1/2, weights 5 and 4.
    /// assert!((p.eval(1.0, 1) - 9.0 / 13.0).abs() < 1e-15);
    /// assert!(p.eval(4.0, 0).is_nan());
    /// assert!(PchipInterpolator::new(&array![0.0, 0.0], &array![1.0, 2.0], true).is_err());
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.PchipInterpolator(x, y, extrapolate=...)`.
    pub fn new<S1, S2>(
        x: &ArrayBase<S1, Ix1>,
        y: &ArrayBase<S2, Ix1>,
        extrapolate: impl Into<Extrapolate>,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        check_input(x, y)?;
        let d = pchip_slopes(x, y);
        Ok(Self { pp: hermite_ppoly(x, y, &d, extrapolate.into()) })
    }

    /// The piecewise polynomial (also reachable through `Deref`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PchipInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = PchipInterpolator::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 0.0], true)?;
    /// assert_eq!(p.as_ppoly().c().dim(), (4, 2));
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    pub fn as_ppoly(&self) -> &PPoly {
        &self.pp
    }

    /// The piecewise polynomial, by value.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::PchipInterpolator;
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = PchipInterpolator::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 0.0], true)?.into_ppoly();
    /// assert_eq!(pp.x().to_vec(), vec![0.0, 1.0, 2.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    pub fn into_ppoly(self) -> PPoly {
        self.pp
    }
}

impl Deref for PchipInterpolator {
    type Target = PPoly;
    fn deref(&self) -> &PPoly {
        &self.pp
    }
}

/// The PCHIP interpolant of `(xi, yi)` (or its `der`-th derivative) at the points `x`, with
/// extrapolation.
///
/// The derivative is evaluated from the derivative's coefficients
/// ([`PPoly::derivative`]), as SciPy does.
///
/// # Errors
///
/// As [`PchipInterpolator::new`].
///
/// # Examples
///
/// ```
/// use sci_interpolate::pchip_interpolate;
/// use sci_interpolate::sci_array::ndarray::array;
/// let y = pchip_interpolate(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 4.0], &array![0.5, 3.0], 0)?;
/// assert!((y[0] - 0.3125).abs() < 1e-15 && (y[1] - 8.0).abs() < 1e-14);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// SciPy equivalent: `scipy.interpolate.pchip_interpolate(xi, yi, x, der)` for 1-d `yi` and an
/// integer `der`.
pub fn pchip_interpolate<S1, S2, S3, D>(
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
    let p = PchipInterpolator::new(xi, yi, true)?;
    Ok(if der == 0 { p.call(x, 0, None) } else { p.derivative(der).call(x, 0, None) })
}

/// The slope formula of [`Akima1DInterpolator`] (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AkimaMethod {
    /// Akima's original weights `|m_{i+1} - m_i|` (`'akima'`, the default).
    #[default]
    Akima,
    /// The modified weights `|m_{i+1} - m_i| + |m_{i+1} + m_i| / 2` (`'makima'`), which avoid
    /// overshoot where the data are flat.
    Makima,
}

/// Akima's piecewise cubic interpolation: the slope at each point is a weighted mean of the
/// neighbouring secants, with weights from how much the secants change on the other side.
///
/// The secants are extended by two linear extrapolations at each end. Where both weights
/// vanish (below `1e-9` times the largest weight sum) the slope is the mean of the outer
/// secants. With two points the interpolant is the straight line.
///
/// SciPy's default `extrapolate` for this class is `false` (unlike the other cubic
/// interpolators); the interpolator derefs to its [`PPoly`].
///
/// # Examples
///
/// ```
/// use sci_interpolate::{Akima1DInterpolator, AkimaMethod};
/// use sci_interpolate::sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
/// let y = array![0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
/// let a = Akima1DInterpolator::new(&x, &y, AkimaMethod::Akima, false)?;
/// assert_eq!(a.eval(1.5, 0), 0.0); // flat stays flat
/// assert!(a.eval(6.0, 0).is_nan());
/// let m = Akima1DInterpolator::new(&x, &y, AkimaMethod::Makima, false)?;
/// assert_eq!(m.eval(2.5, 0), 0.5);
/// # Ok::<(), sci_interpolate::InterpolateError>(())
/// ```
///
/// # References
///
/// H. Akima, "A new method of interpolation and smooth curve fitting based on local
/// procedures", J. ACM 17(4), 589-602 (1970).
///
/// SciPy equivalent: `scipy.interpolate.Akima1DInterpolator` for 1-d `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Akima1DInterpolator {
    pp: PPoly,
}

impl Akima1DInterpolator {
    /// The Akima (or modified Akima) interpolant of `(x, y)`.
    ///
    /// # Errors
    ///
    /// As [`PchipInterpolator::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{Akima1DInterpolator, AkimaMethod};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let a = Akima1DInterpolator::new(&array![0.0, 2.0], &array![1.0, 2.0], AkimaMethod::Akima, true)?;
    /// assert_eq!(a.eval(4.0, 0), 3.0);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.interpolate.Akima1DInterpolator(x, y, method=..., extrapolate=...)`.
    pub fn new<S1, S2>(
        x: &ArrayBase<S1, Ix1>,
        y: &ArrayBase<S2, Ix1>,
        method: AkimaMethod,
        extrapolate: impl Into<Extrapolate>,
    ) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        check_input(x, y)?;
        let n = x.len();
        let t = if n == 2 {
            let mk = (y[1] - y[0]) / (x[1] - x[0]);
            vec![mk, mk]
        } else {
            let mut m = Array1::zeros(n + 3);
            for i in 0..n - 1 {
                m[i + 2] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
            }
            m[1] = 2.0 * m[2] - m[3];
            m[0] = 2.0 * m[1] - m[2];
            m[n + 1] = 2.0 * m[n] - m[n - 1];
            m[n + 2] = 2.0 * m[n + 1] - m[n];
            let dm: Vec<f64> = (0..n + 2).map(|j| (m[j + 1] - m[j]).abs()).collect();
            let w = |j: usize| match method {
                AkimaMethod::Akima => dm[j],
                AkimaMethod::Makima => dm[j] + 0.5 * (m[j + 1] + m[j]).abs(),
            };
            let f1: Vec<f64> = (0..n).map(|i| w(i + 2)).collect();
            let f2: Vec<f64> = (0..n).map(w).collect();
            let f12: Vec<f64> = (0..n).map(|i| f1[i] + f2[i]).collect();
            // NumPy's max: NaN wins.
            let fmax = f12.iter().fold(f64::NEG_INFINITY, |acc, &v| {
                if v.is_nan() || acc.is_nan() { f64::NAN } else { acc.max(v) }
            });
            (0..n)
                .map(|i| {
                    if f12[i] > 1e-9 * fmax {
                        m[i + 1] + (f2[i] / f12[i]) * (m[i + 2] - m[i + 1])
                    } else {
                        0.5 * (m[i + 3] + m[i])
                    }
                })
                .collect()
        };
        Ok(Self { pp: hermite_ppoly(x, y, &t, extrapolate.into()) })
    }

    /// The piecewise polynomial (also reachable through `Deref`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{AkimaMethod, Akima1DInterpolator};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let p = Akima1DInterpolator::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 0.0], AkimaMethod::Akima, false)?;
    /// assert_eq!(p.as_ppoly().c().dim(), (4, 2));
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    pub fn as_ppoly(&self) -> &PPoly {
        &self.pp
    }

    /// The piecewise polynomial, by value.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_interpolate::{AkimaMethod, Akima1DInterpolator};
    /// use sci_interpolate::sci_array::ndarray::array;
    /// let pp = Akima1DInterpolator::new(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 0.0], AkimaMethod::Akima, false)?.into_ppoly();
    /// assert_eq!(pp.x().to_vec(), vec![0.0, 1.0, 2.0]);
    /// # Ok::<(), sci_interpolate::InterpolateError>(())
    /// ```
    pub fn into_ppoly(self) -> PPoly {
        self.pp
    }
}

impl Deref for Akima1DInterpolator {
    type Target = PPoly;
    fn deref(&self) -> &PPoly {
        &self.pp
    }
}

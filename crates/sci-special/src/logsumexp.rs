//! Reductions in log space: `logsumexp`, `softmax`, `log_softmax`.

use crate::Result;
use ndarray::{ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Zip};
use sci_array::{broadcast_shapes, normalize_axis};

/// Options of [`logsumexp`] and [`logsumexp_sign`] (SciPy's keyword arguments).
///
/// # Examples
///
/// ```
/// use sci_special::LogsumexpOptions;
/// let o = LogsumexpOptions::default();
/// assert_eq!(o.axis, None);
/// assert!(o.b.is_none() && !o.keepdims);
/// ```
#[derive(Debug, Clone, Default)]
pub struct LogsumexpOptions<'a> {
    /// Axis to reduce (negative counts from the end); `None` reduces over all elements.
    pub axis: Option<isize>,
    /// Scale factors `b` for `exp(a)`, broadcast against `a`; may be negative.
    pub b: Option<ArrayViewD<'a, f64>>,
    /// Keep the reduced axis (or all axes when `axis` is `None`) with length one.
    pub keepdims: bool,
}

/// NumPy's `sign`: -1, 0 or 1, NaN for NaN.
fn np_sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// `log|Σ b exp(a)|` and the sign of the sum for one lane, SciPy's algorithm: the maximum
/// terms are kept out of the sum (`m`), the others are summed relative to them (`s`), and the
/// result is `log1p(s) + log(m) + max`; non-finite results fall back to the direct formula.
fn lane(a: &[f64], b: Option<&[f64]>, return_sign: bool) -> (f64, f64) {
    if a.is_empty() {
        return (f64::NEG_INFINITY, -1.0);
    }
    let bi = |i: usize| b.map_or(1.0, |b| b[i]);
    let direct: f64 = (0..a.len()).map(|i| bi(i) * a[i].exp()).sum();
    let a2: Vec<f64> = (0..a.len()).map(|i| if bi(i) == 0.0 { f64::NEG_INFINITY } else { a[i] }).collect();
    let amax =
        a2.iter().fold(f64::NEG_INFINITY, |m, &v| if m.is_nan() || v.is_nan() { f64::NAN } else { m.max(v) });
    let mut m = 0.0;
    let mut s = 0.0;
    for (i, &v) in a2.iter().enumerate() {
        if v == amax {
            m += bi(i);
            s += bi(i) * (f64::NEG_INFINITY - amax).exp();
        } else {
            s += bi(i) * (v - amax).exp();
        }
    }
    if s != 0.0 {
        s /= m;
    }
    let mut sgn = np_sign(s + 1.0) * np_sign(m);
    if s < -1.0 {
        s = -s - 2.0;
    }
    let mut out = s.ln_1p() + m.abs().ln() + amax;
    if !return_sign && sgn < 0.0 {
        out = f64::NAN;
    }
    if !out.is_finite() {
        out = if return_sign { direct.abs().ln() } else { direct.ln() };
        sgn = np_sign(direct);
    }
    (out, sgn)
}

fn reduce<S, D>(
    a: &ArrayBase<S, D>,
    opts: &LogsumexpOptions<'_>,
    return_sign: bool,
) -> Result<(ArrayD<f64>, ArrayD<f64>)>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let a = a.view().into_dyn();
    let a = if a.ndim() == 0 { a.into_shape_with_order(IxDyn(&[1])).expect("0-d to 1-d") } else { a };
    let (av, bv) = match &opts.b {
        Some(b) => {
            let shape = IxDyn(&broadcast_shapes(&[a.shape(), b.shape()])?);
            (
                a.broadcast(shape.clone()).expect("checked").to_owned(),
                Some(b.broadcast(shape).expect("checked").to_owned()),
            )
        }
        None => (a.to_owned(), None),
    };
    let ndim = av.ndim();
    let (out, sgn) = match opts.axis {
        None => {
            let af: Vec<f64> = av.iter().copied().collect();
            let bf: Option<Vec<f64>> = bv.as_ref().map(|b| b.iter().copied().collect());
            let (o, s) = lane(&af, bf.as_deref(), return_sign);
            let shape = if opts.keepdims { IxDyn(&vec![1; ndim]) } else { IxDyn(&[]) };
            (ArrayD::from_elem(shape.clone(), o), ArrayD::from_elem(shape, s))
        }
        Some(ax) => {
            let ax = normalize_axis(ax, ndim, "axis")?;
            let pairs = match &bv {
                Some(b) => Zip::from(av.lanes(Axis(ax)))
                    .and(b.lanes(Axis(ax)))
                    .map_collect(|la, lb| lane(&la.to_vec(), Some(&lb.to_vec()), return_sign)),
                None => Zip::from(av.lanes(Axis(ax))).map_collect(|la| lane(&la.to_vec(), None, return_sign)),
            };
            let mut o = pairs.map(|p| p.0);
            let mut s = pairs.map(|p| p.1);
            if opts.keepdims {
                o.insert_axis_inplace(Axis(ax));
                s.insert_axis_inplace(Axis(ax));
            }
            (o, s)
        }
    };
    Ok((out, sgn))
}

/// The logarithm of the sum of exponentials, `log(Σ b·exp(a))`, without overflow.
///
/// The largest terms are factored out, so `logsumexp([1000, 1000]) = 1000 + ln 2`. With
/// weights `b` (which may be negative) a negative sum gives NaN; use [`logsumexp_sign`] to get
/// `log|Σ|` and the sign. Empty input gives `-inf`; elements with weight 0 are ignored even
/// when they are infinite or NaN.
///
/// # Errors
///
/// [`SpecialError::Array`](crate::SpecialError::Array) when `b` does not broadcast against
/// `a` or `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_special::{LogsumexpOptions, gammaln, logsumexp};
/// use sci_array::ndarray::array;
/// let r = logsumexp(&array![1000.0, 1000.0], &LogsumexpOptions::default())?;
/// assert!((r[[]] - (1000.0 + 2f64.ln())).abs() < 1e-12);
/// // log(Γ(500) - Γ(499)) without ever forming the huge numbers:
/// let b = array![1.0, -1.0].into_dyn();
/// let a = array![gammaln(500.0), gammaln(499.0)];
/// let d = logsumexp(&a, &LogsumexpOptions { b: Some(b.view()), ..Default::default() })?;
/// assert!((d[[]] - 2605.1138443430073).abs() < 1e-9);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.logsumexp` (real input).
pub fn logsumexp<S, D>(a: &ArrayBase<S, D>, opts: &LogsumexpOptions<'_>) -> Result<ArrayD<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    reduce(a, opts, false).map(|r| r.0)
}

/// [`logsumexp`] with `return_sign=True`: `(log|Σ b·exp(a)|, sign of the sum)`.
///
/// # Errors
///
/// As [`logsumexp`].
///
/// # Examples
///
/// ```
/// use sci_special::{LogsumexpOptions, logsumexp_sign};
/// use sci_array::ndarray::array;
/// let b = array![1.0, -2.0].into_dyn();
/// let (v, s) = logsumexp_sign(&array![0.0, 0.0], &LogsumexpOptions { b: Some(b.view()), ..Default::default() })?;
/// assert_eq!((v[[]], s[[]]), (0.0, -1.0));
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.logsumexp(..., return_sign=True)`.
pub fn logsumexp_sign<S, D>(
    a: &ArrayBase<S, D>,
    opts: &LogsumexpOptions<'_>,
) -> Result<(ArrayD<f64>, ArrayD<f64>)>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    reduce(a, opts, true)
}

/// Applies `f(lane)` in place to every lane along `axis` (all elements when `None`).
fn per_lane<S, D>(x: &ArrayBase<S, D>, axis: Option<isize>, f: impl Fn(&mut [f64])) -> Result<ArrayD<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut out = x.to_owned().into_dyn();
    match axis {
        None => {
            let mut v: Vec<f64> = out.iter().copied().collect();
            f(&mut v);
            out = ArrayD::from_shape_vec(out.raw_dim(), v).expect("same length");
        }
        Some(ax) => {
            let ax = normalize_axis(ax, out.ndim(), "axis")?;
            for mut lane in out.lanes_mut(Axis(ax)) {
                let mut v = lane.to_vec();
                f(&mut v);
                lane.iter_mut().zip(v).for_each(|(d, s)| *d = s);
            }
        }
    }
    Ok(out)
}

fn nan_max(v: &[f64]) -> f64 {
    v.iter().fold(f64::NEG_INFINITY, |m, &x| if m.is_nan() || x.is_nan() { f64::NAN } else { m.max(x) })
}

/// The softmax function, `exp(x) / Σ exp(x)` along `axis` (all elements when `None`), computed
/// with the maximum subtracted first.
///
/// # Errors
///
/// [`SpecialError::Array`](crate::SpecialError::Array) when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_special::softmax;
/// use sci_array::ndarray::array;
/// let s = softmax(&array![1000.0, 1000.0], None)?;
/// assert_eq!(s, array![0.5, 0.5].into_dyn());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.softmax`.
pub fn softmax<S, D>(x: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    per_lane(x, axis, |v| {
        let m = nan_max(v);
        v.iter_mut().for_each(|e| *e = (*e - m).exp());
        let s: f64 = v.iter().sum();
        v.iter_mut().for_each(|e| *e /= s);
    })
}

/// The logarithm of [`softmax`], `x - logsumexp(x)`, accurate where softmax underflows.
///
/// # Errors
///
/// [`SpecialError::Array`](crate::SpecialError::Array) when `axis` is out of range.
///
/// # Examples
///
/// ```
/// use sci_special::log_softmax;
/// use sci_array::ndarray::array;
/// let s = log_softmax(&array![1000.0, 1.0], None)?;
/// assert_eq!(s, array![0.0, -999.0].into_dyn());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.log_softmax`.
pub fn log_softmax<S, D>(x: &ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayD<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    per_lane(x, axis, |v| {
        let mut m = nan_max(v);
        if !m.is_finite() {
            m = 0.0;
        }
        v.iter_mut().for_each(|e| *e -= m);
        let s: f64 = v.iter().map(|e| e.exp()).sum();
        let l = s.ln();
        v.iter_mut().for_each(|e| *e -= l);
    })
}

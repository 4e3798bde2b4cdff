//! Array creation: ranges (`arange`, `linspace`, `logspace`, `geomspace`), grids (`meshgrid`,
//! `mgrid`, `ogrid`, `indices`) and special matrices (`eye`, `identity`, `full`, `diag`,
//! `diagflat`, `tri`, `tril`, `triu`, `vander`).
//!
//! `zeros`, `ones`, `empty` and `array` are ndarray's own `Array::zeros`, `Array::ones`,
//! `Array::uninit` and `array!`.

use crate::error::{ArrayError, Result};
use ndarray::{Array, Array1, Array2, ArrayBase, ArrayD, Data, Dimension, Ix1, ShapeBuilder};
use num_traits::{Float, One, Zero};
use std::ops::Mul;

mod grids;
pub use grids::*;

/// An element type that [`arange`] can count with: all primitive integers and floats.
pub trait ArangeElement: Copy {
    /// Number of values `ceil((stop - start) / step)`, clamped at 0.
    ///
    /// # Errors
    ///
    /// When `step` is zero or the length cannot be computed (NaN, overflow).
    fn arange_len(start: Self, stop: Self, step: Self) -> Result<usize>;
    /// Fills `out` with the range values, exactly as NumPy does for this type.
    fn arange_fill(start: Self, step: Self, out: &mut [Self]);
}

fn zero_step() -> ArrayError {
    ArrayError::InvalidValue { arg: "step", reason: "step must not be zero (division by zero)".into() }
}

macro_rules! arange_int {
    ($($t:ty),*) => {$(
        impl ArangeElement for $t {
            fn arange_len(start: Self, stop: Self, step: Self) -> Result<usize> {
                if step == 0 {
                    return Err(zero_step());
                }
                let (a, b, s) = (start as i128, stop as i128, step as i128);
                let d = b - a;
                // Ceiling division for either sign of `step`.
                let q = d / s + i128::from(d % s != 0 && ((d < 0) == (s < 0)));
                usize::try_from(q.max(0)).map_err(|_| ArrayError::InvalidValue {
                    arg: "stop",
                    reason: "Maximum allowed size exceeded".into(),
                })
            }
            fn arange_fill(start: Self, step: Self, out: &mut [Self]) {
                let (a, s) = (start as i128, step as i128);
                for (i, o) in out.iter_mut().enumerate() {
                    *o = (a + i as i128 * s) as $t;
                }
            }
        }
    )*};
}
arange_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! arange_float {
    ($($t:ty),*) => {$(
        impl ArangeElement for $t {
            fn arange_len(start: Self, stop: Self, step: Self) -> Result<usize> {
                if step == 0.0 {
                    return Err(zero_step());
                }
                let len = ((stop - start) / step).ceil();
                if len.is_nan() {
                    return Err(ArrayError::InvalidValue {
                        arg: "start",
                        reason: "arange: cannot compute length".into(),
                    });
                }
                if len > (isize::MAX as $t) {
                    return Err(ArrayError::InvalidValue {
                        arg: "stop",
                        reason: "Maximum allowed size exceeded".into(),
                    });
                }
                Ok(if len > 0.0 { len as usize } else { 0 })
            }
            fn arange_fill(start: Self, step: Self, out: &mut [Self]) {
                // NumPy fills `start`, `start + step`, then `start + i * delta` with
                // `delta = (start + step) - start` (the rounded step).
                let delta = (start + step) - start;
                for (i, o) in out.iter_mut().enumerate() {
                    *o = start + i as $t * delta;
                }
                if out.len() > 1 {
                    out[1] = start + step;
                }
            }
        }
    )*};
}
arange_float!(f32, f64);

/// Evenly spaced values in the half-open interval `[start, stop)` with spacing `step`; the
/// length is `ceil((stop - start) / step)`.
///
/// For floats the values are computed as NumPy does (`start + i * ((start + step) - start)`),
/// so results are bit-identical; prefer [`linspace`] for non-integer steps.
///
/// NumPy equivalent: `numpy.arange(start, stop, step)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `step` is zero or the length is NaN or too large.
///
/// # Examples
///
/// ```
/// use sci_array::arange;
/// use sci_array::ndarray::array;
/// assert_eq!(arange(0, 5, 1).unwrap(), array![0, 1, 2, 3, 4]);
/// assert_eq!(arange(10, 0, -3).unwrap(), array![10, 7, 4, 1]);
/// assert_eq!(arange(0.0, 1.0, 0.25).unwrap(), array![0.0, 0.25, 0.5, 0.75]);
/// assert_eq!(arange(1.0, 2.0, 0.3).unwrap().len(), 4);
/// assert!(arange(0, 5, 0).is_err());
/// ```
pub fn arange<T: ArangeElement + Zero>(start: T, stop: T, step: T) -> Result<Array1<T>> {
    let n = T::arange_len(start, stop, step)?;
    let mut v = vec![T::zero(); n];
    T::arange_fill(start, step, &mut v);
    Ok(Array1::from_vec(v))
}

/// `num` evenly spaced samples over `[start, stop]` (or `[start, stop)` when `endpoint` is
/// false).
///
/// Values are `start + i * step` with `step = (stop - start) / (num - 1)` (or `/ num`), and the
/// last value is exactly `stop` when `endpoint` is true, as in NumPy.
///
/// NumPy equivalent: `numpy.linspace(start, stop, num, endpoint)`.
///
/// # Examples
///
/// ```
/// use sci_array::linspace;
/// use sci_array::ndarray::array;
/// assert_eq!(linspace(2.0, 3.0, 5, true), array![2.0, 2.25, 2.5, 2.75, 3.0]);
/// assert_eq!(linspace(2.0, 3.0, 5, false), array![2.0, 2.2, 2.4, 2.6, 2.8]);
/// assert_eq!(linspace(2.0, 3.0, 1, true), array![2.0]);
/// assert_eq!(linspace(2.0f32, 3.0, 0, true).len(), 0);
/// ```
pub fn linspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Array1<F> {
    linspace_retstep(start, stop, num, endpoint).0
}

/// [`linspace`] that also returns the spacing (NaN when it is undefined: `num < 2` with
/// `endpoint`, or `num == 0`).
///
/// NumPy equivalent: `numpy.linspace(..., retstep=True)`.
///
/// # Examples
///
/// ```
/// use sci_array::linspace_retstep;
/// let (x, step) = linspace_retstep(2.0, 3.0, 5, true);
/// assert_eq!(step, 0.25);
/// assert_eq!(x[4], 3.0);
/// assert!(linspace_retstep(2.0f64, 3.0, 1, true).1.is_nan());
/// ```
pub fn linspace_retstep<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> (Array1<F>, F) {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let fi = |i: usize| F::from(i).expect("usize fits a float");
    let (mut y, step) = if div > 0 {
        let d = fi(div);
        let step = delta / d;
        if step == F::zero() {
            // NumPy's special case for denormal steps (gh-5437).
            (Array1::from_iter((0..num).map(|i| fi(i) / d * delta + start)), step)
        } else {
            (Array1::from_iter((0..num).map(|i| fi(i) * step + start)), step)
        }
    } else {
        (Array1::from_iter((0..num).map(|i| fi(i) * delta + start)), F::nan())
    };
    if endpoint && num > 1 {
        y[num - 1] = stop;
    }
    (y, step)
}

/// `num` samples spaced evenly on a log scale: `base ** linspace(start, stop, num, endpoint)`.
///
/// NumPy equivalent: `numpy.logspace(start, stop, num, endpoint, base)`.
///
/// # Examples
///
/// ```
/// use sci_array::logspace;
/// use sci_array::ndarray::array;
/// assert_eq!(logspace(0.0, 3.0, 4, true, 10.0), array![1.0, 10.0, 100.0, 1000.0]);
/// assert_eq!(logspace(0.0, 3.0, 3, false, 2.0), array![1.0, 2.0, 4.0]);
/// ```
pub fn logspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool, base: F) -> Array1<F> {
    linspace(start, stop, num, endpoint).mapv_into(|y| base.powf(y))
}

/// `num` samples spaced evenly on a log scale between the end points themselves (a geometric
/// progression). Negative ranges are allowed; the first (and, with `endpoint`, last) values
/// are exactly `start` and `stop`.
///
/// NumPy equivalent: `numpy.geomspace(start, stop, num, endpoint)` (real arguments).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `start` or `stop` is zero ("Geometric sequence cannot
/// include zero") or they have opposite signs (NumPy would return NaNs).
///
/// # Examples
///
/// ```
/// use sci_array::geomspace;
/// use sci_array::ndarray::array;
/// assert_eq!(geomspace(1.0, 1000.0, 4, true).unwrap(), array![1.0, 10.0, 100.0, 1000.0]);
/// assert_eq!(geomspace(-1000.0, -1.0, 4, true).unwrap(), array![-1000.0, -100.0, -10.0, -1.0]);
/// assert!(geomspace(0.0, 1.0, 4, true).is_err());
/// ```
pub fn geomspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Result<Array1<F>> {
    if start == F::zero() || stop == F::zero() {
        return Err(ArrayError::InvalidValue {
            arg: "start",
            reason: "Geometric sequence cannot include zero".into(),
        });
    }
    if (start < F::zero()) != (stop < F::zero()) {
        return Err(ArrayError::InvalidValue {
            arg: "stop",
            reason: "start and stop must have the same sign for a real geometric sequence".into(),
        });
    }
    let sign = start.signum();
    let (s, e) = (start / sign, stop / sign);
    let ten = F::from(10.0).expect("10 fits a float");
    let mut y = logspace(s.log10(), e.log10(), num, endpoint, ten);
    if num > 0 {
        y[0] = s;
        if num > 1 && endpoint {
            y[num - 1] = e;
        }
    }
    Ok(y.mapv_into(|v| v * sign))
}

/// A 2-d array of shape `(n, m)` (`m` defaults to `n`) with ones on the `k`-th diagonal
/// (`k > 0` above the main diagonal, `k < 0` below) and zeros elsewhere.
///
/// NumPy equivalent: `numpy.eye(N, M, k)`.
///
/// # Examples
///
/// ```
/// use sci_array::eye;
/// use sci_array::ndarray::array;
/// assert_eq!(eye::<i32>(2, None, 0), array![[1, 0], [0, 1]]);
/// assert_eq!(eye::<f64>(3, Some(2), -1), array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]);
/// ```
pub fn eye<T: Clone + Zero + One>(n: usize, m: Option<usize>, k: isize) -> Array2<T> {
    let m = m.unwrap_or(n);
    let mut out = Array2::zeros((n, m));
    for i in 0..n {
        let j = i as isize + k;
        if j >= 0 && (j as usize) < m {
            out[[i, j as usize]] = T::one();
        }
    }
    out
}

/// The `n x n` identity matrix.
///
/// NumPy equivalent: `numpy.identity(n)`.
///
/// # Examples
///
/// ```
/// use sci_array::identity;
/// use sci_array::ndarray::array;
/// assert_eq!(identity::<f64>(2), array![[1.0, 0.0], [0.0, 1.0]]);
/// ```
pub fn identity<T: Clone + Zero + One>(n: usize) -> Array2<T> {
    eye(n, None, 0)
}

/// An array of the given shape (C order, or F order with `.f()`) filled with `value`.
///
/// NumPy equivalent: `numpy.full(shape, fill_value)`.
///
/// # Examples
///
/// ```
/// use sci_array::full;
/// use sci_array::ndarray::array;
/// assert_eq!(full((2, 2), 7), array![[7, 7], [7, 7]]);
/// assert_eq!(full(3, f64::INFINITY)[2], f64::INFINITY);
/// ```
pub fn full<T: Clone, Sh: ShapeBuilder>(shape: Sh, value: T) -> Array<T, Sh::Dim> {
    Array::from_elem(shape, value)
}

/// An array with the shape of `a` filled with `value`.
///
/// NumPy equivalent: `numpy.full_like(a, fill_value)`.
///
/// # Examples
///
/// ```
/// use sci_array::full_like;
/// use sci_array::ndarray::array;
/// assert_eq!(full_like(&array![[1, 2, 3]], 0.5), array![[0.5, 0.5, 0.5]]);
/// ```
pub fn full_like<T: Clone, U, S: Data<Elem = U>, D: Dimension>(a: &ArrayBase<S, D>, value: T) -> Array<T, D> {
    Array::from_elem(a.raw_dim(), value)
}

/// A square 2-d array with `v` on its `k`-th diagonal.
fn diag_from_1d<T: Clone + Zero, S: Data<Elem = T>>(v: &ArrayBase<S, Ix1>, k: isize) -> Array2<T> {
    let n = v.len() + k.unsigned_abs();
    let mut out = Array2::zeros((n, n));
    let (r0, c0) = if k >= 0 { (0, k as usize) } else { (k.unsigned_abs(), 0) };
    for (i, x) in v.iter().enumerate() {
        out[[r0 + i, c0 + i]] = x.clone();
    }
    out
}

/// For a 1-d input, a 2-d array with the input on the `k`-th diagonal; for a 2-d input, a copy
/// of its `k`-th diagonal (`k > 0` above the main diagonal).
///
/// NumPy equivalent: `numpy.diag(v, k)`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `v` is neither 1-d nor 2-d ("Input must be 1- or 2-d.").
///
/// # Examples
///
/// ```
/// use sci_array::diag;
/// use sci_array::ndarray::array;
/// let x = array![[0, 1, 2], [3, 4, 5], [6, 7, 8]];
/// assert_eq!(diag(&x, 0).unwrap(), array![0, 4, 8].into_dyn());
/// assert_eq!(diag(&x, 1).unwrap(), array![1, 5].into_dyn());
/// assert_eq!(diag(&x, -1).unwrap(), array![3, 7].into_dyn());
/// assert_eq!(diag(&array![1, 2], 1).unwrap(), array![[0, 1, 0], [0, 0, 2], [0, 0, 0]].into_dyn());
/// ```
pub fn diag<T, S, D>(v: &ArrayBase<S, D>, k: isize) -> Result<ArrayD<T>>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    let vd = v.view().into_dyn();
    match v.ndim() {
        1 => Ok(diag_from_1d(&vd.into_dimensionality::<Ix1>().expect("1-d"), k).into_dyn()),
        2 => {
            let (r, c) = (v.shape()[0] as isize, v.shape()[1] as isize);
            let (r0, c0) = if k >= 0 { (0, k) } else { (-k, 0) };
            let len = (r - r0).min(c - c0).max(0) as usize;
            let out: Vec<T> = (0..len).map(|i| vd[[r0 as usize + i, c0 as usize + i]].clone()).collect();
            Ok(Array1::from_vec(out).into_dyn())
        }
        _ => Err(ArrayError::ShapeMismatch {
            arg: "v",
            expected: "Input must be 1- or 2-d.".into(),
            found: v.shape().to_vec(),
        }),
    }
}

/// A 2-d array with the flattened (C order) input on the `k`-th diagonal.
///
/// NumPy equivalent: `numpy.diagflat(v, k)`.
///
/// # Examples
///
/// ```
/// use sci_array::diagflat;
/// use sci_array::ndarray::array;
/// assert_eq!(diagflat(&array![[1, 2], [3, 4]], 0).diag().to_vec(), vec![1, 2, 3, 4]);
/// ```
pub fn diagflat<T, S, D>(v: &ArrayBase<S, D>, k: isize) -> Array2<T>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    let flat: Array1<T> = v.iter().cloned().collect();
    diag_from_1d(&flat, k)
}

/// An `(n, m)` array (`m` defaults to `n`) with ones at and below the `k`-th diagonal and
/// zeros elsewhere.
///
/// NumPy equivalent: `numpy.tri(N, M, k)`.
///
/// # Examples
///
/// ```
/// use sci_array::tri;
/// use sci_array::ndarray::array;
/// assert_eq!(tri::<i32>(3, Some(4), 1), array![[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]);
/// assert_eq!(tri::<f64>(2, None, -1), array![[0.0, 0.0], [1.0, 0.0]]);
/// ```
pub fn tri<T: Clone + Zero + One>(n: usize, m: Option<usize>, k: isize) -> Array2<T> {
    let m = m.unwrap_or(n);
    Array2::from_shape_fn((n, m), |(i, j)| if j as isize <= i as isize + k { T::one() } else { T::zero() })
}

fn triangle<T, S, D>(a: &ArrayBase<S, D>, k: isize, lower: bool) -> Result<Array<T, D>>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    if nd < 2 {
        return Err(ArrayError::ShapeMismatch {
            arg: "m",
            expected: "an array with at least 2 dimensions".into(),
            found: a.shape().to_vec(),
        });
    }
    let mut out = a.as_standard_layout().into_owned();
    let (r, c) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    if out.is_empty() {
        return Ok(out);
    }
    let flat = out.as_slice_mut().expect("standard layout");
    for mat in flat.chunks_mut(r * c) {
        for (i, row) in mat.chunks_mut(c).enumerate() {
            // Columns j kept: lower j <= i + k, upper j >= i + k.
            let diag = i as isize + k;
            let cut = |x: isize| x.clamp(0, c as isize) as usize;
            let zero = if lower { cut(diag + 1)..c } else { 0..cut(diag) };
            row[zero].fill(T::zero());
        }
    }
    Ok(out)
}

/// The lower triangle of `a` (on its last two axes): elements above the `k`-th diagonal are
/// set to zero.
///
/// NumPy equivalent: `numpy.tril(m, k)`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] for arrays with fewer than 2 dimensions (NumPy would first
/// broadcast a 1-d input to a square matrix).
///
/// # Examples
///
/// ```
/// use sci_array::tril;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]];
/// assert_eq!(tril(&a, -1).unwrap(), array![[0, 0, 0], [4, 0, 0], [7, 8, 0], [10, 11, 12]]);
/// ```
pub fn tril<T, S, D>(a: &ArrayBase<S, D>, k: isize) -> Result<Array<T, D>>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    triangle(a, k, true)
}

/// The upper triangle of `a` (on its last two axes): elements below the `k`-th diagonal are
/// set to zero.
///
/// NumPy equivalent: `numpy.triu(m, k)`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] for arrays with fewer than 2 dimensions.
///
/// # Examples
///
/// ```
/// use sci_array::triu;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]];
/// assert_eq!(triu(&a, -1).unwrap(), array![[1, 2, 3], [4, 5, 6], [0, 8, 9], [0, 0, 12]]);
/// ```
pub fn triu<T, S, D>(a: &ArrayBase<S, D>, k: isize) -> Result<Array<T, D>>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
    D: Dimension,
{
    triangle(a, k, false)
}

/// The Vandermonde matrix of `x` with `n` columns (default `len(x)`): powers decreasing from
/// `x^(n-1)` to `x^0`, or increasing when `increasing` is true. Powers are built by repeated
/// multiplication, as NumPy does.
///
/// NumPy equivalent: `numpy.vander(x, N, increasing)`.
///
/// # Examples
///
/// ```
/// use sci_array::vander;
/// use sci_array::ndarray::array;
/// let x = array![1, 2, 3, 5];
/// assert_eq!(vander(&x, Some(3), false), array![[1, 1, 1], [4, 2, 1], [9, 3, 1], [25, 5, 1]]);
/// assert_eq!(vander(&x, Some(3), true), array![[1, 1, 1], [1, 2, 4], [1, 3, 9], [1, 5, 25]]);
/// ```
pub fn vander<T, S>(x: &ArrayBase<S, Ix1>, n: Option<usize>, increasing: bool) -> Array2<T>
where
    T: Clone + One + Mul<Output = T>,
    S: Data<Elem = T>,
{
    let n = n.unwrap_or(x.len());
    let mut out = Array2::from_elem((x.len(), n), T::one());
    for (mut row, xi) in out.rows_mut().into_iter().zip(x.iter()) {
        let mut p = T::one();
        for j in 0..n {
            let col = if increasing { j } else { n - 1 - j };
            row[col] = p.clone();
            p = p * xi.clone();
        }
    }
    out
}

//! Elementwise comparison with tolerance and whole-array equality: `isclose`, `allclose`,
//! `array_equal`, `array_equiv`.
//!
//! NumPy's `isclose` defaults (`rtol = 1e-5`, `atol = 1e-8`, NaN unequal) differ from
//! `assert_allclose`'s (`rtol = 1e-7`, `atol = 0`, NaN equal); [`CloseOptions::default`] has
//! the `isclose` ones.

use crate::testing::CloseElement;
use crate::{ArrayError, Result};
use ndarray::{ArrayBase, ArrayD, ArrayViewD, Data, Dimension, IxDyn, Zip};

/// The tolerances of [`isclose`] and [`allclose`]: `|a - b| <= atol + rtol * |b|`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CloseOptions {
    /// Relative tolerance (NumPy default `1e-5`).
    pub rtol: f64,
    /// Absolute tolerance (NumPy default `1e-8`).
    pub atol: f64,
    /// Whether NaN compares equal to NaN (NumPy default `false`).
    pub equal_nan: bool,
}

impl Default for CloseOptions {
    fn default() -> Self {
        Self { rtol: 1e-5, atol: 1e-8, equal_nan: false }
    }
}

/// The NumPy broadcast shape of two shapes, or `None`.
pub(crate) fn broadcast_pair(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let da = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let db = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

/// Both inputs as views broadcast to their common shape.
pub(crate) fn broadcast_both<'a, A, B, S1, S2, D1, D2>(
    a: &'a ArrayBase<S1, D1>,
    b: &'a ArrayBase<S2, D2>,
) -> Result<(ArrayViewD<'a, A>, ArrayViewD<'a, B>)>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    D1: Dimension,
    D2: Dimension,
{
    let err = || ArrayError::Broadcast { shapes: format!("{:?} {:?}", a.shape(), b.shape()) };
    let shape = broadcast_pair(a.shape(), b.shape()).ok_or_else(err)?;
    let av = a.broadcast(IxDyn(&shape)).ok_or_else(err)?;
    let bv = b.broadcast(IxDyn(&shape)).ok_or_else(err)?;
    Ok((av, bv))
}

#[inline]
fn close_one<T: CloseElement>(a: &T, b: &T, o: &CloseOptions) -> bool {
    if a.is_nan_value() || b.is_nan_value() {
        return o.equal_nan && a.is_nan_value() && b.is_nan_value();
    }
    if a.is_inf_value() || b.is_inf_value() {
        return a.same(b);
    }
    a.distance(b) <= o.atol + o.rtol * b.magnitude()
}

/// Elementwise "close within tolerance": `|a - b| <= atol + rtol * |b|` (asymmetric in `b`,
/// like NumPy), infinities close only to the same infinity, NaN close to NaN only with
/// `equal_nan`. The inputs are broadcast against each other.
///
/// NumPy equivalent: `numpy.isclose`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes cannot be broadcast together.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{isclose, CloseOptions};
/// let a = array![1e10, 1e-7, f64::NAN];
/// let b = array![1.00001e10, 1e-8, f64::NAN];
/// let r = isclose(&a, &b, &CloseOptions::default()).unwrap();
/// assert_eq!(r, array![true, false, false].into_dyn());
/// let r = isclose(&a, &b, &CloseOptions { equal_nan: true, atol: 0.0, ..Default::default() }).unwrap();
/// assert_eq!(r, array![true, false, true].into_dyn());
/// ```
pub fn isclose<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    opts: &CloseOptions,
) -> Result<ArrayD<bool>>
where
    T: CloseElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (av, bv) = broadcast_both(a, b)?;
    Ok(Zip::from(&av).and(&bv).map_collect(|x, y| close_one(x, y, opts)))
}

/// True when [`isclose`] holds for every (broadcast) element pair.
///
/// NumPy equivalent: `numpy.allclose`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes cannot be broadcast together.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{allclose, CloseOptions};
/// let o = CloseOptions::default();
/// assert!(allclose(&array![1e10, 1e-8], &array![1.00001e10, 1e-9], &o).unwrap());
/// assert!(!allclose(&array![1e10, 1e-7], &array![1.0001e10, 1e-8], &o).unwrap());
/// assert!(allclose(&array![[1.0, 1.0]], &array![1.0], &o).unwrap());
/// ```
pub fn allclose<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    opts: &CloseOptions,
) -> Result<bool>
where
    T: CloseElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (av, bv) = broadcast_both(a, b)?;
    Ok(Zip::from(&av).and(&bv).all(|x, y| close_one(x, y, opts)))
}

#[inline]
fn equal_one<T: CloseElement + PartialEq>(a: &T, b: &T, equal_nan: bool) -> bool {
    a == b || (equal_nan && a.is_nan_value() && b.is_nan_value())
}

/// True when both arrays have the same shape and elements (NaN equal to NaN only with
/// `equal_nan`).
///
/// NumPy equivalent: `numpy.array_equal`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::array_equal;
/// assert!(array_equal(&array![1, 2], &array![1, 2], false));
/// assert!(!array_equal(&array![1, 2], &array![[1, 2]], false));
/// assert!(!array_equal(&array![1.0, f64::NAN], &array![1.0, f64::NAN], false));
/// assert!(array_equal(&array![1.0, f64::NAN], &array![1.0, f64::NAN], true));
/// ```
pub fn array_equal<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>, equal_nan: bool) -> bool
where
    T: CloseElement + PartialEq,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    a.shape() == b.shape() && a.iter().zip(b.iter()).all(|(x, y)| equal_one(x, y, equal_nan))
}

/// True when the arrays broadcast to a common shape and are equal elementwise there.
///
/// NumPy equivalent: `numpy.array_equiv`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::array_equiv;
/// assert!(array_equiv(&array![1, 2], &array![[1, 2], [1, 2]]));
/// assert!(!array_equiv(&array![1, 2], &array![[1, 2, 1, 2], [1, 2, 1, 2]]));
/// assert!(!array_equiv(&array![1, 2], &array![[1, 2], [1, 3]]));
/// ```
pub fn array_equiv<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> bool
where
    T: CloseElement + PartialEq,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    match broadcast_both(a, b) {
        Ok((av, bv)) => Zip::from(&av).and(&bv).all(|x, y| x == y),
        Err(_) => false,
    }
}

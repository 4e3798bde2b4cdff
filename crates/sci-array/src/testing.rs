//! Comparison helpers with NumPy's semantics, for tests and for checking results at run time.
//!
//! [`assert_allclose`] mirrors `numpy.testing.assert_allclose`: elementwise
//! `|actual - desired| <= atol + rtol * |desired|`, NaN equal to NaN, infinities equal only to
//! the same infinity, and a message that names the worst element. [`check_allclose`] is the
//! same test returning a `Result` instead of panicking.
//!
//! [`PanicSweep`] runs the many calls of a no-panic sweep (every function of a crate on empty,
//! NaN, infinite and degenerate inputs) and lists each call that panicked.
//!
//! With the `fixtures` feature, `fixture` reads the JSON reference files written by the
//! generators under `tools/fixtures/`.

use ndarray::{ArrayBase, Data, Dimension};
use num_complex::Complex;
use std::fmt::Debug;

/// An element type that [`assert_allclose`] can compare.
///
/// Implemented for the float, complex, integer and `bool` element types.
pub trait CloseElement: Copy + Debug {
    /// True when the value is NaN (never for integers).
    fn is_nan_value(&self) -> bool;
    /// True when the value is infinite (never for integers).
    fn is_inf_value(&self) -> bool;
    /// `|self - other|` as `f64`.
    fn distance(&self, other: &Self) -> f64;
    /// `|self|` as `f64`.
    fn magnitude(&self) -> f64;
    /// Exact equality (used for infinities).
    fn same(&self, other: &Self) -> bool;
}

macro_rules! close_float {
    ($($t:ty),*) => {$(
        impl CloseElement for $t {
            fn is_nan_value(&self) -> bool { self.is_nan() }
            fn is_inf_value(&self) -> bool { self.is_infinite() }
            fn distance(&self, other: &Self) -> f64 { (*self as f64 - *other as f64).abs() }
            fn magnitude(&self) -> f64 { (*self as f64).abs() }
            #[allow(clippy::float_cmp)]
            fn same(&self, other: &Self) -> bool { self == other }
        }
        impl CloseElement for Complex<$t> {
            fn is_nan_value(&self) -> bool { self.re.is_nan() || self.im.is_nan() }
            fn is_inf_value(&self) -> bool { self.re.is_infinite() || self.im.is_infinite() }
            fn distance(&self, other: &Self) -> f64 {
                (self.re as f64 - other.re as f64).hypot(self.im as f64 - other.im as f64)
            }
            fn magnitude(&self) -> f64 { (self.re as f64).hypot(self.im as f64) }
            #[allow(clippy::float_cmp)]
            fn same(&self, other: &Self) -> bool { self == other }
        }
    )*};
}
close_float!(f32, f64);

macro_rules! close_int {
    ($($t:ty),*) => {$(
        impl CloseElement for $t {
            fn is_nan_value(&self) -> bool { false }
            fn is_inf_value(&self) -> bool { false }
            fn distance(&self, other: &Self) -> f64 { (*self as f64 - *other as f64).abs() }
            fn magnitude(&self) -> f64 { (*self as f64).abs() }
            fn same(&self, other: &Self) -> bool { self == other }
        }
    )*};
}
close_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl CloseElement for bool {
    fn is_nan_value(&self) -> bool {
        false
    }
    fn is_inf_value(&self) -> bool {
        false
    }
    fn distance(&self, other: &Self) -> f64 {
        if self == other { 0.0 } else { 1.0 }
    }
    fn magnitude(&self) -> f64 {
        if *self { 1.0 } else { 0.0 }
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

/// NumPy's `isclose` for one pair of elements, with `equal_nan = true`.
///
/// # Examples
///
/// ```
/// use sci_array::testing::is_close;
/// assert!(is_close(&1.0, &(1.0 + 1e-12), 1e-9, 0.0));
/// assert!(is_close(&f64::NAN, &f64::NAN, 1e-9, 0.0));
/// assert!(!is_close(&f64::INFINITY, &f64::NEG_INFINITY, 1e-9, 0.0));
/// ```
pub fn is_close<T: CloseElement>(actual: &T, desired: &T, rtol: f64, atol: f64) -> bool {
    if actual.is_nan_value() || desired.is_nan_value() {
        return actual.is_nan_value() && desired.is_nan_value();
    }
    if actual.is_inf_value() || desired.is_inf_value() {
        return actual.same(desired);
    }
    actual.distance(desired) <= atol + rtol * desired.magnitude()
}

/// `numpy.testing.assert_allclose` as a `Result`: `Ok(())` when every element is close,
/// otherwise a message naming the number of mismatches and the worst element.
///
/// Shapes must be equal (a 0-d `desired` is not broadcast; use `Array::from_elem`).
///
/// # Errors
///
/// A `String` describing the mismatch, in the style of NumPy's assertion message.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::testing::check_allclose;
/// assert!(check_allclose(&array![1.0, 2.0], &array![1.0, 2.0 + 1e-9], 1e-7, 0.0).is_ok());
/// let msg = check_allclose(&array![1.0, 2.0], &array![1.0, 3.0], 1e-7, 0.0).unwrap_err();
/// assert!(msg.contains("Mismatched elements: 1 / 2"));
/// ```
pub fn check_allclose<T, S1, S2, D1, D2>(
    actual: &ArrayBase<S1, D1>,
    desired: &ArrayBase<S2, D2>,
    rtol: f64,
    atol: f64,
) -> Result<(), String>
where
    T: CloseElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if actual.shape() != desired.shape() {
        return Err(format!(
            "Not equal to tolerance rtol={rtol:e}, atol={atol:e}\n(shapes {:?}, {:?} mismatch)",
            actual.shape(),
            desired.shape()
        ));
    }
    let mut mismatches = 0usize;
    let mut worst: Option<(f64, Vec<usize>, T, T)> = None;
    let actual_dyn = actual.view().into_dyn();
    for ((idx, a), d) in actual_dyn.indexed_iter().zip(desired.iter()) {
        if !is_close(a, d, rtol, atol) {
            mismatches += 1;
            let excess = if a.is_nan_value() || d.is_nan_value() || a.is_inf_value() || d.is_inf_value() {
                f64::INFINITY
            } else {
                a.distance(d) - (atol + rtol * d.magnitude())
            };
            if worst.as_ref().is_none_or(|w| excess > w.0) {
                worst = Some((excess, idx.slice().to_vec(), *a, *d));
            }
        }
    }
    match worst {
        None => Ok(()),
        Some((_, index, a, d)) => {
            let abs = a.distance(&d);
            let rel = abs / d.magnitude();
            Err(format!(
                "Not equal to tolerance rtol={rtol:e}, atol={atol:e}\n\
                 Mismatched elements: {mismatches} / {} ({:.3}%)\n\
                 Worst element at index {index:?}: actual {a:?}, desired {d:?} \
                 (abs diff {abs:e}, rel diff {rel:e})",
                actual.len(),
                100.0 * mismatches as f64 / actual.len() as f64
            ))
        }
    }
}

/// `numpy.testing.assert_allclose`: panics with NumPy's message when `actual` and `desired`
/// differ by more than `atol + rtol * |desired|` anywhere.
///
/// NumPy's defaults are `rtol = 1e-7`, `atol = 0`.
///
/// # Panics
///
/// When the shapes differ or any element is not close.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::testing::assert_allclose;
/// assert_allclose(&array![[1.0, f64::NAN]], &array![[1.0 + 1e-10, f64::NAN]], 1e-7, 0.0);
/// ```
#[track_caller]
pub fn assert_allclose<T, S1, S2, D1, D2>(
    actual: &ArrayBase<S1, D1>,
    desired: &ArrayBase<S2, D2>,
    rtol: f64,
    atol: f64,
) where
    T: CloseElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if let Err(msg) = check_allclose(actual, desired, rtol, atol) {
        panic!("{msg}");
    }
}

/// `numpy.testing.assert_array_equal`: exact equality of shapes and elements (NaN equals NaN).
///
/// # Panics
///
/// When the shapes or any element differ.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// sci_array::testing::assert_array_equal(&array![1, 2, 3], &array![1, 2, 3]);
/// ```
#[track_caller]
pub fn assert_array_equal<T, S1, S2, D1, D2>(actual: &ArrayBase<S1, D1>, desired: &ArrayBase<S2, D2>)
where
    T: CloseElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if let Err(msg) = check_allclose(actual, desired, 0.0, 0.0) {
        panic!("Arrays are not equal\n{msg}");
    }
}

#[cfg(feature = "fixtures")]
pub mod fixture;

mod sweep;
pub use sweep::PanicSweep;

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    #[test]
    fn close_and_not_close() {
        assert!(check_allclose(&array![1.0, 2.0], &array![1.0, 2.0], 0.0, 0.0).is_ok());
        let err = check_allclose(&array![[1.0, 2.0], [3.0, 4.0]], &array![[1.0, 2.0], [3.0, 5.0]], 1e-7, 0.0)
            .unwrap_err();
        assert!(err.contains("[1, 1]"), "{err}");
        assert!(err.contains("1 / 4"), "{err}");
    }

    #[test]
    fn shape_mismatch_is_reported() {
        let a: Array2<f64> = Array2::zeros((2, 3));
        let b: Array2<f64> = Array2::zeros((3, 2));
        assert!(check_allclose(&a, &b, 1.0, 1.0).unwrap_err().contains("mismatch"));
    }

    #[test]
    fn nan_and_inf_semantics() {
        assert!(check_allclose(&array![f64::NAN], &array![f64::NAN], 0.0, 0.0).is_ok());
        assert!(check_allclose(&array![f64::NAN], &array![1.0], 1.0, 1.0).is_err());
        assert!(check_allclose(&array![f64::INFINITY], &array![f64::INFINITY], 0.0, 0.0).is_ok());
        assert!(check_allclose(&array![f64::INFINITY], &array![f64::NEG_INFINITY], 1.0, 1.0).is_err());
        assert!(check_allclose(&array![1e300], &array![f64::INFINITY], 1.0, 1.0).is_err());
    }

    #[test]
    fn atol_and_rtol() {
        assert!(check_allclose(&array![0.0], &array![1e-9], 0.0, 1e-8).is_ok());
        assert!(check_allclose(&array![0.0], &array![1e-9], 0.5, 0.0).is_err());
        assert!(check_allclose(&array![100.0], &array![101.0], 0.01, 0.0).is_ok());
        // rtol scales |desired|, not |actual|: NumPy's asymmetric definition.
        assert!(check_allclose(&array![101.0f32], &array![100.0f32], 0.01, 0.0).is_ok());
        assert!(check_allclose(&array![100.0], &array![99.0], 0.01, 0.0).is_err());
    }

    #[test]
    fn complex_and_int() {
        use num_complex::Complex64;
        let a = array![Complex64::new(1.0, 1.0)];
        let b = array![Complex64::new(1.0, 1.0 + 1e-12)];
        assert!(check_allclose(&a, &b, 1e-9, 0.0).is_ok());
        assert!(check_allclose(&array![1i64, 2], &array![1i64, 3], 0.0, 0.0).is_err());
    }

    #[test]
    #[should_panic(expected = "Arrays are not equal")]
    fn assert_array_equal_panics() {
        assert_array_equal(&array![true, false], &array![true, true]);
    }
}

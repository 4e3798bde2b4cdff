//! Broadcasting: NumPy's `broadcast_shapes`, `broadcast_to`, `broadcast_arrays`, and
//! elementwise binary operations between operands of any broadcast-compatible shapes.
//!
//! ndarray's arithmetic operators broadcast only the right-hand side (or both since 0.15 for
//! `&a + &b`, but they panic on incompatible shapes); the functions here return
//! [`ArrayError::Broadcast`] with NumPy's message instead.

use crate::error::{ArrayError, Result, format_shapes};
use ndarray::{ArrayBase, ArrayD, ArrayView, ArrayViewD, Data, Dimension, IntoDimension, IxDyn, Zip};
use std::ops::{Add, Div, Mul, Sub};

/// Above this many output elements the convenience operations run in parallel.
#[cfg(feature = "rayon")]
const PAR_THRESHOLD: usize = 100_000;

/// The shape that `shapes` broadcast to, with NumPy's rules (align trailing axes; each pair of
/// lengths must be equal or one of them 1).
///
/// NumPy equivalent: `numpy.broadcast_shapes`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] naming all shapes when they are incompatible.
///
/// # Examples
///
/// ```
/// use sci_array::broadcast_shapes;
/// assert_eq!(broadcast_shapes(&[&[1, 2], &[3, 1], &[3, 2]]).unwrap(), vec![3, 2]);
/// assert_eq!(broadcast_shapes(&[&[6, 7], &[5, 6, 1], &[7], &[5, 1, 7]]).unwrap(), vec![5, 6, 7]);
/// let e = broadcast_shapes(&[&[2, 3], &[4]]).unwrap_err();
/// assert_eq!(e.to_string(), "operands could not be broadcast together with shapes [2, 3] [4]");
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        let off = nd - s.len();
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[off + i];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(ArrayError::Broadcast { shapes: format_shapes(shapes) });
            }
        }
    }
    Ok(out)
}

/// A read-only view of `a` broadcast to `shape` (repeated elements share memory).
///
/// NumPy equivalent: `numpy.broadcast_to(array, shape)`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when `a` cannot be broadcast to `shape` (broadcasting only adds
/// leading axes and stretches axes of length 1).
///
/// # Examples
///
/// ```
/// use sci_array::broadcast_to;
/// use sci_array::ndarray::array;
/// let x = array![1, 2, 3];
/// let b = broadcast_to(&x, (3, 3)).unwrap();
/// assert_eq!(b, array![[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
/// assert_eq!(b.strides(), &[0, 1]);
/// assert!(broadcast_to(&x, (2, 4)).is_err());
/// ```
pub fn broadcast_to<'a, T, S, D, E>(a: &'a ArrayBase<S, D>, shape: E) -> Result<ArrayView<'a, T, E::Dim>>
where
    S: Data<Elem = T>,
    D: Dimension,
    E: IntoDimension,
{
    let dim = shape.into_dimension();
    let err = || ArrayError::Broadcast { shapes: format_shapes(&[a.shape(), dim.slice()]) };
    // ndarray's `broadcast` also accepts what NumPy accepts, but check first to report errors.
    let target = broadcast_shapes(&[a.shape(), dim.slice()]).map_err(|_| err())?;
    if target.as_slice() != dim.slice() {
        return Err(err());
    }
    let e = err();
    a.broadcast(dim).ok_or(e)
}

/// Broadcasts any number of views against each other; returns views of the common shape.
///
/// NumPy equivalent: `numpy.broadcast_arrays`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes are incompatible.
///
/// # Examples
///
/// ```
/// use sci_array::broadcast_arrays;
/// use sci_array::ndarray::array;
/// let x = array![[1, 2, 3]];
/// let y = array![[4], [5]];
/// let out = broadcast_arrays(&[x.view().into_dyn(), y.view().into_dyn()]).unwrap();
/// assert_eq!(out[0], array![[1, 2, 3], [1, 2, 3]].into_dyn());
/// assert_eq!(out[1], array![[4, 4, 4], [5, 5, 5]].into_dyn());
/// ```
pub fn broadcast_arrays<'a, T>(arrays: &[ArrayViewD<'a, T>]) -> Result<Vec<ArrayViewD<'a, T>>> {
    let shapes: Vec<&[usize]> = arrays.iter().map(|a| a.shape()).collect();
    let shape = IxDyn(&broadcast_shapes(&shapes)?);
    Ok(arrays
        .iter()
        .map(|a| {
            let v = a.broadcast(shape.clone()).expect("shape checked by broadcast_shapes");
            // `broadcast` ties the view to the borrow of `a`, but the data is borrowed for 'a:
            // rebuild the same view (same pointer, shape and strides) with lifetime 'a.
            // SAFETY: every element reachable from `v` is an element of `a`, whose data is
            // borrowed immutably for 'a (ndarray checked the broadcast strides).
            #[allow(unsafe_code)]
            let out = unsafe { crate::views::view_from_parts(v.as_ptr(), v.shape(), v.strides()) };
            out
        })
        .collect())
}

/// Broadcasts two operands to their common shape and applies `f` elementwise.
///
/// The operands may have any (different) dimensionalities; the result is a C-ordered
/// [`ArrayD`].
///
/// NumPy equivalent: any binary ufunc, e.g. `numpy.add(a, b)` / `a + b`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes are incompatible.
///
/// # Examples
///
/// ```
/// use sci_array::broadcast_zip;
/// use sci_array::ndarray::array;
/// let a = array![[0.0, 1.0], [2.0, 3.0]];
/// let b = array![10.0, 20.0];
/// let h = broadcast_zip(&a, &b, |x: f64, y: f64| x.hypot(y)).unwrap();
/// assert_eq!(h.shape(), &[2, 2]);
/// assert_eq!(h[[0, 0]], 10.0);
/// ```
pub fn broadcast_zip<A, B, C, S1, S2, D1, D2, F>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    f: F,
) -> Result<ArrayD<C>>
where
    A: Clone,
    B: Clone,
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    D1: Dimension,
    D2: Dimension,
    F: Fn(A, B) -> C,
{
    let shape = IxDyn(&broadcast_shapes(&[a.shape(), b.shape()])?);
    let av = a.broadcast(shape.clone()).expect("checked");
    let bv = b.broadcast(shape).expect("checked");
    Ok(Zip::from(&av).and(&bv).map_collect(|x, y| f(x.clone(), y.clone())))
}

/// [`broadcast_zip`] for thread-safe element types and closures, run in parallel above
/// 100 000 output elements (with the `rayon` feature). Results are identical to the serial
/// version: each element is computed independently.
fn broadcast_zip_par<A, B, C, S1, S2, D1, D2, F>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    f: F,
) -> Result<ArrayD<C>>
where
    A: Clone + Sync,
    B: Clone + Sync,
    C: Send,
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    D1: Dimension,
    D2: Dimension,
    F: Fn(A, B) -> C + Sync + Send,
{
    let shape = IxDyn(&broadcast_shapes(&[a.shape(), b.shape()])?);
    let av = a.broadcast(shape.clone()).expect("checked");
    let bv = b.broadcast(shape).expect("checked");
    #[cfg(feature = "rayon")]
    if av.len() >= PAR_THRESHOLD {
        return Ok(Zip::from(&av).and(&bv).par_map_collect(|x, y| f(x.clone(), y.clone())));
    }
    Ok(Zip::from(&av).and(&bv).map_collect(|x, y| f(x.clone(), y.clone())))
}

macro_rules! binary_op {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $op:tt) => {
        $(#[$doc])*
        ///
        /// # Errors
        ///
        /// [`ArrayError::Broadcast`] when the shapes are incompatible.
        pub fn $name<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<T>>
        where
            T: Clone + $tr + Send + Sync,
            S1: Data<Elem = T>,
            S2: Data<Elem = T>,
            D1: Dimension,
            D2: Dimension,
        {
            broadcast_zip_par(a, b, |x: T, y: T| x $op y)
        }
    };
}

/// `Add<Output = Self>`, for the [`add`] bound.
pub trait AddSelf: Add<Output = Self> + Sized {}
impl<T: Add<Output = T>> AddSelf for T {}
/// `Sub<Output = Self>`, for the [`subtract`] bound.
pub trait SubSelf: Sub<Output = Self> + Sized {}
impl<T: Sub<Output = T>> SubSelf for T {}
/// `Mul<Output = Self>`, for the [`multiply`] bound.
pub trait MulSelf: Mul<Output = Self> + Sized {}
impl<T: Mul<Output = T>> MulSelf for T {}

binary_op!(
    /// Elementwise `a + b` with NumPy broadcasting of both operands.
    ///
    /// NumPy equivalent: `numpy.add` / `a + b`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::add;
    /// use sci_array::ndarray::array;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(add(&a, &array![10, 20, 30]).unwrap(), array![[11, 22, 33], [14, 25, 36]].into_dyn());
    /// assert_eq!(add(&array![[1], [2]], &array![10, 20]).unwrap(), array![[11, 21], [12, 22]].into_dyn());
    /// assert!(add(&a, &array![1, 2]).is_err());
    /// ```
    add, AddSelf, +
);
binary_op!(
    /// Elementwise `a - b` with NumPy broadcasting of both operands.
    ///
    /// NumPy equivalent: `numpy.subtract` / `a - b`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::subtract;
    /// use sci_array::ndarray::array;
    /// assert_eq!(subtract(&array![[5], [7]], &array![1, 2]).unwrap(), array![[4, 3], [6, 5]].into_dyn());
    /// ```
    subtract, SubSelf, -
);
binary_op!(
    /// Elementwise `a * b` with NumPy broadcasting of both operands.
    ///
    /// NumPy equivalent: `numpy.multiply` / `a * b`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::multiply;
    /// use sci_array::ndarray::array;
    /// assert_eq!(multiply(&array![1.0, 2.0], &array![[1.0], [10.0]]).unwrap(),
    ///            array![[1.0, 2.0], [10.0, 20.0]].into_dyn());
    /// ```
    multiply, MulSelf, *
);
/// Element types that [`divide`] accepts: floats and complex numbers, whose division by zero
/// gives `inf`/`nan` as in NumPy instead of panicking like integer division.
pub trait TrueDivide: Clone + Div<Output = Self> + Send + Sync {}
impl TrueDivide for f32 {}
impl TrueDivide for f64 {}
impl TrueDivide for num_complex::Complex<f32> {}
impl TrueDivide for num_complex::Complex<f64> {}

binary_op!(
    /// Elementwise `a / b` (true division) with NumPy broadcasting of both operands, for float
    /// and complex elements.
    ///
    /// NumPy equivalent: `numpy.divide` / `a / b` (on floats; NumPy also converts integers to
    /// float, which is not done here).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::divide;
    /// use sci_array::ndarray::array;
    /// let q = divide(&array![[1.0f64, 2.0], [3.0, 4.0]], &array![2.0, 0.0]).unwrap();
    /// assert_eq!(q[[1, 0]], 1.5);
    /// assert!(q[[0, 1]].is_infinite());
    /// ```
    divide, TrueDivide, /
);

//! Array entry points: apply a scalar special function element-wise, NumPy-ufunc style.
//!
//! SciPy's special functions are ufuncs: they take arrays of any shape, broadcast their
//! arguments against each other and return an array of the broadcast shape. Here every
//! function is a plain scalar `fn(f64) -> f64`, and these helpers lift it to arrays:
//! [`ufunc1`] keeps the input's shape, [`ufunc2`] and [`ufunc3`] broadcast like NumPy. Large
//! arrays are evaluated in parallel; each element is computed independently, so the result does
//! not depend on the number of threads.

use crate::Result;
use ndarray::{ArrayBase, ArrayD, Data, Dimension, IxDyn, Zip};
use sci_array::broadcast_shapes;

/// Arrays with at least this many elements are evaluated in parallel.
const PAR_THRESHOLD: usize = 20_000;

/// Applies a one-argument scalar function to every element of `x` (any shape, any layout).
///
/// # Examples
///
/// ```
/// use sci_special::{gamma, ufunc1};
/// use sci_array::ndarray::array;
/// let g = ufunc1(&array![[1.0, 2.0], [3.0, 4.0]], gamma);
/// assert_eq!(g, array![[1.0, 1.0], [2.0, 6.0]]);
/// ```
///
/// SciPy equivalent: calling any one-argument `scipy.special` ufunc on an array.
pub fn ufunc1<S, D, C, F>(x: &ArrayBase<S, D>, f: F) -> ndarray::Array<C, D>
where
    S: Data<Elem = f64>,
    D: Dimension,
    C: Send,
    F: Fn(f64) -> C + Sync + Send,
{
    if x.len() >= PAR_THRESHOLD { Zip::from(x).par_map_collect(|&v| f(v)) } else { x.map(|&v| f(v)) }
}

/// Applies a two-argument scalar function to `a` and `b` broadcast against each other.
///
/// # Errors
///
/// [`SpecialError::Array`](crate::SpecialError::Array) when the shapes do not broadcast.
///
/// # Examples
///
/// ```
/// use sci_special::{ufunc2, xlog1py};
/// use sci_array::ndarray::array;
/// let r = ufunc2(&array![1.0, 2.0], &array![[3.0], [4.0], [5.0]], xlog1py)?;
/// assert_eq!(r.shape(), &[3, 2]);
/// assert_eq!(r[[2, 1]], 2.0 * 6f64.ln());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: calling a two-argument `scipy.special` ufunc (`xlogy`, `jv`, ...) on arrays.
pub fn ufunc2<S1, S2, D1, D2, C, F>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>, f: F) -> Result<ArrayD<C>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
    C: Send,
    F: Fn(f64, f64) -> C + Sync + Send,
{
    let shape = IxDyn(&broadcast_shapes(&[a.shape(), b.shape()])?);
    let av = a.broadcast(shape.clone()).expect("shape checked by broadcast_shapes");
    let bv = b.broadcast(shape).expect("shape checked by broadcast_shapes");
    let z = Zip::from(&av).and(&bv);
    Ok(if av.len() >= PAR_THRESHOLD {
        z.par_map_collect(|&x, &y| f(x, y))
    } else {
        z.map_collect(|&x, &y| f(x, y))
    })
}

/// Applies a three-argument scalar function to `a`, `b` and `c` broadcast together.
///
/// # Errors
///
/// [`SpecialError::Array`](crate::SpecialError::Array) when the shapes do not broadcast.
///
/// # Examples
///
/// ```
/// use sci_special::ufunc3;
/// use sci_array::ndarray::array;
/// let r = ufunc3(&array![1.0, 2.0], &array![[10.0], [20.0]], &array![0.5], |a, b, c| a * b + c)?;
/// assert_eq!(r, array![[10.5, 20.5], [20.5, 40.5]].into_dyn());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: calling a three-argument `scipy.special` ufunc (`betainc`, ...) on arrays.
pub fn ufunc3<S1, S2, S3, D1, D2, D3, C, F>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    c: &ArrayBase<S3, D3>,
    f: F,
) -> Result<ArrayD<C>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
    D3: Dimension,
    C: Send,
    F: Fn(f64, f64, f64) -> C + Sync + Send,
{
    let shape = IxDyn(&broadcast_shapes(&[a.shape(), b.shape(), c.shape()])?);
    let av = a.broadcast(shape.clone()).expect("shape checked by broadcast_shapes");
    let bv = b.broadcast(shape.clone()).expect("shape checked by broadcast_shapes");
    let cv = c.broadcast(shape).expect("shape checked by broadcast_shapes");
    let z = Zip::from(&av).and(&bv).and(&cv);
    Ok(if av.len() >= PAR_THRESHOLD {
        z.par_map_collect(|&x, &y, &w| f(x, y, w))
    } else {
        z.map_collect(|&x, &y, &w| f(x, y, w))
    })
}

//! `clip`, `hypot` and `axpy`.

use super::buffer;
use crate::comparison::broadcast_both;
use crate::{ArrayError, Result};
use ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, Zip};
use num_traits::Float;
use std::mem::MaybeUninit;
use std::ops::{Add, Mul};

/// Above this many elements the elementwise kernels run in parallel.
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 1 << 17;

#[allow(clippy::eq_op)]
#[inline]
fn is_nan<A: PartialOrd>(x: &A) -> bool {
    x != x
}

/// Limits the values to `[min, max]`: NumPy's `minimum(maximum(a, min), max)`, so NaN
/// propagates (from `a` or from a bound) and `min > max` gives `max` everywhere.
///
/// NumPy equivalent: `numpy.clip`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when both bounds are `None`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::clip;
/// let a = array![0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/// assert_eq!(clip(&a, Some(1), Some(8)).unwrap(), array![1, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
/// assert_eq!(clip(&a, Some(8), Some(1)).unwrap(), array![1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
/// assert_eq!(clip(&array![-1.5, f64::INFINITY], Some(0.0), None).unwrap(), array![0.0, f64::INFINITY]);
/// ```
pub fn clip<A, S, D>(a: &ArrayBase<S, D>, min: Option<A>, max: Option<A>) -> Result<Array<A, D>>
where
    A: PartialOrd + Copy,
    S: Data<Elem = A>,
    D: Dimension,
{
    if min.is_none() && max.is_none() {
        return Err(ArrayError::InvalidValue {
            arg: "min",
            reason: "One of max or min must be given".into(),
        });
    }
    // NaN-propagating maximum / minimum.
    let maximum = |x: A, b: A| if is_nan(&x) || x >= b { x } else { b };
    let minimum = |x: A, b: A| if is_nan(&x) || x <= b { x } else { b };
    Ok(a.mapv(|x| {
        let y = match min {
            Some(lo) => maximum(x, lo),
            None => x,
        };
        match max {
            Some(hi) => minimum(y, hi),
            None => y,
        }
    }))
}

/// Elementwise `sqrt(a² + b²)` without intermediate overflow, broadcasting `a` and `b`.
///
/// NumPy equivalent: `numpy.hypot`.
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes cannot be broadcast together.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let h = sci_array::hypot(&array![[3.0, 1e300]], &array![4.0]).unwrap();
/// assert_eq!(h, array![[5.0, 1e300]].into_dyn());
/// ```
pub fn hypot<A, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Result<ArrayD<A>>
where
    A: Float,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    D1: Dimension,
    D2: Dimension,
{
    let (av, bv) = broadcast_both(a, b)?;
    Ok(Zip::from(&av).and(&bv).map_collect(|&x, &y| x.hypot(y)))
}

/// `x * alpha + y` elementwise (NumPy's expression `x * alpha + y`, with the same rounding:
/// one multiply, one add, no fused multiply-add), computed in parallel for large arrays.
///
/// `&x * alpha + &y` with ndarray's operators gives the same numbers; this function avoids
/// the temporary and uses all cores, which makes it faster than NumPy on large arrays.
///
/// NumPy equivalent: `x * alpha + y` (BLAS `axpy`).
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `x` and `y` have different shapes.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let r = sci_array::axpy(2.0, &array![1.0, 2.0], &array![0.5, -1.0]).unwrap();
/// assert_eq!(r, array![2.5, 3.0]);
/// ```
pub fn axpy<A, S1, S2, D>(alpha: A, x: &ArrayBase<S1, D>, y: &ArrayBase<S2, D>) -> Result<Array<A, D>>
where
    A: Copy + Mul<Output = A> + Add<Output = A> + Send + Sync,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    D: Dimension,
{
    if x.shape() != y.shape() {
        return Err(ArrayError::ShapeMismatch {
            arg: "y",
            expected: format!("the shape of x, {:?}", x.shape()),
            found: y.shape().to_vec(),
        });
    }
    if let (Some(xs), Some(ys)) = (x.as_slice(), y.as_slice()) {
        // Both in standard (C) order: one pass into a fresh huge-page buffer.
        let fill = |start: usize, out: &mut [MaybeUninit<A>]| {
            let (xs, ys) = (&xs[start..start + out.len()], &ys[start..start + out.len()]);
            for ((o, &a), &b) in out.iter_mut().zip(xs).zip(ys) {
                o.write(a * alpha + b);
            }
        };
        #[cfg(feature = "rayon")]
        let par_min = PAR_MIN;
        #[cfg(not(feature = "rayon"))]
        let par_min = usize::MAX;
        #[allow(unsafe_code)]
        // SAFETY: `fill` writes every element of the chunk it is given.
        let v = unsafe { buffer::build(xs.len(), par_min, fill) };
        return Ok(Array::from_shape_vec(x.raw_dim(), v).expect("the length matches the shape"));
    }
    let z = Zip::from(x).and(y);
    #[cfg(feature = "rayon")]
    if x.len() >= PAR_MIN {
        return Ok(z.par_map_collect(|&a, &b| a * alpha + b));
    }
    Ok(z.map_collect(|&a, &b| a * alpha + b))
}

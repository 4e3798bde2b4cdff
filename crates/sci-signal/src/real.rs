//! The float element types of the filtering functions, and lane helpers.

use ndarray::{Array, ArrayBase, Axis, Data, Dimension, Zip};
use num_traits::{Float, FromPrimitive};
use std::fmt::Debug;

mod private {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The float types signals are filtered in: `f32` and `f64` (sealed).
pub trait Real: Float + FromPrimitive + Debug + Send + Sync + rustfft::FftNum + private::Sealed {}
impl Real for f32 {}
impl Real for f64 {}

/// A constant in `T`.
#[inline]
pub(crate) fn cst<T: Real>(v: f64) -> T {
    T::from_f64(v).expect("float conversion")
}

/// Applies `f(input_lane, output_lane)` to every lane along `ax`, through contiguous buffers.
pub(crate) fn map_lanes<T, S, D, F>(x: &ArrayBase<S, D>, ax: usize, out_len: usize, mut f: F) -> Array<T, D>
where
    T: Real,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&[T], &mut [T]),
{
    let mut shape = x.raw_dim();
    shape[ax] = out_len;
    let mut out = Array::<T, D>::zeros(shape);
    if out.is_empty() && x.is_empty() {
        return out;
    }
    let mut inbuf = vec![T::zero(); x.len_of(Axis(ax))];
    let mut outbuf = vec![T::zero(); out_len];
    Zip::from(x.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax))).for_each(|src, mut dst| {
        inbuf.iter_mut().zip(src.iter()).for_each(|(b, s)| *b = *s);
        f(&inbuf, &mut outbuf);
        dst.iter_mut().zip(&outbuf).for_each(|(d, s)| *d = *s);
    });
    out
}

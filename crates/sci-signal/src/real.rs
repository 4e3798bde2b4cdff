//! The float element types of the filtering functions, and lane helpers.

use ndarray::{Array, ArrayBase, ArrayView1, ArrayViewMut1, Axis, Data, Dimension, Zip};
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

/// Output size from which lanes are filtered on several threads (`rayon` feature).
#[cfg(feature = "rayon")]
const PAR_THRESHOLD: usize = 100_000;

/// Applies `f(state, input_lane, output_lane)` to every lane along `ax`, through contiguous
/// buffers, with one `init()` state per worker. With the `rayon` feature, large arrays are split
/// over threads; each lane runs the same code either way, so results are identical.
pub(crate) fn map_lanes<T, S, D, St, I, F>(
    x: &ArrayBase<S, D>,
    ax: usize,
    out_len: usize,
    init: I,
    f: F,
) -> Array<T, D>
where
    T: Real,
    S: Data<Elem = T>,
    D: Dimension,
    I: Fn() -> St + Sync + Send,
    F: Fn(&mut St, &[T], &mut [T]) + Sync + Send,
{
    let mut shape = x.raw_dim();
    shape[ax] = out_len;
    let mut out = Array::<T, D>::zeros(shape);
    if out.is_empty() && x.is_empty() {
        return out;
    }
    let n_in = x.len_of(Axis(ax));
    // Lane buffers are only needed for strided lanes; they start empty (zero-filled on first
    // use, as the fresh output lanes are for the contiguous path).
    let init_all = || (init(), Vec::new(), Vec::new());
    let run = |(st, inbuf, outbuf): &mut (St, Vec<T>, Vec<T>),
               src: ArrayView1<'_, T>,
               mut dst: ArrayViewMut1<'_, T>| {
        if let (Some(s), Some(d)) = (src.as_slice(), dst.as_slice_mut()) {
            // Contiguous lanes (e.g. any 1-d input): no copies in or out.
            f(st, s, d);
            return;
        }
        inbuf.resize(n_in, T::zero());
        outbuf.resize(out_len, T::zero());
        inbuf.iter_mut().zip(src.iter()).for_each(|(b, s)| *b = *s);
        f(st, inbuf, outbuf);
        dst.iter_mut().zip(outbuf.iter()).for_each(|(d, s)| *d = *s);
    };
    #[cfg(feature = "rayon")]
    {
        let lanes = x.len().checked_div(n_in).unwrap_or(0);
        if lanes > 1 && x.len().max(out.len()) >= PAR_THRESHOLD {
            use rayon::prelude::*;
            Zip::from(x.lanes(Axis(ax)))
                .and(out.lanes_mut(Axis(ax)))
                .into_par_iter()
                .for_each_init(init_all, |st, (src, dst)| run(st, src, dst));
            return out;
        }
    }
    let mut st = init_all();
    Zip::from(x.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax))).for_each(|src, dst| run(&mut st, src, dst));
    out
}

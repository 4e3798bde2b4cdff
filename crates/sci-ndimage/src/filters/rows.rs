//! 1-D filters along a non-last axis, computed on whole rows.
//!
//! Along axis `d < ndim - 1` the values of one lane are `inner` elements apart, so gathering
//! lanes is a strided, cache-unfriendly copy. Here the kernel instead combines entire rows
//! element-wise: output row `i` is built from extended input rows `i - 1 ..= i + size - 1`,
//! each a contiguous run of the input. Columns are cut into chunks that run in parallel and
//! write straight into the output. Every output value gets exactly the arithmetic of the
//! per-lane kernel it replaces; only the order in which values are visited changes.

use crate::element::Element;
use crate::mode::{Mode, extend_index};
use crate::support::{PAR_THRESHOLD, c_order};
use rayon::prelude::*;
use sci_array::ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, s};

/// Columns per task.
const COLS: usize = 256;

/// Number of values after `axis` (the distance between consecutive values of a lane).
pub(crate) fn inner_len(shape: &[usize], axis: usize) -> usize {
    shape[axis + 1..].iter().product()
}

/// The extended rows of one column chunk, held in a ring.
pub(crate) struct Rows<'a> {
    ring: &'a [f64],
    w: usize,
    slots: usize,
}

impl<'a> Rows<'a> {
    /// Extended row `p`.
    #[inline]
    pub(crate) fn get(&self, p: usize) -> &'a [f64] {
        let k = p % self.slots;
        &self.ring[k * self.w..(k + 1) * self.w]
    }
}

/// Run `kernel(i, row, state, acc)` for every output row `i` of every lane block along
/// `axis` (which must not be the last axis): `row.get(p)` is extended row `p` (input row
/// `p - before`, extended by `mode`, as `f64`, restricted to the task's columns), valid for
/// `i - 1 <= p < i + size`; `state` persists along the lane (reset by the kernel at `i == 0`);
/// the kernel leaves output row `i` in `acc`, which is cast to `U`.
pub(crate) fn row_filter<T, U, K>(
    input: &ArrayViewD<'_, T>,
    axis: usize,
    size: usize,
    before: usize,
    mode: Mode,
    kernel: K,
) -> ArrayD<U>
where
    T: Element,
    U: Element,
    K: Fn(usize, &Rows<'_>, &mut [f64], &mut [f64]) + Sync,
{
    let shape = input.shape().to_vec();
    let total: usize = shape.iter().product();
    let mut out = ArrayD::from_elem(IxDyn(&shape), U::from_f64(0.0));
    if total == 0 {
        return out;
    }
    let n = shape[axis];
    let inner = inner_len(&shape, axis);
    let outer = total / (n * inner);
    let data = c_order(input);
    let data: &[T] = &data;
    let cval = mode.cval();
    let src: Vec<Option<usize>> =
        (0..n + size - 1).map(|p| extend_index(p as isize - before as isize, n, mode)).collect();
    // A ring of size + 1 rows holds rows i - 1 ..= i + size - 1.
    let slots = size + 1;
    let Ok(mut out3) = out.view_mut().into_shape_with_order((outer, n, inner)) else {
        unreachable!("a new array is C-contiguous")
    };
    let blocks: Vec<(usize, _)> =
        out3.axis_chunks_iter_mut(Axis(2), COLS).enumerate().map(|(b, v)| (b * COLS, v)).collect();
    let work = |(c0, mut blk): (usize, sci_array::ndarray::ArrayViewMut3<'_, U>)| {
        let w = blk.shape()[2];
        let mut ring = vec![0.0; slots * w];
        let mut state = vec![0.0; w];
        let mut acc = vec![0.0; w];
        for o in 0..outer {
            let load = |ring: &mut [f64], p: usize| {
                let dst = &mut ring[(p % slots) * w..(p % slots + 1) * w];
                match src[p] {
                    Some(k) => {
                        let start = (o * n + k) * inner + c0;
                        for (d, v) in dst.iter_mut().zip(&data[start..start + w]) {
                            *d = v.to_f64();
                        }
                    }
                    None => dst.fill(cval),
                }
            };
            for p in 0..size - 1 {
                load(&mut ring, p);
            }
            for i in 0..n {
                load(&mut ring, i + size - 1);
                kernel(i, &Rows { ring: &ring, w, slots }, &mut state, &mut acc);
                let mut orow = blk.slice_mut(s![o, i, ..]);
                match orow.as_slice_mut() {
                    Some(d) => d.iter_mut().zip(&acc).for_each(|(d, v)| *d = U::from_f64(*v)),
                    None => orow.iter_mut().zip(&acc).for_each(|(d, v)| *d = U::from_f64(*v)),
                }
            }
        }
    };
    if total >= PAR_THRESHOLD {
        blocks.into_par_iter().for_each(work);
    } else {
        blocks.into_iter().for_each(work);
    }
    out
}

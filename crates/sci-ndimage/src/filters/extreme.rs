//! Moving minimum / maximum along one axis by the van Herk / Gil-Werman algorithm: about three
//! comparisons per value whatever the window size, in the input's own type.
//!
//! The extended line (the lane with `before`/`after` values from the boundary mode) is cut into
//! blocks of `size` values; `g` holds prefix extremes and `h` suffix extremes within each block,
//! and the window starting at `i` is `pick(h[i], g[i + size - 1])`. Along the last axis each
//! lane is done on its own; along any other axis whole rows are combined element-wise (contiguous
//! and vectorizable), in stripes of output rows that run in parallel.

use crate::element::Element;
use crate::mode::{Mode, extend_index};
use crate::support::PAR_THRESHOLD;
use rayon::prelude::*;
use sci_array::ndarray::{ArrayD, IxDyn};

/// Output rows per parallel stripe along a non-last axis.
const STRIPE: usize = 128;
/// Columns processed together along a non-last axis.
const COLS: usize = 512;

/// `b` if it beats `a` (greater for the maximum, smaller for the minimum), else `a`.
#[inline(always)]
fn pick<T: Element>(a: T, b: T, minimum: bool) -> T {
    if minimum {
        if b < a { b } else { a }
    } else if b > a {
        b
    } else {
        a
    }
}

/// Moving extreme of width `size` along `axis` of the C-ordered `data` of shape `shape`;
/// `before` values of the window precede the centre. `mode` is already the filter mode.
pub(crate) fn moving_extreme<T: Element>(
    data: &[T],
    shape: &[usize],
    axis: usize,
    size: usize,
    before: usize,
    mode: Mode,
    minimum: bool,
) -> ArrayD<T> {
    let total: usize = shape.iter().product();
    let mut out = vec![T::from_f64(0.0); total];
    if total > 0 {
        let n = shape[axis];
        let inner: usize = shape[axis + 1..].iter().product();
        let cval = T::from_f64(mode.cval());
        // Source index (or cval) of every extended position.
        let src: Vec<Option<usize>> =
            (0..n + size - 1).map(|p| extend_index(p as isize - before as isize, n, mode)).collect();
        let par = total >= PAR_THRESHOLD;
        if inner == 1 {
            lanes(data, &mut out, n, size, &src, cval, minimum, par);
        } else {
            rows(data, &mut out, n, inner, size, &src, cval, minimum, par);
        }
    }
    ArrayD::from_shape_vec(IxDyn(shape), out)
        .unwrap_or_else(|_| unreachable!("shape matches by construction"))
}

/// Contiguous lanes of length `n`, one at a time.
#[allow(clippy::too_many_arguments)]
fn lanes<T: Element>(
    data: &[T],
    out: &mut [T],
    n: usize,
    size: usize,
    src: &[Option<usize>],
    cval: T,
    minimum: bool,
    par: bool,
) {
    let elen = src.len();
    let init = || (vec![cval; elen], vec![cval; elen], vec![cval; elen]);
    let work = |(ext, g, h): &mut (Vec<T>, Vec<T>, Vec<T>), (o, lane): (usize, &mut [T])| {
        let line = &data[o * n..(o + 1) * n];
        for (e, s) in ext.iter_mut().zip(src) {
            *e = s.map_or(cval, |k| line[k]);
        }
        for s in (0..elen).step_by(size) {
            let e = (s + size).min(elen);
            g[s] = ext[s];
            for j in s + 1..e {
                g[j] = pick(g[j - 1], ext[j], minimum);
            }
            h[e - 1] = ext[e - 1];
            for j in (s..e - 1).rev() {
                h[j] = pick(h[j + 1], ext[j], minimum);
            }
        }
        for (i, o) in lane.iter_mut().enumerate() {
            *o = pick(h[i], g[i + size - 1], minimum);
        }
    };
    if par {
        out.par_chunks_mut(n).enumerate().for_each_init(init, work);
    } else {
        let mut st = init();
        out.chunks_mut(n).enumerate().for_each(|x| work(&mut st, x));
    }
}

/// Lanes along a non-last axis: planes of `n` rows of `inner` values; rows are combined
/// element-wise, in stripes of output rows and chunks of columns.
#[allow(clippy::too_many_arguments)]
fn rows<T: Element>(
    data: &[T],
    out: &mut [T],
    n: usize,
    inner: usize,
    size: usize,
    src: &[Option<usize>],
    cval: T,
    minimum: bool,
    par: bool,
) {
    let stripes_per_plane = n.div_ceil(STRIPE);
    let cw = COLS.min(inner);
    // Two blocks of prefix (g) and suffix (h) rows, `size` rows of `cw` columns each.
    let init = || (vec![cval; size * cw], vec![cval; size * cw]);
    let work = |(g, h): &mut (Vec<T>, Vec<T>), (t, stripe): (usize, &mut [T])| {
        let (plane, sidx) = (t / stripes_per_plane, t % stripes_per_plane);
        let i0 = sidx * STRIPE;
        let rows_out = stripe.len() / inner;
        let base = plane * n * inner;
        // Extended row p (of this plane) restricted to columns c0..c1, or cval.
        let row = |p: usize, c0: usize, c1: usize| {
            src[p].map(|k| &data[base + k * inner + c0..base + k * inner + c1])
        };
        for c0 in (0..inner).step_by(cw) {
            let c1 = (c0 + cw).min(inner);
            let w = c1 - c0;
            // Blocks start at ext row i0, i0 + size, ...; output row i (local) needs h of its
            // block and g of row i + size - 1.
            let ext_end = i0 + rows_out + size - 1;
            let mut s = i0;
            while s < i0 + rows_out {
                let e = (s + size).min(ext_end);
                // h: suffix extremes of block s..e.
                for p in (s..e).rev() {
                    let hr = &mut h[(p - s) * w..(p - s + 1) * w];
                    match (p + 1 < e, row(p, c0, c1)) {
                        (false, Some(r)) => hr.copy_from_slice(r),
                        (false, None) => hr.fill(cval),
                        (true, r) => {
                            let (cur, next) = h[(p - s) * w..(p - s + 2) * w].split_at_mut(w);
                            match r {
                                Some(r) => {
                                    for ((c, &nx), &v) in cur.iter_mut().zip(next.iter()).zip(r) {
                                        *c = pick(nx, v, minimum);
                                    }
                                }
                                None => {
                                    for (c, &nx) in cur.iter_mut().zip(next.iter()) {
                                        *c = pick(nx, cval, minimum);
                                    }
                                }
                            }
                        }
                    }
                }
                // g: prefix extremes of the next block e..e2 (rows i + size - 1 of this block's
                // outputs fall in it, except for the block start whose window is the block).
                let e2 = (e + size).min(ext_end);
                for p in e..e2 {
                    if p == e {
                        let gr = &mut g[..w];
                        match row(p, c0, c1) {
                            Some(r) => gr.copy_from_slice(r),
                            None => gr.fill(cval),
                        }
                    } else {
                        let (prev, cur) = g[(p - e - 1) * w..(p - e + 1) * w].split_at_mut(w);
                        match row(p, c0, c1) {
                            Some(r) => {
                                for ((c, &pv), &v) in cur.iter_mut().zip(prev.iter()).zip(r) {
                                    *c = pick(pv, v, minimum);
                                }
                            }
                            None => {
                                for (c, &pv) in cur.iter_mut().zip(prev.iter()) {
                                    *c = pick(pv, cval, minimum);
                                }
                            }
                        }
                    }
                }
                // Outputs of this block: i in s..min(e, i0 + rows_out).
                for i in s..e.min(i0 + rows_out) {
                    let o = &mut stripe[(i - i0) * inner + c0..(i - i0) * inner + c1];
                    let hr = &h[(i - s) * w..(i - s + 1) * w];
                    if i == s {
                        o.copy_from_slice(hr);
                    } else {
                        let q = i + size - 1 - e;
                        let gr = &g[q * w..(q + 1) * w];
                        for ((o, &a), &b) in o.iter_mut().zip(hr).zip(gr) {
                            *o = pick(a, b, minimum);
                        }
                    }
                }
                s = e;
            }
        }
    };
    // Stripes never straddle planes: chunk each plane's rows separately.
    let mut tasks: Vec<&mut [T]> = Vec::new();
    for plane in out.chunks_mut(n * inner) {
        tasks.extend(plane.chunks_mut(STRIPE * inner));
    }
    if par {
        tasks.into_par_iter().enumerate().for_each_init(init, work);
    } else {
        let mut st = init();
        tasks.into_iter().enumerate().for_each(|x| work(&mut st, x));
    }
}

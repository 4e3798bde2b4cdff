//! Moving minimum / maximum along one axis by the van Herk / Gil-Werman algorithm: about three
//! comparisons per value whatever the window size, in the input's own type.
//!
//! The extended line (the lane with `before`/`after` values from the boundary mode) is cut into
//! blocks of `size` values; `g` holds prefix extremes and `h` suffix extremes within each block,
//! and the window starting at `i` is `pick(h[i], g[i + size - 1])`. Along the last axis each
//! lane is done on its own; along any other axis whole rows are combined element-wise (contiguous
//! and vectorizable), in stripes of output rows that run in parallel.
//!
//! NaN breaks the comparisons this relies on, and SciPy's own 1-d pass (`NI_MinOrMaxFilter1D`,
//! Richard Harter's ascending-minima deque in a ring buffer) gives NaN a history-dependent
//! treatment: a NaN enters the deque but a later value that beats the deque's front clears it.
//! Lanes whose extended line holds a NaN are therefore redone by an exact port of that walk
//! ([`ring_lane`]); NaN-free lanes keep the fast path (the results agree there).

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
        let pass = Pass { data, n, inner, size, src: &src, cval, minimum, par: total >= PAR_THRESHOLD };
        if inner == 1 {
            lanes(&pass, &mut out);
        } else {
            rows(&pass, &mut out);
            if T::IS_FLOAT {
                redo_nan_columns(&pass, &mut out);
            }
        }
    }
    ArrayD::from_shape_vec(IxDyn(shape), out)
        .unwrap_or_else(|_| unreachable!("shape matches by construction"))
}

/// One moving-extreme pass: the C-ordered input, its lane length `n` and the stride
/// `inner` of the filtered axis, the window `size`, the source index (or `None`: `cval`) of
/// every extended position, and whether to run in parallel.
#[derive(Clone, Copy)]
struct Pass<'a, T> {
    data: &'a [T],
    n: usize,
    inner: usize,
    size: usize,
    src: &'a [Option<usize>],
    cval: T,
    minimum: bool,
    par: bool,
}

/// True for NaN (the only value unequal to itself); always false for integers and `bool`.
#[inline(always)]
fn is_nan<T: Element>(v: T) -> bool {
    #[allow(clippy::eq_op)]
    let r = T::IS_FLOAT && v != v;
    r
}

/// SciPy's `NI_MinOrMaxFilter1D` on one extended line `ext` (`out.len() + size - 1` values):
/// a deque of (value, death) pairs in a ring of `size` slots. A value that beats (for the
/// maximum: `>=`) the front replaces the whole deque; otherwise it drops the beaten values
/// from the back and is appended. Exact for every input, NaN included; `ring` is scratch.
pub(crate) fn ring_lane<T: Element>(
    ext: &[T],
    size: usize,
    out: &mut [T],
    minimum: bool,
    ring: &mut Vec<(T, usize)>,
) {
    let n = out.len();
    if size == 1 {
        out.copy_from_slice(&ext[..n]);
        return;
    }
    // `val` beats `cur`: SciPy's `val <= cur` (minimum) / `val >= cur` (maximum).
    let beats = |val: T, cur: T| if minimum { val <= cur } else { val >= cur };
    ring.clear();
    ring.resize(size, (ext[0], 0));
    ring[0].1 = size;
    let (mut front, mut last) = (0usize, 0usize);
    for ll in 1..size + n - 1 {
        let val = ext[ll];
        if ring[front].1 == ll {
            front = if front + 1 == size { 0 } else { front + 1 };
        }
        if beats(val, ring[front].0) {
            last = front;
        } else {
            while beats(val, ring[last].0) {
                last = if last == 0 { size - 1 } else { last - 1 };
            }
            last = if last + 1 == size { 0 } else { last + 1 };
        }
        ring[last] = (val, ll + size);
        if ll + 1 >= size {
            out[ll + 1 - size] = ring[front].0;
        }
    }
}

/// After the row-wise pass along a non-last axis: redo with [`ring_lane`] every lane (one
/// column of one plane) whose extended line holds a NaN.
fn redo_nan_columns<T: Element>(pass: &Pass<'_, T>, out: &mut [T]) {
    let Pass { data, n, inner, size, src, cval, minimum, par } = *pass;
    let planes = data.len() / (n * inner);
    let cval_used = is_nan(cval) && src.iter().any(|s| s.is_none());
    // NaN flags of every (plane, column), from a pass over whole rows.
    let flags_of = |plane: &[T]| {
        let mut f = vec![cval_used; inner];
        for row in plane.chunks_exact(inner) {
            for (f, &v) in f.iter_mut().zip(row) {
                *f |= is_nan(v);
            }
        }
        f
    };
    let flags: Vec<Vec<bool>> = if par {
        data.par_chunks(n * inner).map(flags_of).collect()
    } else {
        data.chunks(n * inner).map(flags_of).collect()
    };
    let todo: Vec<(usize, usize)> =
        (0..planes).flat_map(|p| (0..inner).map(move |c| (p, c))).filter(|&(p, c)| flags[p][c]).collect();
    if todo.is_empty() {
        return;
    }
    let redo = |(ext, ring): &mut (Vec<T>, Vec<(T, usize)>), &(p, c): &(usize, usize)| {
        let base = p * n * inner + c;
        for (e, s) in ext.iter_mut().zip(src) {
            *e = s.map_or(cval, |k| data[base + k * inner]);
        }
        let mut lane = vec![cval; n];
        ring_lane(ext, size, &mut lane, minimum, ring);
        lane
    };
    let init = || (vec![cval; src.len()], Vec::new());
    let lanes: Vec<Vec<T>> = if par {
        todo.par_iter().map_init(init, redo).collect()
    } else {
        let mut st = init();
        todo.iter().map(|t| redo(&mut st, t)).collect()
    };
    for (&(p, c), lane) in todo.iter().zip(&lanes) {
        let base = p * n * inner + c;
        for (i, &v) in lane.iter().enumerate() {
            out[base + i * inner] = v;
        }
    }
}

/// Contiguous lanes of length `n`, one at a time.
fn lanes<T: Element>(pass: &Pass<'_, T>, out: &mut [T]) {
    let Pass { data, n, size, src, cval, minimum, par, .. } = *pass;
    let elen = src.len();
    let init = || (vec![cval; elen], vec![cval; elen], vec![cval; elen], Vec::new());
    let work = |(ext, g, h, ring): &mut (Vec<T>, Vec<T>, Vec<T>, Vec<(T, usize)>),
                (o, lane): (usize, &mut [T])| {
        let line = &data[o * n..(o + 1) * n];
        let mut nan = false;
        for (e, s) in ext.iter_mut().zip(src) {
            *e = s.map_or(cval, |k| line[k]);
            nan |= is_nan(*e);
        }
        if T::IS_FLOAT && nan {
            ring_lane(ext, size, lane, minimum, ring);
            return;
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
fn rows<T: Element>(pass: &Pass<'_, T>, out: &mut [T]) {
    let Pass { data, n, inner, size, src, cval, minimum, par } = *pass;
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

//! Internal engines shared by the filters, morphology and interpolation: 1-D passes along
//! lanes with boundary extension, n-d padding and footprint iteration.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::mode::{Mode, extend_index};
use rayon::prelude::*;
use sci_array::ndarray::{ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Slice};
use std::borrow::Cow;

/// Above this many elements the passes run in parallel.
pub(crate) const PAR_THRESHOLD: usize = 100_000;
/// Lanes gathered together when the filtered axis is not the last one.
const BLOCK: usize = 16;

/// The elements of `a` in C order, borrowed when `a` is already C-contiguous.
pub(crate) fn c_order<'a, T: Clone>(a: &'a ArrayViewD<'_, T>) -> Cow<'a, [T]> {
    match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.iter().cloned().collect()),
    }
}

/// Convert a dynamic-dimensional result back to the caller's dimension type.
pub(crate) fn to_dim<T, D: Dimension>(a: ArrayD<T>) -> Result<sci_array::ndarray::Array<T, D>> {
    a.into_dimensionality::<D>().map_err(|e| invalid("input", format!("internal dimensionality error: {e}")))
}

/// A view of any array as dynamic-dimensional.
pub(crate) fn dyn_view<S: Data, D: Dimension>(a: &ArrayBase<S, D>) -> ArrayViewD<'_, S::Elem> {
    a.view().into_dyn()
}

/// Normalize a per-axis sequence: length 1 broadcasts, length `n` is taken as is.
pub(crate) fn per_axis<T: Clone>(v: &[T], n: usize, arg: &'static str) -> Result<Vec<T>> {
    if v.len() == n {
        Ok(v.to_vec())
    } else if v.len() == 1 {
        Ok(vec![v[0].clone(); n])
    } else {
        Err(invalid(
            arg,
            format!("sequence argument must have length equal to input rank {n}, got {}", v.len()),
        ))
    }
}

/// Normalize origins (empty means all zero).
pub(crate) fn origins(v: &[isize], n: usize) -> Result<Vec<isize>> {
    if v.is_empty() { Ok(vec![0; n]) } else { per_axis(v, n, "origin") }
}

/// Check `-(size // 2) <= origin <= (size - 1) // 2` and return the extension before
/// and after the line: `size // 2 + origin`, `size - 1 - size // 2 - origin`.
pub(crate) fn extents(size: usize, origin: isize) -> Result<(usize, usize)> {
    let s = isize::try_from(size).map_err(|_| invalid("size", "filter size too large"))?;
    if origin < -(s / 2) || origin > (s - 1) / 2 {
        return Err(invalid("origin", "invalid origin"));
    }
    let before = s / 2 + origin;
    // A window of no elements (accepted where SciPy skips it) extends by nothing.
    Ok((before as usize, (s - 1 - before).max(0) as usize))
}

/// The origin of the reflected window of a convolution or dilation: `-origin`, an error for
/// `isize::MIN` (which has no negation and is never a valid origin).
pub(crate) fn negate_origin(origin: isize) -> Result<isize> {
    origin.checked_neg().ok_or_else(|| invalid("origin", "invalid origin"))
}

/// NumPy's check on the shape of an array about to be allocated: the number of elements
/// times `elem_size` bytes must fit in `isize` ("array is too big"); `arg` is the argument
/// that gave the shape.
pub(crate) fn check_alloc(shape: &[usize], elem_size: usize, arg: &'static str) -> Result<()> {
    let bytes = shape.iter().try_fold(elem_size.max(1), |acc, &n| acc.checked_mul(n));
    if shape.contains(&0) || bytes.is_some_and(|b| b <= isize::MAX as usize) {
        Ok(())
    } else {
        Err(invalid(
            arg,
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ))
    }
}

/// An array of `shape` filled with `v`, or NumPy's `MemoryError` (an error for `arg`, the
/// argument that gave the shape) when it is too big to allocate, instead of an abort.
pub(crate) fn try_filled<T: Clone>(shape: &[usize], v: T, arg: &'static str) -> Result<ArrayD<T>> {
    let mut data = try_vec::<T>(shape, arg)?;
    data.resize(shape.iter().product(), v);
    ArrayD::from_shape_vec(IxDyn(shape), data).map_err(|e| invalid(arg, e.to_string()))
}

/// An empty vector with room for an array of `shape`, or NumPy's "array is too big" /
/// `MemoryError` (an error for `arg`) when that cannot be allocated, instead of an abort.
pub(crate) fn try_vec<T>(shape: &[usize], arg: &'static str) -> Result<Vec<T>> {
    check_alloc(shape, std::mem::size_of::<T>(), arg)?;
    let n: usize = shape.iter().product();
    let mut data = Vec::new();
    data.try_reserve_exact(n).map_err(|_| {
        invalid(arg, format!("Unable to allocate an array with shape {shape:?} (MemoryError)"))
    })?;
    Ok(data)
}

/// Fill the `before` and `after` parts of an extended line whose middle `len` values are set.
#[inline]
pub(crate) fn fill_ext(ext: &mut [f64], before: usize, len: usize, mode: Mode) {
    let total = ext.len();
    let cval = mode.cval();
    for p in (0..before).chain(before + len..total) {
        ext[p] = match extend_index(p as isize - before as isize, len, mode) {
            Some(k) => ext[before + k],
            None => cval,
        };
    }
}

/// Run a 1-D kernel along `axis`: each lane is copied (as `f64`) into a buffer extended by
/// `before`/`after` values with `mode`, the kernel writes the output lane, which is cast to `U`.
pub(crate) fn lane_filter<T, U, K>(
    input: &ArrayViewD<'_, T>,
    axis: usize,
    before: usize,
    after: usize,
    mode: Mode,
    kernel: K,
) -> ArrayD<U>
where
    T: Element,
    U: Element,
    K: Fn(&[f64], &mut [f64]) + Sync,
{
    let shape = input.shape().to_vec();
    let total: usize = shape.iter().product();
    if total == 0 {
        return ArrayD::from_elem(IxDyn(&shape), U::from_f64(0.0));
    }
    let len = shape[axis];
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let data = c_order(input);
    let data: &[T] = &data;
    let elen = before + len + after;
    let mut out = vec![U::from_f64(0.0); total];
    let par = total >= PAR_THRESHOLD;
    if inner == 1 {
        let work = |(ext, ob): &mut (Vec<f64>, Vec<f64>), (o, chunk): (usize, &mut [U])| {
            let src = &data[o * len..(o + 1) * len];
            for (e, s) in ext[before..before + len].iter_mut().zip(src) {
                *e = s.to_f64();
            }
            fill_ext(ext, before, len, mode);
            kernel(ext, ob);
            for (c, v) in chunk.iter_mut().zip(ob.iter()) {
                *c = U::from_f64(*v);
            }
        };
        let init = || (vec![0.0; elen], vec![0.0; len]);
        if par {
            out.par_chunks_mut(len).enumerate().for_each_init(init, work);
        } else {
            let mut st = init();
            out.chunks_mut(len).enumerate().for_each(|x| work(&mut st, x));
        }
    } else {
        let nblocks = inner.div_ceil(BLOCK);
        // Each task owns one (outer, block) tile of the output: `len` rows of up to BLOCK values.
        let work = |(ext, ob): &mut (Vec<f64>, Vec<f64>), o: usize, jb: usize, tile: &mut [U]| {
            let j0 = jb * BLOCK;
            let b = BLOCK.min(inner - j0);
            for i in 0..len {
                let base = (o * len + i) * inner + j0;
                for bb in 0..b {
                    ext[bb * elen + before + i] = data[base + bb].to_f64();
                }
            }
            for bb in 0..b {
                let e = &mut ext[bb * elen..(bb + 1) * elen];
                fill_ext(e, before, len, mode);
                kernel(e, &mut ob[bb * len..(bb + 1) * len]);
            }
            for i in 0..len {
                for bb in 0..b {
                    tile[i * b + bb] = U::from_f64(ob[bb * len + i]);
                }
            }
        };
        let init = || (vec![0.0; elen * BLOCK], vec![0.0; len * BLOCK]);
        // Tiles are computed into their own buffers and scattered, so that tasks never share
        // output memory.
        let tile_len = |jb: usize| len * BLOCK.min(inner - jb * BLOCK);
        let tasks: Vec<(usize, usize)> =
            (0..outer).flat_map(|o| (0..nblocks).map(move |jb| (o, jb))).collect();
        let tiles: Vec<Vec<U>> = if par {
            tasks
                .par_iter()
                .map_init(init, |st, &(o, jb)| {
                    let mut t = vec![U::from_f64(0.0); tile_len(jb)];
                    work(st, o, jb, &mut t);
                    t
                })
                .collect()
        } else {
            let mut st = init();
            tasks
                .iter()
                .map(|&(o, jb)| {
                    let mut t = vec![U::from_f64(0.0); tile_len(jb)];
                    work(&mut st, o, jb, &mut t);
                    t
                })
                .collect()
        };
        let scatter = |(o, plane): (usize, &mut [U])| {
            for jb in 0..nblocks {
                let t = &tiles[o * nblocks + jb];
                let j0 = jb * BLOCK;
                let b = BLOCK.min(inner - j0);
                for i in 0..len {
                    plane[i * inner + j0..i * inner + j0 + b].copy_from_slice(&t[i * b..(i + 1) * b]);
                }
            }
        };
        if par {
            out.par_chunks_mut(len * inner).enumerate().for_each(scatter);
        } else {
            out.chunks_mut(len * inner).enumerate().for_each(scatter);
        }
    }
    ArrayD::from_shape_vec(IxDyn(&shape), out)
        .unwrap_or_else(|_| unreachable!("shape matches by construction"))
}

/// Pad `a` by `before[d]`/`after[d]` along each axis with the filter extension rules of `mode`
/// (`cval` fills for the constant modes). The result is in standard layout. `a` must be
/// non-empty.
pub(crate) fn pad<T: Clone>(
    a: &ArrayViewD<'_, T>,
    before: &[usize],
    after: &[usize],
    mode: Mode,
    cval: T,
) -> ArrayD<T> {
    let nd = a.ndim();
    if matches!(mode.for_filter(), Mode::Constant(_)) {
        let pshape: Vec<usize> = (0..nd).map(|d| a.shape()[d] + before[d] + after[d]).collect();
        let mut out = ArrayD::from_elem(IxDyn(&pshape), cval);
        let mut view = out.view_mut();
        for d in 0..nd {
            view.slice_axis_inplace(Axis(d), Slice::from(before[d]..before[d] + a.shape()[d]));
        }
        view.assign(a);
        return out;
    }
    let mut cur = a.to_owned();
    for d in 0..nd {
        if before[d] == 0 && after[d] == 0 {
            continue;
        }
        let n = a.shape()[d];
        let idx: Vec<usize> = (0..before[d] + n + after[d])
            .map(|p| extend_index(p as isize - before[d] as isize, n, mode).unwrap_or(0))
            .collect();
        cur = cur.select(Axis(d), &idx);
    }
    if cur.is_standard_layout() { cur } else { cur.as_standard_layout().into_owned() }
}

/// Linear offsets (in a standard-layout array of shape `pshape`) of the true elements of a
/// C-ordered footprint of shape `fshape`.
pub(crate) fn footprint_offsets(pshape: &[usize], fshape: &[usize], footprint: &[bool]) -> Vec<usize> {
    let nd = pshape.len();
    let mut strides = vec![1usize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * pshape[d + 1];
    }
    let mut offs = Vec::new();
    let mut idx = vec![0usize; nd];
    for &f in footprint {
        if f {
            offs.push(idx.iter().zip(&strides).map(|(i, s)| i * s).sum());
        }
        for d in (0..nd).rev() {
            idx[d] += 1;
            if idx[d] < fshape[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    offs
}

/// Evaluate `f(padded, base)` for every output point, where `base` is the linear index in
/// `padded` of the footprint's first corner for that point. `padded` must be in standard
/// layout with shape `out_shape + fshape - 1`.
pub(crate) fn nd_points<P, U, F>(padded: &ArrayD<P>, out_shape: &[usize], f: F) -> ArrayD<U>
where
    P: Sync,
    U: Send + Sync + Clone + Default,
    F: Fn(&[P], usize) -> U + Sync,
{
    nd_lines(padded, out_shape, PAR_THRESHOLD / 8, |p, base, line: &mut [U]| {
        for (e, c) in line.iter_mut().enumerate() {
            *c = f(p, base + e);
        }
    })
}

/// As [`nd_points`], one output line (along the last axis) at a time: `f(padded, base, line)`
/// with `base` the footprint corner of the line's first point (consecutive points of a line
/// have consecutive bases). Lines run in parallel from `par_from` output points on.
pub(crate) fn nd_lines<P, U, F>(padded: &ArrayD<P>, out_shape: &[usize], par_from: usize, f: F) -> ArrayD<U>
where
    P: Sync,
    U: Send + Sync + Clone + Default,
    F: Fn(&[P], usize, &mut [U]) + Sync,
{
    let total: usize = out_shape.iter().product();
    let nd = out_shape.len();
    let pshape = padded.shape();
    let pflat = padded.as_slice().unwrap_or_else(|| unreachable!("padded arrays are standard layout"));
    let mut pstrides = vec![1usize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        pstrides[d] = pstrides[d + 1] * pshape[d + 1];
    }
    let nl = if nd == 0 { 1 } else { out_shape[nd - 1] };
    let mut out = vec![U::default(); total];
    if total > 0 {
        let line = |(l, chunk): (usize, &mut [U])| {
            let mut rem = l;
            let mut base = 0;
            for d in (0..nd.saturating_sub(1)).rev() {
                base += (rem % out_shape[d]) * pstrides[d];
                rem /= out_shape[d];
            }
            f(pflat, base, chunk);
        };
        if total >= par_from {
            out.par_chunks_mut(nl).enumerate().for_each(line);
        } else {
            out.chunks_mut(nl).enumerate().for_each(line);
        }
    }
    ArrayD::from_shape_vec(IxDyn(out_shape), out)
        .unwrap_or_else(|_| unreachable!("shape matches by construction"))
}

/// Reverse a C-ordered n-d footprint (all axes flipped) given its shape.
pub(crate) fn reverse_all<T: Clone>(a: &ArrayD<T>) -> ArrayD<T> {
    let mut v = a.view();
    for d in 0..v.ndim() {
        v.invert_axis(Axis(d));
    }
    v.as_standard_layout().into_owned()
}

/// SciPy's `_check_axes`: the axes an operation works along (all of them for `None`),
/// negative ones counted from the end, each at most once.
pub(crate) fn check_axes(axes: Option<&[isize]>, nd: usize) -> Result<Vec<usize>> {
    let Some(axes) = axes else { return Ok((0..nd).collect()) };
    let mut out = Vec::with_capacity(axes.len());
    for &ax in axes {
        if ax < -(nd as isize) || ax >= nd as isize {
            return Err(invalid("axes", format!("specified axis: {ax} is out of range")));
        }
        let a = if ax < 0 { (ax + nd as isize) as usize } else { ax as usize };
        if out.contains(&a) {
            return Err(invalid("axes", "axes must be unique"));
        }
        out.push(a);
    }
    Ok(out)
}

/// SciPy's `_expand_footprint` and `_expand_origin`: a footprint over `axes` gets length-1
/// axes inserted at the other positions (its own axes keep their order, i.e. they go to the
/// filtered axes in increasing order), and the origins (given in `axes` order) get zeros
/// there. With every axis filtered both are returned unchanged, as in SciPy.
pub(crate) fn expand_to_axes<T: Clone>(
    footprint: ArrayD<T>,
    origin: Vec<isize>,
    axes: &[usize],
    nd: usize,
    arg: &'static str,
) -> Result<(ArrayD<T>, Vec<isize>)> {
    if axes.len() >= nd {
        return Ok((footprint, origin));
    }
    if footprint.ndim() != axes.len() {
        return Err(invalid(
            arg,
            format!("{arg}.ndim ({}) must match len(axes) ({})", footprint.ndim(), axes.len()),
        ));
    }
    let mut f = footprint;
    let mut org = vec![0; nd];
    for ax in 0..nd {
        if !axes.contains(&ax) {
            f.insert_axis_inplace(Axis(ax));
        }
    }
    for (&o, &ax) in origin.iter().zip(axes) {
        org[ax] = o;
    }
    Ok((f, org))
}

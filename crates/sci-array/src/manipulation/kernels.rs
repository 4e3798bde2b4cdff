//! Copy kernels shared by the joining, repeating, rolling and padding functions.
//!
//! They work on C-ordered buffers viewed as `(outer, n, inner)` around one axis, so every copy
//! is a contiguous slice copy (memcpy for `Copy` element types), like NumPy's own loops.

use ndarray::{ArrayBase, ArrayView, CowArray, Data, Dimension};

/// The array in C order: borrowed when it already is, copied otherwise.
pub(crate) fn c_order<'a, T: Clone, S: Data<Elem = T>, D: Dimension>(
    a: &'a ArrayBase<S, D>,
) -> CowArray<'a, T, D> {
    a.as_standard_layout()
}

/// The C-order slice of a standard-layout array.
pub(crate) fn slice_of<'a, T, D: Dimension>(c: &'a CowArray<'_, T, D>) -> &'a [T] {
    c.as_slice().expect("standard layout")
}

/// `(outer, n, inner)`: products of the axis lengths before, at and after `axis`.
pub(crate) fn split_dims(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    (shape[..axis].iter().product(), shape[axis], shape[axis + 1..].iter().product())
}

/// Joins C-ordered views along `axis` (shapes already checked) into a C-ordered buffer.
pub(crate) fn join_blocks<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>], axis: usize) -> Vec<T> {
    let cows: Vec<CowArray<'_, T, D>> = arrays.iter().map(|a| a.as_standard_layout()).collect();
    let outer: usize = arrays[0].shape()[..axis].iter().product();
    let blocks: Vec<usize> = arrays.iter().map(|a| a.shape()[axis..].iter().product()).collect();
    let mut out = Vec::with_capacity(outer * blocks.iter().sum::<usize>());
    for o in 0..outer {
        for (c, &b) in cows.iter().zip(&blocks) {
            out.extend_from_slice(&slice_of(c)[o * b..(o + 1) * b]);
        }
    }
    out
}

/// Repeats chunk `i` of every outer block `count(i)` times: NumPy's `repeat` kernel.
pub(crate) fn repeat_chunks<T: Clone>(
    src: &[T],
    (outer, n, inner): (usize, usize, usize),
    count: impl Fn(usize) -> usize,
) -> Vec<T> {
    let total: usize = (0..n).map(&count).sum::<usize>() * outer * inner;
    let mut out = Vec::with_capacity(total);
    for o in 0..outer {
        for i in 0..n {
            let start = (o * n + i) * inner;
            let k = count(i);
            if inner == 1 {
                out.resize(out.len() + k, src[start].clone());
            } else {
                let chunk = &src[start..start + inner];
                for _ in 0..k {
                    out.extend_from_slice(chunk);
                }
            }
        }
    }
    out
}

/// Rotates each outer block by `shift` chunks (`0 <= shift < n`): NumPy's `roll` kernel.
pub(crate) fn roll_chunks<T: Clone>(
    src: &[T],
    (outer, n, inner): (usize, usize, usize),
    shift: usize,
) -> Vec<T> {
    let mut out = Vec::with_capacity(src.len());
    let block = n * inner;
    let cut = (n - shift) * inner;
    for o in 0..outer {
        let b = &src[o * block..(o + 1) * block];
        out.extend_from_slice(&b[cut..]);
        out.extend_from_slice(&b[..cut]);
    }
    out
}

/// Calls `f` with the C-order linear index (in `full`) of every multi-index of the box
/// `start[k]..start[k] + len[k]`; one call with 0 when there are no dimensions.
pub(crate) fn for_each_in_box(full: &[usize], start: &[usize], len: &[usize], mut f: impl FnMut(usize)) {
    let nd = full.len();
    if len.contains(&0) {
        return;
    }
    let mut idx = vec![0usize; nd];
    loop {
        let lin = (0..nd).fold(0usize, |acc, k| acc * full[k] + start[k] + idx[k]);
        f(lin);
        // Odometer increment, last dimension fastest.
        let mut k = nd;
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < len[k] {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// Clones the `len` elements at `src` to `dst` inside one buffer (ranges must not overlap).
pub(crate) fn clone_within<T: Clone>(buf: &mut [T], src: usize, dst: usize, len: usize) {
    if src < dst {
        let (lo, hi) = buf.split_at_mut(dst);
        hi[..len].clone_from_slice(&lo[src..src + len]);
    } else {
        let (lo, hi) = buf.split_at_mut(src);
        lo[dst..dst + len].clone_from_slice(&hi[..len]);
    }
}

/// The C-order data of the transpose of a C-ordered `(rows, cols)` matrix (its F-order
/// data), copied in tiles to stay cache friendly.
pub(crate) fn transpose_2d<T: Clone>(src: &[T], rows: usize, cols: usize) -> Vec<T> {
    const TILE: usize = 32;
    let mut out = src.to_vec();
    for r0 in (0..rows).step_by(TILE) {
        for c0 in (0..cols).step_by(TILE) {
            for r in r0..(r0 + TILE).min(rows) {
                for c in c0..(c0 + TILE).min(cols) {
                    out[c * rows + r] = src[r * cols + c].clone();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_iteration_order() {
        let mut seen = Vec::new();
        for_each_in_box(&[3, 4], &[1, 1], &[2, 2], |i| seen.push(i));
        assert_eq!(seen, vec![5, 6, 9, 10]);
        let mut n = 0;
        for_each_in_box(&[], &[], &[], |_| n += 1);
        assert_eq!(n, 1);
        for_each_in_box(&[3], &[0], &[0], |_| n += 1);
        assert_eq!(n, 1);
    }

    #[test]
    fn chunk_kernels() {
        let src = [1, 2, 3, 4, 5, 6];
        assert_eq!(repeat_chunks(&src, (2, 3, 1), |i| i), vec![2, 3, 3, 5, 6, 6]);
        assert_eq!(repeat_chunks(&src, (1, 3, 2), |_| 2), vec![1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6]);
        assert_eq!(roll_chunks(&src, (2, 3, 1), 1), vec![3, 1, 2, 6, 4, 5]);
        let mut b = vec![0, 1, 2, 3, 4, 5];
        clone_within(&mut b, 4, 0, 2);
        clone_within(&mut b, 1, 3, 1);
        assert_eq!(b, vec![4, 5, 2, 5, 4, 5]);
        assert_eq!(transpose_2d(&src, 2, 3), vec![1, 4, 2, 5, 3, 6]);
    }
}

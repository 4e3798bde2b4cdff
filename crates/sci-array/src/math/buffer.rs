//! Large output buffers backed by transparent huge pages, as NumPy allocates them.
//!
//! A fresh 80 MB output (10⁷ `f64`) comes from `mmap`; touched page by page it costs ~20,000
//! 4 KiB page faults, which dominate a memory-bound kernel such as `a * 1.1 + b`. NumPy asks the
//! kernel for transparent huge pages on every allocation of 4 MiB or more
//! (`madvise(MADV_HUGEPAGE)`, numpy/core/src/multiarray/alloc.c), which makes the faults ~500
//! times rarer; [`build`] does the same, and lets the kernel write the fresh buffer directly
//! (in parallel chunks), without a zeroing pass.

use std::mem::MaybeUninit;

#[cfg(test)]
use crate::alloc::HUGE_MIN_BYTES;
pub(crate) use crate::alloc::advise_huge;

/// Fewest elements per parallel task of [`build`].
pub(crate) const MIN_TASK: usize = 1 << 16;

/// The chunk length [`build`] uses for `n` elements when it runs in parallel.
pub(crate) fn chunk_len(n: usize) -> usize {
    #[cfg(feature = "rayon")]
    let threads = rayon::current_num_threads().max(1);
    #[cfg(not(feature = "rayon"))]
    let threads = 1;
    n.div_ceil(threads * 8).max(MIN_TASK)
}

/// A vector of length `n` (huge-page advised when large) whose elements are written by
/// `fill(start, chunk)`, called on consecutive chunks `[start, start + chunk.len())` that cover
/// `0..n`, in parallel when `n >= par_min` (and the `rayon` feature is on). Chunks hold at
/// least [`MIN_TASK`] elements, except the last.
///
/// # Safety
///
/// `fill` must initialise every element of each chunk it is given.
#[allow(unsafe_code)]
pub(crate) unsafe fn build<T, F>(n: usize, par_min: usize, fill: F) -> Vec<T>
where
    T: Send,
    F: Fn(usize, &mut [MaybeUninit<T>]) + Sync + Send,
{
    let mut v: Vec<T> = Vec::with_capacity(n);
    let spare = &mut v.spare_capacity_mut()[..n];
    advise_huge(spare);
    #[cfg(feature = "rayon")]
    if n >= par_min && rayon::current_num_threads() > 1 {
        use rayon::prelude::*;
        let chunk = chunk_len(n);
        spare.par_chunks_mut(chunk).enumerate().for_each(|(i, c)| fill(i * chunk, c));
    } else {
        fill(0, spare);
    }
    #[cfg(not(feature = "rayon"))]
    {
        let _ = par_min;
        fill(0, spare);
    }
    // SAFETY: the capacity is at least `n`, and the caller's `fill` initialised all `n`
    // elements (the chunks above cover `0..n`).
    unsafe { v.set_len(n) };
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_covers_every_index() {
        for n in [0, 1, 1000, MIN_TASK + 1, 3 * MIN_TASK + 7, (HUGE_MIN_BYTES / 8) + 3] {
            for par_min in [0, usize::MAX] {
                #[allow(unsafe_code)]
                // SAFETY: the closure writes every element of its chunk.
                let v: Vec<usize> = unsafe {
                    build(n, par_min, |start, out| {
                        for (i, o) in out.iter_mut().enumerate() {
                            o.write(start + i);
                        }
                    })
                };
                assert_eq!(v, (0..n).collect::<Vec<_>>());
            }
        }
    }
}

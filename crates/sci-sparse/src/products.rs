//! Kernels of sparse x dense and sparse x sparse products on compressed storage.

use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix1, Ix2, Zip};

use sci_array::alloc::advise_huge;

use crate::cs::Cs;
use crate::index_type::SpIndex;
use crate::scalar::SparseScalar;

/// Above this many stored entries the row-wise kernels run on rayon.
pub(crate) const PAR_NNZ: usize = 100_000;

/// A list of work items drained by the calling thread and by rayon helpers alike.
struct Shared<'f, P, F> {
    next: AtomicUsize,
    items: Vec<Mutex<Option<P>>>,
    f: &'f F,
    panic: Mutex<Option<Box<dyn std::any::Any + Send>>>,
}

impl<P: Send, F: Fn(usize, P) + Sync> Shared<'_, P, F> {
    fn drain(&self) {
        let run = || {
            loop {
                let k = self.next.fetch_add(1, Ordering::Relaxed);
                if k >= self.items.len() {
                    break;
                }
                let item = self.items[k].lock().unwrap_or_else(|e| e.into_inner()).take();
                if let Some(p) = item {
                    (self.f)(k, p);
                }
            }
        };
        if let Err(e) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
            // stop the others early and hand the panic to the caller
            self.next.store(self.items.len(), Ordering::Relaxed);
            *self.panic.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
        }
    }
}

/// The bit of a [`share_items`] state word that says the caller stopped waiting for helpers
/// to join; the other bits count the helpers at work.
const CLOSED: usize = 1 << (usize::BITS - 1);

/// A helper's part of [`share_items`]: join unless the caller has closed, drain, leave.
fn help<P: Send, F: Fn(usize, P) + Sync>(state: &AtomicUsize, addr: usize) {
    if state.fetch_add(1, Ordering::Acquire) & CLOSED != 0 {
        state.fetch_sub(1, Ordering::Release);
        return;
    }
    #[allow(unsafe_code)]
    // SAFETY: `addr` is the address of the caller's `Shared`, which stays alive until the
    // caller has closed the state and seen the helper count drop to zero; this helper joined
    // before the close (the count it added is only removed below, after its last access).
    let shared = unsafe { &*(addr as *const Shared<'_, P, F>) };
    shared.drain();
    state.fetch_sub(1, Ordering::Release);
}

/// Calls `f(k, items[k])` for every item, in the calling thread and in up to
/// `current_num_threads() - 1` rayon helpers that pull items from a shared counter.
///
/// Unlike `par_iter`, the caller never sleeps waiting for pool threads to wake up: it works
/// through the items itself, and helpers that have not started by the time the items run out
/// are told not to join. On a loaded machine this is never slower than the sequential loop;
/// on an idle one it uses every core. Panics in `f` reach the caller.
pub(crate) fn share_items<P: Send, F: Fn(usize, P) + Sync>(items: Vec<P>, f: F) {
    let helpers = (rayon::current_num_threads().saturating_sub(1)).min(items.len().saturating_sub(1));
    if helpers == 0 {
        items.into_iter().enumerate().for_each(|(k, p)| f(k, p));
        return;
    }
    let shared = Shared {
        next: AtomicUsize::new(0),
        items: items.into_iter().map(|p| Mutex::new(Some(p))).collect(),
        f: &f,
        panic: Mutex::new(None),
    };
    /// Closes the state and waits for the helpers that joined (also when unwinding).
    struct Close(Arc<AtomicUsize>);
    impl Drop for Close {
        fn drop(&mut self) {
            self.0.fetch_or(CLOSED, Ordering::AcqRel);
            let mut spins = 0u32;
            while self.0.load(Ordering::Acquire) & !CLOSED != 0 {
                if spins < 64 {
                    std::hint::spin_loop();
                    spins += 1;
                } else {
                    std::thread::yield_now();
                }
            }
        }
    }
    let state = Arc::new(AtomicUsize::new(0));
    let close = Close(Arc::clone(&state));
    // a plain function pointer and an address: no borrow outlives this call
    let entry: fn(&AtomicUsize, usize) = help::<P, F>;
    let addr = &shared as *const Shared<'_, P, F> as usize;
    for _ in 0..helpers {
        let st = Arc::clone(&state);
        rayon::spawn(move || entry(&st, addr));
    }
    shared.drain();
    drop(close);
    if let Some(e) = shared.panic.lock().unwrap_or_else(|e| e.into_inner()).take() {
        std::panic::resume_unwind(e);
    }
}

/// Rows of a CSR product handed to one task.
const SPMV_CHUNK: usize = 4096;

/// Row `i` of `A x`, summed in storage order as SciPy's `csr_matvec` (the same rounding).
#[inline(always)]
fn row_dot<T: SparseScalar, I: SpIndex>(indptr: &[I], indices: &[I], data: &[T], x: &[T], i: usize) -> T {
    let (a, b) = (indptr[i].idx(), indptr[i + 1].idx());
    let mut s = T::zero();
    indices[a..b].iter().zip(&data[a..b]).for_each(|(&j, &v)| s += v * x[j.idx()]);
    s
}

/// `put(&mut y[i], (A x)_i)` for every row `i` of the row-major storage `a` (`x` of length
/// `a.nminor`, `y` of length `a.nmajor`); large products in row chunks shared with rayon
/// helpers ([`share_items`]).
pub(crate) fn gather_rows<T: SparseScalar, I: SpIndex, O: Send>(
    a: &Cs<T, I>,
    x: &[T],
    y: &mut [O],
    put: impl Fn(&mut O, T) + Sync,
) {
    let (ip, ix, d) = (&a.indptr[..], &a.indices[..], &a.data[..]);
    let rows = |r0: usize, out: &mut [O]| {
        for (k, o) in out.iter_mut().enumerate() {
            put(o, row_dot(ip, ix, d, x, r0 + k));
        }
    };
    if a.nnz() >= PAR_NNZ {
        share_items(y.chunks_mut(SPMV_CHUNK).collect(), |c, out| rows(c * SPMV_CHUNK, out));
    } else {
        rows(0, y);
    }
}

/// `y = A x` where `A`'s major lines are rows (gather, one dot product per row, in SciPy's
/// order); `y` is written once, never zero-filled first.
pub(crate) fn gather_vec<T: SparseScalar, I: SpIndex, S: Data<Elem = T>>(
    a: &Cs<T, I>,
    x: &ArrayBase<S, Ix1>,
) -> Array1<T> {
    let xv = x.view();
    let xs = xv.as_slice().map_or_else(|| std::borrow::Cow::Owned(xv.to_vec()), std::borrow::Cow::Borrowed);
    let mut y: Vec<T> = Vec::with_capacity(a.nmajor);
    gather_rows(a, &xs, &mut y.spare_capacity_mut()[..a.nmajor], |o, v| {
        o.write(v);
    });
    #[allow(unsafe_code)]
    // SAFETY: `gather_rows` returned normally, so it wrote every one of the `nmajor` slots.
    unsafe {
        y.set_len(a.nmajor)
    };
    Array1::from(y)
}

/// `y = A x` where `A`'s major lines are columns (scatter).
pub(crate) fn scatter_vec<T: SparseScalar, I: SpIndex, S: Data<Elem = T>>(
    a: &Cs<T, I>,
    x: &ArrayBase<S, Ix1>,
) -> Array1<T> {
    let mut y = Array1::<T>::zeros(a.nminor);
    for j in 0..a.nmajor {
        let xj = x[j];
        for p in a.line(j) {
            y[a.indices[p].idx()] += a.data[p] * xj;
        }
    }
    y
}

/// `Y = A X` where `A`'s major lines are rows.
pub(crate) fn gather_mat<T: SparseScalar, I: SpIndex, S: Data<Elem = T>>(
    a: &Cs<T, I>,
    x: &ArrayBase<S, Ix2>,
) -> Array2<T> {
    let k = x.ncols();
    let x = x.view();
    let mut y = Array2::<T>::zeros((a.nmajor, k));
    let kernel = |i: usize, mut yrow: sci_array::ndarray::ArrayViewMut1<'_, T>| {
        for p in a.line(i) {
            let v = a.data[p];
            Zip::from(&mut yrow).and(x.row(a.indices[p].idx())).for_each(|o, &xv| *o += v * xv);
        }
    };
    if a.nnz() * k >= PAR_NNZ {
        y.axis_iter_mut(Axis(0)).into_par_iter().enumerate().for_each(|(i, r)| kernel(i, r));
    } else {
        y.axis_iter_mut(Axis(0)).enumerate().for_each(|(i, r)| kernel(i, r));
    }
    y
}

/// `Y = A X` where `A`'s major lines are columns.
pub(crate) fn scatter_mat<T: SparseScalar, I: SpIndex, S: Data<Elem = T>>(
    a: &Cs<T, I>,
    x: &ArrayBase<S, Ix2>,
) -> Array2<T> {
    let mut y = Array2::<T>::zeros((a.nminor, x.ncols()));
    for j in 0..a.nmajor {
        let xr = x.row(j);
        for p in a.line(j) {
            let v = a.data[p];
            Zip::from(y.row_mut(a.indices[p].idx())).and(&xr).for_each(|o, &xv| *o += v * xv);
        }
    }
    y
}

/// Work arrays of one SpGEMM task: `slots` (per column, the mark of the last row that met it,
/// `i` in pass 1 and `!i` in pass 2, and pass 2's running sum, zero between rows) and `cols`
/// (the columns of one row in order of first appearance).
struct Scratch<T> {
    slots: Vec<(usize, T)>,
    cols: Vec<usize>,
}

/// The mark of a column no row has met yet: pass 1 marks column `j` of row `i` with `i`, pass 2
/// with `!i`, and neither is ever this value.
const FREE: usize = usize::MAX >> 1;

/// Scratch arrays handed from task to task, so that each thread sets up its column-sized
/// arrays once per product rather than once per row block.
struct Pool<T>(std::sync::Mutex<Vec<Scratch<T>>>);

impl<T: SparseScalar> Scratch<T> {
    /// Sets up both passes' column-sized arrays at once (in pass 1, before the output is
    /// allocated; see [`spgemm`]).
    fn reserve(&mut self, n: usize) {
        if self.slots.len() != n {
            self.slots = vec![(FREE, T::zero()); n];
        }
    }
}

impl<T: SparseScalar> Pool<T> {
    fn with<R>(&self, f: impl FnOnce(&mut Scratch<T>) -> R) -> R {
        let popped = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut s = popped.unwrap_or(Scratch { slots: Vec::new(), cols: Vec::new() });
        let r = f(&mut s);
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(s);
        r
    }
}

/// Row blocks `(r0, r1)` of about equal numbers of stored entries of `a`, `per_thread` blocks
/// per rayon thread (one block when the product is small).
fn row_blocks<T: SparseScalar, I: SpIndex>(
    a: &Cs<T, I>,
    parallel: bool,
    per_thread: usize,
) -> Vec<(usize, usize)> {
    let rows = a.nmajor;
    let blocks = if parallel { (rayon::current_num_threads() * per_thread).min(rows.max(1)) } else { 1 };
    let nnz = a.nnz();
    let mut cuts = vec![0usize];
    for t in 1..blocks {
        let line = a.indptr.partition_point(|&p| p.idx() < nnz * t / blocks).min(rows);
        if line > *cuts.last().unwrap_or(&0) {
            cuts.push(line);
        }
    }
    if *cuts.last().unwrap_or(&0) < rows || cuts.len() == 1 {
        cuts.push(rows);
    }
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Splits `v` into consecutive pieces of the given lengths.
fn split_lengths<X>(mut v: &mut [X], lens: impl Iterator<Item = usize>) -> Vec<&mut [X]> {
    lens.map(|len| {
        let (head, tail) = std::mem::take(&mut v).split_at_mut(len);
        v = tail;
        head
    })
    .collect()
}

/// Pass 1 of [`spgemm`] on rows `r0..r1`: the number of distinct columns of each row, written
/// to `out` (`slots[j].0 == i` once row i met column j), counted without branches. A count is
/// at most the number of columns, which fits `I`.
fn count_rows<T: SparseScalar, I: SpIndex>(
    a: &Cs<T, I>,
    b: &Cs<T, I>,
    (r0, r1): (usize, usize),
    slots: &mut [(usize, T)],
    out: &mut [I],
) {
    let (ap, ai, bp, bi) = (&a.indptr[..], &a.indices[..], &b.indptr[..], &b.indices[..]);
    for (i, o) in (r0..r1).zip(out) {
        *o = {
            let mut c = 0usize;
            for &k in &ai[ap[i].idx()..ap[i + 1].idx()] {
                let k = k.idx();
                for &j in &bi[bp[k].idx()..bp[k + 1].idx()] {
                    let m = &mut slots[j.idx()].0;
                    c += usize::from(*m != i);
                    *m = i;
                }
            }
            I::from_idx(c)
        };
    }
}

/// Pass 2 of [`spgemm`] on rows `r0..r1`: writes each row's nonzero sums at the row's slots of
/// `ind`/`dat` (which start at row `r0`'s offset `indptr[r0]`), in SciPy's order, and the
/// kept count of each row to `kept`. Branch-free: a column's sum is reset to zero when its row is
/// written out, so the accumulation needs no test.
#[allow(clippy::too_many_arguments)]
fn fill_rows<T: SparseScalar, I: SpIndex>(
    a: &Cs<T, I>,
    b: &Cs<T, I>,
    (r0, r1): (usize, usize),
    indptr: &[I],
    s: &mut Scratch<T>,
    ind: &mut [MaybeUninit<I>],
    dat: &mut [MaybeUninit<T>],
    kept_out: &mut [I],
) {
    let (ap, ai, ax) = (&a.indptr[..], &a.indices[..], &a.data[..]);
    let (bp, bi, bx) = (&b.indptr[..], &b.indices[..], &b.data[..]);
    // one slot more than the longest row: a repeated column is written past the end
    let longest = (r0..r1).map(|i| indptr[i + 1].idx() - indptr[i].idx()).max().unwrap_or(0);
    s.cols.clear();
    s.cols.resize(longest + 1, 0);
    let (slots, cols) = (&mut s.slots[..], &mut s.cols[..]);
    let base = indptr[r0].idx();
    let z = T::zero();
    for (i, out) in (r0..r1).zip(kept_out) {
        *out = {
            // the distinct columns in order of first appearance (pass 2 marks with !i)
            let mark = !i;
            let mut c = 0usize;
            for p in ap[i].idx()..ap[i + 1].idx() {
                let (k, v) = (ai[p].idx(), ax[p]);
                let (q0, q1) = (bp[k].idx(), bp[k + 1].idx());
                for (&j, &bv) in bi[q0..q1].iter().zip(&bx[q0..q1]) {
                    let j = j.idx();
                    let slot = &mut slots[j];
                    let new = slot.0 != mark;
                    slot.0 = mark;
                    slot.1 += v * bv;
                    cols[c] = j;
                    c += usize::from(new);
                }
            }
            // SciPy's linked list gives them back last first; zero sums are dropped
            let start = indptr[i].idx() - base;
            let (ind, dat) = (&mut ind[start..start + c], &mut dat[start..start + c]);
            let mut kept = 0usize;
            for &j in cols[..c].iter().rev() {
                let slot = &mut slots[j];
                let v = slot.1;
                slot.1 = z;
                ind[kept].write(I::from_idx(j));
                dat[kept].write(v);
                kept += usize::from(v != z);
            }
            I::from_idx(kept)
        };
    }
}

/// Gustavson's row-by-row product `C = A B` of two row-major storages, as SciPy's
/// `csr_matmat`: zero sums are not stored and each row's indices come out in SciPy's order
/// (the reverse of their first appearance, unsorted), so `indices` and `data` equal SciPy's
/// bit for bit. Two passes, as SciPy: the first counts each row's columns, the second writes
/// the rows in place into uninitialised (huge-page advised) output; large products run in
/// row blocks on rayon, with the same result.
///
/// # Errors
///
/// [`SparseError::IndexOverflow`](crate::SparseError::IndexOverflow) when the product has
/// more entries than the index type `I` can count (where SciPy would switch to `int64`).
pub(crate) fn spgemm<T: SparseScalar, I: SpIndex>(a: &Cs<T, I>, b: &Cs<T, I>) -> crate::Result<Cs<T, I>> {
    let rows = a.nmajor;
    let n = b.nminor;
    // products to compute, estimated from B's mean row length
    let work = a.nnz().saturating_mul(b.nnz() / b.nmajor.max(1) + 1);
    let parallel = work >= PAR_NNZ && rows > 1;
    let bounds = row_blocks(a, parallel, 8);
    let pool = Pool(std::sync::Mutex::new(Vec::new()));
    let row_counts = || bounds.iter().map(|&(r0, r1)| r1 - r0);
    // pass 1: each row's count lands at indptr[i + 1]; blocks shared with rayon helpers.
    // Offsets and counts are stored as `I` (4 bytes for `i32`): with the output, the memory
    // of a product stays below glibc's trim threshold, as SciPy's does, so that repeated
    // products reuse the heap instead of faulting in fresh (kernel-zeroed) pages.
    let mut indptr = vec![I::default(); rows + 1];
    let items: Vec<_> = bounds.iter().copied().zip(split_lengths(&mut indptr[1..], row_counts())).collect();
    share_items(items, |_, (blk, out)| {
        pool.with(|s| {
            s.reserve(n);
            count_rows(a, b, blk, &mut s.slots, out)
        })
    });
    let total: usize = indptr.iter().map(|p| p.idx()).sum();
    crate::index_type::fits::<I>("indptr", total)?;
    let mut sum = 0usize;
    for p in indptr.iter_mut() {
        sum += p.idx();
        *p = I::from_idx(sum);
    }
    // The kept counts (like the scratch arrays of pass 1) are allocated before the output,
    // which is then the last large block on the heap.
    let mut kept = vec![I::default(); rows];
    // Uninitialised output (no zero fill), advised like NumPy's large arrays before the
    // first write; each block writes its rows' slots.
    let mut indices: Vec<I> = Vec::with_capacity(total);
    let mut data: Vec<T> = Vec::with_capacity(total);
    advise_huge(indices.spare_capacity_mut());
    advise_huge(data.spare_capacity_mut());
    let lens = || bounds.iter().map(|&(r0, r1)| indptr[r1].idx() - indptr[r0].idx());
    let ind_parts = split_lengths(&mut indices.spare_capacity_mut()[..total], lens());
    let dat_parts = split_lengths(&mut data.spare_capacity_mut()[..total], lens());
    let kept_parts = split_lengths(&mut kept, row_counts());
    let indptr_ref = &indptr;
    let items: Vec<_> = bounds.iter().copied().zip(ind_parts).zip(dat_parts).zip(kept_parts).collect();
    share_items(items, |_, (((blk, ind), dat), kept)| {
        pool.with(|s| {
            s.reserve(n);
            fill_rows(a, b, blk, indptr_ref, s, ind, dat, kept)
        })
    });
    // Close the gaps of rows whose sums cancelled: the first `kept[i]` slots of each row were
    // written, and these move to the front.
    let mut len = total;
    if kept.iter().enumerate().any(|(i, &c)| c.idx() != indptr[i + 1].idx() - indptr[i].idx()) {
        let (ind, dat) = (indices.spare_capacity_mut(), data.spare_capacity_mut());
        let mut out = 0usize;
        for (i, &c) in kept.iter().enumerate() {
            let (start, c) = (indptr[i].idx(), c.idx());
            ind.copy_within(start..start + c, out);
            dat.copy_within(start..start + c, out);
            indptr[i] = I::from_idx(out);
            out += c;
        }
        indptr[rows] = I::from_idx(out);
        len = out;
    }
    #[allow(unsafe_code)]
    // SAFETY: `len <= total <= capacity`, and every slot below `len` was written: pass 2
    // wrote the first `kept[i]` slots of every row `i` at `indptr[i]`, and when rows lost
    // entries those written slots were moved together to `0..len` (`len` = sum of `kept`).
    unsafe {
        indices.set_len(len);
        data.set_len(len);
    }
    Ok(Cs { nmajor: rows, nminor: n, indptr, indices, data })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random `rows x cols` storage with about `per_row` entries per row (unsorted, with
    /// duplicates), from a fixed linear congruential stream.
    fn random_cs(rows: usize, cols: usize, per_row: usize) -> Cs<f64> {
        let mut s = 12345u64;
        let mut next = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s >> 33
        };
        let (mut indptr, mut indices, mut data) = (vec![0], Vec::new(), Vec::new());
        for _ in 0..rows {
            for _ in 0..(next() as usize % (2 * per_row + 1)) {
                indices.push(next() as usize % cols);
                data.push(next() as f64 / 2e9 - 1.0);
            }
            indptr.push(indices.len());
        }
        Cs { nmajor: rows, nminor: cols, indptr, indices, data }
    }

    #[test]
    fn shared_spmv_equals_the_sequential_sums_bit_for_bit() {
        let a = random_cs(70_001, 5_003, 4);
        assert!(a.nnz() >= PAR_NNZ);
        let x = Array1::from_shape_fn(5_003, |j| (j as f64 * 0.37).sin());
        let want: Vec<f64> = (0..a.nmajor)
            .map(|i| (a.indptr[i]..a.indptr[i + 1]).fold(0.0, |s, p| s + a.data[p] * x[a.indices[p]]))
            .collect();
        assert_eq!(gather_vec(&a, &x).to_vec(), want);
        // a strided x gives the same
        let wide = Array2::from_shape_fn((5_003, 2), |(j, c)| if c == 0 { x[j] } else { f64::NAN });
        assert_eq!(gather_vec(&a, &wide.column(0)).to_vec(), want);
        // and so does the in-place form on a 1-thread pool (no helpers)
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let mut y = vec![0.0; a.nmajor];
        pool.install(|| gather_rows(&a, x.as_slice().unwrap(), &mut y, |o, v| *o = v));
        assert_eq!(y, want);
    }

    #[test]
    fn share_items_runs_every_item_once_and_passes_panics_on() {
        let hits: Vec<AtomicUsize> = (0..1000).map(|_| AtomicUsize::new(0)).collect();
        share_items((0..1000).collect(), |k, p: usize| {
            assert_eq!(k, p);
            hits[p].fetch_add(1, Ordering::Relaxed);
        });
        assert!(hits.iter().all(|h| h.load(Ordering::Relaxed) == 1));
        let r = std::panic::catch_unwind(|| {
            share_items((0..64).collect(), |_, p: usize| assert!(p != 40, "item 40"))
        });
        assert!(r.is_err());
    }
}

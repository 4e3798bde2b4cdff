//! Kernels of sparse x dense and sparse x sparse products on compressed storage.

use std::mem::MaybeUninit;

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix1, Ix2, Zip};

use sci_array::alloc::advise_huge;

use crate::cs::Cs;
use crate::scalar::SparseScalar;

/// Above this many stored entries the row-wise kernels run on rayon.
pub(crate) const PAR_NNZ: usize = 100_000;

/// `y = A x` where `A`'s major lines are rows (gather, one dot product per row); large
/// products run in row chunks on rayon.
pub(crate) fn gather_vec<T: SparseScalar, S: Data<Elem = T>>(a: &Cs<T>, x: &ArrayBase<S, Ix1>) -> Array1<T> {
    let xv = x.view();
    let xs = xv.as_slice();
    let row = |i: usize| {
        let (ind, dat) = (&a.indices[a.indptr[i]..a.indptr[i + 1]], &a.data[a.indptr[i]..a.indptr[i + 1]]);
        let mut s = T::zero();
        match xs {
            Some(xs) => ind.iter().zip(dat).for_each(|(&j, &v)| s += v * xs[j]),
            None => ind.iter().zip(dat).for_each(|(&j, &v)| s += v * xv[j]),
        }
        s
    };
    let mut y = vec![T::zero(); a.nmajor];
    if a.nnz() >= PAR_NNZ {
        const CHUNK: usize = 2048;
        y.par_chunks_mut(CHUNK).enumerate().for_each(|(c, out)| {
            for (k, o) in out.iter_mut().enumerate() {
                *o = row(c * CHUNK + k);
            }
        });
    } else {
        y.iter_mut().enumerate().for_each(|(i, o)| *o = row(i));
    }
    Array1::from(y)
}

/// `y = A x` where `A`'s major lines are columns (scatter).
pub(crate) fn scatter_vec<T: SparseScalar, S: Data<Elem = T>>(a: &Cs<T>, x: &ArrayBase<S, Ix1>) -> Array1<T> {
    let mut y = Array1::<T>::zeros(a.nminor);
    for j in 0..a.nmajor {
        let xj = x[j];
        for p in a.indptr[j]..a.indptr[j + 1] {
            y[a.indices[p]] += a.data[p] * xj;
        }
    }
    y
}

/// `Y = A X` where `A`'s major lines are rows.
pub(crate) fn gather_mat<T: SparseScalar, S: Data<Elem = T>>(a: &Cs<T>, x: &ArrayBase<S, Ix2>) -> Array2<T> {
    let k = x.ncols();
    let x = x.view();
    let mut y = Array2::<T>::zeros((a.nmajor, k));
    let kernel = |i: usize, mut yrow: sci_array::ndarray::ArrayViewMut1<'_, T>| {
        for p in a.indptr[i]..a.indptr[i + 1] {
            let v = a.data[p];
            Zip::from(&mut yrow).and(x.row(a.indices[p])).for_each(|o, &xv| *o += v * xv);
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
pub(crate) fn scatter_mat<T: SparseScalar, S: Data<Elem = T>>(a: &Cs<T>, x: &ArrayBase<S, Ix2>) -> Array2<T> {
    let mut y = Array2::<T>::zeros((a.nminor, x.ncols()));
    for j in 0..a.nmajor {
        let xr = x.row(j);
        for p in a.indptr[j]..a.indptr[j + 1] {
            let v = a.data[p];
            Zip::from(y.row_mut(a.indices[p])).and(&xr).for_each(|o, &xv| *o += v * xv);
        }
    }
    y
}

/// Work arrays of one SpGEMM task: `mark` (pass 1: the last row that met each column),
/// `slots` (pass 2: per column, the last row that met it and its running sum, zero between
/// rows) and `cols` (the columns of one row in order of first appearance).
struct Scratch<T> {
    mark: Vec<usize>,
    slots: Vec<(usize, T)>,
    cols: Vec<usize>,
}

/// Scratch arrays handed from task to task, so that each thread sets up its column-sized
/// arrays once per product rather than once per row block.
struct Pool<T>(std::sync::Mutex<Vec<Scratch<T>>>);

impl<T: SparseScalar> Pool<T> {
    fn with<R>(&self, f: impl FnOnce(&mut Scratch<T>) -> R) -> R {
        let popped = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut s = popped.unwrap_or(Scratch { mark: Vec::new(), slots: Vec::new(), cols: Vec::new() });
        let r = f(&mut s);
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(s);
        r
    }
}

/// Row blocks `(r0, r1)` of about equal numbers of stored entries of `a`, `per_thread` blocks
/// per rayon thread (one block when the product is small).
fn row_blocks<T: SparseScalar>(a: &Cs<T>, parallel: bool, per_thread: usize) -> Vec<(usize, usize)> {
    let rows = a.nmajor;
    let blocks = if parallel { (rayon::current_num_threads() * per_thread).min(rows.max(1)) } else { 1 };
    let nnz = a.nnz();
    let mut cuts = vec![0usize];
    for t in 1..blocks {
        let line = a.indptr.partition_point(|&p| p < nnz * t / blocks).min(rows);
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

/// Pass 1 of [`spgemm`] on rows `r0..r1`: the number of distinct columns of each row
/// (`mark[j] == i` once row i met column j), counted without branches.
fn count_rows<T: SparseScalar>(
    a: &Cs<T>,
    b: &Cs<T>,
    (r0, r1): (usize, usize),
    mark: &mut [usize],
) -> Vec<usize> {
    let (ap, ai, bp, bi) = (&a.indptr[..], &a.indices[..], &b.indptr[..], &b.indices[..]);
    (r0..r1)
        .map(|i| {
            let mut c = 0usize;
            for &k in &ai[ap[i]..ap[i + 1]] {
                for &j in &bi[bp[k]..bp[k + 1]] {
                    let m = &mut mark[j];
                    c += usize::from(*m != i);
                    *m = i;
                }
            }
            c
        })
        .collect()
}

/// Pass 2 of [`spgemm`] on rows `r0..r1`: writes each row's nonzero sums at the row's slots of
/// `ind`/`dat` (which start at row `r0`'s offset `indptr[r0]`), in SciPy's order; returns the
/// kept count of each row. Branch-free: a column's sum is reset to zero when its row is
/// written out, so the accumulation needs no test.
fn fill_rows<T: SparseScalar>(
    a: &Cs<T>,
    b: &Cs<T>,
    (r0, r1): (usize, usize),
    indptr: &[usize],
    s: &mut Scratch<T>,
    ind: &mut [MaybeUninit<usize>],
    dat: &mut [MaybeUninit<T>],
) -> Vec<usize> {
    let (ap, ai, ax) = (&a.indptr[..], &a.indices[..], &a.data[..]);
    let (bp, bi, bx) = (&b.indptr[..], &b.indices[..], &b.data[..]);
    // one slot more than the longest row: a repeated column is written past the end
    let longest = (r0..r1).map(|i| indptr[i + 1] - indptr[i]).max().unwrap_or(0);
    s.cols.clear();
    s.cols.resize(longest + 1, 0);
    let (slots, cols) = (&mut s.slots[..], &mut s.cols[..]);
    let base = indptr[r0];
    let z = T::zero();
    (r0..r1)
        .map(|i| {
            // the distinct columns in order of first appearance
            let mut c = 0usize;
            for p in ap[i]..ap[i + 1] {
                let (k, v) = (ai[p], ax[p]);
                let (q0, q1) = (bp[k], bp[k + 1]);
                for (&j, &bv) in bi[q0..q1].iter().zip(&bx[q0..q1]) {
                    let slot = &mut slots[j];
                    let new = slot.0 != i;
                    slot.0 = i;
                    slot.1 += v * bv;
                    cols[c] = j;
                    c += usize::from(new);
                }
            }
            // SciPy's linked list gives them back last first; zero sums are dropped
            let start = indptr[i] - base;
            let (ind, dat) = (&mut ind[start..start + c], &mut dat[start..start + c]);
            let mut kept = 0usize;
            for &j in cols[..c].iter().rev() {
                let slot = &mut slots[j];
                let v = slot.1;
                slot.1 = z;
                ind[kept].write(j);
                dat[kept].write(v);
                kept += usize::from(v != z);
            }
            kept
        })
        .collect()
}

/// Gustavson's row-by-row product `C = A B` of two row-major storages, as SciPy's
/// `csr_matmat`: zero sums are not stored and each row's indices come out in SciPy's order
/// (the reverse of their first appearance, unsorted), so `indices` and `data` equal SciPy's
/// bit for bit. Two passes, as SciPy: the first counts each row's columns, the second writes
/// the rows in place into uninitialised (huge-page advised) output; large products run in
/// row blocks on rayon, with the same result.
pub(crate) fn spgemm<T: SparseScalar>(a: &Cs<T>, b: &Cs<T>) -> Cs<T> {
    let rows = a.nmajor;
    let n = b.nminor;
    // products to compute, estimated from B's mean row length
    let work = a.nnz().saturating_mul(b.nnz() / b.nmajor.max(1) + 1);
    let parallel = work >= PAR_NNZ && rows > 1;
    let bounds = row_blocks(a, parallel, 8);
    let pool = Pool(std::sync::Mutex::new(Vec::new()));
    let count = |&blk: &(usize, usize)| {
        pool.with(|s| {
            if s.mark.len() != n {
                s.mark = vec![usize::MAX; n];
            }
            count_rows(a, b, blk, &mut s.mark)
        })
    };
    let counts: Vec<usize> = if parallel {
        bounds.par_iter().map(count).collect::<Vec<_>>().concat()
    } else {
        bounds.iter().flat_map(count).collect()
    };
    let mut indptr = Vec::with_capacity(rows + 1);
    indptr.push(0usize);
    for &c in &counts {
        indptr.push(indptr[indptr.len() - 1] + c);
    }
    let total = indptr[rows];
    // Uninitialised output (no zero fill), advised like NumPy's large arrays before the
    // first write; each block writes its rows' slots.
    let mut indices: Vec<usize> = Vec::with_capacity(total);
    let mut data: Vec<T> = Vec::with_capacity(total);
    advise_huge(indices.spare_capacity_mut());
    advise_huge(data.spare_capacity_mut());
    let lens = || bounds.iter().map(|&(r0, r1)| indptr[r1] - indptr[r0]);
    let ind_parts = split_lengths(&mut indices.spare_capacity_mut()[..total], lens());
    let dat_parts = split_lengths(&mut data.spare_capacity_mut()[..total], lens());
    let indptr_ref = &indptr;
    let fill = |((blk, ind), dat): (((usize, usize), &mut [MaybeUninit<usize>]), &mut [MaybeUninit<T>])| {
        pool.with(|s| {
            if s.slots.len() != n {
                s.slots = vec![(usize::MAX, T::zero()); n];
            }
            fill_rows(a, b, blk, indptr_ref, s, ind, dat)
        })
    };
    let parts = bounds.iter().copied().zip(ind_parts).zip(dat_parts);
    let kept: Vec<usize> = if parallel {
        parts.collect::<Vec<_>>().into_par_iter().map(fill).collect::<Vec<_>>().concat()
    } else {
        parts.flat_map(fill).collect()
    };
    // Close the gaps of rows whose sums cancelled: the first `kept[i]` slots of each row were
    // written, and these move to the front.
    let mut len = total;
    if kept != counts {
        let (ind, dat) = (indices.spare_capacity_mut(), data.spare_capacity_mut());
        let mut out = 0usize;
        for (i, &c) in kept.iter().enumerate() {
            let start = indptr[i];
            ind.copy_within(start..start + c, out);
            dat.copy_within(start..start + c, out);
            indptr[i] = out;
            out += c;
        }
        indptr[rows] = out;
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
    Cs { nmajor: rows, nminor: n, indptr, indices, data }
}

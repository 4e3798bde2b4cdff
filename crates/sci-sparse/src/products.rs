//! Kernels of sparse x dense and sparse x sparse products on compressed storage.

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

/// Work arrays of one SpGEMM task: `mark` (a tag per column), `sums` (per column) and `cols`
/// (the columns of one row).
struct Scratch<T> {
    mark: Vec<usize>,
    sums: Vec<T>,
    cols: Vec<usize>,
}

/// Scratch arrays handed from task to task, so that each thread sets up its column-sized
/// arrays once per product rather than once per row block.
struct Pool<T>(std::sync::Mutex<Vec<Scratch<T>>>);

impl<T: SparseScalar> Pool<T> {
    fn with<R>(&self, f: impl FnOnce(&mut Scratch<T>) -> R) -> R {
        let popped = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut s = popped.unwrap_or(Scratch { mark: Vec::new(), sums: Vec::new(), cols: Vec::new() });
        let r = f(&mut s);
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(s);
        r
    }
}

/// Row blocks `(r0, r1)` of about equal numbers of stored entries of `a` (one block when the
/// product is small).
fn row_blocks<T: SparseScalar>(a: &Cs<T>, parallel: bool) -> Vec<(usize, usize)> {
    let rows = a.nmajor;
    let blocks = if parallel { (rayon::current_num_threads() * 4).min(rows.max(1)) } else { 1 };
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

/// Gustavson's row-by-row product `C = A B` of two row-major storages, as SciPy's
/// `csr_matmat`: zero sums are not stored and each row's indices come out in SciPy's order
/// (the reverse of their first appearance, unsorted), so `indices` and `data` equal SciPy's
/// bit for bit. Two passes, as SciPy: the first counts each row's columns, the second writes
/// the rows in place; large products run in row blocks on rayon, with the same result.
pub(crate) fn spgemm<T: SparseScalar>(a: &Cs<T>, b: &Cs<T>) -> Cs<T> {
    let work: usize = a.indices.iter().map(|&k| b.indptr[k + 1] - b.indptr[k]).sum();
    let rows = a.nmajor;
    let n = b.nminor;
    let parallel = work >= PAR_NNZ;
    let bounds = row_blocks(a, parallel);
    let (ap, ai, ax) = (&a.indptr[..], &a.indices[..], &a.data[..]);
    let (bp, bi, bx) = (&b.indptr[..], &b.indices[..], &b.data[..]);
    let pool = Pool(std::sync::Mutex::new(Vec::new()));
    // Pass 1: the number of distinct columns of each row (`mark[j] == i` once row i saw j),
    // counted without branches.
    let count = |&(r0, r1): &(usize, usize)| {
        pool.with(|s| {
            if s.mark.len() != n {
                s.mark = vec![usize::MAX; n];
            }
            let mark = &mut s.mark[..];
            (r0..r1)
                .map(|i| {
                    let mut c = 0usize;
                    for &k in &ai[ap[i]..ap[i + 1]] {
                        for &j in &bi[bp[k]..bp[k + 1]] {
                            c += usize::from(mark[j] != i);
                            mark[j] = i;
                        }
                    }
                    c
                })
                .collect::<Vec<usize>>()
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
    // calloc'd (untouched) memory, advised like NumPy's large arrays before the first write
    let mut indices = vec![0usize; total];
    let mut data = vec![T::zero(); total];
    advise_huge(&indices);
    advise_huge(&data);
    // Pass 2: each block fills its rows' slots; returns the kept (nonzero) count of each row.
    let mut parts = Vec::with_capacity(bounds.len());
    let (mut ind, mut dat) = (&mut indices[..], &mut data[..]);
    for &(r0, r1) in &bounds {
        let len = indptr[r1] - indptr[r0];
        let (hi, ti) = std::mem::take(&mut ind).split_at_mut(len);
        let (hd, td) = std::mem::take(&mut dat).split_at_mut(len);
        parts.push((r0, r1, hi, hd));
        ind = ti;
        dat = td;
    }
    let indptr_ref = &indptr;
    // Pass 2 tags row i as `rows + i`, distinct from pass 1's tags left in `mark`.
    let fill = |(r0, r1, ind, dat): (usize, usize, &mut [usize], &mut [T])| {
        pool.with(|s| {
            if s.mark.len() != n {
                s.mark = vec![usize::MAX; n];
            }
            if s.sums.len() != n {
                s.sums = vec![T::zero(); n];
            }
            // one slot more than the longest row: a repeated column is written past the end
            let longest = (r0..r1).map(|i| indptr_ref[i + 1] - indptr_ref[i]).max().unwrap_or(0);
            s.cols.clear();
            s.cols.resize(longest + 1, 0);
            let (mark, sums, cols) = (&mut s.mark[..], &mut s.sums[..], &mut s.cols[..]);
            let base = indptr_ref[r0];
            (r0..r1)
                .map(|i| {
                    // the distinct columns in order of first appearance, without branches
                    let tag = rows + i;
                    let mut c = 0usize;
                    for p in ap[i]..ap[i + 1] {
                        let (k, v) = (ai[p], ax[p]);
                        let (q0, q1) = (bp[k], bp[k + 1]);
                        for (&j, &bv) in bi[q0..q1].iter().zip(&bx[q0..q1]) {
                            let seen = mark[j] == tag;
                            mark[j] = tag;
                            let prev = if seen { sums[j] } else { T::zero() };
                            sums[j] = prev + v * bv;
                            cols[c] = j;
                            c += usize::from(!seen);
                        }
                    }
                    let start = indptr_ref[i] - base;
                    let (ind, dat) = (&mut ind[start..start + c], &mut dat[start..start + c]);
                    let mut kept = 0usize;
                    for &j in cols[..c].iter().rev() {
                        let v = sums[j];
                        if v != T::zero() {
                            ind[kept] = j;
                            dat[kept] = v;
                            kept += 1;
                        }
                    }
                    kept
                })
                .collect::<Vec<usize>>()
        })
    };
    let kept: Vec<usize> = if parallel {
        parts.into_par_iter().map(fill).collect::<Vec<_>>().concat()
    } else {
        parts.into_iter().flat_map(fill).collect()
    };
    // Close the gaps of rows whose sums cancelled.
    if kept != counts {
        let mut out = 0usize;
        for (i, &c) in kept.iter().enumerate() {
            let start = indptr[i];
            indices.copy_within(start..start + c, out);
            data.copy_within(start..start + c, out);
            indptr[i] = out;
            out += c;
        }
        indptr[rows] = out;
        indices.truncate(out);
        data.truncate(out);
    }
    Cs { nmajor: rows, nminor: n, indptr, indices, data }
}

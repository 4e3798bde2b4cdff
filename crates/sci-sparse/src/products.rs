//! Kernels of sparse x dense and sparse x sparse products on compressed storage.

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix1, Ix2, Zip};

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

/// Gustavson's row-by-row product `C = A B` of two row-major storages (SciPy's `csr_matmat`):
/// zero sums are not stored; every row's indices come out sorted. Two passes, as SciPy: the
/// first counts each row's columns, the second writes the rows in place; large products run
/// in row blocks on rayon, with the same result.
pub(crate) fn spgemm<T: SparseScalar>(a: &Cs<T>, b: &Cs<T>) -> Cs<T> {
    let work: usize = a.indices.iter().map(|&k| b.indptr[k + 1] - b.indptr[k]).sum();
    let rows = a.nmajor;
    let n = b.nminor;
    let blocks = if work >= PAR_NNZ { (rayon::current_num_threads() * 4).min(rows.max(1)) } else { 1 };
    let bounds: Vec<(usize, usize)> =
        (0..blocks).map(|t| (t * rows / blocks, (t + 1) * rows / blocks)).collect();
    // Pass 1: the number of distinct columns of each row.
    let count = |&(r0, r1): &(usize, usize)| {
        let mut mark = vec![usize::MAX; n];
        (r0..r1)
            .map(|i| {
                let mut c = 0usize;
                for &k in &a.indices[a.indptr[i]..a.indptr[i + 1]] {
                    for &j in &b.indices[b.indptr[k]..b.indptr[k + 1]] {
                        if mark[j] != i {
                            mark[j] = i;
                            c += 1;
                        }
                    }
                }
                c
            })
            .collect::<Vec<usize>>()
    };
    let counts: Vec<usize> = if blocks > 1 {
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
    let mut indices = vec![0usize; total];
    let mut data = vec![T::zero(); total];
    // Pass 2: each block fills its rows' slots; returns the kept (nonzero) count of each row.
    let mut parts = Vec::with_capacity(blocks);
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
    let fill = |(r0, r1, ind, dat): (usize, usize, &mut [usize], &mut [T])| {
        let base = indptr_ref[r0];
        let mut next = vec![usize::MAX; n];
        let mut sums = vec![T::zero(); n];
        (r0..r1)
            .map(|i| {
                let start = indptr_ref[i] - base;
                let row = &mut ind[start..indptr_ref[i + 1] - base];
                let mut c = 0usize;
                for p in a.indptr[i]..a.indptr[i + 1] {
                    let (k, v) = (a.indices[p], a.data[p]);
                    for q in b.indptr[k]..b.indptr[k + 1] {
                        let j = b.indices[q];
                        if next[j] != i {
                            next[j] = i;
                            row[c] = j;
                            c += 1;
                            sums[j] = T::zero();
                        }
                        sums[j] += v * b.data[q];
                    }
                }
                row.sort_unstable();
                let mut kept = 0usize;
                for t in 0..c {
                    let j = ind[start + t];
                    if sums[j] != T::zero() {
                        ind[start + kept] = j;
                        dat[start + kept] = sums[j];
                        kept += 1;
                    }
                }
                kept
            })
            .collect::<Vec<usize>>()
    };
    let kept: Vec<usize> = if blocks > 1 {
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

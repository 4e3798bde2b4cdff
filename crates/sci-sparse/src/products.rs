//! Kernels of sparse x dense and sparse x sparse products on compressed storage.

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix1, Ix2, Zip};

use crate::cs::Cs;
use crate::scalar::SparseScalar;

/// Above this many stored entries the row-wise kernels run on rayon.
pub(crate) const PAR_NNZ: usize = 100_000;

/// `y = A x` where `A`'s major lines are rows (gather, one dot product per row).
pub(crate) fn gather_vec<T: SparseScalar, S: Data<Elem = T>>(a: &Cs<T>, x: &ArrayBase<S, Ix1>) -> Array1<T> {
    let x = x.view();
    let row = |i: usize| {
        let mut s = T::zero();
        for p in a.indptr[i]..a.indptr[i + 1] {
            s += a.data[p] * x[a.indices[p]];
        }
        s
    };
    if a.nnz() >= PAR_NNZ {
        let v: Vec<T> = (0..a.nmajor).into_par_iter().map(row).collect();
        Array1::from(v)
    } else {
        Array1::from_iter((0..a.nmajor).map(row))
    }
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
/// zero sums are not stored; every row's indices come out sorted. Large products run in
/// row blocks on rayon, with the same result.
pub(crate) fn spgemm<T: SparseScalar>(a: &Cs<T>, b: &Cs<T>) -> Cs<T> {
    let work: usize = a.indices.iter().map(|&k| b.indptr[k + 1] - b.indptr[k]).sum();
    let rows = a.nmajor;
    let blocks = if work >= PAR_NNZ { (rayon::current_num_threads() * 4).min(rows.max(1)) } else { 1 };
    let bounds: Vec<(usize, usize)> =
        (0..blocks).map(|t| (t * rows / blocks, (t + 1) * rows / blocks)).collect();
    let parts: Vec<(Vec<usize>, Vec<usize>, Vec<T>)> = if blocks > 1 {
        bounds.par_iter().map(|&(r0, r1)| spgemm_rows(a, b, r0, r1)).collect()
    } else {
        bounds.iter().map(|&(r0, r1)| spgemm_rows(a, b, r0, r1)).collect()
    };
    let mut indptr = Vec::with_capacity(rows + 1);
    indptr.push(0);
    let total: usize = parts.iter().map(|p| p.1.len()).sum();
    let (mut indices, mut data) = (Vec::with_capacity(total), Vec::with_capacity(total));
    for (counts, ind, dat) in parts {
        let base = indices.len();
        indptr.extend(counts.iter().map(|&c| c + base));
        indices.extend(ind);
        data.extend(dat);
    }
    Cs { nmajor: rows, nminor: b.nminor, indptr, indices, data }
}

/// Rows `r0..r1` of `A B`: (cumulative counts per row, indices, data).
fn spgemm_rows<T: SparseScalar>(
    a: &Cs<T>,
    b: &Cs<T>,
    r0: usize,
    r1: usize,
) -> (Vec<usize>, Vec<usize>, Vec<T>) {
    let n = b.nminor;
    let mut next = vec![usize::MAX; n];
    let mut sums = vec![T::zero(); n];
    let mut ends = Vec::with_capacity(r1 - r0);
    let (mut indices, mut data) = (Vec::new(), Vec::new());
    let mut cols: Vec<usize> = Vec::new();
    for i in r0..r1 {
        cols.clear();
        for p in a.indptr[i]..a.indptr[i + 1] {
            let (k, v) = (a.indices[p], a.data[p]);
            for q in b.indptr[k]..b.indptr[k + 1] {
                let j = b.indices[q];
                if next[j] != i {
                    next[j] = i;
                    cols.push(j);
                    sums[j] = T::zero();
                }
                sums[j] += v * b.data[q];
            }
        }
        cols.sort_unstable();
        for &j in &cols {
            if sums[j] != T::zero() {
                indices.push(j);
                data.push(sums[j]);
            }
        }
        ends.push(indices.len());
    }
    (ends, indices, data)
}

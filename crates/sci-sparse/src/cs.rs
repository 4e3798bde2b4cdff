//! Compressed storage shared by CSR (major axis = rows) and CSC (major axis = columns).

use std::borrow::Cow;

use sci_array::ndarray::Array2;

use sci_array::alloc::advise_huge;

use crate::error::{Result, SparseError, invalid};
use crate::index_type::{SpIndex, fits, fits_shape};
use crate::products::{PAR_NNZ, share_items};
use crate::scalar::SparseScalar;

/// The outputs of the parallel scatter in [`Cs::from_triplets`]: `indices` and `data`.
#[derive(Clone, Copy)]
struct ScatterDst<I, T>(*mut I, *mut T);
impl<I, T> ScatterDst<I, T> {
    /// Writes entry `slot` of both outputs.
    ///
    /// # Safety
    ///
    /// `slot` must be below the outputs' length and written by no other thread.
    #[allow(unsafe_code)]
    unsafe fn put(self, slot: usize, index: I, value: T) {
        // SAFETY: as the caller guarantees.
        unsafe {
            *self.0.add(slot) = index;
            *self.1.add(slot) = value;
        }
    }
}

// SAFETY: the threads of the scatter write disjoint slots through it, and both buffers outlive
// the parallel loop (borrowed mutably, unused otherwise, until it ends).
#[allow(unsafe_code)]
unsafe impl<I: Send, T: Send> Send for ScatterDst<I, T> {}
// SAFETY: as for `Send`.
#[allow(unsafe_code)]
unsafe impl<I: Send, T: Send> Sync for ScatterDst<I, T> {}

/// Sorts one line stably by index and sums adjacent duplicates in place; returns the number of
/// entries left at the front.
fn sort_sum_line<T: SparseScalar, I: SpIndex>(ind: &mut [I], dat: &mut [T], buf: &mut Vec<(I, T)>) -> usize {
    let len = ind.len();
    if len <= 32 {
        // insertion sort (stable)
        for k in 1..len {
            let (j, v) = (ind[k], dat[k]);
            let mut p = k;
            while p > 0 && ind[p - 1] > j {
                ind[p] = ind[p - 1];
                dat[p] = dat[p - 1];
                p -= 1;
            }
            ind[p] = j;
            dat[p] = v;
        }
    } else if !ind.windows(2).all(|w| w[0] <= w[1]) {
        buf.clear();
        buf.extend(ind.iter().copied().zip(dat.iter().copied()));
        buf.sort_by_key(|e| e.0);
        for (k, &(j, v)) in buf.iter().enumerate() {
            ind[k] = j;
            dat[k] = v;
        }
    }
    let mut w = 0usize;
    for r in 0..len {
        if w > 0 && ind[w - 1] == ind[r] {
            let v = dat[r];
            dat[w - 1] += v;
        } else {
            ind[w] = ind[r];
            dat[w] = dat[r];
            w += 1;
        }
    }
    w
}

/// Compressed sparse storage: `indices[indptr[i]..indptr[i + 1]]` are the minor indices of
/// major line `i`, with values `data[..]` at the same positions. Duplicates and unsorted
/// indices are allowed, as in SciPy.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cs<T, I = usize> {
    pub nmajor: usize,
    pub nminor: usize,
    pub indptr: Vec<I>,
    pub indices: Vec<I>,
    pub data: Vec<T>,
}

impl<T: SparseScalar, I: SpIndex> Cs<T, I> {
    /// Empty storage (no stored entries).
    pub fn zeros(nmajor: usize, nminor: usize) -> Self {
        Cs { nmajor, nminor, indptr: vec![I::default(); nmajor + 1], indices: Vec::new(), data: Vec::new() }
    }

    /// Checks user-given raw parts (SciPy's `check_format`).
    pub fn from_parts(
        nmajor: usize,
        nminor: usize,
        indptr: Vec<I>,
        indices: Vec<I>,
        data: Vec<T>,
    ) -> Result<Self> {
        // `nmajor + 1` must not overflow
        fits_shape::<usize>((nmajor, nminor))?;
        if indptr.len() != nmajor + 1 {
            return Err(invalid(
                "indptr",
                format!("index pointer size {} should be {}", indptr.len(), nmajor + 1),
            ));
        }
        if indices.len() != data.len() {
            return Err(invalid("indices", "indices and data should have the same size"));
        }
        fits::<I>("shape", nmajor.max(nminor))?;
        if indptr[0] != I::default() {
            return Err(invalid("indptr", "index pointer should start with 0"));
        }
        if indptr.windows(2).any(|w| w[1] < w[0]) {
            return Err(invalid("indptr", "index pointer values must form a non-decreasing sequence"));
        }
        if indptr[nmajor].checked_idx() != Some(indices.len()) {
            return Err(invalid("indptr", "last value of index pointer should be the number of entries"));
        }
        if let Some(&bad) = indices.iter().find(|&&j| j.checked_idx().is_none_or(|j| j >= nminor)) {
            if bad < I::default() {
                return Err(invalid("indices", "indices must be >= 0"));
            }
            return Err(SparseError::IndexOutOfBounds { arg: "indices", index: bad.to_i64(), bound: nminor });
        }
        Ok(Cs { nmajor, nminor, indptr, indices, data })
    }

    /// Builds from triplets by a stable counting sort on the major index (no summing), as
    /// SciPy's `coo_tocsr`: `indptr` serves as the scatter cursor (no second index array),
    /// and the outputs are written once into fresh, huge-page advised memory.
    /// The indices must be in bounds and `data.len()` must fit `I` (checked by the callers).
    pub fn from_triplets(nmajor: usize, nminor: usize, major: &[I], minor: &[I], data: &[T]) -> Self {
        let nnz = data.len();
        let chunks = rayon::current_num_threads().min(8);
        if nnz >= PAR_NNZ && chunks > 1 && nmajor.saturating_mul(chunks) <= nnz {
            Self::from_triplets_par(nmajor, nminor, major, minor, data, chunks)
        } else {
            Self::from_triplets_seq(nmajor, nminor, major, minor, data)
        }
    }

    /// [`Self::from_triplets`] on the calling thread.
    fn from_triplets_seq(nmajor: usize, nminor: usize, major: &[I], minor: &[I], data: &[T]) -> Self {
        let nnz = data.len();
        let mut indptr = vec![I::default(); nmajor + 1];
        advise_huge(&indptr);
        for &i in major {
            let p = &mut indptr[i.idx()];
            *p = I::from_idx(p.idx() + 1);
        }
        // indptr[i] = start of line i
        let mut sum = 0usize;
        for p in indptr.iter_mut() {
            let c = p.idx();
            *p = I::from_idx(sum);
            sum += c;
        }
        // untouched calloc'd memory, huge-page advised (as NumPy's arrays) before the random
        // writes below: far fewer TLB misses than with 4 KiB pages
        let mut indices = vec![I::default(); nnz];
        let mut vals = vec![T::zero(); nnz];
        advise_huge(&indices);
        advise_huge(&vals);
        for k in 0..nnz {
            let p = &mut indptr[major[k].idx()];
            let q = p.idx();
            indices[q] = minor[k];
            vals[q] = data[k];
            *p = I::from_idx(q + 1);
        }
        // now indptr[i] = end of line i = start of line i + 1
        let mut last = I::default();
        for p in indptr[..nmajor].iter_mut() {
            last = std::mem::replace(p, last);
        }
        indptr[nmajor] = I::from_idx(nnz);
        Cs { nmajor, nminor, indptr, indices, data: vals }
    }

    /// [`Self::from_triplets`] on `chunks` threads: each chunk of the triplets counts its
    /// entries of every line, then scatters them into its own slots of each line (after those
    /// of the earlier chunks, so the order of the entries of a line is kept). The scatter's
    /// random writes wait on memory; two threads keep twice as many in flight. Worth it when
    /// the per-chunk counts (`chunks` arrays of `nmajor`) are small beside the entries.
    fn from_triplets_par(
        nmajor: usize,
        nminor: usize,
        major: &[I],
        minor: &[I],
        data: &[T],
        chunks: usize,
    ) -> Self {
        use rayon::prelude::*;
        let nnz = data.len();
        let chunk = nnz.div_ceil(chunks);
        let mut cursors: Vec<Vec<usize>> = major
            .par_chunks(chunk)
            .map(|m| {
                let mut count = vec![0usize; nmajor];
                for &i in m {
                    count[i.idx()] += 1;
                }
                count
            })
            .collect();
        // Line starts, and every chunk's first slot in every line.
        let mut indptr = vec![I::default(); nmajor + 1];
        advise_huge(&indptr);
        let mut sum = 0usize;
        for (line, start) in indptr[..nmajor].iter_mut().enumerate() {
            *start = I::from_idx(sum);
            for c in cursors.iter_mut() {
                let count = c[line];
                c[line] = sum;
                sum += count;
            }
        }
        indptr[nmajor] = I::from_idx(nnz);
        let mut indices = vec![I::default(); nnz];
        let mut vals = vec![T::zero(); nnz];
        advise_huge(&indices);
        advise_huge(&vals);
        let dst = ScatterDst(indices.as_mut_ptr(), vals.as_mut_ptr());
        let parts = major.par_chunks(chunk).zip(minor.par_chunks(chunk)).zip(data.par_chunks(chunk));
        parts.zip(cursors.par_iter_mut()).for_each(|(((maj, min), dat), next)| {
            for ((&i, &j), &v) in maj.iter().zip(min).zip(dat) {
                let slot = &mut next[i.idx()];
                debug_assert!(*slot < nnz);
                // SAFETY: `*slot` runs through this chunk's slots of line `i`, which no other
                // chunk writes (the cursors partition `0..nnz`, each chunk's slots of a line as
                // many as its entries on it), all below `nnz`, the length of both outputs.
                #[allow(unsafe_code)]
                unsafe {
                    dst.put(*slot, j, v)
                };
                *slot += 1;
            }
        });
        Cs { nmajor, nminor, indptr, indices, data: vals }
    }

    /// The same storage with another index type (values already checked to fit `J`).
    pub fn with_index<J: SpIndex>(&self) -> Cs<T, J> {
        use crate::index_type::convert;
        Cs {
            nmajor: self.nmajor,
            nminor: self.nminor,
            indptr: convert(&self.indptr),
            indices: convert(&self.indices),
            data: self.data.clone(),
        }
    }

    /// The same storage with another index type, or `IndexOverflow` when the size or number
    /// of entries does not fit `J` (SciPy's `safely_cast_index_arrays`).
    pub fn try_with_index<J: SpIndex>(&self) -> Result<Cs<T, J>> {
        fits::<J>("indptr", self.nnz())?;
        fits::<J>("shape", self.nmajor.max(self.nminor))?;
        Ok(self.with_index())
    }

    /// Start and end of major line `i` in `indices` and `data`.
    #[inline(always)]
    pub fn line(&self, i: usize) -> std::ops::Range<usize> {
        self.indptr[i].idx()..self.indptr[i + 1].idx()
    }

    /// Number of stored entries (explicit zeros and duplicates included).
    pub fn nnz(&self) -> usize {
        self.indptr[self.nmajor].idx()
    }

    /// Whether every line's indices are increasing (strictly when `strict`).
    pub fn sorted(&self, strict: bool) -> bool {
        (0..self.nmajor).all(|i| {
            self.indices[self.line(i)].windows(2).all(|w| if strict { w[0] < w[1] } else { w[0] <= w[1] })
        })
    }

    /// Sorts the indices of each line in place (stable, so duplicates keep their order).
    pub fn sort_indices(&mut self) {
        let mut buf: Vec<(I, T)> = Vec::new();
        for i in 0..self.nmajor {
            let (a, b) = (self.indptr[i].idx(), self.indptr[i + 1].idx());
            if self.indices[a..b].windows(2).all(|w| w[0] <= w[1]) {
                continue;
            }
            buf.clear();
            buf.extend(self.indices[a..b].iter().copied().zip(self.data[a..b].iter().copied()));
            buf.sort_by_key(|e| e.0);
            for (k, (j, v)) in buf.iter().enumerate() {
                self.indices[a + k] = *j;
                self.data[a + k] = *v;
            }
        }
    }

    /// Sorts and sums duplicate entries in place (explicit zeros stay, as in SciPy). Each line
    /// is sorted stably, so duplicates add up in storage order; large storages run in line
    /// blocks on rayon.
    pub fn sum_duplicates(&mut self) {
        let n = self.nmajor;
        let nnz = self.nnz();
        let parallel = nnz >= PAR_NNZ;
        if !parallel && self.sorted(true) {
            return;
        }
        let blocks = if parallel { (rayon::current_num_threads() * 8).min(n.max(1)) } else { 1 };
        // Line blocks of about equal numbers of entries.
        let mut bounds = vec![0usize];
        for b in 1..blocks {
            let target = nnz * b / blocks;
            let line = self.indptr.partition_point(|&p| p.idx() < target).min(n);
            if line > *bounds.last().unwrap_or(&0) {
                bounds.push(line);
            }
        }
        bounds.push(n);
        let indptr = &self.indptr;
        let mut parts = Vec::with_capacity(bounds.len());
        let (mut ind, mut dat) = (&mut self.indices[..nnz], &mut self.data[..nnz]);
        for w in bounds.windows(2) {
            let len = indptr[w[1]].idx() - indptr[w[0]].idx();
            let (hi, ti) = std::mem::take(&mut ind).split_at_mut(len);
            let (hd, td) = std::mem::take(&mut dat).split_at_mut(len);
            parts.push((w[0], w[1], hi, hd));
            ind = ti;
            dat = td;
        }
        // Each block sorts and sums its lines and packs them to the front of its segment;
        // returns the kept count of each line.
        let run = |(l0, l1, ind, dat): (usize, usize, &mut [I], &mut [T])| {
            let base = indptr[l0].idx();
            let mut buf = Vec::new();
            let mut out = 0usize;
            (l0..l1)
                .map(|i| {
                    let (a, b) = (indptr[i].idx() - base, indptr[i + 1].idx() - base);
                    let c = sort_sum_line(&mut ind[a..b], &mut dat[a..b], &mut buf);
                    if a != out {
                        ind.copy_within(a..a + c, out);
                        dat.copy_within(a..a + c, out);
                    }
                    out += c;
                    c
                })
                .collect::<Vec<usize>>()
        };
        // blocks shared by the caller and rayon helpers (sequential for one block)
        let mut counts: Vec<Vec<usize>> = vec![Vec::new(); parts.len()];
        share_items(parts.into_iter().zip(counts.iter_mut()).collect(), |_, (part, out)| *out = run(part));
        // Move the packed blocks together and rebuild indptr.
        let mut out = 0usize;
        for (w, c) in bounds.windows(2).zip(&counts) {
            let start = self.indptr[w[0]].idx();
            let len: usize = c.iter().sum();
            if start != out && len > 0 {
                self.indices.copy_within(start..start + len, out);
                self.data.copy_within(start..start + len, out);
            }
            for (i, &ci) in (w[0]..w[1]).zip(c) {
                self.indptr[i] = I::from_idx(out);
                out += ci;
            }
        }
        self.indptr[n] = I::from_idx(out);
        self.indices.truncate(out);
        self.data.truncate(out);
    }

    /// A canonical copy (sorted, no duplicates).
    pub fn canonical(&self) -> Self {
        let mut c = self.clone();
        c.sum_duplicates();
        c
    }

    /// Removes stored zeros in place.
    pub fn eliminate_zeros(&mut self) {
        self.retain(|_, _, v| v != T::zero());
    }

    /// Keeps the entries `(major, minor, value)` for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(usize, usize, T) -> bool) {
        let mut nnz = 0usize;
        let mut start = 0usize;
        for i in 0..self.nmajor {
            let end = self.indptr[i + 1].idx();
            for k in start..end {
                if keep(i, self.indices[k].idx(), self.data[k]) {
                    self.indices[nnz] = self.indices[k];
                    self.data[nnz] = self.data[k];
                    nnz += 1;
                }
            }
            start = end;
            self.indptr[i + 1] = I::from_idx(nnz);
        }
        self.indices.truncate(nnz);
        self.data.truncate(nnz);
    }

    /// The same matrix compressed along the other axis (SciPy's `csr_tocsc`): sorted indices,
    /// duplicates kept.
    pub fn swap_major(&self) -> Self {
        let nnz = self.nnz();
        let mut next = vec![0usize; self.nminor + 1];
        for &j in &self.indices[..nnz] {
            next[j.idx() + 1] += 1;
        }
        for j in 0..self.nminor {
            next[j + 1] += next[j];
        }
        let indptr = next.iter().map(|&p| I::from_idx(p)).collect();
        let mut indices = vec![I::default(); nnz];
        let mut data = vec![T::zero(); nnz];
        for i in 0..self.nmajor {
            let ii = I::from_idx(i);
            for k in self.line(i) {
                let p = &mut next[self.indices[k].idx()];
                indices[*p] = ii;
                data[*p] = self.data[k];
                *p += 1;
            }
        }
        Cs { nmajor: self.nminor, nminor: self.nmajor, indptr, indices, data }
    }

    /// Dense `(nmajor, nminor)` array when `row_major`, else its transpose; duplicates add up.
    pub fn to_dense(&self, row_major: bool) -> Array2<T> {
        let shape = if row_major { (self.nmajor, self.nminor) } else { (self.nminor, self.nmajor) };
        let mut out = Array2::<T>::zeros(shape);
        for i in 0..self.nmajor {
            for k in self.line(i) {
                let j = self.indices[k].idx();
                let idx = if row_major { [i, j] } else { [j, i] };
                out[idx] += self.data[k];
            }
        }
        out
    }

    /// Applies `f` to every stored value.
    pub fn map<U: SparseScalar>(&self, f: impl Fn(T) -> U) -> Cs<U, I> {
        Cs {
            nmajor: self.nmajor,
            nminor: self.nminor,
            indptr: self.indptr.clone(),
            indices: self.indices.clone(),
            data: self.data.iter().map(|&v| f(v)).collect(),
        }
    }

    /// Sum of the entries of each major line.
    pub fn major_sums(&self) -> Vec<T> {
        (0..self.nmajor).map(|i| self.data[self.line(i)].iter().fold(T::zero(), |a, &b| a + b)).collect()
    }

    /// Sum of the entries of each minor line.
    pub fn minor_sums(&self) -> Vec<T> {
        let mut out = vec![T::zero(); self.nminor];
        for (k, &j) in self.indices.iter().enumerate() {
            out[j.idx()] += self.data[k];
        }
        out
    }

    /// Entry-wise combination of two canonical storages of the same shape: `f(a, b)` on the
    /// union (`union = true`) or intersection of their patterns. Results stay canonical.
    pub fn binop(&self, other: &Self, union: bool, f: impl Fn(T, T) -> T) -> Self {
        fn canon<T: SparseScalar, I: SpIndex>(c: &Cs<T, I>) -> Cow<'_, Cs<T, I>> {
            if c.sorted(true) { Cow::Borrowed(c) } else { Cow::Owned(c.canonical()) }
        }
        let (a, b) = (canon(self), canon(other));
        let mut indptr = Vec::with_capacity(a.nmajor + 1);
        indptr.push(I::default());
        let mut indices = Vec::with_capacity(if union { a.nnz() + b.nnz() } else { a.nnz().min(b.nnz()) });
        let mut data = Vec::with_capacity(indices.capacity());
        let z = T::zero();
        for i in 0..a.nmajor {
            let (mut p, pe) = (a.indptr[i].idx(), a.indptr[i + 1].idx());
            let (mut q, qe) = (b.indptr[i].idx(), b.indptr[i + 1].idx());
            while p < pe || q < qe {
                let ja = if p < pe { a.indices[p].idx() } else { usize::MAX };
                let jb = if q < qe { b.indices[q].idx() } else { usize::MAX };
                let (j, v) = if ja == jb {
                    p += 1;
                    q += 1;
                    (ja, Some(f(a.data[p - 1], b.data[q - 1])))
                } else if ja < jb {
                    p += 1;
                    (ja, union.then(|| f(a.data[p - 1], z)))
                } else {
                    q += 1;
                    (jb, union.then(|| f(z, b.data[q - 1])))
                };
                // SciPy's csr_binop_csr drops the zeros a result produces.
                if let Some(v) = v.filter(|&v| v != z) {
                    indices.push(I::from_idx(j));
                    data.push(v);
                }
            }
            indptr.push(I::from_idx(indices.len()));
        }
        Cs { nmajor: a.nmajor, nminor: a.nminor, indptr, indices, data }
    }

    /// Bytes used by `data`, `indices` and `indptr`.
    pub fn nbytes(&self) -> usize {
        self.data.len() * std::mem::size_of::<T>()
            + (self.indices.len() + self.indptr.len()) * std::mem::size_of::<I>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_triplets_compress_and_sum_in_storage_order() {
        // 300 000 triplets in a 20 000 x 50 matrix: many duplicates, lines of all lengths,
        // several line blocks on the shared (parallel) path
        let (m, n, cnt) = (20_000usize, 50usize, 300_000usize);
        let mut s = 7u64;
        let mut next = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s >> 33
        };
        let (mut rows, mut cols, mut vals) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..cnt {
            // skew: a quarter of the entries in the first 100 rows
            let r = if next() % 4 == 0 { next() as usize % 100 } else { next() as usize % m };
            rows.push(r);
            cols.push(next() as usize % n);
            vals.push(next() as f64 / 1e9 - 2.0);
        }
        assert!(cnt >= PAR_NNZ);
        let mut want = std::collections::BTreeMap::new();
        for k in 0..cnt {
            *want.entry((rows[k], cols[k])).or_insert(0.0) += vals[k];
        }
        let mut c = Cs::from_triplets(m, n, &rows, &cols, &vals);
        assert_eq!(c.indptr[m], cnt);
        c.sum_duplicates();
        assert!(c.sorted(true));
        let got: Vec<((usize, usize), f64)> = (0..m)
            .flat_map(|i| (c.indptr[i]..c.indptr[i + 1]).map(move |p| (i, p)))
            .map(|(i, p)| ((i, c.indices[p]), c.data[p]))
            .collect();
        let want: Vec<((usize, usize), f64)> = want.into_iter().collect();
        assert_eq!(got, want);
        // The parallel scatter, with any number of chunks, stores what the sequential one does.
        let seq = Cs::from_triplets_seq(m, n, &rows, &cols, &vals);
        for chunks in [2, 3, 7] {
            let par = Cs::from_triplets_par(m, n, &rows, &cols, &vals, chunks);
            assert_eq!(
                (&par.indptr, &par.indices, &par.data),
                (&seq.indptr, &seq.indices, &seq.data),
                "{chunks}"
            );
        }
    }
}

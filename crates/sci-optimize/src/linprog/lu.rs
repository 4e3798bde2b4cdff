//! The basis factorization of the simplex: an LU of the basis matrix `B`, dense with partial
//! pivoting and product-form (eta) updates, one per basis change, until the next
//! refactorization; or sparse with Forrest-Tomlin updates ([`super::splu`]).

use super::splu::SparseLu;

/// One product-form update: basis position `r`, the FTRAN'ed entering column's pivot `pivot`
/// (at `r`) and its other entries.
#[derive(Debug, Clone)]
struct Eta {
    r: usize,
    pivot: f64,
    col: EtaCol,
}

/// The off-pivot entries of an eta column: its nonzeros, or all `m` entries (zero at `r`) when
/// it is dense enough that contiguous, vectorized passes beat indexed ones.
#[derive(Debug, Clone)]
enum EtaCol {
    Sparse { idx: Vec<usize>, val: Vec<f64> },
    Dense(Vec<f64>),
}

/// An eta column with more than `m / DENSE_ETA` nonzeros is stored densely.
const DENSE_ETA: usize = 4;

/// `sum_i a[i] * b[i]` in four interleaved partial sums (vectorizable).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for ((a, &xv), &yv) in acc.iter_mut().zip(x).zip(y) {
            *a += xv * yv;
        }
    }
    (acc[0] + acc[2]) + (acc[1] + acc[3]) + tail
}

/// The factorization of `B` (dense or sparse) times the eta matrices of the updates since.
#[derive(Debug, Clone, Default)]
pub(crate) struct BasisLu {
    /// Sparse factors (else dense).
    sparse: bool,
    dense: DenseLu,
    splu: SparseLu,
    etas: Vec<Eta>,
    /// An update found the factors inaccurate.
    stale: bool,
}

impl BasisLu {
    /// A factorization that uses the sparse LU when `sparse`.
    pub(crate) fn new(sparse: bool) -> Self {
        BasisLu { sparse, ..Default::default() }
    }

    /// Factorize the `m x m` basis given column by column: `fill(k, idx, val)` pushes the
    /// nonzeros of column `k`.
    pub(crate) fn factor(
        &mut self,
        m: usize,
        fill: impl Fn(usize, &mut Vec<usize>, &mut Vec<f64>),
    ) -> Result<(), Singular> {
        self.etas.clear();
        self.stale = false;
        if self.sparse { self.splu.factor(m, fill) } else { self.dense.factor(m, fill) }
    }

    /// Number of eta updates since the last factorization.
    pub(crate) fn updates(&self) -> usize {
        if self.sparse { self.splu.updates() } else { self.etas.len() }
    }

    /// An update lost accuracy: refactorize before the next solve.
    pub(crate) fn stale(&self) -> bool {
        self.stale
    }

    /// Replace basis column `r` by the column whose FTRAN is `col`: the last
    /// [`BasisLu::ftran_keep`], after [`BasisLu::btran_keep`] of row `r`.
    pub(crate) fn update(&mut self, r: usize, col: &[f64]) {
        if self.sparse {
            if !self.splu.update(r, col[r]) {
                self.stale = true;
            }
            return;
        }
        let nnz = col.iter().filter(|&&v| v != 0.0).count();
        let col_r = col[r];
        let eta = if nnz * DENSE_ETA > col.len() {
            let mut d = col.to_vec();
            d[r] = 0.0;
            EtaCol::Dense(d)
        } else {
            let (mut idx, mut val) = (Vec::with_capacity(nnz), Vec::with_capacity(nnz));
            for (i, &v) in col.iter().enumerate() {
                if v != 0.0 && i != r {
                    idx.push(i);
                    val.push(v);
                }
            }
            EtaCol::Sparse { idx, val }
        };
        self.etas.push(Eta { r, pivot: col_r, col: eta });
    }

    /// Solve `B x = b` in place.
    pub(crate) fn ftran(&self, b: &mut [f64], work: &mut Vec<f64>) {
        if self.sparse {
            self.splu.solve(b, work);
        } else {
            self.dense.ftran(b, work);
        }
        for e in &self.etas {
            let xr = b[e.r] / e.pivot;
            if xr != 0.0 {
                match &e.col {
                    EtaCol::Sparse { idx, val } => {
                        for (&i, &v) in idx.iter().zip(val) {
                            b[i] -= v * xr;
                        }
                    }
                    EtaCol::Dense(d) => {
                        for (bi, &v) in b.iter_mut().zip(d) {
                            *bi -= v * xr;
                        }
                    }
                }
            }
            b[e.r] = xr;
        }
    }

    /// As [`BasisLu::ftran`] for the entering column of the next [`BasisLu::update`].
    pub(crate) fn ftran_keep(&mut self, b: &mut [f64], work: &mut Vec<f64>) {
        if self.sparse {
            self.splu.solve_keep(b, work);
        } else {
            self.ftran(b, work);
        }
    }

    /// [`BasisLu::ftran_keep`] of `b` and [`BasisLu::ftran`] of `c` (in one pass over the
    /// sparse factors).
    pub(crate) fn ftran2_keep(&mut self, b: &mut [f64], c: &mut [f64], work: &mut Vec<f64>) {
        if self.sparse {
            self.splu.solve2_keep(b, c);
        } else {
            self.ftran_keep(b, work);
            self.ftran(c, work);
        }
    }

    /// As [`BasisLu::btran`] for `c` = the unit vector at position `r`, the leaving row of
    /// the next [`BasisLu::update`].
    pub(crate) fn btran_keep(&mut self, r: usize, c: &mut [f64], work: &mut Vec<f64>) {
        if self.sparse {
            self.splu.solve_t_keep(r, c, work);
        } else {
            self.btran(c, work);
        }
    }

    /// Solve `B^T y = c` in place.
    pub(crate) fn btran(&self, c: &mut [f64], work: &mut Vec<f64>) {
        for e in self.etas.iter().rev() {
            let s: f64 = match &e.col {
                EtaCol::Sparse { idx, val } => idx.iter().zip(val).map(|(&i, &v)| v * c[i]).sum(),
                EtaCol::Dense(d) => dot(d, c),
            };
            c[e.r] = (c[e.r] - s) / e.pivot;
        }
        if self.sparse {
            self.splu.solve_t(c, work);
        } else {
            self.dense.btran(c, work);
        }
    }
}

/// `B = P^T L U` (dense, row-major, `L` unit lower).
#[derive(Debug, Clone, Default)]
struct DenseLu {
    m: usize,
    /// `L` below the diagonal, `U` on and above it (row-major `m x m`).
    lu: Vec<f64>,
    /// Row `k` of `LU` is row `perm[k]` of `B`.
    perm: Vec<usize>,
}

/// The factorization found no usable pivot in column `col` of the basis: the rows left
/// uncovered are `rows` (original row indices).
#[derive(Debug, Clone)]
pub(crate) struct Singular {
    pub(crate) col: usize,
    pub(crate) rows: Vec<usize>,
}

impl DenseLu {
    fn factor(
        &mut self,
        m: usize,
        fill: impl Fn(usize, &mut Vec<usize>, &mut Vec<f64>),
    ) -> Result<(), Singular> {
        self.m = m;
        self.lu.clear();
        self.lu.resize(m * m, 0.0);
        let (mut idx, mut val) = (Vec::new(), Vec::new());
        for k in 0..m {
            idx.clear();
            val.clear();
            fill(k, &mut idx, &mut val);
            for (&i, &v) in idx.iter().zip(&val) {
                self.lu[i * m + k] += v;
            }
        }
        self.perm = (0..m).collect();
        let lu = &mut self.lu;
        for k in 0..m {
            // Partial pivoting on column k.
            let (mut piv, mut best) = (k, 0.0f64);
            for i in k..m {
                let v = lu[i * m + k].abs();
                if v > best {
                    best = v;
                    piv = i;
                }
            }
            if best <= 1e-11 {
                return Err(Singular { col: k, rows: self.perm[k..].to_vec() });
            }
            if piv != k {
                for j in 0..m {
                    lu.swap(k * m + j, piv * m + j);
                }
                self.perm.swap(k, piv);
            }
            let pivot = lu[k * m + k];
            let (top, bottom) = lu.split_at_mut((k + 1) * m);
            let urow = &top[k * m + k + 1..k * m + m];
            for row in bottom.chunks_exact_mut(m) {
                let l = row[k] / pivot;
                row[k] = l;
                if l != 0.0 {
                    for (r, &u) in row[k + 1..].iter_mut().zip(urow) {
                        *r -= l * u;
                    }
                }
            }
        }
        Ok(())
    }

    /// Solve `B x = b` in place.
    fn ftran(&self, b: &mut [f64], work: &mut Vec<f64>) {
        let m = self.m;
        work.clear();
        work.extend(self.perm.iter().map(|&p| b[p]));
        let lu = &self.lu;
        for i in 0..m {
            let row = &lu[i * m..i * m + i];
            let s: f64 = row.iter().zip(&work[..i]).map(|(l, x)| l * x).sum();
            work[i] -= s;
        }
        for i in (0..m).rev() {
            let row = &lu[i * m + i + 1..(i + 1) * m];
            let s: f64 = row.iter().zip(&work[i + 1..]).map(|(u, x)| u * x).sum();
            work[i] = (work[i] - s) / lu[i * m + i];
        }
        b.copy_from_slice(work);
    }

    /// Solve `B^T y = c` in place.
    fn btran(&self, c: &mut [f64], work: &mut Vec<f64>) {
        let m = self.m;
        let lu = &self.lu;
        work.clear();
        work.extend_from_slice(c);
        // U^T z = c: column i of U is read down the rows above; go row by row (axpy form).
        for i in 0..m {
            let zi = work[i] / lu[i * m + i];
            work[i] = zi;
            if zi != 0.0 {
                for (w, &u) in work[i + 1..].iter_mut().zip(&lu[i * m + i + 1..(i + 1) * m]) {
                    *w -= u * zi;
                }
            }
        }
        // L^T w = z.
        for i in (0..m).rev() {
            let wi = work[i];
            if wi != 0.0 {
                for (w, &l) in work[..i].iter_mut().zip(&lu[i * m..i * m + i]) {
                    *w -= l * wi;
                }
            }
        }
        for (k, &p) in self.perm.iter().enumerate() {
            c[p] = work[k];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense_cols(b: &[Vec<f64>]) -> impl Fn(usize, &mut Vec<usize>, &mut Vec<f64>) + '_ {
        move |k, idx, val| {
            for (i, row) in b.iter().enumerate() {
                if row[k] != 0.0 {
                    idx.push(i);
                    val.push(row[k]);
                }
            }
        }
    }

    fn check(b: &[Vec<f64>], lu: &BasisLu, tol: f64) {
        let m = b.len();
        let mut w = Vec::new();
        let rhs: Vec<f64> = (0..m).map(|i| 1.0 + i as f64 * 0.37 - (i % 3) as f64).collect();
        let mut x = rhs.clone();
        lu.ftran(&mut x, &mut w);
        for i in 0..m {
            let back: f64 = (0..m).map(|k| b[i][k] * x[k]).sum();
            assert!((back - rhs[i]).abs() < tol, "ftran row {i}: {back} vs {}", rhs[i]);
        }
        let mut y = rhs.clone();
        lu.btran(&mut y, &mut w);
        for k in 0..m {
            let back: f64 = (0..m).map(|i| b[i][k] * y[i]).sum();
            assert!((back - rhs[k]).abs() < tol, "btran col {k}: {back} vs {}", rhs[k]);
        }
    }

    #[test]
    fn ftran_btran_with_updates() {
        for sparse in [false, true] {
            let b = vec![vec![2.0, 1.0, 0.0], vec![1.0, 3.0, 1.0], vec![0.0, 1.0, 4.0]];
            let mut lu = BasisLu::new(sparse);
            lu.factor(3, dense_cols(&b)).unwrap();
            check(&b, &lu, 1e-14);
            // Replace column 1 by (1, 0, 5).
            lu.btran_keep(1, &mut [0.0, 1.0, 0.0], &mut Vec::new());
            let mut f = [1.0, 0.0, 5.0];
            lu.ftran_keep(&mut f, &mut Vec::new());
            lu.update(1, &f);
            assert!(!lu.stale());
            let b2 = vec![vec![2.0, 1.0, 0.0], vec![1.0, 0.0, 1.0], vec![0.0, 5.0, 4.0]];
            check(&b2, &lu, 1e-13);
            let s = vec![vec![1.0, 1.0], vec![1.0, 1.0]];
            assert!(lu.factor(2, dense_cols(&s)).is_err());
        }
    }

    #[test]
    fn sparse_and_dense_etas() {
        // From the identity: a sparse eta (2 of 20 entries), then a dense one (all 20).
        let m = 20;
        let b: Vec<Vec<f64>> =
            (0..m).map(|i| (0..m).map(|k| f64::from(u8::from(i == k))).collect()).collect();
        for sparse in [false, true] {
            let mut lu = BasisLu::new(sparse);
            lu.factor(m, dense_cols(&b)).unwrap();
            let mut b2 = b.clone();
            for (k, col) in
                [(3, vec![(3, 1.5), (7, 2.0)]), (5, (0..m).map(|i| (i, 1.0 + i as f64 * 0.1)).collect())]
            {
                let mut f = vec![0.0; m];
                for &(i, v) in &col {
                    f[i] = v;
                    b2[i][k] = v;
                }
                for (i, row) in b2.iter_mut().enumerate() {
                    if !col.iter().any(|&(r, _)| r == i) {
                        row[k] = 0.0;
                    }
                }
                let mut e = vec![0.0; m];
                e[k] = 1.0;
                lu.btran_keep(k, &mut e, &mut Vec::new());
                lu.ftran_keep(&mut f, &mut Vec::new());
                lu.update(k, &f);
                assert!(!lu.stale());
                check(&b2, &lu, 1e-12);
            }
            assert_eq!(lu.updates(), 2);
            if !sparse {
                assert!(
                    matches!(lu.etas[0].col, EtaCol::Sparse { .. })
                        && matches!(lu.etas[1].col, EtaCol::Dense(_))
                );
            }
        }
    }

    /// A seeded stream of uniform numbers in `[0, 1)` (a 64-bit LCG).
    fn uniform(mut seed: u64) -> impl FnMut() -> f64 {
        move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 11) as f64) / ((1u64 << 53) as f64)
        }
    }

    #[test]
    fn sparse_lu_random() {
        // Seeded sparse matrices with a unit diagonal part (as simplex bases with logicals).
        let mut rnd = uniform(12345);
        for m in [1, 2, 5, 17, 60] {
            let mut b = vec![vec![0.0; m]; m];
            for (i, row) in b.iter_mut().enumerate() {
                row[i] = 1.0 + rnd();
                for v in row.iter_mut() {
                    if rnd() < 0.15 {
                        *v = 2.0 * rnd() - 1.0;
                    }
                }
            }
            // Shuffle columns so the diagonal is not where the pivots are.
            b.iter_mut().for_each(|row| row.rotate_left(m / 3));
            for sparse in [false, true] {
                let mut lu = BasisLu::new(sparse);
                lu.factor(m, dense_cols(&b)).unwrap();
                check(&b, &lu, 1e-10);
            }
        }
    }

    #[test]
    fn forrest_tomlin_many_updates() {
        // Seeded sparse bases, then 60 column replacements (skipping near-singular ones),
        // each checked against the explicit basis, in both factorizations.
        let mut rnd = uniform(777);
        let m = 25;
        let mut b0 = vec![vec![0.0; m]; m];
        for (i, row) in b0.iter_mut().enumerate() {
            row[(i + 7) % m] = 1.0 + rnd();
            for v in row.iter_mut() {
                if rnd() < 0.1 {
                    *v = 2.0 * rnd() - 1.0;
                }
            }
        }
        let mut cols = Vec::new();
        for _ in 0..200 {
            let r = ((rnd() * m as f64) as usize).min(m - 1);
            let a: Vec<f64> = (0..m).map(|_| if rnd() < 0.15 { 2.0 * rnd() - 1.0 } else { 0.0 }).collect();
            cols.push((r, a));
        }
        for sparse in [false, true] {
            let mut b = b0.clone();
            let mut lu = BasisLu::new(sparse);
            lu.factor(m, dense_cols(&b)).unwrap();
            let mut done = 0;
            for (r, a) in &cols {
                let mut f = a.clone();
                lu.ftran(&mut f, &mut Vec::new());
                if f[*r].abs() < 0.2 {
                    continue;
                }
                let mut e = vec![0.0; m];
                e[*r] = 1.0;
                lu.btran_keep(*r, &mut e, &mut Vec::new());
                let mut f = a.clone();
                lu.ftran_keep(&mut f, &mut Vec::new());
                lu.update(*r, &f);
                assert!(!lu.stale());
                for (i, row) in b.iter_mut().enumerate() {
                    row[*r] = a[i];
                }
                check(&b, &lu, 1e-9);
                done += 1;
                if done == 60 {
                    break;
                }
            }
            assert_eq!((done, lu.updates()), (60, 60));
        }
    }
}

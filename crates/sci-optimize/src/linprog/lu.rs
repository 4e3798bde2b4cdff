//! The basis factorization of the simplex: a dense LU with partial pivoting of the basis
//! matrix `B`, followed by product-form (eta) updates, one per basis change, until the next
//! refactorization.

/// `B = P^T L U` (dense, row-major, `L` unit lower) times the eta matrices of the updates since.
#[derive(Debug, Clone, Default)]
pub(crate) struct BasisLu {
    m: usize,
    /// `L` below the diagonal, `U` on and above it (row-major `m x m`).
    lu: Vec<f64>,
    /// Row `k` of `LU` is row `perm[k]` of `B`.
    perm: Vec<usize>,
    /// Eta matrices: basis position and the FTRAN'ed entering column (dense).
    etas: Vec<(usize, Vec<f64>)>,
}

/// The factorization found no usable pivot in column `col` of the basis: the rows left
/// uncovered are `rows` (original row indices).
#[derive(Debug, Clone)]
pub(crate) struct Singular {
    pub(crate) col: usize,
    pub(crate) rows: Vec<usize>,
}

impl BasisLu {
    /// Factorize the `m x m` basis given column by column (`cols[k]` is dense column `k`).
    pub(crate) fn factor(&mut self, m: usize, fill: impl Fn(usize, &mut [f64])) -> Result<(), Singular> {
        self.m = m;
        self.etas.clear();
        self.lu.clear();
        self.lu.resize(m * m, 0.0);
        let mut col = vec![0.0; m];
        for k in 0..m {
            col.iter_mut().for_each(|v| *v = 0.0);
            fill(k, &mut col);
            for (i, &v) in col.iter().enumerate() {
                self.lu[i * m + k] = v;
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

    /// Number of eta updates since the last factorization.
    pub(crate) fn updates(&self) -> usize {
        self.etas.len()
    }

    /// Replace basis column `r` by the column whose FTRAN is `col`.
    pub(crate) fn update(&mut self, r: usize, col: &[f64]) {
        self.etas.push((r, col.to_vec()));
    }

    /// Solve `B x = b` in place.
    pub(crate) fn ftran(&self, b: &mut [f64], work: &mut Vec<f64>) {
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
        for (r, eta) in &self.etas {
            let xr = b[*r] / eta[*r];
            if xr != 0.0 {
                for (bi, &e) in b.iter_mut().zip(eta) {
                    *bi -= e * xr;
                }
            }
            b[*r] = xr;
        }
    }

    /// Solve `B^T y = c` in place.
    pub(crate) fn btran(&self, c: &mut [f64], work: &mut Vec<f64>) {
        let m = self.m;
        for (r, eta) in self.etas.iter().rev() {
            let s: f64 = eta.iter().zip(c.iter()).map(|(e, v)| e * v).sum::<f64>() - eta[*r] * c[*r];
            c[*r] = (c[*r] - s) / eta[*r];
        }
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

    #[test]
    fn ftran_btran_with_updates() {
        let b = [[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]];
        let mut lu = BasisLu::default();
        lu.factor(3, |k, col| (0..3).for_each(|i| col[i] = b[i][k])).unwrap();
        let mut w = Vec::new();
        let mut x = [1.0, 2.0, 3.0];
        lu.ftran(&mut x, &mut w);
        let back: Vec<f64> = (0..3).map(|i| (0..3).map(|k| b[i][k] * x[k]).sum()).collect();
        assert!(back.iter().zip([1.0, 2.0, 3.0]).all(|(a, e)| (a - e).abs() < 1e-14));
        // Replace column 1 by (1, 0, 5).
        let newcol = [1.0, 0.0, 5.0];
        let mut f = newcol;
        lu.ftran(&mut f, &mut w);
        lu.update(1, &f);
        let b2 = [[2.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 5.0, 4.0]];
        let mut x = [1.0, -2.0, 0.5];
        lu.ftran(&mut x, &mut w);
        let back: Vec<f64> = (0..3).map(|i| (0..3).map(|k| b2[i][k] * x[k]).sum()).collect();
        assert!(back.iter().zip([1.0, -2.0, 0.5]).all(|(a, e)| (a - e).abs() < 1e-13), "{back:?}");
        let mut y = [1.0, -2.0, 0.5];
        lu.btran(&mut y, &mut w);
        let back: Vec<f64> = (0..3).map(|k| (0..3).map(|i| b2[i][k] * y[i]).sum()).collect();
        assert!(back.iter().zip([1.0, -2.0, 0.5]).all(|(a, e)| (a - e).abs() < 1e-13), "{back:?}");
        assert!(lu.factor(2, |k, col| col.fill(k as f64)).is_err());
    }
}

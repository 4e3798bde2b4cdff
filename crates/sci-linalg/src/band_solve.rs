//! The band LU with partial pivoting of `solve_banded` and `solve(..., assume_a='banded')`:
//! LAPACK `gbtf2` (factor), `gbtrs` (solve) and `gbcon` (reciprocal condition number), for real
//! and complex types.

use ndarray::{Array2, ArrayView2};
use num_traits::{Float, Zero};

use crate::condest::{Op, norm1_estimate, rcond_from};
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::zeros_f;
use crate::warning::Estimate;

/// `gbtf2`'s factors of a band matrix with `kl` sub- and `ku` superdiagonals, in LAPACK's
/// working storage: `a(i, j)` of the factors at `w[kl + ku + i - j, j]`, `U` with `kl + ku`
/// superdiagonals, the multipliers of step `j` below the diagonal of column `j`, and `piv[j]`
/// the row swapped with row `j` at step `j` (LAPACK keeps `L` as the product of those steps,
/// later interchanges are not applied to earlier multipliers).
pub(crate) struct BandLu<T> {
    w: Array2<T>,
    piv: Vec<usize>,
    kl: usize,
    ku: usize,
}

/// `|Re x| + |Im x|` (`|x|` for real types): the pivot measure of LAPACK's `i?amax`.
fn cabs1<T: LinalgScalar>(x: T) -> RealOf<T> {
    if T::IS_COMPLEX { x.re().abs() + x.im().abs() } else { x.modulus() }
}

impl<T: LinalgScalar> BandLu<T> {
    /// Factors the `n × n` band matrix whose element `(i, j)`, `|i - j|` within the band, is
    /// `get(i, j)` (LAPACK `gbtf2`: the multipliers are scaled by the reciprocal of the pivot).
    ///
    /// # Errors
    ///
    /// [`LinalgError::Singular`] at the first exactly zero pivot.
    pub(crate) fn factor(n: usize, kl: usize, ku: usize, get: impl Fn(usize, usize) -> T) -> Result<Self> {
        let kv = kl + ku;
        let mut w = zeros_f(2 * kl + ku + 1, n);
        for j in 0..n {
            for i in j.saturating_sub(ku)..(j + kl + 1).min(n) {
                w[[kv + i - j, j]] = get(i, j);
            }
        }
        let idx = |i: usize, j: usize| [kv + i - j, j];
        let mut piv = vec![0usize; n];
        let mut ju = 0usize;
        for j in 0..n {
            let km = kl.min(n - 1 - j);
            let mut p = j;
            let mut best = cabs1(w[idx(j, j)]);
            for i in j + 1..=j + km {
                let v = cabs1(w[idx(i, j)]);
                if v > best {
                    best = v;
                    p = i;
                }
            }
            piv[j] = p;
            if w[idx(p, j)] == T::zero() {
                return Err(LinalgError::Singular { pivot: j });
            }
            ju = ju.max((j + ku + (p - j)).min(n - 1));
            if p != j {
                for c in j..=ju {
                    let (a, b) = (w[idx(j, c)], w[idx(p, c)]);
                    w[idx(j, c)] = b;
                    w[idx(p, c)] = a;
                }
            }
            let r = T::one() / w[idx(j, j)];
            for i in j + 1..=j + km {
                w[idx(i, j)] *= r;
            }
            for c in j + 1..=ju {
                let ujc = w[idx(j, c)];
                if ujc != T::zero() {
                    for i in j + 1..=j + km {
                        let lij = w[idx(i, j)];
                        w[idx(i, c)] -= lij * ujc;
                    }
                }
            }
        }
        Ok(Self { w, piv, kl, ku })
    }

    fn n(&self) -> usize {
        self.piv.len()
    }

    /// `x ← A⁻¹ x` (LAPACK `gbtrs` with `trans = 'N'`, one column).
    fn solve_vec(&self, x: &mut [T]) {
        let (n, kl, kv) = (self.n(), self.kl, self.kl + self.ku);
        let w = &self.w;
        // L: the interchange and the elimination of each step.
        for j in 0..n {
            let p = self.piv[j];
            if p != j {
                x.swap(j, p);
            }
            let t = x[j];
            for i in j + 1..=j + kl.min(n - 1 - j) {
                x[i] -= w[[kv + i - j, j]] * t;
            }
        }
        // U: upper triangular with kl + ku superdiagonals (tbsv).
        for j in (0..n).rev() {
            x[j] /= w[[kv, j]];
            let t = x[j];
            for i in j.saturating_sub(kv)..j {
                x[i] -= w[[kv + i - j, j]] * t;
            }
        }
    }

    /// `x ← A⁻ᴴ x` (`A⁻ᵀ` for real types), as `gbcon` applies it: `tbsv` with `Uᴴ`, then the
    /// steps of `L` backwards.
    fn solve_adjoint_vec(&self, x: &mut [T]) {
        let (n, kl, kv) = (self.n(), self.kl, self.kl + self.ku);
        let w = &self.w;
        for j in 0..n {
            let mut t = x[j];
            for i in j.saturating_sub(kv)..j {
                t -= w[[kv + i - j, j]].conj() * x[i];
            }
            x[j] = t / w[[kv, j]].conj();
        }
        for j in (0..n.saturating_sub(1)).rev() {
            let mut dot = T::zero();
            for i in j + 1..=j + kl.min(n - 1 - j) {
                dot += w[[kv + i - j, j]].conj() * x[i];
            }
            x[j] -= dot;
            let p = self.piv[j];
            if p != j {
                x.swap(j, p);
            }
        }
    }

    /// Solves `A x = b` for every column of `x`, in place.
    pub(crate) fn solve_in_place(&self, x: &mut Array2<T>) {
        let mut col = vec![T::zero(); self.n()];
        for mut c in x.columns_mut() {
            col.iter_mut().zip(c.iter()).for_each(|(v, s)| *v = *s);
            self.solve_vec(&mut col);
            c.iter_mut().zip(&col).for_each(|(s, v)| *s = *v);
        }
    }

    /// LAPACK `gbcon` with `norm = '1'`: `1 / (anorm · est ‖A⁻¹‖₁)`, the estimate by Hager and
    /// Higham's iteration (`dlacn2` / `zlacn2`) on the factors, `O(n (2 kl + ku))` per step. An
    /// estimate that overflows gives `0`, as `gbcon` does when `latbs` has to scale its
    /// solution down below underflow.
    pub(crate) fn rcond(&self, anorm: RealOf<T>) -> RealOf<T> {
        let ainvnm = norm1_estimate(self.n(), |x: &mut [T], op| match op {
            Op::Apply => self.solve_vec(x),
            Op::Adjoint => self.solve_adjoint_vec(x),
        });
        if !ainvnm.is_finite() && !anorm.is_nan() {
            return <RealOf<T>>::zero();
        }
        rcond_from(anorm, ainvnm)
    }
}

/// `solve(..., assume_a='banded')` in place in `x`, SciPy 1.17's way: the bandwidths `(l, u)`
/// of `a` (of `aᵀ` with `transposed`) are measured, its band factored by `gbtf2` and solved
/// (`gbsv`), then `gbcon` estimates the reciprocal condition number with SciPy's norm: the
/// 1-norm of `a` (`langb('I')` of `aᵀ` when transposed, the same number). `O(n l (l + u))` for
/// the factorization, `O(n (2 l + u))` per solve and per step of the estimate.
///
/// # Errors
///
/// [`LinalgError::Singular`] for an exactly zero pivot, [`LinalgError::SingularEstimate`] when
/// the estimate is `0` (SciPy's `LinAlgError('Matrix is singular.')` for both).
pub(crate) fn banded_in_place<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    x: &mut Array2<T>,
    transposed: bool,
) -> Result<Option<Estimate>> {
    let at = if transposed { a.t() } else { a };
    let n = at.nrows();
    if n == 0 || x.ncols() == 0 {
        return Ok(None);
    }
    let (l, u) = crate::bandwidth(&at);
    let f = BandLu::factor(n, l, u, |i, j| at[[i, j]])?;
    f.solve_in_place(x);
    // ‖a‖₁, summed down each column of a (langb's order, either way).
    let a = if transposed { at.t() } else { at };
    let (la, ua) = if transposed { (u, l) } else { (l, u) };
    let mut anorm = <RealOf<T>>::zero();
    for j in 0..n {
        let s = (j.saturating_sub(ua)..(j + la + 1).min(n))
            .fold(<RealOf<T>>::zero(), |s, i| s + a[[i, j]].modulus());
        if s > anorm || s.is_nan() {
            anorm = s;
        }
    }
    let rcond = f.rcond(anorm);
    if rcond == <RealOf<T>>::zero() {
        return Err(LinalgError::SingularEstimate);
    }
    Ok(Some(Estimate::banded(rcond)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn factors_solve_and_estimate() {
        // l = 1, u = 1 with a pivoting step; A⁻¹ applied twice must give back the vector.
        let a = array![[1.0, 2.0, 0.0], [4.0, 1.0, 1.0], [0.0, 3.0, 1.0]];
        let f = BandLu::factor(3, 1, 1, |i, j| a[[i, j]]).unwrap();
        let mut x = array![[1.0], [2.0], [3.0]];
        f.solve_in_place(&mut x);
        let back = a.dot(&x);
        for (u, v) in back.iter().zip([1.0, 2.0, 3.0]) {
            assert!((u - v).abs() < 1e-14);
        }
        let mut y = [1.0, 2.0, 3.0];
        f.solve_adjoint_vec(&mut y);
        let back = a.t().dot(&ndarray::ArrayView1::from(&y));
        for (u, v) in back.iter().zip([1.0, 2.0, 3.0]) {
            assert!((u - v).abs() < 1e-14);
        }
        assert!(BandLu::factor(2, 0, 1, |i, j| [[0.0, 1.0], [0.0, 1.0]][i][j]).is_err());
        let one = BandLu::factor(1, 0, 0, |_, _| 4.0).unwrap();
        assert_eq!(one.rcond(4.0), 1.0);
    }
}

//! The tridiagonal LU with partial pivoting behind `solve(..., assume_a='tridiagonal')`:
//! LAPACK `gttrf` (factor), `gttrs` (solve with `A`, `Aᵀ` or `Aᴴ`) and `gtcon` (condition).

use ndarray::Array2;
use num_traits::{Float, Zero};

use crate::condest::{Op, norm1_estimate, rcond_from};
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::Trans;

/// `gttrf`'s factors of a tridiagonal `A = P L U`: `l` the multipliers, `U` with diagonal `d`
/// and the first and second superdiagonals `du`, `du2`; `swapped[i]` when rows `i` and `i + 1`
/// were interchanged at step `i`.
pub(crate) struct TridiagLu<T> {
    l: Vec<T>,
    d: Vec<T>,
    du: Vec<T>,
    du2: Vec<T>,
    swapped: Vec<bool>,
}

/// `|Re x| + |Im x|`, the pivot measure of LAPACK's complex `gttrf` (`|x|` for real types).
fn cabs1<T: LinalgScalar>(x: T) -> RealOf<T> {
    if T::IS_COMPLEX { x.re().abs() + x.im().abs() } else { x.modulus() }
}

/// Factors the tridiagonal matrix with sub-, main and super-diagonals `dl`, `d`, `du` (LAPACK
/// `gttrf`: Gaussian elimination with partial pivoting, row interchanges only between
/// neighbours).
///
/// # Errors
///
/// [`LinalgError::Singular`] at the first exactly zero diagonal element of `U`.
pub(crate) fn gttrf<T: LinalgScalar>(mut dl: Vec<T>, mut d: Vec<T>, mut du: Vec<T>) -> Result<TridiagLu<T>> {
    let n = d.len();
    let mut du2 = vec![T::zero(); n.saturating_sub(2)];
    let mut swapped = vec![false; n.saturating_sub(1)];
    for i in 0..n.saturating_sub(1) {
        if cabs1(d[i]) >= cabs1(dl[i]) {
            // no interchange; a zero column stays zero and is reported below
            if d[i] != T::zero() {
                let fact = dl[i] / d[i];
                dl[i] = fact;
                d[i + 1] -= fact * du[i];
            }
        } else {
            let fact = d[i] / dl[i];
            d[i] = dl[i];
            dl[i] = fact;
            let temp = du[i];
            du[i] = d[i + 1];
            d[i + 1] = temp - fact * d[i + 1];
            if i + 2 < n {
                du2[i] = du[i + 1];
                du[i + 1] = -(fact * du[i + 1]);
            }
            swapped[i] = true;
        }
    }
    if let Some(pivot) = d.iter().position(|v| *v == T::zero()) {
        return Err(LinalgError::Singular { pivot });
    }
    Ok(TridiagLu { l: dl, d, du, du2, swapped })
}

impl<T: LinalgScalar> TridiagLu<T> {
    /// Solves `A x = b`, `Aᵀ x = b` or `Aᴴ x = b` for each column of `x` in place (`gttrs`).
    pub(crate) fn solve_in_place(&self, x: &mut Array2<T>, trans: Trans) {
        for mut col in x.columns_mut() {
            match col.as_slice_mut() {
                Some(b) => self.solve_vec(b, trans),
                None => {
                    let mut b = col.to_vec();
                    self.solve_vec(&mut b, trans);
                    col.iter_mut().zip(b).for_each(|(v, s)| *v = s);
                }
            }
        }
    }

    /// [`Self::solve_in_place`] for one right-hand side (`gtts2`).
    fn solve_vec(&self, b: &mut [T], trans: Trans) {
        let n = self.d.len();
        if n == 0 {
            return;
        }
        let c = |v: T| if trans == Trans::C { v.conj() } else { v };
        if trans == Trans::N {
            // L then U
            for i in 0..n - 1 {
                if self.swapped[i] {
                    let temp = b[i];
                    b[i] = b[i + 1];
                    b[i + 1] = temp - self.l[i] * b[i];
                } else {
                    let bi = b[i];
                    b[i + 1] -= self.l[i] * bi;
                }
            }
            b[n - 1] /= self.d[n - 1];
            if n > 1 {
                b[n - 2] = (b[n - 2] - self.du[n - 2] * b[n - 1]) / self.d[n - 2];
            }
            for i in (0..n.saturating_sub(2)).rev() {
                b[i] = (b[i] - self.du[i] * b[i + 1] - self.du2[i] * b[i + 2]) / self.d[i];
            }
        } else {
            // Uᵀ (or Uᴴ) then Lᵀ (or Lᴴ)
            b[0] /= c(self.d[0]);
            if n > 1 {
                b[1] = (b[1] - c(self.du[0]) * b[0]) / c(self.d[1]);
            }
            for i in 2..n {
                b[i] = (b[i] - c(self.du[i - 1]) * b[i - 1] - c(self.du2[i - 2]) * b[i - 2]) / c(self.d[i]);
            }
            for i in (0..n - 1).rev() {
                if self.swapped[i] {
                    let temp = b[i + 1];
                    b[i + 1] = b[i] - c(self.l[i]) * temp;
                    b[i] = temp;
                } else {
                    let bi1 = b[i + 1];
                    b[i] -= c(self.l[i]) * bi1;
                }
            }
        }
    }

    /// `gtcon` (1-norm): the reciprocal condition number estimate of `A` given `‖A‖₁`.
    pub(crate) fn rcond(&self, anorm: RealOf<T>) -> RealOf<T> {
        let ainvnm = norm1_estimate(self.d.len(), |x: &mut [T], op| {
            self.solve_vec(x, if op == Op::Apply { Trans::N } else { Trans::C });
        });
        rcond_from(anorm, ainvnm)
    }
}

/// The 1-norm of the tridiagonal matrix with diagonals `dl`, `d`, `du` (`langt('1')`).
pub(crate) fn norm1_tridiag<T: LinalgScalar>(dl: &[T], d: &[T], du: &[T]) -> RealOf<T> {
    let mut best = <RealOf<T>>::zero();
    for j in 0..d.len() {
        let mut s = d[j].modulus();
        if j + 1 < d.len() {
            s += dl[j].modulus();
        }
        if j > 0 {
            s += du[j - 1].modulus();
        }
        if s > best {
            best = s;
        }
    }
    best
}

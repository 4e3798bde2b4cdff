//! The Bunch–Kaufman factorization behind `solve` and `inv` with `assume_a` `Symmetric` or
//! `Hermitian` (LAPACK `?sytrf`/`?hetrf` + `?sytrs`/`?hetrs`, with `?sycon`/`?hecon`'s
//! condition estimate), as SciPy's `?sysv`/`?hesv`.
//!
//! Real and complex Hermitian matrices are factored by faer's blocked `L B Lᴴ` with LAPACK's
//! pivoting rule (Bunch–Kaufman partial pivoting, `α = (1 + √17)/8`); complex symmetric ones
//! (`a = aᵀ`, no conjugation), which faer does not factor, by the crate's own unblocked
//! `?sytf2` ([`ldl_with`]). Both leave
//! `P A Pᵀ = L D Lᴴ` (`L D Lᵀ`), `L` unit lower triangular, `D` block diagonal with `1×1` and
//! `2×2` blocks, solved in the same way.
//!
//! A complex symmetric matrix of more than [`SYTF2_MAX`] rows is factored by LU of the full
//! matrix (its stored triangle mirrored) instead: the unblocked `?sytf2` took 583 ms for
//! `n = 1000` where faer's blocked LU takes 57 ms. The solution is the same to rounding; a
//! singular matrix's reported pivot is then LU's.
//!
//! The upper triangle is factored as the lower triangle of `J A J` (`J` reverses the index
//! order): its steps then run from the last column to the first, as LAPACK's `uplo = 'U'`
//! does, so a zero pivot is reported at LAPACK's index.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::cholesky::lblt::factor::{self as lblt, LbltParams, PivotingStrategy};
use faer::linalg::triangular_solve as ts;
use ndarray::{Array2, ArrayView2, s};

use crate::condest;
use crate::error::{LinalgError, Result};
use crate::ldl::{LdlOptions, ldl_with};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::PackedLu;
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, zeros_f};
use num_traits::{Float, Zero};

/// faer's default block size of its Bunch–Kaufman (its unblocked path runs up to it).
const BLOCK: usize = 64;

/// Largest complex symmetric matrix factored by the unblocked `?sytf2` (LAPACK's own blocking
/// starts at 64-128 columns); larger ones take the blocked LU.
const SYTF2_MAX: usize = 128;

/// `P B Pᵀ = L D Lᴴ` (`L D Lᵀ` when not `herm`) of `B = a` (`lower`) or `B = J a J`.
pub(crate) struct SymFactor<T> {
    /// `L` in the strict lower triangle (unit diagonal implied; the rest is not read).
    l: Array2<T>,
    /// The diagonal of `D`.
    diag: Vec<T>,
    /// `subdiag[k] ≠ 0`: `D[k+1, k]` of a `2×2` block on rows `k, k+1`.
    subdiag: Vec<T>,
    /// `(P v)[i] = v[perm[i]]`.
    perm: Vec<usize>,
    herm: bool,
    reversed: bool,
    /// The LU of the full matrix that replaces the fields above for a large complex symmetric
    /// matrix (see [`SYTF2_MAX`]).
    lu: Option<PackedLu<T>>,
}

impl<T: LinalgScalar> SymFactor<T> {
    /// Factors the symmetric (Hermitian with `her`) matrix stored in the `lower` (or upper)
    /// triangle of the square finite `a`. [`LinalgError::Singular`] at LAPACK's `info - 1`
    /// when a `1×1` block of `D` is exactly zero (a `2×2` block never is singular).
    pub(crate) fn new(a: ArrayView2<'_, T>, lower: bool, her: bool) -> Result<Self> {
        let n = a.nrows();
        // B's lower triangle: a's lower one, or a's upper one reversed.
        let b = if lower { a } else { a.slice_move(s![..;-1, ..;-1]) };
        let herm = her || !T::IS_COMPLEX;
        if !herm && n > SYTF2_MAX {
            let mut full = zeros_f(n, n);
            for ((i, j), v) in full.indexed_iter_mut() {
                *v = if (i >= j) == lower { a[[i, j]] } else { a[[j, i]] };
            }
            let lu = PackedLu::factor_faer(full);
            if let Some(pivot) = lu.zero_pivot() {
                return Err(LinalgError::Singular { pivot });
            }
            let empty = Array2::zeros((0, 0));
            let (l, diag, subdiag, perm) = (empty, Vec::new(), Vec::new(), Vec::new());
            return Ok(Self { l, diag, subdiag, perm, herm, reversed: false, lu: Some(lu) });
        }
        let f = if herm { Self::faer_lblt(b) } else { Self::sytf2(b)? };
        let f = Self { reversed: !lower, ..f };
        let one_by_one = |k: usize| f.subdiag[k] == T::zero() && (k == 0 || f.subdiag[k - 1] == T::zero());
        if let Some(k) = (0..n).find(|&k| one_by_one(k) && f.diag[k] == T::zero()) {
            return Err(LinalgError::Singular { pivot: if lower { k } else { n - 1 - k } });
        }
        Ok(f)
    }

    /// faer's Bunch–Kaufman (partial pivoting, LAPACK's rule) of the self-adjoint matrix in
    /// the lower triangle of `b`: blocked, checked, and unblocked when the check fails.
    ///
    /// faer 0.24's blocked steps leave a column of `L` stale when the updated column below
    /// the diagonal is exactly zero (its "nothing to do" branch skips writing it): `a = [[1,
    /// vᵀ], [v, v vᵀ + I]]` with `v = 1` then factors wrongly. Its unblocked path (used for
    /// `n ≤ 64` and the last block) is right but 1.5-2× slower at `n = 1000`, so the blocked
    /// factors are tested against `b` on one vector, componentwise (`O(n²)`), and refactored
    /// unblocked when they miss it by more than rounding.
    fn faer_lblt(b: ArrayView2<'_, T>) -> Self {
        let blocked = Self::faer_lblt_with(b, None);
        if b.nrows() <= BLOCK || blocked.reproduces(b) { blocked } else { Self::faer_lblt_with(b, Some(0)) }
    }

    /// [`Self::faer_lblt`] with faer's block size (`None`: its default, [`BLOCK`]).
    fn faer_lblt_with(b: ArrayView2<'_, T>, block_size: Option<usize>) -> Self {
        let n = b.nrows();
        let mut l = zeros_f(n, n);
        for j in 0..n {
            l.slice_mut(s![j.., j]).assign(&b.slice(s![j.., j]));
        }
        let mut subdiag = vec![T::zero(); n];
        let (mut perm, mut perm_inv) = (vec![0usize; n], vec![0usize; n]);
        let mut params: LbltParams = faer::Auto::<T>::auto();
        params.pivoting = PivotingStrategy::Partial;
        params.block_size = block_size.unwrap_or(BLOCK);
        let nf = n as f64;
        let par = par_for(Kernel::Cholesky, nf * nf * nf / 3.0);
        let mut mem = MemBuffer::new(lblt::cholesky_in_place_scratch::<usize, T>(n, par, params.into()));
        lblt::cholesky_in_place(
            as_faer_mut(l.view_mut()),
            faer::ColMut::from_slice_mut(&mut subdiag).as_diagonal_mut(),
            &mut perm,
            &mut perm_inv,
            par,
            MemStack::new(&mut mem),
            params.into(),
        );
        let diag = l.diag().iter().map(|d| T::from_real(d.re())).collect();
        Self { l, diag, subdiag, perm, herm: true, reversed: false, lu: None }
    }

    /// The crate's `?sytf2` (complex symmetric) of the lower triangle of `b`, rearranged:
    /// `ldl`'s `lu[perm]` is `L`.
    fn sytf2(b: ArrayView2<'_, T>) -> Result<Self> {
        let (lu, d, perm) = ldl_with(&b, LdlOptions { lower: true, hermitian: false })?;
        let n = b.nrows();
        let perm = perm.to_vec();
        let mut l = zeros_f(n, n);
        for (i, &p) in perm.iter().enumerate() {
            l.row_mut(i).assign(&lu.row(p));
        }
        let diag = d.diag().to_vec();
        let subdiag = (0..n).map(|k| if k + 1 < n { d[[k + 1, k]] } else { T::zero() }).collect();
        Ok(Self { l, diag, subdiag, perm, herm: false, reversed: false, lu: None })
    }

    /// Whether `Pᵀ L D Lᴴ P z` matches `B z` (`B` Hermitian, its lower triangle in `b`) for
    /// a fixed pseudo-random `z`, to `100 n ε` times the same products in moduli.
    fn reproduces(&self, b: ArrayView2<'_, T>) -> bool {
        let n = b.nrows();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let z: Vec<T> = (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                T::from_real(RealOf::<T>::lit(0.5 + (seed >> 11) as f64 / (1u64 << 53) as f64))
            })
            .collect();
        let zero = RealOf::<T>::zero();
        // B z and |B| |z|
        let (mut bz, mut bza) = (vec![T::zero(); n], vec![zero; n]);
        for j in 0..n {
            bz[j] += T::from_real(b[[j, j]].re()) * z[j];
            bza[j] += b[[j, j]].re().abs() * z[j].modulus();
            for i in j + 1..n {
                let v = b[[i, j]];
                bz[i] += v * z[j];
                bz[j] += v.conj() * z[i];
                bza[i] += v.modulus() * z[j].modulus();
                bza[j] += v.modulus() * z[i].modulus();
            }
        }
        // u = Lᴴ P z, then D u, then L (D u), each with its modulus bound
        let l = &self.l;
        let mut u: Vec<T> = self.perm.iter().map(|&p| z[p]).collect();
        let mut ua: Vec<RealOf<T>> = u.iter().map(|v| v.modulus()).collect();
        for i in 0..n {
            for j in i + 1..n {
                let lji = l[[j, i]];
                let (uj, uaj) = (u[j], ua[j]);
                u[i] += lji.conj() * uj;
                ua[i] += lji.modulus() * uaj;
            }
        }
        let (mut v, mut va) = (u.clone(), ua.clone());
        let mut k = 0;
        while k < n {
            let s = self.subdiag[k];
            if s == T::zero() {
                v[k] = self.diag[k] * u[k];
                va[k] = self.diag[k].modulus() * ua[k];
                k += 1;
            } else {
                v[k] = self.diag[k] * u[k] + s.conj() * u[k + 1];
                v[k + 1] = s * u[k] + self.diag[k + 1] * u[k + 1];
                va[k] = self.diag[k].modulus() * ua[k] + s.modulus() * ua[k + 1];
                va[k + 1] = s.modulus() * ua[k] + self.diag[k + 1].modulus() * ua[k + 1];
                k += 2;
            }
        }
        // L (D u), by columns of L
        let (du, dua) = (v.clone(), va.clone());
        for j in 0..n {
            for i in j + 1..n {
                let lij = l[[i, j]];
                v[i] += lij * du[j];
                va[i] += lij.modulus() * dua[j];
            }
        }
        let tol = RealOf::<T>::lit(100.0 * n as f64) * RealOf::<T>::epsilon();
        self.perm.iter().enumerate().all(|(i, &p)| (v[i] - bz[p]).modulus() <= tol * (va[i] + bza[p]))
    }

    /// The order of the matrix.
    fn dim(&self) -> usize {
        self.lu.as_ref().map_or(self.perm.len(), |lu| lu.lu.nrows())
    }

    /// Overwrites the columns of `x` (`n × k`) with `A⁻¹ x` (`?sytrs` / `?hetrs`).
    pub(crate) fn solve_in_place(&self, x: &mut Array2<T>) {
        if let Some(lu) = &self.lu {
            lu.solve_in_place(x, false);
            return;
        }
        let n = self.perm.len();
        if n == 0 || x.ncols() == 0 {
            return;
        }
        // y = P J x (J only for the reversed factorization)
        let src = if self.reversed { x.slice(s![..;-1, ..]) } else { x.view() };
        let mut y = zeros_f(n, x.ncols());
        for (i, &p) in self.perm.iter().enumerate() {
            y.row_mut(i).assign(&src.row(p));
        }
        let par = par_for(Kernel::Lu, gemm_flops(n, x.ncols(), n));
        let l = as_faer(self.l.view());
        ts::solve_unit_lower_triangular_in_place(l, as_faer_mut(y.view_mut()), par);
        self.solve_d(&mut y);
        let conj = if self.herm { faer::Conj::Yes } else { faer::Conj::No };
        ts::solve_unit_upper_triangular_in_place_with_conj(
            l.transpose(),
            conj,
            as_faer_mut(y.view_mut()),
            par,
        );
        let mut dst = if self.reversed { x.slice_mut(s![..;-1, ..]) } else { x.view_mut() };
        for (i, &p) in self.perm.iter().enumerate() {
            dst.row_mut(p).assign(&y.row(i));
        }
    }

    /// `y ← D⁻¹ y`, a `2×2` block by LAPACK's scaled formula (`?sytrs`/`?hetrs`).
    fn solve_d(&self, y: &mut Array2<T>) {
        let n = self.diag.len();
        let cj = |v: T| if self.herm { v.conj() } else { v };
        let mut k = 0;
        while k < n {
            let s = self.subdiag[k];
            if s == T::zero() {
                let d = self.diag[k];
                y.row_mut(k).mapv_inplace(|v| v / d);
                k += 1;
                continue;
            }
            // D block [[d0, cj(s)], [s, d1]]
            let c = cj(s);
            let akm1 = self.diag[k] / c;
            let ak = self.diag[k + 1] / s;
            let denom = akm1 * ak - T::one();
            let (mut top, mut bot) = y.multi_slice_mut((s![k, ..], s![k + 1, ..]));
            ndarray::Zip::from(&mut top).and(&mut bot).for_each(|y0, y1| {
                let bkm1 = *y0 / c;
                let bk = *y1 / s;
                *y0 = (ak * bkm1 - bk) / denom;
                *y1 = (akm1 * bk - bkm1) / denom;
            });
            k += 2;
        }
    }

    /// `?sycon` / `?hecon`: the reciprocal 1-norm condition estimate from `anorm = ‖A‖₁`,
    /// the estimator applying `A⁻¹` for both of its requests (`A` is symmetric or Hermitian;
    /// for a complex symmetric `A` this is what LAPACK does too).
    pub(crate) fn rcond(&self, anorm: RealOf<T>) -> RealOf<T> {
        let n = self.dim();
        let mut col = zeros_f(n, 1);
        let ainvnm = condest::norm1_estimate(n, |x: &mut [T], _| {
            col.column_mut(0).iter_mut().zip(x.iter()).for_each(|(c, v)| *c = *v);
            self.solve_in_place(&mut col);
            x.iter_mut().zip(col.iter()).for_each(|(v, c)| *v = *c);
        });
        condest::rcond_from(anorm, ainvnm)
    }

    /// `A⁻¹`, both triangles (`A⁻¹ I`; `?sytri` gives the same matrix up to rounding).
    pub(crate) fn inverse(&self) -> Array2<T> {
        let n = self.dim();
        let mut out = zeros_f(n, n);
        out.diag_mut().fill(T::one());
        self.solve_in_place(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scalar::LinalgFloat;
    use ndarray::array;
    use num_complex::Complex64 as C;

    fn check<T: LinalgScalar>(full: &Array2<T>, her: bool, tol: f64) {
        let n = full.nrows();
        let b =
            Array2::from_shape_fn((n, 2), |(i, j)| T::from_real(RealOf::<T>::lit((i + 3 * j) as f64 - 1.5)));
        for lower in [true, false] {
            let f = SymFactor::new(full.view(), lower, her).unwrap();
            let mut x = b.clone();
            f.solve_in_place(&mut x);
            let r = full.dot(&x) - &b;
            let err = r.iter().fold(0.0f64, |m, v| m.max(v.modulus().to_f64_lossless()));
            assert!(err < tol, "n {n}, lower {lower}: residual {err}");
        }
    }

    #[test]
    fn solves_real_hermitian_and_complex_symmetric() {
        // a zero diagonal forces 2×2 blocks
        let a =
            array![[0.0, 1.0, 2.0, 0.5], [1.0, 0.0, -1.0, 3.0], [2.0, -1.0, 0.0, 1.0], [0.5, 3.0, 1.0, 0.0]];
        check(&a, false, 1e-13);
        let h = array![
            [C::new(0.0, 0.0), C::new(1.0, 2.0), C::new(0.5, -1.0)],
            [C::new(1.0, -2.0), C::new(0.0, 0.0), C::new(2.0, 1.0)],
            [C::new(0.5, 1.0), C::new(2.0, -1.0), C::new(1.0, 0.0)]
        ];
        check(&h, true, 1e-13);
        let cs = array![
            [C::new(0.0, 0.0), C::new(1.0, 2.0), C::new(0.5, -1.0)],
            [C::new(1.0, 2.0), C::new(0.0, 1.0), C::new(2.0, 1.0)],
            [C::new(0.5, -1.0), C::new(2.0, 1.0), C::new(1.0, -3.0)]
        ];
        check(&cs, false, 1e-13);
        // a column that becomes exactly zero below the diagonal after the first step, in a
        // matrix large enough for faer's blocked path (block size 64)
        let n = 150;
        // a = [[1, vᵀ], [v, v vᵀ + diag]] with v = 1: the trailing matrix after the first
        // step is exactly diagonal, while the stored columns below it are not zero.
        let m = Array2::from_shape_fn((n, n), |(i, j)| if i == j && i > 0 { 2.0 + i as f64 } else { 1.0 });
        check(&m, false, 1e-10);
        // complex symmetric above SYTF2_MAX: the LU route
        let n = SYTF2_MAX + 22;
        let cs = Array2::from_shape_fn((n, n), |(i, j)| {
            let (p, q) = (i.min(j), i.max(j));
            C::new(((p * 7 + q * 13) % 17) as f64 - 8.0, ((p * 3 + q) % 5) as f64 - 2.0)
        });
        check(&cs, false, 1e-9);
        assert!(SymFactor::new(cs.view(), true, false).unwrap().lu.is_some());
    }

    #[test]
    fn zero_pivot_at_lapack_index() {
        // lower: step 0 is a zero 1×1 block (LAPACK info = 1); upper: the last column is
        // factored first and is zero (info = 3).
        let a = array![[0.0, 0.0, 0.0], [0.0, 2.0, 1.0], [0.0, 1.0, 3.0]];
        assert!(matches!(SymFactor::new(a.view(), true, false), Err(LinalgError::Singular { pivot: 0 })));
        let b = array![[2.0, 1.0, 0.0], [1.0, 3.0, 0.0], [0.0, 0.0, 0.0]];
        assert!(matches!(SymFactor::new(b.view(), false, false), Err(LinalgError::Singular { pivot: 2 })));
        assert!(matches!(SymFactor::new(b.view(), true, false), Err(LinalgError::Singular { pivot: 2 })));
    }
}

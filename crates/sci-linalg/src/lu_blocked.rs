//! LU with partial pivoting of `f64` matrices on the crate's own GEMM (LAPACK `dgetrf`).
//!
//! The recursive formulation of LAPACK's `dgetrf2`: factor the left half of the columns
//! (recursively), apply its row interchanges to the right half (`dlaswp`), solve for the top
//! block row of `U` (`dtrsm`), update the bottom-right block by one product (`dgemm`, where the
//! flops are) and factor it (recursively), then apply its interchanges to the left half. Panels
//! of at most [`LEAF`] columns are factored by LAPACK's unblocked `dgetf2`. The pivots are
//! LAPACK's: the first row of largest `|a|` in the column (`idamax`); an exactly zero pivot
//! column is left as it is and the factorization continues (LAPACK's `info > 0`).

use faer::Par;
use ndarray::{Array2, ArrayViewMut2, Axis, ShapeBuilder, s};

use crate::blas::dgemm;
use crate::triangular_blocked::{
    LEAF as TRI_LEAF, gemm_par, slice, slice_mut, trsm_left_lower_unit, trsm_left_upper,
    trsm_right_lower_unit, trsm_right_upper,
};

/// Panels of at most this many columns are factored column by column.
const LEAF: usize = 16;

/// Factors the `m × n` matrix `a` (contiguous columns) in place as `P a = L U`, LAPACK's
/// packed layout (unit `L` below the diagonal, `U` on and above it). Returns the 0-based
/// `ipiv` (row `i` was interchanged with row `ipiv[i]`, for `i` in order) and the first
/// exactly zero pivot, if any.
pub(crate) fn dgetrf(mut a: ArrayViewMut2<'_, f64>, par: Par) -> (Vec<usize>, Option<usize>) {
    let k = a.nrows().min(a.ncols());
    let mut ipiv = vec![0; k];
    let info = getrf_rec(a.view_mut(), &mut ipiv, par);
    (ipiv, info)
}

fn getrf_rec(mut a: ArrayViewMut2<'_, f64>, ipiv: &mut [usize], par: Par) -> Option<usize> {
    let (m, n) = a.dim();
    let k = m.min(n);
    if k <= LEAF {
        return getf2(a, ipiv);
    }
    let n1 = k / 2;
    let (mut left, mut right) = a.view_mut().split_at(Axis(1), n1);
    let info1 = getrf_rec(left.view_mut(), &mut ipiv[..n1], par);
    laswp(right.view_mut(), &ipiv[..n1], 0);
    let (mut a12, mut a22) = right.split_at(Axis(0), n1);
    let (l11, l21) = (left.slice(s![..n1, ..]), left.slice(s![n1.., ..]));
    trsm_left_lower_unit(l11, a12.view_mut(), par);
    let n2 = n - n1;
    dgemm(-1.0, l21, a12.view(), 1.0, a22.view_mut(), gemm_par(par, m - n1, n2, n1));
    let info2 = getrf_rec(a22, &mut ipiv[n1..k], par);
    for p in &mut ipiv[n1..k] {
        *p += n1;
    }
    laswp(left, &ipiv[n1..k], n1);
    info1.or(info2.map(|i| i + n1))
}

/// Interchanges rows `k0 + i` and `piv[i]` of `a`, for `i` in order (LAPACK `dlaswp`).
fn laswp(mut a: ArrayViewMut2<'_, f64>, piv: &[usize], k0: usize) {
    if piv.iter().enumerate().all(|(i, &p)| p == k0 + i) {
        return;
    }
    for col in a.columns_mut() {
        let c = slice_mut(col);
        for (i, &p) in piv.iter().enumerate() {
            c.swap(k0 + i, p);
        }
    }
}

/// LAPACK's unblocked `dgetf2` (right-looking, one column at a time) on `a` in place.
fn getf2(mut a: ArrayViewMut2<'_, f64>, ipiv: &mut [usize]) -> Option<usize> {
    let (m, n) = a.dim();
    let mut info = None;
    for j in 0..m.min(n) {
        // idamax: the first row of largest modulus.
        let col = slice(a.column(j));
        let mut p = j;
        let mut big = col[j].abs();
        for (i, x) in col.iter().enumerate().skip(j + 1) {
            if x.abs() > big {
                big = x.abs();
                p = i;
            }
        }
        ipiv[j] = p;
        let pivot = col[p];
        if pivot == 0.0 {
            info.get_or_insert(j);
            continue;
        }
        if p != j {
            for c in a.columns_mut() {
                slice_mut(c).swap(j, p);
            }
        }
        let below = &mut slice_mut(a.column_mut(j))[j + 1..];
        if pivot.abs() >= f64::MIN_POSITIVE {
            let r = 1.0 / pivot;
            below.iter_mut().for_each(|x| *x *= r);
        } else {
            below.iter_mut().for_each(|x| *x /= pivot);
        }
        let (done, mut rest) = a.view_mut().split_at(Axis(1), j + 1);
        let l = &slice(done.column(j))[j + 1..];
        for c in rest.columns_mut() {
            let c = slice_mut(c);
            let u = c[j];
            if u != 0.0 {
                for (x, &y) in c[j + 1..].iter_mut().zip(l) {
                    *x -= y * u;
                }
            }
        }
    }
    info
}

/// Block columns of the inverse computed per step of [`dgetri`] (256 took 8% less time than 64
/// at n = 1000: fewer, larger products).
const GETRI_NB: usize = 256;

/// The inverse of the square matrix whose [`dgetrf`] factors and `ipiv` are in `a`, in
/// place (LAPACK `dgetri`): `U⁻¹` first ([`trtri_upper`]), then `X L = U⁻¹` solved block
/// column by block column from the right, then the column interchanges in reverse order.
/// The caller has excluded zero pivots.
pub(crate) fn dgetri(mut a: ArrayViewMut2<'_, f64>, ipiv: &[usize], par: Par) {
    let n = a.nrows();
    if n == 0 {
        return;
    }
    trtri_upper(a.view_mut(), par);
    let nb = GETRI_NB;
    let mut work = Array2::<f64>::zeros((n, nb.min(n)).f());
    let mut j = (n - 1) / nb * nb;
    loop {
        let jb = nb.min(n - j);
        // The block column of L moves to `work`; its place becomes the inverse's.
        for jj in 0..jb {
            let c = slice_mut(a.column_mut(j + jj));
            let w = slice_mut(work.column_mut(jj));
            for i in j + jj + 1..n {
                w[i] = c[i];
                c[i] = 0.0;
            }
        }
        let (mut left, right) = a.view_mut().split_at(Axis(1), j + jb);
        let mut cur = left.slice_mut(s![.., j..]);
        if j + jb < n {
            let l = work.slice(s![j + jb.., ..jb]);
            dgemm(-1.0, right.view(), l, 1.0, cur.view_mut(), gemm_par(par, n, jb, n - j - jb));
        }
        trsm_right_lower_unit(work.slice(s![j..j + jb, ..jb]), cur, par);
        if j == 0 {
            break;
        }
        j -= nb;
    }
    for j in (0..n - 1).rev() {
        let p = ipiv[j];
        if p != j {
            let (mut l, mut r) = a.view_mut().split_at(Axis(1), p);
            slice_mut(l.column_mut(j)).swap_with_slice(slice_mut(r.column_mut(0)));
        }
    }
}

/// The inverse of the upper triangle of `u` in place (LAPACK `dtrtri('U', 'N')`; the strict
/// lower triangle is neither read nor written), recursively: `U12 := -U11⁻¹ U12 U22⁻¹` by two
/// triangular solves, then both diagonal blocks.
fn trtri_upper(mut u: ArrayViewMut2<'_, f64>, par: Par) {
    let k = u.nrows();
    if k <= TRI_LEAF {
        // LAPACK's unblocked dtrti2: column j from the inverted leading block (a dtrmv).
        for j in 0..k {
            let (done, mut rest) = u.view_mut().split_at(Axis(1), j);
            let x = slice_mut(rest.column_mut(0));
            x[j] = 1.0 / x[j];
            let ajj = -x[j];
            for jj in 0..j {
                let t = x[jj];
                let c = slice(done.column(jj));
                for (xi, &ci) in x[..jj].iter_mut().zip(c) {
                    *xi += t * ci;
                }
                x[jj] = t * c[jj];
            }
            x[..j].iter_mut().for_each(|v| *v *= ajj);
        }
        return;
    }
    let k1 = k / 2;
    let (mut left, right) = u.view_mut().split_at(Axis(1), k1);
    let (mut u12, u22) = right.split_at(Axis(0), k1);
    let mut u11 = left.slice_mut(s![..k1, ..]);
    trsm_left_upper(u11.view(), u12.view_mut(), par);
    trsm_right_upper(u22.view(), u12.view_mut(), par);
    u12.mapv_inplace(|v| -v);
    trtri_upper(u11.view_mut(), par);
    trtri_upper(u22, par);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triangular_blocked::tests::mat;
    use ndarray::{Array2, ShapeBuilder};

    /// `P a` from LAPACK's `ipiv`, and `L U` from the packed factors.
    fn check(a: &Array2<f64>, lu: &Array2<f64>, ipiv: &[usize]) {
        let (m, n) = a.dim();
        let k = m.min(n);
        let mut pa = a.clone();
        for (i, &p) in ipiv.iter().enumerate() {
            for j in 0..n {
                pa.swap([i, j], [p, j]);
            }
        }
        let l = Array2::from_shape_fn((m, k), |(i, j)| match i.cmp(&j) {
            std::cmp::Ordering::Greater => lu[[i, j]],
            std::cmp::Ordering::Equal => 1.0,
            std::cmp::Ordering::Less => 0.0,
        });
        let u = Array2::from_shape_fn((k, n), |(i, j)| if i <= j { lu[[i, j]] } else { 0.0 });
        let r = l.dot(&u);
        for (x, y) in r.iter().zip(pa.iter()) {
            assert!((x - y).abs() < 1e-12 * (1 + k) as f64, "{x} vs {y} ({m}x{n})");
        }
        // Partial pivoting: |L| <= 1.
        assert!(l.iter().all(|x| x.abs() <= 1.0));
    }

    #[test]
    fn blocked_matches_unblocked_around_the_leaf_sizes() {
        let sizes = [
            (1, 1),
            (3, 3),
            (15, 15),
            (16, 16),
            (17, 17),
            (31, 31),
            (32, 32),
            (33, 33),
            (65, 65),
            (130, 130),
        ];
        let rect = [(40, 17), (17, 40), (100, 33), (33, 100), (200, 5), (5, 200), (1, 50), (50, 1)];
        for (idx, &(m, n)) in sizes.iter().chain(rect.iter()).enumerate() {
            let a = mat(m, n, idx as u64 + 1);
            let mut blocked = a.clone();
            let (piv, info) = dgetrf(blocked.view_mut(), Par::Seq);
            assert_eq!(info, None);
            check(&a, &blocked, &piv);
            let mut plain = a.clone();
            let mut piv2 = vec![0; m.min(n)];
            assert_eq!(getf2(plain.view_mut(), &mut piv2), None);
            assert_eq!(piv, piv2, "{m}x{n}");
            for (x, y) in blocked.iter().zip(plain.iter()) {
                assert!((x - y).abs() < 1e-10, "{m}x{n}: {x} vs {y}");
            }
        }
    }

    #[test]
    fn ties_take_the_first_row() {
        // Column 0: |2| twice, row 1 first; after elimination column 1 holds 1 and -1 below.
        let a = ndarray::array![[1.0, 1.5], [2.0, 1.0], [-2.0, -2.0]];
        let mut f = Array2::zeros((3, 2).f());
        f.assign(&a);
        let (piv, info) = dgetrf(f.view_mut(), Par::Seq);
        assert_eq!((piv, info), (vec![1, 1], None));
        assert_eq!(f, ndarray::array![[2.0, 1.0], [0.5, 1.0], [-1.0, -1.0]]);
    }

    #[test]
    fn the_inverse_from_the_factors() {
        for (idx, n) in [0, 1, 2, 15, 16, 17, 63, 64, 65, 100, 129, 200].into_iter().enumerate() {
            let mut a = mat(n, n, idx as u64 + 40);
            for i in 0..n {
                a[[i, i]] += 1.0;
            }
            let mut f = a.clone();
            let (piv, info) = dgetrf(f.view_mut(), Par::Seq);
            assert_eq!(info, None);
            dgetri(f.view_mut(), &piv, Par::Seq);
            let eye = a.dot(&f);
            for ((i, j), x) in eye.indexed_iter() {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((x - want).abs() < 1e-9, "n={n} ({i}, {j}): {x}");
            }
        }
    }

    #[test]
    fn triangular_inverse() {
        for n in [1, 5, 16, 17, 40, 70] {
            let mut u = mat(n, n, 77);
            for i in 0..n {
                u[[i, i]] += 3.0;
            }
            let mut v = u.clone();
            trtri_upper(v.view_mut(), Par::Seq);
            let tri = |m: &Array2<f64>| {
                Array2::from_shape_fn((n, n), |(i, j)| if i <= j { m[[i, j]] } else { 0.0 })
            };
            let eye = tri(&u).dot(&tri(&v));
            for ((i, j), x) in eye.indexed_iter() {
                assert!((x - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
            }
            for j in 0..n {
                for i in j + 1..n {
                    assert_eq!(v[[i, j]], u[[i, j]]);
                }
            }
        }
    }

    #[test]
    fn zero_pivots_are_reported_and_skipped() {
        for n in [5, 40] {
            // A zero column 2: its pivot stays exactly zero, the later columns are factored.
            let mut a = mat(n, n, 5);
            a.column_mut(2).fill(0.0);
            let mut f = a.clone();
            let (piv, info) = dgetrf(f.view_mut(), Par::Seq);
            assert_eq!(info, Some(2));
            assert_eq!(f[[2, 2]], 0.0);
            check(&a, &f, &piv);
            let zero = Array2::<f64>::zeros((n, n).f());
            let mut z = zero.clone();
            let (piv, info) = dgetrf(z.view_mut(), Par::Seq);
            assert_eq!((info, piv), (Some(0), (0..n).collect()));
            assert_eq!(z, zero);
        }
    }
}

//! LU with partial pivoting of `f64` matrices on the crate's own GEMM (LAPACK `dgetrf`).
//!
//! The recursive formulation of LAPACK's `dgetrf2`: factor the left half of the columns
//! (recursively), apply its row interchanges to the right half (`dlaswp`), solve for the top
//! block row of `U` (`dtrsm`), update the bottom-right block by one product (`dgemm`, where the
//! flops are) and factor it (recursively), then apply its interchanges to the left half. Panels
//! of at most [`LEAF`] columns are factored by LAPACK's unblocked `dgetf2`. The pivots are
//! LAPACK's: the first row of largest `|a|` in the column (`idamax`); an exactly zero pivot
//! column is left as it is and the factorization continues (LAPACK's `info > 0`).

use std::ops::Range;
use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use faer::Par;
use ndarray::{Array2, ArrayView2, ArrayViewMut2, Axis, ShapeBuilder, s};

use crate::blas::{PackedLhs, dgemm, dgemm_packed, dgemm_packed_in_place};
use crate::team::{PoisonOnPanic, SharedCols, SpinBarrier, claim};
use crate::triangular_blocked::{
    DiagInverses, LEAF as TRI_LEAF, gemm_par, slice, slice_mut, trsm_left_lower_unit, trsm_left_upper,
    trsm_lower_unit_blocks, trsm_right_lower_unit, trsm_right_upper, trsm_upper_blocks,
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

/// Panel width of [`dgetrf_team`].
pub(crate) const TEAM_NB: usize = 64;

/// [`dgetrf`] by a team of two threads with look-ahead (the result is the blocked
/// right-looking LU with panels of `nb` columns; the pivots are LAPACK's rule).
///
/// Panel `k` done, the calling thread updates the next panel's columns, factors that panel
/// (the critical path) and then helps with the rest of the trailing update; the helper thread
/// takes the trailing update in chunks of columns ([`claim`]) from the start. The threads
/// meet once per panel. At the end the interchanges of every panel are applied to the columns
/// on its left, split between the threads, unless `only_u` (then the strict lower triangle
/// holds `L`'s values in the row order of its own panel: enough for a determinant). Falls back
/// to [`dgetrf`] when the columns of `a` are not contiguous or `a` is a single panel.
pub(crate) fn dgetrf_team(
    mut a: ArrayViewMut2<'_, f64>,
    nb: usize,
    only_u: bool,
) -> (Vec<usize>, Option<usize>) {
    let (m, n) = a.dim();
    let k = m.min(n);
    let Some(shared) = SharedCols::new(&mut a) else { return dgetrf(a, Par::Seq) };
    if k <= nb {
        return dgetrf(a, Par::Seq);
    }
    let team = LuTeam {
        a: shared,
        nb,
        ipiv: (0..k).map(|_| AtomicUsize::new(0)).collect(),
        chunks: (0..k.div_ceil(nb)).map(|_| AtomicUsize::new(0)).collect(),
        packs: Default::default(),
        barrier: SpinBarrier::new(),
        only_u,
    };
    let info = std::thread::scope(|scope| {
        scope.spawn(|| team.run(1));
        team.run(0)
    });
    (team.ipiv.iter().map(|p| p.load(Ordering::Relaxed)).collect(), info)
}

/// The state the two threads of [`dgetrf_team`] share.
struct LuTeam {
    a: SharedCols,
    nb: usize,
    /// 0-based global pivots, written by thread 0 when it factors a panel.
    ipiv: Vec<AtomicUsize>,
    /// Per panel, the next chunk of its trailing update to take.
    chunks: Vec<AtomicUsize>,
    /// For panel `p`, at `p % 2`: `L11⁻¹` and `L21` packed for the trailing products, written by
    /// thread 0 when it factors the panel (the other slot is then in use by both threads).
    packs: [RwLock<(PackedLhs, PackedLhs)>; 2],
    barrier: SpinBarrier,
    /// Skip the interchanges of the columns of `L`.
    only_u: bool,
}

impl LuTeam {
    /// Columns of panel `p`.
    fn panel(&self, p: usize) -> Range<usize> {
        let k = self.a.nrows().min(self.a.ncols());
        p * self.nb..((p + 1) * self.nb).min(k)
    }

    /// Thread `t`'s part; thread 0 returns the first zero pivot.
    fn run(&self, t: usize) -> Option<usize> {
        let _guard = PoisonOnPanic(&self.barrier);
        let (m, n) = (self.a.nrows(), self.a.ncols());
        let panels = self.chunks.len();
        let mut info = None;
        if t == 0 {
            info = self.factor_panel(0);
        }
        self.barrier.wait();
        for p in 0..panels {
            let cols = self.panel(p);
            let piv: Vec<usize> = self.ipiv[cols.clone()].iter().map(|x| x.load(Ordering::Relaxed)).collect();
            let next = if p + 1 < panels { self.panel(p + 1) } else { cols.end..cols.end };
            if t == 0 && !next.is_empty() {
                self.update(&cols, &piv, next.clone());
                info = info.or(self.factor_panel(p + 1));
            }
            while let Some(chunk) = claim(&self.chunks[p], next.end..n) {
                self.update(&cols, &piv, chunk);
            }
            self.barrier.wait();
        }
        // The interchanges of later panels on the columns of each panel: thread 0 takes the
        // first panels (most interchanges per column), thread 1 the rest.
        if self.only_u {
            return info;
        }
        let split = panels - (panels as f64 / std::f64::consts::SQRT_2).round() as usize;
        let mine = if t == 0 { 0..split } else { split..panels };
        for p in mine {
            let cols = self.panel(p);
            let later = cols.end..m.min(n);
            if later.is_empty() {
                continue;
            }
            let piv: Vec<usize> =
                self.ipiv[later.clone()].iter().map(|x| x.load(Ordering::Relaxed)).collect();
            // SAFETY: panel `p`'s columns belong to this thread alone in this phase.
            #[allow(unsafe_code)]
            let block = unsafe { self.a.block_mut(0..m, cols) };
            laswp(block, &piv, later.start);
        }
        info
    }

    /// Factors panel `p` (thread 0, between barriers), storing its global pivots.
    fn factor_panel(&self, p: usize) -> Option<usize> {
        let cols = self.panel(p);
        let j0 = cols.start;
        let mut local = vec![0; cols.len()];
        // SAFETY: thread 0 alone touches panel `p`'s columns until the next barrier (thread 1
        // updates only later columns; the panels on the left are read by nobody).
        #[allow(unsafe_code)]
        let mut block = unsafe { self.a.block_mut(j0..self.a.nrows(), cols) };
        let info = getrf_rec(block.view_mut(), &mut local, Par::Seq);
        for (slot, &l) in self.ipiv[j0..].iter().zip(&local) {
            slot.store(l + j0, Ordering::Relaxed);
        }
        // The trailing updates apply L11⁻¹ by a product (twice the flops of a triangular solve
        // but at the product's speed): (L11⁻¹)ᵀ = (L11ᵀ)⁻¹, an upper triangular inverse.
        let kb = block.ncols();
        let mut u = Array2::<f64>::zeros((kb, kb).f());
        for j in 0..kb {
            for i in 0..j {
                u[[i, j]] = block[[j, i]];
            }
            u[[j, j]] = 1.0;
        }
        trtri_upper(u.view_mut(), Par::Seq);
        let mut packs = self.packs[p % 2].write().unwrap_or_else(|e| e.into_inner());
        packs.0.pack(u.t());
        packs.1.pack(block.slice(s![kb.., ..]));
        info.map(|i| i + j0)
    }

    /// Applies panel `panel`'s interchanges, triangular solve and trailing product to the
    /// columns `cols` (to the right of the panel).
    fn update(&self, panel: &Range<usize>, piv: &[usize], cols: Range<usize>) {
        let m = self.a.nrows();
        let (j0, j1) = (panel.start, panel.end);
        // SAFETY: `cols` is this thread's chunk (taken from the shared counter, or the next
        // panel for thread 0); the panel's columns are read-only in this phase.
        #[allow(unsafe_code)]
        let mut block = unsafe { self.a.block_mut(0..m, cols) };
        laswp(block.view_mut(), piv, j0);
        let (top, bottom) = block.split_at(Axis(0), j1);
        let mut a12 = top.slice_move(s![j0.., ..]);
        let packs = self.packs[j0 / self.nb % 2].read().unwrap_or_else(|e| e.into_inner());
        let (linv, l21) = &*packs;
        dgemm_packed_in_place(linv, a12.view_mut());
        dgemm_packed(-1.0, l21, a12.view(), 1.0, bottom);
    }
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

/// Columns of the identity each step of [`inverse_team`] solves for (a multiple of
/// [`DiagInverses::BS`], so that each step's solve with `L` starts on a diagonal block).
const INV_BLOCK: usize = 96;
const _: () = assert!(INV_BLOCK.is_multiple_of(DiagInverses::BS));

/// The inverse of the square nonsingular matrix `A` whose LU factors are packed in `lu`
/// (`dgetrf`'s layout, contiguous columns) with `perm` its row order (`(P A)[i] = A[perm[i]]`),
/// on one or two threads: `A⁻¹ = U⁻¹ L⁻¹ P`, solved block column by block column of the
/// identity (the solve with `L` starts at the block's first row, as the columns above it are
/// zero; both solves by products with the inverted diagonal blocks, [`DiagInverses`]) and each
/// column stored at its permuted place. The blocks are independent, so the two
/// threads share them through a counter with no other synchronization; the work is that of
/// LAPACK's `dgetri` (`4 n³ / 3` flops).
pub(crate) fn inverse_team(lu: ArrayView2<'_, f64>, perm: &[usize], two_threads: bool) -> Array2<f64> {
    let n = lu.nrows();
    let mut out = Array2::<f64>::zeros((n, n).f());
    let Some(shared) = SharedCols::new(&mut out.view_mut()) else {
        unreachable!("a fresh Fortran-order array")
    };
    let next = AtomicUsize::new(0);
    let (l_inv, u_inv) = (DiagInverses::lower_unit(lu), DiagInverses::upper(lu));
    let work = || {
        let mut b = Array2::<f64>::zeros((n, INV_BLOCK.min(n)).f());
        loop {
            let c0 = next.fetch_add(INV_BLOCK, Ordering::Relaxed);
            if c0 >= n {
                break;
            }
            let w = INV_BLOCK.min(n - c0);
            let mut bb = b.slice_mut(s![.., ..w]);
            bb.fill(0.0);
            for j in 0..w {
                bb[[c0 + j, j]] = 1.0;
            }
            trsm_lower_unit_blocks(lu, &l_inv, c0, bb.slice_mut(s![c0.., ..]));
            trsm_upper_blocks(lu, &u_inv, bb.view_mut());
            for j in 0..w {
                let p = perm[c0 + j];
                // SAFETY: column `p` is written only for the identity column `c0 + j` (`perm` is a
                // permutation), which this thread alone took from the counter.
                #[allow(unsafe_code)]
                let mut dst = unsafe { shared.block_mut(0..n, p..p + 1) };
                dst.column_mut(0).assign(&bb.column(j));
            }
        }
    };
    if two_threads && n > INV_BLOCK {
        std::thread::scope(|scope| {
            scope.spawn(work);
            work();
        });
    } else {
        work();
    }
    out
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
pub(crate) fn trtri_upper(mut u: ArrayViewMut2<'_, f64>, par: Par) {
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
    fn team_matches_the_definition() {
        // Panels of 8 columns and chunks of 96: shapes around the panel and chunk edges,
        // tall and wide, and a matrix with zero pivots.
        for &(m, n, nb) in
            &[(17, 17, 8), (40, 40, 8), (33, 120, 8), (120, 33, 8), (230, 210, 16), (300, 300, 128)]
        {
            let a = mat(m, n, (m * 1000 + n) as u64);
            let mut lu = a.clone().reversed_axes().as_standard_layout().reversed_axes().to_owned();
            let (ipiv, info) = dgetrf_team(lu.view_mut(), nb, false);
            assert_eq!(info, None);
            check(&a, &lu, &ipiv);
            // The same numbers as one thread of the blocked algorithm would give: the recursive
            // kernel differs only in the last bits.
            let mut lu1 = a.clone().reversed_axes().as_standard_layout().reversed_axes().to_owned();
            let (ipiv1, _) = dgetrf(lu1.view_mut(), Par::Seq);
            assert_eq!(ipiv, ipiv1);
        }
        let mut a = mat(50, 50, 7);
        a.column_mut(20).fill(0.0);
        let mut lu = a.clone().reversed_axes().as_standard_layout().reversed_axes().to_owned();
        let (ipiv, info) = dgetrf_team(lu.view_mut(), 8, false);
        assert_eq!(info, Some(20));
        check(&a, &lu, &ipiv);
    }

    #[test]
    fn inverse_from_the_factors_on_two_threads() {
        for n in [1usize, 5, 96, 97, 250] {
            let a = mat(n, n, n as u64 + 11);
            let mut lu = a.clone().reversed_axes().as_standard_layout().reversed_axes().to_owned();
            let (ipiv, info) = dgetrf(lu.view_mut(), Par::Seq);
            assert_eq!(info, None);
            let mut perm: Vec<usize> = (0..n).collect();
            for (i, &p) in ipiv.iter().enumerate() {
                perm.swap(i, p);
            }
            for two in [false, true] {
                let x = inverse_team(lu.view(), &perm, two);
                let r = a.dot(&x);
                for ((i, j), v) in r.indexed_iter() {
                    let e = if i == j { 1.0 } else { 0.0 };
                    assert!((v - e).abs() < 1e-10, "n = {n}: ({i}, {j}) = {v}");
                }
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

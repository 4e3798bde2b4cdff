//! Cuppen's divide-and-conquer eigensolver for a symmetric tridiagonal matrix, with the structure
//! of LAPACK `stedc` (`laed0`-`laed4`), which SciPy's `eigh_tridiagonal` reaches through `stevd`.
//!
//! `T` is torn in two by a rank-one change, `T = diag(T₁, T₂) + β u uᵀ` with
//! `u = e_{m-1} + sign(β) e_m`; the halves are solved recursively (on two threads above a size),
//! and the eigenproblem of `diag(Q₁, Q₂)ᵀ T diag(Q₁, Q₂) = D + ρ z zᵀ` is solved by
//! 1. deflation: components `ρ|z_j|` below `tol = 8 ε max(|D|, |z|)` and pairs of nearly equal
//!    `d_j` (after a Givens rotation that zeroes one of their `z` components) keep their vector;
//! 2. the secular equation `1/ρ + Σ z_j² / (d_j - λ) = 0` for the remaining `k` poles, one root
//!    per interval, by a rational two-pole model (Li's "middle way", as `laed4`) safeguarded by
//!    bisection, each root in coordinates shifted to its nearest pole;
//! 3. Gu and Eisenstat's recomputation of `z` from the computed roots (Löwner's formula), which
//!    makes the vectors `ẑ_j / (d_j - λ_i)` numerically orthogonal;
//! 4. the back-multiplication `Q[:, kept] · U` by faer's GEMM, split into its upper and lower row
//!    blocks so that columns still zero in one half of the rows cost nothing there.
//!
//! Blocks of at most [`SMALL`] rows are solved by the implicit QL method.

use faer::reborrow::ReborrowMut;
use faer::{Accum, MatMut, MatRef};
use rayon::prelude::*;

use crate::error::{LinalgError, Result};
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};

/// Blocks up to this size are solved by implicit QL (LAPACK's `SMLSIZ`).
const SMALL: usize = 25;
/// Subproblems from this size on solve their two halves with `rayon::join`.
const PAR_SPLIT: usize = 200;
/// Secular equations are solved on several threads from this many roots on.
const PAR_ROOTS: usize = 64;
/// Iterations per secular root (bisection alone would need about 110 at most).
const MAX_SECULAR: usize = 200;

const TOP: u8 = 0;
const DENSE: u8 = 1;
const BOTTOM: u8 = 2;

/// All eigenvalues (ascending) and eigenvectors (column-major `n × n`, each column of unit norm
/// with its largest-modulus entry positive) of the tridiagonal with diagonal `d` and
/// off-diagonal `e`, best scaled to unit max-norm.
///
/// The vectors are computed, sorted and signed in one huge-page backed buffer (the returned
/// one): no second `n²` buffer, no 4 KiB page faults on 32 MB at `n = 2000`.
pub(crate) fn eigh(d: &[f64], e: &[f64]) -> Result<(Vec<f64>, Vec<f64>)> {
    let n = d.len();
    let mut w = d.to_vec();
    let mut q: Vec<f64> = sci_array::alloc::zeroed_vec(n * n);
    // Negligible off-diagonal entries split the matrix into independent blocks (as `stedc`).
    let mut start = 0;
    for i in 0..n {
        if i + 1 == n || e[i].abs() <= f64::EPSILON * d[i].abs().sqrt() * d[i + 1].abs().sqrt() {
            let cols = &mut q[start * n..(i + 1) * n];
            solve(&mut w[start..=i], &e[start..i], &mut cols[start..], n)?;
            start = i + 1;
        }
    }
    // Columns in ascending order of their eigenvalue: the permutation applied in place, cycle by
    // cycle, through one spare column.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| w[a].total_cmp(&w[b]));
    let mut placed = vec![false; n];
    let mut spare = vec![0.0; n];
    for i in 0..n {
        if placed[i] || order[i] == i {
            continue;
        }
        spare.copy_from_slice(&q[i * n..(i + 1) * n]);
        let mut j = i;
        loop {
            placed[j] = true;
            let src = order[j];
            if src == i {
                q[j * n..(j + 1) * n].copy_from_slice(&spare);
                break;
            }
            q.copy_within(src * n..(src + 1) * n, j * n);
            j = src;
        }
    }
    let sign = |col: &mut [f64]| {
        if first_largest(col) < 0.0 {
            col.iter_mut().for_each(|v| *v = -*v);
        }
    };
    if n >= PAR_SPLIT {
        q.par_chunks_mut(n).for_each(sign);
    } else {
        q.chunks_mut(n.max(1)).for_each(sign);
    }
    Ok((order.iter().map(|&j| w[j]).collect(), q))
}

/// The first entry of largest modulus of `col` (0 for an empty slice): the maximum modulus in
/// four independent lanes, then the first entry that reaches it.
fn first_largest(col: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 4];
    let chunks = col.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for (m, v) in lanes.iter_mut().zip(c) {
            let a = v.abs();
            *m = if a > *m { a } else { *m };
        }
    }
    let max = tail.iter().fold(lanes.iter().fold(0.0f64, |m, &x| m.max(x)), |m, v| m.max(v.abs()));
    col.iter().copied().find(|v| v.abs() == max).unwrap_or(0.0)
}

/// Eigen-decomposition of the unreduced block `(d, e)` into `d` (ascending) and the `n × n`
/// block of `q` (leading dimension `ld`), which must hold zeros on entry.
fn solve(d: &mut [f64], e: &[f64], q: &mut [f64], ld: usize) -> Result<()> {
    let n = d.len();
    if n <= SMALL {
        return ql_vectors(d, e, q, ld);
    }
    let m = n / 2;
    let beta = e[m - 1];
    d[m - 1] -= beta.abs();
    d[m] -= beta.abs();
    {
        let (d1, d2) = d.split_at_mut(m);
        let (q1, q2) = q.split_at_mut(m * ld);
        let q2 = &mut q2[m..];
        let (e1, e2) = (&e[..m - 1], &e[m..]);
        if n >= PAR_SPLIT {
            let (a, b) = rayon::join(|| solve(d1, e1, q1, ld), || solve(d2, e2, q2, ld));
            a?;
            b?;
        } else {
            solve(d1, e1, q1, ld)?;
            solve(d2, e2, q2, ld)?;
        }
    }
    merge(d, q, ld, m, beta)
}

/// Columns `a` and `b` (`a < b`) of the column-major `q` as two mutable slices of `n` rows.
pub(super) fn two_cols(q: &mut [f64], ld: usize, n: usize, a: usize, b: usize) -> (&mut [f64], &mut [f64]) {
    let (x, y) = q.split_at_mut(b * ld);
    (&mut x[a * ld..a * ld + n], &mut y[..n])
}

/// Implicit QL with Wilkinson shifts (EISPACK `tql2`), accumulating the rotations into the
/// `n × n` block of `q`; eigenvalues sorted ascending with their vectors.
fn ql_vectors(d: &mut [f64], e: &[f64], q: &mut [f64], ld: usize) -> Result<()> {
    let n = d.len();
    for j in 0..n {
        q[j * ld + j] = 1.0;
    }
    super::ql(d, e, Some((&mut *q, ld)))?;
    // Selection sort: at most n - 1 column swaps.
    for i in 0..n {
        let k = (i..n).min_by(|&a, &b| d[a].total_cmp(&d[b])).expect("non-empty range");
        if k != i {
            d.swap(i, k);
            let (a, b) = two_cols(q, ld, n, i, k);
            a.swap_with_slice(b);
        }
    }
    Ok(())
}

/// Merges the solved halves `d[..m]`, `d[m..]` (each ascending, vectors in the diagonal blocks
/// of `q`) across the tear `beta` into the eigen-decomposition of the whole block.
fn merge(d: &mut [f64], q: &mut [f64], ld: usize, m: usize, beta: f64) -> Result<()> {
    let n = d.len();
    let rho = 2.0 * beta.abs();
    // z = diag(Q₁, Q₂)ᵀ u / √2: the last row of Q₁ and (signed) the first row of Q₂.
    let h = std::f64::consts::FRAC_1_SQRT_2;
    let hs = if beta < 0.0 { -h } else { h };
    let mut z: Vec<f64> =
        (0..n).map(|j| if j < m { q[j * ld + m - 1] * h } else { q[j * ld + m] * hs }).collect();
    // The eigenvalues of a block are kept unsorted (columns are permuted once, at the end).
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[a].total_cmp(&d[b]));
    let dmax = d.iter().fold(0.0f64, |x, v| x.max(v.abs()));
    let zmax = z.iter().fold(0.0f64, |x, v| x.max(v.abs()));
    let tol = 8.0 * f64::EPSILON * dmax.max(zmax);
    let mut kind: Vec<u8> = (0..n).map(|j| if j < m { TOP } else { BOTTOM }).collect();
    if rho * zmax <= tol {
        // Everything deflates: the halves' eigenpairs are the block's.
        return Ok(());
    }
    let mut kept = Vec::with_capacity(n);
    {
        let mut prev: Option<usize> = None;
        for &j in &order {
            if rho * z[j].abs() <= tol {
                continue;
            }
            let Some(p) = prev else {
                prev = Some(j);
                continue;
            };
            let tau = z[p].hypot(z[j]);
            let (c, s) = (z[j] / tau, -z[p] / tau);
            if ((d[j] - d[p]) * c * s).abs() <= tol {
                // Rotate columns p and j so that z_p = 0: p deflates with its (rotated) vector.
                z[j] = tau;
                z[p] = 0.0;
                let (lo, hi) = (p.min(j), p.max(j));
                let (x, y) = two_cols(q, ld, n, lo, hi);
                let (cp, cj) = if p < j { (x, y) } else { (y, x) };
                for (u, v) in cp.iter_mut().zip(cj.iter_mut()) {
                    let (pu, jv) = (*u, *v);
                    *u = c * pu + s * jv;
                    *v = c * jv - s * pu;
                }
                if kind[p] != kind[j] {
                    kind[j] = DENSE;
                }
                let (dp, dj) = (d[p], d[j]);
                d[p] = dp * c * c + dj * s * s;
                d[j] = dp * s * s + dj * c * c;
            } else {
                kept.push(p);
            }
            prev = Some(j);
        }
        kept.extend(prev);
    }
    kept.sort_by(|&a, &b| d[a].total_cmp(&d[b]));
    let k = kept.len();
    let dl: Vec<f64> = kept.iter().map(|&j| d[j]).collect();
    let zl: Vec<f64> = kept.iter().map(|&j| z[j]).collect();

    // Secular equation: root i and the differences delta[i k + p] = dl[p] - λ_i.
    let mut lam = vec![0.0; k];
    let mut delta = vec![0.0; k * k];
    let root = |(i, (l, col)): (usize, (&mut f64, &mut [f64]))| -> Result<()> {
        *l = secular_root(i, &dl, &zl, rho, col)?;
        Ok(())
    };
    if k >= PAR_ROOTS {
        lam.par_iter_mut().zip(delta.par_chunks_mut(k)).enumerate().with_min_len(8).try_for_each(root)?;
    } else {
        lam.iter_mut().zip(delta.chunks_mut(k.max(1))).enumerate().try_for_each(root)?;
    }

    // Gu-Eisenstat: ẑ_p² = (λ_p - d_p) Π_{j≠p} (d_p - λ_j) / (d_p - d_j), sign of z_p.
    let mut zh: Vec<f64> = (0..k).map(|p| -delta[p * k + p]).collect();
    let zh_chunk = |(c, out): (usize, &mut [f64])| {
        let (p0, p1) = (c * 64, c * 64 + out.len());
        for j in 0..k {
            let col = &delta[j * k..(j + 1) * k];
            // p < j and p > j as two branch-free (vectorizable) runs.
            for (lo, hi) in [(p0, j.clamp(p0, p1)), ((j + 1).clamp(p0, p1), p1)] {
                let run = out[lo - p0..hi - p0].iter_mut().zip(&col[lo..hi]).zip(&dl[lo..hi]);
                for ((x, &dp), &dlp) in run {
                    *x *= dp / (dlp - dl[j]);
                }
            }
        }
    };
    if k >= PAR_ROOTS {
        zh.par_chunks_mut(64).enumerate().for_each(zh_chunk);
    } else {
        zh.chunks_mut(64).enumerate().for_each(zh_chunk);
    }
    for (x, &zp) in zh.iter_mut().zip(&zl) {
        *x = x.abs().sqrt().copysign(zp);
    }

    // U (k × k) with rows grouped as TOP, DENSE, BOTTOM columns of Q.
    let mut group: Vec<usize> = (0..k).collect();
    group.sort_by_key(|&p| kind[kept[p]]);
    let nt = group.iter().filter(|&&p| kind[kept[p]] == TOP).count();
    let nb = group.iter().filter(|&&p| kind[kept[p]] == BOTTOM).count();
    let mut u = vec![0.0; k * k];
    let ucol = |(j, col): (usize, &mut [f64])| {
        let dj = &delta[j * k..(j + 1) * k];
        for (x, &p) in col.iter_mut().zip(&group) {
            *x = zh[p] / dj[p];
        }
        let nrm = col.iter().map(|x| x * x).sum::<f64>().sqrt();
        col.iter_mut().for_each(|x| *x /= nrm);
    };
    if k >= PAR_ROOTS {
        u.par_chunks_mut(k).enumerate().for_each(ucol);
    } else {
        u.chunks_mut(k.max(1)).enumerate().for_each(ucol);
    }

    // V = Q[:, kept] U, as two products over the row blocks.
    let mut v = vec![0.0; n * k];
    if k > 0 {
        let (kt, kb) = (k - nb, k - nt);
        let gather = |rows: std::ops::Range<usize>, ps: &[usize]| -> Vec<f64> {
            let mut g = Vec::with_capacity(rows.len() * ps.len());
            for &p in ps {
                let c = kept[p] * ld;
                g.extend_from_slice(&q[c + rows.start..c + rows.end]);
            }
            g
        };
        let mut vm = MatMut::from_column_major_slice_mut(&mut v, n, k);
        let (mut vt, mut vb) = vm.rb_mut().split_at_row_mut(m);
        if kt > 0 {
            let qt = gather(0..m, &group[..kt]);
            let qt = MatRef::from_column_major_slice(&qt, m, kt);
            let ut = MatRef::from_column_major_slice_with_stride(&u, kt, k, k);
            let par = par_for(Kernel::Gemm, gemm_flops(m, k, kt));
            faer::linalg::matmul::matmul(vt.rb_mut(), Accum::Replace, qt, ut, 1.0, par);
        }
        if kb > 0 {
            let qb = gather(m..n, &group[nt..]);
            let qb = MatRef::from_column_major_slice(&qb, n - m, kb);
            let ub = MatRef::from_column_major_slice_with_stride(&u[nt..], kb, k, k);
            let par = par_for(Kernel::Gemm, gemm_flops(n - m, k, kb));
            faer::linalg::matmul::matmul(vb.rb_mut(), Accum::Replace, qb, ub, 1.0, par);
        }
    }

    // Deflated pairs stay in their columns; the new ones take the kept columns' places.
    for (j, &col) in kept.iter().enumerate() {
        d[col] = lam[j];
        q[col * ld..col * ld + n].copy_from_slice(&v[j * n..(j + 1) * n]);
    }
    Ok(())
}

/// Root `i` (ascending) of the secular equation `1/ρ + Σ_j z_j² / (dl_j - λ) = 0` with `dl`
/// strictly ascending and no `z_j` zero; writes `dl_j - λ` into `delta` (accurate to the
/// relative precision of the root's distance from its nearest pole).
fn secular_root(i: usize, dl: &[f64], z: &[f64], rho: f64, delta: &mut [f64]) -> Result<f64> {
    let k = dl.len();
    if k == 1 {
        let t = rho * z[0] * z[0];
        delta[0] = -t;
        return Ok(dl[0] + t);
    }
    let rhoinv = 1.0 / rho;
    // The origin is the pole nearest to the root; the other pole of the two-pole model is `o2`.
    // τ = λ - dl[origin] lies in the bracket (lo, hi). The first τ is `laed4`'s: the root of the
    // model that keeps the two poles around the root exactly and takes the rest as the constant
    // `c`, their value at the middle of the root's interval (2-3 iterations fewer per root than
    // starting at the bracket's end).
    let (origin, o2, mut lo, mut hi, tau0);
    if i + 1 == k {
        let (zp, zq) = (z[k - 2] * z[k - 2], z[k - 1] * z[k - 1]);
        let end = rho * z.iter().map(|x| x * x).sum::<f64>();
        let mid = 0.5 * end;
        let base = dl[k - 1];
        let w = dl.iter().zip(z).map(|(&dj, &zj)| zj * zj / ((dj - base) - mid)).sum::<f64>() + rhoinv;
        let del = base - dl[k - 2];
        let c = w - zp / (-del - mid) + zq / mid;
        let a = -c * del + zp + zq;
        let b = zq * del;
        let model = || {
            let sq = (a * a + 4.0 * b * c).abs().sqrt();
            if a < 0.0 { 2.0 * b / (sq - a) } else { (a + sq) / (2.0 * c) }
        };
        (origin, o2) = (k - 1, k - 2);
        if w <= 0.0 {
            (lo, hi) = (mid, end);
            tau0 = if c <= zp / (del + end) + zq / end { end } else { model() };
        } else {
            (lo, hi) = (0.0, mid);
            tau0 = model();
        }
    } else {
        let gap = dl[i + 1] - dl[i];
        let mid = 0.5 * gap;
        let at_mid: f64 =
            dl.iter().zip(z).map(|(&dj, &zj)| zj * zj / ((dj - dl[i]) - mid)).sum::<f64>() + rhoinv;
        let (zp, zq) = (z[i] * z[i], z[i + 1] * z[i + 1]);
        let c = at_mid + zp / mid - zq / mid;
        if at_mid >= 0.0 {
            (origin, o2, lo, hi) = (i, i + 1, 0.0, mid);
            let (a, b) = (c * gap + zp + zq, zp * gap);
            let sq = (a * a - 4.0 * b * c).abs().sqrt();
            tau0 = if a > 0.0 { 2.0 * b / (a + sq) } else { (a - sq) / (2.0 * c) };
        } else {
            (origin, o2, lo, hi) = (i + 1, i, -mid, 0.0);
            let (a, b) = (c * gap - zp - zq, zq * gap);
            let sq = (a * a + 4.0 * b * c).abs().sqrt();
            tau0 = if a < 0.0 { 2.0 * b / (a - sq) } else { -(a + sq) / (2.0 * c) };
        }
    }
    let base = dl[origin];
    for (x, &dj) in delta.iter_mut().zip(dl) {
        *x = dj - base;
    }
    // The model's root when it falls inside the bracket (the upper end is no pole unless it is
    // 0), else the bracket's end away from the origin's pole.
    let mut tau = if tau0.is_finite() && tau0 > lo && (tau0 < hi || (tau0 == hi && hi != 0.0)) {
        tau0
    } else if origin == i {
        hi
    } else {
        lo
    };
    let eps = f64::EPSILON;
    for _ in 0..MAX_SECULAR {
        // h(τ) = 1/ρ + Σ z_j² / (δ_j - τ), its derivative and an error bound (as `laed4`).
        let (mut hsum, mut dh, mut abs) = (rhoinv, 0.0, 0.0);
        for (&dd, &zj) in delta.iter().zip(z) {
            let r = zj / (dd - tau);
            let t = zj * r;
            hsum += t;
            abs += t.abs();
            dh += r * r;
        }
        if !hsum.is_finite() {
            // τ sits on a pole (a bracket end): step inside.
            tau = 0.5 * (lo + hi);
            continue;
        }
        if hsum.abs() <= eps * (8.0 * abs + 3.0 * rhoinv + tau.abs() * dh) {
            break;
        }
        if hsum < 0.0 {
            lo = tau;
        } else {
            hi = tau;
        }
        if hi - lo <= 2.0 * eps * lo.abs().max(hi.abs()) {
            break;
        }
        // Two-pole model: the origin's pole exactly, the rest as a pole at o2 plus a constant.
        let (dp, dq) = (delta[origin] - tau, delta[o2] - tau);
        let zp = z[origin] / dp;
        let c = hsum - dq * dh - (dp - dq) * zp * zp;
        let a = (dp + dq) * hsum - dp * dq * dh;
        let b = dp * dq * hsum;
        let disc = (a * a - 4.0 * b * c).abs().sqrt();
        let mut cands = [f64::NAN; 2];
        if c != 0.0 {
            let big = if a >= 0.0 { a + disc } else { a - disc };
            cands = [big / (2.0 * c), 2.0 * b / big];
        } else if a != 0.0 {
            cands[0] = b / a;
        }
        let inside = |eta: f64| eta.is_finite() && tau + eta > lo && tau + eta < hi;
        let mut eta = match (inside(cands[0]), inside(cands[1])) {
            (true, true) => {
                if cands[0].abs() < cands[1].abs() {
                    cands[0]
                } else {
                    cands[1]
                }
            }
            (true, false) => cands[0],
            (false, true) => cands[1],
            (false, false) => -hsum / dh,
        };
        if hsum * eta >= 0.0 {
            eta = -hsum / dh;
        }
        let next = tau + eta;
        tau = if inside(eta) && next != tau { next } else { 0.5 * (lo + hi) };
        if tau == lo || tau == hi {
            break;
        }
    }
    if !tau.is_finite() {
        return Err(LinalgError::NoConvergence { iterations: MAX_SECULAR });
    }
    for x in delta.iter_mut() {
        *x -= tau;
    }
    Ok(base + tau)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d: &[f64], e: &[f64], tol: f64) {
        let n = d.len();
        let (w, q) = eigh(d, e).unwrap();
        assert!(w.is_sorted());
        let mut worst_r = 0.0f64;
        let mut worst_o = 0.0f64;
        for j in 0..n {
            let v = &q[j * n..(j + 1) * n];
            for i in 0..n {
                let mut tv = d[i] * v[i];
                if i > 0 {
                    tv += e[i - 1] * v[i - 1];
                }
                if i + 1 < n {
                    tv += e[i] * v[i + 1];
                }
                worst_r = worst_r.max((tv - w[j] * v[i]).abs());
            }
            for l in 0..=j {
                let dot: f64 = v.iter().zip(&q[l * n..(l + 1) * n]).map(|(a, b)| a * b).sum();
                worst_o = worst_o.max((dot - f64::from(u8::from(l == j))).abs());
            }
        }
        assert!(worst_r < tol && worst_o < tol, "n {n}: residual {worst_r:e}, orthogonality {worst_o:e}");
    }

    #[test]
    fn residual_and_orthogonality() {
        let mut s = 12345u64;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        };
        for n in [1usize, 2, 3, 25, 26, 27, 51, 100, 257] {
            let d: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let e: Vec<f64> = (0..n.saturating_sub(1)).map(|_| rnd()).collect();
            check(&d, &e, 1e-13);
            // Laplacian (no deflation), all-equal diagonal with tiny coupling, glued Wilkinson.
            check(&vec![2.0; n], &vec![-1.0; n.saturating_sub(1)], 1e-13);
            check(&vec![1.0; n], &vec![1e-10; n.saturating_sub(1)], 1e-13);
            let w: Vec<f64> = (0..n).map(|i| ((i % 21) as f64 - 10.0).abs() / 10.0).collect();
            let g: Vec<f64> =
                (0..n.saturating_sub(1)).map(|i| if i % 21 == 20 { 1e-9 } else { 0.1 }).collect();
            check(&w, &g, 1e-13);
        }
        // Larger: Clement (eigenvalues ±(n-1), ±(n-3), ...), glued Wilkinson W21+, random with
        // entries spread over eight orders of magnitude.
        let n = 600usize;
        let nf = n as f64;
        let cl: Vec<f64> = (1..n).map(|i| ((i as f64) * (nf - i as f64)).sqrt() / nf).collect();
        check(&vec![0.0; n], &cl, 1e-13);
        let w: Vec<f64> = (0..n).map(|i| ((i % 21) as f64 - 10.0).abs() / 10.0).collect();
        let g: Vec<f64> = (0..n - 1).map(|i| if i % 21 == 20 { 1e-14 } else { 0.1 }).collect();
        check(&w, &g, 1e-13);
        let d: Vec<f64> = (0..n).map(|_| rnd() * 10f64.powf(-8.0 * rnd().abs())).collect();
        let e: Vec<f64> = (0..n - 1).map(|_| rnd() * 10f64.powf(-8.0 * rnd().abs())).collect();
        check(&d, &e, 1e-13);
    }
}

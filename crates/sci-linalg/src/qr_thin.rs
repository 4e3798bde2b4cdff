//! SciPy's algorithms (`scipy/linalg/_decomp_update.pyx`) for updating economic (thin) QR
//! factorizations, `Q` `(M, N)` and `R` `(N, N)` with `M > N`, without completing `Q`: row
//! deletion (Daniel, Gragg, Kaufman and Stewart; Reichel and Gragg), column deletion, row
//! insertion and rank-1 updates by LAPACK `?lartg` Givens rotations and `?larfg` Householder
//! reflectors, plus the block row deletion of a square factorization SciPy switches to once
//! `Q` is square.

use std::ops::Range;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, s};
use num_traits::{Float, Zero};

use crate::error::{Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr_update::{norm2, reorth};
use crate::scalar::{LinalgFloat, to_fortran, zeros_f};

/// LAPACK `?lartg` of `(x, y)`: `(a, b, ρ)` with `a = c` (real), `b = s̄`, and the rotated
/// entry `ρ = sign(x) ‖(x, y)‖` (the phase of `x` for complex `x`, `+` for `x = 0`); the
/// identity `(1, 0, x)` when `y = 0`. [`rot_r`] / [`rot_c`] apply `(a, b)`.
fn lartg<T: LinalgScalar>(x: T, y: T) -> (T, T, T) {
    if y.modulus().is_zero() {
        return (T::one(), T::zero(), x);
    }
    let (ax, ay) = (x.modulus(), y.modulus());
    let rho = T::from_real(ax.hypot(ay));
    let phase = if ax.is_zero() { T::one() } else { x / T::from_real(ax) };
    let d = phase * rho;
    (x / d, y / d, d)
}

/// BLAS `?rot(x, y, c, s)` on rows `i` (`x`) and `j` (`y`) of `m`, columns `cols`:
/// `x ← c x + s y`, `y ← c y - s̄ x`, with `(a, b) = (c, s̄)` from [`lartg`].
fn rot_r<T: LinalgScalar>(m: &mut Array2<T>, i: usize, j: usize, cols: Range<usize>, (a, b): (T, T)) {
    for c in cols {
        let (x, y) = (m[[i, c]], m[[j, c]]);
        m[[i, c]] = a.conj() * x + b.conj() * y;
        m[[j, c]] = a * y - b * x;
    }
}

/// BLAS `?rot(x, y, c, s̄)` on columns `i` (`x`) and `j` (`y`) of `m`, rows `rows` (how
/// SciPy carries a rotation of `R`'s rows over to `Q`'s columns).
fn rot_c<T: LinalgScalar>(m: &mut Array2<T>, i: usize, j: usize, rows: Range<usize>, (a, b): (T, T)) {
    for r in rows {
        let (x, y) = (m[[r, i]], m[[r, j]]);
        m[[r, i]] = a * x + b * y;
        m[[r, j]] = a.conj() * y - b.conj() * x;
    }
}

/// Zeroes `m[j, col]` against `m[i, col]` by [`lartg`], rotating rows `i`, `j` of `m` over
/// `rest` and columns `i`, `j` of `q` (all rows) alongside.
fn zero_below<T: LinalgScalar>(
    m: &mut Array2<T>,
    q: &mut Array2<T>,
    i: usize,
    j: usize,
    col: usize,
    rest: Range<usize>,
) {
    let (a, b, rho) = lartg(m[[i, col]], m[[j, col]]);
    m[[i, col]] = rho;
    m[[j, col]] = T::zero();
    rot_r(m, i, j, rest, (a, b));
    let nr = q.nrows();
    rot_c(q, i, j, 0..nr, (a, b));
}

/// LAPACK `?larfg`: the reflector `H = I - τ [1; v][1; v]ᴴ` with `Hᴴ [α; x] = [β; 0]`,
/// `β = -sign(Re α) ‖[α; x]‖` real; `x` is overwritten by `v`. Returns `(β, τ)`; `τ = 0`
/// (`H = I`) when `x = 0` and `α` is real.
fn larfg<T: LinalgScalar>(alpha: T, mut x: ndarray::ArrayViewMut1<'_, T>) -> (T, T) {
    let xnorm = norm2(x.view());
    let (ar, ai) = (alpha.re(), alpha.im());
    if xnorm.is_zero() && ai.is_zero() {
        return (alpha, T::zero());
    }
    let norm = ar.hypot(ai).hypot(xnorm);
    let beta = if ar.is_sign_negative() { norm } else { -norm };
    let tau = (T::from_real(beta) - alpha) / T::from_real(beta);
    let scale = T::one() / (alpha - T::from_real(beta));
    x.mapv_inplace(|e| e * scale);
    (T::from_real(beta), tau)
}

/// SciPy's `reorthx`: the unit vector `w ⟂ Q` from `e_j` (`q` `(m, n)`) with one
/// reorthogonalization (`‖e_j - Q Qᴴ e_j‖ ≤ 1` for orthonormal `Q`, so SciPy's test for
/// skipping it, `√2 < ‖w‖`, only passes for a `Q` that is not), and `s = [conj(Q[j, :]), ‖w‖]`.
/// `None` when `e_j` lies (numerically) in the span of `Q`.
fn reorthx<T: LinalgScalar>(q: ArrayView2<'_, T>, j: usize) -> Option<(Array1<T>, Array1<T>)> {
    let (m, n) = q.dim();
    let mut s = Array1::<T>::zeros(n + 1);
    for c in 0..n {
        s[c] = q[[j, c]].conj();
    }
    let mut u = -q.dot(&s.slice(s![..n]));
    u[j] += T::one();
    let wnorm = norm2(u.view());
    let root2 = RealOf::<T>::lit(2.0).sqrt();
    if root2 < wnorm {
        u.mapv_inplace(|e| e / T::from_real(wnorm));
        s[n] = T::from_real(wnorm);
        return Some((u, s));
    }
    let s1 = q.t().mapv(T::conj).dot(&u);
    u -= &q.dot(&s1);
    let wpnorm = norm2(u.view());
    // (SciPy divides by a zero ‖w‖ here; that case is in the span, too)
    if wpnorm < wnorm / root2 || wpnorm.is_zero() || m == 0 {
        return None;
    }
    u.mapv_inplace(|e| e / T::from_real(wpnorm));
    s[n] = T::from_real(wpnorm);
    Some((u, s))
}

/// SciPy's `thin_qr_row_delete`: deletes rows `k..k + p` of the economic `(q, r)`
/// (`(M, N)`, `(N, N)`). While `Q` keeps at least `N` rows, row `k` is moved last, completed
/// to an orthonormal `[Q w]` by [`reorthx`] (`e_k` in the span of `Q`: the row of `Q` of
/// smallest norm instead, Daniel et al.), and the coefficients `s` rotated onto `e_N`, `R`'s
/// rows into a spare row alongside; the rest by [`block_row_delete`] of the square factors.
pub(crate) fn thin_row_delete<T: LinalgScalar>(
    mut q: Array2<T>,
    mut r: Array2<T>,
    k: usize,
    p: usize,
) -> Result<(Array2<T>, Array2<T>)> {
    let (m0, n) = q.dim();
    let p_eco = if m0 - p >= n { p } else { m0 - n };
    let p_full = p - p_eco;
    let mut m = m0;
    for _ in 0..p_eco {
        for j in k..m - 1 {
            for c in 0..n {
                q.swap([j, c], [j + 1, c]);
            }
        }
        let qv = q.slice(s![..m, ..]);
        let (u, mut s) = match reorthx(qv, m - 1) {
            Some(us) => us,
            None => {
                let norms: Vec<RealOf<T>> = (0..m).map(|j| norm2(qv.row(j))).collect();
                let mut at = 0;
                for (j, &nj) in norms.iter().enumerate().skip(1) {
                    if nj < norms[at] {
                        at = j;
                    }
                }
                let (u, _) = reorthx(qv, at).ok_or_else(|| {
                    invalid("Q", "Reorthogonalization Failed, unable to perform row deletion.")
                })?;
                // SciPy keeps s = [conj(Q[m - 1, :]), 0] from the failed attempt
                let mut s = Array1::<T>::zeros(n + 1);
                for c in 0..n {
                    s[c] = qv[[m - 1, c]].conj();
                }
                (u, s)
            }
        };
        // [u Q] with the spare row `spare` of R rotated along: s onto e_N
        let mut uq = zeros_f(m - 1, n + 1);
        uq.column_mut(n).assign(&u.slice(s![..m - 1]));
        uq.slice_mut(s![.., ..n]).assign(&q.slice(s![..m - 1, ..]));
        let mut rr = zeros_f(n + 1, n);
        rr.slice_mut(s![..n, ..]).assign(&r);
        for j in (0..n).rev() {
            let (a, b, rho) = lartg(s[n], s[j]);
            s[n] = rho;
            s[j] = T::zero();
            rot_r(&mut rr, n, j, j..n, (a, b));
            rot_c(&mut uq, n, j, 0..m - 1, (a, b));
        }
        q.slice_mut(s![..m - 1, ..]).assign(&uq.slice(s![.., ..n]));
        r.assign(&rr.slice(s![..n, ..]));
        m -= 1;
    }
    let q = to_fortran(&q.slice(s![..m, ..]));
    if p_full == 0 {
        return Ok((q, r));
    }
    Ok(block_row_delete(q, r, k, p_full))
}

/// SciPy's `qr_block_row_delete` of a square-`Q` factorization (`(M, M)`, `(M, N)`): rows
/// `k..k + p` of `Q` swapped to the top (SciPy's sequence of row swaps), their conjugates `W`
/// reduced to `[I 0]` by rotations of adjacent columns applied to `R`'s rows and `Q`'s
/// columns. Returns `(Q[p.., p..], R[p.., ..])`.
pub(crate) fn block_row_delete<T: LinalgScalar>(
    mut q: Array2<T>,
    mut r: Array2<T>,
    k: usize,
    p: usize,
) -> (Array2<T>, Array2<T>) {
    let (m, n) = (q.nrows(), r.ncols());
    for j in (1..=k).rev() {
        for c in 0..m {
            q.swap([j + p - 1, c], [j - 1, c]);
        }
    }
    let mut w = q.slice(s![..p, ..]).mapv(T::conj);
    for i in 0..p {
        for j in (i..m.saturating_sub(1)).rev() {
            let (a, b, rho) = lartg(w[[i, j]], w[[i, j + 1]]);
            w[[i, j]] = rho;
            w[[i, j + 1]] = T::zero();
            rot_c_conj(&mut w, j, j + 1, i + 1..p, (a, b));
            if j - i < n {
                rot_r(&mut r, j, j + 1, j - i..n, (a, b));
            }
            rot_c(&mut q, j, j + 1, p..m, (a, b));
        }
    }
    (to_fortran(&q.slice(s![p.., p..])), to_fortran(&r.slice(s![p.., ..])))
}

/// BLAS `?rot(x, y, c, s)` on columns `i` (`x`) and `j` (`y`) of `m`, rows `rows`.
fn rot_c_conj<T: LinalgScalar>(m: &mut Array2<T>, i: usize, j: usize, rows: Range<usize>, (a, b): (T, T)) {
    for r in rows {
        let (x, y) = (m[[r, i]], m[[r, j]]);
        m[[r, i]] = a.conj() * x + b.conj() * y;
        m[[r, j]] = a * y - b * x;
    }
}

/// SciPy's column deletion (`qr_col_delete` / `qr_block_col_delete`) for `q` `(M, O)` and
/// `r` `(O, N)`, full (`O = M`) or economic (`O = N`): `R`'s columns after `k + p` shifted
/// left, then the Hessenberg remainder retriangularized by rotations (`p = 1`) or its `p`
/// subdiagonals by Householder reflectors (`p > 1`). Returns SciPy's shapes: economic
/// `(Q[:, ..N - p], R[..N - p, ..N - p])`, full `(Q, R[:, ..N - p])`.
pub(crate) fn col_delete<T: LinalgScalar>(
    mut q: Array2<T>,
    mut r: Array2<T>,
    k: usize,
    p: usize,
    economic: bool,
) -> (Array2<T>, Array2<T>) {
    let (m, (o, n)) = (q.nrows(), r.dim());
    let rows = o.min(n);
    for j in k..n - p {
        for i in 0..rows {
            r[[i, j]] = r[[i, j + p]];
        }
    }
    let nn = n - p;
    if p == 1 {
        for j in k..(m.saturating_sub(1)).min(nn) {
            zero_below(&mut r, &mut q, j, j + 1, j, j + 1..nn);
        }
    } else {
        for j in k..(m.saturating_sub(1)).min(nn) {
            let last = (p + 1).min(o - j);
            let (beta, tau) = larfg(r[[j, j]], r.slice_mut(s![j + 1..j + last, j]));
            let mut v = Array1::<T>::ones(last);
            v.slice_mut(s![1..]).assign(&r.slice(s![j + 1..j + last, j]));
            // R[j..j + last, j + 1..nn] ← Hᴴ R, Q[:, j..j + last] ← Q H
            apply_left(&mut r, v.view(), tau.conj(), j, j + 1..nn);
            apply_right(&mut q, v.view(), tau, j);
            r.slice_mut(s![j + 1..j + last, j]).fill(T::zero());
            r[[j, j]] = beta;
        }
    }
    if economic {
        (to_fortran(&q.slice(s![.., ..nn])), to_fortran(&r.slice(s![..nn, ..nn])))
    } else {
        (q, to_fortran(&r.slice(s![.., ..nn])))
    }
}

/// LAPACK `?larf('L')`: rows `top..top + len(v)` of `c`, columns `cols`, ← `(I - τ v vᴴ) C`.
fn apply_left<T: LinalgScalar>(
    c: &mut Array2<T>,
    v: ArrayView1<'_, T>,
    tau: T,
    top: usize,
    cols: Range<usize>,
) {
    if tau.modulus().is_zero() {
        return;
    }
    for col in cols {
        let mut w = T::zero();
        for (i, &vi) in v.iter().enumerate() {
            w += vi.conj() * c[[top + i, col]];
        }
        let tw = tau * w;
        for (i, &vi) in v.iter().enumerate() {
            c[[top + i, col]] -= vi * tw;
        }
    }
}

/// LAPACK `?larf('R')`: columns `left..left + len(v)` of `c` ← `C (I - τ v vᴴ)`.
fn apply_right<T: LinalgScalar>(c: &mut Array2<T>, v: ArrayView1<'_, T>, tau: T, left: usize) {
    if tau.modulus().is_zero() {
        return;
    }
    for row in 0..c.nrows() {
        let mut w = T::zero();
        for (i, &vi) in v.iter().enumerate() {
            w += c[[row, left + i]] * vi;
        }
        let tw = tau * w;
        for (i, &vi) in v.iter().enumerate() {
            c[[row, left + i]] -= tw * vi.conj();
        }
    }
}

/// SciPy's row insertion into an economic factorization (`thin_qr_row_insert`,
/// `thin_qr_block_row_insert`): `Q` bordered to `[[Q, 0], [0, I_p]]`, then `R` stacked on the
/// rows `u` (`(p, N)`) retriangularized column by column, by rotations of `R[j]` against
/// `u` (`p = 1`) or by reflectors of length `p + 1`; the new rows of `Q` moved to `k`.
/// Returns `Q1` `(M + p, N)` and `R1` `(N, N)`.
pub(crate) fn thin_row_insert<T: LinalgScalar>(
    q: ArrayView2<'_, T>,
    mut r: Array2<T>,
    mut u: Array2<T>,
    k: usize,
) -> (Array2<T>, Array2<T>) {
    let (m, n) = q.dim();
    let p = u.nrows();
    let mut qn = zeros_f(m + p, n + p);
    qn.slice_mut(s![..m, ..n]).assign(&q);
    for j in 0..p {
        qn[[m + j, n + j]] = T::one();
    }
    for j in 0..n {
        if p == 1 {
            let (a, b, rho) = lartg(r[[j, j]], u[[0, j]]);
            r[[j, j]] = rho;
            u[[0, j]] = T::zero();
            for c in j + 1..n {
                let (x, y) = (r[[j, c]], u[[0, c]]);
                r[[j, c]] = a.conj() * x + b.conj() * y;
                u[[0, c]] = a * y - b * x;
            }
            rot_c(&mut qn, j, n, 0..m + 1, (a, b));
            continue;
        }
        let (beta, tau) = larfg(r[[j, j]], u.column_mut(j));
        let v = u.column(j).to_owned();
        // [R[j, j + 1..]; U[:, j + 1..]] ← Hᴴ [..]
        for c in j + 1..n {
            let mut w = r[[j, c]];
            for l in 0..p {
                w += u[[l, c]] * v[l].conj();
            }
            let tw = tau.conj() * w;
            for l in 0..p {
                u[[l, c]] -= v[l] * tw;
            }
            r[[j, c]] -= tw;
        }
        r[[j, j]] = beta;
        // [Q[:, j] Q[:, n..]] ← [..] H
        for row in 0..m + p {
            let mut w = qn[[row, j]];
            for l in 0..p {
                w += qn[[row, n + l]] * v[l];
            }
            let tw = tau * w;
            for l in 0..p {
                qn[[row, n + l]] -= tw * v[l].conj();
            }
            qn[[row, j]] -= tw;
        }
    }
    // the new rows (last p) before row k
    let mut q1 = zeros_f(m + p, n);
    q1.slice_mut(s![..k, ..]).assign(&qn.slice(s![..k, ..n]));
    q1.slice_mut(s![k..k + p, ..]).assign(&qn.slice(s![m.., ..n]));
    q1.slice_mut(s![k + p.., ..]).assign(&qn.slice(s![k..m, ..n]));
    (q1, r)
}

/// SciPy's `thin_qr_rank_1_update` of the economic `(q, r)` by `u vᴴ`: `u = Q s[..N] +
/// s[N] w` by [`reorth`] (`w ⟂ Q`, SciPy's coefficients of the first projection), `s` rotated
/// onto `e_0` (the rotation of `s[N]` into `s[N - 1]` leaves a spare entry below `R`), `s[0]
/// vᴴ` added to `R`'s first row, the Hessenberg `R` and the spare entry rotated away, the
/// rotations applied to `[Q w]`.
pub(crate) fn thin_rank1_update<T: LinalgScalar>(
    q: &mut Array2<T>,
    r: &mut Array2<T>,
    u: ArrayView1<'_, T>,
    v: ArrayView1<'_, T>,
) {
    let (m, n) = q.dim();
    if n == 0 {
        return;
    }
    let (w, mut sv) =
        reorth(q, u, RealOf::<T>::zero()).unwrap_or_else(|_| (Array1::zeros(m), Array1::zeros(n + 1)));
    let mut qw = zeros_f(m, n + 1);
    qw.slice_mut(s![.., ..n]).assign(q);
    qw.column_mut(n).assign(&w);
    let (a, b, rho) = lartg(sv[n - 1], sv[n]);
    sv[n - 1] = rho;
    sv[n] = T::zero();
    let t = r[[n - 1, n - 1]];
    let rlast = -t * b;
    r[[n - 1, n - 1]] = t * a;
    rot_c(&mut qw, n - 1, n, 0..m, (a, b));
    for j in (0..n - 1).rev() {
        let (a, b, rho) = lartg(sv[j], sv[j + 1]);
        sv[j] = rho;
        sv[j + 1] = T::zero();
        rot_r(r, j, j + 1, j..n, (a, b));
        rot_c(&mut qw, j, j + 1, 0..m, (a, b));
    }
    for c in 0..n {
        r[[0, c]] += sv[0] * v[c].conj();
    }
    for j in 0..n - 1 {
        zero_below(r, &mut qw, j, j + 1, j, j + 1..n);
    }
    let (a, b, rho) = lartg(r[[n - 1, n - 1]], rlast);
    r[[n - 1, n - 1]] = rho;
    rot_c(&mut qw, n - 1, n, 0..m, (a, b));
    q.assign(&qw.slice(s![.., ..n]));
}

//! The symmetric tridiagonal eigensolver behind [`crate::eigh_tridiagonal`]: eigenvalues by
//! implicit QL (all of them) or bisection on Sturm counts (LAPACK `stebz`), eigenvectors by
//! inverse iteration with Gram-Schmidt inside clusters of close eigenvalues (LAPACK `stein`).
//! Everything is `O(n)` per eigenvalue and per eigenvector (`O(n²)` for the whole spectrum).

use crate::error::{LinalgError, Result};

pub(crate) mod dc;

/// Eigenvalues closer than `CLUSTER * ‖T‖₁` get their vectors orthogonalised against each
/// other. LAPACK `stein` uses `1e-3`, which turns the spectrum of a random matrix into a few
/// huge clusters (`O(n³)`); inverse iteration alone leaves two vectors orthogonal to about
/// `ε ‖T‖ / gap`, so `1e-4` keeps them orthogonal to ~`1e-12`.
const CLUSTER: f64 = 1e-4;
/// Inverse-iteration steps (LAPACK `stein`'s MAXITS) and extra steps after convergence
/// (`stein`'s EXTRA is 2; the eigenvalues here are accurate to `ε ‖T‖`, so one extra step
/// already damps the other eigenvectors' components by `(ε ‖T‖ / gap)²`).
const MAXITS: usize = 5;
const EXTRA: usize = 1;

/// Number of eigenvalues of the tridiagonal `(d, e2 = e²)` below `x` (LAPACK `laebz`'s count).
fn sturm_count(d: &[f64], e2: &[f64], x: f64, pivmin: f64) -> usize {
    let mut q = d[0] - x;
    if q.abs() < pivmin {
        q = -pivmin;
    }
    let mut count = usize::from(q < 0.0);
    for i in 1..d.len() {
        q = d[i] - x - e2[i - 1] / q;
        if q.abs() < pivmin {
            q = -pivmin;
        }
        count += usize::from(q < 0.0);
    }
    count
}

/// The tridiagonal's 1-norm, Gershgorin interval and `laebz`'s `pivmin`.
pub(crate) struct Bounds {
    pub onenrm: f64,
    gl: f64,
    gu: f64,
    pivmin: f64,
}

pub(crate) fn bounds(d: &[f64], e: &[f64]) -> Bounds {
    let n = d.len();
    let (mut gl, mut gu, mut onenrm) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
    for i in 0..n {
        let r = if i > 0 { e[i - 1].abs() } else { 0.0 } + if i + 1 < n { e[i].abs() } else { 0.0 };
        gl = gl.min(d[i] - r);
        gu = gu.max(d[i] + r);
        onenrm = onenrm.max(d[i].abs() + r);
    }
    let emax = e.iter().fold(0.0f64, |m, x| m.max(x * x));
    let pivmin = f64::MIN_POSITIVE * emax.max(1.0);
    let tnorm = gl.abs().max(gu.abs());
    let fudge = 2.1 * tnorm * f64::EPSILON * n as f64 + 4.2 * pivmin;
    Bounds { onenrm, gl: gl - fudge, gu: gu + fudge, pivmin }
}

/// Eigenvalues with ascending indices `lo..hi` by bisection (LAPACK `stebz`): each interval is
/// halved until narrower than `max(atol, pivmin, 2ε max(|l|, |u|))`, `atol = tol` or, for
/// `tol <= 0`, `ε max(|gl|, |gu|)` (SciPy's default `tol=0`).
pub(crate) fn bisect(d: &[f64], e: &[f64], b: &Bounds, lo: usize, hi: usize, tol: f64) -> Vec<f64> {
    let e2: Vec<f64> = e.iter().map(|x| x * x).collect();
    let ulp = f64::EPSILON;
    let atol = if tol > 0.0 { tol } else { ulp * b.gl.abs().max(b.gu.abs()) };
    let one = |k: usize| {
        let (mut l, mut u) = (b.gl, b.gu);
        while u - l > atol.max(b.pivmin).max(2.0 * ulp * l.abs().max(u.abs())) {
            let mid = 0.5 * (l + u);
            if mid <= l || mid >= u {
                break;
            }
            if sturm_count(d, &e2, mid, b.pivmin) > k {
                u = mid;
            } else {
                l = mid;
            }
        }
        0.5 * (l + u)
    };
    let one = &one;
    let mut out = vec![0.0; hi - lo];
    let parts = threads((hi - lo) * d.len() * 50);
    let per = (hi - lo).div_ceil(parts).max(1);
    std::thread::scope(|sc| {
        for (c, chunk) in out.chunks_mut(per).enumerate() {
            let mut job = move || chunk.iter_mut().enumerate().for_each(|(i, x)| *x = one(lo + c * per + i));
            if parts > 1 {
                sc.spawn(job);
            } else {
                job();
            }
        }
    });
    out
}

/// Threads for `work` flops: one below 2·10⁵, else the available cores.
fn threads(work: usize) -> usize {
    if work < 200_000 { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()) }
}

/// Number of eigenvalues below `x`.
pub(crate) fn count_below(d: &[f64], e: &[f64], b: &Bounds, x: f64) -> usize {
    let e2: Vec<f64> = e.iter().map(|x| x * x).collect();
    sturm_count(d, &e2, x, b.pivmin)
}

/// All eigenvalues, ascending, by the implicit QL method with Wilkinson shifts (EISPACK `tql1`)
/// on the matrix scaled to unit max-norm.
pub(crate) fn ql_values(d_in: &[f64], e_in: &[f64]) -> Result<Vec<f64>> {
    let n = d_in.len();
    let scale = d_in.iter().chain(e_in).fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        return Ok(vec![0.0; n]);
    }
    let mut d: Vec<f64> = d_in.iter().map(|x| x / scale).collect();
    let e: Vec<f64> = e_in.iter().map(|x| x / scale).collect();
    ql_root_free(&mut d, &e)?;
    d.sort_by(f64::total_cmp);
    d.iter_mut().for_each(|x| *x *= scale);
    Ok(d)
}

/// Eigenvalues (unsorted) into `d` by the root-free implicit QL method of Pal, Walker and
/// Kahan (LAPACK `sterf`): the rotations are carried in squared form, so the inner loop has
/// two divisions and no square root; 2 × 2 blocks are finished in closed form (`lae2`).
fn ql_root_free(d: &mut [f64], e_in: &[f64]) -> Result<()> {
    let n = d.len();
    let eps2 = f64::EPSILON * f64::EPSILON;
    let mut e2: Vec<f64> = e_in.iter().map(|x| x * x).collect();
    let (max_iter, mut total) = (30 * n, 0);
    let mut l = 0;
    while l < n {
        let mut m = l;
        while m + 1 < n && e2[m] > eps2 * (d[m] * d[m + 1]).abs() {
            m += 1;
        }
        if m + 1 < n {
            e2[m] = 0.0;
        }
        if m == l {
            l += 1;
            continue;
        }
        if m == l + 1 {
            (d[l], d[l + 1]) = lae2(d[l], e2[l].sqrt(), d[l + 1]);
            e2[l] = 0.0;
            l += 2;
            continue;
        }
        total += 1;
        if total > max_iter {
            return Err(LinalgError::NoConvergence { iterations: total });
        }
        // Wilkinson shift from the leading 2 × 2 block.
        let rte = e2[l].sqrt();
        let g = (d[l + 1] - d[l]) / (2.0 * rte);
        let sigma = d[l] - rte / (g + g.hypot(1.0).copysign(g));
        let (mut c, mut s) = (1.0f64, 0.0f64);
        let mut gamma = d[m] - sigma;
        let mut p = gamma * gamma;
        for i in (l..m).rev() {
            let bb = e2[i];
            let r = p + bb;
            if i + 1 != m {
                e2[i + 1] = s * r;
            }
            // c = p / r and s = bb / r from one reciprocal; the new γ = c (α - σ) - s γ_old is
            // u / r with u = p (α - σ) - bb γ_old, which does not wait for the reciprocal, and
            // the next p = γ² / c = γ² r / p is γ (u / p), whose division overlaps the
            // reciprocal in the divider: some 22 cycles on the loop's critical path per step
            // instead of 31 for the textbook order (n = 2000: 40 -> 31 ms).
            let inv_r = 1.0 / r;
            let oldc = c;
            c = p * inv_r;
            s = bb * inv_r;
            let alpha = d[i];
            let u = p * (alpha - sigma) - bb * gamma;
            let oldgam = gamma;
            gamma = u * inv_r;
            d[i + 1] = oldgam + (alpha - gamma);
            p = if c != 0.0 { gamma * (u / p) } else { oldc * bb };
        }
        e2[l] = s * p;
        d[l] = sigma + gamma;
    }
    Ok(())
}

/// Eigenvalues `(rt1, rt2)`, `|rt1| >= |rt2|`, of `[[a, b], [b, c]]` (LAPACK `lae2`).
fn lae2(a: f64, b: f64, c: f64) -> (f64, f64) {
    let (sm, adf, ab) = (a + c, (a - c).abs(), (2.0 * b).abs());
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf).powi(2)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab).powi(2)).sqrt()
    } else {
        ab * std::f64::consts::SQRT_2
    };
    if sm == 0.0 {
        return (0.5 * rt, -0.5 * rt);
    }
    let rt1 = 0.5 * (sm + rt.copysign(sm));
    (rt1, (acmx / rt1) * acmn - (b / rt1) * b)
}

/// Implicit QL with Wilkinson shifts (EISPACK `tql1`/`tql2`) on `(d, e_in)`: the eigenvalues
/// (unsorted) into `d`; with `q = Some((q, ld))`, the rotations are also applied to the columns
/// (`n` rows, leading dimension `ld`) of `q`.
pub(crate) fn ql(d: &mut [f64], e_in: &[f64], mut q: Option<(&mut [f64], usize)>) -> Result<()> {
    let n = d.len();
    let mut e: Vec<f64> = e_in.iter().copied().chain([0.0]).collect();
    let eps = f64::EPSILON;
    for l in 0..n {
        let mut iter = 0;
        loop {
            let mut m = l;
            while m + 1 < n && e[m].abs() > eps * (d[m].abs() + d[m + 1].abs()) {
                m += 1;
            }
            if m == l {
                break;
            }
            iter += 1;
            if iter > 60 {
                return Err(LinalgError::NoConvergence { iterations: iter });
            }
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            // The matrix is scaled to unit max-norm: no overflow in the squares (hypot is slow).
            let mut r = (g * g + 1.0).sqrt();
            g = d[m] - d[l] + e[l] / (g + r.copysign(g));
            let (mut s, mut c, mut p) = (1.0f64, 1.0f64, 0.0f64);
            let mut early = false;
            for i in (l..m).rev() {
                let f = s * e[i];
                let b = c * e[i];
                r = (f * f + g * g).sqrt();
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    early = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
                if let Some((q, ld)) = q.as_mut() {
                    let (zi, zi1) = dc::two_cols(q, *ld, n, i, i + 1);
                    for (x, y) in zi.iter_mut().zip(zi1.iter_mut()) {
                        let f = *y;
                        *y = s * *x + c * f;
                        *x = c * *x - s * f;
                    }
                }
            }
            if early {
                continue;
            }
            d[l] -= p;
            e[l] = g;
            e[m] = 0.0;
        }
    }
    Ok(())
}

/// `T - λI = P L U` by Gaussian elimination with partial pivoting (LAPACK `lagtf`); the zero
/// (or tiny) pivots of `U` are replaced by `±pert` (as `lagts`).
struct TriLu {
    u1: Vec<f64>,
    u2: Vec<f64>,
    u3: Vec<f64>,
    l: Vec<f64>,
    piv: Vec<bool>,
}

impl TriLu {
    fn new(d: &[f64], e: &[f64], lambda: f64, pert: f64) -> Self {
        let n = d.len();
        let (mut u1, mut u2, mut u3) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        let (mut l, mut piv) = (vec![0.0; n], vec![false; n]);
        // The pending row holds (x, y) in columns (k, k + 1).
        let (mut x, mut y) = (d[0] - lambda, if n > 1 { e[0] } else { 0.0 });
        for k in 0..n - 1 {
            let (c, a, b) = (e[k], d[k + 1] - lambda, if k + 2 < n { e[k + 1] } else { 0.0 });
            if x.abs() >= c.abs() {
                let mult = if x == 0.0 { 0.0 } else { c / x };
                (u1[k], u2[k], u3[k]) = (x, y, 0.0);
                l[k] = mult;
                (x, y) = (a - mult * y, b);
            } else {
                let mult = x / c;
                (u1[k], u2[k], u3[k]) = (c, a, b);
                l[k] = mult;
                piv[k] = true;
                (x, y) = (y - mult * a, -mult * b);
            }
        }
        u1[n - 1] = x;
        // Stored as reciprocals: the solves multiply.
        for u in &mut u1 {
            if u.abs() < pert {
                *u = if *u < 0.0 { -pert } else { pert };
            }
            *u = 1.0 / *u;
        }
        Self { u1, u2, u3, l, piv }
    }

    fn solve(&self, r: &mut [f64]) {
        let n = r.len();
        for k in 0..n - 1 {
            if self.piv[k] {
                r.swap(k, k + 1);
            }
            r[k + 1] -= self.l[k] * r[k];
        }
        r[n - 1] *= self.u1[n - 1];
        if n > 1 {
            r[n - 2] = (r[n - 2] - self.u2[n - 2] * r[n - 1]) * self.u1[n - 2];
        }
        for k in (0..n.saturating_sub(2)).rev() {
            r[k] = (r[k] - self.u2[k] * r[k + 1] - self.u3[k] * r[k + 2]) * self.u1[k];
        }
    }
}

/// A fixed pseudo-random start vector in (-1, 1) for eigenvalue `j` (as `stein`'s `larnv`).
fn start_vector(j: usize, out: &mut [f64]) {
    let mut s = (j as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D;
    for x in out {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        *x = (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0;
    }
}

/// Eigenvectors of the eigenvalues `w` (ascending) by inverse iteration (LAPACK `stein`),
/// column-major `n × w.len()`; each column has unit 2-norm and its largest entry positive.
pub(crate) fn inverse_iteration(d: &[f64], e: &[f64], w: &[f64], onenrm: f64) -> Result<Vec<f64>> {
    let n = d.len();
    let m = w.len();
    let mut out = vec![0.0; n * m];
    if m == 0 {
        return Ok(out);
    }
    let ortol = CLUSTER * onenrm;
    // Clusters: maximal runs with consecutive gaps <= ortol.
    let mut starts = vec![0];
    for j in 1..m {
        if w[j] - w[j - 1] > ortol {
            starts.push(j);
        }
    }
    starts.push(m);
    let mut chunks: Vec<(usize, &mut [f64])> = Vec::with_capacity(starts.len());
    let mut rest = out.as_mut_slice();
    for win in starts.windows(2) {
        let (head, tail) = rest.split_at_mut((win[1] - win[0]) * n);
        chunks.push((win[0], head));
        rest = tail;
    }
    let parts = threads(n * m * 30);
    // Clusters dealt round-robin by size to the threads.
    let mut groups: Vec<Vec<(usize, &mut [f64])>> = (0..parts).map(|_| Vec::new()).collect();
    for (i, c) in chunks.into_iter().enumerate() {
        groups[i % parts].push(c);
    }
    let run = |g: Vec<(usize, &mut [f64])>| -> Result<()> {
        g.into_iter().try_for_each(|(j0, cols)| cluster(d, e, w, j0, cols, onenrm))
    };
    std::thread::scope(|sc| {
        let mut it = groups.into_iter();
        let first = it.next().expect("at least one thread");
        let handles: Vec<_> = it.map(|g| sc.spawn(move || run(g))).collect();
        let mut res = run(first);
        for h in handles {
            let r = h.join().expect("inverse iteration thread panicked");
            res = res.and(r);
        }
        res
    })?;
    Ok(out)
}

fn cluster(d: &[f64], e: &[f64], w: &[f64], j0: usize, cols: &mut [f64], onenrm: f64) -> Result<()> {
    let n = d.len();
    let eps = f64::EPSILON;
    let pert = (eps * onenrm).max(f64::MIN_POSITIVE);
    let dtpcrt = (0.1 / n as f64).sqrt();
    let mut prev = f64::NEG_INFINITY;
    for (k, j) in (j0..j0 + cols.len() / n).enumerate() {
        let mut lambda = w[j];
        // Equal eigenvalues in a cluster are pulled apart (stein's pertol).
        let pertol = 10.0 * (eps * lambda).abs();
        if k > 0 && lambda - prev < pertol {
            lambda = prev + pertol;
        }
        prev = lambda;
        let lu = TriLu::new(d, e, lambda, pert);
        let (done, here) = cols.split_at_mut(k * n);
        let x = &mut here[..n];
        start_vector(j, x);
        let (mut nrmchk, mut converged) = (0, false);
        for _ in 0..MAXITS {
            let asum: f64 = x.iter().map(|v| v.abs()).sum();
            let scl = n as f64 * onenrm * eps.max(1.0 / lu.u1[n - 1].abs()) / asum;
            x.iter_mut().for_each(|v| *v *= scl);
            lu.solve(x);
            for q in done.chunks_exact(n) {
                let dot: f64 = q.iter().zip(x.iter()).map(|(a, b)| a * b).sum();
                x.iter_mut().zip(q).for_each(|(v, qi)| *v -= dot * qi);
            }
            let nrm = x.iter().fold(0.0f64, |mx, v| mx.max(v.abs()));
            if nrm < dtpcrt {
                continue;
            }
            nrmchk += 1;
            if nrmchk > EXTRA {
                converged = true;
                break;
            }
        }
        if !converged {
            return Err(LinalgError::NoConvergence { iterations: MAXITS });
        }
        let nrm2 = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        let big = x.iter().copied().fold(0.0f64, |acc, v| if v.abs() > acc.abs() { v } else { acc });
        let scl = if big < 0.0 { -1.0 / nrm2 } else { 1.0 / nrm2 };
        x.iter_mut().for_each(|v| *v *= scl);
    }
    Ok(())
}

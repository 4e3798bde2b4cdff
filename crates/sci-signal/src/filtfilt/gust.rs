//! Gustafsson's forward-backward filtering: `filtfilt(..., method='gust')`.

use crate::filter::Coeffs;
use crate::real::Real;

/// A least-squares solver for a fixed tall matrix `A` (`rows × k`, `k = 2 · order` small):
/// Householder QR `A = Q R` (LAPACK `geqr2`'s reflectors), then the SVD of the `k × k` `R` by
/// one-sided Jacobi rotations, singular values below `eps * max` dropped (minimum-norm
/// solutions, as LAPACK's `gelsd` that SciPy calls). The QR first costs `2 rows k²` flops; the
/// Jacobi sweeps on the tall matrix itself, which this replaced, passed over all of it for each
/// of the `k (k - 1) / 2` pairs in every sweep (100 000 samples, order 4: 61 ms a call, SciPy
/// 24-26 ms).
struct LstSq<T> {
    /// Householder vectors: `h[j]` acts on rows `j..` (`h[j][0] = 1`).
    h: Vec<Vec<T>>,
    tau: Vec<T>,
    /// Left singular vectors of `R` (columns of length `min(rows, k)`) times `1 / sigma` (zero for
    /// dropped values).
    u: Vec<Vec<T>>,
    /// Right singular vectors, `v[i][j]` = row `i`, column `j`.
    v: Vec<Vec<T>>,
}

/// `x · y` with eight partial sums (so the loop vectorizes).
fn dot<T: Real>(x: &[T], y: &[T]) -> T {
    let n = x.len().min(y.len());
    let (xc, yc) = (x[..n].chunks_exact(8), y[..n].chunks_exact(8));
    let tail = xc.remainder().iter().zip(yc.remainder()).fold(T::zero(), |s, (p, q)| s + *p * *q);
    let mut acc = [T::zero(); 8];
    for (a, b) in xc.zip(yc) {
        for l in 0..8 {
            acc[l] = acc[l] + a[l] * b[l];
        }
    }
    acc.iter().fold(tail, |s, &v| s + v)
}

/// `x ← (I - tau v vᵀ) x` for the reflector `v` (`v[0] = 1`) of the same length as `x`.
fn reflect<T: Real>(v: &[T], tau: T, x: &mut [T]) {
    let w = tau * dot(v, x);
    x.iter_mut().zip(v).for_each(|(p, q)| *p = *p - w * *q);
}

impl<T: Real> LstSq<T> {
    /// `a` holds the columns of `A` (each `rows` long).
    fn new(mut a: Vec<Vec<T>>) -> Self {
        let k = a.len();
        // Rows of R: fewer than `k` for a signal shorter than the columns.
        let kr = k.min(a.first().map_or(0, Vec::len));
        let mut h = Vec::with_capacity(kr);
        let mut tau = Vec::with_capacity(kr);
        for j in 0..kr {
            let (done, rest) = a.split_at_mut(j + 1);
            let col = &mut done[j][j..];
            let alpha = col[0];
            let xnorm = dot(&col[1..], &col[1..]).sqrt();
            let mut v = col.to_vec();
            v[0] = T::one();
            if xnorm == T::zero() {
                tau.push(T::zero());
            } else {
                let r = (alpha * alpha + xnorm * xnorm).sqrt();
                let beta = if alpha >= T::zero() { -r } else { r };
                let scale = T::one() / (alpha - beta);
                v[1..].iter_mut().for_each(|x| *x = *x * scale);
                let t = (beta - alpha) / beta;
                col[0] = beta;
                for c in rest.iter_mut() {
                    reflect(&v, t, &mut c[j..]);
                }
                tau.push(t);
            }
            h.push(v);
        }
        // The columns of R, then its SVD by one-sided Jacobi on those columns.
        let mut r: Vec<Vec<T>> = a
            .iter()
            .enumerate()
            .map(|(l, c)| (0..kr).map(|i| if i <= l { c[i] } else { T::zero() }).collect())
            .collect();
        let mut v: Vec<Vec<T>> =
            (0..k).map(|i| (0..k).map(|j| if i == j { T::one() } else { T::zero() }).collect()).collect();
        let eps = T::epsilon();
        for _sweep in 0..60 {
            let mut rotated = false;
            for i in 0..k {
                for j in i + 1..k {
                    let (alpha, beta, gamma) = (dot(&r[i], &r[i]), dot(&r[j], &r[j]), dot(&r[i], &r[j]));
                    if gamma == T::zero() || gamma.abs() <= eps * (alpha * beta).sqrt() {
                        continue;
                    }
                    rotated = true;
                    let zeta = (beta - alpha) / (gamma + gamma);
                    let t = zeta.signum() / (zeta.abs() + (T::one() + zeta * zeta).sqrt());
                    let c = T::one() / (T::one() + t * t).sqrt();
                    let s = c * t;
                    let rot = |m: &mut Vec<Vec<T>>| {
                        let (lo, hi) = m.split_at_mut(j);
                        for (p, q) in lo[i].iter_mut().zip(hi[0].iter_mut()) {
                            let (x, y) = (*p, *q);
                            *p = c * x - s * y;
                            *q = s * x + c * y;
                        }
                    };
                    rot(&mut r);
                    // v holds columns as rows here (v[col][row]), rotated the same way.
                    rot(&mut v);
                }
            }
            if !rotated {
                break;
            }
        }
        let sigma: Vec<T> = r.iter().map(|c| dot(c, c).sqrt()).collect();
        let smax = sigma.iter().copied().fold(T::zero(), T::max);
        let cut = eps * smax;
        for (col, &s) in r.iter_mut().zip(&sigma) {
            // u_i / sigma_i = (column / sigma_i) / sigma_i
            let f = if s > cut && s > T::zero() { T::one() / (s * s) } else { T::zero() };
            col.iter_mut().for_each(|x| *x = *x * f);
        }
        // Transpose v back to v[row][col].
        let v = (0..k).map(|row| (0..k).map(|c| v[c][row]).collect()).collect();
        LstSq { h, tau, u: r, v }
    }

    /// The minimum-norm least-squares solution for the right-hand side `qb`, which is
    /// overwritten (by `Qᵀ b`).
    fn solve(&self, qb: &mut [T], x: &mut [T]) {
        for (j, (v, &t)) in self.h.iter().zip(&self.tau).enumerate() {
            if t != T::zero() {
                reflect(v, t, &mut qb[j..]);
            }
        }
        let kr = self.h.len();
        let c: Vec<T> = self.u.iter().map(|u| dot(u, &qb[..kr])).collect();
        for (xi, row) in x.iter_mut().zip(&self.v) {
            *xi = dot(row, &c);
        }
    }
}

/// What Gustafsson's method precomputes for one filter and one signal length.
pub(crate) struct Gust<T> {
    c: Coeffs<T>,
    /// Samples at each end the initial conditions act on (`n` when the whole signal).
    m: usize,
    n: usize,
    lstsq: LstSq<T>,
    /// The zero-input response `O[:, 0]` (length `m`); `O[i, k] = o0[i - k]`.
    o0: Vec<T>,
    /// The columns of `S` (length `m` each); `W = [S^R, O^R]` is formed from these two.
    s: Vec<Vec<T>>,
}

impl<T: Real> Gust<T> {
    /// Builds the observability matrix `O`, `S` and the least-squares problem of Gustafsson's
    /// paper (SciPy's `_filtfilt_gust`).
    pub(crate) fn new(c: Coeffs<T>, n: usize, irlen: Option<usize>) -> Self {
        let p = c.order();
        let m = match irlen {
            Some(l) if n > 2 * l => l,
            _ => n,
        };
        // O[:, 0]: the zero-input response from the state e0; O[k:, k] = O[:-k, 0].
        let mut z = vec![T::zero(); p];
        let mut o0 = vec![T::zero(); m];
        if p > 0 {
            z[0] = T::one();
            c.run(&vec![T::zero(); m], &mut o0, &mut z);
        }
        // Column k of O, O[i, k] = o0[i - k] (zero above).
        let obs = |k: usize, i: usize| if i >= k { o0[i - k] } else { T::zero() };
        // S = lfilter(b, a, O[::-1], axis=0), column by column.
        let mut rev = vec![T::zero(); m];
        let s: Vec<Vec<T>> = (0..p)
            .map(|k| {
                rev.iter_mut().enumerate().for_each(|(i, v)| *v = obs(k, m - 1 - i));
                let mut y = vec![T::zero(); m];
                z.iter_mut().for_each(|v| *v = T::zero());
                c.run(&rev, &mut y, &mut z);
                y
            })
            .collect();
        // The columns of M = [S^R - O, O^R - S] (rows 0..m, then n - m..n of the signal;
        // the same rows when the whole signal is used, `m == n`).
        let rows = if m == n { n } else { 2 * m };
        let mut mcols = Vec::with_capacity(2 * p);
        for (k, sk) in s.iter().enumerate() {
            let mut col = vec![T::zero(); rows];
            col[..m].iter_mut().enumerate().for_each(|(i, v)| *v = sk[m - 1 - i] - obs(k, i));
            mcols.push(col);
        }
        for (k, sk) in s.iter().enumerate() {
            let mut col = vec![T::zero(); rows];
            col[rows - m..].iter_mut().enumerate().for_each(|(i, v)| *v = obs(k, m - 1 - i) - sk[i]);
            mcols.push(col);
        }
        Gust { c, m, n, lstsq: LstSq::new(mcols), o0, s }
    }

    /// Filters one lane `x` into `y`; `buf` is scratch.
    pub(crate) fn run(&self, x: &[T], y: &mut [T], buf: &mut Vec<T>) {
        let (n, m, p) = (self.n, self.m, self.c.order());
        if p == 0 {
            let g = self.c.b[0] * self.c.b[0];
            y.iter_mut().zip(x).for_each(|(o, v)| *o = g * *v);
            return;
        }
        buf.resize(4 * n, T::zero());
        let (t1, rest) = buf.split_at_mut(n);
        let (y_fb, rest) = rest.split_at_mut(n);
        let (y_bf, t2) = rest.split_at_mut(n);
        let mut z = vec![T::zero(); p];
        let mut filt = |src: &[T], dst: &mut [T]| {
            z.iter_mut().for_each(|v| *v = T::zero());
            self.c.run(src, dst, &mut z);
        };
        // Forward-backward from rest.
        filt(x, t1);
        t1.reverse();
        filt(t1, y_fb);
        y_fb.reverse();
        // Backward-forward from rest.
        t2.copy_from_slice(x);
        t2.reverse();
        filt(t2, t1);
        t1.reverse();
        filt(t1, y_bf);
        let mut delta: Vec<T> = if m == n {
            y_bf.iter().zip(y_fb.iter()).map(|(a, b)| *a - *b).collect()
        } else {
            let d = |i: usize| y_bf[i] - y_fb[i];
            (0..m).map(d).chain((n - m..n).map(d)).collect()
        };
        let mut ic = vec![T::zero(); 2 * p];
        self.lstsq.solve(&mut delta, &mut ic);
        y.copy_from_slice(y_fb);
        // y += W ic with W = [S^R, O^R] (S^R on the first m samples, O^R on the last m).
        let (ic_s, ic_o) = ic.split_at(p);
        for (sk, &coef) in self.s.iter().zip(ic_s) {
            y[..m].iter_mut().zip(sk.iter().rev()).for_each(|(o, w)| *o = *o + *w * coef);
        }
        for (k, &coef) in ic_o.iter().enumerate() {
            // O^R[i, k] = O[m - 1 - i, k] = o0[m - 1 - i - k] for i < m - k, zero after.
            let tail = &mut y[n - m..n - k.min(m)];
            tail.iter_mut().zip(self.o0.iter().rev().skip(k)).for_each(|(o, w)| *o = *o + *w * coef);
        }
    }
}

//! Gustafsson's forward-backward filtering: `filtfilt(..., method='gust')`.

use crate::filter::Coeffs;
use crate::real::Real;

/// A least-squares solver for a fixed tall matrix: its thin SVD by one-sided Jacobi rotations,
/// singular values below `eps * max` dropped (minimum-norm solutions, as LAPACK's `gelsd`).
struct LstSq<T> {
    /// Left singular vectors (columns of length `rows`), zero for dropped values.
    u: Vec<Vec<T>>,
    /// `1 / sigma` (0 for dropped values).
    sinv: Vec<T>,
    /// Right singular vectors, `v[i][j]` = row `i`, column `j`.
    v: Vec<Vec<T>>,
}

impl<T: Real> LstSq<T> {
    fn new(mut a: Vec<Vec<T>>) -> Self {
        let k = a.len();
        let mut v: Vec<Vec<T>> =
            (0..k).map(|i| (0..k).map(|j| if i == j { T::one() } else { T::zero() }).collect()).collect();
        let dot = |x: &[T], y: &[T]| x.iter().zip(y).fold(T::zero(), |s, (p, q)| s + *p * *q);
        let eps = T::epsilon();
        for _sweep in 0..60 {
            let mut rotated = false;
            for i in 0..k {
                for j in i + 1..k {
                    let (alpha, beta, gamma) = (dot(&a[i], &a[i]), dot(&a[j], &a[j]), dot(&a[i], &a[j]));
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
                    rot(&mut a);
                    // v holds columns as rows here (v[col][row]), rotated the same way.
                    rot(&mut v);
                }
            }
            if !rotated {
                break;
            }
        }
        let sigma: Vec<T> = a.iter().map(|c| dot(c, c).sqrt()).collect();
        let smax = sigma.iter().copied().fold(T::zero(), T::max);
        let cut = eps * smax;
        let sinv: Vec<T> =
            sigma.iter().map(|&s| if s > cut && s > T::zero() { T::one() / s } else { T::zero() }).collect();
        for (col, &si) in a.iter_mut().zip(&sinv) {
            col.iter_mut().for_each(|x| *x = *x * si);
        }
        // Transpose v back to v[row][col].
        let v = (0..k).map(|r| (0..k).map(|c| v[c][r]).collect()).collect();
        LstSq { u: a, sinv, v }
    }

    /// The minimum-norm least-squares solution for the right-hand side `b`.
    fn solve(&self, b: &[T], x: &mut [T]) {
        let c: Vec<T> = self
            .u
            .iter()
            .zip(&self.sinv)
            .map(|(u, &si)| u.iter().zip(b).fold(T::zero(), |s, (p, q)| s + *p * *q) * si)
            .collect();
        for (xi, row) in x.iter_mut().zip(&self.v) {
            *xi = row.iter().zip(&c).fold(T::zero(), |s, (p, q)| s + *p * *q);
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
    /// The columns of `W = [S^R, O^R]` (length `m` each: top block, then bottom block).
    w: Vec<Vec<T>>,
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
        let obs: Vec<Vec<T>> =
            (0..p).map(|k| (0..m).map(|i| if i >= k { o0[i - k] } else { T::zero() }).collect()).collect();
        // S = lfilter(b, a, O[::-1], axis=0).
        let s: Vec<Vec<T>> = obs
            .iter()
            .map(|col| {
                let rev: Vec<T> = col.iter().rev().copied().collect();
                let mut y = vec![T::zero(); m];
                z.iter_mut().for_each(|v| *v = T::zero());
                c.run(&rev, &mut y, &mut z);
                y
            })
            .collect();
        let rev = |v: &[T]| v.iter().rev().copied().collect::<Vec<T>>();
        let full = m == n;
        let rows = if full { n } else { 2 * m };
        // Column of the stacked matrix: `top` on the first block, `bottom` on the second (the
        // same rows when the whole signal is used).
        let place = |top: Option<Vec<T>>, bottom: Option<Vec<T>>| {
            let mut col = vec![T::zero(); rows];
            if full {
                col.copy_from_slice(top.as_deref().or(bottom.as_deref()).expect("one block"));
            } else {
                if let Some(t) = top {
                    col[..m].copy_from_slice(&t);
                }
                if let Some(b) = bottom {
                    col[m..].copy_from_slice(&b);
                }
            }
            col
        };
        let mut mcols = Vec::with_capacity(2 * p);
        let mut w = Vec::with_capacity(2 * p);
        for (o, sk) in obs.iter().zip(&s) {
            let sr = rev(sk);
            mcols.push(place(Some(sr.iter().zip(o).map(|(a, b)| *a - *b).collect()), None));
            w.push(place(Some(sr), None));
        }
        for (o, sk) in obs.iter().zip(&s) {
            let or = rev(o);
            mcols.push(place(None, Some(or.iter().zip(sk).map(|(a, b)| *a - *b).collect())));
            w.push(place(None, Some(or)));
        }
        Gust { c, m, n, lstsq: LstSq::new(mcols), w }
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
        let delta: Vec<T> = if m == n {
            y_bf.iter().zip(y_fb.iter()).map(|(a, b)| *a - *b).collect()
        } else {
            let d = |i: usize| y_bf[i] - y_fb[i];
            (0..m).map(d).chain((n - m..n).map(d)).collect()
        };
        let mut ic = vec![T::zero(); 2 * p];
        self.lstsq.solve(&delta, &mut ic);
        y.copy_from_slice(y_fb);
        for (col, &coef) in self.w.iter().zip(&ic) {
            if m == n {
                y.iter_mut().zip(col).for_each(|(o, w)| *o = *o + *w * coef);
            } else {
                y[..m].iter_mut().zip(&col[..m]).for_each(|(o, w)| *o = *o + *w * coef);
                y[n - m..].iter_mut().zip(&col[m..]).for_each(|(o, w)| *o = *o + *w * coef);
            }
        }
    }
}

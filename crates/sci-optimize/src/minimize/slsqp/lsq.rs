//! The least-squares subproblems of SLSQP (Lawson & Hanson; SciPy's C rewrite of Kraft's
//! code): NNLS, LDP, LSI, LSEI and the LSQ driver. Matrices are column-major `Vec<f64>` as in
//! the original, `a[i + j * lda]`.

/// LAPACK's `dlarfg`: `(beta, tau)` with `H [alpha; x] = [beta; 0]`, `H = I - tau v v^T`,
/// `v = [1; x_out]`; `beta = -sign(alpha) |[alpha; x]|`. `x` is overwritten with `v`'s tail.
pub(crate) fn dlarfg(alpha: f64, x: &mut [f64]) -> (f64, f64) {
    let xnorm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    if xnorm == 0.0 {
        return (alpha, 0.0);
    }
    let beta = -alpha.signum() * alpha.hypot(xnorm);
    let tau = (beta - alpha) / beta;
    let s = 1.0 / (alpha - beta);
    x.iter_mut().for_each(|v| *v *= s);
    (beta, tau)
}

/// LAPACK's `dlarfgp`: as [`dlarfg`] with `beta >= 0`.
fn dlarfgp(alpha: f64, x: &mut [f64]) -> (f64, f64) {
    let xnorm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    if xnorm == 0.0 {
        if alpha >= 0.0 {
            return (alpha, 0.0);
        }
        x.iter_mut().for_each(|v| *v = 0.0);
        return (-alpha, 2.0);
    }
    let mut beta = alpha.hypot(xnorm).copysign(alpha);
    let mut a = alpha + beta;
    let tau;
    if beta < 0.0 {
        beta = -beta;
        tau = -a / beta;
    } else {
        a = xnorm * (xnorm / a);
        tau = a / beta;
        a = -a;
    }
    let s = 1.0 / a;
    x.iter_mut().for_each(|v| *v *= s);
    (beta, tau)
}

/// Applies `H = I - tau v v^T` (`v[0] = 1` implied by the caller's storage) to `c`.
fn apply_h(v: &[f64], tau: f64, c: &mut [f64]) {
    if tau == 0.0 {
        return;
    }
    let w: f64 = v.iter().zip(c.iter()).map(|(a, b)| a * b).sum();
    for (ci, vi) in c.iter_mut().zip(v) {
        *ci -= tau * w * vi;
    }
}

/// LAPACK's `dlartgp`: `(c, s, r)` with `[c s; -s c] [f; g] = [r; 0]`, `r >= 0`.
fn dlartgp(f: f64, g: f64) -> (f64, f64, f64) {
    if g == 0.0 {
        return (if f < 0.0 { -1.0 } else { 1.0 }, 0.0, f.abs());
    }
    if f == 0.0 {
        return (0.0, g.signum(), g.abs());
    }
    let r = f.hypot(g);
    (f / r, g / r, r)
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Lawson & Hanson's NNLS on the column-major `m x n` matrix `a` (overwritten) and `b`
/// (overwritten): `(x, rnorm, info)`; `info` 1 success, 3 iteration limit.
pub(crate) fn nnls(m: usize, n: usize, a: &mut [f64], b: &mut [f64], maxiter: usize) -> (Vec<f64>, f64, i32) {
    let mut info = 1;
    let mut x = vec![0.0; n];
    let mut w = vec![0.0; n];
    let mut zz = vec![0.0; m];
    let mut idx: Vec<usize> = (0..n).collect();
    let mut indz = 0usize;
    let mut iteration = 0usize;
    let mut tau;
    let mut jj = 0usize;
    'outer: while indz < m.min(n) {
        for i in indz..n {
            let j = idx[i];
            w[j] = (indz..m).map(|k| a[k + j * m] * b[k]).sum();
        }
        let (iz, j, pivot);
        loop {
            let mut wmax = 0.0;
            let mut izmax = 0;
            for (k, &jk) in idx.iter().enumerate().skip(indz) {
                if w[jk] > wmax {
                    wmax = w[jk];
                    izmax = k;
                }
            }
            if wmax <= 0.0 {
                break 'outer;
            }
            let jc = idx[izmax];
            let (beta, t) = dlarfgp(a[indz + jc * m], &mut a[indz + 1 + jc * m..(jc + 1) * m]);
            tau = t;
            let unorm = norm(&a[jc * m..jc * m + indz]);
            if (unorm + beta.abs() * 0.01) - unorm > 0.0 {
                zz.copy_from_slice(b);
                let pivot2 = a[indz + jc * m];
                a[indz + jc * m] = 1.0;
                apply_h(&a[indz + jc * m..(jc + 1) * m], tau, &mut zz[indz..]);
                let ztest = zz[indz] / beta;
                if ztest > 0.0 {
                    iz = izmax;
                    j = jc;
                    pivot = beta;
                    break;
                }
                a[indz + jc * m] = pivot2;
            }
            w[jc] = 0.0;
        }
        b.copy_from_slice(&zz);
        idx[iz] = idx[indz];
        idx[indz] = j;
        indz += 1;
        if indz < n {
            let v = a[indz - 1 + j * m..(j + 1) * m].to_vec();
            for k in indz..n {
                let c = idx[k];
                apply_h(&v, tau, &mut a[indz - 1 + c * m..(c + 1) * m]);
            }
        }
        a[indz - 1 + j * m] = pivot;
        for i in indz..m {
            a[j * m + i] = 0.0;
        }
        w[j] = 0.0;
        solve_p(a, m, &idx, indz, &mut zz, &mut jj);
        loop {
            iteration += 1;
            if iteration >= maxiter {
                info = 3;
                break 'outer;
            }
            let mut alpha = 2.0;
            for ip in 0..indz {
                let k = idx[ip];
                if zz[ip] <= 0.0 {
                    let t = -x[k] / (zz[ip] - x[k]);
                    if alpha > t {
                        alpha = t;
                        jj = ip;
                    }
                }
            }
            if alpha == 2.0 {
                break;
            }
            for ip in 0..indz {
                let k = idx[ip];
                x[k] += alpha * (zz[ip] - x[k]);
            }
            let mut i = idx[jj];
            loop {
                x[i] = 0.0;
                if jj + 1 != indz {
                    jj += 1;
                    for jr in jj..indz {
                        let ii = idx[jr];
                        idx[jr - 1] = ii;
                        let (cc, ss, r) = dlartgp(a[jr - 1 + ii * m], a[jr + ii * m]);
                        a[jr - 1 + ii * m] = r;
                        a[jr + ii * m] = 0.0;
                        for k in (0..n).filter(|&k| k != ii) {
                            let t = a[jr - 1 + k * m];
                            a[jr - 1 + k * m] = cc * t + ss * a[jr + k * m];
                            a[jr + k * m] = -ss * t + cc * a[jr + k * m];
                        }
                        let t = b[jr - 1];
                        b[jr - 1] = cc * t + ss * b[jr];
                        b[jr] = -ss * t + cc * b[jr];
                    }
                }
                indz -= 1;
                idx[indz] = i;
                if indz == 0 {
                    break;
                }
                match (0..indz).find(|&k| x[idx[k]] <= 0.0) {
                    Some(k) => {
                        jj = k;
                        i = idx[k];
                    }
                    None => break,
                }
            }
            zz.copy_from_slice(b);
            solve_p(a, m, &idx, indz, &mut zz, &mut jj);
        }
        for k in 0..indz {
            x[idx[k]] = zz[k];
        }
    }
    let rnorm = if indz < m { norm(&b[indz..m]) } else { 0.0 };
    (x, rnorm, info)
}

/// The permuted triangular solve of NNLS, in place on `zz`.
fn solve_p(a: &[f64], m: usize, idx: &[usize], indz: usize, zz: &mut [f64], jj: &mut usize) {
    for k in 0..indz {
        let ip = indz - 1 - k;
        if k != 0 {
            for i in 0..=ip {
                zz[i] -= a[i + *jj * m] * zz[ip + 1];
            }
        }
        *jj = idx[ip];
        zz[ip] /= a[ip + *jj * m];
    }
}

/// LDP: `min |x|^2 / 2` subject to `G x >= h` (`g` column-major `m x n`). Returns `(x, xnorm,
/// mode, multipliers)`; mode 1 success, 3 NNLS iteration limit, 4 incompatible.
pub(crate) fn ldp(m: usize, n: usize, g: &[f64], h: &[f64]) -> (Vec<f64>, f64, i32, Vec<f64>) {
    let mut x = vec![0.0; n];
    if m == 0 {
        return (x, 0.0, 1, vec![]);
    }
    let n1 = n + 1;
    let mut a = vec![0.0; n1 * m];
    for j in 0..m {
        for i in 0..n {
            a[i + j * n1] = g[j + i * m];
        }
        a[n + j * n1] = h[j];
    }
    let mut b = vec![0.0; n1];
    b[n] = 1.0;
    let (y, rnorm, mode) = nnls(n1, m, &mut a, &mut b, 3 * m);
    if mode != 1 {
        return (x, 0.0, mode, vec![0.0; m]);
    }
    if rnorm <= 0.0 {
        return (x, 0.0, 4, vec![0.0; m]);
    }
    let mut fac = 1.0 - h.iter().zip(&y).map(|(a, b)| a * b).sum::<f64>();
    if (1.0 + fac) - 1.0 <= 0.0 || fac.is_nan() {
        return (x, 0.0, 4, vec![0.0; m]);
    }
    fac = 1.0 / fac;
    for (i, xi) in x.iter_mut().enumerate() {
        *xi = fac * (0..m).map(|j| g[j + i * m] * y[j]).sum::<f64>();
    }
    let xnorm = norm(&x);
    (x, xnorm, 1, y.iter().map(|v| fac * v).collect())
}

/// Householder QR of the column-major `ma x n` matrix `a` in place (LAPACK's `dgeqr2`): `R`
/// on and above the diagonal, reflectors below; returns the `tau`s.
fn geqr2(ma: usize, n: usize, a: &mut [f64]) -> Vec<f64> {
    let k = ma.min(n);
    let mut taus = vec![0.0; k];
    for i in 0..k {
        let (beta, tau) = {
            let alpha = a[i + i * ma];
            dlarfg(alpha, &mut a[i + 1 + i * ma..(i + 1) * ma])
        };
        taus[i] = tau;
        a[i + i * ma] = 1.0;
        let v = a[i + i * ma..(i + 1) * ma].to_vec();
        for j in i + 1..n {
            apply_h(&v, tau, &mut a[i + j * ma..(j + 1) * ma]);
        }
        a[i + i * ma] = beta;
    }
    taus
}

/// Applies `Q^T` of [`geqr2`] to `b`.
fn orm2r_t(ma: usize, k: usize, a: &[f64], taus: &[f64], b: &mut [f64]) {
    for i in 0..k {
        let mut v = a[i + i * ma..(i + 1) * ma].to_vec();
        v[0] = 1.0;
        apply_h(&v, taus[i], &mut b[i..ma]);
    }
}

/// LSI: `min |A x - b|` subject to `G x >= h`. Returns `(x, xnorm, mode, multipliers)`; mode 5
/// when `A` is rank deficient.
pub(crate) fn lsi(
    ma: usize,
    mg: usize,
    n: usize,
    a: &mut [f64],
    b: &mut [f64],
    g: &mut [f64],
    h: &mut [f64],
) -> (Vec<f64>, f64, i32, Vec<f64>) {
    const EPS: f64 = f64::EPSILON;
    let k = ma.min(n);
    let taus = geqr2(ma, n, a);
    orm2r_t(ma, k, a, &taus, b);
    if (0..k).any(|i| a[i + i * ma].abs() < EPS || a[i + i * ma].is_nan()) {
        return (vec![0.0; n], 0.0, 5, vec![0.0; mg]);
    }
    // G := G R^{-1} (row by row: X R = G).
    for r in 0..mg {
        for j in 0..n {
            let mut t = g[r + j * mg];
            for l in 0..j {
                t -= g[r + l * mg] * a[l + j * ma];
            }
            g[r + j * mg] = t / a[j + j * ma];
        }
    }
    for r in 0..mg {
        h[r] -= (0..n).map(|j| g[r + j * mg] * b[j]).sum::<f64>();
    }
    let (mut x, xnorm, mode, mults) = ldp(mg, n, g, h);
    if mode != 1 {
        return (x, xnorm, mode, mults);
    }
    for j in 0..n {
        x[j] += b[j];
    }
    // Solve R x = x.
    for i in (0..n).rev() {
        let mut t = x[i];
        for j in i + 1..n {
            t -= a[i + j * ma] * x[j];
        }
        x[i] = t / a[i + i * ma];
    }
    let tail = if ma > n { norm(&b[n..ma]) } else { 0.0 };
    (x, xnorm.hypot(tail), 1, mults)
}

/// The Householder reflectors of an RQ factorization of the column-major `me x n` matrix `e`
/// (LAPACK's `dgerq2`): row `i` is reduced onto column `n - me + i`; returns each reflector as
/// `(v over columns 0..=k, tau)`.
fn gerq2(me: usize, n: usize, e: &mut [f64]) -> Vec<(Vec<f64>, f64)> {
    let mut hs = vec![(Vec::new(), 0.0); me];
    for i in (0..me).rev() {
        let k = n - me + i;
        let mut x: Vec<f64> = (0..k).map(|j| e[i + j * me]).collect();
        let (beta, tau) = dlarfg(e[i + k * me], &mut x);
        let mut v = x;
        v.push(1.0);
        // Apply H from the right to rows 0..i over columns 0..=k.
        for r in 0..i {
            let w: f64 = (0..=k).map(|j| e[r + j * me] * v[j]).sum();
            for j in 0..=k {
                e[r + j * me] -= tau * w * v[j];
            }
        }
        e[i + k * me] = beta;
        for j in 0..k {
            e[i + j * me] = 0.0;
        }
        hs[i] = (v, tau);
    }
    hs
}

/// `M := M H` for a column-major `rows x n` matrix and a reflector over columns `0..v.len()`.
fn apply_right(rows: usize, mmat: &mut [f64], v: &[f64], tau: f64) {
    for r in 0..rows {
        let w: f64 = v.iter().enumerate().map(|(j, vj)| mmat[r + j * rows] * vj).sum();
        for (j, vj) in v.iter().enumerate() {
            mmat[r + j * rows] -= tau * w * vj;
        }
    }
}

/// What [`lsei`] returns.
pub(crate) struct LseiOut {
    pub(crate) x: Vec<f64>,
    pub(crate) mode: i32,
    pub(crate) gmults: Vec<f64>,
    pub(crate) emults: Vec<f64>,
}

/// LSEI: `min |A x - b|` subject to `E x = f`, `G x >= h` (column-major `a` `ma x n`, `e`
/// `me x n`, `g` `mg x n`). Mode 1 success, 2 more equalities than variables, 6 `E` rank
/// deficient, 7 rank-deficient least squares, else LSI/LDP's modes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn lsei(
    ma: usize,
    me: usize,
    mg: usize,
    n: usize,
    a: &mut [f64],
    b: &mut [f64],
    e: &mut [f64],
    f: &mut [f64],
    g: &mut [f64],
    h: &mut [f64],
) -> LseiOut {
    const EPS: f64 = f64::EPSILON;
    let mut x = vec![0.0; n];
    let fail = |x: Vec<f64>, mode| LseiOut { x, mode, gmults: vec![0.0; mg], emults: vec![0.0; me] };
    if me > n {
        return fail(x, 2);
    }
    let nvars = n - me;
    let hs = gerq2(me, n, e);
    for (v, tau) in hs.iter().rev() {
        apply_right(ma, a, v, *tau);
        apply_right(mg, g, v, *tau);
    }
    if (0..me).map(|i| e[i + (nvars + i) * me]).any(|v| v.abs() < EPS || v.is_nan()) {
        return fail(x, 6);
    }
    // R xe = f, R = e[:, nvars..].
    for i in (0..me).rev() {
        let mut t = f[i];
        for j in i + 1..me {
            t -= e[i + (nvars + j) * me] * x[nvars + j];
        }
        x[nvars + i] = t / e[i + (nvars + i) * me];
    }
    let mut gmults = vec![0.0; mg];
    let mut mode = 1;
    if me < n {
        let mut wb: Vec<f64> = (0..ma)
            .map(|i| b[i] - (0..me).map(|j| a[i + (nvars + j) * ma] * x[nvars + j]).sum::<f64>())
            .collect();
        let mut a2 = a[..ma * nvars].to_vec();
        if mg == 0 {
            // Full-rank least squares by Householder QR (SciPy: dgelsy with rcond sqrt(eps)).
            let k = ma.min(nvars);
            let taus = geqr2(ma, nvars, &mut a2);
            orm2r_t(ma, k, &a2, &taus, &mut wb);
            let dmax = (0..k).fold(0.0f64, |acc, i| acc.max(a2[i + i * ma].abs()));
            if k < nvars || (0..k).any(|i| a2[i + i * ma].abs() <= EPS.sqrt() * dmax) {
                return fail(x, 7);
            }
            for i in (0..nvars).rev() {
                let mut t = wb[i];
                for j in i + 1..nvars {
                    t -= a2[i + j * ma] * x[j];
                }
                x[i] = t / a2[i + i * ma];
            }
        } else {
            let mut g2 = g[..mg * nvars].to_vec();
            for r in 0..mg {
                h[r] -= (0..me).map(|j| g[r + (nvars + j) * mg] * x[nvars + j]).sum::<f64>();
            }
            let (xs, _xnorm, m2, mults) = lsi(ma, mg, nvars, &mut a2, &mut wb, &mut g2, h);
            x[..nvars].copy_from_slice(&xs);
            gmults = mults;
            mode = m2;
            if me == 0 || mode != 1 {
                return LseiOut { x, mode, gmults, emults: vec![0.0; me] };
            }
        }
    }
    // Back to the original basis: residuals, equality multipliers, x = Q^T y.
    for i in 0..ma {
        b[i] = (0..n).map(|j| a[i + j * ma] * x[j]).sum::<f64>() - b[i];
    }
    for j in 0..me {
        f[j] = (0..ma).map(|i| a[i + (nvars + j) * ma] * b[i]).sum::<f64>()
            - (0..mg).map(|i| g[i + (nvars + j) * mg] * gmults[i]).sum::<f64>();
    }
    for (v, tau) in hs.iter() {
        let w: f64 = v.iter().zip(&x).map(|(a, b)| a * b).sum();
        for (xj, vj) in x.iter_mut().zip(v) {
            *xj -= tau * w * vj;
        }
    }
    // R^T emults = f.
    let mut emults = vec![0.0; me];
    for i in 0..me {
        let mut t = f[i];
        for j in 0..i {
            t -= e[j + (nvars + i) * me] * emults[j];
        }
        emults[i] = t / e[i + (nvars + i) * me];
    }
    LseiOut { x, mode, gmults, emults }
}

//! Levenberg-Marquardt as MINPACK's `lmdif`/`lmder` (Moré's trust-region variant with
//! column-pivoted Householder QR, `lmpar` and `qrsolv`), the engine of SciPy's `leastsq`.

use ndarray::{Array1, Array2, ArrayViewMut1, ShapeBuilder, Zip};
use rayon::prelude::*;

/// MINPACK's `enorm` thresholds: components at most `RDWARF` or at least `RGIANT / n` are
/// summed apart so that their squares neither underflow nor overflow.
const RDWARF: f64 = 3.834e-20;
const RGIANT: f64 = 1.304e19;

/// From this length on, [`dot`] and [`enorm_slice`] sum in [`LANES`] interleaved partial sums
/// (combined pairwise at the end) instead of strictly in order: over the `m` rows of a large
/// problem the in-order sum is bound by the latency of one addition per element, the lanes
/// run at memory speed and round no worse. Shorter vectors (every `n`-vector, and the residuals
/// of small fits) keep MINPACK's in-order rounding, so small problems follow SciPy's iterates
/// bit for bit.
const LONG: usize = 1024;
const LANES: usize = 8;

/// Forward-difference Jacobian columns are computed in parallel (rayon) from this many
/// residuals on, when the model is `Sync` (`curve_fit`): each column is one model call.
const PAR_ROWS: usize = 4096;

/// The lanes of a long sum, combined pairwise.
fn lanes_total(acc: [f64; LANES]) -> f64 {
    ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
}

pub(super) fn enorm<I>(v: I) -> f64
where
    I: IntoIterator<Item = f64>,
    I::IntoIter: ExactSizeIterator + Clone,
{
    // MINPACK's three-sum Euclidean norm: small, intermediate and large components are summed
    // separately so that nothing overflows or underflows (and rounding follows MINPACK's).
    let v = v.into_iter();
    let agiant = RGIANT / v.len().max(1) as f64;
    // Fast path: with every component zero or intermediate, MINPACK's result is exactly
    // sqrt(s2) with s2 summed in order.
    let (mut s2, mut plain) = (0.0f64, true);
    for x in v.clone() {
        let xabs = x.abs();
        plain &= xabs < agiant && (xabs > RDWARF || xabs == 0.0);
        s2 += xabs * xabs;
    }
    if plain {
        return s2.sqrt();
    }
    let (mut s1, mut s3, mut x1max, mut x3max) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    s2 = 0.0;
    for x in v {
        let xabs = x.abs();
        if xabs > RDWARF && xabs < agiant {
            s2 += xabs * xabs;
        } else if xabs > RDWARF {
            if xabs > x1max {
                s1 = 1.0 + s1 * (x1max / xabs).powi(2);
                x1max = xabs;
            } else {
                s1 += (xabs / x1max).powi(2);
            }
        } else if xabs > x3max {
            s3 = 1.0 + s3 * (x3max / xabs).powi(2);
            x3max = xabs;
        } else if xabs != 0.0 {
            s3 += (xabs / x3max).powi(2);
        }
    }
    if s1 != 0.0 {
        x1max * (s1 + (s2 / x1max) / x1max).sqrt()
    } else if s2 != 0.0 {
        if s2 >= x3max {
            (s2 * (1.0 + (x3max / s2) * (x3max * s3))).sqrt()
        } else {
            (x3max * ((s2 / x3max) + (x3max * s3))).sqrt()
        }
    } else {
        x3max * s3.sqrt()
    }
}

/// [`enorm`] of a slice. A long slice is first summed plainly in lanes (see [`LONG`]): when that
/// sum of squares is finite and at least `RDWARF^2`, no square overflowed and any that
/// underflowed is negligible against it, so its square root is the norm to rounding (MINPACK's
/// split sums, kept for IEEE-less machines, only change that rounding). Otherwise, and for
/// short slices, MINPACK's three-sum norm.
pub(super) fn enorm_slice(v: &[f64]) -> f64 {
    if v.len() >= LONG {
        let s2 = dot(v, v);
        if s2.is_finite() && s2 >= RDWARF * RDWARF {
            return s2.sqrt();
        }
    }
    enorm(v.iter().copied())
}

/// [`enorm_slice`] of a vector (in order when it is not contiguous).
pub(super) fn enorm_arr(v: &Array1<f64>) -> f64 {
    match v.as_slice() {
        Some(s) => enorm_slice(s),
        None => enorm(v.iter().copied()),
    }
}

/// `a . b`: in order (as MINPACK's loops) below [`LONG`] elements, in lanes from there on.
pub(super) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    if n < LONG {
        return a.iter().zip(b).map(|(x, y)| x * y).sum();
    }
    let mut acc = [0.0f64; LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for l in 0..LANES {
            acc[l] += x[l] * y[l];
        }
    }
    let mut s = lanes_total(acc);
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

/// Householder QR, with column pivoting when `pivot`, of `a` (`m x n`) in place (MINPACK
/// `qrfac`): returns `(ipvt, rdiag, acnorm)`; R's strict upper triangle stays in `a`, the
/// Householder vectors in its lower trapezoid. `a` is turned column-major (Fortran order, as
/// MINPACK's) so that every column is one contiguous slice.
pub(super) fn qrfac(a: &mut Array2<f64>, pivot: bool) -> (Vec<usize>, Vec<f64>, Vec<f64>) {
    qrfac_with_norms(a, pivot, None)
}

/// [`qrfac`] given the column norms `enorm_slice` of `a`'s columns when the caller computed
/// them already (`lm` does, while it builds a finite-difference Jacobian).
fn qrfac_with_norms(
    a: &mut Array2<f64>,
    pivot: bool,
    acnorm: Option<Vec<f64>>,
) -> (Vec<usize>, Vec<f64>, Vec<f64>) {
    let (m, n) = a.dim();
    if m == 0 || n == 0 {
        return ((0..n).collect(), vec![0.0; n], vec![0.0; n]);
    }
    if !a.t().is_standard_layout() {
        let mut f = Array2::zeros((m, n).f());
        f.assign(a);
        *a = f;
    }
    let epsmch = f64::EPSILON;
    let data = a.as_slice_memory_order_mut().expect("column-major");
    let acnorm: Vec<f64> = match acnorm {
        Some(v) if v.len() == n => v,
        _ => data.chunks_exact(m).map(enorm_slice).collect(),
    };
    let mut rdiag = acnorm.clone();
    let mut wa = acnorm.clone();
    let mut ipvt: Vec<usize> = (0..n).collect();
    for j in 0..m.min(n) {
        let mut kmax = j;
        if pivot {
            for k in j..n {
                if rdiag[k] > rdiag[kmax] {
                    kmax = k;
                }
            }
        }
        if kmax != j {
            let (lo, hi) = data.split_at_mut(kmax * m);
            lo[j * m..(j + 1) * m].swap_with_slice(&mut hi[..m]);
            rdiag[kmax] = rdiag[j];
            wa[kmax] = wa[j];
            ipvt.swap(j, kmax);
        }
        let (head, rest) = data.split_at_mut((j + 1) * m);
        let cj = &mut head[j * m + j..];
        // The first pivot column is still whole: its norm is the one computed above.
        let mut ajnorm = if j == 0 { acnorm[ipvt[0]] } else { enorm_slice(cj) };
        if ajnorm != 0.0 {
            if cj[0] < 0.0 {
                ajnorm = -ajnorm;
            }
            if cj.len() >= LONG {
                // Long columns: one division, then products (divisions would dominate the
                // factorization; each element moves by at most an ulp).
                let r = 1.0 / ajnorm;
                cj.iter_mut().for_each(|v| *v *= r);
            } else {
                cj.iter_mut().for_each(|v| *v /= ajnorm);
            }
            cj[0] += 1.0;
            let cj = &*cj;
            for (kk, ck) in rest.chunks_exact_mut(m).enumerate() {
                let k = j + 1 + kk;
                let ck = &mut ck[j..];
                let sum = dot(cj, ck);
                let temp = sum / cj[0];
                for (b, a) in ck.iter_mut().zip(cj) {
                    *b -= temp * a;
                }
                if pivot && rdiag[k] != 0.0 {
                    let t = ck[0] / rdiag[k];
                    rdiag[k] *= (1.0 - t * t).max(0.0).sqrt();
                    if 0.05 * (rdiag[k] / wa[k]).powi(2) <= epsmch {
                        rdiag[k] = enorm_slice(&ck[1..]);
                        wa[k] = rdiag[k];
                    }
                }
            }
        }
        rdiag[j] = -ajnorm;
    }
    (ipvt, rdiag, acnorm)
}

/// MINPACK `qrsolv`: solves `[R; D] x ≈ [qtb; 0]` in the least-squares sense. `r` holds R in
/// its upper triangle (its strict lower triangle is overwritten); returns `(x, sdiag)`.
fn qrsolv(r: &mut Array2<f64>, ipvt: &[usize], diag: &[f64], qtb: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = diag.len();
    let mut x = vec![0.0; n];
    let mut wa = vec![0.0; n];
    let mut sdiag = vec![0.0; n];
    for j in 0..n {
        for i in j..n {
            r[[i, j]] = r[[j, i]];
        }
        x[j] = r[[j, j]];
        wa[j] = qtb[j];
    }
    for j in 0..n {
        let l = ipvt[j];
        if diag[l] != 0.0 {
            for s in sdiag.iter_mut().skip(j) {
                *s = 0.0;
            }
            sdiag[j] = diag[l];
            let mut qtbpj = 0.0;
            for k in j..n {
                if sdiag[k] == 0.0 {
                    continue;
                }
                let (sin, cos) = if r[[k, k]].abs() < sdiag[k].abs() {
                    let cotan = r[[k, k]] / sdiag[k];
                    let sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
                    (sin, sin * cotan)
                } else {
                    let tan = sdiag[k] / r[[k, k]];
                    let cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
                    (cos * tan, cos)
                };
                r[[k, k]] = cos * r[[k, k]] + sin * sdiag[k];
                let temp = cos * wa[k] + sin * qtbpj;
                qtbpj = -sin * wa[k] + cos * qtbpj;
                wa[k] = temp;
                for i in k + 1..n {
                    let temp = cos * r[[i, k]] + sin * sdiag[i];
                    sdiag[i] = -sin * r[[i, k]] + cos * sdiag[i];
                    r[[i, k]] = temp;
                }
            }
        }
        sdiag[j] = r[[j, j]];
        r[[j, j]] = x[j];
    }
    let mut nsing = n;
    for j in 0..n {
        if sdiag[j] == 0.0 && nsing == n {
            nsing = j;
        }
        if nsing < n {
            wa[j] = 0.0;
        }
    }
    for k in 0..nsing {
        let j = nsing - 1 - k;
        let sum: f64 = (j + 1..nsing).map(|i| r[[i, j]] * wa[i]).sum();
        wa[j] = (wa[j] - sum) / sdiag[j];
    }
    for j in 0..n {
        x[ipvt[j]] = wa[j];
    }
    (x, sdiag)
}

/// MINPACK `lmpar`: the Levenberg-Marquardt parameter for trust radius `delta`.
/// Returns `(par, x)`.
fn lmpar(
    r: &mut Array2<f64>,
    ipvt: &[usize],
    diag: &[f64],
    qtb: &[f64],
    delta: f64,
    mut par: f64,
) -> (f64, Vec<f64>) {
    let n = diag.len();
    let dwarf = f64::MIN_POSITIVE;
    let mut nsing = n;
    let mut wa1 = qtb.to_vec();
    for j in 0..n {
        if r[[j, j]] == 0.0 && nsing == n {
            nsing = j;
        }
        if nsing < n {
            wa1[j] = 0.0;
        }
    }
    for k in 0..nsing {
        let j = nsing - 1 - k;
        wa1[j] /= r[[j, j]];
        let temp = wa1[j];
        for i in 0..j {
            wa1[i] -= r[[i, j]] * temp;
        }
    }
    let mut x = vec![0.0; n];
    for j in 0..n {
        x[ipvt[j]] = wa1[j];
    }
    let mut wa2: Vec<f64> = (0..n).map(|j| diag[j] * x[j]).collect();
    let mut dxnorm = enorm(wa2.iter().copied());
    let mut fp = dxnorm - delta;
    if fp <= 0.1 * delta {
        return (0.0, x);
    }
    let mut parl = 0.0;
    if nsing >= n {
        for j in 0..n {
            let l = ipvt[j];
            wa1[j] = diag[l] * (wa2[l] / dxnorm);
        }
        for j in 0..n {
            let sum: f64 = (0..j).map(|i| r[[i, j]] * wa1[i]).sum();
            wa1[j] = (wa1[j] - sum) / r[[j, j]];
        }
        let temp = enorm(wa1.iter().copied());
        parl = ((fp / delta) / temp) / temp;
    }
    for j in 0..n {
        let sum: f64 = (0..=j).map(|i| r[[i, j]] * qtb[i]).sum();
        wa1[j] = sum / diag[ipvt[j]];
    }
    let gnorm = enorm(wa1.iter().copied());
    let mut paru = gnorm / delta;
    if paru == 0.0 {
        paru = dwarf / delta.min(0.1);
    }
    par = par.max(parl).min(paru);
    if par == 0.0 {
        par = gnorm / dxnorm;
    }
    let mut iter = 0;
    loop {
        iter += 1;
        if par == 0.0 {
            par = dwarf.max(0.001 * paru);
        }
        let temp = par.sqrt();
        let d: Vec<f64> = diag.iter().map(|v| temp * v).collect();
        let (xs, sdiag) = qrsolv(r, ipvt, &d, qtb);
        x = xs;
        wa2 = (0..n).map(|j| diag[j] * x[j]).collect();
        dxnorm = enorm(wa2.iter().copied());
        let temp = fp;
        fp = dxnorm - delta;
        if fp.abs() <= 0.1 * delta || (parl == 0.0 && fp <= temp && temp < 0.0) || iter == 10 {
            break;
        }
        for j in 0..n {
            let l = ipvt[j];
            wa1[j] = diag[l] * (wa2[l] / dxnorm);
        }
        for j in 0..n {
            wa1[j] /= sdiag[j];
            let temp = wa1[j];
            for i in j + 1..n {
                wa1[i] -= r[[i, j]] * temp;
            }
        }
        let temp = enorm(wa1.iter().copied());
        let parc = ((fp / delta) / temp) / temp;
        if fp > 0.0 {
            parl = parl.max(par);
        }
        if fp < 0.0 {
            paru = paru.min(par);
        }
        par = parl.max(par + parc);
    }
    (par, x)
}

/// What [`lm`] returns.
pub(crate) struct LmOutput {
    pub x: Array1<f64>,
    pub fvec: Array1<f64>,
    /// MINPACK's `info` (1-4 success, 5 too many calls, 6-8 tolerances too small).
    pub info: i32,
    pub nfev: usize,
    pub njev: usize,
    /// R of the final QR (`n x n`, upper triangle) and its pivots, for the covariance.
    pub r: Array2<f64>,
    pub ipvt: Vec<usize>,
}

/// Tolerances and limits of [`lm`] (MINPACK names).
pub(crate) struct LmParams {
    pub ftol: f64,
    pub xtol: f64,
    pub gtol: f64,
    pub maxfev: usize,
    pub epsfcn: f64,
    pub factor: f64,
    /// MINPACK's `diag` with `mode = 2` (fixed variable scales); `None`: `mode = 1` (scales
    /// from the Jacobian's column norms).
    pub diag: Option<Vec<f64>>,
}

/// MINPACK `lmdif` (finite-difference Jacobian) or `lmder` (with `jac`).
pub(crate) fn lm(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    jac: Option<&dyn Fn(&Array1<f64>) -> Array2<f64>>,
    x0: Array1<f64>,
    p: &LmParams,
) -> LmOutput {
    lm_from(fun, None, jac, x0, None, p)
}

/// A residual function that may be called from several threads at once.
pub(crate) type SyncFun<'a> = &'a (dyn Fn(&Array1<f64>) -> Array1<f64> + Sync);

/// [`lm`] given the residuals at `x0` when the caller already has them (`f0`, counted in
/// `nfev` as MINPACK's first evaluation), so that `fun(x0)` is not computed twice. With
/// `par_fun` (the same function as `fun`, callable from several threads) the columns of a
/// forward-difference Jacobian of at least [`PAR_ROWS`] rows are computed in parallel; every
/// column is the same number as in sequence.
pub(crate) fn lm_from(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    par_fun: Option<SyncFun<'_>>,
    jac: Option<&dyn Fn(&Array1<f64>) -> Array2<f64>>,
    x0: Array1<f64>,
    f0: Option<Array1<f64>>,
    p: &LmParams,
) -> LmOutput {
    let epsmch = f64::EPSILON;
    let n = x0.len();
    let mut x = x0;
    let mut fvec = match f0 {
        Some(f) => f,
        None => fun(&x),
    };
    let m = fvec.len();
    let mut nfev = 1;
    let mut njev = 0;
    let mut fnorm = enorm_arr(&fvec);
    let mut par = 0.0;
    let mut iter = 1;
    let mut info = 0;
    let mut diag = vec![0.0; n];
    let mut delta = 0.0;
    let mut xnorm = 0.0;
    // Column-major, as qrfac works on it; the finite-difference Jacobian reuses it.
    let mut fjac = Array2::<f64>::zeros((0, 0).f());
    let mut ipvt;
    let mut wa4 = Vec::with_capacity(m);
    loop {
        // Jacobian (a finite-difference one comes with its column norms, computed while each
        // column is fresh in cache).
        let mut acnorm = None;
        match jac {
            Some(j) => {
                njev += 1;
                fjac = j(&x);
            }
            None => {
                let eps = p.epsfcn.max(epsmch).sqrt();
                let step = |xj: f64| {
                    let h = eps * xj.abs();
                    if h == 0.0 { eps } else { h }
                };
                if fjac.dim() != (m, n) || !fjac.t().is_standard_layout() {
                    fjac = Array2::zeros((m, n).f());
                }
                let cols = fjac.as_slice_memory_order_mut().expect("column-major");
                let column = |d: &mut [f64], wa: &Array1<f64>, h: f64| {
                    let zip = Zip::from(ArrayViewMut1::from(&mut *d)).and(wa).and(&fvec);
                    if m >= LONG {
                        // As in qrfac: products by 1/h instead of m divisions.
                        let r = 1.0 / h;
                        zip.for_each(|d, &w, &f| *d = (w - f) * r);
                    } else {
                        zip.for_each(|d, &w, &f| *d = (w - f) / h);
                    }
                    enorm_slice(d)
                };
                acnorm = Some(
                    match par_fun.filter(|_| m >= PAR_ROWS && n > 1 && rayon::current_num_threads() > 1) {
                        Some(g) => cols
                            .par_chunks_exact_mut(m)
                            .enumerate()
                            .map(|(j, d)| {
                                let mut xj = x.clone();
                                let h = step(x[j]);
                                xj[j] = x[j] + h;
                                column(d, &g(&xj), h)
                            })
                            .collect(),
                        None => cols
                            .chunks_exact_mut(m)
                            .enumerate()
                            .map(|(j, d)| {
                                let temp = x[j];
                                let h = step(temp);
                                x[j] = temp + h;
                                let wa = fun(&x);
                                x[j] = temp;
                                column(d, &wa, h)
                            })
                            .collect(),
                    },
                );
                nfev += n;
                njev += 1;
            }
        }
        let (piv, wa1, wa2) = qrfac_with_norms(&mut fjac, true, acnorm);
        ipvt = piv;
        if iter == 1 {
            for j in 0..n {
                diag[j] = match &p.diag {
                    Some(d) => d[j],
                    None if wa2[j] == 0.0 => 1.0,
                    None => wa2[j],
                };
            }
            xnorm = enorm((0..n).map(|j| diag[j] * x[j]));
            delta = p.factor * xnorm;
            if delta == 0.0 {
                delta = p.factor;
            }
        }
        wa4.clear();
        wa4.extend(fvec.iter().copied());
        let mut qtf = vec![0.0; n];
        for j in 0..n.min(m) {
            let cj = fjac.column(j);
            let cj = &cj.as_slice().expect("qrfac leaves fjac column-major")[j..];
            if cj[0] != 0.0 {
                let sum = dot(cj, &wa4[j..]);
                let temp = -sum / cj[0];
                for (w, a) in wa4[j..].iter_mut().zip(cj) {
                    *w += a * temp;
                }
            }
            fjac[[j, j]] = wa1[j];
            qtf[j] = wa4[j];
        }
        let mut gnorm: f64 = 0.0;
        if fnorm != 0.0 {
            for j in 0..n {
                let l = ipvt[j];
                if wa2[l] != 0.0 {
                    let sum: f64 = (0..=j).map(|i| fjac[[i, j]] * (qtf[i] / fnorm)).sum();
                    gnorm = gnorm.max((sum / wa2[l]).abs());
                }
            }
        }
        if gnorm <= p.gtol {
            info = 4;
        }
        if info != 0 {
            break;
        }
        if p.diag.is_none() {
            for j in 0..n {
                diag[j] = diag[j].max(wa2[j]);
            }
        }
        let mut r = fjac.slice(ndarray::s![..n, ..]).to_owned();
        loop {
            let (newpar, step) = lmpar(&mut r, &ipvt, &diag, &qtf, delta, par);
            par = newpar;
            let wa1: Vec<f64> = step.iter().map(|v| -v).collect();
            let wa2: Array1<f64> = (0..n).map(|j| x[j] + wa1[j]).collect();
            let pnorm = enorm((0..n).map(|j| diag[j] * wa1[j]));
            if iter == 1 {
                delta = delta.min(pnorm);
            }
            let wa4 = fun(&wa2);
            nfev += 1;
            let fnorm1 = enorm_arr(&wa4);
            let actred = if 0.1 * fnorm1 < fnorm { 1.0 - (fnorm1 / fnorm).powi(2) } else { -1.0 };
            let mut wa3 = vec![0.0; n];
            for j in 0..n {
                let temp = wa1[ipvt[j]];
                for i in 0..=j {
                    wa3[i] += fjac[[i, j]] * temp;
                }
            }
            let temp1 = enorm(wa3.iter().copied()) / fnorm;
            let temp2 = par.sqrt() * pnorm / fnorm;
            let prered = temp1 * temp1 + temp2 * temp2 / 0.5;
            let dirder = -(temp1 * temp1 + temp2 * temp2);
            let ratio = if prered != 0.0 { actred / prered } else { 0.0 };
            if ratio <= 0.25 {
                let mut temp = if actred >= 0.0 { 0.5 } else { 0.5 * dirder / (dirder + 0.5 * actred) };
                if 0.1 * fnorm1 >= fnorm || temp < 0.1 {
                    temp = 0.1;
                }
                delta = temp * delta.min(pnorm / 0.1);
                par /= temp;
            } else if par == 0.0 || ratio >= 0.75 {
                delta = pnorm / 0.5;
                par *= 0.5;
            }
            if ratio >= 1e-4 {
                x = wa2;
                xnorm = enorm((0..n).map(|j| diag[j] * x[j]));
                fvec = wa4;
                fnorm = fnorm1;
                iter += 1;
            }
            if actred.abs() <= p.ftol && prered <= p.ftol && 0.5 * ratio <= 1.0 {
                info = 1;
            }
            if delta <= p.xtol * xnorm {
                info = if info == 1 { 3 } else { 2 };
            }
            if info == 0 {
                if nfev >= p.maxfev {
                    info = 5;
                }
                if actred.abs() <= epsmch && prered <= epsmch && 0.5 * ratio <= 1.0 {
                    info = 6;
                }
                if delta <= epsmch * xnorm {
                    info = 7;
                }
                if gnorm <= epsmch {
                    info = 8;
                }
            }
            if info != 0 || ratio >= 1e-4 {
                break;
            }
        }
        if info != 0 {
            break;
        }
    }
    let r = fjac.slice(ndarray::s![..n.min(m), ..]).to_owned();
    LmOutput { x, fvec, info, nfev, njev, r, ipvt }
}

/// `(J^T J)^{-1}` from the pivoted R of the last QR, as SciPy's `leastsq` computes `cov_x`;
/// `None` when R is singular.
pub(crate) fn covariance(r: &Array2<f64>, ipvt: &[usize]) -> Option<Array2<f64>> {
    let n = ipvt.len();
    if r.nrows() < n || (0..n).any(|i| r[[i, i]] == 0.0 || !r[[i, i]].is_finite()) {
        return None;
    }
    // Rinv (upper triangular).
    let mut rinv = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        rinv[[j, j]] = 1.0 / r[[j, j]];
        for i in (0..j).rev() {
            let s: f64 = (i + 1..=j).map(|k| r[[i, k]] * rinv[[k, j]]).sum();
            rinv[[i, j]] = -s / r[[i, i]];
        }
    }
    let m = rinv.dot(&rinv.t());
    let mut cov = Array2::zeros((n, n));
    for i in 0..n {
        for j in 0..n {
            cov[[ipvt[i], ipvt[j]]] = m[[i, j]];
        }
    }
    cov.iter().all(|v| v.is_finite()).then_some(cov)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sums_in_lanes_agree_with_in_order_sums() {
        // Lengths around the lane width and the LONG threshold, with a ragged tail.
        for n in [0, 1, 7, 8, 9, LONG - 1, LONG, LONG + 5, 3 * LONG + 7] {
            let a: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1000) as f64 / 997.0 - 0.3).collect();
            let b: Vec<f64> = (0..n).map(|i| ((i * 104_729) % 1000) as f64 / 991.0 + 0.1).collect();
            let in_order: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            assert!((dot(&a, &b) - in_order).abs() <= 1e-13 * in_order.abs().max(1.0), "dot {n}");
            let norm = enorm(a.iter().copied());
            assert!((enorm_slice(&a) - norm).abs() <= 1e-15 * norm * (n as f64).sqrt(), "enorm {n}");
            if n < LONG {
                // Short vectors keep MINPACK's in-order rounding exactly.
                assert_eq!(dot(&a, &b).to_bits(), in_order.to_bits());
                assert_eq!(enorm_slice(&a).to_bits(), norm.to_bits());
            }
        }
        // Tiny and huge components leave the lanes for MINPACK's three sums: no overflow or
        // underflow.
        let mut v = vec![1e-200; 2 * LONG];
        assert_eq!(enorm_slice(&v), 1e-200 * (2.0 * LONG as f64).sqrt());
        v[5] = 1e300;
        assert_eq!(enorm_slice(&v), 1e300);
        // As MINPACK's: a NaN beside only tiny components gives NaN (beside a huge one it is lost
        // in the small sum, which the huge one dominates).
        v[5] = 1e-200;
        v[9] = f64::NAN;
        assert!(enorm_slice(&v).is_nan());
        assert_eq!(enorm_slice(&v).is_nan(), enorm(v.iter().copied()).is_nan());
    }
}

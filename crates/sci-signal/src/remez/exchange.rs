//! The exchange iterations of McClellan, Parks and Rabiner's program (labels as in the original
//! FORTRAN/C, so the control flow can be checked against SciPy's `_sigtoolsmodule.c`) and the
//! inverse-DFT step that turns the extremal values into cosine coefficients.

use std::f64::consts::PI;

const TWOPI: f64 = 2.0 * PI;

/// The weighted Chebyshev approximation on the dense grid (1-based arrays, as the original).
pub(super) struct Problem<'a> {
    pub(super) des: &'a [f64],
    pub(super) wt: &'a [f64],
    pub(super) ngrid: usize,
    pub(super) nfcns: usize,
}

/// Lagrange interpolation coefficient for the barycentric form (the original's `d`).
fn lagrange_interp(k: usize, n: usize, m: usize, x: &[f64]) -> f64 {
    let mut retval = 1.0;
    let q = x[k];
    for l in 1..=m {
        let mut j = l;
        while j <= n {
            if j != k {
                retval *= 2.0 * (q - x[j]);
            }
            j += m;
        }
    }
    1.0 / retval
}

/// Response at grid point `grid` by barycentric Lagrange interpolation (the original's `gee`).
fn freq_eval(gridk: f64, n: usize, x: &[f64], y: &[f64], ad: &[f64]) -> f64 {
    let xf = (TWOPI * gridk).cos();
    let (mut d, mut p) = (0.0, 0.0);
    for j in 1..=n {
        let c = ad[j] / (xf - x[j]);
        d += c;
        p += c * y[j];
    }
    p / d
}

#[derive(Clone, Copy)]
enum Label {
    L100,
    L200,
    L210,
    L215,
    L220,
    L225,
    L230,
    L235,
    L240,
    L250,
    L255,
    L260,
    L300,
    L310,
    L315,
    L320,
    L325,
    L330,
    L340,
    L350,
    L370,
}

/// The exchange iterations and the coefficients `alpha` of the best approximation; `Err(niter)`
/// when the deviation stops growing (SciPy: "Failure to converge").
#[allow(clippy::too_many_lines)]
pub(super) fn remez_core(
    pb: &Problem<'_>,
    grid: &mut [f64],
    edge: &[f64],
    nbands: usize,
    iext: &mut [isize],
    itrmax: usize,
) -> std::result::Result<Vec<f64>, usize> {
    use Label::*;
    let (des, wt, ngrid, nfcns) = (pb.des, pb.wt, pb.ngrid as isize, pb.nfcns);
    let size = nfcns + 4;
    let (mut a, mut p, mut q) = (vec![0.0; size], vec![0.0; size], vec![0.0; size]);
    let (mut ad, mut x, mut y) = (vec![0.0; size], vec![0.0; size], vec![0.0; size]);
    let mut alpha = vec![0.0; size];
    let nz = nfcns + 1;
    let nzz = nfcns + 2;
    let mut niter = 0;
    let mut dev = 0.0f64;
    let mut devl = -1.0f64;
    let (mut ynz, mut comp, mut y1) = (0.0f64, 0.0f64, 0.0f64);
    let (mut jchnge, mut k1, mut knz, mut klow) = (0isize, 0isize, 0isize, 0isize);
    let (mut nu, mut nut, mut nut1) = (0f64, 0f64, 0f64);
    let (mut j, mut l, mut kup) = (0usize, 0isize, 0isize);
    let mut luck = 0;
    let mut err = 0.0f64;
    let mut lbl = L100;
    macro_rules! e {
        ($l:expr) => {{
            let li = $l as usize;
            (freq_eval(grid[li], nz, &x, &y, &ad) - des[li]) * wt[li]
        }};
    }
    loop {
        match lbl {
            L100 => {
                iext[nzz] = ngrid + 1;
                niter += 1;
                if niter > itrmax {
                    break;
                }
                for jj in 1..=nz {
                    x[jj] = (grid[iext[jj] as usize] * TWOPI).cos();
                }
                let jet = (nfcns - 1) / 15 + 1;
                for jj in 1..=nz {
                    ad[jj] = lagrange_interp(jj, nz, jet, &x);
                }
                let (mut dnum, mut dden, mut k) = (0.0, 0.0, 1.0);
                for jj in 1..=nz {
                    let li = iext[jj] as usize;
                    dnum += ad[jj] * des[li];
                    dden += k * ad[jj] / wt[li];
                    k = -k;
                }
                dev = dnum / dden;
                nu = if dev > 0.0 { -1.0 } else { 1.0 };
                dev *= -nu;
                let mut k = nu;
                for jj in 1..=nz {
                    let li = iext[jj] as usize;
                    y[jj] = des[li] + k * dev / wt[li];
                    k = -k;
                }
                if dev <= devl {
                    return Err(niter);
                }
                devl = dev;
                jchnge = 0;
                k1 = iext[1];
                knz = iext[nz];
                klow = 0;
                nut = -nu;
                j = 1;
                lbl = L200;
            }
            L200 => {
                if j == nzz {
                    ynz = comp;
                }
                if j >= nzz {
                    lbl = L300;
                    continue;
                }
                kup = iext[j + 1];
                l = iext[j] + 1;
                nut = -nut;
                if j == 2 {
                    y1 = comp;
                }
                comp = dev;
                if l >= kup {
                    lbl = L220;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    lbl = L220;
                    continue;
                }
                comp = nut * err;
                lbl = L210;
            }
            L210 => {
                l += 1;
                if l >= kup {
                    lbl = L215;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    lbl = L215;
                    continue;
                }
                comp = nut * err;
            }
            L215 => {
                iext[j] = l - 1;
                j += 1;
                klow = l - 1;
                jchnge += 1;
                lbl = L200;
            }
            L220 => {
                l -= 1;
                lbl = L225;
            }
            L225 => {
                l -= 1;
                if l <= klow {
                    lbl = L250;
                    continue;
                }
                err = e!(l);
                if nut * err - comp > 0.0 {
                    lbl = L230;
                    continue;
                }
                if jchnge <= 0 {
                    continue;
                }
                lbl = L260;
            }
            L230 => {
                comp = nut * err;
                lbl = L235;
            }
            L235 => {
                l -= 1;
                if l <= klow {
                    lbl = L240;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    lbl = L240;
                    continue;
                }
                comp = nut * err;
            }
            L240 => {
                klow = iext[j];
                iext[j] = l + 1;
                j += 1;
                jchnge += 1;
                lbl = L200;
            }
            L250 => {
                l = iext[j] + 1;
                lbl = if jchnge > 0 { L215 } else { L255 };
            }
            L255 => {
                l += 1;
                if l >= kup {
                    lbl = L260;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    continue;
                }
                comp = nut * err;
                lbl = L210;
            }
            L260 => {
                klow = iext[j];
                j += 1;
                lbl = L200;
            }
            L300 => {
                if j > nzz {
                    lbl = L320;
                    continue;
                }
                k1 = k1.min(iext[1]);
                knz = knz.max(iext[nz]);
                nut1 = nut;
                nut = -nu;
                l = 0;
                kup = k1;
                comp = ynz * 1.00001;
                luck = 1;
                lbl = L310;
            }
            L310 => {
                l += 1;
                if l >= kup {
                    lbl = L315;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    continue;
                }
                comp = nut * err;
                j = nzz;
                lbl = L210;
            }
            L315 => {
                luck = 6;
                lbl = L325;
            }
            L320 => {
                if luck > 9 {
                    lbl = L350;
                    continue;
                }
                if comp > y1 {
                    y1 = comp;
                }
                k1 = iext[nzz];
                lbl = L325;
            }
            L325 => {
                l = ngrid + 1;
                klow = knz;
                nut = -nut1;
                comp = y1 * 1.00001;
                lbl = L330;
            }
            L330 => {
                l -= 1;
                if l <= klow {
                    lbl = L340;
                    continue;
                }
                err = e!(l);
                if nut * err - comp <= 0.0 {
                    continue;
                }
                j = nzz;
                comp = nut * err;
                luck += 10;
                lbl = L235;
            }
            L340 => {
                if luck == 6 {
                    lbl = L370;
                    continue;
                }
                for jj in 1..=nfcns {
                    iext[nzz - jj] = iext[nz - jj];
                }
                iext[1] = k1;
                lbl = L100;
            }
            L350 => {
                let kn = iext[nzz];
                for jj in 1..=nfcns {
                    iext[jj] = iext[jj + 1];
                }
                iext[nz] = kn;
                lbl = L100;
            }
            L370 => {
                if jchnge > 0 {
                    lbl = L100;
                } else {
                    break;
                }
            }
        }
    }
    // Coefficients of the best approximation by the inverse DFT.
    let nm1 = nfcns - 1;
    let fsh = 1.0e-06;
    let gtemp = grid[1];
    x[nzz] = -2.0;
    let cn = (2 * nfcns - 1) as f64;
    let delf = 1.0 / cn;
    let mut l = 1usize;
    let mut kkk = edge[1] == 0.0 && edge[2 * nbands] == 0.5;
    if nfcns <= 3 {
        kkk = true;
    }
    let (mut aa, mut bb) = (0.0, 0.0);
    if !kkk {
        let dtemp = (TWOPI * grid[1]).cos();
        let dnum = (TWOPI * grid[pb.ngrid]).cos();
        aa = 2.0 / (dtemp - dnum);
        bb = -(dtemp + dnum) / (dtemp - dnum);
    }
    for jj in 1..=nfcns {
        let mut ft = (jj - 1) as f64 * delf;
        let mut xt = (TWOPI * ft).cos();
        if !kkk {
            xt = (xt - bb) / aa;
            ft = xt.acos() / TWOPI;
        }
        loop {
            let xe = x[l];
            if xt > xe {
                if xt - xe < fsh {
                    a[jj] = y[l];
                } else {
                    grid[1] = ft;
                    a[jj] = freq_eval(grid[1], nz, &x, &y, &ad);
                }
                break;
            }
            if xe - xt < fsh {
                a[jj] = y[l];
                break;
            }
            l += 1;
        }
        if l > 1 {
            l -= 1;
        }
    }
    grid[1] = gtemp;
    let dden = TWOPI / cn;
    for jj in 1..=nfcns {
        let mut dtemp = 0.0;
        let dnum = (jj - 1) as f64 * dden;
        for k in 1..=nm1 {
            dtemp += a[k + 1] * (dnum * k as f64).cos();
        }
        alpha[jj] = 2.0 * dtemp + a[1];
    }
    for v in alpha.iter_mut().take(nfcns + 1).skip(2) {
        *v *= 2.0 / cn;
    }
    alpha[1] /= cn;
    if !kkk {
        p[1] = 2.0 * alpha[nfcns] * bb + alpha[nm1];
        p[2] = 2.0 * aa * alpha[nfcns];
        q[1] = alpha[nfcns - 2] - alpha[nfcns];
        for jj in 2..=nm1 {
            if jj >= nm1 {
                aa *= 0.5;
                bb *= 0.5;
            }
            p[jj + 1] = 0.0;
            for k in 1..=jj {
                a[k] = p[k];
                p[k] = 2.0 * bb * a[k];
            }
            p[2] += a[1] * 2.0 * aa;
            for k in 1..jj {
                p[k] += q[k] + aa * a[k + 1];
            }
            for k in 3..=jj + 1 {
                p[k] += aa * a[k - 1];
            }
            if jj != nm1 {
                for k in 1..=jj {
                    q[k] = -a[k];
                }
                q[1] += alpha[nfcns - 1 - jj];
            }
        }
        alpha[1..=nfcns].copy_from_slice(&p[1..=nfcns]);
    }
    if nfcns <= 3 {
        alpha[nfcns + 1] = 0.0;
        alpha[nfcns + 2] = 0.0;
    }
    Ok(alpha)
}

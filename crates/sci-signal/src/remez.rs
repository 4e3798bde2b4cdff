//! Parks-McClellan (Remez exchange) optimal FIR design: `remez`.
//!
//! The exchange follows McClellan, Parks and Rabiner's program as SciPy runs it (the C
//! translation in `_sigtoolsmodule.c`): the same dense grid, initial extremals, search order and
//! inverse-DFT coefficient step, so the taps agree with SciPy's to rounding.

use crate::error::{Result, invalid};
use ndarray::Array1;
use std::f64::consts::PI;

const TWOPI: f64 = 2.0 * PI;

/// The kind of filter [`remez`] designs, SciPy's `type`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::RemezType::default(), sci_signal::RemezType::Bandpass);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RemezType {
    /// `'bandpass'` (the default): symmetric taps, piecewise-constant desired gain.
    #[default]
    Bandpass,
    /// `'differentiator'`: antisymmetric taps, desired gain proportional to frequency.
    Differentiator,
    /// `'hilbert'`: antisymmetric taps (a Hilbert transformer).
    Hilbert,
}

/// Options of [`remez`], with SciPy's defaults (`weight=None`, `type='bandpass'`, `maxiter=25`,
/// `grid_density=16`, `fs=None`).
///
/// # Examples
///
/// ```
/// let o = sci_signal::RemezOptions::default();
/// assert_eq!((o.maxiter, o.grid_density, o.fs), (25, 16, None));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RemezOptions {
    /// Relative weight of each band's error (`None`: all 1).
    pub weight: Option<Vec<f64>>,
    /// The kind of filter.
    pub kind: RemezType,
    /// Maximum number of exchange iterations.
    pub maxiter: usize,
    /// Grid points per tap of the dense frequency grid.
    pub grid_density: usize,
    /// Sampling frequency of `bands` (`None`: 1, so the bands lie in `[0, 0.5]`).
    pub fs: Option<f64>,
}

impl Default for RemezOptions {
    fn default() -> Self {
        RemezOptions { weight: None, kind: RemezType::Bandpass, maxiter: 25, grid_density: 16, fs: None }
    }
}

/// The weighted Chebyshev approximation on the dense grid (1-based arrays, as the original).
struct Problem<'a> {
    des: &'a [f64],
    wt: &'a [f64],
    ngrid: usize,
    nfcns: usize,
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
fn remez_core(
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

fn not_converged(niter: isize) -> crate::SignalError {
    invalid("bands", format!("Failure to converge at iteration {niter}, try reducing transition band width."))
}

/// Minimax optimal linear-phase FIR filter by the Parks-McClellan (Remez exchange) algorithm.
///
/// `bands` holds the band edges in pairs (monotonic, from 0 to at most `fs/2`), `desired` the
/// gain in each band (for [`RemezType::Differentiator`], the slope), and the options the band
/// weights, filter kind, iteration limit, grid density and sampling frequency. Returns the
/// `numtaps` taps, symmetric for band-pass and antisymmetric for differentiators and Hilbert
/// transformers.
///
/// SciPy equivalent: `scipy.signal.remez(numtaps, bands, desired, weight=, type=, maxiter=,
/// grid_density=, fs=)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `numtaps < 2` ("The
/// number of taps must be greater than 1."), `bands` is not twice as long as `desired` or
/// `weight` not as long, `bands` is not monotonic from 0 or exceeds `fs/2`, a value is not
/// finite, a weight is not positive, `fs` is not positive, `maxiter` or `grid_density` is 0, or
/// the exchange fails to converge (SciPy: "Failure to converge at iteration ..., try reducing
/// transition band width.").
///
/// # Examples
///
/// SciPy's docstring: a low-pass filter with a passband to 0.1 and a stopband from 0.2 (of a
/// sampling frequency of 1).
///
/// ```
/// use sci_signal::{remez, RemezOptions};
/// let taps = remez(11, &[0.0, 0.1, 0.2, 0.5], &[1.0, 0.0], RemezOptions::default()).unwrap();
/// assert_eq!(taps.len(), 11);
/// assert!((taps[0] - taps[10]).abs() < 1e-15); // linear phase
/// assert!((taps[5] - 0.30544025095809957).abs() < 1e-12);
/// assert!((taps[0] + 0.05050399753520547).abs() < 1e-12);
/// ```
pub fn remez(numtaps: usize, bands: &[f64], desired: &[f64], opts: RemezOptions) -> Result<Array1<f64>> {
    let fs = opts.fs.unwrap_or(1.0);
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
    }
    if numtaps < 2 {
        return Err(invalid("numtaps", "The number of taps must be greater than 1."));
    }
    let nbands = desired.len();
    let weight = opts.weight.clone().unwrap_or_else(|| vec![1.0; nbands]);
    if nbands == 0 || bands.len() != 2 * nbands || weight.len() != nbands {
        return Err(invalid(
            "bands",
            "The inputs desired and weight must have same length. The input bands must have twice this length.",
        ));
    }
    if bands.iter().chain(desired).chain(&weight).any(|v| !v.is_finite()) {
        return Err(invalid("bands", "bands, desired and weight must be finite"));
    }
    if weight.iter().any(|&w| w <= 0.0) {
        return Err(invalid("weight", "weights must be positive"));
    }
    if opts.maxiter == 0 || opts.grid_density == 0 {
        return Err(invalid(
            if opts.maxiter == 0 { "maxiter" } else { "grid_density" },
            "must be at least 1",
        ));
    }
    let mut old = 0.0;
    for &b in bands {
        if b < old {
            return Err(invalid("bands", "Bands must be monotonic starting at zero."));
        }
        if b * 2.0 > fs {
            return Err(invalid("bands", "Band edges should be less than 1/2 the sampling frequency"));
        }
        old = b;
    }
    // 1-based copies, as the original program indexes them.
    let one_based = |v: &[f64]| std::iter::once(0.0).chain(v.iter().copied()).collect::<Vec<f64>>();
    let edge = one_based(&bands.iter().map(|b| b / fs).collect::<Vec<_>>());
    let fx = one_based(desired);
    let wtx = one_based(&weight);
    let jtype = opts.kind;
    let neg = jtype != RemezType::Bandpass;
    let nodd = numtaps % 2 == 1;
    let mut nfcns = numtaps / 2;
    if nodd && !neg {
        nfcns += 1;
    }
    let dimsize = (numtaps as f64 / 2.0 + 2.0).ceil() as usize;
    let wrksize = opts.grid_density * dimsize;
    let eff = |freq: f64, lband: usize| {
        if jtype == RemezType::Differentiator { fx[lband] * freq } else { fx[lband] }
    };
    let wate = |freq: f64, lband: usize| {
        if jtype != RemezType::Differentiator || fx[lband] < 0.0001 { wtx[lband] } else { wtx[lband] / freq }
    };
    let mut grid = vec![0.0; wrksize + 2];
    let mut des = vec![0.0; wrksize + 2];
    let mut wt = vec![0.0; wrksize + 2];
    grid[1] = edge[1];
    let delf = 0.5 / (opts.grid_density * nfcns) as f64;
    if neg && edge[1] < delf {
        grid[1] = delf;
    }
    let (mut j, mut l, mut lband) = (1usize, 1usize, 1usize);
    loop {
        let fup = edge[l + 1];
        loop {
            let temp = grid[j];
            des[j] = eff(temp, lband);
            wt[j] = wate(temp, lband);
            j += 1;
            if j > wrksize {
                return Err(not_converged(-1)); // too many points, or too dense a grid
            }
            grid[j] = temp + delf;
            if grid[j] > fup {
                break;
            }
        }
        grid[j - 1] = fup;
        des[j - 1] = eff(fup, lband);
        wt[j - 1] = wate(fup, lband);
        lband += 1;
        l += 2;
        if lband > nbands {
            break;
        }
        grid[j] = edge[l];
    }
    let mut ngrid = j - 1;
    if neg == nodd && grid[ngrid] > 0.5 - delf {
        ngrid -= 1;
    }
    if !neg {
        if !nodd {
            for j in 1..=ngrid {
                let change = (PI * grid[j]).cos();
                des[j] /= change;
                wt[j] *= change;
            }
        }
    } else {
        for j in 1..=ngrid {
            let change = if nodd { (TWOPI * grid[j]).sin() } else { (PI * grid[j]).sin() };
            des[j] /= change;
            wt[j] *= change;
        }
    }
    let mut iext = vec![0isize; nfcns + 4];
    let temp = (ngrid - 1) as f64 / nfcns as f64;
    for j in 1..=nfcns {
        iext[j] = ((j - 1) as f64 * temp) as isize + 1;
    }
    iext[nfcns + 1] = ngrid as isize;
    let pb = Problem { des: &des, wt: &wt, ngrid, nfcns };
    let alpha = remez_core(&pb, &mut grid, &edge, nbands, &mut iext, opts.maxiter)
        .map_err(|niter| not_converged(niter as isize))?;
    let nm1 = nfcns - 1;
    let nz = nfcns + 1;
    let mut h = vec![0.0; numtaps + 2];
    if !neg {
        if nodd {
            for j in 1..=nm1 {
                h[j] = 0.5 * alpha[nz - j];
            }
            h[nfcns] = alpha[1];
        } else {
            h[1] = 0.25 * alpha[nfcns];
            for j in 2..=nm1 {
                h[j] = 0.25 * (alpha[nz - j] + alpha[nfcns + 2 - j]);
            }
            h[nfcns] = 0.5 * alpha[1] + 0.25 * alpha[2];
        }
    } else if nodd {
        h[1] = 0.25 * alpha[nfcns];
        h[2] = 0.25 * alpha[nm1];
        for j in 3..=nm1 {
            h[j] = 0.25 * (alpha[nz - j] - alpha[nfcns + 3 - j]);
        }
        h[nfcns] = 0.5 * alpha[1] - 0.25 * alpha[3];
        h[nz] = 0.0;
    } else {
        h[1] = 0.25 * alpha[nfcns];
        for j in 2..=nm1 {
            h[j] = 0.25 * (alpha[nz - j] - alpha[nfcns + 2 - j]);
        }
        h[nfcns] = 0.5 * alpha[1] - 0.25 * alpha[2];
    }
    for j in 1..=nfcns {
        let k = numtaps + 1 - j;
        h[k] = if neg { -h[j] } else { h[j] };
    }
    if neg && nodd {
        h[nz] = 0.0;
    }
    Ok(Array1::from(h[1..=numtaps].to_vec()))
}

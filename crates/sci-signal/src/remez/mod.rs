//! Parks-McClellan (Remez exchange) optimal FIR design: `remez`.
//!
//! The exchange follows McClellan, Parks and Rabiner's program as SciPy runs it (the C
//! translation in `_sigtoolsmodule.c`): the same dense grid, initial extremals, search order and
//! inverse-DFT coefficient step, so the taps agree with SciPy's to rounding.

mod exchange;

use crate::error::{Result, invalid};
use exchange::{Problem, remez_core};
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

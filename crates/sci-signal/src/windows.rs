//! Window functions: `scipy.signal.windows` and `scipy.signal.get_window`.
//!
//! Every window takes the length `m` and `sym`: `true` gives the symmetric window (filter
//! design), `false` the periodic one (spectral analysis: the symmetric window of length `m + 1`
//! without its last sample). Lengths 0 and 1 give `[]` and `[1.0]`, as in SciPy.
//!
//! ```
//! use sci_signal::windows;
//! let w = windows::hann(5, true);
//! assert!(w[0].abs() < 1e-15 && (w[1] - 0.5).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
//! let p = windows::hann(4, false); // periodic: hann(5, true) without its last point
//! assert!((p[1] - 0.5).abs() < 1e-15 && (p[2] - 1.0).abs() < 1e-15);
//! ```

use crate::error::{Result, invalid};
use ndarray::Array1;
use std::f64::consts::PI;

mod chebwin;
mod dpss;
mod extra;
mod named;

pub use chebwin::chebwin;
pub use dpss::{Dpss, DpssNorm, DpssOptions, dpss};
pub use extra::{barthann, general_gaussian, general_hamming, kaiser_bessel_derived, lanczos, taylor};
pub use named::get_window_named;

/// A window kind with its parameters, SciPy's `window` argument of `get_window`.
///
/// # Examples
///
/// ```
/// use sci_signal::{get_window, Window};
/// let w = get_window(Window::Kaiser(8.6), 4, true).unwrap();
/// assert_eq!(w.len(), 4);
/// assert!((w[2] - 1.0).abs() < 1e-15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Window {
    /// `'hann'`.
    Hann,
    /// `'hamming'`.
    Hamming,
    /// `'blackman'`.
    Blackman,
    /// `'blackmanharris'`.
    BlackmanHarris,
    /// `'bartlett'`.
    Bartlett,
    /// `'flattop'`.
    Flattop,
    /// `('kaiser', beta)`.
    Kaiser(f64),
    /// `('gaussian', std)`.
    Gaussian(f64),
    /// `('tukey', alpha)`.
    Tukey(f64),
    /// `'boxcar'` (rectangular).
    Boxcar,
    /// `'cosine'`.
    Cosine,
    /// `('exponential', center, tau)`; `center: None` is the middle of the window.
    Exponential {
        /// Centre of the window (must be `None` for a symmetric window).
        center: Option<f64>,
        /// Decay.
        tau: f64,
    },
    /// `'triang'`.
    Triang,
    /// `'nuttall'`.
    Nuttall,
    /// `'parzen'`.
    Parzen,
    /// `'bohman'`.
    Bohman,
    /// `'barthann'`.
    Barthann,
    /// `('chebwin', at)`: sidelobe attenuation in dB.
    Chebwin(f64),
    /// `('dpss', NW)`: the first Slepian sequence, `norm='approximate'`.
    Dpss(f64),
    /// `('general_gaussian', p, sig)`.
    GeneralGaussian {
        /// Shape (1 is Gaussian).
        p: f64,
        /// Standard deviation.
        sig: f64,
    },
    /// `('general_hamming', alpha)`.
    GeneralHamming(f64),
    /// `('kaiser_bessel_derived', beta)`; symmetric and even lengths only.
    KaiserBesselDerived(f64),
    /// `'lanczos'`.
    Lanczos,
    /// `('taylor', nbar, sll, norm)`; SciPy's `'taylor'` alone is `nbar = 4, sll = 30, norm = true`.
    Taylor {
        /// Number of nearly constant-level sidelobes next to the main lobe.
        nbar: usize,
        /// Sidelobe level in dB below the main lobe.
        sll: f64,
        /// Scale the centre to 1.
        norm: bool,
    },
}

/// Returns the window of length `nx`; periodic (DFT-even) when `fftbins` is `true`, symmetric
/// otherwise.
///
/// SciPy equivalent: `scipy.signal.get_window(window, Nx, fftbins)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `nx == 0` (SciPy:
/// "Parameter Nx=0 is not a positive integer"), for
/// [`Window::Exponential`] with a `center` and `fftbins == false` (SciPy: "If sym==True, center
/// must be None."), and the errors of [`dpss`](crate::windows::dpss),
/// [`kaiser_bessel_derived`](crate::windows::kaiser_bessel_derived) (which needs `fftbins == false`)
/// and [`taylor`](crate::windows::taylor).
///
/// # Examples
///
/// ```
/// use sci_signal::{get_window, Window};
/// let w = get_window(Window::Hann, 4, true).unwrap();
/// assert!((w[0] - 0.0).abs() < 1e-15 && (w[1] - 0.5).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
/// let s = get_window(Window::Triang, 3, false).unwrap();
/// assert_eq!(s.to_vec(), vec![0.5, 1.0, 0.5]);
/// ```
pub fn get_window(window: Window, nx: usize, fftbins: bool) -> Result<Array1<f64>> {
    if nx == 0 {
        return Err(invalid("Nx", "Parameter Nx=0 is not a positive integer"));
    }
    let sym = !fftbins;
    Ok(match window {
        Window::Hann => hann(nx, sym),
        Window::Hamming => hamming(nx, sym),
        Window::Blackman => blackman(nx, sym),
        Window::BlackmanHarris => blackmanharris(nx, sym),
        Window::Bartlett => bartlett(nx, sym),
        Window::Flattop => flattop(nx, sym),
        Window::Kaiser(beta) => kaiser(nx, beta, sym),
        Window::Gaussian(std) => gaussian(nx, std, sym),
        Window::Tukey(alpha) => tukey(nx, alpha, sym),
        Window::Boxcar => boxcar(nx, sym),
        Window::Cosine => cosine(nx, sym),
        Window::Exponential { center, tau } => exponential(nx, center, tau, sym)?,
        Window::Triang => triang(nx, sym),
        Window::Nuttall => nuttall(nx, sym),
        Window::Parzen => parzen(nx, sym),
        Window::Bohman => bohman(nx, sym),
        Window::Barthann => barthann(nx, sym),
        Window::Chebwin(at) => chebwin(nx, at, sym),
        Window::Dpss(nw) => {
            dpss(nx, nw, DpssOptions { sym, ..Default::default() })?.windows.row(0).to_owned()
        }
        Window::GeneralGaussian { p, sig } => general_gaussian(nx, p, sig, sym),
        Window::GeneralHamming(alpha) => general_hamming(nx, alpha, sym),
        Window::KaiserBesselDerived(beta) => kaiser_bessel_derived(nx, beta, sym)?,
        Window::Lanczos => lanczos(nx, sym),
        Window::Taylor { nbar, sll, norm } => taylor(nx, nbar, sll, norm, sym)?,
    })
}

/// Builds a window of length `m` from `f(M)` evaluated at the (possibly extended) length.
fn build(m: usize, sym: bool, f: impl FnOnce(usize) -> Vec<f64>) -> Array1<f64> {
    if m <= 1 {
        return Array1::ones(m);
    }
    let big = if sym { m } else { m + 1 };
    let mut w = f(big);
    w.truncate(m);
    Array1::from(w)
}

/// NumPy's `linspace(start, stop, n)` (`i * step + start`, last point exactly `stop`).
fn linspace(start: f64, stop: f64, n: usize) -> Vec<f64> {
    let step = (stop - start) / (n - 1) as f64;
    let mut v: Vec<f64> = (0..n).map(|i| i as f64 * step + start).collect();
    v[n - 1] = stop;
    v
}

/// A generalized cosine window `sum_k a[k] cos(k x)`, `x` in `[-pi, pi]`.
///
/// SciPy equivalent: `scipy.signal.windows.general_cosine(M, a, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::general_cosine(3, &[0.5, 0.5], true);
/// assert!(w[0].abs() < 1e-15 && (w[1] - 1.0).abs() < 1e-15);
/// ```
pub fn general_cosine(m: usize, a: &[f64], sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        linspace(-PI, PI, big)
            .into_iter()
            .map(|x| a.iter().enumerate().fold(0.0, |s, (k, &ak)| s + ak * (k as f64 * x).cos()))
            .collect()
    })
}

macro_rules! cosine_window {
    ($(#[$doc:meta])* $name:ident, $scipy:literal, $coefs:expr, $ex:literal) => {
        $(#[$doc])*
        ///
        #[doc = concat!("SciPy equivalent: `scipy.signal.windows.", $scipy, "(M, sym)`.")]
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("let w = sci_signal::windows::", stringify!($name), "(5, true);")]
        #[doc = concat!("assert!((w[1] - ", $ex, ").abs() < 1e-12);")]
        /// assert!((w[1] - w[3]).abs() < 1e-15);
        /// ```
        pub fn $name(m: usize, sym: bool) -> Array1<f64> {
            general_cosine(m, &$coefs, sym)
        }
    };
}

cosine_window!(
    /// The Hann window `0.5 - 0.5 cos(2 pi n / (M - 1))`.
    hann, "hann", [0.5, 0.5], "0.5"
);
cosine_window!(
    /// The Hamming window `0.54 - 0.46 cos(2 pi n / (M - 1))`.
    hamming, "hamming", [0.54, 0.46], "0.54"
);
cosine_window!(
    /// The Blackman window (`a = [0.42, 0.50, 0.08]`).
    blackman, "blackman", [0.42, 0.50, 0.08], "0.34"
);
cosine_window!(
    /// The minimum 4-term Blackman-Harris window.
    blackmanharris, "blackmanharris", [0.35875, 0.48829, 0.14128, 0.01168], "0.21747"
);
cosine_window!(
    /// The minimum 4-term Blackman-Harris window of Nuttall.
    nuttall, "nuttall", [0.3635819, 0.4891775, 0.1365995, 0.0106411], "0.2269824"
);
cosine_window!(
    /// The flat top window (5 terms).
    flattop, "flattop", [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368], "-0.05473684"
);

/// The rectangular window (all ones).
///
/// SciPy equivalent: `scipy.signal.windows.boxcar(M, sym)`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::windows::boxcar(3, false).to_vec(), vec![1.0; 3]);
/// ```
pub fn boxcar(m: usize, _sym: bool) -> Array1<f64> {
    Array1::ones(m)
}

/// The triangular window (non-zero end points).
///
/// SciPy equivalent: `scipy.signal.windows.triang(M, sym)`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::windows::triang(4, true).to_vec(), vec![0.25, 0.75, 0.75, 0.25]);
/// ```
pub fn triang(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let half = big.div_ceil(2);
        let mf = big as f64;
        let w: Vec<f64> = if big % 2 == 0 {
            (1..=half).map(|n| (2.0 * n as f64 - 1.0) / mf).collect()
        } else {
            (1..=half).map(|n| 2.0 * n as f64 / (mf + 1.0)).collect()
        };
        let mut out = w.clone();
        let skip = usize::from(big % 2 == 1);
        out.extend(w.iter().rev().skip(skip));
        out
    })
}

/// The Bartlett (triangular, zero end points) window.
///
/// SciPy equivalent: `scipy.signal.windows.bartlett(M, sym)`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::windows::bartlett(5, true).to_vec(), vec![0.0, 0.5, 1.0, 0.5, 0.0]);
/// ```
pub fn bartlett(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let d = (big - 1) as f64;
        (0..big)
            .map(|n| {
                let n = n as f64;
                if n <= d / 2.0 { 2.0 * n / d } else { 2.0 - 2.0 * n / d }
            })
            .collect()
    })
}

/// The Parzen window (piecewise cubic).
///
/// SciPy equivalent: `scipy.signal.windows.parzen(M, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::parzen(5, true);
/// assert!((w[0] - 0.016).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn parzen(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let mf = big as f64;
        let start = -(mf - 1.0) / 2.0;
        (0..big)
            .map(|i| {
                let a = (start + i as f64).abs();
                let r = a / (mf / 2.0);
                if a <= (mf - 1.0) / 4.0 {
                    1.0 - 6.0 * r.powi(2) + 6.0 * r.powi(3)
                } else {
                    2.0 * (1.0 - r).powi(3)
                }
            })
            .collect()
    })
}

/// The Bohman window.
///
/// SciPy equivalent: `scipy.signal.windows.bohman(M, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::bohman(5, true);
/// assert_eq!((w[0], w[4]), (0.0, 0.0));
/// assert!((w[1] - 0.31830988618379).abs() < 1e-12 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn bohman(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let fac = linspace(-1.0, 1.0, big);
        let mut w = vec![0.0; big];
        for i in 1..big - 1 {
            let f = fac[i].abs();
            w[i] = (1.0 - f) * (PI * f).cos() + 1.0 / PI * (PI * f).sin();
        }
        w
    })
}

/// The Kaiser window with shape parameter `beta`.
///
/// SciPy equivalent: `scipy.signal.windows.kaiser(M, beta, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::kaiser(3, 14.0, true);
/// assert!((w[0] - 7.72686684e-06).abs() < 1e-13 && (w[1] - 1.0).abs() < 1e-15);
/// ```
pub fn kaiser(m: usize, beta: f64, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let alpha = (big - 1) as f64 / 2.0;
        let den = i0(beta);
        (0..big)
            .map(|n| {
                let r = (n as f64 - alpha) / alpha;
                i0(beta * (1.0 - r * r).sqrt()) / den
            })
            .collect()
    })
}

/// The Gaussian window with standard deviation `std` (in samples).
///
/// SciPy equivalent: `scipy.signal.windows.gaussian(M, std, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::gaussian(3, 1.0, true);
/// assert!((w[0] - (-0.5_f64).exp()).abs() < 1e-15 && w[1] == 1.0);
/// ```
pub fn gaussian(m: usize, std: f64, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let sig2 = 2.0 * std * std;
        let c = (big as f64 - 1.0) / 2.0;
        (0..big)
            .map(|n| {
                let x = n as f64 - c;
                (-(x * x) / sig2).exp()
            })
            .collect()
    })
}

/// The Tukey (tapered cosine) window; `alpha` is the tapered fraction (0: boxcar, 1: Hann).
///
/// SciPy equivalent: `scipy.signal.windows.tukey(M, alpha, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::tukey(5, 0.5, true);
/// assert!(w[0].abs() < 1e-15 && (w[1] - 1.0).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn tukey(m: usize, alpha: f64, sym: bool) -> Array1<f64> {
    if m <= 1 || alpha <= 0.0 {
        return Array1::ones(m);
    }
    if alpha >= 1.0 {
        return hann(m, sym);
    }
    build(m, sym, |big| {
        let d = (big - 1) as f64;
        let width = (alpha * d / 2.0).floor() as usize;
        (0..big)
            .map(|i| {
                let n = i as f64;
                if i <= width {
                    0.5 * (1.0 + (PI * (-1.0 + 2.0 * n / alpha / d)).cos())
                } else if i + width + 1 < big {
                    1.0
                } else {
                    0.5 * (1.0 + (PI * (-2.0 / alpha + 1.0 + 2.0 * n / alpha / d)).cos())
                }
            })
            .collect()
    })
}

/// The cosine (sine) window `sin(pi (n + 1/2) / M)`.
///
/// SciPy equivalent: `scipy.signal.windows.cosine(M, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::cosine(2, true);
/// assert!((w[0] - 0.5_f64.sqrt()).abs() < 1e-15);
/// ```
pub fn cosine(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| (0..big).map(|n| (PI / big as f64 * (n as f64 + 0.5)).sin()).collect())
}

/// The exponential (Poisson) window `exp(-|n - center| / tau)`.
///
/// SciPy equivalent: `scipy.signal.windows.exponential(M, center, tau, sym)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `sym` is `true` and
/// `center` is given.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::exponential(3, None, 1.0, true).unwrap();
/// assert!((w[0] - (-1.0_f64).exp()).abs() < 1e-15 && w[1] == 1.0);
/// assert!(sci_signal::windows::exponential(3, Some(0.0), 1.0, true).is_err());
/// ```
pub fn exponential(m: usize, center: Option<f64>, tau: f64, sym: bool) -> Result<Array1<f64>> {
    if sym && center.is_some() {
        return Err(invalid("center", "If sym==True, center must be None."));
    }
    Ok(build(m, sym, |big| {
        let c = center.unwrap_or((big as f64 - 1.0) / 2.0);
        (0..big).map(|n| (-(n as f64 - c).abs() / tau).exp()).collect()
    }))
}

/// Chebyshev series evaluation (Cephes `chbevl`).
fn chbevl(x: f64, coefs: &[f64]) -> f64 {
    let mut b0 = coefs[0];
    let (mut b1, mut b2) = (0.0, 0.0);
    for &c in &coefs[1..] {
        b2 = b1;
        b1 = b0;
        b0 = x * b1 - b2 + c;
    }
    0.5 * (b0 - b2)
}

#[allow(clippy::excessive_precision)]
const I0_A: [f64; 30] = [
    -4.4153416464793395e-18,
    3.3307945188222384e-17,
    -2.431279846547955e-16,
    1.715391285555133e-15,
    -1.1685332877993451e-14,
    7.676185498604936e-14,
    -4.856446783111929e-13,
    2.95505266312964e-12,
    -1.726826291441556e-11,
    9.675809035373237e-11,
    -5.189795601635263e-10,
    2.6598237246823866e-09,
    -1.300025009986248e-08,
    6.046995022541919e-08,
    -2.670793853940612e-07,
    1.1173875391201037e-06,
    -4.4167383584587505e-06,
    1.6448448070728896e-05,
    -5.754195010082104e-05,
    0.00018850288509584165,
    -0.0005763755745385824,
    0.0016394756169413357,
    -0.004324309995050576,
    0.010546460394594998,
    -0.02373741480589947,
    0.04930528423967071,
    -0.09490109704804764,
    0.17162090152220877,
    -0.3046826723431984,
    0.6767952744094761,
];

#[allow(clippy::excessive_precision)]
const I0_B: [f64; 25] = [
    -7.233180487874754e-18,
    -4.830504485944182e-18,
    4.46562142029676e-17,
    3.461222867697461e-17,
    -2.8276239805165836e-16,
    -3.425485619677219e-16,
    1.7725601330565263e-15,
    3.8116806693526224e-15,
    -9.554846698828307e-15,
    -4.150569347287222e-14,
    1.54008621752141e-14,
    3.8527783827421426e-13,
    7.180124451383666e-13,
    -1.7941785315068062e-12,
    -1.3215811840447713e-11,
    -3.1499165279632416e-11,
    1.1889147107846439e-11,
    4.94060238822497e-10,
    3.3962320257083865e-09,
    2.266668990498178e-08,
    2.0489185894690638e-07,
    2.8913705208347567e-06,
    6.889758346916825e-05,
    0.0033691164782556943,
    0.8044904110141088,
];

/// The modified Bessel function of the first kind, order 0 (Cephes' Chebyshev expansions,
/// relative error ~1e-16).
pub(crate) fn i0(x: f64) -> f64 {
    let x = x.abs();
    if x <= 8.0 {
        x.exp() * chbevl(x / 2.0 - 2.0, &I0_A)
    } else {
        x.exp() * chbevl(32.0 / x - 2.0, &I0_B) / x.sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i0_values() {
        // scipy.special.i0 at 0, 1, 5, 8, 8.5, 30, 700.
        let cases = [
            (0.0, 1.0),
            (1.0, 1.2660658777520082),
            (5.0, 27.239871823604442),
            (8.0, 427.56411572180474),
            (8.5, 683.1619269901155),
            (30.0, 781672297823.9775),
        ];
        for (x, want) in cases {
            assert!((i0(x) - want).abs() <= 2e-15 * want, "i0({x}) = {} != {want}", i0(x));
            assert_eq!(i0(-x), i0(x));
        }
    }
}

//! # sci-signal: `scipy.signal` on ndarray
//!
//! Filter design and filtering named as in `scipy.signal`, on [`ndarray`](sci_array::ndarray)
//! arrays.
//!
//! | SciPy | here |
//! |---|---|
//! | `butter` (`output='ba'`, `'zpk'`, `'sos'`) | [`butter`], [`butter_zpk`], [`butter_sos`] |
//! | `cheby1`, `cheby2` (`'ba'`, `'zpk'`, `'sos'`), `cheb1ap`, `cheb2ap` | [`cheby1`], [`cheby1_zpk`], [`cheby1_sos`], [`cheby2`], [`cheby2_zpk`], [`cheby2_sos`], [`cheb1ap`], [`cheb2ap`] |
//! | `ellip`, `bessel` (`'ba'`, `'zpk'`, `'sos'`), `ellipap`, `besselap` | [`ellip`], [`ellip_zpk`], [`ellip_sos`], [`bessel`], [`bessel_zpk`], [`bessel_sos`], [`ellipap`], [`besselap`] |
//! | `iirfilter` (`ftype` butter/cheby1/cheby2/ellip/bessel) | [`iirfilter`], [`iirfilter_zpk`], [`iirfilter_sos`] |
//! | `buttord`, `cheb1ord`, `cheb2ord`, `ellipord` | [`buttord`], [`cheb1ord`], [`cheb2ord`], [`ellipord`] |
//! | `iirdesign` (`ftype` butter/cheby1/cheby2/ellip) | [`iirdesign`], [`iirdesign_zpk`], [`iirdesign_sos`] |
//! | `buttap`, `lp2lp_zpk`, `lp2hp_zpk`, `lp2bp_zpk`, `lp2bs_zpk`, `bilinear_zpk` | [`buttap`], [`lp2lp_zpk`], [`lp2hp_zpk`], [`lp2bp_zpk`], [`lp2bs_zpk`], [`bilinear_zpk`] |
//! | `lp2lp`, `lp2hp`, `lp2bp`, `lp2bs`, `bilinear`, `normalize` (`ba` form) | [`lp2lp`], [`lp2hp`], [`lp2bp`], [`lp2bs`], [`bilinear`], [`normalize`] |
//! | `zpk2tf`, `tf2zpk`, `zpk2sos` | [`zpk2tf`], [`tf2zpk`], [`zpk2sos`] |
//! | `lfilter` (with `zi`), `lfilter_zi`, `filtfilt` | [`lfilter`], [`lfilter_with_zi`], [`lfilter_zi`], [`filtfilt`] |
//! | `detrend`, `resample` | [`detrend`], [`resample`] |
//! | `freqz`, `freqz_zpk`, `sosfreqz` | [`freqz`], [`freqz_zpk`], [`sosfreqz`] |
//! | `freqs`, `freqs_zpk`, `group_delay` | [`freqs`], [`freqs_zpk`], [`group_delay`] |
//! | `iirnotch`, `iirpeak`, `iircomb`, `gammatone` | [`iirnotch`], [`iirpeak`], [`iircomb`], [`gammatone`] |
//! | `sos2tf`, `sos2zpk`, `tf2sos` | [`sos2tf`], [`sos2zpk`], [`tf2sos`] |
//! | `sosfilt` (with `zi`), `sosfilt_zi`, `sosfiltfilt` | [`sosfilt`], [`sosfilt_with_zi`], [`sosfilt_zi`], [`sosfiltfilt`] |
//! | `convolve`, `correlate`, `fftconvolve`, `oaconvolve`, `choose_conv_method`, `correlation_lags` | [`convolve`], [`correlate`], [`fftconvolve`], [`oaconvolve`], [`choose_conv_method`], [`correlation_lags`] |
//! | `convolve2d`, `correlate2d` | [`convolve2d`], [`correlate2d`] |
//! | `periodogram`, `welch`, `csd`, `coherence`, `spectrogram`, `lombscargle` | [`periodogram`], [`welch`], [`csd`], [`coherence`], [`spectrogram`], [`lombscargle`] |
//! | `stft`, `istft`, `check_COLA`, `check_NOLA` | [`stft`], [`istft`], [`check_cola`], [`check_nola`] |
//! | `find_peaks`, `peak_prominences`, `peak_widths` | [`find_peaks`], [`peak_prominences`], [`peak_widths`] |
//! | `argrelextrema`, `argrelmax`, `argrelmin` | [`argrelextrema`], [`argrelmax`], [`argrelmin`] |
//! | `chirp`, `square`, `sawtooth`, `gausspulse`, `unit_impulse`, `hilbert`, `hilbert2` | [`chirp`], [`square`], [`sawtooth`], [`gausspulse`] / [`gausspulse_cutoff`], [`unit_impulse`], [`hilbert`], [`hilbert2`] / [`hilbert2_1d`] |
//! | `medfilt`, `medfilt2d`, `wiener`, `savgol_coeffs`, `savgol_filter` | [`medfilt`], [`medfilt2d`], [`wiener`], [`savgol_coeffs`], [`savgol_filter`] |
//! | `upfirdn`, `resample_poly`, `decimate` | [`upfirdn`], [`resample_poly`], [`decimate`] |
//! | `firwin`, `firwin2`, `kaiser_beta`, `kaiser_atten`, `kaiserord` | [`firwin`], [`firwin2`], [`kaiser_beta`], [`kaiser_atten`], [`kaiserord`] |
//! | `remez`, `firls` | [`remez`], [`firls`] |
//! | `get_window` (by [`Window`], or by name and tuple parameters), `windows.*` | [`get_window`], [`get_window_named`], [`windows`] |
//!
//! ```
//! use sci_signal::{butter, BType};
//! let (b, a) = butter(4, &[20.0 / 500.0], BType::Lowpass, false, None).unwrap();
//! assert_eq!((b.len(), a.len()), (5, 5));
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod argrel;
mod bessel;
mod cheby;
mod convert;
mod convolve;
mod convolve2d;
mod cplx;
mod design;
mod detrend;
mod ellip;
mod elliptic;
mod error;
mod fftconv;
mod filter;
mod filtfilt;
mod fir;
mod firls;
mod freqs;
mod freqz;
mod gammatone;
mod iirdesign;
mod iirfilter;
mod lombscargle;
mod medfilt;
mod multirate;
mod notch;
mod order;
mod peaks;
mod real;
mod remez;
mod resample;
mod roots;
mod savgol;
mod sos;
mod sosfilt;
mod spectral;
mod stft;
mod tf_transforms;
mod waveforms;
pub mod windows;
mod zpk;

pub use argrel::{ExtremaMode, argrelextrema, argrelmax, argrelmin};
pub use bessel::{BesselNorm, bessel, bessel_sos, bessel_zpk, besselap};
pub use cheby::{cheb1ap, cheb2ap, cheby1, cheby1_sos, cheby1_zpk, cheby2, cheby2_sos, cheby2_zpk};
pub use convert::{sos2tf, sos2zpk, tf2sos};
pub use convolve::{
    ConvMethod, ConvMode, choose_conv_method, convolve, correlate, correlation_lags, fftconvolve, oaconvolve,
};
pub use convolve2d::{Boundary, convolve2d, correlate2d};
pub use design::{BType, butter, butter_sos, butter_zpk};
pub use detrend::{DetrendType, detrend};
pub use ellip::{ellip, ellip_sos, ellip_zpk, ellipap};
pub use error::{Result, SignalError};
pub use filter::{lfilter, lfilter_with_zi, lfilter_zi};
pub use filtfilt::{FiltfiltMethod, FiltfiltOptions, PadType, filtfilt, sosfiltfilt};
pub use fir::{PassZero, firwin, firwin2, kaiser_atten, kaiser_beta, kaiserord};
pub use firls::firls;
pub use freqs::{freqs, freqs_zpk, group_delay};
pub use freqz::{FreqzOptions, WorN, freqz, freqz_zpk, sosfreqz};
pub use gammatone::{GammatoneType, gammatone};
pub use iirdesign::{IirDesignType, iirdesign, iirdesign_sos, iirdesign_zpk};
pub use iirfilter::{IirType, iirfilter, iirfilter_sos, iirfilter_zpk};
pub use lombscargle::{LombNormalize, lombscargle};
pub use medfilt::{medfilt, medfilt2d, wiener};
pub use multirate::{DecimateFilter, ResampleWindow, decimate, resample_poly, upfirdn};
pub use notch::{CombType, iircomb, iirnotch, iirpeak};
pub use order::{buttord, cheb1ord, cheb2ord, ellipord};
pub use peaks::{FindPeaksOptions, PeakBound, PeakProperties, find_peaks, peak_prominences, peak_widths};
pub use real::Real;
pub use remez::{RemezOptions, RemezType, remez};
pub use resample::resample;
pub use roots::tf2zpk;
pub use savgol::{SavgolMode, savgol_coeffs, savgol_filter};
pub use sos::{Pairing, zpk2sos};
pub use sosfilt::{sosfilt, sosfilt_with_zi, sosfilt_zi};
pub use spectral::{
    Average, Scaling, SegmentDetrend, SpectralOptions, coherence, csd, periodogram, spectrogram, welch,
};
pub use stft::{StftOptions, check_cola, check_nola, istft, stft};
pub use tf_transforms::{bilinear, lp2bp, lp2bs, lp2hp, lp2lp, normalize};
pub use waveforms::{
    ChirpMethod, ImpulseIndex, chirp, gausspulse, gausspulse_cutoff, hilbert, hilbert2, hilbert2_1d,
    sawtooth, square, unit_impulse,
};
pub use windows::{Window, get_window, get_window_named};
pub use zpk::{Zpk, bilinear_zpk, buttap, lp2bp_zpk, lp2bs_zpk, lp2hp_zpk, lp2lp_zpk, zpk2tf};

//! Spectral estimation: `periodogram`, `welch`, `csd`, `coherence`, `spectrogram`.

use crate::error::{Result, invalid};
use crate::windows::{Window, get_window};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use num_complex::Complex64;
use std::sync::Arc;

/// What is removed from each segment before windowing, SciPy's `detrend` of the spectral
/// functions.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::SegmentDetrend::default(), sci_signal::SegmentDetrend::Constant);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SegmentDetrend {
    /// `False`: nothing.
    None,
    /// `'constant'` (default): the mean.
    #[default]
    Constant,
    /// `'linear'`: the least-squares line.
    Linear,
}

/// The units of a spectral estimate, SciPy's `scaling`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::Scaling::default(), sci_signal::Scaling::Density);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scaling {
    /// `'density'` (default): power spectral density, V²/Hz.
    #[default]
    Density,
    /// `'spectrum'`: power spectrum, V².
    Spectrum,
}

/// How segment estimates are combined, SciPy's `average`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::Average::default(), sci_signal::Average::Mean);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Average {
    /// `'mean'` (default).
    #[default]
    Mean,
    /// `'median'`, divided by the bias of the median of χ²₂ variables.
    Median,
}

/// Keyword arguments of [`welch`], [`csd`], [`coherence`], [`periodogram`] and
/// [`spectrogram`]. `Default` holds `welch`'s defaults; [`SpectralOptions::periodogram`] and
/// [`SpectralOptions::spectrogram`] those of the other two.
///
/// `nperseg: None` is 256 (or the signal length if shorter), `noverlap: None` is
/// `nperseg / 2` (`nperseg / 8` for `spectrogram`), `nfft: None` is `nperseg`.
///
/// # Examples
///
/// ```
/// use sci_signal::{SpectralOptions, Window};
/// let o = SpectralOptions { fs: 1000.0, nperseg: Some(128), ..Default::default() };
/// assert_eq!(o.window, Window::Hann);
/// assert_eq!(SpectralOptions::spectrogram().window, Window::Tukey(0.25));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SpectralOptions {
    /// Sampling frequency (default 1).
    pub fs: f64,
    /// Window applied to each segment (periodic, as `get_window`).
    pub window: Window,
    /// Segment length.
    pub nperseg: Option<usize>,
    /// Overlap of consecutive segments.
    pub noverlap: Option<usize>,
    /// FFT length (zero padding), at least `nperseg`.
    pub nfft: Option<usize>,
    /// Per-segment detrending.
    pub detrend: SegmentDetrend,
    /// One-sided spectrum of a real signal (default) or two-sided.
    pub return_onesided: bool,
    /// Density or spectrum.
    pub scaling: Scaling,
    /// Mean or median of the segment estimates (`welch`, `csd`, `coherence`).
    pub average: Average,
}

impl Default for SpectralOptions {
    fn default() -> Self {
        SpectralOptions {
            fs: 1.0,
            window: Window::Hann,
            nperseg: None,
            noverlap: None,
            nfft: None,
            detrend: SegmentDetrend::Constant,
            return_onesided: true,
            scaling: Scaling::Density,
            average: Average::Mean,
        }
    }
}

impl SpectralOptions {
    /// SciPy's defaults of `periodogram` (boxcar window).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_signal::SpectralOptions::periodogram().window, sci_signal::Window::Boxcar);
    /// ```
    pub fn periodogram() -> Self {
        SpectralOptions { window: Window::Boxcar, ..Default::default() }
    }

    /// SciPy's defaults of `spectrogram` (Tukey window with `alpha = 0.25`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_signal::SpectralOptions::spectrogram().window, sci_signal::Window::Tukey(0.25));
    /// ```
    pub fn spectrogram() -> Self {
        SpectralOptions { window: Window::Tukey(0.25), ..Default::default() }
    }
}

/// The FFT of one windowed segment: real-to-complex (one-sided) or complex (two-sided).
pub(crate) enum SegFft {
    Real(Arc<dyn realfft::RealToComplex<f64>>),
    Complex(Arc<dyn rustfft::Fft<f64>>),
}

/// Everything fixed for a run over the segments of a signal.
pub(crate) struct Segments {
    pub(crate) win: Vec<f64>,
    pub(crate) nperseg: usize,
    pub(crate) step: usize,
    pub(crate) nfft: usize,
    pub(crate) detrend: SegmentDetrend,
    pub(crate) onesided: bool,
    fft: SegFft,
}

/// Per-thread buffers of [`Segments::spectrum`].
pub(crate) struct SegBuf {
    real: Vec<f64>,
    cplx: Vec<Complex64>,
    scratch: Vec<Complex64>,
}

impl Segments {
    /// Validates the segment parameters for a signal of length `n` (SciPy's
    /// `_triage_segments` and the checks of `_spectral_helper`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        n: usize,
        window: Window,
        nperseg: Option<usize>,
        noverlap: Option<usize>,
        nfft: Option<usize>,
        detrend: SegmentDetrend,
        onesided: bool,
        default_overlap_div: usize,
    ) -> Result<Self> {
        let nperseg = match nperseg {
            Some(0) => return Err(invalid("nperseg", "nperseg must be a positive integer")),
            Some(p) => p.min(n),
            None => 256.min(n),
        };
        if nperseg == 0 {
            return Err(invalid("x", "the signal is empty"));
        }
        let nfft = match nfft {
            Some(f) if f < nperseg => {
                return Err(invalid("nfft", "nfft must be greater than or equal to nperseg."));
            }
            Some(f) => f,
            None => nperseg,
        };
        let noverlap = noverlap.unwrap_or(nperseg / default_overlap_div);
        if noverlap >= nperseg {
            return Err(invalid("noverlap", "noverlap must be less than nperseg."));
        }
        let win = get_window(window, nperseg, true)?.to_vec();
        let fft = if onesided {
            SegFft::Real(crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
                pl.real.plan_fft_forward(nfft)
            }))
        } else {
            SegFft::Complex(crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
                pl.complex.plan_fft_forward(nfft)
            }))
        };
        Ok(Segments { win, nperseg, step: nperseg - noverlap, nfft, detrend, onesided, fft })
    }

    /// Number of frequencies of a segment spectrum.
    pub(crate) fn nfreq(&self) -> usize {
        if self.onesided { self.nfft / 2 + 1 } else { self.nfft }
    }

    /// Number of whole segments in a signal of length `n`.
    pub(crate) fn count(&self, n: usize) -> usize {
        if n < self.nperseg { 0 } else { (n - self.nperseg) / self.step + 1 }
    }

    /// The sample frequencies (`rfftfreq` or `fftfreq` of `nfft` at `fs`).
    pub(crate) fn freqs(&self, fs: f64) -> Array1<f64> {
        let d = self.nfft as f64 / fs;
        if self.onesided {
            Array1::from_shape_fn(self.nfreq(), |k| k as f64 / d)
        } else {
            let half = self.nfft.div_ceil(2);
            Array1::from_shape_fn(self.nfft, |k| {
                if k < half { k as f64 / d } else { (k as f64 - self.nfft as f64) / d }
            })
        }
    }

    pub(crate) fn buffers(&self) -> SegBuf {
        let scratch_len = match &self.fft {
            SegFft::Real(p) => p.get_scratch_len(),
            SegFft::Complex(p) => p.get_inplace_scratch_len(),
        };
        SegBuf {
            real: vec![0.0; self.nfft],
            cplx: vec![Complex64::new(0.0, 0.0); self.nfft],
            scratch: vec![Complex64::new(0.0, 0.0); scratch_len],
        }
    }

    /// The spectrum of the detrended, windowed segment `seg` (length `nperseg`) into `out`
    /// (length [`Segments::nfreq`]).
    pub(crate) fn spectrum(&self, seg: &[f64], buf: &mut SegBuf, out: &mut [Complex64]) {
        let np = self.nperseg;
        let r = &mut buf.real;
        r[..np].copy_from_slice(seg);
        match self.detrend {
            SegmentDetrend::None => {}
            SegmentDetrend::Constant => {
                let m = r[..np].iter().sum::<f64>() / np as f64;
                r[..np].iter_mut().for_each(|v| *v -= m);
            }
            SegmentDetrend::Linear => remove_line(&mut r[..np]),
        }
        r[..np].iter_mut().zip(&self.win).for_each(|(v, w)| *v *= w);
        r[np..].fill(0.0);
        match &self.fft {
            SegFft::Real(p) => {
                p.process_with_scratch(r, out, &mut buf.scratch).expect("lengths match the plan");
            }
            SegFft::Complex(p) => {
                buf.cplx.iter_mut().zip(r.iter()).for_each(|(c, &v)| *c = Complex64::new(v, 0.0));
                p.process_with_scratch(&mut buf.cplx, &mut buf.scratch);
                out.copy_from_slice(&buf.cplx);
            }
        }
    }
}

/// Least-squares line removal (same fit as `detrend(type='linear')`).
fn remove_line(y: &mut [f64]) {
    let n = y.len();
    if n < 2 {
        y.iter_mut().for_each(|v| *v -= *v);
        return;
    }
    let tm = (n as f64 - 1.0) / 2.0;
    let ym = y.iter().sum::<f64>() / n as f64;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (i, &v) in y.iter().enumerate() {
        let dt = i as f64 - tm;
        sxx += dt * dt;
        sxy += dt * (v - ym);
    }
    let slope = sxy / sxx;
    y.iter_mut().enumerate().for_each(|(i, v)| *v -= ym + slope * (i as f64 - tm));
}

/// SciPy's `_median_bias(n)`: the median of `n` χ²₂ variables over their mean.
fn median_bias(n: usize) -> f64 {
    1.0 + (1..=(n - 1) / 2).map(|i| 1.0 / (2.0 * i as f64 + 1.0) - 1.0 / (2.0 * i as f64)).sum::<f64>()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

/// `conj(X) Y` per frequency, scaled, one-sided doubling; `f` is called per segment with its
/// index and cross spectrum.
fn cross_segments(
    x: &[f64],
    y: Option<&[f64]>,
    sg: &Segments,
    scale: f64,
    mut f: impl FnMut(usize, &[Complex64]),
) {
    let nf = sg.nfreq();
    let nseg = sg.count(x.len());
    let mut buf = sg.buffers();
    let (mut sx, mut sy, mut p) =
        (vec![Complex64::default(); nf], vec![Complex64::default(); nf], vec![Complex64::default(); nf]);
    for i in 0..nseg {
        let start = i * sg.step;
        sg.spectrum(&x[start..start + sg.nperseg], &mut buf, &mut sx);
        match y {
            None => p.iter_mut().zip(&sx).for_each(|(p, a)| *p = Complex64::new(a.norm_sqr() * scale, 0.0)),
            Some(y) => {
                sg.spectrum(&y[start..start + sg.nperseg], &mut buf, &mut sy);
                p.iter_mut().zip(sx.iter().zip(&sy)).for_each(|(p, (a, b))| *p = a.conj() * b * scale);
            }
        }
        double_onesided(&mut p, sg);
        f(i, &p);
    }
}

fn double_onesided(p: &mut [Complex64], sg: &Segments) {
    if sg.onesided {
        let end = if sg.nfft % 2 == 1 { p.len() } else { p.len() - 1 };
        p[1..end.max(1)].iter_mut().for_each(|v| *v *= 2.0);
    }
}

fn scale_of(sg: &Segments, fs: f64, scaling: Scaling) -> f64 {
    match scaling {
        Scaling::Density => 1.0 / (fs * sg.win.iter().map(|w| w * w).sum::<f64>()),
        Scaling::Spectrum => 1.0 / sg.win.iter().sum::<f64>().powi(2),
    }
}

/// Averaged cross spectrum of `x` and `y` (`None`: auto spectrum of `x`).
fn averaged(x: &[f64], y: Option<&[f64]>, sg: &Segments, opts: &SpectralOptions) -> Vec<Complex64> {
    let nf = sg.nfreq();
    let nseg = sg.count(x.len());
    let scale = scale_of(sg, opts.fs, opts.scaling);
    match opts.average {
        Average::Mean => {
            let acc = mean_parallel(x, y, sg, scale);
            acc.into_iter().map(|v| v / nseg as f64).collect()
        }
        Average::Median => {
            let mut all = vec![Complex64::default(); nf * nseg];
            cross_segments(x, y, sg, scale, |i, p| all[i * nf..(i + 1) * nf].copy_from_slice(p));
            let bias = median_bias(nseg);
            let mut col = vec![0.0; nseg];
            (0..nf)
                .map(|k| {
                    col.iter_mut().enumerate().for_each(|(i, c)| *c = all[i * nf + k].re);
                    let re = median(&mut col);
                    col.iter_mut().enumerate().for_each(|(i, c)| *c = all[i * nf + k].im);
                    let im = median(&mut col);
                    Complex64::new(re, im) / bias
                })
                .collect()
        }
    }
}

/// Sum of the segment cross spectra, in fixed blocks of segments (summed in order), the blocks
/// on several threads for long signals (rayon feature): results do not depend on the thread
/// count.
fn mean_parallel(x: &[f64], y: Option<&[f64]>, sg: &Segments, scale: f64) -> Vec<Complex64> {
    const BLOCK: usize = 64;
    let nf = sg.nfreq();
    let nseg = sg.count(x.len());
    let nblocks = nseg.div_ceil(BLOCK);
    let block_sum = |b: usize| {
        let lo = b * BLOCK * sg.step;
        let segs = (nseg - b * BLOCK).min(BLOCK);
        let hi = lo + (segs - 1) * sg.step + sg.nperseg;
        let mut acc = vec![Complex64::default(); nf];
        cross_segments(&x[lo..hi], y.map(|y| &y[lo..hi]), sg, scale, |_, p| {
            acc.iter_mut().zip(p).for_each(|(a, v)| *a += v);
        });
        acc
    };
    #[cfg(feature = "rayon")]
    let sums: Vec<Vec<Complex64>> = if nblocks > 1 && x.len() >= 100_000 {
        use rayon::prelude::*;
        (0..nblocks).into_par_iter().map(block_sum).collect()
    } else {
        (0..nblocks).map(block_sum).collect()
    };
    #[cfg(not(feature = "rayon"))]
    let sums: Vec<Vec<Complex64>> = (0..nblocks).map(block_sum).collect();
    let mut total = vec![Complex64::default(); nf];
    for s in sums {
        total.iter_mut().zip(&s).for_each(|(t, v)| *t += v);
    }
    total
}

fn contiguous<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix1>) -> Vec<f64> {
    x.iter().copied().collect()
}

/// Estimates the power spectral density with Welch's method: the average of modified
/// periodograms of overlapping, windowed, detrended segments.
///
/// Returns `(f, Pxx)`. Segments are spread over threads for long signals; the per-frequency
/// sum runs in fixed blocks of 64 segments, so the result does not depend on the thread count
/// (it may differ from SciPy's pairwise mean in the last bits).
///
/// SciPy equivalent: `scipy.signal.welch(x, fs, window, nperseg, noverlap, nfft, detrend,
/// return_onesided, scaling, average=average)` (1-d `x`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `nperseg == 0`,
/// `noverlap >= nperseg` or `nfft < nperseg`. An empty `x` gives empty outputs, as SciPy.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{welch, SpectralOptions};
/// // A 100 Hz sine sampled at 1 kHz: the peak of the PSD is at 100 Hz.
/// let x = Array1::from_shape_fn(4096, |i| (2.0 * std::f64::consts::PI * 100.0 * i as f64 / 1000.0).sin());
/// let (f, p) = welch(&x, &SpectralOptions { fs: 1000.0, ..Default::default() }).unwrap();
/// assert_eq!(f.len(), 129);
/// let peak = p.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0;
/// assert!((f[peak] - 100.0).abs() < 4.0);
/// ```
pub fn welch<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    opts: &SpectralOptions,
) -> Result<(Array1<f64>, Array1<f64>)> {
    if x.is_empty() {
        return Ok((Array1::zeros(0), Array1::zeros(0)));
    }
    let (f, p) = csd_impl(&contiguous(x), None, opts, 2)?;
    Ok((f, p.mapv(|v| v.re)))
}

fn csd_impl(
    x: &[f64],
    y: Option<&[f64]>,
    opts: &SpectralOptions,
    overlap_div: usize,
) -> Result<(Array1<f64>, Array1<Complex64>)> {
    let sg = Segments::new(
        x.len(),
        opts.window,
        opts.nperseg,
        opts.noverlap,
        opts.nfft,
        opts.detrend,
        opts.return_onesided,
        overlap_div,
    )?;
    let p = averaged(x, y, &sg, opts);
    Ok((sg.freqs(opts.fs), Array1::from(p)))
}

/// Estimates the cross power spectral density `Pxy` of `x` and `y` with Welch's method.
///
/// SciPy equivalent: `scipy.signal.csd(x, y, ...)` (1-d, equal lengths).
///
/// # Errors
///
/// As [`welch`], and [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when the
/// lengths differ (SciPy zero-pads the shorter signal; not done here).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{csd, welch, SpectralOptions};
/// let x = Array1::from_shape_fn(1000, |i| ((i * i) % 17) as f64);
/// let o = SpectralOptions { nperseg: Some(64), ..Default::default() };
/// let (_, pxx) = csd(&x, &x, &o).unwrap();
/// let (_, w) = welch(&x, &o).unwrap();
/// assert!(pxx.iter().zip(&w).all(|(a, b)| (a.re - b).abs() <= 1e-12 * b.abs() && a.im == 0.0));
/// ```
pub fn csd<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    opts: &SpectralOptions,
) -> Result<(Array1<f64>, Array1<Complex64>)> {
    if x.len() != y.len() {
        return Err(invalid("y", format!("x and y must have the same length ({} != {})", x.len(), y.len())));
    }
    if x.is_empty() {
        return Ok((Array1::zeros(0), Array1::zeros(0)));
    }
    csd_impl(&contiguous(x), Some(&contiguous(y)), opts, 2)
}

/// Estimates the magnitude squared coherence `|Pxy|² / (Pxx Pyy)` with Welch's method.
///
/// Segment estimates are always averaged with the mean (`opts.average` is ignored, as SciPy's
/// `coherence` has no `average`).
///
/// SciPy equivalent: `scipy.signal.coherence(x, y, ...)` (1-d, equal lengths).
///
/// # Errors
///
/// As [`csd`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{coherence, SpectralOptions};
/// let x = Array1::from_shape_fn(2000, |i| ((i * 7919) % 101) as f64 - 50.0);
/// let y = x.mapv(|v| 3.0 * v);
/// let (_, c) = coherence(&x, &y, &SpectralOptions { nperseg: Some(100), ..Default::default() }).unwrap();
/// assert!(c.iter().all(|v| (v - 1.0).abs() < 1e-10));
/// ```
pub fn coherence<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    opts: &SpectralOptions,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let opts = &SpectralOptions { average: Average::Mean, ..opts.clone() };
    let (f, pxy) = csd(x, y, opts)?;
    if x.is_empty() {
        return Ok((f, Array1::zeros(0)));
    }
    let (_, pxx) = welch(x, opts)?;
    let (_, pyy) = welch(y, opts)?;
    let c = Array1::from_shape_fn(f.len(), |k| pxy[k].norm_sqr() / pxx[k] / pyy[k]);
    Ok((f, c))
}

/// Estimates the power spectral density with a periodogram (one segment: the whole signal).
///
/// `nfft` shorter than the signal truncates it; longer zero-pads. Use
/// [`SpectralOptions::periodogram`] for SciPy's defaults (boxcar window); `nperseg`,
/// `noverlap` and `average` are ignored.
///
/// SciPy equivalent: `scipy.signal.periodogram(x, fs, window, nfft, detrend, return_onesided,
/// scaling)` (1-d).
///
/// # Errors
///
/// As [`welch`]. An empty `x` gives empty outputs.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{periodogram, SpectralOptions};
/// let (f, p) = periodogram(&array![1.0, 0.0, -1.0, 0.0], &SpectralOptions::periodogram()).unwrap();
/// assert_eq!(f.to_vec(), vec![0.0, 0.25, 0.5]);
/// assert!((p[1] - 2.0).abs() < 1e-15 && p[0].abs() < 1e-15 && p[2].abs() < 1e-15);
/// ```
pub fn periodogram<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    opts: &SpectralOptions,
) -> Result<(Array1<f64>, Array1<f64>)> {
    if x.is_empty() {
        return Ok((Array1::zeros(0), Array1::zeros(0)));
    }
    let mut v = contiguous(x);
    let nperseg = match opts.nfft {
        Some(0) => return Err(invalid("nfft", "nfft must be a positive integer")),
        Some(n) if n < v.len() => {
            v.truncate(n);
            n
        }
        _ => v.len(),
    };
    let o =
        SpectralOptions { nperseg: Some(nperseg), noverlap: Some(0), average: Average::Mean, ..opts.clone() };
    let (f, p) = csd_impl(&v, None, &o, 2)?;
    Ok((f, p.mapv(|c| c.re)))
}

/// Computes a spectrogram: the power spectral density of each overlapping segment.
///
/// Returns `(f, t, Sxx)` with `Sxx` of shape `(f.len(), t.len())` and `t` the segment centres.
/// Use [`SpectralOptions::spectrogram`] for SciPy's defaults (Tukey(0.25) window, `noverlap =
/// nperseg / 8`); `average` is ignored.
///
/// SciPy equivalent: `scipy.signal.spectrogram(x, fs, window, nperseg, noverlap, nfft, detrend,
/// return_onesided, scaling, mode='psd')` (1-d).
///
/// # Errors
///
/// As [`welch`], and [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for an
/// empty `x`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{spectrogram, SpectralOptions};
/// let x = Array1::from_shape_fn(1000, |i| (i as f64 * 0.3).sin());
/// let o = SpectralOptions { nperseg: Some(100), ..SpectralOptions::spectrogram() };
/// let (f, t, s) = spectrogram(&x, &o).unwrap();
/// assert_eq!((f.len(), t.len(), s.dim()), (51, 11, (51, 11)));
/// assert_eq!((t[0], t[1]), (50.0, 138.0));
/// ```
pub fn spectrogram<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    opts: &SpectralOptions,
) -> Result<(Array1<f64>, Array1<f64>, Array2<f64>)> {
    let v = contiguous(x);
    let sg = Segments::new(
        v.len(),
        opts.window,
        opts.nperseg,
        opts.noverlap,
        opts.nfft,
        opts.detrend,
        opts.return_onesided,
        8,
    )?;
    let scale = scale_of(&sg, opts.fs, opts.scaling);
    let nseg = sg.count(v.len());
    let mut s = Array2::<f64>::zeros((sg.nfreq(), nseg));
    cross_segments(&v, None, &sg, scale, |i, p| {
        s.column_mut(i).iter_mut().zip(p).for_each(|(d, c)| *d = c.re);
    });
    let t = Array1::from_shape_fn(nseg, |i| (sg.nperseg as f64 / 2.0 + (i * sg.step) as f64) / opts.fs);
    Ok((sg.freqs(opts.fs), t, s))
}

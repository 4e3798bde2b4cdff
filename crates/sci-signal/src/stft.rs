//! Short-time Fourier transform: `stft`, `istft`, `check_COLA`, `check_NOLA`.

use crate::error::{Result, invalid};
use crate::spectral::{Scaling, SegmentDetrend, Segments};
use crate::windows::{Window, get_window};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};
use num_complex::Complex64;

/// Keyword arguments of [`stft`] and [`istft`], with SciPy's defaults.
///
/// `nperseg: None` is 256 for `stft` (or the signal length if shorter) and
/// `2 (nfreq - 1)` for `istft`; `noverlap: None` is `nperseg / 2`; `nfft: None` is `nperseg`.
///
/// # Examples
///
/// ```
/// let o = sci_signal::StftOptions::default();
/// assert!(o.boundary && o.padded && o.detrend == sci_signal::SegmentDetrend::None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StftOptions {
    /// Sampling frequency (default 1).
    pub fs: f64,
    /// Window (default Hann, periodic).
    pub window: Window,
    /// Segment length.
    pub nperseg: Option<usize>,
    /// Overlap of consecutive segments.
    pub noverlap: Option<usize>,
    /// FFT length.
    pub nfft: Option<usize>,
    /// Per-segment detrending (`stft` only; default none).
    pub detrend: SegmentDetrend,
    /// One-sided spectrum (default; `stft` only).
    pub return_onesided: bool,
    /// `boundary='zeros'` (default `true`): `nperseg / 2` zeros on both sides; `false` is
    /// `boundary=None`. For `istft`, whether to remove them.
    pub boundary: bool,
    /// Zero-pad the end to a whole number of segments (default `true`; `stft` only).
    pub padded: bool,
    /// `'spectrum'` (default) or `'psd'` (`Scaling::Density`).
    pub scaling: Scaling,
}

impl Default for StftOptions {
    fn default() -> Self {
        StftOptions {
            fs: 1.0,
            window: Window::Hann,
            nperseg: None,
            noverlap: None,
            nfft: None,
            detrend: SegmentDetrend::None,
            return_onesided: true,
            boundary: true,
            padded: true,
            scaling: Scaling::Spectrum,
        }
    }
}

/// Computes the short-time Fourier transform of `x`.
///
/// Returns `(f, t, Zxx)` with `Zxx` of shape `(f.len(), t.len())`.
///
/// SciPy equivalent: `scipy.signal.stft(x, fs, window, nperseg, noverlap, nfft, detrend,
/// return_onesided, boundary='zeros' | None, padded, scaling=...)` (1-d).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for an empty `x`,
/// `nperseg == 0`, `noverlap >= nperseg` or `nfft < nperseg`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{istft, stft, StftOptions};
/// let x = Array1::from_shape_fn(500, |i| (i as f64 * 0.05).sin() + 0.1 * (i % 7) as f64);
/// let o = StftOptions { nperseg: Some(64), ..Default::default() };
/// let (f, t, z) = stft(&x, &o).unwrap();
/// assert_eq!((f.len(), t.len()), (33, 17));
/// let (_, back) = istft(&z, &o).unwrap();
/// assert!(x.iter().zip(&back).all(|(a, b)| (a - b).abs() < 1e-12));
/// ```
pub fn stft<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    opts: &StftOptions,
) -> Result<(Array1<f64>, Array1<f64>, Array2<Complex64>)> {
    let n = x.len();
    let sg = Segments::new(
        n,
        opts.window,
        opts.nperseg,
        opts.noverlap,
        opts.nfft,
        opts.detrend,
        opts.return_onesided,
        2,
    )?;
    let np = sg.nperseg;
    let half = if opts.boundary { np / 2 } else { 0 };
    let mut v = vec![0.0; half];
    v.extend(x.iter());
    v.extend(std::iter::repeat_n(0.0, half));
    if opts.padded {
        let len = v.len() as isize;
        let (np_i, step) = (np as isize, sg.step as isize);
        let nadd = (-(len - np_i)).rem_euclid(step) % np_i;
        v.extend(std::iter::repeat_n(0.0, nadd as usize));
    }
    let scale = match opts.scaling {
        Scaling::Spectrum => 1.0 / sg.win.iter().sum::<f64>(),
        Scaling::Density => (1.0 / (opts.fs * sg.win.iter().map(|w| w * w).sum::<f64>())).sqrt(),
    };
    let nseg = sg.count(v.len());
    let nf = sg.nfreq();
    let mut z = Array2::<Complex64>::zeros((nf, nseg));
    let mut buf = sg.buffers();
    let mut spec = vec![Complex64::default(); nf];
    for i in 0..nseg {
        let s = i * sg.step;
        sg.spectrum(&v[s..s + np], &mut buf, &mut spec);
        z.column_mut(i).iter_mut().zip(&spec).for_each(|(d, c)| *d = c * scale);
    }
    let shift = if opts.boundary { np as f64 / 2.0 } else { 0.0 };
    let t = Array1::from_shape_fn(nseg, |i| (np as f64 / 2.0 + (i * sg.step) as f64 - shift) / opts.fs);
    Ok((sg.freqs(opts.fs), t, z))
}

/// Inverts a one-sided short-time Fourier transform by weighted overlap-add.
///
/// Returns `(t, x)`. Round trip with [`stft`] holds when the window satisfies [`check_nola`].
///
/// SciPy equivalent: `scipy.signal.istft(Zxx, fs, window, nperseg, noverlap, nfft,
/// input_onesided=True, boundary, scaling=...)` (frequency along axis 0, time along axis 1).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for fewer than 2
/// frequencies or no segment, `nperseg == 0`, `noverlap >= nperseg`, `nfft < nperseg`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array2;
/// use sci_array::num_complex::Complex64;
/// use sci_signal::{istft, StftOptions};
/// let z = Array2::from_elem((5, 3), Complex64::new(0.0, 0.0));
/// let (t, x) = istft(&z, &StftOptions::default()).unwrap();
/// assert_eq!((t.len(), x.len()), (8, 8));
/// assert!(x.iter().all(|v| *v == 0.0));
/// ```
pub fn istft<S: Data<Elem = Complex64>>(
    zxx: &ArrayBase<S, Ix2>,
    opts: &StftOptions,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let (nfreq, nseg) = zxx.dim();
    if nfreq < 2 {
        return Err(invalid("Zxx", "Input stft must be at least 2d, with 2 frequencies or more"));
    }
    if nseg == 0 {
        return Err(invalid("Zxx", "Input stft has no segments"));
    }
    let n_default = 2 * (nfreq - 1);
    let nperseg = match opts.nperseg {
        Some(0) => return Err(invalid("nperseg", "nperseg must be a positive integer")),
        Some(p) => p,
        None => n_default,
    };
    let nfft = match opts.nfft {
        None if nperseg == n_default + 1 => nperseg,
        None => n_default,
        Some(f) if f < nperseg => {
            return Err(invalid("nfft", "nfft must be greater than or equal to nperseg."));
        }
        Some(f) => f,
    };
    let noverlap = opts.noverlap.unwrap_or(nperseg / 2);
    if noverlap >= nperseg {
        return Err(invalid("noverlap", "noverlap must be less than nperseg."));
    }
    if nfft < nperseg {
        return Err(invalid("nfft", "nfft must be greater than or equal to nperseg."));
    }
    let nstep = nperseg - noverlap;
    let win = get_window(opts.window, nperseg, true)?;
    let unscale = match opts.scaling {
        Scaling::Spectrum => win.sum(),
        Scaling::Density => (opts.fs * win.iter().map(|w| w * w).sum::<f64>()).sqrt(),
    };
    let inv = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
        pl.real.plan_fft_inverse(nfft)
    });
    let mut spec = inv.make_input_vec();
    let mut seg = inv.make_output_vec();
    let mut scratch = inv.make_scratch_vec();
    let outlen = nperseg + (nseg - 1) * nstep;
    let mut x = vec![0.0; outlen];
    let mut norm = vec![0.0; outlen];
    let ifft_scale = unscale / nfft as f64;
    for i in 0..nseg {
        spec.fill(Complex64::default());
        let m = spec.len().min(nfreq);
        spec[..m].iter_mut().zip(zxx.column(i).iter()).for_each(|(d, s)| *d = *s);
        // irfft ignores the imaginary parts of the DC and (even nfft) Nyquist bins.
        spec[0].im = 0.0;
        if nfft % 2 == 0 {
            let l = spec.len() - 1;
            spec[l].im = 0.0;
        }
        inv.process_with_scratch(&mut spec, &mut seg, &mut scratch).expect("lengths match the plan");
        let o = i * nstep;
        for k in 0..nperseg {
            x[o + k] += seg[k] * ifft_scale * win[k];
            norm[o + k] += win[k] * win[k];
        }
    }
    // SciPy's x[h:-h] (empty for h == 0, i.e. nperseg == 1).
    let (lo, hi) = if opts.boundary {
        let h = nperseg / 2;
        if h == 0 || 2 * h >= outlen { (0, 0) } else { (h, outlen - h) }
    } else {
        (0, outlen)
    };
    let out: Vec<f64> =
        x[lo..hi].iter().zip(&norm[lo..hi]).map(|(&v, &n)| if n > 1e-10 { v / n } else { v }).collect();
    let t = Array1::from_shape_fn(out.len(), |i| i as f64 / opts.fs);
    Ok((t, Array1::from(out)))
}

fn check_window<S: Data<Elem = f64>>(
    window: &ArrayBase<S, Ix1>,
    nperseg: usize,
    noverlap: usize,
) -> Result<()> {
    if nperseg == 0 {
        return Err(invalid("nperseg", "nperseg must be a positive integer"));
    }
    if noverlap >= nperseg {
        return Err(invalid("noverlap", "noverlap must be less than nperseg."));
    }
    if window.len() != nperseg {
        return Err(invalid("window", "window must have length of nperseg"));
    }
    Ok(())
}

/// Sums of `f(window)` over the shifted segments, per position in one step.
fn binsums<S: Data<Elem = f64>>(
    window: &ArrayBase<S, Ix1>,
    nperseg: usize,
    noverlap: usize,
    f: fn(f64) -> f64,
) -> Vec<f64> {
    let step = nperseg - noverlap;
    let w: Vec<f64> = window.iter().map(|&v| f(v)).collect();
    let mut sums = vec![0.0; step];
    for ii in 0..nperseg / step {
        sums.iter_mut().zip(&w[ii * step..(ii + 1) * step]).for_each(|(s, v)| *s += v);
    }
    let r = nperseg % step;
    if r != 0 {
        sums[..r].iter_mut().zip(&w[nperseg - r..]).for_each(|(s, v)| *s += v);
    }
    sums
}

/// Whether `window` overlapped by `noverlap` satisfies the constant overlap-add (COLA)
/// constraint, within `tol`.
///
/// SciPy equivalent: `scipy.signal.check_COLA(window, nperseg, noverlap, tol)` (window given
/// as an array; use [`get_window`] for a named one).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `nperseg == 0`,
/// `noverlap >= nperseg` or a window whose length is not `nperseg`.
///
/// # Examples
///
/// ```
/// use sci_signal::{check_cola, get_window, Window};
/// let w = get_window(Window::Hann, 256, true).unwrap();
/// assert!(check_cola(&w, 256, 128, 1e-10).unwrap());
/// let b = get_window(Window::Bartlett, 256, true).unwrap();
/// assert!(!check_cola(&b, 256, 100, 1e-10).unwrap());
/// ```
pub fn check_cola<S: Data<Elem = f64>>(
    window: &ArrayBase<S, Ix1>,
    nperseg: usize,
    noverlap: usize,
    tol: f64,
) -> Result<bool> {
    check_window(window, nperseg, noverlap)?;
    let mut sums = binsums(window, nperseg, noverlap, |v| v);
    let mut sorted = sums.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let n = sorted.len();
    let med = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
    sums.iter_mut().for_each(|s| *s = (*s - med).abs());
    Ok(sums.iter().fold(0.0_f64, |m, &v| m.max(v)) < tol)
}

/// Whether `window` overlapped by `noverlap` satisfies the nonzero overlap-add (NOLA)
/// constraint (needed by [`istft`]), within `tol`.
///
/// SciPy equivalent: `scipy.signal.check_NOLA(window, nperseg, noverlap, tol)`.
///
/// # Errors
///
/// As [`check_cola`], and for a negative `tol`.
///
/// # Examples
///
/// ```
/// use sci_signal::{check_nola, get_window, Window};
/// let w = get_window(Window::Hann, 256, true).unwrap();
/// assert!(check_nola(&w, 256, 128, 1e-10).unwrap());
/// assert!(!check_nola(&w, 256, 0, 1e-10).unwrap());
/// ```
pub fn check_nola<S: Data<Elem = f64>>(
    window: &ArrayBase<S, Ix1>,
    nperseg: usize,
    noverlap: usize,
    tol: f64,
) -> Result<bool> {
    check_window(window, nperseg, noverlap)?;
    if tol.is_nan() || tol < 0.0 {
        return Err(invalid("tol", "tol must be non-negative"));
    }
    let sums = binsums(window, nperseg, noverlap, |v| v * v);
    Ok(sums.iter().fold(f64::INFINITY, |m, &v| m.min(v)) > tol)
}

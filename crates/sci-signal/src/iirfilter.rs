//! `iirfilter`: IIR design from the order and critical frequencies, for every analog prototype.

use crate::bessel::{BesselNorm, besselap};
use crate::cheby::{cheb1ap, cheb2ap};
use crate::design::{BType, iir_zpk};
use crate::ellip::ellipap;
use crate::error::Result;
use crate::sos::zpk2sos;
use crate::zpk::{Zpk, buttap, zpk2tf};
use ndarray::{Array1, Array2};

/// The kind of IIR filter, SciPy's `ftype` with the ripple arguments it needs (`rp`, `rs` in
/// dB), so a Chebyshev or elliptic design cannot miss them.
///
/// # Examples
///
/// ```
/// use sci_signal::{IirType, BesselNorm};
/// let t = IirType::Ellip { rp: 1.0, rs: 40.0 };
/// assert_ne!(t, IirType::Bessel(BesselNorm::Phase));
/// assert_eq!(IirType::default(), IirType::Butter);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum IirType {
    /// `'butter'` (the default): Butterworth, maximally flat.
    #[default]
    Butter,
    /// `'cheby1'`: Chebyshev type I with `rp` dB of passband ripple.
    Cheby1 {
        /// Maximum passband ripple in dB.
        rp: f64,
    },
    /// `'cheby2'`: Chebyshev type II with `rs` dB of stopband attenuation.
    Cheby2 {
        /// Minimum stopband attenuation in dB.
        rs: f64,
    },
    /// `'ellip'`: elliptic (Cauer).
    Ellip {
        /// Maximum passband ripple in dB.
        rp: f64,
        /// Minimum stopband attenuation in dB.
        rs: f64,
    },
    /// `'bessel'` with its normalization (`'bessel_phase'`, `'bessel_delay'`, `'bessel_mag'`).
    Bessel(BesselNorm),
}

impl IirType {
    /// The analog low-pass prototype of order `n` (SciPy's `buttap`, `cheb1ap`, ...).
    fn prototype(self, n: usize) -> Result<Zpk> {
        match self {
            IirType::Butter => Ok(buttap(n)),
            IirType::Cheby1 { rp } => cheb1ap(n, rp),
            IirType::Cheby2 { rs } => cheb2ap(n, rs),
            IirType::Ellip { rp, rs } => ellipap(n, rp, rs),
            IirType::Bessel(norm) => besselap(n, norm),
        }
    }
}

/// IIR digital and analog filter design from the order and critical frequencies: zeros,
/// poles and gain.
///
/// The analog low-pass prototype of `ftype` is moved to `wn` with `lp2lp_zpk`, `lp2hp_zpk`,
/// `lp2bp_zpk` or `lp2bs_zpk`, then (digital) through the bilinear transform with pre-warped
/// frequencies. `wn` is one value for low/high-pass and `[low, high]` for band-pass/stop,
/// normalized to Nyquist (`0 < wn < 1`) for digital filters unless `fs` is given (then in the
/// units of `fs`), in rad/s for analog filters.
///
/// SciPy equivalent: `scipy.signal.iirfilter(N, Wn, rp, rs, btype, analog, ftype, output='zpk', fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `wn` has the wrong
/// number of values for `btype`, is not positive, is not increasing, or (digital) is not below
/// Nyquist; when `fs` is given for an analog filter or is not positive; when a ripple or
/// attenuation is not positive.
///
/// # Examples
///
/// ```
/// use sci_signal::{iirfilter_zpk, ellip_zpk, BType, IirType};
/// let a = iirfilter_zpk(4, &[0.2, 0.5], IirType::Ellip { rp: 1.0, rs: 50.0 }, BType::Bandstop, false, None)
///     .unwrap();
/// let b = ellip_zpk(4, 1.0, 50.0, &[0.2, 0.5], BType::Bandstop, false, None).unwrap();
/// assert_eq!(a, b);
/// ```
pub fn iirfilter_zpk(
    n: usize,
    wn: &[f64],
    ftype: IirType,
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Zpk> {
    iir_zpk(ftype.prototype(n)?, wn, btype, analog, fs)
}

/// IIR filter design: transfer-function coefficients `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.iirfilter(N, Wn, rp, rs, btype, analog, ftype, output='ba', fs)`.
///
/// # Errors
///
/// As [`iirfilter_zpk`].
///
/// # Examples
///
/// SciPy's docstring example, `signal.iirfilter(17, [50, 200], rs=60, btype='band',
/// analog=True, ftype='cheby2')`, here at order 4:
///
/// ```
/// use sci_signal::{iirfilter, BType, IirType};
/// let (b, a) = iirfilter(4, &[50.0, 200.0], IirType::Cheby2 { rs: 60.0 }, BType::Bandpass, true, None)
///     .unwrap();
/// assert_eq!((b.len(), a.len()), (9, 9));
/// assert!((b[0] - 0.001).abs() < 1e-15); // the stopband level, -60 dB
/// assert_eq!(a[0], 1.0);
/// ```
pub fn iirfilter(
    n: usize,
    wn: &[f64],
    ftype: IirType,
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = iirfilter_zpk(n, wn, ftype, btype, analog, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// IIR filter design: second-order sections.
///
/// SciPy equivalent: `scipy.signal.iirfilter(N, Wn, rp, rs, btype, analog, ftype, output='sos', fs)`.
///
/// # Errors
///
/// As [`iirfilter_zpk`], and as [`zpk2sos`](crate::zpk2sos).
///
/// # Examples
///
/// ```
/// use sci_signal::{iirfilter_sos, BType, IirType};
/// let sos = iirfilter_sos(6, &[50.0], IirType::Cheby1 { rp: 0.5 }, BType::Highpass, false, Some(1000.0))
///     .unwrap();
/// assert_eq!(sos.shape(), &[3, 6]);
/// ```
pub fn iirfilter_sos(
    n: usize,
    wn: &[f64],
    ftype: IirType,
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = iirfilter_zpk(n, wn, ftype, btype, analog, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}

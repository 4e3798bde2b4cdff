//! `iirdesign`: IIR design from passband and stopband specifications (order selection, then
//! `iirfilter`).

use crate::design::BType;
use crate::error::{Result, invalid};
use crate::iirfilter::{IirType, iirfilter_zpk};
use crate::order::{buttord, cheb1ord, cheb2ord, ellipord};
use crate::sos::zpk2sos;
use crate::zpk::{Zpk, zpk2tf};
use ndarray::{Array1, Array2};

/// The kind of filter [`iirdesign`] builds, SciPy's `ftype` (the types with an order-selection
/// function).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::IirDesignType::default(), sci_signal::IirDesignType::Ellip);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IirDesignType {
    /// `'butter'`: Butterworth ([`buttord`]).
    Butter,
    /// `'cheby1'`: Chebyshev type I with `rp = gpass` ([`cheb1ord`]).
    Cheby1,
    /// `'cheby2'`: Chebyshev type II with `rs = gstop` ([`cheb2ord`]).
    Cheby2,
    /// `'ellip'` (the default): elliptic with `rp = gpass`, `rs = gstop` ([`ellipord`]).
    #[default]
    Ellip,
}

/// Complete IIR digital and analog filter design from passband and stopband edges: zeros,
/// poles and gain.
///
/// `wp`, `ws`, `gpass`, `gstop`, `analog` and `fs` are as for [`buttord`]; the order and natural
/// frequency come from the order-selection function of `ftype`, then [`iirfilter_zpk`] designs
/// the filter with `rp = gpass` and `rs = gstop`. The band type follows from the edges
/// (low-pass `wp < ws`, high-pass `wp > ws`, band-pass `ws` outside `wp`, band-stop inside).
///
/// SciPy equivalent: `scipy.signal.iirdesign(wp, ws, gpass, gstop, analog, ftype, output='zpk', fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) with SciPy's messages when
/// `wp` and `ws` do not have one or two elements each and the same length, are not positive, are
/// not below 1 (or `fs/2`) for a digital filter, or (two elements) the passband does not lie
/// strictly inside the stopband or vice versa; and as [`buttord`] and [`iirfilter_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{iirdesign_zpk, IirDesignType};
/// let zpk = iirdesign_zpk(&[0.2], &[0.3], 1.0, 40.0, false, IirDesignType::Ellip, None).unwrap();
/// assert_eq!(zpk.p.len(), 4); // ellipord's order for this specification
/// ```
pub fn iirdesign_zpk(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    ftype: IirDesignType,
    fs: Option<f64>,
) -> Result<Zpk> {
    if wp.len() != ws.len() || !(1..=2).contains(&wp.len()) {
        return Err(invalid(
            "wp",
            format!(
                "wp and ws must have one or two elements each, and the same shape, got ({},) and ({},)",
                wp.len(),
                ws.len()
            ),
        ));
    }
    if wp.iter().chain(ws).any(|&v| v.is_nan() || v <= 0.0) {
        return Err(invalid("wp", "Values for wp, ws must be greater than 0"));
    }
    if !analog {
        match fs {
            None if wp.iter().chain(ws).any(|&v| v >= 1.0) => {
                return Err(invalid("wp", "Values for wp, ws must be less than 1"));
            }
            Some(fs) if wp.iter().chain(ws).any(|&v| v >= fs / 2.0) => {
                return Err(invalid(
                    "wp",
                    format!("Values for wp, ws must be less than fs/2 (fs={fs} -> fs/2={})", fs / 2.0),
                ));
            }
            _ => {}
        }
    }
    if wp.len() == 2 && !((ws[0] < wp[0] && wp[1] < ws[1]) || (wp[0] < ws[0] && ws[1] < wp[1])) {
        return Err(invalid("wp", "Passband must lie strictly inside stopband or vice versa"));
    }
    let btype = match (wp.len(), wp[0] >= ws[0]) {
        (1, false) => BType::Lowpass,
        (1, true) => BType::Highpass,
        (_, false) => BType::Bandstop,
        (_, true) => BType::Bandpass,
    };
    let (ordfunc, iir): (
        fn(&[f64], &[f64], f64, f64, bool, Option<f64>) -> Result<(usize, Vec<f64>)>,
        IirType,
    ) = match ftype {
        IirDesignType::Butter => (buttord, IirType::Butter),
        IirDesignType::Cheby1 => (cheb1ord, IirType::Cheby1 { rp: gpass }),
        IirDesignType::Cheby2 => (cheb2ord, IirType::Cheby2 { rs: gstop }),
        IirDesignType::Ellip => (ellipord, IirType::Ellip { rp: gpass, rs: gstop }),
    };
    let (n, wn) = ordfunc(wp, ws, gpass, gstop, analog, fs)?;
    iirfilter_zpk(n, &wn, iir, btype, analog, fs)
}

/// Complete IIR filter design from passband and stopband edges: transfer-function coefficients
/// `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.iirdesign(wp, ws, gpass, gstop, analog, ftype, output='ba', fs)`.
///
/// # Errors
///
/// As [`iirdesign_zpk`].
///
/// # Examples
///
/// SciPy's `group_delay` example designs `iirdesign(0.1, 0.3, 5, 50, ftype='cheby1')`:
///
/// ```
/// use sci_signal::{iirdesign, IirDesignType};
/// let (b, a) = iirdesign(&[0.1], &[0.3], 5.0, 50.0, false, IirDesignType::Cheby1, None).unwrap();
/// assert_eq!((b.len(), a.len()), (5, 5)); // order 4
/// ```
pub fn iirdesign(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    ftype: IirDesignType,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = iirdesign_zpk(wp, ws, gpass, gstop, analog, ftype, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Complete IIR filter design from passband and stopband edges: second-order sections.
///
/// SciPy equivalent: `scipy.signal.iirdesign(wp, ws, gpass, gstop, analog, ftype, output='sos', fs)`.
///
/// # Errors
///
/// As [`iirdesign_zpk`], and as [`zpk2sos`](crate::zpk2sos).
///
/// # Examples
///
/// ```
/// use sci_signal::{iirdesign_sos, IirDesignType};
/// let sos = iirdesign_sos(&[1000.0, 2000.0], &[500.0, 2500.0], 1.0, 60.0, false, IirDesignType::Butter, Some(8000.0))
///     .unwrap();
/// assert_eq!(sos.ncols(), 6);
/// ```
pub fn iirdesign_sos(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    ftype: IirDesignType,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = iirdesign_zpk(wp, ws, gpass, gstop, analog, ftype, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}

//! Filter order selection: `buttord`, `cheb1ord`, `cheb2ord`, `ellipord`.
//!
//! Each follows SciPy step by step, including the bounded Brent search (`optimize.fminbound`,
//! `xtol=1e-5`) that widens the passband of band-stop specifications.

use crate::elliptic::{ellipk, ellipkm1, pow10m1};
use crate::error::{Result, invalid};
use std::f64::consts::PI;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Butter,
    Cheby,
    Ellip,
}

#[derive(Clone, Copy, PartialEq)]
enum Band {
    Low,
    High,
    Stop,
    Pass,
}

/// A validated specification: pre-warped band edges and the band type.
struct Spec {
    passb: Vec<f64>,
    stopb: Vec<f64>,
    band: Band,
    analog: bool,
    fs: Option<f64>,
}

fn validate(wp: &[f64], ws: &[f64], gpass: f64, gstop: f64, analog: bool, fs: Option<f64>) -> Result<Spec> {
    if gpass.is_nan() || gpass <= 0.0 {
        return Err(invalid("gpass", "gpass should be larger than 0.0"));
    }
    if gstop.is_nan() || gstop <= 0.0 {
        return Err(invalid("gstop", "gstop should be larger than 0.0"));
    }
    if gpass > gstop {
        return Err(invalid("gpass", "gpass should be smaller than gstop"));
    }
    if let Some(fs) = fs {
        if !(fs.is_finite() && fs > 0.0) {
            return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
        }
        if analog {
            return Err(invalid("fs", "fs cannot be specified for an analog filter"));
        }
    }
    if wp.is_empty() || wp.len() > 2 {
        return Err(invalid("wp", format!("expected 1 or 2 band edges, got {}", wp.len())));
    }
    if ws.len() != wp.len() {
        return Err(invalid("ws", format!("expected {} band edges like wp, got {}", wp.len(), ws.len())));
    }
    let norm = |w: &[f64]| -> Vec<f64> {
        match fs {
            Some(fs) => w.iter().map(|&v| 2.0 * v / fs).collect(),
            None => w.to_vec(),
        }
    };
    let (wpn, wsn) = (norm(wp), norm(ws));
    for (arg, w) in [("wp", &wpn), ("ws", &wsn)] {
        if w.iter().any(|&v| v.is_nan() || v <= 0.0 || v.is_infinite()) {
            return Err(invalid(arg, "filter critical frequencies must be greater than 0"));
        }
        if !analog && w.iter().any(|&v| v >= 1.0) {
            return Err(invalid(
                arg,
                match fs {
                    Some(fs) => {
                        format!("Digital filter critical frequencies must be 0 < Wn < fs/2 (fs={fs})")
                    }
                    None => "Digital filter critical frequencies must be 0 < Wn < 1".to_string(),
                },
            ));
        }
        if w.len() == 2 && w[0] >= w[1] {
            return Err(invalid(arg, format!("{arg}[0] must be less than {arg}[1]")));
        }
    }
    let band = match (wpn.len(), wpn[0] >= wsn[0]) {
        (1, false) => Band::Low,
        (1, true) => Band::High,
        (_, false) => Band::Stop,
        (_, true) => Band::Pass,
    };
    let warp = |w: &[f64]| -> Vec<f64> {
        if analog { w.to_vec() } else { w.iter().map(|&v| (PI * v / 2.0).tan()).collect() }
    };
    Ok(Spec { passb: warp(&wpn), stopb: warp(&wsn), band, analog, fs })
}

/// SciPy's `band_stop_obj`: the order needed when passband edge `ind` is moved to `wp`.
fn band_stop_obj(
    wp: f64,
    ind: usize,
    passb: &[f64],
    stopb: &[f64],
    gpass: f64,
    gstop: f64,
    kind: Kind,
) -> f64 {
    let mut pc = [passb[0], passb[1]];
    pc[ind] = wp;
    let nat = stopb
        .iter()
        .map(|&s| (s * (pc[0] - pc[1]) / (s * s - pc[0] * pc[1])).abs())
        .fold(f64::INFINITY, f64::min);
    match kind {
        Kind::Butter => {
            let gs = 10f64.powf(0.1 * gstop.abs());
            let gp = 10f64.powf(0.1 * gpass.abs());
            ((gs - 1.0) / (gp - 1.0)).log10() / (2.0 * nat.log10())
        }
        Kind::Cheby => {
            let gs = 10f64.powf(0.1 * gstop.abs());
            let gp = 10f64.powf(0.1 * gpass.abs());
            ((gs - 1.0) / (gp - 1.0)).sqrt().acosh() / nat.acosh()
        }
        Kind::Ellip => {
            let gs = 10f64.powf(0.1 * gstop);
            let gp = 10f64.powf(0.1 * gpass);
            let arg1 = ((gp - 1.0) / (gs - 1.0)).sqrt();
            let arg0 = 1.0 / nat;
            let d0 = (ellipk(arg0 * arg0), ellipk(1.0 - arg0 * arg0));
            let d1 = (ellipk(arg1 * arg1), ellipk(1.0 - arg1 * arg1));
            d0.0 * d1.1 / (d0.1 * d1.0)
        }
    }
}

/// Bounded scalar minimization (Brent's method with golden sections), SciPy's
/// `optimize.fminbound(func, x1, x2, xtol=1e-5, maxfun=500)` step by step.
fn fminbound(f: impl Fn(f64) -> f64, x1: f64, x2: f64) -> f64 {
    let xatol = 1e-5;
    let maxfun = 500;
    let sqrt_eps = 2.2e-16f64.sqrt();
    let golden_mean = 0.5 * (3.0 - 5f64.sqrt());
    let (mut a, mut b) = (x1, x2);
    let mut fulc = a + golden_mean * (b - a);
    let (mut nfc, mut xf) = (fulc, fulc);
    let (mut rat, mut e) = (0.0f64, 0.0f64);
    let mut fx = f(xf);
    let mut num = 1;
    let (mut ffulc, mut fnfc) = (fx, fx);
    let mut xm = 0.5 * (a + b);
    let mut tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
    let mut tol2 = 2.0 * tol1;
    let sign = |v: f64| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    while (xf - xm).abs() > tol2 - 0.5 * (b - a) {
        let mut golden = true;
        if e.abs() > tol1 {
            golden = false;
            let mut r = (xf - nfc) * (fx - ffulc);
            let mut q = (xf - fulc) * (fx - fnfc);
            let mut p = (xf - fulc) * q - (xf - nfc) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            r = e;
            e = rat;
            if p.abs() < (0.5 * q * r).abs() && p > q * (a - xf) && p < q * (b - xf) {
                rat = (p + 0.0) / q;
                let x = xf + rat;
                if (x - a) < tol2 || (b - x) < tol2 {
                    let si = sign(xm - xf) + if xm - xf == 0.0 { 1.0 } else { 0.0 };
                    rat = tol1 * si;
                }
            } else {
                golden = true;
            }
        }
        if golden {
            e = if xf >= xm { a - xf } else { b - xf };
            rat = golden_mean * e;
        }
        let si = sign(rat) + if rat == 0.0 { 1.0 } else { 0.0 };
        let x = xf + si * rat.abs().max(tol1);
        let fu = f(x);
        num += 1;
        if fu <= fx {
            if x >= xf {
                a = xf;
            } else {
                b = xf;
            }
            (fulc, ffulc) = (nfc, fnfc);
            (nfc, fnfc) = (xf, fx);
            (xf, fx) = (x, fu);
        } else {
            if x < xf {
                a = x;
            } else {
                b = x;
            }
            if fu <= fnfc || nfc == xf {
                (fulc, ffulc) = (nfc, fnfc);
                (nfc, fnfc) = (x, fu);
            } else if fu <= ffulc || fulc == xf || fulc == nfc {
                (fulc, ffulc) = (x, fu);
            }
        }
        xm = 0.5 * (a + b);
        tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
        tol2 = 2.0 * tol1;
        if num >= maxfun {
            break;
        }
    }
    xf
}

/// SciPy's `_find_nat_freq`: the stopband-to-passband ratio of the equivalent low-pass filter,
/// and the passband (widened by the optimizer for band-stop filters).
fn find_nat_freq(spec: &Spec, gpass: f64, gstop: f64, kind: Kind) -> (f64, Vec<f64>) {
    let (passb, stopb) = (&spec.passb, &spec.stopb);
    let (nat, passb): (Vec<f64>, Vec<f64>) = match spec.band {
        Band::Low => (vec![stopb[0] / passb[0]], passb.clone()),
        Band::High => (vec![passb[0] / stopb[0]], passb.clone()),
        Band::Stop => {
            let wp0 = fminbound(
                |w| band_stop_obj(w, 0, passb, stopb, gpass, gstop, kind),
                passb[0],
                stopb[0] - 1e-12,
            );
            let wp1 = fminbound(
                |w| band_stop_obj(w, 1, passb, stopb, gpass, gstop, kind),
                stopb[1] + 1e-12,
                passb[1],
            );
            let pb = vec![wp0, wp1];
            (stopb.iter().map(|&s| (s * (pb[0] - pb[1])) / (s * s - pb[0] * pb[1])).collect(), pb)
        }
        Band::Pass => (
            stopb.iter().map(|&s| (s * s - passb[0] * passb[1]) / (s * (passb[0] - passb[1]))).collect(),
            passb.clone(),
        ),
    };
    (nat.iter().map(|v| v.abs()).fold(f64::INFINITY, f64::min), passb)
}

/// SciPy's `_postprocess_wn`: back from pre-warped to normalized (or `fs`) frequencies.
fn postprocess(wn: &[f64], spec: &Spec) -> Vec<f64> {
    wn.iter()
        .map(|&w| {
            let w = if spec.analog { w } else { w.atan() * 2.0 / PI };
            match spec.fs {
                Some(fs) => w * fs / 2.0,
                None => w,
            }
        })
        .collect()
}

fn to_order(x: f64) -> Result<usize> {
    let o = x.ceil();
    if !o.is_finite() || o < 0.0 {
        return Err(invalid(
            "ws",
            format!(
                "the band edges give no valid filter order (got {x}); the stopband must lie outside the passband"
            ),
        ));
    }
    Ok(o as usize)
}

fn sort_abs(mut v: Vec<f64>) -> Vec<f64> {
    v.iter_mut().for_each(|x| *x = x.abs());
    v.sort_by(f64::total_cmp);
    v
}

/// Butterworth filter order selection: the lowest order that loses no more than `gpass` dB in
/// the passband and has at least `gstop` dB attenuation in the stopband, and the matching
/// natural (-3 dB) frequency for [`butter`](crate::butter).
///
/// `wp` and `ws` are the passband and stopband edges: one value each for low-pass (`wp < ws`)
/// or high-pass (`wp > ws`), two for band-pass (`ws` outside `wp`) or band-stop (`ws` inside
/// `wp`), normalized to Nyquist for digital filters unless `fs` is given, in rad/s for analog
/// filters. The returned `wn` has as many values as `wp`, in the same units.
///
/// SciPy equivalent: `scipy.signal.buttord(wp, ws, gpass, gstop, analog, fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `gpass` or `gstop` is
/// not positive or `gpass > gstop` (SciPy's messages); when `wp` and `ws` do not have the same
/// length 1 or 2, are not positive and increasing, or (digital) not below Nyquist; when `fs` is
/// not positive or is given for an analog filter; when the edges give no finite non-negative
/// order (where SciPy returns a negative order or fails converting NaN). An order of 0 (when
/// `gpass == gstop`) is returned with `wn` at the passband edge, as SciPy does (with a warning).
///
/// # Examples
///
/// A digital low-pass losing at most 3 dB below 0.2 and 40 dB down above 0.3 needs order 11:
///
/// ```
/// let (n, wn) = sci_signal::buttord(&[0.2], &[0.3], 3.0, 40.0, false, None).unwrap();
/// assert_eq!(n, 11);
/// assert!((wn[0] - 0.2000403906692605).abs() < 1e-15);
/// ```
pub fn buttord(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    fs: Option<f64>,
) -> Result<(usize, Vec<f64>)> {
    let spec = validate(wp, ws, gpass, gstop, analog, fs)?;
    let (nat, passb) = find_nat_freq(&spec, gpass, gstop, Kind::Butter);
    let gs = 10f64.powf(0.1 * gstop.abs());
    let gp = 10f64.powf(0.1 * gpass.abs());
    let ord = to_order(((gs - 1.0) / (gp - 1.0)).log10() / (2.0 * nat.log10()))?;
    let w0 = if ord == 0 { 1.0 } else { (gp - 1.0).powf(-1.0 / (2.0 * ord as f64)) };
    let wn = match spec.band {
        Band::Low => vec![w0 * passb[0]],
        Band::High => vec![passb[0] / w0],
        Band::Stop => {
            let d = passb[1] - passb[0];
            let discr = (d * d + 4.0 * w0 * w0 * passb[0] * passb[1]).sqrt();
            sort_abs(vec![(d + discr) / (2.0 * w0), (d - discr) / (2.0 * w0)])
        }
        Band::Pass => {
            let d = passb[1] - passb[0];
            sort_abs(
                [-w0, w0]
                    .iter()
                    .map(|&w| -w * d / 2.0 + (w * w / 4.0 * d * d + passb[0] * passb[1]).sqrt())
                    .collect(),
            )
        }
    };
    Ok((ord, postprocess(&wn, &spec)))
}

fn cheb_order(spec: &Spec, gpass: f64, gstop: f64) -> Result<(usize, f64, Vec<f64>)> {
    let (nat, passb) = find_nat_freq(spec, gpass, gstop, Kind::Cheby);
    let gs = 10f64.powf(0.1 * gstop.abs());
    let gp = 10f64.powf(0.1 * gpass.abs());
    let v_pass_stop = ((gs - 1.0) / (gp - 1.0)).sqrt().acosh();
    Ok((to_order(v_pass_stop / nat.acosh())?, v_pass_stop, passb))
}

/// Chebyshev type I filter order selection, and the passband edge to give
/// [`cheby1`](crate::cheby1) (with `rp = gpass`).
///
/// Arguments as [`buttord`].
///
/// SciPy equivalent: `scipy.signal.cheb1ord(wp, ws, gpass, gstop, analog, fs)`.
///
/// # Errors
///
/// As [`buttord`].
///
/// # Examples
///
/// SciPy's docstring: `cheb1ord(0.2, 0.3, 3, 40)` gives order 6 at `wn = 0.2`.
///
/// ```
/// let (n, wn) = sci_signal::cheb1ord(&[0.2], &[0.3], 3.0, 40.0, false, None).unwrap();
/// assert_eq!(n, 6);
/// assert!((wn[0] - 0.2).abs() < 1e-15);
/// ```
pub fn cheb1ord(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    fs: Option<f64>,
) -> Result<(usize, Vec<f64>)> {
    let spec = validate(wp, ws, gpass, gstop, analog, fs)?;
    let (ord, _, passb) = cheb_order(&spec, gpass, gstop)?;
    Ok((ord, postprocess(&passb, &spec)))
}

/// Chebyshev type II filter order selection, and the stopband edge to give
/// [`cheby2`](crate::cheby2) (with `rs = gstop`).
///
/// Arguments as [`buttord`].
///
/// SciPy equivalent: `scipy.signal.cheb2ord(wp, ws, gpass, gstop, analog, fs)`.
///
/// # Errors
///
/// As [`buttord`], and when the order is 0 (`gpass == gstop`, where SciPy raises
/// `ZeroDivisionError`).
///
/// # Examples
///
/// SciPy's docstring: `cheb2ord([0.1, 0.6], [0.2, 0.5], 3, 60)` (band-stop) gives order 7.
///
/// ```
/// let (n, wn) = sci_signal::cheb2ord(&[0.1, 0.6], &[0.2, 0.5], 3.0, 60.0, false, None).unwrap();
/// assert_eq!(n, 7);
/// assert_eq!(wn.len(), 2);
/// assert!(wn[0] > 0.1 && wn[0] < 0.2 && wn[1] > 0.5 && wn[1] < 0.6);
/// ```
pub fn cheb2ord(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    fs: Option<f64>,
) -> Result<(usize, Vec<f64>)> {
    let spec = validate(wp, ws, gpass, gstop, analog, fs)?;
    let (ord, v_pass_stop, passb) = cheb_order(&spec, gpass, gstop)?;
    if ord == 0 {
        // SciPy divides by the order here (ZeroDivisionError).
        return Err(invalid(
            "gstop",
            "the order is 0 (gpass == gstop), so there is no stopband edge to place",
        ));
    }
    let new_freq = 1.0 / (1.0 / ord as f64 * v_pass_stop).cosh();
    let nat = match spec.band {
        Band::Low => vec![passb[0] / new_freq],
        Band::High => vec![passb[0] * new_freq],
        Band::Stop => {
            let nat0 = new_freq / 2.0 * (passb[0] - passb[1])
                + (new_freq * new_freq * (passb[1] - passb[0]).powi(2) / 4.0 + passb[1] * passb[0]).sqrt();
            vec![nat0, passb[1] * passb[0] / nat0]
        }
        Band::Pass => {
            let nat0 = 1.0 / (2.0 * new_freq) * (passb[0] - passb[1])
                + ((passb[1] - passb[0]).powi(2) / (4.0 * new_freq * new_freq) + passb[1] * passb[0]).sqrt();
            vec![nat0, passb[0] * passb[1] / nat0]
        }
    };
    Ok((ord, postprocess(&nat, &spec)))
}

/// Elliptic (Cauer) filter order selection, and the passband edge to give
/// [`ellip`](crate::ellip) (with `rp = gpass`, `rs = gstop`).
///
/// Arguments as [`buttord`].
///
/// SciPy equivalent: `scipy.signal.ellipord(wp, ws, gpass, gstop, analog, fs)`.
///
/// # Errors
///
/// As [`buttord`].
///
/// # Examples
///
/// SciPy's docstring: an analog high-pass within 3 dB above 30 rad/s and 60 dB down at 10 rad/s.
///
/// ```
/// let (n, wn) = sci_signal::ellipord(&[30.0], &[10.0], 3.0, 60.0, true, None).unwrap();
/// assert_eq!((n, wn[0]), (4, 30.0));
/// ```
pub fn ellipord(
    wp: &[f64],
    ws: &[f64],
    gpass: f64,
    gstop: f64,
    analog: bool,
    fs: Option<f64>,
) -> Result<(usize, Vec<f64>)> {
    let spec = validate(wp, ws, gpass, gstop, analog, fs)?;
    let (nat, passb) = find_nat_freq(&spec, gpass, gstop, Kind::Ellip);
    let arg1_sq = pow10m1(0.1 * gpass) / pow10m1(0.1 * gstop);
    let arg0 = 1.0 / nat;
    let d0 = (ellipk(arg0 * arg0), ellipkm1(arg0 * arg0));
    let d1 = (ellipk(arg1_sq), ellipkm1(arg1_sq));
    let ord = to_order(d0.0 * d1.1 / (d0.1 * d1.0))?;
    Ok((ord, postprocess(&passb, &spec)))
}

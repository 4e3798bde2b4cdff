//! Waveforms: `chirp`, `square`, `sawtooth`, `gausspulse`, `unit_impulse`, and `hilbert`.

use crate::error::{Result, invalid};
use ndarray::{Array, ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn};
use std::f64::consts::PI;

mod hilbert2;

pub use hilbert2::{hilbert2, hilbert2_1d};

/// The frequency sweep of [`chirp`], SciPy's `method`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::ChirpMethod::default(), sci_signal::ChirpMethod::Linear);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChirpMethod {
    /// `'linear'` (default).
    #[default]
    Linear,
    /// `'quadratic'`; the parabola's vertex is at `t = 0` when `vertex_zero`, else at `t1`.
    Quadratic {
        /// SciPy's `vertex_zero` (default `true`).
        vertex_zero: bool,
    },
    /// `'logarithmic'` (exponential sweep).
    Logarithmic,
    /// `'hyperbolic'`.
    Hyperbolic,
}

/// A frequency-swept cosine `cos(phase(t) + phi π/180)`, going from `f0` at `t = 0` to `f1` at
/// `t1` (Hz).
///
/// SciPy equivalent: `scipy.signal.chirp(t, f0, t1, f1, method, phi, vertex_zero)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for a logarithmic chirp
/// with `f0 f1 <= 0` or a hyperbolic chirp with `f0` or `f1` zero.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{chirp, ChirpMethod};
/// let y = chirp(&array![0.0, 0.5, 1.0], 1.0, 1.0, 3.0, ChirpMethod::Linear, 0.0).unwrap();
/// // phase(t) = 2 pi (t + t^2): 0, 1.5 pi, 4 pi.
/// assert!((y[0] - 1.0).abs() < 1e-15 && y[1].abs() < 1e-15 && (y[2] - 1.0).abs() < 1e-15);
/// ```
pub fn chirp<S: Data<Elem = f64>, D: Dimension>(
    t: &ArrayBase<S, D>,
    f0: f64,
    t1: f64,
    f1: f64,
    method: ChirpMethod,
    phi: f64,
) -> Result<Array<f64, D>> {
    let phase: Box<dyn Fn(f64) -> f64> = match method {
        ChirpMethod::Linear => {
            let beta = (f1 - f0) / t1;
            Box::new(move |t| 2.0 * PI * (f0 * t + 0.5 * beta * t * t))
        }
        ChirpMethod::Quadratic { vertex_zero } => {
            let beta = (f1 - f0) / (t1 * t1);
            if vertex_zero {
                Box::new(move |t| 2.0 * PI * (f0 * t + beta * t.powi(3) / 3.0))
            } else {
                Box::new(move |t| 2.0 * PI * (f1 * t + beta * ((t1 - t).powi(3) - t1.powi(3)) / 3.0))
            }
        }
        ChirpMethod::Logarithmic => {
            if f0 * f1 <= 0.0 {
                return Err(invalid(
                    "f0",
                    "For a logarithmic chirp, f0 and f1 must be nonzero and have the same sign.",
                ));
            }
            if f0 == f1 {
                Box::new(move |t| 2.0 * PI * f0 * t)
            } else {
                let beta = t1 / (f1 / f0).ln();
                Box::new(move |t| 2.0 * PI * beta * f0 * ((f1 / f0).powf(t / t1) - 1.0))
            }
        }
        ChirpMethod::Hyperbolic => {
            if f0 == 0.0 || f1 == 0.0 {
                return Err(invalid("f0", "For a hyperbolic chirp, f0 and f1 must be nonzero."));
            }
            if f0 == f1 {
                Box::new(move |t| 2.0 * PI * f0 * t)
            } else {
                let sing = -f1 * t1 / (f0 - f1);
                Box::new(move |t| 2.0 * PI * (-sing * f0) * (1.0 - t / sing).abs().ln())
            }
        }
    };
    let phi = phi * PI / 180.0;
    Ok(t.mapv(|v| (phase(v) + phi).cos()))
}

/// A square wave of period `2π`: `+1` for the first `duty` fraction of each period, `-1`
/// after; NaN where `duty` is outside `[0, 1]`.
///
/// SciPy equivalent: `scipy.signal.square(t, duty)` (scalar `duty`).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let y = sci_signal::square(&array![0.0, 1.0, 4.0, 7.0], 0.5);
/// assert_eq!(y, array![1.0, 1.0, -1.0, 1.0]);
/// ```
pub fn square<S: Data<Elem = f64>, D: Dimension>(t: &ArrayBase<S, D>, duty: f64) -> Array<f64, D> {
    t.mapv(|v| {
        if !(0.0..=1.0).contains(&duty) {
            return f64::NAN;
        }
        if v.rem_euclid(2.0 * PI) < duty * 2.0 * PI { 1.0 } else { -1.0 }
    })
}

/// A sawtooth (triangle for `width = 0.5`) wave of period `2π`, rising from -1 to 1 on
/// `[0, 2π width)` and falling back on `[2π width, 2π)`; NaN where `width` is outside `[0, 1]`.
///
/// SciPy equivalent: `scipy.signal.sawtooth(t, width)` (scalar `width`).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let y = sci_signal::sawtooth(&array![0.0, std::f64::consts::PI], 1.0);
/// assert_eq!(y, array![-1.0, 0.0]);
/// ```
pub fn sawtooth<S: Data<Elem = f64>, D: Dimension>(t: &ArrayBase<S, D>, width: f64) -> Array<f64, D> {
    t.mapv(|v| {
        if !(0.0..=1.0).contains(&width) {
            return f64::NAN;
        }
        let m = v.rem_euclid(2.0 * PI);
        if m < width * 2.0 * PI {
            m / (PI * width) - 1.0
        } else {
            (PI * (width + 1.0) - m) / (PI * (1.0 - width))
        }
    })
}

fn gauss_a(fc: f64, bw: f64, bwr: f64) -> Result<f64> {
    if fc.is_nan() || fc < 0.0 {
        return Err(invalid("fc", format!("Center frequency (fc={fc:.2}) must be >=0.")));
    }
    if bw.is_nan() || bw <= 0.0 {
        return Err(invalid("bw", format!("Fractional bandwidth (bw={bw:.2}) must be > 0.")));
    }
    if bwr.is_nan() || bwr >= 0.0 {
        return Err(invalid("bwr", format!("Reference level for bandwidth (bwr={bwr:.2}) must be < 0 dB")));
    }
    let r = 10f64.powf(bwr / 20.0);
    Ok(-(PI * fc * bw).powi(2) / (4.0 * r.ln()))
}

/// A Gaussian-modulated sinusoid: returns `(yI, yQ, yenv)`, the in-phase (`cos`) and quadrature
/// (`sin`) parts and the envelope.
///
/// SciPy equivalent: `scipy.signal.gausspulse(t, fc, bw, bwr, retquad=True, retenv=True)`
/// (SciPy's defaults: `fc = 1000`, `bw = 0.5`, `bwr = -6`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `fc < 0`, `bw <= 0` or
/// `bwr >= 0`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (i, q, e) = sci_signal::gausspulse(&array![0.0, 1e-3], 1000.0, 0.5, -6.0).unwrap();
/// assert_eq!((i[0], q[0], e[0]), (1.0, 0.0, 1.0));
/// assert!((e[1] - 0.4094329).abs() < 1e-7 && (i[1] - e[1]).abs() < 1e-12);
/// ```
pub fn gausspulse<S: Data<Elem = f64>, D: Dimension>(
    t: &ArrayBase<S, D>,
    fc: f64,
    bw: f64,
    bwr: f64,
) -> Result<(Array<f64, D>, Array<f64, D>, Array<f64, D>)> {
    let a = gauss_a(fc, bw, bwr)?;
    let env = t.mapv(|v| (-a * v * v).exp());
    let yi = ndarray::Zip::from(&env).and(t).map_collect(|&e, &v| e * (2.0 * PI * fc * v).cos());
    let yq = ndarray::Zip::from(&env).and(t).map_collect(|&e, &v| e * (2.0 * PI * fc * v).sin());
    Ok((yi, yq, env))
}

/// The time at which the envelope of [`gausspulse`] falls to `tpr` dB.
///
/// SciPy equivalent: `scipy.signal.gausspulse('cutoff', fc, bw, bwr, tpr)`.
///
/// # Errors
///
/// As [`gausspulse`], and for `tpr >= 0`.
///
/// # Examples
///
/// ```
/// let t = sci_signal::gausspulse_cutoff(1000.0, 0.5, -6.0, -60.0).unwrap();
/// assert!((t - 0.0027812950448142565).abs() < 1e-15);
/// ```
pub fn gausspulse_cutoff(fc: f64, bw: f64, bwr: f64, tpr: f64) -> Result<f64> {
    let a = gauss_a(fc, bw, bwr)?;
    if tpr.is_nan() || tpr >= 0.0 {
        return Err(invalid("tpr", "Reference level for time cutoff must be < 0 dB"));
    }
    let tref = 10f64.powf(tpr / 20.0);
    Ok((-tref.ln() / a).sqrt())
}

/// Where [`unit_impulse`] puts its 1.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::ImpulseIndex::default(), sci_signal::ImpulseIndex::Zero);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ImpulseIndex {
    /// `idx=None` (default): the first sample.
    #[default]
    Zero,
    /// `idx='mid'`: `shape[i] / 2` along every axis.
    Mid,
    /// An explicit index, one entry per axis (or one entry used for every axis).
    At(Vec<usize>),
}

/// The unit impulse (discrete delta) of the given shape.
///
/// SciPy equivalent: `scipy.signal.unit_impulse(shape, idx)`.
///
/// # Errors
///
/// [`SignalError::Array`](crate::SignalError::Array) when the index is out of bounds or has
/// the wrong number of entries.
///
/// # Examples
///
/// ```
/// use sci_signal::{unit_impulse, ImpulseIndex};
/// let d = unit_impulse(&[5], ImpulseIndex::Mid).unwrap();
/// assert_eq!(d.into_raw_vec_and_offset().0, vec![0.0, 0.0, 1.0, 0.0, 0.0]);
/// ```
pub fn unit_impulse(shape: &[usize], idx: ImpulseIndex) -> Result<ArrayD<f64>> {
    let mut out = ArrayD::<f64>::zeros(IxDyn(shape));
    let pos: Vec<usize> = match idx {
        ImpulseIndex::Zero => vec![0; shape.len()],
        ImpulseIndex::Mid => shape.iter().map(|&s| s / 2).collect(),
        ImpulseIndex::At(v) if v.len() == 1 => vec![v[0]; shape.len()],
        ImpulseIndex::At(v) => v,
    };
    if pos.len() != shape.len() {
        return Err(sci_array::ArrayError::LengthMismatch {
            a: "shape",
            b: "idx",
            len_a: shape.len(),
            len_b: pos.len(),
        }
        .into());
    }
    for (ax, (&p, &s)) in pos.iter().zip(shape).enumerate() {
        if p >= s {
            return Err(sci_array::ArrayError::IndexOutOfBounds {
                arg: "idx",
                index: p as isize,
                axis: ax,
                size: s,
            }
            .into());
        }
    }
    out[IxDyn(&pos)] = 1.0;
    Ok(out)
}

/// The analytic signal `x + i H(x)` of a real signal (`f64` or `f32`, the output in the same
/// precision), by the FFT along `axis`, optionally zero-padded or truncated to `n` samples.
///
/// SciPy equivalent: `scipy.signal.hilbert(x, N, axis)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `n == Some(0)` or an
/// empty axis; [`SignalError::Array`](crate::SignalError::Array) for an axis out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// // The analytic signal of cos is exp(i t) for a whole number of periods.
/// let t = Array1::from_shape_fn(64, |i| 2.0 * std::f64::consts::PI * 4.0 * i as f64 / 64.0);
/// let z = sci_signal::hilbert(&t.mapv(f64::cos), None, -1).unwrap();
/// assert!(z.iter().zip(&t).all(|(z, t)| (z.im - t.sin()).abs() < 1e-12 && (z.re - t.cos()).abs() < 1e-12));
/// ```
pub fn hilbert<T: crate::Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    n: Option<usize>,
    axis: isize,
) -> Result<Array<num_complex::Complex<T>, D>> {
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let nx = x.len_of(Axis(ax));
    let n = n.unwrap_or(nx);
    if n == 0 {
        return Err(invalid("N", "N must be positive."));
    }
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = Array::<num_complex::Complex<T>, D>::zeros(shape);
    // The analytic spectrum vanishes above Nyquist: a real forward FFT gives all of it.
    let (fwd, inv) = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<T>| {
        (pl.real.plan_fft_forward(n), pl.complex.plan_fft_inverse(n))
    });
    let mut rbuf = fwd.make_input_vec();
    let mut rscratch = fwd.make_scratch_vec();
    let mut tmp: Vec<num_complex::Complex<T>> = Vec::new();
    let mut scratch =
        vec![num_complex::Complex::<T>::new(T::zero(), T::zero()); inv.get_inplace_scratch_len()];
    let inv_n = T::one() / crate::real::cst::<T>(n as f64);
    let two_inv_n = inv_n + inv_n;
    let half = n.div_ceil(2);
    ndarray::Zip::from(x.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax))).for_each(|src, mut dst| {
        rbuf.fill(T::zero());
        rbuf.iter_mut().zip(src.iter()).for_each(|(b, &v)| *b = v);
        // Work in the output lane itself when it is contiguous: the real FFT writes the
        // non-negative half of the spectrum there, the complex inverse runs in place.
        let contiguous = dst.as_slice_mut().is_some();
        if !contiguous {
            tmp.resize(n, num_complex::Complex::<T>::new(T::zero(), T::zero()));
        }
        let buf: &mut [num_complex::Complex<T>] = match dst.as_slice_mut() {
            Some(s) => s,
            None => &mut tmp,
        };
        fwd.process_with_scratch(&mut rbuf, &mut buf[..n / 2 + 1], &mut rscratch)
            .expect("lengths match the plan");
        buf[0] = buf[0] * inv_n;
        for v in &mut buf[1..half] {
            *v = *v * two_inv_n;
        }
        if n % 2 == 0 {
            buf[n / 2] = buf[n / 2] * inv_n;
        }
        buf[n / 2 + 1..].fill(num_complex::Complex::<T>::new(T::zero(), T::zero()));
        inv.process_with_scratch(buf, &mut scratch);
        if !contiguous {
            dst.iter_mut().zip(&tmp).for_each(|(d, s)| *d = *s);
        }
    });
    Ok(out)
}

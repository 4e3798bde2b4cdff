//! `resample`: Fourier-method resampling.

use crate::error::{Result, invalid};
use crate::fftconv::{Planners, with_planners};
use crate::real::{Real, cst, map_lanes};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension};
use num_complex::Complex;

/// Resamples `x` to `num` samples along `axis` with the FFT (band-limited interpolation).
///
/// Follows SciPy's real-input path: `rfft`, keep the `min(num, n)//2 + 1` lowest bins (an
/// unpaired Nyquist bin is doubled when down-sampling and halved when up-sampling), scale by
/// `num / n`, inverse `irfft` of length `num`. The signal is assumed periodic. Note that SciPy's
/// default axis for `resample` is `0`.
///
/// SciPy equivalent: `scipy.signal.resample(x, num, axis=axis)` (no `t`, `window` or
/// `domain='freq'`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `num` is 0 or the axis
/// is empty; [`SignalError::Array`](crate::SignalError::Array) for an axis out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// let x = Array1::linspace(0.0_f64, 5.0, 100).mapv(f64::sin);
/// let y = sci_signal::resample(&x, 25, 0).unwrap();
/// assert_eq!(y.len(), 25);
/// assert!((y[0] + 0.34078776).abs() < 1e-8 && (y[1] - 0.27901242).abs() < 1e-8);
/// ```
pub fn resample<T, S, D>(x: &ArrayBase<S, D>, num: usize, axis: isize) -> Result<Array<T, D>>
where
    T: Real,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let n_x = x.len_of(Axis(ax));
    if num == 0 {
        return Err(invalid("num", "number of output samples must be positive"));
    }
    if n_x == 0 {
        return Err(invalid("x", "cannot resample an empty axis"));
    }
    // Plans cached per thread and length, as SciPy's pocketfft caches its plans.
    let (fwd, inv) =
        with_planners(|pl: &mut Planners<T>| (pl.real.plan_fft_forward(n_x), pl.real.plan_fft_inverse(num)));
    let m = num.min(n_x);
    let m2 = m / 2 + 1;
    // X / s_fac, then irfft's 1/num: one factor (n/num is s_fac) times 1/num.
    let scale = cst::<T>(num as f64 / n_x as f64) / cst(num as f64);
    let nyq =
        if m % 2 == 0 && num != n_x { Some(if num < n_x { cst::<T>(2.0) } else { cst(0.5) }) } else { None };
    let init = || {
        let bufs = (fwd.make_scratch_vec(), inv.make_scratch_vec(), fwd.make_output_vec());
        (bufs, inv.make_input_vec(), vec![T::zero(); n_x])
    };
    Ok(map_lanes(x, ax, num, init, |((sf, si, spec), ispec, inbuf), xi, yo| {
        inbuf.copy_from_slice(xi);
        fwd.process_with_scratch(inbuf, spec, sf).expect("lengths match the plan");
        ispec.fill(Complex::new(T::zero(), T::zero()));
        ispec[..m2].copy_from_slice(&spec[..m2]);
        if let Some(f) = nyq {
            ispec[m / 2] = ispec[m / 2] * f;
        }
        for v in ispec.iter_mut() {
            *v = *v * scale;
        }
        // The imaginary parts of the DC and (even num) Nyquist bins do not enter a real signal.
        ispec[0].im = T::zero();
        if num % 2 == 0 {
            let last = ispec.len() - 1;
            ispec[last].im = T::zero();
        }
        inv.process_with_scratch(ispec, yo, si).expect("lengths match the plan");
    }))
}

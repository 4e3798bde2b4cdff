//! The Dolph-Chebyshev window.

use super::build;
use ndarray::Array1;
use num_complex::Complex64;
use std::f64::consts::PI;

/// The Dolph-Chebyshev window: equiripple sidelobes `at` dB below the main lobe, computed as
/// SciPy does, by the inverse DFT of the Chebyshev polynomial sampled on the unit circle, and
/// normalized to a maximum of 1.
///
/// SciPy warns (without failing) that the window is unsuited to spectral analysis for
/// `|at| < 45`; here it is simply computed.
///
/// SciPy equivalent: `scipy.signal.windows.chebwin(M, at, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::chebwin(5, 50.0, true);
/// assert!((w[0] - 0.20549422).abs() < 1e-8 && (w[1] - 0.70104634).abs() < 1e-8 && w[2] == 1.0);
/// ```
pub fn chebwin(m: usize, at: f64, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let order = big as f64 - 1.0;
        let beta = ((10f64.powf(at.abs() / 20.0)).acosh() / order).cosh();
        let mf = big as f64;
        let odd_sign = if big % 2 == 1 { 1.0 } else { -1.0 };
        let mut p: Vec<Complex64> = (0..big)
            .map(|k| {
                let x = beta * (PI * k as f64 / mf).cos();
                let v = if x > 1.0 {
                    (order * x.acosh()).cosh()
                } else if x < -1.0 {
                    odd_sign * (order * (-x).acosh()).cosh()
                } else {
                    (order * x.acos()).cos()
                };
                if big % 2 == 1 {
                    Complex64::new(v, 0.0)
                } else {
                    Complex64::from_polar(v, PI / mf * k as f64)
                }
            })
            .collect();
        let fft = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
            pl.complex.plan_fft_forward(big)
        });
        fft.process(&mut p);
        let re: Vec<f64> = p.iter().map(|c| c.re).collect();
        let mut w: Vec<f64> = if big % 2 == 1 {
            let n = big.div_ceil(2);
            re[1..n].iter().rev().chain(&re[..n]).copied().collect()
        } else {
            let n = big / 2 + 1;
            re[1..n].iter().rev().chain(&re[1..n]).copied().collect()
        };
        let mx = w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        w.iter_mut().for_each(|v| *v /= mx);
        w
    })
}

//! Spherical linear interpolation (`scipy.spatial.geometric_slerp`).

use crate::error::{Result, SpatialError};
use ndarray::{Array2, ArrayBase, Data, Ix1};

/// A LAPACK-style Householder reflector for `x` (`dlarfg`): returns `(beta, tau)` and
/// overwrites `x[1..]` with the reflector's tail (its head is 1).
fn householder(x: &mut [f64]) -> (f64, f64) {
    let alpha = x[0];
    let xnorm = x[1..].iter().map(|v| v * v).sum::<f64>().sqrt();
    if x.len() <= 1 || xnorm == 0.0 {
        return (alpha, 0.0);
    }
    let beta = -alpha.hypot(xnorm).copysign(alpha);
    let tau = (beta - alpha) / beta;
    let scale = 1.0 / (alpha - beta);
    for v in &mut x[1..] {
        *v *= scale;
    }
    (beta, tau)
}

/// `y <- (I - tau v v^T) y` for the reflector `v = [1, tail...]` acting on `y`.
fn reflect(tail: &[f64], tau: f64, y: &mut [f64]) {
    let w = y[0] + tail.iter().zip(&y[1..]).map(|(a, b)| a * b).sum::<f64>();
    y[0] -= tau * w;
    for (yi, vi) in y[1..].iter_mut().zip(tail) {
        *yi -= tau * w * vi;
    }
}

/// Spherical linear interpolation between two points of the unit n-sphere, at the
/// parameters `t` (0 gives `start`, 1 gives `end`; other values extrapolate along the great
/// circle): one row per parameter.
///
/// The great circle is spanned by the Q factor of the QR decomposition of `[start, end]`
/// (Householder reflections, as LAPACK computes it, with R's diagonal made non-negative), so
/// that nearly antipodal or antipodal points follow the same path as in SciPy. SciPy's `tol`
/// only decides whether to warn about antipodes and has no counterpart here. Equal `start`
/// and `end` give `start` in every row (without checking its norm, as SciPy).
///
/// # Errors
///
/// [`SpatialError::LengthMismatch`] when `end` differs in length from `start`,
/// [`SpatialError::InvalidValue`] for points of fewer than 2 coordinates or whose norm differs
/// from 1 by more than `1e-9`.
///
/// # Examples
///
/// ```
/// use sci_spatial::geometric_slerp;
/// use sci_spatial::sci_array::ndarray::array;
/// let path = geometric_slerp(&array![1.0, 0.0], &array![0.0, 1.0], &[0.0, 1.0 / 3.0, 1.0])?;
/// assert!((path[[1, 0]] - 3f64.sqrt() / 2.0).abs() < 1e-15);
/// assert!((path[[1, 1]] - 0.5).abs() < 1e-15);
/// assert!((path[[2, 1]] - 1.0).abs() < 1e-15);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.geometric_slerp(start, end, t)`.
pub fn geometric_slerp<S1, S2>(
    start: &ArrayBase<S1, Ix1>,
    end: &ArrayBase<S2, Ix1>,
    t: &[f64],
) -> Result<Array2<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let n = start.len();
    if end.len() != n {
        return Err(SpatialError::LengthMismatch { arg: "end", expected: n, found: end.len() });
    }
    if n < 2 {
        return Err(SpatialError::InvalidValue {
            arg: "start",
            expected: "a point of at least two coordinates",
            found: format!("{n} coordinates"),
        });
    }
    if start == end {
        return Ok(Array2::from_shape_fn((t.len(), n), |(_, j)| start[j]));
    }
    for (arg, x) in [("start", start.view()), ("end", end.view())] {
        let norm = x.dot(&x).sqrt();
        // NumPy's allclose(norm, 1, rtol=1e-9, atol=0); NaN is never close.
        if (norm - 1.0).abs() > 1e-9 || norm.is_nan() {
            return Err(SpatialError::InvalidValue {
                arg,
                expected: "a point on the unit n-sphere (norm 1 within 1e-9)",
                found: format!("norm {norm}"),
            });
        }
    }
    // Householder QR of the n x 2 matrix [start, end].
    let mut a0: Vec<f64> = start.to_vec();
    let mut a1: Vec<f64> = end.to_vec();
    let (r00, tau0) = householder(&mut a0);
    reflect(&a0[1..], tau0, &mut a1);
    let (r11, tau1) = householder(&mut a1[1..]);
    // Q's two columns: H0 e0 and H0 H1 e1.
    let mut q0 = vec![0.0; n];
    q0[0] = 1.0;
    reflect(&a0[1..], tau0, &mut q0);
    let mut q1 = vec![0.0; n];
    q1[1] = 1.0;
    reflect(&a1[2..], tau1, &mut q1[1..]);
    reflect(&a0[1..], tau0, &mut q1);
    let (s0, s1) = (if r00 >= 0.0 { 1.0 } else { -1.0 }, if r11 >= 0.0 { 1.0 } else { -1.0 });
    let c = start.dot(end);
    let omega = (r00.abs() * r11.abs()).atan2(c);
    Ok(Array2::from_shape_fn((t.len(), n), |(i, j)| {
        let (sn, cs) = (t[i] * omega).sin_cos();
        s0 * q0[j] * cs + s1 * q1[j] * sn
    }))
}

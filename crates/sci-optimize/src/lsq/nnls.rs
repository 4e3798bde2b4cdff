//! `nnls`: non-negative least squares by Lawson and Hanson's active-set algorithm.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1, Ix2};

/// Least squares on the columns `cols` of `a` (column-major, `m` rows) by Householder QR;
/// columns whose pivot vanishes get 0.
pub(super) fn lstsq_cols(a: &[f64], m: usize, cols: &[usize], b: &[f64]) -> Vec<f64> {
    let k = cols.len();
    let mut q: Vec<f64> = cols.iter().flat_map(|&c| a[c * m..(c + 1) * m].iter().copied()).collect();
    let mut g = b.to_vec();
    let steps = k.min(m);
    let mut rdiag = vec![0.0; steps];
    for j in 0..steps {
        let (done, rest) = q.split_at_mut((j + 1) * m);
        let v = &mut done[j * m + j..(j + 1) * m];
        let nrm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if nrm == 0.0 {
            continue;
        }
        let alpha = if v[0] > 0.0 { -nrm } else { nrm };
        v[0] -= alpha;
        let vtv: f64 = v.iter().map(|x| x * x).sum();
        let v = &*v;
        for c in rest.chunks_exact_mut(m) {
            let t = 2.0 * v.iter().zip(&c[j..]).map(|(a, b)| a * b).sum::<f64>() / vtv;
            c[j..].iter_mut().zip(v).for_each(|(ci, vi)| *ci -= t * vi);
        }
        let t = 2.0 * v.iter().zip(&g[j..]).map(|(a, b)| a * b).sum::<f64>() / vtv;
        g[j..].iter_mut().zip(v).for_each(|(gi, vi)| *gi -= t * vi);
        rdiag[j] = alpha;
    }
    let mut z = vec![0.0; k];
    for j in (0..steps).rev() {
        let s: f64 = (j + 1..steps).map(|c| q[c * m + j] * z[c]).sum();
        z[j] = if rdiag[j] != 0.0 { (g[j] - s) / rdiag[j] } else { 0.0 };
    }
    z
}

/// Solves `argmin_x |A x - b|_2` subject to `x >= 0`; returns `(x, rnorm)` with `rnorm =
/// |A x - b|_2`.
///
/// Lawson and Hanson's active-set method: variables enter the passive set by the largest
/// gradient component and leave it when an unconstrained solve would make them negative.
/// `maxiter` (default `3 n`) bounds the number of least-squares solves; as in SciPy, reaching it
/// is an error even on the last solve.
///
/// SciPy equivalent: `scipy.optimize.nnls` (the deprecated `atol` is not taken).
///
/// # Errors
///
/// [`OptimizeError::WrongLength`] when `b` does not have one entry per row of `A`;
/// [`OptimizeError::InvalidValue`] for non-finite entries (SciPy's `asarray_chkfinite`);
/// [`OptimizeError::NoConvergence`] when `maxiter` iterations do not reach the solution
/// (SciPy's "Maximum number of iterations reached.").
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_optimize::nnls;
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]];
/// let (x, rnorm) = nnls(&a, &array![2.0, 1.0, 1.0], None)?;
/// // SciPy: x = [1.5, 1.], rnorm = 0.7071067811865475
/// assert!((x[0] - 1.5).abs() < 1e-15 && (x[1] - 1.0).abs() < 1e-15);
/// assert!((rnorm - 0.7071067811865475).abs() < 1e-15);
/// let (x, rnorm) = nnls(&a, &array![-1.0, -1.0, -1.0], None)?;
/// assert_eq!(x, array![0.0, 0.0]);
/// assert!((rnorm - 3f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn nnls<S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix1>,
    maxiter: Option<usize>,
) -> Result<(Array1<f64>, f64)>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let (m, n) = a.dim();
    if b.len() != m {
        return Err(OptimizeError::WrongLength { arg: "b", expected: m, found: b.len() });
    }
    if a.iter().chain(b.iter()).any(|v| !v.is_finite()) {
        return Err(invalid("A", "array must not contain infs or NaNs"));
    }
    let maxiter = maxiter.filter(|&k| k > 0).unwrap_or(3 * n);
    // Column-major copy: every solve works on whole columns. It is scaled by a power of two
    // that brings its largest entry near 1, so that the sums of squares of the Householder
    // steps neither overflow (entries near 1e300 made them infinite, and the solution NaN) nor
    // underflow. The scaling is exact and the tolerance below scales with it, so every
    // decision and every rounding is that of the unscaled problem; `x` is scaled back at the end.
    let amax = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let scale = if amax > 0.0 { 2f64.powi(-amax.log2().round() as i32) } else { 1.0 };
    let mut acol = vec![0.0; m * n];
    for ((i, j), &v) in a.indexed_iter() {
        acol[j * m + i] = v * scale;
    }
    let b = b.to_vec();
    let col = |j: usize| &acol[j * m..(j + 1) * m];
    let anorm = (0..n).map(|j| col(j).iter().map(|v| v.abs()).sum::<f64>()).fold(0.0, f64::max);
    let tol = 10.0 * f64::EPSILON * anorm * m.max(n) as f64;
    // The entries of `x` leave the passive set below the unscaled problem's tolerance; in
    // the scaled variables (`x / scale`) that is `tol / scale²`.
    let x_tol = tol / scale / scale;
    // A NaN entry of a solve (overflow in it) leaves the passive set like a negative one.
    let not_positive = |v: f64| v <= 0.0 || v.is_nan();
    let mut x = vec![0.0; n];
    let mut passive = vec![false; n];
    let mut resid = b.clone();
    let mut iter = 0;
    loop {
        // w = A^T (b - A x) on the active (zero) set.
        let mut best: Option<(usize, f64)> = None;
        for j in (0..n).filter(|&j| !passive[j]) {
            let w: f64 = col(j).iter().zip(&resid).map(|(a, r)| a * r).sum();
            if w > tol && best.is_none_or(|(_, bw)| w > bw) {
                best = Some((j, w));
            }
        }
        let Some((t, _)) = best else { break };
        passive[t] = true;
        loop {
            // SciPy counts every solve and fails once the count reaches `maxiter`.
            iter += 1;
            if iter >= maxiter {
                return Err(OptimizeError::NoConvergence {
                    message: "Maximum number of iterations reached.".into(),
                });
            }
            let pset: Vec<usize> = (0..n).filter(|&j| passive[j]).collect();
            let z = lstsq_cols(&acol, m, &pset, &b);
            if z.iter().all(|&v| v > 0.0) {
                for (&j, &zj) in pset.iter().zip(&z) {
                    x[j] = zj;
                }
                break;
            }
            // Step from x towards z as far as feasibility allows; variables reaching zero
            // leave the passive set.
            let mut alpha = f64::INFINITY;
            for (&j, &zj) in pset.iter().zip(&z) {
                if not_positive(zj) {
                    alpha = alpha.min(x[j] / (x[j] - zj));
                }
            }
            for (&j, &zj) in pset.iter().zip(&z) {
                x[j] += alpha * (zj - x[j]);
                if not_positive(zj) && x[j] <= x_tol {
                    x[j] = 0.0;
                    passive[j] = false;
                }
            }
            // A variable whose step bound was hit must leave even if rounding kept it above tol.
            if pset.iter().all(|&j| passive[j]) {
                let j = *pset
                    .iter()
                    .zip(&z)
                    .filter(|(_, z)| not_positive(**z))
                    .map(|(j, _)| j)
                    .min_by(|&&p, &&q| x[p].total_cmp(&x[q]))
                    .expect("a non-positive entry exists");
                x[j] = 0.0;
                passive[j] = false;
            }
            if !passive.iter().any(|&p| p) {
                break;
            }
        }
        resid.copy_from_slice(&b);
        for j in (0..n).filter(|&j| x[j] != 0.0) {
            let xj = x[j];
            resid.iter_mut().zip(col(j)).for_each(|(r, a)| *r -= a * xj);
        }
        if (0..n).all(|j| passive[j]) {
            break;
        }
    }
    // |r|, scaled by a power of two so that the squares of entries near 1e300 do not overflow.
    let rmax = resid.iter().fold(0.0f64, |m, r| m.max(r.abs()));
    let rscale = if rmax > 0.0 && rmax.is_finite() { 2f64.powi(rmax.log2().round() as i32) } else { 1.0 };
    let rnorm = rscale * resid.iter().map(|r| (r / rscale) * (r / rscale)).sum::<f64>().sqrt();
    Ok((Array1::from_iter(x.iter().map(|v| v * scale)), rnorm))
}

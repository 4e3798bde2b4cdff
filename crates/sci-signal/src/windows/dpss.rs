//! Discrete prolate spheroidal (Slepian) sequences.

use crate::error::{Result, invalid};
use ndarray::{Array1, Array2};
use num_complex::Complex64;
use std::f64::consts::PI;

/// How [`dpss`] scales the windows, SciPy's `norm`.
///
/// # Examples
///
/// ```
/// use sci_signal::windows::{DpssNorm, DpssOptions};
/// assert_eq!(DpssOptions::default().norm, None); // Approximate for one window, L2 for several
/// assert_ne!(DpssNorm::L2, DpssNorm::Subsample);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DpssNorm {
    /// `2`: unit l2 norm (the eigenvectors as computed).
    L2,
    /// `'approximate'`: maximum 1, even lengths scaled by `M^2 / (M^2 + NW)`.
    Approximate,
    /// `'subsample'`: maximum 1, even lengths scaled by an FFT-based half-sample shift.
    Subsample,
}

/// Options of [`dpss`], with SciPy's defaults (`Kmax=None`, `sym=True`, `norm=None`,
/// `return_ratios=False`).
///
/// # Examples
///
/// ```
/// let o = sci_signal::windows::DpssOptions { kmax: Some(3), ..Default::default() };
/// assert!(o.sym && !o.return_ratios);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DpssOptions {
    /// Number of windows (orders `0..Kmax`); `None` for the single window of order 0.
    pub kmax: Option<usize>,
    /// Symmetric (`true`) or periodic window.
    pub sym: bool,
    /// Scaling; `None` is [`DpssNorm::Approximate`] when `kmax` is `None`, [`DpssNorm::L2`]
    /// otherwise.
    pub norm: Option<DpssNorm>,
    /// Also compute the concentration ratios.
    pub return_ratios: bool,
}

impl Default for DpssOptions {
    fn default() -> Self {
        DpssOptions { kmax: None, sym: true, norm: None, return_ratios: false }
    }
}

/// The result of [`dpss`]: the windows, one per row (one row when `kmax` is `None`), and the
/// concentration ratios when asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Dpss {
    /// Shape `(Kmax, M)` (`(1, M)` for `kmax: None`).
    pub windows: Array2<f64>,
    /// The fraction of each window's energy inside `[-NW/M, NW/M]`, shape `(Kmax,)`.
    pub ratios: Option<Array1<f64>>,
}

/// Number of eigenvalues of the symmetric tridiagonal `(d, e)` below `x` (Sturm count).
fn sturm_count(d: &[f64], e2: &[f64], x: f64, pivmin: f64) -> usize {
    let mut count = 0;
    let mut q = d[0] - x;
    for i in 0..d.len() {
        if i > 0 {
            q = d[i] - x - e2[i - 1] / q;
        }
        if q.abs() < pivmin {
            q = -pivmin;
        }
        if q < 0.0 {
            count += 1;
        }
    }
    count
}

/// The `k`-th smallest eigenvalue (0-based) by bisection, as LAPACK's `stebz`.
fn bisect(d: &[f64], e2: &[f64], k: usize, lo: f64, hi: f64, pivmin: f64) -> f64 {
    let (mut lo, mut hi) = (lo, hi);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if sturm_count(d, e2, mid, pivmin) > k {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Solves `(T - lam I) x = b` in place (LU with partial pivoting of the tridiagonal, zero
/// pivots replaced by `tiny`), as the inverse iteration of LAPACK's `stein`.
fn shifted_solve(d: &[f64], e: &[f64], lam: f64, tiny: f64, b: &mut [f64]) {
    let n = d.len();
    // Row i of U: u0[i] (diagonal), u1[i], u2[i] (super-diagonals); l[i] multiplier.
    let mut u0 = vec![0.0; n];
    let mut u1 = vec![0.0; n];
    let mut u2 = vec![0.0; n];
    let mut l = vec![0.0; n];
    let mut swap = vec![false; n];
    let (mut a, mut c) = (d[0] - lam, if n > 1 { e[0] } else { 0.0 });
    for i in 0..n {
        if i + 1 == n {
            u0[i] = if a.abs() < tiny { tiny } else { a };
            break;
        }
        let (sub, dn, en) = (e[i], d[i + 1] - lam, if i + 2 < n { e[i + 1] } else { 0.0 });
        if a.abs() >= sub.abs() {
            let piv = if a.abs() < tiny { tiny } else { a };
            let m = sub / piv;
            u0[i] = piv;
            u1[i] = c;
            u2[i] = 0.0;
            l[i] = m;
            a = dn - m * c;
            c = en;
        } else {
            let m = a / sub;
            swap[i] = true;
            u0[i] = sub;
            u1[i] = dn;
            u2[i] = en;
            l[i] = m;
            a = c - m * dn;
            c = -m * en;
        }
    }
    for i in 0..n.saturating_sub(1) {
        if swap[i] {
            b.swap(i, i + 1);
        }
        b[i + 1] -= l[i] * b[i];
    }
    for i in (0..n).rev() {
        let mut v = b[i];
        if i + 1 < n {
            v -= u1[i] * b[i + 1];
        }
        if i + 2 < n {
            v -= u2[i] * b[i + 2];
        }
        b[i] = v / u0[i];
    }
}

/// The `kmax` largest eigenpairs of the symmetric tridiagonal `(d, e)`, largest first
/// (bisection and inverse iteration, SciPy's `eigh_tridiagonal(select='i')`).
fn top_eigenvectors(d: &[f64], e: &[f64], kmax: usize) -> Vec<Vec<f64>> {
    let n = d.len();
    let e2: Vec<f64> = e.iter().map(|v| v * v).collect();
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for i in 0..n {
        let r = if i > 0 { e[i - 1].abs() } else { 0.0 } + if i + 1 < n { e[i].abs() } else { 0.0 };
        lo = lo.min(d[i] - r);
        hi = hi.max(d[i] + r);
    }
    let tnorm = lo.abs().max(hi.abs()).max(f64::MIN_POSITIVE);
    lo -= 2.0 * f64::EPSILON * tnorm + f64::MIN_POSITIVE;
    hi += 2.0 * f64::EPSILON * tnorm + f64::MIN_POSITIVE;
    let pivmin = f64::MIN_POSITIVE * e2.iter().copied().fold(1.0, f64::max);
    let tiny = f64::EPSILON * tnorm;
    let mut vecs: Vec<Vec<f64>> = Vec::with_capacity(kmax);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for j in 0..kmax {
        let lam = bisect(d, &e2, n - 1 - j, lo, hi, pivmin);
        let mut x: Vec<f64> = (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
            })
            .collect();
        for _ in 0..4 {
            shifted_solve(d, e, lam, tiny, &mut x);
            for v in &vecs {
                let dot: f64 = v.iter().zip(&x).map(|(a, b)| a * b).sum();
                x.iter_mut().zip(v).for_each(|(xi, vi)| *xi -= dot * vi);
            }
            let nrm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
            x.iter_mut().for_each(|v| *v /= nrm);
        }
        vecs.push(x);
    }
    vecs
}

/// The real FFT of `w` (length `w.len() / 2 + 1`).
fn rfft(w: &[f64]) -> Vec<Complex64> {
    let fwd = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
        pl.real.plan_fft_forward(w.len())
    });
    let mut buf = w.to_vec();
    let mut spec = fwd.make_output_vec();
    fwd.process(&mut buf, &mut spec).expect("lengths match the plan");
    spec
}

/// The autocorrelation `sum_i w[i] w[i + j]` for lags `j = 0..M` via the real FFT.
fn autocorr(w: &[f64]) -> Vec<f64> {
    let m = w.len();
    let n = crate::fftconv::next_fast_len(2 * m - 1);
    let (fwd, inv) = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<f64>| {
        (pl.real.plan_fft_forward(n), pl.real.plan_fft_inverse(n))
    });
    let mut buf = fwd.make_input_vec();
    buf[..m].copy_from_slice(w);
    let mut spec = fwd.make_output_vec();
    fwd.process(&mut buf, &mut spec).expect("lengths match the plan");
    spec.iter_mut().for_each(|c| *c = Complex64::new(c.norm_sqr(), 0.0));
    inv.process(&mut spec, &mut buf).expect("lengths match the plan");
    buf.truncate(m);
    buf.iter_mut().for_each(|v| *v /= n as f64);
    buf
}

/// The discrete prolate spheroidal (Slepian) sequences: the length-`m` windows whose energy is
/// most concentrated in the band `[-NW/M, NW/M]`.
///
/// Computed as SciPy does, as the eigenvectors of the largest eigenvalues of Slepian's
/// commuting symmetric tridiagonal matrix (bisection and inverse iteration); signs follow
/// Percival and Walden (symmetric tapers of positive mean, antisymmetric ones starting with a
/// positive lobe). Lengths 0 and 1 give ones (and ratios of 1).
///
/// SciPy equivalent: `scipy.signal.windows.dpss(M, NW, Kmax, sym, norm, return_ratios)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `Kmax` not in `1..=M`,
/// `NW >= M / 2` or `NW <= 0` (SciPy's messages).
///
/// # Examples
///
/// ```
/// use sci_signal::windows::{dpss, DpssOptions};
/// let w = dpss(8, 2.0, DpssOptions::default()).unwrap().windows;
/// assert!((w[[0, 0]] - 0.087563).abs() < 1e-6 && (w[[0, 3]] - 0.96969697).abs() < 1e-8);
/// let r = dpss(7, 2.0, DpssOptions { kmax: Some(3), return_ratios: true, ..Default::default() }).unwrap();
/// assert_eq!(r.windows.shape(), &[3, 7]);
/// let ratios = r.ratios.unwrap();
/// assert!((ratios[0] - 0.99999018).abs() < 1e-8 && (ratios[2] - 0.97524156).abs() < 1e-8);
/// ```
pub fn dpss(m: usize, nw: f64, opts: DpssOptions) -> Result<Dpss> {
    let singleton = opts.kmax.is_none();
    let kmax = opts.kmax.unwrap_or(1);
    if m <= 1 {
        return Ok(Dpss {
            windows: Array2::ones((1, m)),
            ratios: opts.return_ratios.then(|| Array1::ones(1)),
        });
    }
    if kmax == 0 || kmax > m {
        return Err(invalid("Kmax", "Kmax must be greater than 0 and less than M"));
    }
    if nw >= m as f64 / 2.0 {
        return Err(invalid("NW", "NW must be less than M/2."));
    }
    if nw <= 0.0 || nw.is_nan() {
        return Err(invalid("NW", "NW must be positive"));
    }
    let norm = opts.norm.unwrap_or(if singleton { DpssNorm::Approximate } else { DpssNorm::L2 });
    let big = if opts.sym { m } else { m + 1 };
    let bf = big as f64;
    let w_band = nw / bf;
    let c = (2.0 * PI * w_band).cos();
    let d: Vec<f64> = (0..big).map(|t| ((bf - 1.0 - 2.0 * t as f64) / 2.0).powi(2) * c).collect();
    let e: Vec<f64> = (1..big).map(|t| t as f64 * (bf - t as f64) / 2.0).collect();
    let mut wins = top_eigenvectors(&d, &e, kmax);
    let thresh = (1.0 / bf).max(1e-7);
    for (k, w) in wins.iter_mut().enumerate() {
        let flip = if k % 2 == 0 {
            w.iter().sum::<f64>() < 0.0
        } else {
            w.iter().find(|v| *v * *v > thresh).is_some_and(|v| *v < 0.0)
        };
        if flip {
            w.iter_mut().for_each(|v| *v = -*v);
        }
    }
    let ratios = opts.return_ratios.then(|| {
        let r: Vec<f64> = (0..big)
            .map(|i| {
                if i == 0 {
                    2.0 * w_band
                } else {
                    let x = PI * 2.0 * w_band * i as f64;
                    4.0 * w_band * x.sin() / x
                }
            })
            .collect();
        Array1::from_iter(wins.iter().map(|w| autocorr(w).iter().zip(&r).map(|(a, b)| a * b).sum::<f64>()))
    });
    if norm != DpssNorm::L2 {
        let mx = wins.iter().flatten().copied().fold(f64::NEG_INFINITY, f64::max);
        wins.iter_mut().flatten().for_each(|v| *v /= mx);
        if big % 2 == 0 {
            let correction = match norm {
                DpssNorm::Approximate => bf * bf / (bf * bf + nw),
                _ => {
                    // rfft(w0); s[1:] *= 2 exp(i pi (1 - 1/M) k); M / sum(real(s)).
                    let spec = rfft(&wins[0]);
                    let total: f64 = spec
                        .iter()
                        .enumerate()
                        .map(|(k, s)| {
                            if k == 0 {
                                s.re
                            } else {
                                (s * 2.0 * Complex64::from_polar(1.0, PI * (1.0 - 1.0 / bf) * k as f64)).re
                            }
                        })
                        .sum();
                    bf / total
                }
            };
            wins.iter_mut().flatten().for_each(|v| *v *= correction);
        }
    }
    let windows = Array2::from_shape_fn((kmax, m), |(k, i)| wins[k][i]);
    Ok(Dpss { windows, ratios })
}

//! `solve_circulant`: a circulant system solved through the discrete Fourier transform.

use ndarray::{Array, ArrayBase, ArrayView1, Data, Dimension, Ix1};
use num_complex::{Complex, Complex64};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, check_finite};

/// `v` widened to `Complex64` (exact for all four element types).
fn widen<T: LinalgScalar>(v: T) -> Complex64 {
    let z = v.to_complex();
    Complex64::new(z.re.to_f64_lossless(), z.im.to_f64_lossless())
}

/// `z` as the element type: the real part for `f32`/`f64` (SciPy's `x.real` when neither `c`
/// nor `b` is complex), both parts (rounded for `Complex<f32>`) otherwise.
fn narrow<T: LinalgScalar>(z: Complex64) -> T {
    T::from_complex_k(Complex::new(RealOf::<T>::lit(z.re), RealOf::<T>::lit(z.im)))
}

/// In-place iterative radix-2 FFT of a power-of-two length (`sign = -1` forward, `+1`
/// inverse without the `1/n`). The twiddles `exp(sign · 2πi k / n)` are computed directly (not
/// by repeated multiplication), so the error stays `O(eps log n)`.
pub(crate) fn fft_pow2(x: &mut [Complex64], sign: f64) {
    let n = x.len();
    if n <= 1 {
        return;
    }
    let mut j = 0;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            x.swap(i, j);
        }
    }
    let twiddles: Vec<Complex64> = (0..n / 2)
        .map(|k| {
            let ang = sign * 2.0 * std::f64::consts::PI * k as f64 / n as f64;
            Complex64::new(ang.cos(), ang.sin())
        })
        .collect();
    let mut len = 2;
    while len <= n {
        let stride = n / len;
        for start in (0..n).step_by(len) {
            for k in 0..len / 2 {
                let u = x[start + k];
                let v = x[start + k + len / 2] * twiddles[k * stride];
                x[start + k] = u + v;
                x[start + k + len / 2] = u - v;
            }
        }
        len <<= 1;
    }
}

/// DFT of any length (`sign = -1` forward, `+1` inverse without `1/n`): radix-2 for powers of
/// two, Bluestein's chirp-z transform otherwise; `O(n log n)`.
fn dft(x: &[Complex64], sign: f64) -> Vec<Complex64> {
    let n = x.len();
    if n <= 1 {
        return x.to_vec();
    }
    if n.is_power_of_two() {
        let mut y = x.to_vec();
        fft_pow2(&mut y, sign);
        return y;
    }
    let m = (2 * n - 1).next_power_of_two();
    // chirp w_k = exp(sign · iπ k² / n), with k² reduced mod 2n for accuracy
    let chirp: Vec<Complex64> = (0..n)
        .map(|k| {
            let k2 = (k as u128 * k as u128 % (2 * n as u128)) as f64;
            let ang = sign * std::f64::consts::PI * k2 / n as f64;
            Complex64::new(ang.cos(), ang.sin())
        })
        .collect();
    let mut a = vec![Complex64::new(0.0, 0.0); m];
    for k in 0..n {
        a[k] = x[k] * chirp[k];
    }
    let mut b = vec![Complex64::new(0.0, 0.0); m];
    b[0] = chirp[0].conj();
    for k in 1..n {
        b[k] = chirp[k].conj();
        b[m - k] = chirp[k].conj();
    }
    fft_pow2(&mut a, -1.0);
    fft_pow2(&mut b, -1.0);
    for (ai, bi) in a.iter_mut().zip(&b) {
        *ai *= bi;
    }
    fft_pow2(&mut a, 1.0);
    let inv_m = 1.0 / m as f64;
    (0..n).map(|k| a[k] * inv_m * chirp[k]).collect()
}

/// The eigenvalues of a circulant matrix (the DFT of its first column `c`), those of modulus
/// at most the tolerance flagged and replaced by 1 (SciPy's `fc[near_zeros] = 1`).
pub(crate) struct Spectrum {
    fc: Vec<Complex64>,
    near: Vec<bool>,
}

impl Spectrum {
    /// The spectrum of `circulant(c)` (`c` not empty, finite); `tol` defaults to
    /// `max |fft(c)| · n · eps`. A flagged eigenvalue is [`LinalgError::NearSingular`] (its
    /// index) with [`CirculantSingular::Raise`].
    pub(crate) fn new<T: LinalgScalar>(
        c: ArrayView1<'_, T>,
        tol: Option<f64>,
        singular: CirculantSingular,
    ) -> Result<Self> {
        let n = c.len();
        let cc: Vec<Complex64> = c.iter().map(|&v| widen(v)).collect();
        let mut fc = dft(&cc, -1.0);
        let max_abs = fc.iter().fold(0.0f64, |m, z| m.max(z.norm()));
        let tol = tol.unwrap_or(max_abs * n as f64 * f64::EPSILON);
        let near: Vec<bool> = fc.iter().map(|z| z.norm() <= tol).collect();
        if let Some(index) = near.iter().position(|&z| z) {
            if singular == CirculantSingular::Raise {
                return Err(LinalgError::NearSingular { index });
            }
            for (z, &nz) in fc.iter_mut().zip(&near) {
                if nz {
                    *z = Complex64::new(1.0, 0.0);
                }
            }
        }
        Ok(Self { fc, near })
    }

    /// The solution of `circulant(c) x = b` (`ifft(fft(b) / fft(c))`, zero on the flagged
    /// eigenvalues: the least-squares solution), converted to the element type.
    pub(crate) fn solve<T: LinalgScalar>(&self, b: ArrayView1<'_, T>) -> impl Iterator<Item = T> {
        let inv_n = 1.0 / self.fc.len() as f64;
        let bc: Vec<Complex64> = b.iter().map(|&v| widen(v)).collect();
        let mut q = dft(&bc, -1.0);
        for ((qi, fi), &nz) in q.iter_mut().zip(&self.fc).zip(&self.near) {
            *qi = if nz { Complex64::new(0.0, 0.0) } else { *qi / fi };
        }
        dft(&q, 1.0).into_iter().map(move |v| narrow(v * inv_n))
    }
}

/// What [`solve_circulant`] does with a (near) singular circulant matrix (SciPy's
/// `singular`).
///
/// # Examples
///
/// ```
/// use sci_linalg::CirculantSingular;
/// assert_eq!(CirculantSingular::default(), CirculantSingular::Raise);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CirculantSingular {
    /// `'raise'` (the default): [`LinalgError::NearSingular`].
    #[default]
    Raise,
    /// `'lstsq'`: the least-squares (pseudo-inverse) solution, dropping the eigenvalues at or
    /// below the tolerance.
    Lstsq,
}

/// Solves `C x = b` for the circulant matrix `C` whose first column is `c`
/// ([`circulant`](crate::circulant)`(c)`), in `O(n log n)`.
///
/// The eigenvalues of `C` are the DFT of `c`, so `x = ifft(fft(b) / fft(c))`. Eigenvalues of
/// modulus at most `tol` (default `max |fft(c)| · n · eps`, as `matrix_rank`) make `C` near
/// singular: an error, or with [`CirculantSingular::Lstsq`] they are dropped. `b` is `(n,)`
/// or `(n, k)` (SciPy's `baxis=0`, `outaxis=0`); the solution has `b`'s shape. An empty
/// system gives an empty solution.
///
/// The element type is `f32`, `f64`, `Complex<f32>` or `Complex<f64>`; `c` and `b` share it.
/// Real input gives the real part of the inverse DFT (SciPy's `x.real`), complex input the
/// complex solution; `tol` is real either way. SciPy's mixed case (real `c`, complex `b` or the
/// reverse, complex result) is [`solve_circulant_complex`](crate::solve_circulant_complex).
///
/// SciPy equivalent: `scipy.linalg.solve_circulant(c, b, singular, tol)` with 1-d `c` and the
/// default axes, real or complex; n-d `c` and `b` with `caxis`, `baxis`, `outaxis` are
/// [`solve_circulant_with`](crate::solve_circulant_with).
///
/// # Errors
///
/// [`LinalgError::NearSingular`], [`LinalgError::ShapeMismatch`] when `b` does not have
/// `len(c)` rows, [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{CirculantSingular, circulant, solve_circulant};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let c = array![2.0, 2.0, 4.0];
/// let b = array![1.0, 2.0, 3.0];
/// let x = solve_circulant(&c, &b, CirculantSingular::Raise, None).unwrap();
/// assert_allclose(&x, &array![0.75, -0.25, 0.25], 1e-15, 1e-15);
/// assert_allclose(&circulant(&c).dot(&x), &b, 1e-14, 0.0);
/// // singular: c = [1, 1] has the eigenvalue 0
/// assert!(solve_circulant(&array![1.0, 1.0], &array![1.0, 2.0], CirculantSingular::Raise, None).is_err());
/// let x = solve_circulant(&array![1.0, 1.0], &array![1.0, 2.0], CirculantSingular::Lstsq, None).unwrap();
/// assert_allclose(&x, &array![0.75, 0.75], 1e-15, 0.0);
/// // complex c and b (SciPy's complex128 path); a real c is widened for a complex b
/// use sci_linalg::sci_array::num_complex::Complex64;
/// let i = Complex64::new(0.0, 1.0);
/// let c = array![2.0 + i, 1.0 + 0.0 * i, 0.0 * i];
/// let b = array![1.0 + 0.0 * i, i, 2.0 - i];
/// let x = solve_circulant(&c, &b, CirculantSingular::Raise, None).unwrap();
/// assert_allclose(&circulant(&c).dot(&x), &b, 1e-14, 1e-14);
/// let cr = array![2.0, 2.0, 4.0].mapv(Complex64::from);
/// let x = solve_circulant(&cr, &b, CirculantSingular::Raise, Some(1e-8)).unwrap();
/// assert_allclose(&circulant(&cr).dot(&x), &b, 1e-14, 1e-14);
/// ```
pub fn solve_circulant<T, S1, S2, D>(
    c: &ArrayBase<S1, Ix1>,
    b: &ArrayBase<S2, D>,
    singular: CirculantSingular,
    tol: Option<RealOf<T>>,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let n = c.len();
    check_finite(c, "c")?;
    let mut x = rhs_matrix(b, n, "b")?;
    if n == 0 {
        return Ok(rhs_back(x, b.ndim()));
    }
    let spec = Spectrum::new(c.view(), tol.map(LinalgFloat::to_f64_lossless), singular)?;
    for mut col in x.columns_mut() {
        let xs: Vec<T> = spec.solve(col.view()).collect();
        col.assign(&ArrayView1::from(&xs));
    }
    Ok(rhs_back(x, b.ndim()))
}

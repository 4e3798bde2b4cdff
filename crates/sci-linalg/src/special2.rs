//! More special matrices: `khatri_rao`, `convolution_matrix`, `dft`.

use ndarray::{Array2, ArrayBase, Data, Ix1, Ix2};
use num_complex::Complex64;
use num_traits::Zero;

use crate::error::{LinalgError, Result, invalid};

/// Khatri–Rao product: the column-wise Kronecker product of `a` `(m, k)` and `b` `(p, k)`,
/// shape `(m·p, k)`.
///
/// SciPy equivalent: `scipy.linalg.khatri_rao(a, b)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the numbers of columns differ.
///
/// # Examples
///
/// ```
/// use sci_linalg::khatri_rao;
/// use sci_linalg::sci_array::ndarray::array;
/// let k = khatri_rao(&array![[1, 2, 3], [4, 5, 6]], &array![[3, 4, 5], [6, 7, 8], [2, 3, 9]]).unwrap();
/// assert_eq!(k.column(0).to_vec(), vec![3, 6, 2, 12, 24, 8]);
/// ```
pub fn khatri_rao<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Array2<T>>
where
    T: Clone + Zero + std::ops::Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    if a.ncols() != b.ncols() {
        return Err(LinalgError::ShapeMismatch {
            arg: "b",
            expected: format!("{} columns, as a", a.ncols()),
            found: b.shape().to_vec(),
        });
    }
    let (m, p) = (a.nrows(), b.nrows());
    Ok(Array2::from_shape_fn((m * p, a.ncols()), |(r, c)| a[[r / p, c]].clone() * b[[r % p, c]].clone()))
}

/// Output size of [`convolution_matrix`] (as `numpy.convolve`'s `mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConvolveMode {
    /// `'full'` (default): `m + n - 1` rows.
    #[default]
    Full,
    /// `'same'`: `max(m, n)` rows, centred.
    Same,
    /// `'valid'`: `max(m, n) - min(m, n) + 1` rows, full overlap only.
    Valid,
}

/// The matrix `A` with `A @ v == numpy.convolve(a, v, mode)` for every `v` of length `n`.
///
/// SciPy equivalent: `scipy.linalg.convolution_matrix(a, n, mode)`.
///
/// # Errors
///
/// An invalid-value error when `a` is empty or `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_linalg::{convolution_matrix, ConvolveMode};
/// use sci_linalg::sci_array::ndarray::array;
/// let c = convolution_matrix(&array![1, 2, 3], 4, ConvolveMode::Valid).unwrap();
/// assert_eq!(c, array![[3, 2, 1, 0], [0, 3, 2, 1]]);
/// ```
pub fn convolution_matrix<T, S>(a: &ArrayBase<S, Ix1>, n: usize, mode: ConvolveMode) -> Result<Array2<T>>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
{
    let m = a.len();
    if m == 0 {
        return Err(invalid("a", "len(a) must be at least 1."));
    }
    if n == 0 {
        return Err(invalid("n", "n must be at least 1."));
    }
    let (start, rows) = match mode {
        ConvolveMode::Full => (0, m + n - 1),
        ConvolveMode::Same => ((m.min(n) - 1) / 2, m.max(n)),
        ConvolveMode::Valid => (m.min(n) - 1, m.max(n) - m.min(n) + 1),
    };
    Ok(Array2::from_shape_fn((rows, n), |(i, j)| {
        let r = i + start;
        if r >= j && r - j < m { a[r - j].clone() } else { T::zero() }
    }))
}

/// Scaling of [`dft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DftScale {
    /// No scaling (default).
    #[default]
    None,
    /// Divide by `n`.
    N,
    /// Divide by `√n` (unitary).
    SqrtN,
}

/// The discrete Fourier transform matrix: `m[j, k] = exp(-2πi·j·k/n)`, so that `m @ x` is
/// the FFT of `x`.
///
/// SciPy equivalent: `scipy.linalg.dft(n, scale)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{dft, DftScale};
/// let m = dft(4, DftScale::None);
/// assert!((m[[1, 1]].im + 1.0).abs() < 1e-15 && m[[1, 1]].re.abs() < 1e-15);
/// let u = dft(3, DftScale::SqrtN);
/// assert!((u[[0, 0]].re - 1.0 / 3f64.sqrt()).abs() < 1e-15);
/// ```
pub fn dft(n: usize, scale: DftScale) -> Array2<Complex64> {
    let f = match scale {
        DftScale::None => 1.0,
        DftScale::N => 1.0 / n as f64,
        DftScale::SqrtN => 1.0 / (n as f64).sqrt(),
    };
    // Roots of unity by index (j·k mod n) keep every entry as accurate as a single cos/sin.
    let roots: Vec<Complex64> =
        (0..n).map(|t| Complex64::from_polar(f, -2.0 * std::f64::consts::PI * t as f64 / n as f64)).collect();
    Array2::from_shape_fn((n, n), |(j, k)| roots[(j * k) % n.max(1)])
}

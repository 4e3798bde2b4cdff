//! NumPy's polynomial helpers that need linear algebra: `polyfit` (least squares), `roots`
//! (companion-matrix eigenvalues) and `polyval` (Horner). They live here rather than in
//! `sci-array` because they are built on [`lstsq`] and [`eigvals`].

use ndarray::{Array, Array1, Array2, ArrayBase, Axis, Data, Dimension, Ix1};
use num_complex::Complex;

use crate::eig::eigvals;
use crate::error::{LinalgError, Result, invalid};
use crate::lstsq::lstsq;
use crate::lu::inv;
use crate::products::matmul_unchecked as matmul;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, check_finite, zeros_f};

/// Evaluates the polynomial `p[0]·x^(n−1) + p[1]·x^(n−2) + … + p[n−1]` at every element of
/// `x` (Horner's scheme; highest power first, as NumPy's `poly1d` convention).
///
/// An empty `p` gives zeros. NaN and infinity propagate (no error), as in NumPy.
///
/// NumPy equivalent: `numpy.polyval(p, x)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::polyval;
/// use sci_linalg::sci_array::ndarray::array;
/// // 3x² + 0x + 1 at 5, and at every entry of a matrix
/// assert_eq!(polyval(&array![3.0, 0.0, 1.0], &array![5.0]), array![76.0]);
/// assert_eq!(polyval(&array![1.0, -1.0], &array![[1.0, 2.0], [3.0, 4.0]]), array![[0.0, 1.0], [2.0, 3.0]]);
/// ```
pub fn polyval<T, S1, S2, D>(p: &ArrayBase<S1, Ix1>, x: &ArrayBase<S2, D>) -> Array<T, D>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    x.mapv(|xv| p.iter().fold(T::zero(), |acc, &c| acc * xv + c))
}

/// Roots of the polynomial `p[0]·x^(n−1) + … + p[n−1]`, as the eigenvalues of its companion
/// matrix (NumPy's algorithm).
///
/// Leading zeros of `p` are dropped; trailing zeros give roots at exactly zero (appended
/// last). An empty, constant or all-zero `p` has no roots. The roots are always complex
/// (NumPy returns a real array when all are real); their order is that of the eigenvalue
/// solver and may differ from NumPy's.
///
/// NumPy equivalent: `numpy.roots(p)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `p` holds NaN or infinity,
/// [`LinalgError::NoConvergence`] when the eigenvalue iteration fails.
///
/// # Examples
///
/// ```
/// use sci_linalg::roots;
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::ndarray::array;
/// // x² − 3x + 2 = (x − 1)(x − 2)
/// let r = roots(&array![1.0, -3.0, 2.0]).unwrap();
/// let mut re: Vec<f64> = r.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert!((re[0] - 1.0).abs() < 1e-14 && (re[1] - 2.0).abs() < 1e-14);
/// // x² + 1: ±i
/// let r = roots(&array![1.0, 0.0, 1.0]).unwrap();
/// assert!(r.iter().all(|z: &Complex64| (z.norm() - 1.0).abs() < 1e-14 && z.re.abs() < 1e-14));
/// ```
pub fn roots<T: LinalgFloat, S: Data<Elem = T>>(p: &ArrayBase<S, Ix1>) -> Result<Array1<Complex<T>>> {
    check_finite(p, "p")?;
    let nz: Vec<usize> = p.iter().enumerate().filter(|(_, c)| **c != T::zero()).map(|(i, _)| i).collect();
    let (Some(&first), Some(&last)) = (nz.first(), nz.last()) else {
        return Ok(Array1::from(vec![]));
    };
    let trailing = p.len() - 1 - last;
    let c: Vec<T> = p.iter().skip(first).take(last - first + 1).copied().collect();
    let n = c.len();
    let mut out = Vec::with_capacity(n - 1 + trailing);
    if n > 1 {
        let mut a = zeros_f(n - 1, n - 1);
        for i in 1..n - 1 {
            a[[i, i - 1]] = T::one();
        }
        for j in 0..n - 1 {
            a[[0, j]] = -c[j + 1] / c[0];
        }
        out.extend(eigvals(&a)?);
    }
    out.extend(std::iter::repeat_n(Complex::new(T::zero(), T::zero()), trailing));
    Ok(Array1::from(out))
}

/// Options of [`polyfit`]: NumPy's `rcond` and `w`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolyfitOptions<T> {
    /// Relative cutoff for small singular values of the (scaled) Vandermonde matrix;
    /// `None` means `len(x) · eps`, NumPy's default.
    pub rcond: Option<T>,
    /// Weights applied to the residuals (`1/σ` for Gaussian uncertainties); `None` means 1.
    pub w: Option<Array1<T>>,
}

/// The diagnostic output of [`polyfit_full`]: NumPy's `full=True` tuple.
#[derive(Debug, Clone, PartialEq)]
pub struct PolyfitFull<T, D: Dimension> {
    /// Coefficients, highest power first: `(deg + 1,)` or `(deg + 1, k)` like `y`.
    pub coef: Array<T, D>,
    /// Sum of squared (weighted) residuals per column of `y`; empty when the fit is exact
    /// or rank deficient, as NumPy's.
    pub residuals: Array1<T>,
    /// Effective rank of the scaled Vandermonde matrix.
    pub rank: usize,
    /// Singular values of the scaled Vandermonde matrix.
    pub singular_values: Array1<T>,
    /// The `rcond` that was used.
    pub rcond: T,
}

/// The scaled, weighted least-squares problem of `polyfit` and its solution.
struct Fit<T> {
    coef: Array2<T>,
    residuals: Array1<T>,
    rank: usize,
    s: Array1<T>,
    rcond: T,
    /// Scaled Vandermonde matrix and the column scales.
    lhs: Array2<T>,
    scale: Array1<T>,
}

fn fit<T, S1, S2, D>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, D>,
    deg: usize,
    opts: &PolyfitOptions<T>,
) -> Result<Fit<T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let m = x.len();
    if m == 0 {
        return Err(invalid("x", "expected non-empty vector for x"));
    }
    if y.ndim() == 0 || y.ndim() > 2 {
        return Err(LinalgError::ShapeMismatch {
            arg: "y",
            expected: "a 1-d or 2-d array".into(),
            found: y.shape().to_vec(),
        });
    }
    if y.shape()[0] != m {
        return Err(LinalgError::ShapeMismatch {
            arg: "y",
            expected: format!("({m},) or ({m}, k): the length of x"),
            found: y.shape().to_vec(),
        });
    }
    check_finite(x, "x")?;
    let mut rhs = rhs_matrix(y, m, "y")?;
    let order = deg + 1;
    let rcond = opts.rcond.unwrap_or_else(|| T::lit(m as f64) * T::epsilon());
    // Vandermonde matrix, highest power first.
    let mut lhs = zeros_f(m, order);
    for (i, &xv) in x.iter().enumerate() {
        let mut p = T::one();
        for j in (0..order).rev() {
            lhs[[i, j]] = p;
            p *= xv;
        }
    }
    if let Some(w) = &opts.w {
        if w.len() != m {
            return Err(LinalgError::ShapeMismatch {
                arg: "w",
                expected: format!("({m},): the length of y"),
                found: w.shape().to_vec(),
            });
        }
        check_finite(w, "w")?;
        for (i, &wi) in w.iter().enumerate() {
            lhs.row_mut(i).mapv_inplace(|v| v * wi);
            rhs.row_mut(i).mapv_inplace(|v| v * wi);
        }
    }
    let scale = lhs.map_axis(Axis(0), |c| c.iter().fold(T::zero(), |acc, &v| acc + v * v).sqrt());
    for (mut col, &sc) in lhs.columns_mut().into_iter().zip(scale.iter()) {
        col.mapv_inplace(|v| v / sc);
    }
    let r = lstsq(&lhs, &rhs, Some(rcond))?;
    let mut coef = r.x;
    for (mut row, &sc) in coef.rows_mut().into_iter().zip(scale.iter()) {
        row.mapv_inplace(|v| v / sc);
    }
    Ok(Fit { coef, residuals: r.residues, rank: r.rank, s: r.s, rcond, lhs, scale })
}

/// Least-squares polynomial fit: the coefficients `p` (highest power first) of the degree
/// `deg` polynomial minimizing `Σ wᵢ² (yᵢ − p(xᵢ))²`.
///
/// As NumPy: the Vandermonde matrix is weighted, its columns scaled to unit norm, and the
/// problem solved by [`lstsq`] with `rcond`. `y` may be `(m,)` or `(m, k)` (`k` fits at
/// once, coefficients `(deg + 1, k)`). NumPy's `RankWarning` for a rank-deficient fit has no
/// counterpart; see [`polyfit_full`] for the rank.
///
/// NumPy equivalent: `numpy.polyfit(x, y, deg, rcond=None, w=None)`.
///
/// # Errors
///
/// [`LinalgError::Array`] for an empty `x`; [`LinalgError::ShapeMismatch`] when `y` is not
/// `(m,)` or `(m, k)` or `w` is not `(m,)`; [`LinalgError::NonFinite`] for NaN or infinity in
/// `x`, `y` or `w` (NumPy fails in the SVD); [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{polyfit, PolyfitOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let x = array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
/// let y = array![0.0, 0.8, 0.9, 0.1, -0.8, -1.0];
/// let p = polyfit(&x, &y, 3, &PolyfitOptions::default()).unwrap();
/// assert_allclose(&p, &array![0.08703704, -0.81349206, 1.69312169, -0.03968254], 1e-7, 0.0);
/// ```
pub fn polyfit<T, S1, S2, D>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, D>,
    deg: usize,
    opts: &PolyfitOptions<T>,
) -> Result<Array<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let f = fit(x, y, deg, opts)?;
    Ok(rhs_back(f.coef, y.ndim()))
}

/// [`polyfit`] with NumPy's `full=True` diagnostics: residuals, rank, singular values and
/// `rcond`.
///
/// NumPy equivalent: `numpy.polyfit(x, y, deg, rcond, full=True, w)`.
///
/// # Errors
///
/// As [`polyfit`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{polyfit_full, PolyfitOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 3.0];
/// let r = polyfit_full(&x, &array![1.0, 3.0, 5.0, 7.5], 1, &PolyfitOptions::default()).unwrap();
/// assert_eq!(r.rank, 2);
/// let res: f64 = r.residuals[0];
/// assert!((res - 0.075).abs() < 1e-13);
/// assert_eq!(r.rcond, 4.0 * f64::EPSILON);
/// ```
pub fn polyfit_full<T, S1, S2, D>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, D>,
    deg: usize,
    opts: &PolyfitOptions<T>,
) -> Result<PolyfitFull<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let f = fit(x, y, deg, opts)?;
    Ok(PolyfitFull {
        coef: rhs_back(f.coef, y.ndim()),
        residuals: f.residuals,
        rank: f.rank,
        singular_values: f.s,
        rcond: f.rcond,
    })
}

/// [`polyfit`] of a 1-d `y` with the covariance matrix of the coefficients (NumPy's `cov`).
///
/// `scaled = true` (NumPy's `cov=True`) multiplies the unscaled covariance
/// `(Vᵀ V)⁻¹` by `residuals / (m − deg − 1)`, which needs more points than coefficients;
/// `scaled = false` is NumPy's `cov='unscaled'` (for weights `w = 1/σ` of known
/// uncertainties).
///
/// NumPy equivalent: `numpy.polyfit(x, y, deg, rcond, w=w, cov=True | 'unscaled')` (1-d `y`).
///
/// # Errors
///
/// As [`polyfit`], and [`LinalgError::Array`] when `scaled` and `m ≤ deg + 1` (NumPy's
/// ValueError), [`LinalgError::Singular`] when `Vᵀ V` is exactly singular.
///
/// # Examples
///
/// ```
/// use sci_linalg::{polyfit_cov, PolyfitOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let x = array![0.0, 1.0, 2.0, 3.0];
/// let (p, cov) = polyfit_cov(&x, &array![1.0, 3.0, 5.0, 7.5], 1, &PolyfitOptions::default(), true).unwrap();
/// assert_allclose(&p, &array![2.15, 0.9], 1e-14, 0.0);
/// assert_allclose(&cov, &array![[0.0075, -0.01125], [-0.01125, 0.02625]], 1e-12, 0.0);
/// ```
pub fn polyfit_cov<T, S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    deg: usize,
    opts: &PolyfitOptions<T>,
    scaled: bool,
) -> Result<(Array1<T>, Array2<T>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let f = fit(x, y, deg, opts)?;
    let m = x.len();
    let order = deg + 1;
    let mut vbase = inv(&matmul(f.lhs.t(), f.lhs.view()))?;
    for ((i, j), v) in vbase.indexed_iter_mut() {
        *v /= f.scale[i] * f.scale[j];
    }
    if scaled {
        if m <= order {
            return Err(invalid(
                "y",
                "the number of data points must exceed order to scale the covariance matrix",
            ));
        }
        // NumPy's resids are empty for a rank-deficient fit, which makes its covariance empty
        // too; the sum of squares is used here instead when lstsq did not report it.
        let resid = match f.residuals.first() {
            Some(&r) => r,
            None => {
                let c = f.coef.column(0).to_owned();
                let w = opts.w.clone().unwrap_or_else(|| Array1::from_elem(m, T::one()));
                let fitted = polyval(&c, x);
                y.iter().zip(fitted.iter()).zip(w.iter()).fold(T::zero(), |acc, ((&yv, &fv), &wv)| {
                    let d = (yv - fv) * wv;
                    acc + d * d
                })
            }
        };
        let fac = resid / T::lit((m - order) as f64);
        vbase.mapv_inplace(|v| v * fac);
    }
    Ok((f.coef.column(0).to_owned(), vbase))
}

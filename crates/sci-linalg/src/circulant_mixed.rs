//! `solve_circulant_complex` / `solve_circulant_complex_with`: SciPy's `solve_circulant` with a
//! real `c` and a complex `b` or the reverse (a complex result), through the complex solvers.

use ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, Ix1};
use num_complex::Complex;

use crate::circulant::{CirculantSingular, solve_circulant};
use crate::circulant_batch::{SolveCirculantOptions, solve_circulant_with};
use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};

/// `a` with every element as a complex number of the same precision.
fn to_complex<T: LinalgScalar, S: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
) -> Array<Complex<RealOf<T>>, D> {
    a.mapv(LinalgScalar::to_complex)
}

/// Solves `C x = b`, `C = circulant(c)`, for `c` and `b` that may each be real or complex (of
/// one precision), giving the complex solution: SciPy's `solve_circulant` with mixed element
/// types.
///
/// SciPy returns a complex result as soon as `c` or `b` is complex; here `c` may be `f64` and
/// `b` `Complex<f64>`, or the reverse (likewise `f32` with `Complex<f32>`). The real argument is
/// converted to complex once and the system solved by
/// [`solve_circulant`](crate::solve_circulant) (the same DFT arithmetic, as SciPy's `fft` also
/// widens real input). `b` is `(n,)` or `(n, k)`; `singular` and `tol` are as in
/// `solve_circulant`. Two real arguments are accepted too and give the complex inverse DFT
/// (imaginary parts at rounding level); SciPy's real result for them is `solve_circulant`.
/// Mixed precisions (`f32` with `Complex<f64>`) are not accepted: convert first.
///
/// SciPy equivalent: `scipy.linalg.solve_circulant(c, b, singular, tol)` with 1-d `c`, the
/// default axes and complex output; n-d input is
/// [`solve_circulant_complex_with`](crate::solve_circulant_complex_with).
///
/// # Errors
///
/// As [`solve_circulant`](crate::solve_circulant): [`LinalgError::NearSingular`](crate::LinalgError::NearSingular),
/// [`LinalgError::ShapeMismatch`](crate::LinalgError::ShapeMismatch) when `b` does not have
/// `len(c)` rows, [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{CirculantSingular, circulant, solve_circulant_complex};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let z = |re: f64, im: f64| Complex64::new(re, im);
/// // real c, complex b (SciPy: [0.75-0.5j, -0.25+0j, 0.25+0.5j])
/// let c = array![2.0, 2.0, 4.0];
/// let b = array![z(1.0, 0.0), z(2.0, 1.0), z(3.0, -1.0)];
/// let x = solve_circulant_complex(&c, &b, CirculantSingular::Raise, None)?;
/// assert_allclose(&x, &array![z(0.75, -0.5), z(-0.25, 0.0), z(0.25, 0.5)], 1e-15, 1e-15);
/// assert_allclose(&circulant(&c.mapv(Complex64::from)).dot(&x), &b, 1e-14, 1e-15);
/// // complex c, real b (two right-hand sides)
/// let c = array![z(2.0, 1.0), z(1.0, 0.0), z(0.0, 0.0)];
/// let b = array![[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]];
/// let x = solve_circulant_complex(&c, &b, CirculantSingular::Raise, None)?;
/// assert_allclose(&circulant(&c).dot(&x), &b.mapv(Complex64::from), 1e-14, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_circulant_complex<C, B, S1, S2, D>(
    c: &ArrayBase<S1, Ix1>,
    b: &ArrayBase<S2, D>,
    singular: CirculantSingular,
    tol: Option<RealOf<C>>,
) -> Result<Array<Complex<RealOf<C>>, D>>
where
    C: LinalgScalar,
    B: LinalgScalar<Real = RealOf<C>>,
    Complex<RealOf<C>>: LinalgScalar<Real = RealOf<C>>,
    S1: Data<Elem = C>,
    S2: Data<Elem = B>,
    D: Dimension,
{
    solve_circulant(&to_complex(c), &to_complex(b), singular, tol)
}

/// Solves a stack of circulant systems with SciPy's axis arguments for `c` and `b` that may each
/// be real or complex (of one precision), giving the complex solution: SciPy's
/// `solve_circulant` with mixed element types and n-d input.
///
/// The real argument is converted to complex once and the stack solved by
/// [`solve_circulant_with`](crate::solve_circulant_with), which describes `caxis`, `baxis`,
/// `outaxis`, the batch broadcasting and the per-matrix tolerance. As
/// [`solve_circulant_complex`](crate::solve_circulant_complex), two real arguments give the
/// complex inverse DFT and mixed precisions are not accepted.
///
/// SciPy equivalent: `scipy.linalg.solve_circulant(c, b, singular, tol, caxis, baxis,
/// outaxis)` with complex output.
///
/// # Errors
///
/// As [`solve_circulant_with`](crate::solve_circulant_with): axis out of bounds, batch axes
/// that do not broadcast, a `baxis` length other than `c`'s `caxis` length
/// ([`LinalgError::ShapeMismatch`](crate::LinalgError::ShapeMismatch) naming `b`), a near
/// singular matrix with `Raise`, non-finite input.
///
/// # Examples
///
/// ```
/// use sci_linalg::{SolveCirculantOptions, circulant, solve_circulant_complex_with};
/// use sci_linalg::sci_array::ndarray::{array, Ix2};
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // two real circulant matrices (rows of c), one complex right-hand side
/// let c = array![[2.0, 1.0, 0.0], [1.0, 3.0, 1.0]];
/// let b = array![Complex64::new(1.0, 1.0), Complex64::new(0.0, 2.0), Complex64::new(3.0, 0.0)];
/// let x = solve_circulant_complex_with(&c, &b, SolveCirculantOptions::default())?;
/// let x = x.into_dimensionality::<Ix2>().unwrap();
/// assert_eq!(x.dim(), (3, 2));
/// for i in 0..2 {
///     let ci = c.row(i).mapv(Complex64::from);
///     assert_allclose(&circulant(&ci).dot(&x.column(i)), &b, 1e-14, 1e-15);
/// }
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_circulant_complex_with<C, B, S1, S2, D1, D2>(
    c: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    opts: SolveCirculantOptions,
) -> Result<ArrayD<Complex<RealOf<C>>>>
where
    C: LinalgScalar,
    B: LinalgScalar<Real = RealOf<C>>,
    Complex<RealOf<C>>: LinalgScalar<Real = RealOf<C>>,
    S1: Data<Elem = C>,
    S2: Data<Elem = B>,
    D1: Dimension,
    D2: Dimension,
{
    solve_circulant_with(&to_complex(c), &to_complex(b), opts)
}

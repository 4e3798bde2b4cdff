//! `eigh` with SciPy's keyword arguments: the generalized Hermitian-definite problem (`b=`,
//! `type=1, 2, 3`) and eigenvalue subsets (`subset_by_index=`, `subset_by_value=`), for real
//! symmetric and complex Hermitian matrices.

use faer::linalg::triangular_solve;
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2};

use crate::complex::chol::cholesky_lower;
use crate::eigh_driver::{EighDriver, EvRange, Evd, resolve, standard};
use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, zeros_f};

/// SciPy's `type=` of the generalized problem in [`eigh_with`] (LAPACK `sygvd`/`hegvd`'s
/// `itype`).
///
/// # Examples
///
/// ```
/// use sci_linalg::EighType;
/// assert_eq!(EighType::default(), EighType::Type1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EighType {
    /// `type=1`: `a v = w b v`; eigenvectors with `vᴴ b v = I`.
    #[default]
    Type1,
    /// `type=2`: `a b v = w v`; eigenvectors with `vᴴ b v = I`.
    Type2,
    /// `type=3`: `b a v = w v`; eigenvectors with `vᴴ b⁻¹ v = I`.
    Type3,
}

/// Options of [`eigh_with`] and [`eigvalsh_with`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighOptions, EighType};
/// let o = EighOptions::<f64> { subset_by_index: Some((0, 1)), ..Default::default() };
/// assert!(o.lower && o.b.is_none() && o.eig_type == EighType::Type1);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EighOptions<'a, T: LinalgScalar> {
    /// Read the lower triangle of `a` (and of `b`) when `true` (SciPy's default), else the upper.
    pub lower: bool,
    /// `b` of the generalized problem (Hermitian positive definite); `None` is the identity.
    pub b: Option<ArrayView2<'a, T>>,
    /// Which generalized problem (SciPy `type=`); ignored without `b`.
    pub eig_type: EighType,
    /// Only the eigenvalues with 0-based ascending indices `lo..=hi`.
    pub subset_by_index: Option<(usize, usize)>,
    /// Only the eigenvalues in the half-open interval `(lo, hi]`.
    pub subset_by_value: Option<(RealOf<T>, RealOf<T>)>,
    /// SciPy's `driver=` ([`EighDriver`]); `None` is SciPy's default (`"evr"`, with `b`
    /// `"gvd"`, or `"gvx"` for a subset).
    pub driver: Option<EighDriver>,
}

impl<T: LinalgScalar> Default for EighOptions<'_, T> {
    fn default() -> Self {
        Self {
            lower: true,
            b: None,
            eig_type: EighType::Type1,
            subset_by_index: None,
            subset_by_value: None,
            driver: None,
        }
    }
}

/// Eigenvalues and eigenvectors of a real symmetric or complex Hermitian matrix, or of a
/// Hermitian-definite generalized problem, optionally only a subset of them.
///
/// With `b` (Hermitian positive definite) the problem is, by [`EighType`], `a v = w b v`
/// (SciPy's default `type=1`), `a b v = w v` (`type=2`) or `b a v = w v` (`type=3`), solved as
/// LAPACK `sygvd`/`hegvd` do: with the Cholesky factor `b = L Lᴴ`, the standard problem of
/// `C = L⁻¹ a L⁻ᴴ` (type 1) or `C = Lᴴ a L` (types 2, 3), then `v = L⁻ᴴ y` (types 1, 2) or
/// `v = L y` (type 3); the eigenvectors are then `b`-orthonormal (`vᴴ b v = I`; type 3:
/// `vᴴ b⁻¹ v = I`), as SciPy's. Eigenvalues are real and ascending. Subsets are taken from the
/// ascending spectrum: `subset_by_index = (lo, hi)` keeps indices `lo..=hi`, `subset_by_value =
/// (lo, hi)` keeps `lo < w <= hi` (possibly none: `(0,)` and `(n, 0)` results). Eigenvectors
/// are unique only up to sign (complex: phase) and may differ from SciPy's by that factor.
/// Only the triangle chosen by `lower` of `a` and `b` is read.
///
/// `driver` picks the algorithm as SciPy's `driver=` ([`EighDriver`]: `ev`, `evd`, `evr`,
/// `evx` without `b`, `gv`, `gvd`, `gvx` with it); all give the same eigenvalues to rounding.
/// An empty `a` gives empty results before any other argument is looked at, as SciPy.
///
/// SciPy equivalent: `scipy.linalg.eigh(a, b, lower=True, type=1, subset_by_index=None,
/// subset_by_value=None, driver=None)` (`eigvals_only=True` is [`eigvalsh_with`]).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a` or `b`, [`LinalgError::ShapeMismatch`] when `b`'s shape
/// differs from `a`'s, [`LinalgError::NonFinite`], [`LinalgError::NotPositiveDefinite`] when
/// `b` is not positive definite, [`LinalgError::Array`] for both subsets at once, indices
/// outside `0 <= lo <= hi < n` or bounds not `lo < hi`, a generalized driver without `b`, a
/// standard one with `b`, or a subset with `ev`/`evd`/`gv`/`gvd` (SciPy's `ValueError`s),
/// [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighOptions, EighType, eigh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0], [1.0, 2.0]];
/// let b = array![[2.0, 0.0], [0.0, 2.0]];
/// let (w, v) = eigh_with(&a, &EighOptions { b: Some(b.view()), ..Default::default() })?;
/// assert_allclose(&w, &array![0.5, 1.5], 1e-14, 0.0);
/// assert_allclose(&v.t().dot(&b).dot(&v), &array![[1.0, 0.0], [0.0, 1.0]], 1e-14, 1e-14);
/// // type=3: b a v = w v
/// let (w, _) = eigh_with(&a, &EighOptions { b: Some(b.view()), eig_type: EighType::Type3, ..Default::default() })?;
/// assert_allclose(&w, &array![2.0, 6.0], 1e-14, 0.0);
/// let (w, v) = eigh_with(&a, &EighOptions { subset_by_value: Some((2.0, 5.0)), ..Default::default() })?;
/// assert_allclose(&w, &array![3.0], 1e-14, 0.0);
/// assert_eq!(v.dim(), (2, 1));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Complex Hermitian input (`Complex<f64>`, `Complex<f32>`; faer on both backends):
///
/// ```
/// use sci_linalg::{EighOptions, eigh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(2.0, 0.0), C::new(0.0, -1.0)], [C::new(0.0, 1.0), C::new(2.0, 0.0)]];
/// let b = array![[C::new(2.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(2.0, 0.0)]];
/// let (w, v) = eigh_with(&a, &EighOptions { b: Some(b.view()), ..Default::default() })?;
/// assert_allclose(&w, &array![0.5, 1.5], 1e-14, 0.0); // eigenvalues 1 and 3 of a, halved
/// let vh = v.t().mapv(|z| z.conj());
/// assert_allclose(&vh.dot(&b).dot(&v), &array![[C::new(1.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(1.0, 0.0)]], 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigh_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EighOptions<'_, T>,
) -> Result<(Array1<RealOf<T>>, Array2<T>)> {
    let (w, v) = solve_pencil(a.view(), opts, true)?;
    Ok((w, v.expect("vectors were requested")))
}

/// Eigenvalues only of [`eigh_with`]'s problem (ascending).
///
/// SciPy equivalent: `scipy.linalg.eigvalsh(a, b, lower=True, type=1, subset_by_index=None,
/// subset_by_value=None)` (also `eigh(..., eigvals_only=True)`).
///
/// # Errors
///
/// As [`eigh_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighOptions, eigvalsh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[4.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 9.0]];
/// let w = eigvalsh_with(&a, &EighOptions { subset_by_index: Some((1, 2)), ..Default::default() })?;
/// assert_allclose(&w, &array![4.0, 9.0], 1e-14, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvalsh_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EighOptions<'_, T>,
) -> Result<Array1<RealOf<T>>> {
    Ok(solve_pencil(a.view(), opts, false)?.0)
}

fn solve_pencil<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    opts: &EighOptions<'_, T>,
    vectors: bool,
) -> Result<Evd<T>> {
    let n = check_square_finite(&a, "a")?;
    if n == 0 {
        // SciPy returns before looking at `b`, the subsets or the driver.
        return Ok((Array1::zeros(0), vectors.then(|| zeros_f(0, 0))));
    }
    if let Some(b) = opts.b {
        let nb = check_square_finite(&b, "b")?;
        if nb != n {
            return Err(LinalgError::ShapeMismatch {
                arg: "b",
                expected: format!("({n}, {n}) as `a`"),
                found: b.shape().to_vec(),
            });
        }
    }
    if opts.subset_by_index.is_some() && opts.subset_by_value.is_some() {
        return Err(invalid("subset_by_index", "either index or value subset can be requested"));
    }
    if let Some((lo, hi)) = opts.subset_by_index
        && !(lo <= hi && hi < n)
    {
        let reason = format!(
            "requested eigenvalue indices are not valid: valid range is [0, {}] and start <= end, but start={lo}, end={hi} is given",
            n as i64 - 1
        );
        return Err(invalid("subset_by_index", reason));
    }
    if let Some((lo, hi)) = opts.subset_by_value
        && lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less)
    {
        let reason = format!(
            "requested eigenvalue bounds are not valid: valid range is (-inf, inf) and low < high, but low={lo}, high={hi} is given"
        );
        return Err(invalid("subset_by_value", reason));
    }
    let range = match (opts.subset_by_index, opts.subset_by_value) {
        (Some((lo, hi)), _) => EvRange::Index(lo, hi),
        (_, Some((lo, hi))) => EvRange::Value(lo, hi),
        _ => EvRange::All,
    };
    let driver = resolve(opts.driver, opts.b.is_some(), range != EvRange::All)?.standard();
    match opts.b {
        None => standard(a, opts.lower, vectors, driver, range),
        Some(b) => generalized(a, b, opts.lower, opts.eig_type, vectors, driver, range),
    }
}

/// The generalized problem through `b = L Lᴴ` (LAPACK `sygst` + `syevd` + back-transform).
fn generalized<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    lower: bool,
    eig_type: EighType,
    vectors: bool,
    driver: EighDriver,
    range: EvRange<RealOf<T>>,
) -> Result<Evd<T>> {
    let n = a.nrows();
    let l = cholesky_lower(b, lower)?;
    // The full Hermitian a from the triangle that is read (the diagonal's imaginary part is
    // ignored, as LAPACK's).
    let mut c = zeros_f(n, n);
    for j in 0..n {
        c[[j, j]] = T::from_real(a[[j, j]].re());
        for i in j + 1..n {
            let x = if lower { a[[i, j]] } else { a[[j, i]].conj() };
            c[[i, j]] = x;
            c[[j, i]] = x.conj();
        }
    }
    let par = par();
    let lf = as_faer(l.view());
    let c = match eig_type {
        EighType::Type1 => {
            // c <- L⁻¹ a; then (L⁻¹ a)ᴴ = a L⁻ᴴ and c <- L⁻¹ (a L⁻ᴴ).
            triangular_solve::solve_lower_triangular_in_place(lf, as_faer_mut(c.view_mut()), par);
            let mut ch = zeros_f(n, n);
            ch.zip_mut_with(&c.t(), |o, &x| *o = x.conj());
            triangular_solve::solve_lower_triangular_in_place(lf, as_faer_mut(ch.view_mut()), par);
            ch
        }
        EighType::Type2 | EighType::Type3 => {
            let mut lh = zeros_f(n, n);
            lh.zip_mut_with(&l.t(), |o, &x| *o = x.conj());
            matmul(matmul(lh.view(), c.view()).view(), l.view())
        }
    };
    let (w, y) = standard(c.view(), true, vectors, driver, range)?;
    let v = y.map(|mut y| match eig_type {
        EighType::Type1 | EighType::Type2 => {
            triangular_solve::solve_upper_triangular_in_place(lf.adjoint(), as_faer_mut(y.view_mut()), par);
            y
        }
        EighType::Type3 => matmul(l.view(), y.view()),
    });
    Ok((w, v))
}

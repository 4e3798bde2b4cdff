//! [`eigsh`](super::eigsh) for `float32` and complex Hermitian matrices, [`eigs`] for
//! `float32`, and `svds` without singular vectors.

use sci_array::ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1};
use sci_array::num_complex::{Complex32, Complex64};

use super::eigen::{EigshMode, EigshOptions, Which, finish, solve};
use super::eigs::{EigsOptions, eigs};
use super::lanczos::{Pencil, Ritz, lanczos};
use super::operator::LinearOperator;
use super::svd::svds;
use crate::CsrMatrix;
use crate::error::{Result, invalid, shape_err};

/// Options for a `float32` run: ARPACK's single-precision routines default to
/// `tol = eps(float32)`.
fn f32_opts<'a>(opts: &EigshOptions<'a>) -> EigshOptions<'a> {
    let tol = if opts.tol > 0.0 { opts.tol } else { f64::from(f32::EPSILON) };
    EigshOptions { tol, ..opts.clone() }
}

/// [`eigsh`](super::eigsh) of a `float32` symmetric matrix: eigenvalues and eigenvectors in
/// `float32`, ascending.
///
/// SciPy runs ARPACK's single-precision `ssaupd`, so its eigenvalues are accurate to about
/// `eps(float32) ||A||`; here the iteration runs in `f64` to the same tolerance (`tol = 0`
/// means `eps(float32)`) and the results are rounded, so they agree with SciPy's to float32
/// accuracy. `sigma` factors `A - sigma M` in `f64` (no `matrix` argument is needed); `M`,
/// `Minv` and `OPinv` are `f64` operators.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, ...)` with `A.dtype == float32`.
///
/// # Errors
///
/// Those of [`eigsh`](super::eigsh).
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh_f32, EigshOptions};
/// let a = diags(&[vec![1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]], &[0], None)?;
/// let (w, v) = eigsh_f32(&a, 2, &EigshOptions::default())?;
/// assert!((w[0] - 5.0).abs() < 1e-5 && (w[1] - 6.0).abs() < 1e-5);
/// assert!((v[[5, 1]].abs() - 1.0).abs() < 1e-5);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh_f32(
    a: &CsrMatrix<f32>,
    k: usize,
    opts: &EigshOptions<'_>,
) -> Result<(Array1<f32>, Array2<f32>)> {
    let a64 = a.map(f64::from);
    let csc = opts.sigma.map(|_| a64.tocsc());
    let (w, v) = solve(&a64, k, &f32_opts(opts), csc.as_ref(), true)?;
    let v = v.ok_or_else(|| invalid("k", "no eigenvectors computed"))?;
    Ok((w.mapv(|x| x as f32), v.mapv(|x| x as f32)))
}

/// The eigenvalues of [`eigsh_f32`] alone, in SciPy's order (see
/// [`eigsh_values`](super::eigsh_values)).
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, ..., return_eigenvectors=False)` with
/// `A.dtype == float32`.
///
/// # Errors
///
/// Those of [`eigsh`](super::eigsh).
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh_values_f32, EigshOptions};
/// let a = diags(&[vec![1.0f32, -6.0, 3.0, 4.0, 5.0, 2.0]], &[0], None)?;
/// let w = eigsh_values_f32(&a, 2, &EigshOptions::default())?;
/// assert!((w[0] - 5.0).abs() < 1e-5 && (w[1] + 6.0).abs() < 1e-5);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh_values_f32(a: &CsrMatrix<f32>, k: usize, opts: &EigshOptions<'_>) -> Result<Array1<f32>> {
    let a64 = a.map(f64::from);
    let csc = opts.sigma.map(|_| a64.tocsc());
    Ok(solve(&a64, k, &f32_opts(opts), csc.as_ref(), false)?.0.mapv(|x| x as f32))
}

/// [`eigs`] of a `float32` matrix: eigenvalues and eigenvectors in `complex64`.
///
/// As [`eigsh_f32`], the iteration runs in `f64` to ARPACK's single-precision default
/// `tol = eps(float32)` (when `opts.tol` is 0) and the results are rounded; `sigma` factors
/// `A - sigma I` in `f64`.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigs(A, k, ...)` with `A.dtype == float32`.
///
/// # Errors
///
/// Those of [`eigs`].
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigs_f32, EigsOptions};
/// let a = diags(&[vec![1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], vec![0.5f32; 5]], &[0, 1], None)?;
/// let (w, v) = eigs_f32(&a, 1, &EigsOptions::default())?;
/// assert!((w[0].re - 6.0).abs() < 1e-5 && w[0].im.abs() < 1e-5);
/// assert_eq!(v.dim(), (6, 1));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigs_f32(
    a: &CsrMatrix<f32>,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(Array1<Complex32>, Array2<Complex32>)> {
    let tol = if opts.tol > 0.0 { opts.tol } else { f64::from(f32::EPSILON) };
    let (w, v) = eigs(&a.map(f64::from), k, &EigsOptions { tol, ..opts.clone() })?;
    let c32 = |z: Complex64| Complex32::new(z.re as f32, z.im as f32);
    Ok((w.mapv(c32), v.mapv(c32)))
}

/// The real form of a complex matrix: `[u; v] -> [Re A (u + i v); Im A (u + i v)]`.
struct RealForm {
    re: CsrMatrix<f64>,
    im: CsrMatrix<f64>,
}

impl RealForm {
    fn apply(&self, x: &[f64], y: &mut [f64]) {
        let n = self.re.shape().0;
        let (u, v) = x.split_at(n);
        let (top, bot) = y.split_at_mut(n);
        let mut t = vec![0.0; n];
        let mv = |a: &CsrMatrix<f64>, x: &[f64], y: &mut [f64]| {
            a.matvec_into(ArrayView1::from(x), ArrayViewMut1::from(y));
        };
        mv(&self.re, u, top);
        mv(&self.im, v, &mut t);
        top.iter_mut().zip(&t).for_each(|(a, b)| *a -= b);
        mv(&self.im, u, bot);
        mv(&self.re, v, &mut t);
        bot.iter_mut().zip(&t).for_each(|(a, b)| *a += b);
    }
}

/// Lanczos on the real form of a complex Hermitian matrix, with SciPy's checks (those of
/// `eigs`, which SciPy calls for complex input).
fn hermitian(a: &CsrMatrix<Complex64>, k: usize, opts: &EigshOptions<'_>, vectors: bool) -> Result<Ritz> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    if k == 0 {
        return Err(invalid("k", "k must be greater than 0."));
    }
    if k + 1 >= n {
        return Err(invalid("k", format!("k must be less than ndim(A)-1, k={k}")));
    }
    if opts.which == Which::BE {
        return Err(invalid("which", "which='BE' cannot be used with complex matrix A"));
    }
    if opts.mode != EigshMode::Normal {
        return Err(invalid("mode", format!("mode={:?} cannot be used with complex matrix A", opts.mode)));
    }
    if opts.sigma.is_some() || opts.m.is_some() || opts.minv.is_some() || opts.opinv.is_some() {
        return Err(invalid("sigma", "sigma, M, Minv and OPinv are not supported for complex A"));
    }
    let ncv = opts.ncv.unwrap_or_else(|| n.min((2 * k + 1).max(20)));
    if ncv > n || ncv <= k + 1 {
        return Err(invalid("ncv", format!("ncv must be k+1<ncv<=n, ncv={ncv}")));
    }
    let v0 = match &opts.v0 {
        Some(v0) if v0.len() != n => return Err(shape_err("v0", format!("length {n}"), v0.shape())),
        Some(v0) => Some(Array1::from_iter(v0.iter().copied().chain(std::iter::repeat_n(0.0, n)))),
        None => None,
    };
    let form = RealForm { re: a.map(|z| z.re), im: a.map(|z| z.im) };
    let op = |x: &[f64], _: &[f64], y: &mut [f64]| {
        form.apply(x, y);
        Ok(())
    };
    let o =
        EigshOptions { ncv: Some(ncv), maxiter: Some(opts.maxiter.unwrap_or(10 * n)), v0, ..opts.clone() };
    lanczos(&Pencil { n: 2 * n, op: &op, b: None, complex: true }, k, &o, vectors)
}

/// `k` eigenvalues and eigenvectors of a complex Hermitian matrix: real eigenvalues and
/// complex eigenvectors (unit norm, each unique up to a complex phase), the most wanted
/// first.
///
/// SciPy sends complex input to `eigs` (complex ARPACK, `which` `LA`/`SA` as `LR`/`SR`) and
/// returns the real parts of the eigenvalues; here the Hermitian Lanczos iteration runs on the
/// real form `[[Re A, -Im A], [Im A, Re A]]` with its basis kept orthogonal in the complex
/// inner product, so each eigenvalue appears once. The eigenvalues are those of SciPy; with
/// vectors SciPy orders them as ARPACK's Schur form leaves them (for `LA` and `SA` also most
/// wanted first; for `LM`/`SM` compare them as sets). `A` is assumed Hermitian (not checked,
/// as in SciPy). `sigma`, `M`, `Minv`, `OPinv` are not supported for complex `A`.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, which=..., v0=..., ncv=..., maxiter=...,
/// tol=...)` with complex `A`.
///
/// # Errors
///
/// [`ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A` or a `v0` of the
/// wrong length; [`InvalidValue`](crate::SparseError::InvalidValue) unless `0 < k < n - 1`
/// (SciPy's `eigs` bound), for `which = BE` or a `mode` other than normal (SciPy's
/// `ValueError`s), `sigma`/`M`/`Minv`/`OPinv`, a bad `ncv` (`k + 1 < ncv <= n`) or `v0`,
/// non-finite entries; [`NoConvergence`](crate::SparseError::NoConvergence) as
/// [`eigsh`](super::eigsh).
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::{eigsh_hermitian, EigshOptions, Which};
/// use sci_sparse::sci_array::num_complex::Complex64;
/// // the Hermitian [[2, i], [-i, 2]] (eigenvalues 1 and 3) beside 0.5, 0.25, 0.125
/// let c = |re: f64, im: f64| Complex64::new(re, im);
/// let a = CsrMatrix::from_triplets(
///     &[c(2.0, 0.0), c(0.0, 1.0), c(0.0, -1.0), c(2.0, 0.0), c(0.5, 0.0), c(0.25, 0.0), c(0.125, 0.0)],
///     &[0, 0, 1, 1, 2, 3, 4],
///     &[0, 1, 0, 1, 2, 3, 4],
///     (5, 5),
/// )?;
/// let (w, v) = eigsh_hermitian(&a, 2, &EigshOptions { which: Which::LA, ..Default::default() })?;
/// assert!((w[0] - 3.0).abs() < 1e-12 && (w[1] - 1.0).abs() < 1e-12);
/// // A x = 3 x
/// let x = v.column(0);
/// let r = &a.dot(&x)? - &x.mapv(|z| z * 3.0);
/// assert!(r.iter().all(|z| z.norm() < 1e-12));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh_hermitian(
    a: &CsrMatrix<Complex64>,
    k: usize,
    opts: &EigshOptions<'_>,
) -> Result<(Array1<f64>, Array2<Complex64>)> {
    let (w, v) = hermitian(a, k, opts, true)?;
    let v = v.ok_or_else(|| invalid("k", "no eigenvectors computed"))?;
    let n = a.shape().0;
    let x = Array2::from_shape_fn((n, w.len()), |(r, c)| Complex64::new(v[[r, c]], v[[r + n, c]]));
    Ok((Array1::from(w), x))
}

/// The eigenvalues of [`eigsh_hermitian`] alone, in SciPy's order (ARPACK's, least wanted
/// first, as [`eigsh_values`](super::eigsh_values)).
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, ..., return_eigenvectors=False)` with
/// complex `A`.
///
/// # Errors
///
/// Those of [`eigsh_hermitian`].
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::{eigsh_hermitian_values, EigshOptions};
/// use sci_sparse::sci_array::num_complex::Complex64;
/// let c = |re: f64, im: f64| Complex64::new(re, im);
/// let a = CsrMatrix::from_triplets(
///     &[c(2.0, 0.0), c(0.0, 1.0), c(0.0, -1.0), c(2.0, 0.0), c(-5.0, 0.0), c(0.25, 0.0), c(0.125, 0.0)],
///     &[0, 0, 1, 1, 2, 3, 4],
///     &[0, 1, 0, 1, 2, 3, 4],
///     (5, 5),
/// )?;
/// let w = eigsh_hermitian_values(&a, 2, &EigshOptions::default())?;
/// assert!((w[0] - 3.0).abs() < 1e-12 && (w[1] + 5.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh_hermitian_values(
    a: &CsrMatrix<Complex64>,
    k: usize,
    opts: &EigshOptions<'_>,
) -> Result<Array1<f64>> {
    let ritz = hermitian(a, k, opts, false)?;
    Ok(finish(ritz, |t| t, opts.which, false).0)
}

/// The `k` singular values of [`svds`] without the singular vectors, ascending.
///
/// As SciPy, the eigenvectors of the Gram matrix are still computed (the singular values are
/// those of `A V`).
///
/// SciPy equivalent: `scipy.sparse.linalg.svds(A, k, ..., return_singular_vectors=False)`.
///
/// # Errors
///
/// Those of [`svds`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{svds_values, EigshOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[3.0, 0.0, 0.0], [0.0, 0.0, 2.0], [0.0, 1.0, 0.0]]);
/// let s = svds_values(&a, 2, &EigshOptions::default())?;
/// assert!((s[0] - 2.0).abs() < 1e-12 && (s[1] - 3.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn svds_values(a: &CsrMatrix<f64>, k: usize, opts: &EigshOptions<'_>) -> Result<Array1<f64>> {
    Ok(svds(a, k, opts)?.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_form_multiplies_like_the_complex_matrix() {
        let c = Complex64::new;
        let a = CsrMatrix::from_triplets(
            &[c(1.0, 2.0), c(-0.5, 0.25), c(3.0, -1.0)],
            &[0, 1, 1],
            &[1, 0, 1],
            (2, 2),
        )
        .unwrap();
        let form = RealForm { re: a.map(|z| z.re), im: a.map(|z| z.im) };
        let x = [0.5, -1.0, 2.0, 0.75];
        let mut y = [0.0; 4];
        form.apply(&x, &mut y);
        let z = a.dot(&Array1::from(vec![c(0.5, 2.0), c(-1.0, 0.75)])).unwrap();
        assert_eq!(y, [z[0].re, z[1].re, z[0].im, z[1].im]);
    }
}

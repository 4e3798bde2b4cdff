//! Stacked versions of `special3.rs`'s helpers, as SciPy: `fiedler_companion` of an n-d array
//! (one polynomial per last-axis lane) and `cdf2rdf` of stacked eigenvalues and eigenvectors.

use ndarray::{ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn};
use num_complex::Complex;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{LinalgFloat, check_finite};
use crate::special3::{cdf2rdf_into, fiedler_into};
use crate::stacked::matrix;

/// Fiedler's companion matrices of a stack of polynomials: each lane of `a` along its last
/// axis holds the coefficients of one polynomial (highest degree first).
///
/// The result has shape `a.shape[:-1] + (n-1, n-1)` for coefficient lanes of length `n >= 2`
/// (see [`fiedler_companion`](crate::fiedler_companion) for one matrix), and, as SciPy's
/// `np.apply_along_axis`, `a.shape[:-1] + (0,)` for lanes of length 0 or 1; a 1-d `a` gives
/// SciPy's 1-d results exactly (an empty 1-d array for length 0 or 1) and a 0-d `a` is a
/// length-1 polynomial.
///
/// SciPy equivalent: `scipy.linalg.fiedler_companion(a)` for any `a.ndim`.
///
/// # Errors
///
/// An invalid-value error naming `a` when a polynomial of length ≥ 3 has a zero leading
/// coefficient (SciPy's "Leading coefficient is zero.") or, for `a.ndim >= 2`, when a batch
/// axis has length 0 (SciPy's "Cannot apply_along_axis when any iteration dimensions are 0").
///
/// # Examples
///
/// ```
/// use sci_linalg::{fiedler_companion, fiedler_companion_batched};
/// use sci_linalg::sci_array::ndarray::{array, s};
/// let a = array![[1.0, -3.0, 2.0], [2.0, 1.0, -4.0]];
/// let c = fiedler_companion_batched(&a)?;
/// assert_eq!(c.shape(), &[2, 2, 2]);
/// assert_eq!(c.slice(s![1, .., ..]), fiedler_companion(&a.row(1))?);
/// assert_eq!(c.slice(s![0, .., ..]), array![[3.0, -2.0], [1.0, 0.0]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn fiedler_companion_batched<T, S, D>(a: &ArrayBase<S, D>) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let a = a.view().into_dyn();
    let a = if a.ndim() == 0 { a.insert_axis(Axis(0)) } else { a };
    let last = a.ndim() - 1;
    let batch = &a.shape()[..last];
    if batch.contains(&0) {
        return Err(invalid("a", "Cannot apply_along_axis when any iteration dimensions are 0"));
    }
    let len = a.shape()[last];
    let core: &[usize] = if len <= 1 { &[0] } else { &[len - 1, len - 1] };
    let shape: Vec<usize> = batch.iter().chain(core).copied().collect();
    let mut out = ArrayD::<T>::zeros(IxDyn(&shape));
    if len <= 1 {
        return Ok(out);
    }
    let count: usize = batch.iter().product();
    let mut out3 = out.view_mut().into_shape_with_order((count, len - 1, len - 1)).expect("C-ordered result");
    for (p, mut c) in a.lanes(Axis(last)).into_iter().zip(out3.outer_iter_mut()) {
        if len == 2 {
            c[[0, 0]] = -(p[1] / p[0]);
        } else {
            fiedler_into(p, c)?;
        }
    }
    Ok(out)
}

/// [`cdf2rdf`](crate::cdf2rdf) for stacks: `w` of shape `(..., n)` holds the eigenvalues and
/// `v` of shape `(..., n, n)` the eigenvectors of each real matrix of a stack (as a batched
/// `eig` returns them); each pair is converted to the real block diagonal form.
///
/// Returns `(wr, vr)`, both of shape `(..., n, n)` and C-ordered, with `a · vr = vr · wr` for
/// each matrix. As in SciPy, the complex-conjugate pairs must be adjacent within each stack
/// entry, and the pairs are counted per entry.
///
/// SciPy equivalent: `scipy.linalg.cdf2rdf(w, v)` for any `w.ndim >= 1` (complex `w` and `v`;
/// `v`'s batch axes must equal `w`'s, where SciPy's `einsum` would also broadcast a length-1
/// axis of `w` against `v`).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] naming `w` when it is 0-d, naming `v` when it is not
/// `w.ndim + 1`-dimensional (at least 2-d), when its last axis does not have `n` entries or
/// its batch axes differ from `w`'s; [`LinalgError::NotSquare`] naming `v` when its last two
/// axes differ; an invalid-value error naming `w` when an entry has an odd number of complex
/// eigenvalues; [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{cdf2rdf, cdf2rdf_batched};
/// use sci_linalg::sci_array::ndarray::{array, s, stack, Axis};
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let w = array![[C::new(1.0, 2.0), C::new(1.0, -2.0)], [C::new(3.0, 0.0), C::new(-1.0, 0.0)]];
/// let v = stack![Axis(0), array![[C::new(1.0, 1.0), C::new(1.0, -1.0)], [C::new(0.0, 2.0), C::new(0.0, -2.0)]],
///     array![[C::new(1.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(1.0, 0.0)]]];
/// let (wr, vr) = cdf2rdf_batched(&w, &v)?;
/// assert_eq!(wr.shape(), &[2, 2, 2]);
/// assert_eq!(wr.slice(s![0, .., ..]), array![[1.0, 2.0], [-2.0, 1.0]]);
/// let (wr1, vr1) = cdf2rdf(&w.row(1), &v.slice(s![1, .., ..]))?;
/// assert_eq!((wr.slice(s![1, .., ..]), vr.slice(s![1, .., ..])), (wr1.view(), vr1.view()));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn cdf2rdf_batched<R, S1, S2, D1, D2>(
    w: &ArrayBase<S1, D1>,
    v: &ArrayBase<S2, D2>,
) -> Result<(ArrayD<R>, ArrayD<R>)>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
    S1: Data<Elem = Complex<R>>,
    S2: Data<Elem = Complex<R>>,
    D1: Dimension,
    D2: Dimension,
{
    let (w, v) = (w.view().into_dyn(), v.view().into_dyn());
    let err = |arg, expected: String, found: &[usize]| LinalgError::ShapeMismatch {
        arg,
        expected,
        found: found.to_vec(),
    };
    if w.ndim() == 0 {
        return Err(err("w", "at least 1 dimension (expected w to be at least 1D)".into(), w.shape()));
    }
    if v.ndim() < 2 || v.ndim() != w.ndim() + 1 {
        let expected =
            format!("{} dimensions, one more than w {:?} (at least 2)", (w.ndim() + 1).max(2), w.shape());
        return Err(err("v", expected, v.shape()));
    }
    let (bw, bv) = (&w.shape()[..w.ndim() - 1], &v.shape()[..v.ndim() - 2]);
    let n = w.shape()[w.ndim() - 1];
    let (r, c) = (v.shape()[v.ndim() - 2], v.shape()[v.ndim() - 1]);
    if r != c {
        return Err(LinalgError::NotSquare { arg: "v", shape: v.shape().to_vec() });
    }
    if c != n || bw != bv {
        let expected = format!(
            "{bw:?} + ({n}, {n}): as many eigenvectors as eigenvalues, for each of w {:?}",
            w.shape()
        );
        return Err(err("v", expected, v.shape()));
    }
    check_finite(&w, "w")?;
    check_finite(&v, "v")?;
    let shape: Vec<usize> = bw.iter().copied().chain([n, n]).collect();
    let (mut wr, mut vr) = (ArrayD::<R>::zeros(IxDyn(&shape)), ArrayD::<R>::zeros(IxDyn(&shape)));
    let count: usize = bw.iter().product();
    let mut wr3 = wr.view_mut().into_shape_with_order((count, n, n)).expect("C-ordered result");
    let mut vr3 = vr.view_mut().into_shape_with_order((count, n, n)).expect("C-ordered result");
    let lanes = w.lanes(Axis(w.ndim() - 1));
    let outs = wr3.outer_iter_mut().zip(vr3.outer_iter_mut());
    for ((idx, wl), (wm, vm)) in ndarray::indices(IxDyn(bw)).into_iter().zip(lanes).zip(outs) {
        cdf2rdf_into(wl, matrix(v.view(), idx.slice()), wm, vm)?;
    }
    Ok((wr, vr))
}

//! `matmul_toeplitz`: `T @ x` for a Toeplitz `T` through the FFT of a circulant embedding.

use ndarray::{
    Array, Array2, ArrayBase, ArrayD, ArrayView1, ArrayView2, ArrayViewD, Axis, Data, Dimension, Ix1, Ix2,
    IxDyn,
};
use num_complex::{Complex, Complex64};
use rayon::prelude::*;

use crate::circulant::fft_pow2;
use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::rhs::rhs_back;
use crate::scalar::{LinalgFloat, check_finite, zeros_f};

/// Keyword arguments of [`matmul_toeplitz_with`], SciPy's defaults: `check_finite=False`,
/// `workers=None`.
///
/// # Examples
///
/// ```
/// use sci_linalg::MatmulToeplitzOptions;
/// let o = MatmulToeplitzOptions::default();
/// assert_eq!((o.check_finite, o.workers), (false, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatmulToeplitzOptions {
    /// Check `c`, `r` and `x` for NaN and infinity ([`LinalgError::NonFinite`]); without the
    /// check they propagate (a NaN spreads over the whole result column, as in SciPy).
    pub check_finite: bool,
    /// Threads for the columns of `x` (SciPy's FFT `workers`): `None` or `Some(1)` is one.
    pub workers: Option<usize>,
}

/// The product `T @ x` of the Toeplitz matrix `T = toeplitz(c, r)` (first column `c`, first
/// row `r`, `r[0]` ignored; `None` means `r = conj(c)` as SciPy) with `x` of shape `(n,)` or
/// `(n, k)`, `n = len(r)`; `T` is `(len(c), n)` and need not be square.
///
/// As SciPy, `T` is embedded in a circulant matrix and the product is taken by FFT in
/// `O((m + n) log(m + n) k)`; here the circulant has the power-of-two order at or above
/// `m + n - 1` (SciPy: exactly `m + n - 1`) and the crate's own radix-2 FFT computes in `f64`
/// (complex `f64` for complex input). Two real columns share one complex transform. The
/// values agree with SciPy's to rounding. This form checks for NaN and infinity (this crate's
/// convention); [`matmul_toeplitz_with`] has SciPy's `check_finite=False` default and
/// `workers`.
///
/// SciPy equivalent: `scipy.linalg.matmul_toeplitz((c, r), x, check_finite=True)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `x` does not have `len(r)` rows (or is not 1-d or
/// 2-d), [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{matmul_toeplitz, toeplitz};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let c = array![1.0, 3.0, 6.0, 10.0];
/// let r = array![1.0, -1.0, -2.0];
/// let x = array![[1.0, 2.0], [2.0, 1.0], [0.5, 2.0]];
/// let y = matmul_toeplitz(&c, Some(r.view()), &x)?;
/// assert_allclose(&y, &toeplitz(&c, Some(r.view())).dot(&x), 1e-14, 0.0);
/// assert_eq!(y.dim(), (4, 2));
/// let y1 = matmul_toeplitz(&array![2.0, 1.0], None, &array![1.0, 1.0])?;
/// assert_allclose(&y1, &array![3.0, 3.0], 1e-15, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matmul_toeplitz<T, S1, S2, D>(
    c: &ArrayBase<S1, Ix1>,
    r: Option<ArrayView1<'_, T>>,
    x: &ArrayBase<S2, D>,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    matmul_toeplitz_with(c, r, x, MatmulToeplitzOptions { check_finite: true, workers: None })
}

/// [`matmul_toeplitz`] with SciPy's keyword arguments `check_finite` (default `false`: NaN and
/// infinity propagate into the result) and `workers` (threads over the columns of `x`).
///
/// An empty `x` gives a result of zeros of the right shape (SciPy returns `np.empty`).
///
/// SciPy equivalent: `scipy.linalg.matmul_toeplitz((c, r), x, check_finite, workers)`.
///
/// # Errors
///
/// As [`matmul_toeplitz`] ([`LinalgError::NonFinite`] only with `check_finite`); an
/// invalid-value error naming `workers` for `Some(0)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{MatmulToeplitzOptions, matmul_toeplitz_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // matmul_toeplitz(([1j, 2], [1j, 3, 4]), [1, 1, 1], workers=2)
/// let c = array![C::new(0.0, 1.0), C::new(2.0, 0.0)];
/// let r = array![C::new(0.0, 1.0), C::new(3.0, 0.0), C::new(4.0, 0.0)];
/// let x = array![C::new(1.0, 0.0), C::new(1.0, 0.0), C::new(1.0, 0.0)];
/// let o = MatmulToeplitzOptions { workers: Some(2), ..Default::default() };
/// let y = matmul_toeplitz_with(&c, Some(r.view()), &x, o)?;
/// assert_allclose(&y, &array![C::new(7.0, 1.0), C::new(5.0, 1.0)], 1e-15, 1e-15);
/// // NaN propagates without check_finite
/// let y = matmul_toeplitz_with(&array![1.0, f64::NAN], None, &array![1.0, 1.0], o)?;
/// assert!(y.iter().all(|v| v.is_nan()));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matmul_toeplitz_with<T, S1, S2, D>(
    c: &ArrayBase<S1, Ix1>,
    r: Option<ArrayView1<'_, T>>,
    x: &ArrayBase<S2, D>,
    opts: MatmulToeplitzOptions,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let r = r.map_or_else(|| c.mapv(T::conj), |r| r.to_owned());
    let n = r.len();
    let x2: ArrayView2<'_, T> = match x.ndim() {
        1 => x.view().into_dimensionality::<Ix1>().expect("ndim is 1").insert_axis(Axis(1)),
        2 => x.view().into_dimensionality::<Ix2>().expect("ndim is 2"),
        _ => return Err(shape_err(x.shape(), n)),
    };
    if x2.nrows() != n {
        return Err(shape_err(x.shape(), n));
    }
    if opts.check_finite {
        check_finite(c, "c")?;
        check_finite(&r, "r")?;
        check_finite(x, "x")?;
    }
    if opts.workers == Some(0) {
        return Err(invalid("workers", "workers must not be zero"));
    }
    let to_c = |v: T| {
        let z = v.to_complex();
        Complex64::new(z.re.to_f64_lossless(), z.im.to_f64_lossless())
    };
    let cc: Vec<Complex64> = c.iter().map(|&v| to_c(v)).collect();
    let rc: Vec<Complex64> = r.iter().map(|&v| to_c(v)).collect();
    let y = toeplitz_fft_product(&cc, &rc, x2, to_c, opts.workers.unwrap_or(1))?;
    Ok(rhs_back(y, x.ndim()))
}

fn shape_err(found: &[usize], n: usize) -> LinalgError {
    LinalgError::ShapeMismatch { arg: "x", expected: format!("({n},) or ({n}, k)"), found: found.to_vec() }
}

/// `toeplitz(c, r) @ x` by FFT (the circulant of power-of-two order `len >= m + n - 1` whose
/// first column is `c`, zeros, then `r[n-1], ..., r[1]`); `workers` threads over the columns.
fn toeplitz_fft_product<T: LinalgScalar>(
    c: &[Complex64],
    r: &[Complex64],
    x: ArrayView2<'_, T>,
    to_c: impl Fn(T) -> Complex64 + Sync,
    workers: usize,
) -> Result<Array2<T>> {
    let (m, n, k) = (c.len(), r.len(), x.ncols());
    let mut out = zeros_f::<T>(m, k);
    if m == 0 || n == 0 || k == 0 {
        return Ok(out);
    }
    let len = (m + n - 1).next_power_of_two();
    let mut emb = vec![Complex64::new(0.0, 0.0); len];
    emb[..m].copy_from_slice(c);
    for j in 1..n {
        emb[len - j] = r[j];
    }
    fft_pow2(&mut emb, -1.0);
    let scale = 1.0 / len as f64;
    for z in &mut emb {
        *z *= scale;
    }
    // Real T: two columns per transform (x_a + i x_b); the circulant is real, so Re and Im of
    // the product are the two results. Columns holding NaN or infinity go alone, so that they
    // do not spill into their neighbour.
    let finite = |j: usize| x.column(j).iter().all(|v| v.finite());
    let mut jobs: Vec<(usize, bool)> = Vec::with_capacity(k);
    let mut j = 0;
    while j < k {
        let pair = !T::IS_COMPLEX && j + 1 < k && finite(j) && finite(j + 1);
        jobs.push((j, pair));
        j += if pair { 2 } else { 1 };
    }
    let one = |&(j0, pair): &(usize, bool)| -> Vec<Complex64> {
        let mut z = vec![Complex64::new(0.0, 0.0); len];
        for (zi, &v) in z.iter_mut().zip(x.column(j0)) {
            *zi = to_c(v);
        }
        if pair {
            for (zi, &v) in z.iter_mut().zip(x.column(j0 + 1)) {
                *zi += Complex64::new(0.0, 1.0) * to_c(v);
            }
        }
        fft_pow2(&mut z, -1.0);
        for (zi, e) in z.iter_mut().zip(&emb) {
            *zi *= e;
        }
        fft_pow2(&mut z, 1.0);
        z.truncate(m);
        z
    };
    let cols: Vec<Vec<Complex64>> = if workers > 1 && jobs.len() > 1 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .build()
            .map_err(|e| invalid("workers", e.to_string()))?;
        pool.install(|| jobs.par_iter().map(one).collect())
    } else {
        jobs.iter().map(one).collect()
    };
    let from = |re: f64, im: f64| {
        T::from_complex_k(Complex::new(
            <RealOf<T> as LinalgFloat>::lit(re),
            <RealOf<T> as LinalgFloat>::lit(im),
        ))
    };
    for (&(j0, pair), col) in jobs.iter().zip(&cols) {
        if pair {
            for (o, z) in out.column_mut(j0).iter_mut().zip(col) {
                *o = from(z.re, 0.0);
            }
            for (o, z) in out.column_mut(j0 + 1).iter_mut().zip(col) {
                *o = from(z.im, 0.0);
            }
        } else {
            for (o, z) in out.column_mut(j0).iter_mut().zip(col) {
                *o = from(z.re, z.im);
            }
        }
    }
    Ok(out)
}

/// `v` broadcast to `shape`.
fn bcast<'a, T>(v: &'a ArrayViewD<'_, T>, shape: &[usize]) -> Result<ArrayViewD<'a, T>> {
    v.broadcast(shape.to_vec()).ok_or_else(|| LinalgError::ShapeMismatch {
        arg: "x",
        expected: format!("batch shapes broadcasting to {shape:?}"),
        found: v.shape().to_vec(),
    })
}

/// The view `v[idx[0], idx[1], ...]` over its leading axes.
fn lead<'a, T>(mut v: ArrayViewD<'a, T>, idx: &[usize]) -> ArrayViewD<'a, T> {
    for &i in idx {
        v = v.index_axis_move(Axis(0), i);
    }
    v
}

/// [`matmul_toeplitz_with`] over batches, as SciPy 1.17's: `c` `(..., m)` and `r` `(..., n)`
/// stack Toeplitz matrices along their leading axes, and `x` is `(n,)`, `(n, k)` or a stack
/// `(..., n, k)` (an `x` of two or more dimensions has the core `(n, k)`, as SciPy's). The
/// batch shapes of `c`, `r` and `x` broadcast (NumPy's rules) to the batch shape of the result,
/// `(..., m)` for a 1-d `x` and `(..., m, k)` otherwise; each product is [`matmul_toeplitz_with`]'s.
/// `r = None` is `conj(c)`, batch for batch. Without batch axes the result is
/// [`matmul_toeplitz_with`]'s.
///
/// SciPy equivalent: `scipy.linalg.matmul_toeplitz((c, r), x, check_finite, workers)` with
/// batched `c`, `r` or `x`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for a 0-d `c`, `r` or `x`, and when the core of `x` does not
/// have `len(r)` rows; a broadcast error when the batch shapes do not broadcast; an
/// invalid-value error for a zero-size batch (SciPy: "does not support zero-size batches") and
/// for `workers = Some(0)`; [`LinalgError::NonFinite`] with `check_finite`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{MatmulToeplitzOptions, matmul_toeplitz_batched, toeplitz};
/// use sci_linalg::sci_array::ndarray::{array, s, Array3};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // two Toeplitz matrices (3, 2) times one x (2, 2)
/// let c = array![[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]];
/// let r = array![[1.0, 7.0], [0.5, -2.0]];
/// let x = array![[1.0, 0.0], [2.0, 1.0]];
/// let o = MatmulToeplitzOptions::default();
/// let y = matmul_toeplitz_batched(&c, Some(r.view().into_dyn()), &x, o)?;
/// assert_eq!(y.shape(), &[2, 3, 2]);
/// for b in 0..2 {
///     let t = toeplitz(&c.row(b), Some(r.row(b)));
///     assert_allclose(&y.slice(s![b, .., ..]), &t.dot(&x), 1e-13, 1e-13);
/// }
/// // one Hermitian Toeplitz matrix (r = conj(c)), a stack of four x (3, 1)
/// let xs = Array3::from_shape_fn((4, 3, 1), |(i, j, _)| (i + j) as f64);
/// let y = matmul_toeplitz_batched(&c.row(0), None, &xs, o)?;
/// assert_eq!(y.shape(), &[4, 3, 1]);
/// let t = toeplitz(&c.row(0), None);
/// assert_allclose(&y.slice(s![2, .., ..]), &t.dot(&xs.slice(s![2, .., ..])), 1e-13, 1e-13);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matmul_toeplitz_batched<T, S1, S2, D1, D2>(
    c: &ArrayBase<S1, D1>,
    r: Option<ArrayViewD<'_, T>>,
    x: &ArrayBase<S2, D2>,
    opts: MatmulToeplitzOptions,
) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let c = c.view().into_dyn();
    let r = r.map_or_else(|| c.mapv(T::conj), |r| r.to_owned());
    let x = x.view().into_dyn();
    for (arg, v) in [("c", &c), ("r", &r.view())] {
        if v.ndim() == 0 {
            return Err(LinalgError::ShapeMismatch { arg, expected: "(..., len)".into(), found: vec![] });
        }
    }
    if x.ndim() == 0 {
        return Err(shape_err(x.shape(), r.shape()[r.ndim() - 1]));
    }
    let core_x = x.ndim().min(2);
    let (cb, rb, xb) =
        (&c.shape()[..c.ndim() - 1], &r.shape()[..r.ndim() - 1], &x.shape()[..x.ndim() - core_x]);
    if cb.is_empty() && rb.is_empty() && xb.is_empty() {
        let c1 = c.into_dimensionality::<Ix1>().expect("ndim is 1");
        let r1 = r.view().into_dimensionality::<Ix1>().expect("ndim is 1");
        return Ok(matmul_toeplitz_with(&c1, Some(r1), &x, opts)?.into_dyn());
    }
    let batch = sci_array::broadcast_shapes(&[cb, rb, xb])?;
    if batch.contains(&0) {
        return Err(invalid("x", "matmul_toeplitz does not support zero-size batches"));
    }
    let (m, n) = (c.shape()[c.ndim() - 1], r.shape()[r.ndim() - 1]);
    let xcore = &x.shape()[x.ndim() - core_x..];
    if xcore[0] != n {
        return Err(shape_err(x.shape(), n));
    }
    if opts.check_finite {
        check_finite(&c, "c")?;
        check_finite(&r, "r")?;
        check_finite(&x, "x")?;
    }
    let with = |core: &[usize]| -> Vec<usize> { batch.iter().chain(core).copied().collect() };
    let rview = r.view();
    let (cv, rv, xv) = (bcast(&c, &with(&[m]))?, bcast(&rview, &with(&[n]))?, bcast(&x, &with(xcore))?);
    let out_core: Vec<usize> = if core_x == 1 { vec![m] } else { vec![m, xcore[1]] };
    let mut out = ArrayD::<T>::zeros(with(&out_core));
    let inner = MatmulToeplitzOptions { check_finite: false, ..opts };
    for idx in ndarray::indices(IxDyn(&batch)) {
        let idx = idx.slice();
        let c1 = lead(cv.view(), idx).into_dimensionality::<Ix1>().expect("core is 1-d");
        let r1 = lead(rv.view(), idx).into_dimensionality::<Ix1>().expect("core is 1-d");
        let y = matmul_toeplitz_with(&c1, Some(r1), &lead(xv.view(), idx), inner)?;
        let mut dst = out.view_mut();
        for &i in idx {
            dst = dst.index_axis_move(Axis(0), i);
        }
        dst.assign(&y);
    }
    Ok(out)
}

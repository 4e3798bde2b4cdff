//! Special matrices: `toeplitz`, `circulant`, `hankel`, `hilbert`, `invhilbert`,
//! `block_diag`, `companion`, `kron`, `leslie`, `fiedler`, `pascal`, `helmert`, `hadamard`.

use ndarray::{Array2, ArrayBase, ArrayD, ArrayView1, ArrayView2, Axis, Data, Dimension, Ix1, Ix2, IxDyn, s};
use num_traits::Zero;

use crate::error::{LinalgError, Result, invalid};
use crate::scalar::LinalgFloat;

/// Toeplitz matrix with first column `c` and first row `r` (`r[0]` is ignored; `None` means
/// `r = c`, a symmetric Toeplitz matrix). The shape is `(len(c), len(r))`.
///
/// SciPy equivalent: `scipy.linalg.toeplitz(c, r)` (1-d `c`, `r`).
///
/// # Examples
///
/// ```
/// use sci_linalg::toeplitz;
/// use sci_linalg::sci_array::ndarray::array;
/// let r = array![1, 4, 5, 6];
/// let t = toeplitz(&array![1, 2, 3], Some(r.view()));
/// assert_eq!(t, array![[1, 4, 5, 6], [2, 1, 4, 5], [3, 2, 1, 4]]);
/// assert_eq!(toeplitz(&array![1.0, 2.0], None), array![[1.0, 2.0], [2.0, 1.0]]);
/// ```
pub fn toeplitz<T, S>(c: &ArrayBase<S, Ix1>, r: Option<ArrayView1<'_, T>>) -> Array2<T>
where
    T: Clone,
    S: Data<Elem = T>,
{
    let rv = r.unwrap_or_else(|| c.view());
    Array2::from_shape_fn(
        (c.len(), rv.len()),
        |(i, j)| if i >= j { c[i - j].clone() } else { rv[j - i].clone() },
    )
}

/// Circulant matrix whose first column is `c`: `C[i, j] = c[(i - j) mod n]`.
///
/// SciPy equivalent: `scipy.linalg.circulant`.
///
/// # Examples
///
/// ```
/// use sci_linalg::circulant;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(circulant(&array![1, 2, 3]), array![[1, 3, 2], [2, 1, 3], [3, 2, 1]]);
/// ```
pub fn circulant<T: Clone, S: Data<Elem = T>>(c: &ArrayBase<S, Ix1>) -> Array2<T> {
    let n = c.len();
    Array2::from_shape_fn((n, n), |(i, j)| c[(i + n - j) % n].clone())
}

/// Hankel matrix with first column `c` and last row `r` (`r[0]` is ignored; `None` means
/// zeros below the anti-diagonal). The shape is `(len(c), len(r))`.
///
/// SciPy equivalent: `scipy.linalg.hankel(c, r)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::hankel;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(hankel(&array![1, 17, 99], None), array![[1, 17, 99], [17, 99, 0], [99, 0, 0]]);
/// let r = array![4, 7, 7, 8];
/// assert_eq!(hankel(&array![1, 2, 3], Some(r.view())), array![[1, 2, 3, 7], [2, 3, 7, 7], [3, 7, 7, 8]]);
/// ```
pub fn hankel<T, S>(c: &ArrayBase<S, Ix1>, r: Option<ArrayView1<'_, T>>) -> Array2<T>
where
    T: Clone + Zero,
    S: Data<Elem = T>,
{
    let m = c.len();
    let ncols = r.map_or(m, |r| r.len());
    Array2::from_shape_fn((m, ncols), |(i, j)| {
        if i + j < m { c[i + j].clone() } else { r.map_or_else(T::zero, |r| r[i + j - m + 1].clone()) }
    })
}

/// Hilbert matrix of order `n`: `H[i, j] = 1 / (i + j + 1)`.
///
/// SciPy equivalent: `scipy.linalg.hilbert`.
///
/// # Examples
///
/// ```
/// use sci_linalg::hilbert;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(hilbert::<f64>(2), array![[1.0, 0.5], [0.5, 1.0 / 3.0]]);
/// ```
pub fn hilbert<T: LinalgFloat>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| T::one() / T::lit((i + j + 1) as f64))
}

/// Binomial coefficient in floating point (products of ratios, exact for small arguments).
fn binom(n: u64, k: u64) -> f64 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// Inverse of the Hilbert matrix of order `n`, from its closed form (entries are integers;
/// in `f64` they are exact while below 2⁵³, up to about `n = 14`).
///
/// SciPy equivalent: `scipy.linalg.invhilbert(n, exact=False)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::invhilbert;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(invhilbert(2), array![[4.0, -6.0], [-6.0, 12.0]]);
/// ```
pub fn invhilbert(n: usize) -> Array2<f64> {
    let n64 = n as u64;
    Array2::from_shape_fn((n, n), |(i, j)| {
        let (i, j) = (i as u64, j as u64);
        let sign = if (i + j) % 2 == 0 { 1.0 } else { -1.0 };
        let c = binom(i + j, i);
        sign * (i + j + 1) as f64 * binom(n64 + i, n64 - j - 1) * binom(n64 + j, n64 - i - 1) * c * c
    })
}

/// `C(n, k)` exactly, `None` beyond `i128`.
fn binom_exact(n: u64, k: u64) -> Option<i128> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    // acc · (n - i) is divisible by i + 1 at every step (acc = C(n, i) · ... stays integral).
    (0..k).try_fold(1i128, |acc, i| Some(acc.checked_mul((n - i) as i128)? / (i + 1) as i128))
}

/// Inverse of the Hilbert matrix of order `n` in exact integers (SciPy's `exact=True`).
///
/// Entries are `(-1)^(i+j) (i+j+1) C(n+i, n-j-1) C(n+j, n-i-1) C(i+j, i)²`, computed in
/// checked `i128` arithmetic: exact up to `n = 27`. SciPy returns `int64` up to `n = 14` and
/// Python integers of unbounded size beyond; here every `n` whose entries fit in `i128` is
/// exact, and a larger `n` is an error rather than a wrapped value.
///
/// SciPy equivalent: `scipy.linalg.invhilbert(n, exact=True)`.
///
/// # Errors
///
/// [`LinalgError::Array`](crate::LinalgError::Array) (invalid value of `n`) when an entry
/// exceeds `i128` (`n > 27`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{hilbert, invhilbert_exact};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// let inv = invhilbert_exact(3)?;
/// assert_eq!(inv, array![[9, -36, 30], [-36, 192, -180], [30, -180, 180]]);
/// let h = hilbert::<f64>(3);
/// assert!((h.dot(&inv.mapv(|x| x as f64)) - Array2::<f64>::eye(3)).iter().all(|e| e.abs() < 1e-12));
/// // n = 16 is beyond int64 (SciPy: object array); in i128 it is exact.
/// assert_eq!(invhilbert_exact(16)?[[11, 11]], 3_525_270_042_097_046_880_000);
/// assert!(invhilbert_exact(28).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn invhilbert_exact(n: usize) -> Result<Array2<i128>> {
    let n64 = n as u64;
    let entry = |i: u64, j: u64| -> Option<i128> {
        let s = i + j;
        let c = binom_exact(s, i)?;
        let v = ((s + 1) as i128)
            .checked_mul(binom_exact(n64 + i, n64 - j - 1)?)?
            .checked_mul(binom_exact(n64 + j, n64 - i - 1)?)?
            .checked_mul(c.checked_mul(c)?)?;
        Some(if s.is_multiple_of(2) { v } else { -v })
    };
    let mut out = Array2::zeros((n, n));
    for i in 0..n {
        for j in 0..=i {
            let v = entry(i as u64, j as u64).ok_or_else(|| {
                invalid(
                    "n",
                    format!(
                        "the exact inverse Hilbert matrix of order {n} has entries beyond i128 (n <= 27 fit)"
                    ),
                )
            })?;
            out[[i, j]] = v;
            out[[j, i]] = v;
        }
    }
    Ok(out)
}

/// Block-diagonal matrix from the given blocks (any shapes, including empty ones).
///
/// SciPy equivalent: `scipy.linalg.block_diag(*arrs)` (2-d blocks).
///
/// # Examples
///
/// ```
/// use sci_linalg::block_diag;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1, 0], [0, 1]];
/// let b = array![[3, 4, 5], [6, 7, 8]];
/// let c = array![[7]];
/// let d = block_diag(&[a.view(), b.view(), c.view()]);
/// assert_eq!(d, array![
///     [1, 0, 0, 0, 0, 0],
///     [0, 1, 0, 0, 0, 0],
///     [0, 0, 3, 4, 5, 0],
///     [0, 0, 6, 7, 8, 0],
///     [0, 0, 0, 0, 0, 7],
/// ]);
/// ```
pub fn block_diag<T: Clone + Zero>(blocks: &[ArrayView2<'_, T>]) -> Array2<T> {
    let rows = blocks.iter().map(|b| b.nrows()).sum();
    let cols = blocks.iter().map(|b| b.ncols()).sum();
    let mut out = Array2::zeros((rows, cols));
    let (mut r, mut c) = (0, 0);
    for b in blocks {
        out.slice_mut(s![r..r + b.nrows(), c..c + b.ncols()]).assign(b);
        r += b.nrows();
        c += b.ncols();
    }
    out
}

/// Companion matrix of the polynomial with coefficients `a` (highest degree first): its
/// eigenvalues are the roots of the polynomial.
///
/// SciPy equivalent: `scipy.linalg.companion` (1-d `a`).
///
/// # Errors
///
/// An invalid-value error when `a` has fewer than 2 coefficients or `a[0]` is zero.
///
/// # Examples
///
/// ```
/// use sci_linalg::companion;
/// use sci_linalg::sci_array::ndarray::array;
/// let c = companion(&array![1.0, -10.0, 31.0, -30.0]).unwrap();
/// assert_eq!(c, array![[10.0, -31.0, 30.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]);
/// ```
pub fn companion<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix1>) -> Result<Array2<T>> {
    if a.len() < 2 {
        return Err(invalid("a", "The length of `a` must be at least 2."));
    }
    if a[0] == T::zero() {
        return Err(invalid("a", "The first coefficient in `a` must not be zero."));
    }
    let n = a.len() - 1;
    let mut c = Array2::zeros((n, n));
    for j in 0..n {
        c[[0, j]] = -a[j + 1] / a[0];
    }
    for i in 1..n {
        c[[i, i - 1]] = T::one();
    }
    Ok(c)
}

/// Kronecker product: the block matrix `[a[i, j] · b]`.
///
/// NumPy equivalent: `numpy.kron` (2-d inputs; `scipy.linalg.kron` was removed in SciPy 1.17).
///
/// # Examples
///
/// ```
/// use sci_linalg::kron;
/// use sci_linalg::sci_array::ndarray::array;
/// let k = kron(&array![[1, 2], [3, 4]], &array![[1, 1, 1]]);
/// assert_eq!(k, array![[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]]);
/// ```
pub fn kron<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Array2<T>
where
    T: Clone + Zero + std::ops::Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let (p, q) = b.dim();
    let mut out = Array2::zeros((a.nrows() * p, a.ncols() * q));
    for ((i, j), x) in a.indexed_iter() {
        out.slice_mut(s![i * p..(i + 1) * p, j * q..(j + 1) * q]).assign(&b.mapv(|y| x.clone() * y));
    }
    out
}

/// Kronecker product of arrays of any dimensions: NumPy's `kron` beyond 2-d.
///
/// The operand with fewer dimensions is padded with leading axes of length 1; along each axis
/// the result has length `a.shape[k] * b.shape[k]`, and
/// `out[i * b.shape + j] = a[i] * b[j]` (multi-indices, per axis). A 0-d operand scales the
/// other; a zero-length axis gives an empty result.
///
/// NumPy equivalent: `numpy.kron(a, b)` for any `a.ndim`, `b.ndim`.
///
/// # Examples
///
/// ```
/// use sci_linalg::kron_nd;
/// use sci_linalg::sci_array::ndarray::{array, Array3};
/// // a vector with a matrix: the vector is read as one row
/// let k = kron_nd(&array![1.0, 10.0], &array![[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(k.shape(), &[2, 4]);
/// assert_eq!(k.into_dimensionality::<sci_linalg::sci_array::ndarray::Ix2>().unwrap(),
///            array![[1.0, 2.0, 10.0, 20.0], [3.0, 4.0, 30.0, 40.0]]);
/// // 3-d: shapes multiply axis by axis
/// let k = kron_nd(&Array3::<f64>::ones((2, 1, 3)), &array![[1.0], [2.0]]);
/// assert_eq!(k.shape(), &[2, 2, 3]);
/// ```
pub fn kron_nd<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> ArrayD<T>
where
    T: Clone + Zero + std::ops::Mul<Output = T>,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let nd = a.ndim().max(b.ndim());
    // a as (a0, 1, a1, 1, ...) times b as (1, b0, 1, b1, ...), broadcast to (a0, b0, a1, b1, ...)
    // and read in standard order: exactly the Kronecker layout. Inserting axes works for any
    // strides (transposed or sliced views need no copy).
    fn spread<T>(mut v: ndarray::ArrayViewD<'_, T>, nd: usize, offset: usize) -> ndarray::ArrayViewD<'_, T> {
        while v.ndim() < nd {
            v = v.insert_axis(Axis(0));
        }
        for k in (0..nd).rev() {
            v = v.insert_axis(Axis(k + offset));
        }
        v
    }
    let (av, bv) = (spread(a.view().into_dyn(), nd, 1), spread(b.view().into_dyn(), nd, 0));
    let full: Vec<usize> =
        (0..2 * nd).map(|k| if k % 2 == 0 { av.shape()[k] } else { bv.shape()[k] }).collect();
    let (av, bv) = (
        av.broadcast(IxDyn(&full)).expect("a has length 1 on the odd axes"),
        bv.broadcast(IxDyn(&full)).expect("b has length 1 on the even axes"),
    );
    let mut out = ArrayD::<T>::zeros(IxDyn(&full));
    ndarray::Zip::from(&mut out).and(&av).and(&bv).for_each(|o, x, y| *o = x.clone() * y.clone());
    let shape: Vec<usize> = full.chunks(2).map(|p| p[0] * p[1]).collect();
    out.into_shape_with_order(IxDyn(&shape)).expect("standard layout, same size")
}

/// Leslie matrix (population model): fecundities `f` in the first row, survival rates `s`
/// on the subdiagonal; `len(s)` must be `len(f) - 1`.
///
/// SciPy equivalent: `scipy.linalg.leslie` (1-d inputs).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the lengths do not fit or `f` has fewer than 2 entries.
///
/// # Examples
///
/// ```
/// use sci_linalg::leslie;
/// use sci_linalg::sci_array::ndarray::array;
/// let l = leslie(&array![0.1, 2.0, 1.0, 0.1], &array![0.2, 0.8, 0.7]).unwrap();
/// assert_eq!(l.row(0).to_vec(), vec![0.1, 2.0, 1.0, 0.1]);
/// assert_eq!(l[[3, 2]], 0.7);
/// ```
pub fn leslie<T, S1, S2>(f: &ArrayBase<S1, Ix1>, s: &ArrayBase<S2, Ix1>) -> Result<Array2<T>>
where
    T: Clone + Zero,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let n = f.len();
    if n < 2 || s.len() != n - 1 {
        return Err(LinalgError::ShapeMismatch {
            arg: "s",
            expected: format!("length len(f) - 1 = {} with len(f) >= 2", n.saturating_sub(1)),
            found: s.shape().to_vec(),
        });
    }
    let mut l = Array2::zeros((n, n));
    l.row_mut(0).assign(f);
    for i in 1..n {
        l[[i, i - 1]] = s[i - 1].clone();
    }
    Ok(l)
}

/// Fiedler matrix: `F[i, j] = |a[i] - a[j]|`.
///
/// SciPy equivalent: `scipy.linalg.fiedler` (1-d input).
///
/// # Examples
///
/// ```
/// use sci_linalg::fiedler;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(fiedler(&array![1.0, 4.0, 12.0]), array![[0.0, 3.0, 11.0], [3.0, 0.0, 8.0], [11.0, 8.0, 0.0]]);
/// ```
pub fn fiedler<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix1>) -> Array2<T> {
    let n = a.len();
    Array2::from_shape_fn((n, n), |(i, j)| (a[i] - a[j]).abs())
}

/// The `kind` of [`pascal`] matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PascalKind {
    /// `'symm'` (default): `P[i, j] = C(i + j, i)`.
    #[default]
    Symmetric,
    /// `'lower'`: `P[i, j] = C(i, j)`.
    Lower,
    /// `'upper'`: the transpose of `'lower'`.
    Upper,
}

/// Pascal matrix of order `n` (binomial coefficients; exact in `u64` up to `n = 34` for
/// `Symmetric`).
///
/// SciPy equivalent: `scipy.linalg.pascal(n, kind, exact=True)`.
///
/// # Errors
///
/// An invalid-value error when an entry overflows `u64`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{pascal, PascalKind};
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(pascal(3, PascalKind::Symmetric).unwrap(), array![[1, 1, 1], [1, 2, 3], [1, 3, 6]]);
/// assert_eq!(pascal(3, PascalKind::Lower).unwrap(), array![[1, 0, 0], [1, 1, 0], [1, 2, 1]]);
/// ```
pub fn pascal(n: usize, kind: PascalKind) -> Result<Array2<u64>> {
    // Pascal's triangle row by row, in u128 to detect overflow of u64.
    let size = 2 * n;
    let mut tri = vec![vec![0u128; size.max(1)]; size.max(1)];
    for i in 0..size {
        tri[i][0] = 1;
        for j in 1..=i {
            tri[i][j] = tri[i - 1][j - 1].saturating_add(tri[i - 1][j]);
        }
    }
    let mut out = Array2::zeros((n, n));
    for i in 0..n {
        for j in 0..n {
            let v = match kind {
                PascalKind::Symmetric => tri[i + j][i],
                PascalKind::Lower => tri[i][j],
                PascalKind::Upper => tri[j][i],
            };
            out[[i, j]] = u64::try_from(v).map_err(|_| invalid("n", format!("pascal({n}) overflows u64")))?;
        }
    }
    Ok(out)
}

/// Helmert matrix of order `n`: an orthogonal matrix whose first row is constant; with
/// `full = false` that row is dropped, giving `(n - 1, n)`.
///
/// SciPy equivalent: `scipy.linalg.helmert(n, full)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::helmert;
/// let h = helmert::<f64>(4, true);
/// let eye = h.dot(&h.t());
/// assert!((eye[[2, 2]] - 1.0).abs() < 1e-15 && eye[[0, 3]].abs() < 1e-15);
/// assert_eq!(helmert::<f64>(4, false).dim(), (3, 4));
/// ```
pub fn helmert<T: LinalgFloat>(n: usize, full: bool) -> Array2<T> {
    let mut h = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == 0 || j < i {
            T::one()
        } else if j == i {
            -T::lit(i as f64)
        } else {
            T::zero()
        }
    });
    for (i, mut row) in h.rows_mut().into_iter().enumerate() {
        let d = if i == 0 { n as f64 } else { (i * (i + 1)) as f64 };
        let f = T::lit(d.sqrt());
        row.mapv_inplace(|x| x / f);
    }
    if full || n == 0 { h } else { h.slice(s![1.., ..]).to_owned() }
}

/// Hadamard matrix of order `n` (Sylvester's construction; `n` must be a power of 2).
///
/// SciPy equivalent: `scipy.linalg.hadamard(n)`.
///
/// # Errors
///
/// An invalid-value error when `n` is not a power of 2 (`n = 0` included).
///
/// # Examples
///
/// ```
/// use sci_linalg::hadamard;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(hadamard(2).unwrap(), array![[1, 1], [1, -1]]);
/// assert!(hadamard(3).is_err());
/// ```
pub fn hadamard(n: usize) -> Result<Array2<i64>> {
    if !n.is_power_of_two() {
        return Err(invalid("n", "n must be an positive integer, and n must be a power of 2"));
    }
    let mut h = Array2::from_elem((1, 1), 1i64);
    while h.nrows() < n {
        let k = h.nrows();
        let mut next = Array2::zeros((2 * k, 2 * k));
        next.slice_mut(s![..k, ..k]).assign(&h);
        next.slice_mut(s![..k, k..]).assign(&h);
        next.slice_mut(s![k.., ..k]).assign(&h);
        next.slice_mut(s![k.., k..]).assign(&h.mapv(|x| -x));
        h = next;
    }
    Ok(h)
}

//! `cossin`: the cosine-sine decomposition of a partitioned orthogonal or unitary matrix
//! (SciPy's `scipy.linalg.cossin`, LAPACK's `?orcsd`/`?uncsd`), built from an SVD of the
//! block `X11` and a QR decomposition of `X21 V1` (the classic construction):
//!
//! * `X11 = U1 Σ V1ᴴ` gives `U1`, `V1` and the cosines (singular values in descending order, so
//!   the angles ascend as LAPACK's);
//! * the columns of `X21 V1` are orthogonal with norms the sines; their QR decomposition (a
//!   Householder basis, so `U2` is unitary even where a sine is tiny) gives `U2`, and each angle
//!   is `atan2(sin, cos)`, accurate at both ends;
//! * `V2` comes from `X12ᴴ U1` where the sine dominates and from `X22ᴴ U2` where the cosine does.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix2, s};
use num_traits::{Float, Zero};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr::{QrMode, qr};
use crate::scalar::check_finite;
use crate::svd::svd;

/// Options of [`cossin`] and [`cossin_separate`] (SciPy's keyword arguments; `separate` is the
/// choice between the two functions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CossinOptions {
    /// `swap_sign`: put `−S`, `−I` in the lower-left block of `CS` and `S`, `I` in the
    /// upper-right one (default `false`: the other way round, as LAPACK's default).
    pub swap_sign: bool,
    /// `compute_u`: compute `U1`, `U2` (default `true`).
    pub compute_u: bool,
    /// `compute_vh`: compute `V1ᴴ`, `V2ᴴ` (default `true`).
    pub compute_vh: bool,
}

impl Default for CossinOptions {
    fn default() -> Self {
        Self { swap_sign: false, compute_u: true, compute_vh: true }
    }
}

/// The factors of [`cossin_separate`] (SciPy's `separate=True` output
/// `(u1, u2), theta, (v1h, v2h)`); `None` where `compute_u` / `compute_vh` is off.
#[derive(Debug, Clone, PartialEq)]
pub struct CossinParts<T: LinalgScalar> {
    /// `U1` (`p×p`).
    pub u1: Option<Array2<T>>,
    /// `U2` (`(m−p)×(m−p)`).
    pub u2: Option<Array2<T>>,
    /// The `min(p, q, m−p, m−q)` angles in `[0, π/2]`, ascending.
    pub theta: Array1<RealOf<T>>,
    /// `V1ᴴ` (`q×q`).
    pub v1h: Option<Array2<T>>,
    /// `V2ᴴ` (`(m−q)×(m−q)`).
    pub v2h: Option<Array2<T>>,
}

/// The result of [`cossin`]: `X = U · CS · VDH` (SciPy's `separate=False` output).
#[derive(Debug, Clone, PartialEq)]
pub struct Cossin<T: LinalgScalar> {
    /// `U = block_diag(U1, U2)`; `None` when `compute_u` is off.
    pub u: Option<Array2<T>>,
    /// The real `m×m` cosine-sine matrix.
    pub cs: Array2<RealOf<T>>,
    /// `VDH = block_diag(V1ᴴ, V2ᴴ)`; `None` when `compute_vh` is off.
    pub vdh: Option<Array2<T>>,
}

fn check_x<T: LinalgScalar, S: Data<Elem = T>>(x: &ArrayBase<S, Ix2>, p: usize, q: usize) -> Result<usize> {
    check_finite(x, "X")?;
    let (m, n) = x.dim();
    if m != n {
        return Err(LinalgError::NotSquare { arg: "X", shape: vec![m, n] });
    }
    if p == 0 || p >= m {
        return Err(invalid("p", format!("invalid p={p}, 0<p<{m} must hold")));
    }
    if q == 0 || q >= m {
        return Err(invalid("q", format!("invalid q={q}, 0<q<{m} must hold")));
    }
    Ok(m)
}

/// `(U1, U2, theta, V1, V2)` (`V`, not `Vᴴ`) of the `p`, `q` partition of the `m×m` `x`.
#[allow(clippy::type_complexity)]
fn csd<T: LinalgScalar>(
    x: ndarray::ArrayView2<'_, T>,
    p: usize,
    q: usize,
    swap_sign: bool,
) -> Result<(Array2<T>, Array2<T>, Array1<RealOf<T>>, Array2<T>, Array2<T>)> {
    let m = x.nrows();
    let (x11, x12) = (x.slice(s![..p, ..q]), x.slice(s![..p, q..]));
    let (x21, x22) = (x.slice(s![p.., ..q]), x.slice(s![p.., q..]));
    let r = p.min(q).min(m - p).min(m - q);
    let n11 = p.min(q) - r;
    let (n12, n21, n22) = (p.min(m - q) - r, (m - p).min(q) - r, (m - p).min(m - q) - r);
    let sgn = if swap_sign { -T::one() } else { T::one() };
    let zero = RealOf::<T>::zero();
    let f = svd(&x11, true)?;
    let u1 = f.u;
    let v1 = f.vh.t().mapv(T::conj);
    let w = x21.dot(&v1); // (m−p)×q, orthogonal columns: the sines
    // QR of [the n21 unit columns, then the r sine columns by decreasing sine]
    let mut order: Vec<usize> = (n11 + r..q).collect();
    let mut by_sine: Vec<usize> = (n11..n11 + r).collect();
    let norm = |j: usize| w.column(j).iter().fold(zero, |a, v| a.hypot(v.modulus()));
    by_sine.sort_by(|&a, &b| norm(b).partial_cmp(&norm(a)).unwrap_or(std::cmp::Ordering::Equal));
    order.extend(&by_sine);
    let wp = Array2::from_shape_fn((m - p, order.len()), |(i, j)| w[[i, order[j]]]);
    let (qw, rw) = qr(&wp, QrMode::Full)?;
    let mut u2 = Array2::<T>::zeros((m - p, m - p));
    // completion columns first (n22 of them), then the sine part, then the unit part
    u2.slice_mut(s![.., ..n22]).assign(&qw.slice(s![.., order.len()..]));
    for (jj, &j) in order.iter().enumerate() {
        let d = rw[[jj, jj]];
        let ph = if d.modulus() > zero { d / T::from_real(d.modulus()) } else { T::one() };
        let dest = if j >= n11 + r { n22 + r + (j - n11 - r) } else { n22 + (j - n11) };
        u2.column_mut(dest).assign(&qw.column(jj).mapv(|v| v * ph * sgn));
    }
    let mut theta = Array1::from_elem(r, zero);
    let mut v2 = Array2::<T>::zeros((m - q, m - q));
    let x12h = x12.t().mapv(T::conj);
    let x22h = x22.t().mapv(T::conj);
    for k in 0..n22 {
        v2.column_mut(k).assign(&x22h.dot(&u2.column(k)));
    }
    for i in 0..r {
        let c = f.s[n11 + i];
        let sn = norm(n11 + i);
        theta[i] = sn.atan2(c);
        let col = if sn >= c {
            x12h.dot(&u1.column(n11 + i)).mapv(|v| -v * sgn / T::from_real(sn))
        } else {
            x22h.dot(&u2.column(n22 + i)).mapv(|v| v / T::from_real(c))
        };
        v2.column_mut(n22 + i).assign(&col);
    }
    for k in 0..n12 {
        v2.column_mut(n22 + r + k).assign(&x12h.dot(&u1.column(n11 + r + k)).mapv(|v| -v * sgn));
    }
    debug_assert_eq!(n11 + r + n21, q);
    Ok((u1, u2, theta, v1, v2))
}

/// The real `m×m` middle factor of SciPy's `cossin` for the angles `theta`.
fn cs_matrix<R: crate::LinalgFloat>(
    theta: &Array1<R>,
    m: usize,
    p: usize,
    q: usize,
    swap_sign: bool,
) -> Array2<R> {
    let r = theta.len();
    let n11 = p.min(q) - r;
    let (n12, n21, n22) = (p.min(m - q) - r, (m - p).min(q) - r, (m - p).min(m - q) - r);
    let one = R::one();
    let sg = if swap_sign { -one } else { one };
    let mut cs = Array2::<R>::zeros((m, m));
    for k in 0..n11 {
        cs[[k, k]] = one;
    }
    for k in 0..n12 {
        cs[[n11 + r + k, n11 + n21 + n22 + 2 * r + k]] = -sg;
    }
    for k in 0..n21 {
        cs[[p + n22 + r + k, n11 + r + k]] = sg;
    }
    for k in 0..n22 {
        cs[[p + k, q + k]] = one;
    }
    for (i, &t) in theta.iter().enumerate() {
        let (c, sn) = (t.cos(), t.sin());
        cs[[n11 + i, n11 + i]] = c;
        cs[[p + n22 + i, n11 + r + n21 + n22 + i]] = c;
        cs[[n11 + i, n11 + n21 + n22 + r + i]] = -sg * sn;
        cs[[p + n22 + i, n11 + i]] = sg * sn;
    }
    cs
}

fn block_diag2<T: LinalgScalar>(a: &Array2<T>, b: &Array2<T>) -> Array2<T> {
    let (k, m) = (a.nrows(), a.nrows() + b.nrows());
    let mut out = Array2::<T>::zeros((m, m));
    out.slice_mut(s![..k, ..k]).assign(a);
    out.slice_mut(s![k.., k..]).assign(b);
    out
}

/// Cosine-sine decomposition of an `m×m` orthogonal or unitary `X` partitioned after row `p`
/// and column `q`, as separate factors: `X = [U1 0; 0 U2] · CS · [V1ᴴ 0; 0 V2ᴴ]` with the
/// `min(p, q, m−p, m−q)` angles `theta` (ascending, in `[0, π/2]`) of the middle factor.
///
/// `X` is assumed orthogonal/unitary (as SciPy, this is not checked). `U1`, `U2`, `V1`, `V2`
/// are unique only up to the usual freedoms and may differ from LAPACK's; `theta` agrees.
///
/// SciPy equivalent: `scipy.linalg.cossin(X, p=p, q=q, separate=True, swap_sign=...,
/// compute_u=..., compute_vh=...)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NotSquare`] (SciPy: "Cosine Sine decomposition
/// only supports square matrices"), an invalid-value error unless `0 < p < m` and
/// `0 < q < m` (SciPy's "invalid p=..., 0<p<m must hold").
///
/// # Examples
///
/// ```
/// use sci_linalg::{CossinOptions, cossin_separate};
/// use sci_linalg::sci_array::ndarray::array;
/// let (c, s) = (0.6f64, 0.8f64);
/// let x = array![[c, -s], [s, c]];
/// let parts = cossin_separate(&x, 1, 1, CossinOptions::default())?;
/// assert!((parts.theta[0] - s.atan2(c)).abs() < 1e-15);
/// assert_eq!(parts.u1.unwrap().dim(), (1, 1));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cossin_separate<T, S>(
    x: &ArrayBase<S, Ix2>,
    p: usize,
    q: usize,
    options: CossinOptions,
) -> Result<CossinParts<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
{
    check_x(x, p, q)?;
    let (u1, u2, theta, v1, v2) = csd(x.view(), p, q, options.swap_sign)?;
    let h = |v: Array2<T>| v.t().mapv(T::conj);
    let (u1, u2) = if options.compute_u { (Some(u1), Some(u2)) } else { (None, None) };
    let (v1h, v2h) = if options.compute_vh { (Some(h(v1)), Some(h(v2))) } else { (None, None) };
    Ok(CossinParts { u1, u2, theta, v1h, v2h })
}

/// Cosine-sine decomposition `X = U · CS · VDH` of an `m×m` orthogonal or unitary `X`
/// partitioned after row `p` and column `q`: `U = block_diag(U1, U2)`,
/// `VDH = block_diag(V1ᴴ, V2ᴴ)` unitary and `CS` the real matrix of cosines, sines, zeros and
/// (signed) identities of LAPACK's `?orcsd`, laid out as SciPy builds it.
///
/// SciPy equivalent: `scipy.linalg.cossin(X, p=p, q=q, swap_sign=..., compute_u=...,
/// compute_vh=...)` (`separate=False`; `separate=True` is [`cossin_separate`]). SciPy's other
/// form, the four blocks `[X11, X12, X21, X22]` without `p`, `q`, is [`cossin_blocks`]
/// followed by this function.
///
/// # Errors
///
/// As [`cossin_separate`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{CossinOptions, cossin};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let x = array![[0.0f64, 0.6, 0.8], [1.0, 0.0, 0.0], [0.0, 0.8, -0.6]];
/// let d = cossin(&x, 1, 1, CossinOptions::default())?;
/// let (u, vdh) = (d.u.unwrap(), d.vdh.unwrap());
/// assert_allclose(&u.dot(&d.cs).dot(&vdh), &x, 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cossin<T, S>(x: &ArrayBase<S, Ix2>, p: usize, q: usize, options: CossinOptions) -> Result<Cossin<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
{
    let parts = cossin_separate(x, p, q, options)?;
    let m = x.nrows();
    let cs = cs_matrix(&parts.theta, m, p, q, options.swap_sign);
    let u = match (&parts.u1, &parts.u2) {
        (Some(a), Some(b)) => Some(block_diag2(a, b)),
        _ => None,
    };
    let vdh = match (&parts.v1h, &parts.v2h) {
        (Some(a), Some(b)) => Some(block_diag2(a, b)),
        _ => None,
    };
    Ok(Cossin { u, cs, vdh })
}

/// Assembles `X = [[X11, X12], [X21, X22]]` from SciPy's four-block form of `cossin` with
/// SciPy's shape checks, returning `(X, p, q)` for [`cossin`] / [`cossin_separate`].
///
/// SciPy equivalent: the `X = [x11, x12, x21, x22]` argument of `scipy.linalg.cossin` (without
/// `p`, `q`).
///
/// # Errors
///
/// Invalid-value errors with SciPy's messages: a block without columns ("x11 can't be
/// empty"), "Invalid x12 dimensions: desired (p, m-q), got ...", the same for `x21`, and
/// blocks that do not form a square matrix; a block without rows (SciPy fails inside its
/// LAPACK wrapper) is an error too.
///
/// # Examples
///
/// ```
/// use sci_linalg::{CossinOptions, cossin_blocks, cossin_separate};
/// use sci_linalg::sci_array::ndarray::array;
/// let (c, s) = (0.6f64, 0.8f64);
/// let (x, p, q) = cossin_blocks(&array![[c]], &array![[-s]], &array![[s]], &array![[c]])?;
/// assert_eq!((p, q), (1, 1));
/// let parts = cossin_separate(&x, p, q, CossinOptions::default())?;
/// assert!((parts.theta[0] - s.atan2(c)).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cossin_blocks<T, S1, S2, S3, S4>(
    x11: &ArrayBase<S1, Ix2>,
    x12: &ArrayBase<S2, Ix2>,
    x21: &ArrayBase<S3, Ix2>,
    x22: &ArrayBase<S4, Ix2>,
) -> Result<(Array2<T>, usize, usize)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
    S4: Data<Elem = T>,
{
    let shapes = [x11.dim(), x12.dim(), x21.dim(), x22.dim()];
    for (name, (_, cols)) in ["x11", "x12", "x21", "x22"].into_iter().zip(shapes) {
        if cols == 0 {
            return Err(invalid(name, format!("{name} can't be empty")));
        }
    }
    let ((p, q), (mmp, mmq)) = (shapes[0], shapes[3]);
    if shapes[1] != (p, mmq) {
        let got = shapes[1];
        return Err(invalid("x12", format!("Invalid x12 dimensions: desired {:?}, got {got:?}", (p, mmq))));
    }
    if shapes[2] != (mmp, q) {
        let got = shapes[2];
        return Err(invalid("x21", format!("Invalid x21 dimensions: desired {:?}, got {got:?}", (mmp, q))));
    }
    if p + mmp != q + mmq {
        return Err(invalid(
            "X",
            format!(
                "The subblocks have compatible sizes but don't form a square array (instead they \
                 form a {}x{} array). This might be due to missing p, q arguments.",
                p + mmp,
                q + mmq
            ),
        ));
    }
    if p == 0 || mmp == 0 {
        return Err(invalid("x11", format!("invalid p={p}, 0<p<{} must hold", p + mmp)));
    }
    let m = p + mmp;
    let mut x = Array2::<T>::zeros((m, m));
    x.slice_mut(s![..p, ..q]).assign(x11);
    x.slice_mut(s![..p, q..]).assign(x12);
    x.slice_mut(s![p.., ..q]).assign(x21);
    x.slice_mut(s![p.., q..]).assign(x22);
    Ok((x, p, q))
}

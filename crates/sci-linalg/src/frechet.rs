//! The Fréchet derivative of the matrix exponential and the condition number of `expm`:
//! `expm_frechet` (Al-Mohy and Higham's scaling–Padé–squaring algorithm, or the block
//! enlargement) and `expm_cond`.

use ndarray::{Array2, ArrayBase, Axis, Data, Ix2, s};
use num_traits::{Float, Zero};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::{Trans, lu_factor, lu_solve};
use crate::matfuncs::expm;
use crate::products::matmul_unchecked;
use crate::scalar::{LinalgFloat, check_finite, check_square, zeros_f};
use crate::svd::svdvals;

/// SciPy's `method=` of [`expm_frechet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ExpmFrechetMethod {
    /// `'SPS'` (SciPy's default): scaling, Padé approximation and squaring, Al-Mohy and
    /// Higham's Algorithm 6.4.
    #[default]
    Sps,
    /// `'blockEnlarge'`: the exponential of the `2n × 2n` matrix `[[A, E], [0, A]]`, whose
    /// upper right block is the derivative.
    BlockEnlarge,
}

/// Al-Mohy and Higham's `ℓ_m` bounds on `‖A‖₁` for Padé degree `m` (Table 6.1), `m = 1..=20`.
const ELL_TABLE_61: [f64; 21] = [
    0.0, 2.11e-8, 3.56e-4, 1.08e-2, 6.49e-2, 2.00e-1, 4.37e-1, 7.83e-1, 1.23e0, 1.78e0, 2.42e0, 3.13e0,
    3.90e0, 4.74e0, 5.63e0, 6.56e0, 7.52e0, 8.53e0, 9.56e0, 1.06e1, 1.17e1,
];

/// The Padé coefficients `b_0..=b_m` for the degrees 3, 5, 7, 9 and 13.
const B3: [f64; 4] = [120., 60., 12., 1.];
const B5: [f64; 6] = [30240., 15120., 3360., 420., 30., 1.];
const B7: [f64; 8] = [17297280., 8648640., 1995840., 277200., 25200., 1512., 56., 1.];
const B9: [f64; 10] =
    [17643225600., 8821612800., 2075673600., 302702400., 30270240., 2162160., 110880., 3960., 90., 1.];
const B13: [f64; 14] = [
    64764752532480000.,
    32382376266240000.,
    7771770303897600.,
    1187353796428800.,
    129060195264000.,
    10559470521600.,
    670442572800.,
    33522128640.,
    1323241920.,
    40840800.,
    960960.,
    16380.,
    182.,
    1.,
];

fn mm<T: LinalgScalar>(a: &Array2<T>, b: &Array2<T>) -> Array2<T> {
    matmul_unchecked(a.view(), b.view())
}

fn lit<T: LinalgScalar>(x: f64) -> T {
    T::from_real(RealOf::<T>::lit(x))
}

/// `c0 · I + Σ ck · Mk` (`c0 = 0` for no identity term).
fn comb<T: LinalgScalar>(n: usize, c0: f64, terms: &[(f64, &Array2<T>)]) -> Array2<T> {
    let mut out = zeros_f(n, n);
    for &(c, m) in terms {
        out.scaled_add(lit::<T>(c), m);
    }
    if c0 != 0.0 {
        for i in 0..n {
            out[[i, i]] += lit::<T>(c0);
        }
    }
    out
}

/// `(U, V, Lu, Lv)` of the Padé approximant of degree `m ∈ {3, 5, 7, 9}` and its Fréchet
/// derivative in the direction `e` (SciPy's `_diff_padeM`).
#[allow(clippy::type_complexity)]
fn diff_pade<T: LinalgScalar>(
    a: &Array2<T>,
    e: &Array2<T>,
    b: &[f64],
) -> (Array2<T>, Array2<T>, Array2<T>, Array2<T>) {
    let n = a.nrows();
    // even powers A^{2j} and their derivatives M_{2j}, j = 1..=m/2
    let a2 = mm(a, a);
    let m2 = &mm(a, e) + &mm(e, a);
    let mut pows = vec![(a2.clone(), m2.clone())];
    let half = (b.len() - 1) / 2;
    if half >= 2 {
        let a4 = mm(&a2, &a2);
        let m4 = &mm(&a2, &m2) + &mm(&m2, &a2);
        pows.push((a4, m4));
    }
    if half >= 3 {
        let (a4, m4) = (&pows[1].0, &pows[1].1);
        let a6 = mm(&a2, a4);
        let m6 = &mm(a4, &m2) + &mm(m4, &a2);
        pows.push((a6, m6));
    }
    if half >= 4 {
        let (a4, m4) = (&pows[1].0, &pows[1].1);
        let a8 = mm(a4, a4);
        let m8 = &mm(a4, m4) + &mm(m4, a4);
        pows.push((a8, m8));
    }
    // odd part: b_{2j+1}, even part: b_{2j}, highest power first as in SciPy
    let odd_a: Vec<(f64, &Array2<T>)> = (1..=half).rev().map(|j| (b[2 * j + 1], &pows[j - 1].0)).collect();
    let odd_m: Vec<(f64, &Array2<T>)> = (1..=half).rev().map(|j| (b[2 * j + 1], &pows[j - 1].1)).collect();
    let even_a: Vec<(f64, &Array2<T>)> = (1..=half).rev().map(|j| (b[2 * j], &pows[j - 1].0)).collect();
    let even_m: Vec<(f64, &Array2<T>)> = (1..=half).rev().map(|j| (b[2 * j], &pows[j - 1].1)).collect();
    let w = comb(n, b[1], &odd_a);
    let u = mm(a, &w);
    let v = comb(n, b[0], &even_a);
    let lu = &mm(a, &comb(n, 0.0, &odd_m)) + &mm(e, &w);
    let lv = comb(n, 0.0, &even_m);
    (u, v, lu, lv)
}

/// SciPy's `expm_frechet_algo_64`: `(expm(A), L(A, E))`.
fn frechet_sps<T: LinalgScalar>(a: &Array2<T>, e: &Array2<T>) -> Result<(Array2<T>, Array2<T>)> {
    let n = a.nrows();
    let a_norm_1 =
        a.map(|x| x.modulus()).sum_axis(Axis(0)).iter().fold(0.0f64, |m, &x| m.max(x.to_f64_lossless()));
    let mut s = 0usize;
    let mut parts = None;
    for (m, b) in [(3, &B3[..]), (5, &B5[..]), (7, &B7[..]), (9, &B9[..])] {
        if a_norm_1 <= ELL_TABLE_61[m] {
            parts = Some(diff_pade(a, e, b));
            break;
        }
    }
    let (u, v, lu, lv) = match parts {
        Some(p) => p,
        None => {
            s = (a_norm_1 / ELL_TABLE_61[13]).log2().ceil().max(0.0) as usize;
            let scale = lit::<T>(2f64.powi(-(s as i32)));
            let a = a.mapv(|x| x * scale);
            let e = e.mapv(|x| x * scale);
            let b = &B13;
            let a2 = mm(&a, &a);
            let m2 = &mm(&a, &e) + &mm(&e, &a);
            let a4 = mm(&a2, &a2);
            let m4 = &mm(&a2, &m2) + &mm(&m2, &a2);
            let a6 = mm(&a2, &a4);
            let m6 = &mm(&a4, &m2) + &mm(&m4, &a2);
            let w1 = comb(n, 0.0, &[(b[13], &a6), (b[11], &a4), (b[9], &a2)]);
            let w2 = comb(n, b[1], &[(b[7], &a6), (b[5], &a4), (b[3], &a2)]);
            let z1 = comb(n, 0.0, &[(b[12], &a6), (b[10], &a4), (b[8], &a2)]);
            let z2 = comb(n, b[0], &[(b[6], &a6), (b[4], &a4), (b[2], &a2)]);
            let w = &mm(&a6, &w1) + &w2;
            let u = mm(&a, &w);
            let v = &mm(&a6, &z1) + &z2;
            let lw1 = comb(n, 0.0, &[(b[13], &m6), (b[11], &m4), (b[9], &m2)]);
            let lw2 = comb(n, 0.0, &[(b[7], &m6), (b[5], &m4), (b[3], &m2)]);
            let lz1 = comb(n, 0.0, &[(b[12], &m6), (b[10], &m4), (b[8], &m2)]);
            let lz2 = comb(n, 0.0, &[(b[6], &m6), (b[4], &m4), (b[2], &m2)]);
            let lw = &(&mm(&a6, &lw1) + &mm(&m6, &w1)) + &lw2;
            let lu = &mm(&a, &lw) + &mm(&e, &w);
            let lv = &(&mm(&a6, &lz1) + &mm(&m6, &z1)) + &lz2;
            (u, v, lu, lv)
        }
    };
    let f = lu_factor(&(&v - &u))?;
    let mut r = lu_solve(&f, &(&u + &v), Trans::N)?;
    let rhs = &(&lu + &lv) + &mm(&(&lu - &lv), &r);
    let mut l = lu_solve(&f, &rhs, Trans::N)?;
    for _ in 0..s {
        l = &mm(&r, &l) + &mm(&l, &r);
        r = mm(&r, &r);
    }
    Ok((r, l))
}

/// SciPy's `expm_frechet_block_enlarge`.
fn frechet_block<T: LinalgScalar>(a: &Array2<T>, e: &Array2<T>) -> Result<(Array2<T>, Array2<T>)> {
    let n = a.nrows();
    let mut big = zeros_f(2 * n, 2 * n);
    big.slice_mut(s![..n, ..n]).assign(a);
    big.slice_mut(s![..n, n..]).assign(e);
    big.slice_mut(s![n.., n..]).assign(a);
    let x = expm(&big)?;
    Ok((x.slice(s![..n, ..n]).to_owned(), x.slice(s![..n, n..]).to_owned()))
}

/// Fréchet derivative of the matrix exponential at `a` in the direction `e`:
/// `L(A, E) = lim (expm(A + h E) - expm(A)) / h`, returned with `expm(a)` as `(expm_a, l)`.
///
/// [`ExpmFrechetMethod::Sps`] (SciPy's default) is Al-Mohy and Higham's scaling–Padé–squaring
/// algorithm, which produces `expm(a)` on the way (SciPy's `compute_expm=False` is the `.1` of
/// the result); [`ExpmFrechetMethod::BlockEnlarge`] reads both from `expm([[A, E], [0, A]])`.
/// Real and complex input.
///
/// SciPy equivalent: `scipy.linalg.expm_frechet(A, E, method=, compute_expm=True)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for a non-square `a` or `e`, [`LinalgError::ShapeMismatch`] when
/// their shapes differ, [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{ExpmFrechetMethod, expm, expm_frechet};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [-1.0, 0.5]];
/// let e = array![[0.0, 1.0], [0.0, 0.0]];
/// let (ea, l) = expm_frechet(&a, &e, ExpmFrechetMethod::Sps)?;
/// assert_allclose(&ea, &expm(&a)?, 1e-13, 1e-14);
/// // a finite difference agrees to O(h)
/// let h = 1e-6;
/// let fd = (&expm(&(&a + &(&e * h)))? - &ea) / h;
/// assert_allclose(&l, &fd, 1e-5, 1e-5);
/// // commuting directions: L(A, A) = A expm(A)
/// let (_, la) = expm_frechet(&a, &a, ExpmFrechetMethod::BlockEnlarge)?;
/// assert_allclose(&la, &a.dot(&ea), 1e-12, 1e-13);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn expm_frechet<T, S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    e: &ArrayBase<S2, Ix2>,
    method: ExpmFrechetMethod,
) -> Result<(Array2<T>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_finite(a, "A")?;
    check_finite(e, "E")?;
    check_square(a, "A")?;
    check_square(e, "E")?;
    if a.dim() != e.dim() {
        return Err(LinalgError::ShapeMismatch {
            arg: "E",
            expected: format!("the shape of A, {:?}", a.shape()),
            found: e.shape().to_vec(),
        });
    }
    let (a, e) = (a.to_owned(), e.to_owned());
    if a.is_empty() {
        return Ok((a, e));
    }
    match method {
        ExpmFrechetMethod::Sps => frechet_sps(&a, &e),
        ExpmFrechetMethod::BlockEnlarge => frechet_block(&a, &e),
    }
}

/// Relative condition number of the matrix exponential in the Frobenius norm:
/// `κ(A) = ‖K‖₂ ‖A‖_F / ‖expm(A)‖_F`, `K` the `n² × n²` Kronecker form of the Fréchet
/// derivative (one [`expm_frechet`] per column, as SciPy: `O(n⁵)` work).
///
/// SciPy equivalent: `scipy.linalg.expm_cond(A)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::expm_cond;
/// use sci_linalg::sci_array::ndarray::array;
/// // diagonal A = diag(1, 2): K is diagonal with e, e², e² - e, e² - e, so ‖K‖₂ = e²
/// let k: f64 = expm_cond(&array![[1.0, 0.0], [0.0, 2.0]])?;
/// let e = 1f64.exp();
/// assert!((k - e * e * 5f64.sqrt() / (e * e + e.powi(4)).sqrt()).abs() < 1e-13);
/// let k1: f64 = expm_cond(&array![[3.0]])?; // 1x1: |a|
/// assert!((k1 - 3.0).abs() < 1e-13);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn expm_cond<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<RealOf<T>> {
    check_finite(a, "A")?;
    let n = check_square(a, "A")?;
    let a = a.to_owned();
    let x = expm(&a)?;
    let mut k = zeros_f::<T>(n * n, n * n);
    for i in 0..n {
        for j in 0..n {
            let mut e = zeros_f::<T>(n, n);
            e[[i, j]] = T::one();
            let (_, f) = frechet_sps(&a, &e)?;
            // column i n + j is vec(F) (column-major)
            let mut col = k.column_mut(i * n + j);
            for (c, fc) in f.columns().into_iter().enumerate() {
                col.slice_mut(s![c * n..(c + 1) * n]).assign(&fc);
            }
        }
    }
    let fro = |m: &Array2<T>| m.iter().fold(RealOf::<T>::zero(), |acc, z| acc + z.modulus().powi(2)).sqrt();
    let k_norm = svdvals(&k)?.iter().copied().fold(RealOf::<T>::zero(), RealOf::<T>::max);
    Ok(k_norm * fro(&a) / fro(&x))
}

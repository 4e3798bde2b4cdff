//! Matrix functions: `expm`, `matrix_power`.

use ndarray::{Array2, ArrayBase, Axis, Data, Ix2};

use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::lu::{PackedLu, inv};
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{LinalgFloat, check_square_finite, to_fortran, zeros_f};

fn identity<T: LinalgScalar>(n: usize) -> Array2<T> {
    let mut e = zeros_f(n, n);
    e.diag_mut().fill(T::one());
    e
}

fn one_norm<T: LinalgFloat>(a: &Array2<T>) -> f64 {
    a.map(|x| x.abs()).sum_axis(Axis(0)).iter().fold(0.0, |m, &x| m.max(x.to_f64_lossless()))
}

/// `c0 · I + Σ ck · Pk` for the given powers.
fn lincomb<T: LinalgFloat>(n: usize, c0: f64, terms: &[(f64, &Array2<T>)]) -> Array2<T> {
    let mut out = zeros_f(n, n);
    for &(c, p) in terms {
        out.scaled_add(T::lit(c), p);
    }
    for i in 0..n {
        out[[i, i]] += T::lit(c0);
    }
    out
}

const PADE3: [f64; 4] = [120.0, 60.0, 12.0, 1.0];
const PADE5: [f64; 6] = [30240.0, 15120.0, 3360.0, 420.0, 30.0, 1.0];
const PADE7: [f64; 8] = [17297280.0, 8648640.0, 1995840.0, 277200.0, 25200.0, 1512.0, 56.0, 1.0];
const PADE9: [f64; 10] = [
    17643225600.0,
    8821612800.0,
    2075673600.0,
    302702400.0,
    30270240.0,
    2162160.0,
    110880.0,
    3960.0,
    90.0,
    1.0,
];
const PADE13: [f64; 14] = [
    64764752532480000.0,
    32382376266240000.0,
    7771770303897600.0,
    1187353796428800.0,
    129060195264000.0,
    10559470521600.0,
    670442572800.0,
    33522128640.0,
    1323241920.0,
    40840800.0,
    960960.0,
    16380.0,
    182.0,
    1.0,
];
/// Largest 1-norms for which the Padé approximant of degree 3, 5, 7, 9, 13 is accurate to
/// double precision (Higham 2005, Table 2.3).
const THETA: [f64; 5] =
    [1.495585217958292e-2, 2.53939833006323e-1, 9.504178996162932e-1, 2.097847961257068, 5.371920351148152];

/// Matrix exponential `e^A`, by scaling and squaring with a Padé approximant of degree 3, 5,
/// 7, 9 or 13 chosen from `‖A‖₁` (Higham 2005, the algorithm behind SciPy's `expm`).
///
/// SciPy equivalent: `scipy.linalg.expm` (2-d input).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare), [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::expm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let e = expm(&array![[0.0, 0.0], [0.0, 0.0]]).unwrap();
/// assert_eq!(e, array![[1.0, 0.0], [0.0, 1.0]]);
/// let t = 0.7f64;
/// let r = expm(&array![[0.0, -t], [t, 0.0]]).unwrap(); // a rotation
/// assert_allclose(&r, &array![[t.cos(), -t.sin()], [t.sin(), t.cos()]], 1e-15, 1e-15);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // exp(i θ I) = e^{iθ} I; computed from the real exponential of [[Re, -Im], [Im, Re]]
/// let t = 0.3f64;
/// let e = sci_linalg::expm(&array![[C::new(0.0, t), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(0.0, t)]])?;
/// assert_allclose(&e.diag(), &array![C::new(t.cos(), t.sin()), C::new(t.cos(), t.sin())], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn expm<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    T::expm_k(a.view())
}

/// [`expm`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn expm_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    let n = check_square_finite(a, "a")?;
    let mut a = to_fortran(a);
    if n == 0 {
        return Ok(a);
    }
    if n == 1 {
        a[[0, 0]] = a[[0, 0]].exp();
        return Ok(a);
    }
    let norm = one_norm(&a);
    let a2 = matmul(a.view(), a.view());
    let (u, v, squarings) = if norm <= THETA[0] {
        let b = PADE3;
        let u = matmul(a.view(), lincomb(n, b[1], &[(b[3], &a2)]).view());
        (u, lincomb(n, b[0], &[(b[2], &a2)]), 0)
    } else if norm <= THETA[1] {
        let b = PADE5;
        let a4 = matmul(a2.view(), a2.view());
        let u = matmul(a.view(), lincomb(n, b[1], &[(b[3], &a2), (b[5], &a4)]).view());
        (u, lincomb(n, b[0], &[(b[2], &a2), (b[4], &a4)]), 0)
    } else if norm <= THETA[2] {
        let b = PADE7;
        let a4 = matmul(a2.view(), a2.view());
        let a6 = matmul(a4.view(), a2.view());
        let u = matmul(a.view(), lincomb(n, b[1], &[(b[3], &a2), (b[5], &a4), (b[7], &a6)]).view());
        (u, lincomb(n, b[0], &[(b[2], &a2), (b[4], &a4), (b[6], &a6)]), 0)
    } else if norm <= THETA[3] {
        let b = PADE9;
        let a4 = matmul(a2.view(), a2.view());
        let a6 = matmul(a4.view(), a2.view());
        let a8 = matmul(a6.view(), a2.view());
        let u =
            matmul(a.view(), lincomb(n, b[1], &[(b[3], &a2), (b[5], &a4), (b[7], &a6), (b[9], &a8)]).view());
        (u, lincomb(n, b[0], &[(b[2], &a2), (b[4], &a4), (b[6], &a6), (b[8], &a8)]), 0)
    } else {
        let s = (norm / THETA[4]).log2().ceil().max(0.0) as i32;
        let (a, a2) = if s > 0 {
            let f = T::lit(0.5f64.powi(s));
            (a.mapv(|x| x * f), a2.mapv(|x| x * f * f))
        } else {
            (a, a2)
        };
        let b = PADE13;
        let a4 = matmul(a2.view(), a2.view());
        let a6 = matmul(a4.view(), a2.view());
        let inner_u = lincomb(n, 0.0, &[(b[13], &a6), (b[11], &a4), (b[9], &a2)]);
        let mut tu = matmul(a6.view(), inner_u.view());
        tu += &lincomb(n, b[1], &[(b[7], &a6), (b[5], &a4), (b[3], &a2)]);
        let u = matmul(a.view(), tu.view());
        let inner_v = lincomb(n, 0.0, &[(b[12], &a6), (b[10], &a4), (b[8], &a2)]);
        let mut v = matmul(a6.view(), inner_v.view());
        v += &lincomb(n, b[0], &[(b[6], &a6), (b[4], &a4), (b[2], &a2)]);
        (u, v, s)
    };
    // r = (V - U)⁻¹ (V + U)
    let p = &v + &u;
    let q = &v - &u;
    let f = PackedLu::new(&q);
    let mut r = zeros_f(n, n);
    r.assign(&p);
    f.solve_in_place(&mut r, false);
    for _ in 0..squarings {
        r = matmul(r.view(), r.view());
    }
    Ok(r)
}

/// Raises a square matrix to the integer power `k` by repeated squaring; `k = 0` gives the
/// identity and negative `k` the power of the inverse.
///
/// NumPy equivalent: `numpy.linalg.matrix_power` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare), [`LinalgError::NonFinite`](crate::LinalgError::NonFinite), and [`LinalgError::Singular`](crate::LinalgError::Singular) for
/// a negative power of a singular matrix.
///
/// # Examples
///
/// ```
/// use sci_linalg::matrix_power;
/// use sci_linalg::sci_array::ndarray::array;
/// let i = array![[0.0, 1.0], [-1.0, 0.0]];
/// assert_eq!(matrix_power(&i, 3).unwrap(), array![[0.0, -1.0], [1.0, 0.0]]);
/// assert_eq!(matrix_power(&i, 0).unwrap(), array![[1.0, 0.0], [0.0, 1.0]]);
/// assert_eq!(matrix_power(&i, -3).unwrap(), array![[0.0, 1.0], [-1.0, 0.0]]);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`):
///
/// ```
/// use sci_linalg::matrix_power;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(0.0, 1.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(2.0, 0.0)]];
/// assert_eq!(matrix_power(&a, 2)?, array![[C::new(-1.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(4.0, 0.0)]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_power<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, k: i64) -> Result<Array2<T>> {
    let n = check_square_finite(a, "a")?;
    let mut base = if k < 0 { inv(a)? } else { to_fortran(a) };
    let mut e = k.unsigned_abs();
    let mut acc: Option<Array2<T>> = None;
    while e > 0 {
        if e & 1 == 1 {
            acc = Some(match acc {
                None => base.clone(),
                Some(x) => matmul(x.view(), base.view()),
            });
        }
        e >>= 1;
        if e > 0 {
            base = matmul(base.view(), base.view());
        }
    }
    Ok(acc.unwrap_or_else(|| identity(n)))
}

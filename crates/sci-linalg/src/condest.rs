//! LAPACK's reciprocal condition number estimates (`gecon`, `pocon`, `sycon`/`hecon`, `trcon`,
//! `gtcon`) behind `solve`'s [`LinAlgWarning`](crate::LinAlgWarning).
//!
//! Each estimate is `1 / (‖A‖₁ · est)` where `est` is Hager and Higham's lower bound on
//! `‖A⁻¹‖₁` (LAPACK `dlacn2` / `zlacn2`): a handful of solves with the factors already computed
//! for the solution, `O(n²)` work for dense factors. The iteration, its stopping rules and the
//! final alternating-sign test vector follow LAPACK's, so the value is LAPACK's up to the
//! rounding of the triangular solves. LAPACK's `dlatrs` scaling against overflow inside those
//! solves is not reproduced: a solve that overflows makes the estimate `0` (LAPACK returns `0`
//! or a tiny value there, both far below the warning threshold).

use faer::MatMut;
use faer::linalg::triangular_solve as ts;
use ndarray::{ArrayBase, ArrayView2, Data, Ix2};
use num_complex::Complex;
use num_traits::{Float, One, Zero};

use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, as_faer};

/// What the estimator asks to be applied to its vector (LAPACK's `kase`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// `x ← M x` (`kase = 1`).
    Apply,
    /// `x ← Mᴴ x` (`kase = 2`; `Mᵀ` for real types).
    Adjoint,
}

/// LAPACK's iteration limit in `dlacn2` / `zlacn2`.
const ITMAX: usize = 5;

/// Hager–Higham estimate of `‖M‖₁` (LAPACK `dlacn2` for real, `zlacn2` for complex types),
/// where `apply(x, op)` overwrites `x` (length `n ≥ 1`) with `M x` or `Mᴴ x`.
pub(crate) fn norm1_estimate<T: LinalgScalar>(n: usize, mut apply: impl FnMut(&mut [T], Op)) -> RealOf<T> {
    let nr = <RealOf<T>>::lit(n as f64);
    let mut x = vec![T::from_real(<RealOf<T>>::one() / nr); n];
    apply(&mut x, Op::Apply);
    if n == 1 {
        return x[0].modulus();
    }
    let mut est = sum_modulus(&x);
    let mut signs = unit_signs(&mut x);
    apply(&mut x, Op::Adjoint);
    let mut j = first_max(&x);
    let mut iter = 2;
    loop {
        x.fill(T::zero());
        x[j] = T::one();
        apply(&mut x, Op::Apply);
        let est_old = est;
        est = sum_modulus(&x);
        // dlacn2 stops on a repeated sign vector (zlacn2 has no such test).
        if !T::IS_COMPLEX && x.iter().zip(&signs).all(|(v, s)| real_sign(*v) == *s) {
            break;
        }
        if est <= est_old {
            break; // cycling
        }
        signs = unit_signs(&mut x);
        apply(&mut x, Op::Adjoint);
        let j_last = j;
        j = first_max(&x);
        // dlacn2 compares the signed x(jlast) with |x(j)|, zlacn2 the two moduli.
        let last = if T::IS_COMPLEX { x[j_last].modulus() } else { x[j_last].re() };
        if last == x[j].modulus() || iter >= ITMAX {
            break;
        }
        iter += 1;
    }
    // Final stage: the alternating-sign vector x(i) = ±(1 + (i-1)/(n-1)).
    let denom = <RealOf<T>>::lit((n - 1) as f64);
    for (i, v) in x.iter_mut().enumerate() {
        let mag = <RealOf<T>>::one() + <RealOf<T>>::lit(i as f64) / denom;
        *v = T::from_real(if i % 2 == 0 { mag } else { -mag });
    }
    apply(&mut x, Op::Apply);
    let temp = <RealOf<T>>::lit(2.0) * (sum_modulus(&x) / <RealOf<T>>::lit((3 * n) as f64));
    if temp > est { temp } else { est }
}

/// `Σ |xᵢ|` (`dasum` for real, `dzsum1`: true moduli, for complex types).
fn sum_modulus<T: LinalgScalar>(x: &[T]) -> RealOf<T> {
    x.iter().fold(<RealOf<T>>::zero(), |s, v| s + v.modulus())
}

/// The first index of the largest `|xᵢ|` (`idamax` / `izmax1`).
fn first_max<T: LinalgScalar>(x: &[T]) -> usize {
    let mut best = 0;
    let mut max = x[0].modulus();
    for (i, v) in x.iter().enumerate().skip(1) {
        let m = v.modulus();
        if m > max {
            best = i;
            max = m;
        }
    }
    best
}

/// `1` for `x ≥ 0`, else `-1` (also for NaN), as `dlacn2`.
fn real_sign<T: LinalgScalar>(x: T) -> T {
    if x.re() >= <RealOf<T>>::zero() { T::one() } else { -T::one() }
}

/// Replaces `x` by its sign vector: `±1` for real types (returned too, for the repeated-sign
/// test), `xᵢ/|xᵢ|` (or `1` at and below the safe minimum) for complex types.
fn unit_signs<T: LinalgScalar>(x: &mut [T]) -> Vec<T> {
    let safmin = <RealOf<T>>::min_positive_value();
    for v in x.iter_mut() {
        *v = if !T::IS_COMPLEX {
            real_sign(*v)
        } else {
            let abs = v.modulus();
            if abs > safmin { T::from_complex_k(Complex::new(v.re() / abs, v.im() / abs)) } else { T::one() }
        };
    }
    if T::IS_COMPLEX { Vec::new() } else { x.to_vec() }
}

/// `x` as an `n × 1` faer matrix.
fn column<T: LinalgScalar>(x: &mut [T]) -> MatMut<'_, T> {
    let n = x.len();
    MatMut::from_column_major_slice_mut(x, n, 1)
}

/// The reciprocal condition number from `‖A‖₁` and the estimate of `‖A⁻¹‖₁`, as `gecon`,
/// `pocon`, `sycon` and `gtcon` form it: `0` for a zero norm, NaN for a NaN norm.
pub(crate) fn rcond_from<R: LinalgFloat>(anorm: R, ainvnm: R) -> R {
    if anorm.is_nan() {
        anorm
    } else if anorm == R::zero() || ainvnm == R::zero() {
        R::zero()
    } else {
        (R::one() / ainvnm) / anorm
    }
}

/// `gecon` (1-norm) from packed `getrf` factors `P B = L U` of `B = a` or, with `of_t`, of
/// `B = aᵀ` (real types only): `‖a⁻¹‖₁ = ‖B⁻ᵀ‖₁`, so the estimator then applies the transposed
/// solves first, as `gecon` with the infinity norm does. As `gecon`, the row interchanges are
/// not applied: they do not change 1-norms.
pub(crate) fn lu_rcond<T: LinalgScalar>(lu: ArrayView2<'_, T>, of_t: bool, anorm: RealOf<T>) -> RealOf<T> {
    let f = as_faer(lu);
    let par = faer::Par::Seq;
    let ainvnm = norm1_estimate(lu.nrows(), |x: &mut [T], op| {
        let mut m = column(x);
        if (op == Op::Apply) != of_t {
            // inv(U) inv(L)
            ts::solve_unit_lower_triangular_in_place(f, m.as_mut(), par);
            ts::solve_upper_triangular_in_place(f, m, par);
        } else {
            // inv(Lᴴ) inv(Uᴴ)
            ts::solve_lower_triangular_in_place(f.adjoint(), m.as_mut(), par);
            ts::solve_unit_upper_triangular_in_place(f.adjoint(), m, par);
        }
    });
    rcond_from(anorm, ainvnm)
}

/// `pocon` from the Cholesky factor `l` with `A = L Lᴴ` (`inv(A)` for both requests).
pub(crate) fn cholesky_rcond<T: LinalgScalar>(l: ArrayView2<'_, T>, anorm: RealOf<T>) -> RealOf<T> {
    let f = as_faer(l);
    let par = faer::Par::Seq;
    let ainvnm = norm1_estimate(l.nrows(), |x: &mut [T], _| {
        let mut m = column(x);
        ts::solve_lower_triangular_in_place(f, m.as_mut(), par);
        ts::solve_upper_triangular_in_place(f.adjoint(), m, par);
    });
    rcond_from(anorm, ainvnm)
}

/// `trcon` (1-norm, non-unit diagonal) of the `lower` or upper triangle of `a`.
pub(crate) fn triangular_rcond<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> RealOf<T> {
    let n = a.nrows();
    let anorm = (0..n)
        .map(|j| {
            let rows = if lower { j..n } else { 0..j + 1 };
            rows.fold(<RealOf<T>>::zero(), |s, i| s + a[[i, j]].modulus())
        })
        .fold(<RealOf<T>>::zero(), Float::max);
    // trcon goes on only for a norm > 0 (not for 0 or NaN)
    if anorm.is_nan() || anorm <= <RealOf<T>>::zero() {
        return <RealOf<T>>::zero();
    }
    let f = as_faer(a.view());
    let par = faer::Par::Seq;
    let ainvnm = norm1_estimate(n, |x: &mut [T], op| {
        let m = column(x);
        match (lower, op) {
            (true, Op::Apply) => ts::solve_lower_triangular_in_place(f, m, par),
            (true, Op::Adjoint) => ts::solve_upper_triangular_in_place(f.adjoint(), m, par),
            (false, Op::Apply) => ts::solve_upper_triangular_in_place(f, m, par),
            (false, Op::Adjoint) => ts::solve_lower_triangular_in_place(f.adjoint(), m, par),
        }
    });
    // trcon divides in the other order than gecon.
    if ainvnm == <RealOf<T>>::zero() { ainvnm } else { (<RealOf<T>>::one() / anorm) / ainvnm }
}

/// The 1-norm (largest column sum of moduli) of a matrix (`lange('1')`), read in memory order.
pub(crate) fn norm1<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> RealOf<T> {
    let by_rows = a.strides()[0].unsigned_abs() > a.strides()[1].unsigned_abs();
    if !by_rows {
        return a
            .columns()
            .into_iter()
            .map(|c| c.iter().fold(<RealOf<T>>::zero(), |s, v| s + v.modulus()))
            .fold(<RealOf<T>>::zero(), Float::max);
    }
    // Row-major: the column sums accumulated row by row.
    let mut sums = vec![<RealOf<T>>::zero(); a.ncols()];
    for row in a.rows() {
        sums.iter_mut().zip(row).for_each(|(s, v)| *s += v.modulus());
    }
    sums.into_iter().fold(<RealOf<T>>::zero(), Float::max)
}

/// The 1-norm of the symmetric (or, with `hermitian`, Hermitian: real diagonal) matrix stored
/// in the `lower` or upper triangle of `a` (`lansy` / `lanhe`).
pub(crate) fn norm1_sym<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
    hermitian: bool,
) -> RealOf<T> {
    let n = a.nrows();
    let mut sums = vec![<RealOf<T>>::zero(); n];
    // Element (i, j) of the stored triangle counts in columns j and i; the loops run in the
    // order of `a` in memory.
    let by_rows = a.strides()[0].unsigned_abs() > a.strides()[1].unsigned_abs();
    for p in 0..n {
        let (lo, hi) = if lower != by_rows { (p, n) } else { (0, p + 1) };
        for q in lo..hi {
            let (i, j) = if by_rows { (p, q) } else { (q, p) };
            let v = a[[i, j]];
            if i == j {
                sums[j] += if hermitian { v.re().abs() } else { v.modulus() };
            } else {
                sums[j] += v.modulus();
                sums[i] += v.modulus();
            }
        }
    }
    sums.into_iter().fold(<RealOf<T>>::zero(), Float::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    /// The estimate of `‖M‖₁` for an explicit matrix (apply = multiply).
    fn estimate(m: &Array2<f64>) -> f64 {
        norm1_estimate(m.nrows(), |x: &mut [f64], op| {
            let v = ndarray::ArrayView1::from(&*x).to_owned();
            let y = if op == Op::Apply { m.dot(&v) } else { m.t().dot(&v) };
            x.copy_from_slice(y.as_slice().unwrap());
        })
    }

    #[test]
    fn estimate_follows_lapack_iteration() {
        // ‖m‖₁ = 6 (the middle column), but LAPACK's iteration stops before reaching it and
        // its alternating-sign test wins: 2·‖m (1, -1.5, 2)ᵀ‖₁ / 9 = 2 · 21.5 / 9 = 43/9, a
        // lower bound as always (the same value as a line-by-line NumPy transcription of
        // dlacn2).
        let m = array![[1.0, -2.0, 3.0], [0.5, 4.0, -1.0], [2.0, 0.0, 1.0]];
        assert_eq!(estimate(&m), 43.0 / 9.0);
        let m = array![[1.0, -2.0], [3.0, 4.0]];
        assert_eq!(estimate(&m), norm1(&m));
        assert_eq!(estimate(&array![[-3.0]]), 3.0);
    }

    #[test]
    fn norm1_in_either_layout() {
        let m = array![[1.0, -7.0, 5.0], [0.5, 4.0, -1.0]];
        // column sums 1.5, 11, 6; row sums 13, 5.5
        assert_eq!(norm1(&m), 11.0);
        assert_eq!(norm1(&m.t()), 13.0);
        assert_eq!(norm1(&m.slice(ndarray::s![.., ..;-2])), 6.0);
        assert_eq!(norm1(&Array2::<f64>::zeros((0, 0))), 0.0);
        // the symmetric matrix of one triangle (the other holds junk), either layout
        let t = array![[2.0, -1.0, 4.0], [9.0, -3.0, 0.5], [9.0, 9.0, 1.0]];
        let full = array![[2.0, -1.0, 4.0], [-1.0, -3.0, 0.5], [4.0, 0.5, 1.0]];
        let mut f = Array2::zeros(ndarray::ShapeBuilder::f((3, 3)));
        f.assign(&t);
        for a in [t.view(), f.view()] {
            assert_eq!(norm1_sym(&a, false, false), norm1(&full));
            assert_eq!(norm1_sym(&a.t(), true, true), norm1(&full));
        }
    }

    #[test]
    fn rcond_edge_values() {
        assert_eq!(rcond_from(0.0, 5.0), 0.0);
        assert_eq!(rcond_from(2.0, 0.0), 0.0);
        assert!(rcond_from(f64::NAN, 1.0).is_nan());
        assert_eq!(rcond_from(2.0, 4.0), 0.125);
    }
}

//! Householder QR in LAPACK's raw form, unblocked, optionally column-pivoted: the loops of
//! `?geqr2` and `?laqp2` (the pivoted sweep that `?geqp3` runs on matrices of up to 128
//! columns and rows), for real and complex elements alike.
//!
//! The reflectors are `?larfg`'s (`H = I - tau v vᴴ`, `v[0] = 1`, `R`'s diagonal real and of
//! the opposite sign of the leading entry's real part); the pivots follow `?laqp2`: the first
//! column of largest (downdated) norm, columns swapped in place, norms downdated after each
//! step and recomputed when cancellation has eaten half of their digits.

use ndarray::{Array1, Array2, ArrayView2};
use num_traits::{Float, One, Zero};

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{check_finite, to_fortran};

/// `(h, tau, p)`: `R` on and above `h`'s diagonal, the reflectors below it, their scalars, and
/// the 0-based column order (`a[:, p] = Q R`).
pub(crate) type RawPivoted<T> = (Array2<T>, Array1<T>, Array1<usize>);

/// Euclidean norm of non-negative values, rescaled against overflow and underflow.
pub(crate) fn two_norm<R: Float>(it: impl Iterator<Item = R> + Clone) -> R {
    let scale = it.clone().fold(R::zero(), |m, x| m.max(x.abs()));
    if scale.is_zero() {
        return R::zero();
    }
    scale * it.fold(R::zero(), |acc, x| acc + (x / scale) * (x / scale)).sqrt()
}

fn col_norm<T: LinalgScalar>(x: &[T]) -> RealOf<T> {
    two_norm(x.iter().map(|z| z.modulus()))
}

/// `?larfg` on `x = [alpha; tail]`: overwrites `alpha` with `beta` and the tail with `v`'s,
/// returns `tau` (zero, `x` untouched, when the tail is zero and `alpha` real).
pub(crate) fn larfg<T: LinalgScalar>(x: &mut [T]) -> T {
    let Some((alpha, tail)) = x.split_first_mut() else { return T::zero() };
    let xnorm = col_norm(tail);
    let (ar, ai) = (alpha.re(), alpha.im());
    if xnorm.is_zero() && ai.is_zero() {
        return T::zero();
    }
    let mag = two_norm([ar, ai, xnorm].into_iter());
    // beta = -sign(mag, Re alpha), Fortran's SIGN: a negative zero counts as negative.
    let beta = if ar.is_sign_negative() { mag } else { -mag };
    let tau = (T::from_real(beta) - *alpha) / T::from_real(beta);
    let scale = T::one() / (*alpha - T::from_real(beta));
    tail.iter_mut().for_each(|v| *v *= scale);
    *alpha = T::from_real(beta);
    tau
}

/// Applies `Hᴴ = I - conj(tau) v vᴴ` (`v = [1; tail]`) to the column `c` (as long as `v`).
#[inline]
pub(crate) fn apply_reflector<T: LinalgScalar>(tail: &[T], ctau: T, c: &mut [T]) {
    let (c0, rest) = c.split_first_mut().expect("a column of at least one row");
    // vᴴ c with 16 partial sums, so that the real loop vectorizes into independent chains.
    const L: usize = 16;
    let mut acc = [T::zero(); L];
    for (v, x) in tail.chunks_exact(L).zip(rest.chunks_exact(L)) {
        for l in 0..L {
            acc[l] += v[l].conj() * x[l];
        }
    }
    let done = tail.len() - tail.len() % L;
    let mut s = *c0 + acc.iter().fold(T::zero(), |a, &b| a + b);
    for (v, x) in tail[done..].iter().zip(&rest[done..]) {
        s += v.conj() * *x;
    }
    let w = ctau * s;
    *c0 -= w;
    for (x, v) in rest.iter_mut().zip(tail) {
        *x -= *v * w;
    }
}

/// The Householder sweep over `a`'s columns (see the module), pivoted or not; `p` is the
/// identity order when not pivoted.
pub(crate) fn householder_sweep<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    pivoting: bool,
) -> Result<RawPivoted<T>> {
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut h = to_fortran(&a);
    let mut tau = Array1::<T>::zeros(k);
    let mut p: Vec<usize> = (0..n).collect();
    if k == 0 {
        return Ok((h, tau, Array1::from(p)));
    }
    let data = h.as_slice_memory_order_mut().expect("a new Fortran-order array");
    // ?laqp2's norms: vn1 the downdated ones, vn2 those at the last exact computation.
    let mut vn1: Vec<RealOf<T>> =
        if pivoting { data.chunks_exact(m).map(col_norm).collect() } else { Vec::new() };
    let mut vn2 = vn1.clone();
    // sqrt(dlamch('E')), LAPACK's unit roundoff being half the machine epsilon.
    let half = RealOf::<T>::one() / (RealOf::<T>::one() + RealOf::<T>::one());
    let tol3z = (RealOf::<T>::epsilon() * half).sqrt();
    for i in 0..k {
        if pivoting {
            // idamax: the first of the largest.
            let mut pvt = i;
            for j in i + 1..n {
                if vn1[j] > vn1[pvt] {
                    pvt = j;
                }
            }
            if pvt != i {
                let (left, right) = data.split_at_mut(pvt * m);
                left[i * m..(i + 1) * m].swap_with_slice(&mut right[..m]);
                p.swap(i, pvt);
                vn1[pvt] = vn1[i];
                vn2[pvt] = vn2[i];
            }
        }
        let t = larfg(&mut data[i * m + i..(i + 1) * m]);
        tau[i] = t;
        let (left, right) = data.split_at_mut((i + 1) * m);
        let v = &left[i * m + i + 1..];
        if !t.is_zero() {
            let ct = t.conj();
            for col in right.chunks_exact_mut(m) {
                apply_reflector(v, ct, &mut col[i..]);
            }
        }
        if pivoting {
            let one = RealOf::<T>::one();
            for (j, col) in (i + 1..n).zip(right.chunks_exact(m)) {
                if vn1[j].is_zero() {
                    continue;
                }
                let ratio = col[i].modulus() / vn1[j];
                let temp = (one - ratio * ratio).max(RealOf::<T>::zero());
                let q = vn1[j] / vn2[j];
                if temp * q * q <= tol3z {
                    vn1[j] = if i + 1 < m { col_norm(&col[i + 1..]) } else { RealOf::<T>::zero() };
                    vn2[j] = vn1[j];
                } else {
                    vn1[j] *= temp.sqrt();
                }
            }
        }
    }
    Ok((h, tau, Array1::from(p)))
}

/// [`householder_sweep`] with pivoting: LAPACK `?geqp3`'s result for matrices of up to 128
/// rows or columns (its unblocked path), the same to rounding beyond.
pub(crate) fn geqp2<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<RawPivoted<T>> {
    householder_sweep(a, true)
}

/// `?geqp3` through LAPACK (the `lapack` feature, real input).
#[cfg(feature = "lapack")]
pub(crate) fn geqp3_lapack<T: crate::LinalgFloat>(a: ArrayView2<'_, T>) -> Result<RawPivoted<T>> {
    use crate::lapack::{buf, dim};
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut h = to_fortran(&a);
    let mut tau = vec![T::zero(); k];
    if k == 0 {
        return Ok((h, Array1::from(tau), (0..n).collect()));
    }
    let mut jpvt = vec![0; n];
    T::geqp3(dim(m, "a")?, dim(n, "a")?, buf(&mut h), &mut jpvt, &mut tau);
    let p = jpvt.iter().map(|&j| usize::try_from(j - 1).expect("LAPACK's 1-based pivots")).collect();
    Ok((h, Array1::from(tau), p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn ties_go_to_the_first_column_and_norms_are_downdated() {
        // All three columns of norm 3: the first is taken, then the downdated norms tie again.
        let a = array![[1.0, 2.0, 2.0], [2.0, 1.0, 2.0], [2.0, 2.0, 1.0]];
        let (h, tau, p) = geqp2(a.view()).unwrap();
        assert_eq!(p[0], 0);
        assert!((h[[0, 0]] + 3.0).abs() < 1e-15);
        assert!((tau[0] - 4.0 / 3.0).abs() < 1e-15);
        // unpivoted: the identity order
        let (_, _, p) = householder_sweep(a.view(), false).unwrap();
        assert_eq!(p.to_vec(), vec![0, 1, 2]);
    }
}

//! Level-1 kernels shared by the crate's sweeps over columns: `w += x · c` ([`axpy`]) and
//! `Σ conj(x) v` ([`dot_conj`]) for every element type, the complex ones on AVX2 + FMA code
//! (`complex_avx2`, explicit intrinsics: the compiler does not vectorize complex loops).

use num_complex::Complex;

use super::{cast, cast_mut};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::LinalgFloat;

/// A complex slice as its interleaved real and imaginary parts.
pub(crate) fn parts<R>(x: &[Complex<R>]) -> &[R] {
    // SAFETY: `Complex<R>` is `repr(C)` of two `R`s, so `n` complex values are `2 n` reals.
    #[allow(unsafe_code)]
    unsafe {
        std::slice::from_raw_parts(x.as_ptr().cast(), 2 * x.len())
    }
}

/// [`parts`], mutable.
pub(crate) fn parts_mut<R>(x: &mut [Complex<R>]) -> &mut [R] {
    // SAFETY: as in `parts`.
    #[allow(unsafe_code)]
    unsafe {
        std::slice::from_raw_parts_mut(x.as_mut_ptr().cast(), 2 * x.len())
    }
}

/// `w += x · c`.
pub(crate) fn axpy<T: LinalgScalar>(w: &mut [T], x: &[T], c: T) {
    macro_rules! real {
        ($r:ty) => {
            if let (Some(w), Some(x)) = (cast_mut::<T, $r>(w), cast::<T, $r>(x)) {
                let c = cast::<T, $r>(&[c]).expect("same type")[0];
                #[cfg(target_arch = "x86_64")]
                if crate::blas::avx2_fma() {
                    // SAFETY: the CPU has AVX2 and FMA.
                    #[allow(unsafe_code)]
                    unsafe {
                        real_axpy_avx2(w, x, c)
                    };
                    return;
                }
                real_axpy::<$r, false>(w, x, c);
                return;
            }
        };
    }
    macro_rules! complex {
        ($r:ty, $kernel:ident) => {
            if let (Some(w), Some(x)) = (cast_mut::<T, Complex<$r>>(w), cast::<T, Complex<$r>>(x)) {
                let c = cast::<T, Complex<$r>>(&[c]).expect("same type")[0];
                #[cfg(target_arch = "x86_64")]
                if crate::blas::avx2_fma() {
                    // SAFETY: the CPU has AVX2 and FMA.
                    #[allow(unsafe_code)]
                    unsafe {
                        super::complex_avx2::$kernel(parts_mut(w), parts(x), c)
                    };
                    return;
                }
                complex_axpy(parts_mut(w), parts(x), c);
                return;
            }
        };
    }
    real!(f64);
    real!(f32);
    complex!(f64, axpy_c64);
    complex!(f32, axpy_c32);
    for (w, &x) in w.iter_mut().zip(x) {
        *w += x * c;
    }
}

/// `Σ conj(x_i) v_i` (`v` at least as long as `x`).
pub(crate) fn dot_conj<T: LinalgScalar>(x: &[T], v: &[T]) -> T {
    let v = &v[..x.len()];
    #[cfg(target_arch = "x86_64")]
    if super::avx2_fma() {
        macro_rules! complex {
            ($r:ty, $kernel:ident) => {
                if let (Some(x), Some(v)) = (cast::<T, Complex<$r>>(x), cast::<T, Complex<$r>>(v)) {
                    // SAFETY: the CPU has AVX2 and FMA.
                    #[allow(unsafe_code)]
                    let s = unsafe { super::complex_avx2::$kernel(parts(x), parts(v)) };
                    return cast::<Complex<$r>, T>(&[s]).expect("same type")[0];
                }
            };
        }
        complex!(f64, dot_conj_c64);
        complex!(f32, dot_conj_c32);
    }
    const L: usize = 16;
    let mut acc = [T::zero(); L];
    for (xc, vc) in x.chunks_exact(L).zip(v.chunks_exact(L)) {
        for l in 0..L {
            acc[l] += xc[l].conj() * vc[l];
        }
    }
    let done = x.len() - x.len() % L;
    let mut s = acc.iter().fold(T::zero(), |a, &b| a + b);
    for (a, b) in x[done..].iter().zip(&v[done..]) {
        s += a.conj() * *b;
    }
    s
}

/// `x · y + z`, fused where the caller is compiled for FMA (`FMA`).
#[inline(always)]
pub(crate) fn madd<R: LinalgFloat, const FMA: bool>(x: R, y: R, z: R) -> R {
    if FMA { x.mul_add(y, z) } else { x * y + z }
}

/// [`real_axpy`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn real_axpy_avx2<R: LinalgFloat>(w: &mut [R], x: &[R], c: R) {
    real_axpy::<R, true>(w, x, c);
}

/// `w += x · c` on real slices.
#[inline(always)]
fn real_axpy<R: LinalgFloat, const FMA: bool>(w: &mut [R], x: &[R], c: R) {
    for (w, &x) in w.iter_mut().zip(x) {
        *w = madd::<R, FMA>(x, c, *w);
    }
}

/// `w += x · c` on the interleaved parts of complex slices (CPUs without AVX2).
fn complex_axpy<R: LinalgFloat>(w: &mut [R], x: &[R], c: Complex<R>) {
    for (w, x) in w.chunks_exact_mut(2).zip(x.chunks_exact(2)) {
        let (xr, xi) = (x[0], x[1]);
        w[0] += xr * c.re - xi * c.im;
        w[1] += xr * c.im + xi * c.re;
    }
}

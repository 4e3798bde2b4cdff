//! AVX2 + FMA kernels for complex columns (the bidiagonal reduction's fused update, `axpy` and
//! the conjugated dot product of `level1`), on the interleaved real and imaginary parts: the
//! compiler does not vectorize the complex loops itself (the reduction's ran at a seventh of
//! the real kernels' speed per byte).
//!
//! A complex product `p y` of a vector of values `p` by one scalar `y` is
//! `p · [y.re, y.re] + swap(p) · [-y.im, y.im]` lane by lane, `swap` exchanging each value's
//! parts; a sum of `conj(u) x` is kept as the two sums `Σ u ∘ x` (whose lanes add up to the
//! real part) and `Σ u ∘ swap(x)` (even lanes minus odd lanes give the imaginary part).

use core::arch::x86_64::*;

use num_complex::Complex;

/// Per-width helpers of [`kernels!`]: the swap of each value's parts, the vector of
/// `[-x, x, -x, x, ...]`, and the complex sums of the `u ∘ x` and `u ∘ swap(x)` accumulators.
#[target_feature(enable = "avx2,fma")]
fn swap_pd(x: __m256d) -> __m256d {
    _mm256_permute_pd::<0b0101>(x)
}

#[target_feature(enable = "avx2,fma")]
fn alt_pd(x: f64) -> __m256d {
    _mm256_setr_pd(-x, x, -x, x)
}

#[target_feature(enable = "avx2,fma")]
fn sums_pd(s1: __m256d, s2: __m256d) -> Complex<f64> {
    let (mut r1, mut r2) = ([0.0; 4], [0.0; 4]);
    // SAFETY: four lanes into four-element arrays.
    #[allow(unsafe_code)]
    unsafe {
        _mm256_storeu_pd(r1.as_mut_ptr(), s1);
        _mm256_storeu_pd(r2.as_mut_ptr(), s2);
    }
    Complex::new((r1[0] + r1[1]) + (r1[2] + r1[3]), (r2[0] - r2[1]) + (r2[2] - r2[3]))
}

#[target_feature(enable = "avx2,fma")]
fn swap_ps(x: __m256) -> __m256 {
    _mm256_permute_ps::<0b1011_0001>(x)
}

#[target_feature(enable = "avx2,fma")]
fn alt_ps(x: f32) -> __m256 {
    _mm256_setr_ps(-x, x, -x, x, -x, x, -x, x)
}

#[target_feature(enable = "avx2,fma")]
fn sums_ps(s1: __m256, s2: __m256) -> Complex<f32> {
    let (mut r1, mut r2) = ([0.0f32; 8], [0.0f32; 8]);
    // SAFETY: eight lanes into eight-element arrays.
    #[allow(unsafe_code)]
    unsafe {
        _mm256_storeu_ps(r1.as_mut_ptr(), s1);
        _mm256_storeu_ps(r2.as_mut_ptr(), s2);
    }
    Complex::new(r1.iter().sum(), r2.chunks_exact(2).map(|p| p[0] - p[1]).sum())
}

/// The three kernels for one real type `$r` (vectors of `$w` reals) and its intrinsics.
macro_rules! kernels {
    (
        $r:ty, $w:expr,
        [$loadu:ident, $storeu:ident, $set1:ident, $setzero:ident, $fmadd:ident, $mul:ident, $sub:ident, $add:ident],
        [$swap:ident, $alt:ident, $sums:ident],
        $update_dot:ident, $axpy:ident, $dot_conj:ident
    ) => {
        /// `a -= up · y + zp · vc` and `Σ conj(u) a` for complex slices given as their parts
        /// (`a.len()` reals, even; the others at least as long).
        #[target_feature(enable = "avx2,fma")]
        pub(crate) fn $update_dot(
            a: &mut [$r],
            up: &[$r],
            zp: &[$r],
            u: &[$r],
            y: Complex<$r>,
            vc: Complex<$r>,
        ) -> Complex<$r> {
            let len = a.len();
            assert!(
                len.is_multiple_of(2) && up.len() >= len && zp.len() >= len && u.len() >= len,
                "update_dot: lengths"
            );
            let (y1, y2) = ($set1(y.re), $alt(y.im));
            let (v1, v2) = ($set1(vc.re), $alt(vc.im));
            let (mut s1, mut s2) = ([$setzero(); 2], [$setzero(); 2]);
            let mut i = 0;
            while i + 2 * $w <= len {
                for h in 0..2 {
                    let o = i + $w * h;
                    // SAFETY: o + $w <= len, within every slice (asserted above).
                    #[allow(unsafe_code)]
                    let (p, q, x, w) = unsafe {
                        (
                            $loadu(up.as_ptr().add(o)),
                            $loadu(zp.as_ptr().add(o)),
                            $loadu(a.as_ptr().add(o)),
                            $loadu(u.as_ptr().add(o)),
                        )
                    };
                    let t = $fmadd(p, y1, $mul($swap(p), y2));
                    let t = $fmadd(q, v1, $fmadd($swap(q), v2, t));
                    let x = $sub(x, t);
                    // SAFETY: as above.
                    #[allow(unsafe_code)]
                    unsafe {
                        $storeu(a.as_mut_ptr().add(o), x)
                    };
                    s1[h] = $fmadd(w, x, s1[h]);
                    s2[h] = $fmadd(w, $swap(x), s2[h]);
                }
                i += 2 * $w;
            }
            let mut s = $sums($add(s1[0], s1[1]), $add(s2[0], s2[1]));
            while i < len {
                let (p, q) = (Complex::new(up[i], up[i + 1]), Complex::new(zp[i], zp[i + 1]));
                let x = Complex::new(a[i], a[i + 1]) - p * y - q * vc;
                a[i] = x.re;
                a[i + 1] = x.im;
                s += Complex::new(u[i], -u[i + 1]) * x;
                i += 2;
            }
            s
        }

        /// `w += x · c` for complex slices given as their parts (`w.len()` reals, even).
        #[target_feature(enable = "avx2,fma")]
        pub(crate) fn $axpy(w: &mut [$r], x: &[$r], c: Complex<$r>) {
            let len = w.len();
            assert!(len.is_multiple_of(2) && x.len() >= len, "axpy: lengths");
            let (c1, c2) = ($set1(c.re), $alt(c.im));
            let mut i = 0;
            while i + $w <= len {
                // SAFETY: i + $w <= len, within both slices.
                #[allow(unsafe_code)]
                unsafe {
                    let xv = $loadu(x.as_ptr().add(i));
                    let wv = $loadu(w.as_ptr().add(i));
                    $storeu(w.as_mut_ptr().add(i), $fmadd(xv, c1, $fmadd($swap(xv), c2, wv)));
                }
                i += $w;
            }
            while i < len {
                let v = Complex::new(x[i], x[i + 1]) * c;
                w[i] += v.re;
                w[i + 1] += v.im;
                i += 2;
            }
        }

        /// `Σ conj(x) v` for complex slices given as their parts (`x.len()` reals, even; `v`
        /// at least as long).
        #[target_feature(enable = "avx2,fma")]
        pub(crate) fn $dot_conj(x: &[$r], v: &[$r]) -> Complex<$r> {
            let len = x.len();
            assert!(len.is_multiple_of(2) && v.len() >= len, "dot_conj: lengths");
            let (mut s1, mut s2) = ([$setzero(); 2], [$setzero(); 2]);
            let mut i = 0;
            while i + 2 * $w <= len {
                for h in 0..2 {
                    let o = i + $w * h;
                    // SAFETY: o + $w <= len, within both slices.
                    #[allow(unsafe_code)]
                    let (xv, vv) = unsafe { ($loadu(x.as_ptr().add(o)), $loadu(v.as_ptr().add(o))) };
                    s1[h] = $fmadd(xv, vv, s1[h]);
                    s2[h] = $fmadd(xv, $swap(vv), s2[h]);
                }
                i += 2 * $w;
            }
            let mut s = $sums($add(s1[0], s1[1]), $add(s2[0], s2[1]));
            while i < len {
                s += Complex::new(x[i], -x[i + 1]) * Complex::new(v[i], v[i + 1]);
                i += 2;
            }
            s
        }
    };
}

kernels!(
    f64,
    4,
    [
        _mm256_loadu_pd,
        _mm256_storeu_pd,
        _mm256_set1_pd,
        _mm256_setzero_pd,
        _mm256_fmadd_pd,
        _mm256_mul_pd,
        _mm256_sub_pd,
        _mm256_add_pd
    ],
    [swap_pd, alt_pd, sums_pd],
    update_dot_c64,
    axpy_c64,
    dot_conj_c64
);
kernels!(
    f32,
    8,
    [
        _mm256_loadu_ps,
        _mm256_storeu_ps,
        _mm256_set1_ps,
        _mm256_setzero_ps,
        _mm256_fmadd_ps,
        _mm256_mul_ps,
        _mm256_sub_ps,
        _mm256_add_ps
    ],
    [swap_ps, alt_ps, sums_ps],
    update_dot_c32,
    axpy_c32,
    dot_conj_c32
);

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    }

    /// Every kernel against the complex arithmetic it stands for, over lengths around the
    /// unrolling (tails included).
    #[test]
    fn kernels_equal_the_complex_arithmetic() {
        if !crate::blas::avx2_fma() {
            eprintln!("no AVX2 + FMA on this CPU: the kernels cannot run here");
            return;
        }
        let mut seed = 3;
        for len in [0usize, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 100] {
            let mut c = || Complex::new(lcg(&mut seed), lcg(&mut seed));
            let (a, up, zp, u): (Vec<Complex<f64>>, Vec<_>, Vec<_>, Vec<_>) = (
                (0..len).map(|_| c()).collect(),
                (0..len).map(|_| c()).collect(),
                (0..len).map(|_| c()).collect(),
                (0..len).map(|_| c()).collect(),
            );
            let (y, vc) = (c(), c());
            let flat = |x: &[Complex<f64>]| x.iter().flat_map(|z| [z.re, z.im]).collect::<Vec<f64>>();
            let close = |g: Complex<f64>, w: Complex<f64>| {
                assert!((g - w).norm() <= 1e-13 * (1.0 + w.norm()), "{g} {w}")
            };
            // update_dot
            let want_a: Vec<_> =
                a.iter().zip(&up).zip(&zp).map(|((&a, &p), &q)| a - p * y - q * vc).collect();
            let want_s = want_a.iter().zip(&u).fold(Complex::new(0.0, 0.0), |s, (&x, &u)| s + u.conj() * x);
            let mut got_a = flat(&a);
            // SAFETY: AVX2 and FMA checked above.
            #[allow(unsafe_code)]
            let got_s = unsafe { update_dot_c64(&mut got_a, &flat(&up), &flat(&zp), &flat(&u), y, vc) };
            close(got_s, want_s);
            for (g, w) in got_a.chunks_exact(2).zip(&want_a) {
                close(Complex::new(g[0], g[1]), *w);
            }
            // axpy and dot_conj
            let mut w = flat(&a);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            unsafe {
                axpy_c64(&mut w, &flat(&up), y)
            };
            for ((g, &a), &p) in w.chunks_exact(2).zip(&a).zip(&up) {
                close(Complex::new(g[0], g[1]), a + p * y);
            }
            let want_d = a.iter().zip(&up).fold(Complex::new(0.0, 0.0), |s, (&x, &v)| s + x.conj() * v);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            close(unsafe { dot_conj_c64(&flat(&a), &flat(&up)) }, want_d);
            // the f32 kernels on the same values
            let f32s =
                |x: &[Complex<f64>]| x.iter().flat_map(|z| [z.re as f32, z.im as f32]).collect::<Vec<f32>>();
            let c32 = |z: Complex<f64>| Complex::new(z.re as f32, z.im as f32);
            let close32 = |g: Complex<f32>, w: Complex<f64>| {
                assert!(
                    (Complex::new(f64::from(g.re), f64::from(g.im)) - w).norm() <= 1e-5 * (1.0 + w.norm()),
                    "{g} {w}"
                )
            };
            let mut got_a = f32s(&a);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            let got_s =
                unsafe { update_dot_c32(&mut got_a, &f32s(&up), &f32s(&zp), &f32s(&u), c32(y), c32(vc)) };
            close32(got_s, want_s);
            let mut w = f32s(&a);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            unsafe {
                axpy_c32(&mut w, &f32s(&up), c32(y))
            };
            for ((g, &a), &p) in w.chunks_exact(2).zip(&a).zip(&up) {
                close32(Complex::new(g[0], g[1]), a + p * y);
            }
            // SAFETY: as above.
            #[allow(unsafe_code)]
            close32(unsafe { dot_conj_c32(&f32s(&a), &f32s(&up)) }, want_d);
        }
    }
}

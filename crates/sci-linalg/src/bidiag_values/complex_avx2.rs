//! AVX2 + FMA kernels of the reduction for complex data, on the interleaved real and imaginary
//! parts (the compiler does not vectorize the complex loops itself: they ran at a seventh of
//! the real kernels' speed per byte).
//!
//! A complex product `p y` of a vector of values `p` by one scalar `y` is
//! `p · [y.re, y.re] + swap(p) · [-y.im, y.im]` lane by lane, `swap` exchanging each value's
//! parts; a sum of `conj(u) x` is kept as the two sums `Σ u ∘ x` (whose lanes add up to the
//! real part) and `Σ u ∘ swap(x)` (even lanes minus odd lanes give the imaginary part).

use core::arch::x86_64::*;

use num_complex::Complex;

/// `a -= up · y + zp · vc` and `Σ conj(u) a` for `Complex<f64>` slices given as their parts
/// (`a.len()` reals, even; the others at least as long).
#[target_feature(enable = "avx2,fma")]
pub(super) fn update_dot_c64(
    a: &mut [f64],
    up: &[f64],
    zp: &[f64],
    u: &[f64],
    y: Complex<f64>,
    vc: Complex<f64>,
) -> Complex<f64> {
    let len = a.len();
    assert!(
        len.is_multiple_of(2) && up.len() >= len && zp.len() >= len && u.len() >= len,
        "update_dot_c64: lengths"
    );
    let (y1, y2) = (_mm256_set1_pd(y.re), _mm256_setr_pd(-y.im, y.im, -y.im, y.im));
    let (v1, v2) = (_mm256_set1_pd(vc.re), _mm256_setr_pd(-vc.im, vc.im, -vc.im, vc.im));
    let (mut s1, mut s2) = ([_mm256_setzero_pd(); 2], [_mm256_setzero_pd(); 2]);
    let mut i = 0;
    while i + 8 <= len {
        for h in 0..2 {
            let o = i + 4 * h;
            // SAFETY: o + 4 <= len, within every slice (asserted above).
            #[allow(unsafe_code)]
            let (p, q, x, w) = unsafe {
                (
                    _mm256_loadu_pd(up.as_ptr().add(o)),
                    _mm256_loadu_pd(zp.as_ptr().add(o)),
                    _mm256_loadu_pd(a.as_ptr().add(o)),
                    _mm256_loadu_pd(u.as_ptr().add(o)),
                )
            };
            let t = _mm256_fmadd_pd(p, y1, _mm256_mul_pd(_mm256_permute_pd::<0b0101>(p), y2));
            let t = _mm256_fmadd_pd(q, v1, _mm256_fmadd_pd(_mm256_permute_pd::<0b0101>(q), v2, t));
            let x = _mm256_sub_pd(x, t);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            unsafe {
                _mm256_storeu_pd(a.as_mut_ptr().add(o), x)
            };
            s1[h] = _mm256_fmadd_pd(w, x, s1[h]);
            s2[h] = _mm256_fmadd_pd(w, _mm256_permute_pd::<0b0101>(x), s2[h]);
        }
        i += 8;
    }
    let (mut r1, mut r2) = ([0.0; 4], [0.0; 4]);
    // SAFETY: four lanes into four-element arrays.
    #[allow(unsafe_code)]
    unsafe {
        _mm256_storeu_pd(r1.as_mut_ptr(), _mm256_add_pd(s1[0], s1[1]));
        _mm256_storeu_pd(r2.as_mut_ptr(), _mm256_add_pd(s2[0], s2[1]));
    }
    let mut s = Complex::new((r1[0] + r1[1]) + (r1[2] + r1[3]), (r2[0] - r2[1]) + (r2[2] - r2[3]));
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

/// `w += x · c` for `Complex<f64>` slices given as their parts (`w.len()` reals, even).
#[target_feature(enable = "avx2,fma")]
pub(super) fn axpy_c64(w: &mut [f64], x: &[f64], c: Complex<f64>) {
    let len = w.len();
    assert!(len.is_multiple_of(2) && x.len() >= len, "axpy_c64: lengths");
    let (c1, c2) = (_mm256_set1_pd(c.re), _mm256_setr_pd(-c.im, c.im, -c.im, c.im));
    let mut i = 0;
    while i + 4 <= len {
        // SAFETY: i + 4 <= len, within both slices.
        #[allow(unsafe_code)]
        unsafe {
            let xv = _mm256_loadu_pd(x.as_ptr().add(i));
            let wv = _mm256_loadu_pd(w.as_ptr().add(i));
            let wv = _mm256_fmadd_pd(xv, c1, _mm256_fmadd_pd(_mm256_permute_pd::<0b0101>(xv), c2, wv));
            _mm256_storeu_pd(w.as_mut_ptr().add(i), wv);
        }
        i += 4;
    }
    while i < len {
        let v = Complex::new(x[i], x[i + 1]) * c;
        w[i] += v.re;
        w[i + 1] += v.im;
        i += 2;
    }
}

/// [`update_dot_c64`] for `Complex<f32>`.
#[target_feature(enable = "avx2,fma")]
pub(super) fn update_dot_c32(
    a: &mut [f32],
    up: &[f32],
    zp: &[f32],
    u: &[f32],
    y: Complex<f32>,
    vc: Complex<f32>,
) -> Complex<f32> {
    let len = a.len();
    assert!(
        len.is_multiple_of(2) && up.len() >= len && zp.len() >= len && u.len() >= len,
        "update_dot_c32: lengths"
    );
    let alt = |v: f32| _mm256_setr_ps(-v, v, -v, v, -v, v, -v, v);
    let (y1, y2) = (_mm256_set1_ps(y.re), alt(y.im));
    let (v1, v2) = (_mm256_set1_ps(vc.re), alt(vc.im));
    let (mut s1, mut s2) = ([_mm256_setzero_ps(); 2], [_mm256_setzero_ps(); 2]);
    let mut i = 0;
    while i + 16 <= len {
        for h in 0..2 {
            let o = i + 8 * h;
            // SAFETY: o + 8 <= len, within every slice (asserted above).
            #[allow(unsafe_code)]
            let (p, q, x, w) = unsafe {
                (
                    _mm256_loadu_ps(up.as_ptr().add(o)),
                    _mm256_loadu_ps(zp.as_ptr().add(o)),
                    _mm256_loadu_ps(a.as_ptr().add(o)),
                    _mm256_loadu_ps(u.as_ptr().add(o)),
                )
            };
            let t = _mm256_fmadd_ps(p, y1, _mm256_mul_ps(_mm256_permute_ps::<0b1011_0001>(p), y2));
            let t = _mm256_fmadd_ps(q, v1, _mm256_fmadd_ps(_mm256_permute_ps::<0b1011_0001>(q), v2, t));
            let x = _mm256_sub_ps(x, t);
            // SAFETY: as above.
            #[allow(unsafe_code)]
            unsafe {
                _mm256_storeu_ps(a.as_mut_ptr().add(o), x)
            };
            s1[h] = _mm256_fmadd_ps(w, x, s1[h]);
            s2[h] = _mm256_fmadd_ps(w, _mm256_permute_ps::<0b1011_0001>(x), s2[h]);
        }
        i += 16;
    }
    let (mut r1, mut r2) = ([0.0f32; 8], [0.0f32; 8]);
    // SAFETY: eight lanes into eight-element arrays.
    #[allow(unsafe_code)]
    unsafe {
        _mm256_storeu_ps(r1.as_mut_ptr(), _mm256_add_ps(s1[0], s1[1]));
        _mm256_storeu_ps(r2.as_mut_ptr(), _mm256_add_ps(s2[0], s2[1]));
    }
    let re = r1.iter().sum::<f32>();
    let im = r2.chunks_exact(2).map(|p| p[0] - p[1]).sum::<f32>();
    let mut s = Complex::new(re, im);
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

/// [`axpy_c64`] for `Complex<f32>`.
#[target_feature(enable = "avx2,fma")]
pub(super) fn axpy_c32(w: &mut [f32], x: &[f32], c: Complex<f32>) {
    let len = w.len();
    assert!(len.is_multiple_of(2) && x.len() >= len, "axpy_c32: lengths");
    let (c1, c2) = (_mm256_set1_ps(c.re), _mm256_setr_ps(-c.im, c.im, -c.im, c.im, -c.im, c.im, -c.im, c.im));
    let mut i = 0;
    while i + 8 <= len {
        // SAFETY: i + 8 <= len, within both slices.
        #[allow(unsafe_code)]
        unsafe {
            let xv = _mm256_loadu_ps(x.as_ptr().add(i));
            let wv = _mm256_loadu_ps(w.as_ptr().add(i));
            let wv = _mm256_fmadd_ps(xv, c1, _mm256_fmadd_ps(_mm256_permute_ps::<0b1011_0001>(xv), c2, wv));
            _mm256_storeu_ps(w.as_mut_ptr().add(i), wv);
        }
        i += 8;
    }
    while i < len {
        let v = Complex::new(x[i], x[i + 1]) * c;
        w[i] += v.re;
        w[i + 1] += v.im;
        i += 2;
    }
}

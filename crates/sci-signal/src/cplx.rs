//! Complex arithmetic done the way NumPy does it, so filter coefficients match SciPy's to the last
//! bits: NumPy's (Smith) division and C99 `csqrt`.

use num_complex::Complex64;

/// `a / b` with NumPy's algorithm (Smith's method).
pub(crate) fn cdiv(a: Complex64, b: Complex64) -> Complex64 {
    let (br, bi) = (b.re, b.im);
    if br.abs() >= bi.abs() {
        if br == 0.0 && bi == 0.0 {
            return Complex64::new(a.re / br.abs(), a.im / br.abs());
        }
        let rat = bi / br;
        let scl = 1.0 / (br + bi * rat);
        Complex64::new((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl)
    } else {
        let rat = br / bi;
        let scl = 1.0 / (bi + br * rat);
        Complex64::new((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl)
    }
}

/// Principal square root, C99 `csqrt` style (branch cut on the negative real axis, sign of the
/// imaginary part follows the input's, exactly conjugate-symmetric).
pub(crate) fn csqrt(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if x == 0.0 && y == 0.0 {
        return Complex64::new(0.0, y);
    }
    let t = ((x.abs() + x.hypot(y)) / 2.0).sqrt();
    if x >= 0.0 {
        Complex64::new(t, y / (2.0 * t))
    } else {
        Complex64::new(y.abs() / (2.0 * t), t.copysign(y))
    }
}

/// `a * s` for a real scalar `s` promoted to complex, as NumPy does (signed zeros included).
pub(crate) fn mul_r(a: Complex64, s: f64) -> Complex64 {
    Complex64::new(a.re * s - a.im * 0.0, a.re * 0.0 + a.im * s)
}

/// `a / s` for a real scalar `s` promoted to complex, as NumPy does (signed zeros included).
pub(crate) fn div_r(a: Complex64, s: f64) -> Complex64 {
    cdiv(a, Complex64::new(s, 0.0))
}

/// Product of all elements, left to right (as `numpy.prod`).
pub(crate) fn cprod(v: &[Complex64]) -> Complex64 {
    v.iter().fold(Complex64::new(1.0, 0.0), |acc, &z| acc * z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqrt_and_div_basics() {
        let s = csqrt(Complex64::new(-4.0, 0.0));
        assert_eq!(s, Complex64::new(0.0, 2.0));
        let s = csqrt(Complex64::new(-4.0, -0.0));
        assert_eq!(s, Complex64::new(0.0, -2.0));
        let q = cdiv(Complex64::new(1.0, 2.0), Complex64::new(3.0, -4.0));
        assert!((q - Complex64::new(-0.2, 0.4)).norm() < 1e-16);
        assert_eq!(cprod(&[]), Complex64::new(1.0, 0.0));
    }
}

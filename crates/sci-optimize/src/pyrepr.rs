//! Python's and NumPy's text of numbers, for error messages that read as SciPy's.

use sci_array::num_complex::Complex64;

/// Python's `repr` of a float (the workspace's one copy, in sci-array).
pub(crate) use sci_array::pyfmt::float_repr as py_float_repr;

/// Python's `repr` of a complex number (NumPy's `str` of a `complex128` is the same): the parts
/// without a trailing `.0`, `(re+imj)`, or `imj` alone when the real part is `+0.0`.
pub(crate) fn py_complex_repr(z: Complex64) -> String {
    let part = |x: f64| {
        let s = py_float_repr(x);
        match s.strip_suffix(".0") {
            Some(t) => t.to_string(),
            None => s,
        }
    };
    let im = part(z.im);
    if z.re == 0.0 && z.re.is_sign_positive() {
        return format!("{im}j");
    }
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part(z.re))
}

#[cfg(test)]
mod tests {
    use super::{py_complex_repr, py_float_repr};
    use sci_array::num_complex::Complex64;

    #[test]
    fn float_repr_as_python() {
        for (x, want) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (123456.0, "123456.0"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (1.5e-5, "1.5e-05"),
            (1e-300, "1e-300"),
            (1e16, "1e+16"),
            (1.2345678901234567e15, "1234567890123456.8"),
            (0.1 + 0.2, "0.30000000000000004"),
            (f64::NAN, "nan"),
        ] {
            assert_eq!(py_float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn complex_repr_as_python() {
        // Python's repr of each value.
        for ((re, im), want) in [
            ((0.0, 2.0), "2j"),
            ((0.0, -1.0), "-1j"),
            ((-0.0, -1.0), "(-0-1j)"),
            ((1.0, 2.0), "(1+2j)"),
            ((1e-5, 2.0), "(1e-05+2j)"),
            ((1.0000000000000002, 1e20), "(1.0000000000000002+1e+20j)"),
            ((0.5, -0.25), "(0.5-0.25j)"),
            ((f64::NAN, 1.0), "(nan+1j)"),
            ((1.0, f64::INFINITY), "(1+infj)"),
            ((1.0, f64::NEG_INFINITY), "(1-infj)"),
            ((0.0, 0.0), "0j"),
        ] {
            assert_eq!(py_complex_repr(Complex64::new(re, im)), want, "{re} {im}");
        }
    }
}

//! Python's text form of a float, for messages that quote NumPy's or SciPy's own (a warning's
//! `rcond = ...`, a `%r` in a format string).

/// Python's `repr(x)` of a float (also NumPy's `str(np.float64(x))`): the shortest digits that
/// read back as `x`, in exponent form with a signed two-digit-minimum exponent (`1e-05`,
/// `2.5e+16`) when the decimal exponent is below `-4` or at least `16`, else positional with a
/// decimal point (`0.25`, `3.0`, `-0.0`); `nan`, `inf`, `-inf`.
///
/// # Examples
///
/// ```
/// use sci_array::pyfmt::float_repr;
/// assert_eq!(float_repr(1e-5), "1e-05");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(1e15), "1000000000000000.0");
/// assert_eq!(float_repr(2.5560824980624142e-17), "2.5560824980624142e-17");
/// assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
/// ```
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        // `Display` is positional here and drops the ".0" of whole numbers
        let s = format!("{x}");
        if s.contains('.') { s } else { s + ".0" }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

/// Python's `'%.{prec}g' % x` (and `format(x, '.{prec}g')`): `prec` significant digits (0 counts
/// as 1), exponent form with a signed two-digit-minimum exponent when the exponent after
/// rounding is below `-4` or at least `prec`, else positional; trailing zeros and a bare decimal
/// point dropped unless `alt` (the `#` flag); `E` instead of `e` when `upper` (`%G`). Non-finite
/// values are `nan`, `inf`, `-inf` (upper case with `upper`).
///
/// # Examples
///
/// ```
/// use sci_array::pyfmt::format_g;
/// assert_eq!(format_g(3.203877335483694e-18, 6, false, false), "3.20388e-18");
/// assert_eq!(format_g(1e-4, 6, false, false), "0.0001");
/// assert_eq!(format_g(999999.5, 6, false, false), "1e+06");
/// assert_eq!(format_g(0.5, 3, false, true), "0.500");
/// assert_eq!(format_g(-0.0, 6, false, false), "-0");
/// ```
pub fn format_g(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let p = prec.max(1);
    // The exponent after rounding to `p` digits decides the form.
    let probe = format!("{x:.*e}", p - 1);
    let (mantissa, exp) = probe.split_once('e').unwrap_or((&probe, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let (body, tail) = if exp >= -4 && exp < p as i64 {
        (format!("{x:.*}", (p as i64 - 1 - exp) as usize), String::new())
    } else {
        let e = if upper { 'E' } else { 'e' };
        (mantissa.to_string(), format!("{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs()))
    };
    let body =
        if !alt && body.contains('.') { body.trim_end_matches('0').trim_end_matches('.') } else { &body };
    format!("{body}{tail}")
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn matches_cpython() {
        // repr() of these in CPython
        for (x, s) in [
            (2.5560824980624142e-17, "2.5560824980624142e-17"),
            (1e17, "1e+17"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (6666666666666667.0, "6666666666666667.0"),
            (1e16, "1e+16"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (0.24, "0.24"),
            (1.5, "1.5"),
            (f64::NAN, "nan"),
            (f64::NEG_INFINITY, "-inf"),
            (-3.5e-300, "-3.5e-300"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ] {
            assert_eq!(float_repr(x), s);
        }
    }
}

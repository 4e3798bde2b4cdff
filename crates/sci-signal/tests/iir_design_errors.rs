//! Bad input for ellip, bessel, iirfilter and the order selection functions (table-driven), and
//! edge cases: order 0 and 1, NaN ripples, infinite frequencies.

use sci_signal::*;

fn arg_is(e: &SignalError, want: &str) -> bool {
    matches!(e, SignalError::InvalidValue { arg, .. } if *arg == want)
}

#[test]
fn bad_input_is_a_typed_error() {
    let lp = BType::Lowpass;
    let cases: Vec<(&str, Result<(), SignalError>, &str)> = vec![
        ("ellip rp = 0", ellip(3, 0.0, 40.0, &[0.2], lp, false, None).map(drop), "rp"),
        ("ellip rp < 0", ellip(3, -1.0, 40.0, &[0.2], lp, false, None).map(drop), "rp"),
        ("ellip rs NaN", ellip(3, 1.0, f64::NAN, &[0.2], lp, false, None).map(drop), "rs"),
        ("ellip rs inf", ellip_zpk(3, 1.0, f64::INFINITY, &[0.2], lp, false, None).map(drop), "rs"),
        ("ellip Wn >= 1", ellip(3, 1.0, 40.0, &[1.0], lp, false, None).map(drop), "Wn"),
        ("ellip Wn = 0", ellip_sos(3, 1.0, 40.0, &[0.0], lp, false, None).map(drop), "Wn"),
        ("ellip Wn >= fs/2", ellip(3, 1.0, 40.0, &[50.0], lp, false, Some(100.0)).map(drop), "Wn"),
        ("ellip fs analog", ellip(3, 1.0, 40.0, &[5.0], lp, true, Some(100.0)).map(drop), "fs"),
        ("ellip Wn pair lowpass", ellip(3, 1.0, 40.0, &[0.1, 0.2], lp, false, None).map(drop), "Wn"),
        ("ellipap rs", ellipap(4, 1.0, -3.0).map(drop), "rs"),
        ("bessel Wn > 1", bessel(3, &[1.2], lp, false, BesselNorm::Phase, None).map(drop), "Wn"),
        (
            "bessel Wn decreasing",
            bessel_zpk(3, &[0.4, 0.2], BType::Bandpass, false, BesselNorm::Mag, None).map(drop),
            "Wn",
        ),
        (
            "bessel scalar Wn for bandstop",
            bessel_sos(3, &[0.4], BType::Bandstop, false, BesselNorm::Delay, None).map(drop),
            "Wn",
        ),
        ("bessel fs <= 0", bessel(3, &[10.0], lp, false, BesselNorm::Phase, Some(0.0)).map(drop), "fs"),
        (
            "iirfilter cheby1 rp",
            iirfilter(3, &[0.2], IirType::Cheby1 { rp: -1.0 }, lp, false, None).map(drop),
            "rp",
        ),
        (
            "iirfilter cheby2 rs",
            iirfilter_zpk(3, &[0.2], IirType::Cheby2 { rs: 0.0 }, lp, false, None).map(drop),
            "rs",
        ),
        (
            "iirfilter ellip rs",
            iirfilter_sos(3, &[0.2], IirType::Ellip { rp: 1.0, rs: f64::NAN }, lp, false, None).map(drop),
            "rs",
        ),
        (
            "iirfilter butter Wn NaN",
            iirfilter(3, &[f64::NAN], IirType::Butter, lp, false, None).map(drop),
            "Wn",
        ),
        ("buttord gpass = 0", buttord(&[0.2], &[0.3], 0.0, 40.0, false, None).map(drop), "gpass"),
        ("buttord gstop < 0", buttord(&[0.2], &[0.3], 3.0, -40.0, false, None).map(drop), "gstop"),
        ("buttord gpass > gstop", buttord(&[0.2], &[0.3], 50.0, 40.0, false, None).map(drop), "gpass"),
        ("cheb1ord wp >= 1", cheb1ord(&[1.0], &[0.3], 3.0, 40.0, false, None).map(drop), "wp"),
        ("cheb1ord ws >= fs/2", cheb1ord(&[100.0], &[600.0], 3.0, 40.0, false, Some(1000.0)).map(drop), "ws"),
        ("cheb2ord ws = 0", cheb2ord(&[0.3], &[0.0], 3.0, 40.0, false, None).map(drop), "ws"),
        ("cheb2ord order 0", cheb2ord(&[0.2], &[0.3], 20.0, 20.0, false, None).map(drop), "gstop"),
        ("ellipord length mismatch", ellipord(&[0.2, 0.5], &[0.3], 3.0, 40.0, false, None).map(drop), "ws"),
        (
            "ellipord three edges",
            ellipord(&[0.1, 0.2, 0.3], &[0.1, 0.2, 0.3], 3.0, 40.0, false, None).map(drop),
            "wp",
        ),
        ("ellipord empty", ellipord(&[], &[], 3.0, 40.0, false, None).map(drop), "wp"),
        ("ellipord fs analog", ellipord(&[10.0], &[20.0], 3.0, 40.0, true, Some(100.0)).map(drop), "fs"),
        ("ellipord fs NaN", ellipord(&[10.0], &[20.0], 3.0, 40.0, false, Some(f64::NAN)).map(drop), "fs"),
        ("buttord wp decreasing", buttord(&[0.5, 0.2], &[0.1, 0.6], 3.0, 40.0, false, None).map(drop), "wp"),
        // Passband and stopband overlap: no valid order (SciPy returns a negative order or NaN).
        (
            "buttord overlapping bands",
            buttord(&[0.2, 0.5], &[0.3, 0.6], 3.0, 40.0, false, None).map(drop),
            "ws",
        ),
        (
            "cheb1ord infinite ws analog",
            cheb1ord(&[1.0], &[f64::INFINITY], 3.0, 40.0, true, None).map(drop),
            "ws",
        ),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(e) => {
                assert!(arg_is(&e, arg), "{name}: wrong error {e:?}");
                assert!(!e.to_string().is_empty());
            }
            Ok(()) => panic!("{name}: expected an error on `{arg}`"),
        }
    }
}

#[test]
fn low_orders() {
    // Order 0: no poles or zeros; ellip gives the passband level -rp dB, bessel gain 1.
    let e = ellipap(0, 2.0, 40.0).unwrap();
    assert!(e.p.is_empty() && (e.k - 10f64.powf(-0.1)).abs() < 1e-15);
    let b = besselap(0, BesselNorm::Mag).unwrap();
    assert!(b.p.is_empty() && b.k == 1.0);
    // Order 1 elliptic = order 1 Chebyshev I: one real pole, -rp dB at 1 rad/s.
    let e = ellipap(1, 1.0, 40.0).unwrap();
    let c = cheb1ap(1, 1.0).unwrap();
    assert!((e.p[0] - c.p[0]).norm() < 1e-15 && (e.k - c.k).abs() < 1e-15);
    // Order 1 Bessel = order 1 Butterworth for the phase norm.
    let b = besselap(1, BesselNorm::Phase).unwrap();
    assert!((b.p[0].re + 1.0).abs() < 1e-15 && b.p[0].im == 0.0);
    // Order selection for a filter that needs order 1.
    let (n, _) = buttord(&[0.2], &[0.9], 3.0, 10.0, false, None).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn high_order_bessel_poles_stay_accurate() {
    // The delay-normalized poles are the roots of the monic reverse Bessel polynomial
    // theta_n(s) = s^n + n(n+1)/2 s^(n-1) + ... + (2n)!/(2^n n!), so they sum to -n(n+1)/2 and
    // their product is (-1)^n (2n)!/(2^n n!) (the gain k).
    for n in [10usize, 20, 30] {
        let z = besselap(n, BesselNorm::Delay).unwrap();
        let sum: f64 = z.p.iter().map(|p| p.re).sum();
        assert!((sum + (n * (n + 1)) as f64 / 2.0).abs() < 1e-12 * (n * n) as f64, "{n}: {sum}");
        let prod = z.p.iter().fold(sci_array::num_complex::Complex64::new(1.0, 0.0), |acc, &p| acc * -p);
        assert!((prod.re - z.k).abs() < 1e-11 * z.k && prod.im.abs() < 1e-11 * z.k, "{n}");
    }
}

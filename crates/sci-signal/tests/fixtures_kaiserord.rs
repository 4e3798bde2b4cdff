//! scipy.signal parity for kaiserord: tests/fixtures/signal_kaiserord.json
//! (written by tools/fixtures/signal_kaiserord.py).

use sci_array::testing::fixture::Fixture;
use sci_signal::*;

#[test]
fn kaiserord_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_kaiserord.json")).unwrap();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_')) {
        let g = |k: &str| format!("{key}/{k}");
        let (n, beta) = kaiserord(fx.f64(&g("ripple")), fx.f64(&g("width"))).unwrap();
        assert_eq!(n as i64, fx.i64(&g("numtaps")), "{key}");
        let want = fx.f64(&g("beta"));
        assert!((beta - want).abs() <= 1e-15 * want.abs().max(1.0), "{key}: {beta} vs {want}");
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn kaiserord_bad_input() {
    let cases = [
        ("ripple < 8", kaiserord(7.9, 0.1), "ripple"),
        ("ripple NaN", kaiserord(f64::NAN, 0.1), "ripple"),
        ("ripple inf", kaiserord(f64::INFINITY, 0.1), "ripple"),
        ("width 0", kaiserord(60.0, 0.0), "width"),
        ("width negative", kaiserord(60.0, -0.1), "width"),
        ("width NaN", kaiserord(60.0, f64::NAN), "width"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
    // The message is SciPy's.
    let e = kaiserord(5.0, 0.1).unwrap_err().to_string();
    assert!(
        e.contains("Requested maximum ripple attenuation 5.000000 is too small for the Kaiser formula."),
        "{e}"
    );
}

//! `quad` against SciPy: value, error estimate, evaluation count, subintervals and `ier`.

use sci_array::testing::fixture::Fixture;
use sci_array::testing::is_close;
use sci_integrate::{IntegrateError, QuadOptions, quad};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quad.json")).expect("fixture")
}

/// The integrands of `tools/fixtures/integrate_quad.py`, by name.
fn integrand(name: &str) -> fn(f64) -> f64 {
    match name {
        "sin" => f64::sin,
        "x2" => |x| x * x,
        "cos_exp_sq" => |x| x.exp().cos().powi(2),
        "sin_cos_x2_plus1" => |x| x.sin() * (x * x).cos() + 1.0,
        "inv_sqrt" => |x| 1.0 / x.sqrt(),
        "log" => f64::ln,
        "exp_neg" => |x| (-x).exp(),
        "gauss" => |x| (-x * x).exp(),
        "lorentz" => |x| 1.0 / (1.0 + x * x),
        "osc" => |x| (50.0 * x).cos(),
        "x_log" => |x| if x > 0.0 { x * x.ln() } else { 0.0 },
        "abs_x_minus_third" => |x| (x - 1.0 / 3.0).abs(),
        "runge" => |x| 1.0 / (1.0 + 25.0 * x * x),
        "sin_over_x" => |x| if x != 0.0 { x.sin() / x } else { 1.0 },
        "one" => |_| 1.0,
        "inv_x2" => |x| 1.0 / (x * x),
        "divergent_inv_x" => |x| 1.0 / x,
        "sin_x_inf" => |x| x.sin() * (-0.1 * x).exp(),
        "x_exp_neg_x2" => |x| x * (-x * x).exp(),
        other => panic!("unknown integrand {other}"),
    }
}

#[test]
fn quad_matches_scipy() {
    let fx = fixture();
    let n = fx.get("quad").as_array().expect("list").len();
    assert!(n >= 20);
    for i in 0..n {
        let p = |k: &str| format!("quad/{i}/{k}");
        let c = fx.get(&format!("quad/{i}"));
        let name = fx.str(&p("f"));
        let (a, b) = (fx.f64(&p("a")), fx.f64(&p("b")));
        let mut opts = QuadOptions::default();
        if c["opts"].get("epsabs").is_some() {
            opts.epsabs = fx.f64(&p("opts/epsabs"));
        }
        if c["opts"].get("epsrel").is_some() {
            opts.epsrel = fx.f64(&p("opts/epsrel"));
        }
        if c["opts"].get("limit").is_some() {
            opts.limit = fx.i64(&p("opts/limit")) as usize;
        }
        let r = quad(integrand(name), a, b, &opts).expect("valid input");
        let what = format!("quad({name}, {a}, {b}, {})", c["opts"]);
        // The same rule, bisection order and extrapolation as QUADPACK: the value agrees to
        // round-off (the order of the final sum over the intervals may differ in the last bits).
        let (value, abserr) = (fx.f64(&p("value")), fx.f64(&p("abserr")));
        assert!(is_close(&r.value, &value, 1e-13, 1e-15), "{what}: {} vs {value}", r.value);
        // Error estimates at round-off level (50 eps |f| terms) differ in their last bits.
        assert!(is_close(&r.abserr, &abserr, 1e-6, 1e-15), "{what}: abserr {} vs {abserr}", r.abserr);
        assert_eq!(r.info.neval as i64, fx.i64(&p("neval")), "{what}: neval");
        assert_eq!(r.info.last as i64, fx.i64(&p("last")), "{what}: last");
        assert_eq!(i64::from(r.info.ier), fx.i64(&p("ier")), "{what}: ier");
        assert_eq!(r.success(), r.info.ier == 0);
    }
}

#[test]
fn quad_bad_input() {
    let f = |x: f64| x;
    let d = QuadOptions::default();
    let table: Vec<(&str, Result<sci_integrate::QuadResult, IntegrateError>)> = vec![
        ("nan a", quad(f, f64::NAN, 1.0, &d)),
        ("nan b", quad(f, 0.0, f64::NAN, &d)),
        ("tolerances", quad(f, 0.0, 1.0, &QuadOptions { epsabs: 0.0, epsrel: 1e-20, ..d })),
        ("negative epsabs", quad(f, 0.0, 1.0, &QuadOptions { epsabs: -1.0, epsrel: 0.0, ..d })),
        ("limit", quad(f, 0.0, 1.0, &QuadOptions { limit: 0, ..d })),
    ];
    for (what, r) in table {
        let e = r.expect_err(what);
        let msg = e.to_string();
        assert!(!msg.is_empty(), "{what}");
        match (what, &e) {
            ("nan a", IntegrateError::NotFinite { arg: "a", .. })
            | ("nan b", IntegrateError::NotFinite { arg: "b", .. })
            | ("tolerances" | "negative epsabs", IntegrateError::InvalidTolerance { .. })
            | ("limit", IntegrateError::InvalidValue { arg: "limit", .. }) => {}
            _ => panic!("{what}: unexpected error {e:?}"),
        }
    }
}

#[test]
fn dblquad_tplquad_fixed_quad_match_scipy() {
    use sci_integrate::{dblquad, fixed_quad, tplquad};
    let fx = fixture();
    let d = QuadOptions::default();
    let inf = f64::INFINITY;
    let check = |got: f64, path: &str| {
        let want = fx.f64(path);
        assert!(is_close(&got, &want, 1e-13, 1e-15), "{path}: {got} vs {want}");
    };
    let r = dblquad(|y, x| x * y, 0.0, 0.5, |_| 0.0, |x| 1.0 - 2.0 * x, &d).unwrap();
    check(r.value, "dblquad/0/value");
    let r = dblquad(|y, x| (-x * y).exp(), 0.0, 1.0, |_| 0.0, |_| 2.0, &d).unwrap();
    check(r.value, "dblquad/1/value");
    let r = dblquad(|y, x| (-x * x - y * y).exp(), -inf, inf, |_| -inf, |_| inf, &d).unwrap();
    check(r.value, "dblquad/2/value");
    let r = tplquad(|z, y, x| x * y * z, 0.0, 1.0, |_| 0.0, |_| 2.0, |_, _| 0.0, |_, _| 3.0, &d).unwrap();
    check(r.value, "tplquad/0/value");
    let r =
        tplquad(|_, _, _| 1.0, 0.0, 1.0, |_| 0.0, |x| 1.0 - x, |_, _| 0.0, |x, y| 1.0 - x - y, &d).unwrap();
    check(r.value, "tplquad/1/value");
    for i in 0..fx.get("fixed_quad").as_array().unwrap().len() {
        let p = |k: &str| format!("fixed_quad/{i}/{k}");
        let f = integrand(fx.str(&p("f")));
        let v = fixed_quad(f, fx.f64(&p("a")), fx.f64(&p("b")), fx.i64(&p("n")) as usize).unwrap();
        check(v, &p("value"));
    }
    // An inner limit that is NaN is reported, not integrated.
    let e = dblquad(|y, x| x * y, 0.0, 1.0, |_| f64::NAN, |_| 1.0, &d).unwrap_err();
    assert!(matches!(e, IntegrateError::NotFinite { arg: "a", .. }), "{e:?}");
    assert!(matches!(fixed_quad(f64::sin, 0.0, 1.0, 0), Err(IntegrateError::InvalidValue { arg: "n", .. })));
    assert!(matches!(fixed_quad(f64::sin, 0.0, inf, 3), Err(IntegrateError::NotFinite { arg: "b", .. })));
}

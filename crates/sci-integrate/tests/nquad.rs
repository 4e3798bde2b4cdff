//! `nquad` against SciPy: values, largest error estimate and evaluation counts, with constant
//! and dependent ranges, infinite ranges and per-level options; bad input.

use sci_array::testing::fixture::Fixture;
use sci_integrate::{IntegrateError, NquadRange, QuadOptions, nquad};

fn fixed(a: f64, b: f64) -> NquadRange<'static> {
    NquadRange::Fixed(a, b)
}

#[test]
fn nquad_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/nquad.json")).expect("fixture");
    let inf = f64::INFINITY;
    let o = |epsabs: f64, epsrel: f64, limit: usize| QuadOptions { epsabs, epsrel, limit };
    let cases: Vec<(&str, Box<dyn FnMut(&[f64]) -> f64>, Vec<NquadRange<'static>>, Vec<QuadOptions>)> = vec![
        ("xy", Box::new(|x| x[0] * x[1]), vec![fixed(0.0, 1.0), fixed(0.0, 2.0)], vec![]),
        ("one_d", Box::new(|x| (-x[0]).exp() * (3.0 * x[0]).sin()), vec![fixed(0.0, inf)], vec![]),
        (
            "gauss2",
            Box::new(|x| (-(x[0] * x[0] + x[1] * x[1])).exp()),
            vec![fixed(-inf, inf), fixed(-inf, inf)],
            vec![],
        ),
        (
            "triangle",
            Box::new(|_| 1.0),
            vec![NquadRange::Func(Box::new(|o| (0.0, o[0]))), fixed(0.0, 1.0)],
            vec![],
        ),
        (
            "dependent3",
            Box::new(|x| (-x[0] * x[1]).exp() * x[2]),
            vec![
                NquadRange::Func(Box::new(|o| (0.0, o[0] + o[1]))),
                NquadRange::Func(Box::new(|o| (0.0, o[0]))),
                fixed(0.0, 1.0),
            ],
            vec![],
        ),
        (
            "poly4",
            Box::new(|x| x[0].powi(2) + x[1] * x[2] - x[3].powi(3) + x[0].sin()),
            vec![fixed(0.0, 1.0), fixed(-1.0, 1.0), fixed(0.13, 0.8), fixed(-0.15, 1.0)],
            vec![],
        ),
        (
            "per_level",
            Box::new(|x| (x[0] * x[1]).cos() * (-x[1]).exp()),
            vec![fixed(0.0, 2.0), fixed(0.0, inf)],
            vec![o(1e-10, 1e-10, 50), o(1e-6, 1e-6, 20)],
        ),
        (
            "one_opts",
            Box::new(|x| (x[0] + x[1]).sqrt()),
            vec![fixed(0.0, 1.0), fixed(0.0, 1.0)],
            vec![o(1e-12, 1e-12, 100)],
        ),
    ];
    for (name, f, ranges, opts) in cases {
        let r = nquad(f, ranges, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let value = fx.f64(&format!("{name}/value"));
        let abserr = fx.f64(&format!("{name}/abserr"));
        // The same nested QUADPACK calls: the same points, so the same counts; the values
        // agree to a few ulp of the sums, the error estimates (from differences of nearly
        // equal rules) to 1e-6.
        assert_eq!(r.neval as i64, fx.i64(&format!("{name}/neval")), "{name}: neval");
        assert!((r.value - value).abs() <= 1e-14 * value.abs(), "{name}: {} vs {value}", r.value);
        assert!((r.abserr - abserr).abs() <= 1e-6 * abserr, "{name}: abserr {} vs {abserr}", r.abserr);
    }
}

#[test]
fn nquad_bad_input() {
    let f = |x: &[f64]| x[0];
    let e = nquad(f, vec![], &[]).unwrap_err();
    assert!(matches!(e, IntegrateError::InvalidValue { arg: "ranges", .. }), "{e:?}");
    let e = nquad(f, vec![fixed(0.0, 1.0)], &[QuadOptions::default(), QuadOptions::default()]).unwrap_err();
    assert!(matches!(e, IntegrateError::InvalidValue { arg: "opts", .. }), "{e:?}");
    let e = nquad(f, vec![fixed(f64::NAN, 1.0)], &[]).unwrap_err();
    assert!(matches!(e, IntegrateError::NotFinite { arg: "a", .. }), "{e:?}");
    // A NaN inner limit is reported, not integrated over.
    let ranges = vec![
        NquadRange::Func(Box::new(|o: &[f64]| (0.0, if o[0] > 0.5 { f64::NAN } else { 1.0 }))),
        fixed(0.0, 1.0),
    ];
    let e = nquad(|_: &[f64]| 1.0, ranges, &[]).unwrap_err();
    assert!(matches!(e, IntegrateError::NotFinite { arg: "b", .. }), "{e:?}");
    let bad = QuadOptions { epsabs: -1.0, epsrel: 0.0, limit: 50 };
    let e = nquad(f, vec![fixed(0.0, 1.0)], &[bad]).unwrap_err();
    assert!(matches!(e, IntegrateError::InvalidTolerance { .. }), "{e:?}");
}

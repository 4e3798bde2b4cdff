//! `newton_cotes` against SciPy: the exact table, the Vandermonde formula, bad input.

use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_integrate::{IntegrateError, NewtonCotesNodes, newton_cotes};

#[test]
fn newton_cotes_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/newton_cotes.json"))
        .expect("fixture");
    let n = fx.get("cases").as_array().expect("list").len();
    assert!(n >= 25);
    for i in 0..n {
        let p = |k: &str| format!("cases/{i}/{k}");
        let c = fx.get(&format!("cases/{i}"));
        let equal = c["equal"].as_bool().expect("equal");
        let positions: Vec<f64>;
        let (rn, table) = match c.get("order") {
            Some(o) => {
                let o = o.as_u64().expect("order") as usize;
                (NewtonCotesNodes::Order(o), o <= 14)
            }
            None => {
                positions = fx.array_f64(&p("positions")).iter().copied().collect();
                let unit = positions.windows(2).all(|w| w[1] - w[0] == 1.0);
                let table = (equal || unit) && positions.len() <= 15;
                (NewtonCotesNodes::Positions(&positions), table)
            }
        };
        let (w, b) = newton_cotes(rn, equal).unwrap_or_else(|e| panic!("case {i}: {e}"));
        // The table is exact rational arithmetic in the same order: equal to the last bit.
        // Beyond it the weights come from inverting a Vandermonde matrix: our LU and NumPy's
        // LAPACK round differently, and after the refinement the weights agree to 1e-9.
        // B_N is then N/(N+2) minus a sum of nearly the same size, times N^(N+2)/(N+2)!
        // (3e5 for N = 15): a cancellation that leaves SciPy's own value wrong in the 6th
        // digit at N = 15 (exact -0.0064289929, SciPy -0.0064289839, ours -0.0064289278) and
        // in the sign at N = 24 (exact -0.00161, SciPy +0.0878). B_N is compared to 1e-8 for
        // N <= 8, to 1e-4 for N <= 16, and not beyond (the weights still are).
        let n_int = w.len() - 1;
        let (rtol, btol) = if table {
            (1e-15, 1e-15)
        } else if n_int <= 8 {
            (1e-9, 1e-8)
        } else {
            (1e-9, 1e-4)
        };
        let want = fx.array_f64(&p("w"));
        check_allclose(&w.view().into_dyn(), &want, rtol, 0.0).unwrap_or_else(|m| panic!("case {i}: w {m}"));
        let bw = fx.f64(&p("b"));
        if table || n_int <= 16 {
            assert!((b - bw).abs() <= btol * bw.abs(), "case {i}: B_N {b} vs {bw}");
        }
    }
}

#[test]
fn newton_cotes_bad_input() {
    let table: Vec<(&str, NewtonCotesNodes<'_>)> = vec![
        ("rn", NewtonCotesNodes::Order(0)),
        ("rn", NewtonCotesNodes::Order(201)),
        ("rn", NewtonCotesNodes::Order(usize::MAX)),
        ("rn", NewtonCotesNodes::Positions(&[])),
        ("rn", NewtonCotesNodes::Positions(&[0.0])),
        ("rn", NewtonCotesNodes::Positions(&[0.0, 1.0, 3.0, 4.0])),
        ("rn", NewtonCotesNodes::Positions(&[0.0, 1.5, 3.0])),
        ("rn", NewtonCotesNodes::Positions(&[0.0, f64::NAN, 2.0])),
        ("rn", NewtonCotesNodes::Positions(&[0.0, 1.0, f64::INFINITY])),
    ];
    for (arg, rn) in table {
        let e = newton_cotes(rn, false).expect_err(arg);
        match &e {
            IntegrateError::NotFinite { arg: a, .. } | IntegrateError::InvalidValue { arg: a, .. } => {
                assert_eq!(*a, arg, "{rn:?}")
            }
            other => panic!("{rn:?}: unexpected {other:?}"),
        }
    }
    // equal = true replaces the positions by 0..N, as SciPy does.
    let (w, _) = newton_cotes(NewtonCotesNodes::Positions(&[0.0, 1.5, 3.0]), true).unwrap();
    assert_eq!(w.to_vec(), vec![1.0 / 3.0, 4.0 / 3.0, 1.0 / 3.0]);
}

//! `quadratic_assignment` against SciPy fixtures (col_ind, fun and nit exactly, seeded cases on
//! NumPy's PCG64 stream); bad input; views.

use sci_array::ndarray::{Array2, Ix2, array, s};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    OptimizeError, QapInit, QapMethod, QuadraticAssignmentOptions, QuadraticAssignmentResult,
    quadratic_assignment,
};

fn pairs(fx: &Fixture, path: &str) -> Vec<(usize, usize)> {
    let p = fx.array_i64(path).into_dimensionality::<Ix2>().unwrap();
    p.rows().into_iter().map(|r| (r[0] as usize, r[1] as usize)).collect()
}

#[test]
fn qap_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_qap.json")).unwrap();
    let mut n_ok = 0;
    let mut n_err = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let has = |k: &str| fx.get(&key).get(k).is_some();
        let a = fx.array_f64(&c("A")).into_dimensionality::<Ix2>().unwrap();
        let b = fx.array_f64(&c("B")).into_dimensionality::<Ix2>().unwrap();
        let method = match fx.str(&c("method")) {
            "faq" => QapMethod::Faq,
            _ => QapMethod::TwoOpt,
        };
        let seed = fx.i64(&c("seed"));
        let mut o = QuadraticAssignmentOptions {
            maximize: fx.get(&c("maximize")).as_bool().unwrap(),
            seed: (seed >= 0).then_some(seed as u64),
            shuffle_input: fx.get(&c("shuffle_input")).as_bool().unwrap(),
            ..Default::default()
        };
        if has("partial_match") {
            o.partial_match = pairs(&fx, &c("partial_match"));
        }
        if has("partial_guess") {
            o.partial_guess = pairs(&fx, &c("partial_guess"));
        }
        if has("maxiter") {
            o.maxiter = Some(fx.i64(&c("maxiter")) as usize);
        }
        if has("tol") {
            o.tol = Some(fx.f64(&c("tol")));
        }
        if has("P0") {
            o.p0 = Some(match fx.get(&c("P0")).as_str() {
                Some("barycenter") => QapInit::Barycenter,
                Some("randomized") => QapInit::Randomized,
                _ => QapInit::Matrix(fx.array_f64(&c("P0")).into_dimensionality::<Ix2>().unwrap()),
            });
        }
        let got = quadratic_assignment(&a, &b, method, &o);
        if has("error") {
            let want = fx.str(&c("error"));
            match got {
                // SciPy fails inside NumPy's masked assignment there; sci names the conflict.
                Err(OptimizeError::InvalidValue { arg: "partial_guess", reason })
                    if want.starts_with("NumPy") =>
                {
                    assert_eq!(reason, "`partial_guess` contradicts `partial_match`", "{key}")
                }
                Err(OptimizeError::InvalidValue { reason, .. }) => assert_eq!(reason, want, "{key}"),
                other => panic!("{key}: expected the error {want:?}, got {other:?}"),
            }
            n_err += 1;
        } else {
            let r = got.unwrap_or_else(|e| panic!("{key}: {e}"));
            let want: Vec<usize> = fx.array_i64(&c("col_ind")).iter().map(|&v| v as usize).collect();
            assert_eq!(r.col_ind.to_vec(), want, "{key}: col_ind");
            let fun = fx.f64(&c("fun"));
            assert!(r.fun == fun || (r.fun.is_nan() && fun.is_nan()), "{key}: fun {} vs {fun}", r.fun);
            assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
            n_ok += 1;
        }
    }
    assert!(n_ok >= 70 && n_err >= 25, "only {n_ok} results and {n_err} errors");
}

fn chr12c_like() -> (Array2<f64>, Array2<f64>) {
    let a = Array2::from_shape_fn((9, 9), |(i, j)| ((i * 5 + j * 3) % 7) as f64 * f64::from(i != j));
    let b = Array2::from_shape_fn((9, 9), |(i, j)| ((i * i + 2 * j) % 11) as f64);
    (a, b)
}

/// Strided views give the answer of the owned copies.
#[test]
fn non_contiguous_views() {
    let (a, b) = chr12c_like();
    let big_a = Array2::from_shape_fn((18, 9), |(i, j)| if i % 2 == 0 { a[[i / 2, j]] } else { -1.0 });
    let view_a = big_a.slice(s![..;2, ..]);
    let bt = b.t().to_owned();
    for method in [QapMethod::Faq, QapMethod::TwoOpt] {
        let o = QuadraticAssignmentOptions { seed: Some(5), ..Default::default() };
        let want = quadratic_assignment(&a, &b, method, &o).unwrap();
        assert_eq!(quadratic_assignment(&view_a, &bt.t(), method, &o).unwrap(), want);
    }
}

/// A `P0` matrix in column-major memory gives the answer of its row-major copy.
#[test]
fn p0_column_major() {
    use sci_array::ndarray::ShapeBuilder;
    let (a, b) = chr12c_like();
    let p0 = Array2::from_shape_fn((9, 9), |(i, j)| if (i + 2 * j) % 3 == 0 { 1.0 / 3.0 } else { 0.0 });
    let mut p0_f = Array2::zeros((9, 9).f());
    p0_f.assign(&p0);
    assert!(!p0_f.is_standard_layout());
    let opts = |p| QuadraticAssignmentOptions {
        p0: Some(QapInit::Matrix(p)),
        maxiter: Some(4),
        ..Default::default()
    };
    let want = quadratic_assignment(&a, &b, QapMethod::Faq, &opts(p0)).unwrap();
    assert!(want.nit > 1);
    assert_eq!(quadratic_assignment(&a, &b, QapMethod::Faq, &opts(p0_f)).unwrap(), want);
}

/// The objective reported is the one of `col_ind`; 2-opt cannot be improved by any swap.
#[test]
fn invariants() {
    let (a, b) = chr12c_like();
    let obj = |p: &[usize]| -> f64 {
        let n = p.len();
        (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).map(|(i, j)| a[[i, j]] * b[[p[i], p[j]]]).sum()
    };
    for maximize in [false, true] {
        for method in [QapMethod::Faq, QapMethod::TwoOpt] {
            let o = QuadraticAssignmentOptions { maximize, seed: Some(1), ..Default::default() };
            let QuadraticAssignmentResult { col_ind, fun, .. } =
                quadratic_assignment(&a, &b, method, &o).unwrap();
            let mut p = col_ind.to_vec();
            assert_eq!(obj(&p), fun);
            let mut sorted = p.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..9).collect::<Vec<_>>());
            if method == QapMethod::TwoOpt {
                for i in 0..9 {
                    for j in i + 1..9 {
                        p.swap(i, j);
                        let f = obj(&p);
                        assert!(if maximize { f <= fun } else { f >= fun }, "swap {i} {j}");
                        p.swap(i, j);
                    }
                }
            }
        }
    }
}

/// Bad input: each argument and SciPy's message (more cases in the fixture).
#[test]
fn bad_input() {
    let i3 = Array2::<f64>::eye(3);
    let i4 = Array2::<f64>::eye(4);
    let d = QuadraticAssignmentOptions::default;
    let faq = QapMethod::Faq;
    let two = QapMethod::TwoOpt;
    let cases: Vec<(Array2<f64>, Array2<f64>, QapMethod, QuadraticAssignmentOptions, &str, &str)> = vec![
        (Array2::zeros((2, 3)), i3.clone(), faq, d(), "A", "`A` must be square"),
        (i3.clone(), Array2::zeros((3, 2)), two, d(), "B", "`B` must be square"),
        (i3.clone(), i4.clone(), faq, d(), "B", "`A` and `B` matrices must be of equal size"),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions { partial_match: vec![(0, 0), (1, 1), (2, 2), (0, 1)], ..d() },
            "partial_match",
            "`partial_match` can have only as many seeds as there are nodes",
        ),
        (
            i3.clone(),
            i3.clone(),
            two,
            QuadraticAssignmentOptions { partial_match: vec![(0, 3)], ..d() },
            "partial_match",
            "`partial_match` entries must be less than number of nodes",
        ),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions { partial_match: vec![(0, 1), (0, 2)], ..d() },
            "partial_match",
            "`partial_match` column entries must be unique",
        ),
        (
            i3.clone(),
            i3.clone(),
            two,
            QuadraticAssignmentOptions { partial_guess: vec![(0, 1), (2, 1)], ..d() },
            "partial_guess",
            "`partial_guess` column entries must be unique",
        ),
        (
            i3.clone(),
            i3.clone(),
            two,
            QuadraticAssignmentOptions {
                partial_guess: vec![(0, 1), (1, 0)],
                partial_match: vec![(0, 0)],
                ..d()
            },
            "partial_guess",
            "`partial_guess` contradicts `partial_match`",
        ),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions { maxiter: Some(0), ..d() },
            "maxiter",
            "'maxiter' must be a positive integer",
        ),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions { tol: Some(f64::NAN), ..d() },
            "tol",
            "'tol' must be a positive float",
        ),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions { p0: Some(QapInit::Matrix(Array2::eye(2))), ..d() },
            "P0",
            "`P0` matrix must have shape m' x m', where m'=n-m",
        ),
        (
            i3.clone(),
            i3.clone(),
            faq,
            QuadraticAssignmentOptions {
                p0: Some(QapInit::Matrix(Array2::from_elem((3, 3), f64::NAN))),
                ..d()
            },
            "P0",
            "`P0` matrix must be doubly stochastic",
        ),
        (
            array![[0.0, f64::INFINITY], [1.0, 0.0]],
            Array2::ones((2, 2)),
            faq,
            d(),
            "cost_matrix",
            "cost matrix is infeasible", // SciPy's message here too
        ),
    ];
    for (k, (a, b, method, o, arg, msg)) in cases.into_iter().enumerate() {
        match quadratic_assignment(&a, &b, method, &o) {
            Err(OptimizeError::InvalidValue { arg: got_arg, reason }) => {
                assert_eq!((got_arg, reason.as_str()), (arg, msg), "case {k}")
            }
            other => panic!("case {k}: expected {msg:?}, got {other:?}"),
        }
    }
    // Options of the other method.
    let unsupported = [
        (faq, QuadraticAssignmentOptions { partial_guess: vec![(0, 0)], ..d() }, "partial_guess"),
        (two, QuadraticAssignmentOptions { p0: Some(QapInit::Barycenter), ..d() }, "P0"),
        (two, QuadraticAssignmentOptions { shuffle_input: true, ..d() }, "shuffle_input"),
        (two, QuadraticAssignmentOptions { maxiter: Some(3), ..d() }, "maxiter"),
        (two, QuadraticAssignmentOptions { tol: Some(0.1), ..d() }, "tol"),
    ];
    for (method, o, option) in unsupported {
        assert_eq!(
            quadratic_assignment(&i3, &i3, method, &o),
            Err(OptimizeError::UnsupportedOption { method: method.name(), option })
        );
    }
}

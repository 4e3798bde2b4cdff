//! The boolean dissimilarities, jensenshannon, mahalanobis, seuclidean, directed_hausdorff,
//! the validity checks and the new pdist/cdist metrics against SciPy 1.17
//! (`tools/fixtures/spatial_distance.py`).

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_spatial::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/distance.json")).expect("fixture")
}

fn a1(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().expect("1-d")
}

fn a2(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().expect("2-d")
}

/// Equal within `rtol`, NaN matching NaN and infinities matching exactly.
fn close(got: f64, want: f64, rtol: f64) -> bool {
    (got.is_nan() && want.is_nan()) || got == want || (got - want).abs() <= rtol * want.abs()
}

type BoolFn = fn(&Array1<f64>, &Array1<f64>, Option<&[f64]>) -> Result<f64>;

fn bool_fns() -> Vec<(&'static str, BoolFn)> {
    vec![
        ("dice", |u, v, w| dice(u, v, w)),
        ("jaccard", |u, v, w| jaccard(u, v, w)),
        ("rogerstanimoto", |u, v, w| rogerstanimoto(u, v, w)),
        ("russellrao", |u, v, w| russellrao(u, v, w)),
        ("sokalsneath", |u, v, w| sokalsneath(u, v, w)),
        ("yule", |u, v, w| yule(u, v, w)),
    ]
}

#[test]
fn boolean_dissimilarities_match_scipy() {
    let fx = fixture();
    let n = fx.get("boolean").as_array().unwrap().len();
    for c in 0..n {
        let p = |k: &str| format!("boolean/{c}/{k}");
        let (u, v, w, w0) = (a1(&fx, &p("u")), a1(&fx, &p("v")), a1(&fx, &p("w")), a1(&fx, &p("w0")));
        for (name, f) in bool_fns() {
            for (tag, weights) in
                [("", None), ("_w", Some(w.as_slice().unwrap())), ("_w0", Some(w0.as_slice().unwrap()))]
            {
                let key = p(&format!("{name}{tag}"));
                let got = f(&u, &v, weights);
                if fx.get(&key).as_str() == Some("error") {
                    assert!(got.is_err(), "{key}: SciPy raises, got {got:?}");
                } else {
                    let want = fx.f64(&key);
                    let got = got.unwrap_or_else(|e| panic!("{key}: {e}"));
                    // Counting (and dyadic values): the same sums in any order.
                    assert!(close(got, want, 1e-15), "{key}: {got} vs {want}");
                }
            }
        }
        // The boolean inputs give the same values as bools.
        if fx.i64(&p("is_bool")) == 1 {
            let (ub, vb) = (u.mapv(|x| x != 0.0), v.mapv(|x| x != 0.0));
            assert!(close(yule(&ub, &vb, None).unwrap(), yule(&u, &v, None).unwrap(), 0.0));
            assert!(close(dice(&ub, &vb, None).unwrap(), dice(&u, &v, None).unwrap(), 0.0));
        }
    }
    // Non-contiguous views and integer input.
    let u = array![1, 0, 1, 1, 0, 0, 1, 0];
    let v = array![1, 1, 0, 1, 0, 1, 1, 0];
    let us = u.slice(s![..;2]);
    let vs = v.slice(s![..;2]);
    assert_eq!(jaccard(&us, &vs, None).unwrap(), 1.0 / 3.0);
    assert_eq!(russellrao(&us, &vs, None).unwrap(), 0.5);
}

#[test]
fn jensenshannon_matches_scipy() {
    let fx = fixture();
    let n = fx.get("jensenshannon").as_array().unwrap().len();
    for c in 0..n {
        let p = |k: &str| format!("jensenshannon/{c}/{k}");
        let base = if fx.get(&p("base")).as_str() == Some("none") { None } else { Some(fx.f64(&p("base"))) };
        let got = jensenshannon(&a1(&fx, &p("p")), &a1(&fx, &p("q")), base).unwrap();
        let want = fx.f64(&p("d"));
        // The same NumPy pairwise sums; the logarithms may differ by an ulp.
        assert!(close(got, want, 1e-14), "case {c}: {got} vs {want}");
    }
    let (p2, q2) = (a2(&fx, "jensenshannon_2d/p"), a2(&fx, "jensenshannon_2d/q"));
    for (key, axis, base) in
        [("axis0", Axis(0), None), ("axis1", Axis(1), None), ("axis1_base2", Axis(1), Some(2.0))]
    {
        let got = jensenshannon_axis(&p2, &q2, base, axis).unwrap();
        check_allclose(&got, &a1(&fx, &format!("jensenshannon_2d/{key}")), 1e-14, 0.0).unwrap();
    }
    // Transposed input: the rows of p.T are the columns of p.
    let got = jensenshannon_axis(&p2.t(), &q2.t(), None, Axis(1)).unwrap();
    check_allclose(&got, &a1(&fx, "jensenshannon_2d/axis0"), 1e-14, 0.0).unwrap();
}

#[test]
fn mahalanobis_seuclidean_match_scipy() {
    let fx = fixture();
    for c in 0..fx.get("mahalanobis").as_array().unwrap().len() {
        let p = |k: &str| format!("mahalanobis/{c}/{k}");
        let got = mahalanobis(&a1(&fx, &p("u")), &a1(&fx, &p("v")), &a2(&fx, &p("VI"))).unwrap();
        let want = fx.f64(&p("d"));
        // BLAS dot products sum in another order.
        assert!(close(got, want, 1e-13), "case {c}: {got} vs {want}");
    }
    for c in 0..fx.get("seuclidean").as_array().unwrap().len() {
        let p = |k: &str| format!("seuclidean/{c}/{k}");
        let got = seuclidean(&a1(&fx, &p("u")), &a1(&fx, &p("v")), &a1(&fx, &p("V"))).unwrap();
        let want = fx.f64(&p("d"));
        // SciPy's norm is BLAS dnrm2 (scaled sum of squares).
        assert!(close(got, want, 1e-14), "case {c}: {got} vs {want}");
    }
}

#[test]
fn directed_hausdorff_matches_scipy() {
    let fx = fixture();
    for c in 0..fx.get("hausdorff").as_array().unwrap().len() {
        let p = |k: &str| format!("hausdorff/{c}/{k}");
        let (u, v) = (a2(&fx, &p("u")), a2(&fx, &p("v")));
        for (key, a, b) in [("uv", &u, &v), ("vu", &v, &u)] {
            let want = a1(&fx, &p(key));
            for seed in [0, 1, 12345] {
                let (d, i, j) = directed_hausdorff(a, b, seed).unwrap();
                assert!(close(d, want[0], 1e-15), "case {c} {key}: {d} vs {}", want[0]);
                // Continuous random points: the pair is unique.
                assert_eq!((i as f64, j as f64), (want[1], want[2]), "case {c} {key}");
            }
        }
    }
    // Ties: the pair SciPy reports, from its visiting order.
    for c in 0..fx.get("hausdorff_ties").as_array().unwrap().len() {
        let p = |k: &str| format!("hausdorff_ties/{c}/{k}");
        let (u, v) = (a2(&fx, &p("u")), a2(&fx, &p("v")));
        for (key, seed) in [("seed0", 0), ("seed7", 7)] {
            let want = a1(&fx, &p(key));
            let (d, i, j) = directed_hausdorff(&u, &v, seed).unwrap();
            assert_eq!([d, i as f64, j as f64], [want[0], want[1], want[2]], "tie case {c} {key}");
        }
    }
    // Identical sets give distance 0 and a pair of equal points.
    let x = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]];
    let (d, i, j) = directed_hausdorff(&x, &x, 7).unwrap();
    assert_eq!(d, 0.0);
    assert_eq!(x.row(i), x.row(j));
    // Against the definition, on a strided view.
    let big = Array2::from_shape_fn((40, 2), |(i, j)| ((i * 7 + j * 3) % 11) as f64 + 0.1 * i as f64);
    let sub = big.slice(s![..;3, ..]);
    let (d, _, _) = directed_hausdorff(&big, &sub, 0).unwrap();
    let brute = (0..40)
        .map(|i| {
            (0..sub.nrows())
                .map(|j| (&big.row(i) - &sub.row(j)).mapv(|t| t * t).sum().sqrt())
                .fold(f64::INFINITY, f64::min)
        })
        .fold(0.0, f64::max);
    assert_eq!(d, brute);
}

#[test]
fn new_pdist_metrics_match_scipy() {
    let fx = fixture();
    let (xb, yb, xn) = (a2(&fx, "pdist/Xb"), a2(&fx, "pdist/Yb"), a2(&fx, "pdist/Xn"));
    let metrics = [
        ("dice", Metric::Dice),
        ("jaccard", Metric::Jaccard),
        ("rogerstanimoto", Metric::RogersTanimoto),
        ("russellrao", Metric::RussellRao),
        ("sokalsneath", Metric::SokalSneath),
        ("yule", Metric::Yule),
    ];
    for (name, m) in metrics {
        check_allclose(&pdist(&xb, m).unwrap(), &a1(&fx, &format!("pdist/pdist_bool_{name}")), 1e-15, 0.0)
            .unwrap_or_else(|e| panic!("pdist {name}: {e}"));
        check_allclose(
            &cdist(&xb, &yb, m).unwrap(),
            &a2(&fx, &format!("pdist/cdist_bool_{name}")),
            1e-15,
            0.0,
        )
        .unwrap_or_else(|e| panic!("cdist {name}: {e}"));
        check_allclose(&pdist(&xn, m).unwrap(), &a1(&fx, &format!("pdist/pdist_num_{name}")), 1e-15, 0.0)
            .unwrap_or_else(|e| panic!("pdist numeric {name}: {e}"));
    }
    let (xp, yp) = (a2(&fx, "pdist/Xp"), a2(&fx, "pdist/Yp"));
    // The C kernel sums sequentially; logarithms may differ by an ulp.
    check_allclose(&pdist(&xp, Metric::JensenShannon).unwrap(), &a1(&fx, "pdist/pdist_js"), 1e-14, 0.0)
        .unwrap();
    check_allclose(&cdist(&xp, &yp, Metric::JensenShannon).unwrap(), &a2(&fx, "pdist/cdist_js"), 1e-14, 0.0)
        .unwrap();
}

#[test]
fn validity_checks_match_scipy() {
    let fx = fixture();
    for c in 0..fx.get("valid_dm").as_array().unwrap().len() {
        let p = |k: &str| format!("valid_dm/{c}/{k}");
        let (d, tol) = (a2(&fx, &p("d")), fx.f64(&p("tol")));
        let name = fx.str(&p("name"));
        assert_eq!(is_valid_dm(&d, tol), fx.i64(&p("valid")) == 1, "{name}");
        assert_eq!(check_valid_dm(&d, tol).is_ok(), fx.i64(&p("valid")) == 1, "{name}");
        let want = fx.i64(&p("num_obs"));
        match num_obs_dm(&d) {
            Ok(k) => assert_eq!(k as i64, want, "{name}"),
            Err(e) => assert_eq!(want, -1, "{name}: {e}"),
        }
    }
    for c in 0..fx.get("valid_y").as_array().unwrap().len() {
        let p = |k: &str| format!("valid_y/{c}/{k}");
        let y = Array1::<f64>::zeros(fx.i64(&p("len")) as usize);
        assert_eq!(is_valid_y(&y), fx.i64(&p("valid")) == 1, "length {}", y.len());
        let want = fx.i64(&p("num_obs"));
        match num_obs_y(&y) {
            Ok(k) => assert_eq!(k as i64, want, "length {}", y.len()),
            Err(_) => assert_eq!(want, -1, "length {}", y.len()),
        }
    }
    // Wrong dimensions.
    assert!(!is_valid_dm(&array![0.0, 1.0], 0.0));
    assert!(!is_valid_y(&array![[0.0]]));
    assert!(num_obs_y(&Array2::<f64>::zeros((2, 2))).is_err());
    // squareform round trip is valid.
    let y = array![1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let d = squareform(&y).unwrap();
    assert!(is_valid_dm(&d, 0.0) && is_valid_y(&y));
    assert_eq!((num_obs_dm(&d).unwrap(), num_obs_y(&y).unwrap()), (4, 4));
}

#[test]
fn bad_input() {
    let u = array![1.0, 0.0, 1.0];
    let v2 = array![1.0, 0.0];
    let eye = Array2::<f64>::eye(3);
    let pts = array![[0.0, 0.0], [1.0, 1.0]];
    let table: Vec<(&str, SpatialError)> = vec![
        ("dice lengths", dice(&u, &v2, None).unwrap_err()),
        ("jaccard w length", jaccard(&u, &u, Some(&[1.0])).unwrap_err()),
        ("yule negative w", yule(&u, &u, Some(&[1.0, -1.0, 1.0])).unwrap_err()),
        (
            "rogerstanimoto empty",
            rogerstanimoto(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0), None).unwrap_err(),
        ),
        (
            "russellrao empty",
            russellrao(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0), None).unwrap_err(),
        ),
        (
            "sokalsneath all false",
            sokalsneath(&array![false, false], &array![false, false], None).unwrap_err(),
        ),
        ("jensenshannon lengths", jensenshannon(&u, &v2, None).unwrap_err()),
        ("jensenshannon_axis shapes", jensenshannon_axis(&eye, &pts, None, Axis(0)).unwrap_err()),
        ("jensenshannon_axis axis", jensenshannon_axis(&eye, &eye, None, Axis(2)).unwrap_err()),
        ("mahalanobis lengths", mahalanobis(&u, &v2, &eye).unwrap_err()),
        ("mahalanobis VI", mahalanobis(&v2, &v2, &eye).unwrap_err()),
        ("seuclidean V length", seuclidean(&u, &u, &v2).unwrap_err()),
        ("seuclidean negative V", seuclidean(&u, &u, &array![1.0, -1.0, 1.0]).unwrap_err()),
        ("seuclidean zero V", seuclidean(&u, &array![1.0, 1.0, 1.0], &array![1.0, 0.0, 1.0]).unwrap_err()),
        ("hausdorff columns", directed_hausdorff(&pts, &eye, 0).unwrap_err()),
        ("hausdorff NaN", directed_hausdorff(&array![[f64::NAN, 0.0]], &pts, 0).unwrap_err()),
        ("hausdorff empty", directed_hausdorff(&Array2::<f64>::zeros((0, 2)), &pts, 0).unwrap_err()),
        ("check_valid_dm non-square", check_valid_dm(&pts.slice(s![..1, ..]), 0.0).unwrap_err()),
        ("check_valid_dm asymmetric", check_valid_dm(&array![[0.0, 1.0], [2.0, 0.0]], 0.0).unwrap_err()),
        ("check_valid_y length", check_valid_y(&array![1.0, 2.0]).unwrap_err()),
        ("num_obs_y empty", num_obs_y(&Array1::<f64>::zeros(0)).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "dice lengths"
            | "jaccard w length"
            | "jensenshannon lengths"
            | "mahalanobis lengths"
            | "mahalanobis VI"
            | "seuclidean V length" => matches!(e, SpatialError::LengthMismatch { .. }),
            "seuclidean zero V" | "hausdorff NaN" => matches!(e, SpatialError::NotFinite { .. }),
            "hausdorff columns" => matches!(e, SpatialError::DimensionMismatch { .. }),
            "check_valid_y length" => matches!(e, SpatialError::NotCondensed { len: 2 }),
            _ => matches!(e, SpatialError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
    // Messages name the argument and the values.
    let e = dice(&u, &v2, None).unwrap_err();
    assert_eq!(e.to_string(), "`v` must have length 3, got 2");
    let e = check_valid_dm(&array![[0.0, 1.0], [2.0, 0.0]], 0.0).unwrap_err();
    assert_eq!(e.to_string(), "`D` must be symmetric, got D[0, 1] = 1 but D[1, 0] = 2");
}

//! Histograms and binning against NumPy (fixtures from `tools/fixtures/array_histograms.py`).

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_histograms.json")).unwrap()
}

fn v1(f: &Fixture, k: &str) -> Array1<f64> {
    f.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn histogram_matches_numpy() {
    let f = fx();
    let x = v1(&f, "x");
    let w = v1(&f, "w");
    let edges = v1(&f, "edges").to_vec();
    let cases: Vec<(&str, Bins, Option<(f64, f64)>, bool, Option<&Array1<f64>>)> = vec![
        ("c10", Bins::Count(10), None, false, None),
        ("c7_range", Bins::Count(7), Some((-1.5, 2.0)), false, None),
        ("c10_density", Bins::Count(10), None, true, None),
        ("c5_w", Bins::Count(5), None, false, Some(&w)),
        ("edges", Bins::Edges(edges.clone()), None, false, None),
        ("edges_w_density", Bins::Edges(edges), None, true, Some(&w)),
    ];
    for (name, bins, range, density, weights) in cases {
        let (h, e) = histogram(&x, &bins, range, density, weights).unwrap();
        // Weighted sums are accumulated in another order than NumPy's cumulative sums.
        assert_allclose(&h, &v1(&f, &format!("hist_{name}/h")), 1e-13, 0.0);
        assert_array_equal(&e, &v1(&f, &format!("hist_{name}/e")));
    }
    let (h, e) = histogram(&Array1::from_elem(4, 2.0), &Bins::Count(3), None, false, None).unwrap();
    assert_array_equal(&h, &v1(&f, "hist_c3_const/h"));
    assert_array_equal(&e, &v1(&f, "hist_c3_const/e"));
    // Integers and views.
    let (h, _) = histogram(&array![1, 2, 2, 3], &Bins::Count(2), None, false, None).unwrap();
    assert_eq!(h, array![1.0, 3.0]);
    let (h, _) =
        histogram(&x.slice(sci_array::ndarray::s![..;-1]), &Bins::Count(10), None, false, None).unwrap();
    assert_array_equal(&h, &v1(&f, "hist_c10/h"));
}

#[test]
fn histogram2d_matches_numpy() {
    let f = fx();
    let (x, y, w) = (v1(&f, "x"), v1(&f, "y"), v1(&f, "w"));
    let (h, xe, ye) = histogram2d(&x, &y, [&Bins::Count(5), &Bins::Count(4)], None, false, None).unwrap();
    assert_array_equal(&h.into_dyn(), &f.array_f64("hist2d/h"));
    assert_array_equal(&xe.into_dyn(), &f.array_f64("hist2d/xe"));
    assert_array_equal(&ye.into_dyn(), &f.array_f64("hist2d/ye"));
    let r = Some([(-1.0, 1.0), (-2.0, 2.0)]);
    let (h, _, _) = histogram2d(&x, &y, [&Bins::Count(4), &Bins::Count(3)], r, true, Some(w.view())).unwrap();
    assert_allclose(&h.into_dyn(), &f.array_f64("hist2d_rd/h"), 1e-13, 0.0);
}

#[test]
fn bincount_and_digitize_match_numpy() {
    let f = fx();
    let xi = f.array_i64("xi").into_dimensionality::<Ix1>().unwrap();
    let w = v1(&f, "w");
    let to_i64 = |a: Array1<usize>| a.mapv(|v| v as i64).into_dyn();
    assert_array_equal(&to_i64(bincount(&xi, 0).unwrap()), &f.array_i64("bincount"));
    assert_array_equal(&to_i64(bincount(&xi, 15).unwrap()), &f.array_i64("bincount_min"));
    let bw = bincount_weighted(&xi, &w.slice(sci_array::ndarray::s![..50]), 0).unwrap();
    assert_allclose(&bw.into_dyn(), &f.array_f64("bincount_w"), 1e-14, 0.0);
    assert_eq!(bincount(&Array1::<i32>::zeros(0), 0).unwrap().len(), 0);

    let xd = v1(&f, "xd");
    let inc = v1(&f, "bins_inc");
    let dec: Array1<f64> = inc.iter().rev().copied().collect();
    let d =
        |b: &Array1<f64>, right: bool| digitize(&xd, &b.view(), right).unwrap().mapv(|v| v as i64).into_dyn();
    assert_array_equal(&d(&inc, false), &f.array_i64("digitize/inc"));
    assert_array_equal(&d(&inc, true), &f.array_i64("digitize/inc_right"));
    assert_array_equal(&d(&dec, false), &f.array_i64("digitize/dec"));
    assert_array_equal(&d(&dec, true), &f.array_i64("digitize/dec_right"));
}

#[test]
fn bad_input_is_an_error() {
    let x = array![1.0, 2.0, 3.0];
    let w2 = array![1.0, 2.0];
    let cases: Vec<(&str, Result<(), ArrayError>)> = vec![
        ("zero bins", histogram(&x, &Bins::Count(0), None, false, None).map(drop)),
        ("decreasing edges", histogram(&x, &Bins::Edges(vec![1.0, 0.0]), None, false, None).map(drop)),
        ("one edge", histogram(&x, &Bins::Edges(vec![1.0]), None, false, None).map(drop)),
        ("reversed range", histogram(&x, &Bins::Count(3), Some((2.0, 1.0)), false, None).map(drop)),
        ("infinite range", histogram(&x, &Bins::Count(3), Some((0.0, f64::INFINITY)), false, None).map(drop)),
        ("nan data", histogram(&array![1.0, f64::NAN], &Bins::Count(3), None, false, None).map(drop)),
        ("weights shape", histogram(&x, &Bins::Count(3), None, false, Some(&w2)).map(drop)),
        ("2d lengths", histogram2d(&x, &w2, [&Bins::Count(2), &Bins::Count(2)], None, false, None).map(drop)),
        (
            "2d weights",
            histogram2d(&x, &x, [&Bins::Count(2), &Bins::Count(2)], None, false, Some(w2.view())).map(drop),
        ),
        ("bincount negative", bincount(&array![0, -1], 0).map(drop)),
        ("bincount weights", bincount_weighted(&array![0, 1, 2], &w2.view(), 0).map(drop)),
        ("digitize non-monotonic", digitize(&x, &array![0.0, 2.0, 1.0].view(), false).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
    // NaN data is fine with a range: NaN is simply not counted.
    let (h, _) = histogram(&array![1.0, f64::NAN], &Bins::Count(2), Some((0.0, 2.0)), false, None).unwrap();
    assert_eq!(h, array![0.0, 1.0]);
    // Empty data: the range defaults to [0, 1].
    let (h, e) = histogram(&Array1::<f64>::zeros(0), &Bins::Count(2), None, false, None).unwrap();
    assert_eq!((h, e), (array![0.0, 0.0], array![0.0, 0.5, 1.0]));
}

//! scipy.ndimage distance transforms and Gaussian derivative filters against fixtures from
//! tools/fixtures/ndimage_distance.py.

mod common;

use common::{floats, has, keys, layouts};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_distance.json")).unwrap()
}

fn cases(fx: &Fixture, prefix: &str) -> Vec<String> {
    let v: Vec<String> = keys(fx, "cases").into_iter().filter(|k| k.starts_with(prefix)).collect();
    assert!(!v.is_empty(), "no cases for {prefix}");
    v
}

/// `layouts` (C, Fortran, negative stride) where the shape lets a transpose differ from C
/// order; the plain view otherwise.
fn views<T: Clone, R>(x: &ArrayD<T>, mut f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    if x.shape().iter().all(|&s| s > 1) { layouts(x, f) } else { vec![f(&x.view())] }
}

#[test]
fn edt_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in cases(&fx, "edt") {
        if name == "edt:float_nan" {
            continue; // edt_float_input_with_nan
        }
        let c = format!("cases/{name}");
        let x = fx.array_bool(&format!("{c}/input"));
        let sampling = if has(&fx, &c, "sampling") { floats(&fx, &format!("{c}/sampling")) } else { vec![] };
        let want_d = fx.array_f64(&format!("{c}/distances"));
        let want_i = fx.array_i64(&format!("{c}/indices")).mapv(|v| v as i32);
        let opts = EdtOptions { sampling, return_indices: true, ..Default::default() };
        for r in views(&x, |v| distance_transform_edt(v, &opts).unwrap()) {
            // Distances are sqrt of exactly the same sums as SciPy's.
            assert_allclose(&r.distances.unwrap(), &want_d, 0.0, 0.0);
            assert_array_equal(&r.indices.unwrap(), &want_i);
        }
        // Distances only, and from a float input (non-zero is foreground).
        let xf = x.mapv(|b| if b { 2.5 } else { 0.0 });
        let d = distance_transform_edt(&xf, &EdtOptions { return_indices: false, ..opts.clone() }).unwrap();
        assert!(d.indices.is_none());
        assert_allclose(&d.distances.unwrap(), &want_d, 0.0, 0.0);
        let i = distance_transform_edt(&x, &EdtOptions { return_distances: false, ..opts }).unwrap();
        assert!(i.distances.is_none());
        assert_array_equal(&i.indices.unwrap(), &want_i);
        n += 1;
    }
    assert_eq!(n, 25);
}

#[test]
fn edt_float_input_with_nan() {
    let fx = fixture();
    let x = fx.array_f64("cases/edt:float_nan/input");
    let r = distance_transform_edt(&x, &EdtOptions { return_indices: true, ..Default::default() }).unwrap();
    assert_allclose(&r.distances.unwrap(), &fx.array_f64("cases/edt:float_nan/distances"), 0.0, 0.0);
    assert_array_equal(&r.indices.unwrap(), &fx.array_i64("cases/edt:float_nan/indices").mapv(|v| v as i32));
}

#[test]
fn edt_zero_dim_is_one_pixel() {
    // SciPy returns [1.] for a 0-d foreground input (np.atleast_1d); here the 0-d shape is kept.
    let a = ArrayD::from_elem(IxDyn(&[]), 1.0);
    let r = distance_transform_edt(&a, &EdtOptions { return_indices: true, ..Default::default() }).unwrap();
    assert_eq!(r.distances.unwrap()[IxDyn(&[])], 1.0);
    assert_eq!(r.indices.unwrap().into_raw_vec_and_offset().0, vec![-1]);
}

#[test]
fn edt_large_random_matches_brute_force() {
    // Distances against a brute-force search over all background pixels (ties do not matter
    // for the distance), on an image big enough to run the parallel lanes.
    let mut rng = sci_array::random::default_rng(7);
    let u = rng.random((400, 300)).unwrap();
    let x = u.mapv(|v| v > 0.002);
    let d = distance_transform_edt(&x, &EdtOptions::default()).unwrap().distances.unwrap();
    let bg: Vec<(i64, i64)> =
        x.indexed_iter().filter(|(_, v)| !**v).map(|((a, b), _)| (a as i64, b as i64)).collect();
    for i in (0..400).step_by(7) {
        for j in (0..300).step_by(5) {
            let best = bg.iter().map(|&(a, b)| (a - i) * (a - i) + (b - j) * (b - j)).min().unwrap();
            assert_eq!(d[[i as usize, j as usize]], (best as f64).sqrt(), "{i} {j}");
        }
    }
}

#[test]
fn edt_bad_input() {
    let a = array![[0, 1], [1, 1]];
    let bad: Vec<(EdtOptions, &str)> = vec![
        (EdtOptions { sampling: vec![1.0, 2.0, 3.0], ..Default::default() }, "sampling"),
        (
            EdtOptions { return_distances: false, return_indices: false, ..Default::default() },
            "return_distances",
        ),
    ];
    for (o, arg) in bad {
        match distance_transform_edt(&a, &o) {
            Err(NdimageError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg),
            other => panic!("{arg}: {other:?}"),
        }
    }
}

fn mode_of(fx: &Fixture, c: &str) -> Mode {
    common::mode(fx, c)
}

fn gauss_run<T: Element>(fx: &Fixture, c: &str, x: &ArrayViewD<'_, T>) -> ArrayD<T> {
    let opts = GaussianOptions {
        mode: mode_of(fx, c).into(),
        truncate: fx.f64(&format!("{c}/truncate")),
        ..Default::default()
    };
    let sigma = floats(fx, &format!("{c}/sigma"));
    match fx.str(&format!("{c}/func")) {
        "gaussian_laplace" => gaussian_laplace(x, &sigma, &opts).unwrap(),
        "gaussian_gradient_magnitude" => gaussian_gradient_magnitude(x, &sigma, &opts).unwrap(),
        f => panic!("{f}"),
    }
}

#[test]
fn gaussian_derivative_filters_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases").into_iter().filter(|k| k.starts_with("gaussian_")) {
        let c = format!("cases/{name}");
        let want = fx.array_f64(&format!("{c}/expected"));
        if name.contains(":i32:") {
            let x = fx.array_i64(&format!("{c}/input")).mapv(|v| v as i32);
            for r in views(&x, |v| gauss_run(&fx, &c, v)) {
                assert_array_equal(&r.mapv(f64::from), &want);
            }
        } else if name.contains(":f32:") {
            let x = fx.array_f64(&format!("{c}/input")).mapv(|v| v as f32);
            for r in views(&x, |v| gauss_run(&fx, &c, v)) {
                // f32 results: SciPy's f32 intermediate values, compared to f32 precision.
                assert_allclose(&r.mapv(f64::from), &want, 1e-6, 1e-6);
            }
        } else {
            let x = fx.array_f64(&format!("{c}/input"));
            for r in views(&x, |v| gauss_run(&fx, &c, v)) {
                assert_allclose(&r, &want, 1e-13, 1e-14);
            }
        }
        n += 1;
    }
    assert_eq!(n, 72);
}

fn generic_run<T: Element>(name: &str, x: &ArrayViewD<'_, T>, mode: Mode) -> ArrayD<T> {
    if name.starts_with("generic_laplace") {
        generic_laplace(x, |v, ax, m| correlate1d(v, &[1.0, -2.0, 1.0], ax as isize, m, 0), mode).unwrap()
    } else {
        generic_gradient_magnitude(x, |v, ax, m| correlate1d(v, &[-1.0, 0.0, 1.0], ax as isize, m, 0), mode)
            .unwrap()
    }
}

#[test]
fn generic_laplace_and_gradient_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases").into_iter().filter(|k| k.starts_with("generic_")) {
        let c = format!("cases/{name}");
        let mode = mode_of(&fx, &c);
        let want = fx.array_f64(&format!("{c}/expected"));
        if name.contains(":i32:") {
            let x = fx.array_i64(&format!("{c}/input")).mapv(|v| v as i32);
            for r in views(&x, |v| generic_run(&name, v, mode)) {
                assert_array_equal(&r.mapv(f64::from), &want);
            }
        } else if name.contains(":f32:") {
            let x = fx.array_f64(&format!("{c}/input")).mapv(|v| v as f32);
            for r in views(&x, |v| generic_run(&name, v, mode)) {
                // f32 arithmetic as in SciPy; compared at f32 precision.
                assert_allclose(&r.mapv(f64::from), &want, 1e-6, 1e-6);
            }
        } else {
            let x = fx.array_f64(&format!("{c}/input"));
            for r in views(&x, |v| generic_run(&name, v, mode)) {
                assert_allclose(&r, &want, 1e-14, 1e-14);
            }
        }
        n += 1;
    }
    assert_eq!(n, 30);
}

#[test]
fn gaussian_derivative_filters_bad_input() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let d = GaussianOptions::default();
    let bad: Vec<(Vec<f64>, GaussianOptions, &str)> = vec![
        (vec![1.0, 2.0, 3.0], d.clone(), "sigma"),
        (vec![-1.0], d.clone(), "sigma"),
        (vec![1.0], GaussianOptions { order: vec![1], ..d.clone() }, "order"),
    ];
    for (s, o, arg) in bad {
        for r in [gaussian_laplace(&a, &s, &o), gaussian_gradient_magnitude(&a, &s, &o)] {
            match r {
                Err(NdimageError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg),
                other => panic!("{arg}: {other:?}"),
            }
        }
    }
    let wrong = generic_laplace(&a, |_, _, _| Ok(ArrayD::zeros(IxDyn(&[3]))), Mode::Reflect);
    assert!(matches!(wrong, Err(NdimageError::InvalidValue { arg: "derivative", .. })));
}

#[test]
fn cdt_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in cases(&fx, "cdt") {
        let c = format!("cases/{name}");
        let x = if name.ends_with(":float_nan") {
            fx.array_f64(&format!("{c}/input"))
        } else {
            fx.array_bool(&format!("{c}/input")).mapv(|b| if b { 1.0 } else { 0.0 })
        };
        let metric = match fx.str(&format!("{c}/metric")) {
            "chessboard" => CdtMetric::Chessboard,
            "taxicab" => CdtMetric::Taxicab,
            _ => CdtMetric::Structure(fx.array_bool(&format!("{c}/structure"))),
        };
        let want_d = fx.array_i64(&format!("{c}/distances")).mapv(|v| v as i32);
        let want_i = fx.array_i64(&format!("{c}/indices")).mapv(|v| v as i32);
        let opts = CdtOptions { metric, return_indices: true, ..Default::default() };
        for r in views(&x, |v| distance_transform_cdt(v, &opts).unwrap()) {
            assert_array_equal(&r.distances.unwrap(), &want_d);
            assert_array_equal(&r.indices.unwrap(), &want_i);
        }
        let d = distance_transform_cdt(&x, &CdtOptions { return_indices: false, ..opts.clone() }).unwrap();
        assert!(d.indices.is_none());
        assert_array_equal(&d.distances.unwrap(), &want_d);
        let i = distance_transform_cdt(&x, &CdtOptions { return_distances: false, ..opts }).unwrap();
        assert!(i.distances.is_none());
        assert_array_equal(&i.indices.unwrap(), &want_i);
        n += 1;
    }
    assert_eq!(n, 32);
}

#[test]
fn cdt_bad_input() {
    let a = array![[0, 1], [1, 1]];
    let bad: Vec<(CdtOptions, &str)> = vec![
        (
            CdtOptions {
                metric: CdtMetric::Structure(ArrayD::from_elem(IxDyn(&[3, 3, 3]), true)),
                ..Default::default()
            },
            "metric",
        ),
        (
            CdtOptions {
                metric: CdtMetric::Structure(ArrayD::from_elem(IxDyn(&[3, 2]), true)),
                ..Default::default()
            },
            "metric",
        ),
        (
            CdtOptions { return_distances: false, return_indices: false, ..Default::default() },
            "return_distances",
        ),
    ];
    for (o, arg) in bad {
        match distance_transform_cdt(&a, &o) {
            Err(NdimageError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg),
            other => panic!("{arg}: {other:?}"),
        }
    }
}

#[test]
fn bf_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in cases(&fx, "bf_") {
        let c = format!("cases/{name}");
        let x = if name.ends_with(":float_nan") {
            fx.array_f64(&format!("{c}/input"))
        } else {
            fx.array_bool(&format!("{c}/input")).mapv(|b| if b { 1.0 } else { 0.0 })
        };
        let metric = match fx.str(&format!("{c}/metric")) {
            "euclidean" => BfMetric::Euclidean,
            "taxicab" => BfMetric::Taxicab,
            "chessboard" => BfMetric::Chessboard,
            m => panic!("{m}"),
        };
        let sampling = if has(&fx, &c, "sampling") { floats(&fx, &format!("{c}/sampling")) } else { vec![] };
        let want_d = fx.array_f64(&format!("{c}/distances"));
        let want_i = fx.array_i64(&format!("{c}/indices")).mapv(|v| v as i32);
        let opts = BfOptions { metric, sampling, return_indices: true, ..Default::default() };
        for r in views(&x, |v| distance_transform_bf(v, &opts).unwrap()) {
            assert_allclose(&r.distances.unwrap(), &want_d, 0.0, 0.0);
            assert_array_equal(&r.indices.unwrap(), &want_i);
        }
        let i = distance_transform_bf(&x, &BfOptions { return_distances: false, ..opts }).unwrap();
        assert!(i.distances.is_none());
        assert_array_equal(&i.indices.unwrap(), &want_i);
        n += 1;
    }
    assert_eq!(n, 42);
}

#[test]
fn bf_agrees_with_edt_and_cdt_distances() {
    let mut rng = sci_array::random::default_rng(11);
    let x = rng.random((40, 37)).unwrap().mapv(|v| v > 0.02);
    let e = distance_transform_edt(&x, &EdtOptions::default()).unwrap().distances.unwrap();
    let b = distance_transform_bf(&x, &BfOptions::default()).unwrap().distances.unwrap();
    assert_allclose(&b, &e, 0.0, 0.0);
    let c = distance_transform_cdt(&x, &CdtOptions::default()).unwrap().distances.unwrap();
    let o = BfOptions { metric: BfMetric::Chessboard, ..Default::default() };
    let b = distance_transform_bf(&x, &o).unwrap().distances.unwrap();
    assert_allclose(&b, &c.mapv(f64::from), 0.0, 0.0);
}

#[test]
fn bf_bad_input() {
    let a = array![[0, 1], [1, 1]];
    let bad: Vec<(BfOptions, &str)> = vec![
        (BfOptions { sampling: vec![1.0, 2.0, 3.0], ..Default::default() }, "sampling"),
        (
            BfOptions { return_distances: false, return_indices: false, ..Default::default() },
            "return_distances",
        ),
    ];
    for (o, arg) in bad {
        match distance_transform_bf(&a, &o) {
            Err(NdimageError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg),
            other => panic!("{arg}: {other:?}"),
        }
    }
}

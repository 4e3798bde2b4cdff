//! scipy.stats.gaussian_kde parity: tests/fixtures/stats_kde.json (written by
//! tools/fixtures/stats_kde.py).

mod common;
use common::*;
use sci_array::ndarray::{Array1, Array2, Ix2, array, s};
use sci_stats::*;

// Kernel sums of 100-150 terms, logs and a d×d Cholesky: 1e-12 relative.
const RTOL: f64 = 1e-12;

fn arr2(fx: &sci_array::testing::fixture::Fixture, key: &str) -> Array2<f64> {
    fx.array_f64(key).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn every_case_matches_scipy() {
    let fx = load("stats_kde");
    let x1 = vec1(&fx, "x1");
    let w1 = vec1(&fx, "w1");
    let cases: [(&str, Array2<f64>, Option<Array1<f64>>, BwMethod, Array2<f64>); 7] = [
        (
            "k1_scott",
            x1.clone().insert_axis(sci_array::ndarray::Axis(0)),
            None,
            BwMethod::Scott,
            vec1(&fx, "pts1").insert_axis(sci_array::ndarray::Axis(0)),
        ),
        (
            "k1_silverman",
            x1.clone().insert_axis(sci_array::ndarray::Axis(0)),
            None,
            BwMethod::Silverman,
            vec1(&fx, "pts1").insert_axis(sci_array::ndarray::Axis(0)),
        ),
        (
            "k1_const",
            x1.clone().insert_axis(sci_array::ndarray::Axis(0)),
            None,
            BwMethod::Constant(0.3),
            vec1(&fx, "pts1").insert_axis(sci_array::ndarray::Axis(0)),
        ),
        (
            "k1_weighted",
            x1.clone().insert_axis(sci_array::ndarray::Axis(0)),
            Some(w1.clone()),
            BwMethod::Scott,
            vec1(&fx, "pts1").insert_axis(sci_array::ndarray::Axis(0)),
        ),
        ("k2_scott", arr2(&fx, "x2"), None, BwMethod::Scott, arr2(&fx, "pts2")),
        ("k2_silverman", arr2(&fx, "x2"), None, BwMethod::Silverman, arr2(&fx, "pts2")),
        ("k3_scott", arr2(&fx, "x3"), None, BwMethod::Scott, arr2(&fx, "pts3")),
    ];
    for (name, data, w, bw, pts) in cases {
        let kde = GaussianKde::new(&data, bw, w.as_ref().map(|w| w.view())).unwrap();
        let f = |k: &str| format!("{name}/{k}");
        close(kde.factor(), fx.f64(&f("factor")), RTOL, 0.0);
        close(kde.neff(), fx.f64(&f("neff")), RTOL, 0.0);
        close_arr(&kde.covariance().clone().into_dyn(), &fx.array_f64(&f("covariance")), RTOL, 0.0);
        close_arr(&kde.inv_cov().into_dyn(), &fx.array_f64(&f("inv_cov")), 1e-11, 1e-14);
        close_arr(&kde.evaluate(&pts).unwrap().into_dyn(), &fx.array_f64(&f("pdf")), RTOL, 1e-300);
        close_arr(&kde.logpdf(&pts).unwrap().into_dyn(), &fx.array_f64(&f("logpdf")), RTOL, 0.0);
        let d = kde.d();
        let mean = Array1::linspace(-0.5, 0.5, d);
        let cov = Array2::from_shape_fn((d, d), |(i, j)| if i == j { 0.8 } else { 0.1 });
        close(kde.integrate_gaussian(&mean, &cov).unwrap(), fx.f64(&f("integrate_gaussian")), RTOL, 0.0);
        close(kde.integrate_kde(&kde).unwrap(), fx.f64(&f("integrate_kde_self")), RTOL, 0.0);
        if d == 1 {
            let b = [
                kde.integrate_box_1d(-1.0, 1.5).unwrap(),
                kde.integrate_box_1d(f64::NEG_INFINITY, 0.0).unwrap(),
            ];
            close_arr(&Array1::from(b.to_vec()).into_dyn(), &fx.array_f64(&f("integrate_box_1d")), RTOL, 0.0);
            let far = vec1(&fx, "far");
            close_arr(
                &kde.logpdf(&far.view().insert_axis(sci_array::ndarray::Axis(0))).unwrap().into_dyn(),
                &fx.array_f64(&f("logpdf_far")),
                RTOL,
                0.0,
            );
            close_arr(&kde.evaluate_1d(&far).unwrap().into_dyn(), &fx.array_f64(&f("pdf_far")), RTOL, 0.0);
        } else {
            let m = kde.marginal(&[0, -1]).unwrap();
            close(m.factor(), fx.f64(&f("marginal_factor")), RTOL, 0.0);
            let mp = pts.select(sci_array::ndarray::Axis(0), &[0, d - 1]);
            close_arr(&m.evaluate(&mp).unwrap().into_dyn(), &fx.array_f64(&f("marginal_pdf")), RTOL, 1e-300);
        }
    }
    let k1 = GaussianKde::new_1d(&x1, BwMethod::Scott, None).unwrap();
    let x30 = x1.slice(s![..30]);
    let w30 = w1.slice(s![..30]);
    let k1w = GaussianKde::new_1d(&x30, BwMethod::Scott, Some(w30)).unwrap();
    close(k1.integrate_kde(&k1w).unwrap(), fx.f64("integrate_kde_pair"), RTOL, 0.0);
}

#[test]
fn views_and_single_points_work() {
    let fx = load("stats_kde");
    let x2 = arr2(&fx, "x2");
    let kde = GaussianKde::new(&x2, BwMethod::Scott, None).unwrap();
    // A non-contiguous dataset view gives the same estimate as its copy.
    let view = x2.slice(s![.., ..;2]);
    let a = GaussianKde::new(&view, BwMethod::Scott, None).unwrap();
    let b = GaussianKde::new(&view.to_owned(), BwMethod::Scott, None).unwrap();
    assert_eq!(a, b);
    // A (1, d) row is one point, as in SciPy.
    let row = array![[0.3, 1.2]];
    let col = array![[0.3], [1.2]];
    assert_eq!(kde.evaluate(&row).unwrap(), kde.evaluate(&col).unwrap());
}

#[test]
fn bad_input_is_an_error() {
    let one = array![[1.0]];
    let wide = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.5]];
    let flat = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]];
    let x = array![1.0, 2.0, 4.0];
    let bad_w = array![1.0, -1.0, 2.0];
    let short_w = array![1.0, 2.0];
    let k = GaussianKde::new_1d(&x, BwMethod::Scott, None).unwrap();
    let k2 = GaussianKde::new(&array![[1.0, 2.0, 4.0, 0.0], [0.5, 1.0, -1.0, 3.0]], BwMethod::Scott, None)
        .unwrap();
    let cases: Vec<(&str, Result<()>)> = vec![
        ("single element", GaussianKde::new(&one, BwMethod::Scott, None).map(|_| ())),
        ("d > n", GaussianKde::new(&wide, BwMethod::Scott, None).map(|_| ())),
        ("singular covariance", GaussianKde::new(&flat, BwMethod::Scott, None).map(|_| ())),
        ("negative weight", GaussianKde::new_1d(&x, BwMethod::Scott, Some(bad_w.view())).map(|_| ())),
        ("weights length", GaussianKde::new_1d(&x, BwMethod::Scott, Some(short_w.view())).map(|_| ())),
        ("zero bandwidth", GaussianKde::new_1d(&x, BwMethod::Constant(0.0), None).map(|_| ())),
        ("points dimension", k2.evaluate(&array![[1.0, 2.0, 3.0]]).map(|_| ())),
        ("box on 2-d", k2.integrate_box_1d(0.0, 1.0).map(|_| ())),
        ("evaluate_1d on 2-d", k2.evaluate_1d(&x).map(|_| ())),
        ("mean length", k.integrate_gaussian(&array![0.0, 1.0], &array![[1.0]]).map(|_| ())),
        ("kde dimensions", k.integrate_kde(&k2).map(|_| ())),
        ("marginal index", k2.marginal(&[2]).map(|_| ())),
        ("marginal repeated", k2.marginal(&[0, -2]).map(|_| ())),
    ];
    for (name, r) in cases {
        let err = r.expect_err(name);
        assert!(!err.to_string().is_empty(), "{name}");
    }
}

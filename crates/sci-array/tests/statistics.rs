//! `cov` and `corrcoef` against NumPy (fixtures from `tools/fixtures/array_histograms.py`).

use sci_array::ndarray::{Array2, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_histograms.json")).unwrap()
}

#[test]
fn cov_matches_numpy() {
    let f = fx();
    let m = f.array_f64("m").into_dimensionality::<sci_array::ndarray::Ix2>().unwrap();
    let fw = f.array_i64("fw").into_dimensionality::<Ix1>().unwrap();
    let aw = f.array_f64("aw").into_dimensionality::<Ix1>().unwrap();
    let x = f.array_f64("x");
    let y = f.array_f64("y");
    let d = CovOptions::default;
    let cases: Vec<(&str, Array2<f64>)> = vec![
        ("default", cov(&m, None, &d()).unwrap()),
        ("bias", cov(&m, None, &CovOptions { bias: true, ..d() }).unwrap()),
        ("ddof2", cov(&m, None, &CovOptions { ddof: Some(2.0), ..d() }).unwrap()),
        ("colvar", cov(&m.t(), None, &CovOptions { rowvar: false, ..d() }).unwrap()),
        ("fw", cov(&m, None, &CovOptions { fweights: Some(fw.view()), ..d() }).unwrap()),
        ("aw", cov(&m, None, &CovOptions { aweights: Some(aw.view()), ..d() }).unwrap()),
        (
            "fw_aw",
            cov(&m, None, &CovOptions { fweights: Some(fw.view()), aweights: Some(aw.view()), ..d() })
                .unwrap(),
        ),
        (
            "fw_aw_ddof0",
            cov(
                &m,
                None,
                &CovOptions { fweights: Some(fw.view()), aweights: Some(aw.view()), ddof: Some(0.0), ..d() },
            )
            .unwrap(),
        ),
        ("xy", cov(&x, Some(y.view()), &d()).unwrap()),
        ("one", cov(&x, None, &d()).unwrap()),
    ];
    for (name, c) in cases {
        // Matrix products are summed in another order than NumPy's BLAS.
        assert_allclose(&c.into_dyn(), &f.array_f64(&format!("cov/{name}")), 1e-12, 1e-15);
    }
}

#[test]
fn corrcoef_matches_numpy() {
    let f = fx();
    let m = f.array_f64("m");
    let x = f.array_f64("x");
    let y = f.array_f64("y");
    assert_allclose(&corrcoef(&m, None, true).unwrap().into_dyn(), &f.array_f64("corrcoef/m"), 1e-12, 1e-15);
    assert_allclose(
        &corrcoef(&x, Some(y.view()), true).unwrap().into_dyn(),
        &f.array_f64("corrcoef/xy"),
        1e-12,
        0.0,
    );
    let mt = m.t();
    assert_allclose(
        &corrcoef(&mt, None, false).unwrap().into_dyn(),
        &f.array_f64("corrcoef/colvar"),
        1e-12,
        1e-15,
    );
}

#[test]
fn edge_cases() {
    // A constant variable: zero variance, NaN correlation.
    let r = corrcoef(&array![[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]], None, true).unwrap();
    assert!(r[[0, 1]].is_nan());
    assert_eq!(r[[1, 1]], 1.0);
    // One observation with ddof 1: divisor 0.
    let c = cov(&array![[1.0], [2.0]], None, &CovOptions::default()).unwrap();
    assert!(c.iter().all(|v| v.is_nan()));
    // No variables at all.
    assert_eq!(cov(&Array2::<f64>::zeros((0, 3)), None, &CovOptions::default()).unwrap().shape(), &[0, 0]);
}

#[test]
fn bad_input_is_an_error() {
    let m = array![[1.0, 2.0, 3.0], [2.0, 1.0, 0.0]];
    let fw_neg = array![1, -1, 1];
    let fw_len = array![1, 1];
    let aw_neg = array![1.0, -1.0, 1.0];
    let y_len = array![1.0, 2.0].into_dyn();
    let d = CovOptions::default;
    let cases: Vec<(&str, Result<Array2<f64>, ArrayError>)> = vec![
        ("3-d", cov(&sci_array::ndarray::Array3::<f64>::zeros((2, 2, 2)), None, &d())),
        ("y length", cov(&m, Some(y_len.view()), &d())),
        ("fweights negative", cov(&m, None, &CovOptions { fweights: Some(fw_neg.view()), ..d() })),
        ("fweights length", cov(&m, None, &CovOptions { fweights: Some(fw_len.view()), ..d() })),
        ("aweights negative", cov(&m, None, &CovOptions { aweights: Some(aw_neg.view()), ..d() })),
        ("corrcoef y", corrcoef(&m, Some(y_len.view()), true)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

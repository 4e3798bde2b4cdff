//! whiten, vq, kmeans and kmeans2 against SciPy.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_cluster::{ClusterError, Init, kmeans, kmeans2, vq, whiten};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/vq.json")).expect("fixture")
}

fn a2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn labels(f: &Fixture, p: &str) -> Array1<usize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().mapv(|v| v as usize)
}

fn close(got: &Array2<f64>, want: &Array2<f64>, what: &str) {
    check_allclose(got, want, 1e-13, 1e-14).unwrap_or_else(|e| panic!("{what}: {e}"));
}

#[test]
fn vq_family_matches_scipy() {
    let f = fx();
    let blobs = a2(&f, "blobs");
    close(&whiten(&blobs).unwrap(), &a2(&f, "whiten"), "whiten");
    close(&whiten(&a2(&f, "const_col")).unwrap(), &a2(&f, "whiten_const"), "whiten constant column");
    let guess = a2(&f, "guess");
    let (code, dist) = vq(&blobs, &guess).unwrap();
    assert_eq!(code, labels(&f, "vq_code"));
    check_allclose(&dist, &f.array_f64("vq_dist").into_dimensionality::<Ix1>().unwrap(), 1e-14, 0.0).unwrap();
    let r = kmeans(&blobs, &guess, 1e-5).unwrap();
    close(&r.code_book, &a2(&f, "kmeans_code_book"), "kmeans");
    assert!((r.distortion - f.f64("kmeans_distortion")).abs() < 1e-14);
    let r = kmeans(&blobs, &a2(&f, "far"), 1e-5).unwrap();
    close(&r.code_book, &a2(&f, "kmeans_far_code_book"), "kmeans with an empty cluster");
    assert!((r.distortion - f.f64("kmeans_far_distortion")).abs() < 1e-14);
    let (c, l) = kmeans2(&blobs, &Init::Matrix(guess.clone()), 10).unwrap();
    close(&c, &a2(&f, "kmeans2_matrix_c"), "kmeans2 matrix");
    assert_eq!(l, labels(&f, "kmeans2_matrix_l"));
    let (c, l) = kmeans2(&blobs, &Init::Matrix(a2(&f, "far")), 5).unwrap();
    close(&c, &a2(&f, "kmeans2_far_c"), "kmeans2 keeps an empty cluster's centroid");
    assert_eq!(l, labels(&f, "kmeans2_far_l"));
    // Seeded initialisations draw the same numbers as NumPy's default_rng(seed).
    for seed in [0u64, 1, 42] {
        let (c, l) = kmeans2(&blobs, &Init::Points { k: 3, seed }, 10).unwrap();
        close(&c, &a2(&f, &format!("kmeans2_points_{seed}_c")), "kmeans2 points");
        assert_eq!(l, labels(&f, &format!("kmeans2_points_{seed}_l")));
        let (c, l) = kmeans2(&blobs, &Init::PlusPlus { k: 3, seed }, 10).unwrap();
        close(&c, &a2(&f, &format!("kmeans2_pp_{seed}_c")), "kmeans2 ++");
        assert_eq!(l, labels(&f, &format!("kmeans2_pp_{seed}_l")));
    }
}

#[test]
fn vq_bad_input() {
    let obs = Array2::from_shape_vec((3, 2), vec![0.0, 0.0, 1.0, 1.0, 2.0, 2.0]).unwrap();
    let mut nan = obs.clone();
    nan[[0, 0]] = f64::NAN;
    let table: Vec<(&str, ClusterError)> = vec![
        ("empty", whiten(&Array2::<f64>::zeros((0, 2))).unwrap_err()),
        ("nan", vq(&nan, &obs).unwrap_err()),
        ("columns", vq(&obs, &Array2::zeros((2, 3))).unwrap_err()),
        ("thresh", kmeans(&obs, &obs, -1.0).unwrap_err()),
        ("iter", kmeans2(&obs, &Init::Matrix(obs.clone()), 0).unwrap_err()),
        ("k too large", kmeans2(&obs, &Init::Points { k: 4, seed: 0 }, 5).unwrap_err()),
        ("k zero", kmeans2(&obs, &Init::PlusPlus { k: 0, seed: 0 }, 5).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "nan" => matches!(e, ClusterError::NotFinite { .. }),
            _ => matches!(e, ClusterError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
}

//! linkage and fcluster against SciPy.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_cluster::{ClusterError, Criterion, Method, fcluster, linkage, linkage_observations};

fn method(name: &str) -> Method {
    match name {
        "single" => Method::Single,
        "complete" => Method::Complete,
        "average" => Method::Average,
        "weighted" => Method::Weighted,
        "ward" => Method::Ward,
        "centroid" => Method::Centroid,
        "median" => Method::Median,
        other => panic!("method {other}"),
    }
}

#[test]
fn linkage_and_fcluster_match_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hierarchy.json"))
        .expect("fixture");
    let n = fx.get("cases").as_array().unwrap().len();
    for c in 0..n {
        let p = |k: &str| format!("cases/{c}/{k}");
        let what = format!("{} {}", fx.str(&p("data")), fx.str(&p("method")));
        let m = method(fx.str(&p("method")));
        let y = fx.array_f64(&p("y")).into_dimensionality::<Ix1>().unwrap();
        let want_z = fx.array_f64(&p("Z")).into_dimensionality::<Ix2>().unwrap();
        let z = linkage(&y, m).unwrap();
        // Same merges in the same order with the same labels; distances to round-off of the
        // Lance-Williams updates.
        for k in 0..z.nrows() {
            for col in [0, 1, 3] {
                assert_eq!(z[[k, col]], want_z[[k, col]], "{what}: Z[{k}, {col}]");
            }
        }
        check_allclose(&z.column(2), &want_z.column(2), 1e-12, 1e-14)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let x = fx.array_f64(&p("X")).into_dimensionality::<Ix2>().unwrap();
        let z2 = linkage_observations(&x, m).unwrap();
        check_allclose(&z2, &z, 1e-13, 1e-14).unwrap_or_else(|e| panic!("{what} observations: {e}"));
        for key in fx.get(&p("fcluster")).as_object().unwrap().keys() {
            let (crit, want) = if let Some(t) = key.strip_prefix("maxclust_") {
                (Criterion::MaxClust(t.parse().unwrap()), fx.array_i64(&p(&format!("fcluster/{key}"))))
            } else {
                (
                    Criterion::Distance(fx.f64(&p(&format!("fcluster/{key}/t")))),
                    fx.array_i64(&p(&format!("fcluster/{key}/labels"))),
                )
            };
            let got = fcluster(&want_z, crit).unwrap();
            let got: Vec<i64> = got.iter().map(|&v| i64::from(v)).collect();
            let want: Vec<i64> = want.iter().copied().collect();
            assert_eq!(got, want, "{what}: fcluster {key}");
        }
    }
}

#[test]
fn bad_input() {
    let z_ok = linkage(&Array1::from(vec![1.0, 3.0, 2.0]), Method::Single).unwrap();
    let table: Vec<(&str, ClusterError)> = vec![
        ("condensed", linkage(&Array1::from(vec![1.0, 2.0]), Method::Single).unwrap_err()),
        ("one point", linkage(&Array1::<f64>::zeros(0), Method::Single).unwrap_err()),
        ("nan", linkage(&Array1::from(vec![1.0, f64::NAN, 2.0]), Method::Ward).unwrap_err()),
        (
            "obs nan",
            linkage_observations(&Array2::from_elem((3, 2), f64::INFINITY), Method::Single).unwrap_err(),
        ),
        ("columns", fcluster(&Array2::<f64>::zeros((2, 3)), Criterion::MaxClust(2)).unwrap_err()),
        (
            "future cluster",
            fcluster(
                &Array2::from_shape_vec((2, 4), vec![0.0, 3.0, 1.0, 2.0, 1.0, 2.0, 2.0, 3.0]).unwrap(),
                Criterion::MaxClust(2),
            )
            .unwrap_err(),
        ),
        ("maxclust 0", fcluster(&z_ok, Criterion::MaxClust(0)).unwrap_err()),
        ("nan t", fcluster(&z_ok, Criterion::Distance(f64::NAN)).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "condensed" => matches!(e, ClusterError::NotCondensed { len: 2 }),
            "one point" => matches!(e, ClusterError::TooFewObservations { .. }),
            "nan" | "obs nan" => matches!(e, ClusterError::NotFinite { .. }),
            "columns" | "future cluster" => matches!(e, ClusterError::InvalidLinkage { .. }),
            _ => matches!(e, ClusterError::InvalidValue { arg: "t", .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
    // More clusters than points: every point alone.
    assert_eq!(fcluster(&z_ok, Criterion::MaxClust(10)).unwrap().to_vec(), vec![1, 2, 3]);
}

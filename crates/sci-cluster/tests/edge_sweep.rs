//! A sweep of the clustering functions over the inputs that break them most often: no, one or
//! two observations, zero-variance columns, duplicate observations, NaN and infinity, distances
//! so large that the Lance-Williams updates overflow, `k` of 0 or above the number of
//! observations, code books of the wrong width, degenerate linkage matrices and thresholds.
//! Every call must return, `Ok` or an error, and never panic; the values themselves are checked
//! against SciPy by the other test files. `SWEEP_TRACE=1` prints each call before it runs, to
//! find one that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_cluster::*;

/// Observation matrices, by name.
fn observations() -> Vec<(&'static str, Array2<f64>)> {
    let blobs =
        Array2::from_shape_fn((12, 2), |(i, j)| (i / 4) as f64 * 10.0 + ((i * 7 + j * 3) % 5) as f64 * 0.1);
    let mut with_nan = blobs.clone();
    with_nan[[2, 1]] = f64::NAN;
    let mut with_inf = blobs.clone();
    with_inf[[5, 0]] = f64::NEG_INFINITY;
    vec![
        ("empty", Array2::zeros((0, 2))),
        ("no features", Array2::zeros((4, 0))),
        ("1 observation", array![[1.0, 2.0]]),
        ("2 observations", array![[0.0, 0.0], [1.0, 1.0]]),
        ("3 equal", array![[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]),
        ("zero-variance column", array![[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]]),
        ("blobs 12", blobs),
        ("blobs with NaN", with_nan),
        ("blobs with -inf", with_inf),
        ("huge", array![[1e308, -1e308], [-1e308, 1e308], [1e308, 1e308], [0.0, 0.0]]),
        ("1e200", array![[1e200, 0.0], [2e200, 0.0], [4e200, 0.0], [7e200, 0.0]]),
        ("tiny", array![[0.0, 0.0], [1e-320, 0.0], [0.0, 1e-320]]),
    ]
}

/// Condensed distance vectors, by name.
fn condensed() -> Vec<(&'static str, Array1<f64>)> {
    vec![
        ("empty", Array1::zeros(0)),
        ("1 distance", array![1.0]),
        ("2 distances", array![1.0, 2.0]),
        ("3 distances", array![1.0, 3.0, 2.0]),
        ("zeros 6", Array1::zeros(6)),
        ("equal 10", Array1::from_elem(10, 2.0)),
        ("NaN", array![1.0, f64::NAN, 2.0]),
        ("inf", array![1.0, f64::INFINITY, 2.0]),
        ("negative", array![1.0, -3.0, 2.0]),
        ("1e308", array![1e308, 1e308, 1e308]),
        ("1e308 x 6", array![1e308, 1.7e308, 1e308, 1.5e308, 1e308, 1.7e308]),
        ("1e200", array![1e200, 2e200, 1.5e200, 1e200, 3e200, 2e200]),
        ("1e160", array![1e160, 2e160, 1.5e160, 1e160, 3e160, 2e160]),
    ]
}

const METHODS: [Method; 7] = [
    Method::Single,
    Method::Complete,
    Method::Average,
    Method::Weighted,
    Method::Ward,
    Method::Centroid,
    Method::Median,
];

fn criteria() -> Vec<Criterion> {
    vec![
        Criterion::MaxClust(0),
        Criterion::MaxClust(1),
        Criterion::MaxClust(2),
        Criterion::MaxClust(100),
        Criterion::MaxClust(usize::MAX),
        Criterion::Distance(0.0),
        Criterion::Distance(-1.0),
        Criterion::Distance(1.5),
        Criterion::Distance(f64::INFINITY),
        Criterion::Distance(f64::NAN),
    ]
}

#[test]
fn no_function_panics_on_edge_observations() {
    let mut panics = PanicSweep::new();
    let obs = observations();
    for (label, x) in &obs {
        let p = &mut panics;
        let tag = |what: String| format!("{what} on {label}");
        p.run(tag("whiten".into()), || drop(whiten(x)));
        for (other, book) in &obs {
            p.run(tag(format!("vq with code book {other}")), || drop(vq(x, book)));
            for thresh in [1e-5, 0.0, -1.0, f64::NAN, f64::INFINITY] {
                p.run(tag(format!("kmeans guess {other} thresh {thresh}")), || drop(kmeans(x, book, thresh)));
            }
            p.run(tag(format!("kmeans2 matrix {other}")), || {
                drop(kmeans2(x, &Init::Matrix(book.clone()), 5))
            });
        }
        for k in [0usize, 1, 2, 3, 5, 12, 13, 100, usize::MAX] {
            for iter in [0usize, 1, 10] {
                for init in [Init::Points { k, seed: 1 }, Init::PlusPlus { k, seed: 7 }] {
                    if k > 1000 && matches!(init, Init::PlusPlus { .. }) {
                        // k-means++ draws k centres (SciPy too); usize::MAX of them is memory.
                        continue;
                    }
                    p.run(tag(format!("kmeans2 {init:?} iter {iter}")), || drop(kmeans2(x, &init, iter)));
                }
            }
        }
        for method in METHODS {
            p.run(tag(format!("linkage_observations {method:?}")), || {
                if let Ok(z) = linkage_observations(x, method) {
                    for c in criteria() {
                        drop(fcluster(&z, c));
                    }
                }
            });
        }
    }
    for (label, y) in condensed() {
        for method in METHODS {
            panics.run(format!("linkage {method:?} on {label}"), || {
                if let Ok(z) = linkage(&y, method) {
                    for c in criteria() {
                        drop(fcluster(&z, c));
                    }
                }
            });
        }
    }
    // Matrices that are not linkages.
    let bad: Vec<(&str, Array2<f64>)> = vec![
        ("0 rows", Array2::zeros((0, 4))),
        ("0 x 0", Array2::zeros((0, 0))),
        ("3 columns", Array2::zeros((2, 3))),
        ("self merge", array![[0.0, 0.0, 1.0, 2.0]]),
        ("cluster reused", array![[0.0, 1.0, 1.0, 2.0], [0.0, 1.0, 2.0, 2.0]]),
        ("future cluster", array![[0.0, 3.0, 1.0, 2.0], [1.0, 2.0, 2.0, 3.0]]),
        ("negative index", array![[-1.0, 1.0, 1.0, 2.0]]),
        ("fractional index", array![[0.5, 1.0, 1.0, 2.0]]),
        ("NaN distance", array![[0.0, 1.0, f64::NAN, 2.0]]),
        ("inf distance", array![[0.0, 1.0, f64::INFINITY, 2.0], [2.0, 3.0, f64::INFINITY, 3.0]]),
        ("decreasing distance", array![[0.0, 1.0, 5.0, 2.0], [2.0, 3.0, 1.0, 3.0]]),
        ("huge index", array![[1e300, 1.0, 1.0, 2.0]]),
        ("count 1", array![[0.0, 1.0, 1.0, 1.0]]),
        ("count NaN", array![[0.0, 1.0, 1.0, f64::NAN]]),
    ];
    let mut more_bad = bad.clone();
    more_bad.extend([
        ("NaN index", array![[f64::NAN, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]]),
        ("NaN count 2 rows", array![[0.0, 1.0, 1.0, f64::NAN], [2.0, 3.0, 2.0, 3.0]]),
        ("wrong count", array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 2.0]]),
        ("inf index", array![[0.0, 1.0, 1.0, 2.0], [2.0, f64::INFINITY, 2.0, 3.0]]),
        ("valid 3", array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]]),
        ("valid NaN distances", array![[0.0, 1.0, f64::NAN, 2.0], [2.0, 3.0, f64::NAN, 3.0]]),
    ]);
    for (label, z) in &more_bad {
        for c in criteria() {
            panics.run(format!("fcluster {c:?} on {label}"), || drop(fcluster(z, c)));
        }
        for (t, depth) in [(1.0, 0), (0.5, 2), (f64::NAN, 3), (f64::INFINITY, 100)] {
            panics.run(format!("fcluster inconsistent on {label}"), || {
                drop(fcluster(z, Criterion::Inconsistent { t, depth }))
            });
        }
        let p = &mut panics;
        for mc in [Array1::zeros(0), array![1.0], array![1.0, 2.0], array![f64::NAN, 0.0], array![5.0, 1.0]] {
            for t in [0usize, 1, 2, 3, usize::MAX] {
                p.run(format!("maxclust_monocrit {t} {mc} on {label}"), || {
                    drop(fcluster_maxclust_monocrit(z, t, &mc))
                });
                p.run(format!("monocrit {t} {mc} on {label}"), || drop(fcluster_monocrit(z, t as f64, &mc)));
            }
        }
        p.run(format!("validity on {label}"), || {
            drop((is_valid_linkage(z), check_linkage(z, Some("Z")), is_monotonic(z), num_obs_linkage(z)))
        });
        p.run(format!("cophenet on {label}"), || {
            drop((cophenet(z), cophenet_correlation(z, &array![1.0, 2.0, 3.0])))
        });
        for d in [0, 1, 2, 50] {
            p.run(format!("inconsistent {d} on {label}"), || drop(inconsistent(z, d)));
        }
        let r = array![[1.0, 0.0, 1.0, 0.0], [1.5, 0.5, 2.0, 0.7]];
        for i in [0, 3, 4] {
            p.run(format!("maxRstat {i} on {label}"), || drop((max_r_stat(z, &r, i), maxinconsts(z, &r))));
        }
        p.run(format!("maxdists/leaves on {label}"), || drop((maxdists(z), leaves_list(z), to_tree(z))));
        for t in [array![1, 1, 1], array![1, 2, 3], array![-1, -1, 2], array![1, 2], array![0, 0, 1]] {
            p.run(format!("leaders on {label}"), || drop(leaders(z, &t)));
        }
        for cut in [
            Cut::All,
            Cut::NClusters(vec![0, 1, 2, 3, 100, usize::MAX]),
            Cut::Heights(vec![f64::NAN, -1.0, 0.0, f64::INFINITY]),
        ] {
            p.run(format!("cut_tree {cut:?} on {label}"), || drop(cut_tree(z, &cut)));
        }
        p.run(format!("mlab on {label}"), || {
            drop(to_mlab_linkage(z));
            if z.ncols() >= 3 {
                drop(from_mlab_linkage(&z.slice(sci_array::ndarray::s![.., ..3])));
            }
            drop(from_mlab_linkage(z));
        });
        for truncate in
            [Truncate::None, Truncate::LastP(0), Truncate::LastP(2), Truncate::Level(1), Truncate::Level(0)]
        {
            for sort in [LeafSort::None, LeafSort::CountDescending, LeafSort::DistanceAscending] {
                for color_threshold in [None, Some(0.0), Some(f64::NAN), Some(-1.0), Some(f64::INFINITY)] {
                    let opts = DendrogramOptions { truncate, sort, color_threshold, ..Default::default() };
                    p.run(format!("dendrogram {opts:?} on {label}"), || drop(dendrogram(z, &opts)));
                }
            }
        }
        for y in [Array1::zeros(0), array![1.0], array![1.0, 2.0, 3.0], array![f64::NAN, 1.0, 2.0]] {
            p.run(format!("correspond on {label}"), || drop(correspond(z, &y)));
            p.run(format!("optimal_leaf_ordering on {label}"), || drop(optimal_leaf_ordering(z, &y)));
        }
    }
    for (label, x) in observations() {
        for method in METHODS {
            panics.run(format!("fclusterdata {method:?} on {label}"), || {
                drop(fclusterdata(&x, Criterion::Inconsistent { t: 1.0, depth: 2 }, method))
            });
        }
        if let Ok(z) = single(&x) {
            panics.run(format!("optimal_leaf_ordering on observations {label}"), || {
                drop(optimal_leaf_ordering(&z, &x))
            });
        }
        panics.run(format!("shortcuts on {label}"), || {
            drop((single(&x), complete(&x), average(&x), weighted(&x), centroid(&x), median(&x), ward(&x)))
        });
    }
    for (label, y) in condensed() {
        panics.run(format!("shortcuts on condensed {label}"), || {
            drop((single(&y), complete(&y), average(&y), weighted(&y), centroid(&y), median(&y), ward(&y)))
        });
    }
    for (a, b) in
        [(vec![], vec![]), (vec![1], vec![2]), (vec![1, 1], vec![2]), (vec![i64::MIN, i64::MAX], vec![0, 0])]
    {
        panics.run("is_isomorphic", || drop(is_isomorphic(&Array1::from(a), &Array1::from(b))));
    }
    panics.run("from_mlab huge", || drop(from_mlab_linkage(&array![[1.0, 1e300, 1.0], [3.0, 4.0, 2.0]])));
    panics.run("from_mlab NaN", || drop(from_mlab_linkage(&array![[f64::NAN, 2.0, 1.0], [3.0, 4.0, 2.0]])));
    panics.finish();
}

/// The faults the sweep found. `fcluster` on a linkage matrix with no rows underflowed
/// `2n - 2 - n` for its root; SciPy 1.17 raises `ValueError: Linkage must be computed on at
/// least two observations.` for every criterion. Centroid and median linkage of distances whose
/// squares overflow (1e160 and up) left a cluster with no neighbour and panicked; SciPy raises
/// `ValueError: find_min_dist cannot find any neighbors closer than inf away. Check that
/// distances contain no negative/infinite/NaN entries.`
#[test]
fn empty_linkages_and_overflowing_updates_are_errors() {
    let empty = Array2::<f64>::zeros((0, 4));
    for c in criteria() {
        let e = fcluster(&empty, c).unwrap_err();
        assert!(matches!(e, ClusterError::InvalidLinkage { .. }), "{c:?}: {e:?}");
        assert!(e.to_string().contains("at least two observations"), "{e}");
    }
    for y in [array![1e308, 1e308, 1e308], array![1e160, 2e160, 1.5e160, 1e160, 3e160, 2e160]] {
        for method in [Method::Centroid, Method::Median] {
            let e = linkage(&y, method).unwrap_err();
            assert!(matches!(e, ClusterError::InvalidValue { arg: "y", .. }), "{method:?}: {e:?}");
            assert!(e.to_string().contains("find_min_dist"), "{e}");
        }
    }
    // Below the overflow the generic algorithm still runs: SciPy's centroid linkage of
    // [1e150, 2e150, 1.5e150] is [[0, 1, 1e150, 2], [2, 3, 1.695582495781317e150, 3]].
    let z = linkage(&array![1e150, 2e150, 1.5e150], Method::Centroid).unwrap();
    assert_eq!(z.row(0).to_vec(), vec![0.0, 1.0, 1e150, 2.0]);
    assert!((z[[1, 2]] / 1.695582495781317e150 - 1.0).abs() < 1e-15, "{z}");
    assert_eq!((z[[1, 0]], z[[1, 1]], z[[1, 3]]), (2.0, 3.0, 3.0));
}

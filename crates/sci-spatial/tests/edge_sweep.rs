//! A sweep of the spatial functions over the inputs that break them most often: no points, one
//! or two points, points of dimension 0, duplicate, collinear and huge points, NaN and infinity,
//! mismatched dimensions, Minkowski `p` below 1 or NaN, `k` of 0 or above the number of points,
//! negative or NaN radii, condensed vectors of impossible lengths. Every call must return, `Ok`
//! or an error, and never panic; the values themselves are checked against SciPy by the other
//! test files. `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_spatial::*;

/// The point sets, by name.
fn point_sets() -> Vec<(&'static str, Array2<f64>)> {
    let grid = Array2::from_shape_fn((25, 2), |(i, j)| if j == 0 { (i % 5) as f64 } else { (i / 5) as f64 });
    let mut with_nan = grid.clone();
    with_nan[[3, 1]] = f64::NAN;
    let mut with_inf = grid.clone();
    with_inf[[7, 0]] = f64::INFINITY;
    // Geometrically spaced points: the sliding midpoint splits off one point at a time.
    let geometric =
        Array2::from_shape_fn((200, 2), |(i, j)| if j == 0 { 2f64.powi(i as i32 - 100) } else { 0.0 });
    vec![
        ("no points, 2-d", Array2::zeros((0, 2))),
        ("no points, 0-d", Array2::zeros((0, 0))),
        ("3 points, 0-d", Array2::zeros((3, 0))),
        ("1 point", array![[1.0, 2.0]]),
        ("2 points", array![[0.0, 0.0], [1.0, 1.0]]),
        ("3 collinear", array![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]),
        ("3 equal", array![[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]),
        ("triangle", array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]),
        (
            "square + duplicates",
            array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 1.0], [0.0, 0.0]],
        ),
        ("grid 5x5", grid),
        ("grid with NaN", with_nan),
        ("grid with inf", with_inf),
        ("huge", array![[-1e308, -1e308], [1e308, -1e308], [0.0, 1e308], [1e308, 1e308]]),
        ("tiny", array![[0.0, 0.0], [1e-320, 0.0], [0.0, 1e-320], [1e-320, 1e-320]]),
        ("nearly collinear", array![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0 + 1e-15], [3.0, 3.0]]),
        ("geometric 200", geometric),
        ("1-d", array![[0.0], [1.0], [5.0], [2.0]]),
        ("3-d", array![[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
    ]
}

fn metrics() -> Vec<Metric> {
    vec![
        Metric::Euclidean,
        Metric::SqEuclidean,
        Metric::Cityblock,
        Metric::Chebyshev,
        Metric::Minkowski(1.0),
        Metric::Minkowski(3.0),
        Metric::Minkowski(f64::INFINITY),
        Metric::Minkowski(0.5),
        Metric::Minkowski(0.0),
        Metric::Minkowski(-1.0),
        Metric::Minkowski(f64::NAN),
        Metric::Cosine,
        Metric::Correlation,
        Metric::Canberra,
        Metric::BrayCurtis,
        Metric::Hamming,
        Metric::Dice,
        Metric::Jaccard,
        Metric::RogersTanimoto,
        Metric::RussellRao,
        Metric::SokalSneath,
        Metric::Yule,
        Metric::JensenShannon,
        Metric::SEuclidean,
        Metric::Mahalanobis,
    ]
}

#[test]
fn no_function_panics_on_edge_points() {
    let mut panics = PanicSweep::new();
    let sets = point_sets();
    for (label, x) in &sets {
        let p = &mut panics;
        let tag = |what: String| format!("{what} on {label}");
        for metric in metrics() {
            p.run(tag(format!("pdist {metric:?}")), || {
                if let Ok(d) = pdist(x, metric) {
                    drop(squareform(&d).map(|m| squareform_to_condensed(&m)));
                }
            });
            for (other, y) in &sets {
                p.run(tag(format!("cdist {metric:?} with {other}")), || drop(cdist(x, y, metric)));
            }
        }
        p.run(tag("squareform_to_condensed (non-square)".into()), || drop(squareform_to_condensed(x)));
        p.run(tag("ConvexHull".into()), || drop(ConvexHull::new(x)));
        p.run(tag("Delaunay".into()), || {
            if let Ok(t) = Delaunay::new(x) {
                for q in [[0.5, 0.5], [f64::NAN, 0.0], [f64::INFINITY, 1.0], [1e308, -1e308], [-3.0, 2.0]] {
                    std::hint::black_box(t.find_simplex(&q));
                }
            }
        });
        for leafsize in [0usize, 1, 2, 10, usize::MAX] {
            let mut tree = None;
            p.run(tag(format!("KDTree::new leafsize {leafsize}")), || tree = KDTree::new(x, leafsize).ok());
            let Some(tree) = tree else { continue };
            let m = tree.m();
            let queries: Vec<(&str, Vec<f64>)> = vec![
                ("origin", vec![0.0; m]),
                ("ones", vec![1.0; m]),
                ("far", vec![1e308; m]),
                ("NaN", vec![f64::NAN; m]),
                ("inf", vec![f64::INFINITY; m]),
                ("wrong length", vec![0.0; m + 1]),
                ("empty", vec![]),
            ];
            for (qname, q) in &queries {
                for pnorm in [1.0, 2.0, 3.5, f64::INFINITY, 0.5, 0.0, -1.0, f64::NAN] {
                    for k in [0usize, 1, 2, 30, 300, 1 << 61, usize::MAX] {
                        for bound in [f64::INFINITY, 0.0, 1.5, -1.0, f64::NAN] {
                            p.run(
                                tag(format!(
                                    "query {qname} leafsize {leafsize} p {pnorm} k {k} bound {bound}"
                                )),
                                || drop(tree.query(q, k, pnorm, bound)),
                            );
                        }
                    }
                    for r in [0.0, 1.0, 1e308, f64::INFINITY, -1.0, f64::NAN] {
                        p.run(
                            tag(format!("query_ball_point {qname} leafsize {leafsize} p {pnorm} r {r}")),
                            || drop(tree.query_ball_point(q, r, pnorm)),
                        );
                    }
                }
            }
        }
    }
    for len in [0usize, 1, 2, 3, 4, 6, 7, 10] {
        let v = Array1::from_shape_fn(len, |i| i as f64);
        panics.run(format!("squareform of length {len}"), || drop(squareform(&v)));
    }
    let nan_matrix = array![[0.0, f64::NAN], [f64::NAN, 0.0]];
    let nan_diag = array![[f64::NAN, 1.0], [1.0, 0.0]];
    panics.run("squareform_to_condensed NaN", || drop(squareform_to_condensed(&nan_matrix)));
    panics.run("squareform_to_condensed NaN diagonal", || drop(squareform_to_condensed(&nan_diag)));
    panics.finish();
}

/// The fault the sweep found: `KDTree::query` padded its output to `k` entries one push at a
/// time, so a `k` too large to allocate aborted the process (or, below `isize::MAX` bytes,
/// filled memory). SciPy 1.17: `KDTree(x).query(q, k=2**62)` raises `ValueError: array is too
/// big`, `k=2**40` `MemoryError`.
#[test]
fn kdtree_query_with_an_impossible_k_is_an_error() {
    let tree = KDTree::new(&array![[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]], 10).unwrap();
    for k in [1usize << 61, usize::MAX / 8 + 1, usize::MAX] {
        let e = tree.query(&[0.0, 0.0], k, 2.0, f64::INFINITY).unwrap_err();
        assert!(matches!(e, SpatialError::InvalidValue { arg: "k", .. }), "{e:?}");
    }
    // Padding below the impossible: SciPy's k = 5 on 3 points gives [0, sqrt2, 2, inf, inf],
    // indices [0, 1, 2, 3, 3].
    let (d, i) = tree.query(&[0.0, 0.0], 5, 2.0, f64::INFINITY).unwrap();
    assert_eq!(d, vec![0.0, 2f64.sqrt(), 2.0, f64::INFINITY, f64::INFINITY]);
    assert_eq!(i, vec![0, 1, 2, 3, 3]);
}

/// Triangulations and hulls of the same points at any scale: the in-circle and orientation
/// determinants (products of up to four coordinate differences) overflowed from coordinates
/// near 1e77 and gave a wrong Delaunay triangulation (1 or 0 triangles instead of 4), and
/// underflowed for tiny ones. SciPy (Qhull) is right at 1e50 and raises QhullError at 1e100;
/// here every scale gives the unit square's triangulation, and the hull's perimeter and area
/// scale with the points (exactly: the internal scaling is by powers of two).
#[test]
fn delaunay_and_hull_do_not_depend_on_the_scale() {
    let unit = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4], [0.3, 0.8]];
    let sorted = |d: &Delaunay| {
        let mut t: Vec<[usize; 3]> = d
            .simplices
            .iter()
            .map(|s| {
                let mut s = *s;
                s.sort();
                s
            })
            .collect();
        t.sort();
        t
    };
    let want = sorted(&Delaunay::new(&unit).unwrap());
    assert_eq!(want.len(), 6);
    let hull = ConvexHull::new(&unit).unwrap();
    for s in [1e-300, 1e-200, 1e-100, 2.0, 1e80, 1e100, 1e150, 1e250, 1e300] {
        let pts = &unit * s;
        assert_eq!(sorted(&Delaunay::new(&pts).unwrap()), want, "scale {s}");
        let h = ConvexHull::new(&pts).unwrap();
        assert_eq!(h.vertices, hull.vertices, "scale {s}");
        assert!((h.area / (hull.area * s) - 1.0).abs() < 1e-15, "scale {s}: perimeter {}", h.area);
        let volume = hull.volume * s * s;
        if volume.is_finite() && volume > 1e-300 {
            assert!((h.volume / volume - 1.0).abs() < 1e-15, "scale {s}: area {}", h.volume);
        }
    }
}

/// The vectors of the two-vector functions, by name.
fn vectors() -> Vec<(&'static str, Array1<f64>)> {
    vec![
        ("empty", Array1::zeros(0)),
        ("one zero", array![0.0]),
        ("one", array![1.0]),
        ("zeros", array![0.0, 0.0, 0.0]),
        ("ones", array![1.0, 1.0, 1.0]),
        ("mixed", array![1.0, 0.0, 2.5]),
        ("negative", array![-1.0, 0.5, -2.0]),
        ("NaN", array![f64::NAN, 1.0, 0.0]),
        ("inf", array![f64::INFINITY, 1.0, 0.0]),
        ("huge", array![1e308, -1e308, 1e308]),
        ("tiny", array![1e-320, 0.0, 5e-324]),
    ]
}

#[test]
fn no_distance_function_panics_on_edge_vectors() {
    let mut panics = PanicSweep::new();
    let vecs = vectors();
    let weights: Vec<Option<Vec<f64>>> = vec![
        None,
        Some(vec![1.0, 2.0, 0.5]),
        Some(vec![0.0; 3]),
        Some(vec![-1.0, 1.0, 1.0]),
        Some(vec![f64::NAN; 3]),
        Some(vec![1.0]),
    ];
    let mats: Vec<Array2<f64>> = vec![
        Array2::eye(3),
        Array2::zeros((3, 3)),
        Array2::eye(1),
        Array2::zeros((0, 0)),
        Array2::from_elem((3, 3), f64::NAN),
    ];
    for (un, u) in &vecs {
        for (vn, v) in &vecs {
            let p = &mut panics;
            for w in &weights {
                let w = w.as_deref();
                let tag = |f: &str| format!("{f} {un} vs {vn} w {w:?}");
                p.run(tag("dice"), || drop(dice(u, v, w)));
                p.run(tag("jaccard"), || drop(jaccard(u, v, w)));
                p.run(tag("rogerstanimoto"), || drop(rogerstanimoto(u, v, w)));
                p.run(tag("russellrao"), || drop(russellrao(u, v, w)));
                p.run(tag("sokalsneath"), || drop(sokalsneath(u, v, w)));
                p.run(tag("yule"), || drop(yule(u, v, w)));
            }
            for base in [None, Some(2.0), Some(1.0), Some(0.0), Some(-1.0), Some(f64::NAN)] {
                p.run(format!("jensenshannon {un} vs {vn} base {base:?}"), || {
                    drop(jensenshannon(u, v, base))
                });
            }
            for m in &mats {
                p.run(format!("mahalanobis {un} vs {vn} VI {:?}", m.shape()), || drop(mahalanobis(u, v, m)));
            }
            for (vv, var) in &vecs {
                p.run(format!("seuclidean {un} vs {vn} V {vv}"), || drop(seuclidean(u, v, var)));
            }
            for pn in [1.0, 2.0, 3.0, 0.5, 0.0, -1.0, f64::INFINITY, f64::NAN] {
                p.run(format!("minkowski_distance {un} vs {vn} p {pn}"), || {
                    drop(minkowski_distance(u, v, pn))
                });
                p.run(format!("minkowski_distance_p {un} vs {vn} p {pn}"), || {
                    drop(minkowski_distance_p(u, v, pn))
                });
                if let Ok(r) = Rectangle::new(u, v) {
                    let rr = r.clone();
                    p.run(format!("Rectangle {un} {vn} p {pn}"), || {
                        std::hint::black_box(r.volume());
                        drop(r.split(0, 0.5));
                        drop(r.split(usize::MAX, f64::NAN));
                        drop(r.min_distance_point(u, pn));
                        drop(r.max_distance_point(v, pn));
                        drop(r.min_distance_rectangle(&rr, pn));
                        drop(r.max_distance_rectangle(&rr, pn));
                    });
                }
            }
            let t = [0.0, 0.5, 1.0, -3.0, f64::NAN, f64::INFINITY, 1e300];
            p.run(format!("geometric_slerp {un} to {vn}"), || drop(geometric_slerp(u, v, &t)));
        }
        let p = &mut panics;
        p.run(format!("is_valid_y {un}"), || drop((is_valid_y(u), num_obs_y(u), check_valid_y(u))));
        p.run(format!("is_valid_dm {un}"), || drop((is_valid_dm(u, 0.0), num_obs_dm(u))));
    }
    for len in [0usize, 1, 2, 3, 6, 7, 4950, 4951] {
        let y = Array1::<f64>::zeros(len);
        panics.run(format!("num_obs_y length {len}"), || drop(num_obs_y(&y)));
    }
    let unit = array![[0.0, 1.0], [1.0, 0.0]];
    for axis in 0..3 {
        panics.run(format!("jensenshannon_axis {axis}"), || {
            drop(jensenshannon_axis(&unit, &unit, None, sci_array::ndarray::Axis(axis)));
            drop(jensenshannon_axis(
                &Array2::zeros((0, 3)),
                &Array2::zeros((0, 3)),
                None,
                sci_array::ndarray::Axis(axis),
            ));
        });
    }
    panics.finish();
}

#[test]
fn no_geometry_function_panics_on_edge_points() {
    let mut panics = PanicSweep::new();
    let sets = point_sets();
    for (label, x) in &sets {
        let p = &mut panics;
        for tol in [0.0, 0.1, f64::INFINITY, f64::NAN, -1.0] {
            p.run(format!("is_valid_dm {label} tol {tol}"), || {
                drop((is_valid_dm(x, tol), check_valid_dm(x, tol), num_obs_dm(x)))
            });
        }
        p.run(format!("Voronoi {label}"), || drop(Voronoi::new(x)));
        p.run(format!("Delaunay + tsearch {label}"), || {
            if let Ok(t) = Delaunay::new(x) {
                for (_, q) in &sets {
                    drop(tsearch(&t, q));
                }
            }
        });
        for (other, y) in &sets {
            let tag = |f: &str| format!("{f} {label} vs {other}");
            p.run(tag("directed_hausdorff"), || drop(directed_hausdorff(x, y, 0)));
            p.run(tag("procrustes"), || drop(procrustes(x, y)));
            for pn in [1.0, 2.0, 0.5, f64::INFINITY, f64::NAN] {
                p.run(tag(&format!("distance_matrix p {pn}")), || drop(distance_matrix(x, y, pn)));
                p.run(tag(&format!("minkowski_distance p {pn}")), || drop(minkowski_distance(x, y, pn)));
            }
        }
    }
    panics.finish();
}

//! Distances, KDTree, ConvexHull and Delaunay against SciPy.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_spatial::{
    ConvexHull, Delaunay, KDTree, Metric, SpatialError, cdist, pdist, squareform, squareform_to_condensed,
};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic.json")).expect("fixture")
}

fn a1(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().expect("1-d")
}

fn a2(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().expect("2-d")
}

#[test]
fn distances_match_scipy() {
    let fx = fixture();
    let (x, y) = (a2(&fx, "distance/X"), a2(&fx, "distance/Y"));
    let metrics = [
        ("euclidean", Metric::Euclidean),
        ("sqeuclidean", Metric::SqEuclidean),
        ("cityblock", Metric::Cityblock),
        ("chebyshev", Metric::Chebyshev),
        ("cosine", Metric::Cosine),
        ("correlation", Metric::Correlation),
        ("canberra", Metric::Canberra),
        ("braycurtis", Metric::BrayCurtis),
        ("hamming", Metric::Hamming),
    ];
    for (name, m) in metrics {
        let got = pdist(&x, m).unwrap();
        check_allclose(&got, &a1(&fx, &format!("distance/pdist_{name}")), 1e-13, 1e-15)
            .unwrap_or_else(|e| panic!("pdist {name}: {e}"));
        let got = cdist(&x, &y, m).unwrap();
        check_allclose(&got, &a2(&fx, &format!("distance/cdist_{name}")), 1e-13, 1e-15)
            .unwrap_or_else(|e| panic!("cdist {name}: {e}"));
    }
    for p in ["1.0", "1.5", "3.0"] {
        let got = pdist(&x, Metric::Minkowski(p.parse().unwrap())).unwrap();
        check_allclose(&got, &a1(&fx, &format!("distance/pdist_minkowski_{p}")), 1e-13, 1e-15)
            .unwrap_or_else(|e| panic!("minkowski {p}: {e}"));
    }
    let got = pdist(&a2(&fx, "distance/Xi"), Metric::Hamming).unwrap();
    assert_eq!(got, a1(&fx, "distance/pdist_hamming_int"));
    let sq = squareform(&pdist(&x, Metric::Euclidean).unwrap()).unwrap();
    check_allclose(&sq, &a2(&fx, "distance/square"), 1e-14, 0.0).unwrap();
    assert_eq!(squareform_to_condensed(&sq).unwrap(), pdist(&x, Metric::Euclidean).unwrap());
    // Non-contiguous rows: every other point.
    let strided = x.slice(sci_array::ndarray::s![..;2, ..]);
    let full = squareform(&pdist(&x, Metric::Cityblock).unwrap()).unwrap();
    let sub = squareform(&pdist(&strided, Metric::Cityblock).unwrap()).unwrap();
    assert_eq!(sub[[1, 2]], full[[2, 4]]);
    // Edge sizes: no pair, one pair.
    assert_eq!(pdist(&x.slice(sci_array::ndarray::s![..1, ..]), Metric::Euclidean).unwrap().len(), 0);
    assert_eq!(squareform(&Array1::<f64>::zeros(0)).unwrap().shape(), &[1, 1]);
}

#[test]
fn kdtree_matches_scipy() {
    let fx = fixture();
    let pts = a2(&fx, "kdtree/pts");
    let q = a2(&fx, "kdtree/q");
    for leafsize in [10, 1, 3] {
        let tree = KDTree::new(&pts, leafsize).unwrap();
        for k in [1usize, 3] {
            for (pname, p) in [("1", 1.0), ("2", 2.0), ("inf", f64::INFINITY)] {
                let want_d = a2(&fx, &format!("kdtree/k{k}_p{pname}_d"));
                let want_i = fx.array_i64(&format!("kdtree/k{k}_p{pname}_i"));
                for r in 0..q.nrows() {
                    let (d, i) = tree.query(q.row(r).as_slice().unwrap(), k, p, f64::INFINITY).unwrap();
                    for j in 0..k {
                        assert_eq!(
                            i[j] as i64,
                            want_i[[r, j]],
                            "leafsize {leafsize} k {k} p {pname} row {r}"
                        );
                        assert!(
                            (d[j] - want_d[[r, j]]).abs() <= 1e-14,
                            "distance {} vs {}",
                            d[j],
                            want_d[[r, j]]
                        );
                    }
                }
            }
        }
        let want_d = a2(&fx, "kdtree/bound_d");
        let want_i = fx.array_i64("kdtree/bound_i");
        for r in 0..q.nrows() {
            let (d, i) = tree.query(q.row(r).as_slice().unwrap(), 5, 2.0, 0.12).unwrap();
            for j in 0..5 {
                assert_eq!(i[j] as i64, want_i[[r, j]], "bounded row {r}");
                let w = want_d[[r, j]];
                assert!(d[j] == w || (d[j] - w).abs() <= 1e-14, "bounded distance {} vs {w}", d[j]);
            }
        }
        let lens = fx.array_i64("kdtree/ball_lens");
        let flat = fx.array_i64("kdtree/ball_flat");
        let mut off = 0;
        for r in 0..q.nrows() {
            let got = tree.query_ball_point(q.row(r).as_slice().unwrap(), 0.15, 2.0).unwrap();
            let n = lens[r] as usize;
            let want: Vec<usize> = flat.iter().skip(off).take(n).map(|&v| v as usize).collect();
            off += n;
            assert_eq!(got, want, "ball row {r}");
        }
    }
}

#[test]
fn hull_and_delaunay_match_scipy() {
    let fx = fixture();
    let n = fx.get("geometry").as_array().unwrap().len();
    for c in 0..n {
        let p = |k: &str| format!("geometry/{c}/{k}");
        let pts = a2(&fx, &p("pts"));
        let hull = ConvexHull::new(&pts).unwrap();
        let mut v = hull.vertices.clone();
        v.sort_unstable();
        let want: Vec<usize> = fx.array_i64(&p("hull_vertices")).iter().map(|&x| x as usize).collect();
        assert_eq!(v, want, "hull vertices, case {c}");
        assert!((hull.area - fx.f64(&p("area"))).abs() < 1e-13);
        assert!((hull.volume - fx.f64(&p("volume"))).abs() < 1e-13);
        let tri = Delaunay::new(&pts).unwrap();
        let mut simp: Vec<[usize; 3]> = tri
            .simplices
            .iter()
            .map(|t| {
                let mut s = *t;
                s.sort_unstable();
                s
            })
            .collect();
        simp.sort_unstable();
        let want = fx.array_i64(&p("simplices"));
        assert_eq!(simp.len(), want.shape()[0], "number of triangles, case {c}");
        for (i, s) in simp.iter().enumerate() {
            assert_eq!(
                s.map(|v| v as i64),
                [want[[i, 0]], want[[i, 1]], want[[i, 2]]],
                "triangle {i}, case {c}"
            );
        }
    }
    let sq = a2(&fx, "tutorial/pts");
    assert_eq!(Delaunay::new(&sq).unwrap().simplices.len() as i64, fx.i64("tutorial/n_simplices"));
}

#[test]
fn bad_input() {
    let x = Array2::from_shape_vec((3, 2), vec![0.0, 0.0, 1.0, 1.0, 2.0, 2.0]).unwrap();
    let y3 = Array2::<f64>::zeros((2, 3));
    let mut nan = x.clone();
    nan[[1, 1]] = f64::NAN;
    let tree = KDTree::new(&x, 10).unwrap();
    let table: Vec<(&str, SpatialError)> = vec![
        ("cdist dims", cdist(&x, &y3, Metric::Euclidean).unwrap_err()),
        ("pdist nan", pdist(&nan, Metric::Euclidean).unwrap_err()),
        ("minkowski p", pdist(&x, Metric::Minkowski(0.5)).unwrap_err()),
        ("condensed", squareform(&Array1::zeros(4)).unwrap_err()),
        ("not square", squareform_to_condensed(&y3).unwrap_err()),
        ("collinear hull", ConvexHull::new(&x).unwrap_err()),
        ("collinear delaunay", Delaunay::new(&x).unwrap_err()),
        ("3-d hull", ConvexHull::new(&y3).unwrap_err()),
        ("kdtree nan", KDTree::new(&nan, 10).unwrap_err()),
        ("leafsize", KDTree::new(&x, 0).unwrap_err()),
        ("query dims", tree.query(&[0.0], 1, 2.0, f64::INFINITY).unwrap_err()),
        ("query k", tree.query(&[0.0, 0.0], 0, 2.0, f64::INFINITY).unwrap_err()),
        ("query p", tree.query(&[0.0, 0.0], 1, 0.5, f64::INFINITY).unwrap_err()),
        ("ball r", tree.query_ball_point(&[0.0, 0.0], -1.0, 2.0).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "cdist dims" | "3-d hull" | "query dims" => matches!(e, SpatialError::DimensionMismatch { .. }),
            "pdist nan" | "kdtree nan" => matches!(e, SpatialError::NotFinite { .. }),
            "condensed" => matches!(e, SpatialError::NotCondensed { len: 4 }),
            "collinear hull" | "collinear delaunay" => matches!(e, SpatialError::Degenerate { .. }),
            _ => matches!(e, SpatialError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
    // Fewer neighbours than k: SciPy's (inf, n) padding.
    let (d, i) = tree.query(&[0.0, 0.0], 5, 2.0, f64::INFINITY).unwrap();
    assert_eq!(i, vec![0, 1, 2, 3, 3]);
    assert!(d[3].is_infinite() && d[4].is_infinite());
}

//! minkowski_distance(_p), distance_matrix, Rectangle, procrustes, geometric_slerp, Voronoi and
//! tsearch against SciPy 1.17 (`tools/fixtures/spatial_geometry.py`).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_spatial::*;
use std::collections::{BTreeMap, BTreeSet};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/geometry.json")).expect("fixture")
}

fn a1(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().expect("1-d")
}

fn a2(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().expect("2-d")
}

fn count(fx: &Fixture, p: &str) -> usize {
    fx.get(p).as_array().unwrap().len()
}

const PS: [(&str, f64); 5] = [("1.0", 1.0), ("2.0", 2.0), ("3.0", 3.0), ("0.5", 0.5), ("inf", f64::INFINITY)];

#[test]
fn minkowski_and_distance_matrix_match_scipy() {
    let fx = fixture();
    let (x, y, xl, yl, y1) = (
        a2(&fx, "minkowski/x"),
        a2(&fx, "minkowski/y"),
        a2(&fx, "minkowski/xl"),
        a2(&fx, "minkowski/yl"),
        a1(&fx, "minkowski/y1"),
    );
    for (t, p) in PS {
        // The same formula and NumPy's pairwise sums: powf may differ by an ulp.
        let tol = 1e-15 * if p == 3.0 || p == 0.5 { 4.0 } else { 1.0 };
        let k = |n: &str| fx.array_f64(&format!("minkowski/{n}_{t}"));
        check_allclose(&minkowski_distance(&x, &y, p).unwrap(), &k("d"), tol, 0.0)
            .unwrap_or_else(|e| panic!("p {t}: {e}"));
        check_allclose(&minkowski_distance_p(&x, &y, p).unwrap(), &k("dp"), tol, 0.0)
            .unwrap_or_else(|e| panic!("p {t}: {e}"));
        check_allclose(&minkowski_distance(&xl, &yl, p).unwrap(), &k("dl"), tol, 0.0)
            .unwrap_or_else(|e| panic!("p {t}: {e}"));
        check_allclose(&minkowski_distance(&y1, &x, p).unwrap(), &k("bcast"), tol, 0.0)
            .unwrap_or_else(|e| panic!("p {t}: {e}"));
        let dm = distance_matrix(&x, &y.slice(s![..4, ..]), p).unwrap();
        check_allclose(&dm, &k("dm").into_dimensionality::<Ix2>().unwrap(), tol, 0.0)
            .unwrap_or_else(|e| panic!("p {t}: {e}"));
        // Transposed views: columns of x.t() are the rows of x.
        let xt = x.t().to_owned();
        let again = distance_matrix(&xt.t(), &y.slice(s![..4, ..]), p).unwrap();
        assert_eq!(again, dm);
    }
}

#[test]
fn rectangle_matches_scipy() {
    let fx = fixture();
    for c in 0..count(&fx, "rectangle") {
        let p = |k: &str| format!("rectangle/{c}/{k}");
        let r = Rectangle::new(&a1(&fx, &p("a")), &a1(&fx, &p("b"))).unwrap();
        let o = Rectangle::new(&a1(&fx, &p("oa")), &a1(&fx, &p("ob"))).unwrap();
        assert_eq!(r.maxes, a1(&fx, &p("maxes")));
        assert_eq!(r.mins, a1(&fx, &p("mins")));
        assert!((r.volume() - fx.f64(&p("volume"))).abs() <= 1e-15 * r.volume().abs());
        let (lo, hi) = r.split(0, (r.maxes[0] + r.mins[0]) / 2.0).unwrap();
        let cat = |r: &Rectangle| r.maxes.iter().chain(r.mins.iter()).copied().collect::<Array1<f64>>();
        assert_eq!(cat(&lo), a1(&fx, &p("split_lo")));
        assert_eq!(cat(&hi), a1(&fx, &p("split_hi")));
        let pt = a1(&fx, &p("pt"));
        let mid = (&r.maxes + &r.mins) / 2.0;
        for (t, q) in [("1.0", 1.0), ("2.0", 2.0), ("3.0", 3.0), ("inf", f64::INFINITY)] {
            let checks = [
                ("min_pt", r.min_distance_point(&pt, q).unwrap()),
                ("max_pt", r.max_distance_point(&pt, q).unwrap()),
                ("min_pt_in", r.min_distance_point(&mid, q).unwrap()),
                ("min_rect", r.min_distance_rectangle(&o, q).unwrap()),
                ("max_rect", r.max_distance_rectangle(&o, q).unwrap()),
            ];
            for (name, got) in checks {
                let want = fx.f64(&p(&format!("{name}_{t}")));
                assert!((got - want).abs() <= 4e-16 * want.abs(), "{name} p {t}: {got} vs {want}");
            }
        }
    }
}

#[test]
fn procrustes_matches_scipy() {
    let fx = fixture();
    for c in 0..count(&fx, "procrustes") {
        let p = |k: &str| format!("procrustes/{c}/{k}");
        let fit = procrustes(&a2(&fx, &p("a")), &a2(&fx, &p("b"))).unwrap();
        check_allclose(&fit.mtx1, &a2(&fx, &p("mtx1")), 1e-14, 1e-15).unwrap();
        // SVDs by faer and LAPACK: agreement to a few ulps of the unit-norm matrices.
        assert!((fit.disparity - fx.f64(&p("disparity"))).abs() <= 1e-14, "case {c}: {}", fit.disparity);
        if fx.i64(&p("unique")) == 1 {
            check_allclose(&fit.mtx2, &a2(&fx, &p("mtx2")), 1e-12, 1e-14)
                .unwrap_or_else(|e| panic!("case {c}: {e}"));
        }
        // Invariants: unit norm, centred; disparity = |mtx1 - mtx2|^2.
        assert!((fit.mtx1.mapv(|v| v * v).sum() - 1.0).abs() < 1e-14);
        assert!(fit.mtx1.sum_axis(sci_array::ndarray::Axis(0)).iter().all(|v| v.abs() < 1e-14));
        let d: f64 = (&fit.mtx1 - &fit.mtx2).mapv(|v| v * v).sum();
        assert!((d - fit.disparity).abs() < 1e-14);
    }
}

#[test]
fn geometric_slerp_matches_scipy() {
    let fx = fixture();
    for c in 0..count(&fx, "slerp") {
        let p = |k: &str| format!("slerp/{c}/{k}");
        let t = a1(&fx, &p("t"));
        let path =
            geometric_slerp(&a1(&fx, &p("start")), &a1(&fx, &p("end")), t.as_slice().unwrap()).unwrap();
        // Householder QR as LAPACK's, but sin/cos/BLAS sums may differ by an ulp or two.
        check_allclose(&path, &a2(&fx, &p("path")), 1e-14, 1e-15).unwrap_or_else(|e| panic!("case {c}: {e}"));
        // Every point stays on the sphere.
        for row in path.rows() {
            assert!((row.dot(&row) - 1.0).abs() < 1e-14);
        }
    }
    let e = Array1::from(vec![1.0, 0.0]);
    assert_eq!(geometric_slerp(&e, &Array1::from(vec![0.0, 1.0]), &[]).unwrap().shape(), &[0, 2]);
}

/// The index of the row of `rows` nearest to `x`, which must be within `tol` (relative).
fn nearest(rows: &Array2<f64>, x: [f64; 2], tol: f64) -> usize {
    let (k, d) = rows
        .rows()
        .into_iter()
        .map(|r| (r[0] - x[0]).hypot(r[1] - x[1]))
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .expect("a vertex");
    assert!(d <= tol * (1.0 + x[0].abs().max(x[1].abs())), "vertex {x:?} not found (nearest at {d})");
    k
}

#[test]
fn voronoi_matches_scipy_as_sets() {
    let fx = fixture();
    for c in 0..count(&fx, "voronoi") {
        let p = |k: &str| format!("voronoi/{c}/{k}");
        let pts = a2(&fx, &p("pts"));
        let vor = Voronoi::new(&pts).unwrap();
        let want_v = a2(&fx, &p("vertices"));
        assert_eq!(vor.vertices.nrows(), want_v.nrows(), "case {c}: number of vertices");
        // Qhull's circumcentres are computed differently: agree to ~1e-10 of the scale
        // (thin hull triangles have far, ill-conditioned centres).
        let map: Vec<i64> = (0..want_v.nrows())
            .map(|k| nearest(&vor.vertices, [want_v[[k, 0]], want_v[[k, 1]]], 1e-9) as i64)
            .collect();
        let m = |v: i64| if v < 0 { -1 } else { map[v as usize] };
        let wrp = fx.array_i64(&p("ridge_points"));
        let wrv = fx.array_i64(&p("ridge_vertices"));
        let mut want: BTreeMap<[usize; 2], [i64; 2]> = BTreeMap::new();
        for r in 0..wrp.shape()[0] {
            let (a, b) = (wrp[[r, 0]] as usize, wrp[[r, 1]] as usize);
            let (x, y) = (m(wrv[[r, 0]]), m(wrv[[r, 1]]));
            want.insert([a.min(b), a.max(b)], [x.min(y), x.max(y)]);
        }
        let mut got: BTreeMap<[usize; 2], [i64; 2]> = BTreeMap::new();
        for (rp, rv) in vor.ridge_points.iter().zip(&vor.ridge_vertices) {
            got.insert([rp[0].min(rp[1]), rp[0].max(rp[1])], [rv[0].min(rv[1]), rv[0].max(rv[1])]);
        }
        assert_eq!(got, want, "case {c}: ridges");
        let lens = fx.array_i64(&p("region_lens"));
        let flat = fx.array_i64(&p("region_flat"));
        let mut off = 0;
        for i in 0..pts.nrows() {
            let n = lens[i] as usize;
            let want: BTreeSet<i64> = flat.iter().skip(off).take(n).map(|&v| m(v)).collect();
            off += n;
            let region = &vor.regions[vor.point_region[i]];
            let got: BTreeSet<i64> = region.iter().copied().collect();
            assert_eq!(got, want, "case {c}: region of point {i}");
            assert_eq!(got.len(), region.len(), "a vertex repeated in region {i}");
            // Bounded regions are convex polygons listed counter-clockwise.
            if !region.contains(&-1) && region.len() >= 3 {
                let v = |k: usize| vor.vertices.row(region[k % region.len()] as usize).to_owned();
                let area: f64 =
                    (0..region.len()).map(|k| v(k)[0] * v(k + 1)[1] - v(k + 1)[0] * v(k)[1]).sum();
                assert!(area > 0.0, "case {c}: region {i} not counter-clockwise");
            }
        }
    }
}

#[test]
fn tsearch_matches_scipy() {
    let fx = fixture();
    let pts = a2(&fx, "tsearch/pts");
    let q = a2(&fx, "tsearch/q");
    let want = fx.array_i64("tsearch/found");
    let tri = Delaunay::new(&pts).unwrap();
    let found = tsearch(&tri, &q).unwrap();
    for (k, f) in found.iter().enumerate() {
        // Triangles are numbered differently: compare inside/outside, and that the triangle
        // found contains the point.
        assert_eq!(f.is_some(), want[k] >= 0, "query {k}");
        if let Some(t) = f {
            let s = tri.simplices[*t];
            let pt = |i: usize| [pts[[i, 0]], pts[[i, 1]]];
            let (a, b, c) = (pt(s[0]), pt(s[1]), pt(s[2]));
            let x = [q[[k, 0]], q[[k, 1]]];
            let o = |p: [f64; 2], r: [f64; 2]| (r[0] - p[0]) * (x[1] - p[1]) - (r[1] - p[1]) * (x[0] - p[0]);
            assert!(o(a, b) >= 0.0 && o(b, c) >= 0.0 && o(c, a) >= 0.0);
        }
    }
    assert!(tsearch(&tri, &Array2::<f64>::zeros((2, 3))).is_err());
    // A grid (co-circular points, collinear hull points): vertices, edge midpoints and points
    // on the hull's lines outside it, against the brute-force search.
    let grid = Array2::from_shape_fn((30, 2), |(i, j)| if j == 0 { (i % 6) as f64 } else { (i / 6) as f64 });
    let tri = Delaunay::new(&grid).unwrap();
    let q = Array2::from_shape_fn((13 * 11, 2), |(i, j)| {
        if j == 0 { (i % 13) as f64 / 2.0 - 0.5 } else { (i / 13) as f64 / 2.0 - 0.5 }
    });
    let walk = tsearch(&tri, &q.slice(s![..;-1, ..])).unwrap();
    for (k, f) in walk.iter().enumerate() {
        let r = q.nrows() - 1 - k;
        let x = [q[[r, 0]], q[[r, 1]]];
        let inside = (0.0..=5.0).contains(&x[0]) && (0.0..=4.0).contains(&x[1]);
        assert_eq!(f.is_some(), inside, "query {x:?}");
        assert_eq!(tri.find_simplex(&x).is_some(), inside, "query {x:?}");
    }
    assert_eq!(tsearch(&tri, &sci_array::ndarray::array![[f64::NAN, 1.0]]).unwrap(), vec![None]);
}

#[test]
fn bad_input() {
    let x = Array2::<f64>::zeros((3, 2));
    let y3 = Array2::<f64>::zeros((3, 3));
    let r = Rectangle::new(&Array1::from(vec![1.0, 1.0]), &Array1::from(vec![0.0, 0.0])).unwrap();
    let r3 = Rectangle::new(&Array1::from(vec![1.0; 3]), &Array1::from(vec![0.0; 3])).unwrap();
    let e2 = Array1::from(vec![1.0, 0.0]);
    let table: Vec<(&str, SpatialError)> = vec![
        ("minkowski shapes", minkowski_distance(&x, &y3, 2.0).unwrap_err()),
        (
            "minkowski empty inf",
            minkowski_distance(&Array2::<f64>::zeros((2, 0)), &Array2::<f64>::zeros((2, 0)), f64::INFINITY)
                .unwrap_err(),
        ),
        ("distance_matrix columns", distance_matrix(&x, &y3, 2.0).unwrap_err()),
        ("rectangle lengths", Rectangle::new(&Array1::from(vec![1.0]), &e2).unwrap_err()),
        ("rectangle split axis", r.split(2, 0.5).unwrap_err()),
        ("rectangle point", r.min_distance_point(&Array1::from(vec![1.0]), 2.0).unwrap_err()),
        ("rectangle rectangles", r.max_distance_rectangle(&r3, 2.0).unwrap_err()),
        ("procrustes shapes", procrustes(&x, &y3).unwrap_err()),
        (
            "procrustes empty",
            procrustes(&Array2::<f64>::zeros((0, 2)), &Array2::<f64>::zeros((0, 2))).unwrap_err(),
        ),
        (
            "procrustes one point",
            procrustes(&x, &Array2::from_shape_fn((3, 2), |(i, _)| i as f64)).unwrap_err(),
        ),
        ("procrustes NaN", procrustes(&Array2::from_elem((3, 2), f64::NAN), &x).unwrap_err()),
        ("slerp lengths", geometric_slerp(&e2, &Array1::from(vec![1.0, 0.0, 0.0]), &[0.5]).unwrap_err()),
        (
            "slerp 1-d",
            geometric_slerp(&Array1::from(vec![1.0]), &Array1::from(vec![-1.0]), &[0.5]).unwrap_err(),
        ),
        ("slerp norm", geometric_slerp(&e2, &Array1::from(vec![0.0, 2.0]), &[0.5]).unwrap_err()),
        ("voronoi 3-d", Voronoi::new(&y3).unwrap_err()),
        ("voronoi collinear", Voronoi::new(&Array2::from_shape_fn((4, 2), |(i, _)| i as f64)).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "rectangle lengths" | "rectangle point" | "rectangle rectangles" | "slerp lengths" => {
                matches!(e, SpatialError::LengthMismatch { .. })
            }
            "distance_matrix columns" | "voronoi 3-d" => matches!(e, SpatialError::DimensionMismatch { .. }),
            "procrustes NaN" => matches!(e, SpatialError::NotFinite { .. }),
            "voronoi collinear" => matches!(e, SpatialError::Degenerate { .. }),
            _ => matches!(e, SpatialError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
}

/// Co-circular points (round-off makes their in-circle tests inconsistent) gave overlapping
/// triangles (18 for 8 points on a circle) and so a wrong Voronoi diagram. Now any
/// triangulation is valid: the triangles tile the hull exactly once.
#[test]
fn delaunay_of_cocircular_points_tiles_the_hull() {
    for (n, centre) in [(8usize, false), (8, true), (16, false), (33, true), (64, false)] {
        let m = n + usize::from(centre);
        let pts = Array2::from_shape_fn((m, 2), |(i, j)| {
            if i == n {
                return 0.0;
            }
            let a = i as f64 * std::f64::consts::TAU / n as f64;
            if j == 0 { 3.0 * a.cos() + 1.0 } else { 3.0 * a.sin() - 2.0 }
        });
        let tri = Delaunay::new(&pts).unwrap();
        // Euler: a triangulation of m points with h on the hull has 2m - h - 2 triangles.
        assert_eq!(tri.simplices.len(), 2 * m - n - 2, "{n} points on a circle, centre {centre}");
        let area: f64 = tri
            .simplices
            .iter()
            .map(|t| {
                let p = |k: usize| [pts[[t[k], 0]], pts[[t[k], 1]]];
                let (a, b, c) = (p(0), p(1), p(2));
                ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) / 2.0
            })
            .sum();
        let hull = ConvexHull::new(&pts).unwrap();
        assert!((area - hull.volume).abs() < 1e-12, "area {area} vs {}", hull.volume);
        let vor = Voronoi::new(&pts).unwrap();
        assert_eq!(vor.vertices.nrows(), if centre { n } else { 1 }, "{n} points, centre {centre}");
    }
}

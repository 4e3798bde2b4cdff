//! The spatial chapter: Delaunay triangulation, convex hull, distances and a k-d tree.

use crate::plot;
use crate::report::Tour;
use sci::ndarray::{Array2, array};
use sci::spatial::{ConvexHull, Delaunay, KDTree, Metric, pdist};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Spatial data (sci::spatial)");
    // The unit square's corners and one point inside.
    let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    let tri = Delaunay::new(&pts)?;
    tour.check("spatial.delaunay_n_simplices", json!(tri.simplices.len()));
    let hull = ConvexHull::new(&pts)?;
    tour.check("spatial.hull_area_volume", json!([hull.area, hull.volume]));
    tour.check("spatial.pdist", json!(pdist(&pts, Metric::Euclidean)?.to_vec()));
    let tree = KDTree::new(&pts, 10)?;
    let (d, i) = tree.query(&[0.9, 0.2], 1, 2.0, f64::INFINITY)?;
    tour.check("spatial.kdtree_query", json!([d[0], i[0] as f64]));

    // A Delaunay triangulation of 60 points on a spiral (deterministic, general position).
    let n = 60;
    let spiral = Array2::from_shape_fn((n, 2), |(k, c)| {
        let t = k as f64 * 0.37;
        let r = 0.2 + 0.8 * k as f64 / n as f64;
        if c == 0 { r * t.cos() } else { r * t.sin() }
    });
    let tri = Delaunay::new(&spiral)?;
    let polys: Vec<Vec<(f64, f64)>> =
        tri.simplices.iter().map(|s| s.iter().map(|&v| (spiral[[v, 0]], spiral[[v, 1]])).collect()).collect();
    plot::polygons(&dir.join("delaunay.png"), "Delaunay triangulation of 60 spiral points", &polys)?;
    tour.figure(
        "delaunay.png",
        &format!("{} triangles (2n - h - 2 for n = {n} points, h on the hull)", tri.simplices.len()),
    );
    Ok(())
}

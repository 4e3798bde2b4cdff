//! The clustering chapter: complete-linkage hierarchical clustering and flat clusters.

use crate::report::Tour;
use sci::cluster::{Criterion, Method, fcluster, linkage_observations};
use sci::ndarray::array;
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, _dir: &Path) -> Res {
    tour.chapter("Clustering (sci::cluster)");
    let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    let z = linkage_observations(&pts, Method::Complete)?;
    let rows: Vec<Vec<f64>> = z.rows().into_iter().map(|r| r.to_vec()).collect();
    tour.check("cluster.linkage_complete", json!(rows));
    let labels = fcluster(&z, Criterion::MaxClust(2))?;
    tour.check("cluster.fcluster", json!(labels.to_vec()));
    tour.note(&format!(
        "Complete linkage merges the centre point first; cutting the tree into two clusters gives labels {}",
        labels
    ));
    Ok(())
}

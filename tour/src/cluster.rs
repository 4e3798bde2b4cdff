//! The clustering chapter: complete-linkage hierarchical clustering and flat clusters.

use crate::report::Tour;
use sci::array::random::default_rng;
use sci::cluster::{Criterion, Init, Method, fcluster, kmeans2, linkage_observations};
use sci::ndarray::{Array2, Axis, array, concatenate};
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

    // k-means on three seeded Gaussian blobs: kmeans2 with k-means++ seeding finds the centres.
    let truth = [[0.0, 0.0], [4.0, 4.0], [0.0, 5.0]];
    let mut rng = default_rng(2024);
    let mut parts: Vec<Array2<f64>> = Vec::new();
    for c in truth {
        let mut b = rng.normal(0.0, 0.5, (100, 2))?;
        for mut row in b.rows_mut() {
            row[0] += c[0];
            row[1] += c[1];
        }
        parts.push(b);
    }
    let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
    let data = concatenate(Axis(0), &views)?;
    let (centroids, _labels) = kmeans2(&data, &Init::PlusPlus { k: 3, seed: 7 }, 20)?;
    let worst = truth
        .iter()
        .map(|t| {
            centroids
                .rows()
                .into_iter()
                .map(|c| ((c[0] - t[0]).powi(2) + (c[1] - t[1]).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min)
        })
        .fold(0.0f64, f64::max);
    tour.check_claim(
        "cluster.kmeans2_blobs",
        json!(worst),
        "every true blob centre has a k-means centroid within 0.2 (300 points, sigma 0.5)",
        worst < 0.2,
    );
    Ok(())
}

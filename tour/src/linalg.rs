//! The linear-algebra chapter: solve, det, SVD and SVD image compression.

use crate::images;
use crate::plot;
use crate::report::Tour;
use sci::linalg;
use sci::ndarray::{Array2, array, s};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Linear algebra (sci::linalg)");
    tour.note("Dense solvers and decompositions on faer: pure Rust, no system BLAS or LAPACK needed.");

    // numpy.linalg.solve on an integer system (converted to floats, as NumPy does).
    let a = array![[3, 6, -5], [1, -3, 2], [5, -1, 4]].mapv(f64::from);
    let x = linalg::solve(&a, &array![12.0, -2.0, 10.0])?;
    tour.check("linalg.solve_3x3", json!(x.to_vec()));

    tour.check("linalg.det_2x2", json!(linalg::det(&array![[1.0, 2.0], [3.0, 4.0]])?));
    let x = linalg::solve(&array![[1.0, 2.0], [2.0, 3.0]], &array![14.0, 23.0])?;
    tour.check("linalg.solve_2x2", json!(x.to_vec()));
    let d = linalg::svd(&array![[1.0, 2.0], [2.0, 3.0]], true)?;
    tour.check("linalg.svd_2x2_s", json!(d.s.to_vec()));

    compression(tour, dir)
}

/// Keeps the top 20 singular triplets of a 225 x 225 image: 9020 numbers instead of 50625.
fn compression(tour: &mut Tour, dir: &Path) -> Res {
    let k = 20;
    let img = images::scene(225);
    let d = linalg::svd(&img, false)?;
    let (u_k, s_k, vh_k) = (d.u.slice(s![.., ..k]), d.s.slice(s![..k]), d.vh.slice(s![..k, ..]));
    tour.check("linalg.svd_compress_counts", json!([img.len(), u_k.len() + s_k.len() + vh_k.len()]));

    // Eckart-Young: the Frobenius error of the rank-k approximation is the norm of the
    // discarded singular values.
    let approx = d.reconstruct(k);
    let err = (&approx - &img).mapv(|v| v * v).sum().sqrt();
    let tail = d.s.slice(s![k..]).mapv(|v| v * v).sum().sqrt();
    let ok = (err - tail).abs() <= 1e-9 * img.mapv(|v| v * v).sum().sqrt();
    tour.check_claim(
        "linalg.svd_compress_error",
        json!([err, tail]),
        "rank-20 error equals the norm of the discarded singular values (Eckart-Young)",
        ok,
    );
    let side = side_by_side(&img, &approx.mapv(|v| v.clamp(0.0, 1.0)));
    plot::image(&dir.join("svd_compression.png"), "Original | rank-20 SVD", side.view(), 2)?;
    tour.figure(
        "svd_compression.png",
        "A 225x225 image and its rank-20 SVD approximation (18% of the numbers)",
    );
    Ok(())
}

/// Two equally tall images next to each other with a white gap.
pub fn side_by_side(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let (r, c) = a.dim();
    let gap = 6;
    let mut out = Array2::from_elem((r, 2 * c + gap), 1.0);
    out.slice_mut(s![.., ..c]).assign(a);
    out.slice_mut(s![.., c + gap..]).assign(b);
    out
}

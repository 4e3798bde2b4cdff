//! The image-processing chapter: morphology on the lecture notes' small arrays, labelling and
//! per-label measurements, blur, Sobel edges and zoom.

use crate::plot;
use crate::report::Tour;
use sci::ndarray::{Array2, ArrayD, s};
use sci::ndimage::{self, BinaryOptions, GaussianOptions, GreyOptions, InterpOptions, Mode};
use serde_json::{Value, json};
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

fn ints<T: Copy + Into<i64>>(a: &Array2<T>) -> Value {
    json!(a.rows().into_iter().map(|r| r.iter().map(|&v| v.into()).collect::<Vec<i64>>()).collect::<Vec<_>>())
}

fn bools(a: &Array2<bool>) -> Value {
    ints(&a.mapv(i64::from))
}

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Image processing (sci::ndimage)");

    let cross = ndimage::generate_binary_structure(2, 1);
    tour.check("ndimage.gbs_2_1", bools(&cross.clone().into_dimensionality()?));

    // Erosion of a 5x3 bar: the default cross, then a 5x5 square that erases it.
    let mut bar = Array2::<i64>::zeros((7, 7));
    bar.slice_mut(s![1..6, 2..5]).fill(1);
    tour.check("ndimage.binary_erosion", bools(&ndimage::binary_erosion(&bar, &BinaryOptions::default())?));
    let big = ArrayD::from_elem(vec![5, 5], true);
    let eroded = ndimage::binary_erosion(&bar, &BinaryOptions::structure(&big))?;
    tour.check("ndimage.binary_erosion_5x5_sum", json!(eroded.iter().filter(|&&v| v).count()));

    let mut dot = Array2::<f64>::zeros((5, 5));
    dot[[2, 2]] = 1.0;
    tour.check("ndimage.binary_dilation", bools(&ndimage::binary_dilation(&dot, &BinaryOptions::default())?));

    // Opening removes the isolated pixel; the cross also rounds the square's corners.
    let mut sq = Array2::<i64>::zeros((5, 5));
    sq.slice_mut(s![1..4, 1..4]).fill(1);
    sq[[4, 4]] = 1;
    let ones3 = ArrayD::from_elem(vec![3, 3], true);
    tour.check(
        "ndimage.binary_opening_3x3",
        bools(&ndimage::binary_opening(&sq, &BinaryOptions::structure(&ones3))?),
    );
    tour.check(
        "ndimage.binary_opening_cross",
        bools(&ndimage::binary_opening(&sq, &BinaryOptions::default())?),
    );

    let mut grey = Array2::<i64>::zeros((7, 7));
    grey.slice_mut(s![1..6, 1..6]).fill(3);
    grey[[4, 4]] = 2;
    grey[[2, 3]] = 1;
    tour.check("ndimage.grey_erosion", ints(&ndimage::grey_erosion(&grey, &GreyOptions::size(&[3, 3]))?));

    labels(tour, dir)?;
    filters(tour, dir)
}

/// Connected regions of `sin(2πx/50) sin(2πy/50) (1 + xy/2500)^2 > 1`, their areas and maxima.
fn labels(tour: &mut Tour, dir: &Path) -> Res {
    let sig = Array2::from_shape_fn((100, 100), |(x, y)| {
        let (x, y) = (x as f64, y as f64);
        (2.0 * std::f64::consts::PI * x / 50.0).sin()
            * (2.0 * std::f64::consts::PI * y / 50.0).sin()
            * (1.0 + x * y / 50.0f64.powi(2)).powi(2)
    });
    let mask = sig.mapv(|v| v > 1.0);
    let (lab, n) = ndimage::label(&mask, None)?;
    tour.check("ndimage.label_nb", json!(n));
    let index: Vec<i64> = (1..=n as i64).collect();
    tour.check("ndimage.label_areas", json!(ndimage::sum_labels(&mask, &lab, Some(&index))?));
    tour.check("ndimage.label_maxima", json!(ndimage::maximum(&sig, &lab, Some(&index))?));
    let objects = ndimage::find_objects(&lab, 0);
    let fourth = objects.get(3).cloned().flatten().ok_or("find_objects: no fourth object")?;
    tour.check("ndimage.find_objects_3", json!(fourth.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>()));
    plot::image(&dir.join("labels.png"), "label(sig > 1)", lab.mapv(f64::from).view(), 4)?;
    tour.figure("labels.png", "The labelled regions of the sin*sin pattern, one colour per label");
    Ok(())
}

/// Gaussian blur, Sobel edges and zoom on a white square.
fn filters(tour: &mut Tour, dir: &Path) -> Res {
    let mut img = Array2::<f64>::zeros((64, 64));
    img.slice_mut(s![20..40, 24..44]).fill(1.0);
    let blurred = ndimage::gaussian_filter(&img, &[3.0], &GaussianOptions::default())?;
    tour.check("ndimage.gaussian_sigma3_center", json!(blurred[[30, 34]]));
    tour.check("ndimage.gaussian_sigma3_edge", json!(blurred[[20, 24]]));
    let edges = ndimage::sobel(&img, 0, Mode::Reflect)?;
    tour.check("ndimage.sobel_axis0_row19_col30", json!(edges[[19, 30]]));
    let zoomed = ndimage::zoom(&Array2::<f64>::zeros((768, 1024)), &[2.0], false, &InterpOptions::default())?;
    tour.check("ndimage.zoom_shape", json!(zoomed.shape()));
    let side = crate::linalg::side_by_side(&blurred, &edges.mapv(f64::abs));
    plot::image(&dir.join("blur_sobel.png"), "gaussian_filter(sigma=3) | |sobel(axis=0)|", side.view(), 4)?;
    tour.figure("blur_sobel.png", "A white square blurred with sigma 3, and its horizontal edges by Sobel");
    Ok(())
}

//! The image-processing chapter: morphology on the lecture notes' small arrays, labelling and
//! per-label measurements, blur, Sobel edges and zoom; shift/rotate, median and Wiener denoising,
//! Otsu vs adaptive thresholds and local maxima on generated images (figures).

use crate::plot;
use crate::report::Tour;
use sci::array::random::default_rng;
use sci::ndarray::{Array2, ArrayD, s};
use sci::ndimage::{
    self, BinaryOptions, FootprintOptions, GaussianOptions, GreyOptions, InterpOptions, LocalMethod, Mode,
    PeakOptions,
};
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

    let cross = ndimage::generate_binary_structure(2, 1)?;
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
    filters(tour, dir)?;
    analysis(tour, dir)
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
    let objects = ndimage::find_objects(&lab, 0)?;
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

/// Geometric transforms, denoising, thresholds and peaks on the built-in scene (figures).
fn analysis(tour: &mut Tour, dir: &Path) -> Res {
    let scene = crate::images::scene(160);
    // shift by (12.5, -20.25) pixels and rotate by 30 degrees (cubic splines, constant 0 outside).
    let shifted = ndimage::shift(&scene, &[12.5, -20.25], &InterpOptions::default())?;
    let rotated = ndimage::rotate(&scene, 30.0, false, &InterpOptions::default())?;
    let rotated: Array2<f64> = rotated.into_dimensionality()?;
    let side = crate::linalg::side_by_side(&shifted, &rotated);
    plot::image(
        &dir.join("shift_rotate.png"),
        "shift((12.5, -20.25)) | rotate(30, reshape=False)",
        side.view(),
        2,
    )?;
    tour.figure(
        "shift_rotate.png",
        "The scene shifted by a sub-pixel offset and rotated by 30 degrees (order 3)",
    );

    // Salt-and-pepper plus Gaussian noise; median_filter removes the impulses, wiener the rest.
    let mut rng = default_rng(11);
    let noise = rng.normal(0.0, 0.08, (160, 160))?;
    let impulses = rng.random((160, 160))?;
    let mut noisy = &scene + &noise;
    for (v, u) in noisy.iter_mut().zip(impulses.iter()) {
        if *u < 0.03 {
            *v = 0.0;
        } else if *u > 0.97 {
            *v = 1.0;
        }
    }
    let median = ndimage::median_filter(&noisy, &FootprintOptions::size(&[3]))?;
    let wiener = sci::signal::wiener(&median, &[5], None)?;
    let rms = |a: &Array2<f64>| ((a - &scene).mapv(|v| v * v).mean().unwrap_or(0.0)).sqrt();
    let (e_noisy, e_median, e_wiener) = (rms(&noisy), rms(&median), rms(&wiener));
    tour.check_claim(
        "ndimage.median_wiener_denoise",
        json!({"rms_noisy": e_noisy, "rms_median": e_median, "rms_median_wiener": e_wiener}),
        "median_filter then wiener each lower the rms error of the noisy scene",
        e_median < e_noisy && e_wiener < e_median,
    );
    let side =
        crate::linalg::side_by_side(&noisy.mapv(|v| v.clamp(0.0, 1.0)), &wiener.mapv(|v| v.clamp(0.0, 1.0)));
    plot::image(&dir.join("denoise.png"), "noisy | median_filter(3) + wiener(5)", side.view(), 2)?;
    tour.figure(
        "denoise.png",
        "Impulse and Gaussian noise removed by a median filter followed by a Wiener filter",
    );

    // Uneven lighting: a global Otsu threshold loses half the picture, a local one does not.
    let lit = Array2::from_shape_fn((160, 160), |(r, c)| scene[[r, c]] * (0.35 + 0.65 * c as f64 / 159.0));
    let t = ndimage::threshold_otsu(&lit, 256)?;
    let global = lit.mapv(|v| f64::from(u8::from(v > t)));
    let local_t = ndimage::threshold_local(&lit, 35, LocalMethod::Gaussian, -0.01, Mode::Reflect)?;
    let local = Array2::from_shape_fn((160, 160), |ix| f64::from(u8::from(lit[ix] > local_t[ix])));
    let side = crate::linalg::side_by_side(&global, &local);
    plot::image(
        &dir.join("thresholds.png"),
        "threshold_otsu (global) | threshold_local (block 35)",
        side.view(),
        2,
    )?;
    tour.figure(
        "thresholds.png",
        &format!("Otsu's global threshold {t:.3} vs a Gaussian local threshold on an unevenly lit scene"),
    );

    // Local maxima of three Gaussian blobs with noise.
    let centres = [(30usize, 40usize), (90, 110), (120, 50)];
    let mut rng = default_rng(5);
    let jitter = rng.normal(0.0, 0.02, (160, 160))?;
    let blobs = Array2::from_shape_fn((160, 160), |(r, c)| {
        centres
            .iter()
            .map(|&(y, x)| (-((r as f64 - y as f64).powi(2) + (c as f64 - x as f64).powi(2)) / 120.0).exp())
            .sum::<f64>()
            + jitter[[r, c]]
    });
    let peaks = ndimage::peak_local_max(
        &blobs,
        &PeakOptions { min_distance: 15, threshold_rel: Some(0.5), ..Default::default() },
    )?;
    let found =
        centres.iter().all(|&(y, x)| peaks.iter().any(|p| p[0].abs_diff(y) <= 2 && p[1].abs_diff(x) <= 2));
    tour.check_claim(
        "ndimage.peak_local_max_blobs",
        json!(peaks),
        "peak_local_max finds exactly the 3 blob centres (within 2 pixels) in the noisy image",
        found && peaks.len() == 3,
    );
    let mut marked = blobs.mapv(|v| v.clamp(0.0, 1.2) / 1.2);
    for p in &peaks {
        for d in 0..7usize {
            for (r, c) in [(p[0] + d, p[1] + 3), (p[0] + 3, p[1] + d)] {
                if r >= 3 && c >= 3 && r - 3 < 160 && c - 3 < 160 {
                    marked[[r - 3, c - 3]] = 0.0;
                }
            }
        }
    }
    plot::image(
        &dir.join("peaks.png"),
        "peak_local_max(min_distance=15, threshold_rel=0.5)",
        marked.view(),
        3,
    )?;
    tour.figure("peaks.png", "Local maxima of three noisy Gaussian blobs, marked with crosses");
    Ok(())
}

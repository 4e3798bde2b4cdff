//! `ndimage.*` workloads: sci-ndimage against `scipy.ndimage`.
//!
//! Python side: `benches/python/bench_ndimage.py`. Images are standard normal `f64` (square,
//! side in the name) unless the description says otherwise; modes are SciPy's defaults.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use ndarray::{Array1, Array2};
use sci_ndimage::{
    BinaryOptions, EdtOptions, FootprintOptions, GaussianOptions, InterpOptions, Mode, binary_erosion,
    distance_transform_edt, gaussian_filter, label, maximum_filter, median_filter, rotate, sobel, sum_labels,
    uniform_filter, zoom,
};

/// The `ndimage.*` workloads available with the current sci-ndimage.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "ndimage.gaussian_2048_s3",
            about: "sci_ndimage::gaussian_filter(x, sigma=3), 2048x2048 f64",
            setup: gaussian_f64,
        },
        Workload {
            name: "ndimage.gaussian_2048_s3_f32",
            about: "sci_ndimage::gaussian_filter(x, sigma=3), 2048x2048 f32",
            setup: gaussian_f32,
        },
        Workload {
            name: "ndimage.uniform_2048_15",
            about: "sci_ndimage::uniform_filter(x, size=15), 2048x2048",
            setup: uniform_15,
        },
        Workload {
            name: "ndimage.median_1024_5",
            about: "sci_ndimage::median_filter(x, size=5), 1024x1024",
            setup: median_5,
        },
        Workload {
            name: "ndimage.median_1024_3",
            about: "sci_ndimage::median_filter(x, size=3), 1024x1024",
            setup: median_3,
        },
        Workload {
            name: "ndimage.sobel_2048",
            about: "sci_ndimage::sobel(x, axis=-1), 2048x2048",
            setup: sobel_2048,
        },
        Workload {
            name: "ndimage.maximum_2048_15",
            about: "sci_ndimage::maximum_filter(x, size=15), 2048x2048",
            setup: maximum_15,
        },
        Workload {
            name: "ndimage.zoom_1024_x2_o3",
            about: "sci_ndimage::zoom(x, 2, order=3), 1024x1024 -> 2048x2048",
            setup: zoom_x2,
        },
        Workload {
            name: "ndimage.rotate_1024_30_o3",
            about: "sci_ndimage::rotate(x, 30, reshape=true, order=3), 1024x1024",
            setup: rotate_30,
        },
        Workload {
            name: "ndimage.binary_erosion_2048_it10",
            about: "sci_ndimage::binary_erosion(blobs, iterations=10), 2048x2048 smooth random blobs",
            setup: erosion_it10,
        },
        Workload {
            name: "ndimage.label_4096",
            about: "sci_ndimage::label(mask), 4096x4096 random mask with 40% true (many small objects)",
            setup: label_4096,
        },
        Workload {
            name: "ndimage.sum_labels_4096",
            about: "sci_ndimage::sum_labels(x, labels, index=1..999), 4096x4096, labels uniform in 0..999",
            setup: sum_labels_4096,
        },
        Workload {
            name: "ndimage.edt_2048",
            about: "sci_ndimage::distance_transform_edt(blobs), 2048x2048 smooth random blobs; distances",
            setup: edt_2048,
        },
    ]
}

fn image(inp: &mut Inputs, n: usize) -> Result<Array2<f64>, String> {
    let x = inp.rng().normal_mat(n, n);
    inp.save("x", &x)?;
    Ok(x)
}

fn gaussian_f64(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 2048)?;
    let opts = GaussianOptions::default();
    Ok(Box::new(move || Ok(vec![("y", gaussian_filter(&x, &[3.0], &opts).map_err(msg)?.into())])))
}

fn gaussian_f32(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_mat(2048, 2048).mapv(|v| v as f32);
    inp.save("x", &x)?;
    let opts = GaussianOptions::default();
    Ok(Box::new(move || Ok(vec![("y", gaussian_filter(&x, &[3.0], &opts).map_err(msg)?.into())])))
}

fn uniform_15(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 2048)?;
    Ok(Box::new(move || Ok(vec![("y", uniform_filter(&x, &[15], Mode::Reflect, &[]).map_err(msg)?.into())])))
}

fn median_5(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 1024)?;
    let opts = FootprintOptions::size(&[5]);
    Ok(Box::new(move || Ok(vec![("y", median_filter(&x, &opts).map_err(msg)?.into())])))
}

fn median_3(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 1024)?;
    let opts = FootprintOptions::size(&[3]);
    Ok(Box::new(move || Ok(vec![("y", median_filter(&x, &opts).map_err(msg)?.into())])))
}

fn sobel_2048(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 2048)?;
    Ok(Box::new(move || Ok(vec![("y", sobel(&x, -1, Mode::Reflect).map_err(msg)?.into())])))
}

fn maximum_15(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 2048)?;
    let opts = FootprintOptions::size(&[15]);
    Ok(Box::new(move || Ok(vec![("y", maximum_filter(&x, &opts).map_err(msg)?.into())])))
}

fn zoom_x2(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 1024)?;
    let opts = InterpOptions::order(3);
    Ok(Box::new(move || Ok(vec![("y", zoom(&x, &[2.0], false, &opts).map_err(msg)?.into())])))
}

fn rotate_30(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 1024)?;
    let opts = InterpOptions::order(3);
    Ok(Box::new(move || Ok(vec![("y", rotate(&x, 30.0, true, &opts).map_err(msg)?.into())])))
}

/// Smooth random blobs, saved as input `mask`: normal noise blurred (sigma 4, untimed) and
/// thresholded at 0 (about half the pixels true).
fn blobs(inp: &mut Inputs, n: usize) -> Result<Array2<bool>, String> {
    let noise = inp.rng().normal_mat(n, n);
    let blurred = gaussian_filter(&noise, &[4.0], &GaussianOptions::default()).map_err(msg)?;
    let mask = blurred.mapv(|v| v > 0.0);
    inp.save("mask", &mask)?;
    Ok(mask)
}

fn erosion_it10(inp: &mut Inputs) -> Result<Case, String> {
    let mask = blobs(inp, 2048)?;
    let opts = BinaryOptions { iterations: 10, ..Default::default() };
    Ok(Box::new(move || Ok(vec![("y", binary_erosion(&mask, &opts).map_err(msg)?.into())])))
}

fn label_4096(inp: &mut Inputs) -> Result<Case, String> {
    let mask = inp.rng().uniform_vec(4096 * 4096).mapv(|v| v < 0.4).into_shape_with_order((4096, 4096));
    let mask = mask.map_err(msg)?;
    inp.save("mask", &mask)?;
    Ok(Box::new(move || {
        let (labels, n) = label(&mask, None).map_err(msg)?;
        Ok(vec![("labels", labels.into()), ("n", Array1::from_elem(1, n as i64).into())])
    }))
}

fn sum_labels_4096(inp: &mut Inputs) -> Result<Case, String> {
    let x = image(inp, 4096)?;
    let labels = inp.rng().int_vec(4096 * 4096, 1000).mapv(|v| v as i32).into_shape_with_order((4096, 4096));
    let labels = labels.map_err(msg)?;
    inp.save("labels", &labels)?;
    let index: Vec<i64> = (1..1000).collect();
    Ok(Box::new(move || {
        Ok(vec![("sums", Array1::from(sum_labels(&x, &labels, Some(&index)).map_err(msg)?).into())])
    }))
}

fn edt_2048(inp: &mut Inputs) -> Result<Case, String> {
    let mask = blobs(inp, 2048)?;
    let opts = EdtOptions::default();
    Ok(Box::new(move || {
        let d = distance_transform_edt(&mask, &opts).map_err(msg)?;
        Ok(vec![("d", d.distances.ok_or("distance_transform_edt returned no distances")?.into())])
    }))
}

//! The array chapter: broadcasting, fancy and boolean indexing, strides and raw bytes,
//! sliding windows (heat equation, rule 30), a random walk and rotated squares without loops.

use crate::plot::{self, Series};
use crate::report::Tour;
use sci::array::{self as np, Endian, Order};
use sci::ndarray::{Array, Array1, Array2, Array3, Axis, array, s};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Arrays: the NumPy layer (sci::array)");
    tour.note(
        "Broadcasting, integer-array and boolean indexing, strides of C and Fortran layouts, raw \
         big-endian bytes, and sliding-window views driving a heat equation and the rule-30 automaton.",
    );

    // Broadcasting: a (2, 3) array plus a length-3 row.
    let a = array![[1i64, 2, 3], [4, 5, 6]];
    let sum = np::add(&a, &array![10i64, 20, 30])?;
    tour.check("array.broadcast_add", json!(to_nested2(&sum.into_dimensionality()?)));

    // Fancy indexing: a[[0,1,2],[0,1,2]] picks the diagonal.
    let m = np::arange(1i64, 10, 1)?.into_shape_with_order((3, 3))?;
    let diag = np::fancy_index(&m, &[&array![0i64, 1, 2], &array![0i64, 1, 2]])?;
    tour.check("array.fancy_diag", json!(diag.iter().collect::<Vec<_>>()));

    // Boolean mask: a[a > 2].
    let v = np::arange(1i64, 6, 1)?;
    let picked = np::mask_select(&v, &v.mapv(|x| x > 2))?;
    tour.check("array.mask_gt2", json!(picked.to_vec()));

    // In-place masked update: Z[(3 < Z) & (Z <= 8)] *= -1.
    let mut z = np::arange(0i64, 11, 1)?;
    let between = z.mapv(|x| 3 < x && x <= 8);
    np::mask_apply(&mut z, &between, |x| -x)?;
    tour.check("array.negate_between", json!(z.to_vec()));

    // Strides in bytes of a C-ordered (2, 3, 4) int64 array and its Fortran copy.
    let cube = np::arange(0i64, 24, 1)?.into_shape_with_order((2, 3, 4))?;
    tour.check("array.strides_c_i64", json!(np::strides_bytes(&cube)));
    let fortran = np::asfortranarray(&cube);
    tour.check("array.strides_f_i64", json!(np::strides_bytes(&fortran)));
    tour.note(&format!("info(cube): {}", np::info(&cube)));

    // 64 raw bytes read as big-endian int64, reshaped (2, 2, 2) in Fortran order.
    let mut raw = Vec::with_capacity(64);
    for low in [233u8, 237, 235, 239, 234, 238, 236, 240] {
        raw.extend_from_slice(&[0, 0, 0, 0, 0, 0, 3, low]);
    }
    let big = np::frombuffer_shaped::<i64>(&raw, Endian::Big, &[2, 2, 2], Order::F)?;
    tour.check("array.bigendian_fortran_100", json!(big[[1, 0, 0]]));

    heat_equation(tour, dir)?;
    rule30(tour, dir)?;
    random_walk(tour, dir)?;
    rotated_squares(tour, dir)?;
    Ok(())
}

fn to_nested2<T: Clone + serde::Serialize>(a: &Array2<T>) -> Vec<Vec<T>> {
    a.rows().into_iter().map(|r| r.to_vec()).collect()
}

/// Explicit heat equation on a rod: each step adds F * (u[i-1] - 2 u[i] + u[i+1]), the
/// stencil taken from a sliding-window view of the previous row.
fn heat_equation(tour: &mut Tour, dir: &Path) -> Res {
    let (steps, width, f) = (50, 100, 0.05);
    let mut z = Array2::<f64>::zeros((steps, width));
    z.slice_mut(s![0, 5..;10]).fill(1.5);
    let stencil = array![1.0, -2.0, 1.0];
    for i in 1..steps {
        let prev = z.row(i - 1).to_owned();
        let windows = np::sliding_window_view(&prev, &[3], None)?;
        let lap = (&windows * &stencil).sum_axis(Axis(1));
        let next = &prev.slice(s![1..-1]) + &(lap * f);
        z.slice_mut(s![i, 1..-1]).assign(&next);
    }
    let last = z.row(steps - 1);
    tour.check("array.heat_last_row_sum", json!(last.sum()));
    tour.check("array.heat_last_row_max", json!(last.fold(f64::NEG_INFINITY, |m, &v| m.max(v))));
    plot::image(&dir.join("heat.png"), "Heat equation (rows: time)", z.view(), 6)?;
    tour.figure("heat.png", "Heat diffusing from ten hot spots, one row per time step");
    Ok(())
}

/// Rule 30: each cell's next state is bit (4 l + 2 c + r) of 30, from a sliding window.
fn rule30(tour: &mut Tour, dir: &Path) -> Res {
    let rule: Array1<i64> = (0..8).map(|bit| (30 >> bit) & 1).collect();
    let (rows, cols) = (250, 501);
    let mut z = Array2::<i64>::zeros((rows, cols));
    z[[0, 250]] = 1;
    let weights = array![1i64, 2, 4];
    for i in 1..rows {
        let prev = z.row(i - 1).to_owned();
        let code = (&np::sliding_window_view(&prev, &[3], None)? * &weights).sum_axis(Axis(1));
        let next = code.mapv(|c| rule[c as usize]);
        z.slice_mut(s![i, 1..-1]).assign(&next);
    }
    tour.check("array.rule30_ones", json!(z.sum()));
    tour.check("array.rule30_row249_ones", json!(z.row(249).sum()));
    plot::image(&dir.join("rule30.png"), "Rule 30", z.mapv(|v| v as f64).view(), 2)?;
    tour.figure("rule30.png", "Rule 30 grown from one cell for 250 generations");
    Ok(())
}

/// 1000 walkers take 200 unit steps of random sign; the root-mean-square distance grows like
/// sqrt(t). Seeded: the check is the tutorial's (the fitted exponent near 1/2).
fn random_walk(tour: &mut Tour, dir: &Path) -> Res {
    let (walkers, t_max) = (1000usize, 200usize);
    let mut rng = np::random::default_rng(12345);
    let steps = rng.integers(0, 2, (walkers, t_max))?.mapv(|b| (2 * b - 1) as f64);
    let positions = np::cumsum(&steps, Some(1))?;
    let mean_sq = np::mean(&positions.mapv(|p| p * p), Some(0))?;
    let rms: Array1<f64> = mean_sq.mapv(f64::sqrt).into_dimensionality()?;
    // Least-squares slope of log(rms) against log(t), t = 1..t_max.
    let lt: Array1<f64> = (1..=t_max).map(|t| (t as f64).ln()).collect();
    let lr = rms.mapv(f64::ln);
    let (mt, mr) = (lt.mean().unwrap_or(0.0), lr.mean().unwrap_or(0.0));
    let slope = (&lt - mt).dot(&(&lr - mr)) / (&lt - mt).dot(&(&lt - mt));
    let ok = (slope - 0.5).abs() < 0.05;
    tour.check_claim(
        "array.random_walk_exponent",
        json!(slope),
        "rms distance ~ t^0.5 (|slope - 0.5| < 0.05)",
        ok,
    );
    let series = [
        Series {
            label: "rms distance",
            points: rms.iter().enumerate().map(|(t, &r)| ((t + 1) as f64, r)).collect(),
            color: plot::PALETTE[0],
        },
        Series {
            label: "sqrt(t)",
            points: (1..=t_max).map(|t| (t as f64, (t as f64).sqrt())).collect(),
            color: plot::PALETTE[1],
        },
    ];
    plot::lines(&dir.join("random_walk.png"), "Random walk: rms distance", "t", "distance", &series)?;
    tour.figure("random_walk.png", "RMS distance of 1000 random walkers against sqrt(t)");
    Ok(())
}

/// 25 squares, each rotated by a further 3.75 degrees and shrunk so it stays inside the
/// previous one, computed for all squares at once: a (25, 2, 2) stack of rotation matrices
/// applied to the (4, 2) corners with one einsum, no loop over squares.
fn rotated_squares(tour: &mut Tour, dir: &Path) -> Res {
    let n = 25;
    let corners = array![[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]];
    let theta = np::linspace(0.0, (n - 1) as f64 * 3.75f64.to_radians(), n, true);
    // Each step of angle d fits the next square inside the last one: scale 1/(cos d + sin d).
    let d = 3.75f64.to_radians();
    let scale = np::arange(0.0, n as f64, 1.0)?.mapv(|k| (d.cos() + d.sin()).powf(-k));
    let (c, sn) = (theta.mapv(f64::cos) * &scale, theta.mapv(f64::sin) * &scale);
    let mut rot = Array3::<f64>::zeros((n, 2, 2));
    rot.slice_mut(s![.., 0, 0]).assign(&c);
    rot.slice_mut(s![.., 0, 1]).assign(&(-&sn));
    rot.slice_mut(s![.., 1, 0]).assign(&sn);
    rot.slice_mut(s![.., 1, 1]).assign(&c);
    let squares = np::einsum("nij,kj->nki", &[rot.view().into_dyn(), corners.view().into_dyn()])?;
    let squares: Array3<f64> = squares.into_dimensionality()?;
    // Side lengths: rotation keeps them, so each must equal its square's scale.
    let sides = &squares.slice(s![.., 1.., ..]) - &squares.slice(s![.., ..-1, ..]);
    let lengths = sides.mapv(|v| v * v).sum_axis(Axis(2)).mapv(f64::sqrt);
    let expected = Array::from_shape_fn((n, 3), |(i, _)| scale[i]);
    let worst = (&lengths - &expected).iter().fold(0.0f64, |m, &v| m.max(v.abs()));
    tour.check_claim(
        "array.rotated_squares_sides",
        json!(worst),
        "25 squares computed at once; every side equals its square's scale (max error < 1e-12)",
        worst < 1e-12,
    );
    let polys: Vec<Vec<(f64, f64)>> =
        squares.outer_iter().map(|sq| sq.rows().into_iter().map(|p| (p[0], p[1])).collect()).collect();
    plot::polygons(&dir.join("squares.png"), "25 rotated squares", &polys)?;
    tour.figure("squares.png", "25 nested squares, each rotated 3.75 degrees further, built without loops");
    Ok(())
}

//! A sweep of the ndimage functions over the inputs that break image code most often: empty
//! arrays (0 along one axis, 0 × 0), 0-d and one-element arrays, 1 × N and N × 1, NaN and
//! infinity, constant arrays, ±1e300, 1-d / 2-d / 3-d inputs, non-contiguous views
//! (transposed, reversed, stepped), and degenerate parameters (sizes 0 / 1 / larger than the
//! array, bad sigmas and truncates, spline orders out of range, empty, all-false or
//! wrong-rank footprints and structures, out-of-range origins, axes, labels and indices,
//! every boundary mode). Every call must return, `Ok` or an error, and never panic; the
//! values themselves are checked against SciPy by the other test files, and the regression
//! tests at the end pin SciPy's results for the faults the sweep found.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{
    Array, Array1, Array2, ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, Ix1, Ix2, IxDyn, Slice, s,
};
use sci_array::testing::PanicSweep;
use sci_ndimage::*;

/// The boundary modes, every one of them.
const MODES: [Mode; 8] = [
    Mode::Reflect,
    Mode::Constant(1.5),
    Mode::Nearest,
    Mode::Mirror,
    Mode::Wrap,
    Mode::GridWrap,
    Mode::GridConstant(-2.0),
    Mode::GridMirror,
];

/// The inputs, by name, as dynamic-rank `f64` arrays.
fn inputs() -> Vec<(&'static str, ArrayD<f64>)> {
    let d = |shape: &[usize], f: &dyn Fn(usize) -> f64| {
        let n: usize = shape.iter().product();
        ArrayD::from_shape_vec(IxDyn(shape), (0..n).map(f).collect()).unwrap()
    };
    let wave = |i: usize| (i as f64 * 0.37).sin() * 3.0 + 0.5 * (i as f64 * 2.9).cos();
    let mut with_nan = d(&[4, 5], &wave);
    with_nan[[1, 2]] = f64::NAN;
    let mut with_inf = d(&[4, 5], &wave);
    with_inf[[0, 0]] = f64::INFINITY;
    with_inf[[3, 1]] = f64::NEG_INFINITY;
    vec![
        ("empty 0", d(&[0], &wave)),
        ("empty 0x3", d(&[0, 3], &wave)),
        ("empty 3x0", d(&[3, 0], &wave)),
        ("empty 0x0", d(&[0, 0], &wave)),
        ("0-d", d(&[], &|_| 2.5)),
        ("[1]", d(&[1], &|_| 1.0)),
        ("[nan]", d(&[1], &|_| f64::NAN)),
        ("1x1", d(&[1, 1], &|_| -3.0)),
        ("1-d 7", d(&[7], &wave)),
        ("1x5", d(&[1, 5], &wave)),
        ("5x1", d(&[5, 1], &wave)),
        ("4x5 wave", d(&[4, 5], &wave)),
        ("4x5 with NaN", with_nan),
        ("4x5 with inf", with_inf),
        ("all NaN 2x3", d(&[2, 3], &|_| f64::NAN)),
        ("constant 3x4", d(&[3, 4], &|_| 2.0)),
        ("binary 5x6", d(&[5, 6], &|i| ((i * 7 + i / 6) % 3 == 0) as u8 as f64)),
        ("1e300 3x4", d(&[3, 4], &|i| 1e300 * (i as f64 - 5.5))),
        ("3x3x3", d(&[3, 3, 3], &|i| ((i * 5) % 7) as f64 - 2.0)),
        ("2x1x3", d(&[2, 1, 3], &wave)),
    ]
}

/// A dynamic array of `shape` filled with `v`.
fn filled<T: Clone>(shape: &[usize], v: T) -> ArrayD<T> {
    ArrayD::from_elem(IxDyn(shape), v)
}

/// Boolean footprints / structures for an input of rank `nd`.
fn footprints(nd: usize) -> Vec<(String, ArrayD<bool>)> {
    let mut one_true = filled(&vec![3; nd], false);
    one_true[IxDyn(&vec![1; nd])] = true;
    let mut v = vec![
        ("3^n true".to_string(), filled(&vec![3; nd], true)),
        ("cross".to_string(), generate_binary_structure(nd, 1).unwrap()),
        ("all false".to_string(), filled(&vec![3; nd], false)),
        ("one true".to_string(), one_true),
        ("1^n".to_string(), filled(&vec![1; nd], true)),
        ("2^n".to_string(), filled(&vec![2; nd], true)),
        ("7^n".to_string(), filled(&vec![7; nd], true)),
        ("rank n+1".to_string(), filled(&vec![3; nd + 1], true)),
    ];
    if nd > 0 {
        v.push(("0^n".to_string(), filled(&vec![0; nd], true)));
        v.push(("rank 0".to_string(), filled(&[], true)));
        let mut shape = vec![3; nd];
        shape[0] = 0;
        v.push(("0 along axis 0".to_string(), filled(&shape, true)));
    }
    v
}

/// Weights for an input of rank `nd`.
fn weights(nd: usize) -> Vec<(String, ArrayD<f64>)> {
    let mut v = vec![
        (
            "3^n".to_string(),
            ArrayD::from_shape_fn(IxDyn(&vec![3; nd]), |i| i.as_array_view().sum() as f64 - 1.0),
        ),
        ("1^n".to_string(), filled(&vec![1; nd], 2.0)),
        ("2^n".to_string(), filled(&vec![2; nd], 0.5)),
        ("6^n".to_string(), filled(&vec![6; nd], 0.1)),
        ("NaN 3^n".to_string(), filled(&vec![3; nd], f64::NAN)),
        ("rank n+1".to_string(), filled(&vec![3; nd + 1], 1.0)),
    ];
    if nd > 0 {
        v.push(("0^n".to_string(), filled(&vec![0; nd], 1.0)));
        v.push(("rank 0".to_string(), filled(&[], 1.0)));
    }
    v
}

/// Axes arguments for an input of rank `nd`.
fn axes_lists(nd: usize) -> Vec<Vec<isize>> {
    let n = nd as isize;
    vec![vec![], vec![0], vec![-1], vec![n], vec![-n - 1], vec![0, 0], vec![0, -1], vec![isize::MIN]]
}

/// Origins for an input of rank `nd`.
fn origin_lists(nd: usize) -> Vec<Vec<isize>> {
    vec![vec![], vec![1], vec![-1], vec![5], vec![-5], vec![isize::MAX], vec![isize::MIN], vec![0; nd + 1]]
}

/// The filters.
fn sweep_filters<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let nd = x.ndim();
    let n = nd as isize;
    let tag = |what: String| format!("{what} on {name}");
    let w1: [&[f64]; 6] = [&[], &[1.0], &[1.0, 2.0, 1.0], &[1.0, 1.0], &[0.1; 9], &[f64::NAN, 1.0, 0.0]];
    for axis in [0, -1, n, -n - 1, isize::MIN] {
        for w in w1 {
            for mode in MODES {
                let k = w.len();
                p.run(tag(format!("correlate1d w{k} axis {axis} {mode:?}")), || {
                    drop(correlate1d(x, w, axis, mode, 0))
                });
                p.run(tag(format!("convolve1d w{k} axis {axis} {mode:?}")), || {
                    drop(convolve1d(x, w, axis, mode, 0))
                });
            }
            for origin in [1, -1, 2, -2, 5, isize::MAX, isize::MIN] {
                let k = w.len();
                p.run(tag(format!("correlate1d w{k} axis {axis} origin {origin}")), || {
                    drop(correlate1d(x, w, axis, Mode::Reflect, origin))
                });
                p.run(tag(format!("convolve1d w{k} axis {axis} origin {origin}")), || {
                    drop(convolve1d(x, w, axis, Mode::Wrap, origin))
                });
            }
        }
        for size in [0usize, 1, 2, 3, 100, usize::MAX] {
            for mode in MODES {
                p.run(tag(format!("uniform_filter1d {size} axis {axis} {mode:?}")), || {
                    drop(uniform_filter1d(x, size, axis, mode, 0))
                });
                p.run(tag(format!("minimum_filter1d {size} axis {axis} {mode:?}")), || {
                    drop(minimum_filter1d(x, size, axis, mode, 0))
                });
                p.run(tag(format!("maximum_filter1d {size} axis {axis} {mode:?}")), || {
                    drop(maximum_filter1d(x, size, axis, mode, 0))
                });
            }
            for origin in [-2, 1, 3, isize::MAX, isize::MIN] {
                p.run(tag(format!("uniform_filter1d {size} axis {axis} origin {origin}")), || {
                    drop(uniform_filter1d(x, size, axis, Mode::Reflect, origin))
                });
                p.run(tag(format!("maximum_filter1d {size} axis {axis} origin {origin}")), || {
                    drop(maximum_filter1d(x, size, axis, Mode::Nearest, origin))
                });
                p.run(tag(format!("generic_filter1d {size} axis {axis} origin {origin}")), || {
                    drop(generic_filter1d(
                        x,
                        |i, o| o.iter_mut().zip(i).for_each(|(o, i)| *o = *i),
                        size,
                        axis,
                        Mode::Reflect,
                        origin,
                    ))
                });
            }
            for mode in MODES {
                p.run(tag(format!("generic_filter1d {size} axis {axis} {mode:?}")), || {
                    drop(generic_filter1d(
                        x,
                        |i, o| o.iter_mut().for_each(|o| *o = i.iter().sum()),
                        size,
                        axis,
                        mode,
                        0,
                    ))
                });
            }
        }
        for mode in MODES {
            p.run(tag(format!("sobel axis {axis} {mode:?}")), || drop(sobel(x, axis, mode)));
            p.run(tag(format!("prewitt axis {axis} {mode:?}")), || drop(prewitt(x, axis, mode)));
        }
        p.run(tag(format!("sobel axis {axis} modes n+1")), || drop(sobel(x, axis, vec![Mode::Wrap; nd + 1])));
        p.run(tag(format!("prewitt axis {axis} modes n")), || drop(prewitt(x, axis, vec![Mode::Wrap; nd])));
        for sigma in [0.0, 1.0, 1e-300, -1.0, f64::NAN, f64::INFINITY, 1e300] {
            for order in [0usize, 1, 2, 3, 4] {
                for truncate in [4.0, 0.0, -1.0, f64::NAN, f64::INFINITY] {
                    let o = GaussianOptions { order: vec![order], truncate, ..Default::default() };
                    p.run(
                        tag(format!(
                            "gaussian_filter1d sigma {sigma} order {order} truncate {truncate} axis {axis}"
                        )),
                        || drop(gaussian_filter1d(x, sigma, axis, &o)),
                    );
                }
            }
            for radius in [0usize, 1, 100, usize::MAX] {
                let o = GaussianOptions { radius: vec![radius], ..Default::default() };
                p.run(tag(format!("gaussian_filter1d sigma {sigma} radius {radius} axis {axis}")), || {
                    drop(gaussian_filter1d(x, sigma, axis, &o))
                });
            }
        }
    }
    for mode in MODES {
        let o = GaussianOptions { mode: mode.into(), ..Default::default() };
        p.run(tag(format!("gaussian_filter1d {mode:?}")), || drop(gaussian_filter1d(x, 1.5, 0, &o)));
        p.run(tag(format!("gaussian_filter {mode:?}")), || drop(gaussian_filter(x, &[1.5], &o)));
        p.run(tag(format!("laplace {mode:?}")), || drop(laplace(x, mode)));
    }
    let gauss_opts = [
        ("default", GaussianOptions::default()),
        ("order [5]", GaussianOptions { order: vec![5], ..Default::default() }),
        ("order [1, 2]", GaussianOptions { order: vec![1, 2], ..Default::default() }),
        ("order n+1", GaussianOptions { order: vec![1; nd + 1], ..Default::default() }),
        ("truncate 0", GaussianOptions { truncate: 0.0, ..Default::default() }),
        ("truncate NaN", GaussianOptions { truncate: f64::NAN, ..Default::default() }),
        ("truncate -3", GaussianOptions { truncate: -3.0, ..Default::default() }),
        ("truncate 1e300", GaussianOptions { truncate: 1e300, ..Default::default() }),
        ("radius [0]", GaussianOptions { radius: vec![0], ..Default::default() }),
        ("radius n+1", GaussianOptions { radius: vec![1; nd + 1], ..Default::default() }),
        ("modes n+1", GaussianOptions { mode: vec![Mode::Wrap; nd + 1].into(), ..Default::default() }),
        ("modes n", GaussianOptions { mode: vec![Mode::Mirror; nd].into(), ..Default::default() }),
    ];
    let mut all_gauss: Vec<(String, GaussianOptions)> =
        gauss_opts.iter().map(|(a, b)| (a.to_string(), b.clone())).collect();
    for axes in axes_lists(nd) {
        all_gauss
            .push((format!("axes {axes:?}"), GaussianOptions { axes: Some(axes), ..Default::default() }));
    }
    for (oname, o) in &all_gauss {
        for sigma in
            [&[][..], &[1.0], &[0.0], &[-1.0], &[f64::NAN], &[1.0, 2.0], &[1.0, 2.0, 0.5, 1.0], &[1e300]]
        {
            let t = |f: &str| tag(format!("{f} sigma {sigma:?} {oname}"));
            p.run(t("gaussian_filter"), || drop(gaussian_filter(x, sigma, o)));
            p.run(t("gaussian_laplace"), || drop(gaussian_laplace(x, sigma, o)));
            p.run(t("gaussian_gradient_magnitude"), || drop(gaussian_gradient_magnitude(x, sigma, o)));
        }
    }
    for axes in axes_lists(nd) {
        p.run(tag(format!("laplace_axes {axes:?}")), || drop(laplace_axes(x, Mode::Reflect, &axes)));
        p.run(tag(format!("uniform_filter_axes {axes:?}")), || {
            drop(uniform_filter_axes(x, &[3], Mode::Reflect, &[], &axes))
        });
        let d2 = |a: &ArrayViewD<'_, f64>, ax: usize, m: Mode| {
            correlate1d(a, &[1.0, -2.0, 1.0], ax as isize, m, 0)
        };
        p.run(tag(format!("generic_laplace_axes {axes:?}")), || {
            drop(generic_laplace_axes(x, d2, Mode::Reflect, &axes))
        });
        p.run(tag(format!("generic_gradient_magnitude_axes {axes:?}")), || {
            drop(generic_gradient_magnitude_axes(
                x,
                |a: &ArrayViewD<'_, f64>, ax, m| sobel(a, ax as isize, m),
                Mode::Reflect,
                &axes,
            ))
        });
        for (wname, w) in weights(axes.len()) {
            p.run(tag(format!("correlate_axes {wname} axes {axes:?}")), || {
                drop(correlate_axes(x, &w, Mode::Reflect, &[], &axes))
            });
            p.run(tag(format!("convolve_axes {wname} axes {axes:?}")), || {
                drop(convolve_axes(x, &w, Mode::Wrap, &[1], &axes))
            });
        }
    }
    p.run(tag("laplace modes n+1".into()), || drop(laplace(x, vec![Mode::Wrap; nd + 1])));
    // Derivative callbacks that return something of the wrong shape, or an error.
    let bad_shape = |_: &ArrayViewD<'_, f64>, _: usize, _: Mode| Ok(ArrayD::<f64>::zeros(IxDyn(&[2, 9, 1])));
    let bad_err = |_: &ArrayViewD<'_, f64>, _: usize, _: Mode| {
        Err(NdimageError::InvalidValue { arg: "x", reason: "no".into() })
    };
    p.run(tag("generic_laplace wrong-shape derivative".into()), || {
        drop(generic_laplace(x, bad_shape, Mode::Reflect))
    });
    p.run(tag("generic_laplace failing derivative".into()), || {
        drop(generic_laplace(x, bad_err, Mode::Reflect))
    });
    p.run(tag("generic_gradient_magnitude wrong-shape derivative".into()), || {
        drop(generic_gradient_magnitude(x, bad_shape, Mode::Reflect))
    });
    p.run(tag("generic_gradient_magnitude failing derivative".into()), || {
        drop(generic_gradient_magnitude(x, bad_err, Mode::Reflect))
    });
    for (wname, w) in weights(nd) {
        for mode in MODES {
            p.run(tag(format!("correlate {wname} {mode:?}")), || drop(correlate(x, &w, mode, &[])));
            p.run(tag(format!("convolve {wname} {mode:?}")), || drop(convolve(x, &w, mode, &[])));
        }
        for origin in origin_lists(nd) {
            p.run(tag(format!("correlate {wname} origin {origin:?}")), || {
                drop(correlate(x, &w, Mode::Reflect, &origin))
            });
            p.run(tag(format!("convolve {wname} origin {origin:?}")), || {
                drop(convolve(x, &w, Mode::Nearest, &origin))
            });
        }
    }
    // The footprint filters.
    let mut fopts: Vec<(String, FootprintOptions)> = Vec::new();
    for size in [&[][..], &[0], &[1], &[2], &[3], &[9], &[usize::MAX], &[2, 3], &[1, 2, 3, 4]] {
        fopts.push((format!("size {size:?}"), FootprintOptions::size(size)));
    }
    for (fname, f) in footprints(nd) {
        fopts.push((format!("footprint {fname}"), FootprintOptions::footprint(&f)));
    }
    for mode in MODES {
        fopts.push((format!("size 3 {mode:?}"), FootprintOptions::size(&[3]).with_mode(mode)));
        let fp = filled(&vec![3; nd], true);
        let mut fp2 = fp.clone();
        fp2.iter_mut().step_by(2).for_each(|v| *v = false);
        fopts.push((format!("footprint {mode:?}"), FootprintOptions::footprint(&fp2).with_mode(mode)));
    }
    fopts.push(("modes n".into(), FootprintOptions::size(&[2]).with_mode(vec![Mode::Wrap; nd])));
    fopts.push(("modes n+1".into(), FootprintOptions::size(&[2]).with_mode(vec![Mode::Wrap; nd + 1])));
    for origin in origin_lists(nd) {
        fopts.push((
            format!("size 3 origin {origin:?}"),
            FootprintOptions { origin: origin.clone(), ..FootprintOptions::size(&[3]) },
        ));
        fopts.push((
            format!("size 2 origin {origin:?}"),
            FootprintOptions { origin, ..FootprintOptions::size(&[2]) },
        ));
    }
    for axes in axes_lists(nd) {
        fopts.push((
            format!("axes {axes:?}"),
            FootprintOptions { axes: Some(axes.clone()), ..FootprintOptions::size(&[3]) },
        ));
        let fp = filled(&vec![2; axes.len()], true);
        fopts.push((
            format!("footprint axes {axes:?}"),
            FootprintOptions { axes: Some(axes), ..FootprintOptions::footprint(&fp) },
        ));
    }
    for (oname, o) in &fopts {
        let t = |f: &str| tag(format!("{f} {oname}"));
        p.run(t("minimum_filter"), || drop(minimum_filter(x, o)));
        p.run(t("maximum_filter"), || drop(maximum_filter(x, o)));
        p.run(t("median_filter"), || drop(median_filter(x, o)));
        for rank in [-100, -1, 0, 1, 100, isize::MIN, isize::MAX] {
            p.run(t(&format!("rank_filter {rank}")), || drop(rank_filter(x, rank, o)));
        }
        for pc in [-200.0, -100.0, -50.0, 0.0, 37.5, 100.0, 101.0, f64::NAN, f64::INFINITY] {
            p.run(t(&format!("percentile_filter {pc}")), || drop(percentile_filter(x, pc, o)));
        }
        p.run(t("generic_filter"), || {
            drop(generic_filter(x, |w| w.iter().sum::<f64>() / (w.len() as f64), o))
        });
        if o.axes.is_none() && matches!(o.mode, Modes::All(_)) {
            let mode = match o.mode {
                Modes::All(m) => m,
                Modes::PerAxis(_) => Mode::Reflect,
            };
            p.run(t("uniform_filter"), || drop(uniform_filter(x, &o.size, mode, &o.origin)));
            let v = VectorizedOptions {
                size: o.size.clone(),
                footprint: o.footprint.clone(),
                mode,
                origin: o.origin.clone(),
                ..VectorizedOptions::size(&[3])
            };
            p.run(t("vectorized_filter"), || drop(vectorized_filter(x, |w: &[f64]| w.len() as f64, &v)));
            let v = VectorizedOptions { valid: true, ..v };
            p.run(t("vectorized_filter valid"), || {
                drop(vectorized_filter(x, |w: &[f64]| w.len() as f64, &v))
            });
        }
    }
    for axes in axes_lists(nd) {
        let v = VectorizedOptions { axes: Some(axes.clone()), ..VectorizedOptions::size(&[2]) };
        p.run(tag(format!("vectorized_filter axes {axes:?}")), || {
            drop(vectorized_filter(x, |w: &[f64]| w.iter().copied().fold(0.0, f64::max), &v))
        });
    }
}

/// Binary and grey morphology, distance transforms.
fn sweep_morphology<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let nd = x.ndim();
    let tag = |what: String| format!("{what} on {name}");
    let mut bopts: Vec<(String, BinaryOptions)> = vec![("default".into(), BinaryOptions::default())];
    for (fname, f) in footprints(nd) {
        bopts.push((format!("structure {fname}"), BinaryOptions::structure(&f)));
    }
    for iterations in [-1, 0, 2, 100, 1 << 20, i32::MAX as isize, isize::MAX, isize::MIN] {
        bopts.push((format!("iterations {iterations}"), BinaryOptions { iterations, ..Default::default() }));
    }
    bopts.push((
        "border_value".into(),
        BinaryOptions { border_value: true, iterations: 0, ..Default::default() },
    ));
    let mask = Some(x.mapv(|v| v > 0.0).into_dyn());
    bopts.push(("mask".into(), BinaryOptions { mask: mask.clone(), iterations: -1, ..Default::default() }));
    bopts.push((
        "wrong-shape mask".into(),
        BinaryOptions { mask: Some(filled(&[2, 9, 1], true)), ..Default::default() },
    ));
    for origin in origin_lists(nd) {
        bopts.push((format!("origin {origin:?}"), BinaryOptions { origin, ..Default::default() }));
    }
    for axes in axes_lists(nd) {
        bopts.push((format!("axes {axes:?}"), BinaryOptions { axes: Some(axes), ..Default::default() }));
    }
    for (oname, o) in &bopts {
        let t = |f: &str| tag(format!("{f} {oname}"));
        p.run(t("binary_erosion"), || drop(binary_erosion(x, o)));
        p.run(t("binary_dilation"), || drop(binary_dilation(x, o)));
        p.run(t("binary_opening"), || drop(binary_opening(x, o)));
        p.run(t("binary_closing"), || drop(binary_closing(x, o)));
        p.run(t("binary_propagation"), || drop(binary_propagation(x, o)));
        p.run(t("binary_fill_holes"), || {
            drop(binary_fill_holes(x, o.structure.as_ref(), &o.origin, o.axes.as_deref()))
        });
        let h = HitOrMissOptions {
            structure1: o.structure.clone(),
            structure2: None,
            origin1: o.origin.clone(),
            origin2: None,
            axes: o.axes.clone(),
        };
        p.run(t("binary_hit_or_miss"), || drop(binary_hit_or_miss(x, &h)));
        let h = HitOrMissOptions { structure2: o.structure.clone(), origin2: Some(o.origin.clone()), ..h };
        p.run(t("binary_hit_or_miss structure2"), || drop(binary_hit_or_miss(x, &h)));
        if let Some(s) = &o.structure {
            for iterations in [0, 1, 3, usize::MAX] {
                p.run(t(&format!("iterate_structure {iterations}")), || {
                    drop(iterate_structure(s, iterations))
                });
                p.run(t(&format!("iterate_structure_origin {iterations}")), || {
                    drop(iterate_structure_origin(s, iterations, &o.origin))
                });
            }
            p.run(t("label"), || drop(label(x, Some(s))));
            p.run(t("distance_transform_cdt"), || {
                let c = CdtOptions {
                    metric: CdtMetric::Structure(s.clone()),
                    return_indices: true,
                    ..Default::default()
                };
                drop(distance_transform_cdt(x, &c))
            });
        }
    }
    let mut gopts: Vec<(String, GreyOptions)> = vec![("default".into(), GreyOptions::default())];
    for size in [&[][..], &[0], &[1], &[2], &[3], &[9], &[usize::MAX], &[2, 3], &[1, 2, 3, 4]] {
        gopts.push((format!("size {size:?}"), GreyOptions::size(size)));
    }
    for (fname, f) in footprints(nd) {
        gopts.push((format!("footprint {fname}"), GreyOptions::footprint(&f)));
        let st = f.mapv(|b| if b { 1.0 } else { -0.5 });
        gopts.push((format!("structure {fname}"), GreyOptions::structure(&st)));
        let st = f.mapv(|b| if b { f64::NAN } else { f64::INFINITY });
        gopts.push((
            format!("NaN structure {fname}"),
            GreyOptions { footprint: Some(f.clone()), ..GreyOptions::structure(&st) },
        ));
    }
    for mode in MODES {
        gopts.push((format!("{mode:?}"), GreyOptions { mode: mode.into(), ..GreyOptions::size(&[2]) }));
    }
    gopts.push((
        "modes n+1".into(),
        GreyOptions { mode: vec![Mode::Wrap; nd + 1].into(), ..GreyOptions::size(&[2]) },
    ));
    for origin in origin_lists(nd) {
        gopts.push((format!("origin {origin:?}"), GreyOptions { origin, ..GreyOptions::size(&[3]) }));
    }
    for axes in axes_lists(nd) {
        gopts.push((format!("axes {axes:?}"), GreyOptions { axes: Some(axes), ..GreyOptions::size(&[2]) }));
    }
    for (oname, o) in &gopts {
        let t = |f: &str| tag(format!("{f} {oname}"));
        p.run(t("grey_erosion"), || drop(grey_erosion(x, o)));
        p.run(t("grey_dilation"), || drop(grey_dilation(x, o)));
        p.run(t("grey_opening"), || drop(grey_opening(x, o)));
        p.run(t("grey_closing"), || drop(grey_closing(x, o)));
        p.run(t("white_tophat"), || drop(white_tophat(x, o)));
        p.run(t("black_tophat"), || drop(black_tophat(x, o)));
        p.run(t("morphological_gradient"), || drop(morphological_gradient(x, o)));
        p.run(t("morphological_laplace"), || drop(morphological_laplace(x, o)));
    }
    let samplings: [&[f64]; 7] =
        [&[], &[1.0], &[0.0], &[-1.0], &[f64::NAN], &[1.0, 2.0], &[1.0, 2.0, 3.0, 4.0]];
    for sampling in samplings {
        for (rd, ri) in [(true, false), (false, true), (true, true), (false, false)] {
            let t = |f: &str| tag(format!("{f} sampling {sampling:?} distances {rd} indices {ri}"));
            let e = EdtOptions { sampling: sampling.to_vec(), return_distances: rd, return_indices: ri };
            p.run(t("distance_transform_edt"), || drop(distance_transform_edt(x, &e)));
            for metric in [BfMetric::Euclidean, BfMetric::Taxicab, BfMetric::Chessboard] {
                let b = BfOptions {
                    metric,
                    sampling: sampling.to_vec(),
                    return_distances: rd,
                    return_indices: ri,
                };
                p.run(t(&format!("distance_transform_bf {metric:?}")), || drop(distance_transform_bf(x, &b)));
            }
        }
    }
    for (rd, ri) in [(true, false), (false, true), (true, true), (false, false)] {
        for metric in [CdtMetric::Chessboard, CdtMetric::Taxicab] {
            let c = CdtOptions { metric: metric.clone(), return_distances: rd, return_indices: ri };
            p.run(tag(format!("distance_transform_cdt {metric:?} {rd} {ri}")), || {
                drop(distance_transform_cdt(x, &c))
            });
        }
    }
}

/// Labels, objects and the labelled statistics.
fn sweep_measurements<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let tag = |what: String| format!("{what} on {name}");
    p.run(tag("label".into()), || drop(label(x, None)));
    let (lab, n) = label(x, None).unwrap_or_else(|_| (x.mapv(|_| 0), 0));
    for max_label in [0, 1, n, 1000, usize::MAX] {
        p.run(tag(format!("find_objects {max_label}")), || drop(find_objects(&lab, max_label)));
    }
    let negative = x.mapv(|v| {
        if v.is_nan() {
            -1i64
        } else if v > 0.0 {
            -3
        } else {
            2
        }
    });
    let huge = x.mapv(|v| if v > 0.0 { i64::MAX } else { 0 });
    p.run(tag("find_objects i64::MAX labels".into()), || drop(find_objects(&huge, 0)));
    p.run(tag("find_objects negative labels".into()), || drop(find_objects(&negative, 5)));
    let huge_u = x.mapv(|v| if v > 0.0 { u64::MAX } else { 1 });
    let idx = lab.mapv(|v| v as u8);
    let wrong = lab.slice_each_axis(|ax| Slice::from(0..ax.len.min(1)));
    let labelings: Vec<(&str, ArrayD<i64>)> = vec![
        ("label", lab.mapv(|v| v as i64).into_dyn()),
        ("negative", negative.clone().into_dyn()),
        ("i64::MAX", huge.clone().into_dyn()),
    ];
    let indices: [Option<&[i64]>; 9] = [
        None,
        Some(&[]),
        Some(&[0]),
        Some(&[1]),
        Some(&[-1, -3]),
        Some(&[i64::MAX]),
        Some(&[i64::MIN, 1]),
        Some(&[1, 1, 2]),
        Some(&[1000]),
    ];
    for (lname, l) in &labelings {
        let l: Array<i64, D> = l.clone().into_dimensionality().unwrap();
        for index in indices {
            let t = |f: &str| tag(format!("{f} labels {lname} index {index:?}"));
            p.run(t("sum_labels"), || drop(sum_labels(x, &l, index)));
            p.run(t("mean"), || drop(mean(x, &l, index)));
            p.run(t("variance"), || drop(variance(x, &l, index)));
            p.run(t("standard_deviation"), || drop(standard_deviation(x, &l, index)));
            p.run(t("minimum"), || drop(minimum(x, &l, index)));
            p.run(t("maximum"), || drop(maximum(x, &l, index)));
            p.run(t("minimum_position"), || drop(minimum_position(x, &l, index)));
            p.run(t("maximum_position"), || drop(maximum_position(x, &l, index)));
            p.run(t("extrema"), || drop(extrema(x, &l, index)));
            p.run(t("center_of_mass"), || drop(center_of_mass(x, &l, index)));
            p.run(t("median"), || drop(median(x, &l, index)));
            p.run(t("labeled_comprehension"), || {
                drop(labeled_comprehension(x, &l, index, |v, pos| v.len() + pos.len(), 0))
            });
            for (lo, hi, bins) in [
                (0.0, 1.0, 0),
                (0.0, 1.0, 1),
                (-3.0, 3.0, 10),
                (1.0, 0.0, 4),
                (f64::NAN, 1.0, 3),
                (0.0, f64::INFINITY, 3),
                (2.0, 2.0, 3),
                (0.0, 1.0, usize::MAX),
            ] {
                p.run(t(&format!("histogram {lo} {hi} {bins}")), || {
                    drop(histogram(x, lo, hi, bins, &l, index))
                });
            }
        }
    }
    for index in indices {
        let t = |f: &str| tag(format!("{f} index {index:?}"));
        p.run(t("sum_labels u64::MAX"), || drop(sum_labels(x, &huge_u, index)));
        p.run(t("mean u8"), || drop(mean(x, &idx, index)));
        p.run(t("center_of_mass u8"), || drop(center_of_mass(x, &idx, index)));
        p.run(t("median wrong shape"), || drop(median(x, &wrong, index)));
        p.run(t("sum_labels wrong shape"), || drop(sum_labels(x, &wrong, index)));
        p.run(t("extrema wrong shape"), || drop(extrema(x, &wrong, index)));
        p.run(t("histogram wrong shape"), || drop(histogram(x, 0.0, 1.0, 3, &wrong, index)));
        p.run(t("labeled_comprehension wrong shape"), || {
            drop(labeled_comprehension(x, &wrong, index, |v, _| v.len(), 0))
        });
    }
    let ints = x.mapv(|v| if v.is_finite() { v.clamp(-1e9, 1e9) as i64 } else { -7 });
    for ignore in [None, Some(0), Some(-7), Some(i64::MAX)] {
        p.run(tag(format!("value_indices ignore {ignore:?}")), || drop(value_indices(&ints, ignore)));
    }
    let levels = x.mapv(|v| if v.is_finite() { v.abs().min(255.0) as u8 } else { 255 });
    let levels16 = x.mapv(|v| if v.is_finite() { v.abs().min(60000.0) as u16 } else { 0 });
    let markers = lab.mapv(|v| v - 1);
    let markers8 = x.mapv(|v| {
        if v > 1.0 {
            2i8
        } else if v < -1.0 {
            -1
        } else {
            0
        }
    });
    let nd = x.ndim();
    let mut structures: Vec<(String, Option<ArrayD<bool>>)> = vec![("none".into(), None)];
    for (fname, f) in footprints(nd) {
        structures.push((fname, Some(f)));
    }
    for (sname, st) in &structures {
        p.run(tag(format!("watershed_ift u8 structure {sname}")), || {
            drop(watershed_ift(&levels, &markers, st.as_ref()))
        });
        p.run(tag(format!("watershed_ift u16 i8 structure {sname}")), || {
            drop(watershed_ift(&levels16, &markers8, st.as_ref()))
        });
    }
    p.run(tag("watershed_ift wrong-shape markers".into()), || {
        drop(watershed_ift(&levels, &wrong.to_owned(), None))
    });
}

/// Interpolation.
fn sweep_interpolation<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let nd = x.ndim();
    let n = nd as isize;
    let tag = |what: String| format!("{what} on {name}");
    for order in [0usize, 1, 2, 3, 5, 6, 100] {
        for mode in MODES {
            for axis in [0, -1, n, -n - 1, isize::MIN] {
                p.run(tag(format!("spline_filter1d {order} {mode:?} axis {axis}")), || {
                    drop(spline_filter1d(x, order, axis, mode))
                });
            }
            p.run(tag(format!("spline_filter {order} {mode:?}")), || drop(spline_filter(x, order, mode)));
        }
    }
    let mut iopts = Vec::new();
    for mode in MODES {
        iopts.push(InterpOptions { order: 3, mode, prefilter: true });
    }
    for order in [0usize, 1, 2, 5, 6] {
        for mode in [Mode::Nearest, Mode::GridConstant(-2.0), Mode::Wrap] {
            iopts.push(InterpOptions { order, mode, prefilter: true });
        }
    }
    iopts.push(InterpOptions { order: 3, mode: Mode::Mirror, prefilter: false });
    let coords = [
        ("(n, 3)", Array2::from_shape_fn((nd, 3), |(i, j)| j as f64 * 1.3 - i as f64)),
        ("(n, 0)", Array2::zeros((nd, 0))),
        ("(n+1, 2)", Array2::ones((nd + 1, 2))),
        ("NaN", Array2::from_elem((nd, 2), f64::NAN)),
        (
            "inf",
            Array2::from_shape_fn((nd, 2), |(_, j)| if j == 0 { f64::INFINITY } else { f64::NEG_INFINITY }),
        ),
        ("1e300", Array2::from_shape_fn((nd, 2), |(_, j)| if j == 0 { 1e300 } else { -1e300 })),
        ("1e18", Array2::from_shape_fn((nd, 2), |(_, j)| if j == 0 { 1e18 } else { -1e18 })),
    ];
    let mut matrices = vec![
        ("identity", Array2::eye(nd)),
        ("homogeneous", Array2::eye(nd + 1)),
        (
            "n x n+1",
            Array2::from_shape_fn((nd, nd + 1), |(i, j)| {
                (i == j) as u8 as f64 * 0.5 + (j == nd) as u8 as f64
            }),
        ),
        ("NaN", Array2::from_elem((nd, nd), f64::NAN)),
        ("1e300", Array2::from_elem((nd, nd), 1e300)),
        ("zero", Array2::zeros((nd, nd))),
        ("0x0", Array2::zeros((0, 0))),
        ("1x3", Array2::ones((1, 3))),
        ("n+2 square", Array2::eye(nd + 2)),
    ];
    if nd > 0 {
        matrices.push(("1x1", Array2::ones((1, 1))));
    }
    let offsets: [&[f64]; 5] = [&[], &[1.0], &[f64::NAN], &[0.5, 0.5], &[1.0, 2.0, 3.0, 4.0]];
    let shapes: Vec<Option<Vec<usize>>> = vec![
        None,
        Some(vec![]),
        Some(vec![0; nd]),
        Some(vec![2; nd]),
        Some(vec![2; nd + 1]),
        Some(vec![3]),
        Some(vec![usize::MAX; nd]),
    ];
    let vectors: [&[f64]; 9] = [
        &[],
        &[0.0],
        &[1.5],
        &[-1.0],
        &[f64::NAN],
        &[f64::INFINITY],
        &[1e300],
        &[2.0, 0.5],
        &[1.0, 1.0, 1.0, 1.0],
    ];
    for o in &iopts {
        let t = |f: &str| tag(format!("{f} order {} {:?} prefilter {}", o.order, o.mode, o.prefilter));
        for (cname, c) in &coords {
            p.run(t(&format!("map_coordinates {cname}")), || drop(map_coordinates(x, c, o)));
        }
        let c3 = sci_array::ndarray::Array3::<f64>::ones((nd, 2, 2));
        p.run(t("map_coordinates 3-d coordinates"), || drop(map_coordinates(x, &c3, o)));
        for (mname, m) in &matrices {
            for off in offsets {
                p.run(t(&format!("affine_transform {mname} offset {off:?}")), || {
                    drop(affine_transform(x, m, off, None, o))
                });
            }
        }
        for shape in &shapes {
            let t = |f: &str| t(&format!("{f} output_shape {shape:?}"));
            p.run(t("affine_transform"), || {
                drop(affine_transform(x, &Array2::eye(nd), &[], shape.as_deref(), o))
            });
            p.run(t("affine_transform_diagonal"), || {
                drop(affine_transform_diagonal(x, &vec![1.0; nd], &[], shape.as_deref(), o))
            });
            p.run(t("geometric_transform identity"), || {
                drop(geometric_transform(
                    x,
                    |i, c| c.iter_mut().zip(i).for_each(|(c, &i)| *c = i as f64),
                    shape.as_deref(),
                    o,
                ))
            });
            p.run(t("geometric_transform NaN"), || {
                drop(geometric_transform(
                    x,
                    |_, c| c.iter_mut().for_each(|c| *c = f64::NAN),
                    shape.as_deref(),
                    o,
                ))
            });
            p.run(t("geometric_transform 1e300"), || {
                drop(geometric_transform(
                    x,
                    |_, c| c.iter_mut().for_each(|c| *c = -1e300),
                    shape.as_deref(),
                    o,
                ))
            });
        }
        for v in vectors {
            let t = |f: &str| t(&format!("{f} {v:?}"));
            p.run(t("shift"), || drop(shift(x, v, o)));
            p.run(t("zoom"), || drop(zoom(x, v, false, o)));
            p.run(t("zoom grid_mode"), || drop(zoom(x, v, true, o)));
            p.run(t("affine_transform_diagonal"), || drop(affine_transform_diagonal(x, v, v, None, o)));
        }
        for angle in [30.0, -270.0, f64::NAN, f64::INFINITY, 1e300] {
            for reshape in [true, false] {
                let t = |f: &str| t(&format!("{f} {angle} reshape {reshape}"));
                p.run(t("rotate"), || drop(rotate(x, angle, reshape, o)));
                for axes in [(0, 1), (1, 0), (0, 0), (-1, 0), (0, n), (-n - 1, 0), (isize::MIN, 0)] {
                    p.run(t(&format!("rotate_axes {axes:?}")), || {
                        drop(rotate_axes(x, angle, axes, reshape, o))
                    });
                }
            }
        }
    }
}

/// The Fourier filters.
fn sweep_fourier<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let n = x.ndim() as isize;
    let tag = |what: String| format!("{what} on {name}");
    let params: [&[f64]; 9] = [
        &[],
        &[1.0],
        &[0.0],
        &[-1.0],
        &[f64::NAN],
        &[f64::INFINITY],
        &[1e300],
        &[1.0, 2.0],
        &[1.0, 2.0, 3.0, 4.0],
    ];
    for v in params {
        for nn in [-1, 0, 1, 5, -5, isize::MIN, isize::MAX] {
            for axis in [0, -1, n, -n - 1, isize::MIN] {
                let t = |f: &str| tag(format!("{f} {v:?} n {nn} axis {axis}"));
                p.run(t("fourier_gaussian"), || drop(fourier_gaussian(x, v, nn, axis)));
                p.run(t("fourier_uniform"), || drop(fourier_uniform(x, v, nn, axis)));
                p.run(t("fourier_ellipsoid"), || drop(fourier_ellipsoid(x, v, nn, axis)));
                p.run(t("fourier_shift"), || drop(fourier_shift(x, v, nn, axis)));
            }
        }
    }
}

/// Everything that takes an array of any rank and dimension type.
fn sweep_all<S, D>(p: &mut PanicSweep, name: &str, x: &ArrayBase<S, D>)
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    sweep_filters(p, name, x);
    sweep_morphology(p, name, x);
    sweep_measurements(p, name, x);
    sweep_interpolation(p, name, x);
    sweep_fourier(p, name, x);
}

/// The functions of other element types (integers, `f32`, `bool`) and those that take a
/// fixed rank (the scikit-image helpers).
fn sweep_typed(p: &mut PanicSweep, name: &str, x: &ArrayD<f64>) {
    let tag = |what: String| format!("{what} on {name}");
    let xf32 = x.mapv(|v| v as f32);
    let xi32 = x.mapv(|v| v as i32);
    let xu8 = x.mapv(|v| v as u8);
    let xb = x.mapv(|v| v != 0.0);
    macro_rules! typed {
        ($name:literal, $a:expr) => {{
            let a = $a;
            let t = |f: &str| tag(format!("{f} {}", $name));
            for size in [0usize, 1, 3, 9] {
                let o = FootprintOptions::size(&[size]);
                p.run(t(&format!("median_filter {size}")), || drop(median_filter(&a, &o)));
                p.run(t(&format!("maximum_filter {size}")), || drop(maximum_filter(&a, &o)));
                p.run(t(&format!("uniform_filter {size}")), || {
                    drop(uniform_filter(&a, &[size], Mode::Reflect, &[]))
                });
                let g = GreyOptions::size(&[size]);
                p.run(t(&format!("grey_dilation {size}")), || drop(grey_dilation(&a, &g)));
                p.run(t(&format!("morphological_laplace {size}")), || drop(morphological_laplace(&a, &g)));
                p.run(t(&format!("white_tophat {size}")), || drop(white_tophat(&a, &g)));
                p.run(t(&format!("percentile_filter {size}")), || drop(percentile_filter(&a, 50.0, &o)));
            }
            for mode in MODES {
                p.run(t(&format!("gaussian_filter {mode:?}")), || {
                    drop(gaussian_filter(
                        &a,
                        &[1.0],
                        &GaussianOptions { mode: mode.into(), ..Default::default() },
                    ))
                });
                p.run(t(&format!("sobel {mode:?}")), || drop(sobel(&a, 0, mode)));
                p.run(t(&format!("laplace {mode:?}")), || drop(laplace(&a, mode)));
                p.run(t(&format!("correlate1d {mode:?}")), || {
                    drop(correlate1d(&a, &[1.0, -1.0], -1, mode, 0))
                });
                for order in [0usize, 1, 3] {
                    let o = InterpOptions { order, mode, prefilter: true };
                    p.run(t(&format!("zoom {order} {mode:?}")), || drop(zoom(&a, &[1.7], false, &o)));
                    p.run(t(&format!("shift {order} {mode:?}")), || drop(shift(&a, &[-0.6], &o)));
                    p.run(t(&format!("rotate {order} {mode:?}")), || drop(rotate(&a, 33.0, true, &o)));
                }
            }
            p.run(t("binary_erosion"), || drop(binary_erosion(&a, &BinaryOptions::default())));
            p.run(t("binary_fill_holes"), || drop(binary_fill_holes(&a, None, &[], None)));
            p.run(t("label"), || drop(label(&a, None)));
            p.run(t("distance_transform_edt"), || drop(distance_transform_edt(&a, &EdtOptions::default())));
            p.run(t("distance_transform_cdt"), || drop(distance_transform_cdt(&a, &CdtOptions::default())));
            p.run(t("distance_transform_bf"), || drop(distance_transform_bf(&a, &BfOptions::default())));
            let labels = a.mapv(|v| if v > Default::default() { 1u8 } else { 2 });
            p.run(t("extrema"), || drop(extrema(&a, &labels, None)));
            p.run(t("median"), || drop(median(&a, &labels, Some(&[1, 2]))));
            p.run(t("variance"), || drop(variance(&a, &labels, Some(&[1, 2, 3]))));
            p.run(t("center_of_mass"), || drop(center_of_mass(&a, &labels, None)));
            p.run(t("spline_filter"), || drop(spline_filter(&a, 3, Mode::Mirror)));
            p.run(t("img_as_float"), || drop(img_as_float(&a)));
            p.run(t("img_as_ubyte"), || drop(img_as_ubyte(&a)));
            let ranges = [
                IntensityRange::Image,
                IntensityRange::Dtype,
                IntensityRange::DtypeRange(0.0, 255.0),
                IntensityRange::Values(0.0, 1.0),
                IntensityRange::Values(1.0, 0.0),
                IntensityRange::Values(2.0, 2.0),
                IntensityRange::Values(f64::NAN, 1.0),
                IntensityRange::Values(-1e300, 1e300),
            ];
            for i in ranges {
                for o in ranges {
                    p.run(t(&format!("rescale_intensity {i:?} {o:?} f64")), || {
                        drop(rescale_intensity::<_, f64, _, _>(&a, i, o))
                    });
                    p.run(t(&format!("rescale_intensity {i:?} {o:?} u8")), || {
                        drop(rescale_intensity::<_, u8, _, _>(&a, i, o))
                    });
                }
            }
            for axis in [-1, 0, 2, 5, -5, isize::MIN] {
                p.run(t(&format!("rgb2gray {axis}")), || drop(rgb2gray(&a, axis)));
            }
        }};
    }
    typed!("f32", xf32.clone());
    typed!("i32", xi32.clone());
    typed!("u8", xu8.clone());
    typed!("bool", xb.clone());
    for v in [&[1.0][..], &[0.0], &[f64::NAN], &[1e300]] {
        p.run(tag(format!("fourier_gaussian f32 {v:?}")), || drop(fourier_gaussian(&xf32, v, -1, -1)));
        p.run(tag(format!("fourier_shift i32 {v:?}")), || drop(fourier_shift(&xi32, v, -1, -1)));
        p.run(tag(format!("fourier_ellipsoid u8 {v:?}")), || drop(fourier_ellipsoid(&xu8, v, -1, -1)));
    }
    for ignore in [None, Some(0), Some(255)] {
        p.run(tag(format!("value_indices u8 ignore {ignore:?}")), || drop(value_indices(&xu8, ignore)));
    }
    p.run(tag("value_indices bool".into()), || drop(value_indices(&xb, None)));
    if x.ndim() == 2 {
        let x2 = x.view().into_dimensionality::<Ix2>().unwrap();
        for nbins in [0usize, 1, 2, 256, usize::MAX] {
            p.run(tag(format!("threshold_otsu {nbins}")), || drop(threshold_otsu(&x2, nbins)));
        }
        for block in [0usize, 1, 2, 3, 101, usize::MAX] {
            let methods = [
                LocalMethod::Gaussian,
                LocalMethod::GaussianSigma(0.0),
                LocalMethod::GaussianSigma(f64::NAN),
                LocalMethod::GaussianSigma(-1.0),
                LocalMethod::Mean,
                LocalMethod::Median,
            ];
            for method in methods {
                for mode in MODES {
                    p.run(tag(format!("threshold_local {block} {method:?} {mode:?}")), || {
                        drop(threshold_local(&x2, block, method, 0.5, mode))
                    });
                }
            }
        }
        for min_distance in [0usize, 1, 2, 100, usize::MAX] {
            for exclude_border in [true, false] {
                for (ta, tr) in
                    [(None, None), (Some(f64::NAN), None), (None, Some(f64::NAN)), (Some(1e300), Some(-1.0))]
                {
                    for num_peaks in [None, Some(0), Some(1)] {
                        let o = PeakOptions {
                            min_distance,
                            threshold_abs: ta,
                            threshold_rel: tr,
                            exclude_border,
                            num_peaks,
                        };
                        p.run(tag(format!("peak_local_max {o:?}")), || drop(peak_local_max(&x2, &o)));
                    }
                }
            }
        }
    }
}

/// The views of `x` that are not C-contiguous: transposed, reversed along axis 0, stepped.
fn views(x: &ArrayD<f64>) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
    let mut v = vec![("transposed", x.t())];
    if x.ndim() > 0 {
        let mut r = x.view();
        r.invert_axis(Axis(0));
        v.push(("reversed", r));
        v.push(("stepped", x.slice_axis(Axis(x.ndim() - 1), Slice::new(0, None, 2))));
    }
    v
}

#[test]
fn no_function_panics_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    // The inputs also swept as non-contiguous views and with static dimension types.
    const VIEWED: [&str; 6] = ["empty 0", "empty 3x0", "1x5", "1-d 7", "4x5 with NaN", "3x3x3"];
    for (input, x) in inputs() {
        let p = &mut panics;
        sweep_all(p, input, &x);
        sweep_typed(p, input, &x);
        if !VIEWED.contains(&input) {
            continue;
        }
        for (vname, v) in views(&x) {
            sweep_all(p, &format!("{input} {vname}"), &v);
        }
        if x.ndim() == 1 {
            let x1 = x.clone().into_dimensionality::<Ix1>().unwrap();
            sweep_all(p, &format!("{input} Ix1"), &x1);
            sweep_filters(p, &format!("{input} Ix1 reversed"), &x1.slice(s![..;-1]));
        }
        if x.ndim() == 2 {
            let x2 = x.clone().into_dimensionality::<Ix2>().unwrap();
            sweep_all(p, &format!("{input} Ix2"), &x2);
            sweep_filters(p, &format!("{input} Ix2 reversed"), &x2.slice(s![..;-1, ..;-1]));
            sweep_morphology(p, &format!("{input} Ix2 stepped"), &x2.slice(s![..;2, ..;-1]));
        }
    }
    for rank in [0, 1, 2, 3, 4, 40, 64, 65, usize::MAX] {
        for connectivity in [0, 1, 2, 3, 4, 5, 6, usize::MAX] {
            panics.run(format!("generate_binary_structure {rank} {connectivity}"), || {
                drop(generate_binary_structure(rank, connectivity))
            });
        }
    }
    panics.finish();
}

/// The argument an `InvalidValue` error names (panics on `Ok` or another error).
fn arg_of<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
    match r {
        Err(NdimageError::InvalidValue { arg, .. }) => arg,
        other => panic!("expected an InvalidValue error, got {other:?}"),
    }
}

/// An origin without a negation (`isize::MIN`) or far outside the structure. SciPy: `ValueError:
/// Invalid origin` from `convolve1d`, `convolve` and `grey_dilation`; `OverflowError` from
/// `binary_dilation`; `IndexError` from `binary_erosion` and `binary_fill_holes` (which crashes
/// on origins just outside the structure). The sweep found the negation and the index
/// arithmetic overflowing.
#[test]
fn origins_out_of_range_are_errors() {
    let a = Array1::from(vec![1.0, 0.0, 1.0, 0.0, 1.0]);
    assert_eq!(arg_of(convolve1d(&a, &[1.0, 2.0, 1.0], -1, Mode::Reflect, isize::MIN)), "origin");
    assert_eq!(
        arg_of(convolve(&a, &Array1::from(vec![1.0, 2.0, 1.0]), Mode::Reflect, &[isize::MIN])),
        "origin"
    );
    let o = GreyOptions { origin: vec![isize::MIN], ..GreyOptions::size(&[3]) };
    assert_eq!(arg_of(grey_dilation(&a, &o)), "origin");
    let o = BinaryOptions { origin: vec![isize::MIN], ..Default::default() };
    assert_eq!(arg_of(binary_dilation(&a, &o)), "origin");
    let o = BinaryOptions { origin: vec![isize::MAX], ..Default::default() };
    assert_eq!(arg_of(binary_erosion(&a, &o)), "origin");
    for origin in [isize::MAX, isize::MIN, 5, -5, 2] {
        assert_eq!(arg_of(binary_fill_holes(&a, None, &[origin], None)), "origin");
    }
    // scipy.ndimage.binary_fill_holes([1, 0, 1, 0, 1], origin=1) (a valid origin)
    let t = [true, false, true, false, true];
    assert_eq!(binary_fill_holes(&a, None, &[1], None).unwrap().to_vec(), t);
}

/// `minimum_position`, `maximum_position` and `extrema` of an empty input divided by zero
/// unravelling their positions. SciPy: `ValueError: zero-size array to reduction operation
/// minimum which has no identity`, also from `minimum` and `maximum`, with or without labels.
#[test]
fn extrema_of_an_empty_input_are_errors() {
    for shape in [&[0][..], &[0, 3], &[3, 0]] {
        let x = ArrayD::<f64>::zeros(IxDyn(shape));
        let l = ArrayD::<i32>::zeros(IxDyn(shape));
        for index in [None, Some(&[][..]), Some(&[1][..])] {
            assert_eq!(arg_of(minimum_position(&x, &l, index)), "input");
            assert_eq!(arg_of(maximum_position(&x, &l, index)), "input");
            assert_eq!(arg_of(extrema(&x, &l, index)), "input");
            assert_eq!(arg_of(minimum(&x, &l, index)), "input");
            assert_eq!(arg_of(maximum(&x, &l, index)), "input");
        }
    }
}

/// A window with a zero-length axis overflowed the padding of `vectorized_filter` and of the
/// grey morphology (a structure without elements). SciPy: `vectorized_filter` returns an
/// empty input as it is (also with `mode='valid'` and a longer window) and raises
/// `ValueError` for a non-empty one; `grey_erosion`/`grey_dilation` raise `RuntimeError`.
#[test]
fn windows_without_elements() {
    let sum = |w: &[f64]| w.iter().sum::<f64>();
    let empty = Array2::<f64>::zeros((0, 3));
    let o = VectorizedOptions::footprint(&Array2::from_elem((0, 3), true));
    assert_eq!(vectorized_filter(&empty, sum, &o).unwrap().shape(), &[0, 3]);
    let o = VectorizedOptions { valid: true, ..VectorizedOptions::size(&[5]) };
    assert_eq!(vectorized_filter(&empty, sum, &o).unwrap().shape(), &[0, 3]);
    let x = Array2::<f64>::ones((2, 3));
    let o = VectorizedOptions::footprint(&Array2::from_elem((0, 0), true));
    assert_eq!(arg_of(vectorized_filter(&x, sum, &o)), "footprint");
    let o = GreyOptions::structure(&Array2::<f64>::zeros((0, 3)));
    assert_eq!(arg_of(grey_erosion(&x, &o)), "structure");
    assert_eq!(arg_of(grey_dilation(&x, &o)), "structure");
}

/// Interpolating an empty input indexed its (missing) coefficients. SciPy: the constant modes
/// give `cval` everywhere; `'nearest'` with the prefilter of a cubic spline fails padding the
/// input ("can't extend empty axis 0 using modes other than 'constant' or 'empty'").
#[test]
fn interpolation_of_an_empty_input() {
    let e = Array1::<f64>::zeros(0);
    let c = Array2::from_shape_vec((1, 3), vec![0.5, 1.0, 2.0]).unwrap();
    // 'grid-constant' with a cubic spline interpolates the padding of cvals (-2 up to rounding,
    // in SciPy too).
    let near = |r: ArrayD<f64>, shape: &[usize]| {
        assert_eq!(r.shape(), shape);
        assert!(r.iter().all(|v| (v + 2.0).abs() < 1e-12), "{r}");
    };
    for (order, mode) in
        [(3, Mode::Constant(-2.0)), (1, Mode::GridConstant(-2.0)), (3, Mode::GridConstant(-2.0))]
    {
        near(map_coordinates(&e, &c, &InterpOptions { order, mode, prefilter: true }).unwrap(), &[3]);
    }
    let e2 = Array2::<f64>::zeros((0, 3));
    for (order, mode) in
        [(3, Mode::Constant(-2.0)), (0, Mode::GridConstant(-2.0)), (3, Mode::GridConstant(-2.0))]
    {
        let o = InterpOptions { order, mode, prefilter: true };
        near(affine_transform(&e2, &Array2::eye(2), &[], Some(&[2, 2]), &o).unwrap(), &[2, 2]);
    }
    // scipy.ndimage.rotate(np.zeros((0, 3)), 30, order=1, cval=-2) == [[-2, -2, -2]]
    let o = InterpOptions { order: 1, mode: Mode::Constant(-2.0), prefilter: true };
    let r: ArrayD<f64> = rotate(&e2, 30.0, true, &o).unwrap();
    assert_eq!(r, ArrayD::from_elem(IxDyn(&[1, 3]), -2.0));
    let o = InterpOptions { order: 3, mode: Mode::Nearest, prefilter: true };
    assert_eq!(arg_of(map_coordinates::<f64, _, _, _, _>(&e, &c, &o)), "input");
    assert_eq!(arg_of(shift(&e2, &[1.5], &o)), "input");
}

/// Coordinates beyond the range of a 64-bit integer (±1e300, ±inf, a shift by inf)
/// overflowed the spline index arithmetic. SciPy casts them to integers in C (undefined
/// behaviour; `shift(a, 1e300, mode='reflect')` crashes), but where its results are defined
/// they are these: `cval` past the edge for 'grid-constant', NaN weights for ±inf, the edge
/// values for 'nearest' at ±1e18, `cval` for a shift by inf.
#[test]
fn interpolation_far_outside() {
    let a = Array1::from_shape_fn(7, |i| i as f64 * 1.5 + 1.0);
    let c = Array2::from_shape_vec(
        (1, 7),
        vec![1e300, -1e300, f64::INFINITY, f64::NEG_INFINITY, 1e18, -1e18, 2.5],
    )
    .unwrap();
    let o = InterpOptions { order: 1, mode: Mode::GridConstant(-2.0), prefilter: true };
    let r: ArrayD<f64> = map_coordinates(&a, &c, &o).unwrap();
    let r = r.into_raw_vec_and_offset().0;
    assert_eq!([r[0], r[1], r[4], r[5], r[6]], [-2.0, -2.0, -2.0, -2.0, 4.75]);
    assert!(r[2].is_nan() && r[3].is_nan());
    // scipy.ndimage.map_coordinates(a, [[1e18, -1e18, 2.5]], order=3, mode='nearest')
    let c = Array2::from_shape_vec((1, 3), vec![1e18, -1e18, 2.5]).unwrap();
    let o = InterpOptions { order: 3, mode: Mode::Nearest, prefilter: true };
    let r: ArrayD<f64> = map_coordinates(&a, &c, &o).unwrap();
    for (x, want) in r.iter().zip([10.000000043402078, 0.999999956597922, 4.739178688862403]) {
        assert!((x - want).abs() < 1e-12, "{x} != {want}");
    }
    let o = InterpOptions { order: 3, mode: Mode::Constant(-2.0), prefilter: true };
    assert_eq!(shift(&a, &[f64::INFINITY], &o).unwrap().to_vec(), vec![-2.0; 7]);
    for (order, mode) in [(1, Mode::Reflect), (3, Mode::Wrap), (3, Mode::Nearest)] {
        let o = InterpOptions { order, mode, prefilter: true };
        assert!(shift(&a, &[1e300], &o).is_ok());
    }
}

/// Output shapes whose size overflows. NumPy: "array is too big" (`affine_transform`,
/// `geometric_transform` with such an `output_shape`), SciPy's `zoom` by 1e300: "Maximum
/// allowed dimension exceeded". The sweep found the size products overflowing.
#[test]
fn outputs_too_big_are_errors() {
    let a = Array2::<f64>::ones((4, 5));
    let o = InterpOptions::default();
    let huge = [usize::MAX, 2];
    assert_eq!(
        arg_of(affine_transform::<f64, _, _>(&a, &Array2::eye(2), &[], Some(&huge), &o)),
        "output_shape"
    );
    assert_eq!(arg_of(geometric_transform::<f64, _, _, _>(&a, |_, _| {}, Some(&huge), &o)), "output_shape");
    assert_eq!(
        arg_of(affine_transform_diagonal::<f64, _, _>(&a, &[1.0, 1.0], &[], Some(&huge), &o)),
        "output_shape"
    );
    assert_eq!(arg_of(zoom(&a, &[1e300], false, &o)), "zoom");
    assert_eq!(arg_of(zoom(&a, &[1.0, 1e300], true, &o)), "zoom");
}

/// Zoom factors at or below zero. SciPy takes any factor whose output lengths
/// `int(round(n * zoom))` are not negative, so 0 and small negative factors give empty axes;
/// a negative length is NumPy's "negative dimensions are not allowed". (A factor ≤ 0 was an
/// error here.) The shapes are SciPy 1.17.1's.
#[test]
fn zoom_to_empty_axes() {
    let a = Array2::from_shape_fn((3, 3), |(i, j)| (3 * i + j) as f64);
    let o = InterpOptions::default();
    for (z, shape) in [
        (vec![0.0], [0, 0]),
        (vec![0.1], [0, 0]),
        (vec![-0.1], [0, 0]),
        (vec![-0.16], [0, 0]),
        (vec![1.0, 0.0], [3, 0]),
        (vec![0.1, 2.0], [0, 6]),
    ] {
        assert_eq!(zoom(&a, &z, false, &o).unwrap().shape(), &shape, "zoom {z:?}");
        assert_eq!(zoom(&a, &z, true, &o).unwrap().shape(), &shape, "zoom {z:?} grid_mode");
    }
    for z in [-0.17, -1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(arg_of(zoom(&a, &[z], false, &o)), "zoom", "zoom {z}");
    }
    let e = Array2::<f64>::zeros((0, 3));
    assert_eq!(zoom(&e, &[0.0], false, &o).unwrap().shape(), &[0, 0]);
    assert_eq!(arg_of(zoom(&e, &[-1.0], false, &o)), "zoom");
}

/// Sizes that cannot be allocated: `find_objects` with `max_label = usize::MAX` or a label
/// of `i64::MAX` (SciPy: `MemoryError`), `histogram` with `usize::MAX` bins (NumPy: "array is
/// too big"), `iterate_structure` with `usize::MAX` iterations (SciPy: "Maximum allowed
/// dimension exceeded"), a box of `usize::MAX` for the rank filters (SciPy: `MemoryError`),
/// `threshold_otsu` with `usize::MAX` bins (NumPy: "array is too big"). All overflowed.
#[test]
fn sizes_too_big_to_allocate_are_errors() {
    let l = Array1::from(vec![0i64, 1, 0, 2]);
    assert_eq!(arg_of(find_objects(&l, usize::MAX)), "max_label");
    assert_eq!(arg_of(find_objects(&Array1::from(vec![i64::MAX, 1]), 0)), "input");
    // scipy.ndimage.find_objects([[0, 1], [0, 2]], max_label=3)
    let l2 = Array2::from_shape_vec((2, 2), vec![0i64, 1, 0, 2]).unwrap();
    assert_eq!(find_objects(&l2, 3).unwrap(), vec![Some(vec![0..1, 1..2]), Some(vec![1..2, 1..2]), None]);
    let x = Array1::from(vec![0.5, 0.2, 0.9, 0.1]);
    assert_eq!(arg_of(histogram(&x, 0.0, 1.0, usize::MAX, &l, None)), "bins");
    assert_eq!(arg_of(iterate_structure(&Array1::from_elem(3, true), usize::MAX)), "iterations");
    let o = FootprintOptions::size(&[usize::MAX]);
    assert_eq!(arg_of(median_filter(&x, &o)), "size");
    assert_eq!(arg_of(rank_filter(&x, 1, &o)), "size");
    assert_eq!(arg_of(percentile_filter(&x, 50.0, &o)), "size");
    assert_eq!(arg_of(generic_filter(&x, |w| w[0], &o)), "size");
    let o = VectorizedOptions::size(&[usize::MAX]);
    assert_eq!(arg_of(vectorized_filter(&x, |w: &[f64]| w[0], &o)), "size");
    let img = Array2::from_shape_fn((3, 3), |(i, j)| (i * 3 + j) as f64);
    assert_eq!(arg_of(threshold_otsu(&img, usize::MAX)), "nbins");
}

/// `generate_binary_structure` of a rank whose `3^rank` cube cannot be allocated (3^40
/// overflows the address space: SciPy's `MemoryError`) or above NumPy's 64 dimensions
/// (SciPy: "maximum supported dimension for an ndarray is 64"); ndarray panicked on the
/// overflowing shape.
#[test]
fn binary_structures_too_big_are_errors() {
    for rank in [40, 64, 65, usize::MAX] {
        assert_eq!(arg_of(generate_binary_structure(rank, 1)), "rank", "rank {rank}");
    }
    assert_eq!(generate_binary_structure(12, 1).unwrap().len(), 531_441);
}

/// `peak_local_max` computed `2 * min_distance + 1` with overflow. scikit-image 0.26: "Maximum
/// allowed dimension exceeded" for a footprint side beyond `isize`; a window wider than the
/// image gives the peaks of the whole image (min_distance 10 on a 6 × 7 image).
#[test]
fn peak_local_max_with_a_huge_min_distance() {
    let mut img = Array2::<f64>::zeros((6, 7));
    img[[2, 3]] = 5.0;
    img[[4, 5]] = 3.0;
    img[[0, 0]] = 1.0;
    let o = PeakOptions { min_distance: usize::MAX, exclude_border: false, ..Default::default() };
    assert_eq!(arg_of(peak_local_max(&img, &o)), "min_distance");
    let o = PeakOptions { min_distance: 1 << 62, ..o };
    assert_eq!(arg_of(peak_local_max(&img, &o)), "min_distance");
    // skimage.feature.peak_local_max(img, min_distance=10, exclude_border=False) == [[2, 3]]
    let o = PeakOptions { min_distance: 10, ..o };
    assert_eq!(peak_local_max(&img, &o).unwrap(), vec![[2, 3]]);
    let o = PeakOptions { min_distance: 10, exclude_border: true, ..o };
    assert!(peak_local_max(&img, &o).unwrap().is_empty());
}

/// Binary morphology repeated a fixed number of times ran every repetition (`isize::MAX` of
/// them: a hang). SciPy stops once nothing changes, rejects counts beyond C's `int`
/// (`OverflowError`), and repeats a structure missing its centre by brute force; the results
/// below are SciPy's.
#[test]
fn binary_iterations() {
    let x = Array1::from(vec![0, 1, 0, 0, 0, 0, 0]);
    for iterations in [isize::MAX, isize::MIN, 1 << 40] {
        let o = BinaryOptions { iterations, ..Default::default() };
        assert_eq!(arg_of(binary_dilation(&x, &o)), "iterations");
    }
    let o = BinaryOptions { iterations: 1 << 20, ..Default::default() };
    assert_eq!(binary_dilation(&x, &o).unwrap().to_vec(), vec![true; 7]);
    let o = BinaryOptions {
        iterations: i32::MAX as isize,
        mask: Some(Array1::from(vec![true, true, true, false, true, true, true]).into_dyn()),
        ..Default::default()
    };
    assert_eq!(binary_dilation(&x, &o).unwrap().to_vec(), [true, true, true, false, false, false, false]);
    // binary_dilation([0, 1, 0, 0, 0, 0, 0], structure=[1, 0, 1], iterations=1001)
    let st = Array1::from(vec![true, false, true]);
    let o = BinaryOptions { iterations: 1001, ..BinaryOptions::structure(&st) };
    let want = [true, false, true, false, true, false, true];
    assert_eq!(binary_dilation(&x, &o).unwrap().to_vec(), want);
    // binary_erosion([1, 1, 0, 1, 1, 1, 0, 1], structure=[1, 0, 1], iterations=1000, border_value=1)
    let y = Array1::from(vec![1, 1, 0, 1, 1, 1, 0, 1]);
    let o = BinaryOptions { iterations: 1000, border_value: true, ..BinaryOptions::structure(&st) };
    let want = [false, true, false, true, false, true, false, true];
    assert_eq!(binary_erosion(&y, &o).unwrap().to_vec(), want);
}

/// A quintic spline over 25 axes sums 6^25 terms per point (the count overflowed; the sum
/// would never end). SciPy: `MemoryError` for its table of that many offsets, and "array is
/// too big" padding the input for 'nearest'.
#[test]
fn interpolation_over_many_axes() {
    let x = ArrayD::<f64>::from_elem(IxDyn(&[1; 25]), 3.0);
    let o = InterpOptions { order: 5, mode: Mode::Mirror, prefilter: true };
    assert_eq!(arg_of(shift(&x, &[0.5], &o)), "order");
    let c = Array2::<f64>::zeros((25, 1));
    assert_eq!(arg_of(map_coordinates::<f64, _, _, _, _>(&x, &c, &o)), "order");
    let o = InterpOptions { order: 5, mode: Mode::Nearest, prefilter: true };
    assert!(shift(&x, &[0.5], &o).is_err());
}

/// A non-finite angle gave the rotated output a shape from NaN extents. SciPy: "negative
/// dimensions are not allowed" with `reshape=True`; without it every point takes `cval`.
#[test]
fn rotation_by_a_non_finite_angle() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
    let o = InterpOptions::order(1);
    for angle in [f64::NAN, f64::INFINITY] {
        assert_eq!(arg_of(rotate::<f64, _, _>(&a, angle, true, &o)), "angle");
        assert_eq!(arg_of(rotate_axes::<f64, _, _>(&a, angle, (1, 0), true, &o)), "angle");
        let r: ArrayD<f64> = rotate(&a, angle, false, &o).unwrap();
        assert_eq!(r, ArrayD::<f64>::zeros(IxDyn(&[3, 4])));
    }
}

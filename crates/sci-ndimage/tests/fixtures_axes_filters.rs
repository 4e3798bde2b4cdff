//! `axes=` and per-axis `mode` sequences of the linear and separable filters against fixtures
//! from tools/fixtures/ndimage_axes_filters.py, and their bad-input table.

mod common;

use common::{floats, has, ints, keys};
use sci_array::ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{CloseElement, check_allclose};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_axes_filters.json")).unwrap()
}

fn one_mode(name: &str, cval: f64) -> Mode {
    match name {
        "reflect" => Mode::Reflect,
        "constant" => Mode::Constant(cval),
        "nearest" => Mode::Nearest,
        "mirror" => Mode::Mirror,
        "wrap" => Mode::Wrap,
        "grid-wrap" => Mode::GridWrap,
        "grid-constant" => Mode::GridConstant(cval),
        "grid-mirror" => Mode::GridMirror,
        m => panic!("unknown mode {m}"),
    }
}

/// The case's `mode`: a string is one mode for all axes, a list one per axis.
fn modes(fx: &Fixture, c: &str) -> Modes {
    let cval = fx.f64(&format!("{c}/cval"));
    let v = fx.get(&format!("{c}/mode"));
    match v.as_str() {
        Some(m) => Modes::All(one_mode(m, cval)),
        None => Modes::PerAxis(
            v.as_array().expect("mode list").iter().map(|m| one_mode(m.as_str().unwrap(), cval)).collect(),
        ),
    }
}

fn list_usize(fx: &Fixture, c: &str, key: &str) -> Vec<usize> {
    if has(fx, c, key) {
        ints(fx, &format!("{c}/{key}")).iter().map(|&v| v as usize).collect()
    } else {
        vec![]
    }
}

fn list_isize(fx: &Fixture, c: &str, key: &str) -> Vec<isize> {
    if has(fx, c, key) {
        ints(fx, &format!("{c}/{key}")).iter().map(|&v| v as isize).collect()
    } else {
        vec![]
    }
}

fn run<T: Element>(fx: &Fixture, c: &str, x: &ArrayViewD<'_, T>) -> Result<ArrayD<T>> {
    let g = |k: &str| format!("{c}/{k}");
    let m = modes(fx, c);
    let axes: Option<Vec<isize>> = has(fx, c, "axes").then(|| list_isize(fx, c, "axes"));
    let (size, origin) = (list_usize(fx, c, "size"), list_isize(fx, c, "origin"));
    let sigma = if has(fx, c, "sigma") { floats(fx, &g("sigma")) } else { vec![] };
    let gopts = GaussianOptions {
        order: list_usize(fx, c, "order"),
        mode: m.clone(),
        truncate: if has(fx, c, "truncate") { fx.f64(&g("truncate")) } else { 4.0 },
        radius: list_usize(fx, c, "radius"),
        axes: axes.clone(),
    };
    let fopts = FootprintOptions {
        size: size.clone(),
        footprint: has(fx, c, "footprint").then(|| fx.array_bool(&g("footprint"))),
        mode: m.clone(),
        origin: origin.clone(),
        axes: axes.clone(),
    };
    let single = || match &m {
        Modes::All(one) => *one,
        Modes::PerAxis(_) => panic!("{c}: correlate takes one mode"),
    };
    let d2 =
        |v: &ArrayViewD<'_, T>, ax: usize, md: Mode| correlate1d(v, &[1.0, -2.0, 1.0], ax as isize, md, 0);
    let d1 =
        |v: &ArrayViewD<'_, T>, ax: usize, md: Mode| correlate1d(v, &[-1.0, 0.0, 1.0], ax as isize, md, 0);
    match (fx.str(&g("fn")), axes.as_deref()) {
        ("gaussian_filter", _) => gaussian_filter(x, &sigma, &gopts),
        ("gaussian_laplace", _) => gaussian_laplace(x, &sigma, &gopts),
        ("gaussian_gradient_magnitude", _) => gaussian_gradient_magnitude(x, &sigma, &gopts),
        ("uniform_filter", None) => uniform_filter(x, &size, m, &origin),
        ("uniform_filter", Some(a)) => uniform_filter_axes(x, &size, m, &origin, a),
        ("laplace", None) => laplace(x, m),
        ("laplace", Some(a)) => laplace_axes(x, m, a),
        ("generic_laplace", None) => generic_laplace(x, d2, m),
        ("generic_laplace", Some(a)) => generic_laplace_axes(x, d2, m, a),
        ("generic_gradient_magnitude", None) => generic_gradient_magnitude(x, d1, m),
        ("generic_gradient_magnitude", Some(a)) => generic_gradient_magnitude_axes(x, d1, m, a),
        ("minimum_filter", _) => minimum_filter(x, &fopts),
        ("maximum_filter", _) => maximum_filter(x, &fopts),
        ("rank_filter", _) => rank_filter(x, fx.i64(&g("rank")) as isize, &fopts),
        ("sobel", _) => sobel(x, fx.i64(&g("axis")) as isize, m),
        ("prewitt", _) => prewitt(x, fx.i64(&g("axis")) as isize, m),
        (f @ ("correlate" | "convolve"), a) => {
            let w = fx.array_f64(&g("weights"));
            match (f, a) {
                ("correlate", None) => correlate(x, &w, single(), &origin),
                ("correlate", Some(a)) => correlate_axes(x, &w, single(), &origin, a),
                ("convolve", None) => convolve(x, &w, single(), &origin),
                (_, a) => convolve_axes(x, &w, single(), &origin, a.unwrap_or(&[])),
            }
        }
        (f, _) => {
            let o = GreyOptions { size, mode: m, axes, ..Default::default() };
            match f {
                "grey_erosion" => grey_erosion(x, &o),
                "grey_dilation" => grey_dilation(x, &o),
                "grey_opening" => grey_opening(x, &o),
                "grey_closing" => grey_closing(x, &o),
                "morphological_gradient" => morphological_gradient(x, &o),
                "white_tophat" => white_tophat(x, &o),
                "black_tophat" => black_tophat(x, &o),
                "morphological_laplace" => morphological_laplace(x, &o),
                _ => panic!("{c}: unknown function {f}"),
            }
        }
    }
}

/// `f` on three layouts of `x`: C order, a transposed (Fortran-ordered) view and a view
/// with a negative stride on axis 0.
fn layouts<T: Clone, R>(x: &ArrayD<T>, mut f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    let t = x.t().as_standard_layout().into_owned();
    let mut r = x.clone();
    r.invert_axis(Axis(0));
    let r = r.as_standard_layout().into_owned();
    let mut rv = r.view();
    rv.invert_axis(Axis(0));
    vec![f(&x.view()), f(&t.t()), f(&rv)]
}

/// Runs the case on three layouts of the input (C order, transposed, negative stride).
fn check<T: Element + CloseElement>(fx: &Fixture, c: &str, x: ArrayD<T>, want: ArrayD<T>, rtol: f64) {
    let scale = want.iter().map(|v| v.magnitude()).filter(|v| v.is_finite()).fold(0.0, f64::max);
    for got in layouts(&x, |v| run(fx, c, v).unwrap_or_else(|e| panic!("{c}: {e}"))) {
        assert_eq!(got.shape(), want.shape(), "{c}");
        if let Err(e) = check_allclose(&got, &want, rtol, rtol * scale) {
            panic!("{c}: {e}");
        }
    }
}

#[test]
fn axes_and_mode_sequences_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    let mut failed = Vec::new();
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let inp = format!("inputs/{}", fx.str(&format!("{c}/input")));
        let exp = format!("{c}/expected");
        let f = fx.str(&format!("{c}/fn"));
        // Minimum/maximum pick input values: exact for every type.
        let exact = f.ends_with("imum_filter")
            || f == "rank_filter"
            || f.contains("grey")
            || f.contains("morph")
            || f.ends_with("tophat");
        let r = std::panic::catch_unwind(|| match fx.str(&format!("{inp}/dtype")) {
            "float64" => {
                check(&fx, &c, fx.array_f64(&inp), fx.array_f64(&exp), if exact { 0.0 } else { 1e-12 })
            }
            // float32 results are rounded to f32 after each pass, as in SciPy; 2 f32 ulps for
            // sums whose double value lands next to a rounding boundary.
            "float32" => check(
                &fx,
                &c,
                fx.array_f64(&inp).mapv(|v| v as f32),
                fx.array_f64(&exp).mapv(|v| v as f32),
                if exact { 0.0 } else { 2.5e-7 },
            ),
            "int32" => check(
                &fx,
                &c,
                fx.array_i64(&inp).mapv(|v| v as i32),
                fx.array_i64(&exp).mapv(|v| v as i32),
                0.0,
            ),
            d => panic!("dtype {d}"),
        });
        if r.is_err() {
            failed.push(name.clone());
        }
        n += 1;
    }
    assert!(failed.is_empty(), "{} failing cases: {failed:?}", failed.len());
    assert!(n >= 1000, "only {n} cases");
}

#[test]
fn axes_and_mode_sequences_bad_input() {
    let x = ArrayD::<f64>::zeros(IxDyn(&[4, 5, 3]));
    let w2 = ArrayD::<f64>::ones(IxDyn(&[3, 3]));
    let w3 = ArrayD::<f64>::ones(IxDyn(&[3, 3, 3]));
    let two = [Mode::Wrap, Mode::Nearest];
    let three = [Mode::Wrap, Mode::Nearest, Mode::Reflect];
    let fp = ArrayD::from_shape_vec(IxDyn(&[3]), vec![true, false, true]).unwrap();
    let err = |r: Result<ArrayD<f64>>| r.unwrap_err().to_string();
    let cases: Vec<(String, &str)> = vec![
        // Axes out of range or repeated, for every function that takes them.
        (err(correlate_axes(&x, &w2, Mode::Reflect, &[], &[0, 3])), "specified axis: 3 is out of range"),
        (err(convolve_axes(&x, &w2, Mode::Reflect, &[], &[-4, 0])), "specified axis: -4 is out of range"),
        (err(correlate_axes(&x, &w2, Mode::Reflect, &[], &[1, -2])), "axes must be unique"),
        (err(uniform_filter_axes(&x, &[3], Mode::Reflect, &[], &[2, 2])), "axes must be unique"),
        (err(uniform_filter_axes(&x, &[3], Mode::Reflect, &[], &[5])), "out of range"),
        (err(laplace_axes(&x, Mode::Reflect, &[0, -3])), "axes must be unique"),
        (
            err(generic_laplace_axes(
                &x,
                |v, a, m| correlate1d(v, &[1.0, -2.0, 1.0], a as isize, m, 0),
                Mode::Reflect,
                &[3],
            )),
            "out of range",
        ),
        (
            err(generic_gradient_magnitude_axes(
                &x,
                |v, a, m| correlate1d(v, &[1.0, 0.0], a as isize, m, 0),
                Mode::Reflect,
                &[1, 1],
            )),
            "axes must be unique",
        ),
        (
            err(gaussian_filter(
                &x,
                &[1.0],
                &GaussianOptions { axes: Some(vec![0, -3]), ..Default::default() },
            )),
            "axes must be unique",
        ),
        (
            err(gaussian_laplace(&x, &[1.0], &GaussianOptions { axes: Some(vec![3]), ..Default::default() })),
            "out of range",
        ),
        (
            err(gaussian_gradient_magnitude(
                &x,
                &[1.0],
                &GaussianOptions { axes: Some(vec![2, 2]), ..Default::default() },
            )),
            "axes must be unique",
        ),
        (
            err(maximum_filter(
                &x,
                &FootprintOptions { axes: Some(vec![-1, 2]), ..FootprintOptions::size(&[3]) },
            )),
            "axes must be unique",
        ),
        // Weights whose rank is not len(axes).
        (
            err(correlate_axes(&x, &w3, Mode::Reflect, &[], &[0, 1])),
            "weights.ndim (3) must match len(axes) (2)",
        ),
        (err(convolve_axes(&x, &w2, Mode::Reflect, &[], &[1])), "weights.ndim (2) must match len(axes) (1)"),
        (err(correlate(&x, &w2, Mode::Reflect, &[])), "weights.ndim (2) must match len(axes) (3)"),
        (err(correlate_axes(&x, &w2, Mode::Reflect, &[0, 0, 0], &[0, 2])), "origin"),
        // Mode sequences of the wrong length (one per filtered axis).
        (err(uniform_filter(&x, &[3], two, &[])), "sequence argument must have length equal to input rank"),
        (err(uniform_filter_axes(&x, &[3], three, &[], &[0, 1])), "sequence argument"),
        (err(laplace(&x, two)), "sequence argument"),
        (err(laplace_axes(&x, three, &[2])), "sequence argument"),
        (err(sobel(&x, 0, two)), "sequence argument"),
        (err(prewitt(&x, -1, [Mode::Wrap])), "sequence argument"),
        (
            err(gaussian_filter(&x, &[1.0], &GaussianOptions { mode: two.into(), ..Default::default() })),
            "sequence argument",
        ),
        (
            err(gaussian_filter(
                &x,
                &[1.0],
                &GaussianOptions { mode: three.into(), axes: Some(vec![1]), ..Default::default() },
            )),
            "sequence argument",
        ),
        (
            err(gaussian_laplace(&x, &[1.0], &GaussianOptions { mode: two.into(), ..Default::default() })),
            "sequence argument",
        ),
        (
            err(gaussian_gradient_magnitude(
                &x,
                &[1.0],
                &GaussianOptions { mode: three.into(), axes: Some(vec![0, 1]), ..Default::default() },
            )),
            "sequence argument",
        ),
        (err(minimum_filter(&x, &FootprintOptions::size(&[3]).with_mode(two))), "sequence argument"),
        (
            err(generic_laplace(&x, |v, a, m| correlate1d(v, &[1.0, -2.0, 1.0], a as isize, m, 0), two)),
            "sequence argument",
        ),
        // Sigma over the listed axes (gaussian_filter, gaussian_laplace) or over all axes
        // (gaussian_gradient_magnitude, as SciPy).
        (
            err(gaussian_filter(
                &x,
                &[1.0, 2.0, 3.0],
                &GaussianOptions { axes: Some(vec![0, 1]), ..Default::default() },
            )),
            "sigma",
        ),
        (
            err(gaussian_laplace(
                &x,
                &[1.0, 2.0, 3.0],
                &GaussianOptions { axes: Some(vec![0, 1]), ..Default::default() },
            )),
            "sigma",
        ),
        (
            err(gaussian_gradient_magnitude(
                &x,
                &[1.0, 2.0],
                &GaussianOptions { axes: Some(vec![0, 1]), ..Default::default() },
            )),
            "sigma",
        ),
        // A mode sequence needs a separable window (and the min/max ranks).
        (
            err(maximum_filter(
                &x,
                &FootprintOptions { axes: Some(vec![1]), ..FootprintOptions::footprint(&fp) }
                    .with_mode([Mode::Wrap]),
            )),
            "A sequence of modes is not supported for non-separable footprints",
        ),
        (
            err(rank_filter(
                &x,
                0,
                &FootprintOptions { axes: Some(vec![1]), ..FootprintOptions::footprint(&fp) }
                    .with_mode([Mode::Wrap]),
            )),
            "non-separable footprints",
        ),
        (
            err(median_filter(&x, &FootprintOptions::size(&[3]).with_mode(three))),
            "A sequence of modes is not supported by non-separable rank filters",
        ),
        (
            err(percentile_filter(&x, 50.0, &FootprintOptions::size(&[3]).with_mode(three))),
            "non-separable rank filters",
        ),
        (
            err(generic_filter(&x, |w| w[0], &FootprintOptions::size(&[3]).with_mode(three))),
            "boundary mode not supported",
        ),
        (
            err(gaussian_filter1d(
                &x,
                1.0,
                0,
                &GaussianOptions { mode: vec![Mode::Wrap].into(), ..Default::default() },
            )),
            "boundary mode not supported",
        ),
        (
            err(gaussian_filter1d(
                &x,
                1.0,
                0,
                &GaussianOptions { axes: Some(vec![0]), ..Default::default() },
            )),
            "axes",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

#[test]
fn per_axis_modes_equal_passes_with_one_mode() {
    // A mode sequence is the same as one 1-d pass per axis with that axis' mode.
    let a = array![[3.0, 1.0, 4.0, 1.0], [5.0, 9.0, 2.0, 6.0], [5.0, 3.0, 5.0, 8.0]];
    let seq = uniform_filter(&a, &[2, 3], [Mode::Mirror, Mode::Constant(2.0)], &[]).unwrap();
    let p0 = uniform_filter1d(&a, 2, 0, Mode::Mirror, 0).unwrap();
    let p1 = uniform_filter1d(&p0, 3, 1, Mode::Constant(2.0), 0).unwrap();
    assert_eq!(seq, p1);
    let seq = maximum_filter(&a, &FootprintOptions::size(&[3, 2]).with_mode(vec![Mode::Wrap, Mode::Nearest]))
        .unwrap();
    let p0 = maximum_filter1d(&a, 3, 0, Mode::Wrap, 0).unwrap();
    assert_eq!(seq, maximum_filter1d(&p0, 2, 1, Mode::Nearest, 0).unwrap());
    // Modes given as a slice, a Vec or an array are the same.
    let s: &[Mode] = &[Mode::Nearest, Mode::Wrap];
    assert_eq!(laplace(&a, s).unwrap(), laplace(&a, vec![Mode::Nearest, Mode::Wrap]).unwrap());
}

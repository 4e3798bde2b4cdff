//! scipy.ndimage filters against fixtures from tools/fixtures/ndimage_filters.py.

mod common;

use common::{floats, has, ints, keys, layouts, mode};
use sci_array::ndarray::{Array2, ArrayD, ArrayViewD, IxDyn, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{CloseElement, assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_filters.json")).unwrap()
}

fn opts(fx: &Fixture, c: &str) -> FootprintOptions {
    FootprintOptions {
        size: if has(fx, c, "size") {
            ints(fx, &format!("{c}/size")).iter().map(|&v| v as usize).collect()
        } else {
            vec![]
        },
        footprint: if has(fx, c, "footprint") {
            Some(fx.array_bool(&format!("{c}/footprint")))
        } else {
            None
        },
        mode: mode(fx, c).into(),
        origin: if has(fx, c, "origin") {
            ints(fx, &format!("{c}/origin")).iter().map(|&v| v as isize).collect()
        } else {
            vec![]
        },
        axes: None,
    }
}

fn run<T: Element>(fx: &Fixture, c: &str, x: &ArrayViewD<'_, T>) -> ArrayD<T> {
    let g = |k: &str| format!("{c}/{k}");
    let m = mode(fx, c);
    let gopts = || GaussianOptions {
        order: ints(fx, &g("order")).iter().map(|&v| v as usize).collect(),
        mode: m.into(),
        truncate: fx.f64(&g("truncate")),
        radius: if has(fx, c, "radius") { vec![fx.i64(&g("radius")) as usize] } else { vec![] },
        axes: None,
    };
    let origin1 = || if has(fx, c, "origin") { fx.i64(&g("origin")) as isize } else { 0 };
    match fx.str(&g("fn")) {
        "correlate1d" => {
            correlate1d(x, &floats(fx, &g("weights")), fx.i64(&g("axis")) as isize, m, origin1()).unwrap()
        }
        "convolve1d" => {
            convolve1d(x, &floats(fx, &g("weights")), fx.i64(&g("axis")) as isize, m, origin1()).unwrap()
        }
        "correlate" | "convolve" => {
            let w = fx.array_f64(&g("weights"));
            let o: Vec<isize> = ints(fx, &g("origin")).iter().map(|&v| v as isize).collect();
            if fx.str(&g("fn")) == "correlate" {
                correlate(x, &w, m, &o).unwrap()
            } else {
                convolve(x, &w, m, &o).unwrap()
            }
        }
        "gaussian_filter" => gaussian_filter(x, &floats(fx, &g("sigma")), &gopts()).unwrap(),
        "gaussian_filter1d" => {
            gaussian_filter1d(x, fx.f64(&g("sigma/data/0")), fx.i64(&g("axis")) as isize, &gopts()).unwrap()
        }
        "sobel" => sobel(x, fx.i64(&g("axis")) as isize, m).unwrap(),
        "prewitt" => prewitt(x, fx.i64(&g("axis")) as isize, m).unwrap(),
        "laplace" => laplace(x, m).unwrap(),
        "uniform_filter" => {
            let sz: Vec<usize> = ints(fx, &g("size")).iter().map(|&v| v as usize).collect();
            let o: Vec<isize> = ints(fx, &g("origin")).iter().map(|&v| v as isize).collect();
            uniform_filter(x, &sz, m, &o).unwrap()
        }
        "uniform_filter1d" => {
            uniform_filter1d(x, fx.i64(&g("size")) as usize, fx.i64(&g("axis")) as isize, m, origin1())
                .unwrap()
        }
        "minimum_filter1d" => {
            minimum_filter1d(x, fx.i64(&g("size")) as usize, fx.i64(&g("axis")) as isize, m, origin1())
                .unwrap()
        }
        "maximum_filter1d" => {
            maximum_filter1d(x, fx.i64(&g("size")) as usize, fx.i64(&g("axis")) as isize, m, origin1())
                .unwrap()
        }
        "minimum_filter" => minimum_filter(x, &opts(fx, c)).unwrap(),
        "maximum_filter" => maximum_filter(x, &opts(fx, c)).unwrap(),
        "median_filter" => median_filter(x, &opts(fx, c)).unwrap(),
        "rank_filter" => rank_filter(x, fx.i64(&g("rank")) as isize, &opts(fx, c)).unwrap(),
        "percentile_filter" => percentile_filter(x, fx.f64(&g("percentile")), &opts(fx, c)).unwrap(),
        "generic_filter" => generic_filter(
            x,
            |v| {
                let mx = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let mn = v.iter().copied().fold(f64::INFINITY, f64::min);
                mx - mn + 0.5 * v[0]
            },
            &opts(fx, c),
        )
        .unwrap(),
        f => panic!("unknown fn {f}"),
    }
}

fn check<T: Element + CloseElement>(fx: &Fixture, c: &str, x: ArrayD<T>, expected: ArrayD<T>, rtol: f64) {
    let scale = expected.iter().map(|v| CloseElement::magnitude(v)).fold(0.0, f64::max);
    for got in layouts(&x, |v| run(fx, c, v)) {
        if rtol == 0.0 {
            assert_array_equal(&got, &expected);
        } else {
            // Absolute floor: results that cancel to ~0 carry rounding of the order of the
            // largest value times eps.
            assert_allclose(&got, &expected, rtol, rtol * scale);
        }
    }
}

#[test]
fn filters_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    let mut failed = Vec::new();
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        if name.starts_with("big:") {
            continue;
        }
        let inp = format!("inputs/{}", fx.str(&format!("{c}/input")));
        let dtype = fx.str(&format!("{inp}/dtype"));
        let exp = format!("{c}/expected");
        let r = std::panic::catch_unwind(|| match dtype {
            "float64" => check(&fx, &c, fx.array_f64(&inp), fx.array_f64(&exp), 1e-12),
            // float32 results are rounded to f32 after each pass, as in SciPy; allow 2 f32 ulps
            // for sums whose double result lands next to a rounding boundary.
            "float32" => check(
                &fx,
                &c,
                fx.array_f64(&inp).mapv(|v| v as f32),
                fx.array_f64(&exp).mapv(|v| v as f32),
                2.5e-7,
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
    assert!(n > 1000, "only {n} cases");
}

fn big() -> Array2<f64> {
    Array2::from_shape_fn((130, 900), |(i, j)| ((i * 31 + j * 17) % 97) as f64 / 7.0)
}

#[test]
fn parallel_paths_match_scipy() {
    let fx = fixture();
    let b = big();
    let sub = |a: &Array2<f64>| a.slice(s![..;7, ..;13]).to_owned().into_dyn();
    let g = gaussian_filter(&b, &[2.0, 3.0], &GaussianOptions::default()).unwrap();
    assert_allclose(&sub(&g), &fx.array_f64("cases/big:gaussian/expected"), 1e-12, 1e-13);
    let m = maximum_filter(&b, &FootprintOptions::size(&[5, 30])).unwrap();
    assert_array_equal(&sub(&m), &fx.array_f64("cases/big:maximum_filter/expected"));
    let md = median_filter(&b, &FootprintOptions::size(&[3, 4]).with_mode(Mode::Wrap)).unwrap();
    assert_array_equal(&sub(&md), &fx.array_f64("cases/big:median_filter/expected"));
}

#[test]
fn bad_inputs_are_errors() {
    let a = ArrayD::<f64>::zeros(IxDyn(&[4, 5]));
    let cases: Vec<(&str, sci_ndimage::Result<ArrayD<f64>>)> = vec![
        ("empty weights", correlate1d(&a, &[], -1, Mode::Reflect, 0)),
        ("axis", correlate1d(&a, &[1.0], 2, Mode::Reflect, 0)),
        ("origin", correlate1d(&a, &[1.0, 2.0, 3.0], -1, Mode::Reflect, 2)),
        ("weights rank", correlate(&a, &sci_array::ndarray::array![1.0, 2.0], Mode::Reflect, &[])),
        ("origin len", correlate(&a, &Array2::<f64>::ones((3, 3)), Mode::Reflect, &[0, 0, 0])),
        ("sigma len", gaussian_filter(&a, &[1.0, 2.0, 3.0], &GaussianOptions::default())),
        ("sigma neg", gaussian_filter(&a, &[-1.0], &GaussianOptions::default())),
        ("no size", minimum_filter(&a, &FootprintOptions::default())),
        (
            "zero footprint",
            maximum_filter(&a, &FootprintOptions::footprint(&Array2::from_elem((2, 2), false))),
        ),
        (
            "footprint rank",
            median_filter(&a, &FootprintOptions::footprint(&sci_array::ndarray::array![true])),
        ),
        ("rank", rank_filter(&a, 9, &FootprintOptions::size(&[3]))),
        ("percentile", percentile_filter(&a, 120.0, &FootprintOptions::size(&[3]))),
        ("sobel axis", sobel(&a, -3, Mode::Reflect)),
    ];
    for (what, r) in cases {
        assert!(r.is_err(), "{what} should fail");
    }
}

#[test]
fn empty_and_length_one() {
    let e = ArrayD::<f64>::zeros(IxDyn(&[0, 3]));
    assert_eq!(gaussian_filter(&e, &[1.0], &GaussianOptions::default()).unwrap().shape(), &[0, 3]);
    assert_eq!(median_filter(&e, &FootprintOptions::size(&[3])).unwrap().shape(), &[0, 3]);
    assert_eq!(correlate(&e, &Array2::<f64>::ones((3, 3)), Mode::Reflect, &[]).unwrap().shape(), &[0, 3]);
    let one = sci_array::ndarray::array![2.5];
    for m in [Mode::Reflect, Mode::Mirror, Mode::Wrap, Mode::Nearest] {
        assert_eq!(uniform_filter1d(&one, 3, -1, m, 0).unwrap()[0], 2.5);
    }
    let nan = sci_array::ndarray::array![1.0, f64::NAN, 3.0, 4.0];
    let g = gaussian_filter1d(&nan, 1.0, -1, &GaussianOptions::default()).unwrap();
    assert!(g.iter().all(|v| v.is_nan()));
}

#[test]
fn uniform_filter_size_zero_leaves_the_axis_alone() {
    // SciPy: uniform_filter(a, size=0) is a copy of a; size=[0, 3] filters the last axis only
    // (it gives [[1/3, 1, 2, 8/3], ...] on arange(12).reshape(3, 4)).
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    assert_eq!(uniform_filter(&a, &[0], Mode::Reflect, &[]).unwrap(), a);
    let both = uniform_filter(&a, &[0, 3], Mode::Reflect, &[]).unwrap();
    assert_eq!(both, uniform_filter1d(&a, 3, -1, Mode::Reflect, 0).unwrap());
    assert_allclose(
        &both.row(0).to_owned(),
        &sci_array::ndarray::array![1.0 / 3.0, 1.0, 2.0, 8.0 / 3.0],
        1e-15,
        0.0,
    );
    assert!(uniform_filter1d(&a, 0, -1, Mode::Reflect, 0).is_err());
}

//! scipy.ndimage interpolation against fixtures from tools/fixtures/ndimage_interpolation.py.

mod common;

use common::{floats, keys, layouts, mode};
use sci_array::ndarray::{Array2, ArrayD, ArrayViewD, Ix2, IxDyn};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_interpolation.json")).unwrap()
}

fn run<T: Element>(fx: &Fixture, c: &str, x: &ArrayViewD<'_, T>) -> ArrayD<T> {
    let g = |k: &str| format!("{c}/{k}");
    let o = InterpOptions {
        order: fx.i64(&g("order")) as usize,
        mode: mode(fx, c),
        prefilter: fx.get(&g("prefilter")).as_bool().unwrap(),
    };
    match fx.str(&g("fn")) {
        "map_coordinates" => map_coordinates(x, &fx.array_f64(&g("coords")), &o).unwrap(),
        "affine_transform" => {
            let m = fx.array_f64(&g("matrix")).into_dimensionality::<Ix2>().unwrap();
            affine_transform(x, &m, &floats(fx, &g("offset")), None, &o).unwrap()
        }
        "shift" => shift(x, &floats(fx, &g("shift")), &o).unwrap(),
        "zoom" => zoom(x, &floats(fx, &g("zoom")), fx.get(&g("grid_mode")).as_bool().unwrap(), &o).unwrap(),
        "rotate" => rotate(x, fx.f64(&g("angle")), fx.get(&g("reshape")).as_bool().unwrap(), &o).unwrap(),
        f => panic!("{f}"),
    }
}

#[test]
fn interpolation_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    let mut failed = Vec::new();
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let inp = format!("inputs/{}", fx.str(&format!("{c}/input")));
        let exp = format!("{c}/expected");
        let f = fx.str(&format!("{c}/fn")).to_string();
        let r = std::panic::catch_unwind(|| {
            if f.starts_with("spline_filter") {
                let x = fx.array_f64(&inp);
                let o = fx.i64(&format!("{c}/order")) as usize;
                let m = mode(&fx, &c);
                for got in layouts(&x, |v| {
                    if f == "spline_filter" {
                        spline_filter(v, o, m).unwrap()
                    } else {
                        spline_filter1d(v, o, 0, m).unwrap()
                    }
                }) {
                    assert_allclose(&got, &fx.array_f64(&exp), 1e-12, 1e-13);
                }
            } else if fx.str(&format!("{inp}/dtype")) == "int32" {
                let x = fx.array_i64(&inp).mapv(|v| v as i32);
                let want = fx.array_i64(&exp).mapv(|v| v as i32);
                // The unrounded values, to tell rounding ties from real differences.
                let raw = run(&fx, &c, &x.mapv(f64::from).view());
                for got in layouts(&x, |v| run(&fx, &c, v)) {
                    for ((g, w), r) in got.iter().zip(&want).zip(&raw) {
                        if g != w {
                            // Rounding half away from zero flips when the double result
                            // sits within an ulp-level difference of a .5 tie.
                            assert_eq!((g - w).abs(), 1, "{name}");
                            assert!(
                                ((r.abs().fract()) - 0.5).abs() < 1e-9,
                                "{name}: {r} is not a rounding tie"
                            );
                        }
                    }
                }
            } else {
                let x = fx.array_f64(&inp);
                for got in layouts(&x, |v| run(&fx, &c, v)) {
                    // Sums of products of prefiltered coefficients and weights: cancellation
                    // leaves rounding of the order of the largest value times eps.
                    assert_allclose(&got, &fx.array_f64(&exp), 1e-12, 1e-13);
                }
            }
        });
        if r.is_err() {
            failed.push(name.clone());
        }
        n += 1;
    }
    assert!(failed.is_empty(), "{} failing cases: {failed:?}", failed.len());
    assert!(n > 500, "only {n} cases");
}

#[test]
fn bad_inputs_are_errors() {
    let a = Array2::<f64>::zeros((4, 5));
    assert!(zoom(&a, &[1.0, 2.0, 3.0], false, &InterpOptions::default()).is_err());
    assert!(zoom(&a, &[-1.0], false, &InterpOptions::default()).is_err());
    assert!(shift(&a, &[1.0], &InterpOptions::order(6)).is_err());
    assert!(map_coordinates(&a, &ArrayD::<f64>::zeros(IxDyn(&[3, 2])), &InterpOptions::default()).is_err());
    assert!(
        affine_transform(
            &a,
            &Array2::eye(3).slice(sci_array::ndarray::s![..1, ..]).to_owned(),
            &[],
            None,
            &InterpOptions::default()
        )
        .is_err()
    );
    assert!(rotate(&ArrayD::<f64>::zeros(IxDyn(&[2, 2, 2])), 10.0, true, &InterpOptions::default()).is_err());
    assert!(spline_filter1d(&a, 3, 5, Mode::Mirror).is_err());
}

#[test]
fn tutorial_zoom_shape() {
    let z = zoom(&Array2::<f64>::zeros((768, 1024)), &[2.0], false, &InterpOptions::default()).unwrap();
    assert_eq!(z.shape(), &[1536, 2048]);
    assert!(z.iter().all(|&v| v == 0.0));
}

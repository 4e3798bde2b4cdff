//! NaN and infinity parity of the minimum/maximum filters and grey morphology against
//! fixtures from tools/fixtures/ndimage_nan.py: exact equality (NaN equals NaN) with SciPy.

mod common;

use common::{has, isizes, keys, layouts, mode, usizes};
use sci_array::ndarray::{ArrayD, ArrayViewD};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_nan.json")).unwrap()
}

/// Every layout of `x` that has one (C order, transposed, reversed axis 0).
fn all_layouts<T: Clone, R>(x: &ArrayD<T>, mut f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    if x.is_empty() { vec![f(&x.view())] } else { layouts(x, f) }
}

/// Run the case's function on `x` (every layout), results as `f64`.
fn run<T: Element>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> Vec<ArrayD<f64>> {
    let m = mode(fx, c);
    let f = fx.str(&format!("{c}/fn"));
    let origin = isizes(fx, c, "origin");
    let footprint = has(fx, c, "footprint").then(|| fx.array_bool(&format!("{c}/footprint")));
    let to64 = |a: ArrayD<T>| a.mapv(|e| e.to_f64());
    if f.ends_with("filter1d") {
        let size = fx.i64(&format!("{c}/size")) as usize;
        let axis = fx.i64(&format!("{c}/axis")) as isize;
        let o = origin[0];
        let min = f == "minimum_filter1d";
        return all_layouts(x, |v| {
            to64(if min {
                minimum_filter1d(v, size, axis, m, o).unwrap()
            } else {
                maximum_filter1d(v, size, axis, m, o).unwrap()
            })
        });
    }
    if f.ends_with("_filter") {
        let o =
            FootprintOptions { size: usizes(fx, c, "size"), footprint, mode: m.into(), origin, axes: None };
        let min = f == "minimum_filter";
        return all_layouts(x, |v| {
            to64(if min { minimum_filter(v, &o).unwrap() } else { maximum_filter(v, &o).unwrap() })
        });
    }
    let o = GreyOptions {
        size: usizes(fx, c, "size"),
        footprint,
        structure: has(fx, c, "structure").then(|| fx.array_f64(&format!("{c}/structure"))),
        mode: m.into(),
        origin,
        axes: None,
    };
    let g: fn(&ArrayViewD<'_, T>, &GreyOptions) -> Result<ArrayD<T>> = match f {
        "grey_erosion" => |v, o| grey_erosion(v, o),
        "grey_dilation" => |v, o| grey_dilation(v, o),
        "grey_opening" => |v, o| grey_opening(v, o),
        "grey_closing" => |v, o| grey_closing(v, o),
        "white_tophat" => |v, o| white_tophat(v, o),
        "black_tophat" => |v, o| black_tophat(v, o),
        "morphological_gradient" => |v, o| morphological_gradient(v, o),
        "morphological_laplace" => |v, o| morphological_laplace(v, o),
        other => panic!("{c}: unknown function {other}"),
    };
    all_layouts(x, |v| to64(g(v, &o).unwrap()))
}

#[test]
fn nan_parity_with_scipy() {
    let fx = fixture();
    let mut n = 0;
    let mut failed = Vec::new();
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let input = format!("{c}/input");
        let x = fx.array_f64(&input);
        let outs = match fx.str(&format!("{input}/dtype")) {
            "float64" => run(&fx, &c, &x),
            "float32" => run(&fx, &c, &x.mapv(|v| v as f32)),
            d => panic!("{name}: {d}"),
        };
        let want = fx.array_f64(&format!("{c}/expected"));
        for r in outs {
            // Exact: NaN equals NaN, every other value equal.
            if let Err(e) = check_allclose(&r, &want, 0.0, 0.0) {
                failed.push(format!("{name}: {e}\ngot {r}\nSciPy {want}"));
                break;
            }
        }
        n += 1;
    }
    let names: Vec<&str> =
        failed.iter().map(|f| f.split(':').take(4).collect::<Vec<_>>().join(":").leak() as &str).collect();
    assert!(
        failed.is_empty(),
        "{} of {n} cases differ from SciPy: {names:?}\nfirst: {}",
        failed.len(),
        failed[0]
    );
    assert!(n >= 2000, "only {n} cases");
}

/// Large inputs take the parallel passes (stripes of rows along axis 0, lanes along the last
/// axis); with NaN in some lanes only, every lane must equal the lane filtered on its own (a
/// small 1-d input, checked against SciPy above).
#[test]
fn nan_lanes_in_parallel_passes() {
    let (n0, n1) = (420, 310);
    let mut s = 7u64;
    let mut next = move || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (s >> 33) as f64 / (1u64 << 31) as f64
    };
    let mut x = ArrayD::from_shape_fn(sci_array::ndarray::IxDyn(&[n0, n1]), |_| (next() * 100.0).floor());
    for k in 0..60 {
        let (i, j) = ((k * 37) % n0, (k * 53) % n1);
        x[[i, j]] = if k % 5 == 0 { f64::INFINITY } else { f64::NAN };
    }
    for (size, origin, m) in [(3, 0, Mode::Reflect), (8, -3, Mode::Constant(f64::NAN)), (5, 2, Mode::Wrap)] {
        for min in [false, true] {
            let f = |a: &ArrayViewD<'_, f64>, axis: isize| {
                if min {
                    minimum_filter1d(a, size, axis, m, origin).unwrap()
                } else {
                    maximum_filter1d(a, size, axis, m, origin).unwrap()
                }
            };
            for axis in 0..2 {
                let whole = f(&x.view(), axis as isize);
                for l in 0..x.shape()[1 - axis] {
                    let lane = x.index_axis(sci_array::ndarray::Axis(1 - axis), l).to_owned();
                    let alone = f(&lane.view(), 0);
                    let got = whole.index_axis(sci_array::ndarray::Axis(1 - axis), l);
                    if let Err(e) = check_allclose(&got, &alone, 0.0, 0.0) {
                        panic!("size {size} axis {axis} lane {l} min {min}: {e}");
                    }
                }
            }
        }
    }
}

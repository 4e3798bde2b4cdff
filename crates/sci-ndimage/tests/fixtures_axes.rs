//! The `axes` argument of the binary and grey morphology functions and the footprint filters
//! against fixtures from tools/fixtures/ndimage_axes.py, and its bad-input table.

mod common;

use common::{bools, has, ints, isizes, keys, layouts, usizes};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_array_equal, check_allclose};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_axes.json")).unwrap()
}

fn fmode(fx: &Fixture, c: &str) -> Mode {
    let cval =
        if has(fx, c, "cval") { fx.array_f64(&format!("{c}/cval")).iter().copied().sum() } else { 0.0 };
    match fx.str(&format!("{c}/mode")) {
        "reflect" => Mode::Reflect,
        "constant" => Mode::Constant(cval),
        "nearest" => Mode::Nearest,
        "mirror" => Mode::Mirror,
        "wrap" => Mode::Wrap,
        m => panic!("{c}: mode {m}"),
    }
}

/// The grey morphology or footprint filter of the case, exact (values are picked or summed
/// from small integers).
fn filter(fx: &Fixture, c: &str, f: &str, v: &ArrayViewD<'_, f64>, axes: Option<Vec<isize>>) -> ArrayD<f64> {
    let size = usizes(fx, c, "size");
    let footprint = bools(fx, c, "footprint");
    let (mode, origin) = (fmode(fx, c), isizes(fx, c, "origin"));
    if f.starts_with("grey") || f.starts_with("morph") || f.ends_with("tophat") {
        let structure = has(fx, c, "structure").then(|| fx.array_f64(&format!("{c}/structure")));
        let o = GreyOptions { size, footprint, structure, mode: mode.into(), origin, axes };
        let g = match f {
            "grey_erosion" => grey_erosion(v, &o),
            "grey_dilation" => grey_dilation(v, &o),
            "grey_opening" => grey_opening(v, &o),
            "grey_closing" => grey_closing(v, &o),
            "morphological_gradient" => morphological_gradient(v, &o),
            "morphological_laplace" => morphological_laplace(v, &o),
            "white_tophat" => white_tophat(v, &o),
            "black_tophat" => black_tophat(v, &o),
            other => panic!("{c}: unknown function {other}"),
        };
        return g.unwrap();
    }
    let o = FootprintOptions { size, footprint, mode: mode.into(), origin, axes };
    match f {
        "minimum_filter" => minimum_filter(v, &o),
        "maximum_filter" => maximum_filter(v, &o),
        "median_filter" => median_filter(v, &o),
        "generic_filter" => generic_filter(v, |w| w.iter().sum::<f64>(), &o),
        "rank_filter" => rank_filter(v, fx.i64(&format!("{c}/rank")) as isize, &o),
        "percentile_filter" => percentile_filter(v, fx.f64(&format!("{c}/percentile")), &o),
        other => panic!("{c}: unknown function {other}"),
    }
    .unwrap()
}

#[test]
fn axes_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let axes = Some(isizes(&fx, &c, "axes"));
        let f = fx.str(&format!("{c}/fn"));
        if fx.str(&format!("{c}/input/dtype")) == "float64" {
            let x = fx.array_f64(&format!("{c}/input"));
            let want = fx.array_f64(&format!("{c}/expected"));
            for r in layouts(&x, |v| filter(&fx, &c, f, v, axes.clone())) {
                if let Err(e) = check_allclose(&r, &want, 0.0, 0.0) {
                    panic!("{name}: {e}");
                }
            }
            n += 1;
            continue;
        }
        let x = fx.array_bool(&format!("{c}/input"));
        let want = fx.array_bool(&format!("{c}/expected"));
        let results = if f == "binary_hit_or_miss" {
            let o = HitOrMissOptions {
                structure1: bools(&fx, &c, "structure1"),
                structure2: bools(&fx, &c, "structure2"),
                origin1: isizes(&fx, &c, "origin1"),
                origin2: has(&fx, &c, "origin2").then(|| isizes(&fx, &c, "origin2")),
                axes,
            };
            layouts(&x, |v| binary_hit_or_miss(v, &o).unwrap())
        } else if f == "binary_fill_holes" {
            let (st, org) = (bools(&fx, &c, "structure"), isizes(&fx, &c, "origin"));
            layouts(&x, |v| binary_fill_holes(v, st.as_ref(), &org, axes.as_deref()).unwrap())
        } else {
            let o = BinaryOptions {
                structure: bools(&fx, &c, "structure"),
                iterations: if has(&fx, &c, "iterations") {
                    ints(&fx, &format!("{c}/iterations"))[0] as isize
                } else {
                    1
                },
                mask: bools(&fx, &c, "mask"),
                border_value: has(&fx, &c, "border_value") && ints(&fx, &format!("{c}/border_value"))[0] != 0,
                origin: isizes(&fx, &c, "origin"),
                axes,
            };
            type Op = fn(&ArrayViewD<'_, bool>, &BinaryOptions) -> Result<ArrayD<bool>>;
            let g: Op = match f {
                "binary_erosion" => |v, o| binary_erosion(v, o),
                "binary_dilation" => |v, o| binary_dilation(v, o),
                "binary_opening" => |v, o| binary_opening(v, o),
                "binary_closing" => |v, o| binary_closing(v, o),
                "binary_propagation" => |v, o| binary_propagation(v, o),
                other => panic!("{name}: unknown function {other}"),
            };
            layouts(&x, |v| g(v, &o).unwrap())
        };
        for r in results {
            assert_array_equal(&r, &want);
        }
        n += 1;
    }
    assert!(n >= 1009, "only {n} cases");
}

#[test]
fn axes_bad_input() {
    let x = ArrayD::from_elem(IxDyn(&[4, 5, 3]), true);
    let s2 = Some(ArrayD::from_elem(IxDyn(&[3, 3]), true));
    let bin = |axes: Vec<isize>, structure: Option<ArrayD<bool>>| {
        binary_erosion(&x, &BinaryOptions { axes: Some(axes), structure, ..Default::default() })
            .unwrap_err()
            .to_string()
    };
    let hm = |axes: Vec<isize>, structure1: Option<ArrayD<bool>>| {
        binary_hit_or_miss(&x, &HitOrMissOptions { axes: Some(axes), structure1, ..Default::default() })
            .unwrap_err()
            .to_string()
    };
    let prop = |axes: Vec<isize>, origin: Vec<isize>| {
        binary_propagation(&x, &BinaryOptions { axes: Some(axes), origin, ..Default::default() })
            .unwrap_err()
            .to_string()
    };
    let xf = x.mapv(|b| b as u8 as f64);
    let fp2 = ArrayD::from_elem(IxDyn(&[3, 3]), true);
    let st2 = ArrayD::from_elem(IxDyn(&[3, 3]), 0.0);
    let flt = |o: FootprintOptions| maximum_filter(&xf, &o).unwrap_err().to_string();
    let grey = |o: GreyOptions| grey_dilation(&xf, &o).unwrap_err().to_string();
    let cases: Vec<(String, &str)> = vec![
        (bin(vec![3], None), "specified axis: 3 is out of range"),
        (bin(vec![-4], None), "specified axis: -4 is out of range"),
        (bin(vec![0, -3], None), "axes must be unique"),
        (bin(vec![0], s2.clone()), "structure.ndim (2) must match len(axes) (1)"),
        (bin(vec![0, 1, 2], s2.clone()), "same dimensionality"),
        (hm(vec![1, 1], None), "axes must be unique"),
        (hm(vec![2], s2.clone()), "structure.ndim (2) must match len(axes) (1)"),
        (prop(vec![0, 2], vec![0, 0, 0]), "origin"),
        (prop(vec![0, 2], vec![2]), "invalid origin"),
        (prop(vec![7], vec![]), "out of range"),
        (flt(FootprintOptions { axes: Some(vec![0]), ..FootprintOptions::size(&[3, 3]) }), "size"),
        (
            flt(FootprintOptions { axes: Some(vec![0]), ..FootprintOptions::footprint(&fp2) }),
            "incorrect shape",
        ),
        (flt(FootprintOptions { axes: Some(vec![2, -1]), ..FootprintOptions::size(&[3]) }), "unique"),
        (
            flt(FootprintOptions { axes: Some(vec![1]), origin: vec![2], ..FootprintOptions::size(&[3]) }),
            "origin",
        ),
        (grey(GreyOptions { axes: Some(vec![0]), ..GreyOptions::structure(&st2) }), "incorrect shape"),
        (grey(GreyOptions { axes: Some(vec![0, 1, 2, 3]), ..GreyOptions::size(&[3]) }), "out of range"),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

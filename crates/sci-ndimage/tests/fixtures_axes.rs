//! The `axes` argument of the binary morphology functions against fixtures from
//! tools/fixtures/ndimage_axes.py, and its bad-input table.

mod common;

use common::{bools, has, ints, isizes, keys, layouts};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn};
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_axes.json")).unwrap()
}

#[test]
fn axes_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let x = fx.array_bool(&format!("{c}/input"));
        let want = fx.array_bool(&format!("{c}/expected"));
        let axes = Some(isizes(&fx, &c, "axes"));
        let f = fx.str(&format!("{c}/fn"));
        let results = if f == "binary_hit_or_miss" {
            let o = HitOrMissOptions {
                structure1: bools(&fx, &c, "structure1"),
                structure2: bools(&fx, &c, "structure2"),
                origin1: isizes(&fx, &c, "origin1"),
                origin2: has(&fx, &c, "origin2").then(|| isizes(&fx, &c, "origin2")),
                axes,
            };
            layouts(&x, |v| binary_hit_or_miss(v, &o).unwrap())
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
    assert!(n >= 340, "only {n} cases");
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
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

//! binary_hit_or_miss, binary_propagation and morphological_laplace against fixtures from
//! tools/fixtures/ndimage_morphology_extra.py.

mod common;

use common::{bools, has, ints, isizes, keys, layouts, mode};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_morphology_extra.json"))
        .unwrap()
}

fn all_layouts<T: Clone, R>(x: &ArrayD<T>, f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    let mut f = f;
    if x.shape().iter().any(|&d| d < 2) { vec![f(&x.view())] } else { layouts(x, f) }
}

fn laplace<T: Element>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> Vec<ArrayD<f64>> {
    let o = GreyOptions {
        size: if has(fx, c, "size") { vec![fx.i64(&format!("{c}/size")) as usize] } else { vec![] },
        footprint: bools(fx, c, "footprint"),
        structure: has(fx, c, "structure").then(|| fx.array_f64(&format!("{c}/structure"))),
        mode: mode(fx, c).into(),
        origin: isizes(fx, c, "origin"),
        axes: None,
    };
    all_layouts(x, |v| morphological_laplace(v, &o).unwrap().mapv(|e| e.to_f64()))
}

#[test]
fn morphology_extra_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let input = format!("{c}/input");
        match fx.str(&format!("{c}/fn")) {
            "binary_hit_or_miss" => {
                let x = fx.array_bool(&input);
                let o = HitOrMissOptions {
                    structure1: bools(&fx, &c, "structure1"),
                    structure2: bools(&fx, &c, "structure2"),
                    origin1: isizes(&fx, &c, "origin1"),
                    origin2: has(&fx, &c, "origin2").then(|| isizes(&fx, &c, "origin2")),
                    axes: None,
                };
                let want = fx.array_bool(&format!("{c}/expected"));
                for r in all_layouts(&x, |v| binary_hit_or_miss(v, &o).unwrap()) {
                    assert_array_equal(&r, &want);
                }
            }
            "binary_propagation" => {
                let x = fx.array_bool(&input);
                let o = BinaryOptions {
                    structure: bools(&fx, &c, "structure"),
                    mask: bools(&fx, &c, "mask"),
                    border_value: has(&fx, &c, "border_value")
                        && ints(&fx, &format!("{c}/border_value"))[0] != 0,
                    origin: isizes(&fx, &c, "origin"),
                    ..Default::default()
                };
                let want = fx.array_bool(&format!("{c}/expected"));
                for r in all_layouts(&x, |v| binary_propagation(v, &o).unwrap()) {
                    assert_array_equal(&r, &want);
                }
            }
            "morphological_laplace" => {
                let outs = match fx.str(&format!("{input}/dtype")) {
                    "float64" => laplace(&fx, &c, &fx.array_f64(&input)),
                    "float32" => laplace(&fx, &c, &fx.array_f64(&input).mapv(|v| v as f32)),
                    "int32" => laplace(&fx, &c, &fx.array_i64(&input).mapv(|v| v as i32)),
                    "uint8" => laplace(&fx, &c, &fx.array_i64(&input).mapv(|v| v as u8)),
                    d => panic!("{name}: {d}"),
                };
                let want = fx.array_f64(&format!("{c}/expected"));
                for r in outs {
                    // Exact: same operations in the same order and type as NumPy.
                    assert_allclose(&r, &want, 0.0, 0.0);
                }
            }
            f => panic!("{f}"),
        }
        n += 1;
    }
    assert!(n >= 120, "only {n} cases");
}

#[test]
fn morphology_extra_bad_input() {
    let x = ArrayD::from_elem(IxDyn(&[4, 4]), true);
    let s1d = Some(ArrayD::from_elem(IxDyn(&[3]), true));
    let empty = Some(ArrayD::from_elem(IxDyn(&[0, 3]), true));
    let bad_mask = Some(ArrayD::from_elem(IxDyn(&[4, 5]), true));
    let hm = |o: HitOrMissOptions| binary_hit_or_miss(&x, &o).unwrap_err().to_string();
    let cases: Vec<(String, &str)> = vec![
        (hm(HitOrMissOptions { structure1: s1d.clone(), ..Default::default() }), "same dimensionality"),
        (hm(HitOrMissOptions { structure2: s1d.clone(), ..Default::default() }), "same dimensionality"),
        (hm(HitOrMissOptions { structure1: empty.clone(), ..Default::default() }), "must not be empty"),
        (hm(HitOrMissOptions { origin1: vec![2], ..Default::default() }), "origin"),
        (hm(HitOrMissOptions { origin2: Some(vec![0, 0, 0]), ..Default::default() }), "origin"),
        (
            binary_propagation(&x, &BinaryOptions { mask: bad_mask, ..Default::default() })
                .unwrap_err()
                .to_string(),
            "mask",
        ),
        (
            binary_propagation(&x, &BinaryOptions { structure: s1d, ..Default::default() })
                .unwrap_err()
                .to_string(),
            "same dimensionality",
        ),
        // SciPy loops for ever on these (the structure misses its centre, the result cycles).
        (
            binary_propagation(
                &sci_array::ndarray::array![0, 0, 1, 0, 0],
                &BinaryOptions::structure(&sci_array::ndarray::array![true, false, true]),
            )
            .unwrap_err()
            .to_string(),
            "cycles",
        ),
        (
            binary_erosion(
                &sci_array::ndarray::array![1, 0, 1, 0, 1],
                &BinaryOptions {
                    iterations: 0,
                    border_value: true,
                    ..BinaryOptions::structure(&sci_array::ndarray::array![true, false, true])
                },
            )
            .unwrap_err()
            .to_string(),
            "cycles",
        ),
        (morphological_laplace(&x, &GreyOptions::size(&[3])).unwrap_err().to_string(), "boolean"),
        (
            morphological_laplace(&x.mapv(|b| b as u8 as f64), &GreyOptions::default())
                .unwrap_err()
                .to_string(),
            "size",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

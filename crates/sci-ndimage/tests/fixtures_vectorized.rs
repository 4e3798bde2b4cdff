//! vectorized_filter against fixtures from tools/fixtures/ndimage_vectorized.py (NumPy
//! reductions as SciPy's callables, the same reductions as Rust closures here), and its
//! bad-input table.

mod common;

use common::{has, ints, keys, layouts};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn, array};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_vectorized.json")).unwrap()
}

fn options(fx: &Fixture, c: &str) -> VectorizedOptions {
    let cval = if has(fx, c, "cval") { ints_or_float(fx, &format!("{c}/cval")) } else { 0.0 };
    let mode = if has(fx, c, "mode") { fx.str(&format!("{c}/mode")) } else { "reflect" };
    let list = |key: &str| if has(fx, c, key) { ints(fx, &format!("{c}/{key}")) } else { vec![] };
    VectorizedOptions {
        size: list("size").iter().map(|&v| v as usize).collect(),
        footprint: has(fx, c, "footprint").then(|| fx.array_bool(&format!("{c}/footprint"))),
        mode: match mode {
            "reflect" | "valid" => Mode::Reflect,
            "constant" => Mode::Constant(cval),
            "grid-constant" => Mode::GridConstant(cval),
            "nearest" => Mode::Nearest,
            "mirror" => Mode::Mirror,
            "wrap" => Mode::Wrap,
            "grid-wrap" => Mode::GridWrap,
            "grid-mirror" => Mode::GridMirror,
            m => panic!("{c}: mode {m}"),
        },
        valid: mode == "valid",
        origin: list("origin").iter().map(|&v| v as isize).collect(),
        axes: has(fx, c, "axes").then(|| list("axes").iter().map(|&v| v as isize).collect()),
    }
}

fn ints_or_float(fx: &Fixture, path: &str) -> f64 {
    let v = fx.get(path);
    if v.is_number() { fx.f64(path) } else { fx.array_f64(path).iter().copied().next().unwrap() }
}

/// NumPy's reductions on one window (NaN-propagating except `nanmax`).
fn reduce(fun: &str, w: &[f64]) -> f64 {
    let n = w.len() as f64;
    let nan = w.iter().any(|v| v.is_nan());
    let mean = w.iter().sum::<f64>() / n;
    match fun {
        "mean" => mean,
        "max" if nan => f64::NAN,
        "max" => w.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        "nanmax" => w.iter().copied().filter(|v| !v.is_nan()).fold(f64::NAN, f64::max),
        "median" if nan => f64::NAN,
        "median" => {
            let mut v = w.to_vec();
            v.sort_by(f64::total_cmp);
            let h = v.len() / 2;
            if v.len() % 2 == 1 { v[h] } else { (v[h - 1] + v[h]) / 2.0 }
        }
        "std" => (w.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt(),
        f => panic!("unknown function {f}"),
    }
}

fn run<T: Element>(x: &ArrayD<T>, fun: &str, o: &VectorizedOptions) -> Vec<ArrayD<f64>> {
    let f = |w: &[T]| reduce(fun, &w.iter().map(|v| v.to_f64()).collect::<Vec<_>>());
    let one = |v: &ArrayViewD<'_, T>| vectorized_filter(v, f, o).unwrap();
    if x.is_empty() { vec![one(&x.view())] } else { layouts(x, one) }
}

#[test]
fn vectorized_filter_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let o = options(&fx, &c);
        let fun = fx.str(&format!("{c}/fun"));
        let input = format!("{c}/input");
        let x = fx.array_f64(&input);
        let dtype = fx.str(&format!("{input}/dtype"));
        let outs = match dtype {
            "float64" => run(&x, fun, &o),
            // The window values are f32; the reduction (done in f64 here, in f32 by NumPy)
            // is rounded to f32 as NumPy's result is.
            "float32" => {
                run(&x.mapv(|v| v as f32), fun, &o).into_iter().map(|r| r.mapv(|v| v as f32 as f64)).collect()
            }
            "int32" => run(&x.mapv(|v| v as i32), fun, &o),
            d => panic!("{name}: {d}"),
        };
        let want = fx.array_f64(&format!("{c}/expected"));
        // max/median pick a window value: exact. mean/std: NumPy reduces the strided window
        // view in its own order (pairwise, axis by axis), so the last bits may differ; f32
        // results are rounded from a float32 accumulation.
        // (f32: a float32 sum of 9 values of magnitude <= 20 carries ~1e-5 absolute error.)
        let (rtol, atol) = match (fun, dtype) {
            ("mean" | "std", "float32") => (1e-6, 1e-5),
            ("mean" | "std", _) => (1e-12, 1e-14),
            _ => (0.0, 0.0),
        };
        for r in outs {
            if let Err(e) = check_allclose(&r, &want, rtol, atol) {
                panic!("{name}: {e}\ngot {r}\nSciPy {want}");
            }
        }
        n += 1;
    }
    assert!(n >= 300, "only {n} cases");
}

#[test]
fn vectorized_filter_bad_input() {
    let x = ArrayD::from_elem(IxDyn(&[4, 5]), 1.0);
    let err = |o: VectorizedOptions| vectorized_filter(&x, |w: &[f64]| w[0], &o).unwrap_err().to_string();
    let fp1 = Some(array![true, false].into_dyn());
    let cases: Vec<(String, &str)> = vec![
        (err(VectorizedOptions::default()), "must be provided"),
        (err(VectorizedOptions { footprint: fp1.clone(), ..VectorizedOptions::size(&[3]) }), "not both"),
        (err(VectorizedOptions::size(&[0])), "positive integers"),
        (err(VectorizedOptions::size(&[3, 3, 3])), "compatible with the dimensionality"),
        (
            err(VectorizedOptions { footprint: fp1, ..Default::default() }),
            "compatible with the dimensionality",
        ),
        (err(VectorizedOptions { origin: vec![0, 0, 0], ..VectorizedOptions::size(&[3]) }), "length equal"),
        (err(VectorizedOptions { origin: vec![2], ..VectorizedOptions::size(&[3]) }), "invalid origin"),
        (err(VectorizedOptions { origin: vec![1], valid: true, ..VectorizedOptions::size(&[3]) }), "valid"),
        (err(VectorizedOptions { valid: true, ..VectorizedOptions::size(&[5]) }), "larger than input"),
        (
            err(VectorizedOptions { axes: Some(vec![0, 1, 0]), ..VectorizedOptions::size(&[3]) }),
            "may not exceed",
        ),
        (err(VectorizedOptions { axes: Some(vec![2]), ..VectorizedOptions::size(&[3]) }), "out of range"),
        (
            err(VectorizedOptions { axes: Some(vec![1, -1]), ..VectorizedOptions::size(&[3]) }),
            "must be unique",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

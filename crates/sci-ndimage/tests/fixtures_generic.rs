//! generic_filter1d, geometric_transform and iterate_structure_origin against fixtures from
//! tools/fixtures/ndimage_generic.py.

mod common;

use common::{floats, has, ints, keys, layouts, mode};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_generic.json")).unwrap()
}

/// The input of a case: inline, or named in the shared `inputs` table.
fn input_path(fx: &Fixture, c: &str) -> String {
    let v = fx.get(&format!("{c}/input"));
    match v.as_str() {
        Some(k) => format!("inputs/{k}"),
        None => format!("{c}/input"),
    }
}

fn each_layout<T: Clone, R>(x: &ArrayD<T>, f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    let mut f = f;
    if x.shape().iter().any(|&d| d < 2) { vec![f(&x.view())] } else { layouts(x, f) }
}

fn g1d<T: Element>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> Vec<ArrayD<f64>> {
    let g = |k: &str| format!("{c}/{k}");
    let size = fx.i64(&g("size")) as usize;
    let w = floats(fx, &g("weights"));
    let func = fx.str(&g("func")).to_string();
    let f = move |inp: &[f64], out: &mut [f64]| {
        for (i, o) in out.iter_mut().enumerate() {
            *o = if func == "max" {
                inp[i..i + size].iter().copied().fold(f64::NEG_INFINITY, f64::max)
            } else {
                // Same operation order as the generator's `sum(w[k] * line[k:])`.
                let mut s = 0.0;
                for k in 0..size {
                    s += w[k] * inp[i + k];
                }
                s
            };
        }
    };
    let (ax, m, o) = (fx.i64(&g("axis")) as isize, mode(fx, c), fx.i64(&g("origin")) as isize);
    each_layout(x, |v| generic_filter1d(v, &f, size, ax, m, o).unwrap().mapv(|e| e.to_f64()))
}

fn gt<T: Element>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> Vec<ArrayD<f64>> {
    let g = |k: &str| format!("{c}/{k}");
    let p = if has(fx, c, "p") { floats(fx, &g("p")) } else { vec![] };
    let nd = x.ndim();
    let name = if has(fx, c, "mapping") { fx.str(&g("mapping")).to_string() } else { String::new() };
    let mapping = |o: &[usize], xo: &mut [f64]| match name.as_str() {
        "shift" => (0..nd).for_each(|d| xo[d] = o[d] as f64 - p[d]),
        "scale" => (0..nd).for_each(|d| xo[d] = o[d] as f64 * p[d] + p[nd + d]),
        "swirl" => {
            let (a, b) = (o[0] as f64, o[1] as f64);
            xo[0] = a + p[0] * (b * p[1]).sin();
            xo[1] = b + p[0] * (a * p[1]).cos();
        }
        m => panic!("{c}: mapping {m:?}"),
    };
    let shape: Option<Vec<usize>> = has(fx, c, "output_shape")
        .then(|| ints(fx, &g("output_shape")).iter().map(|&v| v as usize).collect());
    let opts = InterpOptions {
        order: fx.i64(&g("order")) as usize,
        mode: mode(fx, c),
        prefilter: fx.i64(&g("prefilter")) != 0,
    };
    if fx.str(&g("fn")) == "rotate" {
        let ax = ints(fx, &g("axes"));
        let (angle, reshape) = (fx.f64(&g("angle")), fx.i64(&g("reshape")) != 0);
        return each_layout(x, |v| {
            rotate_axes(v, angle, (ax[0] as isize, ax[1] as isize), reshape, &opts)
                .unwrap()
                .mapv(|e| e.to_f64())
        });
    }
    if fx.str(&g("fn")) == "affine_diagonal" {
        let (diag, off) = (floats(fx, &g("diag")), floats(fx, &g("offset")));
        return each_layout(x, |v| {
            affine_transform_diagonal(v, &diag, &off, shape.as_deref(), &opts).unwrap().mapv(|e| e.to_f64())
        });
    }
    each_layout(x, |v| geometric_transform(v, mapping, shape.as_deref(), &opts).unwrap().mapv(|e| e.to_f64()))
}

#[test]
fn generic_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let p = input_path(&fx, &c);
        let want = format!("{c}/expected");
        match fx.str(&format!("{c}/fn")) {
            "iterate_structure" => {
                let s = fx.array_bool(&p);
                let o: Vec<isize> = ints(&fx, &format!("{c}/origin")).iter().map(|&v| v as isize).collect();
                let (r, ro) =
                    iterate_structure_origin(&s, fx.i64(&format!("{c}/iterations")) as usize, &o).unwrap();
                assert_array_equal(&r, &fx.array_bool(&want));
                let wo: Vec<isize> =
                    ints(&fx, &format!("{c}/expected_origin")).iter().map(|&v| v as isize).collect();
                assert_eq!(ro, wo, "{name}");
            }
            f => {
                let run = |x| if f == "generic_filter1d" { g1d(&fx, &c, x) } else { gt(&fx, &c, x) };
                let dt = fx.str(&format!("{p}/dtype")).to_string();
                let outs = match dt.as_str() {
                    "float64" => run(&fx.array_f64(&p)),
                    "float32" => {
                        let x = fx.array_f64(&p).mapv(|v| v as f32);
                        if f == "generic_filter1d" { g1d(&fx, &c, &x) } else { gt(&fx, &c, &x) }
                    }
                    "int32" => {
                        let x = fx.array_i64(&p).mapv(|v| v as i32);
                        if f == "generic_filter1d" { g1d(&fx, &c, &x) } else { gt(&fx, &c, &x) }
                    }
                    "uint8" => {
                        let x = fx.array_i64(&p).mapv(|v| v as u8);
                        if f == "generic_filter1d" { g1d(&fx, &c, &x) } else { gt(&fx, &c, &x) }
                    }
                    d => panic!("{name}: {d}"),
                };
                let w = fx.array_f64(&want);
                for o in outs {
                    if dt == "float64" {
                        // Spline evaluation: the same terms as SciPy, summed in its order up
                        // to a few ulps.
                        assert_allclose(&o, &w, 1e-12, 1e-13);
                    } else {
                        assert_array_equal(&o, &w);
                    }
                }
            }
        }
        n += 1;
    }
    assert!(n >= 300, "only {n} cases");
}

#[test]
fn generic_bad_input() {
    let x = ArrayD::<f64>::zeros(IxDyn(&[3, 4]));
    let x0 = ArrayD::<f64>::zeros(IxDyn(&[]));
    let f = |_: &[f64], _: &mut [f64]| {};
    let m = |_: &[usize], _: &mut [f64]| {};
    let cases: Vec<(String, &str)> = vec![
        (generic_filter1d(&x, f, 0, -1, Mode::Reflect, 0).unwrap_err().to_string(), "invalid filter size"),
        (generic_filter1d(&x, f, 3, -1, Mode::Reflect, 2).unwrap_err().to_string(), "invalid origin"),
        (generic_filter1d(&x, f, 3, -1, Mode::Reflect, -2).unwrap_err().to_string(), "invalid origin"),
        (generic_filter1d(&x, f, 3, 2, Mode::Reflect, 0).unwrap_err().to_string(), "axis"),
        (
            geometric_transform(&x0, m, None, &InterpOptions::default()).unwrap_err().to_string(),
            "rank must be > 0",
        ),
        (
            geometric_transform(&x, m, Some(&[]), &InterpOptions::default()).unwrap_err().to_string(),
            "rank must be > 0",
        ),
        (geometric_transform(&x, m, None, &InterpOptions::order(6)).unwrap_err().to_string(), "order"),
        (
            affine_transform_diagonal(&x, &[1.0], &[], None, &InterpOptions::default())
                .unwrap_err()
                .to_string(),
            "wrong number of rows",
        ),
        (
            affine_transform_diagonal(&x, &[1.0, 1.0], &[1.0, 2.0, 3.0], None, &InterpOptions::default())
                .unwrap_err()
                .to_string(),
            "offset",
        ),
        (
            affine_transform_diagonal(&x, &[1.0, 1.0], &[], Some(&[3]), &InterpOptions::default())
                .unwrap_err()
                .to_string(),
            "output_shape",
        ),
        (
            iterate_structure_origin(&ArrayD::from_elem(IxDyn(&[3, 3]), true), 2, &[1, 1, 1])
                .unwrap_err()
                .to_string(),
            "origin",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

//! median, histogram, labeled_comprehension and value_indices against fixtures from
//! tools/fixtures/ndimage_labeled.py.

mod common;

use common::{has, ints, keys};
use sci_array::ndarray::{ArrayD, IxDyn};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_labeled.json")).unwrap()
}

fn measured<T: Element>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> ArrayD<f64> {
    let g = |k: &str| format!("{c}/{k}");
    let lab = fx.array_i64(&g("labels"));
    let idx: Option<Vec<i64>> = has(fx, c, "index").then(|| ints(fx, &g("index")));
    let idx = idx.as_deref();
    let v: Vec<f64> = match fx.str(&g("fn")) {
        "median" => median(x, &lab, idx).unwrap(),
        "histogram" => {
            let h =
                histogram(x, fx.f64(&g("min")), fx.f64(&g("max")), fx.i64(&g("bins")) as usize, &lab, idx)
                    .unwrap();
            let missing: Vec<bool> = fx.array_bool(&g("expected_missing")).iter().copied().collect();
            let mut flat = Vec::new();
            for (hh, m) in h.iter().zip(&missing) {
                assert_eq!(hh.is_none(), *m, "{c}");
                let bins = fx.i64(&g("bins")) as usize;
                flat.extend(hh.clone().unwrap_or_else(|| vec![0; bins]).iter().map(|&k| k as f64));
            }
            let shape = fx.array_f64(&g("expected")).shape().to_vec();
            return ArrayD::from_shape_vec(IxDyn(&shape), flat).unwrap();
        }
        "labeled_comprehension" => {
            let func = fx.str(&g("func"));
            let f = |v: &[T], p: &[usize]| match func {
                "sum" => v.iter().map(|e| e.to_f64()).sum::<f64>(),
                "max" => v.iter().map(|e| e.to_f64()).fold(f64::NEG_INFINITY, f64::max),
                "count" => v.len() as f64,
                "positions" => p.iter().sum::<usize>() as f64,
                other => panic!("{other}"),
            };
            labeled_comprehension(x, &lab, idx, f, -1.5).unwrap()
        }
        f => panic!("{f}"),
    };
    ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap()
}

fn value_indices_case<T: LabelElement + Ord>(fx: &Fixture, c: &str, x: &ArrayD<T>, conv: impl Fn(i64) -> T) {
    let ig = fx.i64(&format!("{c}/ignore_value"));
    let r = value_indices(x, (ig != -999).then(|| conv(ig))).unwrap();
    let want_keys: Vec<i64> = fx.array_i64(&format!("{c}/keys")).iter().copied().collect();
    let got_keys: Vec<i64> = r.keys().map(|k| k.to_i64()).collect();
    assert_eq!(got_keys, want_keys, "{c}");
    for (k, coords) in &r {
        let want = fx.array_i64(&format!("{c}/expected/{}", k.to_i64()));
        assert_eq!(coords.len(), want.shape()[0], "{c}");
        for (d, row) in coords.iter().enumerate() {
            let w: Vec<usize> =
                want.index_axis(sci_array::ndarray::Axis(0), d).iter().map(|&v| v as usize).collect();
            assert_eq!(row, &w, "{c}");
        }
    }
}

#[test]
fn labeled_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let p = format!("{c}/input");
        let dt = fx.str(&format!("{p}/dtype")).to_string();
        if fx.str(&format!("{c}/fn")) == "value_indices" {
            let x = fx.array_i64(&p);
            match dt.as_str() {
                "int8" => value_indices_case(&fx, &c, &x.mapv(|v| v as i8), |v| v as i8),
                "int32" => value_indices_case(&fx, &c, &x.mapv(|v| v as i32), |v| v as i32),
                "uint16" => value_indices_case(&fx, &c, &x.mapv(|v| v as u16), |v| v as u16),
                _ => value_indices_case(&fx, &c, &x, |v| v),
            }
            n += 1;
            continue;
        }
        let got = match dt.as_str() {
            "float64" => measured(&fx, &c, &fx.array_f64(&p)),
            "float32" => measured(&fx, &c, &fx.array_f64(&p).mapv(|v| v as f32)),
            "int32" => measured(&fx, &c, &fx.array_i64(&p).mapv(|v| v as i32)),
            "uint8" => measured(&fx, &c, &fx.array_i64(&p).mapv(|v| v as u8)),
            "bool" => measured(&fx, &c, &fx.array_bool(&p)),
            d => panic!("{name}: {d}"),
        };
        let want = fx.array_f64(&format!("{c}/expected"));
        // Sums of floats: NumPy's pairwise sum vs. a sequential one (a few ulps).
        assert_allclose(&got, &want, 1e-14, 1e-14);
        n += 1;
    }
    assert!(n >= 250, "only {n} cases");
}

#[test]
fn labeled_bad_input() {
    let x = ArrayD::<f64>::zeros(IxDyn(&[3, 4]));
    let lab = ArrayD::<i32>::ones(IxDyn(&[3, 4]));
    let bad = ArrayD::<i32>::ones(IxDyn(&[4, 3]));
    let empty = ArrayD::<f64>::zeros(IxDyn(&[0]));
    let empty_l = ArrayD::<i32>::zeros(IxDyn(&[0]));
    let f = |v: &[f64], _: &[usize]| v.len();
    let cases: Vec<(String, &str)> = vec![
        (median(&x, &bad, None).unwrap_err().to_string(), "labels"),
        (median(&empty, &empty_l, Some(&[1])).unwrap_err().to_string(), "zero-size"),
        (histogram(&x, 0.0, 1.0, 3, &bad, None).unwrap_err().to_string(), "labels"),
        (histogram(&x, 0.0, 1.0, 0, &lab, None).unwrap_err().to_string(), "bins"),
        (histogram(&x, 2.0, 1.0, 3, &lab, None).unwrap_err().to_string(), "monotonically"),
        (histogram(&x, 0.0, f64::INFINITY, 3, &lab, None).unwrap_err().to_string(), "finite"),
        (labeled_comprehension(&x, &bad, None, f, 0).unwrap_err().to_string(), "labels"),
        (
            value_indices(&ArrayD::from_elem(IxDyn(&[2]), true), None).unwrap_err().to_string(),
            "integer array",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

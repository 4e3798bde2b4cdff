//! Set routines against NumPy fixtures, plus bad input.

use sci_array::ndarray::{Array1, ArrayD, Ix1, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_sorting.json")).unwrap()
}

fn as_i64<D: sci_array::ndarray::Dimension>(a: sci_array::ndarray::Array<usize, D>) -> ArrayD<i64> {
    a.mapv(|x| x as i64).into_dyn()
}

fn all_opts(axis: Option<isize>) -> UniqueOptions {
    UniqueOptions { return_index: true, return_inverse: true, return_counts: true, axis }
}

#[test]
fn unique_matches_numpy() {
    let f = fx();
    for (case, axis) in [
        ("unique_int", None),
        ("unique_wide_int", None),
        ("unique_axis0", Some(0)),
        ("unique_axis1", Some(-1)),
    ] {
        let a = f.array_i64(&format!("{case}/a"));
        let u = unique(&a, all_opts(axis)).unwrap();
        assert_eq!(u.values, f.array_i64(&format!("{case}/values")), "{case}");
        assert_eq!(as_i64(u.indices.unwrap()), f.array_i64(&format!("{case}/index")), "{case}");
        assert_eq!(as_i64(u.inverse.unwrap()), f.array_i64(&format!("{case}/inverse")), "{case}");
        assert_eq!(as_i64(u.counts.unwrap()), f.array_i64(&format!("{case}/counts")), "{case}");
        let plain = unique(&a, UniqueOptions { axis, ..Default::default() }).unwrap();
        assert_eq!(plain.values, f.array_i64(&format!("{case}/values")));
        assert!(plain.indices.is_none() && plain.inverse.is_none() && plain.counts.is_none());
    }
    let a = f.array_f64("unique_float/a");
    let u = unique(&a, all_opts(None)).unwrap();
    assert_allclose(&u.values, &f.array_f64("unique_float/values"), 0.0, 0.0);
    assert_eq!(as_i64(u.indices.unwrap()), f.array_i64("unique_float/index"));
    assert_eq!(as_i64(u.inverse.unwrap()), f.array_i64("unique_float/inverse"));
    assert_eq!(as_i64(u.counts.unwrap()), f.array_i64("unique_float/counts"));
    let (v, c) = unique_counts(&a);
    assert_allclose(&v.into_dyn(), &f.array_f64("unique_float/values"), 0.0, 0.0);
    assert_eq!(as_i64(c), f.array_i64("unique_float/counts"));
}

#[test]
fn unique_edges() {
    let e = unique(&Array1::<i64>::zeros(0), all_opts(None)).unwrap();
    assert_eq!(e.values.len(), 0);
    assert_eq!(e.counts.unwrap().len(), 0);
    assert_eq!(unique_values(&array![5u8]), array![5u8]);
    // A reversed strided view, and the counting path against the sorting path.
    let big = Array1::from_iter((0..5000i64).map(|i| (i * 7919) % 301 - 150));
    let v = big.slice(s![..;-2]);
    let u = unique(&v, all_opts(None)).unwrap();
    let fl: Vec<i64> = v.iter().copied().collect();
    let mut want = fl.clone();
    want.sort();
    want.dedup();
    assert_eq!(u.values, Array1::from(want.clone()).into_dyn());
    let inv = u.inverse.unwrap();
    for (i, x) in fl.iter().enumerate() {
        assert_eq!(want[inv[[i]]], *x);
    }
    for (k, &i) in u.indices.unwrap().iter().enumerate() {
        assert_eq!(fl[i], want[k]);
        assert!(fl[..i].iter().all(|x| *x != want[k]));
    }
    // Wide range (sorting path) with the same data shifted.
    let wide = v.mapv(|x| x * 1_000_000_007);
    let (wv, wc) = unique_counts(&wide);
    let (nv, nc) = unique_counts(&v);
    assert_eq!(wv, nv.mapv(|x| x * 1_000_000_007));
    assert_eq!(wc, nc);
}

#[test]
fn set_operations_match_numpy() {
    let f = fx();
    let g = |p: &str| f.array_i64(&format!("sets_int/{p}")).into_dimensionality::<Ix1>().unwrap();
    let (a, b) = (g("a"), g("b"));
    let (v, ia, ib) = intersect1d_indices(&a, &b, false);
    assert_eq!(v, g("intersect"));
    assert_eq!(ia.mapv(|x| x as i64), g("ia"));
    assert_eq!(ib.mapv(|x| x as i64), g("ib"));
    assert_eq!(intersect1d(&a, &b, false), g("intersect"));
    let (v, ia, ib) = intersect1d_indices(&g("ua"), &g("ub"), true);
    assert_eq!(v, g("intersect_u"));
    assert_eq!(ia.mapv(|x| x as i64), g("ia_u"));
    assert_eq!(ib.mapv(|x| x as i64), g("ib_u"));
    assert_eq!(union1d(&a, &b), g("union"));
    assert_eq!(setdiff1d(&a, &b, false), g("setdiff"));
    assert_eq!(setxor1d(&a, &b, false), g("setxor"));
    let ua_rev = g("ua").slice(s![..;-1]).to_owned();
    assert_eq!(setdiff1d(&ua_rev, &g("ub"), true), g("setdiff_u"));
    assert_eq!(isin(&a, &b, false).mapv(i64::from), g("isin"));
    assert_eq!(isin(&a, &b, true).mapv(i64::from), g("isin_inv"));
    // A wide test range takes the binary-search path.
    let wide_b = b.mapv(|x| x * 1_000_000_000_000);
    let wide_a = a.mapv(|x| x * 1_000_000_000_000);
    assert_eq!(isin(&wide_a, &wide_b, false).mapv(i64::from), g("isin"));

    let h = |p: &str| f.array_f64(&format!("sets_float/{p}"));
    let fa = h("a").into_dimensionality::<Ix1>().unwrap();
    let fb = h("b").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&intersect1d(&fa, &fb, false).into_dyn(), &h("intersect"), 0.0, 0.0);
    assert_allclose(&union1d(&fa, &fb).into_dyn(), &h("union"), 0.0, 0.0);
    assert_allclose(&setdiff1d(&fa, &fb, false).into_dyn(), &h("setdiff"), 0.0, 0.0);
    assert_allclose(&setxor1d(&fa, &fb, false).into_dyn(), &h("setxor"), 0.0, 0.0);
    assert_eq!(isin(&fa, &fb, false).mapv(f64::from).into_dyn(), h("isin"));
    // Empty inputs.
    let e = Array1::<i32>::zeros(0);
    assert_eq!(intersect1d(&e, &array![1], false).len(), 0);
    assert_eq!(union1d(&e, &array![2, 1, 2]), array![1, 2]);
    assert_eq!(isin(&array![1, 2], &e, false), array![false, false]);
}

#[test]
fn bad_input_is_an_error() {
    let a = array![[1, 2], [3, 4]];
    for axis in [2isize, -3] {
        let r = unique(&a, UniqueOptions { axis: Some(axis), ..Default::default() });
        assert_eq!(r.unwrap_err(), ArrayError::AxisOutOfBounds { arg: "axis", axis, ndim: 2 });
    }
    assert!(
        unique(&sci_array::ndarray::arr0(1), UniqueOptions { axis: Some(0), ..Default::default() }).is_err()
    );
}

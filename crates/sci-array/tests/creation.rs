//! Creation functions against NumPy fixtures (tools/fixtures/array_creation.py) and edge cases.

use sci_array::ndarray::{Array1, ArrayD, Axis, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_creation.json")).unwrap()
}

fn count(f: &Fixture, key: &str) -> usize {
    f.get(key).as_array().unwrap().len()
}

#[test]
fn arange_matches_numpy_bitwise() {
    let f = fx();
    for i in 0..count(&f, "arange_f64") {
        let p = format!("arange_f64/{i}");
        let out =
            arange(f.f64(&format!("{p}/start")), f.f64(&format!("{p}/stop")), f.f64(&format!("{p}/step")))
                .unwrap();
        assert_array_equal(&out.into_dyn(), &f.array_f64(&format!("{p}/out")));
    }
    for i in 0..count(&f, "arange_i64") {
        let p = format!("arange_i64/{i}");
        let out =
            arange(f.i64(&format!("{p}/start")), f.i64(&format!("{p}/stop")), f.i64(&format!("{p}/step")))
                .unwrap();
        assert_array_equal(&out.into_dyn(), &f.array_i64(&format!("{p}/out")));
    }
}

#[test]
fn arange_other_types() {
    assert_eq!(arange(250u8, 255, 2).unwrap(), array![250u8, 252, 254]);
    assert_eq!(arange(5u32, 0, 1).unwrap().len(), 0);
    assert_eq!(arange(0.0f32, 1.0, 0.5).unwrap(), array![0.0f32, 0.5]);
    assert_eq!(arange(-3i8, 3, 2).unwrap(), array![-3i8, -1, 1]);
}

#[test]
fn linspace_matches_numpy() {
    let f = fx();
    for i in 0..count(&f, "linspace") {
        let p = format!("linspace/{i}");
        let endpoint = f.get(&format!("{p}/endpoint")).as_bool().unwrap();
        let (y, step) = linspace_retstep(
            f.f64(&format!("{p}/start")),
            f.f64(&format!("{p}/stop")),
            f.i64(&format!("{p}/num")) as usize,
            endpoint,
        );
        assert_allclose(&y.into_dyn(), &f.array_f64(&format!("{p}/out")), 1e-15, 0.0);
        let want = f.f64(&format!("{p}/step"));
        assert!(step == want || (step.is_nan() && want.is_nan()), "{p}: {step} vs {want}");
    }
}

#[test]
fn linspace_f32_and_endpoint_exact() {
    let y = linspace(0.1f32, 0.7, 7, true);
    assert_eq!(y[6], 0.7f32);
    assert_eq!(y[0], 0.1f32);
    assert_eq!(linspace(0.0, 1.0, 2, false), array![0.0, 0.5]);
}

#[test]
fn logspace_geomspace_match_numpy() {
    let f = fx();
    for i in 0..count(&f, "logspace") {
        let p = format!("logspace/{i}");
        let y = logspace(
            f.f64(&format!("{p}/start")),
            f.f64(&format!("{p}/stop")),
            f.i64(&format!("{p}/num")) as usize,
            f.get(&format!("{p}/endpoint")).as_bool().unwrap(),
            f.f64(&format!("{p}/base")),
        );
        // powf and NumPy's pow may differ in the last ulp.
        assert_allclose(&y.into_dyn(), &f.array_f64(&format!("{p}/out")), 4e-16, 0.0);
    }
    for i in 0..count(&f, "geomspace") {
        let p = format!("geomspace/{i}");
        let y = geomspace(
            f.f64(&format!("{p}/start")),
            f.f64(&format!("{p}/stop")),
            f.i64(&format!("{p}/num")) as usize,
            f.get(&format!("{p}/endpoint")).as_bool().unwrap(),
        )
        .unwrap();
        // log10/pow round trip: a few ulp, as in NumPy itself.
        assert_allclose(&y.into_dyn(), &f.array_f64(&format!("{p}/out")), 1e-14, 0.0);
    }
}

#[test]
fn meshgrid_matches_numpy() {
    let f = fx();
    let (x, y, z) = (f.array_f64("meshgrid/x"), f.array_f64("meshgrid/y"), f.array_f64("meshgrid/z"));
    fn v(a: &ArrayD<f64>) -> sci_array::ndarray::ArrayView1<'_, f64> {
        a.view().into_dimensionality().unwrap()
    }
    for (name, ind) in [("xy", Indexing::Xy), ("ij", Indexing::Ij)] {
        let g = meshgrid(&[v(&x), v(&y), v(&z)], ind);
        for (i, gi) in g.iter().enumerate() {
            assert_array_equal(gi, &f.array_f64(&format!("meshgrid/{name}/g{i}")));
        }
        let (gx, gy) = meshgrid2(&v(&x), &v(&y), ind);
        assert_array_equal(&gx.into_dyn(), &f.array_f64(&format!("meshgrid/{name}2/g0")));
        assert_array_equal(&gy.into_dyn(), &f.array_f64(&format!("meshgrid/{name}2/g1")));
        let sp = meshgrid_sparse(&[v(&x), v(&y), v(&z)], ind);
        for (i, gi) in sp.iter().enumerate() {
            let full = gi.broadcast(g[i].raw_dim()).unwrap();
            assert_array_equal(&full, &g[i]);
        }
    }
    // One input, and empty inputs.
    let g = meshgrid(&[v(&x)], Indexing::Xy);
    assert_array_equal(&g[0], &x);
    let e = Array1::<f64>::zeros(0);
    let g = meshgrid(&[e.view(), v(&y)], Indexing::Xy);
    assert_eq!(g[0].shape(), &[2, 0]);
}

#[test]
fn mgrid_ogrid_indices_match_numpy() {
    let f = fx();
    let g = mgrid(&[
        GridAxis::Step { start: 0.0, stop: 2.0, step: 0.5 },
        GridAxis::Num { start: -1.0, stop: 1.0, num: 5 },
    ])
    .unwrap();
    assert_allclose(&g, &f.array_f64("mgrid/step_num"), 1e-15, 0.0);
    let g = mgrid(&[
        GridAxis::Step { start: 3.0, stop: -1.0, step: -0.7 },
        GridAxis::Num { start: 0.0, stop: 1.0, num: 3 },
        GridAxis::Step { start: 1.0, stop: 2.0, step: 1.0 },
    ])
    .unwrap();
    assert_allclose(&g, &f.array_f64("mgrid/neg"), 1e-15, 0.0);
    let o = ogrid(&[
        GridAxis::Step { start: 0.0, stop: 5.0, step: 1.5 },
        GridAxis::Num { start: -1.0, stop: 1.0, num: 4 },
    ])
    .unwrap();
    assert_allclose(&o[0], &f.array_f64("ogrid/g0"), 1e-15, 0.0);
    assert_allclose(&o[1], &f.array_f64("ogrid/g1"), 1e-15, 0.0);
    for (key, dims) in [("i23", vec![2, 3]), ("i324", vec![3, 2, 4]), ("i0", vec![0, 3])] {
        let want = f.array_i64(&format!("indices/{key}"));
        assert_array_equal(&indices(&dims).mapv(|x| x as i64), &want);
        let full = indices(&dims);
        for (k, sp) in indices_sparse(&dims).iter().enumerate() {
            let b = sp.broadcast(sci_array::ndarray::IxDyn(&dims)).unwrap();
            assert_array_equal(&b, &full.index_axis(Axis(0), k));
        }
    }
}

#[test]
fn special_matrices_match_numpy() {
    let f = fx();
    for i in 0..count(&f, "eye") {
        let p = format!("eye/{i}");
        let e = eye::<f64>(
            f.i64(&format!("{p}/n")) as usize,
            Some(f.i64(&format!("{p}/m")) as usize),
            f.i64(&format!("{p}/k")) as isize,
        );
        assert_array_equal(&e.into_dyn(), &f.array_f64(&format!("{p}/out")));
    }
    let a = f.array_f64("diag/a");
    for k in [-3, -1, 0, 1, 3, 4] {
        assert_array_equal(&diag(&a, k).unwrap(), &f.array_f64(&format!("diag/k{k}")));
    }
    let v = f.array_f64("diag/v");
    for k in [-2, 0, 1] {
        assert_array_equal(&diag(&v, k).unwrap(), &f.array_f64(&format!("diag/v{k}")));
    }
    for i in 0..count(&f, "tri") {
        let p = format!("tri/{i}");
        let t = tri::<f64>(
            f.i64(&format!("{p}/n")) as usize,
            Some(f.i64(&format!("{p}/m")) as usize),
            f.i64(&format!("{p}/k")) as isize,
        );
        assert_array_equal(&t.into_dyn(), &f.array_f64(&format!("{p}/out")));
    }
    let b = f.array_f64("tril_triu/a");
    for k in [-1, 0, 2] {
        assert_array_equal(&tril(&b, k).unwrap(), &f.array_f64(&format!("tril_triu/tril{k}")));
        assert_array_equal(&triu(&b, k).unwrap(), &f.array_f64(&format!("tril_triu/triu{k}")));
    }
    let x = f.array_f64("vander/x").into_dimensionality::<sci_array::ndarray::Ix1>().unwrap();
    assert_array_equal(&vander(&x, None, false).into_dyn(), &f.array_f64("vander/dec"));
    assert_array_equal(&vander(&x, Some(3), true).into_dyn(), &f.array_f64("vander/inc3"));
    assert_array_equal(&vander(&x, Some(6), false).into_dyn(), &f.array_f64("vander/dec6"));
}

#[test]
fn non_contiguous_inputs() {
    let a = Array1::from_iter(0..24).into_shape_with_order((4, 6)).unwrap();
    let v = a.slice(s![..;2, ..;-1]);
    assert_eq!(diag(&v, 0).unwrap(), array![5, 16].into_dyn());
    assert_eq!(tril(&v, 0).unwrap(), array![[5, 0, 0, 0, 0, 0], [17, 16, 0, 0, 0, 0]]);
    let col = a.column(1);
    assert_eq!(vander(&col.slice(s![..;-2]), Some(2), true), array![[1, 19], [1, 7]]);
    assert_eq!(full_like(&v, 1u8).shape(), &[2, 6]);
    assert_eq!(diagflat(&v.slice(s![.., ..1]), -1), array![[0, 0, 0], [5, 0, 0], [0, 17, 0]]);
}

#[test]
fn complex_and_bool_elements() {
    use sci_array::num_complex::Complex64;
    let e = eye::<Complex64>(2, None, 1);
    assert_eq!(e[[0, 1]], Complex64::new(1.0, 0.0));
    let z = array![Complex64::new(0.0, 1.0), Complex64::new(2.0, 0.0)];
    assert_eq!(vander(&z, None, true)[[0, 1]], Complex64::new(0.0, 1.0));
    assert_eq!(full((2,), true), array![true, true]);
    let d = diag(&z, 0).unwrap();
    assert_eq!(d.shape(), &[2, 2]);
    assert_eq!(d.index_axis(Axis(0), 1)[1], Complex64::new(2.0, 0.0));
}

#[test]
fn bad_input_table() {
    let cube = ArrayD::<f64>::zeros(sci_array::ndarray::IxDyn(&[2, 2, 2]));
    let cases: Vec<(&str, Result<(), ArrayError>)> = vec![
        ("arange zero int step", arange(0, 5, 0).map(drop)),
        ("arange zero float step", arange(0.0, 5.0, 0.0).map(drop)),
        ("arange nan", arange(f64::NAN, 5.0, 1.0).map(drop)),
        ("arange inf", arange(0.0, f64::INFINITY, 1.0).map(drop)),
        ("geomspace zero start", geomspace(0.0, 5.0, 3, true).map(drop)),
        ("geomspace zero stop", geomspace(1.0, 0.0, 3, true).map(drop)),
        ("geomspace sign change", geomspace(-1.0, 5.0, 3, true).map(drop)),
        ("mgrid zero step", mgrid(&[GridAxis::Step { start: 0.0, stop: 1.0, step: 0.0 }]).map(drop)),
        ("mgrid nan", ogrid(&[GridAxis::Step { start: f64::NAN, stop: 1.0, step: 1.0 }]).map(drop)),
        ("diag 3-d", diag(&cube, 0).map(drop)),
        ("tril 1-d", tril(&array![1, 2], 0).map(drop)),
        ("triu 0-d", triu(&sci_array::ndarray::arr0(1.0), 0).map(drop)),
    ];
    for (name, r) in cases {
        let e = r.expect_err(name);
        assert!(!e.to_string().is_empty(), "{name}");
    }
    assert!(geomspace(0.0, 1.0, 2, true).unwrap_err().to_string().contains("cannot include zero"));
}

#[test]
fn empty_and_length_one() {
    assert_eq!(arange(3, 3, 1).unwrap().len(), 0);
    assert_eq!(arange(0.0, 0.5, 1.0).unwrap(), array![0.0]);
    assert_eq!(geomspace(5.0, 7.0, 0, true).unwrap().len(), 0);
    assert_eq!(geomspace(5.0, 7.0, 1, true).unwrap(), array![5.0]);
    assert_eq!(logspace(1.0, 2.0, 0, true, 10.0).len(), 0);
    assert_eq!(eye::<i32>(0, None, 0).shape(), &[0, 0]);
    assert_eq!(diag(&Array1::<f64>::zeros(0), 2).unwrap().shape(), &[2, 2]);
    assert_eq!(vander(&Array1::<f64>::zeros(0), None, false).shape(), &[0, 0]);
    assert_eq!(mgrid(&[]).unwrap().shape(), &[0]);
    assert_eq!(indices(&[]).shape(), &[0]);
    assert!(linspace(1.0, f64::NAN, 3, true)[2].is_nan());
}

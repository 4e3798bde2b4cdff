//! Broadcasting against NumPy fixtures (tools/fixtures/array_shape.py) and edge cases.

use sci_array::ndarray::{Array, Array1, Array2, ArrayD, IxDyn, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_shape.json")).unwrap()
}

fn usizes(v: &sci_array::testing::fixture::Fixture, path: &str) -> Vec<Vec<usize>> {
    v.get(path)
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_array().unwrap().iter().map(|d| d.as_u64().unwrap() as usize).collect())
        .collect()
}

#[test]
fn broadcast_shapes_match_numpy() {
    let f = fx();
    let outs: Vec<Vec<usize>> = f
        .get("broadcast/shapes_out")
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_array().unwrap().iter().map(|d| d.as_u64().unwrap() as usize).collect())
        .collect();
    for (i, out) in outs.iter().enumerate() {
        let shapes = usizes(&f, &format!("broadcast/shapes_ok/{i}"));
        let refs: Vec<&[usize]> = shapes.iter().map(|s| s.as_slice()).collect();
        assert_eq!(&broadcast_shapes(&refs).unwrap(), out, "case {i}");
    }
    assert_eq!(broadcast_shapes(&[]).unwrap(), Vec::<usize>::new());
}

#[test]
fn tutorial_add_row() {
    let f = fx();
    let a = f.array_i64("broadcast/a");
    let got = add(&a, &array![10i64, 20, 30]).unwrap();
    assert_array_equal(&got, &f.array_i64("broadcast/add"));
    assert_eq!(got, array![[10, 21, 32], [13, 24, 35]].into_dyn());
}

#[test]
fn binary_ops_match_numpy() {
    let f = fx();
    let p = f.array_f64("broadcast/p");
    let q = f.array_f64("broadcast/q");
    assert_array_equal(&subtract(&p, &q).unwrap(), &f.array_f64("broadcast/sub"));
    assert_array_equal(&multiply(&p, &q).unwrap(), &f.array_f64("broadcast/mul"));
    assert_array_equal(&divide(&p, &q).unwrap(), &f.array_f64("broadcast/div"));
    let z = broadcast_zip(&p, &q, |x: f64, y: f64| x.max(y)).unwrap();
    assert_eq!(z.shape(), &[4, 1, 3]);
    assert_eq!(z[[3, 0, 0]], 2.0);
}

#[test]
fn large_inputs_use_the_parallel_path_with_identical_results() {
    let a = Array2::from_shape_fn((500, 400), |(i, j)| (i as f64).sin() + j as f64);
    let b = Array1::from_shape_fn(400, |j| (j as f64).cos());
    let got = add(&a, &b).unwrap();
    let want = &a + &b;
    assert_array_equal(&got, &want.into_dyn());
    let got = multiply(&b, &a.slice(s![..;-1, ..])).unwrap();
    assert_array_equal(&got, &(&a.slice(s![..;-1, ..]) * &b).into_dyn());
}

#[test]
fn broadcast_to_and_arrays() {
    let x = array![1.0, 2.0, 3.0];
    let b = broadcast_to(&x, (2, 3)).unwrap();
    assert_eq!(b.strides(), &[0, 1]);
    assert_eq!(b.as_ptr(), x.as_ptr());
    let col = array![[1], [2]];
    let bc = broadcast_to(&col, IxDyn(&[3, 2, 4])).unwrap();
    assert_eq!(bc.shape(), &[3, 2, 4]);
    assert_eq!(bc[[2, 1, 3]], 2);
    // Non-contiguous, negative strides.
    let m = Array::from_shape_fn((3, 4), |(i, j)| 10 * i + j);
    let v = m.slice(s![.., ..;-2]);
    let b = broadcast_to(&v, (2, 3, 2)).unwrap();
    assert_eq!(b.slice(s![1, .., ..]), array![[3, 1], [13, 11], [23, 21]]);
    let (p, q) = (array![[1.0, 2.0, 3.0]], array![[4.0], [5.0]]);
    let nine = sci_array::ndarray::arr0(9.0).into_dyn();
    let out = broadcast_arrays(&[p.view().into_dyn(), q.view().into_dyn(), nine.view()]).unwrap();
    assert_eq!(out.len(), 3);
    for o in &out {
        assert_eq!(o.shape(), &[2, 3]);
    }
    assert_allclose(&out[2].to_owned(), &ArrayD::from_elem(IxDyn(&[2, 3]), 9.0), 0.0, 0.0);
    assert_eq!(out[1][[1, 2]], 5.0);
}

#[test]
fn empty_and_scalar_operands() {
    let e = Array2::<f64>::zeros((0, 3));
    assert_eq!(add(&e, &array![1.0, 2.0, 3.0]).unwrap().shape(), &[0, 3]);
    assert_eq!(add(&Array2::<f64>::zeros((4, 1)), &Array1::<f64>::zeros(0)).unwrap().shape(), &[4, 0]);
    let s0 = sci_array::ndarray::arr0(2.0);
    assert!(multiply(&s0, &array![1.0, f64::NAN]).unwrap()[[1]].is_nan());
    assert_eq!(add(&s0, &s0).unwrap().ndim(), 0);
    use sci_array::num_complex::Complex64;
    let z = divide(
        &array![Complex64::new(1.0, 1.0)],
        &array![[Complex64::new(0.0, 1.0)], [Complex64::new(2.0, 0.0)]],
    )
    .unwrap();
    assert_eq!(z[[0, 0]], Complex64::new(1.0, -1.0));
    assert_eq!(subtract(&array![1.0f32], &array![0.5f32, 2.0]).unwrap(), array![0.5f32, -1.0].into_dyn());
}

#[test]
fn bad_input_table() {
    let a = array![[1, 2, 3], [4, 5, 6]];
    let b = array![1, 2];
    let cases: Vec<(&str, Result<(), ArrayError>)> = vec![
        ("shapes", broadcast_shapes(&[&[2, 3], &[4]]).map(drop)),
        ("shapes 3", broadcast_shapes(&[&[1], &[2, 1], &[3, 1, 4], &[5]]).map(drop)),
        ("to smaller", broadcast_to(&a, 3).map(drop)),
        ("to mismatch", broadcast_to(&a, (2, 4)).map(drop)),
        ("to stretch non-1", broadcast_to(&a, (4, 3)).map(drop)),
        ("arrays", broadcast_arrays(&[a.view().into_dyn(), b.view().into_dyn()]).map(drop)),
        ("add", add(&a, &b).map(drop)),
        ("subtract", subtract(&b, &a).map(drop)),
        ("multiply", multiply(&a, &b).map(drop)),
        ("zip", broadcast_zip(&a, &b, |x: i32, y: i32| x * y).map(drop)),
    ];
    for (name, r) in cases {
        match r {
            Err(ArrayError::Broadcast { shapes }) => assert!(shapes.contains('['), "{name}: {shapes}"),
            other => panic!("{name}: expected a broadcast error, got {other:?}"),
        }
    }
    let e = add(&a, &b).unwrap_err();
    assert_eq!(e.to_string(), "operands could not be broadcast together with shapes [2, 3] [2]");
    let e = divide(&array![1.0, 2.0], &array![1.0, 2.0, 3.0]).unwrap_err();
    assert_eq!(e.to_string(), "operands could not be broadcast together with shapes [2] [3]");
}

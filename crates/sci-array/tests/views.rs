//! sliding_window_view, as_strided and layout info against NumPy fixtures
//! (tools/fixtures/array_shape.py).
// `as_strided` is an `unsafe fn` (like NumPy's, it can read out of bounds); these tests call it
// with strides whose reachable elements are checked by hand at each call.
#![allow(unsafe_code)]

use sci_array::ndarray::{Array1, Array2, Array3, ArrayD, Axis, IxDyn, ShapeBuilder, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_shape.json")).unwrap()
}

#[test]
fn sliding_windows_match_numpy() {
    let f = fx();
    let z = f.array_f64("sliding/z");
    let row = z.index_axis(Axis(0), 1);
    assert_array_equal(&sliding_window_view(&row, &[3], None).unwrap(), &f.array_f64("sliding/w_1d"));
    assert_array_equal(&sliding_window_view(&z, &[2, 3], None).unwrap(), &f.array_f64("sliding/w_2d"));
    assert_array_equal(&sliding_window_view(&z, &[2], Some(&[1])).unwrap(), &f.array_f64("sliding/w_ax1"));
    assert_array_equal(
        &sliding_window_view(&z, &[2, 2], Some(&[1, -1])).unwrap(),
        &f.array_f64("sliding/w_rep"),
    );
    let neg = z.slice(s![..;-1, ..;-2]);
    assert_array_equal(&sliding_window_view(&neg, &[3, 2], None).unwrap(), &f.array_f64("sliding/w_neg"));
}

#[test]
fn heat_equation_stencil() {
    let f = fx();
    let z = f.array_f64("sliding/z");
    let row = z.index_axis(Axis(0), 1);
    let w = sliding_window_view(&row, &[3], None).unwrap();
    let lap = (&w * &array![1.0, -2.0, 1.0]).sum_axis(Axis(1));
    // Summation order of three terms matches NumPy's pairwise sum for so few elements.
    assert_allclose(&lap, &f.array_f64("sliding/heat"), 1e-15, 0.0);
}

#[test]
fn windows_are_zero_copy() {
    let x = Array1::from_iter(0..6);
    let w = sliding_window_view(&x, &[4], None).unwrap();
    assert_eq!(w.shape(), &[3, 4]);
    assert_eq!(w.strides(), &[1, 1]);
    assert_eq!(w.as_ptr(), x.as_ptr());
    assert_eq!(strides_bytes(&w), vec![4, 4]);
    // Window as large as the axis, window of 0 (NumPy gives an axis of len + 1 and empty windows).
    assert_eq!(sliding_window_view(&x, &[6], None).unwrap().shape(), &[1, 6]);
    let w0 = sliding_window_view(&x, &[0], None).unwrap();
    assert_eq!(w0.shape(), &[7, 0]);
    // Empty input along a non-windowed axis.
    let e = Array2::<f64>::zeros((0, 5));
    assert_eq!(sliding_window_view(&e, &[2], Some(&[1])).unwrap().shape(), &[0, 4, 2]);
    // Broadcast (zero-stride) input.
    let b = array![1, 2, 3];
    let bb = b.broadcast((4, 3)).unwrap();
    let wb = sliding_window_view(&bb, &[2, 2], None).unwrap();
    assert_eq!(wb.shape(), &[3, 2, 2, 2]);
    assert_eq!(wb.slice(s![2, 1, .., ..]), array![[2, 3], [2, 3]]);
    // Complex and f32 elements.
    use sci_array::num_complex::Complex32;
    let c = Array1::from_shape_fn(4, |i| Complex32::new(i as f32, -1.0));
    assert_eq!(sliding_window_view(&c, &[2], None).unwrap()[[2, 1]], Complex32::new(3.0, -1.0));
}

#[test]
fn as_strided_with_byte_strides() {
    let x = Array1::from_iter(0i64..10);
    // SAFETY: the largest reachable index is 3*2 + 2*1 = 8 < 10.
    let v = unsafe { as_strided(&x, &[4, 3], &[16, 8]) }.unwrap();
    assert_eq!(v, array![[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 8]].into_dyn());
    // Negative strides walk backwards from the first element of a reversed view.
    let r = x.slice(s![..;-1]);
    // SAFETY: reachable indices of `r` are 0..=4, inside its 10 elements.
    let v = unsafe { as_strided(&r, &[5], &[-8]) }.unwrap();
    assert_eq!(v, array![9, 8, 7, 6, 5].into_dyn());
    // Zero strides repeat.
    // SAFETY: only element 0 is reachable.
    let v = unsafe { as_strided(&x, &[2, 2], &[0, 0]) }.unwrap();
    assert_eq!(v, ArrayD::<i64>::zeros(IxDyn(&[2, 2])));
}

#[test]
fn strides_and_info_match_numpy() {
    let f = fx();
    let want = |k: &str| -> Vec<isize> {
        f.get(&format!("strides/{k}"))
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap() as isize)
            .collect()
    };
    let c = Array3::<i64>::zeros((2, 3, 4));
    assert_eq!(strides_bytes(&c), want("c"));
    assert_eq!(strides_bytes(&asfortranarray(&c)), want("f"));
    assert_eq!(strides_bytes(&Array3::<i64>::zeros((2, 3, 4).f())), want("f"));
    assert_eq!(strides_bytes(&c.t()), want("t"));
    assert_eq!(strides_bytes(&c.slice(s![.., ..;2, ..;-1])), want("s"));

    let i = info(&c);
    assert_eq!(i.shape, vec![2, 3, 4]);
    assert_eq!(i.dtype, "int64");
    assert_eq!((i.itemsize, i.nbytes), (8, 192));
    assert!(i.c_contiguous && !i.f_contiguous && i.owndata);
    let fcopy = asfortranarray(&c).into_owned();
    let j = info(&fcopy);
    assert_eq!(j.strides, vec![8, 16, 48]);
    assert!(!j.c_contiguous && j.f_contiguous && j.owndata);
    let s = c.slice(s![.., ..;2, ..]);
    let k = info(&s);
    assert!(!k.c_contiguous && !k.f_contiguous && !k.owndata);
    assert_eq!(k.nbytes, 2 * 2 * 4 * 8);
    let text = info(&array![1.0f32, 2.0]).to_string();
    assert!(text.contains("shape:  (2,)"), "{text}");
    assert!(text.contains("strides:  (4,)"), "{text}");
    assert!(text.contains("type: float32"), "{text}");
    assert!(text.contains("contiguous:  True"), "{text}");
    // Length-1 axes do not break contiguity (NumPy ignores their strides).
    let row = c.slice(s![0..1, .., ..]);
    assert!(info(&row).c_contiguous);
    assert_eq!(info(&array![sci_array::num_complex::Complex64::new(0.0, 0.0)]).dtype, "complex128");
    assert_eq!(info(&array![true]).itemsize, 1);
}

#[test]
fn diagonal_views_match_numpy() {
    let f = fx();
    let a = f.array_f64("diagonal/a");
    for (key, off, a1, a2) in
        [("o0_01", 0, 0, 1), ("o1_02", 1, 0, 2), ("om1_20", -1, 2, 0), ("o2_12", 2, 1, 2), ("o9_12", 9, 1, 2)]
    {
        assert_array_equal(&diagonal(&a, off, a1, a2).unwrap(), &f.array_f64(&format!("diagonal/{key}")));
    }
    let v = a.slice(s![..;-1, ..;2, ..;-1]);
    let d = diagonal(&v, 1, 0, 1).unwrap();
    assert_array_equal(&d, &f.array_f64("diagonal/neg_o1_01"));
    // Zero copy: the first element is an element of `a`.
    let d0 = diagonal(&a, 0, 0, 1).unwrap();
    assert_eq!(d0.as_ptr(), a.as_ptr());
    assert_eq!(diagonal(&Array2::<f64>::zeros((0, 3)), 0, 0, 1).unwrap().shape(), &[0]);
}

#[test]
fn bad_input_table() {
    let z = Array2::<f64>::zeros((3, 4));
    let x = Array1::<i64>::zeros(4);
    let cases: Vec<(&str, Result<(), ArrayError>, &str)> = vec![
        ("window too big", sliding_window_view(&z, &[4, 2], None).map(drop), "cannot be larger"),
        (
            "repeated axis too big",
            sliding_window_view(&z, &[3, 3], Some(&[1, 1])).map(drop),
            "cannot be larger",
        ),
        ("window len", sliding_window_view(&z, &[2], None).map(drop), "same length"),
        ("axis len", sliding_window_view(&z, &[2, 2], Some(&[0])).map(drop), "same length"),
        ("axis bounds", sliding_window_view(&z, &[2], Some(&[2])).map(drop), "out of bounds"),
        ("diagonal 1-d", diagonal(&x, 0, 0, 1).map(drop), "at least two dimensions"),
        ("diagonal same axes", diagonal(&z, 0, 1, -1).map(drop), "cannot be the same"),
        ("diagonal axis", diagonal(&z, 0, 0, 2).map(drop), "out of bounds"),
        // SAFETY: both calls fail argument validation before any view is built.
        ("strided lengths", unsafe { as_strided(&x, &[2], &[8, 8]) }.map(drop), "same length"),
        ("strided item size", unsafe { as_strided(&x, &[2], &[3]) }.map(drop), "multiple of the item size"),
    ];
    for (name, r, msg) in cases {
        let e = r.expect_err(name).to_string();
        assert!(e.contains(msg), "{name}: {e}");
    }
}

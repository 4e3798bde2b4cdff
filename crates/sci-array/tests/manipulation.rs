//! Shape manipulation against NumPy fixtures (tools/fixtures/array_shape.py) and edge cases.

use sci_array::ndarray::{Array1, Array2, Array3, ArrayD, Axis, Ix1, Ix2, IxDyn, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_shape.json")).unwrap()
}

#[test]
fn pad_matches_numpy() {
    let f = fx();
    let a1 = f.array_f64("pad/a1");
    let a2 = f.array_f64("pad/a2");
    let modes = [
        ("edge", PadMode::Edge),
        ("reflect", PadMode::Reflect),
        ("symmetric", PadMode::Symmetric),
        ("wrap", PadMode::Wrap),
    ];
    for (name, mode) in modes {
        for w in [(2, 3), (0, 7), (11, 4)] {
            let got = pad(&a1, &[w], mode.clone()).unwrap();
            assert_array_equal(&got, &f.array_f64(&format!("pad/{name}_1d_{}_{}", w.0, w.1)));
        }
        let got = pad(&a2, &[(1, 4), (5, 2)], mode.clone()).unwrap();
        assert_array_equal(&got, &f.array_f64(&format!("pad/{name}_2d")));
    }
    assert_array_equal(
        &pad(&a2, &[(1, 2), (0, 3)], PadMode::Constant(-1.5)).unwrap(),
        &f.array_f64("pad/constant_2d"),
    );
    assert_array_equal(&pad(&a1, &[(3, 4)], PadMode::LinearRamp(-2.0)).unwrap(), &f.array_f64("pad/ramp_1d"));
    assert_array_equal(
        &pad(&a2, &[(2, 1), (3, 2)], PadMode::LinearRamp(10.0)).unwrap(),
        &f.array_f64("pad/ramp_2d"),
    );
    let ai = f.array_i64("pad/ai");
    assert_array_equal(
        &pad(&ai, &[(3, 2), (2, 3)], PadMode::LinearRamp(0)).unwrap(),
        &f.array_i64("pad/ramp_int"),
    );
    assert_array_equal(
        &pad(&array![[3.0]], &[(2, 3)], PadMode::Reflect).unwrap().into_dyn(),
        &f.array_f64("pad/reflect_len1"),
    );
}

#[test]
fn pad_statistics_match_numpy() {
    let f = fx();
    let a2 = f.array_f64("pad/a2");
    let ai = f.array_i64("pad/ai");
    let an = f.array_f64("pad/a_nan");
    type Mk = fn(Option<usize>) -> PadMode<f64>;
    type MkI = fn(Option<usize>) -> PadMode<i64>;
    let modes: [(&str, Mk, MkI); 4] = [
        ("maximum", PadMode::Maximum, PadMode::Maximum),
        ("minimum", PadMode::Minimum, PadMode::Minimum),
        ("mean", PadMode::Mean, PadMode::Mean),
        ("median", PadMode::Median, PadMode::Median),
    ];
    for (name, mk, mki) in modes {
        let got = pad(&a2, &[(1, 2), (2, 3)], mk(None)).unwrap();
        assert_allclose(&got, &f.array_f64(&format!("pad/{name}_2d")), 1e-15, 0.0);
        let got = pad(&a2, &[(2, 1), (3, 1)], mk(Some(2))).unwrap();
        assert_allclose(&got, &f.array_f64(&format!("pad/{name}_2d_len2")), 1e-15, 0.0);
        let got = pad(&ai, &[(1, 1), (2, 2)], mki(None)).unwrap();
        assert_array_equal(&got, &f.array_i64(&format!("pad/{name}_int")));
        let got = pad(&ai, &[(1, 1), (2, 2)], mki(Some(2))).unwrap();
        assert_array_equal(&got, &f.array_i64(&format!("pad/{name}_int_len2")));
        let got = pad(&an, &[(1, 2)], mk(None)).unwrap();
        assert_array_equal(&got, &f.array_f64(&format!("pad/{name}_nan")));
        let got = pad(&an, &[(1, 2)], mk(Some(1))).unwrap();
        assert_array_equal(&got, &f.array_f64(&format!("pad/{name}_nan_len1")));
    }
}

#[test]
fn pad_3d_fortran_input_matches_numpy() {
    let f = fx();
    let a3 = f.array_f64("pad/a3");
    let fa = asfortranarray(&a3);
    assert!(!fa.is_standard_layout());
    let w = [(1, 2), (0, 3), (4, 1)];
    let modes = [
        ("edge", PadMode::Edge),
        ("reflect", PadMode::Reflect),
        ("symmetric", PadMode::Symmetric),
        ("wrap", PadMode::Wrap),
        ("mean", PadMode::Mean(None)),
        ("linear_ramp", PadMode::LinearRamp(0.0)),
        ("constant", PadMode::Constant(9.0)),
    ];
    for (name, mode) in modes {
        // Means of a few values: summation order may differ in the last ulp.
        assert_allclose(&pad(&fa, &w, mode).unwrap(), &f.array_f64(&format!("pad/{name}_3d")), 1e-15, 0.0);
    }
}

#[test]
fn pad_views_and_empty() {
    let a = Array1::from_iter(0..10);
    let v = a.slice(s![..;-3]); // [9, 6, 3, 0]
    assert_eq!(pad(&v, &[(1, 2)], PadMode::Wrap).unwrap(), array![0, 9, 6, 3, 0, 9, 6]);
    let e = Array2::<f64>::zeros((0, 2));
    assert_eq!(pad(&e, &[(1, 1)], PadMode::Constant(7.0)).unwrap(), Array2::from_elem((2, 4), 7.0));
    assert!(pad(&e, &[(1, 1)], PadMode::Edge).is_err());
    // Zero widths on an empty axis are fine for every mode.
    assert_eq!(pad(&e, &[(0, 0), (1, 0)], PadMode::Reflect).unwrap().shape(), &[0, 3]);
}

#[test]
fn tile_repeat_roll_match_numpy() {
    let f = fx();
    let t = f.array_i64("tile/a");
    assert_array_equal(&tile(&t, &[2]), &f.array_i64("tile/r2"));
    assert_array_equal(&tile(&t, &[2, 3]), &f.array_i64("tile/r23"));
    assert_array_equal(&tile(&t, &[2, 1, 2]), &f.array_i64("tile/r212"));
    assert_array_equal(&tile(&t, &[0, 2]), &f.array_i64("tile/r0"));
    assert_array_equal(&repeat(&t, &[3], None).unwrap(), &f.array_i64("repeat/flat3"));
    assert_array_equal(&repeat(&t, &[1, 2], Some(0)).unwrap(), &f.array_i64("repeat/ax0"));
    assert_array_equal(&repeat(&t, &[0, 2, 1], Some(1)).unwrap(), &f.array_i64("repeat/ax1"));
    assert_array_equal(&repeat(&t, &[2], Some(-1)).unwrap(), &f.array_i64("repeat/axm1"));
    let r = f.array_i64("roll/a");
    assert_array_equal(&roll(&r, 5, None).unwrap(), &f.array_i64("roll/flat5"));
    assert_array_equal(&roll(&r, -7, None).unwrap(), &f.array_i64("roll/flatm7"));
    assert_array_equal(&roll(&r, 2, Some(1)).unwrap(), &f.array_i64("roll/ax1"));
    assert_array_equal(&roll(&r, -9, Some(2)).unwrap(), &f.array_i64("roll/ax2"));
    assert_array_equal(&roll(&r, 3, Some(0)).unwrap(), &f.array_i64("roll/ax0"));
    assert_array_equal(&roll_axes(&r, &[2, -9, 3], &[1, 2, 0]).unwrap(), &f.array_i64("roll/multi"));
    assert_array_equal(&roll_axes(&r, &[1], &[1, -1]).unwrap(), &f.array_i64("roll/one_shift"));
}

#[test]
fn rot90_moveaxis_match_numpy() {
    let f = fx();
    let r = f.array_i64("rot90/a");
    for k in [-3, -1, 0, 1, 2, 3, 5] {
        assert_array_equal(&rot90(&r, k, (0, 1)).unwrap(), &f.array_i64(&format!("rot90/k{k}")));
    }
    assert_array_equal(&rot90(&r, 1, (2, 1)).unwrap(), &f.array_i64("rot90/k1_axes21"));
    assert_array_equal(&rot90(&r, 1, (0, 2)).unwrap(), &f.array_i64("rot90/k1_axes02"));
    let m = ArrayD::<f64>::zeros(IxDyn(&[2, 3, 4, 5]));
    let shape = |key: &str| -> Vec<usize> {
        f.get(&format!("moveaxis/{key}"))
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect()
    };
    assert_eq!(moveaxis(&m, &[0], &[-1]).unwrap().shape(), shape("s0_d-1").as_slice());
    assert_eq!(moveaxis(&m, &[-1], &[0]).unwrap().shape(), shape("s-1_d0").as_slice());
    assert_eq!(moveaxis(&m, &[0, 1], &[-1, -2]).unwrap().shape(), shape("s01_d-1-2").as_slice());
    assert_eq!(moveaxis(&m, &[3, 1], &[0, 2]).unwrap().shape(), shape("s31_d02").as_slice());
    // Values, not just shapes: moveaxis equals the matching permutation.
    let x = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| 100 * i + 10 * j + k);
    let mv = moveaxis(&x, &[0], &[2]).unwrap();
    assert_eq!(mv[[2, 3, 1]], x[[1, 2, 3]]);
}

#[test]
fn split_matches_numpy() {
    let f = fx();
    let x = Array1::from_iter(0..10);
    for n in [1usize, 3, 4, 7, 10, 12] {
        let want: Vec<usize> = f
            .get(&format!("array_split/n{n}"))
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let got: Vec<usize> =
            array_split(&x, &Sections::Count(n), 0).unwrap().iter().map(|p| p.len()).collect();
        assert_eq!(got, want, "n = {n}");
    }
    let want: Vec<usize> =
        f.get("split_idx/i").as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
    let p = split(&x, &Sections::Indices(vec![2, -3, 5, 20]), 0).unwrap();
    assert_eq!(p.iter().map(|v| v.len()).collect::<Vec<_>>(), want);
    assert_eq!(p[1], array![2, 3, 4, 5, 6]);
    assert_eq!(p[3], array![5, 6, 7, 8, 9]);
    // 2-d along axis 1 and on a negative-stride view.
    let a = Array2::from_shape_fn((2, 6), |(i, j)| 10 * i + j);
    let v = a.slice(s![.., ..;-1]);
    let parts = hsplit(&v, &Sections::Count(3)).unwrap();
    assert_eq!(parts[0], array![[5, 4], [15, 14]]);
    assert_eq!(vsplit(&a, &Sections::Count(2)).unwrap()[1], array![[10, 11, 12, 13, 14, 15]]);
}

#[test]
fn reshape_ravel_orders_match_numpy() {
    let f = fx();
    let r = f.array_i64("reshape/a");
    assert_array_equal(&reshape(&r, &[4, 6], Order::C).unwrap(), &f.array_i64("reshape/c_4_6"));
    assert_array_equal(&reshape(&r, &[-1, 6], Order::F).unwrap(), &f.array_i64("reshape/f_4_6"));
    assert_array_equal(&ravel(&r, Order::F).into_dyn(), &f.array_i64("reshape/f_ravel"));
    let t = r.view().permuted_axes(IxDyn(&[1, 0, 2]));
    assert_array_equal(&ravel(&t, Order::F).into_dyn(), &f.array_i64("reshape/ft_ravel"));
    // Views when possible, copies otherwise.
    assert!(reshape(&r, &[6, 4], Order::C).unwrap().is_view());
    assert!(!reshape(&t, &[6, 4], Order::C).unwrap().is_view());
    let ff = asfortranarray(&r);
    assert!(!ff.is_view());
    assert!(reshape(&ff, &[6, 4], Order::F).unwrap().is_view());
    assert!(asfortranarray(&ff).is_view());
    assert!(ascontiguousarray(&ff).as_slice().is_some());
    assert_eq!(ascontiguousarray(&ff), r);
}

#[test]
fn fortran_order_2d_tiles() {
    // Sizes that are not multiples of the 32-element copy tiles.
    let a = Array2::from_shape_fn((67, 45), |(i, j)| 1000 * i + j);
    let want: Vec<usize> = a.t().iter().copied().collect();
    assert_eq!(ravel(&a, Order::F).to_vec(), want);
    let f = asfortranarray(&a);
    assert_eq!(f, a);
    assert_eq!(f.strides(), &[1, 67]);
    assert_eq!(f.as_slice_memory_order().unwrap(), want.as_slice());
}

#[test]
fn adding_and_removing_match_numpy() {
    let f = fx();
    let e = f.array_i64("edit/a");
    let row = array![[20i64, 21, 22, 23]];
    assert_array_equal(&append(&e, &row, None).unwrap(), &f.array_i64("edit/append_flat"));
    assert_array_equal(&append(&e, &row, Some(0)).unwrap(), &f.array_i64("edit/append_ax0"));
    assert_array_equal(
        &append(&e, &array![[20i64], [21], [22]], Some(1)).unwrap(),
        &f.array_i64("edit/append_ax1"),
    );
    assert_array_equal(&delete(&e, &[0, 2], Some(0)).unwrap(), &f.array_i64("edit/delete_ax0"));
    assert_array_equal(&delete(&e, &[-1, 1, 1], Some(1)).unwrap(), &f.array_i64("edit/delete_ax1"));
    assert_array_equal(&delete(&e, &[0, 5, 11, -2], None).unwrap(), &f.array_i64("edit/delete_flat"));
    // Non-contiguous input: the F-order copy holds the same values.
    let ef = asfortranarray(&e);
    assert_array_equal(&resize(&ef, &[5, 3]), &f.array_i64("edit/resize_5_3"));
    assert_array_equal(&resize(&e, &[7]), &f.array_i64("edit/resize_7"));
    let sc = sci_array::ndarray::arr0(99i64);
    assert_array_equal(&insert(&e, 2, &sc, Some(1)).unwrap(), &f.array_i64("edit/insert_scalar_ax1"));
    assert_array_equal(
        &insert(&ef, -1, &array![7i64, 8, 9], Some(1)).unwrap(),
        &f.array_i64("edit/insert_col_ax1"),
    );
    assert_array_equal(
        &insert(&e, 3, &array![5i64, 6, 7, 8], Some(0)).unwrap(),
        &f.array_i64("edit/insert_row_ax0"),
    );
    let rows = array![[1i64, 2, 3, 4], [5, 6, 7, 8]];
    assert_array_equal(&insert(&e, 0, &rows, Some(0)).unwrap(), &f.array_i64("edit/insert_rows_ax0"));
    assert_array_equal(&insert(&e, 4, &array![-1i64, -2], None).unwrap(), &f.array_i64("edit/insert_flat"));
    assert_array_equal(
        &insert(&e, 12, &sci_array::ndarray::arr0(0i64), None).unwrap(),
        &f.array_i64("edit/insert_end"),
    );
    let z = array![0i64, 0, 3, 0, 4, 0];
    assert_array_equal(&trim_zeros(&z, Trim::Front).into_dyn(), &f.array_i64("edit/trim_f"));
    assert_array_equal(&trim_zeros(&z, Trim::Back).into_dyn(), &f.array_i64("edit/trim_b"));
    assert_array_equal(&trim_zeros(&z, Trim::Both).into_dyn(), &f.array_i64("edit/trim_fb"));
    let (i2, z23, o14, s) =
        (Array2::<f64>::eye(2), Array2::<f64>::zeros((2, 3)), Array2::<f64>::ones((1, 4)), array![[7.0]]);
    let b = block(&[
        vec![i2.view().into_dyn(), z23.view().into_dyn()],
        vec![o14.view().into_dyn(), s.view().into_dyn()],
    ])
    .unwrap();
    assert_array_equal(&b, &f.array_f64("edit/block"));
    let (p, q, r) = (array![1.0, 2.0], array![3.0], array![4.0, 5.0, 6.0]);
    let b = block(&[vec![p.view().into_dyn(), q.view().into_dyn()], vec![r.view().into_dyn()]]).unwrap();
    assert_array_equal(&b, &f.array_f64("edit/block_1d"));
    let (u, v, w) =
        (Array3::<f64>::ones((2, 1, 2)), Array3::<f64>::zeros((2, 1, 3)), Array3::from_elem((2, 2, 5), 2.0));
    let b = block(&[vec![u.view().into_dyn(), v.view().into_dyn()], vec![w.view().into_dyn()]]).unwrap();
    assert_array_equal(&b, &f.array_f64("edit/block_3d"));
    assert_eq!(concatenate_flat(&[e.view(), e.t()]).len(), 24);
    assert_eq!(atleast_2d(&array![1, 2]).shape(), &[1, 2]);
    assert_eq!(atleast_3d(&sci_array::ndarray::arr0(1)).shape(), &[1, 1, 1]);
    assert_eq!(atleast_1d(&e).shape(), &[3, 4]);
}

#[test]
fn joining() {
    let a = array![[1, 2], [3, 4]];
    let b = array![[5, 6], [7, 8]];
    assert_eq!(concatenate(&[a.view(), b.view()], -1).unwrap(), array![[1, 2, 5, 6], [3, 4, 7, 8]]);
    let st = stack(&[a.view(), b.view()], 1).unwrap();
    assert_eq!(st.shape(), &[2, 2, 2]);
    assert_eq!(st.slice(s![.., 1, ..]), b);
    assert_eq!(vstack(&[a.view(), b.view()]).unwrap().shape(), &[4, 2]);
    assert_eq!(hstack(&[a.view(), b.view()]).unwrap().shape(), &[2, 4]);
    let d = dstack(&[a.view(), b.view()]).unwrap();
    assert_eq!(d.shape(), &[2, 2, 2]);
    assert_eq!(d[[1, 0, 1]], 7);
    let c = column_stack(&[array![1, 2].view().into_dyn(), array![[3], [4]].view().into_dyn()]).unwrap();
    assert_eq!(c, array![[1, 3], [2, 4]].into_dyn());
    // Non-contiguous inputs.
    let big = Array2::from_shape_fn((4, 4), |(i, j)| i * 4 + j);
    let v1 = big.slice(s![..;2, ..;-2]);
    assert_eq!(concatenate(&[v1, v1], 0).unwrap(), array![[3, 1], [11, 9], [3, 1], [11, 9]]);
    // Empty pieces take part.
    let e = Array2::<usize>::zeros((0, 2));
    assert_eq!(concatenate(&[e.view(), v1], 0).unwrap(), v1);
    assert_eq!(vstack(&[array![1.0, 2.0].view()]).unwrap(), array![[1.0, 2.0]].into_dyn());
}

#[test]
fn views_of_axes() {
    let x = Array3::from_shape_fn((1, 3, 1), |(_, j, _)| j);
    assert_eq!(squeeze(&x, None).unwrap(), array![0, 1, 2].into_dyn());
    assert_eq!(squeeze(&x, Some(&[-1])).unwrap().shape(), &[1, 3]);
    assert_eq!(expand_dims(&x, &[0, -1]).unwrap().shape(), &[1, 1, 3, 1, 1]);
    let a = array![[1, 2, 3], [4, 5, 6]];
    assert_eq!(swapaxes(&a, 1, 0).unwrap(), a.t());
    assert_eq!(flip(&a, None).unwrap(), array![[6, 5, 4], [3, 2, 1]]);
    assert_eq!(fliplr(&a).unwrap(), array![[3, 2, 1], [6, 5, 4]]);
    assert_eq!(flipud(&a).unwrap(), array![[4, 5, 6], [1, 2, 3]]);
    // Zero copy: the flipped view points into `a`.
    let fl = flip(&a, Some(1)).unwrap();
    assert_eq!(fl.as_ptr(), &a[[0, 2]] as *const i32);
    let rev = a.slice(s![.., ..;-1]);
    let r = rot90(&rev, 1, (0, 1)).unwrap();
    assert_eq!(r, array![[1, 4], [2, 5], [3, 6]]);
    let _: sci_array::ndarray::ArrayView<'_, i32, Ix2> = r;
    let one = array![5.0];
    let _: sci_array::ndarray::ArrayView<'_, f64, Ix1> = flip(&one, None).unwrap();
}

#[test]
fn complex_and_bool_elements() {
    use sci_array::num_complex::Complex64;
    let z = array![Complex64::new(1.0, 2.0), Complex64::new(-1.0, 0.5)];
    let p = pad(&z, &[(1, 1)], PadMode::LinearRamp(Complex64::new(0.0, 0.0))).unwrap();
    assert_eq!(p[0], Complex64::new(0.0, 0.0));
    assert_eq!(p[3], Complex64::new(0.0, 0.0));
    assert_eq!(roll(&z, 1, None).unwrap()[0], Complex64::new(-1.0, 0.5));
    let b = array![true, false];
    assert_eq!(tile(&b, &[2]), array![true, false, true, false].into_dyn());
    assert_eq!(repeat(&b, &[2, 0], Some(0)).unwrap(), array![true, true].into_dyn());
}

#[test]
fn bad_input_table() {
    let a = array![[1, 2], [3, 4]];
    let b = array![[1, 2, 3]];
    let v = array![1, 2, 3];
    let cases: Vec<(&str, Result<(), ArrayError>, &str)> = vec![
        ("concat empty", concatenate::<i32, Ix2>(&[], 0).map(drop), "need at least one array"),
        ("concat mismatch", concatenate(&[a.view(), b.view()], 0).map(drop), "along dimension 1"),
        ("concat axis", concatenate(&[a.view(), a.view()], 2).map(drop), "out of bounds"),
        (
            "concat ndim",
            concatenate(&[a.view().into_dyn(), v.view().into_dyn()], 0).map(drop),
            "same number of dimensions",
        ),
        ("stack shapes", stack(&[a.view(), b.view()], 0).map(drop), "same shape"),
        ("stack axis", stack(&[a.view(), a.view()], 3).map(drop), "out of bounds"),
        ("split unequal", split(&v, &Sections::Count(2), 0).map(drop), "equal division"),
        ("split zero", array_split(&v, &Sections::Count(0), 0).map(drop), "larger than 0"),
        ("vsplit 1-d", vsplit(&v, &Sections::Count(1)).map(drop), "2 or more dimensions"),
        ("repeat len", repeat(&v, &[1, 2], None).map(drop), "repeats"),
        ("repeat axis", repeat(&v, &[1], Some(1)).map(drop), "out of bounds"),
        ("pad widths", pad(&a, &[(1, 1), (1, 1), (1, 1)], PadMode::Edge).map(drop), "pad_width"),
        ("pad stat_length 0", pad(&a, &[(1, 1)], PadMode::Mean(Some(0))).map(drop), "stat_length of 0"),
        (
            "pad stat empty axis",
            pad(&Array2::<i32>::zeros((0, 2)), &[(1, 1)], PadMode::Median(None)).map(drop),
            "empty axis",
        ),
        ("roll axis", roll(&a, 1, Some(-3)).map(drop), "out of bounds"),
        ("roll_axes lengths", roll_axes(&a, &[1, 2], &[0, 1, 1]).map(drop), "same length"),
        ("roll_axes axis", roll_axes(&a, &[1], &[0, 2]).map(drop), "out of bounds"),
        ("rot90 same axes", rot90(&a, 1, (1, -1)).map(drop), "Axes must be different"),
        ("rot90 1-d", rot90(&v, 1, (0, 1)).map(drop), "at least 2-d"),
        ("swapaxes", swapaxes(&a, 0, 2).map(drop), "out of bounds"),
        ("moveaxis repeated", moveaxis(&a, &[0, 0], &[0, 1]).map(drop), "repeated axis"),
        ("moveaxis len", moveaxis(&a, &[0], &[0, 1]).map(drop), "same length"),
        ("squeeze non-1", squeeze(&a, Some(&[0])).map(drop), "size not equal to one"),
        ("expand_dims", expand_dims(&a, &[3]).map(drop), "out of bounds"),
        (
            "reshape size",
            reshape(&a, &[3], Order::C).map(drop),
            "cannot reshape array of size 4 into shape [3]",
        ),
        ("reshape two -1", reshape(&a, &[-1, -1], Order::C).map(drop), "only specify one unknown"),
        ("reshape negative", reshape(&a, &[-2, -2], Order::C).map(drop), "negative dimensions"),
        ("flip axis", flip(&a, Some(2)).map(drop), "out of bounds"),
        ("fliplr 1-d", fliplr(&v).map(drop), "at least 2 dimensions"),
        ("append ndim", append(&a, &v, Some(0)).map(drop), "same number of dimensions"),
        ("append axis", append(&a, &a, Some(2)).map(drop), "out of bounds"),
        ("delete index", delete(&a, &[2], Some(0)).map(drop), "index 2 is out of bounds"),
        ("delete axis", delete(&a, &[0], Some(-3)).map(drop), "out of bounds"),
        ("insert index", insert(&a, 3, &v, Some(0)).map(drop), "index 3 is out of bounds"),
        ("insert negative index", insert(&a, -3, &v, Some(0)).map(drop), "index -3 is out of bounds"),
        ("insert broadcast", insert(&a, 0, &v, Some(0)).map(drop), "could not be broadcast"),
        ("insert axis", insert(&a, 0, &v, Some(2)).map(drop), "out of bounds"),
        ("block empty", block::<i32>(&[]).map(drop), "cannot be empty"),
        ("block empty row", block::<i32>(&[vec![]]).map(drop), "cannot be empty"),
        (
            "block mismatch",
            block(&[vec![a.view().into_dyn()], vec![b.view().into_dyn()]]).map(drop),
            "dimension 1",
        ),
    ];
    for (name, r, msg) in cases {
        let e = r.expect_err(name).to_string();
        assert!(e.contains(msg), "{name}: {e}");
    }
}

#[test]
fn length_one_and_empty() {
    let one = array![7];
    assert_eq!(roll(&one, 5, Some(0)).unwrap(), one);
    assert_eq!(tile(&one, &[3]), array![7, 7, 7].into_dyn());
    let e = Array1::<i32>::zeros(0);
    assert_eq!(roll(&e, 3, None).unwrap().len(), 0);
    assert_eq!(roll(&e, 3, Some(0)).unwrap().len(), 0);
    assert_eq!(repeat(&e, &[3], None).unwrap().len(), 0);
    assert_eq!(array_split(&e, &Sections::Count(2), 0).unwrap().len(), 2);
    assert_eq!(ravel(&e, Order::F).len(), 0);
    assert_eq!(squeeze(&sci_array::ndarray::arr0(1), None).unwrap().ndim(), 0);
    let t = tile(&Array2::<i32>::zeros((0, 2)), &[3, 2]);
    assert_eq!(t.shape(), &[0, 4]);
    assert_eq!(repeat(&array![[1, 2]], &[2], Some(0)).unwrap().len_of(Axis(0)), 2);
}

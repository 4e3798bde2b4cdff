//! Sorting and searching against NumPy fixtures, plus bad input.

use sci_array::ndarray::{Array1, ArrayD, Axis, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_sorting.json")).unwrap()
}

fn as_i64<D: sci_array::ndarray::Dimension>(a: sci_array::ndarray::Array<usize, D>) -> ArrayD<i64> {
    a.mapv(|x| x as i64).into_dyn()
}

#[test]
fn sort_and_argsort_match_numpy() {
    let f = fx();
    let a = f.array_f64("sort_f64/a");
    assert_allclose(&sort(&a, 0, SortKind::QuickSort).unwrap(), &f.array_f64("sort_f64/axis0"), 0.0, 0.0);
    assert_allclose(&sort(&a, 1, SortKind::Stable).unwrap(), &f.array_f64("sort_f64/axis1"), 0.0, 0.0);
    assert_eq!(as_i64(argsort(&a, 0, SortKind::Stable).unwrap()), f.array_i64("sort_f64/arg0"));
    assert_eq!(as_i64(argsort(&a, -1, SortKind::Stable).unwrap()), f.array_i64("sort_f64/arg1"));
    // Large inputs take the radix path.
    let big = f.array_f64("sort_big_f64/a");
    assert_allclose(&sort(&big, 0, SortKind::QuickSort).unwrap(), &f.array_f64("sort_big_f64/out"), 0.0, 0.0);
    assert_eq!(as_i64(argsort(&big, 0, SortKind::Stable).unwrap()), f.array_i64("sort_big_f64/arg"));
    let bi = f.array_i64("sort_big_i64/a");
    assert_eq!(sort(&bi, 0, SortKind::QuickSort).unwrap(), f.array_i64("sort_big_i64/out"));
    assert_eq!(as_i64(argsort(&bi, 0, SortKind::Stable).unwrap()), f.array_i64("sort_big_i64/arg"));
    let ii = f.array_i64("sort_i64_ties/a");
    assert_eq!(as_i64(argsort(&ii, 0, SortKind::Stable).unwrap()), f.array_i64("sort_i64_ties/arg0"));
    assert_eq!(as_i64(argsort(&ii, 1, SortKind::Stable).unwrap()), f.array_i64("sort_i64_ties/arg1"));
    assert_eq!(sort(&ii, -1, SortKind::QuickSort).unwrap(), f.array_i64("sort_i64_ties/axis1"));
}

#[test]
fn sort_views_types_and_edges() {
    let a = array![[3.0f32, -1.0, 2.0, f32::NAN], [0.5, -0.0, 9.0, -4.0]];
    let v = a.slice(s![.., ..;-1]);
    let r = sort(&v, 1, SortKind::QuickSort).unwrap();
    assert_eq!(r.row(1), array![-4.0, -0.0, 0.5, 9.0]);
    assert!(r[[0, 3]].is_nan());
    let mut m = a.clone();
    sort_inplace(&mut m, 0, SortKind::Stable).unwrap();
    assert_eq!(m.column(1), array![-1.0, 0.0]);
    // Empty, length-1, bool, u8, complex.
    assert_eq!(sort(&Array1::<f64>::zeros(0), 0, SortKind::QuickSort).unwrap().len(), 0);
    assert_eq!(sort(&array![7i8], 0, SortKind::QuickSort).unwrap(), array![7i8]);
    assert_eq!(sort(&array![true, false, true], 0, SortKind::QuickSort).unwrap(), array![false, true, true]);
    assert_eq!(argsort(&array![200u8, 3, 100], 0, SortKind::QuickSort).unwrap(), array![1, 2, 0]);
    let c = array![C::new(f64::NAN, 0.0), C::new(1.0, f64::NAN), C::new(1.0, 2.0), C::new(-1.0, 5.0)];
    let sc = sort(&c, 0, SortKind::QuickSort).unwrap();
    assert_eq!(sc[0], C::new(-1.0, 5.0));
    assert_eq!(sc[1], C::new(1.0, 2.0));
    assert!(sc[2].im.is_nan() && sc[3].re.is_nan());
    assert_eq!(
        sort_complex(&array![C::new(2.0, 0.0), C::new(1.0, 1.0)]),
        array![C::new(1.0, 1.0), C::new(2.0, 0.0)]
    );
    // f32 radix path with NaN and signed zeros, and a strided column.
    let n = 10_000;
    let big = Array1::from_iter(
        (0..n).map(|i| if i % 37 == 0 { f32::NAN } else { ((i * 7919) % 1001) as f32 - 500.0 }),
    );
    let s1 = sort(&big, 0, SortKind::QuickSort).unwrap();
    let mut want = big.to_vec();
    want.sort_by(|x, y| x.cmp_nan_last(y));
    assert_allclose(&s1, &Array1::from(want), 0.0, 0.0);
    let m2 = big.clone().into_shape_with_order((n / 2, 2)).unwrap();
    let col = sort(&m2, 0, SortKind::Stable).unwrap();
    let mut wc = m2.column(1).to_vec();
    wc.sort_by(|x, y| x.cmp_nan_last(y));
    assert_allclose(&col.column(1).to_owned(), &Array1::from(wc), 0.0, 0.0);
}

#[test]
fn lexsort_and_searchsorted_match_numpy() {
    let f = fx();
    let k = |p: &str| f.array_i64(p).into_dimensionality::<Ix1>().unwrap();
    let (k1, k2, k3) = (k("lexsort/k1"), k("lexsort/k2"), k("lexsort/k3"));
    let r = lexsort(&[k1.view(), k2.view(), k3.view()]).unwrap();
    assert_eq!(as_i64(r), f.array_i64("lexsort/out"));
    let a = f.array_f64("searchsorted/a").into_dimensionality::<Ix1>().unwrap();
    let v = f.array_f64("searchsorted/v");
    assert_eq!(as_i64(searchsorted(&a, &v, Side::Left, None).unwrap()), f.array_i64("searchsorted/left"));
    assert_eq!(as_i64(searchsorted(&a, &v, Side::Right, None).unwrap()), f.array_i64("searchsorted/right"));
    let u = f.array_f64("searchsorted_sorter/a").into_dimensionality::<Ix1>().unwrap();
    let srt = k("searchsorted_sorter/sorter").mapv(|x| x as usize);
    let r = searchsorted(&u, &f.array_f64("searchsorted_sorter/v"), Side::Left, Some(&srt.view())).unwrap();
    assert_eq!(as_i64(r), f.array_i64("searchsorted_sorter/out"));
    assert_eq!(searchsorted(&Array1::<f64>::zeros(0), &array![1.0], Side::Left, None).unwrap(), array![0]);
}

#[test]
fn partition_puts_kth_in_sorted_place() {
    let f = fx();
    let a = f.array_f64("partition/a").into_dimensionality::<Ix2>().unwrap();
    let sorted1 = f.array_f64("partition/sorted1").into_dimensionality::<Ix2>().unwrap();
    let sorted0 = f.array_f64("partition/sorted0").into_dimensionality::<Ix2>().unwrap();
    for kth in [vec![0isize], vec![5], vec![-1], vec![2, 7, 9]] {
        let p = partition(&a, &kth, 1).unwrap();
        let ip = argpartition(&a, &kth, 1).unwrap();
        for r in 0..a.nrows() {
            let taken = ip.row(r).mapv(|i| a[[r, i]]);
            for q in [p.row(r).to_owned(), taken] {
                for &k in &kth {
                    let k = if k < 0 { (k + 11) as usize } else { k as usize };
                    assert_eq!(q[k], sorted1[[r, k]]);
                    assert!(q.iter().take(k).all(|&x| x <= q[k]));
                    assert!(q.iter().skip(k + 1).all(|&x| x >= q[k]));
                }
            }
        }
    }
    let p0 = partition(&a, &[1], 0).unwrap();
    assert_eq!(p0.index_axis(Axis(0), 1), sorted0.index_axis(Axis(0), 1));
    let n = partition(&array![3.0, f64::NAN, -1.0], &[2], 0).unwrap();
    assert!(n[2].is_nan());
}

#[test]
fn bad_input_is_an_error() {
    let a = array![[3, 1], [2, 4]];
    let x = array![1, 2];
    let bad: Vec<(&str, Result<()>)> = vec![
        ("sort axis", sort(&a, 2, SortKind::QuickSort).map(drop)),
        ("sort axis neg", sort(&a, -3, SortKind::QuickSort).map(drop)),
        ("argsort axis", argsort(&x, 1, SortKind::Stable).map(drop)),
        ("lexsort empty", lexsort::<i32>(&[]).map(drop)),
        ("lexsort lengths", lexsort(&[x.view(), array![1, 2, 3].view()]).map(drop)),
        ("partition kth", partition(&x, &[2], 0).map(drop)),
        ("partition kth neg", partition(&x, &[-3], 0).map(drop)),
        ("argpartition axis", argpartition(&x, &[0], 1).map(drop)),
        ("searchsorted sorter len", searchsorted(&x, &x, Side::Left, Some(&array![0usize].view())).map(drop)),
        (
            "searchsorted sorter oob",
            searchsorted(&x, &x, Side::Left, Some(&array![0usize, 9].view())).map(drop),
        ),
    ];
    for (name, r) in bad {
        assert!(r.is_err(), "{name} should fail");
    }
    assert_eq!(
        sort(&a, 2, SortKind::QuickSort).unwrap_err(),
        ArrayError::AxisOutOfBounds { arg: "axis", axis: 2, ndim: 2 }
    );
}

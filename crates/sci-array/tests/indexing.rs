//! Integer-array and boolean-mask indexing against NumPy fixtures, plus bad input.

use sci_array::ndarray::{Array1, ArrayD, Ix1, Ix2, Ix3, arr0, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_indexing.json")).unwrap()
}

fn idx1(f: &Fixture, p: &str) -> Array1<i64> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn tutorial_examples() {
    let a = Array1::from_iter(1..10).into_shape_with_order((3, 3)).unwrap();
    assert_eq!(fancy_index(&a, &[&array![0, 1, 2], &array![0, 1, 2]]).unwrap(), array![1, 5, 9].into_dyn());
    let a = Array1::from_iter(1..6);
    assert_eq!(mask_select(&a, &a.mapv(|x| x > 2)).unwrap(), array![3, 4, 5]);
    let mut z = Array1::from_iter(0..11);
    let m = z.mapv(|x| 3 < x && x <= 8);
    mask_apply(&mut z, &m, |x| -x).unwrap();
    assert_eq!(z, array![0, 1, 2, 3, -4, -5, -6, -7, -8, 9, 10]);
}

#[test]
fn fancy_matches_numpy() {
    let f = fx();
    for (case, n) in [("fancy_2d", 2), ("fancy_rows", 1), ("fancy_3d_bcast", 2)] {
        let a = f.array_f64(&format!("{case}/a"));
        let i0 = idx1(&f, &format!("{case}/i0"));
        let r = if n == 2 {
            let i1 = idx1(&f, &format!("{case}/i1"));
            fancy_index(&a, &[&i0, &i1]).unwrap()
        } else {
            fancy_index(&a, &[&i0]).unwrap()
        };
        assert_allclose(&r, &f.array_f64(&format!("{case}/out")), 0.0, 0.0);
    }
}

#[test]
fn take_matches_numpy() {
    let f = fx();
    let a = f.array_f64("take_flat/a");
    let r = take(&a, &f.array_i64("take_flat/idx"), None, TakeMode::Raise).unwrap();
    assert_allclose(&r, &f.array_f64("take_flat/out"), 0.0, 0.0);
    let a3 = f.array_f64("take_axis0/a");
    let r = take(&a3, &f.array_i64("take_axis0/idx"), Some(0), TakeMode::Raise).unwrap();
    assert_allclose(&r, &f.array_f64("take_axis0/out"), 0.0, 0.0);
    let r = take(&a3, &f.array_i64("take_axis1_2d_idx/idx"), Some(1), TakeMode::Raise).unwrap();
    assert_allclose(&r, &f.array_f64("take_axis1_2d_idx/out"), 0.0, 0.0);
    for (case, mode) in [("take_wrap", TakeMode::Wrap), ("take_clip", TakeMode::Clip)] {
        let r = take(&a, &f.array_i64(&format!("{case}/idx")), Some(1), mode).unwrap();
        assert_allclose(&r, &f.array_f64(&format!("{case}/out")), 0.0, 0.0);
    }
    // Non-contiguous, reversed view.
    let v = a.view().into_dimensionality::<Ix2>().unwrap();
    let v = v.slice(s![..;2, ..;-1]);
    assert_eq!(
        take(&v, &array![0usize, 5], Some(1), TakeMode::Raise).unwrap(),
        v.select(sci_array::ndarray::Axis(1), &[0, 5]).into_dyn()
    );
    // Empty indices.
    assert_eq!(take(&a, &Array1::<i64>::zeros(0), Some(0), TakeMode::Raise).unwrap().shape(), &[0, 6]);
}

#[test]
fn flat_take_in_every_mode_matches_numpy() {
    let f = fx();
    let a = f.array_f64("take_flat_wrap/a");
    let i = f.array_i64("take_flat_wrap/idx");
    assert_allclose(
        &take(&a, &i, None, TakeMode::Wrap).unwrap(),
        &f.array_f64("take_flat_wrap/out"),
        0.0,
        0.0,
    );
    assert_allclose(
        &take(&a, &i, None, TakeMode::Clip).unwrap(),
        &f.array_f64("take_flat_clip/out"),
        0.0,
        0.0,
    );
    // The flattened view `a[::-1, ::2]`, with non-contiguous (transposed) indices.
    let a2 = a.view().into_dimensionality::<Ix2>().unwrap();
    let v = a2.slice(s![..;-1, ..;2]);
    let iv = f.array_i64("take_flat_view/idx");
    let it = iv.t().to_owned();
    let got = take(&v, &it.t(), None, TakeMode::Raise).unwrap();
    assert_allclose(&got, &f.array_f64("take_flat_view/out"), 0.0, 0.0);
    assert_eq!(take(&v, &iv, None, TakeMode::Raise).unwrap(), got);
}

#[test]
fn large_flat_take_matches_a_plain_loop() {
    // Long enough for the threaded gather; every index type, negative and out-of-range ones.
    let n = 1000usize;
    let x = Array1::from_iter((0..n).map(|i| i as f64 * 0.5 - 3.0));
    let mut s = 12345u64;
    let raw: Vec<i64> = (0..200_000)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 33) as i64 % 3000 - 1500
        })
        .collect();
    let raise: Array1<i64> = raw.iter().map(|&k| k.clamp(-(n as i64), n as i64 - 1)).collect();
    let want: Array1<f64> = raise.iter().map(|&k| x[k.rem_euclid(n as i64) as usize]).collect();
    assert_eq!(take(&x, &raise, None, TakeMode::Raise).unwrap(), want.clone().into_dyn());
    assert_eq!(take(&x, &raise.mapv(|k| k as i32), None, TakeMode::Raise).unwrap(), want.into_dyn());
    let raw = Array1::from(raw);
    let wrap: Array1<f64> = raw.iter().map(|&k| x[k.rem_euclid(n as i64) as usize]).collect();
    assert_eq!(take(&x, &raw, None, TakeMode::Wrap).unwrap(), wrap.into_dyn());
    let clip: Array1<f64> = raw.iter().map(|&k| x[k.clamp(0, n as i64 - 1) as usize]).collect();
    assert_eq!(take(&x, &raw, None, TakeMode::Clip).unwrap(), clip.into_dyn());
    let pos = raise.mapv(|k| k.rem_euclid(n as i64) as u64);
    assert_eq!(
        take(&x, &pos, None, TakeMode::Raise).unwrap(),
        take(&x, &raise, None, TakeMode::Raise).unwrap()
    );
    // The first out-of-range index is the one reported, wherever it is.
    let mut bad = raise.clone();
    bad[150_000] = n as i64;
    bad[190_000] = -(n as i64) - 7;
    let e = take(&x, &bad, None, TakeMode::Raise).unwrap_err();
    assert_eq!(e, ArrayError::IndexOutOfBounds { arg: "indices", index: n as isize, axis: 0, size: n });
    // An index beyond isize is out of range in every mode.
    let mut huge = pos.clone();
    huge[100_000] = u64::MAX;
    for mode in [TakeMode::Raise, TakeMode::Wrap, TakeMode::Clip] {
        let e = take(&x, &huge, None, mode).unwrap_err();
        assert_eq!(e, ArrayError::IndexOutOfBounds { arg: "indices", index: isize::MAX, axis: 0, size: n });
    }
    // i64::MAX itself fits and wraps.
    let wrapped = take(&x, &array![i64::MAX], None, TakeMode::Wrap).unwrap();
    assert_eq!(wrapped[0], x[(i64::MAX % n as i64) as usize]);
}

#[test]
fn take_along_axis_and_put_match_numpy() {
    let f = fx();
    let a3 = f.array_f64("take_along_sorted/a").into_dimensionality::<Ix3>().unwrap();
    let i = f.array_i64("take_along_sorted/idx").into_dimensionality::<Ix3>().unwrap();
    let r = take_along_axis(&a3, &i, 2).unwrap();
    assert_allclose(&r.into_dyn(), &f.array_f64("take_along_sorted/out"), 0.0, 0.0);
    let i = f.array_i64("take_along_bcast/idx").into_dimensionality::<Ix3>().unwrap();
    let r = take_along_axis(&a3, &i, -2).unwrap();
    assert_allclose(&r.into_dyn(), &f.array_f64("take_along_bcast/out"), 0.0, 0.0);
    let mut p = f.array_f64("put/a");
    put(
        &mut p,
        &f.array_i64("put/idx"),
        &f.array_f64("put/v").into_dimensionality::<Ix1>().unwrap(),
        TakeMode::Raise,
    )
    .unwrap();
    assert_allclose(&p, &f.array_f64("put/out"), 0.0, 0.0);
}

#[test]
fn masks_match_numpy() {
    let f = fx();
    let a = f.array_f64("mask_select/a");
    let m = f.array_bool("mask_select/mask");
    assert_allclose(&mask_select(&a, &m).unwrap().into_dyn(), &f.array_f64("mask_select/out"), 0.0, 0.0);
    let mut b = a.clone();
    mask_assign(&mut b, &m, -1.0).unwrap();
    assert_allclose(&b, &f.array_f64("mask_assign/out"), 0.0, 0.0);
    let mut b = a.clone();
    mask_apply(&mut b, &m, |x| x * -2.0).unwrap();
    assert_allclose(&b, &f.array_f64("mask_apply/out"), 0.0, 0.0);
    // Non-contiguous views take the general path and must agree with the contiguous one.
    let big = Array1::from_iter((0..1000).map(|i| i as f64));
    let mv = big.mapv(|x| (x as i64 * 7919) % 3 == 0);
    let fast = mask_select(&big, &mv).unwrap();
    let slow: Vec<f64> = big.iter().zip(&mv).filter(|(_, m)| **m).map(|(x, _)| *x).collect();
    assert_eq!(fast.to_vec(), slow);
    let rv = big.slice(s![..;-3]);
    let rm = mv.slice(s![..;-3]);
    let want: Vec<f64> = rv.iter().zip(&rm).filter(|(_, m)| **m).map(|(x, _)| *x).collect();
    assert_eq!(mask_select(&rv, &rm).unwrap().to_vec(), want);
    // Empty and all-false.
    let e = Array1::<f64>::zeros(0);
    assert_eq!(mask_select(&e, &Array1::from_elem(0, true)).unwrap().len(), 0);
    assert_eq!(mask_select(&big, &Array1::from_elem(1000, false)).unwrap().len(), 0);
}

#[test]
fn where_nonzero_compress_match_numpy() {
    let f = fx();
    let c = f.array_bool("where_bcast/cond");
    let r = where_(&c, &f.array_f64("where_bcast/x"), &arr0(f.f64("where_bcast/y"))).unwrap();
    assert_allclose(&r, &f.array_f64("where_bcast/out"), 0.0, 0.0);
    let nz = f.array_f64("nonzero/a");
    let n = nonzero(&nz);
    assert_eq!(n[0].mapv(|x| x as i64).into_dyn(), f.array_i64("nonzero/out0"));
    assert_eq!(n[1].mapv(|x| x as i64).into_dyn(), f.array_i64("nonzero/out1"));
    assert_eq!(argwhere(&nz).mapv(|x| x as i64).into_dyn(), f.array_i64("nonzero/argwhere"));
    assert_eq!(count_nonzero(&nz) as i64, f.i64("nonzero/count"));
    assert_eq!(count_nonzero_axis(&nz, 0).unwrap().mapv(|x| x as i64), f.array_i64("nonzero/count0"));
    assert_eq!(count_nonzero_axis(&nz, -1).unwrap().mapv(|x| x as i64), f.array_i64("nonzero/count1"));
    let cond = f.array_bool("compress/cond").into_dimensionality::<Ix1>().unwrap();
    let a = f.array_f64("compress/a");
    assert_allclose(&compress(&cond, &a, Some(0)).unwrap(), &f.array_f64("compress/axis0"), 0.0, 0.0);
    assert_allclose(&compress(&cond, &a, Some(1)).unwrap(), &f.array_f64("compress/axis1"), 0.0, 0.0);
    assert_allclose(&compress(&cond, &a, None).unwrap(), &f.array_f64("compress/flat"), 0.0, 0.0);
    let ec = f.array_bool("extract/cond");
    assert_allclose(&extract(&ec, &a).unwrap().into_dyn(), &f.array_f64("extract/out"), 0.0, 0.0);
    let mut p = a.clone();
    place(&mut p, &ec, &f.array_f64("place/v").into_dimensionality::<Ix1>().unwrap()).unwrap();
    assert_allclose(&p, &f.array_f64("place/out"), 0.0, 0.0);
    let mut p = a.clone();
    putmask(&mut p, &ec, &f.array_f64("putmask/v").into_dimensionality::<Ix1>().unwrap()).unwrap();
    assert_allclose(&p, &f.array_f64("putmask/out"), 0.0, 0.0);
}

#[test]
fn bad_input_is_an_error() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let m3 = Array1::from_elem(3, true);
    type Check = Box<dyn Fn() -> std::result::Result<(), ArrayError>>;
    let a2 = a.clone();
    let cases: Vec<(&str, Check)> = vec![
        ("fancy out of range", Box::new(move || fancy_index(&a2, &[&array![2]]).map(drop))),
        ("fancy too many", Box::new(|| fancy_index(&array![1, 2], &[&array![0], &array![0]]).map(drop))),
        (
            "fancy bcast",
            Box::new(|| fancy_index(&array![[1, 2], [3, 4]], &[&array![0, 1], &array![0, 1, 0]]).map(drop)),
        ),
        ("take raise", Box::new(|| take(&array![1, 2], &array![-3], None, TakeMode::Raise).map(drop))),
        ("take axis", Box::new(|| take(&array![1, 2], &array![0], Some(1), TakeMode::Raise).map(drop))),
        (
            "take wrap empty",
            Box::new(|| take(&Array1::<f64>::zeros(0), &array![0], None, TakeMode::Wrap).map(drop)),
        ),
        (
            "take_along bcast",
            Box::new(|| take_along_axis(&array![[1, 2], [3, 4]], &array![[0], [0], [0]], 1).map(drop)),
        ),
        ("take_along oob", Box::new(|| take_along_axis(&array![[1, 2]], &array![[2]], 1).map(drop))),
        ("put oob", Box::new(|| put(&mut array![1, 2], &array![5], &array![0], TakeMode::Raise))),
        (
            "put empty values",
            Box::new(|| put(&mut array![1, 2], &array![0], &Array1::<i32>::zeros(0), TakeMode::Raise)),
        ),
        ("mask shape", Box::new(move || mask_select(&array![1, 2], &m3).map(drop))),
        ("mask assign shape", Box::new(|| mask_assign(&mut array![1, 2], &array![true], 0))),
        ("where bcast", Box::new(|| where_(&array![true, false], &array![1, 2, 3], &arr0(0)).map(drop))),
        ("count axis", Box::new(|| count_nonzero_axis(&array![1, 2], 1).map(drop))),
        ("compress long", Box::new(|| compress(&array![false, false, true], &array![1, 2], None).map(drop))),
        ("extract long", Box::new(|| extract(&array![0, 0, 1], &array![1, 2]).map(drop))),
        (
            "place empty",
            Box::new(|| place(&mut array![1, 2], &array![true, false], &Array1::<i32>::zeros(0))),
        ),
    ];
    for (name, f) in cases {
        assert!(f().is_err(), "{name} should fail");
    }
    let e = fancy_index(&a, &[&array![5]]).unwrap_err();
    assert_eq!(e, ArrayError::IndexOutOfBounds { arg: "indices", index: 5, axis: 0, size: 2 });
    let _: ArrayD<f64> = fancy_index(&a, &[&array![-2]]).unwrap();
}

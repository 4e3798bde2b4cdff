//! Edge cases: bad input (table-driven), f32, non-contiguous views, empty axes, NaN.

use sci_array::ndarray::{Array1, Array2, Array3, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_fft::*;

#[test]
fn bad_input_is_a_typed_error() {
    let x = array![1.0, 2.0, 3.0];
    let x2 = Array2::<f64>::zeros((2, 3));
    let empty = Array1::<f64>::zeros(0);
    let cases: Vec<(&str, Result<(), FftError>, fn(&FftError) -> bool)> = vec![
        ("fft n=0", fft(&x, Some(0), -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { n: 0, .. })
        }),
        ("fft empty", fft(&empty, None, -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { .. })
        }),
        ("fft axis", fft(&x, None, 1, Norm::Backward).map(drop), |e| matches!(e, FftError::Array(_))),
        ("ifft axis", ifft(&x, None, -2, Norm::Backward).map(drop), |e| matches!(e, FftError::Array(_))),
        ("rfft n=0", rfft(&x, Some(0), -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { .. })
        }),
        ("irfft 1 bin", irfft(&array![1.0], None, -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { n: 0, .. })
        }),
        ("fft2 on 1-d", fft2(&x, None, None, Norm::Backward).map(drop), |e| matches!(e, FftError::Array(_))),
        ("fftn repeated axes", fftn(&x2, None, Some(&[0, 0]), Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidValue { arg: "axes", .. })
        }),
        ("fftn s/axes length", fftn(&x2, Some(&[2]), Some(&[0, 1]), Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidValue { arg: "s", .. })
        }),
        ("fftn s too long", fftn(&x, Some(&[2, 2]), None, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidValue { arg: "s", .. })
        }),
        ("fftn s=0", fftn(&x2, Some(&[0, 2]), None, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { .. })
        }),
        ("rfftn no axes", rfftn(&x2, None, Some(&[]), Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidValue { .. })
        }),
        ("dct1 n=1", dct(&array![1.0], DctType::I, None, -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { .. })
        }),
        ("dst empty", dst(&empty, DctType::II, None, -1, Norm::Backward).map(drop), |e| {
            matches!(e, FftError::InvalidLength { .. })
        }),
        ("fftfreq n=0", fftfreq(0, 1.0).map(drop), |e| matches!(e, FftError::InvalidLength { .. })),
        ("rfftfreq d=0", rfftfreq(4, 0.0).map(drop), |e| {
            matches!(e, FftError::InvalidValue { arg: "d", .. })
        }),
        ("fftshift axis", fftshift(&x, Some(&[3])).map(drop), |e| matches!(e, FftError::Array(_))),
    ];
    for (name, res, check) in cases {
        let err = res.expect_err(name);
        assert!(check(&err), "{name}: unexpected error {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn f32_matches_f64() {
    let x64 = Array1::from_shape_fn(30, |i| ((i * i) as f64 * 0.37).sin());
    let x32 = x64.mapv(|v| v as f32);
    let y64 = fft(&x64, None, -1, Norm::Backward).unwrap();
    let y32 = fft(&x32, None, -1, Norm::Backward).unwrap();
    let y32_as64 = y32.mapv(|z| Complex64::new(z.re as f64, z.im as f64));
    // Single precision: round-off of a length-30 transform is a few 1e-7 of the largest bin.
    assert_allclose(&y32_as64, &y64, 1e-5, 1e-5);
    let r32 = rfft(&x32, None, -1, Norm::Ortho).unwrap();
    let back = irfft(&r32, Some(30), -1, Norm::Ortho).unwrap();
    assert_allclose(&back, &x32, 1e-5, 1e-6);
    let d32 = dct(&x32, DctType::II, None, -1, Norm::Ortho).unwrap();
    let d64 = dct(&x64, DctType::II, None, -1, Norm::Ortho).unwrap();
    assert_allclose(&d32.mapv(f64::from), &d64, 1e-5, 1e-5);
    let c: Array1<Complex32> = x32.mapv(|v| Complex32::new(v, -v));
    let back = ifft(&fft(&c, None, 0, Norm::Forward).unwrap(), None, 0, Norm::Forward).unwrap();
    assert_allclose(&back, &c, 1e-5, 1e-6);
}

#[test]
fn integer_input_computes_in_f64() {
    let y = fft(&array![1i64, 2, 3, 4], None, -1, Norm::Backward).unwrap();
    assert_allclose(
        &y,
        &array![
            Complex64::new(10.0, 0.0),
            Complex64::new(-2.0, 2.0),
            Complex64::new(-2.0, 0.0),
            Complex64::new(-2.0, -2.0)
        ],
        1e-15,
        1e-15,
    );
}

#[test]
fn non_contiguous_and_reversed_views() {
    let a = Array3::from_shape_fn((4, 6, 5), |(i, j, k)| {
        (i as f64 * 1.3 - j as f64 * 0.7 + k as f64 * k as f64 * 0.1).cos()
    });
    let v = a.slice(s![..;2, ..;-1, 1..]);
    let owned = v.to_owned();
    for axis in [0isize, 1, 2] {
        assert_allclose(
            &fft(&v, None, axis, Norm::Backward).unwrap(),
            &fft(&owned, None, axis, Norm::Backward).unwrap(),
            0.0,
            0.0,
        );
        assert_allclose(
            &rfft(&v, Some(5), axis, Norm::Ortho).unwrap(),
            &rfft(&owned, Some(5), axis, Norm::Ortho).unwrap(),
            0.0,
            0.0,
        );
        assert_allclose(
            &dct(&v, DctType::IV, None, axis, Norm::Backward).unwrap(),
            &dct(&owned, DctType::IV, None, axis, Norm::Backward).unwrap(),
            0.0,
            0.0,
        );
    }
    assert_allclose(
        &fftn(&v, None, None, Norm::Backward).unwrap(),
        &fftn(&owned, None, None, Norm::Backward).unwrap(),
        0.0,
        0.0,
    );
    assert_eq!(fftshift(&v, None).unwrap(), fftshift(&owned, None).unwrap());
}

#[test]
fn empty_other_axes_give_empty_output() {
    let x = Array2::<f64>::zeros((0, 4));
    assert_eq!(fft(&x, None, 1, Norm::Backward).unwrap().shape(), &[0, 4]);
    assert_eq!(rfft(&x, None, 1, Norm::Backward).unwrap().shape(), &[0, 3]);
    assert_eq!(irfft(&x, None, 1, Norm::Backward).unwrap().shape(), &[0, 6]);
    assert_eq!(dct(&x, DctType::II, None, 1, Norm::Backward).unwrap().shape(), &[0, 4]);
    assert_eq!(fftshift(&x, None).unwrap().shape(), &[0, 4]);
}

#[test]
fn nan_and_length_one() {
    let y = fft(&array![1.0, f64::NAN, 2.0], None, -1, Norm::Backward).unwrap();
    assert!(y.iter().all(|z| z.re.is_nan()));
    let one = fft(&array![Complex64::new(3.0, -1.0)], None, -1, Norm::Ortho).unwrap();
    assert_eq!(one, array![Complex64::new(3.0, -1.0)]);
    assert_eq!(dct(&array![2.5], DctType::II, None, -1, Norm::Backward).unwrap(), array![5.0]);
}

#[test]
fn plans_are_shared_across_threads() {
    let x = Array1::from_shape_fn(64, |i| i as f64);
    let want = fft(&x, None, -1, Norm::Backward).unwrap();
    std::thread::scope(|sc| {
        for _ in 0..4 {
            sc.spawn(|| {
                for _ in 0..10 {
                    assert_eq!(fft(&x, None, -1, Norm::Backward).unwrap(), want);
                }
            });
        }
    });
}

#[test]
fn large_arrays_split_over_threads_give_identical_results() {
    // 400 x 300 = 120_000 outputs: above the parallel threshold.
    let x = Array2::from_shape_fn((400, 300), |(i, j)| ((i * 7 + j * 3) as f64 * 0.01).sin());
    for axis in [0usize, 1] {
        let y = fft(&x, None, axis as isize, Norm::Backward).unwrap();
        let r = rfft(&x, None, axis as isize, Norm::Ortho).unwrap();
        let d = dct(&x, DctType::II, None, axis as isize, Norm::Backward).unwrap();
        for k in [0usize, 17, 299] {
            let lane = x.index_axis(sci_array::ndarray::Axis(1 - axis), k).to_owned();
            let want = fft(&lane, None, 0, Norm::Backward).unwrap();
            assert_eq!(y.index_axis(sci_array::ndarray::Axis(1 - axis), k), want);
            let want = rfft(&lane, None, 0, Norm::Ortho).unwrap();
            assert_eq!(r.index_axis(sci_array::ndarray::Axis(1 - axis), k), want);
            let want = dct(&lane, DctType::II, None, 0, Norm::Backward).unwrap();
            assert_eq!(d.index_axis(sci_array::ndarray::Axis(1 - axis), k), want);
        }
    }
}

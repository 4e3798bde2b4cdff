//! Bad input (table-driven), f32, non-contiguous views and empty inputs for sci-signal.

use sci_array::ndarray::{Array1, Array2, Array3, array, s};
use sci_array::testing::assert_allclose;
use sci_signal::*;

#[test]
fn bad_input_is_a_typed_error() {
    let x = Array1::from_shape_fn(10, |i| i as f64);
    let (b, a) = (array![1.0, 2.0], array![1.0, -0.5]);
    let empty = Array1::<f64>::zeros(0);
    let sos_bad = array![[1.0, 0.0, 0.0, 2.0, 0.0, 0.0]];
    let sos_shape = array![[1.0, 0.0, 0.0, 1.0, 0.0]];
    type Check = fn(&SignalError) -> bool;
    let inv: Check = |e| matches!(e, SignalError::InvalidValue { .. });
    let wn: Check = |e| matches!(e, SignalError::InvalidValue { arg: "Wn", .. });
    let cases: Vec<(&str, Result<(), SignalError>, Check)> = vec![
        ("Wn >= 1", butter(2, &[1.0], BType::Lowpass, false, None).map(drop), wn),
        ("Wn = 0", butter(2, &[0.0], BType::Lowpass, false, None).map(drop), wn),
        ("Wn negative analog", butter(2, &[-1.0], BType::Lowpass, true, None).map(drop), wn),
        ("Wn >= fs/2", butter(2, &[600.0], BType::Highpass, false, Some(1000.0)).map(drop), wn),
        ("Wn pair for lowpass", butter(2, &[0.1, 0.2], BType::Lowpass, false, None).map(drop), wn),
        ("Wn scalar for bandpass", butter(2, &[0.1], BType::Bandpass, false, None).map(drop), wn),
        ("Wn decreasing", butter(2, &[0.3, 0.2], BType::Bandstop, false, None).map(drop), wn),
        ("fs with analog", butter(2, &[10.0], BType::Lowpass, true, Some(100.0)).map(drop), |e| {
            matches!(e, SignalError::InvalidValue { arg: "fs", .. })
        }),
        ("fs negative", butter(2, &[10.0], BType::Lowpass, false, Some(-100.0)).map(drop), |e| {
            matches!(e, SignalError::InvalidValue { arg: "fs", .. })
        }),
        (
            "improper zpk",
            bilinear_zpk(&array![0.0.into(), 1.0.into()], &array![0.5.into()], 1.0, 2.0).map(drop),
            inv,
        ),
        (
            "unpaired zpk2tf",
            zpk2tf(&array![], &array![sci_array::num_complex::Complex64::new(0.1, 0.5)], 1.0).map(drop),
            inv,
        ),
        ("cheby1 rp <= 0", cheby1(3, 0.0, &[0.2], BType::Lowpass, false, None).map(drop), inv),
        ("cheby2 rs NaN", cheby2(3, f64::NAN, &[0.2], BType::Lowpass, false, None).map(drop), inv),
        ("cheby2 Wn >= 1", cheby2(3, 40.0, &[1.5], BType::Lowpass, false, None).map(drop), wn),
        ("tf2zpk zero a", tf2zpk(&b, &array![0.0, 0.0]).map(drop), inv),
        ("tf2zpk empty b", tf2zpk(&empty, &a).map(drop), inv),
        ("lfilter empty b", lfilter(&empty, &a, &x, -1).map(drop), inv),
        ("lfilter empty a", lfilter(&b, &empty, &x, -1).map(drop), inv),
        ("lfilter a0 = 0", lfilter(&b, &array![0.0, 1.0], &x, -1).map(drop), inv),
        ("lfilter axis", lfilter(&b, &a, &x, 1).map(drop), |e| matches!(e, SignalError::Array(_))),
        ("lfilter zi shape", lfilter_with_zi(&b, &a, &x, -1, &array![0.0, 0.0]).map(drop), |e| {
            matches!(e, SignalError::Array(_))
        }),
        ("lfilter_zi all-zero a", lfilter_zi(&b, &array![0.0, 0.0]).map(drop), inv),
        ("lfilter_zi pole at 1", lfilter_zi(&array![1.0], &array![1.0, -1.0]).map(drop), |e| {
            matches!(e, SignalError::Singular { .. })
        }),
        (
            "filtfilt too short",
            filtfilt(&b, &a, &x.slice(s![..6]), FiltfiltOptions::default()).map(drop),
            |e| matches!(e, SignalError::InputTooShort { padlen: 6, len: 6 }),
        ),
        (
            "filtfilt padlen",
            filtfilt(&b, &a, &x, FiltfiltOptions { padlen: Some(10), ..Default::default() }).map(drop),
            |e| matches!(e, SignalError::InputTooShort { padlen: 10, len: 10 }),
        ),
        ("sosfilt a0", sosfilt(&sos_bad, &x, -1).map(drop), inv),
        ("sosfilt shape", sosfilt(&sos_shape, &x, -1).map(drop), inv),
        (
            "sosfiltfilt too short",
            sosfiltfilt(
                &array![[1.0, 0.0, 0.0, 1.0, -0.5, 0.0]],
                &x.slice(s![..3]),
                FiltfiltOptions::default(),
            )
            .map(drop),
            |e| matches!(e, SignalError::InputTooShort { .. }),
        ),
        ("detrend bp", detrend(&x, -1, DetrendType::Linear, &[11]).map(drop), inv),
        ("detrend axis", detrend(&x, -2, DetrendType::Linear, &[]).map(drop), |e| {
            matches!(e, SignalError::Array(_))
        }),
        ("resample num 0", resample(&x, 0, 0).map(drop), inv),
        ("resample empty", resample(&empty, 3, 0).map(drop), inv),
        ("freqz empty b", freqz(&empty, &a, FreqzOptions::default()).map(drop), inv),
        ("freqz fs", freqz(&b, &a, FreqzOptions { fs: 0.0, ..Default::default() }).map(drop), inv),
        (
            "zpk2sos analog pairing",
            zpk2sos(&array![], &array![(-1.0).into()], 1.0, Some(Pairing::Nearest), true).map(drop),
            inv,
        ),
    ];
    for (name, res, check) in cases {
        let err = res.expect_err(name);
        assert!(check(&err), "{name}: unexpected error {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn f32_signals() {
    let (b, a) = butter(3, &[0.2], BType::Lowpass, false, None).unwrap();
    let (b32, a32) = (b.mapv(|v| v as f32), a.mapv(|v| v as f32));
    let x = Array1::from_shape_fn(80, |i| ((i as f64) * 0.37).sin() + 0.1 * i as f64);
    let x32 = x.mapv(|v| v as f32);
    // Single precision recursion: errors ~1e-6 of the signal scale.
    let tol = 2e-4;
    let y64 = filtfilt(&b, &a, &x, FiltfiltOptions::default()).unwrap();
    let y32 = filtfilt(&b32, &a32, &x32, FiltfiltOptions::default()).unwrap();
    assert_allclose(&y32.mapv(f64::from), &y64, tol, tol);
    let l32 = lfilter(&b32, &a32, &x32, -1).unwrap();
    assert_allclose(&l32.mapv(f64::from), &lfilter(&b, &a, &x, -1).unwrap(), tol, tol);
    let d32 = detrend(&x32, -1, DetrendType::Linear, &[30]).unwrap();
    assert_allclose(&d32.mapv(f64::from), &detrend(&x, -1, DetrendType::Linear, &[30]).unwrap(), tol, tol);
    let r32 = resample(&x32, 33, 0).unwrap();
    assert_allclose(&r32.mapv(f64::from), &resample(&x, 33, 0).unwrap(), tol, tol);
}

#[test]
fn non_contiguous_views_match_owned() {
    let x = Array3::from_shape_fn((5, 40, 4), |(i, j, k)| ((i * 40 + j) as f64 * 0.1).sin() + k as f64);
    let v = x.slice(s![..;2, ..;-1, 1..]);
    let o = v.to_owned();
    let (b, a) = butter(2, &[0.3], BType::Highpass, false, None).unwrap();
    let sos = butter_sos(2, &[0.3], BType::Highpass, false, None).unwrap();
    let opts = FiltfiltOptions { axis: 1, ..Default::default() };
    assert_eq!(lfilter(&b, &a, &v, 1).unwrap(), lfilter(&b, &a, &o, 1).unwrap());
    assert_eq!(filtfilt(&b, &a, &v, opts).unwrap(), filtfilt(&b, &a, &o, opts).unwrap());
    assert_eq!(sosfilt(&sos, &v, 1).unwrap(), sosfilt(&sos, &o, 1).unwrap());
    assert_eq!(sosfiltfilt(&sos, &v, opts).unwrap(), sosfiltfilt(&sos, &o, opts).unwrap());
    assert_eq!(
        detrend(&v, 1, DetrendType::Linear, &[]).unwrap(),
        detrend(&o, 1, DetrendType::Linear, &[]).unwrap()
    );
    assert_eq!(resample(&v, 17, 1).unwrap(), resample(&o, 17, 1).unwrap());
}

#[test]
fn empty_and_degenerate_inputs() {
    let (b, a) = (array![1.0, 0.5], array![1.0]);
    let e = Array2::<f64>::zeros((0, 5));
    assert_eq!(lfilter(&b, &a, &e, 1).unwrap().shape(), &[0, 5]);
    assert_eq!(lfilter(&b, &a, &Array1::<f64>::zeros(0), 0).unwrap().len(), 0);
    assert_eq!(detrend(&e, 1, DetrendType::Linear, &[]).unwrap().shape(), &[0, 5]);
    // Order-0 Butterworth: the identity filter.
    let (b0, a0) = butter(0, &[0.5], BType::Lowpass, false, None).unwrap();
    assert_eq!((b0.to_vec(), a0.to_vec()), (vec![1.0], vec![1.0]));
    // NaN propagates.
    let y = lfilter(&b, &a, &array![1.0, f64::NAN, 2.0], -1).unwrap();
    assert!(y[1].is_nan() && y[2].is_nan() && y[0] == 1.0);
}

#[test]
fn large_arrays_split_over_threads_give_identical_results() {
    // 300 x 400 = 120_000 samples: above the parallel threshold.
    let x = Array2::from_shape_fn((300, 400), |(i, j)| ((i * 13 + j * 7) as f64 * 0.01).sin());
    let (b, a) = butter(3, &[0.2], BType::Lowpass, false, None).unwrap();
    let sos = butter_sos(3, &[0.2], BType::Lowpass, false, None).unwrap();
    for axis in [0usize, 1] {
        let opts = FiltfiltOptions { axis: axis as isize, ..Default::default() };
        let y = filtfilt(&b, &a, &x, opts).unwrap();
        let ys = sosfiltfilt(&sos, &x, opts).unwrap();
        let r = resample(&x, 150, axis as isize).unwrap();
        let d = detrend(&x, axis as isize, DetrendType::Linear, &[50]).unwrap();
        let other = sci_array::ndarray::Axis(1 - axis);
        for k in [0usize, 33, 299] {
            let lane = x.index_axis(other, k).to_owned();
            let o1 = FiltfiltOptions::default();
            assert_eq!(y.index_axis(other, k), filtfilt(&b, &a, &lane, o1).unwrap());
            assert_eq!(ys.index_axis(other, k), sosfiltfilt(&sos, &lane, o1).unwrap());
            assert_eq!(r.index_axis(other, k), resample(&lane, 150, 0).unwrap());
            assert_eq!(d.index_axis(other, k), detrend(&lane, 0, DetrendType::Linear, &[50]).unwrap());
        }
    }
}

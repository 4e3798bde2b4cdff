//! Reductions, cumulative operations and quantiles against NumPy (fixtures from
//! `tools/fixtures/array_reductions.py`) plus edge cases and bad input.

use sci_array::ndarray::{Array, Array1, ArrayD, Axis, IxDyn, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_reductions.json")).unwrap()
}

const AXES: [(&str, Option<isize>); 4] = [("none", None), ("0", Some(0)), ("1", Some(1)), ("m1", Some(-1))];
const QS: [f64; 6] = [0.0, 0.1, 0.25, 0.5, 0.9, 1.0];

fn usize_to_i64(a: ArrayD<usize>) -> ArrayD<i64> {
    a.mapv(|v| v as i64)
}

#[test]
fn float_reductions_match_numpy() {
    let f = fx();
    for name in ["x2", "x3"] {
        let x = f.array_f64(name);
        for (ak, ax) in AXES {
            let c = |k: &str| f.array_f64(&format!("{name}_{ak}/{k}"));
            let ci = |k: &str| f.array_i64(&format!("{name}_{ak}/{k}"));
            // Pairwise vs NumPy's order along non-contiguous axes differ by rounding only.
            assert_allclose(&sum(&x, ax).unwrap(), &c("sum"), 1e-13, 0.0);
            assert_allclose(&prod(&x, ax).unwrap(), &c("prod"), 1e-13, 0.0);
            assert_allclose(&mean(&x, ax).unwrap(), &c("mean"), 1e-13, 1e-15);
            assert_allclose(&var(&x, ax, 0.0).unwrap(), &c("var0"), 1e-13, 0.0);
            assert_allclose(&var(&x, ax, 1.0).unwrap(), &c("var1"), 1e-13, 0.0);
            assert_allclose(&std(&x, ax, 1.0).unwrap(), &c("std1"), 1e-13, 0.0);
            assert_array_equal(&amin(&x, ax).unwrap(), &c("min"));
            assert_array_equal(&amax(&x, ax).unwrap(), &c("max"));
            assert_array_equal(&usize_to_i64(argmin(&x, ax).unwrap()), &ci("argmin"));
            assert_array_equal(&usize_to_i64(argmax(&x, ax).unwrap()), &ci("argmax"));
            assert_array_equal(&ptp(&x, ax).unwrap(), &c("ptp"));
            assert_allclose(&median(&x, ax).unwrap(), &c("median"), 1e-15, 0.0);
            assert_allclose(&cumsum(&x, ax).unwrap(), &c("cumsum"), 1e-13, 1e-13);
            assert_allclose(&cumprod(&x, ax).unwrap(), &c("cumprod"), 1e-13, 0.0);
            let methods = [
                ("q_linear", QuantileMethod::Linear),
                ("q_lower", QuantileMethod::Lower),
                ("q_higher", QuantileMethod::Higher),
                ("q_nearest", QuantileMethod::Nearest),
                ("q_midpoint", QuantileMethod::Midpoint),
            ];
            for (key, m) in methods {
                assert_allclose(&quantile(&x, &QS, ax, m).unwrap(), &c(key), 1e-15, 0.0);
            }
            let p = percentile(&x, &[5.0, 50.0, 95.0], ax, QuantileMethod::Linear).unwrap();
            assert_allclose(&p, &c("p_5_50_95"), 1e-15, 0.0);
        }
    }
}

#[test]
fn nan_reductions_match_numpy() {
    let f = fx();
    let x = f.array_f64("xn");
    for (ak, ax) in AXES {
        let c = |k: &str| f.array_f64(&format!("xn_{ak}/{k}"));
        let ci = |k: &str| f.array_i64(&format!("xn_{ak}/{k}"));
        assert_allclose(&nansum(&x, ax).unwrap(), &c("nansum"), 1e-14, 0.0);
        assert_allclose(&nanmean(&x, ax).unwrap(), &c("nanmean"), 1e-14, 0.0);
        assert_allclose(&nanvar(&x, ax, 1.0).unwrap(), &c("nanvar1"), 1e-13, 0.0);
        assert_allclose(&nanstd(&x, ax, 0.0).unwrap(), &c("nanstd0"), 1e-13, 0.0);
        assert_array_equal(&nanmin(&x, ax).unwrap(), &c("nanmin"));
        assert_array_equal(&nanmax(&x, ax).unwrap(), &c("nanmax"));
        assert_allclose(&sum(&x, ax).unwrap(), &c("sum"), 1e-14, 0.0);
        assert_array_equal(&amin(&x, ax).unwrap(), &c("min"));
        assert_array_equal(&usize_to_i64(argmin(&x, ax).unwrap()), &ci("argmin"));
        assert_array_equal(&usize_to_i64(argmax(&x, ax).unwrap()), &ci("argmax"));
        assert_allclose(&median(&x, ax).unwrap(), &c("median"), 1e-15, 0.0);
        assert_allclose(
            &quantile(&x, &[0.3, 0.7], ax, QuantileMethod::Linear).unwrap(),
            &c("quantile"),
            1e-15,
            0.0,
        );
    }
}

#[test]
fn integer_reductions_match_numpy() {
    let f = fx();
    let x = f.array_i64("xi");
    for (ak, ax) in AXES {
        let c = |k: &str| f.array_i64(&format!("xi_{ak}/{k}"));
        assert_array_equal(&sum(&x, ax).unwrap(), &c("sum"));
        assert_array_equal(&prod(&x, ax).unwrap(), &c("prod"));
        assert_array_equal(&cumsum(&x, ax).unwrap(), &c("cumsum"));
        assert_array_equal(&amin(&x, ax).unwrap(), &c("min"));
        assert_array_equal(&usize_to_i64(argmax(&x, ax).unwrap()), &c("argmax"));
        assert_array_equal(&ptp(&x, ax).unwrap(), &c("ptp"));
    }
    // Wrapping like NumPy's fixed-width integers.
    assert_eq!(sum(&array![i8::MAX, 1], None).unwrap()[[]], i8::MIN);
}

#[test]
fn long_vector_is_bit_exact_pairwise() {
    let f = fx();
    let x = f.array_f64("xl");
    // Contiguous input: the same pairwise summation as NumPy, so the same bits.
    assert_eq!(sum(&x, None).unwrap()[[]], f.array_f64("xl_stats/sum")[[]]);
    assert_eq!(mean(&x, None).unwrap()[[]], f.array_f64("xl_stats/mean")[[]]);
    assert_eq!(var(&x, None, 0.0).unwrap()[[]], f.array_f64("xl_stats/var")[[]]);
    assert_eq!(std(&x, None, 1.0).unwrap()[[]], f.array_f64("xl_stats/std")[[]]);
    assert_eq!(median(&x, None).unwrap()[[]], f.array_f64("xl_stats/median")[[]]);
    assert_array_equal(&cumsum(&x, None).unwrap(), &f.array_f64("xl_stats/cumsum"));
    let p = percentile(&x, &[5.0, 50.0, 95.0], None, QuantileMethod::Linear).unwrap();
    assert_array_equal(&p, &f.array_f64("xl_stats/percentile"));
}

#[test]
fn quantile_methods_on_ties() {
    let f = fx();
    let x = f.array_f64("xs");
    let qs = f.array_f64("xs_qs").into_raw_vec_and_offset().0;
    for (key, m) in [
        ("linear", QuantileMethod::Linear),
        ("lower", QuantileMethod::Lower),
        ("higher", QuantileMethod::Higher),
        ("nearest", QuantileMethod::Nearest),
        ("midpoint", QuantileMethod::Midpoint),
    ] {
        let r = quantile(&x, &qs, None, m).unwrap();
        assert_allclose(&r, &f.array_f64(&format!("xs_q_{key}")), 1e-15, 0.0);
    }
    assert_eq!(median(&x, None).unwrap()[[]], f.array_f64("xs_median")[[]]);
    let odd = x.slice(s![..7]);
    let p = percentile(&odd, &[12.5, 37.5, 62.5, 87.5], None, QuantileMethod::Nearest).unwrap();
    assert_array_equal(&p, &f.array_f64("xs_p_odd"));
}

#[test]
fn diff_and_gradient_match_numpy() {
    let f = fx();
    let x2 = f.array_f64("x2");
    let xi = f.array_i64("xi");
    assert_array_equal(&diff(&x2, 1, -1).unwrap(), &f.array_f64("diff/n1_m1"));
    assert_array_equal(&diff(&x2, 2, 0).unwrap(), &f.array_f64("diff/n2_0"));
    assert_array_equal(&diff(&xi, 3, 1).unwrap(), &f.array_i64("diff/n3_1"));
    let d9 = diff(&xi, 9, 0).unwrap();
    assert_eq!(d9.shape(), f.array_i64("diff/n9_0").shape());
    assert_array_equal(&diff(&xi, 0, 0).unwrap(), &xi);

    let xc = f.array_f64("gradient/xc").into_dimensionality::<sci_array::ndarray::Ix1>().unwrap();
    let unit = Spacing::Uniform(1.0);
    let half = Spacing::Uniform(0.5);
    let coords = Spacing::Coordinates(xc.view());
    let g = |sp: &Spacing<'_, f64>, e: usize, ax: isize| gradient(&x2, sp, e, ax).unwrap();
    assert_allclose(&g(&unit, 1, 0), &f.array_f64("gradient/e1_0"), 1e-15, 0.0);
    assert_allclose(&g(&unit, 2, 0), &f.array_f64("gradient/e2_0"), 1e-15, 0.0);
    assert_allclose(&g(&half, 1, 1), &f.array_f64("gradient/e1_1_h"), 1e-15, 0.0);
    assert_allclose(&g(&half, 2, 1), &f.array_f64("gradient/e2_1_h"), 1e-15, 0.0);
    assert_allclose(&g(&coords, 1, 1), &f.array_f64("gradient/e1_1_x"), 1e-15, 0.0);
    assert_allclose(&g(&coords, 2, 1), &f.array_f64("gradient/e2_1_x"), 1e-15, 0.0);
    let all = gradient_axes(&x2, &[], 1).unwrap();
    assert_eq!(all.len(), 2);
    assert_allclose(&all[0], &f.array_f64("gradient/e1_0"), 1e-15, 0.0);
}

#[test]
fn average_matches_numpy() {
    let f = fx();
    let x2 = f.array_f64("x2");
    let w2 = f.array_f64("average/w2");
    let w1 = f.array_f64("average/w1");
    let (a, s) = average(&x2, None, Some(w2.view())).unwrap();
    assert_allclose(&a, &f.array_f64("average/full"), 1e-14, 0.0);
    assert_allclose(&s, &f.array_f64("average/full_sw"), 1e-14, 0.0);
    let (a, s) = average(&x2, Some(0), Some(w2.view())).unwrap();
    assert_allclose(&a, &f.array_f64("average/ax0"), 1e-14, 0.0);
    assert_allclose(&s, &f.array_f64("average/ax0_sw"), 1e-14, 0.0);
    let (a, s) = average(&x2, Some(1), Some(w1.view())).unwrap();
    assert_allclose(&a, &f.array_f64("average/ax1_w1"), 1e-14, 0.0);
    assert_allclose(&s, &f.array_f64("average/ax1_w1_sw"), 1e-14, 0.0);
}

#[test]
fn non_contiguous_views_agree_with_copies() {
    let f = fx();
    let x3 = f.array_f64("x3");
    let v = x3.slice(s![..;2, ..;-1, 1..]);
    let c = v.to_owned();
    for ax in [None, Some(0), Some(1), Some(2)] {
        assert_allclose(&sum(&v, ax).unwrap(), &sum(&c, ax).unwrap(), 1e-14, 0.0);
        assert_allclose(&var(&v, ax, 1.0).unwrap(), &var(&c, ax, 1.0).unwrap(), 1e-14, 0.0);
        assert_array_equal(&argmax(&v, ax).unwrap(), &argmax(&c, ax).unwrap());
        assert_array_equal(&cumsum(&v, ax).unwrap(), &cumsum(&c, ax).unwrap());
        assert_array_equal(&median(&v, ax).unwrap(), &median(&c, ax).unwrap());
        assert_array_equal(&nanmax(&v, ax).unwrap(), &nanmax(&c, ax).unwrap());
    }
    // A transposed (Fortran-ordered) matrix: axis 1 is then the strided one.
    let x2 = f.array_f64("x2");
    let t = x2.t();
    let tc = t.to_owned();
    for ax in [Some(0), Some(1)] {
        assert_allclose(&std(&t, ax, 0.0).unwrap(), &std(&tc, ax, 0.0).unwrap(), 1e-14, 0.0);
        assert_allclose(&mean(&t, ax).unwrap(), &mean(&tc, ax).unwrap(), 1e-14, 0.0);
    }
}

#[test]
fn f32_input() {
    let x = array![[1.5f32, 2.0, -3.25], [4.0, 0.5, 6.0]];
    assert_eq!(sum(&x, None).unwrap()[[]], 10.75f32);
    assert_eq!(mean(&x, Some(0)).unwrap(), array![2.75f32, 1.25, 1.375].into_dyn());
    assert_eq!(var(&x, Some(1), 0.0).unwrap()[[0]], {
        let m = (1.5f32 + 2.0 - 3.25) / 3.0;
        ((1.5 - m) * (1.5 - m) + (2.0 - m) * (2.0 - m) + (-3.25 - m) * (-3.25 - m)) / 3.0
    });
    assert_eq!(median(&x, None).unwrap()[[]], 1.75f32);
    assert_eq!(
        percentile(&x, &[100.0], Some(1), QuantileMethod::Linear).unwrap(),
        array![[2.0f32, 6.0]].into_dyn()
    );
    assert_eq!(cumsum(&x, Some(1)).unwrap()[[1, 2]], 10.5f32);
}

#[test]
fn empty_and_single_element() {
    let e = Array1::<f64>::zeros(0);
    assert_eq!(sum(&e, None).unwrap()[[]], 0.0);
    assert_eq!(prod(&e, None).unwrap()[[]], 1.0);
    assert!(mean(&e, None).unwrap()[[]].is_nan());
    assert!(var(&e, None, 0.0).unwrap()[[]].is_nan());
    assert!(median(&e, None).unwrap()[[]].is_nan());
    assert_eq!(nansum(&e, None).unwrap()[[]], 0.0);
    assert!(nanmean(&e, None).unwrap()[[]].is_nan());
    assert_eq!(cumsum(&e, None).unwrap().len(), 0);
    assert_eq!(diff(&e, 1, 0).unwrap().len(), 0);
    // A (0, 3) matrix reduced along axis 0: three empty lanes.
    let e2 = Array::<f64, _>::zeros((0, 3));
    assert_eq!(sum(&e2, Some(0)).unwrap(), array![0.0, 0.0, 0.0].into_dyn());
    assert!(mean(&e2, Some(0)).unwrap().iter().all(|v| v.is_nan()));
    // ... and along axis 1: no lanes at all, an empty result.
    assert_eq!(amin(&e2, Some(1)).unwrap().shape(), &[0]);
    let one = array![7.5f64];
    assert_eq!(var(&one, None, 0.0).unwrap()[[]], 0.0);
    assert!(var(&one, None, 1.0).unwrap()[[]].is_nan());
    assert_eq!(median(&one, None).unwrap()[[]], 7.5);
    assert_eq!(argmax(&one, None).unwrap()[[]], 0);
    assert_eq!(
        percentile(&one, &[0.0, 33.0, 100.0], None, QuantileMethod::Linear).unwrap(),
        array![7.5, 7.5, 7.5].into_dyn()
    );
    let nans = array![f64::NAN, f64::NAN];
    assert!(nanmin(&nans, None).unwrap()[[]].is_nan());
    assert_eq!(nansum(&nans, None).unwrap()[[]], 0.0);
}

#[test]
fn nan_and_infinity_propagate() {
    let x = array![1.0, f64::NAN, -1.0, f64::NAN];
    assert_eq!(argmin(&x, None).unwrap()[[]], 1);
    assert_eq!(argmax(&x, None).unwrap()[[]], 1);
    assert!(amax(&x, None).unwrap()[[]].is_nan());
    assert!(ptp(&x, None).unwrap()[[]].is_nan());
    assert!(percentile(&x, &[50.0], None, QuantileMethod::Lower).unwrap()[[0]].is_nan());
    let inf = array![1.0, f64::INFINITY, 3.0];
    assert_eq!(amax(&inf, None).unwrap()[[]], f64::INFINITY);
    assert_eq!(sum(&inf, None).unwrap()[[]], f64::INFINITY);
    assert!(var(&inf, None, 0.0).unwrap()[[]].is_nan());
    assert_eq!(median(&inf, None).unwrap()[[]], 3.0);
}

#[test]
fn large_inputs_take_the_parallel_paths() {
    // 600 x 400: above the parallel threshold; compare against simple sequential formulas.
    let n = (600, 400);
    let x = Array::from_shape_fn(n, |(i, j)| ((i * 7 + j * 13) % 101) as f64 * 0.25 - 3.0);
    let s0 = sum(&x, Some(0)).unwrap();
    let m0 = mean(&x, Some(0)).unwrap();
    let v0 = var(&x, Some(0), 1.0).unwrap();
    for j in 0..n.1 {
        let col = x.column(j);
        let m = col.iter().sum::<f64>() / n.0 as f64;
        let v = col.iter().map(|&c| (c - m) * (c - m)).sum::<f64>() / (n.0 - 1) as f64;
        assert!((s0[[j]] - col.sum()).abs() <= 1e-9);
        assert!((m0[[j]] - m).abs() <= 1e-12);
        assert!((v0[[j]] - v).abs() <= 1e-12 * v.abs());
    }
    let flat = Array1::from_iter((0..300_000).map(|i| ((i * 37) % 1001) as f64 - 500.0));
    let cs = cumsum(&flat, None).unwrap();
    let mut acc = 0.0;
    for (i, &v) in flat.iter().enumerate() {
        acc += v;
        assert_eq!(cs[[i]], acc, "integers in f64 sum exactly in any order");
    }
    assert_eq!(argmin(&flat, None).unwrap()[[]], flat.iter().position(|&v| v == -500.0).unwrap());
    assert_eq!(amax(&flat, None).unwrap()[[]], 500.0);
    let mut sorted = flat.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p = percentile(&flat, &[0.0, 50.0, 100.0], None, QuantileMethod::Lower).unwrap();
    let n = sorted.len();
    assert_eq!(p, array![sorted[0], sorted[(n - 1) / 2], sorted[n - 1]].into_dyn());
    let ints = Array1::from_iter(0..300_000i64);
    assert_eq!(sum(&ints, None).unwrap()[[]], 299_999 * 300_000 / 2);
    assert_eq!(ints.sum_axis(Axis(0)).into_dyn(), sum(&ints, Some(0)).unwrap());
}

#[test]
fn bad_input_is_an_error() {
    let x = array![[1.0, 2.0], [3.0, 4.0]];
    let e = Array1::<f64>::zeros(0);
    let e2 = Array::<f64, _>::zeros((0, 3));
    let w_bad = array![1.0, 2.0, 3.0].into_dyn();
    let w_zero = array![0.0, 0.0].into_dyn();
    let cases: Vec<(&str, Result<(), ArrayError>)> = vec![
        ("sum axis", sum(&x, Some(2)).map(drop)),
        ("mean axis", mean(&x, Some(-3)).map(drop)),
        ("var axis", var(&x, Some(5), 0.0).map(drop)),
        ("amin empty", amin(&e, None).map(drop)),
        ("amax empty axis", amax(&e2, Some(0)).map(drop)),
        ("argmin empty", argmin(&e, None).map(drop)),
        ("argmax empty axis", argmax(&e2, Some(0)).map(drop)),
        ("ptp empty", ptp(&e, None).map(drop)),
        ("nanmin empty", nanmin(&e, None).map(drop)),
        ("cumsum axis", cumsum(&x, Some(2)).map(drop)),
        ("diff axis", diff(&x, 1, 2).map(drop)),
        ("gradient edge_order", gradient(&x, &Spacing::Uniform(1.0), 3, 0).map(drop)),
        ("gradient too short", gradient(&array![1.0, 2.0], &Spacing::Uniform(1.0), 2, 0).map(drop)),
        ("gradient coords", gradient(&x, &Spacing::Coordinates(array![1.0].view()), 1, 0).map(drop)),
        (
            "gradient_axes spacing",
            gradient_axes(
                &Array::<f64, _>::ones((3, 3)),
                &[Spacing::Uniform(1.0), Spacing::Uniform(1.0), Spacing::Uniform(1.0)],
                1,
            )
            .map(drop),
        ),
        ("quantile q", quantile(&x, &[1.5], None, QuantileMethod::Linear).map(drop)),
        ("quantile nan q", quantile(&x, &[f64::NAN], None, QuantileMethod::Linear).map(drop)),
        ("percentile q", percentile(&x, &[-1.0], None, QuantileMethod::Linear).map(drop)),
        ("percentile empty", percentile(&e, &[50.0], None, QuantileMethod::Linear).map(drop)),
        ("median axis", median(&x, Some(2)).map(drop)),
        ("average no axis", average(&x, None, Some(w_bad.view())).map(drop)),
        ("average len", average(&x, Some(0), Some(w_bad.view())).map(drop)),
        ("average zero", average(&x, Some(0), Some(w_zero.view())).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
    assert_eq!(
        amin(&e, None).unwrap_err().to_string(),
        "a: zero-size array to reduction operation minimum which has no identity"
    );
    assert!(matches!(sum(&x, Some(2)), Err(ArrayError::AxisOutOfBounds { axis: 2, ndim: 2, .. })));
    let _ = IxDyn(&[0]);
}

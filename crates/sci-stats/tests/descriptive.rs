//! scipy.stats parity for the descriptive statistics: tests/fixtures/stats_core.json
//! (written by tools/fixtures/stats_core.py).

mod common;
use common::*;
use sci_array::ndarray::{Array1, s};
use sci_stats::*;

const SAMPLES: [&str; 11] = [
    "tutorial",
    "random50",
    "skewed",
    "ties",
    "one",
    "two",
    "constant",
    "with_nan",
    "with_zero",
    "negative",
    "empty",
];

// Sums run left to right here and pairwise in NumPy: a few ulps apart, so 1e-13 (the
// fourth moments of 50 values lose most).
const RTOL: f64 = 1e-13;

#[test]
fn summary_statistics_match_scipy() {
    let fx = load("stats_core");
    let none: Option<&Array1<f64>> = None;
    for name in SAMPLES {
        let a = vec1(&fx, &format!("samples/{name}"));
        let want = |k: &str| fx.f64(&format!("describe/{name}/{k}"));
        let wanta = |k: &str| fx.array_f64(&format!("describe/{name}/{k}"));
        if !a.is_empty() {
            for (key, ddof, bias) in [("describe", 1, true), ("describe_ddof0_unbiased", 0, false)] {
                let d = describe(&a, ddof, bias).unwrap();
                let got = Array1::from(vec![
                    d.nobs as f64,
                    d.minmax.0,
                    d.minmax.1,
                    d.mean,
                    d.variance,
                    d.skewness,
                    d.kurtosis,
                ]);
                close_arr(&got.into_dyn(), &wanta(key), RTOL, 0.0);
            }
        } else {
            assert!(matches!(describe(&a, 1, true), Err(StatsError::TooShort { .. })));
        }
        close(gmean(&a, none).unwrap(), want("gmean"), RTOL, 0.0);
        close(hmean(&a, none).unwrap(), want("hmean"), RTOL, 0.0);
        close(pmean(&a, 2.0, none).unwrap(), want("pmean_2"), RTOL, 0.0);
        close(pmean(&a, -1.5, none).unwrap(), want("pmean_m1_5"), RTOL, 0.0);
        close(skew(&a, true), want("skew"), RTOL, 0.0);
        close(skew(&a, false), want("skew_unbiased"), RTOL, 0.0);
        close(kurtosis(&a, true, true), want("kurtosis"), RTOL, 0.0);
        close(kurtosis(&a, false, false), want("kurtosis_pearson_unbiased"), RTOL, 0.0);
        let m: Array1<f64> = (0..5).map(|k| moment(&a, k, None)).collect();
        close_arr(&m.into_dyn(), &wanta("moment"), RTOL, 1e-15);
        let m: Array1<f64> = (0..5).map(|k| moment(&a, k, Some(1.0))).collect();
        close_arr(&m.into_dyn(), &wanta("moment_center1"), RTOL, 0.0);
        close(sem(&a, 1), want("sem"), RTOL, 0.0);
        close(sem(&a, 0), want("sem_ddof0"), RTOL, 0.0);
        // z-scores of values next to the mean cancel: compare those absolutely.
        close_arr(&zscore(&a, 0).into_dyn(), &wanta("zscore"), RTOL, 1e-14);
        close_arr(&zscore(&a, 1).into_dyn(), &wanta("zscore_ddof1"), RTOL, 1e-14);
        close(variation(&a, 0), want("variation"), RTOL, 0.0);
        close(variation(&a, 1), want("variation_ddof1"), RTOL, 0.0);
        let md = mode(&a);
        close_arr(&Array1::from(vec![md.mode, md.count]).into_dyn(), &wanta("mode"), 0.0, 0.0);
        for (lim_name, lim, inc) in [
            ("all", None, (true, true)),
            ("2_5", Some((2.0, 5.0)), (true, true)),
            ("2_5_open", Some((2.0, 5.0)), (false, false)),
        ] {
            let key = format!("describe/{name}/tmean_{lim_name}");
            if fx.get(&key).as_str() == Some("error") {
                assert!(
                    matches!(tmean(&a, lim, inc), Err(StatsError::InvalidValue { arg: "limits", .. })),
                    "{key}"
                );
                continue;
            }
            close(tmean(&a, lim, inc).unwrap(), fx.f64(&key), RTOL, 0.0);
            close(tvar(&a, lim, inc, 1).unwrap(), want(&format!("tvar_{lim_name}")), RTOL, 0.0);
            close(tstd(&a, lim, inc, 1).unwrap(), want(&format!("tstd_{lim_name}")), RTOL, 0.0);
            close(tsem(&a, lim, inc, 1).unwrap(), want(&format!("tsem_{lim_name}")), RTOL, 0.0);
        }
        for (lim, lname) in [(None, "none"), (Some(2.0), "two")] {
            for inc in [true, false] {
                let key = format!("describe/{name}/tmin_{lname}_{inc}");
                let key = key.replace("true", "True").replace("false", "False");
                let upper = lim.map(|_| 3.0);
                let kmax = key.replace("tmin", "tmax");
                for (k, got) in [(key.as_str(), tmin(&a, lim, inc)), (kmax.as_str(), tmax(&a, upper, inc))] {
                    if fx.get(k).as_str() == Some("error") {
                        assert!(got.is_err(), "{k}");
                    } else {
                        close(got.unwrap(), fx.f64(k), 0.0, 0.0);
                    }
                }
            }
        }
    }
}

#[test]
fn weighted_means_match_scipy() {
    let fx = load("stats_core");
    let x = vec1(&fx, "weights/x");
    let w = vec1(&fx, "weights/w");
    close(gmean(&x, Some(&w)).unwrap(), fx.f64("weights/gmean"), 1e-15, 0.0);
    close(hmean(&x, Some(&w)).unwrap(), fx.f64("weights/hmean"), 1e-15, 0.0);
    close(pmean(&x, 3.0, Some(&w)).unwrap(), fx.f64("weights/pmean_3"), 1e-15, 0.0);
}

#[test]
fn strided_views_give_the_same_statistics() {
    let fx = load("stats_core");
    let a = vec1(&fx, "samples/random50");
    let doubled: Array1<f64> = a.iter().flat_map(|&v| [v, f64::NAN]).collect();
    let view = doubled.slice(s![..;2]);
    assert_eq!(describe(&view, 1, true).unwrap(), describe(&a, 1, true).unwrap());
    assert_eq!(
        tmean(&view, Some((8.0, 12.0)), (true, true)).unwrap(),
        tmean(&a, Some((8.0, 12.0)), (true, true)).unwrap()
    );
}

#[test]
fn bad_input_is_an_error() {
    let x = sci_array::ndarray::array![1.0, 2.0, 3.0];
    let w2 = sci_array::ndarray::array![1.0, 2.0];
    let none: Option<&Array1<f64>> = None;
    let cases: Vec<(&str, Result<f64>)> = vec![
        ("gmean weights", gmean(&x, Some(&w2))),
        ("hmean weights", hmean(&x, Some(&w2))),
        ("pmean weights", pmean(&x, 2.0, Some(&w2))),
        ("pmean p", pmean(&x, f64::NAN, none)),
        ("tmean limits", tmean(&x, Some((5.0, 6.0)), (true, true))),
        ("tvar limits", tvar(&x, Some((5.0, 6.0)), (true, true), 1)),
        ("tstd limits", tstd(&x, Some((3.0, 3.0)), (false, true), 1)),
        ("tsem limits", tsem(&x, Some((-2.0, -1.0)), (true, true), 1)),
        ("tmin limit", tmin(&x, Some(4.0), true)),
        ("tmax limit", tmax(&x, Some(0.0), true)),
        ("describe empty", describe(&Array1::<f64>::zeros(0), 1, true).map(|d| d.mean)),
    ];
    for (what, r) in cases {
        let e = r.expect_err(what);
        assert!(!e.to_string().is_empty(), "{what}");
    }
}

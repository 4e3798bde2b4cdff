//! scipy.stats parity for shapiro, skewtest, kurtosistest, normaltest, jarque_bera and
//! anderson: tests/fixtures/stats_normality.json (written by
//! tools/fixtures/stats_normality.py). Every `function:sample:options` key is checked.

mod common;
use common::*;
use sci_array::ndarray::{Array1, s};
use sci_stats::*;

fn alternative(s: &str) -> Alternative {
    match s {
        "two-sided" => Alternative::TwoSided,
        "less" => Alternative::Less,
        "greater" => Alternative::Greater,
        _ => panic!("alternative {s}"),
    }
}

fn pair(r: SignificanceResult) -> Vec<f64> {
    vec![r.statistic, r.pvalue]
}

#[track_caller]
fn check(key: &str, got: &[f64], want: &[f64], rtol: f64) {
    assert_eq!(got.len(), want.len(), "{key}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= 1e-300 + rtol * w.abs(),
            "{key}: got {got:?}, SciPy {want:?}"
        );
    }
}

#[test]
fn every_case_matches_scipy() {
    let fx = load("stats_normality");
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for key in fx.keys().into_iter().filter(|k| k.contains(':')) {
        let p: Vec<&str> = key.split(':').collect();
        let x = vec1(&fx, p[1]);
        *seen.entry(p[0].to_string()).or_default() += 1;
        let want = fx.get(&key);
        if want.as_str() == Some("error") {
            assert_eq!(p[0], "anderson", "{key}");
            let dist = if p[2] == "norm" { AndersonDist::Norm } else { AndersonDist::Expon };
            assert!(anderson(&x, dist).is_err(), "{key}: SciPy raises");
            continue;
        }
        let want: Vec<f64> = fx.array_f64(&key).iter().copied().collect();
        // The same moments with NumPy's pairwise sums and the same transformations: 1e-12.
        // Shapiro-Wilk: the same AS R94 arithmetic in the same order, 1e-12 as well (W is a
        // difference of nearly equal sums for large n).
        match p[0] {
            "shapiro" => check(&key, &pair(shapiro(&x)), &want, 1e-12),
            "normaltest" => check(&key, &pair(normaltest(&x)), &want, 1e-12),
            "jarque_bera" => check(&key, &pair(jarque_bera(&x)), &want, 1e-12),
            "skewtest" => check(&key, &pair(skewtest(&x, alternative(p[2]))), &want, 1e-12),
            "kurtosistest" => check(&key, &pair(kurtosistest(&x, alternative(p[2]))), &want, 1e-12),
            "anderson" => {
                let dist = if p[2] == "norm" { AndersonDist::Norm } else { AndersonDist::Expon };
                let r = anderson(&x, dist).unwrap();
                let mut got = vec![r.statistic];
                got.extend(r.critical_values.iter());
                got.extend(r.significance_level.iter());
                got.push(r.pvalue_interpolate());
                got.extend([r.fit_params.0, r.fit_params.1]);
                check(&key, &got, &want, 1e-12);
            }
            other => panic!("unknown case {other}"),
        }
    }
    for (name, min) in [
        ("shapiro", 30),
        ("normaltest", 30),
        ("jarque_bera", 30),
        ("skewtest", 90),
        ("kurtosistest", 90),
        ("anderson", 60),
    ] {
        assert!(seen.get(name).copied().unwrap_or(0) >= min, "{name}: {seen:?}");
    }
}

#[test]
fn views_give_the_same_values() {
    let fx = load("stats_normality");
    let x = vec1(&fx, "norm50");
    let stepped = x.slice(s![..;2]);
    let owned: Array1<f64> = stepped.to_owned();
    assert_eq!(shapiro(&stepped), shapiro(&owned));
    assert_eq!(normaltest(&stepped), normaltest(&owned));
    let rev = x.slice(s![..;-1]);
    // Shapiro-Wilk sorts, but subtracts the middle element of the data as given; the reversed
    // sample gives the same W to rounding.
    close(shapiro(&rev).statistic, shapiro(&x).statistic, 1e-12, 0.0);
    assert_eq!(
        anderson(&rev, AndersonDist::Norm).unwrap().critical_values,
        anderson(&x, AndersonDist::Norm).unwrap().critical_values
    );
}

//! scipy.stats parity for kendalltau, mannwhitneyu and ks_2samp:
//! tests/fixtures/stats_rank.json (written by tools/fixtures/stats_rank.py). Every case key is
//! `test:x:y:options...:alternative`, and every key of the fixture is checked.

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

fn pmethod(s: &str) -> PvalueMethod {
    match s {
        "auto" => PvalueMethod::Auto,
        "exact" => PvalueMethod::Exact,
        "asymptotic" => PvalueMethod::Asymptotic,
        _ => panic!("method {s}"),
    }
}

// Exact p-values are sums of products of ~n terms; asymptotic ones go through ndtr and the
// exact kstwo: 1e-12 relative (atol 1e-300 for p-values that underflow alike).
const RTOL: f64 = 1e-12;

#[test]
fn every_case_matches_scipy() {
    let fx = load("stats_rank");
    let mut counts = [0usize; 3];
    for key in fx.keys().into_iter().filter(|k| k.contains(':')) {
        let p: Vec<&str> = key.split(':').collect();
        let (x, y) = (vec1(&fx, p[1]), vec1(&fx, p[2]));
        let want = fx.get(&key);
        match p[0] {
            "kt" => {
                counts[0] += 1;
                let variant = if p[3] == "b" { KendallVariant::B } else { KendallVariant::C };
                let got = kendalltau(&x, &y, variant, pmethod(p[4]), alternative(p[5]));
                if want.as_str() == Some("error") {
                    assert!(got.is_err(), "{key}: SciPy raises");
                    continue;
                }
                let r = got.unwrap();
                close_arr(
                    &Array1::from(vec![r.statistic, r.pvalue]).into_dyn(),
                    &fx.array_f64(&key),
                    RTOL,
                    1e-300,
                );
            }
            "mw" => {
                counts[1] += 1;
                let r = mannwhitneyu(&x, &y, p[3] == "True", alternative(p[5]), pmethod(p[4])).unwrap();
                close_arr(
                    &Array1::from(vec![r.statistic, r.pvalue]).into_dyn(),
                    &fx.array_f64(&key),
                    RTOL,
                    1e-300,
                );
            }
            "ks" => {
                counts[2] += 1;
                let method = match p[3] {
                    "auto" => KsMethod::Auto,
                    "exact" => KsMethod::Exact,
                    _ => KsMethod::Asymp,
                };
                let r = ks_2samp(&x, &y, alternative(p[4]), method).unwrap();
                let got = Array1::from(vec![
                    r.statistic,
                    r.pvalue,
                    r.statistic_location,
                    f64::from(r.statistic_sign),
                ]);
                close_arr(&got.into_dyn(), &fx.array_f64(&key), RTOL, 1e-300);
            }
            other => panic!("unknown case {other}"),
        }
    }
    assert_eq!(counts, [90, 108, 72], "cases per test");
}

#[test]
fn non_contiguous_views_match_copies() {
    let fx = load("stats_rank");
    let (c, d) = (vec1(&fx, "c"), vec1(&fx, "d"));
    let (cv, dv) = (c.slice(s![..;2]), d.slice(s![..;2]));
    let (cc, dc) = (cv.to_owned(), dv.to_owned());
    let alt = Alternative::TwoSided;
    assert_eq!(
        kendalltau(&cv.slice(s![..20]), &dv, KendallVariant::B, PvalueMethod::Auto, alt).unwrap(),
        kendalltau(&cc.slice(s![..20]), &dc, KendallVariant::B, PvalueMethod::Auto, alt).unwrap()
    );
    assert_eq!(
        mannwhitneyu(&cv, &dv, true, alt, PvalueMethod::Auto).unwrap(),
        mannwhitneyu(&cc, &dc, true, alt, PvalueMethod::Auto).unwrap()
    );
    assert_eq!(
        ks_2samp(&cv, &dv, alt, KsMethod::Auto).unwrap(),
        ks_2samp(&cc, &dc, alt, KsMethod::Auto).unwrap()
    );
}

#[test]
fn nan_and_empty_follow_scipy() {
    let x = Array1::from(vec![1.0, f64::NAN, 3.0]);
    let y = Array1::from(vec![2.0, 1.0, 0.5]);
    let alt = Alternative::TwoSided;
    // nan_policy='propagate': NaN results.
    let r = kendalltau(&x, &y, KendallVariant::B, PvalueMethod::Auto, alt).unwrap();
    assert!(r.statistic.is_nan() && r.pvalue.is_nan());
    let r = ks_2samp(&x, &y, alt, KsMethod::Auto).unwrap();
    assert!(r.statistic.is_nan() && r.pvalue.is_nan());
    let e = Array1::<f64>::zeros(0);
    let r = kendalltau(&e, &e, KendallVariant::B, PvalueMethod::Auto, alt).unwrap();
    assert!(r.statistic.is_nan() && r.pvalue.is_nan());
    // A constant sample has no defined tau.
    let k = Array1::from(vec![2.0; 3]);
    assert!(kendalltau(&k, &y, KendallVariant::B, PvalueMethod::Auto, alt).unwrap().statistic.is_nan());
}

#[test]
fn bad_input_is_an_error() {
    let a = Array1::from(vec![1.0, 2.0, 3.0]);
    let b = Array1::from(vec![1.0, 2.0]);
    let e = Array1::<f64>::zeros(0);
    let n = Array1::from(vec![1.0, f64::NAN]);
    let t = Array1::from(vec![1.0, 1.0, 2.0]);
    let alt = Alternative::TwoSided;
    let cases: Vec<(&str, Result<()>)> = vec![
        ("kendalltau lengths", kendalltau(&a, &b, KendallVariant::B, PvalueMethod::Auto, alt).map(|_| ())),
        (
            "kendalltau exact with ties",
            kendalltau(&t, &a, KendallVariant::B, PvalueMethod::Exact, alt).map(|_| ()),
        ),
        ("mannwhitneyu empty x", mannwhitneyu(&e, &a, true, alt, PvalueMethod::Auto).map(|_| ())),
        ("mannwhitneyu empty y", mannwhitneyu(&a, &e, true, alt, PvalueMethod::Auto).map(|_| ())),
        ("mannwhitneyu nan", mannwhitneyu(&a, &n, true, alt, PvalueMethod::Auto).map(|_| ())),
        ("ks_2samp empty", ks_2samp(&e, &a, alt, KsMethod::Auto).map(|_| ())),
        ("ks_2samp approx", ks_2samp(&a, &b, alt, KsMethod::Approx).map(|_| ())),
    ];
    for (name, r) in cases {
        let err = r.expect_err(name);
        assert!(!err.to_string().is_empty(), "{name}");
    }
}

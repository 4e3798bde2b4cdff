//! scipy.stats parity for f_oneway, kruskal, ranksums, wilcoxon, friedmanchisquare, levene,
//! bartlett, fligner and tiecorrect: tests/fixtures/stats_anova.json (written by
//! tools/fixtures/stats_anova.py). Every `function:samples:options` key of the fixture is
//! checked; "error" means SciPy raises and we must return an error.

mod common;
use common::*;
use sci_array::ndarray::{Array1, array, s};
use sci_stats::*;

fn alternative(s: &str) -> Alternative {
    match s {
        "two-sided" => Alternative::TwoSided,
        "less" => Alternative::Less,
        "greater" => Alternative::Greater,
        _ => panic!("alternative {s}"),
    }
}

fn center(name: &str, cut: &str) -> Center {
    match name {
        "mean" => Center::Mean,
        "median" => Center::Median,
        "trimmed" => Center::Trimmed(cut.parse().unwrap()),
        _ => panic!("center {name}"),
    }
}

fn pair(r: SignificanceResult) -> Vec<f64> {
    vec![r.statistic, r.pvalue]
}

// Same formulas and NumPy's pairwise sums; what remains is the order of a few additions
// (NumPy's partition order inside trimmed means, the sums over groups) and the F / χ²
// survival functions: 1e-12 relative. p-values that underflow alike: atol 1e-300.
const RTOL: f64 = 1e-12;

#[test]
fn every_case_matches_scipy() {
    let fx = load("stats_anova");
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for key in fx.keys().into_iter().filter(|k| k.contains(':')) {
        let p: Vec<&str> = key.split(':').collect();
        let want = fx.get(&key);
        let samples: Vec<Array1<f64>> =
            if p[0] == "tiecorrect" { vec![] } else { p[1].split('+').map(|n| vec1(&fx, n)).collect() };
        let got: Result<Vec<f64>> = match p[0] {
            "f_oneway" => f_oneway(&samples, p[2] == "True").map(pair),
            "kruskal" => kruskal(&samples).map(pair),
            "bartlett" => bartlett(&samples).map(pair),
            "levene" => levene(&samples, center(p[2], p[3])).map(pair),
            "fligner" => fligner(&samples, center(p[2], p[3])).map(pair),
            "ranksums" => {
                if samples.len() == 2 {
                    Ok(pair(ranksums(&samples[0], &samples[1], alternative(p[2]))))
                } else {
                    panic!("{key}")
                }
            }
            "friedmanchisquare" => friedmanchisquare(&samples).map(pair),
            "wilcoxon" => {
                let zm = match p[2] {
                    "wilcox" => ZeroMethod::Wilcox,
                    "pratt" => ZeroMethod::Pratt,
                    _ => ZeroMethod::Zsplit,
                };
                let method = match p[4] {
                    "auto" => PvalueMethod::Auto,
                    "exact" => PvalueMethod::Exact,
                    _ => PvalueMethod::Asymptotic,
                };
                wilcoxon(&samples[0], samples.get(1), zm, p[3] == "True", alternative(p[5]), method).map(
                    |r| {
                        let mut v = vec![r.statistic, r.pvalue];
                        v.extend(r.zstatistic);
                        v
                    },
                )
            }
            "tiecorrect" => {
                let x = vec1(&fx, p[1]);
                let ranks =
                    if p[1] == "f6b" || p[1] == "one" { x } else { rankdata(&x, RankMethod::Average) };
                Ok(vec![tiecorrect(&ranks)])
            }
            other => panic!("unknown case {other}"),
        };
        *seen.entry(p[0].to_string()).or_default() += 1;
        if want.as_str() == Some("error") {
            assert!(got.is_err(), "{key}: SciPy raises, got {got:?}");
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{key}: {e}"));
        let want = fx.array_f64(&key);
        assert_eq!(got.len(), want.len(), "{key}: number of outputs");
        for (g, w) in got.iter().zip(want.iter()) {
            assert!(
                (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= 1e-300 + RTOL * w.abs(),
                "{key}: got {got:?}, SciPy {want}"
            );
        }
    }
    // Every function was exercised (a renamed key must not silently skip a group).
    for (name, min) in [
        ("f_oneway", 30),
        ("kruskal", 15),
        ("bartlett", 15),
        ("levene", 60),
        ("fligner", 60),
        ("ranksums", 20),
        ("friedmanchisquare", 10),
        ("wilcoxon", 600),
        ("tiecorrect", 4),
    ] {
        assert!(seen.get(name).copied().unwrap_or(0) >= min, "{name}: {seen:?}");
    }
}

#[test]
fn views_and_order_do_not_matter() {
    let x = array![0.3, 1.7, -0.4, 2.2, 0.9, 1.1, -1.3, 0.05, 0.6, 1.9];
    let y = array![1.2, 0.4, 2.5, 1.8, 0.2, 3.1, 1.4, 2.2, 0.7, 1.6];
    let stepped = x.slice(s![..;2]);
    let owned = stepped.to_owned();
    let a = kruskal(&[stepped, y.slice(s![..5])]).unwrap();
    let b = kruskal(&[owned.view(), y.slice(s![..5])]).unwrap();
    assert_eq!(a, b);
    let r1 =
        wilcoxon(&x, Some(&y), ZeroMethod::Wilcox, false, Alternative::TwoSided, PvalueMethod::Auto).unwrap();
    let d = &x - &y;
    let r2 = wilcoxon(
        &d,
        None::<&Array1<f64>>,
        ZeroMethod::Wilcox,
        false,
        Alternative::TwoSided,
        PvalueMethod::Auto,
    )
    .unwrap();
    assert_eq!(r1, r2);
    // Levene and Bartlett do not depend on the order of the samples.
    let l1 = levene(&[x.view(), y.view()], Center::Median).unwrap();
    let l2 = levene(&[y.view(), x.view()], Center::Median).unwrap();
    close(l1.statistic, l2.statistic, 1e-14, 0.0);
}

#[test]
fn bad_input_is_an_error() {
    let a = array![1.0, 2.0, 3.0];
    let b = array![1.0, 2.0];
    let one = [a.view()];
    let cases: Vec<(&str, Result<SignificanceResult>, &str)> = vec![
        ("f_oneway one sample", f_oneway(&one, true), "samples"),
        ("kruskal one sample", kruskal(&one), "samples"),
        ("bartlett one sample", bartlett(&one), "samples"),
        ("levene one sample", levene(&one, Center::Median), "samples"),
        ("fligner one sample", fligner(&one, Center::Mean), "samples"),
        ("friedman two samples", friedmanchisquare(&[a.view(), a.view()]), "samples"),
        ("friedman lengths", friedmanchisquare(&[a.view(), a.view(), b.view()]), "samples"),
        ("levene trimmed 0.9", levene(&[a.view(), b.view()], Center::Trimmed(0.9)), "proportiontocut"),
        ("fligner trimmed nan", fligner(&[a.view(), b.view()], Center::Trimmed(f64::NAN)), "proportiontocut"),
    ];
    for (label, got, arg) in cases {
        let err = got.expect_err(label);
        assert!(err.to_string().contains(arg), "{label}: {err}");
    }
    let err = wilcoxon(&a, Some(&b), ZeroMethod::Wilcox, false, Alternative::TwoSided, PvalueMethod::Auto)
        .unwrap_err();
    assert!(matches!(err, StatsError::ShapeMismatch { .. }), "{err}");
}

//! scipy.stats parity for power_divergence, chi2_contingency, expected_freq, fisher_exact and
//! binomtest (with proportion_ci): tests/fixtures/stats_contingency.json (written by
//! tools/fixtures/stats_contingency.py). Every `function:input:options` key is checked.

mod common;
use common::*;
use sci_array::ndarray::{Array2, Ix2, array};
use sci_stats::*;

fn alternative(s: &str) -> Alternative {
    match s {
        "two-sided" => Alternative::TwoSided,
        "less" => Alternative::Less,
        "greater" => Alternative::Greater,
        _ => panic!("alternative {s}"),
    }
}

fn lambda(s: &str) -> Option<PowerLambda> {
    Some(match s {
        "none" => return None,
        "log-likelihood" => PowerLambda::LogLikelihood,
        "freeman-tukey" => PowerLambda::FreemanTukey,
        "mod-log-likelihood" => PowerLambda::ModLogLikelihood,
        "neyman" => PowerLambda::Neyman,
        "cressie-read" => PowerLambda::CressieRead,
        v => PowerLambda::Value(v.parse().unwrap()),
    })
}

#[track_caller]
fn check(key: &str, got: &[f64], want: &[f64], rtol: f64, atol: f64) {
    assert_eq!(got.len(), want.len(), "{key}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= atol + rtol * w.abs(),
            "{key}: got {got:?}, SciPy {want:?}"
        );
    }
}

fn table(fx: &sci_array::testing::fixture::Fixture, name: &str) -> Array2<f64> {
    fx.array_f64(name).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn every_case_matches_scipy() {
    let fx = load("stats_contingency");
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for key in fx.keys().into_iter().filter(|k| k.contains(':') && !k.ends_with(":expected")) {
        let p: Vec<&str> = key.split(':').collect();
        *seen.entry(p[0].to_string()).or_default() += 1;
        let want = fx.get(&key);
        let is_err = want.as_str() == Some("error");
        let want: Vec<f64> = if is_err { vec![] } else { fx.array_f64(&key).iter().copied().collect() };
        match p[0] {
            "chi2_contingency" => {
                let got = chi2_contingency(&table(&fx, p[1]), p[2] == "True", lambda(p[3]));
                if is_err {
                    assert!(got.is_err(), "{key}: SciPy raises");
                    continue;
                }
                let r = got.unwrap();
                // The same terms summed pairwise as NumPy; the χ² survival function: 1e-12.
                check(&key, &[r.statistic, r.pvalue, r.dof as f64], &want, 1e-12, 1e-300);
                let e: Vec<f64> = fx.array_f64(&format!("{key}:expected")).iter().copied().collect();
                check(&key, &r.expected_freq.iter().copied().collect::<Vec<_>>(), &e, 1e-15, 0.0);
            }
            "expected_freq" => {
                let got = expected_freq(&table(&fx, p[1]));
                check(&key, &got.iter().copied().collect::<Vec<_>>(), &want, 1e-15, 0.0);
            }
            "fisher_exact" => {
                let r = fisher_exact(&table(&fx, p[1]), alternative(p[2])).unwrap();
                // Sums of hypergeometric probabilities (ours and Boost's agree to ~1e-14).
                check(&key, &[r.statistic, r.pvalue], &want, 1e-12, 1e-300);
            }
            "power_divergence" => {
                let (obs, exp) = p[1].split_once('+').unwrap();
                let obs = vec1(&fx, obs);
                let exp = (exp != "None").then(|| vec1(&fx, exp));
                let got = power_divergence(
                    &obs,
                    exp.as_ref(),
                    p[3].parse().unwrap(),
                    lambda(p[2]).unwrap_or_default(),
                );
                if is_err {
                    assert!(got.is_err(), "{key}: SciPy raises");
                    continue;
                }
                let r = got.unwrap();
                check(&key, &[r.statistic, r.pvalue], &want, 1e-12, 1e-300);
            }
            "binomtest" => {
                let q: Vec<&str> = p[1].split('_').collect();
                let r = binomtest(
                    q[0].parse().unwrap(),
                    q[1].parse().unwrap(),
                    q[2].parse().unwrap(),
                    alternative(p[2]),
                )
                .unwrap();
                check(&key, &[r.statistic, r.pvalue], &want[..2], 1e-12, 1e-300);
                let mut i = 2;
                for cl in [0.95, 0.8] {
                    for m in
                        [ProportionCiMethod::Exact, ProportionCiMethod::Wilson, ProportionCiMethod::WilsonCc]
                    {
                        let (lo, hi) = r.proportion_ci(cl, m).unwrap();
                        // SciPy finds the exact (Clopper-Pearson) limits with brentq's default
                        // xtol = 2e-12; ours are bisected to the last bit.
                        let (rtol, atol) =
                            if m == ProportionCiMethod::Exact { (1e-10, 1e-11) } else { (1e-13, 0.0) };
                        check(&format!("{key} {cl} {m:?}"), &[lo, hi], &want[i..i + 2], rtol, atol);
                        i += 2;
                    }
                }
            }
            other => panic!("unknown case {other}"),
        }
    }
    for (name, min) in [
        ("chi2_contingency", 150),
        ("expected_freq", 10),
        ("fisher_exact", 39),
        ("power_divergence", 100),
        ("binomtest", 39),
    ] {
        assert!(seen.get(name).copied().unwrap_or(0) >= min, "{name}: {seen:?}");
    }
}

#[test]
fn bad_input_is_an_error() {
    let t3 = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let cases: Vec<(&str, Result<SignificanceResult>, &str)> = vec![
        ("fisher 2x3", fisher_exact(&t3, Alternative::TwoSided), "table"),
        ("fisher negative", fisher_exact(&array![[1.0, -1.0], [2.0, 3.0]], Alternative::TwoSided), "table"),
        ("fisher fractional", fisher_exact(&array![[1.5, 1.0], [2.0, 3.0]], Alternative::Less), "table"),
        ("fisher nan", fisher_exact(&array![[f64::NAN, 1.0], [2.0, 3.0]], Alternative::Less), "table"),
        (
            "power_divergence lengths",
            power_divergence(&array![1.0, 2.0], Some(&array![1.5, 1.0, 0.5]), 0, PowerLambda::Pearson),
            "f_exp",
        ),
        (
            "power_divergence sums",
            power_divergence(&array![1.0, 2.0], Some(&array![1.0, 1.0]), 0, PowerLambda::Pearson),
            "f_exp",
        ),
    ];
    for (label, got, arg) in cases {
        let err = got.expect_err(label);
        assert!(err.to_string().contains(arg), "{label}: {err}");
    }
    for (label, got) in [
        ("negative count", chi2_contingency(&array![[1.0, -2.0], [3.0, 4.0]], true, None)),
        ("empty table", chi2_contingency(&Array2::<f64>::zeros((0, 2)), true, None)),
        ("zero column", chi2_contingency(&array![[0.0, 1.0], [0.0, 4.0]], false, None)),
    ] {
        let err = got.expect_err(label);
        assert!(err.to_string().contains("observed"), "{label}: {err}");
    }
    for (label, got, arg) in [
        ("n = 0", binomtest(0, 0, 0.5, Alternative::TwoSided), "`n`"),
        ("k > n", binomtest(5, 4, 0.5, Alternative::TwoSided), "`k`"),
        ("p > 1", binomtest(1, 4, 1.5, Alternative::Less), "`p`"),
        ("p nan", binomtest(1, 4, f64::NAN, Alternative::Less), "`p`"),
    ] {
        let err = got.expect_err(label);
        assert!(err.to_string().contains(arg), "{label}: {err}");
    }
    let r = binomtest(1, 4, 0.5, Alternative::Less).unwrap();
    assert!(r.proportion_ci(1.5, ProportionCiMethod::Wilson).is_err());
}

//! scipy.stats parity for ttest_1samp/ind/rel, spearmanr, linregress, rankdata and chisquare:
//! tests/fixtures/stats_tests.json (written by tools/fixtures/stats_tests.py).

mod common;
use common::*;
use sci_array::ndarray::{Array1, array, s};
use sci_stats::*;

const ALTS: [(&str, Alternative); 3] =
    [("two-sided", Alternative::TwoSided), ("less", Alternative::Less), ("greater", Alternative::Greater)];

// p-values go through the t/chi2 CDFs (betainc/gammainc ports vs SciPy's Boost): 1e-12.
const RTOL: f64 = 1e-12;

#[test]
fn t_tests_match_scipy() {
    let fx = load("stats_tests");
    let (a, b, c) = (vec1(&fx, "a"), vec1(&fx, "b"), vec1(&fx, "c"));
    let arr = |r: TtestResult| Array1::from(vec![r.statistic, r.pvalue, r.df]).into_dyn();
    for (name, alt) in ALTS {
        close_arr(&arr(ttest_1samp(&a, 4.5, alt)), &fx.array_f64(&format!("ttest_1samp_{name}")), RTOL, 0.0);
        for eq in [true, false] {
            let key = format!("ttest_ind_{}_{name}", if eq { "True" } else { "False" });
            close_arr(&arr(ttest_ind(&a, &b, eq, alt)), &fx.array_f64(&key), RTOL, 0.0);
        }
        close_arr(
            &arr(ttest_rel(&a, &c, alt).unwrap()),
            &fx.array_f64(&format!("ttest_rel_{name}")),
            RTOL,
            0.0,
        );
    }
    let one = ttest_1samp(&array![1.0], 0.0, Alternative::TwoSided);
    assert!(one.statistic.is_nan() && one.pvalue.is_nan());
    assert!(fx.array_f64("ttest_1samp_one").iter().all(|v| v.is_nan()));
}

#[test]
fn spearmanr_and_linregress_match_scipy() {
    let fx = load("stats_tests");
    let (a, c, ties) = (vec1(&fx, "a"), vec1(&fx, "c"), vec1(&fx, "ties"));
    let ties2: Array1<f64> = ties.slice(s![..;-1]).mapv(|v| v * v);
    let pair = |r: CorrelationResult| Array1::from(vec![r.statistic, r.pvalue]).into_dyn();
    for (name, alt) in ALTS {
        close_arr(
            &pair(spearmanr(&a, &c, alt).unwrap()),
            &fx.array_f64(&format!("spearmanr_{name}")),
            RTOL,
            0.0,
        );
        close_arr(
            &pair(spearmanr(&ties, &ties2, alt).unwrap()),
            &fx.array_f64(&format!("spearmanr_ties_{name}")),
            RTOL,
            0.0,
        );
        let r = linregress(&a, &c, alt).unwrap();
        let got = Array1::from(vec![r.slope, r.intercept, r.rvalue, r.pvalue, r.stderr, r.intercept_stderr]);
        close_arr(&got.into_dyn(), &fx.array_f64(&format!("linregress_{name}")), RTOL, 0.0);
    }
    let r = linregress(&array![1.0, 2.0], &array![3.0, 5.0], Alternative::TwoSided).unwrap();
    let got = Array1::from(vec![r.slope, r.intercept, r.rvalue, r.pvalue, r.stderr, r.intercept_stderr]);
    close_arr(&got.into_dyn(), &fx.array_f64("linregress_two"), 1e-15, 0.0);
}

#[test]
fn rankdata_matches_scipy() {
    let fx = load("stats_tests");
    let ties = vec1(&fx, "ties");
    for (name, m) in [
        ("average", RankMethod::Average),
        ("min", RankMethod::Min),
        ("max", RankMethod::Max),
        ("dense", RankMethod::Dense),
        ("ordinal", RankMethod::Ordinal),
    ] {
        close_arr(&rankdata(&ties, m).into_dyn(), &fx.array_f64(&format!("rankdata_{name}")), 0.0, 0.0);
        // A reversed (negative-stride) view ranks the same values.
        let rev = ties.slice(s![..;-1]);
        let back: Array1<f64> = rankdata(&rev, m).slice(s![..;-1]).to_owned();
        if m != RankMethod::Ordinal {
            assert_eq!(back, rankdata(&ties, m));
        }
    }
    close_arr(
        &rankdata(&array![1.0, f64::NAN, 0.5], RankMethod::Average).into_dyn(),
        &fx.array_f64("rankdata_nan"),
        0.0,
        0.0,
    );
    assert_eq!(rankdata(&Array1::<f64>::zeros(0), RankMethod::Average).len(), 0);
}

#[test]
fn chisquare_matches_scipy() {
    let fx = load("stats_tests");
    let (obs, exp) = (vec1(&fx, "obs"), vec1(&fx, "exp"));
    let r = chisquare(&obs, None::<&Array1<f64>>, 0).unwrap();
    close_arr(&Array1::from(vec![r.statistic, r.pvalue]).into_dyn(), &fx.array_f64("chisquare"), RTOL, 0.0);
    let r = chisquare(&obs, Some(&exp), 1).unwrap();
    close_arr(
        &Array1::from(vec![r.statistic, r.pvalue]).into_dyn(),
        &fx.array_f64("chisquare_exp_ddof1"),
        RTOL,
        0.0,
    );
}

#[test]
fn bad_input_is_an_error() {
    let x = array![1.0, 2.0, 3.0];
    let two = array![1.0, 2.0];
    let one = array![1.0];
    let errs: Vec<(&str, StatsError)> = vec![
        ("ttest_rel lengths", ttest_rel(&x, &two, Alternative::TwoSided).unwrap_err()),
        ("spearmanr lengths", spearmanr(&x, &two, Alternative::TwoSided).unwrap_err()),
        ("spearmanr short", spearmanr(&one, &one, Alternative::TwoSided).unwrap_err()),
        ("linregress lengths", linregress(&x, &two, Alternative::TwoSided).unwrap_err()),
        ("linregress short", linregress(&one, &one, Alternative::TwoSided).unwrap_err()),
        ("linregress constant x", linregress(&array![2.0, 2.0, 2.0], &x, Alternative::TwoSided).unwrap_err()),
        ("chisquare f_exp length", chisquare(&x, Some(&two), 0).unwrap_err()),
        ("chisquare sums", chisquare(&x, Some(&array![1.0, 1.0, 1.0]), 0).unwrap_err()),
    ];
    for (what, e) in errs {
        let ok = match what {
            "ttest_rel lengths" | "spearmanr lengths" | "linregress lengths" | "chisquare f_exp length" => {
                matches!(e, StatsError::ShapeMismatch { .. })
            }
            "spearmanr short" | "linregress short" => matches!(e, StatsError::TooShort { min: 2, .. }),
            _ => matches!(e, StatsError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e}");
    }
}

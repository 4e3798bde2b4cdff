//! scipy.stats parity for pearsonr and the Kolmogorov-Smirnov test (with SciPy's kstwo,
//! ksone and kstwobign distributions): tests/fixtures/stats_core.json (written by
//! tools/fixtures/stats_core.py).

mod common;
use common::*;
use sci_array::ndarray::Array1;
use sci_stats::*;

const ALTS: [(&str, Alternative); 3] =
    [("two-sided", Alternative::TwoSided), ("less", Alternative::Less), ("greater", Alternative::Greater)];

#[test]
fn pearsonr_matches_scipy() {
    let fx = load("stats_core");
    for case in ["tutorial", "random", "two", "negative", "constant"] {
        let x = vec1(&fx, &format!("pearsonr/{case}/x"));
        let y = vec1(&fx, &format!("pearsonr/{case}/y"));
        for (name, alt) in ALTS {
            let r = pearsonr(&x, &y, alt).unwrap();
            // The p-value goes through betainc (Cephes here, Boost in SciPy): 1e-12.
            close_arr(
                &Array1::from(vec![r.statistic, r.pvalue]).into_dyn(),
                &fx.array_f64(&format!("pearsonr/{case}/{name}")),
                1e-12,
                0.0,
            );
        }
    }
}

#[test]
fn kstest_matches_scipy() {
    let fx = load("stats_core");
    let norm = Norm::standard();
    for case in
        ["tutorial", "n1", "n5", "n30", "n30_shifted", "n100", "n200", "n500_shifted", "n3000", "n12_far"]
    {
        let x = vec1(&fx, &format!("kstest/{case}/x"));
        for (name, alt) in ALTS {
            let r = kstest(&x, &norm, alt, KsMethod::Auto).unwrap();
            let got =
                Array1::from(vec![r.statistic, r.pvalue, r.statistic_location, f64::from(r.statistic_sign)]);
            // 1e-11: the exact p-values come out of long recursions (Pomeranz, the Durbin
            // matrix power, SciPy partly in long double) and the Birnbaum-Tingey sum.
            close_arr(&got.into_dyn(), &fx.array_f64(&format!("kstest/{case}/{name}")), 1e-11, 1e-300);
        }
        for (name, method) in [("asymp", KsMethod::Asymp), ("approx", KsMethod::Approx)] {
            let r = kstest(&x, &norm, Alternative::TwoSided, method).unwrap();
            close_arr(
                &Array1::from(vec![r.statistic, r.pvalue]).into_dyn(),
                &fx.array_f64(&format!("kstest/{case}/{name}")),
                1e-11,
                1e-300,
            );
        }
    }
}

#[test]
fn ks_distributions_match_scipy() {
    let fx = load("stats_core");
    let n = fx.array_f64("kstwo/n");
    let x = fx.array_f64("kstwo/x");
    let sf: Array1<f64> = n.iter().zip(x.iter()).map(|(&n, &x)| kstwo_sf(n as usize, x)).collect();
    let cdf: Array1<f64> = n.iter().zip(x.iter()).map(|(&n, &x)| kstwo_cdf(n as usize, x)).collect();
    close_arr(&sf.into_dyn(), &fx.array_f64("kstwo/sf"), 1e-11, 1e-300);
    close_arr(&cdf.into_dyn(), &fx.array_f64("kstwo/cdf"), 1e-11, 1e-300);
    let n = fx.array_f64("ksone/n");
    let x = fx.array_f64("ksone/x");
    let sf: Array1<f64> = n.iter().zip(x.iter()).map(|(&n, &x)| ksone_sf(n as usize, x)).collect();
    close_arr(&sf.into_dyn(), &fx.array_f64("ksone/sf"), 1e-11, 1e-300);
    let x = fx.array_f64("kolmogorov/x");
    close_arr(&x.mapv(kstwobign_sf), &fx.array_f64("kolmogorov/sf"), 1e-13, 1e-300);
}

#[test]
fn bad_input_is_an_error() {
    let e = Array1::<f64>::zeros(0);
    let one = sci_array::ndarray::array![1.0];
    let three = sci_array::ndarray::array![1.0, 2.0, 3.0];
    let norm = Norm::standard();
    let cases: Vec<(&str, StatsError)> = vec![
        ("kstest empty", kstest(&e, &norm, Alternative::TwoSided, KsMethod::Auto).unwrap_err()),
        ("pearsonr short", pearsonr(&one, &one, Alternative::TwoSided).unwrap_err()),
        ("pearsonr lengths", pearsonr(&three, &one, Alternative::TwoSided).unwrap_err()),
    ];
    assert!(matches!(cases[0].1, StatsError::TooShort { arg: "x", min: 1, found: 0 }));
    assert!(matches!(cases[1].1, StatsError::TooShort { arg: "x", min: 2, found: 1 }));
    assert!(matches!(cases[2].1, StatsError::ShapeMismatch { arg: "y", .. }));
}

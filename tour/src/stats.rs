//! The stats chapter: distributions, descriptive statistics, tests, the multivariate normal and
//! a Gaussian-mixture decision boundary.

use crate::plot::{self, PALETTE, Series};
use crate::report::Tour;
use sci::ndarray::{Array1, array};
use sci::prelude::*;
use sci::stats::{
    Alternative, Geom, KsMethod, MultivariateNormal, Norm, describe, gmean, hmean, kstest, pearsonr, tmean,
};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Statistics (sci::stats)");
    let norm = Norm::standard();
    tour.check("stats.norm_cdf_1.96", json!(norm.cdf(1.96)));
    tour.check("stats.norm_ppf_0.975", json!(norm.ppf(0.975)));
    let g = Geom::new(0.5, 0.0)?;
    tour.check("stats.geom_pmf_cdf_3", json!([g.pmf(3.0), g.cdf(3.0)]));

    let sample = array![2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.9, 3.7, 2.2, 6.1, 3.9];
    let d = describe(&sample, 1, true)?;
    tour.check(
        "stats.describe",
        json!([d.nobs, d.minmax.0, d.minmax.1, d.mean, d.variance, d.skewness, d.kurtosis]),
    );
    let none: Option<&Array1<f64>> = None;
    tour.check(
        "stats.gmean_hmean_tmean",
        json!([
            gmean(&sample, none)?,
            hmean(&sample, none)?,
            tmean(&sample, Some((2.0, 5.0)), (true, true))?
        ]),
    );
    let d1 = describe(&sample, 1, true)?;
    let standardized = sample.mapv(|v| (v - d1.mean) / d1.variance.sqrt());
    let ks = kstest(&standardized, &norm, Alternative::TwoSided, KsMethod::Auto)?;
    tour.check("stats.kstest_norm", json!([ks.statistic, ks.pvalue]));
    let r = pearsonr(&sample, &sample.mapv(|v| v * v), Alternative::TwoSided)?;
    tour.check("stats.pearsonr", json!([r.statistic, r.pvalue]));
    let mv = MultivariateNormal::new(&array![-5.0, -5.0], &array![[10.0, 2.0], [2.0, 20.0]])?;
    tour.check("stats.mvn_pdf_0_0", json!(mv.pdf(&array![0.0, 0.0])?));

    mixture_boundary(tour, dir)
}

/// Two 2-d Gaussian classes with priors 0.6 and 0.4: seeded samples and the Bayes decision
/// boundary, where 0.6·p₁(x) = 0.4·p₂(x).
fn mixture_boundary(tour: &mut Tour, dir: &Path) -> Res {
    let (prior1, prior2): (f64, f64) = (0.6, 0.4);
    let c1 = MultivariateNormal::new(&array![-1.0, -1.0], &array![[1.0, 0.4], [0.4, 1.0]])?;
    let c2 = MultivariateNormal::new(&array![1.5, 1.0], &array![[1.5, -0.5], [-0.5, 0.8]])?;
    let s1 = c1.rvs(300, 1)?;
    let s2 = c2.rvs(200, 2)?;
    // Discriminant: positive where class 1 wins.
    let disc = |x: f64, y: f64| -> Result<f64, sci::stats::StatsError> {
        let p = array![x, y];
        Ok(prior1.ln() + c1.logpdf(&p)? - prior2.ln() - c2.logpdf(&p)?)
    };
    let mut correct = 0usize;
    for row in s1.rows() {
        correct += usize::from(disc(row[0], row[1])? > 0.0);
    }
    for row in s2.rows() {
        correct += usize::from(disc(row[0], row[1])? <= 0.0);
    }
    let accuracy = correct as f64 / (s1.nrows() + s2.nrows()) as f64;
    tour.check_claim(
        "stats.mixture_bayes_accuracy",
        json!(accuracy),
        "the Bayes rule classifies at least 85% of the 500 seeded samples correctly",
        accuracy >= 0.85,
    );
    // The boundary: sign changes of the discriminant along the rows and columns of a grid,
    // refined by bisection.
    let (lo, hi, n) = (-5.0, 5.0, 240);
    let step = (hi - lo) / n as f64;
    let mut boundary = Vec::new();
    let bisect =
        |mut a: (f64, f64), mut b: (f64, f64), fa: f64| -> Result<(f64, f64), sci::stats::StatsError> {
            for _ in 0..40 {
                let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                if (disc(m.0, m.1)? > 0.0) == (fa > 0.0) {
                    a = m;
                } else {
                    b = m;
                }
            }
            Ok(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0))
        };
    for i in 0..=n {
        let u = lo + i as f64 * step;
        for j in 0..n {
            let (v0, v1) = (lo + j as f64 * step, lo + (j + 1) as f64 * step);
            for (a, b) in [((u, v0), (u, v1)), ((v0, u), (v1, u))] {
                let (fa, fb) = (disc(a.0, a.1)?, disc(b.0, b.1)?);
                if (fa > 0.0) != (fb > 0.0) {
                    boundary.push(bisect(a, b, fa)?);
                }
            }
        }
    }
    let on_boundary = boundary.iter().all(|&(x, y)| disc(x, y).map(|v| v.abs() < 1e-6).unwrap_or(false));
    tour.check_claim(
        "stats.mixture_boundary",
        json!(boundary.len()),
        "0.6·p₁ = 0.4·p₂ (to 1e-6 in log space) at every traced boundary point",
        !boundary.is_empty() && on_boundary,
    );
    let pts = |s: &sci::ndarray::Array2<f64>| s.rows().into_iter().map(|r| (r[0], r[1])).collect::<Vec<_>>();
    plot::scatter(
        &dir.join("stats_mixture_boundary.png"),
        "Two Gaussian classes and the Bayes decision boundary",
        &[
            Series { label: "class 1 (prior 0.6)", points: pts(&s1), color: PALETTE[0] },
            Series { label: "class 2 (prior 0.4)", points: pts(&s2), color: PALETTE[1] },
        ],
        &[Series { label: "0.6 p1(x) = 0.4 p2(x)", points: boundary, color: PALETTE[3] }],
    )?;
    tour.figure(
        "stats_mixture_boundary.png",
        &format!(
            "MultivariateNormal classes, 300 + 200 seeded samples; the quadratic boundary (unequal covariances) \
             classifies {:.1}% of them correctly",
            100.0 * accuracy
        ),
    );
    Ok(())
}

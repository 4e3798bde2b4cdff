//! `stats.*` workloads: sci-stats against `scipy.stats`.
//!
//! Python side: `benches/python/bench_stats.py`.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use ndarray::Array1;
use sci_stats::{
    Alternative, BwMethod, ContinuousDistribution, GaussianKde, KendallVariant, KsMethod, Norm, PvalueMethod,
    RankMethod, describe, kendalltau, ks_2samp, mannwhitneyu, pearsonr, rankdata, spearmanr,
};

/// The `stats.*` workloads.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "stats.norm_cdf_1e6",
            about: "sci_stats::Norm::standard().cdf_array(x), 1e6 normal points",
            setup: norm_cdf,
        },
        Workload {
            name: "stats.norm_ppf_1e6",
            about: "sci_stats::Norm::standard().ppf_array(q), 1e6 uniform q",
            setup: norm_ppf,
        },
        Workload {
            name: "stats.describe_1e6",
            about: "sci_stats::describe(x, ddof=1, bias=true), 1e6 points",
            setup: describe_1e6,
        },
        Workload {
            name: "stats.pearsonr_1e5",
            about: "sci_stats::pearsonr(x, y), 1e5 points",
            setup: pearsonr_1e5,
        },
        Workload {
            name: "stats.spearmanr_1e5",
            about: "sci_stats::spearmanr(x, y), 1e5 points",
            setup: spearmanr_1e5,
        },
        Workload {
            name: "stats.rankdata_1e6",
            about: "sci_stats::rankdata(x, average), 1e6 points with ties",
            setup: rankdata_1e6,
        },
        Workload {
            name: "stats.kendalltau_1e5",
            about: "sci_stats::kendalltau(x, y) (tau-b, asymptotic p-value), 1e5 points",
            setup: kendalltau_1e5,
        },
        Workload {
            name: "stats.mannwhitneyu_1e5",
            about: "sci_stats::mannwhitneyu(x, y), 1e5 + 1e5 points",
            setup: mannwhitneyu_1e5,
        },
        Workload {
            name: "stats.ks_2samp_1e4",
            about: "sci_stats::ks_2samp(x, y) with the exact p-value, 1e4 + 8e3 points",
            setup: ks_2samp_1e4,
        },
        Workload {
            name: "stats.gaussian_kde_2d_1e4x1e3",
            about: "sci_stats::GaussianKde::new(2 x 1e4 data).evaluate(2 x 1e3 points)",
            setup: kde_2d,
        },
    ]
}

fn norm_cdf(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1_000_000).mapv(|v| 2.0 * v);
    inp.save("x", &x)?;
    let n = Norm::standard();
    Ok(Box::new(move || Ok(vec![("cdf", n.cdf_array(&x).into())])))
}

fn norm_ppf(inp: &mut Inputs) -> Result<Case, String> {
    let q = inp.rng().uniform_vec(1_000_000);
    inp.save("q", &q)?;
    let n = Norm::standard();
    Ok(Box::new(move || Ok(vec![("ppf", n.ppf_array(&q).into())])))
}

fn describe_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(1_000_000).mapv(|v| v * 3.0 + 1.0);
    inp.save("x", &x)?;
    Ok(Box::new(move || {
        let d = describe(&x, 1, true).map_err(msg)?;
        let out = Array1::from(vec![
            d.nobs as f64,
            d.minmax.0,
            d.minmax.1,
            d.mean,
            d.variance,
            d.skewness,
            d.kurtosis,
        ]);
        Ok(vec![("describe", out.into())])
    }))
}

fn pair(inp: &mut Inputs, n: usize) -> Result<(Array1<f64>, Array1<f64>), String> {
    let x = inp.rng().normal_vec(n);
    let e = inp.rng().normal_vec(n);
    let y = &x * 0.3 + &e;
    inp.save("x", &x)?;
    inp.save("y", &y)?;
    Ok((x, y))
}

fn pearsonr_1e5(inp: &mut Inputs) -> Result<Case, String> {
    let (x, y) = pair(inp, 100_000)?;
    Ok(Box::new(move || {
        let r = pearsonr(&x, &y, Alternative::TwoSided).map_err(msg)?;
        Ok(vec![("r", Array1::from(vec![r.statistic, r.pvalue]).into())])
    }))
}

fn spearmanr_1e5(inp: &mut Inputs) -> Result<Case, String> {
    let (x, y) = pair(inp, 100_000)?;
    Ok(Box::new(move || {
        let r = spearmanr(&x, &y, Alternative::TwoSided).map_err(msg)?;
        Ok(vec![("r", Array1::from(vec![r.statistic, r.pvalue]).into())])
    }))
}

fn rankdata_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().int_vec(1_000_000, 50_000).mapv(|v| v as f64);
    inp.save("x", &x)?;
    Ok(Box::new(move || Ok(vec![("ranks", rankdata(&x, RankMethod::Average).into())])))
}

fn kendalltau_1e5(inp: &mut Inputs) -> Result<Case, String> {
    let (x, y) = pair(inp, 100_000)?;
    Ok(Box::new(move || {
        let r =
            kendalltau(&x, &y, KendallVariant::B, PvalueMethod::Auto, Alternative::TwoSided).map_err(msg)?;
        Ok(vec![("r", Array1::from(vec![r.statistic, r.pvalue]).into())])
    }))
}

fn mannwhitneyu_1e5(inp: &mut Inputs) -> Result<Case, String> {
    let (x, y) = pair(inp, 100_000)?;
    Ok(Box::new(move || {
        let r = mannwhitneyu(&x, &y, true, Alternative::TwoSided, PvalueMethod::Auto).map_err(msg)?;
        Ok(vec![("r", Array1::from(vec![r.statistic, r.pvalue]).into())])
    }))
}

fn ks_2samp_1e4(inp: &mut Inputs) -> Result<Case, String> {
    let x = inp.rng().normal_vec(10_000);
    let y = inp.rng().normal_vec(8_000).mapv(|v| v * 1.02 + 0.01);
    inp.save("x", &x)?;
    inp.save("y", &y)?;
    Ok(Box::new(move || {
        let r = ks_2samp(&x, &y, Alternative::TwoSided, KsMethod::Auto).map_err(msg)?;
        Ok(vec![("r", Array1::from(vec![r.statistic, r.pvalue]).into())])
    }))
}

fn kde_2d(inp: &mut Inputs) -> Result<Case, String> {
    let data = inp.rng().normal_vec(20_000).into_shape_with_order((2, 10_000)).map_err(msg)?;
    let pts = inp.rng().normal_vec(2_000).into_shape_with_order((2, 1_000)).map_err(msg)?;
    inp.save("data", &data)?;
    inp.save("pts", &pts)?;
    Ok(Box::new(move || {
        let kde = GaussianKde::new(&data, BwMethod::Scott, None).map_err(msg)?;
        Ok(vec![("pdf", kde.evaluate(&pts).map_err(msg)?.into())])
    }))
}

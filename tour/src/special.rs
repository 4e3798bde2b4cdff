//! The special-functions chapter: broadcasting ufuncs, log-space tricks (gammaln, logsumexp
//! with signed weights), erf, Bessel J_v and the Jacobian elliptic functions.

use crate::plot::{self, Series};
use crate::report::Tour;
use sci::ndarray::{Array1, array};
use sci::special::{self, LogsumexpOptions};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Special functions (sci::special)");
    // Ufuncs broadcast: a (2,) row against a (3, 1) column gives (3, 2).
    let r = special::ufunc2(&array![1.0, 2.0], &array![[3.0], [4.0], [5.0]], special::xlog1py)?;
    tour.check("special.xlog1py_shape", json!(r.shape()));
    tour.check("special.xlog1py_tiny", json!(special::xlog1py(2.5, 1e-18)));
    let lg = special::ufunc1(&array![5.0, 50.0, 500.0], special::gammaln);
    tour.check("special.gammaln_5_50_500", json!(lg.to_vec()));
    // Γ(500) overflows a double, the ratio Γ(500)/Γ(499) = 499 does not.
    let ratio = (special::gammaln(500.0) - special::gammaln(499.0)).exp();
    tour.check("special.gamma_ratio_500_499", json!(ratio));
    let b = array![1.0, -1.0].into_dyn();
    let a = array![special::gammaln(500.0), special::gammaln(499.0)];
    let d = special::logsumexp(&a, &LogsumexpOptions { b: Some(b.view()), ..Default::default() })?;
    tour.check("special.logsumexp_diff", json!(d[[]]));
    tour.check("special.erf_0_5", json!(special::erf(0.5)));
    tour.check("special.jv_1_2_5", json!(special::jv(1.0, 2.5)));
    let (sn, cn, dn, ph) = special::ellipj(0.5, 0.3);
    tour.check("special.ellipj_0.5_0.3", json!([sn, cn, dn, ph]));
    tour.note("log Γ(500) - log Γ(499) = log 499 with no overflow; logsumexp with weights b = [1, -1] gives log(Γ(500) - Γ(499)).");

    let x = Array1::linspace(0.0, 20.0, 401);
    let orders = [0.0, 1.0, 2.5, 5.0];
    let curves: Vec<Vec<(f64, f64)>> =
        orders.iter().map(|&v| x.iter().map(|&t| (t, special::jv(v, t))).collect()).collect();
    let labels = ["v = 0", "v = 1", "v = 2.5", "v = 5"];
    let series: Vec<Series<'_>> = curves
        .iter()
        .enumerate()
        .map(|(i, c)| Series { label: labels[i], points: c.clone(), color: plot::PALETTE[i] })
        .collect();
    plot::lines(&dir.join("bessel_jv.png"), "Bessel functions of the first kind", "x", "Jv(x)", &series)?;
    tour.figure("bessel_jv.png", "J_v(x) for v = 0, 1, 2.5 and 5 (sci::special::jv)");

    let m = 0.9;
    let k = special::ellipk(m);
    let u = Array1::linspace(0.0, 4.0 * k, 401);
    let vals: Vec<(f64, f64, f64, f64)> = u.iter().map(|&t| special::ellipj(t, m)).collect();
    let pick = |f: fn(&(f64, f64, f64, f64)) -> f64| {
        u.iter().zip(&vals).map(|(&t, v)| (t, f(v))).collect::<Vec<_>>()
    };
    let series = [
        Series { label: "sn", points: pick(|v| v.0), color: plot::PALETTE[0] },
        Series { label: "cn", points: pick(|v| v.1), color: plot::PALETTE[1] },
        Series { label: "dn", points: pick(|v| v.2), color: plot::PALETTE[2] },
    ];
    plot::lines(&dir.join("ellipj.png"), "Jacobian elliptic functions, m = 0.9", "u", "", &series)?;
    tour.figure("ellipj.png", "sn, cn and dn over one period 4K(m) = 4·ellipk(0.9)");
    Ok(())
}

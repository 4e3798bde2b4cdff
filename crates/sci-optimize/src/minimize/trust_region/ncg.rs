//! `trust-ncg`: the Steihaug conjugate-gradient subproblem (Nocedal & Wright, algorithm 7.2),
//! SciPy's `CGSteihaugSubproblem`.

use super::{Model, Oracle, boundaries_intersections, norm};
use ndarray::Array1;

/// The step and whether it lies on the trust-region boundary.
pub(super) fn solve(m: &mut Model, o: &mut Oracle<'_>, radius: f64) -> (Array1<f64>, bool) {
    let jac = m.jac(o);
    let jac_mag = m.jac_mag(o);
    let p_origin = Array1::zeros(jac.len());
    let tolerance = 0.5f64.min(jac_mag.sqrt()) * jac_mag;
    if jac_mag < tolerance {
        return (p_origin, false);
    }
    let mut z = p_origin;
    let mut r = jac;
    let mut d = -&r;
    loop {
        let bd = m.hessp(o, &d);
        let dbd = d.dot(&bd);
        if dbd.is_nan() {
            // A NaN Hessian product (SciPy loops forever here): no further progress.
            return (z, false);
        }
        if dbd <= 0.0 {
            let (ta, tb) = boundaries_intersections(&z, &d, radius);
            let pa = &z + &(ta * &d);
            let pb = &z + &(tb * &d);
            let p = if m.value(o, &pa) < m.value(o, &pb) { pa } else { pb };
            return (p, true);
        }
        let r_squared = r.dot(&r);
        let alpha = r_squared / dbd;
        let z_next = &z + &(alpha * &d);
        if norm(&z_next) >= radius {
            let (_, tb) = boundaries_intersections(&z, &d, radius);
            return (&z + &(tb * &d), true);
        }
        let r_next = &r + &(alpha * &bd);
        let r_next_squared = r_next.dot(&r_next);
        if r_next_squared.sqrt() < tolerance {
            return (z_next, false);
        }
        let beta_next = r_next_squared / r_squared;
        d = -&r_next + &(beta_next * &d);
        z = z_next;
        r = r_next;
    }
}

//! `dogleg`: Powell's dog-leg step between the Cauchy and Newton points (Nocedal & Wright,
//! section 4.1), SciPy's `DoglegSubproblem`; the Hessian must be positive definite.

use super::exact::cholesky_upper;
use super::{LinAlgError, Model, Oracle, boundaries_intersections, norm};
use ndarray::Array1;

/// `-(g.g / g.B g) g`, the minimizer along steepest descent.
fn cauchy_point(m: &mut Model, o: &mut Oracle<'_>) -> Array1<f64> {
    if let Some(c) = &m.cauchy {
        return c.clone();
    }
    let g = m.jac(o);
    let bg = m.hessp(o, &g);
    let c = -(g.dot(&g) / g.dot(&bg)) * &g;
    m.cauchy = Some(c.clone());
    c
}

/// `-B^-1 g` by Cholesky (`Err` when `B` is not positive definite: SciPy's `LinAlgError`).
fn newton_point(m: &mut Model, o: &mut Oracle<'_>) -> Result<Array1<f64>, LinAlgError> {
    if m.newton.is_none() {
        let g = m.jac(o);
        let b = m.hess(o);
        let (u, info) = cholesky_upper(&b);
        m.newton = Some(if info == 0 { Ok(-super::exact::cho_solve(&u, &g)) } else { Err(()) });
    }
    match &m.newton {
        Some(Ok(p)) => Ok(p.clone()),
        _ => Err(LinAlgError),
    }
}

/// The step and whether it lies on the trust-region boundary.
pub(super) fn solve(
    m: &mut Model,
    o: &mut Oracle<'_>,
    radius: f64,
) -> Result<(Array1<f64>, bool), LinAlgError> {
    let p_best = newton_point(m, o)?;
    if norm(&p_best) < radius {
        return Ok((p_best, false));
    }
    let p_u = cauchy_point(m, o);
    let p_u_norm = norm(&p_u);
    if p_u_norm >= radius {
        return Ok((&p_u * (radius / p_u_norm), true));
    }
    let d = &p_best - &p_u;
    let (_, tb) = boundaries_intersections(&p_u, &d, radius);
    Ok((&p_u + &(tb * &d), true))
}

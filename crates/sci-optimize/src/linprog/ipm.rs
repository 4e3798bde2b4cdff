//! Mehrotra's predictor-corrector interior-point method on the bounded form of [`StdLp`]
//! (`[A I] z = 0`, `lo <= z <= up`), with dense normal equations and a crossover to a
//! simplex basis: the variables the interior point leaves away from their bounds start basic,
//! the others at their nearer bound, and the dual simplex finishes from there, so the answer
//! is a vertex (as HiGHS's IPX with crossover).

use super::dual::{DualSimplex, Outcome, StdLp, VarState, nonbasic_state};

/// Relative primal/dual residual and gap at which the interior point stops.
const IPM_TOL: f64 = 1e-8;
/// Fraction of the step to the boundary.
const STEP: f64 = 0.995;
/// Regularization of the diagonal (free variables have no barrier term).
const REG: f64 = 1e-10;

/// Dense Cholesky `K = L L^T` in place (lower triangle, row-major); tiny pivots are skipped
/// (their row and column set to zero and the pivot to a huge value), the usual safeguard.
fn cholesky(k: &mut [f64], m: usize) {
    for j in 0..m {
        let mut d = k[j * m + j];
        for p in 0..j {
            d -= k[j * m + p] * k[j * m + p];
        }
        if d <= 1e-30 * (1.0 + k[j * m + j].abs()) {
            k[j * m + j] = 1e128;
            for i in j + 1..m {
                k[i * m + j] = 0.0;
            }
            continue;
        }
        let d = d.sqrt();
        k[j * m + j] = d;
        for i in j + 1..m {
            let (ri, rj) = (i * m, j * m);
            let s: f64 = (0..j).map(|p| k[ri + p] * k[rj + p]).sum();
            k[ri + j] = (k[ri + j] - s) / d;
        }
    }
}

fn chol_solve(l: &[f64], m: usize, b: &mut [f64]) {
    for i in 0..m {
        let s: f64 = (0..i).map(|p| l[i * m + p] * b[p]).sum();
        b[i] = (b[i] - s) / l[i * m + i];
    }
    for i in (0..m).rev() {
        let s: f64 = (i + 1..m).map(|p| l[p * m + i] * b[p]).sum();
        b[i] = (b[i] - s) / l[i * m + i];
    }
}

/// The lower triangle of `K = A D A^T + D_s` (`d` the diagonal of all `n + m` variables),
/// summed column by column of `A`: `sum_j d_j a_j a_j^T`, so the cost is that of the nonzeros.
fn normal_matrix(lp: &StdLp, d: &[f64], k: &mut [f64]) {
    let (n, m) = (lp.n, lp.m);
    if (lp.rows.idx.len() as f64) < 0.3 * (m as f64) * (n as f64) {
        k.iter_mut().for_each(|v| *v = 0.0);
        for j in 0..n {
            let (idx, val) = lp.cols.lane(j);
            let dj = d[j];
            for (p, (&i, &ai)) in idx.iter().zip(val).enumerate() {
                let s = dj * ai;
                for (&r, &ar) in idx[..=p].iter().zip(&val[..=p]) {
                    // Column indices come sorted, so r <= i: the lower triangle.
                    k[i * m + r] += s * ar;
                }
            }
        }
    } else {
        // Dense rows: inner products of the scaled rows (contiguous, vectorizable).
        let mut dense = vec![0.0; m * n];
        let mut scaled = vec![0.0; m * n];
        for i in 0..m {
            let (idx, val) = lp.rows.lane(i);
            for (&j, &v) in idx.iter().zip(val) {
                dense[i * n + j] = v;
                scaled[i * n + j] = v * d[j];
            }
        }
        for i in 0..m {
            for r in 0..=i {
                k[i * m + r] = scaled[i * n..(i + 1) * n]
                    .iter()
                    .zip(&dense[r * n..(r + 1) * n])
                    .map(|(a, b)| a * b)
                    .sum();
            }
        }
    }
    for i in 0..m {
        k[i * m + i] += d[n + i];
    }
}

/// The interior point of `lp` (`z` for all `n + m` variables and the barrier duals
/// `t_l - t_u`), or `None` when it did not converge.
fn interior_point(lp: &StdLp, max_iter: usize) -> Option<(Vec<f64>, Vec<f64>, usize)> {
    let (n, m) = (lp.n, lp.m);
    let nt = n + m;
    let cost: Vec<f64> = (0..nt).map(|j| if j < n { lp.c[j] } else { 0.0 }).collect();
    let hl: Vec<bool> = lp.lo.iter().map(|v| v.is_finite()).collect();
    let hu: Vec<bool> = lp.up.iter().map(|v| v.is_finite()).collect();
    // Starting point.
    let mut z: Vec<f64> = (0..nt)
        .map(|j| match (hl[j], hu[j]) {
            (true, true) => 0.5 * (lp.lo[j] + lp.up[j]),
            (true, false) => lp.lo[j] + 1.0,
            (false, true) => lp.up[j] - 1.0,
            (false, false) => 0.0,
        })
        .collect();
    let mut wl: Vec<f64> = (0..nt).map(|j| if hl[j] { (z[j] - lp.lo[j]).max(1.0) } else { 0.0 }).collect();
    let mut wu: Vec<f64> = (0..nt).map(|j| if hu[j] { (lp.up[j] - z[j]).max(1.0) } else { 0.0 }).collect();
    let mut tl: Vec<f64> = hl.iter().map(|&h| if h { 1.0 } else { 0.0 }).collect();
    let mut tu: Vec<f64> = hu.iter().map(|&h| if h { 1.0 } else { 0.0 }).collect();
    let mut y = vec![0.0; m];
    let nbars = hl.iter().chain(&hu).filter(|&&h| h).count().max(1) as f64;
    let cnorm = 1.0 + cost.iter().fold(0.0f64, |a, b| a.max(b.abs()));
    let bnorm =
        1.0 + lp.lo.iter().chain(&lp.up).filter(|v| v.is_finite()).fold(0.0f64, |a, b| a.max(b.abs()));
    let mut kmat = vec![0.0; m * m];
    let (mut dinv, mut rho) = (vec![0.0; nt], vec![0.0; nt]);
    let (mut dz, mut dy) = (vec![0.0; nt], vec![0.0; m]);
    let (mut dwl, mut dwu, mut dtl, mut dtu) = (vec![0.0; nt], vec![0.0; nt], vec![0.0; nt], vec![0.0; nt]);
    for it in 0..max_iter {
        // Residuals.
        let mut rp = vec![0.0; m];
        for i in 0..m {
            rp[i] = -(lp.rows.dot(i, &z[..n]) + z[n + i]);
        }
        let mut rd = vec![0.0; nt];
        for j in 0..nt {
            let aty = if j < n { lp.cols.dot(j, &y) } else { y[j - n] };
            rd[j] = cost[j] - aty - tl[j] + tu[j];
        }
        let rbl: Vec<f64> = (0..nt).map(|j| if hl[j] { lp.lo[j] - z[j] + wl[j] } else { 0.0 }).collect();
        let rbu: Vec<f64> = (0..nt).map(|j| if hu[j] { lp.up[j] - z[j] - wu[j] } else { 0.0 }).collect();
        let mu = (0..nt).map(|j| wl[j] * tl[j] + wu[j] * tu[j]).sum::<f64>() / nbars;
        let pinf = rp.iter().chain(&rbl).chain(&rbu).fold(0.0f64, |a, b| a.max(b.abs()));
        let dinf = rd.iter().fold(0.0f64, |a, b| a.max(b.abs()));
        let pobj: f64 = cost.iter().zip(&z).map(|(a, b)| a * b).sum();
        if pinf <= IPM_TOL * bnorm && dinf <= IPM_TOL * cnorm && mu <= IPM_TOL * (1.0 + pobj.abs()) {
            let t: Vec<f64> = (0..nt).map(|j| tl[j] - tu[j]).collect();
            return Some((z, t, it));
        }
        if !mu.is_finite() || z.iter().any(|v| v.abs() > 1e14) {
            return None;
        }
        // Normal matrix K = A D_x^{-1} A^T + D_s^{-1}.
        for j in 0..nt {
            let d =
                (if hl[j] { tl[j] / wl[j] } else { 0.0 }) + (if hu[j] { tu[j] / wu[j] } else { 0.0 }) + REG;
            dinv[j] = 1.0 / d;
        }
        normal_matrix(lp, &dinv, &mut kmat);
        cholesky(&mut kmat, m);
        let mut sigma_mu = 0.0;
        let mut corr = false;
        for _pass in 0..2 {
            // r_c for the lower and upper complementarity.
            for j in 0..nt {
                let rcl = if hl[j] {
                    sigma_mu - wl[j] * tl[j] - if corr { dwl[j] * dtl[j] } else { 0.0 }
                } else {
                    0.0
                };
                let rcu = if hu[j] {
                    sigma_mu - wu[j] * tu[j] - if corr { dwu[j] * dtu[j] } else { 0.0 }
                } else {
                    0.0
                };
                let mut r = rd[j];
                if hl[j] {
                    r -= (rcl + tl[j] * rbl[j]) / wl[j];
                }
                if hu[j] {
                    r += (rcu - tu[j] * rbu[j]) / wu[j];
                }
                rho[j] = r;
                // Keep r_c in the step arrays for the back substitution.
                dtl[j] = rcl;
                dtu[j] = rcu;
            }
            // K dy = r_p + M D^{-1} rho.
            for i in 0..m {
                let (idx, val) = lp.rows.lane(i);
                dy[i] = rp[i]
                    + idx.iter().zip(val).map(|(&j, a)| a * dinv[j] * rho[j]).sum::<f64>()
                    + dinv[n + i] * rho[n + i];
            }
            chol_solve(&kmat, m, &mut dy);
            for j in 0..nt {
                let mty = if j < n { lp.cols.dot(j, &dy) } else { dy[j - n] };
                dz[j] = dinv[j] * (mty - rho[j]);
                if hl[j] {
                    dwl[j] = dz[j] - rbl[j];
                    dtl[j] = (dtl[j] - tl[j] * dwl[j]) / wl[j];
                }
                if hu[j] {
                    dwu[j] = rbu[j] - dz[j];
                    dtu[j] = (dtu[j] - tu[j] * dwu[j]) / wu[j];
                }
            }
            if corr {
                break;
            }
            // Predictor step lengths give the centering parameter.
            let (ap, ad) = step_lengths(&hl, &hu, &wl, &wu, &tl, &tu, &dwl, &dwu, &dtl, &dtu, 1.0);
            let mu_aff = (0..nt)
                .map(|j| {
                    (if hl[j] { (wl[j] + ap * dwl[j]) * (tl[j] + ad * dtl[j]) } else { 0.0 })
                        + (if hu[j] { (wu[j] + ap * dwu[j]) * (tu[j] + ad * dtu[j]) } else { 0.0 })
                })
                .sum::<f64>()
                / nbars;
            sigma_mu = (mu_aff / mu).powi(3) * mu;
            corr = true;
        }
        let (ap, ad) = step_lengths(&hl, &hu, &wl, &wu, &tl, &tu, &dwl, &dwu, &dtl, &dtu, STEP);
        for j in 0..nt {
            z[j] += ap * dz[j];
            if hl[j] {
                wl[j] += ap * dwl[j];
                tl[j] += ad * dtl[j];
            }
            if hu[j] {
                wu[j] += ap * dwu[j];
                tu[j] += ad * dtu[j];
            }
        }
        for i in 0..m {
            y[i] += ad * dy[i];
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn step_lengths(
    hl: &[bool],
    hu: &[bool],
    wl: &[f64],
    wu: &[f64],
    tl: &[f64],
    tu: &[f64],
    dwl: &[f64],
    dwu: &[f64],
    dtl: &[f64],
    dtu: &[f64],
    frac: f64,
) -> (f64, f64) {
    let (mut ap, mut ad) = (1.0f64, 1.0f64);
    for j in 0..hl.len() {
        if hl[j] {
            if dwl[j] < 0.0 {
                ap = ap.min(-frac * wl[j] / dwl[j]);
            }
            if dtl[j] < 0.0 {
                ad = ad.min(-frac * tl[j] / dtl[j]);
            }
        }
        if hu[j] {
            if dwu[j] < 0.0 {
                ap = ap.min(-frac * wu[j] / dwu[j]);
            }
            if dtu[j] < 0.0 {
                ad = ad.min(-frac * tu[j] / dtu[j]);
            }
        }
    }
    (ap, ad)
}

/// Interior point, crossover to a basis, dual simplex clean-up. Returns the outcome, the
/// simplex state and the interior-point iterations.
pub(crate) fn solve_ipm(lp: &StdLp, max_iter: usize) -> (Outcome, DualSimplex<'_>, usize) {
    let (n, m) = (lp.n, lp.m);
    let mut sx = DualSimplex::new(lp);
    let mut ipm_nit = 0;
    if let Some((z, t, it)) = interior_point(lp, max_iter.min(200)) {
        ipm_nit = it;
        // Crossover: the m variables farthest (relative to their dual) from their bounds start
        // basic; the rest sit at the nearer bound.
        let nt = n + m;
        let score = |j: usize| {
            let dist = (z[j] - lp.lo[j]).min(lp.up[j] - z[j]);
            dist / (t[j].abs() + 1e-12)
        };
        let mut order: Vec<usize> = (0..nt).collect();
        order.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
        sx.head = order[..m].to_vec();
        for j in 0..nt {
            sx.state[j] = VarState::Lower;
        }
        for &j in &sx.head {
            sx.state[j] = VarState::Basic;
        }
        for &j in &order[m..] {
            let (l, u) = (lp.lo[j], lp.up[j]);
            // At the nearer bound (a boxed variable's side is chosen through the sign).
            sx.state[j] = nonbasic_state(l, u, if z[j] - l <= u - z[j] { 1.0 } else { -1.0 });
        }
    }
    let out = sx.solve(max_iter);
    (out, sx, ipm_nit)
}

//! The truncated-Newton iteration of `tnc.c` in scaled variables: the main loop, the active
//! set, the preconditioned CG direction and the quasi-Newton preconditioner.

use super::Evaluator;
use super::linesearch::LsOutcome;
use crate::minimize::callback::{Callback, halt};
use ndarray::Array1;

/// The machine epsilon of `tnc.c` (`mchpr1`: the smallest power of two with `1 + eps > 1`).
pub(super) const EPSMCH: f64 = f64::EPSILON;

/// TNC's return codes (SciPy's `tnc.LOCALMINIMUM`, ...).
pub(super) const LOCALMINIMUM: i32 = 0;
const FCONVERGED: i32 = 1;
const XCONVERGED: i32 = 2;
pub(super) const MAXFUN: i32 = 3;
const LSFAIL: i32 = 4;
pub(super) const CONSTANT: i32 = 5;
pub(super) const NOPROGRESS: i32 = 6;
pub(super) const USERABORT: i32 = 7;

/// The options of `tnc()` after SciPy's conversions.
pub(super) struct Params {
    pub(super) scale: Option<Vec<f64>>,
    pub(super) offset: Option<Vec<f64>>,
    pub(super) max_cg_it: Option<usize>,
    pub(super) maxfun: usize,
    pub(super) eta: f64,
    pub(super) stepmx: f64,
    pub(super) accuracy: f64,
    pub(super) fmin: f64,
    pub(super) ftol: f64,
    pub(super) xtol: f64,
    pub(super) pgtol: f64,
    pub(super) rescale: f64,
}

/// `tnc.c`'s `tnc`: checks, the first evaluation, scaling and the defaults, then the main loop.
/// Returns the return code and the number of iterations; `x` is overwritten by the solution.
pub(super) fn tnc(
    eval: &mut Evaluator<'_, '_>,
    x: &mut [f64],
    mut low: Vec<f64>,
    mut up: Vec<f64>,
    p: &Params,
    callback: Option<Callback<'_>>,
) -> (i32, usize) {
    let n = x.len();
    coercex(x, &low, &up);
    if p.maxfun < 1 {
        return (MAXFUN, 0);
    }
    let mut g = vec![0.0; n];
    let f = eval.call(x, &mut g);
    let nc = (0..n).filter(|&i| low[i] == up[i] || p.scale.as_ref().is_some_and(|s| s[i] == 0.0)).count();
    if nc == n {
        return (CONSTANT, 0);
    }
    let mut xscale = vec![0.0; n];
    let mut xoffset = vec![0.0; n];
    for i in 0..n {
        if let Some(s) = &p.scale {
            xscale[i] = s[i].abs();
            if xscale[i] == 0.0 {
                xoffset[i] = x[i];
                low[i] = x[i];
                up[i] = x[i];
            }
        } else if low[i] != f64::NEG_INFINITY && up[i] != f64::INFINITY {
            xscale[i] = up[i] - low[i];
            xoffset[i] = (up[i] + low[i]) * 0.5;
        } else {
            xscale[i] = 1.0 + x[i].abs();
            xoffset[i] = x[i];
        }
        if let Some(o) = &p.offset {
            xoffset[i] = o[i];
        }
    }
    let rteps = EPSMCH.sqrt();
    let stepmx = if p.stepmx < rteps * 10.0 { 1.0e1 } else { p.stepmx };
    let eta = if p.eta < 0.0 || p.eta >= 1.0 { 0.25 } else { p.eta };
    let rescale = if p.rescale < 0.0 { 1.3 } else { p.rescale };
    let max_cg_it = p.max_cg_it.unwrap_or((n / 2).clamp(1, 50)).min(n);
    let accuracy = if p.accuracy <= EPSMCH { rteps } else { p.accuracy };
    let ftol = if p.ftol < 0.0 { accuracy } else { p.ftol };
    let pgtol = if p.pgtol < 0.0 { 1e-2 * accuracy.sqrt() } else { p.pgtol };
    let xtol = if p.xtol < 0.0 { rteps } else { p.xtol };
    let mut t = Tnc {
        eval,
        n,
        low,
        up,
        xscale,
        xoffset,
        fscale: 1.0,
        nfeval: 1,
        maxfun: p.maxfun,
        accuracy,
        callback,
    };
    let settings = Settings { max_cg_it, eta, stepmx, fmin: p.fmin, ftol, xtol, pgtol, rescale };
    t.minimize(x, f, g, &settings)
}

/// The settings of the main loop (after the defaults).
struct Settings {
    max_cg_it: usize,
    eta: f64,
    stepmx: f64,
    fmin: f64,
    ftol: f64,
    xtol: f64,
    pgtol: f64,
    rescale: f64,
}

/// The state shared by the parts of the method: the problem in scaled variables.
pub(super) struct Tnc<'e, 'p, 'a, 'c> {
    pub(super) eval: &'e mut Evaluator<'p, 'a>,
    pub(super) n: usize,
    pub(super) low: Vec<f64>,
    pub(super) up: Vec<f64>,
    pub(super) xscale: Vec<f64>,
    pub(super) xoffset: Vec<f64>,
    pub(super) fscale: f64,
    /// TNC's own count of `function` calls (what `maxfun` limits).
    pub(super) nfeval: usize,
    pub(super) maxfun: usize,
    pub(super) accuracy: f64,
    pub(super) callback: Option<Callback<'c>>,
}

/// The limited-memory quasi-Newton preconditioner of the CG iteration.
struct Precond {
    upd1: bool,
    lreset: bool,
    yksk: f64,
    yrsr: f64,
    sk: Vec<f64>,
    yk: Vec<f64>,
    sr: Vec<f64>,
    yr: Vec<f64>,
    diagb: Vec<f64>,
}

impl Tnc<'_, '_, '_, '_> {
    /// `f` and the scaled-space gradient `gfull` (unscaled units) at the scaled point `xs`:
    /// unscale, project into the bounds and evaluate.
    fn function(&mut self, xs: &[f64], gfull: &mut [f64]) -> f64 {
        let mut xu: Vec<f64> = xs.to_vec();
        unscalex(&mut xu, &self.xscale, &self.xoffset);
        coercex(&mut xu, &self.low, &self.up);
        self.eval.call(&xu, gfull)
    }

    /// `scaleg`: the gradient in scaled variables and scaled `f`.
    pub(super) fn scaleg(&self, g: &mut [f64]) {
        for (gi, s) in g.iter_mut().zip(&self.xscale) {
            *gi *= s * self.fscale;
        }
    }

    /// `tnc_minimize`: the main loop. Returns the return code and the iterations; `x` (given
    /// unscaled) is overwritten with the unscaled, projected solution.
    fn minimize(&mut self, x: &mut [f64], f0: f64, mut gfull: Vec<f64>, s: &Settings) -> (i32, usize) {
        let n = self.n;
        let mut niter = 0;
        let mut stepmx = s.stepmx;
        let mut difnew = 0.0;
        let mut epsred = 0.05;
        let mut icycle = n - 1;
        let mut newcon = true;
        let mut pre = Precond {
            upd1: true,
            lreset: false,
            yksk: 0.0,
            yrsr: 0.0,
            sk: vec![0.0; n],
            yk: vec![0.0; n],
            sr: vec![0.0; n],
            yr: vec![0.0; n],
            diagb: vec![1.0; n],
        };
        let mut alpha = 0.0;
        let mut temp = vec![0.0; n];
        let mut pk = vec![0.0; n];
        let mut oldg = vec![0.0; n];
        let mut pivot = vec![0i8; n];

        scalex(x, &self.xscale, &self.xoffset);
        let mut f = f0 * self.fscale;
        self.set_constraints(x, &mut pivot);
        let mut g = gfull.clone();
        self.scaleg(&mut g);
        for i in 0..n {
            if -f64::from(pivot[i]) * g[i] < 0.0 {
                pivot[i] = 0;
            }
        }
        project(&mut g, &pivot);
        let mut gnorm = dnrm2(&g);
        let mut f_last_constraint = f;
        let mut f_last_reset = f;

        let rc = loop {
            if dnrm2(&g) <= s.pgtol * self.fscale {
                break LOCALMINIMUM;
            }
            if self.nfeval >= self.maxfun {
                break MAXFUN;
            }
            let newscale = dnrm2(&g);
            if newscale > EPSMCH && newscale.log10().abs() > s.rescale {
                let newscale = 1.0 / newscale;
                f *= newscale;
                self.fscale *= newscale;
                gnorm *= newscale;
                f_last_constraint *= newscale;
                f_last_reset *= newscale;
                difnew *= newscale;
                g.iter_mut().for_each(|v| *v *= newscale);
                pre.diagb.iter_mut().for_each(|v| *v = 1.0);
                pre.upd1 = true;
                icycle = n - 1;
                newcon = true;
            }
            temp.copy_from_slice(x);
            project(&mut temp, &pivot);
            let xnorm = dnrm2(&temp);
            let oldnfeval = self.nfeval;

            self.direction(&mut pk, &mut pre, x, &g, s.max_cg_it, &pivot, gnorm, xnorm);

            if !newcon {
                if !pre.lreset {
                    for i in 0..n {
                        pre.sr[i] += pre.sk[i];
                        pre.yr[i] += pre.yk[i];
                    }
                    icycle += 1;
                } else {
                    pre.sr.copy_from_slice(&pre.sk);
                    pre.yr.copy_from_slice(&pre.yk);
                    f_last_reset = f;
                    icycle = 1;
                }
            }
            oldg.copy_from_slice(&g);
            let oldf = f;
            let oldgtp = ddot(&pk, &g);
            let ustpmax = stepmx / (dnrm2(&pk) + EPSMCH);
            let spe = self.step_max(ustpmax, x, &pk, &pivot);
            if spe > 0.0 {
                alpha = initial_step(f, s.fmin / self.fscale, oldgtp, spe);
                let outcome =
                    self.linear_search(&pivot, s.eta, s.ftol, spe, &pk, x, &mut f, &mut alpha, &mut gfull);
                if outcome == LsOutcome::Fail {
                    break LSFAIL;
                }
                if alpha >= 0.9 * ustpmax {
                    stepmx *= 1e2;
                }
                if alpha - spe >= -EPSMCH * 10.0 {
                    newcon = true;
                } else {
                    match outcome {
                        LsOutcome::Ok => {}
                        LsOutcome::MaxFun => break MAXFUN,
                        LsOutcome::Fail => break LSFAIL,
                    }
                    newcon = false;
                }
            } else {
                newcon = true;
            }
            if newcon {
                if !self.add_constraint(x, &pk, &mut pivot) && self.nfeval == oldnfeval {
                    break NOPROGRESS;
                }
                f_last_constraint = f;
            }
            niter += 1;
            if self.callback.is_some() {
                let mut xu = x.to_vec();
                unscalex(&mut xu, &self.xscale, &self.xoffset);
                if halt(self.callback, &Array1::from(xu), f / self.fscale) {
                    break USERABORT;
                }
            }
            let difold = difnew;
            difnew = oldf - f;
            if icycle == 1 {
                if difnew > difold * 2.0 {
                    epsred += epsred;
                }
                if difnew < difold * 0.5 {
                    epsred *= 0.5;
                }
            }
            g.copy_from_slice(&gfull);
            self.scaleg(&mut g);
            temp.copy_from_slice(&g);
            project(&mut temp, &pivot);
            gnorm = dnrm2(&temp);
            let remcon =
                remove_constraint(oldgtp, gnorm, s.pgtol * self.fscale, f, f_last_constraint, &g, &mut pivot);
            if remcon {
                temp.copy_from_slice(&g);
                project(&mut temp, &pivot);
                gnorm = dnrm2(&temp);
                f_last_constraint = f;
            }
            if !remcon && !newcon {
                if difnew.abs() <= s.ftol * self.fscale {
                    break FCONVERGED;
                }
                if alpha * dnrm2(&pk) <= s.xtol {
                    break XCONVERGED;
                }
            }
            project(&mut g, &pivot);
            if !newcon {
                for i in 0..n {
                    pre.yk[i] = g[i] - oldg[i];
                    pre.sk[i] = alpha * pk[i];
                }
                pre.yksk = ddot(&pre.yk, &pre.sk);
                if icycle == n - 1 || difnew < epsred * (f_last_reset - f) {
                    pre.lreset = true;
                } else {
                    pre.yrsr = ddot(&pre.yr, &pre.sr);
                    pre.lreset = pre.yrsr <= 0.0;
                }
                pre.upd1 = false;
            }
        };
        unscalex(x, &self.xscale, &self.xoffset);
        coercex(x, &self.low, &self.up);
        (rc, niter)
    }

    /// `setConstraints`: the initial active set (`pivot`: -1 at the lower bound, 1 at the
    /// upper, 2 constant, 0 free).
    fn set_constraints(&self, x: &[f64], pivot: &mut [i8]) {
        for i in 0..self.n {
            let (l, u) = (self.low[i], self.up[i]);
            let xu = x[i] * self.xscale[i] + self.xoffset[i];
            pivot[i] = if self.xscale[i] == 0.0 {
                2
            } else if l != f64::NEG_INFINITY && xu - l <= EPSMCH * 10.0 * (l.abs() + 1.0) {
                -1
            } else if u != f64::INFINITY && xu - u >= EPSMCH * 10.0 * (u.abs() + 1.0) {
                1
            } else {
                0
            };
        }
    }

    /// `stepMax`: the largest step along `dir` that keeps the free variables feasible.
    fn step_max(&self, mut step: f64, x: &[f64], dir: &[f64], pivot: &[i8]) -> f64 {
        for i in 0..self.n {
            if pivot[i] == 0 && dir[i] != 0.0 {
                if dir[i] < 0.0 {
                    let t = (self.low[i] - self.xoffset[i]) / self.xscale[i] - x[i];
                    if t > step * dir[i] {
                        step = t / dir[i];
                    }
                } else {
                    let t = (self.up[i] - self.xoffset[i]) / self.xscale[i] - x[i];
                    if t < step * dir[i] {
                        step = t / dir[i];
                    }
                }
            }
        }
        step
    }

    /// `addConstraint`: activates the bounds reached along `p`; whether any was.
    fn add_constraint(&self, x: &mut [f64], p: &[f64], pivot: &mut [i8]) -> bool {
        let mut newcon = false;
        for i in 0..self.n {
            if pivot[i] != 0 || p[i] == 0.0 {
                continue;
            }
            let (l, u) = (self.low[i], self.up[i]);
            let xu = x[i] * self.xscale[i] + self.xoffset[i];
            if p[i] < 0.0 && l != f64::NEG_INFINITY {
                if xu - l <= EPSMCH * 10.0 * (l.abs() + 1.0) {
                    pivot[i] = -1;
                    x[i] = (l - self.xoffset[i]) / self.xscale[i];
                    newcon = true;
                }
            } else if u != f64::INFINITY && u - xu <= EPSMCH * 10.0 * (u.abs() + 1.0) {
                pivot[i] = 1;
                x[i] = (u - self.xoffset[i]) / self.xscale[i];
                newcon = true;
            }
        }
        newcon
    }

    /// `tnc_direction`: the search direction `zsol` from a preconditioned CG iteration on the
    /// Newton equations, with finite-difference Hessian-vector products.
    #[allow(clippy::too_many_arguments)]
    fn direction(
        &mut self,
        zsol: &mut [f64],
        pre: &mut Precond,
        x: &[f64],
        g: &[f64],
        max_cg_it: usize,
        pivot: &[i8],
        gnorm: f64,
        xnorm: f64,
    ) {
        let n = self.n;
        if max_cg_it == 0 {
            for i in 0..n {
                zsol[i] = -g[i];
            }
            project(zsol, pivot);
            return;
        }
        let rhsnrm = gnorm;
        let tol = 1e-12;
        let mut qold = 0.0;
        let mut rzold = 0.0;
        let mut r: Vec<f64> = g.iter().map(|v| -v).collect();
        let mut v = vec![0.0; n];
        let mut zk = vec![0.0; n];
        let mut gv = vec![0.0; n];
        let mut emat = init_preconditioner(pre);
        zsol.iter_mut().for_each(|z| *z = 0.0);
        for k in 0..max_cg_it {
            project(&mut r, pivot);
            msolve(&r, &mut zk, pre);
            project(&mut zk, pivot);
            let rz = ddot(&r, &zk);
            if rz / rhsnrm < tol || self.nfeval >= self.maxfun.saturating_sub(1) {
                if k == 0 {
                    for i in 0..n {
                        zsol[i] = -g[i];
                    }
                    project(zsol, pivot);
                }
                break;
            }
            let beta = if k == 0 { 0.0 } else { rz / rzold };
            for i in 0..n {
                v[i] = zk[i] + beta * v[i];
            }
            project(&mut v, pivot);
            self.hessian_times_vector(&v, &mut gv, x, g, xnorm);
            self.nfeval += 1;
            project(&mut gv, pivot);
            let vgv = ddot(&v, &gv);
            if vgv / rhsnrm < tol {
                if k == 0 {
                    msolve(g, zsol, pre);
                    zsol.iter_mut().for_each(|z| *z = -*z);
                    project(zsol, pivot);
                }
                break;
            }
            diagonal_scaling(&mut emat, &v, &gv, &r);
            let alpha = rz / vgv;
            for i in 0..n {
                zsol[i] += alpha * v[i];
            }
            for i in 0..n {
                r[i] += -alpha * gv[i];
            }
            let gtp = ddot(zsol, g);
            let pr = ddot(&r, zsol);
            let qnew = (gtp + pr) * 0.5;
            let qtest = (k + 1) as f64 * (1.0 - qold / qnew);
            if qtest <= 0.5 {
                break;
            }
            if gtp > 0.0 {
                for i in 0..n {
                    zsol[i] += -alpha * v[i];
                }
                break;
            }
            qold = qnew;
            rzold = rz;
        }
        pre.diagb.copy_from_slice(&emat);
    }

    /// `hessianTimesVector`: `gv = (g(x + delta v) - g(x)) / delta` in scaled variables.
    fn hessian_times_vector(&mut self, v: &[f64], gv: &mut [f64], x: &[f64], g: &[f64], xnorm: f64) {
        let delta = self.accuracy * (xnorm + 1.0);
        let xv: Vec<f64> = x.iter().zip(v).map(|(x, v)| x + delta * v).collect();
        self.function(&xv, gv);
        self.scaleg(gv);
        let dinv = 1.0 / delta;
        for i in 0..self.n {
            gv[i] = (gv[i] - g[i]) * dinv;
            if self.xscale[i] == 0.0 {
                gv[i] = 0.0;
            }
        }
    }
}

/// `initialStep`: the first trial step of the line search.
fn initial_step(fnew: f64, fmin: f64, gtp: f64, smax: f64) -> f64 {
    let d = (fnew - fmin).abs();
    let mut alpha = 1.0;
    if d * 2.0 <= -gtp && d >= EPSMCH {
        alpha = d * -2.0 / gtp;
    }
    if alpha >= smax { smax } else { alpha }
}

/// `removeConstraint`: frees the bound whose multiplier has the wrong sign the most (the last
/// such index on ties), unless the reduction since the last change of the active set is still
/// large; whether one was freed.
fn remove_constraint(
    gtpnew: f64,
    gnorm: f64,
    pgtolfs: f64,
    f: f64,
    f_last_constraint: f64,
    g: &[f64],
    pivot: &mut [i8],
) -> bool {
    if (f_last_constraint - f) <= (gtpnew * -0.5) && gnorm > pgtolfs {
        return false;
    }
    let mut imax = None;
    let mut cmax = 0.0;
    for (i, (&p, &gi)) in pivot.iter().zip(g).enumerate() {
        if p == 2 {
            continue;
        }
        let t = -f64::from(p) * gi;
        if t < cmax {
            cmax = t;
            imax = Some(i);
        }
    }
    match imax {
        Some(i) => {
            pivot[i] = 0;
            true
        }
        None => false,
    }
}

/// `diagonalScaling`: the diagonal BFGS update of the preconditioner from a CG step.
fn diagonal_scaling(e: &mut [f64], v: &[f64], gv: &[f64], r: &[f64]) {
    let vr = 1.0 / ddot(v, r);
    let vgv = 1.0 / ddot(v, gv);
    for i in 0..e.len() {
        e[i] += -r[i] * r[i] * vr + gv[i] * gv[i] * vgv;
        if e[i] <= 1e-6 {
            e[i] = 1.0;
        }
    }
}

/// `initPreconditioner`: the diagonal preconditioner for this CG run.
fn init_preconditioner(p: &Precond) -> Vec<f64> {
    let n = p.diagb.len();
    if p.upd1 {
        return p.diagb.clone();
    }
    let mut emat = vec![0.0; n];
    let mut bsk = vec![0.0; n];
    if p.lreset {
        for i in 0..n {
            bsk[i] = p.diagb[i] * p.sk[i];
        }
        let mut sds = ddot(&p.sk, &bsk);
        let yksk = if p.yksk == 0.0 { 1.0 } else { p.yksk };
        if sds == 0.0 {
            sds = 1.0;
        }
        for i in 0..n {
            let td = p.diagb[i];
            emat[i] = td - td * td * p.sk[i] * p.sk[i] / sds + p.yk[i] * p.yk[i] / yksk;
        }
    } else {
        for i in 0..n {
            bsk[i] = p.diagb[i] * p.sr[i];
        }
        let mut sds = ddot(&p.sr, &bsk);
        let srds = ddot(&p.sk, &bsk);
        let yrsk = ddot(&p.yr, &p.sk);
        let yrsr = if p.yrsr == 0.0 { 1.0 } else { p.yrsr };
        if sds == 0.0 {
            sds = 1.0;
        }
        for i in 0..n {
            let td = p.diagb[i];
            bsk[i] = td * p.sk[i] - bsk[i] * srds / sds + p.yr[i] * yrsk / yrsr;
            emat[i] = td - td * td * p.sr[i] * p.sr[i] / sds + p.yr[i] * p.yr[i] / yrsr;
        }
        let mut sds = ddot(&p.sk, &bsk);
        let yksk = if p.yksk == 0.0 { 1.0 } else { p.yksk };
        if sds == 0.0 {
            sds = 1.0;
        }
        // SciPy's tnc.c (since its reformatting) subtracts the yk term as well:
        // `emat[i] -= bsk[i]^2 / sds + yk[i]^2 / yksk`. Kept, to take SciPy's path.
        for i in 0..n {
            emat[i] -= bsk[i] * bsk[i] / sds + p.yk[i] * p.yk[i] / yksk;
        }
    }
    emat
}

/// `msolve`: applies the two-step self-scaled BFGS preconditioner to `g`.
fn msolve(g: &[f64], y: &mut [f64], p: &Precond) {
    let n = g.len();
    if p.upd1 {
        for i in 0..n {
            y[i] = g[i] / p.diagb[i];
        }
        return;
    }
    let gsk = ddot(g, &p.sk);
    let mut hg = vec![0.0; n];
    let mut hyk = vec![0.0; n];
    if p.lreset {
        for i in 0..n {
            let rdiagb = 1.0 / p.diagb[i];
            hg[i] = g[i] * rdiagb;
            hyk[i] = p.yk[i] * rdiagb;
        }
        let ykhyk = ddot(&p.yk, &hyk);
        let ghyk = ddot(g, &hyk);
        ssbfgs(&p.sk, &hg, &hyk, p.yksk, ykhyk, gsk, ghyk, y);
    } else {
        let mut hyr = vec![0.0; n];
        for i in 0..n {
            let rdiagb = 1.0 / p.diagb[i];
            hg[i] = g[i] * rdiagb;
            hyk[i] = p.yk[i] * rdiagb;
            hyr[i] = p.yr[i] * rdiagb;
        }
        let gsr = ddot(g, &p.sr);
        let ghyr = ddot(g, &hyr);
        let yrhyr = ddot(&p.yr, &hyr);
        let hg_in = hg.clone();
        ssbfgs(&p.sr, &hg_in, &hyr, p.yrsr, yrhyr, gsr, ghyr, &mut hg);
        let yksr = ddot(&p.yk, &p.sr);
        let ykhyr = ddot(&p.yk, &hyr);
        let hyk_in = hyk.clone();
        ssbfgs(&p.sr, &hyk_in, &hyr, p.yrsr, yrhyr, yksr, ykhyr, &mut hyk);
        let ykhyk = ddot(&hyk, &p.yk);
        let ghyk = ddot(&hyk, g);
        ssbfgs(&p.sk, &hg, &hyk, p.yksk, ykhyk, gsk, ghyk, y);
    }
}

/// `ssbfgs` (with `gamma = 1`): one self-scaled BFGS update applied to a vector.
#[allow(clippy::too_many_arguments)]
fn ssbfgs(
    sj: &[f64],
    hjv: &[f64],
    hjyj: &[f64],
    yjsj: f64,
    yjhyj: f64,
    vsj: f64,
    vhyj: f64,
    out: &mut [f64],
) {
    let (delta, beta) =
        if yjsj == 0.0 { (0.0, 0.0) } else { ((yjhyj / yjsj + 1.0) * vsj / yjsj - vhyj / yjsj, -vsj / yjsj) };
    for i in 0..out.len() {
        out[i] = hjv[i] + delta * sj[i] + beta * hjyj[i];
    }
}

/// Zeroes the entries of the active (or constant) variables.
pub(super) fn project(x: &mut [f64], pivot: &[i8]) {
    for (v, &p) in x.iter_mut().zip(pivot) {
        if p != 0 {
            *v = 0.0;
        }
    }
}

pub(super) fn coercex(x: &mut [f64], low: &[f64], up: &[f64]) {
    for i in 0..x.len() {
        if x[i] < low[i] {
            x[i] = low[i];
        } else if x[i] > up[i] {
            x[i] = up[i];
        }
    }
}

pub(super) fn unscalex(x: &mut [f64], xscale: &[f64], xoffset: &[f64]) {
    for i in 0..x.len() {
        x[i] = x[i] * xscale[i] + xoffset[i];
    }
}

fn scalex(x: &mut [f64], xscale: &[f64], xoffset: &[f64]) {
    for i in 0..x.len() {
        if xscale[i] > 0.0 {
            x[i] = (x[i] - xoffset[i]) / xscale[i];
        }
    }
}

/// `ddot1`: the dot product, summed in order.
pub(super) fn ddot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |s, (x, y)| s + y * x)
}

/// `dnrm21`: the Euclidean norm with BLAS's running rescaling.
pub(super) fn dnrm2(x: &[f64]) -> f64 {
    let mut ssq = 1.0;
    let mut scale = 0.0;
    for &v in x {
        if v != 0.0 {
            let a = v.abs();
            if scale < a {
                let r = scale / a;
                ssq = 1.0 + ssq * r * r;
                scale = a;
            } else {
                let r = a / scale;
                ssq += r * r;
            }
        }
    }
    scale * ssq.sqrt()
}

#[cfg(test)]
mod tests {
    use super::super::message;
    use super::*;

    #[test]
    fn dnrm2_matches_plain_norm() {
        assert_eq!(dnrm2(&[]), 0.0);
        assert_eq!(dnrm2(&[3.0, 0.0, -4.0]), 5.0);
        assert_eq!(dnrm2(&[1e300, 1e300]), 1e300 * 2f64.sqrt());
    }

    #[test]
    fn messages_are_scipys() {
        assert_eq!(message(-1), "Infeasible (lower bound > upper bound)");
        assert_eq!(message(USERABORT), "User requested end of minimization");
        assert_eq!(message(NOPROGRESS), "Unable to progress");
    }

    #[test]
    fn initial_step_is_capped() {
        assert_eq!(initial_step(1.0, 0.0, -10.0, 0.1), 0.1);
        assert_eq!(initial_step(1.0, 0.0, -10.0, 5.0), 0.2);
        assert_eq!(initial_step(1.0, 0.0, -1.0, 5.0), 1.0);
    }
}

//! The COBYLA iteration (PRIMA's `cobylb`): linear models of the objective and the
//! constraints interpolating `n + 1` points (the simplex), a trust-region step on the
//! merit function `f + cpen * max(0, constraints)`, geometry steps that keep the simplex
//! well poised, and the radius `rho` reduced from `rhobeg` to `rhoend`.

use super::filter::Filter;
use super::trstlp::{dot, trstlp};
use super::{CONSTRMAX, EPS, FUNCMAX, REALMAX, max0, not_above};
use crate::error::Result;
use crate::minimize::callback::{Callback, halt};
use ndarray::{Array1, Array2, Axis};

/// PRIMA's exit flags.
pub(super) mod info {
    pub const SMALL_TR_RADIUS: i32 = 0;
    pub const FTARGET_ACHIEVED: i32 = 1;
    pub const MAXFUN_REACHED: i32 = 3;
    pub const MAXTR_REACHED: i32 = 20;
    pub const NAN_INF_X: i32 = -1;
    pub const NAN_INF_F: i32 = -2;
    pub const DAMAGING_ROUNDING: i32 = 7;
    pub const CALLBACK_TERMINATE: i32 = 30;
}

/// The solver's parameters after PRIMA's preprocessing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    pub rhobeg: f64,
    pub rhoend: f64,
    pub maxfun: usize,
    pub ctol: f64,
    pub ftarget: f64,
}

const CWEIGHT: f64 = 1e8;
const ETA1: f64 = 0.1;
const ETA2: f64 = 0.7;
const GAMMA1: f64 = 0.5;
const GAMMA2: f64 = 2.0;

/// What the solver returns.
#[derive(Debug)]
pub(super) struct Outcome {
    pub x: Array1<f64>,
    pub f: f64,
    pub cstrv: f64,
    pub nf: usize,
    pub info: i32,
}

/// The objective and the nonlinear constraints (`<= 0`) at `x`.
pub(super) type CalcFc<'a> = dyn FnMut(&Array1<f64>) -> Result<(f64, Array1<f64>)> + 'a;

/// `NaN -> FUNCMAX`, clipped to `[-REALMAX, FUNCMAX]` (PRIMA's `moderatef`).
pub(super) fn moderatef(f: f64) -> f64 {
    if f.is_nan() { FUNCMAX } else { f.clamp(-REALMAX, FUNCMAX) }
}

/// `NaN -> CONSTRMAX`, clipped to `[-CONSTRMAX, CONSTRMAX]` (PRIMA's `moderatec`).
pub(super) fn moderatec(c: f64) -> f64 {
    if c.is_nan() { CONSTRMAX } else { c.clamp(-CONSTRMAX, CONSTRMAX) }
}

/// The problem: objective, nonlinear constraints and the linear constraints `amat x <= bvec`.
struct Problem<'p, 'a> {
    calcfc: &'p mut CalcFc<'a>,
    amat: &'p Array2<f64>,
    bvec: &'p Array1<f64>,
    m: usize,
}

impl Problem<'_, '_> {
    /// PRIMA's `evaluate`: `f` and all constraint values (linear first).
    fn evaluate(&mut self, x: &Array1<f64>) -> Result<(f64, Array1<f64>)> {
        let ml = self.bvec.len();
        let mut constr = Array1::zeros(self.m);
        if ml > 0 {
            let lin = self.amat.dot(x) - self.bvec;
            constr.slice_mut(ndarray::s![..ml]).assign(&lin);
        }
        if x.iter().any(|v| v.is_nan()) {
            constr.fill(f64::NAN);
            return Ok((f64::NAN, constr));
        }
        let xm = x.mapv(|v| v.clamp(-REALMAX, REALMAX));
        let (f, c) = (self.calcfc)(&xm)?;
        for (k, v) in c.iter().enumerate() {
            constr[ml + k] = moderatec(*v);
        }
        Ok((moderatef(f), constr))
    }
}

/// The simplex: vertices `sim[:, n] + sim[:, j]` and the pole `sim[:, n]`, the inverse
/// `simi` of `sim[:, :n]`, and the values at the vertices.
#[derive(Debug, Clone)]
struct Simplex {
    sim: Array2<f64>,
    simi: Array2<f64>,
    fval: Array1<f64>,
    cval: Array1<f64>,
    conmat: Array2<f64>,
}

/// The inverse by Gaussian elimination with partial pivoting (`None` when singular).
pub(super) fn inverse(a: &Array2<f64>) -> Option<Array2<f64>> {
    let n = a.nrows();
    let mut m = a.clone();
    let mut r = Array2::<f64>::eye(n);
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| m[[i, c]].abs().total_cmp(&m[[j, c]].abs()))?;
        if m[[p, c]] == 0.0 || m[[p, c]].is_nan() {
            return None;
        }
        if p != c {
            for k in 0..n {
                m.swap([p, k], [c, k]);
                r.swap([p, k], [c, k]);
            }
        }
        let piv = m[[c, c]];
        for i in 0..n {
            if i != c {
                let l = m[[i, c]] / piv;
                if l != 0.0 {
                    for k in 0..n {
                        m[[i, k]] -= l * m[[c, k]];
                        r[[i, k]] -= l * r[[c, k]];
                    }
                }
            }
        }
    }
    for i in 0..n {
        let piv = m[[i, i]];
        r.row_mut(i).mapv_inplace(|v| v / piv);
    }
    Some(r)
}

/// `max |simi sim[:, :n] - I|` (NaN if any entry is NaN).
fn inv_error(simi: &Array2<f64>, sim: &Array2<f64>) -> f64 {
    let n = simi.nrows();
    let p = simi.dot(&sim.slice(ndarray::s![.., ..n]));
    let mut e = 0.0f64;
    for ((i, j), v) in p.indexed_iter() {
        let d = (v - if i == j { 1.0 } else { 0.0 }).abs();
        if d.is_nan() {
            return f64::NAN;
        }
        e = e.max(d);
    }
    e
}

impl Simplex {
    fn n(&self) -> usize {
        self.sim.nrows()
    }

    /// Checks `simi` after an update, recomputing it when it drifted; `false` when rounding
    /// has become damaging.
    fn repair_inverse(&mut self) -> bool {
        let mut erri = inv_error(&self.simi, &self.sim);
        if erri > 0.1 || erri.is_nan() {
            let n = self.n();
            if let Some(t) = inverse(&self.sim.slice(ndarray::s![.., ..n]).to_owned()) {
                let et = inv_error(&t, &self.sim);
                if et < erri || (erri.is_nan() && !et.is_nan()) {
                    self.simi = t;
                    erri = et;
                }
            }
        }
        erri <= 1.0
    }

    /// The vertex that should be the pole for the penalty `cpen` (PRIMA's `findpole`).
    fn findpole(&self, cpen: f64) -> usize {
        let n = self.n();
        let phi: Vec<f64> = (0..=n).map(|j| self.fval[j] + cpen * self.cval[j]).collect();
        let phimin = phi.iter().copied().fold(f64::INFINITY, f64::min);
        let mut jopt = n;
        if phimin < phi[n] || (0..=n).any(|j| self.cval[j] < self.cval[n] && phi[j] <= phi[n]) {
            let mut best: Option<usize> = None;
            for j in 0..=n {
                if not_above(phi[j], phimin) && best.is_none_or(|b| self.cval[j] < self.cval[b]) {
                    best = Some(j);
                }
            }
            jopt = best.unwrap_or(n);
        }
        jopt
    }

    /// Makes the best vertex the pole (PRIMA's `updatepole`); `false`: damaging rounding.
    fn updatepole(&mut self, cpen: f64) -> bool {
        let n = self.n();
        let jopt = self.findpole(cpen);
        let old = (self.sim.clone(), self.simi.clone());
        if jopt < n {
            let sj = self.sim.column(jopt).to_owned();
            let mut pole = self.sim.column_mut(n);
            pole += &sj;
            self.sim.column_mut(jopt).fill(0.0);
            for j in 0..n {
                let mut c = self.sim.column_mut(j);
                c -= &sj;
            }
            let sums = self.simi.sum_axis(Axis(0));
            self.simi.row_mut(jopt).assign(&(-sums));
        }
        if self.repair_inverse() {
            if jopt < n {
                self.fval.swap(jopt, n);
                self.cval.swap(jopt, n);
                for i in 0..self.conmat.nrows() {
                    self.conmat.swap([i, jopt], [i, n]);
                }
            }
            true
        } else {
            (self.sim, self.simi) = old;
            false
        }
    }

    /// Replaces vertex `jdrop` by the pole plus `d` (PRIMA's `updatexfc`).
    fn updatexfc(
        &mut self,
        jdrop: usize,
        constr: &Array1<f64>,
        cpen: f64,
        cstrv: f64,
        d: &Array1<f64>,
        f: f64,
    ) -> bool {
        let n = self.n();
        if jdrop < n {
            self.sim.column_mut(jdrop).assign(d);
            let row = self.simi.row(jdrop).to_owned();
            let sj = &row / row.dot(d);
            let sd = self.simi.dot(d);
            for i in 0..n {
                for k in 0..n {
                    self.simi[[i, k]] -= sd[i] * sj[k];
                }
            }
            self.simi.row_mut(jdrop).assign(&sj);
        } else {
            let mut pole = self.sim.column_mut(n);
            pole += d;
            for j in 0..n {
                let mut c = self.sim.column_mut(j);
                c -= d;
            }
            let simid = self.simi.dot(d);
            let sums = self.simi.sum_axis(Axis(0));
            let denom = 1.0 - simid.sum();
            for i in 0..n {
                for k in 0..n {
                    self.simi[[i, k]] += simid[i] * (sums[k] / denom);
                }
            }
        }
        if !self.repair_inverse() {
            return false;
        }
        self.fval[jdrop] = f;
        self.conmat.column_mut(jdrop).assign(constr);
        self.cval[jdrop] = cstrv;
        self.updatepole(cpen)
    }

    /// The gradients of the linear models: objective `g` and constraints `A` (`(n, m)`).
    fn models(&self, amat: &Array2<f64>) -> (Array1<f64>, Array2<f64>) {
        let n = self.n();
        let m = self.conmat.nrows();
        let ml = amat.nrows();
        let df = Array1::from_shape_fn(n, |j| self.fval[j] - self.fval[n]);
        let g = df.dot(&self.simi);
        let mut a = Array2::<f64>::zeros((n, m));
        for i in 0..ml {
            a.column_mut(i).assign(&amat.row(i));
        }
        for i in ml..m {
            let dc = Array1::from_shape_fn(n, |j| self.conmat[[i, j]] - self.conmat[[i, n]]);
            a.column_mut(i).assign(&dc.dot(&self.simi));
        }
        (g, a)
    }

    /// `|sim[:, j]|^2` for each vertex.
    fn col_norms2(&self) -> Vec<f64> {
        let n = self.n();
        (0..n).map(|j| self.sim.column(j).iter().map(|v| v * v).sum()).collect()
    }

    /// The predicted reductions of `f` and of the violation for the step `d`.
    fn predicted(&self, d: &Array1<f64>, g: &Array1<f64>, a: &Array2<f64>) -> (f64, f64) {
        let n = self.n();
        let preref = -dot(d.view(), g.view());
        let da = d.dot(a);
        let prerec = self.cval[n] - max0((0..da.len()).map(|i| self.conmat[[i, n]] + da[i]));
        (preref, prerec)
    }
}

/// `(fmax - fmin) / (constraint range)`: the initial penalty (PRIMA's `fcratio`).
fn fcratio(s: &Simplex) -> f64 {
    let fmin = s.fval.iter().copied().fold(f64::INFINITY, f64::min);
    let fmax = s.fval.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut denom = f64::INFINITY;
    let mut any = false;
    for row in s.conmat.rows() {
        let cmin = row.iter().map(|v| -v).fold(f64::INFINITY, f64::min);
        let cmax = row.iter().map(|v| -v).fold(f64::NEG_INFINITY, f64::max);
        if cmin < 0.5 * cmax {
            any = true;
            denom = denom.min(cmax.max(0.0) - cmin);
        }
    }
    if any && fmin < fmax { (fmax - fmin) / denom } else { 0.0 }
}

/// The penalty parameter for this iteration (PRIMA's `getcpen`), on a copy of the simplex.
fn getcpen(amat: &Array2<f64>, s: &Simplex, mut cpen: f64, delta: f64) -> f64 {
    let mut s = s.clone();
    let n = s.n();
    for _ in 0..=n {
        if !s.updatepole(cpen) {
            break;
        }
        let (g, a) = s.models(amat);
        let b = s.conmat.column(n).mapv(|v| -v);
        let d = trstlp(&a, &b, delta, &g);
        let (preref, prerec) = s.predicted(&d, &g, &a);
        if !(prerec > 0.0 && preref < 0.0) {
            break;
        }
        cpen = cpen.max((-2.0 * preref / prerec).min(REALMAX));
        if s.findpole(cpen) == n {
            break;
        }
    }
    cpen
}

/// The index of the vertex to drop after a trust-region step (PRIMA's `setdrop_tr`).
fn setdrop_tr(ximproved: bool, d: &Array1<f64>, delta: f64, rho: f64, s: &Simplex) -> Option<usize> {
    let n = s.n();
    let mut distsq = vec![0.0; n + 1];
    for (j, dj) in distsq.iter_mut().enumerate().take(n) {
        *dj = if ximproved {
            s.sim.column(j).iter().zip(d).map(|(a, b)| (a - b) * (a - b)).sum()
        } else {
            s.sim.column(j).iter().map(|a| a * a).sum()
        };
    }
    distsq[n] = if ximproved { d.dot(d) } else { 0.0 };
    let r = rho.max(delta / 10.0);
    let simid = s.simi.dot(d);
    let mut score: Vec<f64> = (0..=n)
        .map(|j| {
            let w = (distsq[j] / (r * r)).max(1.0);
            let v = if j < n { simid[j] } else { 1.0 - simid.sum() };
            w * v.abs()
        })
        .collect();
    if !ximproved {
        score[n] = -1.0;
    }
    for v in &mut score {
        if v.is_nan() {
            *v = -1.0;
        }
    }
    let argmax = |v: &[f64]| (0..v.len()).fold(0, |b, i| if v[i] > v[b] { i } else { b });
    if score.iter().any(|&v| v > 0.0) {
        Some(argmax(&score))
    } else if ximproved {
        Some(argmax(&distsq))
    } else {
        None
    }
}

/// A step of length `delbar` that improves the position of vertex `jdrop` (PRIMA's
/// `geostep`), signed to favour the merit function.
fn geostep(jdrop: usize, amat: &Array2<f64>, s: &Simplex, cpen: f64, delbar: f64) -> Array1<f64> {
    let n = s.n();
    let row = s.simi.row(jdrop).to_owned();
    let nrm = row.dot(&row).sqrt();
    let mut d = row.mapv(|v| delbar * (v / nrm));
    let (g, a) = s.models(amat);
    let da = d.dot(&a);
    let cvpd = max0((0..da.len()).map(|i| s.conmat[[i, n]] + da[i]));
    let cvnd = max0((0..da.len()).map(|i| s.conmat[[i, n]] - da[i]));
    let dg = d.dot(&g);
    if -dg + cpen * cvnd < dg + cpen * cvpd {
        d.mapv_inplace(|v| -v);
    }
    d
}

/// The new trust-region radius from the reduction ratio (PRIMA's `trrad`).
fn trrad(delta: f64, dnorm: f64, ratio: f64) -> f64 {
    if ratio <= ETA1 {
        GAMMA1 * dnorm
    } else if ratio <= ETA2 {
        (GAMMA1 * delta).max(dnorm)
    } else {
        (GAMMA1 * delta).max(GAMMA2 * dnorm)
    }
}

/// The actual over the predicted reduction (PRIMA's `redrat`).
fn redrat(ared: f64, pred: f64) -> f64 {
    if ared.is_nan() {
        -REALMAX
    } else if pred.is_nan() || pred <= 0.0 {
        if ared > 0.0 { ETA1 / 2.0 } else { -REALMAX }
    } else if pred == f64::INFINITY && ared == f64::INFINITY {
        1.0
    } else if pred == f64::INFINITY && ared == f64::NEG_INFINITY {
        -REALMAX
    } else {
        ared / pred
    }
}

/// The next `rho` (PRIMA's `redrho`).
fn redrho(rho: f64, rhoend: f64) -> f64 {
    let r = rho / rhoend;
    if r > 250.0 {
        0.1 * rho
    } else if r <= 16.0 {
        rhoend
    } else {
        r.sqrt() * rhoend
    }
}

/// PRIMA's `checkbreak_con`.
fn checkbreak(p: &Params, nf: usize, cstrv: f64, f: f64, x: &Array1<f64>) -> Option<i32> {
    let mut out = None;
    if x.iter().any(|v| !v.is_finite()) {
        out = Some(info::NAN_INF_X);
    }
    if f.is_nan() || f == f64::INFINITY || cstrv.is_nan() || cstrv == f64::INFINITY {
        out = Some(info::NAN_INF_F);
    }
    if cstrv <= p.ctol && f <= p.ftarget {
        out = Some(info::FTARGET_ACHIEVED);
    }
    if nf >= p.maxfun {
        out = Some(info::MAXFUN_REACHED);
    }
    out
}

/// Runs COBYLA from `x0` with `f0`, `constr0` (all constraints, `<= 0`) already evaluated.
#[allow(clippy::too_many_arguments)]
pub(super) fn cobylb(
    calcfc: &mut CalcFc<'_>,
    amat: &Array2<f64>,
    bvec: &Array1<f64>,
    x0: &Array1<f64>,
    f0: f64,
    constr0: &Array1<f64>,
    p: &Params,
    callback: Option<Callback<'_>>,
) -> Result<Outcome> {
    let n = x0.len();
    let m = constr0.len();
    let mut prob = Problem { calcfc, amat, bvec, m };
    let rhobeg = p.rhobeg;
    let mut filter =
        Filter { entries: Vec::new(), maxfilt: p.maxfun.min(2000), ctol: p.ctol, cweight: CWEIGHT };

    // Initialization: the pole x0 and the vertices x0 + rhobeg e_j.
    let mut sim = Array2::<f64>::eye(n);
    sim *= rhobeg;
    let mut simfull = Array2::<f64>::zeros((n, n + 1));
    simfull.slice_mut(ndarray::s![.., ..n]).assign(&sim);
    simfull.column_mut(n).assign(x0);
    let mut s = Simplex {
        sim: simfull,
        simi: Array2::<f64>::eye(n) / rhobeg,
        fval: Array1::from_elem(n + 1, REALMAX),
        cval: Array1::from_elem(n + 1, REALMAX),
        conmat: Array2::from_elem((m, n + 1), REALMAX),
    };
    let mut evaluated = vec![false; n + 1];
    let mut subinfo = None;
    for k in 0..=n {
        let mut x = s.sim.column(n).to_owned();
        let (j, f, constr) = if k == 0 {
            (n, f0, constr0.clone())
        } else {
            x[k - 1] += rhobeg;
            let (f, c) = prob.evaluate(&x)?;
            (k - 1, f, c)
        };
        let cstrv = max0(constr.iter().copied());
        evaluated[j] = true;
        s.fval[j] = f;
        s.conmat.column_mut(j).assign(&constr);
        s.cval[j] = cstrv;
        subinfo = checkbreak(p, k, cstrv, f, &x);
        if subinfo.is_some() {
            break;
        }
        if j < n && s.fval[j] < s.fval[n] {
            s.fval.swap(j, n);
            s.cval.swap(j, n);
            for i in 0..m {
                s.conmat.swap([i, j], [i, n]);
            }
            s.sim.column_mut(n).assign(&x);
            for c in 0..=j {
                s.sim[[j, c]] = -rhobeg;
            }
        }
    }
    let mut nf = evaluated.iter().filter(|&&e| e).count();
    if evaluated.iter().all(|&e| e) {
        if let Some(t) = inverse(&s.sim.slice(ndarray::s![.., ..n]).to_owned()) {
            s.simi = t;
        }
    }
    for i in 0..=n {
        if evaluated[i] {
            let x = if i < n { &s.sim.column(i) + &s.sim.column(n) } else { s.sim.column(n).to_owned() };
            filter.save(&x, s.fval[i], s.cval[i]);
        }
    }
    let finish = |filter: &Filter, nf: usize, info: i32, cweight: f64| {
        let e = &filter.entries[filter.select(cweight)];
        Outcome { x: e.x.clone(), f: e.f, cstrv: e.cstrv, nf, info }
    };
    if let Some(i) = subinfo {
        return Ok(finish(&filter, nf, i, CWEIGHT));
    }

    let cpenmin = EPS;
    let mut rho = rhobeg;
    let mut delta = rhobeg;
    let mut cpen = cpenmin.max(1e3f64.min(fcratio(&s)));
    let mut shortd = false;
    let mut ratio = -1.0;
    let mut jdrop_tr: Option<usize> = Some(0);
    let gamma3 = 1f64.max((0.75 * GAMMA2).min(1.5));
    let maxtr = 10 * p.maxfun;
    let mut info = info::MAXTR_REACHED;
    let mut d = Array1::<f64>::zeros(n);
    let tiny = (1e-4 * p.rhoend) * (1e-4 * p.rhoend);

    // Evaluates at x = pole + d unless x is (almost) a vertex already.
    let trial = |prob: &mut Problem<'_, '_>,
                 s: &Simplex,
                 d: &Array1<f64>,
                 nf: &mut usize,
                 filter: &mut Filter|
     -> Result<(Array1<f64>, f64, Array1<f64>, f64)> {
        let x = &s.sim.column(n) + d;
        let mut distsq: Vec<f64> =
            (0..n).map(|j| (0..n).map(|i| (x[i] - (s.sim[[i, n]] + s.sim[[i, j]])).powi(2)).sum()).collect();
        distsq.push((0..n).map(|i| (x[i] - s.sim[[i, n]]).powi(2)).sum());
        let j = (0..=n).fold(0, |b, i| if distsq[i] < distsq[b] { i } else { b });
        if distsq[j] <= tiny {
            Ok((x, s.fval[j], s.conmat.column(j).to_owned(), s.cval[j]))
        } else {
            let (f, c) = prob.evaluate(&x)?;
            let cstrv = max0(c.iter().copied());
            *nf += 1;
            filter.save(&x, f, cstrv);
            Ok((x, f, c, cstrv))
        }
    };

    for tr in 0..maxtr {
        let _ = tr;
        cpen = getcpen(amat, &s, cpen, delta);
        if !s.updatepole(cpen) {
            info = info::DAMAGING_ROUNDING;
            break;
        }
        let adequate_geo = s.col_norms2().iter().all(|&v| v <= 4.0 * delta * delta);
        let (g, a) = s.models(amat);
        let b = s.conmat.column(n).mapv(|v| -v);
        d = trstlp(&a, &b, delta, &g);
        let dnorm = delta.min(dot(d.view(), d.view()).sqrt());
        shortd = dnorm <= 0.1 * rho;
        let (preref, prerec) = s.predicted(&d, &g, &a);
        let prerem = preref + cpen * prerec;
        // NaN counts as a failure.
        let trfail = not_above(prerem, 1e-6 * cpen.min(1.0) * rho);
        if shortd || trfail {
            delta *= 0.1;
            if delta <= gamma3 * rho {
                delta = rho;
            }
        } else {
            let (x, f, constr, cstrv) = trial(&mut prob, &s, &d, &mut nf, &mut filter)?;
            let actrem = (s.fval[n] + cpen * s.cval[n]) - (f + cpen * cstrv);
            ratio = redrat(actrem, prerem);
            delta = trrad(delta, dnorm, ratio);
            if delta <= gamma3 * rho {
                delta = rho;
            }
            let ximproved = actrem > 0.0;
            jdrop_tr = setdrop_tr(ximproved, &d, delta, rho, &s);
            if let Some(jd) = jdrop_tr {
                if !s.updatexfc(jd, &constr, cpen, cstrv, &d, f) {
                    info = info::DAMAGING_ROUNDING;
                    break;
                }
            }
            if let Some(i) = checkbreak(p, nf, cstrv, f, &x) {
                info = i;
                break;
            }
        }
        let bad_trstep = shortd || trfail || ratio <= 0.0 || jdrop_tr.is_none();
        let improve_geo = bad_trstep && !adequate_geo;
        let reduce_rho = bad_trstep && adequate_geo && delta.max(dnorm) <= rho;
        if improve_geo {
            let norms = s.col_norms2();
            if !norms.iter().all(|&v| v <= 4.0 * delta * delta) {
                let jdrop_geo = (0..n).fold(0, |b, i| if norms[i] > norms[b] { i } else { b });
                let dg = geostep(jdrop_geo, amat, &s, cpen, delta / 2.0);
                let (x, f, constr, cstrv) = trial(&mut prob, &s, &dg, &mut nf, &mut filter)?;
                if !s.updatexfc(jdrop_geo, &constr, cpen, cstrv, &dg, f) {
                    info = info::DAMAGING_ROUNDING;
                    break;
                }
                if let Some(i) = checkbreak(p, nf, cstrv, f, &x) {
                    info = i;
                    break;
                }
            }
        }
        if reduce_rho {
            if rho <= p.rhoend {
                info = info::SMALL_TR_RADIUS;
                break;
            }
            delta = (0.5 * rho).max(redrho(rho, p.rhoend));
            rho = redrho(rho, p.rhoend);
            cpen = cpenmin.max(cpen.min(fcratio(&s)));
            if !s.updatepole(cpen) {
                info = info::DAMAGING_ROUNDING;
                break;
            }
        }
        if halt(callback, &s.sim.column(n).to_owned(), s.fval[n]) {
            info = info::CALLBACK_TERMINATE;
            break;
        }
    }
    // A short last step is tried once more (PRIMA's final evaluation).
    let x = &s.sim.column(n) + &d;
    if info == info::SMALL_TR_RADIUS
        && shortd
        && (&x - &s.sim.column(n)).dot(&(&x - &s.sim.column(n))).sqrt() > 1e-3 * p.rhoend
        && nf < p.maxfun
    {
        let (f, c) = prob.evaluate(&x)?;
        let cstrv = max0(c.iter().copied());
        nf += 1;
        filter.save(&x, f, cstrv);
    }
    Ok(finish(&filter, nf, info, cpen.max(CWEIGHT)))
}

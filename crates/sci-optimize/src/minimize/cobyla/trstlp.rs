//! COBYLA's trust-region subproblem: Powell's two-stage active-set method (PRIMA's `trstlp`)
//! for
//!
//! minimize `g.d` subject to `A^T d <= b` (as far as possible) and `|d| <= delta`.
//!
//! Stage 1 minimizes the largest violation of the linearized constraints inside the ball;
//! stage 2 then lowers the linear objective while keeping that violation. The active
//! constraints' gradients are kept in a QR factorization `Z` (orthogonal) with only the
//! diagonal of `R` stored (`zdota`).

use super::{EPS, REALMAX, REALMIN, max0};
use ndarray::{Array1, Array2, ArrayView1};

/// `x` is negligible next to `reference` (PRIMA's `isminor`).
pub(super) fn is_minor(x: f64, reference: f64) -> bool {
    let refa = reference.abs() + 0.1 * x.abs();
    let refb = reference.abs() + 0.2 * x.abs();
    reference.abs() >= refa || refa >= refb
}

/// The Givens rotation `(c, s)` with `[c s; -s c] x = [r; 0]` (PRIMA's `planerot`).
fn planerot(x0: f64, x1: f64) -> (f64, f64) {
    if x0.is_nan() || x1.is_nan() {
        (1.0, 0.0)
    } else if x0.is_infinite() && x1.is_infinite() {
        (x0.signum() / 2f64.sqrt(), x1.signum() / 2f64.sqrt())
    } else if x0.abs() <= 0.0 && x1.abs() <= 0.0 {
        (1.0, 0.0)
    } else if x1.abs() <= EPS * x0.abs() {
        (x0.signum(), 0.0)
    } else if x0.abs() <= EPS * x1.abs() {
        (0.0, x1.signum())
    } else {
        let lo = REALMIN.sqrt();
        let hi = (REALMAX / 2.1).sqrt();
        if [x0, x1].iter().all(|v| lo < v.abs() && v.abs() < hi) {
            let r = (x0 * x0 + x1 * x1).sqrt();
            (x0 / r, x1 / r)
        } else if x0.abs() > x1.abs() {
            let t = x1 / x0;
            let u = 1f64.max(t.abs()).max((1.0 + t * t).sqrt()) * x0.signum();
            (1.0 / u, t / u)
        } else {
            let t = x0 / x1;
            let u = 1f64.max(t.abs()).max((1.0 + t * t).sqrt()) * x1.signum();
            (t / u, 1.0 / u)
        }
    }
}

/// `a . b` as OpenBLAS's `ddot` under NumPy: one fused multiply-add per term, in order.
pub(super) fn dot(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> f64 {
    a.iter().zip(b).fold(0.0, |acc, (x, y)| x.mul_add(*y, acc))
}

/// Adds column `c` to the factorization `Q R` of the `n` active columns (PRIMA's
/// `qradd_Rdiag`); returns the new number of active columns.
fn qradd(c: ArrayView1<'_, f64>, q: &mut Array2<f64>, rdiag: &mut Array1<f64>, mut n: usize) -> usize {
    let m = q.ncols();
    let mut cq: Vec<f64> = (0..m).map(|k| dot(c, q.column(k))).collect();
    let cqa: Vec<f64> =
        (0..m).map(|k| c.iter().zip(q.column(k)).map(|(a, b)| a.abs() * b.abs()).sum()).collect();
    for k in 0..m {
        if is_minor(cq[k], cqa[k]) {
            cq[k] = 0.0;
        }
    }
    for k in (n..m.saturating_sub(1)).rev() {
        if cq[k + 1].abs() > 0.0 {
            let (cs, sn) = planerot(cq[k], cq[k + 1]);
            rotate(q, k, k + 1, cs, sn);
            cq[k] = cq[k].hypot(cq[k + 1]);
        }
    }
    if n < m && cq[n].abs() > EPS * EPS && !is_minor(cq[n], cqa[n]) {
        n += 1;
    }
    if n >= 1 && n - 1 < m {
        rdiag[n - 1] = cq[n - 1];
    }
    n
}

/// Columns `(a, b)` of `q` become `(c qa + s qb, -s qa + c qb)`.
fn rotate(q: &mut Array2<f64>, a: usize, b: usize, c: f64, s: f64) {
    for i in 0..q.nrows() {
        let (qa, qb) = (q[[i, a]], q[[i, b]]);
        q[[i, a]] = c * qa + s * qb;
        q[[i, b]] = -s * qa + c * qb;
    }
}

/// Moves active column `i` (of `cols`, the active columns of `a`) to the end of the
/// factorization (PRIMA's `qrexc_Rdiag`).
fn qrexc(a: &Array2<f64>, cols: &[usize], q: &mut Array2<f64>, rdiag: &mut Array1<f64>, i: usize) {
    let n = cols.len();
    if i >= n {
        return;
    }
    for k in i..n - 1 {
        let (c, s) = planerot(rdiag[k + 1], dot(q.column(k), a.column(cols[k + 1])));
        // Q[:, [k, k+1]] = Q[:, [k+1, k]] G^T.
        for r in 0..q.nrows() {
            let (qk, qk1) = (q[[r, k]], q[[r, k + 1]]);
            q[[r, k]] = c * qk1 + s * qk;
            q[[r, k + 1]] = -s * qk1 + c * qk;
        }
    }
    for k in i..n - 1 {
        rdiag[k] = dot(q.column(k), a.column(cols[k + 1]));
    }
    rdiag[n - 1] = dot(q.column(n - 1), a.column(cols[i]));
}

/// The least-squares solution of `a[:, cols] x = b` (Householder QR; the columns are linearly
/// independent by construction, a negligible pivot gives a zero component).
fn lstsq(a: &Array2<f64>, cols: &[usize], b: ArrayView1<'_, f64>) -> Vec<f64> {
    let (m, k) = (a.nrows(), cols.len());
    let mut r = Array2::<f64>::zeros((m, k));
    for (j, &c) in cols.iter().enumerate() {
        r.column_mut(j).assign(&a.column(c));
    }
    let mut y = b.to_owned();
    let kk = k.min(m);
    for j in 0..kk {
        let norm = (j..m).map(|i| r[[i, j]] * r[[i, j]]).sum::<f64>().sqrt();
        if norm == 0.0 {
            continue;
        }
        let alpha = if r[[j, j]] > 0.0 { -norm } else { norm };
        let mut v: Vec<f64> = (j..m).map(|i| r[[i, j]]).collect();
        v[0] -= alpha;
        let vv: f64 = v.iter().map(|x| x * x).sum();
        if vv == 0.0 {
            continue;
        }
        for c in j..k {
            let s: f64 = (j..m).map(|i| v[i - j] * r[[i, c]]).sum::<f64>() * 2.0 / vv;
            for i in j..m {
                r[[i, c]] -= s * v[i - j];
            }
        }
        let s: f64 = (j..m).map(|i| v[i - j] * y[i]).sum::<f64>() * 2.0 / vv;
        for i in j..m {
            y[i] -= s * v[i - j];
        }
    }
    let rmax = (0..kk).map(|j| r[[j, j]].abs()).fold(0.0, f64::max);
    let mut x = vec![0.0; k];
    for j in (0..kk).rev() {
        let mut s = y[j];
        for c in j + 1..kk {
            s -= r[[j, c]] * x[c];
        }
        x[j] = if r[[j, j]].abs() <= EPS * rmax * (m.max(k) as f64) { 0.0 } else { s / r[[j, j]] };
    }
    x
}

/// The state shared by the two stages.
struct State {
    iact: Vec<usize>,
    nact: usize,
    d: Array1<f64>,
    vmultc: Vec<f64>,
    z: Array2<f64>,
}

/// Solves the subproblem: `a` is `(n, m)` (one column per linearized constraint
/// `a[:, j].d <= b[j]`), `g` the objective's gradient.
pub(super) fn trstlp(a: &Array2<f64>, b: &Array1<f64>, delta: f64, g: &Array1<f64>) -> Array1<f64> {
    let (n, m) = a.dim();
    let mut aa = Array2::<f64>::zeros((n, m + 1));
    aa.slice_mut(ndarray::s![.., ..m]).assign(a);
    aa.column_mut(m).assign(g);
    let mut bb = Array1::<f64>::zeros(m + 1);
    bb.slice_mut(ndarray::s![..m]).assign(b);
    for i in 0..=m {
        let maxval = aa.column(i).iter().fold(0.0f64, |acc, v| if v.abs() > acc { v.abs() } else { acc });
        if maxval > 1e12 {
            let modscal = (2.0 * REALMIN).max(1.0 / maxval);
            aa.column_mut(i).mapv_inplace(|v| v * modscal);
            bb[i] *= modscal;
        }
    }
    let mut st = State {
        iact: vec![0; m + 1],
        nact: 0,
        d: Array1::zeros(n),
        vmultc: vec![0.0; m + 1],
        z: Array2::zeros((n, n)),
    };
    stage(&mut st, 1, &aa, &bb, m, delta);
    stage(&mut st, 2, &aa, &bb, m + 1, delta);
    st.d
}

/// One stage on the first `mcon` columns of `a`.
fn stage(st: &mut State, stage: u8, a: &Array2<f64>, b: &Array1<f64>, mcon: usize, delta: f64) {
    let n = a.nrows();
    let mut zdota = Array1::<f64>::zeros(n);
    let mut zdasav = vec![0.0; n];
    let mut vmultd = vec![0.0; mcon];
    let mut sdirn = Array1::<f64>::zeros(n);
    let num_constraints;
    let mut icon;
    let mut cviol;
    let viol = |d: &Array1<f64>, cols: &mut dyn Iterator<Item = usize>| -> f64 {
        max0(cols.map(|j| dot(d.view(), a.column(j)) - b[j]))
    };
    if stage == 1 {
        for (i, v) in st.iact.iter_mut().take(mcon).enumerate() {
            *v = i;
        }
        st.nact = 0;
        st.d.fill(0.0);
        cviol = max0((0..mcon).map(|j| -b[j]));
        for j in 0..mcon {
            st.vmultc[j] = cviol + b[j];
        }
        st.z = Array2::eye(n);
        if mcon == 0 || cviol <= 0.0 {
            return;
        }
        if (0..mcon).all(|j| b[j].is_nan()) {
            return;
        }
        // nanargmax(-b): the first largest.
        let mut best = usize::MAX;
        for j in 0..mcon {
            if !b[j].is_nan() && (best == usize::MAX || -b[j] > -b[best]) {
                best = j;
            }
        }
        icon = best;
        num_constraints = mcon;
    } else {
        if dot(st.d.view(), st.d.view()) >= delta * delta {
            return;
        }
        st.iact[mcon - 1] = mcon - 1;
        st.vmultc[mcon - 1] = 0.0;
        num_constraints = mcon - 1;
        icon = mcon - 1;
        cviol = viol(&st.d, &mut (0..num_constraints));
    }
    for k in 0..st.nact {
        zdota[k] = dot(st.z.column(k), a.column(st.iact[k]));
    }
    let mut optold = REALMAX;
    let mut nactold = st.nact;
    let mut nfail = 0;
    let maxiter = 10000.min(100 * num_constraints.max(n));
    let bad = |v: f64| v.is_nan() || v.abs() <= EPS * EPS;
    // Python's negative index -1 when nact == 0.
    let last = |nact: usize| if nact == 0 { n - 1 } else { nact - 1 };
    // The same for `iact`, whose length is `mcon`.
    let last_c = |nact: usize| if nact == 0 { mcon - 1 } else { nact - 1 };
    for _ in 0..maxiter {
        let optnew = if stage == 1 { cviol } else { dot(st.d.view(), a.column(mcon - 1)) };
        if optnew < optold || st.nact > nactold {
            nactold = st.nact;
            nfail = 0;
        } else {
            nfail += 1;
        }
        optold = optold.min(optnew);
        if nfail == 3 {
            break;
        }
        if icon >= st.nact {
            let nact = st.nact;
            zdasav[..nact].copy_from_slice(&zdota.as_slice().unwrap()[..nact]);
            let new_nact = qradd(a.column(st.iact[icon]), &mut st.z, &mut zdota, nact);
            st.nact = new_nact;
            if new_nact == nact + 1 {
                if new_nact != icon + 1 {
                    st.vmultc[icon] = st.vmultc[new_nact - 1];
                    st.vmultc[new_nact - 1] = 0.0;
                    st.iact.swap(icon, new_nact - 1);
                } else {
                    st.vmultc[new_nact - 1] = 0.0;
                }
            } else {
                let x = lstsq(a, &st.iact[..nact], a.column(st.iact[icon]));
                vmultd[..nact].copy_from_slice(&x);
                if !vmultd[..nact].iter().any(|&v| v > 0.0) {
                    break;
                }
                for v in vmultd.iter_mut().skip(nact) {
                    *v = -1.0;
                }
                let frac = (0..nact)
                    .map(|i| if vmultd[i] > 0.0 { st.vmultc[i] / vmultd[i] } else { REALMAX })
                    .fold(f64::INFINITY, f64::min);
                for i in 0..nact {
                    st.vmultc[i] = (st.vmultc[i] - frac * vmultd[i]).max(0.0);
                }
                if bad(zdota[last(nact)]) {
                    break;
                }
                st.vmultc[icon] = 0.0;
                st.vmultc[nact - 1] = frac;
                st.iact.swap(icon, nact - 1);
            }
            let nact = st.nact;
            if stage == 2 && st.iact[last_c(nact)] != mcon - 1 {
                if nact <= 1 {
                    break;
                }
                qrexc(a, &st.iact[..nact], &mut st.z, &mut zdota, nact - 2);
                st.iact.swap(nact - 2, nact - 1);
                st.vmultc.swap(nact - 2, nact - 1);
            }
            let l = last(nact);
            if bad(zdota[l]) {
                break;
            }
            if stage == 1 {
                let t = (dot(sdirn.view(), a.column(st.iact[last_c(nact)])) + 1.0) / zdota[l];
                sdirn.scaled_add(-t, &st.z.column(l));
            } else {
                sdirn = st.z.column(l).mapv(|v| -1.0 / zdota[l] * v);
            }
        } else {
            let nact = st.nact;
            qrexc(a, &st.iact[..nact], &mut st.z, &mut zdota, icon);
            st.iact[icon..nact].rotate_left(1);
            st.vmultc[icon..nact].rotate_left(1);
            st.nact -= 1;
            let nact = st.nact;
            if nact > 0 && bad(zdota[nact - 1]) {
                break;
            }
            if stage == 1 {
                let t = dot(sdirn.view(), st.z.column(nact));
                sdirn.scaled_add(-t, &st.z.column(nact));
            } else {
                let l = last(nact);
                sdirn = st.z.column(l).mapv(|v| -1.0 / zdota[l] * v);
            }
        }
        let nact = st.nact;
        let dd = delta * delta - dot(st.d.view(), st.d.view());
        let ss = dot(sdirn.view(), sdirn.view());
        let sd = dot(sdirn.view(), st.d.view());
        if dd <= 0.0 || ss <= EPS * delta * delta || sd.is_nan() {
            break;
        }
        let sqrtd = (ss * dd + sd * sd).sqrt().max(sd.abs()).max((ss * dd).sqrt());
        let mut step = if sd > 0.0 { dd / (sqrtd + sd) } else { (sqrtd - sd) / ss };
        if step <= 0.0 || !step.is_finite() {
            break;
        }
        if stage == 1 {
            if is_minor(cviol, step) {
                break;
            }
            step = step.min(cviol);
        }
        let dnew = &st.d + &(step * &sdirn);
        if stage == 1 {
            cviol = viol(&dnew, &mut st.iact[..nact].iter().copied());
        }
        let x = lstsq(a, &st.iact[..nact], dnew.view());
        for i in 0..nact {
            vmultd[i] = -x[i];
        }
        if stage == 2 && nact >= 1 {
            vmultd[nact - 1] = vmultd[nact - 1].max(0.0);
        }
        for k in nact..mcon {
            let j = st.iact[k];
            let col = a.column(j);
            let cvshift = cviol - (dot(dnew.view(), col) - b[j]);
            let cvsabs: f64 =
                dnew.iter().zip(col).map(|(x, y)| x.abs() * y.abs()).sum::<f64>() + b[j].abs() + cviol;
            vmultd[k] = if is_minor(cvshift, cvsabs) { 0.0 } else { cvshift };
        }
        // icon = argmin([1, fracmult]) - 1.
        let mut frac = 1.0;
        let mut inew: Option<usize> = None;
        for i in 0..mcon {
            let fm = if vmultd[i] < 0.0 { st.vmultc[i] / (st.vmultc[i] - vmultd[i]) } else { REALMAX };
            if fm < frac {
                frac = fm;
                inew = Some(i);
            }
        }
        let dold = st.d.clone();
        st.d = (1.0 - frac) * &st.d + frac * &dnew;
        for i in 0..mcon {
            st.vmultc[i] = ((1.0 - frac) * st.vmultc[i] + frac * vmultd[i]).max(0.0);
        }
        let sumd: f64 = st.d.iter().map(|v| v.abs()).sum();
        let sumv: f64 = st.vmultc[..mcon].iter().map(|v| v.abs()).sum();
        if !(sumd.is_finite() && sumv.is_finite()) {
            st.d = dold;
            break;
        }
        if stage == 1 {
            cviol = viol(&st.d, &mut (0..mcon));
        }
        match inew {
            Some(i) => icon = i,
            None => break,
        }
    }
}

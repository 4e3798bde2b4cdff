//! Powell's hybrid (dogleg) method for square nonlinear systems as MINPACK's `hybrd` (forward
//! difference Jacobian, `fdjac1`) and `hybrj` (user Jacobian), with Broyden rank-one updates of
//! the QR factors (`r1updt`, `r1mpyq`) between Jacobian evaluations: the engine of SciPy's
//! `root(method='hybr')` and `fsolve`.

use super::minpack_lm::{enorm, qrfac};
use ndarray::{Array1, Array2};

/// Tolerances and limits of [`hybrd`] (MINPACK names).
pub(crate) struct HybrdParams {
    pub xtol: f64,
    pub maxfev: usize,
    /// Sub- and super-diagonals of a banded Jacobian (`n - 1` each when dense).
    pub ml: usize,
    pub mu: usize,
    pub epsfcn: f64,
    pub factor: f64,
    /// `Some` is MINPACK's `mode = 2` (user scaling).
    pub diag: Option<Vec<f64>>,
}

/// What [`hybrd`] returns.
pub(crate) struct HybrdOutput {
    pub x: Array1<f64>,
    pub fvec: Array1<f64>,
    /// MINPACK's `info` (1 converged, 2 maxfev, 3 xtol too small, 4/5 no progress).
    pub info: i32,
    pub nfev: usize,
    pub njev: usize,
    /// Q^T of the QR factorization `J = Q R` of the final approximate Jacobian (SciPy's
    /// `fjac`, MINPACK's column-major Q read by rows).
    pub fjac: Array2<f64>,
    /// R of that factorization, packed by rows (SciPy's `r`).
    pub r: Array1<f64>,
    /// `Q^T fvec`.
    pub qtf: Array1<f64>,
}

/// MINPACK `dogleg`: the convex combination of the Gauss-Newton and scaled gradient steps
/// minimizing `||R x - qtb||` subject to `||diag x|| <= delta` (`r` upper triangular).
fn dogleg(r: &Array2<f64>, diag: &[f64], qtb: &[f64], delta: f64) -> Vec<f64> {
    let n = diag.len();
    let epsmch = f64::EPSILON;
    let mut x = vec![0.0; n];
    for j in (0..n).rev() {
        let sum: f64 = (j + 1..n).map(|i| r[[j, i]] * x[i]).sum();
        let mut temp = r[[j, j]];
        if temp == 0.0 {
            temp = (0..=j).fold(0.0f64, |m, i| m.max(r[[i, j]].abs())) * epsmch;
            if temp == 0.0 {
                temp = epsmch;
            }
        }
        x[j] = (qtb[j] - sum) / temp;
    }
    let qnorm = enorm((0..n).map(|j| diag[j] * x[j]));
    if qnorm <= delta {
        return x;
    }
    let mut wa1 = vec![0.0; n];
    for j in 0..n {
        let temp = qtb[j];
        for i in j..n {
            wa1[i] += r[[j, i]] * temp;
        }
        wa1[j] /= diag[j];
    }
    let gnorm = enorm(wa1.iter().copied());
    let mut sgnorm = 0.0;
    let mut alpha = delta / qnorm;
    if gnorm != 0.0 {
        for j in 0..n {
            wa1[j] = (wa1[j] / gnorm) / diag[j];
        }
        let temp = enorm((0..n).map(|j| (j..n).map(|i| r[[j, i]] * wa1[i]).sum::<f64>()));
        sgnorm = (gnorm / temp) / temp;
        alpha = 0.0;
        if sgnorm < delta {
            let bnorm = enorm(qtb.iter().copied());
            let dq = delta / qnorm;
            let sd = sgnorm / delta;
            let mut temp = (bnorm / gnorm) * (bnorm / qnorm) * sd;
            temp = temp - dq * sd * sd + ((temp - dq).powi(2) + (1.0 - dq * dq) * (1.0 - sd * sd)).sqrt();
            alpha = (dq * (1.0 - sd * sd)) / temp;
        }
    }
    let temp = (1.0 - alpha) * sgnorm.min(delta);
    for j in 0..n {
        x[j] = temp * wa1[j] + alpha * x[j];
    }
    x
}

/// MINPACK `qform`: accumulates the orthogonal Q from the Householder vectors `qrfac` left in
/// the lower triangle of the square `q`.
fn qform(q: &mut Array2<f64>) {
    let n = q.nrows();
    for j in 1..n {
        for i in 0..j {
            q[[i, j]] = 0.0;
        }
    }
    let mut wa = vec![0.0; n];
    for k in (0..n).rev() {
        for i in k..n {
            wa[i] = q[[i, k]];
            q[[i, k]] = 0.0;
        }
        q[[k, k]] = 1.0;
        if wa[k] != 0.0 {
            for j in k..n {
                let sum: f64 = (k..n).map(|i| q[[i, j]] * wa[i]).sum();
                let temp = sum / wa[k];
                for i in k..n {
                    q[[i, j]] -= temp * wa[i];
                }
            }
        }
    }
}

/// A Givens rotation `(cos, sin, tau)` eliminating `b` against `a` as MINPACK's `r1updt` forms it
/// (`tau` lets `r1mpyq` recover the rotation).
fn givens(a: f64, b: f64) -> (f64, f64, f64) {
    if a.abs() >= b.abs() {
        let tan = b / a;
        let cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
        let sin = cos * tan;
        (cos, sin, sin)
    } else {
        let cotan = a / b;
        let sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
        let cos = sin * cotan;
        let tau = if cos.abs() * f64::MAX > 1.0 { 1.0 / cos } else { 1.0 };
        (cos, sin, tau)
    }
}

/// The rotation stored as `tau` by [`givens`].
fn from_tau(t: f64) -> (f64, f64) {
    if t.abs() > 1.0 {
        let cos = 1.0 / t;
        (cos, (1.0 - cos * cos).sqrt())
    } else {
        ((1.0 - t * t).sqrt(), t)
    }
}

/// MINPACK `r1updt` for a square system: rotates `R + v u^T`-like updates of the upper
/// triangular `r` (MINPACK's lower-triangular `s = R^T`) back to triangular form. `v` is
/// overwritten with the first set of rotations, the second set is returned. Returns `(w, sing)`.
fn r1updt(r: &mut Array2<f64>, u: &[f64], v: &mut [f64]) -> (Vec<f64>, bool) {
    let n = u.len();
    // s(i, j) = r[j, i] for i >= j.
    let mut w = vec![0.0; n];
    w[n - 1] = r[[n - 1, n - 1]];
    for j in (0..n - 1).rev() {
        w[j] = 0.0;
        if v[j] != 0.0 {
            let (cos, sin, tau) = givens(v[n - 1], v[j]);
            v[n - 1] = sin * v[j] + cos * v[n - 1];
            v[j] = tau;
            for i in j..n {
                let temp = cos * r[[j, i]] - sin * w[i];
                w[i] = sin * r[[j, i]] + cos * w[i];
                r[[j, i]] = temp;
            }
        }
    }
    for i in 0..n {
        w[i] += v[n - 1] * u[i];
    }
    let mut sing = false;
    for j in 0..n - 1 {
        if w[j] != 0.0 {
            let (cos, sin, tau) = givens(r[[j, j]], w[j]);
            for i in j..n {
                let temp = cos * r[[j, i]] + sin * w[i];
                w[i] = -sin * r[[j, i]] + cos * w[i];
                r[[j, i]] = temp;
            }
            w[j] = tau;
        }
        if r[[j, j]] == 0.0 {
            sing = true;
        }
    }
    r[[n - 1, n - 1]] = w[n - 1];
    if r[[n - 1, n - 1]] == 0.0 {
        sing = true;
    }
    (w, sing)
}

/// MINPACK `r1mpyq`: `a <- a Q` for the rotations recorded by [`r1updt`] in `v` and `w`.
fn r1mpyq(a: &mut Array2<f64>, v: &[f64], w: &[f64]) {
    let (m, n) = a.dim();
    if n < 2 {
        return;
    }
    for j in (0..n - 1).rev() {
        let (cos, sin) = from_tau(v[j]);
        for i in 0..m {
            let temp = cos * a[[i, j]] - sin * a[[i, n - 1]];
            a[[i, n - 1]] = sin * a[[i, j]] + cos * a[[i, n - 1]];
            a[[i, j]] = temp;
        }
    }
    for j in 0..n - 1 {
        let (cos, sin) = from_tau(w[j]);
        for i in 0..m {
            let temp = cos * a[[i, j]] + sin * a[[i, n - 1]];
            a[[i, n - 1]] = -sin * a[[i, j]] + cos * a[[i, n - 1]];
            a[[i, j]] = temp;
        }
    }
}

/// MINPACK `fdjac1`: forward-difference Jacobian of a square system, banded when
/// `ml + mu + 1 < n` (one evaluation per group of independent columns).
fn fdjac1(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x: &mut Array1<f64>,
    fvec: &Array1<f64>,
    ml: usize,
    mu: usize,
    epsfcn: f64,
) -> Array2<f64> {
    let n = x.len();
    let eps = epsfcn.max(f64::EPSILON).sqrt();
    let step = |v: f64| {
        let h = eps * v.abs();
        if h == 0.0 { eps } else { h }
    };
    let mut fjac = Array2::zeros((n, n));
    let msum = ml + mu + 1;
    if msum >= n {
        for j in 0..n {
            let temp = x[j];
            let h = step(temp);
            x[j] = temp + h;
            let wa1 = fun(x);
            x[j] = temp;
            for i in 0..n {
                fjac[[i, j]] = (wa1[i] - fvec[i]) / h;
            }
        }
    } else {
        for k in 0..msum {
            let saved: Vec<(usize, f64)> = (k..n).step_by(msum).map(|j| (j, x[j])).collect();
            for &(j, v) in &saved {
                x[j] = v + step(v);
            }
            let wa1 = fun(x);
            for &(j, v) in &saved {
                x[j] = v;
                let h = step(v);
                for i in 0..n {
                    if i + mu >= j && i <= j + ml {
                        fjac[[i, j]] = (wa1[i] - fvec[i]) / h;
                    }
                }
            }
        }
    }
    fjac
}

/// MINPACK `hybrd` (no `jac`) or `hybrj` (with `jac`) from `x0`, where `f0 = fun(x0)`.
pub(crate) fn hybrd(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    jac: Option<&dyn Fn(&Array1<f64>) -> Array2<f64>>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    p: &HybrdParams,
) -> HybrdOutput {
    let epsmch = f64::EPSILON;
    let n = x0.len();
    let mut x = x0;
    let mut fvec = f0;
    let mut nfev = 1;
    let mut njev = 0;
    let mut fnorm = enorm(fvec.iter().copied());
    let msum = (p.ml + p.mu + 1).min(n);
    let mut iter = 1;
    let (mut ncsuc, mut ncfail, mut nslow1, mut nslow2) = (0, 0, 0, 0);
    let mut diag = p.diag.clone().unwrap_or_else(|| vec![0.0; n]);
    let (mut delta, mut xnorm) = (0.0, 0.0);
    let mut info = 0;
    let mut fjac;
    let mut r = Array2::<f64>::zeros((n, n));
    let mut qtf = Array2::<f64>::zeros((1, n));
    'outer: loop {
        let mut jeval = true;
        fjac = match jac {
            Some(j) => {
                njev += 1;
                j(&x)
            }
            None => {
                njev += 1;
                nfev += msum;
                fdjac1(fun, &mut x, &fvec, p.ml, p.mu, p.epsfcn)
            }
        };
        let (_, rdiag, acnorm) = qrfac(&mut fjac, false);
        if iter == 1 {
            if p.diag.is_none() {
                for j in 0..n {
                    diag[j] = if acnorm[j] == 0.0 { 1.0 } else { acnorm[j] };
                }
            }
            xnorm = enorm((0..n).map(|j| diag[j] * x[j]));
            delta = p.factor * xnorm;
            if delta == 0.0 {
                delta = p.factor;
            }
        }
        for i in 0..n {
            qtf[[0, i]] = fvec[i];
        }
        for j in 0..n {
            if fjac[[j, j]] != 0.0 {
                let sum: f64 = (j..n).map(|i| fjac[[i, j]] * qtf[[0, i]]).sum();
                let temp = -sum / fjac[[j, j]];
                for i in j..n {
                    qtf[[0, i]] += fjac[[i, j]] * temp;
                }
            }
        }
        r.fill(0.0);
        for j in 0..n {
            for i in 0..j {
                r[[i, j]] = fjac[[i, j]];
            }
            r[[j, j]] = rdiag[j];
        }
        qform(&mut fjac);
        if p.diag.is_none() {
            for j in 0..n {
                diag[j] = diag[j].max(acnorm[j]);
            }
        }
        loop {
            let qtb: Vec<f64> = qtf.row(0).to_vec();
            let mut wa1: Vec<f64> = dogleg(&r, &diag, &qtb, delta).into_iter().map(|v| -v).collect();
            let wa2: Array1<f64> = (0..n).map(|j| x[j] + wa1[j]).collect();
            let pnorm = enorm((0..n).map(|j| diag[j] * wa1[j]));
            if iter == 1 {
                delta = delta.min(pnorm);
            }
            let wa4 = fun(&wa2);
            nfev += 1;
            let fnorm1 = enorm(wa4.iter().copied());
            let actred = if fnorm1 < fnorm { 1.0 - (fnorm1 / fnorm).powi(2) } else { -1.0 };
            let wa3: Vec<f64> =
                (0..n).map(|i| qtb[i] + (i..n).map(|j| r[[i, j]] * wa1[j]).sum::<f64>()).collect();
            let temp = enorm(wa3.iter().copied());
            let prered = if temp < fnorm { 1.0 - (temp / fnorm).powi(2) } else { 0.0 };
            let ratio = if prered > 0.0 { actred / prered } else { 0.0 };
            if ratio < 0.1 {
                ncsuc = 0;
                ncfail += 1;
                delta *= 0.5;
            } else {
                ncfail = 0;
                ncsuc += 1;
                if ratio >= 0.5 || ncsuc > 1 {
                    delta = delta.max(pnorm / 0.5);
                }
                if (ratio - 1.0).abs() <= 0.1 {
                    delta = pnorm / 0.5;
                }
            }
            if ratio >= 1e-4 {
                x = wa2;
                xnorm = enorm((0..n).map(|j| diag[j] * x[j]));
                fvec = wa4.clone();
                fnorm = fnorm1;
                iter += 1;
            }
            nslow1 += 1;
            if actred >= 0.001 {
                nslow1 = 0;
            }
            if jeval {
                nslow2 += 1;
            }
            if actred >= 0.1 {
                nslow2 = 0;
            }
            if delta <= p.xtol * xnorm || fnorm == 0.0 {
                info = 1;
                break 'outer;
            }
            if nfev >= p.maxfev {
                info = 2;
            }
            if 0.1 * (0.1 * delta).max(pnorm) <= epsmch * xnorm {
                info = 3;
            }
            if nslow2 == 5 {
                info = 4;
            }
            if nslow1 == 10 {
                info = 5;
            }
            if info != 0 {
                break 'outer;
            }
            if ncfail == 2 {
                continue 'outer;
            }
            // Broyden's rank-one update of Q R, and of Q^T f when the step was taken.
            let mut v = vec![0.0; n];
            for j in 0..n {
                let sum: f64 = (0..n).map(|i| fjac[[i, j]] * wa4[i]).sum();
                v[j] = (sum - wa3[j]) / pnorm;
                wa1[j] = diag[j] * ((diag[j] * wa1[j]) / pnorm);
                if ratio >= 1e-4 {
                    qtf[[0, j]] = sum;
                }
            }
            let (w, _sing) = r1updt(&mut r, &wa1, &mut v);
            r1mpyq(&mut fjac, &v, &w);
            r1mpyq(&mut qtf, &v, &w);
            jeval = false;
        }
    }
    let packed: Array1<f64> =
        (0..n).flat_map(|i| (i..n).map(move |j| (i, j))).map(|(i, j)| r[[i, j]]).collect();
    HybrdOutput {
        x,
        fvec,
        info,
        nfev,
        njev,
        fjac: fjac.reversed_axes(),
        r: packed,
        qtf: qtf.row(0).to_owned(),
    }
}

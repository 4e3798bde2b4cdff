//! LSMR (Fong and Saunders), the iterative least-squares solver behind `tr_solver='lsmr'` and
//! `lsq_solver='lsmr'`: a port of `scipy.sparse.linalg.lsmr` (no `x0`), on any operator with
//! `A x` and `A^T y`.
//!
//! D. C.-L. Fong and M. A. Saunders, "LSMR: An iterative algorithm for sparse least-squares
//! problems", SIAM J. Sci. Comput. 33(5), 2011.

use super::dense::{dot, norm};

/// A linear operator `(m, n)`: `y = A x` and `y = A^T x`.
pub(crate) trait LinOp {
    fn shape(&self) -> (usize, usize);
    fn matvec(&self, x: &[f64], y: &mut [f64]);
    fn rmatvec(&self, x: &[f64], y: &mut [f64]);
}

/// The keywords of `lsmr` that SciPy's trust-region code passes through (`tr_options`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LsmrParams {
    pub damp: f64,
    pub atol: f64,
    pub btol: f64,
    pub conlim: f64,
    pub maxiter: Option<usize>,
}

impl Default for LsmrParams {
    fn default() -> Self {
        LsmrParams { damp: 0.0, atol: 1e-6, btol: 1e-6, conlim: 1e8, maxiter: None }
    }
}

/// NumPy's `sign`.
fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// SciPy's `_sym_ortho`: a stable Givens rotation `(c, s, r)` with `[c s; -s c] [a; b] = [r; 0]`.
fn sym_ortho(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        (sign(a), 0.0, a.abs())
    } else if a == 0.0 {
        (0.0, sign(b), b.abs())
    } else if b.abs() > a.abs() {
        let tau = a / b;
        let s = sign(b) / (1.0 + tau * tau).sqrt();
        let c = s * tau;
        (c, s, b / s)
    } else {
        let tau = b / a;
        let c = sign(a) / (1.0 + tau * tau).sqrt();
        let s = c * tau;
        (c, s, a / c)
    }
}

fn scale(v: &mut [f64], a: f64) {
    v.iter_mut().for_each(|x| *x *= a);
}

/// What `scipy.sparse.linalg.lsmr` returns: `x, istop, itn, normr, normar, normA, condA,
/// normx`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LsmrOutcome {
    pub x: Vec<f64>,
    pub istop: i32,
    pub itn: usize,
    pub normr: f64,
    pub normar: f64,
    pub norm_a: f64,
    pub cond_a: f64,
    pub normx: f64,
}

/// `min |A x - b|^2 + damp^2 |x|^2`; returns `(x, istop, itn)`.
pub(crate) fn lsmr(a: &dyn LinOp, b: &[f64], p: &LsmrParams) -> (Vec<f64>, i32, usize) {
    let o = lsmr_full(a, b, p);
    (o.x, o.istop, o.itn)
}

/// [`lsmr`] with SciPy's whole return tuple.
pub(crate) fn lsmr_full(a: &dyn LinOp, b: &[f64], p: &LsmrParams) -> LsmrOutcome {
    let (m, n) = a.shape();
    let maxiter = p.maxiter.unwrap_or(m.min(n));
    let damp = p.damp;
    let mut u = b.to_vec();
    let normb = norm(b);
    let mut x = vec![0.0; n];
    let mut beta = normb;
    let mut v = vec![0.0; n];
    let mut alpha = 0.0;
    if beta > 0.0 {
        scale(&mut u, 1.0 / beta);
        a.rmatvec(&u, &mut v);
        alpha = norm(&v);
    }
    if alpha > 0.0 {
        scale(&mut v, 1.0 / alpha);
    }
    let mut itn = 0;
    let mut zetabar = alpha * beta;
    let mut alphabar = alpha;
    let (mut rho, mut rhobar, mut cbar, mut sbar) = (1.0, 1.0, 1.0, 0.0);
    let mut h = v.clone();
    let mut hbar = vec![0.0; n];
    let (mut betadd, mut betad, mut rhodold, mut tautildeold, mut thetatilde, mut zeta, mut d) =
        (beta, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0);
    let mut norm_a2 = alpha * alpha;
    let (mut maxrbar, mut minrbar) = (0.0f64, 1e100f64);
    let (mut norm_a, mut cond_a, mut normx) = (norm_a2.sqrt(), 1.0, 0.0);
    let ctol = if p.conlim > 0.0 { 1.0 / p.conlim } else { 0.0 };
    let mut istop = 0;
    let (mut normr, mut normar) = (beta, alpha * beta);
    let done = |x, istop, itn, normr, normar, norm_a, cond_a, normx| LsmrOutcome {
        x,
        istop,
        itn,
        normr,
        normar,
        norm_a,
        cond_a,
        normx,
    };
    if alpha * beta == 0.0 || normb == 0.0 {
        return done(x, istop, itn, normr, normar, norm_a, cond_a, normx);
    }
    let mut tmp_m = vec![0.0; m];
    let mut tmp_n = vec![0.0; n];
    while itn < maxiter {
        itn += 1;
        a.matvec(&v, &mut tmp_m);
        u.iter_mut().zip(&tmp_m).for_each(|(ui, t)| *ui = *ui * -alpha + t);
        beta = norm(&u);
        if beta > 0.0 {
            scale(&mut u, 1.0 / beta);
            a.rmatvec(&u, &mut tmp_n);
            v.iter_mut().zip(&tmp_n).for_each(|(vi, t)| *vi = *vi * -beta + t);
            alpha = norm(&v);
            if alpha > 0.0 {
                scale(&mut v, 1.0 / alpha);
            }
        }
        let (chat, shat, alphahat) = sym_ortho(alphabar, damp);
        let rhoold = rho;
        let (c, s, r) = sym_ortho(alphahat, beta);
        rho = r;
        let thetanew = s * alpha;
        alphabar = c * alpha;
        let rhobarold = rhobar;
        let zetaold = zeta;
        let thetabar = sbar * rho;
        let rhotemp = cbar * rho;
        (cbar, sbar, rhobar) = sym_ortho(cbar * rho, thetanew);
        zeta = cbar * zetabar;
        zetabar *= -sbar;
        let fh = -(thetabar * rho / (rhoold * rhobarold));
        hbar.iter_mut().zip(&h).for_each(|(hb, hi)| *hb = *hb * fh + hi);
        let fx = zeta / (rho * rhobar);
        x.iter_mut().zip(&hbar).for_each(|(xi, hb)| *xi += fx * hb);
        let fh = -(thetanew / rho);
        h.iter_mut().zip(&v).for_each(|(hi, vi)| *hi = *hi * fh + vi);
        // Estimate of |r|.
        let betaacute = chat * betadd;
        let betacheck = -shat * betadd;
        let betahat = c * betaacute;
        betadd = -s * betaacute;
        let thetatildeold = thetatilde;
        let (ctildeold, stildeold, rhotildeold) = sym_ortho(rhodold, thetabar);
        thetatilde = stildeold * rhobar;
        rhodold = ctildeold * rhobar;
        betad = -stildeold * betad + ctildeold * betahat;
        tautildeold = (zetaold - thetatildeold * tautildeold) / rhotildeold;
        let taud = (zeta - thetatilde * tautildeold) / rhodold;
        d += betacheck * betacheck;
        normr = (d + (betad - taud).powi(2) + betadd * betadd).sqrt();
        // Estimates of |A| and cond(A).
        norm_a2 += beta * beta;
        norm_a = norm_a2.sqrt();
        norm_a2 += alpha * alpha;
        maxrbar = maxrbar.max(rhobarold);
        if itn > 1 {
            minrbar = minrbar.min(rhobarold);
        }
        cond_a = maxrbar.max(rhotemp) / minrbar.min(rhotemp);
        normar = zetabar.abs();
        normx = dot(&x, &x).sqrt();
        let test1 = normr / normb;
        let test2 = if norm_a * normr != 0.0 { normar / (norm_a * normr) } else { f64::INFINITY };
        let test3 = 1.0 / cond_a;
        let t1 = test1 / (1.0 + norm_a * normx / normb);
        let rtol = p.btol + p.atol * norm_a * normx / normb;
        if itn >= maxiter {
            istop = 7;
        }
        if 1.0 + test3 <= 1.0 {
            istop = 6;
        }
        if 1.0 + test2 <= 1.0 {
            istop = 5;
        }
        if 1.0 + t1 <= 1.0 {
            istop = 4;
        }
        if test3 <= ctol {
            istop = 3;
        }
        if test2 <= p.atol {
            istop = 2;
        }
        if test1 <= rtol {
            istop = 1;
        }
        if istop > 0 {
            break;
        }
    }
    done(x, istop, itn, normr, normar, norm_a, cond_a, normx)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dense(Vec<Vec<f64>>);
    impl LinOp for Dense {
        fn shape(&self) -> (usize, usize) {
            (self.0.len(), self.0[0].len())
        }
        fn matvec(&self, x: &[f64], y: &mut [f64]) {
            for (yi, row) in y.iter_mut().zip(&self.0) {
                *yi = dot(row, x);
            }
        }
        fn rmatvec(&self, x: &[f64], y: &mut [f64]) {
            y.fill(0.0);
            for (row, xi) in self.0.iter().zip(x) {
                y.iter_mut().zip(row).for_each(|(yj, a)| *yj += a * xi);
            }
        }
    }

    #[test]
    fn lsmr_matches_scipy() {
        let a =
            Dense(vec![vec![1.0, 2.0, 0.0], vec![0.0, 1.0, 3.0], vec![4.0, 0.0, 1.0], vec![1.0, 1.0, 1.0]]);
        let b = [1.0, -1.0, 2.0, 0.5];
        // scipy.sparse.linalg.lsmr(A, b): x, istop, itn
        let (x, istop, itn) = lsmr(&a, &b, &LsmrParams::default());
        let x_ref = [0.6024643320363166, 0.21335927367055785, -0.3968871595330742];
        for (u, v) in x.iter().zip(x_ref) {
            assert!((u - v).abs() < 1e-12, "{u} vs {v}");
        }
        assert_eq!((istop, itn), (2, 3));
        // damp = 1
        let (x, istop, itn) = lsmr(&a, &b, &LsmrParams { damp: 1.0, ..Default::default() });
        let x_ref = [0.5611160318866253, 0.16209034543844122, -0.32949512843224105];
        for (u, v) in x.iter().zip(x_ref) {
            assert!((u - v).abs() < 1e-12, "{u} vs {v}");
        }
        assert_eq!((istop, itn), (2, 3));
        // maxiter = 1
        let (x, istop, itn) = lsmr(&a, &b, &LsmrParams { maxiter: Some(1), ..Default::default() });
        let x_ref = [0.47445753995208, 0.07491434841348633, -0.02497144947116213];
        for (u, v) in x.iter().zip(x_ref) {
            assert!((u - v).abs() < 1e-12, "{u} vs {v}");
        }
        assert_eq!((istop, itn), (7, 1));
    }
}

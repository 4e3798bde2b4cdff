//! Truncated Newton with conjugate gradients, as SciPy's `_minimize_newtoncg`: an inner CG
//! solve of `H p = -g` to the forcing tolerance `min(0.5, sqrt(|g|_1)) |g|_1` (Hessian,
//! Hessian-vector products, or forward differences of the gradient), then the Wolfe line search.

use super::callback::{CALLBACK_STOP, Callback, halt};
use super::linesearch::line_search_wolfe12;
use super::messages;
use crate::error::Result;
use crate::problem::{OptimizeResult, Problem, check_finite_start};
use ndarray::{Array1, Array2};

/// Hessian information of Newton-CG.
pub(crate) enum Hessian<'a> {
    Full(&'a dyn Fn(&Array1<f64>) -> Array2<f64>),
    Product(&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>),
    /// Forward differences of the gradient with step `eps` (SciPy's `approx_fhess_p`).
    Approx(f64),
}

/// The gradient with SciPy's `ScalarFunction` cache: asked again at the same point, it is
/// not recomputed.
struct Grad {
    at: Option<(Array1<f64>, Array1<f64>)>,
}

impl Grad {
    fn get(&mut self, problem: &mut Problem<'_>, x: &Array1<f64>) -> Array1<f64> {
        if let Some((ax, g)) = &self.at {
            if ax == x {
                return g.clone();
            }
        }
        let g = problem.grad(x);
        self.at = Some((x.clone(), g.clone()));
        g
    }
}

fn l1(v: &Array1<f64>) -> f64 {
    v.iter().map(|x| x.abs()).sum()
}

/// SciPy's `_minimize_newtoncg` (`xtol` is `avextol`).
pub(crate) fn newton_cg(
    problem: &mut Problem<'_>,
    hess: Hessian<'_>,
    x0: Array1<f64>,
    xtol: f64,
    maxiter: usize,
    c1: f64,
    c2: f64,
    callback: Option<Callback<'_>>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let cg_maxiter = 20 * n;
    let xtol = n as f64 * xtol;
    let mut update_l1norm = f64::MAX;
    let mut xk = x0;
    let mut k = 0;
    let mut hcalls = 0;
    let mut old_fval = problem.fun(&xk);
    check_finite_start(old_fval)?;
    let mut old_old_fval = f64::NEG_INFINITY; // SciPy's None: first trial step 1
    let mut grad = Grad { at: None };
    let mut gfk = Array1::zeros(n);
    let (status, message): (i32, String) = 'outer: loop {
        if update_l1norm.is_nan() || update_l1norm <= xtol {
            if old_fval.is_nan() || update_l1norm.is_nan() {
                break (3, messages::NAN.into());
            }
            break (0, messages::SUCCESS.into());
        }
        if k >= maxiter {
            break (1, format!("Warning: {}", messages::MAXITER));
        }
        let b = -grad.get(problem, &xk);
        let maggrad = l1(&b);
        let eta = 0.5f64.min(maggrad.sqrt());
        let termcond = eta * maggrad;
        let mut xsupi = Array1::<f64>::zeros(n);
        let mut ri = -&b;
        let mut psupi = -&ri;
        let mut dri0 = ri.dot(&ri);
        let a = match hess {
            Hessian::Full(h) => {
                hcalls += 1;
                Some(h(&xk))
            }
            _ => None,
        };
        let mut converged = false;
        for i in 0..cg_maxiter {
            if l1(&ri) <= termcond {
                converged = true;
                break;
            }
            let ap = match (&a, &hess) {
                (Some(a), _) => a.dot(&psupi),
                (None, Hessian::Product(hp)) => {
                    hcalls += 1;
                    hp(&xk, &psupi)
                }
                (None, Hessian::Approx(eps)) => {
                    // SciPy's order: fprime(x) (cached after the first product), then fprime(x + eps p).
                    let g0 = grad.get(problem, &xk);
                    let g1 = grad.get(problem, &(&xk + &(&psupi * *eps)));
                    (g1 - g0) / *eps
                }
                (None, Hessian::Full(_)) => unreachable!("A computed above"),
            };
            let curv = psupi.dot(&ap);
            if (0.0..=3.0 * f64::EPSILON).contains(&curv) {
                converged = true;
                break;
            } else if curv < 0.0 {
                if i == 0 {
                    xsupi = &b * (dri0 / -curv);
                }
                converged = true;
                break;
            }
            let alphai = dri0 / curv;
            xsupi = xsupi + &psupi * alphai;
            ri = ri + &ap * alphai;
            let dri1 = ri.dot(&ri);
            let betai = dri1 / dri0;
            psupi = -&ri + &psupi * betai;
            dri0 = dri1;
        }
        gfk = -&b;
        if !converged {
            break 'outer (
                3,
                "Warning: CG iterations didn't converge. The Hessian is not positive definite.".into(),
            );
        }
        let pk = xsupi;
        let Some((alphak, fval, gval)) =
            line_search_wolfe12(problem, &xk, &pk, &gfk, old_fval, old_old_fval, c1, c2, None)
        else {
            break (2, format!("Warning: {}", messages::PR_LOSS));
        };
        old_old_fval = old_fval;
        old_fval = fval;
        let update = &pk * alphak;
        xk = &xk + &update;
        if let Some(g) = gval {
            grad.at = Some((xk.clone(), g));
        }
        k += 1;
        if halt(callback, &xk, old_fval) {
            break (99, CALLBACK_STOP.into());
        }
        update_l1norm = l1(&update);
    };
    Ok(OptimizeResult {
        x: xk,
        fun: old_fval,
        jac: Some(gfk),
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: k,
        nfev: problem.nfev,
        njev: problem.njev,
        nhev: hcalls,
        status,
        success: status == 0,
        message,
    })
}

//! `quad`: QUADPACK's adaptive Gauss-Kronrod quadrature with Wynn's epsilon extrapolation
//! (`dqagse` on finite intervals, `dqagie` on infinite ones), as `scipy.integrate.quad` calls it.

mod extrapolation;
mod rules;

use crate::error::{IntegrateError, Result};
use extrapolation::{Epsilon, qpsrt};
use rules::{EPMACH, Infinite, UFLOW, qk15i, qk21};

/// Options of [`quad`], with SciPy's defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuadOptions {
    /// Absolute error tolerance (SciPy's `epsabs`, default 1.49e-8).
    pub epsabs: f64,
    /// Relative error tolerance (SciPy's `epsrel`, default 1.49e-8).
    pub epsrel: f64,
    /// Upper bound on the number of subintervals (SciPy's `limit`, default 50).
    pub limit: usize,
}

impl Default for QuadOptions {
    fn default() -> Self {
        Self { epsabs: 1.49e-8, epsrel: 1.49e-8, limit: 50 }
    }
}

/// What QUADPACK reports besides the value (SciPy's `infodict` and `ier`).
#[derive(Debug, Clone, PartialEq)]
pub struct QuadInfo {
    /// Number of function evaluations (`neval`).
    pub neval: usize,
    /// Number of subintervals used (`last`).
    pub last: usize,
    /// QUADPACK's `ier`: 0 on success; 1 too many subdivisions, 2 round-off error detected,
    /// 3 bad integrand behaviour, 4 the extrapolation table does not converge, 5 the integral
    /// is probably divergent. SciPy warns (`IntegrationWarning`) on non-zero values.
    pub ier: i32,
    /// SciPy's message for `ier`.
    pub message: &'static str,
    /// Left end points of the subintervals (`alist`), in QUADPACK's storage order.
    pub alist: Vec<f64>,
    /// Right end points of the subintervals (`blist`).
    pub blist: Vec<f64>,
    /// Integral over each subinterval (`rlist`).
    pub rlist: Vec<f64>,
    /// Error estimate of each subinterval (`elist`).
    pub elist: Vec<f64>,
}

/// The result of [`quad`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuadResult {
    /// The integral.
    pub value: f64,
    /// An estimate of the absolute error.
    pub abserr: f64,
    /// QUADPACK's diagnostics.
    pub info: QuadInfo,
}

impl QuadResult {
    /// True when QUADPACK reached the requested accuracy (`ier == 0`).
    pub fn success(&self) -> bool {
        self.info.ier == 0
    }
}

fn message(ier: i32) -> &'static str {
    match ier {
        0 => "The integral is probably accurate.",
        1 => {
            "The maximum number of subdivisions has been achieved. If increasing the limit yields no \
             improvement it is advised to analyze the integrand in order to determine the difficulties."
        }
        2 => {
            "The occurrence of roundoff error is detected, which prevents the requested tolerance from \
             being achieved. The error may be underestimated."
        }
        3 => "Extremely bad integrand behavior occurs at some points of the integration interval.",
        4 => {
            "The algorithm does not converge. Roundoff error is detected in the extrapolation table. It \
             is assumed that the requested tolerance cannot be achieved, and that the returned result \
             (if full_output = 1) is the best which can be obtained."
        }
        _ => "The integral is probably divergent, or slowly convergent.",
    }
}

/// Computes a definite integral of `f` from `a` to `b` (either may be infinite).
///
/// Finite intervals use QUADPACK's QAGS: the 21-point Gauss-Kronrod rule, bisection of the
/// subinterval with the largest error, and Wynn's epsilon algorithm to accelerate convergence
/// (so integrable end-point singularities such as `1/sqrt(x)` are handled). Infinite intervals
/// are mapped onto (0, 1] and use QAGI with the 15-point rule. `b < a` integrates from `b` to
/// `a` and negates, as SciPy does. The iteration stops when the error estimate is below
/// `max(epsabs, epsrel * |integral|)`; when QUADPACK cannot reach that, the best value is still
/// returned, with `info.ier` and `info.message` saying why (SciPy warns in that case).
///
/// # Errors
///
/// [`IntegrateError::NotFinite`] when a limit is NaN; [`IntegrateError::InvalidTolerance`]
/// when `epsabs <= 0` and `epsrel < max(50 eps, 5e-29)`; [`IntegrateError::InvalidValue`] when
/// `limit < 1` or `limit > 2^31 - 1` (SciPy's C int).
///
/// # Examples
///
/// ```
/// use sci_integrate::{quad, QuadOptions};
/// // Gaussian integral over the real line.
/// let r = quad(|x: f64| (-x * x).exp(), f64::NEG_INFINITY, f64::INFINITY, &QuadOptions::default())?;
/// assert!((r.value - std::f64::consts::PI.sqrt()).abs() < 1e-14);
/// // x^2 from 0 to 4.
/// let r = quad(|x: f64| x * x, 0.0, 4.0, &QuadOptions::default())?;
/// assert!((r.value - 64.0 / 3.0).abs() < 1e-13);
/// assert_eq!(r.info.neval, 21);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.quad` (without `weight`, `points` and `complex_func`).
pub fn quad<F: FnMut(f64) -> f64>(mut f: F, a: f64, b: f64, opts: &QuadOptions) -> Result<QuadResult> {
    for (arg, v) in [("a", a), ("b", b)] {
        if v.is_nan() {
            return Err(IntegrateError::NotFinite { arg, value: v });
        }
    }
    if opts.epsabs <= 0.0 && opts.epsrel < (50.0 * EPMACH).max(5e-29) {
        return Err(IntegrateError::InvalidTolerance {
            what: format!(
                "epsabs = {} must be positive or epsrel = {} at least max(50 eps, 5e-29)",
                opts.epsabs, opts.epsrel
            ),
        });
    }
    if opts.limit < 1 {
        return Err(IntegrateError::InvalidValue {
            arg: "limit",
            expected: "at least 1",
            found: opts.limit.to_string(),
        });
    }
    if opts.limit > i32::MAX as usize {
        // SciPy passes `limit` to QUADPACK as a C int: "OverflowError: signed integer is
        // greater than maximum".
        return Err(IntegrateError::InvalidValue {
            arg: "limit",
            expected: "at most 2147483647 (a C int, as in SciPy)",
            found: opts.limit.to_string(),
        });
    }
    if a == b {
        // SciPy returns 0 without evaluating f (also for quad(f, inf, inf)).
        let info = QuadInfo {
            neval: 0,
            last: 0,
            ier: 0,
            message: message(0),
            alist: Vec::new(),
            blist: Vec::new(),
            rlist: Vec::new(),
            elist: Vec::new(),
        };
        return Ok(QuadResult { value: 0.0, abserr: 0.0, info });
    }
    let flip = b < a;
    let (lo, hi) = if flip { (b, a) } else { (a, b) };
    let mut r = if lo.is_finite() && hi.is_finite() {
        let rule = |f: &mut F, x: f64, y: f64| qk21(f, x, y);
        adaptive(&mut f, rule, lo, hi, opts, 42)
    } else {
        let map = match (lo.is_finite(), hi.is_finite()) {
            (true, false) => Infinite { bound: lo, inf: 1 },
            (false, true) => Infinite { bound: hi, inf: -1 },
            _ => Infinite { bound: 0.0, inf: 2 },
        };
        let rule = move |f: &mut F, x: f64, y: f64| qk15i(f, map, x, y);
        let mut r = adaptive(&mut f, rule, 0.0, 1.0, opts, 30);
        if map.inf == 2 {
            r.info.neval *= 2;
        }
        r
    };
    if flip {
        r.value = -r.value;
    }
    Ok(r)
}

/// The common body of `dqagse` and `dqagie`: adaptive bisection of [a, b] with the rule `qk`
/// (`(f, a, b) -> (result, abserr, resabs, resasc)`), epsilon extrapolation, QUADPACK's
/// round-off and divergence tests. `per_interval` is the rule's evaluation count times two
/// (42 for 21 points, 30 for 15): `neval = per_interval * last - per_interval / 2`.
// The negated comparisons keep QUADPACK's branches for NaN error estimates.
#[allow(clippy::neg_cmp_op_on_partial_ord)]
fn adaptive<F, R>(f: &mut F, mut qk: R, a: f64, b: f64, opts: &QuadOptions, per_interval: usize) -> QuadResult
where
    R: FnMut(&mut F, f64, f64) -> (f64, f64, f64, f64),
{
    let (epsabs, epsrel, limit) = (opts.epsabs, opts.epsrel, opts.limit);
    let oflow = f64::MAX;
    // 1-based arrays, as QUADPACK's; grown as subintervals are added (QUADPACK sizes them
    // for `limit` up front, which for SciPy's largest limit, 2^31 - 1, is 80 GB).
    let len = limit.min(127) + 1;
    let mut alist = vec![0.0; len];
    let mut blist = vec![0.0; len];
    let mut rlist = vec![0.0; len];
    let mut elist = vec![0.0; len];
    let mut iord = vec![0usize; len];
    alist[1] = a;
    blist[1] = b;

    let mut ier = 0;
    let (mut result, mut abserr, defabs, resasc0) = qk(f, a, b);
    let dres = result.abs();
    let mut errbnd = epsabs.max(epsrel * dres);
    let mut last = 1;
    rlist[1] = result;
    elist[1] = abserr;
    iord[1] = 1;
    if abserr <= 100.0 * EPMACH * defabs && abserr > errbnd {
        ier = 2;
    }
    if limit == 1 {
        ier = 1;
    }
    let done = |last: usize, ier: i32, result: f64, abserr: f64, lists: [Vec<f64>; 4]| {
        let [al, bl, rl, el] = lists;
        QuadResult {
            value: result,
            abserr,
            info: QuadInfo {
                neval: per_interval * last - per_interval / 2,
                last,
                ier,
                message: message(ier),
                alist: al[1..=last].to_vec(),
                blist: bl[1..=last].to_vec(),
                rlist: rl[1..=last].to_vec(),
                elist: el[1..=last].to_vec(),
            },
        }
    };
    if ier != 0 || (abserr <= errbnd && abserr != resasc0) || abserr == 0.0 {
        return done(last, ier, result, abserr, [alist, blist, rlist, elist]);
    }

    let mut eps = Epsilon::new();
    eps.epstab[1] = result;
    let mut errmax = abserr;
    let mut maxerr = 1;
    let mut area = result;
    let mut errsum = abserr;
    abserr = oflow;
    let mut nrmax = 1;
    let mut numrl2 = 2;
    let mut ktmin = 0;
    let mut extrap = false;
    let mut noext = false;
    let mut ierro = 0;
    let (mut iroff1, mut iroff2, mut iroff3) = (0, 0, 0);
    let ksgn = if dres >= (1.0 - 50.0 * EPMACH) * defabs { 1 } else { -1 };
    let mut small = 0.0;
    let mut erlarg = 0.0;
    let mut ertest = 0.0;
    let mut correc = 0.0;
    // How the main loop ended: the error sum met the bound (sum the intervals), or the
    // extrapolated result is final (or an error flag stopped the iteration).
    let mut sum_intervals = false;

    'main: for l in 2..=limit {
        last = l;
        if last >= alist.len() {
            let len = (2 * alist.len()).min(limit + 1);
            for v in [&mut alist, &mut blist, &mut rlist, &mut elist] {
                v.resize(len, 0.0);
            }
            iord.resize(len, 0);
        }
        // Bisect the subinterval with the nrmax-th largest error estimate.
        let a1 = alist[maxerr];
        let b1 = 0.5 * (alist[maxerr] + blist[maxerr]);
        let a2 = b1;
        let b2 = blist[maxerr];
        let erlast = errmax;
        let (area1, error1, _, defab1) = qk(f, a1, b1);
        let (area2, error2, _, defab2) = qk(f, a2, b2);
        let area12 = area1 + area2;
        let erro12 = error1 + error2;
        errsum = errsum + erro12 - errmax;
        area = area + area12 - rlist[maxerr];
        if defab1 != error1 && defab2 != error2 {
            // QUADPACK's test, `go to 10` when `|r - area12| > 1e-5 |area12| .or. erro12 <
            // 0.99 errmax`, negated as written: a NaN integrand counts as round-off here, so
            // that it stops after 10 bisections with ier = 2, as in SciPy.
            if !((rlist[maxerr] - area12).abs() > 1e-5 * area12.abs() || erro12 < 0.99 * errmax) {
                if extrap {
                    iroff2 += 1;
                } else {
                    iroff1 += 1;
                }
            }
            if last > 10 && erro12 > errmax {
                iroff3 += 1;
            }
        }
        rlist[maxerr] = area1;
        rlist[last] = area2;
        errbnd = epsabs.max(epsrel * area.abs());
        // Round-off, the subdivision limit, and bad integrand behaviour at a point.
        if iroff1 + iroff2 >= 10 || iroff3 >= 20 {
            ier = 2;
        }
        if iroff2 >= 5 {
            ierro = 3;
        }
        if last == limit {
            ier = 1;
        }
        if a1.abs().max(b2.abs()) <= (1.0 + 100.0 * EPMACH) * (a2.abs() + 1000.0 * UFLOW) {
            ier = 4;
        }
        // Append the new intervals to the list.
        if error2 > error1 {
            alist[maxerr] = a2;
            alist[last] = a1;
            blist[last] = b1;
            rlist[maxerr] = area2;
            rlist[last] = area1;
            elist[maxerr] = error2;
            elist[last] = error1;
        } else {
            alist[last] = a2;
            blist[maxerr] = b1;
            blist[last] = b2;
            elist[maxerr] = error1;
            elist[last] = error2;
        }
        qpsrt(limit, last, &mut maxerr, &mut errmax, &elist, &mut iord, &mut nrmax);
        if errsum <= errbnd {
            sum_intervals = true;
            break 'main;
        }
        if ier != 0 {
            break 'main;
        }
        if last == 2 {
            small = (b - a).abs() * 0.375;
            erlarg = errsum;
            ertest = errbnd;
            eps.epstab[2] = area;
            continue;
        }
        if noext {
            continue;
        }
        erlarg -= erlast;
        if (b1 - a1).abs() > small {
            erlarg += erro12;
        }
        if !extrap {
            // Is the interval to be bisected next the smallest one?
            if (blist[maxerr] - alist[maxerr]).abs() > small {
                continue;
            }
            extrap = true;
            nrmax = 2;
        }
        if !(ierro == 3 || erlarg <= ertest) {
            // The smallest interval has the largest error: before bisecting, decrease the sum
            // of the errors over the larger intervals (erlarg) and extrapolate.
            let id = nrmax;
            let jupbnd = if last > 2 + limit / 2 { limit + 3 - last } else { last };
            let mut larger_left = false;
            for _ in id..=jupbnd {
                maxerr = iord[nrmax];
                errmax = elist[maxerr];
                if (blist[maxerr] - alist[maxerr]).abs() > small {
                    larger_left = true;
                    break;
                }
                nrmax += 1;
            }
            if larger_left {
                continue;
            }
        }
        // Extrapolate.
        numrl2 += 1;
        eps.epstab[numrl2] = area;
        let (reseps, abseps) = eps.extrapolate(&mut numrl2);
        ktmin += 1;
        if ktmin > 5 && abserr < 1e-3 * errsum {
            ier = 5;
        }
        if !(abseps >= abserr) {
            ktmin = 0;
            abserr = abseps;
            result = reseps;
            correc = erlarg;
            ertest = epsabs.max(epsrel * reseps.abs());
            if abserr <= ertest {
                break 'main;
            }
        }
        // Prepare the bisection of the smallest interval.
        if numrl2 == 1 {
            noext = true;
        }
        if ier == 5 {
            break 'main;
        }
        maxerr = iord[1];
        errmax = elist[maxerr];
        nrmax = 1;
        extrap = false;
        small *= 0.5;
        erlarg = errsum;
    }

    // Final result and error estimate.
    if !sum_intervals {
        if abserr == oflow {
            sum_intervals = true;
        } else if ier + ierro != 0 {
            if ierro == 3 {
                abserr += correc;
            }
            if ier == 0 {
                ier = 3;
            }
            if result != 0.0 && area != 0.0 {
                if abserr / result.abs() > errsum / area.abs() {
                    sum_intervals = true;
                }
            } else if abserr > errsum {
                sum_intervals = true;
            } else if area == 0.0 {
                if ier > 2 {
                    ier -= 1;
                }
                return done(last, ier, result, abserr, [alist, blist, rlist, elist]);
            }
        }
        if !sum_intervals {
            // Test on divergence.
            if !(ksgn == -1 && result.abs().max(area.abs()) <= defabs * 0.01)
                && (0.01 > result / area || result / area > 100.0 || errsum > area.abs())
            {
                ier = 6;
            }
        }
    }
    if sum_intervals {
        result = rlist[1..=last].iter().sum();
        abserr = errsum;
    }
    if ier > 2 {
        ier -= 1;
    }
    done(last, ier, result, abserr, [alist, blist, rlist, elist])
}

//! TNC's line search: Gill and Murray's safeguarded step-length algorithm (`getptc`), a cubic
//! interpolation on a shrinking interval of uncertainty, as in `tnc.c`'s `linearSearch`.

use super::core::{EPSMCH, Tnc, coercex, ddot, dnrm2, project, unscalex};

/// How the line search ended (`tnc.c`'s `ls_rc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LsOutcome {
    /// A suitable point was found.
    Ok,
    /// The limit on function evaluations was reached.
    MaxFun,
    /// No suitable point was found.
    Fail,
}

/// What `getptc` asks for next (`tnc.c`'s `getptc_rc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Getptc {
    Ok,
    Eval,
    Fail,
}

/// The state of `getptc` between evaluations: the interval of uncertainty `[a, b]` relative
/// to the best point `xmin`, the two best points and their values and slopes.
pub(super) struct LineSearch {
    big: f64,
    rtsmll: f64,
    reltol: f64,
    abstol: f64,
    tnytol: f64,
    fpresn: f64,
    xbnd: f64,
    u: f64,
    fu: f64,
    gu: f64,
    xmin: f64,
    fmin: f64,
    gmin: f64,
    xw: f64,
    fw: f64,
    gw: f64,
    a: f64,
    b: f64,
    oldf: f64,
    b1: f64,
    scxbnd: f64,
    e: f64,
    step: f64,
    factor: f64,
    braktd: bool,
    gtest1: f64,
    gtest2: f64,
    tol: f64,
}

impl LineSearch {
    /// `getptcInit`; `None` for bad input (`GETPTC_EINVAL`).
    #[allow(clippy::too_many_arguments)]
    fn init(
        reltol: f64,
        abstol: f64,
        tnytol: f64,
        eta: f64,
        rmu: f64,
        xbnd: f64,
        u: f64,
        fu: f64,
        gu: f64,
        fpresn: f64,
    ) -> Option<Self> {
        if u <= 0.0 || xbnd <= tnytol || gu > 0.0 {
            return None;
        }
        let abstol = if xbnd < abstol { xbnd } else { abstol };
        let b = xbnd + reltol * xbnd.abs() + abstol;
        let mut s = LineSearch {
            big: 1.0 / (EPSMCH * EPSMCH),
            rtsmll: EPSMCH,
            reltol,
            abstol,
            tnytol,
            fpresn,
            xbnd,
            u,
            fu,
            gu,
            xmin: 0.0,
            fmin: fu,
            gmin: gu,
            xw: 0.0,
            fw: fu,
            gw: gu,
            a: 0.0,
            b,
            oldf: fu,
            b1: b,
            scxbnd: xbnd,
            e: b + b,
            step: u,
            factor: 5.0,
            braktd: false,
            gtest1: -rmu * gu,
            gtest2: -eta * gu,
            tol: abstol,
        };
        s.clip_step_and_set_u();
        Some(s)
    }

    /// The end of `getptcInit` and `getptcIter`: the step is cut at the scaled bound and kept
    /// at least `tol` long.
    fn clip_step_and_set_u(&mut self) {
        if self.step >= self.scxbnd {
            self.step = self.scxbnd;
            self.scxbnd -= (self.reltol * self.xbnd.abs() + self.abstol) / (1.0 + self.reltol);
        }
        self.u = self.step;
        if self.step.abs() < self.tol && self.step < 0.0 {
            self.u = -self.tol;
        }
        if self.step.abs() < self.tol && self.step >= 0.0 {
            self.u = self.tol;
        }
    }

    /// `getptcIter`: takes `fu`, `gu` at `xmin + u` and proposes the next `u`.
    fn iter(&mut self) -> Getptc {
        let mut converged_update = false;
        if self.fu <= self.fmin {
            let chordu = self.oldf - (self.xmin + self.u) * self.gtest1;
            if self.fu > chordu {
                // Not a sufficient decrease: move the upper end here with an interpolated value.
                let chordm = self.oldf - self.xmin * self.gtest1;
                self.gu = -self.gmin;
                let mut denom = chordm - self.fmin;
                if denom.abs() < 1e-15 {
                    denom = 1e-15;
                    if chordm - self.fmin < 0.0 {
                        denom = -denom;
                    }
                }
                if self.xmin != 0.0 {
                    self.gu = self.gmin * (chordu - self.fu) / denom;
                }
                self.fu = 0.5 * self.u * (self.gmin + self.gu) + self.fmin;
                if self.fu < self.fmin {
                    self.fu = self.fmin;
                }
            } else {
                self.fw = self.fmin;
                self.fmin = self.fu;
                self.gw = self.gmin;
                self.gmin = self.gu;
                self.xmin += self.u;
                self.a -= self.u;
                self.b -= self.u;
                self.xw = -self.u;
                self.scxbnd -= self.u;
                if self.gu <= 0.0 {
                    self.a = 0.0;
                } else {
                    self.b = 0.0;
                    self.braktd = true;
                }
                self.tol = self.xmin.abs() * self.reltol + self.abstol;
                converged_update = true;
            }
        }
        if !converged_update {
            if self.u < 0.0 {
                self.a = self.u;
            } else {
                self.b = self.u;
                self.braktd = true;
            }
            self.xw = self.u;
            self.fw = self.fu;
            self.gw = self.gu;
        }

        let mut twotol = self.tol + self.tol;
        let xmidpt = 0.5 * (self.a + self.b);
        let convrg = xmidpt.abs() <= twotol - 0.5 * (self.b - self.a)
            || (self.gmin.abs() <= self.gtest2
                && self.fmin < self.oldf
                && ((self.xmin - self.xbnd).abs() > self.tol || !self.braktd));
        if convrg {
            if self.xmin != 0.0 {
                return Getptc::Ok;
            }
            // No reduction yet: unless the change of f is within the precision of f, shrink
            // the tolerances and continue.
            if (self.oldf - self.fw).abs() <= self.fpresn {
                return Getptc::Fail;
            }
            self.tol *= 0.1;
            if self.tol < self.tnytol {
                return Getptc::Fail;
            }
            self.reltol *= 0.1;
            self.abstol *= 0.1;
            twotol *= 0.1;
        }

        let (mut r, mut q, mut s) = (0.0, 0.0, 0.0);
        let mut minimum_found = false;
        if self.e.abs() > self.tol {
            // Fit a cubic through xmin and xw.
            r = 3.0 * (self.fmin - self.fw) / self.xw + self.gmin + self.gw;
            let absr = r.abs();
            q = absr;
            if self.gw != 0.0 && self.gmin != 0.0 {
                let abgw = self.gw.abs();
                let abgmin = self.gmin.abs();
                s = abgmin.sqrt() * abgw.sqrt();
                if self.gw / abgw * self.gmin > 0.0 {
                    if r >= s || r <= -s {
                        q = (r + s).abs().sqrt() * (r - s).abs().sqrt();
                    } else {
                        r = 0.0;
                        q = 0.0;
                        minimum_found = true;
                    }
                } else {
                    // sqrt(r^2 + s^2) without underflow or overflow.
                    let mut sumsq = 1.0;
                    let mut p = 0.0;
                    let scale;
                    if absr >= s {
                        if absr > self.rtsmll {
                            p = absr * self.rtsmll;
                        }
                        if s >= p {
                            let value = s / absr;
                            sumsq = 1.0 + value * value;
                        }
                        scale = absr;
                    } else {
                        if s > self.rtsmll {
                            p = s * self.rtsmll;
                        }
                        if absr >= p {
                            let value = absr / s;
                            sumsq = 1.0 + value * value;
                        }
                        scale = s;
                    }
                    sumsq = sumsq.sqrt();
                    q = self.big;
                    if scale < self.big / sumsq {
                        q = scale * sumsq;
                    }
                }
            }
            if !minimum_found {
                // The minimum of the fitted cubic.
                if self.xw < 0.0 {
                    q = -q;
                }
                s = self.xw * (self.gmin - r - q);
                q = self.gw - self.gmin + q + q;
                if q > 0.0 {
                    s = -s;
                }
                if q <= 0.0 {
                    q = -q;
                }
                r = self.e;
                if self.b1 != self.step || self.braktd {
                    self.e = self.step;
                }
            }
        }

        // An artificial bound on the step.
        let mut a1 = self.a;
        self.b1 = self.b;
        self.step = xmidpt;
        if !self.braktd || (self.a == 0.0 && self.xw < 0.0) || (self.b == 0.0 && self.xw > 0.0) {
            if self.braktd {
                // The minimum is not bracketed by 0 and xw: the step lies in (a1, b1).
                let d1 = self.xw;
                let d2 = if self.a == 0.0 { self.b } else { self.a };
                self.u = -d1 / d2;
                self.step = 5.0 * d2 * (0.1 + 1.0 / self.u) / 11.0;
                if self.u < 1.0 {
                    self.step = 0.5 * d2 * self.u.sqrt();
                }
            } else {
                self.step = -self.factor * self.xw;
                if self.step > self.scxbnd {
                    self.step = self.scxbnd;
                }
                if self.step != self.scxbnd {
                    self.factor *= 5.0;
                }
            }
            if self.step <= 0.0 {
                a1 = self.step;
            }
            if self.step > 0.0 {
                self.b1 = self.step;
            }
        }

        // Reject the interpolated step outside the interval or longer than half the step of
        // the last-but-one iteration.
        if s.abs() <= (0.5 * q * r).abs() || s <= q * a1 || s >= q * self.b1 {
            self.e = self.b - self.a;
        } else {
            self.step = s / q;
            // Not too close to a or b.
            if self.step - self.a < twotol || self.b - self.step < twotol {
                self.step = if xmidpt <= 0.0 { -self.tol } else { self.tol };
            }
        }
        self.clip_step_and_set_u();
        Getptc::Eval
    }
}

impl Tnc<'_, '_, '_, '_> {
    /// `linearSearch`: searches along `p` from the scaled point `x` (value `f`, unscaled
    /// gradient `gfull`) up to the step `xbnd`, starting with `alpha`; on success `x`, `f`,
    /// `gfull` move to the new point. `alpha` ends at the best step found.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn linear_search(
        &mut self,
        pivot: &[i8],
        eta: f64,
        ftol: f64,
        xbnd: f64,
        p: &[f64],
        x: &mut [f64],
        f: &mut f64,
        alpha: &mut f64,
        gfull: &mut [f64],
    ) -> LsOutcome {
        let n = self.n;
        let maxlsit = 64;
        let mut temp = gfull.to_vec();
        self.scaleg(&mut temp);
        let gu = ddot(&temp, p);
        temp.copy_from_slice(x);
        project(&mut temp, pivot);
        let xnorm = dnrm2(&temp);
        let rteps = EPSMCH.sqrt();
        let pe = dnrm2(p) + EPSMCH;
        let reltol = rteps * (xnorm + 1.0) / pe;
        let abstol = -EPSMCH * (1.0 + f.abs()) / (gu - EPSMCH);
        let tnytol = EPSMCH * (xnorm + 1.0) / pe;
        let Some(mut ls) = LineSearch::init(reltol, abstol, tnytol, eta, 1e-4, xbnd, *alpha, *f, gu, ftol)
        else {
            *alpha = 0.0;
            return LsOutcome::Fail;
        };
        *alpha = ls.xmin;
        let mut itcnt = 0;
        let mut tempgfull = vec![0.0; n];
        let mut newgfull = gfull.to_vec();
        let mut itest = Getptc::Eval;
        while itest == Getptc::Eval {
            itcnt += 1;
            if itcnt > maxlsit || self.nfeval >= self.maxfun {
                break;
            }
            let ualpha = *alpha + ls.u;
            for i in 0..n {
                temp[i] = x[i] + ualpha * p[i];
            }
            unscalex(&mut temp, &self.xscale, &self.xoffset);
            coercex(&mut temp, &self.low, &self.up);
            let fu = self.eval.call(&temp, &mut tempgfull);
            self.nfeval += 1;
            ls.fu = fu * self.fscale;
            temp.copy_from_slice(&tempgfull);
            self.scaleg(&mut temp);
            ls.gu = ddot(&temp, p);
            itest = ls.iter();
            *alpha = ls.xmin;
            if *alpha == ualpha {
                newgfull.copy_from_slice(&tempgfull);
            }
        }
        match itest {
            Getptc::Ok => {
                *f = ls.fmin;
                for i in 0..n {
                    x[i] += *alpha * p[i];
                }
                gfull.copy_from_slice(&newgfull);
                LsOutcome::Ok
            }
            _ if itcnt > maxlsit => LsOutcome::Fail,
            Getptc::Fail => LsOutcome::Fail,
            Getptc::Eval => LsOutcome::MaxFun,
        }
    }
}

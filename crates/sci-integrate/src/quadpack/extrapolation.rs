//! QUADPACK's bookkeeping: the error-ordered list of subintervals (`dqpsrt`) and Wynn's
//! epsilon algorithm (`dqelg`). Arrays are 1-based, as in the Fortran, to keep the index
//! arithmetic recognizable; slot 0 is unused.

use super::rules::EPMACH;

/// `dqpsrt`: keeps `iord` so that `elist[iord[1]] >= elist[iord[2]] >= ...` over the part of
/// the list that can still be bisected, and returns the interval to bisect next (`maxerr`) and
/// its error (`ermax`). `nrmax` is QUADPACK's position of `maxerr` in `iord`.
pub(crate) fn qpsrt(
    limit: usize,
    last: usize,
    maxerr: &mut usize,
    ermax: &mut f64,
    elist: &[f64],
    iord: &mut [usize],
    nrmax: &mut usize,
) {
    if last <= 2 {
        iord[1] = 1;
        iord[2] = 2;
    } else {
        let errmax = elist[*maxerr];
        // The error of `maxerr` decreased by the bisection: move it down where it belongs.
        if *nrmax != 1 {
            let ido = *nrmax - 1;
            for _ in 0..ido {
                let isucc = iord[*nrmax - 1];
                if errmax <= elist[isucc] {
                    break;
                }
                iord[*nrmax] = isucc;
                *nrmax -= 1;
            }
        }
        let jupbn = if last > limit / 2 + 2 { limit + 3 - last } else { last };
        let errmin = elist[last];
        let jbnd = jupbn - 1;
        let ibeg = *nrmax + 1;
        let mut inserted = false;
        if ibeg <= jbnd {
            for i in ibeg..=jbnd {
                let isucc = iord[i];
                if errmax >= elist[isucc] {
                    // Insert errmax, then errmin by walking the list bottom-up.
                    iord[i - 1] = *maxerr;
                    let mut k = jbnd;
                    let mut placed = false;
                    for _ in i..=jbnd {
                        let isucc = iord[k];
                        if errmin < elist[isucc] {
                            iord[k + 1] = last;
                            placed = true;
                            break;
                        }
                        iord[k + 1] = isucc;
                        k -= 1;
                    }
                    if !placed {
                        iord[i] = last;
                    }
                    inserted = true;
                    break;
                }
                iord[i - 1] = isucc;
            }
        }
        if !inserted {
            iord[jbnd] = *maxerr;
            iord[jupbn] = last;
        }
    }
    *maxerr = iord[*nrmax];
    *ermax = elist[*maxerr];
}

/// State of the epsilon table across calls (`epstab`, `res3la`, `nres` of `dqelg`).
pub(crate) struct Epsilon {
    /// The table; entries 1..=n hold the current row (52 + 2 slots as in QUADPACK).
    pub epstab: [f64; 53 + 2],
    res3la: [f64; 4],
    nres: usize,
}

impl Epsilon {
    pub(crate) fn new() -> Self {
        Self { epstab: [0.0; 55], res3la: [0.0; 4], nres: 0 }
    }

    /// `dqelg`: extrapolates the sequence in `epstab[1..=n]`; `n` may be shortened. Returns
    /// the extrapolated value and its error estimate.
    pub(crate) fn extrapolate(&mut self, n: &mut usize) -> (f64, f64) {
        let oflow = f64::MAX;
        let e = &mut self.epstab;
        self.nres += 1;
        let mut abserr = oflow;
        let mut result = e[*n];
        if *n < 3 {
            return (result, abserr.max(5.0 * EPMACH * result.abs()));
        }
        let limexp = 50;
        e[*n + 2] = e[*n];
        let newelm = (*n - 1) / 2;
        e[*n] = oflow;
        let num = *n;
        let mut k1 = *n;
        let mut converged = false;
        for i in 1..=newelm {
            let k2 = k1 - 1;
            let k3 = k1 - 2;
            let res = e[k1 + 2];
            let e0 = e[k3];
            let e1 = e[k2];
            let e2 = res;
            let e1abs = e1.abs();
            let delta2 = e2 - e1;
            let err2 = delta2.abs();
            let tol2 = e2.abs().max(e1abs) * EPMACH;
            let delta3 = e1 - e0;
            let err3 = delta3.abs();
            let tol3 = e1abs.max(e0.abs()) * EPMACH;
            if err2 <= tol2 && err3 <= tol3 {
                // e0, e1 and e2 agree to machine accuracy: convergence is assumed.
                result = res;
                abserr = err2 + err3;
                converged = true;
                break;
            }
            let e3 = e[k1];
            e[k1] = e1;
            let delta1 = e1 - e3;
            let err1 = delta1.abs();
            let tol1 = e1abs.max(e3.abs()) * EPMACH;
            // Two elements very close to each other, or an irregular table: drop a part of it.
            let mut omit = err1 <= tol1 || err2 <= tol2 || err3 <= tol3;
            let mut ss = 0.0;
            if !omit {
                ss = 1.0 / delta1 + 1.0 / delta2 - 1.0 / delta3;
                omit = (ss * e1).abs() <= 1e-4;
            }
            if omit {
                *n = i + i - 1;
                break;
            }
            let res = e1 + 1.0 / ss;
            e[k1] = res;
            k1 -= 2;
            let error = err2 + (res - e2).abs() + err3;
            if error <= abserr {
                abserr = error;
                result = res;
            }
        }
        if !converged {
            // Shift the table.
            if *n == limexp {
                *n = 2 * (limexp / 2) - 1;
            }
            let mut ib = if num % 2 == 0 { 2 } else { 1 };
            for _ in 1..=newelm + 1 {
                let ib2 = ib + 2;
                e[ib] = e[ib2];
                ib = ib2;
            }
            if num != *n {
                let offset = num - *n;
                for i in 1..=*n {
                    e[i] = e[i + offset];
                }
            }
            if self.nres < 4 {
                self.res3la[self.nres] = result;
                abserr = oflow;
            } else {
                let r = &mut self.res3la;
                abserr = (result - r[3]).abs() + (result - r[2]).abs() + (result - r[1]).abs();
                r[1] = r[2];
                r[2] = r[3];
                r[3] = result;
            }
        }
        (result, abserr.max(5.0 * EPMACH * result.abs()))
    }
}

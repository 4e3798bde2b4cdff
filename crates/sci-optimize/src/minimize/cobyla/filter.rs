//! The filter of points COBYLA may return (PRIMA's `savefilt` and `selectx`): the evaluated
//! points no other point beats in both objective and constraint violation.

use super::{CONSTRMAX, EPS, FUNCMAX, REALMAX, not_above};
use ndarray::Array1;

/// `(f1, c1)` is better than `(f2, c2)` (PRIMA's `isbetter`).
fn is_better(f1: f64, c1: f64, f2: f64, c2: f64, ctol: f64) -> bool {
    let bad = |f: f64, c: f64| f.is_nan() || c.is_nan() || f == f64::INFINITY || c == f64::INFINITY;
    let cref = 10.0 * EPS.max(ctol.min(1e-2 * CONSTRMAX));
    (bad(f1, c1) && !bad(f2, c2))
        || (f1 < f2 && c1 <= c2)
        || (f1 <= f2 && c1 < c2)
        || (f1 < REALMAX && c1 <= ctol && (c2 > ctol.max(cref) || c2.is_nan()))
}

/// One point of the filter.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub x: Array1<f64>,
    pub f: f64,
    pub cstrv: f64,
}

/// The filter, at most `maxfilt` points.
#[derive(Debug)]
pub(super) struct Filter {
    pub entries: Vec<Entry>,
    pub maxfilt: usize,
    pub ctol: f64,
    pub cweight: f64,
}

impl Filter {
    /// Adds a point unless a kept point is at least as good; drops the points it beats (and,
    /// when full, the worst one).
    pub fn save(&mut self, x: &Array1<f64>, f: f64, cstrv: f64) {
        let ctol = self.ctol;
        if self
            .entries
            .iter()
            .any(|e| is_better(e.f, e.cstrv, f, cstrv, ctol) || (e.f <= f && e.cstrv <= cstrv))
        {
            return;
        }
        let mut keep: Vec<bool> =
            self.entries.iter().map(|e| !is_better(f, cstrv, e.f, e.cstrv, ctol)).collect();
        if keep.iter().filter(|&&k| k).count() == self.maxfilt {
            let shifted: Vec<f64> = self.entries.iter().map(|e| (e.cstrv - ctol).max(0.0)).collect();
            let phi: Vec<f64> = self
                .entries
                .iter()
                .zip(&shifted)
                .map(|(e, s)| {
                    let f = if e.f.is_nan() { -REALMAX } else { e.f.clamp(-REALMAX, REALMAX) };
                    if self.cweight <= 0.0 {
                        e.f
                    } else if self.cweight == f64::INFINITY {
                        *s
                    } else {
                        f + self.cweight * s
                    }
                })
                .collect();
            let phimax = phi.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let cref = (0..phi.len())
                .filter(|&i| phi[i] >= phimax)
                .map(|i| shifted[i])
                .fold(f64::NEG_INFINITY, f64::max);
            let fref = (0..phi.len())
                .filter(|&i| shifted[i] >= cref)
                .map(|i| self.entries[i].f)
                .fold(f64::NEG_INFINITY, f64::max);
            let mut kworst = 0;
            let mut best = f64::NEG_INFINITY;
            let mut found = false;
            for (i, e) in self.entries.iter().enumerate() {
                if not_above(e.f, fref) && (!found || e.cstrv > best) {
                    best = e.cstrv;
                    kworst = i;
                    found = true;
                }
            }
            keep[kworst] = false;
        }
        let mut i = 0;
        self.entries.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        self.entries.push(Entry { x: x.clone(), f, cstrv });
    }

    /// The index of the point to return (PRIMA's `selectx`), weighing the violation by
    /// `cweight`.
    pub fn select(&self, cweight: f64) -> usize {
        let ctol = self.ctol;
        let fh: Vec<f64> = self.entries.iter().map(|e| e.f).collect();
        let ch: Vec<f64> = self.entries.iter().map(|e| e.cstrv).collect();
        let any = |fr: f64, cr: f64| fh.iter().zip(&ch).any(|(f, c)| *f < fr && *c < cr);
        let (fref, cref) = if any(FUNCMAX, CONSTRMAX) {
            (FUNCMAX, CONSTRMAX)
        } else if any(REALMAX, CONSTRMAX) {
            (REALMAX, CONSTRMAX)
        } else if any(FUNCMAX, REALMAX) {
            (FUNCMAX, REALMAX)
        } else {
            (REALMAX, REALMAX)
        };
        if !any(fref, cref) {
            return fh.len() - 1;
        }
        let sh: Vec<f64> = ch.iter().map(|c| (c - ctol).max(0.0)).collect();
        let k = fh.len();
        let cmin = (0..k).filter(|&i| fh[i] < fref).map(|i| sh[i]).fold(f64::INFINITY, f64::min);
        let cref = EPS.max(2.0 * cmin);
        let phi: Vec<f64> = (0..k)
            .map(|i| {
                if cweight <= 0.0 {
                    fh[i]
                } else if cweight == f64::INFINITY {
                    sh[i]
                } else {
                    fh[i].max(-REALMAX) + cweight * sh[i]
                }
            })
            .collect();
        let phimin =
            (0..k).filter(|&i| fh[i] < fref && sh[i] <= cref).map(|i| phi[i]).fold(f64::INFINITY, f64::min);
        let cref =
            (0..k).filter(|&i| fh[i] < fref && phi[i] <= phimin).map(|i| sh[i]).fold(f64::INFINITY, f64::min);
        let fref = (0..k).filter(|&i| sh[i] <= cref).map(|i| fh[i]).fold(f64::INFINITY, f64::min);
        let mut kopt = 0;
        let mut found = false;
        for i in 0..k {
            if not_above(fh[i], fref) && (!found || ch[i] < ch[kopt]) {
                kopt = i;
                found = true;
            }
        }
        kopt
    }
}

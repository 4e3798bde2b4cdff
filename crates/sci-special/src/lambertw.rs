//! The real branches of the Lambert W function.

use std::f64::consts::E;

/// 1/e as a double plus the rest, for an accurate x + 1/e near the branch point.
const INV_E_HI: f64 = 0.367_879_441_171_442_33;
const INV_E_LO: f64 = -1.242_875_367_278_836_3e-17;

/// W(x) about the branch point -1/e in p = ±√(2(ex + 1)) (Corless et al. 1996, (4.22)).
fn branch_series(p: f64) -> f64 {
    const C: [f64; 10] = [
        -1.0,
        1.0,
        -1.0 / 3.0,
        11.0 / 72.0,
        -43.0 / 540.0,
        769.0 / 17280.0,
        -221.0 / 8505.0,
        680863.0 / 43545600.0,
        -1963.0 / 204120.0,
        226287557.0 / 37623398400.0,
    ];
    C.iter().rev().fold(0.0, |acc, &c| acc * p + c)
}

/// Halley's iteration on w e^w = x (for |w| moderate) or Newton's on w + ln|w| = ln|x|.
fn refine(mut w: f64, x: f64) -> f64 {
    for _ in 0..60 {
        let dw = if w.abs() < 30.0 {
            let ew = w.exp();
            let f = w * ew - x;
            let wp1 = w + 1.0;
            f / (ew * wp1 - (w + 2.0) * f / (2.0 * wp1))
        } else {
            let g = w + w.abs().ln() - x.abs().ln();
            g / (1.0 + 1.0 / w)
        };
        if !dw.is_finite() {
            break;
        }
        w -= dw;
        if dw.abs() <= 4.0 * f64::EPSILON * w.abs() {
            break;
        }
    }
    w
}

/// The Lambert W function on its real branches: the w with w·e^w = x.
///
/// Branch `k = 0` (the principal branch) is real for x ≥ -1/e, branch `k = -1` for
/// -1/e ≤ x < 0; both meet at W(-1/e) = -1. Elsewhere (other k, or x outside those ranges)
/// SciPy returns a complex value and this function NaN. `W₀(inf) = inf`, `W₋₁(0) = -inf`.
/// Near -1/e the series in p = √(2(ex + 1)) is used, with x + 1/e formed from a two-part 1/e:
/// the double nearest -1/e lies just below it, so W is NaN there (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::lambertw;
/// assert!((lambertw(1.0, 0) - 0.5671432904097838).abs() < 1e-16);
/// assert!((lambertw(-0.2, -1) + 2.5426413577735265).abs() < 1e-15);
/// assert!(lambertw(-0.36787944117144233, 0).is_nan());
/// assert!((lambertw(-0.36787944117144133, 0) + 0.99999992675624013).abs() < 1e-12);
/// assert!(lambertw(-1.0, 0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.lambertw(x, k).real` where the result is real (k = 0 and
/// k = -1 only; the complex branches are missing).
pub fn lambertw(x: f64, k: i32) -> f64 {
    if x.is_nan() || !(k == 0 || k == -1) {
        return f64::NAN;
    }
    let d = (x + INV_E_HI) + INV_E_LO;
    if d < 0.0 {
        return f64::NAN;
    }
    let p = (2.0 * E * d).sqrt();
    match k {
        0 => {
            if x == f64::INFINITY {
                return x;
            }
            if x == 0.0 {
                return x;
            }
            if p < 1e-3 {
                return branch_series(p);
            }
            let w0 = if p < 0.5 {
                branch_series(p)
            } else if x < 3.0 {
                x.ln_1p() * (1.0 - 0.5 * x.ln_1p() / (1.0 + x.ln_1p()))
            } else {
                let l = x.ln();
                l - l.ln()
            };
            refine(w0, x)
        }
        _ => {
            if x >= 0.0 {
                return if x == 0.0 { f64::NEG_INFINITY } else { f64::NAN };
            }
            if p < 1e-3 {
                return branch_series(-p);
            }
            let w0 = if p < 0.5 {
                branch_series(-p)
            } else {
                let l = (-x).ln();
                l - (-l).ln()
            };
            refine(w0, x)
        }
    }
}

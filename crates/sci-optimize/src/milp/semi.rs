//! Semi-continuous and semi-integer variables of `milp` (integrality 2 and 3): HiGHS's checks
//! of their bounds and the relaxation the branch and bound starts from.

use crate::error::{Result, invalid};

/// The largest upper bound HiGHS keeps for a semi-variable (`kMaxSemiVariableUpper`): a larger
/// one is lowered to it.
pub(super) const MAX_SEMI_UPPER: f64 = 1e5;
/// A larger upper bound is lowered only if the lower bound is at most `MAX_SEMI_UPPER` over this
/// factor (HiGHS's `kLowerBoundMu`); otherwise the variable is rejected.
const LOWER_BOUND_MU: f64 = 10.0;

/// What the semi-variables became after [`assess`].
pub(super) struct Semi {
    /// Per variable, the lower bound of its nonzero part (`x = 0` or `x >= on_lo`); 0 for a
    /// variable that is not semi.
    pub(super) on_lo: Vec<f64>,
    /// The semi-variables whose upper bound was lowered to [`MAX_SEMI_UPPER`].
    pub(super) capped: Vec<usize>,
}

/// Apply HiGHS's rules to the variables of integrality 2 and 3 (`kinds`), in `lb`, `ub` and
/// `integ` (where semi-integers are marked integer): inconsistent bounds (`lb > ub`) fix the
/// variable at 0; a zero lower bound makes it an ordinary continuous or integer variable; a
/// negative lower bound is rejected; an upper bound above 1e5 is lowered to 1e5 unless the lower
/// bound exceeds 1e4, which is rejected. The remaining semi-variables get the relaxed bounds
/// `0 <= x <= ub` (rounded inwards for semi-integers: no integer in `[lb, ub]` fixes them at 0).
pub(super) fn assess(
    kinds: &[u8],
    tol: f64,
    lb: &mut [f64],
    ub: &mut [f64],
    integ: &mut [bool],
) -> Result<Semi> {
    let n = lb.len();
    let mut semi = Semi { on_lo: vec![0.0; n], capped: Vec::new() };
    let mut negative = None;
    let mut too_large = None;
    for j in 0..n {
        if kinds[j] < 2 {
            continue;
        }
        integ[j] = kinds[j] == 3;
        if lb[j] > ub[j] {
            (lb[j], ub[j], integ[j]) = (0.0, 0.0, false);
        } else if lb[j] < 0.0 {
            negative.get_or_insert((j, lb[j]));
        } else if lb[j] > 0.0 {
            if ub[j] > MAX_SEMI_UPPER {
                if LOWER_BOUND_MU * lb[j] > MAX_SEMI_UPPER {
                    too_large.get_or_insert((j, lb[j]));
                    continue;
                }
                ub[j] = MAX_SEMI_UPPER;
                semi.capped.push(j);
            }
            let (mut on, mut u) = (lb[j], ub[j]);
            if integ[j] {
                (on, u) = ((on - tol).ceil(), (u + tol).floor());
            }
            if on > u {
                (lb[j], ub[j]) = (0.0, 0.0);
            } else {
                semi.on_lo[j] = on;
                (lb[j], ub[j]) = (0.0, u);
            }
        }
    }
    if let Some((j, l)) = negative {
        return Err(invalid(
            "bounds",
            format!(
                "semi-continuous/integer variables must have a non-negative lower bound (variable {j}: {l})"
            ),
        ));
    }
    if let Some((j, l)) = too_large {
        return Err(invalid(
            "bounds",
            format!(
                "semi-continuous/integer variable {j} has an upper bound above {MAX_SEMI_UPPER:e} that cannot be \
                 lowered to it: its lower bound {l} exceeds {:e}",
                MAX_SEMI_UPPER / LOWER_BOUND_MU
            ),
        ));
    }
    Ok(semi)
}

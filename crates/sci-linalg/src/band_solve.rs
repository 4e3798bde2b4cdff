//! `solve(..., assume_a='banded')`: the band of a dense `a` packed into LAPACK's band storage
//! and solved by the band LU of [`solve_banded`](crate::solve_banded) (SciPy: `gbsv`).

use ndarray::{Array2, ArrayView2};

use crate::error::Result;
use crate::scalar::LinalgFloat;

/// Solves `a x = b` (or `aᵀ x = b`) in place in `x` from the band of `a`: its lower and upper
/// bandwidths are measured first (as SciPy's `bandwidth`), so the work is `O(n l (l + u))`.
pub(crate) fn banded_in_place<T: LinalgFloat>(
    a: ArrayView2<'_, T>,
    x: &mut Array2<T>,
    transposed: bool,
) -> Result<()> {
    let at = if transposed { a.t() } else { a };
    let n = at.nrows();
    if n == 0 {
        return Ok(());
    }
    let (l, u) = crate::bandwidth(&at);
    let mut ab = Array2::zeros((l + u + 1, n));
    for j in 0..n {
        for i in j.saturating_sub(u)..(j + l + 1).min(n) {
            ab[[u + i - j, j]] = at[[i, j]];
        }
    }
    *x = crate::solve_banded((l, u), &ab, &x.view())?;
    Ok(())
}

//! `eigs(..., return_eigenvectors=False)`: the eigenvalues of [`eigs`] in SciPy's order.

use sci_array::ndarray::Array1;
use sci_array::num_complex::Complex64;

use super::eigs::{EigsOptions, WhichEigs, eigs};
use super::operator::LinearOperator;
use crate::error::{Result, invalid};

/// The `k` eigenvalues of [`eigs`] without the eigenvectors (SciPy's
/// `return_eigenvectors=False`), in SciPy's order, which is ARPACK's: from the least to the
/// most wanted by `which` (the key is taken on `1 / (lambda - sigma)` with a shift, on
/// `lambda` otherwise: `LM` ascending magnitude, `SM` descending, `LR`/`SR` ascending /
/// descending real part, `LI`/`SI` ascending / descending `|imag|`), except when `k`
/// splits a conjugate pair: ARPACK then returns `k + 1` values and SciPy keeps the `k`
/// most wanted, most wanted first. Members of a conjugate pair (equal keys) stay together;
/// their order within the pair, and the order among other ties, may differ from ARPACK's.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigs(A, k, ..., return_eigenvectors=False)`.
///
/// # Errors
///
/// Those of [`eigs`]; [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for a
/// complex shift (`sigma_imag != 0`: SciPy returns zeros there, its Rayleigh quotients
/// needing the eigenvectors it did not compute).
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigs_values, EigsOptions, WhichEigs};
/// let a = diags(&[vec![1.0, -5.0, 2.0, 3.0, 0.5, 4.0, -1.5]], &[0], None)?;
/// let w = eigs_values(&a, 3, &EigsOptions::default())?;
/// assert_eq!(w.mapv(|z| (z.re * 1e10).round() / 1e10).to_vec(), vec![3.0, 4.0, -5.0]);
/// let o = EigsOptions { which: WhichEigs::SR, ..Default::default() };
/// let w = eigs_values(&a, 2, &o)?;
/// assert_eq!(w.mapv(|z| (z.re * 1e10).round() / 1e10).to_vec(), vec![-1.5, -5.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigs_values<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<Array1<Complex64>> {
    if opts.sigma.is_some() && opts.sigma_imag != 0.0 {
        return Err(invalid(
            "sigma_imag",
            "return_eigenvectors=False with a complex shift is not supported (SciPy returns zeros)",
        ));
    }
    let (w, _) = eigs(a, k, opts)?;
    let which = opts.which;
    let key = |z: Complex64| {
        let z = opts.sigma.map_or(z, |s| Complex64::new(1.0, 0.0) / (z - s));
        match which {
            WhichEigs::LR | WhichEigs::SR => z.re,
            WhichEigs::LI | WhichEigs::SI => z.im.abs(),
            WhichEigs::LM | WhichEigs::SM => z.norm(),
        }
    };
    let split =
        w.iter().any(|&z| z.im != 0.0 && !w.iter().any(|&y| (y - z.conj()).norm() <= 1e-10 * z.norm()));
    let keys: Vec<f64> = w.iter().map(|&z| key(z)).collect();
    let mut ind: Vec<usize> = (0..w.len()).collect();
    // ascending key (stable: pairs stay together) is least wanted first for L*
    ind.sort_by(|&p, &q| keys[p].total_cmp(&keys[q]));
    let large = matches!(which, WhichEigs::LM | WhichEigs::LR | WhichEigs::LI);
    if large == split {
        reverse_keeping_pairs(&mut ind, &keys);
    }
    Ok(ind.iter().map(|&i| w[i]).collect())
}

/// Reverses `ind`, keeping the order within each run of equal keys (a conjugate pair).
fn reverse_keeping_pairs(ind: &mut Vec<usize>, keys: &[f64]) {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in ind.iter() {
        match runs.last_mut() {
            Some(r) if keys[r[0]] == keys[i] => r.push(i),
            _ => runs.push(vec![i]),
        }
    }
    *ind = runs.into_iter().rev().flatten().collect();
}

//! 1-d `convolve` and `correlate` (modes full / same / valid).

use crate::{ArrayError, Result};
use ndarray::{Array1, ArrayBase, Data, Ix1, LinalgScalar};
use std::borrow::Cow;

/// Output size of [`convolve`] and [`correlate`] (NumPy's `mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvolveMode {
    /// Every overlap: length `n + m - 1`.
    Full,
    /// Length `max(n, m)`, centred on the full result.
    Same,
    /// Only complete overlaps: length `max(n, m) - min(n, m) + 1`.
    Valid,
}

/// Output block length for the parallel valid-region kernel.
const BLOCK: usize = 1 << 12;

/// `out[i] = sum_j a[start + i + j] * v[j]` for the outputs whose window lies inside `a`.
fn valid_block<A: LinalgScalar>(a: &[A], v: &[A], start: usize, out: &mut [A]) {
    for o in out.iter_mut() {
        *o = A::zero();
    }
    let len = out.len();
    for (j, &vj) in v.iter().enumerate() {
        let src = &a[start + j..start + j + len];
        for (o, &x) in out.iter_mut().zip(src) {
            *o = *o + x * vj;
        }
    }
}

/// The slice `[lo, hi)` of the full correlation of `a` with `v` (`a.len() >= v.len()`):
/// `full[k] = sum_j a[k - (m - 1) + j] * v[j]` over the indices inside `a`.
fn correlate_range<A: LinalgScalar + Send + Sync>(a: &[A], v: &[A], lo: usize, hi: usize) -> Vec<A> {
    let (n, m) = (a.len(), v.len());
    let mut out = vec![A::zero(); hi - lo];
    // Full index k has its window inside `a` for m - 1 <= k <= n - 1.
    let v_lo = (m - 1).clamp(lo, hi);
    let v_hi = n.clamp(v_lo, hi);
    let edge = |k: usize| {
        let mut s = A::zero();
        for j in 0..m {
            let i = k as isize - (m as isize - 1) + j as isize;
            if i >= 0 && (i as usize) < n {
                s = s + a[i as usize] * v[j];
            }
        }
        s
    };
    for k in lo..v_lo {
        out[k - lo] = edge(k);
    }
    for k in v_hi..hi {
        out[k - lo] = edge(k);
    }
    let mid = &mut out[v_lo - lo..v_hi - lo];
    let first = v_lo + 1 - m; // start of the first valid window in `a`
    #[cfg(feature = "rayon")]
    if mid.len() * m >= 1 << 17 {
        use rayon::prelude::*;
        mid.par_chunks_mut(BLOCK)
            .enumerate()
            .for_each(|(b, chunk)| valid_block(a, v, first + b * BLOCK, chunk));
        return out;
    }
    for (b, chunk) in mid.chunks_mut(BLOCK).enumerate() {
        valid_block(a, v, first + b * BLOCK, chunk);
    }
    out
}

fn core<A: LinalgScalar + Send + Sync>(a: &[A], v: &[A], mode: ConvolveMode) -> Vec<A> {
    let (n, m) = (a.len(), v.len());
    let (lo, len) = match mode {
        ConvolveMode::Full => (0, n + m - 1),
        ConvolveMode::Same => (m - 1 - m / 2, n),
        ConvolveMode::Valid => (m - 1, n - m + 1),
    };
    correlate_range(a, v, lo, lo + len)
}

/// The data of a 1-d array as a slice, borrowed when contiguous.
fn as_slice<A: Copy, S: Data<Elem = A>>(a: &ArrayBase<S, Ix1>) -> Cow<'_, [A]> {
    match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.to_vec()),
    }
}

fn slices<'a, A: Copy, S: Data<Elem = A>>(
    a: &'a ArrayBase<S, Ix1>,
    v: &'a ArrayBase<S, Ix1>,
) -> Result<(Cow<'a, [A]>, Cow<'a, [A]>)> {
    if a.is_empty() {
        return Err(ArrayError::InvalidValue { arg: "a", reason: "a cannot be empty".into() });
    }
    if v.is_empty() {
        return Err(ArrayError::InvalidValue { arg: "v", reason: "v cannot be empty".into() });
    }
    Ok((as_slice(a), as_slice(v)))
}

/// Discrete linear convolution of two 1-d sequences, `(a * v)[k] = sum_j a[j] v[k - j]`.
///
/// The long middle part is computed block-wise with a vectorisable loop over the kernel taps
/// (in parallel for large input): a 3-point stencil over 10⁷ samples is a single pass over
/// memory. Complex input works too (no conjugation is involved in a convolution).
///
/// NumPy equivalent: `numpy.convolve` (NumPy's default mode is [`ConvolveMode::Full`]).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when either input is empty.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{convolve, ConvolveMode};
/// let a = array![1.0, 2.0, 3.0];
/// let v = array![0.0, 1.0, 0.5];
/// assert_eq!(convolve(&a, &v, ConvolveMode::Full).unwrap(), array![0.0, 1.0, 2.5, 4.0, 1.5]);
/// assert_eq!(convolve(&a, &v, ConvolveMode::Same).unwrap(), array![1.0, 2.5, 4.0]);
/// assert_eq!(convolve(&a, &v, ConvolveMode::Valid).unwrap(), array![2.5]);
/// // The second difference, a 3-point stencil:
/// let x = array![1.0, 4.0, 9.0, 16.0, 25.0];
/// assert_eq!(convolve(&x, &array![1.0, -2.0, 1.0], ConvolveMode::Valid).unwrap(), array![2.0, 2.0, 2.0]);
/// ```
pub fn convolve<A, S>(a: &ArrayBase<S, Ix1>, v: &ArrayBase<S, Ix1>, mode: ConvolveMode) -> Result<Array1<A>>
where
    A: LinalgScalar + Send + Sync,
    S: Data<Elem = A>,
{
    let (mut x, mut k) = slices(a, v)?;
    if k.len() > x.len() {
        std::mem::swap(&mut x, &mut k);
    }
    k.to_mut().reverse();
    Ok(Array1::from(core(&x, &k, mode)))
}

/// Cross-correlation of two 1-d sequences, `c[k] = sum_n a[n + k] v[n]`, with NumPy's
/// output alignment for every mode (including the reversed result when `v` is longer than `a`).
///
/// For real input; NumPy conjugates `v` for complex input, which this function does not do
/// (pass `v.mapv(|z| z.conj())` for complex data).
///
/// NumPy equivalent: `numpy.correlate` (NumPy's default mode is [`ConvolveMode::Valid`]).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when either input is empty.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{correlate, ConvolveMode};
/// let a = array![1.0, 2.0, 3.0];
/// let v = array![0.0, 1.0, 0.5];
/// assert_eq!(correlate(&a, &v, ConvolveMode::Valid).unwrap(), array![3.5]);
/// assert_eq!(correlate(&a, &v, ConvolveMode::Same).unwrap(), array![2.0, 3.5, 3.0]);
/// assert_eq!(correlate(&a, &v, ConvolveMode::Full).unwrap(), array![0.5, 2.0, 3.5, 3.0, 0.0]);
/// ```
pub fn correlate<A, S>(a: &ArrayBase<S, Ix1>, v: &ArrayBase<S, Ix1>, mode: ConvolveMode) -> Result<Array1<A>>
where
    A: LinalgScalar + Send + Sync,
    S: Data<Elem = A>,
{
    let (x, k) = slices(a, v)?;
    if x.len() >= k.len() {
        Ok(Array1::from(core(&x, &k, mode)))
    } else {
        let mut r = core(&k, &x, mode);
        r.reverse();
        Ok(Array1::from(r))
    }
}

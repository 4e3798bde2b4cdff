//! 1-d `convolve` and `correlate` (modes full / same / valid).

use super::buffer;
use crate::{ArrayError, Result};
use ndarray::{Array1, ArrayBase, Data, Ix1, LinalgScalar};
use std::borrow::Cow;
use std::mem::MaybeUninit;

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

/// Output block length of the long-kernel loop (a block of sums stays in L1).
const BLOCK: usize = 1 << 12;

/// Above this many multiply-adds the output is computed in parallel chunks.
#[cfg(feature = "rayon")]
const PAR_MIN_WORK: usize = 1 << 17;

/// `out[i] = sum_j a[start + i + j] * v[j]` for a kernel of exactly `M` taps held in
/// registers: one vectorisable pass over `a`. Sums run over `j` ascending from zero, as in
/// [`valid_long`].
fn valid_fixed<A: LinalgScalar, const M: usize>(a: &[A], v: &[A], start: usize, out: &mut [MaybeUninit<A>]) {
    let k: [A; M] = std::array::from_fn(|j| v[j]);
    let src = &a[start..start + out.len() + M - 1];
    for (i, o) in out.iter_mut().enumerate() {
        let w = &src[i..i + M];
        let mut s = A::zero();
        for j in 0..M {
            s = s + w[j] * k[j];
        }
        o.write(s);
    }
}

/// As [`valid_fixed`] for any kernel length: block by block, tap by tap.
fn valid_long<A: LinalgScalar>(a: &[A], v: &[A], start: usize, out: &mut [MaybeUninit<A>]) {
    let mut acc = vec![A::zero(); BLOCK.min(out.len())];
    for (b, chunk) in out.chunks_mut(BLOCK).enumerate() {
        let acc = &mut acc[..chunk.len()];
        acc.fill(A::zero());
        let s0 = start + b * BLOCK;
        for (j, &vj) in v.iter().enumerate() {
            for (o, &x) in acc.iter_mut().zip(&a[s0 + j..s0 + j + chunk.len()]) {
                *o = *o + x * vj;
            }
        }
        for (o, &x) in chunk.iter_mut().zip(acc.iter()) {
            o.write(x);
        }
    }
}

/// The valid-region kernel for `v.len()` taps.
fn valid_into<A: LinalgScalar>(a: &[A], v: &[A], start: usize, out: &mut [MaybeUninit<A>]) {
    match v.len() {
        1 => valid_fixed::<A, 1>(a, v, start, out),
        2 => valid_fixed::<A, 2>(a, v, start, out),
        3 => valid_fixed::<A, 3>(a, v, start, out),
        4 => valid_fixed::<A, 4>(a, v, start, out),
        5 => valid_fixed::<A, 5>(a, v, start, out),
        6 => valid_fixed::<A, 6>(a, v, start, out),
        7 => valid_fixed::<A, 7>(a, v, start, out),
        8 => valid_fixed::<A, 8>(a, v, start, out),
        _ => valid_long(a, v, start, out),
    }
}

/// The slice `[lo, hi)` of the full correlation of `a` with `v` (`a.len() >= v.len()`):
/// `full[k] = sum_j a[k - (m - 1) + j] * v[j]` over the indices inside `a`.
fn correlate_range<A: LinalgScalar + Send + Sync>(a: &[A], v: &[A], lo: usize, hi: usize) -> Vec<A> {
    let (n, m) = (a.len(), v.len());
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
    // Output indices `[k0, k0 + out.len())`: edges one by one, the valid middle by the kernel.
    let fill = |start: usize, out: &mut [MaybeUninit<A>]| {
        let k0 = lo + start;
        let k1 = k0 + out.len();
        let (m0, m1) = (v_lo.clamp(k0, k1), v_hi.clamp(k0, k1));
        for (k, o) in (k0..m0).zip(out.iter_mut()) {
            o.write(edge(k));
        }
        for (k, o) in (m1..k1).zip(out[m1 - k0..].iter_mut()) {
            o.write(edge(k));
        }
        if m1 > m0 {
            valid_into(a, v, m0 + 1 - m, &mut out[m0 - k0..m1 - k0]);
        }
    };
    #[cfg(feature = "rayon")]
    let par_min = PAR_MIN_WORK.div_ceil(m);
    #[cfg(not(feature = "rayon"))]
    let par_min = usize::MAX;
    #[allow(unsafe_code)]
    // SAFETY: `fill` writes every element of its chunk: the edges below `v_lo` and from
    // `v_hi` on one by one, and `[m0, m1)` through `valid_into`, whose kernels write each
    // element of the slice they get.
    unsafe {
        buffer::build(hi - lo, par_min, fill)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The full correlation by definition.
    fn naive_full(a: &[f64], v: &[f64]) -> Vec<f64> {
        let (n, m) = (a.len(), v.len());
        (0..n + m - 1)
            .map(|k| {
                let mut s = 0.0;
                for j in 0..m {
                    let i = k as isize - (m as isize - 1) + j as isize;
                    if i >= 0 && (i as usize) < n {
                        s += a[i as usize] * v[j];
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn every_kernel_length_and_mode_matches_the_definition() {
        // Lengths around the parallel threshold and the chunk size, kernels of the fixed
        // (1..=8) and the blocked (9+) paths; the summation order is the same, so the results
        // are bit-identical.
        for n in [1usize, 2, 7, 100, 4097, 70_001, 200_003] {
            for m in [1usize, 2, 3, 5, 8, 9, 17] {
                if m > n {
                    continue;
                }
                let a: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1013) as f64 / 1013.0 - 0.4).collect();
                let v: Vec<f64> = (0..m).map(|j| 1.0 / (j as f64 + 1.5)).collect();
                let full = naive_full(&a, &v);
                for (mode, lo) in [
                    (ConvolveMode::Full, 0),
                    (ConvolveMode::Same, m - 1 - m / 2),
                    (ConvolveMode::Valid, m - 1),
                ] {
                    let got = core(&a, &v, mode);
                    assert_eq!(got[..], full[lo..lo + got.len()], "n={n} m={m} {mode:?}");
                }
            }
        }
    }
}

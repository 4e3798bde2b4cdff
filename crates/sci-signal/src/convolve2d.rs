//! 2-d convolution with boundary conditions: `convolve2d`, `correlate2d`.

use crate::convolve::{ConvMode, conv1d_acc};
use crate::error::{Result, invalid};
use crate::real::{Real, cst};
use ndarray::{Array2, ArrayBase, ArrayView2, Axis, Data, Ix2};

/// How [`convolve2d`] extends `in1` beyond its edges, SciPy's `boundary` and `fillvalue`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::Boundary::default(), sci_signal::Boundary::Fill(0.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Boundary {
    /// `'fill'` with `fillvalue` (default `0`).
    Fill(f64),
    /// `'wrap'`: circular (periodic) extension.
    Wrap,
    /// `'symm'`: symmetric reflection, the edge sample repeated.
    Symm,
}

impl Default for Boundary {
    fn default() -> Self {
        Boundary::Fill(0.0)
    }
}

/// Maps an index of the extended signal into `0..n` (`None`: the fill value).
fn ext_index(i: isize, n: usize, b: Boundary) -> Option<usize> {
    let n = n as isize;
    if (0..n).contains(&i) {
        return Some(i as usize);
    }
    match b {
        Boundary::Fill(_) => None,
        Boundary::Wrap => Some(i.rem_euclid(n) as usize),
        Boundary::Symm => {
            let m = i.rem_euclid(2 * n);
            Some(if m < n { m } else { 2 * n - 1 - m } as usize)
        }
    }
}

/// Rows `row0..row0 + nr` and columns `col0..col0 + nc` of the full 2-d convolution of `x`
/// (zero outside) with `h`; output rows in parallel for large work (rayon feature).
pub(crate) fn direct2d<T: Real>(
    x: &ArrayView2<'_, T>,
    h: &ArrayView2<'_, T>,
    (row0, col0): (usize, usize),
    (nr, nc): (usize, usize),
) -> Array2<T> {
    let x = x.as_standard_layout();
    let h = h.as_standard_layout();
    let (xr, kh) = (x.nrows(), h.nrows());
    let mut out = Array2::<T>::zeros((nr, nc));
    let row = |r: usize, mut o: ndarray::ArrayViewMut1<'_, T>| {
        let o = o.as_slice_mut().expect("rows of a standard array are contiguous");
        let big_r = row0 + r;
        for kr in 0..kh {
            if big_r >= kr && big_r - kr < xr {
                let xs = x.row(big_r - kr);
                let hs = h.row(kr);
                conv1d_acc(xs.as_slice().expect("standard"), hs.as_slice().expect("standard"), col0, o);
            }
        }
    };
    let rows = out.axis_iter_mut(Axis(0)).enumerate();
    #[cfg(feature = "rayon")]
    {
        if nr > 1 && (nr * nc).saturating_mul(h.len()) >= 1_000_000 {
            use rayon::prelude::*;
            let rows: Vec<_> = rows.collect();
            rows.into_par_iter().for_each(|(r, o)| row(r, o));
            return out;
        }
    }
    rows.for_each(|(r, o)| row(r, o));
    out
}

fn conv2d<T: Real>(
    in1: ArrayView2<'_, T>,
    in2: ArrayView2<'_, T>,
    mode: ConvMode,
    boundary: Boundary,
    corr: bool,
) -> Result<Array2<T>> {
    let (s1, s2) = (in1.shape(), in2.shape());
    if in1.is_empty() || in2.is_empty() {
        return Ok(Array2::zeros((0, 0)));
    }
    let (a, b) = if mode == ConvMode::Valid {
        let ge = s1[0] >= s2[0] && s1[1] >= s2[1];
        let le = s1[0] <= s2[0] && s1[1] <= s2[1];
        if !ge && !le {
            return Err(invalid(
                "mode",
                "For 'valid' mode, one must be at least as large as the other in every dimension",
            ));
        }
        if ge { (in1, in2) } else { (in2, in1) }
    } else {
        (in1, in2)
    };
    let (h, w) = a.dim();
    let (kh, kw) = b.dim();
    let win = |n: usize, k: usize| {
        let full = n + k - 1;
        let len = match mode {
            ConvMode::Full => full,
            ConvMode::Same => n,
            ConvMode::Valid => n - k + 1,
        };
        // SciPy's correlate2d centres 'same' on the other side for even kernels.
        let start = if corr && mode == ConvMode::Same { k / 2 } else { (full - len) / 2 };
        (start, len)
    };
    let ((r0, nr), (c0, nc)) = (win(h, kh), win(w, kw));
    if mode == ConvMode::Valid || boundary == Boundary::Fill(0.0) {
        return Ok(direct2d(&a, &b, (r0, c0), (nr, nc)));
    }
    // Extend `a` by the kernel size minus one on every side with the boundary rule.
    let (ph, pw) = (kh - 1, kw - 1);
    let fill = match boundary {
        Boundary::Fill(v) => cst::<T>(v),
        _ => T::zero(),
    };
    let padded = Array2::from_shape_fn((h + 2 * ph, w + 2 * pw), |(i, j)| {
        match (
            ext_index(i as isize - ph as isize, h, boundary),
            ext_index(j as isize - pw as isize, w, boundary),
        ) {
            (Some(p), Some(q)) => a[(p, q)],
            _ => fill,
        }
    });
    Ok(direct2d(&padded.view(), &b, (r0 + ph, c0 + pw), (nr, nc)))
}

/// Convolves two 2-d arrays, with `boundary` saying how `in1` is extended.
///
/// SciPy equivalent: `scipy.signal.convolve2d(in1, in2, mode, boundary, fillvalue)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) in `valid` mode when neither
/// input is at least as large as the other in every dimension. An empty input gives an empty
/// `(0, 0)` result.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{convolve2d, Boundary, ConvMode};
/// let x = array![[1.0, 2.0], [3.0, 4.0]];
/// let k = array![[1.0, 1.0]];
/// assert_eq!(
///     convolve2d(&x, &k, ConvMode::Full, Boundary::default()).unwrap(),
///     array![[1.0, 3.0, 2.0], [3.0, 7.0, 4.0]]
/// );
/// assert_eq!(
///     convolve2d(&x, &k, ConvMode::Same, Boundary::Wrap).unwrap(),
///     array![[3.0, 3.0], [7.0, 7.0]]
/// );
/// ```
pub fn convolve2d<T, S1, S2>(
    in1: &ArrayBase<S1, Ix2>,
    in2: &ArrayBase<S2, Ix2>,
    mode: ConvMode,
    boundary: Boundary,
) -> Result<Array2<T>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    conv2d(in1.view(), in2.view(), mode, boundary, false)
}

/// Cross-correlates two 2-d arrays, with `boundary` saying how `in1` is extended.
///
/// [`convolve2d`] with `in2` flipped along both axes (real input); in `same` mode the window
/// of the full output starts at `in2.shape / 2` (SciPy's centring, which differs from
/// [`correlate`]'s for even kernel sizes).
///
/// SciPy equivalent: `scipy.signal.correlate2d(in1, in2, mode, boundary, fillvalue)`.
///
/// # Errors
///
/// As [`convolve2d`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{correlate2d, Boundary, ConvMode};
/// let x = array![[1.0, 2.0], [3.0, 4.0]];
/// let k = array![[1.0, 0.0]];
/// assert_eq!(
///     correlate2d(&x, &k, ConvMode::Full, Boundary::default()).unwrap(),
///     array![[0.0, 1.0, 2.0], [0.0, 3.0, 4.0]]
/// );
/// ```
pub fn correlate2d<T, S1, S2>(
    in1: &ArrayBase<S1, Ix2>,
    in2: &ArrayBase<S2, Ix2>,
    mode: ConvMode,
    boundary: Boundary,
) -> Result<Array2<T>>
where
    T: Real,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let mut k = in2.view();
    k.invert_axis(Axis(0));
    k.invert_axis(Axis(1));
    conv2d(in1.view(), k, mode, boundary, true)
}

//! Linear filtering with a transfer function: `lfilter`, `lfilter_zi`.

use crate::error::{Result, SignalError, invalid};
use crate::real::{Real, map_lanes};
use ndarray::{Array, Array1, ArrayBase, Axis, Data, Dimension, Ix1, Zip};

/// Normalized, equal-length coefficients of a direct-form II transposed filter.
pub(crate) struct Coeffs<T> {
    pub(crate) b: Vec<T>,
    pub(crate) a: Vec<T>,
}

impl<T: Real> Coeffs<T> {
    /// Validates `b` and `a` as SciPy's `lfilter` does, divides by `a[0]` and zero-pads both.
    pub(crate) fn new<Sb: Data<Elem = T>, Sa: Data<Elem = T>>(
        b: &ArrayBase<Sb, Ix1>,
        a: &ArrayBase<Sa, Ix1>,
    ) -> Result<Self> {
        if b.is_empty() {
            return Err(invalid("b", "Parameter b is not a non-empty 1d array"));
        }
        if a.is_empty() {
            return Err(invalid("a", "Parameter a is not a non-empty 1d array"));
        }
        let a0 = a[0];
        if a0 == T::zero() {
            return Err(invalid("a", "filter coefficient a[0] == 0 not supported"));
        }
        let n = a.len().max(b.len());
        let mut bn = vec![T::zero(); n];
        let mut an = vec![T::zero(); n];
        b.iter().zip(bn.iter_mut()).for_each(|(s, d)| *d = *s / a0);
        a.iter().zip(an.iter_mut()).for_each(|(s, d)| *d = *s / a0);
        Ok(Coeffs { b: bn, a: an })
    }

    /// Length of the state vector.
    pub(crate) fn order(&self) -> usize {
        self.b.len() - 1
    }

    /// Filters `x` into `y`, updating the state `z` (length `order()`).
    pub(crate) fn run(&self, x: &[T], y: &mut [T], z: &mut [T]) {
        self.run_iter(x.iter().copied().zip(y.iter_mut()), z);
    }

    /// Filters `buf` in place, from its end back to its start (the backward pass of
    /// `filtfilt` without reversed copies), updating the state `z`.
    pub(crate) fn run_rev_in_place(&self, buf: &mut [T], z: &mut [T]) {
        self.run_iter(buf.iter_mut().rev().map(|v| (*v, v)), z);
    }

    /// Filters `buf` in place, updating the state `z`.
    pub(crate) fn run_in_place(&self, buf: &mut [T], z: &mut [T]) {
        self.run_iter(buf.iter_mut().map(|v| (*v, v)), z);
    }

    /// Filters the samples of `io` (input value, output slot) in order, updating the state `z`.
    #[inline(always)]
    fn run_iter<'a, I: Iterator<Item = (T, &'a mut T)>>(&self, io: I, z: &mut [T])
    where
        T: 'a,
    {
        let (b, a) = (&self.b, &self.a);
        let n = b.len();
        match n {
            1 => io.for_each(|(xi, yi)| *yi = b[0] * xi),
            2 => run_fixed::<T, I, 2, 1>(b, a, io, z),
            3 => run_fixed::<T, I, 3, 2>(b, a, io, z),
            4 => run_fixed::<T, I, 4, 3>(b, a, io, z),
            5 => run_fixed::<T, I, 5, 4>(b, a, io, z),
            6 => run_fixed::<T, I, 6, 5>(b, a, io, z),
            7 => run_fixed::<T, I, 7, 6>(b, a, io, z),
            8 => run_fixed::<T, I, 8, 7>(b, a, io, z),
            9 => run_fixed::<T, I, 9, 8>(b, a, io, z),
            _ => {
                for (xi, yi) in io {
                    let yn = z[0] + b[0] * xi;
                    for k in 0..n - 2 {
                        z[k] = z[k + 1] + xi * b[k + 1] - yn * a[k + 1];
                    }
                    z[n - 2] = xi * b[n - 1] - yn * a[n - 1];
                    *yi = yn;
                }
            }
        }
    }
}

/// The direct form II transposed loop for `N` taps (`M = N - 1` states) with the coefficients
/// and the state in registers; the same operations in the same order as the general loop.
#[inline(always)]
fn run_fixed<'a, T: Real + 'a, I: Iterator<Item = (T, &'a mut T)>, const N: usize, const M: usize>(
    b: &[T],
    a: &[T],
    io: I,
    z: &mut [T],
) {
    let bb: [T; N] = b[..N].try_into().expect("N taps");
    let aa: [T; N] = a[..N].try_into().expect("N taps");
    let mut zz: [T; M] = z[..M].try_into().expect("M states");
    for (xi, yi) in io {
        let yn = zz[0] + bb[0] * xi;
        for k in 0..M - 1 {
            zz[k] = zz[k + 1] + xi * bb[k + 1] - yn * aa[k + 1];
        }
        zz[M - 1] = xi * bb[N - 1] - yn * aa[N - 1];
        *yi = yn;
    }
    z[..M].copy_from_slice(&zz);
}

/// Filters `x` along `axis` with the IIR/FIR filter `b / a` (direct form II transposed),
/// starting from rest.
///
/// `y[n] = (b[0] x[n] + ... + b[M] x[n-M] - a[1] y[n-1] - ... - a[N] y[n-N]) / a[0]`.
///
/// SciPy equivalent: `scipy.signal.lfilter(b, a, x, axis)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`] when `b` or `a` is empty or `a[0] == 0`;
/// [`SignalError::Array`] when `axis` is out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// // y[n] = x[n] + 0.5 y[n-1]
/// let y = sci_signal::lfilter(&array![1.0], &array![1.0, -0.5], &array![1.0, 0.0, 0.0, 0.0], -1).unwrap();
/// assert_eq!(y, array![1.0, 0.5, 0.25, 0.125]);
/// ```
pub fn lfilter<T, Sb, Sa, Sx, D>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    x: &ArrayBase<Sx, D>,
    axis: isize,
) -> Result<Array<T, D>>
where
    T: Real,
    Sb: Data<Elem = T>,
    Sa: Data<Elem = T>,
    Sx: Data<Elem = T>,
    D: Dimension,
{
    let c = Coeffs::new(b, a)?;
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let order = c.order();
    Ok(map_lanes(
        x,
        ax,
        x.len_of(Axis(ax)),
        || vec![T::zero(); order],
        |z, xi, yo| {
            z.fill(T::zero());
            c.run(xi, yo, z);
        },
    ))
}

/// [`lfilter`] with initial conditions `zi`; returns the output and the final state `zf`.
///
/// `zi` has the shape of `x` with the filtered axis replaced by `max(len(a), len(b)) - 1`; other
/// axes may have length 1 and are then broadcast, as in SciPy.
///
/// SciPy equivalent: `y, zf = scipy.signal.lfilter(b, a, x, axis, zi)`.
///
/// # Errors
///
/// As [`lfilter`], and [`SignalError::Array`] when `zi` has the wrong shape.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = (array![0.5, 0.5], array![1.0]);
/// let (y1, zf) = sci_signal::lfilter_with_zi(&b, &a, &array![1.0, 2.0], -1, &array![0.0]).unwrap();
/// let (y2, _) = sci_signal::lfilter_with_zi(&b, &a, &array![3.0], -1, &zf).unwrap();
/// assert_eq!(y1, array![0.5, 1.5]);
/// assert_eq!(y2, array![2.5]); // continues where the first block stopped
/// ```
pub fn lfilter_with_zi<T, Sb, Sa, Sx, Sz, D>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    x: &ArrayBase<Sx, D>,
    axis: isize,
    zi: &ArrayBase<Sz, D>,
) -> Result<(Array<T, D>, Array<T, D>)>
where
    T: Real,
    Sb: Data<Elem = T>,
    Sa: Data<Elem = T>,
    Sx: Data<Elem = T>,
    Sz: Data<Elem = T>,
    D: Dimension,
{
    let c = Coeffs::new(b, a)?;
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let mut zshape = x.raw_dim();
    zshape[ax] = c.order();
    let bad = || {
        SignalError::from(sci_array::ArrayError::ShapeMismatch {
            arg: "zi",
            expected: format!("{:?}", zshape.slice()),
            found: zi.shape().to_vec(),
        })
    };
    if zi.len_of(Axis(ax)) != c.order() {
        return Err(bad());
    }
    let ziv = zi.broadcast(zshape.clone()).ok_or_else(bad)?;
    let mut zf = ziv.to_owned();
    let mut y = Array::<T, D>::zeros(x.raw_dim());
    let n = x.len_of(Axis(ax));
    let (mut xb, mut yb, mut zb) = (vec![T::zero(); n], vec![T::zero(); n], vec![T::zero(); c.order()]);
    Zip::from(x.lanes(Axis(ax))).and(y.lanes_mut(Axis(ax))).and(zf.lanes_mut(Axis(ax))).for_each(
        |src, mut dst, mut z| {
            xb.iter_mut().zip(src.iter()).for_each(|(d, s)| *d = *s);
            zb.iter_mut().zip(z.iter()).for_each(|(d, s)| *d = *s);
            c.run(&xb, &mut yb, &mut zb);
            dst.iter_mut().zip(&yb).for_each(|(d, s)| *d = *s);
            z.iter_mut().zip(&zb).for_each(|(d, s)| *d = *s);
        },
    );
    Ok((y, zf))
}

/// Solves the small dense system `m x = rhs` (row-major `n x n`) by Gaussian elimination with
/// partial pivoting.
pub(crate) fn solve_small<T: Real>(mut m: Vec<T>, mut rhs: Vec<T>, what: &'static str) -> Result<Vec<T>> {
    let n = rhs.len();
    for col in 0..n {
        let piv = (col..n)
            .max_by(|&i, &j| m[i * n + col].abs().partial_cmp(&m[j * n + col].abs()).expect("finite"))
            .expect("non-empty range");
        if m[piv * n + col] == T::zero() {
            return Err(SignalError::Singular { what });
        }
        if piv != col {
            for k in 0..n {
                m.swap(piv * n + k, col * n + k);
            }
            rhs.swap(piv, col);
        }
        let d = m[col * n + col];
        for r in col + 1..n {
            let f = m[r * n + col] / d;
            if f != T::zero() {
                for k in col..n {
                    let v = m[col * n + k];
                    m[r * n + k] = m[r * n + k] - f * v;
                }
                rhs[r] = rhs[r] - f * rhs[col];
            }
        }
    }
    let mut x = vec![T::zero(); n];
    for r in (0..n).rev() {
        let mut s = rhs[r];
        for k in r + 1..n {
            s = s - m[r * n + k] * x[k];
        }
        x[r] = s / m[r * n + r];
    }
    Ok(x)
}

/// Steady-state initial conditions of [`lfilter`] for a step input.
///
/// Scaled by the first sample, `zi * x[0]` makes the filter start as if `x[0]` had been its
/// input forever (no start-up transient). Solves `(I - A^T) zi = b[1:] - a[1:] b[0]` with the
/// companion matrix `A` of `a`, after dropping leading zeros of `a` and normalizing by `a[0]`.
///
/// SciPy equivalent: `scipy.signal.lfilter_zi(b, a)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`] when `a` has no nonzero coefficient or `b` is empty;
/// [`SignalError::Singular`] when the filter has a pole at `z = 1` (no steady state).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = (array![0.5_f64], array![1.0, -0.5]);
/// let zi = sci_signal::lfilter_zi(&b, &a).unwrap();
/// assert!((zi[0] - 0.5).abs() < 1e-15);
/// // A constant input then gives a constant output.
/// let (y, _) = sci_signal::lfilter_with_zi(&b, &a, &array![1.0, 1.0, 1.0], -1, &zi).unwrap();
/// assert!(y.iter().all(|v| (v - 1.0).abs() < 1e-15));
/// ```
pub fn lfilter_zi<T, Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>) -> Result<Array1<T>>
where
    T: Real,
    Sb: Data<Elem = T>,
    Sa: Data<Elem = T>,
{
    let first = a.iter().position(|v| *v != T::zero());
    let a: Vec<T> = match first {
        Some(i) => a.iter().skip(i).copied().collect(),
        None => return Err(invalid("a", "There must be at least one nonzero `a` coefficient.")),
    };
    if b.is_empty() {
        return Err(invalid("b", "Parameter b is not a non-empty 1d array"));
    }
    let mut b: Vec<T> = b.to_vec();
    let mut a = a;
    if a[0] != T::one() {
        let a0 = a[0];
        b.iter_mut().for_each(|v| *v = *v / a0);
        a.iter_mut().for_each(|v| *v = *v / a0);
    }
    let n = a.len().max(b.len());
    a.resize(n, T::zero());
    b.resize(n, T::zero());
    let m = n - 1;
    // I - companion(a).T: companion has -a[1:] in its first row and ones below the diagonal.
    let mut mat = vec![T::zero(); m * m];
    for i in 0..m {
        mat[i * m + i] = T::one();
        mat[i * m] = mat[i * m] + a[i + 1];
        if i + 1 < m {
            mat[i * m + i + 1] = mat[i * m + i + 1] - T::one();
        }
    }
    let rhs: Vec<T> = (0..m).map(|i| b[i + 1] - a[i + 1] * b[0]).collect();
    Ok(Array1::from(solve_small(mat, rhs, "lfilter_zi")?))
}

//! The 2-d analytic signal: `hilbert2`.

use crate::Real;
use crate::error::{Result, invalid};
use ndarray::{Array, ArrayBase, ArrayView2, ArrayViewMut2, Axis, Data, Dimension, Ix2};
use num_complex::Complex;
use realfft::RealToComplex;
use rustfft::Fft;
use std::sync::Arc;

type Plans<T> = (Arc<dyn RealToComplex<T>>, Arc<dyn Fft<T>>, Arc<dyn Fft<T>>, Arc<dyn Fft<T>>);

/// One plane: `x` (any size) to `out` of shape `(n0, n1)`.
fn plane<T: Real>(x: ArrayView2<'_, T>, mut out: ArrayViewMut2<'_, Complex<T>>, plans: &Plans<T>) {
    let (n0, n1) = out.dim();
    let zero = Complex::new(T::zero(), T::zero());
    let half = n1 / 2 + 1;
    let (r2c, col_f, col_i, row_i) = plans;
    // Real FFT of every row (zero rows beyond x): only non-negative column frequencies survive.
    let mut spec = ndarray::Array2::<num_complex::Complex<T>>::zeros((n0, half));
    let mut rbuf = r2c.make_input_vec();
    let mut rscratch = r2c.make_scratch_vec();
    for (src, mut dst) in x.rows().into_iter().take(n0).zip(spec.rows_mut()) {
        rbuf.fill(T::zero());
        rbuf.iter_mut().zip(src.iter()).for_each(|(b, &v)| *b = v);
        let out = dst.as_slice_mut().expect("standard layout");
        r2c.process_with_scratch(&mut rbuf, out, &mut rscratch).expect("lengths match the plan");
    }
    // Along the rows: FFT, keep non-negative frequencies (doubled), inverse.
    // SciPy's single-orthant convention: bins 1..(len + 1) / 2 doubled, the rest (Nyquist
    // included) zeroed.
    let weight = |k: usize, len: usize| {
        if k == 0 {
            1.0
        } else if k < len.div_ceil(2) {
            2.0
        } else {
            0.0
        }
    };
    let mut col = vec![zero; n0];
    let mut scratch = vec![zero; col_f.get_inplace_scratch_len().max(col_i.get_inplace_scratch_len())];
    for (j, mut c) in spec.columns_mut().into_iter().enumerate() {
        col.iter_mut().zip(c.iter()).for_each(|(d, s)| *d = *s);
        col_f.process_with_scratch(&mut col, &mut scratch);
        let wj = weight(j, n1) / (n0 * n1) as f64;
        let wk: Vec<T> = (0..n0).map(|k| crate::real::cst::<T>(weight(k, n0) * wj)).collect();
        col.iter_mut().zip(&wk).for_each(|(v, w)| *v = *v * *w);
        col_i.process_with_scratch(&mut col, &mut scratch);
        c.iter_mut().zip(&col).for_each(|(d, s)| *d = *s);
    }
    let mut rscratch = vec![zero; row_i.get_inplace_scratch_len()];
    let mut rowbuf = vec![zero; n1];
    for (src, mut dst) in spec.rows().into_iter().zip(out.rows_mut()) {
        let row = &mut rowbuf[..];
        row.fill(zero);
        row[..half.min(n1)].iter_mut().zip(src.iter()).for_each(|(d, s)| *d = *s);
        row_i.process_with_scratch(row, &mut rscratch);
        dst.iter_mut().zip(row.iter()).for_each(|(d, s)| *d = *s);
    }
}

/// The 2-d analytic signal of a real array over two `axes` (`f64` or `f32`, the output in the
/// same precision): the inverse 2-d FFT of its spectrum with, along both axes, the positive
/// frequencies doubled and the negative ones and Nyquist zeroed (SciPy's single-orthant
/// convention), optionally zero-padded or truncated to `n` samples along the two axes. Every
/// other axis is a batch of planes.
///
/// SciPy equivalent: `scipy.signal.hilbert2(x, N, axes)` (`axes=(-2, -1)` is SciPy's default;
/// SciPy turns a 1-d `x` into one row: [`hilbert2_1d`] does that).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `n` holds a zero
/// ("When given as a tuple, N must hold exactly two positive integers"), when the axes are
/// equal ("axes must contain 2 distinct axes"), for a 1-d `x` (use [`hilbert2_1d`]), or, without `n`, when `x` is
/// empty along an axis; [`SignalError::Array`](crate::SignalError::Array) for an axis out of
/// bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array2;
/// use std::f64::consts::PI;
/// // cos(a) cos(b) has the quarter-plane analytic signal exp(i (a + b)).
/// let x = Array2::from_shape_fn((8, 8), |(i, j)| (2.0 * PI * i as f64 / 8.0).cos() * (2.0 * PI * 2.0 * j as f64 / 8.0).cos());
/// let z = sci_signal::hilbert2(&x, None, [-2, -1]).unwrap();
/// let want = |i: usize, j: usize| 2.0 * PI * (i as f64 + 2.0 * j as f64) / 8.0;
/// assert!((z[[1, 3]].re - want(1, 3).cos()).abs() < 1e-12 && (z[[1, 3]].im - want(1, 3).sin()).abs() < 1e-12);
/// ```
pub fn hilbert2<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    n: Option<[usize; 2]>,
    axes: [isize; 2],
) -> Result<Array<Complex<T>, D>> {
    let nd = x.ndim();
    if nd < 2 {
        return Err(invalid("x", "x must have at least 2 dimensions (SciPy's atleast_2d: pass one row)"));
    }
    let a0 = sci_array::normalize_axis(axes[0], nd, "axes")?;
    let a1 = sci_array::normalize_axis(axes[1], nd, "axes")?;
    if a0 == a1 {
        return Err(invalid("axes", "axes must contain 2 distinct axes"));
    }
    let [n0, n1] = match n {
        Some(v) if v.contains(&0) => {
            return Err(invalid("N", "When given as a tuple, N must hold exactly two positive integers"));
        }
        Some(v) => v,
        None => [x.len_of(Axis(a0)), x.len_of(Axis(a1))],
    };
    if n0 == 0 || n1 == 0 {
        return Err(invalid("x", format!("invalid number of data points ({}) specified", n0.min(n1))));
    }
    let plans: Plans<T> = crate::fftconv::with_planners(|pl: &mut crate::fftconv::Planners<T>| {
        (
            pl.real.plan_fft_forward(n1),
            pl.complex.plan_fft_forward(n0),
            pl.complex.plan_fft_inverse(n0),
            pl.complex.plan_fft_inverse(n1),
        )
    });
    let mut shape = x.raw_dim();
    shape[a0] = n0;
    shape[a1] = n1;
    let mut out = Array::<Complex<T>, D>::zeros(shape);
    if nd == 2 {
        let xv = x.view().into_dimensionality::<Ix2>().expect("2-d");
        let ov = out.view_mut().into_dimensionality::<Ix2>().expect("2-d");
        let (xv, ov) = if a0 < a1 { (xv, ov) } else { (xv.reversed_axes(), ov.reversed_axes()) };
        plane(xv, ov, &plans);
        return Ok(out);
    }
    // Planes: the two axes last, every other axis iterated.
    let others: Vec<usize> = (0..nd).filter(|&d| d != a0 && d != a1).collect();
    let mut order = others.clone();
    order.extend([a0, a1]);
    let xv = x.view().into_dyn().permuted_axes(order.clone());
    let mut ov = out.view_mut().into_dyn().permuted_axes(order);
    let outer: Vec<usize> = others.iter().map(|&d| x.len_of(Axis(d))).collect();
    for idx in ndarray::indices(outer) {
        let mut xs = xv.view();
        let mut os = ov.view_mut();
        for (k, &i) in idx.slice().iter().enumerate().rev() {
            xs = xs.index_axis_move(Axis(k), i);
            os = os.index_axis_move(Axis(k), i);
        }
        let xs = xs.into_dimensionality::<Ix2>().expect("2-d plane");
        let os = os.into_dimensionality::<Ix2>().expect("2-d plane");
        plane(xs, os, &plans);
    }
    Ok(out)
}

/// [`hilbert2`] of a 1-d `x`, as SciPy computes it: `x` becomes one row (`atleast_2d`, shape
/// `(1, len)`), so the result is 2-d. Along the row the positive frequencies are doubled and
/// the negative ones and the Nyquist bin zeroed (unlike [`hilbert`](crate::hilbert), which
/// keeps an even length's Nyquist bin); along the length-1 axis nothing changes unless `n`
/// pads it.
///
/// SciPy equivalent: `scipy.signal.hilbert2(x, N, axes)` with a 1-d `x`.
///
/// # Errors
///
/// As [`hilbert2`] for the `(1, len)` array.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// // SciPy: hilbert2([1., 2., 3., 4.]) == [[1.5+1j, 1.5-1j, 3.5-1j, 3.5+1j]]
/// let z = sci_signal::hilbert2_1d(&array![1.0_f64, 2.0, 3.0, 4.0], None, [-2, -1]).unwrap();
/// assert_eq!(z.dim(), (1, 4));
/// let want = [(1.5, 1.0), (1.5, -1.0), (3.5, -1.0), (3.5, 1.0)];
/// for (v, (re, im)) in z.iter().zip(want) {
///     assert!((v.re - re).abs() < 1e-12 && (v.im - im).abs() < 1e-12);
/// }
/// ```
pub fn hilbert2_1d<T: Real, S: Data<Elem = T>>(
    x: &ArrayBase<S, ndarray::Ix1>,
    n: Option<[usize; 2]>,
    axes: [isize; 2],
) -> Result<ndarray::Array2<Complex<T>>> {
    hilbert2(&x.view().insert_axis(Axis(0)), n, axes)
}

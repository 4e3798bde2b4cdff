//! Filtering with second-order sections: `sosfilt`, `sosfilt_zi`.

use crate::error::{Result, SignalError, invalid};
use crate::filter::lfilter_zi;
use crate::real::{Real, map_lanes};
use ndarray::{Array, Array2, ArrayBase, Axis, Data, Dimension, Ix2, Zip, array};

/// Validates an `(n_sections, 6)` SOS array with `a0 == 1` and copies it into rows.
pub(crate) fn validate_sos<T: Real, S: Data<Elem = T>>(sos: &ArrayBase<S, Ix2>) -> Result<Vec<[T; 6]>> {
    if sos.ncols() != 6 || sos.nrows() == 0 {
        return Err(invalid(
            "sos",
            format!("sos array must be 2D with shape (n_sections, 6), got {:?}", sos.shape()),
        ));
    }
    if sos.column(3).iter().any(|v| *v != T::one()) {
        return Err(invalid("sos", "sos[:, 3] should be all ones"));
    }
    Ok(sos.rows().into_iter().map(|r| [r[0], r[1], r[2], r[3], r[4], r[5]]).collect())
}

/// Runs the cascade over `x` into `y`; `z` holds two states per section.
pub(crate) fn sos_run<T: Real>(sos: &[[T; 6]], x: &[T], y: &mut [T], z: &mut [[T; 2]]) {
    sos_run_iter(sos, x.iter().copied().zip(y.iter_mut()), z);
}

/// Runs the cascade over `buf` in place, from its end back to its start (the backward pass of
/// `sosfiltfilt` without reversed copies).
pub(crate) fn sos_run_rev_in_place<T: Real>(sos: &[[T; 6]], buf: &mut [T], z: &mut [[T; 2]]) {
    sos_run_iter(sos, buf.iter_mut().rev().map(|v| (*v, v)), z);
}

/// Runs the cascade over `buf` in place.
pub(crate) fn sos_run_in_place<T: Real>(sos: &[[T; 6]], buf: &mut [T], z: &mut [[T; 2]]) {
    sos_run_iter(sos, buf.iter_mut().map(|v| (*v, v)), z);
}

/// Runs the cascade over the samples of `io` (input value, output slot) in order; up to 8
/// sections keep coefficients and states in registers.
#[inline(always)]
fn sos_run_iter<'a, T: Real + 'a, I: Iterator<Item = (T, &'a mut T)>>(
    sos: &[[T; 6]],
    io: I,
    z: &mut [[T; 2]],
) {
    match sos.len() {
        1 => sos_fixed::<T, I, 1>(sos, io, z),
        2 => sos_fixed::<T, I, 2>(sos, io, z),
        3 => sos_fixed::<T, I, 3>(sos, io, z),
        4 => sos_fixed::<T, I, 4>(sos, io, z),
        5 => sos_fixed::<T, I, 5>(sos, io, z),
        6 => sos_fixed::<T, I, 6>(sos, io, z),
        7 => sos_fixed::<T, I, 7>(sos, io, z),
        8 => sos_fixed::<T, I, 8>(sos, io, z),
        _ => {
            for (xi, yi) in io {
                *yi = sos_step(sos, z, xi);
            }
        }
    }
}

/// One sample through every section (SciPy's `_sosfilt` operation order).
#[inline(always)]
fn sos_step<T: Real>(sos: &[[T; 6]], z: &mut [[T; 2]], xi: T) -> T {
    let mut cur = xi;
    for (s, zs) in sos.iter().zip(z.iter_mut()) {
        let new = s[0] * cur + zs[0];
        zs[0] = s[1] * cur - s[4] * new + zs[1];
        zs[1] = s[2] * cur - s[5] * new;
        cur = new;
    }
    cur
}

/// [`sos_step`] over `S` sections held in local arrays.
#[inline(always)]
fn sos_fixed<'a, T: Real + 'a, I: Iterator<Item = (T, &'a mut T)>, const S: usize>(
    sos: &[[T; 6]],
    io: I,
    z: &mut [[T; 2]],
) {
    let ss: [[T; 6]; S] = sos[..S].try_into().expect("S sections");
    let mut zz: [[T; 2]; S] = z[..S].try_into().expect("S states");
    for (xi, yi) in io {
        *yi = sos_step(&ss, &mut zz, xi);
    }
    z[..S].copy_from_slice(&zz);
}

/// Filters `x` along `axis` with a cascade of second-order sections, starting from rest.
///
/// `sos` has one row `[b0, b1, b2, 1, a1, a2]` per section (as from
/// [`butter_sos`](crate::butter_sos)). More robust than [`lfilter`](crate::lfilter) for high
/// orders.
///
/// SciPy equivalent: `scipy.signal.sosfilt(sos, x, axis)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`] when `sos` is not `(n, 6)` with `n >= 1` or `sos[:, 3]` is
/// not all ones; [`SignalError::Array`] for an axis out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let sos = array![[1.0, 0.0, 0.0, 1.0, -0.5, 0.0]];
/// let y = sci_signal::sosfilt(&sos, &array![1.0, 0.0, 0.0], -1).unwrap();
/// assert_eq!(y, array![1.0, 0.5, 0.25]);
/// ```
pub fn sosfilt<T, Ss, Sx, D>(
    sos: &ArrayBase<Ss, Ix2>,
    x: &ArrayBase<Sx, D>,
    axis: isize,
) -> Result<Array<T, D>>
where
    T: Real,
    Ss: Data<Elem = T>,
    Sx: Data<Elem = T>,
    D: Dimension,
{
    let s = validate_sos(sos)?;
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    Ok(map_lanes(
        x,
        ax,
        x.len_of(Axis(ax)),
        || vec![[T::zero(); 2]; s.len()],
        |z, xi, yo| {
            z.iter_mut().for_each(|v| *v = [T::zero(); 2]);
            sos_run(&s, xi, yo, z);
        },
    ))
}

/// [`sosfilt`] along `axis` with initial state `zi`; returns the output and the final state.
///
/// `zi` has shape `(n_sections, ...)` where `...` is the shape of `x` with `axis` replaced by
/// 2 (for a 1-d `x`: `(n_sections, 2)`). Use [`sosfilt_zi`] for steady-state initial
/// conditions.
///
/// SciPy equivalent: `y, zf = scipy.signal.sosfilt(sos, x, axis, zi)`.
///
/// # Errors
///
/// As [`sosfilt`], and [`SignalError::Array`] when `zi` does not have that shape.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let sos = sci_signal::butter_sos(2, &[0.2], sci_signal::BType::Lowpass, false, None).unwrap();
/// let zi = sci_signal::sosfilt_zi(&sos).unwrap();
/// let (y, zf) = sci_signal::sosfilt_with_zi(&sos, &array![1.0, 1.0, 1.0], -1, &zi).unwrap();
/// assert!(y.iter().all(|v| (v - 1.0).abs() < 1e-12)); // steady state: no transient
/// assert!((&zf - &zi).iter().all(|d| d.abs() < 1e-12));
/// ```
#[allow(clippy::type_complexity)]
pub fn sosfilt_with_zi<T, Ss, Sx, Sz, D>(
    sos: &ArrayBase<Ss, Ix2>,
    x: &ArrayBase<Sx, D>,
    axis: isize,
    zi: &ArrayBase<Sz, D::Larger>,
) -> Result<(Array<T, D>, Array<T, D::Larger>)>
where
    T: Real,
    Ss: Data<Elem = T>,
    Sx: Data<Elem = T>,
    Sz: Data<Elem = T>,
    D: Dimension,
{
    let s = validate_sos(sos)?;
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let ns = s.len();
    let mut want = vec![ns];
    want.extend(x.shape().iter().enumerate().map(|(d, &l)| if d == ax { 2 } else { l }));
    if zi.shape() != want.as_slice() {
        return Err(SignalError::from(sci_array::ArrayError::ShapeMismatch {
            arg: "zi",
            expected: format!("{want:?}"),
            found: zi.shape().to_vec(),
        }));
    }
    // States gathered per lane (lanes of every section visit the other axes in the same order).
    let mut zf = zi.to_owned();
    let lanes = x.len().checked_div(x.len_of(Axis(ax))).unwrap_or_else(|| zi.len() / (2 * ns));
    let mut st = vec![[T::zero(); 2]; lanes * ns];
    for (sec, zs) in zf.axis_iter(Axis(0)).enumerate() {
        for (l, lane) in zs.lanes(Axis(ax)).into_iter().enumerate() {
            st[l * ns + sec] = [lane[0], lane[1]];
        }
    }
    let mut y = Array::<T, D>::zeros(x.raw_dim());
    let n = x.len_of(Axis(ax));
    let (mut xb, mut yb) = (vec![T::zero(); n], vec![T::zero(); n]);
    for (l, (src, mut dst)) in x.lanes(Axis(ax)).into_iter().zip(y.lanes_mut(Axis(ax))).enumerate() {
        xb.iter_mut().zip(src.iter()).for_each(|(d, v)| *d = *v);
        sos_run(&s, &xb, &mut yb, &mut st[l * ns..(l + 1) * ns]);
        dst.iter_mut().zip(&yb).for_each(|(d, v)| *d = *v);
    }
    for (sec, mut zs) in zf.axis_iter_mut(Axis(0)).enumerate() {
        for (l, mut lane) in zs.lanes_mut(Axis(ax)).into_iter().enumerate() {
            lane[0] = st[l * ns + sec][0];
            lane[1] = st[l * ns + sec][1];
        }
    }
    Ok((y, zf))
}

/// Steady-state initial conditions of [`sosfilt`] for a step input, shape `(n_sections, 2)`.
///
/// Each section's [`lfilter_zi`] scaled by the DC gain of the sections before it.
///
/// SciPy equivalent: `scipy.signal.sosfilt_zi(sos)`.
///
/// # Errors
///
/// As [`sosfilt`], and [`SignalError::Singular`] when a section has a pole at `z = 1`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let zi = sci_signal::sosfilt_zi(&array![[0.5_f64, 0.0, 0.0, 1.0, -0.5, 0.0]]).unwrap();
/// assert!((zi[[0, 0]] - 0.5).abs() < 1e-15 && zi[[0, 1]] == 0.0);
/// ```
pub fn sosfilt_zi<T, Ss>(sos: &ArrayBase<Ss, Ix2>) -> Result<Array2<T>>
where
    T: Real,
    Ss: Data<Elem = T>,
{
    let s = validate_sos(sos)?;
    let mut zi = Array2::<T>::zeros((s.len(), 2));
    let mut scale = T::one();
    for (row, sec) in zi.rows_mut().into_iter().zip(&s) {
        let b = array![sec[0], sec[1], sec[2]];
        let a = array![sec[3], sec[4], sec[5]];
        let z = lfilter_zi(&b, &a)?;
        Zip::from(row).and(&z).for_each(|d, v| *d = scale * *v);
        scale = scale * (b.sum() / a.sum());
    }
    Ok(zi)
}

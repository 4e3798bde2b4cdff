//! Multi-dimensional real-to-real transforms: `dctn`, `idctn`, `dstn`, `idstn`.

use crate::engine::{Norm, RealInput};
use crate::error::{FftError, Result};
use crate::nd::resolve;
use crate::realtrans::{DctType, Family, r2r};
use ndarray::{Array, ArrayBase, Data, Dimension};

fn r2r_nd<A, S, D>(
    x: &ArrayBase<S, D>,
    family: Family,
    ty: DctType,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    inverse: bool,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    A::Real: RealInput<Real = A::Real>,
    S: Data<Elem = A>,
    D: Dimension,
{
    let (axes, lens) = resolve(x.shape(), s, axes, None)?;
    let (ty, norm) = if inverse { (ty.inverse(), norm.swapped()) } else { (ty, norm) };
    let mut steps = axes.iter().zip(&lens);
    let Some((&a0, &n0)) = steps.next() else {
        return Err(FftError::InvalidValue {
            arg: "axes",
            reason: "at least one axis must be transformed".into(),
        });
    };
    let mut out = r2r(x, family, ty, Some(n0), a0 as isize, norm)?;
    for (&a, &n) in steps {
        out = r2r(&out, family, ty, Some(n), a as isize, norm)?;
    }
    Ok(out)
}

/// Multi-dimensional discrete cosine transform over `axes` (default: all), each of length `s`.
///
/// SciPy equivalent: `scipy.fft.dctn(x, type, s, axes, norm)`.
///
/// # Errors
///
/// As [`fftn`](crate::fftn) and [`dct`](crate::dct).
///
/// # Examples
///
/// ```
/// use sci_fft::{dctn, DctType, Norm};
/// use sci_array::ndarray::array;
/// let y = dctn(&array![[1.0_f64, 2.0], [3.0, 4.0]], DctType::II, None, None, Norm::Backward).unwrap();
/// assert!((y[[0, 0]] - 40.0).abs() < 1e-12);
/// ```
pub fn dctn<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    A::Real: RealInput<Real = A::Real>,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r_nd(x, Family::Cos, ty, s, axes, norm, false)
}

/// Inverse of [`dctn`].
///
/// SciPy equivalent: `scipy.fft.idctn(x, type, s, axes, norm)`.
///
/// # Errors
///
/// As [`dctn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{dctn, idctn, DctType, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0, 0.5], [3.0, 4.0, -1.0]];
/// let y = dctn(&x, DctType::IV, None, None, Norm::Ortho).unwrap();
/// let back = idctn(&y, DctType::IV, None, None, Norm::Ortho).unwrap();
/// assert!((&back - &x).iter().all(|d| d.abs() < 1e-12));
/// ```
pub fn idctn<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    A::Real: RealInput<Real = A::Real>,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r_nd(x, Family::Cos, ty, s, axes, norm, true)
}

/// Multi-dimensional discrete sine transform over `axes` (default: all), each of length `s`.
///
/// SciPy equivalent: `scipy.fft.dstn(x, type, s, axes, norm)`.
///
/// # Errors
///
/// As [`dctn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{dstn, DctType, Norm};
/// use sci_array::ndarray::array;
/// let y = dstn(&array![[1.0_f64, 0.0], [0.0, 0.0]], DctType::I, None, None, Norm::Backward).unwrap();
/// // 4 sin(pi/3)^2 = 3 in the corner
/// assert!((y[[0, 0]] - 3.0).abs() < 1e-12);
/// ```
pub fn dstn<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    A::Real: RealInput<Real = A::Real>,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r_nd(x, Family::Sin, ty, s, axes, norm, false)
}

/// Inverse of [`dstn`].
///
/// SciPy equivalent: `scipy.fft.idstn(x, type, s, axes, norm)`.
///
/// # Errors
///
/// As [`dctn`].
///
/// # Examples
///
/// ```
/// use sci_fft::{dstn, idstn, DctType, Norm};
/// use sci_array::ndarray::array;
/// let x = array![[1.0_f64, 2.0], [3.0, 4.0], [0.5, -2.0]];
/// let back = idstn(&dstn(&x, DctType::II, None, None, Norm::Backward).unwrap(), DctType::II, None, None, Norm::Backward).unwrap();
/// assert!((&back - &x).iter().all(|d| d.abs() < 1e-12));
/// ```
pub fn idstn<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    A::Real: RealInput<Real = A::Real>,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r_nd(x, Family::Sin, ty, s, axes, norm, true)
}

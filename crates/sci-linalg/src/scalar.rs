//! The element trait and the zero-copy bridge between ndarray and faer.
//!
//! ndarray and faer both describe a matrix as a pointer plus two signed element strides, so an
//! [`ArrayView2`] (also a transposed, sliced or negative-stride one) is handed to faer as a
//! [`MatRef`] without copying, and faer writes results straight into ndarray buffers through
//! [`MatMut`]. This is the one place in the crate that needs `unsafe`.

use faer::{MatMut, MatRef, Par};
use ndarray::{Array2, ArrayBase, ArrayView2, ArrayViewMut2, Data, Dimension, Ix2, ShapeBuilder};
use std::fmt::{Debug, Display};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;

mod sealed {
    #[cfg(not(feature = "lapack"))]
    pub trait Sealed {}
    #[cfg(feature = "lapack")]
    pub trait Sealed: crate::lapack::Lapack {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The real floating-point types `sci-linalg` works on: `f32` and `f64` (LAPACK's `s` and `d`).
///
/// It ties together what the backend (faer's `RealField`) and ndarray need; it is sealed.
///
/// # Examples
///
/// ```
/// use sci_linalg::{LinalgFloat, det};
/// use sci_linalg::sci_array::ndarray::array;
/// fn det_twice<T: LinalgFloat>(a: &sci_linalg::sci_array::ndarray::Array2<T>) -> T {
///     det(a).unwrap() + det(a).unwrap()
/// }
/// assert_eq!(det_twice(&array![[2.0f32]]), 4.0);
/// ```
pub trait LinalgFloat:
    crate::linalg_scalar::LinalgScalar<Real = Self>
    + faer::traits::RealField
    + num_traits::Float
    + num_traits::NumAssign
    + ndarray::ScalarOperand
    + ndarray::LinalgScalar
    + Debug
    + Display
    + Default
    + Send
    + Sync
    + 'static
    + sealed::Sealed
{
    /// Converts an `f64` constant to this type (rounding for `f32`).
    fn lit(x: f64) -> Self;
    /// Converts to `f64` (exact).
    fn to_f64_lossless(self) -> f64;
    /// `a @ b` for complex matrices of this precision, by the crate's complex product
    /// (the one behind [`matmul`](crate::matmul)), for code generic over the real type.
    fn complex_matmul(
        a: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
        b: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
    ) -> ndarray::Array2<num_complex::Complex<Self>>;
}

impl LinalgFloat for f64 {
    #[inline]
    fn lit(x: f64) -> Self {
        x
    }
    #[inline]
    fn to_f64_lossless(self) -> f64 {
        self
    }
    fn complex_matmul(
        a: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
        b: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
    ) -> ndarray::Array2<num_complex::Complex<Self>> {
        crate::products::matmul_unchecked(a, b)
    }
}

impl LinalgFloat for f32 {
    #[inline]
    fn lit(x: f64) -> Self {
        x as f32
    }
    #[inline]
    fn to_f64_lossless(self) -> f64 {
        f64::from(self)
    }
    fn complex_matmul(
        a: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
        b: ndarray::ArrayView2<'_, num_complex::Complex<Self>>,
    ) -> ndarray::Array2<num_complex::Complex<Self>> {
        crate::products::matmul_unchecked(a, b)
    }
}

/// faer's global parallelism (rayon over all cores unless the user changed it).
#[inline]
pub(crate) fn par() -> Par {
    faer::get_global_parallelism()
}

/// How many threads a kernel gets, by its size and the machine's load (see the module).
#[path = "parallel.rs"]
pub(crate) mod parallel;

/// Views an ndarray matrix as a faer matrix, without copying.
#[allow(unsafe_code)]
pub(crate) fn as_faer<'a, T>(a: ArrayView2<'a, T>) -> MatRef<'a, T> {
    let (m, n) = a.dim();
    let s = a.strides();
    let (rs, cs) = (s[0], s[1]);
    let ptr = a.as_ptr();
    // SAFETY: `ptr` points at element [0, 0] of a live ndarray view that is borrowed for 'a;
    // every element (i, j) with i < m, j < n lives at `ptr + i*rs + j*cs` inside that view's
    // allocation (ndarray's own invariant, negative strides included); ndarray pointers are
    // non-null and aligned even for empty arrays; a shared view permits no writes during 'a.
    unsafe { MatRef::from_raw_parts(ptr, m, n, rs, cs) }
}

/// Views a mutable ndarray matrix as a mutable faer matrix, without copying.
#[allow(unsafe_code)]
pub(crate) fn as_faer_mut<'a, T>(mut a: ArrayViewMut2<'a, T>) -> MatMut<'a, T> {
    let (m, n) = a.dim();
    let s = a.strides();
    let (rs, cs) = (s[0], s[1]);
    let ptr = a.as_mut_ptr();
    // SAFETY: as in `as_faer`; in addition a mutable ndarray view is the unique borrow of its
    // elements for 'a and never aliases two indices to one address (ndarray rejects such
    // strides for owned and mutable arrays), which is what faer requires of a `MatMut`.
    unsafe { MatMut::from_raw_parts_mut(ptr, m, n, rs, cs) }
}

/// An uninitialised-free Fortran-order (column-major) matrix of zeros, the layout faer's
/// kernels prefer for outputs (as LAPACK's, and SciPy's results are Fortran-ordered too).
///
/// Large buffers are backed by transparent huge pages, as NumPy's (and so SciPy's outputs and
/// LAPACK workspaces) are: a fresh 8 MB matrix written 4 KiB page by page costs ~2,000 page
/// faults, 10-20% of a 1000×1000 inverse.
pub(crate) fn zeros_f<T: Clone + num_traits::Zero>(m: usize, n: usize) -> Array2<T> {
    Array2::from_shape_vec((m, n).f(), sci_array::alloc::zeroed_vec(m * n)).expect("m * n elements")
}

/// As [`zeros_f`], in C (row-major) order.
pub(crate) fn zeros_c<T: Clone + num_traits::Zero>(m: usize, n: usize) -> Array2<T> {
    Array2::from_shape_vec((m, n), sci_array::alloc::zeroed_vec(m * n)).expect("m * n elements")
}

/// Copies any ndarray matrix into a new Fortran-order one (the working copy that LAPACK-style
/// in-place factorizations overwrite), huge-page backed when large (see [`zeros_f`]).
pub(crate) fn to_fortran<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Array2<T> {
    let (m, n) = a.dim();
    if let Some(src) = a.t().as_slice() {
        // Already column-major and contiguous: one copy into fresh memory, no zero-fill.
        let mut v = Vec::with_capacity(m * n);
        sci_array::alloc::advise_huge(v.spare_capacity_mut());
        v.extend_from_slice(src);
        return Array2::from_shape_vec((m, n).f(), v).expect("m * n elements");
    }
    let mut out = zeros_f(m, n);
    out.assign(a);
    out
}

/// [`to_fortran`] and SciPy's `check_finite=True` ([`check_finite`]) in one pass over `a`:
/// each stretch of the copy is checked while it is in the cache, where checking first and
/// copying after read a large `a` from memory twice (a 1000 × 1000 matrix: 1.2-1.6 ms of
/// checking a cold `a`, then 0.9 ms of copying it, before a 15-20 ms LU).
pub(crate) fn to_fortran_finite<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    arg: &'static str,
) -> Result<Array2<T>> {
    /// Values copied and checked at a time: 32 KiB of `f64`, well inside L1 and L2.
    const STRETCH: usize = 4096;
    let finite = |x: &[T]| x.iter().fold(true, |ok, v| ok & v.finite());
    let (m, n) = a.dim();
    if let Some(src) = a.t().as_slice() {
        let mut v = Vec::with_capacity(m * n);
        sci_array::alloc::advise_huge(v.spare_capacity_mut());
        for part in src.chunks(STRETCH) {
            v.extend_from_slice(part);
            if !finite(&v[v.len() - part.len()..]) {
                return Err(LinalgError::NonFinite { arg });
            }
        }
        return Ok(Array2::from_shape_vec((m, n).f(), v).expect("m * n elements"));
    }
    let mut out = zeros_f(m, n);
    let cols = (STRETCH / m.max(1)).max(1);
    for j in (0..n).step_by(cols) {
        let j1 = (j + cols).min(n);
        let mut to = out.slice_mut(ndarray::s![.., j..j1]);
        to.assign(&a.slice(ndarray::s![.., j..j1]));
        if !finite(
            to.as_slice_memory_order().expect("whole columns of a Fortran-order matrix are contiguous"),
        ) {
            return Err(LinalgError::NonFinite { arg });
        }
    }
    Ok(out)
}

/// [`to_fortran_finite`] of `a`, or of `aᵀ` when `transpose` allows it and `a` is row-major
/// (whose Fortran-order copy is then a plain memcpy, not a transposing one); returns the copy
/// and whether it is `aᵀ`'s.
pub(crate) fn to_fortran_either_finite<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    transpose: bool,
    arg: &'static str,
) -> Result<(Array2<T>, bool)> {
    if transpose && a.is_standard_layout() && a.nrows() > 1 {
        Ok((to_fortran_finite(&a.t(), arg)?, true))
    } else {
        Ok((to_fortran_finite(a, arg)?, false))
    }
}

/// SciPy's `check_finite=True`: NaN or infinity anywhere is an error naming the argument.
pub(crate) fn check_finite<T, S, D>(a: &ArrayBase<S, D>, arg: &'static str) -> Result<()>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    if a.iter().all(|x| x.finite()) { Ok(()) } else { Err(LinalgError::NonFinite { arg }) }
}

/// Checks that `a` is square.
pub(crate) fn check_square<T, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, arg: &'static str) -> Result<usize> {
    if a.nrows() == a.ncols() {
        Ok(a.nrows())
    } else {
        Err(LinalgError::NotSquare { arg, shape: a.shape().to_vec() })
    }
}

/// The checks every square-matrix routine starts with: square, then finite.
pub(crate) fn check_square_finite<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    arg: &'static str,
) -> Result<usize> {
    let n = check_square(a, arg)?;
    check_finite(a, arg)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{array, s};

    #[test]
    fn views_round_trip_with_any_strides() {
        let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]];
        for v in [a.view(), a.t(), a.slice(s![..;2, ..;-1]), a.slice(s![1.., ..;-2])] {
            let f = as_faer(v);
            assert_eq!((f.nrows(), f.ncols()), v.dim());
            for ((i, j), x) in v.indexed_iter() {
                assert_eq!(f[(i, j)], *x);
            }
        }
    }

    #[test]
    fn empty_views_are_fine() {
        let a = Array2::<f64>::zeros((0, 3));
        let f = as_faer(a.view());
        assert_eq!((f.nrows(), f.ncols()), (0, 3));
    }

    #[test]
    fn checks() {
        let a = array![[1.0, f64::NAN]];
        assert_eq!(check_square(&a, "a"), Err(LinalgError::NotSquare { arg: "a", shape: vec![1, 2] }));
        assert_eq!(check_finite(&a, "a"), Err(LinalgError::NonFinite { arg: "a" }));
        assert_eq!(check_square_finite(&array![[1.0]], "a"), Ok(1));
    }

    /// The fused copy equals `to_fortran`'s for every layout, and a NaN or infinity anywhere
    /// (in the first stretch, a later one, the last value; contiguous or strided source) is the
    /// error `check_finite` gives.
    #[test]
    fn checked_copy_is_the_copy_or_the_finiteness_error() {
        let a = Array2::from_shape_fn((70, 130), |(i, j)| (i * 131 + j) as f64 * 0.5);
        let views = [a.view(), a.t(), a.slice(s![..;2, 1..;3]), a.slice(s![.., ..;-1])];
        for v in views {
            let copy = to_fortran_finite(&v, "x").unwrap();
            assert_eq!(copy, to_fortran(&v));
            assert!(copy.t().is_standard_layout());
        }
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for at in [(0, 0), (40, 100), (69, 129), (3, 127)] {
                let mut b = a.clone();
                b[at] = bad;
                for v in [b.view(), b.t(), b.slice(s![.., ..;-1])] {
                    assert_eq!(
                        to_fortran_finite(&v, "x"),
                        Err(LinalgError::NonFinite { arg: "x" }),
                        "{at:?}"
                    );
                }
                let mut f = a.t().to_owned();
                f[[at.1, at.0]] = bad;
                assert_eq!(to_fortran_finite(&f.t(), "y"), Err(LinalgError::NonFinite { arg: "y" }));
            }
        }
        let empty = Array2::<f64>::zeros((0, 4));
        assert_eq!(to_fortran_finite(&empty, "x").unwrap().dim(), (0, 4));
    }
}

//! Strided views and memory layout: NumPy's `sliding_window_view`, `as_strided`, `info` and
//! byte strides.
//!
//! Strides are reported in **bytes**, as NumPy does (`a.strides`), by [`strides_bytes`] and
//! [`info`]; ndarray's own `strides()` counts elements.

use crate::error::{ArrayError, Result, normalize_axis};
use ndarray::{ArrayBase, ArrayViewD, Axis, Data, Dimension, IxDyn, RawData, ShapeBuilder};
use std::fmt;

/// Builds a read-only view from a base pointer, shape and element strides of any sign.
///
/// # Safety
///
/// Every element reachable from `ptr` with `shape` and `strides` must lie inside one
/// allocation that is borrowed (immutably) for `'a`.
#[allow(unsafe_code)]
pub(crate) unsafe fn view_from_parts<'a, T>(
    ptr: *const T,
    shape: &[usize],
    strides: &[isize],
) -> ArrayViewD<'a, T> {
    let empty = shape.contains(&0);
    // `from_shape_ptr` needs non-negative strides: start from the lowest address instead and
    // flip the affected axes back afterwards (a safe view operation).
    let mut base = ptr;
    let mut pos = Vec::with_capacity(strides.len());
    let mut flipped = Vec::new();
    for (i, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        if s < 0 && !empty {
            // SAFETY: the caller guarantees that the element at index n - 1 along this axis is
            // inside the borrowed allocation, so the offset stays in bounds.
            base = unsafe { base.offset(s * (n as isize - 1)) };
            flipped.push(i);
        }
        pos.push(s.unsigned_abs());
    }
    // SAFETY: all reachable elements are in the borrowed allocation (caller's contract), the
    // strides are now non-negative, `base` is aligned and non-null because it derives from a
    // live array's pointer. The view is read-only, so overlapping elements are fine.
    let mut v = unsafe { ArrayViewD::from_shape_ptr(IxDyn(shape).strides(IxDyn(&pos)), base) };
    for i in flipped {
        v.invert_axis(Axis(i));
    }
    v
}

/// A zero-copy view of all sliding windows of `window_shape` over the given `axes` (all axes
/// when `None`, then `window_shape` has one entry per axis; an axis may be listed twice).
///
/// The result has the input's axes, each windowed axis shrunk by `window - 1`, followed by one
/// axis per window dimension, exactly as NumPy lays it out. No element is copied; windows
/// overlap in memory. Works with non-contiguous and negative-stride inputs.
///
/// NumPy equivalent: `numpy.lib.stride_tricks.sliding_window_view(x, window_shape, axis)`.
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `window_shape` and `axes` (or `ndim`) differ in length,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis, [`ArrayError::InvalidValue`] when a window
/// is larger than the axis ("window shape cannot be larger than input array shape").
///
/// # Examples
///
/// The heat-equation stencil `u[i-1] - 2 u[i] + u[i+1]` on every interior point:
///
/// ```
/// use sci_array::sliding_window_view;
/// use sci_array::ndarray::{array, Axis};
/// let z = array![0.0, 1.0, 4.0, 9.0, 16.0];
/// let w = sliding_window_view(&z, &[3], None).unwrap();
/// assert_eq!(w.shape(), &[3, 3]);
/// assert_eq!(w.index_axis(Axis(0), 1), array![1.0, 4.0, 9.0].into_dyn());
/// let lap = (&w * &array![1.0, -2.0, 1.0]).sum_axis(Axis(1));
/// assert_eq!(lap, array![2.0, 2.0, 2.0].into_dyn());
/// ```
pub fn sliding_window_view<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    window_shape: &[usize],
    axes: Option<&[isize]>,
) -> Result<ArrayViewD<'a, T>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    let axes: Vec<usize> = match axes {
        None => {
            if window_shape.len() != nd {
                return Err(ArrayError::LengthMismatch {
                    a: "window_shape",
                    b: "x.shape (since axis was not given)",
                    len_a: window_shape.len(),
                    len_b: nd,
                });
            }
            (0..nd).collect()
        }
        Some(ax) => {
            if ax.len() != window_shape.len() {
                return Err(ArrayError::LengthMismatch {
                    a: "window_shape",
                    b: "axis",
                    len_a: window_shape.len(),
                    len_b: ax.len(),
                });
            }
            ax.iter().map(|&x| normalize_axis(x, nd, "axis")).collect::<Result<_>>()?
        }
    };
    let mut shape = a.shape().to_vec();
    for (&ax, &w) in axes.iter().zip(window_shape) {
        if shape[ax] < w {
            return Err(ArrayError::InvalidValue {
                arg: "window_shape",
                reason: format!(
                    "window shape cannot be larger than input array shape (window {w} along axis {ax} of \
                     length {})",
                    shape[ax]
                ),
            });
        }
        shape[ax] = shape[ax] + 1 - w;
    }
    let base: Vec<isize> = a.strides().to_vec();
    let mut strides = base.clone();
    shape.extend_from_slice(window_shape);
    strides.extend(axes.iter().map(|&ax| base[ax]));
    // SAFETY: the view borrows `a` for 'a. Along each windowed axis the largest reachable
    // index is (len - w) + (w - 1) = len - 1 (summed over repeated entries of one axis, the
    // shrinking keeps the total within len - 1), so every reachable element is an element of
    // `a`; for an empty result nothing is reachable.
    #[allow(unsafe_code)]
    let v = unsafe { view_from_parts(a.as_ptr(), &shape, &strides) };
    Ok(v)
}

/// Creates a view with the given shape and **byte** strides (NumPy's convention) over the
/// memory of `a`, starting at its first element.
///
/// Strides may be zero or negative. Most users want [`sliding_window_view`] or ndarray's
/// `broadcast` instead, which cannot go out of bounds.
///
/// NumPy equivalent: `numpy.lib.stride_tricks.as_strided(x, shape, strides)` (always
/// read-only here).
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `shape` and `strides` differ in length,
/// [`ArrayError::InvalidValue`] when a stride is not a multiple of the item size.
///
/// # Safety
///
/// Every element reachable with `shape` and `strides` from the first element of `a` must be
/// an element of `a`'s underlying allocation. Violating this reads out of bounds (NumPy has
/// the same hazard, but there it is not even marked).
///
/// # Examples
///
/// ```
/// use sci_array::{as_strided, strides_bytes};
/// use sci_array::ndarray::array;
/// let x = array![1i64, 2, 3, 4, 5];
/// // Overlapping pairs: strides (8, 8) bytes.
/// // SAFETY: the largest reachable index is 3 + 1 = 4 < 5.
/// let v = unsafe { as_strided(&x, &[4, 2], &[8, 8]) }.unwrap();
/// assert_eq!(v, array![[1, 2], [2, 3], [3, 4], [4, 5]].into_dyn());
/// assert_eq!(strides_bytes(&v), vec![8, 8]);
/// ```
#[allow(unsafe_code)]
pub unsafe fn as_strided<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    shape: &[usize],
    strides: &[isize],
) -> Result<ArrayViewD<'a, T>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    if shape.len() != strides.len() {
        return Err(ArrayError::LengthMismatch {
            a: "shape",
            b: "strides",
            len_a: shape.len(),
            len_b: strides.len(),
        });
    }
    let size = std::mem::size_of::<T>() as isize;
    let mut elem = Vec::with_capacity(strides.len());
    for &s in strides {
        if size == 0 {
            elem.push(0);
        } else if s % size != 0 {
            return Err(ArrayError::InvalidValue {
                arg: "strides",
                reason: format!("stride {s} is not a multiple of the item size {size}"),
            });
        } else {
            elem.push(s / size);
        }
    }
    // SAFETY: forwarded to the caller (see `# Safety`).
    Ok(unsafe { view_from_parts(a.as_ptr(), shape, &elem) })
}

/// Strides in **bytes**, as NumPy's `ndarray.strides` (ndarray's `strides()` counts elements).
///
/// NumPy equivalent: `numpy.ndarray.strides`.
///
/// # Examples
///
/// ```
/// use sci_array::strides_bytes;
/// use sci_array::ndarray::{Array3, ShapeBuilder};
/// let c = Array3::<i64>::zeros((2, 3, 4));
/// assert_eq!(strides_bytes(&c), vec![96, 32, 8]);
/// let f = Array3::<i64>::zeros((2, 3, 4).f());
/// assert_eq!(strides_bytes(&f), vec![8, 16, 48]);
/// ```
pub fn strides_bytes<S: RawData, D: Dimension>(a: &ArrayBase<S, D>) -> Vec<isize> {
    let size = std::mem::size_of::<S::Elem>() as isize;
    a.strides().iter().map(|&s| s * size).collect()
}

/// NumPy's name for a Rust element type (`i64` -> `"int64"`), or Rust's type name for others.
fn dtype_name<T>() -> String {
    let rust = std::any::type_name::<T>();
    let numpy = match rust {
        "bool" => "bool",
        "i8" => "int8",
        "i16" => "int16",
        "i32" => "int32",
        "i64" => "int64",
        "u8" => "uint8",
        "u16" => "uint16",
        "u32" => "uint32",
        "u64" => "uint64",
        "isize" => "intp",
        "usize" => "uintp",
        "f32" => "float32",
        "f64" => "float64",
        "num_complex::Complex<f32>" => "complex64",
        "num_complex::Complex<f64>" => "complex128",
        other => other,
    };
    numpy.to_string()
}

/// Memory-layout facts about an array, as NumPy's `ndarray.flags`, `strides`, `itemsize`,
/// `nbytes` and `numpy.info` show them. Displayed in the style of `numpy.info`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrayInfo {
    /// Axis lengths.
    pub shape: Vec<usize>,
    /// NumPy's name of the element type (`"int64"`, `"float64"`, `"complex128"`, ...), or the
    /// Rust type name for other element types.
    pub dtype: String,
    /// Strides in bytes (NumPy convention).
    pub strides: Vec<isize>,
    /// Size of one element in bytes.
    pub itemsize: usize,
    /// Bytes spanned by the elements: `len * itemsize`.
    pub nbytes: usize,
    /// Row-major contiguous (`flags.c_contiguous`; axes of length 1 are ignored, as in NumPy).
    pub c_contiguous: bool,
    /// Column-major contiguous (`flags.f_contiguous`).
    pub f_contiguous: bool,
    /// True for owned arrays (`Array`, `ArcArray`), false for views and `CowArray`
    /// (`flags.owndata`).
    pub owndata: bool,
}

impl fmt::Display for ArrayInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tuple = |v: Vec<String>| {
            if v.len() == 1 { format!("({},)", v[0]) } else { format!("({})", v.join(", ")) }
        };
        let py = |b: bool| if b { "True" } else { "False" };
        writeln!(f, "class:  ndarray")?;
        writeln!(f, "shape:  {}", tuple(self.shape.iter().map(ToString::to_string).collect()))?;
        writeln!(f, "strides:  {}", tuple(self.strides.iter().map(ToString::to_string).collect()))?;
        writeln!(f, "itemsize:  {}", self.itemsize)?;
        writeln!(f, "nbytes:  {}", self.nbytes)?;
        writeln!(f, "contiguous:  {}", py(self.c_contiguous))?;
        writeln!(f, "fortran:  {}", py(self.f_contiguous))?;
        writeln!(f, "owndata:  {}", py(self.owndata))?;
        write!(f, "type: {}", self.dtype)
    }
}

/// Layout information about `a`: shape, element type, byte strides, contiguity, ownership,
/// item size and total bytes.
///
/// NumPy equivalent: `numpy.info(a)` / `a.flags`, `a.strides`, `a.itemsize`, `a.nbytes`.
///
/// # Examples
///
/// ```
/// use sci_array::info;
/// use sci_array::ndarray::Array3;
/// let a = Array3::<i64>::zeros((2, 3, 4));
/// let i = info(&a);
/// assert_eq!(i.strides, vec![96, 32, 8]);
/// assert_eq!((i.itemsize, i.nbytes), (8, 192));
/// assert!(i.c_contiguous && !i.f_contiguous && i.owndata);
/// assert_eq!(i.dtype, "int64");
/// let t = a.t();
/// let j = info(&t);
/// assert_eq!(j.strides, vec![8, 32, 96]);
/// assert!(!j.c_contiguous && j.f_contiguous && !j.owndata);
/// assert!(j.to_string().contains("strides:  (8, 32, 96)"));
/// ```
pub fn info<T, S, D>(a: &ArrayBase<S, D>) -> ArrayInfo
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let storage = std::any::type_name::<S>();
    let itemsize = std::mem::size_of::<T>();
    ArrayInfo {
        shape: a.shape().to_vec(),
        dtype: dtype_name::<T>(),
        strides: strides_bytes(a),
        itemsize,
        nbytes: a.len() * itemsize,
        c_contiguous: a.is_standard_layout(),
        f_contiguous: a.t().is_standard_layout(),
        owndata: storage.contains("OwnedRepr") || storage.contains("OwnedArcRepr"),
    }
}

/// A view of the diagonal with offset `offset` of the 2-d sub-arrays spanned by `axis1` and
/// `axis2`: those two axes are removed and the diagonal becomes the last axis, as in NumPy.
/// Zero copy; negative strides and non-contiguous inputs work.
///
/// NumPy equivalent: `numpy.diagonal(a, offset, axis1, axis2)` (read-only view, as NumPy's).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for fewer than 2 dimensions or equal axes,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::diagonal;
/// use sci_array::ndarray::{array, Array3};
/// let a = array![[0, 1, 2], [3, 4, 5], [6, 7, 8]];
/// assert_eq!(diagonal(&a, 0, 0, 1).unwrap(), array![0, 4, 8].into_dyn());
/// assert_eq!(diagonal(&a, 1, 0, 1).unwrap(), array![1, 5].into_dyn());
/// assert_eq!(diagonal(&a, -2, 0, 1).unwrap(), array![6].into_dyn());
/// let b = Array3::from_shape_fn((2, 2, 2), |(i, j, k)| 100 * i + 10 * j + k);
/// assert_eq!(diagonal(&b, 0, 0, 1).unwrap(), array![[0, 110], [1, 111]].into_dyn());
/// ```
pub fn diagonal<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> Result<ArrayViewD<'a, T>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    if nd < 2 {
        return Err(ArrayError::InvalidValue {
            arg: "a",
            reason: "diag requires an array of at least two dimensions".into(),
        });
    }
    let (ax1, ax2) = (normalize_axis(axis1, nd, "axis1")?, normalize_axis(axis2, nd, "axis2")?);
    if ax1 == ax2 {
        return Err(ArrayError::InvalidValue {
            arg: "axis2",
            reason: "axis1 and axis2 cannot be the same".into(),
        });
    }
    let mut v = a.view().into_dyn();
    // Shift the start of the diagonal (clamped: a too-large offset gives an empty diagonal).
    let (cut_ax, cut) = if offset >= 0 { (ax2, offset.unsigned_abs()) } else { (ax1, offset.unsigned_abs()) };
    let cut = cut.min(v.len_of(Axis(cut_ax)));
    v.slice_axis_inplace(Axis(cut_ax), ndarray::Slice::from(cut..));
    let len = v.len_of(Axis(ax1)).min(v.len_of(Axis(ax2)));
    let mut shape = Vec::with_capacity(nd - 1);
    let mut strides = Vec::with_capacity(nd - 1);
    for k in (0..nd).filter(|&k| k != ax1 && k != ax2) {
        shape.push(v.len_of(Axis(k)));
        strides.push(v.stride_of(Axis(k)));
    }
    shape.push(len);
    strides.push(v.stride_of(Axis(ax1)) + v.stride_of(Axis(ax2)));
    // SAFETY: the view borrows `a` for 'a; element (o..., i) is element (o..., i, i) of the
    // sliced view `v` (i < len fits both axes), so every reachable element belongs to `a`.
    #[allow(unsafe_code)]
    let d = unsafe { view_from_parts(v.as_ptr(), &shape, &strides) };
    Ok(d)
}

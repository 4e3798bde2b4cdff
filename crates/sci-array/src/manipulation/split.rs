//! Splitting arrays into views: `split`, `array_split`, `hsplit`, `vsplit`, `dsplit`.

use crate::error::{ArrayError, Result, normalize_axis};
use ndarray::{ArrayBase, ArrayView, Axis, Data, Dimension, Slice};

/// How to split an array: NumPy's `indices_or_sections` argument.
///
/// # Examples
///
/// ```
/// use sci_array::Sections;
/// let s = Sections::Indices(vec![3, 5]);
/// assert_ne!(s, Sections::Count(3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sections {
    /// Split into this many pieces (`indices_or_sections = N`).
    Count(usize),
    /// Split before each of these indices along the axis; negative indices count from the end
    /// and out-of-range indices give empty pieces, as with Python slicing.
    Indices(Vec<isize>),
}

fn pieces<'a, T, D: Dimension>(
    v: ArrayView<'a, T, D>,
    ax: usize,
    bounds: &[(usize, usize)],
) -> Vec<ArrayView<'a, T, D>> {
    bounds.iter().map(|&(s, e)| v.clone().slice_axis_move(Axis(ax), Slice::from(s..e.max(s)))).collect()
}

/// Python slice bound normalization: negative counts from the end, then clipped to `0..=n`.
fn clip_index(i: isize, n: usize) -> usize {
    let n = n as isize;
    (if i < 0 { i + n } else { i }).clamp(0, n) as usize
}

fn split_impl<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    sections: &Sections,
    axis: isize,
    equal: bool,
) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let n = a.len_of(Axis(ax));
    let bounds: Vec<(usize, usize)> = match sections {
        Sections::Count(0) => {
            return Err(ArrayError::InvalidValue {
                arg: "indices_or_sections",
                reason: "number sections must be larger than 0.".into(),
            });
        }
        Sections::Count(k) => {
            let k = *k;
            if equal && !n.is_multiple_of(k) {
                return Err(ArrayError::InvalidValue {
                    arg: "indices_or_sections",
                    reason: "array split does not result in an equal division".into(),
                });
            }
            let (each, extras) = (n / k, n % k);
            let mut start = 0;
            (0..k)
                .map(|i| {
                    let len = each + usize::from(i < extras);
                    let b = (start, start + len);
                    start += len;
                    b
                })
                .collect()
        }
        Sections::Indices(idx) => {
            let mut prev = 0usize;
            let mut out = Vec::with_capacity(idx.len() + 1);
            for &i in idx {
                let e = clip_index(i, n);
                out.push((prev, e));
                prev = e;
            }
            out.push((prev, n));
            out
        }
    };
    Ok(pieces(a.view(), ax, &bounds))
}

/// Splits an array into views along `axis`: into `Count(N)` equal pieces, or before each of
/// the given indices.
///
/// NumPy equivalent: `numpy.split(ary, indices_or_sections, axis)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `Count(N)` does not divide the axis length ("array split
/// does not result in an equal division") or `N == 0`; [`ArrayError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_array::{split, Sections};
/// use sci_array::ndarray::{array, Array1};
/// let x = Array1::from_iter(0..8);
/// let p = split(&x, &Sections::Indices(vec![3, 5, 6, 10]), 0).unwrap();
/// assert_eq!(p[0], array![0, 1, 2]);
/// assert_eq!(p[3], array![6, 7]);
/// assert_eq!(p[4].len(), 0);
/// assert!(split(&x, &Sections::Count(3), 0).is_err());
/// ```
pub fn split<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    sections: &Sections,
    axis: isize,
) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    split_impl(a, sections, axis, true)
}

/// Like [`split`], but `Count(N)` need not divide the axis length: the first `len % N` pieces
/// get one extra element.
///
/// NumPy equivalent: `numpy.array_split`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for `Count(0)`; [`ArrayError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_array::{array_split, Sections};
/// use sci_array::ndarray::{array, Array1};
/// let x = Array1::from_iter(0..8);
/// let p = array_split(&x, &Sections::Count(3), 0).unwrap();
/// assert_eq!(p[0], array![0, 1, 2]);
/// assert_eq!(p[1], array![3, 4, 5]);
/// assert_eq!(p[2], array![6, 7]);
/// ```
pub fn array_split<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    sections: &Sections,
    axis: isize,
) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    split_impl(a, sections, axis, false)
}

fn need_ndim<S: Data, D: Dimension>(a: &ArrayBase<S, D>, n: usize, what: &str) -> Result<()> {
    if a.ndim() < n {
        return Err(ArrayError::InvalidValue {
            arg: "ary",
            reason: format!("{what} only works on arrays of {n} or more dimensions"),
        });
    }
    Ok(())
}

/// Splits horizontally: along axis 1, or axis 0 for 1-d arrays.
///
/// NumPy equivalent: `numpy.hsplit`.
///
/// # Errors
///
/// As [`split`]; [`ArrayError::InvalidValue`] for a 0-d array.
///
/// # Examples
///
/// ```
/// use sci_array::{hsplit, Sections};
/// use sci_array::ndarray::array;
/// let x = array![[1, 2, 3, 4], [5, 6, 7, 8]];
/// let p = hsplit(&x, &Sections::Count(2)).unwrap();
/// assert_eq!(p[1], array![[3, 4], [7, 8]]);
/// ```
pub fn hsplit<'a, T, S, D>(a: &'a ArrayBase<S, D>, sections: &Sections) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    need_ndim(a, 1, "hsplit")?;
    split(a, sections, if a.ndim() > 1 { 1 } else { 0 })
}

/// Splits vertically (along axis 0) an array of at least 2 dimensions.
///
/// NumPy equivalent: `numpy.vsplit`.
///
/// # Errors
///
/// As [`split`]; [`ArrayError::InvalidValue`] for fewer than 2 dimensions.
///
/// # Examples
///
/// ```
/// use sci_array::{vsplit, Sections};
/// use sci_array::ndarray::array;
/// let x = array![[1, 2], [3, 4]];
/// assert_eq!(vsplit(&x, &Sections::Count(2)).unwrap()[1], array![[3, 4]]);
/// ```
pub fn vsplit<'a, T, S, D>(a: &'a ArrayBase<S, D>, sections: &Sections) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    need_ndim(a, 2, "vsplit")?;
    split(a, sections, 0)
}

/// Splits depth wise (along axis 2) an array of at least 3 dimensions.
///
/// NumPy equivalent: `numpy.dsplit`.
///
/// # Errors
///
/// As [`split`]; [`ArrayError::InvalidValue`] for fewer than 3 dimensions.
///
/// # Examples
///
/// ```
/// use sci_array::{dsplit, Sections};
/// use sci_array::ndarray::Array3;
/// let x = Array3::<f64>::zeros((2, 2, 4));
/// assert_eq!(dsplit(&x, &Sections::Count(2)).unwrap()[0].shape(), &[2, 2, 2]);
/// ```
pub fn dsplit<'a, T, S, D>(a: &'a ArrayBase<S, D>, sections: &Sections) -> Result<Vec<ArrayView<'a, T, D>>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    need_ndim(a, 3, "dsplit")?;
    split(a, sections, 2)
}

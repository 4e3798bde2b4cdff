//! Structuring elements: `generate_binary_structure`, `iterate_structure`.

use crate::error::{Result, invalid};
use crate::morphology::binary::{BinaryOptions, binary_dilation};
use crate::support::try_filled;
use sci_array::ndarray::{ArrayBase, ArrayD, Axis, Data, Dimension, Slice};

/// Generate a binary structure for morphological operations: the `3^rank` cube whose
/// elements are within `connectivity` (squared-distance steps) of the centre.
///
/// `connectivity < 1` is taken as 1 and `rank == 0` gives the 0-d array `true`, as SciPy.
///
/// SciPy equivalent: `scipy.ndimage.generate_binary_structure`.
///
/// # Errors
///
/// As NumPy under SciPy's call: `rank` above 64 ("maximum supported dimension for an
/// ndarray is 64"), and a `3^rank` cube too big to allocate (`MemoryError`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::generate_binary_structure;
/// use sci_ndimage::sci_array::ndarray::array;
/// let s = generate_binary_structure(2, 1).unwrap();
/// assert_eq!(s, array![[false, true, false], [true, true, true], [false, true, false]].into_dyn());
/// assert!(generate_binary_structure(3, 3).unwrap().iter().all(|&b| b));
/// assert!(generate_binary_structure(65, 1).is_err());
/// ```
pub fn generate_binary_structure(rank: usize, connectivity: usize) -> Result<ArrayD<bool>> {
    if rank > MAX_DIMS {
        return Err(invalid(
            "rank",
            format!("maximum supported dimension for an ndarray is {MAX_DIMS}, found {rank}"),
        ));
    }
    let c = connectivity.max(1);
    let mut s = try_filled(&vec![3; rank], false, "rank")?;
    for (idx, v) in s.indexed_iter_mut() {
        *v = (0..rank).filter(|&d| idx[d] != 1).count() <= c;
    }
    Ok(s)
}

/// NumPy's largest number of dimensions (`NPY_MAXDIMS`).
const MAX_DIMS: usize = 64;

/// Iterate a structure by dilating it with itself `iterations - 1` times.
///
/// The result has shape `s + (iterations - 1) * (s - 1)` along each axis; `iterations < 2`
/// returns a boolean copy.
///
/// SciPy equivalent: `scipy.ndimage.iterate_structure` (with `origin`:
/// [`iterate_structure_origin`]).
///
/// # Errors
///
/// A structure with an empty axis.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{generate_binary_structure, iterate_structure};
/// let s = iterate_structure(&generate_binary_structure(2, 1).unwrap(), 2).unwrap();
/// assert_eq!(s.shape(), &[5, 5]);
/// assert_eq!(s.iter().filter(|&&b| b).count(), 13);
/// ```
pub fn iterate_structure<S, D>(structure: &ArrayBase<S, D>, iterations: usize) -> Result<ArrayD<bool>>
where
    S: Data<Elem = bool>,
    D: Dimension,
{
    let st = structure.to_owned().into_dyn();
    if iterations < 2 {
        return Ok(st);
    }
    if st.is_empty() {
        return Err(invalid("structure", "structure must not be empty"));
    }
    let ni = iterations - 1;
    let shape: Option<Vec<usize>> =
        st.shape().iter().map(|&s| ni.checked_mul(s - 1).and_then(|g| g.checked_add(s))).collect();
    let shape = shape.ok_or_else(|| invalid("iterations", "Maximum allowed dimension exceeded"))?;
    let mut out = try_filled(&shape, false, "iterations")?;
    {
        let mut v = out.view_mut();
        for d in 0..st.ndim() {
            let pos = ni * (st.shape()[d] / 2);
            v.slice_axis_inplace(Axis(d), Slice::from(pos..pos + st.shape()[d]));
        }
        v.assign(&st);
    }
    let opts = BinaryOptions { structure: Some(st), iterations: ni as isize, ..Default::default() };
    binary_dilation(&out, &opts)
}

/// Iterate a structure as [`iterate_structure`] and scale its origin: returns the iterated
/// structure and `iterations * origin` (one value for all axes or one per axis).
///
/// For `iterations < 2` SciPy returns the structure alone; here the origin is then returned
/// unscaled.
///
/// SciPy equivalent: `scipy.ndimage.iterate_structure(structure, iterations, origin)`.
///
/// # Errors
///
/// A structure with an empty axis; `origin` of a length other than 1 or the structure's rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{generate_binary_structure, iterate_structure_origin};
/// let (s, o) = iterate_structure_origin(&generate_binary_structure(2, 1).unwrap(), 3, &[1, -1]).unwrap();
/// assert_eq!(s.shape(), &[7, 7]);
/// assert_eq!(o, vec![3, -3]);
/// ```
pub fn iterate_structure_origin<S, D>(
    structure: &ArrayBase<S, D>,
    iterations: usize,
    origin: &[isize],
) -> Result<(ArrayD<bool>, Vec<isize>)>
where
    S: Data<Elem = bool>,
    D: Dimension,
{
    let o = crate::support::per_axis(origin, structure.ndim(), "origin")?;
    let s = iterate_structure(structure, iterations)?;
    let o = if iterations < 2 {
        o
    } else {
        let scaled: Option<Vec<isize>> =
            o.iter().map(|&v| isize::try_from(iterations).ok().and_then(|n| v.checked_mul(n))).collect();
        scaled.ok_or_else(|| invalid("origin", "the iterated origin does not fit in isize"))?
    };
    Ok((s, o))
}

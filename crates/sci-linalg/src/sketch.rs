//! `clarkson_woodruff_transform`: the CountSketch of a matrix, drawn from NumPy's `Generator`
//! exactly as SciPy draws it.

use ndarray::{Array, ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn, array};
use sci_array::random::{ChoiceOptions, Generator};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;

/// Applies a Clarkson-Woodruff transform (CountSketch) to `input_matrix`: a `(sketch_size, d)`
/// matrix `S A` with `‖A x‖ ≈ ‖S A x‖` with high probability.
///
/// `S` is `(sketch_size, n)` with one non-zero per column: column `j` holds a random sign at a
/// random row. The draws are SciPy's, in SciPy's order: the rows are
/// `rng.integers(0, sketch_size, n)`, then the signs `rng.choice([1, -1], n)`; with the same
/// seed (`default_rng(seed)` here and `numpy.random.default_rng(seed)` there) the sketch is
/// SciPy's exactly. Row `j` of `A` is added to (or subtracted from) row `rows[j]` of the result,
/// for `j` ascending, as `scipy.sparse`'s CSC product does, so floating-point sums agree too.
/// `input_matrix` may carry leading batch axes (`(..., n, d)`): the same `S` is applied to every
/// matrix of the stack, as SciPy. Real and complex dense input (`f32` input is summed in `f32`,
/// where SciPy's `int64` sketch promotes it to `float64`); the result has the input's
/// dimensionality with axis `-2` of length `sketch_size`.
///
/// SciPy equivalent: `scipy.linalg.clarkson_woodruff_transform(input_matrix, sketch_size,
/// rng=rng)` for dense `input_matrix` (sparse input, for which SciPy returns a sparse matrix,
/// is not supported: `sci-array` has no sparse type and this crate does not depend on
/// `sci-sparse`; SciPy's `rng=None`, fresh OS entropy, is a `Generator` the caller creates).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for `input_matrix` with fewer than 2 dimensions; an
/// invalid-value error naming `sketch_size` for `sketch_size = 0` with `n > 0` (NumPy: "high <= 0").
///
/// # Examples
///
/// ```
/// use sci_linalg::clarkson_woodruff_transform;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::random::default_rng;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]];
/// // scipy.linalg.clarkson_woodruff_transform(a, 2, rng=0)
/// let sa = clarkson_woodruff_transform(&a, 2, &mut default_rng(0))?;
/// assert_eq!(sa, array![[7.0, 8.0], [9.0, 12.0]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn clarkson_woodruff_transform<T, S, D>(
    input_matrix: &ArrayBase<S, D>,
    sketch_size: usize,
    rng: &mut Generator,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input_matrix.ndim();
    if nd < 2 {
        return Err(LinalgError::ShapeMismatch {
            arg: "input_matrix",
            expected: "(..., n, d): at least 2 dimensions".into(),
            found: input_matrix.shape().to_vec(),
        });
    }
    let ax = Axis(nd - 2);
    let n = input_matrix.len_of(ax);
    if sketch_size == 0 && n > 0 {
        return Err(invalid("sketch_size", "high <= 0"));
    }
    let high = i64::try_from(sketch_size).map_err(|_| invalid("sketch_size", "too large for int64"))?;
    let rows = rng.integers(0, high, n)?;
    let signs = rng.choice_from(&array![1i64, -1], n, &ChoiceOptions::default())?;
    let a = input_matrix.view().into_dyn();
    let mut shape = a.shape().to_vec();
    shape[nd - 2] = sketch_size;
    let mut out = ArrayD::<T>::zeros(IxDyn(&shape));
    for (j, (&row, &sign)) in rows.iter().zip(&signs).enumerate() {
        let src = a.index_axis(ax, j);
        let mut dst = out.index_axis_mut(ax, row as usize);
        if sign > 0 {
            dst.zip_mut_with(&src, |d, &s| *d += s);
        } else {
            dst.zip_mut_with(&src, |d, &s| *d -= s);
        }
    }
    Ok(out.into_dimensionality::<D>().expect("the input's dimensionality"))
}

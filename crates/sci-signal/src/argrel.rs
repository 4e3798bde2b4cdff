//! Relative extrema: `argrelextrema`, `argrelmax`, `argrelmin`.

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Axis, Data, Dimension, Zip};

/// How [`argrelextrema`] treats the edges, SciPy's `mode` (NumPy's `take` modes).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::ExtremaMode::default(), sci_signal::ExtremaMode::Clip);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExtremaMode {
    /// `'clip'` (default): samples beyond the edges repeat the edge (edges are never extrema).
    #[default]
    Clip,
    /// `'wrap'`: the signal is periodic.
    Wrap,
}

/// Indices (one array per dimension, as `numpy.nonzero`) of the samples of `data` for which
/// `comparator(sample, neighbour)` holds for every neighbour up to `order` away along `axis`.
///
/// SciPy equivalent: `scipy.signal.argrelextrema(data, comparator, axis, order, mode)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `order == 0`;
/// [`SignalError::Array`](crate::SignalError::Array) for an axis out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{argrelextrema, ExtremaMode};
/// let x = array![2.0, 1.0, 2.0, 3.0, 2.0, 0.0, 1.0, 0.0];
/// let idx = argrelextrema(&x, |a: &f64, b: &f64| a > b, 0, 1, ExtremaMode::Clip).unwrap();
/// assert_eq!(idx[0].to_vec(), vec![3, 6]);
/// ```
pub fn argrelextrema<T, S, D, F>(
    data: &ArrayBase<S, D>,
    comparator: F,
    axis: isize,
    order: usize,
    mode: ExtremaMode,
) -> Result<Vec<Array1<usize>>>
where
    S: Data<Elem = T>,
    D: Dimension,
    F: Fn(&T, &T) -> bool,
{
    if order == 0 {
        return Err(invalid("order", "Order must be an int >= 1"));
    }
    let ax = sci_array::normalize_axis(axis, data.ndim(), "axis")?;
    let n = data.len_of(Axis(ax));
    let mut results = ndarray::Array::<bool, D>::from_elem(data.raw_dim(), true);
    if n > 0 {
        let idx = |i: isize| -> usize {
            match mode {
                ExtremaMode::Clip => i.clamp(0, n as isize - 1) as usize,
                ExtremaMode::Wrap => i.rem_euclid(n as isize) as usize,
            }
        };
        Zip::from(data.lanes(Axis(ax))).and(results.lanes_mut(Axis(ax))).for_each(|lane, mut res| {
            for shift in 1..=order as isize {
                for i in 0..n {
                    if res[i] {
                        let v = &lane[i];
                        res[i] = comparator(v, &lane[idx(i as isize + shift)])
                            && comparator(v, &lane[idx(i as isize - shift)]);
                    }
                }
            }
        });
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); data.ndim()];
    for (pos, &r) in results.view().into_dyn().indexed_iter() {
        if r {
            for (d, o) in out.iter_mut().enumerate() {
                o.push(pos[d]);
            }
        }
    }
    Ok(out.into_iter().map(Array1::from).collect())
}

/// Relative maxima of `data` along `axis` (strictly greater than the `order` neighbours on
/// each side): [`argrelextrema`] with `>`.
///
/// SciPy equivalent: `scipy.signal.argrelmax(data, axis, order, mode)`.
///
/// # Errors
///
/// As [`argrelextrema`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{argrelmax, ExtremaMode};
/// let x = array![2.0, 1.0, 2.0, 3.0, 2.0, 0.0, 1.0, 0.0];
/// assert_eq!(argrelmax(&x, 0, 1, ExtremaMode::Clip).unwrap()[0].to_vec(), vec![3, 6]);
/// assert_eq!(argrelmax(&x, 0, 2, ExtremaMode::Clip).unwrap()[0].to_vec(), vec![3]);
/// ```
pub fn argrelmax<T, S, D>(
    data: &ArrayBase<S, D>,
    axis: isize,
    order: usize,
    mode: ExtremaMode,
) -> Result<Vec<Array1<usize>>>
where
    T: PartialOrd,
    S: Data<Elem = T>,
    D: Dimension,
{
    argrelextrema(data, |a: &T, b: &T| a > b, axis, order, mode)
}

/// Relative minima of `data` along `axis`: [`argrelextrema`] with `<`.
///
/// SciPy equivalent: `scipy.signal.argrelmin(data, axis, order, mode)`.
///
/// # Errors
///
/// As [`argrelextrema`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{argrelmin, ExtremaMode};
/// let x = array![2.0, 1.0, 2.0, 3.0, 2.0, 0.0, 1.0, 0.0];
/// assert_eq!(argrelmin(&x, 0, 1, ExtremaMode::Clip).unwrap()[0].to_vec(), vec![1, 5]);
/// assert_eq!(argrelmin(&x, 0, 1, ExtremaMode::Wrap).unwrap()[0].to_vec(), vec![1, 5, 7]);
/// ```
pub fn argrelmin<T, S, D>(
    data: &ArrayBase<S, D>,
    axis: isize,
    order: usize,
    mode: ExtremaMode,
) -> Result<Vec<Array1<usize>>>
where
    T: PartialOrd,
    S: Data<Elem = T>,
    D: Dimension,
{
    argrelextrema(data, |a: &T, b: &T| a < b, axis, order, mode)
}

//! `solve_circulant_with`: SciPy's `solve_circulant` for stacks of circulant systems, with its
//! `caxis`, `baxis` and `outaxis` keyword arguments.

use ndarray::{ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, IxDyn, Zip};
use sci_array::{ArrayError, normalize_axis};

use crate::circulant::{CirculantSingular, Spectrum};
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::check_finite;

/// The keyword arguments of [`solve_circulant_with`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_linalg::{CirculantSingular, SolveCirculantOptions};
/// let o = SolveCirculantOptions::default();
/// assert_eq!((o.singular, o.tol, o.caxis, o.baxis, o.outaxis), (CirculantSingular::Raise, None, -1, 0, 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolveCirculantOptions {
    /// What to do with a (near) singular system (SciPy's `singular`, default `'raise'`).
    pub singular: CirculantSingular,
    /// Eigenvalues of modulus at most `tol` count as zero (SciPy's `tol`); `None` (the
    /// default) is `max |fft(c)| · n · eps` for each circulant matrix of the stack.
    pub tol: Option<f64>,
    /// The axis of `c` holding the first columns (SciPy's `caxis`, default -1).
    pub caxis: isize,
    /// The axis of `b` holding the right-hand sides (SciPy's `baxis`, default 0).
    pub baxis: isize,
    /// The axis of the result holding the solutions (SciPy's `outaxis`, default 0).
    pub outaxis: isize,
}

impl Default for SolveCirculantOptions {
    fn default() -> Self {
        Self { singular: CirculantSingular::Raise, tol: None, caxis: -1, baxis: 0, outaxis: 0 }
    }
}

/// `x`, or a 0-d `x` as a 1-d view of length 1 (NumPy's `atleast_1d`).
fn at_least_1d<T>(x: ArrayViewD<'_, T>) -> ArrayViewD<'_, T> {
    if x.ndim() == 0 { x.insert_axis(Axis(0)) } else { x }
}

/// `x` with `axis` moved to the end (a view).
fn move_last<T>(x: ArrayViewD<'_, T>, axis: usize) -> ArrayViewD<'_, T> {
    let mut order: Vec<usize> = (0..x.ndim()).filter(|&i| i != axis).collect();
    order.push(axis);
    x.permuted_axes(order)
}

/// Solves a stack of circulant systems `C x = b`, `C = circulant(c)`, through the DFT, with
/// SciPy's axis arguments.
///
/// As SciPy: `c`'s axis `caxis` holds the first columns and `b`'s axis `baxis` the right-hand
/// sides (0-d inputs count as 1-d). With those axes moved to the end, the other axes of `c`
/// and `b` are batch axes that broadcast together (NumPy's rules), so one `c` may serve many
/// right-hand sides and one `b` many matrices; the solution axis of the result is then moved
/// to `outaxis`. With the defaults (`caxis=-1`, `baxis=0`, `outaxis=0`) a 1-d `c` and a
/// `(n,)` or `(n, k)` `b` is [`solve_circulant`](crate::solve_circulant). The default
/// tolerance is computed per matrix of the stack; a near-singular matrix anywhere is an error
/// with [`CirculantSingular::Raise`], and with [`CirculantSingular::Lstsq`] each system gets its
/// least-squares solution. An empty `b` gives an empty result of `b`'s shape (SciPy's
/// `np.empty_like(b)`). The result is a view-layout array (the moved axis is not copied
/// into C order).
///
/// SciPy equivalent: `scipy.linalg.solve_circulant(c, b, singular, tol, caxis, baxis,
/// outaxis)` for real or complex `c` and `b` (one element type for both; complex input gives a
/// complex result, real input SciPy's `x.real`; a real `c` with a complex `b` or the reverse is
/// [`solve_circulant_complex_with`](crate::solve_circulant_complex_with)). With
/// `singular='lstsq'` SciPy 1.17 builds its zero mask from
/// `b`'s unmoved shape, which raises a broadcast error for some shapes (e.g. `b` of shape
/// `(4, 3)` and a singular `c` of length 4); here the mask always follows the eigenvalues, so
/// those cases get the least-squares solution.
///
/// # Errors
///
/// [`LinalgError::Array`] with [`ArrayError::AxisOutOfBounds`] for `caxis`, `baxis` or
/// `outaxis`, with [`ArrayError::Broadcast`] when the batch shapes do not broadcast;
/// [`LinalgError::ShapeMismatch`] naming `b` when its `baxis` length differs from `c`'s
/// `caxis` length (SciPy: "Shapes of c (3,) and b (4,) are incompatible");
/// [`LinalgError::NearSingular`] (the eigenvalue's index) with `Raise`;
/// [`LinalgError::NonFinite`]. Empty batch axes of `c` give an empty result, shaped by the
/// same broadcasting (SciPy: `c` of shape `(0, 3)` and `b` of shape `(3,)` give `(3, 0)`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{SolveCirculantOptions, circulant, solve_circulant_with};
/// use sci_linalg::sci_array::ndarray::{array, Ix2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // two circulant matrices (rows of c), one right-hand side: the solutions are the columns
/// let c = array![[2.0, 1.0, 0.0], [1.0, 3.0, 1.0]];
/// let b = array![1.0, 2.0, 3.0];
/// let x = solve_circulant_with(&c, &b, SolveCirculantOptions::default())?;
/// let x = x.into_dimensionality::<Ix2>().unwrap();
/// assert_eq!(x.dim(), (3, 2));
/// for i in 0..2 {
///     assert_allclose(&circulant(&c.row(i)).dot(&x.column(i)), &b, 1e-12, 1e-12);
/// }
/// // the solutions along the last axis instead
/// let y = solve_circulant_with(&c, &b, SolveCirculantOptions { outaxis: -1, ..Default::default() })?;
/// assert_allclose(&y, &x.t().into_dyn(), 1e-15, 0.0);
/// // complex: c along axis 0 (caxis=0), two right-hand sides along the last axis of b
/// use sci_linalg::sci_array::num_complex::Complex64;
/// let z = |re: f64, im: f64| Complex64::new(re, im);
/// let c = array![[z(3.0, 1.0)], [z(0.0, -1.0)], [z(1.0, 0.0)]];
/// let b = array![[z(1.0, 0.0), z(0.0, 2.0)], [z(0.0, 0.0), z(1.0, 1.0)], [z(-1.0, 0.5), z(2.0, 0.0)]];
/// let o = SolveCirculantOptions { caxis: 0, baxis: 0, outaxis: -1, ..Default::default() };
/// let x = solve_circulant_with(&c, &b, o)?.into_dimensionality::<Ix2>().unwrap();
/// assert_allclose(&circulant(&c.column(0)).dot(&x.t()), &b, 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_circulant_with<T, S1, S2, D1, D2>(
    c: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    opts: SolveCirculantOptions,
) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (c0, b0) = (at_least_1d(c.view().into_dyn()), at_least_1d(b.view().into_dyn()));
    let ca = normalize_axis(opts.caxis, c0.ndim(), "caxis")?;
    let ba = normalize_axis(opts.baxis, b0.ndim(), "baxis")?;
    let n = c0.shape()[ca];
    if b0.shape()[ba] != n {
        let expected = format!(
            "length {n} on axis {ba} (baxis), as `c` {:?} on axis {ca} (caxis): shapes of c and b are incompatible",
            c0.shape()
        );
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b0.shape().to_vec() });
    }
    check_finite(&c0, "c")?;
    check_finite(&b0, "b")?;
    if b0.is_empty() {
        return Ok(ArrayD::zeros(b0.raw_dim()));
    }
    let (cm, bm) = (move_last(c0, ca), move_last(b0, ba));
    let (cb, bb) = (&cm.shape()[..cm.ndim() - 1], &bm.shape()[..bm.ndim() - 1]);
    let batch = sci_array::broadcast_shapes(&[cb, bb]).map_err(|_| {
        let shapes = format!("{cb:?} {bb:?} (the batch axes of c {:?} and b {:?})", c.shape(), b.shape());
        LinalgError::Array(ArrayError::Broadcast { shapes })
    })?;
    let last = batch.len();
    let oa = normalize_axis(opts.outaxis, last + 1, "outaxis")?;
    // One spectrum per matrix of c, in C order of c's batch axes.
    let spectra = cm
        .lanes(Axis(cm.ndim() - 1))
        .into_iter()
        .map(|l| Spectrum::new(l, opts.tol, opts.singular))
        .collect::<Result<Vec<_>>>()?;
    let cidx = ArrayD::from_shape_vec(IxDyn(cb), (0..spectra.len()).collect::<Vec<usize>>())
        .expect("one index per matrix of c");
    let cidx = cidx.broadcast(IxDyn(&batch)).expect("c's batch axes broadcast to the batch");
    let full: Vec<usize> = batch.iter().copied().chain([n]).collect();
    let bv = bm.broadcast(IxDyn(&full)).expect("b's batch axes broadcast to the batch");
    let mut out = ArrayD::<T>::zeros(IxDyn(&full));
    Zip::from(out.lanes_mut(Axis(last))).and(bv.lanes(Axis(last))).and(&cidx).for_each(|mut o, bl, &ci| {
        for (o, v) in o.iter_mut().zip(spectra[ci].solve(bl)) {
            *o = v;
        }
    });
    let mut order: Vec<usize> = (0..last).collect();
    order.insert(oa, last);
    Ok(out.permuted_axes(order))
}

//! `unbounded_sol` of `lsq_linear`: what SciPy's unbounded least-squares solver returned.

use super::dense::lstsq_full;
use super::lsmr::LsmrOutcome;
use ndarray::{Array1, Array2};

/// The unbounded least-squares solution `lsq_linear` starts from, with everything its solver
/// returned (SciPy's `unbounded_sol` tuple). Its `x` is the result when it lies inside the
/// bounds (status 3), else the starting point of `'trf'` and `'bvls'`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{lsq_linear, Bounds, LsqLinearOptions, UnboundedSol};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]];
/// let opts = LsqLinearOptions { bounds: Some(Bounds::scalar(0.0, 0.5)), ..Default::default() };
/// let r = lsq_linear(&a, &array![1.0, 4.0, 3.0], &opts)?;
/// // SciPy: r.unbounded_sol = np.linalg.lstsq(A, b, rcond=-1)
/// match &r.unbounded_sol {
///     UnboundedSol::Lstsq { x, rank, s, .. } => {
///         assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12);
///         assert_eq!((*rank, s.len()), (2, 2));
///     }
///     other => panic!("{other:?}"),
/// }
/// assert!(r.x.iter().all(|v| (v - 0.5).abs() < 1e-12)); // SciPy: [0.5, 0.5] on the bounds
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum UnboundedSol {
    /// `lsq_solver='exact'`: `numpy.linalg.lstsq(A, b, rcond=-1)`.
    Lstsq {
        /// The minimum-norm least-squares solution.
        x: Array1<f64>,
        /// `[|A x - b|^2]` when `A` has full column rank and more rows than columns, else
        /// empty (NumPy's rule).
        residuals: Array1<f64>,
        /// The numerical rank of `A` (singular values above `eps * s_max`).
        rank: usize,
        /// The `min(m, n)` singular values of `A`, largest first.
        s: Array1<f64>,
    },
    /// `lsq_solver='lsmr'`: `scipy.sparse.linalg.lsmr`'s tuple.
    Lsmr {
        /// The LSMR solution.
        x: Array1<f64>,
        /// LSMR's stopping reason (0 to 7).
        istop: i32,
        /// LSMR iterations.
        itn: usize,
        /// Estimate of `|b - A x|`.
        normr: f64,
        /// Estimate of `|A^T (b - A x)|`.
        normar: f64,
        /// Estimate of the Frobenius norm of `A`.
        norma: f64,
        /// Estimate of the condition number of `A`.
        conda: f64,
        /// `|x|`.
        normx: f64,
    },
}

impl UnboundedSol {
    /// The unbounded solution (the first item of SciPy's tuple).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{lsq_linear, LsqLinearOptions};
    /// use sci_optimize::sci_array::ndarray::array;
    /// let r = lsq_linear(&array![[2.0, 0.0], [0.0, 4.0]], &array![2.0, 2.0], &LsqLinearOptions::default())?;
    /// assert_eq!(r.unbounded_sol.x(), &r.x); // inside the (absent) bounds: the result itself
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    pub fn x(&self) -> &Array1<f64> {
        match self {
            UnboundedSol::Lstsq { x, .. } | UnboundedSol::Lsmr { x, .. } => x,
        }
    }

    pub(super) fn lstsq(a: &Array2<f64>, b: &Array1<f64>) -> Self {
        let (x, residuals, rank, s) = lstsq_full(a, b);
        UnboundedSol::Lstsq { x, residuals, rank, s }
    }

    pub(super) fn lsmr(o: LsmrOutcome) -> Self {
        UnboundedSol::Lsmr {
            x: Array1::from(o.x),
            istop: o.istop,
            itn: o.itn,
            normr: o.normr,
            normar: o.normar,
            norma: o.norm_a,
            conda: o.cond_a,
            normx: o.normx,
        }
    }
}

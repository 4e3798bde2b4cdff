//! `Bounds`: box constraints `lb <= x <= ub` of the bounded minimizers.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::Array1;

/// Bounds on the variables, `lb <= x <= ub`; infinite entries mean no bound.
///
/// SciPy equivalent: `scipy.optimize.Bounds` (`keep_feasible` is used by trust-constr;
/// L-BFGS-B, Powell and SLSQP keep their iterates feasible anyway). The old
/// `bounds=[(min, max), ...]` form is
/// [`Bounds::from_pairs`], with infinities where SciPy takes `None`.
///
/// # Examples
///
/// ```
/// use sci_optimize::Bounds;
/// use sci_optimize::sci_array::ndarray::array;
/// let b = Bounds::from_pairs(&[(0.0, 1.0), (f64::NEG_INFINITY, 2.0)]);
/// assert_eq!(b, Bounds::new(array![0.0, f64::NEG_INFINITY], array![1.0, 2.0]));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Lower bounds (`-inf`: none).
    pub lb: Array1<f64>,
    /// Upper bounds (`inf`: none).
    pub ub: Array1<f64>,
    /// SciPy's `keep_feasible`, one per variable or one for all (empty: `false`): trust-constr
    /// then never evaluates the functions outside these bounds.
    pub keep_feasible: Array1<bool>,
}

impl Bounds {
    /// Bounds from the arrays of lower and upper bounds.
    pub fn new(lb: Array1<f64>, ub: Array1<f64>) -> Self {
        Bounds { lb, ub, keep_feasible: Array1::from_vec(vec![]) }
    }

    /// The bounds with SciPy's `keep_feasible` (length `n` or 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::Bounds;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let b = Bounds::new(array![0.0, 0.0], array![1.0, 1.0]).with_keep_feasible(array![true]);
    /// assert_eq!(b.keep_feasible, array![true]);
    /// ```
    pub fn with_keep_feasible(mut self, keep_feasible: Array1<bool>) -> Self {
        self.keep_feasible = keep_feasible;
        self
    }

    /// `keep_feasible` for variable `i`.
    pub(crate) fn keep_feasible_at(&self, i: usize) -> bool {
        match self.keep_feasible.len() {
            0 => false,
            1 => self.keep_feasible[0],
            _ => self.keep_feasible[i],
        }
    }

    /// Bounds from `(min, max)` pairs, one per variable (SciPy's sequence form).
    pub fn from_pairs(pairs: &[(f64, f64)]) -> Self {
        Bounds::new(pairs.iter().map(|p| p.0).collect(), pairs.iter().map(|p| p.1).collect())
    }

    /// Checks lengths (`n`), NaN and `lb <= ub`.
    pub(crate) fn check(&self, n: usize) -> Result<()> {
        for (arg, v) in [("bounds.lb", &self.lb), ("bounds.ub", &self.ub)] {
            if v.len() != n {
                return Err(OptimizeError::WrongLength { arg, expected: n, found: v.len() });
            }
            if v.iter().any(|x| x.is_nan()) {
                return Err(invalid(arg, "bounds must not be NaN"));
            }
        }
        let k = self.keep_feasible.len();
        if k > 1 && k != n {
            return Err(OptimizeError::WrongLength { arg: "bounds.keep_feasible", expected: n, found: k });
        }
        for i in 0..n {
            if self.lb[i] > self.ub[i] {
                return Err(OptimizeError::InvalidBounds { index: i, lower: self.lb[i], upper: self.ub[i] });
            }
        }
        Ok(())
    }

    /// `x` clipped into the box.
    pub(crate) fn clip(&self, x: &Array1<f64>) -> Array1<f64> {
        Array1::from_shape_fn(x.len(), |i| x[i].max(self.lb[i]).min(self.ub[i]))
    }
}

//! `Bounds`: box constraints `lb <= x <= ub` of the bounded minimizers.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::Array1;

/// Bounds on the variables, `lb <= x <= ub`; infinite entries mean no bound.
///
/// SciPy equivalent: `scipy.optimize.Bounds` (without `keep_feasible`; L-BFGS-B and Powell
/// keep their iterates feasible anyway). The old `bounds=[(min, max), ...]` form is
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
}

impl Bounds {
    /// Bounds from the arrays of lower and upper bounds.
    pub fn new(lb: Array1<f64>, ub: Array1<f64>) -> Self {
        Bounds { lb, ub }
    }

    /// Bounds from `(min, max)` pairs, one per variable (SciPy's sequence form).
    pub fn from_pairs(pairs: &[(f64, f64)]) -> Self {
        Bounds { lb: pairs.iter().map(|p| p.0).collect(), ub: pairs.iter().map(|p| p.1).collect() }
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

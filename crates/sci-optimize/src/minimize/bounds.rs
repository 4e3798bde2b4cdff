//! `Bounds`: box constraints `lb <= x <= ub` of the bounded minimizers.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::Array1;
use std::borrow::Cow;

/// Bounds on the variables, `lb <= x <= ub`; infinite entries mean no bound.
///
/// SciPy equivalent: `scipy.optimize.Bounds` (`keep_feasible` is used by trust-constr;
/// L-BFGS-B, Powell and SLSQP keep their iterates feasible anyway). The old
/// `bounds=[(min, max), ...]` form is
/// [`Bounds::from_pairs`], with infinities where SciPy takes `None`.
///
/// Broadcasting follows SciPy: a length-1 `lb` or `ub` is stretched to the other's length when
/// the bounds are made ([`Bounds::new`], as `Bounds(0, [1, 2])`), and where the number of
/// variables is known from `x0`, bounds of length 1 stand for every variable. `minimize` (every
/// method) and `milp` broadcast any length-1 bounds, as SciPy's `Bounds` object; `least_squares`,
/// `lsq_linear` and `curve_fit` broadcast only [`Bounds::scalar`] (SciPy's `bounds=(lb, ub)`
/// with scalars) and refuse length-1 arrays for more variables, as SciPy does. The global
/// optimizers, which have no `x0`, take length-1 bounds as one variable, as SciPy.
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
    /// Made by [`Bounds::scalar`]: `lb`/`ub` are scalars, broadcast everywhere.
    scalar: bool,
}

impl Bounds {
    /// Bounds from the arrays of lower and upper bounds; a length-1 array is stretched to the
    /// other's length (SciPy's broadcasting in `Bounds(lb, ub)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::Bounds;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let b = Bounds::new(array![0.0], array![1.0, 2.0, 3.0]); // SciPy's Bounds(0, [1, 2, 3])
    /// assert_eq!(b.lb, array![0.0, 0.0, 0.0]);
    /// ```
    pub fn new(lb: Array1<f64>, ub: Array1<f64>) -> Self {
        let (lb, ub) = match (lb.len(), ub.len()) {
            (1, k) if k > 1 => (Array1::from_elem(k, lb[0]), ub),
            (k, 1) if k > 1 => (lb, Array1::from_elem(k, ub[0])),
            _ => (lb, ub),
        };
        Bounds { lb, ub, keep_feasible: Array1::from_vec(vec![]), scalar: false }
    }

    /// The same bounds for every variable: SciPy's `Bounds(lb, ub)` with scalars, or the
    /// `bounds=(lb, ub)` pair of scalars of `least_squares`, `lsq_linear` and `curve_fit`.
    /// `lb` and `ub` are stored as length-1 arrays and broadcast where `x0` gives the number
    /// of variables.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{Bounds, Method, MinimizeOptions, minimize};
    /// use sci_optimize::sci_array::ndarray::{Array1, array};
    /// // SciPy: minimize(f, np.zeros(3), method='L-BFGS-B', bounds=Bounds(0, 1))
    /// let f = |x: &Array1<f64>| x.iter().map(|v| (v - 2.0) * (v - 2.0)).sum::<f64>();
    /// let o = MinimizeOptions { method: Method::LBfgsB, bounds: Some(Bounds::scalar(0.0, 1.0)), ..Default::default() };
    /// let r = minimize(f, &array![0.0, 0.0, 0.0], &o)?;
    /// assert_eq!(r.x, array![1.0, 1.0, 1.0]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    pub fn scalar(lb: f64, ub: f64) -> Self {
        Bounds { scalar: true, ..Bounds::new(Array1::from_elem(1, lb), Array1::from_elem(1, ub)) }
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

    /// SciPy's `_validate_bounds` of `minimize`: length-1 bounds (scalar or not) broadcast to
    /// `n` variables, then [`check`](Self::check)ed.
    pub(crate) fn broadcast(&self, n: usize) -> Result<Cow<'_, Bounds>> {
        self.broadcast_if(n, self.lb.len() == 1 && self.ub.len() == 1)
    }

    /// SciPy's `prepare_bounds` of `least_squares`, `lsq_linear` and `curve_fit`: only
    /// [`Bounds::scalar`] broadcasts to `n` variables; then [`check`](Self::check)ed.
    pub(crate) fn broadcast_scalar(&self, n: usize) -> Result<Cow<'_, Bounds>> {
        self.broadcast_if(n, self.scalar)
    }

    /// [`Bounds::scalar`] stretched to `n` variables, other bounds as they are (unchecked).
    pub(crate) fn stretch_scalar(&self, n: usize) -> Cow<'_, Bounds> {
        self.stretch_if(n, self.scalar)
    }

    fn stretch_if(&self, n: usize, stretch: bool) -> Cow<'_, Bounds> {
        if stretch && n != 1 {
            let mut b = self.clone();
            b.lb = Array1::from_elem(n, self.lb[0]);
            b.ub = Array1::from_elem(n, self.ub[0]);
            Cow::Owned(b)
        } else {
            Cow::Borrowed(self)
        }
    }

    fn broadcast_if(&self, n: usize, stretch: bool) -> Result<Cow<'_, Bounds>> {
        let b = self.stretch_if(n, stretch);
        b.check(n)?;
        Ok(b)
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

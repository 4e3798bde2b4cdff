//! The inverse-Hessian approximation L-BFGS-B returns (`LbfgsInvHessProduct`).

use ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix1, Ix2};

use crate::error::{OptimizeError, Result};

/// The limited-memory BFGS inverse-Hessian approximation built from correction pairs
/// `s_i = x_{i+1} - x_i`, `y_i = g_{i+1} - g_i` (rows of `sk`, `yk`), as a linear operator:
/// [`matvec`](Self::matvec) runs the two-loop recursion from the identity, and
/// [`todense`](Self::todense) forms `H_k = prod (I - rho_i s_i y_iᵀ) · ... · (I - rho_i y_i s_iᵀ)
/// + rho_i s_i s_iᵀ` row pair by row pair, `rho_i = 1 / (y_i · s_i)`.
///
/// [`minimize_lbfgsb`](crate::minimize_lbfgsb) returns one with the pairs in the order of
/// L-BFGS-B's storage, as SciPy does: once more than `maxcor` updates were made, that storage
/// is circular, so the rows are not in chronological order.
///
/// SciPy equivalent: `scipy.optimize.LbfgsInvHessProduct(sk, yk)`.
///
/// # Examples
///
/// ```
/// use sci_optimize::LbfgsInvHessProduct;
/// use sci_optimize::sci_array::ndarray::array;
/// // one pair on a quadratic with Hessian diag(2, 4): y = H s
/// let h = LbfgsInvHessProduct::new(&array![[1.0, 1.0]], &array![[2.0, 4.0]])?;
/// let d = h.todense();
/// // the secant condition H y = s holds
/// let hy = d.dot(&array![2.0, 4.0]);
/// assert!((hy[0] - 1.0).abs() < 1e-15 && (hy[1] - 1.0).abs() < 1e-15);
/// assert_eq!(h.matvec(&array![2.0, 4.0])?, hy);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LbfgsInvHessProduct {
    sk: Array2<f64>,
    yk: Array2<f64>,
    rho: Array1<f64>,
}

impl LbfgsInvHessProduct {
    /// The operator of the pairs in the rows of `sk` and `yk` (both `n_corrs × n`).
    ///
    /// # Errors
    ///
    /// [`OptimizeError::WrongLength`] for `yk` when the shapes differ, and
    /// [`OptimizeError::InvalidValue`] for an empty `sk` (SciPy: "sk and yk must have
    /// matching shape, (n_corrs, n)").
    pub fn new<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
        sk: &ArrayBase<S1, Ix2>,
        yk: &ArrayBase<S2, Ix2>,
    ) -> Result<Self> {
        if sk.dim() != yk.dim() {
            return Err(OptimizeError::WrongLength { arg: "yk", expected: sk.len(), found: yk.len() });
        }
        if sk.ncols() == 0 {
            return Err(crate::error::invalid("sk", "sk and yk must have matching shape, (n_corrs, n)"));
        }
        let rho = sk.outer_iter().zip(yk.outer_iter()).map(|(s, y)| 1.0 / y.dot(&s)).collect();
        Ok(Self { sk: sk.to_owned(), yk: yk.to_owned(), rho })
    }

    /// The operator's shape, `(n, n)`.
    pub fn shape(&self) -> (usize, usize) {
        (self.sk.ncols(), self.sk.ncols())
    }

    /// The number of correction pairs.
    pub fn n_corrs(&self) -> usize {
        self.sk.nrows()
    }

    /// The correction pairs `s_i` (rows).
    pub fn sk(&self) -> &Array2<f64> {
        &self.sk
    }

    /// The correction pairs `y_i` (rows).
    pub fn yk(&self) -> &Array2<f64> {
        &self.yk
    }

    /// `H x` by the two-loop recursion (SciPy's `_matvec`).
    ///
    /// # Errors
    ///
    /// [`OptimizeError::WrongLength`] when `x.len() != n`.
    pub fn matvec<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<f64>> {
        let n = self.shape().0;
        if x.len() != n {
            return Err(OptimizeError::WrongLength { arg: "x", expected: n, found: x.len() });
        }
        let mut q = x.to_owned();
        let mut alpha = vec![0.0; self.n_corrs()];
        for i in (0..self.n_corrs()).rev() {
            alpha[i] = self.rho[i] * self.sk.row(i).dot(&q);
            q.scaled_add(-alpha[i], &self.yk.row(i));
        }
        for (i, a) in alpha.iter().enumerate() {
            let beta = self.rho[i] * self.yk.row(i).dot(&q);
            q.scaled_add(a - beta, &self.sk.row(i));
        }
        Ok(q)
    }

    /// `H X`, one [`matvec`](Self::matvec) per column of `x`.
    ///
    /// # Errors
    ///
    /// [`OptimizeError::WrongLength`] when `x.nrows() != n`.
    pub fn matmat<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix2>) -> Result<Array2<f64>> {
        let mut out = Array2::zeros(x.raw_dim());
        for (j, col) in x.axis_iter(Axis(1)).enumerate() {
            out.column_mut(j).assign(&self.matvec(&col)?);
        }
        Ok(out)
    }

    /// The dense `n × n` matrix, formed as SciPy's `todense` does (pair by pair from the
    /// identity; equal to `matmat(I)` up to rounding).
    pub fn todense(&self) -> Array2<f64> {
        let n = self.shape().0;
        let eye = Array2::<f64>::eye(n);
        let mut hk = eye.clone();
        for ((s, y), &rho) in self.sk.outer_iter().zip(self.yk.outer_iter()).zip(&self.rho) {
            let (sc, yr) = (s.insert_axis(Axis(1)), y.insert_axis(Axis(0)));
            let a1 = &eye - &(&sc * &yr * rho);
            let a2 = &eye - &(&y.insert_axis(Axis(1)) * &s.insert_axis(Axis(0)) * rho);
            hk = a1.dot(&hk.dot(&a2)) + &sc * &s.insert_axis(Axis(0)) * rho;
        }
        hk
    }
}

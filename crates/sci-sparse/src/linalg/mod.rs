//! `scipy.sparse.linalg`: sparse direct solvers ([`spsolve`], [`splu`],
//! [`spsolve_triangular`]), iterative solvers ([`cg`], [`bicgstab`], [`gmres`], [`minres`])
//! on any [`LinearOperator`], and the symmetric eigensolver [`eigsh`].

use std::borrow::Cow;

use sci_array::ndarray::{Array, ArrayBase, Axis, Data, Dimension, IxDyn};

use crate::error::{Result, shape_err};
use crate::{CooMatrix, CscMatrix, CsrMatrix};

mod eigen;
mod eigs;
mod eigs_complex;
mod eigs_values;
mod eigsh_dtypes;
mod expm;
mod iterative;
mod lanczos;
mod lgmres;
mod lobpcg;
mod lsqr;
mod lu;
mod matfuncs;
mod operator;
pub(crate) mod ordering;
mod residual;
mod shift_complex;
mod small_eig;
mod supernodal;
mod svd;

pub use eigen::{EigshMode, EigshOptions, Which, eigsh, eigsh_values};
pub use eigs::{EigsOptions, OpPart, WhichEigs, eigs};
pub use eigs_complex::eigs_complex;
pub use eigs_values::eigs_values;
pub use eigsh_dtypes::{
    eigs_f32, eigsh_f32, eigsh_hermitian, eigsh_hermitian_values, eigsh_values_f32, svds_values,
};
pub use expm::{OneNormEst, expm, onenormest};
pub use iterative::{IterOptions, IterResult, bicg, bicgstab, cg, cgs, qmr};
pub use lgmres::{GcrotmkOptions, LgmresOptions, gcrotmk, lgmres};
pub use lobpcg::{LobpcgOptions, LobpcgResult, lobpcg};
pub use lsqr::{LsmrResult, LsqrOptions, LsqrResult, lsmr, lsqr};
pub use lu::{PermcSpec, SpluOptions, SuperLU, factorized, spilu, splu, spsolve, spsolve_triangular};
pub use matfuncs::{NormOrd, expm_multiply, inv, is_sptriangular, norm, spbandwidth};
pub use operator::{FnOperator, IdentityOperator, LinearOperator};
pub use residual::{gmres, minres, tfqmr};
pub use svd::svds;

/// Sparse `f64` matrices the direct solvers accept: each converts to CSC (borrowed when it
/// already is one).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::ToCsc;
/// let a = sci_sparse::CsrMatrix::<f64>::identity(2);
/// assert_eq!(a.to_csc().nnz(), 2);
/// ```
pub trait ToCsc {
    /// This matrix in CSC format.
    fn to_csc(&self) -> Cow<'_, CscMatrix<f64>>;
}

impl ToCsc for CscMatrix<f64> {
    fn to_csc(&self) -> Cow<'_, CscMatrix<f64>> {
        Cow::Borrowed(self)
    }
}

impl ToCsc for CsrMatrix<f64> {
    fn to_csc(&self) -> Cow<'_, CscMatrix<f64>> {
        Cow::Owned(self.tocsc())
    }
}

impl ToCsc for CooMatrix<f64> {
    fn to_csc(&self) -> Cow<'_, CscMatrix<f64>> {
        Cow::Owned(self.tocsc())
    }
}

/// The columns of a `(n,)` or `(n, k)` right-hand side as contiguous vectors.
pub(crate) fn rhs_columns<S: Data<Elem = f64>, D: Dimension>(
    b: &ArrayBase<S, D>,
    n: usize,
) -> Result<Vec<Vec<f64>>> {
    let sh = b.shape();
    if sh.is_empty() || sh.len() > 2 || sh[0] != n {
        return Err(shape_err("b", format!("shape ({n},) or ({n}, k)"), sh));
    }
    let b = b.view().into_dyn();
    if b.ndim() == 1 {
        return Ok(vec![b.iter().copied().collect()]);
    }
    Ok(b.axis_iter(Axis(1)).map(|c| c.iter().copied().collect()).collect())
}

/// Reassembles solution columns into an array of dimension `dim`.
pub(crate) fn assemble<D: Dimension>(cols: Vec<Vec<f64>>, dim: D, n: usize) -> Result<Array<f64, D>> {
    let k = cols.len();
    let out = if dim.ndim() == 1 {
        Array::from_shape_vec(IxDyn(&[n]), cols.into_iter().next().unwrap_or_default())
    } else {
        let flat: Vec<f64> = cols.into_iter().flatten().collect();
        Array::from_shape_vec(IxDyn(&[k, n]), flat)
            .map(|a| a.reversed_axes().as_standard_layout().into_owned())
    };
    let out = out.map_err(|e| crate::error::invalid("b", e.to_string()))?;
    out.into_dimensionality::<D>().map_err(|e| crate::error::invalid("b", e.to_string()))
}

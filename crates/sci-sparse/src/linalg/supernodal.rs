//! The supernodal engine of [`splu`](super::splu) for SciPy's default options (`permc_spec =
//! "COLAMD"`, `diag_pivot_thresh = 1.0`): faer's sparse LU, which, as SuperLU does, orders the
//! columns by COLAMD, builds the structure from the column elimination tree and factors dense
//! supernodal fronts with partial pivoting.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::sparse::linalg::lu::{LuRef, LuSymbolicParams, NumericLu, SymbolicLu, factorize_symbolic_lu};
use faer::sparse::linalg::{LuError, colamd};
use faer::sparse::{SparseColMatRef, SymbolicSparseColMatRef};
use faer::{Conj, MatMut, Par};

use crate::cs::Cs;
use crate::error::{Result, SparseError, invalid};

/// Below this many stored entries the factorization and solves run on one thread.
const PAR_NNZ: usize = 1 << 16;

fn par(nnz: usize) -> Par {
    if nnz >= PAR_NNZ && rayon::current_num_threads() > 1 { Par::rayon(0) } else { Par::Seq }
}

fn out_of_memory(e: impl std::fmt::Debug) -> SparseError {
    invalid("A", format!("sparse LU workspace could not be allocated: {e:?}"))
}

fn pattern(a: &Cs<f64>) -> SymbolicSparseColMatRef<'_, usize> {
    SymbolicSparseColMatRef::new_checked(a.nminor, a.nmajor, &a.indptr, None, &a.indices)
}

/// COLAMD column ordering of a CSC pattern (`order[k]` = column eliminated k-th).
pub(crate) fn colamd_order(a: &Cs<f64>) -> Result<Vec<usize>> {
    let (m, n) = (a.nminor, a.nmajor);
    let (mut perm, mut inv) = (vec![0usize; n], vec![0usize; n]);
    let mut mem = MemBuffer::try_new(colamd::order_scratch::<usize>(m, n, a.nnz())).map_err(out_of_memory)?;
    colamd::order(&mut perm, &mut inv, pattern(a), Default::default(), MemStack::new(&mut mem))
        .map_err(out_of_memory)?;
    Ok(perm)
}

/// A supernodal LU factorization `Pr A Pc = L U`.
#[derive(Debug, Clone)]
pub(crate) struct Supernodal {
    n: usize,
    nnz_a: usize,
    symbolic: SymbolicLu<usize>,
    numeric: NumericLu<usize, f64>,
}

impl Supernodal {
    /// Factors a square canonical CSC matrix. `Ok(None)` when a pivot came out exactly zero or
    /// the factors overflow (found by one probe solve): the caller then refactors with the
    /// left-looking engine, which reports an exactly singular matrix precisely.
    pub(crate) fn factor(a: &Cs<f64>) -> Result<Option<Self>> {
        let n = a.nmajor;
        let symbolic = match factorize_symbolic_lu(pattern(a), LuSymbolicParams::default()) {
            Ok(s) => s,
            Err(e) => return Err(out_of_memory(e)),
        };
        let p = par(a.nnz());
        let mut numeric = NumericLu::new();
        let req = symbolic.factorize_numeric_lu_scratch::<f64>(p, Default::default());
        let mut mem = MemBuffer::try_new(req).map_err(out_of_memory)?;
        let mat = SparseColMatRef::new(pattern(a), &a.data);
        match symbolic.factorize_numeric_lu(&mut numeric, mat, p, MemStack::new(&mut mem), Default::default())
        {
            Ok(_) => {}
            Err(LuError::SymbolicSingular { .. }) => return Err(SparseError::SingularMatrix),
            Err(LuError::Generic(e)) => return Err(out_of_memory(e)),
        }
        let lu = Supernodal { n, nnz_a: a.nnz(), symbolic, numeric };
        let mut probe = vec![1.0; n];
        lu.solve(&mut probe, 1, false);
        Ok(probe.iter().all(|v| v.is_finite()).then_some(lu))
    }

    fn lu(&self) -> LuRef<'_, usize, f64> {
        LuRef::new_unchecked(&self.symbolic, &self.numeric)
    }

    /// `prow[k]`: original row of the k-th pivot.
    pub(crate) fn prow(&self) -> &[usize] {
        self.lu().row_perm().arrays().0
    }

    /// `pinv[i]`: pivot step of original row `i`.
    pub(crate) fn pinv(&self) -> &[usize] {
        self.lu().row_perm().arrays().1
    }

    /// `q[k]`: original column eliminated k-th.
    pub(crate) fn q(&self) -> &[usize] {
        self.lu().col_perm().arrays().0
    }

    /// Solves `A X = B` (or `A^T X = B`) in place for `k` right-hand sides stored column by
    /// column in `b` (length `n k`).
    pub(crate) fn solve(&self, b: &mut [f64], k: usize, transposed: bool) {
        if self.n == 0 || k == 0 {
            return;
        }
        let p = par(self.nnz_a * k);
        let rhs = MatMut::from_column_major_slice_mut(b, self.n, k);
        let req = if transposed {
            self.symbolic.solve_transpose_in_place_scratch::<f64>(k, p)
        } else {
            self.symbolic.solve_in_place_scratch::<f64>(k, p)
        };
        let mut mem = MemBuffer::new(req);
        let stack = MemStack::new(&mut mem);
        if transposed {
            self.lu().solve_transpose_in_place_with_conj(Conj::No, rhs, p, stack);
        } else {
            self.lu().solve_in_place_with_conj(Conj::No, rhs, p, stack);
        }
    }
}

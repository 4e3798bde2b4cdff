//! Sparse LU factorization, `splu`, `spsolve`, `factorized`, `spsolve_triangular`: SciPy's
//! default options run the supernodal engine ([`super::supernodal`]); other column orderings,
//! threshold pivoting and `spilu` run a left-looking Gilbert–Peierls LU.

use std::sync::OnceLock;

use sci_array::ndarray::{Array, Array1, ArrayBase, Data, Dimension};

use super::ordering::{ata_pattern, minimum_degree, reverse_cuthill_mckee, sym_pattern};
use super::supernodal::{Supernodal, colamd_order};
use super::{ToCsc, rhs_columns};
use crate::cs::Cs;
use crate::error::{Result, SparseError, invalid, shape_err};
use crate::{CscMatrix, CsrMatrix};

/// Column orderings for [`splu`] (SciPy's `permc_spec`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{splu, PermcSpec, SpluOptions};
/// let a = sci_sparse::diags(&[vec![-1.0], vec![4.0], vec![-1.0]], &[-1, 0, 1], Some((6, 6)))?;
/// let lu = splu(&a, &SpluOptions { permc_spec: PermcSpec::ReverseCuthillMckee, ..Default::default() })?;
/// assert_eq!(lu.shape(), (6, 6));
/// assert_eq!(PermcSpec::default(), PermcSpec::Colamd);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum PermcSpec {
    /// Natural ordering (`"NATURAL"`).
    Natural,
    /// Minimum degree on the pattern of `A^T A` (`"MMD_ATA"`).
    MmdAta,
    /// Minimum degree on the pattern of `A^T + A` (`"MMD_AT_PLUS_A"`): little fill for
    /// structurally symmetric matrices.
    MmdAtPlusA,
    /// Column approximate minimum degree (`"COLAMD"`), SciPy's default. With
    /// `diag_pivot_thresh = 1.0` the factorization is supernodal.
    #[default]
    Colamd,
    /// Reverse Cuthill–McKee on the pattern of `A^T + A` (a bandwidth-reducing ordering).
    ReverseCuthillMckee,
}

/// Options of [`splu`] with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{PermcSpec, SpluOptions};
/// let o = SpluOptions { permc_spec: PermcSpec::Natural, ..Default::default() };
/// assert_eq!(o.diag_pivot_thresh, 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpluOptions {
    /// Fill-reducing column ordering.
    pub permc_spec: PermcSpec,
    /// Threshold in `[0, 1]` for preferring the diagonal as pivot: it is taken when
    /// `|a_diag| >= diag_pivot_thresh * max |a_col|` (1.0: plain partial pivoting, SciPy's
    /// default).
    pub diag_pivot_thresh: f64,
}

impl Default for SpluOptions {
    fn default() -> Self {
        SpluOptions { permc_spec: PermcSpec::default(), diag_pivot_thresh: 1.0 }
    }
}

/// A sparse LU factorization `Pr A Pc = L U` from [`splu`]; solve with [`SuperLU::solve`].
///
/// A supernodal factorization (SciPy's default options) keeps its factors in dense blocks;
/// [`SuperLU::l`], [`SuperLU::u`] and [`SuperLU::nnz`] then compute `L` and `U` column by
/// column once (the LU of `Pr A Pc` without further pivoting, which is unique), on first use.
///
/// SciPy equivalent: `scipy.sparse.linalg.SuperLU`.
///
/// # Examples
///
/// ```
/// use sci_sparse::CscMatrix;
/// use sci_sparse::linalg::{splu, SpluOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = CscMatrix::from_dense(&array![[1.0, 0.0, 0.0], [5.0, 0.0, 2.0], [0.0, -1.0, 0.0]]);
/// let lu = splu(&a, &SpluOptions::default())?;
/// let x = lu.solve(&array![1.0, 2.0, 3.0])?;
/// assert_allclose(&x, &array![1.0, -3.0, -1.5], 1e-14, 0.0);
/// assert_eq!(lu.shape(), (3, 3));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct SuperLU {
    n: usize,
    engine: Engine,
}

#[derive(Debug, Clone)]
enum Engine {
    LeftLooking(Factors),
    Supernodal {
        lu: Box<Supernodal>,
        /// `A` (canonical CSC), kept to extract `L` and `U` on demand.
        a: Cs<f64>,
        factors: OnceLock<Factors>,
    },
}

/// Explicit factors `Pr A Pc = L U`.
#[derive(Debug, Clone)]
struct Factors {
    /// Columns of L (unit diagonal not stored), original row indices.
    l: Cs<f64>,
    /// Columns of U (diagonal stored last in each column), pivot-step row indices.
    u: Cs<f64>,
    /// prow[k]: original row of the k-th pivot.
    prow: Vec<usize>,
    /// pinv[row]: pivot step of an original row.
    pinv: Vec<usize>,
    /// q[k]: original column eliminated k-th.
    q: Vec<usize>,
}

const NONE: usize = usize::MAX;

/// Computes the sparse LU factorization of a square matrix.
///
/// SciPy equivalent: `scipy.sparse.linalg.splu(A, permc_spec=..., diag_pivot_thresh=...)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square matrix, [`SparseError::InvalidValue`] for
/// a threshold outside `[0, 1]` or non-finite entries, [`SparseError::SingularMatrix`] when a
/// column has no nonzero pivot.
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::{splu, SpluOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CsrMatrix::from_dense(&array![[4.0, 1.0], [1.0, 3.0]]);
/// let lu = splu(&a, &SpluOptions::default())?;
/// assert_eq!(lu.nnz(), 6);
/// let singular = CsrMatrix::from_dense(&array![[1.0, 2.0], [2.0, 4.0]]);
/// assert!(splu(&singular, &SpluOptions::default()).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn splu<A: ToCsc + ?Sized>(a: &A, opts: &SpluOptions) -> Result<SuperLU> {
    let cs = splu_check(a, opts)?;
    let n = cs.nmajor;
    if opts.permc_spec == PermcSpec::Colamd
        && opts.diag_pivot_thresh == 1.0
        && n > 0
        && let Some(lu) = Supernodal::factor(&cs)?
    {
        let engine = Engine::Supernodal { lu: Box::new(lu), a: cs, factors: OnceLock::new() };
        return Ok(SuperLU { n, engine });
    }
    let q = column_order(&cs, opts.permc_spec)?;
    let f = factor(&cs, &q, opts.diag_pivot_thresh, 0.0, None)?;
    Ok(SuperLU { n, engine: Engine::LeftLooking(f) })
}

/// Checks the input of [`splu`] / [`spilu`]; returns the canonical CSC storage.
fn splu_check<A: ToCsc + ?Sized>(a: &A, opts: &SpluOptions) -> Result<Cs<f64>> {
    let a = a.to_csc();
    let a = a.as_ref();
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    if !(0.0..=1.0).contains(&opts.diag_pivot_thresh) {
        return Err(invalid("diag_pivot_thresh", "must be in [0, 1]"));
    }
    if a.data().iter().any(|v| !v.is_finite()) {
        return Err(invalid("A", "matrix must not contain infs or NaNs"));
    }
    Ok(a.cs.canonical())
}

/// The column ordering `permc_spec` of a square canonical CSC matrix.
fn column_order(cs: &Cs<f64>, spec: PermcSpec) -> Result<Vec<usize>> {
    let n = cs.nmajor;
    Ok(match spec {
        PermcSpec::Natural => (0..n).collect(),
        PermcSpec::MmdAtPlusA => minimum_degree(sym_pattern(n, &cs.indptr, &cs.indices)),
        PermcSpec::MmdAta => minimum_degree(ata_pattern(n, n, &cs.indptr, &cs.indices)),
        PermcSpec::ReverseCuthillMckee => reverse_cuthill_mckee(&sym_pattern(n, &cs.indptr, &cs.indices)),
        PermcSpec::Colamd => colamd_order(cs)?,
    })
}

/// Left-looking LU of `A` with columns taken in the order `q`. Pivots are chosen by threshold
/// partial pivoting, or given by `forced` (`forced[k]`: row of the k-th pivot; then nothing
/// is checked).
fn factor(a: &Cs<f64>, q: &[usize], thresh: f64, drop_tol: f64, forced: Option<&[usize]>) -> Result<Factors> {
    let n = a.nmajor;
    let mut l = Cs { nmajor: 0, nminor: n, indptr: vec![0], indices: Vec::new(), data: Vec::new() };
    let mut u = Cs { nmajor: 0, nminor: n, indptr: vec![0], indices: Vec::new(), data: Vec::new() };
    let mut pinv = vec![NONE; n];
    let mut prow = vec![NONE; n];
    let mut x = vec![0.0f64; n];
    let mut mark = vec![NONE; n];
    let mut topo: Vec<usize> = Vec::with_capacity(n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut pattern: Vec<usize> = Vec::new();
    for k in 0..n {
        let j = q[k];
        // Symbolic: rows reachable from the pattern of A(:, j) through the columns of L.
        topo.clear();
        pattern.clear();
        for p in a.indptr[j]..a.indptr[j + 1] {
            let i0 = a.indices[p];
            if mark[i0] == k {
                continue;
            }
            mark[i0] = k;
            stack.push((i0, 0));
            while let Some(top) = stack.len().checked_sub(1) {
                let (i, mut pos) = stack[top];
                let t = pinv[i];
                let (start, end) = if t == NONE { (0, 0) } else { (l.indptr[t], l.indptr[t + 1]) };
                let mut child = NONE;
                while start + pos < end {
                    let r = l.indices[start + pos];
                    pos += 1;
                    if mark[r] != k {
                        mark[r] = k;
                        child = r;
                        break;
                    }
                }
                stack[top].1 = pos;
                if child == NONE {
                    stack.pop();
                    topo.push(i);
                } else {
                    stack.push((child, 0));
                }
            }
        }
        // Numeric: x = L \ A(:, j) in topological order.
        let mut colmax = 0.0f64;
        for p in a.indptr[j]..a.indptr[j + 1] {
            x[a.indices[p]] = a.data[p];
            colmax = colmax.max(a.data[p].abs());
        }
        // Incomplete factorization: entries below this are dropped (0: exact LU).
        let cut = drop_tol * colmax;
        for &i in topo.iter().rev() {
            let t = pinv[i];
            if t == NONE {
                pattern.push(i);
                continue;
            }
            let xi = x[i];
            for p in l.indptr[t]..l.indptr[t + 1] {
                x[l.indices[p]] -= l.data[p] * xi;
            }
        }
        let best = match forced {
            Some(rows) => rows[k],
            None => pick_pivot(&pattern, &x, j, mark[j] == k && pinv[j] == NONE, thresh)?,
        };
        let piv = x[best];
        pinv[best] = k;
        prow[k] = best;
        for &i in topo.iter().rev() {
            let t = pinv[i];
            if t != k && t != NONE && (cut == 0.0 || x[i].abs() >= cut) {
                u.indices.push(t);
                u.data.push(x[i]);
            }
        }
        u.indices.push(k);
        u.data.push(piv);
        u.indptr.push(u.indices.len());
        u.nmajor += 1;
        for &i in &pattern {
            if i != best && (cut == 0.0 || x[i].abs() >= cut) {
                l.indices.push(i);
                l.data.push(x[i] / piv);
            }
        }
        l.indptr.push(l.indices.len());
        l.nmajor += 1;
        for &i in &topo {
            x[i] = 0.0;
        }
    }
    Ok(Factors { l, u, prow, pinv, q: q.to_vec() })
}

/// Threshold partial pivoting among the rows `pattern` not yet pivoted, preferring the
/// symmetric diagonal row `j` (when `j_free`).
fn pick_pivot(pattern: &[usize], x: &[f64], j: usize, j_free: bool, thresh: f64) -> Result<usize> {
    let mut best = NONE;
    let mut bmax = 0.0f64;
    for &i in pattern {
        if x[i].abs() > bmax {
            bmax = x[i].abs();
            best = i;
        }
    }
    if best == NONE || bmax == 0.0 {
        return Err(SparseError::SingularMatrix);
    }
    if j_free && x[j].abs() >= thresh * bmax && x[j] != 0.0 {
        best = j;
    }
    Ok(best)
}

/// Incomplete LU factorization for preconditioning: the sparse LU of [`splu`] with every
/// entry of `L` and `U` smaller than `drop_tol * max|A(:, j)|` dropped as it is computed
/// (SuperLU's basic drop rule). Use [`SuperLU::solve`] as the preconditioner `M`.
///
/// SciPy equivalent: `scipy.sparse.linalg.spilu(A, drop_tol=1e-4)`; SciPy's `fill_factor`,
/// `drop_rule` variants and its replacement of zero pivots are not implemented (a zero pivot
/// is [`SparseError::SingularMatrix`]), so the factors differ from SuperLU's.
///
/// # Errors
///
/// Those of [`splu`], and [`SparseError::InvalidValue`] for a negative or NaN `drop_tol`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{spilu, splu, SpluOptions};
/// use sci_sparse::diags;
/// let a = diags(&[vec![-1.0], vec![4.0], vec![-1.0]], &[-1, 0, 1], Some((50, 50)))?;
/// let exact = splu(&a, &SpluOptions::default())?;
/// let ilu = spilu(&a, 1e-2, &SpluOptions::default())?;
/// assert!(ilu.nnz() <= exact.nnz());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn spilu<A: ToCsc + ?Sized>(a: &A, drop_tol: f64, opts: &SpluOptions) -> Result<SuperLU> {
    if drop_tol.is_nan() || drop_tol < 0.0 {
        return Err(invalid("drop_tol", "must be non-negative"));
    }
    let cs = splu_check(a, opts)?;
    let q = column_order(&cs, opts.permc_spec)?;
    let f = factor(&cs, &q, opts.diag_pivot_thresh, drop_tol, None)?;
    Ok(SuperLU { n: cs.nmajor, engine: Engine::LeftLooking(f) })
}

impl Factors {
    fn nnz(&self) -> usize {
        self.l.nnz() + self.prow.len() + self.u.nnz()
    }

    /// Solves in place for one right-hand side `b` (overwritten by `x`); `w` is scratch.
    fn solve_in_place(&self, b: &mut [f64], w: &mut [f64]) {
        let n = self.prow.len();
        // L y = Pr b, with L's rows kept in original numbering.
        for t in 0..n {
            let v = b[self.prow[t]];
            w[t] = v;
            if v != 0.0 {
                for p in self.l.indptr[t]..self.l.indptr[t + 1] {
                    b[self.l.indices[p]] -= self.l.data[p] * v;
                }
            }
        }
        // U z = y, column by column from the end (diagonal stored last).
        for t in (0..n).rev() {
            let (s, e) = (self.u.indptr[t], self.u.indptr[t + 1]);
            let z = w[t] / self.u.data[e - 1];
            w[t] = z;
            if z != 0.0 {
                for p in s..e - 1 {
                    w[self.u.indices[p]] -= self.u.data[p] * z;
                }
            }
        }
        for t in 0..n {
            b[self.q[t]] = w[t];
        }
    }

    /// Solves `A^T x = b` in place for one right-hand side; `w` is scratch.
    fn solve_transposed_in_place(&self, b: &mut [f64], w: &mut [f64]) {
        let n = self.prow.len();
        // U^T z = Pc^T b, forward, reading U by columns.
        for t in 0..n {
            let (s, e) = (self.u.indptr[t], self.u.indptr[t + 1]);
            let mut v = b[self.q[t]];
            for p in s..e - 1 {
                v -= self.u.data[p] * w[self.u.indices[p]];
            }
            w[t] = v / self.u.data[e - 1];
        }
        // L^T y = z, backward.
        for t in (0..n).rev() {
            let mut v = w[t];
            for p in self.l.indptr[t]..self.l.indptr[t + 1] {
                v -= self.l.data[p] * w[self.pinv[self.l.indices[p]]];
            }
            w[t] = v;
        }
        for t in 0..n {
            b[self.prow[t]] = w[t];
        }
    }
}

impl SuperLU {
    /// `(n, n)`.
    ///
    /// SciPy equivalent: `lu.shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// let lu = splu(&sci_sparse::CscMatrix::<f64>::identity(4), &SpluOptions::default())?;
    /// assert_eq!(lu.shape(), (4, 4));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        (self.n, self.n)
    }

    /// The explicit factors (computed on first use for a supernodal factorization).
    fn factors(&self) -> &Factors {
        match &self.engine {
            Engine::LeftLooking(f) => f,
            Engine::Supernodal { lu, a, factors } => factors.get_or_init(|| {
                // Forced pivots: no pivot search, hence no error.
                factor(a, lu.q(), 1.0, 0.0, Some(lu.prow())).unwrap_or_else(|_| unreachable!())
            }),
        }
    }

    fn pinv(&self) -> &[usize] {
        match &self.engine {
            Engine::LeftLooking(f) => &f.pinv,
            Engine::Supernodal { lu, .. } => lu.pinv(),
        }
    }

    fn q(&self) -> &[usize] {
        match &self.engine {
            Engine::LeftLooking(f) => &f.q,
            Engine::Supernodal { lu, .. } => lu.q(),
        }
    }

    /// Solves in place for the right-hand sides `cols` (`A^T` when `transposed`).
    fn solve_columns(&self, cols: &mut [Vec<f64>], transposed: bool) {
        match &self.engine {
            Engine::LeftLooking(f) => {
                let mut w = vec![0.0; self.n];
                for c in cols {
                    if transposed {
                        f.solve_transposed_in_place(c, &mut w);
                    } else {
                        f.solve_in_place(c, &mut w);
                    }
                }
            }
            Engine::Supernodal { lu, .. } => {
                if let [c] = cols {
                    lu.solve(c, 1, transposed);
                    return;
                }
                let mut flat: Vec<f64> = cols.iter().flatten().copied().collect();
                lu.solve(&mut flat, cols.len(), transposed);
                for (c, s) in cols.iter_mut().zip(flat.chunks(self.n.max(1))) {
                    c.copy_from_slice(s);
                }
            }
        }
    }

    /// Stored entries of `L` and `U` together (L's unit diagonal counted, as SciPy does).
    ///
    /// SciPy equivalent: `lu.nnz`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// let lu = splu(&sci_sparse::CscMatrix::<f64>::identity(4), &SpluOptions::default())?;
    /// assert_eq!(lu.nnz(), 8);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nnz(&self) -> usize {
        self.factors().nnz()
    }

    /// Row permutation: `perm_r[i]` is the position of original row `i` (`Pr[perm_r[i], i] = 1`).
    ///
    /// SciPy equivalent: `lu.perm_r`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[0.0, 1.0], [1.0, 0.0]]);
    /// let lu = splu(&a, &SpluOptions::default())?;
    /// let (pr, pc) = (lu.perm_r(), lu.perm_c());
    /// assert_eq!(pr.len() + pc.len(), 4);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn perm_r(&self) -> Array1<usize> {
        Array1::from(self.pinv().to_vec())
    }

    /// Column permutation: `perm_c[j]` is the position of original column `j`
    /// (`Pc[j, perm_c[j]] = 1`).
    ///
    /// SciPy equivalent: `lu.perm_c`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, PermcSpec, SpluOptions};
    /// let opts = SpluOptions { permc_spec: PermcSpec::Natural, ..Default::default() };
    /// let lu = splu(&sci_sparse::CscMatrix::<f64>::identity(3), &opts)?;
    /// assert_eq!(lu.perm_c().to_vec(), vec![0, 1, 2]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn perm_c(&self) -> Array1<usize> {
        let mut qinv = vec![0; self.n];
        for (k, &j) in self.q().iter().enumerate() {
            qinv[j] = k;
        }
        Array1::from(qinv)
    }

    /// The unit lower triangular factor `L` (diagonal stored), with `Pr A Pc = L U`.
    ///
    /// SciPy equivalent: `lu.L`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[2.0, 1.0], [4.0, 1.0]]);
    /// let lu = splu(&a, &SpluOptions::default())?;
    /// assert_eq!(lu.l().diagonal(0), array![1.0, 1.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn l(&self) -> CscMatrix<f64> {
        let f = self.factors();
        let (mut ind, mut dat, mut ptr) = (Vec::new(), Vec::new(), vec![0]);
        for t in 0..self.n {
            ind.push(t);
            dat.push(1.0);
            for p in f.l.indptr[t]..f.l.indptr[t + 1] {
                ind.push(f.pinv[f.l.indices[p]]);
                dat.push(f.l.data[p]);
            }
            ptr.push(ind.len());
        }
        let mut cs = Cs { nmajor: self.n, nminor: self.n, indptr: ptr, indices: ind, data: dat };
        cs.sort_indices();
        CscMatrix { cs }
    }

    /// The upper triangular factor `U`, with `Pr A Pc = L U`.
    ///
    /// SciPy equivalent: `lu.U`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[2.0, 1.0], [4.0, 1.0]]);
    /// let lu = splu(&a, &SpluOptions::default())?;
    /// let (l, u) = (lu.l(), lu.u());
    /// assert_eq!(l.matmul(&u)?.toarray().sum(), 8.0);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn u(&self) -> CscMatrix<f64> {
        let mut cs = self.factors().u.clone();
        cs.sort_indices();
        CscMatrix { cs }
    }

    /// Solves `A^T x = b` for `b` of shape `(n,)` or `(n, k)` with the same factors.
    ///
    /// SciPy equivalent: `lu.solve(b, trans='T')` (also `'H'` for real matrices).
    ///
    /// # Errors
    ///
    /// As [`SuperLU::solve`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[2.0, 0.0], [1.0, 4.0]]);
    /// let lu = splu(&a, &SpluOptions::default())?;
    /// assert_eq!(lu.solve_transposed(&array![4.0, 8.0])?, array![1.0, 2.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn solve_transposed<S: Data<Elem = f64>, D: Dimension>(
        &self,
        b: &ArrayBase<S, D>,
    ) -> Result<Array<f64, D>> {
        let mut cols = rhs_columns(b, self.n)?;
        self.solve_columns(&mut cols, true);
        super::assemble(cols, b.raw_dim(), self.n)
    }

    /// Solves `A x = b` for `b` of shape `(n,)` or `(n, k)`; `x` has the shape of `b`.
    ///
    /// SciPy equivalent: `lu.solve(b)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`] when `b` has not `n` rows or is not 1-d or 2-d.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{splu, SpluOptions};
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[2.0, 0.0], [1.0, 4.0]]);
    /// let lu = splu(&a, &SpluOptions::default())?;
    /// assert_eq!(lu.solve(&array![2.0, 9.0])?, array![1.0, 2.0]);
    /// assert_eq!(lu.solve(&array![[2.0, 4.0], [9.0, 2.0]])?, array![[1.0, 2.0], [2.0, 0.0]]);
    /// assert!(lu.solve(&array![1.0]).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn solve<S: Data<Elem = f64>, D: Dimension>(&self, b: &ArrayBase<S, D>) -> Result<Array<f64, D>> {
        let mut cols = rhs_columns(b, self.n)?;
        self.solve_columns(&mut cols, false);
        super::assemble(cols, b.raw_dim(), self.n)
    }
}

/// Solves the sparse system `A x = b` by a sparse LU factorization ([`splu`] with default
/// options); `b` is `(n,)` or `(n, k)` and `x` has its shape.
///
/// SciPy equivalent: `scipy.sparse.linalg.spsolve(A, b)` (where SciPy warns
/// `MatrixRankWarning` and returns NaN for a singular matrix, this is an error).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square `A` or a `b` that does not fit;
/// [`SparseError::SingularMatrix`] for an exactly singular `A`.
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::spsolve;
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = CsrMatrix::from_triplets(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[0, 0, 1, 2, 2, 2], &[0, 2, 2, 0, 1, 2], (3, 3))?;
/// let x = spsolve(&a, &array![1.0, 2.0, 3.0])?;
/// assert_allclose(&x, &array![-1.0 / 3.0, 1.0 / 15.0, 2.0 / 3.0], 1e-14, 1e-15);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn spsolve<A: ToCsc + ?Sized, S: Data<Elem = f64>, D: Dimension>(
    a: &A,
    b: &ArrayBase<S, D>,
) -> Result<Array<f64, D>> {
    let csc = a.to_csc();
    let n = csc.shape().0;
    // Check b before factoring, as SciPy does.
    rhs_columns(b, n)?;
    splu(csc.as_ref(), &SpluOptions::default())?.solve(b)
}

/// Factors `A` once and returns a function solving `A x = b` for 1-d `b`.
///
/// SciPy equivalent: `scipy.sparse.linalg.factorized(A)`.
///
/// # Errors
///
/// Those of [`splu`]; the returned function fails on a `b` of the wrong length.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::factorized;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[3.0, 2.0], [1.0, -1.0]]);
/// let solve = factorized(&a)?;
/// assert_eq!(solve(&array![5.0, 0.0])?, array![1.0, 1.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn factorized<A: ToCsc + ?Sized>(a: &A) -> Result<impl Fn(&Array1<f64>) -> Result<Array1<f64>>> {
    let lu = splu(a, &SpluOptions::default())?;
    Ok(move |b: &Array1<f64>| lu.solve(b))
}

/// Solves `A x = b` for a triangular sparse `A` by substitution (entries outside the named
/// triangle are ignored, as SciPy does).
///
/// SciPy equivalent: `scipy.sparse.linalg.spsolve_triangular(A, b, lower=lower,
/// unit_diagonal=unit_diagonal)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square `A` or a `b` that does not fit;
/// [`SparseError::SingularMatrix`] for a zero or missing diagonal entry (unless
/// `unit_diagonal`).
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::spsolve_triangular;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CsrMatrix::from_dense(&array![[3.0, 0.0, 0.0], [1.0, -1.0, 0.0], [2.0, 0.0, 1.0]]);
/// let x = spsolve_triangular(&a, &array![[9.0, 0.0], [0.0, -1.0], [3.0, 1.0]], true, false)?;
/// assert_eq!(x, array![[3.0, 0.0], [3.0, 1.0], [-3.0, 1.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn spsolve_triangular<S: Data<Elem = f64>, D: Dimension>(
    a: &CsrMatrix<f64>,
    b: &ArrayBase<S, D>,
    lower: bool,
    unit_diagonal: bool,
) -> Result<Array<f64, D>> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    let mut cols = rhs_columns(b, n)?;
    let cs = &a.cs;
    let mut diag = vec![0.0; n];
    if !unit_diagonal {
        for i in 0..n {
            for p in cs.indptr[i]..cs.indptr[i + 1] {
                if cs.indices[p] == i {
                    diag[i] += cs.data[p];
                }
            }
            if diag[i] == 0.0 {
                return Err(SparseError::SingularMatrix);
            }
        }
    }
    let solve_row = |x: &mut [f64], i: usize| {
        let mut s = x[i];
        for p in cs.indptr[i]..cs.indptr[i + 1] {
            let j = cs.indices[p];
            if (lower && j < i) || (!lower && j > i) {
                s -= cs.data[p] * x[j];
            }
        }
        x[i] = if unit_diagonal { s } else { s / diag[i] };
    };
    for x in &mut cols {
        if lower {
            (0..n).for_each(|i| solve_row(x, i));
        } else {
            (0..n).rev().for_each(|i| solve_row(x, i));
        }
    }
    super::assemble(cols, b.raw_dim(), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_options_factor_by_supernodes() {
        let t = crate::diags(&[vec![-1.0], vec![2.5], vec![-1.2]], &[-1, 0, 1], Some((40, 40))).unwrap();
        let i = crate::identity::<f64>(40);
        let a = crate::kron(&t, &i).add(&crate::kron(&i, &t)).unwrap();
        let lu = splu(&a, &SpluOptions::default()).unwrap();
        assert!(matches!(lu.engine, Engine::Supernodal { .. }));
        let opts = SpluOptions { diag_pivot_thresh: 0.9, ..Default::default() };
        assert!(matches!(splu(&a, &opts).unwrap().engine, Engine::LeftLooking(_)));
    }
}

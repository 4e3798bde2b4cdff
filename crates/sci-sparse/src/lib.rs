//! # sci-sparse: `scipy.sparse` on ndarray
//!
//! Sparse matrices in SciPy's three workhorse formats — [`CooMatrix`] (triplets),
//! [`CsrMatrix`] (compressed rows) and [`CscMatrix`] (compressed columns), plus
//! [`LilMatrix`], [`DiaMatrix`] and [`BsrMatrix`] for construction and special structure — with SciPy's
//! storage conventions (unsorted indices, duplicates and explicit zeros are representable, and
//! [`CsrMatrix::has_canonical_format`] tells), SciPy's constructors ([`diags`], [`random`],
//! [`kron`], [`hstack`], ...), sparse direct and iterative solvers in [`linalg`], and graph
//! algorithms in [`csgraph`]. `docs/names/sparse.tsv` lists every `scipy.sparse` name.
//!
//! ```
//! use sci_sparse::{CsrMatrix, linalg::spsolve};
//! use sci_sparse::sci_array::ndarray::array;
//! use sci_sparse::sci_array::testing::assert_allclose;
//! let row = [0, 0, 1, 2, 2, 2];
//! let col = [0, 2, 2, 0, 1, 2];
//! let a = CsrMatrix::from_triplets(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &row, &col, (3, 3))?;
//! assert_eq!(a.dot(&array![1.0, 2.0, 3.0])?, array![7.0, 9.0, 32.0]);
//! let x = spsolve(&a, &array![1.0, 2.0, 3.0])?;
//! assert_allclose(&x, &array![-1.0 / 3.0, 1.0 / 15.0, 2.0 / 3.0], 1e-14, 1e-15);
//! # Ok::<(), sci_sparse::SparseError>(())
//! ```
//!
//! ## What is here
//!
//! | SciPy | here |
//! | --- | --- |
//! | `coo_array`, `csr_array`, `csc_array` | [`CooMatrix`] (`add`, `sub`, `multiply`, `matmul` giving CSR, `scale`), [`CsrMatrix`], [`CscMatrix`] (`toarray`, `tocsr`, `tocsc`, `tocoo`, `transpose`, `nnz`, `sum`, `sum_axis`, `diagonal`, `eliminate_zeros`, `sum_duplicates`, `sort_indices`, `has_canonical_format`, `add`, `sub`, `scale`, `multiply`, `dot`, `dot_dense`, `matmul`, `slice_rows`, `slice_cols`, `select_rows`, `select_cols`, `select`, `max_axis`, `min_axis`, `argmax`, `argmin`, `argmax_axis`, `argmin_axis`, `mean_axis`, `setdiag`, `set`, `set_many`, `resize`, `reshape`, `div_scalar`, `divide`, `conj`, `sqrt`/`sin`/... ufuncs, `getrow`, `getcol`, `get`, `nbytes`) |
//! | `lil_array`, `dia_array`, `bsr_array` | [`LilMatrix`] (`set`, `get`, `getrow`, `rows`, `data`), [`DiaMatrix`] (`offsets`, `data`, `diagonal`), [`BsrMatrix`] (`blocksize`, `indptr`, `indices`, `data`); each with `toarray`, `tocsr`, `tocsc`, `tocoo`, `nnz`, `dot`, `add`, `sub`, `multiply`, `matmul`, `scale` (SciPy's result formats), and `CsrMatrix::tolil` / `todia` / `tobsr` / `tobsr_auto` ([`estimate_blocksize`]) |
//! | `eye`, `identity`, `diags`, `spdiags`, `random`, `kron`, `kronsum`, `hstack`, `vstack`, `bmat`, `block_diag`, `tril`, `triu`, `find`, `swapaxes`, `permute_dims` | [`eye`], [`identity`], [`diags`], [`spdiags`], [`random`], [`kron`], [`kronsum`], [`hstack`], [`vstack`], [`bmat`], [`block_diag`], [`tril`], [`triu`], [`find`], [`swapaxes`], [`permute_dims`] |
//! | `sparse.linalg.spsolve`, `splu`, `spilu`, `factorized`, `spsolve_triangular`, `inv`, `norm` | [`linalg::spsolve`], [`linalg::splu`], [`linalg::spilu`], [`linalg::factorized`], [`linalg::spsolve_triangular`], [`linalg::inv`], [`linalg::norm`] |
//! | `sparse.linalg.expm`, `expm_multiply`, `onenormest` | [`linalg::expm`], [`linalg::expm_multiply`], [`linalg::onenormest`] |
//! | `sparse.linalg.expm`, `expm_multiply`, `onenormest` | [`linalg::expm`], [`linalg::expm_multiply`], [`linalg::onenormest`] |
//! | `sparse.linalg.cg`, `bicg`, `bicgstab`, `cgs`, `gmres`, `lgmres`, `gcrotmk`, `minres`, `LinearOperator` | [`linalg::cg`], [`linalg::bicg`], [`linalg::bicgstab`], [`linalg::cgs`], [`linalg::gmres`], [`linalg::lgmres`], [`linalg::gcrotmk`], [`linalg::minres`], [`linalg::LinearOperator`] |
//! | `sparse.linalg.eigsh`, `eigs`, `lobpcg`, `svds` | [`linalg::eigsh`], [`linalg::eigs`], [`linalg::lobpcg`], [`linalg::svds`] |
//! | `sparse.csgraph.*` | [`csgraph::connected_components`], [`csgraph::shortest_path`], [`csgraph::dijkstra`], [`csgraph::bellman_ford`], [`csgraph::johnson`], [`csgraph::dijkstra_min_only`], [`csgraph::yen`], [`csgraph::floyd_warshall`], [`csgraph::minimum_spanning_tree`], [`csgraph::breadth_first_order`], [`csgraph::depth_first_order`], [`csgraph::reverse_cuthill_mckee`], [`csgraph::laplacian`], [`csgraph::maximum_flow`], [`csgraph::min_weight_full_bipartite_matching`], ... |
//!
//! Errors are [`SparseError`]; where SciPy warns `MatrixRankWarning` and returns NaN for a
//! singular system this crate returns [`SparseError::SingularMatrix`].
//!
//! ## Design
//!
//! The formats are this crate's own structs over `Vec` storage, because SciPy lets a CSR
//! matrix hold unsorted and duplicate indices, which [`sprs`]' `CsMat` (sorted, duplicate-free
//! by construction) cannot represent; [`CsrMatrix::to_sprs`] and [`CsrMatrix::from_sprs`]
//! convert to and from `sprs`. Indices are `usize` by default; [`CsrMatrix`], [`CscMatrix`] and
//! [`CooMatrix`] also take `i32` or `i64` ([`SpIndex`], SciPy's `int32`/`int64` index dtypes:
//! `CsrMatrix::<f64, i32>`, built from `i32` triplets or raw arrays, or converted with
//! [`CsrMatrix::to_index_type`]) for construction, `toarray`, `tocsr`/`tocsc`/`tocoo`,
//! `transpose`, `sum_duplicates`, `sort_indices`, `eliminate_zeros`, products (`dot`,
//! `dot_dense`, `matmul`), `add`, `sub`, `scale`, `multiply` and `nbytes`; the rest (slicing and
//! fancy indexing, LIL/DIA/BSR, `linalg`, `csgraph`, `from_dense`/`eye`/`zeros`) works on
//! `usize` matrices: `to_index_type::<usize>()` converts. Where SciPy would upcast `int32` to
//! `int64` (more than 2^31 - 1 entries or rows), an `i32` matrix returns
//! [`SparseError::IndexOverflow`]. Elements are any [`SparseScalar`]
//! (`f64`, `f32`, integers, `Complex<f64>`, ...); solvers work on `f64`.
//!
//! Speed: products run on rayon above 10^5 stored entries; [`linalg::spsolve`] is, as
//! SuperLU's default, a supernodal LU with partial pivoting after a COLAMD column ordering
//! (faer's sparse LU; other orderings and threshold pivoting use a left-looking
//! Gilbert–Peierls LU); [`linalg::eigsh`] is a thick-restart
//! Lanczos method with full (DGKS) reorthogonalization.
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod arith;
mod axes;
mod axis;
mod bsr;
mod compressed;
mod construct;
mod coo;
mod cs;
mod csc;
pub mod csgraph;
mod csr;
mod dia;
mod display;
mod elementwise;
mod error;
mod extras;
mod index;
mod index_type;
mod lil;
pub mod linalg;
mod modify;
mod products;
mod scalar;

pub use arith::estimate_blocksize;
pub use axes::{permute_dims, swapaxes};
pub use bsr::BsrMatrix;
pub use construct::{diags, eye, find, hstack, identity, kron, random, tril, triu, vstack};
pub use coo::CooMatrix;
pub use csc::CscMatrix;
pub use csr::CsrMatrix;
pub use dia::DiaMatrix;
pub use error::{Result, SparseError};
pub use extras::{block_diag, bmat, kronsum, spdiags};
pub use index_type::SpIndex;
pub use lil::LilMatrix;
pub use scalar::SparseScalar;

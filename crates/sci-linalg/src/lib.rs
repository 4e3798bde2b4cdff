//! # sci-linalg: `scipy.linalg` on ndarray
//!
//! Dense linear algebra for real (`f64`, `f32`) and complex (`Complex<f64>`, `Complex<f32>`)
//! matrices held in `ndarray` arrays, under SciPy's names and with SciPy's conventions: [`solve`], [`det`], [`inv`],
//! [`lstsq`], [`svd`], [`eigh`], [`eig`], [`lu`], [`qr`], [`cholesky`], [`schur`], [`expm`],
//! [`sqrtm`], [`logm`], [`funm`], [`norm`] ([`norm_with`]: `axis=`, `keepdims=`), [`matrix_balance`],
//! the special matrices ([`toeplitz`], [`hilbert`], ...) and more; `docs/names/linalg.tsv`
//! lists every `scipy.linalg` name and where it lives. NumPy's [`polyfit`], [`polyval`] and
//! [`roots`] live here too, as they are built on [`lstsq`] and [`eigvals`].
//!
//! By topic: solvers ([`solve`], [`solve_report`] and [`inv_report`] (with SciPy's
//! [`LinAlgWarning`]), [`solve_triangular`], [`solve_sylvester`],
//! [`solve_continuous_lyapunov`], [`solve_discrete_lyapunov`], [`solve_continuous_are`],
//! [`solve_discrete_are`] (with `e=`, `s=`, `balanced=`: [`solve_continuous_are_with`],
//! [`solve_discrete_are_with`]), [`solve_banded`], [`solveh_banded`],
//! [`solve_circulant`] (real `c` with complex `b` or the reverse: [`solve_circulant_complex`],
//! [`solve_circulant_complex_with`]), [`solve_toeplitz`], [`lstsq`]); decompositions ([`lu`], [`ldl`],
//! [`cholesky`], [`cholesky_banded`], [`qr`], [`qr_pivoting`], [`rq`], [`svd`], [`schur`],
//! [`schur_sorted`], [`rsf2csf`], [`hessenberg`], [`polar`], [`qz`], and QR updating:
//! [`qr_multiply`], [`qr_update`], [`qr_insert`], [`qr_insert_with`], [`qr_delete`]); eigenvalues ([`eig`], [`eig_with`]
//! (generalized, left vectors), [`eigh`],
//! [`eig_banded`], [`eigh_with`] (generalized, subsets, `driver=` as [`EighDriver`]), [`eigh_tridiagonal`]);
//! subspaces and rank ([`orth`], [`null_space`], [`subspace_angles`], [`matrix_rank_with`]); matrix functions ([`expm`], [`logm`], [`sqrtm`], [`funm`], [`signm`],
//! [`fractional_matrix_power`], [`cosm`], [`sinm`], [`tanm`], [`coshm`], [`sinhm`], [`tanhm`],
//! [`expm_frechet`], [`expm_cond`]);
//! NumPy's products ([`matmul`], [`matmul_nd`] (stacked and 1-d), [`dot`], [`dot_nd`], [`multi_dot`],
//! [`multi_dot_nd`], [`kron_nd`], [`tensordot`], [`inner`], [`outer`], [`vdot`], [`vecdot`],
//! [`cross`], [`trace`], [`trace_nd`], [`matrix_transpose`]); `f64` products run on
//! the crate's own blocked GEMM (an AVX2 + FMA microkernel, its AVX-512 form where the CPU has
//! AVX-512F; two threads when large), complex128 products of middling size on that GEMM through
//! the real form of the complex matrices, other types on faer's.
//!
//! ```
//! use sci_linalg::{det, solve, svdvals};
//! use sci_linalg::sci_array::ndarray::array;
//! use sci_linalg::sci_array::testing::assert_allclose;
//! let a = array![[3.0, 6.0, -5.0], [1.0, -3.0, 2.0], [5.0, -1.0, 4.0]];
//! assert_allclose(&solve(&a, &array![12.0, -2.0, 10.0])?, &array![1.75, 1.75, 0.75], 1e-12, 0.0);
//! let d: f64 = det(&array![[1.0, 2.0], [3.0, 4.0]])?;
//! assert!((d + 2.0).abs() < 1e-12);
//! let s = svdvals(&array![[1.0, 2.0], [2.0, 3.0]])?; // descending
//! assert!(s[0] > s[1]);
//! # Ok::<(), sci_linalg::LinalgError>(())
//! ```
//!
//! ## Conventions
//!
//! * Inputs are any `&ArrayBase<S, Ix2>` (owned arrays, views, transposed, sliced or
//!   negative-stride views); right-hand sides `b` are `(n,)` or `(n, k)` and solutions keep
//!   that shape. Results are new arrays, usually in Fortran (column-major) order, as SciPy's.
//! * SciPy's `check_finite=True` is always on: NaN or infinity in an input is
//!   [`LinalgError::NonFinite`] naming the argument; nothing panics on user input.
//! * Exact singularity (a zero pivot) is [`LinalgError::Singular`]; SciPy's ill-conditioning
//!   warning ([`LinAlgWarning`]) of `solve` and `inv` is returned by [`solve_report`] and
//!   [`inv_report`] or made an error by [`WarningAction::Error`] (Python's warnings filter
//!   `'error'`).
//! * Keyword arguments become option structs with SciPy's defaults ([`SolveOptions`],
//!   [`TriangularOptions`]) or plain parameters where there are one or two.
//! * One generic API for real and complex matrices (the sealed [`LinalgScalar`]: `f32`, `f64`,
//!   `Complex<f32>`, `Complex<f64>`), as SciPy accepts complex arrays everywhere:
//!   `det(&complex_matrix)` is a complex number, singular values, norms and Hermitian
//!   eigenvalues are real ([`RealOf<T>`](RealOf)), `eig` always returns complex values.
//!   Complex matrices are computed by faer also with the `lapack` feature. Where a real
//!   unsuffixed literal matrix (`array![[1.0, 2.0]]`) meets a method call on a real result of
//!   these functions, write `1.0f64` once so that the element type is known.
//! * Singular vectors and eigenvectors are unique only up to sign (or complex phase); they may
//!   differ from SciPy's by that factor, while values and reconstructions agree.
//!
//! ## Design: why faer
//!
//! SciPy calls LAPACK. This crate calls [faer](https://docs.rs/faer), a pure-Rust dense
//! linear algebra library whose blocked, SIMD and rayon-parallel LU, Cholesky, QR, SVD and
//! eigenvalue kernels are as fast as OpenBLAS-backed LAPACK on this project's machines
//! (SVD of 512×512 ≈ 73 ms for both; `solve` of 1000×1000 ≈ 16 ms against SciPy's 25 ms).
//! Being pure Rust, it needs no system BLAS/LAPACK, Fortran compiler or linking setup, and it
//! builds the same everywhere. Only `std`, `linalg` and `rayon` features of faer are enabled.
//!
//! ndarray and faer describe a matrix the same way (pointer and two signed strides), so every
//! input view is handed to faer without a copy, and faer writes results straight into the
//! ndarray that is returned; the only copies are those LAPACK makes too (the working copy an
//! in-place factorization overwrites, the right-hand side a solver overwrites).
//!
//! ## Threads
//!
//! faer's kernels run on rayon's pool, but each call picks one thread unless a second one
//! pays: below a per-kernel amount of work (about an 800×800 product, a 1400×1400 Cholesky
//! factor, a 2500×2500 LU, a 2100×2100 QR, a 1350×1350 SVD, a 930×930 `eig`), and on Linux
//! also while another process is runnable (as OpenMP's `OMP_DYNAMIC`; `SCI_DYNAMIC=false` in
//! the environment turns this check off), one thread is faster:
//! faer's parallel LU, QR, SVD and eigenvalue paths join threads at every panel and stall when a
//! thread loses its core. `faer::set_global_parallelism(Par::Seq)` makes every call
//! single-threaded. Results can differ in the last bits between the two paths.
//!
//! The `f64` matrix product ([`matmul`], [`matmul_nd`], [`dot`], [`dot_nd`], [`multi_dot`]) is the exception
//! to the load check: from about a 200×200 product it runs on two threads (unless another
//! thread of the program is using the helper at the time), the caller and one persistent helper
//! thread that the crate starts on first use and that spins for 2 ms after each task before it
//! sleeps, as BLAS libraries keep their threads. The two share the columns of the result
//! dynamically, so another process on the machine slows the product in proportion instead of
//! stalling it at a barrier.
//!
//! `f64` LU (`det`, `slogdet`, `solve`, `inv`, `lu`, `lu_factor`) and Cholesky (`cholesky`,
//! `cho_factor`, `solve` with `PositiveDefinite`) on two threads (on an idle machine, from n ≈
//! 570 for LU and 300 for Cholesky) are the crate's own blocked versions of LAPACK's `dgetrf`
//! and `dpotrf` on its `dgemm` kernel, by a team of two threads with look-ahead (one factors
//! the next panel while the other updates the trailing matrix; LAPACK's pivoting rule and
//! `info`); `inv` then solves the identity's block columns on both threads. On one thread, LU
//! is faer's and Cholesky the crate's recursive `dpotrf2`. `f32` and complex matrices stay on
//! faer. A row-major `f64` `a` is factored as `aᵀ` by `det`, `slogdet`, `solve` and `inv` (a
//! plain copy instead of a transposing one); the results are the same to rounding.
//!
//! Singular values alone ([`svdvals`], and [`matrix_rank`], [`cond`], the 2- and nuclear
//! norms and `lstsq`'s values built on them) are the crate's own, for real and complex input:
//! the Golub–Kahan bidiagonal reduction with the reflectors' updates deferred by one step (one
//! pass over the trailing block per step, its columns shared in chunks with the helper thread
//! from about 125 × 125), after the blocked QR for matrices with at least 5/3 as many rows as
//! columns, and the dqds algorithm for the bidiagonal's values (relatively accurate; faster
//! than LAPACK's `dlasq1` on the machine this was measured on). `svdvals` of 500 × 500 takes
//! 13-15 ms against SciPy's 20-25.
//!
//! ## Feature `lapack`: the system's LAPACK instead
//!
//! With `features = ["lapack"]` the same functions compute through the LAPACK of the system
//! OpenBLAS (Debian: `apt-get install libopenblas-dev`), linked by `ndarray-linalg`'s
//! `openblas-system` feature, calling SciPy's own drivers: `gesv` for [`solve`] (general
//! `a`), `getrf` for [`det`], [`slogdet`], [`lu`], [`lu_factor`] and `solve` with
//! `transposed`/`assume_a = Symmetric`, `getrf` + `getri` for [`inv`], `gesdd` (divide and
//! conquer) for [`svd`] and [`svdvals`], `syevr` for [`eigh`] and [`eigvalsh`], `geev` for
//! [`eig`] and [`eigvals`], `potrf` for [`cholesky`], [`cho_factor`] and `assume_a =
//! PositiveDefinite`, `geqrf` + `orgqr` for [`qr`] and [`qr_r`] (unpivoted), `gelsd` for
//! [`lstsq`]. Whatever is built on the SVD ([`pinv`], [`matrix_rank`], [`cond`], the
//! 2-norms) uses `gesdd` too, and `geqp3` serves pivoted QR. Schur, LDL and the matrix
//! functions stay on faer. Results, errors and the fixture tests are the same for both
//! backends; empty inputs are handled before LAPACK is reached. Complex matrices never reach
//! LAPACK (no `z`/`c` drivers are wired): they take faer or, for QR and singular values, the
//! crate's own LAPACK-style blocked `zgeqrf`/`zungqr`/`zgeqp3` and reduction. OpenBLAS threads each call itself: do not call the
//! `lapack` backend from inside rayon tasks unless `OPENBLAS_NUM_THREADS=1`. Without the
//! feature nothing LAPACK-related is compiled.
//!
//! An OpenBLAS older than the CPU may pick narrower kernels than the CPU runs (Debian 12's
//! 0.3.21 runs SSE3 kernels on a 2023 Xeon, AVX2 ones on an AMD Zen 4, where SciPy's bundled
//! OpenBLAS runs AVX-512 ones). Before its first OpenBLAS call the crate has such a library
//! select the widest family the CPU supports, as `OPENBLAS_CORETYPE` would; set that
//! variable to keep a family of your choice.
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod balance;
mod band_solve;
mod banded;
mod bidiag_values;
mod blas;
mod cholesky;
mod cholesky_blocked;
mod circulant;
mod circulant_batch;
mod circulant_mixed;
mod complex;
mod condest;
mod cossin;
mod dqds;
mod eig;
mod eig_gen;
mod eigh_driver;
mod eigh_gen;
mod eigh_pencil;
mod error;
mod frechet;
mod geqp3;
mod gttrf;
mod hessenberg;
mod inv_assume;
#[cfg(feature = "lapack")]
mod lapack;
mod ldl;
mod linalg_scalar;
mod lstsq;
mod lu;
mod lu_blocked;
mod matfun;
mod matfuncs;
mod norm;
mod norm_api;
mod norm_axis;
#[cfg(feature = "lapack")]
mod openblas_kernels;
mod ordqz;
mod polynomial;
mod procrustes;
mod products;
mod qr;
mod qr_blocked;
mod qr_multiply;
mod qr_numpy;
mod qr_raw;
mod qr_thin;
mod qr_update;
mod qz;
mod rank;
mod rhs;
mod riccati;
mod riccati_complex;
mod riccati_pencil;
mod scalar;
mod schur;
mod schur_sort;
mod sketch;
mod solve;
mod special;
mod special2;
mod special3;
mod special_batch;
mod stacked;
mod subspace;
mod svd;
mod svd_faer;
mod sylvester;
mod sym_factor;
mod team;
mod tensor;
mod tensor_products;
mod toeplitz_fft;
mod toeplitz_solve;
mod triangular_blocked;
mod tridiag;
mod warning;
mod worker;

pub use balance::{Balance, matrix_balance};
pub use banded::{
    EigSelect, cho_solve_banded, cholesky_banded, eig_banded, eigvals_banded, solve_banded, solveh_banded,
};
pub use cholesky::{ChoFactor, cho_factor, cho_solve, cholesky};
pub use circulant::{CirculantSingular, solve_circulant};
pub use circulant_batch::{SolveCirculantOptions, solve_circulant_with};
pub use circulant_mixed::{solve_circulant_complex, solve_circulant_complex_with};
pub use cossin::{Cossin, CossinOptions, CossinParts, cossin, cossin_blocks, cossin_separate};
pub use eig::{eig, eigh, eigvals, eigvalsh};
pub use eig_gen::{Eig, EigOptions, eig_with, eigvals_with};
pub use eigh_driver::EighDriver;
pub use eigh_gen::{
    TridiagonalDriver, TridiagonalOptions, eigh_tridiagonal, eigh_tridiagonal_with, eigvalsh_tridiagonal,
    eigvalsh_tridiagonal_with,
};
pub use eigh_pencil::{EighOptions, EighType, eigh_with, eigvalsh_with};
pub use error::{LinalgError, Result};
pub use frechet::{ExpmFrechetMethod, expm_cond, expm_frechet};
pub use hessenberg::hessenberg;
pub use inv_assume::{InvOptions, inv_report_with, inv_with};
pub use ldl::{LdlOptions, ldl, ldl_with};
pub use linalg_scalar::{LinalgScalar, RealOf};
pub use lstsq::{Lstsq, lstsq, null_space, orth, pinv, pinv_with_rank};
pub use lu::{LuFactor, Trans, det, inv, lu, lu_factor, lu_p_indices, lu_permute_l, lu_solve, slogdet};
pub use matfun::{
    RealOrComplex, coshm, cosm, fractional_matrix_power, funm, logm, signm, sinhm, sinm, sqrtm, tanhm, tanm,
};
pub use matfuncs::{expm, matrix_power};
pub use norm::{NormOrd, cond, matrix_rank, norm};
pub use norm_api::{VectorNormOptions, matrix_norm, vector_norm};
pub use norm_axis::{NormAxis, NormOptions, norm_with};
pub use ordqz::{Ordqz, QzSort, ordqz, ordqz_by, ordqz_complex, ordqz_complex_by};
pub use polynomial::{PolyfitFull, PolyfitOptions, polyfit, polyfit_cov, polyfit_full, polyval, roots};
pub use procrustes::{
    Side, bandwidth, ishermitian, issymmetric, orthogonal_procrustes, pinvh, pinvh_with_rank, polar,
};
pub use products::{dot, dot_nd, matmul, multi_dot};
pub use qr::{QrMode, qr, qr_pivoting, qr_r, qr_r_pivoting, rq};
pub use qr_multiply::{qr_multiply, qr_multiply_pivoting};
pub use qr_numpy::{NpQr, NpQrMode, np_qr};
pub use qr_raw::{qr_raw, qr_raw_pivoting};
pub use qr_update::{QrInsertOptions, QrWhich, qr_delete, qr_insert, qr_insert_with, qr_update};
pub use qz::{Qz, qz, qz_complex};
pub use rank::{MatrixRankOptions, matrix_rank_nd, matrix_rank_with};
pub use riccati::{
    AreOptions, solve_continuous_are, solve_continuous_are_with, solve_discrete_are, solve_discrete_are_with,
};
pub use scalar::LinalgFloat;
pub use schur::{rsf2csf, schur, schur_complex};
pub use schur_sort::{SchurSort, schur_complex_sorted, schur_sorted, schur_sorted_by};
pub use sketch::clarkson_woodruff_transform;
pub use solve::{AssumeA, SolveOptions, TriangularOptions, solve, solve_triangular, solve_with};
pub use special::{
    PascalKind, block_diag, circulant, companion, fiedler, hadamard, hankel, helmert, hilbert, invhilbert,
    invhilbert_exact, kron, kron_nd, leslie, pascal, toeplitz,
};
pub use special_batch::{cdf2rdf_batched, fiedler_companion_batched};
pub use special2::{ConvolveMode, DftScale, convolution_matrix, dft, khatri_rao};
pub use special3::{cdf2rdf, fiedler_companion, invpascal};
pub use stacked::{matmul_nd, multi_dot_nd};
pub use subspace::subspace_angles;
pub use svd::{Svd, SvdDriver, SvdOptions, diagsvd, svd, svd_with, svdvals};
pub use sylvester::{
    DiscreteLyapunovMethod, solve_continuous_lyapunov, solve_discrete_lyapunov, solve_sylvester,
};
pub use tensor::{tensorinv, tensorsolve};
pub use tensor_products::{
    CrossOptions, TensordotAxes, cross, cross_with, inner, matrix_transpose, outer, tensordot, trace,
    trace_nd, vdot, vecdot,
};
pub use toeplitz_fft::{
    MatmulToeplitzOptions, matmul_toeplitz, matmul_toeplitz_batched, matmul_toeplitz_with,
};
pub use toeplitz_solve::solve_toeplitz;
pub use warning::{InvReport, LinAlgWarning, SolveReport, WarningAction, inv_report, solve_report};

//! The element trait of the public API: real (`f32`, `f64`) and complex (`Complex<f32>`,
//! `Complex<f64>`) scalars, LAPACK's `s`, `d`, `c` and `z`.
//!
//! Every generic public function (`det`, `solve`, `svd`, ...) takes `T: LinalgScalar`; it is a
//! thin wrapper that hands the matrix to the kernel of its element type through the hidden
//! methods below: the real kernels (faer or, with the `lapack` feature, LAPACK) for `f32`/`f64`,
//! the complex kernels of [`crate::complex`] (always faer) for `Complex<f32>`/`Complex<f64>`.

use std::fmt::Debug;

use ndarray::{Array, Array1, Array2, ArrayView, ArrayView2, ArrayViewMut2, Dimension};
use num_complex::Complex;

use crate::cholesky::ChoFactor;
use crate::eig_gen::Gevd;
use crate::eigh_driver::{EighDriver, EvRange, Evd};
use crate::error::Result;
use crate::geqp3::RawPivoted;
use crate::lstsq::Lstsq;
use crate::lu::PackedLu;
use crate::norm::NormOrd;
use crate::qr::QrMode;
use crate::scalar::LinalgFloat;
use crate::solve::SolveOptions;
use crate::svd::Svd;
use crate::warning::Estimate;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex<f32> {}
    impl Sealed for num_complex::Complex<f64> {}
}

/// The real type under a [`LinalgScalar`]: `f64` for `f64` and `Complex<f64>`, `f32` for `f32`
/// and `Complex<f32>` (NumPy's `a.real.dtype`).
pub type RealOf<T> = <T as LinalgScalar>::Real;

/// `(w, v)` of an eigendecomposition with complex eigenvalues and vectors.
pub(crate) type ComplexEig<R> = (Array1<Complex<R>>, Array2<Complex<R>>);
/// `(q, r, p)` of a column-pivoted QR decomposition `a[:, p] = q r`.
pub(crate) type PivotedQr<T> = (Array2<T>, Array2<T>, Array1<usize>);
/// `(t, z)` of a complex Schur decomposition `a = z t zᴴ`.
pub(crate) type ComplexSchur<R> = (Array2<Complex<R>>, Array2<Complex<R>>);

/// The element types the decompositions and solvers accept: `f32`, `f64`, `Complex<f32>` and
/// `Complex<f64>` (NumPy's `float32`, `float64`, `complex64`, `complex128`).
///
/// `Real` is the type of norms, singular values and Hermitian eigenvalues. Real matrices keep
/// every routine of [`LinalgFloat`] (including the `lapack` backend); complex matrices are
/// computed by faer on both backends. The trait is sealed; its hidden methods are the per-type
/// kernels the public functions dispatch to.
///
/// # Examples
///
/// ```
/// use sci_linalg::{LinalgScalar, RealOf, det, svdvals};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::num_complex::Complex64;
/// fn largest_singular_value<T: LinalgScalar>(a: &Array2<T>) -> RealOf<T> {
///     svdvals(a).unwrap()[0]
/// }
/// let i = Complex64::new(0.0, 1.0);
/// let a = array![[i, Complex64::new(0.0, 0.0)], [Complex64::new(0.0, 0.0), 2.0 * i]];
/// assert_eq!(det(&a).unwrap(), Complex64::new(-2.0, 0.0));
/// assert!((largest_singular_value(&a) - 2.0).abs() < 1e-15);
/// assert!((largest_singular_value(&array![[3.0f32]]) - 3.0).abs() < 1e-6);
/// ```
pub trait LinalgScalar:
    faer::traits::ComplexField
    + ndarray::LinalgScalar
    + ndarray::ScalarOperand
    + num_traits::NumAssign
    + Debug
    + Default
    + Send
    + Sync
    + 'static
    + sealed::Sealed
{
    /// The real type of the modulus, norms, singular values and Hermitian eigenvalues.
    type Real: LinalgFloat;
    /// Whether the type is complex.
    const IS_COMPLEX: bool;
    /// The scalar with real part `x` and imaginary part 0.
    fn from_real(x: <Self as LinalgScalar>::Real) -> Self;
    /// The real part.
    fn re(self) -> <Self as LinalgScalar>::Real;
    /// The imaginary part (0 for real types).
    fn im(self) -> <Self as LinalgScalar>::Real;
    /// The complex conjugate (the value itself for real types).
    fn conj(self) -> Self;
    /// The modulus `|x|` (NumPy's `abs`).
    fn modulus(self) -> <Self as LinalgScalar>::Real;
    /// Whether the value is neither NaN nor infinite (both parts, for complex types).
    fn finite(self) -> bool;
    /// The value as a complex number.
    fn to_complex(self) -> Complex<<Self as LinalgScalar>::Real>;

    #[doc(hidden)]
    fn det_k(a: ArrayView2<'_, Self>) -> Result<Self>;
    #[doc(hidden)]
    fn slogdet_k(a: ArrayView2<'_, Self>) -> Result<(Self, <Self as LinalgScalar>::Real)>;
    #[doc(hidden)]
    fn inv_k(a: ArrayView2<'_, Self>, estimate: bool) -> Result<(Array2<Self>, Option<Estimate>)>;
    #[doc(hidden)]
    fn solve_k<D: Dimension>(
        a: ArrayView2<'_, Self>,
        b: ArrayView<'_, Self, D>,
        opts: SolveOptions,
        estimate: bool,
    ) -> Result<(Array<Self, D>, Option<Estimate>)>;
    #[doc(hidden)]
    fn lu_packed_k(a: ArrayView2<'_, Self>) -> PackedLu<Self>;
    #[doc(hidden)]
    fn cholesky_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<Array2<Self>>;
    #[doc(hidden)]
    fn cho_factor_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<ChoFactor<Self>>;
    #[doc(hidden)]
    fn qr_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<(Array2<Self>, Array2<Self>)>;
    #[doc(hidden)]
    fn qr_r_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>>;
    #[doc(hidden)]
    fn qr_pivoting_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<PivotedQr<Self>>;
    /// LAPACK `?geqp3`: the column-pivoted QR in raw form, `(h, tau, p)`.
    #[doc(hidden)]
    fn geqp3_k(a: ArrayView2<'_, Self>) -> Result<RawPivoted<Self>>;
    #[doc(hidden)]
    fn svd_k(a: ArrayView2<'_, Self>, full_matrices: bool, driver: crate::SvdDriver) -> Result<Svd<Self>>;
    #[doc(hidden)]
    fn svdvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<<Self as LinalgScalar>::Real>>;
    #[doc(hidden)]
    fn eigh_k(
        a: ArrayView2<'_, Self>,
        lower: bool,
        vectors: bool,
    ) -> Result<(Array1<<Self as LinalgScalar>::Real>, Option<Array2<Self>>)>;
    #[doc(hidden)]
    fn eig_k(a: ArrayView2<'_, Self>) -> Result<ComplexEig<<Self as LinalgScalar>::Real>>;
    #[doc(hidden)]
    fn eigvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<Complex<<Self as LinalgScalar>::Real>>>;
    #[doc(hidden)]
    fn schur_c_k(a: ArrayView2<'_, Self>) -> Result<ComplexSchur<<Self as LinalgScalar>::Real>>;
    #[doc(hidden)]
    fn from_complex_k(z: Complex<<Self as LinalgScalar>::Real>) -> Self;
    /// The right Schur vectors `Z` of the ordered QZ decomposition of `(a, b)`: the real form
    /// for real types, the complex one for complex types (SciPy's `output='real' | 'complex'`
    /// by the input's type).
    #[doc(hidden)]
    fn ordqz_z_k(
        a: ArrayView2<'_, Self>,
        b: ArrayView2<'_, Self>,
        sort: crate::ordqz::QzSort,
    ) -> Result<Array2<Self>>;
    #[doc(hidden)]
    fn gevd_k(
        a: ArrayView2<'_, Self>,
        b: ArrayView2<'_, Self>,
        left: bool,
        right: bool,
    ) -> Result<Gevd<<Self as LinalgScalar>::Real>>;
    #[doc(hidden)]
    fn lstsq_k<D: Dimension>(
        a: ArrayView2<'_, Self>,
        b: ArrayView<'_, Self, D>,
        cond: Option<<Self as LinalgScalar>::Real>,
    ) -> Result<Lstsq<Self, D>>;
    #[doc(hidden)]
    fn pinv_k(
        a: ArrayView2<'_, Self>,
        atol: Option<<Self as LinalgScalar>::Real>,
        rtol: Option<<Self as LinalgScalar>::Real>,
    ) -> Result<(Array2<Self>, usize)>;
    #[doc(hidden)]
    fn norm_k<D: Dimension>(
        a: ArrayView<'_, Self, D>,
        ord: Option<NormOrd>,
    ) -> Result<<Self as LinalgScalar>::Real>;
    #[doc(hidden)]
    fn matrix_rank_k(a: ArrayView2<'_, Self>, tol: Option<<Self as LinalgScalar>::Real>) -> Result<usize>;
    #[doc(hidden)]
    fn expm_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>>;
    /// `a @ b` into a new matrix, C-ordered when `c_order` (Fortran-ordered otherwise), shapes
    /// checked by the caller: zeros overwritten by [`Self::gemm_k`]; `f64` overrides it with a
    /// buffer the crate's GEMM writes without reading, as NumPy's `matmul` fills `np.empty`.
    #[doc(hidden)]
    fn gemm_new_k(
        a: ArrayView2<'_, Self>,
        b: ArrayView2<'_, Self>,
        c_order: bool,
        par: faer::Par,
    ) -> Array2<Self> {
        let (m, n) = (a.nrows(), b.ncols());
        let mut out = if c_order { crate::scalar::zeros_c(m, n) } else { crate::scalar::zeros_f(m, n) };
        Self::gemm_k(out.view_mut(), a, b, par);
        out
    }
    /// `out = a @ b` (shapes checked by the caller): complex products on the crate's complex
    /// GEMM (`blas::zgemm`, AVX-512F), else faer's GEMM (complex128 products of middling size
    /// on the crate's real GEMM, `blas::embed::matmul`); `f64` overrides it with the crate's
    /// own `blas::dgemm`.
    #[doc(hidden)]
    fn gemm_k(
        out: ArrayViewMut2<'_, Self>,
        a: ArrayView2<'_, Self>,
        b: ArrayView2<'_, Self>,
        par: faer::Par,
    ) {
        use crate::scalar::{as_faer, as_faer_mut};
        let mut out = out;
        #[cfg(target_arch = "x86_64")]
        if crate::blas::zgemm::zgemm(
            Self::one(),
            a,
            false,
            b,
            false,
            Self::zero(),
            out.view_mut(),
            par.degree(),
        ) {
            return;
        }
        if crate::blas::embed::matmul(a, b, out.view_mut(), par) {
            return;
        }
        faer::linalg::matmul::matmul(
            as_faer_mut(out),
            faer::Accum::Replace,
            as_faer(a),
            as_faer(b),
            Self::one(),
            par,
        );
    }
    /// The Hermitian problem by a LAPACK driver itself (`lapack` feature, real input), `None`
    /// where no LAPACK route exists (then faer computes it).
    #[doc(hidden)]
    fn eigh_lapack_k(
        a: ArrayView2<'_, Self>,
        lower: bool,
        vectors: bool,
        driver: EighDriver,
        range: EvRange<<Self as LinalgScalar>::Real>,
    ) -> Option<Result<Evd<Self>>> {
        let _ = (a, lower, vectors, driver, range);
        None
    }
}

macro_rules! impl_real {
    ($t:ty) => {
        impl LinalgScalar for $t {
            type Real = $t;
            const IS_COMPLEX: bool = false;
            #[inline]
            fn from_real(x: $t) -> Self {
                x
            }
            #[inline]
            fn re(self) -> $t {
                self
            }
            #[inline]
            fn im(self) -> $t {
                0.0
            }
            #[inline]
            fn conj(self) -> Self {
                self
            }
            #[inline]
            fn modulus(self) -> $t {
                self.abs()
            }
            #[inline]
            fn finite(self) -> bool {
                self.is_finite()
            }
            #[inline]
            fn to_complex(self) -> Complex<$t> {
                Complex::new(self, 0.0)
            }
            fn det_k(a: ArrayView2<'_, Self>) -> Result<Self> {
                crate::lu::det_real(&a)
            }
            fn slogdet_k(a: ArrayView2<'_, Self>) -> Result<(Self, Self)> {
                crate::lu::slogdet_real(&a)
            }
            fn inv_k(a: ArrayView2<'_, Self>, estimate: bool) -> Result<(Array2<Self>, Option<Estimate>)> {
                crate::lu::inv_real(&a, estimate)
            }
            fn solve_k<D: Dimension>(
                a: ArrayView2<'_, Self>,
                b: ArrayView<'_, Self, D>,
                opts: SolveOptions,
                estimate: bool,
            ) -> Result<(Array<Self, D>, Option<Estimate>)> {
                crate::solve::solve_with_real(&a, &b, opts, estimate)
            }
            fn lu_packed_k(a: ArrayView2<'_, Self>) -> PackedLu<Self> {
                PackedLu::new(&a)
            }
            fn cholesky_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<Array2<Self>> {
                crate::cholesky::cholesky_real(&a, lower)
            }
            fn cho_factor_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<ChoFactor<Self>> {
                crate::cholesky::cho_factor_real(&a, lower)
            }
            fn qr_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<(Array2<Self>, Array2<Self>)> {
                crate::qr::qr_real(&a, mode)
            }
            fn qr_r_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>> {
                crate::qr::qr_r_real(&a)
            }
            fn qr_pivoting_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<PivotedQr<Self>> {
                crate::qr::qr_pivoting_real(&a, mode)
            }
            fn geqp3_k(a: ArrayView2<'_, Self>) -> Result<RawPivoted<Self>> {
                #[cfg(feature = "lapack")]
                return crate::geqp3::geqp3_lapack(a);
                #[cfg(not(feature = "lapack"))]
                crate::geqp3::geqp3(a)
            }
            fn svd_k(
                a: ArrayView2<'_, Self>,
                full_matrices: bool,
                driver: crate::SvdDriver,
            ) -> Result<Svd<Self>> {
                crate::svd::svd_real_driver(&a, full_matrices, driver)
            }
            fn svdvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<Self>> {
                crate::svd::svdvals_real(&a)
            }
            fn eigh_k(
                a: ArrayView2<'_, Self>,
                lower: bool,
                vectors: bool,
            ) -> Result<(Array1<Self>, Option<Array2<Self>>)> {
                crate::eig::sym_evd(&a, lower, vectors)
            }
            #[cfg(feature = "lapack")]
            fn eigh_lapack_k(
                a: ArrayView2<'_, Self>,
                lower: bool,
                vectors: bool,
                driver: EighDriver,
                range: EvRange<Self>,
            ) -> Option<Result<Evd<Self>>> {
                Some(crate::eigh_driver::sy_driver(a, lower, vectors, driver, range))
            }
            fn eig_k(a: ArrayView2<'_, Self>) -> Result<ComplexEig<Self>> {
                crate::eig::eig_real(&a)
            }
            fn eigvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<Complex<Self>>> {
                crate::eig::eigvals_real(&a)
            }
            fn schur_c_k(a: ArrayView2<'_, Self>) -> Result<ComplexSchur<Self>> {
                crate::schur::schur_complex_real(&a)
            }
            fn from_complex_k(z: Complex<Self>) -> Self {
                z.re
            }
            fn ordqz_z_k(
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                sort: crate::ordqz::QzSort,
            ) -> Result<Array2<Self>> {
                Ok(crate::ordqz::ordqz(&a, &b, sort)?.z)
            }
            fn gevd_k(
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                left: bool,
                right: bool,
            ) -> Result<Gevd<Self>> {
                crate::eig_gen::gevd_real(a, b, left, right)
            }
            fn lstsq_k<D: Dimension>(
                a: ArrayView2<'_, Self>,
                b: ArrayView<'_, Self, D>,
                cond: Option<Self>,
            ) -> Result<Lstsq<Self, D>> {
                crate::lstsq::lstsq_real(&a, &b, cond)
            }
            fn pinv_k(
                a: ArrayView2<'_, Self>,
                atol: Option<Self>,
                rtol: Option<Self>,
            ) -> Result<(Array2<Self>, usize)> {
                crate::lstsq::pinv_real(&a, atol, rtol)
            }
            fn norm_k<D: Dimension>(a: ArrayView<'_, Self, D>, ord: Option<NormOrd>) -> Result<Self> {
                crate::norm::norm_real(&a, ord)
            }
            fn matrix_rank_k(a: ArrayView2<'_, Self>, tol: Option<Self>) -> Result<usize> {
                crate::norm::matrix_rank_real(&a, tol)
            }
            fn expm_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>> {
                crate::matfuncs::expm_real(&a)
            }
            fn gemm_k(
                out: ArrayViewMut2<'_, Self>,
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                par: faer::Par,
            ) {
                <$t as crate::blas::RealGemm>::gemm_replace(out, a, b, par)
            }
            fn gemm_new_k(
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                c_order: bool,
                par: faer::Par,
            ) -> Array2<Self> {
                <$t as crate::blas::RealGemm>::gemm_new(a, b, c_order, par)
            }
        }
    };
}

impl_real!(f32);
impl_real!(f64);

macro_rules! impl_complex {
    ($r:ty) => {
        impl LinalgScalar for Complex<$r> {
            type Real = $r;
            const IS_COMPLEX: bool = true;
            #[inline]
            fn from_real(x: $r) -> Self {
                Complex::new(x, 0.0)
            }
            #[inline]
            fn re(self) -> $r {
                self.re
            }
            #[inline]
            fn im(self) -> $r {
                self.im
            }
            #[inline]
            fn conj(self) -> Self {
                Complex::conj(&self)
            }
            #[inline]
            fn modulus(self) -> $r {
                self.norm()
            }
            #[inline]
            fn finite(self) -> bool {
                self.re.is_finite() && self.im.is_finite()
            }
            #[inline]
            fn to_complex(self) -> Complex<$r> {
                self
            }
            fn det_k(a: ArrayView2<'_, Self>) -> Result<Self> {
                crate::complex::lu::det(a)
            }
            fn slogdet_k(a: ArrayView2<'_, Self>) -> Result<(Self, $r)> {
                crate::complex::lu::slogdet(a)
            }
            fn inv_k(a: ArrayView2<'_, Self>, estimate: bool) -> Result<(Array2<Self>, Option<Estimate>)> {
                crate::complex::lu::inv(a, estimate)
            }
            fn solve_k<D: Dimension>(
                a: ArrayView2<'_, Self>,
                b: ArrayView<'_, Self, D>,
                opts: SolveOptions,
                estimate: bool,
            ) -> Result<(Array<Self, D>, Option<Estimate>)> {
                crate::complex::solve::solve_with(a, b, opts, estimate)
            }
            fn lu_packed_k(a: ArrayView2<'_, Self>) -> PackedLu<Self> {
                PackedLu::factor_faer(crate::scalar::to_fortran(&a))
            }
            fn cholesky_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<Array2<Self>> {
                crate::complex::chol::cholesky(a, lower)
            }
            fn cho_factor_k(a: ArrayView2<'_, Self>, lower: bool) -> Result<ChoFactor<Self>> {
                crate::complex::chol::cho_factor(a, lower)
            }
            fn qr_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<(Array2<Self>, Array2<Self>)> {
                crate::complex::decomp::qr(a, mode)
            }
            fn qr_r_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>> {
                crate::complex::decomp::qr_r(a)
            }
            fn qr_pivoting_k(a: ArrayView2<'_, Self>, mode: QrMode) -> Result<PivotedQr<Self>> {
                crate::complex::qr::qr_pivoting(a, mode)
            }
            fn geqp3_k(a: ArrayView2<'_, Self>) -> Result<RawPivoted<Self>> {
                crate::geqp3::geqp3(a)
            }
            fn svd_k(
                a: ArrayView2<'_, Self>,
                full_matrices: bool,
                driver: crate::SvdDriver,
            ) -> Result<Svd<Self>> {
                crate::complex::decomp::svd(a, full_matrices, driver)
            }
            fn svdvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<$r>> {
                crate::complex::decomp::svdvals(a)
            }
            fn eigh_k(
                a: ArrayView2<'_, Self>,
                lower: bool,
                vectors: bool,
            ) -> Result<(Array1<$r>, Option<Array2<Self>>)> {
                crate::complex::decomp::eigh(a, lower, vectors)
            }
            fn eig_k(a: ArrayView2<'_, Self>) -> Result<ComplexEig<$r>> {
                crate::complex::decomp::eig::<$r>(a, true)
                    .map(|(w, v)| (w, v.expect("vectors were requested")))
            }
            fn eigvals_k(a: ArrayView2<'_, Self>) -> Result<Array1<Self>> {
                Ok(crate::complex::decomp::eig::<$r>(a, false)?.0)
            }
            fn schur_c_k(a: ArrayView2<'_, Self>) -> Result<ComplexSchur<$r>> {
                crate::complex::schur::schur(a)
            }
            fn from_complex_k(z: Self) -> Self {
                z
            }
            fn ordqz_z_k(
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                sort: crate::ordqz::QzSort,
            ) -> Result<Array2<Self>> {
                Ok(crate::ordqz::ordqz_complex(&a, &b, sort)?.z)
            }
            fn gevd_k(
                a: ArrayView2<'_, Self>,
                b: ArrayView2<'_, Self>,
                left: bool,
                right: bool,
            ) -> Result<Gevd<$r>> {
                crate::eig_gen::gevd_complex(a, b, left, right)
            }
            fn lstsq_k<D: Dimension>(
                a: ArrayView2<'_, Self>,
                b: ArrayView<'_, Self, D>,
                cond: Option<$r>,
            ) -> Result<Lstsq<Self, D>> {
                crate::complex::misc::lstsq(a, b, cond)
            }
            fn pinv_k(
                a: ArrayView2<'_, Self>,
                atol: Option<$r>,
                rtol: Option<$r>,
            ) -> Result<(Array2<Self>, usize)> {
                crate::complex::misc::pinv(a, atol, rtol)
            }
            fn norm_k<D: Dimension>(a: ArrayView<'_, Self, D>, ord: Option<NormOrd>) -> Result<$r> {
                crate::complex::misc::norm(a, ord)
            }
            fn matrix_rank_k(a: ArrayView2<'_, Self>, tol: Option<$r>) -> Result<usize> {
                crate::complex::misc::matrix_rank(a, tol)
            }
            fn expm_k(a: ArrayView2<'_, Self>) -> Result<Array2<Self>> {
                crate::complex::misc::expm::<$r>(a)
            }
        }
    };
}

impl_complex!(f32);
impl_complex!(f64);

//! `eigh`'s `driver=`: which LAPACK-style algorithm computes a Hermitian eigendecomposition.
//!
//! Default backend (faer): `'ev'`/`'gv'` run implicit QL/QR iteration on the tridiagonal form
//! (faer's solver with divide and conquer switched off: `syev`/`steqr`'s method), every other
//! driver faer's divide and conquer (`syevd`'s method; faer has no MRRR or bisection for dense
//! input), subsets selected from the full spectrum. Feature `lapack`, real input: `?syev`,
//! `?syevd`, `?syevr` and `?syevx` themselves, `'evr'`/`'evx'` computing only the requested
//! subset (`range='I'`/`'V'`), as SciPy.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors, SelfAdjointEvdParams};
use faer::{Auto, ColMut};
use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::complex::chol::adjoint;
use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, to_fortran, zeros_f};

/// SciPy's `driver=` of [`eigh_with`](crate::eigh_with) and
/// [`eigvalsh_with`](crate::eigvalsh_with): the LAPACK driver family.
///
/// `Ev`, `Evd`, `Evr`, `Evx` solve the standard problem (no `b`), `Gv`, `Gvd`, `Gvx` the
/// generalized one; `Ev`, `Evd`, `Gv`, `Gvd` cannot compute subsets. `None` in
/// [`EighOptions::driver`](crate::EighOptions::driver) is SciPy's default: `Evr`, or with `b`
/// `Gvd` (`Gvx` for a subset). Every driver gives the same eigenvalues (to rounding); on the
/// default backend `Ev`/`Gv` use QR iteration on the tridiagonal form and the others divide
/// and conquer; with the `lapack` feature real input calls `?syev`, `?syevd`, `?syevr`,
/// `?syevx` (the generalized drivers reduce by the Cholesky factor of `b` first, as `?sygv*`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighDriver, EighOptions, eigvalsh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0], [1.0, 2.0]];
/// for d in [EighDriver::Ev, EighDriver::Evd, EighDriver::Evr, EighDriver::Evx] {
///     let w = eigvalsh_with(&a, &EighOptions { driver: Some(d), ..Default::default() })?;
///     assert_allclose(&w, &array![1.0, 3.0], 1e-14, 0.0);
/// }
/// // 'evd' cannot compute subsets, as SciPy's ValueError
/// let o = EighOptions { driver: Some(EighDriver::Evd), subset_by_index: Some((0, 0)), ..Default::default() };
/// assert!(eigvalsh_with(&a, &o).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EighDriver {
    /// `"ev"`: QR iteration (`?syev`/`?heev`).
    Ev,
    /// `"evd"`: divide and conquer (`?syevd`/`?heevd`).
    Evd,
    /// `"evr"`: relatively robust representations (`?syevr`/`?heevr`), SciPy's default.
    Evr,
    /// `"evx"`: bisection and inverse iteration for subsets (`?syevx`/`?heevx`).
    Evx,
    /// `"gv"`: generalized problem, QR iteration (`?sygv`/`?hegv`).
    Gv,
    /// `"gvd"`: generalized problem, divide and conquer (`?sygvd`/`?hegvd`), SciPy's default
    /// with `b`.
    Gvd,
    /// `"gvx"`: generalized problem, subsets (`?sygvx`/`?hegvx`), SciPy's default with `b` and
    /// a subset.
    Gvx,
}

impl EighDriver {
    /// SciPy's name of the driver (`"ev"`, `"evd"`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_linalg::EighDriver::Gvx.name(), "gvx");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Ev => "ev",
            Self::Evd => "evd",
            Self::Evr => "evr",
            Self::Evx => "evx",
            Self::Gv => "gv",
            Self::Gvd => "gvd",
            Self::Gvx => "gvx",
        }
    }

    /// The standard-problem driver that a generalized one runs after the reduction.
    pub(crate) fn standard(self) -> Self {
        match self {
            Self::Gv => Self::Ev,
            Self::Gvd => Self::Evd,
            Self::Gvx => Self::Evx,
            d => d,
        }
    }
}

/// SciPy's checks of `driver` against `b` and a subset (in SciPy's order), and its default.
pub(crate) fn resolve(driver: Option<EighDriver>, has_b: bool, subset: bool) -> Result<EighDriver> {
    use EighDriver::*;
    let Some(d) = driver else {
        return Ok(if !has_b {
            Evr
        } else if subset {
            Gvx
        } else {
            Gvd
        });
    };
    let generalized = matches!(d, Gv | Gvd | Gvx);
    if !has_b && generalized {
        let reason = format!(
            "{} requires input b array to be supplied for generalized eigenvalue problems.",
            d.name()
        );
        return Err(invalid("driver", reason));
    }
    if has_b && !generalized {
        let reason =
            format!("\"{}\" does not accept input b array for standard eigenvalue problems.", d.name());
        return Err(invalid("driver", reason));
    }
    if subset && matches!(d, Ev | Evd | Gv | Gvd) {
        return Err(invalid("driver", format!("\"{}\" cannot compute subsets of eigenvalues", d.name())));
    }
    Ok(d)
}

/// Which eigenvalues to compute: all, 0-based ascending indices `lo..=hi`, or `lo < w <= hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[doc(hidden)]
pub enum EvRange<R> {
    /// Every eigenvalue.
    All,
    /// 0-based ascending indices `lo..=hi`.
    Index(usize, usize),
    /// The eigenvalues in `(lo, hi]`.
    Value(R, R),
}

/// Eigenvalues (ascending) and optionally the eigenvectors of the requested range.
pub type Evd<T> = (Array1<RealOf<T>>, Option<Array2<T>>);

/// The standard Hermitian problem of the triangle `lower` of `a` by `driver` (a standard one),
/// only the eigenpairs in `range`.
pub(crate) fn standard<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    lower: bool,
    vectors: bool,
    driver: EighDriver,
    range: EvRange<RealOf<T>>,
) -> Result<Evd<T>> {
    let n = check_square_finite(&a, "a")?;
    if n > 0
        && let Some(r) = T::eigh_lapack_k(a, lower, vectors, driver, range)
    {
        return r;
    }
    let (w, v) = match driver {
        EighDriver::Ev => faer_qr_iteration(a, lower, vectors)?,
        _ => T::eigh_k(a, lower, vectors)?,
    };
    Ok(select(w, v, range))
}

/// The eigenpairs of `range` from the full ascending spectrum.
pub(crate) fn select<T: LinalgScalar>(
    w: Array1<RealOf<T>>,
    v: Option<Array2<T>>,
    range: EvRange<RealOf<T>>,
) -> Evd<T> {
    let n = w.len();
    let keep: Vec<usize> = match range {
        EvRange::All => return (w, v),
        EvRange::Index(lo, hi) => (lo..=hi).collect(),
        EvRange::Value(lo, hi) => (0..n).filter(|&i| w[i] > lo && w[i] <= hi).collect(),
    };
    let w = w.select(Axis(0), &keep);
    let v = v.map(|v| {
        let mut out = zeros_f(v.nrows(), keep.len());
        out.assign(&v.select(Axis(1), &keep));
        out
    });
    (w, v)
}

/// faer's self-adjoint solver without divide and conquer: tridiagonal QR iteration.
fn faer_qr_iteration<T: LinalgScalar>(a: ArrayView2<'_, T>, lower: bool, vectors: bool) -> Result<Evd<T>> {
    let n = a.nrows();
    let mut w = vec![T::zero(); n];
    let mut v = if vectors { Some(zeros_f(n, n)) } else { None };
    // faer reads the lower triangle: for `upper`, that of aᴴ (the same Hermitian matrix).
    let src = if lower { to_fortran(&a) } else { adjoint(a) };
    let params =
        SelfAdjointEvdParams { recursion_threshold: usize::MAX, ..<SelfAdjointEvdParams as Auto<T>>::auto() };
    let par = par();
    let cv = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
    let mut mem = MemBuffer::new(evd::self_adjoint_evd_scratch::<T>(n, cv, par, params.into()));
    evd::self_adjoint_evd(
        as_faer(src.view()),
        ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
        v.as_mut().map(|v| as_faer_mut(v.view_mut())),
        par,
        MemStack::new(&mut mem),
        params.into(),
    )
    .map_err(|_| LinalgError::NoConvergence { iterations: 0 })?;
    Ok((w.into_iter().map(|x| x.re()).collect(), v))
}

#[cfg(feature = "lapack")]
pub(crate) use lapack_drivers::sy_driver;

#[cfg(feature = "lapack")]
#[allow(unsafe_code)] // FFI calls into LAPACK, as crate::lapack
mod lapack_drivers {
    //! `?syev`, `?syevd`, `?syevr`, `?syevx` with SciPy's arguments (`abstol = 0`).

    use std::os::raw::{c_char, c_int};

    use ndarray::{Array1, Array2, ArrayView2};

    use super::{EighDriver, EvRange};
    use crate::error::{LinalgError, Result};
    use crate::lapack::{buf, dim, serial};
    use crate::scalar::{LinalgFloat, to_fortran, zeros_f};

    fn ch(c: u8) -> c_char {
        c as c_char
    }

    fn lwork(x: f64) -> c_int {
        (x as c_int).max(1)
    }

    pub(crate) trait SyDrivers: LinalgFloat {
        /// `?syev` (`range` all): eigenvalues in `w`, vectors overwrite `a`.
        fn syev(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self]) -> c_int;
        /// `?syevd` (`range` all): as `syev`.
        fn syevd(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self]) -> c_int;
        /// `?syevr` / `?syevx` (`x`) with `range` 'A', 'I' or 'V'; returns (info, m).
        #[allow(clippy::too_many_arguments)]
        fn syevrx(
            x: bool,
            jobz: u8,
            range: u8,
            uplo: u8,
            n: c_int,
            a: &mut [Self],
            bounds: (Self, Self, c_int, c_int),
            w: &mut [Self],
            z: &mut [Self],
        ) -> (c_int, c_int);
    }

    macro_rules! impl_sy {
        ($t:ty, $syev:ident, $syevd:ident, $syevr:ident, $syevx:ident) => {
            impl SyDrivers for $t {
                fn syev(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self]) -> c_int {
                    let mut info = 0;
                    let mut q = [0.0 as $t];
                    // SAFETY: a is n x n (lda = max(n, 1)), w has n, work has lw (or is the
                    // one-element query buffer with lw = -1).
                    let mut call = |work: &mut [$t], lw: c_int, a: &mut [$t], w: &mut [$t]| unsafe {
                        lapack_sys::$syev(
                            &ch(jobz),
                            &ch(uplo),
                            &n,
                            a.as_mut_ptr(),
                            &n.max(1),
                            w.as_mut_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            &mut info,
                        )
                    };
                    call(&mut q, -1, a, w);
                    let lw = lwork(q[0] as f64);
                    let mut work = vec![0.0 as $t; lw as usize];
                    call(&mut work, lw, a, w);
                    info
                }

                fn syevd(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self]) -> c_int {
                    let mut info = 0;
                    let (mut q, mut iq) = ([0.0 as $t], [0 as c_int]);
                    // SAFETY: as syev, plus iwork of liw elements (or the query buffer).
                    let mut call = |work: &mut [$t],
                                    lw: c_int,
                                    iwork: &mut [c_int],
                                    liw: c_int,
                                    a: &mut [$t],
                                    w: &mut [$t]| unsafe {
                        lapack_sys::$syevd(
                            &ch(jobz),
                            &ch(uplo),
                            &n,
                            a.as_mut_ptr(),
                            &n.max(1),
                            w.as_mut_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            iwork.as_mut_ptr(),
                            &liw,
                            &mut info,
                        )
                    };
                    call(&mut q, -1, &mut iq, -1, a, w);
                    let (lw, liw) = (lwork(q[0] as f64), iq[0].max(1));
                    let mut work = vec![0.0 as $t; lw as usize];
                    let mut iwork = vec![0 as c_int; liw as usize];
                    call(&mut work, lw, &mut iwork, liw, a, w);
                    info
                }

                fn syevrx(
                    x: bool,
                    jobz: u8,
                    range: u8,
                    uplo: u8,
                    n: c_int,
                    a: &mut [Self],
                    (vl, vu, il, iu): (Self, Self, c_int, c_int),
                    w: &mut [Self],
                    z: &mut [Self],
                ) -> (c_int, c_int) {
                    let (mut info, mut m) = (0, 0);
                    let ldz = n.max(1);
                    let abstol = 0.0 as $t;
                    let (mut q, mut iq) = ([0.0 as $t], [0 as c_int]);
                    // syevr: isuppz (2n); syevx: ifail (n).
                    let mut isuppz = vec![0 as c_int; 2 * n.max(1) as usize];
                    // SAFETY: a is n x n, w has n, z is ldz x n (or 1 element for jobz = 'N'),
                    // isuppz has 2n, work/iwork hold lw/liw elements (or are the query buffers).
                    let mut call = |work: &mut [$t],
                                    lw: c_int,
                                    iwork: &mut [c_int],
                                    liw: c_int,
                                    a: &mut [$t],
                                    w: &mut [$t],
                                    z: &mut [$t]| unsafe {
                        if x {
                            lapack_sys::$syevx(
                                &ch(jobz),
                                &ch(range),
                                &ch(uplo),
                                &n,
                                a.as_mut_ptr(),
                                &n.max(1),
                                &vl,
                                &vu,
                                &il,
                                &iu,
                                &abstol,
                                &mut m,
                                w.as_mut_ptr(),
                                z.as_mut_ptr(),
                                &ldz,
                                work.as_mut_ptr(),
                                &lw,
                                iwork.as_mut_ptr(),
                                isuppz.as_mut_ptr(),
                                &mut info,
                            )
                        } else {
                            lapack_sys::$syevr(
                                &ch(jobz),
                                &ch(range),
                                &ch(uplo),
                                &n,
                                a.as_mut_ptr(),
                                &n.max(1),
                                &vl,
                                &vu,
                                &il,
                                &iu,
                                &abstol,
                                &mut m,
                                w.as_mut_ptr(),
                                z.as_mut_ptr(),
                                &ldz,
                                isuppz.as_mut_ptr(),
                                work.as_mut_ptr(),
                                &lw,
                                iwork.as_mut_ptr(),
                                &liw,
                                &mut info,
                            )
                        }
                    };
                    if x {
                        // syevx has no iwork query: liwork is 5n.
                        call(&mut q, -1, &mut iq, 1, a, w, z);
                        let lw = lwork(q[0] as f64).max(8 * n);
                        let mut work = vec![0.0 as $t; lw as usize];
                        let mut iwork = vec![0 as c_int; 5 * n.max(1) as usize];
                        call(&mut work, lw, &mut iwork, 5 * n.max(1), a, w, z);
                    } else {
                        call(&mut q, -1, &mut iq, -1, a, w, z);
                        let (lw, liw) = (lwork(q[0] as f64), iq[0].max(1));
                        let mut work = vec![0.0 as $t; lw as usize];
                        let mut iwork = vec![0 as c_int; liw as usize];
                        call(&mut work, lw, &mut iwork, liw, a, w, z);
                    }
                    (info, m)
                }
            }
        };
    }

    impl_sy!(f32, ssyev_, ssyevd_, ssyevr_, ssyevx_);
    impl_sy!(f64, dsyev_, dsyevd_, dsyevr_, dsyevx_);

    /// The real symmetric problem by the LAPACK driver itself (`n > 0`, finite input).
    pub(crate) fn sy_driver<T: SyDrivers>(
        a: ArrayView2<'_, T>,
        lower: bool,
        vectors: bool,
        driver: EighDriver,
        range: EvRange<T>,
    ) -> Result<(Array1<T>, Option<Array2<T>>)> {
        let n = a.nrows();
        let nn = dim(n, "a")?;
        let mut work = to_fortran(&a);
        let mut w = vec![T::zero(); n];
        let jobz = if vectors { b'V' } else { b'N' };
        let uplo = if lower { b'L' } else { b'U' };
        let _serial = serial();
        let fail = || Err(LinalgError::NoConvergence { iterations: 0 });
        match driver {
            EighDriver::Ev | EighDriver::Evd => {
                let info = if driver == EighDriver::Ev {
                    T::syev(jobz, uplo, nn, buf(&mut work), &mut w)
                } else {
                    T::syevd(jobz, uplo, nn, buf(&mut work), &mut w)
                };
                if info > 0 {
                    return fail();
                }
                Ok((Array1::from(w), vectors.then_some(work)))
            }
            _ => {
                let (rng, bounds) = match range {
                    EvRange::All => (b'A', (T::zero(), T::zero(), 0, 0)),
                    EvRange::Index(lo, hi) => (
                        b'I',
                        (
                            T::zero(),
                            T::zero(),
                            dim(lo + 1, "subset_by_index")?,
                            dim(hi + 1, "subset_by_index")?,
                        ),
                    ),
                    EvRange::Value(lo, hi) => (b'V', (lo, hi, 0, 0)),
                };
                let mut z = if vectors { zeros_f(n, n) } else { zeros_f(1, 1) };
                let x = matches!(driver, EighDriver::Evx);
                let (info, m) =
                    T::syevrx(x, jobz, rng, uplo, nn, buf(&mut work), bounds, &mut w, buf(&mut z));
                if info > 0 {
                    return fail();
                }
                let m = m as usize;
                w.truncate(m);
                let z = vectors.then(|| z.slice(ndarray::s![.., ..m]).to_owned());
                Ok((
                    Array1::from(w),
                    z.map(|z| {
                        let mut out = zeros_f(n, m);
                        out.assign(&z);
                        out
                    }),
                ))
            }
        }
    }
}

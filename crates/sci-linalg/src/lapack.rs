//! The `lapack` feature's backend: LAPACK drivers of the system OpenBLAS on column-major
//! working copies.
//!
//! OpenBLAS is linked through `ndarray-linalg` (feature `openblas-system`, Debian's
//! `libopenblas-dev`); the drivers are called through `lapack-sys`, the same raw binding that
//! `ndarray-linalg` uses, because SciPy's drivers are not all behind `ndarray-linalg`'s API
//! (its `eigh` calls `syev`, where SciPy calls `syevr`; its `svd` calls `gesvd`, where SciPy
//! calls `gesdd`) and because the crate needs LAPACK's `info` (the pivot index) verbatim.
//!
//! Each wrapper takes column-major buffers that the caller sized; it returns LAPACK's `info`.
//! OpenBLAS runs its own threads inside a call: do not call these from inside rayon tasks
//! unless `OPENBLAS_NUM_THREADS=1` is set.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_int};

use faer::Par;
use ndarray::Array2;

use crate::error::{Result, invalid};
use crate::scalar::parallel::{Kernel, gemm_flops, lu_flops, par_for};

// Links OpenBLAS (ndarray-linalg -> lax -> openblas-src with `system`).
use ndarray_linalg as _;

/// A matrix dimension as LAPACK's 32-bit integer.
pub(crate) fn dim(n: usize, arg: &'static str) -> Result<c_int> {
    c_int::try_from(n).map_err(|_| invalid(arg, format!("dimension {n} exceeds LAPACK's 32-bit integer")))
}

/// The column-major storage of a Fortran-order array (built with `zeros_f`/`to_fortran`).
pub(crate) fn buf<T>(a: &mut Array2<T>) -> &mut [T] {
    assert!(a.t().is_standard_layout(), "internal: LAPACK buffers are Fortran-ordered");
    a.as_slice_memory_order_mut().expect("internal: Fortran-ordered arrays are contiguous")
}

/// Serializes the calls into OpenBLAS: each call already uses all cores through OpenBLAS's own
/// pool, so running them one at a time costs little, and it lets [`single_threaded`] change
/// OpenBLAS's thread count for one call without racing another thread's call.
///
/// The first caller also has OpenBLAS run the widest kernels the CPU supports
/// ([`crate::openblas_kernels`]).
pub(crate) fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    static KERNELS: std::sync::Once = std::sync::Once::new();
    let guard = LOCK.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    KERNELS.call_once(crate::openblas_kernels::upgrade);
    guard
}

unsafe extern "C" {
    fn openblas_get_num_threads() -> c_int;
    fn openblas_set_num_threads(n: c_int);
}

/// Runs `f` with OpenBLAS limited to one thread (restored afterwards); the caller holds
/// [`serial`]'s lock.
fn single_threaded<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: plain getters/setters of OpenBLAS's global thread count, linked with the library.
    let before = unsafe { openblas_get_num_threads() };
    unsafe { openblas_set_num_threads(1) };
    let r = f();
    unsafe { openblas_set_num_threads(before) };
    r
}

/// Stack of the thread that runs OpenBLAS's threaded LU (address space only: the pages are
/// committed as they are touched).
const LU_STACK: usize = 64 << 20;

/// Runs an LU driver (`getrf`, or `gesv` which factors with it) of about `flops` operations; the
/// caller holds [`serial`]'s lock.
///
/// Debian's OpenBLAS 0.3.21 keeps the job tables of its threaded `getrf` on the caller's stack,
/// at every level of its recursion, and overflows the 2 MB stack of a spawned Rust thread (a test
/// thread, a rayon worker): an LU of 100x100 on a test thread corrupted the heap in 8 runs of 10
/// with a 2 MB stack and in none of 10 with 8 MB (`RUST_MIN_STACK`); a frame that large jumps the
/// guard page, so the overflow lands in other memory instead of faulting. The threaded LU
/// therefore runs on a helper thread with a [`LU_STACK`] stack, started once ([`lu_thread`]);
/// small or busy-machine calls run on one OpenBLAS thread in place, as [`par_for`] decides for
/// faer's kernels (a descheduled OpenBLAS thread stalls every panel: 1000x1000 took 19-23 ms on
/// two threads and 10 ms on one while other processes ran).
fn lu_threads<R: Send>(flops: f64, f: impl FnOnce() -> R + Send) -> R {
    if par_for(Kernel::LapackLu, flops) == Par::Seq { single_threaded(f) } else { on_lu_stack(f) }
}

/// A job for the [`LU_STACK`] thread: the work, and the channel that reports it finished.
type LuJob = (Box<dyn FnOnce() + Send + 'static>, std::sync::mpsc::SyncSender<()>);

/// The channel to the [`LU_STACK`] thread, started at the first threaded LU and kept for the
/// life of the process (`None` when it could not be started). Keeping it saves the thread's
/// start and, more, the page faults of its stack at every call: OpenBLAS's job tables touch
/// some megabytes of it (a new thread per call cost about 0.7 ms of a 1000x1000 `getrf`).
fn lu_thread() -> Option<&'static std::sync::mpsc::Sender<LuJob>> {
    static THREAD: std::sync::OnceLock<Option<std::sync::mpsc::Sender<LuJob>>> = std::sync::OnceLock::new();
    THREAD
        .get_or_init(|| {
            let (tx, rx) = std::sync::mpsc::channel::<LuJob>();
            let serve = move || {
                for (job, done) in rx {
                    job();
                    // The caller waits on this; a caller that is gone needs no answer.
                    let _ = done.send(());
                }
            };
            let spawned =
                std::thread::Builder::new().name("sci-linalg-lu".into()).stack_size(LU_STACK).spawn(serve);
            spawned.ok().map(|_| tx)
        })
        .as_ref()
}

/// Runs `f` on the helper thread with a [`LU_STACK`] stack (or, when that thread cannot be
/// started or has stopped, here on one OpenBLAS thread), and waits for it.
fn on_lu_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let Some(thread) = lu_thread() else { return single_threaded(f) };
    let mut work = Some(f);
    let mut out: Option<std::thread::Result<R>> = None;
    let (work_ref, out_ref) = (&mut work, &mut out);
    let job: Box<dyn FnOnce() + Send + '_> = Box::new(move || {
        if let Some(f) = work_ref.take() {
            *out_ref = Some(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
        }
    });
    // SAFETY: the job borrows `work` and `out` from this frame, which outlives it: nothing here
    // touches them, nor returns, before the job has run or been dropped. The helper reports on
    // `done` after running the job (which consumes it); a job dropped unrun drops `done`'s
    // sender with it, and `recv` returns only then; a job the channel refuses is handed back
    // and dropped here.
    let job: Box<dyn FnOnce() + Send + 'static> = unsafe { std::mem::transmute(job) };
    let (done_tx, done) = std::sync::mpsc::sync_channel(1);
    match thread.send((job, done_tx)) {
        Ok(()) => {
            let _ = done.recv();
        }
        Err(refused) => drop(refused),
    }
    match (out, work) {
        (Some(Ok(r)), _) => r,
        (Some(Err(panic)), _) => std::panic::resume_unwind(panic),
        (None, Some(f)) => single_threaded(f),
        (None, None) => unreachable!("the LU helper thread took the job and gave no result"),
    }
}

fn ch(c: u8) -> c_char {
    c as c_char
}

/// The LAPACK routines the crate uses, for `f32` (`s...`) and `f64` (`d...`).
///
/// Sealed through `LinalgFloat`; every slice is column-major with leading dimension equal to
/// its row count (at least 1).
pub trait Lapack: Sized + Copy {
    /// `?gesv`: solves `a x = b` in place (`b` becomes `x`, `a` its LU factors).
    fn gesv(n: c_int, nrhs: c_int, a: &mut [Self], ipiv: &mut [c_int], b: &mut [Self]) -> c_int;
    /// `?getrf`: LU with partial pivoting of an `m x n` matrix in place.
    fn getrf(m: c_int, n: c_int, a: &mut [Self], ipiv: &mut [c_int]) -> c_int;
    /// `?getri`: inverse from `?getrf`'s factors, in place.
    fn getri(n: c_int, a: &mut [Self], ipiv: &[c_int]) -> c_int;
    /// `?potrf`: Cholesky factor of the `uplo` triangle, in place.
    fn potrf(uplo: u8, n: c_int, a: &mut [Self]) -> c_int;
    /// `?gesdd` (`gesvd == false`: divide and conquer) or `?gesvd` (QR iteration), with `job`
    /// (`b'A'`, `b'S'` or `b'N'`) for both factors.
    fn gesxd(
        gesvd: bool,
        job: u8,
        mn: (c_int, c_int),
        a: &mut [Self],
        s: &mut [Self],
        u: (&mut [Self], c_int),
        vt: (&mut [Self], c_int),
    ) -> c_int;
    /// `?syevr` with `range='A'`: all eigenvalues (ascending) and, for `jobz = b'V'`, vectors.
    fn syevr(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self], z: &mut [Self]) -> c_int;
    /// `?geqrf`: Householder QR of an `m x n` matrix in place (`tau` holds `min(m, n)`).
    fn geqrf(m: c_int, n: c_int, a: &mut [Self], tau: &mut [Self]) -> c_int;
    /// `?geqp3`: Householder QR with column pivoting in place; `jpvt` (`n`, zero on entry:
    /// every column free) receives the 1-based pivots.
    fn geqp3(m: c_int, n: c_int, a: &mut [Self], jpvt: &mut [c_int], tau: &mut [Self]) -> c_int;
    /// `?orgqr`: the first `n` columns of `Q` from `k` reflectors stored in `a` (`m x n`).
    fn orgqr(m: c_int, n: c_int, k: c_int, a: &mut [Self], tau: &[Self]) -> c_int;
    /// `?gelsd`: minimum-norm least squares by the divide-and-conquer SVD; `b` is
    /// `ldb x nrhs` with `ldb = max(m, n)` and becomes the solution in its first `n` rows.
    #[allow(clippy::too_many_arguments)]
    fn gelsd(
        m: c_int,
        n: c_int,
        nrhs: c_int,
        a: &mut [Self],
        b: &mut [Self],
        s: &mut [Self],
        rcond: Self,
        rank: &mut c_int,
    ) -> c_int;
    /// `?geev` (right vectors only when `jobvr = b'V'`).
    fn geev(jobvr: u8, n: c_int, a: &mut [Self], wr: &mut [Self], wi: &mut [Self], vr: &mut [Self]) -> c_int;
}

/// `work[0]` of a workspace query, as a length.
fn lwork<T: num_traits::ToPrimitive>(w: T) -> c_int {
    w.to_f64().map_or(1, |x| (x as c_int).max(1))
}

/// Runs a LAPACK driver twice: the workspace query (`lwork = -1`, which writes the optimal
/// size to `work[0]`), then the computation with that much workspace (at least `min`).
fn with_workspace<T: Copy + num_traits::Zero + num_traits::ToPrimitive>(
    min: c_int,
    mut call: impl FnMut(&mut [T], c_int),
) {
    let mut q = [T::zero()];
    call(&mut q, -1);
    let lw = lwork(q[0]).max(min);
    let mut work = vec![T::zero(); lw as usize];
    call(&mut work, lw);
}

macro_rules! impl_lapack {
    ($t:ty, $gesv:ident, $getrf:ident, $getri:ident, $potrf:ident, $gesdd:ident, $syevr:ident, $geev:ident,
     $geqrf:ident, $orgqr:ident, $gelsd:ident, $gesvd:ident, $geqp3:ident) => {
        impl Lapack for $t {
            fn gesxd(
                gesvd: bool,
                job: u8,
                (m, n): (c_int, c_int),
                a: &mut [$t],
                s: &mut [$t],
                (u, ldu): (&mut [$t], c_int),
                (vt, ldvt): (&mut [$t], c_int),
            ) -> c_int {
                let _serial = serial();
                let k = m.min(n);
                // gesdd's 'S' writes vt as (ldvt, n) with ldvt >= k; gesvd's too.
                let (ucols, vtcols) = match job {
                    b'A' => (m, n),
                    b'S' => (k, n),
                    _ => (0, 0),
                };
                assert!(a.len() >= (m * n) as usize && s.len() >= k as usize);
                assert!(u.len() >= (ldu * ucols) as usize && vt.len() >= (ldvt * vtcols) as usize);
                assert!(u.len() >= 1 && vt.len() >= 1);
                let mut iwork = vec![0 as c_int; if gesvd { 0 } else { 8 * k.max(1) as usize }];
                let (mut info, lda, jb) = (0, m.max(1), ch(job));
                // gesvd's minimum workspace: max(3 min(m, n) + max(m, n), 5 min(m, n)).
                let min = if gesvd { (3 * k + m.max(n)).max(5 * k).max(1) } else { 1 };
                let (ap, sp, up, vp) = (a.as_mut_ptr(), s.as_mut_ptr(), u.as_mut_ptr(), vt.as_mut_ptr());
                with_workspace(min, |work: &mut [$t], lw| {
                    let w = work.as_mut_ptr();
                    // SAFETY: buffers sized above; work holds lw elements (or is queried with -1).
                    unsafe {
                        if gesvd {
                            lapack_sys::$gesvd(
                                &jb, &jb, &m, &n, ap, &lda, sp, up, &ldu, vp, &ldvt, w, &lw, &mut info,
                            )
                        } else {
                            let iw = iwork.as_mut_ptr();
                            lapack_sys::$gesdd(
                                &jb, &m, &n, ap, &lda, sp, up, &ldu, vp, &ldvt, w, &lw, iw, &mut info,
                            )
                        }
                    };
                });
                info
            }

            fn gelsd(
                m: c_int,
                n: c_int,
                nrhs: c_int,
                a: &mut [Self],
                b: &mut [Self],
                s: &mut [Self],
                rcond: Self,
                rank: &mut c_int,
            ) -> c_int {
                let _serial = serial();
                let ldb = m.max(n).max(1);
                assert!(a.len() >= (m * n) as usize && b.len() >= (ldb * nrhs) as usize);
                assert!(s.len() >= m.min(n) as usize);
                let (mut info, mut q, mut iq) = (0, [0.0 as $t], [0 as c_int]);
                let mut call = |work: &mut [$t], lw: c_int, iwork: &mut [c_int]| {
                    // SAFETY: buffers sized above; work/iwork hold what the query asked for (or
                    // are queried with lwork = -1, writing work[0] and iwork[0] only).
                    unsafe {
                        lapack_sys::$gelsd(
                            &m,
                            &n,
                            &nrhs,
                            a.as_mut_ptr(),
                            &m.max(1),
                            b.as_mut_ptr(),
                            &ldb,
                            s.as_mut_ptr(),
                            &rcond,
                            &mut *rank,
                            work.as_mut_ptr(),
                            &lw,
                            iwork.as_mut_ptr(),
                            &mut info,
                        )
                    };
                };
                call(&mut q, -1, &mut iq);
                let lw = lwork(q[0]);
                let mut work = vec![0.0 as $t; lw as usize];
                let mut iwork = vec![0 as c_int; iq[0].max(1) as usize];
                call(&mut work, lw, &mut iwork);
                info
            }

            fn geqrf(m: c_int, n: c_int, a: &mut [Self], tau: &mut [Self]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (m * n) as usize && tau.len() >= m.min(n) as usize);
                let mut info = 0;
                with_workspace(n.max(1), |work: &mut [$t], lw| {
                    // SAFETY: buffers sized above; work holds lw elements (or is queried with -1).
                    unsafe {
                        lapack_sys::$geqrf(
                            &m,
                            &n,
                            a.as_mut_ptr(),
                            &m.max(1),
                            tau.as_mut_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            &mut info,
                        )
                    };
                });
                info
            }

            fn geqp3(m: c_int, n: c_int, a: &mut [Self], jpvt: &mut [c_int], tau: &mut [Self]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (m * n) as usize && tau.len() >= m.min(n) as usize);
                assert!(jpvt.len() >= n as usize);
                let mut info = 0;
                with_workspace(3 * n + 1, |work: &mut [$t], lw| {
                    // SAFETY: buffers sized above; work holds lw elements (or is queried with -1).
                    unsafe {
                        lapack_sys::$geqp3(
                            &m,
                            &n,
                            a.as_mut_ptr(),
                            &m.max(1),
                            jpvt.as_mut_ptr(),
                            tau.as_mut_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            &mut info,
                        )
                    };
                });
                info
            }

            fn orgqr(m: c_int, n: c_int, k: c_int, a: &mut [Self], tau: &[Self]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (m * n) as usize && tau.len() >= k as usize && k <= n && n <= m);
                let mut info = 0;
                with_workspace(n.max(1), |work: &mut [$t], lw| {
                    // SAFETY: buffers sized above; work holds lw elements (or is queried with -1).
                    unsafe {
                        lapack_sys::$orgqr(
                            &m,
                            &n,
                            &k,
                            a.as_mut_ptr(),
                            &m.max(1),
                            tau.as_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            &mut info,
                        )
                    };
                });
                info
            }

            fn gesv(n: c_int, nrhs: c_int, a: &mut [Self], ipiv: &mut [c_int], b: &mut [Self]) -> c_int {
                let _serial = serial();
                assert!(
                    a.len() >= (n * n) as usize && ipiv.len() >= n as usize && b.len() >= (n * nrhs) as usize
                );
                let mut info = 0;
                let flops =
                    lu_flops(n as usize, n as usize) + gemm_flops(n as usize, nrhs as usize, n as usize);
                // SAFETY: buffers sized above, leading dimensions max(1, n). OpenBLAS's gesv
                // factors with its threaded getrf: see `lu_threads`.
                lu_threads(flops, || unsafe {
                    lapack_sys::$gesv(
                        &n,
                        &nrhs,
                        a.as_mut_ptr(),
                        &n.max(1),
                        ipiv.as_mut_ptr(),
                        b.as_mut_ptr(),
                        &n.max(1),
                        &mut info,
                    )
                });
                info
            }

            fn getrf(m: c_int, n: c_int, a: &mut [Self], ipiv: &mut [c_int]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (m * n) as usize && ipiv.len() >= m.min(n) as usize);
                let mut info = 0;
                // SAFETY: buffers sized above, lda = max(1, m).
                lu_threads(lu_flops(m as usize, n as usize), || unsafe {
                    lapack_sys::$getrf(&m, &n, a.as_mut_ptr(), &m.max(1), ipiv.as_mut_ptr(), &mut info)
                });
                info
            }

            fn getri(n: c_int, a: &mut [Self], ipiv: &[c_int]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (n * n) as usize && ipiv.len() >= n as usize);
                let (mut info, mut q) = (0, [0.0 as $t]);
                // SAFETY: lwork = -1 is a workspace query writing q[0] only.
                unsafe {
                    lapack_sys::$getri(
                        &n,
                        a.as_mut_ptr(),
                        &n.max(1),
                        ipiv.as_ptr(),
                        q.as_mut_ptr(),
                        &-1,
                        &mut info,
                    )
                };
                let lw = lwork(q[0]).max(n);
                let mut work = vec![0.0 as $t; lw as usize];
                // SAFETY: work holds lw elements, as the query asked.
                unsafe {
                    lapack_sys::$getri(
                        &n,
                        a.as_mut_ptr(),
                        &n.max(1),
                        ipiv.as_ptr(),
                        work.as_mut_ptr(),
                        &lw,
                        &mut info,
                    )
                };
                info
            }

            fn potrf(uplo: u8, n: c_int, a: &mut [Self]) -> c_int {
                let _serial = serial();
                assert!(a.len() >= (n * n) as usize);
                let mut info = 0;
                // SAFETY: buffer sized above, lda = max(1, n).
                unsafe { lapack_sys::$potrf(&ch(uplo), &n, a.as_mut_ptr(), &n.max(1), &mut info) };
                info
            }

            fn syevr(jobz: u8, uplo: u8, n: c_int, a: &mut [Self], w: &mut [Self], z: &mut [Self]) -> c_int {
                let _serial = serial();
                let ldz = n.max(1);
                assert!(a.len() >= (n * n) as usize && w.len() >= n as usize);
                assert!(z.len() >= if jobz == b'V' { (n * n) as usize } else { 1 });
                let mut isuppz = vec![0 as c_int; 2 * n.max(1) as usize];
                let (zero, mut found, mut info) = (0.0 as $t, 0, 0);
                let (mut q, mut iq) = ([0.0 as $t], [0 as c_int]);
                let call = |work: &mut [$t],
                            lw: c_int,
                            iwork: &mut [c_int],
                            liw: c_int,
                            a: &mut [$t],
                            w: &mut [$t],
                            z: &mut [$t],
                            found: &mut c_int,
                            isuppz: &mut [c_int],
                            info: &mut c_int| {
                    // SAFETY: a is n x n, w has n, z is ldz x n (or a dummy for jobz = 'N'),
                    // isuppz has 2n, work/iwork hold lw/liw elements (or are queried with -1).
                    unsafe {
                        lapack_sys::$syevr(
                            &ch(jobz),
                            &ch(b'A'),
                            &ch(uplo),
                            &n,
                            a.as_mut_ptr(),
                            &n.max(1),
                            &zero,
                            &zero,
                            &0,
                            &0,
                            &zero,
                            found,
                            w.as_mut_ptr(),
                            z.as_mut_ptr(),
                            &ldz,
                            isuppz.as_mut_ptr(),
                            work.as_mut_ptr(),
                            &lw,
                            iwork.as_mut_ptr(),
                            &liw,
                            info,
                        )
                    }
                };
                call(&mut q, -1, &mut iq, -1, a, w, z, &mut found, &mut isuppz, &mut info);
                let (lw, liw) = (lwork(q[0]), iq[0].max(1));
                let mut work = vec![0.0 as $t; lw as usize];
                let mut iwork = vec![0 as c_int; liw as usize];
                call(&mut work, lw, &mut iwork, liw, a, w, z, &mut found, &mut isuppz, &mut info);
                info
            }

            fn geev(
                jobvr: u8,
                n: c_int,
                a: &mut [Self],
                wr: &mut [Self],
                wi: &mut [Self],
                vr: &mut [Self],
            ) -> c_int {
                let _serial = serial();
                let ldvr = if jobvr == b'V' { n.max(1) } else { 1 };
                assert!(a.len() >= (n * n) as usize && wr.len() >= n as usize && wi.len() >= n as usize);
                assert!(vr.len() >= if jobvr == b'V' { (n * n) as usize } else { 1 });
                let mut vl = [0.0 as $t];
                let (mut info, mut q) = (0, [0.0 as $t]);
                let call = |work: &mut [$t],
                            lw: c_int,
                            a: &mut [$t],
                            wr: &mut [$t],
                            wi: &mut [$t],
                            vl: &mut [$t],
                            vr: &mut [$t],
                            info: &mut c_int| {
                    // SAFETY: a is n x n, wr/wi hold n, vl is a dummy (jobvl = 'N', ldvl = 1), vr
                    // is ldvr x n or a dummy, work holds lw elements (or is queried with -1).
                    unsafe {
                        lapack_sys::$geev(
                            &ch(b'N'),
                            &ch(jobvr),
                            &n,
                            a.as_mut_ptr(),
                            &n.max(1),
                            wr.as_mut_ptr(),
                            wi.as_mut_ptr(),
                            vl.as_mut_ptr(),
                            &1,
                            vr.as_mut_ptr(),
                            &ldvr,
                            work.as_mut_ptr(),
                            &lw,
                            info,
                        )
                    }
                };
                call(&mut q, -1, a, wr, wi, &mut vl, vr, &mut info);
                let lw = lwork(q[0]);
                let mut work = vec![0.0 as $t; lw as usize];
                call(&mut work, lw, a, wr, wi, &mut vl, vr, &mut info);
                info
            }
        }
    };
}

impl_lapack!(
    f32, sgesv_, sgetrf_, sgetri_, spotrf_, sgesdd_, ssyevr_, sgeev_, sgeqrf_, sorgqr_, sgelsd_, sgesvd_,
    sgeqp3_
);
impl_lapack!(
    f64, dgesv_, dgetrf_, dgetri_, dpotrf_, dgesdd_, dsyevr_, dgeev_, dgeqrf_, dorgqr_, dgelsd_, dgesvd_,
    dgeqp3_
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drivers_return_lapack_values_and_info() {
        // Column-major [[1, 2], [3, 4]].
        let mut a = [1.0f64, 3.0, 2.0, 4.0];
        let mut ipiv = [0; 2];
        let mut b = [5.0f64, 6.0];
        assert_eq!(f64::gesv(2, 1, &mut a, &mut ipiv, &mut b), 0);
        assert_eq!(ipiv, [2, 2]); // row 1 swapped with row 2 (1-based), as LAPACK reports
        assert!((b[0] + 4.0).abs() < 1e-14 && (b[1] - 4.5).abs() < 1e-14);
        // A singular matrix: info is the 1-based index of the zero pivot.
        let mut s = [1.0f32, 2.0, 2.0, 4.0];
        assert_eq!(f32::getrf(2, 2, &mut s, &mut ipiv), 2);
        let mut p = [4.0f64, 2.0, 2.0, 3.0];
        assert_eq!(f64::potrf(b'L', 2, &mut p), 0);
        assert_eq!(p[0], 2.0);
        let mut np = [1.0f64, 2.0, 2.0, 1.0];
        assert_eq!(f64::potrf(b'L', 2, &mut np), 2);
        let (mut w, mut z) = ([0.0f64; 2], [0.0f64; 4]);
        let mut sym = [2.0f64, 1.0, 1.0, 2.0];
        assert_eq!(f64::syevr(b'V', b'L', 2, &mut sym, &mut w, &mut z), 0);
        assert!((w[0] - 1.0).abs() < 1e-14 && (w[1] - 3.0).abs() < 1e-14);
        let (mut wr, mut wi, mut vr) = ([0.0f64; 2], [0.0f64; 2], [0.0f64; 1]);
        let mut rot = [0.0f64, 1.0, -1.0, 0.0];
        assert_eq!(f64::geev(b'N', 2, &mut rot, &mut wr, &mut wi, &mut vr), 0);
        assert_eq!((wr, wi.map(f64::abs)), ([0.0, 0.0], [1.0, 1.0]));
        let mut g = [3.0f64, 0.0, 0.0, 4.0];
        let (mut sv, mut u, mut vt) = ([0.0f64; 2], [0.0f64; 1], [0.0f64; 1]);
        assert_eq!(f64::gesxd(false, b'N', (2, 2), &mut g, &mut sv, (&mut u, 1), (&mut vt, 1)), 0);
        assert_eq!(sv, [4.0, 3.0]);
    }

    #[test]
    fn dimensions_beyond_lapack_integers_are_errors() {
        assert_eq!(dim(7, "a"), Ok(7));
        assert!(dim(usize::MAX, "a").is_err());
    }

    /// OpenBLAS's threaded getrf from this test thread (2 MB stack), through the helper
    /// thread: without it, 100x100 corrupted the heap in most runs (the process crashed in a
    /// later `free`). Same factors and pivots as on one thread.
    #[test]
    fn threaded_getrf_runs_on_a_large_stack() {
        let mut s = 5u64;
        for n in (100..=200).step_by(25) {
            for _ in 0..4 {
                let a: Vec<f64> = (0..n * n)
                    .map(|_| {
                        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
                    })
                    .collect();
                let ni = n as c_int;
                let factor = |threaded: bool| {
                    let (mut lu, mut ipiv, mut info) = (a.clone(), vec![0 as c_int; n], 0);
                    let _serial = serial();
                    // SAFETY: n x n matrix with lda = n, n pivots.
                    let call = || unsafe {
                        lapack_sys::dgetrf_(&ni, &ni, lu.as_mut_ptr(), &ni, ipiv.as_mut_ptr(), &mut info)
                    };
                    if threaded {
                        on_lu_stack(call)
                    } else {
                        single_threaded(call)
                    }
                    (lu, ipiv, info)
                };
                let (l1, p1, i1) = factor(true);
                let (l2, p2, i2) = factor(false);
                assert_eq!((i1, &p1), (i2, &p2), "n {n}");
                assert!(l1.iter().zip(&l2).all(|(x, y)| (x - y).abs() <= 1e-10 * (1.0 + y.abs())), "n {n}");
            }
        }
    }
}

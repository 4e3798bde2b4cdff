//! When a faer kernel runs on several threads.
//!
//! faer's parallel LU, QR, SVD and eigenvalue kernels fork and join many times per call (every
//! panel, every trailing update), so they pay off only when the work is large and every core is
//! free. Measured on a 2-core machine (`/tmp` driver, see the speed commit): single-threaded
//! faer factors a 1000×1000 LU in 7.9 ms, its 2-thread path takes 8.8 ms at best and 11-25 ms
//! when other processes are running; QR 1000, SVD 512 and `eig` 500 show the same. A 1000×1000
//! GEMM or a 2000×2000 Cholesky factor does gain from a second thread (GEMM 19 -> 14 ms), but only
//! while that thread gets a core: with another process running it is slower than one thread
//! (28-50 ms), as a descheduled thread stalls every join.
//!
//! So a kernel runs in parallel only when (1) its work is above a per-kernel threshold, (2) the
//! global faer parallelism (`faer::set_global_parallelism`) allows it, and (3) on Linux, no
//! other process is runnable at the moment of the call (the instantaneous counterpart of
//! OpenMP's `OMP_DYNAMIC`, which sizes thread teams by the load average). The check reads
//! `/proc/loadavg` and this process's task states, some 20-50 µs, done only for kernels of
//! about 10 ms or more (`SCI_DYNAMIC=false` in the environment skips it). The crate's own GEMM
//! behind `matmul` (`Kernel::Dgemm`) is exempt from (3): it shares its work dynamically with a
//! persistent helper thread
//! (`worker`), as BLAS libraries do, so another process slows it in proportion rather than
//! stalling it. Results may differ in the last bits between the two paths (and eigenvalues may
//! come in another order), as with LAPACK on different thread counts.

use faer::Par;

/// The kind of kernel, which sets the work (floating-point operations) above which a second
/// thread is worth it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kernel {
    /// Matrix product, `2 m n k` flops, by faer (or a sweep of products that decides once).
    Gemm,
    /// Complex matrix product by faer, in real flops (`8 m n k`).
    ComplexGemm,
    /// `f32` matrix product by faer (`2 m n k` flops, at twice `f64`'s SIMD width).
    SingleGemm,
    /// A product of `f64` matrices by the crate's own GEMM (`blas::dgemm`), `2 m n k` flops: it
    /// shares the columns with a persistent helper thread, so it is not load-checked.
    Dgemm,
    /// faer's LU of a complex matrix, in real flops (`8 n³ / 3` when square).
    ComplexLu,
    /// faer's LU of an `f32` matrix, `2 n³ / 3` flops.
    SingleLu,
    /// Cholesky factorization, `n³ / 3` flops.
    Cholesky,
    /// LU factorization, its solves and the inverse, `2 n³ / 3` flops for the factor.
    Lu,
    /// Householder QR, SVD, Hessenberg/Schur eigenvalue kernels.
    Orthogonal,
    /// faer's SVD with vectors, bidiagonalization kept on one thread so that only the two
    /// halves of the bidiagonal divide and conquer fork (`svd::svd_par`); `16 k³` flops for a
    /// `k × k` matrix (the caller's measure).
    SvdMerge,
    /// The crate's two-thread kernels, one helper thread per call and spinning barriers
    /// between panels: the LU (`lu_blocked::dgetrf_team`), ...
    TeamLu,
    /// ... the Cholesky factorization (`cholesky_blocked::dpotrf_team`), ...
    TeamCholesky,
    /// ... the inverse from the LU factors (`lu_blocked::inverse_team`, no barriers) ...
    TeamInverse,
    /// ... the Householder QR (`qr_blocked::geqrf_team`) ...
    TeamQr,
    /// ... and the bidiagonal reduction for singular values (`bidiag_values`, `8/3 n² m`
    /// flops), which shares each step's columns with the persistent helper thread in claimed
    /// chunks.
    TeamBidiag,
    /// OpenBLAS's `getrf` (the `lapack` feature), `2 n³ / 3` flops: its threads split every
    /// panel's trailing update and pay off from a few hundred rows up.
    #[cfg_attr(not(feature = "lapack"), allow(dead_code))]
    LapackLu,
}

impl Kernel {
    /// Work below which one thread is at least as fast even on an idle machine.
    fn min_flops(self) -> f64 {
        match self {
            // 1000×1000×1000 GEMM (2e9) gains ~1.35x from 2 idle cores; 500³ (2.5e8) does not.
            Kernel::Gemm => 1e9,
            // complex128 medians, one thread / two (NumPy): 400² 9.0 / 5.6 ms (5.3), 500² 18.2
            // / 10.1 (10.1); 300² (2.2e8) 3.8 / 3.9.
            Kernel::ComplexGemm => 4e8,
            // f32 medians, one thread / two (NumPy): 400² 1.13 / 0.84 ms (0.80), 500² 2.28 /
            // 1.51 (1.58), 700² 6.2 / 4.1 (4.0); 300² (5.4e7) 0.48 / 0.41-0.57 (0.40).
            Kernel::SingleGemm => 1e8,
            // The crate's GEMM with its persistent helper. Square products, medians, idle
            // machine, µs on two threads / one (NumPy 2.4.6, which takes two threads from about
            // 120³): 100³ 23-26 / 41 (36.4), 120³ 34-39 / 64 (48), 150³ 68-75 / 126 (87), 180³
            // 113-125 / 218 (137), 300³ 503 / 1150 (556). Two threads also paid at 48³-96³
            // (48³ 3.5 / 4.9, 80³ 11.8 / 22.4; NumPy 5.0, 19.1), but the caller then waits for
            // the helper, which on a loaded machine can lose its core for a time slice: the
            // smaller the product, the larger that risk against the gain.
            Kernel::Dgemm => 2e6,
            // 2000×2000 Cholesky (2.7e9) gains, 1000×1000 (3.3e8) does not.
            Kernel::Cholesky => 1e9,
            // LU 1000 (6.7e8) and 2000 (5.3e9) are faster on one thread even at best.
            Kernel::Lu => 1e10,
            // complex128 `det` medians, one thread / two (SciPy): n = 400 (1.7e8) 3.88 / 3.62 ms
            // (3.47), 500 7.2 / 6.1 (6.1), 700 21.6 / 15.5 (13.9), 1000 58-62 / 38.5 (35.2); n =
            // 300 1.75 / 1.84.
            Kernel::ComplexLu => 1.5e8,
            // f32 `det` medians, one thread / two (SciPy): n = 2000 (5.3e9) 64.0 / 45.4 ms
            // (42.7); n = 1000 (6.7e8) 8.9 / 9.2 (8.8).
            Kernel::SingleLu => 2e9,
            // QR 1000/2000, SVD 512/1024, eig 500/1000: one thread at least as fast.
            Kernel::Orthogonal => 2e10,
            // Idle machine, medians (ms, one thread / two): k = 128 2.7 / 3.2, 200 6.7 / 6.1,
            // 500 65 / 52.
            Kernel::SvdMerge => 1e8,
            // Idle machine, best of 9, against one thread (faer's LU, the crate's getri,
            // recursive Cholesky and QR sweep): LU n = 500 3.15 / 2.65 ms, n = 600 3.69 / 4.51;
            // the inverse n = 300 1.17 / 1.71; Cholesky n = 300 0.43 / 0.53; QR n = 300 1.61 /
            // 1.94. Below about these sizes the work does not pay for the helper thread.
            Kernel::TeamLu => 1.2e8,
            Kernel::TeamCholesky => 1e7,
            Kernel::TeamInverse => 3e7,
            Kernel::TeamQr => 5e7,
            // The reduction alone, idle machine, medians (ms, one thread / two): n = 100 0.21 /
            // 0.21, 150 0.64 / 0.51, 200 1.35 / 1.08, 300 4.13 / 2.76, 500 17.6 / 10.7.
            Kernel::TeamBidiag => 5e6,
            // n ≈ 530 (1.5 ms on one thread): the load check and the helper thread cost ~0.1 ms.
            Kernel::LapackLu => 1e8,
        }
    }
}

/// The parallelism for a `kernel` call doing about `flops` floating-point operations.
pub(crate) fn par_for(kernel: Kernel, flops: f64) -> Par {
    let global = faer::get_global_parallelism();
    // The GEMM shares its columns dynamically between the caller and a persistent helper
    // (`blas::gemm`), so a core taken by another process slows it down in proportion, without
    // the stalls at barriers that the teams' fixed schedules would suffer: it skips the check.
    let busy = || kernel != Kernel::Dgemm && machine_busy();
    if matches!(global, Par::Seq) || flops < kernel.min_flops() || busy() { Par::Seq } else { global }
}

/// `flops` complex multiply-adds counted as real operations, as the thresholds are: a complex
/// multiply-add is four real ones.
pub(crate) fn real_flops<T: crate::linalg_scalar::LinalgScalar>(flops: f64) -> f64 {
    if T::IS_COMPLEX { 4.0 * flops } else { flops }
}

/// `2 m n k`, the work of an `(m, k) @ (k, n)` product.
pub(crate) fn gemm_flops(m: usize, n: usize, k: usize) -> f64 {
    2.0 * m as f64 * n as f64 * k as f64
}

/// The flops of an LU factorization of an `m × n` matrix (`2 n³ / 3` when square).
pub(crate) fn lu_flops(m: usize, n: usize) -> f64 {
    let (m, n) = (m as f64, n as f64);
    let k = m.min(n);
    2.0 * (m * n * k - (m + n) * k * k / 2.0 + k * k * k / 3.0)
}

/// `n³`, the scale of a factorization of an `n × n` matrix (callers multiply by its constant).
pub(crate) fn cube(n: usize) -> f64 {
    let n = n as f64;
    n * n * n
}

/// Whether some other process is runnable right now, so that a second thread of ours would
/// compete for a core (Linux; elsewhere never busy). Setting the environment variable
/// `SCI_DYNAMIC=false` (read once, like OpenMP's `OMP_DYNAMIC=false`) turns the check off:
/// then the thresholds and the global parallelism alone decide, for example when the other
/// runnable processes are niced and leave the cores to this one.
fn machine_busy() -> bool {
    static DYNAMIC: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let dynamic = *DYNAMIC.get_or_init(|| {
        std::env::var("SCI_DYNAMIC").map_or(true, |v| !matches!(v.trim(), "false" | "FALSE" | "False" | "0"))
    });
    if !dynamic {
        return false;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    others_running().is_some_and(|others| others + 1 >= cores)
}

/// Runnable tasks of the whole machine (`/proc/loadavg`'s fourth field) minus this process's
/// own running threads (the caller, and pool workers still spinning after a parallel call).
#[cfg(target_os = "linux")]
fn others_running() -> Option<usize> {
    let loadavg = std::fs::read_to_string("/proc/loadavg").ok()?;
    let running: usize = loadavg.split_whitespace().nth(3)?.split('/').next()?.parse().ok()?;
    let mut own = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else { continue };
        // The state letter follows the parenthesised command name (which may hold spaces).
        if stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next()) == Some("R") {
            own += 1;
        }
    }
    Some(running.saturating_sub(own))
}

#[cfg(not(target_os = "linux"))]
fn others_running() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_work_is_sequential() {
        for k in [
            Kernel::Gemm,
            Kernel::ComplexGemm,
            Kernel::SingleGemm,
            Kernel::Dgemm,
            Kernel::Cholesky,
            Kernel::Lu,
            Kernel::ComplexLu,
            Kernel::SingleLu,
            Kernel::Orthogonal,
            Kernel::SvdMerge,
            Kernel::TeamLu,
            Kernel::TeamCholesky,
            Kernel::TeamInverse,
            Kernel::TeamQr,
            Kernel::TeamBidiag,
            Kernel::LapackLu,
        ] {
            assert_eq!(par_for(k, 1e6), Par::Seq);
        }
        assert_eq!(gemm_flops(10, 20, 30), 12000.0);
        assert_eq!(cube(10), 1000.0);
        assert!((lu_flops(30, 30) - 2.0 / 3.0 * cube(30)).abs() < 1e-6);
        assert_eq!(lu_flops(5, 0), 0.0);
    }

    #[test]
    fn large_work_follows_the_machine() {
        // Above every threshold the answer is the global setting or, when another process is
        // runnable, one thread; never more than the global setting.
        let p = par_for(Kernel::Orthogonal, 1e12);
        assert!(p == Par::Seq || p == faer::get_global_parallelism());
        #[cfg(target_os = "linux")]
        assert!(others_running().is_some());
    }
}

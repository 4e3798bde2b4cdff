//! Reduction of a real or complex matrix to upper bidiagonal form for its singular values alone
//! (`svdvals` and the routes built on it).
//!
//! Golub–Kahan bidiagonalization by Householder reflections from both sides (LAPACK's
//! `larfg` reflectors, so complex input gives a real bidiagonal), with the reflectors' updates
//! of the trailing block deferred by one step so that each step reads and writes the trailing
//! block once: step `k` applies step `k - 1`'s rank-two update `A22 -= u yᵀ + z vᴴ` column by
//! column and, while a column is in cache, takes its product with step `k`'s left reflector
//! (the row `yᵀ = conj(τ) uᴴ A` of the left update) and adds the column, times the conjugate
//! of the updated row `k`, into `w = A22 conj(r)`, from which the right reflector's
//! `z = τ A22 v` follows by a linear correction once row `k`'s reflector is known (`v` is
//! `conj(r)` scaled, with its first entry replaced by one). faer's reduction (what `svd` uses)
//! passes over the trailing block twice per step, once to update it and take `Aᴴ u`, once more
//! for `A v`, and keeps the Householder vectors' block factors for the singular vectors, which
//! values do not need. The column kernels are AVX2 + FMA code (explicit intrinsics for complex
//! data, whose loops the compiler does not vectorize).
//!
//! Large trailing blocks are shared with the crate's helper thread (`worker`): at each step the
//! calling thread forms the reflectors, publishes the step, and the two threads take chunks of
//! the trailing columns, the calling thread from the left and the helper from the right, so
//! that each keeps mostly the same columns in its own cache from step to step. The calling
//! thread never waits for the helper to arrive: a helper that lost its core for a while takes
//! no chunk of the steps it missed, and the calling thread waits only for chunks the helper has
//! started. (Fixed halves with a barrier per step, the first version of this, took 30 times
//! longer than one thread whenever another process ran on the second core.)

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use ndarray::{Array1, Array2, ArrayView2, ArrayViewMut2, ShapeBuilder, s};
use num_complex::Complex;
use num_traits::{Float, One, Zero};

use crate::blas::level1::{axpy, dot_conj, madd, parts, parts_mut};
use crate::blas::{cast, cast_mut};
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::LinalgFloat;
use crate::scalar::parallel::{Kernel, par_for, real_flops};
use crate::team::{PoisonFlag, SharedCols, spin_until};

/// Trailing blocks from this many columns on (and [`TEAM_MIN_WORK`] entries) are updated by two
/// threads; below, the calling thread finishes alone.
const TEAM_MIN_COLS: usize = 64;
/// Trailing blocks of at least this many entries are shared between the two threads.
const TEAM_MIN_WORK: usize = 96 * 96;

/// Singular values of `a` (real or complex, finite: checked by the caller), descending: the
/// matrix scaled by a power of two (so that the reflectors' sums of squares can neither
/// overflow nor all underflow), reduced to `R` by the crate's blocked QR first when it has at
/// least 5/3 as many rows as columns (`2 m n² + 2 n³` flops instead of `4 m n² - 4/3 n³`, as
/// LAPACK's `gesdd` does from 11/6), bidiagonalized ([`bidiagonalize`]), and the bidiagonal's
/// values found by dqds ([`crate::dqds`]).
pub(crate) fn singular_values<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<Array1<RealOf<T>>> {
    let a = if a.nrows() >= a.ncols() { a } else { a.reversed_axes() };
    let (m, n) = a.dim();
    let amax = a.iter().fold(RealOf::<T>::zero(), |s, &x| s.max(x.re().abs()).max(x.im().abs()));
    if n == 0 || amax == RealOf::<T>::zero() {
        return Ok(Array1::zeros(n));
    }
    // amax · 2^-e is in [1, 2) (near enough: any power of two close to amax serves).
    let e = amax.to_f64_lossless().log2().floor() as i32;
    let mut w = padded_zeros::<T>(m, n);
    let down = T::from_real(scale_pow2(RealOf::<T>::one(), -e));
    if down.re().is_normal() {
        w.zip_mut_with(&a, |w, &x| *w = x * down);
    } else {
        w.zip_mut_with(&a, |w, &x| {
            *w =
                T::from_real(scale_pow2(x.re(), -e)) + T::from_real(scale_pow2(x.im(), -e)) * imag_unit::<T>()
        });
    }
    let tall = n > 1 && 3 * m >= 5 * n;
    let mut r;
    let mut rv = if tall {
        if let Some(h) = crate::qr_blocked::as_f64_mut(&mut w) {
            let mut tau = vec![0.0; n];
            crate::qr_blocked::geqrf(h.view_mut(), &mut tau);
        } else {
            crate::complex::qr_blocked::geqrf_fortran(&mut w);
        }
        r = padded_zeros::<T>(n, n);
        for j in 0..n {
            r.slice_mut(s![..=j, j]).assign(&w.slice(s![..=j, j]));
        }
        r.view_mut()
    } else {
        w.view_mut()
    };
    let work = 8.0 / 3.0 * n as f64 * n as f64 * (rv.nrows() as f64);
    let two = par_for(Kernel::TeamBidiag, real_flops::<T>(work)) != faer::Par::Seq;
    let (mut d, mut e_) = bidiagonalize(rv.view_mut(), two);
    crate::dqds::bidiagonal_singular_values(&mut d, &mut e_)
        .map_err(|_| LinalgError::NoConvergence { iterations: 0 })?;
    d.sort_by(|x, y| y.partial_cmp(x).unwrap_or(std::cmp::Ordering::Equal));
    Ok(d.into_iter().map(|x| scale_pow2(x, e)).collect())
}

/// `x · 2^k`, exact unless the result over- or underflows (in steps of at most `2^±100`, which
/// `f32` holds).
fn scale_pow2<R: LinalgFloat>(x: R, k: i32) -> R {
    let mut x = x;
    let mut k = k;
    while k != 0 {
        let step = k.clamp(-100, 100);
        x *= R::lit(2f64.powi(step));
        k -= step;
    }
    x
}

/// A zero column-major `m × n` matrix whose column stride is not a multiple of 2 KiB (a column
/// stride of 4 KiB, `m = 512` in `f64`, maps every column's row `i` to the same cache set).
fn padded_zeros<T: LinalgScalar>(m: usize, n: usize) -> Array2<T> {
    let ld = if (m * std::mem::size_of::<T>()).is_multiple_of(2048) { m + 8 } else { m };
    let mut full = Array2::<T>::zeros((ld, n).f());
    full.slice_collapse(s![..m, ..]);
    full
}

/// The moduli of the diagonal `d` (`n` values) and superdiagonal `e` (`n - 1`) of an upper
/// bidiagonal matrix with the singular values of `a`, an `m × n` matrix with `m ≥ n ≥ 1` and
/// unit row stride (it is overwritten). `two_threads` lets the reduction take the helper
/// thread for large trailing blocks.
pub(crate) fn bidiagonalize<T: LinalgScalar>(
    mut a: ArrayViewMut2<'_, T>,
    two_threads: bool,
) -> (Vec<RealOf<T>>, Vec<RealOf<T>>) {
    let (m, n) = a.dim();
    assert!(m >= n && n >= 1, "internal: bidiagonalize needs m >= n >= 1");
    let Some(shared) = SharedCols::new(&mut a) else { unreachable!("internal: a column-major matrix") };
    // Vectors of length m: the left reflector of the even and odd steps, z, and each thread's w.
    let mut vm = Array2::<T>::zeros((m, 5).f());
    // Vectors of length n: y, v, each step's tau of the left reflector, and row k's entries r.
    let mut vn = Array2::<T>::zeros((n, 4).f());
    let (mut vmv, mut vnv) = (vm.view_mut(), vn.view_mut());
    let red = Reduction {
        a: shared,
        vm: SharedCols::new(&mut vmv).expect("column-major"),
        vn: SharedCols::new(&mut vnv).expect("column-major"),
        work: AtomicU64::new(IDLE),
        done: AtomicUsize::new(0),
        helper_step: AtomicUsize::new(0),
        finished: AtomicBool::new(false),
        poisoned: AtomicBool::new(false),
        m,
        n,
    };
    let mut d = vec![T::zero(); n];
    let mut e = vec![T::zero(); n - 1];
    let lease = if two_threads && red.team_at(0) { crate::worker::lease() } else { None };
    match lease {
        Some(l) => l.join(|| red.run_main(&mut d, &mut e, true), || red.run_helper()),
        None => red.run_main(&mut d, &mut e, false),
    }
    (d.into_iter().map(T::modulus).collect(), e.into_iter().map(T::modulus).collect())
}

/// The imaginary unit (zero for real types, where imaginary parts are zero anyway).
fn imag_unit<T: LinalgScalar>() -> T {
    let i: Complex<RealOf<T>> = Complex::new(RealOf::<T>::zero(), RealOf::<T>::one());
    cast::<Complex<RealOf<T>>, T>(&[i]).map_or(T::zero(), |x| x[0])
}

/// Columns per claimed chunk of a step's trailing update.
const CHUNK: usize = 8;
/// Bits of a column index in the published work word (steps take the rest).
const COL_BITS: u32 = 22;
/// The largest `n` whose steps the two threads share (column indices fit [`COL_BITS`]).
const MAX_TEAM_COLS: usize = 1 << COL_BITS;
/// The work word before the first step is published (no step has this value).
const IDLE: u64 = u64::MAX;

/// Step `k` with the unclaimed columns `lo..hi`, as one word.
fn pack(k: usize, lo: usize, hi: usize) -> u64 {
    ((k as u64) << (2 * COL_BITS)) | ((lo as u64) << COL_BITS) | hi as u64
}

/// The step and unclaimed columns of a work word.
fn unpack(w: u64) -> (usize, usize, usize) {
    let mask = (1u64 << COL_BITS) - 1;
    ((w >> (2 * COL_BITS)) as usize, ((w >> COL_BITS) & mask) as usize, (w & mask) as usize)
}

/// Columns of the shared vector matrices.
const U_EVEN: usize = 0;
const Z: usize = 2;
const W0: usize = 3;
const Y: usize = 0;
const V: usize = 1;
const TAU: usize = 2;
const R: usize = 3;

/// The state the two threads share: the matrix and the reflectors' vectors.
struct Reduction<T> {
    a: SharedCols<T>,
    vm: SharedCols<T>,
    vn: SharedCols<T>,
    /// The published step and its unclaimed columns ([`pack`]), or [`IDLE`].
    work: AtomicU64,
    /// Columns of the published step whose update is finished.
    done: AtomicUsize,
    /// `k + 1` when the helper's `w` holds its part of step `k`'s sum.
    helper_step: AtomicUsize,
    /// The calling thread has formed the last reflector (the helper stops).
    finished: AtomicBool,
    /// A thread panicked (the other stops waiting for it).
    poisoned: AtomicBool,
    m: usize,
    n: usize,
}

/// Column `c` of a shared matrix, rows `rows`, read-only.
///
/// # Safety
/// No thread writes these entries while the slice lives.
#[allow(unsafe_code)]
unsafe fn col<T>(s: &SharedCols<T>, c: usize, rows: Range<usize>) -> &[T] {
    // SAFETY: the caller's contract; one column of a column-major matrix is contiguous.
    unsafe { s.block(rows, c..c + 1).to_slice().expect("a column is contiguous") }
}

/// Column `c` of a shared matrix, rows `rows`, mutable.
///
/// # Safety
/// No other thread reads or writes these entries, and this thread holds no other view of them,
/// while the slice lives.
#[allow(unsafe_code, clippy::mut_from_ref)]
unsafe fn col_mut<T>(s: &SharedCols<T>, c: usize, rows: Range<usize>) -> &mut [T] {
    // SAFETY: as for `col`, exclusive.
    unsafe { s.block_mut(rows, c..c + 1).into_slice().expect("a column is contiguous") }
}

impl<T: LinalgScalar> Reduction<T> {
    /// Whether step `k`'s trailing block is shared by the two threads (once false, false for
    /// every later step).
    fn team_at(&self, k: usize) -> bool {
        let cols = self.n.saturating_sub(k + 1);
        let rows = self.m.saturating_sub(k + 1);
        self.n <= MAX_TEAM_COLS && cols >= TEAM_MIN_COLS && rows * cols >= TEAM_MIN_WORK
    }

    /// The calling thread: every step's reflectors, and the trailing updates the helper does not
    /// take.
    fn run_main(&self, d: &mut [T], e: &mut [T], team: bool) {
        let _guard = PoisonFlag(&self.poisoned);
        let n = self.n;
        for k in 0..n {
            d[k] = self.left_reflector(k);
            if k + 1 == n {
                break;
            }
            let mut helped = false;
            if team && self.team_at(k) {
                self.done.store(0, Ordering::Relaxed);
                self.work.store(pack(k, k + 1, n), Ordering::Release);
                let mut first = true;
                while let Some(cols) = self.claim(k, true) {
                    let len = cols.len();
                    self.trailing(k, cols, W0, first);
                    first = false;
                    self.done.fetch_add(len, Ordering::Relaxed);
                }
                let total = n - k - 1;
                spin_until(|| {
                    assert!(!self.poisoned.load(Ordering::Relaxed), "the helper thread panicked");
                    self.done.load(Ordering::Acquire) == total
                });
                helped = self.helper_step.load(Ordering::Relaxed) == k + 1;
            } else {
                self.trailing(k, k + 1..n, W0, true);
            }
            e[k] = self.right_reflector(k, helped);
        }
        self.finished.store(true, Ordering::Release);
    }

    /// The helper thread: chunks of each published step's trailing columns, from the right.
    fn run_helper(&self) {
        let _guard = PoisonFlag(&self.poisoned);
        let mut last = IDLE;
        loop {
            let mut now = last;
            spin_until(|| {
                now = self.work.load(Ordering::Acquire);
                now != last || self.finished.load(Ordering::Acquire) || self.poisoned.load(Ordering::Relaxed)
            });
            if now == last {
                return;
            }
            last = now;
            let k = (now >> (2 * COL_BITS)) as usize;
            let mut first = true;
            while let Some(cols) = self.claim(k, false) {
                let len = cols.len();
                self.trailing(k, cols, W0 + 1, first);
                if first {
                    self.helper_step.store(k + 1, Ordering::Relaxed);
                    first = false;
                }
                self.done.fetch_add(len, Ordering::Release);
            }
        }
    }

    /// The next chunk of step `k`'s unclaimed columns, from the left (`front`) or the right;
    /// `None` when they are all taken or step `k` is no longer the published one.
    fn claim(&self, k: usize, front: bool) -> Option<Range<usize>> {
        let mut now = self.work.load(Ordering::Acquire);
        loop {
            let (step, lo, hi) = unpack(now);
            if step != k || lo >= hi {
                return None;
            }
            let take = CHUNK.min(hi - lo);
            let (cols, next) = if front {
                (lo..lo + take, pack(k, lo + take, hi))
            } else {
                (hi - take..hi, pack(k, lo, hi - take))
            };
            match self.work.compare_exchange_weak(now, next, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return Some(cols),
                Err(v) => now = v,
            }
        }
    }

    /// Step `k`, first part (calling thread, alone): applies step `k - 1`'s deferred update to
    /// column `k` (row `k` gets it in `trailing`), and forms the left reflector of column `k` (its vector `u`, with
    /// `u[k] = 1`, and `tau`); returns the diagonal entry `d[k]`.
    #[allow(unsafe_code)]
    fn left_reflector(&self, k: usize) -> T {
        let m = self.m;
        // SAFETY: while this thread forms the reflectors no step is published (every claimed
        // column of the last one is done), so the helper touches nothing.
        unsafe {
            let ak = col_mut(&self.a, k, k..m);
            if k > 0 {
                // Row k's entries right of the diagonal get this update in `trailing`.
                let up = col(&self.vm, U_EVEN + (k - 1) % 2, k..m);
                let zp = col(&self.vm, Z, k..m);
                let (yk, vk) = (col(&self.vn, Y, k..k + 1)[0], col(&self.vn, V, k..k + 1)[0]);
                for ((a, &u), &z) in ak.iter_mut().zip(up).zip(zp) {
                    *a = *a - u * yk - z * vk;
                }
            }
            let (alpha, x) = ak.split_first_mut().expect("k < m");
            let u = col_mut(&self.vm, U_EVEN + k % 2, k + 1..m);
            let (beta, tau, scale) = householder(*alpha, x);
            for (u, &x) in u.iter_mut().zip(x.iter()) {
                *u = x * scale;
            }
            col_mut(&self.vn, TAU, k..k + 1)[0] = tau;
            beta
        }
    }

    /// Step `k`, shared part: for each column `j` of `cols`, step `k - 1`'s deferred update of
    /// rows `k..`, `y[j] = conj(tau) (a[k, j] + uᴴ a[k+1.., j])`, row `k`'s entry after the
    /// left reflector `r[j] = a[k, j] - y[j]` (into `r`, contiguous for the right reflector), and
    /// `w += a[k+1.., j] conj(r[j])` into this thread's `w` (column `w_col` of `vm`, cleared first
    /// when `first`), except for the first trailing column (the right reflector's pivot).
    #[allow(unsafe_code)]
    fn trailing(&self, k: usize, cols: Range<usize>, w_col: usize, first: bool) {
        let m = self.m;
        let rows = k + 1..m;
        // SAFETY: `cols` is this thread's claim of step `k` (or, without a team, every column):
        // this thread alone writes those columns of `a`, those entries of `y` and `r` and its own
        // `w` until it adds them to `done`. Everything it reads (the reflectors of steps `k - 1`
        // and `k`, `v`) was written before step `k` was published, and the calling thread writes
        // them again only after every claimed column of the step is done.
        unsafe {
            let u = col(&self.vm, U_EVEN + k % 2, rows.clone());
            let pending = (k > 0).then(|| {
                let up = col(&self.vm, U_EVEN + (k - 1) % 2, k..m);
                let zp = col(&self.vm, Z, k..m);
                (up[0], zp[0], &up[1..], &zp[1..])
            });
            let tau = col(&self.vn, TAU, k..k + 1)[0];
            let w = col_mut(&self.vm, w_col, rows.clone());
            if first {
                w.fill(T::zero());
            }
            let y = col_mut(&self.vn, Y, cols.clone());
            let r = col_mut(&self.vn, R, cols.clone());
            let v = col(&self.vn, V, cols.clone());
            for (i, j) in cols.enumerate() {
                let aj = col_mut(&self.a, j, k..m);
                let (akj, below) = aj.split_first_mut().expect("k < m");
                let (akj, dot) = match pending {
                    Some((uk, zk, up, zp)) => {
                        (*akj - uk * y[i] - zk * v[i], update_dot(below, up, zp, u, y[i], v[i]))
                    }
                    None => (*akj, dot_conj(u, below)),
                };
                let yj = tau.conj() * (akj + dot);
                let rj = akj - yj;
                y[i] = yj;
                r[i] = rj;
                if j > k + 1 {
                    axpy(w, below, rj.conj());
                }
            }
        }
    }

    /// Step `k`, last part (calling thread, alone): the right reflector of row `k` (columns
    /// `k + 1..`, updated by the shared part), its `v` (with `v[k + 1] = 1`) and
    /// `z = tau (A22 v - u (yᵀ v))` for the next step; returns the superdiagonal entry `e[k]`.
    #[allow(unsafe_code)]
    fn right_reflector(&self, k: usize, helped: bool) -> T {
        let (m, n) = (self.m, self.n);
        let rows = k + 1..m;
        // SAFETY: as in `left_reflector`.
        unsafe {
            let w = col_mut(&self.vm, W0, rows.clone());
            if helped {
                for (w, &w1) in w.iter_mut().zip(col(&self.vm, W0 + 1, rows.clone())) {
                    *w += w1;
                }
            }
            // The reflector of x = conj(r): Hᴴ x = beta e1, so r H = beta e1ᵀ, and A H =
            // A - tau (A v) vᴴ. `V` keeps conj(v) for the next step's update.
            let r = col(&self.vn, R, k + 1..n);
            let x: Vec<T> = r.iter().map(|&r| r.conj()).collect();
            let (alpha, x) = x.split_first().expect("k + 1 < n");
            let (beta, tau, scale) = householder(*alpha, x);
            let vc = col_mut(&self.vn, V, k + 1..n);
            vc[0] = T::one();
            for (vc, &r) in vc[1..].iter_mut().zip(&r[1..]) {
                *vc = scale.conj() * r;
            }
            let z = col_mut(&self.vm, Z, rows.clone());
            if tau == T::zero() {
                z.fill(T::zero());
                return beta;
            }
            let y = col(&self.vn, Y, k + 1..n);
            let yv = y[0] + y[1..].iter().zip(x).fold(T::zero(), |s, (&y, &x)| s + y * x) * scale;
            let u = col(&self.vm, U_EVEN + k % 2, rows.clone());
            let a1 = col(&self.a, k + 1, rows);
            // A22 v = a1 + scale · Σ_{j > k+1} a_j conj(r_j) = a1 + scale · w.
            for (((z, &w), &a1), &u) in z.iter_mut().zip(w.iter()).zip(a1).zip(u) {
                *z = tau * (a1 + scale * w - u * yv);
            }
            beta
        }
    }
}

/// The Householder reflector `H = I - tau [1; v] [1; v]ᴴ` with `Hᴴ [alpha; x] = [beta; 0]`,
/// `beta` real (LAPACK `larfg`'s): returns `(beta, tau, scale)` with `v = scale · x`. When `x`
/// is zero, `H = I` and `beta = alpha` (complex `alpha` keeps its phase: only moduli matter
/// here). The caller has scaled the matrix so that squares neither overflow nor matter when
/// they underflow.
fn householder<T: LinalgScalar>(alpha: T, x: &[T]) -> (T, T, T) {
    let sigma = x.iter().fold(RealOf::<T>::zero(), |s, &v| s + v.re() * v.re() + v.im() * v.im());
    if sigma == RealOf::<T>::zero() {
        return (alpha, T::zero(), T::zero());
    }
    let (ar, ai) = (alpha.re(), alpha.im());
    let norm = (ar * ar + ai * ai + sigma).sqrt();
    let beta = T::from_real(if ar >= RealOf::<T>::zero() { -norm } else { norm });
    (beta, (beta - alpha) / beta, T::one() / (alpha - beta))
}

/// `a -= up · y + zp · vc` elementwise; returns `Σ conj(u) a` over the updated `a`.
fn update_dot<T: LinalgScalar>(a: &mut [T], up: &[T], zp: &[T], u: &[T], y: T, vc: T) -> T {
    let len = a.len();
    let (up, zp, u) = (&up[..len], &zp[..len], &u[..len]);
    macro_rules! real {
        ($r:ty) => {
            if let (Some(a), Some(up), Some(zp), Some(u)) =
                (cast_mut::<T, $r>(a), cast::<T, $r>(up), cast::<T, $r>(zp), cast::<T, $r>(u))
            {
                let (y, vc) =
                    (cast::<T, $r>(&[y]).expect("same type")[0], cast::<T, $r>(&[vc]).expect("same type")[0]);
                #[cfg(target_arch = "x86_64")]
                let s = if crate::blas::avx2_fma() {
                    // SAFETY: the CPU has AVX2 and FMA.
                    #[allow(unsafe_code)]
                    unsafe {
                        real_update_dot_avx2(a, up, zp, u, y, vc)
                    }
                } else {
                    real_update_dot::<$r, false>(a, up, zp, u, y, vc)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let s = real_update_dot::<$r, false>(a, up, zp, u, y, vc);
                return T::from_real(cast::<$r, RealOf<T>>(&[s]).expect("the real type")[0]);
            }
        };
    }
    macro_rules! complex {
        ($r:ty, $kernel:ident) => {
            if let (Some(a), Some(up), Some(zp), Some(u)) = (
                cast_mut::<T, Complex<$r>>(a),
                cast::<T, Complex<$r>>(up),
                cast::<T, Complex<$r>>(zp),
                cast::<T, Complex<$r>>(u),
            ) {
                let y = cast::<T, Complex<$r>>(&[y]).expect("same type")[0];
                let vc = cast::<T, Complex<$r>>(&[vc]).expect("same type")[0];
                let (a, up, zp, u) = (parts_mut(a), parts(up), parts(zp), parts(u));
                #[cfg(target_arch = "x86_64")]
                let s = if crate::blas::avx2_fma() {
                    // SAFETY: the CPU has AVX2 and FMA.
                    #[allow(unsafe_code)]
                    unsafe {
                        crate::blas::complex_avx2::$kernel(a, up, zp, u, y, vc)
                    }
                } else {
                    complex_update_dot(a, up, zp, u, y, vc)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let s = complex_update_dot(a, up, zp, u, y, vc);
                return cast::<Complex<$r>, T>(&[s]).expect("same type")[0];
            }
        };
    }
    real!(f64);
    real!(f32);
    complex!(f64, update_dot_c64);
    complex!(f32, update_dot_c32);
    let mut s = T::zero();
    for ((a, &p), (&q, &u)) in a.iter_mut().zip(up).zip(zp.iter().zip(u)) {
        *a = *a - p * y - q * vc;
        s += u.conj() * *a;
    }
    s
}

/// Lanes of the partial sums (enough independent chains for the vector units).
const LANES: usize = 16;

/// [`real_update_dot`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn real_update_dot_avx2<R: LinalgFloat>(a: &mut [R], up: &[R], zp: &[R], u: &[R], y: R, vc: R) -> R {
    real_update_dot::<R, true>(a, up, zp, u, y, vc)
}

/// [`update_dot`] on real slices of one length.
#[inline(always)]
fn real_update_dot<R: LinalgFloat, const FMA: bool>(
    a: &mut [R],
    up: &[R],
    zp: &[R],
    u: &[R],
    y: R,
    vc: R,
) -> R {
    let (y, vc) = (-y, -vc);
    let mut acc = [R::zero(); LANES];
    let split = a.len() - a.len() % LANES;
    let (main, tail) = a.split_at_mut(split);
    for (((a, up), zp), u) in main
        .chunks_exact_mut(LANES)
        .zip(up.chunks_exact(LANES))
        .zip(zp.chunks_exact(LANES))
        .zip(u.chunks_exact(LANES))
    {
        for l in 0..LANES {
            let x = madd::<R, FMA>(zp[l], vc, madd::<R, FMA>(up[l], y, a[l]));
            a[l] = x;
            acc[l] = madd::<R, FMA>(u[l], x, acc[l]);
        }
    }
    let mut s = R::zero();
    for (i, a) in tail.iter_mut().enumerate() {
        let x = madd::<R, FMA>(zp[split + i], vc, madd::<R, FMA>(up[split + i], y, *a));
        *a = x;
        s = madd::<R, FMA>(u[split + i], x, s);
    }
    acc.iter().fold(R::zero(), |t, &x| t + x) + s
}

/// [`update_dot`] on the interleaved parts of complex slices of one length (CPUs without AVX2).
fn complex_update_dot<R: LinalgFloat>(
    a: &mut [R],
    up: &[R],
    zp: &[R],
    u: &[R],
    y: Complex<R>,
    vc: Complex<R>,
) -> Complex<R> {
    const L: usize = LANES / 2;
    let (mut sr, mut si) = ([R::zero(); L], [R::zero(); L]);
    let split = a.len() - a.len() % (2 * L);
    let step = |a: &mut [R], up: &[R], zp: &[R], u: &[R], sr: &mut R, si: &mut R| {
        let xr = a[0] - (up[0] * y.re - up[1] * y.im) - (zp[0] * vc.re - zp[1] * vc.im);
        let xi = a[1] - (up[0] * y.im + up[1] * y.re) - (zp[0] * vc.im + zp[1] * vc.re);
        a[0] = xr;
        a[1] = xi;
        *sr += u[0] * xr + u[1] * xi;
        *si += u[0] * xi - u[1] * xr;
    };
    let (main, tail) = a.split_at_mut(split);
    for (((a, up), zp), u) in main
        .chunks_exact_mut(2 * L)
        .zip(up.chunks_exact(2 * L))
        .zip(zp.chunks_exact(2 * L))
        .zip(u.chunks_exact(2 * L))
    {
        for l in 0..L {
            let i = 2 * l;
            step(&mut a[i..i + 2], &up[i..i + 2], &zp[i..i + 2], &u[i..i + 2], &mut sr[l], &mut si[l]);
        }
    }
    let (mut tr, mut ti) = (R::zero(), R::zero());
    for (i, a) in tail.chunks_exact_mut(2).enumerate() {
        let j = split + 2 * i;
        step(a, &up[j..j + 2], &zp[j..j + 2], &u[j..j + 2], &mut tr, &mut ti);
    }
    let sum = |x: &[R]| x.iter().fold(R::zero(), |t, &x| t + x);
    Complex::new(sum(&sr) + tr, sum(&si) + ti)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    }

    /// The dense bidiagonal matrix of `d` and `e`.
    fn dense(d: &[f64], e: &[f64]) -> Array2<f64> {
        let n = d.len();
        let mut b = Array2::zeros((n, n));
        for i in 0..n {
            b[[i, i]] = d[i];
            if i + 1 < n {
                b[[i, i + 1]] = e[i];
            }
        }
        b
    }

    #[test]
    fn the_bidiagonal_has_the_singular_values_of_the_matrix() {
        let mut seed = 7;
        for &(m, n, two) in &[
            (1, 1, false),
            (5, 1, false),
            (2, 2, false),
            (7, 5, false),
            (40, 40, false),
            (300, 220, true),
            (260, 260, true),
            (90, 70, true),
        ] {
            let a = Array2::from_shape_fn((m, n).f(), |_| lcg(&mut seed));
            let want = crate::svdvals(&a).unwrap();
            let mut b = a.clone();
            let (d, e) = bidiagonalize(b.view_mut(), two);
            let got = crate::svdvals(&dense(&d, &e)).unwrap();
            crate::sci_array::testing::assert_allclose(&got, &want, 1e-12, 1e-12 * want[0]);
        }
    }

    #[test]
    fn complex_matrices_too() {
        use num_complex::Complex64 as C;
        let mut seed = 9;
        for &(m, n, two) in &[(1, 1, false), (6, 1, false), (3, 3, false), (9, 6, false), (200, 170, true)] {
            let a = Array2::from_shape_fn((m, n).f(), |_| C::new(lcg(&mut seed), lcg(&mut seed)));
            let mut dense_c = Array2::<f64>::zeros((n, n));
            let want = crate::svd(&a, false).unwrap().s;
            let mut b = a.clone();
            let (d, e) = bidiagonalize(b.view_mut(), two);
            for i in 0..n {
                dense_c[[i, i]] = d[i];
                if i + 1 < n {
                    dense_c[[i, i + 1]] = e[i];
                }
            }
            let got = crate::svdvals(&dense_c).unwrap();
            crate::sci_array::testing::assert_allclose(&got, &want, 1e-12, 1e-12 * want[0]);
        }
    }
}

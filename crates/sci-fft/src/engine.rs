//! Element types, normalization modes and the cached FFT plans.
//!
//! Plans come from [`rustfft::FftPlanner`] and [`realfft::RealFftPlanner`], kept in one planner per
//! thread (`thread_local!`): a plan made once for a length is reused by every later call on that
//! thread, and no lock is ever taken. Large work buffers are pooled per thread the same way.

use num_complex::Complex;
use num_traits::{Float, FromPrimitive};
use realfft::{ComplexToReal, RealFftPlanner, RealToComplex};
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Arc;

/// Normalization mode, SciPy's `norm` keyword.
///
/// | mode | forward transform | inverse transform |
/// |---|---|---|
/// | `Backward` (default, SciPy `None`/`"backward"`) | no scaling | `1/n` |
/// | `Ortho` | `1/sqrt(n)` | `1/sqrt(n)` |
/// | `Forward` | `1/n` | no scaling |
///
/// # Examples
///
/// ```
/// use sci_fft::Norm;
/// assert_eq!(Norm::default(), Norm::Backward);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Norm {
    /// No scaling on the forward transform, `1/n` on the inverse.
    #[default]
    Backward,
    /// `1/sqrt(n)` both ways: the transforms are unitary.
    Ortho,
    /// `1/n` on the forward transform, none on the inverse.
    Forward,
}

impl Norm {
    /// The factor applied to a transform of length `n` (`inverse` picks the direction).
    pub(crate) fn factor<T: FftFloat>(self, n: usize, inverse: bool) -> Option<T> {
        let n = n as f64;
        let f = match (self, inverse) {
            (Norm::Backward, false) | (Norm::Forward, true) => return None,
            (Norm::Ortho, _) => 1.0 / n.sqrt(),
            (Norm::Backward, true) | (Norm::Forward, false) => 1.0 / n,
        };
        Some(T::from_f64(f).expect("float conversion"))
    }

    /// The mode that makes the inverse of a transform with this mode (Backward <-> Forward).
    pub(crate) fn swapped(self) -> Norm {
        match self {
            Norm::Backward => Norm::Forward,
            Norm::Ortho => Norm::Ortho,
            Norm::Forward => Norm::Backward,
        }
    }
}

mod private {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The float types the transforms compute in (`f32` and `f64`), with their cached plans.
///
/// This trait is sealed; it exists so the transforms can be generic over precision.
pub trait FftFloat: FftNum + Float + FromPrimitive + Debug + Send + Sync + private::Sealed {
    /// A cached complex FFT plan of length `len`.
    fn plan(len: usize, inverse: bool) -> Arc<dyn Fft<Self>>;
    /// A cached real-to-complex plan of length `len`.
    fn plan_r2c(len: usize) -> Arc<dyn RealToComplex<Self>>;
    /// A cached complex-to-real plan of length `len`.
    fn plan_c2r(len: usize) -> Arc<dyn ComplexToReal<Self>>;
    /// The cached twiddles `exp(-i pi k / (2 len))`, `k < len`, of the DCT/DST kernels, as two
    /// short tables `(coarse, fine)`: the twiddle of `k` is
    /// `coarse[k >> TW_BITS] * fine[k & (2^TW_BITS - 1)]` (see [`quarter_twiddle`]).
    #[doc(hidden)]
    fn quarter_twiddles(len: usize) -> Arc<(Vec<Complex<Self>>, Vec<Complex<Self>>)>;
    /// A work buffer of `len` complex values (contents unspecified) from this thread's pool.
    #[doc(hidden)]
    fn take_cplx(len: usize) -> Vec<Complex<Self>>;
    /// Returns a work buffer to this thread's pool.
    #[doc(hidden)]
    fn give_cplx(v: Vec<Complex<Self>>);
    /// A work buffer of `len` reals (contents unspecified) from this thread's pool.
    #[doc(hidden)]
    fn take_real(len: usize) -> Vec<Self>;
    /// Returns a work buffer to this thread's pool.
    #[doc(hidden)]
    fn give_real(v: Vec<Self>);
}

/// Bits of the index resolved by the fine twiddle table.
pub(crate) const TW_BITS: u32 = 10;

/// The twiddle `exp(-i pi k / (2 len))` from the two tables of [`FftFloat::quarter_twiddles`].
#[inline(always)]
pub(crate) fn quarter_twiddle<T: FftFloat>(tw: &(Vec<Complex<T>>, Vec<Complex<T>>), k: usize) -> Complex<T> {
    tw.0[k >> TW_BITS] * tw.1[k & ((1 << TW_BITS) - 1)]
}

/// Up to four reusable work buffers per thread and element type: large transforms need scratch
/// of the size of their input, and fresh allocations of that size cost a page fault per 4 KiB.
#[derive(Debug)]
pub(crate) struct Pool<X> {
    bufs: Vec<Vec<X>>,
}

impl<X: Copy + num_traits::Zero> Pool<X> {
    const fn new() -> Self {
        Pool { bufs: Vec::new() }
    }

    fn take(&mut self, len: usize) -> Vec<X> {
        if len == 0 {
            return Vec::new();
        }
        // The smallest buffer that is large enough, else the largest one (it grows).
        let fit = self
            .bufs
            .iter()
            .enumerate()
            .filter(|(_, b)| b.capacity() >= len)
            .min_by_key(|(_, b)| b.capacity())
            .or_else(|| self.bufs.iter().enumerate().max_by_key(|(_, b)| b.capacity()))
            .map(|(i, _)| i);
        let mut v = fit.map(|i| self.bufs.swap_remove(i)).unwrap_or_default();
        if v.capacity() < len {
            // A fresh buffer (huge-page advised) rather than a grown copy of a smaller one.
            return sci_array::alloc::zeroed_vec(len);
        }
        if v.len() >= len {
            v.truncate(len);
        } else {
            v.resize(len, X::zero());
        }
        v
    }

    fn give(&mut self, v: Vec<X>) {
        if v.capacity() == 0 {
            return;
        }
        self.bufs.push(v);
        if self.bufs.len() > 4 {
            let small = self.bufs.iter().enumerate().min_by_key(|(_, b)| b.capacity()).map(|(i, _)| i);
            if let Some(i) = small {
                self.bufs.swap_remove(i);
            }
        }
    }
}

/// A pooled complex work buffer, given back to the thread's pool when dropped.
pub(crate) struct CplxWork<T: FftFloat>(pub(crate) Vec<Complex<T>>);

impl<T: FftFloat> CplxWork<T> {
    pub(crate) fn new(len: usize) -> Self {
        CplxWork(T::take_cplx(len))
    }
}

impl<T: FftFloat> Drop for CplxWork<T> {
    fn drop(&mut self) {
        T::give_cplx(std::mem::take(&mut self.0));
    }
}

/// A pooled real work buffer, given back to the thread's pool when dropped.
pub(crate) struct RealWork<T: FftFloat>(pub(crate) Vec<T>);

impl<T: FftFloat> RealWork<T> {
    pub(crate) fn new(len: usize) -> Self {
        RealWork(T::take_real(len))
    }
}

impl<T: FftFloat> Drop for RealWork<T> {
    fn drop(&mut self) {
        T::give_real(std::mem::take(&mut self.0));
    }
}

macro_rules! fft_float {
    ($t:ty, $cplx:ident, $real:ident, $tw:ident, $pc:ident, $pr:ident) => {
        thread_local! {
            static $cplx: RefCell<FftPlanner<$t>> = RefCell::new(FftPlanner::new());
            static $real: RefCell<RealFftPlanner<$t>> = RefCell::new(RealFftPlanner::new());
            static $tw: RefCell<HashMap<usize, Arc<(Vec<Complex<$t>>, Vec<Complex<$t>>)>>> =
                RefCell::new(HashMap::new());
            static $pc: RefCell<Pool<Complex<$t>>> = const { RefCell::new(Pool::new()) };
            static $pr: RefCell<Pool<$t>> = const { RefCell::new(Pool::new()) };
        }
        impl FftFloat for $t {
            fn plan(len: usize, inverse: bool) -> Arc<dyn Fft<Self>> {
                let dir = if inverse { FftDirection::Inverse } else { FftDirection::Forward };
                $cplx.with(|p| p.borrow_mut().plan_fft(len, dir))
            }
            fn plan_r2c(len: usize) -> Arc<dyn RealToComplex<Self>> {
                $real.with(|p| p.borrow_mut().plan_fft_forward(len))
            }
            fn plan_c2r(len: usize) -> Arc<dyn ComplexToReal<Self>> {
                $real.with(|p| p.borrow_mut().plan_fft_inverse(len))
            }
            fn quarter_twiddles(len: usize) -> Arc<(Vec<Complex<Self>>, Vec<Complex<Self>>)> {
                $tw.with(|c| {
                    c.borrow_mut()
                        .entry(len)
                        .or_insert_with(|| {
                            let w = |k: usize| {
                                let th = -std::f64::consts::PI * k as f64 / (2.0 * len as f64);
                                Complex::new(th.cos() as $t, th.sin() as $t)
                            };
                            let coarse = (0..=(len >> TW_BITS)).map(|c| w(c << TW_BITS)).collect();
                            let fine = (0..(1usize << TW_BITS).min(len)).map(w).collect();
                            Arc::new((coarse, fine))
                        })
                        .clone()
                })
            }
            fn take_cplx(len: usize) -> Vec<Complex<Self>> {
                $pc.with(|p| p.borrow_mut().take(len))
            }
            fn give_cplx(v: Vec<Complex<Self>>) {
                $pc.with(|p| p.borrow_mut().give(v))
            }
            fn take_real(len: usize) -> Vec<Self> {
                $pr.with(|p| p.borrow_mut().take(len))
            }
            fn give_real(v: Vec<Self>) {
                $pr.with(|p| p.borrow_mut().give(v))
            }
        }
    };
}

fft_float!(f64, PLANNER_C64, PLANNER_R64, TWIDDLES_64, POOL_C64, POOL_R64);
fft_float!(f32, PLANNER_C32, PLANNER_R32, TWIDDLES_32, POOL_C32, POOL_R32);

/// Element types accepted by the complex transforms ([`fft`](crate::fft), [`ifft`](crate::ifft), ...):
/// `f32`, `f64`, `Complex<f32>`, `Complex<f64>`, and the integers (computed in `f64`, as NumPy does).
pub trait FftInput: Copy + Send + Sync {
    /// The float precision the transform runs in.
    type Real: FftFloat;
    /// The value as a complex number.
    fn to_complex(self) -> Complex<Self::Real>;
}

/// Element types accepted by the real-input transforms ([`rfft`](crate::rfft), [`dct`](crate::dct), ...):
/// `f32`, `f64` and the integers (computed in `f64`).
pub trait RealInput: Copy + Send + Sync {
    /// The float precision the transform runs in.
    type Real: FftFloat;
    /// The value as a float.
    fn to_real(self) -> Self::Real;
}

macro_rules! real_input {
    ($real:ty => $($t:ty),*) => {$(
        impl RealInput for $t {
            type Real = $real;
            #[inline]
            fn to_real(self) -> $real { self as $real }
        }
        impl FftInput for $t {
            type Real = $real;
            #[inline]
            fn to_complex(self) -> Complex<$real> { Complex::new(self as $real, 0.0) }
        }
    )*};
}

real_input!(f64 => f64, i8, i16, i32, i64, u8, u16, u32, u64, isize, usize);
real_input!(f32 => f32);

impl<T: FftFloat> FftInput for Complex<T> {
    type Real = T;
    #[inline]
    fn to_complex(self) -> Complex<T> {
        self
    }
}

/// A float constant in `T`.
#[inline]
pub(crate) fn cst<T: FftFloat>(v: f64) -> T {
    T::from_f64(v).expect("float conversion")
}

/// Output size from which lanes are transformed on several threads (`rayon` feature).
#[cfg(feature = "rayon")]
pub(crate) const PAR_THRESHOLD: usize = 100_000;

/// Runs `f(state, src_lane, dst_lane)` over the lanes of `x` and `out` along `ax`, with one
/// `init()` state per worker. With the `rayon` feature, large outputs are split over threads;
/// every lane is computed by the same code either way, so results are identical.
pub(crate) fn for_each_lane<A, B, S, D, St, I, F>(
    x: &ndarray::ArrayBase<S, D>,
    out: &mut ndarray::Array<B, D>,
    ax: usize,
    init: I,
    f: F,
) where
    A: Sync,
    B: Send,
    S: ndarray::Data<Elem = A>,
    D: ndarray::Dimension,
    I: Fn() -> St + Sync + Send,
    F: Fn(&mut St, ndarray::ArrayView1<'_, A>, ndarray::ArrayViewMut1<'_, B>) + Sync + Send,
{
    let axis = ndarray::Axis(ax);
    #[cfg(feature = "rayon")]
    {
        let lanes = if out.len_of(axis) == 0 { 0 } else { out.len() / out.len_of(axis) };
        if out.len() >= PAR_THRESHOLD && lanes > 1 {
            use rayon::prelude::*;
            ndarray::Zip::from(x.lanes(axis))
                .and(out.lanes_mut(axis))
                .into_par_iter()
                .for_each_init(init, |st, (src, dst)| f(st, src, dst));
            return;
        }
    }
    let mut st = init();
    ndarray::Zip::from(x.lanes(axis)).and(out.lanes_mut(axis)).for_each(|src, dst| f(&mut st, src, dst));
}

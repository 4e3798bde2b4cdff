//! Real-to-real transforms: `dct`, `idct`, `dst`, `idst` (types 1 to 4), computed with FFTs.

use crate::basic::strided_lanes;
use crate::engine::{CplxWork, FftFloat, Norm, RealInput, RealWork, cst, for_each_lane, quarter_twiddle};
use crate::error::{FftError, Result};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, Slice, Zip};
use num_complex::Complex;
use num_traits::{One, Zero};
use realfft::{ComplexToReal, RealToComplex};
use rustfft::Fft;
use std::f64::consts::{PI, SQRT_2};
use std::sync::Arc;

/// The type of a discrete cosine or sine transform, SciPy's `type` argument (1, 2, 3 or 4).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_fft::DctType::default(), sci_fft::DctType::II);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DctType {
    /// Type 1 (`type=1`).
    I,
    /// Type 2 (`type=2`, the default): "the" DCT.
    #[default]
    II,
    /// Type 3 (`type=3`): the inverse of type 2 up to scaling.
    III,
    /// Type 4 (`type=4`).
    IV,
}

impl DctType {
    pub(crate) fn inverse(self) -> DctType {
        match self {
            DctType::II => DctType::III,
            DctType::III => DctType::II,
            t => t,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Cos,
    Sin,
}

/// An FFT-based kernel for one transform type and length, with its work buffers (taken from the
/// thread's pool and given back when the kernel is dropped).
struct Kernel<T: FftFloat> {
    family: Family,
    ty: DctType,
    n: usize,
    /// Types 1 and 4: a complex FFT of length 2(n-1), 2(n+1) or 2n.
    fft: Option<Arc<dyn Fft<T>>>,
    /// Type 2: a real FFT of length n (Makhoul).
    r2c: Option<Arc<dyn RealToComplex<T>>>,
    /// Type 3: an inverse real FFT of length n.
    c2r: Option<Arc<dyn ComplexToReal<T>>>,
    /// `exp(-i pi k / (2n))` as two short tables (cached per length and thread, like the plans).
    tw: Arc<(Vec<Complex<T>>, Vec<Complex<T>>)>,
    /// Types 2/3: the reordered real sequence.
    rbuf: RealWork<T>,
    /// Types 1/4: the complex FFT buffer; types 2/3: the `n/2 + 1` half spectrum.
    buf: CplxWork<T>,
    scratch: CplxWork<T>,
    /// DST-II/III/IV: the sign-flipped or reversed input.
    tmp: RealWork<T>,
}

/// `y[k] = f(k)` for every `k`, on several threads for long outputs (`rayon` feature).
fn par_fill<X: Send>(y: &mut [X], f: impl Fn(usize) -> X + Sync) {
    #[cfg(feature = "rayon")]
    if y.len() >= crate::engine::PAR_THRESHOLD {
        use rayon::prelude::*;
        const CHUNK: usize = 1 << 14;
        y.par_chunks_mut(CHUNK).enumerate().for_each(|(c, ys)| {
            ys.iter_mut().enumerate().for_each(|(i, v)| *v = f(c * CHUNK + i));
        });
        return;
    }
    y.iter_mut().enumerate().for_each(|(k, v)| *v = f(k));
}

fn expi<T: FftFloat>(theta: f64) -> Complex<T> {
    Complex::new(cst(theta.cos()), cst(theta.sin()))
}

impl<T: FftFloat> Kernel<T> {
    fn new(family: Family, ty: DctType, n: usize) -> Self {
        let tw = T::quarter_twiddles(n);
        let (mut fft, mut r2c, mut c2r) = (None, None, None);
        let (rlen, blen, slen) = match (family, ty) {
            (_, DctType::II) => {
                let r = T::plan_r2c(n);
                let s = r.get_scratch_len();
                r2c = Some(r);
                (n, n / 2 + 1, s)
            }
            (_, DctType::III) => {
                let r = T::plan_c2r(n);
                let s = r.get_scratch_len();
                c2r = Some(r);
                (n, n / 2 + 1, s)
            }
            (f, t) => {
                let m = match (f, t) {
                    (Family::Cos, DctType::I) => 2 * (n - 1),
                    (Family::Sin, DctType::I) => 2 * (n + 1),
                    _ => 2 * n,
                };
                let p = T::plan(m, false);
                let s = p.get_inplace_scratch_len();
                fft = Some(p);
                (0, m, s)
            }
        };
        let tlen = if family == Family::Sin && ty != DctType::I { n } else { 0 };
        Kernel {
            family,
            ty,
            n,
            fft,
            r2c,
            c2r,
            tw,
            rbuf: RealWork::new(rlen),
            buf: CplxWork::new(blen),
            scratch: CplxWork::new(slen),
            tmp: RealWork::new(tlen),
        }
    }

    fn process(&mut self) {
        let fft = self.fft.as_ref().expect("type 1 and 4 kernels carry a complex FFT");
        fft.process_with_scratch(&mut self.buf.0, &mut self.scratch.0);
    }

    /// Unnormalized DCT-II of `x` into `y` (Makhoul: reorder, one real FFT of length n, twiddle).
    fn dct2(&mut self, x: &[T], y: &mut [T]) {
        self.dct2_with(|j| x[j], y, T::one());
    }

    /// DCT-II of the sequence `get(0..n)` into `y`, times `scale`.
    fn dct2_with(&mut self, get: impl Fn(usize) -> T + Sync, y: &mut [T], scale: T) {
        let n = self.n;
        let h = n.div_ceil(2);
        // Even samples in order, then odd samples reversed.
        par_fill(&mut self.rbuf.0, |p| if p < h { get(2 * p) } else { get(2 * n - 1 - 2 * p) });
        let r = self.r2c.as_ref().expect("type II kernels carry a real FFT");
        let out = &mut self.buf.0;
        r.process_with_scratch(&mut self.rbuf.0, out, &mut self.scratch.0)
            .expect("buffers have the plan's lengths");
        let (s2, tw, out) = (cst::<T>(2.0) * scale, &*self.tw, &*out);
        // The spectrum of real data is Hermitian: V[k] = conj(V[n - k]).
        par_fill(y, |k| {
            let v = if k <= n / 2 { out[k] } else { out[n - k].conj() };
            s2 * (quarter_twiddle(tw, k) * v).re
        });
    }

    /// Unnormalized DCT-III of `x` into `y`.
    fn dct3(&mut self, x: &[T], y: &mut [T]) {
        self.dct3_with(|j| x[j], y, T::one());
    }

    /// DCT-III of the sequence `get(0..n)` into `y`, times `scale`: the inverse of Makhoul's
    /// DCT-II, with one inverse real FFT of length n.
    fn dct3_with(&mut self, get: impl Fn(usize) -> T + Sync, y: &mut [T], scale: T) {
        let n = self.n;
        let tw = &*self.tw;
        let spec = &mut self.buf.0;
        par_fill(spec, |k| {
            if k == 0 {
                Complex::new(get(0), T::zero())
            } else {
                quarter_twiddle(tw, k).conj() * Complex::new(get(k), -get(n - k))
            }
        });
        if n % 2 == 0 {
            // exp(i pi / 4) (1 - i) x[n/2] is real; drop the rounding residue.
            spec[n / 2].im = T::zero();
        }
        let r = self.c2r.as_ref().expect("type III kernels carry an inverse real FFT");
        let v = &mut self.rbuf.0;
        r.process_with_scratch(spec, v, &mut self.scratch.0).expect("buffers have the plan's lengths");
        let v = &*v;
        par_fill(y, |q| scale * if q % 2 == 0 { v[q / 2] } else { v[n - 1 - q / 2] });
    }

    /// Unnormalized DCT-IV of `x` into `y`.
    fn dct4(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        for j in 0..n {
            self.buf.0[j] = quarter_twiddle(&self.tw, j) * x[j];
        }
        self.buf.0[n..].fill(Complex::zero());
        self.process();
        // Post-twiddle exp(-i pi (2k+1) / (4n)) = exp(-i pi / (4n)) exp(-i pi k / (2n)).
        let half: Complex<T> = expi(-PI / (4.0 * n as f64));
        let two = cst::<T>(2.0);
        for k in 0..n {
            y[k] = two * (half * quarter_twiddle(&self.tw, k) * self.buf.0[k]).re;
        }
    }

    /// Unnormalized DCT-I of `x` into `y` (n >= 2).
    fn dct1(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        for j in 0..n {
            self.buf.0[j] = Complex::new(x[j], T::zero());
        }
        for j in 1..n - 1 {
            self.buf.0[2 * (n - 1) - j] = Complex::new(x[j], T::zero());
        }
        self.process();
        for k in 0..n {
            y[k] = self.buf.0[k].re;
        }
    }

    /// Unnormalized DST-I of `x` into `y`.
    fn dst1(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        self.buf.0[0] = Complex::zero();
        self.buf.0[n + 1] = Complex::zero();
        for j in 0..n {
            self.buf.0[1 + j] = Complex::new(x[j], T::zero());
            self.buf.0[n + 2 + j] = Complex::new(-x[n - 1 - j], T::zero());
        }
        self.process();
        for k in 0..n {
            y[k] = -self.buf.0[k + 1].im;
        }
    }

    /// The unnormalized transform of `x` into `y`.
    fn run(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        match (self.family, self.ty) {
            (Family::Cos, DctType::I) => self.dct1(x, y),
            (Family::Cos, DctType::II) => self.dct2(x, y),
            (Family::Cos, DctType::III) => self.dct3(x, y),
            (Family::Cos, DctType::IV) => self.dct4(x, y),
            (Family::Sin, DctType::I) => self.dst1(x, y),
            (Family::Sin, DctType::II) => {
                // DST-II(x)[k] = DCT-II((-1)^j x[j])[n-1-k]
                let mut tmp = std::mem::take(&mut self.tmp.0);
                for j in 0..n {
                    tmp[j] = if j % 2 == 0 { x[j] } else { -x[j] };
                }
                self.dct2(&tmp, y);
                y.reverse();
                self.tmp.0 = tmp;
            }
            (Family::Sin, ty) => {
                // DST-III/IV(x)[k] = (-1)^k DCT-III/IV(reversed x)[k]
                let mut tmp = std::mem::take(&mut self.tmp.0);
                for j in 0..n {
                    tmp[j] = x[n - 1 - j];
                }
                if ty == DctType::III {
                    self.dct3(&tmp, y);
                } else {
                    self.dct4(&tmp, y);
                }
                for k in (1..n).step_by(2) {
                    y[k] = -y[k];
                }
                self.tmp.0 = tmp;
            }
        }
    }
}

/// Shared driver: transform every lane along `axis`, with SciPy's normalization.
pub(crate) fn r2r<A, S, D>(
    x: &ArrayBase<S, D>,
    family: Family,
    ty: DctType,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let n = n.unwrap_or(x.len_of(Axis(ax)));
    let min = if family == Family::Cos && ty == DctType::I { 2 } else { 1 };
    if n < min {
        // SciPy: "zero-length FFT requested" (DCT-I of length 1 needs an FFT of length 0).
        return Err(FftError::InvalidLength { arg: "n", n: if n == 1 { 0 } else { n } });
    }
    // The kernels work on a logical length of up to 2(n + 1).
    crate::basic::check_size("n", crate::basic::shape_with(x.shape(), &[(ax, n.saturating_mul(2))]))?;
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = sci_array::alloc::zeros::<A::Real, D>(shape);
    if out.is_empty() {
        return Ok(out);
    }
    let logical = match (family, ty) {
        (Family::Cos, DctType::I) => 2 * (n - 1),
        (Family::Sin, DctType::I) => 2 * (n + 1),
        _ => 2 * n,
    } as f64;
    let fct = match norm {
        Norm::Backward => None,
        Norm::Forward => Some(cst::<A::Real>(1.0 / logical)),
        Norm::Ortho => Some(cst::<A::Real>(1.0 / logical.sqrt())),
    };
    let ortho = norm == Norm::Ortho;
    let sqrt2 = cst::<A::Real>(SQRT_2);
    let copy = x.len_of(Axis(ax)).min(n);
    // SciPy's orthogonalization: the first/last input and output samples scaled by sqrt(2).
    let pre = move |xin: &mut [A::Real]| {
        if ortho {
            match (family, ty) {
                (Family::Cos, DctType::I) => {
                    xin[0] = xin[0] * sqrt2;
                    xin[n - 1] = xin[n - 1] * sqrt2;
                }
                (Family::Cos, DctType::III) => xin[0] = xin[0] * sqrt2,
                (Family::Sin, DctType::III) => xin[n - 1] = xin[n - 1] * sqrt2,
                _ => {}
            }
        }
    };
    let post = move |y: &mut [A::Real]| {
        if ortho {
            match (family, ty) {
                (Family::Cos, DctType::I) => {
                    y[0] = y[0] / sqrt2;
                    y[n - 1] = y[n - 1] / sqrt2;
                }
                (Family::Cos, DctType::II) => y[0] = y[0] / sqrt2,
                (Family::Sin, DctType::II) => y[n - 1] = y[n - 1] / sqrt2,
                _ => {}
            }
        }
        if let Some(f) = fct {
            y.iter_mut().for_each(|v| *v = *v * f);
        }
    };
    if ax + 1 < x.ndim() {
        // A strided axis: a padded copy, then blocks of neighbouring lanes gathered into a work
        // buffer (whole cache lines instead of one element each) and transformed there.
        let axis_ = Axis(ax);
        Zip::from(out.slice_axis_mut(axis_, Slice::from(0..copy)))
            .and(x.slice_axis(axis_, Slice::from(0..copy)))
            .for_each(|d, s| *d = s.to_real());
        let inner: usize = out.shape()[ax + 1..].iter().product();
        let mut work = RealWork::<A::Real>::new(out.len());
        let buf = out.as_slice_mut().expect("fresh array in standard layout");
        strided_lanes(
            buf,
            &mut work.0,
            n,
            inner,
            || (Kernel::<A::Real>::new(family, ty, n), RealWork::<A::Real>::new(n)),
            |(kernel, xin), block| {
                for lane in block.chunks_mut(n) {
                    xin.0.copy_from_slice(lane);
                    pre(&mut xin.0);
                    kernel.run(&xin.0, lane);
                    post(lane);
                }
            },
        );
        return Ok(out);
    }
    for_each_lane(
        x,
        &mut out,
        ax,
        || (Kernel::<A::Real>::new(family, ty, n), RealWork::new(n), RealWork::new(0)),
        |(kernel, xin, yout), src, mut dst| {
            // DCT-II/III of contiguous lanes: read the input and scale the output in the passes
            // of the kernel itself.
            if let (Family::Cos, DctType::II | DctType::III, Some(s)) = (family, ty, src.as_slice()) {
                let zero = A::Real::zero();
                let pre = if ortho && ty == DctType::III { sqrt2 } else { A::Real::one() };
                let get = |j: usize| match j {
                    0 if copy > 0 => s[0].to_real() * pre,
                    j if j < copy => s[j].to_real(),
                    _ => zero,
                };
                let strided = dst.as_slice_mut().is_none();
                if strided && yout.0.len() != n {
                    *yout = RealWork::new(n);
                }
                let y: &mut [A::Real] = match dst.as_slice_mut() {
                    Some(d) => d,
                    None => &mut yout.0,
                };
                let scale = fct.unwrap_or(A::Real::one());
                if ty == DctType::II {
                    kernel.dct2_with(get, y, scale);
                    if ortho {
                        y[0] = y[0] / sqrt2;
                    }
                } else {
                    kernel.dct3_with(get, y, scale);
                }
                if strided {
                    dst.iter_mut().zip(yout.0.iter()).for_each(|(d, v)| *d = *v);
                }
                return;
            }
            let xin = &mut xin.0;
            match src.as_slice() {
                Some(s) => xin.iter_mut().zip(&s[..copy]).for_each(|(b, v)| *b = v.to_real()),
                None => xin.iter_mut().zip(src.iter().take(copy)).for_each(|(b, v)| *b = v.to_real()),
            }
            xin[copy..].fill(A::Real::zero());
            pre(xin);
            // Write straight into a contiguous output lane; else through `yout`.
            let strided = dst.as_slice_mut().is_none();
            if strided && yout.0.len() != n {
                *yout = RealWork::new(n);
            }
            let y: &mut [A::Real] = match dst.as_slice_mut() {
                Some(d) => d,
                None => &mut yout.0,
            };
            kernel.run(xin, y);
            post(y);
            if strided {
                dst.iter_mut().zip(yout.0.iter()).for_each(|(d, v)| *d = *v);
            }
        },
    );
    Ok(out)
}

/// Discrete cosine transform of the given type along `axis`.
///
/// Type 2 (the default): `y[k] = 2 sum_n x[n] cos(pi k (2n+1) / (2N))`; types 1, 3 and 4 as in
/// SciPy. `n` crops or zero-pads the input. With [`Norm::Ortho`] the transform matrix is
/// orthonormal (SciPy's `orthogonalize=True`, its default for `norm="ortho"`).
///
/// SciPy equivalent: `scipy.fft.dct(x, type, n, axis, norm)`.
///
/// # Errors
///
/// [`FftError::Array`] for an axis out of bounds; [`FftError::InvalidLength`] for a zero length
/// (or length 1 with type 1, which SciPy also rejects).
///
/// # Examples
///
/// ```
/// use sci_fft::{dct, DctType, Norm};
/// use sci_array::ndarray::array;
/// let y = dct(&array![1.0_f64, 2.0, 3.0, 4.0], DctType::II, None, -1, Norm::Backward).unwrap();
/// let want = [20.0, -6.30864406, 0.0, -0.44834153];
/// for (a, b) in y.iter().zip(want) {
///     assert!((a - b).abs() < 1e-8);
/// }
/// ```
pub fn dct<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r(x, Family::Cos, ty, n, axis, norm)
}

/// Inverse discrete cosine transform: `idct(dct(x, t), t) == x` for every type and norm.
///
/// SciPy equivalent: `scipy.fft.idct(x, type, n, axis, norm)`.
///
/// # Errors
///
/// As [`dct`].
///
/// # Examples
///
/// ```
/// use sci_fft::{dct, idct, DctType, Norm};
/// use sci_array::ndarray::array;
/// let x = array![1.0_f64, -2.0, 0.5, 4.0, 3.0];
/// for t in [DctType::I, DctType::II, DctType::III, DctType::IV] {
///     let back = idct(&dct(&x, t, None, -1, Norm::Backward).unwrap(), t, None, -1, Norm::Backward).unwrap();
///     for (b, v) in back.iter().zip(&x) {
///         assert!((b - v).abs() < 1e-12);
///     }
/// }
/// ```
pub fn idct<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r(x, Family::Cos, ty.inverse(), n, axis, norm.swapped())
}

/// Discrete sine transform of the given type along `axis`.
///
/// Type 2 (the default): `y[k] = 2 sum_n x[n] sin(pi (k+1) (2n+1) / (2N))`; types 1, 3 and 4 as
/// in SciPy. With [`Norm::Ortho`] the transform matrix is orthonormal.
///
/// SciPy equivalent: `scipy.fft.dst(x, type, n, axis, norm)`.
///
/// # Errors
///
/// [`FftError::Array`] for an axis out of bounds; [`FftError::InvalidLength`] for a zero length.
///
/// # Examples
///
/// ```
/// use sci_fft::{dst, DctType, Norm};
/// use sci_array::ndarray::array;
/// let y = dst(&array![1.0_f64, 2.0, 3.0], DctType::I, None, -1, Norm::Backward).unwrap();
/// // 2 * sum x[n] sin(pi (k+1)(n+1) / 4)
/// let want = [2.0 * (8f64.sqrt() + 2.0), -4.0, 2.0 * (8f64.sqrt() - 2.0)];
/// for (a, b) in y.iter().zip(want) {
///     assert!((a - b).abs() < 1e-12);
/// }
/// ```
pub fn dst<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r(x, Family::Sin, ty, n, axis, norm)
}

/// Inverse discrete sine transform: `idst(dst(x, t), t) == x` for every type and norm.
///
/// SciPy equivalent: `scipy.fft.idst(x, type, n, axis, norm)`.
///
/// # Errors
///
/// As [`dst`].
///
/// # Examples
///
/// ```
/// use sci_fft::{dst, idst, DctType, Norm};
/// use sci_array::ndarray::array;
/// let x = array![1.0_f64, -2.0, 0.5, 4.0];
/// for t in [DctType::I, DctType::II, DctType::III, DctType::IV] {
///     let back = idst(&dst(&x, t, None, -1, Norm::Ortho).unwrap(), t, None, -1, Norm::Ortho).unwrap();
///     for (b, v) in back.iter().zip(&x) {
///         assert!((b - v).abs() < 1e-12);
///     }
/// }
/// ```
pub fn idst<A, S, D>(
    x: &ArrayBase<S, D>,
    ty: DctType,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real, D>>
where
    A: RealInput,
    S: Data<Elem = A>,
    D: Dimension,
{
    r2r(x, Family::Sin, ty.inverse(), n, axis, norm.swapped())
}

//! Real-to-real transforms: `dct`, `idct`, `dst`, `idst` (types 1 to 4), computed with FFTs.

use crate::engine::{FftFloat, Norm, RealInput, cst, for_each_lane};
use crate::error::{FftError, Result};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension};
use num_complex::Complex;
use num_traits::Zero;
use realfft::RealToComplex;
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

/// An FFT-based kernel for one transform type and length.
struct Kernel<T: FftFloat> {
    family: Family,
    ty: DctType,
    n: usize,
    fft: Arc<dyn Fft<T>>,
    buf: Vec<Complex<T>>,
    scratch: Vec<Complex<T>>,
    /// Type 2/3: `exp(-i pi k / (2n))`; type 4: the pre-twiddle `exp(-i pi j / (2n))` (cached
    /// per length and thread, like the plans).
    tw: Arc<Vec<Complex<T>>>,
    /// Type 4 post-twiddle `exp(-i pi (2k+1) / (4n))`.
    tw4: Vec<Complex<T>>,
    tmp: Vec<T>,
    /// Type 2: a real FFT of length n (half the work of a complex one), with its buffers.
    rfft: Option<(Arc<dyn RealToComplex<T>>, Vec<T>, Vec<Complex<T>>, Vec<Complex<T>>)>,
}

fn expi<T: FftFloat>(theta: f64) -> Complex<T> {
    Complex::new(cst(theta.cos()), cst(theta.sin()))
}

impl<T: FftFloat> Kernel<T> {
    fn new(family: Family, ty: DctType, n: usize) -> Self {
        let (m, inverse) = match (family, ty) {
            (Family::Cos, DctType::I) => (2 * (n - 1), false),
            (Family::Sin, DctType::I) => (2 * (n + 1), false),
            (_, DctType::II) => (n, false),
            (_, DctType::III) => (n, true),
            (_, DctType::IV) => (2 * n, false),
        };
        let fft = T::plan(m, inverse);
        let nf = n as f64;
        let (tw, tw4) = match ty {
            DctType::II | DctType::III => (T::quarter_twiddles(n), vec![]),
            DctType::IV => (
                T::quarter_twiddles(n),
                (0..n).map(|k| expi(-PI * (2 * k + 1) as f64 / (4.0 * nf))).collect(),
            ),
            DctType::I => (Arc::new(vec![]), vec![]),
        };
        let (rfft, buf, scratch) = if ty == DctType::II {
            let r = T::plan_r2c(n);
            let (inp, out, scr) = (r.make_input_vec(), r.make_output_vec(), r.make_scratch_vec());
            (Some((r, inp, out, scr)), vec![], vec![])
        } else {
            let scratch = vec![Complex::zero(); fft.get_inplace_scratch_len()];
            (None, vec![Complex::zero(); m], scratch)
        };
        Kernel { family, ty, n, fft, buf, scratch, tw, tw4, tmp: vec![T::zero(); n], rfft }
    }

    fn process(&mut self, buf_len_ok: bool) {
        debug_assert!(buf_len_ok);
        self.fft.process_with_scratch(&mut self.buf, &mut self.scratch);
    }

    /// Unnormalized DCT-II of `x` into `y` (Makhoul: reorder, one real FFT of length n, twiddle).
    fn dct2(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        let (r, inp, out, scr) = self.rfft.as_mut().expect("type II kernels carry a real FFT");
        for i in 0..n.div_ceil(2) {
            inp[i] = x[2 * i];
        }
        for i in 0..n / 2 {
            inp[n - 1 - i] = x[2 * i + 1];
        }
        r.process_with_scratch(inp, out, scr).expect("buffers made by the plan have its lengths");
        let two = cst::<T>(2.0);
        for k in 0..=n / 2 {
            y[k] = two * (self.tw[k] * out[k]).re;
        }
        // The spectrum of real data is Hermitian: V[k] = conj(V[n - k]).
        for k in n / 2 + 1..n {
            y[k] = two * (self.tw[k] * out[n - k].conj()).re;
        }
    }

    /// Unnormalized DCT-III of `x` into `y`.
    fn dct3(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        self.buf[0] = Complex::new(x[0], T::zero());
        for k in 1..n {
            self.buf[k] = self.tw[k].conj() * Complex::new(x[k], -x[n - k]);
        }
        self.process(true);
        for i in 0..n.div_ceil(2) {
            y[2 * i] = self.buf[i].re;
        }
        for i in 0..n / 2 {
            y[2 * i + 1] = self.buf[n - 1 - i].re;
        }
    }

    /// Unnormalized DCT-IV of `x` into `y`.
    fn dct4(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        for j in 0..n {
            self.buf[j] = self.tw[j] * x[j];
        }
        self.buf[n..].fill(Complex::zero());
        self.process(true);
        let two = cst::<T>(2.0);
        for k in 0..n {
            y[k] = two * (self.tw4[k] * self.buf[k]).re;
        }
    }

    /// Unnormalized DCT-I of `x` into `y` (n >= 2).
    fn dct1(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        for j in 0..n {
            self.buf[j] = Complex::new(x[j], T::zero());
        }
        for j in 1..n - 1 {
            self.buf[2 * (n - 1) - j] = Complex::new(x[j], T::zero());
        }
        self.process(true);
        for k in 0..n {
            y[k] = self.buf[k].re;
        }
    }

    /// Unnormalized DST-I of `x` into `y`.
    fn dst1(&mut self, x: &[T], y: &mut [T]) {
        let n = self.n;
        self.buf[0] = Complex::zero();
        self.buf[n + 1] = Complex::zero();
        for j in 0..n {
            self.buf[1 + j] = Complex::new(x[j], T::zero());
            self.buf[n + 2 + j] = Complex::new(-x[n - 1 - j], T::zero());
        }
        self.process(true);
        for k in 0..n {
            y[k] = -self.buf[k + 1].im;
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
                let mut tmp = std::mem::take(&mut self.tmp);
                for j in 0..n {
                    tmp[j] = if j % 2 == 0 { x[j] } else { -x[j] };
                }
                self.dct2(&tmp, y);
                y.reverse();
                self.tmp = tmp;
            }
            (Family::Sin, ty) => {
                // DST-III/IV(x)[k] = (-1)^k DCT-III/IV(reversed x)[k]
                let mut tmp = std::mem::take(&mut self.tmp);
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
                self.tmp = tmp;
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
    let mut shape = x.raw_dim();
    shape[ax] = n;
    let mut out = Array::<A::Real, D>::zeros(shape);
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
    for_each_lane(
        x,
        &mut out,
        ax,
        || (Kernel::<A::Real>::new(family, ty, n), vec![A::Real::zero(); n], vec![A::Real::zero(); n]),
        |(kernel, xin, yout), src, mut dst| {
            for (b, s) in xin.iter_mut().zip(src.iter().take(copy)) {
                *b = s.to_real();
            }
            xin[copy..].fill(A::Real::zero());
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
            kernel.run(xin, yout);
            if ortho {
                match (family, ty) {
                    (Family::Cos, DctType::I) => {
                        yout[0] = yout[0] / sqrt2;
                        yout[n - 1] = yout[n - 1] / sqrt2;
                    }
                    (Family::Cos, DctType::II) => yout[0] = yout[0] / sqrt2,
                    (Family::Sin, DctType::II) => yout[n - 1] = yout[n - 1] / sqrt2,
                    _ => {}
                }
            }
            match fct {
                Some(f) => dst.iter_mut().zip(yout.iter()).for_each(|(d, y)| *d = *y * f),
                None => dst.iter_mut().zip(yout.iter()).for_each(|(d, y)| *d = *y),
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

//! FFT-based convolution: `fftconvolve`, `oaconvolve`, and the n-d real FFT helpers.

use crate::error::Result;
use crate::real::{Real, cst};
use ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, Slice};
use num_complex::Complex;
use realfft::RealFftPlanner;
use rustfft::FftPlanner;

/// The smallest 5-smooth number (`2^a 3^b 5^c`) `>= n`, SciPy's `next_fast_len` for real
/// transforms (1 for `n <= 1`).
pub(crate) fn next_fast_len(n: usize) -> usize {
    if n <= 6 {
        return n.max(1);
    }
    let mut best = usize::MAX;
    let mut p5 = 1usize;
    while p5 < best {
        let mut p35 = p5;
        while p35 < best {
            // Smallest power of two with p35 * 2^k >= n.
            let mut m = p35;
            while m < n {
                m *= 2;
            }
            if m < best {
                best = m;
            }
            if p35 >= n {
                break;
            }
            p35 *= 3;
        }
        if p5 >= n {
            break;
        }
        p5 *= 5;
    }
    best
}

/// Real n-d FFT of `a` zero-padded to `fshape` (real transform along the last axis).
fn rfftn<T: Real>(a: &ArrayViewD<'_, T>, fshape: &[usize], planner: &mut Planners<T>) -> ArrayD<Complex<T>> {
    let nd = fshape.len();
    let last = nd - 1;
    let nl = fshape[last];
    let mut cshape = fshape.to_vec();
    cshape[last] = nl / 2 + 1;
    let mut out = ArrayD::<Complex<T>>::zeros(IxDyn(&cshape));
    let r2c = planner.real.plan_fft_forward(nl);
    let mut inbuf = r2c.make_input_vec();
    let mut outbuf = r2c.make_output_vec();
    let mut scratch = r2c.make_scratch_vec();
    // Only lanes that hold data: the rest of the padded array transforms to zero.
    let mut region = out.slice_each_axis_mut(|ax| {
        if ax.axis.index() == last { Slice::from(..) } else { Slice::from(..a.shape()[ax.axis.index()]) }
    });
    for (src, mut dst) in a.lanes(Axis(last)).into_iter().zip(region.lanes_mut(Axis(last))) {
        inbuf.fill(T::zero());
        inbuf.iter_mut().zip(src.iter()).for_each(|(d, s)| *d = *s);
        r2c.process_with_scratch(&mut inbuf, &mut outbuf, &mut scratch).expect("lengths match the plan");
        dst.iter_mut().zip(outbuf.iter()).for_each(|(d, s)| *d = *s);
    }
    for ax in 0..last {
        complex_axis(&mut out, ax, fshape[ax], false, planner);
    }
    out
}

/// The spectra of `a` and `b` zero-padded to `fshape`; two long 1-d signals are transformed
/// on two threads (rayon feature; the same plan and input, so the same numbers).
fn spectra<T: Real>(
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
    fshape: &[usize],
    pl: &mut Planners<T>,
) -> (ArrayD<Complex<T>>, ArrayD<Complex<T>>) {
    #[cfg(feature = "rayon")]
    if fshape.len() == 1 && fshape[0] >= 1 << 15 {
        let r2c = pl.real.plan_fft_forward(fshape[0]);
        return rayon::join(|| rfft_1d(a, r2c.as_ref()), || rfft_1d(b, r2c.as_ref()));
    }
    (rfftn(a, fshape, pl), rfftn(b, fshape, pl))
}

/// Real FFT of the 1-d `a` zero-padded to the length of `r2c`, straight into the result.
#[cfg(feature = "rayon")]
fn rfft_1d<T: Real>(a: &ArrayViewD<'_, T>, r2c: &dyn realfft::RealToComplex<T>) -> ArrayD<Complex<T>> {
    let mut inbuf = r2c.make_input_vec();
    inbuf.iter_mut().zip(a.iter()).for_each(|(d, s)| *d = *s);
    let mut out = r2c.make_output_vec();
    r2c.process(&mut inbuf, &mut out).expect("lengths match the plan");
    ArrayD::from_shape_vec(IxDyn(&[out.len()]), out).expect("1-d")
}

/// In-place complex FFT along `ax` of every lane.
fn complex_axis<T: Real>(
    a: &mut ArrayD<Complex<T>>,
    ax: usize,
    n: usize,
    inverse: bool,
    planner: &mut Planners<T>,
) {
    let fft = if inverse { planner.complex.plan_fft_inverse(n) } else { planner.complex.plan_fft_forward(n) };
    let mut buf = vec![Complex::new(T::zero(), T::zero()); n];
    let mut scratch = vec![Complex::new(T::zero(), T::zero()); fft.get_inplace_scratch_len()];
    for mut lane in a.lanes_mut(Axis(ax)) {
        buf.iter_mut().zip(lane.iter()).for_each(|(d, s)| *d = *s);
        fft.process_with_scratch(&mut buf, &mut scratch);
        lane.iter_mut().zip(buf.iter()).for_each(|(d, s)| *d = *s);
    }
}

pub(crate) struct Planners<T: Real> {
    pub(crate) real: RealFftPlanner<T>,
    pub(crate) complex: FftPlanner<T>,
}

thread_local! {
    /// Per-thread FFT planners (one per float type), so repeated calls reuse their plans as
    /// SciPy's pocketfft plan cache does.
    static PLANNERS: std::cell::RefCell<std::collections::HashMap<std::any::TypeId, Box<dyn std::any::Any>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Runs `f` with this thread's planners for `T`.
pub(crate) fn with_planners<T: Real, R>(f: impl FnOnce(&mut Planners<T>) -> R) -> R {
    PLANNERS.with(|c| {
        let mut c = c.borrow_mut();
        let e = c.entry(std::any::TypeId::of::<T>()).or_insert_with(|| {
            Box::new(Planners::<T> { real: RealFftPlanner::new(), complex: FftPlanner::new() })
        });
        f(e.downcast_mut::<Planners<T>>().expect("keyed by type"))
    })
}

/// The full linear convolution of `a` and `b` (same ndim, both non-empty) through the FFT.
pub(crate) fn fft_full<T: Real>(a: &ArrayViewD<'_, T>, b: &ArrayViewD<'_, T>) -> ArrayD<T> {
    let full: Vec<usize> = a.shape().iter().zip(b.shape()).map(|(x, y)| x + y - 1).collect();
    let fshape: Vec<usize> = full.iter().map(|&n| next_fast_len(n)).collect();
    with_planners(|pl: &mut Planners<T>| fft_full_with(a, b, &full, &fshape, pl))
}

fn fft_full_with<T: Real>(
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
    full: &[usize],
    fshape: &[usize],
    pl: &mut Planners<T>,
) -> ArrayD<T> {
    let (mut fa, fb) = spectra(a, b, fshape, pl);
    fa.zip_mut_with(&fb, |x, y| *x = *x * *y);
    let nd = fshape.len();
    let last = nd - 1;
    for ax in 0..last {
        complex_axis(&mut fa, ax, fshape[ax], true, pl);
    }
    let nl = fshape[last];
    let c2r = pl.real.plan_fft_inverse(nl);
    let mut inbuf = c2r.make_input_vec();
    let mut outbuf = c2r.make_output_vec();
    let mut scratch = c2r.make_scratch_vec();
    let scale = T::one() / cst::<T>(fshape.iter().product::<usize>() as f64);
    let mut out = ArrayD::<T>::zeros(IxDyn(full));
    let src = fa.slice_each_axis(|ax| {
        if ax.axis.index() == last { Slice::from(..) } else { Slice::from(..full[ax.axis.index()]) }
    });
    for (s, mut d) in src.lanes(Axis(last)).into_iter().zip(out.lanes_mut(Axis(last))) {
        inbuf.iter_mut().zip(s.iter()).for_each(|(d, s)| *d = *s);
        // DC and (even length) Nyquist bins of a real signal's spectrum are real.
        inbuf[0].im = T::zero();
        if nl % 2 == 0 {
            let k = inbuf.len() - 1;
            inbuf[k].im = T::zero();
        }
        c2r.process_with_scratch(&mut inbuf, &mut outbuf, &mut scratch).expect("lengths match the plan");
        d.iter_mut().zip(outbuf.iter()).for_each(|(d, s)| *d = *s * scale);
    }
    out
}

/// 1-d overlap-add convolution (full output) of a long `x` with a short `h`.
pub(crate) fn oa_full_1d<T: Real>(x: &[T], h: &[T]) -> Vec<T> {
    let (n, k) = (x.len(), h.len());
    let out_len = n + k - 1;
    // Block FFT length: a fast length about 8 times the kernel, SciPy's rule of thumb.
    let nfft = next_fast_len((8 * k).max(2 * k));
    let step = nfft - k + 1;
    let (r2c, c2r) = with_planners(|pl: &mut Planners<T>| {
        (pl.real.plan_fft_forward(nfft), pl.real.plan_fft_inverse(nfft))
    });
    let mut buf = r2c.make_input_vec();
    let mut hspec = r2c.make_output_vec();
    let mut scratch = r2c.make_scratch_vec();
    buf.fill(T::zero());
    buf[..k].copy_from_slice(h);
    r2c.process_with_scratch(&mut buf, &mut hspec, &mut scratch).expect("lengths match the plan");
    let mut spec = r2c.make_output_vec();
    let mut iscratch = c2r.make_scratch_vec();
    let scale = T::one() / cst::<T>(nfft as f64);
    let mut out = vec![T::zero(); out_len];
    let mut start = 0;
    while start < n {
        let end = (start + step).min(n);
        buf.fill(T::zero());
        buf[..end - start].copy_from_slice(&x[start..end]);
        r2c.process_with_scratch(&mut buf, &mut spec, &mut scratch).expect("lengths match the plan");
        spec.iter_mut().zip(&hspec).for_each(|(s, h)| *s = *s * *h);
        spec[0].im = T::zero();
        if nfft % 2 == 0 {
            let l = spec.len() - 1;
            spec[l].im = T::zero();
        }
        c2r.process_with_scratch(&mut spec, &mut buf, &mut iscratch).expect("lengths match the plan");
        let seg = (end - start + k - 1).min(out_len - start);
        out[start..start + seg].iter_mut().zip(&buf[..seg]).for_each(|(o, v)| *o = *o + *v * scale);
        start = end;
    }
    out
}

/// Checks `fftconvolve`/`oaconvolve` inputs; `None` when a result is empty.
pub(crate) fn check_same_ndim(n1: usize, n2: usize) -> Result<()> {
    if n1 != n2 {
        return Err(crate::error::invalid("in2", "in1 and in2 should have the same dimensionality"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_lengths() {
        let want = [(0, 1), (1, 1), (5, 5), (7, 8), (11, 12), (13, 15), (17, 18), (97, 100), (1021, 1024)];
        for (n, w) in want {
            assert_eq!(next_fast_len(n), w, "n = {n}");
        }
        assert_eq!(next_fast_len(1_000_101), 1_012_500);
    }
}

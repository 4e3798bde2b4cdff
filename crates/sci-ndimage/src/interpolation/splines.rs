//! B-spline prefilter (`spline_filter1d`, `spline_filter`) and interpolation weights, as in
//! SciPy's `ni_splines.c`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::mode::Mode;
use crate::support::{dyn_view, to_dim};
use rayon::prelude::*;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Axis, Data, Dimension};
use sci_array::normalize_axis;

/// Poles of the B-spline prefilter of the given order (2..=5).
fn poles(order: usize) -> Vec<f64> {
    match order {
        2 => vec![8f64.sqrt() - 3.0],
        3 => vec![3f64.sqrt() - 2.0],
        4 => vec![
            (664.0 - 438976f64.sqrt()).sqrt() + 304f64.sqrt() - 19.0,
            (664.0 + 438976f64.sqrt()).sqrt() - 304f64.sqrt() - 19.0,
        ],
        5 => vec![
            (67.5 - 4436.25f64.sqrt()).sqrt() + 26.25f64.sqrt() - 6.5,
            (67.5 + 4436.25f64.sqrt()).sqrt() - 26.25f64.sqrt() - 6.5,
        ],
        _ => vec![],
    }
}

// The boundary initialisations work on one lane of `n` values `s` apart (several lanes are
// filtered interleaved).

fn init_causal_mirror(c: &mut [f64], s: usize, n: usize, z: f64) {
    let mut z_i = z;
    let z_n_1 = z.powi(n as i32 - 1);
    c[0] += z_n_1 * c[(n - 1) * s];
    for i in 1..n - 1 {
        c[0] += z_i * (c[i * s] + z_n_1 * c[(n - 1 - i) * s]);
        z_i *= z;
    }
    c[0] /= 1.0 - z_n_1 * z_n_1;
}

fn init_anticausal_mirror(c: &mut [f64], s: usize, n: usize, z: f64) {
    c[(n - 1) * s] = (z * c[(n - 2) * s] + c[(n - 1) * s]) * z / (z * z - 1.0);
}

fn init_causal_reflect(c: &mut [f64], s: usize, n: usize, z: f64) {
    let mut z_i = z;
    let z_n = z.powi(n as i32);
    let c0 = c[0];
    c[0] += z_n * c[(n - 1) * s];
    for i in 1..n {
        c[0] += z_i * (c[i * s] + z_n * c[(n - 1 - i) * s]);
        z_i *= z;
    }
    c[0] *= z / (1.0 - z_n * z_n);
    c[0] += c0;
}

fn init_anticausal_reflect(c: &mut [f64], s: usize, n: usize, z: f64) {
    c[(n - 1) * s] *= z / (z - 1.0);
}

fn init_causal_wrap(c: &mut [f64], s: usize, n: usize, z: f64) {
    let mut z_i = z;
    for i in 1..n {
        c[0] += z_i * c[(n - i) * s];
        z_i *= z;
    }
    c[0] /= 1.0 - z_i;
}

fn init_anticausal_wrap(c: &mut [f64], s: usize, n: usize, z: f64) {
    let mut z_i = z;
    for i in 0..n - 1 {
        c[(n - 1) * s] += z_i * c[i * s];
        z_i *= z;
    }
    c[(n - 1) * s] *= z / (z_i - 1.0);
}

/// Apply the prefilter of the given poles in place to `lanes` interleaved lanes of `n > 1`
/// values (value `j` of lane `l` at `buf[j * lanes + l]`). Every lane gets exactly the
/// operations of SciPy's one-lane filter; the interleaving only lets them run side by side.
fn apply_filter(buf: &mut [f64], lanes: usize, n: usize, poles: &[f64], mode: Mode) {
    type Init = fn(&mut [f64], usize, usize, f64);
    let (causal, anticausal): (Init, Init) = match mode {
        Mode::GridWrap => (init_causal_wrap, init_anticausal_wrap),
        Mode::Nearest | Mode::Reflect | Mode::GridMirror => (init_causal_reflect, init_anticausal_reflect),
        _ => (init_causal_mirror, init_anticausal_mirror),
    };
    let mut gain = 1.0;
    for &z in poles {
        gain *= (1.0 - z) * (1.0 - 1.0 / z);
    }
    let buf = &mut buf[..lanes * n];
    for v in buf.iter_mut() {
        *v *= gain;
    }
    for &z in poles {
        for l in 0..lanes {
            causal(&mut buf[l..], lanes, n, z);
        }
        for j in 1..n {
            let (prev, cur) = buf[(j - 1) * lanes..(j + 1) * lanes].split_at_mut(lanes);
            for (c, p) in cur.iter_mut().zip(prev.iter()) {
                *c += z * p;
            }
        }
        for l in 0..lanes {
            anticausal(&mut buf[l..], lanes, n, z);
        }
        for j in (0..n - 1).rev() {
            let (cur, next) = buf[j * lanes..(j + 2) * lanes].split_at_mut(lanes);
            for (c, x) in cur.iter_mut().zip(next.iter()) {
                *c = z * (x - *c);
            }
        }
    }
}

/// Lanes filtered together.
const LANES: usize = 8;

/// Prefilter `a` (f64, in place) along `axis`: blocks of [`LANES`] lanes are gathered into an
/// interleaved buffer, filtered side by side and written back; blocks run in parallel.
pub(crate) fn spline_filter_axis(a: &mut ArrayD<f64>, order: usize, axis: usize, mode: Mode) {
    let p = poles(order);
    let n = a.shape()[axis];
    if p.is_empty() || n < 2 || a.is_empty() {
        return;
    }
    let par = a.len() >= crate::support::PAR_THRESHOLD;
    let init = || vec![0.0; n * LANES];
    // Last axis of a C-contiguous array: a block is LANES consecutive lanes.
    if axis + 1 == a.ndim() {
        if let Some(data) = a.as_slice_mut() {
            let work = |buf: &mut Vec<f64>, block: &mut [f64]| {
                let lanes = block.len() / n;
                for (l, lane) in block.chunks(n).enumerate() {
                    for (j, v) in lane.iter().enumerate() {
                        buf[j * lanes + l] = *v;
                    }
                }
                apply_filter(buf, lanes, n, &p, mode);
                for (l, lane) in block.chunks_mut(n).enumerate() {
                    for (j, v) in lane.iter_mut().enumerate() {
                        *v = buf[j * lanes + l];
                    }
                }
            };
            if par {
                data.par_chunks_mut(n * LANES).for_each_init(init, work);
            } else {
                let mut buf = init();
                data.chunks_mut(n * LANES).for_each(|b| work(&mut buf, b));
            }
            return;
        }
    }
    // Otherwise: blocks of LANES columns along the last axis.
    let last = a.ndim() - 1;
    let lanes_of = |blk: &mut sci_array::ndarray::ArrayViewMutD<'_, f64>, buf: &mut Vec<f64>| {
        // Every lane along `axis` of this block, gathered in blocks of LANES.
        let mut views: Vec<_> = blk.lanes_mut(Axis(axis)).into_iter().collect();
        for group in views.chunks_mut(LANES) {
            let lanes = group.len();
            for (l, lane) in group.iter().enumerate() {
                for (j, v) in lane.iter().enumerate() {
                    buf[j * lanes + l] = *v;
                }
            }
            apply_filter(buf, lanes, n, &p, mode);
            for (l, lane) in group.iter_mut().enumerate() {
                for (j, v) in lane.iter_mut().enumerate() {
                    *v = buf[j * lanes + l];
                }
            }
        }
    };
    // (The last axis of a non-contiguous array, a rare layout, is one block.)
    let mut blocks: Vec<_> =
        if axis == last { vec![a.view_mut()] } else { a.axis_chunks_iter_mut(Axis(last), LANES).collect() };
    if par {
        blocks.par_iter_mut().for_each_init(init, |buf, blk| lanes_of(blk, buf));
    } else {
        let mut buf = init();
        blocks.iter_mut().for_each(|blk| lanes_of(blk, &mut buf));
    }
}

fn check_order(order: usize) -> Result<()> {
    if order > 5 {
        return Err(invalid("order", "spline order not supported"));
    }
    Ok(())
}

/// 1-D B-spline prefilter along `axis`: the coefficients whose spline of the given `order`
/// interpolates the input, with the boundary condition of `mode` (SciPy's default is
/// `Mode::Mirror`). Orders 0 and 1 return the input as `f64`.
///
/// SciPy equivalent: `scipy.ndimage.spline_filter1d`.
///
/// # Errors
///
/// `order > 5`, axis out of range.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{spline_filter1d, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let c = spline_filter1d(&array![0.0, 0.0, 6.0, 0.0, 0.0], 3, -1, Mode::Mirror).unwrap();
/// // The cubic spline with these coefficients passes through the data: (c[i-1] + 4 c[i] + c[i+1]) / 6.
/// assert!(((c[1] + 4.0 * c[2] + c[3]) / 6.0 - 6.0).abs() < 1e-12);
/// ```
pub fn spline_filter1d<T, S, D>(
    input: &ArrayBase<S, D>,
    order: usize,
    axis: isize,
    mode: Mode,
) -> Result<Array<f64, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    check_order(order)?;
    let ax = normalize_axis(axis, input.ndim(), "axis")?;
    let mut a = dyn_view(input).mapv(|v| v.to_f64());
    spline_filter_axis(&mut a, order, ax, mode);
    to_dim(a)
}

/// Multidimensional B-spline prefilter: [`spline_filter1d`] along every axis.
///
/// SciPy equivalent: `scipy.ndimage.spline_filter`.
///
/// # Errors
///
/// `order > 5`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{spline_filter, Mode};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let a = Array2::<f64>::from_elem((4, 5), 2.0);
/// let c = spline_filter(&a, 3, Mode::Mirror).unwrap();
/// assert!(c.iter().all(|v| (v - 2.0).abs() < 1e-12));
/// ```
pub fn spline_filter<T, S, D>(input: &ArrayBase<S, D>, order: usize, mode: Mode) -> Result<Array<f64, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    check_order(order)?;
    let mut a = dyn_view(input).mapv(|v| v.to_f64());
    if order > 1 {
        for ax in 0..a.ndim() {
            spline_filter_axis(&mut a, order, ax, mode);
        }
    }
    to_dim(a)
}

/// `x.floor()`, without a call into libm on targets without a rounding instruction: through
/// an integer conversion when `|x|` is small enough for it to be exact.
#[inline]
pub(crate) fn floor(x: f64) -> f64 {
    if x.abs() < 4.5e15 {
        let t = x as i64 as f64;
        if t > x { t - 1.0 } else { t }
    } else {
        x.floor()
    }
}

/// The `order + 1` B-spline interpolation weights at `x` (SciPy's
/// `get_spline_interpolation_weights`).
#[inline]
pub(crate) fn spline_weights(x: f64, order: usize, w: &mut [f64]) {
    let x = x - if order & 1 == 1 { floor(x) } else { floor(x + 0.5) };
    let mut y = x;
    let mut z = 1.0 - x;
    match order {
        1 => w[0] = 1.0 - x,
        2 => {
            w[1] = 0.75 - x * x;
            y = 0.5 - x;
            w[0] = 0.5 * y * y;
        }
        3 => {
            w[1] = (y * y * (y - 2.0) * 3.0 + 4.0) / 6.0;
            w[2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
            w[0] = z * z * z / 6.0;
        }
        4 => {
            let t = x * x;
            w[2] = t * (t * 0.25 - 0.625) + 115.0 / 192.0;
            y = 1.0 + x;
            w[1] = y * (y * (y * (5.0 - y) / 6.0 - 1.25) + 5.0 / 24.0) + 55.0 / 96.0;
            w[3] = z * (z * (z * (5.0 - z) / 6.0 - 1.25) + 5.0 / 24.0) + 55.0 / 96.0;
            y = 0.5 - x;
            let t = y * y;
            w[0] = t * t / 24.0;
        }
        5 => {
            let t = y * y;
            w[2] = t * (t * (0.25 - y / 12.0) - 0.5) + 0.55;
            let t = z * z;
            w[3] = t * (t * (0.25 - z / 12.0) - 0.5) + 0.55;
            y += 1.0;
            w[1] = y * (y * (y * (y * (y / 24.0 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
            z += 1.0;
            w[4] = z * (z * (z * (z * (z / 24.0 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
            y = 1.0 - x;
            let t = y * y;
            w[0] = y * t * t / 120.0;
        }
        _ => {}
    }
    if order > 0 {
        w[order] = 1.0;
        for i in 0..order {
            w[order] -= w[i];
        }
    }
}

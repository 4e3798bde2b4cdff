//! Peak finding: `find_peaks`, `peak_prominences`, `peak_widths`.

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};

/// An interval condition on a peak property, SciPy's `number` or `(min, max)` arguments of
/// [`find_peaks`] (`None`: unbounded on that side).
///
/// # Examples
///
/// ```
/// use sci_signal::PeakBound;
/// assert_eq!(PeakBound::min(2.0), PeakBound { min: Some(2.0), max: None });
/// assert_eq!(PeakBound::between(1.0, 3.0).max, Some(3.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PeakBound {
    /// Smallest accepted value (inclusive).
    pub min: Option<f64>,
    /// Largest accepted value (inclusive).
    pub max: Option<f64>,
}

impl PeakBound {
    /// At least `v` (SciPy's scalar argument).
    pub fn min(v: f64) -> Self {
        PeakBound { min: Some(v), max: None }
    }

    /// Within `[lo, hi]` (SciPy's `(lo, hi)`).
    pub fn between(lo: f64, hi: f64) -> Self {
        PeakBound { min: Some(lo), max: Some(hi) }
    }

    fn keep(&self, v: f64) -> bool {
        self.min.is_none_or(|m| m <= v) && self.max.is_none_or(|m| v <= m)
    }
}

/// Keyword arguments of [`find_peaks`], with SciPy's defaults (no condition,
/// `rel_height = 0.5`).
///
/// # Examples
///
/// ```
/// use sci_signal::{FindPeaksOptions, PeakBound};
/// let o = FindPeaksOptions { height: Some(PeakBound::min(0.5)), distance: Some(3.0), ..Default::default() };
/// assert_eq!(o.rel_height, 0.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FindPeaksOptions {
    /// Required peak height.
    pub height: Option<PeakBound>,
    /// Required vertical distance to both neighbouring samples.
    pub threshold: Option<PeakBound>,
    /// Minimal horizontal distance (`>= 1`) between peaks; smaller peaks are removed first.
    pub distance: Option<f64>,
    /// Required prominence.
    pub prominence: Option<PeakBound>,
    /// Required width (in samples) at `rel_height`.
    pub width: Option<PeakBound>,
    /// Window length (samples) for prominences; `None` is the whole signal.
    pub wlen: Option<f64>,
    /// Relative height at which widths are measured.
    pub rel_height: f64,
    /// Required size of the flat top of a peak (samples).
    pub plateau_size: Option<PeakBound>,
}

impl Default for FindPeaksOptions {
    fn default() -> Self {
        FindPeaksOptions {
            height: None,
            threshold: None,
            distance: None,
            prominence: None,
            width: None,
            wlen: None,
            rel_height: 0.5,
            plateau_size: None,
        }
    }
}

/// The properties [`find_peaks`] computed while filtering, for the peaks it returns (SciPy's
/// `properties` dict: a field is `Some` when its condition was given).
///
/// # Examples
///
/// ```
/// let p = sci_signal::PeakProperties::default();
/// assert!(p.prominences.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeakProperties {
    /// `peak_heights` (with `height`).
    pub peak_heights: Option<Array1<f64>>,
    /// `left_thresholds` (with `threshold`).
    pub left_thresholds: Option<Array1<f64>>,
    /// `right_thresholds` (with `threshold`).
    pub right_thresholds: Option<Array1<f64>>,
    /// `prominences` (with `prominence` or `width`).
    pub prominences: Option<Array1<f64>>,
    /// `left_bases` (with `prominence` or `width`).
    pub left_bases: Option<Array1<usize>>,
    /// `right_bases` (with `prominence` or `width`).
    pub right_bases: Option<Array1<usize>>,
    /// `widths` (with `width`).
    pub widths: Option<Array1<f64>>,
    /// `width_heights` (with `width`).
    pub width_heights: Option<Array1<f64>>,
    /// `left_ips` (with `width`).
    pub left_ips: Option<Array1<f64>>,
    /// `right_ips` (with `width`).
    pub right_ips: Option<Array1<f64>>,
    /// `plateau_sizes` (with `plateau_size`).
    pub plateau_sizes: Option<Array1<usize>>,
    /// `left_edges` (with `plateau_size`).
    pub left_edges: Option<Array1<usize>>,
    /// `right_edges` (with `plateau_size`).
    pub right_edges: Option<Array1<usize>>,
}

impl PeakProperties {
    /// Keeps the entries where `keep` is true in every computed property.
    fn retain(&mut self, keep: &[bool]) {
        fn f<T: Copy>(a: &mut Option<Array1<T>>, keep: &[bool]) {
            if let Some(v) = a {
                *v = v.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| *x).collect();
            }
        }
        f(&mut self.peak_heights, keep);
        f(&mut self.left_thresholds, keep);
        f(&mut self.right_thresholds, keep);
        f(&mut self.prominences, keep);
        f(&mut self.left_bases, keep);
        f(&mut self.right_bases, keep);
        f(&mut self.widths, keep);
        f(&mut self.width_heights, keep);
        f(&mut self.left_ips, keep);
        f(&mut self.right_ips, keep);
        f(&mut self.plateau_sizes, keep);
        f(&mut self.left_edges, keep);
        f(&mut self.right_edges, keep);
    }
}

/// Local maxima with their plateau edges (SciPy's `_local_maxima_1d`); the edges only when
/// `edges` is true (they are needed for `plateau_size` alone).
fn local_maxima(x: &[f64], edges: bool) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let n = x.len();
    if n < 3 {
        return (vec![], vec![], vec![]);
    }
    let i_max = n - 1;
    if edges {
        let (mut mid, mut left, mut right) = (vec![], vec![], vec![]);
        let mut i = 1;
        while i < i_max {
            if x[i - 1] < x[i] {
                let mut ahead = i + 1;
                while ahead < i_max && x[ahead] == x[i] {
                    ahead += 1;
                }
                if x[ahead] < x[i] {
                    left.push(i);
                    right.push(ahead - 1);
                    mid.push((i + ahead - 1) / 2);
                    i = ahead;
                }
            }
            i += 1;
        }
        return (mid, left, right);
    }
    // At most one peak in every two samples. Single-sample peaks are written without a branch
    // (on noise the comparisons are unpredictable); a flat top takes the walk ahead.
    let mut mid = vec![0usize; n / 2 + 1];
    let mut m = 0;
    let mut i = 1;
    while i < i_max {
        let xi = x[i];
        let up = x[i - 1] < xi;
        let next = x[i + 1];
        if up && next == xi {
            let mut ahead = i + 1;
            while ahead < i_max && x[ahead] == xi {
                ahead += 1;
            }
            if x[ahead] < xi {
                mid[m] = (i + ahead - 1) / 2;
                m += 1;
                i = ahead;
            }
            i += 1;
            continue;
        }
        mid[m] = i;
        m += usize::from(up & (next < xi));
        i += 1;
    }
    mid.truncate(m);
    (mid, vec![], vec![])
}

/// `x` as a slice, borrowed when contiguous, copied otherwise.
fn as_contiguous<'a, S: Data<Elem = f64>>(x: &'a ArrayBase<S, Ix1>, copy: &'a mut Vec<f64>) -> &'a [f64] {
    match x.as_slice() {
        Some(v) => v,
        None => {
            *copy = x.iter().copied().collect();
            copy
        }
    }
}

fn filter<T: Copy>(v: &[T], keep: &[bool]) -> Vec<T> {
    v.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| *x).collect()
}

/// SciPy's `_arg_wlen_as_expected`: `None` (whole signal) or `ceil(wlen)`, which must exceed 1.
fn wlen_arg(wlen: Option<f64>) -> Result<Option<usize>> {
    match wlen {
        None => Ok(None),
        Some(w) if w > 1.0 => Ok(Some(w.ceil() as usize)),
        Some(w) => Err(invalid("wlen", format!("`wlen` must be larger than 1, was {w}"))),
    }
}

type Prominences = (Vec<f64>, Vec<usize>, Vec<usize>);

/// Prominence and bases of one (valid) peak (SciPy's `_peak_prominences` loop body).
fn prominence_one(x: &[f64], peak: usize, wlen: Option<usize>) -> (f64, usize, usize) {
    let (mut i_min, mut i_max) = (0usize, x.len() - 1);
    if let Some(w) = wlen.filter(|&w| w >= 2) {
        i_min = peak.saturating_sub(w / 2);
        i_max = (peak + w / 2).min(i_max);
    }
    let xp = x[peak];
    // Walk outwards while samples are not higher than the peak (NaN stops the walk).
    let (mut left_base, mut left_min) = (peak, xp);
    let xs = &x[i_min..=peak];
    let mut i = xs.len();
    while i > 0 && xs[i - 1] <= xp {
        i -= 1;
        if xs[i] < left_min {
            left_min = xs[i];
            left_base = i_min + i;
        }
    }
    let (mut right_base, mut right_min) = (peak, xp);
    let xs = &x[peak..=i_max];
    let mut i = 0;
    while i < xs.len() && xs[i] <= xp {
        if xs[i] < right_min {
            right_min = xs[i];
            right_base = peak + i;
        }
        i += 1;
    }
    (xp - left_min.max(right_min), left_base, right_base)
}

fn prominences_impl(x: &[f64], peaks: &[usize], wlen: Option<usize>) -> Result<Prominences> {
    if let Some(&peak) = peaks.iter().find(|&&p| p >= x.len()) {
        return Err(invalid("peaks", format!("peak {peak} is not a valid index for `x`")));
    }
    let m = peaks.len();
    let (mut proms, mut lb, mut rb) = (vec![0.0; m], vec![0usize; m], vec![0usize; m]);
    let one = |((pr, l), r): ((&mut f64, &mut usize), &mut usize), &p: &usize| {
        (*pr, *l, *r) = prominence_one(x, p, wlen);
    };
    // Peaks are independent: many peaks on a long signal go over threads (same results).
    #[cfg(feature = "rayon")]
    if m >= 1000 && x.len() >= 10_000 {
        use rayon::prelude::*;
        proms
            .par_iter_mut()
            .zip(lb.par_iter_mut())
            .zip(rb.par_iter_mut())
            .zip(peaks.par_iter())
            .with_min_len(4096)
            .for_each(|(o, p)| one(o, p));
        return Ok((proms, lb, rb));
    }
    proms.iter_mut().zip(lb.iter_mut()).zip(rb.iter_mut()).zip(peaks).for_each(|(o, p)| one(o, p));
    Ok((proms, lb, rb))
}

type Widths = (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>);

fn widths_impl(x: &[f64], peaks: &[usize], rel_height: f64, prom: &Prominences) -> Result<Widths> {
    if rel_height.is_nan() || rel_height < 0.0 {
        return Err(invalid("rel_height", "`rel_height` must be greater or equal to 0.0"));
    }
    let (proms, lb, rb) = prom;
    if proms.len() != peaks.len() || lb.len() != peaks.len() || rb.len() != peaks.len() {
        return Err(invalid(
            "prominence_data",
            "arrays in `prominence_data` must have the same shape as `peaks`",
        ));
    }
    let n = peaks.len();
    let (mut w, mut h, mut l, mut r) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    for p in 0..n {
        let (i_min, i_max, peak) = (lb[p], rb[p], peaks[p]);
        if !(i_min <= peak && peak <= i_max && i_max < x.len()) {
            return Err(invalid("prominence_data", format!("prominence data is invalid for peak {peak}")));
        }
        let height = x[peak] - proms[p] * rel_height;
        h[p] = height;
        let mut i = peak;
        while i_min < i && height < x[i] {
            i -= 1;
        }
        let mut left_ip = i as f64;
        if x[i] < height {
            left_ip += (height - x[i]) / (x[i + 1] - x[i]);
        }
        let mut i = peak;
        while i < i_max && height < x[i] {
            i += 1;
        }
        let mut right_ip = i as f64;
        if x[i] < height {
            right_ip -= (height - x[i]) / (x[i - 1] - x[i]);
        }
        w[p] = right_ip - left_ip;
        l[p] = left_ip;
        r[p] = right_ip;
    }
    Ok((w, h, l, r))
}

/// Removes peaks closer than `distance` to a higher peak (SciPy's `_select_by_peak_distance`;
/// ties in height are resolved in index order).
fn select_by_distance(peaks: &[usize], priority: &[f64], distance: f64) -> Vec<bool> {
    let n = peaks.len();
    let d = distance.ceil() as usize;
    let mut keep = vec![true; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| priority[a].total_cmp(&priority[b]));
    for &j in order.iter().rev() {
        if !keep[j] {
            continue;
        }
        let mut k = j;
        while k > 0 && peaks[j] - peaks[k - 1] < d {
            keep[k - 1] = false;
            k -= 1;
        }
        let mut k = j + 1;
        while k < n && peaks[k] - peaks[j] < d {
            keep[k] = false;
            k += 1;
        }
    }
    keep
}

/// Finds the local maxima of `x` (a flat top counts once, at its middle) that satisfy the
/// conditions of `opts`, applied in SciPy's order: plateau size, height, threshold, distance,
/// prominence, width.
///
/// Returns the peak indices and the properties computed on the way.
///
/// SciPy equivalent: `scipy.signal.find_peaks(x, height, threshold, distance, prominence,
/// width, wlen, rel_height, plateau_size)` (scalar or `(min, max)` conditions; no per-sample
/// condition arrays).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `distance < 1`,
/// `wlen <= 1` or `rel_height < 0`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{find_peaks, FindPeaksOptions, PeakBound};
/// let x = array![0.0, 2.0, 1.0, 3.0, 1.0, 1.0, 1.5, 0.0];
/// let (peaks, _) = find_peaks(&x, &FindPeaksOptions::default()).unwrap();
/// assert_eq!(peaks.to_vec(), vec![1, 3, 6]);
/// let o = FindPeaksOptions { prominence: Some(PeakBound::min(0.8)), ..Default::default() };
/// let (peaks, props) = find_peaks(&x, &o).unwrap();
/// assert_eq!(peaks.to_vec(), vec![1, 3]);
/// assert_eq!(props.prominences.unwrap().to_vec(), vec![1.0, 3.0]);
/// ```
pub fn find_peaks<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    opts: &FindPeaksOptions,
) -> Result<(Array1<usize>, PeakProperties)> {
    if let Some(d) = opts.distance
        && (d < 1.0 || d.is_nan())
    {
        return Err(invalid("distance", "`distance` must be greater or equal to 1"));
    }
    let wlen = if opts.prominence.is_some() || opts.width.is_some() { wlen_arg(opts.wlen)? } else { None };
    if opts.width.is_some() && (opts.rel_height.is_nan() || opts.rel_height < 0.0) {
        return Err(invalid("rel_height", "`rel_height` must be greater or equal to 0.0"));
    }
    let mut copy = Vec::new();
    let xv = as_contiguous(x, &mut copy);
    let (mut peaks, left_edges, right_edges) = local_maxima(xv, opts.plateau_size.is_some());
    let mut props = PeakProperties::default();
    let apply = |peaks: &mut Vec<usize>, props: &mut PeakProperties, keep: &[bool]| {
        *peaks = filter(peaks, keep);
        props.retain(keep);
    };
    if let Some(b) = opts.plateau_size {
        let sizes: Vec<usize> = left_edges.iter().zip(&right_edges).map(|(l, r)| r - l + 1).collect();
        let keep: Vec<bool> = sizes.iter().map(|&s| b.keep(s as f64)).collect();
        props.plateau_sizes = Some(Array1::from(sizes));
        props.left_edges = Some(Array1::from(left_edges));
        props.right_edges = Some(Array1::from(right_edges));
        apply(&mut peaks, &mut props, &keep);
    }
    if let Some(b) = opts.height {
        let h: Vec<f64> = peaks.iter().map(|&p| xv[p]).collect();
        let keep: Vec<bool> = h.iter().map(|&v| b.keep(v)).collect();
        props.peak_heights = Some(Array1::from(h));
        apply(&mut peaks, &mut props, &keep);
    }
    if let Some(b) = opts.threshold {
        let l: Vec<f64> = peaks.iter().map(|&p| xv[p] - xv[p - 1]).collect();
        let r: Vec<f64> = peaks.iter().map(|&p| xv[p] - xv[p + 1]).collect();
        let keep: Vec<bool> = l
            .iter()
            .zip(&r)
            .map(|(&a, &c)| b.min.is_none_or(|m| m <= a.min(c)) && b.max.is_none_or(|m| a.max(c) <= m))
            .collect();
        props.left_thresholds = Some(Array1::from(l));
        props.right_thresholds = Some(Array1::from(r));
        apply(&mut peaks, &mut props, &keep);
    }
    if let Some(d) = opts.distance {
        let pri: Vec<f64> = peaks.iter().map(|&p| xv[p]).collect();
        let keep = select_by_distance(&peaks, &pri, d);
        apply(&mut peaks, &mut props, &keep);
    }
    if opts.prominence.is_some() || opts.width.is_some() {
        let (p, l, r) = prominences_impl(xv, &peaks, wlen)?;
        props.prominences = Some(Array1::from(p));
        props.left_bases = Some(Array1::from(l));
        props.right_bases = Some(Array1::from(r));
    }
    if let Some(b) = opts.prominence {
        let keep: Vec<bool> =
            props.prominences.as_ref().expect("computed").iter().map(|&v| b.keep(v)).collect();
        apply(&mut peaks, &mut props, &keep);
    }
    if let Some(b) = opts.width {
        let prom = (
            props.prominences.as_ref().expect("computed").to_vec(),
            props.left_bases.as_ref().expect("computed").to_vec(),
            props.right_bases.as_ref().expect("computed").to_vec(),
        );
        let (w, h, l, r) = widths_impl(xv, &peaks, opts.rel_height, &prom)?;
        let keep: Vec<bool> = w.iter().map(|&v| b.keep(v)).collect();
        props.widths = Some(Array1::from(w));
        props.width_heights = Some(Array1::from(h));
        props.left_ips = Some(Array1::from(l));
        props.right_ips = Some(Array1::from(r));
        apply(&mut peaks, &mut props, &keep);
    }
    Ok((Array1::from(peaks), props))
}

/// The prominence of each peak: its height above the higher of the two lowest points reached
/// before meeting a higher sample (within `wlen` samples around the peak if given), with the
/// positions of those bases.
///
/// Returns `(prominences, left_bases, right_bases)`.
///
/// SciPy equivalent: `scipy.signal.peak_prominences(x, peaks, wlen)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for a peak index out of
/// range or `wlen <= 1`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let x = array![0.0, 2.0, 1.0, 3.0, 1.0, 1.0, 1.5, 0.0];
/// let (p, l, r) = sci_signal::peak_prominences(&x, &[1, 3, 6], None).unwrap();
/// assert_eq!(p.to_vec(), vec![1.0, 3.0, 0.5]);
/// assert_eq!((l.to_vec(), r.to_vec()), (vec![0, 0, 5], vec![2, 7, 7]));
/// ```
pub fn peak_prominences<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    peaks: &[usize],
    wlen: Option<f64>,
) -> Result<(Array1<f64>, Array1<usize>, Array1<usize>)> {
    let w = wlen_arg(wlen)?;
    let mut copy = Vec::new();
    let (p, l, r) = prominences_impl(as_contiguous(x, &mut copy), peaks, w)?;
    Ok((Array1::from(p), Array1::from(l), Array1::from(r)))
}

/// The width of each peak at `rel_height` of its prominence below the peak, with linear
/// interpolation of the crossing points.
///
/// Returns `(widths, width_heights, left_ips, right_ips)`. Prominences are computed with
/// `wlen` unless `prominence_data` (as returned by [`peak_prominences`]) is given.
///
/// SciPy equivalent: `scipy.signal.peak_widths(x, peaks, rel_height, prominence_data, wlen)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `rel_height < 0`, a
/// peak index out of range, `wlen <= 1`, or inconsistent `prominence_data`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 1.0, 0.0];
/// let (w, h, l, r) = sci_signal::peak_widths(&x, &[2], 0.5, None, None).unwrap();
/// assert_eq!((w[0], h[0], l[0], r[0]), (2.0, 1.0, 1.0, 3.0));
/// ```
pub fn peak_widths<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    peaks: &[usize],
    rel_height: f64,
    prominence_data: Option<(&[f64], &[usize], &[usize])>,
    wlen: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>, Array1<f64>, Array1<f64>)> {
    let mut copy = Vec::new();
    let xv = as_contiguous(x, &mut copy);
    let prom = match prominence_data {
        Some((p, l, r)) => (p.to_vec(), l.to_vec(), r.to_vec()),
        None => prominences_impl(xv, peaks, wlen_arg(wlen)?)?,
    };
    let (w, h, l, r) = widths_impl(xv, peaks, rel_height, &prom)?;
    Ok((Array1::from(w), Array1::from(h), Array1::from(l), Array1::from(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The branch-free scan finds the same maxima as the walk that records plateau edges:
    /// plateaus, NaN, short signals.
    #[test]
    fn branch_free_scan_matches_edge_walk() {
        let mut s: u64 = 11;
        let mut rnd = |m: u64| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 33) % m
        };
        for n in [0usize, 1, 2, 3, 4, 5, 8, 17, 100, 1001] {
            for _ in 0..20 {
                let x: Vec<f64> =
                    (0..n).map(|_| if rnd(40) == 0 { f64::NAN } else { rnd(4) as f64 }).collect();
                assert_eq!(local_maxima(&x, false).0, local_maxima(&x, true).0, "{x:?}");
            }
        }
    }
}

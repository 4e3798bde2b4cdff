//! Connected-component labelling and bounding boxes: `label`, `find_objects`.

use crate::element::{Element, LabelElement};
use crate::error::{Result, invalid};
use crate::morphology::structure::generate_binary_structure;
use crate::support::{PAR_THRESHOLD, c_order, dyn_view, to_dim};
use rayon::prelude::*;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};
use std::ops::Range;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let g = parent[parent[x as usize] as usize];
        parent[x as usize] = g;
        x = g;
    }
    x
}

/// Merge the sets of `a` and `b`; the root of a set is its smallest (first-scanned) member.
#[inline]
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
    }
}

/// Merge the set of root `a` with the set of `b`; returns the merged set's root.
#[inline]
fn merge(parent: &mut [u32], a: u32, b: u32) -> u32 {
    let rb = find(parent, b);
    let (lo, hi) = if a < rb { (a, rb) } else { (rb, a) };
    parent[hi as usize] = lo;
    lo
}

/// The structure's neighbours that a C-order scan meets before the centre: whether the
/// previous pixel of the same line is one (`same_line`), and for each earlier line offset (all
/// axes but the last, lexicographically negative) which of `dx = -1, 0, 1` along the last axis.
struct BackNeighbours {
    same_line: bool,
    lines: Vec<(Vec<isize>, [bool; 3])>,
}

fn back_neighbours(st: &ArrayD<bool>) -> BackNeighbours {
    let nd = st.ndim();
    let mut same_line = false;
    let mut lines: Vec<(Vec<isize>, [bool; 3])> = Vec::new();
    for (idx, &v) in st.indexed_iter() {
        if !v {
            continue;
        }
        let lead: Vec<isize> = (0..nd - 1).map(|d| idx[d] as isize - 1).collect();
        let dx = idx[nd - 1] as isize - 1;
        match lead.iter().find(|&&o| o != 0) {
            None if dx == -1 => same_line = true,
            Some(&o) if o < 0 => match lines.iter_mut().find(|(l, _)| *l == lead) {
                Some((_, m)) => m[(dx + 1) as usize] = true,
                None => {
                    let mut m = [false; 3];
                    m[(dx + 1) as usize] = true;
                    lines.push((lead, m));
                }
            },
            _ => {}
        }
    }
    BackNeighbours { same_line, lines }
}

/// The label grid: lines of `w` pixels along the last axis, indexed in C order by their
/// coordinates over the leading axes `lead`, and the structure's earlier neighbours.
struct Grid {
    w: usize,
    lead: Vec<usize>,
    same_line: bool,
    /// Earlier line offsets: linear (in lines), per axis, and which of `dx = -1, 0, 1`.
    lines: Vec<(isize, Vec<isize>, [bool; 3])>,
}

impl Grid {
    fn new(shape: &[usize], st: &ArrayD<bool>) -> Grid {
        let nd = shape.len();
        let lead = shape[..nd - 1].to_vec();
        let mut rstride = vec![1isize; nd - 1];
        for d in (0..nd.saturating_sub(2)).rev() {
            rstride[d] = rstride[d + 1] * lead[d + 1] as isize;
        }
        let nb = back_neighbours(st);
        let lines = nb
            .lines
            .into_iter()
            .map(|(o, m)| (o.iter().zip(&rstride).map(|(a, b)| a * b).sum(), o, m))
            .collect();
        Grid { w: shape[nd - 1], lead, same_line: nb.same_line, lines }
    }

    /// Coordinates over the leading axes of line `r`.
    fn coord(&self, mut r: usize) -> Vec<usize> {
        let mut c = vec![0; self.lead.len()];
        for d in (0..self.lead.len()).rev() {
            c[d] = r % self.lead[d];
            r /= self.lead[d];
        }
        c
    }

    fn inside(&self, coord: &[usize], off: &[isize]) -> bool {
        off.iter().zip(coord).zip(&self.lead).all(|((&o, &c), &n)| {
            let c = c as isize + o;
            c >= 0 && c < n as isize
        })
    }

    /// Union the labels of line `cur` with those of the earlier line `prev` they touch
    /// (`dx` mask `m`), the labels shifted by `oc` and `op`.
    fn join(&self, cur: &[i32], prev: &[i32], m: [bool; 3], oc: u32, op: u32, parent: &mut [u32]) {
        let w = self.w;
        for (k, _) in m.iter().enumerate().filter(|(_, on)| **on) {
            // Pixel x meets x + k - 1 of the earlier line.
            let (lo, hi) = (usize::from(k == 0), w - usize::from(k == 2 && w > 0));
            let mut last = (0, 0);
            for x in lo..hi {
                let (c, l) = (cur[x], prev[x + k - 1]);
                if c != 0 && l != 0 && (c, l) != last {
                    union(parent, c as u32 + oc, l as u32 + op);
                    last = (c, l);
                }
            }
        }
    }

    /// Provisional labels of the lines `row0..` filling `out`, connected within these lines;
    /// returns the union-find parents (index 0 unused).
    fn scan<T: Element>(&self, data: &[T], out: &mut [i32], row0: usize) -> Result<Vec<u32>> {
        let w = self.w;
        let mut parent: Vec<u32> = vec![0];
        let mut coord = self.coord(row0);
        for r in 0..out.len() / w {
            let (prev, cur) = out.split_at_mut(r * w);
            let cur = &mut cur[..w];
            let src = &data[(row0 + r) * w..(row0 + r + 1) * w];
            // The earlier lines this one touches (lines before the stripe are joined by
            // `seam`).
            // Per earlier line: its labels, the lowest and highest `dx + 1` of the mask, and
            // whether a single pixel touches it only through the two diagonals.
            let earlier: Vec<(&[i32], usize, usize, bool)> = self
                .lines
                .iter()
                .filter_map(|(lin, off, m)| {
                    let nr = r as isize + lin;
                    (nr >= 0 && self.inside(&coord, off)).then(|| {
                        let kmin = m.iter().position(|&b| b).unwrap_or(1);
                        let kmax = m.iter().rposition(|&b| b).unwrap_or(1);
                        (&prev[nr as usize * w..(nr as usize + 1) * w], kmin, kmax, !m[1] && m[0] && m[2])
                    })
                })
                .collect();
            // Each run of the line (each pixel without the left neighbour) takes the root of
            // the earlier labels it touches, merging them, or a new label.
            let mut x = 0;
            while x < w {
                if src[x].to_f64() == 0.0 {
                    x += 1;
                    continue;
                }
                let x0 = x;
                x += 1;
                while self.same_line && x < w && src[x].to_f64() != 0.0 {
                    x += 1;
                }
                let mut id = 0u32;
                let mut visit = |l: i32, id: &mut u32| {
                    *id = if *id == 0 {
                        find(&mut parent, l as u32)
                    } else {
                        merge(&mut parent, *id, l as u32)
                    };
                };
                for &(pl, kmin, kmax, split) in &earlier {
                    // Touched positions x0 + kmin - 1 ..= x - 2 + kmax (without x0 itself for
                    // a diagonal-only single pixel).
                    let lo = (x0 + kmin).saturating_sub(1);
                    let hi = (x + kmax - 1).min(w);
                    let mut last = 0;
                    for (p, &l) in pl[lo.min(hi)..hi].iter().enumerate() {
                        if l != 0 && l != last && !(split && x - x0 == 1 && lo + p == x0) {
                            last = l;
                            visit(l, &mut id);
                        }
                    }
                }
                if id == 0 {
                    id = new_label(&mut parent)? as u32;
                }
                cur[x0..x].fill(id as i32);
            }
            for d in (0..self.lead.len()).rev() {
                coord[d] += 1;
                if coord[d] < self.lead[d] {
                    break;
                }
                coord[d] = 0;
            }
        }
        Ok(parent)
    }

    /// Join the first `rows` lines of the stripe starting at line `row0` (labels shifted by
    /// `oc`) to the lines of the previous stripe (shifted by `op`).
    fn seam(&self, out: &[i32], row0: usize, rows: usize, op: usize, oc: usize, parent: &mut [u32]) {
        let w = self.w;
        for r in row0..row0 + rows {
            let coord = self.coord(r);
            for (lin, off, m) in &self.lines {
                let nr = r as isize + lin;
                if nr >= 0 && (nr as usize) < row0 && self.inside(&coord, off) {
                    let nr = nr as usize;
                    let (cur, prev) = (&out[r * w..(r + 1) * w], &out[nr * w..(nr + 1) * w]);
                    self.join(cur, prev, *m, oc as u32, op as u32, parent);
                }
            }
        }
    }
}

/// Label the connected components of the non-zero pixels.
///
/// Pixels are connected when their offset is true in `structure` (a `3 × … × 3` array of
/// the input's rank; default: `generate_binary_structure(rank, 1)`, i.e. no diagonals).
/// Components are numbered from 1 in the order in which a C-order scan first meets them,
/// as SciPy's labels are. Returns the label array (`i32`, 0 for background) and the number
/// of components.
///
/// SciPy equivalent: `scipy.ndimage.label`.
///
/// # Errors
///
/// A structure of another rank or not 3 along every axis.
///
/// # Examples
///
/// ```
/// use sci_ndimage::label;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 0, 1, 1, 0, 0], [0, 0, 0, 1, 0, 0], [1, 1, 0, 0, 1, 0], [0, 0, 0, 1, 0, 0]];
/// let (lab, n) = label(&a, None).unwrap();
/// assert_eq!(n, 4);
/// assert_eq!(lab, array![[0, 0, 1, 1, 0, 0], [0, 0, 0, 1, 0, 0], [2, 2, 0, 0, 3, 0], [0, 0, 0, 4, 0, 0]]);
/// ```
pub fn label<T, S, D>(
    input: &ArrayBase<S, D>,
    structure: Option<&ArrayD<bool>>,
) -> Result<(Array<i32, D>, usize)>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let st = match structure {
        Some(s) => {
            if s.ndim() != nd {
                return Err(invalid("structure", "structure and input must have equal rank"));
            }
            if s.shape().iter().any(|&k| k != 3) {
                return Err(invalid("structure", "structure dimensions must be equal to 3"));
            }
            s.clone()
        }
        None => generate_binary_structure(nd, 1)?,
    };
    let total = input.len();
    if nd == 0 {
        let on = input.iter().next().is_some_and(|v| v.to_f64() != 0.0);
        let out = ArrayD::from_elem(input.raw_dim().into_dyn(), i32::from(on));
        return Ok((to_dim(out)?, usize::from(on)));
    }
    let shape = input.shape();
    let w = shape[nd - 1];
    let mut out = vec![0i32; total];
    let mut parent: Vec<u32> = vec![0];
    // Stripes of whole axis-0 slabs are scanned in parallel with their own provisional
    // labels; stripe s's labels follow all of stripe s - 1's, so the global numbering is
    // still the C-order scan order. Then the seams are merged.
    let nrows = total.checked_div(w).unwrap_or(0);
    let nstripes =
        if total >= PAR_THRESHOLD && nd > 1 { shape[0].min(2 * rayon::current_num_threads()) } else { 1 };
    let rps = if nstripes > 1 { nrows / shape[0] } else { nrows };
    let bounds: Vec<usize> = (0..=nstripes)
        .map(|s| if nstripes > 1 { shape[0] * s / nstripes * rps } else { s * nrows })
        .collect();
    let mut offsets = Vec::with_capacity(nstripes);
    if total > 0 {
        let view = dyn_view(input);
        let data = c_order(&view);
        let grid = Grid::new(shape, &st);
        let mut stripes = Vec::with_capacity(nstripes);
        let mut rest = &mut out[..];
        for s in 0..nstripes {
            let (a, b) = rest.split_at_mut((bounds[s + 1] - bounds[s]) * w);
            stripes.push((bounds[s], a));
            rest = b;
        }
        let scan = |(row0, chunk): (usize, &mut [i32])| grid.scan(&data, chunk, row0);
        let locals: Vec<Result<Vec<u32>>> = if nstripes > 1 {
            stripes.into_par_iter().map(scan).collect()
        } else {
            stripes.into_iter().map(scan).collect()
        };
        for local in locals {
            let local = local?;
            let off = parent.len() - 1;
            if off + local.len() > i32::MAX as usize {
                return Err(invalid("input", "too many labels for an int32 label array"));
            }
            offsets.push(off);
            parent.extend(local[1..].iter().map(|&v| v + off as u32));
        }
        for s in 1..nstripes {
            grid.seam(&out, bounds[s], rps, offsets[s - 1], offsets[s], &mut parent);
        }
    }
    // Roots are the smallest (first-scanned) provisional label of their component, so
    // numbering roots in increasing order numbers components by first occurrence.
    let mut map = vec![0i32; parent.len()];
    let mut n = 0usize;
    for i in 1..parent.len() {
        let r = find(&mut parent, i as u32) as usize;
        if r == i {
            n += 1;
            map[i] = n as i32;
        } else {
            map[i] = map[r];
        }
    }
    // Per stripe: a map from its provisional labels (0 for the background) to the final ones.
    let ends: Vec<usize> = offsets.iter().skip(1).copied().chain(std::iter::once(parent.len() - 1)).collect();
    let maps: Vec<Vec<i32>> = offsets
        .iter()
        .zip(&ends)
        .map(|(&a, &b)| std::iter::once(0).chain(map[a + 1..=b].iter().copied()).collect())
        .collect();
    let relabel = |(c, m): (&mut [i32], &Vec<i32>)| c.iter_mut().for_each(|v| *v = m[*v as usize]);
    let mut pieces = Vec::new();
    let mut rest = &mut out[..];
    for (s, m) in maps.iter().enumerate() {
        let rows = bounds[s + 1] - bounds[s];
        let (a, b) = rest.split_at_mut(rows * w);
        // Smaller pieces than the stripes, for balance.
        pieces.extend(a.chunks_mut(w * rows.div_ceil(8).max(1)).map(|c| (c, m)));
        rest = b;
    }
    if total >= PAR_THRESHOLD {
        pieces.into_par_iter().for_each(relabel);
    } else {
        pieces.into_iter().for_each(relabel);
    }
    let out = ArrayD::from_shape_vec(input.raw_dim().into_dyn(), out)
        .map_err(|e| invalid("input", e.to_string()))?;
    Ok((to_dim(out)?, n))
}

/// A new provisional label.
fn new_label(parent: &mut Vec<u32>) -> Result<i32> {
    let id = parent.len();
    if id > i32::MAX as usize {
        return Err(invalid("input", "too many labels for an int32 label array"));
    }
    parent.push(id as u32);
    Ok(id as i32)
}

/// Find the bounding boxes of labelled objects.
///
/// Entry `i` is the per-axis index ranges of the pixels with label `i + 1`, or `None` when
/// that label does not occur. `max_label == 0` means the largest label present. Labels
/// `<= 0` are ignored.
///
/// SciPy equivalent: `scipy.ndimage.find_objects` (slices as `Range<usize>`).
///
/// # Errors
///
/// A list of `max_label` (or, for 0, the largest label's) entries that cannot be allocated
/// (SciPy's `MemoryError`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::find_objects;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 1, 1], [0, 0, 0], [2, 0, 2]];
/// let objs = find_objects(&a, 0)?;
/// assert_eq!(objs, vec![Some(vec![0..1, 1..3]), Some(vec![2..3, 0..3])]);
/// assert_eq!(find_objects(&a, 3)?[2], None);
/// # Ok::<(), sci_ndimage::NdimageError>(())
/// ```
pub fn find_objects<L, S, D>(
    input: &ArrayBase<S, D>,
    max_label: usize,
) -> Result<Vec<Option<Vec<Range<usize>>>>>
where
    L: LabelElement,
    S: Data<Elem = L>,
    D: Dimension,
{
    let nd = input.ndim();
    let (maxl, arg) = if max_label == 0 {
        let top = input.iter().map(|v| v.to_i64()).max().unwrap_or(0).max(0);
        (usize::try_from(top).unwrap_or(usize::MAX), "input")
    } else {
        (max_label, "max_label")
    };
    let mut boxes: Vec<Option<Vec<Range<usize>>>> = Vec::new();
    boxes
        .try_reserve_exact(maxl)
        .map_err(|_| invalid(arg, format!("Unable to allocate the list of {maxl} objects (MemoryError)")))?;
    boxes.resize(maxl, None);
    for (idx, v) in input.indexed_iter() {
        let l = v.to_i64();
        if l < 1 || l as usize > maxl {
            continue;
        }
        let idx = idx.into_pattern_dyn(nd);
        let b = &mut boxes[l as usize - 1];
        match b {
            None => *b = Some(idx.iter().map(|&i| i..i + 1).collect()),
            Some(r) => {
                for d in 0..nd {
                    r[d].start = r[d].start.min(idx[d]);
                    r[d].end = r[d].end.max(idx[d] + 1);
                }
            }
        }
    }
    Ok(boxes)
}

/// Dimension patterns as index vectors.
trait PatternDyn {
    fn into_pattern_dyn(self, nd: usize) -> Vec<usize>;
}

impl<P: sci_array::ndarray::IntoDimension> PatternDyn for P {
    fn into_pattern_dyn(self, nd: usize) -> Vec<usize> {
        let d = self.into_dimension();
        (0..nd).map(|k| d.slice()[k]).collect()
    }
}

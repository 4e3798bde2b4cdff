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
        None => generate_binary_structure(nd, 1),
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
    if total > 0 {
        let view = dyn_view(input);
        let data = c_order(&view);
        let lead = &shape[..nd - 1];
        let mut rstride = vec![1isize; nd - 1];
        for d in (0..nd.saturating_sub(2)).rev() {
            rstride[d] = rstride[d + 1] * lead[d + 1] as isize;
        }
        let nb = back_neighbours(&st);
        let lines: Vec<(isize, &[isize], [bool; 3])> = nb
            .lines
            .iter()
            .map(|(o, m)| (o.iter().zip(&rstride).map(|(a, b)| a * b).sum(), o.as_slice(), *m))
            .collect();
        let mut coord = vec![0usize; nd - 1];
        for r in 0..total / w {
            let (prev, cur) = out.split_at_mut(r * w);
            let cur = &mut cur[..w];
            let src = &data[r * w..(r + 1) * w];
            // Provisional labels: one per run of the line (or per pixel without the left neighbour).
            let mut x = 0;
            while x < w {
                if src[x].to_f64() != 0.0 {
                    let id = new_label(&mut parent)?;
                    cur[x] = id;
                    x += 1;
                    while nb.same_line && x < w && src[x].to_f64() != 0.0 {
                        cur[x] = id;
                        x += 1;
                    }
                } else {
                    x += 1;
                }
            }
            for &(lin, off, m) in &lines {
                let inside = off.iter().zip(&coord).zip(lead).all(|((&o, &c), &n)| {
                    let c = c as isize + o;
                    c >= 0 && c < n as isize
                });
                if !inside {
                    continue;
                }
                let nr = (r as isize + lin) as usize;
                let nrow = &prev[nr * w..(nr + 1) * w];
                for (k, _) in m.iter().enumerate().filter(|(_, on)| **on) {
                    // Pixel x meets x + k - 1 of the earlier line.
                    let (lo, hi) = (usize::from(k == 0), w - usize::from(k == 2 && w > 0));
                    let mut last = (0, 0);
                    for x in lo..hi {
                        let (c, l) = (cur[x], nrow[x + k - 1]);
                        if c != 0 && l != 0 && (c, l) != last {
                            union(&mut parent, c as u32, l as u32);
                            last = (c, l);
                        }
                    }
                }
            }
            for d in (0..nd - 1).rev() {
                coord[d] += 1;
                if coord[d] < lead[d] {
                    break;
                }
                coord[d] = 0;
            }
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
    let relabel = |c: &mut [i32]| c.iter_mut().for_each(|v| *v = map[*v as usize]);
    if total >= PAR_THRESHOLD {
        out.par_chunks_mut(1 << 14).for_each(relabel);
    } else {
        relabel(&mut out);
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
/// # Examples
///
/// ```
/// use sci_ndimage::find_objects;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 1, 1], [0, 0, 0], [2, 0, 2]];
/// let objs = find_objects(&a, 0);
/// assert_eq!(objs, vec![Some(vec![0..1, 1..3]), Some(vec![2..3, 0..3])]);
/// assert_eq!(find_objects(&a, 3)[2], None);
/// ```
pub fn find_objects<L, S, D>(input: &ArrayBase<S, D>, max_label: usize) -> Vec<Option<Vec<Range<usize>>>>
where
    L: LabelElement,
    S: Data<Elem = L>,
    D: Dimension,
{
    let nd = input.ndim();
    let maxl = if max_label == 0 {
        input.iter().map(|v| v.to_i64()).max().unwrap_or(0).max(0) as usize
    } else {
        max_label
    };
    let mut boxes: Vec<Option<Vec<Range<usize>>>> = vec![None; maxl];
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
    boxes
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

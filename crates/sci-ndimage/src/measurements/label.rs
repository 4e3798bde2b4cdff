//! Connected-component labelling and bounding boxes: `label`, `find_objects`.

use crate::element::{Element, LabelElement};
use crate::error::{Result, invalid};
use crate::morphology::structure::generate_binary_structure;
use crate::support::to_dim;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};
use std::ops::Range;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
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
    let shape = input.shape().to_vec();
    let total = input.len();
    let fg: Vec<bool> = input.iter().map(|v| v.to_f64() != 0.0).collect();
    let mut strides = vec![1isize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * shape[d + 1] as isize;
    }
    // Backward neighbours: the true structure offsets before the centre in C order.
    let st = st.as_standard_layout();
    let mut back: Vec<Vec<isize>> = Vec::new();
    for (idx, &v) in st.indexed_iter() {
        let off: Vec<isize> = (0..nd).map(|d| idx[d] as isize - 1).collect();
        let before = off.iter().find(|&&o| o != 0).is_some_and(|&o| o < 0);
        if v && before {
            back.push(off);
        }
    }
    let mut parent: Vec<usize> = (0..total).collect();
    let mut coord = vec![0isize; nd];
    for f in 0..total {
        if fg[f] {
            for off in &back {
                let mut lin = 0isize;
                let mut ok = true;
                for d in 0..nd {
                    let x = coord[d] + off[d];
                    if x < 0 || x >= shape[d] as isize {
                        ok = false;
                        break;
                    }
                    lin += off[d] * strides[d];
                }
                if ok {
                    let g = (f as isize + lin) as usize;
                    if fg[g] {
                        let (ra, rb) = (find(&mut parent, f), find(&mut parent, g));
                        if ra != rb {
                            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                            parent[hi] = lo;
                        }
                    }
                }
            }
        }
        for d in (0..nd).rev() {
            coord[d] += 1;
            if coord[d] < shape[d] as isize {
                break;
            }
            coord[d] = 0;
        }
    }
    // Roots are the smallest (first-scanned) member, so numbering roots in scan order
    // numbers components by first occurrence.
    let mut labels = vec![0i32; total];
    let mut n = 0usize;
    for f in 0..total {
        if fg[f] {
            let r = find(&mut parent, f);
            if r == f {
                n += 1;
                labels[f] = n as i32;
            } else {
                labels[f] = labels[r];
            }
        }
    }
    let out = ArrayD::from_shape_vec(input.raw_dim().into_dyn(), labels)
        .map_err(|e| invalid("input", e.to_string()))?;
    Ok((to_dim(out)?, n))
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

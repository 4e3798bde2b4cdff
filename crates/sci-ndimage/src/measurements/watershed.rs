//! Watershed from markers by the image foresting transform: `watershed_ift`.

use crate::element::LabelElement;
use crate::error::{Result, invalid};
use crate::morphology::structure::generate_binary_structure;
use crate::support::{c_order, dyn_view, to_dim};
use sci_array::ArrayError;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, IxDyn};

/// An input level accepted by [`watershed_ift`]: `u8` or `u16`, as in SciPy.
///
/// SciPy equivalent: the input dtypes `watershed_ift` accepts (others raise `TypeError`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::WatershedLevel;
/// assert_eq!(200u8.level(), 200);
/// assert_eq!(1000u16.level(), 1000);
/// ```
pub trait WatershedLevel: Copy + Send + Sync + 'static {
    /// The level as an unsigned cost.
    fn level(self) -> u32;
}

impl WatershedLevel for u8 {
    #[inline(always)]
    fn level(self) -> u32 {
        self as u32
    }
}

impl WatershedLevel for u16 {
    #[inline(always)]
    fn level(self) -> u32 {
        self as u32
    }
}

/// A marker/output label type accepted by [`watershed_ift`]: the signed integers, as in
/// SciPy (which rejects unsigned markers).
///
/// SciPy equivalent: the marker dtypes `watershed_ift` accepts.
///
/// # Examples
///
/// ```
/// use sci_ndimage::SignedLabel;
/// assert_eq!(<i16 as SignedLabel>::from_i32(-3), -3i16);
/// ```
pub trait SignedLabel: LabelElement {
    /// C's `(type)value` cast from `int`.
    fn from_i32(v: i32) -> Self;
}

macro_rules! signed_label {
    ($($t:ty),*) => {$(
        impl SignedLabel for $t {
            #[inline(always)]
            fn from_i32(v: i32) -> Self { v as $t }
        }
    )*};
}
signed_label!(i8, i16, i32, i64, isize);

const NIL: usize = usize::MAX;

/// One pixel's queue node: a doubly linked list per cost level, as in SciPy's C code.
#[derive(Clone, Copy)]
struct Node {
    next: usize,
    prev: usize,
    cost: u32,
    done: bool,
}

/// Apply the watershed from markers with the image foresting transform (IFT).
///
/// Every pixel gets the label of the marker it is connected to by the path of least
/// maximal step `|input[p] - input[q]|` between neighbours (`structure`, a `3 × … × 3`
/// boolean array of the input's rank; default `generate_binary_structure(rank, 1)`).
/// Non-zero markers seed the labels; negative markers are background markers, processed
/// after the positive ones at equal cost. Pixels reached by no marker keep label 0.
///
/// This reproduces SciPy's algorithm step by step (the same bucket queues and tie order),
/// so the labels are identical to SciPy's, including its neighbour arithmetic on linear
/// indices: a neighbour offset that steps past the end of a row lands on the adjacent
/// row, as it does in SciPy. Labels are handled as C `int`, as SciPy does.
///
/// SciPy equivalent: `scipy.ndimage.watershed_ift`.
///
/// # Errors
///
/// Markers of another shape than the input ("input and markers must have equal shape"), a
/// structure of another rank ("structure and input must have equal rank") or not 3 along
/// every axis ("structure dimensions must be equal to 3"). A 0-d input returns the marker.
///
/// # Examples
///
/// Two basins separated by a ridge; the ridge goes to the marker queued first (the last
/// positive marker in C order), a background marker is processed last:
///
/// ```
/// use sci_ndimage::watershed_ift;
/// use sci_ndimage::sci_array::ndarray::array;
/// let input = array![[0u8, 0, 0], [0, 0, 0], [9, 9, 9], [0, 0, 0], [0, 0, 0]];
/// let mut markers = array![[1i8, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 2]];
/// let out = watershed_ift(&input, &markers, None).unwrap();
/// assert_eq!(out, array![[1i8, 1, 1], [1, 1, 1], [2, 2, 2], [2, 2, 2], [2, 2, 2]]);
/// markers[[4, 2]] = -1;
/// let out = watershed_ift(&input, &markers, None).unwrap();
/// assert_eq!(out, array![[1i8, 1, 1], [1, 1, 1], [1, 1, 1], [-1, -1, -1], [-1, -1, -1]]);
/// ```
pub fn watershed_ift<T, M, S, SM, D>(
    input: &ArrayBase<S, D>,
    markers: &ArrayBase<SM, D>,
    structure: Option<&ArrayD<bool>>,
) -> Result<Array<M, D>>
where
    T: WatershedLevel,
    M: SignedLabel,
    S: Data<Elem = T>,
    SM: Data<Elem = M>,
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
    if markers.shape() != input.shape() {
        return Err(ArrayError::ShapeMismatch {
            arg: "markers",
            expected: format!("{:?} (the input's shape)", input.shape()),
            found: markers.shape().to_vec(),
        }
        .into());
    }
    let shape = input.shape().to_vec();
    let iv = dyn_view(input);
    let mv = dyn_view(markers);
    let levels: Vec<u32> = c_order(&iv).iter().map(|v| v.level()).collect();
    let mut labels: Vec<i32> = c_order(&mv).iter().map(|m| m.to_i64() as i32).collect();
    ift(&levels, &mut labels, &shape, &st);
    let out = ArrayD::from_shape_vec(IxDyn(&shape), labels.into_iter().map(M::from_i32).collect())
        .unwrap_or_else(|_| unreachable!("shape matches by construction"));
    to_dim(out)
}

/// The IFT on C-ordered levels; `labels` holds the markers on entry and the result on exit.
fn ift(levels: &[u32], labels: &mut [i32], shape: &[usize], st: &ArrayD<bool>) {
    let size = levels.len();
    if size == 0 || shape.is_empty() {
        return;
    }
    let nd = shape.len();
    let maxval = levels.iter().copied().max().unwrap_or(0) as usize;
    let mut nodes = vec![Node { next: NIL, prev: NIL, cost: 0, done: false }; size];
    let mut first = vec![NIL; maxval + 2];
    let mut last = vec![NIL; maxval + 2];
    for (j, &lab) in labels.iter().enumerate() {
        if lab != 0 {
            nodes[j].cost = 0;
            if first[0] == NIL {
                first[0] = j;
                nodes[j].next = NIL;
                nodes[j].prev = NIL;
                last[0] = j;
            } else if lab > 0 {
                // Object markers go to the front, so they are processed first.
                nodes[j].next = first[0];
                nodes[j].prev = NIL;
                nodes[first[0]].prev = j;
                first[0] = j;
            } else {
                // Background markers go to the back.
                nodes[j].next = NIL;
                nodes[j].prev = last[0];
                nodes[last[0]].next = j;
                last[0] = j;
            }
        } else {
            nodes[j].cost = maxval as u32 + 1;
        }
    }
    // C-order strides and the linear offsets of the structure's neighbours.
    let mut strides = vec![1isize; nd];
    for d in (0..nd - 1).rev() {
        strides[d] = strides[d + 1] * shape[d + 1] as isize;
    }
    let st = st.as_standard_layout();
    let mut offsets = Vec::new();
    for (idx, &on) in st.indexed_iter() {
        if on {
            let off: isize = (0..nd).map(|d| (idx[d] as isize - 1) * strides[d]).sum();
            if off != 0 {
                offsets.push(off);
            }
        }
    }
    let dims: Vec<isize> = shape.iter().map(|&s| s as isize).collect();
    // Inside test on the linear index, with C's truncating division, as SciPy does.
    let inside = |p: isize| {
        let mut idx = p;
        for d in 0..nd {
            let cc = idx / strides[d];
            if cc < 0 || cc >= dims[d] {
                return false;
            }
            idx -= cc * strides[d];
        }
        true
    };
    for jj in 0..=maxval {
        while first[jj] != NIL {
            let v = first[jj];
            first[jj] = nodes[v].next;
            if first[jj] != NIL {
                let f = first[jj];
                nodes[f].prev = NIL;
            }
            nodes[v].prev = NIL;
            nodes[v].next = NIL;
            nodes[v].done = true;
            let vcost = nodes[v].cost;
            let vval = levels[v];
            for &off in &offsets {
                let pi = v as isize + off;
                if !inside(pi) {
                    continue;
                }
                let p = pi as usize;
                if nodes[p].done {
                    continue;
                }
                let wvp = levels[p].abs_diff(vval);
                let pcost = nodes[p].cost;
                let max = vcost.max(wvp);
                if max >= pcost {
                    continue;
                }
                nodes[p].cost = max;
                let label = labels[v];
                labels[p] = label;
                // Remove the neighbour from its queue (SciPy only does so when it has a
                // linked neighbour in that queue).
                let (prev, next) = (nodes[p].prev, nodes[p].next);
                if next != NIL || prev != NIL {
                    let pc = pcost as usize;
                    if first[pc] == p {
                        first[pc] = next;
                    }
                    if last[pc] == p {
                        last[pc] = prev;
                    }
                    if prev != NIL {
                        nodes[prev].next = next;
                    }
                    if next != NIL {
                        nodes[next].prev = prev;
                    }
                }
                let m = max as usize;
                if label < 0 {
                    nodes[p].prev = last[m];
                    nodes[p].next = NIL;
                    if last[m] != NIL {
                        let l = last[m];
                        nodes[l].next = p;
                    }
                    last[m] = p;
                    if first[m] == NIL {
                        first[m] = p;
                    }
                } else {
                    nodes[p].next = first[m];
                    nodes[p].prev = NIL;
                    if first[m] != NIL {
                        let f = first[m];
                        nodes[f].prev = p;
                    }
                    first[m] = p;
                    if last[m] == NIL {
                        last[m] = p;
                    }
                }
            }
        }
    }
}

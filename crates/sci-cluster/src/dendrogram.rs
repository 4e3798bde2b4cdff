//! The layout of `scipy.cluster.hierarchy.dendrogram`, without plotting.

use crate::error::{ClusterError, Result};
use crate::validate::nobs_checked;
use ndarray::{ArrayBase, Data, Ix2};

/// Which child of each merge is drawn first (SciPy's `count_sort` / `distance_sort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeafSort {
    /// The order of the linkage matrix (both `False`, the default).
    #[default]
    None,
    /// The child with fewer observations first (`count_sort='ascending'` or `True`).
    CountAscending,
    /// The child with more observations first (`count_sort='descending'`).
    CountDescending,
    /// The child with the smaller merge distance first (`distance_sort='ascending'` or `True`).
    DistanceAscending,
    /// The child with the larger merge distance first (`distance_sort='descending'`).
    DistanceDescending,
}

/// How the tree is cut short (SciPy's `truncate_mode` with `p`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Truncate {
    /// The whole tree (`truncate_mode=None`, the default).
    #[default]
    None,
    /// Only the last `p` merges (`'lastp'`; `p` of 0 or above `n` shows everything).
    LastP(usize),
    /// At most `p` levels below the root (`'level'`; `p = 0` shows everything).
    Level(usize),
}

/// Options of [`dendrogram`], SciPy's keyword arguments that affect the layout.
#[derive(Debug, Clone, PartialEq)]
pub struct DendrogramOptions {
    /// Links below this height get a colour of the palette per cluster; `None` is SciPy's
    /// default, 0.7 times the largest merge distance. 0 or less colours every link
    /// `above_threshold_color`.
    pub color_threshold: Option<f64>,
    /// The colour of the links at or above the threshold (`'C0'`).
    pub above_threshold_color: String,
    /// The colours of the clusters below the threshold, cycled (SciPy's default palette, set by
    /// `set_link_color_palette`: `'C1'` to `'C9'`).
    pub palette: Vec<String>,
    /// Child order.
    pub sort: LeafSort,
    /// Truncation.
    pub truncate: Truncate,
    /// Leaf labels, one per observation (default: the observation indices).
    pub labels: Option<Vec<String>>,
    /// Label a truncated subtree with its count in parentheses (`True`), otherwise with "".
    pub show_leaf_counts: bool,
}

impl Default for DendrogramOptions {
    fn default() -> Self {
        Self {
            color_threshold: None,
            above_threshold_color: "C0".into(),
            palette: (1..=9).map(|k| format!("C{k}")).collect(),
            sort: LeafSort::None,
            truncate: Truncate::None,
            labels: None,
            show_leaf_counts: true,
        }
    }
}

/// The computed layout of a dendrogram (SciPy's returned dictionary).
#[derive(Debug, Clone, PartialEq)]
pub struct Dendrogram {
    /// For each link (a ∩ shape), the independent coordinates of its four corners.
    pub icoord: Vec<[f64; 4]>,
    /// For each link, the heights of its four corners.
    pub dcoord: Vec<[f64; 4]>,
    /// The labels of the leaves, left to right.
    pub ivl: Vec<String>,
    /// The node ids of the leaves, left to right (observations, or merges standing for a
    /// truncated subtree).
    pub leaves: Vec<usize>,
    /// The colour of each link.
    pub color_list: Vec<String>,
    /// The colour of the link above each leaf (`None` where no link reaches down to it).
    pub leaves_color_list: Vec<Option<String>>,
}

struct Frame {
    i: usize,
    iv: f64,
    level: usize,
    stage: u8,
    ub: usize,
    a: (f64, f64, f64, f64),
    c: String,
}

/// The layout SciPy's `dendrogram` computes, without plotting: leaf order and labels, the
/// coordinates of every link and their colours.
///
/// Leaves sit at 5, 15, 25, ... on the independent axis; each merge is drawn as a link from
/// the centres of its two children up to its distance. Links below the colour threshold get
/// one palette colour per cluster, the others `above_threshold_color`.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix;
/// [`ClusterError::InvalidValue`] when `labels` does not have one label per observation
/// ("Dimensions of Z and labels must be consistent.") or the palette is empty.
///
/// # Examples
///
/// ```
/// use sci_cluster::{dendrogram, linkage, DendrogramOptions, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let d = dendrogram(&z, &DendrogramOptions::default())?;
/// assert_eq!(d.ivl, ["0", "1", "2", "3"]);
/// assert_eq!(d.icoord, [[5.0, 5.0, 15.0, 15.0], [25.0, 25.0, 35.0, 35.0], [10.0, 10.0, 30.0, 30.0]]);
/// assert_eq!(d.dcoord, [[0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0], [1.0, 9.0, 9.0, 1.0]]);
/// assert_eq!(d.color_list, ["C1", "C2", "C0"]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.dendrogram(Z, p, truncate_mode,
/// color_threshold, labels=labels, count_sort, distance_sort, show_leaf_counts, no_plot=True,
/// above_threshold_color)` (no `leaf_label_func`, `link_color_func` or `show_contracted`).
pub fn dendrogram<S: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    opts: &DendrogramOptions,
) -> Result<Dendrogram> {
    if let Some(l) = &opts.labels {
        if l.len() != z.nrows() + 1 {
            return Err(ClusterError::InvalidValue {
                arg: "labels",
                expected: "one label per observation",
                found: format!(
                    "Dimensions of Z and labels must be consistent. ({} labels, {} observations)",
                    l.len(),
                    z.nrows() + 1
                ),
            });
        }
    }
    if opts.palette.is_empty() {
        return Err(ClusterError::InvalidValue {
            arg: "palette",
            expected: "at least one colour",
            found: "an empty palette".into(),
        });
    }
    let n = nobs_checked(z)?;
    let threshold = opts.color_threshold.unwrap_or_else(|| {
        // NumPy's max propagates NaN.
        let mut m = f64::NEG_INFINITY;
        for &v in z.column(2) {
            if v.is_nan() {
                m = f64::NAN;
                break;
            }
            m = m.max(v);
        }
        m * 0.7
    });
    // SciPy's truncation parameters.
    let (lastp, level_p) = match opts.truncate {
        Truncate::None => (None, None),
        Truncate::LastP(p) => (Some(if p > n || p == 0 { n } else { p }), None),
        Truncate::Level(p) => (None, Some(if p == 0 { usize::MAX } else { p })),
    };
    let mut out = Dendrogram {
        icoord: Vec::new(),
        dcoord: Vec::new(),
        ivl: Vec::new(),
        leaves: Vec::new(),
        color_list: Vec::new(),
        leaves_color_list: Vec::new(),
    };
    let leaf = |out: &mut Dendrogram, i: usize| {
        out.leaves.push(i);
        out.ivl.push(match &opts.labels {
            Some(l) => l[i].clone(),
            None => i.to_string(),
        });
    };
    let contracted = |out: &mut Dendrogram, i: usize| {
        out.leaves.push(i);
        out.ivl.push(if opts.show_leaf_counts {
            format!("({})", z[[i - n, 3]] as i64)
        } else {
            String::new()
        });
    };
    let mut current_color = 0usize;
    let mut below = false;
    // The recursion of SciPy's _dendrogram_calculate_info with an explicit stack; `ret` is the
    // (centre, width, height, max distance) of the subtree just finished.
    let mut stack = vec![Frame {
        i: 2 * n - 2,
        iv: 0.0,
        level: 0,
        stage: 0,
        ub: 0,
        a: (0.0, 0.0, 0.0, 0.0),
        c: String::new(),
    }];
    let mut ret = (0.0, 0.0, 0.0, 0.0);
    while let Some(f) = stack.last_mut() {
        let (i, iv, level) = (f.i, f.iv, f.level);
        match f.stage {
            0 => {
                let as_leaf = if let Some(p) = lastp {
                    2 * n - p > i && i >= n
                } else if let Some(p) = level_p {
                    i > n && level > p
                } else {
                    false
                };
                if as_leaf {
                    contracted(&mut out, i);
                    ret = (iv + 5.0, 10.0, 0.0, z[[i - n, 2]]);
                    stack.pop();
                    continue;
                }
                if i < n {
                    leaf(&mut out, i);
                    ret = (iv + 5.0, 10.0, 0.0, 0.0);
                    stack.pop();
                    continue;
                }
                let (aa, ab) = (z[[i - n, 0]] as usize, z[[i - n, 1]] as usize);
                let (na, da) = if aa >= n { (z[[aa - n, 3]], z[[aa - n, 2]]) } else { (1.0, 0.0) };
                let (nb, db) = if ab >= n { (z[[ab - n, 3]], z[[ab - n, 2]]) } else { (1.0, 0.0) };
                let swap = match opts.sort {
                    LeafSort::None => false,
                    LeafSort::CountAscending => na > nb,
                    LeafSort::CountDescending => na.partial_cmp(&nb) != Some(std::cmp::Ordering::Greater),
                    LeafSort::DistanceAscending => da > db,
                    LeafSort::DistanceDescending => da.partial_cmp(&db) != Some(std::cmp::Ordering::Greater),
                };
                let (ua, ub) = if swap { (ab, aa) } else { (aa, ab) };
                f.ub = ub;
                f.stage = 1;
                stack.push(Frame {
                    i: ua,
                    iv,
                    level: level + 1,
                    stage: 0,
                    ub: 0,
                    a: (0.0, 0.0, 0.0, 0.0),
                    c: String::new(),
                });
            }
            1 => {
                f.a = ret;
                let h = z[[i - n, 2]];
                f.c = if h >= threshold || threshold <= 0.0 {
                    if below {
                        current_color = (current_color + 1) % opts.palette.len();
                    }
                    below = false;
                    opts.above_threshold_color.clone()
                } else {
                    below = true;
                    opts.palette[current_color].clone()
                };
                f.stage = 2;
                let (ub, next_iv) = (f.ub, iv + f.a.1);
                stack.push(Frame {
                    i: ub,
                    iv: next_iv,
                    level: level + 1,
                    stage: 0,
                    ub: 0,
                    a: (0.0, 0.0, 0.0, 0.0),
                    c: String::new(),
                });
            }
            _ => {
                let h = z[[i - n, 2]];
                let (uiva, uwa, uah, uamd) = f.a;
                let (uivb, uwb, ubh, ubmd) = ret;
                // Python's max(uamd, ubmd, h): the first of equal (or NaN-incomparable) values.
                let mut max_dist = uamd;
                if ubmd > max_dist {
                    max_dist = ubmd;
                }
                if h > max_dist {
                    max_dist = h;
                }
                out.icoord.push([uiva, uiva, uivb, uivb]);
                out.dcoord.push([uah, h, h, ubh]);
                out.color_list.push(std::mem::take(&mut f.c));
                ret = ((uiva + uivb) / 2.0, uwa + uwb, h, max_dist);
                stack.pop();
            }
        }
    }
    // The colour of the link that reaches down to each leaf position (x = 5, 15, ... at y = 0).
    out.leaves_color_list = vec![None; out.leaves.len()];
    for (xs, (ys, c)) in out.icoord.iter().zip(out.dcoord.iter().zip(&out.color_list)) {
        for (&x, &y) in xs.iter().zip(ys) {
            if y == 0.0 && x % 5.0 == 0.0 && x % 2.0 == 1.0 {
                let k = (x as usize - 5) / 10;
                if k < out.leaves_color_list.len() {
                    out.leaves_color_list[k] = Some(c.clone());
                }
            }
        }
    }
    Ok(out)
}

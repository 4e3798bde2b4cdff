//! `optimal_leaf_ordering`: Bar-Joseph, Gifford and Jaakkola's fast optimal leaf ordering.

use crate::error::{ClusterError, Result};
use crate::stats::{children, leaf_order};
use crate::validate::nobs_checked;
use ndarray::{Array2, ArrayBase, Data, Dimension, Ix1, Ix2};

/// SciPy's start value for the running minima (2^30): sums above it are never taken.
const BIG: f32 = 1_073_741_824.0;

fn condensed_of<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>) -> Result<Vec<f64>> {
    let v = y.view().into_dyn();
    match y.ndim() {
        1 => Ok(v.into_dimensionality::<Ix1>().expect("1-d").to_vec()),
        2 => {
            let x = v.into_dimensionality::<Ix2>().expect("2-d");
            let n = x.nrows();
            let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
            for i in 0..n {
                for j in i + 1..n {
                    let d2: f64 = x.row(i).iter().zip(x.row(j).iter()).map(|(a, b)| (a - b) * (a - b)).sum();
                    out.push(d2.sqrt());
                }
            }
            Ok(out)
        }
        d => Err(ClusterError::InvalidValue {
            arg: "y",
            expected: "1 or 2 dimensional",
            found: format!("{d} dimensions"),
        }),
    }
}

/// The linkage `z` with the children of its merges swapped so that the sum of distances
/// between neighbouring leaves is smallest (the tree and its distances are unchanged).
///
/// `y` is the condensed distance vector the linkage was built from (1-d), or the observation
/// matrix (2-d, Euclidean distances). The dynamic programme follows SciPy's, including its
/// single-precision sums and its cap of 2^30 on them, so the chosen ordering is SciPy's.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix;
/// [`ClusterError::InvalidValue`] when `y` is not a condensed distance vector of the same
/// number of observations (SciPy fails with an index error or uses part of `y`) or is neither
/// 1-d nor 2-d; [`ClusterError::NotFinite`] for NaN or infinite distances.
///
/// # Examples
///
/// ```
/// use sci_cluster::{leaves_list, linkage, optimal_leaf_ordering, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let x = array![[0.0], [10.0], [1.0], [11.0], [5.0]];
/// let z = linkage(&array![10.0, 1.0, 11.0, 5.0, 9.0, 1.0, 5.0, 10.0, 4.0, 6.0], Method::Average)?;
/// let zo = optimal_leaf_ordering(&z, &x)?;
/// assert_eq!(leaves_list(&z)?, array![1, 3, 4, 0, 2]);
/// assert_eq!(leaves_list(&zo)?, array![3, 1, 4, 2, 0]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.optimal_leaf_ordering(Z, y)` (Euclidean metric
/// for observations).
pub fn optimal_leaf_ordering<S: Data<Elem = f64>, T: Data<Elem = f64>, D: Dimension>(
    z: &ArrayBase<S, Ix2>,
    y: &ArrayBase<T, D>,
) -> Result<Array2<f64>> {
    let n = nobs_checked(z)?;
    let yv = condensed_of(y)?;
    let m = crate::validate::num_obs_y(&ndarray::ArrayView1::from(&yv[..]), "y")?;
    if m != n {
        return Err(ClusterError::InvalidValue {
            arg: "y",
            expected: "distances between as many observations as the linkage has",
            found: format!("{m} observations for a linkage of {n}"),
        });
    }
    if !yv.iter().all(|v| v.is_finite()) {
        return Err(ClusterError::NotFinite { arg: "condensed distance matrix" });
    }
    let ch = children(z);
    let (leaves, _) = leaf_order(&ch, n);
    let mut pos = vec![0usize; n];
    for (p, &leaf) in leaves.iter().enumerate() {
        pos[leaf] = p;
    }
    // The linkage over leaf positions, the distances in leaf order, and each cluster's range
    // of positions.
    let sz: Vec<[usize; 2]> =
        ch.iter().map(|&[a, b]| [if a < n { pos[a] } else { a }, if b < n { pos[b] } else { b }]).collect();
    let cidx = |i: usize, j: usize| {
        let (i, j) = if i < j { (i, j) } else { (j, i) };
        n * i - i * (i + 1) / 2 + j - i - 1
    };
    let mut dist = vec![0.0f64; n * n];
    for a in 0..n {
        for b in 0..n {
            if a != b {
                dist[a * n + b] = yv[cidx(leaves[a], leaves[b])];
            }
        }
    }
    let mut range = vec![(0usize, 0usize); 2 * n - 1];
    for (p, r) in range.iter_mut().enumerate().take(n) {
        *r = (p, p + 1);
    }
    for (i, &[l, r]) in sz.iter().enumerate() {
        range[n + i] = (range[l].0, range[r].1);
    }
    let must_swap = identify_swaps(&sz, &dist, &range, n);
    // A merge is mirrored once for itself and once for each mirrored ancestor.
    let mut flips = vec![false; n - 1];
    for i in (0..n - 1).rev() {
        let f = flips[i] ^ must_swap[i];
        flips[i] = f;
        for c in ch[i] {
            if c >= n {
                flips[c - n] ^= f;
            }
        }
    }
    let mut out = z.to_owned();
    for (i, &f) in flips.iter().enumerate() {
        if f {
            out[[i, 0]] = z[[i, 1]];
            out[[i, 1]] = z[[i, 0]];
        }
    }
    Ok(out)
}

/// The dynamic programme: for every merge and every pair (u, w) of an outermost left leaf u
/// and outermost right leaf w, the smallest sum `M[u, w]` of neighbour distances, and for the
/// best pair of each merge whether its children must be mirrored.
fn identify_swaps(sz: &[[usize; 2]], dist: &[f64], range: &[(usize, usize)], n: usize) -> Vec<bool> {
    let mut mm = vec![0.0f32; n * n];
    let mut status = vec![[false; 2]; n * n];
    let mut must_swap = vec![false; n - 1];
    let mut m_idx: Vec<usize> = Vec::new();
    let mut k_idx: Vec<usize> = Vec::new();
    for &[v_l, v_r] in sz {
        // Outer leaves u (with m the inner side) of the left child, either way round; likewise
        // w (with k) of the right child.
        let lu: Vec<(usize, usize)> = if v_l < n {
            vec![(v_l, v_l)]
        } else {
            let [a, b] = sz[v_l - n];
            vec![(a, b), (b, a)]
        };
        let rw: Vec<(usize, usize)> = if v_r < n {
            vec![(v_r, v_r)]
        } else {
            let [a, b] = sz[v_r - n];
            vec![(b, a), (a, b)]
        };
        for (swap_l, &(uc, mc)) in lu.iter().enumerate() {
            for (swap_r, &(wc, kc)) in rw.iter().enumerate() {
                let (u0, u1) = range[uc];
                let (m0, m1) = range[mc];
                let (w0, w1) = range[wc];
                let (k0, k1) = range[kc];
                let mut min_km = BIG;
                for a in m0..m1 {
                    for b in k0..k1 {
                        if dist[a * n + b] < f64::from(min_km) {
                            min_km = dist[a * n + b] as f32;
                        }
                    }
                }
                for u in u0..u1 {
                    m_idx.clear();
                    m_idx.extend(m0..m1);
                    m_idx.sort_by(|&a, &b| mm[a * n + u].total_cmp(&mm[b * n + u]));
                    for w in w0..w1 {
                        k_idx.clear();
                        k_idx.extend(k0..k1);
                        k_idx.sort_by(|&a, &b| mm[a * n + w].total_cmp(&mm[b * n + w]));
                        let mut cur = BIG;
                        for &m in &m_idx {
                            let mum = mm[u * n + m];
                            if mum + mm[w * n + k_idx[0]] + min_km >= cur {
                                break;
                            }
                            for &k in &k_idx {
                                let mwk = mm[w * n + k];
                                if mum + mwk + min_km >= cur {
                                    break;
                                }
                                // Single-precision sum of the two M's, then the double distance,
                                // rounded back to single precision, as SciPy's Cython.
                                let current = (f64::from(mum + mwk) + dist[m * n + k]) as f32;
                                if current < cur {
                                    cur = current;
                                }
                            }
                        }
                        mm[u * n + w] = cur;
                        mm[w * n + u] = cur;
                        status[u * n + w] = [swap_l == 1, swap_r == 1];
                        status[w * n + u] = [swap_l == 1, swap_r == 1];
                    }
                }
            }
        }
        let (mut best, mut cur) = ((0, 0), BIG);
        for u in range[v_l].0..range[v_l].1 {
            for w in range[v_r].0..range[v_r].1 {
                if mm[u * n + w] < cur {
                    cur = mm[u * n + w];
                    best = (u, w);
                }
            }
        }
        let st = status[best.0 * n + best.1];
        if v_l >= n {
            must_swap[v_l - n] = st[0];
        }
        if v_r >= n {
            must_swap[v_r - n] = st[1];
        }
    }
    must_swap
}

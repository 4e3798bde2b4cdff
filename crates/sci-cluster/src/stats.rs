//! Statistics of a linkage: `cophenet`, `inconsistent`, `maxdists`, `maxinconsts`,
//! `maxRstat`, `leaders`, `leaves_list` and `is_isomorphic`.

use crate::error::{ClusterError, Result};
use crate::validate::{check_im, nobs_checked, num_obs_y};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

/// The two children of every merge of a checked linkage matrix.
pub(crate) fn children<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Vec<[usize; 2]> {
    z.rows().into_iter().map(|r| [r[0] as usize, r[1] as usize]).collect()
}

/// The merges (row indices) in post-order: left subtree, right subtree, then the node.
pub(crate) fn post_order(ch: &[[usize; 2]], n: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(n - 1);
    let mut stack = vec![(n - 2, false)];
    while let Some((row, expanded)) = stack.pop() {
        if expanded {
            out.push(row);
            continue;
        }
        stack.push((row, true));
        for c in [ch[row][1], ch[row][0]] {
            if c >= n {
                stack.push((c - n, false));
            }
        }
    }
    out
}

/// The leaves in pre-order (left child first), and where each merge's leaves start in it.
pub(crate) fn leaf_order(ch: &[[usize; 2]], n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut leaves = Vec::with_capacity(n);
    let mut start = vec![0; n - 1];
    let mut stack = vec![2 * n - 2];
    while let Some(node) = stack.pop() {
        if node < n {
            leaves.push(node);
        } else {
            start[node - n] = leaves.len();
            stack.push(ch[node - n][1]);
            stack.push(ch[node - n][0]);
        }
    }
    (leaves, start)
}

/// The number of observations under each merge (from the tree, not from `Z[:, 3]`).
pub(crate) fn subtree_sizes(ch: &[[usize; 2]], n: usize) -> Vec<usize> {
    let mut size = vec![0; n - 1];
    for row in post_order(ch, n) {
        size[row] = ch[row].iter().map(|&c| if c < n { 1 } else { size[c - n] }).sum();
    }
    size
}

fn cidx(n: usize, i: usize, j: usize) -> usize {
    let (i, j) = if i < j { (i, j) } else { (j, i) };
    n * i - i * (i + 1) / 2 + j - i - 1
}

/// The cophenetic distances of a linkage: for each pair of observations, the distance of the
/// merge that first puts them in one cluster, as a condensed vector of length `n(n-1)/2`.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix
/// ([`check_linkage`](crate::check_linkage)).
///
/// # Examples
///
/// ```
/// use sci_cluster::{cophenet, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// // Points at 0, 1 and 3: 0 and 1 merge at 1, then 2 joins at 2.
/// let z = linkage(&array![1.0, 3.0, 2.0], Method::Single)?;
/// assert_eq!(cophenet(&z)?, array![1.0, 2.0, 2.0]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.cophenet(Z)` (see [`cophenet_correlation`] for
/// `cophenet(Z, Y)`).
pub fn cophenet<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
    let n = nobs_checked(z)?;
    let ch = children(z);
    let (leaves, start) = leaf_order(&ch, n);
    let sizes = subtree_sizes(&ch, n);
    let size = |c: usize| if c < n { 1 } else { sizes[c - n] };
    let mut out = Array1::zeros(n * (n - 1) / 2);
    for row in 0..n - 1 {
        let a = start[row];
        let nl = size(ch[row][0]);
        let nr = size(ch[row][1]);
        let d = z[[row, 2]];
        for &p in &leaves[a..a + nl] {
            for &q in &leaves[a + nl..a + nl + nr] {
                out[cidx(n, p, q)] = d;
            }
        }
    }
    Ok(out)
}

/// NumPy's pairwise summation (blocks of 8 accumulators below 128 elements), so that sums and
/// means match `np.sum` and `np.mean` to the last bit.
fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut s = 0.0;
        for &v in a {
            s += v;
        }
        s
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i + 8 <= n {
            for k in 0..8 {
                r[k] += a[i + k];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res += a[i];
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&a[..n2]) + pairwise_sum(&a[n2..])
    }
}

/// The cophenetic correlation coefficient of a linkage with the distances `y` it was built
/// from, and the cophenetic distances ([`cophenet`]).
///
/// The coefficient is Pearson's correlation of `y` with the cophenetic distances (NaN when
/// either is constant, as in SciPy).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix,
/// [`ClusterError::InvalidValue`] when `y` is not a condensed distance vector or describes a
/// different number of observations than `z`.
///
/// # Examples
///
/// ```
/// use sci_cluster::{cophenet_correlation, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let y = array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0];
/// let z = linkage(&y, Method::Average)?;
/// let (c, d) = cophenet_correlation(&z, &y)?;
/// assert_eq!(d, array![1.0, 10.0, 10.0, 10.0, 10.0, 1.0]);
/// assert!((c - 0.9908673886137245).abs() < 1e-15);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.cophenet(Z, Y)`.
pub fn cophenet_correlation<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    y: &ArrayBase<T, Ix1>,
) -> Result<(f64, Array1<f64>)> {
    let zz = cophenet(z)?;
    num_obs_y(y, "Y")?;
    if y.len() != zz.len() {
        return Err(ClusterError::InvalidValue {
            arg: "Y",
            expected: "as many distances as the linkage has pairs of observations",
            found: format!("{} distances for {} pairs", y.len(), zz.len()),
        });
    }
    let yv = y.to_vec();
    let zv = zz.to_vec();
    let m = yv.len() as f64;
    let ym = pairwise_sum(&yv) / m;
    let zm = pairwise_sum(&zv) / m;
    let yy: Vec<f64> = yv.iter().map(|v| v - ym).collect();
    let zc: Vec<f64> = zv.iter().map(|v| v - zm).collect();
    let num: Vec<f64> = yy.iter().zip(&zc).map(|(a, b)| a * b).collect();
    let da: Vec<f64> = yy.iter().map(|a| a * a).collect();
    let db: Vec<f64> = zc.iter().map(|b| b * b).collect();
    let c = pairwise_sum(&num) / (pairwise_sum(&da) * pairwise_sum(&db)).sqrt();
    Ok((c, zz))
}

/// The inconsistency statistics of every merge, over the merges at most `d` levels deep below
/// it (the merge itself is level 1; SciPy's default `d` is 2).
///
/// Row `i` holds the mean and the (sample) standard deviation of the merge distances
/// considered, their number, and the inconsistency coefficient
/// `(Z[i, 2] - mean) / std` (0 where the standard deviation is 0).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix.
///
/// # Examples
///
/// ```
/// use sci_cluster::{inconsistent, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let r = inconsistent(&z, 2)?;
/// assert_eq!(r.row(0).to_vec(), vec![1.0, 0.0, 1.0, 0.0]);
/// // The root at 9 over the two merges at 1: mean of [1, 1, 9] is 11/3.
/// assert!((r[[2, 0]] - 11.0 / 3.0).abs() < 1e-15);
/// assert!((r[[2, 3]] - 1.1547005383792517).abs() < 1e-15);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.inconsistent(Z, d)`.
pub fn inconsistent<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>, d: usize) -> Result<Array2<f64>> {
    let n = nobs_checked(z)?;
    let ch = children(z);
    let mut r = Array2::zeros((n - 1, 4));
    let mut stack: Vec<(usize, u8)> = Vec::new();
    for i in 0..n - 1 {
        let (mut count, mut sum, mut sq) = (0usize, 0.0f64, 0.0f64);
        // (row, state): state 0 = try left, 1 = try right, 2 = count it. The depth of a
        // stack entry is its position.
        stack.clear();
        stack.push((i, 0));
        while let Some(&(row, state)) = stack.last() {
            let k = stack.len() - 1;
            if (k + 1) < d && state < 2 {
                let last = stack.len() - 1;
                stack[last].1 += 1;
                let c = ch[row][state as usize];
                if c >= n {
                    stack.push((c - n, 0));
                }
                continue;
            }
            let dist = z[[row, 2]];
            count += 1;
            sum += dist;
            sq += dist * dist;
            stack.pop();
        }
        let cnt = count as f64;
        r[[i, 0]] = sum / cnt;
        r[[i, 2]] = cnt;
        let var = if count < 2 { (sq - sum * sum) / cnt } else { (sq - sum * sum / cnt) / (cnt - 1.0) };
        if var > 0.0 {
            let sd = var.sqrt();
            r[[i, 1]] = sd;
            r[[i, 3]] = (z[[i, 2]] - r[[i, 0]]) / sd;
        }
    }
    Ok(r)
}

/// For every merge, the largest value of `value(row)` over it and the merges below it.
fn max_below(ch: &[[usize; 2]], n: usize, value: impl Fn(usize) -> f64) -> Array1<f64> {
    let mut out = Array1::zeros(n - 1);
    for row in post_order(ch, n) {
        let mut m = value(row);
        for c in ch[row] {
            if c >= n && out[c - n] > m {
                m = out[c - n];
            }
        }
        out[row] = m;
    }
    out
}

/// The largest merge distance in each merge's subtree (itself included).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix.
///
/// # Examples
///
/// ```
/// use sci_cluster::maxdists;
/// use sci_cluster::sci_array::ndarray::array;
/// // A centroid-style inversion: the root merges below its child.
/// let z = array![[0.0, 1.0, 2.0, 2.0], [2.0, 3.0, 1.5, 3.0]];
/// assert_eq!(maxdists(&z)?, array![2.0, 2.0]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.maxdists(Z)`.
pub fn maxdists<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
    let n = nobs_checked(z)?;
    Ok(max_below(&children(z), n, |row| z[[row, 2]]))
}

fn check_r<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    r: &ArrayBase<T, Ix2>,
) -> Result<usize> {
    let n = nobs_checked(z)?;
    check_im(r, Some("R"))?;
    if z.nrows() != r.nrows() {
        return Err(ClusterError::InvalidValue {
            arg: "R",
            expected: "as many rows as Z",
            found: format!(
                "The inconsistency matrix and linkage matrix each have a different number of rows \
                 ({} and {})",
                r.nrows(),
                z.nrows()
            ),
        });
    }
    Ok(n)
}

/// The largest inconsistency coefficient (`R[:, 3]`) in each merge's subtree.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`], [`ClusterError::InvalidInconsistency`] for invalid
/// matrices, [`ClusterError::InvalidValue`] when `z` and `r` have different numbers of rows.
///
/// # Examples
///
/// ```
/// use sci_cluster::{inconsistent, linkage, maxinconsts, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let r = inconsistent(&z, 2)?;
/// let m = maxinconsts(&z, &r)?;
/// assert_eq!(m[0], 0.0);
/// assert!((m[2] - 1.1547005383792517).abs() < 1e-15);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.maxinconsts(Z, R)`.
pub fn maxinconsts<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    r: &ArrayBase<T, Ix2>,
) -> Result<Array1<f64>> {
    max_r_stat(z, r, 3)
}

/// The largest value of column `i` of the inconsistency matrix in each merge's subtree.
///
/// # Errors
///
/// As [`maxinconsts`]; also [`ClusterError::InvalidValue`] for `i > 3`.
///
/// # Examples
///
/// ```
/// use sci_cluster::{inconsistent, linkage, max_r_stat, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let r = inconsistent(&z, 2)?;
/// assert_eq!(max_r_stat(&z, &r, 2)?, array![1.0, 1.0, 3.0]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.maxRstat(Z, R, i)`.
pub fn max_r_stat<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    r: &ArrayBase<T, Ix2>,
    i: usize,
) -> Result<Array1<f64>> {
    let n = check_r(z, r)?;
    if i > 3 {
        return Err(ClusterError::InvalidValue {
            arg: "i",
            expected: "an integer between 0 and 3 inclusive",
            found: i.to_string(),
        });
    }
    Ok(max_below(&children(z), n, |row| r[[row, i]]))
}

/// The observations in the order of the dendrogram's leaves: a pre-order walk from the root,
/// left child first.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix.
///
/// # Examples
///
/// ```
/// use sci_cluster::{leaves_list, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// assert_eq!(leaves_list(&z)?, array![0, 1, 2, 3]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.leaves_list(Z)`.
pub fn leaves_list<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<Array1<usize>> {
    let n = nobs_checked(z)?;
    Ok(Array1::from(leaf_order(&children(z), n).0))
}

/// The root node of each flat cluster of an assignment `t` (as [`fcluster`](crate::fcluster)
/// returns): `(L, M)` where node `L[j]` of the linkage is the leader of flat cluster `M[j]`.
///
/// Leaders are listed in post-order of the tree. Both arrays have one entry per distinct value
/// of `t`; entries not filled (possible for an assignment that is not a flat clustering of this
/// tree but passes SciPy's test) stay 0, as in SciPy.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix;
/// [`ClusterError::InvalidValue`] when `t` does not have one label per observation ("Mismatch:
/// len(T)!=Z.shape[0] + 1.") or is not a flat clustering of the tree ("T is not a valid
/// assignment vector. Error found when examining linkage node {s} (< 2n-1).").
///
/// # Examples
///
/// ```
/// use sci_cluster::{fcluster, leaders, linkage, Criterion, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let t = fcluster(&z, Criterion::MaxClust(2))?;
/// assert_eq!(t, array![1, 1, 2, 2]);
/// let (l, m) = leaders(&z, &t)?;
/// assert_eq!((l, m), (array![4, 5], array![1, 2]));
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.leaders(Z, T)`.
pub fn leaders<S: Data<Elem = f64>, T: Data<Elem = i32>>(
    z: &ArrayBase<S, Ix2>,
    t: &ArrayBase<T, Ix1>,
) -> Result<(Array1<i32>, Array1<i32>)> {
    let n = nobs_checked(z)?;
    if t.len() != n {
        return Err(ClusterError::InvalidValue {
            arg: "T",
            expected: "one label per observation",
            found: format!("Mismatch: len(T)!=Z.shape[0] + 1. ({} labels, {} observations)", t.len(), n),
        });
    }
    let mut distinct: Vec<i32> = t.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let nc = distinct.len();
    let ch = children(z);
    let mut ids = vec![-1i32; 2 * n - 1];
    for (k, &v) in t.iter().enumerate() {
        ids[k] = v;
    }
    let mut l = Array1::zeros(nc);
    let mut m = Array1::zeros(nc);
    let mut found = 0;
    let bad = |node: usize| ClusterError::InvalidValue {
        arg: "T",
        expected: "a flat clustering of the linkage",
        found: format!(
            "T is not a valid assignment vector. Error found when examining linkage node {node} (< 2n-1)."
        ),
    };
    for row in post_order(&ch, n) {
        let [a, b] = ch[row];
        let (ca, cb) = (ids[a], ids[b]);
        if ca == cb {
            ids[row + n] = ca;
            continue;
        }
        for (node, cid) in [(a, ca), (b, cb)] {
            if cid != -1 {
                if found >= nc {
                    return Err(bad(row + n));
                }
                l[found] = node as i32;
                m[found] = cid;
                found += 1;
            }
        }
        ids[row + n] = -1;
    }
    let [a, b] = ch[n - 2];
    if ids[a] == ids[b] && ids[a] != -1 {
        if found >= nc {
            return Err(bad(2 * n - 2));
        }
        l[found] = (2 * n - 2) as i32;
        m[found] = ids[a];
    }
    Ok((l, m))
}

/// Whether two flat cluster assignments are the same partition up to the names of the
/// clusters, by SciPy's test.
///
/// SciPy sorts `t1`, reorders `t2` alike, and compares where consecutive labels change
/// (cyclically) in each; this is the same test, with the same answers (it can call two
/// different partitions isomorphic when a label of `t2` repeats in clusters of `t1` that are
/// not neighbours in sorted order, e.g. `[1, 2, 3, 4]` and `[1, 2, 1, 2]`).
///
/// # Errors
///
/// [`ClusterError::InvalidValue`] when the lengths differ ("T1 and T2 must have the same
/// number of elements.").
///
/// # Examples
///
/// ```
/// use sci_cluster::is_isomorphic;
/// use sci_cluster::sci_array::ndarray::array;
/// assert!(is_isomorphic(&array![1, 1, 2, 3], &array![7, 7, 1, 4])?);
/// assert!(!is_isomorphic(&array![1, 1, 2, 3], &array![7, 1, 1, 4])?);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_isomorphic(T1, T2)`.
pub fn is_isomorphic<A, B, S, T>(t1: &ArrayBase<S, Ix1>, t2: &ArrayBase<T, Ix1>) -> Result<bool>
where
    A: Ord + Copy,
    B: PartialEq + Copy,
    S: Data<Elem = A>,
    T: Data<Elem = B>,
{
    if t1.len() != t2.len() {
        return Err(ClusterError::InvalidValue {
            arg: "T2",
            expected: "as many elements as T1",
            found: format!(
                "T1 and T2 must have the same number of elements. ({} and {})",
                t1.len(),
                t2.len()
            ),
        });
    }
    let len = t1.len();
    let mut idx: Vec<usize> = (0..len).collect();
    idx.sort_by_key(|&i| t1[i]);
    Ok((0..len).all(|k| {
        let (i, j) = (idx[k], idx[(k + 1) % len]);
        (t1[i] != t1[j]) == (t2[i] != t2[j])
    }))
}

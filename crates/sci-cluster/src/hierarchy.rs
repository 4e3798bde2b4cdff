//! Agglomerative clustering: `scipy.cluster.hierarchy`'s `linkage` and `fcluster`.

use crate::error::{ClusterError, Result};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

/// The linkage method (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Nearest point (the default); a minimum spanning tree.
    #[default]
    Single,
    /// Farthest point.
    Complete,
    /// UPGMA: mean distance.
    Average,
    /// WPGMA.
    Weighted,
    /// Ward's minimum variance (Euclidean distances).
    Ward,
    /// UPGMC: distance between centroids (Euclidean distances).
    Centroid,
    /// WPGMC (Euclidean distances).
    Median,
}

/// Index of the pair (i, j), i != j, in a condensed distance vector over n points.
fn cidx(n: usize, i: usize, j: usize) -> usize {
    let (i, j) = if i < j { (i, j) } else { (j, i) };
    n * i - i * (i + 1) / 2 + j - i - 1
}

/// Lance-Williams update: the distance from cluster i to the merger of x and y.
fn new_dist(method: Method, d_xi: f64, d_yi: f64, d_xy: f64, nx: f64, ny: f64, ni: f64) -> f64 {
    match method {
        Method::Single => d_xi.min(d_yi),
        Method::Complete => d_xi.max(d_yi),
        Method::Average => (nx * d_xi + ny * d_yi) / (nx + ny),
        Method::Weighted => 0.5 * (d_xi + d_yi),
        Method::Ward => {
            let t = 1.0 / (nx + ny + ni);
            ((ni + nx) * t * d_xi * d_xi + (ni + ny) * t * d_yi * d_yi - ni * t * d_xy * d_xy).sqrt()
        }
        Method::Centroid => (((nx * d_xi * d_xi) + (ny * d_yi * d_yi) - (nx * ny * d_xy * d_xy) / (nx + ny))
            / (nx + ny))
            .sqrt(),
        Method::Median => (0.5 * (d_xi * d_xi + d_yi * d_yi) - 0.25 * d_xy * d_xy).sqrt(),
    }
}

/// SciPy's union-find relabelling: rows refer to representative points; give each merge the
/// index `n + k` of the cluster it forms, smaller root first, and the cluster sizes.
fn label(z: &mut [[f64; 4]], n: usize) {
    let mut parent: Vec<usize> = (0..2 * n - 1).collect();
    let mut size = vec![1.0; 2 * n - 1];
    let mut next = n;
    let find = |parent: &mut Vec<usize>, mut x: usize| {
        let mut root = x;
        while parent[root] != root {
            root = parent[root];
        }
        while parent[x] != root {
            let p = parent[x];
            parent[x] = root;
            x = p;
        }
        root
    };
    for row in z.iter_mut() {
        let (x, y) = (row[0] as usize, row[1] as usize);
        let (xr, yr) = (find(&mut parent, x), find(&mut parent, y));
        let (a, b) = if xr < yr { (xr, yr) } else { (yr, xr) };
        row[0] = a as f64;
        row[1] = b as f64;
        parent[a] = next;
        parent[b] = next;
        size[next] = size[a] + size[b];
        row[3] = size[next];
        next += 1;
    }
}

/// Stable sort of the rows by merge distance, as `np.argsort(kind='mergesort')`.
fn sort_rows(z: &mut [[f64; 4]]) {
    z.sort_by(|a, b| a[2].total_cmp(&b[2]));
}

fn mst_single(d: &[f64], n: usize) -> Vec<[f64; 4]> {
    let mut z = Vec::with_capacity(n - 1);
    let mut dist = vec![f64::INFINITY; n];
    let mut merged = vec![false; n];
    let mut x = 0;
    for _ in 0..n - 1 {
        let mut current = f64::INFINITY;
        let mut y = x;
        merged[x] = true;
        for i in 0..n {
            if merged[i] {
                continue;
            }
            let dd = d[cidx(n, x, i)];
            if dist[i] > dd {
                dist[i] = dd;
            }
            if dist[i] < current {
                y = i;
                current = dist[i];
            }
        }
        z.push([x as f64, y as f64, current, 0.0]);
        x = y;
    }
    z
}

/// The nearest-neighbour chain algorithm for reducible methods (complete, average, weighted,
/// ward), with SciPy's tie-breaking (prefer the previous chain element).
fn nn_chain(d: &mut [f64], n: usize, method: Method) -> Vec<[f64; 4]> {
    let mut z = Vec::with_capacity(n - 1);
    let mut size = vec![1usize; n];
    let mut chain: Vec<usize> = Vec::with_capacity(n);
    for _ in 0..n - 1 {
        if chain.is_empty() {
            chain.push((0..n).find(|&i| size[i] > 0).expect("an active cluster remains"));
        }
        let (x, y, current) = loop {
            let x = chain[chain.len() - 1];
            let (mut y, mut current) = if chain.len() > 1 {
                let y = chain[chain.len() - 2];
                (y, d[cidx(n, x, y)])
            } else {
                (x, f64::INFINITY)
            };
            for i in 0..n {
                if size[i] == 0 || i == x {
                    continue;
                }
                let dist = d[cidx(n, x, i)];
                if dist < current {
                    current = dist;
                    y = i;
                }
            }
            if chain.len() > 1 && y == chain[chain.len() - 2] {
                break (x, y, current);
            }
            chain.push(y);
        };
        chain.truncate(chain.len() - 2);
        let (x, y) = if x > y { (y, x) } else { (x, y) };
        let (nx, ny) = (size[x], size[y]);
        z.push([x as f64, y as f64, current, (nx + ny) as f64]);
        size[x] = 0;
        size[y] = nx + ny;
        for i in 0..n {
            let ni = size[i];
            if ni == 0 || i == y {
                continue;
            }
            let v = new_dist(
                method,
                d[cidx(n, i, x)],
                d[cidx(n, i, y)],
                current,
                nx as f64,
                ny as f64,
                ni as f64,
            );
            d[cidx(n, i, y)] = v;
        }
    }
    z
}

/// A binary min-heap over the keys `0..n` with changeable values, as SciPy's `Heap`
/// (the same sift rules, so ties resolve the same way).
struct Heap {
    index_by_key: Vec<usize>,
    key_by_index: Vec<usize>,
    values: Vec<f64>,
    size: usize,
}

impl Heap {
    fn new(values: &[f64]) -> Self {
        let size = values.len();
        let mut h = Self {
            index_by_key: (0..size).collect(),
            key_by_index: (0..size).collect(),
            values: values.to_vec(),
            size,
        };
        for i in (0..size / 2).rev() {
            h.sift_down(i);
        }
        h
    }

    fn get_min(&self) -> (usize, f64) {
        (self.key_by_index[0], self.values[0])
    }

    fn remove_min(&mut self) {
        self.swap(0, self.size - 1);
        self.size -= 1;
        self.sift_down(0);
    }

    fn change_value(&mut self, key: usize, value: f64) {
        let index = self.index_by_key[key];
        let old = self.values[index];
        self.values[index] = value;
        if value < old {
            self.sift_up(index);
        } else {
            self.sift_down(index);
        }
    }

    fn sift_up(&mut self, mut index: usize) {
        while index > 0 {
            let parent = (index - 1) >> 1;
            if self.values[parent] > self.values[index] {
                self.swap(index, parent);
                index = parent;
            } else {
                break;
            }
        }
    }

    fn sift_down(&mut self, mut index: usize) {
        let mut child = 2 * index + 1;
        while child < self.size {
            if child + 1 < self.size && self.values[child + 1] < self.values[child] {
                child += 1;
            }
            if self.values[index] > self.values[child] {
                self.swap(index, child);
                index = child;
                child = 2 * index + 1;
            } else {
                break;
            }
        }
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.values.swap(i, j);
        self.key_by_index.swap(i, j);
        self.index_by_key[self.key_by_index[i]] = i;
        self.index_by_key[self.key_by_index[j]] = j;
    }
}

/// The nearest active cluster with a larger index than x, and its distance.
fn find_min_dist(n: usize, d: &[f64], size: &[usize], x: usize) -> (Option<usize>, f64) {
    let mut current = f64::INFINITY;
    let mut y = None;
    for i in x + 1..n {
        if size[i] == 0 {
            continue;
        }
        let dist = d[cidx(n, x, i)];
        if dist < current {
            current = dist;
            y = Some(i);
        }
    }
    (y, current)
}

/// Mullner's generic algorithm for methods that are not reducible (centroid, median), as
/// SciPy's `fast_linkage`: nearest-neighbour candidates with lower bounds in a heap. Rows carry
/// the cluster ids directly, in merge order (no sorting: merge distances may decrease).
fn generic(d: &mut [f64], n: usize, method: Method) -> Result<Vec<[f64; 4]>> {
    let mut z = Vec::with_capacity(n - 1);
    let mut size = vec![1usize; n];
    let mut cluster_id: Vec<usize> = (0..n).collect();
    let mut neighbor: Vec<Option<usize>> = vec![None; n - 1];
    let mut min_dist = vec![0.0; n - 1];
    for x in 0..n - 1 {
        let (y, dist) = find_min_dist(n, d, &size, x);
        neighbor[x] = y;
        min_dist[x] = dist;
    }
    let mut heap = Heap::new(&min_dist);
    for k in 0..n - 1 {
        let (mut x, mut dist) = heap.get_min();
        let mut y = neighbor[x];
        for _ in 0..n - k {
            let (hx, hd) = heap.get_min();
            x = hx;
            dist = hd;
            y = neighbor[x];
            if let Some(yy) = y {
                if dist == d[cidx(n, x, yy)] {
                    break;
                }
            }
            let (ny_, nd) = find_min_dist(n, d, &size, x);
            y = ny_;
            dist = nd;
            neighbor[x] = y;
            min_dist[x] = dist;
            heap.change_value(x, dist);
        }
        heap.remove_min();
        // Only distances that overflowed to infinity or NaN in the updates leave a cluster
        // with no neighbour closer than infinity.
        let Some(y) = y else {
            return Err(ClusterError::InvalidValue {
                arg: "y",
                expected: "distances whose centroid/median updates stay finite",
                found: "no neighbours closer than inf (SciPy: find_min_dist cannot find any \
                        neighbors closer than inf away)"
                    .into(),
            });
        };
        let (mut id_x, mut id_y) = (cluster_id[x], cluster_id[y]);
        let (nx, ny) = (size[x], size[y]);
        if id_x > id_y {
            std::mem::swap(&mut id_x, &mut id_y);
        }
        z.push([id_x as f64, id_y as f64, dist, (nx + ny) as f64]);
        size[x] = 0;
        size[y] = nx + ny;
        cluster_id[y] = n + k;
        for zz in 0..n {
            let nz = size[zz];
            if nz == 0 || zz == y {
                continue;
            }
            d[cidx(n, zz, y)] =
                new_dist(method, d[cidx(n, zz, x)], d[cidx(n, zz, y)], dist, nx as f64, ny as f64, nz as f64);
        }
        for zz in 0..x {
            if size[zz] > 0 && neighbor[zz] == Some(x) {
                neighbor[zz] = Some(y);
            }
        }
        for zz in 0..y {
            if size[zz] == 0 {
                continue;
            }
            let dd = d[cidx(n, zz, y)];
            if dd < min_dist[zz] {
                neighbor[zz] = Some(y);
                min_dist[zz] = dd;
                heap.change_value(zz, dd);
            }
        }
        if y < n - 1 {
            let (zz, dd) = find_min_dist(n, d, &size, y);
            if zz.is_some() {
                neighbor[y] = zz;
                min_dist[y] = dd;
                heap.change_value(y, dd);
            }
        }
    }
    Ok(z)
}

/// Hierarchical clustering of `n` observations given their condensed distance vector `y`
/// (the output of `pdist`, length `n(n-1)/2`).
///
/// Returns SciPy's linkage matrix `Z` of shape `(n - 1, 4)`: row `k` merges clusters `Z[k, 0]`
/// and `Z[k, 1]` (indices below `n` are observations, `n + i` the cluster formed in row `i`) at
/// distance `Z[k, 2]` into a cluster of `Z[k, 3]` observations. Single linkage runs on a
/// minimum spanning tree, complete/average/weighted/ward on the nearest-neighbour chain, as
/// SciPy does, so rows and labels are SciPy's.
///
/// # Errors
///
/// [`ClusterError::NotCondensed`], [`ClusterError::TooFewObservations`] (`n < 2`),
/// [`ClusterError::NotFinite`]; [`ClusterError::InvalidValue`] when the centroid or median
/// updates of distances near the float64 limit overflow (SciPy's `find_min_dist` error).
///
/// # Examples
///
/// ```
/// use sci_cluster::{linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// // Distances of 3 points on a line at 0, 1 and 3.
/// let z = linkage(&array![1.0, 3.0, 2.0], Method::Single)?;
/// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.linkage(y, method)` for a condensed `y` (see
/// [`linkage_observations`] for an observation matrix; `optimal_ordering` is not implemented).
pub fn linkage<S: Data<Elem = f64>>(y: &ArrayBase<S, Ix1>, method: Method) -> Result<Array2<f64>> {
    let len = y.len();
    let n = ((1.0 + (1.0 + 8.0 * len as f64).sqrt()) / 2.0).round() as usize;
    if n * n.saturating_sub(1) / 2 != len {
        return Err(ClusterError::NotCondensed { len });
    }
    if n < 2 {
        return Err(ClusterError::TooFewObservations { found: n });
    }
    if !y.iter().all(|v| v.is_finite()) {
        return Err(ClusterError::NotFinite { arg: "condensed distance matrix" });
    }
    let mut d: Vec<f64> = y.to_vec();
    let mut z = match method {
        Method::Single => {
            let mut z = mst_single(&d, n);
            sort_rows(&mut z);
            z
        }
        Method::Complete | Method::Average | Method::Weighted | Method::Ward => {
            let mut z = nn_chain(&mut d, n, method);
            sort_rows(&mut z);
            z
        }
        Method::Centroid | Method::Median => generic(&mut d, n, method)?,
    };
    if !matches!(method, Method::Centroid | Method::Median) {
        label(&mut z, n);
    }
    Ok(Array2::from_shape_fn((n - 1, 4), |(i, j)| z[i][j]))
}

/// [`linkage`] of the rows of `x` under the Euclidean distance (SciPy's default metric when
/// `linkage` is given an observation matrix).
///
/// # Errors
///
/// As [`linkage`].
///
/// # Examples
///
/// ```
/// use sci_cluster::{linkage_observations, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let x = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
/// let z = linkage_observations(&x, Method::Complete)?;
/// assert_eq!(z.nrows(), 4);
/// assert_eq!(z[[3, 3]], 5.0);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.linkage(X, method)` with `metric='euclidean'`.
pub fn linkage_observations<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix2>,
    method: Method,
) -> Result<Array2<f64>> {
    if !x.iter().all(|v| v.is_finite()) {
        return Err(ClusterError::NotFinite { arg: "observation matrix" });
    }
    let n = x.nrows();
    let mut y = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            y.push(x.row(i).iter().zip(x.row(j).iter()).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt());
        }
    }
    linkage(&Array1::from(y), method)
}

/// How [`fcluster`] forms flat clusters (SciPy's `criterion` with its `t`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Criterion {
    /// At most this many clusters (`criterion='maxclust'`, `t` = the count).
    MaxClust(usize),
    /// Clusters whose cophenetic distance is at most this (`criterion='distance'`).
    Distance(f64),
    /// Clusters whose merges all have an inconsistency coefficient of at most `t`, computed by
    /// [`inconsistent`](crate::inconsistent) with `depth` (`criterion='inconsistent'`, SciPy's
    /// default criterion, with `depth=2` by default).
    Inconsistent {
        /// The threshold.
        t: f64,
        /// The depth of the inconsistency statistics.
        depth: usize,
    },
}

fn check_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<usize> {
    let bad = |what: String| Err(ClusterError::InvalidLinkage { what });
    if z.ncols() != 4 {
        return bad(format!("must have 4 columns, got {}", z.ncols()));
    }
    if z.nrows() == 0 {
        // SciPy: "Linkage must be computed on at least two observations."
        return bad("must be computed on at least two observations (Z has no rows)".into());
    }
    let n = z.nrows() + 1;
    for (k, row) in z.rows().into_iter().enumerate() {
        for c in 0..2 {
            let v = row[c];
            if !(v >= 0.0 && v.fract() == 0.0 && (v as usize) < n + k) {
                return bad(format!("row {k} refers to cluster {v}, which does not exist yet"));
            }
        }
        if row[2].is_nan() || row[2] < 0.0 || row[3].is_nan() || row[3] < 2.0 {
            return bad(format!("row {k} has a negative distance or a count below 2"));
        }
    }
    Ok(n)
}

/// Flat clusters from a linkage matrix: a label in `1..=k` for each observation.
///
/// Labels are numbered in SciPy's order (a depth-first walk from the root, left child first).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for a matrix that is not a linkage (or has no rows),
/// [`ClusterError::InvalidValue`] for `MaxClust(0)` or a NaN distance threshold.
///
/// # Examples
///
/// ```
/// use sci_cluster::{fcluster, linkage_observations, Criterion, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let x = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
/// let z = linkage_observations(&x, Method::Complete)?;
/// assert_eq!(fcluster(&z, Criterion::MaxClust(2))?, array![2, 1, 2, 1, 2]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.fcluster(Z, t, criterion, depth)` for 'maxclust',
/// 'distance' and 'inconsistent'.
pub fn fcluster<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>, criterion: Criterion) -> Result<Array1<i32>> {
    let n = check_linkage(z)?;
    if let Criterion::Inconsistent { t, depth } = criterion {
        let r = crate::stats::inconsistent(z, depth)?;
        let mi = crate::stats::maxinconsts(z, &r)?;
        return Ok(monocrit_walk(z, n, mi.as_slice().expect("contiguous"), t));
    }
    // The largest merge distance within each cluster's subtree (monotone up the tree).
    let mut max_dist = vec![0.0f64; n - 1];
    for k in 0..n - 1 {
        let mut m = z[[k, 2]];
        for c in 0..2 {
            let child = z[[k, c]] as usize;
            if child >= n {
                m = m.max(max_dist[child - n]);
            }
        }
        max_dist[k] = m;
    }
    let cutoff = match criterion {
        Criterion::Distance(t) => {
            if t.is_nan() {
                return Err(ClusterError::InvalidValue {
                    arg: "t",
                    expected: "a number",
                    found: "NaN".into(),
                });
            }
            t
        }
        Criterion::Inconsistent { .. } => unreachable!("handled above"),
        Criterion::MaxClust(0) => {
            return Err(ClusterError::InvalidValue { arg: "t", expected: "at least 1", found: "0".into() });
        }
        // As many clusters as points: SciPy numbers them in index order.
        Criterion::MaxClust(mc) if mc >= n => return Ok(Array1::from_iter(1..=n as i32)),
        Criterion::MaxClust(mc) => {
            // The smallest threshold leaving at most mc clusters: n - #{max_dist <= t} <= mc.
            let mut sorted = max_dist.clone();
            sorted.sort_by(f64::total_cmp);
            let th = sorted.iter().copied().find(|&t| n - sorted.iter().filter(|&&v| v <= t).count() <= mc);
            th.unwrap_or(sorted[n - 2])
        }
    };
    Ok(monocrit_walk(z, n, &max_dist, cutoff))
}

/// SciPy's `cluster_monocrit`: number the clusters whose criterion `mc` (monotone up the tree)
/// is at most `cutoff`, in depth-first order from the root.
pub(crate) fn monocrit_walk<S: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    n: usize,
    max_dist: &[f64],
    cutoff: f64,
) -> Array1<i32> {
    let mut labels = vec![0i32; n];
    let mut visited = vec![false; 2 * n - 1];
    let mut stack = vec![2 * n - 2];
    let mut leader: Option<usize> = None;
    let mut n_cluster = 0;
    while let Some(&node) = stack.last() {
        let root = node - n;
        let (lc, rc) = (z[[root, 0]] as usize, z[[root, 1]] as usize);
        if leader.is_none() && max_dist[root] <= cutoff {
            leader = Some(root);
            n_cluster += 1;
        }
        if lc >= n && !visited[lc] {
            visited[lc] = true;
            stack.push(lc);
            continue;
        }
        if rc >= n && !visited[rc] {
            visited[rc] = true;
            stack.push(rc);
            continue;
        }
        for leaf in [lc, rc] {
            if leaf < n {
                if leader.is_none() {
                    n_cluster += 1;
                }
                labels[leaf] = n_cluster;
            }
        }
        if leader == Some(root) {
            leader = None;
        }
        stack.pop();
    }
    Array1::from(labels)
}

//! A k-d tree for nearest-neighbour queries, as `scipy.spatial.KDTree`.

use crate::error::{Result, SpatialError};
use ndarray::{Array2, ArrayBase, Data, Ix2};
use std::collections::BinaryHeap;

/// Nodes: leaves hold a range of the permuted point indices; inner nodes split on one axis.
#[derive(Debug, Clone)]
enum Node {
    Leaf { start: usize, end: usize },
    Inner { axis: usize, split: f64, left: usize, right: usize },
}

/// A k-d tree over the rows of a point matrix.
///
/// Built once with the sliding-midpoint rule on the axis of largest spread (as SciPy's
/// `KDTree` with its default `leafsize = 10`), it answers k-nearest-neighbour and
/// fixed-radius queries in any Minkowski p-norm.
#[derive(Debug, Clone)]
pub struct KDTree {
    data: Array2<f64>,
    idx: Vec<usize>,
    nodes: Vec<Node>,
    leafsize: usize,
}

/// `(distance, index)` ordered by distance for the max-heap of candidates.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cand(f64, usize);
impl Eq for Cand {}
impl PartialOrd for Cand {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cand {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

/// |d|^p summed form of the p-norm (the p-th root is taken at the end), or max for p = inf.
fn accumulate(acc: f64, d: f64, p: f64) -> f64 {
    let d = d.abs();
    if p.is_infinite() {
        acc.max(d)
    } else if p == 1.0 {
        acc + d
    } else if p == 2.0 {
        acc + d * d
    } else {
        acc + d.powf(p)
    }
}

fn finish(acc: f64, p: f64) -> f64 {
    if p.is_infinite() || p == 1.0 {
        acc
    } else if p == 2.0 {
        acc.sqrt()
    } else {
        acc.powf(1.0 / p)
    }
}

fn to_acc(dist: f64, p: f64) -> f64 {
    if p.is_infinite() || p == 1.0 {
        dist
    } else if p == 2.0 {
        dist * dist
    } else {
        dist.powf(p)
    }
}

impl KDTree {
    /// Builds the tree over the rows of `data` (`leafsize` points per leaf at most; SciPy's
    /// default is 10).
    ///
    /// # Errors
    ///
    /// [`SpatialError::NotFinite`] for NaN/inf coordinates, [`SpatialError::InvalidValue`] for
    /// `leafsize == 0`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_spatial::KDTree;
    /// use sci_spatial::sci_array::ndarray::array;
    /// let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    /// let tree = KDTree::new(&pts, 10)?;
    /// let (d, i) = tree.query(&[0.9, 0.2], 1, 2.0, f64::INFINITY)?;
    /// assert_eq!(i, vec![1]);
    /// assert!((d[0] - (0.01f64 + 0.04).sqrt()).abs() < 1e-15);
    /// # Ok::<(), sci_spatial::SpatialError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.spatial.KDTree(data, leafsize)`.
    pub fn new<S: Data<Elem = f64>>(data: &ArrayBase<S, Ix2>, leafsize: usize) -> Result<Self> {
        if leafsize == 0 {
            return Err(SpatialError::InvalidValue {
                arg: "leafsize",
                expected: "at least 1",
                found: "0".into(),
            });
        }
        if !data.iter().all(|v| v.is_finite()) {
            return Err(SpatialError::NotFinite { arg: "data" });
        }
        let mut tree =
            Self { data: data.to_owned(), idx: (0..data.nrows()).collect(), nodes: Vec::new(), leafsize };
        if data.nrows() > 0 {
            tree.build(0, data.nrows());
        }
        Ok(tree)
    }

    /// The number of points.
    pub fn n(&self) -> usize {
        self.data.nrows()
    }

    /// The dimension of the points.
    pub fn m(&self) -> usize {
        self.data.ncols()
    }

    fn build(&mut self, start: usize, end: usize) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node::Leaf { start, end });
        if end - start <= self.leafsize {
            return id;
        }
        // Axis of largest spread; split at its midpoint, slid to keep both sides non-empty.
        let m = self.data.ncols();
        let (mut axis, mut spread, mut lo_a, mut hi_a) = (0, -1.0, 0.0, 0.0);
        for a in 0..m {
            let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
            for &i in &self.idx[start..end] {
                lo = lo.min(self.data[[i, a]]);
                hi = hi.max(self.data[[i, a]]);
            }
            if hi - lo > spread {
                (axis, spread, lo_a, hi_a) = (a, hi - lo, lo, hi);
            }
        }
        if spread <= 0.0 {
            return id; // all points equal: one leaf
        }
        let mut split = (lo_a + hi_a) / 2.0;
        let data = &self.data;
        let slice = &mut self.idx[start..end];
        slice.sort_by(|&p, &q| data[[p, axis]].total_cmp(&data[[q, axis]]));
        let mut mid = slice.partition_point(|&p| data[[p, axis]] < split);
        if mid == 0 {
            split = data[[slice[0], axis]];
            mid = 1;
        } else if mid == slice.len() {
            split = data[[slice[slice.len() - 1], axis]];
            mid = slice.len() - 1;
        }
        let left = self.build(start, start + mid);
        let right = self.build(start + mid, end);
        self.nodes[id] = Node::Inner { axis, split, left, right };
        id
    }

    fn check_query(&self, x: &[f64], p: f64) -> Result<()> {
        if x.len() != self.m() {
            return Err(SpatialError::DimensionMismatch { arg: "x", expected: self.m(), found: x.len() });
        }
        if !x.iter().all(|v| v.is_finite()) {
            return Err(SpatialError::NotFinite { arg: "x" });
        }
        if p.is_nan() || p < 1.0 {
            return Err(SpatialError::InvalidValue {
                arg: "p",
                expected: "at least 1",
                found: p.to_string(),
            });
        }
        Ok(())
    }

    fn point_acc(&self, i: usize, x: &[f64], p: f64) -> f64 {
        x.iter().enumerate().fold(0.0, |acc, (a, v)| accumulate(acc, self.data[[i, a]] - v, p))
    }

    /// The `k` nearest points to `x` in the p-norm, nearest first, no farther than
    /// `distance_upper_bound`: their distances and indices. Missing neighbours (fewer than `k`
    /// points, or none within the bound) have distance infinity and index `n`, as in SciPy.
    ///
    /// # Errors
    ///
    /// [`SpatialError::DimensionMismatch`] when `x` has the wrong length,
    /// [`SpatialError::NotFinite`], [`SpatialError::InvalidValue`] for `k == 0`, a `k` too large
    /// to allocate, or `p < 1`.
    ///
    /// SciPy equivalent: `KDTree.query(x, k, p=p, distance_upper_bound=...)` for one point.
    pub fn query(
        &self,
        x: &[f64],
        k: usize,
        p: f64,
        distance_upper_bound: f64,
    ) -> Result<(Vec<f64>, Vec<usize>)> {
        self.check_query(x, p)?;
        if k == 0 {
            return Err(SpatialError::InvalidValue { arg: "k", expected: "at least 1", found: "0".into() });
        }
        let bound = to_acc(distance_upper_bound, p);
        let mut heap: BinaryHeap<Cand> = BinaryHeap::new();
        if !self.nodes.is_empty() {
            self.search(0, x, k, p, bound, &mut heap);
        }
        let mut found = heap.into_sorted_vec();
        found.truncate(k);
        // `k` output slots, most of them padding when k > n: refuse a k that cannot be
        // allocated (SciPy: "array is too big" or `MemoryError`) instead of aborting.
        let too_big = || SpatialError::InvalidValue {
            arg: "k",
            expected: "small enough to allocate k distances and indices",
            found: k.to_string(),
        };
        let (mut d, mut i) = (Vec::new(), Vec::new());
        d.try_reserve_exact(k).map_err(|_| too_big())?;
        i.try_reserve_exact(k).map_err(|_| too_big())?;
        d.extend(found.iter().map(|c| finish(c.0, p)));
        i.extend(found.iter().map(|c| c.1));
        d.resize(k, f64::INFINITY);
        i.resize(k, self.n());
        Ok((d, i))
    }

    fn search(&self, node: usize, x: &[f64], k: usize, p: f64, bound: f64, heap: &mut BinaryHeap<Cand>) {
        let limit = |heap: &BinaryHeap<Cand>| {
            if heap.len() < k { bound } else { heap.peek().map_or(bound, |c| c.0.min(bound)) }
        };
        match self.nodes[node] {
            Node::Leaf { start, end } => {
                for &i in &self.idx[start..end] {
                    let acc = self.point_acc(i, x, p);
                    if acc < limit(heap) {
                        heap.push(Cand(acc, i));
                        if heap.len() > k {
                            heap.pop();
                        }
                    }
                }
            }
            Node::Inner { axis, split, left, right } => {
                let diff = x[axis] - split;
                let (near, far) = if diff < 0.0 { (left, right) } else { (right, left) };
                self.search(near, x, k, p, bound, heap);
                if accumulate(0.0, diff, p) < limit(heap) {
                    self.search(far, x, k, p, bound, heap);
                }
            }
        }
    }

    /// Indices of all points within distance `r` of `x` in the p-norm, sorted.
    ///
    /// # Errors
    ///
    /// As [`KDTree::query`], and [`SpatialError::InvalidValue`] for a negative `r`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_spatial::KDTree;
    /// use sci_spatial::sci_array::ndarray::array;
    /// let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    /// let tree = KDTree::new(&pts, 2)?;
    /// assert_eq!(tree.query_ball_point(&[0.0, 0.0], 1.0, 2.0)?, vec![0, 1, 2, 4]);
    /// # Ok::<(), sci_spatial::SpatialError>(())
    /// ```
    ///
    /// SciPy equivalent: `KDTree.query_ball_point(x, r, p)` for one point (sorted indices).
    pub fn query_ball_point(&self, x: &[f64], r: f64, p: f64) -> Result<Vec<usize>> {
        self.check_query(x, p)?;
        if r.is_nan() || r < 0.0 {
            return Err(SpatialError::InvalidValue {
                arg: "r",
                expected: "non-negative",
                found: r.to_string(),
            });
        }
        let bound = to_acc(r, p);
        let mut out = Vec::new();
        let mut stack = if self.nodes.is_empty() { vec![] } else { vec![0] };
        while let Some(node) = stack.pop() {
            match self.nodes[node] {
                Node::Leaf { start, end } => {
                    out.extend(
                        self.idx[start..end].iter().copied().filter(|&i| self.point_acc(i, x, p) <= bound),
                    );
                }
                Node::Inner { axis, split, left, right } => {
                    let diff = x[axis] - split;
                    let (near, far) = if diff < 0.0 { (left, right) } else { (right, left) };
                    stack.push(near);
                    if accumulate(0.0, diff, p) <= bound {
                        stack.push(far);
                    }
                }
            }
        }
        out.sort_unstable();
        Ok(out)
    }
}

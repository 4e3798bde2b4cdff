//! `DisjointSet`: union-find over arbitrary hashable elements, as `scipy.cluster.hierarchy`'s.

use std::collections::HashMap;
use std::hash::Hash;

/// Disjoint sets of elements (union-find), with SciPy's choice of roots.
///
/// Elements are kept in insertion order; a merge attaches the root of the smaller subset to
/// the root of the larger one, and of two equal subsets the root inserted first wins, so
/// [`root`](Self::root) names the same representative as SciPy's `ds[x]`. Look-ups of an
/// element that was never added return `None` (SciPy raises `KeyError`).
///
/// # Examples
///
/// ```
/// use sci_cluster::DisjointSet;
/// let mut ds = DisjointSet::new();
/// for x in ["a", "b", "c", "d", "e"] {
///     ds.add(x);
/// }
/// assert_eq!(ds.merge(&"a", &"b"), Some(true));
/// assert_eq!(ds.merge(&"c", &"d"), Some(true));
/// assert_eq!(ds.merge(&"d", &"b"), Some(true));
/// assert_eq!(ds.merge(&"a", &"c"), Some(false));
/// assert_eq!(ds.root(&"d"), Some(&"a"));
/// assert_eq!(ds.n_subsets(), 2);
/// assert_eq!(ds.subset_size(&"c"), Some(4));
/// assert_eq!(ds.connected(&"a", &"e"), Some(false));
/// assert_eq!(ds.subsets(), vec![vec!["a", "d", "c", "b"], vec!["e"]]);
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.DisjointSet`.
#[derive(Debug, Clone, Default)]
pub struct DisjointSet<T> {
    elements: Vec<T>,
    index: HashMap<T, usize>,
    parent: Vec<usize>,
    size: Vec<usize>,
    next: Vec<usize>,
    n_subsets: usize,
}

impl<T: Hash + Eq + Clone> DisjointSet<T> {
    /// An empty structure.
    pub fn new() -> Self {
        Self {
            elements: Vec::new(),
            index: HashMap::new(),
            parent: Vec::new(),
            size: Vec::new(),
            next: Vec::new(),
            n_subsets: 0,
        }
    }

    /// A structure with each of `elements` in its own subset (repeats are ignored).
    pub fn from_elements(elements: impl IntoIterator<Item = T>) -> Self {
        let mut ds = Self::new();
        for x in elements {
            ds.add(x);
        }
        ds
    }

    /// Add `x` as a subset of its own; nothing happens if it is already present.
    pub fn add(&mut self, x: T) {
        if self.index.contains_key(&x) {
            return;
        }
        let k = self.elements.len();
        self.index.insert(x.clone(), k);
        self.elements.push(x);
        self.parent.push(k);
        self.size.push(1);
        self.next.push(k);
        self.n_subsets += 1;
    }

    fn find(&self, mut k: usize) -> usize {
        while self.parent[k] != k {
            k = self.parent[k];
        }
        k
    }

    /// The representative of the subset containing `x` (SciPy's `ds[x]`).
    pub fn root(&self, x: &T) -> Option<&T> {
        let k = *self.index.get(x)?;
        Some(&self.elements[self.find(k)])
    }

    /// Merge the subsets of `x` and `y`; `Some(false)` when they already were one,
    /// `None` when either is missing.
    pub fn merge(&mut self, x: &T, y: &T) -> Option<bool> {
        let mut xr = self.find(*self.index.get(x)?);
        let mut yr = self.find(*self.index.get(y)?);
        if xr == yr {
            return Some(false);
        }
        // SciPy: swap when (size[xr], index[yr]) < (size[yr], index[xr]).
        if (self.size[xr], yr) < (self.size[yr], xr) {
            std::mem::swap(&mut xr, &mut yr);
        }
        self.parent[yr] = xr;
        self.size[xr] += self.size[yr];
        self.next.swap(xr, yr);
        self.n_subsets -= 1;
        Some(true)
    }

    /// Whether `x` and `y` are in the same subset (`None` when either is missing).
    pub fn connected(&self, x: &T, y: &T) -> Option<bool> {
        Some(self.find(*self.index.get(x)?) == self.find(*self.index.get(y)?))
    }

    /// The elements of the subset containing `x`, starting with `x` (SciPy returns a set).
    pub fn subset(&self, x: &T) -> Option<Vec<T>> {
        let start = *self.index.get(x)?;
        let mut out = vec![self.elements[start].clone()];
        let mut k = self.next[start];
        while k != start {
            out.push(self.elements[k].clone());
            k = self.next[k];
        }
        Some(out)
    }

    /// The size of the subset containing `x`.
    pub fn subset_size(&self, x: &T) -> Option<usize> {
        Some(self.size[self.find(*self.index.get(x)?)])
    }

    /// Every subset, in the insertion order of their first elements, each as [`subset`](Self::subset)
    /// of that element.
    pub fn subsets(&self) -> Vec<Vec<T>> {
        let mut seen = vec![false; self.elements.len()];
        let mut out = Vec::with_capacity(self.n_subsets);
        for start in 0..self.elements.len() {
            if seen[start] {
                continue;
            }
            let mut set = Vec::new();
            let mut k = start;
            loop {
                seen[k] = true;
                set.push(self.elements[k].clone());
                k = self.next[k];
                if k == start {
                    break;
                }
            }
            out.push(set);
        }
        out
    }

    /// The number of subsets.
    pub fn n_subsets(&self) -> usize {
        self.n_subsets
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.elements.len()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// Whether `x` is an element.
    pub fn contains(&self, x: &T) -> bool {
        self.index.contains_key(x)
    }

    /// The elements in insertion order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.elements.iter()
    }
}

//! Fill-reducing orderings: minimum degree on an explicit elimination graph, and reverse
//! Cuthill–McKee.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Symmetric adjacency lists (no self loops, sorted, deduplicated) of `A + A^T` from a
/// compressed pattern with `n` major lines.
pub(crate) fn sym_pattern(n: usize, indptr: &[usize], indices: &[usize]) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); n];
    for j in 0..n {
        for &i in &indices[indptr[j]..indptr[j + 1]] {
            if i != j {
                adj[i].push(j);
                adj[j].push(i);
            }
        }
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    adj
}

/// Adjacency of `A^T A` (columns sharing a row) for a CSC pattern with `n` columns and `m`
/// rows.
pub(crate) fn ata_pattern(m: usize, n: usize, indptr: &[usize], indices: &[usize]) -> Vec<Vec<usize>> {
    let mut rows = vec![Vec::new(); m];
    for j in 0..n {
        for &i in &indices[indptr[j]..indptr[j + 1]] {
            rows[i].push(j);
        }
    }
    let mut adj = vec![Vec::new(); n];
    for r in &rows {
        for &a in r {
            for &b in r {
                if a != b {
                    adj[a].push(b);
                }
            }
        }
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    adj
}

/// Minimum-degree ordering of a symmetric graph by explicit elimination: repeatedly eliminate
/// a node of least current degree (ties to the lowest index), turning its neighbours into a
/// clique. Returns `order[k]` = node eliminated k-th.
pub(crate) fn minimum_degree(mut adj: Vec<Vec<usize>>) -> Vec<usize> {
    let n = adj.len();
    let mut done = vec![false; n];
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> = (0..n).map(|v| Reverse((adj[v].len(), v))).collect();
    let mut order = Vec::with_capacity(n);
    let mut merged = Vec::new();
    while let Some(Reverse((d, v))) = heap.pop() {
        if done[v] || d != adj[v].len() {
            continue;
        }
        done[v] = true;
        order.push(v);
        let nb = std::mem::take(&mut adj[v]);
        for &u in &nb {
            // adj[u] := (adj[u] ∪ nb) \ {u, v}, both sorted.
            merged.clear();
            let au = &adj[u];
            let (mut p, mut q) = (0, 0);
            while p < au.len() || q < nb.len() {
                let x = if q >= nb.len() || (p < au.len() && au[p] <= nb[q]) {
                    let x = au[p];
                    if q < nb.len() && nb[q] == x {
                        q += 1;
                    }
                    p += 1;
                    x
                } else {
                    q += 1;
                    nb[q - 1]
                };
                if x != u && x != v && !done[x] {
                    merged.push(x);
                }
            }
            std::mem::swap(&mut adj[u], &mut merged);
            heap.push(Reverse((adj[u].len(), u)));
        }
    }
    order
}

/// Reverse Cuthill–McKee ordering of a symmetric graph (each component started from a
/// node of minimum degree, neighbours visited by increasing degree).
pub(crate) fn reverse_cuthill_mckee(adj: &[Vec<usize>]) -> Vec<usize> {
    let n = adj.len();
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut by_degree: Vec<usize> = (0..n).collect();
    by_degree.sort_by_key(|&v| (adj[v].len(), v));
    let mut queue = VecDeque::new();
    let mut nbrs = Vec::new();
    for &s in &by_degree {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            nbrs.clear();
            nbrs.extend(adj[v].iter().copied().filter(|&u| !seen[u]));
            nbrs.sort_by_key(|&u| (adj[u].len(), u));
            for &u in &nbrs {
                seen[u] = true;
                queue.push_back(u);
            }
        }
    }
    order.reverse();
    order
}

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

/// Approximate minimum-degree ordering of a symmetric graph on a quotient graph (elements
/// stand for eliminated cliques, as in AMD): repeatedly eliminates a node of least
/// approximate external degree (AMD's bound, ties to the earliest), with aggressive
/// absorption. Returns `order[k]` = node eliminated k-th.
pub(crate) fn minimum_degree(adj: Vec<Vec<usize>>) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    let n = adj.len();
    let mut var_adj = adj;
    let mut el_adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut el_vars: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut eliminated = vec![false; n];
    let mut absorbed = vec![false; n];
    let mut degree: Vec<usize> = var_adj.iter().map(Vec::len).collect();
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> = (0..n).map(|v| Reverse((degree[v], v))).collect();
    let mut in_lp = vec![NONE; n];
    let mut w = vec![NONE; n];
    let mut w_stamp = vec![NONE; n];
    let mut order = Vec::with_capacity(n);
    let mut lp: Vec<usize> = Vec::new();
    while let Some(Reverse((d, p))) = heap.pop() {
        if eliminated[p] || d != degree[p] {
            continue;
        }
        let k = order.len();
        eliminated[p] = true;
        order.push(p);
        // L_p: the variables adjacent to p directly or through its elements.
        lp.clear();
        in_lp[p] = k;
        for &v in &var_adj[p] {
            if !eliminated[v] && in_lp[v] != k {
                in_lp[v] = k;
                lp.push(v);
            }
        }
        for &e in &el_adj[p] {
            if absorbed[e] {
                continue;
            }
            for &v in &el_vars[e] {
                if !eliminated[v] && in_lp[v] != k {
                    in_lp[v] = k;
                    lp.push(v);
                }
            }
            absorbed[e] = true;
            el_vars[e] = Vec::new();
        }
        var_adj[p] = Vec::new();
        el_adj[p] = Vec::new();
        // Update the neighbours: element p replaces the absorbed ones and covers L_p.
        for &i in &lp {
            el_adj[i].retain(|&e| !absorbed[e]);
            el_adj[i].push(p);
            var_adj[i].retain(|&v| !eliminated[v] && in_lp[v] != k);
        }
        // |L_e \ L_p| for the other elements next to L_p.
        for &i in &lp {
            for &e in &el_adj[i] {
                if e == p {
                    continue;
                }
                if w_stamp[e] != k {
                    w_stamp[e] = k;
                    w[e] = el_vars[e].iter().filter(|&&v| !eliminated[v]).count();
                }
                w[e] -= 1;
            }
        }
        let remaining = n - k - 1;
        let lp_len = lp.len();
        for &i in &lp {
            let ext: usize = el_adj[i].iter().filter(|&&e| e != p).map(|&e| w[e]).sum();
            let bound = var_adj[i].len() + (lp_len - 1) + ext;
            let dnew = bound.min(remaining).min(degree[i] + lp_len - 1);
            degree[i] = dnew;
            heap.push(Reverse((dnew, i)));
        }
        el_vars[p] = std::mem::take(&mut lp);
        lp = Vec::new();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn is_perm(p: &[usize], n: usize) -> bool {
        let mut s = p.to_vec();
        s.sort_unstable();
        s == (0..n).collect::<Vec<_>>()
    }

    #[test]
    fn minimum_degree_keeps_the_hub_to_the_end() {
        // arrow: node 0 joined to all others
        let n = 6;
        let mut adj = vec![Vec::new(); n];
        for i in 1..n {
            adj[0].push(i);
            adj[i].push(0);
        }
        let order = minimum_degree(adj.clone());
        assert!(is_perm(&order, n));
        // the hub ties with the last leaf once the others are gone
        assert!(order[n - 2..].contains(&0), "{order:?}");
        let rcm = reverse_cuthill_mckee(&adj);
        assert!(is_perm(&rcm, n));
    }

    #[test]
    fn orderings_of_disconnected_and_empty_graphs() {
        assert!(minimum_degree(Vec::new()).is_empty());
        let adj = vec![vec![1], vec![0], vec![], vec![4], vec![3]];
        assert!(is_perm(&minimum_degree(adj.clone()), 5));
        assert!(is_perm(&reverse_cuthill_mckee(&adj), 5));
        let sym = sym_pattern(3, &[0, 2, 3, 3], &[0, 2, 1]);
        assert_eq!(sym, vec![vec![2], vec![], vec![0]]);
        let ata = ata_pattern(2, 3, &[0, 1, 2, 3], &[0, 0, 1]);
        assert_eq!(ata, vec![vec![1], vec![0], vec![]]);
    }
}

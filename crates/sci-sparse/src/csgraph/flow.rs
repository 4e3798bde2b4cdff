//! Maximum flow: Edmonds–Karp and Dinic on integer capacities, as SciPy runs them.

use crate::CsrMatrix;
use crate::cs::Cs;
use crate::error::{Result, SparseError, invalid, shape_err};

/// Algorithm of [`maximum_flow`] (SciPy's `method`).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_sparse::csgraph::FlowMethod::default(), sci_sparse::csgraph::FlowMethod::Dinic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum FlowMethod {
    /// Dinic's blocking flows on level graphs (`"dinic"`, the default).
    #[default]
    Dinic,
    /// Shortest augmenting paths by breadth-first search (`"edmonds_karp"`).
    EdmondsKarp,
}

/// A maximum flow: its value and the flow on every edge.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{maximum_flow, FlowMethod};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0i64, 5], [0, 0]]);
/// let r = maximum_flow(&g, 0, 1, FlowMethod::Dinic)?;
/// assert_eq!(r.flow_value, 5);
/// assert_eq!(r.flow.toarray(), array![[0, 5], [-5, 0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MaximumFlowResult {
    /// Value of the flow (the net flow leaving the source).
    pub flow_value: i64,
    /// Flow on each edge: `flow[i, j] = -flow[j, i]`; the graph's edges and their reverses
    /// are stored (explicit zeros included), as SciPy's `flow`.
    pub flow: CsrMatrix<i64>,
}

/// SciPy's `_add_reverse_edges`: the sorted pattern of `A + A^T` with `A`'s capacities and 0
/// on the added reverse edges.
fn with_reverse_edges(a: &Cs<i64>) -> Cs<i64> {
    let t = a.swap_major();
    let n = a.nmajor;
    let mut indptr = Vec::with_capacity(n + 1);
    indptr.push(0);
    let (mut indices, mut data) = (Vec::with_capacity(2 * a.nnz()), Vec::with_capacity(2 * a.nnz()));
    for i in 0..n {
        let (mut p, pe) = (a.indptr[i], a.indptr[i + 1]);
        let (mut q, qe) = (t.indptr[i], t.indptr[i + 1]);
        while p < pe || q < qe {
            let ja = if p < pe { a.indices[p] } else { usize::MAX };
            let jt = if q < qe { t.indices[q] } else { usize::MAX };
            if ja <= jt {
                indices.push(ja);
                data.push(a.data[p]);
                p += 1;
                if ja == jt {
                    q += 1;
                }
            } else {
                indices.push(jt);
                data.push(0);
                q += 1;
            }
        }
        indptr.push(indices.len());
    }
    Cs { nmajor: n, nminor: n, indptr, indices, data }
}

/// For each edge `(i, j)` the position of `(j, i)` (SciPy's `_make_edge_pointers`).
fn reverse_pointers(m: &Cs<i64>) -> Vec<usize> {
    let pos = Cs {
        nmajor: m.nmajor,
        nminor: m.nminor,
        indptr: m.indptr.clone(),
        indices: m.indices.clone(),
        data: (0..m.nnz() as i64).collect(),
    };
    pos.swap_major().data.iter().map(|&p| p as usize).collect()
}

fn edmonds_karp(m: &Cs<i64>, rev: &[usize], source: usize, sink: usize) -> Vec<i64> {
    let n = m.nmajor;
    let mut tails = vec![0usize; m.nnz()];
    for i in 0..n {
        tails[m.indptr[i]..m.indptr[i + 1]].iter_mut().for_each(|t| *t = i);
    }
    let mut flow = vec![0i64; m.nnz()];
    let mut q = vec![0usize; n];
    let mut pred = vec![usize::MAX; n];
    loop {
        pred.iter_mut().for_each(|p| *p = usize::MAX);
        q[0] = source;
        let (mut start, mut end) = (0, 1);
        let mut found = false;
        'bfs: while start != end {
            let cur = q[start];
            start += 1;
            for e in m.indptr[cur]..m.indptr[cur + 1] {
                let t = m.indices[e];
                if pred[t] == usize::MAX && t != source && m.data[e] > flow[e] {
                    pred[t] = e;
                    if t == sink {
                        found = true;
                        break 'bfs;
                    }
                    q[end] = t;
                    end += 1;
                }
            }
        }
        if !found {
            return flow;
        }
        let mut df = i64::MAX;
        let mut t = sink;
        while t != source {
            let e = pred[t];
            df = df.min(m.data[e] - flow[e]);
            t = tails[e];
        }
        let mut t = sink;
        while t != source {
            let e = pred[t];
            flow[e] += df;
            flow[rev[e]] -= df;
            t = tails[e];
        }
    }
}

fn dinic(m: &Cs<i64>, rev: &[usize], source: usize, sink: usize) -> Vec<i64> {
    let n = m.nmajor;
    let (ptr, heads) = (&m.indptr, &m.indices);
    let mut cap = m.data.clone();
    let mut flows = vec![0i64; m.nnz()];
    let mut levels = vec![-1i64; n];
    let mut progress = vec![0usize; n];
    let mut q = vec![0usize; n];
    let mut stack: Vec<(usize, i64)> = vec![(0, 0); n];
    loop {
        // level graph by breadth-first search
        levels.iter_mut().for_each(|l| *l = -1);
        q[0] = source;
        let (mut start, mut end) = (0, 1);
        levels[source] = 0;
        let mut reached = false;
        while start != end {
            let cur = q[start];
            start += 1;
            if cur == sink {
                reached = true;
                break;
            }
            for e in ptr[cur]..ptr[cur + 1] {
                let d = heads[e];
                if cap[e] > 0 && levels[d] == -1 {
                    levels[d] = levels[cur] + 1;
                    q[end] = d;
                    end += 1;
                }
            }
        }
        if !reached {
            return flows;
        }
        progress.copy_from_slice(&ptr[..n]);
        // blocking flow by depth-first search, one augmenting path at a time
        'paths: loop {
            let mut top = 0usize;
            stack[0] = (source, i64::from(i32::MAX));
            loop {
                let (current, flow) = stack[top];
                let e = progress[current];
                let d = heads[e];
                if cap[e] > 0 && levels[d] == levels[current] + 1 {
                    let cf = flow.min(cap[e]);
                    if d == sink {
                        for &(v, _) in stack[..=top].iter().rev() {
                            let e = progress[v];
                            cap[e] -= cf;
                            cap[rev[e]] += cf;
                            flows[e] += cf;
                            flows[rev[e]] -= cf;
                        }
                        continue 'paths;
                    }
                    top += 1;
                    stack[top] = (d, cf);
                } else {
                    let mut current = current;
                    while progress[current] == ptr[current + 1] - 1 {
                        if top == 0 {
                            break 'paths;
                        }
                        top -= 1;
                        current = stack[top].0;
                    }
                    progress[current] += 1;
                }
            }
        }
    }
}

/// A maximum flow from `source` to `sink` in the directed graph whose entry `(i, j)` is the
/// integer capacity of the edge `i -> j`, by Dinic's or Edmonds–Karp's algorithm as SciPy
/// implements them (the same flow on every edge, not only the same value).
///
/// Duplicate entries are summed first (SciPy keeps them as separate edges).
///
/// SciPy equivalent: `scipy.sparse.csgraph.maximum_flow(csgraph, source, sink, method)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square
/// matrix, [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a
/// source or sink outside the graph, [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// when `source == sink` or a capacity is negative or above `i32::MAX` (SciPy's capacities
/// are `int32`: it wraps larger ones around).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{maximum_flow, FlowMethod};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![
///     [0i64, 16, 13, 0, 0, 0],
///     [0, 10, 0, 12, 0, 0],
///     [0, 4, 0, 0, 14, 0],
///     [0, 0, 9, 0, 0, 20],
///     [0, 0, 0, 7, 0, 4],
///     [0, 0, 0, 0, 0, 0]]);
/// assert_eq!(maximum_flow(&g, 0, 5, FlowMethod::Dinic)?.flow_value, 23);
/// assert_eq!(maximum_flow(&g, 0, 5, FlowMethod::EdmondsKarp)?.flow_value, 23);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn maximum_flow(
    csgraph: &CsrMatrix<i64>,
    source: usize,
    sink: usize,
    method: FlowMethod,
) -> Result<MaximumFlowResult> {
    let (r, c) = csgraph.shape();
    if r != c {
        return Err(shape_err("csgraph", "a square matrix", &[r, c]));
    }
    for (arg, v) in [("source", source), ("sink", sink)] {
        if v >= r {
            return Err(SparseError::IndexOutOfBounds { arg, index: v as i64, bound: r });
        }
    }
    if source == sink {
        return Err(invalid("sink", "source and sink vertices must differ"));
    }
    let too_big = |w: &&i64| **w > i64::from(i32::MAX);
    if let Some(&w) = csgraph.data().iter().find(too_big) {
        return Err(invalid("csgraph", format!("capacity {w} does not fit int32, the capacities' type")));
    }
    let a = csgraph.cs.canonical();
    if a.data.iter().any(|&w| w < 0) {
        return Err(invalid("csgraph", "capacities must be non-negative"));
    }
    // SciPy computes in int32 (it casts the capacities with `astype(np.int32)`, so larger ones
    // wrap around and give a meaningless flow); here they are refused, which also keeps the
    // flow sums within i64 and Dinic's pushes (at most i32::MAX each) finite in number
    if let Some(&w) = a.data.iter().find(too_big) {
        return Err(invalid("csgraph", format!("capacity {w} does not fit int32, the capacities' type")));
    }
    let m = with_reverse_edges(&a);
    let rev = reverse_pointers(&m);
    let flow = match method {
        FlowMethod::Dinic => dinic(&m, &rev, source, sink),
        FlowMethod::EdmondsKarp => edmonds_karp(&m, &rev, source, sink),
    };
    let flow_value = flow[m.indptr[source]..m.indptr[source + 1]].iter().sum();
    let flow =
        CsrMatrix { cs: Cs { nmajor: r, nminor: r, indptr: m.indptr, indices: m.indices, data: flow } };
    Ok(MaximumFlowResult { flow_value, flow })
}

//! SciPy parity for sparse.csgraph (fixtures from tools/fixtures/sparse_csgraph.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::csgraph::*;
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_csgraph.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn iv(f: &Fixture, p: &str) -> Array1<i64> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap()
}

fn uv(f: &Fixture, p: &str) -> Array1<usize> {
    iv(f, p).mapv(|x| x as usize)
}

fn graph(f: &Fixture, c: &str) -> CsrMatrix {
    let u = |k: &str| f.array_i64(&format!("{c}/g/{k}")).iter().map(|&x| x as usize).collect::<Vec<_>>();
    let sh = u("shape");
    let data: Vec<f64> = f.array_f64(&format!("{c}/g/data")).iter().copied().collect();
    CsrMatrix::from_triplets(&data, &u("row"), &u("col"), (sh[0], sh[1])).unwrap()
}

/// Canonical relabelling: components numbered by first appearance.
fn canon(l: &Array1<usize>) -> Vec<usize> {
    let mut map = std::collections::HashMap::new();
    l.iter()
        .map(|&x| {
            let k = map.len();
            *map.entry(x).or_insert(k)
        })
        .collect()
}

const CASES: [&str; 5] = ["doc", "explicit_zero", "single", "random30", "random80"];

// Path lengths are sums of a few weights taken in possibly different orders.
const RTOL: f64 = 1e-13;

#[test]
fn components_match_scipy() {
    let f = fx();
    for c in CASES {
        let g = graph(&f, c);
        for (directed, d) in [(true, "d"), (false, "u")] {
            let (n, lab) = connected_components(&g, directed, Connection::Weak).unwrap();
            assert_eq!(n as i64, f.i64(&format!("{c}/cc_{d}_n")), "{c}");
            assert_eq!(lab, uv(&f, &format!("{c}/cc_{d}_labels")), "{c}");
        }
        let (n, lab) = connected_components(&g, true, Connection::Strong).unwrap();
        assert_eq!(n as i64, f.i64(&format!("{c}/scc_n")), "{c}");
        assert_eq!(canon(&lab), canon(&uv(&f, &format!("{c}/scc_labels"))), "{c}");
    }
}

#[test]
fn shortest_paths_match_scipy() {
    let f = fx();
    for c in CASES {
        let g = graph(&f, c);
        let n = g.shape().0;
        for (directed, d) in [(true, "d"), (false, "u")] {
            let dij = dijkstra(&g, directed, None, false).unwrap();
            assert_allclose(&dij.dist, &m(&f, &format!("{c}/dij_{d}")), RTOL, 0.0);
            // the random weights make shortest paths unique, so predecessors agree too
            assert_array_equal(
                &dij.predecessors,
                &f.array_i64(&format!("{c}/dij_{d}_pred")).into_dimensionality::<Ix2>().unwrap(),
            );
            let fw = floyd_warshall(&g, directed, false).unwrap();
            assert_allclose(&fw.dist, &m(&f, &format!("{c}/fw_{d}")), RTOL, 0.0);
            assert_array_equal(&fw.predecessors, &dij.predecessors);
            let bf = bellman_ford(&g, directed, None, false).unwrap();
            assert_allclose(&bf.dist, &m(&f, &format!("{c}/bf_{d}")), RTOL, 0.0);
            let unw = shortest_path(&g, Method::Auto, directed, true, None).unwrap();
            assert_array_equal(&unw.dist, &m(&f, &format!("{c}/unw_{d}")));
            let src = dijkstra(&g, directed, Some(&[0, n - 1]), false).unwrap();
            assert_allclose(&src.dist, &m(&f, &format!("{c}/src_{d}")), RTOL, 0.0);
            for method in [Method::Dijkstra, Method::BellmanFord, Method::FloydWarshall] {
                let sp = shortest_path(&g, method, directed, false, None).unwrap();
                assert_allclose(&sp.dist, &m(&f, &format!("{c}/dij_{d}")), RTOL, 0.0);
            }
        }
    }
}

#[test]
fn traversals_match_scipy() {
    let f = fx();
    for c in CASES {
        let g = graph(&f, c);
        for (directed, d) in [(true, "d"), (false, "u")] {
            let (o, p) = breadth_first_order(&g, 0, directed).unwrap();
            assert_eq!(o, uv(&f, &format!("{c}/bfs_{d}")), "{c} {d}");
            assert_eq!(p, iv(&f, &format!("{c}/bfs_{d}_pred")), "{c} {d}");
            let (o, p) = depth_first_order(&g, 0, directed).unwrap();
            assert_eq!(o, uv(&f, &format!("{c}/dfs_{d}")), "{c} {d}");
            assert_eq!(p, iv(&f, &format!("{c}/dfs_{d}_pred")), "{c} {d}");
            let bft = breadth_first_tree(&g, 0, directed).unwrap().toarray();
            assert_array_equal(&bft, &m(&f, &format!("{c}/bft_{d}")));
            let dft = depth_first_tree(&g, 0, directed).unwrap().toarray();
            assert_array_equal(&dft, &m(&f, &format!("{c}/dft_{d}")));
        }
    }
}

#[test]
fn mst_and_rcm_match_scipy() {
    let f = fx();
    for c in CASES {
        let g = graph(&f, c);
        assert_array_equal(&minimum_spanning_tree(&g).unwrap().toarray(), &m(&f, &format!("{c}/mst")));
        let p = reverse_cuthill_mckee(&g, false).unwrap();
        let want = uv(&f, &format!("{c}/rcm"));
        let mut sorted = p.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..g.shape().0).collect::<Vec<_>>(), "{c}: a permutation");
        if p != want {
            // Ties in degree are ordered by NumPy's unstable argsort in SciPy; then at least
            // the bandwidth must be as small.
            let bw = |perm: &Array1<usize>| {
                let mut pos = vec![0usize; perm.len()];
                for (k, &v) in perm.iter().enumerate() {
                    pos[v] = k;
                }
                let (r, cc, _) = find(&g);
                r.iter().zip(cc.iter()).map(|(&a, &b)| pos[a].abs_diff(pos[b])).max().unwrap_or(0)
            };
            assert!(bw(&p) <= bw(&want), "{c}: bandwidth {} vs SciPy's {}", bw(&p), bw(&want));
        }
    }
}

#[test]
fn negative_weights() {
    let g = CsrMatrix::from_dense(&array![[0.0, 4.0, 1.0], [0.0, 0.0, 0.0], [0.0, -2.0, 0.0]]);
    assert!(dijkstra(&g, true, None, false).is_err());
    let sp = shortest_path(&g, Method::Auto, true, false, None).unwrap();
    assert_eq!(sp.dist.row(0).to_vec(), vec![0.0, -1.0, 1.0]);
    assert_eq!(floyd_warshall(&g, true, false).unwrap().dist, sp.dist);
    assert!(floyd_warshall(&g, false, false).is_err());
    assert!(bellman_ford(&g, false, None, false).is_err());
}

#[test]
fn bad_input_table() {
    let rect = CsrMatrix::<f64>::eye(2, 3, 0);
    let g = CsrMatrix::<f64>::identity(3);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("cc rect", connected_components(&rect, true, Connection::Weak).map(drop)),
        ("mst rect", minimum_spanning_tree(&rect).map(drop)),
        ("dijkstra rect", dijkstra(&rect, true, None, false).map(drop)),
        ("dijkstra index", dijkstra(&g, true, Some(&[3]), false).map(drop)),
        ("bf index", bellman_ford(&g, true, Some(&[7]), false).map(drop)),
        ("fw rect", floyd_warshall(&rect, true, false).map(drop)),
        ("fw indices", shortest_path(&g, Method::FloydWarshall, true, false, Some(&[0])).map(drop)),
        ("bfs start", breadth_first_order(&g, 3, true).map(drop)),
        ("dfs start", depth_first_order(&g, 3, true).map(drop)),
        ("bfs rect", breadth_first_order(&rect, 0, true).map(drop)),
        ("rcm rect", reverse_cuthill_mckee(&rect, false).map(drop)),
        ("bft start", breadth_first_tree(&g, 9, true).map(drop)),
        ("dft rect", depth_first_tree(&rect, 0, true).map(drop)),
        ("reconstruct len", reconstruct_path(&g, &array![-9999, 0], true).map(drop)),
        ("reconstruct oob", reconstruct_path(&g, &array![-9999, 5, 0], true).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases_empty_and_duplicates() {
    let e = CsrMatrix::<f64>::zeros((0, 0));
    let (n, lab) = connected_components(&e, true, Connection::Strong).unwrap();
    assert_eq!((n, lab.len()), (0, 0));
    assert_eq!(dijkstra(&e, true, None, false).unwrap().dist.dim(), (0, 0));
    assert_eq!(minimum_spanning_tree(&e).unwrap().nnz(), 0);
    assert_eq!(reverse_cuthill_mckee(&e, false).unwrap().len(), 0);
    // duplicate edges are summed (as csr_array((data, (row, col))) does): 0 -> 1 of weight 3
    let g = CsrMatrix::from_parts(vec![1.0, 2.0], vec![1, 1], vec![0, 2, 2], (2, 2)).unwrap();
    assert_eq!(dijkstra(&g, true, Some(&[0]), false).unwrap().dist, array![[0.0, 3.0]]);
    // an explicit zero is an edge of weight 0, as in SciPy
    let z = CsrMatrix::from_parts(vec![0.0], vec![1], vec![0, 1, 1], (2, 2)).unwrap();
    assert_eq!(connected_components(&z, false, Connection::Weak).unwrap().0, 1);
    assert_eq!(breadth_first_order(&z, 0, true).unwrap().0, array![0, 1]);
    assert_eq!(minimum_spanning_tree(&z).unwrap().nnz(), 0);
}

#[test]
fn bipartite_matching_matches_scipy() {
    let f = fx();
    for i in 0..4 {
        let c = format!("match{i}");
        let g = graph(&f, &c);
        let rank = f.i64(&format!("{c}/rank")) as usize;
        assert_eq!(structural_rank(&g), rank, "{c}");
        let by_col = maximum_bipartite_matching(&g, PermType::Row);
        let by_row = maximum_bipartite_matching(&g, PermType::Column);
        assert_eq!((by_col.len(), by_row.len()), (g.shape().1, g.shape().0));
        // SciPy's Hopcroft-Karp step by step: the very same pairs
        assert_eq!(by_col, iv(&f, &format!("{c}/row")), "{c}");
        assert_eq!(by_row, iv(&f, &format!("{c}/column")), "{c}");
        // same size as SciPy's matching; every pair is an edge; the two views agree
        let scipy_size = iv(&f, &format!("{c}/row")).iter().filter(|&&r| r >= 0).count();
        assert_eq!(by_col.iter().filter(|&&r| r >= 0).count(), scipy_size, "{c}");
        assert_eq!(scipy_size, rank);
        for (j, &r) in by_col.iter().enumerate() {
            if r >= 0 {
                assert_ne!(g.get(r as usize, j).unwrap(), 0.0);
                assert_eq!(by_row[r as usize], j as i64);
            }
        }
    }
}

#[test]
fn dense_conversions_match_scipy() {
    let f = fx();
    let d = m(&f, "convert/d");
    let enc = |a: Array2<f64>| {
        a.mapv(|x| {
            if x.is_nan() {
                -777.0
            } else if x == f64::INFINITY {
                777.0
            } else if x == f64::NEG_INFINITY {
                -778.0
            } else {
                x
            }
        })
    };
    for (k, (nv, nn, inn)) in
        [(0.0, true, true), (-1.0, true, true), (f64::INFINITY, true, false), (0.0, false, true)]
            .into_iter()
            .enumerate()
    {
        let g = csgraph_from_dense(&d, nv, nn, inn).unwrap();
        assert_eq!(g.nnz() as i64, f.i64(&format!("convert/from{k}_nnz")), "{k}");
        assert_array_equal(&enc(g.toarray()), &m(&f, &format!("convert/from{k}")));
    }
    let dup =
        CsrMatrix::from_parts(vec![3.0, 0.0, 2.0, 5.0], vec![1, 1, 0, 2], vec![0, 2, 3, 4], (3, 3)).unwrap();
    assert_array_equal(&csgraph_to_dense(&dup, f64::INFINITY).unwrap(), &m(&f, "convert/to_inf"));
    assert_array_equal(&csgraph_to_dense(&dup, 0.0).unwrap(), &m(&f, "convert/to_zero"));
    assert!(csgraph_from_dense(&Array2::<f64>::zeros((2, 3)), 0.0, true, true).is_err());
    assert!(csgraph_to_dense(&CsrMatrix::<f64>::eye(2, 3, 0), 0.0).is_err());
}

#[test]
fn construct_dist_matrix_matches_scipy() {
    let f = fx();
    for c in ["doc", "random30"] {
        let g = graph(&f, c);
        for (directed, d) in [(true, "d"), (false, "u")] {
            let pred =
                f.array_i64(&format!("convert/cdm_{c}_{d}_pred")).into_dimensionality::<Ix2>().unwrap();
            let got = construct_dist_matrix(&g, &pred, directed, f64::INFINITY).unwrap();
            assert_allclose(&got, &m(&f, &format!("convert/cdm_{c}_{d}")), RTOL, 0.0);
        }
    }
    let g = CsrMatrix::<f64>::identity(2);
    assert!(construct_dist_matrix(&g, &array![[0, 1, 2]], true, 0.0).is_err());
    assert!(construct_dist_matrix(&g, &array![[-9999, 7]], true, 0.0).is_err());
}

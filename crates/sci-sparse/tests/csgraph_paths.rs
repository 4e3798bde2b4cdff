//! SciPy parity for dijkstra's limit and min_only, johnson, shortest_path's choice of method
//! and laplacian's options (fixtures from tools/fixtures/sparse_csgraph_paths.py).

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::csgraph::*;
use sci_sparse::linalg::LinearOperator;
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_csgraph_paths.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn iv(f: &Fixture, p: &str) -> Array1<i64> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap()
}

fn im(f: &Fixture, p: &str) -> Array2<i64> {
    f.array_i64(p).into_dimensionality::<Ix2>().unwrap()
}

fn graph(f: &Fixture, c: &str) -> CsrMatrix {
    let u = |k: &str| f.array_i64(&format!("{c}/g/{k}")).iter().map(|&x| x as usize).collect::<Vec<_>>();
    let sh = u("shape");
    let data: Vec<f64> = f.array_f64(&format!("{c}/g/data")).iter().copied().collect();
    CsrMatrix::from_triplets(&data, &u("row"), &u("col"), (sh[0], sh[1])).unwrap()
}

// Path lengths are sums of a few weights, added in the same order as SciPy.
const RTOL: f64 = 1e-13;

/// The random graphs have distinct path lengths, so predecessors and sources are unique;
/// "doc" has ties, broken by SciPy's Fibonacci heap in another order: distances only.
const UNIQUE: [&str; 3] = ["pos40", "pos25", "single"];

#[test]
fn dijkstra_limit_and_min_only_match_scipy() {
    let f = fx();
    for c in ["pos40", "pos25", "doc", "single"] {
        let g = graph(&f, c);
        let src: Vec<usize> = iv(&f, &format!("{c}/src")).iter().map(|&x| x as usize).collect();
        let limits = v(&f, &format!("{c}/limits"));
        let exact = UNIQUE.contains(&c);
        for (directed, d) in [(true, "d"), (false, "u")] {
            for (k, &limit) in limits.iter().enumerate() {
                let o = DijkstraOptions { directed, limit, ..Default::default() };
                let sp = dijkstra_with(&g, Some(&src), &o).unwrap();
                assert_allclose(&sp.dist, &m(&f, &format!("{c}/lim{k}_{d}")), RTOL, 0.0);
                let mo = dijkstra_min_only(&g, Some(&src), &o).unwrap();
                assert_allclose(&mo.dist, &v(&f, &format!("{c}/min{k}_{d}")), RTOL, 0.0);
                if exact {
                    assert_array_equal(&sp.predecessors, &im(&f, &format!("{c}/lim{k}_{d}_pred")));
                    assert_array_equal(&mo.predecessors, &iv(&f, &format!("{c}/min{k}_{d}_pred")));
                    assert_array_equal(&mo.sources, &iv(&f, &format!("{c}/min{k}_{d}_src")));
                }
            }
            let all =
                dijkstra_min_only(&g, None, &DijkstraOptions { directed, ..Default::default() }).unwrap();
            assert_array_equal(&all.dist, &v(&f, &format!("{c}/minall_{d}")));
            assert_array_equal(&all.predecessors, &iv(&f, &format!("{c}/minall_{d}_pred")));
            assert_array_equal(&all.sources, &iv(&f, &format!("{c}/minall_{d}_src")));
        }
    }
}

#[test]
fn min_only_is_the_minimum_over_sources() {
    // invariant beside the fixtures: min_only = column minimum of the per-source rows
    let f = fx();
    let g = graph(&f, "pos40");
    for directed in [true, false] {
        let o = DijkstraOptions { directed, limit: 4.0, ..Default::default() };
        let srcs = [3, 17, 29, 3];
        let rows = dijkstra_with(&g, Some(&srcs), &o).unwrap();
        let mo = dijkstra_min_only(&g, Some(&srcs), &o).unwrap();
        let colmin = rows.dist.map_axis(Axis(0), |c| c.iter().copied().fold(f64::INFINITY, f64::min));
        assert_array_equal(&mo.dist, &colmin);
        // a duplicated source gives two equal rows
        assert_eq!(rows.dist.row(0), rows.dist.row(3));
        for (j, &s) in mo.sources.iter().enumerate() {
            if s >= 0 {
                let r = srcs.iter().position(|&x| x as i64 == s).unwrap();
                assert_eq!(rows.dist[[r, j]], mo.dist[j]);
            }
        }
    }
}

#[test]
fn johnson_matches_scipy() {
    let f = fx();
    for c in ["pos40", "pos25", "doc", "single"] {
        let g = graph(&f, c);
        for (directed, d) in [(true, "d"), (false, "u")] {
            let sp = johnson(&g, directed, None, false).unwrap();
            assert_allclose(&sp.dist, &m(&f, &format!("{c}/j_{d}")), RTOL, 0.0);
            if UNIQUE.contains(&c) {
                assert_array_equal(&sp.predecessors, &im(&f, &format!("{c}/j_{d}_pred")));
            }
            let via = shortest_path(&g, Method::Johnson, directed, false, None).unwrap();
            assert_eq!(via, sp);
        }
    }
    let g = graph(&f, "neg30");
    let sp = johnson(&g, true, None, false).unwrap();
    // reweighting then undoing it leaves rounding of the potentials' size on zero distances
    assert_allclose(&sp.dist, &m(&f, "neg30/j_d"), RTOL, 1e-12);
    assert_array_equal(&sp.predecessors, &im(&f, "neg30/j_d_pred"));
    let sp = johnson(&g, true, Some(&[0, 3]), false).unwrap();
    assert_allclose(&sp.dist, &m(&f, "neg30/j_src"), RTOL, 1e-12);
    assert_array_equal(&sp.predecessors, &im(&f, "neg30/j_src_pred"));
    assert_allclose(
        &johnson(&g, true, None, true).unwrap().dist,
        &dijkstra(&g, true, None, true).unwrap().dist,
        0.0,
        0.0,
    );
    // a sparse graph with negative weights: auto is Johnson (same distances as Bellman-Ford)
    let auto = shortest_path(&g, Method::Auto, true, false, None).unwrap();
    assert_allclose(&auto.dist, &m(&f, "neg30/auto_d"), RTOL, 1e-12);
    assert_allclose(&auto.dist, &m(&f, "neg30/bf_d"), RTOL, 1e-12);
    assert!(dijkstra(&g, true, None, false).is_err());
    assert_eq!(f.get("negcycle/raises").as_bool(), Some(true));
    let c = graph(&f, "negcycle");
    // the node SciPy's NegativeCycleError names (the same Bellman-Ford check)
    let node = f.i64("negcycle/node") as usize;
    assert_eq!(johnson(&c, true, None, false).unwrap_err(), SparseError::NegativeCycle { node });
    for r in [
        bellman_ford(&c, true, None, false).map(drop),
        floyd_warshall(&c, true, false).map(drop),
        shortest_path(&c, Method::Johnson, true, false, None).map(drop),
        johnson(&c, false, None, false).map(drop),
    ] {
        assert!(matches!(r, Err(SparseError::NegativeCycle { .. })), "{r:?}");
    }
    assert!(shortest_path(&c, Method::Auto, true, false, None).is_err());
}

#[test]
fn auto_picks_floyd_warshall_on_dense_graphs() {
    let f = fx();
    let g = graph(&f, "dense_neg");
    let sp = shortest_path(&g, Method::Auto, true, false, None).unwrap();
    assert_array_equal(&sp.dist, &m(&f, "dense_neg/auto"));
    assert_array_equal(&sp.predecessors, &im(&f, "dense_neg/auto_pred"));
    assert_array_equal(&sp.predecessors, &im(&f, "dense_neg/fw_pred"));
    // with indices SciPy never uses Floyd-Warshall: Johnson here (negative weights)
    let some = shortest_path(&g, Method::Auto, true, false, Some(&[0])).unwrap();
    assert_array_equal(&some.dist.row(0), &sp.dist.row(0));
}

#[test]
fn laplacian_options_match_scipy() {
    let f = fx();
    let g = graph(&f, "laplacian");
    let eye = Array2::<f64>::eye(12);
    for normed in [false, true] {
        for use_out_degree in [false, true] {
            for symmetrized in [false, true] {
                let key = format!("{}{}{}", normed as u8, use_out_degree as u8, symmetrized as u8);
                let o = LaplacianOptions { normed, use_out_degree, symmetrized };
                let (l, d) = laplacian_with(&g, &o).unwrap();
                if !use_out_degree && !symmetrized {
                    assert_eq!(laplacian(&g, normed).unwrap(), l);
                }
                // normalization divides by two square roots: a few ulps apart from SciPy's sums
                assert_allclose(&l.toarray(), &m(&f, &format!("laplacian/a{key}")), 1e-14, 1e-15);
                assert_allclose(&d, &v(&f, &format!("laplacian/a{key}_diag")), 1e-14, 0.0);
                let (lo, d) = laplacian_operator(&g, &o).unwrap();
                assert_eq!(lo.shape(), (12, 12));
                assert_allclose(&d, &v(&f, &format!("laplacian/lo{key}_diag")), 1e-14, 0.0);
                let mut cols = Array2::zeros((12, 12));
                let mut tcols = Array2::zeros((12, 12));
                for j in 0..12 {
                    cols.column_mut(j).assign(&lo.matvec(eye.column(j)));
                    tcols.column_mut(j).assign(&lo.rmatvec(eye.column(j)).unwrap());
                }
                assert_allclose(&cols, &m(&f, &format!("laplacian/lo{key}")), 1e-14, 1e-15);
                assert_allclose(&tcols, &cols.t(), 1e-14, 1e-15);
            }
        }
    }
}

#[test]
fn bad_input_table() {
    let rect = CsrMatrix::<f64>::eye(2, 3, 0);
    let g = CsrMatrix::<f64>::identity(3);
    let neg = CsrMatrix::from_dense(&array![[0.0, -1.0], [0.0, 0.0]]);
    let nan = CsrMatrix::from_dense(&array![[0.0, f64::NAN], [0.0, 0.0]]);
    let d = DijkstraOptions::default();
    let cases: Vec<(&str, Result<()>)> = vec![
        ("dijkstra_with rect", dijkstra_with(&rect, None, &d).map(drop)),
        ("dijkstra_with index", dijkstra_with(&g, Some(&[3]), &d).map(drop)),
        (
            "dijkstra_with negative limit",
            dijkstra_with(&g, None, &DijkstraOptions { limit: -1.0, ..d }).map(drop),
        ),
        (
            "dijkstra_with NaN limit",
            dijkstra_with(&g, None, &DijkstraOptions { limit: f64::NAN, ..d }).map(drop),
        ),
        ("dijkstra_with negative weight", dijkstra_with(&neg, None, &d).map(drop)),
        ("min_only rect", dijkstra_min_only(&rect, None, &d).map(drop)),
        ("min_only index", dijkstra_min_only(&g, Some(&[0, 9]), &d).map(drop)),
        (
            "min_only negative limit",
            dijkstra_min_only(&g, None, &DijkstraOptions { limit: -0.5, ..d }).map(drop),
        ),
        ("johnson rect", johnson(&rect, true, None, false).map(drop)),
        ("johnson index", johnson(&g, true, Some(&[5]), false).map(drop)),
        ("johnson NaN", johnson(&nan, true, None, false).map(drop)),
        ("johnson undirected negative", johnson(&neg, false, None, false).map(drop)),
        ("laplacian_with rect", laplacian_with(&rect, &LaplacianOptions::default()).map(drop)),
        ("laplacian_operator rect", laplacian_operator(&rect, &LaplacianOptions::default()).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases() {
    // empty graph
    let e = CsrMatrix::<f64>::zeros((0, 0));
    let d = DijkstraOptions::default();
    assert_eq!(dijkstra_with(&e, None, &d).unwrap().dist.dim(), (0, 0));
    assert_eq!(dijkstra_min_only(&e, None, &d).unwrap().dist.len(), 0);
    assert_eq!(johnson(&e, true, None, false).unwrap().dist.dim(), (0, 0));
    assert_eq!(laplacian_with(&e, &LaplacianOptions::default()).unwrap().1.len(), 0);
    // limit 0 keeps only the sources (and zero-weight edges)
    let z = CsrMatrix::from_parts(vec![0.0, 1.0], vec![1, 2], vec![0, 1, 2, 2], (3, 3)).unwrap();
    let r = dijkstra_with(&z, Some(&[0]), &DijkstraOptions { limit: 0.0, ..d }).unwrap();
    assert_eq!(r.dist, array![[0.0, 0.0, f64::INFINITY]]);
    assert_eq!(r.predecessors, array![[-9999, 0, -9999]]);
    // empty indices: no rows; min_only: nothing reached
    assert_eq!(dijkstra_with(&z, Some(&[]), &d).unwrap().dist.dim(), (0, 3));
    let r = dijkstra_min_only(&z, Some(&[]), &d).unwrap();
    assert!(r.dist.iter().all(|x| x.is_infinite()) && r.sources.iter().all(|&s| s == -9999));
    // an infinite weight reaches the node at distance inf, as SciPy's heap does
    let inf = CsrMatrix::from_parts(vec![f64::INFINITY], vec![1], vec![0, 1, 1], (2, 2)).unwrap();
    let r = dijkstra(&inf, true, Some(&[0]), false).unwrap();
    assert_eq!(r.predecessors, array![[-9999, 0]]);
    assert_eq!(r.dist, array![[0.0, f64::INFINITY]]);
}

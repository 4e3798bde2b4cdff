//! SciPy parity for csgraph.yen (fixtures from tools/fixtures/sparse_csgraph_yen.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::csgraph::yen;
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_csgraph_yen.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// Path lengths: sums of a few weights, the k-th built from the (k-1)-th by subtracting
/// edges as SciPy does; negative weights add Johnson's potentials.
const RTOL: f64 = 1e-13;

#[test]
fn yen_matches_scipy() {
    let f = fx();
    for c in ["doc", "rand0", "rand1", "rand2", "neg"] {
        let g = CsrMatrix::from_dense(&f.array_f64(&format!("{c}/g")).into_dimensionality::<Ix2>().unwrap());
        let (s, t) = (f.i64(&format!("{c}/source")) as usize, f.i64(&format!("{c}/sink")) as usize);
        for (directed, d) in [(true, "d"), (false, "u")] {
            if c == "neg" && !directed {
                assert!(
                    yen(&g, s, t, 3, false, false).is_err(),
                    "an undirected negative edge is a negative cycle"
                );
                continue;
            }
            for k in [1usize, 3, 8] {
                let (dist, pred) = yen(&g, s, t, k, directed, false).unwrap();
                assert_allclose(&dist, &v(&f, &format!("{c}/{d}{k}")), RTOL, 1e-12);
                // random weights make the paths distinct in length: the same paths as SciPy
                let want: Array2<i64> =
                    f.array_i64(&format!("{c}/{d}{k}_pred")).into_dimensionality::<Ix2>().unwrap();
                if c != "doc" {
                    assert_array_equal(&pred, &want);
                }
                assert_eq!(pred.dim(), want.dim());
            }
            if c != "neg" {
                let (dist, _) = yen(&g, s, t, 5, directed, true).unwrap();
                assert_array_equal(&dist, &v(&f, &format!("{c}/{d}_unw")));
            }
        }
    }
}

#[test]
fn paths_are_loopless_and_have_their_lengths() {
    let f = fx();
    let d = f.array_f64("rand1/g").into_dimensionality::<Ix2>().unwrap();
    let g = CsrMatrix::from_dense(&d);
    let (dist, pred) = yen(&g, 0, 24, 8, true, false).unwrap();
    for (k, row) in pred.rows().into_iter().enumerate() {
        let (mut node, mut len, mut seen) = (24usize, 0.0, vec![false; 25]);
        while row[node] >= 0 {
            assert!(!seen[node], "path {k} revisits {node}");
            seen[node] = true;
            let p = row[node] as usize;
            len += d[[p, node]];
            node = p;
        }
        assert_eq!(node, 0);
        assert!((len - dist[k]).abs() <= 1e-12 * len);
    }
}

#[test]
fn bad_input_table() {
    let g = CsrMatrix::from_dense(&array![[0.0, 1.0], [0.0, 0.0]]);
    let rect = CsrMatrix::<f64>::eye(2, 3, 0);
    let nan = CsrMatrix::from_dense(&array![[0.0, f64::NAN], [0.0, 0.0]]);
    let cycle = CsrMatrix::from_dense(&array![[0.0, 1.0], [-2.0, 0.0]]);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("rect", yen(&rect, 0, 1, 2, true, false).map(drop)),
        ("source oob", yen(&g, 2, 1, 2, true, false).map(drop)),
        ("sink oob", yen(&g, 0, 9, 2, true, false).map(drop)),
        ("NaN", yen(&nan, 0, 1, 2, true, false).map(drop)),
        ("negative cycle", yen(&cycle, 0, 1, 2, true, false).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases() {
    let g = CsrMatrix::from_dense(&array![[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
    // unreachable sink: no path; K = 0: nothing
    let (d, p) = yen(&g, 0, 2, 3, true, false).unwrap();
    assert_eq!((d.len(), p.dim()), (0, (0, 3)));
    assert_eq!(yen(&g, 0, 1, 0, true, false).unwrap().0.len(), 0);
    // a single path, K larger than the number of paths
    let (d, p) = yen(&g, 0, 1, 4, true, false).unwrap();
    assert_eq!((d, p), (array![1.0], array![[-9999, 0, -9999]]));
    // source == sink: the empty path
    assert_eq!(yen(&g, 1, 1, 3, true, false).unwrap().0, array![0.0]);
}

//! SciPy parity for csgraph.maximum_flow (fixtures from tools/fixtures/sparse_csgraph_flow.py).

use sci_array::ndarray::{Array2, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_sparse::csgraph::{FlowMethod, maximum_flow};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_csgraph_flow.json")).unwrap()
}

fn im(f: &Fixture, p: &str) -> Array2<i64> {
    f.array_i64(p).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn maximum_flow_matches_scipy() {
    let f = fx();
    let names = [
        "clrs",
        "two",
        "disconnected",
        "sink_to_source",
        "rand0",
        "rand0_mid",
        "rand1",
        "rand1_mid",
        "rand2",
        "rand2_mid",
    ];
    for c in names {
        let g = CsrMatrix::from_dense(&im(&f, &format!("{c}/g")));
        let (s, t) = (f.i64(&format!("{c}/source")) as usize, f.i64(&format!("{c}/sink")) as usize);
        for (method, key) in [(FlowMethod::Dinic, "dinic"), (FlowMethod::EdmondsKarp, "edmonds_karp")] {
            let r = maximum_flow(&g, s, t, method).unwrap();
            assert_eq!(r.flow_value, f.i64(&format!("{c}/{key}_value")), "{c} {key}");
            // the same flow on every edge as SciPy's implementation, and the same stored pattern
            assert_eq!(r.flow.toarray(), im(&f, &format!("{c}/{key}_flow")), "{c} {key}");
            assert_eq!(r.flow.nnz() as i64, f.i64(&format!("{c}/{key}_nnz")), "{c} {key}");
            // a flow: antisymmetric, within capacities, conserved away from source and sink
            let fl = r.flow.toarray();
            let cap = g.toarray();
            assert_eq!(fl, -fl.t().to_owned());
            assert!(fl.iter().zip(cap.iter()).all(|(&x, &k)| x <= k));
            let net = fl.sum_axis(sci_array::ndarray::Axis(1));
            for (v, &x) in net.iter().enumerate() {
                if v != s && v != t {
                    assert_eq!(x, 0, "{c} {key} node {v}");
                }
            }
        }
    }
}

#[test]
fn bad_input_table() {
    let g = CsrMatrix::from_dense(&array![[0i64, 1], [0, 0]]);
    let rect = CsrMatrix::from_dense(&array![[0i64, 1, 0]]);
    let neg = CsrMatrix::from_dense(&array![[0i64, -1], [0, 0]]);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("rect", maximum_flow(&rect, 0, 1, FlowMethod::Dinic).map(drop)),
        ("source oob", maximum_flow(&g, 2, 1, FlowMethod::Dinic).map(drop)),
        ("sink oob", maximum_flow(&g, 0, 5, FlowMethod::EdmondsKarp).map(drop)),
        ("source == sink", maximum_flow(&g, 1, 1, FlowMethod::Dinic).map(drop)),
        ("negative capacity", maximum_flow(&neg, 0, 1, FlowMethod::EdmondsKarp).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases() {
    // no edges at all; duplicates are summed (1 + 2 from 0 to 1)
    let e = CsrMatrix::<i64>::zeros((3, 3));
    let r = maximum_flow(&e, 0, 2, FlowMethod::Dinic).unwrap();
    assert_eq!((r.flow_value, r.flow.nnz()), (0, 0));
    let d = CsrMatrix::from_parts(vec![1i64, 2], vec![1, 1], vec![0, 2, 2], (2, 2)).unwrap();
    assert_eq!(maximum_flow(&d, 0, 1, FlowMethod::EdmondsKarp).unwrap().flow_value, 3);
}

//! SciPy parity for csgraph.min_weight_full_bipartite_matching (fixtures from
//! tools/fixtures/sparse_csgraph_assignment.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_sparse::csgraph::min_weight_full_bipartite_matching;
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_csgraph_assignment.json"))
        .unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn uv(f: &Fixture, p: &str) -> Array1<usize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().mapv(|x| x as usize)
}

#[test]
fn matching_matches_scipy() {
    let f = fx();
    for c in ["sq8", "sq30", "wide", "tall", "ties", "ties_wide", "dense", "neg"] {
        let d = m(&f, &format!("{c}/g"));
        let g = CsrMatrix::from_dense(&d);
        let (r, col) = min_weight_full_bipartite_matching(&g, false).unwrap();
        // the same pairs as SciPy, ties included (integer weights in "ties")
        assert_eq!(r, uv(&f, &format!("{c}/row")), "{c}");
        assert_eq!(col, uv(&f, &format!("{c}/col")), "{c}");
        let w: f64 = r.iter().zip(col.iter()).map(|(&i, &j)| d[[i, j]]).sum();
        assert!((w - f.f64(&format!("{c}/weight"))).abs() <= 1e-12 * w.abs().max(1.0), "{c}");
        let (r, col) = min_weight_full_bipartite_matching(&g, true).unwrap();
        assert_eq!(r, uv(&f, &format!("{c}/row_max")), "{c} maximize");
        assert_eq!(col, uv(&f, &format!("{c}/col_max")), "{c} maximize");
        // the CSC-ordered transpose gives the transposed matching
        let (rt, ct) = min_weight_full_bipartite_matching(&g.transpose().tocsr(), false).unwrap();
        let mut pairs: Vec<(usize, usize)> = ct.iter().copied().zip(rt.iter().copied()).collect();
        pairs.sort_unstable();
        let want: Vec<(usize, usize)> =
            uv(&f, &format!("{c}/row")).iter().copied().zip(uv(&f, &format!("{c}/col"))).collect();
        let wt: f64 = pairs.iter().map(|&(i, j)| d[[i, j]]).sum();
        let ww: f64 = want.iter().map(|&(i, j)| d[[i, j]]).sum();
        assert!((wt - ww).abs() <= 1e-12 * ww.abs().max(1.0), "{c} transposed: same optimal weight");
    }
}

#[test]
fn zeros_and_infinities_are_not_edges() {
    let f = fx();
    let z = CsrMatrix::from_triplets(
        &[0.0, 1.0, f64::INFINITY, 2.0, 3.0],
        &[0, 0, 1, 1, 2],
        &[0, 1, 1, 2, 0],
        (3, 3),
    )
    .unwrap();
    let (r, c) = min_weight_full_bipartite_matching(&z, false).unwrap();
    assert_eq!(r, uv(&f, "zero_inf/row"));
    assert_eq!(c, uv(&f, "zero_inf/col"));
}

#[test]
fn maximum_bipartite_matching_pairs_match_scipy() {
    use sci_sparse::csgraph::{PermType, maximum_bipartite_matching};
    let f = fx();
    let iv = |p: &str| f.array_i64(p).into_dimensionality::<Ix1>().unwrap();
    for k in 0..6 {
        let g = CsrMatrix::from_dense(&m(&f, &format!("hk/p{k}")));
        assert_eq!(maximum_bipartite_matching(&g, PermType::Row), iv(&format!("hk/p{k}_row")), "p{k}");
        assert_eq!(maximum_bipartite_matching(&g, PermType::Column), iv(&format!("hk/p{k}_column")), "p{k}");
    }
    let u = CsrMatrix::from_parts(
        f.array_f64("hk/u_data").iter().copied().collect(),
        uv(&f, "hk/u_indices").to_vec(),
        uv(&f, "hk/u_indptr").to_vec(),
        (3, 3),
    )
    .unwrap();
    assert_eq!(maximum_bipartite_matching(&u, PermType::Row), iv("hk/u_row"));
    assert_eq!(maximum_bipartite_matching(&u, PermType::Column), iv("hk/u_column"));
}

#[test]
fn bad_input_table() {
    let f = fx();
    for k in 0..3 {
        let g = CsrMatrix::from_dense(&m(&f, &format!("bad/b{k}")));
        assert_eq!(f.get(&format!("bad/b{k}_raises")).as_bool(), Some(true));
        assert!(min_weight_full_bipartite_matching(&g, false).is_err(), "b{k}");
        assert!(min_weight_full_bipartite_matching(&g, true).is_err(), "b{k} maximize");
    }
}

#[test]
fn edge_cases() {
    for shape in [(0, 0), (0, 3), (3, 0)] {
        let (r, c) = min_weight_full_bipartite_matching(&CsrMatrix::zeros(shape), false).unwrap();
        assert_eq!((r.len(), c.len()), (0, 0));
    }
    let one = CsrMatrix::from_dense(&array![[-2.5]]);
    assert_eq!(min_weight_full_bipartite_matching(&one, false).unwrap(), (array![0], array![0]));
    let row = CsrMatrix::from_dense(&array![[3.0, 1.0, 2.0]]);
    assert_eq!(min_weight_full_bipartite_matching(&row, false).unwrap().1, array![1]);
    assert_eq!(min_weight_full_bipartite_matching(&row, true).unwrap().1, array![0]);
}

//! SciPy parity for block_diag, kronsum, spdiags, sparse.linalg.norm / inv / spbandwidth /
//! is_sptriangular and csgraph.laplacian (fixtures from tools/fixtures/sparse_extras.py).

use sci_array::ndarray::{Array2, Ix2};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::csgraph::laplacian;
use sci_sparse::linalg::*;
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_extras.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn sm(f: &Fixture, p: &str) -> CsrMatrix {
    CsrMatrix::from_dense(&m(f, p))
}

#[test]
fn constructors_match_scipy() {
    let f = fx();
    let (a, b, c) = (sm(&f, "blocks/a"), sm(&f, "blocks/b"), sm(&f, "blocks/c"));
    assert_array_equal(&block_diag(&[&a, &b, &c]).toarray(), &m(&f, "blocks/block_diag"));
    assert_allclose(&kronsum(&b, &c).unwrap().toarray(), &m(&f, "blocks/kronsum"), 1e-15, 0.0);
    let data: Vec<Vec<f64>> = (0..3).map(|r| (1..=4).map(|j| (4 * r + j) as f64).collect()).collect();
    assert_array_equal(&spdiags(&data, &[0, -1, 2], 4, 5).unwrap().toarray(), &m(&f, "blocks/spdiags"));
    let data = vec![vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]];
    assert_array_equal(&spdiags(&data, &[1, -2], 5, 3).unwrap().toarray(), &m(&f, "blocks/spdiags_wide"));
    assert_eq!(block_diag::<f64>(&[]).shape(), (0, 0));
}

#[test]
fn norms_match_scipy() {
    let f = fx();
    for name in ["a", "c", "empty"] {
        let x = if name == "empty" { CsrMatrix::zeros((3, 2)) } else { sm(&f, &format!("blocks/{name}")) };
        for (ord, key) in [
            (NormOrd::Fro, "fro"),
            (NormOrd::Inf, "inf"),
            (NormOrd::NegInf, "neginf"),
            (NormOrd::One, "one"),
            (NormOrd::NegOne, "negone"),
        ] {
            let want = f.f64(&format!("norm/{name}/{key}"));
            assert!((norm(&x, ord).unwrap() - want).abs() <= 1e-15 * want.abs(), "{name} {key}");
        }
    }
}

#[test]
fn inv_band_triangular_match_scipy() {
    let f = fx();
    let c = sm(&f, "inv/c");
    // LU solves with condition number ~10.
    assert_allclose(&inv(&c).unwrap().toarray(), &m(&f, "inv/inv"), 1e-13, 1e-15);
    let t = sm(&f, "band/t");
    let bw: Vec<usize> = f.array_i64("band/bw").iter().map(|&x| x as usize).collect();
    assert_eq!(spbandwidth(&t), (bw[0], bw[1]));
    let bwa: Vec<usize> = f.array_i64("band/bw_a").iter().map(|&x| x as usize).collect();
    assert_eq!(spbandwidth(&sm(&f, "blocks/a")), (bwa[0], bwa[1]));
    let tri = f.array_bool("band/tri");
    assert_eq!(is_sptriangular(&t).unwrap(), (tri[0], tri[1]));
    let tri = f.array_bool("band/tri_l");
    assert_eq!(is_sptriangular(&tril(&t, 0)).unwrap(), (tri[0], tri[1]));
    assert!(is_sptriangular(&CsrMatrix::<f64>::eye(2, 3, 0)).is_err());
    assert_eq!(inv(&CsrMatrix::<f64>::zeros((2, 2))).unwrap_err(), SparseError::SingularMatrix);
}

#[test]
fn laplacian_matches_scipy() {
    let f = fx();
    let g = sm(&f, "laplacian/g");
    assert_allclose(&laplacian(&g, false).unwrap().toarray(), &m(&f, "laplacian/lap"), 1e-15, 0.0);
    assert_allclose(&laplacian(&g, true).unwrap().toarray(), &m(&f, "laplacian/lap_normed"), 1e-15, 1e-16);
    let s = g.add(&g.transpose().tocsr()).unwrap();
    assert_allclose(&laplacian(&s, false).unwrap().toarray(), &m(&f, "laplacian/lap_sym"), 1e-15, 0.0);
    assert_allclose(
        &laplacian(&s, true).unwrap().toarray(),
        &m(&f, "laplacian/lap_sym_normed"),
        1e-15,
        1e-16,
    );
    assert!(laplacian(&CsrMatrix::<f64>::eye(2, 3, 0), false).is_err());
}

#[test]
fn bad_input_table() {
    let sq = CsrMatrix::<f64>::identity(2);
    let rect = CsrMatrix::<f64>::eye(2, 3, 0);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("kronsum A", kronsum(&rect, &sq).map(drop)),
        ("kronsum B", kronsum(&sq, &rect).map(drop)),
        ("spdiags count", spdiags(&[vec![1.0]], &[0, 1], 2, 2).map(drop)),
        ("spdiags repeated", spdiags(&[vec![1.0], vec![2.0]], &[1, 1], 2, 2).map(drop)),
        ("inv rect", inv(&rect).map(drop)),
        ("is_sptriangular rect", is_sptriangular(&rect).map(drop)),
        ("laplacian rect", laplacian(&rect, true).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn expm_multiply_matches_scipy() {
    let f = fx();
    let v = |p: &str| f.array_f64(p).into_dimensionality::<sci_array::ndarray::Ix1>().unwrap();
    let h = sm(&f, "expm/h");
    let x = v("expm/v");
    // same algorithm and parameters: agreement to rounding of ~20 Taylor terms
    assert_allclose(&expm_multiply(&h, &x).unwrap(), &v("expm/hv"), 1e-13, 1e-15);
    assert_allclose(&expm_multiply(&h, &m(&f, "expm/v2")).unwrap(), &m(&f, "expm/hv2"), 1e-13, 1e-15);
    let r = sm(&f, "expm/r");
    assert_allclose(
        &expm_multiply(&r, &x.slice(sci_array::ndarray::s![..40])).unwrap(),
        &v("expm/rv"),
        1e-13,
        1e-15,
    );
    let big = sm(&f, "expm/big");
    assert_allclose(&expm_multiply(&big, &x).unwrap(), &v("expm/bigv"), 1e-11, 1e-14);
    // SciPy picks (m, s) from norm estimates here; both are accurate to ~1e-10 relative to
    // the largest entry (the result spans many orders of magnitude).
    let huge = sm(&f, "expm/huge");
    let want = v("expm/hugev");
    let scale = want.iter().fold(0.0f64, |a, b| a.max(b.abs()));
    assert_allclose(
        &expm_multiply(&huge, &x.slice(sci_array::ndarray::s![..36])).unwrap(),
        &want,
        1e-8,
        1e-10 * scale,
    );
    let z = expm_multiply(&CsrMatrix::<f64>::zeros((4, 4)), &sci_array::ndarray::array![0.0, 1.0, 2.0, 3.0])
        .unwrap();
    assert_array_equal(&z, &v("expm/zero"));
    assert!(expm_multiply(&CsrMatrix::<f64>::eye(2, 3, 0), &sci_array::ndarray::array![1.0, 2.0]).is_err());
    assert!(expm_multiply(&h, &sci_array::ndarray::array![1.0, 2.0]).is_err());
}

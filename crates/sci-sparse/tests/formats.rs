//! SciPy parity for the sparse formats and constructors (fixtures from
//! tools/fixtures/sparse_formats.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::random::default_rng;
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_formats.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn u(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).iter().map(|&x| x as usize).collect()
}

// Sums of a handful of products: rounding differs from SciPy's order by a few ulps at most.
const RTOL: f64 = 1e-13;

const CASES: [&str; 9] = [
    "tour",
    "dups_unsorted",
    "explicit_zeros",
    "empty_3x3",
    "empty_0x3",
    "empty_0x0",
    "row_1x5",
    "col_5x1",
    "random_7x9",
];

fn load_case(f: &Fixture, c: &str) -> (CsrMatrix, CscMatrix, CooMatrix) {
    let data = v(f, &format!("{c}/data")).to_vec();
    let (row, col) = (u(f, &format!("{c}/row")), u(f, &format!("{c}/col")));
    let sh = u(f, &format!("{c}/shape"));
    let shape = (sh[0], sh[1]);
    let csr = CsrMatrix::from_triplets(&data, &row, &col, shape).unwrap();
    let csc = CscMatrix::from_triplets(&data, &row, &col, shape).unwrap();
    let coo = CooMatrix::new(data, row, col, shape).unwrap();
    (csr, csc, coo)
}

#[test]
fn construction_matches_scipy_storage() {
    let f = fx();
    for c in CASES {
        let (a, b, coo) = load_case(&f, c);
        let dense = m(&f, &format!("{c}/dense"));
        assert_array_equal(&a.toarray(), &dense);
        assert_array_equal(&b.toarray(), &dense);
        assert_array_equal(&coo.toarray(), &dense);
        assert_eq!(a.indptr(), &u(&f, &format!("{c}/csr_indptr"))[..], "{c}");
        assert_eq!(a.indices(), &u(&f, &format!("{c}/csr_indices"))[..], "{c}");
        assert_eq!(a.data(), v(&f, &format!("{c}/csr_data")).as_slice().unwrap(), "{c}");
        assert_eq!(b.indptr(), &u(&f, &format!("{c}/csc_indptr"))[..], "{c}");
        assert_eq!(b.indices(), &u(&f, &format!("{c}/csc_indices"))[..], "{c}");
        assert_eq!(b.data(), v(&f, &format!("{c}/csc_data")).as_slice().unwrap(), "{c}");
        assert!(a.has_canonical_format() && b.has_canonical_format());
        // conversions in every direction keep the matrix
        assert_array_equal(&a.tocsc().toarray(), &dense);
        assert_array_equal(&b.tocsr().toarray(), &dense);
        assert_eq!(a.tocsc(), b, "{c}");
        assert_eq!(b.tocsr(), a, "{c}");
        assert_array_equal(&a.tocoo().toarray(), &dense);
        assert_array_equal(&b.tocoo().tocsr().toarray(), &dense);
        assert_array_equal(&coo.tocsc().toarray(), &dense);
        assert_array_equal(&a.transpose().toarray(), &dense.t());
        assert_array_equal(&b.transpose().toarray(), &dense.t());
        assert_array_equal(&coo.transpose().toarray(), &dense.t());
        assert_array_equal(&CsrMatrix::from_dense(&dense).toarray(), &dense);
        assert_array_equal(&CscMatrix::from_dense(&dense).toarray(), &dense);
    }
}

#[test]
fn reductions_and_structure_match_scipy() {
    let f = fx();
    for c in CASES {
        let (a, b, _) = load_case(&f, c);
        for (ax, key) in [(0, "sum0"), (1, "sum1")] {
            assert_allclose(&a.sum_axis(ax).unwrap(), &v(&f, &format!("{c}/{key}")), RTOL, 0.0);
            assert_allclose(&b.sum_axis(ax).unwrap(), &v(&f, &format!("{c}/{key}")), RTOL, 0.0);
        }
        assert!((a.sum() - f.f64(&format!("{c}/sum"))).abs() <= 1e-12 * (1.0 + a.sum().abs()));
        for (k, key) in [(0, "diag0"), (1, "diag1"), (-1, "diagm1")] {
            assert_array_equal(&a.diagonal(k), &v(&f, &format!("{c}/{key}")));
            assert_array_equal(&b.diagonal(k), &v(&f, &format!("{c}/{key}")));
        }
        let mut e = a.clone();
        e.eliminate_zeros();
        assert_eq!(e.nnz() as i64, f.i64(&format!("{c}/nnz_elim")), "{c}");
        assert_eq!(a.count_nonzero() as i64, f.i64(&format!("{c}/count_nonzero")), "{c}");
        assert_array_equal(&tril(&a, 0).toarray(), &m(&f, &format!("{c}/tril")));
        assert_array_equal(&triu(&a, 1).toarray(), &m(&f, &format!("{c}/triu1")));
        let (r, cc, vals) = find(&a);
        assert_eq!(r.to_vec(), u(&f, &format!("{c}/find_r")), "{c}");
        assert_eq!(cc.to_vec(), u(&f, &format!("{c}/find_c")), "{c}");
        assert_array_equal(&vals, &v(&f, &format!("{c}/find_v")));
    }
}

#[test]
fn products_match_scipy() {
    let f = fx();
    for c in CASES {
        let (a, b, _) = load_case(&f, c);
        let n = a.shape().1;
        let x = Array1::from_iter((1..=n).map(|i| i as f64));
        let xx = Array2::from_shape_fn((n, 2), |(i, j)| (2 * i + j + 1) as f64);
        assert_allclose(&a.dot(&x).unwrap(), &v(&f, &format!("{c}/matvec")), RTOL, 0.0);
        assert_allclose(&b.dot(&x).unwrap(), &v(&f, &format!("{c}/matvec")), RTOL, 0.0);
        assert_allclose(&a.dot_dense(&xx).unwrap(), &m(&f, &format!("{c}/matmat")), RTOL, 0.0);
        assert_allclose(&b.dot_dense(&xx).unwrap(), &m(&f, &format!("{c}/matmat")), RTOL, 0.0);
        let ata = m(&f, &format!("{c}/ata"));
        assert_allclose(&a.transpose().tocsr().matmul(&a).unwrap().toarray(), &ata, RTOL, 1e-15);
        assert_allclose(&b.transpose().tocsc().matmul(&b).unwrap().toarray(), &ata, RTOL, 1e-15);
    }
}

#[test]
fn products_accept_views() {
    let a = CsrMatrix::from_dense(&array![[1.0, 2.0, 0.0], [0.0, 3.0, 4.0]]);
    let x = array![10.0, 0.0, 20.0, 0.0, 30.0];
    let xv = x.slice(s![..;2]);
    assert_eq!(a.dot(&xv).unwrap(), array![50.0, 180.0]);
    assert_eq!(a.tocsc().dot(&x.slice(s![..;-2])).unwrap(), array![70.0, 100.0]);
    let xx = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
    assert_eq!(
        a.dot_dense(&xx.slice(s![..;-1, ..])).unwrap(),
        a.dot_dense(&array![[5.0, 6.0], [3.0, 4.0], [1.0, 2.0]]).unwrap()
    );
}

#[test]
fn arithmetic_matches_scipy() {
    let f = fx();
    let (a, b, c) = (m(&f, "arith/a"), m(&f, "arith/b"), m(&f, "arith/c"));
    let (sa, sb, sc) = (CsrMatrix::from_dense(&a), CsrMatrix::from_dense(&b), CsrMatrix::from_dense(&c));
    assert_array_equal(&sa.add(&sb).unwrap().toarray(), &m(&f, "arith/add"));
    assert_array_equal(&sa.sub(&sb).unwrap().toarray(), &m(&f, "arith/sub"));
    assert_array_equal(&sa.multiply(&sb).unwrap().toarray(), &m(&f, "arith/mul"));
    assert_array_equal(&sa.scale(2.5).toarray(), &m(&f, "arith/scale"));
    assert_allclose(&sa.matmul(&sc).unwrap().toarray(), &m(&f, "arith/matmul"), RTOL, 0.0);
    assert_array_equal(&kron(&sa, &sc).toarray(), &m(&f, "arith/kron"));
    assert_array_equal(&hstack(&[&sa, &sb]).unwrap().toarray(), &m(&f, "arith/hstack"));
    assert_array_equal(&vstack(&[&sa, &sb]).unwrap().toarray(), &m(&f, "arith/vstack"));
    assert_eq!(sa.sub(&sa).unwrap().nnz() as i64, f.i64("arith/sub_self_nnz"));
    let (ca, cb) = (sa.tocsc(), sb.tocsc());
    assert_array_equal(&ca.add(&cb).unwrap().toarray(), &m(&f, "arith/add"));
    assert_array_equal(&ca.multiply(&cb).unwrap().toarray(), &m(&f, "arith/mul"));
    assert_allclose(&ca.matmul(&sc.tocsc()).unwrap().toarray(), &m(&f, "arith/matmul"), RTOL, 0.0);
}

#[test]
fn eye_and_diags_match_scipy() {
    let f = fx();
    assert_array_equal(&eye::<f64>(3, 4, 1).toarray(), &m(&f, "eye/e34_1"));
    assert_array_equal(&CscMatrix::<f64>::eye(4, 3, -2).toarray(), &m(&f, "eye/e43_m2"));
    assert_array_equal(&eye::<f64>(3, 3, 3).toarray(), &m(&f, "eye/e33_3"));
    let d1 =
        diags(&[vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 2.0, 3.0], vec![1.0, 2.0]], &[0, -1, 2], None).unwrap();
    assert_array_equal(&d1.toarray(), &m(&f, "diags/d1"));
    let d2 = diags(&[vec![1.0], vec![-2.0], vec![1.0]], &[-1, 0, 1], Some((5, 5))).unwrap();
    assert_array_equal(&d2.toarray(), &m(&f, "diags/d2"));
    let d3 = diags(&[vec![1.0, 2.0, 3.0, 4.0, 5.0], vec![7.0, 8.0, 9.0]], &[0, 3], Some((3, 6))).unwrap();
    assert_array_equal(&d3.toarray(), &m(&f, "diags/d3"));
    let d4 = diags(&[vec![1.0, 0.0, 3.0]], &[0], None).unwrap();
    assert_array_equal(&d4.toarray(), &m(&f, "diags/d4"));
    assert_eq!(d4.nnz(), 2);
}

#[test]
fn random_matches_scipy_bit_for_bit() {
    let f = fx();
    for (mm, n, seed) in [(3, 4, 42), (10, 7, 0), (50, 40, 7), (4, 4, 1), (3, 2, 5)] {
        let key = format!("random_{mm}_{n}_{seed}");
        let d = f.f64(&format!("{key}/density"));
        let r = random(mm, n, d, &mut default_rng(seed)).unwrap();
        assert_eq!(r.row(), &u(&f, &format!("{key}/row"))[..], "{key}");
        assert_eq!(r.col(), &u(&f, &format!("{key}/col"))[..], "{key}");
        assert_eq!(r.data(), v(&f, &format!("{key}/data")).as_slice().unwrap(), "{key}");
    }
}

#[test]
fn canonical_format_operations() {
    // unsorted with a duplicate and an explicit zero
    let mut a =
        CsrMatrix::from_parts(vec![1.0, 2.0, 3.0, 0.0], vec![2, 0, 2, 1], vec![0, 3, 4], (2, 3)).unwrap();
    assert!(!a.has_sorted_indices() && !a.has_canonical_format());
    let dense = a.toarray();
    assert_eq!(dense, array![[2.0, 0.0, 4.0], [0.0, 0.0, 0.0]]);
    assert_eq!(a.get(0, 2).unwrap(), 4.0);
    a.sort_indices();
    assert_eq!(a.indices(), &[0, 2, 2, 1]);
    assert!(a.has_sorted_indices() && !a.has_canonical_format());
    a.sum_duplicates();
    assert_eq!((a.indices(), a.data()), (&[0, 2, 1][..], &[2.0, 4.0, 0.0][..]));
    a.eliminate_zeros();
    assert_eq!(a.nnz(), 2);
    assert_eq!(a.toarray(), dense);
    let mut coo = CooMatrix::new(vec![1.0, 0.0, 2.0], vec![1, 0, 1], vec![1, 0, 1], (2, 2)).unwrap();
    assert!(!coo.has_canonical_format());
    coo.sum_duplicates();
    assert_eq!((coo.row(), coo.data()), (&[0, 1][..], &[0.0, 3.0][..]));
    coo.eliminate_zeros();
    assert_eq!(coo.nnz(), 1);
}

#[test]
fn other_element_types() {
    use num_complex::Complex64;
    let a = CsrMatrix::<i64>::from_triplets(&[1, 2, 3], &[0, 1, 1], &[0, 1, 1], (2, 2)).unwrap();
    assert_eq!(a.toarray(), array![[1, 0], [0, 5]]);
    assert_eq!(a.dot(&array![2, 3]).unwrap(), array![2, 15]);
    let f = a.map(|v| v as f32).scale(0.5);
    assert_eq!(f.data(), &[0.5f32, 2.5]);
    let z = CsrMatrix::from_dense(&array![[Complex64::new(0.0, 1.0), Complex64::new(0.0, 0.0)]]);
    let y = z.dot(&array![Complex64::new(0.0, 1.0), Complex64::new(1.0, 0.0)]).unwrap();
    assert_eq!(y, array![Complex64::new(-1.0, 0.0)]);
}

#[test]
fn memory_is_data_plus_indices_plus_indptr() {
    let a = random(1000, 1000, 0.01, &mut default_rng(0)).unwrap().tocsr();
    assert_eq!(a.nnz(), 10_000);
    assert_eq!(a.nbytes(), 10_000 * 8 + 10_000 * 8 + 1001 * 8);
    // vs. the dense matrix's 8 MB
    assert!(a.nbytes() * 40 < 1000 * 1000 * 8);
}

#[test]
fn row_slicing_and_sprs_roundtrip() {
    let a = CsrMatrix::from_dense(&array![[1.0, 0.0], [2.0, 3.0], [0.0, 4.0]]);
    assert_eq!(a.slice_rows(1, 3).unwrap().toarray(), array![[2.0, 3.0], [0.0, 4.0]]);
    assert_eq!(a.slice_rows(3, 3).unwrap().shape(), (0, 2));
    assert_eq!(a.getrow(2).unwrap().toarray(), array![[0.0, 4.0]]);
    assert_eq!(a.tocsc().getcol(0).unwrap().toarray(), array![[1.0], [2.0], [0.0]]);
    assert_eq!(CsrMatrix::from_sprs(&a.to_sprs()), a);
}

#[test]
fn bad_input_table() {
    let a = CsrMatrix::<f64>::identity(3);
    let b = CsrMatrix::<f64>::identity(2);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("coo length", CooMatrix::new(vec![1.0], vec![0, 1], vec![0], (2, 2)).map(drop)),
        ("coo row oob", CooMatrix::new(vec![1.0], vec![2], vec![0], (2, 2)).map(drop)),
        ("coo col oob", CooMatrix::new(vec![1.0], vec![0], vec![9], (2, 2)).map(drop)),
        ("triplets oob", CsrMatrix::from_triplets(&[1.0], &[0], &[3], (3, 3)).map(drop)),
        ("parts indptr len", CsrMatrix::from_parts(vec![1.0], vec![0], vec![0, 1], (2, 2)).map(drop)),
        ("parts indptr start", CsrMatrix::from_parts(vec![1.0], vec![0], vec![1, 1, 1], (2, 2)).map(drop)),
        (
            "parts indptr decreasing",
            CsrMatrix::from_parts(vec![1.0], vec![0], vec![0, 2, 1], (2, 2)).map(drop),
        ),
        (
            "parts indptr end",
            CsrMatrix::from_parts(vec![1.0, 1.0], vec![0, 0], vec![0, 1, 1], (2, 2)).map(drop),
        ),
        ("parts index oob", CscMatrix::from_parts(vec![1.0], vec![2], vec![0, 1, 1], (2, 2)).map(drop)),
        ("parts data len", CsrMatrix::from_parts(vec![1.0], vec![0, 1], vec![0, 1, 2], (2, 2)).map(drop)),
        ("add shape", a.add(&b).map(drop)),
        ("sub shape", a.sub(&b).map(drop)),
        ("multiply shape", a.tocsc().multiply(&b.tocsc()).map(drop)),
        ("dot len", a.dot(&array![1.0, 2.0]).map(drop)),
        ("dot_dense rows", a.dot_dense(&Array2::<f64>::zeros((2, 2))).map(drop)),
        ("csc dot len", a.tocsc().dot(&array![1.0]).map(drop)),
        ("matmul shape", a.matmul(&b).map(drop)),
        ("csc matmul shape", a.tocsc().matmul(&b.tocsc()).map(drop)),
        ("sum axis", a.sum_axis(2).map(drop)),
        ("sum axis neg", a.sum_axis(-3).map(drop)),
        ("get row", a.get(3, 0).map(drop)),
        ("get col", a.get(0, 3).map(drop)),
        ("slice stop", a.slice_rows(0, 4).map(drop)),
        ("slice order", a.slice_rows(2, 1).map(drop)),
        ("getrow", a.getrow(5).map(drop)),
        ("getcol", a.tocsc().getcol(5).map(drop)),
        ("hstack empty", hstack::<f64>(&[]).map(drop)),
        ("hstack rows", hstack(&[&a, &b]).map(drop)),
        ("vstack cols", vstack(&[&a, &b]).map(drop)),
        ("diags count", diags(&[vec![1.0]], &[0, 1], None).map(drop)),
        ("diags repeated", diags(&[vec![1.0], vec![1.0]], &[0, 0], Some((2, 2))).map(drop)),
        ("diags short", diags(&[vec![1.0, 2.0]], &[0], Some((3, 3))).map(drop)),
        ("diags offset", diags(&[vec![1.0]], &[4], Some((3, 3))).map(drop)),
        ("diags none", diags::<f64>(&[], &[], None).map(drop)),
        ("diags huge offset", diags(&[vec![1.0]], &[isize::MIN], None).map(drop)),
        ("diags huge offset shape", diags(&[vec![1.0]], &[isize::MAX], Some((3, 3))).map(drop)),
        ("random density", random(2, 2, -0.1, &mut default_rng(0)).map(drop)),
        ("random overflow", random(usize::MAX, 2, 0.1, &mut default_rng(0)).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn parallel_kernels_agree_with_serial_ones() {
    // 125,000 stored entries: above the rayon threshold of the row kernels.
    let a = random(500, 500, 0.5, &mut default_rng(3)).unwrap().tocsr();
    let d = a.toarray();
    let x = Array1::from_iter((0..500).map(|i| (i as f64).sin()));
    // Row sums in a different order than ndarray's dot: a few ulps of the row norm.
    assert_allclose(&a.dot(&x).unwrap(), &d.dot(&x), 1e-12, 1e-12);
    assert_allclose(&a.tocsc().dot(&x).unwrap(), &d.dot(&x), 1e-12, 1e-12);
    let xx = d.slice(s![.., ..3]).to_owned();
    assert_allclose(&a.dot_dense(&xx).unwrap(), &d.dot(&xx), 1e-12, 1e-12);
    let c = a.matmul(&a).unwrap();
    // unsorted rows (SciPy's order) without duplicates
    let mut sorted = c.clone();
    sorted.sort_indices();
    assert!(sorted.has_canonical_format());
    assert_allclose(&c.toarray(), &d.dot(&d), 1e-12, 1e-12);
    // the serial path (a small left factor) gives the same rows bit for bit
    let top = a.slice_rows(0, 1).unwrap().matmul(&a).unwrap();
    assert_eq!(top, c.slice_rows(0, 1).unwrap());
}

#[test]
fn elementwise_functions_match_scipy() {
    let f = fx();
    let (p, q, full) = (m(&f, "elementwise/p"), m(&f, "elementwise/q"), m(&f, "elementwise/f"));
    let (sp, sq, sf) = (CsrMatrix::from_dense(&p), CsrMatrix::from_dense(&q), CsrMatrix::from_dense(&full));
    let close = |a: f64, key: &str| {
        let b = f.f64(&format!("elementwise/{key}"));
        assert!((a - b).abs() <= 1e-14 * b.abs().max(1.0), "{key}: {a} vs {b}");
    };
    for (a, c) in [(sp.clone(), "p"), (sf.clone(), "f")] {
        close(a.max().unwrap(), &format!("{c}_max"));
        close(a.min().unwrap(), &format!("{c}_min"));
        close(a.mean(), &format!("{c}_mean"));
        let t = a.tocsc();
        close(t.max().unwrap(), &format!("{c}_max"));
        close(t.min().unwrap(), &format!("{c}_min"));
    }
    close(sp.trace(0), "p_trace");
    close(sp.trace(1), "p_trace1");
    assert_allclose(&sp.power(2.0).unwrap().toarray(), &m(&f, "elementwise/p_pow2"), 1e-15, 0.0);
    assert_allclose(&sp.tocsc().power(3.0).unwrap().toarray(), &m(&f, "elementwise/p_pow3"), 1e-15, 0.0);
    let mx = sp.maximum(&sq).unwrap();
    assert_array_equal(&mx.toarray(), &m(&f, "elementwise/maximum"));
    assert_eq!(mx.nnz() as i64, f.i64("elementwise/maximum_nnz"));
    let mn = sp.minimum(&sq).unwrap();
    assert_array_equal(&mn.toarray(), &m(&f, "elementwise/minimum"));
    assert_eq!(mn.nnz() as i64, f.i64("elementwise/minimum_nnz"));
    // NaN propagates; empty matrices have no extremes
    let nan = CsrMatrix::from_dense(&array![[1.0, f64::NAN]]);
    assert!(nan.max().unwrap().is_nan() && nan.min().unwrap().is_nan());
    assert!(CsrMatrix::<f64>::zeros((0, 0)).min().is_err());
    assert!(CsrMatrix::<f64>::zeros((0, 2)).mean().is_nan());
    assert!(sp.maximum(&CsrMatrix::zeros((2, 2))).is_err());
    assert!(sp.power(0.0).is_err());
}

#[test]
fn display_like_scipy() {
    // str(sp.csr_array(...)) of the tour matrix, SciPy 1.17
    let a = CsrMatrix::from_triplets(
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        &[0, 0, 1, 2, 2, 2],
        &[0, 2, 2, 0, 1, 2],
        (3, 3),
    )
    .unwrap();
    let want = "<Compressed Sparse Row sparse array of dtype 'float64'\n\twith 6 stored elements and shape (3, 3)>\n  Coords\tValues\n  (0, 0)\t1.0\n  (0, 2)\t2.0\n  (1, 2)\t3.0\n  (2, 0)\t4.0\n  (2, 1)\t5.0\n  (2, 2)\t6.0";
    assert_eq!(a.to_string(), want);
    let csc = "<Compressed Sparse Column sparse array of dtype 'float64'\n\twith 6 stored elements and shape (3, 3)>\n  Coords\tValues\n  (0, 0)\t1.0\n  (2, 0)\t4.0\n  (2, 1)\t5.0\n  (0, 2)\t2.0\n  (1, 2)\t3.0\n  (2, 2)\t6.0";
    assert_eq!(a.tocsc().to_string(), csc);
    assert_eq!(a.tocoo().to_string(), want.replace("Compressed Sparse Row", "COOrdinate"));
    // more than 50 entries: the first and last 25
    let s = CsrMatrix::<f64>::identity(60).to_string();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 54);
    assert_eq!((lines[27], lines[28], lines[29]), ("  (24, 24)\t1.0", "  :\t:", "  (35, 35)\t1.0"));
    assert!(CsrMatrix::<f32>::identity(1).to_string().contains("'float32'"));
}

#[test]
fn trimat_round_trip_keeps_order_and_duplicates() {
    let f = fx();
    for c in CASES {
        let (_, _, coo) = load_case(&f, c);
        let t = coo.to_trimat();
        assert_eq!(t.shape(), coo.shape(), "{c}");
        let back = CooMatrix::from_trimat(&t);
        assert_eq!(back, coo, "{c}");
        assert_array_equal(&back.toarray(), &m(&f, &format!("{c}/dense")));
    }
}

/// The parallel kernels (above 1e5 stored entries) against sequential references.
#[test]
fn large_products_and_conversions_match_small_kernels() {
    let mut rng = default_rng(7);
    let n = 3000;
    let x = random(n, n, 0.02, &mut rng).unwrap().tocsr();
    let y = random(n, n, 0.02, &mut rng).unwrap().tocsr();
    let v = Array1::from_iter((0..n).map(|i| ((i * 7919) % 113) as f64 - 56.0));
    // spmv: the same sums in the same order as row by row; non-contiguous x too
    let want: Array1<f64> = (0..n)
        .map(|i| {
            let r = x.getrow(i).unwrap();
            r.indices().iter().zip(r.data()).fold(0.0, |s, (&j, &a)| s + a * v[j])
        })
        .collect();
    assert_array_equal(&x.dot(&v).unwrap(), &want);
    let v2 = Array1::from_iter(v.iter().flat_map(|&a| [a, 0.0]));
    assert_array_equal(&x.dot(&v2.slice(s![..;2])).unwrap(), &want);
    // spgemm: (X Y) v = X (Y v), no duplicates in the output; X Y - X Y cancels to no stored entries
    let c = x.matmul(&y).unwrap();
    let mut sorted = c.clone();
    sorted.sort_indices();
    assert!(sorted.has_canonical_format());
    assert_allclose(&c.dot(&v).unwrap(), &x.dot(&y.dot(&v).unwrap()).unwrap(), 1e-12, 1e-9);
    // (integer values: the sums are exact)
    let ints = |a: &CsrMatrix<f64>| {
        let d = a.data().iter().map(|v| (v * 8.0).round()).collect();
        CsrMatrix::from_parts(d, a.indices().to_vec(), a.indptr().to_vec(), a.shape()).unwrap()
    };
    let (xi, yi) = (ints(&x), ints(&y));
    let neg = yi.scale(-1.0);
    let zero = hstack(&[&xi, &xi]).unwrap().matmul(&vstack(&[&yi, &neg]).unwrap()).unwrap();
    assert_eq!((zero.nnz(), zero.indptr().len()), (0, n + 1));
    // COO -> CSR with many duplicates: the sum of each (row, col) in storage order
    let k = 400_000;
    let rows: Vec<usize> = (0..k).map(|t| (t * 7) % 997).collect();
    let cols: Vec<usize> = (0..k).map(|t| (t * 13) % 1009).collect();
    let vals: Vec<f64> = (0..k).map(|t| (t % 17) as f64 - 8.0).collect();
    let csr = CooMatrix::new(vals.clone(), rows.clone(), cols.clone(), (997, 1009)).unwrap().tocsr();
    assert!(csr.has_canonical_format());
    let mut dense = Array2::<f64>::zeros((997, 1009));
    for t in 0..k {
        dense[[rows[t], cols[t]]] += vals[t];
    }
    assert_array_equal(&csr.toarray(), &dense);
}

/// The parallel `sum_duplicates` (above 1e5 entries): lines packed per block, blocks moved
/// together; an already canonical matrix stays as it is.
#[test]
fn large_sum_duplicates_packs_blocks() {
    let (m, n, per) = (1000, 1000, 300);
    // each line: columns 299..0 (reversed), the last line with column 0 twice more
    let mut indices: Vec<usize> = Vec::new();
    let mut indptr = vec![0usize];
    for i in 0..m {
        indices.extend((0..per).rev());
        if i == m - 1 {
            indices.extend([0, 0]);
        }
        indptr.push(indices.len());
    }
    let data: Vec<f64> = (0..indices.len()).map(|k| (k % 7) as f64 + 1.0).collect();
    let a = CsrMatrix::from_parts(data.clone(), indices.clone(), indptr.clone(), (m, n)).unwrap();
    let dense = a.toarray();
    let mut b = a.clone();
    b.sum_duplicates();
    assert!(b.has_canonical_format());
    assert_eq!(b.nnz(), m * per);
    assert_eq!(b.indptr()[m], m * per);
    assert_array_equal(&b.toarray(), &dense);
    let mut c = b.clone();
    c.sum_duplicates();
    assert_eq!(c, b);
}

/// COO -> CSR above 1e5 entries (parallel `sum_duplicates`): duplicates add up in storage
/// order, which rounding makes visible: (1e16 - 1e16) + 1 = 1 but (-1e16 + 1) + 1e16 = 0.
#[test]
fn large_coo_to_csr_sums_duplicates_in_storage_order() {
    let k = 300_000;
    let (m, n) = (1000, 1000);
    // distinct filler cells, none at (5, 7) or (6, 8)
    let mut rows: Vec<usize> = (0..k).map(|t| t % m).collect();
    let mut cols: Vec<usize> = (0..k).map(|t| 10 + (t / m) % (n - 10)).collect();
    let mut vals: Vec<f64> = (0..k).map(|t| t as f64).collect();
    for (p, v) in [(0, 1e16), (k / 2, 1.0), (k - 1, -1e16)] {
        (rows[p], cols[p], vals[p]) = (5, 7, v);
    }
    for (p, v) in [(1, 1e16), (k / 2 + 1, -1e16), (k - 2, 1.0)] {
        (rows[p], cols[p], vals[p]) = (6, 8, v);
    }
    let coo = CooMatrix::new(vals.clone(), rows.clone(), cols.clone(), (m, n)).unwrap();
    for csr in [coo.tocsr(), CsrMatrix::from_triplets(&vals, &rows, &cols, (m, n)).unwrap()] {
        assert!(csr.has_canonical_format());
        assert_eq!(csr.nnz(), k - 4);
        assert_eq!((csr.get(5, 7).unwrap(), csr.get(6, 8).unwrap()), (0.0, 1.0));
        // the explicit zero of (5, 7) is stored, as SciPy stores it
        let r5 = csr.getrow(5).unwrap();
        assert_eq!((r5.indices()[0], r5.data()[0]), (7, 0.0));
        assert_eq!(csr.get(997, 10 + 299).unwrap(), 299_997.0);
    }
    let csc = coo.tocsc();
    assert_eq!((csc.get(5, 7).unwrap(), csc.get(6, 8).unwrap()), (0.0, 1.0));
}

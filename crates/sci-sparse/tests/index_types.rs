//! SciPy parity of int32 and int64 index types (fixtures from
//! tools/fixtures/sparse_index_types.py): the raw arrays of construction, conversions,
//! products and arithmetic for matrices stored with `i32` and `i64` indices, SciPy's index
//! dtype of each result and its `nbytes`; the errors for sizes an index type cannot hold.

use sci_array::ndarray::{Array1, Array2, ArrayD, Axis, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_sparse::{
    CooMatrix, CscMatrix, CsrMatrix, SpIndex, SparseError, SparseScalar, diags, identity, kron,
};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_index_types.json")).unwrap()
}

/// A value type of the fixtures, loaded from its JSON encoding.
trait Val: SparseScalar + sci_array::testing::CloseElement {
    /// Relative tolerance for values computed in this type: sums in SciPy's order, so a few
    /// ulps at most.
    const RTOL: f64;
    fn load_nd(f: &Fixture, p: &str) -> ArrayD<Self>;
    fn load(f: &Fixture, p: &str) -> Vec<Self> {
        Self::load_nd(f, p).iter().copied().collect()
    }
}

impl Val for f64 {
    const RTOL: f64 = 1e-15;
    fn load_nd(f: &Fixture, p: &str) -> ArrayD<Self> {
        f.array_f64(p)
    }
}

impl Val for f32 {
    const RTOL: f64 = 1e-6;
    fn load_nd(f: &Fixture, p: &str) -> ArrayD<Self> {
        f.array_f64(p).mapv(|v| v as f32)
    }
}

impl Val for Complex64 {
    const RTOL: f64 = 1e-15;
    fn load_nd(f: &Fixture, p: &str) -> ArrayD<Self> {
        f.array_c64(p)
    }
}

fn ints<I: SpIndex>(f: &Fixture, p: &str) -> Vec<I> {
    f.array_i64(p).iter().map(|&v| I::from_idx(v as usize)).collect()
}

fn dense<T: Val>(f: &Fixture, p: &str) -> Array2<T> {
    T::load_nd(f, p).into_dimensionality::<Ix2>().unwrap()
}

fn close<T: Val>(got: &[T], want: &[T], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    assert_allclose(&Array1::from(got.to_vec()), &Array1::from(want.to_vec()), T::RTOL, 0.0);
}

/// `got` = (data, indices, indptr, nbytes) against SciPy's raw arrays, dtype and nbytes at `p`.
fn check_raw<T: Val, I: SpIndex>(f: &Fixture, p: &str, got: (&[T], &[I], &[I], usize)) {
    assert_eq!(got.2, &ints::<I>(f, &format!("{p}/indptr"))[..], "{p} indptr");
    assert_eq!(got.1, &ints::<I>(f, &format!("{p}/indices"))[..], "{p} indices");
    close(got.0, &T::load(f, &format!("{p}/data")), p);
    // SciPy returns a new int32 matrix for a product without entries whatever the operands'
    // index dtype; sci keeps the operands' index type, so only that case differs
    let scipy_dtype = f.str(&format!("{p}/dtype"));
    if p.starts_with("empty/int64/matmul") {
        assert_eq!((scipy_dtype, got.0.len()), ("int32", 0), "{p}");
        return;
    }
    assert_eq!(I::DTYPE, scipy_dtype, "{p} dtype");
    assert_eq!(got.3, f.i64(&format!("{p}/nbytes")) as usize, "{p} nbytes");
}

/// `check_raw` on a CSR or CSC matrix expression.
macro_rules! check {
    ($f:expr, $p:expr, $m:expr) => {{
        let m = &$m;
        check_raw($f, $p, (m.data(), m.indices(), m.indptr(), m.nbytes()))
    }};
}

fn check_case<T: Val, I: SpIndex>(f: &Fixture, c: &str) {
    let key = I::DTYPE;
    let p = |s: &str| format!("{c}/{key}/{s}");
    let data = T::load(f, &format!("{c}/data"));
    let (row, col) = (ints::<I>(f, &format!("{c}/row")), ints::<I>(f, &format!("{c}/col")));
    let sh = f.array_i64(&format!("{c}/shape"));
    let shape = (sh[0] as usize, sh[1] as usize);
    let want_dense = dense::<T>(f, &format!("{c}/dense"));

    // construction: COO, CSR and CSC from the same triplets
    let coo = CooMatrix::new(data.clone(), row.clone(), col.clone(), shape).unwrap();
    assert_eq!(coo.nbytes(), f.i64(&p("coo_nbytes")) as usize, "{c} coo nbytes");
    assert_eq!(coo.toarray(), want_dense, "{c} coo toarray");
    let a = CsrMatrix::from_triplets(&data, &row, &col, shape).unwrap();
    check!(f, &p("csr"), a);
    assert_eq!(coo.tocsr(), a, "{c} coo.tocsr");
    let ac = CscMatrix::from_triplets(&data, &row, &col, shape).unwrap();
    check!(f, &p("csc"), ac);
    assert_eq!(coo.tocsc(), ac, "{c} coo.tocsc");
    assert_eq!(a.toarray(), want_dense, "{c} toarray");
    assert_eq!(ac.toarray(), want_dense, "{c} csc toarray");
    assert!(a.has_canonical_format() && ac.has_canonical_format());
    let back =
        CsrMatrix::from_parts(a.data().to_vec(), a.indices().to_vec(), a.indptr().to_vec(), shape).unwrap();
    assert_eq!(back, a);

    // conversions
    check!(f, &p("csr_tocsc"), a.tocsc());
    check!(f, &p("csc_tocsr"), ac.tocsr());
    assert_eq!(a.transpose().toarray(), want_dense.t(), "{c} transpose");
    assert_eq!(a.transpose().transpose(), a);
    assert_eq!(a.tocoo().tocsr(), a, "{c} tocoo");
    let wide = a.to_index_type::<usize>().unwrap();
    assert_eq!(
        (wide.indptr().len(), wide.nnz(), wide.toarray()),
        (a.indptr().len(), a.nnz(), want_dense.clone())
    );
    assert_eq!(wide.to_index_type::<I>().unwrap(), a, "{c} index round trip");
    assert_eq!(coo.to_index_type::<i64>().unwrap().to_index_type::<I>().unwrap(), coo);

    // sparse x dense, also on a non-contiguous x
    let x = Array1::from(T::load(f, &format!("{c}/x")));
    let xm = dense::<T>(f, &format!("{c}/xm"));
    let ax = T::load(f, &p("ax"));
    close(a.dot(&x).unwrap().as_slice().unwrap(), &ax, &p("ax"));
    let strided = Array2::from_shape_fn((x.len(), 2), |(i, k)| if k == 0 { x[i] } else { T::one() });
    close(&a.dot(&strided.column(0)).unwrap().to_vec(), &ax, &p("ax strided"));
    close(&ac.dot(&x).unwrap().to_vec(), &T::load(f, &p("acx")), &p("acx"));
    let axm = a.dot_dense(&xm).unwrap();
    close(&axm.iter().copied().collect::<Vec<T>>(), &T::load(f, &p("axm")), &p("axm"));
    let axm_c = ac.dot_dense(&xm).unwrap();
    close(&axm_c.iter().copied().collect::<Vec<T>>(), &T::load(f, &p("axm")), &p("axm csc"));

    // sparse x sparse and element-wise arithmetic against B (dense in the fixture)
    let bd = dense::<T>(f, &format!("{c}/b_dense"));
    let b = CsrMatrix::from_dense(&bd).to_index_type::<I>().unwrap();
    let bt = CsrMatrix::from_dense(&bd.t()).to_index_type::<I>().unwrap();
    check!(f, &p("matmul"), a.matmul(&bt).unwrap());
    check!(f, &p("matmul_csc"), ac.matmul(&bt.tocsc()).unwrap());
    check!(f, &p("add"), a.add(&b).unwrap());
    check!(f, &p("sub"), a.sub(&b).unwrap());
    check!(f, &p("mul"), a.multiply(&b).unwrap());
    check!(f, &p("scale"), a.scale(T::one() + T::one()));

    // sum_duplicates of the unsummed triplets, grouped by row in input order (SciPy's
    // storage before its sum_duplicates)
    let mut order: Vec<usize> = (0..data.len()).collect();
    order.sort_by_key(|&k| row[k]);
    let mut indptr = vec![I::from_idx(0); shape.0 + 1];
    for &r in &row {
        indptr[r.idx() + 1] = I::from_idx(indptr[r.idx() + 1].idx() + 1);
    }
    for i in 0..shape.0 {
        indptr[i + 1] = I::from_idx(indptr[i + 1].idx() + indptr[i].idx());
    }
    let mut raw_m = CsrMatrix::from_parts(
        order.iter().map(|&k| data[k]).collect(),
        order.iter().map(|&k| col[k]).collect(),
        indptr,
        shape,
    )
    .unwrap();
    let dups = data.len() != a.nnz() || !raw_m.has_sorted_indices();
    assert_eq!(raw_m.has_canonical_format(), !dups, "{c}");
    raw_m.sum_duplicates();
    check!(f, &p("sum_duplicates"), raw_m);
    raw_m.sort_indices();
    let mut z = raw_m.scale(T::zero());
    z.eliminate_zeros();
    assert_eq!((z.nnz(), z.indptr().len()), (0, shape.0 + 1));
}

const CASES: [&str; 5] = ["tour", "dups", "empty", "one", "random_40x30"];

/// Every case with index type `I`: f64, then float32 and complex values.
fn all_cases<I: SpIndex>() {
    let f = fx();
    for c in CASES {
        check_case::<f64, I>(&f, c);
    }
    check_case::<f32, I>(&f, "float32");
    check_case::<Complex64, I>(&f, "complex");
}

#[test]
fn int32_matrices_equal_scipy_int32_storage() {
    all_cases::<i32>();
}

#[test]
fn int64_matrices_equal_scipy_int64_storage() {
    all_cases::<i64>();
}

#[test]
fn scipy_int32_choices_and_nbytes() {
    let f = fx();
    // eye_array(1000): int32 in SciPy, 16004 bytes
    let e = CsrMatrix::<f64>::identity(1000).to_index_type::<i32>().unwrap();
    assert_eq!((i32::DTYPE, e.nbytes()), (f.str("eye1000/dtype"), f.i64("eye1000/nbytes") as usize));
    // the 2-d Poisson matrix: int32 in SciPy, and so is its square
    let t = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((12, 12))).unwrap();
    let i = identity::<f64>(12);
    let p = kron(&t, &i).add(&kron(&i, &t)).unwrap().to_index_type::<i32>().unwrap();
    assert_eq!(f.str("poisson12/dtype"), "int32");
    check!(&f, "poisson12/product", p.matmul(&p).unwrap());
    // the usize result is the same matrix
    let pu = p.to_index_type::<usize>().unwrap();
    assert_eq!(pu.matmul(&pu).unwrap().to_index_type::<i32>().unwrap(), p.matmul(&p).unwrap());
}

#[test]
fn usize_and_narrow_index_types_agree_on_large_random_products() {
    // above the parallel threshold of the kernels: the row blocks give the same storage
    let (m, n) = (3000usize, 2000usize);
    let mut s = 99u64;
    let mut next = || {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        s >> 33
    };
    let cnt = 60_000;
    let row: Vec<usize> = (0..cnt).map(|_| next() as usize % m).collect();
    let col: Vec<usize> = (0..cnt).map(|_| next() as usize % n).collect();
    let val: Vec<f64> = (0..cnt).map(|_| next() as f64 / 1e9 - 2.0).collect();
    let a = CsrMatrix::from_triplets(&val, &row, &col, (m, n)).unwrap();
    let at = a.transpose().tocsr();
    let c = a.matmul(&at).unwrap();
    let a32 = a.to_index_type::<i32>().unwrap();
    let c32 = a32.matmul(&at.to_index_type::<i32>().unwrap()).unwrap();
    assert_eq!(c32.to_index_type::<usize>().unwrap(), c);
    let x = Array1::from_shape_fn(n, |j| (j as f64).sin());
    assert_eq!(a32.dot(&x).unwrap(), a.dot(&x).unwrap());
    let row32: Vec<i32> = row.iter().map(|&r| r as i32).collect();
    let col32: Vec<i32> = col.iter().map(|&r| r as i32).collect();
    assert_eq!(CsrMatrix::from_triplets(&val, &row32, &col32, (m, n)).unwrap(), a32);
    assert_eq!(a32.tocsc().to_index_type::<usize>().unwrap(), a.tocsc());
    let mut sums = a32.toarray().sum_axis(Axis(1));
    sums -= &a.toarray().sum_axis(Axis(1));
    assert!(sums.iter().all(|&d| d == 0.0));
}

fn overflow(e: SparseError) -> (&'static str, &'static str) {
    match e {
        SparseError::IndexOverflow { arg, dtype, .. } => (arg, dtype),
        other => panic!("expected IndexOverflow, got {other:?}"),
    }
}

#[test]
fn sizes_an_index_type_cannot_hold_are_errors() {
    let big = 1usize << 31;
    type R<T> = Result<T, SparseError>;
    let table: Vec<(&str, R<()>, (&str, &str))> = vec![
        ("coo shape", CooMatrix::new(vec![1.0], vec![0i32], vec![0], (1, big)).map(drop), ("shape", "int32")),
        (
            "csr from_parts shape",
            CsrMatrix::<f64, i32>::from_parts(vec![], vec![], vec![0], (0, big)).map(drop),
            ("shape", "int32"),
        ),
        (
            "csc from_triplets shape",
            CscMatrix::<f64, i32>::from_triplets(&[], &[], &[], (big, 1)).map(drop),
            ("shape", "int32"),
        ),
        (
            "csr to int32",
            CsrMatrix::<f64>::zeros((1, big)).to_index_type::<i32>().map(drop),
            ("shape", "int32"),
        ),
        (
            "coo to int32",
            CooMatrix::<f64>::new(vec![], vec![], vec![], (big, 1)).unwrap().to_index_type::<i32>().map(drop),
            ("shape", "int32"),
        ),
        (
            "csc i64 shape",
            CscMatrix::<f64, i64>::from_parts(vec![], vec![], vec![0], (1 << 63, 0)).map(drop),
            ("shape", "int64"),
        ),
    ];
    for (what, got, want) in table {
        assert_eq!(overflow(got.expect_err(what)), want, "{what}");
    }
    // a product with more entries than int32 counts: a 46341 x 1 column times a 1 x 46341 row
    let n = 46_341usize;
    let col = CsrMatrix::<f64, i32>::from_parts(vec![1.0; n], vec![0; n], (0..=n as i32).collect(), (n, 1))
        .unwrap();
    let row =
        CsrMatrix::<f64, i32>::from_parts(vec![1.0; n], (0..n as i32).collect(), vec![0, n as i32], (1, n))
            .unwrap();
    match col.matmul(&row).unwrap_err() {
        SparseError::IndexOverflow { arg, value, dtype } => {
            assert_eq!((arg, value, dtype), ("indptr", (n * n) as u64, "int32"))
        }
        other => panic!("expected IndexOverflow, got {other:?}"),
    }
    // negative and out-of-bounds indices
    let bad: Vec<(&str, R<()>)> = vec![
        ("negative row", CsrMatrix::from_triplets(&[1.0], &[-1i32], &[0], (2, 2)).map(drop)),
        ("negative col", CooMatrix::new(vec![1.0], vec![0i64], vec![-3], (2, 2)).map(drop)),
        ("negative index", CsrMatrix::from_parts(vec![1.0], vec![-1i32], vec![0, 1], (1, 2)).map(drop)),
        ("index too large", CscMatrix::from_parts(vec![1.0], vec![2i64], vec![0, 1], (2, 1)).map(drop)),
        ("negative indptr", CsrMatrix::from_parts(vec![1.0], vec![0i32], vec![0, -1, 1], (2, 2)).map(drop)),
    ];
    for (what, got) in bad {
        let e = got.expect_err(what);
        assert!(
            matches!(e, SparseError::InvalidValue { .. } | SparseError::IndexOutOfBounds { .. }),
            "{what}: {e:?}"
        );
    }
    assert_eq!(
        CsrMatrix::from_parts(vec![1.0], vec![-1i32], vec![0, 1], (1, 2)).unwrap_err().to_string(),
        "invalid value for `indices`: indices must be >= 0"
    );
    assert_eq!(
        overflow(CooMatrix::new(vec![1.0], vec![0i32], vec![0], (1, big)).unwrap_err()),
        ("shape", "int32")
    );
    assert_eq!(
        CooMatrix::new(vec![1.0], vec![0i32], vec![0], (1, big)).unwrap_err().to_string(),
        "shape values too large for dtype int32 (got 2147483648)"
    );
}

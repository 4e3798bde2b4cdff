//! SciPy parity for the LIL, DIA and BSR formats and `bmat` (fixtures from
//! tools/fixtures/sparse_lil_dia_bsr.py).

use sci_array::ndarray::{Array1, Array2, Array3, Ix1, Ix2, Ix3, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_lil_dia_bsr.json")).unwrap()
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

fn keys(f: &Fixture, p: &str) -> Vec<String> {
    let mut k: Vec<String> = f.get(p).as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

// Products sum a handful of terms in another order than SciPy: a few ulps.
const RTOL: f64 = 1e-14;

fn csr_input(f: &Fixture, c: &str) -> CsrMatrix {
    let sh = u(f, &format!("csr/{c}/shape"));
    CsrMatrix::from_parts(
        v(f, &format!("csr/{c}/data")).to_vec(),
        u(f, &format!("csr/{c}/indices")),
        u(f, &format!("csr/{c}/indptr")),
        (sh[0], sh[1]),
    )
    .unwrap()
}

#[test]
fn lil_from_csr_matches_scipy() {
    let f = fx();
    for c in keys(&f, "csr") {
        let p = |k: &str| format!("csr/{c}/{k}");
        let a = csr_input(&f, &c);
        let dense = m(&f, &p("dense"));
        let l = a.tolil();
        let n = l.shape().0;
        assert_eq!(f.get(&p("lil_rows")).as_array().unwrap().len(), n, "{c}");
        for i in 0..n {
            assert_eq!(l.rows()[i], u(&f, &format!("csr/{c}/lil_rows/{i}")), "{c} row {i}");
            assert_eq!(
                &l.data()[i][..],
                v(&f, &format!("csr/{c}/lil_data/{i}")).as_slice().unwrap(),
                "{c} row {i}"
            );
        }
        assert_eq!(l.nnz() as i64, f.i64(&p("lil_nnz")), "{c}");
        assert_array_equal(&l.toarray(), &dense);
        assert_array_equal(&l.tocsr().toarray(), &dense);
        assert_array_equal(&l.tocsc().toarray(), &dense);
        assert_array_equal(&l.tocoo().toarray(), &dense);
        assert_array_equal(&l.transpose().toarray(), &dense.t().to_owned());
        assert_array_equal(&LilMatrix::from_dense(&dense).toarray(), &dense);
        let x = Array1::from_shape_fn(dense.ncols(), |j| (j + 1) as f64);
        assert_allclose(&l.dot(&x).unwrap(), &v(&f, &p("matvec")), RTOL, 0.0);
        for i in 0..dense.nrows() {
            assert_array_equal(&l.getrow(i).unwrap().toarray(), &dense.slice(s![i..i + 1, ..]).to_owned());
            for j in 0..dense.ncols() {
                assert_eq!(l.get(i, j).unwrap(), dense[[i, j]]);
            }
        }
    }
}

#[test]
fn lil_incremental_construction_matches_scipy() {
    let f = fx();
    let ops = m(&f, "lil_ops/ops");
    let mut l = LilMatrix::zeros((3, 4));
    for op in ops.rows() {
        l.set(op[0] as usize, op[1] as usize, op[2]).unwrap();
    }
    for i in 0..3 {
        assert_eq!(l.rows()[i], u(&f, &format!("lil_ops/rows/{i}")));
        assert_eq!(&l.data()[i][..], v(&f, &format!("lil_ops/data/{i}")).as_slice().unwrap());
    }
    assert_eq!(l.nnz() as i64, f.i64("lil_ops/nnz"));
    assert_array_equal(&l.toarray(), &m(&f, "lil_ops/dense"));
    assert_array_equal(&l.getrow(2).unwrap().toarray(), &m(&f, "lil_ops/row2"));
    assert_array_equal(&l.transpose().toarray(), &m(&f, "lil_ops/T_dense"));
    // other element types
    let mut li = LilMatrix::<i64>::zeros((2, 2));
    li.set(1, 0, 5).unwrap();
    assert_eq!(li.tocsr().toarray(), array![[0, 0], [5, 0]]);
}

#[test]
fn dia_from_csr_matches_scipy() {
    let f = fx();
    for c in keys(&f, "csr") {
        let p = |k: &str| format!("csr/{c}/{k}");
        let a = csr_input(&f, &c);
        let dense = m(&f, &p("dense"));
        let d = a.todia();
        let offs: Vec<isize> = f.array_i64(&p("dia_offsets")).iter().map(|&x| x as isize).collect();
        assert_eq!(d.offsets(), &offs[..], "{c}");
        assert_array_equal(d.data(), &m(&f, &p("dia_data")));
        assert_eq!(d.nnz() as i64, f.i64(&p("dia_nnz")), "{c}");
        assert_array_equal(&d.toarray(), &dense);
        let x = Array1::from_shape_fn(dense.ncols(), |j| (j + 1) as f64);
        assert_allclose(&d.dot(&x).unwrap(), &v(&f, &p("dia_matvec")), RTOL, 0.0);
        let coo = d.tocoo();
        assert_eq!(coo.row(), &u(&f, &p("dia_coo_row"))[..], "{c}");
        assert_eq!(coo.col(), &u(&f, &p("dia_coo_col"))[..], "{c}");
        assert_eq!(coo.data(), v(&f, &p("dia_coo_data")).as_slice().unwrap(), "{c}");
        assert_array_equal(&d.tocsr().toarray(), &dense);
        assert_array_equal(&d.tocsc().toarray(), &dense);
        assert_array_equal(&DiaMatrix::from_dense(&dense).toarray(), &dense);
    }
}

#[test]
fn dia_from_data_and_offsets_matches_scipy() {
    let f = fx();
    for c in keys(&f, "dia") {
        let p = |k: &str| format!("dia/{c}/{k}");
        let sh = u(&f, &p("shape"));
        let offs: Vec<isize> = f.array_i64(&p("offsets")).iter().map(|&x| x as isize).collect();
        let d = DiaMatrix::new(m(&f, &p("data")), offs, (sh[0], sh[1])).unwrap();
        assert_array_equal(&d.toarray(), &m(&f, &p("dense")));
        assert_eq!(d.nnz() as i64, f.i64(&p("nnz")), "{c}");
        let x = Array1::from_shape_fn(sh[1], |j| (j + 1) as f64);
        assert_allclose(&d.dot(&x).unwrap(), &v(&f, &p("matvec")), RTOL, 0.0);
        let coo = d.tocoo();
        assert_eq!(coo.row(), &u(&f, &p("coo_row"))[..], "{c}");
        assert_eq!(coo.col(), &u(&f, &p("coo_col"))[..], "{c}");
        assert_eq!(coo.data(), v(&f, &p("coo_data")).as_slice().unwrap(), "{c}");
        let csr = d.tocsr();
        assert_eq!(csr.indptr(), &u(&f, &p("csr_indptr"))[..], "{c}");
        assert_eq!(csr.indices(), &u(&f, &p("csr_indices"))[..], "{c}");
        assert_eq!(csr.data(), v(&f, &p("csr_data")).as_slice().unwrap(), "{c}");
        assert_array_equal(&d.diagonal(0), &v(&f, &p("diag0")));
        assert_array_equal(&d.diagonal(1), &v(&f, &p("diag1")));
        assert_array_equal(&d.diagonal(-1), &v(&f, &p("diagm1")));
    }
}

#[test]
fn bsr_from_csr_matches_scipy() {
    let f = fx();
    let mut n_cases = 0;
    for c in keys(&f, "csr") {
        let a = csr_input(&f, &c);
        let dense = m(&f, &format!("csr/{c}/dense"));
        let x = Array1::from_shape_fn(dense.ncols(), |j| (j + 1) as f64);
        for bs in keys(&f, &format!("csr/{c}/bsr")) {
            let p = |k: &str| format!("csr/{c}/bsr/{bs}/{k}");
            let (r, cc) = (f.i64(&p("r")) as usize, f.i64(&p("c")) as usize);
            let b = a.tobsr((r, cc)).unwrap();
            assert_eq!(b.blocksize(), (r, cc));
            assert_eq!(b.indptr(), &u(&f, &p("indptr"))[..], "{c} {bs}");
            assert_eq!(b.indices(), &u(&f, &p("indices"))[..], "{c} {bs}");
            let blocks = f.array_f64(&p("blocks")).into_dimensionality::<Ix3>().unwrap();
            assert_array_equal(&b.data().to_owned(), &blocks);
            assert_eq!(b.nnz() as i64, f.i64(&p("nnz")), "{c} {bs}");
            assert_array_equal(&b.toarray(), &m(&f, &p("dense")));
            assert_allclose(&b.dot(&x).unwrap(), &v(&f, &p("matvec")), RTOL, 0.0);
            let csr = b.tocsr();
            assert_eq!(csr.indptr(), &u(&f, &p("csr_indptr"))[..], "{c} {bs}");
            assert_eq!(csr.indices(), &u(&f, &p("csr_indices"))[..], "{c} {bs}");
            assert_eq!(csr.data(), v(&f, &p("csr_data")).as_slice().unwrap(), "{c} {bs}");
            assert_array_equal(&b.tocsc().toarray(), &dense);
            assert_array_equal(&b.tocoo().toarray(), &dense);
            assert_array_equal(&BsrMatrix::from_dense(&dense, (r, cc)).unwrap().toarray(), &dense);
            n_cases += 1;
        }
    }
    assert!(n_cases >= 20, "{n_cases}");
}

#[test]
fn bsr_from_parts_matches_scipy() {
    let f = fx();
    let blocks: Array3<f64> = f.array_f64("bsr_parts/blocks").into_dimensionality::<Ix3>().unwrap();
    let b =
        BsrMatrix::from_parts(blocks, u(&f, "bsr_parts/indices"), u(&f, "bsr_parts/indptr"), (6, 6)).unwrap();
    assert_array_equal(&b.toarray(), &m(&f, "bsr_parts/dense"));
    assert_eq!(b.nnz() as i64, f.i64("bsr_parts/nnz"));
    assert_allclose(
        &b.dot(&Array1::from_shape_fn(6, |j| (j + 1) as f64)).unwrap(),
        &v(&f, "bsr_parts/matvec"),
        RTOL,
        0.0,
    );
    assert_eq!(b.tocsr().indices(), &u(&f, "bsr_parts/csr_indices")[..]);
    assert_eq!(b.tocsr().data(), v(&f, "bsr_parts/csr_data").as_slice().unwrap());
    // a non-contiguous data array is read in logical order
    let blocks = f.array_f64("bsr_parts/blocks").into_dimensionality::<Ix3>().unwrap();
    let mut t = Array3::<f64>::zeros((3, 3, 2));
    t.assign(&blocks.permuted_axes([0, 2, 1]));
    let b2 = BsrMatrix::from_parts(
        t.permuted_axes([0, 2, 1]),
        u(&f, "bsr_parts/indices"),
        u(&f, "bsr_parts/indptr"),
        (6, 6),
    )
    .unwrap();
    assert_eq!(b2, b);
}

#[test]
fn bmat_matches_scipy() {
    let f = fx();
    let [a, b, c, d] = ["a", "b", "c", "d"].map(|k| CsrMatrix::from_dense(&m(&f, &format!("bmat/{k}"))));
    assert_array_equal(
        &bmat(&[vec![Some(&a), Some(&b)], vec![Some(&c), Some(&d)]]).unwrap().toarray(),
        &m(&f, "bmat/full"),
    );
    assert_array_equal(
        &bmat(&[vec![Some(&a), None], vec![None, Some(&d)]]).unwrap().toarray(),
        &m(&f, "bmat/with_none"),
    );
    assert_array_equal(
        &bmat(&[vec![Some(&a), Some(&b)], vec![None, None]]).unwrap().toarray(),
        &m(&f, "bmat/none_row"),
    );
    assert_array_equal(&bmat(&[vec![Some(&c)]]).unwrap().toarray(), &m(&f, "bmat/single"));
    assert_eq!(bmat::<f64>(&[vec![None]]).unwrap().shape(), (0, 0));
}

#[test]
fn bad_input_is_an_error() {
    let a = CsrMatrix::<f64>::identity(4);
    let e3 = CsrMatrix::<f64>::identity(3);
    let table: Vec<(&str, Result<()>)> = vec![
        ("lil set row", LilMatrix::<f64>::zeros((2, 2)).set(2, 0, 1.0)),
        ("lil set col", LilMatrix::<f64>::zeros((2, 2)).set(0, 2, 1.0)),
        ("lil get", LilMatrix::<f64>::zeros((2, 2)).get(0, 5).map(drop)),
        ("lil getrow", LilMatrix::<f64>::zeros((2, 2)).getrow(2).map(drop)),
        ("lil dot", LilMatrix::<f64>::zeros((2, 2)).dot(&array![1.0]).map(drop)),
        ("dia offsets count", DiaMatrix::new(array![[1.0]], vec![0, 1], (2, 2)).map(drop)),
        ("dia duplicate offsets", DiaMatrix::new(array![[1.0], [2.0]], vec![1, 1], (2, 2)).map(drop)),
        ("dia dot", DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 2)).unwrap().dot(&array![1.0]).map(drop)),
        ("bsr blocksize zero", a.tobsr((0, 2)).map(drop)),
        ("bsr blocksize", a.tobsr((3, 2)).map(drop)),
        ("bsr dense blocksize", BsrMatrix::from_dense(&Array2::<f64>::zeros((3, 3)), (2, 2)).map(drop)),
        (
            "bsr parts indptr",
            BsrMatrix::from_parts(Array3::<f64>::zeros((1, 2, 2)), vec![0], vec![0, 1], (4, 4)).map(drop),
        ),
        (
            "bsr parts index",
            BsrMatrix::from_parts(Array3::<f64>::zeros((1, 2, 2)), vec![2], vec![0, 1, 1], (4, 4)).map(drop),
        ),
        (
            "bsr parts lengths",
            BsrMatrix::from_parts(Array3::<f64>::zeros((2, 2, 2)), vec![0], vec![0, 1, 1], (4, 4)).map(drop),
        ),
        ("bsr dot", a.tobsr((2, 2)).unwrap().dot(&array![1.0]).map(drop)),
        ("bmat empty", bmat::<f64>(&[]).map(drop)),
        ("bmat ragged", bmat(&[vec![Some(&a)], vec![Some(&a), None]]).map(drop)),
        ("bmat rows", bmat(&[vec![Some(&a), Some(&e3)]]).map(drop)),
        ("bmat cols", bmat(&[vec![Some(&a)], vec![Some(&e3)]]).map(drop)),
    ];
    for (name, r) in table {
        assert!(r.is_err(), "{name} should fail");
    }
    let e = bmat(&[vec![Some(&a), Some(&e3)]]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "`blocks` has an incompatible shape: expected blocks[0,:] to have 4 rows (blocks[0,1] has incompatible row dimensions), got [3, 3]"
    );
    assert_eq!(
        a.tobsr((3, 2)).unwrap_err().to_string(),
        "invalid value for `blocksize`: invalid blocksize (3, 2) for shape (4, 4)"
    );
}

//! SciPy parity of the sparse products `A @ B` (fixtures from tools/fixtures/sparse_matmat.py):
//! the raw result arrays, indices in `csr_matmat`'s unsorted order, bit for bit.

use sci_array::ndarray::{Array1, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::random::default_rng;
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_sparse::{CscMatrix, CsrMatrix, diags, hstack, identity, kron, random, vstack};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_matmat.json")).unwrap()
}

fn u(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).iter().map(|&x| x as usize).collect()
}

fn d(f: &Fixture, p: &str) -> Vec<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap().to_vec()
}

fn shape(f: &Fixture, p: &str) -> (usize, usize) {
    let s = u(f, p);
    (s[0], s[1])
}

const CASES: [&str; 8] = [
    "tour",
    "unsorted_dups",
    "cancel",
    "empty",
    "row_times_col",
    "col_times_row",
    "zero_inner",
    "random_30x25x20",
];

type Raw = (Vec<f64>, Vec<usize>, Vec<usize>);

/// `(data, indices, indptr)` of fixture matrix `c/m`.
fn raw(f: &Fixture, c: &str, m: &str) -> Raw {
    (d(f, &format!("{c}/{m}/data")), u(f, &format!("{c}/{m}/indices")), u(f, &format!("{c}/{m}/indptr")))
}

/// The product's raw arrays against SciPy's: the same products in the same order, so equal
/// bit for bit.
fn check(f: &Fixture, c: &str, m: &str, got: (&[f64], &[usize], &[usize])) {
    let (data, indices, indptr) = raw(f, c, m);
    assert_eq!(got.2, &indptr[..], "{c} {m} indptr");
    assert_eq!(got.1, &indices[..], "{c} {m} indices");
    assert_eq!(got.0, &data[..], "{c} {m} data");
}

#[test]
fn csr_and_csc_products_equal_scipy_storage() {
    let f = fx();
    for c in CASES {
        let (sa, sb) = (shape(&f, &format!("{c}/a/shape")), shape(&f, &format!("{c}/b/shape")));
        let csr = |m: &str, sh| {
            let (data, indices, indptr) = raw(&f, c, m);
            CsrMatrix::from_parts(data, indices, indptr, sh).unwrap()
        };
        let p = csr("a", sa).matmul(&csr("b", sb)).unwrap();
        check(&f, c, "csr", (p.data(), p.indices(), p.indptr()));
        assert_eq!(p.has_sorted_indices(), f.get(&format!("{c}/csr_sorted")).as_bool().unwrap(), "{c}");
        let dense = f.array_f64(&format!("{c}/dense")).into_dimensionality::<Ix2>().unwrap();
        assert_array_equal(&p.toarray(), &dense);
        let csc = |m: &str, sh| {
            let (data, indices, indptr) = raw(&f, c, m);
            CscMatrix::from_parts(data, indices, indptr, sh).unwrap()
        };
        let q = csc("ac", sa).matmul(&csc("bc", sb)).unwrap();
        check(&f, c, "csc", (q.data(), q.indices(), q.indptr()));
    }
}

#[test]
fn float32_and_complex_products_equal_scipy_storage() {
    let f = fx();
    let tour =
        CsrMatrix::from_parts(vec![1.0, 2.0, 3.0, 4.0, 5.0], vec![0, 1, 2, 0, 2], vec![0, 2, 3, 5], (3, 3))
            .unwrap();
    let t32 = tour.map(|v| v as f32);
    let p = t32.matmul(&t32).unwrap();
    assert_eq!(p.indices(), &u(&f, "float32/csr/indices")[..]);
    let want: Vec<f32> = d(&f, "float32/csr/data").iter().map(|&v| v as f32).collect();
    assert_eq!(p.data(), &want[..]);
    let zd = f.array_c64("complex/a_data").iter().copied().collect();
    let tz = CsrMatrix::<Complex64>::from_parts(zd, tour.indices().to_vec(), tour.indptr().to_vec(), (3, 3))
        .unwrap();
    let pz = tz.matmul(&tz).unwrap();
    assert_eq!(pz.indices(), &u(&f, "complex/csr/indices")[..]);
    assert_eq!(pz.data(), &f.array_c64("complex/csr/data").iter().copied().collect::<Vec<_>>()[..]);
}

/// SciPy's order of a product row, written from scratch: the distinct columns in reverse order of
/// their first appearance, zero sums dropped.
fn reference_row(a: &CsrMatrix<f64>, b: &CsrMatrix<f64>, i: usize) -> (Vec<usize>, Vec<f64>) {
    let (ap, ai, ax) = (a.indptr(), a.indices(), a.data());
    let (bp, bi, bx) = (b.indptr(), b.indices(), b.data());
    let mut first: Vec<usize> = Vec::new();
    let mut sums = std::collections::HashMap::new();
    for p in ap[i]..ap[i + 1] {
        for q in bp[ai[p]]..bp[ai[p] + 1] {
            let e = sums.entry(bi[q]).or_insert_with(|| {
                first.push(bi[q]);
                0.0
            });
            *e += ax[p] * bx[q];
        }
    }
    let cols: Vec<usize> = first.into_iter().rev().filter(|j| sums[j] != 0.0).collect();
    let vals = cols.iter().map(|j| sums[j]).collect();
    (cols, vals)
}

#[test]
fn parallel_products_keep_scipy_order() {
    // Large enough for the row-block kernel on rayon (work above 1e5 products).
    let t = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((120, 120))).unwrap();
    let i = identity::<f64>(120);
    let a = kron(&t, &i).add(&kron(&i, &t)).unwrap();
    let r = random(14400, 14400, 5e-4, &mut default_rng(11)).unwrap().tocsr();
    for (x, y) in [(&a, &a), (&a, &r), (&r, &a)] {
        let c = x.matmul(y).unwrap();
        for row in (0..14400).step_by(97).chain([14399]) {
            let (cols, vals) = reference_row(x, y, row);
            let (s, e) = (c.indptr()[row], c.indptr()[row + 1]);
            assert_eq!(&c.indices()[s..e], &cols[..], "row {row}");
            assert_eq!(&c.data()[s..e], &vals[..], "row {row}");
        }
        let v = Array1::from_iter((0..14400).map(|k| ((k * 37) % 101) as f64 - 50.0));
        let want = x.dot(&y.dot(&v).unwrap()).unwrap();
        sci_array::testing::assert_allclose(&c.dot(&v).unwrap(), &want, 1e-12, 1e-9);
    }
}

#[test]
fn parallel_products_close_the_gaps_of_cancelled_rows() {
    // [A, D] @ [A; -A] = A A - D A with D = A on even rows and zero on odd rows: every even
    // row cancels exactly (integer values), odd rows keep A A's row; large enough for rayon.
    let t = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((120, 120))).unwrap();
    let i = identity::<f64>(120);
    let a = kron(&t, &i).add(&kron(&i, &t)).unwrap();
    let n = a.shape().0;
    let mask: Vec<f64> = (0..n).map(|r| if r % 2 == 0 { 1.0 } else { 0.0 }).collect();
    let d = diags(&[mask], &[0], Some((n, n))).unwrap().matmul(&a).unwrap();
    let x = hstack(&[&a, &d]).unwrap();
    let y = vstack(&[&a, &a.scale(-1.0)]).unwrap();
    let c = x.matmul(&y).unwrap();
    let aa = a.matmul(&a).unwrap();
    let mut nnz = 0;
    for row in 0..n {
        let (s, e) = (c.indptr()[row], c.indptr()[row + 1]);
        if row % 2 == 0 {
            assert_eq!(s, e, "row {row} cancels");
        } else {
            let (cols, vals) = reference_row(&x, &y, row);
            assert_eq!(&c.indices()[s..e], &cols[..], "row {row}");
            assert_eq!(&c.data()[s..e], &vals[..], "row {row}");
            assert_eq!(e - s, aa.indptr()[row + 1] - aa.indptr()[row], "row {row}");
        }
        nnz += e - s;
    }
    assert_eq!((c.nnz(), c.indices().len(), c.data().len()), (nnz, nnz, nnz));
}

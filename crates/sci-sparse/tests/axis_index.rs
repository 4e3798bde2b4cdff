//! SciPy parity for axis reductions (max/min/argmax/argmin/mean along an axis, argmax/argmin
//! of the whole matrix) and row/column selection (fixtures from
//! tools/fixtures/sparse_axis_index.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_axis_index.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn uv(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).iter().map(|&x| x as usize).collect()
}

/// The stored matrix as SciPy holds it (explicit zeros kept).
fn csr(f: &Fixture, c: &str, pre: &str) -> CsrMatrix {
    let sh = uv(f, &format!("{c}/shape"));
    let data: Vec<f64> = f.array_f64(&format!("{c}/{pre}data")).iter().copied().collect();
    CsrMatrix::from_parts(
        data,
        uv(f, &format!("{c}/{pre}indices")),
        uv(f, &format!("{c}/{pre}indptr")),
        (sh[0], sh[1]),
    )
    .unwrap()
}

const CASES: [&str; 8] = ["mixed", "nan", "row", "col", "neg_full", "zeros", "wide0", "tall0"];

fn has(f: &Fixture, p: &str) -> bool {
    let (case, key) = p.split_once('/').unwrap();
    f.get(case).get(key).is_some()
}

#[test]
fn axis_reductions_match_scipy() {
    let f = fx();
    for c in CASES {
        let a = csr(&f, c, "");
        let b = a.tocsc();
        for ax in [0usize, 1] {
            let axi = ax as isize;
            if !has(&f, &format!("{c}/max{ax}")) {
                assert!(a.max_axis(axi).is_err() && b.min_axis(axi).is_err(), "{c} {ax}");
                assert!(a.argmax_axis(axi).is_err() && b.argmin_axis(axi).is_err(), "{c} {ax}");
                assert!(a.mean_axis(axi).is_err() && b.mean_axis(axi).is_err(), "{c} {ax}");
                continue;
            }
            for (name, x, y) in [
                ("max", a.max_axis(axi).unwrap(), b.max_axis(axi - 2).unwrap()),
                ("min", a.min_axis(axi).unwrap(), b.min_axis(axi).unwrap()),
            ] {
                let want = v(&f, &format!("{c}/{name}{ax}"));
                assert_array_equal(&x, &want);
                assert_array_equal(&y, &want);
            }
            for (name, x, y) in [
                ("argmax", a.argmax_axis(axi).unwrap(), b.argmax_axis(axi).unwrap()),
                ("argmin", a.argmin_axis(axi).unwrap(), b.argmin_axis(axi).unwrap()),
            ] {
                let want = Array1::from(uv(&f, &format!("{c}/{name}{ax}")));
                assert_eq!(x, want, "{c} {name} axis {ax}");
                assert_eq!(y, want, "{c} {name} axis {ax} (csc)");
            }
            let want = v(&f, &format!("{c}/mean{ax}"));
            assert_allclose(&a.mean_axis(axi).unwrap(), &want, 1e-15, 0.0);
            assert_allclose(&b.mean_axis(axi).unwrap(), &want, 1e-15, 0.0);
        }
        for ax in [0usize, 1] {
            assert_allclose(&a.sum_axis(ax as isize).unwrap(), &v(&f, &format!("{c}/sum{ax}")), 1e-15, 0.0);
        }
        if has(&f, &format!("{c}/argmax")) {
            assert_eq!(a.argmax().unwrap() as i64, f.i64(&format!("{c}/argmax")), "{c}");
            assert_eq!(a.argmin().unwrap() as i64, f.i64(&format!("{c}/argmin")), "{c}");
            assert_eq!(b.argmax().unwrap() as i64, f.i64(&format!("{c}/argmax")), "{c}");
            assert_eq!(b.argmin().unwrap() as i64, f.i64(&format!("{c}/argmin")), "{c}");
        } else {
            assert!(a.argmax().is_err() && b.argmin().is_err(), "{c}");
        }
    }
}

#[test]
fn reductions_on_non_canonical_storage() {
    // row 0: unsorted with a duplicate (1 + 2 at column 2); row 1: explicit zero
    let a =
        CsrMatrix::from_parts(vec![-4.0, 1.0, 2.0, 0.0, -1.0], vec![3, 2, 2, 0, 1], vec![0, 3, 5], (2, 4))
            .unwrap();
    let d = a.toarray();
    assert_eq!(d, array![[0.0, 0.0, 3.0, -4.0], [0.0, -1.0, 0.0, 0.0]]);
    assert_eq!(a.max_axis(1).unwrap(), array![3.0, 0.0]);
    assert_eq!(a.min_axis(0).unwrap(), array![0.0, -1.0, 0.0, -4.0]);
    assert_eq!(a.argmax_axis(1).unwrap(), array![2, 0]);
    assert_eq!(a.argmin_axis(1).unwrap(), array![3, 1]);
    assert_eq!(a.argmax().unwrap(), 2);
    assert_eq!(a.argmin().unwrap(), 3);
    // f32 and integer values
    let i = CsrMatrix::from_dense(&array![[0i64, -3], [7, 0]]);
    assert_eq!(i.max_axis(0).unwrap(), array![7, 0]);
    assert_eq!(i.argmin().unwrap(), 1);
    let g = CsrMatrix::from_dense(&array![[0.5f32, 0.0], [0.0, -2.0]]);
    assert_eq!(g.mean_axis(0).unwrap(), array![0.25f32, -1.0]);
}

#[test]
fn selection_matches_scipy() {
    let f = fx();
    let a = csr(&f, "select", "g_");
    let b = a.tocsc();
    for k in ["r0", "r1", "r2", "r3"] {
        let r = uv(&f, &format!("select/{k}"));
        assert_array_equal(&a.select_rows(&r).unwrap().toarray(), &m(&f, &format!("select/{k}_csr")));
        assert_array_equal(&b.select_rows(&r).unwrap().toarray(), &m(&f, &format!("select/{k}_csc")));
    }
    for k in ["c0", "c1", "c2", "c3"] {
        let c = uv(&f, &format!("select/{k}"));
        assert_array_equal(&a.select_cols(&c).unwrap().toarray(), &m(&f, &format!("select/{k}_csr")));
        assert_array_equal(&b.select_cols(&c).unwrap().toarray(), &m(&f, &format!("select/{k}_csc")));
    }
    for k in ["s0", "s1", "s2", "s3"] {
        let se = uv(&f, &format!("select/{k}"));
        assert_array_equal(
            &a.slice_cols(se[0], se[1]).unwrap().toarray(),
            &m(&f, &format!("select/{k}_csr")),
        );
        assert_array_equal(
            &b.slice_cols(se[0], se[1]).unwrap().toarray(),
            &m(&f, &format!("select/{k}_csc")),
        );
        let (r0, r1) = (se[0].min(6), se[1].min(6));
        assert_array_equal(&b.slice_rows(r0, r1).unwrap().toarray(), &m(&f, &format!("select/{k}_rows_csc")));
    }
    assert_array_equal(&a.select(&[4, 0, 4], &[7, 1]).unwrap().toarray(), &m(&f, "select/ix"));
    assert_array_equal(&b.select(&[4, 0, 4], &[7, 1]).unwrap().toarray(), &m(&f, "select/ix"));
    // explicit zeros are kept, as SciPy's indexing does
    let nnz_row5 = a.indptr()[6] - a.indptr()[5];
    assert_eq!(a.select_rows(&[5]).unwrap().nnz(), nnz_row5);
    // a non-contiguous view as the source of the dense comparison
    let d = a.toarray();
    assert_array_equal(&a.slice_cols(2, 5).unwrap().toarray(), &d.slice(s![.., 2..5]));
}

#[test]
fn bad_input_table() {
    let a = CsrMatrix::<f64>::eye(3, 4, 0);
    let b = a.tocsc();
    let e = CsrMatrix::<f64>::zeros((0, 3));
    // 2 x 2^63 with one negative entry: flat indices do not fit in usize
    let huge = CsrMatrix::from_triplets(&[-1.0], &[0], &[0], (2, 1 << 63)).unwrap();
    let cases: Vec<(&str, Result<()>)> = vec![
        ("max_axis 2", a.max_axis(2).map(drop)),
        ("min_axis -3", b.min_axis(-3).map(drop)),
        ("argmax_axis 5", a.argmax_axis(5).map(drop)),
        ("argmin_axis empty", e.argmin_axis(0).map(drop)),
        ("max_axis empty", e.max_axis(0).map(drop)),
        ("mean_axis empty", e.mean_axis(0).map(drop)),
        ("mean_axis 2", a.mean_axis(2).map(drop)),
        ("argmax empty", e.argmax().map(drop)),
        ("argmin empty csc", e.tocsc().argmin().map(drop)),
        ("argmax flat index overflow", huge.argmax().map(drop)),
        ("select_rows oob", a.select_rows(&[0, 3]).map(drop)),
        ("select_cols oob", b.select_cols(&[4]).map(drop)),
        ("select oob col", a.select(&[0], &[9]).map(drop)),
        ("slice_cols stop", a.slice_cols(0, 5).map(drop)),
        ("slice_cols start > stop", b.slice_cols(3, 2).map(drop)),
        ("csc slice_rows stop", b.slice_rows(1, 4).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

//! SciPy parity for setdiag, resize, reshape, division by a scalar, conj and the ufuncs of
//! CSR/CSC matrices (fixtures from tools/fixtures/sparse_modify.py).

use sci_array::ndarray::{Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_modify.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn pair(f: &Fixture, p: &str) -> (usize, usize) {
    let v = f.array_i64(p).into_dimensionality::<Ix1>().unwrap();
    (v[0] as usize, v[1] as usize)
}

fn enc(a: Array2<f64>) -> Array2<f64> {
    a.mapv(|x| {
        if x.is_nan() {
            -777.0
        } else if x == f64::INFINITY {
            777.0
        } else if x == f64::NEG_INFINITY {
            -778.0
        } else {
            x
        }
    })
}

#[test]
fn setdiag_matches_scipy() {
    let f = fx();
    let a = CsrMatrix::from_dense(&m(&f, "m/a"));
    for name in ["d0", "d1", "dneg", "dzero", "dlong", "dlast", "dfirst"] {
        let vals: Vec<f64> = f.array_f64(&format!("m/{name}_vals")).iter().copied().collect();
        let k = f.i64(&format!("m/{name}_k")) as isize;
        let mut r = a.clone();
        r.setdiag(&vals, k).unwrap();
        assert_array_equal(&r.toarray(), &m(&f, &format!("m/{name}_csr")));
        assert!(r.has_canonical_format());
        let mut c = a.tocsc();
        c.setdiag(&vals, k).unwrap();
        assert_array_equal(&c.toarray(), &m(&f, &format!("m/{name}_csc")));
    }
    let mut r = a.clone();
    r.setdiag_value(2.25, 1).unwrap();
    assert_array_equal(&r.toarray(), &m(&f, "m/scalar_diag"));
    // zeros are stored, as SciPy's setdiag does
    let mut z = a.clone();
    z.setdiag(&[0.0, 0.0, 0.0], 0).unwrap();
    let stored_diag = (0..3).filter(|&i| z.indices()[z.indptr()[i]..z.indptr()[i + 1]].contains(&i)).count();
    assert_eq!(stored_diag, 3);
}

#[test]
fn resize_and_reshape_match_scipy() {
    let f = fx();
    let a = CsrMatrix::from_dense(&m(&f, "m/a"));
    for k in 0..5 {
        let shape = pair(&f, &format!("m/resize{k}_shape"));
        let mut r = a.clone();
        r.resize(shape);
        assert_eq!(r.shape(), shape);
        assert_array_equal(&r.toarray(), &m(&f, &format!("m/resize{k}_csr")));
        let mut c = a.tocsc();
        c.resize(shape);
        assert_array_equal(&c.toarray(), &m(&f, &format!("m/resize{k}_csc")));
    }
    for k in 0..4 {
        let shape = pair(&f, &format!("m/reshape{k}_shape"));
        assert_array_equal(&a.reshape(shape).unwrap().toarray(), &m(&f, &format!("m/reshape{k}")));
        assert_array_equal(&a.tocsc().reshape(shape).unwrap().toarray(), &m(&f, &format!("m/reshape{k}")));
    }
}

#[test]
fn division_conj_and_ufuncs_match_scipy() {
    let f = fx();
    let a = CsrMatrix::from_dense(&m(&f, "m/a"));
    // A * (1 / 3) as SciPy computes it: bit-identical
    assert_array_equal(&a.div_scalar(3.0).toarray(), &m(&f, "m/div3"));
    assert_array_equal(&enc(a.tocsc().div_scalar(0.0).toarray()), &m(&f, "m/div0"));
    let u = CsrMatrix::from_dense(&m(&f, "m/u"));
    let uc = u.tocsc();
    type Uf = fn(&CsrMatrix) -> CsrMatrix;
    type Ufc = fn(&CscMatrix) -> CscMatrix;
    let fs: [(&str, Uf, Ufc); 18] = [
        ("sqrt", CsrMatrix::sqrt, CscMatrix::sqrt),
        ("sin", CsrMatrix::sin, CscMatrix::sin),
        ("tan", CsrMatrix::tan, CscMatrix::tan),
        ("arcsin", CsrMatrix::arcsin, CscMatrix::arcsin),
        ("arctan", CsrMatrix::arctan, CscMatrix::arctan),
        ("sinh", CsrMatrix::sinh, CscMatrix::sinh),
        ("tanh", CsrMatrix::tanh, CscMatrix::tanh),
        ("arcsinh", CsrMatrix::arcsinh, CscMatrix::arcsinh),
        ("arctanh", CsrMatrix::arctanh, CscMatrix::arctanh),
        ("rint", CsrMatrix::rint, CscMatrix::rint),
        ("sign", CsrMatrix::sign, CscMatrix::sign),
        ("expm1", CsrMatrix::expm1, CscMatrix::expm1),
        ("log1p", CsrMatrix::log1p, CscMatrix::log1p),
        ("deg2rad", CsrMatrix::deg2rad, CscMatrix::deg2rad),
        ("rad2deg", CsrMatrix::rad2deg, CscMatrix::rad2deg),
        ("floor", CsrMatrix::floor, CscMatrix::floor),
        ("ceil", CsrMatrix::ceil, CscMatrix::ceil),
        ("trunc", CsrMatrix::trunc, CscMatrix::trunc),
    ];
    for (name, fr, fc) in fs {
        let want = m(&f, &format!("m/u_{name}"));
        // libm and NumPy's transcendental kernels may differ by an ulp or two
        assert_allclose(&enc(fr(&u).toarray()), &want, 4e-16, 0.0);
        assert_allclose(&enc(fc(&uc).toarray()), &want, 4e-16, 0.0);
        assert_eq!(fr(&u).nnz(), u.nnz(), "{name} keeps the pattern");
    }
    let z = f.array_c64("m/z").into_dimensionality::<Ix2>().unwrap();
    let want = f.array_c64("m/z_conj").into_dimensionality::<Ix2>().unwrap();
    assert_eq!(CsrMatrix::from_dense(&z).conj().toarray(), want);
    assert_eq!(CscMatrix::from_dense(&z).conj().toarray(), want);
}

#[test]
fn assignment_and_division_match_scipy() {
    let f = fx();
    let a = CsrMatrix::from_dense(&m(&f, "m/a"));
    let mut r = a.clone();
    let mut c = a.tocsc();
    for (i, j, v) in [(1, 2, 7.5), (0, 0, 0.0), (4, 6, -1.25)] {
        r.set(i, j, v).unwrap();
        c.set(i, j, v).unwrap();
    }
    assert_array_equal(&r.toarray(), &m(&f, "m/set_csr"));
    assert_array_equal(&c.toarray(), &m(&f, "m/set_csc"));
    // zeros stay stored, as SciPy's assignment keeps them
    assert_eq!((r.nnz() as i64, c.nnz() as i64), (f.i64("m/set_csr_nnz"), f.i64("m/set_csc_nnz")));
    let (rows, cols, vals) = ([0, 3, 0, 2], [1, 4, 1, 6], [5.0, 6.0, 8.0, 0.0]);
    let mut r = a.clone();
    r.set_many(&rows, &cols, &vals).unwrap();
    assert_array_equal(&r.toarray(), &m(&f, "m/setmany_csr"));
    assert_eq!(r.nnz() as i64, f.i64("m/setmany_csr_nnz"));
    let mut c = a.tocsc();
    c.set_many(&rows, &cols, &vals).unwrap();
    assert_array_equal(&c.toarray(), &m(&f, "m/setmany_csc"));
    assert!(r.has_canonical_format() && c.has_canonical_format());
    let b = CsrMatrix::from_dense(&m(&f, "m/a2"));
    assert_array_equal(&enc(a.divide(&b).unwrap()), &m(&f, "m/divide"));
    assert_array_equal(&enc(a.tocsc().divide(&b.tocsc()).unwrap()), &m(&f, "m/divide"));
}

#[test]
fn swapaxes_and_permute_dims_match_scipy() {
    let f = fx();
    let a = CsrMatrix::from_dense(&m(&f, "m/a"));
    for (key, r) in [
        ("swap01", swapaxes(&a, 0, 1)),
        ("swap_m1_0", swapaxes(&a, -1, 0)),
        ("swap11", swapaxes(&a, 1, 1)),
        ("perm_none", permute_dims(&a, None)),
        ("perm01", permute_dims(&a, Some([0, 1]))),
        ("perm10", permute_dims(&a, Some([-1, 0]))),
    ] {
        assert_array_equal(&r.unwrap().toarray(), &m(&f, &format!("m/{key}")));
    }
}

#[test]
fn bad_input_table() {
    let mut a = CsrMatrix::<f64>::eye(2, 3, 0);
    let mut b = a.tocsc();
    let cases: Vec<(&str, Result<()>)> = vec![
        ("setdiag k = ncols", a.setdiag(&[1.0], 3)),
        ("setdiag k = -nrows", a.setdiag(&[1.0], -2)),
        ("csc setdiag_value k", b.setdiag_value(1.0, 5)),
        ("reshape size", a.reshape((4, 2)).map(drop)),
        ("csc reshape size", b.reshape((1, 5)).map(drop)),
        ("set row", a.set(2, 0, 1.0)),
        ("set col", b.set(0, 3, 1.0)),
        ("set_many lengths", a.set_many(&[0, 1], &[0], &[1.0, 2.0])),
        ("set_many oob", b.set_many(&[0, 5], &[0, 0], &[1.0, 2.0])),
        ("divide shapes", a.divide(&CsrMatrix::<f64>::eye(3, 2, 0)).map(drop)),
        ("swapaxes 2", swapaxes(&a, 0, 2).map(drop)),
        ("swapaxes -3", swapaxes(&a, -3, 1).map(drop)),
        ("permute_dims duplicate", permute_dims(&a, Some([0, -2])).map(drop)),
        ("permute_dims 5", permute_dims(&a, Some([5, 0])).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases() {
    // empty matrices
    let mut e = CsrMatrix::<f64>::zeros((0, 0));
    e.resize((2, 2));
    assert_eq!(e.toarray(), Array2::<f64>::zeros((2, 2)));
    assert!(e.setdiag(&[], 0).is_ok());
    assert_eq!(CsrMatrix::<f64>::zeros((0, 4)).reshape((2, 0)).unwrap().shape(), (2, 0));
    // f32 and integer matrices
    let mut i = CsrMatrix::from_dense(&array![[1i64, 0], [0, 2]]);
    i.setdiag(&[5, 6], 0).unwrap();
    assert_eq!(i.toarray(), array![[5, 0], [0, 6]]);
    let g = CsrMatrix::from_dense(&array![[2.5f32, -1.5]]);
    assert_eq!(g.rint().toarray(), array![[2.0f32, -2.0]]);
    // NaN flows through
    let n = CsrMatrix::from_dense(&array![[f64::NAN, 4.0]]);
    let s = n.sqrt().toarray();
    assert!(s[[0, 0]].is_nan() && s[[0, 1]] == 2.0);
}

//! SciPy parity for arithmetic on LIL, DIA and BSR matrices and SciPy's automatic BSR block
//! size (fixtures from tools/fixtures/sparse_arith_formats.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_sparse::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_arith_formats.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn offs(f: &Fixture, p: &str) -> Vec<isize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().iter().map(|&x| x as isize).collect()
}

fn pair(f: &Fixture, p: &str) -> (usize, usize) {
    let v: Array1<i64> = f.array_i64(p).into_dimensionality::<Ix1>().unwrap();
    (v[0] as usize, v[1] as usize)
}

// Sums and products of two 3-digit values: exact or one rounding, as in SciPy.
const RTOL: f64 = 1e-15;

#[test]
fn lil_arithmetic_matches_scipy() {
    let f = fx();
    let (a, b, c) = (m(&f, "lil/a"), m(&f, "lil/b"), m(&f, "lil/c"));
    let (la, lb, lc) = (LilMatrix::from_dense(&a), LilMatrix::from_dense(&b), LilMatrix::from_dense(&c));
    let add: CsrMatrix = la.add(&lb).unwrap();
    assert_allclose(&add.toarray(), &m(&f, "lil/add"), RTOL, 0.0);
    assert_allclose(&la.sub(&lb).unwrap().toarray(), &m(&f, "lil/sub"), RTOL, 0.0);
    assert_allclose(&la.multiply(&lb).unwrap().toarray(), &m(&f, "lil/mul"), RTOL, 0.0);
    assert_allclose(&la.matmul(&lc).unwrap().toarray(), &m(&f, "lil/matmul"), 1e-14, 1e-14);
    let s: LilMatrix = la.scale(2.5);
    assert_allclose(&s.toarray(), &m(&f, "lil/scale"), RTOL, 0.0);
    assert_eq!(la.scale(0.0).nnz() as i64, f.i64("lil/scale0_nnz"));
}

#[test]
fn coo_arithmetic_matches_scipy() {
    let f = fx();
    let u = |p: &str| f.array_i64(p).iter().map(|&x| x as usize).collect::<Vec<_>>();
    let data: Vec<f64> = f.array_f64("coo/x_data").iter().copied().collect();
    // duplicate triplets, summed by every operation as SciPy's conversion does
    let x = CooMatrix::new(data, u("coo/x_row"), u("coo/x_col"), (4, 5)).unwrap();
    let y = CooMatrix::from_dense(&m(&f, "coo/y"));
    let w = CooMatrix::from_dense(&m(&f, "coo/w"));
    let add: CsrMatrix = x.add(&y).unwrap();
    assert_allclose(&add.toarray(), &m(&f, "coo/add"), RTOL, 0.0);
    assert_allclose(&x.sub(&y).unwrap().toarray(), &m(&f, "coo/sub"), RTOL, 0.0);
    assert_allclose(&x.multiply(&y).unwrap().toarray(), &m(&f, "coo/mul"), RTOL, 0.0);
    assert_allclose(&x.matmul(&w).unwrap().toarray(), &m(&f, "coo/matmul"), 1e-14, 1e-14);
    let s: CooMatrix = x.scale(-1.5);
    assert_allclose(&s.toarray(), &m(&f, "coo/scale"), RTOL, 0.0);
    assert_eq!(s.nnz() as i64, f.i64("coo/scale_nnz"));
    assert!(x.add(&CooMatrix::from_dense(&Array2::<f64>::zeros((5, 4)))).is_err());
    assert!(x.matmul(&y).is_err());
}

fn dia(f: &Fixture, name: &str) -> DiaMatrix {
    let d = m(f, &format!("dia/{name}_data"));
    let shape = if name.starts_with('s') { (4, 4) } else { (5, 6) };
    DiaMatrix::new(d, offs(f, &format!("dia/{name}_off")), shape).unwrap()
}

#[test]
fn dia_arithmetic_matches_scipy_layout() {
    let f = fx();
    let pairs =
        [("d0", "d1"), ("d0", "d2"), ("d2", "d0"), ("d0", "d3"), ("d3", "d0"), ("d0", "d4"), ("d2", "d4")];
    for (x, y) in pairs {
        let (a, b) = (dia(&f, x), dia(&f, y));
        for (op, r) in
            [("add", a.add(&b).unwrap()), ("sub", a.sub(&b).unwrap()), ("mul", a.multiply(&b).unwrap())]
        {
            let key = format!("dia/{x}_{op}_{y}");
            // the same diagonals and data array as SciPy's, not only the same matrix
            assert_eq!(r.offsets(), &offs(&f, &format!("{key}_off"))[..], "{key}");
            assert_allclose(r.data(), &m(&f, &format!("{key}_data")), RTOL, 0.0);
            assert_allclose(&r.toarray(), &m(&f, &key), RTOL, 0.0);
        }
    }
    let (s0, s1) = (dia(&f, "s0"), dia(&f, "s1"));
    let p = s0.matmul(&s1).unwrap();
    assert_eq!(p.offsets(), &offs(&f, "dia/s0_matmul_s1_off")[..]);
    assert_allclose(&p.toarray(), &m(&f, "dia/s0_matmul_s1"), RTOL, 0.0);
    assert_allclose(dia(&f, "d3").scale(1.5).data(), &m(&f, "dia/d3_scale_data"), RTOL, 0.0);
}

#[test]
fn bsr_arithmetic_matches_scipy() {
    let f = fx();
    let (a, b, c) = (m(&f, "bsr/a"), m(&f, "bsr/b"), m(&f, "bsr/c"));
    let x = BsrMatrix::from_dense(&a, (2, 3)).unwrap();
    let y = BsrMatrix::from_dense(&b, (3, 2)).unwrap();
    let z = BsrMatrix::from_dense(&c, (3, 2)).unwrap();
    for (op, r) in [
        ("add", x.add(&y).unwrap()),
        ("sub", x.sub(&y).unwrap()),
        ("mul", x.multiply(&y).unwrap()),
        ("matmul", x.matmul(&z).unwrap()),
        ("matmul_yz", y.matmul(&z).unwrap()),
    ] {
        assert_eq!(r.blocksize(), pair(&f, &format!("bsr/{op}_bs")), "{op}");
        assert_allclose(&r.toarray(), &m(&f, &format!("bsr/{op}")), 1e-14, 1e-14);
    }
    assert_allclose(&x.scale(-2.0).toarray(), &m(&f, "bsr/scale"), RTOL, 0.0);
}

#[test]
fn estimate_blocksize_matches_scipy() {
    let f = fx();
    for k in ["ones6", "ones4", "eye4", "ones5x6", "kron3", "kron2", "zeros", "blocky12"] {
        let a = CsrMatrix::from_dense(&m(&f, &format!("estimate/{k}")));
        let want = pair(&f, &format!("estimate/{k}_bs"));
        assert_eq!(estimate_blocksize(&a, 0.7).unwrap(), want, "{k}");
        let b = a.tobsr_auto().unwrap();
        assert_eq!(b.blocksize(), want, "{k}");
        assert_array_equal(&b.toarray(), &a.toarray());
    }
}

#[test]
fn bad_input_table() {
    let l23 = LilMatrix::<f64>::zeros((2, 3));
    let l33 = LilMatrix::<f64>::zeros((3, 3));
    let d = DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 2)).unwrap();
    let d3 = DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![0], (3, 3)).unwrap();
    let d23 = DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 3)).unwrap();
    let b = CsrMatrix::<f64>::identity(4).tobsr((2, 2)).unwrap();
    let b2 = CsrMatrix::<f64>::identity(2).tobsr((1, 1)).unwrap();
    let e = CsrMatrix::<f64>::identity(3);
    let cases: Vec<(&str, Result<()>)> = vec![
        ("lil add", l23.add(&l33).map(drop)),
        ("lil sub", l33.sub(&l23).map(drop)),
        ("lil multiply", l23.multiply(&l33).map(drop)),
        ("lil matmul", l33.matmul(&l23).map(drop)),
        ("dia add", d.add(&d3).map(drop)),
        ("dia sub", d3.sub(&d).map(drop)),
        ("dia multiply", d.multiply(&d3).map(drop)),
        ("dia matmul", d23.matmul(&d23).map(drop)),
        ("bsr add", b.add(&b2).map(drop)),
        ("bsr sub", b2.sub(&b).map(drop)),
        ("bsr multiply", b.multiply(&b2).map(drop)),
        ("bsr matmul", b.matmul(&b2).map(drop)),
        ("estimate efficiency 1", estimate_blocksize(&e, 1.0).map(drop)),
        ("estimate efficiency 0", estimate_blocksize(&e, 0.0).map(drop)),
        ("estimate efficiency NaN", estimate_blocksize(&e, f64::NAN).map(drop)),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name} should fail");
    }
}

#[test]
fn edge_cases() {
    // empty and 1 x N operands keep their formats
    let e = LilMatrix::<f64>::zeros((0, 3));
    assert_eq!(e.add(&e).unwrap().shape(), (0, 3));
    let r = LilMatrix::from_dense(&array![[1.0, -2.0, 0.0]]);
    assert_eq!(r.multiply(&r).unwrap().toarray(), array![[1.0, 4.0, 0.0]]);
    let z = DiaMatrix::<f64>::new(Array2::zeros((0, 0)), vec![], (3, 3)).unwrap();
    assert_eq!(z.add(&z).unwrap().nnz(), 0);
    let d = DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![-1], (3, 3)).unwrap();
    assert_eq!(z.add(&d).unwrap().toarray(), d.toarray());
    assert_eq!(d.sub(&z).unwrap().toarray(), d.toarray());
    // NaN and inf flow through like SciPy's element-wise kernels
    let n = LilMatrix::from_dense(&array![[f64::NAN, 1.0]]);
    let s = n.add(&n).unwrap().toarray();
    assert!(s[[0, 0]].is_nan() && s[[0, 1]] == 2.0);
    // complex values
    use num_complex::Complex64 as C;
    let c = CsrMatrix::from_dense(&array![
        [C::new(1.0, 1.0), C::new(0.0, 0.0)],
        [C::new(0.0, 0.0), C::new(0.0, 2.0)]
    ]);
    let b = c.tobsr((1, 1)).unwrap();
    assert_eq!(b.multiply(&b).unwrap().toarray()[[1, 1]], C::new(-4.0, 0.0));
    assert_eq!(c.todia().scale(C::new(0.0, 1.0)).toarray()[[0, 0]], C::new(-1.0, 1.0));
}

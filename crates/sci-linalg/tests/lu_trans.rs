//! `lu_solve` with `trans` = N/T/C against SciPy (fixtures from
//! tools/fixtures/linalg_lu_trans.py): float64, float32, complex128, complex64; 1-d and 2-d
//! right-hand sides, non-contiguous `b`, 1x1, empty, and the bad-input table.

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_lu_trans.json")).unwrap()
}

fn two<T>(a: ArrayD<T>) -> Array2<T> {
    a.into_dimensionality::<Ix2>().unwrap()
}

fn one<T>(a: ArrayD<T>) -> Array1<T> {
    a.into_dimensionality::<Ix1>().unwrap()
}

const TRANS: [Trans; 3] = [Trans::N, Trans::T, Trans::C];

fn piv(f: &Fixture, key: &str) -> Array1<usize> {
    f.array_i64(&format!("{key}/piv")).iter().map(|&p| p as usize).collect()
}

/// `b` stored every other row of a bigger array, rows reversed.
fn strided<T: Clone + Default>(b: &Array2<T>) -> Array2<T> {
    let (m, n) = b.dim();
    let mut big = Array2::from_elem((2 * m, n), T::default());
    big.slice_mut(s![..;-2, ..]).assign(b);
    big
}

#[test]
fn real_f64_matches_scipy() {
    let f = fx();
    for n in [1, 4, 9] {
        let key = format!("f64_{n}");
        let g = |p: &str| two(f.array_f64(&format!("{key}/{p}")));
        let fac = lu_factor(&g("a")).unwrap();
        assert_eq!(fac.piv, piv(&f, &key), "{key}");
        assert_allclose(&fac.lu, &g("lu"), 1e-13, 1e-14);
        let b2 = g("b2");
        let big = strided(&b2);
        for (t, tr) in TRANS.iter().enumerate() {
            let want = g(&format!("x{t}"));
            assert_allclose(&lu_solve(&fac, &b2, *tr).unwrap(), &want, 1e-12, 1e-14);
            assert_allclose(&lu_solve(&fac, &big.slice(s![..;-2, ..]), *tr).unwrap(), &want, 1e-12, 1e-14);
            let want1 = one(f.array_f64(&format!("{key}/x{t}_1d")));
            assert_allclose(&lu_solve(&fac, &b2.column(0), *tr).unwrap(), &want1, 1e-12, 1e-14);
        }
    }
}

#[test]
fn real_f32_matches_scipy() {
    let f = fx();
    for n in [1, 4, 9] {
        let key = format!("f32_{n}");
        let g = |p: &str| two(f.array_f64(&format!("{key}/{p}"))).mapv(|x| x as f32);
        let fac = lu_factor(&g("a")).unwrap();
        assert_eq!(fac.piv, piv(&f, &key), "{key}");
        for (t, tr) in TRANS.iter().enumerate() {
            // float32 rounding in both implementations: a few hundred ulps on n = 9.
            assert_allclose(&lu_solve(&fac, &g("b2"), *tr).unwrap(), &g(&format!("x{t}")), 2e-5, 1e-6);
        }
    }
}

#[test]
fn complex128_matches_scipy() {
    let f = fx();
    for n in [1, 4, 9] {
        let key = format!("c128_{n}");
        let g = |p: &str| two(f.array_c64(&format!("{key}/{p}")));
        let a = g("a");
        let fac = lu_factor(&a).unwrap();
        assert_eq!(fac.piv, piv(&f, &key), "{key}");
        let b2 = g("b2");
        let big = strided(&b2);
        for (t, tr) in TRANS.iter().enumerate() {
            let want = g(&format!("x{t}"));
            let x = lu_solve(&fac, &b2, *tr).unwrap();
            assert_allclose(&x, &want, 1e-12, 1e-14);
            assert_allclose(&lu_solve(&fac, &big.slice(s![..;-2, ..]), *tr).unwrap(), &want, 1e-12, 1e-14);
            let want1 = one(f.array_c64(&format!("{key}/x{t}_1d")));
            assert_allclose(&lu_solve(&fac, &b2.column(0), *tr).unwrap(), &want1, 1e-12, 1e-14);
            // The system really is the one asked for: op(a) x = b.
            let op = match tr {
                Trans::N => a.clone(),
                Trans::T => a.t().to_owned(),
                Trans::C => a.t().mapv(|z| z.conj()),
            };
            assert_allclose(&op.dot(&x), &b2, 1e-12, 1e-12);
        }
        // trans = C differs from trans = T for a genuinely complex matrix.
        if n > 1 {
            let xt = lu_solve(&fac, &b2, Trans::T).unwrap();
            let xc = lu_solve(&fac, &b2, Trans::C).unwrap();
            assert!((&xt - &xc).iter().any(|z| z.norm() > 1e-3));
        }
    }
}

#[test]
fn complex64_matches_scipy() {
    let f = fx();
    for n in [1, 4, 9] {
        let key = format!("c64_{n}");
        let g = |p: &str| {
            two(f.array_c64(&format!("{key}/{p}")))
                .mapv(|z: Complex64| Complex32::new(z.re as f32, z.im as f32))
        };
        let fac = lu_factor(&g("a")).unwrap();
        assert_eq!(fac.piv, piv(&f, &key), "{key}");
        for (t, tr) in TRANS.iter().enumerate() {
            // complex64 rounding in both implementations.
            assert_allclose(&lu_solve(&fac, &g("b2"), *tr).unwrap(), &g(&format!("x{t}")), 2e-5, 1e-6);
        }
    }
}

#[test]
fn empty_factorization_gives_empty_solution() {
    let f = fx();
    let fac = lu_factor(&Array2::<f64>::zeros((0, 0))).unwrap();
    let x = lu_solve(&fac, &Array2::<f64>::zeros((0, 2)), Trans::C).unwrap();
    assert_eq!(x.dim(), (0, 2));
    assert_eq!(x.shape(), f.array_f64("empty/x2").shape());
    assert_eq!(lu_solve(&fac, &Array1::<f64>::zeros(0), Trans::T).unwrap().len(), 0);
}

#[test]
fn trans_default_is_n() {
    assert_eq!(Trans::default(), Trans::N);
}

#[test]
fn bad_input_table() {
    let fac = lu_factor(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
    let not_sq = LuFactor { lu: array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], piv: array![0, 1] };
    let bad_piv = LuFactor { lu: fac.lu.clone(), piv: array![0, 5] };
    let short_piv = LuFactor { lu: fac.lu.clone(), piv: array![0] };
    let nan_lu = LuFactor { lu: array![[1.0, f64::NAN], [0.0, 1.0]], piv: array![0, 1] };
    let b = array![1.0, 1.0];
    let cases: Vec<(&str, LinalgError)> = vec![
        ("non-square lu", lu_solve(&not_sq, &b, Trans::C).unwrap_err()),
        ("piv out of range", lu_solve(&bad_piv, &b, Trans::T).unwrap_err()),
        ("piv too short", lu_solve(&short_piv, &b, Trans::N).unwrap_err()),
        ("NaN in lu", lu_solve(&nan_lu, &b, Trans::N).unwrap_err()),
        ("b wrong length", lu_solve(&fac, &array![1.0, 2.0, 3.0], Trans::C).unwrap_err()),
        ("b 2-d wrong rows", lu_solve(&fac, &array![[1.0], [2.0], [3.0]], Trans::T).unwrap_err()),
        ("b infinite", lu_solve(&fac, &array![1.0, f64::INFINITY], Trans::C).unwrap_err()),
    ];
    let want: Vec<fn(&LinalgError) -> bool> = vec![
        |e| matches!(e, LinalgError::NotSquare { arg: "lu", .. }),
        |e| matches!(e, LinalgError::ShapeMismatch { arg: "piv", .. }),
        |e| matches!(e, LinalgError::ShapeMismatch { arg: "piv", .. }),
        |e| matches!(e, LinalgError::NonFinite { arg: "lu" }),
        |e| matches!(e, LinalgError::ShapeMismatch { arg: "b", .. }),
        |e| matches!(e, LinalgError::ShapeMismatch { arg: "b", .. }),
        |e| matches!(e, LinalgError::NonFinite { arg: "b" }),
    ];
    for ((name, err), ok) in cases.iter().zip(&want) {
        assert!(ok(err), "{name}: {err:?}");
    }
}

//! SciPy parity for solve_circulant_complex / solve_circulant_complex_with, a real c with a
//! complex b and the reverse (fixtures from tools/fixtures/linalg_circulant_complex.py, the
//! `mixed_*` cases): float64 with complex128 and 1-d and 2-d b, float32 with complex64, singular
//! c with 'lstsq' and 'raise', n-d stacks with caxis/baxis/outaxis and tol, and bad input.

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{
    CirculantSingular, LinalgError, SolveCirculantOptions, solve_circulant, solve_circulant_complex,
    solve_circulant_complex_with,
};

mod common;
use common::fortran_strided;

type C = Complex64;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_circulant_complex.json"))
        .unwrap()
}

fn c1(f: &Fixture, p: &str) -> Array1<C> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

fn c2(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn r1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn r2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn to_c32(z: &C) -> Complex32 {
    Complex32::new(z.re as f32, z.im as f32)
}

fn to_c64(z: &Complex32) -> C {
    C::new(z.re.into(), z.im.into())
}

// The c are diagonally dominated (condition numbers below ~10): the FFT solve agrees with
// NumPy's pocketfft to cond(C) · eps · log n.
const RTOL: f64 = 1e-12;
const ATOL: f64 = 1e-14;
// float32/complex64: SciPy computes in single precision, here in double and rounded once.
const RTOL32: f64 = 1e-5;
const ATOL32: f64 = 1e-6;

#[test]
fn mixed_f64_matches_scipy() {
    let f = fx();
    let r = CirculantSingular::Raise;
    for n in [5, 12] {
        let k = |p: &str| format!("mixed_n{n}/{p}");
        let (cr, cc) = (r1(&f, &k("cr")), c1(&f, &k("cc")));
        let (bc, bc2) = (c1(&f, &k("bc")), c2(&f, &k("bc2")));
        let (br, br2) = (r1(&f, &k("br")), r2(&f, &k("br2")));
        // real c, complex b
        assert_allclose(
            &solve_circulant_complex(&cr, &bc, r, None).unwrap(),
            &c1(&f, &k("x_rc")),
            RTOL,
            ATOL,
        );
        let want = c2(&f, &k("x_rc2"));
        assert_allclose(&solve_circulant_complex(&cr, &bc2, r, None).unwrap(), &want, RTOL, ATOL);
        // a non-contiguous b and a view for c
        let bf = fortran_strided(&bc2.clone().into_dyn()).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&solve_circulant_complex(&cr.view(), &bf, r, None).unwrap(), &want, RTOL, ATOL);
        // complex c, real b
        assert_allclose(
            &solve_circulant_complex(&cc, &br, r, None).unwrap(),
            &c1(&f, &k("x_cr")),
            RTOL,
            ATOL,
        );
        let want = c2(&f, &k("x_cr2"));
        assert_allclose(&solve_circulant_complex(&cc, &br2, r, None).unwrap(), &want, RTOL, ATOL);
        // the n-d form with default axes gives the same
        let o = SolveCirculantOptions::default();
        assert_allclose(&solve_circulant_complex_with(&cc, &br2, o).unwrap(), &want.into_dyn(), RTOL, ATOL);
        // both complex: the same as solve_circulant
        let x = solve_circulant_complex(&cc, &bc2, r, None).unwrap();
        assert_eq!(x, solve_circulant(&cc, &bc2, r, None).unwrap());
        // both real: the complex inverse DFT, whose real part is solve_circulant's real result
        let x = solve_circulant_complex(&cr, &br2, r, None).unwrap();
        let xr = solve_circulant(&cr, &br2, r, None).unwrap();
        assert_allclose(&x.mapv(|z| z.re), &xr, 1e-15, 1e-16);
        assert!(x.iter().all(|z| z.im.abs() < 1e-14), "n{n}");
    }
}

#[test]
fn mixed_f32_matches_scipy() {
    let f = fx();
    let r = CirculantSingular::Raise;
    let cr = r1(&f, "mixed_f32/cr").mapv(|v| v as f32);
    let cc = c1(&f, "mixed_f32/cc").map(to_c32);
    let bc = c2(&f, "mixed_f32/bc").map(to_c32);
    let br = r1(&f, "mixed_f32/br").mapv(|v| v as f32);
    let x: Array2<Complex32> = solve_circulant_complex(&cr, &bc, r, None).unwrap();
    assert_allclose(&x.map(to_c64), &c2(&f, "mixed_f32/x_rc"), RTOL32, ATOL32);
    let x: Array1<Complex32> = solve_circulant_complex(&cc, &br, r, Some(1e-6f32)).unwrap();
    assert_allclose(&x.map(to_c64), &c1(&f, "mixed_f32/x_cr"), RTOL32, ATOL32);
    let o = SolveCirculantOptions { outaxis: -1, ..Default::default() };
    let x = solve_circulant_complex_with(&cr, &bc, o).unwrap();
    let want = c2(&f, "mixed_f32/x_rc").reversed_axes().into_dyn();
    assert_allclose(&x.map(to_c64), &want, RTOL32, ATOL32);
}

#[test]
fn mixed_singular_matches_scipy() {
    let f = fx();
    let (cr, bc) = (r1(&f, "mixed_sing/cr"), c2(&f, "mixed_sing/bc"));
    let (cc, br) = (c1(&f, "mixed_sing/cc"), r2(&f, "mixed_sing/br"));
    let lstsq = CirculantSingular::Lstsq;
    let (want_rc, want_cr) = (c2(&f, "mixed_sing/x_rc"), c2(&f, "mixed_sing/x_cr"));
    assert_allclose(&solve_circulant_complex(&cr, &bc, lstsq, None).unwrap(), &want_rc, RTOL, ATOL);
    assert_allclose(&solve_circulant_complex(&cc, &br, lstsq, None).unwrap(), &want_cr, RTOL, ATOL);
    let o = SolveCirculantOptions { singular: lstsq, ..Default::default() };
    assert_allclose(&solve_circulant_complex_with(&cr, &bc, o).unwrap(), &want_rc.into_dyn(), RTOL, ATOL);
    // 'raise': SciPy's LinAlgError; [1, 2, 1, 2] has fft [6, 0, -2, 0], [1, i, -1, -i] [0, 4, 0, 0]
    for k in ["raise_rc", "raise_cr"] {
        assert!(f.str(&format!("mixed_sing/{k}")).contains("near singular"), "{k}");
    }
    let r = CirculantSingular::Raise;
    assert_eq!(
        solve_circulant_complex(&cr, &bc, r, None).unwrap_err(),
        LinalgError::NearSingular { index: 1 }
    );
    assert_eq!(
        solve_circulant_complex(&cc, &br, r, None).unwrap_err(),
        LinalgError::NearSingular { index: 0 }
    );
    assert_eq!(
        solve_circulant_complex_with(&cc, &br, SolveCirculantOptions::default()).unwrap_err(),
        LinalgError::NearSingular { index: 0 }
    );
}

#[test]
fn mixed_nd_matches_scipy() {
    let f = fx();
    let (cr, bc, want) =
        (f.array_f64("mixed_nd/cr"), f.array_c64("mixed_nd/bc"), f.array_c64("mixed_nd/x_rc"));
    let o = SolveCirculantOptions { outaxis: -1, ..Default::default() };
    let x = solve_circulant_complex_with(&cr, &bc, o).unwrap();
    assert_eq!(x.shape(), want.shape());
    assert_allclose(&x, &want, RTOL, ATOL);
    let x = solve_circulant_complex_with(&fortran_strided(&cr), &fortran_strided(&bc), o).unwrap();
    assert_allclose(&x, &want, RTOL, ATOL);
    let (cc, br, want) =
        (f.array_c64("mixed_nd/cc"), f.array_f64("mixed_nd/br"), f.array_c64("mixed_nd/x_cr"));
    let o = SolveCirculantOptions {
        singular: CirculantSingular::Lstsq,
        tol: Some(f.f64("mixed_nd/tol")),
        caxis: 0,
        baxis: 1,
        outaxis: 1,
    };
    let x = solve_circulant_complex_with(&cc, &br, o).unwrap();
    assert_eq!(x.shape(), want.shape());
    assert_allclose(&x, &want, RTOL, ATOL);
    // the second matrix has the eigenvalue 3 at zero: 'raise' names it, as SciPy raises
    assert!(f.str("mixed_nd/raise_cr").contains("near singular"));
    let raise = SolveCirculantOptions { singular: CirculantSingular::Raise, ..o };
    assert_eq!(
        solve_circulant_complex_with(&cc, &br, raise).unwrap_err(),
        LinalgError::NearSingular { index: 3 }
    );
}

#[test]
fn mixed_bad_input() {
    let z = |re: f64, im: f64| C::new(re, im);
    let r = CirculantSingular::Raise;
    let o = SolveCirculantOptions::default();
    let shape = |e: &LinalgError| matches!(e, LinalgError::ShapeMismatch { arg: "b", .. });
    let nonfinite_c = |e: &LinalgError| *e == LinalgError::NonFinite { arg: "c" };
    let nonfinite_b = |e: &LinalgError| *e == LinalgError::NonFinite { arg: "b" };
    type Check = fn(&LinalgError) -> bool;
    // real c with complex b: (name, c, b, the 1-d call's error, the n-d call's error)
    let empty: Array1<f64> = Array1::zeros(0);
    let rows_rc: Vec<(&str, Array1<f64>, Array1<C>, Check, Check)> = vec![
        ("shape", array![1.0, 2.0, 3.0], array![z(1.0, 0.0), z(0.0, 1.0)], shape, shape),
        ("nan in c", array![1.0, f64::NAN], array![z(1.0, 0.0), z(0.0, 1.0)], nonfinite_c, nonfinite_c),
        ("inf in b", array![3.0, 1.0], array![z(1.0, 0.0), z(0.0, f64::INFINITY)], nonfinite_b, nonfinite_b),
        // an empty c with a non-empty b: a shape error (SciPy: "Shapes of c (0,) and b (2,)")
        ("empty c", empty.clone(), array![z(1.0, 0.0), z(0.0, 1.0)], shape, shape),
    ];
    for (name, c, b, want1, want_nd) in rows_rc {
        let e = solve_circulant_complex(&c, &b, r, None).unwrap_err();
        assert!(want1(&e), "{name}: {e:?}");
        let e = solve_circulant_complex_with(&c, &b, o).unwrap_err();
        assert!(want_nd(&e), "{name}: {e:?}");
    }
    // complex c with real b
    let rows_cr: Vec<(&str, Array1<C>, Array1<f64>, Check)> = vec![
        ("shape", array![z(2.0, 1.0), z(0.0, 1.0)], array![1.0, 2.0, 3.0], shape),
        ("nan in c", array![z(1.0, 0.0), z(0.0, f64::NAN)], array![1.0, 2.0], nonfinite_c),
        ("nan in b", array![z(3.0, 0.0), z(1.0, 1.0)], array![f64::NAN, 2.0], nonfinite_b),
    ];
    for (name, c, b, want) in rows_cr {
        let e = solve_circulant_complex(&c, &b, r, None).unwrap_err();
        assert!(want(&e), "{name}: {e:?}");
        let e = solve_circulant_complex_with(&c, &b, o).unwrap_err();
        assert!(want(&e), "{name}: {e:?}");
    }
    // an empty c with an empty b: SciPy's np.empty_like(b) (here zeros), whatever baxis is
    let c0: ArrayD<f64> = ArrayD::zeros(vec![0]);
    for (b_shape, baxis) in [(vec![0, 2], 0), (vec![2, 0], 1)] {
        let b0: ArrayD<C> = ArrayD::zeros(b_shape.clone());
        let x = solve_circulant_complex_with(&c0, &b0, SolveCirculantOptions { baxis, ..o }).unwrap();
        assert_eq!(x.shape(), b_shape.as_slice());
    }
    // an empty c and b: an empty solution
    let x = solve_circulant_complex(&empty, &Array1::<C>::zeros(0), r, None).unwrap();
    assert_eq!(x.len(), 0);
    // axis out of bounds
    let bad = SolveCirculantOptions { caxis: 1, ..o };
    let c3 = array![1.0, 2.0, 3.0];
    assert!(matches!(
        solve_circulant_complex_with(&c3, &Array1::from_elem(3, z(1.0, 0.0)), bad),
        Err(LinalgError::Array(_))
    ));
}

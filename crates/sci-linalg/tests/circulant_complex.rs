//! SciPy parity for solve_circulant / solve_circulant_with on complex input (fixtures from
//! tools/fixtures/linalg_circulant_complex.py): complex c and b (radix-2 and Bluestein lengths,
//! one and several right-hand sides), real c with complex b and the reverse, singular c with
//! 'lstsq' and 'raise', an explicit tol, stacks with caxis/baxis/outaxis, and bad input.

use sci_array::ndarray::{Array1, Array2, ArrayD, Axis, Ix1, Ix2, IxDyn, array};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{
    CirculantSingular, LinalgError, SolveCirculantOptions, circulant, solve_circulant, solve_circulant_with,
};

mod common;
use common::fortran_strided;

type C = Complex64;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_circulant_complex.json"))
        .unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<C> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn widen(a: ArrayD<f64>) -> ArrayD<C> {
    a.mapv(C::from)
}

// FFT solves agree with NumPy's pocketfft to cond(C) · eps · log n; the c here are
// diagonally dominated (condition numbers below ~10).
const RTOL: f64 = 1e-12;
const ATOL: f64 = 1e-14;

#[test]
fn complex_solve_circulant_matches_scipy() {
    let f = fx();
    let r = CirculantSingular::Raise;
    for n in [1, 2, 5, 8, 12] {
        let k = format!("n{n}");
        let c = v(&f, &format!("{k}/c"));
        let b = v(&f, &format!("{k}/b"));
        let x = solve_circulant(&c, &b, r, None).unwrap();
        assert_allclose(&x, &v(&f, &format!("{k}/x")), RTOL, ATOL);
        assert_allclose(&circulant(&c).dot(&x), &b, 1e-12, 1e-13);
        let b3 = m(&f, &format!("{k}/b3"));
        let want3 = m(&f, &format!("{k}/x3"));
        assert_allclose(&solve_circulant(&c, &b3, r, None).unwrap(), &want3, RTOL, ATOL);
        // non-contiguous (reversed-stride) views give the same solution
        let b3f = fortran_strided(&b3.clone().into_dyn());
        let x3f = solve_circulant(&c.view(), &b3f.into_dimensionality::<Ix2>().unwrap(), r, None).unwrap();
        assert_allclose(&x3f, &want3, RTOL, ATOL);
        // mixed real / complex: the real argument widened, as SciPy's fft does
        let cr = f.array_f64(&format!("{k}/cr")).into_dimensionality::<Ix1>().unwrap().mapv(C::from);
        assert_allclose(
            &solve_circulant(&cr, &b3, r, None).unwrap(),
            &m(&f, &format!("{k}/x_cr")),
            RTOL,
            ATOL,
        );
        let br = f.array_f64(&format!("{k}/br")).into_dimensionality::<Ix2>().unwrap().mapv(C::from);
        assert_allclose(
            &solve_circulant(&c, &br, r, None).unwrap(),
            &m(&f, &format!("{k}/x_br")),
            RTOL,
            ATOL,
        );
        // Complex<f32>
        let x32 = solve_circulant(
            &c.mapv(|z| Complex32::new(z.re as f32, z.im as f32)),
            &b3.mapv(|z| Complex32::new(z.re as f32, z.im as f32)),
            r,
            None,
        )
        .unwrap();
        assert_allclose(&x32.mapv(|z| C::new(z.re.into(), z.im.into())), &want3, 1e-4, 1e-5);
    }
}

#[test]
fn complex_solve_circulant_singular_and_tol() {
    let f = fx();
    for k in ["sing_rot4", "sing_ones5"] {
        let (c, b) = (v(&f, &format!("{k}/c")), m(&f, &format!("{k}/b")));
        let x = solve_circulant(&c, &b, CirculantSingular::Lstsq, None).unwrap();
        assert_allclose(&x, &m(&f, &format!("{k}/x")), RTOL, ATOL);
        assert!(f.str(&format!("{k}/raise_message")).contains("near singular"));
        let index = f.i64(&format!("{k}/first_zero")) as usize;
        assert_eq!(
            solve_circulant(&c, &b, CirculantSingular::Raise, None).unwrap_err(),
            LinalgError::NearSingular { index },
            "{k}"
        );
        // the same through solve_circulant_with
        let o = SolveCirculantOptions { singular: CirculantSingular::Lstsq, ..Default::default() };
        assert_allclose(
            &solve_circulant_with(&c, &b, o).unwrap(),
            &f.array_c64(&format!("{k}/x")),
            RTOL,
            ATOL,
        );
    }
    let (c, b, tol) = (v(&f, "tol/c"), v(&f, "tol/b"), f.f64("tol/tol"));
    let x = solve_circulant(&c, &b, CirculantSingular::Lstsq, Some(tol)).unwrap();
    assert_allclose(&x, &v(&f, "tol/x"), RTOL, ATOL);
    let o =
        SolveCirculantOptions { singular: CirculantSingular::Lstsq, tol: Some(tol), ..Default::default() };
    assert_allclose(&solve_circulant_with(&c, &b, o).unwrap(), &f.array_c64("tol/x"), RTOL, ATOL);
    // the same tol with 'raise' is an error; without it the system is regular
    assert!(matches!(
        solve_circulant(&c, &b, CirculantSingular::Raise, Some(tol)),
        Err(LinalgError::NearSingular { .. })
    ));
    assert!(solve_circulant(&c, &b, CirculantSingular::Raise, None).is_ok());
}

#[test]
fn complex_solve_circulant_with_stacks() {
    let f = fx();
    for i in 0..4 {
        let k = format!("s{i}");
        let (c, b, want) =
            (f.array_c64(&format!("{k}/c")), f.array_c64(&format!("{k}/b")), f.array_c64(&format!("{k}/x")));
        let ax = |p: &str| f.i64(&format!("{k}/{p}")) as isize;
        let o = SolveCirculantOptions {
            caxis: ax("caxis"),
            baxis: ax("baxis"),
            outaxis: ax("outaxis"),
            ..Default::default()
        };
        let x = solve_circulant_with(&c, &b, o).unwrap();
        assert_eq!(x.shape(), want.shape(), "{k}");
        assert_allclose(&x, &want, RTOL, ATOL);
        let x = solve_circulant_with(&fortran_strided(&c).view(), &fortran_strided(&b), o).unwrap();
        assert_allclose(&x, &want, RTOL, ATOL);
    }
    let (c, b) = (f.array_c64("stack_lstsq/c"), f.array_c64("stack_lstsq/b"));
    let lstsq = SolveCirculantOptions { singular: CirculantSingular::Lstsq, ..Default::default() };
    assert_allclose(&solve_circulant_with(&c, &b, lstsq).unwrap(), &f.array_c64("stack_lstsq/x"), RTOL, ATOL);
    assert!(f.str("stack_lstsq/raise_message").contains("near singular"));
    // the second matrix [1, i, -1, -i] has the eigenvalue 0 at index 0
    assert_eq!(
        solve_circulant_with(&c, &b, SolveCirculantOptions::default()).unwrap_err(),
        LinalgError::NearSingular { index: 0 }
    );
    // the first matrix alone is regular and gives the first column
    let first =
        solve_circulant_with(&c.index_axis(Axis(0), 0), &b, SolveCirculantOptions::default()).unwrap();
    assert_allclose(&first, &f.array_c64("stack_lstsq/x").index_axis(Axis(1), 0).to_owned(), RTOL, ATOL);
    // real input through the complex path gives SciPy's real solution with zero imaginary part
    let cr = ArrayD::from_shape_vec(IxDyn(&[3]), vec![3.0, 1.0, 0.5]).unwrap();
    let br = ArrayD::from_shape_vec(IxDyn(&[3]), vec![1.0, -1.0, 2.0]).unwrap();
    let xr = solve_circulant_with(&cr, &br, SolveCirculantOptions::default()).unwrap();
    let xc = solve_circulant_with(&widen(cr), &widen(br), SolveCirculantOptions::default()).unwrap();
    assert_allclose(&xc, &widen(xr), 1e-15, 1e-16);
}

#[test]
fn complex_solve_circulant_bad_input() {
    let z = |re: f64, im: f64| C::new(re, im);
    let r = CirculantSingular::Raise;
    let o = SolveCirculantOptions::default();
    let nan = z(f64::NAN, 0.0);
    let inf_im = z(0.0, f64::INFINITY);
    // (c, b, expected error) for solve_circulant and solve_circulant_with
    let rows: Vec<(Array1<C>, Array1<C>, LinalgError)> = vec![
        (
            array![z(1.0, 1.0), z(1.0, 1.0)],
            array![z(1.0, 0.0), z(0.0, 1.0)],
            LinalgError::NearSingular { index: 1 },
        ),
        (array![z(0.0, 0.0)], array![z(1.0, 0.0)], LinalgError::NearSingular { index: 0 }),
        (array![z(1.0, 0.0), nan], array![z(1.0, 0.0), z(2.0, 0.0)], LinalgError::NonFinite { arg: "c" }),
        (array![z(3.0, 0.0), z(1.0, 0.0)], array![z(1.0, 0.0), inf_im], LinalgError::NonFinite { arg: "b" }),
    ];
    for (c, b, want) in rows {
        assert_eq!(solve_circulant(&c, &b, r, None).unwrap_err(), want);
        assert_eq!(solve_circulant_with(&c, &b, o).unwrap_err(), want);
    }
    let c3 = array![z(2.0, 1.0), z(0.0, 1.0), z(1.0, 0.0)];
    let b2 = array![z(1.0, 0.0), z(2.0, 0.0)];
    assert!(matches!(solve_circulant(&c3, &b2, r, None), Err(LinalgError::ShapeMismatch { arg: "b", .. })));
    assert!(matches!(solve_circulant_with(&c3, &b2, o), Err(LinalgError::ShapeMismatch { arg: "b", .. })));
    let bad_axis = SolveCirculantOptions { caxis: 1, ..Default::default() };
    assert!(matches!(solve_circulant_with(&c3, &c3, bad_axis), Err(LinalgError::Array(_))));
}

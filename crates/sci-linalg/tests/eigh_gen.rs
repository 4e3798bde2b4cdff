//! SciPy parity for eigh / eigvalsh with b=, lower=False, subset_by_index= and
//! subset_by_value= (fixtures from tools/fixtures/linalg_eigh.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_eigh.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// Each column with its largest-modulus entry made positive (eigenvectors are unique up to sign;
/// the spectra here have no repeated eigenvalues).
fn fix_signs(mut v: Array2<f64>) -> Array2<f64> {
    for mut col in v.columns_mut() {
        let big = col.iter().copied().fold(0.0f64, |acc, x| if x.abs() > acc.abs() { x } else { acc });
        if big < 0.0 {
            col.mapv_inplace(|x| -x);
        }
    }
    v
}

// Eigen-decompositions of well-conditioned inputs (b's condition number below ~1e2): a few
// hundred eps.
const RTOL: f64 = 1e-11;
const ATOL: f64 = 1e-12;

#[test]
fn eigh_with_matches_scipy() {
    let f = fx();
    for key in
        ["gen_5", "gen_upper", "gen_40", "idx", "idx_all", "val", "val_inf", "gen_idx", "gen_val", "one"]
    {
        let p = |k: &str| format!("{key}/{k}");
        let a = m(&f, &p("a"));
        let b = f.get(key).get("b").is_some().then(|| m(&f, &p("b")));
        let idx = f.get(key).get("idx").is_some().then(|| {
            let i = f.array_i64(&p("idx"));
            (i[0] as usize, i[1] as usize)
        });
        let val = f.get(key).get("val").is_some().then(|| {
            let v = v1(&f, &p("val"));
            (v[0], v[1])
        });
        let opts = EighOptions {
            lower: f.get(&p("lower")).as_bool().unwrap(),
            b: b.as_ref().map(|b| b.view()),
            subset_by_index: idx,
            subset_by_value: val,
            ..Default::default()
        };
        let (w, v) = eigh_with(&a, &opts).unwrap();
        assert_allclose(&w, &v1(&f, &p("w")), RTOL, ATOL);
        assert_allclose(&fix_signs(v), &fix_signs(m(&f, &p("v"))), RTOL, ATOL);
        assert_allclose(&eigvalsh_with(&a, &opts).unwrap(), &v1(&f, &p("w_only")), RTOL, ATOL);
        // transposed storage: read the other triangle
        let at = a.t().to_owned();
        let bt = b.as_ref().map(|b| b.t().to_owned());
        let opts_t = EighOptions { lower: !opts.lower, b: bt.as_ref().map(|b| b.view()), ..opts };
        assert_allclose(
            &eigvalsh_with(&at.t(), &EighOptions { lower: opts.lower, ..opts }).unwrap(),
            &w,
            RTOL,
            ATOL,
        );
        assert_allclose(&eigvalsh_with(&at, &opts_t).unwrap(), &w, RTOL, ATOL);
    }
    let a = m(&f, "val_empty/a");
    let val = v1(&f, "val_empty/val");
    let (w, v) =
        eigh_with(&a, &EighOptions { subset_by_value: Some((val[0], val[1])), ..Default::default() })
            .unwrap();
    assert_eq!(w.len() as i64, f.i64("val_empty/nw"));
    let shape = f.array_i64("val_empty/vshape");
    assert_eq!(v.dim(), (shape[0] as usize, shape[1] as usize));
    // empty a
    let (w, v) = eigh_with(&Array2::<f64>::zeros((0, 0)), &EighOptions::default()).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    // f32
    let a32 = m(&f, "gen_5/a").mapv(|x| x as f32);
    let b32 = m(&f, "gen_5/b").mapv(|x| x as f32);
    let w32 = eigvalsh_with(&a32, &EighOptions { b: Some(b32.view()), ..Default::default() }).unwrap();
    // f32 arithmetic: a few hundred f32 eps.
    assert_allclose(&w32.mapv(f64::from), &v1(&f, "gen_5/w"), 1e-4, 1e-5);
}

#[test]
fn eigh_tridiagonal_matches_scipy() {
    let f = fx();
    for key in ["tri_all", "tri_idx", "tri_val", "tri_one", "tri_one_val_out"] {
        let p = |k: &str| format!("{key}/{k}");
        let (d, e) = (v1(&f, &p("d")), v1(&f, &p("e")));
        let select = match f.str(&p("sel")) {
            "i" => {
                let r = v1(&f, &p("range"));
                EigSelect::Index(r[0] as usize, r[1] as usize)
            }
            "v" => {
                let r = v1(&f, &p("range"));
                EigSelect::Value(r[0], r[1])
            }
            _ => EigSelect::All,
        };
        let (w, v) = eigh_tridiagonal(&d, &e, select).unwrap();
        assert_allclose(&w, &v1(&f, &p("w")), RTOL, ATOL);
        assert_allclose(&fix_signs(v), &fix_signs(m(&f, &p("v"))), RTOL, ATOL);
        assert_allclose(&eigvalsh_tridiagonal(&d, &e, select).unwrap(), &v1(&f, &p("w_only")), RTOL, ATOL);
        // reversed-stride views
        let (dr, er) = (
            d.slice(sci_array::ndarray::s![..;-1]).to_owned(),
            e.slice(sci_array::ndarray::s![..;-1]).to_owned(),
        );
        let w2 = eigvalsh_tridiagonal(
            &dr.slice(sci_array::ndarray::s![..;-1]),
            &er.slice(sci_array::ndarray::s![..;-1]),
            select,
        )
        .unwrap();
        assert_allclose(&w2, &w, RTOL, ATOL);
    }
}

#[test]
fn bad_input_is_an_error() {
    let d = array![1.0, 2.0, 3.0];
    assert!(matches!(
        eigh_tridiagonal(&d, &array![1.0, 2.0, 3.0], EigSelect::All).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "e", .. }
    ));
    assert!(matches!(
        eigvalsh_tridiagonal(&Array1::<f64>::zeros(0), &Array1::zeros(0), EigSelect::All).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "e", .. }
    ));
    assert_eq!(
        eigh_tridiagonal(&array![1.0, f64::NAN], &array![1.0], EigSelect::All).unwrap_err(),
        LinalgError::NonFinite { arg: "d" }
    );
    assert_eq!(
        eigh_tridiagonal(&array![1.0, 2.0], &array![f64::INFINITY], EigSelect::All).unwrap_err(),
        LinalgError::NonFinite { arg: "e" }
    );
    for sel in [
        EigSelect::Index(2, 1),
        EigSelect::Index(0, 3),
        EigSelect::Value(1.0, 1.0),
        EigSelect::Value(f64::NAN, 1.0),
    ] {
        assert!(
            matches!(eigvalsh_tridiagonal(&d, &array![1.0, 1.0], sel).unwrap_err(), LinalgError::Array(_)),
            "{sel:?}"
        );
    }
    let a = array![[2.0, 1.0], [1.0, 2.0]];
    let invalid = |e: LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if x == arg);
    let both = EighOptions {
        subset_by_index: Some((0, 1)),
        subset_by_value: Some((0.0, 1.0)),
        ..Default::default()
    };
    assert!(invalid(eigh_with(&a, &both).unwrap_err(), "subset_by_index"));
    for idx in [(1, 0), (0, 2), (2, 2)] {
        let o = EighOptions { subset_by_index: Some(idx), ..Default::default() };
        assert!(invalid(eigh_with(&a, &o).unwrap_err(), "subset_by_index"), "{idx:?}");
    }
    for val in [(1.0, 1.0), (2.0, 1.0), (f64::NAN, 1.0)] {
        let o = EighOptions { subset_by_value: Some(val), ..Default::default() };
        assert!(invalid(eigvalsh_with(&a, &o).unwrap_err(), "subset_by_value"), "{val:?}");
    }
    let rect = Array2::<f64>::zeros((2, 3));
    assert!(matches!(
        eigh_with(&rect, &EighOptions::default()).unwrap_err(),
        LinalgError::NotSquare { arg: "a", .. }
    ));
    let o = EighOptions { b: Some(rect.view()), ..Default::default() };
    assert!(matches!(eigh_with(&a, &o).unwrap_err(), LinalgError::NotSquare { arg: "b", .. }));
    let b3 = Array2::<f64>::eye(3);
    let o = EighOptions { b: Some(b3.view()), ..Default::default() };
    assert!(matches!(eigh_with(&a, &o).unwrap_err(), LinalgError::ShapeMismatch { arg: "b", .. }));
    let indef = array![[1.0, 2.0], [2.0, 1.0]];
    let o = EighOptions { b: Some(indef.view()), ..Default::default() };
    assert_eq!(eigh_with(&a, &o).unwrap_err(), LinalgError::NotPositiveDefinite { index: 1 });
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let o = EighOptions { b: Some(nan.view()), ..Default::default() };
    assert_eq!(eigh_with(&a, &o).unwrap_err(), LinalgError::NonFinite { arg: "b" });
    assert_eq!(eigh_with(&nan, &EighOptions::default()).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}

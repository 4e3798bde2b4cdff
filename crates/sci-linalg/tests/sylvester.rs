//! SciPy parity for solve_sylvester, solve_continuous_lyapunov and solve_discrete_lyapunov
//! (fixtures from tools/fixtures/linalg_sylvester.py), residual checks, f32 and bad input.

use sci_array::ndarray::{Array2, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_sylvester.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// The equations are well conditioned (separated spectra), so solutions computed through
// complex Schur forms here and real Schur forms + trsyl in SciPy agree to a few hundred eps.
const RTOL: f64 = 1e-12;

#[test]
fn sylvester_matches_scipy() {
    let f = fx();
    for key in ["syl_1x1", "syl_3x2", "syl_2x4", "syl_6x6", "syl_doc"] {
        let (a, b, q) = (m(&f, &format!("{key}/a")), m(&f, &format!("{key}/b")), m(&f, &format!("{key}/q")));
        let x = solve_sylvester(&a, &b, &q).unwrap();
        assert_allclose(&x, &m(&f, &format!("{key}/x")), RTOL, 1e-14);
        assert_allclose(&(a.dot(&x) + x.dot(&b)), &q, 0.0, 1e-12);
        // transposed (non-contiguous) views of the transposed problem: aᵀ xᵀ... give xᵀ
        let at = a.t().to_owned();
        let xt = solve_sylvester(&b.t(), &at.t().t(), &q.t()).unwrap();
        assert_allclose(&xt, &x.t(), RTOL, 1e-14);
    }
}

#[test]
fn lyapunov_match_scipy() {
    let f = fx();
    for n in [1, 4, 7] {
        let k = format!("clyap_{n}");
        let (a, q) = (m(&f, &format!("{k}/a")), m(&f, &format!("{k}/q")));
        let x = solve_continuous_lyapunov(&a, &q).unwrap();
        assert_allclose(&x, &m(&f, &format!("{k}/x")), RTOL, 1e-14);
        assert_allclose(&(a.dot(&x) + x.dot(&a.t())), &q, 0.0, 1e-12);
    }
    for n in [1, 3, 12] {
        let k = format!("dlyap_{n}");
        let (a, q) = (m(&f, &format!("{k}/a")), m(&f, &format!("{k}/q")));
        for (method, key) in [
            (DiscreteLyapunovMethod::Auto, "x_auto"),
            (DiscreteLyapunovMethod::Direct, "x_direct"),
            (DiscreteLyapunovMethod::Bilinear, "x_bilinear"),
        ] {
            let x = solve_discrete_lyapunov(&a, &q, method).unwrap();
            let want = m(&f, &format!("{k}/{key}"));
            // cond(I - a⊗a) ~ 1 / (1 - 0.9²) ≈ 5: a little above eps-level agreement
            assert_allclose(&x, &want, 1e-11, 1e-12 * want.iter().fold(0.0f64, |s, v| s.max(v.abs())));
            assert_allclose(&(a.dot(&x).dot(&a.t()) - &x + &q), &Array2::zeros((n, n)), 0.0, 1e-10);
        }
    }
}

#[test]
fn f32_and_empty() {
    let f = fx();
    let (a, b, q) = (m(&f, "syl_3x2/a"), m(&f, "syl_3x2/b"), m(&f, "syl_3x2/q"));
    let to32 = |x: &Array2<f64>| x.mapv(|v| v as f32);
    let x = solve_sylvester(&to32(&a), &to32(&b), &to32(&q)).unwrap();
    assert_allclose(&x.mapv(f64::from), &m(&f, "syl_3x2/x"), 1e-4, 1e-5);
    let e = Array2::<f64>::zeros((0, 0));
    assert_eq!(solve_sylvester(&e, &array![[1.0]], &Array2::zeros((0, 1))).unwrap().dim(), (0, 1));
    assert_eq!(solve_continuous_lyapunov(&e, &e).unwrap().dim(), (0, 0));
    assert_eq!(solve_discrete_lyapunov(&e, &e, DiscreteLyapunovMethod::Bilinear).unwrap().dim(), (0, 0));
    // strided view
    let big =
        Array2::from_shape_fn((6, 6), |(i, j)| if i == j { 3.0 } else { ((i * 7 + j * 3) % 5) as f64 / 5.0 });
    let v = big.slice(s![..;2, ..;2]);
    let x = solve_continuous_lyapunov(&v, &Array2::eye(3)).unwrap();
    assert_allclose(&(v.dot(&x) + x.dot(&v.t())), &Array2::eye(3), 0.0, 1e-13);
}

#[test]
fn singular_equation_is_perturbed_not_an_error() {
    // a and -b share the eigenvalue 1: trsyl perturbs the pivot (SciPy returns a large x).
    let x: Array2<f64> = solve_sylvester(&array![[1.0]], &array![[-1.0]], &array![[1.0]]).unwrap();
    assert!(x[[0, 0]].is_finite() && x[[0, 0]].abs() > 1e10);
}

#[test]
fn bad_input_is_an_error() {
    let sq = Array2::<f64>::eye(2);
    let rect = Array2::<f64>::zeros((2, 3));
    let nan = array![[f64::NAN, 0.0], [0.0, 1.0]];
    let rows: Vec<(&str, LinalgError, LinalgError)> = vec![
        (
            "syl a rect",
            solve_sylvester(&rect, &sq, &sq).unwrap_err(),
            LinalgError::NotSquare { arg: "a", shape: vec![2, 3] },
        ),
        (
            "syl b rect",
            solve_sylvester(&sq, &rect, &sq).unwrap_err(),
            LinalgError::NotSquare { arg: "b", shape: vec![2, 3] },
        ),
        (
            "syl q shape",
            solve_sylvester(&sq, &sq, &rect).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "q",
                expected: "(2, 2), the rows of `a` by the columns of `b`".into(),
                found: vec![2, 3],
            },
        ),
        ("syl a nan", solve_sylvester(&nan, &sq, &sq).unwrap_err(), LinalgError::NonFinite { arg: "a" }),
        ("syl b nan", solve_sylvester(&sq, &nan, &sq).unwrap_err(), LinalgError::NonFinite { arg: "b" }),
        ("syl q nan", solve_sylvester(&sq, &sq, &nan).unwrap_err(), LinalgError::NonFinite { arg: "q" }),
        (
            "clyap a rect",
            solve_continuous_lyapunov(&rect, &sq).unwrap_err(),
            LinalgError::NotSquare { arg: "a", shape: vec![2, 3] },
        ),
        (
            "dlyap q shape",
            solve_discrete_lyapunov(&sq, &rect, DiscreteLyapunovMethod::Auto).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "q",
                expected: "(2, 2), the shape of `a`".into(),
                found: vec![2, 3],
            },
        ),
        (
            "dlyap bilinear a = -I",
            solve_discrete_lyapunov(&(-&sq), &sq, DiscreteLyapunovMethod::Bilinear).unwrap_err(),
            LinalgError::Singular { pivot: 0 },
        ),
        (
            "dlyap direct a = I",
            solve_discrete_lyapunov(&sq, &sq, DiscreteLyapunovMethod::Direct).unwrap_err(),
            LinalgError::Singular { pivot: 0 },
        ),
    ];
    for (what, got, want) in rows {
        assert_eq!(got, want, "{what}");
    }
}

use sci_array::num_complex::Complex64 as C;

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn adj(a: &Array2<C>) -> Array2<C> {
    a.t().mapv(|z| z.conj())
}

#[test]
fn complex_equations_match_scipy() {
    let f = fx();
    for key in ["csyl_1x1", "csyl_3x2", "csyl_6x6"] {
        let (a, b, q) =
            (cm(&f, &format!("{key}/a")), cm(&f, &format!("{key}/b")), cm(&f, &format!("{key}/q")));
        let x = solve_sylvester(&a, &b, &q).unwrap();
        assert_allclose(&x, &cm(&f, &format!("{key}/x")), RTOL, 1e-14);
        assert_allclose(&(a.dot(&x) + x.dot(&b)), &q, 0.0, 1e-12);
    }
    for n in [1, 5] {
        let k = format!("cclyap_{n}");
        let (a, q) = (cm(&f, &format!("{k}/a")), cm(&f, &format!("{k}/q")));
        let x = solve_continuous_lyapunov(&a, &q).unwrap();
        assert_allclose(&x, &cm(&f, &format!("{k}/x")), RTOL, 1e-14);
        assert_allclose(&(a.dot(&x) + x.dot(&adj(&a))), &q, 0.0, 1e-12);
        let k = format!("cdlyap_{n}");
        let a = cm(&f, &format!("{k}/a"));
        for (method, key) in
            [(DiscreteLyapunovMethod::Direct, "x_direct"), (DiscreteLyapunovMethod::Bilinear, "x_bilinear")]
        {
            let x = solve_discrete_lyapunov(&a, &q, method).unwrap();
            assert_allclose(&x, &cm(&f, &format!("{k}/{key}")), 1e-11, 1e-12);
            assert_allclose(&(a.dot(&x).dot(&adj(&a)) - &x + &q), &Array2::zeros((n, n)), 0.0, 1e-10);
        }
    }
    // The complex Schur form behind these: a 9x9 complex matrix whose eigenvalues are known;
    // the Sylvester equation a x - x diag(w) = 0 would be singular, so test through shifts:
    // (a - w_k) x = q is solvable and x is large exactly at the eigenvalues.
    let a = cm(&f, "cschur/a");
    let x = solve_sylvester(
        &a,
        &Array2::from_elem((1, 1), C::new(-0.5, 0.25)),
        &Array2::from_elem((9, 1), C::new(1.0, 0.0)),
    )
    .unwrap();
    let shifted = &a + &(Array2::<C>::eye(9) * C::new(-0.5, 0.25));
    assert_allclose(&shifted.dot(&x), &Array2::from_elem((9, 1), C::new(1.0, 0.0)), 0.0, 1e-12);
}

#[test]
fn complex_schur_of_complex_input() {
    let f = fx();
    let a = cm(&f, "cschur/a");
    let (t, z) = schur_complex(&a).unwrap();
    assert_allclose(&z.dot(&t).dot(&adj(&z)), &a, 0.0, 1e-13);
    assert_allclose(&adj(&z).dot(&z), &Array2::eye(9), 0.0, 1e-14);
    let w = f.array_c64("cschur/w");
    let mut used = [false; 9];
    for d in t.diag() {
        let (k, dist) = w
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(k, x)| (k, (x - d).norm()))
            .min_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap();
        assert!(dist < 1e-12, "{d} is not one of SciPy's eigenvalues ({dist:e})");
        used[k] = true;
    }
    for j in 0..9 {
        for i in j + 1..9 {
            assert_eq!(t[[i, j]], C::new(0.0, 0.0));
        }
    }
    // complex64
    let a32 = a.mapv(|z| sci_array::num_complex::Complex32::new(z.re as f32, z.im as f32));
    let (t32, z32) = schur_complex(&a32).unwrap();
    let back = z32.dot(&t32).dot(&z32.t().mapv(|x| x.conj()));
    assert_allclose(&back.mapv(|z| C::new(z.re.into(), z.im.into())), &a, 0.0, 1e-5);
}

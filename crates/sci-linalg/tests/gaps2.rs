//! SciPy/NumPy parity for subspace_angles, matrix_rank_with (tol, rtol, hermitian) and
//! invhilbert_exact (fixtures from tools/fixtures/linalg_gaps2.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_gaps2.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn mc(f: &Fixture, p: &str) -> Array2<Complex64> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

/// A copy of `x` stored in a strided buffer, returned with the buffer (every other column of a
/// Fortran-ordered matrix twice as wide), to check non-contiguous views.
fn strided(x: &Array2<f64>) -> Array2<f64> {
    let (r, c) = x.dim();
    let mut big = Array2::zeros((r, 2 * c));
    big.slice_mut(s![.., ..;2]).assign(x);
    big
}

#[test]
fn subspace_angles_match_scipy() {
    let f = fx();
    for key in
        ["rand", "close", "rankdef", "wide_b", "one", "zero_a", "no_cols", "hadamard", "hadamard_mixed"]
    {
        let p = |k: &str| format!("sa_{key}/{k}");
        let (a, b, want) = (m(&f, &p("a")), m(&f, &p("b")), v(&f, &p("theta")));
        // Angles are as well conditioned as the bases (inputs here: condition numbers < 1e3), so
        // 1e-12 absolute. SciPy takes the angles with cos² < 1/2 from arccos of the reversed
        // cosines: an angle near 0 in that branch is arccos of a cosine within an ulp or two of
        // 1, which resolves only to sqrt(2 eps) ≈ 2.1e-8 (hadamard_mixed has such a 1.49e-8).
        let atol = if key == "hadamard_mixed" { 2.2e-8 } else { 1e-12 };
        let got = subspace_angles(&a, &b).unwrap();
        assert_allclose(&got, &want, 0.0, atol);
        // views: transposed storage and strided columns give the same angles
        let at = a.t().as_standard_layout().t().to_owned();
        let bs = strided(&b);
        assert_allclose(&subspace_angles(&at.view(), &bs.slice(s![.., ..;2])).unwrap(), &want, 0.0, atol);
    }
    // Small angles come from the sines: relative accuracy, not sqrt(eps).
    let got = subspace_angles(&m(&f, "sa_close/a"), &m(&f, "sa_close/b")).unwrap();
    assert_allclose(&got, &v(&f, "sa_close/theta"), 1e-6, 0.0);
    let got = subspace_angles(&mc(&f, "sa_complex/a"), &mc(&f, "sa_complex/b")).unwrap();
    assert_allclose(&got, &v(&f, "sa_complex/theta"), 0.0, 1e-12);
    let (a32, b32) = (m(&f, "sa_f32/a").mapv(|x| x as f32), m(&f, "sa_f32/b").mapv(|x| x as f32));
    let got: Array1<f32> = subspace_angles(&a32, &b32).unwrap();
    // float32 SVDs: a few eps32 (1.2e-7) times the basis' condition number.
    assert_allclose(&got, &v(&f, "sa_f32/theta").mapv(|x| x as f32), 0.0, 5e-6);
    let c32 = mc(&f, "sa_complex/a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let d32 = mc(&f, "sa_complex/b").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let got = subspace_angles(&c32, &d32).unwrap();
    assert_allclose(&got, &v(&f, "sa_complex/theta").mapv(|x| x as f32), 0.0, 5e-6);
    // symmetric in its arguments
    let (a, b) = (m(&f, "sa_rand/a"), m(&f, "sa_rand/b"));
    assert_allclose(&subspace_angles(&b, &a).unwrap(), &v(&f, "sa_rand/theta"), 0.0, 1e-12);
    // no rows: both bases are empty
    assert_eq!(
        subspace_angles(&Array2::<f64>::zeros((0, 2)), &Array2::<f64>::zeros((0, 3))).unwrap().len(),
        0
    );
}

#[test]
fn matrix_rank_with_matches_numpy() {
    let f = fx();
    let opts =
        |tol: Option<f64>, rtol: Option<f64>, hermitian: bool| MatrixRankOptions { tol, rtol, hermitian };
    let cases: Vec<(&str, Option<f64>, Option<f64>, bool)> = vec![
        ("default", None, None, false),
        ("rtol_0.1", None, Some(1e-1), false),
        ("rtol_0.0001", None, Some(1e-4), false),
        ("rtol_1e-08", None, Some(1e-8), false),
        ("rtol_1e-12", None, Some(1e-12), false),
        ("tol_0.001", Some(1e-3), None, false),
        ("tol_1e-10", Some(1e-10), None, false),
        ("herm", None, None, true),
        ("herm_rtol_1e-06", None, Some(1e-6), true),
    ];
    for key in ["graded", "sym", "herm"] {
        let p = |k: &str| format!("mr_{key}/{k}");
        for (name, tol, rtol, herm) in &cases {
            if f.get(&format!("mr_{key}")).get(name).is_none() {
                continue; // hermitian= only for the square inputs
            }
            let want = f.i64(&p(name)) as usize;
            let o = opts(*tol, *rtol, *herm);
            let got = if key == "herm" {
                matrix_rank_with(&mc(&f, &p("a")), &o).unwrap()
            } else {
                let a = m(&f, &p("a"));
                let got = matrix_rank_with(&a, &o).unwrap();
                assert_eq!(matrix_rank_with(&strided(&a).slice(s![.., ..;2]), &o).unwrap(), got);
                got
            };
            assert_eq!(got, want, "{key} {name}");
        }
    }
    assert_eq!(matrix_rank_with(&m(&f, "mr_graded/a"), &MatrixRankOptions::default()).unwrap(), 5);
    let g32 = m(&f, "mr_f32/a").mapv(|x| x as f32);
    assert_eq!(
        matrix_rank_with(&g32, &MatrixRankOptions::default()).unwrap() as i64,
        f.i64("mr_f32/default")
    );
    let o32 = MatrixRankOptions { rtol: Some(1e-3f32), ..Default::default() };
    assert_eq!(matrix_rank_with(&g32, &o32).unwrap() as i64, f.i64("mr_f32/rtol_0.001"));
    // empty: rank 0 (NumPy); 1x1
    assert_eq!(matrix_rank_with(&Array2::<f64>::zeros((0, 3)), &MatrixRankOptions::default()).unwrap(), 0);
    let herm = MatrixRankOptions { hermitian: true, ..Default::default() };
    assert_eq!(matrix_rank_with(&Array2::<f64>::zeros((0, 0)), &herm).unwrap(), 0);
    assert_eq!(matrix_rank_with(&Array2::from_elem((1, 1), -2.0), &herm).unwrap(), 1);
}

#[test]
fn invhilbert_exact_matches_scipy() {
    let f = fx();
    for n in [0usize, 1, 2, 5, 14, 15, 20, 27] {
        let p = format!("invhilbert_{n}");
        let data: Vec<i128> = f
            .get(&format!("{p}/data"))
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().parse().unwrap())
            .collect();
        let want = Array2::from_shape_vec((n, n), data).unwrap();
        assert_eq!(invhilbert_exact(n).unwrap(), want, "n = {n}");
        // SciPy's dtype: int64 while the entries fit, Python integers beyond n = 14
        let big = want.iter().any(|&x| i64::try_from(x).is_err());
        assert_eq!(f.str(&format!("{p}/dtype")) == "object", big, "n = {n}");
    }
    // the float form agrees where f64 is exact
    let exact = invhilbert_exact(8).unwrap().mapv(|x| x as f64);
    assert_allclose(&invhilbert(8), &exact, 0.0, 0.0);
}

#[test]
fn gaps2_bad_input() {
    let nan = Array2::from_elem((2, 2), f64::NAN);
    let ok = Array2::<f64>::eye(2);
    let rect = Array2::<f64>::zeros((2, 3));
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "subspace_angles NaN a",
            subspace_angles(&nan, &ok).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        (
            "subspace_angles NaN b",
            subspace_angles(&ok, &nan).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "b" }),
        ),
        (
            "subspace_angles rows differ",
            subspace_angles(&ok, &Array2::<f64>::eye(3)).unwrap_err(),
            Box::new(
                |e| matches!(e, LinalgError::ShapeMismatch { arg: "b", found, .. } if *found == vec![3, 3]),
            ),
        ),
        (
            "matrix_rank tol and rtol",
            matrix_rank_with(&ok, &MatrixRankOptions { tol: Some(1.0), rtol: Some(1.0), hermitian: false })
                .unwrap_err(),
            Box::new(move |e| invalid(e, "tol")),
        ),
        (
            "matrix_rank hermitian non-square",
            matrix_rank_with(&rect, &MatrixRankOptions { hermitian: true, ..Default::default() })
                .unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "a", .. })),
        ),
        (
            "matrix_rank NaN",
            matrix_rank_with(&nan, &MatrixRankOptions::default()).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        (
            "matrix_rank hermitian NaN",
            matrix_rank_with(&nan, &MatrixRankOptions { hermitian: true, ..Default::default() }).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        ("invhilbert_exact n = 28", invhilbert_exact(28).unwrap_err(), Box::new(move |e| invalid(e, "n"))),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

/// Eigenvalues of every `driver=` against SciPy's, and the eigenvectors through their residual
/// (vectors are unique only up to sign/phase).
fn eigh_drivers_case<T>(f: &Fixture, key: &str, a: &Array2<T>, b: &Array2<T>, rtol: f64)
where
    T: LinalgScalar,
    RealOf<T>: Into<f64> + FromF64,
{
    use EighDriver::*;
    let p = |k: &str| format!("ed_{key}/{k}");
    let n = a.nrows();
    let scale: f64 = norm(a, None).unwrap().into();
    let resid = |v: &Array2<T>, w: &Array1<RealOf<T>>, bm: Option<&Array2<T>>| {
        let bv = bm.map_or_else(|| v.clone(), |bm| bm.dot(v));
        let r = a.dot(v) - &bv * &w.mapv(T::from_real);
        r.iter().map(|x| x.modulus().into()).fold(0.0f64, f64::max)
    };
    let check = |name: &str, o: EighOptions<'_, T>| {
        let want = v(f, &p(name));
        let (w, vecs) = eigh_with(a, &o).unwrap_or_else(|e| panic!("{key} {name}: {e}"));
        let w64 = w.mapv(|x| x.into());
        // Hermitian eigenvalues are perfectly conditioned: rtol times ‖a‖ (plus ‖b‖'s factor).
        assert_allclose(&w64, &want, 0.0, rtol * scale * 10.0);
        assert_eq!(vecs.dim(), (n, want.len()), "{key} {name}");
        // a v = w v, or a v = w b v for type 1 (types 2 and 3: the values above)
        if o.b.is_none() || o.eig_type == EighType::Type1 {
            let r = resid(&vecs, &w, o.b.map(|_| b));
            assert!(r <= rtol * scale * 100.0, "{key} {name}: residual {r:e}");
        }
        let w_only = eigvalsh_with(a, &o).unwrap().mapv(|x| x.into());
        assert_allclose(&w_only, &want, 0.0, rtol * scale * 10.0);
    };
    for (name, d) in [("ev", Ev), ("evd", Evd), ("evr", Evr), ("evx", Evx)] {
        check(&format!("{name}_all"), EighOptions { driver: Some(d), ..Default::default() });
        check(&format!("{name}_upper"), EighOptions { driver: Some(d), lower: false, ..Default::default() });
    }
    let lo = RealOf::<T>::from_real_f64(-0.5);
    let hi = RealOf::<T>::from_real_f64(1.5);
    for (name, d) in [("evr", Evr), ("evx", Evx)] {
        let o = EighOptions { driver: Some(d), subset_by_index: Some((1, n - 2)), ..Default::default() };
        check(&format!("{name}_idx"), o);
        let o = EighOptions { driver: Some(d), subset_by_value: Some((lo, hi)), ..Default::default() };
        check(&format!("{name}_val"), o);
    }
    // the default driver with a subset is evr's
    check("evr_idx", EighOptions { subset_by_index: Some((1, n - 2)), ..Default::default() });
    for (name, d) in [("gv", Gv), ("gvd", Gvd), ("gvx", Gvx)] {
        for (t, ty) in [(1, EighType::Type1), (2, EighType::Type2), (3, EighType::Type3)] {
            let o = EighOptions { b: Some(b.view()), eig_type: ty, driver: Some(d), ..Default::default() };
            check(&format!("{name}_t{t}"), o);
        }
    }
    let o = EighOptions {
        b: Some(b.view()),
        driver: Some(Gvx),
        subset_by_index: Some((0, 2)),
        ..Default::default()
    };
    check("gvx_idx", o);
    let (lo, hi) = (RealOf::<T>::from_real_f64(-0.1), RealOf::<T>::from_real_f64(0.1));
    let o = EighOptions {
        b: Some(b.view()),
        driver: Some(Gvx),
        subset_by_value: Some((lo, hi)),
        ..Default::default()
    };
    check("gvx_val", o);
    // the default with b and a subset is gvx
    check(
        "gvx_val",
        EighOptions { b: Some(b.view()), subset_by_value: Some((lo, hi)), ..Default::default() },
    );
}

trait FromF64 {
    fn from_real_f64(x: f64) -> Self;
}
impl FromF64 for f64 {
    fn from_real_f64(x: f64) -> Self {
        x
    }
}
impl FromF64 for f32 {
    fn from_real_f64(x: f64) -> Self {
        x as f32
    }
}

#[test]
fn eigh_drivers_match_scipy() {
    let f = fx();
    // f64: backward-stable solvers, a few eps
    eigh_drivers_case(&f, "sym", &m(&f, "ed_sym/a"), &m(&f, "ed_sym/b"), 1e-14);
    // strided views
    let (a, b) = (strided(&m(&f, "ed_sym/a")), strided(&m(&f, "ed_sym/b")));
    let (av, bv) = (a.slice(s![.., ..;2]), b.slice(s![.., ..;2]));
    let w =
        eigvalsh_with(&av, &EighOptions { b: Some(bv), driver: Some(EighDriver::Gv), ..Default::default() })
            .unwrap();
    assert_allclose(&w, &v(&f, "ed_sym/gv_t1"), 0.0, 1e-12);
    eigh_drivers_case(&f, "her", &mc(&f, "ed_her/a"), &mc(&f, "ed_her/b"), 1e-14);
    let (a32, b32) = (m(&f, "ed_sym32/a").mapv(|x| x as f32), m(&f, "ed_sym32/b").mapv(|x| x as f32));
    // float32: eps32 = 1.2e-7
    eigh_drivers_case(&f, "sym32", &a32, &b32, 2e-6);
    // empty input: empty results whatever the driver (SciPy returns before checking it)
    let e = Array2::<f64>::zeros((0, 0));
    let o = EighOptions { driver: Some(EighDriver::Gvx), ..Default::default() };
    let (w, vecs) = eigh_with(&e, &o).unwrap();
    assert_eq!((w.len(), vecs.dim()), (0, (0, 0)));
    // 1x1
    let one = Array2::from_elem((1, 1), -3.0f64);
    for d in [EighDriver::Ev, EighDriver::Evd, EighDriver::Evr, EighDriver::Evx] {
        let (w, vecs) = eigh_with(&one, &EighOptions { driver: Some(d), ..Default::default() }).unwrap();
        assert_eq!((w[0], vecs[[0, 0]].abs()), (-3.0, 1.0f64));
    }
}

#[test]
fn eigh_driver_bad_input() {
    use EighDriver::*;
    let a = Array2::<f64>::eye(3);
    let b = Array2::<f64>::eye(3) * 2.0;
    let msg = |o: EighOptions<'_, f64>| match eigvalsh_with(&a, &o).unwrap_err() {
        LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "driver", reason }) => reason,
        e => panic!("{e}"),
    };
    for d in [Gv, Gvd, Gvx] {
        let r = msg(EighOptions { driver: Some(d), ..Default::default() });
        assert_eq!(
            r,
            format!(
                "{} requires input b array to be supplied for generalized eigenvalue problems.",
                d.name()
            )
        );
    }
    for d in [Ev, Evd, Evr, Evx] {
        let r = msg(EighOptions { driver: Some(d), b: Some(b.view()), ..Default::default() });
        assert_eq!(
            r,
            format!("\"{}\" does not accept input b array for standard eigenvalue problems.", d.name())
        );
    }
    for d in [Ev, Evd] {
        let r = msg(EighOptions { driver: Some(d), subset_by_index: Some((0, 1)), ..Default::default() });
        assert_eq!(r, format!("\"{}\" cannot compute subsets of eigenvalues", d.name()));
        let r = msg(EighOptions { driver: Some(d), subset_by_value: Some((0.0, 1.0)), ..Default::default() });
        assert_eq!(r, format!("\"{}\" cannot compute subsets of eigenvalues", d.name()));
    }
    for d in [Gv, Gvd] {
        let o = EighOptions {
            driver: Some(d),
            b: Some(b.view()),
            subset_by_index: Some((0, 1)),
            ..Default::default()
        };
        assert_eq!(msg(o), format!("\"{}\" cannot compute subsets of eigenvalues", d.name()));
    }
    // NaN is reported before the driver
    let nan = Array2::from_elem((2, 2), f64::NAN);
    let o = EighOptions { driver: Some(Gv), ..Default::default() };
    assert_eq!(eigvalsh_with(&nan, &o).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    // not positive definite b with every generalized driver
    let indef = sci_array::ndarray::array![[1.0, 0.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 1.0]];
    for d in [Gv, Gvd, Gvx] {
        let o = EighOptions { driver: Some(d), b: Some(indef.view()), ..Default::default() };
        assert!(
            matches!(eigvalsh_with(&a, &o).unwrap_err(), LinalgError::NotPositiveDefinite { .. }),
            "{d:?}"
        );
    }
}

#[test]
fn complex_are_match_scipy() {
    let f = fx();
    let adj = |x: &Array2<Complex64>| x.t().mapv(|z| z.conj());
    for n in [1, 3, 5] {
        let p = |k: &str| format!("are_c{n}/{k}");
        let (a, b, q, r) = (mc(&f, &p("a")), mc(&f, &p("b")), mc(&f, &p("q")), mc(&f, &p("r")));
        let (e, sm, ad) = (mc(&f, &p("e")), mc(&f, &p("s")), mc(&f, &p("ad")));
        let es = AreOptions { e: Some(e.view()), s: Some(sm.view()), balanced: true };
        let nobal = AreOptions { balanced: false, ..Default::default() };
        // The solutions' condition numbers are moderate (< 1e3 here): rtol 1e-10 relative to ‖x‖.
        let close = |got: &Array2<Complex64>, key: &str| {
            let want = mc(&f, &p(key));
            let scale = want.iter().map(|z| z.norm()).fold(0.0, f64::max);
            assert_allclose(got, &want, 0.0, 1e-10 * scale);
        };
        let x = solve_continuous_are(&a, &b, &q, &r).unwrap();
        close(&x, "care");
        // the residual of aᴴ x + x a - x b r⁻¹ bᴴ x + q = 0, and x Hermitian
        let g = b.dot(&solve(&r, &adj(&b)).unwrap());
        let res = adj(&a).dot(&x) + x.dot(&a) - x.dot(&g).dot(&x) + &q;
        assert!(
            res.iter().all(|z| z.norm() < 1e-9 * (1.0 + x.iter().map(|z| z.norm()).sum::<f64>())),
            "care {n}"
        );
        assert_eq!(x, adj(&x));
        close(&solve_continuous_are_with(&a, &b, &q, &r, &es).unwrap(), "care_es");
        close(&solve_continuous_are_with(&a, &b, &q, &r, &nobal).unwrap(), "care_nobal");
        close(&solve_discrete_are(&ad, &b, &q, &r).unwrap(), "dare");
        close(&solve_discrete_are_with(&ad, &b, &q, &r, &es).unwrap(), "dare_es");
        close(&solve_discrete_are_with(&ad, &b, &q, &r, &nobal).unwrap(), "dare_nobal");
        // transposed (Fortran-order) views give the same solution
        let at = adj(&adj(&a));
        let at = at.t().as_standard_layout().t().to_owned();
        close(&solve_continuous_are(&at.view(), &b.view(), &q, &r).unwrap(), "care");
        // complex64: the same problem in single precision (eps32 1.2e-7 times the conditioning)
        let c32 = |x: &Array2<Complex64>| x.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
        let x32 = solve_continuous_are(&c32(&a), &c32(&b), &c32(&q), &c32(&r)).unwrap();
        let want = mc(&f, &p("care"));
        let scale = want.iter().map(|z| z.norm()).fold(0.0, f64::max);
        assert_allclose(&x32.mapv(|z| Complex64::new(z.re as f64, z.im as f64)), &want, 0.0, 1e-4 * scale);
    }
    // complex input with zero imaginary parts agrees with the real solver
    let a = sci_array::ndarray::array![[4.0f64, 3.0], [-4.5, -3.5]];
    let b = sci_array::ndarray::array![[1.0], [-1.0]];
    let q = sci_array::ndarray::array![[9.0, 6.0], [6.0, 4.0]];
    let r = sci_array::ndarray::array![[1.0]];
    let c = |x: &Array2<f64>| x.mapv(|v| Complex64::new(v, 0.0));
    let xr = solve_continuous_are(&a, &b, &q, &r).unwrap();
    let xc = solve_continuous_are(&c(&a), &c(&b), &c(&q), &c(&r)).unwrap();
    assert_allclose(&xc, &c(&xr), 0.0, 1e-10);
    let xr = solve_discrete_are(&(&a * 0.1), &b, &q, &r).unwrap();
    let xc = solve_discrete_are(&c(&(&a * 0.1)), &c(&b), &c(&q), &c(&r)).unwrap();
    assert_allclose(&xc, &c(&xr), 0.0, 1e-10);
    // empty
    let e = Array2::<Complex64>::zeros((0, 0));
    assert_eq!(solve_continuous_are(&e, &Array2::zeros((0, 1)), &e, &Array2::eye(1)).unwrap().dim(), (0, 0));
}

#[test]
fn complex_are_bad_input() {
    let c = |re: f64, im: f64| Complex64::new(re, im);
    let a = Array2::from_elem((2, 2), c(1.0, 0.5));
    let b = Array2::from_elem((2, 1), c(1.0, 0.0));
    let q = Array2::<Complex64>::eye(2);
    let r = Array2::<Complex64>::eye(1);
    let mut nonherm = q.clone();
    nonherm[[0, 1]] = c(0.0, 1.0);
    nonherm[[1, 0]] = c(0.0, 1.0); // symmetric but not Hermitian
    let mut nan = a.clone();
    nan[[0, 0]] = c(f64::NAN, 0.0);
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let sing_e = Array2::<Complex64>::zeros((2, 2));
    let bad_s = Array2::<Complex64>::zeros((1, 2));
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "q not Hermitian",
            solve_continuous_are(&a, &b, &nonherm, &r).unwrap_err(),
            Box::new(move |e| invalid(e, "q")),
        ),
        (
            "dare q not Hermitian",
            solve_discrete_are(&a, &b, &nonherm, &r).unwrap_err(),
            Box::new(move |e| invalid(e, "q")),
        ),
        (
            "NaN a",
            solve_continuous_are(&nan, &b, &q, &r).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        (
            "b shape",
            solve_continuous_are(&a, &Array2::<Complex64>::zeros((3, 1)), &q, &r).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "b", .. })),
        ),
        (
            "singular e",
            solve_continuous_are_with(
                &a,
                &b,
                &q,
                &r,
                &AreOptions { e: Some(sing_e.view()), ..Default::default() },
            )
            .unwrap_err(),
            Box::new(move |e| invalid(e, "e")),
        ),
        (
            "s shape",
            solve_discrete_are_with(
                &a,
                &b,
                &q,
                &r,
                &AreOptions { s: Some(bad_s.view()), ..Default::default() },
            )
            .unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "s", .. })),
        ),
        (
            "no stabilizing solution",
            // a = i·I, b = 0: the Hamiltonian's eigenvalues ±i lie on the imaginary axis
            solve_continuous_are(
                &Array2::from_diag(&sci_array::ndarray::array![c(0.0, 1.0), c(0.0, 1.0)]),
                &Array2::<Complex64>::zeros((2, 1)),
                &q,
                &r,
            )
            .unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NearSingular { .. })),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

#[test]
fn solve_assume_banded_matches_scipy() {
    let f = fx();
    let banded = SolveOptions { assume_a: AssumeA::Banded, ..Default::default() };
    let transposed = SolveOptions { transposed: true, ..banded };
    let a = m(&f, "banded/a");
    // Gaussian elimination on a well-conditioned band: a few eps relative to the solution.
    let tol = 1e-12;
    assert_allclose(&solve_with(&a, &m(&f, "banded/b"), banded).unwrap(), &m(&f, "banded/x"), tol, tol);
    assert_allclose(&solve_with(&a, &v(&f, "banded/b1"), banded).unwrap(), &v(&f, "banded/x1"), tol, tol);
    assert_allclose(&solve_with(&a, &m(&f, "banded/b"), transposed).unwrap(), &m(&f, "banded/xt"), tol, tol);
    // a non-contiguous view of a, and the transposed storage with transposed=True
    let big = strided(&a);
    assert_allclose(
        &solve_with(&big.slice(s![.., ..;2]), &m(&f, "banded/b"), banded).unwrap(),
        &m(&f, "banded/x"),
        tol,
        tol,
    );
    let at = a.t().to_owned();
    assert_allclose(&solve_with(&at, &m(&f, "banded/b"), transposed).unwrap(), &m(&f, "banded/x"), tol, tol);
    let up = m(&f, "banded/up");
    assert_allclose(&solve_with(&up, &v(&f, "banded/b6"), banded).unwrap(), &v(&f, "banded/xup"), tol, tol);
    let ac = mc(&f, "banded/ac");
    let bc = m(&f, "banded/b").mapv(|x| Complex64::new(x, 0.0));
    assert_allclose(&solve_with(&ac, &bc, banded).unwrap(), &mc(&f, "banded/xc"), tol, tol);
    // f32
    let x32 = solve_with(&a.mapv(|x| x as f32), &v(&f, "banded/b1").mapv(|x| x as f32), banded).unwrap();
    assert_allclose(&x32, &v(&f, "banded/x1").mapv(|x| x as f32), 1e-4, 1e-4);
    // empty and 1x1
    let e = solve_with(&Array2::<f64>::zeros((0, 0)), &Array1::<f64>::zeros(0), banded).unwrap();
    assert_eq!(e.len(), 0);
    let one = solve_with(&Array2::from_elem((1, 1), 4.0), &Array1::from_elem(1, 2.0), banded).unwrap();
    assert_eq!(one[0], 0.5);
    // bad input: singular (SciPy: "Matrix is singular."), NaN, shapes
    let sing = sci_array::ndarray::array![[1.0, 0.0], [0.0, 0.0]];
    assert!(matches!(
        solve_with(&sing, &sci_array::ndarray::array![1.0, 1.0], banded).unwrap_err(),
        LinalgError::Singular { pivot: 1 }
    ));
    let nan = Array2::from_elem((2, 2), f64::NAN);
    assert_eq!(
        solve_with(&nan, &sci_array::ndarray::array![1.0, 1.0], banded).unwrap_err(),
        LinalgError::NonFinite { arg: "a" }
    );
    assert!(matches!(
        solve_with(&a, &Array1::<f64>::zeros(3), banded).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    assert!(matches!(
        solve_with(&Array2::<f64>::zeros((2, 3)), &Array1::<f64>::zeros(2), banded).unwrap_err(),
        LinalgError::NotSquare { .. }
    ));
}

#[test]
fn schur_complex_sorted_complex_input_matches_scipy() {
    let f = fx();
    for key in ["c6", "c1", "c4_unit"] {
        let p = |k: &str| format!("schur_{key}/{k}");
        let a = mc(&f, &p("a"));
        let n = a.nrows();
        for (name, sort) in [
            ("lhp", SchurSort::Lhp),
            ("rhp", SchurSort::Rhp),
            ("iuc", SchurSort::Iuc),
            ("ouc", SchurSort::Ouc),
        ] {
            let (t, z, sdim) = schur_complex_sorted(&a, sort).unwrap();
            assert_eq!(sdim as i64, f.i64(&p(&format!("{name}_sdim"))), "{key} {name}");
            let want = f.array_c64(&p(&format!("{name}_w"))).into_dimensionality::<Ix1>().unwrap();
            let got = t.diag().to_owned();
            // the selected group and the rest, each as a set (the order inside may differ)
            let (g, w) = (got.slice(s![..sdim]).to_owned(), want.slice(s![..sdim]).to_owned());
            common::assert_same_set(&g, &w, 1e-12);
            let (g, w) = (got.slice(s![sdim..]).to_owned(), want.slice(s![sdim..]).to_owned());
            common::assert_same_set(&g, &w, 1e-12);
            // a = z t zᴴ with z unitary and t upper triangular
            let zh = z.t().mapv(|v| v.conj());
            assert_allclose(&z.dot(&t).dot(&zh), &a, 0.0, 1e-13 * (1.0 + n as f64));
            assert_allclose(&zh.dot(&z), &Array2::<Complex64>::eye(n), 0.0, 1e-14 * (1.0 + n as f64));
            assert!((0..n).all(|j| (j + 1..n).all(|i| t[[i, j]] == Complex64::new(0.0, 0.0))));
        }
    }
    // complex64 and a strided view
    let a = mc(&f, "schur_c6/a");
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (_, _, sdim) = schur_complex_sorted(&a32, SchurSort::Lhp).unwrap();
    assert_eq!(sdim as i64, f.i64("schur_c6/lhp_sdim"));
    let mut big = Array2::<Complex64>::zeros((6, 12));
    big.slice_mut(s![.., ..;2]).assign(&a);
    let (_, _, sdim) = schur_complex_sorted(&big.slice(s![.., ..;2]), SchurSort::Lhp).unwrap();
    assert_eq!(sdim as i64, f.i64("schur_c6/lhp_sdim"));
    // empty; bad input
    let (t, _, sdim) = schur_complex_sorted(&Array2::<Complex64>::zeros((0, 0)), SchurSort::Iuc).unwrap();
    assert_eq!((t.dim(), sdim), ((0, 0), 0));
    let mut nan = a.clone();
    nan[[1, 1]] = Complex64::new(0.0, f64::NAN);
    assert_eq!(schur_complex_sorted(&nan, SchurSort::Iuc).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert!(matches!(
        schur_complex_sorted(&Array2::<Complex64>::zeros((2, 3)), SchurSort::Iuc).unwrap_err(),
        LinalgError::NotSquare { arg: "a", .. }
    ));
}

#[test]
fn orth_null_space_complex_match_scipy() {
    let f = fx();
    let adj = |x: &Array2<Complex64>| x.t().mapv(|z| z.conj());
    // Bases are unique only up to a unitary factor: compare the projectors q qᴴ.
    let proj = |q: &Array2<Complex64>| q.dot(&adj(q));
    for (a_key, o_key, n_key, rcond) in
        [("a", "orth", "null", None), ("noisy", "orth_r", "null_r", Some(1e-3))]
    {
        let a = mc(&f, &format!("orth_c/{a_key}"));
        let (want_o, want_n) = (mc(&f, &format!("orth_c/{o_key}")), mc(&f, &format!("orth_c/{n_key}")));
        let q = orth(&a, rcond).unwrap();
        assert_eq!(q.dim(), want_o.dim());
        assert_allclose(&proj(&q), &proj(&want_o), 0.0, 1e-12);
        let ns = null_space(&a, rcond).unwrap();
        assert_eq!(ns.dim(), want_n.dim());
        assert_allclose(&proj(&ns), &proj(&want_n), 0.0, 1e-12);
        assert_allclose(&adj(&ns).dot(&ns), &Array2::<Complex64>::eye(ns.ncols()), 0.0, 1e-14);
    }
    let noisy = mc(&f, "orth_c/noisy");
    assert_eq!(
        orth(&noisy, None).unwrap().ncols(),
        f.get("orth_c/orth_noisy/shape")[1].as_u64().unwrap() as usize
    );
    // complex64, NaN
    let a32 = mc(&f, "orth_c/a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    assert_eq!(orth(&a32, None).unwrap().ncols(), 2);
    assert_eq!(null_space(&a32, None).unwrap().ncols(), 2);
    let mut nan = mc(&f, "orth_c/a");
    nan[[0, 0]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(orth(&nan, None).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert_eq!(null_space(&nan, None).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}

#[test]
fn sqrtm_logm_complex_match_scipy() {
    let f = fx();
    for (a_key, suffix) in [("a", ""), ("tri", "_tri"), ("one", "_one"), ("real_as_c", "_real_as_c")] {
        let a = mc(&f, &format!("matfun_c/{a_key}"));
        // Schur-based, well-conditioned inputs (eigenvalues near 3 or 2): a few eps times n.
        let s = sqrtm(&a).unwrap();
        assert!(!s.is_real(), "complex input keeps the complex type, as SciPy");
        let s = s.into_complex();
        assert_allclose(&s, &mc(&f, &format!("matfun_c/sqrtm{suffix}")), 1e-12, 1e-13);
        assert_allclose(&s.dot(&s), &a, 1e-12, 1e-13);
        let l = logm(&a).unwrap().into_complex();
        assert_allclose(&l, &mc(&f, &format!("matfun_c/logm{suffix}")), 1e-12, 1e-13);
        assert_allclose(&expm(&l).unwrap(), &a, 1e-12, 1e-13);
    }
    // complex64, strided view, empty
    let a = mc(&f, "matfun_c/a");
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let s32 = sqrtm(&a32).unwrap().into_complex().mapv(|z| Complex64::new(z.re as f64, z.im as f64));
    assert_allclose(&s32, &mc(&f, "matfun_c/sqrtm"), 1e-5, 1e-5);
    let mut big = Array2::<Complex64>::zeros((5, 10));
    big.slice_mut(s![.., ..;2]).assign(&a);
    let l = logm(&big.slice(s![.., ..;2])).unwrap().into_complex();
    assert_allclose(&l, &mc(&f, "matfun_c/logm"), 1e-12, 1e-13);
    assert_eq!(sqrtm(&Array2::<Complex64>::zeros((0, 0))).unwrap().into_complex().dim(), (0, 0));
    // bad input: NaN, not square, exactly singular logm
    let mut nan = a.clone();
    nan[[2, 2]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(sqrtm(&nan).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    assert_eq!(logm(&nan).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    let rect = Array2::<Complex64>::zeros((2, 3));
    assert!(matches!(sqrtm(&rect).unwrap_err(), LinalgError::NotSquare { arg: "A", .. }));
    assert!(matches!(logm(&Array2::<Complex64>::zeros((2, 2))).unwrap_err(), LinalgError::Singular { .. }));
}

#[test]
fn funm_complex_matches_scipy() {
    let f = fx();
    let a = mc(&f, "funm_c/a");
    // Schur-Parlett with well-separated eigenvalues (differences >= 0.7): a few eps times ‖a‖.
    let (fe, err) = funm(&a, |x| x.exp()).unwrap();
    assert!(!fe.is_real(), "complex input keeps the complex type, as SciPy");
    assert_allclose(&fe.into_complex(), &mc(&f, "funm_c/exp"), 1e-12, 1e-13);
    let want_err = f.f64("funm_c/exp_err");
    assert!(err <= 10.0 * want_err.max(f64::EPSILON), "{err} vs SciPy's {want_err}");
    let (fs, _) = funm(&a, |x| x.sin()).unwrap();
    assert_allclose(&fs.into_complex(), &mc(&f, "funm_c/sin"), 1e-12, 1e-13);
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (f32e, _) = funm(&a32, |x| x.exp()).unwrap();
    let got = f32e.into_complex().mapv(|z| Complex64::new(z.re as f64, z.im as f64));
    assert_allclose(&got, &mc(&f, "funm_c/exp"), 1e-4, 1e-4);
    let (e, _) = funm(&Array2::<Complex64>::zeros((0, 0)), |x| x).unwrap();
    assert_eq!(e.into_complex().dim(), (0, 0));
    let mut nan = a.clone();
    nan[[0, 1]] = Complex64::new(f64::INFINITY, 0.0);
    assert_eq!(funm(&nan, |x| x).unwrap_err(), LinalgError::NonFinite { arg: "A" });
}

#[test]
fn ishermitian_matches_scipy() {
    let f = fx();
    for key in ["h", "near", "sym_c", "diag_im"] {
        let a = mc(&f, &format!("ishermitian/{key}"));
        let want = |k: &str| f.get(&format!("ishermitian/{key}_{k}")).as_bool().unwrap();
        assert_eq!(ishermitian(&a, 0.0, 0.0).unwrap(), want("exact"), "{key}");
        assert_eq!(ishermitian(&a, 1e-8, 0.0).unwrap(), want("atol"), "{key}");
        assert_eq!(ishermitian(&a, 0.0, 1e-8).unwrap(), want("rtol"), "{key}");
        // transposed storage: the same answer
        let at = a.t().as_standard_layout().t().to_owned();
        assert_eq!(ishermitian(&at, 0.0, 0.0).unwrap(), want("exact"), "{key}");
        let re = a.mapv(|z| z.re);
        assert_eq!(ishermitian(&re, 0.0, 0.0).unwrap(), issymmetric(&re, 0.0, 0.0), "{key}");
    }
    assert!(ishermitian(&Array2::<Complex64>::zeros((0, 0)), 0.0, 0.0).unwrap());
    // SciPy: a real [[nan]] has no off-diagonal pair to compare (True); a NaN pair is not equal
    assert!(ishermitian(&Array2::from_elem((1, 1), f64::NAN), 0.0, 0.0).unwrap());
    assert!(!ishermitian(&Array2::from_elem((2, 2), f64::NAN), 0.0, 0.0).unwrap());
    assert!(matches!(
        ishermitian(&Array2::<f64>::zeros((2, 3)), 0.0, 0.0).unwrap_err(),
        LinalgError::NotSquare { arg: "a", .. }
    ));
}

#[test]
fn fractional_and_matrix_power_complex_match_scipy() {
    let f = fx();
    let a = mc(&f, "fmp_c/a");
    // Schur form + inverse scaling and squaring on a well-conditioned matrix (eigenvalues near
    // 2): a few eps times the condition of the power, 1e-12.
    for t in [0.5, -0.3, 1.7, 2.0, -1.0] {
        let got = fractional_matrix_power(&a, t).unwrap();
        assert!(!got.is_real(), "complex input keeps the complex type, as SciPy");
        assert_allclose(&got.into_complex(), &mc(&f, &format!("fmp_c/p{t:?}")), 1e-12, 1e-13);
    }
    let sing = mc(&f, "fmp_c/sing");
    let got = fractional_matrix_power(&sing, 1.5).unwrap().into_complex();
    assert_allclose(&got, &mc(&f, "fmp_c/sing_p1.5"), 1e-13, 1e-14);
    assert_allclose(&matrix_power(&a, 3).unwrap(), &mc(&f, "fmp_c/mp3"), 1e-13, 0.0);
    assert_allclose(&matrix_power(&a, -2).unwrap(), &mc(&f, "fmp_c/mp-2"), 1e-13, 0.0);
    // complex64; bad input
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let got = fractional_matrix_power(&a32, 0.5).unwrap().into_complex();
    assert_allclose(
        &got.mapv(|z| Complex64::new(z.re as f64, z.im as f64)),
        &mc(&f, "fmp_c/p0.5"),
        1e-5,
        1e-5,
    );
    assert!(matches!(fractional_matrix_power(&sing, -0.5).unwrap_err(), LinalgError::Singular { .. }));
    assert!(matches!(fractional_matrix_power(&a, f64::NAN).unwrap_err(), LinalgError::Array(_)));
    let mut nan = a.clone();
    nan[[0, 0]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(fractional_matrix_power(&nan, 0.5).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    assert_eq!(fractional_matrix_power(&nan, 2.0).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    assert_eq!(matrix_power(&nan, 2).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}

#[test]
fn cond_complex_matches_numpy() {
    let f = fx();
    let a = mc(&f, "cond_c/a");
    for (name, p) in [
        ("none", None),
        ("fro", Some(NormOrd::Fro)),
        ("nuc", Some(NormOrd::Nuc)),
        ("inf", Some(NormOrd::Inf)),
        ("-inf", Some(NormOrd::NegInf)),
        ("1", Some(NormOrd::P(1.0))),
        ("-1", Some(NormOrd::P(-1.0))),
        ("2", Some(NormOrd::P(2.0))),
        ("-2", Some(NormOrd::P(-2.0))),
    ] {
        // norms of a and of its inverse (condition ~10): 1e-13 relative
        let want = f.f64(&format!("cond_c/{name}"));
        let got = cond(&a, p).unwrap();
        assert!((got - want).abs() <= 1e-13 * want, "{name}: {got} vs {want}");
        let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
        let got32 = cond(&a32, p).unwrap() as f64;
        assert!((got32 - want).abs() <= 1e-4 * want, "{name} f32: {got32} vs {want}");
    }
    let got = cond(&mc(&f, "cond_c/rect"), None).unwrap();
    assert!((got - f.f64("cond_c/rect_none")).abs() <= 1e-13 * got);
    assert_eq!(cond(&mc(&f, "cond_c/sing"), Some(NormOrd::P(1.0))).unwrap(), f64::INFINITY);
    // bad input
    let rect = mc(&f, "cond_c/rect");
    assert!(matches!(cond(&rect, Some(NormOrd::Fro)).unwrap_err(), LinalgError::NotSquare { arg: "a", .. }));
    assert!(matches!(cond(&Array2::<Complex64>::zeros((0, 0)), None).unwrap_err(), LinalgError::Array(_)));
    let mut nan = a.clone();
    nan[[0, 0]] = Complex64::new(0.0, f64::NAN);
    assert_eq!(cond(&nan, None).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert!(matches!(cond(&a, Some(NormOrd::P(3.0))).unwrap_err(), LinalgError::Array(_)));
}

#[test]
fn pinvh_complex_matches_scipy() {
    let f = fx();
    let a = mc(&f, "pinvh_c/a");
    // only the triangle that is read: the other one zeroed
    let up =
        Array2::from_shape_fn(a.dim(), |(i, j)| if i <= j { a[[i, j]] } else { Complex64::new(0.0, 0.0) });
    let lo =
        Array2::from_shape_fn(a.dim(), |(i, j)| if i >= j { a[[i, j]] } else { Complex64::new(0.0, 0.0) });
    // eigenvalues down to ~1e-3 · ‖a‖ are inverted: pinv conditioning ~1e3 · eps, 1e-10 relative
    let close = |got: &Array2<Complex64>, key: &str| {
        let want = mc(&f, &format!("pinvh_c/{key}"));
        let scale = want.iter().map(|z| z.norm()).fold(0.0, f64::max);
        assert_allclose(got, &want, 0.0, 1e-10 * scale);
    };
    close(&pinvh(&a, None, None, true).unwrap(), "pinvh");
    close(&pinvh(&up, None, None, false).unwrap(), "pinvh_upper");
    close(&pinvh(&lo, None, None, true).unwrap(), "pinvh_lower");
    close(&pinvh(&a, None, Some(1e-2), true).unwrap(), "pinvh_rtol");
    close(&pinvh(&a, Some(0.5), None, true).unwrap(), "pinvh_atol");
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    // rtol = 1e-2 keeps only the well-separated eigenvalues 3 and -1 (times ‖hb‖²): f32 to 1e-5
    let p32 = pinvh(&a32, None, Some(1e-2), true).unwrap().mapv(|z| Complex64::new(z.re as f64, z.im as f64));
    assert_allclose(&p32, &mc(&f, "pinvh_c/pinvh_rtol"), 1e-4, 1e-5);
    // empty; bad input
    assert_eq!(pinvh(&Array2::<Complex64>::zeros((0, 0)), None, None, true).unwrap().dim(), (0, 0));
    let invalid = |e: LinalgError| {
        matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "atol", .. }))
    };
    assert!(invalid(pinvh(&a, Some(-1.0), None, true).unwrap_err()));
    assert!(invalid(pinvh(&a, None, Some(-1.0), true).unwrap_err()));
    let mut nan = a.clone();
    nan[[1, 0]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(pinvh(&nan, None, None, true).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert!(matches!(
        pinvh(&Array2::<Complex64>::zeros((2, 3)), None, None, true).unwrap_err(),
        LinalgError::NotSquare { .. }
    ));
}

#[test]
fn hessenberg_complex_matches_scipy() {
    let f = fx();
    let a = mc(&f, "hess_c/a");
    let (h, q) = hessenberg(&a).unwrap();
    let n = a.nrows();
    let qh = q.t().mapv(|z| z.conj());
    assert_allclose(&q.dot(&h).dot(&qh), &a, 0.0, 1e-13);
    assert_allclose(&qh.dot(&q), &Array2::<Complex64>::eye(n), 0.0, 1e-14);
    assert!((0..n).all(|j| (j + 2..n).all(|i| h[[i, j]] == Complex64::new(0.0, 0.0))));
    // Both q have first column e1, so h is SciPy's up to a unitary diagonal similarity:
    // the moduli agree (implicit Q theorem).
    let want = mc(&f, "hess_c/h");
    assert_allclose(&h.mapv(|z| z.norm()), &want.mapv(|z| z.norm()), 1e-12, 1e-13);
    assert_eq!(q.column(0).to_vec(), mc(&f, "hess_c/q").column(0).to_vec());
    // complex64, 1x1, empty, NaN
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (h32, _) = hessenberg(&a32).unwrap();
    assert_allclose(&h32.mapv(|z| z.norm() as f64), &want.mapv(|z| z.norm()), 1e-4, 1e-5);
    let (h1, q1) = hessenberg(&Array2::from_elem((1, 1), Complex64::new(2.0, 1.0))).unwrap();
    assert_eq!((h1[[0, 0]], q1[[0, 0]]), (Complex64::new(2.0, 1.0), Complex64::new(1.0, 0.0)));
    assert_eq!(hessenberg(&Array2::<Complex64>::zeros((0, 0))).unwrap().0.dim(), (0, 0));
    let mut nan = a.clone();
    nan[[3, 3]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(hessenberg(&nan).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}

#[test]
fn polar_complex_matches_scipy() {
    let f = fx();
    // unique factors for full-rank input; SVD-based, condition < 1e2: 1e-12
    let (u, p) = polar(&mc(&f, "polar_c/a"), Side::Right).unwrap();
    assert_allclose(&u, &mc(&f, "polar_c/u"), 1e-12, 1e-13);
    assert_allclose(&p, &mc(&f, "polar_c/p"), 1e-12, 1e-13);
    let (ul, pl) = polar(&mc(&f, "polar_c/sq"), Side::Left).unwrap();
    assert_allclose(&ul, &mc(&f, "polar_c/ul"), 1e-12, 1e-13);
    assert_allclose(&pl, &mc(&f, "polar_c/pl"), 1e-12, 1e-13);
    let a32 = mc(&f, "polar_c/a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (u32_, _) = polar(&a32, Side::Right).unwrap();
    assert_allclose(
        &u32_.mapv(|z| Complex64::new(z.re as f64, z.im as f64)),
        &mc(&f, "polar_c/u"),
        1e-4,
        1e-5,
    );
    let mut nan = mc(&f, "polar_c/sq");
    nan[[0, 0]] = Complex64::new(f64::NAN, 0.0);
    assert_eq!(polar(&nan, Side::Left).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}

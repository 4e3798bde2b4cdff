//! PPoly, PchipInterpolator, pchip_interpolate and Akima1DInterpolator against SciPy 1.17
//! (fixtures from `tools/fixtures/interpolate_ppoly.py`).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_interpolate::{
    Akima1DInterpolator, AkimaMethod, BSpline, BoundaryCondition, CubicSpline, Extrapolate, InterpolateError,
    PPoly, PchipInterpolator, pchip_interpolate,
};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ppoly.json")).unwrap()
}

fn a1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn a2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn ext(name: &str) -> Extrapolate {
    match name {
        "yes" => Extrapolate::Yes,
        "no" => Extrapolate::No,
        "periodic" => Extrapolate::Periodic,
        other => panic!("unknown extrapolate {other}"),
    }
}

fn case_count(f: &Fixture, group: &str) -> usize {
    f.get(group).as_array().unwrap().len()
}

/// Same evaluation order as SciPy's kernel: the values agree to rounding of the last bits
/// (1e-13 relative leaves room for the few operations whose order differs, e.g. the
/// rising factorials).
const RTOL: f64 = 1e-13;
const ATOL: f64 = 1e-13;

/// Compares everything `record()` in the generator stored for the polynomial at `base`.
fn check_record(f: &Fixture, base: &str, pp: &PPoly, what: &str, tol: (f64, f64)) {
    let (rtol, atol) = tol;
    let p = |k: &str| format!("{base}/{k}");
    let close = |got: &Array1<f64>, key: &str, rtol: f64, atol: f64| {
        check_allclose(got, &a1(f, &p(key)), rtol, atol).unwrap_or_else(|e| panic!("{what}, {key}: {e}"));
    };
    let close2 = |got: Array2<f64>, key: &str| {
        check_allclose(&got, &a2(f, &p(key)), rtol, atol).unwrap_or_else(|e| panic!("{what}, {key}: {e}"));
    };
    close2(pp.c().to_owned(), "c");
    check_allclose(&pp.x(), &a1(f, &p("x")), 0.0, 0.0).unwrap();
    let xq = a1(f, &p("xq"));
    let ab = a2(f, &p("ab"));
    for name in ["yes", "no", "periodic"] {
        for nu in 0..4 {
            close(&pp.call(&xq, nu, Some(ext(name))), &format!("v_{name}_{nu}"), rtol, atol);
        }
        let errs = f.array_bool(&p(&format!("int_{name}_err")));
        let want = a1(f, &p(&format!("int_{name}")));
        for i in 0..ab.nrows() {
            let got = pp.integrate(ab[[i, 0]], ab[[i, 1]], Some(ext(name)));
            if errs[i] {
                assert!(
                    matches!(got, Err(InterpolateError::InvalidArgument { arg: "b", .. })),
                    "{what}: integrate {i} {name} should fail, got {got:?}"
                );
            } else {
                let got = Array1::from_elem(1, got.unwrap());
                check_allclose(&got, &want.slice(s![i..i + 1]), rtol, atol).unwrap_or_else(|e| {
                    panic!("{what}: integrate({}, {}) {name}: {e}", ab[[i, 0]], ab[[i, 1]])
                });
            }
        }
    }
    close(&pp.call(&xq, 0, None), "v_default_0", rtol, atol);
    for nu in 0..4 {
        let d = pp.derivative(nu);
        close2(d.c().to_owned(), &format!("der{nu}"));
        close(&d.call(&xq, 0, None), &format!("der{nu}_v"), rtol, atol);
    }
    for nu in 1..4 {
        let a = pp.antiderivative(nu).unwrap();
        close2(a.c().to_owned(), &format!("anti{nu}"));
        close(&a.call(&xq, 0, None), &format!("anti{nu}_v"), rtol, atol);
    }
    for disc in [true, false] {
        for name in ["yes", "no"] {
            let key = format!("roots_{}_{name}", u8::from(disc));
            let got = pp.roots(disc, Some(ext(name))).unwrap();
            roots_close(pp, &got, &a1(f, &p(&key)), 0.0, rtol.max(1e-12), &format!("{what}, {key}"));
        }
    }
    let got = pp.solve(0.3, true, None).unwrap();
    roots_close(pp, &got, &a1(f, &p("solve_03")), 0.3, rtol.max(1e-12), &format!("{what}, solve_03"));
}

/// Compares root lists. Roots of degree >= 3 pieces come from faer's eigenvalues instead of
/// LAPACK's, each refined by the same single Newton step, so they agree to rounding; two
/// consequences are allowed for:
/// * SciPy drops a root only when it equals the previous one exactly, so a root found at a
///   breakpoint by both neighbouring pieces may appear twice in one list and once in the other
///   (0.4 and 0.39999999999999997): runs closer than 1e-12 are merged in both lists first;
/// * a multiple root (where the derivative vanishes) is determined only to about
///   sqrt(eps) by any eigenvalue solver, so there the tolerance is 1e-7.
fn roots_close(pp: &PPoly, got: &Array1<f64>, want: &Array1<f64>, y: f64, rtol: f64, what: &str) {
    let merge = |v: &Array1<f64>| {
        let mut out: Vec<f64> = Vec::new();
        for &r in v {
            if let Some(&l) = out.last() {
                if (r - l).abs() <= 1e-12 * (1.0 + l.abs()) {
                    continue;
                }
            }
            out.push(r);
        }
        out
    };
    let (g, w) = (merge(got), merge(want));
    assert_eq!(g.len(), w.len(), "{what}: roots {got} vs SciPy's {want}");
    for (a, b) in g.iter().zip(&w) {
        if a.is_nan() || b.is_nan() {
            assert!(a.is_nan() && b.is_nan(), "{what}: {got} vs {want}");
            continue;
        }
        let multiple = pp.eval(*b, 1).abs() < 1e-6 && (pp.eval(*b, 0) - y).abs() < 1e-12;
        let tol = if multiple { 1e-7 } else { 1e-12 + rtol * b.abs() };
        assert!((a - b).abs() <= tol, "{what}: root {a} vs SciPy's {b}; {got} vs {want}");
    }
}

#[test]
fn ppoly_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "ppoly") {
        let base = format!("ppoly/{i}");
        let name = f.str(&format!("{base}/name")).to_string();
        let pp = PPoly::new(
            &a2(&f, &format!("{base}/c")),
            &a1(&f, &format!("{base}/x")),
            ext(f.str(&format!("{base}/ext"))),
        )
        .unwrap();
        check_record(&f, &base, &pp, &name, (RTOL, ATOL));
    }
}

#[test]
fn pchip_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "pchip") {
        let base = format!("pchip/{i}");
        let name = format!("pchip {}", f.str(&format!("{base}/name")));
        let (x, y) = (a1(&f, &format!("{base}/x")), a1(&f, &format!("{base}/y")));
        let p = PchipInterpolator::new(&x, &y, true).unwrap();
        check_record(&f, &base, &p, &name, (RTOL, ATOL));
        let xq = a1(&f, &format!("{base}/xq"));
        for der in 0..4 {
            let got = pchip_interpolate(&x, &y, &xq, der).unwrap();
            check_allclose(&got, &a1(&f, &format!("{base}/interp_der{der}")), RTOL, ATOL)
                .unwrap_or_else(|e| panic!("{name}: pchip_interpolate der={der}: {e}"));
        }
        let no = PchipInterpolator::new(&x, &y, false).unwrap();
        check_allclose(&no.call(&xq, 0, None), &a1(&f, &format!("{base}/v_noext_ctor")), RTOL, ATOL).unwrap();
    }
}

#[test]
fn akima_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "akima") {
        let base = format!("akima/{i}");
        let method = match f.str(&format!("{base}/method")) {
            "akima" => AkimaMethod::Akima,
            _ => AkimaMethod::Makima,
        };
        let name = format!("{:?} {}", method, f.str(&format!("{base}/name")));
        assert_eq!(f.str(&format!("{base}/default_ext")), "False");
        let (x, y) = (a1(&f, &format!("{base}/x")), a1(&f, &format!("{base}/y")));
        let a = Akima1DInterpolator::new(&x, &y, method, false).unwrap();
        assert_eq!(a.extrapolate(), Extrapolate::No);
        check_record(&f, &base, &a, &name, (RTOL, ATOL));
        let xq = a1(&f, &format!("{base}/xq"));
        check_allclose(&a.call(&xq, 0, None), &a1(&f, &format!("{base}/v_ctor_default")), RTOL, ATOL)
            .unwrap();
        let e = Akima1DInterpolator::new(&x, &y, method, true).unwrap();
        check_allclose(&e.call(&xq, 1, None), &a1(&f, &format!("{base}/v_ctor_ext_1")), RTOL, ATOL).unwrap();
    }
}

#[test]
fn pchip_is_monotone_where_the_data_are() {
    let x = array![0.0, 0.3, 1.0, 1.1, 2.5, 4.0, 4.2];
    let y = array![0.0, 0.0, 0.1, 3.0, 3.0, 3.5, 10.0];
    let p = PchipInterpolator::new(&x, &y, true).unwrap();
    let t = Array1::linspace(0.0, 4.2, 2001);
    let v = p.call(&t, 0, None);
    assert!(v.windows(2).into_iter().all(|w| w[1] >= w[0]), "PCHIP must not overshoot monotone data");
    assert!(p.call(&t.slice(s![..143]), 0, None).iter().all(|&u| u == 0.0));
}

#[test]
fn views_give_the_same_result() {
    let x = Array1::linspace(0.0, 5.0, 11);
    let y = x.mapv(|v: f64| (v * 1.3).sin());
    let xs = x.slice(s![..;2]);
    let ys = y.slice(s![..;2]);
    let p1 = PchipInterpolator::new(&xs, &ys, true).unwrap();
    let p2 = PchipInterpolator::new(&xs.to_owned(), &ys.to_owned(), true).unwrap();
    assert_eq!(p1, p2);
    let c = p1.c().to_owned();
    let ct = c.t().to_owned();
    let pp = PPoly::new(&ct.t(), &xs, true).unwrap();
    assert_eq!(pp.c(), p1.c());
    // Reversed (negative-stride) views give the decreasing-breakpoint polynomial.
    let rev = PPoly::new(&c.slice(s![.., ..;-1]), &xs.slice(s![..;-1]), true).unwrap();
    let rev_owned =
        PPoly::new(&c.slice(s![.., ..;-1]).to_owned(), &xs.slice(s![..;-1]).to_owned(), true).unwrap();
    assert_eq!(rev, rev_owned);
    assert_eq!(rev.x()[0], 5.0);
    // Empty evaluation input gives empty output.
    assert_eq!(pp.call(&Array2::<f64>::zeros((0, 3)), 0, None).dim(), (0, 3));
    assert!(pp.call(&Array1::<f64>::zeros(0), 2, Some(Extrapolate::Periodic)).is_empty());
    let q = array![[0.5, 1.5], [2.5, 7.0]];
    assert_eq!(pp.call(&q.t(), 1, None), p1.call(&q, 1, None).t());
}

#[test]
fn ppoly_bad_input() {
    let c = array![[1.0, 2.0], [3.0, 4.0]];
    let x = array![0.0, 1.0, 2.0];
    let cases: Vec<(Result<PPoly, InterpolateError>, &str)> = vec![
        (PPoly::new(&c, &array![0.0], true), "x"),
        (PPoly::new(&c, &Array1::<f64>::zeros(0), true), "x"),
        (PPoly::new(&Array2::<f64>::zeros((0, 2)), &x, true), "c"),
        (PPoly::new(&c, &array![0.0, 1.0], true), "c"),
        (PPoly::new(&c, &array![0.0, 1.0, 2.0, 3.0], true), "c"),
        (PPoly::new(&c, &array![0.0, 2.0, 1.0], true), "x"),
        (PPoly::new(&c, &array![0.0, f64::NAN, 1.0], true), "x"),
    ];
    for (i, (r, arg)) in cases.into_iter().enumerate() {
        match r {
            Err(InterpolateError::InvalidArgument { arg: a, .. }) => assert_eq!(a, arg, "case {i}"),
            other => panic!("case {i}: expected an error naming {arg}, got {other:?}"),
        }
    }
    let pp = PPoly::new(&c, &x, true).unwrap();
    for (a, b, arg) in [(f64::NAN, 1.0, "a"), (0.0, f64::NAN, "b")] {
        assert!(
            matches!(pp.integrate(a, b, None), Err(InterpolateError::InvalidArgument { arg: g, .. }) if g == arg)
        );
    }
    assert!(matches!(
        pp.antiderivative(usize::MAX),
        Err(InterpolateError::InvalidArgument { arg: "nu", .. })
    ));
    let nan_cubic = PPoly::new(&array![[1.0], [f64::NAN], [0.0], [1.0]], &array![0.0, 1.0], true).unwrap();
    assert!(matches!(nan_cubic.roots(true, None), Err(InterpolateError::InvalidArgument { arg: "c", .. })));
    // Constant and repeated breakpoints are allowed, as in SciPy.
    assert!(PPoly::new(&array![[1.0, 2.0]], &array![1.0, 1.0, 1.0], false).is_ok());
}

#[test]
fn pchip_akima_bad_input() {
    let x = array![0.0, 1.0, 2.0, 3.0];
    let y = array![0.0, 1.0, 0.0, 1.0];
    type Ctor = fn(&Array1<f64>, &Array1<f64>) -> Result<(), InterpolateError>;
    let ctors: [(&str, Ctor); 3] = [
        ("pchip", |x, y| PchipInterpolator::new(x, y, true).map(drop)),
        ("akima", |x, y| Akima1DInterpolator::new(x, y, AkimaMethod::Akima, false).map(drop)),
        ("makima", |x, y| Akima1DInterpolator::new(x, y, AkimaMethod::Makima, false).map(drop)),
    ];
    for (name, ctor) in ctors {
        let mut nan_y = y.clone();
        nan_y[2] = f64::NAN;
        let mut inf_x = x.clone();
        inf_x[3] = f64::INFINITY;
        let e = |a: Array1<f64>, b: Array1<f64>| ctor(&a, &b).unwrap_err();
        assert!(
            matches!(e(array![1.0], array![1.0]), InterpolateError::TooFewPoints { found: 1, .. }),
            "{name}"
        );
        assert!(matches!(e(array![], array![]), InterpolateError::TooFewPoints { found: 0, .. }), "{name}");
        assert_eq!(e(x.clone(), array![1.0, 2.0]), InterpolateError::LengthMismatch { x: 4, y: 2 }, "{name}");
        assert!(
            matches!(e(x.clone(), nan_y), InterpolateError::NotFinite { arg: "y", index: 2, .. }),
            "{name}"
        );
        assert!(
            matches!(e(inf_x, y.clone()), InterpolateError::NotFinite { arg: "x", index: 3, .. }),
            "{name}"
        );
        assert_eq!(
            e(array![0.0, 1.0, 1.0, 2.0], y.clone()),
            InterpolateError::NotIncreasing { arg: "x", index: 2 }
        );
        assert_eq!(
            e(array![3.0, 2.0, 1.0, 0.0], y.clone()),
            InterpolateError::NotIncreasing { arg: "x", index: 1 }
        );
    }
    assert!(pchip_interpolate(&x, &array![1.0], &array![0.5], 0).is_err());
}

#[test]
fn cubic_spline_ppoly_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "cubic") {
        let base = format!("cubic/{i}");
        let name = f.str(&format!("{base}/name")).to_string();
        let bc = match f.str(&format!("{base}/bc")) {
            "natural" => BoundaryCondition::Natural,
            "clamped" => BoundaryCondition::Clamped,
            _ => BoundaryCondition::NotAKnot,
        };
        let (x, y) = (a1(&f, &format!("{base}/x")), a1(&f, &format!("{base}/y")));
        let s = CubicSpline::new(&x, &y, [bc; 2], true).unwrap();
        // The spline's tridiagonal solve is not LAPACK's banded one that SciPy calls, so its
        // coefficients (and everything derived) agree to about 1e-12 relative, not to the ulp.
        check_record(&f, &base, &s.to_ppoly(), &name, (1e-10, 1e-11));
        let ab = a2(&f, &format!("{base}/ab"));
        let want = a1(&f, &format!("{base}/int_yes"));
        for j in 0..ab.nrows() {
            let got = s.integrate(ab[[j, 0]], ab[[j, 1]], None).unwrap();
            assert!(
                (got - want[j]).abs() <= 1e-11 + 1e-10 * want[j].abs(),
                "{name}: integral {j}: {got} vs {}",
                want[j]
            );
        }
        check_allclose(
            &s.roots(true, Some(Extrapolate::No)).unwrap(),
            &a1(&f, &format!("{base}/roots_1_no")),
            1e-10,
            1e-11,
        )
        .unwrap();
        check_allclose(
            &s.solve(0.3, true, None).unwrap(),
            &a1(&f, &format!("{base}/solve_03")),
            1e-10,
            1e-11,
        )
        .unwrap();
        let xq = a1(&f, &format!("{base}/xq"));
        check_allclose(&s.derivative(2).call(&xq, 0, None), &a1(&f, &format!("{base}/der2_v")), 1e-10, 1e-11)
            .unwrap();
        check_allclose(
            &s.antiderivative(1).unwrap().call(&xq, 0, None),
            &a1(&f, &format!("{base}/anti1_v")),
            1e-10,
            1e-11,
        )
        .unwrap();
    }
    for i in 0..case_count(&f, "hermite") {
        let base = format!("hermite/{i}");
        let name = f.str(&format!("{base}/name")).to_string();
        let x = a1(&f, &format!("{base}/x"));
        let h =
            CubicSpline::hermite(&x, &a1(&f, &format!("{base}/y")), &a1(&f, &format!("{base}/dydx")), true)
                .unwrap();
        check_record(&f, &base, &h.to_ppoly(), &name, (RTOL, ATOL));
    }
}

#[test]
fn from_spline_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "from_spline") {
        let base = format!("from_spline/{i}");
        let name = f.str(&format!("{base}/name")).to_string();
        let k = f.i64(&format!("{base}/k")) as usize;
        let ext = f.get(&format!("{base}/bs_ext")).as_bool().unwrap();
        let spl = BSpline::new(
            a1(&f, &format!("{base}/bs_t")).to_vec(),
            a1(&f, &format!("{base}/bs_c")).to_vec(),
            k,
            ext,
        )
        .unwrap();
        let pp = PPoly::from_spline(&spl, None).unwrap();
        assert_eq!(pp.extrapolate(), Extrapolate::from(ext));
        check_record(&f, &base, &pp, &name, (RTOL, ATOL));
    }
}

#[test]
fn extend_matches_scipy() {
    let f = load();
    for i in 0..case_count(&f, "extend") {
        let p = |k: &str| format!("extend/{i}/{k}");
        let name = f.str(&p("name")).to_string();
        let mut pp = PPoly::new(&a2(&f, &p("base_c")), &a1(&f, &p("base_x")), true).unwrap();
        pp.extend(&a2(&f, &p("c_new")), &a1(&f, &p("x_new"))).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(pp.c(), a2(&f, &p("c")), "{name}");
        assert_eq!(pp.x(), a1(&f, &p("x")), "{name}");
        check_allclose(&pp.call(&a1(&f, &p("xq")), 0, None), &a1(&f, &p("v")), 0.0, 0.0).unwrap();
    }
    // Bad input leaves the polynomial unchanged.
    let mut pp = PPoly::new(&array![[1.0, 2.0]], &array![0.0, 1.0, 2.0], true).unwrap();
    let before = pp.clone();
    let bad: Vec<(Array2<f64>, Array1<f64>, &str)> = vec![
        (array![[1.0, 2.0]], array![3.0], "x"),
        (array![[1.0, 2.0]], array![4.0, 3.0], "x"),
        (array![[1.0, 2.0, 3.0]], array![3.0, 5.0, 4.0], "x"),
        (array![[1.0]], array![1.5], "x"),
        (array![[1.0]], array![f64::NAN], "x"),
        (array![[1.0], [2.0]], array![-1.0], "c"),
    ];
    for (c, x, arg) in bad {
        match pp.extend(&c, &x) {
            Err(InterpolateError::InvalidArgument { arg: a, .. }) => assert_eq!(a, arg, "{x}"),
            other => panic!("extend with x = {x}: expected an error naming {arg}, got {other:?}"),
        }
        assert_eq!(pp, before);
    }
    pp.extend(&Array2::<f64>::zeros((2, 0)), &Array1::<f64>::zeros(0)).unwrap();
    assert_eq!(pp, before);
}

//! scipy.special parity for the elementary, convex-analysis and Box-Cox functions:
//! tests/fixtures/special_elementary.json (written by tools/fixtures/special_elementary.py).

use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_special::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/special_elementary.json")).unwrap()
}

/// Checks a one-argument function on the case's `x` (through the array entry point); the
/// classes NaN / ±inf must match exactly, which `assert_allclose` checks as well.
fn check1(fx: &Fixture, name: &str, f: fn(f64) -> f64, rtol: f64, atol: f64) {
    let x = fx.array_f64(&format!("{name}/x"));
    let got = ufunc1(&x, f);
    assert_allclose(&got, &fx.array_f64(&format!("{name}/out")), rtol, atol);
}

fn check2(fx: &Fixture, name: &str, f: fn(f64, f64) -> f64, rtol: f64, atol: f64) {
    let a = fx.array_f64(&format!("{name}/a"));
    let b = fx.array_f64(&format!("{name}/b"));
    let got = ufunc2(&a, &b, f).unwrap();
    assert_allclose(&got, &fx.array_f64(&format!("{name}/out")), rtol, atol);
}

#[test]
fn powers_and_logs() {
    let fx = load();
    check1(&fx, "cbrt", cbrt, 1e-15, 0.0);
    check1(&fx, "exp10", exp10, 1e-15, 0.0);
    check1(&fx, "exp2", exp2, 1e-15, 0.0);
    check1(&fx, "expm1", expm1, 1e-15, 0.0);
    check1(&fx, "log1p", log1p, 1e-15, 0.0);
    check1(&fx, "cosm1", cosm1, 1e-15, 0.0);
    check2(&fx, "powm1", powm1, 1e-14, 0.0);
    check1(&fx, "softplus", softplus, 1e-15, 0.0);
}

#[test]
fn degrees_and_rounding() {
    let fx = load();
    for (name, f) in
        [("sindg", sindg as fn(f64) -> f64), ("cosdg", cosdg), ("tandg", tandg), ("cotdg", cotdg)]
    {
        check1(&fx, name, f, 1e-15, 0.0);
    }
    check1(&fx, "round", round, 0.0, 0.0);
    check1(&fx, "sinc", sinc, 1e-15, 0.0);
    let d = fx.array_f64("radian/d");
    let m = fx.array_f64("radian/m");
    let sec = fx.array_f64("radian/s");
    let got = ufunc3(&d, &m, &sec, radian).unwrap();
    assert_allclose(&got, &fx.array_f64("radian/out"), 1e-15, 0.0);
}

#[test]
fn information_and_losses() {
    let fx = load();
    check1(&fx, "entr", entr, 1e-15, 0.0);
    check2(&fx, "rel_entr", rel_entr, 1e-15, 0.0);
    check2(&fx, "kl_div", kl_div, 1e-15, 0.0);
    check2(&fx, "huber", huber, 1e-15, 0.0);
    check2(&fx, "pseudo_huber", pseudo_huber, 1e-15, 0.0);
}

#[test]
fn box_cox() {
    let fx = load();
    check2(&fx, "boxcox", boxcox, 1e-15, 0.0);
    check2(&fx, "boxcox1p", boxcox1p, 1e-15, 0.0);
    check2(&fx, "inv_boxcox", inv_boxcox, 1e-15, 0.0);
    check2(&fx, "inv_boxcox1p", inv_boxcox1p, 1e-15, 0.0);
}

#[test]
fn agm_and_diric() {
    let fx = load();
    check2(&fx, "agm", agm, 1e-15, 0.0);
    check2(&fx, "diric", diric, 1e-15, 0.0);
}

#[test]
fn exponential_integrals() {
    let fx = load();
    check1(&fx, "exp1", exp1, 1e-15, 0.0);
    check1(&fx, "expi", expi, 1e-15, 0.0);
    // SciPy sums the same series and continued fraction in a different order: a few ulp apart.
    check2(&fx, "expn", |n, x| expn(n as i32, x), 4e-15, 0.0);
}

#[test]
fn trigonometric_integrals() {
    let fx = load();
    let x = fx.array_f64("sici/x");
    let si = ufunc1(&x, |v| sici(v).0);
    let ci = ufunc1(&x, |v| sici(v).1);
    // SciPy's Cephes uses rational approximations and Chebyshev series where these use power
    // series and continued fractions: both within a few ulp; near the zeros of Ci and Chi
    // (0.6165..., 3.3842..., 0.5238...) only the absolute error is that small: at x = 3.25
    // SciPy's Ci is 3.4e-16 off the 30-digit value, this one 4e-17.
    assert_allclose(&si, &fx.array_f64("sici/si"), 4e-15, 0.0);
    assert_allclose(&ci, &fx.array_f64("sici/ci"), 4e-15, 5e-16);
    let shi = ufunc1(&x, |v| shichi(v).0);
    let chi = ufunc1(&x, |v| shichi(v).1);
    assert_allclose(&shi, &fx.array_f64("shichi/shi"), 4e-15, 0.0);
    assert_allclose(&chi, &fx.array_f64("shichi/chi"), 4e-15, 1e-16);
    // SciPy's rational approximation is up to a few ulp off (spence(0.5) = π²/12 - ln²2/2 is
    // 0.5822405264650125; SciPy gives ...135, this function ...125).
    check1(&fx, "spence", spence, 4e-15, 0.0);
}

#[test]
fn dawson_and_erfi() {
    let fx = load();
    // Against 30-digit mpmath values to 2e-15; SciPy's Faddeeva code itself is up to 8e-15 off
    // near x = 0.02 (and erfi inherits the rounding of x² in e^{x²}: 1e-14 relative at x = 27).
    // erfi computes e^{x²} from the rounded x² as SciPy does (exact to 6e-14 at |x| = 27).
    for (name, f, rtol_exact) in [("dawsn", dawsn as fn(f64) -> f64, 2e-15), ("erfi", erfi, 1e-13)] {
        let x = fx.array_f64(&format!("{name}/x"));
        let got = ufunc1(&x, f);
        assert_allclose(&got, &fx.array_f64(&format!("{name}/out")), 1e-14, 0.0);
        assert_allclose(&got, &fx.array_f64(&format!("{name}/exact")), rtol_exact, 0.0);
    }
}

#[test]
fn array_layouts_and_bad_shapes() {
    use sci_array::ndarray::{Array1, Array2, array, s};
    let x = Array2::from_shape_fn((4, 6), |(i, j)| i as f64 * 0.7 - j as f64 * 0.45);
    // A transposed and a reversed, stepped view give the element-wise values.
    let t = x.t();
    let got = ufunc1(&t, sindg);
    for ((i, j), v) in got.indexed_iter() {
        assert_eq!(v.to_bits(), sindg(t[[i, j]]).to_bits());
    }
    let st = x.slice(s![..;-1, ..;2]);
    let got = ufunc2(&st, &array![0.5], boxcox1p).unwrap();
    for (g, &v) in got.iter().zip(st.iter()) {
        assert_eq!(g.to_bits(), boxcox1p(v, 0.5).to_bits());
    }
    // Empty and length-1 inputs.
    assert_eq!(ufunc1(&Array1::<f64>::zeros(0), exp1).len(), 0);
    assert_eq!(ufunc2(&Array1::<f64>::zeros(0), &array![1.0], kl_div).unwrap().shape(), &[0]);
    assert_eq!(ufunc1(&array![2.0], cbrt)[0], 2f64.cbrt());
    // Shapes that do not broadcast are an error, never a panic.
    let bad: [(&str, Array1<f64>, Array1<f64>); 3] = [
        ("3 vs 2", array![1.0, 2.0, 3.0], array![1.0, 2.0]),
        ("0 vs 2", Array1::zeros(0), array![1.0, 2.0]),
        ("4 vs 3", Array1::ones(4), Array1::ones(3)),
    ];
    for (label, a, b) in bad {
        for f in [powm1 as fn(f64, f64) -> f64, rel_entr, huber, agm, diric, boxcox] {
            assert!(ufunc2(&a, &b, f).is_err(), "{label}");
        }
    }
}

#[test]
fn multifactorials_and_numbers() {
    use sci_array::ndarray::{Array1, array};
    let fx = load();
    let n = fx.array_f64("factorial2/n");
    let got = ufunc1(&n, |v| factorial2(v as i64));
    // Through Γ(n/k + 1), which is within an ulp or two of SciPy's for large arguments.
    assert_allclose(&got, &fx.array_f64("factorial2/out"), 3e-15, 0.0);
    check2(&fx, "factorialk", |n, k| factorialk(n as i64, k as i64).unwrap(), 3e-15, 0.0);
    check2(&fx, "multigammaln", |a, d| multigammaln(a, d as u32).unwrap(), 1e-15, 0.0);
    check2(&fx, "polygamma", polygamma, 1e-14, 0.0);
    // n > 50: e^A with A up to ~630 turns the ulp differences of W₀, ln and binom inside A into
    // ~1e-13 relative (Temme's estimate itself is only ~1e-6 from the exact integers). For k
    // close to n the saddle point is W₀ next to its branch point -1/e, where SciPy stops its
    // iteration at a tolerance of 1e-8: there the two agree to 5e-9 (S(5000, 4999) = 12497500,
    // SciPy 12497499.98, this 12497500.003).
    let sn = fx.array_f64("stirling2/a");
    let sk = fx.array_f64("stirling2/b");
    let want = fx.array_f64("stirling2/out");
    for ((&n, &k), &w) in sn.iter().zip(sk.iter()).zip(want.iter()) {
        let rtol = if k / n > 0.99 { 5e-9 } else { 1e-12 };
        let got = stirling2(n as i64, k as i64);
        assert_allclose(&array![got], &array![w], rtol, 0.0);
    }
    let want = fx.array_f64("bernoulli/out");
    assert_allclose(&bernoulli(300).unwrap().into_dyn(), &want, 1e-15, 0.0);
    let want = fx.array_f64("euler/out");
    assert_allclose(&euler(200).unwrap().into_dyn(), &want, 1e-15, 0.0);
    for (name, got) in [
        ("b0", bernoulli(0).unwrap()),
        ("b1", bernoulli(1).unwrap()),
        ("e0", euler(0).unwrap()),
        ("e1", euler(1).unwrap()),
    ] {
        assert_allclose(&got.into_dyn(), &fx.array_f64(&format!("bernoulli_small/{name}")), 0.0, 0.0);
    }
    let _: Array1<f64> = bernoulli(2).unwrap();
}

#[test]
fn bad_arguments_are_errors() {
    // SciPy raises ValueError for each of these.
    let cases: Vec<(&str, Result<f64>)> = vec![
        ("factorialk k = 0", factorialk(5, 0)),
        ("factorialk k = -2", factorialk(5, -2)),
        ("multigammaln a = (d-1)/2", multigammaln(1.0, 3)),
        ("multigammaln a < 0", multigammaln(-2.0, 1)),
        ("multigammaln a = -inf", multigammaln(f64::NEG_INFINITY, 2)),
        ("bernoulli n < 0", bernoulli(-1).map(|a| a[0])),
        ("euler n < 0", euler(-1).map(|a| a[0])),
        ("bernoulli n huge", bernoulli(i64::MAX).map(|a| a[0])),
        ("euler n huge", euler(i64::MAX).map(|a| a[0])),
    ];
    for (label, r) in cases {
        let e = r.expect_err(label);
        assert!(matches!(e, SpecialError::InvalidValue { .. }), "{label}: {e}");
    }
    assert!(factorialk(5, 0).unwrap_err().to_string().contains("k must be a positive integer, got 0"));
}

/// The integer-argument functions over extreme arguments: every call returns (a value or an
/// error), none panics. (The float functions are in `edge_sweep.rs`'s SciPy class table.)
#[test]
fn integer_argument_functions_do_not_panic() {
    use sci_array::testing::PanicSweep;
    let ints = [i64::MIN, -1_000_000, -3, -1, 0, 1, 2, 3, 7, 300, 301, 100_000, 1 << 40, i64::MAX];
    let xs = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        1e-300,
        5e-324,
        1e300,
        -1e300,
        710.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let mut p = PanicSweep::new();
    for &n in &ints {
        p.run(format!("factorial2({n})"), || {
            let _ = factorial2(n);
        });
        for &k in &ints {
            if n.unsigned_abs() <= 100_000 || k <= 1 || k > n {
                p.run(format!("stirling2({n}, {k})"), || {
                    let _ = stirling2(n, k);
                });
            }
        }
        for &k in &ints {
            p.run(format!("factorialk({n}, {k})"), || drop(factorialk(n, k)));
        }
        if n.unsigned_abs() <= 100_000 {
            p.run(format!("bernoulli({n})"), || drop(bernoulli(n)));
            p.run(format!("euler({n})"), || drop(euler(n)));
        } else {
            p.run(format!("bernoulli({n})"), || assert!(bernoulli(n).is_err()));
            p.run(format!("euler({n})"), || assert!(euler(n).is_err()));
        }
        let n32 = n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        for &x in &xs {
            p.run(format!("expn({n32}, {x:e})"), || {
                let _ = expn(n32, x);
            });
        }
    }
    // (d terms are summed, so d is kept moderate: u32::MAX would take minutes, as in SciPy.)
    for d in [0, 1, 2, 10, 1000, 100_000] {
        for &a in &xs {
            p.run(format!("multigammaln({a:e}, {d})"), || drop(multigammaln(a, d)));
        }
    }
    for &x in &xs {
        p.run(format!("sici({x:e})"), || {
            let _ = sici(x);
        });
        p.run(format!("shichi({x:e})"), || {
            let _ = shichi(x);
        });
        for &y in &xs {
            for &z in &xs {
                p.run(format!("radian({x:e}, {y:e}, {z:e})"), || {
                    let _ = radian(x, y, z);
                });
            }
        }
    }
    p.finish();
}

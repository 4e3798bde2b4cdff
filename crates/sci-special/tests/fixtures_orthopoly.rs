//! scipy.special parity for the orthogonal polynomials at integer degree (eval_*):
//! tests/fixtures/special_orthopoly.json (written by tools/fixtures/special_orthopoly.py).

use sci_array::ndarray::{Array1, ArrayD, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_special::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/special_orthopoly.json")).unwrap()
}

// Same recurrences as SciPy's integer-degree loops, in the same order of operations; the
// remaining differences come from `binom`/`beta` prefactors (a few ulp) and from the
// difference between libm's and the platform's pow for Hermite's 2^(n/2).
const RTOL: f64 = 1e-13;

// eval_sh_jacobi divides by binom(2n+p-1, n); for n ≥ 20 both libraries compute it through
// beta of arguments ~10², where they differ by up to 3e-13 (SciPy's binom(241, 120) is itself
// 1.4e-12 from the exact value).
const RTOL_SH_JACOBI: f64 = 1e-12;

/// Element-wise comparison that also requires NaN where SciPy has NaN and the same sign of
/// zero, and reports every mismatch at once.
fn compare(name: &str, got: &[f64], want: &[f64], args: &dyn Fn(usize) -> String) {
    compare_zero_sign(name, got, want, args, &|_| true);
}

/// As `compare`; `zero_sign(i)` false exempts case i from the sign-of-zero check.
fn compare_zero_sign(
    name: &str,
    got: &[f64],
    want: &[f64],
    args: &dyn Fn(usize) -> String,
    zero_sign: &dyn Fn(usize) -> bool,
) {
    assert_eq!(got.len(), want.len());
    let mut bad = Vec::new();
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w == 0.0 {
            g == 0.0 && (!zero_sign(i) || g.is_sign_negative() == w.is_sign_negative())
        } else if w.is_infinite() {
            g == w
        } else {
            (g - w).abs() <= if name == "sh_jacobi" { RTOL_SH_JACOBI } else { RTOL } * w.abs()
        };
        if !ok {
            bad.push(format!("{name}({}) = {g:e}, SciPy {w:e}", args(i)));
        }
    }
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
}

fn flat(a: &ArrayD<f64>) -> Vec<f64> {
    a.iter().copied().collect()
}

fn check2(name: &str, f: fn(i64, f64) -> f64) {
    let fx = load();
    let n: Vec<i64> = fx.array_i64(&format!("{name}/n")).iter().copied().collect();
    let x = flat(&fx.array_f64(&format!("{name}/x")));
    let got: Vec<f64> = n.iter().zip(&x).map(|(&n, &x)| f(n, x)).collect();
    compare(name, &got, &flat(&fx.array_f64(&format!("{name}/out"))), &|i| format!("{}, {:e}", n[i], x[i]));
}

fn check3(name: &str, f: fn(i64, f64, f64) -> f64) {
    let fx = load();
    let n: Vec<i64> = fx.array_i64(&format!("{name}/n")).iter().copied().collect();
    let a = flat(&fx.array_f64(&format!("{name}/a")));
    let x = flat(&fx.array_f64(&format!("{name}/x")));
    let got: Vec<f64> = (0..n.len()).map(|i| f(n[i], a[i], x[i])).collect();
    // Gegenbauer with α = ±0 is ±0 · Tₙ(x); at x = 0 and odd n, Tₙ(0) = 0 and SciPy's sign of
    // zero comes from the rounding of its hyp2f1 (a tiny nonzero value of either sign).
    let zero_sign = |i: usize| !(name == "gegenbauer" && a[i] == 0.0 && x[i] == 0.0 && n[i] % 2 != 0);
    let want = flat(&fx.array_f64(&format!("{name}/out")));
    compare_zero_sign(name, &got, &want, &|i| format!("{}, {:e}, {:e}", n[i], a[i], x[i]), &zero_sign);
}

fn check4(name: &str, f: fn(i64, f64, f64, f64) -> f64) {
    let fx = load();
    let n: Vec<i64> = fx.array_i64(&format!("{name}/n")).iter().copied().collect();
    let a = flat(&fx.array_f64(&format!("{name}/a")));
    let b = flat(&fx.array_f64(&format!("{name}/b")));
    let x = flat(&fx.array_f64(&format!("{name}/x")));
    let got: Vec<f64> = (0..n.len()).map(|i| f(n[i], a[i], b[i], x[i])).collect();
    compare(name, &got, &flat(&fx.array_f64(&format!("{name}/out"))), &|i| {
        format!("{}, {:e}, {:e}, {:e}", n[i], a[i], b[i], x[i])
    });
}

#[test]
fn legendre_family() {
    check2("legendre", eval_legendre);
    check2("sh_legendre", eval_sh_legendre);
}

#[test]
fn chebyshev_families() {
    check2("chebyt", eval_chebyt);
    check2("chebyu", eval_chebyu);
    check2("chebyc", eval_chebyc);
    check2("chebys", eval_chebys);
    check2("sh_chebyt", eval_sh_chebyt);
    check2("sh_chebyu", eval_sh_chebyu);
}

#[test]
fn laguerre_and_hermite() {
    check2("laguerre", eval_laguerre);
    check2("hermite", eval_hermite);
    check2("hermitenorm", eval_hermitenorm);
    check3("genlaguerre", eval_genlaguerre);
}

#[test]
fn gegenbauer_and_jacobi() {
    check3("gegenbauer", eval_gegenbauer);
    check4("jacobi", eval_jacobi);
    check4("sh_jacobi", eval_sh_jacobi);
}

#[test]
fn outside_the_domain() {
    // (function, n, x, SciPy's value): negative degrees of Hermite and α ≤ -1 of Laguerre are
    // NaN; negative degrees of Gegenbauer and generalized Laguerre are 0.
    let nan = f64::NAN;
    let cases: [(&str, f64, f64); 6] = [
        ("hermite", eval_hermite(-1, 0.5), nan),
        ("hermitenorm", eval_hermitenorm(-3, 0.5), nan),
        ("genlaguerre", eval_genlaguerre(3, -1.0, 0.5), nan),
        ("genlaguerre", eval_genlaguerre(-3, 0.5, 0.5), 0.0),
        ("gegenbauer", eval_gegenbauer(-2, 0.5, 0.5), 0.0),
        ("chebyu", eval_chebyu(-1, 0.5), 0.0),
    ];
    for (name, got, want) in cases {
        assert!(got.is_nan() == want.is_nan() && (want.is_nan() || got == want), "{name}: {got} vs {want}");
    }
}

#[test]
fn array_use_broadcasts_and_accepts_views() {
    // Degrees as a float array converted in the closure, x a strided view.
    let n = array![[0.0], [1.0], [2.0], [3.0]];
    let x: Array1<f64> = Array1::linspace(-1.0, 1.0, 9);
    let xs = x.slice(s![..;2]);
    let got = ufunc2(&n, &xs, |n, x| eval_legendre(n as i64, x)).unwrap();
    assert_eq!(got.shape(), &[4, 5]);
    let want = array![
        [1.0, 1.0, 1.0, 1.0, 1.0],
        [-1.0, -0.5, 0.0, 0.5, 1.0],
        [1.0, -0.125, -0.5, -0.125, 1.0],
        [-1.0, 0.4375, 0.0, -0.4375, 1.0]
    ];
    assert_allclose(&got, &want.into_dyn(), 1e-15, 1e-15);
    let empty: Array1<f64> = Array1::zeros(0);
    assert_eq!(ufunc2(&empty, &empty, |n, x| eval_chebyt(n as i64, x)).unwrap().len(), 0);
}

/// The `roots_*` cases of the fixture: (SciPy name, parameter sets); degrees as in the generator.
const ROOT_DEGREES: [usize; 12] = [1, 2, 3, 4, 5, 7, 10, 16, 31, 64, 100, 150];

fn roots_of(name: &str, n: usize, p: &[f64]) -> Result<QuadratureRule, SpecialError> {
    match name {
        "legendre" => roots_legendre(n),
        "sh_legendre" => roots_sh_legendre(n),
        "chebyt" => roots_chebyt(n),
        "chebyu" => roots_chebyu(n),
        "chebyc" => roots_chebyc(n),
        "chebys" => roots_chebys(n),
        "sh_chebyt" => roots_sh_chebyt(n),
        "sh_chebyu" => roots_sh_chebyu(n),
        "laguerre" => roots_laguerre(n),
        "hermite" => roots_hermite(n),
        "hermitenorm" => roots_hermitenorm(n),
        "genlaguerre" => roots_genlaguerre(n, p[0]),
        "gegenbauer" => roots_gegenbauer(n, p[0]),
        "jacobi" => roots_jacobi(n, p[0], p[1]),
        "sh_jacobi" => roots_sh_jacobi(n, p[0], p[1]),
        _ => unreachable!("{name}"),
    }
}

#[test]
fn quadrature_rules_match_scipy() {
    // The nodes are eigenvalues polished by one Newton step and agree with SciPy's to ~1e-14.
    // The weights use the derivative at the unpolished eigenvalue (as SciPy's do), so they
    // inherit the eigen-solver's last bits amplified by ~n²: against mpmath, SciPy's
    // roots_jacobi(150, 2.5, -0.25) w[0] is 1.0e-10 below the exact weight and sci's 1.0e-10
    // above; roots_legendre(100) w[0] is 9.6e-12 above (SciPy) and 9.2e-12 below (sci). Hence
    // a relative tolerance of 2e-14·n² for the weights.
    let fx = load();
    let sets: [(&str, usize); 15] = [
        ("legendre", 1),
        ("sh_legendre", 1),
        ("chebyt", 1),
        ("chebyu", 1),
        ("chebyc", 1),
        ("chebys", 1),
        ("sh_chebyt", 1),
        ("sh_chebyu", 1),
        ("laguerre", 1),
        ("hermite", 1),
        ("hermitenorm", 1),
        ("genlaguerre", 5),
        ("gegenbauer", 6),
        ("jacobi", 6),
        ("sh_jacobi", 4),
    ];
    let mut count = 0;
    let mut bad = Vec::new();
    for (name, nsets) in sets {
        for i in 0..nsets {
            for n in ROOT_DEGREES {
                if name == "genlaguerre" && n > 100 {
                    continue;
                }
                let key = format!("roots/{name}:{i}:{n}");
                let p: Vec<f64> = fx.array_f64(&format!("{key}/params")).iter().copied().collect();
                let r = roots_of(name, n, &p).unwrap();
                let (x, w) = (fx.array_f64(&format!("{key}/x")), fx.array_f64(&format!("{key}/w")));
                let xmax = x.iter().fold(0f64, |m, v| m.max(v.abs()));
                let wmax = w.iter().fold(0f64, |m, v| m.max(v.abs()));
                let ctx = format!("roots_{name}({n}, {p:?})");
                assert_eq!(r.x.len(), n, "{ctx}");
                for (i, (g, w)) in r.x.iter().zip(&x).enumerate() {
                    if (g - w).abs() > 1e-14 * w.abs() + 4e-15 * xmax.max(1.0) {
                        bad.push(format!("{ctx}: x[{i}] = {g:e}, SciPy {w:e}"));
                    }
                }
                // Weights span many orders of magnitude (Laguerre, Hermite): compared
                // relatively where they are not negligible against the largest.
                for (i, (g, want)) in r.w.iter().zip(&w).enumerate() {
                    let wrtol = 2e-14 * (n * n) as f64;
                    if (g - want).abs() > wrtol * want.abs() + 1e-14 * wmax {
                        bad.push(format!(
                            "{ctx}: w[{i}] = {g:e}, SciPy {want:e} rel {:e}",
                            (g - want) / want
                        ));
                    }
                }
                let mu = fx.f64(&format!("{key}/mu"));
                if (r.mu - mu).abs() > 1e-15 * mu.abs() {
                    bad.push(format!("{ctx}: mu {} vs {mu}", r.mu));
                }
                count += 1;
            }
        }
    }
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
    assert_eq!(count, 11 * 12 + 5 * 11 + 16 * 12);
}

#[test]
fn quadrature_bad_input() {
    let bad: Vec<(&str, Result<QuadratureRule, SpecialError>)> = vec![
        ("legendre n=0", roots_legendre(0)),
        ("chebyt n=0", roots_chebyt(0)),
        ("chebyu n=0", roots_chebyu(0)),
        ("sh_chebyu n=0", roots_sh_chebyu(0)),
        ("hermite n=0", roots_hermite(0)),
        ("hermite n=151", roots_hermite(151)),
        ("hermitenorm n=151", roots_hermitenorm(151)),
        ("laguerre n=0", roots_laguerre(0)),
        ("genlaguerre alpha=-1.5", roots_genlaguerre(3, -1.5)),
        ("genlaguerre alpha=nan", roots_genlaguerre(3, f64::NAN)),
        ("gegenbauer alpha=-0.6", roots_gegenbauer(3, -0.6)),
        ("gegenbauer alpha=inf", roots_gegenbauer(3, f64::INFINITY)),
        ("jacobi alpha=-1", roots_jacobi(3, -1.0, 0.5)),
        ("jacobi beta=-2", roots_jacobi(3, 0.5, -2.0)),
        ("jacobi beta=nan", roots_jacobi(3, 0.5, f64::NAN)),
        ("jacobi n=0", roots_jacobi(0, 0.5, 0.5)),
        ("sh_jacobi q=0", roots_sh_jacobi(3, 1.0, 0.0)),
        ("sh_jacobi p-q=-1", roots_sh_jacobi(3, 1.0, 2.0)),
    ];
    for (what, r) in bad {
        match r {
            Err(SpecialError::InvalidValue { reason, .. }) => assert!(!reason.is_empty(), "{what}"),
            other => panic!("{what}: expected InvalidValue, got {other:?}"),
        }
    }
    // The smallest rules.
    let r = roots_legendre(1).unwrap();
    assert_eq!((r.x[0], r.w[0]), (0.0, 2.0));
    let r = roots_genlaguerre(1, -1.0).unwrap();
    assert_eq!(r.x[0], 0.0);
    assert!(r.w[0].is_infinite());
}

//! SciPy parity for solve_discrete_are(_with) on complex input with a singular `a`, solved as
//! SciPy by the extended symplectic pencil and the ordered complex QZ decomposition (fixtures
//! from tools/fixtures/linalg_dare_complex.py).

use sci_array::ndarray::{Array2, Ix2};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_dare_complex.json")).unwrap()
}

fn mc(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn adj(a: &Array2<C>) -> Array2<C> {
    a.t().mapv(|z| z.conj())
}

#[test]
fn complex_discrete_riccati_with_singular_a_matches_scipy() {
    let f = fx();
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k != "_meta").collect();
    assert_eq!(keys.len(), 25);
    let (mut solved, mut failed) = (0, 0);
    for key in &keys {
        let p = |x: &str| format!("{key}/{x}");
        let has = |x: &str| f.get(key).get(x).is_some();
        let (a, b, q, r) = (mc(&f, &p("a")), mc(&f, &p("b")), mc(&f, &p("q")), mc(&f, &p("r")));
        let n = a.nrows();
        let e = if has("e") { mc(&f, &p("e")) } else { Array2::eye(n) };
        let s = if has("s") { mc(&f, &p("s")) } else { Array2::zeros(b.dim()) };
        let o = AreOptions {
            e: has("e").then(|| e.view()),
            s: has("s").then(|| s.view()),
            balanced: f.i64(&p("balanced")) == 1,
        };
        let got = solve_discrete_are_with(&a, &b, &q, &r, &o);
        if has("error") {
            let want = f.str(&p("error"));
            let err = got.expect_err(key);
            assert!(err.to_string().contains(want), "{key}: {err} vs SciPy's {want}");
            failed += 1;
            continue;
        }
        let x = got.unwrap_or_else(|err| panic!("{key}: {err}"));
        let want = mc(&f, &p("x"));
        let scale = want.iter().fold(0.0f64, |acc, v| acc.max(v.norm()));
        assert_allclose(&x, &want, 1e-9, 1e-10 * scale);
        assert_eq!(x, adj(&x), "{key}: Hermitian");
        if !has("e") {
            // aᴴ x a - x - (aᴴ x b + s) (r + bᴴ x b)⁻¹ (bᴴ x a + sᴴ) + q = 0
            let g = adj(&a).dot(&x).dot(&b) + &s;
            let k = solve(&(&r + &adj(&b).dot(&x).dot(&b)), &adj(&g)).unwrap();
            let res = adj(&a).dot(&x).dot(&a) - &x - g.dot(&k) + &q;
            assert_allclose(&res, &Array2::zeros(a.dim()), 0.0, 1e-9 * (1.0 + scale) * (1.0 + scale));
        }
        solved += 1;
    }
    assert_eq!((solved, failed), (19, 6));
}

#[test]
fn complex_input_with_a_real_value_matches_the_real_route() {
    // Complex input holding real values takes the complex QZ and gives the real solution.
    let f = fx();
    let key = "rank3_0";
    let re = |x: &Array2<C>| x.mapv(|z| z.re);
    let (a, b, q, r) = (
        mc(&f, &format!("{key}/a")),
        mc(&f, &format!("{key}/b")),
        mc(&f, &format!("{key}/q")),
        mc(&f, &format!("{key}/r")),
    );
    let (ar, br) = (re(&a), re(&b));
    let qr_ = re(&q) + re(&q).t();
    let rr = re(&r) + re(&r).t();
    let c = |x: &Array2<f64>| x.mapv(|v| C::new(v, 0.0));
    let xr = solve_discrete_are(&ar, &br, &qr_, &rr).unwrap();
    let xc = solve_discrete_are(&c(&ar), &c(&br), &c(&qr_), &c(&rr)).unwrap();
    assert_allclose(&xc, &c(&xr), 1e-10, 1e-10);
    assert!(xc.iter().all(|z| z.im.abs() < 1e-10));
}

//! sci_array::krylov's solver cores against SciPy's scipy.sparse.linalg gmres, bicgstab, cgs,
//! minres and tfqmr (tools/fixtures/array_krylov.py): iterates after a few steps and converged
//! solutions, with x0, atol, a diagonal preconditioner, restart and shift; bad input.

use sci_array::krylov::{
    KrylovError, KrylovOperator, KrylovParams, KrylovSolution, bicgstab, cgs, gmres, minres, tfqmr,
};
use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use std::convert::Infallible;

/// A dense matrix with an optional diagonal preconditioner, counting products.
struct Dense<'a> {
    a: &'a Array2<f64>,
    m: Option<&'a Array1<f64>>,
    products: usize,
}

impl KrylovOperator for Dense<'_> {
    type Error = Infallible;
    fn matvec(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Infallible> {
        self.products += 1;
        Ok(self.a.dot(x))
    }
    fn psolve(&mut self, x: &Array1<f64>) -> Result<Array1<f64>, Infallible> {
        Ok(self.m.map_or_else(|| x.clone(), |d| d * x))
    }
}

type Solver =
    fn(&mut Dense<'_>, &Array1<f64>, &KrylovParams<'_>) -> Result<KrylovSolution, KrylovError<Infallible>>;

fn solver(name: &str) -> Solver {
    match name {
        "gmres" => |o, b, p| gmres(o, b, p),
        "bicgstab" => |o, b, p| bicgstab(o, b, p),
        "cgs" => |o, b, p| cgs(o, b, p),
        "minres" => |o, b, p| minres(o, b, p),
        "tfqmr" => |o, b, p| tfqmr(o, b, p),
        other => panic!("unknown solver {other}"),
    }
}

#[test]
fn krylov_cores_match_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/krylov.json")).unwrap();
    let mat = |k: &str| fx.array_f64(k).into_dimensionality::<Ix2>().unwrap();
    let vec = |k: &str| fx.array_f64(k).into_dimensionality::<Ix1>().unwrap();
    let (nonsym, sym, b, x0) = (mat("nonsym"), mat("sym"), vec("b"), vec("x0"));
    let (mdiag, mdiag_sym) = (vec("mdiag"), vec("mdiag_sym"));
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with('c')).collect();
    assert_eq!(keys.len(), 46);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let name = fx.str(&c("method")).to_string();
        let label = fx.str(&c("label")).to_string();
        let kw = fx.get(&c("kw")).as_object().unwrap().clone();
        let minres_case = name == "minres";
        let p = KrylovParams {
            x0: kw.contains_key("x0").then_some(&x0),
            rtol: kw.get("rtol").and_then(|v| v.as_f64()).unwrap_or(1e-5),
            atol: kw.get("atol").and_then(|v| v.as_f64()).unwrap_or(0.0),
            maxiter: kw.get("maxiter").and_then(|v| v.as_u64()).map(|v| v as usize),
            restart: kw.get("restart").and_then(|v| v.as_u64()).map(|v| v as usize),
            shift: kw.get("shift").and_then(|v| v.as_f64()).unwrap_or(0.0),
        };
        let m = kw.contains_key("M").then_some(if minres_case { &mdiag_sym } else { &mdiag });
        let mut op = Dense { a: if minres_case { &sym } else { &nonsym }, m, products: 0 };
        let s = solver(&name)(&mut op, &b, &p).unwrap();
        assert_eq!(s.info, fx.i64(&c("info")), "{key} {name} {label}");
        // SciPy's iterates, up to the summation order of BLAS's products
        assert_allclose(&s.x, &vec(&c("x")), 1e-9, 1e-12);
    }
}

#[test]
fn krylov_cores_bad_input() {
    let a = array![[2.0, 1.0], [1.0, 3.0]];
    let b = array![1.0, 2.0];
    let short = array![1.0];
    let neg = array![-1.0, -1.0];
    let run = |name: &str, m: Option<&Array1<f64>>, p: KrylovParams<'_>| {
        solver(name)(&mut Dense { a: &a, m, products: 0 }, &b, &p)
    };
    let cases: Vec<(&str, Option<&Array1<f64>>, KrylovParams<'_>, &str)> = vec![
        ("gmres", None, KrylovParams { x0: Some(&short), ..Default::default() }, "x0"),
        ("bicgstab", None, KrylovParams { x0: Some(&short), ..Default::default() }, "x0"),
        ("cgs", None, KrylovParams { x0: Some(&short), ..Default::default() }, "x0"),
        ("minres", None, KrylovParams { x0: Some(&short), ..Default::default() }, "x0"),
        ("tfqmr", None, KrylovParams { x0: Some(&short), ..Default::default() }, "x0"),
        ("gmres", None, KrylovParams { restart: Some(0), ..Default::default() }, "restart"),
        // SciPy's minres: ValueError('indefinite preconditioner')
        ("minres", Some(&neg), KrylovParams::default(), "M"),
    ];
    for (name, m, p, arg) in cases {
        match run(name, m, p) {
            Err(KrylovError::InvalidValue { arg: a, .. }) if a == arg => {}
            other => panic!("{name} {arg}: {other:?}"),
        }
    }
    // b = 0: the solution is b, without a product (SciPy returns b, 0)
    for name in ["gmres", "bicgstab", "cgs", "minres", "tfqmr"] {
        let mut op = Dense { a: &a, m: None, products: 0 };
        let s = solver(name)(&mut op, &Array1::zeros(2), &KrylovParams::default()).unwrap();
        assert_eq!((s.x, s.info, op.products), (Array1::zeros(2), 0, 0), "{name}");
    }
    // a failing operator stops the solve with its error
    struct Failing;
    impl KrylovOperator for Failing {
        type Error = &'static str;
        fn matvec(&mut self, _: &Array1<f64>) -> Result<Array1<f64>, &'static str> {
            Err("no product")
        }
    }
    let e = gmres(&mut Failing, &b, &KrylovParams::default());
    assert_eq!(e, Err(KrylovError::Operator("no product")));
    let e = tfqmr(&mut Failing, &b, &KrylovParams::default());
    assert_eq!(e, Err(KrylovError::Operator("no product")));
}

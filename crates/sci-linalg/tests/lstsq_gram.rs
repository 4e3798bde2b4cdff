//! SciPy parity for lstsq on tall matrices with n >= 32 columns, both routes of the faer backend
//! (Gram matrix when well conditioned, QR otherwise); fixtures from
//! tools/fixtures/linalg_lstsq_gram.py.

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::lstsq;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_lstsq_gram.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// Compares one `lstsq` result with SciPy's: singular values to 1e-12 relative (the Gram
/// route's sqrt(λ) carry about κ² eps), solutions and residues to 1e-10.
fn check(f: &Fixture, key: &str, x: ArrayD<f64>, residues: Array1<f64>, rank: usize, sv: Array1<f64>) {
    assert_eq!(rank as i64, f.i64(&format!("{key}/rank")), "{key}");
    assert_allclose(&sv, &v(f, &format!("{key}/s")), 1e-12, 0.0);
    assert_allclose(&x, &f.array_f64(&format!("{key}/x")), 1e-10, 1e-12);
    assert_allclose(&residues, &v(f, &format!("{key}/residues")), 1e-10, 1e-13);
}

#[test]
fn tall_lstsq_matches_scipy_on_both_routes() {
    let f = fx();
    let (a, b, b2) = (m(&f, "a"), v(&f, "b"), m(&f, "b2"));
    // Which route each case takes: the Gram one needs κ² eps <= 1e-12 (κ <= 67).
    for (key, gram) in [("well", true), ("square_ratio2", true), ("ill", false)] {
        assert_eq!(f.f64(&format!("{key}/kappa")).powi(2) * f64::EPSILON <= 1e-12, gram, "{key}");
    }
    let r = lstsq(&a, &b, None).unwrap();
    check(&f, "well", r.x.into_dyn(), r.residues, r.rank, r.s);
    let r = lstsq(&a, &b2, None).unwrap();
    check(&f, "well_2d", r.x.into_dyn(), r.residues, r.rank, r.s);
    // m = 2n, and a row-sliced (non-contiguous) view
    let r = lstsq(&a.slice(s![..64, ..]), &b.slice(s![..64]), None).unwrap();
    check(&f, "square_ratio2", r.x.into_dyn(), r.residues, r.rank, r.s);
    // cond drops a singular value: minimum-norm solution of the truncated problem, no residues
    let r = lstsq(&a, &b, Some(0.3)).unwrap();
    check(&f, "cond", r.x.into_dyn(), r.residues, r.rank, r.s);
    // columns scaled by 10^(0..3): κ ~ 1e3
    let ill = &a * &v(&f, "d");
    let r = lstsq(&ill, &b, None).unwrap();
    check(&f, "ill", r.x.into_dyn(), r.residues, r.rank, r.s);
    // Fortran-ordered a takes the same route
    let af = a.t().to_owned().reversed_axes();
    let r = lstsq(&af, &b, None).unwrap();
    check(&f, "well", r.x.into_dyn(), r.residues, r.rank, r.s);
}

//! `f32` `lstsq` on tall matrices (at least two rows per column): `a = Q R` first, then back
//! substitution when `R` is well conditioned or the SVD of `R` otherwise (LAPACK `sgelsd`'s
//! route), against SciPy's `lstsq` (fixtures from tools/fixtures/linalg_lstsq_f32_tall.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_lstsq_f32_tall.json")).unwrap()
}

fn m32(f: &Fixture, p: &str) -> Array2<f32> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap().mapv(|v| v as f32)
}

fn v32(f: &Fixture, p: &str) -> Array1<f32> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap().mapv(|v| v as f32)
}

#[test]
fn well_conditioned_two_right_hand_sides() {
    // condition number 2.3: the back-substitution route
    let f = fx();
    let ls = lstsq(&m32(&f, "well/a"), &m32(&f, "well/b"), None).unwrap();
    assert_eq!(ls.rank as i64, f.i64("well/rank"));
    assert_allclose(&ls.x, &m32(&f, "well/x"), 1e-5, 1e-6);
    assert_allclose(&ls.residues, &v32(&f, "well/residues"), 1e-5, 1e-6);
    assert_allclose(&ls.s, &v32(&f, "well/s"), 1e-5, 1e-6);
}

#[test]
fn ill_conditioned_takes_the_svd_of_r() {
    // condition number 1e3 (kappa eps = 1.2e-4): the SVD route, as sgelsd
    let f = fx();
    let ls = lstsq(&m32(&f, "ill/a"), &v32(&f, "ill/b"), None).unwrap();
    assert_eq!(ls.rank as i64, f.i64("ill/rank"));
    assert_allclose(&ls.x, &v32(&f, "ill/x"), 2e-4, 1e-3);
    // SciPy returns the residue of a 1-d b as a scalar
    assert_eq!(ls.residues.len(), 1);
    let want = f.f64("ill/residues");
    assert!((f64::from(ls.residues[0]) - want).abs() <= 1e-4 * want, "{} vs {want}", ls.residues[0]);
    assert_allclose(&ls.s, &v32(&f, "ill/s"), 1e-4, 1e-7);
}

#[test]
fn rank_deficient_gives_the_minimum_norm_solution() {
    let f = fx();
    let ls = lstsq(&m32(&f, "rank3/a"), &v32(&f, "rank3/b"), Some(f.f64("rank3/cond") as f32)).unwrap();
    assert_eq!(ls.rank, 3);
    assert_eq!(ls.rank as i64, f.i64("rank3/rank"));
    assert_eq!(ls.residues.len(), 0); // rank-deficient: SciPy returns no residues
    assert_allclose(&ls.x, &v32(&f, "rank3/x"), 1e-5, 1e-7);
    // the three singular values above the cutoff; the rest are rounding noise near 1e-6
    assert_allclose(
        &ls.s.slice(sci_array::ndarray::s![..3]),
        &v32(&f, "rank3/s").slice(sci_array::ndarray::s![..3]),
        1e-5,
        0.0,
    );
    assert!(ls.s.iter().skip(3).all(|&x| x < 1e-5 * ls.s[0]));
}

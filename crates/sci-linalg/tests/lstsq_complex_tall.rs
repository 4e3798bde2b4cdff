//! Complex `lstsq` on tall matrices (at least two rows per column), which factors `a = Q R`
//! first and solves with the SVD of `R` (LAPACK `zgelsd`'s route), against SciPy's `lstsq`
//! (fixtures from tools/fixtures/linalg_lstsq_complex_tall.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::num_complex::{Complex32, Complex64 as C};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_lstsq_complex_tall.json"))
        .unwrap()
}

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn rv(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn full_rank_solution_residues_and_singular_values() {
    let f = fx();
    let (a, b) = (cm(&f, "full_rank/a"), cm(&f, "full_rank/b"));
    let ls = lstsq(&a, &b, None).unwrap();
    assert_eq!(ls.rank as i64, f.i64("full_rank/rank"));
    assert_allclose(&ls.x, &cm(&f, "full_rank/x"), 1e-12, 1e-14);
    assert_allclose(&ls.residues, &rv(&f, "full_rank/residues"), 1e-11, 1e-13);
    assert_allclose(&ls.s, &rv(&f, "full_rank/s"), 1e-12, 1e-13);
}

#[test]
fn rank_deficient_gives_the_minimum_norm_solution() {
    let f = fx();
    let a = cm(&f, "rank3/a");
    let b = f.array_c64("rank3/b").into_dimensionality::<Ix1>().unwrap();
    let ls = lstsq(&a, &b, Some(f.f64("rank3/cond"))).unwrap();
    assert_eq!(ls.rank as i64, f.i64("rank3/rank"));
    assert_eq!(ls.rank, 3);
    assert_eq!(ls.residues.len(), 0); // rank-deficient: SciPy returns no residues
    let want = f.array_c64("rank3/x").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&ls.x, &want, 1e-10, 1e-12);
    // the singular values SciPy determines (the rest are rounding noise around 0); with the
    // default cutoff (eps times the largest) the rank would hang on that noise, so the case
    // passes cond = 1e-10 on both sides
    let s = rv(&f, "rank3/s");
    assert_allclose(
        &ls.s.slice(sci_array::ndarray::s![..3]),
        &s.slice(sci_array::ndarray::s![..3]),
        1e-12,
        1e-12,
    );
    assert!(ls.s.iter().skip(3).all(|&x| x < 1e-12 * s[0]));
}

#[test]
fn complex64_tall() {
    let f = fx();
    let a = cm(&f, "c64/a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let b = cm(&f, "c64/b").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let ls = lstsq(&a, &b, None).unwrap();
    assert_eq!(ls.rank as i64, f.i64("c64/rank"));
    let x = ls.x.mapv(|z| C::new(z.re.into(), z.im.into()));
    assert_allclose(&x, &cm(&f, "c64/x"), 2e-4, 1e-5);
    let res = ls.residues.mapv(f64::from);
    assert_allclose(&res, &rv(&f, "c64/residues"), 2e-4, 1e-5);
}

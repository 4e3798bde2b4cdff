//! `svdvals` of large real matrices on the crate's own route (power-of-two scaling, QR first when
//! tall, the bidiagonal reduction on one or two threads, dqds), real and complex, against SciPy's `svdvals`
//! (fixtures from tools/fixtures/linalg_svdvals_reduction.py). The matrices are rebuilt here
//! from the generator's 64-bit LCG, entry for entry.

use sci_array::ndarray::{Array1, Array2, Ix1, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_svdvals_reduction.json"))
        .unwrap()
}

/// The generator's `lcg_matrix`.
fn lcg_matrix(m: usize, n: usize, seed: u64) -> Array2<f64> {
    let mut s = seed;
    Array2::from_shape_simple_fn((m, n), || {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    })
}

/// The generator's matrix of case `name`.
fn matrix(f: &Fixture, name: &str) -> Array2<f64> {
    let (m, n) = (f.i64(&format!("{name}/m")) as usize, f.i64(&format!("{name}/n")) as usize);
    let seed = f.i64(&format!("{name}/seed")) as u64;
    let mut a = lcg_matrix(m, n, seed);
    match f.str(&format!("{name}/kind")) {
        "rank" => {
            let r = n / 4;
            a = a.slice(s![.., ..r]).dot(&lcg_matrix(r, n, seed + 1));
        }
        "graded" => {
            for (i, mut row) in a.rows_mut().into_iter().enumerate() {
                row *= 10f64.powf(-8.0 * i as f64 / m as f64);
            }
        }
        _ => {}
    }
    a * f.f64(&format!("{name}/scale"))
}

fn want(f: &Fixture, name: &str) -> Array1<f64> {
    f.array_f64(&format!("{name}/s")).into_dimensionality::<Ix1>().unwrap()
}

/// `svdvals` of case `name` in double precision, to `rtol` and `atol · s[0]`.
fn check(name: &str, rtol: f64, atol: f64) {
    let f = fx();
    let a = matrix(&f, name);
    let want = want(&f, name);
    let got = svdvals(&a).unwrap();
    assert_allclose(&got, &want, rtol, atol * want[0]);
    // the transpose and a non-contiguous view of the same values
    assert_allclose(&svdvals(&a.t()).unwrap(), &want, rtol, atol * want[0]);
    let mut wide = Array2::zeros((a.nrows(), 2 * a.ncols()));
    wide.slice_mut(s![.., ..;2]).assign(&a);
    assert_allclose(&svdvals(&wide.slice(s![.., ..;2])).unwrap(), &want, rtol, atol * want[0]);
}

#[test]
fn square_matrices_on_two_threads() {
    check("square_300", 1e-12, 1e-14);
    // 512 rows: a column stride of 4 KiB, which the working copy pads
    check("square_512", 1e-12, 1e-14);
}

#[test]
fn tall_and_wide_matrices_take_the_qr_first() {
    check("tall_qr_400x150", 1e-12, 1e-14);
    check("wide_qr_150x400", 1e-12, 1e-14);
    check("rows_512_qr", 1e-12, 1e-14);
}

#[test]
fn oblong_matrices_below_the_qr_ratio() {
    check("tall_direct_230x180", 1e-12, 1e-14);
    check("wide_direct_170x260", 1e-12, 1e-14);
    check("small_7x5", 1e-13, 1e-15);
}

#[test]
fn rank_deficient_and_graded() {
    // rank 60 of 240: the zero singular values come out at rounding level, below atol
    check("rank_deficient_240", 1e-11, 1e-13);
    // eight decades: values below about 1e-4 of the largest agree to normwise accuracy
    check("graded_260x200", 1e-8, 1e-14);
}

#[test]
fn huge_and_tiny_scales() {
    // squares of 1e250 overflow and of 1e-250 underflow without the power-of-two scaling
    check("huge_60x45", 1e-13, 1e-15);
    check("tiny_60x45", 1e-13, 1e-15);
}

/// The generator's complex matrix of case `name` (parts from consecutive draws), scaled.
fn complex_matrix(f: &Fixture, name: &str) -> Array2<Complex64> {
    let (m, n) = (f.i64(&format!("{name}/m")) as usize, f.i64(&format!("{name}/n")) as usize);
    let p = lcg_matrix(m, 2 * n, f.i64(&format!("{name}/seed")) as u64);
    let scale = f.f64(&format!("{name}/scale"));
    Array2::from_shape_fn((m, n), |(i, j)| Complex64::new(p[[i, 2 * j]], p[[i, 2 * j + 1]]) * scale)
}

#[test]
fn complex_double_precision() {
    let f = fx();
    for name in ["c128_square_260", "c128_tall_qr_300x120", "c128_wide_direct_90x130", "c128_tiny_40x30"] {
        let a = complex_matrix(&f, name);
        let want = want(&f, name);
        assert_allclose(&svdvals(&a).unwrap(), &want, 1e-12, 1e-14 * want[0]);
        // the conjugate transpose has the same values
        let ah = a.t().mapv(|z| z.conj());
        assert_allclose(&svdvals(&ah).unwrap(), &want, 1e-12, 1e-14 * want[0]);
    }
}

#[test]
fn complex_single_precision() {
    let f = fx();
    for name in ["c64_square_240", "c64_tall_qr_320x100"] {
        let a = complex_matrix(&f, name).mapv(|z| Complex32::new(z.re as f32, z.im as f32));
        let want = want(&f, name).mapv(|x| x as f32);
        assert_allclose(&svdvals(&a).unwrap(), &want, 2e-4, 1e-6 * f64::from(want[0]));
    }
}

#[test]
fn single_precision() {
    let f = fx();
    for (name, rtol) in [("f32_square_300", 2e-4), ("f32_tall_qr_500x200", 2e-4), ("f32_huge_50x40", 1e-5)] {
        let a = matrix(&f, name).mapv(|x| x as f32);
        let want = want(&f, name).mapv(|x| x as f32);
        let got = svdvals(&a).unwrap();
        assert_allclose(&got, &want, rtol, 1e-6 * f64::from(want[0]));
    }
}

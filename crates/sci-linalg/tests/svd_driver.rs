//! `svd_with`'s `lapack_driver` against SciPy (tools/fixtures/linalg_svd_driver.py): the
//! singular values of `'gesvd'` and `'gesdd'` to rounding, the singular vectors up to the
//! phase of each (u_k, vh_k) pair, and orthonormal factors that rebuild `a`, for real,
//! complex and f32 matrices, full and economy; and a non-contiguous view.

use sci_array::ndarray::{Array2, ArrayView2, Ix1, Ix2, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{LinalgScalar, SvdDriver, SvdOptions, svd_with};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_svd_driver.json")).unwrap()
}

/// Complex view of any fixture array (real ones get zero imaginary parts).
fn c2(f: &Fixture, p: &str) -> Array2<Complex64> {
    let a = if f.get(&format!("{p}/dtype")).as_str().unwrap().starts_with("complex") {
        f.array_c64(p)
    } else {
        f.array_f64(p).mapv(|v| Complex64::new(v, 0.0))
    };
    a.into_dimensionality::<Ix2>().unwrap()
}

/// Checks ours against SciPy's (both as complex matrices) for the singular triplets with
/// `s_k > tol * s_0` (the others are not unique), and that the factors are orthonormal and
/// rebuild `a`.
#[allow(clippy::too_many_arguments)]
fn compare(
    name: &str,
    a: ArrayView2<'_, Complex64>,
    (u, s, vh): (&Array2<Complex64>, &[f64], &Array2<Complex64>),
    (wu, ws, wvh): (&Array2<Complex64>, &[f64], &Array2<Complex64>),
    tol: f64,
) {
    assert_eq!((u.dim(), vh.dim()), (wu.dim(), wvh.dim()), "{name} shapes");
    for (k, (&x, &w)) in s.iter().zip(ws).enumerate() {
        assert!((x - w).abs() <= tol * ws[0].max(1.0), "{name} s[{k}] {x} vs {w}");
    }
    for k in 0..s.len() {
        if ws[k] <= 1e3 * tol * ws[0] || (k > 0 && (ws[k - 1] - ws[k]).abs() <= 1e3 * tol * ws[0]) {
            continue;
        }
        let dot: Complex64 = wu.column(k).iter().zip(u.column(k)).map(|(w, x)| w.conj() * x).sum();
        let phase = dot / dot.norm();
        let scaled_u = wu.column(k).mapv(|v| v * phase);
        let scaled_vh = wvh.row(k).mapv(|v| v * phase.conj());
        assert_allclose(&u.column(k).mapv(|v| v.re), &scaled_u.mapv(|v| v.re), 0.0, 100.0 * tol);
        assert_allclose(&u.column(k).mapv(|v| v.im), &scaled_u.mapv(|v| v.im), 0.0, 100.0 * tol);
        assert_allclose(&vh.row(k).mapv(|v| v.re), &scaled_vh.mapv(|v| v.re), 0.0, 100.0 * tol);
        assert_allclose(&vh.row(k).mapv(|v| v.im), &scaled_vh.mapv(|v| v.im), 0.0, 100.0 * tol);
    }
    let eye = |n: usize| Array2::<Complex64>::eye(n);
    let uh = u.t().mapv(|v| v.conj());
    let gram_u = uh.dot(u);
    let gram_v = vh.dot(&vh.t().mapv(|v| v.conj()));
    for (g, n) in [(&gram_u, u.ncols()), (&gram_v, vh.nrows())] {
        assert_allclose(&(g - &eye(n)).mapv(|v| v.norm()), &Array2::zeros((n, n)), 0.0, 100.0 * tol);
    }
    let k = s.len();
    let mut us = u.slice(s![.., ..k]).to_owned();
    for (j, &sj) in s.iter().enumerate() {
        us.column_mut(j).mapv_inplace(|v| v * sj);
    }
    let rebuilt = us.dot(&vh.slice(s![..k, ..]));
    let scale = ws[0].max(1.0);
    assert_allclose(&(&rebuilt - &a).mapv(|v| v.norm()), &Array2::zeros(a.dim()), 0.0, 100.0 * tol * scale);
}

fn run<T: LinalgScalar>(
    a: &Array2<T>,
    full: bool,
    driver: SvdDriver,
    to_c: impl Fn(&T) -> Complex64,
) -> (Array2<Complex64>, Vec<f64>, Array2<Complex64>)
where
    <T as LinalgScalar>::Real: Into<f64> + Copy,
{
    let d = svd_with(a, &SvdOptions { full_matrices: full, lapack_driver: driver }).unwrap();
    (d.u.map(&to_c), d.s.iter().map(|&v| v.into()).collect(), d.vh.map(&to_c))
}

#[test]
fn both_drivers_match_scipy() {
    let f = fx();
    let names = f.keys();
    assert!(names.len() >= 14, "{names:?}");
    for name in names {
        let full = f.i64(&format!("{name}/full")) == 1;
        let ac = c2(&f, &format!("{name}/a"));
        let dtype = f.get(&format!("{name}/a/dtype")).as_str().unwrap().to_string();
        for (driver, key) in [(SvdDriver::Gesvd, "gesvd"), (SvdDriver::Gesdd, "gesdd")] {
            let p = |k: &str| format!("{name}/{key}/{k}");
            let want = (
                c2(&f, &p("u")),
                f.array_f64(&p("s")).into_dimensionality::<Ix1>().unwrap().to_vec(),
                c2(&f, &p("vh")),
            );
            let (got, tol) = match dtype.as_str() {
                "float64" => (run(&ac.mapv(|v| v.re), full, driver, |v| Complex64::new(*v, 0.0)), 1e-13),
                "float32" => {
                    (run(&ac.mapv(|v| v.re as f32), full, driver, |v| Complex64::new(*v as f64, 0.0)), 1e-5)
                }
                "complex128" => (run(&ac, full, driver, |v| *v), 1e-13),
                other => panic!("{name}: dtype {other}"),
            };
            compare(
                &format!("{name} {key}"),
                ac.view(),
                (&got.0, &got.1, &got.2),
                (&want.0, &want.1, &want.2),
                tol,
            );
        }
    }
}

#[test]
fn complex64_and_views() {
    let f = fx();
    let ac = c2(&f, "complex_econ/a");
    let a32 = ac.mapv(|v| Complex32::new(v.re as f32, v.im as f32));
    let d = svd_with(&a32, &SvdOptions { full_matrices: false, lapack_driver: SvdDriver::Gesvd }).unwrap();
    let want = f.array_f64("complex_econ/gesvd/s").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&d.s.mapv(f64::from), &want, 1e-5, 0.0);
    // A transposed (non-contiguous) view gives the singular values of aᵀ, the same ones.
    let a = c2(&f, "tall_econ/a").mapv(|v| v.re);
    let dt = svd_with(&a.t(), &SvdOptions { full_matrices: false, lapack_driver: SvdDriver::Gesvd }).unwrap();
    let want = f.array_f64("tall_econ/gesvd/s").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&dt.s, &want, 1e-13, 0.0);
    // Empty input: the shapes SciPy gives.
    let e = svd_with(
        &Array2::<f64>::zeros((0, 3)),
        &SvdOptions { full_matrices: true, lapack_driver: SvdDriver::Gesvd },
    )
    .unwrap();
    assert_eq!((e.u.dim(), e.s.len(), e.vh.dim()), ((0, 0), 0, (3, 3)));
}

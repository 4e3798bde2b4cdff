//! Fourier filters against fixtures from tools/fixtures/ndimage_fourier.py.

mod common;

use common::{floats, keys, layouts};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_fourier.json")).unwrap()
}

/// The filter of a case as complex128 output, on every layout of `x`.
fn run<T: FourierElement>(
    fx: &Fixture,
    c: &str,
    x: &ArrayD<T>,
    filtered: impl Fn(T::Filtered) -> Complex64,
    shifted: impl Fn(T::Shifted) -> Complex64,
) -> Vec<ArrayD<Complex64>> {
    let p = floats(fx, &format!("{c}/param"));
    let n = fx.i64(&format!("{c}/n")) as isize;
    let axis = fx.i64(&format!("{c}/axis")) as isize;
    let f = fx.str(&format!("{c}/fn")).to_string();
    let go = |v: &ArrayViewD<'_, T>| match f.as_str() {
        "fourier_gaussian" => fourier_gaussian(v, &p, n, axis).unwrap().mapv(&filtered),
        "fourier_uniform" => fourier_uniform(v, &p, n, axis).unwrap().mapv(&filtered),
        "fourier_ellipsoid" => fourier_ellipsoid(v, &p, n, axis).unwrap().mapv(&filtered),
        "fourier_shift" => fourier_shift(v, &p, n, axis).unwrap().mapv(&shifted),
        other => panic!("{other}"),
    };
    if x.shape().iter().any(|&d| d < 2) { vec![go(&x.view())] } else { layouts(x, go) }
}

fn re(v: f64) -> Complex64 {
    Complex64::new(v, 0.0)
}

#[test]
fn fourier_filters_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let path = format!("{c}/input");
        let c32 = |z: Complex32| Complex64::new(z.re as f64, z.im as f64);
        let (outs, rtol) = match fx.str(&format!("{c}/input/dtype")) {
            "complex128" => (run(&fx, &c, &fx.array_c64(&path), |z| z, |z| z), 1e-13),
            // Single precision: SciPy computes in double and rounds once to float.
            "complex64" => (
                run(
                    &fx,
                    &c,
                    &fx.array_c64(&path).mapv(|z| Complex32::new(z.re as f32, z.im as f32)),
                    c32,
                    c32,
                ),
                1e-6,
            ),
            "float64" => (run(&fx, &c, &fx.array_f64(&path), re, |z| z), 1e-13),
            "float32" => {
                (run(&fx, &c, &fx.array_f64(&path).mapv(|v| v as f32), |v| re(v as f64), |z| z), 1e-6)
            }
            "int32" => (run(&fx, &c, &fx.array_i64(&path).mapv(|v| v as i32), re, |z| z), 1e-13),
            "bool" => (run(&fx, &c, &fx.array_bool(&path), re, |z| z), 1e-13),
            d => panic!("{name}: dtype {d}"),
        };
        let want = if fx.str(&format!("{c}/expected/dtype")).starts_with("complex") {
            fx.array_c64(&format!("{c}/expected"))
        } else {
            fx.array_f64(&format!("{c}/expected")).mapv(re)
        };
        for o in outs {
            assert_allclose(&o, &want, rtol, 0.0);
        }
        n += 1;
    }
    assert!(n >= 200, "only {n} cases");
}

#[test]
fn fourier_bad_input() {
    let x = ArrayD::<f64>::ones(IxDyn(&[3, 4]));
    let x4 = ArrayD::<f64>::ones(IxDyn(&[2, 2, 2, 2]));
    let x0 = ArrayD::<f64>::ones(IxDyn(&[]));
    let cases: Vec<(String, &str)> = vec![
        (fourier_gaussian(&x, &[1.0, 2.0, 3.0], -1, -1).unwrap_err().to_string(), "sigma"),
        (fourier_uniform(&x, &[1.0], -1, 2).unwrap_err().to_string(), "axis"),
        (fourier_uniform(&x, &[], -1, -1).unwrap_err().to_string(), "size"),
        (
            fourier_ellipsoid(&x4, &[1.0], -1, -1).unwrap_err().to_string(),
            "Only 1d, 2d and 3d inputs are supported",
        ),
        (fourier_ellipsoid(&x, &[1.0], -1, -3).unwrap_err().to_string(), "axis"),
        (fourier_shift(&x, &[1.0, 1.0, 1.0], -1, -1).unwrap_err().to_string(), "shift"),
        (fourier_shift(&x0, &[1.0], -1, -1).unwrap_err().to_string(), "axis"),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

//! scipy.fft parity: every case of tests/fixtures/fft_basic.json (written by tools/fixtures/fft_basic.py).

use sci_array::ndarray::{ArrayD, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_fft::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fft_basic.json")).unwrap()
}

fn norm(s: &str) -> Norm {
    match s {
        "backward" => Norm::Backward,
        "ortho" => Norm::Ortho,
        "forward" => Norm::Forward,
        _ => panic!("bad norm {s}"),
    }
}

fn dtype(t: i64) -> DctType {
    [DctType::I, DctType::II, DctType::III, DctType::IV][(t - 1) as usize]
}

// FFT round-off grows like log(n) * eps; 1e-12 relative with a small absolute floor for the
// near-zero bins covers every length here.
const RTOL: f64 = 1e-12;
const ATOL: f64 = 1e-13;

fn close_c(a: &ArrayD<Complex64>, b: &ArrayD<Complex64>) {
    assert_allclose(a, b, RTOL, ATOL);
}

#[test]
fn one_dimensional_complex_and_real() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("c1d_")) {
        let xr = fx.array_f64(&format!("{key}/xr"));
        let xc = fx.array_c64(&format!("{key}/xc"));
        let n = fx.i64(&format!("{key}/n"));
        let n = if n < 0 { None } else { Some(n as usize) };
        let nm = norm(fx.str(&format!("{key}/norm")));
        let g = |name: &str| fx.array_c64(&format!("{key}/{name}"));
        close_c(&fft(&xr, n, -1, nm).unwrap(), &g("fft_r"));
        close_c(&fft(&xc, n, -1, nm).unwrap(), &g("fft_c"));
        close_c(&ifft(&xc, n, 0, nm).unwrap(), &g("ifft_c"));
        close_c(&rfft(&xr, n, -1, nm).unwrap(), &g("rfft"));
        close_c(&ihfft(&xr, n, -1, nm).unwrap(), &g("ihfft"));
        if xr.len() > 1 || n.is_some() {
            assert_allclose(
                &irfft(&xc, n, -1, nm).unwrap(),
                &fx.array_f64(&format!("{key}/irfft")),
                RTOL,
                ATOL,
            );
            assert_allclose(
                &hfft(&xc, n, -1, nm).unwrap(),
                &fx.array_f64(&format!("{key}/hfft")),
                RTOL,
                ATOL,
            );
        } else {
            assert!(matches!(irfft(&xc, n, -1, nm), Err(FftError::InvalidLength { n: 0, .. })));
        }
        count += 1;
    }
    assert_eq!(count, 72);
}

#[test]
fn along_each_axis() {
    let fx = load();
    for axis in [0isize, 1, 2, -1] {
        let k = format!("axis_{axis}");
        let x = fx.array_f64(&format!("{k}/x"));
        let c = fx.array_c64(&format!("{k}/c"));
        close_c(&fft(&x, None, axis, Norm::Backward).unwrap(), &fx.array_c64(&format!("{k}/fft")));
        close_c(&ifft(&c, None, axis, Norm::Backward).unwrap(), &fx.array_c64(&format!("{k}/ifft")));
        close_c(&rfft(&x, None, axis, Norm::Backward).unwrap(), &fx.array_c64(&format!("{k}/rfft")));
        assert_allclose(
            &irfft(&c, None, axis, Norm::Backward).unwrap(),
            &fx.array_f64(&format!("{k}/irfft")),
            RTOL,
            ATOL,
        );
        close_c(&fft(&c, Some(7), axis, Norm::Backward).unwrap(), &fx.array_c64(&format!("{k}/fft_n7")));
        assert_allclose(
            &dct(&x, DctType::II, None, axis, Norm::Backward).unwrap(),
            &fx.array_f64(&format!("{k}/dct2")),
            RTOL,
            ATOL,
        );
        assert_allclose(
            &dst(&x, DctType::III, None, axis, Norm::Ortho).unwrap(),
            &fx.array_f64(&format!("{k}/dst3_ortho")),
            RTOL,
            ATOL,
        );
    }
}

#[test]
fn n_dimensional() {
    let fx = load();
    let g = |k: &str| fx.array_c64(&format!("nd/{k}"));
    let r = |k: &str| fx.array_f64(&format!("nd/{k}"));
    let (x2, c2, x3, c3) = (r("x2"), g("c2"), r("x3"), g("c3"));
    close_c(&fft2(&x2, None, None, Norm::Backward).unwrap(), &g("fft2"));
    close_c(&ifft2(&c2, None, None, Norm::Ortho).unwrap(), &g("ifft2"));
    close_c(&fftn(&c3, None, None, Norm::Backward).unwrap(), &g("fftn3"));
    close_c(&ifftn(&c3, None, None, Norm::Forward).unwrap(), &g("ifftn3"));
    close_c(&fftn(&x3, Some(&[4, 6]), None, Norm::Backward).unwrap(), &g("fftn_s"));
    close_c(&fftn(&c3, None, Some(&[0, 2]), Norm::Backward).unwrap(), &g("fftn_axes"));
    close_c(&rfft2(&x2, None, None, Norm::Backward).unwrap(), &g("rfft2"));
    assert_allclose(&irfft2(&c2, None, None, Norm::Backward).unwrap(), &r("irfft2"), RTOL, ATOL);
    assert_allclose(&irfft2(&c2, Some(&[6, 9]), None, Norm::Backward).unwrap(), &r("irfft2_s"), RTOL, ATOL);
    close_c(&rfftn(&x3, None, None, Norm::Backward).unwrap(), &g("rfftn3"));
    assert_allclose(&irfftn(&c3, None, None, Norm::Backward).unwrap(), &r("irfftn3"), RTOL, ATOL);
    close_c(&rfftn(&x3, None, Some(&[0, 1]), Norm::Backward).unwrap(), &g("rfftn_axes"));
    assert_allclose(
        &irfftn(&c3, None, Some(&[2, 0]), Norm::Backward).unwrap(),
        &r("irfftn_axes"),
        RTOL,
        ATOL,
    );
}

#[test]
fn frequency_helpers() {
    let fx = load();
    let r = |k: &str| fx.array_f64(&format!("freq/{k}"));
    let d1 = |a: ArrayD<f64>| a.into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&fftfreq(8, 0.1).unwrap(), &d1(r("fftfreq_8")), 1e-15, 0.0);
    assert_allclose(&fftfreq(7, 2.5).unwrap(), &d1(r("fftfreq_7")), 1e-15, 0.0);
    assert_allclose(&fftfreq(1, 1.0).unwrap(), &d1(r("fftfreq_1")), 1e-15, 0.0);
    assert_allclose(&rfftfreq(8, 0.1).unwrap(), &d1(r("rfftfreq_8")), 1e-15, 0.0);
    assert_allclose(&rfftfreq(7, 2.5).unwrap(), &d1(r("rfftfreq_7")), 1e-15, 0.0);
    let x = r("shift_x");
    assert_allclose(&fftshift(&x, None).unwrap(), &r("fftshift"), 0.0, 0.0);
    assert_allclose(&ifftshift(&x, None).unwrap(), &r("ifftshift"), 0.0, 0.0);
    assert_allclose(&fftshift(&x, Some(&[0])).unwrap(), &r("fftshift_ax0"), 0.0, 0.0);
    assert_allclose(&ifftshift(&x, Some(&[1])).unwrap(), &r("ifftshift_ax1"), 0.0, 0.0);
    let targets = fx.array_i64("freq/nfl_targets");
    let want_c = fx.array_i64("freq/nfl_c");
    let want_r = fx.array_i64("freq/nfl_r");
    for ((t, c), r) in targets.iter().zip(&want_c).zip(&want_r) {
        assert_eq!(next_fast_len(*t as usize, false).unwrap() as i64, *c, "complex {t}");
        assert_eq!(next_fast_len(*t as usize, true).unwrap() as i64, *r, "real {t}");
    }
}

#[test]
fn dct_dst_all_types_and_norms() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("r2r_")) {
        let x = fx.array_f64(&format!("{key}/x"));
        let t = dtype(fx.i64(&format!("{key}/type")));
        let nm = norm(fx.str(&format!("{key}/norm")));
        let n = x.len();
        let r = |k: &str| fx.array_f64(&format!("{key}/{k}"));
        assert_allclose(&dct(&x, t, None, -1, nm).unwrap(), &r("dct"), RTOL, ATOL);
        assert_allclose(&idct(&x, t, None, -1, nm).unwrap(), &r("idct"), RTOL, ATOL);
        assert_allclose(&dst(&x, t, None, -1, nm).unwrap(), &r("dst"), RTOL, ATOL);
        assert_allclose(&idst(&x, t, None, -1, nm).unwrap(), &r("idst"), RTOL, ATOL);
        assert_allclose(&dct(&x, t, Some(n + 2), -1, nm).unwrap(), &r("dct_n"), RTOL, ATOL);
        count += 1;
    }
    assert_eq!(count, 93);
}

#[test]
fn tutorial_values() {
    let fx = load();
    let x = sci_array::ndarray::Array1::range(0.0, 8.0, 1.0).into_dyn();
    close_c(&fft(&x, None, -1, Norm::Backward).unwrap(), &fx.array_c64("tutorial/fft_arange8"));
    assert_allclose(&fftfreq(8, 0.1).unwrap().into_dyn(), &fx.array_f64("tutorial/fftfreq"), 1e-15, 0.0);
    let d =
        dct(&sci_array::ndarray::array![1.0, 2.0, 3.0, 4.0], DctType::II, None, -1, Norm::Backward).unwrap();
    assert_allclose(&d.into_dyn(), &fx.array_f64("tutorial/dct"), RTOL, ATOL);
}

#[test]
fn dctn_dstn_all_types_and_norms() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("r2rn_")) {
        let x = fx.array_f64(&format!("{key}/x"));
        let t = dtype(fx.i64(&format!("{key}/type")));
        let nm = norm(fx.str(&format!("{key}/norm")));
        let r = |k: &str| fx.array_f64(&format!("{key}/{k}"));
        assert_allclose(&dctn(&x, t, None, None, nm).unwrap(), &r("dctn"), RTOL, ATOL);
        assert_allclose(&idctn(&x, t, None, None, nm).unwrap(), &r("idctn"), RTOL, ATOL);
        assert_allclose(&dstn(&x, t, None, None, nm).unwrap(), &r("dstn"), RTOL, ATOL);
        assert_allclose(&idstn(&x, t, None, None, nm).unwrap(), &r("idstn"), RTOL, ATOL);
        assert_allclose(
            &dctn(&x, t, Some(&[6, 3]), Some(&[2, 0]), nm).unwrap(),
            &r("dctn_axes_s"),
            RTOL,
            ATOL,
        );
        count += 1;
    }
    assert_eq!(count, 12);
}

//! scipy.signal parity for detrend, resample and freqz: tests/fixtures/signal_spectral.json
//! (written by tools/fixtures/signal_spectral.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_spectral.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f2(fx: &Fixture, k: &str) -> Array2<f64> {
    fx.array_f64(k).into_dimensionality::<Ix2>().unwrap()
}

// Least squares by centred sums (SciPy uses LAPACK lstsq) and FFT round-off: agreement is
// ~1e-14; 1e-10 is the contract.
const TOL: f64 = 1e-10;

#[test]
fn detrend_matches() {
    let fx = load();
    let x2 = f2(&fx, "detrend/x2");
    let d = |k: &str| fx.array_f64(&format!("detrend/{k}"));
    let lin = DetrendType::Linear;
    assert_allclose(&detrend(&x2, -1, lin, &[]).unwrap().into_dyn(), &d("linear"), TOL, TOL);
    assert_allclose(&detrend(&x2.t(), 0, lin, &[]).unwrap().into_dyn(), &d("linear_ax0"), TOL, TOL);
    let c = DetrendType::Constant;
    assert_allclose(&detrend(&x2, -1, c, &[]).unwrap().into_dyn(), &d("constant"), TOL, TOL);
    assert_allclose(&detrend(&x2, 0, c, &[]).unwrap().into_dyn(), &d("constant_ax0"), TOL, TOL);
    assert_allclose(&detrend(&x2, -1, lin, &[7, 20]).unwrap().into_dyn(), &d("bp"), TOL, TOL);
    assert_allclose(&detrend(&x2, -1, lin, &[0, 29, 29, 10]).unwrap().into_dyn(), &d("bp_dup"), TOL, TOL);
    let tx = f1(&fx, "detrend/tutorial_x");
    assert_allclose(&detrend(&tx, -1, lin, &[]).unwrap().into_dyn(), &d("tutorial"), TOL, TOL);
    assert_allclose(
        &detrend(&sci_array::ndarray::array![3.0], -1, lin, &[]).unwrap().into_dyn(),
        &d("one"),
        TOL,
        TOL,
    );
    assert_allclose(
        &detrend(&sci_array::ndarray::array![3.0, 5.0], -1, lin, &[]).unwrap().into_dyn(),
        &d("two"),
        TOL,
        TOL,
    );
}

#[test]
fn resample_matches() {
    let fx = load();
    let mut count = 0;
    for key in fx
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("resample_") && k.chars().nth(9).unwrap().is_ascii_digit())
    {
        let x = f1(&fx, &format!("{key}/x"));
        let num = fx.i64(&format!("{key}/num")) as usize;
        let y = resample(&x, num, 0).unwrap();
        assert_allclose(&y.into_dyn(), &fx.array_f64(&format!("{key}/y")), TOL, TOL);
        count += 1;
    }
    assert_eq!(count, 21);
    let xa = f2(&fx, "resample_axes/x");
    assert_allclose(&resample(&xa, 9, 0).unwrap().into_dyn(), &fx.array_f64("resample_axes/ax0"), TOL, TOL);
    assert_allclose(&resample(&xa, 4, 1).unwrap().into_dyn(), &fx.array_f64("resample_axes/ax1"), TOL, TOL);
    let x = Array1::linspace(0.0, 5.0, 100).mapv(f64::sin);
    let y = resample(&x, 25, 0).unwrap();
    assert_allclose(&y.slice(s![..5]).to_owned().into_dyn(), &fx.array_f64("resample_tutorial/y5"), TOL, TOL);
}

fn check_freqz(fx: &Fixture, key: &str, b: &Array1<f64>, a: &Array1<f64>, opts: FreqzOptions) {
    let want = fx.array_c64(&format!("freqz/{key}")).into_dimensionality::<Ix2>().unwrap();
    let (w, h) = freqz(b, a, opts).unwrap();
    assert_allclose(&w, &want.row(0).mapv(|z| z.re), 1e-14, 1e-14);
    assert_allclose(&h, &want.row(1).to_owned(), TOL, TOL);
}

#[test]
fn freqz_matches() {
    let fx = load();
    let (b, a, fir) = (f1(&fx, "freqz/b"), f1(&fx, "freqz/a"), f1(&fx, "freqz/fir"));
    let one = sci_array::ndarray::array![1.0];
    let d = FreqzOptions::default();
    check_freqz(&fx, "iir", &b, &a, d.clone());
    check_freqz(&fx, "iir_whole_64", &b, &a, FreqzOptions { worn: WorN::N(64), whole: true, ..d.clone() });
    check_freqz(
        &fx,
        "iir_nyq_33_fs",
        &b,
        &a,
        FreqzOptions { worn: WorN::N(33), include_nyquist: true, fs: 1000.0, ..d.clone() },
    );
    check_freqz(&fx, "fir_512", &fir, &one, d.clone());
    check_freqz(
        &fx,
        "fir_whole_16",
        &fir,
        &one,
        FreqzOptions { worn: WorN::N(16), whole: true, ..d.clone() },
    );
    check_freqz(
        &fx,
        "fir_whole_15",
        &fir,
        &one,
        FreqzOptions { worn: WorN::N(15), whole: true, ..d.clone() },
    );
    check_freqz(
        &fx,
        "fir_nyq_10",
        &fir,
        &one,
        FreqzOptions { worn: WorN::N(10), include_nyquist: true, ..d.clone() },
    );
    check_freqz(&fx, "fir_short_3", &fir, &one, FreqzOptions { worn: WorN::N(3), ..d.clone() });
    let freqs = f1(&fx, "freqz/freqs").to_vec();
    check_freqz(&fx, "at_freqs", &b, &a, FreqzOptions { worn: WorN::Freqs(freqs), fs: 1000.0, ..d });
}

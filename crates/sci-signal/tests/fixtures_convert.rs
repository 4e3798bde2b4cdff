//! scipy.signal parity for sos2tf, sos2zpk, tf2sos, freqz_zpk and sosfreqz:
//! tests/fixtures/signal_convert.json (written by tools/fixtures/signal_convert.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_convert.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f2(fx: &Fixture, k: &str) -> Array2<f64> {
    fx.array_f64(k).into_dimensionality::<Ix2>().unwrap()
}

fn c1(fx: &Fixture, k: &str) -> Array1<Complex64> {
    fx.array_c64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn sos_conversions() {
    let fx = load();
    let sos = f2(&fx, "sos/sos");
    let (b, a) = sos2tf(&sos).unwrap();
    assert_allclose(&b, &f1(&fx, "sos/b"), 1e-13, 1e-16);
    assert_allclose(&a, &f1(&fx, "sos/a"), 1e-13, 1e-15);
    let zpk = sos2zpk(&sos).unwrap();
    // Each section's roots come from a 2x2 eigenproblem solved differently from LAPACK: the
    // pair order within a section may swap, so compare sections as sets.
    let (zw, pw) = (c1(&fx, "sos/z"), c1(&fx, "sos/p"));
    for s in 0..sos.nrows() {
        for (got, want) in [(&zpk.z, &zw), (&zpk.p, &pw)] {
            let (g, w) =
                (&got.as_slice().unwrap()[2 * s..2 * s + 2], &want.as_slice().unwrap()[2 * s..2 * s + 2]);
            let direct = (g[0] - w[0]).norm() + (g[1] - w[1]).norm();
            let swapped = (g[0] - w[1]).norm() + (g[1] - w[0]).norm();
            assert!(direct.min(swapped) < 1e-12, "section {s}: {g:?} vs {w:?}");
        }
    }
    assert!((zpk.k - fx.f64("sos/k")).abs() <= 1e-14 * fx.f64("sos/k").abs());
    let sos2 = tf2sos(&f1(&fx, "tf2sos/b"), &f1(&fx, "tf2sos/a"), None, false).unwrap();
    // Roots of the order-4 polynomials by a different QR than LAPACK's: ~1e-14, amplified a
    // little by the section products.
    assert_allclose(&sos2, &f2(&fx, "tf2sos/sos"), 1e-10, 1e-12);
}

#[test]
fn frequency_responses() {
    let fx = load();
    let (z, p, k) = (c1(&fx, "freqz_zpk/z"), c1(&fx, "freqz_zpk/p"), fx.f64("freqz_zpk/k"));
    let d = FreqzOptions::default();
    let (w, h) = freqz_zpk(&z, &p, k, d.clone()).unwrap();
    assert_allclose(&w, &f1(&fx, "freqz_zpk/w1"), 1e-14, 1e-14);
    assert_allclose(&h, &c1(&fx, "freqz_zpk/h1"), 1e-10, 1e-12);
    let o2 = FreqzOptions { worn: WorN::N(64), whole: true, fs: 100.0, ..d.clone() };
    let (w, h) = freqz_zpk(&z, &p, k, o2).unwrap();
    assert_allclose(&w, &f1(&fx, "freqz_zpk/w2"), 1e-14, 1e-14);
    assert_allclose(&h, &c1(&fx, "freqz_zpk/h2"), 1e-10, 1e-12);
    let o3 = FreqzOptions { worn: WorN::Freqs(vec![0.0, 5.0, 12.5, 40.0]), fs: 100.0, ..d.clone() };
    let (w, h) = freqz_zpk(&z, &p, k, o3).unwrap();
    assert_allclose(&w, &f1(&fx, "freqz_zpk/w3"), 1e-14, 1e-14);
    assert_allclose(&h, &c1(&fx, "freqz_zpk/h3"), 1e-10, 1e-12);
    let sos = f2(&fx, "sos/sos");
    let (w, h) = sosfreqz(&sos, d.clone()).unwrap();
    assert_allclose(&w, &f1(&fx, "sosfreqz/w"), 1e-14, 1e-14);
    assert_allclose(&h, &c1(&fx, "sosfreqz/h"), 1e-10, 1e-12);
    let (w, h) = sosfreqz(&sos, FreqzOptions { worn: WorN::N(100), whole: true, fs: 8000.0, ..d }).unwrap();
    assert_allclose(&w, &f1(&fx, "sosfreqz/w2"), 1e-14, 1e-12);
    assert_allclose(&h, &c1(&fx, "sosfreqz/h2"), 1e-10, 1e-12);
}

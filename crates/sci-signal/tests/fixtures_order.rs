//! scipy.signal parity for order selection (buttord, cheb1ord, cheb2ord, ellipord):
//! tests/fixtures/signal_order.json (written by tools/fixtures/signal_order.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn order_selection_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_order.json")).unwrap();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_')) {
        let g = |k: &str| format!("{key}/{k}");
        let (wp, ws) = (f1(&fx, &g("wp")).to_vec(), f1(&fx, &g("ws")).to_vec());
        let (gpass, gstop) = (fx.f64(&g("gpass")), fx.f64(&g("gstop")));
        let analog = fx.get(&g("analog")).as_bool().unwrap();
        let fs = Some(fx.f64(&g("fs"))).filter(|&v| v > 0.0);
        let f = match fx.str(&g("fn")) {
            "buttord" => buttord,
            "cheb1ord" => cheb1ord,
            "cheb2ord" => cheb2ord,
            "ellipord" => ellipord,
            s => panic!("{s}"),
        };
        let (n, wn) = f(&wp, &ws, gpass, gstop, analog, fs).unwrap();
        assert_eq!(n as i64, fx.i64(&g("ord")), "{key}");
        // Band-stop edges come out of a bounded Brent search (xtol 1e-5) that we replay step by
        // step; everything else is closed form.
        assert_allclose(&Array1::from(wn), &f1(&fx, &g("wn")), 1e-12, 0.0);
        count += 1;
    }
    assert_eq!(count, 14 * 4 - 1);
}

#[test]
fn designs_from_orders_meet_the_specification() {
    // ellipord + ellip: the designed filter loses at most gpass in the passband and reaches
    // gstop in the stopband.
    let (n, wn) = ellipord(&[0.2], &[0.3], 1.0, 60.0, false, None).unwrap();
    let (b, a) = ellip(n, 1.0, 60.0, &wn, BType::Lowpass, false, None).unwrap();
    let opts =
        FreqzOptions { worn: WorN::Freqs(vec![0.0, 0.1, 0.2, 0.3, 0.6]), fs: 2.0, ..FreqzOptions::default() };
    let (_, h) = freqz(&b, &a, opts).unwrap();
    let db: Vec<f64> = h.iter().map(|v| 20.0 * v.norm().log10()).collect();
    assert!(db[..3].iter().all(|&d| d >= -1.0 - 1e-9), "{db:?}");
    assert!(db[3..].iter().all(|&d| d <= -60.0 + 1e-9), "{db:?}");
}

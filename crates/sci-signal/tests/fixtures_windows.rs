//! scipy.signal.windows parity: tests/fixtures/signal_windows.json (written by
//! tools/fixtures/signal_windows.py).

use sci_array::ndarray::ArrayD;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::{Window, get_window, windows};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_windows.json")).unwrap()
}

// Same formulas as SciPy; cos/exp/I0 round-off differs by a few ulps.
const TOL: f64 = 1e-13;

fn compute(name: &str, m: usize, sym: bool) -> ArrayD<f64> {
    let num = |p: &str| name[p.len()..].parse::<f64>().unwrap();
    let w = match name {
        "hann" => windows::hann(m, sym),
        "hamming" => windows::hamming(m, sym),
        "blackman" => windows::blackman(m, sym),
        "blackmanharris" => windows::blackmanharris(m, sym),
        "bartlett" => windows::bartlett(m, sym),
        "flattop" => windows::flattop(m, sym),
        "boxcar" => windows::boxcar(m, sym),
        "cosine" => windows::cosine(m, sym),
        "triang" => windows::triang(m, sym),
        "nuttall" => windows::nuttall(m, sym),
        "parzen" => windows::parzen(m, sym),
        "bohman" => windows::bohman(m, sym),
        "exponential" => windows::exponential(m, None, 2.5, sym).unwrap(),
        "exponentialc" => windows::exponential(m, Some(1.0), 2.5, sym).unwrap(),
        n if n.starts_with("kaiser") => windows::kaiser(m, num("kaiser"), sym),
        n if n.starts_with("gaussian") => windows::gaussian(m, num("gaussian"), sym),
        n if n.starts_with("tukey") => windows::tukey(m, num("tukey"), sym),
        other => panic!("unknown window {other}"),
    };
    w.into_dyn()
}

#[test]
fn every_window_matches() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys() {
        if key == "get_window" {
            continue;
        }
        let parts: Vec<&str> = key.rsplitn(3, '_').collect();
        let (sym, m, name) = (parts[0] == "1", parts[1].parse::<usize>().unwrap(), parts[2]);
        let w = compute(name, m, sym);
        assert_allclose(&w, &fx.array_f64(&key), TOL, TOL);
        count += 1;
    }
    assert_eq!(count, 12 * 18 + 18 * 10 + 9);
}

#[test]
fn get_window_matches() {
    let fx = load();
    let g = |k: &str| fx.array_f64(&format!("get_window/{k}"));
    let cases = [
        (Window::Hann, 8, true, "hann_8"),
        (Window::Hann, 8, false, "hann_8_sym"),
        (Window::Kaiser(4.0), 9, true, "kaiser_9"),
        (Window::Tukey(0.25), 10, true, "tukey_10"),
        (Window::Gaussian(1.5), 7, true, "gauss_7"),
        (Window::Exponential { center: None, tau: 3.0 }, 6, true, "exp_6"),
    ];
    for (w, n, fftbins, key) in cases {
        assert_allclose(&get_window(w, n, fftbins).unwrap().into_dyn(), &g(key), TOL, TOL);
    }
    // Every variant reaches its window function.
    let all = [
        Window::Hann,
        Window::Hamming,
        Window::Blackman,
        Window::BlackmanHarris,
        Window::Bartlett,
        Window::Flattop,
        Window::Kaiser(2.0),
        Window::Gaussian(2.0),
        Window::Tukey(0.5),
        Window::Boxcar,
        Window::Cosine,
        Window::Exponential { center: Some(2.0), tau: 1.0 },
        Window::Triang,
        Window::Nuttall,
        Window::Parzen,
        Window::Bohman,
    ];
    for w in all {
        let v = get_window(w, 6, true).unwrap();
        assert_eq!(v.len(), 6);
        assert!(v.iter().all(|x| x.is_finite()), "{w:?}");
    }
}

#[test]
fn bad_window_input() {
    let cases: Vec<(&str, Result<(), sci_signal::SignalError>)> = vec![
        ("exponential sym with center", windows::exponential(5, Some(1.0), 1.0, true).map(drop)),
        (
            "get_window symmetric exponential with center",
            get_window(Window::Exponential { center: Some(1.0), tau: 1.0 }, 5, false).map(drop),
        ),
    ];
    for (what, r) in cases {
        assert!(
            matches!(r, Err(sci_signal::SignalError::InvalidValue { arg: "center", .. })),
            "{what}: {r:?}"
        );
    }
}

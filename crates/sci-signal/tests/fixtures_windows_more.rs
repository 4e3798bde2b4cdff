//! scipy.signal.windows parity for chebwin, dpss, taylor, general_gaussian, general_hamming,
//! barthann, lanczos and kaiser_bessel_derived: tests/fixtures/signal_windows_more.json
//! (written by tools/fixtures/signal_windows_more.py).

use sci_array::ndarray::{Array1, ArrayD, Axis};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::windows::{self, DpssNorm, DpssOptions};
use sci_signal::{SignalError, Window, get_window};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_windows_more.json")).unwrap()
}

fn subkeys(fx: &Fixture, group: &str) -> Vec<String> {
    fx.get(group).as_object().expect("a group of cases").keys().cloned().collect()
}

/// The parameters after the window name in a group such as `"taylor4,30,1"`.
fn params(group: &str, name: &str) -> Vec<f64> {
    group[name.len()..].split(',').map(|v| v.parse().unwrap()).collect()
}

fn compute(group: &str, m: usize, sym: bool) -> Array1<f64> {
    match group {
        "barthann" => windows::barthann(m, sym),
        "lanczos" => windows::lanczos(m, sym),
        g if g.starts_with("general_hamming") => {
            windows::general_hamming(m, params(g, "general_hamming")[0], sym)
        }
        g if g.starts_with("general_gaussian") => {
            let p = params(g, "general_gaussian");
            windows::general_gaussian(m, p[0], p[1], sym)
        }
        g if g.starts_with("taylor") => {
            let p = params(g, "taylor");
            windows::taylor(m, p[0] as usize, p[1], p[2] == 1.0, sym).unwrap()
        }
        g if g.starts_with("chebwin") => windows::chebwin(m, params(g, "chebwin")[0], sym),
        g if g.starts_with("kbd") => windows::kaiser_bessel_derived(m, params(g, "kbd")[0], sym).unwrap(),
        other => panic!("unknown window {other}"),
    }
}

#[test]
fn closed_form_windows_match() {
    let fx = load();
    let mut count = 0;
    for group in fx.keys() {
        if group.starts_with("dpss") || group == "get_window" {
            continue;
        }
        // chebwin goes through a DFT whose sums reach 10^(at/20) before the normalization.
        let tol = if group.starts_with("chebwin") { 1e-12 } else { 1e-13 };
        for key in subkeys(&fx, &group) {
            let (m, s) = key.split_once('_').unwrap();
            let w = compute(&group, m.parse().unwrap(), s == "1");
            assert_allclose(&w.into_dyn(), &fx.array_f64(&format!("{group}/{key}")), tol, tol);
            count += 1;
        }
    }
    // 18 (length, sym) pairs for each of 16 groups, and 5 even lengths for the 3 kbd groups.
    assert_eq!(count, 18 * 16 + 5 * 3);
}

fn dpss_opts(sym: bool, kmax: &str, tag: &str, ratios: bool) -> DpssOptions {
    DpssOptions {
        kmax: if kmax == "none" { None } else { Some(kmax.parse().unwrap()) },
        sym,
        norm: match tag {
            "default" => None,
            "approximate" => Some(DpssNorm::Approximate),
            "subsample" => Some(DpssNorm::Subsample),
            other => panic!("unknown norm {other}"),
        },
        return_ratios: ratios,
    }
}

#[test]
fn dpss_matches() {
    let fx = load();
    let keys = subkeys(&fx, "dpss");
    for key in &keys {
        let p: Vec<&str> = key.split('_').collect();
        let (m, sym, nw) = (p[0].parse().unwrap(), p[1] == "1", p[2].parse().unwrap());
        let has_ratios = p[3] != "none";
        let got = windows::dpss(m, nw, dpss_opts(sym, p[3], p[4], has_ratios && m < 1000)).unwrap();
        let want = fx.array_f64(&format!("dpss/{key}"));
        let w: ArrayD<f64> = if p[3] == "none" {
            got.windows.index_axis(Axis(0), 0).to_owned().into_dyn()
        } else {
            got.windows.into_dyn()
        };
        // Eigenvectors by inverse iteration (SciPy: LAPACK stebz/stein): round-off of the
        // order of eps * ||T|| / gap, with ||T|| ~ M^2 / 4.
        assert_allclose(&w, &want, 1e-10, 1e-11);
        if has_ratios && m < 1000 {
            let r = fx.array_f64(&format!("dpss_ratios/{key}"));
            assert_allclose(&got.ratios.unwrap().into_dyn(), &r, 1e-12, 1e-13);
        }
    }
    assert!(keys.len() > 150, "{}", keys.len());
}

#[test]
fn dpss_where_scipy_fails() {
    // SciPy raises IndexError for dpss(2, 0.5, Kmax=2): the second taper [a, -a] has no sample
    // above the sign threshold. sci returns the orthonormal pair.
    let w = windows::dpss(2, 0.5, DpssOptions { kmax: Some(2), ..Default::default() }).unwrap().windows;
    let h = std::f64::consts::FRAC_1_SQRT_2;
    assert_allclose(&w.row(0).to_owned().into_dyn(), &Array1::from(vec![h, h]).into_dyn(), 1e-15, 1e-15);
    assert!((w[[1, 0]].abs() - h).abs() < 1e-15 && (w[[1, 0]] + w[[1, 1]]).abs() < 1e-15);
}

#[test]
fn get_window_new_kinds() {
    let fx = load();
    let cases = [
        (Window::Barthann, 9, true, "barthann_9"),
        (Window::Chebwin(80.0), 10, true, "chebwin_10"),
        (Window::Chebwin(80.0), 10, false, "chebwin_10_sym"),
        (Window::Dpss(2.5), 12, true, "dpss_12"),
        (Window::Dpss(2.5), 11, false, "dpss_11_sym"),
        (Window::GeneralGaussian { p: 1.5, sig: 2.0 }, 8, true, "general_gaussian_8"),
        (Window::GeneralHamming(0.6), 8, true, "general_hamming_8"),
        (Window::KaiserBesselDerived(3.0), 8, false, "kbd_8_sym"),
        (Window::Lanczos, 7, true, "lanczos_7"),
        (Window::Taylor { nbar: 4, sll: 30.0, norm: true }, 16, true, "taylor_16"),
        (Window::Taylor { nbar: 5, sll: 40.0, norm: false }, 16, true, "taylor_16_args"),
    ];
    for (w, n, fftbins, key) in cases {
        let got = get_window(w, n, fftbins).unwrap().into_dyn();
        assert_allclose(&got, &fx.array_f64(&format!("get_window/{key}")), 1e-12, 1e-12);
    }
}

#[test]
fn f32_free_windows_are_finite_at_large_sizes() {
    // Long windows stay finite and symmetric (no overflow in chebwin's DFT or taylor's sums).
    let c = windows::chebwin(4097, 120.0, true);
    let t = windows::taylor(4097, 8, 60.0, true, true).unwrap();
    for w in [c, t] {
        assert!(w.iter().all(|v| v.is_finite()));
        assert!((0..w.len()).all(|i| (w[i] - w[w.len() - 1 - i]).abs() < 1e-12));
    }
}

#[test]
fn bad_window_input() {
    let kmax = |k: usize| DpssOptions { kmax: Some(k), ..Default::default() };
    let cases: Vec<(&str, &str, Result<(), SignalError>)> = vec![
        ("kbd periodic", "sym", windows::kaiser_bessel_derived(8, 1.0, false).map(drop)),
        ("kbd odd length", "M", windows::kaiser_bessel_derived(7, 1.0, true).map(drop)),
        ("get_window kbd periodic", "sym", get_window(Window::KaiserBesselDerived(1.0), 8, true).map(drop)),
        ("taylor nbar 0", "nbar", windows::taylor(8, 0, 30.0, true, true).map(drop)),
        ("dpss Kmax 0", "Kmax", windows::dpss(8, 2.0, kmax(0)).map(drop)),
        ("dpss Kmax > M", "Kmax", windows::dpss(8, 2.0, kmax(9)).map(drop)),
        ("dpss NW >= M/2", "NW", windows::dpss(8, 4.0, DpssOptions::default()).map(drop)),
        ("dpss NW <= 0", "NW", windows::dpss(8, 0.0, DpssOptions::default()).map(drop)),
        ("dpss NW nan", "NW", windows::dpss(8, f64::NAN, DpssOptions::default()).map(drop)),
        ("get_window dpss NW", "NW", get_window(Window::Dpss(-1.0), 8, true).map(drop)),
        ("get_window Nx 0", "Nx", get_window(Window::Hann, 0, true).map(drop)),
    ];
    for (what, arg, r) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: a, .. }) if a == arg => {}
            other => panic!("{what}: expected InvalidValue for {arg}, got {other:?}"),
        }
    }
    // Lengths 0 and 1 short-circuit before the checks, as in SciPy.
    assert_eq!(windows::dpss(1, 5.0, kmax(3)).unwrap().windows.shape(), &[1, 1]);
    assert_eq!(windows::kaiser_bessel_derived(0, 1.0, true).unwrap().len(), 0);
}

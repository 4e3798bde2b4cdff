//! scipy.signal parity for get_window by name (aliases, tuple parameters, general_cosine,
//! `_symmetric`/`_periodic`) and hilbert2 of a 1-d input: tests/fixtures/signal_gaps.json
//! (written by tools/fixtures/signal_gaps.py).

use sci_array::ndarray::{Array1, Ix1, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::{SignalError, Window, get_window, get_window_named, hilbert2_1d};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_gaps.json")).unwrap()
}

fn a1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn get_window_named_matches() {
    let fx = load();
    let mut checked = 0;
    for case in fx.keys().into_iter().filter(|k| k.starts_with("win_")) {
        let name = fx.str(&format!("{case}/name")).to_string();
        let params = a1(&fx, &format!("{case}/params")).to_vec();
        for nx in [1, 2, 7, 16] {
            for fftbins in [true, false] {
                let tag = format!("{case}/n{nx}_{}", if fftbins { "p" } else { "s" });
                if case == "win_kbd" && (fftbins || nx % 2 == 1) {
                    continue; // not generated: SciPy's kaiser_bessel_derived is symmetric, even only
                }
                let got = get_window_named(&name, &params, nx, fftbins);
                if fx.get(&tag).as_str() == Some("error") {
                    assert!(got.is_err(), "{tag}: SciPy raised, got {got:?}");
                } else {
                    // Closed forms evaluated like SciPy; dpss/chebwin/taylor go through
                    // eigen-solvers and FFTs, hence a few ulps of a unit-height window.
                    let want = fx.array_f64(&tag);
                    assert_allclose(&got.unwrap().into_dyn(), &want, 1e-12, 1e-13);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} windows checked");
}

#[test]
fn from_name_gives_the_enum_get_window_takes() {
    let fx = load();
    let w = Window::from_name("ksr", &[8.6]).unwrap();
    assert_eq!(w, Window::Kaiser(8.6));
    assert_allclose(
        &get_window(w, 16, true).unwrap().into_dyn(),
        &fx.array_f64("win_kaiser/n16_p"),
        1e-14,
        0.0,
    );
    let t = Window::from_name("taylor", &[5.0, 40.0, 0.0]).unwrap();
    assert_eq!(t, Window::Taylor { nbar: 5, sll: 40.0, norm: false });
    assert_eq!(Window::from_name("poisson", &[]).unwrap(), Window::Exponential { center: None, tau: 1.0 });
}

#[test]
fn suffixes_override_fftbins() {
    let fx = load();
    for (suffix, fftbins) in [("_symmetric", true), ("_periodic", false)] {
        let c = |k: &str| fx.array_f64(&format!("suffix{suffix}/{k}"));
        let hann = get_window_named(&format!("hann{suffix}"), &[], 8, fftbins).unwrap();
        assert_allclose(&hann.into_dyn(), &c("hann"), 1e-14, 1e-15);
        let kaiser = get_window_named(&format!("kaiser{suffix}"), &[5.0], 9, fftbins).unwrap();
        assert_allclose(&kaiser.into_dyn(), &c("kaiser"), 1e-14, 1e-15);
        let gc = get_window_named(&format!("general_cosine{suffix}"), &[0.4, 0.6], 6, fftbins).unwrap();
        assert_allclose(&gc.into_dyn(), &c("gc"), 1e-14, 1e-15);
    }
}

#[test]
fn bad_window_names_and_parameters() {
    let bad: &[(&str, &[f64], usize)] = &[
        ("hannn", &[], 8),               // unknown name
        ("hann", &[1.0], 8),             // parameters for a window without any
        ("kaiser", &[], 8),              // missing parameter
        ("general_cosine", &[], 8),      // missing coefficients
        ("kaiser", &[1.0, 2.0], 8),      // too many
        ("tukey", &[0.5, 0.1], 8),       // too many
        ("general_gaussian", &[1.0], 8), // needs (p, sig)
        ("taylor", &[4.5], 8),           // nbar not an integer
        ("exponential", &[1.0, 2.0], 8), // center with a symmetric window: below, fftbins false
        ("hann", &[], 0),                // Nx = 0
        ("general_cosine", &[0.5], 0),   // Nx = 0
        ("dpss", &[4.0], 7),             // NW >= M/2
    ];
    for &(name, params, nx) in bad {
        let got = get_window_named(name, params, nx, false);
        assert!(matches!(got, Err(SignalError::InvalidValue { .. })), "{name} {params:?} {nx}: {got:?}");
    }
    for (name, params) in [("general_cosine", &[0.5, 0.5][..]), ("hann_periodic", &[][..])] {
        assert!(matches!(
            Window::from_name(name, params),
            Err(SignalError::InvalidValue { arg: "window", .. })
        ));
    }
}

#[test]
fn hilbert2_of_1d_input_matches() {
    let fx = load();
    let (x, xe) = (a1(&fx, "hilbert2_1d/x"), a1(&fx, "hilbert2_1d/xe"));
    let c = |k: &str| fx.array_c64(&format!("hilbert2_1d/{k}"));
    // Three FFTs of at most 12 points.
    let check = |got: sci_array::ndarray::Array2<sci_array::num_complex::Complex64>, k: &str| {
        assert_allclose(&got.into_dyn(), &c(k), 1e-13, 1e-14)
    };
    check(hilbert2_1d(&x, None, [-2, -1]).unwrap(), "h");
    check(hilbert2_1d(&xe, None, [-2, -1]).unwrap(), "he");
    check(hilbert2_1d(&x, Some([2, 12]), [-2, -1]).unwrap(), "h_pad");
    check(hilbert2_1d(&xe, Some([1, 5]), [-2, -1]).unwrap(), "h_cut");
    check(hilbert2_1d(&x, None, [1, 0]).unwrap(), "h_axes");
    check(hilbert2_1d(&x.slice(s![..1]), None, [-2, -1]).unwrap(), "h_one");
    // Non-contiguous input: every other sample of a longer signal.
    let wide = Array1::from_shape_fn(2 * xe.len(), |i| if i % 2 == 0 { xe[i / 2] } else { f64::NAN });
    check(hilbert2_1d(&wide.slice(s![..;2]), None, [-2, -1]).unwrap(), "he");
    // f32 in, complex64 out.
    let z32 = hilbert2_1d(&xe.mapv(|v| v as f32), None, [-2, -1]).unwrap();
    let want = c("h_f32");
    assert_eq!(z32.shape(), want.shape());
    for (g, w) in z32.iter().zip(want.iter()) {
        assert!((g.re as f64 - w.re).abs() < 1e-5 && (g.im as f64 - w.im).abs() < 1e-5, "{g} vs {w}");
    }
}

#[test]
fn hilbert2_of_1d_input_rejects_bad_arguments() {
    let x = Array1::from(vec![1.0, 2.0, 3.0]);
    let empty = Array1::<f64>::zeros(0);
    let cases: Vec<(&str, sci_signal::Result<_>)> = vec![
        ("N with a zero", hilbert2_1d(&x, Some([0, 3]), [-2, -1])),
        ("equal axes", hilbert2_1d(&x, None, [0, 0])),
        ("axis out of range", hilbert2_1d(&x, None, [0, 2])),
        ("empty", hilbert2_1d(&empty, None, [-2, -1])),
    ];
    for (what, got) in cases {
        assert!(got.is_err(), "{what}: {got:?}");
    }
}

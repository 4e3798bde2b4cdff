//! scipy.signal parity for remez (Parks-McClellan): tests/fixtures/signal_remez.json
//! (written by tools/fixtures/signal_remez.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_remez.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn remez_matches_scipy() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_') && k != "fails") {
        let g = |k: &str| format!("{key}/{k}");
        let kind = match fx.str(&g("type")) {
            "bandpass" => RemezType::Bandpass,
            "differentiator" => RemezType::Differentiator,
            "hilbert" => RemezType::Hilbert,
            s => panic!("{s}"),
        };
        let opts = RemezOptions {
            weight: Some(f1(&fx, &g("weight")).to_vec()),
            kind,
            maxiter: fx.i64(&g("maxiter")) as usize,
            grid_density: fx.i64(&g("grid_density")) as usize,
            fs: Some(fx.f64(&g("fs"))),
        };
        let n = fx.i64(&g("numtaps")) as usize;
        let taps = remez(n, &f1(&fx, &g("bands")).to_vec(), &f1(&fx, &g("desired")).to_vec(), opts).unwrap();
        let want = f1(&fx, &g("taps"));
        // Same exchange and coefficient steps as SciPy's C code; the taps come out of an inverse
        // DFT of the interpolated response, so compare relative to the largest tap.
        let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert_allclose(&taps, &want, 1e-12, 1e-13 * scale);
        count += 1;
    }
    assert_eq!(count, 18);
}

#[test]
fn failure_to_converge_is_an_error() {
    let fx = load();
    let msg = fx.str("fails/message").to_string();
    let bands = [0.0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5];
    match remez(15, &bands, &[1.0, 0.0, 1.0, 0.0, 1.0], RemezOptions::default()) {
        Err(SignalError::InvalidValue { arg: "bands", reason }) => assert_eq!(reason, msg.trim_end()),
        other => panic!("expected the convergence error, got {other:?}"),
    }
}

#[test]
fn bad_input_is_a_typed_error() {
    let b = [0.0, 0.1, 0.2, 0.5];
    let d = [1.0, 0.0];
    let with = |f: &dyn Fn(&mut RemezOptions)| {
        let mut o = RemezOptions::default();
        f(&mut o);
        o
    };
    let cases: Vec<(&str, Result<Array1<f64>>, &str)> = vec![
        ("numtaps 1", remez(1, &b, &d, RemezOptions::default()), "numtaps"),
        ("bands length", remez(11, &b[..3], &d, RemezOptions::default()), "bands"),
        ("desired empty", remez(11, &[], &[], RemezOptions::default()), "bands"),
        ("weight length", remez(11, &b, &d, with(&|o| o.weight = Some(vec![1.0]))), "bands"),
        ("weight zero", remez(11, &b, &d, with(&|o| o.weight = Some(vec![1.0, 0.0]))), "weight"),
        ("not monotonic", remez(11, &[0.0, 0.2, 0.1, 0.5], &d, RemezOptions::default()), "bands"),
        ("negative edge", remez(11, &[-0.1, 0.1, 0.2, 0.5], &d, RemezOptions::default()), "bands"),
        ("above Nyquist", remez(11, &[0.0, 0.1, 0.2, 0.6], &d, RemezOptions::default()), "bands"),
        ("above fs/2", remez(11, &[0.0, 100.0, 200.0, 600.0], &d, with(&|o| o.fs = Some(1000.0))), "bands"),
        ("fs zero", remez(11, &b, &d, with(&|o| o.fs = Some(0.0))), "fs"),
        ("NaN desired", remez(11, &b, &[f64::NAN, 0.0], RemezOptions::default()), "bands"),
        ("maxiter 0", remez(11, &b, &d, with(&|o| o.maxiter = 0)), "maxiter"),
        ("grid_density 0", remez(11, &b, &d, with(&|o| o.grid_density = 0)), "grid_density"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
}

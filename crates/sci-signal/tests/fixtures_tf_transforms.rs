//! scipy.signal parity for the transfer-function transforms (normalize, lp2lp, lp2hp, lp2bp,
//! lp2bs, bilinear): tests/fixtures/signal_tf_transforms.json (tools/fixtures/signal_tf_transforms.py).

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn check(got: (Array1<f64>, Array1<f64>), fx: &Fixture, kb: &str, ka: &str) {
    // Same operations as SciPy; sums of products of powers of wo and 2 fs, so compare relative
    // to the largest coefficient.
    let m = |v: &Array1<f64>| v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let (wb, wa) = (f1(fx, kb), f1(fx, ka));
    assert_allclose(&got.0, &wb, 1e-12, 1e-14 * m(&wb));
    assert_allclose(&got.1, &wa, 1e-12, 1e-14 * m(&wa));
}

#[test]
fn transforms_match_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_tf_transforms.json"))
        .unwrap();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| !k.starts_with('_')) {
        let g = |k: &str| format!("{key}/{k}");
        let (b, a) = (f1(&fx, &g("b")), f1(&fx, &g("a")));
        check(normalize(&b, &a).unwrap(), &fx, &g("norm_b"), &g("norm_a"));
        for wo in ["1.0", "2.5"] {
            let w: f64 = wo.parse().unwrap();
            check(lp2lp(&b, &a, w).unwrap(), &fx, &g(&format!("lp_b_{wo}")), &g(&format!("lp_a_{wo}")));
            check(lp2hp(&b, &a, w).unwrap(), &fx, &g(&format!("hp_b_{wo}")), &g(&format!("hp_a_{wo}")));
            check(lp2bp(&b, &a, w, 0.7).unwrap(), &fx, &g(&format!("bp_b_{wo}")), &g(&format!("bp_a_{wo}")));
            check(lp2bs(&b, &a, w, 0.7).unwrap(), &fx, &g(&format!("bs_b_{wo}")), &g(&format!("bs_a_{wo}")));
        }
        for fs in ["1.0", "44100.0"] {
            let f: f64 = fs.parse().unwrap();
            check(bilinear(&b, &a, f).unwrap(), &fx, &g(&format!("bil_b_{fs}")), &g(&format!("bil_a_{fs}")));
        }
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn bad_input_is_a_typed_error() {
    let (b, a) = (Array1::from(vec![1.0]), Array1::from(vec![1.0, 1.0]));
    let (empty, zeros) = (Array1::<f64>::zeros(0), Array1::<f64>::zeros(3));
    let cases: Vec<(&str, Result<(Array1<f64>, Array1<f64>)>, &str)> = vec![
        ("normalize a zeros", normalize(&b, &zeros), "a"),
        ("normalize empty b", normalize(&empty, &a), "b"),
        ("lp2lp empty a", lp2lp(&b, &empty, 2.0), "a"),
        ("lp2hp empty b", lp2hp(&empty, &a, 2.0), "b"),
        ("lp2bp a zeros", lp2bp(&b, &zeros, 1.0, 1.0), "a"),
        ("lp2bs empty a", lp2bs(&b, &empty, 1.0, 1.0), "a"),
        ("bilinear fs 0", bilinear(&b, &a, 0.0), "fs"),
        ("bilinear b zeros", bilinear(&zeros, &a, 1.0), "b"),
        ("bilinear a zeros", bilinear(&b, &zeros, 1.0), "a"),
    ];
    for (name, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: expected an error on `{arg}`, got {other:?}"),
        }
    }
}

#[test]
fn transforms_agree_with_the_zpk_path() {
    // bilinear(butter analog) == butter digital at the pre-warped cutoff.
    let fs = 2.0;
    let warped = 2.0 * fs * (std::f64::consts::PI * 0.3 / fs).tan();
    let (b, a) = butter(4, &[warped], BType::Lowpass, true, None).unwrap();
    let (bd, ad) = bilinear(&b, &a, fs).unwrap();
    let (bw, aw) = butter(4, &[0.3], BType::Lowpass, false, None).unwrap();
    assert_allclose(&bd, &bw, 1e-12, 1e-15);
    assert_allclose(&ad, &aw, 1e-12, 1e-15);
}

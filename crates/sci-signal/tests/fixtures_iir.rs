//! scipy.signal parity for elliptic and Bessel designs and `iirfilter`:
//! tests/fixtures/signal_iir.json (written by tools/fixtures/signal_iir.py).

use sci_array::ndarray::{Array1, Array2, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_iir.json")).unwrap()
}

fn c1(fx: &Fixture, k: &str) -> Array1<Complex64> {
    fx.array_c64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn btype(s: &str) -> BType {
    match s {
        "lowpass" => BType::Lowpass,
        "highpass" => BType::Highpass,
        "bandpass" => BType::Bandpass,
        "bandstop" => BType::Bandstop,
        _ => panic!("{s}"),
    }
}

fn norm(s: &str) -> BesselNorm {
    match s {
        "phase" => BesselNorm::Phase,
        "delay" => BesselNorm::Delay,
        "mag" => BesselNorm::Mag,
        _ => panic!("{s}"),
    }
}

// The elliptic functions and the Bessel roots are computed with the same algorithms as SciPy
// but not the same operation order (AGM instead of Cephes' polynomial for K, a polynomial instead
// of `kve` in the root polishing), so zeros and poles agree to a few ulps of the prototype; the
// transforms then follow SciPy step by step. Coefficients of order-20 band filters are sums of
// large terms with cancellation, hence the atol scaled by the largest coefficient.
const RTOL: f64 = 1e-12;

fn max_abs(v: &Array1<f64>) -> f64 {
    v.iter().fold(0.0f64, |m, x| m.max(x.abs()))
}

fn check_design(
    fx: &Fixture,
    key: &str,
    zpk: Zpk,
    ba: (Array1<f64>, Array1<f64>),
    sos: Option<Result<Array2<f64>>>,
) {
    let g = |k: &str| format!("{key}/{k}");
    let (b, a) = ba;
    assert_allclose(&b, &f1(fx, &g("b")), RTOL, 1e-13 * max_abs(&b));
    assert_allclose(&a, &f1(fx, &g("a")), RTOL, 1e-13 * max_abs(&a));
    let scale = |v: &Array1<Complex64>| v.iter().fold(1.0f64, |m, x| m.max(x.norm()));
    let (z, p) = (c1(fx, &g("z")), c1(fx, &g("p")));
    assert_allclose(&zpk.z, &z, RTOL, 1e-13 * scale(&z));
    assert_allclose(&zpk.p, &p, RTOL, 1e-13 * scale(&p));
    let k = fx.f64(&g("k"));
    assert!((zpk.k - k).abs() <= RTOL * k.abs(), "{key}: k {} vs {k}", zpk.k);
    if let Some(sos) = sos {
        let want = fx.array_f64(&g("sos"));
        if want.is_empty() {
            // SciPy's zpk2sos raises IndexError for this layout; we return a typed error.
            assert!(matches!(sos, Err(SignalError::InvalidValue { .. })), "{key}");
        } else {
            let got = sos.unwrap().into_dyn();
            let m = got.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            assert_allclose(&got, &want, RTOL, 1e-12 * m);
        }
    }
}

fn fs_of(fx: &Fixture, key: &str) -> Option<f64> {
    let fs = fx.f64(&format!("{key}/fs"));
    (fs > 0.0).then_some(fs)
}

#[test]
fn ellip_all_orders_and_btypes() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("ellip_")) {
        let g = |k: &str| format!("{key}/{k}");
        let n = fx.i64(&g("n")) as usize;
        let (rp, rs) = (fx.f64(&g("rp")), fx.f64(&g("rs")));
        let wn = f1(&fx, &g("wn")).to_vec();
        let bt = btype(fx.str(&g("btype")));
        let analog = fx.get(&g("analog")).as_bool().unwrap();
        let fs = fs_of(&fx, &key);
        check_design(
            &fx,
            &key,
            ellip_zpk(n, rp, rs, &wn, bt, analog, fs).unwrap(),
            ellip(n, rp, rs, &wn, bt, analog, fs).unwrap(),
            Some(ellip_sos(n, rp, rs, &wn, bt, analog, fs)),
        );
        count += 1;
    }
    assert_eq!(count, 8 * 10 + 6);
}

#[test]
fn bessel_all_orders_norms_and_btypes() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("bessel_")) {
        let g = |k: &str| format!("{key}/{k}");
        let n = fx.i64(&g("n")) as usize;
        let nm = norm(fx.str(&g("norm")));
        let wn = f1(&fx, &g("wn")).to_vec();
        let bt = btype(fx.str(&g("btype")));
        let analog = fx.get(&g("analog")).as_bool().unwrap();
        let fs = fs_of(&fx, &key);
        check_design(
            &fx,
            &key,
            bessel_zpk(n, &wn, bt, analog, nm, fs).unwrap(),
            bessel(n, &wn, bt, analog, nm, fs).unwrap(),
            Some(bessel_sos(n, &wn, bt, analog, nm, fs)),
        );
        count += 1;
    }
    assert_eq!(count, 3 * 8 * 10 + 3);
}

#[test]
fn iirfilter_every_ftype() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("iirfilter_")) {
        let g = |k: &str| format!("{key}/{k}");
        let n = fx.i64(&g("n")) as usize;
        let (rp, rs) = (fx.f64(&g("rp")), fx.f64(&g("rs")));
        let ftype = match fx.str(&g("ftype")) {
            "butter" => IirType::Butter,
            "cheby1" => IirType::Cheby1 { rp },
            "cheby2" => IirType::Cheby2 { rs },
            "ellip" => IirType::Ellip { rp, rs },
            "bessel" | "bessel_phase" => IirType::Bessel(BesselNorm::Phase),
            "bessel_delay" => IirType::Bessel(BesselNorm::Delay),
            "bessel_mag" => IirType::Bessel(BesselNorm::Mag),
            s => panic!("{s}"),
        };
        let wn = f1(&fx, &g("wn")).to_vec();
        let bt = btype(fx.str(&g("btype")));
        let analog = fx.get(&g("analog")).as_bool().unwrap();
        let zpk = iirfilter_zpk(n, &wn, ftype, bt, analog, None).unwrap();
        let ba = iirfilter(n, &wn, ftype, bt, analog, None).unwrap();
        let sos = iirfilter_sos(n, &wn, ftype, bt, analog, None).unwrap();
        // The sos form is the zpk form regrouped, as the specific designers do (each checked
        // against SciPy's sos output in its own test).
        let (w, bt2) = (&wn[..], bt);
        let direct = match ftype {
            IirType::Butter => butter_sos(n, w, bt2, analog, None),
            IirType::Cheby1 { rp } => cheby1_sos(n, rp, w, bt2, analog, None),
            IirType::Cheby2 { rs } => cheby2_sos(n, rs, w, bt2, analog, None),
            IirType::Ellip { rp, rs } => ellip_sos(n, rp, rs, w, bt2, analog, None),
            IirType::Bessel(nm) => bessel_sos(n, w, bt2, analog, nm, None),
        };
        assert_eq!(sos, direct.unwrap(), "{key}");
        check_design(&fx, &key, zpk, ba, None);
        count += 1;
    }
    assert_eq!(count, 8 * 2 * 2);
}

#[test]
fn prototypes() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("proto_")) {
        let g = |k: &str| format!("{key}/{k}");
        let n = fx.i64(&g("n")) as usize;
        if n <= 12 {
            let e = ellipap(n, 0.5, 50.0).unwrap();
            assert_allclose(&e.z, &c1(&fx, &g("ez")), 1e-14, 1e-15);
            assert_allclose(&e.p, &c1(&fx, &g("ep")), 1e-14, 1e-15);
            let k = fx.f64(&g("ek"));
            assert!((e.k - k).abs() <= 1e-12 * k.abs(), "{key}: {} vs {k}", e.k);
        }
        for nm in ["phase", "delay", "mag"] {
            let b = besselap(n, norm(nm)).unwrap();
            assert!(b.z.is_empty());
            assert_allclose(&b.p, &c1(&fx, &g(&format!("bp_{nm}"))), 1e-14, 1e-15);
            let k = fx.f64(&g(&format!("bk_{nm}")));
            assert!((b.k - k).abs() <= 1e-12 * k.abs(), "{key} {nm}: {} vs {k}", b.k);
        }
        count += 1;
    }
    assert_eq!(count, 15);
    for key in fx.keys().into_iter().filter(|k| k.starts_with("ellipap_extreme")) {
        let g = |k: &str| format!("{key}/{k}");
        let e = ellipap(fx.i64(&g("n")) as usize, fx.f64(&g("rp")), fx.f64(&g("rs"))).unwrap();
        assert_allclose(&e.z, &c1(&fx, &g("z")), 1e-14, 1e-15);
        assert_allclose(&e.p, &c1(&fx, &g("p")), 1e-14, 1e-15);
        let k = fx.f64(&g("k"));
        assert!((e.k - k).abs() <= 1e-12 * k.abs(), "{key}: {} vs {k}", e.k);
    }
}

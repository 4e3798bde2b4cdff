//! scipy.signal parity for find_peaks, peak_prominences, peak_widths and argrelextrema:
//! tests/fixtures/signal_peaks.json (written by tools/fixtures/signal_peaks.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_peaks.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn idx(fx: &Fixture, k: &str) -> Vec<usize> {
    fx.array_i64(k).iter().map(|&v| v as usize).collect()
}

// Same comparisons and interpolation formula as SciPy: exact up to the last bit.
const TOL: f64 = 1e-12;

fn check_props(fx: &Fixture, key: &str, peaks: &Array1<usize>, p: &PeakProperties) {
    assert_eq!(peaks.to_vec(), idx(fx, &format!("{key}/peaks")), "{key}");
    let has = |k: &str| fx.keys_of(key).iter().any(|x| x == k);
    let fl = |name: &str, v: &Option<Array1<f64>>| {
        assert_eq!(has(name), v.is_some(), "{key}/{name}");
        if let Some(v) = v {
            assert_allclose(&v.clone().into_dyn(), &fx.array_f64(&format!("{key}/{name}")), TOL, TOL);
        }
    };
    let ix = |name: &str, v: &Option<Array1<usize>>| {
        assert_eq!(has(name), v.is_some(), "{key}/{name}");
        if let Some(v) = v {
            assert_eq!(v.to_vec(), idx(fx, &format!("{key}/{name}")), "{key}/{name}");
        }
    };
    fl("peak_heights", &p.peak_heights);
    fl("left_thresholds", &p.left_thresholds);
    fl("right_thresholds", &p.right_thresholds);
    fl("prominences", &p.prominences);
    ix("left_bases", &p.left_bases);
    ix("right_bases", &p.right_bases);
    fl("widths", &p.widths);
    fl("width_heights", &p.width_heights);
    fl("left_ips", &p.left_ips);
    fl("right_ips", &p.right_ips);
    ix("plateau_sizes", &p.plateau_sizes);
    ix("left_edges", &p.left_edges);
    ix("right_edges", &p.right_edges);
}

trait KeysOf {
    fn keys_of(&self, key: &str) -> Vec<String>;
}

impl KeysOf for Fixture {
    fn keys_of(&self, key: &str) -> Vec<String> {
        self.get(key).as_object().unwrap().keys().cloned().collect()
    }
}

#[test]
fn find_peaks_matches() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let xp = f1(&fx, "data/xp");
    let d = FindPeaksOptions::default();
    let b = PeakBound::min;
    let r = PeakBound::between;
    let cases: Vec<(&str, &Array1<f64>, FindPeaksOptions)> = vec![
        ("fp_x_plain", &x, d),
        ("fp_x_height", &x, FindPeaksOptions { height: Some(b(2.0)), ..d }),
        ("fp_x_height_range", &x, FindPeaksOptions { height: Some(r(-3.0, 5.0)), ..d }),
        ("fp_x_threshold", &x, FindPeaksOptions { threshold: Some(b(0.5)), ..d }),
        ("fp_x_threshold_range", &x, FindPeaksOptions { threshold: Some(r(0.2, 1.5)), ..d }),
        ("fp_x_distance", &x, FindPeaksOptions { distance: Some(10.0), ..d }),
        ("fp_x_distance_frac", &x, FindPeaksOptions { distance: Some(4.5), ..d }),
        ("fp_x_prominence", &x, FindPeaksOptions { prominence: Some(b(1.0)), ..d }),
        ("fp_x_prom_wlen", &x, FindPeaksOptions { prominence: Some(r(0.5, 4.0)), wlen: Some(21.0), ..d }),
        ("fp_x_width", &x, FindPeaksOptions { width: Some(b(3.0)), ..d }),
        (
            "fp_x_width_rel",
            &x,
            FindPeaksOptions { width: Some(r(2.0, 12.0)), rel_height: 0.8, wlen: Some(50.5), ..d },
        ),
        (
            "fp_x_all",
            &x,
            FindPeaksOptions {
                height: Some(b(-5.0)),
                threshold: Some(b(0.01)),
                distance: Some(3.0),
                prominence: Some(b(0.3)),
                width: Some(b(1.0)),
                rel_height: 1.0,
                ..d
            },
        ),
        ("fp_xp_plateau", &xp, FindPeaksOptions { plateau_size: Some(b(2.0)), ..d }),
        (
            "fp_xp_plateau_range",
            &xp,
            FindPeaksOptions { plateau_size: Some(r(1.0, 3.0)), prominence: Some(b(1.0)), ..d },
        ),
        ("fp_xp_width", &xp, FindPeaksOptions { width: Some(b(1.0)), ..d }),
    ];
    for (key, sig, o) in cases {
        let (peaks, props) = find_peaks(sig, &o).unwrap();
        check_props(&fx, key, &peaks, &props);
    }
}

#[test]
fn prominences_and_widths_match() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let peaks = idx(&fx, "prom/peaks");
    let (p, l, r) = peak_prominences(&x, &peaks, None).unwrap();
    assert_allclose(&p.into_dyn(), &fx.array_f64("prom/p"), TOL, TOL);
    assert_eq!(l.to_vec(), idx(&fx, "prom/l"));
    assert_eq!(r.to_vec(), idx(&fx, "prom/r"));
    let (pw, lw, rw) = peak_prominences(&x, &peaks, Some(15.0)).unwrap();
    assert_allclose(&pw.clone().into_dyn(), &fx.array_f64("prom/pw"), TOL, TOL);
    assert_eq!(lw.to_vec(), idx(&fx, "prom/lw"));
    assert_eq!(rw.to_vec(), idx(&fx, "prom/rw"));
    let stack = |w: (Array1<f64>, Array1<f64>, Array1<f64>, Array1<f64>)| {
        let n = w.0.len();
        let mut m = Array2::<f64>::zeros((4, n));
        for (i, a) in [w.0, w.1, w.2, w.3].into_iter().enumerate() {
            m.row_mut(i).assign(&a);
        }
        m.into_dyn()
    };
    let w = |k: &str| fx.array_f64(&format!("widths/{k}"));
    assert_allclose(&stack(peak_widths(&x, &peaks, 0.5, None, None).unwrap()), &w("half"), TOL, TOL);
    assert_allclose(&stack(peak_widths(&x, &peaks, 1.0, None, None).unwrap()), &w("full"), TOL, TOL);
    assert_allclose(&stack(peak_widths(&x, &peaks, 0.3, None, Some(15.0)).unwrap()), &w("wlen"), TOL, TOL);
    let given = (pw.as_slice().unwrap(), lw.as_slice().unwrap(), rw.as_slice().unwrap());
    assert_allclose(&stack(peak_widths(&x, &peaks, 0.6, Some(given), None).unwrap()), &w("given"), TOL, TOL);
}

#[test]
fn argrel_matches() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let x2 = fx.array_f64("argrel/x2").into_dimensionality::<Ix2>().unwrap();
    let xi = fx.array_i64("argrel/xi").into_dimensionality::<Ix1>().unwrap();
    for order in [1usize, 2, 3] {
        for (mode, m) in [(ExtremaMode::Clip, "clip"), (ExtremaMode::Wrap, "wrap")] {
            let k = |p: &str| format!("argrel/{p}_{order}_{m}");
            assert_eq!(argrelmax(&x, 0, order, mode).unwrap()[0].to_vec(), idx(&fx, &k("max1")));
            assert_eq!(argrelmin(&x, -1, order, mode).unwrap()[0].to_vec(), idx(&fx, &k("min1")));
            assert_eq!(argrelmax(&xi, 0, order, mode).unwrap()[0].to_vec(), idx(&fx, &k("maxi")));
            for (got, key) in [
                (argrelmax(&x2, 1, order, mode).unwrap(), k("max2ax1")),
                (argrelmin(&x2, 0, order, mode).unwrap(), k("min2ax0")),
            ] {
                let want = fx.array_i64(&key).into_dimensionality::<Ix2>().unwrap();
                assert_eq!(got.len(), 2);
                for (d, g) in got.iter().enumerate() {
                    let w: Vec<usize> = want.row(d).iter().map(|&v| v as usize).collect();
                    assert_eq!(g.to_vec(), w, "{key} dim {d}");
                }
            }
        }
    }
}

#[test]
fn peaks_edge_cases() {
    let d = FindPeaksOptions::default();
    // Empty, length 1 and 2, constant: no peaks.
    for v in [vec![], vec![1.0], vec![1.0, 2.0], vec![3.0; 5]] {
        assert_eq!(find_peaks(&Array1::from(v), &d).unwrap().0.len(), 0);
    }
    // A plateau counts once at its middle (lower index for an even plateau).
    let x = Array1::from(vec![0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 2.0, 2.0, 2.0, 0.0]);
    assert_eq!(find_peaks(&x, &d).unwrap().0.to_vec(), vec![2, 7]);
    // A plateau running into the edge is no peak; NaN never compares.
    let x = Array1::from(vec![0.0, 1.0, 1.0, f64::NAN, 0.0, 5.0, 0.0]);
    assert_eq!(find_peaks(&x, &d).unwrap().0.to_vec(), vec![5]);
    // Views: a reversed strided view equals its copy.
    let fx = load();
    let xs = f1(&fx, "data/x");
    let v = xs.slice(s![..;-3]);
    let o = FindPeaksOptions { prominence: Some(PeakBound::min(0.5)), width: Some(PeakBound::min(1.0)), ..d };
    assert_eq!(find_peaks(&v, &o).unwrap(), find_peaks(&v.to_owned(), &o).unwrap());
    // argrelmax on an empty array and on f32.
    assert_eq!(argrelmax(&Array1::<f64>::zeros(0), 0, 1, ExtremaMode::Clip).unwrap()[0].len(), 0);
    let xf = Array1::from(vec![0.0f32, 1.0, 0.0]);
    assert_eq!(argrelmax(&xf, 0, 1, ExtremaMode::Clip).unwrap()[0].to_vec(), vec![1]);
}

#[test]
fn bad_peak_input() {
    let x = Array1::from(vec![0.0, 2.0, 1.0, 3.0, 0.0]);
    let d = FindPeaksOptions::default();
    let cases: Vec<(&str, Result<(), SignalError>, &str)> = vec![
        (
            "distance < 1",
            find_peaks(&x, &FindPeaksOptions { distance: Some(0.5), ..d }).map(drop),
            "distance",
        ),
        (
            "distance NaN",
            find_peaks(&x, &FindPeaksOptions { distance: Some(f64::NAN), ..d }).map(drop),
            "distance",
        ),
        (
            "wlen 1",
            find_peaks(&x, &FindPeaksOptions { prominence: Some(PeakBound::min(0.0)), wlen: Some(1.0), ..d })
                .map(drop),
            "wlen",
        ),
        (
            "rel_height < 0",
            find_peaks(&x, &FindPeaksOptions { width: Some(PeakBound::min(0.0)), rel_height: -0.1, ..d })
                .map(drop),
            "rel_height",
        ),
        ("peak out of range", peak_prominences(&x, &[7], None).map(drop), "peaks"),
        ("prominence wlen", peak_prominences(&x, &[1], Some(0.5)).map(drop), "wlen"),
        ("widths rel_height", peak_widths(&x, &[1], -1.0, None, None).map(drop), "rel_height"),
        (
            "widths data length",
            peak_widths(&x, &[1, 3], 0.5, Some((&[1.0], &[0], &[2])), None).map(drop),
            "prominence_data",
        ),
        (
            "widths data invalid",
            peak_widths(&x, &[1], 0.5, Some((&[1.0], &[2], &[4])), None).map(drop),
            "prominence_data",
        ),
        ("argrel order 0", argrelmax(&x, 0, 0, ExtremaMode::Clip).map(drop), "order"),
    ];
    for (what, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg, "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
    assert!(matches!(argrelmax(&x, 1, 1, ExtremaMode::Clip), Err(SignalError::Array(_))));
}

//! threshold_otsu, threshold_local and peak_local_max against scikit-image.

use sci_array::ndarray::{Array2, Ix2};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_ndimage::{LocalMethod, Mode, PeakOptions, peak_local_max, threshold_local, threshold_otsu};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/skimage.json")).expect("fixture")
}

fn peaks(f: &Fixture, key: &str) -> Vec<[usize; 2]> {
    let a = f.array_i64(key);
    if a.is_empty() {
        return Vec::new();
    }
    let a = a.into_dimensionality::<Ix2>().unwrap();
    a.rows().into_iter().map(|r| [r[0] as usize, r[1] as usize]).collect()
}

#[test]
fn skimage_tools_match() {
    let f = fx();
    for name in ["blobs", "gradient"] {
        let img: Array2<f64> = f.array_f64(name).into_dimensionality().unwrap();
        for nb in [256usize, 64, 7] {
            let t = threshold_otsu(&img, nb).unwrap();
            assert_eq!(t, f.f64(&format!("otsu_{name}_{nb}")), "otsu {name} {nb}");
        }
        for (method, bs, m) in [
            ("gaussian", 15, LocalMethod::Gaussian),
            ("mean", 9, LocalMethod::Mean),
            ("median", 7, LocalMethod::Median),
        ] {
            let t = threshold_local(&img, bs, m, 0.01, Mode::Reflect).unwrap();
            let want = f.array_f64(&format!("local_{name}_{method}"));
            check_allclose(&t.into_dyn(), &want, 1e-12, 1e-14)
                .unwrap_or_else(|e| panic!("{name} {method}: {e}"));
        }
        let t = threshold_local(&img, 11, LocalMethod::GaussianSigma(2.5), 0.0, Mode::Nearest).unwrap();
        check_allclose(&t.into_dyn(), &f.array_f64(&format!("local_{name}_sigma")), 1e-12, 1e-14).unwrap();
        for md in [0usize, 1, 3, 10] {
            let got = peak_local_max(&img, &PeakOptions { min_distance: md, ..Default::default() }).unwrap();
            assert_eq!(got, peaks(&f, &format!("peaks_{name}_{md}")), "peaks {name} min_distance {md}");
        }
        let got = peak_local_max(
            &img,
            &PeakOptions { min_distance: 2, threshold_rel: Some(0.5), ..Default::default() },
        )
        .unwrap();
        assert_eq!(got, peaks(&f, &format!("peaks_{name}_rel")), "{name} rel");
        let opts = PeakOptions {
            min_distance: 2,
            threshold_abs: Some(0.3),
            exclude_border: false,
            ..Default::default()
        };
        assert_eq!(peak_local_max(&img, &opts).unwrap(), peaks(&f, &format!("peaks_{name}_abs_noborder")));
        let opts = PeakOptions { num_peaks: Some(5), ..Default::default() };
        assert_eq!(peak_local_max(&img, &opts).unwrap(), peaks(&f, &format!("peaks_{name}_num")));
    }
}

#[test]
fn skimage_bad_input() {
    let mut img = Array2::from_elem((4, 4), 1.0);
    assert_eq!(threshold_otsu(&img, 256).unwrap(), 1.0);
    assert!(peak_local_max(&img, &PeakOptions::default()).unwrap().is_empty());
    assert!(threshold_otsu(&Array2::<f64>::zeros((0, 3)), 256).is_err());
    assert!(threshold_otsu(&img, 0).is_err());
    assert!(threshold_local(&img, 4, LocalMethod::Mean, 0.0, Mode::Reflect).is_err());
    img[[1, 1]] = f64::NAN;
    assert!(threshold_otsu(&img, 256).is_err());
    assert!(threshold_local(&img, 3, LocalMethod::Mean, 0.0, Mode::Reflect).is_err());
    assert!(peak_local_max(&img, &PeakOptions::default()).is_err());
}

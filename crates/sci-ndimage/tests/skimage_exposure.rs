//! rescale_intensity, rgb2gray, img_as_float, img_as_ubyte against scikit-image fixtures from
//! tools/fixtures/ndimage_skimage_exposure.py.

mod common;

use common::keys;
use sci_array::ndarray::{ArrayD, IxDyn};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/skimage_exposure.json")).unwrap()
}

fn range(name: &str) -> IntensityRange {
    match name {
        "image" => IntensityRange::Image,
        "dtype" => IntensityRange::Dtype,
        "uint8" => IntensityRange::DtypeRange(0.0, 255.0),
        "float" => IntensityRange::DtypeRange(-1.0, 1.0),
        "int8" => IntensityRange::DtypeRange(-128.0, 127.0),
        "pair" => IntensityRange::Values(10.0, 200.0),
        "pair_neg" => IntensityRange::Values(-0.5, 0.25),
        r => panic!("{r}"),
    }
}

/// Run the case on an image of element type `T`, returning the result as f64 and whether
/// the output type matched the expected dtype.
fn run<T: ImageElement>(fx: &Fixture, c: &str, x: &ArrayD<T>) -> ArrayD<f64> {
    let f = fx.str(&format!("{c}/fn"));
    let want_dt = fx.str(&format!("{c}/expected/dtype"));
    let g = |k: &str| format!("{c}/{k}");
    match f {
        "img_as_float" => {
            let r = img_as_float(x).unwrap();
            let dt = if std::mem::size_of::<T::Float>() == 4 { "float32" } else { "float64" };
            assert_eq!(dt, want_dt, "{c}");
            r.mapv(|v| v.to_f64())
        }
        "img_as_ubyte" => {
            assert_eq!(want_dt, "uint8");
            img_as_ubyte(x).unwrap().mapv(|v| v as f64)
        }
        "rgb2gray" => {
            let r = rgb2gray(x, fx.i64(&g("channel_axis")) as isize).unwrap();
            let dt = if std::mem::size_of::<T::Float>() == 4 { "float32" } else { "float64" };
            assert_eq!(dt, want_dt, "{c}");
            r.mapv(|v| v.to_f64())
        }
        "rescale_intensity" => {
            let (ir, or) = (range(fx.str(&g("in_range"))), range(fx.str(&g("out_range"))));
            macro_rules! go {
                ($u:ty) => {
                    rescale_intensity::<T, $u, _, _>(x, ir, or).unwrap().mapv(|v| v as f64)
                };
            }
            match want_dt {
                "uint8" => go!(u8),
                "uint16" => go!(u16),
                "int8" => go!(i8),
                "int16" => go!(i16),
                "float32" => go!(f32),
                "float64" => go!(f64),
                d => panic!("{c}: {d}"),
            }
        }
        other => panic!("{other}"),
    }
}

#[test]
fn skimage_exposure_matches_scikit_image() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let p = format!("{c}/input");
        let got = match fx.str(&format!("{p}/dtype")) {
            "uint8" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as u8)),
            "uint16" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as u16)),
            "uint32" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as u32)),
            "int8" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as i8)),
            "int16" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as i16)),
            "int32" => run(&fx, &c, &fx.array_i64(&p).mapv(|v| v as i32)),
            "int64" => run(&fx, &c, &fx.array_i64(&p)),
            "float32" => run(&fx, &c, &fx.array_f64(&p).mapv(|v| v as f32)),
            "float64" => run(&fx, &c, &fx.array_f64(&p)),
            "bool" => run(&fx, &c, &fx.array_bool(&p)),
            d => panic!("{name}: {d}"),
        };
        let want = fx.array_f64(&format!("{c}/expected"));
        if name.starts_with("rgb2gray") {
            // NumPy's matmul may sum the three products in another order (one ulp).
            assert_allclose(&got, &want, 1e-15, 0.0);
        } else {
            assert_array_equal(&got, &want);
        }
        n += 1;
    }
    assert!(n >= 250, "only {n} cases");
}

#[test]
fn skimage_exposure_bad_input() {
    let f = ArrayD::from_elem(IxDyn(&[2, 2]), 1.5f64);
    let rgb4 = ArrayD::from_elem(IxDyn(&[2, 4]), 0.5f64);
    let empty = ArrayD::<f64>::zeros(IxDyn(&[0]));
    let cases: Vec<(String, &str)> = vec![
        (img_as_ubyte(&f).unwrap_err().to_string(), "between -1 and 1"),
        (img_as_ubyte(&empty).unwrap_err().to_string(), "zero-size"),
        (rgb2gray(&rgb4, -1).unwrap_err().to_string(), "size 3 along `channel_axis`"),
        (rgb2gray(&rgb4, 2).unwrap_err().to_string(), "channel_axis"),
        (
            rescale_intensity::<f64, f64, _, _>(&empty, IntensityRange::Image, IntensityRange::Dtype)
                .unwrap_err()
                .to_string(),
            "zero-size",
        ),
    ];
    for (e, msg) in cases {
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

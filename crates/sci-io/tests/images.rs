//! Image files (fixtures from tools/fixtures/io_images.py): the arrays sci reads equal those
//! `skimage.io.imread` returns for files written by Pillow / tifffile, lossless files written by
//! sci read back unchanged, and bad input is an error.

#![cfg(feature = "image")]

use std::path::PathBuf;

use sci_array::ndarray::{Array2, Array3, ArrayD, Axis, IxDyn, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_io::*;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fx() -> Fixture {
    Fixture::load(format!("{DIR}/io_images.json")).unwrap()
}

fn file_cases(f: &Fixture) -> Vec<String> {
    f.keys().into_iter().filter(|k| !k.starts_with('_') && k != "ubyte").collect()
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sci_io_images_{}_{name}", std::process::id()))
}

/// The image as i64 values and its bit depth.
fn as_i64(img: &Image) -> (ArrayD<i64>, &'static str) {
    match img {
        Image::Gray8(a) => (a.mapv(i64::from).into_dyn(), "uint8"),
        Image::Gray16(a) => (a.mapv(i64::from).into_dyn(), "uint16"),
        Image::Color8(a) => (a.mapv(i64::from).into_dyn(), "uint8"),
        Image::Color16(a) => (a.mapv(i64::from).into_dyn(), "uint16"),
    }
}

#[test]
fn reads_what_skimage_reads() {
    let f = fx();
    let cases = file_cases(&f);
    assert_eq!(cases.len(), 24);
    for c in cases {
        let p = |k: &str| format!("{c}/{k}");
        let path = format!("{DIR}/images/{}", f.str(&p("file")));
        let img = imread(&path).unwrap();
        let (got, dtype) = as_i64(&img);
        assert_eq!(dtype, f.str(&p("dtype")), "{c}");
        let want = f.array_i64(&p("array"));
        assert_eq!(got.shape(), want.shape(), "{c}");
        // JPEG: libjpeg (under Pillow) and the image crate's decoder round their IDCT and
        // chroma upsampling differently: at most 2 levels on these smooth images (1 for gray),
        // 3 for the 4:2:0 colour file, whose chroma is interpolated (measured: 1, 2, 3).
        let atol = match c.as_str() {
            "rgb8_jpg" => 3.0,
            c if c.ends_with("_jpg") => 2.0,
            _ => 0.0,
        };
        assert_allclose(&got.mapv(|v| v as f64), &want.mapv(|v| v as f64), 0.0, atol);
        assert_allclose(&img.clone().into_f64(), &f.array_f64(&p("as_float")), 1e-15, atol / 255.0);
        // the same through memory and a reader
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(imread_from_bytes(&bytes).unwrap(), img, "{c}");
        assert_eq!(imread_from_reader(std::io::Cursor::new(&bytes)).unwrap(), img, "{c}");
        if f.get(&c).get("as_gray").is_some() {
            let g = imread_as_gray(&path).unwrap();
            assert_allclose(&g, &f.array_f64(&p("as_gray")), 1e-14, atol / 255.0);
        }
    }
}

#[test]
fn float_arrays_are_scaled_as_img_as_ubyte() {
    let f = fx();
    for (src, want) in [("f64", "f64_u8"), ("f32", "f32_u8")] {
        let want = f.array_i64(&format!("ubyte/{want}")).mapv(|v| v as u8);
        let x = f.array_f64(&format!("ubyte/{src}"));
        let n = x.len();
        let bytes = if src == "f32" {
            let x = x.mapv(|v| v as f32).into_shape_with_order((1, n)).unwrap();
            imsave_to_bytes(&x, ImageFormat::Png, &ImsaveOptions::default()).unwrap()
        } else {
            let x = x.into_shape_with_order((1, n)).unwrap();
            imsave_to_bytes(&x, ImageFormat::Png, &ImsaveOptions::default()).unwrap()
        };
        let Image::Gray8(got) = imread_from_bytes(&bytes).unwrap() else { panic!("not gray8") };
        assert_eq!(got.into_dyn(), want.into_shape_with_order(IxDyn(&[1, n])).unwrap(), "{src}");
    }
}

fn roundtrip(img: &Image, fmt: ImageFormat, name: &str) -> Image {
    let path = tmp(name);
    let o = ImsaveOptions::default();
    match img {
        Image::Gray8(a) => imsave(&path, a, &o),
        Image::Gray16(a) => imsave(&path, a, &o),
        Image::Color8(a) => imsave(&path, a, &o),
        Image::Color16(a) => imsave(&path, a, &o),
    }
    .unwrap();
    let back = imread(&path).unwrap();
    assert_eq!(imsave_to_bytes_of(img, fmt), std::fs::read(&path).unwrap(), "{name}");
    std::fs::remove_file(&path).unwrap();
    back
}

fn imsave_to_bytes_of(img: &Image, fmt: ImageFormat) -> Vec<u8> {
    let o = ImsaveOptions::default();
    match img {
        Image::Gray8(a) => imsave_to_bytes(a, fmt, &o),
        Image::Gray16(a) => imsave_to_bytes(a, fmt, &o),
        Image::Color8(a) => imsave_to_bytes(a, fmt, &o),
        Image::Color16(a) => imsave_to_bytes(a, fmt, &o),
    }
    .unwrap()
}

#[test]
fn lossless_roundtrips() {
    let f = fx();
    let mut n = 0;
    for c in file_cases(&f) {
        if c.ends_with("_jpg") {
            continue;
        }
        let img = imread(format!("{DIR}/images/{}", f.str(&format!("{c}/file")))).unwrap();
        let sixteen = matches!(img, Image::Gray16(_) | Image::Color16(_));
        let ch = img.channels();
        for (fmt, ext, ok) in [
            (ImageFormat::Png, "png", true),
            (ImageFormat::Tiff, "tif", ch != 2),
            (ImageFormat::Bmp, "bmp", !sixteen && ch != 2),
        ] {
            if ok {
                assert_eq!(roundtrip(&img, fmt, &format!("{c}.{ext}")), img, "{c} as {ext}");
                n += 1;
            }
        }
    }
    assert!(n >= 50, "{n}");
}

#[test]
fn non_contiguous_arrays_are_saved_in_logical_order() {
    let a = Array3::from_shape_fn((6, 8, 3), |(i, j, k)| (i * 40 + j * 5 + k * 70) as u8);
    // a transposed view (F-order-like strides), a stepped slice and reversed channels
    let t = a.view().permuted_axes([1, 0, 2]);
    let stepped = a.slice(s![..;2, 1..;3, ..;-1]);
    for (v, name) in [(t.to_owned(), "t"), (stepped.to_owned(), "stepped")] {
        let view = if name == "t" { t.view() } else { stepped.view() };
        for fmt in [ImageFormat::Png, ImageFormat::Tiff, ImageFormat::Bmp] {
            let bytes = imsave_to_bytes(&view, fmt, &ImsaveOptions::default()).unwrap();
            assert_eq!(imread_from_bytes(&bytes).unwrap(), Image::Color8(v.clone()), "{name} {fmt:?}");
        }
    }
    // a column of a 2-d u16 array as a 1-column gray image, and a single-channel 3-d array
    let g = Array2::from_shape_fn((5, 4), |(i, j)| (i * 9000 + j * 7) as u16);
    let col = g.slice(s![.., 1..2]);
    let bytes = imsave_to_bytes(&col, ImageFormat::Png, &ImsaveOptions::default()).unwrap();
    assert_eq!(imread_from_bytes(&bytes).unwrap(), Image::Gray16(col.to_owned()));
    let one = g.clone().insert_axis(Axis(2));
    let bytes = imsave_to_bytes(&one, ImageFormat::Tiff, &ImsaveOptions::default()).unwrap();
    assert_eq!(imread_from_bytes(&bytes).unwrap(), Image::Gray16(g));
}

#[test]
fn jpeg_roundtrip_is_close() {
    let a = Array3::from_shape_fn((16, 24, 3), |(i, j, k)| (30 + 4 * i + 3 * j + 20 * k) as u8);
    for q in [75, 95] {
        let o = ImsaveOptions { quality: q, ..Default::default() };
        let bytes = imsave_to_bytes(&a, ImageFormat::Jpeg, &o).unwrap();
        let Image::Color8(b) = imread_from_bytes(&bytes).unwrap() else { panic!("not rgb") };
        let err = a.iter().zip(&b).map(|(&x, &y)| (x as i32 - y as i32).abs()).max().unwrap();
        // lossy: a smooth ramp survives within a few levels
        assert!(err <= if q == 95 { 3 } else { 8 }, "quality {q}: max error {err}");
    }
    let path = tmp("q.jpeg");
    imsave(&path, &a.index_axis(Axis(2), 0), &ImsaveOptions::default()).unwrap();
    assert!(matches!(imread(&path).unwrap(), Image::Gray8(_)));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn bad_input_is_an_error() {
    let png = std::fs::read(format!("{DIR}/images/rgb8.png")).unwrap();
    let jpg = std::fs::read(format!("{DIR}/images/rgb8.jpg")).unwrap();
    let tif = std::fs::read(format!("{DIR}/images/rgb8.tif")).unwrap();
    let zero = tmp("zero.png");
    std::fs::write(&zero, b"").unwrap();
    let read_cases: Vec<(&str, Result<Image>)> = vec![
        ("truncated png", imread_from_bytes(&png[..png.len() / 2])),
        ("png header only", imread_from_bytes(&png[..20])),
        ("truncated jpeg", imread_from_bytes(&jpg[..jpg.len() / 2])),
        ("truncated tiff", imread_from_bytes(&tif[..tif.len() / 3])),
        ("garbage", imread_from_bytes(&[7u8; 300])),
        ("empty bytes", imread_from_bytes(&[])),
        ("zero-byte file", imread(&zero)),
        ("missing file", imread(tmp("does_not_exist.png"))),
    ];
    for (what, r) in read_cases {
        match r {
            Err(IoError::Image { .. }) if what != "missing file" => {}
            Err(IoError::File { .. }) if what == "missing file" => {}
            other => panic!("{what}: {other:?}"),
        }
    }
    std::fs::remove_file(&zero).unwrap();
    assert!(matches!(
        imread_as_gray(format!("{DIR}/images/la8.png")),
        Err(IoError::InvalidArgument { arg: "as_gray", .. })
    ));

    let o = ImsaveOptions::default();
    let rgb = Array3::<u8>::zeros((4, 4, 3));
    let rgba = Array3::<u8>::zeros((4, 4, 4));
    let la = Array3::<u8>::zeros((4, 4, 2));
    let g16 = Array2::<u16>::zeros((4, 4));
    let png_ = ImageFormat::Png;
    let write_cases: Vec<(&str, &str, Result<Vec<u8>>)> = vec![
        ("4-d", "arr", imsave_to_bytes(&ArrayD::<u8>::zeros(IxDyn(&[2, 2, 2, 2])), png_, &o)),
        ("1-d", "arr", imsave_to_bytes(&ArrayD::<u8>::zeros(IxDyn(&[4])), png_, &o)),
        ("5 channels", "arr", imsave_to_bytes(&Array3::<u8>::zeros((2, 2, 5)), png_, &o)),
        ("0 channels", "arr", imsave_to_bytes(&Array3::<u8>::zeros((2, 2, 0)), png_, &o)),
        ("empty rows", "arr", imsave_to_bytes(&Array2::<u8>::zeros((0, 3)), png_, &o)),
        ("empty cols", "arr", imsave_to_bytes(&Array2::<u8>::zeros((3, 0)), png_, &o)),
        ("float above 1", "arr", imsave_to_bytes(&Array2::from_elem((2, 2), 1.5f64), png_, &o)),
        ("float below 0", "arr", imsave_to_bytes(&Array2::from_elem((2, 2), -0.1f32), png_, &o)),
        ("float nan", "arr", imsave_to_bytes(&Array2::from_elem((2, 2), f64::NAN), png_, &o)),
        ("float inf", "arr", imsave_to_bytes(&Array2::from_elem((2, 2), f64::INFINITY), png_, &o)),
        ("rgba jpeg", "arr", imsave_to_bytes(&rgba, ImageFormat::Jpeg, &o)),
        ("gray+alpha jpeg", "arr", imsave_to_bytes(&la, ImageFormat::Jpeg, &o)),
        ("16-bit jpeg", "arr", imsave_to_bytes(&g16, ImageFormat::Jpeg, &o)),
        ("gray+alpha tiff", "arr", imsave_to_bytes(&la, ImageFormat::Tiff, &o)),
        ("16-bit bmp", "arr", imsave_to_bytes(&g16, ImageFormat::Bmp, &o)),
        ("gray+alpha bmp", "arr", imsave_to_bytes(&la, ImageFormat::Bmp, &o)),
        (
            "quality 0",
            "quality",
            imsave_to_bytes(&rgb, ImageFormat::Jpeg, &ImsaveOptions { quality: 0, format: None }),
        ),
        (
            "quality 101",
            "quality",
            imsave_to_bytes(&rgb, ImageFormat::Jpeg, &ImsaveOptions { quality: 101, format: None }),
        ),
    ];
    for (what, want_arg, r) in write_cases {
        match r {
            Err(IoError::InvalidArgument { arg, .. }) if arg == want_arg => {}
            other => panic!("{what}: {:?}", other.map(|b| b.len())),
        }
    }
    let msg = imsave_to_bytes(&Array2::from_elem((2, 2), 1.5f64), png_, &o).unwrap_err().to_string();
    assert!(msg.contains("between 0 and 1"), "{msg}");
    for name in ["a.gif", "a", "a.png.txt"] {
        match imsave(tmp(name), &rgb, &o) {
            Err(IoError::InvalidArgument { arg: "path", .. }) => {}
            other => panic!("{name}: {other:?}"),
        }
    }
    // the format option overrides the extension
    let path = tmp("forced.dat");
    imsave(&path, &rgb, &ImsaveOptions { format: Some(ImageFormat::Bmp), ..Default::default() }).unwrap();
    assert_eq!(&std::fs::read(&path).unwrap()[..2], b"BM");
    std::fs::remove_file(&path).unwrap();
    // a directory that does not exist
    assert!(matches!(imsave(tmp("no_dir/x.png"), &rgb, &o), Err(IoError::File { .. })));
}

/// Writes images and the arrays they hold (.npy) into `$SCI_IO_WRITE_DIR` for
/// `python3 tools/fixtures/io_images.py --check $SCI_IO_WRITE_DIR`, which reads them with
/// skimage.io.imread.
#[test]
#[ignore = "writes files for the manual Python check; run with SCI_IO_WRITE_DIR=dir"]
fn writes_files_for_python() {
    let dir = PathBuf::from(std::env::var("SCI_IO_WRITE_DIR").expect("set SCI_IO_WRITE_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let o = ImsaveOptions::default();
    let g8 = Array2::from_shape_fn((7, 5), |(i, j)| (i * 37 + j * 11) as u8);
    let g16 = Array2::from_shape_fn((7, 5), |(i, j)| (i * 9001 + j * 13) as u16);
    let c8 = |c| Array3::from_shape_fn((7, 5, c), |(i, j, k)| (i * 31 + j * 7 + k * 60) as u8);
    let c16 = |c| Array3::from_shape_fn((7, 5, c), |(i, j, k)| (i * 7001 + j * 3 + k * 20000) as u16);
    let smooth = Array3::from_shape_fn((16, 24, 3), |(i, j, k)| (30 + 4 * i + 3 * j + 20 * k) as u8);
    macro_rules! put {
        ($name:expr, $a:expr) => {{
            imsave(dir.join($name), &$a, &o).unwrap();
            save_npy(dir.join(format!("{}.npy", $name)), &$a).unwrap();
        }};
    }
    for ext in ["png", "tif", "bmp"] {
        put!(format!("gray8.{ext}"), g8);
        put!(format!("rgb8.{ext}"), c8(3));
        put!(format!("rgba8.{ext}"), c8(4));
    }
    put!("la8.png", c8(2));
    put!("gray16.png", g16);
    put!("gray16.tif", g16);
    put!("rgb16.tif", c16(3));
    put!("rgba16.tif", c16(4));
    put!("rgb8.jpg", smooth);
    put!("gray8.jpg", smooth.index_axis(Axis(2), 1).to_owned());
}

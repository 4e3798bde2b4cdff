//! `.npz` archives written by NumPy (plain and compressed) are read; archives written by sci
//! hold `.npy` members identical to NumPy's.

use sci_array::ndarray::{Array1, Array2, Ix0, Ix1, Ix2, array};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_io::*;
use std::io::Read;
use std::path::PathBuf;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io_npy.json")).unwrap()
}

fn npz(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/npy")).join(name)
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sci_io_npz_{}_{name}", std::process::id()))
}

#[test]
fn reads_numpy_archives() {
    let f = fx();
    for file in ["plain.npz", "compressed.npz"] {
        let m = load_npz(npz(file)).unwrap();
        assert_eq!(
            m.keys().map(String::as_str).collect::<Vec<_>>(),
            ["idx", "mask", "s", "x", "z"],
            "{file}"
        );
        let x = m["x"].clone().into_array::<f64, Ix2>().unwrap();
        assert_array_equal(&x.into_dyn(), &f.array_f64("npz/x"));
        let idx = m["idx"].clone().into_array::<i64, Ix1>().unwrap();
        assert_array_equal(&idx.into_dyn(), &f.array_i64("npz/idx"));
        let mask = m["mask"].clone().into_array::<bool, Ix1>().unwrap();
        assert_array_equal(&mask.into_dyn(), &f.array_bool("npz/mask"));
        let z = m["z"].clone().into_array::<Complex64, Ix1>().unwrap();
        assert_array_equal(&z.into_dyn(), &f.array_c64("npz/z"));
        let s = m["s"].clone().into_array::<i32, Ix0>().unwrap();
        assert_eq!(s[()], 7);
    }
    let m = load_npz(npz("positional.npz")).unwrap();
    assert_array_equal(
        &m["arr_0"].clone().into_array::<f64, Ix1>().unwrap().into_dyn(),
        &f.array_f64("npz_positional/arr_0"),
    );
    assert_eq!(m["arr_1"].clone().into_array::<i16, Ix1>().unwrap(), array![0i16, 1]);
}

/// The raw bytes of each member of a zip archive.
fn members(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut za = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..za.len())
        .map(|i| {
            let mut m = za.by_index(i).unwrap();
            let mut v = Vec::new();
            m.read_to_end(&mut v).unwrap();
            (m.name().unwrap().to_string(), v)
        })
        .collect()
}

#[test]
fn written_members_equal_numpys() {
    let numpy = members(&npz("plain.npz"));
    let m = load_npz(npz("plain.npz")).unwrap();
    for (compressed, file) in [(false, "w.npz"), (true, "wc.npz")] {
        let p = tmp(file);
        let arrays: Vec<(&str, &dyn WriteNpy)> =
            vec![("x", &m["x"]), ("idx", &m["idx"]), ("mask", &m["mask"]), ("z", &m["z"]), ("s", &m["s"])];
        if compressed {
            savez_compressed(&p, &arrays).unwrap();
        } else {
            savez(&p, &arrays).unwrap();
        }
        let mut ours = members(&p);
        ours.sort();
        let mut theirs = numpy.clone();
        theirs.sort();
        assert_eq!(ours, theirs, "{file}");
        std::fs::remove_file(&p).unwrap();
    }
}

#[test]
fn roundtrip_mixed_types_and_views() {
    let a = Array2::from_shape_fn((4, 5), |(i, j)| (i as f32) - (j as f32) / 3.0);
    let e = Array1::<u64>::zeros(0);
    let v = a.slice(sci_array::ndarray::s![..;-1, 1..;2]);
    let p = tmp("mixed.npz");
    savez(&p, &[("a", &a), ("empty", &e), ("view", &v), ("flag", &sci_array::ndarray::arr0(false))]).unwrap();
    let m = load_npz(&p).unwrap();
    assert_eq!(m.len(), 4);
    assert_eq!(m["a"].clone().into_array::<f32, Ix2>().unwrap(), a);
    assert_eq!(m["empty"].shape(), &[0]);
    assert_eq!(m["view"].clone().into_array::<f32, Ix2>().unwrap(), v);
    assert_eq!(m["flag"].dtype().descr(), "|b1");
    std::fs::remove_file(&p).unwrap();
}

#[test]
fn bad_npz_input_table() {
    // Bad arguments.
    let a = array![1.0];
    let p = tmp("bad_args.npz");
    for arrays in [vec![("", &a)], vec![("a", &a), ("a", &a)]] {
        let arrays: Vec<(&str, &dyn WriteNpy)> =
            arrays.into_iter().map(|(n, x)| (n, x as &dyn WriteNpy)).collect();
        assert!(matches!(savez(&p, &arrays), Err(IoError::InvalidArgument { arg: "arrays", .. })));
    }
    // Damaged archives.
    let good = std::fs::read(npz("plain.npz")).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("not a zip", b"hello world, this is not a zip archive at all".to_vec()),
        ("cut in half", good[..good.len() / 2].to_vec()),
        ("no central directory end", good[..good.len() - 10].to_vec()),
    ];
    for (what, bytes) in cases {
        std::fs::write(&p, &bytes).unwrap();
        let e = load_npz(&p).unwrap_err();
        assert!(matches!(e, IoError::Zip { .. }), "{what}: {e:?}");
    }
    // A member that is not a valid .npy file: the error names archive and member.
    {
        let mut zw = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        zw.start_file("junk.npy", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zw, b"\x93NUMPY\x01\x00\x40\x00{'descr': '<f8',").unwrap();
        zw.finish().unwrap();
    }
    let e = load_npz(&p).unwrap_err();
    assert!(matches!(e, IoError::Truncated { .. }), "{e:?}");
    assert!(e.to_string().contains("[junk.npy]"), "{e}");
    // A compressed member whose header claims far more data than it holds.
    {
        let mut zw = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        let opts =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zw.start_file("big.npy", opts).unwrap();
        let h = NpyHeader { dtype: Dtype::parse("<f8").unwrap(), fortran_order: false, shape: vec![1 << 40] };
        std::io::Write::write_all(&mut zw, &h.to_bytes()).unwrap();
        std::io::Write::write_all(&mut zw, &[0u8; 64]).unwrap();
        zw.finish().unwrap();
    }
    assert!(matches!(load_npz(&p), Err(IoError::Truncated { .. })));
    std::fs::remove_file(&p).unwrap();
    assert!(matches!(load_npz(tmp("missing.npz")), Err(IoError::File { .. })));
}

#[test]
fn load_tells_formats_apart() {
    assert!(matches!(load(npz("plain.npz")).unwrap(), Loaded::Npz(m) if m.len() == 5));
    assert!(matches!(load(npz("c_f8.npy")).unwrap(), Loaded::Npy(a) if a.shape() == [2, 3]));
    let p = tmp("neither.bin");
    for bytes in [&b""[..], b"PK", b"hello world"] {
        std::fs::write(&p, bytes).unwrap();
        assert!(matches!(load(&p), Err(IoError::BadMagic { .. })), "{bytes:?}");
    }
    std::fs::write(&p, b"PK\x03\x04 truncated zip").unwrap();
    assert!(matches!(load(&p), Err(IoError::Zip { .. })));
    std::fs::remove_file(&p).unwrap();
    assert!(matches!(load(tmp("missing.npy")), Err(IoError::File { .. })));
}

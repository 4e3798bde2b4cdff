//! `.npy` files written by NumPy are read exactly; files written by sci are byte-identical to
//! NumPy's; malformed files give typed errors.

use sci_array::ndarray::{Array, Array2, ArrayD, Ix0, Ix1, Ix2, Ix3, IxDyn, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_io::*;
use std::path::PathBuf;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io_npy.json")).unwrap()
}

fn npy(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/npy")).join(name)
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sci_io_test_{}_{name}", std::process::id()))
}

/// Real-valued contents as f64 (exact for every fixture value).
fn real(a: &NpyArray) -> Option<ArrayD<f64>> {
    Some(match a {
        NpyArray::I8(x) => x.mapv(f64::from),
        NpyArray::I16(x) => x.mapv(f64::from),
        NpyArray::I32(x) => x.mapv(f64::from),
        NpyArray::I64(x) => x.mapv(|v| v as f64),
        NpyArray::U8(x) => x.mapv(f64::from),
        NpyArray::U16(x) => x.mapv(f64::from),
        NpyArray::U32(x) => x.mapv(f64::from),
        NpyArray::U64(x) => x.mapv(|v| v as f64),
        NpyArray::F32(x) => x.mapv(f64::from),
        NpyArray::F64(x) => x.clone(),
        _ => return None,
    })
}

fn check_case(f: &Fixture, name: &str, a: &NpyArray) {
    let key = format!("{name}/value");
    match a {
        NpyArray::Bool(x) => assert_array_equal(x, &f.array_bool(&key)),
        NpyArray::C64(x) => {
            assert_array_equal(&x.mapv(|z| Complex64::new(z.re.into(), z.im.into())), &f.array_c64(&key))
        }
        NpyArray::C128(x) => assert_array_equal(x, &f.array_c64(&key)),
        other => assert_array_equal(&real(other).unwrap(), &f.array_f64(&key)),
    }
}

#[test]
fn reads_every_numpy_fixture() {
    let f = fx();
    let mut n = 0;
    for name in f.keys() {
        if name.starts_with('_') || name.starts_with("npz") {
            continue;
        }
        let path = npy(&format!("{name}.npy"));
        let h = read_npy_header(&path).unwrap();
        assert_eq!(h.dtype.descr(), f.str(&format!("{name}/descr")), "{name}");
        assert_eq!(h.fortran_order, f.get(&format!("{name}/fortran_order")).as_bool().unwrap(), "{name}");
        let a = load_npy_dyn(&path).unwrap();
        assert!(a.dtype().is_native());
        check_case(&f, &name, &a);
        // Same through the generic reader (no known size).
        let mut file = std::fs::File::open(&path).unwrap();
        let b = read_npy_dyn(&mut file).unwrap();
        let (mut ba, mut bb) = (Vec::new(), Vec::new());
        a.write_npy_to(&mut ba).unwrap();
        b.write_npy_to(&mut bb).unwrap();
        assert_eq!(ba, bb, "{name}"); // bitwise, so NaN compares equal
        n += 1;
    }
    assert_eq!(n, 33, "number of .npy fixtures");
}

#[test]
fn typed_loads_match() {
    let f = fx();
    let a = load_npy::<f64, Ix2>(npy("c_f8.npy")).unwrap();
    assert_array_equal(&a.into_dyn(), &f.array_f64("c_f8/value"));
    let a = load_npy::<i16, Ix2>(npy("be_i2.npy")).unwrap();
    assert_eq!(a, array![[1i16, 1001, 2001], [3001, 4001, 5001]]);
    let a = load_npy::<u64, IxDyn>(npy("be_u8.npy")).unwrap();
    assert_eq!(a.shape(), &[2, 3]);
    let a = load_npy::<Complex32, Ix2>(npy("be_c8.npy")).unwrap();
    assert_eq!(a[[0, 1]], Complex32::new(1001.0 / 9.0, 0.0));
    let a = load_npy::<bool, Ix0>(npy("scalar_b1.npy")).unwrap();
    assert!(a[()]);
    let a = load_npy::<f64, Ix0>(npy("scalar_f8.npy")).unwrap();
    assert_eq!(a[()], 3.5);
    let a = load_npy::<f64, Ix1>(npy("empty_1d_f8.npy")).unwrap();
    assert_eq!(a.len(), 0);
    let a = load_npy::<i32, Ix2>(npy("empty_0x3_i4.npy")).unwrap();
    assert_eq!(a.shape(), &[0, 3]);
    let a = load_npy::<f64, Ix2>(npy("empty_2x0_f8.npy")).unwrap();
    assert_eq!(a.shape(), &[2, 0]);
    assert_allclose(
        &load_npy::<f64, Ix1>(npy("long_1d_f8.npy")).unwrap(),
        &Array::linspace(0.0, 1.0, 1000),
        1e-15,
        0.0,
    );
}

#[test]
fn fortran_order_files_have_right_logical_layout() {
    let a = load_npy::<f64, Ix2>(npy("f_f8.npy")).unwrap();
    let want = Array::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64 / 5.0);
    assert_eq!(a, want);
    assert!(a.t().is_standard_layout(), "memory stays column-major");
    let b = load_npy::<i32, Ix3>(npy("f_i4.npy")).unwrap();
    assert_eq!(b, Array::from_shape_fn((2, 3, 2), |(i, j, k)| (i * 6 + j * 2 + k) as i32));
    let c = load_npy::<f64, Ix2>(npy("f_be_f8.npy")).unwrap();
    assert_eq!(c, array![[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]);
}

fn assert_same_bytes<T: NpyElement, D: sci_array::ndarray::Dimension>(name: &str) {
    let path = npy(&format!("{name}.npy"));
    let a = load_npy::<T, D>(&path).unwrap();
    let mut buf = Vec::new();
    write_npy(&mut buf, &a).unwrap();
    assert_eq!(buf, std::fs::read(&path).unwrap(), "{name}: sci's bytes differ from NumPy's");
}

#[test]
fn written_bytes_equal_numpys() {
    assert_same_bytes::<bool, Ix2>("c_b1");
    assert_same_bytes::<i8, Ix2>("c_i1");
    assert_same_bytes::<i16, Ix2>("c_i2");
    assert_same_bytes::<i32, Ix2>("c_i4");
    assert_same_bytes::<i64, Ix2>("c_i8");
    assert_same_bytes::<u8, Ix2>("c_u1");
    assert_same_bytes::<u16, Ix2>("c_u2");
    assert_same_bytes::<u32, Ix2>("c_u4");
    assert_same_bytes::<u64, Ix2>("c_u8");
    assert_same_bytes::<f32, Ix2>("c_f4");
    assert_same_bytes::<f64, Ix2>("c_f8");
    assert_same_bytes::<Complex32, Ix2>("c_c8");
    assert_same_bytes::<Complex64, Ix2>("c_c16");
    assert_same_bytes::<f64, Ix2>("f_f8");
    assert_same_bytes::<i32, Ix3>("f_i4");
    assert_same_bytes::<f64, Ix0>("scalar_f8");
    assert_same_bytes::<bool, Ix0>("scalar_b1");
    assert_same_bytes::<f64, Ix1>("empty_1d_f8");
    assert_same_bytes::<f64, Ix2>("empty_2x0_f8");
    assert_same_bytes::<i32, Ix2>("empty_0x3_i4");
    assert_same_bytes::<f64, Ix1>("one_1d_f8");
    assert_same_bytes::<f64, Ix1>("long_1d_f8");
}

#[test]
fn views_roundtrip_in_logical_order() {
    let a = Array2::from_shape_fn((5, 6), |(i, j)| (i * 10 + j) as f64);
    for (k, v) in [a.slice(s![..;2, ..;-1]), a.slice(s![1..4, 2..]), a.t()].into_iter().enumerate() {
        let p = tmp(&format!("view{k}.npy"));
        save_npy(&p, &v).unwrap();
        assert_eq!(load_npy::<f64, Ix2>(&p).unwrap(), v);
        std::fs::remove_file(&p).unwrap();
    }
    // A transposed (F-contiguous) array is stored in Fortran order, as NumPy does.
    let mut buf = Vec::new();
    write_npy(&mut buf, &a.t()).unwrap();
    let (h, _) = NpyHeader::from_bytes(&buf).unwrap();
    assert!(h.fortran_order);
    assert_eq!(h.shape, vec![6, 5]);
}

#[test]
fn nan_inf_and_signed_zero_roundtrip_bitwise() {
    let a = array![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, f64::MIN_POSITIVE / 2.0];
    let mut buf = Vec::new();
    write_npy(&mut buf, &a).unwrap();
    let b = read_npy::<f64, Ix1, _>(&mut buf.as_slice()).unwrap();
    for (x, y) in a.iter().zip(b.iter()) {
        assert_eq!(x.to_bits(), y.to_bits());
    }
}

#[test]
fn mmap_views_file() {
    let m = open_npy_mmap::<f64, Ix2>(npy("c_f8.npy")).unwrap();
    assert_eq!(m.shape(), &[2, 3]);
    assert_array_equal(&m.view().into_dyn().to_owned(), &fx().array_f64("c_f8/value"));
    let m = open_npy_mmap::<f64, Ix2>(npy("f_f8.npy")).unwrap();
    assert!(m.fortran_order());
    assert_eq!(m.view(), load_npy::<f64, Ix2>(npy("f_f8.npy")).unwrap());
    let m = open_npy_mmap::<bool, Ix0>(npy("scalar_b1.npy")).unwrap();
    assert!(m.view()[()]);
    let m = open_npy_mmap::<i32, Ix2>(npy("empty_0x3_i4.npy")).unwrap();
    assert_eq!(m.view().shape(), &[0, 3]);
    let m = open_npy_mmap::<Complex64, IxDyn>(npy("c_c16.npy")).unwrap();
    assert_eq!(m.view().ndim(), 2);
    // Byte-swapped files cannot be viewed in place.
    assert!(matches!(open_npy_mmap::<f64, Ix2>(npy("be_f8.npy")), Err(IoError::NotMappable { .. })));
    assert!(matches!(open_npy_mmap::<f32, Ix2>(npy("c_f8.npy")), Err(IoError::DtypeMismatch { .. })));
}

/// A valid little-endian (2, 3) f64 file as NumPy writes it.
fn good_bytes() -> Vec<u8> {
    std::fs::read(npy("c_f8.npy")).unwrap()
}

fn with_header(dict: &str, data_len: usize) -> Vec<u8> {
    let mut v = b"\x93NUMPY\x01\x00".to_vec();
    v.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    v.extend_from_slice(dict.as_bytes());
    v.resize(v.len() + data_len, 0);
    v
}

#[test]
fn bad_input_table() {
    let good = good_bytes();
    let hlen = 128;
    let mut bad_version = good.clone();
    bad_version[6] = 9;
    let mut bad_magic = good.clone();
    bad_magic[1] = b'X';
    let huge_len = {
        let mut v = good[..8].to_vec();
        v.extend_from_slice(&u16::MAX.to_le_bytes());
        v.extend_from_slice(&[b' '; 100]);
        v
    };
    let v3_huge = {
        let mut v = b"\x93NUMPY\x02\x00".to_vec();
        v.extend_from_slice(&u32::MAX.to_le_bytes());
        v
    };
    type Check = fn(&IoError) -> bool;
    let truncated: Check = |e| matches!(e, IoError::Truncated { .. });
    let magic: Check = |e| matches!(e, IoError::BadMagic { .. });
    let header: Check = |e| matches!(e, IoError::BadHeader { .. });
    let dtype: Check = |e| matches!(e, IoError::UnsupportedDtype { .. });
    let cases: Vec<(&str, Vec<u8>, Check)> = vec![
        ("empty file", vec![], truncated),
        ("3 bytes of magic", good[..3].to_vec(), truncated),
        ("magic only", good[..6].to_vec(), truncated),
        ("magic + major", good[..7].to_vec(), truncated),
        ("no header length", good[..9].to_vec(), truncated),
        ("header cut", good[..40].to_vec(), truncated),
        ("header cut at last byte", good[..hlen - 1].to_vec(), truncated),
        ("no data", good[..hlen].to_vec(), truncated),
        ("data cut", good[..good.len() - 1].to_vec(), truncated),
        ("data cut mid", good[..hlen + 20].to_vec(), truncated),
        ("bad magic", bad_magic, magic),
        ("png", b"\x89PNG\r\n\x1a\n0000".to_vec(), magic),
        ("bad version", bad_version, header),
        ("header longer than file", huge_len, truncated),
        ("v2 header of 4 GiB", v3_huge, header),
        (
            "claims 1e12 elements",
            with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", 16),
            truncated,
        ),
        (
            "shape overflows",
            with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", 0),
            header,
        ),
        (
            "negative dim",
            with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", 0),
            header,
        ),
        ("not a dict", with_header("[1, 2]", 0), header),
        ("missing shape", with_header("{'descr': '<f8', 'fortran_order': False}", 0), header),
        ("garbage", with_header("{'descr': '<f8', 'fortran_order': Fals", 0), header),
        ("object dtype", with_header("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 16), dtype),
        (
            "structured dtype",
            with_header("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", 16),
            dtype,
        ),
    ];
    for (what, bytes, check) in &cases {
        let p = tmp(&format!("bad_{}.npy", what.replace(' ', "_")));
        std::fs::write(&p, bytes).unwrap();
        let e = load_npy_dyn(&p).unwrap_err();
        assert!(check(&e), "{what}: load_npy_dyn gave {e:?}");
        assert!(e.to_string().contains(&*p.display().to_string()), "{what}: message names the file: {e}");
        let e = load_npy::<f64, IxDyn>(&p).unwrap_err();
        assert!(check(&e), "{what}: load_npy gave {e:?}");
        let e = open_npy_mmap::<f64, IxDyn>(&p).unwrap_err();
        assert!(check(&e), "{what}: open_npy_mmap gave {e:?}");
        // The reader path knows no size: buffers grow only with the data actually read.
        let e = read_npy_dyn(&mut bytes.as_slice()).unwrap_err();
        assert!(check(&e) || matches!(e, IoError::Truncated { .. }), "{what}: read_npy_dyn gave {e:?}");
        std::fs::remove_file(&p).unwrap();
    }
    for name in [
        "unsupported_object",
        "unsupported_str",
        "unsupported_f2",
        "unsupported_struct",
        "unsupported_datetime",
    ] {
        let e = load_npy_dyn(npy(&format!("{name}.npy"))).unwrap_err();
        assert!(matches!(e, IoError::UnsupportedDtype { .. }), "{name}: {e:?}");
    }
    assert!(matches!(load_npy_dyn(tmp("does_not_exist.npy")), Err(IoError::File { .. })));
    assert!(matches!(load_npy::<i64, Ix2>(npy("c_f8.npy")), Err(IoError::DtypeMismatch { .. })));
    assert!(matches!(load_npy::<f64, Ix1>(npy("c_f8.npy")), Err(IoError::DimensionMismatch { .. })));
    // mmap of a bool file holding other bytes than 0/1 is refused (the plain read maps to true).
    let mut b = with_header("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", 0);
    b.extend_from_slice(&[1, 7]);
    let p = tmp("bool7.npy");
    std::fs::write(&p, &b).unwrap();
    assert!(matches!(open_npy_mmap::<bool, Ix1>(&p), Err(IoError::NotMappable { .. })));
    assert_eq!(load_npy::<bool, Ix1>(&p).unwrap(), array![true, true]);
    std::fs::remove_file(&p).unwrap();
}

#[test]
fn dyn_array_conversions() {
    let a = load_npy_dyn(npy("c_i4.npy")).unwrap();
    assert_eq!(a.ndim(), 2);
    assert_eq!(a.len(), 6);
    assert!(!a.is_empty());
    assert!(matches!(a.clone().into_array::<i64, Ix2>(), Err(IoError::DtypeMismatch { .. })));
    assert!(matches!(a.clone().into_array::<i32, Ix1>(), Err(IoError::DimensionMismatch { .. })));
    let x = a.into_array::<i32, Ix2>().unwrap();
    let mut buf = Vec::new();
    NpyArray::from(x.clone()).write_npy_to(&mut buf).unwrap();
    assert_eq!(buf, std::fs::read(npy("c_i4.npy")).unwrap());
}

#[test]
fn writes_files_numpy_can_check() {
    // Optional cross-check: `python3 tools/fixtures/io_npy.py` loads these with NumPy.
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/sci-io-written"));
    std::fs::create_dir_all(&dir).unwrap();
    let a = Array2::from_shape_fn((3, 4), |(i, j)| Complex64::new(i as f64, -(j as f64)));
    save_npy(dir.join("c16.npy"), &a).unwrap();
    save_npy(dir.join("f_order.npy"), &a.t()).unwrap();
    savez_compressed(dir.join("mixed.npz"), &[("a", &a), ("b", &array![true, false])]).unwrap();
    assert_eq!(load_npy::<Complex64, Ix2>(dir.join("f_order.npy")).unwrap(), a.t());
}

/// Random corruptions of NumPy-written files never panic: every outcome is a value or an
/// `IoError` (deterministic pseudo-random byte flips and truncations).
#[test]
fn corrupted_files_never_panic() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let p = tmp("fuzz.npy");
    let mut outcomes = (0, 0);
    for name in ["c_f8", "f_i4", "be_c16", "scalar_b1", "empty_0x3_i4"] {
        let good = std::fs::read(npy(&format!("{name}.npy"))).unwrap();
        for _ in 0..80 {
            let mut b = good.clone();
            for _ in 0..1 + next() % 4 {
                let k = (next() % b.len() as u64) as usize;
                b[k] = next() as u8;
            }
            if next() % 3 == 0 {
                b.truncate((next() % b.len() as u64) as usize);
            }
            std::fs::write(&p, &b).unwrap();
            match load_npy_dyn(&p) {
                Ok(_) => outcomes.0 += 1,
                Err(_) => outcomes.1 += 1,
            }
            let _ = read_npy_dyn(&mut b.as_slice());
            let _ = open_npy_mmap::<f64, IxDyn>(&p).map(|m| m.view().sum());
        }
    }
    std::fs::remove_file(&p).unwrap();
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}

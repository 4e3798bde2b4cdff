//! frombuffer / tobytes against NumPy fixtures (tools/fixtures/array_shape.py).

use sci_array::ndarray::{Array2, ArrayD, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_shape.json")).unwrap()
}

fn buf(f: &Fixture, key: &str) -> Vec<u8> {
    f.array_i64(key).iter().map(|&b| b as u8).collect()
}

fn as_i64<T: Copy + Into<i64>>(a: sci_array::ndarray::Array1<T>) -> ArrayD<i64> {
    a.mapv(Into::into).into_dyn()
}

#[test]
fn frombuffer_matches_numpy_all_types() {
    let f = fx();
    let b = buf(&f, "bytes/buf");
    assert_eq!(b, (0u8..64).collect::<Vec<_>>());
    let i = |k: &str| f.array_i64(&format!("bytes/{k}"));
    let x = |k: &str| f.array_f64(&format!("bytes/{k}"));
    assert_array_equal(&frombuffer::<i64>(&b, Endian::Big).unwrap().into_dyn(), &i("be_i8"));
    assert_array_equal(&frombuffer::<i64>(&b, Endian::Little).unwrap().into_dyn(), &i("le_i8"));
    assert_array_equal(&as_i64(frombuffer::<u32>(&b, Endian::Big).unwrap()), &i("be_u4"));
    assert_array_equal(&as_i64(frombuffer::<i16>(&b, Endian::Little).unwrap()), &i("le_i2"));
    assert_array_equal(&as_i64(frombuffer::<i8>(&b, Endian::Big).unwrap()), &i("be_i1"));
    assert_array_equal(&as_i64(frombuffer::<u16>(&b, Endian::Little).unwrap()), &i("le_u2"));
    assert_array_equal(&frombuffer::<f64>(&b, Endian::Big).unwrap().into_dyn(), &x("be_f8"));
    let f4 = frombuffer::<f32>(&b, Endian::Little).unwrap().mapv(f64::from);
    assert_array_equal(&f4.into_dyn(), &x("le_f4"));
    let c = frombuffer::<Complex64>(&b, Endian::Big).unwrap();
    assert_array_equal(&c.into_dyn(), &f.array_c64("bytes/be_c16"));
    // Native order equals the machine's own.
    let native = frombuffer::<u32>(&b, Endian::Native).unwrap();
    let own = if cfg!(target_endian = "little") { Endian::Little } else { Endian::Big };
    assert_eq!(native, frombuffer::<u32>(&b, own).unwrap());
    assert_eq!(frombuffer::<u64>(&b[..8], Endian::Big).unwrap()[0], 0x0001020304050607);
}

#[test]
fn tutorial_big_endian_fortran() {
    let f = fx();
    let raw = buf(&f, "bytes/tut_bytes");
    let a = frombuffer_shaped::<i64>(&raw, Endian::Big, &[2, 2, 2], Order::F).unwrap();
    assert_eq!(a[[1, 0, 0]], 100);
    assert_array_equal(&a, &f.array_i64("bytes/tut_f"));
    let c = frombuffer_shaped::<i64>(&raw, Endian::Big, &[2, 2, 2], Order::C).unwrap();
    assert_array_equal(&c, &f.array_i64("bytes/tut_c"));
    assert_eq!(tobytes(&a, Endian::Big, Order::F), raw);
    assert_eq!(tobytes(&c, Endian::Big, Order::C), raw);
}

#[test]
fn tobytes_round_trips_views() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i as f64) - 0.5 * j as f64);
    let v = a.slice(s![..;-1, 1..;2]);
    for e in [Endian::Big, Endian::Little, Endian::Native] {
        for o in [Order::C, Order::F] {
            let b = tobytes(&v, e, o);
            assert_eq!(b.len(), v.len() * 8);
            let back = frombuffer_shaped::<f64>(&b, e, v.shape(), o).unwrap();
            assert_eq!(back, v.into_dyn());
        }
    }
    assert!(frombuffer::<f64>(&[], Endian::Big).unwrap().is_empty());
    let nan = tobytes(&array![f64::NAN, f64::NEG_INFINITY], Endian::Little, Order::C);
    let back = frombuffer::<f64>(&nan, Endian::Little).unwrap();
    assert!(back[0].is_nan() && back[1] == f64::NEG_INFINITY);
}

#[test]
fn bad_input_table() {
    let b = [0u8; 10];
    let cases: Vec<(&str, Result<(), ArrayError>, &str)> = vec![
        ("not multiple i64", frombuffer::<i64>(&b, Endian::Big).map(drop), "multiple of element size"),
        (
            "not multiple f32",
            frombuffer::<f32>(&b[..3], Endian::Little).map(drop),
            "multiple of element size",
        ),
        (
            "not multiple c128",
            frombuffer::<Complex64>(&[0u8; 24], Endian::Native).map(drop),
            "multiple of element size",
        ),
        (
            "shape",
            frombuffer_shaped::<i16>(&b, Endian::Big, &[2, 3], Order::C).map(drop),
            "cannot reshape array of size 5",
        ),
        (
            "shaped bad length",
            frombuffer_shaped::<i32>(&b, Endian::Big, &[2], Order::F).map(drop),
            "multiple of element size",
        ),
    ];
    for (name, r, msg) in cases {
        let e = r.expect_err(name).to_string();
        assert!(e.contains(msg), "{name}: {e}");
    }
}

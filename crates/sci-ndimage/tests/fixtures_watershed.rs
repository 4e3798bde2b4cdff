//! watershed_ift against fixtures from tools/fixtures/ndimage_watershed.py (exact labels).

mod common;

use common::{has, keys, layouts};
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn, array};
use sci_array::testing::fixture::Fixture;
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_watershed.json")).unwrap()
}

fn run<T: WatershedLevel, M: SignedLabel>(
    x: &ArrayD<T>,
    m: &ArrayD<M>,
    st: Option<&ArrayD<bool>>,
) -> Vec<ArrayD<i64>> {
    if x.is_empty() {
        return vec![watershed_ift(x, m, st).unwrap().mapv(|l| l.to_i64())];
    }
    // Every layout of the input, with the markers in C order and reversed along axis 0.
    let mut outs = layouts(x, |v: &ArrayViewD<'_, T>| watershed_ift(v, m, st).unwrap().mapv(|l| l.to_i64()));
    outs.extend(layouts(m, |mv: &ArrayViewD<'_, M>| watershed_ift(x, mv, st).unwrap().mapv(|l| l.to_i64())));
    outs
}

#[test]
fn watershed_ift_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        let xi = fx.array_i64(&format!("{c}/input"));
        let mi = fx.array_i64(&format!("{c}/markers"));
        let expected = fx.array_i64(&format!("{c}/expected"));
        let st =
            if has(&fx, &c, "structure") { Some(fx.array_bool(&format!("{c}/structure"))) } else { None };
        let st = st.as_ref();
        let mdt = fx.str(&format!("{c}/markers/dtype")).to_string();
        let outs = match fx.str(&format!("{c}/input/dtype")) {
            "uint8" => {
                let x = xi.mapv(|v| v as u8);
                match mdt.as_str() {
                    "int8" => run(&x, &mi.mapv(|v| v as i8), st),
                    "int16" => run(&x, &mi.mapv(|v| v as i16), st),
                    "int32" => run(&x, &mi.mapv(|v| v as i32), st),
                    _ => run(&x, &mi, st),
                }
            }
            "uint16" => {
                let x = xi.mapv(|v| v as u16);
                match mdt.as_str() {
                    "int8" => run(&x, &mi.mapv(|v| v as i8), st),
                    "int16" => run(&x, &mi.mapv(|v| v as i16), st),
                    "int32" => run(&x, &mi.mapv(|v| v as i32), st),
                    _ => run(&x, &mi, st),
                }
            }
            d => panic!("{name}: dtype {d}"),
        };
        for o in outs {
            assert_eq!(o, expected, "{name}");
        }
        n += 1;
    }
    assert!(n >= 60, "only {n} cases");
}

#[test]
fn watershed_ift_bad_input() {
    let x = ArrayD::<u8>::zeros(IxDyn(&[3, 3]));
    let m = ArrayD::<i32>::zeros(IxDyn(&[3, 3]));
    let m_bad = ArrayD::<i32>::zeros(IxDyn(&[3, 4]));
    let st_rank = ArrayD::from_elem(IxDyn(&[3]), true);
    let st_size = ArrayD::from_elem(IxDyn(&[3, 5]), true);
    let cases: Vec<(Result<ArrayD<i32>>, &str)> = vec![
        (watershed_ift(&x, &m_bad, None), "markers"),
        (watershed_ift(&x, &m, Some(&st_rank)), "structure and input must have equal rank"),
        (watershed_ift(&x, &m, Some(&st_size)), "structure dimensions must be equal to 3"),
    ];
    for (r, msg) in cases {
        let e = r.unwrap_err().to_string();
        assert!(e.contains(msg), "{e} does not mention {msg}");
    }
}

#[test]
fn watershed_ift_fixed_dims() {
    // Static dimension types go through the same path.
    let x = array![[0u16, 5, 0], [0, 5, 0]];
    let m = array![[1i64, 0, 0], [0, 0, -2]];
    let out = watershed_ift(&x, &m, None).unwrap();
    assert_eq!(out.shape(), &[2, 3]);
    assert_eq!(out[[0, 0]], 1);
    assert_eq!(out[[1, 2]], -2);
}

//! SciPy parity for Harwell-Boeing files (fixtures from tools/fixtures/io_hb.py): files written
//! by SciPy are read here, and the text written here is SciPy's byte for byte.

use sci_array::ndarray::{Ix1, Ix2};
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_io::*;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fx() -> Fixture {
    Fixture::load(format!("{DIR}/io_hb.json")).unwrap()
}

fn idx(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).iter().map(|&x| x as usize).collect()
}

#[test]
fn reads_scipy_files_and_writes_scipy_text() {
    let f = fx();
    let names = f.keys();
    assert_eq!(names.len(), 6);
    for c in names {
        let p = |k: &str| format!("{c}/{k}");
        let m = hb_read(format!("{DIR}/hb/{}", f.str(&p("file")))).unwrap();
        let dense = f.array_f64(&p("dense")).into_dimensionality::<Ix2>().unwrap();
        assert_array_equal(&m.to_dense(), &dense);
        let sh = idx(&f, &p("shape"));
        let data = f.array_f64(&p("data")).into_dimensionality::<Ix1>().unwrap().to_vec();
        let src = sprs::CsMat::new_csc((sh[0], sh[1]), idx(&f, &p("indptr")), idx(&f, &p("indices")), data);
        assert_eq!(hb_write_string(&src, &HbWriteOptions::default()).unwrap(), f.str(&p("text")), "{c}");
        // and back through a file
        let path = std::env::temp_dir().join(format!("sci_io_hb_{c}_{}.rua", std::process::id()));
        hb_write(&path, &src, &HbWriteOptions::default()).unwrap();
        assert_eq!(hb_read(&path).unwrap(), src, "{c}");
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn bad_input_table() {
    let head = "t                                                                       k       \n";
    let fmt = "(3I3) (2I3) (2E20.12)\n";
    let table = [
        ("t\n".to_string(), 2),
        (format!("{head} 3 1 1\nRUA 2 2 2 0\n{fmt}"), 2),
        (format!("{head} 3 1 1 1\nRSA 2 2 2 0\n{fmt}"), 3),
        (format!("{head} 3 1 1 1 1\nRUA 2 2 2 0\n{fmt}"), 5),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 2 3\n 2 1\n"), 7),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 2 x\n 2 1\n 1.0 2.0\n"), 5),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 2 3\n 3 1\n 1.0 2.0\n"), 6),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 3 3\n 1 1\n 1.0 2.0\n"), 6),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 2 3\n 1 1\n 1.0 z\n"), 7),
        (format!("{head} 3 1 1 1\nRUA 2 2 2 0\n{fmt} 1 2\n 1 1\n 1.0 2.0\n"), 5),
    ];
    for (text, line) in table {
        match hb_read_str(&text) {
            Err(IoError::Parse { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let missing = std::env::temp_dir().join("sci_io_hb_no_such_dir/x.rua");
    assert!(matches!(hb_read(&missing), Err(IoError::File { .. })));
    let m = sprs::CsMat::<f64>::eye(2);
    assert!(matches!(hb_write(&missing, &m, &HbWriteOptions::default()), Err(IoError::File { .. })));
}

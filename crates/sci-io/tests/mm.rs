//! SciPy parity for Matrix Market files (fixtures from tools/fixtures/io_mm.py): files written
//! by SciPy are read here, the text written here is SciPy's byte for byte, and malformed files
//! are errors naming the line.

use sci_array::ndarray::{Array2, Ix1, Ix2};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_io::*;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fx() -> Fixture {
    Fixture::load(format!("{DIR}/io_mm.json")).unwrap()
}

fn names(f: &Fixture, group: &str) -> Vec<String> {
    let mut k: Vec<String> = f.get(group).as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn has(f: &Fixture, path: &str) -> bool {
    let (parent, key) = path.rsplit_once('/').unwrap();
    f.get(parent).as_object().unwrap().get(key).is_some_and(|v| !v.is_null())
}

fn m64(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn mc64(f: &Fixture, p: &str) -> Array2<Complex64> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn idx(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).iter().map(|&x| x as usize).collect()
}

/// Bitwise equality that counts NaN equal to NaN (values read from exact decimal text).
fn same(a: f64, b: f64) -> bool {
    a == b && a.is_sign_negative() == b.is_sign_negative() || (a.is_nan() && b.is_nan())
}

#[test]
fn reads_files_scipy_wrote_and_hand_written_ones() {
    let f = fx();
    let cases = names(&f, "read");
    assert!(cases.len() >= 25, "{}", cases.len());
    for c in &cases {
        let p = |k: &str| format!("read/{c}/{k}");
        let path = format!("{DIR}/mm/{}", f.str(&p("file")));
        let info = mminfo(&path).unwrap();
        assert_eq!(
            (info.rows, info.cols, info.entries),
            (f.i64(&p("rows")) as usize, f.i64(&p("cols")) as usize, f.i64(&p("entries")) as usize),
            "{c}"
        );
        assert_eq!(info.format.as_str(), f.str(&p("format")), "{c}");
        // SciPy's mminfo echoes the header's "double" (a synonym of real); sci reads it as Real.
        let field = if f.str(&p("field")) == "double" { "real" } else { f.str(&p("field")) };
        assert_eq!(info.field.as_str(), field, "{c}");
        assert_eq!(info.symmetry.as_str(), f.str(&p("symmetry")), "{c}");
        let m = mmread(&path).unwrap();
        let sparse = f.get(&p("sparse")).as_bool().unwrap();
        assert_eq!(m.is_sparse(), sparse, "{c}");
        let dtype = f.str(&p("dense/dtype")).to_string();
        if dtype.starts_with("complex") {
            let want = mc64(&f, &p("dense"));
            let got = m.to_dense_c64();
            assert_eq!(got.dim(), want.dim(), "{c}");
            for (x, y) in got.iter().zip(want.iter()) {
                assert!(same(x.re, y.re) && same(x.im, y.im), "{c}: {x} vs {y}");
            }
            assert!(m.to_dense_f64().is_none());
        } else {
            let want = m64(&f, &p("dense"));
            let got = m.to_dense_f64().unwrap();
            assert_eq!(got.dim(), want.dim(), "{c}");
            assert!(got.iter().zip(want.iter()).all(|(&x, &y)| same(x, y)), "{c}: {got} vs {want}");
        }
        // the integer field is typed as int64, the others as SciPy types them
        let want_variant = match (sparse, info.field) {
            (true, MmField::Integer) => matches!(m, MmMatrix::SparseInteger(_)),
            (true, MmField::Complex) => matches!(m, MmMatrix::SparseComplex(_)),
            (true, _) => matches!(m, MmMatrix::SparseReal(_)),
            (false, MmField::Integer) => matches!(m, MmMatrix::DenseInteger(_)),
            (false, MmField::Complex) => matches!(m, MmMatrix::DenseComplex(_)),
            (false, _) => matches!(m, MmMatrix::DenseReal(_)),
        };
        assert!(want_variant, "{c}: {m:?}");
        if sparse {
            // same triplets in the same order as SciPy's coo_array
            let (row, col) = (idx(&f, &p("row")), idx(&f, &p("col")));
            let (r, cc, data): (Vec<usize>, Vec<usize>, Vec<Complex64>) = match &m {
                MmMatrix::SparseReal(t) => (
                    t.row_inds().to_vec(),
                    t.col_inds().to_vec(),
                    t.data().iter().map(|&v| Complex64::new(v, 0.0)).collect(),
                ),
                MmMatrix::SparseInteger(t) => (
                    t.row_inds().to_vec(),
                    t.col_inds().to_vec(),
                    t.data().iter().map(|&v| Complex64::new(v as f64, 0.0)).collect(),
                ),
                MmMatrix::SparseComplex(t) => {
                    (t.row_inds().to_vec(), t.col_inds().to_vec(), t.data().to_vec())
                }
                _ => unreachable!(),
            };
            assert_eq!((r, cc), (row, col), "{c}");
            let want: Vec<Complex64> = if dtype.starts_with("complex") {
                f.array_c64(&p("data")).iter().copied().collect()
            } else {
                f.array_f64(&p("data")).iter().map(|&v| Complex64::new(v, 0.0)).collect()
            };
            assert_eq!(data.len(), want.len(), "{c}");
            for (x, y) in data.iter().zip(&want) {
                assert!(same(x.re, y.re) && same(x.im, y.im), "{c}: {x} vs {y}");
            }
        }
    }
}

fn options(f: &Fixture, c: &str) -> MmWriteOptions {
    let p = |k: &str| format!("write/{c}/opts/{k}");
    let mut o = MmWriteOptions::default();
    if has(f, &p("comment")) {
        o.comment = f.str(&p("comment")).to_string();
    }
    if has(f, &p("precision")) {
        o.precision = Some(f.i64(&p("precision")) as usize);
    }
    if has(f, &p("field")) {
        o.field = Some(MmField::from_keyword(f.str(&p("field"))).unwrap());
    }
    if f.get(&format!("write/{c}/opts")).as_object().unwrap().contains_key("symmetry") {
        if has(f, &p("symmetry")) {
            o.symmetry = Some(MmSymmetry::from_keyword(f.str(&p("symmetry"))).unwrap());
        } else {
            o.find_symmetry = true; // SciPy's symmetry=None
        }
    }
    o
}

#[test]
fn writes_what_scipy_writes() {
    let f = fx();
    let cases = names(&f, "write");
    assert!(cases.len() >= 30, "{}", cases.len());
    for c in &cases {
        let p = |k: &str| format!("write/{c}/{k}");
        let o = options(&f, c);
        let dtype = f.str(&p("dtype")).to_string();
        let text = if f.get(&p("sparse")).as_bool().unwrap() {
            let sh = idx(&f, &p("shape"));
            let (r, cc) = (idx(&f, &p("row")), idx(&f, &p("col")));
            match dtype.as_str() {
                "float64" => {
                    let d = f.array_f64(&p("data")).into_dimensionality::<Ix1>().unwrap().to_vec();
                    mmwrite_string(&sprs::TriMat::from_triplets((sh[0], sh[1]), r, cc, d), &o)
                }
                "complex128" => {
                    let d = f.array_c64(&p("data")).iter().copied().collect();
                    mmwrite_string(&sprs::TriMat::from_triplets((sh[0], sh[1]), r, cc, d), &o)
                }
                other => panic!("{c}: dtype {other}"),
            }
        } else {
            match dtype.as_str() {
                "float64" => mmwrite_string(&m64(&f, &p("a")), &o),
                "float32" => mmwrite_string(&m64(&f, &p("a")).mapv(|v| v as f32), &o),
                "int64" => mmwrite_string(&f.array_i64(&p("a")).into_dimensionality::<Ix2>().unwrap(), &o),
                "int32" => mmwrite_string(
                    &f.array_i64(&p("a")).into_dimensionality::<Ix2>().unwrap().mapv(|v| v as i32),
                    &o,
                ),
                "complex128" => mmwrite_string(&mc64(&f, &p("a")), &o),
                other => panic!("{c}: dtype {other}"),
            }
        }
        .unwrap();
        assert_eq!(text, f.str(&p("text")), "{c}");
    }
}

#[test]
fn malformed_files_name_the_line() {
    let f = fx();
    let cases = names(&f, "bad");
    assert!(cases.len() >= 15);
    for c in &cases {
        let text = f.str(&format!("bad/{c}/text"));
        let line = f.i64(&format!("bad/{c}/line")) as usize;
        match mmread_str(text) {
            Err(IoError::Parse { line: l, ref file, .. }) => {
                assert_eq!((l, file.as_str()), (line, "<string>"), "{c}: {:?}", mmread_str(text));
            }
            other => panic!("{c}: expected a parse error at line {line}, got {other:?}"),
        }
    }
}

#[test]
fn bad_input_table() {
    // (text, message): each names the line and the problem.
    let table = [
        ("", "<string>: line 1: empty file: the %%MatrixMarket header is missing"),
        (
            "%%MatrixMarket matrix coordinate real\n",
            "<string>: line 1: header needs 5 words (%%MatrixMarket matrix format field symmetry), found 4",
        ),
        (
            "%%MatrixMarket vector coordinate real general\n",
            "<string>: line 1: unsupported object \"vector\": only \"matrix\" is supported",
        ),
        (
            "%%MatrixMarket matrix array pattern general\n1 1\n",
            "<string>: line 1: an array file cannot have the pattern field",
        ),
        (
            "%%MatrixMarket matrix coordinate real general\n% only comments\n",
            "<string>: line 3: file ends where the size line was expected",
        ),
        (
            "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n",
            "<string>: line 4: file ends where entry 2 of 2 was expected",
        ),
        (
            "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n1 2 3\n",
            "<string>: line 4: more entries than the 1 the size line of the coordinate file announces",
        ),
        (
            "%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n",
            "<string>: line 3: could not read \"1.5\" as an integer",
        ),
        (
            "%%MatrixMarket matrix coordinate complex general\n2 2 1\n1 1 1.5\n",
            "<string>: line 3: expected 4 fields (row, column, real, imaginary), found 3",
        ),
        (
            "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 -1 1.5\n",
            "<string>: line 3: invalid column index \"-1\"",
        ),
        (
            "%%MatrixMarket matrix array real symmetric\n2 3\n",
            "<string>: line 2: a symmetric matrix must be square, got 2 x 3",
        ),
        (
            "%%MatrixMarket matrix array real general\n100000 100000\n1\n",
            "<string>: line 3: the file is too short for the 10000000000 values of a 100000 x 100000 array",
        ),
    ];
    for (text, msg) in table {
        assert_eq!(mmread_str(text).unwrap_err().to_string(), msg);
    }
    let e = mmwrite_string(
        &Array2::<f64>::zeros((2, 3)),
        &MmWriteOptions { symmetry: Some(MmSymmetry::Symmetric), ..Default::default() },
    );
    assert!(matches!(e, Err(IoError::InvalidArgument { arg: "symmetry", .. })), "{e:?}");
    let missing = std::env::temp_dir().join("sci_io_mm_no_such_dir/x.mtx");
    assert!(matches!(mmread(&missing), Err(IoError::File { .. })));
    assert!(matches!(mminfo(&missing), Err(IoError::File { .. })));
    assert!(matches!(
        mmwrite(&missing, &Array2::<f64>::zeros((1, 1)), &MmWriteOptions::default()),
        Err(IoError::File { .. })
    ));
}

#[test]
fn round_trips_through_files() {
    let f = fx();
    let dir = std::env::temp_dir().join(format!("sci_io_mm_rt_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for c in names(&f, "read") {
        let path = format!("{DIR}/mm/{}", f.str(&format!("read/{c}/file")));
        let m = mmread(&path).unwrap();
        let out = dir.join(format!("{c}.mtx"));
        mmwrite(&out, &m, &MmWriteOptions::default()).unwrap();
        let back = mmread(&out).unwrap();
        assert_eq!(back.shape(), m.shape(), "{c}");
        let (a, b) = (back.to_dense_c64(), m.to_dense_c64());
        assert!(a.iter().zip(b.iter()).all(|(x, y)| same(x.re, y.re) && same(x.im, y.im)), "{c}");
    }
    // a non-contiguous view, f32 and complex64 and an empty array round-trip too
    let a = Array2::from_shape_fn((4, 6), |(i, j)| (i * 6 + j) as f64 / 7.0);
    let v = a.slice(sci_array::ndarray::s![..;2, ..;-3]);
    let back = mmread_str(&mmwrite_string(&v, &MmWriteOptions::default()).unwrap()).unwrap();
    assert_array_equal(&back.to_dense_f64().unwrap(), &v.to_owned());
    let a32 = v.mapv(|x| x as f32);
    let back = mmread_str(&mmwrite_string(&a32, &MmWriteOptions::default()).unwrap()).unwrap();
    // read back as f64 (as SciPy does); the shortest f32 digits round to the same f32
    assert_array_equal(&back.to_dense_f64().unwrap().mapv(|x| x as f32), &a32);
    let c32 = Array2::from_shape_fn((2, 2), |(i, j)| Complex32::new(i as f32 + 0.1, j as f32 - 0.3));
    let back = mmread_str(&mmwrite_string(&c32, &MmWriteOptions::default()).unwrap()).unwrap();
    assert_eq!(back.to_dense_c64().mapv(|z| Complex32::new(z.re as f32, z.im as f32)), c32);
    let e = Array2::<f64>::zeros((0, 3));
    let back = mmread_str(&mmwrite_string(&e, &MmWriteOptions::default()).unwrap()).unwrap();
    assert_eq!(back.to_dense_f64().unwrap().dim(), (0, 3));
    let csr = sprs::CsMat::new((2, 3), vec![0, 1, 3], vec![2, 0, 1], vec![1.0, -2.0, 3.5]);
    let back = mmread_str(&mmwrite_string(&csr, &MmWriteOptions::default()).unwrap()).unwrap();
    assert_array_equal(&back.to_dense_f64().unwrap(), &csr.to_dense());
    std::fs::remove_dir_all(&dir).unwrap();
}

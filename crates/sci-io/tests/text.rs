//! `loadtxt` and `savetxt` against NumPy's results on the same files.

use sci_array::ndarray::{Array2, ArrayD, Ix0, Ix1, Ix2, IxDyn, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_io::*;
use std::path::PathBuf;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io_text.json")).unwrap()
}

fn txt(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text")).join(name)
}

fn opts() -> LoadTxtOptions {
    LoadTxtOptions::default()
}

fn csv() -> LoadTxtOptions {
    LoadTxtOptions { delimiter: Some(','), skiprows: 1, ..opts() }
}

fn dynf(file: &str, o: &LoadTxtOptions) -> ArrayD<f64> {
    loadtxt::<f64, IxDyn>(txt(file), o).unwrap()
}

#[test]
fn loadtxt_matches_numpy() {
    let f = fx();
    let want = |k: &str| f.array_f64(&format!("load/{k}"));
    assert_array_equal(&dynf("ws.txt", &opts()), &want("ws"));
    assert_array_equal(&dynf("csv.txt", &csv()), &want("csv"));
    assert_array_equal(
        &dynf("csv.txt", &LoadTxtOptions { max_rows: Some(2), ..csv() }),
        &want("csv_max_rows"),
    );
    assert_array_equal(
        &dynf("csv.txt", &LoadTxtOptions { usecols: Some(vec![2, 0]), ..csv() }),
        &want("csv_usecols"),
    );
    assert_array_equal(
        &dynf("csv.txt", &LoadTxtOptions { usecols: Some(vec![-1]), ..csv() }),
        &want("csv_usecols_last"),
    );
    assert_array_equal(&dynf("csv.txt", &LoadTxtOptions { unpack: true, ..csv() }), &want("csv_unpack"));
    assert_array_equal(&dynf("special.txt", &opts()), &want("special"));
    assert_array_equal(&dynf("col.txt", &opts()), &want("col"));
    assert_array_equal(
        &loadtxt::<f64, Ix2>(txt("col.txt"), &opts()).unwrap().into_dyn(),
        &want("col_ndmin2"),
    );
    assert_array_equal(&dynf("row.txt", &opts()), &want("row"));
    assert_array_equal(
        &loadtxt::<f64, Ix2>(txt("row.txt"), &opts()).unwrap().into_dyn(),
        &want("row_ndmin2"),
    );
    assert_array_equal(&dynf("one.txt", &opts()), &want("one"));
    assert_array_equal(
        &loadtxt::<f64, Ix1>(txt("one.txt"), &opts()).unwrap().into_dyn(),
        &want("one_ndmin1"),
    );
    assert_eq!(loadtxt::<f64, Ix0>(txt("one.txt"), &opts()).unwrap()[()], 42.0);
    let ints = loadtxt::<i64, Ix2>(txt("ints.txt"), &opts()).unwrap();
    assert_array_equal(&ints.into_dyn(), &f.array_i64("load/ints"));
    let f32s = loadtxt::<f32, Ix2>(txt("ints.txt"), &opts()).unwrap();
    assert_array_equal(&f32s.mapv(f64::from).into_dyn(), &want("ints_f32"));
    assert_array_equal(&dynf("empty.txt", &opts()), &want("empty"));
    assert_array_equal(
        &loadtxt::<f64, Ix2>(txt("empty.txt"), &opts()).unwrap().into_dyn(),
        &want("empty_ndmin2"),
    );
    assert_array_equal(&dynf("crlf.txt", &LoadTxtOptions { delimiter: Some(','), ..opts() }), &want("crlf"));
    let semi = LoadTxtOptions { delimiter: Some(';'), comments: Some("%".into()), ..opts() };
    assert_array_equal(&dynf("semi.txt", &semi), &want("semi"));
}

#[test]
fn loadtxt_special_values_bitwise() {
    let a = loadtxt::<f64, Ix2>(txt("special.txt"), &opts()).unwrap();
    assert!(a[[0, 0]].is_nan());
    assert_eq!(a[[2, 0]].to_bits(), (-0.0f64).to_bits());
    assert_eq!(a[[2, 1]], 1e-310); // subnormal parsed exactly
}

#[test]
fn loadtxt_errors_table() {
    let f = fx();
    type Check = fn(&IoError) -> bool;
    let parse_at = |line: usize| -> Box<dyn Fn(&IoError) -> bool> {
        Box::new(move |e| matches!(e, IoError::Parse { line: l, .. } if *l == line))
    };
    let cases: Vec<(&str, LoadTxtOptions, Box<dyn Fn(&IoError) -> bool>)> = vec![
        ("ragged", opts(), parse_at(2)),
        ("bad_float", opts(), parse_at(2)),
        ("empty_field", LoadTxtOptions { delimiter: Some(','), ..opts() }, parse_at(1)),
        ("usecols_out_of_range", LoadTxtOptions { usecols: Some(vec![5]), ..opts() }, parse_at(1)),
    ];
    for (name, o, check) in cases {
        let text = f.str(&format!("errors/{name}/text"));
        let e = loadtxt_str::<f64, Ix2>(text, &o).unwrap_err();
        assert!(check(&e), "{name}: {e:?} (NumPy: {})", f.str(&format!("errors/{name}/numpy_message")));
    }
    let e = loadtxt_str::<i64, Ix2>(f.str("errors/int_of_float/text"), &opts()).unwrap_err();
    assert_eq!(e.to_string(), "<string>: line 1: could not convert string \"1.5\" to int64 (column 1)");
    let e = loadtxt_str::<f64, Ix2>("1 2\n3\n", &opts()).unwrap_err();
    assert!(e.to_string().contains("the number of columns changed from 2 to 1"), "{e}");
    // Shape requests that the table cannot satisfy, and bad options.
    let bad: Vec<(&str, LoadTxtOptions, Check)> = vec![
        ("1 2\n3 4\n", opts(), |e| matches!(e, IoError::DimensionMismatch { expected: 1, .. })),
        ("1 2\n", LoadTxtOptions { comments: Some(String::new()), ..opts() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "comments", .. })
        }),
        ("1 2\n", LoadTxtOptions { usecols: Some(vec![]), ..opts() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "usecols", .. })
        }),
        ("1 2\n", LoadTxtOptions { usecols: Some(vec![-3]), ..opts() }, |e| {
            matches!(e, IoError::Parse { line: 1, .. })
        }),
        ("1 2\n", LoadTxtOptions { delimiter: Some('\n'), ..opts() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "delimiter", .. })
        }),
        ("1e999x 2\n", opts(), |e| matches!(e, IoError::Parse { line: 1, .. })),
        ("0x10\n", opts(), |e| matches!(e, IoError::Parse { .. })),
        ("1_0\n", opts(), |e| matches!(e, IoError::Parse { .. })),
    ];
    for (text, o, check) in bad {
        let e = loadtxt_str::<f64, Ix1>(text, &o).unwrap_err();
        assert!(check(&e), "{text:?}: {e:?}");
    }
    assert!(matches!(loadtxt_str::<f64, Ix0>("1 2\n", &opts()), Err(IoError::DimensionMismatch { .. })));
    assert!(matches!(loadtxt_str::<u8, Ix1>("1 300\n", &opts()), Err(IoError::Parse { .. })));
    assert!(matches!(loadtxt::<f64, Ix2>(txt("missing.txt"), &opts()), Err(IoError::File { .. })));
    assert!(matches!(
        loadtxt_str::<f64, sci_array::ndarray::Ix3>("1\n", &opts()),
        Err(IoError::InvalidArgument { .. })
    ));
}

/// A large input goes through the parallel path; line numbers in errors stay exact.
#[test]
fn loadtxt_parallel_chunks_match_sequential() {
    let n = 80_000;
    let mut text = String::from("# header\n");
    for i in 0..n {
        text.push_str(&format!("{} {}.5 {:e}\n", i, i, (i as f64) * 1.1e-7));
        if i % 1000 == 0 {
            text.push_str("# comment\n\n");
        }
    }
    assert!(text.len() > 1 << 20, "above the parallel threshold");
    let a = loadtxt_str::<f64, Ix2>(&text, &opts()).unwrap();
    assert_eq!(a.shape(), &[n, 3]);
    for i in [0, 1, 999, 1000, 30_000, n - 1] {
        assert_eq!(a[[i, 0]], i as f64);
        assert_eq!(a[[i, 1]], i as f64 + 0.5);
        assert_eq!(a[[i, 2]], format!("{:e}", (i as f64) * 1.1e-7).parse::<f64>().unwrap());
    }
    let limited = loadtxt_str::<f64, Ix2>(&text, &LoadTxtOptions { max_rows: Some(5), ..opts() }).unwrap();
    assert_eq!(limited, a.slice(s![..5, ..]));
    // Break one line far into the file: the error names its exact line.
    let lines: Vec<&str> = text.lines().collect();
    let k = lines.len() - 7;
    let mut broken: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    broken[k] = "1 2".into();
    let e = loadtxt_str::<f64, Ix2>(&(broken.join("\n") + "\n"), &opts()).unwrap_err();
    assert!(matches!(e, IoError::Parse { line, .. } if line == k + 1), "{e:?}");
    broken[k] = "1 2 zz".into();
    let e = loadtxt_str::<f64, Ix2>(&(broken.join("\n") + "\n"), &opts()).unwrap_err();
    assert!(matches!(e, IoError::Parse { line, .. } if line == k + 1), "{e:?}");
}

#[test]
fn savetxt_matches_numpy_bytes() {
    let f = fx();
    let x = f.array_f64("save/default/x").into_dimensionality::<Ix2>().unwrap();
    let check = |case: &str, got: String| assert_eq!(got, f.str(&format!("save/{case}/text")), "{case}");
    check("default", savetxt_string(&x, &SaveTxtOptions::default()).unwrap());
    check(
        "f3_csv",
        savetxt_string(
            &x,
            &SaveTxtOptions { fmt: "%.3f".into(), delimiter: ",".into(), ..Default::default() },
        )
        .unwrap(),
    );
    let o = SaveTxtOptions {
        fmt: "%g".into(),
        header: "a b c\nsecond line".into(),
        footer: "end".into(),
        comments: "## ".into(),
        ..Default::default()
    };
    check("g_header_footer", savetxt_string(&x, &o).unwrap());
    check(
        "row_fmt",
        savetxt_string(&x, &SaveTxtOptions { fmt: "%10.4e | %+.2f | %s".into(), ..Default::default() })
            .unwrap(),
    );
    let o = SaveTxtOptions {
        fmt: TxtFmt::Columns(vec!["%.1e".into(), "%8.3f".into(), "%-12g".into()]),
        delimiter: "\t".into(),
        newline: "\r\n".into(),
        ..Default::default()
    };
    check("columns", savetxt_string(&x, &o).unwrap());
    let ints = f.array_i64("save/ints_d/x").into_dimensionality::<Ix2>().unwrap();
    check(
        "ints_d",
        savetxt_string(&ints, &SaveTxtOptions { fmt: "%d".into(), ..Default::default() }).unwrap(),
    );
    check("ints_default", savetxt_string(&ints, &SaveTxtOptions::default()).unwrap());
    check(
        "ints_05d",
        savetxt_string(
            &ints,
            &SaveTxtOptions { fmt: "%05d".into(), delimiter: ";".into(), ..Default::default() },
        )
        .unwrap(),
    );
    let col = f.array_f64("save/one_d/x").into_dimensionality::<Ix1>().unwrap();
    check(
        "one_d",
        savetxt_string(&col, &SaveTxtOptions { fmt: "%.6f".into(), ..Default::default() }).unwrap(),
    );
    check(
        "empty_2d",
        savetxt_string(
            &Array2::<f64>::zeros((0, 3)),
            &SaveTxtOptions { header: "h".into(), ..Default::default() },
        )
        .unwrap(),
    );
}

#[test]
fn savetxt_then_loadtxt_roundtrips_views() {
    let a = Array2::from_shape_fn((7, 5), |(i, j)| (i as f64).sin() * 10f64.powi(j as i32 * 3 - 6));
    let v = a.slice(s![..;2, ..;-1]);
    let path = std::env::temp_dir().join(format!("sci_io_text_rt_{}.txt", std::process::id()));
    savetxt(&path, &v, &SaveTxtOptions::default()).unwrap();
    assert_eq!(loadtxt::<f64, Ix2>(&path, &opts()).unwrap(), v);
    let col = a.slice(s![..;-2, 1]); // strided, negative-stride 1-d view: one column
    savetxt(&path, &col, &SaveTxtOptions::default()).unwrap();
    assert_eq!(loadtxt::<f64, Ix1>(&path, &opts()).unwrap(), col);
    // Above the parallel threshold: rows stay in order.
    let big = Array2::from_shape_fn((30_000, 2), |(i, j)| i as f64 * 0.25 - j as f64);
    savetxt(&path, &big, &SaveTxtOptions { fmt: "%.2f".into(), ..Default::default() }).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().nth(29_999), Some("7499.75 7498.75"));
    assert_eq!(loadtxt::<f64, Ix2>(&path, &opts()).unwrap(), big);
    savetxt(&path, &array![[true, false]], &SaveTxtOptions { fmt: "%d".into(), ..Default::default() })
        .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "1 0\n");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn savetxt_bad_input_table() {
    let x = array![[1.0, f64::NAN]];
    type Check = fn(&IoError) -> bool;
    let arg_fmt: Check = |e| matches!(e, IoError::InvalidArgument { arg: "fmt", .. });
    let arg_x: Check = |e| matches!(e, IoError::InvalidArgument { arg: "X", .. });
    let cases: Vec<(SaveTxtOptions, Check)> = vec![
        (SaveTxtOptions { fmt: "%.3f %.3f %.3f".into(), ..Default::default() }, arg_fmt),
        (SaveTxtOptions { fmt: "%q".into(), ..Default::default() }, arg_fmt),
        (SaveTxtOptions { fmt: TxtFmt::Columns(vec!["%d".into()]), ..Default::default() }, arg_fmt),
        (SaveTxtOptions { fmt: "%d".into(), ..Default::default() }, arg_x),
    ];
    for (o, check) in cases {
        let e = savetxt_string(&x, &o).unwrap_err();
        assert!(check(&e), "{o:?}: {e:?}");
    }
    assert!(arg_x(&savetxt_string(&sci_array::ndarray::arr0(1.0), &SaveTxtOptions::default()).unwrap_err()));
    assert!(arg_x(
        &savetxt_string(&sci_array::ndarray::Array3::<f64>::zeros((1, 1, 1)), &SaveTxtOptions::default())
            .unwrap_err()
    ));
    let dir = std::env::temp_dir().join("sci_io_no_such_dir_x9").join("a.txt");
    assert!(matches!(savetxt(&dir, &x, &SaveTxtOptions::default()), Err(IoError::File { .. })));
}

/// Random byte soup never panics the text readers (deterministic pseudo-random input).
#[test]
fn random_text_never_panics() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: &[u8] = b"0123456789.,;eE+-# \t\n\rnaifNAIF\"'xj()";
    for _ in 0..300 {
        let len = (next() % 80) as usize;
        let s: String =
            (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char).collect();
        for delimiter in [None, Some(','), Some(';')] {
            let o = LoadTxtOptions { delimiter, ..opts() };
            let _ = loadtxt_str::<f64, IxDyn>(&s, &o);
            let _ = loadtxt_str::<i32, Ix2>(&s, &LoadTxtOptions { usecols: Some(vec![-1, 0]), ..o.clone() });
            let g = GenFromTxtOptions {
                delimiter,
                names: next() % 2 == 0,
                dtype: GenDtype::Infer,
                ..Default::default()
            };
            let _ = genfromtxt_str(&s, &g);
        }
    }
}

#[test]
fn complex_text_matches_numpy() {
    let f = fx();
    let a = loadtxt::<Complex64, Ix2>(txt("cplx.txt"), &opts()).unwrap();
    assert_array_equal(&a.into_dyn(), &f.array_c64("load/cplx"));
    let z = f.array_c64("save/complex_default/x").into_dimensionality::<Ix2>().unwrap();
    let check = |case: &str, got: String| assert_eq!(got, f.str(&format!("save/{case}/text")), "{case}");
    check("complex_default", savetxt_string(&z, &SaveTxtOptions::default()).unwrap());
    let col = z.column(0);
    check(
        "complex_f3",
        savetxt_string(&col, &SaveTxtOptions { fmt: "%.3f".into(), ..Default::default() }).unwrap(),
    );
    let o = SaveTxtOptions {
        fmt: TxtFmt::Columns(vec!["%.2f%+.2fj".into(), "%.1e %.1e".into()]),
        ..Default::default()
    };
    check("complex_columns", savetxt_string(&z, &o).unwrap());
    let o = SaveTxtOptions { fmt: "%.2f,%.2f,%.2f,%.2f".into(), ..Default::default() };
    check("complex_row", savetxt_string(&z, &o).unwrap());
    // Round trip through the default format is exact.
    let path = std::env::temp_dir().join(format!("sci_io_text_cplx_{}.txt", std::process::id()));
    let w = z.mapv(|c| if c.re.is_nan() { Complex64::new(1.0, c.im) } else { c });
    savetxt(&path, &w, &SaveTxtOptions::default()).unwrap();
    assert_eq!(loadtxt::<Complex64, Ix2>(&path, &opts()).unwrap(), w);
    let w32 = loadtxt::<Complex32, Ix2>(&path, &opts()).unwrap();
    assert_eq!(w32[[0, 0]], Complex32::new(1.0, 2.0));
    std::fs::remove_file(&path).unwrap();
    // Three conversions for a two-column complex table is an error.
    let o = SaveTxtOptions { fmt: "%.2f %.2f %.2f".into(), ..Default::default() };
    assert!(matches!(savetxt_string(&z, &o), Err(IoError::InvalidArgument { arg: "fmt", .. })));
    assert!(matches!(loadtxt_str::<Complex64, Ix1>("1+2J\n", &opts()), Err(IoError::Parse { line: 1, .. })));
}

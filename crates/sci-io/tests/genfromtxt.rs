//! `genfromtxt` against NumPy's results (names, missing values, type inference).

use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_io::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io_text.json")).unwrap()
}

fn comma() -> GenFromTxtOptions {
    GenFromTxtOptions { delimiter: Some(','), ..Default::default() }
}

fn infer(o: GenFromTxtOptions) -> GenFromTxtOptions {
    GenFromTxtOptions { dtype: GenDtype::Infer, ..o }
}

fn check(f: &Fixture, case: &str, o: &GenFromTxtOptions) {
    let text = f.str(&format!("gen/{case}/text"));
    let t = genfromtxt_str(text, o).unwrap_or_else(|e| panic!("{case}: {e}"));
    let names: Vec<String> = f
        .get(&format!("gen/{case}/names"))
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(t.names, names, "{case}: names");
    let kinds = f.get(&format!("gen/{case}/kinds")).as_array().unwrap();
    for (k, name) in names.iter().enumerate() {
        let key = format!("gen/{case}/cols/{name}");
        let col = t.column(name).unwrap();
        match (kinds[k].as_str().unwrap(), col) {
            ("f", Column::F64(a)) => assert_array_equal(&a.clone().into_dyn(), &f.array_f64(&key)),
            ("i", Column::I64(a)) => assert_array_equal(&a.clone().into_dyn(), &f.array_i64(&key)),
            ("b", Column::Bool(a)) => assert_array_equal(&a.clone().into_dyn(), &f.array_bool(&key)),
            ("U", Column::Str(v)) => {
                let want: Vec<&str> =
                    f.get(&key).as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
                assert_eq!(v, &want, "{case}/{name}");
            }
            (kind, col) => panic!("{case}/{name}: NumPy kind {kind}, sci gave {col:?}"),
        }
    }
}

#[test]
fn genfromtxt_matches_numpy() {
    let f = fx();
    let names = |o: GenFromTxtOptions| GenFromTxtOptions { names: true, ..o };
    check(&f, "tutorial", &infer(names(comma())));
    check(&f, "float_default", &GenFromTxtOptions { skip_header: 1, ..comma() });
    check(
        &f,
        "missing_fill",
        &GenFromTxtOptions { missing_values: vec!["N/A".into()], filling_values: Some(-9.0), ..comma() },
    );
    check(&f, "int_missing", &infer(comma()));
    check(&f, "int_fill0", &infer(GenFromTxtOptions { filling_values: Some(0.0), ..comma() }));
    check(&f, "bool_int", &infer(comma()));
    check(&f, "commented_names", &names(GenFromTxtOptions::default()));
    check(&f, "names_cleanup", &names(comma()));
    check(&f, "skip_footer", &GenFromTxtOptions { skip_footer: 1, ..Default::default() });
    check(
        &f,
        "usecols",
        &infer(names(GenFromTxtOptions { usecols: Some(vec![2, 0]), ..Default::default() })),
    );
    check(&f, "invalid_skip", &GenFromTxtOptions { invalid_raise: false, ..comma() });
    check(&f, "int_overflow", &infer(comma()));
    check(&f, "str_ws", &infer(names(comma())));
    check(&f, "float_bad", &comma());
    check(&f, "max_rows", &GenFromTxtOptions { max_rows: Some(2), ..Default::default() });
    check(&f, "comments_blank", &GenFromTxtOptions::default());
    check(&f, "mixed_float_int", &infer(names(comma())));
}

#[test]
fn table_helpers() {
    let t = genfromtxt_str("1,2\n3,4\n", &infer(comma())).unwrap();
    assert_eq!((t.nrows(), t.ncols()), (2, 2));
    assert_eq!(t.to_array_f64().unwrap(), sci_array::ndarray::array![[1.0, 2.0], [3.0, 4.0]]);
    assert!(t.column("zz").is_none());
    assert!(!t.columns[0].is_empty());
    let empty = genfromtxt_str("", &comma()).unwrap();
    assert_eq!((empty.nrows(), empty.ncols()), (0, 0));
    let autostrip = genfromtxt_str(
        "a,b\n 1 , x \n",
        &infer(GenFromTxtOptions { names: true, autostrip: true, ..comma() }),
    )
    .unwrap();
    assert_eq!(autostrip.column("b"), Some(&Column::Str(vec!["x".into()])));
}

#[test]
fn genfromtxt_bad_input_table() {
    let f = fx();
    let ragged = f.str("gen/_ragged_error/text");
    let e = genfromtxt_str(ragged, &comma()).unwrap_err();
    assert!(matches!(e, IoError::Parse { line: 2, .. }), "{e:?}");
    assert!(
        e.to_string().contains("Line #2 (got 2 columns instead of 3)"),
        "NumPy: {}",
        f.str("gen/_ragged_error/numpy_message")
    );
    type Check = fn(&IoError) -> bool;
    let cases: Vec<(&str, GenFromTxtOptions, Check)> = vec![
        ("1,2\n", GenFromTxtOptions { usecols: Some(vec![5]), ..comma() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "usecols", .. })
        }),
        ("1,2\n", GenFromTxtOptions { usecols: Some(vec![]), ..comma() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "usecols", .. })
        }),
        ("1,2\n", GenFromTxtOptions { comments: Some(String::new()), ..comma() }, |e| {
            matches!(e, IoError::InvalidArgument { arg: "comments", .. })
        }),
        ("1,2,3\n4\n", GenFromTxtOptions { usecols: Some(vec![2]), ..comma() }, |e| {
            matches!(e, IoError::Parse { line: 2, .. })
        }),
    ];
    for (text, o, check) in cases {
        let e = genfromtxt_str(text, &o).unwrap_err();
        assert!(check(&e), "{text:?}: {e:?}");
    }
    let p = std::env::temp_dir().join(format!("sci_io_gen_bad_{}.txt", std::process::id()));
    std::fs::write(&p, b"1,2\n\xff\xfe,3\n").unwrap();
    assert!(matches!(genfromtxt(&p, &comma()), Err(IoError::Parse { .. })));
    std::fs::remove_file(&p).unwrap();
    assert!(matches!(genfromtxt(&p, &comma()), Err(IoError::File { .. })));
}

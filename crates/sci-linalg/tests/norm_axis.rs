//! `norm_with` (scipy.linalg.norm with axis= and keepdims=) against SciPy (fixtures from
//! tools/fixtures/linalg_norm_axis.py): vector norms along each axis, matrix norms over each
//! axis pair, keepdims, float64/float32/complex128, NumPy 2's empty reductions, non-contiguous
//! input and the bad-input table.

use sci_array::ArrayError;
use sci_array::ndarray::{Array2, Array3, ArrayD, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_norm_axis.json")).unwrap()
}

fn parse_ord(t: &str) -> Option<NormOrd> {
    match t {
        "None" => None,
        "fro" => Some(NormOrd::Fro),
        "nuc" => Some(NormOrd::Nuc),
        "inf" => Some(NormOrd::Inf),
        "-inf" => Some(NormOrd::NegInf),
        p => Some(NormOrd::P(p.parse().unwrap())),
    }
}

fn options(f: &Fixture, k: &str) -> NormOptions {
    let axis: Vec<isize> = f.array_i64(&format!("{k}/axis")).iter().map(|&a| a as isize).collect();
    NormOptions {
        ord: parse_ord(f.str(&format!("{k}/ord"))),
        axis: match axis[..] {
            [] => None,
            [a] => Some(NormAxis::Vector(a)),
            [r, c] => Some(NormAxis::Matrix(r, c)),
            _ => unreachable!("fixture axes are 0, 1 or 2 long"),
        },
        keepdims: f.i64(&format!("{k}/keepdims")) != 0,
    }
}

#[test]
fn all_cases_match_scipy() {
    let f = fx();
    let n = f.i64("n") as usize;
    assert!(n > 300);
    for i in 0..n {
        let k = format!("cases/{i}");
        let opts = options(&f, &k);
        let input = format!("inputs/{}", f.str(&format!("{k}/input")));
        let want = f.array_f64(&format!("{k}/out"));
        let what = format!("case {i}: {opts:?} on {input}");
        match f.str(&format!("{k}/dtype")) {
            "f64" => {
                let a = f.array_f64(&input);
                let got = norm_with(&a, opts).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_eq!(got.shape(), want.shape(), "{what}");
                assert_allclose(&got, &want, 1e-13, 1e-300);
                // The same through a reversed, strided view of a bigger array.
                if a.ndim() == 3 {
                    let (p, q, r) = (a.shape()[0], a.shape()[1], a.shape()[2]);
                    let mut big = Array3::<f64>::from_elem((p, 2 * q, r), f64::NAN);
                    big.slice_mut(s![.., ..;-2, ..]).assign(&a);
                    let v = big.slice(s![.., ..;-2, ..]);
                    assert_allclose(&norm_with(&v, opts).unwrap(), &want, 1e-13, 1e-300);
                }
            }
            "f32" => {
                let a = f.array_f64(&input).mapv(|x| x as f32);
                let got = norm_with(&a, opts).unwrap_or_else(|e| panic!("{what}: {e}"));
                // float32 sums of a few squares: a few ulps of float32.
                assert_allclose(&got, &want.mapv(|x| x as f32), 2e-6, 1e-30);
            }
            "c128" => {
                let a: ArrayD<Complex64> = f.array_c64(&input);
                let got = norm_with(&a, opts).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_eq!(got.shape(), want.shape(), "{what}");
                assert_allclose(&got, &want, 1e-13, 1e-300);
            }
            t => panic!("unknown dtype {t}"),
        }
    }
}

#[test]
fn axis_none_equals_norm() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i as f64 - 1.5) * (j as f64 + 0.25));
    for ord in [None, Some(NormOrd::Fro), Some(NormOrd::Nuc), Some(NormOrd::P(-2.0)), Some(NormOrd::Inf)] {
        let got = norm_with(&a, NormOptions { ord, ..Default::default() }).unwrap();
        assert_eq!(got.ndim(), 0);
        assert_eq!(got.into_iter().next().unwrap(), norm(&a, ord).unwrap());
    }
}

#[test]
fn huge_values_do_not_overflow() {
    // NumPy's sqrt(sum(x**2)) along an axis gives inf here; the rescaled 2-norm does not.
    let a = Array2::from_elem((2, 3), 1e200);
    let got = norm_with(&a, NormOptions { axis: Some(NormAxis::Vector(1)), ..Default::default() }).unwrap();
    assert_allclose(&got, &ArrayD::from_elem(vec![2], 3f64.sqrt() * 1e200), 1e-15, 0.0);
    let fro =
        norm_with(&a, NormOptions { axis: Some(NormAxis::Matrix(0, 1)), ..Default::default() }).unwrap();
    assert_allclose(&fro, &ArrayD::from_elem(vec![], 6f64.sqrt() * 1e200), 1e-15, 0.0);
}

#[test]
fn bad_input_table() {
    let f = fx();
    let z = |sh: &[usize]| ArrayD::<f64>::zeros(sh.to_vec());
    let opt = |ord: Option<NormOrd>, axis: Option<NormAxis>| NormOptions { ord, axis, keepdims: false };
    let empty_min =
        |e: &LinalgError| matches!(e, LinalgError::Array(ArrayError::Empty { op: "minimum", .. }));
    let invalid = |e: &LinalgError| matches!(e, LinalgError::Array(ArrayError::InvalidValue { .. }));
    let cases: Vec<(&str, LinalgError, fn(&LinalgError) -> bool)> = vec![
        (
            "vec_neg_inf_empty",
            norm_with(&z(&[3, 0]), opt(Some(NormOrd::NegInf), Some(NormAxis::Vector(1)))).unwrap_err(),
            empty_min,
        ),
        (
            "vec_neg_inf_empty_out",
            norm_with(&z(&[0, 0]), opt(Some(NormOrd::NegInf), Some(NormAxis::Vector(0)))).unwrap_err(),
            empty_min,
        ),
        (
            "mat_neg1_empty",
            norm_with(&z(&[2, 3, 0]), opt(Some(NormOrd::P(-1.0)), Some(NormAxis::Matrix(1, 2)))).unwrap_err(),
            empty_min,
        ),
        (
            "mat_neginf_empty",
            norm_with(&z(&[2, 0, 3]), opt(Some(NormOrd::NegInf), Some(NormAxis::Matrix(1, 2)))).unwrap_err(),
            empty_min,
        ),
        (
            "mat_neg2_empty",
            norm_with(&z(&[2, 0, 3]), opt(Some(NormOrd::P(-2.0)), Some(NormAxis::Matrix(1, 2)))).unwrap_err(),
            empty_min,
        ),
        (
            "vec_fro",
            norm_with(&z(&[2, 3]), opt(Some(NormOrd::Fro), Some(NormAxis::Vector(1)))).unwrap_err(),
            invalid,
        ),
        (
            "mat_3",
            norm_with(&z(&[2, 3]), opt(Some(NormOrd::P(3.0)), Some(NormAxis::Matrix(0, 1)))).unwrap_err(),
            invalid,
        ),
        ("dup_axes", norm_with(&z(&[2, 3]), opt(None, Some(NormAxis::Matrix(1, -1)))).unwrap_err(), invalid),
        ("axis_oob", norm_with(&z(&[2, 3]), opt(None, Some(NormAxis::Vector(2)))).unwrap_err(), |e| {
            matches!(e, LinalgError::Array(ArrayError::AxisOutOfBounds { axis: 2, ndim: 2, .. }))
        }),
        (
            "none_axis_3d_ord",
            norm_with(&z(&[2, 3, 4]), opt(Some(NormOrd::P(1.0)), None)).unwrap_err(),
            invalid,
        ),
        (
            "nan",
            norm_with(&sci_array::ndarray::array![[1.0, f64::NAN]], opt(None, Some(NormAxis::Vector(0))))
                .unwrap_err(),
            |e| matches!(e, LinalgError::NonFinite { arg: "a" }),
        ),
    ];
    for (name, err, ok) in &cases {
        // Every row is an error SciPy raises too (the fixture records its message).
        let scipy = f.str(&format!("errors/{name}"));
        assert!(ok(err), "{name}: got {err:?}, SciPy: {scipy}");
    }
    // The messages carry SciPy's wording.
    assert!(cases[5].1.to_string().contains("Invalid norm order 'fro' for vectors"));
    assert!(cases[6].1.to_string().contains("Invalid norm order for matrices."));
    assert!(cases[7].1.to_string().contains("Duplicate axes given."));
    assert!(cases[9].1.to_string().contains("Improper number of dimensions to norm."));
}

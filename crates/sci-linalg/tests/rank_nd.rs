//! NumPy parity for matrix_rank_nd (fixtures from tools/fixtures/linalg_rank_nd.py): stacks of
//! matrices (3-d and 4-d, real and complex, full-rank, rank-deficient and zero members; `rtol`,
//! `tol`, `hermitian`), one matrix, a zero-length stack, and 0-d / 1-d inputs; the same ranks
//! from Fortran-strided views and from the 2-d `matrix_rank_with` per matrix; `f32` stacks.

mod common;

use common::{case_keys, fortran_strided};
use sci_array::ndarray::{ArrayD, IxDyn, arr0, array};
use sci_array::testing::fixture::Fixture;
use sci_linalg::{LinalgError, MatrixRankOptions, matrix_rank_nd, matrix_rank_with};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_rank_nd.json")).unwrap()
}

fn want(f: &Fixture, k: &str) -> ArrayD<usize> {
    f.array_i64(&format!("{k}/rank")).mapv(|r| r as usize)
}

fn options(f: &Fixture, k: &str) -> MatrixRankOptions<f64> {
    let case = f.get(k);
    MatrixRankOptions {
        tol: case.get("tol").map(|_| f.f64(&format!("{k}/tol"))),
        rtol: case.get("rtol").map(|_| f.f64(&format!("{k}/rtol"))),
        hermitian: case.get("hermitian").and_then(|h| h.as_bool()).unwrap_or(false),
    }
}

#[test]
fn stacks_match_numpy() {
    let f = fx();
    for k in case_keys(&f, 'r', 8) {
        let o = options(&f, &k);
        let w = want(&f, &k);
        let complex = f.get(&format!("{k}/a")).get("dtype").and_then(|d| d.as_str()) == Some("complex128");
        if complex {
            let a = f.array_c64(&format!("{k}/a"));
            assert_eq!(matrix_rank_nd(&a, &o).unwrap(), w, "{k}");
            assert_eq!(matrix_rank_nd(&fortran_strided(&a), &o).unwrap(), w, "{k} strided");
            continue;
        }
        let a = f.array_f64(&format!("{k}/a"));
        assert_eq!(matrix_rank_nd(&a, &o).unwrap(), w, "{k}");
        assert_eq!(matrix_rank_nd(&fortran_strided(&a), &o).unwrap(), w, "{k} strided");
        // each rank is the 2-d function's on that matrix
        let (m, n) = (a.shape()[a.ndim() - 2], a.shape()[a.ndim() - 1]);
        let flat = a.to_shape((w.len(), m, n)).unwrap();
        for (i, r) in w.iter().enumerate() {
            assert_eq!(matrix_rank_with(&flat.index_axis(sci_array::ndarray::Axis(0), i), &o).unwrap(), *r);
        }
    }
}

#[test]
fn fewer_than_two_dimensions_match_numpy() {
    let f = fx();
    for k in case_keys(&f, 'v', 6) {
        let p = format!("{k}/a");
        let a = if f.get(&p).is_number() { arr0(f.f64(&p)).into_dyn() } else { f.array_f64(&p) };
        assert_eq!(matrix_rank_nd(&a, &MatrixRankOptions::default()).unwrap(), want(&f, &k), "{k}");
    }
}

/// `f32` stacks, on matrices whose ranks single precision cannot blur: an identity, a rank-1
/// product of small integers, zeros (NumPy gives 3, 1, 0 for them in float32 too).
#[test]
fn f32_stacks() {
    let mut a = ArrayD::<f32>::zeros(IxDyn(&[3, 3, 3]));
    for i in 0..3 {
        a[[0, i, i]] = 1.0;
        for j in 0..3 {
            a[[1, i, j]] = ((i + 1) * (j + 2)) as f32;
        }
    }
    let want = array![3usize, 1, 0].into_dyn();
    assert_eq!(matrix_rank_nd(&a, &MatrixRankOptions::default()).unwrap(), want);
    let h = MatrixRankOptions { hermitian: true, ..Default::default() };
    let sym = a.mapv(|x| x) + a.clone().permuted_axes(IxDyn(&[0, 2, 1]));
    assert_eq!(matrix_rank_nd(&sym, &h).unwrap(), array![3usize, 2, 0].into_dyn());
}

#[test]
fn bad_input_is_an_error() {
    let both = MatrixRankOptions { tol: Some(1.0), rtol: Some(1.0), hermitian: false };
    let stack = ArrayD::<f64>::zeros(IxDyn(&[2, 3, 3]));
    let invalid = |e: LinalgError| {
        matches!(&e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "tol", .. }))
            && e.to_string().contains("can't be both set")
    };
    assert!(invalid(matrix_rank_nd(&stack, &both).unwrap_err()));
    assert!(invalid(matrix_rank_nd(&array![1.0, 2.0], &both).unwrap_err()));
    // NaN in one matrix of a stack: SciPy's check_finite error (NumPy's SVD fails to converge)
    let mut nan = ArrayD::<f64>::ones(IxDyn(&[2, 2, 3]));
    nan[[1, 0, 2]] = f64::NAN;
    assert_eq!(
        matrix_rank_nd(&nan, &MatrixRankOptions::default()).unwrap_err(),
        LinalgError::NonFinite { arg: "a" }
    );
    // hermitian needs square matrices
    let rect = ArrayD::<f64>::ones(IxDyn(&[2, 2, 3]));
    let h = MatrixRankOptions { hermitian: true, ..Default::default() };
    assert!(matches!(matrix_rank_nd(&rect, &h).unwrap_err(), LinalgError::NotSquare { .. }));
}

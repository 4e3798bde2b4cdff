//! A sweep of the crate's matrix functions over the inputs SciPy's own tests poke at (empty
//! shapes, 1 × 1, zeros, singular and rank-deficient matrices, NaN and infinity, values near
//! the ends of the `f64` range, rectangular and non-contiguous views): every call must return,
//! `Ok` or an error, and never panic. The values themselves are checked against SciPy by the
//! other test files; this one guards the "errors, never panics, on user input" rule across
//! the whole surface at once, for `f64`, `f32`, complex128 and complex64 input, on the backend
//! the tests are built with.

use sci_array::ndarray::{Array1, Array2, ArrayView2, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::PanicSweep;
use sci_linalg::*;

/// The inputs, by name.
fn inputs() -> Vec<(String, Array2<f64>)> {
    let mut out: Vec<(String, Array2<f64>)> = vec![
        ("0x0".into(), Array2::zeros((0, 0))),
        ("0x3".into(), Array2::zeros((0, 3))),
        ("3x0".into(), Array2::zeros((3, 0))),
        ("[[2]]".into(), array![[2.0]]),
        ("[[0]]".into(), array![[0.0]]),
        ("[[-1]]".into(), array![[-1.0]]),
        ("[[nan]]".into(), array![[f64::NAN]]),
        ("[[inf]]".into(), array![[f64::INFINITY]]),
        ("zeros 3x3".into(), Array2::zeros((3, 3))),
        ("singular 3x3".into(), array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 1.0, 1.0]]),
        ("spd 2x2".into(), array![[4.0, 1.0], [1.0, 3.0]]),
        ("negative definite 2x2".into(), array![[-4.0, 1.0], [1.0, -3.0]]),
        ("rotation 2x2".into(), array![[0.0, -1.0], [1.0, 0.0]]),
        ("nilpotent 3x3".into(), array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]),
        ("huge 3x3".into(), Array2::from_shape_fn((3, 3), |(i, j)| 1e300 * (1.0 + (i * 3 + j) as f64))),
        ("subnormal 3x3".into(), Array2::from_shape_fn((3, 3), |(i, j)| 1e-310 * (1.0 + (i + 2 * j) as f64))),
        ("rect 4x3".into(), Array2::from_shape_fn((4, 3), |(i, j)| ((i * 3 + j) as f64).sin())),
        ("rect 3x4".into(), Array2::from_shape_fn((3, 4), |(i, j)| ((i * 4 + j) as f64).cos())),
        (
            "dense 5x5".into(),
            Array2::from_shape_fn((5, 5), |(i, j)| ((i * 5 + j) as f64 * 0.7).sin() + (i == j) as u8 as f64),
        ),
    ];
    let mut nan = out[18].1.clone();
    nan[[1, 2]] = f64::NAN;
    out.push(("dense with NaN".into(), nan));
    let mut inf = out[18].1.clone();
    inf[[4, 0]] = f64::NEG_INFINITY;
    out.push(("dense with -inf".into(), inf));
    out
}

/// The views of each input: as it is, transposed, with reversed rows, every other row and column.
fn views<T>(a: &Array2<T>) -> Vec<(&'static str, ArrayView2<'_, T>)> {
    vec![
        ("", a.view()),
        (" transposed", a.t()),
        (" rows reversed", a.slice(s![..;-1, ..])),
        (" stepped", a.slice(s![..;2, ..;2])),
    ]
}

macro_rules! sweep {
    ($panics:expr, $label:expr, $a:expr, $t:ty, $( $name:literal => $call:expr ),* $(,)?) => {
        $( $panics.run(format!("{} on {}", $name, $label), || { let a: ArrayView2<'_, $t> = $a; let _ = $call(a); }); )*
    };
}

/// Every function of any element type on every view of every input.
fn sweep_scalar<T: LinalgScalar>(panics: &mut PanicSweep, ty: &str, inputs: &[(String, Array2<T>)]) {
    for (label, owned) in inputs {
        for (how, a) in views(owned) {
            let label = format!("{ty} {label}{how}");
            let b = Array1::from_elem(a.nrows(), T::one());
            let long = Array1::from_elem(a.nrows() + 1, T::one());
            sweep!(panics, label, a, T,
                "det" => |a| det(&a).map(|_| ()),
                "slogdet" => |a| slogdet(&a).map(|_| ()),
                "inv" => |a| inv(&a).map(|_| ()),
                "lu" => |a| lu(&a).map(|_| ()),
                "lu_factor" => |a| lu_factor(&a).map(|_| ()),
                "cholesky" => |a| cholesky(&a, false).map(|_| ()),
                "cholesky lower" => |a| cholesky(&a, true).map(|_| ()),
                "cho_factor" => |a| cho_factor(&a, false).map(|_| ()),
                "eig" => |a| eig(&a).map(|_| ()),
                "eigvals" => |a| eigvals(&a).map(|_| ()),
                "eigh" => |a| eigh(&a, true).map(|_| ()),
                "eigvalsh" => |a| eigvalsh(&a, false).map(|_| ()),
                "svd" => |a| svd(&a, true).map(|_| ()),
                "svd thin" => |a| svd(&a, false).map(|_| ()),
                "svdvals" => |a| svdvals(&a).map(|_| ()),
                "qr" => |a| qr(&a, QrMode::Full).map(|_| ()),
                "qr economic" => |a| qr(&a, QrMode::Economic).map(|_| ()),
                "qr_r" => |a| qr_r(&a).map(|_| ()),
                "qr_pivoting" => |a| qr_pivoting(&a, QrMode::Full).map(|_| ()),
                "rq" => |a| rq(&a, QrMode::Economic).map(|_| ()),
                "hessenberg" => |a| hessenberg(&a).map(|_| ()),
                "schur_complex" => |a| schur_complex(&a).map(|_| ()),
                "expm" => |a| expm(&a).map(|_| ()),
                "expm_cond" => |a| expm_cond(&a).map(|_| ()),
                "logm" => |a| logm(&a).map(|_| ()),
                "sqrtm" => |a| sqrtm(&a).map(|_| ()),
                "funm exp" => |a| funm(&a, |z| z.exp()).map(|_| ()),
                "fractional_matrix_power 0.5" => |a| fractional_matrix_power(&a, 0.5).map(|_| ()),
                "fractional_matrix_power -1.5" => |a| fractional_matrix_power(&a, -1.5).map(|_| ()),
                "matrix_power 0" => |a| matrix_power(&a, 0).map(|_| ()),
                "matrix_power 3" => |a| matrix_power(&a, 3).map(|_| ()),
                "matrix_power -2" => |a| matrix_power(&a, -2).map(|_| ()),
                "norm" => |a| norm(&a, None).map(|_| ()),
                "norm nuc" => |a| norm(&a, Some(NormOrd::Nuc)).map(|_| ()),
                "norm inf" => |a| norm(&a, Some(NormOrd::Inf)).map(|_| ()),
                "norm -inf" => |a| norm(&a, Some(NormOrd::NegInf)).map(|_| ()),
                "norm 2" => |a| norm(&a, Some(NormOrd::P(2.0))).map(|_| ()),
                "norm -2" => |a| norm(&a, Some(NormOrd::P(-2.0))).map(|_| ()),
                "norm -1" => |a| norm(&a, Some(NormOrd::P(-1.0))).map(|_| ()),
                "cond" => |a| cond(&a, None).map(|_| ()),
                "cond fro" => |a| cond(&a, Some(NormOrd::Fro)).map(|_| ()),
                "matrix_rank" => |a| matrix_rank(&a, None).map(|_| ()),
                "pinv" => |a| pinv(&a, None, None).map(|_| ()),
                "pinvh" => |a| pinvh(&a, None, None, true).map(|_| ()),
                "orth" => |a| orth(&a, None).map(|_| ()),
                "null_space" => |a| null_space(&a, None).map(|_| ()),
                "polar" => |a| polar(&a, Side::Right).map(|_| ()),
                "polar left" => |a| polar(&a, Side::Left).map(|_| ()),
                "ldl" => |a| ldl(&a, true).map(|_| ()),
                "ldl upper" => |a| ldl(&a, false).map(|_| ()),
                "matrix_balance" => |a| matrix_balance(&a, true, true).map(|_| ()),
                "solve" => |a| solve(&a, &b).map(|_| ()),
                "solve, b too long" => |a| solve(&a, &long).map(|_| ()),
                "lstsq" => |a| lstsq(&a, &b, None).map(|_| ()),
                "lstsq, b too long" => |a| lstsq(&a, &long, None).map(|_| ()),
                "solve_triangular" => |a| solve_triangular(&a, &b, TriangularOptions::default()).map(|_| ()),
                "lu_solve" => |a| lu_factor(&a).and_then(|f| lu_solve(&f, &b, Trans::N)).map(|_| ()),
                "lu_solve, b too long" => |a| lu_factor(&a).and_then(|f| lu_solve(&f, &long, Trans::T)).map(|_| ()),
                "cho_solve" => |a| cho_factor(&a, true).and_then(|f| cho_solve(&f, &b)).map(|_| ()),
                "matmul" => |a| matmul(&a, &a.t()).map(|_| ()),
                "kron" => |a| Ok::<_, LinalgError>(kron(&a, &a).len()),
            );
        }
    }
}

/// The functions of real input only.
fn sweep_real<T: LinalgFloat>(panics: &mut PanicSweep, ty: &str, inputs: &[(String, Array2<T>)]) {
    for (label, owned) in inputs {
        for (how, a) in views(owned) {
            let label = format!("{ty} {label}{how}");
            sweep!(panics, label, a, T,
                "schur" => |a| schur(&a).map(|_| ()),
                "signm" => |a| signm(&a).map(|_| ()),
                "cosm" => |a| cosm(&a).map(|_| ()),
                "sinm" => |a| sinm(&a).map(|_| ()),
                "tanm" => |a| tanm(&a).map(|_| ()),
                "coshm" => |a| coshm(&a).map(|_| ()),
                "sinhm" => |a| sinhm(&a).map(|_| ()),
                "tanhm" => |a| tanhm(&a).map(|_| ()),
            );
        }
    }
}

#[test]
fn no_function_panics_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    let f64s = inputs();
    let f32s: Vec<_> = f64s.iter().map(|(l, a)| (l.clone(), a.mapv(|x| x as f32))).collect();
    // complex: the real matrix plus i times its transpose (Hermitian parts stay Hermitian)
    let c128: Vec<_> = f64s
        .iter()
        .map(|(l, a)| {
            (
                l.clone(),
                Array2::from_shape_fn(a.dim(), |(i, j)| {
                    let y = if i < a.ncols() && j < a.nrows() { a[[j, i]] } else { 0.0 };
                    Complex64::new(
                        a[[i, j]],
                        if i == j {
                            0.0
                        } else if i < j {
                            0.5 * y
                        } else {
                            -0.5 * y
                        },
                    )
                }),
            )
        })
        .collect();
    let c64: Vec<_> =
        c128.iter().map(|(l, a)| (l.clone(), a.mapv(|z| Complex32::new(z.re as f32, z.im as f32)))).collect();
    sweep_scalar(&mut panics, "f64", &f64s);
    sweep_scalar(&mut panics, "f32", &f32s);
    sweep_scalar(&mut panics, "complex128", &c128);
    sweep_scalar(&mut panics, "complex64", &c64);
    sweep_real(&mut panics, "f64", &f64s);
    sweep_real(&mut panics, "f32", &f32s);
    panics.finish();
}

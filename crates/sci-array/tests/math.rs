//! `clip`, `hypot`, `axpy`, `convolve`, `correlate` and `einsum` against NumPy (fixtures from
//! `tools/fixtures/array_math.py`).

use sci_array::ndarray::{Array1, ArrayD, Ix1, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_math.json")).unwrap()
}

fn v1(f: &Fixture, k: &str) -> Array1<f64> {
    f.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn convolve_and_correlate_match_numpy() {
    let f = fx();
    let x = v1(&f, "conv/x");
    let k3 = v1(&f, "conv/k3");
    let k4 = v1(&f, "conv/k4");
    let short = v1(&f, "conv/short");
    for (name, mode) in
        [("full", ConvolveMode::Full), ("same", ConvolveMode::Same), ("valid", ConvolveMode::Valid)]
    {
        let e = |k: &str| v1(&f, &format!("conv/{k}_{name}"));
        // Products summed in another order than NumPy's dot: a few ulps.
        assert_allclose(&convolve(&x, &k3, mode).unwrap(), &e("convolve_k3"), 1e-13, 1e-14);
        assert_allclose(&convolve(&x, &k4, mode).unwrap(), &e("convolve_k4"), 1e-13, 1e-14);
        assert_allclose(&convolve(&short, &k4, mode).unwrap(), &e("convolve_swap"), 1e-13, 1e-14);
        assert_allclose(&correlate(&x, &k4, mode).unwrap(), &e("correlate_k4"), 1e-13, 1e-14);
        assert_allclose(&correlate(&short, &k4, mode).unwrap(), &e("correlate_swap"), 1e-13, 1e-14);
    }
    // Views, length 1, integers and complex.
    let rev = x.slice(s![..;-1]);
    let direct = convolve(&rev.to_owned().view(), &k3.view(), ConvolveMode::Valid).unwrap();
    assert_eq!(convolve(&rev, &k3.view(), ConvolveMode::Valid).unwrap(), direct);
    assert_eq!(convolve(&array![2.0], &array![3.0], ConvolveMode::Same).unwrap(), array![6.0]);
    assert_eq!(convolve(&array![1, 2, 3], &array![1, 1], ConvolveMode::Full).unwrap(), array![1, 3, 5, 3]);
    let z = array![Complex64::new(1.0, 1.0), Complex64::new(0.0, 2.0)];
    let c = convolve(&z, &array![Complex64::new(0.0, 1.0)], ConvolveMode::Full).unwrap();
    assert_eq!(c, array![Complex64::new(-1.0, 1.0), Complex64::new(-2.0, 0.0)]);
}

#[test]
fn long_stencil_takes_the_parallel_path() {
    let n = 300_000;
    let x = Array1::from_iter((0..n).map(|i| ((i * 31) % 97) as f64));
    let st = convolve(&x, &array![1.0, -2.0, 1.0], ConvolveMode::Valid).unwrap();
    assert_eq!(st.len(), n - 2);
    for i in 0..n - 2 {
        // Small integers: exact in any order.
        assert_eq!(st[i], x[i] - 2.0 * x[i + 1] + x[i + 2]);
    }
    let y = Array1::from_iter((0..n).map(|i| i as f64 * 0.5));
    let r = axpy(1.1, &x, &y).unwrap();
    for i in (0..n).step_by(997) {
        assert_eq!(r[i], x[i] * 1.1 + y[i]);
    }
}

#[test]
fn einsum_matches_numpy() {
    let f = fx();
    let g = |k: &str| f.array_f64(&format!("ein/{k}"));
    let (c, d, t, u, sq, v, e3, ff) = (g("c"), g("d"), g("t"), g("u"), g("sq"), g("v"), g("e3"), g("f"));
    let d0: ArrayD<f64> = d.slice(s![0, ..]).to_owned().into_dyn();
    let cases: Vec<(&str, &str, Vec<&ArrayD<f64>>)> = vec![
        ("matmul", "ij,jk->ik", vec![&c, &d]),
        ("implicit", "ij,jk", vec![&c, &d]),
        ("trace", "ii", vec![&sq]),
        ("diag", "ii->i", vec![&sq]),
        ("outer", "i,j->ij", vec![&v, &v]),
        ("inner", "i,i", vec![&v, &v]),
        ("bmm", "bij,bjk->bik", vec![&t, &u]),
        ("transpose", "ij->ji", vec![&c]),
        ("sum", "ij->", vec![&c]),
        ("matvec", "ij,j->i", vec![&sq, &v]),
        ("three", "ij,jk,k->i", vec![&c, &d, &d0]),
        ("implicit_t", "ji", vec![&c]),
        ("reduce_axis", "ijk->ik", vec![&e3]),
        ("contract2", "ijk,jkl->il", vec![&e3, &ff]),
    ];
    for (key, sub, ops) in cases {
        let views: Vec<_> = ops.iter().map(|a| a.view()).collect();
        let r = einsum(sub, &views).unwrap_or_else(|e| panic!("{sub}: {e}"));
        // Contractions are summed in another order than NumPy's.
        assert_allclose(&r, &g(key), 1e-13, 1e-14);
    }
    // A non-contiguous operand.
    let ct = c.t();
    let r = einsum("ji,jk->ik", &[ct.view(), d.view()]).unwrap();
    assert_allclose(&r, &g("matmul"), 1e-13, 1e-14);
    // f32 and complex.
    let a32 = array![[1.0f32, 2.0], [3.0, 4.0]].into_dyn();
    assert_eq!(
        einsum("ij,jk->ik", &[a32.view(), a32.view()]).unwrap(),
        array![[7.0f32, 10.0], [15.0, 22.0]].into_dyn()
    );
    let z = array![Complex64::new(0.0, 1.0), Complex64::new(1.0, 0.0)].into_dyn();
    assert_eq!(einsum("i,i", &[z.view(), z.view()]).unwrap()[[]], Complex64::new(0.0, 0.0));
}

#[test]
fn clip_and_hypot_match_numpy() {
    let f = fx();
    let x = v1(&f, "clip/x");
    assert_array_equal(&clip(&x, Some(-0.5), Some(0.7)).unwrap(), &v1(&f, "clip/r"));
    assert_array_equal(&clip(&x, Some(-0.5), None).unwrap(), &v1(&f, "clip/lo"));
    let h = hypot(&x.slice(s![..10]), &x.slice(s![10..20])).unwrap();
    assert_allclose(&h, &f.array_f64("hypot"), 1e-15, 0.0);
    assert!(clip(&array![f64::NAN, 1.0], Some(0.0), Some(0.5)).unwrap()[0].is_nan());
    assert!(clip(&array![1.0], Some(f64::NAN), None).unwrap()[0].is_nan());
    assert_eq!(clip(&array![1u8, 200], None, Some(100)).unwrap(), array![1, 100]);
}

#[test]
fn bad_input_is_an_error() {
    let a = array![[1.0, 2.0], [3.0, 4.0]].into_dyn();
    let b = array![[1.0, 2.0, 3.0]].into_dyn();
    let v = array![1.0, 2.0, 3.0];
    let e = Array1::<f64>::zeros(0);
    let einsum_cases = [
        ("ij,jk->ik", vec![a.view(), b.view()]),
        ("ij->ik", vec![a.view()]),
        ("ij->ii", vec![a.view()]),
        ("ijk", vec![a.view()]),
        ("ij,jk", vec![a.view()]),
        ("...ij->ij", vec![a.view()]),
        ("i1", vec![a.view()]),
        ("ij", vec![]),
    ];
    for (sub, ops) in einsum_cases {
        assert!(einsum(sub, &ops).is_err(), "einsum {sub:?} should fail");
    }
    let others: Vec<(&str, bool)> = vec![
        ("clip no bounds", clip(&v, None, None).is_err()),
        ("hypot broadcast", hypot(&v, &array![1.0, 2.0]).is_err()),
        ("axpy shapes", axpy(1.0, &v, &array![1.0, 2.0]).is_err()),
        ("convolve empty a", convolve(&e, &v, ConvolveMode::Full).is_err()),
        ("convolve empty v", convolve(&v, &e, ConvolveMode::Full).is_err()),
        ("correlate empty", correlate(&e, &v, ConvolveMode::Valid).is_err()),
    ];
    for (name, failed) in others {
        assert!(failed, "{name} should fail");
    }
}

//! BarycentricInterpolator, KroghInterpolator, lagrange, pade and approximate_taylor_polynomial
//! against SciPy (tools/fixtures/interpolate_polyint.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_interpolate::{
    BarycentricInterpolator, InterpolateError, KroghInterpolator, approximate_taylor_polynomial,
    barycentric_interpolate, krogh_interpolate, lagrange, pade,
};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/polyint.json")).expect("fixture")
}

fn a1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn a2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn len(f: &Fixture, p: &str) -> usize {
    f.get(p).as_array().unwrap().len()
}

#[track_caller]
fn close<D: sci_array::ndarray::Dimension>(
    got: &sci_array::ndarray::Array<f64, D>,
    want: &sci_array::ndarray::Array<f64, D>,
    rtol: f64,
    atol: f64,
    what: &str,
) {
    check_allclose(got, want, rtol, atol).unwrap_or_else(|e| panic!("{what}: {e}"));
}

#[test]
fn barycentric_matches_scipy() {
    let fx = fixture();
    for i in 0..len(&fx, "barycentric") {
        let p = |k: &str| format!("barycentric/{i}/{k}");
        let what = fx.str(&p("name")).to_string();
        let (xi, yi, x) = (a1(&fx, &p("xi")), a1(&fx, &p("yi")), a1(&fx, &p("x")));
        let b = BarycentricInterpolator::new(&xi, &yi).unwrap();
        // SciPy multiplies the factors of each weight in a random order: a few ulps apart.
        close(&Array1::from(b.weights().to_vec()), &a1(&fx, &p("wi")), 1e-14, 0.0, &format!("{what}: wi"));
        // Sums of products in another order (SciPy: BLAS dot); the 30 Chebyshev nodes give
        // derivatives of size ~1e4 from cancelling terms, hence the absolute tolerances.
        close(&b.call(&x), &a1(&fx, &p("y")), 1e-12, 1e-13, &format!("{what}: values"));
        close(
            &barycentric_interpolate(&xi, &yi, &x, 0).unwrap(),
            &a1(&fx, &p("interpolate")),
            1e-12,
            1e-13,
            &format!("{what}: barycentric_interpolate"),
        );
        for d in 1..=3usize {
            let want = a1(&fx, &p(&format!("d{d}")));
            let scale = want.iter().fold(1.0f64, |m, v| m.max(v.abs()));
            close(&b.derivative(&x, d), &want, 1e-10, 1e-11 * scale, &format!("{what}: derivative {d}"));
            close(
                &barycentric_interpolate(&xi, &yi, &x, d).unwrap(),
                &want,
                1e-10,
                1e-11 * scale,
                &format!("{what}: barycentric_interpolate der={d}"),
            );
        }
        let want = a2(&fx, &p("derivatives"));
        let got = b.derivatives(&x, None);
        assert_eq!(got.shape(), want.shape(), "{what}: derivatives shape");
        for (d, (g, w)) in got.outer_iter().zip(want.outer_iter()).enumerate() {
            let scale = w.iter().fold(1.0f64, |m, v| m.max(v.abs()));
            // Each order is one more product with the differentiation matrix and loses a
            // little more (the 20th derivative of the degree-29 case: 2e-9 relative, the 26th
            // 1e-5, the 28th 1e-3: above order 15 both SciPy's and these values are mostly rounding
            // noise, checked only to a few per cent).
            let rtol = if d <= 15 { 1e-10 * 1.5f64.powi(d as i32) } else { 5e-2 };
            close(&g.to_owned(), &w.to_owned(), rtol, 1e-10 * scale, &format!("{what}: derivatives[{d}]"));
        }
        let want3 = a2(&fx, &p("derivatives3"));
        assert_eq!(b.derivatives(&x, Some(3)).shape(), want3.shape());
    }
}

#[test]
fn barycentric_add_xi_set_yi() {
    let fx = fixture();
    let mut b = BarycentricInterpolator::new(&a1(&fx, "add_xi/xi"), &a1(&fx, "add_xi/yi")).unwrap();
    b.add_xi(&a1(&fx, "add_xi/xnew"), &a1(&fx, "add_xi/ynew")).unwrap();
    let x = a1(&fx, "add_xi/x");
    // The weights of the interpolator built from all nodes at once, up to a common factor
    // (SciPy's C = 4 / (max - min) changes with the nodes; add_xi keeps the first one).
    let want = a1(&fx, "add_xi/wi");
    let ratio = b.weights()[0] / want[0];
    close(&Array1::from(b.weights().to_vec()).mapv(|w| w / ratio), &want, 1e-13, 0.0, "wi after add_xi");
    close(&b.call(&x), &a1(&fx, "add_xi/y"), 1e-13, 1e-14, "values after add_xi");
    b.set_yi(&a1(&fx, "add_xi/yi2")).unwrap();
    close(&b.call(&x), &a1(&fx, "add_xi/y2"), 1e-13, 1e-14, "values after set_yi");
    close(&b.derivative(&x, 1), &a1(&fx, "add_xi/d1_2"), 1e-11, 1e-12, "derivative after set_yi");
    assert_eq!(b.xi().len(), 9);
    assert_eq!(b.yi().len(), 9);
    // A copy with the weights given (SciPy's wi=) is the same interpolant.
    let c = BarycentricInterpolator::with_weights(
        &Array1::from(b.xi().to_vec()),
        &Array1::from(b.yi().to_vec()),
        &Array1::from(b.weights().to_vec()),
    )
    .unwrap();
    assert_eq!(c.call(&x), b.call(&x));
}

#[test]
fn krogh_matches_scipy() {
    let fx = fixture();
    for i in 0..len(&fx, "krogh") {
        let p = |k: &str| format!("krogh/{i}/{k}");
        let what = fx.str(&p("name")).to_string();
        let (xi, yi, x) = (a1(&fx, &p("xi")), a1(&fx, &p("yi")), a1(&fx, &p("x")));
        let k = KroghInterpolator::new(&xi, &yi).unwrap();
        // The same recurrences in the same order as SciPy.
        close(&Array1::from(k.coefficients().to_vec()), &a1(&fx, &p("c")), 1e-14, 0.0, &format!("{what}: c"));
        close(&k.call(&x), &a1(&fx, &p("y")), 1e-14, 1e-14, &format!("{what}: values"));
        close(
            &k.derivatives(&x, None),
            &a2(&fx, &p("derivatives")),
            1e-13,
            1e-13,
            &format!("{what}: derivatives"),
        );
        let more = a2(&fx, &p("derivatives_more"));
        close(
            &k.derivatives(&x, Some(xi.len() + 2)),
            &more,
            1e-13,
            1e-13,
            &format!("{what}: derivatives(n + 2)"),
        );
        close(&k.derivative(&x, 2), &a1(&fx, &p("d2")), 1e-13, 1e-13, &format!("{what}: derivative 2"));
        close(
            &krogh_interpolate(&xi, &yi, &x, 1).unwrap(),
            &a1(&fx, &p("interp_d1")),
            1e-13,
            1e-13,
            &format!("{what}: krogh_interpolate der=1"),
        );
    }
}

#[test]
fn lagrange_matches_scipy() {
    let fx = fixture();
    for i in 0..len(&fx, "lagrange") {
        let p = |k: &str| format!("lagrange/{i}/{k}");
        let got = lagrange(&a1(&fx, &p("x")), &a1(&fx, &p("w"))).unwrap();
        // The same products and sums in the same order as SciPy (poly1d arithmetic).
        close(&Array1::from(got), &a1(&fx, &p("coef")), 1e-13, 1e-14, &format!("lagrange case {i}"));
    }
}

#[test]
fn pade_matches_scipy() {
    let fx = fixture();
    for i in 0..len(&fx, "pade") {
        let p = |k: &str| format!("pade/{i}/{k}");
        let an = a1(&fx, &p("an")).to_vec();
        let m = fx.i64(&p("m")) as usize;
        let n = usize::try_from(fx.i64(&p("n"))).ok();
        let (pp, qq) = pade(&an, m, n).unwrap();
        // LU with partial pivoting here and in LAPACK's gesv; rounding in the updates differs.
        close(&Array1::from(pp), &a1(&fx, &p("p")), 1e-12, 1e-14, &format!("pade case {i}: p"));
        close(&Array1::from(qq), &a1(&fx, &p("q")), 1e-12, 1e-14, &format!("pade case {i}: q"));
    }
}

#[test]
fn approximate_taylor_polynomial_matches_scipy() {
    let fx = fixture();
    for i in 0..len(&fx, "taylor") {
        let p = |k: &str| format!("taylor/{i}/{k}");
        let name = fx.str(&p("name")).to_string();
        let f: fn(f64) -> f64 = match name.as_str() {
            "sin" => f64::sin,
            "exp" => f64::exp,
            "cos" => f64::cos,
            _ => |t: f64| t * t * t - 2.0 * t,
        };
        let order = usize::try_from(fx.i64(&p("order"))).ok();
        let got = approximate_taylor_polynomial(
            f,
            fx.f64(&p("x")),
            fx.i64(&p("degree")) as usize,
            fx.f64(&p("scale")),
            order,
        )
        .unwrap();
        // libm's sin/cos/exp vs NumPy's (an ulp apart), amplified by the divided differences.
        close(&Array1::from(got), &a1(&fx, &p("coef")), 1e-10, 1e-12, &format!("taylor {name}"));
    }
}

#[test]
fn non_contiguous_inputs() {
    let xi = Array1::linspace(-1.0, 1.0, 13);
    let yi = xi.mapv(|v: f64| (3.0 * v).cos());
    let x = Array1::linspace(-1.2, 1.2, 10);
    let b1 = BarycentricInterpolator::new(&xi.slice(s![..;2]), &yi.slice(s![..;2])).unwrap();
    let b2 =
        BarycentricInterpolator::new(&xi.slice(s![..;2]).to_owned(), &yi.slice(s![..;2]).to_owned()).unwrap();
    assert_eq!(b1.call(&x.slice(s![..;-1])), b2.call(&x.slice(s![..;-1]).to_owned()));
    let k1 = KroghInterpolator::new(&xi.slice(s![1..;3]), &yi.slice(s![1..;3])).unwrap();
    let k2 =
        KroghInterpolator::new(&xi.slice(s![1..;3]).to_owned(), &yi.slice(s![1..;3]).to_owned()).unwrap();
    assert_eq!(k1.derivatives(&x.slice(s![..;3]), None), k2.derivatives(&x.slice(s![..;3]).to_owned(), None));
    // A 2-d x keeps its shape.
    let grid = Array2::from_shape_fn((2, 3), |(i, j)| 0.1 * (i * 3 + j) as f64);
    assert_eq!(b1.call(&grid).shape(), &[2, 3]);
    assert_eq!(k1.derivative(&grid.t(), 1).shape(), &[3, 2]);
}

#[test]
fn nan_and_nodes() {
    let b = BarycentricInterpolator::new(&array![0.0, 1.0, 2.0], &array![1.0, 5.0, -2.0]).unwrap();
    assert!(b.eval(f64::NAN).is_nan());
    assert!(b.eval(f64::INFINITY).is_nan()); // SciPy: 0/0
    assert_eq!(b.eval(1.0), 5.0);
    let k = KroghInterpolator::new(&array![0.0, 1.0], &array![1.0, 3.0]).unwrap();
    assert!(k.eval(f64::NAN).is_nan());
    assert_eq!(k.derivatives(&array![0.5], Some(0)).shape(), &[0, 1]);
}

#[test]
fn bad_input_is_an_error() {
    let e = |r: Result<(), InterpolateError>| r.unwrap_err().to_string();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "bary empty",
            e(BarycentricInterpolator::new(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0)).map(drop)),
            "xi: need at least one interpolation point, got 0",
        ),
        (
            "bary length",
            e(BarycentricInterpolator::new(&array![0.0, 1.0], &array![1.0]).map(drop)),
            "x and y arrays must be equal in length along interpolation axis, got 2 and 1",
        ),
        (
            "bary repeated",
            e(BarycentricInterpolator::new(&array![0.0, 1.0, 1.0], &array![1.0, 2.0, 3.0]).map(drop)),
            "xi: Interpolation points xi must be distinct.",
        ),
        (
            "bary set_yi",
            e(BarycentricInterpolator::new(&array![0.0, 1.0], &array![1.0, 2.0])
                .unwrap()
                .set_yi(&array![1.0])),
            "x and y arrays must be equal in length along interpolation axis, got 2 and 1",
        ),
        (
            "bary add_xi",
            e(BarycentricInterpolator::new(&array![0.0, 1.0], &array![1.0, 2.0])
                .unwrap()
                .add_xi(&array![3.0], &array![1.0, 2.0])),
            "x and y arrays must be equal in length along interpolation axis, got 1 and 2",
        ),
        (
            "bary wi",
            e(BarycentricInterpolator::with_weights(&array![0.0, 1.0], &array![1.0, 2.0], &array![1.0])
                .map(drop)),
            "x and y arrays must be equal in length along interpolation axis, got 2 and 1",
        ),
        (
            "krogh empty",
            e(KroghInterpolator::new(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0)).map(drop)),
            "xi: need at least one interpolation point, got 0",
        ),
        (
            "krogh length",
            e(KroghInterpolator::new(&array![0.0, 1.0], &array![1.0, 2.0, 3.0]).map(drop)),
            "x and y arrays must be equal in length along interpolation axis, got 2 and 3",
        ),
        (
            "krogh equal apart",
            e(KroghInterpolator::new(&array![0.0, 1.0, 0.0], &array![1.0, 2.0, 3.0]).map(drop)),
            "xi: Elements of `xi` can't be equal.",
        ),
        (
            "krogh NaN",
            e(KroghInterpolator::new(&array![0.0, f64::NAN, 1.0], &array![1.0, 2.0, 3.0]).map(drop)),
            "`xi` must contain only finite values, got NaN at index 1",
        ),
        (
            "lagrange length",
            e(lagrange(&array![0.0, 1.0], &array![1.0]).map(drop)),
            "x and y arrays must be equal in length along interpolation axis, got 2 and 1",
        ),
        (
            "pade m too large",
            e(pade(&[1.0, 1.0, 0.5], 3, None).map(drop)),
            "m: Order of q <m> must be smaller than len(an)-1.",
        ),
        ("pade empty", e(pade(&[], 0, None).map(drop)), "m: Order of q <m> must be smaller than len(an)-1."),
        (
            "pade m + n",
            e(pade(&[1.0, 1.0, 0.5], 1, Some(2)).map(drop)),
            "n: Order of q+p <m+n> must be smaller than len(an).",
        ),
        (
            "pade huge n",
            e(pade(&[1.0, 1.0, 0.5], 1, Some(usize::MAX)).map(drop)),
            "n: Order of q+p <m+n> must be smaller than len(an).",
        ),
        (
            "pade NaN",
            e(pade(&[1.0, f64::NAN, 0.5], 1, None).map(drop)),
            "`an` must contain only finite values, got NaN at index 1",
        ),
        (
            "pade singular",
            e(pade(&[1.0, 0.0, 0.0, 0.0], 2, None).map(drop)),
            "an: A singular matrix detected",
        ),
    ];
    for (name, got, want) in cases {
        assert_eq!(got, want, "{name}");
    }
}

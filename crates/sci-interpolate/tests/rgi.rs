//! RegularGridInterpolator and interpn against SciPy (tools/fixtures/interpolate_rgi.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_interpolate::{GridMethod, GridOptions, InterpolateError, RegularGridInterpolator, interpn};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rgi.json")).expect("fixture")
}

fn method(name: &str) -> GridMethod {
    match name {
        "linear" => GridMethod::Linear,
        "nearest" => GridMethod::Nearest,
        "slinear" => GridMethod::Slinear,
        "cubic" => GridMethod::Cubic,
        "quintic" => GridMethod::Quintic,
        "pchip" => GridMethod::Pchip,
        other => panic!("unknown method {other}"),
    }
}

struct Case {
    what: String,
    points: Vec<Array1<f64>>,
    values: ArrayD<f64>,
    xi: ArrayD<f64>,
    options: GridOptions,
}

fn case(fx: &Fixture, i: usize) -> Case {
    let p = |k: &str| format!("cases/{i}/{k}");
    let npts = fx.get(&p("points")).as_array().expect("list").len();
    let points = (0..npts)
        .map(|d| fx.array_f64(&p(&format!("points/{d}"))).into_dimensionality::<Ix1>().unwrap())
        .collect();
    let fill = fx.get(&p("fill"));
    let fill_value = match fill.as_str() {
        Some("extrapolate") => None,
        Some("nan") => Some(f64::NAN),
        Some(other) => panic!("fill {other}"),
        None => Some(fill.as_f64().expect("number")),
    };
    let m = fx.str(&p("method")).to_string();
    let options =
        GridOptions { method: method(&m), bounds_error: fx.i64(&p("bounds_error")) == 1, fill_value };
    Case {
        what: format!("case {i} ({}, {m}, {options:?})", fx.str(&p("label"))),
        points,
        values: fx.array_f64(&p("values")),
        xi: fx.array_f64(&p("xi")),
        options,
    }
}

#[test]
fn regular_grid_interpolator_matches_scipy() {
    let fx = fixture();
    let n = fx.get("cases").as_array().unwrap().len();
    assert!(n > 90);
    let mut default_compared = 0;
    for i in 0..n {
        let c = case(&fx, i);
        let f = RegularGridInterpolator::new(&c.points, &c.values, c.options)
            .unwrap_or_else(|e| panic!("{}: {e}", c.what));
        let got = f.call(&c.xi).unwrap_or_else(|e| panic!("{}: {e}", c.what));
        let want = fx.array_f64(&format!("cases/{i}/out"));
        assert_eq!(got.shape(), want.shape(), "{}: shape", c.what);
        // Linear and nearest: the same arithmetic as SciPy (to rounding in the order of the
        // corner sums). Splines: SciPy with solver=spsolve (sparse LU of the whole tensor
        // system) vs banded solves axis by axis here; exact up to the conditioning of the
        // collocation systems: SciPy's own two exact answers (spsolve and `quintic_legacy`)
        // differ by 5e-11 relative when extrapolating the 3-d quintic spline.
        // PCHIP: the same slopes and Hermite cubics as SciPy, fibre by fibre.
        let rtol = match c.options.method {
            GridMethod::Linear | GridMethod::Nearest => 1e-14,
            GridMethod::Pchip => 1e-13,
            _ => 1e-9,
        };
        check_allclose(&got, &want, rtol, 1e-12).unwrap_or_else(|e| panic!("{}: {e}", c.what));
        let case_obj = fx.get(&format!("cases/{i}"));
        if case_obj.get("out_legacy").is_some() {
            let legacy = fx.array_f64(&format!("cases/{i}/out_legacy"));
            check_allclose(&got, &legacy, 1e-9, 1e-12).unwrap_or_else(|e| panic!("{} (legacy): {e}", c.what));
        }
        if case_obj.get("out_default").is_some() {
            // SciPy's default solver is gcrotmk with atol=1e-6 on the coefficients: its values
            // are only approximate (up to ~6e-4 off in the 3-d cubic cases), so this check is
            // loose; the exact comparison is with `out` (spsolve) and `out_legacy` above.
            let approx = fx.array_f64(&format!("cases/{i}/out_default"));
            check_allclose(&got, &approx, 1e-3, 2e-3)
                .unwrap_or_else(|e| panic!("{} (default solver): {e}", c.what));
            default_compared += 1;
        }
        if case_obj.get("interpn").is_some() {
            let got = interpn(&c.points, &c.values, &c.xi, c.options).unwrap();
            check_allclose(&got, &fx.array_f64(&format!("cases/{i}/interpn")), 1e-14, 1e-12)
                .unwrap_or_else(|e| panic!("{} (interpn): {e}", c.what));
        }
    }
    assert!(default_compared > 20);
}

#[test]
fn spline_derivatives_match_scipy() {
    let fx = fixture();
    let n = fx.get("derivatives").as_array().unwrap().len();
    assert!(n >= 30);
    for i in 0..n {
        let p = |k: &str| format!("derivatives/{i}/{k}");
        let npts = fx.get(&p("points")).as_array().unwrap().len();
        let points: Vec<Array1<f64>> = (0..npts)
            .map(|d| fx.array_f64(&p(&format!("points/{d}"))).into_dimensionality::<Ix1>().unwrap())
            .collect();
        let m = method(fx.str(&p("method")));
        let nu: Vec<usize> = fx.array_i64(&p("nu")).iter().map(|&v| v as usize).collect();
        let opts = GridOptions { method: m, bounds_error: false, fill_value: None };
        let f = RegularGridInterpolator::new(&points, &fx.array_f64(&p("values")), opts).unwrap();
        let got = f.derivative(&fx.array_f64(&p("xi")), &nu, m).unwrap();
        let want = fx.array_f64(&p("out"));
        // As the values (see above), scaled: derivatives of up to 6th order reach ~1e5.
        let scale = want.iter().fold(1.0f64, |a, v| a.max(v.abs()));
        check_allclose(&got, &want, 1e-9, 1e-12 * scale)
            .unwrap_or_else(|e| panic!("derivative case {i} ({m:?}, nu = {nu:?}): {e}"));
    }
    // Bad nu and methods without derivatives.
    let g = array![0.0, 1.0, 2.0, 3.0];
    let f = RegularGridInterpolator::new(std::slice::from_ref(&g), &g, GridOptions::default()).unwrap();
    assert_eq!(
        f.derivative(&array![[0.5]], &[1], GridMethod::Linear).unwrap_err().to_string(),
        "method: Can only compute derivatives for methods slinear, cubic, quintic, got method = 'linear'."
    );
    assert_eq!(
        f.derivative(&array![[0.5]], &[1, 1], GridMethod::Cubic).unwrap_err().to_string(),
        "nu: invalid number of derivative orders nu = [1, 1] for ndim = 1."
    );
    let d = f.derivative(&array![[0.5], [2.5]], &[1], GridMethod::Cubic).unwrap();
    check_allclose(&d, &array![1.0, 1.0].into_dyn(), 1e-12, 1e-12).unwrap();
}

#[test]
fn interpn_docstring_example() {
    let fx = fixture();
    let g: Array1<f64> = Array1::linspace(1.0, 5.0, 5);
    let v = sci_array::ndarray::Array3::from_shape_fn((5, 5, 5), |(i, j, k)| {
        2.0 * g[i].powi(3) + 3.0 * g[j].powi(2) - g[k]
    });
    let pts = [g.clone(), g.clone(), g];
    // A 1-d xi is one point when its length is the number of dimensions.
    let got = interpn(&pts, &v, &array![2.21, 3.12, 1.15], GridOptions::default()).unwrap();
    assert_eq!(got.shape(), &[1]);
    check_allclose(&got, &fx.array_f64("docstring/value"), 1e-14, 0.0).unwrap();
    let (x, y, z): (Array1<f64>, Array1<f64>, Array1<f64>) =
        (Array1::linspace(0.0, 4.0, 5), Array1::linspace(0.0, 5.0, 6), Array1::linspace(0.0, 6.0, 7));
    let v = sci_array::ndarray::Array3::from_shape_fn((5, 6, 7), |(i, j, k)| 2.0 * x[i] + 3.0 * y[j] - z[k]);
    let got = interpn(&[x, y, z], &v, &array![[2.21, 3.12, 1.15]], GridOptions::default()).unwrap();
    check_allclose(&got, &fx.array_f64("docstring/linear"), 1e-14, 0.0).unwrap();
}

#[test]
fn views_and_descending_grids() {
    // Non-contiguous inputs give the same result as contiguous copies.
    let x = Array1::linspace(0.0, 3.0, 13);
    let y = array![0.0, 0.5, 2.0, 2.5, 4.0];
    let big = Array2::from_shape_fn((13, 10), |(i, j)| (i as f64 * 0.7).sin() + j as f64 * 0.1);
    let v = big.slice(s![.., ..;2]);
    let xs = x.slice(s![..]);
    let xi = Array2::from_shape_fn((7, 2), |(i, j)| if j == 0 { 0.4 * i as f64 } else { 0.6 * i as f64 });
    let xi_t = xi.t().to_owned();
    let xi_view = xi_t.t();
    for m in [GridMethod::Linear, GridMethod::Nearest, GridMethod::Cubic, GridMethod::Pchip] {
        let o = GridOptions { method: m, ..Default::default() };
        let a = RegularGridInterpolator::new(&[xs.to_owned(), y.clone()], &v.to_owned(), o)
            .unwrap()
            .call(&xi)
            .unwrap();
        let b = RegularGridInterpolator::new(&[xs, y.view()], &v, o).unwrap().call(&xi_view).unwrap();
        assert_eq!(a, b, "{m:?}");
        // Reversing a dimension (grid and values) gives the same interpolant.
        let yr = y.slice(s![..;-1]).to_owned();
        let vr = v.slice(s![.., ..;-1]).to_owned();
        let c = RegularGridInterpolator::new(&[xs.to_owned(), yr], &vr, o).unwrap().call(&xi).unwrap();
        assert_eq!(a, c, "{m:?} descending");
    }
}

#[test]
fn bad_input_is_an_error() {
    let g = array![0.0, 1.0, 2.0];
    let v = Array2::<f64>::zeros((3, 3));
    let ok = [g.clone(), g.clone()];
    let d = GridOptions::default();
    type Check = Box<dyn Fn() -> Result<ArrayD<f64>, InterpolateError>>;
    let cases: Vec<(&str, Check, &str)> = vec![
        (
            "not increasing",
            Box::new(move || {
                interpn(
                    &[array![0.0, 2.0, 1.0], array![0.0, 1.0, 2.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5]],
                    GridOptions::default(),
                )
            }),
            "points: The points in dimension 0 must be strictly ascending or descending",
        ),
        (
            "repeated value",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 1.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5]],
                    GridOptions::default(),
                )
            }),
            "points: The points in dimension 1 must be strictly ascending or descending",
        ),
        (
            "NaN in grid",
            Box::new(move || {
                interpn(
                    &[array![0.0, f64::NAN, 2.0]],
                    &Array1::<f64>::zeros(3),
                    &array![[0.5]],
                    GridOptions::default(),
                )
            }),
            "points: The points in dimension 0 must be strictly ascending or descending",
        ),
        (
            "shape mismatch",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5]],
                    GridOptions::default(),
                )
            }),
            "values: There are 2 points and 3 values in dimension 1",
        ),
        (
            "too many point arrays",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 2.0], array![0.0, 1.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5, 0.5]],
                    GridOptions::default(),
                )
            }),
            "values: There are 3 point arrays, but values has 2 dimensions",
        ),
        (
            "empty grid",
            Box::new(move || {
                interpn(
                    &[Array1::<f64>::zeros(0)],
                    &Array1::<f64>::zeros(0),
                    &array![[0.5]],
                    GridOptions::default(),
                )
            }),
            "points: The points in dimension 0 are empty",
        ),
        (
            "no dimensions",
            Box::new(move || {
                interpn(
                    &Vec::<Array1<f64>>::new(),
                    &Array1::<f64>::zeros(1),
                    &array![[0.5]],
                    GridOptions::default(),
                )
            }),
            "points: there must be at least one dimension, got 0 point arrays",
        ),
        (
            "xi last dimension",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 2.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5, 0.5]],
                    GridOptions::default(),
                )
            }),
            "xi: The requested sample points xi have dimension 3 but this RegularGridInterpolator has dimension 2",
        ),
        (
            "1-d xi not a multiple of ndim",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 2.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![0.5, 0.5, 0.5],
                    GridOptions::default(),
                )
            }),
            "xi: cannot reshape 3 coordinates into points of dimension 2",
        ),
        (
            "out of bounds",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 2.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[0.5, 0.5], [1.0, 2.5]],
                    GridOptions::default(),
                )
            }),
            "One of the requested xi is out of bounds in dimension 1 (2.5 not in [0, 2])",
        ),
        (
            "NaN with bounds_error",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0], array![0.0, 1.0, 2.0]],
                    &Array2::<f64>::zeros((3, 3)),
                    &array![[f64::NAN, 0.5]],
                    GridOptions::default(),
                )
            }),
            "One of the requested xi is out of bounds in dimension 0 (NaN not in [0, 2])",
        ),
        (
            "too few points for cubic",
            Box::new(move || {
                interpn(
                    &[array![0.0, 1.0, 2.0]],
                    &Array1::<f64>::zeros(3),
                    &array![[0.5]],
                    GridOptions { method: GridMethod::Cubic, ..Default::default() },
                )
            }),
            "points: There are 3 points in dimension 0, but method cubic requires at least 4 points per dimension.",
        ),
        (
            "pchip with NaN values",
            Box::new(move || {
                let mut v = Array2::<f64>::zeros((4, 4));
                v[[1, 2]] = f64::NAN;
                let g = array![0.0, 1.0, 2.0, 3.0];
                interpn(
                    &[g.clone(), g],
                    &v,
                    &array![[0.5, 0.5]],
                    GridOptions { method: GridMethod::Pchip, ..Default::default() },
                )
            }),
            "values: method pchip needs finite values",
        ),
    ];
    for (name, f, msg) in cases {
        match f() {
            Ok(v) => panic!("{name}: expected an error, got {v:?}"),
            Err(e) => assert_eq!(e.to_string(), msg, "{name}"),
        }
    }
    // call_with checks the grid size for the new method too.
    let f = RegularGridInterpolator::new(&ok, &v, d).unwrap();
    assert!(f.call_with(&array![[0.5, 0.5]], GridMethod::Quintic).is_err());
    assert!(f.call_with(&array![[0.5, 0.5]], GridMethod::Slinear).is_ok());
    assert_eq!(f.grid()[0], vec![0.0, 1.0, 2.0]);
    assert_eq!(f.values().shape(), &[3, 3]);
}

#[test]
fn call_with_another_method_equals_building_with_it() {
    let x: Array1<f64> = array![0.0, 0.3, 1.0, 1.5, 2.5, 3.0];
    let y: Array1<f64> = array![-1.0, 0.0, 0.5, 2.0, 2.2, 4.0];
    let v = Array2::from_shape_fn((6, 6), |(i, j)| (x[i] * 1.3).sin() * (0.5 + y[j]).cos());
    let xi =
        Array2::from_shape_fn((9, 2), |(i, j)| if j == 0 { 0.33 * i as f64 } else { -1.0 + 0.6 * i as f64 });
    let pts = [x, y];
    let f = RegularGridInterpolator::new(&pts, &v, GridOptions::default()).unwrap();
    for m in
        [GridMethod::Nearest, GridMethod::Slinear, GridMethod::Cubic, GridMethod::Quintic, GridMethod::Pchip]
    {
        let g =
            RegularGridInterpolator::new(&pts, &v, GridOptions { method: m, ..Default::default() }).unwrap();
        assert_eq!(f.call_with(&xi, m).unwrap(), g.call(&xi).unwrap(), "{m:?}");
        if m != GridMethod::Nearest && m != GridMethod::Pchip {
            assert_eq!(
                f.derivative(&xi, &[1, 2], m).unwrap(),
                g.derivative(&xi, &[1, 2], m).unwrap(),
                "{m:?}"
            );
        }
    }
    let o = f.options();
    assert!(o.method == GridMethod::Linear && o.bounds_error && o.fill_value.is_some_and(f64::is_nan));
}

#[test]
fn nearest_ties_round_down_and_empty_xi() {
    let o = GridOptions { method: GridMethod::Nearest, ..Default::default() };
    let f = RegularGridInterpolator::new(&[array![1.0, 2.0]], &array![10.0, 20.0], o).unwrap();
    assert_eq!(f.call(&array![[1.5]]).unwrap().as_slice().unwrap(), &[10.0]);
    // Descending grid: ties go to the lower coordinate (SciPy: [3, 2] at 1.5, 2.5).
    let f = RegularGridInterpolator::new(&[array![3.0, 2.0, 1.0]], &array![1.0, 2.0, 3.0], o).unwrap();
    assert_eq!(f.call(&array![[1.5], [2.5]]).unwrap().as_slice().unwrap(), &[3.0, 2.0]);
    let empty = Array2::<f64>::zeros((0, 1));
    assert_eq!(f.call(&empty).unwrap().shape(), &[0]);
}

//! scipy.ndimage morphology and measurements against fixtures from
//! tools/fixtures/ndimage_morphology.py, plus the tutorial checks.

mod common;

use common::{has, ints, keys, layouts, mode};
use sci_array::ndarray::{Array2, ArrayD, ArrayViewD, IxDyn, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_ndimage::*;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ndimage_morphology.json")).unwrap()
}

fn origin(fx: &Fixture, c: &str) -> Vec<isize> {
    if has(fx, c, "origin") {
        ints(fx, &format!("{c}/origin")).iter().map(|&v| v as isize).collect()
    } else {
        vec![]
    }
}

fn binary_opts(fx: &Fixture, c: &str) -> BinaryOptions {
    BinaryOptions {
        structure: if has(fx, c, "structure") {
            Some(fx.array_bool(&format!("{c}/structure")))
        } else {
            None
        },
        iterations: if has(fx, c, "iterations") { fx.i64(&format!("{c}/iterations")) as isize } else { 1 },
        mask: if has(fx, c, "mask") { Some(fx.array_bool(&format!("{c}/mask"))) } else { None },
        border_value: has(fx, c, "border_value") && fx.i64(&format!("{c}/border_value")) != 0,
        origin: origin(fx, c),
        axes: None,
    }
}

fn grey_opts(fx: &Fixture, c: &str) -> GreyOptions {
    GreyOptions {
        size: if has(fx, c, "size") {
            ints(fx, &format!("{c}/size")).iter().map(|&v| v as usize).collect()
        } else {
            vec![]
        },
        footprint: if has(fx, c, "footprint") {
            Some(fx.array_bool(&format!("{c}/footprint")))
        } else {
            None
        },
        structure: if has(fx, c, "structure") { Some(fx.array_f64(&format!("{c}/structure"))) } else { None },
        mode: mode(fx, c).into(),
        origin: origin(fx, c),
        axes: None,
    }
}

fn run_grey<T: Element>(f: &str, x: &ArrayViewD<'_, T>, o: &GreyOptions) -> ArrayD<T> {
    match f {
        "grey_erosion" => grey_erosion(x, o),
        "grey_dilation" => grey_dilation(x, o),
        "grey_opening" => grey_opening(x, o),
        "grey_closing" => grey_closing(x, o),
        "white_tophat" => white_tophat(x, o),
        "black_tophat" => black_tophat(x, o),
        "morphological_gradient" => morphological_gradient(x, o),
        _ => panic!("{f}"),
    }
    .unwrap()
}

#[test]
fn morphology_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    let mut failed = Vec::new();
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        if name == "tutorial"
            || name.starts_with("label:")
            || name.starts_with("find_objects:")
            || name.starts_with("stats:")
        {
            continue;
        }
        let f = fx.str(&format!("{c}/fn")).to_string();
        let r = std::panic::catch_unwind(|| {
            let exp = format!("{c}/expected");
            match f.as_str() {
                "binary_erosion" | "binary_dilation" | "binary_opening" | "binary_closing" => {
                    let x = fx.array_bool(&format!("inputs/{}", fx.str(&format!("{c}/input"))));
                    let o = binary_opts(&fx, &c);
                    for got in layouts(&x, |v| match f.as_str() {
                        "binary_erosion" => binary_erosion(v, &o).unwrap(),
                        "binary_dilation" => binary_dilation(v, &o).unwrap(),
                        "binary_opening" => binary_opening(v, &o).unwrap(),
                        _ => binary_closing(v, &o).unwrap(),
                    }) {
                        assert_array_equal(&got, &fx.array_bool(&exp));
                    }
                }
                "binary_fill_holes" => {
                    let x = fx.array_bool(&format!("{c}/input"));
                    let st = if has(&fx, &c, "structure") {
                        Some(fx.array_bool(&format!("{c}/structure")))
                    } else {
                        None
                    };
                    for got in layouts(&x, |v| binary_fill_holes(v, st.as_ref(), &[], None).unwrap()) {
                        assert_array_equal(&got, &fx.array_bool(&exp));
                    }
                }
                "generate_binary_structure" => {
                    let g = generate_binary_structure(
                        fx.i64(&format!("{c}/rank")) as usize,
                        fx.i64(&format!("{c}/connectivity")) as usize,
                    )
                    .unwrap();
                    assert_array_equal(&g, &fx.array_bool(&exp));
                }
                "iterate_structure" => {
                    let g = iterate_structure(
                        &fx.array_bool(&format!("{c}/input")),
                        fx.i64(&format!("{c}/iterations")) as usize,
                    )
                    .unwrap();
                    assert_array_equal(&g, &fx.array_bool(&exp));
                }
                g if g.starts_with("grey_") || g.ends_with("tophat") || g == "morphological_gradient" => {
                    let inp = format!("inputs/{}", fx.str(&format!("{c}/input")));
                    let o = grey_opts(&fx, &c);
                    if fx.str(&format!("{inp}/dtype")) == "int32" {
                        let x = fx.array_i64(&inp).mapv(|v| v as i32);
                        for got in layouts(&x, |v| run_grey(g, v, &o)) {
                            assert_array_equal(&got, &fx.array_i64(&exp).mapv(|v| v as i32));
                        }
                    } else {
                        let x = fx.array_f64(&inp);
                        for got in layouts(&x, |v| run_grey(g, v, &o)) {
                            // min/max select input values; only the structure sums round.
                            assert_allclose(&got, &fx.array_f64(&exp), 1e-15, 0.0);
                        }
                    }
                }
                other => panic!("unknown fn {other}"),
            }
        });
        if r.is_err() {
            failed.push(name.clone());
        }
        n += 1;
    }
    assert!(failed.is_empty(), "{} failing cases: {failed:?}", failed.len());
    assert!(n > 1000, "only {n} cases");
}

#[test]
fn measurements_match_scipy() {
    let fx = fixture();
    let mut n = 0;
    for name in keys(&fx, "cases") {
        let c = format!("cases/{name}");
        if name.starts_with("label:") {
            let x = fx.array_bool(&format!("{c}/input"));
            let st = fx.array_bool(&format!("{c}/structure"));
            for (lab, num) in layouts(&x, |v| label(v, Some(&st)).unwrap()) {
                assert_eq!(num as i64, fx.i64(&format!("{c}/n")), "{name}");
                assert_array_equal(&lab, &fx.array_i64(&format!("{c}/expected")).mapv(|v| v as i32));
            }
            n += 1;
        } else if name.starts_with("find_objects:") {
            let lab = fx.array_i64(&format!("{c}/input"));
            let objs = find_objects(&lab, 0).unwrap();
            let exp = fx.get(&format!("{c}/expected")).as_array().unwrap();
            assert_eq!(objs.len(), exp.len());
            for (o, e) in objs.iter().zip(exp) {
                match o {
                    None => assert!(e.is_null()),
                    Some(r) => {
                        let ev: Vec<(u64, u64)> = e
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|p| (p[0].as_u64().unwrap(), p[1].as_u64().unwrap()))
                            .collect();
                        let rv: Vec<(u64, u64)> = r.iter().map(|r| (r.start as u64, r.end as u64)).collect();
                        assert_eq!(rv, ev, "{name}");
                    }
                }
            }
            n += 1;
        } else if name.starts_with("stats:") {
            let lab = fx.array_i64(&format!("{c}/labels")).mapv(|v| v as i32);
            let idx: Vec<i64> = fx.array_i64(&format!("{c}/index")).iter().copied().collect();
            let g = |k: &str| fx.array_f64(&format!("{c}/{k}"));
            let v1 = |v: Vec<f64>| ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap();
            let pos = |v: Vec<Vec<usize>>| {
                let r = v.len();
                let nd = v.first().map_or(0, |p| p.len());
                ArrayD::from_shape_vec(IxDyn(&[r, nd]), v.into_iter().flatten().map(|p| p as f64).collect())
                    .unwrap()
            };
            let is_f = fx.str(&format!("{c}/input/dtype")) == "float64";
            let x = fx.array_f64(&format!("{c}/input"));
            let (rt, at) = (1e-12, 1e-13);
            if is_f {
                assert_allclose(&v1(sum_labels(&x, &lab, Some(&idx)).unwrap()), &g("sum_labels"), rt, at);
                assert_allclose(&v1(mean(&x, &lab, Some(&idx)).unwrap()), &g("mean"), rt, at);
                assert_allclose(&v1(variance(&x, &lab, Some(&idx)).unwrap()), &g("variance"), rt, at);
                assert_allclose(
                    &v1(standard_deviation(&x, &lab, Some(&idx)).unwrap()),
                    &g("standard_deviation"),
                    rt,
                    at,
                );
                assert_array_equal(&v1(maximum(&x, &lab, Some(&idx)).unwrap()), &g("maximum"));
                assert_array_equal(&v1(minimum(&x, &lab, Some(&idx)).unwrap()), &g("minimum"));
                assert_allclose(&v1(sum_labels(&x, &lab, None).unwrap()), &g("sum_labels_none"), rt, at);
                assert_allclose(&v1(mean(&x, &lab, None).unwrap()), &g("mean_none"), rt, at);
                assert_allclose(&v1(variance(&x, &lab, None).unwrap()), &g("variance_none"), rt, at);
                assert_array_equal(&v1(maximum(&x, &lab, None).unwrap()), &g("maximum_none"));
                assert_array_equal(&v1(minimum(&x, &lab, None).unwrap()), &g("minimum_none"));
                assert_array_equal(
                    &pos(maximum_position(&x, &lab, Some(&idx)).unwrap()),
                    &g("maximum_position"),
                );
                assert_array_equal(
                    &pos(minimum_position(&x, &lab, Some(&idx)).unwrap()),
                    &g("minimum_position"),
                );
                assert_array_equal(
                    &pos(maximum_position(&x, &lab, None).unwrap()),
                    &g("maximum_position_none"),
                );
                assert_array_equal(
                    &pos(minimum_position(&x, &lab, None).unwrap()),
                    &g("minimum_position_none"),
                );
                let com_in = g("center_of_mass_input");
                let com = center_of_mass(&com_in, &lab, Some(&idx[1..])).unwrap();
                if !com.is_empty() {
                    let flat: Vec<Vec<f64>> = com;
                    let r = flat.len();
                    let nd = flat[0].len();
                    let arr = ArrayD::from_shape_vec(IxDyn(&[r, nd]), flat.into_iter().flatten().collect())
                        .unwrap();
                    assert_allclose(&arr, &g("center_of_mass"), rt, at);
                }
                let (mn, mx, _, _) = extrema(&x, &lab, Some(&idx)).unwrap();
                assert_array_equal(&v1(mn), &g("minimum"));
                assert_array_equal(&v1(mx), &g("maximum"));
            } else {
                let xi = fx.array_i64(&format!("{c}/input"));
                assert_allclose(&v1(sum_labels(&xi, &lab, Some(&idx)).unwrap()), &g("sum_labels"), 0.0, 0.0);
                assert_allclose(&v1(mean(&xi, &lab, Some(&idx)).unwrap()), &g("mean"), rt, at);
                assert_allclose(&v1(variance(&xi, &lab, Some(&idx)).unwrap()), &g("variance"), rt, at);
                assert_array_equal(
                    &v1(maximum(&xi, &lab, Some(&idx)).unwrap().iter().map(|&v| v as f64).collect()),
                    &g("maximum"),
                );
                assert_array_equal(
                    &v1(minimum(&xi, &lab, None).unwrap().iter().map(|&v| v as f64).collect()),
                    &g("minimum_none"),
                );
                assert_allclose(&v1(variance(&xi, &lab, None).unwrap()), &g("variance_none"), rt, at);
            }
            n += 1;
        }
    }
    assert!(n > 20, "only {n} cases");
}

#[test]
fn tutorial_checks() {
    let fx = fixture();
    let t = "cases/tutorial";
    let mut a = Array2::<i64>::zeros((7, 7));
    a.slice_mut(s![1..6, 2..5]).fill(1);
    assert_array_equal(
        &binary_erosion(&a, &BinaryOptions::default()).unwrap().into_dyn(),
        &fx.array_bool(&format!("{t}/erosion")),
    );
    let big = BinaryOptions::structure(&Array2::from_elem((5, 5), true));
    let s5 = binary_erosion(&a, &big).unwrap().iter().filter(|&&b| b).count() as i64;
    assert_eq!(s5, fx.i64(&format!("{t}/erosion_big_sum")));
    let mut b = Array2::<f64>::zeros((5, 5));
    b[[2, 2]] = 1.0;
    assert_array_equal(
        &binary_dilation(&b, &BinaryOptions::default()).unwrap().into_dyn(),
        &fx.array_bool(&format!("{t}/dilation")),
    );
    let mut c = Array2::<i64>::zeros((5, 5));
    c.slice_mut(s![1..4, 1..4]).fill(1);
    c[[4, 4]] = 1;
    let sq = BinaryOptions::structure(&Array2::from_elem((3, 3), true));
    assert_array_equal(
        &binary_opening(&c, &sq).unwrap().into_dyn(),
        &fx.array_bool(&format!("{t}/opening_square")),
    );
    assert_array_equal(
        &binary_opening(&c, &BinaryOptions::default()).unwrap().into_dyn(),
        &fx.array_bool(&format!("{t}/opening_cross")),
    );
    let mut g = Array2::<i64>::zeros((7, 7));
    g.slice_mut(s![1..6, 1..6]).fill(3);
    g[[4, 4]] = 2;
    g[[2, 3]] = 1;
    assert_array_equal(
        &grey_erosion(&g, &GreyOptions::size(&[3, 3])).unwrap().into_dyn(),
        &fx.array_i64(&format!("{t}/grey_erosion")),
    );

    let sig = Array2::from_shape_fn((100, 100), |(x, y)| {
        let (x, y) = (x as f64, y as f64);
        (2.0 * std::f64::consts::PI * x / 50.0).sin()
            * (2.0 * std::f64::consts::PI * y / 50.0).sin()
            * (1.0 + x * y / 2500.0).powi(2)
    });
    // sin differs from NumPy's by at most an ulp; the mask threshold is far from every value.
    assert_allclose(&sig.clone().into_dyn(), &fx.array_f64(&format!("{t}/sig")), 1e-13, 1e-13);
    let mask = sig.mapv(|v| v > 1.0);
    let (labels, nb) = label(&mask, None).unwrap();
    assert_eq!(nb as i64, fx.i64(&format!("{t}/nb")));
    assert_array_equal(&labels.clone().into_dyn(), &fx.array_i64(&format!("{t}/labels")).mapv(|v| v as i32));
    let idx: Vec<i64> = (1..=nb as i64).collect();
    let sums = sum_labels(&mask, &labels, Some(&idx)).unwrap();
    assert_allclose(
        &ArrayD::from_shape_vec(IxDyn(&[nb]), sums).unwrap(),
        &fx.array_f64(&format!("{t}/sums")),
        0.0,
        0.0,
    );
    let maxs = maximum(&sig, &labels, Some(&idx)).unwrap();
    assert_allclose(
        &ArrayD::from_shape_vec(IxDyn(&[nb]), maxs).unwrap(),
        &fx.array_f64(&format!("{t}/maxima")),
        1e-13,
        0.0,
    );
    let o3 = find_objects(&labels, 0).unwrap()[3].clone().unwrap();
    let e3 = fx.get(&format!("{t}/obj3")).as_array().unwrap();
    for (r, e) in o3.iter().zip(e3) {
        assert_eq!((r.start as u64, r.end as u64), (e[0].as_u64().unwrap(), e[1].as_u64().unwrap()));
    }
    let mut img = Array2::<f64>::zeros((64, 64));
    img.slice_mut(s![20..40, 24..44]).fill(1.0);
    let gf = gaussian_filter(&img, &[3.0], &GaussianOptions::default()).unwrap();
    assert!((gf[[30, 34]] - fx.f64(&format!("{t}/gauss_30_34"))).abs() < 1e-14);
    assert!((gf[[20, 24]] - fx.f64(&format!("{t}/gauss_20_24"))).abs() < 1e-14);
    assert_eq!(sobel(&img, 0, Mode::Reflect).unwrap()[[19, 30]], fx.f64(&format!("{t}/sobel_19_30")));
}

#[test]
fn bad_inputs_are_errors() {
    let a = Array2::<f64>::zeros((4, 5));
    let s1 = BinaryOptions::structure(&sci_array::ndarray::array![true, true]);
    assert!(binary_erosion(&a, &s1).is_err());
    let m = BinaryOptions { mask: Some(ArrayD::from_elem(IxDyn(&[2, 2]), true)), ..Default::default() };
    assert!(binary_dilation(&a, &m).is_err());
    let o = BinaryOptions { origin: vec![2, 0], ..Default::default() };
    assert!(binary_opening(&a, &o).is_err());
    assert!(grey_erosion(&a, &GreyOptions::default()).is_err());
    assert!(grey_dilation(&a, &GreyOptions::structure(&sci_array::ndarray::array![1.0])).is_err());
    assert!(label(&a, Some(&ArrayD::from_elem(IxDyn(&[3, 2]), true))).is_err());
    assert!(label(&a, Some(&ArrayD::from_elem(IxDyn(&[3]), true))).is_err());
    assert!(sum_labels(&a, &Array2::<i32>::zeros((2, 2)), None).is_err());
    assert!(binary_fill_holes(&a, Some(&ArrayD::from_elem(IxDyn(&[3]), true)), &[], None).is_err());
}

#[test]
fn empty_inputs() {
    let e = Array2::<f64>::zeros((0, 4));
    assert_eq!(binary_erosion(&e, &BinaryOptions::default()).unwrap().shape(), &[0, 4]);
    assert_eq!(grey_dilation(&e, &GreyOptions::size(&[3])).unwrap().shape(), &[0, 4]);
    let (l, n) = label(&e, None).unwrap();
    assert_eq!((l.shape(), n), (&[0usize, 4][..], 0));
    assert!(find_objects(&l, 0).unwrap().is_empty());
}

//! `eigh_with` / `eigvalsh_with` against SciPy (fixtures from
//! tools/fixtures/linalg_eigh_pencil.py): generalized Hermitian-definite problems of type 1, 2
//! and 3 on float64, complex128 and complex64 input, lower/upper triangles, subsets by index
//! and value; eigenvectors compared up to phase, and by residual and b-normalization.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, ShapeBuilder, array, s};
use sci_array::num_complex::{Complex32, Complex64 as C};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, check_allclose};
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_eigh_pencil.json")).unwrap()
}

/// A real or complex fixture matrix as complex128.
fn cm(f: &Fixture, p: &str) -> Array2<C> {
    let a = if f.str(&format!("{p}/dtype")).starts_with("complex") {
        f.array_c64(p)
    } else {
        f.array_f64(p).mapv(|x| C::new(x, 0.0))
    };
    a.into_dimensionality::<Ix2>().unwrap()
}

fn has(f: &Fixture, key: &str, field: &str) -> bool {
    f.get(key).get(field).is_some()
}

fn adj(a: &Array2<C>) -> Array2<C> {
    a.t().mapv(|z| z.conj())
}

/// `v`'s columns rotated so that the entry where `reference`'s column is largest has the same
/// phase as there (eigenvectors are unique up to a unit factor).
fn align(v: &Array2<C>, reference: &Array2<C>) -> Array2<C> {
    let mut out = v.clone();
    for j in 0..v.ncols() {
        let col = reference.column(j);
        let k = (0..col.len()).max_by(|&x, &y| col[x].norm().total_cmp(&col[y].norm())).unwrap();
        let ph = v[[k, j]] / col[k];
        let ph = ph / ph.norm();
        out.column_mut(j).mapv_inplace(|z| z / ph);
    }
    out
}

fn options<'a, T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    b: Option<&'a Array2<T>>,
    from: impl Fn(f64) -> RealOf<T>,
) -> EighOptions<'a, T> {
    let p = |k: &str| format!("{key}/{k}");
    EighOptions {
        lower: f.get(&p("lower")).as_bool().unwrap(),
        b: b.map(|b| b.view()),
        eig_type: match f.i64(&p("type")) {
            1 => EighType::Type1,
            2 => EighType::Type2,
            3 => EighType::Type3,
            t => panic!("type {t}"),
        },
        subset_by_index: has(f, key, "idx").then(|| {
            let i = f.array_i64(&p("idx"));
            (i[0] as usize, i[1] as usize)
        }),
        subset_by_value: has(f, key, "val").then(|| {
            let v = f.array_f64(&p("val"));
            (from(v[0]), from(v[1]))
        }),
        driver: None,
    }
}

/// Runs one case for element type `T` (converted from and back to complex128) and checks the
/// eigenvalues, the eigenvectors up to phase, the residual and the normalization.
fn check<T: LinalgScalar>(f: &Fixture, key: &str, to: fn(C) -> T, back: fn(T) -> C, rtol: f64) {
    let p = |k: &str| format!("{key}/{k}");
    let a = cm(f, &p("a")).mapv(to);
    let b = has(f, key, "b").then(|| cm(f, &p("b")).mapv(to));
    let from = |x: f64| to(C::new(x, 0.0)).re();
    let opts = options(f, key, b.as_ref(), from);
    let (w, v) = eigh_with(&a, &opts).unwrap_or_else(|e| panic!("{key}: {e}"));
    let w_c: Array1<f64> = w.iter().map(|&x| back(T::from_real(x)).re).collect();
    let want_w = f.array_f64(&p("w")).into_dimensionality::<Ix1>().unwrap();
    let scale = 1.0 + want_w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    assert_allclose(&w_c, &want_w, rtol, rtol * scale);
    let w_only = eigvalsh_with(&a, &opts).unwrap();
    assert_eq!(w_only.len(), w.len(), "{key}");
    let w_only_c: Array1<f64> = w_only.iter().map(|&x| back(T::from_real(x)).re).collect();
    assert_allclose(
        &w_only_c,
        &f.array_f64(&p("w_only")).into_dimensionality::<Ix1>().unwrap(),
        rtol,
        rtol * scale,
    );
    let v = v.mapv(back);
    let want_v = cm(f, &p("v"));
    assert_eq!(v.dim(), want_v.dim(), "{key}");
    assert_allclose(&align(&v, &want_v), &want_v, rtol * 100.0, rtol * 100.0);
    // Residual and normalization on the full (Hermitian) matrices.
    let full = |m: &Array2<C>| {
        let n = m.nrows();
        Array2::from_shape_fn((n, n), |(i, j)| {
            let (r, c) = if (i >= j) == opts.lower { (i, j) } else { (j, i) };
            let z = m[[r, c]];
            let z = if (r, c) == (i, j) { z } else { z.conj() };
            if i == j { C::new(z.re, 0.0) } else { z }
        })
    };
    let af = full(&a.mapv(back));
    let wd = Array2::from_diag(&w_c.mapv(|x| C::new(x, 0.0)));
    let (lhs, rhs, gram) = match b.as_ref().map(|b| full(&b.mapv(back))) {
        None => (af.dot(&v), v.dot(&wd), adj(&v).dot(&v)),
        Some(bf) => match opts.eig_type {
            EighType::Type1 => (af.dot(&v), bf.dot(&v).dot(&wd), adj(&v).dot(&bf).dot(&v)),
            EighType::Type2 => (af.dot(&bf).dot(&v), v.dot(&wd), adj(&v).dot(&bf).dot(&v)),
            EighType::Type3 => {
                let binv = inv(&bf).unwrap();
                (bf.dot(&af).dot(&v), v.dot(&wd), adj(&v).dot(&binv).dot(&v))
            }
        },
    };
    let tol = rtol * 100.0 * scale;
    assert_allclose(&lhs, &rhs, tol, tol);
    assert_allclose(&gram, &Array2::eye(v.ncols()), rtol * 100.0, rtol * 100.0);
}

#[test]
fn float64_matches_scipy() {
    let f = fx();
    let keys: Vec<String> =
        f.keys().into_iter().filter(|k| f.str(&format!("{k}/dtype")) == "float64").collect();
    assert!(keys.len() >= 20);
    for k in &keys {
        check::<f64>(&f, k, |z| z.re, |x| C::new(x, 0.0), 1e-11);
    }
}

#[test]
fn complex128_matches_scipy() {
    let f = fx();
    let keys: Vec<String> =
        f.keys().into_iter().filter(|k| f.str(&format!("{k}/dtype")) == "complex128").collect();
    assert!(keys.len() >= 20);
    for k in &keys {
        check::<C>(&f, k, |z| z, |z| z, 1e-11);
    }
}

#[test]
fn complex64_matches_scipy() {
    let f = fx();
    let keys: Vec<String> =
        f.keys().into_iter().filter(|k| f.str(&format!("{k}/dtype")) == "complex64").collect();
    assert_eq!(keys.len(), 3);
    for k in &keys {
        // complex64 arithmetic on both sides: a few hundred float32 eps.
        check::<Complex32>(
            &f,
            k,
            |z| Complex32::new(z.re as f32, z.im as f32),
            |z| C::new(f64::from(z.re), f64::from(z.im)),
            2e-5,
        );
    }
}

#[test]
fn strided_and_empty_inputs() {
    let f = fx();
    let a = cm(&f, "c128_7_t2_lo/a");
    let b = cm(&f, "c128_7_t2_lo/b");
    let mut big = Array2::<C>::zeros((14, 7));
    big.slice_mut(s![..;-2, ..]).assign(&a);
    let opts = EighOptions { b: Some(b.view()), eig_type: EighType::Type2, ..Default::default() };
    let w = eigvalsh_with(&big.slice(s![..;-2, ..]), &opts).unwrap();
    assert_allclose(&w, &eigvalsh_with(&a, &opts).unwrap(), 1e-14, 1e-14);
    let e = Array2::<C>::zeros((0, 0));
    let (w, v) =
        eigh_with(&e, &EighOptions { b: Some(e.view()), eig_type: EighType::Type3, ..Default::default() })
            .unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
}

#[test]
fn bad_input_table() {
    let a = array![[C::new(2.0, 0.0), C::new(0.0, 1.0)], [C::new(0.0, -1.0), C::new(2.0, 0.0)]];
    let not_pd = array![[C::new(1.0, 0.0), C::new(0.0, 2.0)], [C::new(0.0, -2.0), C::new(1.0, 0.0)]];
    let rect = Array2::<C>::zeros((2, 3));
    let b3 = Array2::<C>::eye(3);
    let nan = array![[C::new(f64::NAN, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(1.0, 0.0)]];
    fn o<'a>(b: Option<&'a Array2<C>>, t: EighType) -> EighOptions<'a, C> {
        EighOptions { b: b.map(|b| b.view()), eig_type: t, ..Default::default() }
    }
    let cases: Vec<(&str, LinalgError, fn(&LinalgError) -> bool)> = vec![
        ("a not square", eigh_with(&rect, &o(None, EighType::Type1)).unwrap_err(), |e| {
            matches!(e, LinalgError::NotSquare { arg: "a", .. })
        }),
        ("b not square", eigh_with(&a, &o(Some(&rect), EighType::Type2)).unwrap_err(), |e| {
            matches!(e, LinalgError::NotSquare { arg: "b", .. })
        }),
        ("b wrong size", eigh_with(&a, &o(Some(&b3), EighType::Type3)).unwrap_err(), |e| {
            matches!(e, LinalgError::ShapeMismatch { arg: "b", .. })
        }),
        ("b not positive definite", eigh_with(&a, &o(Some(&not_pd), EighType::Type2)).unwrap_err(), |e| {
            matches!(e, LinalgError::NotPositiveDefinite { index: 1 })
        }),
        ("NaN in a", eigvalsh_with(&nan, &o(None, EighType::Type1)).unwrap_err(), |e| {
            matches!(e, LinalgError::NonFinite { arg: "a" })
        }),
        ("NaN in b", eigvalsh_with(&a, &o(Some(&nan), EighType::Type3)).unwrap_err(), |e| {
            matches!(e, LinalgError::NonFinite { arg: "b" })
        }),
        (
            "both subsets",
            eigh_with(
                &a,
                &EighOptions {
                    subset_by_index: Some((0, 1)),
                    subset_by_value: Some((0.0, 1.0)),
                    ..Default::default()
                },
            )
            .unwrap_err(),
            |e| {
                matches!(
                    e,
                    LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "subset_by_index", .. })
                )
            },
        ),
        (
            "index out of range",
            eigh_with(&a, &EighOptions { subset_by_index: Some((1, 2)), ..Default::default() }).unwrap_err(),
            |e| {
                matches!(
                    e,
                    LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "subset_by_index", .. })
                )
            },
        ),
        (
            "value bounds reversed",
            eigh_with(&a, &EighOptions { subset_by_value: Some((2.0, 1.0)), ..Default::default() })
                .unwrap_err(),
            |e| {
                matches!(
                    e,
                    LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: "subset_by_value", .. })
                )
            },
        ),
    ];
    for (name, err, ok) in &cases {
        assert!(ok(err), "{name}: {err:?}");
    }
}

/// Each standard driver reads only the triangle `lower` names, whatever the layout of `a`
/// (a row-major `a` is handed to LAPACK as `aᵀ` with the other triangle named): garbage in the
/// other triangle changes nothing, for C-order, Fortran-order and strided inputs.
#[test]
fn drivers_read_one_triangle_in_every_layout() {
    let n = 7;
    let sym = Array2::from_shape_fn((n, n), |(i, j)| {
        1.0 / (1.0 + i as f64 + j as f64) + if i == j { 2.0 } else { 0.0 }
    });
    let want = eigvalsh(&sym, true).unwrap();
    for lower in [true, false] {
        let garbage = Array2::from_shape_fn((n, n), |(i, j)| {
            if (lower && j > i) || (!lower && j < i) { 1e3 + (i * n + j) as f64 } else { sym[[i, j]] }
        });
        let fortran = {
            let mut f = Array2::zeros((n, n).f());
            f.assign(&garbage);
            f
        };
        let mut wide = Array2::zeros((n, 2 * n));
        wide.slice_mut(s![.., ..;2]).assign(&garbage);
        let layouts = [("C", garbage.view()), ("F", fortran.view()), ("strided", wide.slice(s![.., ..;2]))];
        for (layout, a) in layouts {
            for driver in [EighDriver::Ev, EighDriver::Evd, EighDriver::Evr, EighDriver::Evx] {
                let opts = EighOptions { lower, driver: Some(driver), ..Default::default() };
                let (w, v) = eigh_with(&a, &opts).unwrap();
                let tag = format!("{driver:?} lower={lower} {layout}");
                let checks = [
                    check_allclose(&w, &want, 1e-13, 1e-13),
                    check_allclose(&sym.dot(&v), &(&v * &w), 0.0, 1e-12),
                    check_allclose(&v.t().dot(&v), &Array2::eye(n), 0.0, 1e-12),
                ];
                for c in checks {
                    c.unwrap_or_else(|e| panic!("{tag}: {e}"));
                }
            }
            let (w, _) = eigh(&a, lower).unwrap();
            assert_allclose(&w, &want, 1e-13, 1e-13);
        }
    }
}

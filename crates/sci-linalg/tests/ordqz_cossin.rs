//! SciPy parity for ordqz and cossin (fixtures from tools/fixtures/linalg_ordqz_cossin.py).
//! ordqz: the number of selected eigenvalues and the sets of leading (selected) and trailing
//! generalized eigenvalues (finite ones as values, infinite ones counted) equal SciPy's; Q, Z
//! are checked by reconstruction, orthogonality and the (quasi-)triangular structure. cossin:
//! theta and the middle factor CS equal SciPy's; U, VDH by reconstruction and unitarity.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_ordqz_cossin.json")).unwrap()
}

const SORTS: [(QzSort, &str); 4] =
    [(QzSort::Lhp, "lhp"), (QzSort::Rhp, "rhp"), (QzSort::Iuc, "iuc"), (QzSort::Ouc, "ouc")];

fn sort_c(mut w: Vec<C>) -> Array1<C> {
    let key = |z: &C| (z.re * 1e8).round();
    w.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.im.total_cmp(&b.im)));
    Array1::from(w)
}

/// Finite eigenvalues (sorted) and the count of infinite ones (beta at rounding level).
fn groups(alpha: &[C], beta: &[C], bmax: f64) -> (Array1<C>, i64) {
    let fin: Vec<C> =
        alpha.iter().zip(beta).filter(|(_, b)| b.norm() > 1e-10 * bmax).map(|(a, b)| a / b).collect();
    let ninf = (alpha.len() - fin.len()) as i64;
    (sort_c(fin), ninf)
}

fn herm(x: &Array2<C>) -> Array2<C> {
    x.t().mapv(|v| v.conj())
}

fn to_c(x: &Array2<f64>) -> Array2<C> {
    x.mapv(|v| C::new(v, 0.0))
}

/// Checks the selection and the eigenvalue groups against SciPy's for one output.
fn check_groups(f: &Fixture, pre: &str, sort: QzSort, alpha: &[C], beta: &[C]) {
    let n = alpha.len();
    let nsel = f.i64(&format!("{pre}_nsel")) as usize;
    let bmax = beta.iter().fold(0.0f64, |m, b| m.max(b.norm()));
    // a rounding-level beta counts as infinite (SciPy's beta there is rounding-level too)
    let sel = |j: usize| {
        let b = if beta[j].norm() > 1e-10 * bmax { beta[j] } else { C::new(0.0, 0.0) };
        sort.selects(alpha[j], b) || (alpha[j].im != 0.0 && sort.selects(alpha[j].conj(), b))
    };
    let got = (0..n).filter(|&j| sel(j)).count();
    assert_eq!(got, nsel, "{pre}");
    assert!((0..nsel).all(sel), "{pre}: selected first");
    let tol = 1e-9;
    for (name, r) in [("lead", 0..nsel), ("rest", nsel..n)] {
        let (fin, ninf) = groups(&alpha[r.clone()], &beta[r], bmax);
        let want = f.array_c64(&format!("{pre}_{name}")).into_dimensionality::<Ix1>().unwrap();
        assert_eq!(ninf, f.i64(&format!("{pre}_{name}_ninf")), "{pre} {name}");
        assert_allclose(&fin, &want, tol, tol);
    }
}

fn check_real(a: &Array2<f64>, b: &Array2<f64>, r: &Ordqz<f64, f64>) {
    let n = a.nrows();
    let tol = 1e-12 * n as f64 * (1.0 + a.iter().chain(b).fold(0.0f64, |m, v| m.max(v.abs())));
    assert_allclose(&r.q.dot(&r.aa).dot(&r.z.t()), a, 0.0, tol);
    assert_allclose(&r.q.dot(&r.bb).dot(&r.z.t()), b, 0.0, tol);
    assert_allclose(&r.q.t().dot(&r.q), &Array2::eye(n), 0.0, 1e-13 * n as f64);
    assert_allclose(&r.z.t().dot(&r.z), &Array2::eye(n), 0.0, 1e-13 * n as f64);
    let mut k = 0;
    while k < n {
        for i in k + 1..n {
            assert_eq!(r.bb[[i, k]], 0.0);
        }
        for i in k + 2..n {
            assert_eq!(r.aa[[i, k]], 0.0);
        }
        assert!(r.bb[[k, k]] >= 0.0);
        if k + 1 < n && r.aa[[k + 1, k]] != 0.0 {
            // a complex pair: BB's block diagonal, conjugate alphas, equal betas
            assert_eq!(r.bb[[k, k + 1]], 0.0);
            assert!(r.bb[[k + 1, k + 1]] > 0.0 && r.alpha[k].im > 0.0);
            assert_eq!(r.alpha[k + 1], r.alpha[k].conj());
            k += 2;
        } else {
            assert_eq!(r.alpha[k], C::new(r.aa[[k, k]], 0.0));
            assert_eq!(r.beta[k], r.bb[[k, k]]);
            k += 1;
        }
    }
}

fn check_complex(a: &Array2<C>, b: &Array2<C>, r: &Ordqz<C, C>) {
    let n = a.nrows();
    let tol = 1e-12 * n as f64 * (1.0 + a.iter().chain(b).fold(0.0f64, |m, v| m.max(v.norm())));
    assert_allclose(&r.q.dot(&r.aa).dot(&herm(&r.z)), a, 0.0, tol);
    assert_allclose(&r.q.dot(&r.bb).dot(&herm(&r.z)), b, 0.0, tol);
    assert_allclose(&herm(&r.q).dot(&r.q), &to_c(&Array2::eye(n)), 0.0, 1e-13 * n as f64);
    assert_allclose(&herm(&r.z).dot(&r.z), &to_c(&Array2::eye(n)), 0.0, 1e-13 * n as f64);
    for j in 0..n {
        for i in j + 1..n {
            assert_eq!(r.aa[[i, j]], C::new(0.0, 0.0));
            assert_eq!(r.bb[[i, j]], C::new(0.0, 0.0));
        }
        assert!(r.bb[[j, j]].im == 0.0 && r.bb[[j, j]].re >= 0.0);
        assert_eq!(r.alpha[j], r.aa[[j, j]]);
        assert_eq!(r.beta[j], r.bb[[j, j]]);
    }
}

#[test]
fn ordqz_matches_scipy() {
    let f = fx();
    let batch = (0..14).map(|i| format!("s{i}"));
    let keys: Vec<String> = ["r5", "r8", "r20", "doc", "sing", "one", "cplx", "rot"]
        .map(String::from)
        .into_iter()
        .chain(batch)
        .collect();
    for key in &keys {
        let key = key.as_str();
        let cplx = key == "cplx";
        let (ac, bc) = if cplx {
            let a = f.array_c64(&format!("{key}/a")).into_dimensionality::<Ix2>().unwrap();
            let b = f.array_c64(&format!("{key}/b")).into_dimensionality::<Ix2>().unwrap();
            (a, b)
        } else {
            let a = f.array_f64(&format!("{key}/a")).into_dimensionality::<Ix2>().unwrap();
            let b = f.array_f64(&format!("{key}/b")).into_dimensionality::<Ix2>().unwrap();
            (to_c(&a), to_c(&b))
        };
        for (sort, name) in SORTS {
            if key == "sing" && matches!(sort, QzSort::Lhp | QzSort::Rhp) {
                continue;
            }
            if !cplx {
                let (a, b) = (ac.mapv(|v| v.re), bc.mapv(|v| v.re));
                let r = ordqz(&a, &b, sort).unwrap();
                check_real(&a, &b, &r);
                let beta: Vec<C> = r.beta.iter().map(|&x| C::new(x, 0.0)).collect();
                check_groups(&f, &format!("{key}/real_{name}"), sort, r.alpha.as_slice().unwrap(), &beta);
                // the real input as complex output
                let r = ordqz_complex(&a, &b, sort).unwrap();
                check_complex(&ac, &bc, &r);
                let (al, be) = (r.alpha.to_vec(), r.beta.to_vec());
                check_groups(&f, &format!("{key}/complex_{name}"), sort, &al, &be);
            } else {
                let r = ordqz_complex(&ac, &bc, sort).unwrap();
                check_complex(&ac, &bc, &r);
                let (al, be) = (r.alpha.to_vec(), r.beta.to_vec());
                check_groups(&f, &format!("{key}/complex_{name}"), sort, &al, &be);
            }
        }
    }
}

#[test]
fn ordqz_callable_views_and_f32() {
    let f = fx();
    let a = f.array_f64("r8/a").into_dimensionality::<Ix2>().unwrap();
    let b = f.array_f64("r8/b").into_dimensionality::<Ix2>().unwrap();
    // a callable equal to 'iuc'
    let r = ordqz_by(&a, &b, |al, be| be.norm() != 0.0 && (al / be).norm() < 1.0).unwrap();
    check_real(&a, &b, &r);
    let beta: Vec<C> = r.beta.iter().map(|&x| C::new(x, 0.0)).collect();
    check_groups(&f, "r8/real_iuc", QzSort::Iuc, r.alpha.as_slice().unwrap(), &beta);
    let r = ordqz_complex_by(&a, &b, |al, be| be.norm() != 0.0 && (al / be).norm() < 1.0).unwrap();
    check_groups(&f, "r8/complex_iuc", QzSort::Iuc, &r.alpha.to_vec(), &r.beta.to_vec());
    // strided views
    let a20 = f.array_f64("r20/a").into_dimensionality::<Ix2>().unwrap();
    let b20 = f.array_f64("r20/b").into_dimensionality::<Ix2>().unwrap();
    let (va, vb) = (a20.slice(s![..;2, 1..;2]), b20.slice(s![1..;2, ..;2]));
    let r = ordqz(&va, &vb, QzSort::Ouc).unwrap();
    check_real(&va.to_owned(), &vb.to_owned(), &r);
    // f32: reconstruction at single precision
    let (a32, b32) = (a.mapv(|v| v as f32), b.mapv(|v| v as f32));
    let r = ordqz(&a32, &b32, QzSort::Lhp).unwrap();
    assert_allclose(&r.q.dot(&r.aa).dot(&r.z.t()), &a32, 0.0, 2e-4);
    assert_allclose(&r.q.dot(&r.bb).dot(&r.z.t()), &b32, 0.0, 2e-4);
    let sel = (0..8).filter(|&j| (r.alpha[j] / r.beta[j]).re < 0.0).count();
    assert_eq!(sel as i64, f.i64("r8/real_lhp_nsel"));
    assert!((0..sel).all(|j| (r.alpha[j] / r.beta[j]).re < 0.0));
    // every eigenvalue selected / none selected: the form is unchanged in content
    let all = ordqz_by(&a, &b, |_, _| true).unwrap();
    check_real(&a, &b, &all);
    let none = ordqz_complex_by(&a, &b, |_, _| false).unwrap();
    check_complex(&to_c(&a), &to_c(&b), &none);
}

#[test]
fn ordqz_bad_input() {
    let f = fx();
    let errs: Vec<String> = (0..3).map(|i| f.str(&format!("ordqz_errors/{i}")).to_string()).collect();
    assert!(errs.iter().all(|e| !e.ends_with(": ok")), "{errs:?}");
    let z = |m: usize, n: usize| Array2::<f64>::zeros((m, n));
    let table: [(Array2<f64>, Array2<f64>, LinalgError); 4] = [
        (z(2, 3), z(2, 3), LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }),
        (z(2, 2), z(2, 3), LinalgError::NotSquare { arg: "B", shape: vec![2, 3] }),
        (
            z(2, 2),
            z(3, 3),
            LinalgError::ShapeMismatch {
                arg: "B",
                expected: "the shape of A, [2, 2]".into(),
                found: vec![3, 3],
            },
        ),
        (array![[f64::NAN]], array![[1.0]], LinalgError::NonFinite { arg: "A" }),
    ];
    for (a, b, want) in table {
        assert_eq!(ordqz(&a, &b, QzSort::Lhp).unwrap_err(), want);
        assert_eq!(ordqz_complex(&a, &b, QzSort::Iuc).unwrap_err(), want);
    }
    let e = ordqz(&array![[1.0]], &array![[f64::INFINITY]], QzSort::Lhp).unwrap_err();
    assert_eq!(e, LinalgError::NonFinite { arg: "B" });
    // SciPy rejects the empty pencil (errors[0] is "empty: error")
    assert!(ordqz(&z(0, 0), &z(0, 0), QzSort::Lhp).unwrap_err().to_string().contains("non-empty"));
    assert!(ordqz_complex(&z(0, 0), &z(0, 0), QzSort::Ouc).is_err());
}

fn block_diag2(a: &Array2<C>, b: &Array2<C>) -> Array2<C> {
    let (k, m) = (a.nrows(), a.nrows() + b.nrows());
    let mut out = Array2::<C>::zeros((m, m));
    out.slice_mut(s![..k, ..k]).assign(a);
    out.slice_mut(s![k.., k..]).assign(b);
    out
}

fn is_unitary(u: &Array2<C>) {
    let n = u.nrows();
    assert_allclose(&herm(u).dot(u), &to_c(&Array2::eye(n)), 0.0, 1e-13 * n as f64);
}

#[test]
fn cossin_matches_scipy() {
    let f = fx();
    let cases: [(&str, &[(usize, usize)]); 5] = [
        ("o7", &[(3, 4), (2, 5), (5, 2), (1, 1), (6, 6), (3, 3), (4, 3), (1, 6)]),
        ("o6", &[(3, 3), (2, 2), (4, 1)]),
        ("u6", &[(2, 3), (3, 3), (5, 1)]),
        ("eye4", &[(2, 2), (1, 3)]),
        ("swap4", &[(2, 2)]),
    ];
    for (key, parts) in cases {
        let xc = if key == "u6" {
            f.array_c64(&format!("cossin/{key}/x")).into_dimensionality::<Ix2>().unwrap()
        } else {
            to_c(&f.array_f64(&format!("cossin/{key}/x")).into_dimensionality::<Ix2>().unwrap())
        };
        for &(p, q) in parts {
            for sw in [false, true] {
                let tag = format!("cossin/{key}/p{p}q{q}{}", if sw { "_swap" } else { "" });
                let theta = f.array_f64(&format!("{tag}_theta")).into_dimensionality::<Ix1>().unwrap();
                let cs = f.array_f64(&format!("{tag}_cs")).into_dimensionality::<Ix2>().unwrap();
                let opts = CossinOptions { swap_sign: sw, ..Default::default() };
                let d = cossin(&xc, p, q, opts).unwrap();
                assert_allclose(&d.cs, &cs, 1e-12, 1e-12);
                let (u, vdh) = (d.u.unwrap(), d.vdh.unwrap());
                is_unitary(&u);
                is_unitary(&vdh);
                assert_allclose(&u.dot(&to_c(&d.cs)).dot(&vdh), &xc, 0.0, 1e-12);
                let parts = cossin_separate(&xc, p, q, opts).unwrap();
                assert_allclose(&parts.theta, &theta, 1e-12, 1e-12);
                let (u1, u2) = (parts.u1.unwrap(), parts.u2.unwrap());
                let (v1h, v2h) = (parts.v1h.unwrap(), parts.v2h.unwrap());
                assert_eq!((u1.nrows(), v1h.nrows()), (p, q));
                assert_eq!(block_diag2(&u1, &u2), u);
                assert_eq!(block_diag2(&v1h, &v2h), vdh);
                if key != "u6" {
                    // the real path
                    let xr = xc.mapv(|v| v.re);
                    let d = cossin(&xr, p, q, opts).unwrap();
                    assert_allclose(&d.cs, &cs, 1e-12, 1e-12);
                    let (u, vdh) = (d.u.unwrap(), d.vdh.unwrap());
                    assert_allclose(&u.dot(&d.cs).dot(&vdh), &xr, 0.0, 1e-12);
                    assert_allclose(&u.t().dot(&u), &Array2::eye(xr.nrows()), 0.0, 1e-13 * 8.0);
                    assert_allclose(&vdh.dot(&vdh.t()), &Array2::eye(xr.nrows()), 0.0, 1e-13 * 8.0);
                }
            }
        }
    }
    // compute_u / compute_vh off
    let x = f.array_f64("cossin/o7/x").into_dimensionality::<Ix2>().unwrap();
    let opts = CossinOptions { compute_u: false, compute_vh: false, ..Default::default() };
    let d = cossin(&x, 3, 4, opts).unwrap();
    assert!(d.u.is_none() && d.vdh.is_none());
    let theta = f.array_f64("cossin/o7/p3q4_theta").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(&cossin_separate(&x, 3, 4, opts).unwrap().theta, &theta, 1e-12, 1e-12);
    // f32
    let x32 = x.mapv(|v| v as f32);
    let d = cossin(&x32, 3, 4, CossinOptions::default()).unwrap();
    assert_allclose(&d.u.unwrap().dot(&d.cs).dot(&d.vdh.unwrap()), &x32, 0.0, 1e-5);
}

#[test]
fn cossin_bad_input() {
    let x = Array2::<f64>::eye(4);
    let msg = |p: usize, q: usize| cossin(&x, p, q, CossinOptions::default()).unwrap_err().to_string();
    for (p, q, want) in [
        (0, 2, "invalid p=0, 0<p<4 must hold"),
        (4, 2, "invalid p=4, 0<p<4 must hold"),
        (2, 0, "invalid q=0, 0<q<4 must hold"),
        (2, 4, "invalid q=4, 0<q<4 must hold"),
    ] {
        assert!(msg(p, q).contains(want), "{}", msg(p, q));
    }
    let e = cossin(&Array2::<f64>::zeros((4, 3)), 1, 1, CossinOptions::default()).unwrap_err();
    assert_eq!(e, LinalgError::NotSquare { arg: "X", shape: vec![4, 3] });
    let mut xn = x.clone();
    xn[[1, 2]] = f64::NAN;
    let e = cossin_separate(&xn, 1, 1, CossinOptions::default()).unwrap_err();
    assert_eq!(e, LinalgError::NonFinite { arg: "X" });
    // 1x1: no valid p (SciPy: "invalid p=1, 0<p<1 must hold")
    assert!(cossin(&array![[1.0]], 1, 1, CossinOptions::default()).is_err());
}

#[test]
fn cossin_four_blocks() {
    let f = fx();
    let x = f.array_f64("cossin/o7/x").into_dimensionality::<Ix2>().unwrap();
    let (x11, x12, x21, x22) =
        (x.slice(s![..3, ..4]), x.slice(s![..3, 4..]), x.slice(s![3.., ..4]), x.slice(s![3.., 4..]));
    let (xa, p, q) = cossin_blocks(&x11, &x12, &x21, &x22).unwrap();
    assert_eq!((p, q), (3, 4));
    assert_eq!(xa, x);
    let theta = f.array_f64("cossin/o7/p3q4_theta").into_dimensionality::<Ix1>().unwrap();
    assert_allclose(
        &cossin_separate(&xa, p, q, CossinOptions::default()).unwrap().theta,
        &theta,
        1e-12,
        1e-12,
    );
    // SciPy's messages (tools/fixtures: ValueError for each of these)
    let e = |a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array2<f64>| {
        cossin_blocks(a, b, c, d).unwrap_err().to_string()
    };
    let z = |m: usize, n: usize| Array2::<f64>::zeros((m, n));
    for (got, want) in [
        (e(&z(2, 0), &z(2, 4), &z(2, 0), &z(2, 4)), "x11 can't be empty"),
        (e(&z(2, 2), &z(2, 1), &z(2, 2), &z(2, 2)), "Invalid x12 dimensions: desired (2, 2), got (2, 1)"),
        (e(&z(2, 2), &z(2, 2), &z(2, 1), &z(2, 2)), "Invalid x21 dimensions: desired (2, 2), got (2, 1)"),
        (e(&z(2, 2), &z(2, 2), &z(1, 2), &z(1, 2)), "(instead they form a 3x4 array)"),
        (e(&z(0, 2), &z(0, 2), &z(4, 2), &z(4, 2)), "invalid p=0"),
    ] {
        assert!(got.contains(want), "{got}");
    }
}

//! Complex `qr` (full, economic), `qr_r` and `rq` against SciPy entry for entry (LAPACK's
//! zgeqrf/zungqr and zgerqf/zungrq phases), complex128 and complex64, and float64 and float32
//! `qr` and `rq` (the routes shared with real input); fixtures from
//! tools/fixtures/linalg_qr_complex_lapack.py.

mod common;

use common::load_as_complex;
use sci_array::ndarray::{Array2, ArrayView2, Ix2, ShapeBuilder, s};
use sci_array::num_complex::{Complex32, Complex64 as C};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_complex_lapack.json"))
        .unwrap()
}

fn two(f: &Fixture, key: &str, field: &str) -> Array2<C> {
    load_as_complex(f, key, field).into_dimensionality::<Ix2>().unwrap()
}

/// `got` against `want` entry for entry, with an absolute tolerance of `rtol` times the
/// largest entry (for the entries that rounding leaves near zero).
fn cmp(got: &Array2<C>, want: &Array2<C>, rtol: f64, what: &str) {
    assert_eq!(got.dim(), want.dim(), "{what}: shape");
    let atol = rtol * want.iter().fold(1.0f64, |s, z| s.max(z.norm()));
    let worst =
        got.iter().zip(want).map(|(g, w)| ((g - w).norm() - rtol * w.norm()).max(0.0)).fold(0.0, f64::max);
    assert!(
        worst <= atol,
        "{what}: differs by {worst:e} beyond rtol {rtol:e} (atol {atol:e})\n{got:?}\n{want:?}"
    );
    assert_allclose(got, want, rtol, atol);
}

fn adj(x: &Array2<C>) -> Array2<C> {
    x.t().mapv(|z| z.conj())
}

/// `q r = a` and `q` with orthonormal columns (rows when `rows`).
fn reconstructs(a: &Array2<C>, q: &Array2<C>, prod: &Array2<C>, rows: bool, rtol: f64) {
    let scale = a.iter().fold(1.0f64, |s, z| s.max(z.norm()));
    assert_allclose(prod, a, 0.0, 10.0 * rtol * scale);
    let g = if rows { q.dot(&adj(q)) } else { adj(q).dot(q) };
    let eye = Array2::<C>::eye(g.nrows());
    assert_allclose(&g, &eye, 0.0, 10.0 * rtol);
}

/// Runs every function of case `key` in element type `T` and compares.
fn check<T: LinalgScalar>(f: &Fixture, key: &str, to_t: fn(C) -> T, from_t: fn(T) -> C, rtol: f64) -> usize {
    let a_c: Array2<C> = if common::has(f, key, "big") {
        two(f, key, "big").slice(s![..;2, ..;3]).to_owned()
    } else {
        two(f, key, "a")
    };
    let big_t: Option<Array2<T>> = common::has(f, key, "big").then(|| two(f, key, "big").mapv(to_t));
    let a_t: Array2<T> = a_c.mapv(to_t);
    // the non-contiguous case goes in as a strided view, the others as they are
    let view: ArrayView2<'_, T> = match &big_t {
        Some(b) => b.slice(s![..;2, ..;3]),
        None => a_t.view(),
    };
    let det: Option<usize> = common::has(f, key, "det").then(|| f.i64(&format!("{key}/det")) as usize);
    let back = |x: Array2<T>| x.mapv(from_t);
    let mut compared = 0;
    for (mode, tag) in [(QrMode::Full, "full"), (QrMode::Economic, "econ")] {
        let (q, r) = qr(&view, mode).unwrap_or_else(|e| panic!("{key} qr {tag}: {e}"));
        let (q, r) = (back(q), back(r));
        let (wq, wr) = (two(f, key, &format!("{tag}_q")), two(f, key, &format!("{tag}_r")));
        assert_eq!((q.dim(), r.dim()), (wq.dim(), wr.dim()), "{key} qr {tag}: shapes");
        match det {
            None => {
                cmp(&q, &wq, rtol, &format!("{key} qr {tag} q"));
                cmp(&r, &wr, rtol, &format!("{key} qr {tag} r"));
            }
            Some(d) => {
                // Reflector d is built from rounding noise (column d repeats column 0), so
                // only q's first d columns and r's first d rows are SciPy's to compare; r's
                // row d is ~0 up to its last entry, and the rest is checked by q r = a and
                // qᴴ q = I.
                cmp(&q.slice(s![.., ..d]).to_owned(), &wq.slice(s![.., ..d]).to_owned(), rtol, key);
                cmp(&r.slice(s![..d, ..]).to_owned(), &wr.slice(s![..d, ..]).to_owned(), rtol, key);
                let scale = a_c.iter().fold(1.0f64, |s, z| s.max(z.norm()));
                assert!(r[[d, d]].norm() < 100.0 * rtol * scale, "{key}: r[d, d] = {}", r[[d, d]]);
            }
        }
        reconstructs(&a_c, &q, &q.dot(&r), false, rtol);
        compared += 2;
    }
    let r = back(qr_r(&view).unwrap());
    let wr = two(f, key, "r_r");
    match det {
        None => cmp(&r, &wr, rtol, &format!("{key} qr_r")),
        Some(d) => cmp(&r.slice(s![..d, ..]).to_owned(), &wr.slice(s![..d, ..]).to_owned(), rtol, key),
    }
    compared += 1;
    for (mode, tag) in [(QrMode::Full, "full"), (QrMode::Economic, "econ")] {
        let (r, q) = rq(&view, mode).unwrap_or_else(|e| panic!("{key} rq {tag}: {e}"));
        let (r, q) = (back(r), back(q));
        let (wr, wq) = (two(f, key, &format!("rq_{tag}_r")), two(f, key, &format!("rq_{tag}_q")));
        assert_eq!((r.dim(), q.dim()), (wr.dim(), wq.dim()), "{key} rq {tag}: shapes");
        match det {
            None => {
                cmp(&r, &wr, rtol, &format!("{key} rq {tag} r"));
                cmp(&q, &wq, rtol, &format!("{key} rq {tag} q"));
            }
            Some(d) => {
                // gerqf reduces the rows from the last one up; a's rows span only a 3-d space
                // (rank 3), so the last reflector (q's first row of the p reduced ones, r's
                // matching column) is rounding noise: q's last d rows and r's last d columns
                // are compared, the rest checked by r q = a and q qᴴ = I.
                let p = q.nrows();
                cmp(&q.slice(s![p - d.., ..]).to_owned(), &wq.slice(s![p - d.., ..]).to_owned(), rtol, key);
                let pc = r.ncols();
                cmp(&r.slice(s![.., pc - d..]).to_owned(), &wr.slice(s![.., pc - d..]).to_owned(), rtol, key);
            }
        }
        reconstructs(&a_c, &q, &r.dot(&q), true, rtol);
        compared += 2;
    }
    compared
}

#[test]
fn complex_qr_and_rq_equal_scipy_entry_for_entry() {
    let f = fx();
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k != "blocked_c128").collect();
    assert_eq!(keys.len(), 29, "fixture cases");
    let mut compared = 0;
    for key in &keys {
        compared += if key.starts_with("c128_") {
            check::<C>(&f, key, |z| z, |z| z, 1e-12)
        } else if key.starts_with("f64_") {
            check::<f64>(&f, key, |z| z.re, |x| C::new(x, 0.0), 1e-12)
        } else if key.starts_with("f32_") {
            check::<f32>(&f, key, |z| z.re as f32, |x| C::new(x.into(), 0.0), 2e-5)
        } else {
            assert!(key.starts_with("c64_"), "{key}");
            check::<Complex32>(
                &f,
                key,
                |z| Complex32::new(z.re as f32, z.im as f32),
                |z| C::new(z.re.into(), z.im.into()),
                2e-5,
            )
        };
    }
    assert_eq!(compared, 29 * 9);
}

#[test]
fn complex128_blocked_qr_equals_scipy_entry_for_entry() {
    // 80 x 70: blocked zgeqrf/zungqr with block products on the real GEMM (blas::embed)
    let f = fx();
    let want = |field| two(&f, "blocked_c128", field);
    let a = want("a");
    let (q, r) = qr(&a, QrMode::Economic).unwrap();
    cmp(&q, &want("econ_q"), 1e-12, "economic q");
    cmp(&r, &want("econ_r"), 1e-12, "economic r");
    let (q, _) = qr(&a, QrMode::Full).unwrap();
    cmp(&q, &want("full_q"), 1e-12, "full q");
    // the same through a Fortran-ordered input
    let mut af = Array2::<C>::zeros(a.raw_dim().f());
    af.assign(&a);
    let (q, _) = qr(&af, QrMode::Economic).unwrap();
    cmp(&q, &want("econ_q"), 1e-12, "economic q, Fortran order");
}

#[test]
fn alpha_zero_and_real_valued_columns_follow_lapack_signs() {
    // zlarfg with alpha = 0: beta = -‖x‖ (Fortran SIGN(x, +0) is +x), so r[0, 0] < 0.
    let f = fx();
    let (_, r) = qr(&two(&f, "c128_alpha0", "a"), QrMode::Economic).unwrap();
    assert!(r[[0, 0]].re < 0.0 && r[[0, 0]].im == 0.0, "{}", r[[0, 0]]);
    // A real-valued complex matrix gives real q and r, as dgeqrf's.
    let a = two(&f, "c128_realvalued", "a");
    let (q, r) = qr(&a, QrMode::Full).unwrap();
    let (qd, rd) = qr(&a.mapv(|z| z.re), QrMode::Full).unwrap();
    assert!(q.iter().chain(r.iter()).all(|z| z.im == 0.0));
    assert_allclose(&q.mapv(|z| z.re), &qd, 1e-13, 1e-13);
    assert_allclose(&r.mapv(|z| z.re), &rd, 1e-13, 1e-13);
}

#[test]
fn complex_qr_bad_input() {
    let nan = Array2::from_elem((2, 2), C::new(f64::NAN, 0.0));
    let inf = Array2::from_elem((3, 2), C::new(0.0, f64::INFINITY));
    for (what, a) in [("nan", &nan), ("inf", &inf)] {
        assert!(matches!(qr(a, QrMode::Full), Err(LinalgError::NonFinite { .. })), "qr {what}");
        assert!(matches!(qr(a, QrMode::Economic), Err(LinalgError::NonFinite { .. })), "qr econ {what}");
        assert!(matches!(qr_r(a), Err(LinalgError::NonFinite { .. })), "qr_r {what}");
        assert!(matches!(rq(a, QrMode::Full), Err(LinalgError::NonFinite { .. })), "rq {what}");
    }
}

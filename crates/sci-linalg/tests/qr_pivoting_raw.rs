//! SciPy parity for qr(mode='r', pivoting=True) (qr_r_pivoting) and qr(mode='raw',
//! pivoting=True) (qr_raw_pivoting), fixtures from tools/fixtures/linalg_qr_pivoting_raw.py:
//! p exactly, r, h and tau value by value (LAPACK geqp3's signs: real R diagonal), plus the
//! reconstruction a[:, p] = Q r from the reflectors, on f64, f32, complex128 and complex64.

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array, s};
use sci_array::num_complex::{Complex32, Complex64 as C};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_pivoting_raw.json")).unwrap()
}

/// Widening to complex128 for comparisons.
trait ToC: LinalgScalar {
    fn c(self) -> C;
}
impl ToC for f64 {
    fn c(self) -> C {
        C::new(self, 0.0)
    }
}
impl ToC for f32 {
    fn c(self) -> C {
        C::new(f64::from(self), 0.0)
    }
}
impl ToC for C {
    fn c(self) -> C {
        self
    }
}
impl ToC for Complex32 {
    fn c(self) -> C {
        C::new(f64::from(self.re), f64::from(self.im))
    }
}

fn load(f: &Fixture, path: &str) -> Array2<C> {
    let v =
        if path.starts_with("f") { f.array_f64(path).mapv(|x| C::new(x, 0.0)) } else { f.array_c64(path) };
    if v.ndim() == 1 { v.insert_axis(Axis(1)) } else { v }.into_dimensionality::<Ix2>().unwrap()
}

fn idx(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().iter().map(|&i| i as usize).collect()
}

/// The reflector vectors of `h`'s first `cols` columns (strictly below the diagonal).
fn below(h: &Array2<C>, cols: usize) -> Array2<C> {
    Array2::from_shape_fn((h.nrows(), cols), |(i, j)| if i > j { h[[i, j]] } else { C::new(0.0, 0.0) })
}

fn wide<T: ToC>(a: &Array2<T>) -> Array2<C> {
    a.mapv(ToC::c)
}

/// `Q [r; 0]` with `Q = H_0 ⋯ H_{k-1}`, `H_i = I - tau_i v_i v_iᴴ` from `h`'s lower part.
fn rebuild(h: &Array2<C>, tau: &Array1<C>, r: &Array2<C>) -> Array2<C> {
    let (m, n) = h.dim();
    let mut x = Array2::<C>::zeros((m, n));
    x.slice_mut(s![..r.nrows(), ..]).assign(r);
    for i in (0..tau.len()).rev() {
        let mut v = Array1::<C>::zeros(m);
        v[i] = C::new(1.0, 0.0);
        v.slice_mut(s![i + 1..]).assign(&h.slice(s![i + 1.., i]));
        let w = v.mapv(|z| z.conj()).dot(&x);
        for (row, &vi) in v.iter().enumerate() {
            for c in 0..n {
                x[[row, c]] -= tau[i] * vi * w[c];
            }
        }
    }
    x
}

/// Checks one fixture case for element type `T` (`rtol` and the unit roundoff `eps` of `T`).
/// Returns the rank the case was compared at.
fn check<T: ToC>(f: &Fixture, key: &str, from: fn(C) -> T, rtol: f64, eps: f64) -> usize {
    let a64 = load(f, &format!("{key}/a"));
    let want_r = load(f, &format!("{key}/r"));
    check_against(f, key, a64.mapv(from), &want_r, rtol, eps)
}

/// [`check`] for the input `a` and SciPy's `mode='r'` result `want_r`.
fn check_against<T: ToC>(
    f: &Fixture,
    key: &str,
    a: Array2<T>,
    want_r: &Array2<C>,
    rtol: f64,
    eps: f64,
) -> usize {
    let a64 = wide(&a);
    let (m, n) = a.dim();
    let k = m.min(n);
    let scale = a64.iter().map(|z| z.norm()).fold(1.0, f64::max);
    let atol = 100.0 * eps * scale * (m.max(n) as f64);
    let want_p = idx(f, &format!("{key}/p"));
    let rank = if f.get(key).get("rank").is_some() { f.i64(&format!("{key}/rank")) as usize } else { k };
    let want_h = load(f, &format!("{key}/h"));
    let want_tau = load(f, &format!("{key}/tau")).column(0).to_owned();

    let (r, p) = qr_r_pivoting(&a).unwrap();
    let ((h, tau), r_raw, p_raw) = qr_raw_pivoting(&a).unwrap();
    let (r, h, tau, r_raw) = (wide(&r), wide(&h), tau.mapv(ToC::c), wide(&r_raw));
    assert_eq!((r.dim(), h.dim(), tau.len(), r_raw.dim()), ((m, n), (m, n), k, (k, n)), "{key}");
    assert_eq!(p, p_raw, "{key}");
    assert_eq!(p.slice(s![..rank]).to_vec(), want_p[..rank].to_vec(), "{key}: p");
    if rank == k {
        assert_eq!(p.to_vec(), want_p, "{key}: p");
        assert_allclose(&r, want_r, rtol, atol);
        assert_allclose(&r_raw, &want_r.slice(s![..k, ..]), rtol, atol);
        // R on and above the diagonal, the reflectors (|v| ≤ 1) below it
        assert_allclose(&h, &want_h, rtol, atol);
        assert_allclose(&below(&h, k), &below(&want_h, k), rtol, 100.0 * eps);
        assert_allclose(&tau, &want_tau, rtol, 100.0 * eps);
    } else {
        // only the first `rank` pivots, reflectors and rows are determined
        assert_allclose(&r.slice(s![..rank, ..rank]), &want_r.slice(s![..rank, ..rank]), rtol, atol);
        assert_allclose(&below(&h, rank), &below(&want_h, rank), rtol, 100.0 * eps);
        assert_allclose(&h.slice(s![..rank, ..rank]), &want_h.slice(s![..rank, ..rank]), rtol, atol);
        assert_allclose(&tau.slice(s![..rank]), &want_tau.slice(s![..rank]), rtol, 100.0 * eps);
        assert!(r.slice(s![rank.., rank..]).iter().all(|z| z.norm() < atol), "{key}: trailing r");
    }
    let ap = a64.select(Axis(1), p.as_slice().unwrap());
    assert_allclose(&rebuild(&h, &tau, &r_raw), &ap, 0.0, atol);
    rank
}

#[test]
fn f64_matches_scipy() {
    let f = fx();
    let keys = [
        "sq4",
        "tall7x3",
        "wide3x6",
        "one",
        "row1x4",
        "col5x1",
        "big30x20",
        "rankdef",
        "zero_col",
        "ties",
        "swap_ties",
        "plain40x30",
    ];
    for key in keys {
        let rank = check::<f64>(&f, &format!("f64_{key}"), |z| z.re, 1e-10, f64::EPSILON);
        assert_eq!(rank == 2, key == "rankdef", "{key}");
    }
}

#[test]
fn complex128_matches_scipy() {
    let f = fx();
    for key in ["sq4", "tall7x3", "wide3x6", "one", "row1x4", "col5x1", "big30x20", "rankdef", "plain25x35"] {
        let rank = check::<C>(&f, &format!("c128_{key}"), |z| z, 1e-10, f64::EPSILON);
        assert_eq!(rank == 2, key == "rankdef", "{key}");
    }
}

#[test]
fn single_precision_matches_scipy() {
    let f = fx();
    let _ = check::<f32>(&f, "f32_tall6x4", |z| z.re as f32, 1e-4, f64::from(f32::EPSILON));
    let to32 = |z: C| Complex32::new(z.re as f32, z.im as f32);
    let _ = check::<Complex32>(&f, "c64_wide3x5", to32, 1e-4, f64::from(f32::EPSILON));
}

#[test]
fn empty_inputs_have_scipys_shapes() {
    let f = fx();
    for (m, n) in [(0usize, 0usize), (0, 3), (3, 0)] {
        let key = format!("empty_{m}x{n}");
        let dims = |p: &str| -> Vec<usize> {
            f.array_i64(&format!("{key}/{p}")).iter().map(|&i| i as usize).collect()
        };
        let a = Array2::<f64>::zeros((m, n));
        let (r, p) = qr_r_pivoting(&a).unwrap();
        assert_eq!(vec![r.nrows(), r.ncols()], dims("r_shape"), "{key}");
        assert_eq!(p.to_vec(), idx(&f, &format!("{key}/p")), "{key}");
        let ((h, tau), r, p2) = qr_raw_pivoting(&a).unwrap();
        assert_eq!(vec![h.nrows(), h.ncols()], dims("h_shape"), "{key}");
        assert_eq!(tau.len() as i64, f.i64(&format!("{key}/tau_len")), "{key}");
        assert_eq!(vec![r.nrows(), r.ncols()], dims("raw_r_shape"), "{key}");
        assert_eq!(p2, p, "{key}");
        let ac = Array2::<C>::zeros((m, n));
        let ((h, _), r, p3) = qr_raw_pivoting(&ac).unwrap();
        assert_eq!((h.dim(), r.nrows(), p3), ((m, n), m.min(n), p));
    }
}

#[test]
fn bad_input_table() {
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let inf = array![[f64::INFINITY], [1.0]];
    let cnan = array![[C::new(1.0, f64::NAN), C::new(0.0, 0.0)]];
    let cases: Vec<(&str, LinalgError)> = vec![
        ("qr_r_pivoting NaN", qr_r_pivoting(&nan).unwrap_err()),
        ("qr_r_pivoting inf", qr_r_pivoting(&inf).unwrap_err()),
        ("qr_r_pivoting complex NaN", qr_r_pivoting(&cnan).unwrap_err()),
        ("qr_raw_pivoting NaN", qr_raw_pivoting(&nan).unwrap_err()),
        ("qr_raw_pivoting inf", qr_raw_pivoting(&inf.mapv(|x| x as f32)).unwrap_err()),
        ("qr_raw_pivoting complex NaN", qr_raw_pivoting(&cnan).unwrap_err()),
    ];
    for (name, err) in cases {
        assert_eq!(err, LinalgError::NonFinite { arg: "a" }, "{name}");
    }
}

/// Fixtures from tools/fixtures/linalg_qr_pivoting_blocked.py: matrices with more than 128
/// reflectors (LAPACK's blocked `?laqps` path) and `qr_pivoting`'s full/economic `(q, r, p)`.
fn fx_blocked() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_pivoting_blocked.json"))
        .unwrap()
}

/// The generator's `lcg`: `(m, n)` entries in `[-0.5, 0.5)` column by column, exact.
fn lcg(m: usize, n: usize, seed: u64) -> Array2<f64> {
    let mut s = seed;
    let data: Vec<f64> = (0..m * n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / 2f64.powi(53) - 0.5
        })
        .collect();
    Array2::from_shape_vec((n, m), data).unwrap().reversed_axes()
}

/// The generator's `big` matrix of fixture case `key` (complex128 for every kind).
fn big_matrix(f: &Fixture, key: &str) -> Array2<C> {
    let g = |p: &str| f.i64(&format!("{key}/{p}")) as usize;
    let (m, n, seed) = (g("m"), g("n"), g("seed") as u64);
    if f.get(key).get("dup").is_some() {
        let r = g("dup");
        let b = lcg(m, r, seed);
        return Array2::from_shape_fn((m, n), |(i, j)| {
            C::new(if j < r { b[[i, j]] } else { 0.5 * b[[i, (7 * (j - r)) % r]] }, 0.0)
        });
    }
    let re = lcg(m, n, seed);
    if f.str(&format!("{key}/kind")) == "f64" {
        return re.mapv(|x| C::new(x, 0.0));
    }
    let im = lcg(m, n, seed + 1);
    sci_array::ndarray::Zip::from(&re).and(&im).map_collect(|&x, &y| C::new(x, y))
}

/// SciPy's `mode='r'` result: the upper part of `h` (the generator asserts they are equal).
fn upper(h: &Array2<C>) -> Array2<C> {
    Array2::from_shape_fn(h.dim(), |(i, j)| if i <= j { h[[i, j]] } else { C::new(0.0, 0.0) })
}

#[test]
fn blocked_sizes_match_scipy() {
    let f = fx_blocked();
    for (key, rank) in [("f64_tall200x170", 170), ("f64_wide170x200", 170), ("f64_rankdef200x170", 85)] {
        let a = big_matrix(&f, key);
        let want_r = upper(&load(&f, &format!("{key}/h")));
        // Past the rank the pivots and the trailing reflectors are rounding's choice: only
        // the first 85 pivots, reflectors and rows are compared, the rest of the
        // factorization through the reconstruction a[:, p] = Q r.
        let got = check_against(&f, key, a.mapv(|z| z.re), &want_r, 1e-10, f64::EPSILON);
        assert_eq!(got, rank, "{key}");
    }
    let key = "c128_180x170";
    let want_r = upper(&load(&f, &format!("{key}/h")));
    assert_eq!(check_against(&f, key, big_matrix(&f, key), &want_r, 1e-10, f64::EPSILON), 170);
    let key = "c64_150x140";
    let want_r = upper(&load(&f, &format!("{key}/h")));
    let a = big_matrix(&f, key).mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    assert_eq!(check_against(&f, key, a, &want_r, 1e-3, f64::from(f32::EPSILON)), 140);
}

/// `qr_pivoting` (full and economic) against SciPy's `(q, r, p)` entry for entry.
fn check_qr_pivoting<T: ToC>(f: &Fixture, key: &str, from: fn(C) -> T, rtol: f64, atol: f64) {
    let a = load(f, &format!("{key}/a")).mapv(from);
    for (mode, name) in [(QrMode::Full, "full"), (QrMode::Economic, "economic")] {
        let (q, r, p) = qr_pivoting(&a, mode).unwrap();
        assert_eq!(p.to_vec(), idx(f, &format!("{key}/{name}_p")), "{key} {name}");
        assert_allclose(&wide(&q), &load(f, &format!("{key}/{name}_q")), rtol, atol);
        assert_allclose(&wide(&r), &load(f, &format!("{key}/{name}_r")), rtol, atol);
    }
}

#[test]
fn qr_pivoting_matches_scipy_entry_for_entry() {
    let f = fx_blocked();
    for key in ["c128_pv_tall5x3", "c128_pv_wide3x5", "c128_pv_sq4"] {
        check_qr_pivoting::<C>(&f, key, |z| z, 1e-12, 1e-13);
    }
    for key in ["f64_pv_tall5x3", "f64_pv_wide3x5"] {
        check_qr_pivoting::<f64>(&f, key, |z| z.re, 1e-12, 1e-13);
    }
    check_qr_pivoting::<f32>(&f, "f32_pv_sq4", |z| z.re as f32, 1e-5, 1e-5);
    let to32 = |z: C| Complex32::new(z.re as f32, z.im as f32);
    check_qr_pivoting::<Complex32>(&f, "c64_pv_tall4x3", to32, 1e-5, 1e-5);
}

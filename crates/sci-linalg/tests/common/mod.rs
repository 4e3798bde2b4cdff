//! Helpers shared by the integration tests.

use sci_array::ndarray::{Array1, ArrayD};
use sci_array::num_complex::Complex64 as C;

/// `a` and `b` as multisets: each expected eigenvalue is matched to the nearest unused one.
#[allow(dead_code)] // not every test file uses it
pub fn assert_same_set(actual: &Array1<C>, desired: &Array1<C>, tol: f64) {
    assert_eq!(actual.len(), desired.len());
    let mut used = vec![false; actual.len()];
    for d in desired {
        let (k, dist) = actual
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(k, a)| (k, (a - d).norm()))
            .min_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap();
        assert!(dist <= tol * (1.0 + d.norm()), "eigenvalue {d} not found (nearest at {dist:e})");
        used[k] = true;
    }
}

/// The same logical array stored with reversed (Fortran-order) strides, so that a function's
/// result can be checked on non-contiguous input.
#[allow(dead_code)] // not every test file uses it
pub fn fortran_strided<T: Clone>(a: &ArrayD<T>) -> ArrayD<T> {
    a.t().as_standard_layout().into_owned().reversed_axes()
}

/// The case names of a fixture that start with `prefix`, checked to number `count`.
#[allow(dead_code)] // not every test file uses it
pub fn case_keys(f: &sci_array::testing::fixture::Fixture, prefix: char, count: usize) -> Vec<String> {
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k.starts_with(prefix)).collect();
    assert_eq!(keys.len(), count, "cases starting with {prefix}");
    keys
}

/// A fixture array field `key/field` as complex values (real dtypes get a zero imaginary part).
#[allow(dead_code)] // not every test file uses it
pub fn load_as_complex(f: &sci_array::testing::fixture::Fixture, key: &str, field: &str) -> ArrayD<C> {
    let p = format!("{key}/{field}");
    let dtype = f.get(&p).get("dtype").and_then(|d| d.as_str()).unwrap_or("float64").to_string();
    if dtype.starts_with("complex") { f.array_c64(&p) } else { f.array_f64(&p).mapv(|x| C::new(x, 0.0)) }
}

/// Calls the generic `$check::<T>(fixture, key, to_t, from_t, tol)` with `T` the element type
/// named by the fixture dtype `$dtype` (`float64`, `complex128`, `float32`; float32 at `2e-5`).
#[allow(unused_macros)] // not every test file uses it
macro_rules! check_by_dtype {
    ($dtype:expr, $check:ident, $f:expr, $key:expr, $tol:expr) => {
        match $dtype {
            "float64" => $check::<f64>($f, $key, |z| z.re, |x| Complex64::new(x, 0.0), $tol),
            "complex128" => $check::<Complex64>($f, $key, |z| z, |z| z, $tol),
            "float32" => $check::<f32>($f, $key, |z| z.re as f32, |x| Complex64::new(x as f64, 0.0), 2e-5),
            other => panic!("{}: unexpected dtype {other}", $key),
        }
    };
}
#[allow(unused_imports)]
pub(crate) use check_by_dtype;

/// A fixture array as a matrix.
#[allow(dead_code)] // not every test file uses it
pub fn two(a: ArrayD<C>) -> sci_array::ndarray::Array2<C> {
    a.into_dimensionality::<sci_array::ndarray::Ix2>().unwrap()
}

/// Whether case `key` of the fixture has `field`.
#[allow(dead_code)] // not every test file uses it
pub fn has(f: &sci_array::testing::fixture::Fixture, key: &str, field: &str) -> bool {
    f.get(key).get(field).is_some()
}

/// Asserts the entries of `r` below its diagonal are exactly zero.
#[allow(dead_code)] // not every test file uses it
pub fn assert_upper_triangular(r: &sci_array::ndarray::Array2<C>, key: &str) {
    for i in 0..r.nrows() {
        for j in 0..i.min(r.ncols()) {
            assert_eq!(r[[i, j]], C::new(0.0, 0.0), "{key}: R1[{i}, {j}]");
        }
    }
}

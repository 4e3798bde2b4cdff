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

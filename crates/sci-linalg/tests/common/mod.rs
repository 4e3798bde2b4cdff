//! Helpers shared by the integration tests.

use sci_array::ndarray::Array1;
use sci_array::num_complex::Complex64 as C;

/// `a` and `b` as multisets: each expected eigenvalue is matched to the nearest unused one.
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

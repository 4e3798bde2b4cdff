//! Eigenvectors are unique up to sign: a canonical sign for comparing them with SciPy's.

use sci_array::ndarray::Array2;

/// Each column with its largest-modulus entry made positive.
pub fn fix_signs(mut v: Array2<f64>) -> Array2<f64> {
    for mut col in v.columns_mut() {
        let big = col.iter().copied().fold(0.0f64, |acc, x| if x.abs() > acc.abs() { x } else { acc });
        if big < 0.0 {
            col.mapv_inplace(|x| -x);
        }
    }
    v
}

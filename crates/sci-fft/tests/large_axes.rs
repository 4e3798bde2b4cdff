//! Transforms along a non-last axis gather lanes in blocks into a work buffer: they must equal the same
//! transform computed on contiguous lanes (the array transposed so the axis comes last).

use sci_array::ndarray::{Array2, Array3, Axis};
use sci_array::testing::check_allclose;
use sci_fft::{Norm, fft};

fn data2(r: usize, c: usize) -> Array2<f64> {
    Array2::from_shape_fn((r, c), |(i, j)| ((i * 31 + j * 17) % 97) as f64 / 7.0 - (i as f64 * 0.01).sin())
}

#[test]
fn axis0_of_a_large_matrix_matches_contiguous_lanes() {
    let x = data2(320, 403); // 128_960 elements: large enough to run on several threads
    for n in [None, Some(256), Some(500)] {
        let got = fft(&x, n, 0, Norm::Backward).unwrap();
        let xt = x.t().as_standard_layout().to_owned();
        let want = fft(&xt, n, -1, Norm::Backward).unwrap().reversed_axes();
        check_allclose(&got, &want, 1e-12, 1e-9).unwrap_or_else(|e| panic!("n = {n:?}: {e}"));
    }
}

#[test]
fn middle_axis_of_a_3d_array_matches_contiguous_lanes() {
    let x = Array3::from_shape_fn((3, 210, 190), |(a, i, j)| ((a * 13 + i * 7 + j * 3) % 29) as f64 - 14.0);
    let got = fft(&x, None, 1, Norm::Ortho).unwrap();
    let mut perm = x.view();
    perm.swap_axes(1, 2);
    let xs = perm.as_standard_layout().to_owned();
    let mut want = fft(&xs, None, -1, Norm::Ortho).unwrap();
    want.swap_axes(1, 2);
    check_allclose(&got, &want, 1e-12, 1e-10).unwrap();
    assert_eq!(got.len_of(Axis(1)), 210);
}

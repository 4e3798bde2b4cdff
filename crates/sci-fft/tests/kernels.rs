//! The transform kernels against their O(n^2) definitions, at lengths around every table and
//! block boundary of the implementation (twiddle tables of 1024 entries, lane blocks of 8).

use sci_array::ndarray::{Array1, Array3, ArrayD, Axis, IxDyn};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_fft::{DctType, Norm, dct, dst, fftn, idct, idst, ifftn};
use std::f64::consts::PI;

fn signal(n: usize) -> Array1<f64> {
    Array1::from_shape_fn(n, |i| ((i * 37 + 11) % 101) as f64 / 13.0 - 3.0 + (i as f64 * 0.05).sin())
}

/// SciPy's unnormalized definitions (`scipy.fft.dct` / `dst` docs).
fn naive(x: &Array1<f64>, cos: bool, ty: DctType) -> Array1<f64> {
    let n = x.len();
    let nf = n as f64;
    Array1::from_shape_fn(n, |k| {
        let kf = k as f64;
        let sign = if k % 2 == 0 { 1.0 } else { -1.0 };
        match (cos, ty) {
            (true, DctType::I) => {
                x[0] + sign * x[n - 1]
                    + 2.0 * (1..n - 1).map(|j| x[j] * (PI * kf * j as f64 / (nf - 1.0)).cos()).sum::<f64>()
            }
            (true, DctType::II) => {
                2.0 * (0..n).map(|j| x[j] * (PI * kf * (2 * j + 1) as f64 / (2.0 * nf)).cos()).sum::<f64>()
            }
            (true, DctType::III) => {
                x[0] + 2.0
                    * (1..n)
                        .map(|j| x[j] * (PI * (2.0 * kf + 1.0) * j as f64 / (2.0 * nf)).cos())
                        .sum::<f64>()
            }
            (true, DctType::IV) => {
                2.0 * (0..n)
                    .map(|j| x[j] * (PI * (2.0 * kf + 1.0) * (2 * j + 1) as f64 / (4.0 * nf)).cos())
                    .sum::<f64>()
            }
            (false, DctType::I) => {
                2.0 * (0..n)
                    .map(|j| x[j] * (PI * (kf + 1.0) * (j + 1) as f64 / (nf + 1.0)).sin())
                    .sum::<f64>()
            }
            (false, DctType::II) => {
                2.0 * (0..n)
                    .map(|j| x[j] * (PI * (kf + 1.0) * (2 * j + 1) as f64 / (2.0 * nf)).sin())
                    .sum::<f64>()
            }
            (false, DctType::III) => {
                sign * x[n - 1]
                    + 2.0
                        * (0..n - 1)
                            .map(|j| x[j] * (PI * (2.0 * kf + 1.0) * (j + 1) as f64 / (2.0 * nf)).sin())
                            .sum::<f64>()
            }
            (false, DctType::IV) => {
                2.0 * (0..n)
                    .map(|j| x[j] * (PI * (2.0 * kf + 1.0) * (2 * j + 1) as f64 / (4.0 * nf)).sin())
                    .sum::<f64>()
            }
        }
    })
}

const TYPES: [DctType; 4] = [DctType::I, DctType::II, DctType::III, DctType::IV];

#[test]
fn dct_and_dst_match_their_definitions_across_table_boundaries() {
    for n in [1, 2, 3, 4, 5, 8, 17, 64, 1023, 1024, 1025, 2051, 3072] {
        let x = signal(n);
        // The O(n^2) sums round to ~n eps of the largest partial sum.
        let atol = 1e-13 * n as f64 * x.iter().map(|v| v.abs()).sum::<f64>();
        for ty in TYPES {
            if !(ty == DctType::I && n == 1) {
                let got = dct(&x, ty, None, -1, Norm::Backward).unwrap();
                assert_allclose(&got, &naive(&x, true, ty), 1e-11, atol);
                let back = idct(&got, ty, None, -1, Norm::Backward).unwrap();
                assert_allclose(&back, &x, 1e-11, 1e-11);
            }
            let got = dst(&x, ty, None, -1, Norm::Backward).unwrap();
            assert_allclose(&got, &naive(&x, false, ty), 1e-11, atol);
            let back = idst(&got, ty, None, -1, Norm::Backward).unwrap();
            assert_allclose(&back, &x, 1e-11, 1e-11);
        }
    }
}

#[test]
fn large_single_lanes_invert_in_every_norm() {
    for n in [1 << 17, (1 << 17) + 1, 3 * 5 * 7 * 11 * 13 * 17] {
        let x = signal(n);
        for norm in [Norm::Backward, Norm::Ortho, Norm::Forward] {
            for ty in TYPES {
                let y = dct(&x, ty, None, -1, norm).unwrap();
                assert_allclose(&idct(&y, ty, None, -1, norm).unwrap(), &x, 1e-10, 1e-10);
            }
        }
    }
}

/// The DFT of `x` along `axis` by its definition.
fn naive_dft(x: &ArrayD<Complex64>, axis: usize, inverse: bool) -> ArrayD<Complex64> {
    let n = x.len_of(Axis(axis));
    let sgn = if inverse { 1.0 } else { -1.0 };
    let mut out = x.clone();
    for (src, mut dst) in x.lanes(Axis(axis)).into_iter().zip(out.lanes_mut(Axis(axis))) {
        for k in 0..n {
            dst[k] = (0..n)
                .map(|j| {
                    src[j] * Complex64::from_polar(1.0, sgn * 2.0 * PI * ((j * k) % n) as f64 / n as f64)
                })
                .sum();
        }
    }
    out
}

#[test]
fn fftn_over_every_axis_order_matches_the_definition() {
    // Inner extents 1, 7 (a partial lane block), 8, 19 and 133 (several blocks and a remainder).
    for shape in [[3, 11, 13], [2, 9, 8], [4, 7, 1], [133, 2, 3], [5, 19, 133]] {
        let x = Array3::from_shape_fn(shape, |(a, b, c)| {
            Complex64::new(((a * 7 + b * 3 + c) % 11) as f64 - 5.0, ((a + 2 * b + 5 * c) % 7) as f64 * 0.5)
        })
        .into_dyn();
        for axes in [vec![0, 1, 2], vec![2, 0], vec![1], vec![2, 1, 0]] {
            let mut want = x.clone();
            for &a in &axes {
                want = naive_dft(&want, a, false);
            }
            let ax: Vec<isize> = axes.iter().map(|&a| a as isize).collect();
            let got = fftn(&x, None, Some(&ax), Norm::Backward).unwrap();
            assert_allclose(&got, &want, 1e-11, 1e-9);
            let back = ifftn(&got, None, Some(&ax), Norm::Backward).unwrap();
            assert_allclose(&back, &x, 1e-12, 1e-12);
            // Single precision runs the same kernels.
            let x32 = x.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
            let got32 = fftn(&x32, None, Some(&ax), Norm::Backward)
                .unwrap()
                .mapv(|z| Complex64::new(z.re.into(), z.im.into()));
            assert_allclose(&got32, &want, 1e-4, 1e-3);
        }
    }
}

#[test]
fn fftn_with_padding_and_cropping_matches_the_definition() {
    let x = ArrayD::from_shape_fn(IxDyn(&[6, 10, 9]), |i| {
        Complex64::new((i[0] * 5 + i[1] * 3 + i[2]) as f64 % 7.0, i[1] as f64 * 0.25)
    });
    let s = [4, 13, 9];
    let got = fftn(&x, Some(&s), None, Norm::Ortho).unwrap();
    // Crop axis 0 to 4, pad axis 1 to 13 with zeros, then the plain DFT over every axis.
    let mut padded = ArrayD::<Complex64>::zeros(IxDyn(&s));
    padded
        .slice_each_axis_mut(|d| sci_array::ndarray::Slice::from(0..[4, 10, 9][d.axis.index()]))
        .assign(&x.slice_each_axis(|d| sci_array::ndarray::Slice::from(0..[4, 10, 9][d.axis.index()])));
    let mut want = padded;
    for a in [2, 1, 0] {
        want = naive_dft(&want, a, false);
    }
    want.mapv_inplace(|z| z / ((4 * 13 * 9) as f64).sqrt());
    assert_allclose(&got, &want, 1e-11, 1e-11);
}

#[test]
fn dct_and_dst_along_strided_axes_match_contiguous_lanes() {
    // Axis 0 and 1 of a 3-d array (inner extents 7 * 5 and 5) against the same transform of
    // contiguous lanes (the axis moved last), with cropping and padding.
    let x = Array3::from_shape_fn((9, 7, 5), |(a, b, c)| {
        ((a * 13 + b * 5 + c * 3) % 17) as f64 - 8.0 + 0.1 * a as f64
    });
    for ax in [0usize, 1] {
        let mut moved = x.view();
        moved.swap_axes(ax, 2);
        let xs = moved.as_standard_layout().to_owned();
        for n in [None, Some(4), Some(12)] {
            for norm in [Norm::Backward, Norm::Ortho, Norm::Forward] {
                for ty in TYPES {
                    for cos in [true, false] {
                        let f = if cos { dct::<f64, _, _> } else { dst::<f64, _, _> };
                        let got = f(&x, ty, n, ax as isize, norm).unwrap();
                        let mut want = f(&xs, ty, n, -1, norm).unwrap();
                        want.swap_axes(ax, 2);
                        assert_allclose(&got, &want, 1e-13, 1e-12);
                    }
                }
            }
        }
    }
}

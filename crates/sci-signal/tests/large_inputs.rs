//! Inputs large enough to take the blocked / multi-threaded paths (rayon feature), checked
//! against plain reference sums and against the other method.

use sci_array::ndarray::{Array1, Array2, s};
use sci_array::testing::assert_allclose;
use sci_signal::*;

fn signal(n: usize) -> Array1<f64> {
    Array1::from_shape_fn(n, |i| ((i * 7919 + 13) % 1009) as f64 / 1009.0 - 0.5)
}

#[test]
fn long_direct_convolution_is_the_plain_sum() {
    let x = signal(300_000);
    let h = Array1::from_shape_fn(101, |i| ((i * 31) % 17) as f64 / 17.0 - 0.3);
    let y = convolve(&x, &h, ConvMode::Full, ConvMethod::Direct).unwrap();
    assert_eq!(y.len(), 300_100);
    // Taps are summed in increasing order from zero, like the reference: bit-identical.
    for j in [0usize, 1, 50, 99, 100, 101, 16_383, 16_384, 150_000, 299_999, 300_050, 300_099] {
        let mut acc = 0.0;
        for (k, &hk) in h.iter().enumerate() {
            if j >= k && j - k < x.len() {
                acc += hk * x[j - k];
            }
        }
        assert_eq!(y[j], acc, "index {j}");
    }
    let f = convolve(&x, &h, ConvMode::Full, ConvMethod::Fft).unwrap();
    // FFT of length ~3e5: round-off ~1e-13 of the largest values (~10).
    assert_allclose(&y.into_dyn(), &f.into_dyn(), 1e-10, 1e-10);
    let oa = oaconvolve(&x, &h, ConvMode::Same).unwrap();
    let d = convolve(&x, &h, ConvMode::Same, ConvMethod::Direct).unwrap();
    assert_allclose(&oa.into_dyn(), &d.into_dyn(), 1e-10, 1e-10);
}

#[test]
fn large_convolve2d_rows_in_parallel() {
    let im = Array2::from_shape_fn((300, 400), |(i, j)| ((i * 31 + j * 17) % 101) as f64 / 101.0);
    let k = Array2::from_shape_fn((7, 9), |(i, j)| (i as f64 - 3.0) * 0.1 + (j as f64) * 0.01);
    let direct = convolve2d(&im, &k, ConvMode::Same, Boundary::default()).unwrap();
    let fft = convolve(&im, &k, ConvMode::Same, ConvMethod::Fft).unwrap();
    assert_allclose(&direct.clone().into_dyn(), &fft.into_dyn(), 1e-10, 1e-10);
    let (r, c) = (150usize, 201usize);
    let mut acc = 0.0;
    for kr in 0..7 {
        for kc in 0..9 {
            let (i, j) = (r + 3, c + 4);
            if i >= kr && j >= kc && i - kr < 300 && j - kc < 400 {
                acc += k[(kr, kc)] * im[(i - kr, j - kc)];
            }
        }
    }
    assert!((direct[(r, c)] - acc).abs() < 1e-12);
}

#[test]
fn long_welch_is_the_mean_of_the_spectrogram() {
    let x = signal(400_000);
    let o = SpectralOptions { nperseg: Some(512), ..Default::default() };
    let (f, p) = welch(&x, &o).unwrap();
    let so = SpectralOptions { window: Window::Hann, noverlap: Some(256), ..o.clone() };
    let (f2, _, sxx) = spectrogram(&x, &so).unwrap();
    assert_eq!(f, f2);
    let mean = sxx.mean_axis(sci_array::ndarray::Axis(1)).unwrap();
    // Block sums vs NumPy-style mean: reassociation only.
    assert_allclose(&p.into_dyn(), &mean.into_dyn(), 1e-12, 0.0);
    let (_, pm) = welch(&x, &SpectralOptions { average: Average::Median, ..o.clone() }).unwrap();
    assert!(pm.iter().all(|v| v.is_finite() && *v >= 0.0));
}

#[test]
fn long_upfirdn_is_the_plain_sum() {
    let x = signal(200_000);
    let h: Vec<f64> = (0..61).map(|i| ((i * 13) % 7) as f64 - 3.0).collect();
    let (up, down) = (3usize, 2usize);
    let y = upfirdn(&h, &x, up, down, -1).unwrap();
    assert_eq!(y.len(), ((x.len() - 1) * up + h.len()).div_ceil(down));
    for i in [0usize, 1, 30, 16_384, 150_000, 299_000, y.len() - 1] {
        let t = i * down;
        let mut acc = 0.0;
        for j in 0..x.len() {
            if t >= j * up && t - j * up < h.len() {
                acc += h[t - j * up] * x[j];
            }
        }
        assert_eq!(y[i], acc, "index {i}");
    }
    let r = resample_poly(&x.slice(s![..1000]), up, down, 0, &ResampleWindow::default()).unwrap();
    assert_eq!(r.len(), 1500);
}

#[test]
fn many_peaks_prominences_in_parallel() {
    let x = signal(50_000);
    let (peaks, _) = find_peaks(&x, &FindPeaksOptions::default()).unwrap();
    assert!(peaks.len() >= 1000);
    let pv = peaks.to_vec();
    let (p, l, r) = peak_prominences(&x, &pv, None).unwrap();
    // One peak at a time takes the serial path: the same numbers in the same order.
    for i in (0..pv.len()).step_by(97) {
        let (p1, l1, r1) = peak_prominences(&x, &pv[i..=i], None).unwrap();
        assert_eq!((p[i], l[i], r[i]), (p1[0], l1[0], r1[0]));
    }
}

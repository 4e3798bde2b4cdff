//! A sweep of the transforms over the inputs that break them most often: empty arrays and empty
//! axes, length 1 and 2, NaN and infinity, non-contiguous views, transform lengths of 0, 1,
//! smaller and larger than the input, odd and even, and too large to allocate, axes out of
//! range, repeated axes and `s`/`axes` of different lengths, every norm and DCT/DST type, and
//! the helpers' degenerate arguments. Every call must return, `Ok` or an error, and never
//! panic; the values themselves are checked against SciPy by the other test files.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, Array3, ArrayD, IxDyn, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::PanicSweep;
use sci_fft::*;

const NORMS: [Norm; 3] = [Norm::Backward, Norm::Ortho, Norm::Forward];
const TYPES: [DctType; 4] = [DctType::I, DctType::II, DctType::III, DctType::IV];
const HUGE: usize = 1 << 61;
const LENGTHS: [Option<usize>; 9] =
    [None, Some(0), Some(1), Some(2), Some(3), Some(8), Some(9), Some(HUGE), Some(usize::MAX)];
const AXES: [isize; 6] = [-3, -2, -1, 0, 1, 2];

/// Real arrays of every dimension used, as dynamic-dimensional arrays, by name.
fn real_inputs() -> Vec<(&'static str, ArrayD<f64>)> {
    let wave = Array1::from_shape_fn(9, |i| (i as f64 * 0.7).sin());
    let mut with_nan = wave.clone();
    with_nan[2] = f64::NAN;
    let mut with_inf = wave.clone();
    with_inf[4] = f64::INFINITY;
    let m = Array2::from_shape_fn((4, 6), |(i, j)| (i * 6 + j) as f64 - 7.5);
    // Non-contiguous views: every other column, and the transpose.
    let strided = m.slice(s![.., ..;2]).to_owned().reversed_axes().reversed_axes();
    vec![
        ("empty", Array1::<f64>::zeros(0).into_dyn()),
        ("[1]", array![1.0].into_dyn()),
        ("[1, -2]", array![1.0, -2.0].into_dyn()),
        ("wave 9", wave.into_dyn()),
        ("wave with NaN", with_nan.into_dyn()),
        ("wave with inf", with_inf.into_dyn()),
        ("huge values", Array1::from_elem(4, 1e308).into_dyn()),
        ("4x6", m.clone().into_dyn()),
        ("4x6 strided copy", strided.into_dyn()),
        ("(0, 3)", Array2::<f64>::zeros((0, 3)).into_dyn()),
        ("(3, 0)", Array2::<f64>::zeros((3, 0)).into_dyn()),
        ("(1, 1)", Array2::<f64>::ones((1, 1)).into_dyn()),
        ("2x3x2", Array3::from_shape_fn((2, 3, 2), |(i, j, k)| (i + 2 * j + 3 * k) as f64).into_dyn()),
        ("0-d", ArrayD::from_elem(IxDyn(&[]), 2.0)),
    ]
}

fn sweep_1d(p: &mut PanicSweep, label: &str, x: &ArrayD<f64>) {
    let xc = x.mapv(|v| Complex64::new(v, -0.5 * v));
    let views = [("", x.view()), (" (transposed view)", x.t())];
    for (vname, xv) in views {
        for n in LENGTHS {
            for axis in AXES {
                for norm in NORMS {
                    let tag = |what: &str| format!("{what} n {n:?} axis {axis} {norm:?} on {label}{vname}");
                    p.run(tag("fft"), || drop(fft(&xv, n, axis, norm)));
                    p.run(tag("ifft"), || drop(ifft(&xc, n, axis, norm)));
                    p.run(tag("rfft"), || drop(rfft(&xv, n, axis, norm)));
                    p.run(tag("irfft"), || drop(irfft(&xc, n, axis, norm)));
                    p.run(tag("irfft real input"), || drop(irfft(&xv, n, axis, norm)));
                    p.run(tag("hfft"), || drop(hfft(&xc, n, axis, norm)));
                    p.run(tag("ihfft"), || drop(ihfft(&xv, n, axis, norm)));
                    for ty in TYPES {
                        let tag = |what: &str| tag(&format!("{what} {ty:?}"));
                        p.run(tag("dct"), || drop(dct(&xv, ty, n, axis, norm)));
                        p.run(tag("idct"), || drop(idct(&xv, ty, n, axis, norm)));
                        p.run(tag("dst"), || drop(dst(&xv, ty, n, axis, norm)));
                        p.run(tag("idst"), || drop(idst(&xv, ty, n, axis, norm)));
                    }
                }
            }
        }
        let f32x = xv.mapv(|v| v as f32);
        for n in [None, Some(1), Some(4)] {
            let tag = |what: &str| format!("{what} f32 n {n:?} on {label}{vname}");
            p.run(tag("fft"), || drop(fft(&f32x, n, -1, Norm::Backward)));
            p.run(tag("irfft"), || drop(irfft(&f32x, n, -1, Norm::Ortho)));
            p.run(tag("dct"), || drop(dct(&f32x, DctType::I, n, -1, Norm::Ortho)));
        }
    }
}

fn sweep_nd(p: &mut PanicSweep, label: &str, x: &ArrayD<f64>) {
    let xc = x.mapv(|v| Complex64::new(v, 0.25 * v));
    let shapes: [Option<&[usize]>; 8] = [
        None,
        Some(&[]),
        Some(&[0]),
        Some(&[1]),
        Some(&[3, 4]),
        Some(&[2, 0]),
        Some(&[5, 1, 2]),
        Some(&[HUGE, 2]),
    ];
    let axes_list: [Option<&[isize]>; 8] = [
        None,
        Some(&[]),
        Some(&[0]),
        Some(&[-1]),
        Some(&[0, 1]),
        Some(&[1, 1]),
        Some(&[3]),
        Some(&[-1, 0, 1]),
    ];
    for sh in shapes {
        for axes in axes_list {
            for norm in NORMS {
                let tag = |what: &str| format!("{what} s {sh:?} axes {axes:?} {norm:?} on {label}");
                p.run(tag("fftn"), || drop(fftn(x, sh, axes, norm)));
                p.run(tag("ifftn"), || drop(ifftn(&xc, sh, axes, norm)));
                p.run(tag("fft2"), || drop(fft2(x, sh, axes, norm)));
                p.run(tag("ifft2"), || drop(ifft2(&xc, sh, axes, norm)));
                p.run(tag("rfftn"), || drop(rfftn(x, sh, axes, norm)));
                p.run(tag("irfftn"), || drop(irfftn(&xc, sh, axes, norm)));
                p.run(tag("rfft2"), || drop(rfft2(x, sh, axes, norm)));
                p.run(tag("irfft2"), || drop(irfft2(&xc, sh, axes, norm)));
                p.run(tag("hfftn"), || drop(hfftn(&xc, sh, axes, norm)));
                p.run(tag("hfftn real input"), || drop(hfftn(x, sh, axes, norm)));
                p.run(tag("ihfftn"), || drop(ihfftn(x, sh, axes, norm)));
                p.run(tag("hfft2"), || drop(hfft2(&xc, sh, axes, norm)));
                p.run(tag("ihfft2"), || drop(ihfft2(x, sh, axes, norm)));
                for ty in TYPES {
                    let tag = |what: &str| tag(&format!("{what} {ty:?}"));
                    p.run(tag("dctn"), || drop(dctn(x, ty, sh, axes, norm)));
                    p.run(tag("idctn"), || drop(idctn(x, ty, sh, axes, norm)));
                    p.run(tag("dstn"), || drop(dstn(x, ty, sh, axes, norm)));
                    p.run(tag("idstn"), || drop(idstn(x, ty, sh, axes, norm)));
                }
            }
        }
    }
    for axes in axes_list {
        p.run(format!("fftshift {axes:?} on {label}"), || drop(fftshift(x, axes)));
        p.run(format!("ifftshift {axes:?} on {label}"), || drop(ifftshift(x, axes)));
    }
    p.run(format!("fftshift axes [isize::MIN] on {label}"), || drop(fftshift(x, Some(&[isize::MIN]))));
    // FFTLog over the last axis, with singular, NaN, infinite and degenerate parameters.
    for dln in [0.1, 0.0, -0.5, 1e-300, 1e300, f64::NAN, f64::INFINITY] {
        for mu in [0.0, -1.0, -3.0, 0.5, -0.5, 1e10, f64::NAN] {
            for bias in [0.0, 1.0, -1.0, 0.3, 800.0, f64::NAN] {
                for offset in [0.0, 1.0, f64::INFINITY] {
                    let tag = |what: &str| {
                        format!("{what} dln {dln} mu {mu} bias {bias} offset {offset} on {label}")
                    };
                    p.run(tag("fht"), || drop(fht(x, dln, mu, offset, bias)));
                    p.run(tag("ifht"), || drop(ifht(x, dln, mu, offset, bias)));
                    p.run(tag("fhtoffset"), || fhtoffset(dln, mu, offset, bias));
                }
            }
        }
    }
}

#[test]
fn no_transform_panics_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    for (label, x) in real_inputs() {
        sweep_1d(&mut panics, label, &x);
        sweep_nd(&mut panics, label, &x);
    }
    panics.finish();
}

#[test]
fn no_helper_panics_on_edge_arguments() {
    let mut panics = PanicSweep::new();
    for n in [0usize, 1, 2, 7, 8, HUGE, usize::MAX] {
        for d in [1.0, 0.1, -2.0, 0.0, -0.0, f64::NAN, f64::INFINITY, 1e-320] {
            panics.run(format!("fftfreq {n} {d}"), || drop(fftfreq(n, d)));
            panics.run(format!("rfftfreq {n} {d}"), || drop(rfftfreq(n, d)));
        }
    }
    let near_max =
        [usize::MAX, usize::MAX - 1, usize::MAX / 2, (1 << 62) + 1, 1 << 63, u64::MAX as usize / 3];
    for target in [0usize, 1, 6, 7, 13, 1021, 1_000_003].into_iter().chain(near_max) {
        for real in [false, true] {
            panics.run(format!("next_fast_len {target} {real}"), || drop(next_fast_len(target, real)));
            panics.run(format!("prev_fast_len {target} {real}"), || drop(prev_fast_len(target, real)));
        }
    }
    panics.finish();
}

/// The faults the sweep found. Lengths too large to allocate (`n`, `s`, `fftfreq`'s `n`)
/// panicked ("capacity overflow", shape overflow) or, below `isize::MAX` bytes, aborted on the
/// failed allocation; SciPy 1.17 raises `ValueError: array is too big` (`fft(x, n=2**61)`,
/// `fftn(x, s=[2**61, 2])`, `dct(x, n=2**61)`, `fftfreq(2**61)`) or `MemoryError`
/// (`fft(x, n=2**40)`: "Unable to allocate 8.00 TiB").
#[test]
fn lengths_too_large_to_allocate_are_errors() {
    let x = array![0.0, 1.0, 2.0, 3.0];
    let m = Array2::<f64>::ones((2, 2));
    for n in [1usize << 40, HUGE, usize::MAX] {
        let too_big = |r: Result<(), FftError>| matches!(r, Err(FftError::InvalidValue { arg: "n", .. }));
        assert!(too_big(fft(&x, Some(n), -1, Norm::Backward).map(drop)), "fft {n}");
        assert!(too_big(ifft(&x, Some(n), -1, Norm::Backward).map(drop)), "ifft {n}");
        assert!(too_big(rfft(&x, Some(n), -1, Norm::Backward).map(drop)), "rfft {n}");
        assert!(too_big(irfft(&x, Some(n), -1, Norm::Backward).map(drop)), "irfft {n}");
        assert!(too_big(hfft(&x, Some(n), -1, Norm::Backward).map(drop)), "hfft {n}");
        assert!(too_big(dct(&x, DctType::II, Some(n), -1, Norm::Backward).map(drop)), "dct {n}");
        assert!(too_big(idst(&x, DctType::I, Some(n), -1, Norm::Backward).map(drop)), "idst {n}");
        assert!(too_big(fftfreq(n, 1.0).map(drop)), "fftfreq {n}");
        assert!(too_big(rfftfreq(n, 1.0).map(drop)), "rfftfreq {n}");
        let e = fftn(&m, Some(&[n, 2]), None, Norm::Backward).unwrap_err();
        assert!(matches!(e, FftError::InvalidValue { arg: "s", .. }), "fftn {n}: {e:?}");
        let e = irfftn(&m, Some(&[2, n]), None, Norm::Backward).unwrap_err();
        assert!(matches!(e, FftError::InvalidValue { arg: "s", .. }), "irfftn {n}: {e:?}");
        let e = dctn(&m, DctType::II, Some(&[n, n]), None, Norm::Backward).unwrap_err();
        assert!(matches!(e, FftError::InvalidValue { arg: "s", .. }), "dctn {n}: {e:?}");
    }
    assert!(fft(&x, Some(HUGE), -1, Norm::Backward).unwrap_err().to_string().contains("array is too big"));
    // An empty other axis makes the output empty whatever n is (SciPy: shape (0, 2**61)).
    let empty_rows = Array2::<f64>::zeros((0, 3));
    assert_eq!(fft(&empty_rows, Some(HUGE), 1, Norm::Backward).unwrap().shape(), &[0, HUGE]);
}

/// The other fault: `next_fast_len` searched linearly and, near `usize::MAX`, ran for ever (and
/// overflowed). SciPy 1.17 uses pocketfft's `good_size`, which raises `ValueError: Target length
/// is too large to perform an FFT: ...` above 1676976733973595602 (`SIZE_MAX / 11 + 1`), and finds
/// `next_fast_len(1676976733973595602, False)` = 1676991887214336000, `(..., True)` =
/// 1677721600000000000.
#[test]
fn next_fast_len_is_scipys_good_size() {
    let limit = 1676976733973595602usize;
    assert_eq!(next_fast_len(limit, false).unwrap(), 1676991887214336000);
    assert_eq!(next_fast_len(limit, true).unwrap(), 1677721600000000000);
    for target in [limit + 1, 1 << 62, usize::MAX] {
        for real in [false, true] {
            let e = next_fast_len(target, real).unwrap_err();
            assert!(matches!(e, FftError::InvalidValue { arg: "target", .. }), "{e:?}");
            assert!(e.to_string().contains("Target length is too large to perform an FFT"), "{e}");
        }
    }
    // Small targets against the definition: the smallest 5- (real) or 11-smooth number >= t.
    let smooth = |mut n: usize, primes: &[usize]| {
        for &p in primes {
            while n % p == 0 {
                n /= p;
            }
        }
        n == 1
    };
    for t in 0..3000usize {
        let want = |primes: &[usize]| if t <= 6 { t } else { (t..).find(|&n| smooth(n, primes)).unwrap() };
        assert_eq!(next_fast_len(t, true).unwrap(), want(&[2, 3, 5]), "real {t}");
        assert_eq!(next_fast_len(t, false).unwrap(), want(&[2, 3, 5, 7, 11]), "complex {t}");
    }
}

//! dqds against reference singular values (SciPy / mpmath, fixtures from
//! tools/fixtures/linalg_dqds.py), and property tests without external references: edge cases,
//! invariances, trace/determinant identities, random fuzzing over magnitudes and zero patterns,
//! f32, a large case, and the column-norm traces behind the shifts against a dense computation.

use super::*;
use sci_array::testing::fixture::Fixture;

/// Small deterministic generator (64-bit LCG, top 53 bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.next()
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next() * n as f64) as usize).min(n - 1)
    }
}

fn svals(d: &[f64], e: &[f64]) -> Vec<f64> {
    let mut d = d.to_vec();
    let mut e = e.to_vec();
    bidiagonal_singular_values(&mut d, &mut e).expect("converged");
    d
}

fn assert_sorted_nonneg(s: &[f64]) {
    assert!(s.iter().all(|&x| x >= 0.0 && x.is_finite()), "negative, NaN or infinite value in {s:?}");
    assert!(s.windows(2).all(|w| w[0] >= w[1]), "not sorted descending: {s:?}");
}

fn max_rel(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(&x, &y)| if y == 0.0 { x.abs() } else { ((x - y) / y).abs() }).fold(0.0, f64::max)
}

// ---- reference cases

/// Max relative error; reference zeros are compared absolutely against the largest reference value.
fn max_rel_err(got: &[f64], want: &[f64]) -> f64 {
    let scale = want.iter().fold(0.0f64, |a, &b| a.max(b.abs()));
    got.iter()
        .zip(want)
        .map(|(&g, &w)| if w == 0.0 { g.abs() / scale.max(f64::MIN_POSITIVE) } else { ((g - w) / w).abs() })
        .fold(0.0, f64::max)
}

fn check_sorted_nonneg<T: PartialOrd + Copy + Default + std::fmt::Debug>(name: &str, s: &[T]) {
    for w in s.windows(2) {
        assert!(w[0] >= w[1], "{name}: not sorted descending: {:?} < {:?}", w[0], w[1]);
    }
    for &x in s {
        assert!(x >= T::default(), "{name}: negative or NaN value {x:?}");
    }
}

#[test]
fn reference_cases() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_dqds.json")).unwrap();
    let names = fx.keys();
    assert!(names.len() >= 35);
    let mut worst = Vec::new();
    for name in &names {
        let vec = |key: &str| fx.array_f64(&format!("{name}/{key}")).iter().copied().collect::<Vec<f64>>();
        let (d0, e0, s) = (vec("d"), vec("e"), vec("s"));
        let n = d0.len();
        assert_eq!(s.len(), n, "{name}");
        assert_eq!(e0.len(), n.saturating_sub(1), "{name}");
        let single = match fx.str(&format!("{name}/dtype")) {
            "float32" => true,
            "float64" => false,
            other => panic!("{name}: dtype {other}"),
        };
        let err = if single {
            let mut d: Vec<f32> = d0.iter().map(|&x| x as f32).collect();
            let mut e: Vec<f32> = e0.iter().map(|&x| x as f32).collect();
            // the inputs were written as exact float32 values
            assert!(d.iter().zip(&d0).chain(e.iter().zip(&e0)).all(|(&a, &b)| f64::from(a) == b), "{name}");
            bidiagonal_singular_values(&mut d, &mut e).unwrap_or_else(|k| panic!("{name}: Err({k})"));
            check_sorted_nonneg(name, &d);
            let got: Vec<f64> = d.iter().map(|&x| f64::from(x)).collect();
            max_rel_err(&got, &s)
        } else {
            let (mut d, mut e) = (d0.clone(), e0.clone());
            bidiagonal_singular_values(&mut d, &mut e).unwrap_or_else(|k| panic!("{name}: Err({k})"));
            check_sorted_nonneg(name, &d);
            max_rel_err(&d, &s)
        };
        let unit = if single { f64::from(f32::EPSILON) } else { f64::EPSILON };
        println!(
            "{:<28} {} n={:<4} max rel err {:.2e} = {:.2} n·eps",
            name,
            if single { "f32" } else { "f64" },
            n,
            err,
            err / (unit * n.max(1) as f64)
        );
        let tol = if single { 1e-5 } else { 1e-13 };
        if err.is_nan() || err > tol {
            worst.push(format!("{name}: {err:.3e}"));
        }
    }
    assert!(worst.is_empty(), "cases above tolerance: {worst:?}");
}

// ---- properties

#[test]
fn empty_and_single() {
    let mut d: [f64; 0] = [];
    let mut e: [f64; 0] = [];
    assert_eq!(bidiagonal_singular_values(&mut d, &mut e), Ok(()));
    let mut d = [-3.5f64];
    let mut e: [f64; 0] = [];
    assert_eq!(bidiagonal_singular_values(&mut d, &mut e), Ok(()));
    assert_eq!(d, [3.5]);
    let mut d = [0.0f32];
    let mut e = [7.0f32]; // length n: last entry ignored
    assert_eq!(bidiagonal_singular_values(&mut d, &mut e), Ok(()));
    assert_eq!(d, [0.0]);
}

#[test]
fn two_by_two_exact() {
    // [[3, 4], [0, 0]] has singular values 5 and 0; [[1, 1], [0, 1]]: golden ratio.
    assert_eq!(svals(&[3.0, 0.0], &[4.0]), vec![5.0, 0.0]);
    let s = svals(&[1.0, -1.0], &[1.0]);
    let phi = (1.0 + 5f64.sqrt()) / 2.0;
    assert!(max_rel(&s, &[phi, 1.0 / phi]) < 4.0 * f64::EPSILON);
}

#[test]
fn longer_e_and_bad_input() {
    let mut d = vec![1.0, 2.0, 3.0];
    let mut e = vec![0.5, 0.5, 123.0];
    assert_eq!(bidiagonal_singular_values(&mut d, &mut e), Ok(()));
    assert_eq!(svals(&[1.0, 2.0, 3.0], &[0.5, 0.5]), d);
    // e too short, NaN and infinity: Err(n) without panicking
    assert_eq!(bidiagonal_singular_values(&mut [1.0, 2.0, 3.0], &mut [0.5]), Err(3));
    assert_eq!(bidiagonal_singular_values(&mut [1.0, f64::NAN], &mut [0.5]), Err(2));
    assert_eq!(bidiagonal_singular_values(&mut [1.0, 2.0], &mut [f64::INFINITY]), Err(2));
}

#[test]
fn zero_superdiagonal_is_sorted_abs() {
    let d = [3.0, -7.0, 0.0, 1e-300, -2.5, 7.0];
    let s = svals(&d, &[0.0; 5]);
    assert_eq!(s, vec![7.0, 7.0, 3.0, 2.5, 1e-300, 0.0]);
    let mut z = vec![0.0f64; 10];
    assert_eq!(bidiagonal_singular_values(&mut z, &mut [0.0; 9]), Ok(()));
    assert!(z.iter().all(|&x| x == 0.0));
}

#[test]
fn signs_and_orientation_do_not_matter() {
    let mut rng = Lcg(3);
    for n in [3usize, 17, 64] {
        let d: Vec<f64> = (0..n).map(|_| rng.uniform(-2.0, 2.0)).collect();
        let e: Vec<f64> = (0..n - 1).map(|_| rng.uniform(-2.0, 2.0)).collect();
        let s = svals(&d, &e);
        let da: Vec<f64> = d.iter().map(|x| x.abs()).collect();
        let ea: Vec<f64> = e.iter().map(|x| x.abs()).collect();
        assert_eq!(s, svals(&da, &ea));
        // J Bᵀ J is upper bidiagonal with reversed entries and has the same singular values
        let dr: Vec<f64> = d.iter().rev().copied().collect();
        let er: Vec<f64> = e.iter().rev().copied().collect();
        assert!(max_rel(&s, &svals(&dr, &er)) < 1e-13, "n={n}");
    }
}

/// ‖B‖_F² = Σσ², |det B| = Πσ (compared in logarithms), exact scaling by powers of two.
fn check_identities(d: &[f64], e: &[f64], s: &[f64]) {
    let fro: f64 = d.iter().chain(e).map(|x| x * x).sum();
    let ssq: f64 = s.iter().map(|x| x * x).sum();
    assert!(((fro - ssq) / fro).abs() < 1e-12 * (d.len() as f64).sqrt().max(1.0), "trace {fro} vs {ssq}");
    if d.iter().all(|&x| x != 0.0) {
        let ld: f64 = d.iter().map(|x| x.abs().ln()).sum();
        let ls: f64 = s.iter().map(|x| x.ln()).sum();
        assert!(
            (ld - ls).abs() < 1e-12 * d.len() as f64 * (1.0 + ld.abs() / d.len() as f64),
            "det {ld} vs {ls}"
        );
    }
}

#[test]
fn random_identities_and_scaling() {
    let mut rng = Lcg(11);
    for &n in &[5usize, 40, 200, 700] {
        for kind in 0..3 {
            let (d, e): (Vec<f64>, Vec<f64>) = match kind {
                0 => (
                    (0..n).map(|_| rng.uniform(0.5, 2.0)).collect(),
                    (0..n - 1).map(|_| rng.uniform(0.5, 2.0)).collect(),
                ),
                1 => (
                    (0..n).map(|_| rng.uniform(-1.0, 1.0)).collect(),
                    (0..n - 1).map(|_| rng.uniform(-1.0, 1.0)).collect(),
                ),
                _ => (
                    (0..n).map(|_| 10f64.powf(rng.uniform(-8.0, 8.0))).collect(),
                    (0..n - 1).map(|_| 10f64.powf(rng.uniform(-8.0, 8.0))).collect(),
                ),
            };
            let s = svals(&d, &e);
            assert_sorted_nonneg(&s);
            check_identities(&d, &e, &s);
            // scaling by 2^k is exact, so results must match to rounding of the iteration path
            for k in [-600i32, 600] {
                let f = 2f64.powi(k);
                let ds: Vec<f64> = d.iter().map(|x| x * f).collect();
                let es: Vec<f64> = e.iter().map(|x| x * f).collect();
                let ss: Vec<f64> = svals(&ds, &es).iter().map(|x| x / f).collect();
                // only values that stay normal numbers (full precision) after scaling are comparable
                let keep = s.iter().filter(|&&x| x * f >= f64::MIN_POSITIVE / f64::EPSILON).count();
                let err = max_rel(&ss[..keep], &s[..keep]);
                assert!(err < 1e-13, "n={n} kind={kind} k={k}: {err}");
            }
        }
    }
}

#[test]
fn fuzz_magnitudes_and_zeros() {
    // Wild exponents, random zeros and signs: never panics, always converges, results sane.
    let mut rng = Lcg(2024);
    for round in 0..300 {
        let n = 1 + rng.below(60);
        let spread = [1.0, 20.0, 150.0, 300.0][round % 4];
        let draw = |rng: &mut Lcg| {
            let r = rng.next();
            if r < 0.1 {
                0.0
            } else {
                let x = 10f64.powf(rng.uniform(-spread, spread).clamp(-307.0, 307.0));
                if r < 0.5 { -x } else { x }
            }
        };
        let mut d: Vec<f64> = (0..n).map(|_| draw(&mut rng)).collect();
        let mut e: Vec<f64> = (0..n.saturating_sub(1)).map(|_| draw(&mut rng)).collect();
        let (d0, e0) = (d.clone(), e.clone());
        assert_eq!(bidiagonal_singular_values(&mut d, &mut e), Ok(()), "round {round}: d={d0:?} e={e0:?}");
        assert!(d.iter().all(|x| x.is_finite() && *x >= 0.0), "round {round}");
        assert!(d.windows(2).all(|w| w[0] >= w[1]), "round {round}");
        // the largest singular value lies between the largest entry and ‖B‖_F
        let amax = d0.iter().chain(&e0).fold(0.0f64, |a, &b| a.max(b.abs()));
        assert!(d[0] >= amax * (1.0 - 1e-14) && d[0] <= amax * (2.0 * n as f64).sqrt(), "round {round}");
    }
}

#[test]
fn graded_and_clustered_f64() {
    // graded: singular values ~ d_i; the product identity holds with relative accuracy
    let n = 60;
    let d: Vec<f64> = (0..n).map(|i| 10f64.powf(-(i as f64) / 2.0)).collect();
    let e: Vec<f64> = (0..n - 1).map(|i| 10f64.powf(-(i as f64) / 2.0 - 0.3)).collect();
    let s = svals(&d, &e);
    assert_sorted_nonneg(&s);
    check_identities(&d, &e, &s);
    assert!(s[n - 1] > 1e-31 && s[n - 1] < 1e-29);
    // all ones with tiny coupling: values within 1e-9 of 1
    let s = svals(&[1.0; 100], &[1e-10; 99]);
    assert!(s.iter().all(|x| (x - 1.0).abs() < 1e-9));
}

#[test]
fn f32_basic() {
    let mut rng = Lcg(5);
    for &n in &[1usize, 2, 10, 100, 400] {
        let d: Vec<f32> = (0..n).map(|_| rng.uniform(-2.0, 2.0) as f32).collect();
        let e: Vec<f32> = (0..n - 1).map(|_| rng.uniform(-2.0, 2.0) as f32).collect();
        let mut s32 = d.clone();
        let mut e32 = e.clone();
        assert_eq!(bidiagonal_singular_values(&mut s32, &mut e32), Ok(()));
        let s64 = svals(
            &d.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
            &e.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
        );
        let got: Vec<f64> = s32.iter().map(|&x| f64::from(x)).collect();
        assert!(max_rel(&got, &s64) < 1e-5, "n={n}: {}", max_rel(&got, &s64));
        assert!(s32.windows(2).all(|w| w[0] >= w[1]));
        // extreme f32 scales
        for f in [1e30f32, 1e-30] {
            let mut ds: Vec<f32> = d.iter().map(|x| x * f).collect();
            let mut es: Vec<f32> = e.iter().map(|x| x * f).collect();
            assert_eq!(bidiagonal_singular_values(&mut ds, &mut es), Ok(()));
            let got: Vec<f64> = ds.iter().map(|&x| f64::from(x) / f64::from(f)).collect();
            let keep = s64
                .iter()
                .filter(|&&x| x * f64::from(f) >= f64::from(f32::MIN_POSITIVE) / f64::from(f32::EPSILON))
                .count();
            let err = max_rel(&got[..keep], &s64[..keep]);
            assert!(err < 2e-5, "n={n} f={f}: {err}");
        }
    }
}

#[test]
fn large_n() {
    let mut rng = Lcg(99);
    let n = 5000;
    let d: Vec<f64> = (0..n).map(|_| rng.uniform(0.5, 2.0)).collect();
    let e: Vec<f64> = (0..n - 1).map(|_| rng.uniform(0.5, 2.0)).collect();
    let s = svals(&d, &e);
    assert_sorted_nonneg(&s);
    check_identities(&d, &e, &s);
}

// ---- internals

/// Dense tr(A^-1), tr(A^-2) for A = B^T B from a qd array, via Gaussian elimination (small m).
fn dense_traces(z: &[[f64; 2]]) -> (f64, f64) {
    let m = z.len();
    let mut b = vec![vec![0.0; m]; m];
    for i in 0..m {
        b[i][i] = z[i][0].sqrt();
        if i + 1 < m {
            b[i][i + 1] = z[i][1].sqrt();
        }
    }
    // inverse of upper bidiagonal B, columns
    let mut x = vec![vec![0.0; m]; m];
    for k in 0..m {
        x[k][k] = 1.0 / b[k][k];
        for i in (0..k).rev() {
            x[i][k] = -b[i][i + 1] * x[i + 1][k] / b[i][i];
        }
    }
    // A^-1 = X X^T
    let mut ainv = vec![vec![0.0; m]; m];
    for i in 0..m {
        for j in 0..m {
            ainv[i][j] = (0..m).map(|k| x[i][k] * x[j][k]).sum();
        }
    }
    let g = (0..m).map(|i| ainv[i][i]).sum();
    let h = (0..m).map(|i| (0..m).map(|j| ainv[i][j] * ainv[i][j]).sum::<f64>()).sum();
    (g, h)
}

#[test]
fn column_norm_traces() {
    let mut rng = Lcg(7);
    let mut u = || 0.5 + 1.5 * rng.next();
    let m = 12;
    let src: Vec<[f64; 2]> = (0..m).map(|i| [u(), if i + 1 < m { u() } else { 0.0 }]).collect();
    let mut mid = vec![[0.0; 2]; m];
    let mut dst = vec![[0.0; 2]; m];
    let pair = transform_pair(&src, &mut mid, &mut dst, 1e-4, 1e-4, 0.7, 0.0);
    assert!(pair.first.ok() && pair.second_ok);
    let cols = pair.cols.expect("column norms");
    for dropped in 0..3 {
        let (g, h) = dense_traces(&dst[..m - dropped]);
        let j = 2 - dropped;
        println!("dropped {dropped}: g {g} vs {}, h {h} vs {}", cols.sums[j], cols.sq_sums[j]);
        assert!((g - cols.sums[j]).abs() <= 1e-12 * g);
        assert!((h - cols.sq_sums[j]).abs() <= 1e-12 * h);
    }
    // Laguerre bound on a crowded synthetic spectrum 1, 2, ..., 500
    let lam: Vec<f64> = (1..=500).map(f64::from).collect();
    let g: f64 = lam.iter().map(|l| 1.0 / l).sum();
    let h: f64 = lam.iter().map(|l| 1.0 / (l * l)).sum();
    let (safe, lag) = lower_bounds(g, h, 500, f64::EPSILON);
    println!("safe {safe} lag {lag}");
    assert!(lag <= 1.0 && lag > 0.7 && safe < lag);
}

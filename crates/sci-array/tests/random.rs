//! `sci_array::random` against NumPy's `default_rng` (fixtures from
//! `tools/fixtures/array_random.py`), plus statistical checks and bad-input tests.

use sci_array::ArrayError;
use sci_array::ndarray::{Array1, Array2, ArrayD, ArrayView1, IxDyn, array, s};
use sci_array::random::{ChoiceOptions, Generator, Pcg64, SeedSequence, default_rng};
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_random.json")).unwrap()
}

fn hex_list(f: &Fixture, path: &str) -> Vec<u128> {
    f.get(path)
        .as_array()
        .unwrap()
        .iter()
        .map(|v| u128::from_str_radix(v.as_str().unwrap(), 16).unwrap())
        .collect()
}

fn hex(f: &Fixture, path: &str) -> u128 {
    u128::from_str_radix(f.str(path), 16).unwrap()
}

fn seeds(f: &Fixture) -> Vec<u64> {
    hex_list(f, "seeds").into_iter().map(|s| s as u64).collect()
}

fn dyn_shape(f: &Fixture, path: &str) -> Vec<usize> {
    f.get(path).as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect()
}

// ------------------------------------------------------------------------------------------
// Bit generator
// ------------------------------------------------------------------------------------------

#[test]
fn seed_sequence_matches_numpy() {
    let f = fx();
    for s in seeds(&f) {
        let k = format!("seed_{s:x}");
        let ss = SeedSequence::new(s as u128);
        let pool: Vec<u128> = ss.pool().iter().map(|&w| w as u128).collect();
        assert_eq!(pool, hex_list(&f, &format!("{k}/pool")), "pool, seed {s}");
        let st: Vec<u128> = ss.generate_state(8).iter().map(|&w| w as u128).collect();
        assert_eq!(st, hex_list(&f, &format!("{k}/state_u32")), "u32 state, seed {s}");
        let st: Vec<u128> = ss.generate_state_u64(3).iter().map(|&w| w as u128).collect();
        assert_eq!(st, hex_list(&f, &format!("{k}/state_u64")), "u64 state, seed {s}");
    }
}

#[test]
fn pcg64_state_and_raw_match_numpy() {
    let f = fx();
    for s in seeds(&f) {
        let k = format!("seed_{s:x}");
        let mut bg = Pcg64::new(s as u128);
        assert_eq!(
            bg.state(),
            (hex(&f, &format!("{k}/pcg_state")), hex(&f, &format!("{k}/pcg_inc"))),
            "seed {s}"
        );
        let raw: Vec<u128> = (0..20).map(|_| bg.next_u64() as u128).collect();
        assert_eq!(raw, hex_list(&f, &format!("{k}/raw")), "raw, seed {s}");
        // The generator's accessors see the same stream.
        let mut rng = default_rng(s);
        assert_eq!(rng.bit_generator(), &Pcg64::new(s as u128));
        assert_eq!(rng.next_u64() as u128, hex_list(&f, &format!("{k}/raw"))[0]);
    }
}

#[test]
fn advance_matches_numpy() {
    let f = fx();
    let mut bg = Pcg64::new(3);
    bg.next_u64();
    bg.advance(hex(&f, "advance/delta"));
    let raw: Vec<u128> = (0..5).map(|_| bg.next_u64() as u128).collect();
    assert_eq!(raw, hex_list(&f, "advance/raw"));
}

#[test]
fn advance_equals_stepping_and_clears_u32_buffer() {
    let mut a = Pcg64::new(77);
    let mut b = a.clone();
    a.next_u32(); // leaves a buffered half
    for _ in 0..37 {
        b.next_u64();
    }
    a.advance(36);
    // NumPy resets the 32-bit buffer on advance, so the next u32 is a fresh low half.
    assert_eq!(a.next_u32(), b.clone().next_u64() as u32);
    assert_eq!(a.next_u32(), (b.next_u64() >> 32) as u32);
    let mut c = Pcg64::new(1);
    let before = c.clone();
    c.advance(0);
    assert_eq!(c, before);
}

#[test]
fn from_state_round_trips() {
    let a = Pcg64::new(123);
    let (s, inc) = a.state();
    let mut b = Pcg64::from_state(s, inc);
    let mut a = a;
    for _ in 0..10 {
        assert_eq!(a.next_u64(), b.next_u64());
    }
    assert_eq!(Generator::new(Pcg64::new(5)), default_rng(5));
}

// ------------------------------------------------------------------------------------------
// Per-seed streams
// ------------------------------------------------------------------------------------------

#[test]
fn floats_match_numpy_bit_for_bit() {
    let f = fx();
    for s in seeds(&f) {
        let k = format!("seed_{s:x}");
        let got = default_rng(s).random(50).unwrap().into_dyn();
        assert_array_equal(&got, &f.array_f64(&format!("{k}/random")));
        let got = default_rng(s).random_f32(50).unwrap().mapv(f64::from).into_dyn();
        assert_array_equal(&got, &f.array_f64(&format!("{k}/random_f32")));
        let got = default_rng(s).standard_normal(1000).unwrap().into_dyn();
        assert_array_equal(&got, &f.array_f64(&format!("{k}/standard_normal")));
        let got = default_rng(s).standard_exponential(1000).unwrap().into_dyn();
        assert_array_equal(&got, &f.array_f64(&format!("{k}/standard_exponential")));
        let got = default_rng(s).integers(0, 10, 100).unwrap().into_dyn();
        assert_array_equal(&got, &f.array_i64(&format!("{k}/integers_0_10")));
    }
}

#[test]
fn integers_match_numpy_on_every_path() {
    let f = fx();
    let cases = f.get("integers").as_array().unwrap().len();
    for i in 0..cases {
        let low: i64 = f.str(&format!("integers/{i}/low")).parse().unwrap();
        let high: i64 = f.str(&format!("integers/{i}/high")).parse().unwrap();
        let endpoint = f.get(&format!("integers/{i}/endpoint")).as_bool().unwrap_or(false);
        let want = f.array_i64(&format!("integers/{i}/out"));
        let mut rng = default_rng(7);
        let got = if endpoint {
            rng.integers_closed(low, high, IxDyn(want.shape())).unwrap()
        } else {
            rng.integers(low, high, IxDyn(want.shape())).unwrap()
        };
        assert_array_equal(&got, &want);
    }
}

#[test]
fn interleaved_calls_share_the_u32_buffer_like_numpy() {
    let f = fx();
    let mut rng = default_rng(99);
    assert_array_equal(&rng.integers(0, 10, 3).unwrap().into_dyn(), &f.array_i64("interleaved/a"));
    assert_array_equal(&rng.random(2).unwrap().into_dyn(), &f.array_f64("interleaved/b"));
    assert_array_equal(&rng.integers(0, 1000, 3).unwrap().into_dyn(), &f.array_i64("interleaved/c"));
    assert_array_equal(&rng.standard_normal(2).unwrap().into_dyn(), &f.array_f64("interleaved/d"));
    assert_array_equal(&rng.integers(0, 1 << 40, 2).unwrap().into_dyn(), &f.array_i64("interleaved/e"));
    assert_array_equal(&rng.integers(0, 7, 1).unwrap().into_dyn(), &f.array_i64("interleaved/f"));
    assert_array_equal(&rng.random(1).unwrap().into_dyn(), &f.array_f64("interleaved/g"));
}

#[test]
fn parametrized_continuous_match_numpy() {
    let f = fx();
    assert_array_equal(
        &default_rng(2024).uniform(-1.5, 3.0, (4, 25)).unwrap().into_dyn(),
        &f.array_f64("uniform"),
    );
    assert_array_equal(
        &default_rng(2024).uniform(2.0, 2.0, 5).unwrap().into_dyn(),
        &f.array_f64("uniform_equal"),
    );
    assert_array_equal(
        &default_rng(2024).normal(2.0, 3.0, (4, 5)).unwrap().into_dyn(),
        &f.array_f64("normal"),
    );
    assert_array_equal(
        &default_rng(2024).exponential(2.5, &[10, 10][..]).unwrap(),
        &f.array_f64("exponential"),
    );
}

#[test]
fn poisson_matches_numpy() {
    let f = fx();
    for i in 0..f.get("poisson").as_array().unwrap().len() {
        let lam = f.f64(&format!("poisson/{i}/lam"));
        let got = default_rng(11).poisson(lam, 500).unwrap().into_dyn();
        let want = f.array_i64(&format!("poisson/{i}/out"));
        assert_array_equal(&got, &want);
    }
}

#[test]
fn binomial_matches_numpy() {
    let f = fx();
    for i in 0..f.get("binomial").as_array().unwrap().len() {
        let n = f.i64(&format!("binomial/{i}/n"));
        let p = f.f64(&format!("binomial/{i}/p"));
        let got = default_rng(13).binomial(n, p, 500).unwrap().into_dyn();
        let want = f.array_i64(&format!("binomial/{i}/out"));
        assert_array_equal(&got, &want);
    }
}

// ------------------------------------------------------------------------------------------
// Permutations and choice
// ------------------------------------------------------------------------------------------

#[test]
fn shuffle_and_permutation_match_numpy() {
    let f = fx();
    for i in 0..f.get("shuffle").as_array().unwrap().len() {
        let n = f.i64(&format!("shuffle/{i}/n"));
        let mut x = Array1::from_iter(0..n);
        default_rng(5).shuffle(&mut x).unwrap();
        assert_array_equal(&x.into_dyn(), &f.array_i64(&format!("shuffle/{i}/out")));
        // permutation(n) is the same stream.
        let p = default_rng(5).permutation(n as usize);
        assert_array_equal(&p.into_dyn(), &f.array_i64(&format!("shuffle/{i}/out")));
    }
    let base = Array1::from_iter(0..24_i64).into_shape_with_order((6, 4)).unwrap();
    let mut x = base.clone();
    default_rng(5).shuffle(&mut x).unwrap();
    assert_array_equal(&x.into_dyn(), &f.array_i64("shuffle_2d"));
    let mut x = base.clone();
    default_rng(5).shuffle_axis(&mut x, -1).unwrap();
    assert_array_equal(&x.into_dyn(), &f.array_i64("shuffle_2d_axis1"));

    assert_array_equal(&default_rng(5).permutation(10).into_dyn(), &f.array_i64("permutation_10"));
    let xf = base.mapv(|v| v as f64);
    let p = default_rng(5).permutation_of(&xf, 0).unwrap();
    assert_array_equal(&p.into_dyn(), &f.array_f64("permutation_2d"));
    let p = default_rng(5).permutation_of(&xf, 1).unwrap();
    assert_array_equal(&p.into_dyn(), &f.array_f64("permutation_2d_axis1"));
}

#[test]
fn shuffle_non_contiguous_views() {
    // A strided, reversed view is shuffled with the same draws as a contiguous copy.
    let mut big = Array1::from_iter(0..20_i64);
    let mut contiguous = big.slice(s![..;-2]).to_owned();
    default_rng(8).shuffle(&mut contiguous).unwrap();
    let mut view = big.slice_mut(s![..;-2]);
    default_rng(8).shuffle(&mut view).unwrap();
    assert_eq!(view, contiguous);
    // The untouched half is intact.
    assert_eq!(big.slice(s![..;2]).to_vec(), (0..20).step_by(2).collect::<Vec<_>>());

    let mut m = Array2::from_shape_fn((5, 6), |(i, j)| (10 * i + j) as i64);
    let mut copy = m.slice(s![.., ..;-2]).to_owned();
    default_rng(9).shuffle(&mut copy).unwrap();
    let p = default_rng(9).permutation_of(&m.slice(s![.., ..;-2]), 0).unwrap();
    assert_eq!(p, copy);
    let mut v = m.slice_mut(s![.., ..;-2]);
    default_rng(9).shuffle(&mut v).unwrap();
    assert_eq!(v, copy);

    // Empty arrays are left alone without drawing; permutation of an empty-column array still
    // shuffles its row indices (NumPy does the same).
    let mut e = Array2::<f64>::zeros((5, 0));
    let mut rng = default_rng(0);
    rng.shuffle(&mut e).unwrap();
    assert_eq!(rng, default_rng(0));
    let mut rng = default_rng(0);
    assert_eq!(rng.permutation_of(&e, 0).unwrap().shape(), &[5, 0]);
    assert_ne!(rng, default_rng(0));
}

#[test]
fn shuffle_is_a_permutation() {
    let mut rng = default_rng(31);
    let mut x = Array1::from_iter(0..1000_i64);
    rng.shuffle(&mut x).unwrap();
    let mut v = x.to_vec();
    assert_ne!(v, (0..1000).collect::<Vec<_>>());
    v.sort();
    assert_eq!(v, (0..1000).collect::<Vec<_>>());
}

#[test]
fn choice_matches_numpy() {
    let f = fx();
    for i in 0..f.get("choice").as_array().unwrap().len() {
        let k = format!("choice/{i}");
        let name = f.str(&format!("{k}/name")).to_string();
        let n = f.i64(&format!("{k}/a")) as usize;
        let shape = dyn_shape(&f, &format!("{k}/size"));
        let p = f.get(&format!("{k}/p")).is_object().then(|| f.array_f64(&format!("{k}/p")));
        let p1 = p.map(|p| p.into_dimensionality::<sci_array::ndarray::Ix1>().unwrap());
        let opts = ChoiceOptions {
            replace: f.get(&format!("{k}/replace")).as_bool().unwrap(),
            shuffle: f.get(&format!("{k}/shuffle")).as_bool().unwrap(),
            p: p1.as_ref().map(|p| p.view()),
        };
        let got = default_rng(17).choice(n, IxDyn(&shape), &opts).unwrap();
        let want = f.array_i64(&format!("{k}/out"));
        assert_eq!(got.shape(), want.shape(), "{name}");
        assert_array_equal(&got, &want);
    }
    let a = array![1.5, -2.0, 3.25, 8.0];
    let got = default_rng(17).choice_from(&a, 9, &ChoiceOptions::default()).unwrap();
    assert_array_equal(&got.into_dyn(), &f.array_f64("choice_from"));
}

#[test]
fn choice_without_replacement_is_distinct() {
    let mut rng = default_rng(4);
    for (n, k) in [(10, 10), (100, 7), (20000, 300), (20000, 5000)] {
        for shuffle in [true, false] {
            let opts = ChoiceOptions { replace: false, shuffle, ..Default::default() };
            let mut v = rng.choice(n, k, &opts).unwrap().to_vec();
            v.sort();
            v.dedup();
            assert_eq!(v.len(), k);
            assert!(v.iter().all(|&x| x >= 0 && (x as usize) < n));
        }
    }
}

#[test]
fn choice_with_strided_p_and_empty_population() {
    // p given as a non-contiguous view; zero-weight entries never appear.
    let raw = array![0.5, 9.0, 0.0, 9.0, 0.5, 9.0];
    let p = raw.slice(s![..;2]);
    let opts = ChoiceOptions { p: Some(p), ..Default::default() };
    let k = default_rng(1).choice(3, 1000, &opts).unwrap();
    assert!(k.iter().all(|&x| x == 0 || x == 2));
    let zeros = k.iter().filter(|&&x| x == 0).count() as f64;
    // Binomial(1000, 0.5): sd = 15.8; 5 sd bound.
    assert!((zeros - 500.0).abs() < 80.0, "{zeros}");

    let empty: Array1<f64> = Array1::zeros(0);
    let got = default_rng(1).choice_from(&empty, 0, &ChoiceOptions::default()).unwrap();
    assert_eq!(got.len(), 0);
    assert_eq!(default_rng(1).choice(0, (2, 0), &ChoiceOptions::default()).unwrap().shape(), &[2, 0]);
}

// ------------------------------------------------------------------------------------------
// Shapes
// ------------------------------------------------------------------------------------------

#[test]
fn shapes_and_scalars() {
    let mut rng = default_rng(0);
    let one = rng.random(()).unwrap().into_scalar();
    assert_eq!(one, 0.6369616873214543);
    let d: ArrayD<f64> = rng.standard_normal(&[2, 0, 3][..]).unwrap();
    assert_eq!(d.shape(), &[2, 0, 3]);
    let three = default_rng(3).normal(0.0, 1.0, [2, 3, 4]).unwrap();
    let flat = default_rng(3).normal(0.0, 1.0, 24).unwrap();
    // C order: the same values whatever the shape.
    assert_eq!(three.iter().copied().collect::<Vec<_>>(), flat.to_vec());
    assert!(matches!(rng.random(&[usize::MAX, 2][..]), Err(ArrayError::InvalidValue { arg: "shape", .. })));
    // Empty outputs skip argument checks on ranges, as NumPy does.
    assert_eq!(rng.integers(5, 5, 0).unwrap().len(), 0);
    // NaN scale gives NaN samples, as in NumPy.
    assert!(rng.normal(0.0, f64::NAN, 2).unwrap().iter().all(|x| x.is_nan()));
}

// ------------------------------------------------------------------------------------------
// Statistics (fixed seeds; bounds of 6 standard errors for the sample size, so they can fail)
// ------------------------------------------------------------------------------------------

fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let v = x.iter().map(|&v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0);
    (m, v)
}

/// Checks sample mean and variance of `n` draws against `mu`, `var` (and the fourth central
/// moment `mu4` for the variance's standard error).
fn check_moments(name: &str, x: &[f64], mu: f64, var: f64, mu4: f64) {
    let n = x.len() as f64;
    let (m, v) = mean_var(x);
    let se_mean = (var / n).sqrt();
    let se_var = ((mu4 - var * var) / n).sqrt();
    assert!((m - mu).abs() < 6.0 * se_mean, "{name}: mean {m} vs {mu} (se {se_mean})");
    assert!((v - var).abs() < 6.0 * se_var, "{name}: var {v} vs {var} (se {se_var})");
}

#[test]
fn distributions_have_the_right_moments() {
    let n = 200_000;
    let mut rng = default_rng(2718);
    check_moments("normal", rng.normal(1.5, 2.0, n).unwrap().as_slice().unwrap(), 1.5, 4.0, 3.0 * 16.0);
    check_moments(
        "uniform",
        rng.uniform(-1.0, 3.0, n).unwrap().as_slice().unwrap(),
        1.0,
        16.0 / 12.0,
        16.0_f64.powi(2) / 80.0,
    );
    check_moments("exponential", rng.exponential(2.0, n).unwrap().as_slice().unwrap(), 2.0, 4.0, 9.0 * 16.0);
    for lam in [0.7, 4.0, 25.0, 1e4] {
        let x: Vec<f64> = rng.poisson(lam, n).unwrap().iter().map(|&k| k as f64).collect();
        check_moments(&format!("poisson({lam})"), &x, lam, lam, lam * (1.0 + 3.0 * lam));
    }
    for (trials, p) in [(20_i64, 0.3), (1000, 0.2), (1000, 0.85), (5, 0.5)] {
        let x: Vec<f64> = rng.binomial(trials, p, n).unwrap().iter().map(|&k| k as f64).collect();
        let nf = trials as f64;
        let var = nf * p * (1.0 - p);
        let mu4 = var * (1.0 + 3.0 * (nf - 2.0) * p * (1.0 - p));
        check_moments(&format!("binomial({trials}, {p})"), &x, nf * p, var, mu4);
        assert!(x.iter().all(|&k| (0.0..=nf).contains(&k)));
    }
    let k: Vec<f64> = rng.integers(-3, 7, n).unwrap().iter().map(|&k| k as f64).collect();
    // Discrete uniform on 10 values: var = (10^2 - 1) / 12, mu4 = (10^2 - 1)(3 * 10^2 - 7) / 240.
    check_moments("integers", &k, 1.5, 99.0 / 12.0, 99.0 * 293.0 / 240.0);
    assert!(k.iter().all(|&v| (-3.0..7.0).contains(&v)));
}

#[test]
fn normal_tail_is_sampled() {
    // P(|Z| > 3.6541...) = 2.6e-4: the ziggurat's tail branch must produce such values.
    let z = default_rng(1).standard_normal(200_000).unwrap();
    let tail = z.iter().filter(|x| x.abs() > 3.654152885361009).count();
    assert!((20..110).contains(&tail), "{tail}");
    let e = default_rng(1).standard_exponential(200_000).unwrap();
    // P(X > 7.697) = 4.5e-4.
    let tail = e.iter().filter(|&&x| x > 7.697117470131049).count();
    assert!((40..160).contains(&tail), "{tail}");
}

// ------------------------------------------------------------------------------------------
// Bad input
// ------------------------------------------------------------------------------------------

#[test]
fn bad_input_is_an_error_naming_the_argument() {
    let p_bad_sum = array![0.5, 0.6];
    let p_neg = array![-0.5, 1.5];
    let p_nan = array![f64::NAN, 1.0];
    let p_short = array![1.0];
    let p_sparse = array![1.0, 0.0];
    let with_p = |p: ArrayView1<'static, f64>| ChoiceOptions { p: Some(p), ..Default::default() };
    let no_rep = ChoiceOptions { replace: false, ..Default::default() };
    let p_sparse_v: ArrayView1<'static, f64> = leak(p_sparse);
    let no_rep_p = ChoiceOptions { replace: false, p: Some(p_sparse_v), ..Default::default() };
    let mut rng = default_rng(0);
    type Case<'a> = (&'a str, Box<dyn Fn(&mut Generator) -> Result<(), ArrayError>>);
    let cases: Vec<Case<'_>> = vec![
        ("scale", Box::new(|r| r.normal(0.0, -1.0, 3).map(drop))),
        ("scale", Box::new(|r| r.normal(0.0, -0.0, 3).map(drop))),
        ("scale", Box::new(|r| r.exponential(-2.0, 3).map(drop))),
        ("high - low", Box::new(|r| r.uniform(1.0, 0.0, 3).map(drop))),
        ("high - low", Box::new(|r| r.uniform(0.0, f64::INFINITY, 3).map(drop))),
        ("high - low", Box::new(|r| r.uniform(f64::NAN, 1.0, 3).map(drop))),
        ("high", Box::new(|r| r.integers(5, 5, 3).map(drop))),
        ("high", Box::new(|r| r.integers(5, 3, 3).map(drop))),
        ("high", Box::new(|r| r.integers_closed(5, 4, 3).map(drop))),
        ("lam", Box::new(|r| r.poisson(-1.0, 3).map(drop))),
        ("lam", Box::new(|r| r.poisson(f64::NAN, 3).map(drop))),
        ("lam", Box::new(|r| r.poisson(1e19, 3).map(drop))),
        ("n", Box::new(|r| r.binomial(-1, 0.5, 3).map(drop))),
        ("p", Box::new(|r| r.binomial(10, 1.5, 3).map(drop))),
        ("p", Box::new(|r| r.binomial(10, -0.1, 3).map(drop))),
        ("p", Box::new(|r| r.binomial(10, f64::NAN, 3).map(drop))),
        ("shape", Box::new(move |r| r.choice(5, 6, &no_rep).map(drop))),
        ("p", Box::new(move |r| r.choice(2, 3, &with_p(leak(p_bad_sum.clone()))).map(drop))),
        ("p", Box::new(move |r| r.choice(2, 3, &with_p(leak(p_neg.clone()))).map(drop))),
        ("p", Box::new(move |r| r.choice(2, 3, &with_p(leak(p_nan.clone()))).map(drop))),
        ("p", Box::new(move |r| r.choice(2, 2, &no_rep_p).map(drop))),
        ("a", Box::new(|r| r.choice(0, 3, &ChoiceOptions::default()).map(drop))),
        ("a", Box::new(|r| r.choice_from(&Array1::<f64>::zeros(0), 3, &ChoiceOptions::default()).map(drop))),
        ("shape", Box::new(|r| r.random(&[usize::MAX, 4][..]).map(drop))),
        ("x", Box::new(|r| r.shuffle(&mut sci_array::ndarray::arr0(1.0)))),
        ("x", Box::new(|r| r.permutation_of(&sci_array::ndarray::arr0(1.0).into_dyn(), 0).map(drop))),
    ];
    for (i, (arg, f)) in cases.iter().enumerate() {
        match f(&mut rng) {
            Err(ArrayError::InvalidValue { arg: got, reason }) => {
                assert_eq!(got, *arg, "case {i}: {reason}");
            }
            other => panic!("case {i} ({arg}): expected InvalidValue, got {other:?}"),
        }
    }
    // p of the wrong length, and a bad axis.
    let r = rng.choice(2, 3, &with_p(leak(p_short)));
    assert!(matches!(r, Err(ArrayError::LengthMismatch { a: "a", b: "p", len_a: 2, len_b: 1 })));
    let mut m = Array2::<f64>::zeros((2, 2));
    assert!(matches!(rng.shuffle_axis(&mut m, 2), Err(ArrayError::AxisOutOfBounds { .. })));
    assert!(matches!(rng.permutation_of(&m, -3), Err(ArrayError::AxisOutOfBounds { .. })));
    // Messages read like NumPy's.
    let e = rng.normal(0.0, -1.0, 1).unwrap_err();
    assert_eq!(e.to_string(), "invalid value for `scale`: scale < 0");
}

/// Leaks a small array so that its view lives for `'static` in the table above.
fn leak(a: Array1<f64>) -> ArrayView1<'static, f64> {
    Box::leak(Box::new(a)).view()
}

#[test]
fn more_distributions_match_numpy() {
    let f = fx();
    for i in 0..f.get("extra").as_array().unwrap().len() {
        let k = format!("extra/{i}");
        let name = f.str(&format!("{k}/name")).to_string();
        let args: Vec<f64> =
            f.get(&format!("{k}/args")).as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let mut rng = default_rng(21);
        let n = 300;
        let got_f: Option<Array1<f64>> = match name.as_str() {
            "standard_gamma" => Some(rng.standard_gamma(args[0], n).unwrap()),
            "gamma" => Some(rng.gamma(args[0], args[1], n).unwrap()),
            "chisquare" => Some(rng.chisquare(args[0], n).unwrap()),
            "lognormal" => Some(rng.lognormal(args[0], args[1], n).unwrap()),
            "laplace" => Some(rng.laplace(args[0], args[1], n).unwrap()),
            "logistic" => Some(rng.logistic(args[0], args[1], n).unwrap()),
            "gumbel" => Some(rng.gumbel(args[0], args[1], n).unwrap()),
            "rayleigh" => Some(rng.rayleigh(args[0], n).unwrap()),
            "pareto" => Some(rng.pareto(args[0], n).unwrap()),
            "weibull" => Some(rng.weibull(args[0], n).unwrap()),
            "power" => Some(rng.power(args[0], n).unwrap()),
            "standard_cauchy" => Some(rng.standard_cauchy(n).unwrap()),
            "standard_t" => Some(rng.standard_t(args[0], n).unwrap()),
            _ => None,
        };
        if let Some(got) = got_f {
            assert_array_equal(&got.into_dyn(), &f.array_f64(&format!("{k}/out")));
            continue;
        }
        let got: Array1<i64> = match name.as_str() {
            "geometric" => rng.geometric(args[0], n).unwrap(),
            "negative_binomial" => rng.negative_binomial(args[0], args[1], n).unwrap(),
            other => panic!("fixture case {other} has no test"),
        };
        assert_array_equal(&got.into_dyn(), &f.array_i64(&format!("{k}/out")));
    }
}

#[test]
fn more_distributions_reject_bad_parameters() {
    let mut rng = default_rng(0);
    let cases: Vec<(&str, Result<Array1<f64>, ArrayError>)> = vec![
        ("shape", rng.standard_gamma(-1.0, 2)),
        ("scale", rng.gamma(1.0, -1.0, 2)),
        ("df", rng.chisquare(0.0, 2)),
        ("sigma", rng.lognormal(0.0, -1.0, 2)),
        ("scale", rng.laplace(0.0, -1.0, 2)),
        ("scale", rng.logistic(0.0, -1.0, 2)),
        ("scale", rng.gumbel(0.0, -1.0, 2)),
        ("scale", rng.rayleigh(-1.0, 2)),
        ("a", rng.pareto(0.0, 2)),
        ("a", rng.weibull(-1.0, 2)),
        ("a", rng.power(-2.0, 2)),
        ("df", rng.standard_t(-2.0, 2)),
    ];
    for (arg, r) in cases {
        assert!(matches!(r, Err(ArrayError::InvalidValue { arg: a, .. }) if a == arg), "{arg}: {r:?}");
    }
    for (arg, r) in [
        ("p", rng.geometric(0.0, 2)),
        ("p", rng.geometric(1.5, 2)),
        ("p", rng.geometric(f64::NAN, 2)),
        ("n", rng.negative_binomial(0.0, 0.5, 2)),
        ("n", rng.negative_binomial(f64::NAN, 0.5, 2)),
        ("p", rng.negative_binomial(1.0, 0.0, 2)),
    ] {
        assert!(matches!(r, Err(ArrayError::InvalidValue { arg: a, .. }) if a == arg), "{arg}: {r:?}");
    }
}

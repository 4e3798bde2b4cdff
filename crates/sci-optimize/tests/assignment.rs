//! `linear_sum_assignment` against SciPy fixtures (the same assignment, ties included); bad input.

use sci_array::ndarray::{Array2, Ix1, Ix2, array, s};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{OptimizeError, linear_sum_assignment};

#[test]
fn assignment_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_assignment.json"))
        .unwrap();
    let mut n = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let cost = fx.array_f64(&c("cost")).into_dimensionality::<Ix2>().unwrap();
        let maximize = fx.get(&c("maximize")).as_bool().unwrap();
        let got = linear_sum_assignment(&cost, maximize);
        if fx.get(&key).get("error").is_some() {
            match got {
                Err(OptimizeError::InvalidValue { arg: "cost_matrix", reason }) => {
                    assert_eq!(reason, fx.str(&c("error")), "{key}")
                }
                other => panic!("{key}: expected an error, got {other:?}"),
            }
        } else {
            let (r, cols) = got.unwrap();
            let want_r = fx.array_i64(&c("rows")).into_dimensionality::<Ix1>().unwrap();
            let want_c = fx.array_i64(&c("cols")).into_dimensionality::<Ix1>().unwrap();
            assert_eq!(r.mapv(|v| v as i64), want_r, "{key}: rows");
            assert_eq!(cols.mapv(|v| v as i64), want_c, "{key}: cols");
            let total: f64 = r.iter().zip(&cols).map(|(&i, &j)| cost[[i, j]]).sum();
            assert!((total - fx.f64(&c("total"))).abs() <= 1e-12 * total.abs().max(1.0), "{key}");
        }
        n += 1;
    }
    assert!(n > 90, "only {n} cases");
}

/// A strided, transposed view gives the same answer as the owned transpose.
#[test]
fn non_contiguous_views() {
    let big = Array2::from_shape_fn((12, 14), |(i, j)| ((i * 7 + j * 3) % 5) as f64);
    let view = big.slice(s![..;2, ..;3]); // 6 x 5, non-contiguous
    let owned = view.to_owned();
    assert_eq!(linear_sum_assignment(&view, false).unwrap(), linear_sum_assignment(&owned, false).unwrap());
    let t = big.t();
    let (r, c) = linear_sum_assignment(&t, true).unwrap();
    let (r2, c2) = linear_sum_assignment(&t.to_owned(), true).unwrap();
    assert_eq!((r, c), (r2, c2));
}

/// Brute force over all permutations on small matrices: the optimum total is reached.
#[test]
fn optimal_against_brute_force() {
    fn perms(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![vec![]];
        }
        let mut out = vec![];
        for p in perms(n - 1) {
            for k in 0..n {
                let mut q = p.clone();
                q.insert(k, n - 1);
                out.push(q);
            }
        }
        out
    }
    let mut seed = 12345u64;
    for n in 1..=6 {
        for _ in 0..20 {
            let cost = Array2::from_shape_fn((n, n), |_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((seed >> 33) % 10) as f64
            });
            let best = perms(n)
                .iter()
                .map(|p| (0..n).map(|i| cost[[i, p[i]]]).sum::<f64>())
                .fold(f64::INFINITY, f64::min);
            let (r, c) = linear_sum_assignment(&cost, false).unwrap();
            let total: f64 = r.iter().zip(&c).map(|(&i, &j)| cost[[i, j]]).sum();
            assert_eq!(total, best);
        }
    }
}

#[test]
fn bad_input() {
    let inf = f64::INFINITY;
    let table: [(Array2<f64>, bool, &str); 5] = [
        (array![[1.0, f64::NAN]], false, "matrix contains invalid numeric entries"),
        (array![[1.0, -inf]], false, "matrix contains invalid numeric entries"),
        (array![[1.0, inf]], true, "matrix contains invalid numeric entries"),
        (array![[inf, 1.0], [inf, 2.0]], false, "cost matrix is infeasible"),
        (array![[-inf], [-inf]], true, "cost matrix is infeasible"),
    ];
    for (cost, maximize, msg) in table {
        let e = linear_sum_assignment(&cost, maximize).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg: "cost_matrix", reason: msg.into() }, "{cost:?}");
    }
}

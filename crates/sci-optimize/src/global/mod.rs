//! Global optimization: `differential_evolution`, `brute`, `basinhopping`, `dual_annealing`, `shgo`,
//! `direct`, and the pieces they share (bounds checks, NumPy's reductions, seeding).

mod basinhopping;
mod basinhopping_hooks;
mod brute;
mod differential_evolution;
mod dual_annealing;
mod qmc;
mod shgo;
mod sobol_dirs;

pub use basinhopping::{BasinhoppingCallback, BasinhoppingOptions, BasinhoppingResult, basinhopping};
pub use basinhopping_hooks::{AcceptDecision, AcceptTest, StepOutcome, TakeStep};
pub use brute::{BruteOptions, BruteResult, GridRange, brute};
pub use differential_evolution::{
    DifferentialEvolutionCallback, DifferentialEvolutionConstraint, DifferentialEvolutionIntermediate,
    DifferentialEvolutionOptions, DifferentialEvolutionResult, Init, Mutation, PolishFn, Strategy,
    StrategyFn, Updating, differential_evolution, differential_evolution_vectorized,
};
pub use dual_annealing::{
    AnnealingContext, DualAnnealingCallback, DualAnnealingOptions, DualAnnealingResult, dual_annealing,
};
pub use shgo::{MinimizerKwargs, SamplingMethod, ShgoOptions, ShgoResult, shgo};

use crate::error::{Result, invalid};
use sci_array::random::{Generator, POOL_SIZE, Pcg64, SeedSequence, default_rng};

/// Checks `(min, max)` pairs: finite, at least one (SciPy's message for
/// `differential_evolution`).
pub(crate) fn check_finite_bounds(bounds: &[(f64, f64)]) -> Result<()> {
    if bounds.is_empty() || bounds.iter().any(|&(l, u)| !l.is_finite() || !u.is_finite()) {
        return Err(invalid(
            "bounds",
            "bounds should be a sequence containing finite real valued (min, max) pairs for each value in x",
        ));
    }
    Ok(())
}

/// NumPy's pairwise summation (`np.sum` of a contiguous float64 array): the same rounding as
/// SciPy's `np.mean`/`np.std`.
pub(crate) fn np_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for &x in a {
            res += x;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let full = n - n % 8;
        let mut i = 8;
        while i < full {
            for k in 0..8 {
                r[k] += a[i + k];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[full..] {
            res += x;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        np_sum(&a[..n2]) + np_sum(&a[n2..])
    }
}

/// `(np.mean(a), np.std(a))`.
pub(crate) fn np_mean_std(a: &[f64]) -> (f64, f64) {
    let n = a.len() as f64;
    let mean = np_sum(a) / n;
    let sq: Vec<f64> = a.iter().map(|&x| (x - mean) * (x - mean)).collect();
    (mean, (np_sum(&sq) / n).sqrt())
}

/// `np.argmin`: the first minimum, or the first NaN when there is one.
pub(crate) fn np_argmin(a: &[f64]) -> usize {
    let mut best = 0;
    for (i, &x) in a.iter().enumerate() {
        if x.is_nan() {
            return i;
        }
        if x < a[best] {
            best = i;
        }
    }
    best
}

/// The seed of SciPy's `rng=`/`seed=`, or fresh entropy from the operating system's hasher
/// seeds when `None`.
pub(crate) fn resolve_seed(seed: Option<u64>) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    seed.unwrap_or_else(|| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
        );
        h.finish()
    })
}

/// The generator for SciPy's `rng=`/`seed=`: `numpy.random.default_rng(seed)`, or a fresh
/// seed when `None`.
pub(crate) fn make_rng(seed: Option<u64>) -> Generator {
    default_rng(resolve_seed(seed))
}

/// The first child SciPy's `_rng_spawn(default_rng(seed), 1)` spawns: PCG64 on
/// `SeedSequence(seed, spawn_key=(0,))`, whose entropy words are the seed's, padded with zeros
/// to the pool size, then the spawn key.
pub(crate) fn first_spawned_rng(seed: u64) -> Generator {
    let mut words = vec![seed as u32];
    if seed >> 32 != 0 {
        words.push((seed >> 32) as u32);
    }
    words.resize(POOL_SIZE, 0);
    words.push(0);
    Generator::new(Pcg64::from_seed_sequence(&SeedSequence::from_words(&words)))
}

/// Runs `f` on every point, on `workers` threads (SciPy's `workers`: 1 serial, -1 all cores,
/// `n > 1` a pool of `n` threads).
pub(crate) fn map_points<F>(f: &F, points: &[ndarray::Array1<f64>], workers: isize) -> Vec<f64>
where
    F: Fn(&ndarray::Array1<f64>) -> f64 + Sync,
{
    use rayon::prelude::*;
    if workers == 1 || points.len() < 2 {
        return points.iter().map(f).collect();
    }
    if workers < 0 {
        return points.par_iter().map(f).collect();
    }
    match rayon::ThreadPoolBuilder::new().num_threads(workers as usize).build() {
        Ok(pool) => pool.install(|| points.par_iter().map(f).collect()),
        Err(_) => points.iter().map(f).collect(),
    }
}

/// Checks SciPy's `workers` argument.
pub(crate) fn check_workers(workers: isize) -> Result<()> {
    if workers == 0 || workers < -1 {
        return Err(invalid("workers", format!("must be -1 (all cores) or at least 1, got {workers}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_sum_matches_numpy_blocks() {
        // np.sum(np.full(300, 0.1)) == 29.999999999999996; a sequential sum gives
        // 30.000000000000156.
        assert_eq!(np_sum(&vec![0.1; 300]), 29.999999999999996);
        assert_eq!(np_sum(&vec![0.1; 100]), 9.999999999999998);
        // np.std(np.arange(20) / 7.0)
        let a: Vec<f64> = (0..20).map(|i| i as f64 / 7.0).collect();
        assert_eq!(np_mean_std(&a).1, 0.823754471047914);
        assert_eq!(np_sum(&[1.0, 2.0]), 3.0);
        assert_eq!(np_argmin(&[3.0, 1.0, f64::NAN, 0.0]), 2);
        assert_eq!(np_argmin(&[3.0, 1.0, 1.0]), 1);
    }
}

//! Wall-clock timing: one warm-up call, then the median of repeated calls.
//!
//! The number of repetitions adapts to the duration: enough calls to fill a time budget
//! (0.3 s with `--quick`, 2 s otherwise), at least 3 (quick) or 5, at most 200. The Python side
//! (`benches/python/vs_numpy.py`) uses the same rule, so both medians are taken alike.
//!
//! `cargo xtask bench --vs-scipy` alternates the two sides in rounds (sci, NumPy, sci, NumPy,
//! ...), each round a share of the budget ([`Budget::share`]), and takes the median of all
//! rounds' calls of a side ([`Timing::samples_ms`]): a slow spell of a shared machine then
//! falls on both sides instead of on whichever ran during it.

use std::hint::black_box;
use std::time::Instant;

/// How long to measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Target total time of the timed calls, in seconds.
    pub seconds: f64,
    /// Fewest timed calls.
    pub min_runs: usize,
    /// Most timed calls.
    pub max_runs: usize,
}

impl Budget {
    /// The budget for `--quick` (true) or a full run (false).
    pub fn new(quick: bool) -> Self {
        if quick {
            Budget { seconds: 0.3, min_runs: 3, max_runs: 200 }
        } else {
            Budget { seconds: 2.0, min_runs: 5, max_runs: 200 }
        }
    }

    /// This budget split over `rounds` runs of the workload: each run gets `1/rounds` of the
    /// time and of the fewest and most calls (rounded up), so that all rounds together take
    /// about as long as one run of the whole budget.
    pub fn share(&self, rounds: usize) -> Self {
        let r = rounds.max(1);
        Budget {
            seconds: self.seconds / r as f64,
            min_runs: self.min_runs.div_ceil(r),
            max_runs: self.max_runs.div_ceil(r),
        }
    }

    /// Timed calls for a workload whose warm-up took `warm_s` seconds.
    pub fn runs_for(&self, warm_s: f64) -> usize {
        let n = (self.seconds / warm_s.max(1e-9)).floor();
        (n as usize).clamp(self.min_runs, self.max_runs)
    }
}

/// The result of [`measure`].
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// Median of the timed calls, in milliseconds.
    pub median_ms: f64,
    /// Fastest timed call, in milliseconds.
    pub min_ms: f64,
    /// Number of timed calls.
    pub runs: usize,
    /// Every timed call, in milliseconds, in the order made.
    pub samples_ms: Vec<f64>,
}

/// Median of a non-empty sample (mean of the two middle values for an even count).
pub fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    if n % 2 == 1 { samples[n / 2] } else { 0.5 * (samples[n / 2 - 1] + samples[n / 2]) }
}

/// Calls `f` once to warm up, then as often as `budget` says; returns the median time and the
/// last call's result.
pub fn measure<R>(budget: Budget, mut f: impl FnMut() -> R) -> (Timing, R) {
    let t = Instant::now();
    let mut last = black_box(f());
    let warm = t.elapsed().as_secs_f64();
    let runs = budget.runs_for(warm);
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        drop(last);
        let t = Instant::now();
        last = black_box(f());
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let min_ms = samples.iter().copied().fold(f64::INFINITY, f64::min);
    let samples_ms = samples.clone();
    (Timing { median_ms: median(&mut samples), min_ms, runs, samples_ms }, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn runs_adapt_to_duration() {
        let b = Budget::new(true);
        assert_eq!(b.runs_for(10.0), 3);
        assert_eq!(b.runs_for(0.01), 30);
        assert_eq!(b.runs_for(0.0), 200);
        assert_eq!(Budget::new(false).runs_for(1.0), 5);
    }

    #[test]
    fn share_splits_time_and_call_counts() {
        let b = Budget::new(false).share(3);
        assert!((b.seconds - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((b.min_runs, b.max_runs), (2, 67));
        assert_eq!(Budget::new(true).share(0), Budget::new(true));
        assert_eq!(Budget::new(true).share(1), Budget::new(true));
    }

    #[test]
    fn measure_counts_calls() {
        let mut calls = 0;
        let (t, last) = measure(Budget { seconds: 0.0, min_runs: 4, max_runs: 4 }, || {
            calls += 1;
            calls
        });
        assert_eq!(t.runs, 4);
        assert_eq!(t.samples_ms.len(), 4);
        assert_eq!(last, 5);
        assert!(t.min_ms <= t.median_ms);
    }
}

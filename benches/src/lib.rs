//! # sci-benches: sci against NumPy/SciPy, side by side
//!
//! Two kinds of benchmark live here:
//!
//! * criterion benches (`benches/benches/*.rs`), run by `cargo xtask bench` (or
//!   `cargo bench -p sci-benches`); `cargo xtask bench --quick` uses criterion's quick mode;
//! * the side-by-side report, run by `cargo xtask bench --vs-scipy [--quick] [--filter PAT] [--rounds N]`,
//!   which writes `target/bench/report.json` and `target/bench/report.md`.
//!
//! ## How the side-by-side report is made
//!
//! For each workload of the [`registry`] (`<crate>.<what>_<size>`, e.g. `array.sort_1e7`):
//!
//! 1. the `vs_scipy` binary (`cargo run --release -p sci-benches --bin vs_scipy -- run NAME
//!    --data DIR`) draws the inputs from a seeded generator, saves them as `.npy` under
//!    `target/bench/data/`, times the sci call in-process (one warm-up, then the median of
//!    repeated calls, see [`timing`]), saves the outputs under `target/bench/data/out/` and
//!    prints one JSON line;
//! 2. `benches/python/vs_numpy.py` loads the same `.npy` inputs, times the NumPy/SciPy call the
//!    same way, and compares its outputs with sci's (tolerance per workload), so a fast wrong
//!    answer is reported as a mismatch rather than as a win;
//! 3. `cargo xtask bench` collects both into the report (`ratio = sci_ms / ref_ms`: below 1.0
//!    sci is faster).
//!
//! Steps 1 and 2 alternate in rounds (`--rounds N`, default 3; 1 with `--quick`), each run
//! timing for `1/N` of the budget (`--rounds N` on both sides, [`timing::Budget::share`]); each
//! side's figure is the median of all its calls, pooled over the rounds.
//!
//! The Python side runs with `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` removed from its
//! environment (they slow a current NumPy). Without NumPy the Rust side runs alone and the
//! reference column is empty; `pip install numpy scipy` to get it.
//!
//! By hand, without xtask:
//!
//! ```text
//! cargo run --release -p sci-benches --bin vs_scipy -- list
//! cargo run --release -p sci-benches --bin vs_scipy -- run array.sort_1e7 --data target/bench/data --quick
//! python3 benches/python/vs_numpy.py run array.sort_1e7 --data target/bench/data --quick
//! ```
//!
//! ## Adding a workload
//!
//! One Rust entry ([`registry::Workload`] in `src/workloads/<crate>.rs`) and one Python entry
//! (`@workload("<name>")` in `benches/python/bench_<crate>.py`), keyed by the same name; see
//! [`registry`].

pub mod registry;
pub mod rng;
pub mod timing;
pub mod workloads;

//! `cargo xtask bench`: criterion benches and the side-by-side report against NumPy/SciPy.
//!
//! ```text
//! cargo xtask bench [--quick] [--filter PAT] [--features F]              criterion benches of sci-benches
//! cargo xtask bench --vs-scipy [--quick] [--filter PAT] [--features F] [--rounds N]
//!                                                                          sci vs NumPy/SciPy report
//! ```
//!
//! * `--features F` builds `sci-benches` with its cargo features `F` (comma-separated): today
//!   `lapack`, which puts sci-linalg on the system OpenBLAS's LAPACK instead of faer
//!   (`libopenblas-dev` needed). The default build (no flag) is the pure-Rust one. The report
//!   names the backend that ran (`vs_scipy info`): a header line and `report.json`'s `sci`.
//!
//! * Without `--vs-scipy` it runs `cargo bench -p sci-benches` (criterion; `--quick` passes
//!   criterion's `--quick`, `--filter PAT` criterion's name filter).
//! * With `--vs-scipy` it builds `vs_scipy` in release mode (`cargo build --release -p
//!   sci-benches --bin vs_scipy`), then for each workload of the registry whose name contains
//!   PAT: the Rust side draws the inputs (seeded, deterministic), saves them under
//!   `target/bench/data/` as `.npy`, and times the sci call in-process; then
//!   `benches/python/vs_numpy.py` times the NumPy/SciPy call on the same files and checks that
//!   both give the same outputs (tolerance per workload). Timing is one warm-up call, then the
//!   median of as many calls as fill 2 s (0.3 s with `--quick`), at least 5 (3).
//! * The two sides alternate in `--rounds N` rounds per workload (default 3, 1 with `--quick`):
//!   sci, NumPy, sci, NumPy, ..., each round a fresh process timing for `1/N` of the budget
//!   (at least `5/N` calls, rounded up), and a side's figure is the median of all its calls
//!   over the rounds. On a shared machine a slow spell of some seconds then falls on both
//!   sides alike instead of on the side that happened to run during it. A round whose side
//!   fails ends the workload's rounds.
//!   Both sides run with `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` removed from
//!   their environments (they select slower OpenBLAS kernels, for NumPy and for the system
//!   OpenBLAS that `--features lapack` links).
//! * It writes `target/bench/report.json` (`host`, `git_rev`, `time`, `numpy`, `scipy`, `rows`
//!   of `{name, sci_ms, ref_ms, ratio, ref, check, ...}`, `ratio = sci_ms / ref_ms`) and
//!   `target/bench/report.md` (the same as a table; rows with ratio above 1.0, where sci is
//!   slower, are marked), and prints the table. The load average before and after is recorded:
//!   on a shared machine the numbers are only as good as it is quiet.
//! * Without Python + NumPy (`PYTHON` selects the interpreter, default `python3`) it says how to
//!   get them (`pip install numpy scipy`) and runs the Rust side alone (`ref_ms` null).
//! * It fails (after writing the report) when an output differs from NumPy's or a side fails.
//!
//! Adding a workload: see the `sci_benches::registry` module docs (one Rust entry in
//! `benches/src/workloads/<crate>.rs`, one Python entry in `benches/python/bench_<crate>.py`).

#[path = "bench_report.rs"]
mod report;

use indicatif::{ProgressBar, ProgressStyle};
use report::Row;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Parsed `cargo xtask bench` arguments.
#[derive(Debug, Default, PartialEq)]
struct Opts {
    vs_scipy: bool,
    quick: bool,
    filter: Option<String>,
    /// Cargo features of `sci-benches` (`--features`), e.g. `lapack`.
    features: Option<String>,
    /// `--rounds N`: alternations of the two sides per workload (see [`Opts::rounds`]).
    rounds: Option<usize>,
}

impl Opts {
    /// Rounds per workload: `--rounds N`, else 3 (1 with `--quick`).
    fn rounds(&self) -> usize {
        self.rounds.unwrap_or(if self.quick { 1 } else { 3 })
    }
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--vs-scipy" => o.vs_scipy = true,
            "--quick" => o.quick = true,
            "--filter" => o.filter = Some(it.next().ok_or("--filter needs a pattern")?.clone()),
            "--features" => o.features = Some(it.next().ok_or("--features needs a list")?.clone()),
            "--rounds" => {
                let v = it.next().ok_or("--rounds needs a number")?;
                let r = v.parse::<usize>().ok().filter(|&r| r > 0);
                o.rounds = Some(r.ok_or_else(|| format!("--rounds needs a positive integer, got {v:?}"))?);
            }
            other => {
                return Err(format!(
                    "unknown bench argument {other:?}; usage: cargo xtask bench [--vs-scipy] [--quick] [--filter PAT] [--features F] [--rounds N]"
                ));
            }
        }
    }
    Ok(o)
}

/// Entry point of `cargo xtask bench`.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    if opts.vs_scipy { vs_scipy(&opts) } else { criterion(&opts) }
}

fn criterion(opts: &Opts) -> Result<(), String> {
    let mut a = vec!["bench", "-p", "sci-benches", "--benches"];
    if let Some(f) = &opts.features {
        a.extend(["--features", f]);
    }
    if opts.quick || opts.filter.is_some() {
        a.push("--");
        if let Some(f) = &opts.filter {
            a.push(f);
        }
        if opts.quick {
            a.push("--quick");
        }
    }
    crate::run(&crate::cargo(), &a)
}

/// Cargo's target directory (`CARGO_TARGET_DIR` or `<root>/target`).
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => crate::root().join(d),
        None => crate::root().join("target"),
    }
}

/// A command for the Python side: `OPENBLAS_CORETYPE` / `OPENBLAS_L2_SIZE` removed.
fn python_command(script: &Path) -> Command {
    let mut c = Command::new(crate::python());
    c.arg(script).env_remove("OPENBLAS_CORETYPE").env_remove("OPENBLAS_L2_SIZE").current_dir(crate::root());
    c
}

/// Runs `cmd`, returning its last stdout line parsed as JSON (also when it failed, if it printed
/// one: the sides print `{"error": ...}` before exiting non-zero).
fn json_line(mut cmd: Command) -> Result<Value, String> {
    let what = format!("{cmd:?}");
    let out = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("could not start {what}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let parsed =
        stdout.lines().rev().find(|l| !l.trim().is_empty()).and_then(|l| serde_json::from_str(l).ok());
    match parsed {
        Some(v) => Ok(v),
        None => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            Err(format!("{what} ({}) printed no JSON: {}", out.status, tail.join(" | ")))
        }
    }
}

fn text_output(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.stderr(Stdio::inherit()).output().map_err(|e| format!("could not start {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed ({})", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `samples` (ms) of a side's JSON line.
fn samples(v: &Value) -> Vec<f64> {
    v["samples"].as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

/// Median of `v` (mean of the two middle values for an even count); `None` when empty.
fn median(v: &mut [f64]) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some(0.5 * (v[n / 2 - 1] + v[n / 2])),
    }
}

fn vs_scipy(opts: &Opts) -> Result<(), String> {
    let target = target_dir();
    let bench_dir = target.join("bench");
    let data = bench_dir.join("data");
    std::fs::create_dir_all(&data).map_err(|e| format!("{}: {e}", data.display()))?;
    let script = crate::root().join("benches").join("python").join("vs_numpy.py");

    let mut build = vec!["build", "--release", "-p", "sci-benches", "--bin", "vs_scipy"];
    if let Some(f) = &opts.features {
        build.extend(["--features", f]);
    }
    crate::run(&crate::cargo(), &build)?;
    let bin = target.join("release").join(format!("vs_scipy{}", std::env::consts::EXE_SUFFIX));
    // What the binary was built with (its features and sci-linalg backend), for the report.
    let sci_info = json_line({
        let mut c = Command::new(&bin);
        c.arg("info");
        c
    })?;
    eprintln!("xtask: sci built with {sci_info}");
    let mut list = Command::new(&bin);
    list.arg("list");
    if let Some(f) = &opts.filter {
        list.args(["--filter", f]);
    }
    let workloads: Vec<(String, String)> = text_output(&mut list)?
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(n, a)| (n.to_string(), a.to_string())))
        .collect();
    if workloads.is_empty() {
        return Err(format!("no workload matches {:?} (see `{} list`)", opts.filter, bin.display()));
    }

    let py_info = match json_line({
        let mut c = python_command(&script);
        c.arg("info");
        c
    }) {
        Ok(v) => Some(v),
        Err(e) => {
            eprintln!(
                "xtask: no NumPy reference ({e}).\n       Install it with `pip install numpy scipy` (or set PYTHON to an \
                 interpreter that has them); running the Rust side alone."
            );
            None
        }
    };
    let numpy = py_info.as_ref().and_then(|v| v["numpy"].as_str()).map(str::to_string);
    let ref_label = numpy.as_ref().map(|v| format!("numpy {v}"));

    let load_before = report::loadavg();
    let started = std::time::Instant::now();
    let rounds = opts.rounds();
    let pb = ProgressBar::new(workloads.len() as u64 * 2 * rounds as u64);
    pb.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
            .map_err(|e| e.to_string())?,
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    let mut rows = Vec::new();
    for (name, about) in &workloads {
        let mut row = Row::new(name, about);
        // Every timed call of each side, pooled over the rounds.
        let (mut sci, mut reference) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            let of = if rounds > 1 { format!(" {}/{rounds}", round + 1) } else { String::new() };
            pb.set_message(format!("{name}: sci{of}"));
            let mut cmd = Command::new(&bin);
            // The same OpenBLAS environment as the Python side: with `--features lapack` the
            // Rust side calls the system OpenBLAS, which the forced Haswell kernels slow down
            // as well.
            cmd.args(["run", name, "--data"])
                .arg(&data)
                .args(["--rounds", &rounds.to_string()])
                .env_remove("OPENBLAS_CORETYPE")
                .env_remove("OPENBLAS_L2_SIZE")
                .current_dir(crate::root());
            if opts.quick {
                cmd.arg("--quick");
            }
            match json_line(cmd) {
                Ok(v) if v.get("error").is_none() => sci.extend(samples(&v)),
                Ok(v) => row.fail("sci-error", v["error"].as_str().unwrap_or("?")),
                Err(e) => row.fail("sci-error", &e),
            }
            pb.inc(1);
            if py_info.is_some() {
                pb.set_message(format!("{name}: numpy{of}"));
                let mut cmd = python_command(&script);
                cmd.args(["run", name, "--data"]).arg(&data).args(["--rounds", &rounds.to_string()]);
                if opts.quick {
                    cmd.arg("--quick");
                }
                match json_line(cmd) {
                    Ok(v) if v.get("error").is_none() => {
                        reference.extend(samples(&v));
                        row.reference = v["ref"].as_str().map(str::to_string).or_else(|| ref_label.clone());
                        let check = v["check"].as_str().unwrap_or("?");
                        if row.check.is_none() && check != "ok" {
                            row.fail(check, v["detail"].as_str().unwrap_or(""));
                        }
                    }
                    Ok(v) => row.fail("numpy-error", v["error"].as_str().unwrap_or("?")),
                    Err(e) => row.fail("numpy-error", &e),
                }
            }
            pb.inc(1);
            if row.check.is_some() {
                // A failed side: no further rounds of this workload.
                pb.inc(2 * (rounds - round - 1) as u64);
                break;
            }
        }
        (row.sci_ms, row.sci_runs) = (median(&mut sci), Some(sci.len() as u64).filter(|&n| n > 0));
        (row.ref_ms, row.ref_runs) =
            (median(&mut reference), Some(reference.len() as u64).filter(|&n| n > 0));
        if row.check.is_none() {
            row.check = Some(if py_info.is_some() { "ok" } else { "no-reference" }.to_string());
        }
        pb.println(row.progress_line());
        rows.push(row);
    }
    pb.finish_and_clear();

    let rep = report::Report {
        quick: opts.quick,
        rounds,
        sci: sci_info,
        python: py_info,
        rows,
        load_before,
        load_after: report::loadavg(),
        elapsed_s: started.elapsed().as_secs_f64(),
    };
    let (json_path, md_path) = (bench_dir.join("report.json"), bench_dir.join("report.md"));
    let md = rep.markdown();
    std::fs::write(&json_path, serde_json::to_string_pretty(&rep.json()).map_err(|e| e.to_string())? + "\n")
        .map_err(|e| format!("{}: {e}", json_path.display()))?;
    std::fs::write(&md_path, &md).map_err(|e| format!("{}: {e}", md_path.display()))?;
    println!("{md}");
    eprintln!("xtask: wrote {} and {}", json_path.display(), md_path.display());
    let failed: Vec<String> = rep
        .rows
        .iter()
        .filter(|r| r.is_failure())
        .map(|r| format!("{} ({})", r.name, r.check.as_deref().unwrap_or("?")))
        .collect();
    if failed.is_empty() { Ok(()) } else { Err(format!("failed workloads: {}", failed.join(", "))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_arguments() {
        assert_eq!(parse(&[]).unwrap(), Opts::default());
        let o = parse(&s(&["--vs-scipy", "--quick", "--filter", "sort"])).unwrap();
        assert_eq!(
            o,
            Opts { vs_scipy: true, quick: true, filter: Some("sort".into()), features: None, rounds: None }
        );
        assert_eq!(o.rounds(), 1);
        let o = parse(&s(&["--vs-scipy", "--rounds", "5"])).unwrap();
        assert_eq!((o.rounds, o.rounds()), (Some(5), 5));
        assert_eq!(parse(&s(&["--vs-scipy"])).unwrap().rounds(), 3);
        assert!(parse(&s(&["--rounds", "0"])).unwrap_err().contains("positive integer"));
        assert!(parse(&s(&["--rounds"])).unwrap_err().contains("needs a number"));
        let o = parse(&s(&["--vs-scipy", "--features", "lapack"])).unwrap();
        assert_eq!(o.features.as_deref(), Some("lapack"));
        assert!(parse(&s(&["--filter"])).unwrap_err().contains("needs a pattern"));
        assert!(parse(&s(&["--features"])).unwrap_err().contains("needs a list"));
        assert!(parse(&s(&["--fast"])).unwrap_err().contains("unknown bench argument"));
    }
}

//! `vs_scipy`: the Rust side of the side-by-side report (normally driven by
//! `cargo xtask bench --vs-scipy`).
//!
//! ```text
//! vs_scipy list [--filter PAT]                 one line per workload: name TAB description
//! vs_scipy info                                the build's features and backends, as JSON
//! vs_scipy run NAME --data DIR [--quick] [--rounds N]
//!                                              write inputs, time sci, write outputs, print JSON
//! ```
//!
//! `run` writes the inputs as `DIR/NAME.<input>.npy`, the outputs of the last timed call as
//! `DIR/out/NAME.<output>.npy`, and prints one JSON line
//! `{"name", "sci_ms", "min_ms", "runs", "samples", "outputs"}` (or `{"name", "error"}` and
//! exits 1). `--rounds N` says this run is one of `N` that the caller alternates with the
//! NumPy side: it times for `1/N` of the budget ([`Budget::share`]); `samples` lists every
//! timed call (ms) for the caller to pool.

use sci_benches::registry::{Inputs, select};
use sci_benches::timing::{Budget, measure};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: vs_scipy list [--filter PAT] | vs_scipy info | vs_scipy run NAME --data DIR [--quick] [--rounds N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("list") => list(&args[1..]),
        Some("info") => {
            println!("{}", info());
            Ok(())
        }
        Some("run") => run(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vs_scipy: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `flag`, if present.
fn option<'a>(args: &'a [String], flag: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) => args.get(i + 1).map(|s| Some(s.as_str())).ok_or_else(|| format!("{flag} needs a value")),
    }
}

/// The cargo features this binary was built with and the sci-linalg backend they select:
/// `{"features": [...], "linalg_backend": "faer" | "lapack"}`.
fn info() -> serde_json::Value {
    let lapack = cfg!(feature = "lapack");
    let features: Vec<&str> = if lapack { vec!["lapack"] } else { vec![] };
    json!({"features": features, "linalg_backend": if lapack { "lapack" } else { "faer" }})
}

fn list(args: &[String]) -> Result<(), String> {
    for w in select(option(args, "--filter")?) {
        println!("{}\t{}", w.name, w.about);
    }
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let name = args.first().filter(|a| !a.starts_with("--")).ok_or(USAGE)?;
    let data = PathBuf::from(option(args, "--data")?.ok_or("run needs --data DIR")?);
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = match option(args, "--rounds")? {
        None => 1,
        Some(r) => r
            .parse::<usize>()
            .ok()
            .filter(|&r| r > 0)
            .ok_or_else(|| format!("--rounds needs a positive integer, got {r:?}"))?,
    };
    let workload = select(None)
        .into_iter()
        .find(|w| w.name == name)
        .ok_or_else(|| format!("no workload named {name:?} (see `vs_scipy list`)"))?;
    let out_dir = data.join("out");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    remove_outputs(&out_dir, name)?;

    let outcome = (|| {
        let mut case = (workload.setup)(&mut Inputs::new(&data, name))?;
        let (timing, last) = measure(Budget::new(quick).share(rounds), &mut case);
        let outputs = last?;
        let mut names = Vec::new();
        for (o, arr) in &outputs {
            let p = out_dir.join(format!("{name}.{o}.npy"));
            arr.save(&p)?;
            names.push(*o);
        }
        Ok::<_, String>(json!({
            "name": name,
            "sci_ms": timing.median_ms,
            "min_ms": timing.min_ms,
            "runs": timing.runs,
            "samples": timing.samples_ms,
            "outputs": names,
        }))
    })();
    match outcome {
        Ok(v) => {
            println!("{v}");
            Ok(())
        }
        Err(e) => {
            println!("{}", json!({"name": name, "error": e}));
            Err(format!("{name}: {e}"))
        }
    }
}

/// Removes `out_dir/NAME.*.npy` so a failed run never leaves an older output to compare.
fn remove_outputs(out_dir: &Path, name: &str) -> Result<(), String> {
    let prefix = format!("{name}.");
    for entry in std::fs::read_dir(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))? {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)) {
            std::fs::remove_file(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    Ok(())
}

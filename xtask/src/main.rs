//! `cargo xtask`: the project's automation, one place for what CI and developers run.
//!
//! ```text
//! cargo xtask ci [--keep-going]   fmt check, clippy -D warnings, tests (incl. doctests), tour
//! cargo xtask test                the README's test command: cargo test --workspace
//! cargo xtask fixtures            regenerate every SciPy/NumPy fixture (needs numpy + scipy)
//! cargo xtask doc [--names-only]  rebuild docs/scipy-names.md (checked against the sources) + rustdoc
//! cargo xtask bench [--vs-scipy] [--quick] [--filter PAT] [--features F]
//! cargo xtask tour                run every tutorial example, write target/tour/
//! ```

mod bench;
mod names;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "ci" => ci(rest),
        "test" => test(),
        "fixtures" => fixtures(),
        "doc" => doc(rest),
        "bench" => bench::run(rest),
        "tour" => tour(rest),
        "help" | "--help" | "-h" => {
            println!("{}", HELP);
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "usage: cargo xtask <ci [--keep-going] | test | fixtures | doc [--names-only] | bench [--vs-scipy] [--quick] [--filter PAT] [--features F] | tour>";

/// The workspace root, found from this crate's manifest directory.
///
/// `cargo run` sets `CARGO_MANIFEST_DIR` for the running binary too; that run-time value wins over
/// the compile-time one, so a binary built from another checkout sharing the target directory
/// still works on this one.
pub(crate) fn root() -> PathBuf {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    dir.parent().map(Path::to_path_buf).unwrap_or(dir)
}

/// Runs a command in the workspace root, failing with its name when it fails.
pub(crate) fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

fn test() -> Result<(), String> {
    run(&cargo(), &["test", "--workspace"])
}

fn ci(args: &[String]) -> Result<(), String> {
    let keep_going = args.iter().any(|a| a == "--keep-going");
    let c = cargo();
    let steps: Vec<(&str, Vec<&str>)> = vec![
        ("fmt", vec!["fmt", "--all", "--check"]),
        ("clippy", vec!["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
        ("test", vec!["test", "--workspace"]),
        ("tour", vec!["xtask", "tour"]),
    ];
    let mut failed = Vec::new();
    for (name, step) in steps {
        if let Err(e) = run(&c, &step) {
            if !keep_going {
                return Err(format!("ci step {name}: {e}"));
            }
            failed.push(name);
        }
    }
    if failed.is_empty() { Ok(()) } else { Err(format!("ci steps failed: {}", failed.join(", "))) }
}

/// The Python interpreter to use for fixtures and reference benchmarks.
pub(crate) fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// True when `python` can import numpy and scipy.
pub(crate) fn have_scipy() -> bool {
    Command::new(python()).args(["-c", "import numpy, scipy"]).status().map(|s| s.success()).unwrap_or(false)
}

fn fixtures() -> Result<(), String> {
    if !have_scipy() {
        return Err(format!(
            "{} cannot import numpy and scipy; install them first: pip install numpy scipy scikit-image",
            python()
        ));
    }
    let dir = root().join("tools").join("fixtures");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "py")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .collect();
    scripts.sort();
    for s in scripts {
        run(&python(), &[s.to_str().expect("utf-8 path")])?;
    }
    Ok(())
}

fn doc(args: &[String]) -> Result<(), String> {
    names::build(&root())?;
    if args.iter().any(|a| a == "--names-only") {
        return Ok(());
    }
    run(&cargo(), &["doc", "--workspace", "--no-deps"])
}

fn tour(args: &[String]) -> Result<(), String> {
    let mut a = vec!["run", "--package", "sci-tour", "--"];
    a.extend(args.iter().map(String::as_str));
    run(&cargo(), &a)
}

//! `cargo xtask tour`: runs every example of the tutorials sci is built from, on built-in or
//! generated data, checks each value against SciPy's (embedded from `tour/reference/*.json`, made by
//! `tools/fixtures/tour_*.py`), draws the figures and writes `target/tour/`:
//! `index.html`, the PNG figures and `results.json`. Exits non-zero when any value misses.

// ndarray's `s![1..-1]` counts from the end, NumPy style; clippy reads it as an empty range.
#![allow(clippy::reversed_empty_ranges)]

mod array;
mod cluster;
mod fft;
mod images;
mod integrate;
mod interpolate;
mod linalg;
mod ndimage;
mod optimize;
mod plot;
mod report;
mod signal;
mod sparse;
mod spatial;
mod special;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        manifest.parent().map(|p| p.join("target")).unwrap_or(manifest)
    });
    target.join("tour")
}

fn main() -> ExitCode {
    let dir = out_dir();
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("tour: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut tour = report::Tour::new();
    type Chapter = fn(&mut report::Tour, &std::path::Path) -> Result<(), Box<dyn std::error::Error>>;
    let chapters: Vec<(&str, Chapter)> = vec![
        ("array", array::run),
        ("linalg", linalg::run),
        ("fft", fft::run),
        ("signal", signal::run),
        ("ndimage", ndimage::run),
        ("sparse", sparse::run),
        ("special", special::run),
        ("stats", stats::run),
        ("optimize", optimize::run),
        ("integrate", integrate::run),
        ("interpolate", interpolate::run),
        ("spatial", spatial::run),
        ("cluster", cluster::run),
    ];
    let mut broken = Vec::new();
    for (name, chapter) in chapters {
        if let Err(e) = chapter(&mut tour, &dir) {
            eprintln!("tour: chapter {name} failed: {e}");
            broken.push(name);
        }
    }
    if let Err(e) = tour.write(&dir) {
        eprintln!("tour: cannot write results: {e}");
        return ExitCode::FAILURE;
    }
    let failed: Vec<&str> = tour.examples().filter(|e| !e.ok).map(|e| e.id.as_str()).collect();
    let total = tour.examples().count();
    println!(
        "tour: {} passed, {} failed; see {}",
        total - failed.len(),
        failed.len(),
        dir.join("index.html").display()
    );
    if failed.is_empty() && broken.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

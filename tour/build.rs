//! Embeds every `reference/*.json` (SciPy's values, one file per generator under
//! `tools/fixtures/`) into the tour binary, so it never reads files outside itself at run time.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("reference");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tour/reference exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut code = String::from(
        "/// Embedded reference files: (file name, JSON text).\npub const REFERENCES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().expect("file name").to_string_lossy();
        writeln!(code, "    ({name:?}, include_str!({:?})),", f.display().to_string())
            .expect("write to String");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("references.rs");
    std::fs::write(out, code).expect("write references.rs");
}

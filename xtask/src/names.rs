//! The SciPy-to-sci name table: `docs/scipy-names.md`.
//!
//! Inputs: `docs/names/_public.txt` (every public NumPy/SciPy name, listed by
//! `tools/names/list_public_names.py`) and the hand-kept `docs/names/<area>.tsv` rows
//! (`name<TAB>sci path<TAB>done|partial|missing<TAB>note`). Every public name gets a row in the
//! table: where it lives in sci, or "missing". A `done` row whose item cannot be found in the
//! crate's sources is an error, so the table cannot claim what the code does not have.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

struct Row {
    path: String,
    status: String,
    note: String,
}

/// Modules a `<area>.tsv` file may speak for when its rows give bare names.
fn modules_for(area: &str) -> &'static [&'static str] {
    match area.split('-').next().unwrap_or("") {
        "array" => &["numpy", "numpy.random", "numpy.testing", "numpy.lib.stride_tricks"],
        "io" => &["numpy", "scipy.io"],
        "linalg" => &["scipy.linalg", "numpy.linalg", "numpy"],
        "fft" => &["scipy.fft", "numpy.fft"],
        "signal" => &["scipy.signal"],
        "sparse" => &["scipy.sparse", "scipy.sparse.linalg", "scipy.sparse.csgraph"],
        "ndimage" => &["scipy.ndimage"],
        "optimize" => &["scipy.optimize"],
        "stats" => &["scipy.stats"],
        "spatial" => &["scipy.spatial", "scipy.spatial.distance"],
        "special" => &["scipy.special"],
        "integrate" => &["scipy.integrate"],
        "interpolate" => &["scipy.interpolate"],
        "cluster" => &["scipy.cluster.vq", "scipy.cluster.hierarchy"],
        _ => &[],
    }
}

/// Builds `docs/scipy-names.md`; fails when a `done` row names an item the sources lack.
pub(crate) fn build(root: &Path) -> Result<(), String> {
    let dir = root.join("docs").join("names");
    let public = std::fs::read_to_string(dir.join("_public.txt"))
        .map_err(|e| format!("docs/names/_public.txt: {e} (run tools/names/list_public_names.py)"))?;
    let public: Vec<(String, String)> = public
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(m, n)| (m.to_string(), n.to_string()))
        .collect();

    // (module, name) -> row
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for file in files {
        let area = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (lineno, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                problems.push(format!("{}:{}: expected name, path, status", file.display(), lineno + 1));
                continue;
            }
            let (name, path, status) = (cols[0].trim(), cols[1].trim(), cols[2].trim());
            // `numpy.load (npz)` or `numpy.frombuffer(...)`: the name is what precedes the remark.
            let name = name.split(['(', ' ']).next().unwrap_or(name);
            let note = cols.get(3).map(|s| s.trim()).unwrap_or("").to_string();
            if status == "done" && !item_exists(root, path) {
                problems.push(format!(
                    "{}:{}: {name} is marked done but `{path}` is not found in the sources",
                    file.display(),
                    lineno + 1
                ));
            }
            let keys: Vec<(String, String)> = match name.rsplit_once('.') {
                Some((m, n)) if m.starts_with("numpy") || m.starts_with("scipy") => {
                    vec![(m.to_string(), n.to_string())]
                }
                _ => modules_for(&area)
                    .iter()
                    .filter(|m| public.iter().any(|(pm, pn)| pm == *m && pn == name))
                    .take(1)
                    .map(|m| (m.to_string(), name.to_string()))
                    .collect(),
            };
            let keys = if keys.is_empty() {
                vec![(modules_for(&area).first().copied().unwrap_or("other").to_string(), name.to_string())]
            } else {
                keys
            };
            for key in keys {
                let row = Row { path: path.to_string(), status: status.to_string(), note: note.clone() };
                // A done row wins over a partial or missing one for the same name.
                let better = rows.get(&key).is_none_or(|r| rank(&row.status) > rank(&r.status));
                if better {
                    rows.insert(key, row);
                }
            }
        }
    }
    for (m, n) in &public {
        rows.entry((m.clone(), n.clone())).or_insert(Row {
            path: String::new(),
            status: "missing".to_string(),
            note: String::new(),
        });
    }

    let mut md = String::from(
        "# SciPy and NumPy names in sci\n\n\
         Generated by `cargo xtask doc` from `docs/names/*.tsv` and the list of public NumPy/SciPy\n\
         names in `docs/names/_public.txt`. Do not edit by hand: edit the `.tsv` rows.\n\n",
    );
    let mut by_module: BTreeMap<&str, Vec<(&str, &Row)>> = BTreeMap::new();
    for ((m, n), r) in &rows {
        by_module.entry(m.as_str()).or_default().push((n.as_str(), r));
    }
    md.push_str("| module | done | partial | missing |\n|---|---|---|---|\n");
    for (m, list) in &by_module {
        let count = |s: &str| list.iter().filter(|(_, r)| r.status == s).count();
        let _ = writeln!(md, "| `{m}` | {} | {} | {} |", count("done"), count("partial"), count("missing"));
    }
    for (m, list) in &by_module {
        let _ = writeln!(md, "\n## `{m}`\n\n| name | sci | status | note |\n|---|---|---|---|");
        for (n, r) in list {
            let path = if r.path.is_empty() { String::new() } else { format!("`{}`", r.path) };
            let _ = writeln!(md, "| `{n}` | {path} | {} | {} |", r.status, r.note.replace('|', "\\|"));
        }
    }
    std::fs::write(root.join("docs").join("scipy-names.md"), md).map_err(|e| e.to_string())?;
    eprintln!("wrote docs/scipy-names.md ({} names)", rows.len());
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

fn rank(status: &str) -> u8 {
    match status {
        "done" => 2,
        "partial" => 1,
        _ => 0,
    }
}

/// True when `path` (`crate_name::...::item` or `crate_name::Type::method`) names an item that
/// is declared somewhere in that crate's sources.
fn item_exists(root: &Path, path: &str) -> bool {
    let path = path.split(['(', ' ']).next().unwrap_or(path);
    // Provided by ndarray itself (the array type sci re-exports): nothing of ours to look for.
    if path.starts_with("ndarray::") {
        return true;
    }
    let mut parts = path.split("::");
    let Some(krate) = parts.next() else { return false };
    let Some(item) = path.rsplit("::").next() else { return false };
    let dir = root.join("crates").join(krate.replace('_', "-")).join("src");
    let needles = [
        format!("fn {item}"),
        format!("struct {item}"),
        format!("enum {item}"),
        format!("trait {item}"),
        format!("type {item}"),
        format!("mod {item}"),
        format!("const {item}"),
        format!("{item}("),
        format!("{item} {{"),
        format!("{item},"),
        format!("pub {item}:"),
    ];
    search(&dir, &needles)
}

fn search(dir: &Path, needles: &[String]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if search(&p, needles) {
                return true;
            }
        } else if p.extension().is_some_and(|x| x == "rs")
            && let Ok(text) = std::fs::read_to_string(&p)
            && needles.iter().any(|n| text.contains(n.as_str()))
        {
            return true;
        }
    }
    false
}

//! Results of the tour: each example's value next to SciPy's reference, and the HTML page.

use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;

// SciPy's reference values, computed by `tools/fixtures/tour_*.py` into `tour/reference/*.json`
// and embedded by build.rs as `REFERENCES`.
include!(concat!(env!("OUT_DIR"), "/references.rs"));

/// How a value is compared with its reference.
#[derive(Debug, Clone, Copy)]
pub struct Tolerance {
    /// Relative tolerance on floats.
    pub rtol: f64,
    /// Absolute tolerance on floats (for reference values at or near zero).
    pub atol: f64,
}

impl Tolerance {
    /// The tutorial list's default: floats to rtol 1e-9. The tiny atol only matters where the
    /// reference is exactly zero and the computed value is round-off (e.g. a DCT bin of 1e-16).
    pub const DEFAULT: Self = Self { rtol: 1e-9, atol: 1e-12 };
}

/// One checked example.
#[derive(Debug, Clone)]
pub struct Example {
    /// The tutorial id, e.g. `array.fancy_diag`.
    pub id: String,
    /// What sci computed.
    pub value: Value,
    /// What SciPy computed.
    pub reference: Value,
    /// Whether they agree.
    pub ok: bool,
}

/// A figure written by a chapter.
#[derive(Debug, Clone)]
pub struct Figure {
    /// File name inside the output folder.
    pub file: String,
    /// What it shows.
    pub caption: String,
}

/// Collects examples and figures, chapter by chapter.
#[derive(Debug)]
pub struct Tour {
    reference: Value,
    chapters: Vec<(String, Vec<Example>, Vec<Figure>, Vec<String>)>,
}

impl Tour {
    /// A tour with the embedded references.
    pub fn new() -> Self {
        let mut meta = Value::Null;
        let mut values = serde_json::Map::new();
        for (name, text) in REFERENCES {
            let file: Value = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("embedded reference/{name} is not valid JSON: {e}"));
            if meta.is_null() {
                meta = file["_meta"].clone();
            }
            if let Some(map) = file["values"].as_object() {
                for (k, v) in map {
                    values.insert(k.clone(), v.clone());
                }
            }
        }
        let reference = json!({ "_meta": meta, "values": values });
        Self { reference, chapters: Vec::new() }
    }

    /// The numpy/scipy versions the references come from.
    pub fn reference_versions(&self) -> String {
        let m = &self.reference["_meta"];
        format!("NumPy {}, SciPy {}", m["numpy"].as_str().unwrap_or("?"), m["scipy"].as_str().unwrap_or("?"))
    }

    /// Starts a chapter; later calls add to it.
    pub fn chapter(&mut self, title: &str) {
        self.chapters.push((title.to_string(), Vec::new(), Vec::new(), Vec::new()));
    }

    fn current(&mut self) -> &mut (String, Vec<Example>, Vec<Figure>, Vec<String>) {
        self.chapters.last_mut().expect("chapter() is called first")
    }

    /// Checks `value` against the reference of `id` with the default tolerance.
    pub fn check(&mut self, id: &str, value: Value) {
        self.check_tol(id, value, Tolerance::DEFAULT);
    }

    /// Checks `value` against the reference of `id` with the given tolerance.
    pub fn check_tol(&mut self, id: &str, value: Value, tol: Tolerance) {
        let reference = self.reference["values"].get(id).cloned().unwrap_or(Value::Null);
        let ok = !reference.is_null() && close(&value, &reference, tol);
        println!("{} {id}", if ok { "ok  " } else { "FAIL" });
        if !ok {
            println!("     value:     {value}\n     reference: {reference}");
        }
        self.current().1.push(Example { id: id.to_string(), value, reference, ok });
    }

    /// Records an example without a SciPy value (random data): `ok` is the tutorial's own check.
    pub fn check_claim(&mut self, id: &str, value: Value, claim: &str, ok: bool) {
        println!("{} {id} ({claim})", if ok { "ok  " } else { "FAIL" });
        let reference = json!({ "claim": claim });
        self.current().1.push(Example { id: id.to_string(), value, reference, ok });
    }

    /// Records a figure.
    pub fn figure(&mut self, file: &str, caption: &str) {
        self.current().2.push(Figure { file: file.to_string(), caption: caption.to_string() });
    }

    /// Adds a paragraph of text to the chapter.
    pub fn note(&mut self, text: &str) {
        self.current().3.push(text.to_string());
    }

    /// All examples.
    pub fn examples(&self) -> impl Iterator<Item = &Example> {
        self.chapters.iter().flat_map(|c| c.1.iter())
    }

    /// Writes `results.json` and `index.html` into `dir`.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let examples: Vec<Value> = self
            .examples()
            .map(|e| json!({"id": e.id, "value": e.value, "reference": e.reference, "ok": e.ok}))
            .collect();
        let results = json!({ "reference": self.reference_versions(), "examples": examples });
        std::fs::write(dir.join("results.json"), serde_json::to_string_pretty(&results)? + "\n")?;
        std::fs::write(dir.join("index.html"), self.html())
    }

    fn html(&self) -> String {
        let total = self.examples().count();
        let passed = self.examples().filter(|e| e.ok).count();
        let mut h = String::new();
        let _ = write!(
            h,
            "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>sci tour</title>\n<style>\
             body{{font-family:sans-serif;max-width:1100px;margin:2em auto;}}\
             table{{border-collapse:collapse;width:100%;font-size:90%}}\
             td,th{{border:1px solid #ccc;padding:3px 6px;vertical-align:top}}\
             td.v{{font-family:monospace;max-width:380px;overflow-wrap:anywhere}}\
             .ok{{color:#070}}.fail{{color:#b00;font-weight:bold}}\
             figure{{display:inline-block;margin:8px}} img{{max-width:520px;border:1px solid #ddd}}\
             </style></head><body>\n<h1>The sci tour</h1>\n<p>{passed} of {total} examples agree with \
             the reference values ({}).</p>\n",
            escape(&self.reference_versions())
        );
        for (title, examples, figures, notes) in &self.chapters {
            let _ = writeln!(h, "<h2>{}</h2>", escape(title));
            for n in notes {
                let _ = writeln!(h, "<p>{}</p>", escape(n));
            }
            if !examples.is_empty() {
                h.push_str("<table><tr><th>id</th><th>sci</th><th>SciPy / claim</th><th></th></tr>\n");
                for e in examples {
                    let _ = writeln!(
                        h,
                        "<tr><td>{}</td><td class=\"v\">{}</td><td class=\"v\">{}</td><td class=\"{}\">{}</td></tr>",
                        escape(&e.id),
                        escape(&e.value.to_string()),
                        escape(&e.reference.to_string()),
                        if e.ok { "ok" } else { "fail" },
                        if e.ok { "ok" } else { "MISMATCH" }
                    );
                }
                h.push_str("</table>\n");
            }
            for f in figures {
                let _ = writeln!(
                    h,
                    "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    escape(&f.file),
                    escape(&f.caption),
                    escape(&f.caption)
                );
            }
        }
        h.push_str("</body></html>\n");
        h
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Structural comparison: same shape of lists, integers exactly, floats within tolerance.
pub fn close(value: &Value, reference: &Value, tol: Tolerance) -> bool {
    match (value, reference) {
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| close(x, y, tol))
        }
        (Value::Number(x), Value::Number(y)) => {
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64()) {
                return x == y;
            }
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            (x - y).abs() <= tol.atol + tol.rtol * y.abs()
        }
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_exact_and_floats_relative() {
        let t = Tolerance::DEFAULT;
        assert!(close(&json!([1, 2]), &json!([1, 2]), t));
        assert!(!close(&json!([1, 2]), &json!([1, 3]), t));
        assert!(close(&json!(1.0 + 1e-12), &json!(1.0), t));
        assert!(!close(&json!(1.0 + 1e-6), &json!(1.0), t));
        assert!(!close(&json!([1.0]), &json!([1.0, 2.0]), t));
        assert!(close(&json!(1e-17), &json!(0.0), t));
    }

    #[test]
    fn every_reference_parses() {
        let tour = Tour::new();
        assert!(tour.reference["values"]["array.fancy_diag"].is_array());
        assert!(tour.reference_versions().contains("SciPy"));
    }
}

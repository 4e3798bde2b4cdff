//! The side-by-side report of `cargo xtask bench --vs-scipy`: rows, `report.json`, `report.md`.

use serde_json::{Value, json};
use std::process::Command;

/// One workload's result.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Row {
    pub name: String,
    pub about: String,
    pub sci_ms: Option<f64>,
    pub sci_runs: Option<u64>,
    pub ref_ms: Option<f64>,
    pub ref_runs: Option<u64>,
    /// The library a row times and its version, e.g. `scipy 1.17.1` or `numpy 2.4.6`.
    pub reference: Option<String>,
    /// `ok`, `mismatch`, `no-reference`, `sci-error`, `numpy-error`, `no-sci-output`.
    pub check: Option<String>,
    pub detail: String,
}

impl Row {
    pub fn new(name: &str, about: &str) -> Self {
        Row { name: name.to_string(), about: about.to_string(), ..Row::default() }
    }

    /// Records a failure (the first one wins).
    pub fn fail(&mut self, check: &str, detail: &str) {
        if self.check.is_none() || self.check.as_deref() == Some("ok") {
            self.check = Some(check.to_string());
            self.detail = detail.to_string();
        }
    }

    /// `sci_ms / ref_ms` when both sides ran.
    pub fn ratio(&self) -> Option<f64> {
        match (self.sci_ms, self.ref_ms) {
            (Some(s), Some(r)) if r > 0.0 => Some(s / r),
            _ => None,
        }
    }

    /// A failed side or differing outputs (a missing NumPy is not a failure).
    pub fn is_failure(&self) -> bool {
        !matches!(self.check.as_deref(), Some("ok") | Some("no-reference"))
    }

    pub fn json(&self) -> Value {
        json!({
            "name": self.name,
            "sci_ms": self.sci_ms,
            "ref_ms": self.ref_ms,
            "ratio": self.ratio(),
            "ref": self.reference,
            "check": self.check,
            "detail": self.detail,
            "sci_runs": self.sci_runs,
            "ref_runs": self.ref_runs,
            "about": self.about,
        })
    }

    /// One line for the progress output.
    pub fn progress_line(&self) -> String {
        format!(
            "{:<32} sci {:>10}  numpy {:>10}  ratio {:>6}  {}",
            self.name,
            ms(self.sci_ms),
            ms(self.ref_ms),
            self.ratio().map_or("-".to_string(), |r| format!("{r:.2}")),
            self.check.as_deref().unwrap_or("?")
        )
    }
}

fn ms(v: Option<f64>) -> String {
    match v {
        None => "-".to_string(),
        Some(v) if v >= 100.0 => format!("{v:.0}"),
        Some(v) if v >= 1.0 => format!("{v:.2}"),
        Some(v) => format!("{v:.4}"),
    }
}

/// Everything written to `report.json` / `report.md`.
#[derive(Debug)]
pub(crate) struct Report {
    pub quick: bool,
    /// Alternations of the two sides per workload (`--rounds`).
    pub rounds: usize,
    /// `vs_scipy info`: the sci build's features and sci-linalg backend.
    pub sci: Value,
    /// `vs_numpy.py info` (versions, BLAS), `None` without NumPy.
    pub python: Option<Value>,
    pub rows: Vec<Row>,
    pub load_before: Option<String>,
    pub load_after: Option<String>,
    /// Wall time of the measurements (inputs, both sides, checks), without the build.
    pub elapsed_s: f64,
}

impl Report {
    fn version(&self, key: &str) -> Option<String> {
        self.python.as_ref().and_then(|p| p[key].as_str()).map(str::to_string)
    }

    pub fn json(&self) -> Value {
        json!({
            "host": host(),
            "git_rev": git_rev(),
            "time": utc_now(),
            "numpy": self.version("numpy"),
            "scipy": self.version("scipy"),
            "python": self.python,
            "mode": if self.quick { "quick" } else { "full" },
            "rounds": self.rounds,
            "sci": self.sci,
            "loadavg_before": self.load_before,
            "loadavg_after": self.load_after,
            "elapsed_s": self.elapsed_s,
            "rows": self.rows.iter().map(Row::json).collect::<Vec<_>>(),
        })
    }

    pub fn markdown(&self) -> String {
        let h = host();
        let mut s = String::from("# sci vs NumPy/SciPy\n\n");
        s += &format!(
            "- time: {} (git {})\n- host: {}, {} CPUs ({}), {}, transparent huge pages: {}\n- reference: {}, scipy {}, BLAS {}, NumPy SIMD {}\n",
            utc_now(),
            git_rev(),
            h["hostname"].as_str().unwrap_or("?"),
            h["cpus"],
            h["cpu_model"].as_str().unwrap_or("?"),
            h["os"].as_str().unwrap_or("?"),
            h["transparent_hugepage"].as_str().unwrap_or("?"),
            self.version("numpy")
                .map_or("none (pip install numpy scipy)".to_string(), |v| format!("numpy {v}")),
            self.version("scipy").unwrap_or_else(|| "-".to_string()),
            self.python.as_ref().and_then(|p| p["blas"]["version"].as_str()).unwrap_or("-"),
            self.python.as_ref().and_then(|p| p["simd_found"].as_array()).map_or("-".to_string(), |v| v
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" ")),
        );
        let features: Vec<&str> =
            self.sci["features"].as_array().map_or(vec![], |v| v.iter().filter_map(Value::as_str).collect());
        s += &format!(
            "- sci: features {}; sci-linalg backend: {}\n",
            if features.is_empty() { "default".to_string() } else { features.join(", ") },
            match self.sci["linalg_backend"].as_str() {
                Some("lapack") => "lapack (the system OpenBLAS's LAPACK)",
                Some("faer") => "faer (pure Rust)",
                _ => "?",
            }
        );
        s += &format!(
            "- mode: {}, {} round(s) per workload ({:.0} s); load average before: {}, after: {} (on a busy machine the numbers are noisy)\n\n",
            if self.quick { "quick" } else { "full" },
            self.rounds,
            self.elapsed_s,
            self.load_before.as_deref().unwrap_or("?"),
            self.load_after.as_deref().unwrap_or("?"),
        );
        s += "ratio = sci_ms / ref_ms (median wall time of all calls of the rounds, sci and reference alternating; \
              ref = the NumPy or SciPy call of the row): \
              below 1.0 sci is faster; **bold** rows marked `slower` are above 1.0.\n\n";
        s += "| workload | sci ms | ref ms | ratio | ref | check |\n|---|---:|---:|---:|---|---|\n";
        for r in &self.rows {
            let ratio = match r.ratio() {
                Some(x) if x > 1.0 => format!("**{x:.2}** slower"),
                Some(x) => format!("{x:.2}"),
                None => "-".to_string(),
            };
            let check = match (r.check.as_deref(), r.detail.is_empty()) {
                (Some(c), true) => c.to_string(),
                (Some(c), false) => format!("{c}: {}", r.detail.replace('|', "\\|")),
                (None, _) => "?".to_string(),
            };
            s += &format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                r.name,
                ms(r.sci_ms),
                ms(r.ref_ms),
                ratio,
                r.reference.as_deref().unwrap_or("-"),
                check
            );
        }
        s
    }
}

/// `/proc/loadavg`'s first three fields, where available.
pub(crate) fn loadavg() -> Option<String> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

fn host() -> Value {
    let hostname = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok());
    let cpu_model = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|s| {
        s.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, m)| m.trim().to_string())
    });
    // NumPy madvises huge pages for large arrays; with THP in `madvise` mode only it gets them,
    // which makes fresh large outputs much cheaper to fault in than 4 KiB pages.
    let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").ok().and_then(|s| {
        s.split_whitespace().find(|w| w.starts_with('[')).map(|w| w.trim_matches(['[', ']']).to_string())
    });
    json!({
        "hostname": hostname,
        "cpus": std::thread::available_parallelism().map(|n| n.get()).ok(),
        "cpu_model": cpu_model,
        "transparent_hugepage": thp,
        "os": format!("{}-{}", std::env::consts::OS, std::env::consts::ARCH),
    })
}

/// `git rev-parse HEAD`, with `-dirty` when the work tree has changes.
fn git_rev() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(crate::root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "HEAD"]) {
        None => "unknown".to_string(),
        Some(rev) => match git(&["status", "--porcelain", "--untracked-files=no"]) {
            Some(st) if !st.is_empty() => format!("{rev}-dirty"),
            _ => rev,
        },
    }
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    iso8601(secs)
}

/// `secs` since the Unix epoch as an ISO 8601 UTC time (H. Hinnant's civil-from-days).
fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_known_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn rows_ratio_and_markdown() {
        let mut fast = Row::new("array.a", "");
        fast.sci_ms = Some(1.0);
        fast.ref_ms = Some(4.0);
        fast.check = Some("ok".into());
        fast.reference = Some("scipy 1.17.1".into());
        let mut slow = Row::new("array.b", "");
        slow.sci_ms = Some(3.0);
        slow.ref_ms = Some(2.0);
        slow.fail("mismatch", "y: max |diff| 1");
        let mut alone = Row::new("array.c", "");
        alone.sci_ms = Some(3.0);
        alone.check = Some("no-reference".into());
        assert_eq!(fast.ratio(), Some(0.25));
        assert_eq!(alone.ratio(), None);
        assert!(!fast.is_failure() && slow.is_failure() && !alone.is_failure());
        let rep = Report {
            quick: true,
            rounds: 1,
            sci: json!({"features": ["lapack"], "linalg_backend": "lapack"}),
            python: None,
            rows: vec![fast, slow, alone],
            load_before: None,
            load_after: None,
            elapsed_s: 12.0,
        };
        let md = rep.markdown();
        assert!(md.contains("| array.a | 1.00 | 4.00 | 0.25 | scipy 1.17.1 | ok |"), "{md}");
        assert!(md.contains("**1.50** slower"), "{md}");
        assert!(md.contains("mismatch: y: max \\|diff\\| 1"), "{md}");
        assert!(md.contains("mode: quick, 1 round(s) per workload (12 s)"), "{md}");
        assert!(md.contains("- sci: features lapack; sci-linalg backend: lapack"), "{md}");
        let j = rep.json();
        assert_eq!(j["sci"]["linalg_backend"], "lapack");
        assert_eq!(j["rounds"], 1);
        assert_eq!(j["rows"][0]["ratio"], 0.25);
        assert!(j["rows"][2]["ref_ms"].is_null());
        assert!(j["numpy"].is_null());
    }
}

//! Reading the JSON reference files written by `tools/fixtures/*.py`.
//!
//! The generators write one JSON object per file. Arrays are stored as
//! `{"dtype": "float64", "shape": [2, 3], "data": [...]}` with `data` flat in C order, so empty
//! arrays keep their shape; complex arrays store `[re, im]` pairs flattened; non-finite floats
//! are the strings `"nan"`, `"inf"` and `"-inf"` (plain JSON has no NaN).

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex64;
use serde_json::Value;
use std::path::Path;

/// One fixture file: a JSON object of named cases.
///
/// # Examples
///
/// ```
/// use sci_array::testing::fixture::Fixture;
/// let fx = Fixture::parse(r#"{"x": {"dtype": "float64", "shape": [2], "data": [1.0, "nan"]}}"#).unwrap();
/// let x = fx.array_f64("x");
/// assert_eq!(x.shape(), &[2]);
/// assert!(x[[1]].is_nan());
/// ```
#[derive(Debug, Clone)]
pub struct Fixture {
    root: Value,
}

impl Fixture {
    /// Reads a fixture file.
    ///
    /// # Errors
    ///
    /// A message when the file is missing or is not JSON.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, String> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses fixture text.
    ///
    /// # Errors
    ///
    /// A message when the text is not JSON.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map(|root| Self { root }).map_err(|e| e.to_string())
    }

    /// The raw JSON value at a `/`-separated path such as `"case3/x"`.
    ///
    /// # Panics
    ///
    /// When the path does not exist (a broken fixture is a test bug).
    #[track_caller]
    pub fn get(&self, path: &str) -> &Value {
        let mut v = &self.root;
        for part in path.split('/') {
            v = match v {
                Value::Object(m) => m.get(part),
                Value::Array(a) => part.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            }
            .unwrap_or_else(|| panic!("fixture has no entry {path:?}"));
        }
        v
    }

    /// The top-level keys (case names), sorted, without `_meta`.
    pub fn keys(&self) -> Vec<String> {
        match &self.root {
            Value::Object(m) => {
                let mut k: Vec<String> = m.keys().filter(|k| *k != "_meta").cloned().collect();
                k.sort();
                k
            }
            _ => Vec::new(),
        }
    }

    /// A float scalar.
    ///
    /// # Panics
    ///
    /// When the entry is missing or not a number.
    #[track_caller]
    pub fn f64(&self, path: &str) -> f64 {
        value_f64(self.get(path))
    }

    /// An integer scalar.
    ///
    /// # Panics
    ///
    /// When the entry is missing or not an integer.
    #[track_caller]
    pub fn i64(&self, path: &str) -> i64 {
        self.get(path).as_i64().unwrap_or_else(|| panic!("{path:?} is not an integer"))
    }

    /// A string.
    ///
    /// # Panics
    ///
    /// When the entry is missing or not a string.
    #[track_caller]
    pub fn str(&self, path: &str) -> &str {
        self.get(path).as_str().unwrap_or_else(|| panic!("{path:?} is not a string"))
    }

    /// A float array (any float, integer or bool dtype is converted).
    ///
    /// # Panics
    ///
    /// When the entry is missing or not an encoded array.
    #[track_caller]
    pub fn array_f64(&self, path: &str) -> ArrayD<f64> {
        let (shape, data) = encoded(self.get(path), path);
        let v: Vec<f64> = data.iter().map(value_f64).collect();
        ArrayD::from_shape_vec(IxDyn(&shape), v).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    }

    /// An integer array (`bool` becomes 0/1).
    ///
    /// # Panics
    ///
    /// When the entry is missing or not an encoded integer array.
    #[track_caller]
    pub fn array_i64(&self, path: &str) -> ArrayD<i64> {
        let (shape, data) = encoded(self.get(path), path);
        let v: Vec<i64> = data
            .iter()
            .map(|x| match x {
                Value::Bool(b) => i64::from(*b),
                _ => x.as_i64().unwrap_or_else(|| panic!("{path:?}: {x} is not an integer")),
            })
            .collect();
        ArrayD::from_shape_vec(IxDyn(&shape), v).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    }

    /// A boolean array.
    ///
    /// # Panics
    ///
    /// When the entry is missing or not an encoded array.
    #[track_caller]
    pub fn array_bool(&self, path: &str) -> ArrayD<bool> {
        self.array_i64(path).mapv(|x| x != 0)
    }

    /// A complex array (`data` holds `[re, im]` pairs flattened).
    ///
    /// # Panics
    ///
    /// When the entry is missing or not an encoded array.
    #[track_caller]
    pub fn array_c64(&self, path: &str) -> ArrayD<Complex64> {
        let (shape, data) = encoded(self.get(path), path);
        let v: Vec<Complex64> =
            data.chunks(2).map(|p| Complex64::new(value_f64(&p[0]), value_f64(&p[1]))).collect();
        ArrayD::from_shape_vec(IxDyn(&shape), v).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    }
}

#[track_caller]
fn encoded<'a>(v: &'a Value, path: &str) -> (Vec<usize>, &'a [Value]) {
    let shape = v
        .get("shape")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{path:?} is not an encoded array"))
        .iter()
        .map(|d| d.as_u64().expect("shape entries are integers") as usize)
        .collect();
    let data = v.get("data").and_then(Value::as_array).unwrap_or_else(|| panic!("{path:?} has no data"));
    (shape, data.as_slice())
}

#[track_caller]
fn value_f64(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("number fits f64"),
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            other => panic!("not a float: {other:?}"),
        },
        other => panic!("not a float: {other}"),
    }
}

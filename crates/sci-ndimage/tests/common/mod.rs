//! Helpers shared by the fixture tests.
#![allow(dead_code)]

use sci_array::ndarray::{ArrayD, ArrayViewD, Axis};
use sci_array::testing::fixture::Fixture;
use sci_ndimage::Mode;

/// The mode named in a case, with its `cval`.
pub fn mode(fx: &Fixture, case: &str) -> Mode {
    let cval = fx.f64(&format!("{case}/cval"));
    match fx.str(&format!("{case}/mode")) {
        "reflect" => Mode::Reflect,
        "constant" => Mode::Constant(cval),
        "nearest" => Mode::Nearest,
        "mirror" => Mode::Mirror,
        "wrap" => Mode::Wrap,
        "grid-wrap" => Mode::GridWrap,
        "grid-constant" => Mode::GridConstant(cval),
        "grid-mirror" => Mode::GridMirror,
        m => panic!("unknown mode {m}"),
    }
}

/// A scalar or array of integers as a Vec.
pub fn ints(fx: &Fixture, path: &str) -> Vec<i64> {
    let v = fx.get(path);
    if v.is_i64() { vec![fx.i64(path)] } else { fx.array_i64(path).iter().copied().collect() }
}

/// A scalar or array of floats as a Vec.
pub fn floats(fx: &Fixture, path: &str) -> Vec<f64> {
    let v = fx.get(path);
    if v.is_number() { vec![fx.f64(path)] } else { fx.array_f64(path).iter().copied().collect() }
}

/// An optional integer list entry as `isize` (empty when absent).
pub fn isizes(fx: &Fixture, case: &str, key: &str) -> Vec<isize> {
    if has(fx, case, key) {
        ints(fx, &format!("{case}/{key}")).iter().map(|&v| v as isize).collect()
    } else {
        vec![]
    }
}

/// An optional integer list entry as `usize` (empty when absent).
pub fn usizes(fx: &Fixture, case: &str, key: &str) -> Vec<usize> {
    isizes(fx, case, key).iter().map(|&v| v as usize).collect()
}

/// An optional boolean array entry.
pub fn bools(fx: &Fixture, case: &str, key: &str) -> Option<ArrayD<bool>> {
    has(fx, case, key).then(|| fx.array_bool(&format!("{case}/{key}")))
}

/// True when the case has the entry.
pub fn has(fx: &Fixture, case: &str, key: &str) -> bool {
    fx.get(case).get(key).is_some()
}

/// The keys of an object entry.
pub fn keys(fx: &Fixture, path: &str) -> Vec<String> {
    let mut k: Vec<String> = fx.get(path).as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

/// Run `f` on three layouts of `x`: C-contiguous, Fortran-ordered (transposed) and with a
/// negative stride on axis 0; all must give the same values.
pub fn layouts<T: Clone, R>(x: &ArrayD<T>, mut f: impl FnMut(&ArrayViewD<'_, T>) -> R) -> Vec<R> {
    let mut out = vec![f(&x.view())];
    let t = x.t().as_standard_layout().into_owned();
    let tv = t.t();
    if x.ndim() > 1 {
        assert!(!tv.is_standard_layout());
    }
    out.push(f(&tv));
    if x.ndim() > 0 {
        let mut r = x.clone();
        r.invert_axis(Axis(0));
        let r = r.as_standard_layout().into_owned();
        let mut v = r.view();
        v.invert_axis(Axis(0));
        out.push(f(&v));
    }
    out
}

//! The `options` object of the direct fixtures as [`DirectOptions`], shared by the direct tests.

use sci_array::testing::fixture::Fixture;
use sci_optimize::DirectOptions;

/// `{key}/options` (SciPy's keyword arguments) over `base`.
pub fn options<'a>(fx: &Fixture, key: &str, base: DirectOptions<'a>) -> DirectOptions<'a> {
    let mut o = base;
    for (k, v) in fx.get(&format!("{key}/options")).as_object().unwrap() {
        match k.as_str() {
            "locally_biased" => o.locally_biased = v.as_bool().unwrap(),
            "maxfun" => o.maxfun = Some(v.as_u64().unwrap() as usize),
            "maxiter" => o.maxiter = v.as_u64().unwrap() as usize,
            "len_tol" => o.len_tol = v.as_f64().unwrap(),
            "vol_tol" => o.vol_tol = v.as_f64().unwrap(),
            "f_min" => o.f_min = v.as_f64().unwrap(),
            "f_min_rtol" => o.f_min_rtol = v.as_f64().unwrap(),
            "eps" => o.eps = v.as_f64().unwrap(),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

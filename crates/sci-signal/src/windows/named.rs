//! Windows by name: SciPy's string and tuple forms of `get_window`'s `window` argument.

use super::{Window, general_cosine, get_window};
use crate::error::{Result, invalid};
use ndarray::Array1;

/// How many parameters a window takes (SciPy's `_WIN_FUNC_DATA`).
#[derive(Clone, Copy, PartialEq)]
enum Args {
    /// None allowed.
    No,
    /// At least one required.
    Yes,
    /// Any number up to the function's, defaults otherwise.
    Optional,
}

/// The canonical name and parameter rule of a SciPy window name or alias.
fn lookup(name: &str) -> Option<(&'static str, Args)> {
    use Args::{No, Optional, Yes};
    const TABLE: &[(&[&str], &str, Args)] = &[
        (&["barthann", "brthan", "bth"], "barthann", No),
        (&["bartlett", "bart", "brt"], "bartlett", No),
        (&["blackman", "black", "blk"], "blackman", No),
        (&["blackmanharris", "blackharr", "bkh"], "blackmanharris", No),
        (&["bohman", "bman", "bmn"], "bohman", No),
        (&["boxcar", "box", "ones", "rect", "rectangular"], "boxcar", No),
        (&["chebwin", "cheb"], "chebwin", Yes),
        (&["cosine", "halfcosine"], "cosine", No),
        (&["dpss"], "dpss", Yes),
        (&["exponential", "poisson"], "exponential", Optional),
        (&["flattop", "flat", "flt"], "flattop", No),
        (&["gaussian", "gauss", "gss"], "gaussian", Yes),
        (&["general cosine", "general_cosine"], "general_cosine", Yes),
        (
            &["general gaussian", "general_gaussian", "general gauss", "general_gauss", "ggs"],
            "general_gaussian",
            Yes,
        ),
        (&["general hamming", "general_hamming"], "general_hamming", Yes),
        (&["hamming", "hamm", "ham"], "hamming", No),
        (&["hann", "han"], "hann", No),
        (&["kaiser", "ksr"], "kaiser", Yes),
        (&["kaiser bessel derived", "kaiser_bessel_derived", "kbd"], "kaiser_bessel_derived", Yes),
        (&["lanczos", "sinc"], "lanczos", No),
        (&["nuttall", "nutl", "nut"], "nuttall", No),
        (&["parzen", "parz", "par"], "parzen", No),
        (&["taylor", "taylorwin"], "taylor", Optional),
        (&["triangle", "triang", "tri"], "triang", No),
        (&["tukey", "tuk"], "tukey", Optional),
    ];
    TABLE.iter().find(|(names, _, _)| names.contains(&name)).map(|&(_, canon, args)| (canon, args))
}

/// Splits SciPy's `_symmetric` / `_periodic` suffix off `name`: `Some(sym)` when present.
fn strip_suffix(name: &str) -> (&str, Option<bool>) {
    if let Some(base) = name.strip_suffix("_symmetric") {
        (base, Some(true))
    } else if let Some(base) = name.strip_suffix("_periodic") {
        (base, Some(false))
    } else {
        (name, None)
    }
}

/// A window kind parsed from a name, with `general_cosine`'s coefficient array kept apart
/// (it is not a [`Window`] variant, which stays `Copy`).
enum Parsed<'p> {
    Kind(Window),
    GeneralCosine(&'p [f64]),
}

/// `params[i]`, or `default` when absent.
fn param(params: &[f64], i: usize, default: f64) -> f64 {
    params.get(i).copied().unwrap_or(default)
}

/// `params[i]` as a count (SciPy's integer parameters).
fn count(params: &[f64], i: usize, default: usize, what: &str) -> Result<usize> {
    match params.get(i) {
        None => Ok(default),
        Some(&v) if v >= 0.0 && v.fract() == 0.0 && v.is_finite() => Ok(v as usize),
        Some(&v) => Err(invalid("window", format!("{what} must be a non-negative integer, got {v}"))),
    }
}

/// Parses a suffix-free window name and its tuple parameters.
fn parse<'p>(name: &str, params: &'p [f64]) -> Result<Parsed<'p>> {
    let Some((canon, args)) = lookup(name) else {
        return Err(invalid("window", format!("Invalid window name '{name}'")));
    };
    if !params.is_empty() && args == Args::No {
        return Err(invalid("window", format!("'{name}' does not allow parameters, but {params:?} given!")));
    }
    if params.is_empty() && args == Args::Yes {
        return Err(invalid("window", format!("'{name}' must have parameters, but none given!")));
    }
    let at_most = |k: usize| {
        if params.len() > k {
            Err(invalid("window", format!("'{name}' takes at most {k} parameters, got {}", params.len())))
        } else {
            Ok(())
        }
    };
    let p0 = param(params, 0, f64::NAN);
    let kind = match canon {
        "barthann" => Window::Barthann,
        "bartlett" => Window::Bartlett,
        "blackman" => Window::Blackman,
        "blackmanharris" => Window::BlackmanHarris,
        "bohman" => Window::Bohman,
        "boxcar" => Window::Boxcar,
        "cosine" => Window::Cosine,
        "flattop" => Window::Flattop,
        "hamming" => Window::Hamming,
        "hann" => Window::Hann,
        "lanczos" => Window::Lanczos,
        "nuttall" => Window::Nuttall,
        "parzen" => Window::Parzen,
        "triang" => Window::Triang,
        "general_cosine" => return Ok(Parsed::GeneralCosine(params)),
        "general_gaussian" => {
            if params.len() != 2 {
                return Err(invalid(
                    "window",
                    format!("'{name}' takes 2 parameters (p, sig), got {}", params.len()),
                ));
            }
            Window::GeneralGaussian { p: params[0], sig: params[1] }
        }
        "exponential" => {
            at_most(2)?;
            Window::Exponential { center: params.first().copied(), tau: param(params, 1, 1.0) }
        }
        "taylor" => {
            at_most(3)?;
            Window::Taylor {
                nbar: count(params, 0, 4, "nbar")?,
                sll: param(params, 1, 30.0),
                norm: param(params, 2, 1.0) != 0.0,
            }
        }
        "tukey" => {
            at_most(1)?;
            Window::Tukey(param(params, 0, 0.5))
        }
        one => {
            at_most(1)?;
            match one {
                "chebwin" => Window::Chebwin(p0),
                "dpss" => Window::Dpss(p0),
                "gaussian" => Window::Gaussian(p0),
                "general_hamming" => Window::GeneralHamming(p0),
                "kaiser" => Window::Kaiser(p0),
                _ => Window::KaiserBesselDerived(p0),
            }
        }
    };
    Ok(Parsed::Kind(kind))
}

impl Window {
    /// The window SciPy names `name` (any of SciPy's aliases), with the parameters of SciPy's
    /// tuple form `(name, *params)`: `Window::from_name("kaiser", &[8.6])` is
    /// `('kaiser', 8.6)`.
    ///
    /// Optional parameters take SciPy's defaults: `'tukey'` is `alpha = 0.5`, `'taylor'` is
    /// `nbar = 4, sll = 30, norm = True` (a nonzero `norm` parameter is `True`),
    /// `'exponential'` is `center = None, tau = 1` (a given `center` is a number: use
    /// [`Window::Exponential`] for `center = None` with another `tau`).
    ///
    /// SciPy equivalent: the `window` argument of `scipy.signal.get_window`.
    ///
    /// # Errors
    ///
    /// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) (argument `window`) for
    /// an unknown name, parameters given to a window without any or missing for one that needs
    /// them, too many parameters, `'general_cosine'` (its coefficients are an array: use
    /// [`get_window_named`]) and a `_symmetric`/`_periodic` suffix (it sets `fftbins`: use
    /// [`get_window_named`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_signal::Window;
    /// assert_eq!(Window::from_name("ksr", &[8.6]).unwrap(), Window::Kaiser(8.6));
    /// assert_eq!(Window::from_name("tukey", &[]).unwrap(), Window::Tukey(0.5));
    /// assert!(Window::from_name("hann", &[1.0]).is_err());
    /// assert!(Window::from_name("kaiser", &[]).is_err());
    /// ```
    pub fn from_name(name: &str, params: &[f64]) -> Result<Window> {
        if strip_suffix(name).1.is_some() {
            return Err(invalid(
                "window",
                format!("'{name}': a _symmetric/_periodic suffix needs get_window_named"),
            ));
        }
        match parse(name, params)? {
            Parsed::Kind(w) => Ok(w),
            Parsed::GeneralCosine(_) => Err(invalid(
                "window",
                "'general_cosine' takes an array of coefficients: use get_window_named",
            )),
        }
    }
}

/// [`get_window`] with the window given as SciPy spells it: a name or alias, and the
/// parameters of SciPy's tuple form (`get_window(('general_hamming', 0.7), 8)` is
/// `get_window_named("general_hamming", &[0.7], 8, true)`).
///
/// A `_symmetric` or `_periodic` suffix on the name overrides `fftbins`, as in SciPy. For
/// `'general_cosine'` (alias `'general cosine'`) `params` is the coefficient array `a`. See
/// [`Window::from_name`] for the parameter rules and defaults.
///
/// SciPy equivalent: `scipy.signal.get_window(window, Nx, fftbins)` with `window` a string or a
/// tuple.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue): those of
/// [`Window::from_name`] (except the two cases it defers to this function) and of
/// [`get_window`].
///
/// # Examples
///
/// ```
/// use sci_signal::{get_window, get_window_named, Window};
/// let w = get_window_named("general_cosine", &[0.5, 0.5], 4, true).unwrap();
/// assert_eq!(w, get_window(Window::Hann, 4, true).unwrap());
/// let s = get_window_named("hann_symmetric", &[], 3, true).unwrap();
/// assert!(s[0].abs() < 1e-15 && (s[1] - 1.0).abs() < 1e-15 && s[2].abs() < 1e-15);
/// let t = get_window_named("taylor", &[], 5, false).unwrap();
/// assert!((t[2] - 1.0).abs() < 1e-12);
/// ```
pub fn get_window_named(name: &str, params: &[f64], nx: usize, fftbins: bool) -> Result<Array1<f64>> {
    let (base, sym) = strip_suffix(name);
    let fftbins = sym.map_or(fftbins, |s| !s);
    match parse(base, params)? {
        Parsed::Kind(w) => get_window(w, nx, fftbins),
        Parsed::GeneralCosine(a) => {
            if nx == 0 {
                return Err(invalid("Nx", "Parameter Nx=0 is not a positive integer"));
            }
            Ok(general_cosine(nx, a, !fftbins))
        }
    }
}

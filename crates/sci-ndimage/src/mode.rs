//! Boundary modes: how arrays are extended beyond their edges.

/// How the input is extended beyond its boundaries (SciPy's `mode` argument).
///
/// For an input `a b c d`:
///
/// | mode | extension |
/// |---|---|
/// | `Reflect` (default, `'reflect'`) | `d c b a \| a b c d \| d c b a` |
/// | `Constant(cval)` (`'constant'`) | `k k k k \| a b c d \| k k k k` |
/// | `Nearest` (`'nearest'`) | `a a a a \| a b c d \| d d d d` |
/// | `Mirror` (`'mirror'`) | `d c b \| a b c d \| c b a` |
/// | `Wrap` (`'wrap'`) | `a b c d \| a b c d \| a b c d` |
/// | `GridMirror` (`'grid-mirror'`) | same as `Reflect` |
/// | `GridConstant(cval)` (`'grid-constant'`) | same as `Constant` for filters; for interpolation the constant is also used inside the last half pixel |
/// | `GridWrap` (`'grid-wrap'`) | same as `Wrap` for filters; for interpolation the period is `n` instead of `n - 1` |
///
/// The filters treat `GridMirror`, `GridConstant` and `GridWrap` as `Reflect`, `Constant` and
/// `Wrap`, as SciPy does; the interpolation functions distinguish them.
///
/// SciPy equivalent: the `mode` and `cval` arguments of `scipy.ndimage` functions.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, correlate1d};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![1.0, 2.0, 3.0];
/// let r = correlate1d(&a, &[1.0, 0.0, 0.0], -1, Mode::Reflect, 0).unwrap();
/// assert_eq!(r, array![1.0, 1.0, 2.0]);
/// let c = correlate1d(&a, &[1.0, 0.0, 0.0], -1, Mode::Constant(9.0), 0).unwrap();
/// assert_eq!(c, array![9.0, 1.0, 2.0]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Mode {
    /// `'reflect'`: reflect about the edge of the last pixel (default).
    #[default]
    Reflect,
    /// `'constant'`: fill with the constant `cval`.
    Constant(f64),
    /// `'nearest'`: repeat the edge pixel.
    Nearest,
    /// `'mirror'`: reflect about the centre of the last pixel.
    Mirror,
    /// `'wrap'`: wrap around to the opposite edge.
    Wrap,
    /// `'grid-wrap'`: wrap around with period `n`.
    GridWrap,
    /// `'grid-constant'`: fill with `cval`, also used by interpolation past the edge.
    GridConstant(f64),
    /// `'grid-mirror'`: same as `Reflect`.
    GridMirror,
}

impl Mode {
    /// The constant fill value (`cval`), 0.0 for modes that do not use one.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_ndimage::Mode;
    /// assert_eq!(Mode::Constant(2.5).cval(), 2.5);
    /// assert_eq!(Mode::Reflect.cval(), 0.0);
    /// ```
    pub fn cval(&self) -> f64 {
        match self {
            Mode::Constant(c) | Mode::GridConstant(c) => *c,
            _ => 0.0,
        }
    }

    /// The equivalent mode for the filters (grid-* modes mapped to their filter twins).
    pub(crate) fn for_filter(self) -> Mode {
        match self {
            Mode::GridMirror => Mode::Reflect,
            Mode::GridConstant(c) => Mode::Constant(c),
            Mode::GridWrap => Mode::Wrap,
            m => m,
        }
    }
}

/// SciPy's `mode` argument of the separable filters: one [`Mode`] for every axis (a string in
/// SciPy) or one per filtered axis (a sequence of strings).
///
/// Functions take `impl Into<Modes>`, so a plain [`Mode`] works wherever a sequence is
/// accepted; `Vec<Mode>`, `&[Mode]` and `[Mode; N]` give one mode per axis. As in SciPy, a
/// sequence must have exactly one entry per filtered axis (the input's axes, or the listed
/// `axes`), and the non-separable filters (a general footprint, the rank filters) take a
/// single mode only. Unlike SciPy, where one `cval` serves every axis, each
/// [`Mode::Constant`] carries its own fill value.
///
/// SciPy equivalent: the `mode` argument of `scipy.ndimage.uniform_filter`,
/// `gaussian_filter`, `minimum_filter`, `sobel`, ... given as a string or a sequence.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, Modes, uniform_filter};
/// use sci_ndimage::sci_array::ndarray::array;
/// assert_eq!(Modes::from(Mode::Wrap), Modes::All(Mode::Wrap));
/// assert_eq!(Modes::from([Mode::Wrap, Mode::Nearest]), Modes::PerAxis(vec![Mode::Wrap, Mode::Nearest]));
/// // Wrap along axis 0, zero padding along axis 1.
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let r = uniform_filter(&a, &[2], [Mode::Wrap, Mode::Constant(0.0)], &[]).unwrap();
/// // scipy.ndimage.uniform_filter(a, 2, mode=['wrap', 'constant'])
/// assert_eq!(r, array![[1.0, 2.5], [1.0, 2.5]]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Modes {
    /// One mode for every axis (SciPy: `mode='reflect'`).
    All(Mode),
    /// One mode per filtered axis, in axis order (SciPy: `mode=['wrap', 'nearest']`).
    PerAxis(Vec<Mode>),
}

impl Default for Modes {
    fn default() -> Self {
        Modes::All(Mode::Reflect)
    }
}

impl From<Mode> for Modes {
    fn from(m: Mode) -> Self {
        Modes::All(m)
    }
}

impl From<Vec<Mode>> for Modes {
    fn from(v: Vec<Mode>) -> Self {
        Modes::PerAxis(v)
    }
}

impl From<&[Mode]> for Modes {
    fn from(v: &[Mode]) -> Self {
        Modes::PerAxis(v.to_vec())
    }
}

impl<const N: usize> From<[Mode; N]> for Modes {
    fn from(v: [Mode; N]) -> Self {
        Modes::PerAxis(v.to_vec())
    }
}

impl From<&Modes> for Modes {
    fn from(m: &Modes) -> Self {
        m.clone()
    }
}

impl Modes {
    /// One mode per axis for `n` filtered axes (SciPy's `_normalize_sequence`): a single mode
    /// is repeated, a sequence must have length `n`.
    pub(crate) fn per_axis(&self, n: usize) -> crate::error::Result<Vec<Mode>> {
        match self {
            Modes::All(m) => Ok(vec![*m; n]),
            Modes::PerAxis(v) if v.len() == n => Ok(v.clone()),
            Modes::PerAxis(v) => Err(crate::error::invalid(
                "mode",
                format!("sequence argument must have length equal to input rank {n}, got {}", v.len()),
            )),
        }
    }

    /// The single mode of a function that takes no sequence; `reason` is SciPy's message.
    pub(crate) fn single(&self, reason: &str) -> crate::error::Result<Mode> {
        match self {
            Modes::All(m) => Ok(*m),
            Modes::PerAxis(_) => Err(crate::error::invalid("mode", reason)),
        }
    }
}

/// Map an index `i` (possibly outside `0..n`) to an index inside, with the filter
/// extension rules; `None` means "use the constant". `n` must be positive.
#[inline]
pub(crate) fn extend_index(i: isize, n: usize, mode: Mode) -> Option<usize> {
    let ni = n as isize;
    if (0..ni).contains(&i) {
        return Some(i as usize);
    }
    match mode.for_filter() {
        Mode::Constant(_) => None,
        Mode::Nearest => Some(if i < 0 { 0 } else { n - 1 }),
        Mode::Wrap => Some(i.rem_euclid(ni) as usize),
        Mode::Mirror => {
            if n == 1 {
                return Some(0);
            }
            let p = 2 * ni - 2;
            let r = i.rem_euclid(p);
            Some(if r < ni { r } else { p - r } as usize)
        }
        _ => {
            let p = 2 * ni;
            let r = i.rem_euclid(p);
            Some(if r < ni { r } else { p - 1 - r } as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(mode: Mode) -> Vec<Option<usize>> {
        (-4..8).map(|i| extend_index(i, 4, mode)).collect()
    }

    #[test]
    fn extension_rules() {
        let s = |v: &[usize]| v.iter().map(|&x| Some(x)).collect::<Vec<_>>();
        assert_eq!(ext(Mode::Reflect), s(&[3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0]));
        assert_eq!(ext(Mode::Mirror), s(&[2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1]));
        assert_eq!(ext(Mode::Wrap), s(&[0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]));
        assert_eq!(ext(Mode::Nearest), s(&[0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3]));
        assert_eq!(extend_index(-1, 4, Mode::Constant(1.0)), None);
        assert_eq!(extend_index(-3, 1, Mode::Mirror), Some(0));
    }
}

//! # sci-interpolate: `scipy.interpolate` on ndarray
//!
//! * [`BSpline`]: splines in the B-spline basis (evaluation by de Boor's recursion,
//!   derivatives), as `scipy.interpolate.BSpline`;
//! * [`make_interp_spline`]: the interpolating spline of any degree with SciPy's default knots
//!   (not-a-knot for odd degrees);
//! * [`CubicSpline`]: cubic splines with not-a-knot, natural, clamped or given-derivative ends,
//!   and cubic Hermite interpolation;
//! * [`Interp1d`]: SciPy's `interp1d` (linear, nearest, nearest-up, previous, next and spline
//!   kinds; bounds error, fill values or extrapolation).
//!
//! `docs/names/interpolate.tsv` lists every `scipy.interpolate` name and what is still missing
//! (FITPACK smoothing splines, PCHIP, Akima, n-d and scattered interpolation).
//!
//! ```
//! use sci_interpolate::{Interp1d, Kind, OutOfRange};
//! use sci_interpolate::sci_array::ndarray::Array1;
//! let x = Array1::linspace(0.0, 10.0 * std::f64::consts::PI, 20);
//! let y = x.mapv(f64::cos);
//! let f = Interp1d::new(&x, &y, Kind::Quadratic, OutOfRange::Error)?;
//! assert!(f.eval(5.0)?.abs() < 1.0);
//! # Ok::<(), sci_interpolate::InterpolateError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod bspline;
mod cubic;
mod error;
mod interp;

pub use bspline::BSpline;
pub use cubic::{BoundaryCondition, CubicSpline};
pub use error::{InterpolateError, Result};
pub use interp::{Interp1d, Kind, OutOfRange, make_interp_spline};

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
//! * [`PPoly`]: piecewise polynomials in the local power basis (evaluation with derivatives,
//!   periodic extrapolation, derivative, antiderivative, integrate, solve, roots, conversion
//!   from a [`BSpline`]); [`CubicSpline`] exposes the same through [`CubicSpline::to_ppoly`];
//! * [`PchipInterpolator`], [`pchip_interpolate`] and [`Akima1DInterpolator`] (akima, makima):
//!   shape-preserving piecewise cubic interpolation;
//! * [`RegularGridInterpolator`] and [`interpn`]: interpolation on rectilinear grids in any
//!   number of dimensions (linear, nearest, tensor-product slinear/cubic/quintic splines with
//!   derivatives, pchip; bounds error, fill value or extrapolation);
//! * [`BarycentricInterpolator`], [`barycentric_interpolate`], [`KroghInterpolator`],
//!   [`krogh_interpolate`], [`lagrange`], [`approximate_taylor_polynomial`] and [`pade`]:
//!   polynomial (and Hermite) interpolation with derivatives, and Padé approximants.
//!
//! `docs/names/interpolate.tsv` lists every `scipy.interpolate` name and what is still missing
//! (FITPACK smoothing splines, scattered n-d interpolation, rational interpolation).
//!
//! Dependencies: `sci-array`/ndarray, and faer (the workspace's pure-Rust linear algebra) for
//! the eigenvalues of the companion matrices whose roots are [`PPoly::roots`]' for pieces of
//! degree 3 and more, where SciPy calls LAPACK's `dgeev`.
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
mod pchip_akima;
mod polyint;
mod ppoly;
mod rgi;

pub use bspline::BSpline;
pub use cubic::{BoundaryCondition, CubicSpline};
pub use error::{InterpolateError, Result};
pub use interp::{Interp1d, Kind, OutOfRange, make_interp_spline};
pub use pchip_akima::{Akima1DInterpolator, AkimaMethod, PchipInterpolator, pchip_interpolate};
pub use polyint::{
    BarycentricInterpolator, KroghInterpolator, approximate_taylor_polynomial, barycentric_interpolate,
    krogh_interpolate, lagrange, pade,
};
pub use ppoly::{Extrapolate, PPoly};
pub use rgi::{GridMethod, GridOptions, RegularGridInterpolator, interpn};

//! # sci-integrate: `scipy.integrate` on ndarray
//!
//! Under SciPy's names, with SciPy's algorithms and defaults:
//!
//! * integrating functions: [`quad`] (QUADPACK's QAGS with the epsilon algorithm on finite
//!   intervals, QAGI on infinite ones), [`dblquad`], [`tplquad`], [`fixed_quad`];
//! * integrating samples: [`trapezoid`], [`cumulative_trapezoid`], [`simpson`], [`romb`],
//!   [`cumulative_simpson`];
//! * quadrature weights: [`newton_cotes`] (closed Newton-Cotes weights and error coefficient);
//! * initial value problems: [`solve_ivp`] with the explicit Runge-Kutta methods RK23, RK45
//!   (Dormand-Prince, the default) and DOP853, SciPy's step-size control, `t_eval` and dense
//!   output;
//! * stiff initial value problems: [`solve_ivp`] with the implicit methods Radau (Radau IIA of
//!   order 5) and BDF (variable-order NDF), a finite-difference or constant Jacobian, or
//!   [`solve_ivp_jac`] with a Jacobian callable; SciPy's steps, `nfev`, `njev` and `nlu`.
//!
//! `docs/names/integrate.tsv` lists every `scipy.integrate` name and what is still missing
//! (LSODA, events, `odeint`, `quad_vec`, `qmc_quad`).
//!
//! ```
//! use sci_integrate::{quad, QuadOptions};
//! let r = quad(f64::sin, 0.0, std::f64::consts::FRAC_PI_2, &QuadOptions::default())?;
//! assert!((r.value - 1.0).abs() < 1e-14);
//! assert!(r.abserr < 1e-13);
//! # Ok::<(), sci_integrate::IntegrateError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod cumulative_simpson;
mod error;
mod gauss;
mod ivp;
mod multiple;
mod newton_cotes;
mod quadpack;
mod samples;

pub use cumulative_simpson::{cumulative_simpson, cumulative_simpson_axis};
pub use error::{IntegrateError, Result};
pub use gauss::fixed_quad;
pub use ivp::{Atol, IvpMethod, OdeResult, OdeSolution, SolveIvpOptions, solve_ivp, solve_ivp_jac};
pub use multiple::{NquadRange, NquadResult, dblquad, nquad, tplquad};
pub use newton_cotes::{NewtonCotesNodes, newton_cotes};
pub use quadpack::{QuadInfo, QuadOptions, QuadResult, quad};
pub use samples::{
    Spacing, cumulative_trapezoid, cumulative_trapezoid_axis, romb, romb_axis, simpson, simpson_axis,
    trapezoid, trapezoid_axis,
};

//! # sci-optimize: `scipy.optimize` on ndarray
//!
//! Root finding, minimization, nonlinear systems and curve fitting under SciPy's names and
//! with SciPy's algorithms, defaults and result fields:
//!
//! * scalar roots: [`root_scalar`] (brentq, brenth, bisect, ridder, toms748, newton, secant,
//!   halley, with SciPy's iteration and call counts), [`brentq`], [`brenth`], [`bisect`],
//!   [`ridder`], [`toms748`] (tolerances: [`brentq_with`], ... and [`BracketOptions`]),
//!   [`newton`] ([`newton_with`] for all of SciPy's options, [`newton_array`] vectorized;
//!   complex `x0`: [`newton_complex`], [`newton_complex_with`], [`newton_array_complex`]),
//!   [`fixed_point`] (and [`fixed_point_array`]);
//! * scalar minimization: [`minimize_scalar`] (Brent, bounded, golden), [`bracket`];
//! * [`minimize`]: Nelder-Mead, Powell, CG, BFGS, Newton-CG, L-BFGS-B, TNC (Powell, L-BFGS-B
//!   and TNC with [`Bounds`]; TNC also as [`minimize_tnc`] and [`fmin_tnc`]), trust-constr ([`minimize_trust_constr`]: bounds,
//!   [`NonlinearConstraint`], [`LinearConstraint`], [`HessianUpdateStrategy`]) and SLSQP
//!   ([`minimize_slsqp`]: bounds, [`ConstraintDict`]), COBYLA ([`minimize_cobyla`],
//!   [`fmin_cobyla`]: derivative free with bounds and constraints), the trust-region methods trust-ncg,
//!   trust-krylov, trust-exact and dogleg, with SciPy's line searches and
//!   finite-difference gradients and a per-iteration [`Callback`] that can stop the run,
//!   driven through the [`Solver`] trait (`init`, `next_iter`, `terminate`) on a [`Problem`]
//!   that counts `nfev`/`njev`/`nhev` and returning an [`OptimizeResult`]; [`approx_fprime`]
//!   ([`approx_fprime_jac`] for vector-valued functions), [`check_grad`] ([`check_grad_with`],
//!   [`check_grad_jac`]),
//!   [`line_search`] (SciPy's strong-Wolfe search);
//! * nonlinear systems: [`root`] (`hybr`: MINPACK's hybrid Powell method, `lm`, the
//!   large-scale methods broyden1/2, anderson, linearmixing, diagbroyden, excitingmixing,
//!   krylov of [`nonlin_solve`], and [`df_sane`]), [`fsolve`], and the shortcuts [`broyden1`],
//!   [`broyden2`], [`anderson`], [`linearmixing`], [`diagbroyden`], [`excitingmixing`],
//!   [`newton_krylov`];
//! * least squares: [`least_squares`] (Trust Region Reflective with bounds and robust losses,
//!   or Levenberg-Marquardt), [`leastsq`] on MINPACK's Levenberg-Marquardt, [`curve_fit`] (with
//!   bounds and a covariance `sigma`), [`nnls`] (Lawson-Hanson), [`lsq_linear`] (TRF, BVLS;
//!   sparse `A`: [`lsq_linear_sparse`]);
//! * global optimization: [`differential_evolution`] (SciPy's path for a given seed; constraints,
//!   Sobol'/Halton initialisation, [`differential_evolution_vectorized`]), [`brute`],
//!   [`basinhopping`], [`dual_annealing`], [`direct`] (Gablonsky's DIRECT and DIRECT-L), [`shgo`]
//!   (simplicial, Sobol' and Halton sampling, the last two on an own Delaunay triangulation:
//!   SciPy's vertices and local minima); the first three take SciPy's callbacks
//!   ([`DifferentialEvolutionCallback`], [`DualAnnealingCallback`], [`BasinhoppingCallback`]),
//!   which can stop the run;
//! * linear programming: [`linprog`] (a bounded dual simplex method: SciPy's `highs`,
//!   `highs-ds`, `highs-ipm`; status and marginals as SciPy's), [`milp`] (branch and bound on
//!   it; integer, semi-continuous and semi-integer variables);
//! * assignment: [`linear_sum_assignment`] (SciPy's shortest augmenting path, the same
//!   assignment on ties), [`quadratic_assignment`] (FAQ and 2-opt).
//!
//! `docs/names/optimize.tsv` lists every `scipy.optimize` name and what is still missing.
//!
//! ```
//! use sci_optimize::{root_scalar, RootScalarOptions};
//! let f = |x: f64| (x - 1.0) * (x - 2.0);
//! let r = root_scalar(f, &RootScalarOptions { bracket: Some((1.5, 10.0)), ..Default::default() })?;
//! assert!((r.root - 2.0).abs() < 1e-12);
//! assert!(r.converged);
//! # Ok::<(), sci_optimize::OptimizeError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod assignment;
mod direct;
mod error;
mod global;
mod linprog;
mod lsq;
mod milp;
mod minimize;
mod nonlin;
mod numdiff;
mod problem;
mod pyrepr;
mod qap;
mod scalar_min;
mod zeros;

pub use assignment::linear_sum_assignment;
pub use direct::{DirectCallback, DirectOptions, DirectResult, direct};
pub use error::{OptimizeError, Result};
pub use global::{
    AcceptDecision, AcceptTest, AnnealingContext, BasinhoppingCallback, BasinhoppingOptions,
    BasinhoppingResult, BruteOptions, BruteResult, DifferentialEvolutionCallback,
    DifferentialEvolutionConstraint, DifferentialEvolutionIntermediate, DifferentialEvolutionOptions,
    DifferentialEvolutionResult, DualAnnealingCallback, DualAnnealingOptions, DualAnnealingResult, GridRange,
    Init, MinimizerKwargs, Mutation, PolishFn, SamplingMethod, ShgoOptions, ShgoResult, StepOutcome,
    Strategy, StrategyFn, TakeStep, Updating, basinhopping, brute, differential_evolution,
    differential_evolution_vectorized, dual_annealing, shgo,
};
pub use linprog::{
    ConstraintMatrix, LinprogBounds, LinprogMethod, LinprogOptions, LinprogResult, LinprogSensitivity,
    SparseFormat, SparseMatrix, linprog,
};
pub use lsq::{
    CurveFitComplexModel, CurveFitJac, CurveFitOptions, CurveFitResult, FsolveOptions, FsolveResult,
    LSQ_CALLBACK_STOP, LeastSquaresOptions, LeastSquaresResult, LeastsqOptions, LeastsqResult, Loss, LossFn,
    LsmrTol, LsqCallback, LsqIntermediateResult, LsqJac, LsqJacobian, LsqLinearMethod, LsqLinearOptions,
    LsqLinearResult, LsqMethod, LsqSolver, NanPolicy, P0, RootMethod, RootOptions, Sigma, TrOptions,
    TrSolver, UnboundedSol, XScale, curve_fit, curve_fit_full, fsolve, least_squares, leastsq, lsq_linear,
    lsq_linear_sparse, nnls, root,
};
pub use milp::{MilpOptions, MilpResult, SparseLinearConstraint, milp};
pub use minimize::{
    Bounds, CALLBACK_STOP, Callback, CobylaOptions, CobylaResult, Constraint, ConstraintDict, ConstraintHess,
    ConstraintJac, ConstraintType, ExceptionStrategy, FminCobylaOptions, FminTncOptions,
    HessianUpdateStrategy, InitScale, IntermediateResult, LbfgsInvHessProduct, LbfgsbResult,
    LineSearchOptions, LineSearchResult, LinearConstraint, Method, MinimizeOptions, NonlinearConstraint,
    SlsqpOptions, SlsqpResult, TncOptions, TrustConstrMethod, TrustConstrOptions, TrustConstrResult,
    fmin_cobyla, fmin_tnc, line_search, minimize, minimize_cobyla, minimize_lbfgsb, minimize_slsqp,
    minimize_tnc, minimize_trust_constr, rosen, rosen_der, rosen_hess,
};
pub use nonlin::{
    DfSaneLineSearch, DfSaneOptions, DfSaneResult, InnerPreconditioner, KrylovMethod, LineSearch,
    NonlinJacOptions, NonlinMethod, NonlinOptions, NonlinResult, ReductionMethod, anderson, broyden1,
    broyden2, df_sane, diagbroyden, excitingmixing, linearmixing, newton_krylov, nonlin_solve,
};
pub use numdiff::{
    APPROX_FPRIME_EPSILON, CheckGradDirection, CheckGradOptions, Epsilon, FiniteDiff, approx_fprime,
    approx_fprime_jac, check_grad, check_grad_jac, check_grad_with,
};
pub use problem::{IterState, Jac, OptimizeResult, Problem, Solver, Termination, run};
pub use qap::{
    QapInit, QapMethod, QuadraticAssignmentOptions, QuadraticAssignmentResult, quadratic_assignment,
};
pub use scalar_min::{
    Bracket, BracketResult, MinimizeScalarOptions, ScalarMethod, ScalarResult, bracket, minimize_scalar,
};
pub use zeros::{
    ArrayFn, BRACKET_RTOL, BRACKET_XTOL, BracketOptions, FixedPointMethod, FixedPointOptions,
    NewtonArrayComplexOptions, NewtonArrayOptions, NewtonArrayOptionsFor, NewtonArrayResult,
    NewtonComplexOptions, NewtonOptions, NewtonOptionsFor, RootFlag, RootResults, RootScalarMethod,
    RootScalarOptions, ScalarFn, bisect, bisect_with, brenth, brenth_with, brentq, brentq_with, fixed_point,
    fixed_point_array, newton, newton_array, newton_array_complex, newton_complex, newton_complex_with,
    newton_with, ridder, ridder_with, root_scalar, toms748,
};

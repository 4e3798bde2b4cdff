//! `milp`: mixed-integer linear programming by branch and bound on the dual simplex.

mod semi;

use crate::error::{OptimizeError, Result, invalid};
use crate::linprog::{
    ConstraintMatrix, Cs, DualSimplex, Outcome, SparseMatrix, StdLp, VarState, solve_lp, status_message,
};
use crate::minimize::{Bounds, LinearConstraint};
use ndarray::{Array1, ArrayView1};
use std::collections::BinaryHeap;
use std::time::Instant;

/// Integrality tolerance (HiGHS's `mip_feasibility_tolerance`).
const INT_TOL: f64 = 1e-6;
/// HiGHS's `primal_feasibility_tolerance`.
const PRIMAL_TOL: f64 = 1e-7;

/// How a node's solution violates a variable's requirement.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Branch {
    /// An integer (or semi-integer past its lower bound) at a fractional value.
    Integer,
    /// A semi-variable strictly between 0 and its lower bound.
    Semi,
}

/// The keyword arguments of [`milp`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{milp, MilpOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// // All variables continuous, x >= 0 by default: the minimum of x0 + x1 is at the origin.
/// let res = milp(&array![1.0, 1.0].view(), &MilpOptions::default())?;
/// assert_eq!((res.status, res.fun), (0, Some(0.0)));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.milp(c, integrality=..., bounds=..., constraints=..., options=...)`
#[derive(Debug, Clone)]
pub struct MilpOptions {
    /// Per variable (or one value for all): 0 continuous, 1 integer, 2 semi-continuous (`x = 0`
    /// or `lb <= x <= ub`), 3 semi-integer (`x = 0` or an integer in `[lb, ub]`). Empty: all
    /// continuous. A semi-variable needs `lb >= 0` (`lb == 0` makes it an ordinary continuous or
    /// integer variable, `lb > ub` fixes it at 0); an upper bound above 1e5 is lowered to 1e5
    /// (and refused when `lb > 1e4`), and a solution at that lowered bound ends with status 4,
    /// as HiGHS does.
    pub integrality: Vec<u8>,
    /// `bounds` (`lb`/`ub` of length `n` or 1; default `0 <= x < inf`).
    pub bounds: Option<Bounds>,
    /// `constraints`: `lb <= A @ x <= ub` for each.
    pub constraints: Vec<LinearConstraint>,
    /// More `constraints` with a sparse `A` (SciPy's `LinearConstraint(csr_array(...), lb, ub)`),
    /// taken after `constraints`.
    pub sparse_constraints: Vec<SparseLinearConstraint>,
    /// `options={'node_limit': ...}`: the number of branch-and-bound nodes to solve.
    pub node_limit: Option<usize>,
    /// `options={'time_limit': ...}` in seconds.
    pub time_limit: Option<f64>,
    /// `options={'mip_rel_gap': ...}` (HiGHS's default `1e-4`).
    pub mip_rel_gap: f64,
}

impl Default for MilpOptions {
    fn default() -> Self {
        MilpOptions {
            integrality: Vec::new(),
            bounds: None,
            constraints: Vec::new(),
            sparse_constraints: Vec::new(),
            node_limit: None,
            time_limit: None,
            mip_rel_gap: 1e-4,
        }
    }
}

/// A linear constraint `lb <= A @ x <= ub` of [`milp`] with a sparse `A`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{milp, MilpOptions, SparseLinearConstraint, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::array;
/// // 2 x0 + 2 x1 >= 3 with x integer: the cheapest is x0 + x1 = 2.
/// let a = SparseMatrix::csr((1, 2), vec![0, 2], vec![0, 1], vec![2.0, 2.0])?;
/// let cons = SparseLinearConstraint::new(a, array![3.0], array![f64::INFINITY]);
/// let opts = MilpOptions { integrality: vec![1], sparse_constraints: vec![cons], ..Default::default() };
/// let res = milp(&array![1.0, 1.0].view(), &opts)?;
/// assert_eq!((res.status, res.fun), (0, Some(2.0)));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.LinearConstraint(A, lb, ub)` with a `scipy.sparse` `A`
#[derive(Debug, Clone, PartialEq)]
pub struct SparseLinearConstraint {
    /// The `(m, n)` matrix.
    pub a: SparseMatrix,
    /// Lower bounds (length `m` or 1).
    pub lb: Array1<f64>,
    /// Upper bounds (length `m` or 1).
    pub ub: Array1<f64>,
}

impl SparseLinearConstraint {
    /// `LinearConstraint(A, lb, ub)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{SparseLinearConstraint, SparseMatrix};
    /// use sci_optimize::sci_array::ndarray::array;
    /// let a = SparseMatrix::from_dense(&array![[1.0, 0.0]].view());
    /// let c = SparseLinearConstraint::new(a, array![0.0], array![1.0]);
    /// assert_eq!(c.a.nnz(), 1);
    /// ```
    ///
    /// SciPy equivalent: `scipy.optimize.LinearConstraint`
    pub fn new(a: SparseMatrix, lb: Array1<f64>, ub: Array1<f64>) -> Self {
        SparseLinearConstraint { a, lb, ub }
    }
}

/// The result of [`milp`] (SciPy's `OptimizeResult`); `x`, `fun` and the MIP fields are `None`
/// when no feasible point was found.
///
/// # Examples
///
/// ```
/// use sci_optimize::{milp, MilpOptions, Bounds};
/// use sci_optimize::sci_array::ndarray::array;
/// let opts = MilpOptions { bounds: Some(Bounds::new(array![1.0], array![-1.0])), ..Default::default() };
/// let res = milp(&array![1.0].view(), &opts)?;
/// assert_eq!((res.status, res.x, res.message.as_str()), (2, None, "The problem is infeasible."));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: the `OptimizeResult` of `scipy.optimize.milp`
#[derive(Debug, Clone, PartialEq)]
pub struct MilpResult {
    /// The best solution found.
    pub x: Option<Array1<f64>>,
    /// `c @ x`.
    pub fun: Option<f64>,
    /// `status == 0`.
    pub success: bool,
    /// 0 optimal (within `mip_rel_gap`), 1 node or time limit, 2 infeasible, 3 unbounded,
    /// 4 other.
    pub status: i32,
    /// SciPy's message for the status.
    pub message: String,
    /// Branch-and-bound nodes solved.
    pub mip_node_count: Option<usize>,
    /// The final lower bound on the optimum.
    pub mip_dual_bound: Option<f64>,
    /// `|fun - mip_dual_bound| / |fun|`.
    pub mip_gap: Option<f64>,
}

/// A node of the search tree: the structural bounds, the parent's basis and its LP bound.
struct Node {
    bound: f64,
    depth: usize,
    lo: Vec<f64>,
    up: Vec<f64>,
    head: Vec<usize>,
    state: Vec<VarState>,
}

impl PartialEq for Node {
    fn eq(&self, o: &Self) -> bool {
        self.bound == o.bound && self.depth == o.depth
    }
}
impl Eq for Node {}
impl PartialOrd for Node {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Node {
    /// The heap pops the smallest bound first, deeper nodes on ties.
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        o.bound.total_cmp(&self.bound).then(self.depth.cmp(&o.depth))
    }
}

fn per_var(arg: &'static str, v: &Array1<f64>, n: usize) -> Result<Vec<f64>> {
    match v.len() {
        1 => Ok(vec![v[0]; n]),
        k if k == n => Ok(v.to_vec()),
        k => Err(OptimizeError::WrongLength { arg, expected: n, found: k }),
    }
}

/// Solve a mixed-integer linear program.
///
/// Minimize `c @ x` subject to `b_l <= A @ x <= b_u` for each constraint, `lb <= x <= ub`,
/// `x_i` integer where `integrality[i] == 1`, `x_i = 0` or `lb_i <= x_i <= ub_i` where
/// `integrality[i] == 2` (semi-continuous) and the same with `x_i` integer where
/// `integrality[i] == 3` (semi-integer).
///
/// Branch and bound on the bounded dual simplex of [`linprog`](crate::linprog): each node
/// starts from its parent's basis (a warm start, the parent's basis stays dual feasible after
/// a bound change), the search plunges depth first towards the nearer side of the most
/// violated variable and otherwise takes the open node with the best bound; nodes whose bound
/// is within `mip_rel_gap` of the incumbent are pruned. An integer variable at a fractional
/// value branches into `x <= floor(v)` and `x >= ceil(v)`; a semi-variable, relaxed to
/// `0 <= x <= ub`, at a value strictly between 0 and `lb` branches into `x = 0` and
/// `x >= lb` (a semi-integer past that point branches as an integer). HiGHS adds presolve,
/// cutting planes and primal heuristics, so node counts differ from SciPy's.
///
/// Semi-variables follow HiGHS's rules for their bounds (see
/// [`MilpOptions::integrality`]). A problem with integer or semi-variables whose relaxation
/// is unbounded ends with status 4, "The problem is unbounded or infeasible.", as SciPy's.
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`] for non-finite `c`, integrality values above 3, NaN
/// bounds or constraint bounds, a non-finite constraint matrix, a negative `mip_rel_gap`, and
/// semi-variable bounds HiGHS refuses (SciPy then returns status 4, "Solve error"): a negative
/// lower bound, or an upper bound above 1e5 with a lower bound above 1e4;
/// [`OptimizeError::WrongLength`] when `integrality`, `bounds` or a constraint's `A`, `lb`,
/// `ub` do not match `len(c)` or the number of rows.
///
/// # Examples
///
/// SciPy's docstring example: maximize `x1` subject to `-x0 + x1 <= 1`, `3 x0 + 2 x1 <= 12`,
/// `2 x0 + 3 x1 <= 12`, integers.
///
/// ```
/// use sci_optimize::{milp, MilpOptions, LinearConstraint};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[-1.0, 1.0], [3.0, 2.0], [2.0, 3.0]];
/// let cons = LinearConstraint::new(a, array![f64::NEG_INFINITY], array![1.0, 12.0, 12.0]);
/// let opts = MilpOptions { integrality: vec![1], constraints: vec![cons], ..Default::default() };
/// let res = milp(&array![0.0, -1.0].view(), &opts)?;
/// assert_eq!(res.status, 0);
/// let x = res.x.unwrap();
/// assert_eq!((x[1], res.fun), (2.0, Some(-2.0)));
/// assert!(x[0] == 1.0 || x[0] == 2.0);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// Semi-continuous lots (integrality 2): three sources of unit costs 1, 1.2 and 1.5, each
/// delivering nothing or between its minimum lot (5, 4, 3) and 10, meet a demand of at least 3.
/// The relaxation would take 3 from the cheapest source, below its minimum lot; the cheapest
/// source whose lot fits is the third.
///
/// ```
/// use sci_optimize::{milp, Bounds, LinearConstraint, MilpOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let demand = LinearConstraint::new(array![[1.0, 1.0, 1.0]], array![3.0], array![f64::INFINITY]);
/// let opts = MilpOptions {
///     integrality: vec![2],
///     bounds: Some(Bounds::new(array![5.0, 4.0, 3.0], array![10.0])),
///     constraints: vec![demand],
///     ..Default::default()
/// };
/// let res = milp(&array![1.0, 1.2, 1.5].view(), &opts)?;
/// assert_eq!(res.x.unwrap(), array![0.0, 0.0, 3.0]);
/// assert!((res.fun.unwrap() - 4.5).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.milp`
pub fn milp(c: &ArrayView1<'_, f64>, options: &MilpOptions) -> Result<MilpResult> {
    let n = c.len();
    if n == 0 || c.iter().any(|v| !v.is_finite()) {
        return Err(invalid(
            "c",
            "`c` must be a one-dimensional array of finite numbers with at least one element",
        ));
    }
    let kinds: Vec<u8> = match options.integrality.len() {
        0 => vec![0; n],
        1 => vec![options.integrality[0]; n],
        k if k == n => options.integrality.clone(),
        k => return Err(OptimizeError::WrongLength { arg: "integrality", expected: n, found: k }),
    };
    if kinds.iter().any(|&v| v > 3) {
        return Err(invalid(
            "integrality",
            "`integrality` must contain integers 0-3 and be broadcastable to `c.shape`",
        ));
    }
    let mut integ: Vec<bool> = kinds.iter().map(|&v| v == 1).collect();
    let (mut lb, mut ub) = match &options.bounds {
        None => (vec![0.0; n], vec![f64::INFINITY; n]),
        Some(b) => (per_var("bounds.lb", &b.lb, n)?, per_var("bounds.ub", &b.ub, n)?),
    };
    if lb.iter().chain(&ub).any(|v| v.is_nan()) {
        return Err(invalid("bounds", "`bounds.lb` and `bounds.ub` must contain reals"));
    }
    if options.mip_rel_gap.is_nan() || options.mip_rel_gap < 0.0 {
        return Err(invalid("mip_rel_gap", "must be non-negative"));
    }
    let semi = semi::assess(&kinds, INT_TOL, &mut lb, &mut ub, &mut integ)?;
    let (mut rows, mut rl, mut ru) = (Cs::new(), Vec::new(), Vec::new());
    let dense = options.constraints.iter().map(|c| (ConstraintMatrix::Dense(c.a.view()), &c.lb, &c.ub));
    let sparse = options.sparse_constraints.iter().map(|c| (ConstraintMatrix::Sparse(&c.a), &c.lb, &c.ub));
    for (a, lb, ub) in dense.chain(sparse) {
        let (m, ncols) = a.shape();
        if ncols != n {
            return Err(OptimizeError::WrongLength { arg: "constraints.A", expected: n, found: ncols });
        }
        let (l, u) = (per_var("constraints.lb", lb, m)?, per_var("constraints.ub", ub, m)?);
        if l.iter().chain(&u).any(|v| v.is_nan()) {
            return Err(invalid("constraints", "`lb` and `ub` must contain reals"));
        }
        rows.push_rows(a, "constraints.A")
            .map_err(|_| invalid("constraints.A", "`A` must contain finite numbers"))?;
        rl.extend(l);
        ru.extend(u);
    }
    let empty = |status: i32, message: &str| MilpResult {
        x: None,
        fun: None,
        success: false,
        status,
        message: message.to_string(),
        mip_node_count: None,
        mip_dual_bound: None,
        mip_gap: None,
    };
    for j in 0..n {
        if integ[j] {
            lb[j] = (lb[j] - INT_TOL).ceil();
            ub[j] = (ub[j] + INT_TOL).floor();
        }
    }
    let infeasible = status_message(Outcome::Infeasible);
    if lb.iter().zip(&ub).any(|(l, u)| l > u || *l == f64::INFINITY || *u == f64::NEG_INFINITY)
        || rl.iter().zip(&ru).any(|(l, u)| l > u)
    {
        return Ok(empty(infeasible.0, infeasible.1));
    }
    let m = rl.len();
    let lp = StdLp::new(m, n, rows, c.to_vec(), (lb, ub), &rl, &ru);
    let start = Instant::now();
    let (out, mut sx) = solve_lp(&lp, usize::MAX);
    let discrete = integ.iter().any(|&i| i) || semi.on_lo.iter().any(|&l| l > 0.0);
    if out == Outcome::Unbounded && discrete {
        // HiGHS's MIP solver: an unbounded relaxation leaves the MIP unbounded or infeasible.
        return Ok(empty(4, "The problem is unbounded or infeasible."));
    }
    if out != Outcome::Optimal {
        let (status, message) = status_message(out);
        return Ok(empty(status, message));
    }
    let search = Search {
        n,
        c: c.as_slice().map(<[f64]>::to_vec).unwrap_or_else(|| c.to_vec()),
        integ,
        semi: semi.on_lo,
        start,
        options,
    };
    let res = search.run(&mut sx);
    // HiGHS's check after lowering large semi-variable upper bounds to 1e5: a solution at such a
    // bound may be cut off by it, so HiGHS reports a solve error.
    let at_cap = |x: &Array1<f64>| semi.capped.iter().any(|&j| x[j] > semi::MAX_SEMI_UPPER - PRIMAL_TOL);
    if res.status == 0 && res.x.as_ref().is_some_and(at_cap) {
        return Ok(empty(
            4,
            "Solve error: semi-variables are active at modified upper bounds (upper bounds above 1e5 are \
             lowered to 1e5).",
        ));
    }
    Ok(res)
}

struct Search<'o> {
    n: usize,
    c: Vec<f64>,
    integ: Vec<bool>,
    /// Per variable, the lower bound of a semi-variable's nonzero part (0: not semi).
    semi: Vec<f64>,
    start: Instant,
    options: &'o MilpOptions,
}

impl Search<'_> {
    fn objective(&self, x: &[f64]) -> f64 {
        self.c.iter().zip(x).map(|(a, b)| a * b).sum()
    }

    /// The most violated variable, if any: the largest distance to an integer (at most 0.5),
    /// or of a semi-variable between 0 and its lower bound `l`, the distance to the nearer of
    /// the two over `l` (also at most 0.5).
    fn branch_var(&self, x: &[f64]) -> Option<(usize, Branch)> {
        let mut best = None;
        let mut score_best = 0.0;
        for j in 0..self.n {
            let (v, l) = (x[j], self.semi[j]);
            let (score, kind) = if l > 0.0 && v > INT_TOL && v < l - INT_TOL {
                (v.min(l - v) / l, Branch::Semi)
            } else if self.integ[j] {
                let f = (v - v.floor()).min(v.ceil() - v);
                if f <= INT_TOL {
                    continue;
                }
                (f, Branch::Integer)
            } else {
                continue;
            };
            if score > score_best {
                score_best = score;
                best = Some((j, kind));
            }
        }
        best
    }

    /// A solution that violates no requirement, with integers rounded and semi-variables within
    /// the tolerance of 0 or of their lower bound moved there.
    fn snap(&self, x: &mut [f64]) {
        for j in 0..self.n {
            let l = self.semi[j];
            if self.integ[j] {
                x[j] = x[j].round();
            } else if l > 0.0 && x[j] < l {
                x[j] = if x[j] <= INT_TOL { 0.0 } else { l };
            }
        }
    }

    fn gap(inc: f64, bound: f64) -> f64 {
        if inc == bound {
            0.0
        } else if inc == 0.0 {
            f64::INFINITY
        } else {
            (inc - bound).abs() / inc.abs()
        }
    }

    fn run(&self, sx: &mut DualSimplex<'_>) -> MilpResult {
        let n = self.n;
        let rel_gap = self.options.mip_rel_gap;
        let mut incumbent: Option<(f64, Vec<f64>)> = None;
        let mut open: BinaryHeap<Node> = BinaryHeap::new();
        let mut nodes = 0usize;
        let mut limit_hit: Option<(i32, &'static str)> = None;
        let mut pruned_bound = f64::INFINITY;
        // The node being solved (bounds already in `sx`) and its depth.
        let mut current: Option<usize> = Some(0);
        let mut current_bound = self.objective(&sx.x[..n]);
        let mut first = true;
        loop {
            let Some(depth) = current.take() else {
                // Best-bound selection among the open nodes.
                let Some(node) = open.pop() else { break };
                if let Some((inc, _)) = &incumbent {
                    if Self::gap(*inc, node.bound) <= rel_gap || node.bound >= *inc {
                        pruned_bound = node.bound;
                        open.clear();
                        break;
                    }
                }
                sx.lo[..n].copy_from_slice(&node.lo);
                sx.up[..n].copy_from_slice(&node.up);
                sx.head = node.head;
                sx.state = node.state;
                current = Some(node.depth);
                continue;
            };
            if self.options.node_limit.is_some_and(|l| nodes >= l) {
                limit_hit = Some(status_message(Outcome::IterationLimit));
                break;
            }
            if self.options.time_limit.is_some_and(|t| self.start.elapsed().as_secs_f64() >= t) {
                limit_hit = Some((1, "Time limit reached."));
                break;
            }
            nodes += 1;
            let out = if first { Outcome::Optimal } else { sx.solve(usize::MAX) };
            first = false;
            if limit_hit.is_none() && out == Outcome::Optimal {
                // The bound of the node being solved, for the final dual bound on a limit.
                current_bound = self.objective(&sx.x[..n]);
            }
            match out {
                Outcome::Optimal => {}
                Outcome::Infeasible => continue,
                other => {
                    limit_hit = Some(status_message(other));
                    break;
                }
            }
            let x: Vec<f64> = sx.x[..n].to_vec();
            let obj = self.objective(&x);
            if let Some((inc, _)) = &incumbent {
                if obj >= *inc || Self::gap(*inc, obj) <= rel_gap {
                    continue;
                }
            }
            let Some((j, kind)) = self.branch_var(&x) else {
                let mut xs = x;
                self.snap(&mut xs);
                incumbent = Some((self.objective(&xs), xs));
                continue;
            };
            // Children: x_j <= floor(v) and x_j >= ceil(v) for an integer, x_j = 0 and
            // x_j >= l for a semi-variable; dive into the nearer side.
            let v = x[j];
            let ((down_up, up_lo), down_first) = match kind {
                Branch::Integer => ((v.floor(), v.ceil()), v - v.floor() <= 0.5),
                Branch::Semi => ((0.0, self.semi[j]), v <= 0.5 * self.semi[j]),
            };
            let (lo, up) = (sx.lo[..n].to_vec(), sx.up[..n].to_vec());
            let (mut lo2, mut up2) = (lo.clone(), up.clone());
            if down_first {
                lo2[j] = up_lo;
                sx.up[j] = down_up;
            } else {
                up2[j] = down_up;
                sx.lo[j] = up_lo;
            }
            open.push(Node {
                bound: obj,
                depth: depth + 1,
                lo: lo2,
                up: up2,
                head: sx.head.clone(),
                state: sx.state.clone(),
            });
            current = Some(depth + 1);
        }
        // The lower bound: the open nodes (and, on a limit, the node being solved), or the node
        // that stopped the search by the gap test.
        let mut bound = open.iter().map(|nd| nd.bound).fold(pruned_bound, f64::min);
        if limit_hit.is_some() {
            bound = bound.min(current_bound);
        }
        let (status, message) = match (&incumbent, limit_hit) {
            (_, Some(sm)) => sm,
            (None, None) => status_message(Outcome::Infeasible),
            (Some(_), None) => status_message(Outcome::Optimal),
        };
        let (x, fun, dual, gap) = match incumbent {
            Some((fun, x)) => {
                let dual = bound.min(fun);
                (Some(Array1::from_vec(x)), Some(fun), Some(dual), Some(Self::gap(fun, dual)))
            }
            None if limit_hit.is_some() => (None, None, Some(bound), None),
            None => (None, None, None, None),
        };
        MilpResult {
            x,
            fun,
            success: status == 0,
            status,
            message: message.into(),
            mip_node_count: if status == 2 { None } else { Some(nodes) },
            mip_dual_bound: dual,
            mip_gap: gap,
        }
    }
}

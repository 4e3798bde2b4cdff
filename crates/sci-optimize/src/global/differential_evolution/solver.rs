//! SciPy's `DifferentialEvolutionSolver`: the population, its initialisation, mutation,
//! crossover and the Lampinen selection of one generation.

use super::constraints::Wrapped;
use super::{DifferentialEvolutionOptions, Init, Mutation, Strategy, Updating};
use crate::error::{Result, invalid};
use crate::global::qmc::{Qmc, SOBOL_MAX_DIM};
use crate::global::{
    check_finite_bounds, check_workers, first_spawned_rng, map_points, np_argmin, np_sum, resolve_seed,
};
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use sci_array::random::{Generator, default_rng};

/// The objective: one point at a time (`map`ped over a generation, maybe on threads), or a
/// whole `(N, S)` batch at once (SciPy's `vectorized=True`).
#[derive(Clone, Copy)]
pub(super) enum Objective<'f> {
    Scalar(&'f (dyn Fn(&Array1<f64>) -> f64 + Sync)),
    Vectorized(&'f dyn Fn(&ArrayView2<'_, f64>) -> Array1<f64>),
}

/// SciPy's message when a callable strategy returns a trial of the wrong shape.
const STRATEGY_SHAPE: &str = "strategy must have signature f(candidate: int, population: np.ndarray, rng=None) \
    returning an array of shape (N,)";

/// SciPy's message when a vectorized objective returns the wrong number of values.
pub(super) const VECTORIZED_SHAPE: &str =
    "The vectorized function must return an array of shape (S,) when given an array of shape (len(x), S)";

pub(super) struct Solver<'a> {
    pub(super) func: Objective<'a>,
    pub(super) o: &'a DifferentialEvolutionOptions<'a>,
    rng: Generator,
    /// Lower and upper limits (after the integrality adjustment).
    pub(super) lo: Vec<f64>,
    pub(super) hi: Vec<f64>,
    arg1: Vec<f64>,
    arg2: Vec<f64>,
    recip2: Vec<f64>,
    pub(super) integrality: Vec<bool>,
    pub(super) n: usize,
    pub(super) m: usize,
    /// The population in the unit cube, one member per row, best first after every promotion.
    pub(super) pop: Array2<f64>,
    pub(super) energies: Vec<f64>,
    /// The wrapped constraints and, per member, feasibility and violation per component
    /// (one zero column without constraints, as SciPy).
    pub(super) constraints: Vec<Wrapped<'a, 'a>>,
    feasible: Vec<bool>,
    cv: Array2<f64>,
    scale: f64,
    dither: Option<(f64, f64)>,
    index: Array1<usize>,
    pub(super) nfev: usize,
    deferred: bool,
}

fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let b = x.to_bits();
    f64::from_bits(if x > 0.0 { b + 1 } else { b - 1 })
}

fn next_down(x: f64) -> f64 {
    -next_up(-x)
}

/// Latin hypercube: one uniform draw in each of `m` slices per parameter, then each column
/// permuted (SciPy's `init_population_lhs`).
fn latin_hypercube(rng: &mut Generator, m: usize, n: usize) -> Array2<f64> {
    let seg = 1.0 / m as f64;
    let mut samples = Array2::zeros((m, n));
    for ((i, _), s) in samples.indexed_iter_mut() {
        *s = seg * rng.next_f64() + i as f64 * seg;
    }
    let mut pop = Array2::zeros((m, n));
    for j in 0..n {
        let order = rng.permutation(m);
        for i in 0..m {
            pop[[i, j]] = samples[[order[i] as usize, j]];
        }
    }
    pop
}

/// SciPy's `not np.sum(cv) > 0`: a NaN violation counts as feasible.
fn is_feasible(cv: &[f64]) -> bool {
    let s = np_sum(cv);
    s <= 0.0 || s.is_nan()
}

/// SciPy's `_accept_trial` (Lampinen's rules): feasible against feasible by energy, feasible
/// beats infeasible, infeasible wins when no component of its violation is larger.
fn accept(
    e_t: f64,
    f_t: bool,
    cv_t: ArrayView1<'_, f64>,
    e_o: f64,
    f_o: bool,
    cv_o: ArrayView1<'_, f64>,
) -> bool {
    if f_o && f_t {
        e_t <= e_o
    } else if f_t {
        true
    } else {
        cv_t.iter().zip(cv_o.iter()).all(|(t, o)| t <= o)
    }
}

impl<'a> Solver<'a> {
    pub(super) fn new(
        func: Objective<'a>,
        bounds: &[(f64, f64)],
        o: &'a DifferentialEvolutionOptions<'a>,
    ) -> Result<Self> {
        check_finite_bounds(bounds)?;
        check_workers(o.workers)?;
        let (scale, dither) = match o.mutation {
            Mutation::Constant(f) => (f, None),
            Mutation::Dither(a, b) => (a, Some((a.min(b), a.max(b)))),
        };
        let fs: &[f64] = match &o.mutation {
            Mutation::Constant(f) => std::slice::from_ref(f),
            Mutation::Dither(a, b) => &[*a, *b],
        };
        if fs.iter().any(|f| !f.is_finite() || *f >= 2.0 || *f < 0.0) {
            return Err(invalid(
                "mutation",
                "The mutation constant must be a float in U[0, 2), or specified as a tuple(min, max) \
                 where min < max and min, max are in U[0, 2).",
            ));
        }
        let n = bounds.len();
        let mut lo: Vec<f64> = bounds.iter().map(|b| b.0).collect();
        let mut hi: Vec<f64> = bounds.iter().map(|b| b.1).collect();
        // SciPy takes the scaling between the unit cube and the parameters from the bounds as
        // given, before narrowing the limits of integer parameters.
        let arg1: Vec<f64> = lo.iter().zip(&hi).map(|(l, u)| 0.5 * (l + u)).collect();
        let arg2: Vec<f64> = lo.iter().zip(&hi).map(|(l, u)| (l - u).abs()).collect();
        let recip2: Vec<f64> =
            arg2.iter().map(|a| if a.recip().is_finite() { a.recip() } else { 0.0 }).collect();
        let integrality = match &o.integrality {
            None => vec![false; n],
            Some(v) if v.len() == n => v.clone(),
            Some(v) => return Err(invalid("integrality", format!("expected {n} entries, got {}", v.len()))),
        };
        for k in 0..n {
            if integrality[k] {
                let (l, u) = (lo[k].ceil(), hi[k].floor());
                if l > u {
                    return Err(invalid(
                        "integrality",
                        "One of the integrality constraints does not have any possible integer values between \
                         the lower/upper bounds.",
                    ));
                }
                lo[k] = next_up(l - 0.5);
                hi[k] = next_down(u + 0.5);
            }
        }
        let eb = lo.iter().zip(&hi).filter(|(l, u)| l == u).count();
        let mut m = 5.max(o.popsize * 1.max(n - eb));
        let seed = resolve_seed(o.seed);
        let mut rng = default_rng(seed);
        let pop = match &o.init {
            Init::LatinHypercube => latin_hypercube(&mut rng, m, n),
            Init::Random => Array2::from_shape_fn((m, n), |_| rng.next_f64()),
            Init::Sobol | Init::Halton => {
                if o.init == Init::Sobol {
                    if n > SOBOL_MAX_DIM {
                        return Err(invalid(
                            "init",
                            format!("'sobol' is available for up to {SOBOL_MAX_DIM} parameters, got {n}"),
                        ));
                    }
                    // Sobol' needs a power of two.
                    m = m.next_power_of_two();
                }
                // SciPy's engine owns a child spawned from the solver's generator (which
                // itself draws nothing here).
                let mut child = first_spawned_rng(seed);
                let mut engine = if o.init == Init::Sobol {
                    Qmc::sobol_scrambled(n, &mut child)
                } else {
                    Qmc::halton_scrambled(n, &mut child)
                };
                let pts = engine.random(m);
                Array2::from_shape_fn((m, n), |(i, j)| pts[i][j])
            }
            Init::Population(p) => {
                if p.nrows() < 5 || p.ncols() != n {
                    return Err(invalid(
                        "init",
                        "The population supplied needs to have shape (S, len(x)), where S > 4.",
                    ));
                }
                m = p.nrows();
                let mut pop = p.clone();
                for mut row in pop.rows_mut() {
                    for k in 0..n {
                        row[k] = ((row[k] - arg1[k]) * recip2[k] + 0.5).clamp(0.0, 1.0);
                    }
                }
                pop
            }
        };
        let vectorized = matches!(func, Objective::Vectorized(_));
        if vectorized && o.workers != 1 {
            return Err(invalid(
                "workers",
                "the 'workers' keyword overrides the 'vectorized' keyword in SciPy: use workers = 1 with a \
                 vectorized objective",
            ));
        }
        let mut s = Solver {
            func,
            o,
            rng,
            lo,
            hi,
            arg1,
            arg2,
            recip2,
            integrality,
            n,
            m,
            pop,
            energies: vec![f64::INFINITY; m],
            constraints: Vec::new(),
            feasible: vec![true; m],
            cv: Array2::zeros((m, 1)),
            scale,
            dither,
            index: Array1::from_iter(0..m),
            nfev: 0,
            deferred: o.updating == Updating::Deferred || o.workers != 1 || vectorized,
        };
        if let Some(x0) = &o.x0 {
            if x0.len() != n {
                return Err(invalid("x0", format!("expected {n} entries, got {}", x0.len())));
            }
            let u = s.unscale(x0);
            if u.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
                return Err(invalid("x0", "Some entries in x0 lay outside the specified bounds"));
            }
            s.pop.row_mut(0).assign(&u);
        }
        let best = s.scale_row(s.pop.row(0));
        s.constraints = o.constraints.iter().map(|c| Wrapped::new(c, &best)).collect::<Result<_>>()?;
        Ok(s)
    }

    pub(super) fn scale_row(&self, trial: ArrayView1<'_, f64>) -> Array1<f64> {
        Array1::from_iter((0..self.n).map(|k| {
            let v = self.arg1[k] + (trial[k] - 0.5) * self.arg2[k];
            if self.integrality[k] { v.round_ties_even() } else { v }
        }))
    }

    pub(super) fn unscale(&self, x: &Array1<f64>) -> Array1<f64> {
        Array1::from_iter((0..self.n).map(|k| (x[k] - self.arg1[k]) * self.recip2[k] + 0.5))
    }

    /// The objective at one point in the parameters' units (not counted).
    pub(super) fn value_at(&self, x: &Array1<f64>) -> f64 {
        match self.func {
            Objective::Scalar(f) => f(x),
            Objective::Vectorized(f) => {
                let col = x.view().insert_axis(ndarray::Axis(1));
                f(&col).first().copied().unwrap_or(f64::NAN)
            }
        }
    }

    /// SciPy's `_calculate_population_energies` of the rows of `pop` (unit cube): one
    /// evaluation per row, or one vectorized call (counted once, even for no rows).
    fn energies_of(&mut self, pop: &Array2<f64>) -> Result<Vec<f64>> {
        let points: Vec<Array1<f64>> = pop.rows().into_iter().map(|r| self.scale_row(r)).collect();
        match self.func {
            Objective::Scalar(f) => {
                self.nfev += points.len();
                Ok(map_points(&f, &points, self.o.workers))
            }
            Objective::Vectorized(f) => {
                let mut params = Array2::zeros((points.len(), self.n));
                for (mut row, p) in params.rows_mut().into_iter().zip(&points) {
                    row.assign(p);
                }
                let e = f(&params.t());
                self.nfev += 1;
                if e.len() != points.len() {
                    return Err(invalid("func", VECTORIZED_SHAPE));
                }
                Ok(e.to_vec())
            }
        }
    }

    /// SciPy's `_constraint_violation_fn` at one point: the violations of all constraint
    /// components, concatenated.
    pub(super) fn violation_at(&self, x: &Array1<f64>) -> Result<Vec<f64>> {
        let mut out = Vec::new();
        for c in &self.constraints {
            out.extend(c.violation(x)?);
        }
        Ok(out)
    }

    /// SciPy's `_calculate_population_feasibilities`: feasible when the summed violation is not
    /// positive (so a NaN violation counts as feasible, as in SciPy).
    fn feasibilities(&self, pop: &Array2<f64>) -> Result<(Vec<bool>, Array2<f64>)> {
        let s = pop.nrows();
        if self.constraints.is_empty() {
            return Ok((vec![true; s], Array2::zeros((s, 1))));
        }
        let total: usize = self.constraints.iter().map(|c| c.m).sum();
        let mut cv = Array2::zeros((s, total));
        let mut feasible = vec![true; s];
        for (i, row) in pop.rows().into_iter().enumerate() {
            let v = self.violation_at(&self.scale_row(row))?;
            feasible[i] = is_feasible(&v);
            cv.row_mut(i).assign(&Array1::from_vec(v));
        }
        Ok((feasible, cv))
    }

    /// Feasibilities of the rows of `pop`, then energies of the feasible ones (infinite for
    /// the others).
    fn assess(&mut self, pop: &Array2<f64>) -> Result<(Vec<bool>, Array2<f64>, Vec<f64>)> {
        let (feasible, cv) = self.feasibilities(pop)?;
        let rows: Vec<usize> = (0..pop.nrows()).filter(|&i| feasible[i]).collect();
        let sub = pop.select(ndarray::Axis(0), &rows);
        let e = self.energies_of(&sub)?;
        let mut energies = vec![f64::INFINITY; pop.nrows()];
        for (&i, v) in rows.iter().zip(e) {
            energies[i] = v;
        }
        Ok((feasible, cv, energies))
    }

    /// SciPy's `_promote_lowest_energy`: the best feasible member (or, with none feasible, the
    /// least violating one) is swapped to the front.
    fn promote_lowest(&mut self) {
        let idx: Vec<usize> = (0..self.m).filter(|&i| self.feasible[i]).collect();
        let l = if idx.is_empty() {
            let sums: Vec<f64> = self.cv.rows().into_iter().map(|r| np_sum(&r.to_vec())).collect();
            np_argmin(&sums)
        } else {
            let e: Vec<f64> = idx.iter().map(|&i| self.energies[i]).collect();
            idx[np_argmin(&e)]
        };
        if l != 0 {
            self.energies.swap(0, l);
            self.feasible.swap(0, l);
            for k in 0..self.n {
                self.pop.swap([0, k], [l, k]);
            }
            for k in 0..self.cv.ncols() {
                self.cv.swap([0, k], [l, k]);
            }
        }
    }

    fn select_samples(&mut self, candidate: usize) -> [usize; 5] {
        // SciPy shuffles one persistent index array and takes the first six, minus `candidate`.
        self.rng.shuffle(&mut self.index).expect("1-d shuffle");
        let mut out = [0; 5];
        let mut k = 0;
        for &i in self.index.iter().take(6) {
            if i != candidate && k < 5 {
                out[k] = i;
                k += 1;
            }
        }
        out
    }

    fn bprime(&self, candidate: usize, r: &[usize; 5]) -> Array1<f64> {
        let p = &self.pop;
        let f = self.scale;
        let row = |i: usize| p.row(i);
        let (b, r0) = (row(0), row(r[0]));
        let (r1, r2, r3) = (row(r[1]), row(r[2]), row(r[3]));
        use Strategy::*;
        Array1::from_iter((0..self.n).map(|k| match self.o.strategy {
            Best1Bin | Best1Exp => b[k] + f * (r0[k] - r1[k]),
            Rand1Bin | Rand1Exp => r0[k] + f * (r1[k] - r2[k]),
            RandToBest1Bin | RandToBest1Exp => {
                let mut v = r0[k];
                v += f * (b[k] - v);
                v + f * (r1[k] - r2[k])
            }
            CurrentToBest1Bin | CurrentToBest1Exp => {
                let c = p[[candidate, k]];
                c + f * (b[k] - c + r0[k] - r1[k])
            }
            Best2Bin | Best2Exp => b[k] + f * (r0[k] + r1[k] - r2[k] - r3[k]),
            Rand2Bin | Rand2Exp => r0[k] + f * (r1[k] + r2[k] - r3[k] - p[[r[4], k]]),
        }))
    }

    /// Crossover of `bprime` into a copy of member `candidate`, given the draws.
    fn crossover(&self, candidate: usize, bprime: &Array1<f64>, fill_point: usize, u: &[f64]) -> Array1<f64> {
        let n = self.n;
        let cr = self.o.recombination;
        let mut trial = self.pop.row(candidate).to_owned();
        if self.o.strategy.binomial() {
            for k in 0..n {
                if u[k] < cr || k == fill_point {
                    trial[k] = bprime[k];
                }
            }
        } else {
            let mut fp = fill_point;
            let mut i = 0;
            while i < n && (i == 0 || u[i] < cr) {
                trial[fp] = bprime[fp];
                fp = (fp + 1) % n;
                i += 1;
            }
        }
        trial
    }

    /// The population in the parameters' units (SciPy's `_scale_parameters(population)`).
    pub(super) fn scaled_population(&self) -> Array2<f64> {
        let mut p = Array2::zeros((self.m, self.n));
        for (i, mut row) in p.rows_mut().into_iter().enumerate() {
            row.assign(&self.scale_row(self.pop.row(i)));
        }
        p
    }

    /// SciPy's `_mutate_custom` for one candidate, given the scaled population.
    fn custom_trial(
        &mut self,
        f: super::StrategyFn<'_>,
        candidate: usize,
        scaled: &Array2<f64>,
    ) -> Result<Array1<f64>> {
        let t = f(candidate, scaled, &mut self.rng);
        if t.len() != self.n {
            return Err(invalid("strategy", STRATEGY_SHAPE));
        }
        Ok(self.unscale(&t))
    }

    fn draw_index(&mut self) -> usize {
        self.rng.integers(0, self.n as i64, 1).expect("n >= 1")[0] as usize
    }

    /// Replaces entries outside `[0, 1]` by uniform draws (C order).
    fn ensure_constraint(&mut self, trial: &mut [f64]) {
        for v in trial.iter_mut() {
            if *v > 1.0 || *v < 0.0 {
                *v = self.rng.next_f64();
            }
        }
    }

    /// Energies of the initial population (or again, while they are all infinite).
    pub(super) fn init_energies(&mut self) -> Result<()> {
        if self.energies.iter().all(|e| e.is_infinite()) {
            let pop = self.pop.clone();
            let (feasible, cv, energies) = self.assess(&pop)?;
            (self.feasible, self.cv, self.energies) = (feasible, cv, energies);
            self.promote_lowest();
        }
        Ok(())
    }

    /// One generation.
    pub(super) fn next_generation(&mut self) -> Result<()> {
        self.init_energies()?;
        if let Some((a, b)) = self.dither {
            self.scale = a + (b - a) * self.rng.next_f64();
        }
        let n = self.n;
        if !self.deferred {
            for candidate in 0..self.m {
                let mut trial = if let Some(f) = self.o.strategy_fn {
                    let scaled = self.scaled_population();
                    self.custom_trial(f, candidate, &scaled)?
                } else {
                    let fill_point = self.draw_index();
                    let samples = self.select_samples(candidate);
                    let bprime = self.bprime(candidate, &samples);
                    let u: Vec<f64> = (0..n).map(|_| self.rng.next_f64()).collect();
                    self.crossover(candidate, &bprime, fill_point, &u)
                };
                self.ensure_constraint(trial.as_slice_mut().expect("owned"));
                let params = self.scale_row(trial.view());
                let (feasible, cv, energy) = if self.constraints.is_empty() {
                    self.nfev += 1;
                    (true, vec![0.0], self.value_at(&params))
                } else {
                    let cv = self.violation_at(&params)?;
                    if is_feasible(&cv) {
                        self.nfev += 1;
                        (true, cv, self.value_at(&params))
                    } else {
                        (false, cv, f64::INFINITY)
                    }
                };
                let cv = Array1::from_vec(cv);
                let (e_c, f_c) = (self.energies[candidate], self.feasible[candidate]);
                if accept(energy, feasible, cv.view(), e_c, f_c, self.cv.row(candidate)) {
                    self.pop.row_mut(candidate).assign(&trial);
                    self.energies[candidate] = energy;
                    self.feasible[candidate] = feasible;
                    self.cv.row_mut(candidate).assign(&cv);
                    if accept(energy, feasible, cv.view(), self.energies[0], self.feasible[0], self.cv.row(0))
                    {
                        self.promote_lowest();
                    }
                }
            }
        } else {
            let m = self.m;
            let mut trials = Array2::zeros((m, n));
            if let Some(f) = self.o.strategy_fn {
                let scaled = self.scaled_population();
                for c in 0..m {
                    let t = self.custom_trial(f, c, &scaled)?;
                    trials.row_mut(c).assign(&t);
                }
            } else {
                let samples: Vec<[usize; 5]> = (0..m).map(|c| self.select_samples(c)).collect();
                let bprimes: Vec<Array1<f64>> = (0..m).map(|c| self.bprime(c, &samples[c])).collect();
                let fill: Vec<usize> =
                    self.rng.integers(0, n as i64, m).expect("n >= 1").iter().map(|&v| v as usize).collect();
                let u: Vec<f64> = (0..m * n).map(|_| self.rng.next_f64()).collect();
                for c in 0..m {
                    let t = self.crossover(c, &bprimes[c], fill[c], &u[c * n..(c + 1) * n]);
                    trials.row_mut(c).assign(&t);
                }
            }
            self.ensure_constraint(trials.as_slice_mut().expect("standard layout"));
            let (feasible, cv, e) = self.assess(&trials)?;
            for c in 0..m {
                if accept(e[c], feasible[c], cv.row(c), self.energies[c], self.feasible[c], self.cv.row(c)) {
                    self.pop.row_mut(c).assign(&trials.row(c));
                    self.energies[c] = e[c];
                    self.feasible[c] = feasible[c];
                    self.cv.row_mut(c).assign(&cv.row(c));
                }
            }
            self.promote_lowest();
        }
        Ok(())
    }
}

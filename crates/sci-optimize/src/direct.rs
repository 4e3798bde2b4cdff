//! `direct`: Jones' DIRECT and Gablonsky's locally biased DIRECT-L, step for step as SciPy's
//! `_direct` (Gablonsky's Fortran via SGJ's C translation), so that `x`, `fun`, `nfev` and `nit`
//! agree with SciPy's.

use crate::error::{OptimizeError, Result, invalid};
use crate::minimize::Bounds;
use ndarray::Array1;
use std::fmt;

/// The callback of [`direct`]: SciPy's `callback(xk)`, called at the end of every iteration
/// that does not stop the run, with the last point evaluated in it.
///
/// SciPy's docstring says `xk` is the best point so far; its C code hands over the buffer of the
/// last function evaluation, and so does this. SciPy ignores the return value (an exception,
/// `StopIteration` included, propagates out of `direct` without a result), so the callback
/// cannot stop the run.
///
/// # Examples
///
/// ```
/// use std::cell::RefCell;
/// use sci_optimize::{Bounds, DirectOptions, direct};
/// use sci_optimize::sci_array::ndarray::Array1;
/// let seen = RefCell::new(Vec::new());
/// let cb = |xk: &Array1<f64>| seen.borrow_mut().push(xk.clone());
/// let f = |x: &Array1<f64>| x.iter().map(|v| (v - 0.3) * (v - 0.3)).sum::<f64>();
/// let o = DirectOptions { maxiter: 5, callback: Some(&cb), ..Default::default() };
/// let r = direct(f, &Bounds::from_pairs(&[(-1.0, 1.0), (-1.0, 1.0)]), &o)?;
/// // SciPy: 5 iterations, 3 calls (iterations 2 to 4), the last one at SciPy's last sample.
/// assert_eq!((r.nit, seen.borrow().len()), (5, 3));
/// assert!((seen.borrow()[0][1] + 2.0 / 9.0).abs() < 1e-15);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type DirectCallback<'a> = &'a dyn Fn(&Array1<f64>);

/// Options of [`direct`] (SciPy's keyword arguments, SciPy's defaults).
///
/// # Examples
///
/// ```
/// use sci_optimize::DirectOptions;
/// let o = DirectOptions { locally_biased: false, ..Default::default() };
/// assert_eq!((o.eps, o.maxiter, o.len_tol), (1e-4, 1000, 1e-6));
/// ```
#[derive(Clone, Copy)]
pub struct DirectOptions<'a> {
    /// `eps` (default 1e-4): minimal improvement a rectangle must promise to be divided; a
    /// negative value switches on Jones' update `eps = max(1e-4 |f_min|, |eps|)`.
    pub eps: f64,
    /// `maxfun` (default `1000 n`): approximate budget of function evaluations.
    pub maxfun: Option<usize>,
    /// `maxiter` (default 1000).
    pub maxiter: usize,
    /// `locally_biased` (default true): DIRECT-L; false is the original DIRECT.
    pub locally_biased: bool,
    /// `f_min` (default `-inf`, unknown): the known global minimum.
    pub f_min: f64,
    /// `f_min_rtol` (default 1e-4): stop once `(fun - f_min) / |f_min|` is below it.
    pub f_min_rtol: f64,
    /// `vol_tol` (default 1e-16): stop once the best rectangle's volume (relative) is below.
    pub vol_tol: f64,
    /// `len_tol` (default 1e-6): stop once the best rectangle's side measure is below.
    pub len_tol: f64,
    /// `callback(xk)` (default `None`): called after each iteration that goes on.
    pub callback: Option<DirectCallback<'a>>,
}

impl fmt::Debug for DirectOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DirectOptions")
            .field("eps", &self.eps)
            .field("maxfun", &self.maxfun)
            .field("maxiter", &self.maxiter)
            .field("locally_biased", &self.locally_biased)
            .field("f_min", &self.f_min)
            .field("f_min_rtol", &self.f_min_rtol)
            .field("vol_tol", &self.vol_tol)
            .field("len_tol", &self.len_tol)
            .field("callback", &self.callback.is_some())
            .finish()
    }
}

impl Default for DirectOptions<'_> {
    fn default() -> Self {
        DirectOptions {
            eps: 1e-4,
            maxfun: None,
            maxiter: 1000,
            locally_biased: true,
            f_min: f64::NEG_INFINITY,
            f_min_rtol: 1e-4,
            vol_tol: 1e-16,
            len_tol: 1e-6,
            callback: None,
        }
    }
}

/// The result of [`direct`] (SciPy's `OptimizeResult` fields).
#[derive(Debug, Clone, PartialEq)]
pub struct DirectResult {
    /// The best point found.
    pub x: Array1<f64>,
    /// `func(x)`.
    pub fun: f64,
    /// SciPy's status: 1 maxfun, 2 maxiter, 3 f_min reached, 4 vol_tol, 5 len_tol, -6 the
    /// maximum division depth.
    pub status: i32,
    /// `status > 2`.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// Function evaluations.
    pub nfev: usize,
    /// Iterations.
    pub nit: usize,
}

/// The state of Gablonsky's DIRECT: rectangles `1..=maxfunc` with centres `c`, side-length
/// indices `length` (side `3^-length`), values `f`, linked lists `point` sorted by value,
/// one list per level with head `anchor`.
struct State {
    n: usize,
    jones: bool,
    c: Vec<f64>,
    length: Vec<i64>,
    f: Vec<f64>,
    point: Vec<usize>,
    /// `anchor[level + 1]` (level -1 is the never-used list of infeasible points).
    anchor: Vec<usize>,
    free: usize,
    minf: f64,
    minpos: usize,
    fmax: f64,
    /// Scaling: `x = (c + xs2) xs1`.
    xs1: Vec<f64>,
    xs2: Vec<f64>,
    l2a: Vec<usize>,
    l2b: Vec<usize>,
    w: Vec<f64>,
    /// The last point evaluated (SciPy's `x_seq`, which its callback gets).
    last_x: Array1<f64>,
}

impl State {
    fn len(&self, pos: usize, i: usize) -> i64 {
        self.length[(pos - 1) * self.n + i - 1]
    }

    fn set_len(&mut self, pos: usize, i: usize, v: i64) {
        self.length[(pos - 1) * self.n + i - 1] = v;
    }

    fn cc(&self, pos: usize, i: usize) -> f64 {
        self.c[(pos - 1) * self.n + i - 1]
    }

    fn set_c(&mut self, pos: usize, i: usize, v: f64) {
        self.c[(pos - 1) * self.n + i - 1] = v;
    }

    fn anchor(&self, level: i64) -> usize {
        self.anchor[(level + 1) as usize]
    }

    fn set_anchor(&mut self, level: i64, v: usize) {
        self.anchor[(level + 1) as usize] = v;
    }

    /// `DIRGetlevel`.
    fn level(&self, pos: usize, jones: bool) -> i64 {
        let n = self.n as i64;
        if !jones {
            let help = self.len(pos, 1);
            let (mut k, mut p) = (help, 1);
            for i in 2..=self.n {
                let li = self.len(pos, i);
                if li < k {
                    k = li;
                }
                if li == help {
                    p += 1;
                }
            }
            if k == help { k * n + n - p } else { k * n + p }
        } else {
            self.maxdeep(pos)
        }
    }

    /// `DIRGetmaxDeep`: the smallest side-length index.
    fn maxdeep(&self, pos: usize) -> i64 {
        (1..=self.n).map(|i| self.len(pos, i)).min().expect("n >= 1")
    }

    /// `DIRGet_I`: the directions of the longest sides.
    fn get_i(&self, pos: usize) -> Vec<usize> {
        let help = self.maxdeep(pos);
        (1..=self.n).filter(|&i| self.len(pos, i) == help).collect()
    }

    fn eval(&mut self, func: &mut dyn FnMut(&Array1<f64>) -> f64, pos: usize) {
        let x: Array1<f64> =
            (1..=self.n).map(|i| (self.cc(pos, i) + self.xs2[i - 1]) * self.xs1[i - 1]).collect();
        let v = func(&x);
        self.last_x = x;
        self.f[pos] = v;
        // MAX(f, fmax) as the C macro: (f > fmax ? f : fmax)
        if v > self.fmax {
            self.fmax = v;
        }
    }

    /// `DIRSamplepoints`: `2 maxi` new rectangles around `sample`; returns their first index.
    fn sample_points(&mut self, sample: usize, arrayi: &[usize], delta: f64) -> Result<usize> {
        let start = self.free;
        let mut pos = self.free;
        for _ in 0..2 * arrayi.len() {
            for j in 1..=self.n {
                let (l, c) = (self.len(sample, j), self.cc(sample, j));
                let free = self.free;
                self.set_len(free, j, l);
                self.set_c(free, j, c);
            }
            pos = self.free;
            self.free = self.point[self.free];
            if self.free == 0 {
                return Err(invalid("maxfun", "no more free positions; increase maxfun"));
            }
        }
        self.point[pos] = 0;
        let mut pos = start;
        for &a in arrayi {
            let c = self.cc(sample, a);
            self.set_c(pos, a, c + delta);
            pos = self.point[pos];
            self.set_c(pos, a, c - delta);
            pos = self.point[pos];
        }
        Ok(start)
    }

    /// `DIRSamplef`.
    fn sample_f(&mut self, func: &mut dyn FnMut(&Array1<f64>) -> f64, start: usize, maxi: usize) {
        let mut pos = start;
        for _ in 0..2 * maxi {
            self.eval(func, pos);
            pos = self.point[pos];
        }
        let mut pos = start;
        for _ in 0..2 * maxi {
            if self.f[pos] < self.minf {
                self.minf = self.f[pos];
                self.minpos = pos;
            }
            pos = self.point[pos];
        }
    }

    /// `DIRInsertList_2`: insert direction `j` into the list sorted by `w`.
    fn insert_list2(&mut self, start: &mut usize, j: usize, k: usize, maxi: usize) {
        let mut pos = *start;
        if *start == 0 {
            self.l2a[j] = 0;
            *start = j;
        } else if self.w[*start] > self.w[j] {
            self.l2a[j] = *start;
            *start = j;
        } else {
            for _ in 0..maxi {
                if self.l2a[pos] == 0 {
                    self.l2a[j] = 0;
                    self.l2a[pos] = j;
                    break;
                } else if self.w[j] < self.w[self.l2a[pos]] {
                    self.l2a[j] = self.l2a[pos];
                    self.l2a[pos] = j;
                    break;
                }
                pos = self.l2a[pos];
            }
        }
        self.l2b[j] = k;
    }

    /// `DIRDivide`: shrink the sides of `sample` and of the new rectangles, the direction
    /// with the best new value first.
    fn divide(&mut self, new: usize, current: i64, arrayi: &[usize], sample: usize) {
        let maxi = arrayi.len();
        let mut start = 0;
        let mut pos = new;
        for &j in arrayi {
            self.w[j] = self.f[pos];
            let k = pos;
            pos = self.point[pos];
            // MIN(f, w) as the C macro: (f < w ? f : w)
            if self.f[pos] < self.w[j] {
                self.w[j] = self.f[pos];
            }
            pos = self.point[pos];
            self.insert_list2(&mut start, j, k, maxi);
        }
        for j in 1..=maxi {
            let k = start;
            let mut pos = self.l2b[start];
            start = self.l2a[start];
            let mut pos2 = start;
            self.set_len(sample, k, current + 1);
            for _ in 0..maxi - j + 1 {
                self.set_len(pos, k, current + 1);
                pos = self.point[pos];
                self.set_len(pos, k, current + 1);
                if pos2 > 0 {
                    pos = self.l2b[pos2];
                    pos2 = self.l2a[pos2];
                }
            }
        }
    }

    /// `DIRInsert`: insert `ins` into the sorted list after `start` (which moves along).
    fn insert(&mut self, start: &mut usize, ins: usize) {
        loop {
            let next = self.point[*start];
            if next == 0 {
                self.point[*start] = ins;
                self.point[ins] = 0;
                return;
            } else if self.f[ins] < self.f[next] {
                self.point[*start] = ins;
                self.point[ins] = next;
                return;
            }
            *start = next;
        }
    }

    /// `DIRInsertList`: put the `maxi` new pairs and `samp` into their levels' lists.
    fn insert_list(&mut self, new: usize, maxi: usize, samp: usize) {
        let mut new = new;
        for _ in 0..maxi {
            let pos1 = new;
            let pos2 = self.point[pos1];
            new = self.point[pos2];
            let deep = self.level(pos1, self.jones);
            let f = |s: &Self, p: usize| s.f[p];
            if self.anchor(deep) == 0 {
                if f(self, pos2) < f(self, pos1) {
                    self.set_anchor(deep, pos2);
                    self.point[pos2] = pos1;
                    self.point[pos1] = 0;
                } else {
                    self.set_anchor(deep, pos1);
                    self.point[pos2] = 0;
                }
            } else {
                let mut pos = self.anchor(deep);
                if f(self, pos2) < f(self, pos1) {
                    if f(self, pos2) < f(self, pos) {
                        self.set_anchor(deep, pos2);
                        if f(self, pos1) < f(self, pos) {
                            self.point[pos2] = pos1;
                            self.point[pos1] = pos;
                        } else {
                            self.point[pos2] = pos;
                            self.insert(&mut pos, pos1);
                        }
                    } else {
                        self.insert(&mut pos, pos2);
                        self.insert(&mut pos, pos1);
                    }
                } else if f(self, pos1) < f(self, pos) {
                    self.set_anchor(deep, pos1);
                    if f(self, pos) < f(self, pos2) {
                        self.point[pos1] = pos;
                        self.insert(&mut pos, pos2);
                    } else {
                        self.point[pos1] = pos2;
                        self.point[pos2] = pos;
                    }
                } else {
                    self.insert(&mut pos, pos1);
                    self.insert(&mut pos, pos2);
                }
            }
        }
        let deep = self.level(samp, self.jones);
        let mut pos = self.anchor(deep);
        if self.f[samp] < self.f[pos] {
            self.set_anchor(deep, samp);
            self.point[samp] = pos;
        } else {
            self.insert(&mut pos, samp);
        }
    }
}

/// `DIRChoose`: the potentially optimal rectangles, as (index, level) pairs (index 0: dropped).
fn choose(st: &State, levels: &[f64], maxdeep: usize, eps: f64) -> Vec<(usize, i64)> {
    let mut s: Vec<(usize, i64)> = Vec::new();
    for j in 0..=maxdeep as i64 {
        let a = st.anchor(j);
        if a > 0 {
            s.push((a, st.level(a, st.jones)));
        }
    }
    let minf = st.minf;
    let bound = (minf - eps * minf.abs()).min(minf);
    let maxpos = s.len();
    for j in (0..maxpos).rev() {
        let (jj, lj) = s[j];
        let mut helplower = f64::INFINITY;
        let mut helpgreater = 0.0f64;
        let mut drop = false;
        for (i, &(ii, li)) in s.iter().enumerate() {
            if i == j || ii == 0 {
                continue;
            }
            let help2 = (st.f[ii] - st.f[jj]) / (levels[li as usize] - levels[lj as usize]);
            if help2 <= 0.0 {
                drop = true;
                break;
            }
            if i < j {
                if help2 < helplower {
                    helplower = help2;
                }
            } else if help2 > helpgreater {
                helpgreater = help2;
            }
        }
        // helpgreater <= helplower, and the rectangle must promise an eps-improvement
        if drop
            || helpgreater.partial_cmp(&helplower).is_none_or(|o| o.is_gt())
            || st.f[jj] - helplower * levels[lj as usize] > bound
        {
            s[j].0 = 0;
        }
    }
    s
}

fn message(status: i32, o: &DirectOptions<'_>, maxfun: usize) -> String {
    match status {
        1 => format!("Number of function evaluations done is larger than maxfun={maxfun}"),
        2 => format!("Number of iterations is larger than maxiter={}", o.maxiter),
        3 => format!(
            "The best function value found is within a relative error={} of the (known) global optimum f_min",
            o.f_min_rtol
        ),
        4 => format!(
            "The volume of the hyperrectangle containing the lowest function value found is below vol_tol={}",
            o.vol_tol
        ),
        5 => format!(
            "The side length measure of the hyperrectangle containing the lowest function value found is below len_tol={}",
            o.len_tol
        ),
        _ => "Maximum number of levels has been reached.".into(),
    }
}

/// Finds the global minimum of `func` in a box by the DIRECT (DIviding RECTangles) algorithm:
/// Gablonsky's locally biased DIRECT-L by default, Jones' original with
/// `locally_biased: false`.
///
/// SciPy equivalent: `scipy.optimize.direct`.
///
/// The rectangles, their order and the choice of potentially optimal ones are SciPy's
/// (Gablonsky's code), so `x`, `fun`, `nfev` and `nit` agree with SciPy's. A NaN function
/// value takes part in the comparisons as in SciPy (it is never chosen as the minimum). The
/// `callback` is called where SciPy calls it, with what SciPy hands it (see
/// [`DirectCallback`]).
///
/// # Errors
///
/// [`OptimizeError::InvalidBounds`] unless `lb < ub` everywhere;
/// [`OptimizeError::InvalidValue`] for infinite bounds, empty bounds, `vol_tol`, `len_tol` or
/// `f_min_rtol` outside `[0, 1]`, or (SciPy's status -6) when the division depth runs out.
///
/// # Examples
///
/// ```
/// use sci_optimize::{direct, Bounds, DirectOptions};
/// use sci_optimize::sci_array::ndarray::Array1;
/// // Styblinski-Tang in [-4, 4]^2 (SciPy's docstring example).
/// let f = |x: &Array1<f64>| x.iter().map(|v| v.powi(4) - 16.0 * v * v + 5.0 * v).sum::<f64>() / 2.0;
/// let r = direct(f, &Bounds::from_pairs(&[(-4.0, 4.0), (-4.0, 4.0)]), &DirectOptions::default())?;
/// assert!((r.x[0] + 2.9035).abs() < 1e-3 && (r.x[1] + 2.9035).abs() < 1e-3);
/// assert!((r.fun + 78.3323).abs() < 1e-3);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn direct<F: FnMut(&Array1<f64>) -> f64>(
    mut func: F,
    bounds: &Bounds,
    options: &DirectOptions<'_>,
) -> Result<DirectResult> {
    let o = options;
    let n = bounds.lb.len();
    if n == 0 || bounds.ub.len() != n {
        return Err(OptimizeError::WrongLength { arg: "bounds", expected: n.max(1), found: bounds.ub.len() });
    }
    for i in 0..n {
        let (lo, hi) = (bounds.lb[i], bounds.ub[i]);
        if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
            return Err(OptimizeError::InvalidBounds { index: i, lower: lo, upper: hi });
        }
        if lo.is_infinite() || hi.is_infinite() {
            return Err(invalid("bounds", "Bounds must not be inf."));
        }
    }
    for (arg, v) in [("vol_tol", o.vol_tol), ("len_tol", o.len_tol), ("f_min_rtol", o.f_min_rtol)] {
        if !(0.0..=1.0).contains(&v) {
            return Err(invalid(arg, format!("{arg} must be between 0 and 1.")));
        }
    }
    if o.eps.is_nan() {
        return Err(invalid("eps", "must not be NaN"));
    }
    let maxfun = o.maxfun.unwrap_or(1000 * n);
    let jones = o.locally_biased;
    // SciPy's array sizes, which bound the budget and the depth.
    let (maxfunc, maxf) = if maxfun == 0 {
        (101000usize, 100000usize)
    } else {
        let mf = maxfun + 1000 + maxfun / 2;
        (mf, 2 * (mf - 1000) / 3)
    };
    let (maxdeep, maxt) =
        if o.maxiter == 0 { (maxfunc / 5, maxfunc / 5) } else { (o.maxiter + 1000, o.maxiter) };
    let (mut eps, epsfix, epschange) =
        if o.eps < 0.0 { (-o.eps, -o.eps, true) } else { (o.eps, 1e100, false) };
    let (volper, sigmaper) =
        (if o.vol_tol <= 0.0 { -1.0 } else { o.vol_tol }, if o.len_tol <= 0.0 { -1.0 } else { o.len_tol });
    let (fglobal, fglper) =
        if o.f_min == f64::NEG_INFINITY { (o.f_min, 0.0) } else { (o.f_min, o.f_min_rtol) };
    let divfactor = if fglobal == 0.0 { 1.0 } else { fglobal.abs() };
    // DIRpreprc: x = (c + xs2) xs1 with xs1 = u - l, xs2 = l / (u - l).
    let xs1: Vec<f64> = (0..n).map(|i| bounds.ub[i] - bounds.lb[i]).collect();
    let xs2: Vec<f64> = (0..n).map(|i| bounds.lb[i] / xs1[i]).collect();
    // thirds and levels
    let mut thirds = vec![0.0; maxdeep + 1];
    let mut levels = vec![0.0; maxdeep + 1];
    let mut help2 = 3.0;
    for t in thirds.iter_mut().skip(1) {
        *t = 1.0 / help2;
        help2 *= 3.0;
    }
    thirds[0] = 1.0;
    if !jones {
        let w: Vec<f64> = (0..n).map(|j| ((n - j) as f64 + j as f64 / 9.0).sqrt() * 0.5).collect();
        let mut help2 = 1.0;
        for i in 1..=maxdeep / n {
            for j in 0..n {
                levels[(i - 1) * n + j] = w[j] / help2;
            }
            help2 *= 3.0;
        }
    } else {
        let mut help2 = 3.0;
        for l in levels.iter_mut().skip(1) {
            *l = 1.0 / help2;
            help2 *= 3.0;
        }
        levels[0] = 1.0;
    }
    let mut st = State {
        n,
        jones,
        c: vec![0.0; (maxfunc + 1) * n],
        length: vec![0; (maxfunc + 1) * n],
        f: vec![0.0; maxfunc + 1],
        point: (0..=maxfunc).map(|i| i + 1).collect(),
        anchor: vec![0; maxdeep + 2],
        free: 1,
        minf: f64::INFINITY,
        minpos: 1,
        fmax: 0.0,
        xs1,
        xs2,
        l2a: vec![0; n + 1],
        l2b: vec![0; n + 1],
        w: vec![0.0; n + 1],
        last_x: Array1::zeros(n),
    };
    st.point[maxfunc] = 0;
    // DIRInit
    for i in 1..=n {
        st.set_c(1, i, 0.5);
        st.set_len(1, i, 0);
    }
    st.eval(&mut func, 1);
    st.fmax = st.f[1];
    st.minf = st.f[1];
    st.minpos = 1;
    st.point[1] = 0;
    st.free = 2;
    let arrayi = st.get_i(1);
    let new = st.sample_points(1, &arrayi, thirds[1])?;
    st.sample_f(&mut func, new, arrayi.len());
    st.divide(new, 0, &arrayi, 1);
    st.insert_list(new, arrayi.len(), 1);
    let mut numfunc = 2 * arrayi.len() + 1;
    let mut status = 2;
    let mut t = 2;
    'main: while t < maxt {
        let s = choose(&st, &levels, maxdeep, eps);
        let mut s = s;
        if !jones {
            // DIRDoubleInsert: all rectangles of a chosen level within 1e-13 of its best value
            let maxdiv = 5000;
            let old = s.len();
            for i in 0..old {
                let (si, deep) = s[i];
                if si > 0 {
                    let help = st.anchor(deep);
                    let mut pos = st.point[help];
                    while pos > 0 && st.f[pos] - st.f[help] <= 1e-13 {
                        if s.len() >= maxdiv {
                            return Err(invalid("maxfun", "capacity of DIRECT's list of rectangles reached"));
                        }
                        s.push((pos, deep));
                        pos = st.point[pos];
                    }
                }
            }
        }
        for &(help, actdeep) in &s {
            if help == 0 {
                continue;
            }
            let actdeep_div = st.maxdeep(help);
            let delta = thirds[(actdeep_div + 1) as usize];
            if actdeep + 1 >= maxdeep as i64 {
                // SciPy's status -6
                status = -6;
                break 'main;
            }
            // take `help` out of its level's list
            if st.anchor(actdeep) != help {
                let mut pos1 = st.anchor(actdeep);
                while st.point[pos1] != help {
                    pos1 = st.point[pos1];
                }
                st.point[pos1] = st.point[help];
            } else {
                let next = st.point[help];
                st.set_anchor(actdeep, next);
            }
            let arrayi = st.get_i(help);
            let start = st.sample_points(help, &arrayi, delta)?;
            st.sample_f(&mut func, start, arrayi.len());
            st.divide(start, actdeep_div, &arrayi, help);
            st.insert_list(start, arrayi.len(), help);
            numfunc += 2 * arrayi.len();
        }
        // termination checks
        let vol = thirds[st.level(st.minpos, false) as usize];
        if vol <= volper {
            status = 4;
            break 'main;
        }
        let measure = levels[st.level(st.minpos, jones) as usize];
        if measure <= sigmaper {
            status = 5;
            break 'main;
        }
        if (st.minf - fglobal) / divfactor <= fglper {
            status = 3;
            break 'main;
        }
        if epschange {
            eps = (st.minf.abs() * 1e-4).max(epsfix);
        }
        if numfunc > maxf {
            status = 1;
            break 'main;
        }
        if let Some(cb) = o.callback {
            cb(&st.last_x);
        }
        t += 1;
    }
    let x: Array1<f64> =
        (1..=n).map(|i| st.cc(st.minpos, i) * st.xs1[i - 1] + st.xs1[i - 1] * st.xs2[i - 1]).collect();
    Ok(DirectResult {
        x,
        fun: st.minf,
        status,
        success: status > 2,
        message: message(status, o, maxfun),
        nfev: numfunc,
        nit: t,
    })
}

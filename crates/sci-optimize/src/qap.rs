//! `quadratic_assignment`: the quadratic assignment and graph matching problems, by SciPy's
//! Fast Approximate QAP (Frank-Wolfe with `linear_sum_assignment`) or 2-opt (`_qap.py`).

use crate::assignment::linear_sum_assignment;
use crate::error::{OptimizeError, Result, invalid};
use crate::global::{make_rng, np_sum};
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2, s};
use sci_array::random::Generator;

/// The algorithm of [`quadratic_assignment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QapMethod {
    /// `'faq'` (default): the Fast Approximate QAP algorithm, Frank-Wolfe iterations on the
    /// doubly stochastic matrices with a [`linear_sum_assignment`] direction and an exact
    /// line search, projected onto the permutations at the end.
    #[default]
    Faq,
    /// `'2opt'`: greedy pairwise swaps from a random (or guessed) permutation until no swap
    /// improves the objective.
    TwoOpt,
}

impl QapMethod {
    /// SciPy's name of the method.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::QapMethod::TwoOpt.name(), "2opt");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Faq => "faq",
            Self::TwoOpt => "2opt",
        }
    }
}

/// The initial position `P0` of the FAQ method.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum QapInit {
    /// `"barycenter"` (default): every entry `1 / m'` (`m'` = unmatched nodes).
    #[default]
    Barycenter,
    /// `"randomized"`: `(J + K) / 2`, `J` the barycenter and `K` a random doubly stochastic
    /// matrix (Sinkhorn-Knopp balancing of uniform draws, as SciPy).
    Randomized,
    /// A doubly stochastic `m' x m'` matrix.
    Matrix(Array2<f64>),
}

/// Options of [`quadratic_assignment`]: the entries of SciPy's `options` dict with SciPy's
/// defaults. `None` (or an empty list, `false`) means "not given"; an option the method does
/// not take is an error ([`OptimizeError::UnsupportedOption`]), where SciPy warns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuadraticAssignmentOptions {
    /// `maximize` (default false): maximize the objective (graph matching).
    pub maximize: bool,
    /// `partial_match`: pairs `(i, j)` fixing node `i` of `A` to node `j` of `B` ("seeds").
    /// For 2-opt the pairs must be sorted by `i`, as in SciPy (which assigns the `j`s to the
    /// fixed rows in ascending row order).
    pub partial_match: Vec<(usize, usize)>,
    /// `rng`: seeds `numpy.random.default_rng(seed)`; `None` draws a fresh seed. Used by FAQ's
    /// `Randomized` start and `shuffle_input`, and by 2-opt's random start.
    pub seed: Option<u64>,
    /// `P0` (FAQ; default barycenter).
    pub p0: Option<QapInit>,
    /// `shuffle_input` (FAQ; default false): shuffle the unmatched nodes of `B` first, which
    /// resolves degenerate gradients randomly.
    pub shuffle_input: bool,
    /// `maxiter` (FAQ; default 30): the largest number of Frank-Wolfe iterations.
    pub maxiter: Option<usize>,
    /// `tol` (FAQ; default 0.03): stop when `||P_i - P_{i+1}||_F / sqrt(m') < tol`.
    pub tol: Option<f64>,
    /// `partial_guess` (2-opt): pairs `(i, j)` for the start permutation, still free to move;
    /// sorted by `i` as `partial_match`.
    pub partial_guess: Vec<(usize, usize)>,
}

/// The result of [`quadratic_assignment`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuadraticAssignmentResult {
    /// `col_ind`: node `i` of `A` is matched to node `col_ind[i]` of `B`.
    pub col_ind: Array1<usize>,
    /// `fun`: the objective `sum(A * B[col_ind][:, col_ind])` there.
    pub fun: f64,
    /// `nit`: Frank-Wolfe iterations (FAQ) or swaps tried (2-opt).
    pub nit: usize,
}

/// Approximately solves the quadratic assignment problem (and graph matching, with
/// `maximize`).
///
/// Finds a permutation `P` minimizing (or maximizing) `trace(Aᵀ P B Pᵀ)`, returned as the
/// column indices `col_ind` with objective `sum_ij A[i, j] B[col_ind[i], col_ind[j]]`. The
/// problem is NP-hard: both methods are heuristics ([`QapMethod`]). SciPy's algorithms step by
/// step: FAQ from the barycenter without shuffling is deterministic and gives SciPy's
/// `col_ind`, `fun` and `nit`; the random starts draw from `numpy.random.default_rng(seed)`
/// in SciPy's order (pass SciPy a `Generator`, e.g. `rng=np.random.default_rng(seed)`, for the
/// same path). Empty matrices, and a `partial_match` that fixes every node, return at once with
/// `nit = 0`.
///
/// SciPy equivalent: `scipy.optimize.quadratic_assignment`.
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`] with SciPy's messages: `A` or `B` not square, of different
/// sizes; `partial_match` / `partial_guess` with more pairs than nodes, an entry `>= n`, or a
/// repeated node; `p0` of the wrong shape or not doubly stochastic; `maxiter` of 0; `tol` not
/// positive; a `partial_guess` that contradicts `partial_match` (SciPy fails inside NumPy or
/// returns a non-permutation there). NaN or infinite entries reach [`linear_sum_assignment`]
/// in FAQ and fail there (`cost_matrix`: "matrix contains invalid numeric entries").
/// [`OptimizeError::UnsupportedOption`] for FAQ's options given to 2-opt and vice versa.
///
/// # Examples
///
/// SciPy's docstring example (FAQ, then 2-opt refining FAQ's answer):
///
/// ```
/// use sci_optimize::{QapMethod, QuadraticAssignmentOptions, quadratic_assignment};
/// use sci_optimize::sci_array::ndarray::array;
/// let a = array![[0., 80., 150., 170.], [80., 0., 130., 100.], [150., 130., 0., 120.], [170., 100., 120., 0.]];
/// let b = array![[0., 5., 2., 7.], [0., 0., 3., 8.], [0., 0., 0., 3.], [0., 0., 0., 0.]];
/// let res = quadratic_assignment(&a, &b, QapMethod::Faq, &Default::default())?;
/// assert_eq!(res.col_ind.to_vec(), vec![0, 3, 2, 1]);
/// assert_eq!((res.fun, res.nit), (3260.0, 9));
///
/// let a = array![[0., 5., 8., 6.], [5., 0., 5., 1.], [8., 5., 0., 2.], [6., 1., 2., 0.]];
/// let b = array![[0., 1., 8., 4.], [1., 0., 5., 2.], [8., 5., 0., 5.], [4., 2., 5., 0.]];
/// let res = quadratic_assignment(&a, &b, QapMethod::Faq, &Default::default())?;
/// assert_eq!((res.col_ind.to_vec(), res.fun), (vec![1, 0, 3, 2], 178.0));
/// let guess = res.col_ind.iter().enumerate().map(|(i, &j)| (i, j)).collect();
/// let opts = QuadraticAssignmentOptions { partial_guess: guess, ..Default::default() };
/// let res = quadratic_assignment(&a, &b, QapMethod::TwoOpt, &opts)?;
/// assert_eq!((res.col_ind.to_vec(), res.fun, res.nit), (vec![1, 2, 3, 0], 176.0, 17));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// # References
///
/// J.T. Vogelstein et al., "Fast approximate quadratic programming for graph matching", PLOS
/// One 10(4), 2015. D. Fishkind et al., "Seeded graph matching", Pattern Recognit. 87, 2019.
pub fn quadratic_assignment<S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
    method: QapMethod,
    options: &QuadraticAssignmentOptions,
) -> Result<QuadraticAssignmentResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let o = options;
    let unsupported: &[(&'static str, bool)] = match method {
        QapMethod::Faq => &[("partial_guess", !o.partial_guess.is_empty())],
        QapMethod::TwoOpt => &[
            ("P0", o.p0.is_some()),
            ("shuffle_input", o.shuffle_input),
            ("maxiter", o.maxiter.is_some()),
            ("tol", o.tol.is_some()),
        ],
    };
    if let Some(&(option, _)) = unsupported.iter().find(|(_, given)| *given) {
        return Err(OptimizeError::UnsupportedOption { method: method.name(), option });
    }
    let n = a.nrows();
    if a.ncols() != n {
        return Err(invalid("A", "`A` must be square"));
    }
    if b.nrows() != b.ncols() {
        return Err(invalid("B", "`B` must be square"));
    }
    if b.nrows() != n {
        return Err(invalid("B", "`A` and `B` matrices must be of equal size"));
    }
    check_pairs("partial_match", &o.partial_match, n, "can have only as many seeds as there are nodes")?;
    let mut rng = make_rng(o.seed);
    let (a, b) = (a.view(), b.view());
    match method {
        QapMethod::Faq => faq(a, b, o, &mut rng),
        QapMethod::TwoOpt => two_opt(a, b, o, &mut rng),
    }
}

/// SciPy's checks of `partial_match` / `partial_guess` (the shape and sign checks are the
/// type's).
fn check_pairs(arg: &'static str, pairs: &[(usize, usize)], n: usize, too_many: &str) -> Result<()> {
    if pairs.len() > n {
        return Err(invalid(arg, format!("`{arg}` {too_many}")));
    }
    if pairs.iter().any(|&(i, j)| i >= n || j >= n) {
        return Err(invalid(arg, format!("`{arg}` entries must be less than number of nodes")));
    }
    let mut rows = vec![false; n];
    let mut cols = vec![false; n];
    for &(i, j) in pairs {
        if std::mem::replace(&mut rows[i], true) || std::mem::replace(&mut cols[j], true) {
            return Err(invalid(arg, format!("`{arg}` column entries must be unique")));
        }
    }
    Ok(())
}

/// `np.sum(A * B[perm][:, perm])` (NumPy's pairwise summation over the row-major products);
/// `buf` is scratch of length `perm.len()²`.
fn score(a: &ArrayView2<'_, f64>, b: &ArrayView2<'_, f64>, perm: &[usize], buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    for (i, &pi) in perm.iter().enumerate() {
        let brow = b.row(pi);
        buf.extend(perm.iter().enumerate().map(|(j, &pj)| a[[i, j]] * brow[pj]));
    }
    np_sum(buf)
}

/// `np.setdiff1d(range(n), used)`.
fn complement(n: usize, used: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut taken = vec![false; n];
    used.for_each(|i| taken[i] = true);
    (0..n).filter(|&i| !taken[i]).collect()
}

/// `X[perm][:, perm]`.
fn permute(x: &ArrayView2<'_, f64>, perm: &[usize]) -> Array2<f64> {
    Array2::from_shape_fn((perm.len(), perm.len()), |(i, j)| x[[perm[i], perm[j]]])
}

/// Products of at least `PAR_MIN³` multiply-adds run their independent halves on two
/// threads.
const PAR_MIN: usize = 128;

/// `X.T` as a row-major matrix.
fn transpose(x: &Array2<f64>) -> Array2<f64> {
    x.t().as_standard_layout().into_owned()
}

/// `(X * Y[rows]).sum()` for row-major `X` and `Y` (`Y[rows]` taking row `rows(i)` of `Y` as
/// its row `i`), NumPy's pairwise sum of the row-major products.
fn sum_rows(x: &Array2<f64>, y: &Array2<f64>, rows: impl Fn(usize) -> usize, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    let (xs, ys, m) = (x.as_slice().unwrap_or(&[]), y.as_slice().unwrap_or(&[]), x.ncols());
    for (i, xr) in xs.chunks_exact(m.max(1)).enumerate() {
        let yr = &ys[rows(i) * m..][..m];
        buf.extend(xr.iter().zip(yr).map(|(a, b)| a * b));
    }
    np_sum(buf)
}

/// `(X * Y).sum()` over equal-shaped matrices, NumPy's pairwise sum in row-major order.
fn sum_prod(x: impl Iterator<Item = f64>, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    buf.extend(x);
    np_sum(buf)
}

fn faq(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    o: &QuadraticAssignmentOptions,
    rng: &mut Generator,
) -> Result<QuadraticAssignmentResult> {
    let maxiter = o.maxiter.unwrap_or(30);
    let tol = o.tol.unwrap_or(0.03);
    if maxiter == 0 {
        return Err(invalid("maxiter", "'maxiter' must be a positive integer"));
    }
    if tol.is_nan() || tol <= 0.0 {
        return Err(invalid("tol", "'tol' must be a positive float"));
    }
    let n = a.nrows();
    let pm = &o.partial_match;
    let n_seeds = pm.len();
    let m = n - n_seeds;
    let barycenter = || Array2::from_elem((m, m), 1.0 / m as f64);
    let p0 = match o.p0.as_ref().unwrap_or(&QapInit::Barycenter) {
        QapInit::Barycenter => barycenter(),
        QapInit::Randomized => {
            let k = doubly_stochastic(&rng.uniform(0.0, 1.0, (m, m))?, 1e-3);
            (barycenter() + k) / 2.0
        }
        QapInit::Matrix(p) => {
            if p.dim() != (m, m) {
                return Err(invalid("P0", "`P0` matrix must have shape m' x m', where m'=n-m"));
            }
            // np.allclose(sums, 1): |s - 1| <= 1e-8 + 1e-5 (false for NaN).
            let close = |s: f64| (s - 1.0).abs() <= 1e-8 + 1e-5;
            if p.iter().any(|&v| v < 0.0)
                || !p.columns().into_iter().all(|c| close(c.sum()))
                || !p.rows().into_iter().all(|r| close(r.sum()))
            {
                return Err(invalid("P0", "`P0` matrix must be doubly stochastic"));
            }
            // Row-major, as the loop's row slices need.
            p.as_standard_layout().into_owned()
        }
    };
    if n == 0 || n_seeds == n {
        return Ok(trivial(&a, &b, pm));
    }
    let s = if o.maximize { -1.0 } else { 1.0 };

    let mut nonseed_b = complement(n, pm.iter().map(|p| p.1));
    if o.shuffle_input {
        let p = rng.permutation(nonseed_b.len());
        nonseed_b = p.iter().map(|&k| nonseed_b[k as usize]).collect();
    }
    let nonseed_a = complement(n, pm.iter().map(|p| p.0));
    let perm_a: Vec<usize> = pm.iter().map(|p| p.0).chain(nonseed_a).collect();
    let perm_b: Vec<usize> = pm.iter().map(|p| p.1).chain(nonseed_b).collect();
    let ap = permute(&a, &perm_a);
    let bp = permute(&b, &perm_b);
    let ns = n_seeds;
    let (a12, a21) = (ap.slice(s![..ns, ns..]), ap.slice(s![ns.., ..ns]));
    let (b12, b21) = (bp.slice(s![..ns, ns..]), bp.slice(s![ns.., ..ns]));
    let const_sum = matmul(a21, b21.t()) + matmul(a12.t(), b12);
    // Row-major copies of the operands the loop multiplies by.
    let a22 = ap.slice(s![ns.., ns..]).as_standard_layout().into_owned();
    let b22 = bp.slice(s![ns.., ns..]).as_standard_layout().into_owned();
    let (a22t, b22t) = (transpose(&a22), transpose(&b22));
    // The two products of a pair are independent: on two threads when they are large enough
    // (OpenBLAS also runs such products on two).
    let par = m >= PAR_MIN;
    let pair = |f: &(dyn Fn() -> Array2<f64> + Sync), g: &(dyn Fn() -> Array2<f64> + Sync)| {
        if par { rayon::join(f, g) } else { (f(), g()) }
    };

    let mut buf = Vec::with_capacity(m * m);
    let mut p = p0;
    let mut n_iter = 0;
    for it in 1..=maxiter {
        n_iter = it;
        // const_sum + A22 @ P @ B22.T + A22.T @ P @ B22
        let (mut grad, g2) = pair(&|| matmul(matmul(a22.view(), p.view()).view(), b22t.view()), &|| {
            matmul(matmul(a22t.view(), p.view()).view(), b22.view())
        });
        ndarray::Zip::from(&mut grad).and(&const_sum).and(&g2).for_each(|g, &c, &g2| *g = (c + *g) + g2);
        let (_, cols) = linear_sum_assignment(&grad, o.maximize)?;
        let cols = cols.to_vec();
        // R = P - Q with Q = I[cols].
        let mut r = p.clone();
        for (i, &c) in cols.iter().enumerate() {
            r[[i, c]] -= 1.0;
        }
        let rt = transpose(&r);
        let rta21 = matmul(rt.view(), a21);
        let b21s = sum_prod(rta21.iter().zip(b21.iter()).map(|(x, y)| x * y), &mut buf);
        let rta12 = matmul(rt.view(), a12.t());
        let b12s = sum_prod(rta12.iter().zip(b12.t().iter()).map(|(x, y)| x * y), &mut buf);
        let (ar22, br22) = pair(&|| matmul(a22t.view(), r.view()), &|| matmul(b22.view(), rt.view()));
        // (AR22 * B22.T[cols]).sum(), (A22 * BR22[cols]).sum(), (AR22.T * BR22).sum()
        let b22a = sum_rows(&ar22, &b22t, |i| cols[i], &mut buf);
        let b22b = sum_rows(&a22, &br22, |i| cols[i], &mut buf);
        let aa = sum_rows(&transpose(&ar22), &br22, |i| i, &mut buf);
        let bb = b21s + b12s + b22a + b22b;
        let crit = -bb / (2.0 * aa);
        let alpha = if aa * s > 0.0 && (0.0..=1.0).contains(&crit) {
            crit
        } else if (bb + aa) * s >= 0.0 {
            // np.argmin([0, (b + a) * s]): 0 unless the second entry is smaller (or NaN).
            0.0
        } else {
            1.0
        };
        // P_{i+1} = alpha P + (1 - alpha) Q, and ||P - P_{i+1}||_F.
        let mut p_next = p.mapv(|x| alpha * x + (1.0 - alpha) * 0.0);
        for (i, &c) in cols.iter().enumerate() {
            p_next[[i, c]] = alpha * p[[i, c]] + (1.0 - alpha) * 1.0;
        }
        let (ps, pn) = (p.as_slice().unwrap_or(&[]), p_next.as_slice().unwrap_or(&[]));
        let diff = sum_prod(ps.iter().zip(pn).map(|(x, y)| (x - y) * (x - y)), &mut buf).sqrt();
        p = p_next;
        if diff / (m as f64).sqrt() < tol {
            break;
        }
    }
    let (_, col) = linear_sum_assignment(&p, true)?;
    let mut col_ind = vec![0; n];
    for k in 0..n {
        let pk = if k < ns { k } else { col[k - ns] + ns };
        col_ind[perm_a[k]] = perm_b[pk];
    }
    let fun = score(&a, &b, &col_ind, &mut buf);
    Ok(QuadraticAssignmentResult { col_ind: Array1::from_vec(col_ind), fun, nit: n_iter })
}

/// The answer when nothing is left to optimize: `col_ind = partial_match[:, 1]`, `nit = 0`.
fn trivial(
    a: &ArrayView2<'_, f64>,
    b: &ArrayView2<'_, f64>,
    pm: &[(usize, usize)],
) -> QuadraticAssignmentResult {
    let col_ind: Vec<usize> = pm.iter().map(|p| p.1).collect();
    let fun = score(a, b, &col_ind, &mut Vec::new());
    QuadraticAssignmentResult { col_ind: Array1::from_vec(col_ind), fun, nit: 0 }
}

/// SciPy's `_doubly_stochastic`: Sinkhorn-Knopp balancing until every row and column sum is
/// within `tol` of 1 (at most 1000 rounds), in NumPy's order of operations.
fn doubly_stochastic(p: &Array2<f64>, tol: f64) -> Array2<f64> {
    let col_sums = |x: &Array2<f64>| x.sum_axis(ndarray::Axis(0));
    let row_sums = |x: &Array2<f64>| x.rows().into_iter().map(|r| np_sum(&r.to_vec())).collect::<Vec<_>>();
    let mut c = col_sums(p).mapv(|v| 1.0 / v);
    let mut r = p.dot(&c).mapv(|v| 1.0 / v);
    let mut p_eps = p.clone();
    for _ in 0..1000 {
        if row_sums(&p_eps).iter().all(|s| (s - 1.0).abs() < tol)
            && col_sums(&p_eps).iter().all(|s| (s - 1.0).abs() < tol)
        {
            break;
        }
        c = r.dot(p).mapv(|v| 1.0 / v);
        r = p.dot(&c).mapv(|v| 1.0 / v);
        p_eps = Array2::from_shape_fn(p.dim(), |(i, j)| r[i] * p[[i, j]] * c[j]);
    }
    p_eps
}

fn two_opt(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    o: &QuadraticAssignmentOptions,
    rng: &mut Generator,
) -> Result<QuadraticAssignmentResult> {
    let n = a.nrows();
    let (pm, pg) = (&o.partial_match, &o.partial_guess);
    if n == 0 || pm.len() == n {
        return Ok(trivial(&a, &b, pm));
    }
    check_pairs("partial_guess", pg, n, "can have only as many entries as there are nodes")?;
    let mut fixed_rows = vec![false; n];
    let mut perm: Vec<usize>;
    if pm.is_empty() && pg.is_empty() {
        perm = rng.permutation(n).iter().map(|&k| k as usize).collect();
    } else {
        // NumPy's masked assignments `perm[rows] = cols`: the values go to the marked rows in
        // ascending row order (so the pairs must be sorted by row, as SciPy documents).
        let mut guess_rows = vec![false; n];
        let mut used_cols = vec![false; n];
        perm = vec![0; n];
        let mut assign = |mark: &mut Vec<bool>, pairs: &[(usize, usize)], perm: &mut Vec<usize>| {
            pairs.iter().for_each(|&(i, j)| (mark[i], used_cols[j]) = (true, true));
            let rows = (0..n).filter(|&i| mark[i]);
            rows.zip(pairs).for_each(|(i, &(_, j))| perm[i] = j);
        };
        assign(&mut guess_rows, pg, &mut perm);
        assign(&mut fixed_rows, pm, &mut perm);
        let random_rows: Vec<usize> = (0..n).filter(|&i| !fixed_rows[i] && !guess_rows[i]).collect();
        let random_cols: Vec<usize> = (0..n).filter(|&j| !used_cols[j]).collect();
        if random_rows.len() != random_cols.len() {
            return Err(invalid("partial_guess", "`partial_guess` contradicts `partial_match`"));
        }
        let shuffled = rng.permutation(random_cols.len());
        random_rows.iter().zip(shuffled).for_each(|(&i, k)| perm[i] = random_cols[k as usize]);
        let mut seen = vec![false; n];
        if perm.iter().any(|&j| std::mem::replace(&mut seen[j], true)) {
            return Err(invalid("partial_guess", "`partial_guess` contradicts `partial_match`"));
        }
    }
    let mut buf = Vec::with_capacity(n * n);
    let mut best = score(&a, &b, &perm, &mut buf);
    let free: Vec<usize> = (0..n).filter(|&i| !fixed_rows[i]).collect();
    let better = |x: f64, y: f64| if o.maximize { x > y } else { x < y };
    let mut nit = 0;
    'restart: loop {
        // itertools.combinations_with_replacement(free, 2); restart after each improvement.
        for (k, &i) in free.iter().enumerate() {
            for &j in &free[k..] {
                nit += 1;
                perm.swap(i, j);
                let sc = score(&a, &b, &perm, &mut buf);
                if better(sc, best) {
                    best = sc;
                    continue 'restart;
                }
                perm.swap(i, j);
            }
        }
        break;
    }
    Ok(QuadraticAssignmentResult { col_ind: Array1::from_vec(perm), fun: best, nit })
}

/// `x @ y` rounded as NumPy's `matmul` rounds it (OpenBLAS `dgemm` on x86-64): every entry a
/// chain of fused multiply-adds in order over `k`, in OpenBLAS's `k` blocks (`GEMM_Q = 256`,
/// a remainder between 256 and 512 split in two halves rounded up to a multiple of 4) whose
/// partial sums are added in order. The same products in the same order make
/// `linear_sum_assignment` break ties in the gradient as SciPy does (0/1 adjacency matrices
/// are full of ties).
fn matmul(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array2<f64> {
    matmul_with(x, y, Isa::detect())
}

/// [`matmul`] with the tiles compiled for `isa`.
fn matmul_with(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>, isa: Isa) -> Array2<f64> {
    let (n, k) = x.dim();
    let m = y.ncols();
    let xs = x.as_standard_layout();
    let ys = y.as_standard_layout();
    let (xs, ys) = (xs.as_slice().unwrap_or(&[]), ys.as_slice().unwrap_or(&[]));
    let mut out = vec![0.0; n * m];
    if n == 0 || m == 0 {
        return Array2::from_shape_vec((n, m), out).unwrap_or_default();
    }
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < k {
        let mut len = k - start;
        if len >= 512 {
            len = 256;
        } else if len > 256 {
            len = (len / 2).div_ceil(4) * 4;
        }
        blocks.push((start, start + len));
        start += len;
    }
    // Row panels of `PANEL` rows: each panel is one task (on the rayon pool when large).
    let g = Gemm { x: xs, y: ys, k, m, blocks: &blocks };
    let panel = |(p, chunk): (usize, &mut [f64])| isa.panel(&g, p * PANEL, chunk);
    if n * m * k >= 1 << 22 {
        use rayon::prelude::*;
        out.par_chunks_mut(PANEL * m).enumerate().for_each(panel);
    } else {
        out.chunks_mut(PANEL * m).enumerate().for_each(panel);
    }
    Array2::from_shape_vec((n, m), out).unwrap_or_default()
}

/// The operands of [`matmul`]: row-major `x` (`n x k`) and `y` (`k x m`), and the `k` blocks.
#[derive(Clone, Copy)]
struct Gemm<'a> {
    x: &'a [f64],
    y: &'a [f64],
    k: usize,
    m: usize,
    blocks: &'a [(usize, usize)],
}

/// Rows of a [`matmul`] panel (one task).
const PANEL: usize = 8;

/// The instruction set [`matmul`]'s tiles are compiled for. The results are the same on all:
/// `mul_add` is always rounded once, and every entry is the same chain over `k` in each.
#[derive(Clone, Copy)]
enum Isa {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

impl Isa {
    fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            return Self::Avx2;
        }
        Self::Portable
    }

    /// One panel of [`matmul`] (rows `i0..` of the product, `out` holding them).
    fn panel(self, g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
        #[cfg(target_arch = "x86_64")]
        {
            #[target_feature(enable = "avx2,fma")]
            fn avx2(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
                fma_panel(g, i0, out)
            }
            if let Self::Avx2 = self {
                // SAFETY: `detect` found AVX2 and FMA, the only requirement of calling a
                // function compiled with `target_feature(enable = "avx2,fma")`.
                #[allow(unsafe_code)]
                return unsafe { avx2(g, i0, out) };
            }
        }
        fma_panel(g, i0, out)
    }
}

/// Rows `i0..` of the product (held by `out`): strips of 4 rows, then single rows.
#[inline(always)]
fn fma_panel(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
    let rows = out.len() / g.m;
    let mut r = 0;
    while r + 4 <= rows {
        fma_rows::<4>(g, i0 + r, &mut out[r * g.m..(r + 4) * g.m]);
        r += 4;
    }
    while r < rows {
        fma_rows::<1>(g, i0 + r, &mut out[r * g.m..(r + 1) * g.m]);
        r += 1;
    }
}

/// Rows `i0..i0 + R` of the product (held by `out`), tile by tile: 8 columns wide (two AVX2
/// registers per row, the 4 x 8 tile's 8 accumulators hide the FMA latency), then 4 and 1.
#[inline(always)]
fn fma_rows<const R: usize>(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
    let mut j0 = 0;
    while j0 + 8 <= g.m {
        fma_tile::<R, 8>(g, i0, j0, out);
        j0 += 8;
    }
    while j0 + 4 <= g.m {
        fma_tile::<R, 4>(g, i0, j0, out);
        j0 += 4;
    }
    while j0 < g.m {
        fma_tile::<R, 1>(g, i0, j0, out);
        j0 += 1;
    }
}

/// Entries `(i0 + r, j0 + c)` for `r < R`, `c < C` of `x @ y`, added into `out` (which holds
/// rows `i0..i0 + R`): per `k` block a fused multiply-add chain in registers, then added in.
#[inline(always)]
fn fma_tile<const R: usize, const C: usize>(g: &Gemm<'_>, i0: usize, j0: usize, out: &mut [f64]) {
    let Gemm { x, y, k, m, blocks } = *g;
    for &(s, e) in blocks {
        let mut acc = [[0.0f64; C]; R];
        for t in s..e {
            let yt: &[f64; C] = y[t * m + j0..t * m + j0 + C].try_into().expect("tile width");
            for (r, acc_r) in acc.iter_mut().enumerate() {
                let xv = x[(i0 + r) * k + t];
                for (a, &yv) in acc_r.iter_mut().zip(yt) {
                    *a = xv.mul_add(yv, *a);
                }
            }
        }
        for (r, acc_r) in acc.iter().enumerate() {
            for (o, a) in out[r * m + j0..r * m + j0 + C].iter_mut().zip(acc_r) {
                *o += a;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::random::default_rng;

    /// `matmul`'s definition entry by entry: an FMA chain over each `k` block, the blocks'
    /// sums added in order.
    fn reference(x: &Array2<f64>, y: &Array2<f64>) -> Array2<f64> {
        let k = x.ncols();
        let mut blocks = vec![];
        let mut s = 0;
        while s < k {
            let len = match k - s {
                l if l >= 512 => 256,
                l if l > 256 => (l / 2).div_ceil(4) * 4,
                l => l,
            };
            blocks.push(s..s + len);
            s += len;
        }
        Array2::from_shape_fn((x.nrows(), y.ncols()), |(i, j)| {
            let mut out = 0.0;
            for b in &blocks {
                out += b.clone().fold(0.0, |acc: f64, t| x[[i, t]].mul_add(y[[t, j]], acc));
            }
            out
        })
    }

    /// Every instruction set's tiles give the definition's bits, at shapes around the tile
    /// sizes and the `k` blocks, with operands given as transposed views.
    #[test]
    fn matmul_is_the_fma_chain() {
        let mut rng = default_rng(5);
        let isas = [Isa::Portable, Isa::detect()];
        for (n, k, m) in
            [(0, 3, 2), (1, 1, 1), (3, 5, 7), (9, 17, 33), (13, 260, 25), (20, 600, 12), (100, 100, 100)]
        {
            let x = rng.uniform(-1.0, 1.0, (n, k)).unwrap();
            let y = rng.uniform(-1.0, 1.0, (m, k)).unwrap();
            let yt = y.t().to_owned();
            let want = reference(&x, &yt);
            for &isa in &isas {
                let got = matmul_with(x.view(), y.t(), isa);
                assert_eq!(got.dim(), (n, m));
                assert!(got.iter().zip(&want).all(|(a, b)| a.to_bits() == b.to_bits()), "{n}x{k}x{m}");
            }
        }
    }
}

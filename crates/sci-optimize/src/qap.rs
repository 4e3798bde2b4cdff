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
            p.clone()
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
    let (a12, a21, a22) = (ap.slice(s![..ns, ns..]), ap.slice(s![ns.., ..ns]), ap.slice(s![ns.., ns..]));
    let (b12, b21, b22) = (bp.slice(s![..ns, ns..]), bp.slice(s![ns.., ..ns]), bp.slice(s![ns.., ns..]));
    let const_sum = matmul(a21, b21.t()) + matmul(a12.t(), b12);

    let mut buf = Vec::with_capacity(m * m);
    let mut p = p0;
    let mut n_iter = 0;
    for it in 1..=maxiter {
        n_iter = it;
        let grad = &const_sum
            + &matmul(matmul(a22, p.view()).view(), b22.t())
            + matmul(matmul(a22.t(), p.view()).view(), b22);
        let (_, cols) = linear_sum_assignment(&grad, o.maximize)?;
        let cols = cols.to_vec();
        // R = P - Q with Q = I[cols].
        let mut r = p.clone();
        for (i, &c) in cols.iter().enumerate() {
            r[[i, c]] -= 1.0;
        }
        let rta21 = matmul(r.t(), a21);
        let b21s = sum_prod(rta21.iter().zip(b21.iter()).map(|(x, y)| x * y), &mut buf);
        let rta12 = matmul(r.t(), a12.t());
        let b12s = sum_prod(rta12.iter().zip(b12.t().iter()).map(|(x, y)| x * y), &mut buf);
        let ar22 = matmul(a22.t(), r.view());
        let br22 = matmul(b22, r.t());
        let b22a = sum_prod(ar22.indexed_iter().map(|((i, j), x)| x * b22[[j, cols[i]]]), &mut buf);
        let b22b = sum_prod(a22.indexed_iter().map(|((i, j), x)| x * br22[[cols[i], j]]), &mut buf);
        let aa = sum_prod(br22.indexed_iter().map(|((i, j), y)| ar22[[j, i]] * y), &mut buf);
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
        let mut q = Array2::zeros((m, m));
        for (i, &c) in cols.iter().enumerate() {
            q[[i, c]] = 1.0;
        }
        let p_next = alpha * &p + (1.0 - alpha) * &q;
        let diff = sum_prod(p.iter().zip(p_next.iter()).map(|(x, y)| (x - y) * (x - y)), &mut buf).sqrt();
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
    let panel = |(p, chunk): (usize, &mut [f64])| fma_panel(&g, p * PANEL, chunk);
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

/// Rows of a [`matmul`] panel handled together (they share every load of `y`).
const PANEL: usize = 4;
/// Columns of a register tile.
const TILE: usize = 8;

/// One panel of [`matmul`] (rows `i0..` of the product, `out` holding them), with the FMA
/// instructions compiled in when the CPU has them. The results are the same either way:
/// `mul_add` is always rounded once, and every entry is the same chain over `k` in both.
fn fma_panel(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx2,fma")]
        fn fast(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
            fma_panel_inner(g, i0, out)
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            // SAFETY: the CPU supports AVX2 and FMA (checked just above), the only requirement
            // of calling a function compiled with `target_feature(enable = "avx2,fma")`.
            #[allow(unsafe_code)]
            unsafe {
                return fast(g, i0, out);
            }
        }
    }
    fma_panel_inner(g, i0, out)
}

#[inline(always)]
fn fma_panel_inner(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
    let rows = out.len() / g.m;
    if rows == PANEL {
        fma_rows::<PANEL>(g, i0, out);
    } else {
        for (r, row) in out.chunks_mut(g.m).enumerate() {
            fma_rows::<1>(g, i0 + r, row);
        }
    }
}

/// Rows `i0..i0 + R` of the product (held by `out`), tile by tile.
#[inline(always)]
fn fma_rows<const R: usize>(g: &Gemm<'_>, i0: usize, out: &mut [f64]) {
    let full_cols = g.m / TILE * TILE;
    for j0 in (0..full_cols).step_by(TILE) {
        fma_tile::<R, TILE>(g, i0, j0, out);
    }
    for j0 in full_cols..g.m {
        fma_tile::<R, 1>(g, i0, j0, out);
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

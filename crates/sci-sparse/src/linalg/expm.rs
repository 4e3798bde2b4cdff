//! The sparse matrix exponential (`expm`, Padé with scaling and squaring) and the block
//! 1-norm estimator (`onenormest`).

use sci_array::ndarray::{Array1, Array2, Axis};
use sci_array::random::default_rng;

use super::ToCsc;
use super::lu::{SpluOptions, splu};
use super::matfuncs::{NormOrd, norm_of};
use super::operator::{LinearOperator, check_operator};
use crate::error::{Result, invalid, shape_err};
use crate::{CscMatrix, CsrMatrix};

/// Padé coefficients `b` of degrees 3, 5, 7, 9 and 13 (Higham 2005, as SciPy).
const B3: [f64; 4] = [120., 60., 12., 1.];
const B5: [f64; 6] = [30240., 15120., 3360., 420., 30., 1.];
const B7: [f64; 8] = [17297280., 8648640., 1995840., 277200., 25200., 1512., 56., 1.];
const B9: [f64; 10] =
    [17643225600., 8821612800., 2075673600., 302702400., 30270240., 2162160., 110880., 3960., 90., 1.];
const B13: [f64; 14] = [
    64764752532480000.,
    32382376266240000.,
    7771770303897600.,
    1187353796428800.,
    129060195264000.,
    10559470521600.,
    670442572800.,
    33522128640.,
    1323241920.,
    40840800.,
    960960.,
    16380.,
    182.,
    1.,
];

fn onenorm(a: &CsrMatrix<f64>) -> f64 {
    norm_of(a, NormOrd::One)
}

/// `sum_i c_i A_i` over sparse terms.
fn lincomb(terms: &[(f64, &CsrMatrix<f64>)]) -> Result<CsrMatrix<f64>> {
    let (c0, a0) = terms[0];
    let mut acc = a0.scale(c0);
    for &(c, a) in &terms[1..] {
        acc = acc.add(&a.scale(c))?;
    }
    Ok(acc)
}

/// SciPy's `_ell(A, m)`: extra squarings so the backward error bound of degree `m` holds.
fn ell(a: &CsrMatrix<f64>, m: usize) -> usize {
    let p = 2 * m + 1;
    let choose = (1..=m).fold(1f64, |acc, i| acc * (m + i) as f64 / i as f64).round();
    let fact = (1..=p).fold(1f64, |acc, i| acc * i as f64);
    let abs_c_recip = choose * fact;
    let u = 2f64.powi(-53);
    // ||abs(A)^p||_1 by p products with abs(A)^T, starting from ones
    let abs = a.map(f64::abs);
    let mut v = Array1::<f64>::ones(a.shape().0);
    for _ in 0..p {
        v = abs.transpose().tocsr().dot(&v).expect("square matrix");
    }
    let a_abs_onenorm = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if a_abs_onenorm == 0.0 {
        return 0;
    }
    let alpha = a_abs_onenorm / (onenorm(a) * abs_c_recip);
    let value = ((alpha / u).log2() / (2 * m) as f64).ceil();
    if value > 0.0 { value as usize } else { 0 }
}

/// `exp(2^-s T)` diagonal and first superdiagonal restored exactly during the squarings of an
/// upper triangular matrix (SciPy's `_fragment_2_1`, Higham 2009 Code Fragment 2.1).
fn fragment_2_1(mut x: Array2<f64>, t: &Array2<f64>, s: usize) -> Array2<f64> {
    let n = x.nrows();
    let sinch = |x: f64| {
        let x2 = x * x;
        if x.abs() < 0.0135 {
            1.0 + (x2 / 6.0) * (1.0 + (x2 / 20.0) * (1.0 + x2 / 42.0))
        } else {
            x.sinh() / x
        }
    };
    let scale = 2f64.powi(-(s as i32));
    for k in 0..n {
        x[[k, k]] = (scale * t[[k, k]]).exp();
    }
    for i in (0..s).rev() {
        x = x.dot(&x);
        let scale = 2f64.powi(-(i as i32));
        for k in 0..n {
            x[[k, k]] = (scale * t[[k, k]]).exp();
        }
        for k in 0..n.saturating_sub(1) {
            let (l1, l2, t12) = (scale * t[[k, k]], scale * t[[k + 1, k + 1]], scale * t[[k, k + 1]]);
            let (a, b) = (0.5 * (l1 + l2), 0.5 * (l1 - l2));
            x[[k, k + 1]] = t12 * a.exp() * sinch(b);
        }
    }
    x
}

/// The matrix exponential of a square sparse matrix, as a sparse matrix: SciPy's algorithm
/// (Al-Mohy & Higham 2009): the lowest Padé degree of 3, 5, 7, 9 whose backward error bound
/// holds for `A`, else degree 13 with scaling by `2^-s` and `s` squarings; for an upper
/// triangular `A` the diagonal and superdiagonal are recomputed exactly while squaring.
/// The 1-norms of the powers of `A` that pick the degree are exact (SciPy switches to
/// estimates from order 200, which may pick a different degree with the same accuracy).
///
/// SciPy equivalent: `scipy.sparse.linalg.expm(A)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::expm;
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[1.0, 2.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 0.0]]);
/// let e = expm(&a)?.toarray();
/// let (e1, em1) = (1f64.exp(), (-1f64).exp());
/// assert_allclose(&e, &array![[e1, e1 - em1, 0.0], [0.0, em1, 0.0], [0.0, 0.0, 1.0]], 1e-14, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn expm<A: ToCsc + ?Sized>(a: &A) -> Result<CscMatrix<f64>> {
    let a = a.to_csc().tocsr();
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    if n == 0 {
        return Ok(CscMatrix::zeros((0, 0)));
    }
    if n == 1 {
        let v = a.get(0, 0)?.exp();
        return Ok(CscMatrix::from_dense(&Array2::from_elem((1, 1), v)));
    }
    let upper = crate::tril(&a, -1).count_nonzero() == 0;
    let ident = CsrMatrix::<f64>::identity(n);
    let a2 = a.matmul(&a)?;
    let a4 = a2.matmul(&a2)?;
    let a6 = a4.matmul(&a2)?;
    let root = |x: &CsrMatrix<f64>, p: i32| onenorm(x).powf(1.0 / p as f64);
    let (d4, d6) = (root(&a4, 4), root(&a6, 6));
    let solve = |u: CsrMatrix<f64>, v: CsrMatrix<f64>| -> Result<CsrMatrix<f64>> {
        let p = u.add(&v)?;
        let q = v.sub(&u)?;
        let lu = splu(&q, &SpluOptions::default())?;
        Ok(CsrMatrix::from_dense(&lu.solve(&p.toarray())?))
    };
    if d4.max(d6) < 1.495585217958292e-2 && ell(&a, 3) == 0 {
        let u = a.matmul(&lincomb(&[(B3[3], &a2), (B3[1], &ident)])?)?;
        let v = lincomb(&[(B3[2], &a2), (B3[0], &ident)])?;
        return Ok(solve(u, v)?.tocsc());
    }
    if d4.max(d6) < 2.53939833006323e-1 && ell(&a, 5) == 0 {
        let u = a.matmul(&lincomb(&[(B5[5], &a4), (B5[3], &a2), (B5[1], &ident)])?)?;
        let v = lincomb(&[(B5[4], &a4), (B5[2], &a2), (B5[0], &ident)])?;
        return Ok(solve(u, v)?.tocsc());
    }
    let a8 = a6.matmul(&a2)?;
    let d8 = root(&a8, 8);
    let eta3 = d6.max(d8);
    if eta3 < 9.504178996162932e-1 && ell(&a, 7) == 0 {
        let u = a.matmul(&lincomb(&[(B7[7], &a6), (B7[5], &a4), (B7[3], &a2), (B7[1], &ident)])?)?;
        let v = lincomb(&[(B7[6], &a6), (B7[4], &a4), (B7[2], &a2), (B7[0], &ident)])?;
        return Ok(solve(u, v)?.tocsc());
    }
    if eta3 < 2.097847961257068 && ell(&a, 9) == 0 {
        let u =
            a.matmul(&lincomb(&[(B9[9], &a8), (B9[7], &a6), (B9[5], &a4), (B9[3], &a2), (B9[1], &ident)])?)?;
        let v = lincomb(&[(B9[8], &a8), (B9[6], &a6), (B9[4], &a4), (B9[2], &a2), (B9[0], &ident)])?;
        return Ok(solve(u, v)?.tocsc());
    }
    let a10 = a4.matmul(&a6)?;
    let eta5 = eta3.min(d8.max(root(&a10, 10)));
    let theta13 = 4.25;
    let mut s = if eta5 == 0.0 { 0 } else { ((eta5 / theta13).log2().ceil()).max(0.0) as usize };
    s += ell(&a.scale(2f64.powi(-(s as i32))), 13);
    let sc = |x: &CsrMatrix<f64>, p: i32| x.scale(2f64.powi(-p * s as i32));
    let (b1, b2, b4, b6) = (sc(&a, 1), sc(&a2, 2), sc(&a4, 4), sc(&a6, 6));
    let u2 = b6.matmul(&lincomb(&[(B13[13], &b6), (B13[11], &b4), (B13[9], &b2)])?)?;
    let u =
        b1.matmul(&lincomb(&[(1.0, &u2), (B13[7], &b6), (B13[5], &b4), (B13[3], &b2), (B13[1], &ident)])?)?;
    let v2 = b6.matmul(&lincomb(&[(B13[12], &b6), (B13[10], &b4), (B13[8], &b2)])?)?;
    let v = lincomb(&[(1.0, &v2), (B13[6], &b6), (B13[4], &b4), (B13[2], &b2), (B13[0], &ident)])?;
    let mut x = solve(u, v)?;
    if upper {
        x = CsrMatrix::from_dense(&fragment_2_1(x.toarray(), &a.toarray(), s));
    } else {
        for _ in 0..s {
            x = x.matmul(&x)?;
        }
    }
    Ok(x.tocsc())
}

/// Result of [`onenormest`]: the estimate and the vectors that attain it.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::onenormest;
/// let a = sci_sparse::CsrMatrix::<f64>::identity(5).scale(3.0);
/// let r = onenormest(&a, 2, 5)?;
/// // the first block (all ones / n) already attains the norm, up to rounding
/// assert!((r.est - 3.0).abs() < 1e-15);
/// assert_eq!(r.v.sum(), 1.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OneNormEst {
    /// Lower bound of `||A||_1`, usually equal to it.
    pub est: f64,
    /// A unit vector `e_j` with `||A v||_1 = est` (SciPy `compute_v=True`).
    pub v: Array1<f64>,
    /// `A v` (SciPy `compute_w=True`).
    pub w: Array1<f64>,
}

fn parallel(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>() == a.len() as f64
}

fn unit(n: usize, j: usize) -> Array1<f64> {
    let mut e = Array1::zeros(n);
    e[j] = 1.0;
    e
}

/// Estimates the 1-norm of a square operator from products with `A` and `A^T` only: the
/// block algorithm of Higham & Tisseur (2000) with `t` columns and at most `itmax`
/// iterations, SciPy's translation step by step (all-ones first column, sign vectors,
/// history of visited unit vectors). When `t >= n` the norm is computed exactly from `A I`.
/// The random `±1` columns come from a fixed seed, so results are reproducible; where
/// SciPy's own random columns matter the estimate may differ from SciPy's, but it is always
/// a lower bound attained by `v`, and usually exact.
///
/// SciPy equivalent: `scipy.sparse.linalg.onenormest(A, t=2, itmax=5, compute_v=True,
/// compute_w=True)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square
/// operator; [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for `t < 1`,
/// `itmax < 2`, or an operator without `rmatvec` (when `t < n`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::onenormest;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![
///     [1.0, -2.0, 0.0, 0.0], [0.0, 3.0, 0.0, 1.0], [4.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, -1.0]]);
/// assert_eq!(onenormest(&a, 2, 5)?.est, 6.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn onenormest<A: LinearOperator + ?Sized>(a: &A, t: usize, itmax: usize) -> Result<OneNormEst> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    if t < 1 {
        return Err(invalid("t", "at least one column is required"));
    }
    if itmax < 2 {
        return Err(invalid("itmax", "at least two iterations are required"));
    }
    check_operator("A", &super::iterative::DynRef(a), true)?;
    let matmat = |x: &Array2<f64>, adj: bool| -> Result<Array2<f64>> {
        let mut y = Array2::zeros((n, x.ncols()));
        for (j, col) in x.axis_iter(Axis(1)).enumerate() {
            let r = if adj {
                a.rmatvec(col)
                    .ok_or_else(|| invalid("A", "onenormest needs the adjoint (rmatvec) of the operator"))?
            } else {
                a.matvec(col)
            };
            y.column_mut(j).assign(&r);
        }
        Ok(y)
    };
    let col_sums = |y: &Array2<f64>| -> Vec<f64> {
        y.axis_iter(Axis(1)).map(|c| c.iter().map(|v| v.abs()).sum()).collect()
    };
    let argmax = |v: &[f64]| v.iter().enumerate().fold(0, |b, (i, &x)| if x > v[b] { i } else { b });
    if t >= n {
        let explicit = matmat(&Array2::eye(n), false)?;
        let sums = col_sums(&explicit);
        if n == 0 {
            return Ok(OneNormEst { est: 0.0, v: Array1::zeros(0), w: Array1::zeros(0) });
        }
        let j = argmax(&sums);
        return Ok(OneNormEst { est: sums[j], v: unit(n, j), w: explicit.column(j).to_owned() });
    }
    let mut rng = default_rng(0x006f_6e65_6e6f_726d);
    let mut resample = |x: &mut Array2<f64>, i: usize| {
        let bits = rng.random(n).expect("n > 0");
        for (r, b) in bits.iter().enumerate() {
            x[[r, i]] = if *b < 0.5 { -1.0 } else { 1.0 };
        }
    };
    let needs_resampling = |x: &Array2<f64>, i: usize, y: Option<&Array2<f64>>| -> bool {
        let v = x.column(i).to_vec();
        (0..i).any(|j| parallel(&v, &x.column(j).to_vec()))
            || y.is_some_and(|y| y.axis_iter(Axis(1)).any(|w| parallel(&v, &w.to_vec())))
    };
    let mut x = Array2::<f64>::ones((n, t));
    for i in 1..t {
        resample(&mut x, i);
    }
    for i in 0..t {
        while needs_resampling(&x, i, None) {
            resample(&mut x, i);
        }
    }
    x /= n as f64;
    let mut ind_hist: Vec<usize> = Vec::new();
    let mut est_old = 0.0;
    let mut s = Array2::<f64>::zeros((n, t));
    let mut k = 1;
    let mut ind: Vec<usize> = Vec::new();
    let mut ind_best = 0usize;
    let mut w = Array1::<f64>::zeros(n);
    let mut est;
    loop {
        let y = matmat(&x, false)?;
        let mags = col_sums(&y);
        let best_j = argmax(&mags);
        est = mags[best_j];
        if est > est_old || k == 2 {
            if k >= 2 {
                ind_best = ind[best_j];
            }
            w = y.column(best_j).to_owned();
        }
        if k >= 2 && est <= est_old {
            est = est_old;
            break;
        }
        est_old = est;
        let s_old = s;
        if k > itmax {
            break;
        }
        s = y.mapv(|v| if v >= 0.0 { 1.0 } else { -1.0 });
        let all_parallel = s
            .axis_iter(Axis(1))
            .all(|c| s_old.axis_iter(Axis(1)).any(|o| parallel(&c.to_vec(), &o.to_vec())));
        if all_parallel {
            break;
        }
        if t > 1 {
            for i in 0..t {
                while needs_resampling(&s, i, Some(&s_old)) {
                    resample(&mut s, i);
                }
            }
        }
        let z = matmat(&s, true)?;
        let h: Vec<f64> =
            z.axis_iter(Axis(0)).map(|r| r.iter().fold(0.0, |acc: f64, v| acc.max(v.abs()))).collect();
        let hmax = h.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if k >= 2 && hmax == h[ind_best] {
            break;
        }
        // np.argsort(h)[::-1]: a stable ascending sort, reversed
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&p, &q| h[p].total_cmp(&h[q]));
        order.reverse();
        order.truncate(t + ind_hist.len());
        ind = order;
        if t > 1 {
            if ind[..t].iter().all(|j| ind_hist.contains(j)) {
                break;
            }
            let (fresh, seen): (Vec<usize>, Vec<usize>) = ind.iter().partition(|j| !ind_hist.contains(j));
            ind = fresh.into_iter().chain(seen).collect();
        }
        for j in 0..t {
            x.column_mut(j).assign(&unit(n, ind[j]));
        }
        let new: Vec<usize> = ind[..t].iter().copied().filter(|j| !ind_hist.contains(j)).collect();
        ind_hist.extend(new);
        k += 1;
    }
    Ok(OneNormEst { est, v: unit(n, ind_best), w })
}

//! The dense kernel of the exact trust-region solver: the thin SVD of `[J; diag(e)]` reduced
//! to what `solve_lsq_trust_region` needs (singular values, right singular vectors and
//! `U^T [f; 0]`), by Householder QR of the tall part and one-sided Jacobi on the small square.

use ndarray::{Array1, Array2};

/// `s` (descending), `V` (`v[k]` is the right singular vector of `s[k]`) and `uf = U^T [f; 0]`.
pub(super) struct SvdLsq {
    pub s: Vec<f64>,
    pub v: Vec<Vec<f64>>,
    pub uf: Vec<f64>,
}

pub(super) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub(super) fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// Householder QR of the column-major `m x n` matrix `a` (`m > n`) in place, applying the
/// same reflections to `g`; returns R as `n` columns of length `n`.
fn qr_apply(a: &mut [f64], m: usize, n: usize, g: &mut [f64]) -> Vec<Vec<f64>> {
    let mut r = vec![vec![0.0; n]; n];
    for k in 0..n {
        let (done, rest) = a.split_at_mut((k + 1) * m);
        let col = &mut done[k * m + k..(k + 1) * m];
        let nrm = norm(col);
        if nrm == 0.0 {
            r[k][k] = 0.0;
            for (j, c) in rest.chunks_exact(m).enumerate() {
                r[k + 1 + j][k] = c[k];
            }
            continue;
        }
        let alpha = if col[0] > 0.0 { -nrm } else { nrm };
        col[0] -= alpha;
        // H = I - 2 v v^T / (v^T v).
        let vtv = dot(col, col);
        let col = &*col;
        for c in rest.chunks_exact_mut(m) {
            let t = 2.0 * dot(col, &c[k..]) / vtv;
            for (ci, vi) in c[k..].iter_mut().zip(col) {
                *ci -= t * vi;
            }
        }
        let t = 2.0 * dot(col, &g[k..]) / vtv;
        for (gi, vi) in g[k..].iter_mut().zip(col) {
            *gi -= t * vi;
        }
        r[k][k] = alpha;
        for (j, c) in rest.chunks_exact(m).enumerate() {
            r[k + 1 + j][k] = c[k];
        }
    }
    r
}

/// One-sided (Hestenes) Jacobi on the columns `b` (all of one length); returns V (columns).
fn jacobi(b: &mut [Vec<f64>]) -> Vec<Vec<f64>> {
    let n = b.len();
    let mut v: Vec<Vec<f64>> =
        (0..n).map(|k| (0..n).map(|i| f64::from(u8::from(i == k))).collect()).collect();
    for _sweep in 0..80 {
        let mut rotated = false;
        for i in 0..n {
            for j in i + 1..n {
                let alpha = dot(&b[i], &b[i]);
                let beta = dot(&b[j], &b[j]);
                let gamma = dot(&b[i], &b[j]);
                if gamma == 0.0 || gamma.abs() <= f64::EPSILON * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                for cols in [&mut *b, &mut v] {
                    let (lo, hi) = cols.split_at_mut(j);
                    for (x, y) in lo[i].iter_mut().zip(hi[0].iter_mut()) {
                        let (xi, yi) = (*x, *y);
                        *x = c * xi - s * yi;
                        *y = s * xi + c * yi;
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    v
}

/// The SVD pieces of `A = [J diag(d); diag(extra)]` (the second block only when `extra` is
/// given) and `uf = U^T [f; 0]`.
pub(super) fn svd_lsq(j: &Array2<f64>, d: &[f64], extra: Option<&[f64]>, f: &[f64]) -> SvdLsq {
    let (m, n) = j.dim();
    let mut cols: Vec<Vec<f64>>;
    let mut g: Vec<f64>;
    if m > n {
        let mut a = vec![0.0; m * n];
        for (r, row) in j.rows().into_iter().enumerate() {
            for (c, (&v, &dc)) in row.iter().zip(d).enumerate() {
                a[c * m + r] = v * dc;
            }
        }
        g = f.to_vec();
        cols = qr_apply(&mut a, m, n, &mut g);
        g.truncate(n);
    } else {
        cols = (0..n).map(|c| j.column(c).iter().map(|v| v * d[c]).collect()).collect();
        g = f.to_vec();
    }
    if let Some(e) = extra {
        for (c, col) in cols.iter_mut().enumerate() {
            col.extend((0..n).map(|i| if i == c { e[c] } else { 0.0 }));
        }
        g.extend(std::iter::repeat_n(0.0, n));
    }
    let v = jacobi(&mut cols);
    let s: Vec<f64> = cols.iter().map(|c| norm(c)).collect();
    let uf: Vec<f64> =
        cols.iter().zip(&s).map(|(c, &sk)| if sk > 0.0 { dot(c, &g) / sk } else { 0.0 }).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
    SvdLsq {
        s: order.iter().map(|&k| s[k]).collect(),
        v: order.iter().map(|&k| v[k].clone()).collect(),
        uf: order.iter().map(|&k| uf[k]).collect(),
    }
}

/// `numpy.linalg.lstsq(J, b, rcond=-1)[0]`: the minimum-norm least-squares solution, singular
/// values below `eps * s_max` dropped.
pub(super) fn lstsq(j: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    lstsq_full(j, b).0
}

/// `numpy.linalg.lstsq(J, b, rcond=-1)`: `(x, residuals, rank, s)`; `residuals` holds
/// `|b - J x|^2` when `J` has full column rank and more rows than columns, else nothing;
/// `s` the `min(m, n)` singular values, largest first.
pub(super) fn lstsq_full(j: &Array2<f64>, b: &Array1<f64>) -> (Array1<f64>, Array1<f64>, usize, Array1<f64>) {
    let (m, n) = j.dim();
    if n == 0 {
        return (Array1::zeros(0), Array1::zeros(0), 0, Array1::zeros(0));
    }
    let ones = vec![1.0; n];
    let svd = svd_lsq(j, &ones, None, b.as_slice().expect("contiguous"));
    let cutoff = f64::EPSILON * svd.s.first().copied().unwrap_or(0.0);
    let mut x = Array1::zeros(n);
    let mut rank = 0;
    for ((s, v), uf) in svd.s.iter().zip(&svd.v).zip(&svd.uf) {
        if *s > cutoff {
            rank += 1;
            for (xi, vi) in x.iter_mut().zip(v) {
                *xi += vi * uf / s;
            }
        }
    }
    let residuals = if rank == n && m > n {
        let r = j.dot(&x) - b;
        Array1::from_elem(1, r.dot(&r))
    } else {
        Array1::zeros(0)
    };
    let s = svd.s.iter().take(m.min(n)).copied().collect();
    (x, residuals, rank, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn svd_rebuilds_the_matrix_and_projects_f() {
        let j = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.5], [0.5, -1.0]];
        let d = [1.0, 2.0];
        let f = [1.0, -2.0, 0.5, 3.0];
        let out = svd_lsq(&j, &d, None, &f);
        // NumPy: np.linalg.svd(J * d, compute_uv=False)
        let s_ref = [16.931196058603895, 1.258808970859235];
        for (a, b) in out.s.iter().zip(s_ref) {
            assert!((a - b).abs() < 1e-13 * b, "{a} vs {b}");
        }
        // |uf|^2 equals |P f|^2 for P the projector on range(J): check by solving the
        // least-squares problem both ways: x = V diag(1/s) uf solves min |J d x - f|.
        let x: Vec<f64> = (0..2).map(|i| (0..2).map(|k| out.v[k][i] * out.uf[k] / out.s[k]).sum()).collect();
        // np.linalg.lstsq(J * d, f)
        let x_ref = [1.77215189873418, -0.6898734177215206];
        for (a, b) in x.iter().zip(x_ref) {
            assert!((a - b).abs() < 1e-13, "{a} vs {b}");
        }
        // With the extra diagonal block the singular values are those of the stacked matrix.
        let out = svd_lsq(&j, &d, Some(&[0.5, 2.0]), &f);
        let s_ref = [17.036068966588058, 1.5074329721932198];
        for (a, b) in out.s.iter().zip(s_ref) {
            assert!((a - b).abs() < 1e-13 * b, "{a} vs {b}");
        }
    }
}

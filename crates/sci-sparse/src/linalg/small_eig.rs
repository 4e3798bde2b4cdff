//! Dense kernels for the small projected problem of the Lanczos engine: the implicit QL
//! eigensolver for a symmetric tridiagonal matrix (LAPACK `dsteqr`'s deflation test, as
//! ARPACK's `dstqrb`), and the orthogonal reduction of a thick restart's arrowhead matrix back
//! to tridiagonal form.
//!
//! The eigenvector matrix is built by plane rotations from the identity, so its last row
//! (whose entries times the residual norm are ARPACK's Ritz estimates) keeps its tiny entries
//! to high relative accuracy; a dense eigensolver only resolves them to `eps`, which stalls
//! the convergence test `|beta y_last| <= tol |theta|` for eigenvalues much smaller than
//! `||A||`.

/// Eigen-decomposition of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (`e[i]` couples `i` and `i + 1`; `e.len() >= d.len() - 1`, entries past
/// that are ignored) by implicit QL with Wilkinson shifts.
///
/// On return `d` holds the eigenvalues (unsorted) and `z` (row-major `m x m`) the
/// eigenvectors as columns. `false` when an eigenvalue needs more than 30 sweeps (LAPACK's
/// limit) or the input is not finite.
pub(crate) fn tridiag_ql(d: &mut [f64], e: &[f64], z: &mut [f64]) -> bool {
    let m = d.len();
    z[..m * m].fill(0.0);
    for i in 0..m {
        z[i * m + i] = 1.0;
    }
    if m == 0 {
        return true;
    }
    let mut e: Vec<f64> = e.iter().take(m - 1).copied().chain(std::iter::once(0.0)).collect();
    if !d.iter().chain(&e).all(|x| x.is_finite()) {
        return false;
    }
    let eps = f64::EPSILON;
    for l in 0..m {
        let mut sweeps = 0;
        loop {
            // the first negligible off-diagonal entry at or after l (dsteqr's test)
            let mut n = l;
            while n + 1 < m {
                if e[n] * e[n] <= (eps * eps * d[n].abs()) * d[n + 1].abs() + f64::MIN_POSITIVE {
                    e[n] = 0.0;
                    break;
                }
                n += 1;
            }
            if n == l {
                break;
            }
            sweeps += 1;
            if sweeps > 30 {
                return false;
            }
            // Wilkinson shift from the leading 2 x 2 block
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            let r = g.hypot(1.0);
            g = d[n] - d[l] + e[l] / (g + r.copysign(g));
            let (mut s, mut c, mut p) = (1.0f64, 1.0f64, 0.0f64);
            let mut deflated = false;
            for i in (l..n).rev() {
                let f = s * e[i];
                let b = c * e[i];
                let r = f.hypot(g);
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[n] = 0.0;
                    deflated = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                let r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
                for row in z.chunks_exact_mut(m) {
                    let f = row[i + 1];
                    row[i + 1] = s * row[i] + c * f;
                    row[i] = c * row[i] - s * f;
                }
            }
            if deflated {
                continue;
            }
            d[l] -= p;
            e[l] = g;
            e[n] = 0.0;
        }
    }
    true
}

/// Reduces the symmetric `m x m` row-major matrix `a` to tridiagonal form `Q^T a Q` by
/// Householder reflections from the last column up (LAPACK `dsytd2` with `uplo = 'U'`), so
/// index `m - 1` is left alone: `Q` (row-major, accumulated into `q`) has `e_{m-1}` as its last
/// column. Returns the diagonal and the off-diagonal (`e[i]` couples `i` and `i + 1`).
pub(crate) fn tridiagonalize_upper(a: &mut [f64], m: usize, q: &mut [f64]) -> (Vec<f64>, Vec<f64>) {
    q[..m * m].fill(0.0);
    for i in 0..m {
        q[i * m + i] = 1.0;
    }
    let mut e = vec![0.0; m.saturating_sub(1)];
    let mut v = vec![0.0; m];
    let mut w = vec![0.0; m];
    for i in (1..m).rev() {
        // the reflector maps a[0..i, i] onto a multiple of e_{i-1}
        let alpha = a[(i - 1) * m + i];
        let xnorm = (0..i - 1).map(|r| a[r * m + i].powi(2)).sum::<f64>().sqrt();
        if xnorm == 0.0 {
            e[i - 1] = alpha;
            continue;
        }
        let beta = -alpha.hypot(xnorm).copysign(alpha);
        let tau = (beta - alpha) / beta;
        let scale = 1.0 / (alpha - beta);
        for r in 0..i - 1 {
            v[r] = a[r * m + i] * scale;
        }
        v[i - 1] = 1.0;
        e[i - 1] = beta;
        // A[0..i, 0..i] -= v w^T + w v^T with p = tau A v, w = p - (tau / 2)(p . v) v
        for r in 0..i {
            w[r] = tau * (0..i).map(|c| a[r * m + c] * v[c]).sum::<f64>();
        }
        let pv: f64 = (0..i).map(|r| w[r] * v[r]).sum();
        for r in 0..i {
            w[r] -= 0.5 * tau * pv * v[r];
        }
        for r in 0..i {
            for c in 0..i {
                a[r * m + c] -= v[r] * w[c] + w[r] * v[c];
            }
        }
        for r in 0..i {
            a[r * m + i] = 0.0;
            a[i * m + r] = 0.0;
        }
        a[(i - 1) * m + i] = beta;
        a[i * m + i - 1] = beta;
        // Q[:, 0..i] -= tau (Q[:, 0..i] v) v^T
        for row in q.chunks_exact_mut(m) {
            let qv: f64 = (0..i).map(|c| row[c] * v[c]).sum::<f64>() * tau;
            for c in 0..i {
                row[c] -= qv * v[c];
            }
        }
    }
    ((0..m).map(|i| a[i * m + i]).collect(), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `max |Z^T T Z - diag(d)|` and `max |Z^T Z - I|` for a tridiagonal `(d0, e0)`.
    fn check(d0: &[f64], e0: &[f64]) -> (f64, f64) {
        let m = d0.len();
        let mut d = d0.to_vec();
        let mut z = vec![0.0; m * m];
        assert!(tridiag_ql(&mut d, e0, &mut z));
        let t = |i: usize, j: usize| {
            if i == j {
                d0[i]
            } else if i + 1 == j {
                e0[i]
            } else if j + 1 == i {
                e0[j]
            } else {
                0.0
            }
        };
        let (mut res, mut orth) = (0.0f64, 0.0f64);
        for a in 0..m {
            for b in 0..m {
                let mut ztz = 0.0;
                let mut zttz = 0.0;
                for i in 0..m {
                    ztz += z[i * m + a] * z[i * m + b];
                    for j in 0..m {
                        zttz += z[i * m + a] * t(i, j) * z[j * m + b];
                    }
                }
                let want = if a == b { d[a] } else { 0.0 };
                res = res.max((zttz - want).abs());
                orth = orth.max((ztz - f64::from(u8::from(a == b))).abs());
            }
        }
        (res, orth)
    }

    #[test]
    fn tridiag_ql_decomposes() {
        // 1-d Laplacian, a graded matrix, zero off-diagonals (blocks), size 1 and 2
        let n = 20;
        let (res, orth) = check(&vec![2.0; n], &vec![-1.0; n - 1]);
        assert!(res < 1e-14 && orth < 1e-14, "{res} {orth}");
        let d: Vec<f64> = (0..12).map(|i| 10f64.powi(-i)).collect();
        let e: Vec<f64> = (0..11).map(|i| 10f64.powi(-i) * 0.3).collect();
        let (res, orth) = check(&d, &e);
        assert!(res < 1e-15 && orth < 1e-14, "{res} {orth}");
        let (res, orth) = check(&[1.0, 3.0, -2.0, 5.0], &[0.5, 0.0, 0.25]);
        assert!(res < 1e-15 && orth < 1e-15, "{res} {orth}");
        assert_eq!(check(&[4.0], &[]), (0.0, 0.0));
        let (res, orth) = check(&[1.0, 1.0], &[1e-300]);
        assert!(res < 1e-15 && orth < 1e-15, "{res} {orth}");
        let mut d = vec![1.0, f64::NAN];
        assert!(!tridiag_ql(&mut d, &[1.0], &mut [0.0; 4]));
    }

    #[test]
    fn tridiagonalize_upper_keeps_the_last_index() {
        // an arrowhead: diagonal plus a last row / column
        let m = 7;
        let mut a = vec![0.0; m * m];
        for i in 0..m - 1 {
            a[i * m + i] = i as f64 - 2.5;
            a[i * m + m - 1] = 0.1 * (i + 1) as f64;
            a[(m - 1) * m + i] = 0.1 * (i + 1) as f64;
        }
        a[m * m - 1] = 0.7;
        let a0 = a.clone();
        let mut q = vec![0.0; m * m];
        let (d, e) = tridiagonalize_upper(&mut a, m, &mut q);
        for i in 0..m {
            assert_eq!(q[i * m + m - 1], f64::from(u8::from(i == m - 1)));
            for j in 0..m {
                // (Q^T A Q)[i][j]
                let mut x = 0.0;
                for r in 0..m {
                    for c in 0..m {
                        x += q[r * m + i] * a0[r * m + c] * q[c * m + j];
                    }
                }
                let want = if i == j {
                    d[i]
                } else if i + 1 == j {
                    e[i]
                } else if j + 1 == i {
                    e[j]
                } else {
                    0.0
                };
                assert!((x - want).abs() < 1e-14, "({i}, {j}): {x} vs {want}");
            }
        }
    }
}

//! Dense or sparse Jacobians and the pieces of SciPy's `tr_solver='lsmr'` trust-region step
//! (`scipy/optimize/_lsq/common.py`): the scaled operators handed to LSMR, the 2-d subspace
//! and `solve_trust_region_2d`.

use super::dense::{dot, norm};
use super::lsmr::LinOp;
use super::sparse::CsrMatrix;
use crate::linprog::SparseMatrix;
use ndarray::{Array1, Array2, Axis};

/// The Jacobian of the residuals in a [`LeastSquaresResult`](crate::LeastSquaresResult):
/// dense, or sparse (CSR) when it was estimated on a `jac_sparsity` pattern.
///
/// SciPy equivalent: the `jac` field of `least_squares`' `OptimizeResult` (an `ndarray` or a
/// `csr_array`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{LsqJacobian, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::array;
/// let j = LsqJacobian::Dense(array![[1.0, 2.0]]);
/// assert_eq!(j.shape(), (1, 2));
/// assert_eq!(j.as_dense(), Some(&array![[1.0, 2.0]]));
/// let s = LsqJacobian::Sparse(SparseMatrix::from_dense(&array![[0.0, 2.0]].view()));
/// assert_eq!(s.to_dense(), array![[0.0, 2.0]]);
/// assert!(s.as_dense().is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum LsqJacobian {
    /// A dense `(m, n)` matrix.
    Dense(Array2<f64>),
    /// A sparse `(m, n)` matrix in CSR form (SciPy returns a `csr_array`).
    Sparse(SparseMatrix),
}

impl LsqJacobian {
    /// `(m, n)`.
    pub fn shape(&self) -> (usize, usize) {
        match self {
            Self::Dense(a) => a.dim(),
            Self::Sparse(s) => s.shape(),
        }
    }

    /// The dense matrix (a copy for `Sparse`).
    pub fn to_dense(&self) -> Array2<f64> {
        match self {
            Self::Dense(a) => a.clone(),
            Self::Sparse(s) => s.to_dense(),
        }
    }

    /// The dense matrix (converted when sparse).
    pub fn into_dense(self) -> Array2<f64> {
        match self {
            Self::Dense(a) => a,
            Self::Sparse(s) => s.to_dense(),
        }
    }

    /// The dense matrix, `None` when sparse.
    pub fn as_dense(&self) -> Option<&Array2<f64>> {
        match self {
            Self::Dense(a) => Some(a),
            Self::Sparse(_) => None,
        }
    }
}

/// The Jacobian inside the iterations: dense, or the CSR kernel.
#[derive(Debug, Clone)]
pub(crate) enum Jac {
    Dense(Array2<f64>),
    Sparse(CsrMatrix),
}

impl Jac {
    pub(crate) fn shape(&self) -> (usize, usize) {
        match self {
            Self::Dense(a) => a.dim(),
            Self::Sparse(s) => s.shape(),
        }
    }

    /// The result's form.
    pub(crate) fn into_public(self) -> LsqJacobian {
        match self {
            Self::Dense(a) => LsqJacobian::Dense(a),
            Self::Sparse(s) => LsqJacobian::Sparse(s.into_sparse()),
        }
    }

    pub(crate) fn into_dense(self) -> Array2<f64> {
        match self {
            Self::Dense(a) => a,
            Self::Sparse(s) => s.to_dense(),
        }
    }

    /// `J x`.
    pub(crate) fn dot(&self, x: &Array1<f64>) -> Array1<f64> {
        match self {
            Self::Dense(a) => a.dot(x),
            Self::Sparse(s) => s.dot(x),
        }
    }

    /// `J^T y`.
    pub(crate) fn tdot(&self, y: &Array1<f64>) -> Array1<f64> {
        match self {
            Self::Dense(a) => a.t().dot(y),
            Self::Sparse(s) => {
                let mut out = Array1::zeros(s.shape().1);
                let y = y.as_slice().expect("contiguous");
                s.rmatvec_into(y, out.as_slice_mut().expect("owned"));
                out
            }
        }
    }

    /// Column norms (SciPy's `compute_jac_scale`).
    pub(crate) fn column_norms(&self) -> Array1<f64> {
        match self {
            Self::Dense(a) => a.map_axis(Axis(0), |c| c.dot(&c).sqrt()),
            Self::Sparse(s) => s.column_norms(),
        }
    }

    /// `diag(d) J` in place.
    pub(crate) fn scale_rows(&mut self, d: &[f64]) {
        match self {
            Self::Dense(a) => {
                for (mut row, &di) in a.rows_mut().into_iter().zip(d) {
                    row.mapv_inplace(|v| v * di);
                }
            }
            Self::Sparse(s) => s.scale_rows(d),
        }
    }

    pub(crate) fn dense(&self) -> &Array2<f64> {
        match self {
            Self::Dense(a) => a,
            Self::Sparse(_) => unreachable!("the exact trust-region solver runs on dense Jacobians"),
        }
    }
}

/// `y = A^T x` for a dense `A`: four rows per pass over `y` when `A` is row-major.
fn rmatvec_dense(a: &Array2<f64>, x: &[f64], y: &mut [f64]) {
    y.fill(0.0);
    let Some(flat) = a.as_slice() else {
        for (row, &xi) in a.rows().into_iter().zip(x) {
            for (yj, aij) in y.iter_mut().zip(row) {
                *yj += aij * xi;
            }
        }
        return;
    };
    let n = a.ncols();
    if n == 0 {
        return;
    }
    let mut rows = flat.chunks_exact(n).zip(x);
    loop {
        let batch: Vec<_> = rows.by_ref().take(4).collect();
        match batch[..] {
            [(r0, &x0), (r1, &x1), (r2, &x2), (r3, &x3)] => {
                for j in 0..n {
                    y[j] += r0[j] * x0 + r1[j] * x1 + r2[j] * x2 + r3[j] * x3;
                }
            }
            _ => {
                for (row, &xi) in batch {
                    for (yj, aij) in y.iter_mut().zip(row) {
                        *yj += aij * xi;
                    }
                }
                return;
            }
        }
    }
}

/// `J diag(d)` (SciPy's `right_multiplied_operator`), optionally stacked over
/// `diag(extra)` (`regularized_lsq_operator`).
pub(crate) struct ScaledOp<'a> {
    pub j: &'a Jac,
    pub d: &'a Array1<f64>,
    pub extra: Option<&'a [f64]>,
    /// `rmatvec` zeroes these variables (SciPy's dogbox `lsmr_operator`).
    pub active: Option<&'a [bool]>,
}

impl ScaledOp<'_> {
    /// `J diag(d) s`.
    pub fn apply(&self, s: &Array1<f64>) -> Array1<f64> {
        self.j.dot(&(s * self.d))
    }
}

impl LinOp for ScaledOp<'_> {
    fn shape(&self) -> (usize, usize) {
        let (m, n) = self.j.shape();
        (m + if self.extra.is_some() { n } else { 0 }, n)
    }

    fn matvec(&self, x: &[f64], y: &mut [f64]) {
        let m = self.j.shape().0;
        let xd: Array1<f64> = x.iter().zip(self.d).map(|(a, b)| a * b).collect();
        match self.j {
            Jac::Dense(a) => {
                ndarray::linalg::general_mat_vec_mul(
                    1.0,
                    a,
                    &xd,
                    0.0,
                    &mut ndarray::ArrayViewMut1::from(&mut y[..m]),
                );
            }
            Jac::Sparse(s) => s.matvec_into(xd.as_slice().expect("owned"), &mut y[..m]),
        }
        if let Some(e) = self.extra {
            for ((yi, xi), ei) in y[m..].iter_mut().zip(x).zip(e) {
                *yi = ei * xi;
            }
        }
    }

    fn rmatvec(&self, x: &[f64], y: &mut [f64]) {
        let m = self.j.shape().0;
        match self.j {
            Jac::Dense(a) => rmatvec_dense(a, &x[..m], y),
            Jac::Sparse(s) => s.rmatvec_into(&x[..m], y),
        }
        for (yj, dj) in y.iter_mut().zip(self.d) {
            *yj *= dj;
        }
        if let Some(e) = self.extra {
            for ((yj, ej), xj) in y.iter_mut().zip(e).zip(&x[m..]) {
                *yj += ej * xj;
            }
        }
        if let Some(act) = self.active {
            for (yj, &a) in y.iter_mut().zip(act) {
                if a {
                    *yj = 0.0;
                }
            }
        }
    }
}

/// The orthonormal `n x 2` factor `Q` of `[a b]` by Householder reflections (LAPACK's
/// `dgeqrf` + `dorgqr`, as `scipy.linalg.qr(mode='economic')`), as two columns.
pub(crate) fn qr_n2(a: &Array1<f64>, b: &Array1<f64>) -> [Array1<f64>; 2] {
    let n = a.len();
    // dlarfg on x: returns (v with v[0] = 1, tau), and x[0] becomes beta.
    fn larfg(x: &mut [f64]) -> f64 {
        let alpha = x[0];
        let xnorm = norm(&x[1..]);
        if xnorm == 0.0 {
            return 0.0;
        }
        let beta = -alpha.hypot(xnorm).copysign(alpha);
        let tau = (beta - alpha) / beta;
        let sc = 1.0 / (alpha - beta);
        x[1..].iter_mut().for_each(|v| *v *= sc);
        x[0] = beta;
        tau
    }
    let mut c0 = a.to_vec();
    let mut c1 = b.to_vec();
    let tau0 = larfg(&mut c0);
    // Apply H0 = I - tau v v^T (v = [1, c0[1..]]) to the second column.
    let w = c1[0] + dot(&c0[1..], &c1[1..]);
    c1[0] -= tau0 * w;
    for (x, v) in c1[1..].iter_mut().zip(&c0[1..]) {
        *x -= tau0 * w * v;
    }
    let tau1 = if n > 1 { larfg(&mut c1[1..]) } else { 0.0 };
    // Q = H0 H1 [e0 e1].
    let apply_h1 = |q: &mut [f64]| {
        if n > 1 {
            let w = q[1] + dot(&c1[2..], &q[2..]);
            q[1] -= tau1 * w;
            for (x, v) in q[2..].iter_mut().zip(&c1[2..]) {
                *x -= tau1 * w * v;
            }
        }
    };
    let apply_h0 = |q: &mut [f64]| {
        let w = q[0] + dot(&c0[1..], &q[1..]);
        q[0] -= tau0 * w;
        for (x, v) in q[1..].iter_mut().zip(&c0[1..]) {
            *x -= tau0 * w * v;
        }
    };
    let mut q0 = vec![0.0; n];
    q0[0] = 1.0;
    apply_h1(&mut q0);
    apply_h0(&mut q0);
    let mut q1 = vec![0.0; n];
    if n > 1 {
        q1[1] = 1.0;
    }
    apply_h1(&mut q1);
    apply_h0(&mut q1);
    [Array1::from(q0), Array1::from(q1)]
}

/// Real roots of the polynomial `c[0] x^k + ... + c[k]` (leading zeros dropped, as
/// `numpy.roots`), by bracketing between the real roots of the derivative.
fn real_roots(c: &[f64]) -> Vec<f64> {
    let start = c.iter().position(|&v| v != 0.0).unwrap_or(c.len());
    let c = &c[start..];
    if c.len() <= 1 {
        return Vec::new();
    }
    let deg = c.len() - 1;
    let eval = |x: f64| c.iter().fold(0.0, |acc, &ci| acc * x + ci);
    if deg == 1 {
        return vec![-c[1] / c[0]];
    }
    let dc: Vec<f64> = c[..deg].iter().enumerate().map(|(i, &ci)| ci * (deg - i) as f64).collect();
    let crit = real_roots(&dc);
    // Cauchy's bound on the roots.
    let bound = 1.0 + c[1..].iter().fold(0.0f64, |a, &ci| a.max((ci / c[0]).abs()));
    let mut pts = vec![-bound];
    let mut crit: Vec<f64> = crit.into_iter().filter(|x| x.abs() < bound).collect();
    crit.sort_by(f64::total_cmp);
    pts.extend(crit);
    pts.push(bound);
    let mut roots = Vec::new();
    for w in pts.windows(2) {
        let (mut lo, mut hi) = (w[0], w[1]);
        let (flo, fhi) = (eval(lo), eval(hi));
        if flo == 0.0 {
            roots.push(lo);
            continue;
        }
        if flo.signum() == fhi.signum() {
            continue;
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            let fm = eval(mid);
            if fm == 0.0 {
                lo = mid;
                hi = mid;
                break;
            }
            if fm.signum() == flo.signum() {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        roots.push(0.5 * (lo + hi));
    }
    if eval(bound) == 0.0 {
        roots.push(bound);
    }
    roots
}

/// SciPy's `solve_trust_region_2d`: `min 0.5 p^T B p + g^T p` subject to `|p| <= Delta` for a
/// symmetric 2x2 `B`: the Newton step when `B` is positive definite and the step fits, else the
/// best point on the circle from the real roots of SciPy's quartic.
pub(crate) fn solve_trust_region_2d(b: [[f64; 2]; 2], g: [f64; 2], delta: f64) -> [f64; 2] {
    // cho_factor (upper): fails when a pivot is not positive.
    let l11 = b[0][0];
    if l11 > 0.0 {
        let r11 = l11.sqrt();
        let r12 = b[0][1] / r11;
        let d = b[1][1] - r12 * r12;
        if d > 0.0 {
            let r22 = d.sqrt();
            // Solve R^T R p = -g.
            let y0 = g[0] / r11;
            let y1 = (g[1] - r12 * y0) / r22;
            let p1 = -(y1 / r22);
            let p0 = -((y0 - r12 * (y1 / r22)) / r11);
            if p0 * p0 + p1 * p1 <= delta * delta {
                return [p0, p1];
            }
        }
    }
    let a = b[0][0] * delta * delta;
    let bb = b[0][1] * delta * delta;
    let c = b[1][1] * delta * delta;
    let d = g[0] * delta;
    let f = g[1] * delta;
    let coeffs = [-bb + d, 2.0 * (a - c + f), 6.0 * bb, 2.0 * (-a + c + f), -bb - d];
    let mut best = ([0.0, -delta], f64::INFINITY);
    for t in real_roots(&coeffs) {
        let p = [delta * 2.0 * t / (1.0 + t * t), delta * (1.0 - t * t) / (1.0 + t * t)];
        let bp = [b[0][0] * p[0] + b[0][1] * p[1], b[1][0] * p[0] + b[1][1] * p[1]];
        let value = 0.5 * (p[0] * bp[0] + p[1] * bp[1]) + g[0] * p[0] + g[1] * p[1];
        if value < best.1 {
            best = (p, value);
        }
    }
    best.0
}

/// The 2-d subspace step of `tr_solver='lsmr'`: `S = qr([g_h, gn_h])`, `B_S = (J_h S)^T J_h S +
/// S^T diag(diag_h) S`, `g_S = S^T g_h`.
pub(crate) struct Subspace {
    s: [Array1<f64>; 2],
    b: [[f64; 2]; 2],
    g: [f64; 2],
}

impl Subspace {
    pub fn new(
        op: &ScaledOp<'_>,
        g_h: &Array1<f64>,
        gn_h: &Array1<f64>,
        diag_h: Option<&Array1<f64>>,
    ) -> Self {
        let s = qr_n2(g_h, gn_h);
        let js = [op.apply(&s[0]), op.apply(&s[1])];
        let mut b = [[0.0; 2]; 2];
        for i in 0..2 {
            for k in 0..2 {
                b[i][k] = js[i].dot(&js[k]);
                if let Some(dh) = diag_h {
                    b[i][k] += ndarray::Zip::from(&s[i])
                        .and(dh)
                        .and(&s[k])
                        .fold(0.0, |acc, a, d, c| acc + a * d * c);
                }
            }
        }
        let g = [s[0].dot(g_h), s[1].dot(g_h)];
        Subspace { s, b, g }
    }

    /// `S p_S` for the 2-d trust-region solution with radius `delta`.
    pub fn step(&self, delta: f64) -> Array1<f64> {
        let p = solve_trust_region_2d(self.b, self.g, delta);
        &self.s[0] * p[0] + &self.s[1] * p[1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn qr_and_trust_region_2d_match_scipy() {
        // scipy.linalg.qr(np.vstack((a, b)).T, mode='economic')[0]
        let [q0, q1] = qr_n2(&array![1.0, 2.0, 2.0], &array![0.0, 1.0, -1.0]);
        let r0 = [-0.33333333333333326, -0.6666666666666666, -0.6666666666666666];
        let r1 = [-1.4802973661668753e-16, -0.7071067811865474, 0.7071067811865474];
        for (a, b) in q0.iter().chain(&q1).zip(r0.iter().chain(&r1)) {
            assert!((a - b).abs() < 1e-15, "{a} vs {b}");
        }
        // scipy.optimize._lsq.common.solve_trust_region_2d
        let p = solve_trust_region_2d([[2.0, 0.5], [0.5, 1.0]], [1.0, -1.0], 10.0);
        let r = [-0.857142857142857, 1.4285714285714286];
        assert!((p[0] - r[0]).abs() < 1e-15 && (p[1] - r[1]).abs() < 1e-15, "{p:?}");
        let p = solve_trust_region_2d([[2.0, 0.5], [0.5, 1.0]], [1.0, -1.0], 0.5);
        let r = [-0.3059181098834008, 0.3954922376550108];
        assert!((p[0] - r[0]).abs() < 1e-12 && (p[1] - r[1]).abs() < 1e-12, "{p:?}");
        let p = solve_trust_region_2d([[-1.0, 0.0], [0.0, 1.0]], [0.1, 0.2], 1.0);
        let r = [-0.9954565016558996, -0.09521740025330488];
        assert!((p[0] - r[0]).abs() < 1e-12 && (p[1] - r[1]).abs() < 1e-12, "{p:?}");
    }
}

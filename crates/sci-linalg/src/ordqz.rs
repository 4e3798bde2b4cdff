//! `ordqz`: the generalized Schur (QZ) decomposition with the selected generalized
//! eigenvalues moved to the top-left (SciPy's `ordqz`, LAPACK's `?gges` + `?tgsen`).
//!
//! The pencil `(S, T)` from [`qz`](crate::qz) / [`qz_complex`](crate::qz_complex) is reordered
//! by swapping adjacent diagonal blocks with orthogonal (unitary) transformations from both
//! sides, as LAPACK's `dtgexc`/`dtgex2` and `ztgexc`/`ztgex2`:
//!
//! * two 1×1 blocks: the right rotation maps the first coordinate onto the eigenvector of the
//!   second eigenvalue, the left one restores the triangular form;
//! * blocks involving a 2×2 block (real form): the generalized Sylvester equation
//!   `A11 R − L A22 = A12`, `B11 R − L B22 = B12` gives the bases `[R; −I]` and `[L; −I]` of the
//!   deflating subspaces of the second block, whose QR factors are the transformations; the 2×2
//!   blocks are then re-standardized (`B` block diagonal and positive, as `dlagv2`).
//!
//! A swap whose result would be too far from generalized Schur form (an ill-conditioned
//! problem) is an error, as LAPACK's `info = 1`.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix2, s};
use num_complex::Complex;
use num_traits::{Float, Zero};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr::{QrMode, qr};
use crate::qz::{check_pencil, qz, qz_complex};
use crate::scalar::LinalgFloat;
use crate::schur_sort::solve_augmented;

/// SciPy's named `sort` options of `ordqz`: which generalized eigenvalues `x = alpha / beta`
/// go to the top-left, with SciPy's treatment of `beta == 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum QzSort {
    /// `'lhp'`: `Re(x) < 0`; infinite eigenvalues (`beta == 0`) are not selected.
    Lhp,
    /// `'rhp'`: `Re(x) > 0`; infinite eigenvalues are not selected.
    Rhp,
    /// `'iuc'`: `|x| < 1`; infinite eigenvalues are not selected.
    Iuc,
    /// `'ouc'`: `|x| > 1`; `alpha != 0, beta == 0` (infinite) is selected, `(0, 0)` is not.
    Ouc,
}

impl QzSort {
    /// Whether the generalized eigenvalue `alpha / beta` is selected (SciPy's `_lhp`, `_rhp`,
    /// `_iuc`, `_ouc` of `scipy.linalg._decomp_qz`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::QzSort;
    /// use sci_linalg::sci_array::num_complex::Complex64 as C;
    /// let (one, zero) = (C::new(1.0, 0.0), C::new(0.0, 0.0));
    /// assert!(QzSort::Lhp.selects(C::new(-1.0, 2.0), C::new(3.0, 0.0)));
    /// assert!(!QzSort::Lhp.selects(C::new(-1.0, 0.0), zero)); // infinite
    /// assert!(QzSort::Ouc.selects(one, zero));
    /// assert!(!QzSort::Ouc.selects(zero, zero));
    /// assert!(!QzSort::Iuc.selects(one, one)); // |x| = 1 is on the circle
    /// ```
    pub fn selects<R: LinalgFloat>(self, alpha: Complex<R>, beta: Complex<R>) -> bool {
        let zero = Complex::new(R::zero(), R::zero());
        if beta == zero {
            return self == Self::Ouc && alpha != zero;
        }
        let x = alpha / beta;
        match self {
            Self::Lhp => x.re < R::zero(),
            Self::Rhp => x.re > R::zero(),
            Self::Iuc => x.norm() < R::one(),
            Self::Ouc => x.norm() > R::one(),
        }
    }
}

/// The result of [`ordqz`] and [`ordqz_complex`]: `A = Q AA Zᴴ`, `B = Q BB Zᴴ`, the selected
/// generalized eigenvalues `alpha[j] / beta[j]` first.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordqz<T: LinalgScalar, B> {
    /// Generalized Schur form of `A` (quasi-triangular for the real form, triangular for the
    /// complex one).
    pub aa: Array2<T>,
    /// Generalized Schur form of `B` (upper triangular, non-negative real diagonal).
    pub bb: Array2<T>,
    /// Numerators of the generalized eigenvalues, in the order of the diagonal.
    pub alpha: Array1<Complex<RealOf<T>>>,
    /// Denominators of the generalized eigenvalues (`0` for an infinite eigenvalue).
    pub beta: Array1<B>,
    /// Left Schur vectors.
    pub q: Array2<T>,
    /// Right Schur vectors.
    pub z: Array2<T>,
}

fn reorder_failed() -> LinalgError {
    invalid(
        "A",
        "Reordering of (A, B) failed because the transformed matrix pair (A, B) would be too far \
         from generalized Schur form; the problem is very ill-conditioned. (A, B) may have been \
         partially reordered.",
    )
}

/// The pencil `(s, t)` in generalized Schur form with its accumulated `q`, `z`.
struct Pencil<T> {
    s: Array2<T>,
    t: Array2<T>,
    q: Array2<T>,
    z: Array2<T>,
}

impl<T: LinalgScalar> Pencil<T> {
    fn n(&self) -> usize {
        self.s.nrows()
    }

    /// Rows `k..k+m` of `s`, `t` ← `gᴴ ·`; columns `k..k+m` of `q` ← `· g`.
    fn left(&mut self, k: usize, g: &Array2<T>) {
        let m = g.nrows();
        let gh = g.t().mapv(T::conj);
        for x in [&mut self.s, &mut self.t] {
            let rows = x.slice(s![k..k + m, k..]).to_owned();
            x.slice_mut(s![k..k + m, k..]).assign(&gh.dot(&rows));
        }
        let qc = self.q.slice(s![.., k..k + m]).to_owned();
        self.q.slice_mut(s![.., k..k + m]).assign(&qc.dot(g));
    }

    /// Columns `k..k+m` of `s`, `t` (rows `..k+m`) and of `z` ← `· g`.
    fn right(&mut self, k: usize, g: &Array2<T>) {
        let m = g.nrows();
        for x in [&mut self.s, &mut self.t] {
            let cols = x.slice(s![..k + m, k..k + m]).to_owned();
            x.slice_mut(s![..k + m, k..k + m]).assign(&cols.dot(g));
        }
        let zc = self.z.slice(s![.., k..k + m]).to_owned();
        self.z.slice_mut(s![.., k..k + m]).assign(&zc.dot(g));
    }

    /// Frobenius norm of the `m×m` diagonal block at `k` of `s` (or `t`).
    fn block_norm(x: &Array2<T>, k: usize, m: usize) -> RealOf<T> {
        x.slice(s![k..k + m, k..k + m]).iter().fold(RealOf::<T>::zero(), |a, v| a.hypot(v.modulus()))
    }

    /// Whether the `rows×cols` block at `(r, c)` of `s` and `t` is negligible (LAPACK's
    /// `20·eps·‖block‖` test); then it is set to zero.
    fn deflate(
        &mut self,
        r: usize,
        c: usize,
        rows: usize,
        cols: usize,
        na: RealOf<T>,
        nb: RealOf<T>,
    ) -> bool {
        let tiny = RealOf::<T>::min_positive_value() / RealOf::<T>::epsilon();
        let eps20 = RealOf::<T>::epsilon() * RealOf::<T>::lit(20.0);
        let (ta, tb) = ((eps20 * na).max(tiny), (eps20 * nb).max(tiny));
        let big = |x: &Array2<T>, thr: RealOf<T>| {
            x.slice(s![r..r + rows, c..c + cols]).iter().any(|v| v.modulus() > thr)
        };
        if big(&self.s, ta) || big(&self.t, tb) {
            return false;
        }
        self.s.slice_mut(s![r..r + rows, c..c + cols]).fill(T::zero());
        self.t.slice_mut(s![r..r + rows, c..c + cols]).fill(T::zero());
        true
    }

    /// Swaps the 1×1 blocks at `k` and `k + 1` (LAPACK `?tgex2` with `n1 = n2 = 1`).
    fn swap11(&mut self, k: usize) -> Result<()> {
        let (a11, a12, a22) = (self.s[[k, k]], self.s[[k, k + 1]], self.s[[k + 1, k + 1]]);
        let (b11, b12, b22) = (self.t[[k, k]], self.t[[k, k + 1]], self.t[[k + 1, k + 1]]);
        let (na, nb) = (Self::block_norm(&self.s, k, 2), Self::block_norm(&self.t, k, 2));
        // right eigenvector of the second eigenvalue (a22, b22) of the 2×2 pencil
        let (x1, x2) = (a22 * b12 - b22 * a12, b22 * a11 - a22 * b11);
        let r = x1.modulus().hypot(x2.modulus());
        if r == RealOf::<T>::zero() {
            return Ok(()); // the same eigenvalue twice: nothing to swap
        }
        self.right(k, &rot2(x1, x2, r));
        // left: the image of that vector, from the better-scaled of `s` and `t`
        let src =
            if a22.modulus() * b11.modulus() >= a11.modulus() * b22.modulus() { &self.s } else { &self.t };
        let (y1, y2) = (src[[k, k]], src[[k + 1, k]]);
        let r = y1.modulus().hypot(y2.modulus());
        if r > RealOf::<T>::zero() {
            self.left(k, &rot2(y1, y2, r));
        }
        if self.deflate(k + 1, k, 1, 1, na, nb) { Ok(()) } else { Err(reorder_failed()) }
    }
}

/// The unitary `[[x1, −x̄2], [x2, x̄1]] / r` whose first column is `(x1, x2) / r`.
fn rot2<T: LinalgScalar>(x1: T, x2: T, r: RealOf<T>) -> Array2<T> {
    let r = T::from_real(r);
    let (c1, c2) = (x1 / r, x2 / r);
    ndarray::array![[c1, -c2.conj()], [c2, c1.conj()]]
}

// ----- real generalized Schur form: 1×1 and 2×2 blocks -----

/// Size (1 or 2) of the diagonal block of the real form starting at `k`.
fn block_size<R: LinalgFloat>(p: &Pencil<R>, k: usize) -> usize {
    if k + 1 < p.n() && p.s[[k + 1, k]] != R::zero() { 2 } else { 1 }
}

/// Makes the `t` block of the 2×2 block at `k` diagonal with a positive diagonal by an SVD from
/// both sides (Jacobi rotation for the left factor), as LAPACK's `dlagv2` does for a complex
/// pair.
fn standardize<R: LinalgFloat>(p: &mut Pencil<R>, k: usize) {
    let (a, b, c, d) = (p.t[[k, k]], p.t[[k, k + 1]], p.t[[k + 1, k]], p.t[[k + 1, k + 1]]);
    let two = R::lit(2.0);
    let th = (two * (a * c + b * d)).atan2(a * a + b * b - c * c - d * d) / two;
    let (cs, sn) = (th.cos(), th.sin());
    let u = ndarray::array![[cs, -sn], [sn, cs]];
    // rows of uᵀ t are orthogonal; the right factor maps them onto the axes
    let w = u.t().dot(&p.t.slice(s![k..k + 2, k..k + 2]));
    let (n0, n1) = (w[[0, 0]].hypot(w[[0, 1]]), w[[1, 0]].hypot(w[[1, 1]]));
    let mut v = if n0 >= n1 {
        let (v1, v2) = (w[[0, 0]] / n0, w[[0, 1]] / n0);
        ndarray::array![[v1, -v2], [v2, v1]]
    } else {
        let (v1, v2) = (w[[1, 0]] / n1, w[[1, 1]] / n1);
        ndarray::array![[v2, v1], [-v1, v2]]
    };
    if n0.max(n1) == R::zero() {
        v = Array2::eye(2);
    }
    p.left(k, &u);
    p.right(k, &v);
    for j in 0..2 {
        if p.t[[k + j, k + j]] < R::zero() {
            // flip the sign of column j of v: columns of s, t and z
            for i in 0..k + 2 {
                p.s[[i, k + j]] = -p.s[[i, k + j]];
                p.t[[i, k + j]] = -p.t[[i, k + j]];
            }
            p.z.column_mut(k + j).mapv_inplace(|x| -x);
        }
    }
    p.t[[k, k + 1]] = R::zero();
    p.t[[k + 1, k]] = R::zero();
}

/// Solves `A11 R − L A22 = A12`, `B11 R − L B22 = B12` (`p, q ≤ 2`) by Gaussian elimination
/// with partial pivoting on the Kronecker system; `None` when the blocks share an eigenvalue.
fn gen_sylvester<R: LinalgFloat>(
    pe: &Pencil<R>,
    k: usize,
    p: usize,
    q: usize,
) -> Option<(Array2<R>, Array2<R>)> {
    let nn = 2 * p * q;
    let h = p * q; // R(i, j) is unknown i + p·j, L(i, j) is h + i + p·j
    let mut m = Array2::<R>::zeros((nn, nn + 1));
    for (e, x) in [&pe.s, &pe.t].into_iter().enumerate() {
        for j in 0..q {
            for i in 0..p {
                let row = e * h + i + p * j;
                for l in 0..p {
                    m[[row, l + p * j]] += x[[k + i, k + l]];
                }
                for l in 0..q {
                    m[[row, h + i + p * l]] -= x[[k + p + l, k + p + j]];
                }
                m[[row, nn]] = x[[k + i, k + p + j]];
            }
        }
    }
    let scale = m.slice(s![.., ..nn]).iter().fold(R::zero(), |a, v| a.max(v.abs()));
    let x = solve_augmented(m, scale)?;
    let rr = Array2::from_shape_fn((p, q), |(i, j)| x[i + p * j]);
    let ll = Array2::from_shape_fn((p, q), |(i, j)| x[h + i + p * j]);
    Some((rr, ll))
}

/// Orthogonal `m×m` whose first `q` columns span `[x; −I]` (`x` is `p×q`).
fn basis_q<R: LinalgFloat>(x: &Array2<R>) -> Result<Array2<R>> {
    let (p, q) = x.dim();
    let mut b = Array2::<R>::zeros((p + q, q));
    b.slice_mut(s![..p, ..]).assign(x);
    for j in 0..q {
        b[[p + j, j]] = -R::one();
    }
    Ok(qr(&b, QrMode::Full)?.0)
}

/// Swaps the adjacent blocks of the real form at `k` (size `p`) and `k + p` (size `q`).
fn swap_real<R: LinalgFloat>(pe: &mut Pencil<R>, k: usize, p: usize, q: usize) -> Result<()> {
    if p == 1 && q == 1 {
        return pe.swap11(k);
    }
    let m = p + q;
    let (na, nb) = (Pencil::block_norm(&pe.s, k, m), Pencil::block_norm(&pe.t, k, m));
    let (rr, ll) = gen_sylvester(pe, k, p, q).ok_or_else(reorder_failed)?;
    // s [R; −I] = [L; −I] A22 (and t likewise): the second block's deflating subspaces
    let (qm, zm) = (basis_q(&ll)?, basis_q(&rr)?);
    pe.left(k, &qm);
    pe.right(k, &zm);
    if !pe.deflate(k + q, k, p, q, na, nb) {
        return Err(reorder_failed());
    }
    if q == 2 {
        standardize(pe, k);
    } else if pe.t[[k, k]] < R::zero() {
        flip_row(pe, k);
    }
    if p == 2 {
        standardize(pe, k + q);
    } else if pe.t[[k + q, k + q]] < R::zero() {
        flip_row(pe, k + q);
    }
    Ok(())
}

/// Negates row `k` of `s`, `t` and column `k` of `q` (LAPACK's sign fix of `B(k, k)`).
fn flip_row<T: LinalgScalar>(pe: &mut Pencil<T>, k: usize) {
    pe.s.row_mut(k).mapv_inplace(|x| -x);
    pe.t.row_mut(k).mapv_inplace(|x| -x);
    pe.q.column_mut(k).mapv_inplace(|x| -x);
}

/// `(alpha, beta)` of the diagonal block at `k` (size `p`) of the standardized real form; a
/// complex pair gets `beta = √(t₁₁ t₂₂)` and the eigenvalue with positive imaginary part first.
fn block_alpha_beta<R: LinalgFloat>(pe: &Pencil<R>, k: usize, p: usize) -> [(Complex<R>, R); 2] {
    let zero = Complex::new(R::zero(), R::zero());
    if p == 1 {
        return [(Complex::new(pe.s[[k, k]], R::zero()), pe.t[[k, k]]), (zero, R::zero())];
    }
    let (s11, s12, s21, s22) = (pe.s[[k, k]], pe.s[[k, k + 1]], pe.s[[k + 1, k]], pe.s[[k + 1, k + 1]]);
    let (t1, t2) = (pe.t[[k, k]], pe.t[[k + 1, k + 1]]);
    let beta = (t1 * t2).sqrt();
    let two = R::lit(2.0);
    let sum = s11 * t2 + s22 * t1;
    let disc = (s11 * t2 - s22 * t1).powi(2) + R::lit(4.0) * t1 * t2 * s12 * s21;
    let den = two * beta;
    if disc < R::zero() {
        let im = (-disc).sqrt() / den;
        [(Complex::new(sum / den, im), beta), (Complex::new(sum / den, -im), beta)]
    } else {
        let r = disc.sqrt();
        [(Complex::new((sum + r) / den, R::zero()), beta), (Complex::new((sum - r) / den, R::zero()), beta)]
    }
}

/// Real `ordqz` on a general selection (`select(alpha, beta)`, beta real as a complex number).
fn ordqz_real<R: LinalgFloat>(
    a: ndarray::ArrayView2<'_, R>,
    b: ndarray::ArrayView2<'_, R>,
    select: impl Fn(Complex<R>, Complex<R>) -> bool,
) -> Result<Ordqz<R, R>> {
    let (s, t, q, z) = qz(&a, &b)?;
    let mut pe = Pencil { s, t, q, z };
    let n = pe.n();
    let c = |x: R| Complex::new(x, R::zero());
    // standardize the form as LAPACK leaves it, and read off the selection
    let mut k = 0;
    while k < n {
        let p = block_size(&pe, k);
        if p == 2 {
            standardize(&mut pe, k);
        } else if pe.t[[k, k]] < R::zero() {
            flip_row(&mut pe, k);
        }
        k += p;
    }
    // move each selected block up past the unselected ones before it (`dtgsen`'s order)
    let (mut ks, mut k) = (0, 0);
    while k < n {
        let p = block_size(&pe, k);
        let [(al, be), _] = block_alpha_beta(&pe, k, p);
        if select(al, c(be)) || (p == 2 && select(al.conj(), c(be))) {
            let mut here = k;
            while here > ks {
                let above =
                    if here >= 2 && pe.s[[here - 1, here - 2]] != R::zero() { here - 2 } else { here - 1 };
                swap_real(&mut pe, above, here - above, p)?;
                here = above;
            }
            ks = here + p;
        }
        k += p;
    }
    let mut alpha = Array1::from_elem(n, c(R::zero()));
    let mut beta = Array1::zeros(n);
    let mut k = 0;
    while k < n {
        let p = block_size(&pe, k);
        if p == 1 && pe.t[[k, k]] < R::zero() {
            flip_row(&mut pe, k); // `dtgsen`: a non-negative `B(k, k)`
        }
        for (j, (al, be)) in block_alpha_beta(&pe, k, p).into_iter().take(p).enumerate() {
            alpha[k + j] = al;
            beta[k + j] = be;
        }
        k += p;
    }
    let Pencil { s, t, q, z } = pe;
    Ok(Ordqz { aa: s, bb: t, alpha, beta, q, z })
}

/// Complex `ordqz` on a general selection.
fn ordqz_cplx<R: LinalgFloat>(
    a: ndarray::ArrayView2<'_, Complex<R>>,
    b: ndarray::ArrayView2<'_, Complex<R>>,
    select: impl Fn(Complex<R>, Complex<R>) -> bool,
) -> Result<Ordqz<Complex<R>, Complex<R>>>
where
    Complex<R>: LinalgScalar<Real = R>,
{
    let (s, t, q, z) = qz_complex(&a, &b)?;
    let mut pe = Pencil { s, t, q, z };
    let n = pe.n();
    let mut ks = 0;
    for k in 0..n {
        if select(pe.s[[k, k]], pe.t[[k, k]]) {
            for j in (ks..k).rev() {
                pe.swap11(j)?;
            }
            ks += 1;
        }
    }
    // `ztgsen`: a real non-negative diagonal of `bb`
    for k in 0..n {
        let d = pe.t[[k, k]].norm();
        if d > R::min_positive_value() {
            let u = pe.t[[k, k]] / Complex::from(d);
            pe.t.slice_mut(s![k, k + 1..]).mapv_inplace(|x| x * u.conj());
            pe.s.slice_mut(s![k, k..]).mapv_inplace(|x| x * u.conj());
            pe.q.column_mut(k).mapv_inplace(|x| x * u);
            pe.t[[k, k]] = Complex::from(d);
        } else {
            pe.t[[k, k]] = Complex::from(R::zero());
        }
    }
    let (alpha, beta) = (pe.s.diag().to_owned(), pe.t.diag().to_owned());
    let Pencil { s, t, q, z } = pe;
    Ok(Ordqz { aa: s, bb: t, alpha, beta, q, z })
}

fn check_ordqz<T: LinalgScalar, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
) -> Result<()> {
    check_pencil(a, b)?;
    if a.is_empty() {
        // SciPy's `gges` wrapper rejects n = 0 (its `lwork` check fails).
        return Err(invalid("A", "ordqz needs a non-empty pencil; got shape (0, 0)"));
    }
    Ok(())
}

/// QZ decomposition of a real pencil with the generalized eigenvalues chosen by `sort` moved
/// to the top-left: `A = Q AA Zᵀ`, `B = Q BB Zᵀ` with `Q`, `Z` orthogonal, `BB` upper
/// triangular with a non-negative diagonal and `AA` upper quasi-triangular (2×2 blocks, whose
/// `BB` block is diagonal, for complex-conjugate pairs; a pair is selected when either of its
/// eigenvalues is). `alpha[j] / beta[j]` are the generalized eigenvalues along the diagonal.
///
/// The selected eigenvalues keep their relative order (as LAPACK's `dtgsen`); the order
/// within the groups follows the QZ iteration's and may differ from SciPy's. For a complex
/// pair `beta` is `√(BB[j,j]·BB[j+1,j+1])` (LAPACK scales it differently; the ratio
/// `alpha / beta` is the same).
///
/// SciPy equivalent: `scipy.linalg.ordqz(A, B, sort=..., output='real')`; `sort=callable` is
/// [`ordqz_by`], `output='complex'` is [`ordqz_complex`].
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::ShapeMismatch`] (SciPy: "Array dimensions must
/// be square and agree"), [`LinalgError::NonFinite`] naming `A` or `B`, an invalid-value
/// error for an empty pencil (SciPy's LAPACK wrapper rejects it) and when a swap would leave
/// the pencil too far from Schur form (SciPy's `ValueError` "Reordering of (A, B) failed ...").
///
/// # Examples
///
/// ```
/// use sci_linalg::{QzSort, ordqz};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 5.0, 8.0, 7.0], [5.0, 2.0, 2.0, 8.0], [7.0, 5.0, 6.0, 6.0], [5.0, 4.0, 4.0, 8.0]];
/// let b = array![[0.0, 6.0, 0.0, 0.0], [5.0, 0.0, 2.0, 1.0], [5.0, 2.0, 6.0, 6.0], [4.0, 7.0, 7.0, 7.0]];
/// let r = ordqz(&a, &b, QzSort::Lhp)?;
/// let lhp: Vec<bool> = (0..4).map(|j| (r.alpha[j] / r.beta[j]).re < 0.0).collect();
/// assert_eq!(lhp, [true, true, false, false]);
/// assert_allclose(&r.q.dot(&r.aa).dot(&r.z.t()), &a, 1e-12, 1e-12);
/// assert_allclose(&r.q.dot(&r.bb).dot(&r.z.t()), &b, 1e-12, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn ordqz<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>, sort: QzSort) -> Result<Ordqz<T, T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    ordqz_by(a, b, |al, be| sort.selects(al, be))
}

/// [`ordqz`] with a custom selection: `select(alpha, beta)` for each generalized eigenvalue
/// `alpha / beta` (`beta` real, passed as a complex number); a complex pair is selected when
/// either eigenvalue is.
///
/// SciPy equivalent: `scipy.linalg.ordqz(A, B, sort=callable, output='real')`.
///
/// # Errors
///
/// As [`ordqz`].
///
/// # Examples
///
/// ```
/// use sci_linalg::ordqz_by;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0f64, 2.0, 0.0], [0.0, -3.0, 1.0], [0.0, 0.0, 2.0]];
/// let b = array![[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
/// // eigenvalues above 1.5 first
/// let r = ordqz_by(&a, &b, |al, be| (al / be).re > 1.5)?;
/// assert!((r.alpha[0].re / r.beta[0] - 2.0f64).abs() < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn ordqz_by<T, S1, S2, F>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
    select: F,
) -> Result<Ordqz<T, T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    F: Fn(Complex<T>, Complex<T>) -> bool,
{
    check_ordqz(a, b)?;
    ordqz_real(a.view(), b.view(), select)
}

/// Complex QZ decomposition with the generalized eigenvalues chosen by `sort` first:
/// `A = Q AA Zᴴ`, `B = Q BB Zᴴ`, `AA`, `BB` upper triangular, `BB` with a real non-negative
/// diagonal; `alpha = diag(AA)`, `beta = diag(BB)`. Real input is converted to complex first,
/// as SciPy's `output='complex'`; complex input is always decomposed this way.
///
/// The selected eigenvalues keep their relative order (LAPACK's `ztgsen`); the order within
/// the groups follows the QZ iteration's.
///
/// SciPy equivalent: `scipy.linalg.ordqz(A, B, sort=..., output='complex')`.
///
/// # Errors
///
/// As [`ordqz`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{QzSort, ordqz_complex};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0f64, 2.0], [-3.0, 1.0]]; // with b = I: eigenvalues 1 ± i√6
/// let b = array![[1.0, 0.0], [0.0, 1.0]];
/// let r = ordqz_complex(&a, &b, QzSort::Ouc)?;
/// assert!((r.alpha[0] / r.beta[0]).norm() > 1.0);
/// assert!(r.bb[[0, 0]].im == 0.0 && r.bb[[0, 0]].re > 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn ordqz_complex<T, S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
    sort: QzSort,
) -> Result<Ordqz<Complex<RealOf<T>>, Complex<RealOf<T>>>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    Complex<RealOf<T>>: LinalgScalar<Real = RealOf<T>>,
{
    ordqz_complex_by(a, b, |al, be| sort.selects(al, be))
}

/// [`ordqz_complex`] with a custom selection `select(alpha, beta)`.
///
/// SciPy equivalent: `scipy.linalg.ordqz(A, B, sort=callable, output='complex')`.
///
/// # Errors
///
/// As [`ordqz`].
///
/// # Examples
///
/// ```
/// use sci_linalg::ordqz_complex_by;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0f64, 2.0], [-3.0, 1.0]];
/// let b = array![[1.0, 0.0], [0.0, 1.0]];
/// // the eigenvalue with negative imaginary part first
/// let r = ordqz_complex_by(&a, &b, |al, be| (al / be).im < 0.0)?;
/// assert!(r.alpha[0].im < 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn ordqz_complex_by<T, S1, S2, F>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
    select: F,
) -> Result<Ordqz<Complex<RealOf<T>>, Complex<RealOf<T>>>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    Complex<RealOf<T>>: LinalgScalar<Real = RealOf<T>>,
    F: Fn(Complex<RealOf<T>>, Complex<RealOf<T>>) -> bool,
{
    check_ordqz(a, b)?;
    let (ac, bc) = (a.mapv(T::to_complex), b.mapv(T::to_complex));
    ordqz_cplx(ac.view(), bc.view(), select)
}

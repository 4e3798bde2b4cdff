//! Reordering of the real Schur form: `schur_sorted` (SciPy's `schur(a, sort=...)`).
//!
//! Adjacent diagonal blocks are swapped as in LAPACK's `dlaexc`: solve the small Sylvester
//! equation `A11 X − X A22 = A12`, take the orthogonal `Q` of the QR decomposition of
//! `[−X; I]`, and apply `Qᵀ T Q`; 2×2 blocks are then re-standardized with `dlanv2`.

use ndarray::{Array2, ArrayBase, Data, Ix2, s};
use num_complex::Complex;

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr::{QrMode, qr};
use crate::scalar::{LinalgFloat, check_square_finite, to_fortran};
use crate::schur::{lanv2, real_schur, rsf2csf_unchecked};

/// SciPy's named `sort` options of `schur`: which eigenvalues go to the top-left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchurSort {
    /// `'lhp'`: real part `< 0`.
    Lhp,
    /// `'rhp'`: real part `≥ 0`.
    Rhp,
    /// `'iuc'`: inside the unit circle, `|λ| ≤ 1`.
    Iuc,
    /// `'ouc'`: outside the unit circle, `|λ| > 1`.
    Ouc,
}

impl SchurSort {
    /// Whether the eigenvalue `re + i·im` is selected.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::SchurSort;
    /// assert!(SchurSort::Lhp.selects(-1.0, 5.0));
    /// assert!(SchurSort::Iuc.selects(0.6, 0.8));
    /// assert!(!SchurSort::Ouc.selects(0.6, 0.8));
    /// ```
    pub fn selects<T: LinalgFloat>(self, re: T, im: T) -> bool {
        match self {
            Self::Lhp => re < T::zero(),
            Self::Rhp => re >= T::zero(),
            Self::Iuc => re.hypot(im) <= T::one(),
            Self::Ouc => re.hypot(im) > T::one(),
        }
    }
}

/// Size (1 or 2) of the diagonal block starting at `k`.
fn block_size<T: LinalgFloat>(t: &Array2<T>, k: usize) -> usize {
    if k + 1 < t.nrows() && t[[k + 1, k]] != T::zero() { 2 } else { 1 }
}

/// Eigenvalue (with non-negative imaginary part) of the block at `k` of size `p`.
fn block_eig<T: LinalgFloat>(t: &Array2<T>, k: usize, p: usize) -> (T, T) {
    if p == 1 {
        (t[[k, k]], T::zero())
    } else {
        let im = t[[k, k + 1]].abs().sqrt() * t[[k + 1, k]].abs().sqrt();
        (t[[k, k]], im)
    }
}

/// Solves the `p·q` unknowns of `A11 X − X A22 = A12` (`p, q ≤ 2`) by Gaussian elimination
/// with partial pivoting on the Kronecker system; `None` when it is singular (the blocks
/// share an eigenvalue).
fn sylvester_small<T: LinalgFloat>(t: &Array2<T>, k: usize, p: usize, q: usize) -> Option<Array2<T>> {
    let nn = p * q;
    // unknown (i, j) of X has index i + p·j
    let mut m = Array2::<T>::zeros((nn, nn + 1));
    for j in 0..q {
        for i in 0..p {
            let row = i + p * j;
            for l in 0..p {
                m[[row, l + p * j]] += t[[k + i, k + l]];
            }
            for l in 0..q {
                m[[row, i + p * l]] -= t[[k + p + l, k + p + j]];
            }
            m[[row, nn]] = t[[k + i, k + p + j]];
        }
    }
    let scale = m.iter().fold(T::zero(), |a, x| a.max(x.abs()));
    let x = solve_augmented(m, scale)?;
    Some(Array2::from_shape_fn((p, q), |(i, j)| x[i + p * j]))
}

/// Solves the small system held as `m = [M | rhs]` (`nn × (nn + 1)`) by Gaussian elimination
/// with partial pivoting; `None` when a pivot falls to `eps · scale / 100` (singular `M`).
pub(crate) fn solve_augmented<T: LinalgFloat>(mut m: Array2<T>, scale: T) -> Option<Vec<T>> {
    let nn = m.nrows();
    for c in 0..nn {
        let piv = (c..nn).max_by(|&a, &b| m[[a, c]].abs().partial_cmp(&m[[b, c]].abs()).expect("finite"))?;
        if m[[piv, c]].abs() <= T::epsilon() * scale * T::lit(1e-2) {
            return None;
        }
        for col in 0..=nn {
            m.swap([c, col], [piv, col]);
        }
        for r in c + 1..nn {
            let f = m[[r, c]] / m[[c, c]];
            for col in c..=nn {
                let v = m[[c, col]];
                m[[r, col]] -= f * v;
            }
        }
    }
    let mut x = vec![T::zero(); nn];
    for r in (0..nn).rev() {
        let mut s = m[[r, nn]];
        for c in r + 1..nn {
            s -= m[[r, c]] * x[c];
        }
        x[r] = s / m[[r, r]];
    }
    Some(x)
}

/// Standardizes the 2×2 block at `k` with `dlanv2`, applying the rotation to `t` and `z`.
fn standardize<T: LinalgFloat>(t: &mut Array2<T>, z: &mut Array2<T>, k: usize) {
    let n = t.nrows();
    let (a, b, c, d, cs, sn) = lanv2(t[[k, k]], t[[k, k + 1]], t[[k + 1, k]], t[[k + 1, k + 1]]);
    t[[k, k]] = a;
    t[[k, k + 1]] = b;
    t[[k + 1, k]] = c;
    t[[k + 1, k + 1]] = d;
    for j in k + 2..n {
        let (x, y) = (t[[k, j]], t[[k + 1, j]]);
        t[[k, j]] = cs * x + sn * y;
        t[[k + 1, j]] = cs * y - sn * x;
    }
    for i in 0..k {
        let (x, y) = (t[[i, k]], t[[i, k + 1]]);
        t[[i, k]] = cs * x + sn * y;
        t[[i, k + 1]] = cs * y - sn * x;
    }
    for i in 0..n {
        let (x, y) = (z[[i, k]], z[[i, k + 1]]);
        z[[i, k]] = cs * x + sn * y;
        z[[i, k + 1]] = cs * y - sn * x;
    }
}

/// Swaps the adjacent blocks at `k` (size `p`) and `k + p` (size `q`). Returns `false` when
/// they cannot be swapped (equal eigenvalues: nothing to reorder).
fn swap_blocks<T: LinalgFloat>(t: &mut Array2<T>, z: &mut Array2<T>, k: usize, p: usize, q: usize) -> bool {
    let m = p + q;
    let Some(x) = sylvester_small(t, k, p, q) else {
        return false;
    };
    let mut basis = Array2::<T>::zeros((m, q));
    basis.slice_mut(s![..p, ..]).assign(&x.mapv(|v| -v));
    for j in 0..q {
        basis[[p + j, j]] = T::one();
    }
    let Ok((qm, _)) = qr(&basis, QrMode::Full) else {
        return false;
    };
    // T[k..k+m, k..] = Qᵀ T[k..k+m, k..]; T[..k+m, k..k+m] = T[..k+m, k..k+m] Q; Z likewise.
    let rows = t.slice(s![k..k + m, k..]).to_owned();
    t.slice_mut(s![k..k + m, k..]).assign(&qm.t().dot(&rows));
    let cols = t.slice(s![..k + m, k..k + m]).to_owned();
    t.slice_mut(s![..k + m, k..k + m]).assign(&cols.dot(&qm));
    let zc = z.slice(s![.., k..k + m]).to_owned();
    z.slice_mut(s![.., k..k + m]).assign(&zc.dot(&qm));
    // The block below the new diagonal blocks is zero up to rounding.
    for i in k + q..k + m {
        for j in k..k + q {
            t[[i, j]] = T::zero();
        }
    }
    if q == 2 {
        standardize(t, z, k);
    }
    if p == 2 {
        standardize(t, z, k + q);
    }
    true
}

/// Moves the selected eigenvalues of the real Schur form `(t, z)` to the top-left; returns
/// `sdim` (selected eigenvalues, a complex pair counting 2).
fn reorder<T: LinalgFloat, F: Fn(T, T) -> bool>(t: &mut Array2<T>, z: &mut Array2<T>, select: F) -> usize {
    let n = t.nrows();
    let mut ks = 0; // where the next selected block goes
    let mut k = 0;
    while k < n {
        let p = block_size(t, k);
        let (re, im) = block_eig(t, k, p);
        if select(re, im) || (p == 2 && select(re, -im)) {
            // bubble the block at k up to ks
            let mut here = k;
            while here > ks {
                // the block just above `here`
                let above =
                    if here >= 2 && t[[here - 1, here - 2]] != T::zero() { here - 2 } else { here - 1 };
                let pa = here - above;
                let cur = block_size(t, here);
                if !swap_blocks(t, z, above, pa, cur) {
                    break;
                }
                here = above;
            }
            ks = here + block_size(t, here);
        }
        k += p;
    }
    ks
}

/// Real Schur decomposition with the eigenvalues chosen by `sort` moved to the top-left
/// block: `a = z t zᵀ`, and the first `sdim` diagonal entries of `t` hold the selected
/// eigenvalues (a complex-conjugate pair is selected, and counted twice, when either
/// eigenvalue is). Returns `(t, z, sdim)`.
///
/// The blocks are reordered by orthogonal swaps of adjacent blocks (the method of LAPACK's
/// `dtrexc`/`dlaexc`, which SciPy's `gees` uses), so `sdim` and the set of leading eigenvalues
/// match SciPy's; the order inside the selected and unselected groups follows the QR
/// iteration's and may differ.
///
/// SciPy equivalent: `scipy.linalg.schur(a, output='real', sort='lhp' | 'rhp' | 'iuc' | 'ouc')`.
///
/// # Errors
///
/// As [`schur`](crate::schur).
///
/// # Examples
///
/// ```
/// use sci_linalg::{SchurSort, schur_sorted};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 0.0], [0.0, -3.0, 1.0], [0.0, 0.0, 2.0]]; // eigenvalues 1, -3, 2
/// let (t, z, sdim) = schur_sorted(&a, SchurSort::Lhp).unwrap();
/// assert_eq!(sdim, 1);
/// let t00: f64 = t[[0, 0]];
/// assert!((t00 + 3.0).abs() < 1e-14);
/// assert_allclose(&z.dot(&t).dot(&z.t()), &a, 1e-14, 1e-14);
/// ```
#[allow(clippy::type_complexity)]
pub fn schur_sorted<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    sort: SchurSort,
) -> Result<(Array2<T>, Array2<T>, usize)> {
    schur_sorted_by(a, |re, im| sort.selects(re, im))
}

/// [`schur_sorted`] with a custom selection: `select(re, im)` for each eigenvalue `re + i·im`
/// (SciPy's callable `sort`; a complex pair is selected when either eigenvalue is).
///
/// SciPy equivalent: `scipy.linalg.schur(a, sort=callable)`.
///
/// # Errors
///
/// As [`schur`](crate::schur).
///
/// # Examples
///
/// ```
/// use sci_linalg::schur_sorted_by;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 0.0], [0.0, -3.0, 1.0], [0.0, 0.0, 2.0]];
/// // eigenvalues above 1.5 first
/// let (t, _, sdim) = schur_sorted_by(&a, |re: f64, _im| re > 1.5).unwrap();
/// assert_eq!(sdim, 1);
/// assert!((t[[0, 0]] - 2.0f64).abs() < 1e-14);
/// ```
#[allow(clippy::type_complexity)]
pub fn schur_sorted_by<T, S, F>(a: &ArrayBase<S, Ix2>, select: F) -> Result<(Array2<T>, Array2<T>, usize)>
where
    T: LinalgFloat,
    S: Data<Elem = T>,
    F: Fn(T, T) -> bool,
{
    check_square_finite(a, "a")?;
    let (mut t, mut z) = real_schur(to_fortran(a))?;
    let sdim = reorder(&mut t, &mut z, select);
    Ok((t, z, sdim))
}

/// Complex Schur decomposition with the eigenvalues chosen by `sort` first. Returns
/// `(t, z, sdim)`: `a = z t zᴴ`, `t` upper triangular, `sdim` the number of selected
/// eigenvalues, which lead the diagonal of `t`.
///
/// Real `a`: [`schur_sorted`] followed by [`rsf2csf`](crate::rsf2csf) (which keeps the order).
/// Complex `a` (`Complex<f64>`, `Complex<f32>`): the complex Schur form of
/// [`schur_complex`](crate::schur_complex), then each selected eigenvalue moved up past the
/// unselected ones by adjacent Givens swaps (LAPACK `ztrsen`/`ztrexc`). The order of the
/// eigenvalues within each group may differ from LAPACK's; `sdim`, the groups and the
/// decomposition agree.
///
/// SciPy equivalent: `scipy.linalg.schur(a, output='complex', sort=...)` (real and complex
/// `a`; callable `sort` for complex `a` is not provided).
///
/// # Errors
///
/// As [`schur`](crate::schur).
///
/// # Examples
///
/// ```
/// use sci_linalg::{SchurSort, schur_complex_sorted};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[0.5f64, 0.0, 0.0], [0.0, 0.0, -2.0], [0.0, 2.0, 0.0]]; // 0.5, ±2i
/// let (t, _z, sdim) = schur_complex_sorted(&a, SchurSort::Ouc).unwrap();
/// assert_eq!(sdim, 2);
/// assert!((t[[2, 2]].re - 0.5).abs() < 1e-14);
/// ```
///
/// Complex input:
///
/// ```
/// use sci_linalg::{SchurSort, schur_complex_sorted};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(2.0, 1.0), C::new(1.0, 0.0)], [C::new(0.0, 0.0), C::new(-1.0, 3.0)]];
/// let (t, z, sdim) = schur_complex_sorted(&a, SchurSort::Lhp)?;
/// assert_eq!(sdim, 1);
/// assert!((t[[0, 0]] - C::new(-1.0, 3.0)).norm() < 1e-14);
/// let rebuilt = z.dot(&t).dot(&z.t().mapv(|v| v.conj()));
/// assert!((&rebuilt - &a).iter().all(|v| v.norm() < 1e-14));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn schur_complex_sorted<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    sort: SchurSort,
) -> Result<(Array2<Complex<RealOf<T>>>, Array2<Complex<RealOf<T>>>, usize)> {
    if T::IS_COMPLEX {
        let (mut t, mut z) = T::schur_c_k(a.view())?;
        let sdim = crate::complex::trexc::reorder(&mut t, &mut z, |w| sort.selects(w.re, w.im));
        return Ok((t, z, sdim));
    }
    // `re` is exact for real T.
    let (t, z, sdim) = schur_sorted(&a.mapv(T::re), sort)?;
    let (t, z) = rsf2csf_unchecked(&t, &z);
    Ok((t, z, sdim))
}

//! Matrix balancing (LAPACK `gebal`): `matrix_balance`.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix2};
use num_traits::{Float, One, Zero};

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, check_square_finite, to_fortran};

/// The result of [`matrix_balance`]: the balanced matrix and SciPy's `separate=True` outputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance<T: LinalgScalar> {
    /// The balanced matrix `b = t⁻¹ a t`.
    pub b: Array2<T>,
    /// The scaling factors (powers of 2; 1 outside the balanced block).
    pub scale: Array1<RealOf<T>>,
    /// The permutation as SciPy's `perm` (0-based; see [`Balance::t`]).
    pub perm: Array1<usize>,
}

impl<T: LinalgScalar> Balance<T> {
    /// SciPy's `T` of `separate=False`: the similarity with `b = T⁻¹ a T`
    /// (`np.diag(scale)[iperm, :]`, `iperm` the inverse of `perm`).
    pub fn t(&self) -> Array2<T> {
        let n = self.scale.len();
        let mut t = Array2::<T>::zeros((n, n));
        // t[r, :] = diag(scale)[iperm[r], :], i.e. t[perm[c], c] = scale[c].
        for (c, &p) in self.perm.iter().enumerate() {
            t[[p, c]] = T::from_real(self.scale[c]);
        }
        t
    }
}

/// Balances a square matrix by a permutation and a diagonal scaling, `b = t⁻¹ a t`, as LAPACK
/// `gebal`: with `permute`, rows and columns that isolate eigenvalues are moved to the bottom
/// and the top; with `scale`, the remaining block is scaled by powers of 2 until the 2-norms
/// of each row and its column are within a factor of each other (reducing the norm without
/// rounding errors). Real and complex input.
///
/// Returns a [`Balance`] with `b`, `scale` and `perm` (SciPy's `separate=True` form);
/// [`Balance::t`] is SciPy's `T` of `separate=False`.
///
/// SciPy equivalent: `scipy.linalg.matrix_balance(A, permute=True, scale=True,
/// separate=False)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_linalg::matrix_balance;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let x = array![[1.0, 2.0, 0.0], [9.0, 1.0, 0.01], [1.0, 2.0, 10.0]];
/// let bal = matrix_balance(&x, true, true)?;
/// assert_eq!(bal.b, array![[1.0, 4.0, 0.0], [4.5, 1.0, 0.01], [0.5, 2.0, 10.0]]);
/// assert_eq!(bal.t(), array![[0.5, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
/// let y = array![[1.0, 2.0], [3e5, 4.0]];
/// let bal = matrix_balance(&y, false, true)?;
/// assert_eq!(bal.scale.to_vec(), vec![1.0 / 512.0, 1.0]);
/// assert_eq!(bal.b, array![[1.0, 1024.0], [585.9375, 4.0]]);
/// let t = bal.t();
/// assert_allclose(&t.dot(&bal.b), &y.dot(&t), 1e-12, 0.0); // a t = t b
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_balance<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    permute: bool,
    scale: bool,
) -> Result<Balance<T>> {
    let n = check_square_finite(a, "A")?;
    let mut b = to_fortran(a);
    let (lo, hi, ps) = gebal(&mut b, permute, scale);
    let mut sc = Array1::from_elem(n, RealOf::<T>::one());
    for i in lo..hi {
        sc[i] = ps[i];
    }
    // LAPACK's record of interchanges: scale[j] for j >= hi and j < lo holds the row/column
    // swapped with j (0-based here); SciPy replays them, n-1 down to hi, then 0 up to lo.
    let mut perm: Vec<usize> = (0..n).collect();
    for j in (hi..n).rev() {
        let x = ps[j].to_f64_lossless() as usize;
        perm.swap(x, j);
    }
    for j in 0..lo {
        let x = ps[j].to_f64_lossless() as usize;
        perm.swap(x, j);
    }
    Ok(Balance { b, scale: sc, perm: Array1::from(perm) })
}

/// LAPACK `gebal` (3.12) on `a` in place: returns `(lo, hi, scale)` with the balanced block
/// `lo..hi` (0-based, half-open) and `scale[j]` the interchange index (outside the block) or
/// the scaling factor (inside).
pub(crate) fn gebal<T: LinalgScalar>(
    a: &mut Array2<T>,
    permute: bool,
    scale: bool,
) -> (usize, usize, Vec<RealOf<T>>) {
    type R<T> = RealOf<T>;
    let n = a.nrows();
    let mut sc = vec![R::<T>::one(); n];
    if n == 0 {
        return (0, 0, sc);
    }
    let nz = |x: T| x != T::zero();
    let (mut k, mut l) = (0usize, n); // active block k..l
    if permute {
        // Rows isolating an eigenvalue (zero off the diagonal within columns ..l) go down.
        let mut noconv = true;
        while noconv {
            noconv = false;
            let mut i = l;
            while i > 0 {
                i -= 1;
                if i >= l {
                    continue;
                }
                let can = (0..l).all(|j| j == i || !nz(a[[i, j]]));
                if can {
                    let last = l - 1;
                    sc[last] = R::<T>::lit(i as f64);
                    if i != last {
                        for r in 0..l {
                            a.swap([r, i], [r, last]);
                        }
                        for c in k..n {
                            a.swap([i, c], [last, c]);
                        }
                    }
                    noconv = true;
                    if last == 0 {
                        // LAPACK: ilo = ihi = 1, scale(1) = 1 (the index and the factor agree).
                        sc[0] = R::<T>::one();
                        return (0, 1, sc);
                    }
                    l -= 1;
                }
            }
        }
        // Columns isolating an eigenvalue (zero off the diagonal within rows k..l) go left.
        noconv = true;
        while noconv {
            noconv = false;
            let mut j = k;
            while j < l {
                let can = (k..l).all(|i| i == j || !nz(a[[i, j]]));
                if can {
                    sc[k] = R::<T>::lit(j as f64);
                    if j != k {
                        for r in 0..l {
                            a.swap([r, j], [r, k]);
                        }
                        for c in k..n {
                            a.swap([j, c], [k, c]);
                        }
                    }
                    noconv = true;
                    k += 1;
                }
                j += 1;
            }
        }
    }
    for s in sc.iter_mut().take(l).skip(k) {
        *s = R::<T>::one();
    }
    if !scale {
        return (k, l, sc);
    }
    let radix = R::<T>::lit(2.0);
    let sfmin1 = R::<T>::min_positive_value() / R::<T>::epsilon(); // dlamch('S') / dlamch('P')
    let sfmax1 = R::<T>::one() / sfmin1;
    let sfmin2 = sfmin1 * radix;
    let sfmax2 = R::<T>::one() / sfmin2;
    let norm2 = |it: &mut dyn Iterator<Item = R<T>>| {
        let v: Vec<R<T>> = it.collect();
        let m = v.iter().fold(R::<T>::zero(), |m, &x| m.max(x));
        if m == R::<T>::zero() {
            return m;
        }
        m * v.iter().fold(R::<T>::zero(), |s, &x| s + (x / m) * (x / m)).sqrt()
    };
    let mut noconv = true;
    while noconv {
        noconv = false;
        for i in k..l {
            let mut c = norm2(&mut (k..l).map(|r| a[[r, i]].modulus()));
            let mut r = norm2(&mut (k..l).map(|cc| a[[i, cc]].modulus()));
            // idamax uses |re| + |im| to pick the entry, whose modulus is then taken.
            let amax = |it: &mut dyn Iterator<Item = T>| {
                let mut best = (R::<T>::lit(-1.0), R::<T>::zero());
                for x in it {
                    let key = x.re().abs() + x.im().abs();
                    if key > best.0 {
                        best = (key, x.modulus());
                    }
                }
                best.1
            };
            let mut ca = amax(&mut (0..l).map(|rr| a[[rr, i]]));
            let mut ra = amax(&mut (k..n).map(|cc| a[[i, cc]]));
            if c == R::<T>::zero() || r == R::<T>::zero() {
                continue;
            }
            let mut g = r / radix;
            let mut f = R::<T>::one();
            let s = c + r;
            while c < g && f.max(c).max(ca) < sfmax2 && r.min(g).min(ra) > sfmin2 {
                f *= radix;
                c *= radix;
                ca *= radix;
                r /= radix;
                g /= radix;
                ra /= radix;
            }
            g = c / radix;
            while g >= r && r.max(ra) < sfmax2 && f.min(c).min(g).min(ca) > sfmin2 {
                f /= radix;
                c /= radix;
                g /= radix;
                ca /= radix;
                r *= radix;
                ra *= radix;
            }
            if c + r >= R::<T>::lit(0.95) * s {
                continue;
            }
            if f < R::<T>::one() && sc[i] < R::<T>::one() && f * sc[i] <= sfmin1 {
                continue;
            }
            if f > R::<T>::one() && sc[i] > R::<T>::one() && sc[i] >= sfmax1 / f {
                continue;
            }
            let gi = T::from_real(R::<T>::one() / f);
            let fi = T::from_real(f);
            sc[i] *= f;
            noconv = true;
            for cc in k..n {
                a[[i, cc]] *= gi;
            }
            for rr in 0..l {
                a[[rr, i]] *= fi;
            }
        }
    }
    (k, l, sc)
}

/// `gebal` scaling only (no permutation) of a real matrix: the factors.
pub(crate) fn scaling_factors<T: LinalgFloat>(a: &Array2<T>) -> Vec<T> {
    let mut w = a.clone();
    gebal(&mut w, false, true).2
}

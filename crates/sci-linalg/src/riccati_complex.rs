//! `solve_continuous_are` and `solve_discrete_are` for real and complex input: SciPy's checks;
//! for the continuous equation the reduction of `e=` and `s=` to the standard equation (with
//! conjugate transposes) and the Hamiltonian matrix, whose stable invariant subspace comes from
//! the ordered real Schur form (real input, [`crate::riccati`]) or an ordered complex Schur form
//! (LAPACK `ztrexc`'s adjacent swaps); the discrete equation goes to SciPy's extended pencil
//! ([`crate::riccati_pencil`]).

use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2, s};
use num_traits::{Float, One, Zero};

use crate::complex::trexc::reorder;
use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::inv;
use crate::products::matmul_unchecked as matmul;
use crate::riccati::AreOptions;
use crate::scalar::{LinalgFloat, check_finite, check_square_finite, zeros_f};
use crate::schur_sort::SchurSort;
use crate::solve::solve;

fn adj<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Array2<T> {
    a.t().mapv(T::conj)
}

pub(crate) fn one_norm<T: LinalgScalar>(m: ArrayView2<'_, T>) -> RealOf<T> {
    m.columns()
        .into_iter()
        .map(|c| c.iter().fold(RealOf::<T>::zero(), |s, v| s + v.modulus()))
        .fold(RealOf::<T>::zero(), RealOf::<T>::max)
}

/// `(x + xᴴ) / 2`.
pub(crate) fn hermitian_part<T: LinalgScalar>(x: &Array2<T>) -> Array2<T> {
    let half = T::from_real(RealOf::<T>::lit(0.5));
    (x + &adj(x.view())).mapv(|v| v * half)
}

/// SciPy's `_are_validate_args` and the checks of `e` and `s`; returns `n`.
fn validate<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<usize> {
    let n = check_square_finite(a, "a")?;
    let m = check_square_finite(r, "r")?;
    check_finite(b, "b")?;
    if b.dim() != (n, m) {
        let expected = format!("({n}, {m}): the rows of `a` by the columns of `r`");
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    check_square_finite(q, "q")?;
    if q.nrows() != n {
        let expected = format!("({n}, {n}), the shape of `a`");
        return Err(LinalgError::ShapeMismatch { arg: "q", expected, found: q.shape().to_vec() });
    }
    for (x, name) in [(q.view(), "q"), (r.view(), "r")] {
        let asym = one_norm((&x - &adj(x)).view());
        // SciPy: norm(x - x.conj().T, 1) > spacing(norm(x, 1)) * 100
        if asym > one_norm(x) * RealOf::<T>::epsilon() * RealOf::<T>::lit(100.0) {
            return Err(invalid(name, format!("Matrix {name} should be symmetric/hermitian.")));
        }
    }
    if let Some(e) = opts.e {
        check_square_finite(&e, "e")?;
        if e.nrows() != n {
            let expected = format!("({n}, {n}), the shape of `a`");
            return Err(LinalgError::ShapeMismatch { arg: "e", expected, found: e.shape().to_vec() });
        }
        let sv = crate::svd::svdvals(&e)?;
        let min_sv = sv.iter().copied().fold(RealOf::<T>::infinity(), RealOf::<T>::min);
        if n > 0 && (min_sv == RealOf::<T>::zero() || min_sv < RealOf::<T>::epsilon() * one_norm(e)) {
            return Err(invalid("e", "Matrix e is numerically singular."));
        }
    }
    if let Some(sm) = opts.s {
        check_finite(&sm, "s")?;
        if sm.shape() != b.shape() {
            let expected = format!("{:?}, the shape of `b`", b.shape());
            return Err(LinalgError::ShapeMismatch { arg: "s", expected, found: sm.shape().to_vec() });
        }
    }
    Ok(n)
}

/// `(â, g, q̄)` of the equivalent standard equation: `ā = a - b r⁻¹ sᴴ`, `q̄ = q - s r⁻¹ sᴴ`,
/// `â = e⁻¹ ā`, `b̂ = e⁻¹ b`, `g = b̂ r⁻¹ b̂ᴴ`.
#[allow(clippy::type_complexity)]
fn reduce<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<(Array2<T>, Array2<T>, Array2<T>)> {
    let (mut ah, mut bh, mut qb) = (a.to_owned(), b.to_owned(), q.to_owned());
    if let Some(sm) = opts.s {
        let rinv_sh = solve(r, &adj(sm))?;
        ah = &ah - &matmul(b.view(), rinv_sh.view());
        qb = &qb - &matmul(sm, rinv_sh.view());
    }
    if let Some(e) = opts.e {
        ah = solve(&e, &ah)?;
        bh = solve(&e, &bh)?;
    }
    let g = matmul(bh.view(), solve(r, &adj(bh.view()))?.view());
    Ok((ah, g, qb))
}

/// `x = e⁻ᴴ y e⁻¹` (`y` itself without `e`), made Hermitian.
fn restore<T: LinalgScalar>(y: Array2<T>, e: Option<ArrayView2<'_, T>>) -> Result<Array2<T>> {
    let Some(e) = e else { return Ok(y) };
    let eh = adj(e);
    let w = solve(&eh, &y)?; // e⁻ᴴ y
    let x = adj(solve(&eh, &adj(w.view()))?.view()); // (e⁻ᴴ wᴴ)ᴴ = w e⁻¹
    Ok(hermitian_part(&x))
}

/// The stabilizing solution from the stable invariant subspace of `h`: the real solver's
/// ordered real Schur form for real `T`, the ordered complex Schur form otherwise.
fn stable_solution<T: LinalgScalar>(
    h: Array2<T>,
    n: usize,
    sort: SchurSort,
    balanced: bool,
) -> Result<Array2<T>> {
    if T::IS_COMPLEX {
        stable_solution_complex(h, n, sort, balanced)
    } else {
        // `re` and `from_real` are exact for real T.
        let x = crate::riccati::stable_solution(h.mapv(T::re), n, sort, balanced)?;
        Ok(x.mapv(T::from_real))
    }
}

/// The stabilizing solution from the ordered complex Schur vectors of the (balanced) `h`.
fn stable_solution_complex<T: LinalgScalar>(
    mut h: Array2<T>,
    n: usize,
    sort: SchurSort,
    balanced: bool,
) -> Result<Array2<T>> {
    let d = if balanced { balance(&mut h, n) } else { None };
    let (mut t, mut z) = T::schur_c_k(h.view())?;
    let sdim = reorder(&mut t, &mut z, |w| sort.selects(w.re, w.im));
    if sdim != n {
        return Err(LinalgError::NearSingular { index: sdim });
    }
    let z = z.mapv(T::from_complex_k);
    let u11 = z.slice(s![..n, ..n]);
    let u21 = z.slice(s![n.., ..n]);
    // SciPy: "Failed to find a finite solution" when u11 is numerically singular (1-norm rcond).
    let rcond = match inv(&u11) {
        Ok(ui) => RealOf::<T>::one() / (one_norm(u11) * one_norm(ui.view())),
        Err(LinalgError::Singular { .. }) => RealOf::<T>::zero(),
        Err(e) => return Err(e),
    };
    if rcond.is_nan() || rcond < RealOf::<T>::epsilon() {
        return Err(LinalgError::NearSingular { index: 0 });
    }
    // x u11 = u21  ⇔  u11ᴴ xᴴ = u21ᴴ
    let x = adj(solve(&adj(u11), &adj(u21))?.view());
    let mut x = hermitian_part(&x);
    if let Some(d) = d {
        for ((i, j), v) in x.indexed_iter_mut() {
            *v *= T::from_real(d[i] * d[j]);
        }
    }
    Ok(x)
}

/// The real solvers' balancing (gebal scaling of `|h|` without its diagonal, then the nearest
/// symplectic `diag(d, d⁻¹)` of powers of 2), on the moduli of the complex `h`.
fn balance<T: LinalgScalar>(h: &mut Array2<T>, n: usize) -> Option<Vec<RealOf<T>>> {
    let mut m = h.mapv(T::modulus);
    m.diag_mut().fill(RealOf::<T>::zero());
    let d = crate::riccati::symplectic_scaling(&m, n)?;
    let full: Vec<RealOf<T>> = d.iter().copied().chain(d.iter().map(|&v| RealOf::<T>::one() / v)).collect();
    for ((i, j), v) in h.indexed_iter_mut() {
        *v *= T::from_real(full[i] / full[j]);
    }
    Some(d)
}

/// `solve_continuous_are_with` (real and complex input).
pub(crate) fn care<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<Array2<T>> {
    let n = validate(a, b, q, r, opts)?;
    if n == 0 {
        return Ok(zeros_f(0, 0));
    }
    let (ah, g, qb) = reduce(a, b, q, r, opts)?;
    let mut h = zeros_f(2 * n, 2 * n);
    h.slice_mut(s![..n, ..n]).assign(&ah);
    h.slice_mut(s![..n, n..]).assign(&g.mapv(|v| -v));
    h.slice_mut(s![n.., ..n]).assign(&qb.mapv(|v| -v));
    h.slice_mut(s![n.., n..]).assign(&adj(ah.view()).mapv(|v| -v));
    let y = stable_solution(h, n, SchurSort::Lhp, opts.balanced)?;
    restore(y, opts.e)
}

/// `solve_discrete_are_with` (real and complex input).
pub(crate) fn dare<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<Array2<T>> {
    let n = validate(a, b, q, r, opts)?;
    if n == 0 {
        return Ok(zeros_f(0, 0));
    }
    // SciPy's own route: the deflated extended pencil and ordered QZ, which needs no inverse
    // of `a`.
    crate::riccati_pencil::dare_pencil(a, b, q, r, opts)
}

//! `solve_discrete_are` by SciPy's own route, for real and complex input: the extended
//! symplectic pencil `(H, J)` of order `2n + m`, deflated by the `r` column block, its stable
//! deflating subspace from the ordered QZ decomposition (`sort = 'iuc'`; [`crate::ordqz`] for
//! real input, [`crate::ordqz_complex`] for complex input, as SciPy's `output=` by type),
//! `x = U₁₀ U₀₀⁻¹`. The pencil needs no inverse of `a` (nor of `a - b r⁻¹ sᴴ`), so a singular
//! `a` is solved too.

use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2, s};
use num_traits::{Float, One, ToPrimitive, Zero};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::ordqz::QzSort;
use crate::products::matmul_unchecked as matmul;
use crate::qr::{QrMode, qr};
use crate::riccati::AreOptions;
use crate::riccati_complex::{hermitian_part, one_norm};
use crate::scalar::LinalgFloat;

fn adj<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Array2<T> {
    a.t().mapv(T::conj)
}

fn neg<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Array2<T> {
    a.mapv(|v| -v)
}

/// SciPy's `_solve_discrete_are` after its argument checks (done by the caller); `ᵀ` of the
/// real case is `ᴴ` for complex input.
pub(crate) fn dare_pencil<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<Array2<T>> {
    let (n, m) = b.dim();
    let size = 2 * n + m;
    let mut h = Array2::<T>::zeros((size, size));
    let mut j = Array2::<T>::zeros((size, size));
    h.slice_mut(s![..n, ..n]).assign(a);
    h.slice_mut(s![..n, 2 * n..]).assign(b);
    h.slice_mut(s![n..2 * n, ..n]).assign(&neg(q.view()));
    match opts.e {
        Some(e) => {
            h.slice_mut(s![n..2 * n, n..2 * n]).assign(&adj(e));
            j.slice_mut(s![..n, ..n]).assign(&e);
        }
        None => {
            for i in 0..n {
                h[[n + i, n + i]] = T::one();
                j[[i, i]] = T::one();
            }
        }
    }
    if let Some(sm) = opts.s {
        h.slice_mut(s![n..2 * n, 2 * n..]).assign(&neg(sm));
        h.slice_mut(s![2 * n.., ..n]).assign(&adj(sm));
    }
    h.slice_mut(s![2 * n.., 2 * n..]).assign(r);
    j.slice_mut(s![n..2 * n, n..2 * n]).assign(&adj(a.view()));
    j.slice_mut(s![2 * n.., n..2 * n]).assign(&neg(adj(b.view()).view()));

    let mut sca: Option<Vec<RealOf<T>>> = None;
    if opts.balanced {
        // gebal does not skip the diagonal when scaling; to keep the symplectic structure the
        // scaling is then made diag(D, D⁻¹) (Benner), as SciPy.
        let mut mm = Array2::from_shape_fn((size, size), |(i, k)| h[[i, k]].modulus() + j[[i, k]].modulus());
        mm.diag_mut().fill(RealOf::<T>::zero());
        let scale = crate::balance::matrix_balance(&mm, false, true)?.scale;
        let lit = RealOf::<T>::lit;
        let close = |x: RealOf<T>| (x - RealOf::<T>::one()).abs() <= lit(1e-8) + lit(1e-5);
        if !scale.iter().all(|&x| close(x)) {
            let lg: Vec<f64> = scale.iter().map(|&x| x.to_f64().unwrap_or(0.0).log2()).collect();
            let mut f = vec![RealOf::<T>::one(); size];
            for i in 0..n {
                // NumPy's round: half to even.
                let e = ((lg[n + i] - lg[i]) / 2.0).round_ties_even();
                f[i] = lit(e.exp2());
                f[n + i] = lit((-e).exp2());
            }
            f[2 * n..].copy_from_slice(&scale.as_slice().expect("contiguous")[2 * n..]);
            for ((i, k), v) in h.indexed_iter_mut() {
                *v *= T::from_real(f[i] / f[k]);
            }
            for ((i, k), v) in j.indexed_iter_mut() {
                *v *= T::from_real(f[i] / f[k]);
            }
            sca = Some(f);
        }
    }

    // Deflate the pencil by the r column block (the orthogonal complement of its range).
    let (qm, _) = qr(&h.slice(s![.., 2 * n..]), QrMode::Full)?;
    let q2h = adj(qm.slice(s![.., m..]));
    let hd = matmul(q2h.view(), h.slice(s![.., ..2 * n]));
    let jd = matmul(q2h.view(), j.slice(s![.., ..2 * n]));
    let mut u = T::ordqz_z_k(hd.view(), jd.view(), QzSort::Iuc)?;
    if let Some(e) = opts.e {
        let mut stacked = Array2::<T>::zeros((2 * n, n));
        stacked.slice_mut(s![..n, ..]).assign(&matmul(e, u.slice(s![..n, ..n])));
        stacked.slice_mut(s![n.., ..]).assign(&u.slice(s![n.., ..n]));
        u = qr(&stacked, QrMode::Full)?.0;
    }
    let u00 = u.slice(s![..n, ..n]).to_owned();
    let u10 = u.slice(s![n.., ..n]).to_owned();

    let (p, l, uu) = crate::lu::lu(&u00)?;
    // SciPy: 1 / cond(uu) < np.spacing(1.) ("Failed to find a finite solution").
    let rc = crate::norm::cond(&uu, None)?;
    let rcond = RealOf::<T>::one() / rc;
    if rcond.is_nan() || rcond < RealOf::<T>::lit(f64::EPSILON) {
        return Err(LinalgError::NearSingular { index: 0 });
    }
    // x = u10 u00⁻¹ = u10 uu⁻¹ l⁻¹ pᴴ, by the triangular structure.
    let tri = |lower: bool, unit: bool| crate::solve::TriangularOptions {
        lower,
        unit_diagonal: unit,
        ..Default::default()
    };
    let y = crate::solve::solve_triangular(&adj(uu.view()), &adj(u10.view()), tri(true, false))?;
    let z = crate::solve::solve_triangular(&adj(l.view()), &y, tri(false, true))?;
    let mut x = matmul(adj(z.view()).view(), adj(p.view()).view());
    if let Some(f) = &sca {
        for ((i, k), v) in x.indexed_iter_mut() {
            *v *= T::from_real(f[i] * f[k]);
        }
    }
    // The deviation from Hermitian symmetry of u00ᴴ u10 tells a failure (SciPy's check).
    let usym = matmul(adj(u00.view()).view(), u10.view());
    let n_usym = one_norm(usym.view());
    let diff = &usym - &adj(usym.view());
    // np.spacing(1000.) = 2⁻⁴³.
    let threshold = RealOf::<T>::lit(2f64.powi(-43)).max(RealOf::<T>::lit(0.1) * n_usym);
    if one_norm(diff.view()) > threshold {
        return Err(invalid(
            "a",
            "The associated symplectic pencil has eigenvalues too close to the unit circle",
        ));
    }
    Ok(hermitian_part(&x))
}

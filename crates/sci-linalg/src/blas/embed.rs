//! Complex128 products on the real GEMM ([`super::dgemm`]): a complex `m × k` matrix `A`
//! acts on the stacked form `[re x; im x]` of a complex vector and gives the interleaved form
//! of `A x` (the memory layout of a column-major complex matrix read as `f64`) through the
//! real `2m × 2k` matrix with rows `2i = [re A_i, -im A_i]` and `2i + 1 = [im A_i, re A_i]`
//! ([`embed`]); its transpose maps interleaved `x` to the stacked form of `Aᴴ x`. So the three
//! products of a block reflector (`W = Vᴴ C`, `T W`, `C -= V W`) run as real products on the
//! complex matrix `C` in place, with twice the inner dimension and the same flop count: the
//! crate's AVX2 GEMM did a 1000 × 32 × 1000 complex product this way in 2.95 ms against
//! faer's complex GEMM's 5.18 (Zen 4, two threads).

use std::any::TypeId;

use faer::{MatMut, MatRef, Par};
use ndarray::{Array2, ArrayView2, ArrayViewMut2, ShapeBuilder};
use num_complex::Complex64;
use num_traits::ToPrimitive;

use crate::linalg_scalar::LinalgScalar;
use crate::scalar::zeros_f;

/// Whether `T` is `Complex64` and this CPU runs the crate's GEMM kernel.
pub(crate) fn enabled<T: 'static>() -> bool {
    #[cfg(target_arch = "x86_64")]
    let fast = super::avx2_fma();
    #[cfg(not(target_arch = "x86_64"))]
    let fast = false;
    fast && TypeId::of::<T>() == TypeId::of::<Complex64>()
}

fn f(x: impl ToPrimitive) -> f64 {
    x.to_f64().expect("a float")
}

/// The real `(2m, 2k)` matrix of the complex `(m, k)` `a` that maps stacked vectors to
/// interleaved ones (see the module), column-major.
pub(crate) fn embed<T: LinalgScalar>(a: MatRef<'_, T>) -> Array2<f64> {
    embed_rows(a, |i| (2 * i, 2 * i + 1))
}

/// The real `(2k, 2k)` matrix of the complex `(k, k)` `t` acting on stacked vectors:
/// `[[re t, -im t], [im t, re t]]` (its transpose is the matrix of `tᴴ`).
pub(crate) fn embed_stacked<T: LinalgScalar>(t: MatRef<'_, T>) -> Array2<f64> {
    let m = t.nrows();
    embed_rows(t, |i| (i, m + i))
}

/// The real `(2m, 2k)` matrix of the complex `(m, k)` `a` whose row `i` becomes the rows
/// `rows(i) = (r, s)`: `[re a_i, -im a_i]` at `r` and `[im a_i, re a_i]` at `s`.
fn embed_rows<T: LinalgScalar>(a: MatRef<'_, T>, rows: impl Fn(usize) -> (usize, usize)) -> Array2<f64> {
    let (m, k) = (a.nrows(), a.ncols());
    let mut e = zeros_f::<f64>(2 * m, 2 * k);
    let data = e.as_slice_memory_order_mut().expect("a new column-major matrix");
    let (left, right) = data.split_at_mut(2 * m * k);
    for (p, (c1, c2)) in left.chunks_exact_mut(2 * m).zip(right.chunks_exact_mut(2 * m)).enumerate() {
        for i in 0..m {
            let z = a[(i, p)];
            let (re, im) = (f(z.re()), f(z.im()));
            let (r, s) = rows(i);
            c1[r] = re;
            c1[s] = im;
            c2[r] = -im;
            c2[s] = re;
        }
    }
    e
}

/// The stacked `(2k, n)` form `[re b; im b]` of the complex `(k, n)` `b`, or with `adjoint`
/// `[re bᴴ; im bᴴ]` of the complex `(n, k)` `b`.
pub(crate) fn stack<T: LinalgScalar>(b: MatRef<'_, T>, adjoint: bool) -> Array2<f64> {
    let (k, n) = if adjoint { (b.ncols(), b.nrows()) } else { (b.nrows(), b.ncols()) };
    let mut s = zeros_f::<f64>(2 * k, n);
    for (j, col) in
        s.as_slice_memory_order_mut().expect("a new column-major matrix").chunks_exact_mut(2 * k).enumerate()
    {
        let (re, im) = col.split_at_mut(k);
        for p in 0..k {
            let z = if adjoint { b[(j, p)].conj() } else { b[(p, j)] };
            re[p] = f(z.re());
            im[p] = f(z.im());
        }
    }
    s
}

/// The `(2m, n)` `f64` view of a complex `(m, n)` matrix with unit row stride (its memory
/// read as interleaved real and imaginary parts), when `T` is `Complex64`.
pub(crate) fn interleaved_mut<'a, T: 'static>(c: MatMut<'a, T>) -> Option<ArrayViewMut2<'a, f64>> {
    let (m, n, cs) = (c.nrows(), c.ncols(), c.col_stride());
    if TypeId::of::<T>() != TypeId::of::<Complex64>() || (c.row_stride() != 1 && m > 1) || cs < 0 {
        return None;
    }
    let cs = cs.unsigned_abs().max(m);
    let ptr = c.as_ptr_mut().cast::<f64>();
    // SAFETY: `T` is `Complex64`, two `f64` (real, imaginary) with the layout of `[f64; 2]`;
    // element (i, j) of `c` lives at `ptr + i + j * cs` in complex values, so its parts are at
    // `2 (i + j cs)` and `2 (i + j cs) + 1` in `f64` units: exactly rows `2i`, `2i + 1` of
    // column `j` of the `(2m, n)` view with strides `(1, 2 cs)`. The view borrows `c`'s
    // elements exclusively for `'a` (moved in) and its rows do not alias (stride 1 over
    // `2m ≤ 2 cs` values per column).
    #[allow(unsafe_code)]
    Some(unsafe { ArrayViewMut2::from_shape_ptr((2 * m, n).strides((1, 2 * cs)), ptr) })
}

/// Rows of the row-major result from which [`matmul`] takes the real GEMM, which then splits
/// them between two threads (the column halves of the transposed real problem). Square
/// complex128 products, medians, ms (this route / faer's one-thread kernel / NumPy): 100² 0.16 /
/// 0.142 / 0.122, 120² 0.237 / 0.243 / 0.163, 140² 0.30-0.35 / 0.384 / 0.269, 160² 0.43-0.49 /
/// 0.572 / 0.380, 180² 0.57-0.61 / 0.81 / 0.51.
const MATMUL_MIN_ROWS: usize = 128;

/// `c = a b` for complex128 matrices on the crate's real GEMM, in the size range where faer's
/// complex kernel runs on one thread (`faer_par`, the caller's choice for it, is sequential)
/// and the real product runs on two; `false` (and `c` untouched) otherwise, or when `T` is not
/// `Complex64`.
///
/// A row-major complex `(r, s)` matrix is, read as `f64`, the real `(r, 2s)` matrix of its
/// interleaved parts. With the real `(2k, 2n)` matrix `E` whose rows `2p` and `2p + 1` are row
/// `p` of `b` and of `i b` in that form, the real product `a E` is `a b` in that form: so `c`
/// is written in place from `a`'s own memory, and only `E` is built (`4 k n` values, half of
/// them copies of `b`). The same `8 m n k` flops as the complex product. Medians against
/// faer's complex GEMM and NumPy 2.4.6 (square, ms, two cores of an EPYC Zen 4): 200² 0.78 /
/// 1.12 / 0.74, 250² 1.46 / 2.2 / 1.29, 300² 2.33 / 3.8 / 2.30, 350² 3.7 / 6.0 / 3.4. From
/// 380² faer's kernel takes two threads (4.4 ms, NumPy 4.3, this route 4.7); for smaller
/// products see [`MATMUL_MIN_ROWS`].
pub(crate) fn matmul<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    c: ArrayViewMut2<'_, T>,
    faer_par: Par,
) -> bool {
    use crate::scalar::parallel::{Kernel, gemm_flops, par_for, real_flops};
    if !enabled::<T>() || faer_par.degree() > 1 {
        return false;
    }
    let (cs0, cs1) = (c.strides()[0], c.strides()[1]);
    if cs1 != 1 || cs0 < 0 {
        // column-major c: the transposed product cᵀ = bᵀ aᵀ is row-major
        return cs0 == 1 && cs1 >= 0 && matmul(b.t(), a.t(), c.reversed_axes(), faer_par);
    }
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    if m < MATMUL_MIN_ROWS || k == 0 || n == 0 {
        return false;
    }
    let par = par_for(Kernel::Dgemm, real_flops::<T>(gemm_flops(m, n, k)));
    if par.degree() < 2 {
        return false;
    }
    product(a, b, c, par);
    true
}

/// The product of [`matmul`] for a row-major (unit column stride) `c` and `T` = `Complex64`.
fn product<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    mut c: ArrayViewMut2<'_, T>,
    par: Par,
) {
    debug_assert!(enabled::<T>() && c.strides()[1] == 1 && c.strides()[0] >= 0);
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    let cs0 = c.strides()[0];
    let a = if a.strides()[1] == 1 && a.strides()[0] >= 0 { a.into() } else { a.as_standard_layout() };
    let e = embed_rows_interleaved(b);
    // SAFETY: `T` is `Complex64` (`enabled`), two `f64` (real, imaginary) with the layout of
    // `[f64; 2]`. Row `i` of `a` (unit column stride) is `k` consecutive complex values at
    // `i * rs` complex values from the start, i.e. `2k` consecutive `f64` at `2 i rs`: the `(m,
    // 2k)` view with strides `(2 rs, 1)`; likewise for `c`, whose view borrows `c`'s elements
    // exclusively (moved in) and whose rows do not alias (`2n <= 2 rs` values per row).
    #[allow(unsafe_code)]
    let (ar, cr) = unsafe {
        (
            ArrayView2::from_shape_ptr(
                (m, 2 * k).strides((2 * a.strides()[0] as usize, 1)),
                a.as_ptr().cast::<f64>(),
            ),
            ArrayViewMut2::from_shape_ptr(
                (m, 2 * n).strides((2 * cs0 as usize, 1)),
                c.as_mut_ptr().cast::<f64>(),
            ),
        )
    };
    super::dgemm(1.0, ar, e.view(), 0.0, cr, par);
}

/// The real `(2k, 2n)` row-major matrix whose rows `2p` and `2p + 1` are row `p` of the complex
/// `(k, n)` `b` and of `i b`, each as interleaved parts (see [`matmul`]).
fn embed_rows_interleaved<T: LinalgScalar>(b: ArrayView2<'_, T>) -> Array2<f64> {
    let (k, n) = b.dim();
    let mut e = Array2::<f64>::zeros((2 * k, 2 * n));
    let data = e.as_slice_mut().expect("a new row-major matrix");
    for (row, pair) in b.rows().into_iter().zip(data.chunks_exact_mut(4 * n)) {
        let (r0, r1) = pair.split_at_mut(2 * n);
        for ((z, x0), x1) in row.iter().zip(r0.chunks_exact_mut(2)).zip(r1.chunks_exact_mut(2)) {
            // SAFETY: `T` is `Complex64` (checked by the caller through `enabled`).
            #[allow(unsafe_code)]
            let z = unsafe { &*(z as *const T).cast::<Complex64>() };
            x0.copy_from_slice(&[z.re, z.im]);
            x1.copy_from_slice(&[-z.im, z.re]);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scalar::{as_faer, as_faer_mut};
    use ndarray::Array2;

    fn z(m: usize, n: usize, s: f64) -> Array2<Complex64> {
        Array2::from_shape_fn((m, n).f(), |(i, j)| {
            Complex64::new((i as f64 * s + j as f64).sin(), (j as f64 * s - i as f64).cos())
        })
    }

    #[test]
    fn real_products_equal_the_complex_ones() {
        let (a, x, t) = (z(5, 3, 0.7), z(5, 4, 1.3), z(3, 3, 0.4));
        let ea = embed(as_faer(a.view()));
        let et = embed_stacked(as_faer(t.view()));
        let mut xc = x.clone();
        let xf = interleaved_mut(as_faer_mut(xc.view_mut())).unwrap();
        // aᴴ x in stacked form
        let w = ea.t().dot(&xf);
        let want = a.t().mapv(|v| v.conj()).dot(&x);
        // t w and tᴴ w
        let tw = et.dot(&w);
        let thw = et.t().dot(&w);
        let want_t = t.dot(&want);
        let want_th = t.t().mapv(|v| v.conj()).dot(&want);
        for (i, j) in (0..3).flat_map(|i| (0..4).map(move |j| (i, j))) {
            assert!((Complex64::new(w[[i, j]], w[[3 + i, j]]) - want[[i, j]]).norm() < 1e-13);
            assert!((Complex64::new(tw[[i, j]], tw[[3 + i, j]]) - want_t[[i, j]]).norm() < 1e-13);
            assert!((Complex64::new(thw[[i, j]], thw[[3 + i, j]]) - want_th[[i, j]]).norm() < 1e-13);
        }
        // a y from stacked y, written into the interleaved view
        let y = z(4, 3, 2.1);
        let ys = stack(as_faer(y.view()), true);
        let ay = ea.dot(&ys);
        let want_ay = a.dot(&y.t().mapv(|v| v.conj()));
        for (i, j) in (0..5).flat_map(|i| (0..4).map(move |j| (i, j))) {
            assert!((Complex64::new(ay[[2 * i, j]], ay[[2 * i + 1, j]]) - want_ay[[i, j]]).norm() < 1e-13);
        }
        // a strided sub-matrix and the types without a view
        let mut big = z(7, 6, 0.2);
        let mut sub = big.slice_mut(ndarray::s![1..6, 2..5]);
        let expect = sub.to_owned();
        let v = interleaved_mut(as_faer_mut(sub.view_mut())).unwrap();
        assert_eq!(v.dim(), (10, 3));
        assert_eq!((v[[2, 1]], v[[3, 1]]), (expect[[1, 1]].re, expect[[1, 1]].im));
        let mut r = Array2::<f64>::zeros((3, 3));
        assert!(interleaved_mut(as_faer_mut(r.view_mut())).is_none());
        assert!(!enabled::<f64>());
    }

    /// `a b` by the definition.
    fn naive(a: &Array2<Complex64>, b: &Array2<Complex64>) -> Array2<Complex64> {
        Array2::from_shape_fn((a.nrows(), b.ncols()), |(i, j)| {
            (0..a.ncols()).map(|p| a[[i, p]] * b[[p, j]]).sum()
        })
    }

    fn close(x: &Array2<Complex64>, y: &Array2<Complex64>) -> bool {
        x.dim() == y.dim() && x.iter().zip(y).all(|(u, v)| (u - v).norm() <= 1e-13 * (1.0 + v.norm()))
    }

    #[test]
    fn the_real_route_of_complex_products() {
        if !enabled::<Complex64>() {
            eprintln!("the_real_route_of_complex_products: no AVX2 + FMA, the route is never taken");
            return;
        }
        // row-major and column-major a and b, a strided a, a k of one
        for (m, k, n) in [(5, 3, 4), (9, 1, 7), (13, 17, 6)] {
            let (af, bf) = (z(m, k, 0.3), z(k, n, 1.1));
            let (ac, bc) = (af.as_standard_layout().into_owned(), bf.as_standard_layout().into_owned());
            let want = naive(&af, &bf);
            for (a, b) in [(af.view(), bf.view()), (ac.view(), bc.view()), (af.view(), bc.view())] {
                let mut c = Array2::from_elem((m, n), Complex64::new(f64::NAN, 0.0));
                product(a, b, c.view_mut(), Par::Seq);
                assert!(close(&c, &want), "{m}x{k}x{n}");
            }
            let big = z(2 * m, k + 2, 0.9);
            let a = big.slice(ndarray::s![..;2, 1..k + 1]);
            let mut c = Array2::zeros((m, n));
            product(a, bc.view(), c.view_mut(), Par::Seq);
            assert!(close(&c, &naive(&a.to_owned(), &bf)));
        }
        // a size the route takes on two threads, into row- and column-major results
        let (a, b) = (z(200, 150, 0.7), z(150, 210, 0.2));
        let want = naive(&a, &b);
        for f_order in [false, true] {
            let mut c = Array2::zeros((200, 210).set_f(f_order));
            let taken = matmul(a.view(), b.view(), c.view_mut(), Par::Seq);
            assert!(
                taken
                    || crate::scalar::parallel::par_for(crate::scalar::parallel::Kernel::Dgemm, 1e9).degree()
                        < 2
            );
            if taken {
                assert!(close(&c, &want));
            }
        }
        // too small, or not complex128: not taken
        let mut c = Array2::zeros((5, 4));
        assert!(!matmul(z(5, 3, 0.1).view(), z(3, 4, 0.2).view(), c.view_mut(), Par::Seq));
        let mut r = Array2::<f64>::zeros((300, 300));
        assert!(!matmul(
            Array2::<f64>::ones((300, 300)).view(),
            Array2::<f64>::ones((300, 300)).view(),
            r.view_mut(),
            Par::Seq
        ));
    }
}

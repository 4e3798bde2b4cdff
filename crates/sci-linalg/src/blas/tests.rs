//! `dgemm` against the textbook triple loop: shapes around every block edge, all stride
//! kinds, `alpha`/`beta` special values, one and several threads.

use super::*;
use ndarray::{Array2, ShapeBuilder, s};

/// `alpha * a @ b + beta * c` by the definition, and the size `|alpha| |a| @ |b| + |beta c|` of
/// each entry (the scale of its rounding error).
fn naive(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayView2<'_, f64>,
) -> (Array2<f64>, Array2<f64>) {
    let (m, n) = c.dim();
    let mut out = Array2::zeros((m, n));
    let mut size = Array2::zeros((m, n));
    for i in 0..m {
        for j in 0..n {
            let (mut s, mut z) = (0.0, 0.0);
            for p in 0..a.ncols() {
                s += a[[i, p]] * b[[p, j]];
                z += (a[[i, p]] * b[[p, j]]).abs();
            }
            let bc = if beta == 0.0 { 0.0 } else { beta * c[[i, j]] };
            out[[i, j]] = alpha * s + bc;
            size[[i, j]] = (alpha * z).abs() + bc.abs();
        }
    }
    (out, size)
}

fn filled(m: usize, n: usize, seed: usize, f_order: bool) -> Array2<f64> {
    let shape = if f_order { (m, n).f() } else { (m, n).into_shape_with_order() };
    Array2::from_shape_fn(shape, |(i, j)| (((i * 31 + j * 17 + seed * 7) % 23) as f64 - 11.0) / 7.0)
}

/// Runs `dgemm` on the views and compares with [`naive`] (NaN where NaN is expected).
fn check(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    mut c: ArrayViewMut2<'_, f64>,
    par: Par,
) {
    let c0 = c.to_owned();
    let (want, size) = naive(alpha, a, b, beta, c0.view());
    dgemm(alpha, a, b, beta, c.view_mut(), par);
    let k = a.ncols() as f64;
    for ((idx, &x), (&y, &z)) in c.indexed_iter().zip(want.iter().zip(size.iter())) {
        let ok = x == y
            || if y.is_nan() { x.is_nan() } else { (x - y).abs() <= 4.0 * f64::EPSILON * (k + 2.0) * z };
        assert!(
            ok,
            "dim {:?} x {:?}, {par:?}, alpha {alpha}, beta {beta}: c{idx:?} = {x}, want {y}",
            a.dim(),
            b.dim()
        );
    }
}

fn check_shape(m: usize, n: usize, k: usize, par: Par) {
    let a = filled(m, k, 1, false);
    let b = filled(k, n, 2, true);
    for &(alpha, beta) in &[(1.0, 0.0), (-1.0, 1.0), (0.5, -2.0)] {
        let mut c = filled(m, n, 3, true);
        check(alpha, a.view(), b.view(), beta, c.view_mut(), par);
    }
}

#[test]
fn small_shapes_all_combinations() {
    for m in 1..=17 {
        for n in 1..=17 {
            for k in 1..=17 {
                let a = filled(m, k, 1, (m + n) % 2 == 0);
                let b = filled(k, n, 2, k % 2 == 0);
                let mut c = filled(m, n, 3, (m + k) % 3 == 0);
                check(
                    1.5,
                    a.view(),
                    b.view(),
                    if (m + n + k) % 2 == 0 { 0.0 } else { 0.5 },
                    c.view_mut(),
                    Par::Seq,
                );
            }
        }
    }
}

#[test]
fn shapes_around_the_block_edges() {
    let sizes = [1, 7, 8, 9, 17, 63, 64, 65, 143, 144, 145, 255, 256, 257];
    for &m in &sizes {
        for &n in &sizes {
            for &k in &sizes {
                if m * n * k <= 1 << 19 {
                    check_shape(m, n, k, Par::Seq);
                }
            }
        }
    }
    // Two `KC` slices, two `MC` blocks and a partial `NC` panel.
    check_shape(289, 50, 513, Par::Seq);
    // Three slices with 512-deep ones (CPUs with AVX-512 and a 48 KiB L1), with a sweep's
    // prefetch of the next `B` micro-panel crossing a partial last panel.
    check_shape(300, 53, 1025, Par::Seq);
    check_shape(5, 4081, 3, Par::Seq);
}

#[test]
fn parallel_paths() {
    for &(m, n, k) in &[
        (64, 70, 300),
        (65, 7, 257),
        (300, 13, 20),
        (513, 100, 40),
        (64, 4081, 3),
        (257, 257, 257),
        (131, 290, 70),
        (203, 601, 300),
        (7, 300, 5),
    ] {
        check_shape(m, n, k, Par::rayon(2));
        let a = filled(m, k, 1, true);
        let b = filled(k, n, 2, false);
        for threads in [2, 3] {
            let mut c = filled(m, n, 3, false);
            let (want, size) = naive(0.75, a.view(), b.view(), -1.0, c.view());
            #[cfg(target_arch = "x86_64")]
            if avx2_fma() {
                gemm::gemm(0.75, a.view(), b.view(), -1.0, c.view_mut(), threads);
                for ((&x, &y), &z) in c.iter().zip(want.iter()).zip(size.iter()) {
                    assert!(
                        (x - y).abs() <= 4.0 * f64::EPSILON * (k as f64 + 2.0) * z,
                        "{m} {n} {k} {threads}"
                    );
                }
            }
        }
    }
}

/// The two threads' column split follows their measured speeds (`gemm::CALLER_SHARE`); the
/// product must not depend on where the split falls.
#[test]
#[cfg(target_arch = "x86_64")]
fn column_split_does_not_change_the_product() {
    if !avx2_fma() {
        return;
    }
    let (m, n, k) = (131, 400, 300);
    let a = filled(m, k, 1, true);
    let b = filled(k, n, 2, false);
    let product = |share: usize| {
        gemm::set_caller_share(share);
        let mut c = filled(m, n, 3, false);
        gemm::gemm(0.75, a.view(), b.view(), -1.0, c.view_mut(), 2);
        c
    };
    let one = gemm::SHARE_ONE;
    let even = product(one / 2);
    for share in [one / 4, one / 3, 3 * one / 5, 3 * one / 4] {
        assert_eq!(product(share), even, "share {share}");
    }
    gemm::set_caller_share(one / 2);
}

#[test]
fn any_strides() {
    let (m, n, k) = (37, 29, 70);
    let big_a = filled(2 * m + 3, 3 * k, 4, false);
    let big_b = filled(2 * k, 2 * n + 1, 5, true);
    let a_f = filled(m, k, 6, true);
    let a_t = filled(k, m, 7, false);
    let b_t = filled(n, k, 8, true);
    let a_views = [
        a_f.view(),
        a_t.t(),
        big_a.slice(s![1..2 * m + 1;2, ..;3]),
        big_a.slice(s![..m;-1, k..2 * k]),
        big_a.slice(s![3..3 + m, ..3 * k;-3]),
    ];
    let b_c = filled(k, n, 9, false);
    let b_strided = [big_b.slice(s![..;2, 1..;2]), big_b.slice(s![..k;-1, ..n;-1]), b_t.t(), b_c.view()];
    for (ia, a) in a_views.iter().enumerate() {
        for (ib, b) in b_strided.iter().enumerate() {
            for c_kind in 0..4 {
                let mut big_c = filled(3 * m, 2 * n, 10 + ia + ib, c_kind % 2 == 0);
                let c = match c_kind {
                    0 | 1 => big_c.slice_mut(s![..m, ..n]),
                    2 => big_c.slice_mut(s![..2 * m;2, ..;-2]),
                    _ => big_c.slice_mut(s![..;-3, n..]),
                };
                check(-0.5, *a, *b, 0.25, c, Par::Seq);
                let mut c2 = filled(n, m, 11, c_kind == 0);
                check(2.0, *a, *b, 0.0, c2.view_mut().reversed_axes(), Par::rayon(2));
            }
        }
    }
}

#[test]
fn blas_special_values() {
    let a = filled(20, 9, 1, false);
    let b = filled(9, 11, 2, false);
    // beta = 0 never reads C: NaN and infinity there do not propagate.
    let mut c = Array2::from_elem((20, 11), f64::NAN);
    c[[3, 4]] = f64::INFINITY;
    check(1.0, a.view(), b.view(), 0.0, c.view_mut(), Par::Seq);
    assert!(c.iter().all(|x| x.is_finite()));
    // alpha = 0: C = beta C without touching A and B (NaN there does not propagate either).
    let nan_a = Array2::from_elem((20, 9), f64::NAN);
    let mut c = filled(20, 11, 3, true);
    let want = &c * 3.0;
    dgemm(0.0, nan_a.view(), b.view(), 3.0, c.view_mut(), Par::Seq);
    assert_eq!(c, want);
    let mut c = Array2::from_elem((20, 11), f64::NAN);
    dgemm(0.0, nan_a.view(), b.view(), 0.0, c.view_mut(), Par::Seq);
    assert!(c.iter().all(|&x| x == 0.0));
    // k = 0: C = beta C; beta = 0 gives zeros even over NaN.
    let (a0, b0) = (Array2::<f64>::zeros((20, 0)), Array2::<f64>::zeros((0, 11)));
    let mut c = filled(20, 11, 3, false);
    let want = &c * -1.0;
    dgemm(2.0, a0.view(), b0.view(), -1.0, c.view_mut(), Par::Seq);
    assert_eq!(c, want);
    let mut c = Array2::from_elem((20, 11), f64::NAN);
    dgemm(2.0, a0.view(), b0.view(), 0.0, c.view_mut(), Par::Seq);
    assert!(c.iter().all(|&x| x == 0.0));
    // Empty C: nothing to do.
    let mut c = Array2::<f64>::zeros((0, 11));
    dgemm(1.0, Array2::zeros((0, 9)).view(), b.view(), 1.0, c.view_mut(), Par::rayon(2));
    // NaN and infinity in A or B propagate as in the definition.
    let mut a2 = a.clone();
    a2[[2, 5]] = f64::NAN;
    a2[[7, 1]] = f64::INFINITY;
    let mut c = filled(20, 11, 3, true);
    check(1.0, a2.view(), b.view(), 1.0, c.view_mut(), Par::Seq);
    assert!(c.row(2).iter().all(|x| x.is_nan()));
}

#[test]
fn dgemm_matches_the_definition() {
    for &(m, n, k) in &[(0, 3, 2), (3, 0, 2), (3, 4, 0), (1, 1, 1), (7, 5, 9), (33, 17, 65)] {
        let a = Array2::from_shape_fn((m, k), |(i, j)| (i * 3 + j * 7 % 5) as f64 - 2.5);
        let b = Array2::from_shape_fn((k, n).f(), |(i, j)| (i * 2 + j) as f64 * 0.5 - 1.0);
        let c0 = Array2::from_shape_fn((m, n), |(i, j)| if i == j { f64::NAN } else { (i + j) as f64 });
        for &(alpha, beta) in &[(1.0, 0.0), (-1.0, 1.0), (2.0, 0.5)] {
            let mut c = c0.clone();
            dgemm(alpha, a.view(), b.view(), beta, c.view_mut(), Par::Seq);
            let (want, _) = naive(alpha, a.view(), b.view(), beta, c0.view());
            for (x, y) in c.iter().zip(want.iter()) {
                assert!(x == y || (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-12 * y.abs().max(1.0));
            }
        }
    }
}

/// The AVX-512 microkernel computes exactly what the AVX2 one does (the same fused
/// multiply-adds in the same order): full, edge and strided tiles, every `beta` case, depths
/// around the unrolling by four. The GEMM runs one of them per CPU, so this is what covers the
/// other one here.
#[cfg(target_arch = "x86_64")]
#[test]
fn avx2_and_avx512_kernels_agree() {
    use kernel_avx2::{MR, NR, Tile};
    if !(avx2_fma() && is_x86_feature_detected!("avx512f")) {
        eprintln!("avx2_and_avx512_kernels_agree: this CPU lacks AVX2 + FMA or AVX-512F; nothing to compare");
        return;
    }
    let val = |i: usize, s: usize| (((i * 37 + s * 11) % 29) as f64 - 14.0) / 9.0;
    for kc in [1, 2, 3, 4, 5, 8, 13, 256] {
        let a: Vec<f64> = (0..kc * MR).map(|i| val(i, 1)).collect();
        let b: Vec<f64> = (0..kc * NR).map(|i| val(i, 2)).collect();
        for (m, n) in [(MR, NR), (5, NR), (MR, 4), (3, 2), (1, 1)] {
            // column-major (rs = 1, columns 11 apart) and row-major (rows 7 apart)
            for (rs, cs) in [(1isize, 11isize), (7, 1)] {
                for (alpha, beta) in [(1.0, 0.0), (-0.5, 1.0), (2.0, 0.25)] {
                    let c0: Vec<f64> = (0..100).map(|i| val(i, 3)).collect();
                    let (mut c2, mut c5) = (c0.clone(), c0.clone());
                    let tile = |c: &mut Vec<f64>| Tile::at(c.as_mut_ptr(), (rs, cs), (0, 0), (m, n));
                    // SAFETY: AVX2, FMA and AVX-512F checked above; the panels hold `kc * MR`
                    // and `kc * NR` values; the tiles' elements lie inside the 100 values of
                    // `c` (at most 7 * 7 + 5 * 11 < 100).
                    #[allow(unsafe_code)]
                    unsafe {
                        kernel_avx2::kernel_8x6(kc, a.as_ptr(), b.as_ptr(), alpha, beta, tile(&mut c2));
                        kernel_avx512::kernel_8x6(kc, a.as_ptr(), b.as_ptr(), alpha, beta, tile(&mut c5));
                    }
                    for idx in 0..100 {
                        assert_eq!(
                            c2[idx].to_bits(),
                            c5[idx].to_bits(),
                            "kc {kc}, {m}x{n}, rs {rs}, beta {beta}"
                        );
                        let (i, j) = if rs == 1 { (idx % 11, idx / 11) } else { (idx / 7, idx % 7) };
                        let want = if i < m && j < n {
                            let dot: f64 = (0..kc).map(|p| a[p * MR + i] * b[p * NR + j]).sum();
                            alpha * dot + beta * c0[idx]
                        } else {
                            c0[idx]
                        };
                        assert!(
                            (c5[idx] - want).abs() <= 1e-12 * (1.0 + want.abs()),
                            "kc {kc}, {m}x{n}, c[{idx}]"
                        );
                    }
                }
            }
        }
    }
}

/// The two-tile AVX-512 microkernel computes exactly what two calls of the one-tile kernel do:
/// full and edge tiles (the lower one short or narrow), column- and row-major `C`, every `beta`
/// case, depths around the unrolling by four.
#[cfg(target_arch = "x86_64")]
#[test]
fn avx512_two_tile_kernel_equals_two_single_tiles() {
    use kernel_avx2::{MR, NR, Tile};
    if !is_x86_feature_detected!("avx512f") {
        eprintln!(
            "avx512_two_tile_kernel_equals_two_single_tiles: this CPU lacks AVX-512F; nothing to compare"
        );
        return;
    }
    let val = |i: usize, s: usize| (((i * 37 + s * 11) % 29) as f64 - 14.0) / 9.0;
    for kc in [1, 3, 4, 7, 256] {
        let a: Vec<f64> = (0..2 * kc * MR).map(|i| val(i, 1)).collect();
        let b: Vec<f64> = (0..kc * NR).map(|i| val(i, 2)).collect();
        let (a0, a1) = a.split_at(kc * MR);
        for (m, n) in [(2 * MR, NR), (MR + 3, NR), (2 * MR, 4), (MR + 1, 1)] {
            // column-major (rs = 1, columns 17 apart) and row-major (rows 7 apart)
            for (rs, cs) in [(1isize, 17isize), (7, 1)] {
                for (alpha, beta) in [(1.0, 0.0), (-0.5, 1.0), (2.0, 0.25)] {
                    let c0: Vec<f64> = (0..120).map(|i| val(i, 3)).collect();
                    let (mut c1, mut c2) = (c0.clone(), c0.clone());
                    let tiles = |c: &mut Vec<f64>| {
                        let ptr = c.as_mut_ptr();
                        let at = |i| Tile::at(ptr, (rs, cs), (i, 0), (m, n));
                        (at(0), at(MR))
                    };
                    // SAFETY: AVX-512F checked above; the panels hold `kc * MR` and `kc * NR`
                    // values; the tiles' elements lie inside the 120 values of `c` (at most
                    // 16 * 1 + 5 * 17 and 15 * 7 + 5 * 1, below 120) and do not overlap.
                    #[allow(unsafe_code)]
                    unsafe {
                        kernel_avx512::kernel_16x6(
                            kc,
                            (a0.as_ptr(), a1.as_ptr()),
                            b.as_ptr(),
                            alpha,
                            beta,
                            tiles(&mut c1),
                        );
                        let (top, bottom) = tiles(&mut c2);
                        kernel_avx512::kernel_8x6(kc, a0.as_ptr(), b.as_ptr(), alpha, beta, top);
                        kernel_avx512::kernel_8x6(kc, a1.as_ptr(), b.as_ptr(), alpha, beta, bottom);
                    }
                    let bits = |c: &[f64]| c.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&c1), bits(&c2), "kc {kc}, {m}x{n}, rs {rs}, beta {beta}");
                    assert_ne!(bits(&c1), bits(&c0), "kc {kc}, {m}x{n}: the tiles were written");
                }
            }
        }
    }
}

/// CPUID's L1 data cache size agrees with the kernel's (Linux sysfs), where it is listed.
#[test]
#[cfg(target_arch = "x86_64")]
fn l1d_size_matches_the_kernels() {
    let l1 = super::l1d_bytes();
    assert!((8 << 10..=1 << 20).contains(&l1), "{l1}");
    let dir = std::path::Path::new("/sys/devices/system/cpu/cpu0/cache");
    let read = |i: usize, f: &str| std::fs::read_to_string(dir.join(format!("index{i}/{f}"))).ok();
    for i in 0..8 {
        let (Some(level), Some(kind), Some(size)) = (read(i, "level"), read(i, "type"), read(i, "size"))
        else {
            continue;
        };
        if level.trim() == "1" && kind.trim() == "Data" {
            let kib: usize = size.trim().trim_end_matches('K').parse().expect("a size in KiB");
            assert_eq!(l1, kib << 10);
        }
    }
}

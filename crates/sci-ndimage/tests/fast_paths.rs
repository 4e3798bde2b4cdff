//! The fast paths against plain reference implementations, on inputs large enough to take
//! the parallel branches (stripes, column chunks, interleaved lanes): label against a flood
//! fill, min/max filters against a direct window scan, row-wise passes along axis 0 against
//! the same pass along the last axis of the transpose, zoom and shift against the general
//! affine transform.

use sci_ndimage::sci_array::ndarray::{Array2, Array3, ArrayD, Axis, Dimension, IxDyn, array};
use sci_ndimage::{
    BinaryOptions, FootprintOptions, InterpOptions, Mode, affine_transform, binary_dilation, binary_erosion,
    correlate1d, generate_binary_structure, label, maximum_filter, maximum_filter1d, median_filter,
    minimum_filter, rank_filter, shift, spline_filter1d, sum_labels, uniform_filter1d, zoom,
};
use std::collections::VecDeque;

/// A deterministic pseudo-random stream in [0, 1).
fn rng(seed: u64) -> impl FnMut() -> f64 {
    let mut s = seed;
    move || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Flood-fill labelling, components numbered by first pixel in C order.
fn label_naive(mask: &ArrayD<bool>, st: &ArrayD<bool>) -> (ArrayD<i32>, usize) {
    let shape = mask.shape().to_vec();
    let nd = shape.len();
    let offs: Vec<Vec<isize>> = st
        .indexed_iter()
        .filter(|(i, v)| **v && (0..nd).any(|d| i[d] != 1))
        .map(|(i, _)| (0..nd).map(|d| i[d] as isize - 1).collect())
        .collect();
    let mut lab = ArrayD::<i32>::zeros(IxDyn(&shape));
    let mut n = 0;
    for (start, &on) in mask.indexed_iter() {
        if !on || lab[&start] != 0 {
            continue;
        }
        n += 1;
        lab[&start] = n;
        let mut q = VecDeque::from([start.slice().to_vec()]);
        while let Some(p) = q.pop_front() {
            for o in &offs {
                let nb: Vec<isize> = (0..nd).map(|d| p[d] as isize + o[d]).collect();
                if (0..nd).all(|d| nb[d] >= 0 && nb[d] < shape[d] as isize) {
                    let nb: Vec<usize> = nb.iter().map(|&v| v as usize).collect();
                    if mask[IxDyn(&nb)] && lab[IxDyn(&nb)] == 0 {
                        lab[IxDyn(&nb)] = n;
                        q.push_back(nb);
                    }
                }
            }
        }
    }
    (lab, n as usize)
}

#[test]
fn label_matches_flood_fill() {
    let mut r = rng(1);
    for (shape, density) in
        [(vec![401, 300], 0.45), (vec![300, 401], 0.6), (vec![47, 53, 61], 0.3), (vec![1000], 0.5)]
    {
        let total: usize = shape.iter().product();
        let mask =
            ArrayD::from_shape_vec(IxDyn(&shape), (0..total).map(|_| r() < density).collect()).unwrap();
        for conn in 1..=shape.len() {
            let st = generate_binary_structure(shape.len(), conn).unwrap();
            let (lab, n) = label(&mask, Some(&st)).unwrap();
            let (want, wn) = label_naive(&mask, &st);
            assert_eq!(n, wn, "{shape:?} connectivity {conn}");
            assert_eq!(lab, want, "{shape:?} connectivity {conn}");
        }
    }
    // A structure that is not symmetric in the usual way: only the up-left diagonal.
    let st = array![[true, false, false], [false, true, false], [false, false, true]].into_dyn();
    let mask = ArrayD::from_shape_vec(IxDyn(&[350, 400]), (0..140_000).map(|_| r() < 0.5).collect()).unwrap();
    assert_eq!(label(&mask, Some(&st)).unwrap(), label_naive(&mask, &st));
}

#[test]
fn sum_labels_matches_sequential_sums() {
    let mut r = rng(2);
    let x = Array2::from_shape_fn((400, 300), |_| r() - 0.5);
    let labels = Array2::from_shape_fn((400, 300), |_| (r() * 60.0) as i32 - 5);
    let index: Vec<i64> = vec![3, -2, 0, 7, 3, 59, 80];
    let mut want = vec![0.0; index.len()];
    for (k, &i) in index.iter().enumerate() {
        for (v, l) in x.iter().zip(&labels) {
            if i64::from(*l) == i {
                want[k] += v;
            }
        }
    }
    assert_eq!(sum_labels(&x, &labels, Some(&index)).unwrap(), want);
    // A transposed (non-contiguous) pair visits the same pixels in the same C order.
    let (xt, lt) = (x.t().as_standard_layout().into_owned(), labels.t().as_standard_layout().into_owned());
    assert_eq!(sum_labels(&xt.t(), &lt.t(), Some(&index)).unwrap(), want);
}

/// Moving extreme by scanning each window.
fn extreme_naive(
    x: &Array2<f64>,
    size: [usize; 2],
    origin: [isize; 2],
    mode: Mode,
    minimum: bool,
) -> Array2<f64> {
    let (n0, n1) = x.dim();
    let ext = |i: isize, n: usize| -> Option<usize> {
        let ni = n as isize;
        if (0..ni).contains(&i) {
            return Some(i as usize);
        }
        match mode {
            Mode::Constant(_) => None,
            Mode::Nearest => Some(if i < 0 { 0 } else { n - 1 }),
            Mode::Wrap => Some(i.rem_euclid(ni) as usize),
            Mode::Mirror => {
                let p = 2 * ni - 2;
                let r = i.rem_euclid(p);
                Some(if r < ni { r } else { p - r } as usize)
            }
            _ => {
                let p = 2 * ni;
                let r = i.rem_euclid(p);
                Some(if r < ni { r } else { p - 1 - r } as usize)
            }
        }
    };
    Array2::from_shape_fn((n0, n1), |(i, j)| {
        let mut best = if minimum { f64::INFINITY } else { f64::NEG_INFINITY };
        for a in 0..size[0] {
            for b in 0..size[1] {
                let p = i as isize + a as isize - (size[0] / 2) as isize - origin[0];
                let q = j as isize + b as isize - (size[1] / 2) as isize - origin[1];
                let v = match (ext(p, n0), ext(q, n1)) {
                    (Some(p), Some(q)) => x[[p, q]],
                    _ => mode.cval(),
                };
                best = if minimum { best.min(v) } else { best.max(v) };
            }
        }
        best
    })
}

#[test]
fn min_max_filters_match_window_scan() {
    let mut r = rng(3);
    let x = Array2::from_shape_fn((300, 700), |_| (r() * 1000.0).floor());
    let modes = [Mode::Reflect, Mode::Constant(2.5), Mode::Nearest, Mode::Mirror, Mode::Wrap];
    for (k, (size, origin)) in
        [([1, 1], [0, 0]), ([2, 3], [0, 0]), ([15, 15], [0, 0]), ([7, 30], [3, -2]), ([40, 4], [-20, 1])]
            .into_iter()
            .enumerate()
    {
        let mode = modes[k % modes.len()];
        let opts =
            FootprintOptions { size: size.to_vec(), origin: origin.to_vec(), ..FootprintOptions::size(&[1]) }
                .with_mode(mode);
        assert_eq!(
            maximum_filter(&x, &opts).unwrap(),
            extreme_naive(&x, size, origin, mode, false),
            "{size:?}"
        );
        assert_eq!(
            minimum_filter(&x, &opts).unwrap(),
            extreme_naive(&x, size, origin, mode, true),
            "{size:?}"
        );
    }
    // Along axis 0 of a 3-d array (planes and stripes) equals along the last axis of the
    // transpose.
    let x3 = Array3::from_shape_fn((300, 3, 70), |_| r());
    let a = maximum_filter1d(&x3, 9, 0, Mode::Reflect, 1).unwrap();
    let xt = x3.view().reversed_axes().as_standard_layout().into_owned();
    let b = maximum_filter1d(&xt, 9, -1, Mode::Reflect, 1).unwrap();
    assert_eq!(a, b.reversed_axes());
}

#[test]
fn row_passes_equal_lane_passes() {
    let mut r = rng(4);
    let x = Array2::from_shape_fn((500, 613), |_| r() - 0.5);
    let xt = x.t().as_standard_layout().into_owned();
    let modes = [Mode::Reflect, Mode::Constant(0.5), Mode::Nearest, Mode::Mirror, Mode::Wrap];
    for (k, w) in [vec![1.0, 2.0, 1.0], vec![-1.0, 0.0, 1.0], vec![0.3, -1.2, 2.0, 0.1], vec![0.2; 9]]
        .iter()
        .enumerate()
    {
        let mode = modes[k % modes.len()];
        let rows = correlate1d(&x, w, 0, mode, 0).unwrap();
        let lanes = correlate1d(&xt, w, 1, mode, 0).unwrap();
        assert_eq!(rows, lanes.t());
        let rows = uniform_filter1d(&x, 2 * k + 3, 0, mode, -1).unwrap();
        let lanes = uniform_filter1d(&xt, 2 * k + 3, 1, mode, -1).unwrap();
        assert_eq!(rows, lanes.t());
    }
    // f32 and integer inputs round each value exactly as the lane pass does.
    let xi = x.mapv(|v| (v * 1000.0) as i32);
    let xit = xi.t().as_standard_layout().into_owned();
    assert_eq!(
        uniform_filter1d(&xi, 4, 0, Mode::Reflect, 0).unwrap(),
        uniform_filter1d(&xit, 4, 1, Mode::Reflect, 0).unwrap().t()
    );
    let xf = x.mapv(|v| v as f32);
    let xft = xf.t().as_standard_layout().into_owned();
    assert_eq!(
        correlate1d(&xf, &[1.0, 2.0, 1.0], 0, Mode::Reflect, 0).unwrap(),
        correlate1d(&xft, &[1.0, 2.0, 1.0], 1, Mode::Reflect, 0).unwrap().t()
    );
    // The spline prefilter along axis 0 (interleaved blocks) equals the last-axis pass.
    for mode in [Mode::Mirror, Mode::Reflect, Mode::Wrap, Mode::GridWrap, Mode::Nearest] {
        for order in 2..=5 {
            let a = spline_filter1d(&x, order, 0, mode).unwrap();
            let b = spline_filter1d(&xt, order, 1, mode).unwrap();
            assert_eq!(a, b.t(), "{mode:?} order {order}");
        }
    }
    // ... and each lane of a block equals the lane filtered alone.
    let lane = x.index_axis(Axis(1), 17).to_owned();
    assert_eq!(
        spline_filter1d(&lane, 3, 0, Mode::Mirror).unwrap(),
        spline_filter1d(&x, 3, 0, Mode::Mirror).unwrap().index_axis(Axis(1), 17)
    );
}

#[test]
fn zoom_and_shift_equal_affine_transform() {
    let mut r = rng(5);
    let x = Array2::from_shape_fn((120, 97), |_| r());
    for (order, mode) in [
        (3, Mode::Constant(0.0)),
        (1, Mode::Nearest),
        (5, Mode::Mirror),
        (2, Mode::GridConstant(0.5)),
        (0, Mode::Wrap),
        (4, Mode::Reflect),
    ] {
        let opts = InterpOptions { order, mode, prefilter: true };
        let z = zoom(&x, &[2.3, 0.7], false, &opts).unwrap();
        let (o0, o1) = z.dim();
        let m = array![[(120.0 - 1.0) / (o0 as f64 - 1.0), 0.0], [0.0, (97.0 - 1.0) / (o1 as f64 - 1.0)]];
        let a = affine_transform(&x, &m, &[0.0, 0.0], Some(&[o0, o1]), &opts).unwrap();
        assert_eq!(z.into_dyn(), a, "zoom order {order} {mode:?}");
        let s = shift(&x, &[3.25, -7.5], &opts).unwrap();
        let a = affine_transform(&x, &array![[1.0, 0.0], [0.0, 1.0]], &[-3.25, 7.5], None, &opts).unwrap();
        assert_eq!(s.into_dyn(), a, "shift order {order} {mode:?}");
    }
}

/// One erosion by a 3x3 structure: all structure neighbours true (outside: `border`).
fn erode_naive(x: &Array2<bool>, st: &Array2<bool>, border: bool) -> Array2<bool> {
    let (n0, n1) = x.dim();
    Array2::from_shape_fn((n0, n1), |(i, j)| {
        st.indexed_iter().filter(|(_, s)| **s).all(|((a, b), _)| {
            let (p, q) = (i as isize + a as isize - 1, j as isize + b as isize - 1);
            if p < 0 || q < 0 || p >= n0 as isize || q >= n1 as isize {
                border
            } else {
                x[[p as usize, q as usize]]
            }
        })
    })
}

#[test]
fn binary_erosion_matches_window_scan() {
    let mut r = rng(6);
    let x = Array2::from_shape_fn((350, 330), |_| r() < 0.8);
    for conn in [1, 2] {
        let st = generate_binary_structure(2, conn).unwrap().into_dimensionality().unwrap();
        for border in [false, true] {
            let opts = BinaryOptions { iterations: 3, border_value: border, ..BinaryOptions::structure(&st) };
            let want = erode_naive(&erode_naive(&erode_naive(&x, &st, border), &st, border), &st, border);
            assert_eq!(binary_erosion(&x, &opts).unwrap(), want, "connectivity {conn}, border {border}");
        }
        // Dilation is the complement of the erosion of the complement (symmetric structure).
        let opts = BinaryOptions { iterations: 2, ..BinaryOptions::structure(&st) };
        let nx = x.mapv(|v| !v);
        let want = erode_naive(&erode_naive(&nx, &st, true), &st, true).mapv(|v| !v);
        assert_eq!(binary_dilation(&x, &opts).unwrap(), want, "dilation, connectivity {conn}");
    }
}

#[test]
fn small_window_ranks_match_sorting() {
    let mut r = rng(7);
    // Few distinct values, so that ties are common.
    let x = Array2::from_shape_fn((330, 320), |_| (r() * 7.0).floor());
    let padded = |i: isize, j: isize| {
        // Reflect mode.
        let f = |k: isize, n: isize| {
            if k < 0 {
                -k - 1
            } else if k >= n {
                2 * n - k - 1
            } else {
                k
            }
        };
        x[[f(i, 330) as usize, f(j, 320) as usize]]
    };
    let sorted_window = |i: usize, j: usize, h: usize, w: usize| {
        let mut v: Vec<f64> = (0..h * w)
            .map(|k| {
                padded(
                    i as isize + (k / w) as isize - (h / 2) as isize,
                    j as isize + (k % w) as isize - (w / 2) as isize,
                )
            })
            .collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let med = median_filter(&x, &FootprintOptions::size(&[3])).unwrap();
    let rank2 = rank_filter(&x, 2, &FootprintOptions::size(&[3, 4])).unwrap();
    for i in 0..330 {
        for j in 0..320 {
            assert_eq!(med[[i, j]], sorted_window(i, j, 3, 3)[4], "median at {i}, {j}");
            assert_eq!(rank2[[i, j]], sorted_window(i, j, 3, 4)[2], "rank 2 at {i}, {j}");
        }
    }
}

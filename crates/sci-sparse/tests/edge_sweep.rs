//! A sweep of the public sparse surface over the inputs that break sparse code most often:
//! empty shapes (0x0, 0xn, nx0), 1x1 and 2x2 matrices, singular and zero matrices, NaN and
//! infinity among the values, explicit zeros, unsorted and duplicate indices, malformed raw
//! arrays (wrong lengths, decreasing `indptr`, indices out of range), out-of-range indices,
//! slices and diagonals, mismatched shapes, degenerate parameters (`k = 0`, `k >= n`,
//! `maxiter = 0`, negative or NaN tolerances, densities outside `[0, 1]`), and non-contiguous
//! dense operands (reversed and stepped views). Every call must return, `Ok` or an error, and
//! never panic; the values themselves are checked against SciPy by the other test files.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use num_complex::Complex64;
use sci_array::ndarray::{Array1, Array2, Array3, ArrayView1, array, s};
use sci_array::random::default_rng;
use sci_array::testing::PanicSweep;
use sci_sparse::Result;
use sci_sparse::csgraph::*;
use sci_sparse::linalg::*;
use sci_sparse::*;

/// The matrices, by name.
fn matrices() -> Vec<(&'static str, CsrMatrix<f64>)> {
    let spd = array![[4.0, -1.0, 0.0], [-1.0, 4.0, -1.0], [0.0, -1.0, 4.0]];
    let mut with_nan = spd.clone();
    with_nan[[1, 1]] = f64::NAN;
    let mut with_inf = spd.clone();
    with_inf[[0, 2]] = f64::INFINITY;
    let graph = array![
        [0.0, 1.0, 0.0, 0.0, -2.0],
        [0.0, 0.0, 3.0, 0.0, 0.0],
        [1.0, 0.0, 0.0, -1.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 2.0],
        [0.0, 4.0, 0.0, 0.0, 0.0]
    ];
    vec![
        ("0x0", CsrMatrix::zeros((0, 0))),
        ("0x3", CsrMatrix::zeros((0, 3))),
        ("3x0", CsrMatrix::zeros((3, 0))),
        ("1x1 [2]", CsrMatrix::from_dense(&array![[2.0]])),
        ("1x1 stored zero", CsrMatrix::from_parts(vec![0.0], vec![0], vec![0, 1], (1, 1)).unwrap()),
        ("2x2 empty", CsrMatrix::zeros((2, 2))),
        ("2x2 singular", CsrMatrix::from_dense(&array![[1.0, 2.0], [2.0, 4.0]])),
        ("2x2 [nan]", CsrMatrix::from_dense(&array![[f64::NAN, 1.0], [1.0, 2.0]])),
        ("3x3 spd", CsrMatrix::from_dense(&spd)),
        (
            "3x3 nonsymmetric",
            CsrMatrix::from_dense(&array![[1.0, 2.0, 0.0], [0.0, 3.0, 4.0], [5.0, 0.0, 6.0]]),
        ),
        ("3x3 with NaN", CsrMatrix::from_dense(&with_nan)),
        ("3x3 with inf", CsrMatrix::from_dense(&with_inf)),
        (
            "3x3 unsorted, duplicates, stored zero",
            CsrMatrix::from_parts(
                vec![1.0, 2.0, 0.0, 3.0, 4.0],
                vec![2, 0, 1, 1, 1],
                vec![0, 2, 3, 5],
                (3, 3),
            )
            .unwrap(),
        ),
        ("2x3", CsrMatrix::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]])),
        ("3x2", CsrMatrix::from_dense(&array![[1.0, 0.0], [0.0, 3.0], [2.0, 0.0]])),
        ("4x4 identity", CsrMatrix::identity(4)),
        ("2x2 1e300", CsrMatrix::from_dense(&array![[1e300, -1e300], [0.0, -1e300]])),
        ("5x5 graph, negative weights", CsrMatrix::from_dense(&graph)),
    ]
}

/// Dense vectors, by name: empty, short, with NaN, and non-contiguous views.
fn vectors() -> Vec<(&'static str, Array1<f64>)> {
    vec![
        ("[]", Array1::zeros(0)),
        ("[1]", array![1.0]),
        ("[1, -1]", array![1.0, -1.0]),
        ("[1, 2, 3]", array![1.0, 2.0, 3.0]),
        ("[nan, 1, 1]", array![f64::NAN, 1.0, 1.0]),
        ("[0, 0, 0]", array![0.0, 0.0, 0.0]),
        ("5 ones", Array1::ones(5)),
    ]
}

/// Non-contiguous views of length 3 (and of the matrix's column count where it fits).
fn with_views(mut f: impl FnMut(&str, ArrayView1<'_, f64>)) {
    let base = array![1.0, -2.0, 3.0, 0.5, -1.0, 2.0];
    f("reversed view", base.slice(s![..3;-1]));
    f("stepped view", base.slice(s![..;2]));
    f("stepped reversed view", base.slice(s![..;-3]));
}

/// `conj` of the complex copy of `a`.
fn ac_conj(a: &CsrMatrix<f64>) -> CsrMatrix<Complex64> {
    a.map(|v| Complex64::new(v, v)).conj()
}

/// Raw-array constructors: wrong lengths, decreasing `indptr`, out-of-range indices, negative
/// `int32`/`int64` indices, empty shapes.
fn sweep_constructors(p: &mut PanicSweep) {
    let raw: Vec<(&str, Vec<f64>, Vec<usize>, Vec<usize>, (usize, usize))> = vec![
        ("valid", vec![1.0, 2.0], vec![0, 1], vec![0, 1, 2], (2, 2)),
        ("empty indptr", vec![], vec![], vec![], (2, 2)),
        ("empty indptr 0x0", vec![], vec![], vec![], (0, 0)),
        ("indptr [0] 0x0", vec![], vec![], vec![0], (0, 0)),
        ("indptr [0] 0x5", vec![], vec![], vec![0], (0, 5)),
        ("indptr too short", vec![1.0], vec![0], vec![0, 1], (2, 2)),
        ("indptr too long", vec![1.0], vec![0], vec![0, 1, 1, 1], (2, 2)),
        ("indptr decreasing", vec![1.0, 2.0], vec![0, 1], vec![0, 2, 1], (2, 2)),
        ("indptr not from 0", vec![1.0, 2.0], vec![0, 1], vec![1, 2, 2], (2, 2)),
        ("indptr last too big", vec![1.0, 2.0], vec![0, 1], vec![0, 1, 5], (2, 2)),
        ("indptr last too small", vec![1.0, 2.0], vec![0, 1], vec![0, 1, 1], (2, 2)),
        ("indptr huge", vec![1.0], vec![0], vec![0, usize::MAX, 1], (2, 2)),
        ("data shorter", vec![1.0], vec![0, 1], vec![0, 1, 2], (2, 2)),
        ("indices shorter", vec![1.0, 2.0], vec![0], vec![0, 1, 2], (2, 2)),
        ("index out of range", vec![1.0, 2.0], vec![0, 2], vec![0, 1, 2], (2, 2)),
        ("index usize::MAX", vec![1.0], vec![usize::MAX], vec![0, 1, 1], (2, 2)),
        ("unsorted duplicates", vec![1.0, 2.0, 3.0], vec![1, 0, 1], vec![0, 3, 3], (2, 2)),
        ("nx0 with index", vec![1.0], vec![0], vec![0, 1, 1], (2, 0)),
        ("huge shape", vec![], vec![], vec![0, 0], (1, usize::MAX)),
    ];
    for (label, data, indices, indptr, shape) in &raw {
        let tag = |what: &str| format!("{what} from raw arrays ({label})");
        p.run(tag("CsrMatrix::from_parts"), || {
            if let Ok(a) = CsrMatrix::from_parts(data.clone(), indices.clone(), indptr.clone(), *shape) {
                drop((a.toarray(), a.tocsc(), a.tocoo(), a.transpose(), a.sum(), a.diagonal(0)));
            }
        });
        p.run(tag("CscMatrix::from_parts"), || {
            if let Ok(a) = CscMatrix::from_parts(data.clone(), indices.clone(), indptr.clone(), *shape) {
                drop((a.toarray(), a.tocsr(), a.tocoo(), a.transpose(), a.sum(), a.diagonal(0)));
            }
        });
        let to_i32 = |v: &Vec<usize>| v.iter().map(|&x| x as i32).collect::<Vec<i32>>();
        p.run(tag("CsrMatrix::<f64, i32>::from_parts"), || {
            drop(CsrMatrix::from_parts(data.clone(), to_i32(indices), to_i32(indptr), *shape))
        });
        let to_i64 = |v: &Vec<usize>| v.iter().map(|&x| x as i64).collect::<Vec<i64>>();
        p.run(tag("CscMatrix::<f64, i64>::from_parts"), || {
            drop(CscMatrix::from_parts(data.clone(), to_i64(indices), to_i64(indptr), *shape))
        });
        p.run(tag("BsrMatrix::from_parts"), || {
            if let Ok(d) = Array3::from_shape_vec((data.len(), 1, 1), data.clone()) {
                drop(BsrMatrix::from_parts(d, indices.clone(), indptr.clone(), *shape).map(|b| b.toarray()));
            }
        });
    }
    p.run("CsrMatrix::<f64, i32>::from_parts negative index", || {
        drop(CsrMatrix::from_parts(vec![1.0], vec![-1i32], vec![0, 1, 1], (2, 2)))
    });
    p.run("CsrMatrix::<f64, i64>::from_parts negative indptr", || {
        drop(CsrMatrix::from_parts(vec![1.0], vec![0i64], vec![0, -1, 1], (2, 2)))
    });
    p.run("CsrMatrix::<f64, i32>::from_parts negative end", || {
        drop(CsrMatrix::<f64, i32>::from_parts(vec![], vec![], vec![0, -3], (1, 2)))
    });
    let triplets: Vec<(&str, Vec<f64>, Vec<i64>, Vec<i64>, (usize, usize))> = vec![
        ("valid", vec![1.0, 2.0], vec![0, 1], vec![1, 0], (2, 2)),
        ("duplicates", vec![1.0, 2.0, f64::NAN], vec![0, 0, 0], vec![1, 1, 1], (2, 2)),
        ("negative row", vec![1.0], vec![-1], vec![0], (2, 2)),
        ("negative col", vec![1.0], vec![0], vec![-5], (2, 2)),
        ("row out of range", vec![1.0], vec![2], vec![0], (2, 2)),
        ("col out of range", vec![1.0], vec![0], vec![2], (2, 2)),
        ("lengths differ", vec![1.0, 2.0], vec![0], vec![0, 1], (2, 2)),
        ("0x0 with entry", vec![1.0], vec![0], vec![0], (0, 0)),
        ("0x0 empty", vec![], vec![], vec![], (0, 0)),
        ("i64::MIN", vec![1.0], vec![i64::MIN], vec![0], (2, 2)),
        ("usize::MAX rows", vec![], vec![], vec![], (usize::MAX, 1)),
        ("usize::MAX cols", vec![1.0], vec![0], vec![usize::MAX as i64], (1, usize::MAX)),
    ];
    for (label, data, row, col, shape) in &triplets {
        let tag = |what: &str| format!("{what} from triplets ({label})");
        p.run(tag("CooMatrix::new"), || {
            if let Ok(c) = CooMatrix::new(data.clone(), row.clone(), col.clone(), *shape) {
                drop((c.toarray(), c.tocsr(), c.tocsc(), c.transpose()));
            }
        });
        p.run(tag("CsrMatrix::from_triplets"), || drop(CsrMatrix::from_triplets(data, row, col, *shape)));
        p.run(tag("CscMatrix::from_triplets"), || drop(CscMatrix::from_triplets(data, row, col, *shape)));
        let r32: Vec<i32> = row.iter().map(|&x| x as i32).collect();
        let c32: Vec<i32> = col.iter().map(|&x| x as i32).collect();
        p.run(tag("CsrMatrix::<f64, i32>::from_triplets"), || {
            drop(CsrMatrix::from_triplets(data, &r32, &c32, *shape))
        });
    }
    let dias: Vec<(&str, Array2<f64>, Vec<isize>, (usize, usize))> = vec![
        ("valid", array![[1.0, 2.0, 3.0]], vec![1], (3, 3)),
        ("offset beyond", array![[1.0, 2.0, 3.0]], vec![7], (3, 3)),
        ("offset far below", array![[1.0, 2.0, 3.0]], vec![-7], (3, 3)),
        ("offset isize::MIN", array![[1.0, 2.0, 3.0]], vec![isize::MIN], (3, 3)),
        ("offset isize::MAX", array![[1.0, 2.0, 3.0]], vec![isize::MAX], (3, 3)),
        ("short data", array![[1.0]], vec![-1], (3, 3)),
        ("empty data", Array2::zeros((1, 0)), vec![0], (3, 3)),
        ("0x0", Array2::zeros((0, 0)), vec![], (0, 0)),
        ("counts differ", array![[1.0, 2.0]], vec![0, 1], (2, 2)),
        ("duplicate offsets", array![[1.0, 2.0], [3.0, 4.0]], vec![0, 0], (2, 2)),
        ("wide", array![[1.0, 2.0, 3.0, 4.0, 5.0]], vec![2], (2, 5)),
        ("tall", array![[1.0, 2.0]], vec![-3], (5, 2)),
    ];
    for (label, data, offsets, shape) in &dias {
        p.run(format!("DiaMatrix ({label})"), || {
            if let Ok(d) = DiaMatrix::new(data.clone(), offsets.clone(), *shape) {
                drop((d.toarray(), d.tocsr(), d.tocsc(), d.tocoo(), d.nnz()));
                for k in [-4isize, -1, 0, 1, 4, isize::MIN, isize::MAX] {
                    drop(d.diagonal(k));
                }
                drop(d.dot(&Array1::ones(shape.1)));
                drop(d.dot(&Array1::ones(shape.1 + 1)));
                drop(d.add(&d));
                drop(d.sub(&d));
                drop(d.multiply(&d));
                drop(d.matmul(&d));
                drop(d.scale(2.0));
            }
        });
    }
    let bsr_data = Array3::from_shape_vec((2, 1, 2), vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    for (label, shape, indices, indptr) in [
        ("valid", (2, 4), vec![1, 0], vec![0, 1, 2]),
        ("block does not divide", (2, 3), vec![1, 0], vec![0, 1, 2]),
        ("block column out of range", (2, 4), vec![2, 0], vec![0, 1, 2]),
        ("indptr short", (2, 4), vec![1, 0], vec![0, 2]),
        ("0x0", (0, 0), vec![1, 0], vec![0]),
    ] {
        p.run(format!("BsrMatrix::from_parts ({label})"), || {
            drop(
                BsrMatrix::from_parts(bsr_data.clone(), indices, indptr, shape)
                    .map(|b| (b.toarray(), b.tocsr())),
            )
        });
    }
    for bs in [(0usize, 0usize), (0, 1), (1, 0)] {
        p.run(format!("BsrMatrix::from_parts blocksize {bs:?}"), || {
            drop(BsrMatrix::<f64>::from_parts(Array3::zeros((0, bs.0, bs.1)), vec![], vec![0], (0, 0)))
        });
        p.run(format!("BsrMatrix::from_parts blocksize {bs:?} on 2x2"), || {
            drop(BsrMatrix::<f64>::from_parts(Array3::zeros((0, bs.0, bs.1)), vec![], vec![0, 0, 0], (2, 2)))
        });
    }
    let dense_cases: Vec<(&str, Array2<f64>)> = vec![
        ("0x0", Array2::zeros((0, 0))),
        ("0x3", Array2::zeros((0, 3))),
        ("3x0", Array2::zeros((3, 0))),
        ("nan/inf", array![[f64::NAN, 0.0], [f64::INFINITY, -0.0]]),
    ];
    for (label, d) in &dense_cases {
        let tag = |what: &str| format!("{what} from dense {label}");
        p.run(tag("CsrMatrix::from_dense"), || drop(CsrMatrix::from_dense(d)));
        p.run(tag("CsrMatrix::from_dense reversed view"), || {
            drop(CsrMatrix::from_dense(&d.slice(s![..;-1, ..;-1])))
        });
        p.run(tag("CscMatrix::from_dense"), || drop(CscMatrix::from_dense(&d.t())));
        p.run(tag("CooMatrix::from_dense"), || drop(CooMatrix::from_dense(d)));
        p.run(tag("LilMatrix::from_dense"), || drop(LilMatrix::from_dense(d).toarray()));
        p.run(tag("DiaMatrix::from_dense"), || drop(DiaMatrix::from_dense(d).toarray()));
        for bs in [(0usize, 0usize), (1, 1), (2, 2), (3, 1)] {
            p.run(tag(&format!("BsrMatrix::from_dense {bs:?}")), || drop(BsrMatrix::from_dense(d, bs)));
        }
        p.run(tag("csgraph_from_dense"), || drop(csgraph_from_dense(d, 0.0, true, true)));
    }
    for (m, n) in [(0usize, 0usize), (0, 3), (3, 0), (1, 1), (3, 4)] {
        for k in [isize::MIN, -5, -1, 0, 1, 5, isize::MAX] {
            p.run(format!("eye({m}, {n}, {k})"), || drop(eye::<f64>(m, n, k)));
            p.run(format!("CscMatrix::eye({m}, {n}, {k})"), || drop(CscMatrix::<f64>::eye(m, n, k)));
        }
        for density in [0.0, 0.3, 1.0, 1.5, -0.1, f64::NAN, f64::INFINITY] {
            p.run(format!("random({m}, {n}, {density})"), || {
                drop(random(m, n, density, &mut default_rng(1)))
            });
        }
        p.run(format!("LilMatrix::zeros({m}, {n})"), || drop(LilMatrix::<f64>::zeros((m, n)).tocsr()));
    }
    p.run("identity(0)", || drop(identity::<f64>(0)));
    p.run("random huge", || drop(random(usize::MAX, 2, 0.0, &mut default_rng(1))));
    let diag_cases: Vec<(&str, Vec<Vec<f64>>, Vec<isize>, Option<(usize, usize)>)> = vec![
        ("none", vec![], vec![], None),
        ("none with shape", vec![], vec![], Some((2, 2))),
        ("offset beyond", vec![vec![1.0, 2.0]], vec![5], Some((3, 3))),
        ("offset far below", vec![vec![1.0, 2.0]], vec![-5], Some((3, 3))),
        ("offset isize::MIN", vec![vec![1.0]], vec![isize::MIN], Some((3, 3))),
        ("offset isize::MAX", vec![vec![1.0]], vec![isize::MAX], Some((3, 3))),
        ("offset isize::MIN no shape", vec![vec![1.0]], vec![isize::MIN], None),
        ("offset isize::MAX no shape", vec![vec![1.0]], vec![isize::MAX], None),
        ("empty diagonal", vec![vec![]], vec![0], Some((3, 3))),
        ("empty diagonal no shape", vec![vec![]], vec![0], None),
        ("short diagonal", vec![vec![1.0, 2.0]], vec![0], Some((3, 3))),
        ("long diagonal", vec![vec![1.0, 2.0, 3.0, 4.0]], vec![0], Some((3, 3))),
        ("count mismatch", vec![vec![1.0]], vec![0, 1], Some((3, 3))),
        ("count mismatch no shape", vec![vec![1.0], vec![2.0]], vec![], None),
        ("duplicate offsets", vec![vec![1.0], vec![2.0]], vec![1, 1], Some((3, 3))),
        ("0x0", vec![vec![1.0]], vec![0], Some((0, 0))),
        ("nan", vec![vec![f64::NAN]], vec![0], Some((2, 3))),
    ];
    for (label, d, o, shape) in &diag_cases {
        p.run(format!("diags ({label})"), || drop(diags(d, o, *shape)));
        for (m, n) in [(0usize, 0usize), (3, 3), (2, 5)] {
            p.run(format!("spdiags ({label}) {m}x{n}"), || drop(spdiags(d, o, m, n)));
        }
    }
    let empty: Vec<&CsrMatrix<f64>> = vec![];
    p.run("hstack of no blocks", || drop(hstack(&empty)));
    p.run("vstack of no blocks", || drop(vstack(&empty)));
    p.run("block_diag of no blocks", || drop(block_diag(&empty)));
    p.run("bmat of no blocks", || drop(bmat::<f64>(&[])));
    p.run("bmat of an empty row", || drop(bmat::<f64>(&[vec![]])));
    p.run("bmat of None", || drop(bmat::<f64>(&[vec![None]])));
    p.run("bmat ragged", || drop(bmat::<f64>(&[vec![None, None], vec![None]])));
}

/// The methods of the formats on every matrix, and binary operations on every pair.
fn sweep_formats(p: &mut PanicSweep) {
    let mats = matrices();
    for (label, a) in &mats {
        let tag = |what: String| format!("{what} on {label}");
        let (m, n) = a.shape();
        let csc = a.tocsc();
        p.run(tag("conversions".into()), || {
            drop((a.toarray(), a.tocoo(), a.transpose(), a.tolil(), a.todia(), csc.tocsr(), csc.toarray()));
            drop((a.tocoo().tocsc(), a.tocoo().toarray(), a.tolil().tocsc(), a.tolil().transpose()));
            drop((
                a.todia().toarray(),
                a.todia().tocsr(),
                a.to_index_type::<i32>(),
                a.to_index_type::<i64>(),
            ));
            drop((a.to_sprs(), CsrMatrix::from_sprs(&a.to_sprs()), a.tocoo().to_trimat()));
            let _ =
                (a.nnz(), a.count_nonzero(), a.nbytes(), a.has_sorted_indices(), a.has_canonical_format());
            drop((format!("{a}"), format!("{csc}"), format!("{}", a.tocoo())));
        });
        for bs in [(0usize, 0usize), (1, 1), (2, 2), (3, 1), (1, 5)] {
            p.run(tag(format!("tobsr {bs:?}")), || {
                if let Ok(b) = a.tobsr(bs) {
                    drop((b.toarray(), b.tocsr(), b.tocsc(), b.tocoo(), b.nnz(), b.data().len()));
                    drop(b.dot(&Array1::ones(n)));
                    drop(b.dot(&Array1::ones(n + 1)));
                    drop((b.add(&b), b.sub(&b), b.multiply(&b), b.matmul(&b), b.scale(0.0)));
                }
            });
        }
        p.run(tag("tobsr_auto".into()), || drop(a.tobsr_auto()));
        for eff in [0.0, 0.5, 1.0, 2.0, -1.0, f64::NAN] {
            p.run(tag(format!("estimate_blocksize {eff}")), || drop(estimate_blocksize(a, eff)));
        }
        p.run(tag("canonicalize".into()), || {
            let mut b = a.clone();
            b.sort_indices();
            b.sum_duplicates();
            b.eliminate_zeros();
            let mut c = csc.clone();
            c.sum_duplicates();
            c.eliminate_zeros();
            c.sort_indices();
            let mut d = a.tocoo();
            d.sum_duplicates();
            d.eliminate_zeros();
        });
        for axis in [-3isize, -2, -1, 0, 1, 2] {
            p.run(tag(format!("axis reductions {axis}")), || {
                drop((a.sum_axis(axis), a.max_axis(axis), a.min_axis(axis), a.argmax_axis(axis)));
                drop((a.argmin_axis(axis), a.mean_axis(axis), csc.sum_axis(axis), csc.max_axis(axis)));
                drop((csc.argmin_axis(axis), csc.mean_axis(axis)));
            });
            p.run(tag(format!("swapaxes {axis} 0")), || drop(swapaxes(a, axis, 0)));
            p.run(tag(format!("permute_dims [{axis}, 1]")), || drop(permute_dims(a, Some([axis, 1]))));
        }
        p.run(tag("permute_dims None".into()), || drop(permute_dims(a, None)));
        p.run(tag("reductions".into()), || {
            drop((a.sum(), a.max(), a.min(), a.argmax(), a.argmin(), a.mean(), csc.max(), csc.argmin()));
        });
        for k in [isize::MIN, -10, -1, 0, 1, 10, isize::MAX] {
            p.run(tag(format!("diagonal {k}")), || drop((a.diagonal(k), csc.diagonal(k))));
            p.run(tag(format!("trace {k}")), || {
                let _ = (a.trace(k), csc.trace(k));
            });
            p.run(tag(format!("tril/triu {k}")), || drop((tril(a, k), triu(a, k))));
            for vals in [vec![], vec![7.0], vec![1.0; 10]] {
                p.run(tag(format!("setdiag {k} with {} values", vals.len())), || {
                    let mut b = a.clone();
                    drop(b.setdiag(&vals, k));
                    let mut c = csc.clone();
                    drop(c.setdiag(&vals, k));
                });
            }
            p.run(tag(format!("setdiag_value {k}")), || {
                let mut b = a.clone();
                drop(b.setdiag_value(f64::NAN, k));
            });
        }
        let idx = [0usize, 1, 2, 5, usize::MAX];
        for &i in &idx {
            for &j in &idx {
                p.run(tag(format!("get/set ({i}, {j})")), || {
                    drop((a.get(i, j), csc.get(i, j), a.tolil().get(i, j)));
                    let mut b = a.clone();
                    drop(b.set(i, j, 1.0));
                    let mut c = csc.clone();
                    drop(c.set(i, j, 0.0));
                    let mut l = a.tolil();
                    drop(l.set(i, j, 2.0));
                    drop(l.set(i, j, 0.0));
                });
            }
            p.run(tag(format!("getrow/getcol {i}")), || {
                drop((a.getrow(i), csc.getcol(i), a.tolil().getrow(i)));
            });
        }
        for (rows, cols, vals) in [
            (vec![], vec![], vec![]),
            (vec![0usize], vec![0usize], vec![1.0]),
            (vec![0, 0], vec![0], vec![1.0]),
            (vec![0], vec![0], vec![1.0, 2.0]),
            (vec![9], vec![0], vec![1.0]),
        ] {
            p.run(tag(format!("set_many {rows:?} {cols:?} {vals:?}")), || {
                let mut b = a.clone();
                drop(b.set_many(&rows, &cols, &vals));
                let mut c = csc.clone();
                drop(c.set_many(&rows, &cols, &vals));
            });
        }
        for (start, stop) in [(0usize, 0usize), (0, 1), (1, 0), (2, 1), (0, 100), (100, 200), (0, usize::MAX)]
        {
            p.run(tag(format!("slices {start}..{stop}")), || {
                drop((a.slice_rows(start, stop), a.slice_cols(start, stop)));
                drop((csc.slice_rows(start, stop), csc.slice_cols(start, stop)));
            });
        }
        for sel in [vec![], vec![0usize], vec![0, 0, 1], vec![2, 1, 0], vec![100], vec![usize::MAX]] {
            p.run(tag(format!("select {sel:?}")), || {
                drop((a.select_rows(&sel), a.select_cols(&sel), a.select(&sel, &sel)));
                drop((csc.select_rows(&sel), csc.select_cols(&sel), csc.select(&sel, &[0])));
            });
        }
        for shape in [(0usize, 0usize), (1, m * n), (m * n, 1), (n, m), (2, 3), (0, 7), (usize::MAX, 2)] {
            p.run(tag(format!("reshape {shape:?}")), || drop((a.reshape(shape), csc.reshape(shape))));
        }
        for shape in [(0usize, 0usize), (1, 1), (m + 1, n + 2), (m, 0)] {
            p.run(tag(format!("resize {shape:?}")), || {
                let mut b = a.clone();
                b.resize(shape);
                drop(b.toarray());
                let mut c = csc.clone();
                c.resize(shape);
                drop(c.toarray());
            });
        }
        p.run(tag("elementwise".into()), || {
            drop((a.div_scalar(0.0), a.div_scalar(f64::NAN), a.sqrt(), a.sin(), a.arctanh(), a.rint()));
            drop((
                ac_conj(a),
                a.sign(),
                a.log1p(),
                a.expm1(),
                a.floor(),
                a.deg2rad(),
                csc.sqrt(),
                csc.sign(),
            ));
            drop((a.scale(f64::INFINITY), a.tocoo().scale(0.0), a.tolil().scale(f64::NAN)));
            drop(a.map(|v| v as i64).map(|v| v as f64));
        });
        for pw in [0.0, -1.0, 0.5, 2.0, f64::NAN] {
            p.run(tag(format!("power {pw}")), || drop((a.power(pw), csc.power(pw))));
        }
        p.run(tag("find".into()), || drop(find(a)));
        for (vname, x) in vectors() {
            p.run(tag(format!("dot {vname}")), || {
                drop((a.dot(&x), csc.dot(&x), a.tolil().dot(&x), a.todia().dot(&x)));
            });
        }
        with_views(|vname, x| {
            p.run(tag(format!("dot {vname}")), || {
                drop((a.dot(&x), csc.dot(&x), a.tolil().dot(&x), a.todia().dot(&x)));
            });
        });
        let dense = [
            ("0x0", Array2::zeros((0, 0))),
            ("nx0", Array2::zeros((n, 0))),
            ("nx2", Array2::ones((n, 2))),
            ("(n+1)x2", Array2::ones((n + 1, 2))),
            ("3x3 nan", Array2::from_elem((3, 3), f64::NAN)),
        ];
        for (dname, x) in &dense {
            p.run(tag(format!("dot_dense {dname}")), || drop((a.dot_dense(x), csc.dot_dense(x))));
            p.run(tag(format!("dot_dense {dname} transposed view")), || {
                drop((a.dot_dense(&x.t()), csc.dot_dense(&x.slice(s![..;-1, ..]))))
            });
        }
    }
    for (la, a) in &mats {
        for (lb, b) in &mats {
            let tag = |what: &str| format!("{what} of {la} and {lb}");
            let (ac, bc) = (a.tocsc(), b.tocsc());
            p.run(tag("add/sub/multiply"), || {
                drop((a.add(b), a.sub(b), a.multiply(b), ac.add(&bc), ac.sub(&bc), ac.multiply(&bc)));
                drop((a.tocoo().add(&b.tocoo()), a.tolil().sub(&b.tolil()), a.tocoo().multiply(&b.tocoo())));
                drop((a.maximum(b), a.minimum(b), ac.maximum(&bc), a.divide(b), ac.divide(&bc)));
                drop((a.todia().add(&b.todia()), a.todia().multiply(&b.todia())));
            });
            p.run(tag("matmul"), || {
                drop((
                    a.matmul(b),
                    ac.matmul(&bc),
                    a.tocoo().matmul(&b.tocoo()),
                    a.tolil().matmul(&b.tolil()),
                ));
                drop(a.todia().matmul(&b.todia()));
            });
            p.run(tag("kron"), || drop(kron(a, b)));
            p.run(tag("kronsum"), || drop(kronsum(a, b)));
            p.run(tag("hstack/vstack"), || drop((hstack(&[a, b]), vstack(&[a, b]))));
            p.run(tag("block_diag"), || drop(block_diag(&[a, b])));
            p.run(tag("bmat"), || {
                drop(bmat(&[vec![Some(a), Some(b)], vec![None, Some(a)]]));
                drop(bmat(&[vec![Some(a), None], vec![None, Some(b)]]));
            });
            let ai = a.to_index_type::<i32>().unwrap();
            let bi = b.to_index_type::<i32>().unwrap();
            p.run(tag("int32 products and sums"), || {
                drop((ai.add(&bi), ai.matmul(&bi), ai.multiply(&bi), ai.dot(&Array1::ones(b.shape().0))));
            });
        }
    }
}

/// `scipy.sparse.linalg` on every square and non-square matrix.
fn sweep_linalg(p: &mut PanicSweep) {
    let mats = matrices();
    for (label, a) in &mats {
        let tag = |what: String| format!("{what} on {label}");
        let m = a.shape().0;
        let csc = a.tocsc();
        let mut bs: Vec<(String, Array1<f64>)> =
            vectors().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        bs.push(("ones(m)".into(), Array1::ones(m)));
        let mut nan_b = Array1::ones(m);
        if m > 0 {
            nan_b[0] = f64::NAN;
        }
        bs.push(("ones(m) with NaN".into(), nan_b));
        let base = Array1::from_shape_fn(2 * m + 1, |i| i as f64 - 1.5);
        for opts in
            [SpluOptions::default(), SpluOptions { permc_spec: PermcSpec::Natural, diag_pivot_thresh: 0.0 }]
        {
            p.run(tag(format!("splu {opts:?}")), || {
                if let Ok(lu) = splu(a, &opts) {
                    drop((lu.l(), lu.u(), lu.perm_r(), lu.perm_c(), lu.nnz(), lu.shape()));
                    for (_, b) in &bs {
                        drop((lu.solve(b), lu.solve_transposed(b)));
                    }
                    drop(lu.solve(&base.slice(s![..;-2])));
                    drop(lu.solve(&Array2::<f64>::ones((m, 0))));
                    drop(lu.solve(&Array2::<f64>::ones((m, 2)).t()));
                }
            });
            for drop_tol in [0.0, 1e-4, -1.0, f64::NAN, f64::INFINITY] {
                p.run(tag(format!("spilu {drop_tol} {opts:?}")), || {
                    if let Ok(lu) = spilu(a, drop_tol, &opts) {
                        drop(lu.solve(&Array1::ones(m)));
                    }
                });
            }
        }
        for spec in [PermcSpec::MmdAta, PermcSpec::MmdAtPlusA, PermcSpec::ReverseCuthillMckee] {
            for thresh in [0.5, -1.0, 2.0, f64::NAN] {
                let opts = SpluOptions { permc_spec: spec, diag_pivot_thresh: thresh };
                p.run(tag(format!("splu {opts:?}")), || {
                    drop(splu(&csc, &opts).map(|lu| lu.solve(&Array1::ones(m))))
                });
            }
        }
        for (bname, b) in &bs {
            p.run(tag(format!("spsolve {bname}")), || {
                drop((spsolve(a, b), spsolve(&csc, b), spsolve(&a.tocoo(), b)))
            });
            p.run(tag(format!("factorized {bname}")), || drop(factorized(a).map(|f| f(b))));
            for (lower, unit) in [(true, false), (false, false), (true, true)] {
                p.run(tag(format!("spsolve_triangular {bname} {lower} {unit}")), || {
                    drop(spsolve_triangular(a, b, lower, unit))
                });
            }
            p.run(tag(format!("expm_multiply {bname}")), || drop(expm_multiply(a, b)));
        }
        p.run(tag("spsolve reversed view".into()), || drop(spsolve(a, &base.slice(s![..m;-1]))));
        p.run(tag("spsolve stepped view".into()), || drop(spsolve(a, &base.slice(s![..;2]))));
        p.run(tag("spsolve 2-d".into()), || {
            drop(spsolve(a, &Array2::<f64>::ones((m, 2))));
            drop(spsolve(a, &Array2::<f64>::ones((m, 0))));
            drop(spsolve(a, &Array2::<f64>::ones((m + 1, 2))));
            drop(spsolve(a, &Array2::<f64>::ones((2, m)).t()));
            drop(spsolve_triangular(a, &Array2::<f64>::ones((2, m)).t(), true, false));
            drop(expm_multiply(a, &Array2::<f64>::ones((2, m)).t()));
        });
        p.run(tag("inv".into()), || drop(inv(a)));
        p.run(tag("expm".into()), || drop((expm(a), expm(&csc))));
        for ord in [NormOrd::Fro, NormOrd::Inf, NormOrd::NegInf, NormOrd::One, NormOrd::NegOne] {
            p.run(tag(format!("norm {ord:?}")), || {
                let _ = norm(a, ord);
            });
        }
        p.run(tag("spbandwidth/is_sptriangular".into()), || drop((spbandwidth(a), is_sptriangular(a))));
        for t in [0usize, 1, 2, 10] {
            for itmax in [0usize, 1, 5] {
                p.run(tag(format!("onenormest t={t} itmax={itmax}")), || drop(onenormest(a, t, itmax)));
            }
        }
        sweep_iterative(p, label, a, &bs);
        sweep_eigen(p, label, a);
    }
    // operators whose matvec disagrees with their shape
    let bad = FnOperator::new((3, 3), |x: ArrayView1<'_, f64>| x.slice(s![..2]).to_owned());
    let long = FnOperator::new((2, 2), |x: ArrayView1<'_, f64>| Array1::from_elem(x.len() + 3, 1.0));
    for (oname, op) in [("short output", &bad as &dyn LinearOperator), ("long output", &long)] {
        let b = Array1::ones(op.shape().0);
        let tag = |what: &str| format!("{what} on operator with {oname}");
        let io = IterOptions { maxiter: Some(5), ..Default::default() };
        p.run(tag("cg"), || drop(cg(op, &b, &io)));
        p.run(tag("bicgstab"), || drop(bicgstab(op, &b, &io)));
        p.run(tag("cgs"), || drop(cgs(op, &b, &io)));
        p.run(tag("gmres"), || drop(gmres(op, &b, &io)));
        p.run(tag("minres"), || drop(minres(op, &b, &io)));
        p.run(tag("tfqmr"), || drop(tfqmr(op, &b, &io)));
        p.run(tag("lgmres"), || drop(lgmres(op, &b, &io, &LgmresOptions::default())));
        p.run(tag("gcrotmk"), || drop(gcrotmk(op, &b, &io, &GcrotmkOptions::default())));
        p.run(tag("lsqr"), || drop(lsqr(op, &b, &LsqrOptions::default())));
        p.run(tag("lsmr"), || drop(lsmr(op, &b, &LsqrOptions::default())));
        p.run(tag("eigsh"), || drop(eigsh(op, 1, &EigshOptions::default(), None)));
        p.run(tag("eigs"), || drop(eigs(op, 1, &EigsOptions::default())));
        p.run(tag("onenormest"), || drop(onenormest(op, 2, 5)));
        p.run(tag("lobpcg"), || {
            drop(lobpcg(op, &Array2::ones((op.shape().0, 1)), &LobpcgOptions::default()))
        });
        let pre = IterOptions { maxiter: Some(5), m: Some(op), ..Default::default() };
        let b3 = Array1::ones(op.shape().0);
        let a3 = CsrMatrix::<f64>::identity(op.shape().0);
        p.run(tag("cg with it as preconditioner"), || drop(cg(&a3, &b3, &pre)));
        p.run(tag("gmres with it as preconditioner"), || drop(gmres(&a3, &b3, &pre)));
        p.run(tag("bicgstab with it as preconditioner"), || drop(bicgstab(&a3, &b3, &pre)));
    }
}

/// Iterative solvers with degenerate options.
fn sweep_iterative(p: &mut PanicSweep, label: &str, a: &CsrMatrix<f64>, bs: &[(String, Array1<f64>)]) {
    let n = a.shape().1;
    let x0_short = Array1::zeros(n.saturating_sub(1));
    let x0_nan = Array1::from_elem(n, f64::NAN);
    let ident = IdentityOperator(n);
    let wrong_m = IdentityOperator(n + 1);
    let opts: Vec<(&str, IterOptions<'_>)> = vec![
        ("default", IterOptions::default()),
        ("maxiter 0", IterOptions { maxiter: Some(0), ..Default::default() }),
        ("maxiter 1", IterOptions { maxiter: Some(1), ..Default::default() }),
        (
            "rtol tiny, atol 0",
            IterOptions { rtol: 1e-300, atol: 0.0, maxiter: Some(20), ..Default::default() },
        ),
        ("rtol -1", IterOptions { rtol: -1.0, ..Default::default() }),
        ("atol -1", IterOptions { atol: -1.0, ..Default::default() }),
        ("rtol NaN", IterOptions { rtol: f64::NAN, ..Default::default() }),
        ("rtol inf", IterOptions { rtol: f64::INFINITY, ..Default::default() }),
        ("atol inf", IterOptions { atol: f64::INFINITY, ..Default::default() }),
        ("x0 short", IterOptions { x0: Some(&x0_short), ..Default::default() }),
        ("x0 NaN", IterOptions { x0: Some(&x0_nan), maxiter: Some(10), ..Default::default() }),
        ("M identity", IterOptions { m: Some(&ident), ..Default::default() }),
        ("M wrong shape", IterOptions { m: Some(&wrong_m), ..Default::default() }),
        ("restart 0", IterOptions { restart: Some(0), ..Default::default() }),
        ("restart 1", IterOptions { restart: Some(1), maxiter: Some(5), ..Default::default() }),
        ("restart huge", IterOptions { restart: Some(1000), ..Default::default() }),
    ];
    for (bname, b) in bs {
        for (oname, o) in &opts {
            let tag = |what: &str| format!("{what} ({oname}) b={bname} on {label}");
            p.run(tag("cg"), || drop(cg(a, b, o)));
            p.run(tag("bicg"), || drop(bicg(a, b, o)));
            p.run(tag("bicgstab"), || drop(bicgstab(a, b, o)));
            p.run(tag("cgs"), || drop(cgs(a, b, o)));
            p.run(tag("qmr"), || drop(qmr(a, b, o)));
            p.run(tag("gmres"), || drop(gmres(a, b, o)));
            p.run(tag("minres"), || drop(minres(a, b, o)));
            p.run(tag("tfqmr"), || drop(tfqmr(a, b, o)));
            p.run(tag("lgmres"), || drop(lgmres(a, b, o, &LgmresOptions::default())));
            p.run(tag("gcrotmk"), || drop(gcrotmk(a, b, o, &GcrotmkOptions::default())));
        }
        for lo in [
            LgmresOptions { inner_m: 0, ..Default::default() },
            LgmresOptions { outer_k: 0, ..Default::default() },
            LgmresOptions { inner_m: 1, outer_k: 10, store_outer_av: false, prepend_outer_v: true },
        ] {
            p.run(format!("lgmres {lo:?} b={bname} on {label}"), || drop(lgmres(a, b, &opts[2].1, &lo)));
        }
        for go in [
            GcrotmkOptions { m: 0, k: None },
            GcrotmkOptions { m: 1, k: Some(0) },
            GcrotmkOptions { m: 3, k: Some(10) },
        ] {
            p.run(format!("gcrotmk {go:?} b={bname} on {label}"), || {
                drop(gcrotmk(a, b, &IterOptions { maxiter: Some(3), ..Default::default() }, &go))
            });
        }
        let lsq: Vec<(&str, LsqrOptions)> = vec![
            ("default", LsqrOptions::default()),
            ("iter_lim 0", LsqrOptions { iter_lim: Some(0), ..Default::default() }),
            (
                "atol 0 btol 0 conlim 0",
                LsqrOptions { atol: 0.0, btol: 0.0, conlim: 0.0, ..Default::default() },
            ),
            (
                "negative tolerances",
                LsqrOptions { atol: -1.0, btol: -1.0, conlim: -1.0, ..Default::default() },
            ),
            ("damp NaN", LsqrOptions { damp: f64::NAN, ..Default::default() }),
            ("damp -1", LsqrOptions { damp: -1.0, ..Default::default() }),
            ("damp inf", LsqrOptions { damp: f64::INFINITY, ..Default::default() }),
            ("x0 short", LsqrOptions { x0: Some(x0_short.clone()), ..Default::default() }),
            ("x0 NaN", LsqrOptions { x0: Some(x0_nan.clone()), ..Default::default() }),
        ];
        for (oname, o) in &lsq {
            p.run(format!("lsqr ({oname}) b={bname} on {label}"), || drop(lsqr(a, b, o)));
            p.run(format!("lsmr ({oname}) b={bname} on {label}"), || drop(lsmr(a, b, o)));
        }
    }
    with_views(|vname, b| {
        let o = IterOptions { maxiter: Some(10), ..Default::default() };
        let tag = |what: &str| format!("{what} b={vname} on {label}");
        p.run(tag("cg"), || drop(cg(a, &b, &o)));
        p.run(tag("gmres"), || drop(gmres(a, &b, &o)));
        p.run(tag("minres"), || drop(minres(a, &b, &o)));
        p.run(tag("lsqr"), || drop(lsqr(a, &b, &LsqrOptions::default())));
        p.run(tag("lsmr"), || drop(lsmr(a, &b, &LsqrOptions::default())));
    });
}

/// Eigensolvers with `k` from 0 to beyond `n`, shifts, and degenerate options.
fn sweep_eigen(p: &mut PanicSweep, label: &str, a: &CsrMatrix<f64>) {
    let (m, n) = a.shape();
    let csc = a.tocsc();
    let af32 = a.map(|v| v as f32);
    let ac = a.map(|v| Complex64::new(v, 0.0));
    let v0_short = Array1::ones(n.saturating_sub(1));
    let v0_zero = Array1::zeros(n);
    let v0_nan = Array1::from_elem(n, f64::NAN);
    let eigsh_opts: Vec<(&str, EigshOptions<'_>)> = vec![
        ("default", EigshOptions::default()),
        ("SA", EigshOptions { which: Which::SA, ..Default::default() }),
        ("BE", EigshOptions { which: Which::BE, ..Default::default() }),
        ("SM", EigshOptions { which: Which::SM, ..Default::default() }),
        ("sigma 0", EigshOptions { sigma: Some(0.0), ..Default::default() }),
        ("sigma NaN", EigshOptions { sigma: Some(f64::NAN), ..Default::default() }),
        (
            "sigma 1 buckling",
            EigshOptions { sigma: Some(1.0), mode: EigshMode::Buckling, ..Default::default() },
        ),
        ("sigma 1 cayley", EigshOptions { sigma: Some(1.0), mode: EigshMode::Cayley, ..Default::default() }),
        ("buckling without sigma", EigshOptions { mode: EigshMode::Buckling, ..Default::default() }),
        ("ncv 0", EigshOptions { ncv: Some(0), ..Default::default() }),
        ("ncv 1", EigshOptions { ncv: Some(1), ..Default::default() }),
        ("ncv 100", EigshOptions { ncv: Some(100), ..Default::default() }),
        ("maxiter 0", EigshOptions { maxiter: Some(0), ..Default::default() }),
        ("maxiter 1", EigshOptions { maxiter: Some(1), ..Default::default() }),
        ("tol -1", EigshOptions { tol: -1.0, ..Default::default() }),
        ("tol NaN", EigshOptions { tol: f64::NAN, ..Default::default() }),
        ("v0 short", EigshOptions { v0: Some(v0_short.clone()), ..Default::default() }),
        ("v0 zero", EigshOptions { v0: Some(v0_zero.clone()), ..Default::default() }),
        ("v0 NaN", EigshOptions { v0: Some(v0_nan.clone()), ..Default::default() }),
        ("M = A", EigshOptions { m: Some(a), ..Default::default() }),
        ("M = A, sigma 0", EigshOptions { m: Some(a), sigma: Some(0.0), ..Default::default() }),
    ];
    let eigs_opts: Vec<(&str, EigsOptions<'_>)> = vec![
        ("default", EigsOptions::default()),
        ("SR", EigsOptions { which: WhichEigs::SR, ..Default::default() }),
        ("SI", EigsOptions { which: WhichEigs::SI, ..Default::default() }),
        ("SM", EigsOptions { which: WhichEigs::SM, ..Default::default() }),
        ("sigma 0", EigsOptions { sigma: Some(0.0), ..Default::default() }),
        (
            "sigma 1+1i imag",
            EigsOptions {
                sigma: Some(1.0),
                sigma_imag: 1.0,
                oppart: Some(OpPart::Imag),
                ..Default::default()
            },
        ),
        ("sigma NaN", EigsOptions { sigma: Some(f64::NAN), ..Default::default() }),
        ("ncv 0", EigsOptions { ncv: Some(0), ..Default::default() }),
        ("ncv 100", EigsOptions { ncv: Some(100), ..Default::default() }),
        ("maxiter 0", EigsOptions { maxiter: Some(0), ..Default::default() }),
        ("tol NaN", EigsOptions { tol: f64::NAN, ..Default::default() }),
        ("v0 short", EigsOptions { v0: Some(v0_short.clone()), ..Default::default() }),
        ("v0 zero", EigsOptions { v0: Some(v0_zero.clone()), ..Default::default() }),
        ("M = A", EigsOptions { m: Some(a), ..Default::default() }),
    ];
    let ks = [0usize, 1, n.saturating_sub(2), n.saturating_sub(1), n, n + 1];
    for k in ks {
        for (oname, o) in &eigsh_opts {
            let tag = |what: &str| format!("{what} k={k} ({oname}) on {label}");
            p.run(tag("eigsh"), || drop(eigsh(a, k, o, None)));
            p.run(tag("eigsh with matrix"), || drop(eigsh(a, k, o, Some(&csc))));
            p.run(tag("eigsh_values"), || drop(eigsh_values(&csc, k, o, None)));
            p.run(tag("svds"), || drop(svds(a, k, o)));
            p.run(tag("svds_values"), || drop(svds_values(a, k, o)));
            p.run(tag("eigsh_f32"), || drop(eigsh_f32(&af32, k, o)));
            p.run(tag("eigsh_values_f32"), || drop(eigsh_values_f32(&af32, k, o)));
            p.run(tag("eigsh_hermitian"), || drop(eigsh_hermitian(&ac, k, o)));
            p.run(tag("eigsh_hermitian_values"), || drop(eigsh_hermitian_values(&ac, k, o)));
        }
        for (oname, o) in &eigs_opts {
            let tag = |what: &str| format!("{what} k={k} ({oname}) on {label}");
            p.run(tag("eigs"), || drop(eigs(a, k, o)));
            p.run(tag("eigs_values"), || drop(eigs_values(a, k, o)));
            p.run(tag("eigs_complex"), || drop(eigs_complex(&ac, k, o)));
            p.run(tag("eigs_f32"), || drop(eigs_f32(&af32, k, o)));
        }
        let x = Array2::from_shape_fn((m, k), |(i, j)| if i == j { 1.0 } else { 0.1 * (i + j) as f64 });
        let y = Array2::from_shape_fn((m, 1), |(i, _)| i as f64);
        let lob: Vec<(&str, LobpcgOptions<'_>)> = vec![
            ("default", LobpcgOptions::default()),
            ("smallest", LobpcgOptions { largest: false, ..Default::default() }),
            ("maxiter 0", LobpcgOptions { maxiter: Some(0), ..Default::default() }),
            ("tol NaN", LobpcgOptions { tol: Some(f64::NAN), ..Default::default() }),
            ("tol -1", LobpcgOptions { tol: Some(-1.0), ..Default::default() }),
            ("B = A", LobpcgOptions { b: Some(a), maxiter: Some(5), ..Default::default() }),
            ("M = A", LobpcgOptions { m: Some(a), maxiter: Some(5), ..Default::default() }),
            ("Y", LobpcgOptions { y: Some(&y), maxiter: Some(5), ..Default::default() }),
            (
                "history",
                LobpcgOptions {
                    ret_lambda_history: true,
                    ret_residual_norms_history: true,
                    ..Default::default()
                },
            ),
            (
                "restart_control -1",
                LobpcgOptions { restart_control: -1, maxiter: Some(5), ..Default::default() },
            ),
        ];
        for (oname, o) in &lob {
            p.run(format!("lobpcg k={k} ({oname}) on {label}"), || drop(lobpcg(a, &x, o)));
        }
        p.run(format!("lobpcg X wrong rows k={k} on {label}"), || {
            drop(lobpcg(a, &Array2::ones((m + 1, k)), &LobpcgOptions::default()))
        });
        p.run(format!("lobpcg X transposed view k={k} on {label}"), || {
            drop(lobpcg(a, &x.t().to_owned().reversed_axes(), &LobpcgOptions::default()))
        });
    }
}

/// `scipy.sparse.csgraph` on every matrix as a graph.
fn sweep_csgraph(p: &mut PanicSweep) {
    for (label, g) in &matrices() {
        let tag = |what: String| format!("{what} on {label}");
        let n = g.shape().0;
        let gi = g.map(|v| if v.is_finite() { v as i64 } else { 1 });
        let gneg = g.map(|v| if v.is_finite() { (-v) as i64 } else { -1 });
        for directed in [true, false] {
            for conn in [Connection::Weak, Connection::Strong] {
                p.run(tag(format!("connected_components {directed} {conn:?}")), || {
                    drop(connected_components(g, directed, conn))
                });
            }
            for unweighted in [false, true] {
                for method in [
                    Method::Auto,
                    Method::Dijkstra,
                    Method::BellmanFord,
                    Method::FloydWarshall,
                    Method::Johnson,
                ] {
                    for idx in [
                        None,
                        Some(&[][..]),
                        Some(&[0][..]),
                        Some(&[1, 0][..]),
                        Some(&[n][..]),
                        Some(&[usize::MAX][..]),
                    ] {
                        p.run(
                            tag(format!("shortest_path {method:?} {directed} {unweighted} {idx:?}")),
                            || drop(shortest_path(g, method, directed, unweighted, idx)),
                        );
                    }
                }
                for idx in [None, Some(&[0][..]), Some(&[n + 3][..])] {
                    let t = |w: &str| tag(format!("{w} {directed} {unweighted} {idx:?}"));
                    p.run(t("dijkstra"), || drop(dijkstra(g, directed, idx, unweighted)));
                    p.run(t("bellman_ford"), || drop(bellman_ford(g, directed, idx, unweighted)));
                    p.run(t("johnson"), || drop(johnson(g, directed, idx, unweighted)));
                    for limit in [f64::INFINITY, 0.0, -1.0, f64::NAN] {
                        let o = DijkstraOptions { directed, unweighted, limit };
                        p.run(t(&format!("dijkstra_with limit {limit}")), || drop(dijkstra_with(g, idx, &o)));
                        p.run(t(&format!("dijkstra_min_only limit {limit}")), || {
                            drop(dijkstra_min_only(g, idx, &o))
                        });
                    }
                }
                p.run(tag(format!("floyd_warshall {directed} {unweighted}")), || {
                    drop(floyd_warshall(g, directed, unweighted))
                });
                for (s, t, k) in
                    [(0usize, 1usize, 0usize), (0, n.saturating_sub(1), 3), (0, 0, 1), (n, 0, 1), (0, n, 2)]
                {
                    p.run(tag(format!("yen {s}->{t} k={k} {directed} {unweighted}")), || {
                        drop(yen(g, s, t, k, directed, unweighted))
                    });
                }
            }
            for start in [0usize, 1, n, usize::MAX] {
                let t = |w: &str| tag(format!("{w} from {start} {directed}"));
                p.run(t("breadth_first_order"), || drop(breadth_first_order(g, start, directed)));
                p.run(t("depth_first_order"), || drop(depth_first_order(g, start, directed)));
                p.run(t("breadth_first_tree"), || drop(breadth_first_tree(g, start, directed)));
                p.run(t("depth_first_tree"), || drop(depth_first_tree(g, start, directed)));
            }
            let preds = [
                Array1::from_elem(n, NULL_PREDECESSOR),
                Array1::from_shape_fn(n, |i| i as i64 - 1),
                Array1::from_elem(n + 1, 0),
                Array1::from_elem(n, i64::MAX),
                Array1::from_elem(n, -1),
            ];
            for (pi, pred) in preds.iter().enumerate() {
                p.run(tag(format!("reconstruct_path #{pi} {directed}")), || {
                    drop(reconstruct_path(g, pred, directed))
                });
                let p2 = pred.clone().insert_axis(sci_array::ndarray::Axis(0));
                p.run(tag(format!("construct_dist_matrix #{pi} {directed}")), || {
                    drop(construct_dist_matrix(g, &p2, directed, f64::INFINITY))
                });
            }
        }
        p.run(tag("minimum_spanning_tree".into()), || drop(minimum_spanning_tree(g)));
        for sym in [true, false] {
            p.run(tag(format!("reverse_cuthill_mckee {sym}")), || drop(reverse_cuthill_mckee(g, sym)));
        }
        for normed in [false, true] {
            p.run(tag(format!("laplacian {normed}")), || drop(laplacian(g, normed)));
            for (use_out_degree, symmetrized) in [(false, false), (true, false), (false, true), (true, true)]
            {
                let o = LaplacianOptions { normed, use_out_degree, symmetrized };
                p.run(tag(format!("laplacian_with {o:?}")), || drop(laplacian_with(g, &o)));
                p.run(tag(format!("laplacian_operator {o:?}")), || {
                    if let Ok((op, _)) = laplacian_operator(g, &o) {
                        let x = Array1::ones(op.shape().1);
                        drop((op.matvec(x.view()), op.rmatvec(x.view())));
                    }
                });
            }
        }
        for null in [0.0, f64::INFINITY, f64::NAN] {
            p.run(tag(format!("csgraph_to_dense {null}")), || drop(csgraph_to_dense(g, null)));
        }
        for pt in [PermType::Row, PermType::Column] {
            p.run(tag(format!("maximum_bipartite_matching {pt:?}")), || {
                drop(maximum_bipartite_matching(g, pt))
            });
        }
        p.run(tag("structural_rank".into()), || {
            let _ = structural_rank(g);
        });
        for maximize in [false, true] {
            p.run(tag(format!("min_weight_full_bipartite_matching {maximize}")), || {
                drop(min_weight_full_bipartite_matching(g, maximize))
            });
        }
        for method in [FlowMethod::Dinic, FlowMethod::EdmondsKarp] {
            for (s, t) in [(0usize, 1usize), (0, 0), (1, 0), (0, n), (n, 0), (usize::MAX, 0)] {
                p.run(tag(format!("maximum_flow {s}->{t} {method:?}")), || {
                    drop(maximum_flow(&gi, s, t, method))
                });
                p.run(tag(format!("maximum_flow negative capacities {s}->{t} {method:?}")), || {
                    drop(maximum_flow(&gneg, s, t, method))
                });
            }
        }
    }
    let huge = CsrMatrix::<i64>::from_parts(
        vec![i64::MAX, i64::MAX, i64::MAX],
        vec![1, 2, 2],
        vec![0, 2, 3, 3],
        (3, 3),
    )
    .unwrap();
    let dup = CsrMatrix::<i64>::from_parts(vec![i64::from(i32::MAX); 2], vec![1, 1], vec![0, 2, 2], (2, 2))
        .unwrap();
    for method in [FlowMethod::Dinic, FlowMethod::EdmondsKarp] {
        p.run(format!("maximum_flow of i64::MAX capacities {method:?}"), || {
            drop(maximum_flow(&huge, 0, 2, method))
        });
        p.run(format!("maximum_flow of duplicate i32::MAX capacities {method:?}"), || {
            drop(maximum_flow(&dup, 0, 1, method))
        });
    }
}

#[test]
fn no_function_panics_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    sweep_constructors(&mut panics);
    sweep_formats(&mut panics);
    sweep_linalg(&mut panics);
    sweep_csgraph(&mut panics);
    panics.finish();
}

/// The 3x3 tridiagonal matrix the regression tests use.
fn spd3() -> CsrMatrix<f64> {
    CsrMatrix::from_dense(&array![[4.0, -1.0, 0.0], [-1.0, 4.0, -1.0], [0.0, -1.0, 4.0]])
}

/// `diagonal(isize::MIN)` negated the offset and overflowed. SciPy:
/// `A.diagonal(k=-2**63)` is `[]` and `A.trace(offset=-2**63)` is `0.0`, as for any offset
/// beyond the matrix.
#[test]
fn diagonal_and_trace_take_any_offset() {
    let a = spd3();
    for k in [isize::MIN, isize::MAX, -10, 10] {
        assert_eq!(a.diagonal(k).len(), 0, "{k}");
        assert_eq!(a.tocsc().diagonal(k).len(), 0, "{k}");
        assert_eq!(a.trace(k), 0.0, "{k}");
        assert_eq!(a.todia().diagonal(k).len(), 0, "{k}");
    }
    assert_eq!(a.diagonal(-1), array![-1.0, -1.0]);
}

/// `tril`/`triu` with `k = isize::MAX` overflowed `row + k`. SciPy, for an offset beyond the
/// matrix (`k=10` on 3x3): `tril` keeps all 7 entries, `triu` none (and the reverse for
/// `k=-10`); `k=2**63-1` only fails there because SciPy's int32 indices cannot hold it.
#[test]
fn tril_triu_take_any_offset() {
    let a = spd3();
    for (k, lower, upper) in [(isize::MAX, 7, 0), (isize::MIN, 0, 7), (10, 7, 0), (-10, 0, 7)] {
        assert_eq!((tril(&a, k).nnz(), triu(&a, k).nnz()), (lower, upper), "{k}");
    }
}

/// A DIA matrix with offset `isize::MAX` overflowed `rows + offset` in every conversion,
/// and `spdiags` with offset `isize::MIN` overflowed `col - offset`. SciPy treats an offset
/// beyond the matrix (`7` on 3x3, for `dia_array` and `spdiags`) as an empty diagonal: all
/// zeros, `nnz == 0`.
#[test]
fn diagonals_beyond_the_matrix_are_empty() {
    for off in [isize::MAX, isize::MIN, 7, -7] {
        let d = DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![off], (3, 3)).unwrap();
        assert_eq!(d.toarray(), Array2::<f64>::zeros((3, 3)), "{off}");
        assert_eq!((d.nnz(), d.tocsr().nnz(), d.tocsc().nnz()), (0, 0, 0), "{off}");
        assert_eq!(d.add(&d).unwrap().toarray(), Array2::<f64>::zeros((3, 3)), "{off}");
        assert_eq!(d.dot(&array![1.0, 1.0, 1.0]).unwrap(), array![0.0, 0.0, 0.0], "{off}");
        let s = spdiags(&[vec![1.0, 2.0, 3.0]], &[off], 3, 3).unwrap();
        assert_eq!((s.shape(), s.nnz()), ((3, 3), 0), "{off}");
    }
}

/// A dimension of `usize::MAX` overflowed `rows + 1` when sizing `indptr` (CSC) or in COO's
/// conversion. SciPy: `csr_array(..., shape=(1, 2**64 - 1))` and `coo_array(...,
/// shape=(2**64 - 1, 1))` raise `OverflowError: Python int too large to convert to C long`.
/// (SciPy refuses every dimension above `2**63 - 1`; here those up to `usize::MAX - 1` stay
/// representable, which `axis_index.rs` relies on for its flat-index overflow case.)
#[test]
fn shapes_of_usize_max_are_refused() {
    let overflow =
        |r: Result<()>| matches!(r, Err(SparseError::IndexOverflow { arg: "shape", dtype: "uint64", .. }));
    assert!(overflow(CsrMatrix::<f64>::from_parts(vec![], vec![], vec![0, 0], (1, usize::MAX)).map(drop)));
    assert!(overflow(CscMatrix::<f64>::from_parts(vec![], vec![], vec![0, 0], (usize::MAX, 1)).map(drop)));
    assert!(overflow(
        CscMatrix::<f64, i64>::from_parts(vec![], vec![], vec![0, 0], (1, usize::MAX)).map(drop)
    ));
    assert!(overflow(CooMatrix::<f64>::new(vec![], vec![], vec![], (usize::MAX, 1)).map(drop)));
    assert!(overflow(CsrMatrix::from_triplets(&[1.0], &[0usize], &[0], (1, usize::MAX)).map(drop)));
    // int64's largest dimension is accepted for a CSR matrix with one row, as by SciPy
    let a = CsrMatrix::<f64>::from_parts(vec![], vec![], vec![0, 0], (1, i64::MAX as usize)).unwrap();
    assert_eq!(a.nnz(), 0);
    // an int64 matrix still names int64 for a dimension beyond it
    let e = CsrMatrix::<f64, i64>::from_parts(vec![], vec![], vec![0, 0], (1, 1 << 63)).unwrap_err();
    assert!(matches!(e, SparseError::IndexOverflow { arg: "shape", dtype: "int64", .. }), "{e}");
    // and the error of a wrong `indptr` is unchanged
    let e = CscMatrix::<f64>::from_parts(vec![], vec![], vec![0, 0], (1, 1 << 40)).unwrap_err();
    assert!(matches!(e, SparseError::InvalidValue { arg: "indptr", .. }), "{e}");
}

/// `expm_multiply` of a matrix with an infinite entry turned the infinite 1-norm into a step
/// count of `usize::MAX` and overflowed `m * s` (or would have looped for ever). SciPy 1.17:
/// an infinite entry raises `ValueError: cannot convert float NaN to integer`, entries of
/// 1e300 `OverflowError: cannot convert float infinity to integer`; a NaN at (0, 1) of
/// `diag(1, 2, 3, 4)` gives `[nan, e^2, e^3, e^4]`.
#[test]
fn expm_multiply_refuses_infinite_norms() {
    let mut dense = spd3().toarray();
    dense[[0, 2]] = f64::INFINITY;
    let b = Array1::<f64>::ones(3);
    let e = expm_multiply(&CsrMatrix::from_dense(&dense), &b).unwrap_err();
    assert!(matches!(e, SparseError::InvalidValue { arg: "A", .. }), "{e}");
    let huge = CsrMatrix::from_dense(&array![[1e300, -1.0], [-1.0, 4.0]]);
    let e = expm_multiply(&huge, &array![1.0, 1.0]).unwrap_err();
    assert!(matches!(e, SparseError::InvalidValue { arg: "A", .. }), "{e}");
    let mut d4 = Array2::from_diag(&array![1.0, 2.0, 3.0, 4.0]);
    d4[[0, 1]] = f64::NAN;
    let y = expm_multiply(&CsrMatrix::from_dense(&d4), &Array1::ones(4)).unwrap();
    assert!(y[0].is_nan(), "{y}");
    for i in 1..4 {
        let want = ((i + 1) as f64).exp();
        assert!((y[i] - want).abs() <= 1e-13 * want, "{y}");
    }
    // a finite matrix still works: exp(diag(1, -2)) [1, 1]
    let d = CsrMatrix::from_dense(&array![[1.0, 0.0], [0.0, -2.0]]);
    let y = expm_multiply(&d, &array![1.0, 1.0]).unwrap();
    assert!((y[0] - 1f64.exp()).abs() < 1e-14 && (y[1] - (-2f64).exp()).abs() < 1e-15);
}

/// `norm` dropped NaN (`f64::max` ignores it) for the 1- and infinity-norms. SciPy 1.17:
/// `norm(A, ord)` of a matrix holding NaN is `nan` for every `ord`.
#[test]
fn norm_propagates_nan() {
    let a = CsrMatrix::from_dense(&array![[f64::NAN, 1.0], [1.0, 2.0]]);
    for ord in [NormOrd::Fro, NormOrd::Inf, NormOrd::NegInf, NormOrd::One, NormOrd::NegOne] {
        assert!(norm(&a, ord).unwrap().is_nan(), "{ord:?}");
    }
    let b = CsrMatrix::from_dense(&array![[-4.0, -3.0], [0.0, 0.0]]);
    assert_eq!((norm(&b, NormOrd::Inf).unwrap(), norm(&b, NormOrd::NegOne).unwrap()), (7.0, 3.0));
}

/// The norms that reduce over an empty axis. SciPy 1.17.1 (`norm(csr_matrix(shape), ord)`):
/// `0x0`, `0x3`, `3x0` have Frobenius norm 0; the `±inf` norms of a matrix without rows and
/// the `±1` norms of one without columns raise "zero-size array to reduction operation
/// maximum (minimum) which has no identity"; over the other, non-empty axis they are 0.
/// `norm` returned 0 or inf for the former.
#[test]
fn norms_of_empty_matrices() {
    let rows = [NormOrd::Inf, NormOrd::NegInf];
    let cols = [NormOrd::One, NormOrd::NegOne];
    for (shape, fails) in
        [((0, 0), [&rows[..], &cols[..]].concat()), ((0, 3), rows.to_vec()), ((3, 0), cols.to_vec())]
    {
        let x = CsrMatrix::<f64>::zeros(shape);
        assert_eq!(norm(&x, NormOrd::Fro).unwrap(), 0.0);
        for ord in [NormOrd::Inf, NormOrd::NegInf, NormOrd::One, NormOrd::NegOne] {
            match norm(&x, ord) {
                Err(SparseError::InvalidValue { arg: "x", reason }) if fails.contains(&ord) => {
                    assert!(reason.contains("zero-size array"), "{reason}")
                }
                Ok(v) if !fails.contains(&ord) => assert_eq!(v, 0.0, "{shape:?} {ord:?}"),
                other => panic!("{shape:?} {ord:?}: {other:?}"),
            }
        }
    }
}

/// An operator whose `matvec` gives a vector of another length than its shape says made
/// every solver panic on a length mismatch. SciPy 1.17: `LinearOperator((3, 3), matvec=lambda
/// x: x[:2])` raises `ValueError: cannot reshape array of size 2 into shape (3,)` (when made,
/// and in `cg`, `gmres`, `eigsh`, ... on its first product).
#[test]
fn operators_of_the_wrong_output_length_are_refused() {
    let short = FnOperator::new((3, 3), |x: ArrayView1<'_, f64>| x.slice(s![..2]).to_owned());
    let b = Array1::<f64>::ones(3);
    let io = IterOptions::default();
    let is_a = |r: Result<()>| matches!(r, Err(SparseError::ShapeMismatch { arg: "A", .. }));
    assert!(is_a(cg(&short, &b, &io).map(drop)));
    assert!(is_a(bicgstab(&short, &b, &io).map(drop)));
    assert!(is_a(gmres(&short, &b, &io).map(drop)));
    assert!(is_a(minres(&short, &b, &io).map(drop)));
    assert!(is_a(lgmres(&short, &b, &io, &LgmresOptions::default()).map(drop)));
    assert!(is_a(gcrotmk(&short, &b, &io, &GcrotmkOptions::default()).map(drop)));
    assert!(is_a(lsqr(&short, &b, &LsqrOptions::default()).map(drop)));
    assert!(is_a(eigsh(&short, 1, &EigshOptions::default(), None).map(drop)));
    assert!(is_a(eigs(&short, 1, &EigsOptions::default()).map(drop)));
    assert!(is_a(onenormest(&short, 2, 5).map(drop)));
    assert!(is_a(lobpcg(&short, &Array2::ones((3, 1)), &LobpcgOptions::default()).map(drop)));
    let e = cg(&short, &b, &io).unwrap_err();
    assert_eq!(
        e.to_string(),
        "`A` has an incompatible shape: expected matvec to give 3 values (shape (3, 3)), got [2]"
    );
    // as a preconditioner
    let eye3 = CsrMatrix::<f64>::identity(3);
    let pre = IterOptions { m: Some(&short), ..Default::default() };
    assert!(matches!(cg(&eye3, &b, &pre), Err(SparseError::ShapeMismatch { arg: "M", .. })));
    // a well-formed operator still solves
    let twice = FnOperator::new((3, 3), |x: ArrayView1<'_, f64>| &x * 2.0);
    let x = cg(&twice, &b, &io).unwrap().x;
    assert!(x.iter().all(|&v| (v - 0.5).abs() < 1e-12), "{x}");
}

/// `maximum_flow` with capacities of `i64::MAX` overflowed the flow sums (Edmonds–Karp) and
/// ran for minutes (Dinic pushes at most `i32::MAX` per path). SciPy computes in int32: with
/// capacities `2**31 - 1` on the edges 0->1, 0->2, 1->2 the flow from 0 to 2 is
/// `4294967294`; larger capacities wrap around to garbage (a flow of 0 for `2**63 - 1`),
/// which is refused here.
#[test]
fn maximum_flow_keeps_scipys_int32_capacities() {
    let graph = |cap: i64| {
        CsrMatrix::<i64>::from_parts(vec![cap; 3], vec![1, 2, 2], vec![0, 2, 3, 3], (3, 3)).unwrap()
    };
    for method in [FlowMethod::Dinic, FlowMethod::EdmondsKarp] {
        let r = maximum_flow(&graph(i64::from(i32::MAX)), 0, 2, method).unwrap();
        assert_eq!(r.flow_value, 4_294_967_294, "{method:?}");
        for cap in [i64::MAX, 1 << 31] {
            let e = maximum_flow(&graph(cap), 0, 2, method).unwrap_err();
            assert!(matches!(e, SparseError::InvalidValue { arg: "csgraph", .. }), "{method:?}: {e}");
        }
    }
}

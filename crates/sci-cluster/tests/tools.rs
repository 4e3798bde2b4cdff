//! The hierarchy tools around linkage against SciPy (fixtures from
//! `tools/fixtures/cluster_tools.py`).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_cluster::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tools.json")).expect("fixture")
}

fn a1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn a2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn i1(f: &Fixture, p: &str) -> Vec<i64> {
    f.array_i64(p).iter().copied().collect()
}

fn i2(f: &Fixture, p: &str) -> Array2<i64> {
    f.array_i64(p).into_dimensionality::<Ix2>().unwrap()
}

fn method(name: &str) -> Method {
    match name {
        "single" => Method::Single,
        "complete" => Method::Complete,
        "average" => Method::Average,
        "weighted" => Method::Weighted,
        "ward" => Method::Ward,
        "centroid" => Method::Centroid,
        "median" => Method::Median,
        other => panic!("method {other}"),
    }
}

fn shortcut(name: &str, x: &Array2<f64>, y: &Array1<f64>) -> (Array2<f64>, Array2<f64>) {
    let f: fn(&Array2<f64>) -> sci_cluster::Result<Array2<f64>> = match name {
        "single" => single,
        "complete" => complete,
        "average" => average,
        "weighted" => weighted,
        "ward" => ward,
        "centroid" => centroid,
        "median" => median,
        other => panic!("method {other}"),
    };
    let g: fn(&Array1<f64>) -> sci_cluster::Result<Array2<f64>> = match name {
        "single" => single,
        "complete" => complete,
        "average" => average,
        "weighted" => weighted,
        "ward" => ward,
        "centroid" => centroid,
        "median" => median,
        other => panic!("method {other}"),
    };
    (f(x).unwrap(), g(y).unwrap())
}

fn ints(v: &[usize]) -> Vec<i64> {
    v.iter().map(|&x| x as i64).collect()
}

#[test]
fn hierarchy_tools_match_scipy() {
    let f = fx();
    let ncases = f.get("cases").as_array().unwrap().len();
    assert_eq!(ncases, 42);
    for c in 0..ncases {
        let p = |k: &str| format!("cases/{c}/{k}");
        let what = format!("{} {}", f.str(&p("data")), f.str(&p("method")));
        let x = a2(&f, &p("X"));
        let y = a1(&f, &p("y"));
        let z = a2(&f, &p("Z"));
        let n = x.nrows();
        let m = f.str(&p("method"));
        // The shortcuts are linkage itself: exactly SciPy's linkage on condensed input (the
        // linkage tests check that), and the observation form agrees with SciPy's to
        // round-off of the distances.
        let (zo, zy) = shortcut(m, &x, &y);
        assert_eq!(zy, linkage(&y, method(m)).unwrap(), "{what}: shortcut on y");
        check_allclose(&zo, &a2(&f, &p("shortcut_obs")), 1e-13, 1e-14)
            .unwrap_or_else(|e| panic!("{what}: {e}"));

        // Pure bookkeeping on Z: exact.
        assert_eq!(cophenet(&z).unwrap(), a1(&f, &p("cophenet")), "{what}: cophenet");
        let (cc, _) = cophenet_correlation(&z, &y).unwrap();
        let want_c = f.f64(&p("cophenet_c"));
        assert!(cc == want_c || (cc.is_nan() && want_c.is_nan()), "{what}: c {cc} vs {want_c}");
        for d in [0usize, 1, 2, 3, 5] {
            let got = inconsistent(&z, d).unwrap();
            let want = a2(&f, &p(&format!("inconsistent/{d}")));
            // Same summation order as SciPy: exact.
            assert_eq!(got, want, "{what}: inconsistent d={d}");
        }
        assert_eq!(maxdists(&z).unwrap(), a1(&f, &p("maxdists")), "{what}: maxdists");
        let r = inconsistent(&z, 2).unwrap();
        assert_eq!(maxinconsts(&z, &r).unwrap(), a1(&f, &p("maxinconsts")), "{what}: maxinconsts");
        for i in 0..4 {
            assert_eq!(
                max_r_stat(&z, &r, i).unwrap(),
                a1(&f, &p(&format!("maxRstat/{i}"))),
                "{what}: maxRstat {i}"
            );
        }
        assert_eq!(ints(leaves_list(&z).unwrap().as_slice().unwrap()), i1(&f, &p("leaves_list")), "{what}");
        assert_eq!(is_monotonic(&z).unwrap(), f.get(&p("is_monotonic")).as_bool().unwrap(), "{what}");
        let tree = to_tree(&z).unwrap();
        assert_eq!(tree.nodes().len(), 2 * n - 1);
        for id in 0..2 * n - 1 {
            assert_eq!(
                ints(&tree.pre_order(id)),
                i1(&f, &p(&format!("pre_order/{id}"))),
                "{what}: node {id}"
            );
            let nd = tree.node(id).unwrap();
            assert_eq!(nd.id, id);
            if id >= n {
                assert_eq!(nd.dist, z[[id - n, 2]]);
                assert_eq!(nd.count as f64, z[[id - n, 3]]);
                assert_eq!(nd.left, Some(z[[id - n, 0]] as usize));
                assert_eq!(nd.right, Some(z[[id - n, 1]] as usize));
            } else {
                assert!(nd.is_leaf());
            }
        }
        assert_eq!(tree.root().id, 2 * n - 2);
        assert_eq!(cut_tree(&z, &Cut::All).unwrap(), i2(&f, &p("cut_tree_all")), "{what}: cut_tree");
        let ks: Vec<usize> = i1(&f, &p("cut_tree_n/k")).iter().map(|&k| k as usize).collect();
        assert_eq!(cut_tree(&z, &Cut::NClusters(ks)).unwrap(), i2(&f, &p("cut_tree_n/groups")), "{what}");
        let hs = a1(&f, &p("cut_tree_h/h")).to_vec();
        assert_eq!(cut_tree(&z, &Cut::Heights(hs)).unwrap(), i2(&f, &p("cut_tree_h/groups")), "{what}");
        let mz = to_mlab_linkage(&z).unwrap();
        assert_eq!(mz, a2(&f, &p("mlab")));
        assert_eq!(from_mlab_linkage(&mz).unwrap(), a2(&f, &p("from_mlab")));
        assert!(is_valid_linkage(&z) && check_linkage(&z, None).is_ok());
        assert!(correspond(&z, &y).unwrap());
        assert_eq!(num_obs_linkage(&z).unwrap(), n);

        for key in f.get(&p("fcluster_inconsistent")).as_object().unwrap().keys() {
            let (t, depth) = key.split_once('_').unwrap();
            let crit = Criterion::Inconsistent { t: t.parse().unwrap(), depth: depth.parse().unwrap() };
            let got: Vec<i64> = fcluster(&z, crit).unwrap().iter().map(|&v| i64::from(v)).collect();
            assert_eq!(
                got,
                i1(&f, &p(&format!("fcluster_inconsistent/{key}"))),
                "{what}: inconsistent {key}"
            );
        }
        // The same merges, mirrored exactly where SciPy mirrors them.
        assert_eq!(
            optimal_leaf_ordering(&z, &y).unwrap(),
            a2(&f, &p("optimal_leaf_ordering")),
            "{what}: olo"
        );
        for key in f.get(&p("fcluster_monocrit")).as_object().unwrap().keys() {
            let q = |k: &str| p(&format!("fcluster_monocrit/{key}/{k}"));
            let got = fcluster_monocrit(&z, f.f64(&q("t")), &a1(&f, &q("mc"))).unwrap();
            let got: Vec<i64> = got.iter().map(|&v| i64::from(v)).collect();
            assert_eq!(got, i1(&f, &q("labels")), "{what}: monocrit {key}");
        }
        for key in f.get(&p("fcluster_maxclust_monocrit")).as_object().unwrap().keys() {
            let q = |k: &str| p(&format!("fcluster_maxclust_monocrit/{key}/{k}"));
            let got = fcluster_maxclust_monocrit(&z, f.i64(&q("t")) as usize, &a1(&f, &q("mc"))).unwrap();
            let got: Vec<i64> = got.iter().map(|&v| i64::from(v)).collect();
            assert_eq!(got, i1(&f, &q("labels")), "{what}: maxclust_monocrit {key}");
        }
        for key in f.get(&p("fclusterdata")).as_object().unwrap().keys() {
            let crit = Criterion::Inconsistent { t: key.parse().unwrap(), depth: 2 };
            let got = fclusterdata(&x, crit, method(m)).unwrap();
            // The observation path recomputes distances, so Z may differ from SciPy's in the
            // last bit; the labels must not.
            let got: Vec<i64> = got.iter().map(|&v| i64::from(v)).collect();
            assert_eq!(got, i1(&f, &p(&format!("fclusterdata/{key}"))), "{what}: fclusterdata {key}");
        }
        for key in f.get(&p("leaders")).as_object().unwrap().keys() {
            let t: Array1<i32> =
                f.array_i64(&p(&format!("leaders/{key}/T"))).iter().map(|&v| v as i32).collect();
            let (l, mm) = leaders(&z, &t).unwrap();
            let l: Vec<i64> = l.iter().map(|&v| i64::from(v)).collect();
            let mm: Vec<i64> = mm.iter().map(|&v| i64::from(v)).collect();
            assert_eq!(l, i1(&f, &p(&format!("leaders/{key}/L"))), "{what}: leaders {key}");
            assert_eq!(mm, i1(&f, &p(&format!("leaders/{key}/M"))), "{what}: leaders {key}");
        }
    }
}

#[test]
fn validity_checks_give_scipys_messages() {
    let f = fx();
    for key in f.get("bad_linkage").as_object().unwrap().keys() {
        let p = |k: &str| format!("bad_linkage/{key}/{k}");
        let z = a2(&f, &p("Z"));
        assert_eq!(is_valid_linkage(&z), f.get(&p("valid")).as_bool().unwrap(), "{key}");
        match f.get(&p("message")).as_str() {
            Some(msg) => {
                let e = check_linkage(&z, Some("Z")).unwrap_err();
                assert_eq!(e, ClusterError::InvalidLinkage { what: msg.to_string() }, "{key}");
                // Every function taking a linkage matrix runs the same check.
                assert!(cophenet(&z).is_err() && inconsistent(&z, 2).is_err() && to_tree(&z).is_err());
            }
            // SciPy passes a one-row matrix unchecked; this crate still rejects a self merge.
            None => assert!(check_linkage(&z, Some("Z")).is_err(), "{key}"),
        }
    }
    for key in f.get("bad_im").as_object().unwrap().keys() {
        let p = |k: &str| format!("bad_im/{key}/{k}");
        let r = a2(&f, &p("R"));
        assert_eq!(is_valid_im(&r), f.get(&p("valid")).as_bool().unwrap(), "{key}");
        let msg = f.str(&p("message")).to_string();
        assert_eq!(check_im(&r, Some("R")).unwrap_err(), ClusterError::InvalidInconsistency { what: msg });
    }
    let n = f.get("is_isomorphic").as_array().unwrap().len();
    for k in 0..n {
        let t1 = f.array_i64(&format!("is_isomorphic/{k}/t1")).into_dimensionality::<Ix1>().unwrap();
        let t2 = f.array_i64(&format!("is_isomorphic/{k}/t2")).into_dimensionality::<Ix1>().unwrap();
        let want = f.get(&format!("is_isomorphic/{k}/result")).as_bool().unwrap();
        assert_eq!(is_isomorphic(&t1, &t2).unwrap(), want, "{t1} {t2}");
    }
    // One observation: SciPy cannot build a linkage ("The number of observations cannot be
    // determined on an empty distance matrix."); neither can this crate.
    assert!(!f.str("one_observation_error").is_empty());
    assert!(single(&array![[1.0, 2.0]]).is_err());
}

#[test]
fn bad_input() {
    let z = linkage(&array![1.0, 3.0, 2.0], Method::Single).unwrap();
    let r = inconsistent(&z, 2).unwrap();
    let wrong_count = array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 2.0]];
    let table: Vec<(&str, sci_cluster::Result<String>)> = vec![
        ("3-d shortcut", single(&sci_array::ndarray::Array3::<f64>::zeros((2, 2, 2))).map(|z| z.to_string())),
        ("condensed length", complete(&array![1.0, 2.0]).map(|z| z.to_string())),
        ("Y length", cophenet_correlation(&z, &array![1.0, 2.0]).map(|c| c.0.to_string())),
        ("Y other n", cophenet_correlation(&z, &array![1.0]).map(|c| c.0.to_string())),
        ("Y empty", correspond(&z, &Array1::<f64>::zeros(0)).map(|c| c.to_string())),
        ("R rows", maxinconsts(&z, &r.slice(s![..1, ..])).map(|c| c.to_string())),
        ("R column", max_r_stat(&z, &r, 4).map(|c| c.to_string())),
        ("T length", leaders(&z, &array![1, 1]).map(|c| format!("{c:?}"))),
        ("T not flat", leaders(&z, &array![1, 2, 1]).map(|c| format!("{c:?}"))),
        ("count", to_tree(&wrong_count).map(|t| format!("{t:?}"))),
        ("cut count", cut_tree(&wrong_count, &Cut::All).map(|t| t.to_string())),
        ("T1 T2", is_isomorphic(&array![1, 2], &array![1]).map(|b| b.to_string())),
        ("mlab 1..N", from_mlab_linkage(&array![[0.0, 1.0, 1.0], [2.0, 3.0, 2.0]]).map(|z| z.to_string())),
        ("mlab columns", from_mlab_linkage(&array![[1.0, 2.0]]).map(|z| z.to_string())),
        (
            "mlab fraction",
            from_mlab_linkage(&array![[1.0, 2.5, 1.0], [3.0, 4.0, 2.0]]).map(|z| z.to_string()),
        ),
        ("to mlab", to_mlab_linkage(&Array2::<f64>::zeros((0, 4))).map(|z| z.to_string())),
        ("olo y length", optimal_leaf_ordering(&z, &array![1.0]).map(|z| z.to_string())),
        ("olo y binomial", optimal_leaf_ordering(&z, &array![1.0, 2.0]).map(|z| z.to_string())),
        ("olo y NaN", optimal_leaf_ordering(&z, &array![1.0, f64::NAN, 2.0]).map(|z| z.to_string())),
        (
            "olo y 3-d",
            optimal_leaf_ordering(&z, &sci_array::ndarray::Array3::<f64>::zeros((1, 1, 1)))
                .map(|z| z.to_string()),
        ),
        ("olo obs count", optimal_leaf_ordering(&z, &array![[0.0], [1.0]]).map(|z| z.to_string())),
        ("monocrit length", fcluster_monocrit(&z, 1.0, &array![1.0]).map(|z| z.to_string())),
        ("maxclust_monocrit length", fcluster_maxclust_monocrit(&z, 1, &array![1.0]).map(|z| z.to_string())),
        (
            "maxclust_monocrit t=0",
            fcluster_maxclust_monocrit(&z, 0, &array![1.0, 2.0]).map(|z| z.to_string()),
        ),
    ];
    for (what, res) in table {
        let e = res.expect_err(what);
        assert!(!e.to_string().is_empty(), "{what}");
    }
    assert!(
        leaders(&z, &array![1, 2, 1]).unwrap_err().to_string().contains("T is not a valid assignment vector")
    );
    assert!(
        to_tree(&wrong_count)
            .unwrap_err()
            .to_string()
            .contains("Corrupt matrix Z. The count Z[1,3] is incorrect.")
    );
    // SciPy returns an empty MATLAB matrix unchanged.
    assert_eq!(from_mlab_linkage(&Array2::<f64>::zeros((0, 3))).unwrap().dim(), (0, 3));
}

#[test]
fn views_and_quirks() {
    // A transposed (non-contiguous) linkage matrix gives the same answers.
    let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Average).unwrap();
    let zt = z.t().to_owned();
    let view = zt.t();
    assert_eq!(cophenet(&view).unwrap(), cophenet(&z).unwrap());
    assert_eq!(inconsistent(&view, 2).unwrap(), inconsistent(&z, 2).unwrap());
    // SciPy's cut_tree quirk: a request for the unmerged level that is not the first column
    // stays zero (SciPy: cut_tree(Z, n_clusters=[2, 4]) -> columns [0 0 1 1] and [0 0 0 0]).
    let c = cut_tree(&z, &Cut::NClusters(vec![2, 4])).unwrap();
    assert_eq!(c, array![[0, 0], [0, 0], [1, 0], [1, 0]]);
    // n_clusters=[0, 5]: the first column is the unmerged level, as in SciPy.
    let c = cut_tree(&z, &Cut::NClusters(vec![0, 5])).unwrap();
    assert_eq!(c, array![[0, 0], [1, 0], [2, 0], [3, 0]]);
    // A NaN height sorts after every merge: one cluster.
    let c = cut_tree(&z, &Cut::Heights(vec![f64::NAN, 1.5])).unwrap();
    assert_eq!(c, array![[0, 0], [0, 0], [0, 1], [0, 1]]);
    // SciPy's is_isomorphic answers true here although the partitions differ.
    assert!(is_isomorphic(&array![1, 2, 3, 4], &array![1, 2, 1, 2]).unwrap());
}

fn strings(f: &Fixture, p: &str) -> Vec<String> {
    f.get(p).as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

fn quads(f: &Fixture, p: &str) -> Vec<[f64; 4]> {
    let a = a2(f, p);
    a.rows().into_iter().map(|r| [r[0], r[1], r[2], r[3]]).collect()
}

#[test]
fn dendrogram_layout_matches_scipy() {
    let f = fx();
    let ncases = f.get("cases").as_array().unwrap().len();
    let mut checked = 0;
    for c in 0..ncases {
        let z = a2(&f, &format!("cases/{c}/Z"));
        let nd = f.get(&format!("cases/{c}/dendrogram")).as_array().unwrap().len();
        for k in 0..nd {
            let p = |key: &str| format!("cases/{c}/dendrogram/{k}/{key}");
            let o = f.get(&p("opts")).as_object().unwrap();
            let mut opts = DendrogramOptions::default();
            for (key, v) in o {
                match key.as_str() {
                    "count_sort" => {
                        opts.sort = if v == "ascending" {
                            LeafSort::CountAscending
                        } else {
                            LeafSort::CountDescending
                        }
                    }
                    "distance_sort" => {
                        opts.sort = if v == "ascending" {
                            LeafSort::DistanceAscending
                        } else {
                            LeafSort::DistanceDescending
                        }
                    }
                    "color_threshold" => opts.color_threshold = Some(f.f64(&p("opts/color_threshold"))),
                    "truncate_mode" => {
                        let pp = f.i64(&p("opts/p")) as usize;
                        opts.truncate = if v == "lastp" { Truncate::LastP(pp) } else { Truncate::Level(pp) };
                    }
                    "p" => {}
                    "show_leaf_counts" => opts.show_leaf_counts = v.as_bool().unwrap(),
                    "labels" => opts.labels = Some(strings(&f, &p("opts/labels"))),
                    "above_threshold_color" => opts.above_threshold_color = v.as_str().unwrap().to_string(),
                    other => panic!("option {other}"),
                }
            }
            let what = format!("case {c} dendrogram {o:?}");
            let d = dendrogram(&z, &opts).unwrap();
            // Sums and halves of leaf positions and copies of Z's distances: exact.
            assert_eq!(d.icoord, quads(&f, &p("icoord")), "{what}");
            assert_eq!(d.dcoord, quads(&f, &p("dcoord")), "{what}");
            assert_eq!(d.ivl, strings(&f, &p("ivl")), "{what}");
            assert_eq!(ints(&d.leaves), i1(&f, &p("leaves")), "{what}");
            assert_eq!(d.color_list, strings(&f, &p("color_list")), "{what}");
            let lc: Vec<String> = d.leaves_color_list.iter().map(|c| c.clone().unwrap_or_default()).collect();
            assert_eq!(lc, strings(&f, &p("leaves_color_list")), "{what}");
            checked += 1;
        }
    }
    assert_eq!(checked, 42 * 12);
    // Bad input.
    let z = linkage(&array![1.0, 3.0, 2.0], Method::Single).unwrap();
    let bad_labels = DendrogramOptions { labels: Some(vec!["a".into()]), ..Default::default() };
    assert!(dendrogram(&z, &bad_labels).unwrap_err().to_string().contains("Dimensions of Z and labels"));
    let no_palette = DendrogramOptions { palette: vec![], ..Default::default() };
    assert!(dendrogram(&z, &no_palette).is_err());
    assert!(dendrogram(&Array2::<f64>::zeros((0, 4)), &DendrogramOptions::default()).is_err());
}

/// A chain of 20000 merges: the layout walks the tree without recursion.
#[test]
fn dendrogram_of_a_deep_chain() {
    let n = 20_000;
    let z = Array2::from_shape_fn((n - 1, 4), |(i, j)| match j {
        0 => {
            if i == 0 {
                0.0
            } else {
                (n + i - 1) as f64
            }
        }
        1 => (i + 1) as f64,
        2 => (i + 1) as f64,
        _ => (i + 2) as f64,
    });
    let d = dendrogram(&z, &DendrogramOptions::default()).unwrap();
    assert_eq!(d.leaves.len(), n);
    assert_eq!(d.leaves[..3], [0, 1, 2]);
    assert_eq!(leaves_list(&z).unwrap().len(), n);
    assert_eq!(maxdists(&z).unwrap()[n - 2], (n - 1) as f64);
}

#[test]
fn disjoint_set_matches_scipy() {
    let f = fx();
    let order: Vec<i64> = i1(&f, "disjoint_set/order");
    let mut ds = DisjointSet::from_elements(order.iter().copied());
    assert_eq!(ds.len(), 40);
    assert_eq!(ds.iter().copied().collect::<Vec<_>>(), order);
    let n = f.get("disjoint_set/steps").as_array().unwrap().len();
    for k in 0..n {
        let p = |key: &str| format!("disjoint_set/steps/{k}/{key}");
        let (a, b) = (f.i64(&p("a")), f.i64(&p("b")));
        assert_eq!(ds.merge(&a, &b), Some(f.get(&p("merged")).as_bool().unwrap()), "step {k}");
        assert_eq!(ds.n_subsets() as i64, f.i64(&p("n_subsets")));
        let roots: Vec<i64> = (0..40).map(|v| *ds.root(&v).unwrap()).collect();
        assert_eq!(roots, i1(&f, &p("roots")), "step {k}");
        let sizes: Vec<i64> = (0..40).map(|v| ds.subset_size(&v).unwrap() as i64).collect();
        assert_eq!(sizes, i1(&f, &p("sizes")), "step {k}");
    }
    // SciPy's subsets are sets: compare each sorted, in SciPy's order of subsets.
    let got: Vec<Vec<i64>> = ds
        .subsets()
        .into_iter()
        .map(|mut s| {
            s.sort_unstable();
            s
        })
        .collect();
    let m = f.get("disjoint_set/subsets").as_array().unwrap().len();
    let want: Vec<Vec<i64>> = (0..m).map(|k| i1(&f, &format!("disjoint_set/subsets/{k}"))).collect();
    assert_eq!(got, want);
    // Missing elements: SciPy raises KeyError.
    assert_eq!(ds.root(&100), None);
    assert_eq!(ds.merge(&0, &100), None);
    assert_eq!(ds.connected(&100, &0), None);
    assert_eq!(ds.subset(&-1), None);
    assert_eq!(ds.subset_size(&-1), None);
    assert!(!ds.contains(&100) && ds.contains(&0));
    let mut empty = DisjointSet::<u8>::new();
    assert!(empty.is_empty() && empty.subsets().is_empty() && empty.n_subsets() == 0);
    empty.add(3);
    empty.add(3);
    assert_eq!((empty.len(), empty.n_subsets(), empty.subset(&3)), (1, 1, Some(vec![3])));
    assert_eq!(empty.merge(&3, &3), Some(false));
}

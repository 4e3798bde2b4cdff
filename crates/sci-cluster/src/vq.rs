//! Vector quantization and k-means: `scipy.cluster.vq`'s `whiten`, `vq`, `kmeans` and `kmeans2`.

use crate::error::{ClusterError, Result};
use ndarray::{Array1, Array2, ArrayBase, Axis, Data, Ix2};
use sci_array::random::{ChoiceOptions, default_rng};

fn check_obs<S: Data<Elem = f64>>(obs: &ArrayBase<S, Ix2>) -> Result<()> {
    if obs.is_empty() {
        return Err(ClusterError::InvalidValue {
            arg: "obs",
            expected: "a non-empty observation matrix",
            found: format!("shape {:?}", obs.shape()),
        });
    }
    if !obs.iter().all(|v| v.is_finite()) {
        return Err(ClusterError::NotFinite { arg: "observations" });
    }
    Ok(())
}

/// Scales each feature (column) to unit standard deviation; columns with zero deviation are
/// left unchanged (SciPy warns about them).
///
/// # Errors
///
/// [`ClusterError::NotFinite`] and [`ClusterError::InvalidValue`] for an empty matrix.
///
/// # Examples
///
/// ```
/// use sci_cluster::whiten;
/// use sci_cluster::sci_array::ndarray::array;
/// let w = whiten(&array![[1.0, 5.0], [3.0, 5.0]])?;
/// assert_eq!(w, array![[1.0, 5.0], [3.0, 5.0]]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.vq.whiten`.
pub fn whiten<S: Data<Elem = f64>>(obs: &ArrayBase<S, Ix2>) -> Result<Array2<f64>> {
    check_obs(obs)?;
    let mut std = obs.std_axis(Axis(0), 0.0);
    std.mapv_inplace(|s| if s == 0.0 { 1.0 } else { s });
    Ok(obs / &std)
}

/// Assigns each observation to its nearest code (Euclidean; the first on ties): the code
/// indices and the distances.
///
/// # Errors
///
/// [`ClusterError::InvalidValue`] when the code book's columns differ from the observations',
/// or either is empty; [`ClusterError::NotFinite`].
///
/// # Examples
///
/// ```
/// use sci_cluster::vq;
/// use sci_cluster::sci_array::ndarray::array;
/// let (code, dist) = vq(&array![[1.9, 2.3], [1.5, 2.5], [0.8, 0.6]], &array![[1.0, 1.0], [2.0, 2.0]])?;
/// assert_eq!(code, array![1, 1, 0]);
/// assert!((dist[2] - (0.04f64 + 0.16).sqrt()).abs() < 1e-15);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.vq.vq`.
pub fn vq<S1, S2>(
    obs: &ArrayBase<S1, Ix2>,
    code_book: &ArrayBase<S2, Ix2>,
) -> Result<(Array1<usize>, Array1<f64>)>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    check_obs(obs)?;
    check_obs(code_book)?;
    if code_book.ncols() != obs.ncols() {
        return Err(ClusterError::InvalidValue {
            arg: "code_book",
            expected: "as many columns as obs",
            found: format!("{} and {}", code_book.ncols(), obs.ncols()),
        });
    }
    let n = obs.nrows();
    let mut code = Array1::zeros(n);
    let mut dist = Array1::zeros(n);
    for (i, o) in obs.rows().into_iter().enumerate() {
        let mut best = f64::INFINITY;
        let mut arg = 0;
        for (j, c) in code_book.rows().into_iter().enumerate() {
            let d: f64 = o.iter().zip(c.iter()).map(|(a, b)| (a - b) * (a - b)).sum();
            if d < best {
                best = d;
                arg = j;
            }
        }
        code[i] = arg;
        dist[i] = best.sqrt();
    }
    Ok((code, dist))
}

/// Means of the observations of each label, and which labels have members.
fn update_means<S: Data<Elem = f64>>(
    obs: &ArrayBase<S, Ix2>,
    labels: &Array1<usize>,
    nc: usize,
) -> (Array2<f64>, Vec<bool>) {
    let mut sums = Array2::zeros((nc, obs.ncols()));
    let mut counts = vec![0usize; nc];
    for (o, &l) in obs.rows().into_iter().zip(labels.iter()) {
        let mut row = sums.row_mut(l);
        row += &o;
        counts[l] += 1;
    }
    for (mut row, &c) in sums.rows_mut().into_iter().zip(&counts) {
        if c > 0 {
            row /= c as f64;
        }
    }
    (sums, counts.iter().map(|&c| c > 0).collect())
}

/// The result of [`kmeans`].
#[derive(Debug, Clone, PartialEq)]
pub struct KMeans {
    /// The final code book (clusters that lost all members are dropped, as in SciPy).
    pub code_book: Array2<f64>,
    /// The mean distance of the observations to their nearest code at the last pass.
    pub distortion: f64,
}

/// Lloyd's k-means from the initial code book `guess`, until the mean distortion changes by
/// no more than `thresh` (SciPy's `kmeans` with an array `k_or_guess`).
///
/// # Errors
///
/// As [`vq`]; [`ClusterError::InvalidValue`] for a negative or NaN `thresh`.
///
/// # Examples
///
/// ```
/// use sci_cluster::kmeans;
/// use sci_cluster::sci_array::ndarray::array;
/// let obs = array![[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0]];
/// let r = kmeans(&obs, &array![[1.0, 1.0], [9.0, 9.0]], 1e-5)?;
/// assert_eq!(r.code_book, array![[0.0, 0.5], [10.0, 10.5]]);
/// assert_eq!(r.distortion, 0.5);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.vq.kmeans(obs, guess, thresh=thresh)` (an integer `k` with
/// random restarts is not implemented; use [`kmeans2`]).
pub fn kmeans<S1, S2>(obs: &ArrayBase<S1, Ix2>, guess: &ArrayBase<S2, Ix2>, thresh: f64) -> Result<KMeans>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if thresh.is_nan() || thresh < 0.0 {
        return Err(ClusterError::InvalidValue {
            arg: "thresh",
            expected: "non-negative",
            found: thresh.to_string(),
        });
    }
    let mut code_book = guess.to_owned();
    let mut prev = [f64::INFINITY, f64::INFINITY];
    let mut diff = f64::INFINITY;
    while diff > thresh {
        let (codes, dist) = vq(obs, &code_book)?;
        prev = [prev[1], dist.mean().unwrap_or(0.0)];
        let (means, has) = update_means(obs, &codes, code_book.nrows());
        let keep: Vec<usize> = (0..has.len()).filter(|&i| has[i]).collect();
        code_book = means.select(Axis(0), &keep);
        diff = (prev[0] - prev[1]).abs();
    }
    Ok(KMeans { code_book, distortion: prev[1] })
}

/// How [`kmeans2`] picks its initial centroids (SciPy's `minit`).
#[derive(Debug, Clone, PartialEq)]
pub enum Init {
    /// `k` distinct observations drawn by `default_rng(seed).choice` (`'points'`).
    Points {
        /// Number of clusters.
        k: usize,
        /// Seed of NumPy's `default_rng` (SciPy's `rng=seed`): the same seed picks the same points.
        seed: u64,
    },
    /// k-means++ seeding (`'++'`) with `default_rng(seed)`.
    PlusPlus {
        /// Number of clusters.
        k: usize,
        /// Seed of NumPy's `default_rng`.
        seed: u64,
    },
    /// These centroids (`minit='matrix'`).
    Matrix(Array2<f64>),
}

/// Lloyd's k-means for `iter` passes from the initial centroids of `init` (SciPy's `kmeans2`):
/// the centroids and the label of each observation (from the last assignment pass). Empty
/// clusters keep their previous centroid (SciPy's default `missing='warn'`).
///
/// # Errors
///
/// As [`vq`]; [`ClusterError::InvalidValue`] for `iter == 0`, `k == 0` or `k` larger than the
/// number of observations with `Points`.
///
/// # Examples
///
/// ```
/// use sci_cluster::{kmeans2, Init};
/// use sci_cluster::sci_array::ndarray::array;
/// let obs = array![[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0]];
/// let (centroids, labels) = kmeans2(&obs, &Init::Matrix(array![[1.0, 1.0], [9.0, 9.0]]), 10)?;
/// assert_eq!(centroids, array![[0.0, 0.5], [10.0, 10.5]]);
/// assert_eq!(labels, array![0, 0, 1, 1]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.vq.kmeans2(data, k, iter, minit, rng=seed)` for 2-d data
/// and `minit` 'points', '++' or 'matrix' ('random' is not implemented).
pub fn kmeans2<S: Data<Elem = f64>>(
    data: &ArrayBase<S, Ix2>,
    init: &Init,
    iter: usize,
) -> Result<(Array2<f64>, Array1<usize>)> {
    check_obs(data)?;
    if iter == 0 {
        return Err(ClusterError::InvalidValue {
            arg: "iter",
            expected: "a positive integer",
            found: "0".into(),
        });
    }
    let n = data.nrows();
    let mut code_book = match init {
        Init::Matrix(m) => m.clone(),
        Init::Points { k, seed } => {
            if *k == 0 || *k > n {
                return Err(ClusterError::InvalidValue {
                    arg: "k",
                    expected: "between 1 and the number of observations",
                    found: k.to_string(),
                });
            }
            let mut rng = default_rng(*seed);
            let opts = ChoiceOptions { replace: false, ..Default::default() };
            let idx = rng.choice(n, *k, &opts).map_err(|e| ClusterError::InvalidValue {
                arg: "k",
                expected: "a valid sample size",
                found: e.to_string(),
            })?;
            let idx: Vec<usize> = idx.iter().map(|&i| i as usize).collect();
            data.select(Axis(0), &idx)
        }
        Init::PlusPlus { k, seed } => {
            if *k == 0 {
                return Err(ClusterError::InvalidValue {
                    arg: "k",
                    expected: "at least 1",
                    found: "0".into(),
                });
            }
            kpp(data, *k, *seed)?
        }
    };
    let nc = code_book.nrows();
    let mut labels = Array1::zeros(n);
    for _ in 0..iter {
        labels = vq(data, &code_book)?.0;
        let (mut means, has) = update_means(data, &labels, nc);
        for (j, &h) in has.iter().enumerate() {
            if !h {
                means.row_mut(j).assign(&code_book.row(j));
            }
        }
        code_book = means;
    }
    Ok((code_book, labels))
}

/// k-means++ seeding as SciPy's `_kpp`: the first centre uniformly, each next one with
/// probability proportional to the squared distance to the nearest chosen centre.
fn kpp<S: Data<Elem = f64>>(data: &ArrayBase<S, Ix2>, k: usize, seed: u64) -> Result<Array2<f64>> {
    let n = data.nrows();
    let mut rng = default_rng(seed);
    let rng_err = |e: sci_array::ArrayError| ClusterError::InvalidValue {
        arg: "k",
        expected: "a valid sample size",
        found: e.to_string(),
    };
    let mut init = Array2::zeros((k, data.ncols()));
    for i in 0..k {
        let idx = if i == 0 {
            rng.integers(0, n as i64, 1).map_err(rng_err)?[0] as usize
        } else {
            let d2: Vec<f64> = data
                .rows()
                .into_iter()
                .map(|x| {
                    (0..i)
                        .map(|c| {
                            init.row(c).iter().zip(x.iter()).map(|(a, b)| (a - b) * (a - b)).sum::<f64>()
                        })
                        .fold(f64::INFINITY, f64::min)
                })
                .collect();
            let total: f64 = d2.iter().sum();
            let mut cum = 0.0;
            let cumprobs: Vec<f64> = d2
                .iter()
                .map(|v| {
                    cum += v / total;
                    cum
                })
                .collect();
            let r = rng.uniform(0.0, 1.0, 1).map_err(rng_err)?[0];
            cumprobs.partition_point(|&c| c < r).min(n - 1)
        };
        init.row_mut(i).assign(&data.row(idx));
    }
    Ok(init)
}

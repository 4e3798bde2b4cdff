//! Distances between observation vectors: `scipy.spatial.distance`'s `pdist`, `cdist`,
//! `squareform` and the metrics they take.

use crate::error::{Result, SpatialError};
use ndarray::{Array1, Array2, ArrayBase, ArrayView1, ArrayView2, Data, Ix1, Ix2};

/// A distance metric (SciPy's `metric` string).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Metric {
    /// `sqrt(sum (u - v)^2)` (the default).
    #[default]
    Euclidean,
    /// `sum (u - v)^2`.
    SqEuclidean,
    /// `sum |u - v|` (Manhattan).
    Cityblock,
    /// `max |u - v|`.
    Chebyshev,
    /// `(sum |u - v|^p)^(1/p)`, `p >= 1`.
    Minkowski(f64),
    /// `1 - u.v / (|u| |v|)`.
    Cosine,
    /// The cosine distance of the centred vectors.
    Correlation,
    /// `sum |u - v| / (|u| + |v|)`, terms with `0/0` counted as 0.
    Canberra,
    /// `sum |u - v| / sum |u + v|`.
    BrayCurtis,
    /// The fraction of coordinates that differ.
    Hamming,
    /// The Dice dissimilarity ([`dice`](crate::dice)); numbers count with their values, as
    /// in SciPy's kernel. The five boolean metrics below read non-zero entries as true.
    Dice,
    /// The Jaccard-Needham dissimilarity ([`jaccard`](crate::jaccard)).
    Jaccard,
    /// The Rogers-Tanimoto dissimilarity ([`rogerstanimoto`](crate::rogerstanimoto)).
    RogersTanimoto,
    /// The Russell-Rao dissimilarity ([`russellrao`](crate::russellrao)).
    RussellRao,
    /// The Sokal-Sneath dissimilarity ([`sokalsneath`](crate::sokalsneath)).
    SokalSneath,
    /// The Yule dissimilarity ([`yule`](crate::yule)).
    Yule,
    /// The Jensen-Shannon distance of the rows normalised to sum 1 (natural logarithm).
    JensenShannon,
    /// The standardized Euclidean distance ([`seuclidean`](crate::seuclidean)) with SciPy's
    /// default `V`: the variance (`ddof = 1`) of each coordinate over the rows of `X` (pdist)
    /// or of `XA` and `XB` stacked (cdist).
    SEuclidean,
    /// The Mahalanobis distance ([`mahalanobis`](crate::mahalanobis)) with SciPy's default
    /// `VI`: the inverse of the covariance matrix of the rows of `X` (pdist) or of `XA` and
    /// `XB` stacked (cdist); needs more rows than columns.
    Mahalanobis,
}

impl Metric {
    fn check(&self) -> Result<()> {
        if let Metric::Minkowski(p) = self {
            if p.is_nan() || *p < 1.0 {
                return Err(SpatialError::InvalidValue {
                    arg: "p",
                    expected: "at least 1",
                    found: p.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The distance between `u` and `v` (same length).
    fn dist(&self, u: ArrayView1<'_, f64>, v: ArrayView1<'_, f64>, params: &Params) -> f64 {
        let pairs = || u.iter().zip(v.iter()).map(|(a, b)| (*a, *b));
        match *self {
            Metric::SEuclidean => {
                let var = params.var.as_slice();
                pairs().zip(var).map(|((a, b), w)| (a - b) * (a - b) / w).sum::<f64>().sqrt()
            }
            Metric::Mahalanobis => {
                // (u - v) VI (u - v)^T, VI row by row, as SciPy's kernel.
                let delta: Vec<f64> = pairs().map(|(a, b)| a - b).collect();
                let vi = &params.vi;
                let s: f64 = (0..vi.nrows())
                    .map(|i| delta[i] * vi.row(i).iter().zip(&delta).map(|(x, d)| x * d).sum::<f64>())
                    .sum();
                s.sqrt()
            }
            Metric::Euclidean => pairs().map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt(),
            Metric::SqEuclidean => pairs().map(|(a, b)| (a - b) * (a - b)).sum(),
            Metric::Cityblock => pairs().map(|(a, b)| (a - b).abs()).sum(),
            Metric::Chebyshev => pairs().map(|(a, b)| (a - b).abs()).fold(0.0, f64::max),
            Metric::Minkowski(p) => {
                if p == 1.0 {
                    Metric::Cityblock.dist(u, v, params)
                } else if p == 2.0 {
                    Metric::Euclidean.dist(u, v, params)
                } else if p.is_infinite() {
                    Metric::Chebyshev.dist(u, v, params)
                } else {
                    pairs().map(|(a, b)| (a - b).abs().powf(p)).sum::<f64>().powf(1.0 / p)
                }
            }
            Metric::Cosine => {
                let (mut uv, mut uu, mut vv) = (0.0, 0.0, 0.0);
                for (a, b) in pairs() {
                    uv += a * b;
                    uu += a * a;
                    vv += b * b;
                }
                // SciPy clips the cosine to [-1, 1] against round-off.
                1.0 - (uv / (uu.sqrt() * vv.sqrt())).clamp(-1.0, 1.0)
            }
            Metric::Correlation => {
                let n = u.len() as f64;
                let (mu, mv) = (u.sum() / n, v.sum() / n);
                let (mut uv, mut uu, mut vv) = (0.0, 0.0, 0.0);
                for (a, b) in pairs() {
                    let (a, b) = (a - mu, b - mv);
                    uv += a * b;
                    uu += a * a;
                    vv += b * b;
                }
                1.0 - (uv / (uu.sqrt() * vv.sqrt())).clamp(-1.0, 1.0)
            }
            Metric::Canberra => pairs()
                .map(|(a, b)| {
                    let d = a.abs() + b.abs();
                    if d == 0.0 { 0.0 } else { (a - b).abs() / d }
                })
                .sum(),
            Metric::BrayCurtis => {
                let num: f64 = pairs().map(|(a, b)| (a - b).abs()).sum();
                let den: f64 = pairs().map(|(a, b)| (a + b).abs()).sum();
                num / den
            }
            Metric::Hamming => pairs().filter(|(a, b)| a != b).count() as f64 / u.len() as f64,
            // The boolean metrics as SciPy's pdist/cdist kernels evaluate them: 0/0 is NaN, not
            // an error; Dice counts numbers with their values, the others as booleans.
            Metric::Dice
            | Metric::RogersTanimoto
            | Metric::RussellRao
            | Metric::SokalSneath
            | Metric::Yule => {
                let (mut nff, mut nft, mut ntf, mut ntt) = (0.0, 0.0, 0.0, 0.0);
                // Only Dice keeps the values; the other kernels read the rows as booleans.
                let as_bool = |x: f64| if x != 0.0 { 1.0 } else { 0.0 };
                let keep = *self == Metric::Dice;
                for (a, b) in pairs() {
                    let (a, b) = if keep { (a, b) } else { (as_bool(a), as_bool(b)) };
                    nff += (1.0 - a) * (1.0 - b);
                    nft += (1.0 - a) * b;
                    ntf += a * (1.0 - b);
                    ntt += a * b;
                }
                let r = 2.0 * (ntf + nft);
                match *self {
                    Metric::Dice => (ntf + nft) / (2.0 * ntt + ntf + nft),
                    Metric::RogersTanimoto => r / (ntt + nff + r),
                    Metric::RussellRao => (u.len() as f64 - ntt) / u.len() as f64,
                    Metric::SokalSneath => r / (ntt + r),
                    _ => {
                        let half_r = ntf * nft;
                        if half_r == 0.0 { 0.0 } else { 2.0 * half_r / (ntt * nff + half_r) }
                    }
                }
            }
            Metric::Jaccard => {
                let (mut num, mut den) = (0usize, 0usize);
                for (a, b) in pairs() {
                    let (a, b) = (a != 0.0, b != 0.0);
                    num += usize::from(a != b);
                    den += usize::from(a || b);
                }
                if den == 0 { 0.0 } else { num as f64 / den as f64 }
            }
            Metric::JensenShannon => {
                let (ps, qs) = (u.sum(), v.sum());
                // The kernel's relative entropy has no NaN branch: a zero-sum row (0/0) or a
                // negative entry gives infinity, as SciPy's pdist does.
                let rel = |x: f64, y: f64| {
                    if x > 0.0 && y > 0.0 {
                        x * (x / y).ln()
                    } else if x == 0.0 && y >= 0.0 {
                        0.0
                    } else {
                        f64::INFINITY
                    }
                };
                let mut s = 0.0;
                for (a, b) in pairs() {
                    let (p, q) = (a / ps, b / qs);
                    let m = (p + q) / 2.0;
                    s += rel(p, m) + rel(q, m);
                }
                (s / 2.0).sqrt()
            }
        }
    }
}

/// The data-dependent parameters of [`Metric::SEuclidean`] and [`Metric::Mahalanobis`].
#[derive(Debug, Default)]
struct Params {
    var: Vec<f64>,
    vi: Array2<f64>,
}

impl Params {
    /// SciPy's default `V` or `VI` from the rows of `parts` stacked.
    fn new(metric: Metric, parts: &[ArrayView2<'_, f64>]) -> Result<Self> {
        let m: usize = parts.iter().map(|p| p.nrows()).sum();
        let n = parts.first().map_or(0, |p| p.ncols());
        let rows = || parts.iter().flat_map(|p| p.rows());
        // Column means, accumulated row by row (NumPy's order for axis 0).
        let mean = || {
            let mut mean = vec![0.0; n];
            for r in rows() {
                for (s, x) in mean.iter_mut().zip(r.iter()) {
                    *s += x;
                }
            }
            mean.iter().map(|s| s / m as f64).collect::<Vec<f64>>()
        };
        match metric {
            Metric::SEuclidean => {
                let mu = mean();
                let mut var = vec![0.0; n];
                for r in rows() {
                    for ((s, x), c) in var.iter_mut().zip(r.iter()).zip(&mu) {
                        *s += (x - c) * (x - c);
                    }
                }
                // ddof = 1: one row gives 0/0 = NaN, as NumPy.
                let den = m as f64 - 1.0;
                let den = if den < 0.0 { 0.0 } else { den };
                Ok(Self { var: var.iter().map(|s| s / den).collect(), ..Self::default() })
            }
            Metric::Mahalanobis => {
                if m <= n {
                    return Err(SpatialError::InvalidValue {
                        arg: "X",
                        expected: "more observations than dimensions (else the covariance matrix is singular)",
                        found: format!("{m} observations of {n} dimensions"),
                    });
                }
                let mu = mean();
                let mut cov = Array2::<f64>::zeros((n, n));
                for r in rows() {
                    for i in 0..n {
                        let di = r[i] - mu[i];
                        for j in 0..n {
                            cov[[i, j]] += di * (r[j] - mu[j]);
                        }
                    }
                }
                cov *= 1.0 / (m as f64 - 1.0);
                let vi = crate::vector::inverse(cov).ok_or_else(|| SpatialError::InvalidValue {
                    arg: "X",
                    expected: "observations with a non-singular covariance matrix",
                    found: "a singular covariance matrix".into(),
                })?;
                Ok(Self { vi: vi.reversed_axes(), ..Self::default() })
            }
            _ => Ok(Self::default()),
        }
    }
}

fn check_finite<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix2>, arg: &'static str) -> Result<()> {
    if x.iter().all(|v| v.is_finite()) { Ok(()) } else { Err(SpatialError::NotFinite { arg }) }
}

/// Pairwise distances between the rows of `x`, condensed: the upper triangle row by row,
/// `n(n-1)/2` values for `n` rows (entry for rows `i < j` at `n i - i(i+1)/2 + j - i - 1`).
///
/// # Errors
///
/// [`SpatialError::NotFinite`] for NaN/inf coordinates (SciPy propagates them; sci refuses
/// them, like `check_finite`), [`SpatialError::InvalidValue`] for a Minkowski `p < 1`.
///
/// # Examples
///
/// ```
/// use sci_spatial::{pdist, Metric};
/// use sci_spatial::sci_array::ndarray::array;
/// let x = array![[0.0, 0.0], [3.0, 4.0], [6.0, 8.0]];
/// assert_eq!(pdist(&x, Metric::Euclidean)?, array![5.0, 10.0, 5.0]);
/// assert_eq!(pdist(&x, Metric::Cityblock)?, array![7.0, 14.0, 7.0]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.pdist(X, metric)`.
pub fn pdist<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix2>, metric: Metric) -> Result<Array1<f64>> {
    metric.check()?;
    check_finite(x, "X")?;
    let params = Params::new(metric, &[x.view()])?;
    let n = x.nrows();
    let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            out.push(metric.dist(x.row(i), x.row(j), &params));
        }
    }
    Ok(Array1::from(out))
}

/// Distances between each row of `xa` and each row of `xb`: an `(ma, mb)` matrix.
///
/// # Errors
///
/// [`SpatialError::DimensionMismatch`] when the rows have different lengths; as [`pdist`].
///
/// # Examples
///
/// ```
/// use sci_spatial::{cdist, Metric};
/// use sci_spatial::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0], [1.0, 1.0]];
/// let b = array![[1.0, 0.0]];
/// assert_eq!(cdist(&a, &b, Metric::SqEuclidean)?, array![[1.0], [1.0]]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.cdist(XA, XB, metric)`.
pub fn cdist<S1, S2>(xa: &ArrayBase<S1, Ix2>, xb: &ArrayBase<S2, Ix2>, metric: Metric) -> Result<Array2<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    metric.check()?;
    if xa.ncols() != xb.ncols() {
        return Err(SpatialError::DimensionMismatch { arg: "XB", expected: xa.ncols(), found: xb.ncols() });
    }
    check_finite(xa, "XA")?;
    check_finite(xb, "XB")?;
    let params = Params::new(metric, &[xa.view(), xb.view()])?;
    Ok(Array2::from_shape_fn((xa.nrows(), xb.nrows()), |(i, j)| metric.dist(xa.row(i), xb.row(j), &params)))
}

/// Expands a condensed distance vector into the symmetric square matrix with zero diagonal.
///
/// # Errors
///
/// [`SpatialError::NotCondensed`] when the length is not `n(n-1)/2`.
///
/// # Examples
///
/// ```
/// use sci_spatial::squareform;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = squareform(&array![5.0, 10.0, 5.0])?;
/// assert_eq!(d, array![[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.squareform(X)` on a vector.
pub fn squareform<S: Data<Elem = f64>>(condensed: &ArrayBase<S, Ix1>) -> Result<Array2<f64>> {
    let len = condensed.len();
    // n(n - 1)/2 = len.
    let n = ((1.0 + (1.0 + 8.0 * len as f64).sqrt()) / 2.0).round() as usize;
    if n * n.saturating_sub(1) / 2 != len {
        return Err(SpatialError::NotCondensed { len });
    }
    let n = n.max(1);
    let mut out = Array2::zeros((n, n));
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            out[[i, j]] = condensed[k];
            out[[j, i]] = condensed[k];
            k += 1;
        }
    }
    Ok(out)
}

/// Condenses a symmetric distance matrix with zero diagonal into its upper triangle.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when the matrix is not square, not symmetric or has a
/// non-zero diagonal (SciPy's `checks=True`).
///
/// # Examples
///
/// ```
/// use sci_spatial::squareform_to_condensed;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = array![[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]];
/// assert_eq!(squareform_to_condensed(&d)?, array![5.0, 10.0, 5.0]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.squareform(X)` on a matrix.
pub fn squareform_to_condensed<S: Data<Elem = f64>>(d: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
    let n = d.nrows();
    if d.ncols() != n {
        return Err(SpatialError::InvalidValue {
            arg: "X",
            expected: "a square matrix",
            found: format!("shape {:?}", d.shape()),
        });
    }
    let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        if d[[i, i]] != 0.0 {
            return Err(SpatialError::InvalidValue {
                arg: "X",
                expected: "a matrix with a zero diagonal",
                found: format!("X[{i}, {i}] = {}", d[[i, i]]),
            });
        }
        for j in i + 1..n {
            if d[[i, j]] != d[[j, i]] {
                return Err(SpatialError::InvalidValue {
                    arg: "X",
                    expected: "a symmetric matrix",
                    found: format!("X[{i}, {j}] = {} but X[{j}, {i}] = {}", d[[i, j]], d[[j, i]]),
                });
            }
            out.push(d[[i, j]]);
        }
    }
    Ok(Array1::from(out))
}

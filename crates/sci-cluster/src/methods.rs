//! The method shortcuts of `scipy.cluster.hierarchy` (`single`, `complete`, ...) and
//! `fclusterdata`.

use crate::error::{ClusterError, Result};
use crate::hierarchy::{Criterion, Method, fcluster, linkage, linkage_observations};
use ndarray::{Array1, Array2, ArrayBase, Data, Dimension, Ix1, Ix2};

fn by_method<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>, method: Method) -> Result<Array2<f64>> {
    let v = y.view().into_dyn();
    match y.ndim() {
        1 => linkage(&v.into_dimensionality::<Ix1>().expect("1-d"), method),
        2 => linkage_observations(&v.into_dimensionality::<Ix2>().expect("2-d"), method),
        d => Err(ClusterError::InvalidValue {
            arg: "y",
            expected: "1 or 2 dimensional",
            found: format!("{d} dimensions"),
        }),
    }
}

macro_rules! shortcut {
    ($(#[$doc:meta])* $name:ident, $method:expr, $scipy:literal) => {
        $(#[$doc])*
        ///
        /// `y` is a condensed distance vector (1-d, as [`linkage`]) or an observation matrix
        /// (2-d, one observation per row, Euclidean distances, as [`linkage_observations`]).
        ///
        /// # Errors
        ///
        /// As [`linkage`]; [`ClusterError::InvalidValue`] when `y` is neither 1-d nor 2-d.
        ///
        #[doc = concat!("SciPy equivalent: `scipy.cluster.hierarchy.", $scipy, "(y)`.")]
        pub fn $name<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>) -> Result<Array2<f64>> {
            by_method(y, $method)
        }
    };
}

shortcut!(
    /// Single (nearest point) linkage: [`linkage`] with [`Method::Single`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::single;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = single(&array![[0.0], [1.0], [3.0]])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    single, Method::Single, "single"
);
shortcut!(
    /// Complete (farthest point) linkage: [`linkage`] with [`Method::Complete`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::complete;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = complete(&array![1.0, 3.0, 2.0])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 3.0, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    complete, Method::Complete, "complete"
);
shortcut!(
    /// Average (UPGMA) linkage: [`linkage`] with [`Method::Average`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::average;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = average(&array![1.0, 3.0, 2.0])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.5, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    average, Method::Average, "average"
);
shortcut!(
    /// Weighted (WPGMA) linkage: [`linkage`] with [`Method::Weighted`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::weighted;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = weighted(&array![1.0, 3.0, 2.0])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.5, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    weighted, Method::Weighted, "weighted"
);
shortcut!(
    /// Centroid (UPGMC) linkage: [`linkage`] with [`Method::Centroid`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::centroid;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = centroid(&array![[0.0], [1.0], [3.0]])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.5, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    centroid, Method::Centroid, "centroid"
);
shortcut!(
    /// Median (WPGMC) linkage: [`linkage`] with [`Method::Median`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::median;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = median(&array![[0.0], [1.0], [3.0]])?;
    /// assert_eq!(z, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.5, 3.0]]);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    median, Method::Median, "median"
);
shortcut!(
    /// Ward's minimum variance linkage: [`linkage`] with [`Method::Ward`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_cluster::ward;
    /// use sci_cluster::sci_array::ndarray::array;
    /// let z = ward(&array![[0.0], [1.0], [3.0]])?;
    /// assert_eq!(z.column(0).to_vec(), vec![0.0, 2.0]);
    /// assert!((z[[1, 2]] - 5.0 / 3f64.sqrt()).abs() < 1e-15);
    /// # Ok::<(), sci_cluster::ClusterError>(())
    /// ```
    ward, Method::Ward, "ward"
);

/// Flat clusters of observations in one call: Euclidean distances of the rows of `x`,
/// [`linkage`] with `method`, then [`fcluster`] with `criterion`.
///
/// SciPy's defaults are `criterion = Criterion::Inconsistent { t, depth: 2 }` and
/// `method = Method::Single`.
///
/// # Errors
///
/// As [`linkage_observations`] and [`fcluster`].
///
/// # Examples
///
/// ```
/// use sci_cluster::{fclusterdata, Criterion, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let x = array![[0., 0.], [0., 1.], [1., 0.], [0., 4.], [0., 3.], [1., 4.],
///                [4., 0.], [3., 0.], [4., 1.], [4., 4.], [3., 4.], [4., 3.]];
/// let t = fclusterdata(&x, Criterion::Inconsistent { t: 1.0, depth: 2 }, Method::Single)?;
/// assert_eq!(t, array![3, 3, 3, 4, 4, 4, 2, 2, 2, 1, 1, 1]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.fclusterdata(X, t, criterion, metric='euclidean',
/// depth, method)` (without `R`).
pub fn fclusterdata<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix2>,
    criterion: Criterion,
    method: Method,
) -> Result<Array1<i32>> {
    let z = linkage_observations(x, method)?;
    fcluster(&z, criterion)
}

fn check_monocrit<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    monocrit: &ArrayBase<T, Ix1>,
) -> Result<usize> {
    let n = crate::validate::num_obs_linkage(z)?;
    if monocrit.len() != n - 1 {
        return Err(ClusterError::InvalidValue {
            arg: "monocrit",
            expected: "one value per merge (Z.shape[0] values)",
            found: format!("{} values for {} merges", monocrit.len(), n - 1),
        });
    }
    Ok(n)
}

/// Flat clusters from a monotonic criterion: every merge whose `monocrit` value is at most `t`
/// is kept whole (`criterion='monocrit'`).
///
/// `monocrit[i]` belongs to the merge in row `i`; it should not decrease up the tree (as
/// [`maxdists`](crate::maxdists) or [`maxinconsts`](crate::maxinconsts) give). Labels are
/// numbered as [`fcluster`] numbers them.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix;
/// [`ClusterError::InvalidValue`] when `monocrit` does not have one value per merge (SciPy
/// reads past its end).
///
/// # Examples
///
/// ```
/// use sci_cluster::{fcluster_monocrit, linkage, maxdists, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let mc = maxdists(&z)?;
/// assert_eq!(fcluster_monocrit(&z, 2.0, &mc)?, array![1, 1, 2, 2]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.fcluster(Z, t, 'monocrit', monocrit=MC)`.
pub fn fcluster_monocrit<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    t: f64,
    monocrit: &ArrayBase<T, Ix1>,
) -> Result<Array1<i32>> {
    let n = check_monocrit(z, monocrit)?;
    Ok(crate::hierarchy::monocrit_walk(z, n, &monocrit.to_vec(), t))
}

/// Flat clusters from a monotonic criterion with at most `t` clusters: the smallest threshold
/// among the `monocrit` values found by SciPy's bisection over the merge index that leaves at
/// most `t` clusters (`criterion='maxclust_monocrit'`).
///
/// `t >= n` gives every observation its own cluster.
///
/// # Errors
///
/// As [`fcluster_monocrit`]; [`ClusterError::InvalidValue`] for `t = 0` (SciPy reads past the
/// end of `monocrit` there). When no tested threshold is small enough to leave `t` clusters
/// (a `monocrit` that decreases up the tree) SciPy also reads past the end; this crate then
/// uses an infinite threshold (one cluster).
///
/// # Examples
///
/// ```
/// use sci_cluster::{fcluster_maxclust_monocrit, inconsistent, linkage, maxinconsts, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let mi = maxinconsts(&z, &inconsistent(&z, 2)?)?;
/// assert_eq!(fcluster_maxclust_monocrit(&z, 2, &mi)?, array![1, 1, 2, 2]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.fcluster(Z, t, 'maxclust_monocrit',
/// monocrit=MC)`.
pub fn fcluster_maxclust_monocrit<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    t: usize,
    monocrit: &ArrayBase<T, Ix1>,
) -> Result<Array1<i32>> {
    let n = check_monocrit(z, monocrit)?;
    if t == 0 {
        return Err(ClusterError::InvalidValue { arg: "t", expected: "at least 1", found: "0".into() });
    }
    if t >= n {
        return Ok(Array1::from_iter(1..=n as i32));
    }
    let mc = monocrit.to_vec();
    let children: Vec<[usize; 2]> = z.rows().into_iter().map(|r| [r[0] as usize, r[1] as usize]).collect();
    // The number of clusters left by cutting at `thresh`.
    let clusters = |thresh: f64| {
        let mut count = 0usize;
        let mut stack = vec![n - 2];
        while let Some(row) = stack.pop() {
            if mc[row] <= thresh {
                count += 1;
                continue;
            }
            for c in children[row] {
                if c >= n {
                    stack.push(c - n);
                } else {
                    count += 1;
                }
            }
        }
        count
    };
    // SciPy's bisection over the merge index (lower starts at "-inf", upper one past the end).
    let (mut lower, mut upper): (isize, isize) = (-1, n as isize - 1);
    while upper - lower > 1 {
        let i = (lower + upper) >> 1;
        if clusters(mc[i as usize]) > t {
            lower = i;
        } else {
            upper = i;
        }
    }
    let cutoff = mc.get(upper as usize).copied().unwrap_or(f64::INFINITY);
    Ok(crate::hierarchy::monocrit_walk(z, n, &mc, cutoff))
}

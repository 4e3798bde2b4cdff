//! Dissimilarities of boolean vectors (`scipy.spatial.distance.dice`, `jaccard`,
//! `rogerstanimoto`, `russellrao`, `sokalsneath`, `yule`).
//!
//! The inputs may be `bool` or numbers (any element type with `Into<f64>`: `bool`, `f32`,
//! `f64`, integers up to 32 bits): like SciPy, booleans count as 0 and 1 and numbers
//! enter the counting formulas with their values (so `[2.0]` against `[1.0]` is not the same
//! as `[true]` against `[true]`). The counts of a pair `(u, v)` are
//! `ntt = sum w u v`, `ntf = sum w u (1 - v)`, `nft = sum w (1 - u) v` and
//! `nff = sum w (1 - u)(1 - v)`, with weights `w` of 1 when none are given.

use crate::error::{Result, SpatialError};
use ndarray::{ArrayBase, Data, Ix1};

/// The vectors as `f64`, checked to have one length, and the weights (checked non-negative).
fn prepare<S1, S2, T1, T2>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    w: Option<&[f64]>,
) -> Result<(Vec<f64>, Vec<f64>, Option<Vec<f64>>)>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    if u.len() != v.len() {
        return Err(SpatialError::LengthMismatch { arg: "v", expected: u.len(), found: v.len() });
    }
    let w = match w {
        None => None,
        Some(w) => {
            if w.len() != u.len() {
                return Err(SpatialError::LengthMismatch { arg: "w", expected: u.len(), found: w.len() });
            }
            if let Some(bad) = w.iter().find(|x| **x < 0.0) {
                return Err(SpatialError::InvalidValue {
                    arg: "w",
                    expected: "non-negative weights",
                    found: bad.to_string(),
                });
            }
            Some(w.to_vec())
        }
    };
    let u = u.iter().map(|x| (*x).into()).collect();
    let v = v.iter().map(|x| (*x).into()).collect();
    Ok((u, v, w))
}

/// The four counts `(nff, nft, ntf, ntt)`, multiplied in SciPy's order.
fn counts(u: &[f64], v: &[f64], w: Option<&[f64]>) -> [f64; 4] {
    let mut c = [0.0; 4];
    for (k, (&a, &b)) in u.iter().zip(v).enumerate() {
        let (mut na, mut a) = (1.0 - a, a);
        if let Some(w) = w {
            na *= w[k];
            a *= w[k];
        }
        c[0] += na * (1.0 - b);
        c[1] += na * b;
        c[2] += a * (1.0 - b);
        c[3] += a * b;
    }
    c
}

/// The Dice dissimilarity `(ntf + nft) / (2 ntt + ntf + nft)` of two boolean vectors.
///
/// Two all-false vectors (or all-zero weights) give `0/0 = NaN`, as in SciPy.
///
/// # Errors
///
/// [`SpatialError::LengthMismatch`] when `v` or `w` differ in length from `u`,
/// [`SpatialError::InvalidValue`] for a negative weight.
///
/// # Examples
///
/// ```
/// use sci_spatial::dice;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(dice(&array![true, false, false], &array![true, true, false], None)?, 1.0 / 3.0);
/// assert_eq!(dice(&array![1.0, 1.0, 0.0], &array![1.0, 1.0, 1.0], Some(&[1.0, 2.0, 3.0]))?, 1.0 / 3.0);
/// assert!(dice(&array![false, false], &array![false, false], None)?.is_nan());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.dice(u, v, w)`.
pub fn dice<S1, S2, T1, T2>(u: &ArrayBase<S1, Ix1>, v: &ArrayBase<S2, Ix1>, w: Option<&[f64]>) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let [_, nft, ntf, _] = counts(&u, &v, w.as_deref());
    // SciPy takes ntt as sum(u v w), in that order.
    let ntt: f64 = match &w {
        None => u.iter().zip(&v).map(|(a, b)| a * b).sum(),
        Some(w) => u.iter().zip(&v).zip(w).map(|((a, b), c)| a * b * c).sum(),
    };
    Ok((ntf + nft) / (2.0 * ntt + ntf + nft))
}

/// The Jaccard-Needham dissimilarity: the (weighted) fraction of the coordinates where at
/// least one vector is non-zero in which exactly one of them is.
///
/// Only whether an entry is zero matters. When no coordinate is non-zero (or those have zero
/// weight) the dissimilarity is 0, SciPy's convention since 1.2.
///
/// # Errors
///
/// As [`dice`].
///
/// # Examples
///
/// ```
/// use sci_spatial::jaccard;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(jaccard(&array![1, 0, 0], &array![0, 1, 0], None)?, 1.0);
/// assert_eq!(jaccard(&array![1, 0, 0], &array![1, 1, 0], None)?, 0.5);
/// assert_eq!(jaccard(&array![0, 0], &array![0, 0], None)?, 0.0);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.jaccard(u, v, w)`.
pub fn jaccard<S1, S2, T1, T2>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    w: Option<&[f64]>,
) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let (mut a, mut b) = (0.0, 0.0);
    for (k, (&x, &y)) in u.iter().zip(&v).enumerate() {
        let weight = w.as_ref().map_or(1.0, |w| w[k]);
        let (x, y) = (x != 0.0, y != 0.0);
        if x != y {
            a += weight;
        }
        if x || y {
            b += weight;
        }
    }
    Ok(if b != 0.0 { a / b } else { 0.0 })
}

/// The Rogers-Tanimoto dissimilarity `R / (ntt + nff + R)` with `R = 2 (ntf + nft)`.
///
/// # Errors
///
/// As [`dice`], and [`SpatialError::InvalidValue`] when the denominator is zero (empty vectors
/// or all-zero weights; SciPy raises `ZeroDivisionError`).
///
/// # Examples
///
/// ```
/// use sci_spatial::rogerstanimoto;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(rogerstanimoto(&array![true, false, false], &array![true, true, false], None)?, 0.5);
/// assert_eq!(rogerstanimoto(&array![false], &array![false], None)?, 0.0);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.rogerstanimoto(u, v, w)`.
pub fn rogerstanimoto<S1, S2, T1, T2>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    w: Option<&[f64]>,
) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let [nff, nft, ntf, ntt] = counts(&u, &v, w.as_deref());
    let r = 2.0 * (ntf + nft);
    let den = ntt + nff + r;
    if den == 0.0 {
        return Err(SpatialError::InvalidValue {
            arg: "u",
            expected: "vectors with positive total weight (the dissimilarity is 0/0)",
            found: format!("{} coordinates", u.len()),
        });
    }
    Ok(r / den)
}

/// The Russell-Rao dissimilarity `(n - ntt) / n`, `n` the length (or the sum of the weights).
///
/// All-zero weights give `0/0 = NaN`, as in SciPy.
///
/// # Errors
///
/// As [`dice`], and [`SpatialError::InvalidValue`] for empty vectors without weights (SciPy
/// raises `ZeroDivisionError`).
///
/// # Examples
///
/// ```
/// use sci_spatial::russellrao;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(russellrao(&array![true, true, false], &array![true, false, false], None)?, 2.0 / 3.0);
/// assert_eq!(russellrao(&array![false, false], &array![false, false], None)?, 1.0);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.russellrao(u, v, w)`.
pub fn russellrao<S1, S2, T1, T2>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    w: Option<&[f64]>,
) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let (ntt, n): (f64, f64) = match &w {
        None => {
            if u.is_empty() {
                return Err(SpatialError::InvalidValue {
                    arg: "u",
                    expected: "a non-empty vector (the dissimilarity is 0/0)",
                    found: "an empty vector".into(),
                });
            }
            (u.iter().zip(&v).map(|(a, b)| a * b).sum(), u.len() as f64)
        }
        Some(w) => (u.iter().zip(&v).zip(w).map(|((a, b), c)| a * b * c).sum(), w.iter().sum()),
    };
    Ok((n - ntt) / n)
}

/// The Sokal-Sneath dissimilarity `R / (ntt + R)` with `R = 2 (ntf + nft)`.
///
/// # Errors
///
/// As [`dice`], and [`SpatialError::InvalidValue`] when the denominator is zero: two
/// all-false vectors (or all-zero weights), for which SciPy raises `ValueError`.
///
/// # Examples
///
/// ```
/// use sci_spatial::sokalsneath;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(sokalsneath(&array![true, true, false], &array![true, false, false], None)?, 2.0 / 3.0);
/// assert!(sokalsneath(&array![false, false], &array![false, false], None).is_err());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.sokalsneath(u, v, w)`.
pub fn sokalsneath<S1, S2, T1, T2>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    w: Option<&[f64]>,
) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let [_, nft, ntf, _] = counts(&u, &v, w.as_deref());
    let ntt: f64 = match &w {
        None => u.iter().zip(&v).map(|(a, b)| a * b).sum(),
        Some(w) => u.iter().zip(&v).zip(w).map(|((a, b), c)| a * b * c).sum(),
    };
    let r = 2.0 * (ntf + nft);
    let den = ntt + r;
    if den == 0.0 {
        return Err(SpatialError::InvalidValue {
            arg: "u",
            expected: "vectors not both entirely false (Sokal-Sneath is 0/0)",
            found: "all-false vectors".into(),
        });
    }
    Ok(r / den)
}

/// The Yule dissimilarity `2 ntf nft / (ntt nff + ntf nft)`, and 0 when `ntf nft = 0`
/// (SciPy's convention since 1.9, so all-false or equal vectors give 0, not NaN).
///
/// # Errors
///
/// As [`dice`].
///
/// # Examples
///
/// ```
/// use sci_spatial::yule;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(yule(&array![true, false, true, false], &array![false, true, true, false], None)?, 1.0);
/// assert_eq!(yule(&array![false, false], &array![false, false], None)?, 0.0);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.yule(u, v, w)`.
pub fn yule<S1, S2, T1, T2>(u: &ArrayBase<S1, Ix1>, v: &ArrayBase<S2, Ix1>, w: Option<&[f64]>) -> Result<f64>
where
    S1: Data<Elem = T1>,
    S2: Data<Elem = T2>,
    T1: Copy + Into<f64>,
    T2: Copy + Into<f64>,
{
    let (u, v, w) = prepare(u, v, w)?;
    let [nff, nft, ntf, ntt] = counts(&u, &v, w.as_deref());
    let half_r = ntf * nft;
    Ok(if half_r == 0.0 { 0.0 } else { 2.0 * half_r / (ntt * nff + half_r) })
}

//! The directed Hausdorff distance (`scipy.spatial.distance.directed_hausdorff`).

use crate::error::{Result, SpatialError};
use ndarray::{ArrayBase, Data, Ix2};

/// NumPy's legacy `RandomState(seed)`: the MT19937 generator seeded by `init_genrand`.
struct Mt19937 {
    mt: [u32; 624],
    pos: usize,
}

impl Mt19937 {
    fn new(seed: u32) -> Self {
        let mut mt = [0u32; 624];
        mt[0] = seed;
        for i in 1..624 {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Self { mt, pos: 624 }
    }

    fn next_u32(&mut self) -> u32 {
        if self.pos == 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                self.mt[k] = self.mt[(k + 397) % 624] ^ (y >> 1) ^ if y & 1 == 1 { 0x9908_b0df } else { 0 };
            }
            self.pos = 0;
        }
        let mut y = self.mt[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `RandomState.shuffle(arange(n))`: Fisher-Yates from the end, each index drawn by
    /// masked rejection sampling (`random_interval`; 64-bit draws above 2^32 - 1).
    fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut p: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let max = i as u64;
            let mut mask = max;
            for s in [1, 2, 4, 8, 16, 32] {
                mask |= mask >> s;
            }
            let j = loop {
                let v = if max <= u64::from(u32::MAX) {
                    u64::from(self.next_u32()) & mask
                } else {
                    ((u64::from(self.next_u32()) << 32) | u64::from(self.next_u32())) & mask
                };
                if v <= max {
                    break v as usize;
                }
            };
            p.swap(i, j);
        }
        p
    }
}

/// The directed Hausdorff distance from the rows of `u` to the rows of `v`,
/// `max_i min_j |u_i - v_j|` (Euclidean), and the pair `(i, j)` that attains it.
///
/// The early-break algorithm of Taha and Hanbury (SciPy's): both point sets are visited in a
/// random order, and the inner search for `u_i` stops as soon as a point of `v` is nearer
/// than the current maximum. The orders are SciPy's: NumPy's legacy `RandomState(seed)`
/// shuffles `u`'s indices, then `v`'s, which is what SciPy 1.17 does for its default
/// `rng=0` and for a seed passed by position; so when several pairs attain the distance, the
/// same pair as SciPy's is returned. (SciPy's `rng=` keyword with a `Generator` shuffles
/// differently.)
///
/// # Errors
///
/// [`SpatialError::DimensionMismatch`] when `u` and `v` have different numbers of columns,
/// [`SpatialError::NotFinite`] for NaN or infinite coordinates, [`SpatialError::InvalidValue`]
/// when `u` or `v` has no rows (SciPy then returns uninitialised indices).
///
/// # Examples
///
/// ```
/// use sci_spatial::directed_hausdorff;
/// use sci_spatial::sci_array::ndarray::array;
/// let u = array![[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]];
/// let v = array![[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -4.0]];
/// // u[3] is sqrt(5) from v[0] and from v[2]: SciPy's visiting order picks v[0].
/// assert_eq!(directed_hausdorff(&u, &v, 0)?, (5f64.sqrt(), 3, 0));
/// let (d, i, j) = directed_hausdorff(&v, &u, 0)?;
/// assert_eq!((d, i, j), (3.0, 3, 3));
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// References: A. A. Taha and A. Hanbury, "An efficient algorithm for calculating the exact
/// Hausdorff distance", IEEE TPAMI 37 (2015), 2153-2163.
///
/// SciPy equivalent: `scipy.spatial.distance.directed_hausdorff(u, v, seed)`.
pub fn directed_hausdorff<S1, S2>(
    u: &ArrayBase<S1, Ix2>,
    v: &ArrayBase<S2, Ix2>,
    seed: u32,
) -> Result<(f64, usize, usize)>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if u.ncols() != v.ncols() {
        return Err(SpatialError::DimensionMismatch { arg: "v", expected: u.ncols(), found: v.ncols() });
    }
    if !u.iter().all(|x| x.is_finite()) {
        return Err(SpatialError::NotFinite { arg: "u" });
    }
    if !v.iter().all(|x| x.is_finite()) {
        return Err(SpatialError::NotFinite { arg: "v" });
    }
    for (arg, n) in [("u", u.nrows()), ("v", v.nrows())] {
        if n == 0 {
            return Err(SpatialError::InvalidValue {
                arg,
                expected: "at least one point",
                found: "none".into(),
            });
        }
    }
    let mut rng = Mt19937::new(seed);
    let order_u = rng.permutation(u.nrows());
    let order_v = rng.permutation(v.nrows());
    let (mut cmax, mut best) = (0.0f64, (order_u[0], order_v[0]));
    for &i in &order_u {
        let ui = u.row(i);
        let (mut cmin, mut store) = (f64::INFINITY, (order_u[0], order_v[0]));
        let mut d = 0.0;
        for &j in &order_v {
            d = ui.iter().zip(v.row(j).iter()).fold(0.0, |acc, (a, b)| acc + (a - b) * (a - b));
            if d < cmax {
                break;
            }
            if d < cmin {
                cmin = d;
                store = (i, j);
            }
        }
        // After an early break the last distance is below the maximum.
        if cmin >= cmax && d >= cmax {
            cmax = cmin;
            best = store;
        }
    }
    Ok((cmax.sqrt(), best.0, best.1))
}

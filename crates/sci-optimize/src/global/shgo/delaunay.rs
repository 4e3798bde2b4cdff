//! The Delaunay triangulation of points in `d >= 2` dimensions, for `shgo`'s Sobol' and Halton
//! sampling (SciPy calls Qhull through `scipy.spatial.Delaunay`).
//!
//! The points are lifted onto the paraboloid `(x, |x|^2)` in `d + 1` dimensions and their
//! convex hull is built by beneath-beyond insertion (Qhull's approach); the hull facets whose
//! outer normal points down are the Delaunay simplices. The coordinates are first moved and
//! scaled uniformly into `[-1, 1]^d` (a similarity, which keeps the triangulation; Qhull's
//! `Qbb` scales the lifted coordinate for the same conditioning). A point counts as seeing a
//! facet only when it is more than `TOL` above its hyperplane, so co-spherical points (equal
//! within rounding) give one of their valid triangulations, chosen by the insertion order
//! where Qhull's `Qt` triangulates its merged facet from its newest vertex; for points in
//! general position the triangulation is unique and equals Qhull's.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher for the small integer keys of the ridge table (SipHash, the
/// default, costs more than the rest of the insertion).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

type RidgeMap = HashMap<Vec<usize>, (usize, usize), BuildHasherDefault<FxHasher>>;

/// Distances to a facet hyperplane (unit normal, normalized coordinates) below this are zero.
const TOL: f64 = 1e-12;

struct Facet {
    /// The `d + 1` vertices (indices of the points).
    v: Vec<usize>,
    /// `nb[k]`: the facet across the ridge opposite `v[k]`.
    nb: Vec<usize>,
    normal: Vec<f64>,
    offset: f64,
    alive: bool,
    /// The position of the facet in the list of live facets.
    pos: usize,
}

/// Why no triangulation could be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flat;

/// The unit normal and offset of the hyperplane through `pts` (`dim` points in `dim`
/// dimensions), oriented away from `inside`: the null vector of the differences
/// `pts[k] - pts[0]` by Gaussian elimination with full pivoting.
fn plane(pts: &[&[f64]], inside: &[f64]) -> (Vec<f64>, f64) {
    let dim = pts.len();
    let m = dim - 1;
    let mut a: Vec<f64> = Vec::with_capacity(m * dim);
    for p in &pts[1..] {
        a.extend(p.iter().zip(pts[0]).map(|(x, y)| x - y));
    }
    // cols[k]: the column of pivot k; the last entry is the free column.
    let mut cols: Vec<usize> = (0..dim).collect();
    for k in 0..m {
        let (mut pr, mut pc, mut best) = (k, k, -1.0);
        for r in k..m {
            for c in k..dim {
                let v = a[r * dim + cols[c]].abs();
                if v > best {
                    (pr, pc, best) = (r, c, v);
                }
            }
        }
        if best <= 0.0 {
            // Degenerate (points not affinely independent): no hyperplane.
            return (vec![0.0; dim], 0.0);
        }
        if pr != k {
            for c in 0..dim {
                a.swap(pr * dim + c, k * dim + c);
            }
        }
        cols.swap(k, pc);
        let piv = a[k * dim + cols[k]];
        for r in k + 1..m {
            let f = a[r * dim + cols[k]] / piv;
            if f != 0.0 {
                for c in k..dim {
                    let cc = cols[c];
                    a[r * dim + cc] -= f * a[k * dim + cc];
                }
            }
        }
    }
    let mut normal = vec![0.0; dim];
    normal[cols[m]] = 1.0;
    for k in (0..m).rev() {
        let mut s = -a[k * dim + cols[m]];
        for c in k + 1..m {
            s -= a[k * dim + cols[c]] * normal[cols[c]];
        }
        normal[cols[k]] = s / a[k * dim + cols[k]];
    }
    let norm = normal.iter().map(|v| v * v).sum::<f64>().sqrt();
    normal.iter_mut().for_each(|v| *v /= norm);
    let mut offset: f64 = normal.iter().zip(pts[0]).map(|(a, b)| a * b).sum();
    let side: f64 = normal.iter().zip(inside).map(|(a, b)| a * b).sum::<f64>() - offset;
    if side > 0.0 {
        normal.iter_mut().for_each(|v| *v = -*v);
        offset = -offset;
    }
    (normal, offset)
}

fn dist(f: &Facet, q: &[f64]) -> f64 {
    f.normal.iter().zip(q).map(|(a, b)| a * b).sum::<f64>() - f.offset
}

/// The Delaunay simplices of `points` (each `d + 1` point indices; `points` distinct, all of
/// length `d >= 2`). Points that lie on the triangulation within rounding without being
/// needed (Qhull's coplanar points) belong to no simplex.
///
/// Returns `Err(Flat)` when the points span fewer than `d` dimensions (Qhull's "initial simplex
/// is flat", QH6154).
pub(crate) fn delaunay(points: &[Vec<f64>]) -> Result<Vec<Vec<usize>>, Flat> {
    let m = points.len();
    let Some(d) = points.first().map(Vec::len) else { return Ok(Vec::new()) };
    let dl = d + 1;
    // Move and scale uniformly into [-1, 1]^d, then lift.
    let mut lo = vec![f64::INFINITY; d];
    let mut hi = vec![f64::NEG_INFINITY; d];
    for p in points {
        for k in 0..d {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let scale = (0..d).map(|k| (hi[k] - lo[k]) / 2.0).fold(0.0, f64::max);
    if !(scale > 0.0 && scale.is_finite()) {
        return Err(Flat);
    }
    let lifted: Vec<Vec<f64>> = points
        .iter()
        .map(|p| {
            let mut q: Vec<f64> = (0..d).map(|k| (p[k] - (lo[k] + hi[k]) / 2.0) / scale).collect();
            q.push(q.iter().map(|v| v * v).sum());
            q
        })
        .collect();
    // The initial simplex: greedily the point farthest from the affine hull of those chosen.
    let mut chosen = vec![0usize];
    let mut basis: Vec<Vec<f64>> = Vec::new();
    while chosen.len() < dl + 1 {
        let mut best = (0.0, usize::MAX);
        for (i, p) in lifted.iter().enumerate() {
            let mut r: Vec<f64> = p.iter().zip(&lifted[chosen[0]]).map(|(a, b)| a - b).collect();
            for b in &basis {
                let t: f64 = r.iter().zip(b).map(|(x, y)| x * y).sum();
                r.iter_mut().zip(b).for_each(|(x, y)| *x -= t * y);
            }
            let n = r.iter().map(|v| v * v).sum::<f64>().sqrt();
            if n > best.0 {
                best = (n, i);
            }
        }
        if best.0 <= 1e-9 {
            return Err(Flat);
        }
        let i = best.1;
        let mut r: Vec<f64> = lifted[i].iter().zip(&lifted[chosen[0]]).map(|(a, b)| a - b).collect();
        for b in &basis {
            let t: f64 = r.iter().zip(b).map(|(x, y)| x * y).sum();
            r.iter_mut().zip(b).for_each(|(x, y)| *x -= t * y);
        }
        let n = r.iter().map(|v| v * v).sum::<f64>().sqrt();
        basis.push(r.into_iter().map(|v| v / n).collect());
        chosen.push(i);
    }
    let inside: Vec<f64> =
        (0..dl).map(|k| chosen.iter().map(|&i| lifted[i][k]).sum::<f64>() / chosen.len() as f64).collect();
    let mut facets: Vec<Facet> = Vec::new();
    for skip in 0..=dl {
        let v: Vec<usize> = chosen.iter().enumerate().filter(|&(k, _)| k != skip).map(|(_, &i)| i).collect();
        let pts: Vec<&[f64]> = v.iter().map(|&i| lifted[i].as_slice()).collect();
        let (normal, offset) = plane(&pts, &inside);
        let pos = facets.len();
        facets.push(Facet { v, nb: vec![usize::MAX; dl], normal, offset, alive: true, pos });
    }
    let mut live: Vec<usize> = (0..facets.len()).collect();
    // Initial neighbours: facet `a` (without chosen[a]) and facet `b` share all but two points.
    for a in 0..=dl {
        for k in 0..dl {
            let vk = facets[a].v[k];
            let b = chosen.iter().position(|&c| c == vk).unwrap_or(0);
            facets[a].nb[k] = b;
        }
    }
    let mut in_hull = vec![false; m];
    for &c in &chosen {
        in_hull[c] = true;
    }
    let mut visible = Vec::new();
    let mut ridges = RidgeMap::default();
    let mut mark: Vec<u32> = Vec::new();
    let mut stamp = 0u32;
    for q in 0..m {
        if in_hull[q] {
            continue;
        }
        let pq = &lifted[q];
        let Some(start) = live.iter().rev().copied().find(|&f| dist(&facets[f], pq) > TOL) else {
            continue; // inside or on the hull within rounding: a coplanar point
        };
        stamp += 1;
        mark.resize(facets.len(), 0);
        visible.clear();
        visible.push(start);
        mark[start] = stamp;
        let mut h = 0;
        while h < visible.len() {
            let f = visible[h];
            h += 1;
            for k in 0..dl {
                let g = facets[f].nb[k];
                if mark[g] != stamp && dist(&facets[g], pq) > TOL {
                    mark[g] = stamp;
                    visible.push(g);
                }
            }
        }
        // The horizon: ridges between a visible and a hidden facet, each coned to q.
        ridges.clear();
        let first_new = facets.len();
        for &f in &visible {
            for k in 0..dl {
                let g = facets[f].nb[k];
                if mark[g] == stamp {
                    continue;
                }
                let mut v = facets[f].v.clone();
                v[k] = q;
                let pts: Vec<&[f64]> = v.iter().map(|&i| lifted[i].as_slice()).collect();
                let (normal, offset) = plane(&pts, &inside);
                let mut nb = vec![usize::MAX; dl];
                nb[k] = g;
                let id = facets.len();
                if let Some(slot) = facets[g].nb.iter().position(|&x| x == f) {
                    facets[g].nb[slot] = id;
                }
                // The other ridges of the new facet contain q: pair them up.
                for j in 0..dl {
                    if j == k {
                        continue;
                    }
                    let mut key: Vec<usize> =
                        v.iter().enumerate().filter(|&(i, _)| i != j).map(|(_, &x)| x).collect();
                    key.sort_unstable();
                    if let Some((other, oj)) = ridges.remove(&key) {
                        nb[j] = other;
                        facets[other].nb[oj] = id;
                    } else {
                        ridges.insert(key, (id, j));
                    }
                }
                facets.push(Facet { v, nb, normal, offset, alive: true, pos: live.len() });
                live.push(id);
            }
        }
        for &f in &visible {
            facets[f].alive = false;
            let p = facets[f].pos;
            live.swap_remove(p);
            if let Some(&moved) = live.get(p) {
                facets[moved].pos = p;
            }
        }
        debug_assert!(ridges.is_empty() && facets.len() > first_new);
        in_hull[q] = true;
    }
    // Lower facets in creation order, as the facets were made.
    Ok(facets.into_iter().filter(|f| f.alive && f.normal[d] < -TOL).map(|f| f.v).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::testing::fixture::Fixture;
    use std::collections::BTreeSet;

    #[test]
    fn edges_match_qhull_for_points_in_general_position() {
        let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_shgo_qmc.json"))
            .unwrap();
        for d in [2, 3, 4] {
            let p = fx.array_f64(&format!("delaunay{d}/points"));
            let pts: Vec<Vec<f64>> = p.outer_iter().map(|r| r.iter().copied().collect()).collect();
            let simplices = delaunay(&pts).unwrap();
            assert_eq!(simplices.len() as i64, fx.i64(&format!("delaunay{d}/nsimplex")), "d = {d}");
            let mut edges = BTreeSet::new();
            for s in &simplices {
                for (i, &a) in s.iter().enumerate() {
                    for &b in &s[i + 1..] {
                        edges.insert((a.min(b) as i64, a.max(b) as i64));
                    }
                }
            }
            let e = fx.array_i64(&format!("delaunay{d}/edges"));
            let want: BTreeSet<(i64, i64)> = e.outer_iter().map(|r| (r[0], r[1])).collect();
            assert_eq!(edges, want, "d = {d}");
        }
    }

    #[test]
    fn cocircular_points_give_a_valid_triangulation() {
        // The unit square's corners and its centre: four co-circular points.
        let pts = vec![vec![0.0, 0.0], vec![1.0, 0.0], vec![1.0, 1.0], vec![0.0, 1.0], vec![0.5, 0.5]];
        let s = delaunay(&pts).unwrap();
        assert_eq!(s.len(), 4);
        assert!(s.iter().all(|t| t.contains(&4)));
        // A 3 x 3 grid: 8 triangles whatever the diagonals.
        let grid: Vec<Vec<f64>> = (0..9).map(|i| vec![(i % 3) as f64, (i / 3) as f64]).collect();
        assert_eq!(delaunay(&grid).unwrap().len(), 8);
    }

    #[test]
    fn flat_input_is_an_error() {
        let pts: Vec<Vec<f64>> = (0..5).map(|i| vec![i as f64, 2.0 * i as f64]).collect();
        assert_eq!(delaunay(&pts), Err(Flat));
        let same = vec![vec![1.0, 1.0]; 4];
        assert_eq!(delaunay(&same), Err(Flat));
    }
}

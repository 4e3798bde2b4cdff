//! Convex hulls and Delaunay triangulations of planar point sets (`scipy.spatial.ConvexHull`
//! and `scipy.spatial.Delaunay` in 2-d).

use crate::error::{Result, SpatialError};
use ndarray::{Array2, ArrayBase, Data, Ix2};

/// Twice the signed area of the triangle (a, b, c): positive when counter-clockwise.
fn orient(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// The rows of `points` as `[x, y]` pairs, multiplied by a power of two (returned) that brings
/// the largest coordinate near 1: the orientation and in-circle determinants take products of
/// up to four coordinate differences, which overflow from coordinates near 1e77 (and underflow
/// for tiny ones), where the scaled ones do not. Scaling by a power of two is exact, so every
/// decision is the unscaled one wherever that one did not overflow.
fn planar_points<S: Data<Elem = f64>>(
    points: &ArrayBase<S, Ix2>,
    what: &'static str,
) -> Result<(Vec<[f64; 2]>, f64)> {
    if points.ncols() != 2 {
        return Err(SpatialError::DimensionMismatch { arg: "points", expected: 2, found: points.ncols() });
    }
    if !points.iter().all(|v| v.is_finite()) {
        return Err(SpatialError::NotFinite { arg: "points" });
    }
    let largest = points.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let scale =
        if largest > 0.0 { 2f64.powi((-largest.log2().round() as i32).clamp(-1000, 1000)) } else { 1.0 };
    let pts: Vec<[f64; 2]> = points.rows().into_iter().map(|r| [r[0] * scale, r[1] * scale]).collect();
    let degenerate = pts.len() < 3 || {
        let a = pts[0];
        match pts.iter().find(|p| **p != a) {
            None => true,
            Some(&b) => pts.iter().all(|&c| orient(a, b, c) == 0.0),
        }
    };
    if degenerate {
        return Err(SpatialError::Degenerate { what, needed: 3, found: pts.len() });
    }
    Ok((pts, scale))
}

/// The convex hull of a planar point set.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvexHull {
    /// Indices of the hull vertices, counter-clockwise (as Qhull gives them in 2-d).
    pub vertices: Vec<usize>,
    /// The hull edges as pairs of point indices.
    pub simplices: Vec<[usize; 2]>,
    /// The hull's perimeter (SciPy's `area` in 2-d).
    pub area: f64,
    /// The enclosed area (SciPy's `volume` in 2-d).
    pub volume: f64,
}

impl ConvexHull {
    /// Computes the hull by Andrew's monotone chain; collinear boundary points are not
    /// vertices (Qhull's default).
    ///
    /// # Errors
    ///
    /// [`SpatialError::DimensionMismatch`] for points that are not 2-d (higher dimensions are
    /// not implemented), [`SpatialError::NotFinite`], [`SpatialError::Degenerate`] for fewer
    /// than 3 points or points on one line (Qhull's QH6154/QH6214 errors).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_spatial::ConvexHull;
    /// use sci_spatial::sci_array::ndarray::array;
    /// let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    /// let hull = ConvexHull::new(&pts)?;
    /// assert_eq!((hull.area, hull.volume), (4.0, 1.0));
    /// assert_eq!(hull.vertices.len(), 4);
    /// # Ok::<(), sci_spatial::SpatialError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.spatial.ConvexHull(points)` for 2-d points.
    pub fn new<S: Data<Elem = f64>>(points: &ArrayBase<S, Ix2>) -> Result<Self> {
        let (pts, scale) = planar_points(points, "ConvexHull")?;
        let mut order: Vec<usize> = (0..pts.len()).collect();
        order.sort_by(|&a, &b| pts[a][0].total_cmp(&pts[b][0]).then(pts[a][1].total_cmp(&pts[b][1])));
        order.dedup_by(|a, b| pts[*a] == pts[*b]);
        let mut hull: Vec<usize> = Vec::with_capacity(2 * order.len());
        for pass in 0..2 {
            let start = hull.len();
            let seq: Box<dyn Iterator<Item = &usize>> =
                if pass == 0 { Box::new(order.iter()) } else { Box::new(order.iter().rev()) };
            for &i in seq {
                while hull.len() >= start + 2
                    && orient(pts[hull[hull.len() - 2]], pts[hull[hull.len() - 1]], pts[i]) <= 0.0
                {
                    hull.pop();
                }
                hull.push(i);
            }
            hull.pop();
        }
        let n = hull.len();
        let mut area = 0.0;
        let mut twice = 0.0;
        let mut simplices = Vec::with_capacity(n);
        for j in 0..n {
            let (a, b) = (pts[hull[j]], pts[hull[(j + 1) % n]]);
            area += ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
            twice += a[0] * b[1] - a[1] * b[0];
            simplices.push([hull[j], hull[(j + 1) % n]]);
        }
        // Back to the points' units (exact: the scale is a power of two).
        Ok(Self { vertices: hull, simplices, area: area / scale, volume: twice / 2.0 / scale / scale })
    }
}

/// A Delaunay triangulation of a planar point set.
#[derive(Debug, Clone, PartialEq)]
pub struct Delaunay {
    /// The points.
    pub points: Array2<f64>,
    /// Triangles as point indices, each counter-clockwise.
    pub simplices: Vec<[usize; 3]>,
}

/// Whether d lies strictly inside the circumcircle of the counter-clockwise triangle (a, b, c).
fn in_circle(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
    let (adx, ady) = (a[0] - d[0], a[1] - d[1]);
    let (bdx, bdy) = (b[0] - d[0], b[1] - d[1]);
    let (cdx, cdy) = (c[0] - d[0], c[1] - d[1]);
    let det = (adx * adx + ady * ady) * (bdx * cdy - cdx * bdy)
        - (bdx * bdx + bdy * bdy) * (adx * cdy - cdx * ady)
        + (cdx * cdx + cdy * cdy) * (adx * bdy - bdx * ady);
    det > 0.0
}

impl Delaunay {
    /// Triangulates the points by Bowyer-Watson insertion inside a bounding super-triangle.
    ///
    /// For points in general position the triangulation is unique, so the triangles are
    /// SciPy's (Qhull's) up to their order; with four or more co-circular points any valid
    /// choice may differ from Qhull's.
    ///
    /// # Errors
    ///
    /// As [`ConvexHull::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_spatial::Delaunay;
    /// use sci_spatial::sci_array::ndarray::array;
    /// let pts = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, 0.4]];
    /// let tri = Delaunay::new(&pts)?;
    /// assert_eq!(tri.simplices.len(), 4);
    /// assert_eq!(tri.find_simplex(&[0.5, 0.1]).map(|s| tri.simplices[s].contains(&4)), Some(true));
    /// # Ok::<(), sci_spatial::SpatialError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.spatial.Delaunay(points)` for 2-d points.
    pub fn new<S: Data<Elem = f64>>(points: &ArrayBase<S, Ix2>) -> Result<Self> {
        let (pts, _) = planar_points(points, "Delaunay")?;
        let n = pts.len();
        let (mut minx, mut miny, mut maxx, mut maxy) =
            (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for p in &pts {
            minx = minx.min(p[0]);
            miny = miny.min(p[1]);
            maxx = maxx.max(p[0]);
            maxy = maxy.max(p[1]);
        }
        let span = (maxx - minx).max(maxy - miny).max(f64::MIN_POSITIVE);
        let (cx, cy) = ((minx + maxx) / 2.0, (miny + maxy) / 2.0);
        let mut all = pts.clone();
        // A super-triangle far enough that its circumcircles near the data are half-planes to
        // within round-off: a small one misses hull triangles whose circumcircle would have to
        // reach beyond it. Incircle decisions then only err for points within ~1e-8 span of a
        // hull edge's line.
        let r = 1e8 * span;
        all.push([cx - 2.0 * r, cy - r]);
        all.push([cx + 2.0 * r, cy - r]);
        all.push([cx, cy + 2.0 * r]);
        let mut tris: Vec<[usize; 3]> = vec![[n, n + 1, n + 2]];
        // Insert in sorted order for locality; duplicates of an inserted point are skipped (Qhull's
        // coplanar points).
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| pts[a][0].total_cmp(&pts[b][0]).then(pts[a][1].total_cmp(&pts[b][1])));
        let mut prev: Option<[f64; 2]> = None;
        for &i in &order {
            let p = all[i];
            if prev == Some(p) {
                continue;
            }
            prev = Some(p);
            let (bad, keep): (Vec<[usize; 3]>, Vec<[usize; 3]>) =
                tris.into_iter().partition(|t| in_circle(all[t[0]], all[t[1]], all[t[2]], p));
            // Boundary edges of the cavity: edges of bad triangles not shared with another.
            let mut edges: Vec<(usize, usize)> = Vec::new();
            for t in &bad {
                for e in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
                    if let Some(pos) = edges.iter().position(|&(a, b)| a == e.1 && b == e.0) {
                        edges.swap_remove(pos);
                    } else {
                        edges.push(e);
                    }
                }
            }
            tris = keep;
            for (a, b) in edges {
                tris.push([a, b, i]);
            }
        }
        tris.retain(|t| t.iter().all(|&v| v < n));
        Ok(Self { points: points.to_owned(), simplices: tris })
    }

    /// The index of a triangle containing `x` (on its boundary included), or `None` outside
    /// the triangulation (SciPy returns -1).
    ///
    /// SciPy equivalent: `Delaunay.find_simplex(x)` for one point.
    pub fn find_simplex(&self, x: &[f64; 2]) -> Option<usize> {
        let p = |i: usize| [self.points[[i, 0]], self.points[[i, 1]]];
        self.simplices.iter().position(|t| {
            let (a, b, c) = (p(t[0]), p(t[1]), p(t[2]));
            orient(a, b, *x) >= 0.0 && orient(b, c, *x) >= 0.0 && orient(c, a, *x) >= 0.0
        })
    }
}

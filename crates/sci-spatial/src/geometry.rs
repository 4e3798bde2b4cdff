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

/// A triangulation under construction: triangles (dead ones left in place), and the triangle
/// on the left of each directed edge, for walking and for growing cavities.
struct Mesh<'a> {
    all: &'a [[f64; 2]],
    tris: Vec<[usize; 3]>,
    alive: Vec<bool>,
    owner: std::collections::HashMap<(usize, usize), usize>,
    live: usize,
    last: usize,
}

fn edges_of(t: &[usize; 3]) -> [(usize, usize); 3] {
    [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])]
}

impl<'a> Mesh<'a> {
    fn new(all: &'a [[f64; 2]], first: [usize; 3]) -> Self {
        let mut m = Self {
            all,
            tris: Vec::new(),
            alive: Vec::new(),
            owner: std::collections::HashMap::new(),
            live: 0,
            last: 0,
        };
        m.add(first);
        m
    }

    fn add(&mut self, t: [usize; 3]) {
        let k = self.tris.len();
        for e in edges_of(&t) {
            self.owner.insert(e, k);
        }
        self.tris.push(t);
        self.alive.push(true);
        self.live += 1;
        self.last = k;
    }

    fn remove(&mut self, k: usize) {
        for e in edges_of(&self.tris[k]) {
            if self.owner.get(&e) == Some(&k) {
                self.owner.remove(&e);
            }
        }
        self.alive[k] = false;
        self.live -= 1;
    }

    fn across(&self, (a, b): (usize, usize)) -> Option<usize> {
        self.owner.get(&(b, a)).copied()
    }

    fn contains(&self, k: usize, p: [f64; 2]) -> bool {
        edges_of(&self.tris[k]).iter().all(|&(a, b)| orient(self.all[a], self.all[b], p) >= 0.0)
    }

    /// A live triangle containing `p`: a visibility walk from the last triangle made (points
    /// come in sorted order, so it is near), every triangle if round-off makes it cycle.
    fn locate(&self, p: [f64; 2]) -> Option<usize> {
        let mut t = self.last;
        for _ in 0..=self.live {
            let exit =
                edges_of(&self.tris[t]).into_iter().find(|&(a, b)| orient(self.all[a], self.all[b], p) < 0.0);
            match exit {
                None => return Some(t),
                Some(e) => match self.across(e) {
                    Some(u) => t = u,
                    None => break,
                },
            }
        }
        (0..self.tris.len()).find(|&k| self.alive[k] && self.contains(k, p))
    }

    /// Inserts point `i` (Bowyer-Watson): removes the cavity of triangles whose circumcircle
    /// contains the point and connects its boundary to the point.
    ///
    /// Near-co-circular points make the in-circle tests inconsistent under round-off, and a
    /// cavity of all such triangles may be disconnected or not star-shaped around the point,
    /// which gives overlapping triangles. The cavity is therefore grown from the triangle
    /// that contains the point, through neighbours that pass the test, and trimmed until the
    /// point sees every boundary edge strictly from inside. Should no valid cavity exist (a
    /// point in no triangle, impossible inside the super-triangle), nothing changes.
    fn insert(&mut self, i: usize) {
        let all = self.all;
        let p = all[i];
        let Some(start) = self.locate(p) else { return };
        // An exact duplicate of a vertex (e.g. -0.0 against 0.0) adds nothing.
        if self.tris[start].iter().any(|&v| all[v] == p) {
            return;
        }
        let circle = |t: &[usize; 3]| in_circle(all[t[0]], all[t[1]], all[t[2]], p);
        // Per-triangle state, reset by the caller's scope: in-circle test (lazily), forced in.
        let mut inside: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
        let mut forced: std::collections::HashSet<usize> = std::collections::HashSet::from([start]);
        let mut members: Vec<usize> = Vec::new();
        let mut cavity: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut valid = false;
        for _ in 0..=4 * self.live + 8 {
            cavity.clear();
            members.clear();
            let mut queue = vec![start];
            cavity.insert(start);
            while let Some(k) = queue.pop() {
                members.push(k);
                for e in edges_of(&self.tris[k]) {
                    if let Some(u) = self.across(e) {
                        let ok =
                            forced.contains(&u) || *inside.entry(u).or_insert_with(|| circle(&self.tris[u]));
                        if ok && cavity.insert(u) {
                            queue.push(u);
                        }
                    }
                }
            }
            // A boundary edge the point does not see strictly from inside.
            let mut fix = None;
            'scan: for &k in &members {
                for e in edges_of(&self.tris[k]) {
                    let across = self.across(e);
                    if across.is_some_and(|u| cavity.contains(&u)) {
                        continue;
                    }
                    if orient(all[e.0], all[e.1], p) <= 0.0 {
                        fix = Some((k, across));
                        break 'scan;
                    }
                }
            }
            match fix {
                None => {
                    valid = true;
                    break;
                }
                // The point is on an edge of a triangle that must stay: take in its neighbour.
                Some((k, Some(u))) if forced.contains(&k) && !forced.contains(&u) => {
                    forced.insert(u);
                }
                Some((k, _)) if !forced.contains(&k) => {
                    inside.insert(k, false);
                }
                Some(_) => return,
            }
        }
        if !valid {
            return;
        }
        let mut boundary: Vec<(usize, usize)> = Vec::new();
        for &k in &members {
            for e in edges_of(&self.tris[k]) {
                if !self.across(e).is_some_and(|u| cavity.contains(&u)) {
                    boundary.push(e);
                }
            }
        }
        for &k in &members {
            self.remove(k);
        }
        for (a, b) in boundary {
            self.add([a, b, i]);
        }
    }
}

impl Delaunay {
    /// Triangulates the points by Bowyer-Watson insertion inside a bounding super-triangle,
    /// each point located by a walk from the previous one (points inserted along a grid, so
    /// the walks are short), each cavity kept connected and star-shaped so that round-off in
    /// near-co-circular cases cannot make triangles overlap.
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
        let mut mesh = Mesh::new(&all, [n, n + 1, n + 2]);
        // Insert cell by cell of a grid of about 4 points per cell, the rows of cells in
        // alternating directions, so that each point is near the last one and the walk that
        // locates it is short; equal points stay adjacent, and duplicates of an inserted point
        // are skipped (Qhull's coplanar points).
        let cells = ((n as f64 / 4.0).sqrt().floor() as usize).max(1);
        let cell = |v: f64, lo: f64, hi: f64| {
            let c = if hi > lo { ((v - lo) / (hi - lo) * cells as f64) as usize } else { 0 };
            c.min(cells - 1)
        };
        let key = |q: [f64; 2]| {
            let (row, col) = (cell(q[1], miny, maxy), cell(q[0], minx, maxx));
            (row, if row % 2 == 0 { col } else { cells - 1 - col })
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            key(pts[a])
                .cmp(&key(pts[b]))
                .then(pts[a][0].total_cmp(&pts[b][0]))
                .then(pts[a][1].total_cmp(&pts[b][1]))
        });
        let mut prev: Option<[f64; 2]> = None;
        for &i in &order {
            let p = all[i];
            if prev == Some(p) {
                continue;
            }
            prev = Some(p);
            mesh.insert(i);
        }
        let tris: Vec<[usize; 3]> = (0..mesh.tris.len())
            .filter(|&k| mesh.alive[k] && mesh.tris[k].iter().all(|&v| v < n))
            .map(|k| mesh.tris[k])
            .collect();
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

//! Voronoi diagrams of planar point sets (`scipy.spatial.Voronoi` in 2-d), built from the
//! Delaunay triangulation, and `tsearch`.

use crate::error::{Result, SpatialError};
use crate::geometry::Delaunay;
use ndarray::{Array2, ArrayBase, Data, Ix2};
use std::collections::{BTreeMap, HashMap};

/// The Voronoi diagram of a planar point set.
///
/// Vertices are the circumcentres of the Delaunay triangles, one per group of co-circular
/// triangles (Qhull merges such facets, e.g. the squares of a grid). Indices into `vertices`
/// use `-1` for the vertex at infinity, as SciPy does.
///
/// The diagram is SciPy's up to the order of its vertices, ridges and regions (Qhull's order
/// is an artefact of its incremental construction): the same vertex coordinates, the same
/// ridges as pairs of points with the same end vertices, the same region for each point.
/// Unlike SciPy, `regions` has no empty region for Qhull's point at infinity: one region per
/// distinct input point, a duplicate point sharing the region of its first copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Voronoi {
    /// The input points.
    pub points: Array2<f64>,
    /// The Voronoi vertices, one per row.
    pub vertices: Array2<f64>,
    /// The pairs of input points whose regions share a ridge (an edge of the diagram).
    pub ridge_points: Vec<[usize; 2]>,
    /// The end vertices of each ridge, `-1` first for a ridge that extends to infinity.
    pub ridge_vertices: Vec<[i64; 2]>,
    /// The vertices of each region, counter-clockwise around its point; an unbounded region
    /// has `-1` where it opens to infinity (first).
    pub regions: Vec<Vec<i64>>,
    /// The index into `regions` of each input point.
    pub point_region: Vec<usize>,
}

fn circumcenter(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> [f64; 2] {
    let (bx, by) = (b[0] - a[0], b[1] - a[1]);
    let (cx, cy) = (c[0] - a[0], c[1] - a[1]);
    let d = 2.0 * (bx * cy - by * cx);
    let (b2, c2) = (bx * bx + by * by, cx * cx + cy * cy);
    [a[0] + (cy * b2 - by * c2) / d, a[1] + (bx * c2 - cx * b2) / d]
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

impl Voronoi {
    /// Computes the Voronoi diagram of 2-d points.
    ///
    /// # Errors
    ///
    /// As [`Delaunay::new`]: [`SpatialError::DimensionMismatch`] for points that are not 2-d
    /// (higher dimensions are not implemented), [`SpatialError::NotFinite`],
    /// [`SpatialError::Degenerate`] for fewer than 3 points or points on one line (SciPy's
    /// `QhullError`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_spatial::Voronoi;
    /// use sci_spatial::sci_array::ndarray::Array2;
    /// // A 3 x 3 grid: one bounded region (the centre's), four vertices.
    /// let pts = Array2::from_shape_fn((9, 2), |(i, j)| if j == 0 { (i / 3) as f64 } else { (i % 3) as f64 });
    /// let vor = Voronoi::new(&pts)?;
    /// assert_eq!(vor.vertices.nrows(), 4);
    /// assert_eq!(vor.ridge_points.len(), 12);
    /// let centre = &vor.regions[vor.point_region[4]];
    /// assert_eq!(centre.len(), 4);
    /// assert!(centre.iter().all(|&v| v >= 0));
    /// # Ok::<(), sci_spatial::SpatialError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.spatial.Voronoi(points)` for 2-d points.
    pub fn new<S: Data<Elem = f64>>(points: &ArrayBase<S, Ix2>) -> Result<Self> {
        let tri = Delaunay::new(points)?;
        let n = points.nrows();
        let p = |i: usize| [points[[i, 0]], points[[i, 1]]];
        let tris = &tri.simplices;
        let centers: Vec<[f64; 2]> = tris.iter().map(|t| circumcenter(p(t[0]), p(t[1]), p(t[2]))).collect();
        // Edges (sorted pairs) and their one or two triangles.
        let mut edges: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (k, t) in tris.iter().enumerate() {
            for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
                edges.entry((a.min(b), a.max(b))).or_default().push(k);
            }
        }
        // Merge neighbouring triangles with one circumcentre (co-circular points).
        let span = points.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let mut parent: Vec<usize> = (0..tris.len()).collect();
        for ts in edges.values() {
            if let [t1, t2] = ts[..] {
                let (c1, c2) = (centers[t1], centers[t2]);
                let size = span.max(c1[0].abs()).max(c1[1].abs());
                if (c1[0] - c2[0]).hypot(c1[1] - c2[1]) <= 1e-10 * size {
                    let (r1, r2) = (find(&mut parent, t1), find(&mut parent, t2));
                    parent[r1.max(r2)] = r1.min(r2);
                }
            }
        }
        let mut vertex_of_root: HashMap<usize, usize> = HashMap::new();
        let mut vertices: Vec<[f64; 2]> = Vec::new();
        let mut vertex = vec![0i64; tris.len()];
        for k in 0..tris.len() {
            let r = find(&mut parent, k);
            let id = *vertex_of_root.entry(r).or_insert_with(|| {
                vertices.push(centers[r]);
                vertices.len() - 1
            });
            vertex[k] = id as i64;
        }
        let mut ridge_points = Vec::new();
        let mut ridge_vertices = Vec::new();
        for (&(a, b), ts) in &edges {
            match ts[..] {
                [t] => {
                    ridge_points.push([a, b]);
                    ridge_vertices.push([-1, vertex[t]]);
                }
                [t1, t2] if vertex[t1] != vertex[t2] => {
                    ridge_points.push([a, b]);
                    ridge_vertices.push([vertex[t1], vertex[t2]]);
                }
                _ => {}
            }
        }
        // Regions: the triangles around each point by angle, a gap (-1) where two consecutive
        // ones share no edge (the outside of the hull).
        let mut around: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (k, t) in tris.iter().enumerate() {
            for &v in t {
                around[v].push(k);
            }
        }
        let mut on_hull = vec![false; n];
        for (&(a, b), ts) in &edges {
            if ts.len() == 1 {
                on_hull[a] = true;
                on_hull[b] = true;
            }
        }
        let mut regions: Vec<Vec<i64>> = Vec::new();
        let mut point_region = vec![usize::MAX; n];
        let mut region_of_point: HashMap<[u64; 2], usize> = HashMap::new();
        // Exact coordinates as a key, -0.0 and 0.0 as one.
        let key = |q: [f64; 2]| [(q[0] + 0.0).to_bits(), (q[1] + 0.0).to_bits()];
        for i in 0..n {
            if around[i].is_empty() {
                continue;
            }
            let pi = p(i);
            let mut fan: Vec<(f64, usize)> = around[i]
                .iter()
                .map(|&k| {
                    let t = tris[k];
                    let cx = (p(t[0])[0] + p(t[1])[0] + p(t[2])[0]) / 3.0 - pi[0];
                    let cy = (p(t[0])[1] + p(t[1])[1] + p(t[2])[1]) / 3.0 - pi[1];
                    (cy.atan2(cx), k)
                })
                .collect();
            fan.sort_by(|a, b| a.0.total_cmp(&b.0));
            let m = fan.len();
            // On the hull (an edge with one triangle) the fan opens where consecutive centroid
            // angles are farthest apart: more than pi there (the hull's interior angle is at
            // most pi), less than pi between neighbouring triangles.
            let gap = on_hull[i].then(|| {
                (0..m)
                    .map(|j| {
                        let d = if j + 1 < m {
                            fan[j + 1].0 - fan[j].0
                        } else {
                            fan[0].0 + std::f64::consts::TAU - fan[j].0
                        };
                        (d, j)
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map_or(0, |(_, j)| j)
            });
            let start = gap.map_or(0, |g| (g + 1) % m);
            let mut region: Vec<i64> = if gap.is_some() { vec![-1] } else { Vec::new() };
            for j in 0..m {
                let v = vertex[fan[(start + j) % m].1];
                if region.last() != Some(&v) {
                    region.push(v);
                }
            }
            if gap.is_none() && region.len() > 1 && region.first() == region.last() {
                region.pop();
            }
            point_region[i] = regions.len();
            region_of_point.insert(key(pi), regions.len());
            regions.push(region);
        }
        // Duplicates share the region of their first copy.
        for i in 0..n {
            if point_region[i] == usize::MAX {
                point_region[i] = match region_of_point.get(&key(p(i))) {
                    Some(&r) => r,
                    None => {
                        regions.push(Vec::new());
                        regions.len() - 1
                    }
                };
            }
        }
        let vertices = Array2::from_shape_fn((vertices.len(), 2), |(i, j)| vertices[i][j]);
        Ok(Self { points: points.to_owned(), vertices, ridge_points, ridge_vertices, regions, point_region })
    }
}

/// The triangle of `tri` containing each row of `xi`, or `None` outside the triangulation
/// or for NaN coordinates (SciPy's -1); a point on an edge shared by two triangles gets one of
/// them.
///
/// Each search walks from the previous answer across the edge that separates the triangle
/// from the point (a visibility walk, which terminates in a Delaunay triangulation), as Qhull's
/// directed search does; leaving through a hull edge means the point is outside.
///
/// # Errors
///
/// [`SpatialError::DimensionMismatch`] when `xi` does not have 2 columns.
///
/// # Examples
///
/// ```
/// use sci_spatial::{tsearch, Delaunay};
/// use sci_spatial::sci_array::ndarray::array;
/// let tri = Delaunay::new(&array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])?;
/// let found = tsearch(&tri, &array![[0.25, 0.25], [2.0, 2.0]])?;
/// assert!(found[0].is_some());
/// assert_eq!(found[1], None);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.tsearch(tri, xi)` (= `tri.find_simplex(xi)`) for 2-d.
pub fn tsearch<S: Data<Elem = f64>>(tri: &Delaunay, xi: &ArrayBase<S, Ix2>) -> Result<Vec<Option<usize>>> {
    if xi.ncols() != 2 {
        return Err(SpatialError::DimensionMismatch { arg: "xi", expected: 2, found: xi.ncols() });
    }
    let tris = &tri.simplices;
    let p = |i: usize| [tri.points[[i, 0]], tri.points[[i, 1]]];
    // neighbour[t][k]: the triangle across the edge from vertex k to vertex k + 1.
    let mut by_edge: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    let mut neighbour = vec![[None; 3]; tris.len()];
    for (t, s) in tris.iter().enumerate() {
        for k in 0..3 {
            let (a, b) = (s[k], s[(k + 1) % 3]);
            if let Some((u, l)) = by_edge.remove(&(b, a)) {
                neighbour[t][k] = Some(u);
                neighbour[u][l] = Some(t);
            } else {
                by_edge.insert((a, b), (t, k));
            }
        }
    }
    let orient =
        |a: [f64; 2], b: [f64; 2], x: [f64; 2]| (b[0] - a[0]) * (x[1] - a[1]) - (b[1] - a[1]) * (x[0] - a[0]);
    let mut start = 0;
    let mut out = Vec::with_capacity(xi.nrows());
    for row in xi.rows() {
        let x = [row[0], row[1]];
        if tris.is_empty() || !(x[0].is_finite() && x[1].is_finite()) {
            out.push(None);
            continue;
        }
        let mut t = start;
        let mut found = None;
        // A walk longer than the number of triangles means round-off made it cycle: search
        // every triangle instead.
        for _ in 0..=tris.len() {
            let s = tris[t];
            let exit = (0..3).find(|&k| orient(p(s[k]), p(s[(k + 1) % 3]), x) < 0.0);
            match exit {
                None => {
                    found = Some(Some(t));
                    break;
                }
                Some(k) => match neighbour[t][k] {
                    Some(u) => t = u,
                    None => {
                        found = Some(None);
                        break;
                    }
                },
            }
        }
        let found = found.unwrap_or_else(|| tri.find_simplex(&x));
        if let Some(t) = found {
            start = t;
        }
        out.push(found);
    }
    Ok(out)
}

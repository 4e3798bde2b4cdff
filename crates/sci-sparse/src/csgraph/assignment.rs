//! Minimum weight full bipartite matching: LAPJVsp (Jonker–Volgenant for sparse graphs),
//! step by step as SciPy's port of Volgenant's Pascal code.

use sci_array::ndarray::Array1;

use super::matching::structural_rank;
use crate::CsrMatrix;
use crate::cs::Cs;
use crate::error::{Result, SparseError, invalid};

const NONE: usize = usize::MAX;

fn no_matching() -> SparseError {
    invalid("biadjacency", "no full matching exists")
}

/// State of one LAPJVsp run on a graph with `nr <= nc`.
struct Lap<'a> {
    first: &'a [usize],
    kk: &'a [usize],
    cc: &'a [f64],
    nc: usize,
    v: Vec<f64>,
    x: Vec<usize>,
    y: Vec<usize>,
    d: Vec<f64>,
    ok: Vec<bool>,
    todo: Vec<usize>,
    lab: Vec<usize>,
}

impl Lap<'_> {
    fn cost(&self, i: usize, j: usize) -> f64 {
        let mut tp = self.first[i];
        while self.kk[tp] != j {
            tp += 1;
        }
        self.cc[tp]
    }

    fn update_dual(&mut self, last: usize, min_diff: f64) {
        for k in last..self.nc {
            let j0 = self.todo[k];
            self.v[j0] += self.d[j0] - min_diff;
        }
    }

    fn update_assignments(&mut self, mut j: usize, i0: usize) {
        loop {
            let i = self.lab[j];
            self.y[j] = i;
            std::mem::swap(&mut j, &mut self.x[i]);
            if i == i0 {
                return;
            }
        }
    }

    /// SciPy's `_lapjvsp_single_l`: one shortest augmenting path from free row `i0`. `td1`
    /// is SciPy's index into `todo` (-1 = empty), carried from call to call.
    fn augment(&mut self, i0: usize, mut td1: isize) -> Result<isize> {
        let nc = self.nc;
        self.d.iter_mut().for_each(|d| *d = f64::INFINITY);
        self.ok.iter_mut().for_each(|o| *o = false);
        let mut min_diff = f64::INFINITY;
        for t in self.first[i0]..self.first[i0 + 1] {
            let j = self.kk[t];
            let dj = self.cc[t] - self.v[j];
            self.d[j] = dj;
            self.lab[j] = i0;
            if dj <= min_diff {
                if dj < min_diff {
                    td1 = -1;
                    min_diff = dj;
                }
                td1 += 1;
                self.todo[td1 as usize] = j;
            }
        }
        for hp in 0..=td1 {
            let j = self.todo[hp as usize];
            if self.y[j] == NONE {
                self.update_assignments(j, i0);
                return Ok(td1);
            }
            self.ok[j] = true;
        }
        let mut td2 = nc as isize - 1;
        let mut last = nc;
        loop {
            if td1 < 0 {
                return Err(no_matching());
            }
            let j0 = self.todo[td1 as usize];
            td1 -= 1;
            let i = self.y[j0];
            self.todo[td2 as usize] = j0;
            td2 -= 1;
            let h = self.cost(i, j0) - self.v[j0] - min_diff;
            for t in self.first[i]..self.first[i + 1] {
                let j = self.kk[t];
                if !self.ok[j] {
                    let vj = self.cc[t] - self.v[j] - h;
                    if vj < self.d[j] {
                        self.d[j] = vj;
                        self.lab[j] = i;
                        if vj == min_diff {
                            if self.y[j] == NONE {
                                self.update_dual(last, min_diff);
                                self.update_assignments(j, i0);
                                return Ok(td1);
                            }
                            td1 += 1;
                            self.todo[td1 as usize] = j;
                            self.ok[j] = true;
                        }
                    }
                }
            }
            if td1 == -1 {
                min_diff = f64::INFINITY;
                last = (td2 + 1) as usize;
                for jp in 0..nc {
                    let dj = self.d[jp];
                    if dj != f64::INFINITY && dj <= min_diff && !self.ok[jp] {
                        if dj < min_diff {
                            td1 = -1;
                            min_diff = dj;
                        }
                        td1 += 1;
                        self.todo[td1 as usize] = jp;
                    }
                }
                for hp in 0..=td1 {
                    let j = self.todo[hp as usize];
                    if self.y[j] == NONE {
                        self.update_dual(last, min_diff);
                        self.update_assignments(j, i0);
                        return Ok(td1);
                    }
                    self.ok[j] = true;
                }
            }
        }
    }
}

/// SciPy's `_lapjvsp` on canonical `c` (`nr <= nc`): for each row, its column.
fn lapjvsp(c: &Cs<f64>) -> Result<Vec<usize>> {
    let (nr, nc) = (c.nmajor, c.nminor);
    let mut s = Lap {
        first: &c.indptr,
        kk: &c.indices,
        cc: &c.data,
        nc,
        v: vec![0.0; nc],
        x: vec![NONE; nr],
        y: vec![NONE; nc],
        d: vec![0.0; nc],
        ok: vec![false; nc],
        todo: vec![NONE; nc],
        lab: vec![0; nc],
    };
    let mut free = vec![NONE; nr];
    let l0 = if nr == nc {
        // column reduction
        s.v.iter_mut().for_each(|v| *v = f64::INFINITY);
        for i in 0..nr {
            for t in s.first[i]..s.first[i + 1] {
                let jp = s.kk[t];
                if s.cc[t] < s.v[jp] {
                    s.v[jp] = s.cc[t];
                    s.y[jp] = i;
                }
            }
        }
        let mut xinv = vec![false; nr];
        for jp in (0..nc).rev() {
            let i = s.y[jp];
            if i == NONE {
                return Err(no_matching());
            }
            if s.x[i] == NONE {
                s.x[i] = jp;
            } else {
                s.y[jp] = NONE;
                xinv[i] = true;
            }
        }
        // reduction transfer
        let mut lp = 0usize;
        for i in 0..nr {
            if xinv[i] {
                continue;
            }
            if s.x[i] != NONE {
                let mut min_diff = f64::INFINITY;
                let j1 = s.x[i];
                for t in s.first[i]..s.first[i + 1] {
                    let jp = s.kk[t];
                    if jp != j1 && s.cc[t] - s.v[jp] < min_diff {
                        min_diff = s.cc[t] - s.v[jp];
                    }
                }
                s.v[j1] = s.cost(i, j1) - min_diff;
            } else {
                free[lp] = i;
                lp += 1;
            }
        }
        // two rounds of augmenting row reduction
        for _ in 0..2 {
            let mut h = 0usize;
            let l0p = lp;
            lp = 0;
            while h < l0p {
                let i = free[h];
                h += 1;
                let (mut j0p, mut j1p) = (NONE, NONE);
                let (mut v0, mut vj) = (f64::INFINITY, f64::INFINITY);
                for t in s.first[i]..s.first[i + 1] {
                    let jp = s.kk[t];
                    let dj = s.cc[t] - s.v[jp];
                    if dj < vj {
                        if dj >= v0 {
                            vj = dj;
                            j1p = jp;
                        } else {
                            vj = v0;
                            v0 = dj;
                            j1p = j0p;
                            j0p = jp;
                        }
                    }
                }
                if j0p == NONE {
                    return Err(no_matching());
                }
                let mut i0 = s.y[j0p];
                if v0 < vj {
                    s.v[j0p] += v0 - vj;
                } else if i0 != NONE {
                    j0p = j1p;
                    if j0p == NONE {
                        return Err(no_matching());
                    }
                    i0 = s.y[j0p];
                }
                s.x[i] = j0p;
                s.y[j0p] = i;
                if i0 != NONE {
                    if v0 < vj {
                        h -= 1;
                        free[h] = i0;
                    } else {
                        free[lp] = i0;
                        lp += 1;
                    }
                }
            }
        }
        lp
    } else {
        free.iter_mut().enumerate().for_each(|(i, f)| *f = i);
        nr
    };
    let mut td1: isize = -1;
    for &i0 in &free[..l0] {
        td1 = s.augment(i0, td1)?;
    }
    Ok(s.x)
}

/// A matching of every row (or, for more rows than columns, every column) of the bipartite
/// graph `biadjacency` whose total weight is smallest (largest with `maximize`); the stored
/// entries are the edges, their values the weights. Returns `(row_ind, col_ind)`: matched
/// pairs with `row_ind` sorted (`0..m` when there are at least as many columns as rows).
///
/// As SciPy: explicit zeros and `+inf` weights are not edges (SciPy warns about the zeros),
/// and the algorithm is SciPy's LAPJVsp step by step, so ties between optimal matchings are
/// broken the same way.
///
/// SciPy equivalent: `scipy.sparse.csgraph.min_weight_full_bipartite_matching(biadjacency,
/// maximize)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when no matching covers
/// the smaller side ("no full matching exists").
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::min_weight_full_bipartite_matching;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0, 0.0], [0.0, 3.0, 4.0]]);
/// let (r, c) = min_weight_full_bipartite_matching(&g, false)?;
/// assert_eq!((r, c), (array![0, 1], array![0, 1]));
/// let (_, c) = min_weight_full_bipartite_matching(&g, true)?;
/// assert_eq!(c, array![1, 2]);
/// assert!(min_weight_full_bipartite_matching(&sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [2.0, 0.0]]), false).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn min_weight_full_bipartite_matching(
    biadjacency: &CsrMatrix<f64>,
    maximize: bool,
) -> Result<(Array1<usize>, Array1<usize>)> {
    let mut c = biadjacency.cs.canonical();
    if maximize {
        c.data.iter_mut().for_each(|w| *w = -*w);
    }
    c.retain(|_, _, w| w != 0.0 && w != f64::INFINITY);
    let (m, n) = (c.nmajor, c.nminor);
    if structural_rank(&CsrMatrix { cs: c.clone() }) != m.min(n) {
        return Err(no_matching());
    }
    if n < m {
        let b = lapjvsp(&c.swap_major())?;
        let mut pairs: Vec<(usize, usize)> = b.into_iter().enumerate().map(|(k, r)| (r, k)).collect();
        pairs.sort_unstable();
        Ok((pairs.iter().map(|p| p.0).collect(), pairs.iter().map(|p| p.1).collect()))
    } else {
        Ok((Array1::from_iter(0..m), Array1::from(lapjvsp(&c)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_finds_stored_entry() {
        let c = CsrMatrix::from_dense(&sci_array::ndarray::array![[0.0, 2.0], [3.0, 0.0]]).cs;
        let s = Lap {
            first: &c.indptr,
            kk: &c.indices,
            cc: &c.data,
            nc: 2,
            v: vec![],
            x: vec![],
            y: vec![],
            d: vec![],
            ok: vec![],
            todo: vec![],
            lab: vec![],
        };
        assert_eq!((s.cost(0, 1), s.cost(1, 0)), (2.0, 3.0));
    }
}

//! SciPy's `_shgo_lib._complex.Complex` for the `'simplicial'` sampling: the vertex cache (in
//! creation order), the cached edge splitting, and the two generators that triangulate and
//! refine the hypercube, `cyclic_product` and `refine_local_space`.
//!
//! SciPy's generators stop at every `yield` and `shgo` pulls from them until the cache holds `n`
//! new vertices, so a refinement can pause in the middle and resume at the next iteration. Rust
//! has no stable generators: each one runs on its own thread and hands the complex back over a
//! rendezvous channel when SciPy's caller would stop pulling ([`Coroutine`]), which keeps
//! SciPy's control flow line for
//! line, including Python's function-scoped loop variables (a stale `vl` or `a_vu` from an
//! earlier loop is read where SciPy reads it).

use super::pyset::{PySet, tuple_hash};
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Mutex, MutexGuard};

/// A vertex: its coordinates, its neighbours, and the field value.
pub(crate) struct Vertex {
    pub x: Vec<f64>,
    pub hash: i64,
    pub nn: PySet,
    pub f: f64,
    check_min: bool,
    is_min: bool,
}

/// The simplicial complex.
pub(crate) struct Complex {
    pub v: Vec<Vertex>,
    map: HashMap<Vec<u64>, usize>,
    split: HashMap<(usize, usize), usize>,
    /// `triangulated_vectors` (`None`: the attribute does not exist yet).
    pub tv: Option<Vec<(Vec<f64>, Vec<f64>)>>,
    pub bounds: Vec<(f64, f64)>,
}

/// How a generator step ended, as Python's `next()` would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Yielded,
    /// `StopIteration`.
    Done,
    /// The generator raised `AttributeError` (a Python variable still `None`).
    RaisedAttr,
    /// The generator raised `KeyError` (`set.remove` of a missing member).
    RaisedKey,
}

/// What stops generator code: Python's exceptions, or the coroutine being dropped.
#[derive(Debug, Clone, Copy)]
pub(crate) enum GenErr {
    Stop,
    Attr,
    Key,
}

fn key(x: &[f64]) -> Vec<u64> {
    // `+ 0.0` maps -0.0 to 0.0: Python's tuples of floats compare and hash them as equal.
    x.iter().map(|v| (v + 0.0).to_bits()).collect()
}

impl Complex {
    pub(crate) fn new(bounds: Vec<(f64, f64)>) -> Self {
        Complex { v: Vec::new(), map: HashMap::new(), split: HashMap::new(), tv: None, bounds }
    }

    pub(crate) fn len(&self) -> usize {
        self.v.len()
    }

    pub(crate) fn contains(&self, x: &[f64]) -> bool {
        self.map.contains_key(&key(x))
    }

    /// `V[x]`: the vertex at `x`, created if new.
    pub(crate) fn get(&mut self, x: &[f64]) -> usize {
        let k = key(x);
        if let Some(&i) = self.map.get(&k) {
            return i;
        }
        let i = self.v.len();
        self.v.push(Vertex {
            x: x.to_vec(),
            hash: tuple_hash(x),
            nn: PySet::new(),
            f: f64::INFINITY,
            check_min: true,
            is_min: false,
        });
        self.map.insert(k, i);
        i
    }

    pub(crate) fn connect(&mut self, a: usize, b: usize) {
        if a != b && !self.v[a].nn.contains(b, self.v[b].hash) {
            let (ha, hb) = (self.v[a].hash, self.v[b].hash);
            self.v[a].nn.add(b, hb);
            self.v[b].nn.add(a, ha);
            self.v[a].check_min = true;
            self.v[b].check_min = true;
        }
    }

    fn disconnect(&mut self, a: usize, b: usize) -> Result<(), GenErr> {
        let (ha, hb) = (self.v[a].hash, self.v[b].hash);
        if self.v[a].nn.contains(b, hb) {
            self.v[a].nn.discard(b, hb);
            if !self.v[b].nn.discard(a, ha) {
                return Err(GenErr::Key);
            }
            self.v[a].check_min = true;
            self.v[b].check_min = true;
        }
        Ok(())
    }

    /// `v.star()`: SciPy adds the vertex to its own neighbour set (so it is no longer a
    /// minimiser once its cached flag is recomputed).
    pub(crate) fn star(&mut self, a: usize) {
        let h = self.v[a].hash;
        self.v[a].nn.add(a, h);
    }

    /// `v.minimiser()` with SciPy's cached flag.
    pub(crate) fn minimiser(&mut self, a: usize) -> bool {
        if self.v[a].check_min {
            let f = self.v[a].f;
            let m = self.v[a].nn.items().iter().all(|&b| f < self.v[b].f);
            self.v[a].is_min = m;
            self.v[a].check_min = false;
        }
        self.v[a].is_min
    }

    /// `split_edge(v1, v2)` (memoized on its arguments as `functools.cache` does).
    fn split_edge(&mut self, x1: &[f64], x2: &[f64]) -> Result<usize, GenErr> {
        let i1 = self.get(x1);
        let i2 = self.get(x2);
        if let Some(&c) = self.split.get(&(i1, i2)) {
            return Ok(c);
        }
        self.disconnect(i1, i2)?;
        let (a, b) = (&self.v[i1].x, &self.v[i2].x);
        let vct: Vec<f64> = a.iter().zip(b).map(|(&p, &q)| (q - p) / 2.0 + p).collect();
        let vc = self.get(&vct);
        self.connect(vc, i1);
        self.connect(vc, i2);
        self.split.insert((i1, i2), vc);
        Ok(vc)
    }

    fn split_v(&mut self, a: usize, b: usize) -> Result<usize, GenErr> {
        let (xa, xb) = (self.v[a].x.clone(), self.v[b].x.clone());
        self.split_edge(&xa, &xb)
    }

    /// `vpool(origin, supremum)`: the neighbours of both ends inside their box.
    fn vpool(&mut self, o: usize, s: usize) -> PySet {
        let (vo, vs) = (self.v[o].x.clone(), self.v[s].x.clone());
        let mut bl = vo.clone();
        let mut bu = vs.clone();
        for i in 0..vo.len() {
            if bl[i] > vs[i] {
                bl[i] = vs[i];
            }
            if bu[i] < vo[i] {
                bu[i] = vo[i];
            }
        }
        let mut pool = PySet::new();
        pool.update(&self.v[o].nn);
        pool.update(&self.v[s].nn);
        for vn in pool.copy().items() {
            let inside = self.v[vn].x.iter().enumerate().all(|(i, &xi)| bl[i] <= xi && xi <= bu[i]);
            if !inside {
                pool.discard(vn, self.v[vn].hash);
            }
        }
        pool
    }

    /// The vertex at `x` with coordinate `i` replaced by `value`.
    fn with(&mut self, of: usize, i: usize, value: f64) -> usize {
        let mut x = self.v[of].x.clone();
        x[i] = value;
        self.get(&x)
    }

    fn x_with(&self, of: usize, i: usize, value: f64) -> Vec<f64> {
        let mut x = self.v[of].x.clone();
        x[i] = value;
        x
    }
}

/// The generator side of a [`Coroutine`]: owns the lock on the complex while it runs.
pub(crate) struct Yielder<'m> {
    m: &'m Mutex<Complex>,
    guard: Option<MutexGuard<'m, Complex>>,
    resume: Receiver<Option<usize>>,
    out: SyncSender<(Step, usize)>,
    /// Run on until the complex holds this many vertices at a `yield`.
    target: usize,
    /// `yield`s since the last resume.
    yields: usize,
}

fn lock(m: &Mutex<Complex>) -> MutexGuard<'_, Complex> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Yielder<'_> {
    /// `v = V[x]; bc_vc.connect(v); d_bc_vc.connect(v)`.
    fn corner(&mut self, x: &[f64], bc_vc: usize, d_bc_vc: usize) -> usize {
        let cx = self.cx();
        let v = cx.get(x);
        cx.connect(bc_vc, v);
        cx.connect(d_bc_vc, v);
        v
    }

    /// `d = split_edge(a, b); d_bc_vc.connect(vco); d_bc_vc.connect(d); yield`.
    fn d_split(&mut self, a: usize, b: usize, d_bc_vc: usize, vco: usize) -> Result<usize, GenErr> {
        let cx = self.cx();
        let d = cx.split_v(a, b)?;
        cx.connect(d_bc_vc, vco);
        cx.connect(d_bc_vc, d);
        self.yld()?;
        Ok(d)
    }

    fn cx(&mut self) -> &mut Complex {
        self.guard.as_mut().expect("the generator holds the complex while it runs")
    }

    /// Python's `yield`. SciPy's callers only test the number of vertices between two `next`
    /// calls (`while len(V.cache) < n: next(gen)`), so the generator runs on by itself until
    /// that test would stop the caller, and only then hands the complex back.
    fn yld(&mut self) -> Result<(), GenErr> {
        self.yields += 1;
        if self.cx().len() < self.target {
            return Ok(());
        }
        self.guard = None;
        if self.out.send((Step::Yielded, self.yields)).is_err() {
            return Err(GenErr::Stop);
        }
        match self.resume.recv() {
            Ok(Some(target)) => {
                self.target = target;
                self.yields = 0;
                self.guard = Some(lock(self.m));
                Ok(())
            }
            _ => Err(GenErr::Stop),
        }
    }
}

/// A generator running on its own thread; [`Coroutine::run_until`] is Python's
/// `while len(V.cache) < target: next(gen)`.
pub(crate) struct Coroutine {
    resume: SyncSender<Option<usize>>,
    steps: Receiver<(Step, usize)>,
    finished: bool,
}

/// Which generator to run.
#[derive(Clone)]
pub(crate) enum Gen {
    CyclicProduct,
    RefineLocalSpace(Vec<f64>, Vec<f64>),
}

impl Coroutine {
    pub(crate) fn spawn<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        m: &'env Mutex<Complex>,
        which: Gen,
    ) -> Coroutine {
        let (resume_tx, resume_rx) = sync_channel::<Option<usize>>(0);
        let (step_tx, step_rx) = sync_channel::<(Step, usize)>(0);
        scope.spawn(move || {
            let Ok(Some(target)) = resume_rx.recv() else {
                return;
            };
            let mut y =
                Yielder { m, guard: Some(lock(m)), resume: resume_rx, out: step_tx, target, yields: 0 };
            let r = match which {
                Gen::CyclicProduct => cyclic_product(&mut y),
                Gen::RefineLocalSpace(o, s) => refine_local_space(&mut y, &o, &s),
            };
            y.guard = None;
            let step = match r {
                Ok(()) => Step::Done,
                Err(GenErr::Attr) => Step::RaisedAttr,
                Err(GenErr::Key) => Step::RaisedKey,
                Err(GenErr::Stop) => return,
            };
            let _ = y.out.send((step, y.yields));
        });
        Coroutine { resume: resume_tx, steps: step_rx, finished: false }
    }

    /// Runs the generator until a `yield` finds at least `target` vertices (`Yielded`), or to
    /// its end (`Done`) or exception; also returns the number of `yield`s passed. An exhausted
    /// generator gives `Done` again.
    pub(crate) fn run_until(&mut self, target: usize) -> (Step, usize) {
        if self.finished {
            return (Step::Done, 0);
        }
        if self.resume.send(Some(target)).is_err() {
            self.finished = true;
            return (Step::Done, 0);
        }
        let s = self.steps.recv().unwrap_or((Step::Done, 0));
        if s.0 != Step::Yielded {
            self.finished = true;
        }
        s
    }
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if !self.finished {
            let _ = self.resume.send(None);
        }
    }
}

/// `Complex.cyclic_product(bounds, origin, supremum, centroid=True)`.
fn cyclic_product(g: &mut Yielder<'_>) -> Result<(), GenErr> {
    let bounds = g.cx().bounds.clone();
    let dim = bounds.len();
    let origin: Vec<f64> = bounds.iter().map(|b| b.0).collect();
    let vut: Vec<f64> = bounds.iter().map(|b| b.1).collect();
    let vo = g.cx().get(&origin);
    g.yld()?;
    let vs = g.cx().get(&vut);
    g.cx().connect(vs, vo);
    g.yld()?;
    let mut c0x: Vec<Vec<usize>> = vec![vec![vo]];
    let a_vo = g.cx().with(vo, 0, vut[0]);
    g.cx().connect(vo, a_vo);
    g.yld()?;
    let mut c1x: Vec<Vec<usize>> = vec![vec![a_vo]];
    let mut ab_c: Vec<(usize, usize)> = Vec::new();
    for i in 0..dim - 1 {
        c0x.push(Vec::new());
        c1x.push(Vec::new());
        let cc0x: Vec<Vec<usize>> = c0x[..=i].to_vec();
        let cc1x: Vec<Vec<usize>> = c1x[..=i].to_vec();
        for (j, (vls, vus)) in cc0x.iter().zip(&cc1x).enumerate() {
            for (&vl, &vu) in vls.iter().zip(vus) {
                let a_vl_x = g.cx().x_with(vl, i + 1, vut[i + 1]);
                let a_vu_x = g.cx().x_with(vu, i + 1, vut[i + 1]);
                let a_vl = g.cx().get(&a_vl_x);
                g.cx().connect(vl, a_vl);
                g.yld()?;
                let a_vu = g.cx().get(&a_vu_x);
                g.cx().connect(vu, a_vu);
                g.cx().connect(a_vl, a_vu);
                g.cx().connect(vl, a_vu);
                ab_c.push((vl, a_vu));
                c0x[i + 1].push(vl);
                c0x[i + 1].push(vu);
                c1x[i + 1].push(a_vl);
                c1x[i + 1].push(a_vu);
                c0x[j].push(a_vl);
                c1x[j].push(a_vu);
                g.yld()?;
            }
        }
        let ab_cc = ab_c.clone();
        for &(p0, p1) in &ab_cc {
            let b_v = g.cx().with(p0, i + 1, vut[i + 1]);
            let ab_v = g.cx().with(p1, i + 1, vut[i + 1]);
            g.cx().connect(p0, ab_v);
            g.cx().connect(b_v, ab_v);
            ab_c.push((p0, ab_v));
            ab_c.push((b_v, ab_v));
        }
    }
    // centroid
    let vo = g.cx().get(&origin);
    let vs = g.cx().get(&vut);
    g.cx().disconnect(vo, vs)?;
    let vc = g.cx().split_edge(&origin, &vut)?;
    for v in g.cx().v[vo].nn.items() {
        g.cx().connect(v, vc);
    }
    g.yld()?;
    Ok(())
}

fn some(v: Option<usize>) -> Result<usize, GenErr> {
    v.ok_or(GenErr::Attr)
}

/// `itertools.combinations(comb, 2)` through `split_edge`.
fn split_pairs(cx: &mut Complex, comb: &[usize]) -> Result<(), GenErr> {
    for a in 0..comb.len() {
        for b in a + 1..comb.len() {
            cx.split_v(comb[a], comb[b])?;
        }
    }
    Ok(())
}

/// `Complex.refine_local_space(origin, supremum, bounds, centroid=1)`.
#[allow(clippy::too_many_lines)]
fn refine_local_space(g: &mut Yielder<'_>, origin: &[f64], supremum: &[f64]) -> Result<(), GenErr> {
    let dim = origin.len();
    let mut vot = origin.to_vec();
    let mut vut = supremum.to_vec();
    for i in 0..dim {
        if origin[i] > supremum[i] {
            vot[i] = supremum[i];
            vut[i] = origin[i];
        }
    }
    // Python's function-scoped names that later loops read before (re)binding them.
    let (mut vl, mut vu, mut a_vu): (Option<usize>, Option<usize>, Option<usize>) = (None, None, None);
    let vo = g.cx().get(&vot);
    let vs = g.cx().get(&vut);
    let vco = g.cx().split_v(vo, vs)?;
    let sup_set = g.cx().v[vco].nn.copy();
    let a_vl_x = g.cx().x_with(vo, 0, vut[0]);
    let mut a_vl = g.cx().get(&a_vl_x);
    let c_v = g.cx().split_v(vo, a_vl)?;
    g.cx().connect(c_v, vco);
    g.yld()?;
    let mut cox: Vec<Vec<usize>> = vec![vec![vo]];
    let mut ccx: Vec<Vec<usize>> = vec![vec![c_v]];
    let mut cux: Vec<Vec<usize>> = vec![vec![a_vl]];
    let mut ab_c: Vec<[usize; 5]> = Vec::new();
    let mut s_ab_c: Vec<[usize; 4]> = Vec::new();
    for i in 0..dim - 1 {
        let t = vut[i + 1];
        cox.push(Vec::new());
        ccx.push(Vec::new());
        cux.push(Vec::new());
        let mut t_a_vl = vot.clone();
        t_a_vl[i + 1] = t;
        let ccox: Vec<Vec<usize>> = cox[..=i].to_vec();
        let cccx: Vec<Vec<usize>> = ccx[..=i].to_vec();
        let ccux: Vec<Vec<usize>> = cux[..=i].to_vec();
        let ab_cc = ab_c.clone();
        let s_ab_cc = s_ab_c.clone();
        let index_error = !g.cx().contains(&t_a_vl) || !g.cx().contains(&vut);
        if !index_error {
            for vectors in &s_ab_cc {
                let bc_vc = g.cx().with(vectors[0], i + 1, t);
                g.cx().connect(bc_vc, vco);
                g.yld()?;
                let b_vl_x = g.cx().x_with(vectors[1], i + 1, t);
                let b_vu_x = g.cx().x_with(vectors[2], i + 1, t);
                let ba_vu_x = g.cx().x_with(vectors[3], i + 1, t);
                let d_bc_vc = g.cx().split_v(vectors[0], bc_vc)?;
                g.cx().connect(d_bc_vc, bc_vc);
                g.cx().connect(d_bc_vc, vectors[1]);
                g.cx().connect(d_bc_vc, vectors[2]);
                g.cx().connect(d_bc_vc, vectors[3]);
                g.yld()?;
                let b_vl = g.corner(&b_vl_x, bc_vc, d_bc_vc);
                g.yld()?;
                let b_vu = g.corner(&b_vu_x, bc_vc, d_bc_vc);
                let b_vl_c = g.cx().split_v(b_vu, b_vl)?;
                g.cx().connect(bc_vc, b_vl_c);
                g.yld()?;
                let ba_vu = g.corner(&ba_vu_x, bc_vc, d_bc_vc);
                g.cx().split_v(vectors[1], ba_vu)?;
                g.cx().split_v(b_vl, ba_vu)?;
                let b_vu_c = g.cx().split_v(b_vu, ba_vu)?;
                g.cx().connect(bc_vc, b_vu_c);
                g.yld()?;
                g.yld()?;
                g.yld()?;
                let d_bc_vc = g.cx().split_v(vectors[0], bc_vc)?;
                g.cx().connect(d_bc_vc, vco);
                g.yld()?;
                g.d_split(vectors[1], b_vl, d_bc_vc, vco)?;
                g.d_split(vectors[2], b_vu, d_bc_vc, vco)?;
                g.d_split(vectors[3], ba_vu, d_bc_vc, vco)?;
                let comb = [some(vl)?, some(vu)?, some(a_vu)?, b_vl, b_vu, ba_vu];
                split_pairs(g.cx(), &comb)?;
                ab_c.push([d_bc_vc, vectors[1], b_vl, some(a_vu)?, ba_vu]);
                ab_c.push([d_bc_vc, some(vl)?, b_vl, some(a_vu)?, ba_vu]);
            }
            for vectors in &ab_cc {
                let bc_vc = g.cx().with(vectors[0], i + 1, t);
                let b_vl_x = g.cx().x_with(vectors[1], i + 1, t);
                let b_vu_x = g.cx().x_with(vectors[2], i + 1, t);
                let ba_vl_x = g.cx().x_with(vectors[3], i + 1, t);
                let ba_vu_x = g.cx().x_with(vectors[4], i + 1, t);
                g.cx().connect(bc_vc, vco);
                g.yld()?;
                let d_bc_vc = g.cx().split_v(vectors[0], bc_vc)?;
                g.cx().connect(d_bc_vc, bc_vc);
                for &w in &vectors[1..5] {
                    g.cx().connect(d_bc_vc, w);
                }
                g.yld()?;
                let b_vl = g.corner(&b_vl_x, bc_vc, d_bc_vc);
                g.yld()?;
                let b_vu = g.corner(&b_vu_x, bc_vc, d_bc_vc);
                g.yld()?;
                let ba_vl = g.corner(&ba_vl_x, bc_vc, d_bc_vc);
                g.cx().split_v(b_vu, ba_vl)?;
                g.yld()?;
                let ba_vu = g.corner(&ba_vu_x, bc_vc, d_bc_vc);
                g.cx().split_v(vectors[1], ba_vu)?;
                g.cx().split_v(b_vl, ba_vu)?;
                g.yld()?;
                g.yld()?;
                g.yld()?;
                let d_bc_vc = g.cx().split_v(vectors[0], bc_vc)?;
                g.cx().connect(d_bc_vc, vco);
                g.yld()?;
                let d_b_vl = g.d_split(vectors[1], b_vl, d_bc_vc, vco)?;
                let d_b_vu = g.d_split(vectors[2], b_vu, d_bc_vc, vco)?;
                let d_ba_vl = g.d_split(vectors[3], ba_vl, d_bc_vc, vco)?;
                let d_ba_vu = g.d_split(vectors[4], ba_vu, d_bc_vc, vco)?;
                vl = Some(vectors[1]);
                vu = Some(vectors[2]);
                a_vl = vectors[3];
                a_vu = Some(vectors[4]);
                let comb = [vectors[1], vectors[2], vectors[3], vectors[4], b_vl, b_vu, ba_vl, ba_vu];
                split_pairs(g.cx(), &comb)?;
                ab_c.push([bc_vc, b_vl, b_vu, ba_vl, ba_vu]);
                ab_c.push([d_bc_vc, d_b_vl, d_b_vu, d_ba_vl, d_ba_vu]);
                ab_c.push([d_bc_vc, vectors[1], b_vl, vectors[4], ba_vu]);
                ab_c.push([d_bc_vc, vectors[2], b_vu, vectors[3], ba_vl]);
            }
            for (j, ((vls, vcs), vus)) in ccox.iter().zip(&cccx).zip(&ccux).enumerate() {
                for ((&l, &c), &u) in vls.iter().zip(vcs).zip(vus) {
                    vl = Some(l);
                    vu = Some(u);
                    let a_vl_x = g.cx().x_with(l, i + 1, t);
                    let a_vu_x = g.cx().x_with(u, i + 1, t);
                    a_vl = g.cx().get(&a_vl_x);
                    let au = g.cx().get(&a_vu_x);
                    a_vu = Some(au);
                    let c_vc = g.cx().split_v(l, au)?;
                    g.cx().split_v(l, u)?;
                    for w in [vco, c, l, u, a_vl, au] {
                        g.cx().connect(c_vc, w);
                    }
                    g.yld()?;
                    let c_vl = g.cx().split_v(l, a_vl)?;
                    g.cx().connect(c_vl, vco);
                    g.cx().connect(c_vc, c_vl);
                    g.yld()?;
                    let c_vu = g.cx().split_v(u, au)?;
                    g.cx().connect(c_vu, vco);
                    g.cx().connect(c_vc, c_vu);
                    g.yld()?;
                    let a_vc = g.cx().split_v(a_vl, au)?;
                    g.cx().connect(a_vc, vco);
                    g.cx().connect(a_vc, c_vc);
                    ab_c.push([c_vc, l, u, a_vl, au]);
                    cox[i + 1].extend([l, c, u]);
                    ccx[i + 1].extend([c_vl, c_vc, c_vu]);
                    cux[i + 1].extend([a_vl, a_vc, au]);
                    cox[j].extend([c_vl, a_vl]);
                    ccx[j].extend([c_vc, a_vc]);
                    cux[j].extend([c_vu, au]);
                    g.yld()?;
                }
            }
        } else {
            for vectors in &ab_cc {
                let ba_vl_x = g.cx().x_with(vectors[3], i + 1, t);
                let ba_vu_x = g.cx().x_with(vectors[4], i + 1, t);
                let ba_vu = g.cx().get(&ba_vu_x);
                g.yld()?;
                let d_bc_vc = g.cx().split_v(vectors[1], ba_vu)?;
                g.yld()?;
                for &w in &vectors[1..5] {
                    g.cx().connect(d_bc_vc, w);
                }
                g.yld()?;
                let ba_vl = g.cx().get(&ba_vl_x);
                g.yld()?;
                let d_ba_vl = g.cx().split_v(vectors[3], ba_vl)?;
                let d_ba_vu = g.cx().split_v(vectors[4], ba_vu)?;
                g.cx().split_v(d_ba_vl, d_ba_vu)?;
                g.yld()?;
                g.yld()?;
                g.yld()?;
                vl = Some(vectors[1]);
                vu = Some(vectors[2]);
                a_vl = vectors[3];
                a_vu = Some(vectors[4]);
                let comb = [vectors[1], vectors[2], vectors[3], vectors[4], ba_vl, ba_vu];
                split_pairs(g.cx(), &comb)?;
            }
            let (vls, vcs, vus) = (cox[i].clone(), ccx[i].clone(), cux[i].clone());
            for ((&l, &c), &u) in vls.iter().zip(&vcs).zip(&vus) {
                vl = Some(l);
                vu = Some(u);
                let au = g.cx().with(u, i + 1, t);
                a_vu = Some(au);
                g.yld()?;
                let c_vc = g.cx().split_v(l, au)?;
                g.cx().split_v(l, u)?;
                for w in [vco, c, l, u, au] {
                    g.cx().connect(c_vc, w);
                }
                g.yld()?;
                let c_vu = g.cx().split_v(u, au)?;
                g.cx().connect(c_vu, vco);
                g.cx().connect(c_vc, c_vu);
                g.yld()?;
                cox[i + 1].push(u);
                ccx[i + 1].push(c_vu);
                cux[i + 1].push(au);
                s_ab_c.push([c_vc, l, u, au]);
                g.yld()?;
            }
        }
    }
    let _ = a_vl;
    // triangulated_vectors: drop this box, queue the sub-boxes around the centroid.
    {
        let cx = g.cx();
        let vco_x = cx.v[vco].x.clone();
        let sups: Vec<Vec<f64>> = sup_set.items().iter().map(|&s| cx.v[s].x.clone()).collect();
        let tv = cx.tv.get_or_insert_with(Vec::new);
        if let Some(p) = tv.iter().position(|(o, s)| key(o) == key(origin) && key(s) == key(supremum)) {
            tv.remove(p);
        }
        for s in sups {
            tv.push((vco_x.clone(), s));
        }
    }
    let sups = sup_set.items();
    let pools: Vec<PySet> = sups.iter().map(|&s| g.cx().vpool(vco, s)).collect();
    for (&s, pool) in sups.iter().zip(&pools) {
        let vcn = g.cx().split_v(vco, s)?;
        for vnn in pool.items() {
            g.cx().connect(vcn, vnn);
        }
        g.yld()?;
    }
    g.yld()?;
    Ok(())
}

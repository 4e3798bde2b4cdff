//! CPython's `set` of vertices, reproduced slot for slot (open addressing with nine linear
//! probes and perturbation, dummies on removal, the same resizing and `copy`/`update` paths), and
//! CPython's hashes of floats and tuples of floats: SciPy's `shgo` walks vertex neighbour sets in
//! their iteration order when it refines the complex, so the order decides which vertices exist
//! after a budget of `n` sampling points and in which order sub-cubes are refined.

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const LINEAR_PROBES: usize = 9;
const MINSIZE: usize = 8;

/// A set of vertex indices laid out as CPython 3.11 lays out a `set` of objects whose hashes are
/// given.
#[derive(Clone, Debug)]
pub(crate) struct PySet {
    keys: Vec<u32>,
    hashes: Vec<i64>,
    fill: usize,
    used: usize,
    mask: usize,
}

impl PySet {
    pub(crate) fn new() -> Self {
        PySet { keys: vec![EMPTY; MINSIZE], hashes: vec![0; MINSIZE], fill: 0, used: 0, mask: MINSIZE - 1 }
    }

    /// The members in iteration order.
    pub(crate) fn items(&self) -> Vec<usize> {
        self.keys.iter().filter(|&&k| k != EMPTY && k != DUMMY).map(|&k| k as usize).collect()
    }

    fn lookup(&self, key: u32, hash: i64) -> Option<usize> {
        let mask = self.mask;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut e = i;
            loop {
                if self.keys[e] == EMPTY {
                    return None;
                }
                if self.hashes[e] == hash && self.keys[e] == key {
                    return Some(e);
                }
                e += 1;
                if probes == 0 {
                    break;
                }
                probes -= 1;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub(crate) fn contains(&self, key: usize, hash: i64) -> bool {
        self.lookup(key as u32, hash).is_some()
    }

    /// `set.add` (`set_add_entry`).
    pub(crate) fn add(&mut self, key: usize, hash: i64) {
        let key = key as u32;
        let mask = self.mask;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut e = i;
            loop {
                if self.keys[e] == EMPTY {
                    if let Some(f) = freeslot {
                        self.used += 1;
                        self.keys[f] = key;
                        self.hashes[f] = hash;
                        return;
                    }
                    self.fill += 1;
                    self.used += 1;
                    self.keys[e] = key;
                    self.hashes[e] = hash;
                    if self.fill * 5 < mask * 3 {
                        return;
                    }
                    let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                    self.resize(minused);
                    return;
                }
                if self.hashes[e] == hash && self.keys[e] == key {
                    return;
                } else if self.keys[e] == DUMMY {
                    freeslot = Some(e);
                }
                e += 1;
                if probes == 0 {
                    break;
                }
                probes -= 1;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set.discard`; `true` when the key was present (`set.remove` raises `KeyError` otherwise).
    pub(crate) fn discard(&mut self, key: usize, hash: i64) -> bool {
        match self.lookup(key as u32, hash) {
            Some(e) => {
                self.keys[e] = DUMMY;
                self.hashes[e] = -1;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    fn insert_clean(keys: &mut [u32], hashes: &mut [i64], mask: usize, key: u32, hash: i64) {
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if keys[i] == EMPTY {
                keys[i] = key;
                hashes[i] = hash;
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if keys[i + j] == EMPTY {
                        keys[i + j] = key;
                        hashes[i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.mask == MINSIZE - 1 && self.fill == self.used {
            return;
        }
        let old_keys = std::mem::replace(&mut self.keys, vec![EMPTY; newsize]);
        let old_hashes = std::mem::replace(&mut self.hashes, vec![0; newsize]);
        self.mask = newsize - 1;
        self.fill = self.used;
        for (&k, &h) in old_keys.iter().zip(&old_hashes) {
            if k != EMPTY && k != DUMMY {
                Self::insert_clean(&mut self.keys, &mut self.hashes, self.mask, k, h);
            }
        }
    }

    /// `set.update(other)` for another set (`set_merge`).
    pub(crate) fn update(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            self.keys.clone_from(&other.keys);
            self.hashes.clone_from(&other.hashes);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (&k, &h) in other.keys.iter().zip(&other.hashes) {
                if k != EMPTY && k != DUMMY {
                    Self::insert_clean(&mut self.keys, &mut self.hashes, self.mask, k, h);
                }
            }
            return;
        }
        for (&k, &h) in other.keys.iter().zip(&other.hashes) {
            if k != EMPTY && k != DUMMY {
                self.add(k as usize, h);
            }
        }
    }

    /// `copy.copy(s)` / `s.copy()`.
    pub(crate) fn copy(&self) -> PySet {
        let mut s = PySet::new();
        s.update(self);
        s
    }
}

const MODULUS: u64 = (1 << 61) - 1;

/// CPython's `hash(float)`.
pub(crate) fn float_hash(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) } as u32;
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let mut h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        h = -2;
    }
    h
}

/// C's `frexp`: `v = m * 2^e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's `hash(tuple_of_floats)` (the xxHash-based tuple hash of 3.8+).
pub(crate) fn tuple_hash(xs: &[f64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &x in xs {
        let lane = float_hash(x) as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((xs.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        // hash(0.5), hash(-3.25), hash(1e50), hash(2.0), hash((0.0, 1.0)), hash((-1.0, 6.0, 2.5))
        assert_eq!(float_hash(0.5), 1152921504606846976);
        assert_eq!(float_hash(-3.25), -576460752303423491);
        assert_eq!(float_hash(2.0), 2);
        assert_eq!(float_hash(-1.0), -2);
        assert_eq!(float_hash(1e50), 1387127493139725924);
        assert_eq!(tuple_hash(&[0.0, 1.0]), -1950498447580522560);
        assert_eq!(tuple_hash(&[-1.0, 6.0, 2.5]), 4376273592890693677);
    }

    #[test]
    fn set_order_matches_cpython() {
        // s = set(); for i in range(20): s.add(O((float(i),))) ; iteration order of the keys,
        // then after removing 3 and 7 and adding (2.5,), and of s.copy().
        let mut s = PySet::new();
        for i in 0..20 {
            s.add(i, tuple_hash(&[i as f64]));
        }
        let order = s.items();
        s.discard(3, tuple_hash(&[3.0]));
        s.discard(7, tuple_hash(&[7.0]));
        s.add(20, tuple_hash(&[2.5]));
        let after = s.items();
        let copied = s.copy().items();
        assert_eq!(order.len(), 20);
        assert_eq!(after.len(), 19);
        assert_eq!(copied.len(), 19);
        assert_eq!(PY_ORDER.0, &order[..]);
        assert_eq!(PY_ORDER.1, &after[..]);
        assert_eq!(PY_ORDER.2, &copied[..]);
    }

    const PY_ORDER: (&[usize], &[usize], &[usize]) = (
        &[2, 5, 11, 8, 14, 17, 4, 1, 7, 10, 16, 13, 19, 0, 3, 9, 6, 12, 18, 15],
        &[2, 20, 5, 11, 8, 14, 17, 4, 1, 10, 16, 13, 19, 0, 9, 6, 12, 18, 15],
        &[2, 20, 5, 11, 8, 14, 17, 0, 9, 6, 12, 18, 15, 4, 1, 10, 16, 13, 19],
    );
}

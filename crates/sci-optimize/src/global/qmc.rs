//! The quasi-Monte Carlo engines of `shgo` and `differential_evolution`, as SciPy creates them:
//! `qmc.Sobol(d, scramble=False)` and `qmc.Halton(d, scramble=True, seed=0)` for `shgo`;
//! `qmc.Sobol(d, seed=rng)` and `qmc.Halton(d, seed=rng)` (both scrambled, drawing from the
//! generator handed over) for `differential_evolution`'s `init='sobol'`/`'halton'`.

use super::sobol_dirs::SOBOL_V;
use sci_array::ndarray::Array1;
use sci_array::random::{Generator, default_rng};

/// The largest number of variables of the Sobol' table carried here.
pub(crate) const SOBOL_MAX_DIM: usize = SOBOL_V.len();

/// Bits of SciPy's Sobol' integers (its default `bits=30`).
const SOBOL_BITS: usize = 30;

/// A sequence that continues where the last draw stopped, as SciPy's engines do.
pub(crate) enum Qmc {
    /// Sobol' (30 bits): point `i` is `shift` XOR the direction numbers picked by the bits of
    /// the Gray code of `i` (unscrambled: SciPy's table and no shift).
    Sobol { sv: Vec<[u32; SOBOL_BITS]>, shift: Vec<u32>, drawn: u64 },
    /// Scrambled Halton: per dimension a van der Corput sequence in the next prime base, each
    /// digit position permuted by `Generator.shuffle` (SciPy's `_van_der_corput_permutations`).
    Halton { bases: Vec<u64>, perms: Vec<Vec<Vec<i64>>>, drawn: u64 },
}

fn first_primes(d: usize) -> Vec<u64> {
    let mut p: Vec<u64> = Vec::with_capacity(d);
    let mut k = 2u64;
    while p.len() < d {
        if p.iter().take_while(|&&q| q * q <= k).all(|&q| k % q != 0) {
            p.push(k);
        }
        k += 1;
    }
    p
}

impl Qmc {
    /// `qmc.Sobol(d, scramble=False)`; `d <= SOBOL_MAX_DIM`.
    pub(crate) fn sobol(d: usize) -> Self {
        Qmc::Sobol { sv: SOBOL_V[..d].to_vec(), shift: vec![0; d], drawn: 0 }
    }

    /// `qmc.Sobol(d, scramble=True, rng=rng)`; `d <= SOBOL_MAX_DIM`: SciPy's LMS + digital
    /// shift scrambling. The shift bits (`(d, 30)` draws of `integers(2)`) come first, then the
    /// lower-triangular matrices (`(d, 30, 30)` draws); the direction number `v` of a dimension
    /// becomes, bit `29 - p`, the parity of `v & row_p` where `row_p` is row `p` of that
    /// dimension's matrix (unit diagonal, entry `i` the bit `29 - i`).
    pub(crate) fn sobol_scrambled(d: usize, rng: &mut Generator) -> Self {
        const B: usize = SOBOL_BITS;
        let bits = |rng: &mut Generator, n: usize| -> Vec<u32> {
            rng.integers(0, 2, n).expect("a valid range").iter().map(|&v| v as u32).collect()
        };
        let sb = bits(rng, d * B);
        let shift: Vec<u32> = (0..d).map(|j| (0..B).fold(0, |acc, b| acc | sb[j * B + b] << b)).collect();
        let lt = bits(rng, d * B * B);
        let sv = (0..d)
            .map(|j| {
                let rows: Vec<u32> = (0..B)
                    .map(|p| {
                        (0..B).fold(0u32, |acc, i| {
                            let bit = if i == p {
                                1
                            } else if i < p {
                                lt[(j * B + p) * B + i]
                            } else {
                                0
                            };
                            acc | bit << (B - 1 - i)
                        })
                    })
                    .collect();
                let mut out = [0u32; B];
                for (o, &v) in out.iter_mut().zip(SOBOL_V[j].iter()) {
                    *o = (0..B).fold(0, |acc, p| acc | ((rows[p] & v).count_ones() & 1) << (B - 1 - p));
                }
                out
            })
            .collect();
        Qmc::Sobol { sv, shift, drawn: 0 }
    }

    /// `qmc.Halton(d, scramble=True, seed=0)`.
    pub(crate) fn halton(d: usize) -> Self {
        Self::halton_scrambled(d, &mut default_rng(0))
    }

    /// `qmc.Halton(d, scramble=True, rng=rng)`: one shuffled digit permutation per digit
    /// position (`ceil(54 / log2(base)) - 1` of them) and dimension, in that order.
    pub(crate) fn halton_scrambled(d: usize, rng: &mut Generator) -> Self {
        let bases = first_primes(d);
        let perms = bases
            .iter()
            .map(|&b| {
                let count = (54.0 / (b as f64).log2()).ceil() as usize - 1;
                (0..count)
                    .map(|_| {
                        let mut p = Array1::from_iter(0..b as i64);
                        rng.shuffle(&mut p).expect("a 1-d array can be shuffled");
                        p.to_vec()
                    })
                    .collect()
            })
            .collect();
        Qmc::Halton { bases, perms, drawn: 0 }
    }

    /// `engine.random(n)`: the next `n` points in `[0, 1)^d`.
    pub(crate) fn random(&mut self, n: usize) -> Vec<Vec<f64>> {
        match self {
            Qmc::Sobol { sv, shift, drawn } => {
                let scale = 1.0 / (1u64 << SOBOL_BITS) as f64;
                let pts = (0..n as u64)
                    .map(|k| {
                        let i = *drawn + k;
                        let g = i ^ (i >> 1);
                        sv.iter()
                            .zip(shift.iter())
                            .map(|(v, &s0)| {
                                let mut x = s0;
                                for (b, &vb) in v.iter().enumerate() {
                                    if g >> b & 1 == 1 {
                                        x ^= vb;
                                    }
                                }
                                f64::from(x) * scale
                            })
                            .collect()
                    })
                    .collect();
                *drawn += n as u64;
                pts
            }
            Qmc::Halton { bases, perms, drawn } => {
                let pts = (0..n as u64)
                    .map(|k| {
                        let i = *drawn + k;
                        bases
                            .iter()
                            .zip(perms.iter())
                            .map(|(&b, perm)| {
                                // SciPy's `_cy_van_der_corput_scrambled`, digit by digit.
                                let (mut s, mut b2r, mut q) = (0.0, 1.0 / b as f64, i);
                                for p in perm {
                                    s += p[(q % b) as usize] as f64 * b2r;
                                    q /= b;
                                    b2r /= b as f64;
                                }
                                s
                            })
                            .collect()
                    })
                    .collect();
                *drawn += n as u64;
                pts
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::testing::fixture::Fixture;

    #[test]
    fn points_equal_scipy_draw_by_draw() {
        let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_shgo_qmc.json"))
            .unwrap();
        for key in ["sobol5", "sobol41", "halton2", "halton7"] {
            let d = fx.i64(&format!("{key}/d")) as usize;
            let mut e = if key.starts_with("sobol") { Qmc::sobol(d) } else { Qmc::halton(d) };
            let want = fx.array_f64(&format!("{key}/points"));
            let mut got = Vec::new();
            for &c in fx.array_i64(&format!("{key}/counts")).iter() {
                got.extend(e.random(c as usize));
            }
            assert_eq!(got.len(), want.shape()[0], "{key}");
            for (i, row) in got.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    // Bit for bit: the same integers, the same digit sums.
                    assert_eq!(v, want[[i, j]], "{key}[{i}, {j}]");
                }
            }
        }
    }

    #[test]
    fn primes() {
        assert_eq!(first_primes(8), vec![2, 3, 5, 7, 11, 13, 17, 19]);
    }
}

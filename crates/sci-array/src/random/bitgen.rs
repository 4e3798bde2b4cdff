//! The bit generator: NumPy's `SeedSequence` feeding `PCG64`.

/// Hash constants of NumPy's `SeedSequence` (O'Neill's seed_seq_fe design).
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;
/// Number of 32-bit words in the entropy pool (NumPy's `DEFAULT_POOL_SIZE`).
pub const POOL_SIZE: usize = 4;

/// NumPy's `SeedSequence`: mixes user entropy into a pool of 4 `u32` words and expands it into
/// as many well-distributed state words as a bit generator needs.
///
/// Entropy integers are split into little-endian 32-bit words (`0` gives the single word `[0]`),
/// hashed into the pool with the `hashmix`/`mix` functions, and [`generate_state`] runs the pool
/// through a second hash.  Spawn keys are not supported (NumPy's default is none).
///
/// NumPy equivalent: `numpy.random.SeedSequence`.
///
/// [`generate_state`]: SeedSequence::generate_state
///
/// # Examples
///
/// ```
/// use sci_array::random::SeedSequence;
/// let ss = SeedSequence::new(0);
/// // np.random.SeedSequence(0).pool
/// assert_eq!(ss.pool(), [4265667335, 1328953910, 1320288413, 3365567143]);
/// // np.random.SeedSequence(0).generate_state(2, np.uint32)
/// assert_eq!(ss.generate_state(2), vec![2968811710, 3677149159]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedSequence {
    pool: [u32; POOL_SIZE],
}

#[inline]
fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut v = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    v = v.wrapping_mul(*hash_const);
    v ^ (v >> XSHIFT)
}

#[inline]
fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L.wrapping_mul(x).wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

impl SeedSequence {
    /// Seeds from a non-negative integer of up to 128 bits, like `SeedSequence(entropy)`.
    ///
    /// NumPy equivalent: `numpy.random.SeedSequence(entropy)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::SeedSequence;
    /// // Entropy that fits in 64 bits gives the same pool whatever integer type carries it.
    /// assert_eq!(SeedSequence::new(42), SeedSequence::from_words(&[42]));
    /// assert_eq!(SeedSequence::new(1 << 32), SeedSequence::from_words(&[0, 1]));
    /// ```
    pub fn new(entropy: u128) -> Self {
        let mut words = Vec::with_capacity(4);
        let mut e = entropy;
        loop {
            words.push(e as u32);
            e >>= 32;
            if e == 0 {
                break;
            }
        }
        Self::from_words(&words)
    }

    /// Seeds from entropy given as little-endian 32-bit words (an integer of any size, or
    /// NumPy's `SeedSequence([w0, w1, ...])` with a sequence of `uint32` values).
    ///
    /// NumPy equivalent: `numpy.random.SeedSequence(entropy)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::SeedSequence;
    /// // More words than the pool holds are mixed in as well.
    /// let long = SeedSequence::from_words(&[1, 2, 3, 4, 5]);
    /// assert_ne!(long, SeedSequence::from_words(&[1, 2, 3, 4]));
    /// ```
    pub fn from_words(entropy: &[u32]) -> Self {
        let mut pool = [0u32; POOL_SIZE];
        let mut hash_const = INIT_A;
        for (i, slot) in pool.iter_mut().enumerate() {
            let w = entropy.get(i).copied().unwrap_or(0);
            *slot = hashmix(w, &mut hash_const);
        }
        for i_src in 0..POOL_SIZE {
            for i_dst in 0..POOL_SIZE {
                if i_src != i_dst {
                    let h = hashmix(pool[i_src], &mut hash_const);
                    pool[i_dst] = mix(pool[i_dst], h);
                }
            }
        }
        for &w in entropy.iter().skip(POOL_SIZE) {
            for i_dst in 0..POOL_SIZE {
                let h = hashmix(w, &mut hash_const);
                pool[i_dst] = mix(pool[i_dst], h);
            }
        }
        Self { pool }
    }

    /// The mixed entropy pool.
    ///
    /// NumPy equivalent: `numpy.random.SeedSequence.pool`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1).pool().len(), 4);
    /// ```
    pub fn pool(&self) -> [u32; POOL_SIZE] {
        self.pool
    }

    /// `n_words` 32-bit state words drawn from the pool.
    ///
    /// NumPy equivalent: `numpy.random.SeedSequence.generate_state(n_words, np.uint32)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::SeedSequence;
    /// let ss = SeedSequence::new(0);
    /// assert_eq!(ss.generate_state(4), vec![2968811710, 3677149159, 745650761, 2884920346]);
    /// ```
    pub fn generate_state(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        (0..n_words)
            .map(|i| {
                let mut v = self.pool[i % POOL_SIZE] ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `n_words` 64-bit state words: pairs of 32-bit words, the first one low.
    ///
    /// NumPy equivalent: `numpy.random.SeedSequence.generate_state(n_words, np.uint64)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::SeedSequence;
    /// let ss = SeedSequence::new(0);
    /// let w = ss.generate_state(2);
    /// assert_eq!(ss.generate_state_u64(1), vec![(w[1] as u64) << 32 | w[0] as u64]);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state(2 * n_words).chunks_exact(2).map(|c| (c[1] as u64) << 32 | c[0] as u64).collect()
    }
}

/// The 128-bit LCG multiplier of PCG64 (`PCG_DEFAULT_MULTIPLIER_128`).
const PCG_MULT: u128 = 0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645;

/// NumPy's default bit generator `PCG64`: a 128-bit linear congruential generator
/// `s <- s * M + inc (mod 2^128)` with the XSL-RR output function (xor of the two 64-bit halves,
/// rotated right by the top 6 bits of the state).
///
/// Like NumPy, a 32-bit draw ([`next_u32`](Pcg64::next_u32)) uses one 64-bit output in two
/// halves, low half first, and keeps the high half for the next 32-bit draw.
///
/// NumPy equivalent: `numpy.random.PCG64`.
///
/// # Examples
///
/// ```
/// use sci_array::random::Pcg64;
/// let mut bg = Pcg64::new(0);
/// // np.random.PCG64(0).random_raw(2)
/// assert_eq!(bg.next_u64(), 0xa30f_ebcf_d9c2_825f);
/// assert_eq!(bg.next_u64(), 0x4510_bdf8_82d9_d721);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
}

impl Pcg64 {
    /// Seeds like `PCG64(seed)`: `SeedSequence(seed)` generates four 64-bit words `w`, the
    /// initial state is `w[0] << 64 | w[1]` and the stream selector `w[2] << 64 | w[3]`
    /// (PCG's `srandom`: `inc = 2 * selector + 1`, one step, add the state, one step).
    ///
    /// NumPy equivalent: `numpy.random.PCG64(seed)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// assert_eq!(Pcg64::new(7), Pcg64::new(7));
    /// assert_ne!(Pcg64::new(7), Pcg64::new(8));
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// Seeds from a [`SeedSequence`].
    ///
    /// NumPy equivalent: `numpy.random.PCG64(seed_sequence)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::{Pcg64, SeedSequence};
    /// assert_eq!(Pcg64::from_seed_sequence(&SeedSequence::new(3)), Pcg64::new(3));
    /// ```
    pub fn from_seed_sequence(seq: &SeedSequence) -> Self {
        let w = seq.generate_state_u64(4);
        let initstate = (w[0] as u128) << 64 | w[1] as u128;
        let initseq = (w[2] as u128) << 64 | w[3] as u128;
        let mut g = Pcg64 { state: 0, inc: (initseq << 1) | 1, has_uint32: false, uinteger: 0 };
        g.step();
        g.state = g.state.wrapping_add(initstate);
        g.step();
        g
    }

    /// Builds the generator from a raw `(state, inc)` pair, as in NumPy's
    /// `bit_generator.state = {"state": {"state": s, "inc": inc}, ...}` (the increment is
    /// forced odd).  The 32-bit buffer starts empty.
    ///
    /// NumPy equivalent: setting `numpy.random.PCG64.state`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let a = Pcg64::new(5);
    /// let (s, inc) = a.state();
    /// assert_eq!(Pcg64::from_state(s, inc), a);
    /// ```
    pub fn from_state(state: u128, inc: u128) -> Self {
        Pcg64 { state, inc: inc | 1, has_uint32: false, uinteger: 0 }
    }

    /// The raw `(state, inc)` pair.
    ///
    /// NumPy equivalent: `numpy.random.PCG64.state["state"]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let (_, inc) = Pcg64::new(0).state();
    /// assert_eq!(inc % 2, 1);
    /// ```
    pub fn state(&self) -> (u128, u128) {
        (self.state, self.inc)
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(PCG_MULT).wrapping_add(self.inc);
    }

    /// The next 64 random bits.
    ///
    /// NumPy equivalent: `numpy.random.PCG64.random_raw()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let mut bg = Pcg64::new(42);
    /// assert_ne!(bg.next_u64(), bg.next_u64());
    /// ```
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.step();
        let s = self.state;
        let xored = ((s >> 64) as u64) ^ (s as u64);
        xored.rotate_right((s >> 122) as u32)
    }

    /// The next 32 random bits: the low half of a fresh 64-bit output, then its high half.
    ///
    /// NumPy equivalent: the bit generator's `next_uint32`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let mut a = Pcg64::new(1);
    /// let mut b = a.clone();
    /// let x = b.next_u64();
    /// assert_eq!(a.next_u32(), x as u32);
    /// assert_eq!(a.next_u32(), (x >> 32) as u32);
    /// ```
    #[inline(always)]
    pub fn next_u32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let x = self.next_u64();
        self.has_uint32 = true;
        self.uinteger = (x >> 32) as u32;
        x as u32
    }

    /// A double in `[0, 1)`: `(next_u64 >> 11) * 2^-53`.
    ///
    /// NumPy equivalent: the bit generator's `next_double`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let u = Pcg64::new(0).next_f64();
    /// assert_eq!(u, 0.6369616873214543); // np.random.default_rng(0).random()
    /// ```
    #[inline(always)]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A float in `[0, 1)`: `(next_u32 >> 8) * 2^-24`.
    ///
    /// NumPy equivalent: the bit generator's `next_float` (used by `random(dtype=np.float32)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let u = Pcg64::new(0).next_f32();
    /// assert!((0.0..1.0).contains(&u));
    /// ```
    #[inline(always)]
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
    }

    /// Advances the state by `delta` steps in O(log delta) time, as if `delta` 64-bit draws had
    /// been made, and empties the 32-bit buffer (as NumPy does).
    ///
    /// NumPy equivalent: `numpy.random.PCG64.advance(delta)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::Pcg64;
    /// let mut a = Pcg64::new(9);
    /// let mut b = a.clone();
    /// for _ in 0..1000 {
    ///     a.next_u64();
    /// }
    /// b.advance(1000);
    /// assert_eq!(a.next_u64(), b.next_u64());
    /// ```
    pub fn advance(&mut self, delta: u128) {
        // Brown's "Random number generation with arbitrary strides": accumulate M^delta and
        // inc * (M^delta - 1) / (M - 1) by squaring.
        let (mut cur_mult, mut cur_plus) = (PCG_MULT, self.inc);
        let (mut acc_mult, mut acc_plus) = (1u128, 0u128);
        let mut d = delta;
        while d > 0 {
            if d & 1 == 1 {
                acc_mult = acc_mult.wrapping_mul(cur_mult);
                acc_plus = acc_plus.wrapping_mul(cur_mult).wrapping_add(cur_plus);
            }
            cur_plus = cur_mult.wrapping_add(1).wrapping_mul(cur_plus);
            cur_mult = cur_mult.wrapping_mul(cur_mult);
            d >>= 1;
        }
        self.state = acc_mult.wrapping_mul(self.state).wrapping_add(acc_plus);
        self.has_uint32 = false;
        self.uinteger = 0;
    }
}

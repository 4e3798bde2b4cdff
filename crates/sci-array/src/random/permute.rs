//! Permutations and sampling: `shuffle`, `permutation`, `choice`.

use ndarray::{
    Array, Array1, ArrayBase, ArrayView1, Axis, Data, DataMut, Dimension, IntoDimension, Ix1, RemoveAxis,
    Slice, Zip,
};

use super::discrete::{bounded_u64, random_interval};
use super::{Generator, Pcg64, checked_size, invalid};
use crate::{ArrayError, Result, normalize_axis};

/// Options of [`Generator::choice`], with NumPy's defaults (`replace=True`, `p=None`,
/// `shuffle=True`).
///
/// NumPy equivalent: the keyword arguments of `numpy.random.Generator.choice`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::random::{default_rng, ChoiceOptions};
/// let p = array![0.1, 0.0, 0.3, 0.6, 0.0];
/// let opts = ChoiceOptions { replace: false, p: Some(p.view()), ..Default::default() };
/// let k = default_rng(0).choice(5, 3, &opts)?;
/// let mut sorted = k.to_vec();
/// sorted.sort();
/// assert_eq!(sorted, vec![0, 2, 3]); // the only three indices with p > 0
/// # Ok::<(), sci_array::ArrayError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ChoiceOptions<'a> {
    /// Sample with replacement (NumPy's default) or not.
    pub replace: bool,
    /// Probabilities of the entries (length = population; non-negative, summing to 1 within
    /// `sqrt(eps)`). `None` means uniform.
    pub p: Option<ArrayView1<'a, f64>>,
    /// Without replacement and without `p`: shuffle the result (otherwise its order is that of
    /// the sampling algorithm, not random).
    pub shuffle: bool,
}

impl Default for ChoiceOptions<'_> {
    fn default() -> Self {
        ChoiceOptions { replace: true, p: None, shuffle: true }
    }
}

/// NumPy's `_shuffle_int`: Fisher–Yates on `data[first..]` from the end, with Lemire draws.
fn shuffle_int(bg: &mut Pcg64, data: &mut [i64], first: usize) {
    for i in (first..data.len()).rev() {
        let j = bounded_u64(bg, i as u64) as usize;
        data.swap(i, j);
    }
}

/// Kahan-compensated sum, as NumPy's `kahan_sum` for the `p` check.
fn kahan_sum(p: &ArrayView1<'_, f64>) -> f64 {
    let mut it = p.iter();
    let Some(&first) = it.next() else { return 0.0 };
    let (mut sum, mut c) = (first, 0.0);
    for &x in it {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// Normalized cumulative sum of `p` (`cdf /= cdf[-1]`).
fn cdf_of(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = cdf.last() {
        cdf.iter_mut().for_each(|c| *c /= last);
    }
    cdf
}

/// `cdf.searchsorted(u, side='right')`.
#[inline]
fn search_right(cdf: &[f64], u: f64) -> i64 {
    cdf.partition_point(|&c| c <= u) as i64
}

impl Generator {
    /// Shuffles `x` in place along its first axis (Fisher–Yates from the end, NumPy's
    /// `random_interval` draws).
    ///
    /// NumPy equivalent: `numpy.random.Generator.shuffle(x)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] (`x`) when `x` is 0-dimensional.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::Array1;
    /// use sci_array::random::default_rng;
    /// let mut x = Array1::from_iter(0..10_i64);
    /// default_rng(0).shuffle(&mut x)?;
    /// // x = np.arange(10); np.random.default_rng(0).shuffle(x)
    /// assert_eq!(x.to_vec(), vec![4, 6, 2, 7, 3, 5, 9, 0, 8, 1]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn shuffle<A, S, D>(&mut self, x: &mut ArrayBase<S, D>) -> Result<()>
    where
        S: DataMut<Elem = A>,
        D: Dimension,
    {
        self.shuffle_axis(x, 0)
    }

    /// Shuffles `x` in place along `axis` (negative counts from the end): the subarrays along
    /// the axis are permuted, their contents left alone. An array with no elements is left
    /// as is, without drawing.
    ///
    /// NumPy equivalent: `numpy.random.Generator.shuffle(x, axis)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] (`x`) when `x` is 0-dimensional;
    /// [`ArrayError::AxisOutOfBounds`] for a bad `axis`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// use sci_array::random::default_rng;
    /// let mut x = array![[0, 1, 2], [3, 4, 5]];
    /// default_rng(0).shuffle_axis(&mut x, 1)?;
    /// // Columns moved together: every row is the same permutation.
    /// assert_eq!(x.row(1).mapv(|v| v - 3), x.row(0));
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn shuffle_axis<A, S, D>(&mut self, x: &mut ArrayBase<S, D>, axis: isize) -> Result<()>
    where
        S: DataMut<Elem = A>,
        D: Dimension,
    {
        if x.ndim() == 0 {
            return Err(invalid("x", "x must be at least 1-dimensional"));
        }
        let ax = Axis(normalize_axis(axis, x.ndim(), "axis")?);
        if x.is_empty() {
            return Ok(());
        }
        let n = x.len_of(ax);
        let bg = &mut self.bit_generator;
        if x.ndim() == 1 {
            let mut v = x.view_mut().into_dimensionality::<Ix1>().expect("1-d");
            if let Some(s) = v.as_slice_mut() {
                for i in (1..n).rev() {
                    let j = random_interval(bg, i as u64) as usize;
                    s.swap(i, j);
                }
            } else {
                for i in (1..n).rev() {
                    let j = random_interval(bg, i as u64) as usize;
                    v.swap(i, j);
                }
            }
            return Ok(());
        }
        for i in (1..n).rev() {
            let j = random_interval(bg, i as u64) as usize;
            if i == j {
                continue;
            }
            let (mut a, mut b) = x.view_mut().split_at(ax, i);
            a.slice_axis_inplace(ax, Slice::from(j..=j));
            b.slice_axis_inplace(ax, Slice::from(0..1));
            Zip::from(a).and(b).for_each(std::mem::swap);
        }
        Ok(())
    }

    /// A random permutation of `0..n`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.permutation(n)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let p = default_rng(0).permutation(10);
    /// // np.random.default_rng(0).permutation(10)
    /// assert_eq!(p.to_vec(), vec![4, 6, 2, 7, 3, 5, 9, 0, 8, 1]);
    /// ```
    pub fn permutation(&mut self, n: usize) -> Array1<i64> {
        let mut x: Vec<i64> = (0..n as i64).collect();
        let bg = &mut self.bit_generator;
        for i in (1..n).rev() {
            let j = random_interval(bg, i as u64) as usize;
            x.swap(i, j);
        }
        Array1::from(x)
    }

    /// A shuffled copy of `x` along `axis` (`x` itself is untouched; works on any view).
    ///
    /// NumPy equivalent: `numpy.random.Generator.permutation(x, axis)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] (`x`) when `x` is 0-dimensional;
    /// [`ArrayError::AxisOutOfBounds`] for a bad `axis`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// use sci_array::random::default_rng;
    /// let x = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
    /// let y = default_rng(0).permutation_of(&x, 0)?;
    /// // np.random.default_rng(0).permutation(x)
    /// assert_eq!(y, array![[5.0, 6.0], [1.0, 2.0], [3.0, 4.0]]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn permutation_of<A, S, D>(&mut self, x: &ArrayBase<S, D>, axis: isize) -> Result<Array<A, D>>
    where
        A: Clone,
        S: Data<Elem = A>,
        D: RemoveAxis,
    {
        if x.ndim() == 0 {
            return Err(invalid("x", "x must be at least 1-dimensional"));
        }
        let ax = Axis(normalize_axis(axis, x.ndim(), "axis")?);
        let idx: Vec<usize> = self.permutation(x.len_of(ax)).iter().map(|&i| i as usize).collect();
        Ok(x.select(ax, &idx))
    }

    /// Indices drawn from `0..n` (NumPy's `choice(n, size, replace, p, shuffle=...)`).
    ///
    /// * with replacement, no `p`: `integers(0, n, shape)`;
    /// * with `p`: inverse CDF (`cumsum(p) / sum`, right-sided search of uniform draws); without
    ///   replacement, repeated draws from the remaining mass, keeping new indices in order;
    /// * without replacement, no `p`: Floyd's algorithm with a hash set, then a shuffle — or,
    ///   when `n > 10000` and the sample exceeds `n / 50` (`n / 20` unshuffled), a partial
    ///   Fisher–Yates of the tail of `0..n`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.choice(n, size, replace, p, shuffle=shuffle)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`] naming `a` when `n == 0` and samples are requested; `shape`
    /// when a sample without replacement is larger than `n` or the shape's size overflows; `p`
    /// when it has NaN or negative entries, does not sum to 1 (tolerance `sqrt(eps)`), or has
    /// fewer non-zero entries than the sample without replacement;
    /// [`ArrayError::LengthMismatch`] when `p.len() != n`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// use sci_array::random::{default_rng, ChoiceOptions};
    /// let mut rng = default_rng(0);
    /// // np.random.default_rng(0).choice(5, 4)
    /// assert_eq!(rng.choice(5, 4, &ChoiceOptions::default())?.to_vec(), vec![4, 3, 2, 1]);
    /// let no_repeat = ChoiceOptions { replace: false, ..Default::default() };
    /// let k = rng.choice(5, 5, &no_repeat)?;
    /// let mut sorted = k.to_vec();
    /// sorted.sort();
    /// assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
    /// assert!(rng.choice(5, 6, &no_repeat).is_err());
    /// let bad = array![0.5, 0.6];
    /// assert!(rng.choice(2, 1, &ChoiceOptions { p: Some(bad.view()), ..Default::default() }).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn choice<Sh: IntoDimension>(
        &mut self,
        n: usize,
        shape: Sh,
        opts: &ChoiceOptions<'_>,
    ) -> Result<Array<i64, Sh::Dim>> {
        let dim = shape.into_dimension();
        let size = checked_size(&dim, std::mem::size_of::<i64>())?;
        if n == 0 && size != 0 {
            return Err(invalid("a", "a must be a positive integer unless no samples are taken"));
        }
        let p: Option<Vec<f64>> = match &opts.p {
            None => None,
            Some(p) => {
                if p.len() != n {
                    return Err(ArrayError::LengthMismatch { a: "a", b: "p", len_a: n, len_b: p.len() });
                }
                let sum = kahan_sum(p);
                if sum.is_nan() {
                    return Err(invalid("p", "Probabilities contain NaN"));
                }
                if p.iter().any(|&x| x < 0.0) {
                    return Err(invalid("p", "Probabilities are not non-negative"));
                }
                if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
                    return Err(invalid("p", "Probabilities do not sum to 1"));
                }
                Some(p.to_vec())
            }
        };
        let flat: Vec<i64> = if opts.replace {
            match p {
                Some(p) => {
                    let cdf = cdf_of(&p);
                    let bg = &mut self.bit_generator;
                    (0..size).map(|_| search_right(&cdf, bg.next_f64())).collect()
                }
                None => return self.integers(0, n as i64, dim),
            }
        } else {
            if size > n {
                return Err(invalid(
                    "shape",
                    "Cannot take a larger sample than population when replace is False",
                ));
            }
            match p {
                Some(p) => self.choice_p_no_replace(p, size)?,
                None => self.choice_no_replace(n, size, opts.shuffle),
            }
        };
        Array::from_shape_vec(dim, flat).map_err(|e| invalid("shape", e.to_string()))
    }

    /// Weighted sampling without replacement, NumPy's loop of draws from the remaining mass.
    fn choice_p_no_replace(&mut self, mut p: Vec<f64>, size: usize) -> Result<Vec<i64>> {
        if p.iter().filter(|&&x| x > 0.0).count() < size {
            return Err(invalid("p", "Fewer non-zero entries in p than size"));
        }
        let mut found: Vec<i64> = Vec::with_capacity(size);
        let mut seen = vec![false; p.len()];
        while found.len() < size {
            let x: Vec<f64> = (0..size - found.len()).map(|_| self.bit_generator.next_f64()).collect();
            for &k in &found {
                p[k as usize] = 0.0;
            }
            let cdf = cdf_of(&p);
            // `np.unique(new, return_index=True)` then sorted first positions: the new
            // indices, each at its first occurrence, in draw order.
            let mut fresh = seen.clone();
            for &u in &x {
                let k = search_right(&cdf, u);
                if let Some(f) = fresh.get_mut(k as usize) {
                    if !*f {
                        *f = true;
                        found.push(k);
                    }
                } else {
                    // u >= cdf[-1] cannot happen for u < 1 once cdf is normalized; guard the index.
                    return Err(invalid("p", "Probabilities do not sum to 1"));
                }
            }
            seen = fresh;
        }
        Ok(found)
    }

    /// Uniform sampling without replacement (Floyd's algorithm or a tail shuffle).
    fn choice_no_replace(&mut self, n: usize, size: usize, shuffle: bool) -> Vec<i64> {
        let bg = &mut self.bit_generator;
        let cutoff = if shuffle { 50 } else { 20 };
        if n > 10000 && size > n / cutoff {
            let mut idx: Vec<i64> = (0..n as i64).collect();
            shuffle_int(bg, &mut idx, (n - size).max(1));
            return idx.split_off(n - size);
        }
        let mut out = Vec::with_capacity(size);
        let set_size = (1.2 * size as f64) as u64;
        let mask = u64::MAX >> set_size.leading_zeros();
        let empty = u64::MAX;
        let mut hash_set = vec![empty; (mask + 1) as usize];
        for j in (n - size) as u64..n as u64 {
            let val = bounded_u64(bg, j);
            let mut loc = (val & mask) as usize;
            while hash_set[loc] != empty && hash_set[loc] != val {
                loc = (loc + 1) & mask as usize;
            }
            if hash_set[loc] == empty {
                hash_set[loc] = val;
                out.push(val as i64);
            } else {
                let mut loc = (j & mask) as usize;
                while hash_set[loc] != empty {
                    loc = (loc + 1) & mask as usize;
                }
                hash_set[loc] = j;
                out.push(j as i64);
            }
        }
        if shuffle {
            shuffle_int(bg, &mut out, 1);
        }
        out
    }

    /// Elements of the 1-d array `a` drawn like [`choice`](Generator::choice) draws indices.
    ///
    /// NumPy equivalent: `numpy.random.Generator.choice(a, size, replace, p, shuffle=shuffle)`
    /// for a 1-d `a`.
    ///
    /// # Errors
    ///
    /// As [`choice`](Generator::choice); `a` when it is empty and samples are requested.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::ndarray::array;
    /// use sci_array::random::{default_rng, ChoiceOptions};
    /// let a = array![10.0, 20.0, 30.0, 40.0, 50.0];
    /// let x = default_rng(0).choice_from(&a, (2, 2), &ChoiceOptions::default())?;
    /// // np.random.default_rng(0).choice(a, (2, 2))
    /// assert_eq!(x, array![[50.0, 40.0], [30.0, 20.0]]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn choice_from<A, S, Sh>(
        &mut self,
        a: &ArrayBase<S, Ix1>,
        shape: Sh,
        opts: &ChoiceOptions<'_>,
    ) -> Result<Array<A, Sh::Dim>>
    where
        A: Clone,
        S: Data<Elem = A>,
        Sh: IntoDimension,
    {
        let dim = shape.into_dimension();
        if a.is_empty() && dim.size() != 0 {
            return Err(invalid("a", "a cannot be empty unless no samples are taken"));
        }
        let idx = self.choice(a.len(), dim, opts)?;
        Ok(idx.mapv(|k| a[k as usize].clone()))
    }
}

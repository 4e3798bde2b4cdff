//! The scikit-image tools the tutorials use on top of ndimage: Otsu's global threshold, local
//! (adaptive) thresholds and local-maximum peak detection.

use crate::error::{Result, invalid};
use crate::filters::gaussian::{GaussianOptions, gaussian_filter};
use crate::filters::rank::{FootprintOptions, maximum_filter, median_filter, uniform_filter};
use crate::mode::Mode;
use crate::support::{check_alloc, try_vec};
use sci_array::Bins;
use sci_array::ndarray::{Array2, ArrayBase, Data, Ix2};

fn check_finite<S: Data<Elem = f64>>(image: &ArrayBase<S, Ix2>) -> Result<()> {
    if image.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(invalid("image", "the image must contain only finite values"))
    }
}

/// Otsu's threshold of a float image: the bin centre of an `nbins`-bin histogram that
/// maximizes the between-class variance (scikit-image's algorithm and histogram).
///
/// A constant image returns its value.
///
/// # Errors
///
/// `InvalidValue` for an empty image, NaN/inf pixels, `nbins == 0` or too many bins to
/// allocate (NumPy's "array is too big" / `MemoryError`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::threshold_otsu;
/// use sci_ndimage::sci_array::ndarray::array;
/// let img = array![[0.1, 0.2, 0.15], [0.9, 0.8, 0.85]];
/// let t = threshold_otsu(&img, 256)?;
/// assert!(t > 0.2 && t < 0.8);
/// # Ok::<(), sci_ndimage::NdimageError>(())
/// ```
///
/// scikit-image equivalent: `skimage.filters.threshold_otsu(image, nbins)` for float images.
pub fn threshold_otsu<S: Data<Elem = f64>>(image: &ArrayBase<S, Ix2>, nbins: usize) -> Result<f64> {
    if image.is_empty() {
        return Err(invalid("image", "the image is empty"));
    }
    if nbins == 0 {
        return Err(invalid("nbins", "nbins must be at least 1"));
    }
    check_finite(image)?;
    let first = image.iter().next().copied().unwrap_or(0.0);
    if image.iter().all(|&v| v == first) {
        return Ok(first);
    }
    // NumPy's "array is too big" / MemoryError for the `nbins + 1` histogram edges (several
    // arrays of that length are made below).
    let n_edges = nbins.saturating_add(1);
    check_alloc(&[n_edges, 8], std::mem::size_of::<f64>(), "nbins")?;
    Vec::<f64>::new()
        .try_reserve_exact(n_edges.saturating_mul(8))
        .map_err(|_| invalid("nbins", "Unable to allocate the histogram (MemoryError)"))?;
    let (counts, edges) = sci_array::histogram(image, &Bins::Count(nbins), None, false, None)?;
    let centers: Vec<f64> = edges.windows(2).into_iter().map(|w| (w[0] + w[1]) / 2.0).collect();
    let n = counts.len();
    let mut w1 = vec![0.0; n];
    let mut m1 = vec![0.0; n];
    let (mut cw, mut cm) = (0.0, 0.0);
    for i in 0..n {
        cw += counts[i];
        cm += counts[i] * centers[i];
        w1[i] = cw;
        m1[i] = cm / cw;
    }
    let mut w2 = vec![0.0; n];
    let mut m2 = vec![0.0; n];
    let (mut cw, mut cm) = (0.0, 0.0);
    for i in (0..n).rev() {
        cw += counts[i];
        cm += counts[i] * centers[i];
        w2[i] = cw;
        m2[i] = cm / cw;
    }
    let mut best = f64::NEG_INFINITY;
    let mut idx = 0;
    for i in 0..n - 1 {
        let v = w1[i] * w2[i + 1] * (m1[i] - m2[i + 1]).powi(2);
        // np.argmax: the first maximum; NaN (an empty class) counts as a maximum there too.
        if v.is_nan() {
            idx = i;
            break;
        }
        if v > best {
            best = v;
            idx = i;
        }
    }
    Ok(centers[idx])
}

/// How [`threshold_local`] computes the local threshold (scikit-image's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum LocalMethod {
    /// A Gaussian-weighted mean with sigma `(block_size - 1) / 6` (the default), or this sigma.
    #[default]
    Gaussian,
    /// A Gaussian-weighted mean with this sigma (`param=sigma`).
    GaussianSigma(f64),
    /// The mean over the block.
    Mean,
    /// The median over the block.
    Median,
}

/// The local threshold of every pixel: a weighted mean (or median) of its `block_size`
/// neighbourhood minus `offset`; pixels above it are foreground.
///
/// # Errors
///
/// `InvalidValue` for an even `block_size`, NaN/inf pixels, or a bad sigma.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{threshold_local, LocalMethod, Mode};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let img = Array2::from_shape_fn((8, 8), |(i, j)| (i + j) as f64);
/// let t = threshold_local(&img, 3, LocalMethod::Mean, 0.0, Mode::Reflect)?;
/// assert!((t[[4, 4]] - 8.0).abs() < 1e-12);
/// # Ok::<(), sci_ndimage::NdimageError>(())
/// ```
///
/// scikit-image equivalent: `skimage.filters.threshold_local(image, block_size, method, offset,
/// mode)` for 2-d float images (method 'generic' is [`crate::generic_filter`]).
pub fn threshold_local<S: Data<Elem = f64>>(
    image: &ArrayBase<S, Ix2>,
    block_size: usize,
    method: LocalMethod,
    offset: f64,
    mode: Mode,
) -> Result<Array2<f64>> {
    if block_size % 2 == 0 {
        return Err(invalid("block_size", format!("block_size must be odd! Given block_size {block_size}")));
    }
    check_finite(image)?;
    let t = match method {
        LocalMethod::Gaussian | LocalMethod::GaussianSigma(_) => {
            let sigma = match method {
                LocalMethod::GaussianSigma(s) => s,
                _ => (block_size as f64 - 1.0) / 6.0,
            };
            let opts = GaussianOptions { mode: mode.into(), ..Default::default() };
            gaussian_filter(image, &[sigma], &opts)?
        }
        LocalMethod::Mean => uniform_filter(image, &[block_size], mode, &[])?,
        LocalMethod::Median => median_filter(image, &FootprintOptions::size(&[block_size]).with_mode(mode))?,
    };
    Ok(t - offset)
}

/// Options of [`peak_local_max`], with scikit-image's defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeakOptions {
    /// Peaks are separated by at least `min_distance` pixels (Chebyshev distance), and are
    /// maxima over a `(2 min_distance + 1)` box (default 1).
    pub min_distance: usize,
    /// Minimum intensity of peaks (default: the image minimum).
    pub threshold_abs: Option<f64>,
    /// Minimum intensity as a fraction of the image maximum.
    pub threshold_rel: Option<f64>,
    /// Exclude peaks within `min_distance` of the border (default true).
    pub exclude_border: bool,
    /// At most this many peaks, the highest first (default: all).
    pub num_peaks: Option<usize>,
}

impl Default for PeakOptions {
    fn default() -> Self {
        Self {
            min_distance: 1,
            threshold_abs: None,
            threshold_rel: None,
            exclude_border: true,
            num_peaks: None,
        }
    }
}

/// Coordinates `(row, col)` of the local maxima of `image`, highest first (ties in row-major
/// order), thinned so that no two are closer than `min_distance`.
///
/// # Errors
///
/// `InvalidValue` for NaN/inf pixels, or a `min_distance` whose `(2 min_distance + 1)²`
/// footprint scikit-image cannot make ("Maximum allowed dimension exceeded", `MemoryError`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{peak_local_max, PeakOptions};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let mut img = Array2::zeros((7, 7));
/// img[[3, 2]] = 1.5;
/// img[[3, 4]] = 2.0;
/// let p = peak_local_max(&img, &PeakOptions::default())?;
/// assert_eq!(p, vec![[3, 4], [3, 2]]);
/// let p = peak_local_max(&img, &PeakOptions { min_distance: 2, ..Default::default() })?;
/// assert_eq!(p, vec![[3, 4]]);
/// # Ok::<(), sci_ndimage::NdimageError>(())
/// ```
///
/// scikit-image equivalent: `skimage.feature.peak_local_max(image, min_distance, threshold_abs,
/// threshold_rel, exclude_border, num_peaks)` for 2-d images (no `footprint`, `labels`).
pub fn peak_local_max<S: Data<Elem = f64>>(
    image: &ArrayBase<S, Ix2>,
    opts: &PeakOptions,
) -> Result<Vec<[usize; 2]>> {
    check_finite(image)?;
    if image.is_empty() {
        return Ok(Vec::new());
    }
    let (rows, cols) = image.dim();
    let md = opts.min_distance;
    let mut threshold =
        opts.threshold_abs.unwrap_or_else(|| image.iter().copied().fold(f64::INFINITY, f64::min));
    if let Some(rel) = opts.threshold_rel {
        let max = image.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        threshold = threshold.max(rel * max);
    }
    // scikit-image makes a `(2 min_distance + 1)²` footprint ("Maximum allowed dimension
    // exceeded" or a `MemoryError` when it cannot). A window wider than twice the image
    // covers all of it from every pixel (the edges repeat outside), so larger ones give the
    // same maxima and the filter runs with the window capped there.
    let size = md
        .checked_mul(2)
        .and_then(|s| s.checked_add(1))
        .filter(|&s| s <= isize::MAX as usize)
        .ok_or_else(|| invalid("min_distance", "Maximum allowed dimension exceeded"))?;
    try_vec::<bool>(&[size, size], "min_distance")?;
    let size = size.min(2 * rows.max(cols) + 1);
    let mut mask = if size == 1 || image.len() == 1 {
        Array2::from_elem((rows, cols), true)
    } else {
        let image_max = maximum_filter(image, &FootprintOptions::size(&[size]).with_mode(Mode::Nearest))?;
        let mut mask = Array2::from_shape_fn((rows, cols), |ix| image[ix] == image_max[ix]);
        if mask.iter().all(|&m| m) {
            // A flat image has no peaks.
            mask.fill(false);
        }
        mask
    };
    for (ix, m) in mask.indexed_iter_mut() {
        *m = *m && image[ix] > threshold;
    }
    if opts.exclude_border && md > 0 {
        for ((r, c), m) in mask.indexed_iter_mut() {
            if r < md || c < md || r + md >= rows || c + md >= cols {
                *m = false;
            }
        }
    }
    let mut coords: Vec<[usize; 2]> =
        mask.indexed_iter().filter(|(_, m)| **m).map(|((r, c), _)| [r, c]).collect();
    // Highest first; a stable sort keeps row-major order among equal intensities.
    coords.sort_by(|a, b| image[[b[0], b[1]]].total_cmp(&image[[a[0], a[1]]]));
    // Keep each peak unless an earlier kept one is closer than min_distance (skimage's
    // ensure_spacing with p = inf).
    let spacing = md as f64;
    let max_out = opts.num_peaks.unwrap_or(usize::MAX);
    let mut kept: Vec<[usize; 2]> = Vec::new();
    let mut rejected = vec![false; coords.len()];
    for i in 0..coords.len() {
        if rejected[i] {
            continue;
        }
        kept.push(coords[i]);
        if kept.len() >= max_out {
            break;
        }
        for j in i + 1..coords.len() {
            let d = coords[i][0].abs_diff(coords[j][0]).max(coords[i][1].abs_diff(coords[j][1])) as f64;
            if d < spacing {
                rejected[j] = true;
            }
        }
    }
    Ok(kept)
}

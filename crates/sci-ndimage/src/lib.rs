//! # sci-ndimage: `scipy.ndimage` on ndarray
//!
//! Multidimensional image processing named as in `scipy.ndimage`, on
//! [`ndarray`](sci_array::ndarray) arrays of any rank, giving SciPy's numbers.
//!
//! | SciPy | here |
//! |---|---|
//! | `correlate1d`, `convolve1d`, `correlate`, `convolve` | [`correlate1d`], [`convolve1d`], [`correlate`], [`convolve`] (`axes=`: [`correlate_axes`], [`convolve_axes`]) |
//! | `gaussian_filter`, `gaussian_filter1d` | [`gaussian_filter`], [`gaussian_filter1d`] |
//! | `sobel`, `prewitt`, `laplace` | [`sobel`], [`prewitt`], [`laplace`] (`axes=`: [`laplace_axes`]) |
//! | `gaussian_laplace`, `gaussian_gradient_magnitude`, `generic_laplace`, `generic_gradient_magnitude` | [`gaussian_laplace`], [`gaussian_gradient_magnitude`], [`generic_laplace`], [`generic_gradient_magnitude`] (`axes=`: [`generic_laplace_axes`], [`generic_gradient_magnitude_axes`]) |
//! | `uniform_filter(1d)`, `minimum_filter(1d)`, `maximum_filter(1d)` | [`uniform_filter`] (`axes=`: [`uniform_filter_axes`]), [`uniform_filter1d`], [`minimum_filter`], [`minimum_filter1d`], [`maximum_filter`], [`maximum_filter1d`] |
//! | `median_filter`, `rank_filter`, `percentile_filter`, `generic_filter` | [`median_filter`], [`rank_filter`], [`percentile_filter`], [`generic_filter`] |
//! | `generic_filter1d`, `vectorized_filter` | [`generic_filter1d`], [`vectorized_filter`] |
//! | `generate_binary_structure`, `iterate_structure` | [`generate_binary_structure`], [`iterate_structure`], [`iterate_structure_origin`] |
//! | `binary_erosion`, `binary_dilation`, `binary_opening`, `binary_closing`, `binary_fill_holes` | [`binary_erosion`], [`binary_dilation`], [`binary_opening`], [`binary_closing`], [`binary_fill_holes`] |
//! | `grey_erosion`, `grey_dilation`, `grey_opening`, `grey_closing`, `white_tophat`, `black_tophat`, `morphological_gradient` | [`grey_erosion`], [`grey_dilation`], [`grey_opening`], [`grey_closing`], [`white_tophat`], [`black_tophat`], [`morphological_gradient`] |
//! | `binary_hit_or_miss`, `binary_propagation`, `morphological_laplace` | [`binary_hit_or_miss`], [`binary_propagation`], [`morphological_laplace`] |
//! | `spline_filter1d`, `spline_filter`, `map_coordinates`, `affine_transform`, `shift`, `zoom`, `rotate`, `geometric_transform` | [`spline_filter1d`], [`spline_filter`], [`map_coordinates`], [`geometric_transform`], [`affine_transform`], [`affine_transform_diagonal`], [`shift`], [`zoom`], [`rotate`], [`rotate_axes`] |
//! | `distance_transform_edt`, `distance_transform_cdt`, `distance_transform_bf` | [`distance_transform_edt`], [`distance_transform_cdt`], [`distance_transform_bf`] |
//! | `label`, `find_objects` | [`label`], [`find_objects`] |
//! | `watershed_ift` | [`watershed_ift`] |
//! | scikit-image: `exposure.rescale_intensity`, `color.rgb2gray`, `util.img_as_float`, `util.img_as_ubyte` | [`rescale_intensity`], [`rgb2gray`], [`img_as_float`], [`img_as_ubyte`] |
//! | `fourier_gaussian`, `fourier_uniform`, `fourier_ellipsoid`, `fourier_shift` | [`fourier_gaussian`], [`fourier_uniform`], [`fourier_ellipsoid`], [`fourier_shift`] |
//! | `sum_labels`, `mean`, `variance`, `standard_deviation`, `minimum`, `maximum`, `minimum_position`, `maximum_position`, `extrema`, `center_of_mass` | same names |
//! | `median`, `histogram`, `labeled_comprehension`, `value_indices` | [`median`], [`histogram`], [`labeled_comprehension`], [`value_indices`] |
//!
//! String options are enums ([`Mode`]; [`Modes`] for one mode per axis); many keyword arguments are option structs with
//! SciPy's defaults ([`GaussianOptions`], [`FootprintOptions`], [`BinaryOptions`],
//! [`GreyOptions`], [`VectorizedOptions`], [`EdtOptions`], [`CdtOptions`], [`BfOptions`]).
//! SciPy's `axes=` is a field of the option structs, and for the functions without one a
//! `_axes` variant taking the axes last ([`uniform_filter_axes`], [`correlate_axes`], ...).
//!
//! ```
//! use sci_ndimage::{label, sum_labels};
//! use sci_ndimage::sci_array::ndarray::array;
//! let a = array![[1, 1, 0], [0, 0, 0], [0, 1, 1]];
//! let (labels, n) = label(&a, None).unwrap();
//! assert_eq!(n, 2);
//! assert_eq!(sum_labels(&a, &labels, Some(&[1, 2])).unwrap(), vec![2.0, 2.0]);
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod element;
mod error;
mod exposure;
mod filters;
mod fourier;
mod generic1d;
mod interpolation;
mod measurements;
mod mode;
mod morphology;
mod skimage;
mod support;

pub use element::{Element, LabelElement};
pub use error::{NdimageError, Result};
pub use exposure::{ImageElement, IntensityRange, img_as_float, img_as_ubyte, rescale_intensity, rgb2gray};
pub use filters::correlate::{convolve, convolve_axes, convolve1d, correlate, correlate_axes, correlate1d};
pub use filters::derivatives::{laplace, laplace_axes, prewitt, sobel};
pub use filters::gaussian::{GaussianOptions, gaussian_filter, gaussian_filter1d};
pub use filters::generic_derivatives::{
    gaussian_gradient_magnitude, gaussian_laplace, generic_gradient_magnitude,
    generic_gradient_magnitude_axes, generic_laplace, generic_laplace_axes,
};
pub use filters::rank::{
    FootprintOptions, generic_filter, maximum_filter, maximum_filter1d, median_filter, minimum_filter,
    minimum_filter1d, percentile_filter, rank_filter, uniform_filter, uniform_filter_axes, uniform_filter1d,
};
pub use filters::vectorized::{VectorizedOptions, vectorized_filter};
pub use fourier::{FourierElement, fourier_ellipsoid, fourier_gaussian, fourier_shift, fourier_uniform};
pub use generic1d::generic_filter1d;
pub use interpolation::geometric::{affine_transform_diagonal, geometric_transform};
pub use interpolation::rotate_nd::rotate_axes;
pub use interpolation::splines::{spline_filter, spline_filter1d};
pub use interpolation::transform::{InterpOptions, affine_transform, map_coordinates, rotate, shift, zoom};
pub use measurements::label::{find_objects, label};
pub use measurements::labeled::{histogram, labeled_comprehension, median, value_indices};
pub use measurements::stats::{
    Extrema, center_of_mass, extrema, maximum, maximum_position, mean, minimum, minimum_position,
    standard_deviation, sum_labels, variance,
};
pub use measurements::watershed::{SignedLabel, WatershedLevel, watershed_ift};
pub use mode::{Mode, Modes};
pub use morphology::binary::{
    BinaryOptions, binary_closing, binary_dilation, binary_erosion, binary_fill_holes, binary_opening,
};
pub use morphology::distance::{DistanceTransform, EdtOptions, distance_transform_edt};
pub use morphology::distance_bf::{BfMetric, BfOptions, distance_transform_bf};
pub use morphology::distance_cdt::{CdtMetric, CdtOptions, distance_transform_cdt};
pub use morphology::extra::{
    HitOrMissOptions, binary_hit_or_miss, binary_propagation, morphological_laplace,
};
pub use morphology::grey::{
    GreyOptions, black_tophat, grey_closing, grey_dilation, grey_erosion, grey_opening,
    morphological_gradient, white_tophat,
};
pub use morphology::structure::{generate_binary_structure, iterate_structure, iterate_structure_origin};
pub use skimage::{LocalMethod, PeakOptions, peak_local_max, threshold_local, threshold_otsu};

//! Large buffers backed by transparent huge pages, as NumPy allocates its arrays.
//!
//! A fresh 80 MB buffer (10⁷ `f64`) comes from `mmap`; touched 4 KiB page by 4 KiB page it
//! costs ~20,000 page faults, which can take longer than a memory-bound kernel or an FFT over
//! it. NumPy asks the kernel for transparent huge pages on every allocation of 4 MiB or more
//! (`madvise(MADV_HUGEPAGE)`, `numpy/_core/src/multiarray/alloc.c`); the functions here do the
//! same, so that every sci crate allocates its large outputs the way NumPy does.

use ndarray::{Array, Dimension};
use num_traits::Zero;

/// Allocations of at least this many bytes get the huge-page advice (NumPy's threshold, 4 MiB).
pub const HUGE_MIN_BYTES: usize = 4 << 20;

/// Asks the kernel to back the pages of `v` with transparent huge pages, as NumPy does for
/// allocations of [`HUGE_MIN_BYTES`] or more (Linux; a no-op elsewhere and for smaller
/// buffers). It is only advice: the contents of `v` never change and a refusal is ignored.
///
/// NumPy equivalent: the `madvise` call in NumPy's data allocator (no Python-level name).
///
/// ```
/// use sci_array::alloc::advise_huge;
/// let mut v: Vec<f64> = Vec::with_capacity(1 << 20);
/// advise_huge(v.spare_capacity_mut());
/// v.resize(1 << 20, 1.5);
/// assert_eq!(v[12345], 1.5);
/// ```
pub fn advise_huge<T>(v: &[T]) {
    let bytes = std::mem::size_of_val(v);
    if bytes < HUGE_MIN_BYTES {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let start = v.as_ptr() as usize;
        let aligned = start.next_multiple_of(PAGE);
        let end = (start + bytes) & !(PAGE - 1);
        if end > aligned {
            #[allow(unsafe_code)]
            // SAFETY: `[aligned, end)` lies inside the allocation of `v` and is page aligned;
            // MADV_HUGEPAGE only changes how the kernel backs these pages, never their
            // contents, so no Rust-visible memory changes. A failure (e.g. THP disabled) is
            // harmless and ignored.
            unsafe {
                libc::madvise(aligned as *mut libc::c_void, end - aligned, libc::MADV_HUGEPAGE);
            }
        }
    }
}

/// A zero-filled vector of length `len`, huge-page advised when large (see [`advise_huge`]).
///
/// NumPy equivalent: the buffer behind `numpy.zeros(len)`.
///
/// ```
/// let v: Vec<f32> = sci_array::alloc::zeroed_vec(3);
/// assert_eq!(v, vec![0.0; 3]);
/// ```
pub fn zeroed_vec<X: Zero + Clone>(len: usize) -> Vec<X> {
    let mut v: Vec<X> = Vec::with_capacity(len);
    advise_huge(v.spare_capacity_mut());
    v.resize(len, X::zero());
    v
}

/// A zero-filled array of the given shape in standard (C) layout, huge-page advised when large.
///
/// NumPy equivalent: `numpy.zeros(shape)`.
///
/// ```
/// use sci_array::ndarray::Ix2;
/// let a = sci_array::alloc::zeros::<f64, _>(Ix2(2, 3));
/// assert_eq!(a.shape(), &[2, 3]);
/// assert!(a.iter().all(|&x| x == 0.0));
/// ```
pub fn zeros<X: Zero + Clone, D: Dimension>(shape: D) -> Array<X, D> {
    let v = zeroed_vec(shape.size());
    Array::from_shape_vec(shape, v).expect("the vector has the shape's size")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroed_buffers_of_every_size_are_zero() {
        for len in [0, 1, 1000, HUGE_MIN_BYTES / 8 + 3] {
            let v: Vec<f64> = zeroed_vec(len);
            assert_eq!(v.len(), len);
            assert!(v.iter().all(|&x| x == 0.0));
        }
        let a: Array<f64, ndarray::Ix2> = zeros(ndarray::Ix2(3, 4));
        assert_eq!(a.shape(), &[3, 4]);
        assert!(a.is_standard_layout());
    }
}

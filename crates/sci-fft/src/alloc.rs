//! Large buffers backed by transparent huge pages, as NumPy allocates its arrays.
//!
//! A fresh 32 MiB output touched 4 KiB page by 4 KiB page costs 8192 page faults, which can take
//! longer than the transform itself. NumPy asks the kernel for transparent huge pages on every
//! allocation of 4 MiB or more (`madvise(MADV_HUGEPAGE)`, `numpy/_core/src/multiarray/alloc.c`);
//! the buffers here do the same.

use ndarray::{Array, Dimension};
use num_traits::Zero;

/// Allocations of at least this many bytes get the huge-page advice (NumPy's threshold).
const HUGE_MIN_BYTES: usize = 4 << 20;

/// A zero-filled vector of length `len`, huge-page advised when large.
pub(crate) fn zeroed_vec<X: Zero + Clone>(len: usize) -> Vec<X> {
    let mut v: Vec<X> = Vec::with_capacity(len);
    advise_huge(v.spare_capacity_mut());
    v.resize(len, X::zero());
    v
}

/// A zero-filled array of the given shape in standard layout, huge-page advised when large.
pub(crate) fn zeros<X: Zero + Clone, D: Dimension>(shape: D) -> Array<X, D> {
    let v = zeroed_vec(shape.size());
    Array::from_shape_vec(shape, v).expect("the vector has the shape's size")
}

/// Asks the kernel to back the pages of `v` with transparent huge pages (Linux; no-op
/// elsewhere and for small buffers). Only advice: correctness never depends on it.
fn advise_huge<T>(v: &[T]) {
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

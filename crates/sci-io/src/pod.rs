//! Byte views of element slices, for bulk reads and writes without per-element work.

use crate::npy::NpyElement;

/// The bytes of a slice of elements, in memory (native) order.
#[allow(unsafe_code)]
pub(crate) fn bytes_of<T: NpyElement>(s: &[T]) -> &[u8] {
    // SAFETY: every `NpyElement` (bool, fixed-size integers, floats, and `Complex<f32|f64>`,
    // which is `repr(C)` of two floats) has no padding bytes and no interior mutability, so
    // all `size_of_val(s)` bytes behind `s` are initialized and may be read as `u8` for the
    // lifetime of the borrow; `u8` has alignment 1.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<u8>(), std::mem::size_of_val(s)) }
}

/// The bytes of a mutable slice of elements, or `None` for types where not every byte
/// pattern is a valid value (`bool`).
#[allow(unsafe_code)]
pub(crate) fn bytes_of_mut<T: NpyElement>(s: &mut [T]) -> Option<&mut [u8]> {
    if !T::ANY_BIT_PATTERN {
        return None;
    }
    // SAFETY: as in `bytes_of`, the memory is initialized and padding-free; additionally
    // `T::ANY_BIT_PATTERN` guarantees that any bytes written through the returned slice form
    // valid values of `T` (integers, floats and complex floats accept every bit pattern).
    // The returned slice borrows `s` mutably, so no aliasing is possible.
    Some(unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<u8>(), std::mem::size_of_val(s)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_match_native_bytes() {
        let x = [1.5f64, -2.0];
        let b = bytes_of(&x);
        assert_eq!(&b[..8], &1.5f64.to_ne_bytes());
        let mut y = [0u16; 2];
        bytes_of_mut(&mut y).unwrap().copy_from_slice(&[1, 0, 0, 1]);
        assert_eq!(y, [u16::from_ne_bytes([1, 0]), u16::from_ne_bytes([0, 1])]);
        assert!(bytes_of_mut(&mut [true]).is_none());
    }
}

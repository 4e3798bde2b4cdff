//! Arrays from and to raw bytes: NumPy's `frombuffer` with an explicit byte order
//! (`dtype=">i8"`, `"<f4"`, ...) and `ndarray.tobytes`.
//!
//! To mimic NumPy's `offset=` and `count=`, slice the byte buffer first:
//! `frombuffer::<i32>(&buf[offset..offset + 4 * count], Endian::Little)`.

use crate::error::{ArrayError, Result};
use crate::manipulation::Order;
use ndarray::{Array1, ArrayBase, ArrayD, Data, Dimension, IxDyn, ShapeBuilder};
use num_complex::Complex;

/// Byte order of raw data: NumPy's `>` (big), `<` (little) and `=` (native) dtype prefixes.
///
/// # Examples
///
/// ```
/// use sci_array::Endian;
/// assert!(Endian::Native == Endian::Little || Endian::Native.is_native());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Endian {
    /// Most significant byte first (`>`, network order).
    Big,
    /// Least significant byte first (`<`).
    Little,
    /// The machine's byte order (`=`).
    #[default]
    Native,
}

impl Endian {
    /// True when this order is the machine's own.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::Endian;
    /// assert!(Endian::Native.is_native());
    /// assert_ne!(Endian::Big.is_native(), Endian::Little.is_native());
    /// ```
    pub fn is_native(self) -> bool {
        match self {
            Endian::Native => true,
            Endian::Big => cfg!(target_endian = "big"),
            Endian::Little => cfg!(target_endian = "little"),
        }
    }
}

/// An element type that can be read from and written to raw bytes.
///
/// Implemented for `i8`..`i64`, `u8`..`u64`, `f32`, `f64`, `Complex<f32>` and `Complex<f64>`
/// (NumPy's `complex64`/`complex128`: real part first, each part in the given byte order).
pub trait ByteElement: Copy {
    /// Size of one element in bytes (NumPy's `itemsize`).
    const SIZE: usize;
    /// Decodes one element from exactly `SIZE` bytes.
    fn read(bytes: &[u8], endian: Endian) -> Self;
    /// Appends the `SIZE` bytes of `self` to `out`.
    fn write(self, endian: Endian, out: &mut Vec<u8>);
}

macro_rules! byte_prim {
    ($($t:ty),*) => {$(
        impl ByteElement for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline]
            fn read(bytes: &[u8], endian: Endian) -> Self {
                let arr: [u8; std::mem::size_of::<$t>()] = bytes.try_into().expect("SIZE bytes");
                match endian {
                    Endian::Big => <$t>::from_be_bytes(arr),
                    Endian::Little => <$t>::from_le_bytes(arr),
                    Endian::Native => <$t>::from_ne_bytes(arr),
                }
            }
            #[inline]
            fn write(self, endian: Endian, out: &mut Vec<u8>) {
                out.extend_from_slice(&match endian {
                    Endian::Big => self.to_be_bytes(),
                    Endian::Little => self.to_le_bytes(),
                    Endian::Native => self.to_ne_bytes(),
                });
            }
        }
    )*};
}
byte_prim!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

macro_rules! byte_complex {
    ($($t:ty),*) => {$(
        impl ByteElement for Complex<$t> {
            const SIZE: usize = 2 * std::mem::size_of::<$t>();
            #[inline]
            fn read(bytes: &[u8], endian: Endian) -> Self {
                let h = std::mem::size_of::<$t>();
                Complex::new(<$t>::read(&bytes[..h], endian), <$t>::read(&bytes[h..], endian))
            }
            #[inline]
            fn write(self, endian: Endian, out: &mut Vec<u8>) {
                self.re.write(endian, out);
                self.im.write(endian, out);
            }
        }
    )*};
}
byte_complex!(f32, f64);

/// Interprets a byte buffer as a 1-d array of `T` in the given byte order (a copy, since Rust
/// arrays must be aligned and in native order).
///
/// NumPy equivalent: `numpy.frombuffer(buffer, dtype=">i8")` (and `"<i8"`, `"=i8"`).
///
/// # Errors
///
/// [`ArrayError::InvalidData`] when the buffer length is not a multiple of the item size
/// ("buffer size must be a multiple of element size").
///
/// # Examples
///
/// ```
/// use sci_array::{frombuffer, Endian};
/// use sci_array::ndarray::array;
/// let raw = [0u8, 1, 0, 2];
/// assert_eq!(frombuffer::<u16>(&raw, Endian::Big).unwrap(), array![1, 2]);
/// assert_eq!(frombuffer::<u16>(&raw, Endian::Little).unwrap(), array![256, 512]);
/// assert!(frombuffer::<u16>(&raw[..3], Endian::Big).is_err());
/// ```
pub fn frombuffer<T: ByteElement>(bytes: &[u8], endian: Endian) -> Result<Array1<T>> {
    if T::SIZE == 0 || !bytes.len().is_multiple_of(T::SIZE) {
        return Err(ArrayError::InvalidData {
            arg: "buffer",
            reason: format!(
                "buffer size must be a multiple of element size (buffer has {} bytes, element size is {})",
                bytes.len(),
                T::SIZE
            ),
        });
    }
    Ok(bytes.chunks_exact(T::SIZE).map(|c| T::read(c, endian)).collect())
}

/// Interprets a byte buffer as an array of `T` with the given `shape`, the elements laid out
/// in `order` (C: last index fastest; F: first index fastest).
///
/// NumPy equivalent: `numpy.frombuffer(buffer, dtype).reshape(shape, order=...)`.
///
/// # Errors
///
/// As [`frombuffer`], plus [`ArrayError::InvalidValue`] when `shape` does not hold exactly
/// the number of elements in the buffer.
///
/// # Examples
///
/// NumPy's tutorial: 64 bytes read as big-endian 8-byte integers, shaped `(2, 2, 2)` in F
/// order.
///
/// ```
/// use sci_array::{frombuffer_shaped, Endian, Order};
/// let mut raw = vec![0u8; 64];
/// for (i, v) in [1u64, 100, 3, 4, 5, 6, 7, 8].iter().enumerate() {
///     raw[8 * i..8 * i + 8].copy_from_slice(&v.to_be_bytes());
/// }
/// let a = frombuffer_shaped::<i64>(&raw, Endian::Big, &[2, 2, 2], Order::F).unwrap();
/// assert_eq!(a[[1, 0, 0]], 100);
/// assert_eq!(a[[0, 1, 0]], 3);
/// ```
pub fn frombuffer_shaped<T: ByteElement>(
    bytes: &[u8],
    endian: Endian,
    shape: &[usize],
    order: Order,
) -> Result<ArrayD<T>> {
    let flat = frombuffer::<T>(bytes, endian)?;
    let n = flat.len();
    let vec = flat.into_raw_vec_and_offset().0;
    let sh = IxDyn(shape).set_f(order == Order::F);
    ArrayD::from_shape_vec(sh, vec).map_err(|_| ArrayError::InvalidValue {
        arg: "shape",
        reason: format!("cannot reshape array of size {n} into shape {shape:?}"),
    })
}

/// The array's elements as raw bytes in the given byte order, read in `order`.
///
/// NumPy equivalent: `ndarray.tobytes(order=...)` (on an array of the desired byte order,
/// e.g. `a.astype(">i8").tobytes()`).
///
/// # Examples
///
/// ```
/// use sci_array::{tobytes, frombuffer, Endian, Order};
/// use sci_array::ndarray::array;
/// let a = array![[1i16, 2], [3, 4]];
/// assert_eq!(tobytes(&a, Endian::Big, Order::C), vec![0, 1, 0, 2, 0, 3, 0, 4]);
/// assert_eq!(tobytes(&a, Endian::Little, Order::F), vec![1, 0, 3, 0, 2, 0, 4, 0]);
/// let back = frombuffer::<i16>(&tobytes(&a, Endian::Native, Order::C), Endian::Native).unwrap();
/// assert_eq!(back, array![1, 2, 3, 4]);
/// ```
pub fn tobytes<T, S, D>(a: &ArrayBase<S, D>, endian: Endian, order: Order) -> Vec<u8>
where
    T: ByteElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut out = Vec::with_capacity(a.len() * T::SIZE);
    match order {
        Order::C => a.iter().for_each(|x| x.write(endian, &mut out)),
        Order::F => a.t().iter().for_each(|x| x.write(endian, &mut out)),
    }
    out
}

//! The element types the ndimage functions accept.

/// A pixel type: the real numeric types and `bool`, as SciPy's `ndimage` accepts them.
///
/// Filters compute in `f64` (as SciPy's C kernels do, through `double` line buffers) and
/// write back with [`Element::from_f64`], which is C's cast: truncation toward zero for
/// integers (saturating where C would be undefined), `!= 0` for `bool`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::Element;
/// assert_eq!(<i32 as Element>::from_f64(2.9), 2);
/// assert_eq!(<i32 as Element>::from_f64(-2.9), -2);
/// assert!(<bool as Element>::from_f64(0.5));
/// assert_eq!(7u8.to_f64(), 7.0);
/// ```
pub trait Element: Copy + Send + Sync + PartialOrd + std::fmt::Debug + 'static {
    /// The value as `f64`.
    fn to_f64(self) -> f64;
    /// C's `(type)value` cast from `double`.
    fn from_f64(v: f64) -> Self;
    /// True for `bool`.
    const IS_BOOL: bool = false;
    /// True for `f32`/`f64`.
    const IS_FLOAT: bool = false;
}

macro_rules! elem_int {
    ($($t:ty),*) => {$(
        impl Element for $t {
            #[inline(always)]
            fn to_f64(self) -> f64 { self as f64 }
            #[inline(always)]
            fn from_f64(v: f64) -> Self { v as $t }
        }
    )*};
}
elem_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl Element for f64 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v
    }
    const IS_FLOAT: bool = true;
}

impl Element for f32 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self as f64
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    const IS_FLOAT: bool = true;
}

impl Element for bool {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        if self { 1.0 } else { 0.0 }
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    const IS_BOOL: bool = true;
}

/// An integer label type, as accepted by [`label`](crate::label)'s output and the
/// measurement functions' `labels` argument.
///
/// # Examples
///
/// ```
/// use sci_ndimage::LabelElement;
/// assert_eq!(5u8.to_i64(), 5);
/// ```
pub trait LabelElement: Copy + Send + Sync + std::fmt::Debug + 'static {
    /// The label as `i64`.
    fn to_i64(self) -> i64;
}

macro_rules! label_int {
    ($($t:ty),*) => {$(
        impl LabelElement for $t {
            #[inline(always)]
            fn to_i64(self) -> i64 { self as i64 }
        }
    )*};
}
label_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl LabelElement for bool {
    #[inline(always)]
    fn to_i64(self) -> i64 {
        self as i64
    }
}

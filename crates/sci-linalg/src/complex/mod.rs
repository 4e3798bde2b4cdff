//! The complex kernels (`Complex<f32>`, `Complex<f64>`) behind the generic public functions,
//! computed by faer on both backends (the `lapack` feature routes only real matrices to
//! LAPACK). Written for any [`LinalgScalar`](crate::LinalgScalar); the public functions send
//! real matrices to their own kernels.

pub(crate) mod chol;
pub(crate) mod decomp;
pub(crate) mod lu;
pub(crate) mod misc;
pub(crate) mod qr;
pub(crate) mod qr_blocked;
pub(crate) mod schur;
pub(crate) mod solve;
pub(crate) mod trexc;

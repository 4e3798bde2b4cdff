//! `cargo xtask bench`: criterion benches and the side-by-side report against NumPy/SciPy.

/// Entry point of `cargo xtask bench`.
pub(crate) fn run(_args: &[String]) -> Result<(), String> {
    Err("bench is being written in this session".to_string())
}

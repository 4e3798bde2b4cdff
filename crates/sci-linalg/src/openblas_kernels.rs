//! Which kernel family the system OpenBLAS runs (the `lapack` feature).
//!
//! An OpenBLAS built with `DYNAMIC_ARCH`, as Debian's is, picks its kernels when it loads, from
//! the CPU models it knows. A release older than the CPU falls back to an old family: Debian 12's
//! OpenBLAS 0.3.21 takes a Xeon of family 6, model 207 (Emerald Rapids) for a Prescott and runs
//! SSE3 kernels, and takes an AMD Zen 4 for a Zen (AVX2), where the OpenBLAS 0.3.30/0.3.31 that
//! SciPy and NumPy bundle run their SkylakeX (AVX-512) kernels on both. Measured on the Xeon: an
//! LU (`dgetrf`) of 1000x1000 took 51 ms with the Prescott kernels and 31 ms with SkylakeX's.
//!
//! Before the crate's first OpenBLAS call, [`upgrade`] compares the library's pick with the
//! instruction sets the CPU reports; when the CPU runs a wider family than the one picked (AVX-512
//! for SkylakeX's kernels, AVX2 and FMA for Haswell's), it has the library select its kernels
//! again with that family, as the library does at load time when `OPENBLAS_CORETYPE` names one.
//! Nothing changes when `OPENBLAS_CORETYPE` is set (the user chose), when the library was not
//! built with `DYNAMIC_ARCH` (it then has one family, and lacks the entry points used here), when
//! its pick is as wide as the CPU allows, or off x86-64.
#![allow(unsafe_code)]

#[cfg(target_arch = "x86_64")]
use std::ffi::{CStr, c_char};

/// How wide a kernel family's vectors are: 0 below AVX2, 1 AVX2 + FMA, 2 AVX-512.
#[cfg(target_arch = "x86_64")]
fn width_of_family(name: &str) -> u8 {
    match name.to_ascii_lowercase().as_str() {
        "skylakex" | "cooperlake" | "sapphirerapids" => 2,
        "haswell" | "zen" | "excavator" => 1,
        _ => 0,
    }
}

/// The widest family this CPU runs, with OpenBLAS's name for it (`OPENBLAS_CORETYPE`'s values).
#[cfg(target_arch = "x86_64")]
fn widest_for_cpu() -> (u8, &'static str) {
    let avx512 = is_x86_feature_detected!("avx512f")
        && is_x86_feature_detected!("avx512cd")
        && is_x86_feature_detected!("avx512bw")
        && is_x86_feature_detected!("avx512dq")
        && is_x86_feature_detected!("avx512vl");
    if avx512 {
        (2, "SKYLAKEX")
    } else if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
        (1, "HASWELL")
    } else {
        (0, "")
    }
}

#[cfg(target_arch = "x86_64")]
unsafe extern "C" {
    fn openblas_get_corename() -> *const c_char;
}

/// The name of the family the library runs now.
#[cfg(target_arch = "x86_64")]
fn current_family() -> String {
    // SAFETY: OpenBLAS returns a pointer to a static, NUL-terminated name.
    let name = unsafe { openblas_get_corename() };
    if name.is_null() {
        String::new()
    } else {
        unsafe { CStr::from_ptr(name) }.to_string_lossy().into_owned()
    }
}

/// Has the library run the widest kernel family the CPU supports (see the module docs). Called
/// once, under [`crate::lapack::serial`]'s lock, before the crate's first OpenBLAS call.
pub(crate) fn upgrade() {
    #[cfg(target_arch = "x86_64")]
    {
        const VAR: &str = "OPENBLAS_CORETYPE";
        if std::env::var_os(VAR).is_some() {
            return;
        }
        let (widest, family) = widest_for_cpu();
        if widest <= width_of_family(&current_family()) {
            return;
        }
        // SAFETY: `dlsym` with `RTLD_DEFAULT` looks a name up in the loaded objects; both
        // entry points exist (exported, taking and returning nothing) in `DYNAMIC_ARCH` builds
        // only, so a null result means there is nothing to select.
        let (quit, init) = unsafe {
            (
                libc::dlsym(libc::RTLD_DEFAULT, c"gotoblas_dynamic_quit".as_ptr()),
                libc::dlsym(libc::RTLD_DEFAULT, c"gotoblas_dynamic_init".as_ptr()),
            )
        };
        if quit.is_null() || init.is_null() {
            return;
        }
        // SAFETY: the addresses are the library's `void gotoblas_dynamic_quit(void)` and
        // `void gotoblas_dynamic_init(void)`. `quit` only forgets the pick; `init` reads
        // `OPENBLAS_CORETYPE`, takes that family (or, for a name it does not know, detects
        // again as at load time) and sets its blocking parameters. No OpenBLAS call of this
        // crate runs meanwhile (the caller holds `serial`'s lock). The variable is set and removed
        // through `std::env`, which serializes with every other `std::env` access; a thread
        // reading the environment through C's `getenv` at this very moment, or calling OpenBLAS
        // outside this crate, is the one hazard, as for any program that sets a variable while
        // threads run.
        unsafe {
            let quit: extern "C" fn() = std::mem::transmute(quit);
            let init: extern "C" fn() = std::mem::transmute(init);
            std::env::set_var(VAR, family);
            quit();
            init();
            std::env::remove_var(VAR);
        }
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn families_rank_by_vector_width() {
        assert_eq!(width_of_family("Prescott"), 0);
        assert_eq!(width_of_family("Sandybridge"), 0);
        assert_eq!(width_of_family("Haswell"), 1);
        assert_eq!(width_of_family("Zen"), 1);
        assert_eq!(width_of_family("SkylakeX"), 2);
        assert_eq!(width_of_family("SAPPHIRERAPIDS"), 2);
    }

    #[test]
    fn library_runs_the_widest_family_after_the_first_call() {
        drop(crate::lapack::serial());
        let (widest, _) = widest_for_cpu();
        let family = current_family();
        match std::env::var("OPENBLAS_CORETYPE") {
            Ok(chosen) => {
                assert!(family.eq_ignore_ascii_case(&chosen), "OPENBLAS_CORETYPE={chosen}, runs {family}")
            }
            Err(_) => assert!(
                width_of_family(&family) >= widest,
                "OpenBLAS runs {family} on a CPU of width {widest}"
            ),
        }
    }
}

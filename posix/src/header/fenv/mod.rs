//! `fenv.h`: the floating-point environment, as WebAssembly has it.
//!
//! WebAssembly floating point always rounds to nearest (ties to even) and
//! has neither exception flags nor traps (WebAssembly core specification,
//! "Floating-Point Operations"). So, like wasi-libc, this header defines only
//! `FE_TONEAREST` and an empty `FE_ALL_EXCEPT` (no `FE_UPWARD`,
//! `FE_DIVBYZERO`, ...: `#ifdef` tests see what is there), and the functions
//! report that state truthfully: `fegetround` is `FE_TONEAREST`; `fesetround`
//! succeeds only for it; no flag is ever set, so `fetestexcept` is 0 and
//! clearing or saving flags succeeds; raising or restoring a flag that does
//! not exist fails.

use crate::platform::{c_int, c_ulong};

/// Round to nearest, the only rounding direction.
pub const FE_TONEAREST: c_int = 0;
/// The union of the supported exception flags: none.
pub const FE_ALL_EXCEPT: c_int = 0;

/// `fexcept_t`: saved exception flags (always 0).
pub type fexcept_t = c_ulong;

/// `fenv_t`: a saved environment (its one field is always 0), laid out as
/// wasi-libc's.
#[repr(C)]
#[derive(Copy, Clone, Default, Debug)]
pub struct fenv_t {
    pub __cw: c_ulong,
}

/// 0 when every bit of `excepts` names a supported exception (none does).
fn supported(excepts: c_int) -> bool {
    excepts & !FE_ALL_EXCEPT == 0
}

/// [feclearexcept](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feclearexcept.html):
/// no flag is ever raised, so clearing succeeds.
#[unsafe(no_mangle)]
pub extern "C" fn feclearexcept(excepts: c_int) -> c_int {
    let _ = excepts;
    0
}

/// [feraiseexcept](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feraiseexcept.html):
/// succeeds only for no exception (0): WebAssembly has no flags to raise.
#[unsafe(no_mangle)]
pub extern "C" fn feraiseexcept(excepts: c_int) -> c_int {
    if supported(excepts) { 0 } else { -1 }
}

/// [fetestexcept](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fetestexcept.html):
/// always 0 (no flag is ever set).
#[unsafe(no_mangle)]
pub extern "C" fn fetestexcept(excepts: c_int) -> c_int {
    let _ = excepts;
    0
}

/// [fegetexceptflag](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetexceptflag.html):
/// stores the (empty) flag state.
///
/// # Safety
/// `flagp` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetexceptflag(flagp: *mut fexcept_t, excepts: c_int) -> c_int {
    let _ = excepts;
    // SAFETY: caller contract.
    unsafe { flagp.write(0) };
    0
}

/// [fesetexceptflag](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetexceptflag.html):
/// succeeds when the flags to restore are all clear (the only state there is).
///
/// # Safety
/// `flagp` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetexceptflag(flagp: *const fexcept_t, excepts: c_int) -> c_int {
    // SAFETY: caller contract.
    let f = unsafe { flagp.read() };
    if supported(excepts) || f & excepts as c_ulong == 0 {
        0
    } else {
        -1
    }
}

/// [fegetround](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetround.html):
/// always `FE_TONEAREST`.
#[unsafe(no_mangle)]
pub extern "C" fn fegetround() -> c_int {
    FE_TONEAREST
}

/// [fesetround](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetround.html):
/// 0 for `FE_TONEAREST`, non-zero for any other value (WebAssembly cannot
/// change the rounding direction).
#[unsafe(no_mangle)]
pub extern "C" fn fesetround(round: c_int) -> c_int {
    if round == FE_TONEAREST { 0 } else { -1 }
}

/// [fegetenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fegetenv.html)
///
/// # Safety
/// `envp` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetenv(envp: *mut fenv_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { envp.write(fenv_t::default()) };
    0
}

/// [feholdexcept](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feholdexcept.html):
/// saves the environment; "non-stop" mode is the only mode there is.
///
/// # Safety
/// `envp` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feholdexcept(envp: *mut fenv_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fegetenv(envp) }
}

/// [fesetenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fesetenv.html):
/// `FE_DFL_ENV` or a saved environment; both are the one state there is.
#[unsafe(no_mangle)]
pub extern "C" fn fesetenv(envp: *const fenv_t) -> c_int {
    let _ = envp;
    0
}

/// [feupdateenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feupdateenv.html):
/// installs the environment and re-raises the (no) current flags.
#[unsafe(no_mangle)]
pub extern "C" fn feupdateenv(envp: *const fenv_t) -> c_int {
    fesetenv(envp)
}

//! The `panic-handler` feature: print the panic to stderr, then trap.

use libc_core::single::Single;

/// Set while the handler runs: a panic while printing traps at once.
static PANICKING: Single<bool> = Single::new(false);

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    if !PANICKING.load() {
        PANICKING.store(true);
        crate::eprintln!("{info}");
    }
    libc_core::trap()
}

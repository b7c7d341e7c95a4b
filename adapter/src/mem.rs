//! Memory helpers: the region the tool reserves, the program's realloc,
//! return-area stores, and the trap.

#[link(wasm_import_module = "__adapter")]
unsafe extern "C" {
    /// The base of the adapter's region (the tool replaces every call with
    /// an `i32.const`).
    #[link_name = "region"]
    fn region_base() -> *mut u8;
}

#[link(wasm_import_module = "__main")]
unsafe extern "C" {
    /// The program's `cabi_import_realloc` (or `cabi_realloc`).
    #[link_name = "cabi_import_realloc"]
    fn import_realloc(old: *mut u8, old_size: usize, align: usize, new_size: usize) -> *mut u8;
}

/// The start of the region (zero-filled at instantiation).
#[inline(always)]
pub fn region() -> *mut u8 {
    // SAFETY: the tool turns this call into a constant.
    unsafe { region_base() }
}

/// Traps (a bad handle, a broken realloc, a host that lies).
#[cold]
#[inline(never)]
pub fn trap() -> ! {
    core::arch::wasm32::unreachable()
}

/// Bytes of linear memory.
#[inline(always)]
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) << 16
}

/// `[ptr, ptr + len)` lies in linear memory.
#[inline(always)]
pub fn in_bounds(ptr: usize, len: usize) -> bool {
    match ptr.checked_add(len) {
        Some(end) => end <= memory_bytes(),
        None => false,
    }
}

/// Bytes of the region (`wasm-libc adapt` reserves `REGION_PAGES` = 2).
pub const REGION_BYTES: usize = 2 << 16;

/// A fresh block from the program's realloc for a list result; traps when
/// the block is misaligned, wraps around, is null, or overlaps the region (a
/// broken realloc must not make preview1 write over the adapter's state).
#[inline(always)]
pub fn alloc(align: usize, len: usize) -> *mut u8 {
    // SAFETY: a fresh allocation request; the block is checked below.
    let p = unsafe { import_realloc(core::ptr::null_mut(), 0, align, len) };
    let a = p as usize;
    let base = region() as usize;
    let end = a.wrapping_add(len);
    // No wrap-around, entirely below or above the region. (A block past
    // the end of memory needs no check: preview1 refuses it with EFAULT,
    // and the adapter's own stores trap.)
    let outside = end <= base || a >= base + REGION_BYTES;
    if a & (align - 1) != 0 || end < a || !outside || a == 0 {
        trap();
    }
    p
}

/// A fresh block holding a copy of `len` bytes at `src`.
pub fn alloc_copy(src: *const u8, len: usize) -> *mut u8 {
    let p = alloc(1, len);
    // SAFETY: `src` is `len` readable bytes (checked by callers), `p` a fresh block.
    unsafe { core::ptr::copy_nonoverlapping(src, p, len) };
    p
}

/// Stores into a return area (the program passes an aligned pointer).
#[inline(always)]
pub fn put_u8(ret: *mut u8, off: usize, v: u8) {
    // SAFETY: `ret` is the canonical-ABI return area of the import.
    unsafe { ret.add(off).write(v) }
}

#[inline(always)]
pub fn put_u32(ret: *mut u8, off: usize, v: u32) {
    // SAFETY: as `put_u8`; the area is aligned for its fields.
    unsafe { ret.add(off).cast::<u32>().write_unaligned(v) }
}

#[inline(always)]
pub fn put_u64(ret: *mut u8, off: usize, v: u64) {
    // SAFETY: as `put_u32`.
    unsafe { ret.add(off).cast::<u64>().write_unaligned(v) }
}

/// Checks that a guest-supplied `(ptr, len)` list lies in memory (a host
/// would trap lowering it).
#[inline(always)]
pub fn check_list(ptr: *const u8, len: usize) {
    if !in_bounds(ptr as usize, len) {
        trap();
    }
}

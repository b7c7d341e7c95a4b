//! The environment on preview1: `environ_sizes_get` + `environ_get`.

use super::{Sys, check};
use crate::errno::Errno;
use crate::pal::{PalEnv, Result};

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn environ_sizes_get(count: *mut usize, buf_size: *mut usize) -> u16;
    fn environ_get(environ: *mut *mut u8, buf: *mut u8) -> u16;
}

impl PalEnv for Sys {
    fn environ() -> Result<(usize, *mut *mut u8)> {
        let (mut count, mut size) = (0usize, 0usize);
        // SAFETY: valid out-pointers.
        check(unsafe { environ_sizes_get(&mut count, &mut size) })?;
        let array =
            crate::heap_alloc((count + 1) * core::mem::size_of::<usize>(), 4) as *mut *mut u8;
        let strs = crate::heap_alloc(size.max(1), 1);
        if array.is_null() || strs.is_null() {
            // SAFETY: null or our blocks.
            unsafe {
                crate::heap_free(array.cast());
                crate::heap_free(strs);
            }
            return Err(Errno::ENOMEM);
        }
        // SAFETY: both buffers have the sizes the host asked for.
        check(unsafe { environ_get(array, strs) })?;
        // SAFETY: array has count + 1 slots.
        unsafe { *array.add(count) = core::ptr::null_mut() };
        Ok((count, array))
    }
}

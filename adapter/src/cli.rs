//! `wasi:cli`: environment, exit, stdin/stdout/stderr, terminals.

use crate::mem::{alloc, alloc_copy, in_bounds, put_u8, put_u32, trap};
use crate::p1;
use crate::table::{self, Kind, NO_CLOSE};

/// Fetches preview1's argv or environ into one scratch block (pointer
/// array, then the strings) and returns `(count, pointers, buf_end)`.
/// The scratch is the start of the list spine, allocated with room for
/// `count * spine_entry` bytes of spine before it (`environ`: environ_*
/// rather than args_*; a flag, not function pointers: no table).
fn fetch(environ: bool, spine_entry: usize) -> (usize, *mut u8, *mut u32, usize) {
    let (mut n, mut size) = (0usize, 0usize);
    // SAFETY: two out-parameters on our stack.
    let r = unsafe {
        if environ {
            p1::environ_sizes_get(&mut n, &mut size)
        } else {
            p1::args_sizes_get(&mut n, &mut size)
        }
    };
    if r != 0 {
        trap();
    }
    let spine_bytes = n.checked_mul(spine_entry).unwrap_or_else(|| trap());
    // Room for `n + 1` pointers: some hosts (the December 2020 WAMR) end
    // the array with a null entry, as C's `argv[argc]`, and would otherwise
    // zero the first 4 bytes of the strings.
    let total = n
        .checked_add(1)
        .and_then(|v| v.checked_mul(4))
        .and_then(|v| v.checked_add(spine_bytes))
        .and_then(|v| v.checked_add(size))
        .unwrap_or_else(|| trap());
    let spine = alloc(4, total);
    if n == 0 {
        return (0, spine, core::ptr::null_mut(), 0);
    }
    // SAFETY: inside the fresh block of `total` bytes.
    let ptrs = unsafe { spine.add(spine_bytes) }.cast::<u32>();
    // SAFETY: as above.
    let buf = unsafe { spine.add(spine_bytes + 4 * (n + 1)) };
    // SAFETY: `ptrs` has room for `n + 1` pointers and `buf` for `size` bytes,
    // the sizes preview1 just gave.
    let r = unsafe {
        if environ {
            p1::environ_get(ptrs.cast(), buf)
        } else {
            p1::args_get(ptrs.cast(), buf)
        }
    };
    if r != 0 {
        trap();
    }
    (n, spine, ptrs, buf as usize + size)
}

/// The NUL-terminated string at `p`, which must end before `end`.
fn c_str(p: u32, end: usize) -> (*const u8, usize) {
    let p = p as usize;
    if p >= end || !in_bounds(p, end - p) {
        trap();
    }
    let mut len = 0;
    // SAFETY: every byte read is in `[p, end)`, checked in bounds.
    while unsafe { *((p + len) as *const u8) } != 0 {
        len += 1;
        if p + len >= end {
            trap();
        }
    }
    (p as *const u8, len)
}

/// `get-arguments: func() -> list<string>`: each string in its own block
/// (the program may free them one by one).
#[unsafe(export_name = "wasi:cli/environment#get-arguments")]
pub extern "C" fn get_arguments(ret: *mut u8) {
    let (n, spine, ptrs, end) = fetch(false, 8);
    for i in 0..n {
        // SAFETY: `i < n` pointers were written by args_get.
        let (s, len) = c_str(unsafe { *ptrs.add(i) }, end);
        let copy = alloc_copy(s, len);
        // SAFETY: entry `i` of the spine ends before `ptrs` (entries are 8 bytes).
        let e = unsafe { spine.add(8 * i) };
        put_u32(e, 0, copy as u32);
        put_u32(e, 4, len as u32);
    }
    put_u32(ret, 0, spine as u32);
    put_u32(ret, 4, n as u32);
}

/// `get-environment: func() -> list<tuple<string, string>>`
#[unsafe(export_name = "wasi:cli/environment#get-environment")]
pub extern "C" fn get_environment(ret: *mut u8) {
    let (n, spine, ptrs, end) = fetch(true, 16);
    for i in 0..n {
        // SAFETY: `i < n` pointers were written by environ_get.
        let (s, len) = c_str(unsafe { *ptrs.add(i) }, end);
        let mut k = 0;
        // SAFETY: `k < len` bytes of the string.
        while k < len && unsafe { *s.add(k) } != b'=' {
            k += 1;
        }
        let v = if k < len { k + 1 } else { len };
        let key = alloc_copy(s, k);
        // SAFETY: `v <= len`.
        let val = alloc_copy(unsafe { s.add(v) }, len - v);
        // SAFETY: entry `i` of the spine (16 bytes each) ends before `ptrs`.
        let e = unsafe { spine.add(16 * i) };
        put_u32(e, 0, key as u32);
        put_u32(e, 4, k as u32);
        put_u32(e, 8, val as u32);
        put_u32(e, 12, (len - v) as u32);
    }
    put_u32(ret, 0, spine as u32);
    put_u32(ret, 4, n as u32);
}

/// `initial-cwd: func() -> option<string>`: preview1 has none.
#[unsafe(export_name = "wasi:cli/environment#initial-cwd")]
pub extern "C" fn initial_cwd(ret: *mut u8) {
    put_u8(ret, 0, 0);
}

/// `exit: func(status: result)`
#[unsafe(export_name = "wasi:cli/exit#exit")]
pub extern "C" fn exit(status: i32) -> ! {
    // SAFETY: ends the program.
    unsafe { p1::proc_exit(if status == 0 { 0 } else { 1 }) }
}

/// `exit-with-code: func(status-code: u8)` (WASI 0.2.x, unstable)
#[unsafe(export_name = "wasi:cli/exit#exit-with-code")]
pub extern "C" fn exit_with_code(code: i32) -> ! {
    // SAFETY: ends the program.
    unsafe { p1::proc_exit(code as u8 as u32) }
}

/// `run` returned: `result` 0 is ok (return from `_start`), anything else
/// exits with status 1, as a WASI 0.2 host reports it.
#[unsafe(export_name = "wasm-libc-adapter#finish")]
pub extern "C" fn finish(result: i32) {
    if result != 0 {
        // SAFETY: ends the program.
        unsafe { p1::proc_exit(1) }
    }
}

#[unsafe(export_name = "wasi:cli/stdin#get-stdin")]
pub extern "C" fn get_stdin() -> i32 {
    table::insert(Kind::Input, NO_CLOSE, 0, 0)
}

#[unsafe(export_name = "wasi:cli/stdout#get-stdout")]
pub extern "C" fn get_stdout() -> i32 {
    table::insert(Kind::Output, NO_CLOSE, 1, 0)
}

#[unsafe(export_name = "wasi:cli/stderr#get-stderr")]
pub extern "C" fn get_stderr() -> i32 {
    table::insert(Kind::Output, NO_CLOSE, 2, 0)
}

/// `fd` is a terminal the way preview1 tells it (wasi-libc's `isatty`):
/// a character device without seek or tell rights.
fn is_tty(fd: u32) -> bool {
    let mut st = p1::Fdstat {
        filetype: 0,
        flags: 0,
        rights_base: 0,
        rights_inheriting: 0,
    };
    // SAFETY: an out-parameter on our stack.
    let r = unsafe { p1::fd_fdstat_get(fd, &mut st) };
    r == 0
        && st.filetype == p1::FILETYPE_CHARACTER_DEVICE
        && st.rights_base & (p1::RIGHT_FD_SEEK | p1::RIGHT_FD_TELL) == 0
}

fn terminal(fd: u32, kind: Kind, ret: *mut u8) {
    if is_tty(fd) {
        put_u8(ret, 0, 1);
        put_u32(ret, 4, table::insert(kind, 0, fd, 0) as u32);
    } else {
        put_u8(ret, 0, 0);
    }
}

#[unsafe(export_name = "wasi:cli/terminal-stdin#get-terminal-stdin")]
pub extern "C" fn get_terminal_stdin(ret: *mut u8) {
    terminal(0, Kind::TerminalInput, ret);
}

#[unsafe(export_name = "wasi:cli/terminal-stdout#get-terminal-stdout")]
pub extern "C" fn get_terminal_stdout(ret: *mut u8) {
    terminal(1, Kind::TerminalOutput, ret);
}

#[unsafe(export_name = "wasi:cli/terminal-stderr#get-terminal-stderr")]
pub extern "C" fn get_terminal_stderr(ret: *mut u8) {
    terminal(2, Kind::TerminalOutput, ret);
}

#[unsafe(export_name = "wasi:cli/terminal-input#[resource-drop]terminal-input")]
pub extern "C" fn drop_terminal_input(h: i32) {
    table::remove(h, Kind::TerminalInput);
}

#[unsafe(export_name = "wasi:cli/terminal-output#[resource-drop]terminal-output")]
pub extern "C" fn drop_terminal_output(h: i32) {
    table::remove(h, Kind::TerminalOutput);
}

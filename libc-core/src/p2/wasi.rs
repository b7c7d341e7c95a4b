//! WASI 0.2.0 imports, lowered by hand per the canonical ABI.
//!
//! Every function here is the core-wasm shape wit-component expects for the
//! WIT in `libc-core/wit` (WASI 0.2.0, from the `wasi` crate's WIT files).
//! Results that do not fit in one core value are written to a return area
//! whose layout is noted at each use. Handles are `i32` resource indices.

macro_rules! imports {
    ($module:literal { $($name:literal => fn $f:ident($($a:ident: $t:ty),*) $(-> $r:ty)?;)* }) => {
        // Not every declared import is used by every build; unused ones cost
        // nothing (wasm-ld drops them) and keep the ABI notes in one place.
        #[allow(dead_code, clashing_extern_declarations)]
        #[link(wasm_import_module = $module)]
        unsafe extern "C" {
            $(
                #[link_name = $name]
                pub fn $f($($a: $t),*) $(-> $r)?;
            )*
        }
    };
}

pub mod streams {
    imports!("wasi:io/streams@0.2.0" {
        // retptr: result<list<u8>, stream-error>; [0] tag, ok: [4] ptr [8] len;
        // err: [4] 0 = last-operation-failed ([8] own<error>), 1 = closed.
        "[method]input-stream.blocking-read" => fn blocking_read(h: i32, len: i64, ret: *mut u8);
        // retptr: result<_, stream-error>; [0] tag, [4] error tag, [8] handle.
        "[method]output-stream.blocking-write-and-flush" => fn blocking_write_and_flush(h: i32, ptr: *const u8, len: usize, ret: *mut u8);
        "[resource-drop]input-stream" => fn drop_input_stream(h: i32);
        "[resource-drop]output-stream" => fn drop_output_stream(h: i32);
    });
}

pub mod error {
    imports!("wasi:io/error@0.2.0" {
        "[resource-drop]error" => fn drop_error(h: i32);
    });
}

pub mod poll {
    imports!("wasi:io/poll@0.2.0" {
        "[method]pollable.block" => fn block(h: i32);
        "[resource-drop]pollable" => fn drop_pollable(h: i32);
    });
}

pub mod stdio {
    imports!("wasi:cli/stdin@0.2.0" { "get-stdin" => fn get_stdin() -> i32; });
    imports!("wasi:cli/stdout@0.2.0" { "get-stdout" => fn get_stdout() -> i32; });
    imports!("wasi:cli/stderr@0.2.0" { "get-stderr" => fn get_stderr() -> i32; });
}

pub mod terminal {
    // retptr: option<own<terminal-*>>; [0] tag, [4] handle.
    imports!("wasi:cli/terminal-stdin@0.2.0" { "get-terminal-stdin" => fn get_terminal_stdin(ret: *mut u8); });
    imports!("wasi:cli/terminal-stdout@0.2.0" { "get-terminal-stdout" => fn get_terminal_stdout(ret: *mut u8); });
    imports!("wasi:cli/terminal-stderr@0.2.0" { "get-terminal-stderr" => fn get_terminal_stderr(ret: *mut u8); });
    imports!("wasi:cli/terminal-input@0.2.0" { "[resource-drop]terminal-input" => fn drop_terminal_input(h: i32); });
    imports!("wasi:cli/terminal-output@0.2.0" { "[resource-drop]terminal-output" => fn drop_terminal_output(h: i32); });
}

pub mod environment {
    imports!("wasi:cli/environment@0.2.0" {
        // retptr: list<string>; [0] ptr to (ptr, len) pairs, [4] count.
        "get-arguments" => fn get_arguments(ret: *mut u8);
    });
}

pub mod exit {
    imports!("wasi:cli/exit@0.2.0" {
        // status: result (0 = ok, 1 = err).
        "exit" => fn exit(status: i32) -> !;
    });
}

pub mod monotonic_clock {
    imports!("wasi:clocks/monotonic-clock@0.2.0" {
        "now" => fn now() -> u64;
        "resolution" => fn resolution() -> u64;
        "subscribe-duration" => fn subscribe_duration(ns: u64) -> i32;
    });
}

pub mod wall_clock {
    imports!("wasi:clocks/wall-clock@0.2.0" {
        // retptr: datetime; [0] seconds u64, [8] nanoseconds u32.
        "now" => fn now(ret: *mut u8);
        "resolution" => fn resolution(ret: *mut u8);
    });
}

pub mod random {
    imports!("wasi:random/random@0.2.0" {
        // retptr: list<u8>; [0] ptr, [4] len.
        "get-random-bytes" => fn get_random_bytes(len: u64, ret: *mut u8);
    });
}

pub mod preopens {
    imports!("wasi:filesystem/preopens@0.2.0" {
        // retptr: list<tuple<own<descriptor>, string>>; [0] ptr, [4] count;
        // each element 12 bytes: [0] handle, [4] name ptr, [8] name len.
        "get-directories" => fn get_directories(ret: *mut u8);
    });
}

pub mod filesystem {
    imports!("wasi:filesystem/types@0.2.0" {
        // retptr: result<own<descriptor>, error-code>; [0] tag, [4] handle or code.
        "[method]descriptor.open-at" => fn open_at(h: i32, path_flags: i32, path: *const u8, path_len: usize, open_flags: i32, flags: i32, ret: *mut u8);
        // retptr: result<tuple<list<u8>, bool>, error-code>;
        // [0] tag, ok: [4] ptr [8] len [12] eof; err: [4] code.
        "[method]descriptor.read" => fn read(h: i32, len: u64, offset: u64, ret: *mut u8);
        // retptr: result<filesize, error-code>; [0] tag, [8] u64 or code.
        "[method]descriptor.write" => fn write(h: i32, ptr: *const u8, len: usize, offset: u64, ret: *mut u8);
        // retptr: result<descriptor-stat, error-code>; [0] tag, [8] type,
        // [16] link-count, [24] size, ... (104 bytes); err: [8] code.
        "[method]descriptor.stat" => fn stat(h: i32, ret: *mut u8);
        // retptr: result<descriptor-type, error-code>; [0] tag, [1] value.
        "[method]descriptor.get-type" => fn get_type(h: i32, ret: *mut u8);
        "[resource-drop]descriptor" => fn drop_descriptor(h: i32);
    });
}

//! `wamr-runner [--dir DIR]... [--env NAME=VALUE]... [--argv0 NAME]
//! MODULE.wasm [ARGS...]`: runs a WASI preview1 command module on WAMR from
//! December 2020 (crate `wamr-sys` 0.1.1: its fast interpreter, libc-wasi,
//! no bulk memory or other post-MVP features).
//!
//! stdin, stdout and stderr are the runner's own. Each `--dir` pre-opens a
//! host directory under the same name; each `--env` sets one environment
//! variable (there are none otherwise); `argv[0]` is `--argv0`, else the
//! module's path. That WAMR does not report the guest's
//! exit code (`proc_exit` ends the run as an exception it then clears), so
//! the runner exits 0 when the module ran to the end or exited, and 70 with
//! the exception on stderr when it trapped or could not be loaded: compare
//! the output, not the status.

use std::ffi::{CStr, CString, c_char};
use std::process::ExitCode;
use wamr_sys as w;

/// The interpreter's operand stack (the module's own stack is in its memory).
const STACK_SIZE: u32 = 1 << 20;
/// WAMR's app heap, in the module's memory (see `instantiate` below).
const HEAP_SIZE: u32 = 256 << 10;

fn fail(what: &str, detail: &str) -> ExitCode {
    eprintln!("wamr-runner: {what}: {detail}");
    ExitCode::from(70)
}

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut envs = Vec::new();
    let mut argv0 = None;
    let mut args = std::env::args().skip(1);
    let module_path = loop {
        match args.next() {
            Some(d) if d == "--dir" => match args.next() {
                Some(dir) => dirs.push(CString::new(dir).unwrap()),
                None => return fail("usage", "--dir needs a directory"),
            },
            Some(d) if d == "--env" => match args.next() {
                Some(kv) if kv.contains('=') => envs.push(CString::new(kv).unwrap()),
                _ => return fail("usage", "--env needs NAME=VALUE"),
            },
            Some(d) if d == "--argv0" => match args.next() {
                Some(a) => argv0 = Some(a),
                None => return fail("usage", "--argv0 needs a name"),
            },
            Some(path) => break path,
            None => {
                return fail(
                    "usage",
                    "wamr-runner [--dir DIR]... [--env NAME=VALUE]... [--argv0 NAME] MODULE.wasm [ARGS...]",
                );
            }
        }
    };
    let mut bytes = match std::fs::read(&module_path) {
        Ok(b) => b,
        Err(e) => return fail(&module_path, &e.to_string()),
    };
    // argv[0] is the module's path, as wasmtime passes it, unless --argv0.
    let argv_owned: Vec<CString> = std::iter::once(argv0.unwrap_or_else(|| module_path.clone()))
        .chain(args)
        .map(|a| CString::new(a).unwrap())
        .collect();
    let mut argv: Vec<*mut c_char> = argv_owned
        .iter()
        .map(|a| a.as_ptr() as *mut c_char)
        .collect();
    let mut dir_list: Vec<*const c_char> = dirs.iter().map(|d| d.as_ptr()).collect();
    let mut env_list: Vec<*const c_char> = envs.iter().map(|e| e.as_ptr()).collect();
    let mut err = [0 as c_char; 256];

    // SAFETY: the WAMR C API used as documented in wasm_export.h: one
    // runtime, one module and one instance, every buffer outliving its use.
    unsafe {
        if !w::wasm_runtime_init() {
            return fail("wasm_runtime_init", "failed");
        }
        let module = w::wasm_runtime_load(
            bytes.as_mut_ptr(),
            bytes.len() as u32,
            err.as_mut_ptr(),
            err.len() as u32,
        );
        if module.is_null() {
            return fail("load", &CStr::from_ptr(err.as_ptr()).to_string_lossy());
        }
        w::wasm_runtime_set_wasi_args(
            module,
            dir_list.as_mut_ptr(),
            dir_list.len() as u32,
            std::ptr::null_mut(),
            0,
            env_list.as_mut_ptr(),
            env_list.len() as u32,
            argv.as_mut_ptr(),
            argv.len() as i32,
        );
        // The app heap: that WAMR's libc-wasi copies every iovec array into
        // it (`module_malloc`) and fails the call with errno 0xffff without one.
        let inst = w::wasm_runtime_instantiate(
            module,
            STACK_SIZE,
            HEAP_SIZE,
            err.as_mut_ptr(),
            err.len() as u32,
        );
        if inst.is_null() {
            return fail(
                "instantiate",
                &CStr::from_ptr(err.as_ptr()).to_string_lossy(),
            );
        }
        let ok = w::wasm_application_execute_main(inst, 0, std::ptr::null_mut());
        let exception = w::wasm_runtime_get_exception(inst);
        let exception = (!exception.is_null())
            .then(|| CStr::from_ptr(exception).to_string_lossy().into_owned());
        w::wasm_runtime_deinstantiate(inst);
        w::wasm_runtime_unload(module);
        w::wasm_runtime_destroy();
        match exception {
            Some(e) if !ok || !e.is_empty() => fail("trap", &e),
            _ if !ok => fail("run", "failed"),
            _ => ExitCode::SUCCESS,
        }
    }
}

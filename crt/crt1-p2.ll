; p2 start-up: the component's `run` export and the realloc exports that the
; canonical ABI uses to lower import results into our memory.
declare void @__wasm_libc_start() noreturn
declare i32 @__wasm_libc_start_returning()
declare i32 @__wasm_libc_cabi_import_realloc(i32, i32, i32, i32)
declare void @__wasm_libc_component_type()
; Called explicitly: otherwise wasm-ld wraps *every* export in a call to the
; constructors, and `cabi_realloc` would rerun them on each import result.
declare void @__wasm_call_ctors()

; `run: func() -> result`: 0 is `ok`. A `main` that returns 0 returns here
; (after the atexit handlers); any other status leaves through `exit`
; (`wasi:cli/exit` with `err`) and never comes back.
; Weak: the C++ exceptions runtime (crt/cxx_eh_guard.cpp) defines a strong
; one running `__wasm_libc_start_returning` (main and the exit handlers)
; inside a catch-all ending in std::terminate; other programs keep this one.
define weak i32 @__wasm_libc_run() #0 {
  call void @__wasm_libc_component_type()
  call void @__wasm_call_ctors()
  %s = call i32 @__wasm_libc_start_returning()
  ret i32 %s
}

define i32 @__wasm_libc_cabi_import_realloc_export(i32 %p, i32 %o, i32 %a, i32 %n) #1 {
  %r = tail call i32 @__wasm_libc_cabi_import_realloc(i32 %p, i32 %o, i32 %a, i32 %n)
  ret i32 %r
}

; Named `cabi_realloc` itself, and weak: a Rust std program (whose link
; passes `--export cabi_realloc`) or wit-bindgen's generated code defines
; one too, and two functions exported under one name make an invalid
; module. Whichever wins, imports use `cabi_import_realloc` (above).
define weak i32 @cabi_realloc(i32 %p, i32 %o, i32 %a, i32 %n) #2 {
  %r = tail call i32 @__wasm_libc_cabi_import_realloc(i32 %p, i32 %o, i32 %a, i32 %n)
  ret i32 %r
}

attributes #0 = { "wasm-export-name"="wasi:cli/run@0.2.0#run" }
attributes #1 = { "wasm-export-name"="cabi_import_realloc" }
attributes #2 = { "wasm-export-name"="cabi_realloc" }

; clang's driver links with `--entry=_start`. A component has no entry point:
; the host calls `run`. `_start` is kept only to satisfy the link.
define void @_start() {
  call void @__wasm_libc_start()
  unreachable
}

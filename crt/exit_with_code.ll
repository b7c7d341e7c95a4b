; The p2 opt-in object `exit-with-code.o` (docs/p2-exit.md): linked into a
; program, it replaces `libc.a`'s `exit_result.o`, so `exit(n)` and a `main`
; returning n != 0 end through `wasi:cli/exit.exit-with-code(n & 0xff)` and
; the host sees the real status (POSIX passes the low 8 bits on). A `main`
; returning 0 still returns `ok` from `run`. The component then imports
; `exit-with-code`, which only hosts that offer it can instantiate
; (`wasmtime run -S cli-exit-with-code`). `cargo xtask sysroot` appends the
; `component-type` section that declares the import.
declare void @__wasm_libc_wasi_exit_with_code(i32) #0

define void @__wasm_libc_p2_exit(i32 %status) noreturn {
  %code = and i32 %status, 255
  call void @__wasm_libc_wasi_exit_with_code(i32 %code)
  unreachable
}

attributes #0 = { noreturn "wasm-import-module"="wasi:cli/exit@0.2.12" "wasm-import-name"="exit-with-code" }

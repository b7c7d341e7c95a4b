; `libc.a` member: how a p2 program ends with a status (libc-core's p2
; `exit`). WASI 0.2.0's `wasi:cli/exit.exit` takes a `result` with no
; payloads: 0 is ok, any other status is err (the host reports 1).
; Weak: a program linked with `exit-with-code.o` (exit_with_code.ll) gets
; that object's definition instead, even when the linker has already pulled
; this member in (rustc puts `-C link-arg` objects after the libraries).
declare void @__wasm_libc_wasi_exit(i32) #0

define weak void @__wasm_libc_p2_exit(i32 %status) noreturn {
  %err = icmp ne i32 %status, 0
  %tag = zext i1 %err to i32
  call void @__wasm_libc_wasi_exit(i32 %tag)
  unreachable
}

attributes #0 = { noreturn "wasm-import-module"="wasi:cli/exit@0.2.0" "wasm-import-name"="exit" }

; p1 start-up: the module's entry point.
declare void @__wasm_libc_start() noreturn
; Run the constructors (C++ globals, `environ.o`) before `main`.
declare void @__wasm_call_ctors()

define void @_start() {
  call void @__wasm_call_ctors()
  call void @__wasm_libc_start()
  unreachable
}

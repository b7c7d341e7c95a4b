; p1 start-up: the module's entry point.
declare void @__wasm_libc_start() noreturn

define void @_start() {
  call void @__wasm_libc_start()
  unreachable
}

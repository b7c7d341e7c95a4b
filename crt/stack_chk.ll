; `libc.a` member: `__stack_chk_guard`, the canary of code compiled with
; `-fstack-protector*`, pulled in only by such programs. Its constructor
; (priority 1: before the program's own) has libc fill it with random bits
; (posix/src/header/stdlib/ssp.rs); the initial value is a non-zero
; stand-in in case the host has no random bytes.
@__stack_chk_guard = global i32 798649856, align 4

declare void @__wasm_libc_stack_chk_init(ptr)

define internal void @__wasm_libc_stack_chk_ctor() {
  call void @__wasm_libc_stack_chk_init(ptr @__stack_chk_guard)
  ret void
}

@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 1, ptr @__wasm_libc_stack_chk_ctor, ptr null }]

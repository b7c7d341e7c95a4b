; `libc.a` member: the C variable `environ`, pulled in only when a program
; refers to it. Its constructor (priority 50: before the program's own) has
; libc fetch the environment before `main`; libc keeps `environ` pointing at
; the current table from then on (posix/src/header/stdlib/env.rs). Programs
; that never name `environ` fetch the environment lazily, on first getenv.
@environ = global ptr null, align 4
@__environ = alias ptr, ptr @environ

declare void @__wasm_libc_environ_init(ptr)

define internal void @__wasm_libc_environ_ctor() {
  call void @__wasm_libc_environ_init(ptr @environ)
  ret void
}

@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 50, ptr @__wasm_libc_environ_ctor, ptr null }]

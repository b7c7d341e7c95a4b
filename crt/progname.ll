; `libc.a` member: `program_invocation_name` (= `__progname_full`, argv[0])
; and `program_invocation_short_name` (= `__progname`, argv[0] after its
; last `/`), pulled in only when a program names one of them. Its
; constructor (priority 50, like environ.o's) has libc fill them in before
; `main` (posix/src/header/err/progname.rs); err.h's functions find the name
; themselves and don't link this object.
@__progname_full = global ptr null, align 4
@__progname = global ptr null, align 4
@program_invocation_name = weak alias ptr, ptr @__progname_full
@program_invocation_short_name = weak alias ptr, ptr @__progname

declare void @__wasm_libc_progname_init(ptr, ptr)

define internal void @__wasm_libc_progname_ctor() {
  call void @__wasm_libc_progname_init(ptr @__progname_full, ptr @__progname)
  ret void
}

@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 50, ptr @__wasm_libc_progname_ctor, ptr null }]

; `libc.a` member: a fallback `__main_argc_argv` for a `main` that clang
; names `main` itself: a K&R-style definition (`int main(argc, argv) int
; argc; char **argv; {...}`) has no prototype, so clang 14 neither names it
; `__main_argc_argv` nor `__main_void`. `main_void.o` then asks for
; `__main_argc_argv`, and this member (pulled in only in that case; weak,
; like wasi-libc's) forwards to `main` (a weak reference: a whole-archive
; link without any `main` still links).
declare extern_weak i32 @main(i32, ptr)

define weak i32 @__main_argc_argv(i32 %argc, ptr %argv) {
  %r = call i32 @main(i32 %argc, ptr %argv)
  ret i32 %r
}

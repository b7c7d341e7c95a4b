; `libc.a` member: `__cxa_thread_atexit`, what clang calls to register the
; destructor of a `thread_local` object. libc++abi defines it over
; `__cxa_thread_atexit_impl` only when built with threads, and wasm32's
; single-threaded builds (Debian's, wasi-sdk's) are not, so C++ programs
; with a `thread_local` destructor would not link. This weak definition is
; pulled in only when nothing else defined the symbol, and yields to a
; libc++abi that does.
declare i32 @__cxa_thread_atexit_impl(ptr, ptr, ptr)

define weak i32 @__cxa_thread_atexit(ptr %f, ptr %obj, ptr %dso) {
  %r = call i32 @__cxa_thread_atexit_impl(ptr %f, ptr %obj, ptr %dso)
  ret i32 %r
}

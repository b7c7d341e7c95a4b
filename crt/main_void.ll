; `libc.a` member: `__main_void` for programs whose `main` takes
; (argc, argv). Pulled in only when the program does not define
; `__main_void` itself (clang's name for `int main(void)`).
declare i32 @__main_argc_argv(i32, ptr)
declare i32 @__wasm_libc_main_args(ptr)

define i32 @__main_void() {
  %r = call i32 @__wasm_libc_main_args(ptr @__main_argc_argv)
  ret i32 %r
}

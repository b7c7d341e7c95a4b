; p1 start-up: the module's entry point. Calls `main` (through
; `__main_void`) and `exit` itself rather than through Rust's
; `__wasm_libc_start` (which p2 uses): one function less in every program.
declare i32 @__main_void()
declare void @exit(i32) noreturn
; Run the constructors (C++ globals, `environ.o`) before `main`.
declare void @__wasm_call_ctors()

; Weak: the C++ exceptions runtime (crt/cxx_eh_guard.cpp, in
; lib/<triple>/eh/libc++abi.a with libunwind's Unwind-wasm.o) defines a
; strong `_start` that calls `main` inside a catch-all ending in
; std::terminate; every other program keeps this one, at no cost.
define weak void @_start() {
  call void @__wasm_call_ctors()
  %status = call i32 @__main_void()
  call void @exit(i32 %status)
  unreachable
}

; p1 start-up: the module's entry point. Calls `main` (through
; `__main_void`) and `exit` itself rather than through Rust's
; `__wasm_libc_start` (which p2 uses): one function less in every program.
declare i32 @__main_void()
declare void @exit(i32) noreturn
; Run the constructors (C++ globals, `environ.o`) before `main`.
declare void @__wasm_call_ctors()
; Defined only when the program links the C++ exceptions runtime
; (lib/<triple>/eh/libc++abi.a, crt/cxx_eh_guard.cpp): calls `__main_void`
; inside a catch-all so that an uncaught exception ends in std::terminate.
; Otherwise null (wasm-ld resolves an undefined weak function to 0); the
; test costs a C program 30 bytes (a trap stub for the undefined function and
; the branch).
declare extern_weak i32 @__wasm_libc_cxx_guard()

define void @_start() {
  call void @__wasm_call_ctors()
  %eh = icmp ne ptr @__wasm_libc_cxx_guard, null
  br i1 %eh, label %guarded, label %plain
guarded:
  %s1 = call i32 @__wasm_libc_cxx_guard()
  br label %done
plain:
  %s2 = call i32 @__main_void()
  br label %done
done:
  %status = phi i32 [ %s1, %guarded ], [ %s2, %plain ]
  call void @exit(i32 %status)
  unreachable
}

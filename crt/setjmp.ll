; The runtime of clang's WebAssembly setjmp/longjmp lowering
; (`-mllvm -wasm-enable-sjlj`): compiled into `libsetjmp.a` (link with
; `-lsetjmp`, wasi-sdk's convention). LLVM IR because stable Rust cannot
; emit the `throw` instruction.
;
; The lowered caller passes its `jmp_buf` as `env`. The first 16 bytes hold
; {function invocation id, label, longjmp argument {env, val}}; jmp_buf is
; far larger (setjmp.h). `__wasm_longjmp` throws the `__c_longjmp` tag
; (tag index 1 of `llvm.wasm.throw`) with a pointer to that argument; the
; lowered code of the function that called setjmp catches it, compares
; `env` with its own buffers through `__wasm_setjmp_test` and resumes at the
; label, returning `val` from setjmp.

target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20"

; The exception tag `__c_longjmp` (one i32: the argument pointer), defined
; here once for the whole program.
module asm ".globl __c_longjmp"
module asm ".tagtype __c_longjmp i32"
module asm "__c_longjmp:"

; Records where setjmp was called: `label` (never 0) in the invocation
; `fid` (never null) of the calling function.
define void @__wasm_setjmp(ptr %env, i32 %label, ptr %fid) {
  %nolabel = icmp eq i32 %label, 0
  %nofid = icmp eq ptr %fid, null
  %bad = or i1 %nolabel, %nofid
  br i1 %bad, label %trap, label %ok
trap:
  call void @llvm.trap()
  unreachable
ok:
  store ptr %fid, ptr %env, align 4
  %lp = getelementptr inbounds i8, ptr %env, i32 4
  store i32 %label, ptr %lp, align 4
  ret void
}

; The label recorded in `env` when it belongs to invocation `fid`, else 0.
define i32 @__wasm_setjmp_test(ptr %env, ptr %fid) {
  %f = load ptr, ptr %env, align 4
  %lp = getelementptr inbounds i8, ptr %env, i32 4
  %label = load i32, ptr %lp, align 4
  %nolabel = icmp eq i32 %label, 0
  %nofid = icmp eq ptr %fid, null
  %bad = or i1 %nolabel, %nofid
  br i1 %bad, label %trap, label %ok
trap:
  call void @llvm.trap()
  unreachable
ok:
  %same = icmp eq ptr %f, %fid
  %r = select i1 %same, i32 %label, i32 0
  ret i32 %r
}

; Unwinds to the setjmp of `env`, which then returns `val` (1 for 0: C
; says setjmp never returns 0 from a longjmp).
define void @__wasm_longjmp(ptr %env, i32 %val) noreturn {
  %zero = icmp eq i32 %val, 0
  %v = select i1 %zero, i32 1, i32 %val
  %arg = getelementptr inbounds i8, ptr %env, i32 8
  store ptr %env, ptr %arg, align 4
  %vp = getelementptr inbounds i8, ptr %env, i32 12
  store i32 %v, ptr %vp, align 4
  call void @llvm.wasm.throw(i32 1, ptr %arg)
  unreachable
}

; `longjmp` as a function, for a call the lowering did not rewrite.
define void @longjmp(ptr %env, i32 %val) noreturn {
  call void @__wasm_longjmp(ptr %env, i32 %val)
  unreachable
}

declare void @llvm.trap() cold noreturn nounwind
declare void @llvm.wasm.throw(i32 immarg, ptr) noreturn

//! `setjmp.h`: only declarations. clang lowers `setjmp`/`longjmp` itself
//! (`-mllvm -wasm-enable-sjlj`) into calls of `__wasm_setjmp`,
//! `__wasm_setjmp_test` and `__wasm_longjmp`, which `crt/setjmp.ll`
//! defines in `libsetjmp.a` with the `__c_longjmp` exception tag.

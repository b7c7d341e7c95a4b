/* Stands in for <setjmp.h> in the Lua benchmark builds (ldo.c includes it
 * regardless of LUAI_THROW; abort_throw.h makes it unused): Debian's
 * wasi-libc headers have none, and ours needs wasm exception handling. */

/* Forced into every Lua source (-include) for the benchmark builds, the same
 * for both libcs: a Lua error aborts instead of longjmp-ing (the scripts
 * raise none), so neither build needs setjmp (wasm exception handling;
 * shim/setjmp.h stands in for the header); the hook flag is a plain int, so
 * that <signal.h> is not needed either. */
#include <stdlib.h>
#define LUAI_THROW(L, c) abort()
#define LUAI_TRY(L, c, a) { a }
#define luai_jmpbuf int
#define l_signalT int

/* A minimal Lua host for the real-program benchmark: runs the script
 * argv[1] with the standard libraries, the remaining arguments in `arg`.
 * Lua's own errors are configured to abort (LUAI_THROW, see bench/run.py):
 * the benchmark scripts raise none, and it spares both libcs setjmp. */
#include <stdio.h>
#include <stdlib.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: lua SCRIPT [ARGS...]\n", stderr);
        return 2;
    }
    lua_State *L = luaL_newstate();
    if (!L) return 3;
    luaL_openlibs(L);
    lua_createtable(L, argc, 0);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - 1);
    }
    lua_setglobal(L, "arg");
    if (luaL_dofile(L, argv[1]) != LUA_OK) {
        fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
        return 1;
    }
    lua_close(L);
    return 0;
}

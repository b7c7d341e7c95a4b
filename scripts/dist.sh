#!/usr/bin/env bash
# Writes a relocatable SDK directory (default target/dist/wasm-libc-sdk):
#   share/sysroot/{p1,p2,p1-mvp,p1-threads,p2-mvp} the sysroots (cargo xtask sysroot)
#   bin/wasm32-wasip1-clang[++], wasm32-wasip2-clang[++], wasm32-wasip1-mvp-clang[++],
#   bin/wasm32-wasip1-threads-clang[++]
#                                  wrappers around Debian's clang-19, named like wasi-sdk's
#   bin/llvm-ar, bin/llvm-ranlib   (wrappers), bin/wasm-component-ld (copied)
#   lib/clang/19                   a resource directory: clang's headers and compiler-rt's
#                                  builtins under the per-target names
#   share/cmake/wasm-libc-<flavour>.cmake, share/cmake/Platform/WASI.cmake
# Needs the set-up of scripts/setup.sh. Usage: scripts/dist.sh [OUT]
# (or `cargo xtask dist [OUT]`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out="${1:-target/dist/wasm-libc-sdk}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -rf "$out"
mkdir -p "$out/bin" "$out/share/cmake/Platform" "$out/lib/clang"
if [ -n "${WASM_LIBC_SYSROOT:-}" ]; then
  cp -a "$WASM_LIBC_SYSROOT" "$out/share/sysroot"
else
  cargo xtask sysroot --out "$out/share/sysroot"
fi

# The resource directory: clang 19's own headers, compiler-rt's builtins.
res="$(clang-19 -print-resource-dir)"
mkdir -p "$out/lib/clang/19/lib"
cp -a "$res/include" "$out/lib/clang/19/include"
for t in wasm32-unknown-wasip1 wasm32-unknown-wasip2 wasm32-unknown-wasip1-threads; do
  mkdir -p "$out/lib/clang/19/lib/$t"
  cp -L "$res/lib/wasi/libclang_rt.builtins-wasm32.a" "$out/lib/clang/19/lib/$t/libclang_rt.builtins.a"
done
cp -L "$(command -v wasm-component-ld)" "$out/bin/"

for tool in llvm-ar llvm-ranlib; do
  cat > "$out/bin/$tool" <<W
#!/bin/sh
exec "\${WASM_LIBC_LLVM_BIN:-/usr/lib/llvm-19/bin}/$tool" "\$@"
W
  chmod +x "$out/bin/$tool"
done

# flavour triple sysroot extra-flags
flavours=(
  "wasm32-wasip1 wasm32-wasip1 p1"
  "wasm32-wasip2 wasm32-wasip2 p2 -Wl,--wasi-adapter=none"
  "wasm32-wasip1-mvp wasm32-wasip1 p1-mvp -mcpu=mvp -Wl,--compress-relocations,--strip-debug"
  # wasi-threads: atomics (-pthread) and a shared memory, imported and
  # exported, with a maximum (wasm-ld needs one; 64 MiB), as wasi-sdk's
  # pthread toolchain file (clang adds --shared-memory for this target).
  "wasm32-wasip1-threads wasm32-wasip1-threads p1-threads -pthread -Wl,--import-memory,--export-memory,--shared-memory,--max-memory=67108864"
)
for f in "${flavours[@]}"; do
  read -r name triple sys extra <<<"$f"
  # A clang configuration file: <CFGDIR> is the directory of the file.
  {
    echo "--target=$triple"
    echo "--sysroot=<CFGDIR>/../share/sysroot/$sys"
    echo "-resource-dir=<CFGDIR>/../lib/clang/19"
    echo "-B<CFGDIR>"
    [ -n "${extra:-}" ] && echo "$extra"
  } > "$out/bin/$name.cfg"
  for drv in clang clang++; do
    d="$(echo "$drv" | tr a-z+ A-ZX)"
    cat > "$out/bin/$name-$drv" <<W
#!/bin/sh
# $name $drv: Debian's $drv-19 (or \$WASM_LIBC_${d}) with $name.cfg.
here="\$(dirname "\$(readlink -f "\$0")")"
exec "\${WASM_LIBC_${d}:-$drv-19}" --config="\$here/$name.cfg" "\$@"
W
    chmod +x "$out/bin/$name-$drv"
  done
  cat > "$out/share/cmake/wasm-libc-$sys.cmake" <<W
# CMake toolchain file for wasm-libc's $sys flavour (mirrors wasi-sdk's).
# cmake -DCMAKE_TOOLCHAIN_FILE=<sdk>/share/cmake/wasm-libc-$sys.cmake ...
cmake_minimum_required(VERSION 3.5.0)
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(triple $triple)
get_filename_component(WASM_LIBC_SDK_PREFIX "\${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
list(APPEND CMAKE_MODULE_PATH "\${CMAKE_CURRENT_LIST_DIR}")
set(CMAKE_C_COMPILER \${WASM_LIBC_SDK_PREFIX}/bin/$name-clang)
set(CMAKE_CXX_COMPILER \${WASM_LIBC_SDK_PREFIX}/bin/$name-clang++)
set(CMAKE_ASM_COMPILER \${WASM_LIBC_SDK_PREFIX}/bin/$name-clang)
set(CMAKE_AR \${WASM_LIBC_SDK_PREFIX}/bin/llvm-ar CACHE FILEPATH "")
set(CMAKE_RANLIB \${WASM_LIBC_SDK_PREFIX}/bin/llvm-ranlib CACHE FILEPATH "")
set(CMAKE_C_COMPILER_TARGET \${triple})
set(CMAKE_CXX_COMPILER_TARGET \${triple})
set(CMAKE_ASM_COMPILER_TARGET \${triple})
set(CMAKE_SYSROOT \${WASM_LIBC_SDK_PREFIX}/share/sysroot/$sys)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
# Programs come from the host; libraries, headers and packages only from the sysroot.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
W
  if [ "$sys" = p1-threads ]; then
    # The compiler wrapper passes these already; set here too, as
    # wasi-sdk's pthread toolchain file does, for CMake's own checks.
    cat >> "$out/share/cmake/wasm-libc-$sys.cmake" <<'W'
set(CMAKE_C_FLAGS_INIT "-pthread")
set(CMAKE_CXX_FLAGS_INIT "-pthread")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,--import-memory,--export-memory,--shared-memory,--max-memory=67108864")
W
  fi
done
cat > "$out/share/cmake/Platform/WASI.cmake" <<'W'
# CMake 3.25 has no WASI platform module: a plain one, as wasi-sdk ships.
set(WASI 1)
set(UNIX 1)
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
W
echo "dist: wrote $out"

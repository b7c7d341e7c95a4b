#!/usr/bin/env bash
# Builds libc++ and libc++abi against our own headers and installs them into
# sysroot/<flavour> (issue 14, docs/cxx.md): without threads for p1 and p2,
# with threads (the pthread API, -pthread, shared memory) for p1-threads; built
# -fno-exceptions in lib/<triple>/, and with -fwasm-exceptions (plus
# libunwind) in lib/<triple>/eh/.
# The sources come from the PyPI wheel ziglang==$ZIG (downloaded with pip into
# a cache; no third-party source is in this repository). The build is cached
# per flavour, keyed on the wheel version, our headers and this script.
# Usage: scripts/cxx.sh [p1|p2|p1-threads ...]   (default: p1 p2, and p1-threads if
# that sysroot exists). The sysroots
# ($WASM_LIBC_SYSROOT_DIR, default sysroot/) must exist: cargo xtask sysroot.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ZIG=0.17.0
CACHE=${WASM_LIBC_CXX_CACHE:-$HOME/.cache/wasm-libc/cxx}
CXX=${WASM_LIBC_CXX:-clang++-19}
AR=${WASM_LIBC_AR:-llvm-ar-19}
LD=${WASM_LIBC_WASM_LD:-wasm-ld-19}
JOBS=${WASM_LIBC_CXX_JOBS:-$(nproc)}
PIP=${PIP:-$ROOT/.venv/bin/pip}
flavours=("$@")
if [ ${#flavours[@]} -eq 0 ]; then
  flavours=(p1 p2)
  # and p1-threads when its sysroot has been built (cargo xtask sysroot builds all)
  if [ -f "${WASM_LIBC_SYSROOT_DIR:-$ROOT/sysroot}/p1-threads/lib/wasm32-wasip1-threads/libc.a" ]; then
    flavours+=(p1-threads)
  fi
fi

mkdir -p "$CACHE"
# One build at a time per cache (test binaries may run this concurrently).
exec 9>"$CACHE/lock"
flock 9
SRC=$CACHE/src-$ZIG/ziglang/lib
if [ ! -d "$SRC/libcxx" ]; then
  ls "$CACHE"/ziglang-$ZIG-*.whl >/dev/null 2>&1 ||
    "$PIP" download -q --no-deps "ziglang==$ZIG" -d "$CACHE"
  python3 - "$CACHE" "$ZIG" <<'PY'
import sys, zipfile, glob, os
cache, v = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(glob.glob(f"{cache}/ziglang-{v}-*.whl")[0])
keep = ("ziglang/lib/libcxx/", "ziglang/lib/libcxxabi/", "ziglang/lib/libunwind/")
z.extractall(f"{cache}/src-{v}.tmp", [n for n in z.namelist() if n.startswith(keep)])
os.rename(f"{cache}/src-{v}.tmp", f"{cache}/src-{v}")
PY
fi

key=$( (echo "$ZIG $CXX"; cat "$0" crt/cxx_noeh.cpp crt/cxx_eh_guard.cpp; find include -type f | sort | xargs cat) | sha256sum | cut -c1-16)

for fl in "${flavours[@]}"; do
  # threads: 1 builds libc++ with std::thread & co. over our pthreads
  # (-pthread: atomics, bulk memory, thread-local storage; every object of
  # a shared-memory program must have them) and libc++abi with its
  # threaded guards and per-thread exception globals.
  case $fl in
    p1) triple=wasm32-wasip1 guard= threads=0 ;;
    p2) triple=wasm32-wasip2 guard=-DWASM_LIBC_P2 threads=0 ;;
    p1-threads) triple=wasm32-wasip1-threads guard= threads=1 ;;
    *) echo "cxx.sh: unknown flavour $fl" >&2; exit 2 ;;
  esac
  SYS=${WASM_LIBC_SYSROOT_DIR:-$ROOT/sysroot}/$fl
  LIB=$SYS/lib/$triple
  [ -f "$LIB/libc.a" ] || { echo "cxx.sh: build $SYS first (cargo xtask sysroot)" >&2; exit 1; }
  if [ $threads = 1 ]; then
    pthread=(-pthread) threadfiles=(atomic barrier condition_variable condition_variable_destructor future
      mutex mutex_destructor shared_mutex thread)
  else
    pthread=() threadfiles=()
  fi
  OUT=$CACHE/build-$fl-$key
  if [ ! -f "$OUT/done" ]; then
    start=$(date +%s)
    rm -rf "$OUT"; mkdir -p "$OUT/include/c++" "$OUT/obj" "$OUT/obj-eh" "$OUT/eh"
    cp -r "$SRC/libcxx/include" "$OUT/include/c++/v1"
    cp "$SRC/libcxxabi/include/"*.h "$OUT/include/c++/v1/"
    inc=$OUT/include/c++/v1
    # Restore the configuration header zig replaced with -D flags, and drop
    # libc++ 22's "only Clang 20 and later" warning (Debian's clang is 19).
    sed -i 's|^/\* zig patch: instead of including __config_site.*|#include <__config_site>|' "$inc/__config"
    sed -i 's|^\(#  *\)warning "Libc++ only supports Clang 20 and later"|\1/* clang 19: accepted */|' "$inc/__configuration/compiler.h"
    cat > "$inc/__config_site" <<CS
/* wasm-libc's libc++ configuration (scripts/cxx.sh, flavour $fl). */
#ifndef _LIBCPP___CONFIG_SITE
#define _LIBCPP___CONFIG_SITE
#define _LIBCPP_ABI_VERSION 1
#define _LIBCPP_ABI_NAMESPACE __1
#define _LIBCPP_HAS_THREADS $threads
#define _LIBCPP_HAS_MONOTONIC_CLOCK 1
#define _LIBCPP_HAS_TERMINAL 1
#define _LIBCPP_HAS_MUSL_LIBC 0
#define _LIBCPP_HAS_THREAD_API_PTHREAD $threads
#define _LIBCPP_HAS_THREAD_API_EXTERNAL 0
#define _LIBCPP_HAS_THREAD_API_WIN32 0
#define _LIBCPP_HAS_THREAD_API_C11 0
#define _LIBCPP_HAS_VENDOR_AVAILABILITY_ANNOTATIONS 0
#define _LIBCPP_HAS_FILESYSTEM 1
#define _LIBCPP_HAS_RANDOM_DEVICE 1
#define _LIBCPP_HAS_LOCALIZATION 1
#define _LIBCPP_HAS_UNICODE 1
#define _LIBCPP_HAS_WIDE_CHARACTERS 1
#define _LIBCPP_HAS_TIME_ZONE_DATABASE 0
#define _LIBCPP_INSTRUMENTED_WITH_ASAN 0
#define _LIBCPP_PSTL_BACKEND_SERIAL
#define _LIBCPP_HARDENING_MODE_DEFAULT _LIBCPP_HARDENING_MODE_NONE
#define _LIBCPP_ASSERTION_SEMANTIC_DEFAULT _LIBCPP_ASSERTION_SEMANTIC_HARDENING_DEPENDENT
#endif
CS
    common=(--target=$triple "${pthread[@]}" --sysroot=$SYS -nostdinc++ -isystem "$inc" -O2
            -ffunction-sections -fdata-sections -fvisibility-inlines-hidden -w)
    cxxsrc=$SRC/libcxx/src
    cxxfiles=(algorithm any bind call_once charconv chrono error_category exception expected
              functional hash ios ios.instantiations iostream locale memory memory_resource new_handler
              new_helpers optional ostream print random random_shuffle regex stdexcept string strstream
              system_error typeinfo valarray variant vector verbose_abort fstream
              filesystem/directory_entry filesystem/directory_iterator filesystem/filesystem_clock
              filesystem/filesystem_error filesystem/operations filesystem/path filesystem/int128_builtins
              ryu/d2fixed ryu/d2s ryu/f2s "${threadfiles[@]}")
    abifiles=(abort_message cxa_aux_runtime cxa_default_handlers cxa_demangle cxa_exception_storage
              cxa_guard cxa_handlers cxa_vector cxa_virtual fallback_malloc private_typeinfo
              stdlib_exception stdlib_new_delete stdlib_stdexcept stdlib_typeinfo)
    # Two variants, one set of headers (libc++ derives _LIBCPP_HAS_EXCEPTIONS
    # from the program's flags): the default libraries, built -fno-exceptions
    # (libc++abi's no-exceptions mode plus crt/cxx_noeh.cpp), and the "eh"
    # ones for -fwasm-exceptions programs (lib/<triple>/eh/: libc++ and
    # libc++abi built with -fwasm-exceptions, the personality routine, and
    # libunwind's Unwind-wasm.c, which is also put into that libc++abi.a so
    # the driver's `-lc++ -lc++abi` is enough). clang 19 emits the legacy
    # exception encoding only (it has no -wasm-use-legacy-eh); binaryen's
    # wasm-opt --translate-to-exnref turns a linked module into the standard
    # one (docs/cxx.md).
    jobs=()
    for f in "${cxxfiles[@]}"; do
      jobs+=("cxx $cxxsrc/$f.cpp $OUT/obj/cxx-${f//\//-}.o")
      jobs+=("cxx-eh $cxxsrc/$f.cpp $OUT/obj-eh/cxx-${f//\//-}.o")
    done
    for f in "${abifiles[@]}" cxa_noexception; do
      jobs+=("abi $SRC/libcxxabi/src/$f.cpp $OUT/obj/abi-$f.o")
    done
    for f in "${abifiles[@]}" cxa_exception cxa_personality; do
      jobs+=("abi-eh $SRC/libcxxabi/src/$f.cpp $OUT/obj-eh/abi-$f.o")
    done
    jobs+=("abi $ROOT/crt/cxx_noeh.cpp $OUT/obj/abi-wasm_libc_noeh.o")
    jobs+=("unwind $SRC/libunwind/src/Unwind-wasm.c $OUT/unwind-wasm.o")
    jobs+=("guard $ROOT/crt/cxx_eh_guard.cpp $OUT/eh-guard.o")
    # Without threads libc++abi and libunwind are told so; with them
    # libc++abi's guards wait on a pthread mutex and condition, its
    # exception globals and libunwind's landing-pad context are thread_local.
    nothreads=; [ $threads = 1 ] || nothreads=1
    export GUARD_FLAGS=$guard NO_THREADS=$nothreads CXX_BIN=$CXX CXX_SRC=$cxxsrc ABI_INC=$SRC/libcxxabi/include LIBC_INC=$SRC/libcxx/libc \
      UNW_INC=$SRC/libunwind/include
    printf '%s\n' "${jobs[@]}" | xargs -P "$JOBS" -L1 bash -c '
      kind=$0 src=$1 obj=$2; shift 3
      case $kind in
        cxx|cxx-eh)
          set -- -std=c++23 -I"$CXX_SRC" -I"$LIBC_INC" -D_LIBCPP_BUILDING_LIBRARY -DLIBCXX_BUILDING_LIBCXXABI -D_LIBCPP_REMOVE_TRANSITIVE_INCLUDES ;;
        abi|abi-eh)
          set -- -std=c++23 -I"$ABI_INC" -I"$CXX_SRC" -D_LIBCXXABI_BUILDING_LIBRARY -D_LIBCPP_BUILDING_LIBRARY ${NO_THREADS:+-D_LIBCXXABI_HAS_NO_THREADS} ;;
        guard)
          set -- -std=c++17 $GUARD_FLAGS ;;
        unwind)
          set -- -x c -std=c2x -I"$UNW_INC" -DNDEBUG -D_LIBUNWIND_HIDE_SYMBOLS ${NO_THREADS:+-D_LIBUNWIND_HAS_NO_THREADS} ;;
      esac
      case $kind in
        *eh|unwind|guard) set -- "$@" -fwasm-exceptions ;;
        abi) set -- "$@" -fno-exceptions -D_LIBCXXABI_NO_EXCEPTIONS ;;
        *) set -- "$@" -fno-exceptions ;;
      esac
      "$CXX_BIN" '"${common[*]@Q}"' "$@" -c "$src" -o "$obj" || { echo "cxx.sh: failed: $src" >&2; exit 255; }'
    # Whatever pulls in _Unwind_* (every throw and every catch) also pulls in
    # the outermost handler that replaces crt1.o's weak entry point: a
    # reference to __wasm_libc_cxx_guard is linked into Unwind-wasm.o (the
    # handler itself stays a separate member: `wasm-ld -r` drops export
    # names, and p2's `run` export needs its own).
    echo 'void __wasm_libc_cxx_guard(void); void __wasm_libc_cxx_guard_ref(void) { __wasm_libc_cxx_guard(); }' |
      "$CXX" -x c --target=$triple "${pthread[@]}" -O2 -c - -o "$OUT/eh-anchor.o"
    "$LD" -r "$OUT/unwind-wasm.o" "$OUT/eh-anchor.o" -o "$OUT/obj-eh/unwind-wasm.o"
    cp "$OUT/eh-guard.o" "$OUT/obj-eh/unwind-guard.o"
    "$AR" rcs "$OUT/libc++.a" "$OUT"/obj/cxx-*.o
    "$AR" rcs "$OUT/libc++abi.a" "$OUT"/obj/abi-*.o
    "$AR" rcs "$OUT/eh/libc++.a" "$OUT"/obj-eh/cxx-*.o
    "$AR" rcs "$OUT/eh/libc++abi.a" "$OUT"/obj-eh/abi-*.o "$OUT"/obj-eh/unwind-*.o
    "$AR" rcs "$OUT/eh/libunwind.a" "$OUT"/obj-eh/unwind-*.o
    cp "$SRC/libcxx/LICENSE.TXT" "$OUT/LICENSE.libcxx.txt"
    touch "$OUT/done"
    # Drop builds of older keys.
    for old in "$CACHE"/build-$fl-*; do [ "$old" = "$OUT" ] || rm -rf "$old"; done
    echo "cxx.sh: built libc++ for $fl in $(( $(date +%s) - start ))s ($OUT)"
  fi
  rm -rf "$SYS/include/c++"
  cp -r "$OUT/include/c++" "$SYS/include/c++"
  cp "$OUT/libc++.a" "$OUT/libc++abi.a" "$LIB/"
  rm -rf "$LIB/eh"
  cp -r "$OUT/eh" "$LIB/eh"
  cp "$OUT/LICENSE.libcxx.txt" "$LIB/"
  echo "cxx.sh: installed libc++ into $SYS"
done

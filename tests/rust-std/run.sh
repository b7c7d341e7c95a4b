#!/usr/bin/env bash
# Rust std programs on wasm-libc (docs/rust-std.md): tests/rust-std/ built
# for wasm32-wasip1 and wasm32-wasip2 against our sysroot (no
# --allow-multiple-definition) and against wasi-libc (Rust's default), run
# on wasmtime with the same arguments, environment, stdin and directory;
# the outputs must be identical. On p2 also: `run` returns ok through the
# component API, std's reads of stdin and of a file make no allocation
# and no copy in the library (zero-copy path; src/bin/zero-copy.rs), and
# exit statuses match a native build's with the opt-in exit-with-code.o
# (src/bin/exit.rs, docs/p2-exit.md). On the threads flavour
# (wasm32-wasip1-threads against sysroot/p1-threads, wasmtime 46: $WASMTIME_THREADS,
# else .venv-threads/bin/wasmtime from scripts/setup.sh) the same
# comparison for the check program and src/bin/threads.rs.
# Builds are cached under target/rust-std/ (a few seconds when nothing
# changed; the programs are relinked when libc.a or crt1.o changes).
# Sysroot: $WASM_LIBC_SYSROOT, else the libc-tests one, else `sysroot/`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
root=$PWD
sys="${WASM_LIBC_SYSROOT:-target/tmp/libc-tests/sysroot}"
[ -e "$sys/p2/lib/wasm32-wasip2/libc.a" ] || sys=sysroot
[ -e "$sys/p2/lib/wasm32-wasip2/libc.a" ] || { echo "no sysroot: run cargo xtask sysroot"; exit 1; }
sys=$(cd "$sys" && pwd)
out=$root/target/rust-std
mkdir -p "$out"
fail=0
check() { # name expected actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAIL: $1"; echo "$(diff <(echo "$2") <(echo "$3"))"; fail=1; fi
}

# build KIND TARGET: KIND is wasi-libc or ours; prints the directory of the .wasm files.
build() {
  local kind=$1 target=$2 dir=$out/$1-$2 flavour bins
  case "$target" in
    wasm32-wasip1) flavour=p1 bins=(rust-std-check net exit) ;;
    wasm32-wasip2) flavour=p2 bins=(rust-std-check net exit) ;;
    wasm32-wasip1-threads) flavour=p1-threads bins=(rust-std-check threads) ;;
  esac
  local lib="$sys/$flavour/lib/$target"
  (
    cd tests/rust-std
    if [ "$kind" = wasi-libc ]; then
      cargo build --quiet --release --target "$target" --target-dir "$dir" "${bins[@]/#/--bin=}"
    else
      # cargo does not see a changed libc.a: relink when its hash changes.
      local stamp; stamp=$(cat "$lib/libc.a" "$lib"/*.o | sha256sum | cut -c1-16)
      if [ "$(cat "$dir/libc.stamp" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$dir/$target/release/.fingerprint/rust-std-check-"* \
          "$dir-exit-with-code/$target/release/.fingerprint/rust-std-check-"*
      fi
      local flags=(-C link-self-contained=no -L "$lib" -C "link-arg=$lib/crt1.o")
      # Without it wasm-component-ld adds its preview1 adapter and a second `run`.
      [ "$target" = wasm32-wasip2 ] && flags+=(-C link-arg=--wasi-adapter=none)
      for bin in "${bins[@]}"; do
        cargo rustc --quiet --release --target "$target" --target-dir "$dir" --bin "$bin" -- "${flags[@]}"
      done
      if [ "$target" = wasm32-wasip2 ]; then
        # std's references to these go to the counting wrappers in zero-copy.rs.
        local wrap=(); for f in read readv pread recv; do wrap+=(-C "link-arg=--wrap=$f"); done
        cargo rustc --quiet --release --target "$target" --target-dir "$dir" --bin zero-copy -- "${flags[@]}" "${wrap[@]}"
        # The p2 opt-in (docs/p2-exit.md), in a target directory of its own.
        cargo rustc --quiet --release --target "$target" --target-dir "$dir-exit-with-code" --bin exit -- \
          "${flags[@]}" -C "link-arg=$lib/exit-with-code.o"
      fi
      echo "$stamp" > "$dir/libc.stamp"
    fi
  ) >&2
  echo "$dir/$target/release"
}

# run WASM [WASMTIME ARGS...]: the check program with fixed arguments,
# environment and stdin, in a fresh directory.
run() {
  local wasm=$1 w; shift; w=$(mktemp -d)
  local wt=("$@"); [ ${#wt[@]} -gt 0 ] || wt=(wasmtime run)
  (cd "$w" && printf 'hello\nworld\n\xff\n' | RS_A=1 RS_B='two words' \
    "${wt[@]}" --dir . --env RS_A --env RS_B "$wasm" x 'y z' '' 2>&1) |
    grep -v '^WARNING: the `-Sthreads` flag' || echo "exit status $?"
  rm -rf "$w"
}

(cd tests/rust-std && cargo fmt --check &&
  cargo clippy --quiet --release --target wasm32-wasip1 --target-dir "$out/clippy" --all-targets -- -D warnings)

for target in wasm32-wasip1 wasm32-wasip2; do
  ref_dir=$(build wasi-libc "$target")
  ours_dir=$(build ours "$target")
  ref=$(run "$ref_dir/rust-std-check.wasm")
  check "$target: the reference (wasi-libc) build runs to the end" done "$(echo "$ref" | tail -1)"
  check "$target: built against wasm-libc, same output as against wasi-libc" "$ref" "$(run "$ours_dir/rust-std-check.wasm")"
  echo "   sizes: $(stat -c %s "$ours_dir/rust-std-check.wasm") bytes (wasm-libc), $(stat -c %s "$ref_dir/rust-std-check.wasm") (wasi-libc)"
  if [ "$target" = wasm32-wasip2 ]; then
    check "$target: one run export, ours" "export wasi:cli/run@0.2.0;" \
      "$(wasm-tools component wit "$ours_dir/rust-std-check.wasm" | grep -E '^ *export' | sed 's/^ *//')"
    w=$(mktemp -d)
    head -c 1000000 /dev/zero | tr '\0' 'x' > "$w/in"
    zc=$(cd "$w" && wasmtime run -S inherit-network --dir . "$ours_dir/zero-copy.wasm" --net < in)
    rm -rf "$w"
    echo "$zc" | sed 's/^/   /'
    # The number of reads is the host's business (how it splits a stream).
    check "$target: std::io::Read on stdin, TCP and a file: each read is a libc call, on the zero-copy path" \
"stdin: 1000000 bytes (each read a libc call: true): 0 fallback allocations (0 bytes), 0 copies (0 bytes)
tcp: 200000 bytes (each read a libc call: true): 0 fallback allocations (0 bytes), 0 copies (0 bytes)
file: 1048576 bytes (each read a libc call: true): 0 fallback allocations (0 bytes), 0 copies (0 bytes)" \
      "$(echo "$zc" | sed 's/ in [0-9]* reads, [0-9]* libc calls//')"
    net_ref=$(wasmtime run -S inherit-network "$ref_dir/net.wasm" 2>&1 || echo "exit status $?")
    check "$target: std::net, the reference (wasi-libc) build runs to the end" done "$(echo "$net_ref" | tail -1)"
    check "$target: std::net against wasm-libc, same output as against wasi-libc" "$net_ref" \
      "$(wasmtime run -S inherit-network "$ours_dir/net.wasm" 2>&1 || echo "exit status $?")"
    check "$target: run() returns ok through the component API" "run returned ok" \
      "$(python3 tests/sdk/run_component.py "$ours_dir/zero-copy.wasm" --no-files < /dev/null | tail -1)"
    # Exit statuses: the reference is the same program built for the host.
    (cd tests/rust-std && cargo build --quiet --release --target-dir "$out/native" --bin exit)
    status() { set +e; "$@" > /dev/null 2>&1; echo $?; set -e; }
    for how in return exit; do
      for n in 0 7 255; do
        ref=$(status "$out/native/release/exit" "$how" "$n")
        check "$target: $how $n, default: wasi:cli/exit ok/err (err shows as 1)" "$(( ref == 0 ? 0 : 1 ))" \
          "$(status wasmtime run "$ours_dir/exit.wasm" "$how" "$n")"
        check "$target: $how $n, exit-with-code.o: the native status" "$ref" \
          "$(status wasmtime run -S cli-exit-with-code "$out/ours-$target-exit-with-code/$target/release/exit.wasm" "$how" "$n")"
      done
    done
  fi
done
# The threads flavour, on the wasmtime 46 CLI (the last with wasi-threads).
target=wasm32-wasip1-threads
wt46="${WASMTIME_THREADS:-$root/.venv-threads/bin/wasmtime}"
if [ ! -x "$wt46" ]; then
  echo "FAIL: $target: no wasmtime 46 at $wt46 (scripts/setup.sh installs it; or set WASMTIME_THREADS)"; fail=1
else
  wt=("$wt46" run -W threads,shared-memory -S threads)
  ref_dir=$(build wasi-libc "$target")
  ours_dir=$(build ours "$target")
  ref=$(run "$ref_dir/rust-std-check.wasm" "${wt[@]}")
  check "$target: the reference (wasi-libc) build runs to the end" done "$(echo "$ref" | tail -1)"
  check "$target: built against wasm-libc, same output as against wasi-libc" "$ref" \
    "$(run "$ours_dir/rust-std-check.wasm" "${wt[@]}")"
  ref=$(run "$ref_dir/threads.wasm" "${wt[@]}")
  check "$target: std::thread/sync, the reference (wasi-libc) build runs to the end" done "$(echo "$ref" | tail -1)"
  check "$target: std::thread/sync against wasm-libc, same output as against wasi-libc" "$ref" \
    "$(run "$ours_dir/threads.wasm" "${wt[@]}")"
fi
[ "$fail" == 0 ] && echo "rust-std: all passed"
exit "$fail"

#!/usr/bin/env bash
# Runs every check and test of wasm-libc (the README's second command; CI runs
# exactly this through .ci/run). Needs the tools scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh

step() { echo; echo "== $*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "generated headers match the Rust source (cargo xtask headers --check)"
cargo xtask headers --check

step "the p2 ABI module matches the WIT (cargo xtask abi --check)"
cargo xtask abi --check

step "generated math sources match their generators (gen_wrappers.py, gen_explog.py --check)"
python3 posix/src/header/math/gen_wrappers.py --check
python3 posix/src/header/math/gen_explog.py --check

step "clippy: the whole workspace per target (the target picks the backend), the host crates with their tests"
cargo clippy --quiet --workspace --target wasm32-wasip1 --release -- -D warnings
cargo clippy --quiet --workspace --target wasm32-wasip2 --release -- -D warnings
cargo clippy --quiet --workspace --target wasm32-wasip1-threads --release -- -D warnings
# WebAssembly 1.0 flavour: wasm32v1-none has no std, so only the no_std crates.
cargo clippy --quiet -p posix -p wasm-libc -p wc -p sort -p tcp-echo -p threads --target wasm32v1-none --release -- -D warnings
# ... and the p2 backend there (the p2-mvp flavour: libc-core's p2 feature).
cargo clippy --quiet -p posix -p wasm-libc --features libc-core/p2 --target wasm32v1-none --release -- -D warnings
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p libc-core --features p1 --tests -- -D warnings
(cd tests/wamr-runner && cargo fmt --check && cargo clippy --quiet --release --all-targets -- -D warnings)

step "host unit tests (slot rules, errno map, path resolution) for both backends; xtask's"
cargo test --quiet -p libc-core --features p1
cargo test --quiet -p libc-core --features p2
cargo test --quiet -p xtask

step "C and C++ programs on real runtimes (p1, p2, p1-threads, and p2 adapted to p1 by wasm-libc adapt), artifact checks, ABI snapshot"
cargo test --quiet -p libc-tests

step "p2-to-p1 adapter beyond the C programs: hostile handles and reallocs, unsupported imports listed, MVP output on the 2020 WAMR, a component unwrapped, Rust std and wasi-libc p2 programs adapted (cli/tests/adapt.rs)"
cargo test --quiet -p wasm-libc-cli

step "plain clang-19 --target=wasm32-wasip1|wasm32-wasip2 (compiler-rt, wasm-component-ld); p2 run() returns ok (tests/sdk/check.sh)"
./tests/sdk/check.sh

step "Rust std programs against our libc.a on p1, p2 and p1-threads, outputs compared with wasi-libc's; std's reads take the zero-copy path; exit statuses (tests/rust-std/run.sh)"
./tests/rust-std/run.sh

step "p2 exit: run() returns ok when main returns 0, err otherwise; the opt-in exit-with-code.o passes the native status (tests/p2-exit/run.sh)"
./tests/p2-exit/run.sh

step "SDK directory (cargo xtask dist): a CMake project with each toolchain file, run on p1, p1-mvp, p2 and p1-threads (tests/sdk/cmake.sh)"
sdk_sys=target/tmp/libc-tests/sysroot
[ -e "$sdk_sys/p1-mvp/lib/wasm32-wasip1/libc.a" ] || sdk_sys=""
WASM_LIBC_SYSROOT="$sdk_sys" cargo xtask dist target/dist/wasm-libc-sdk
./tests/sdk/cmake.sh

step "Rust API: doc examples without warnings, examples on both backends"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p wasm-libc --target wasm32-wasip1
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p wasm-libc --target wasm32-wasip2
cargo test --quiet -p wasm-libc-examples

step "p1-mvp and p2-mvp (adapted) flavours: WebAssembly 1.0 validation, December 2020 WAMR (wamr-sys 0.1.1); a 21-program tests/c sweep, all with WASM_LIBC_WAMR_ALL=1 (tests/wamr-runner/tests/mvp.rs)"
(cd tests/wamr-runner && cargo test --quiet --release)

step "sockets: network C programs on p2 (wasmtime) and p1 (test host: pre-opened sockets, WAMR's extension)"
(cd tests/p1-host && cargo fmt --check && cargo clippy --quiet --release --all-targets -- -D warnings)
cargo test --quiet --release --manifest-path tests/p1-host/Cargo.toml

step "benchmark CI mode: p2 read() makes no malloc and no guest copy; fuel ratios do not regress (bench/run.py --ci)"
python3 bench/run.py --ci

step "adapter benchmark CI mode: ours p2 adapted to p1 reads with 0 mallocs and 0 guest copies; fuel flat and bounded (bench/adapt.py --ci)"
python3 bench/adapt.py --ci

step "hostile host: every list-returning p2 import x every realloc mode; outcomes from slot.rs's rules (tests/hostile/run.py)"
python3 tests/hostile/run.py

step "TCP recv benchmark CI mode: p2 recv makes no malloc and no copy of received data; fuel flat and bounded (bench/tcp/run.py --ci)"
python3 bench/tcp/run.py --ci --skip-sysroot --skip-host

#!/usr/bin/env python3
"""Threads benchmark: wasm-libc's p1-threads flavour against wasi-libc's
wasm32-wasip1-threads build (the libc.a the pinned Rust toolchain ships).

    python3 bench/threads/run.py [--iters N] [--runs R]

Both builds of bench/threads/bench.c run on the wasmtime 46 CLI
(`.venv-threads`, scripts/setup.sh; later CLIs dropped wasi-threads) with
`-W threads,shared-memory -S threads`. Times are wall-clock, measured inside
the program with the host's monotonic clock (fuel is not available: the
Python bindings cannot run wasi-threads, and the CLI does not report fuel);
each figure is the median of R runs, with the minimum beside it. The
machine may be shared: compare the ratios, not the absolute numbers.
Needs `cargo xtask sysroot --only p1-threads` first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "bench" / "threads" / "bench.c"
LINK = ["-Wl,--import-memory,--export-memory,--max-memory=67108864"]


def sh(cmd: list[str], **kw) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"bench/threads: {' '.join(map(str, cmd))} failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def wasi_libc_sysroot(tmp: Path) -> Path:
    """A sysroot holding only the toolchain's wasi-libc threads archive."""
    rustc_root = Path(sh(["rustc", "--print", "sysroot"], cwd=ROOT).strip())
    sc = rustc_root / "lib/rustlib/wasm32-wasip1-threads/lib/self-contained"
    if not (sc / "libc.a").exists():
        sys.exit(f"bench/threads: {sc}/libc.a missing (rustup target add wasm32-wasip1-threads)")
    lib = tmp / "wl/lib/wasm32-wasip1-threads"
    lib.mkdir(parents=True)
    shutil.copy(sc / "libc.a", lib / "libc.a")
    shutil.copy(sc / "crt1-command.o", lib / "crt1.o")
    (tmp / "wl/include").mkdir()
    for empty in ["libpthread.a"]:
        sh(["llvm-ar-19", "rc", str(lib / empty)])
    return tmp / "wl"


def build(sysroot: Path, out: Path) -> None:
    sh(["clang-19", "--target=wasm32-wasip1-threads", "-pthread", f"--sysroot={sysroot}",
        "-nostdlibinc", "-O2", str(SRC), "-o", str(out), *LINK])


def run(wasmtime: Path, wasm: Path, iters: int) -> dict[str, float]:
    out = sh([str(wasmtime), "run", "-W", "threads,shared-memory", "-S", "threads",
              str(wasm), str(iters)])
    vals = {}
    for line in out.splitlines():
        k, v = line.split()
        vals[k] = float(v)
    return vals


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    wasmtime = Path(os.environ.get("WASMTIME_THREADS", ROOT / ".venv-threads/bin/wasmtime"))
    ours_root = ROOT / "sysroot" / "p1-threads"
    if not (ours_root / "lib/wasm32-wasip1-threads/libc.a").exists():
        sys.exit("bench/threads: run `cargo xtask sysroot --only p1-threads` first")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        builds = {"wasm-libc": tmp / "ours.wasm", "wasi-libc": tmp / "wl.wasm"}
        build(ours_root, builds["wasm-libc"])
        build(wasi_libc_sysroot(tmp), builds["wasi-libc"])
        results: dict[str, dict[str, list[float]]] = {k: {} for k in builds}
        for _ in range(args.runs):
            for name, wasm in builds.items():
                for k, v in run(wasmtime, wasm, args.iters).items():
                    results[name].setdefault(k, []).append(v)
        sizes = {k: v.stat().st_size for k, v in builds.items()}
    print(f"threads benchmark: {args.iters:,} iterations, median (min) of {args.runs} runs, "
          f"wasmtime 46 CLI; ns per lock/unlock or malloc/free pair")
    print(f"{'':36} {'wasm-libc':>18} {'wasi-libc':>18} {'ratio':>7}")
    for k in results["wasm-libc"]:
        a, b = results["wasm-libc"][k], results["wasi-libc"][k]
        if k.endswith("_exact"):
            print(f"{k:36} {'yes' if min(a) else 'NO':>18} {'yes' if min(b) else 'NO':>18}")
            continue
        ma, mb = statistics.median(a), statistics.median(b)
        print(f"{k:36} {ma:9.2f} ({min(a):6.2f}) {mb:9.2f} ({min(b):6.2f}) {ma / mb:6.2f}x")
    print(f"{'program size (bytes)':36} {sizes['wasm-libc']:>18,} {sizes['wasi-libc']:>18,}")


if __name__ == "__main__":
    main()

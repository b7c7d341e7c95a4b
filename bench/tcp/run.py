#!/usr/bin/env python3
"""TCP receive benchmark: wasm-libc against wasi-libc, recv() over loopback.

    python3 bench/tcp/run.py         # everything; writes docs/benchmarks-tcp.md and prints it
    python3 bench/tcp/run.py --ci    # fuel and counts only (deterministic); exit 1 on a failed check

One C program (bench/tcp/tcprecv.c) listens on loopback; a peer thread of
this script connects, streams N bytes and closes; the guest recv()s them
CHUNK bytes at a time into one buffer. Four builds:

  ours-p2   wasm-libc, WASI 0.2 backend (component, wasi:sockets)
  wl-p2     wasi-libc for WASI 0.2 (the Rust toolchain's wasm32-wasip2 copy)
  ours-p1   wasm-libc, preview1 backend with WAMR's socket extension
  ours-p2-adapted  the ours-p2 core module turned into a preview1 module by
            `wasm-libc adapt` (its wasi:sockets imports served by the
            adapter over WAMR's socket extension)

All run on one runtime, wasmtime 46 embedded in tests/p1-host
(`--p2` for components on wasmtime-wasi's p2, `--wamr` for WAMR's socket
extension on wasi-common), which meters fuel and times the guest's entry
point. See docs/benchmarks-tcp.md ("How this is measured").
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "bench" / "tcp"
BUILD = ROOT / "build" / "bench-tcp"
DOC = ROOT / "docs" / "benchmarks-tcp.md"
HOST_DIR = ROOT / "tests" / "p1-host"
HOST = Path(os.environ.get("CARGO_TARGET_DIR") or HOST_DIR / "target") / "release" / "p1-host"

CLANG = os.environ.get("BENCH_CLANG", "clang-19")
WASI_LIBC_HEADERS = Path(os.environ.get("BENCH_WASI_LIBC_HEADERS", "/usr/include/wasm32-wasi"))
CHUNKS = [16, 256, 4096, 65536]
WRAPPED = ["malloc", "calloc", "realloc", "aligned_alloc", "posix_memalign"]
COPY_HOOK = "__bench_copy_hook"

# Fuel runs: two byte counts, both small enough for the whole stream to sit in
# the guest's receive buffer (SO_RCVBUF) before the first recv(): every
# recv() then returns exactly min(CHUNK, what is left), so the number of
# calls and the bytes per call are fixed and the fuel is deterministic.
FUEL_N1 = 64 << 10
FUEL_N2 = 512 << 10
FUEL_RCVBUF = 2 << 20
FUEL_DELAY_MS = 100  # the guest sleeps this long before accept() (same fuel in both runs)

# --ci regression limit for ours p2's fuel per recv(): the figure measured
# after the inlined receive fast path (184 at every chunk size; 1,134 when
# this benchmark was written) plus ~3% for toolchain drift. Lower it when the
# receive path gets cheaper.
CI_OURS_P2_FUEL_MAX = 190
# The same for ours p2 adapted to preview1 (the adapter's `blocking-read`
# over `fd_read` on a non-blocking socket fd, the slot handing it the
# caller's buffer): about 1.2x the figure measured when it was added (318).
CI_OURS_P2_ADAPTED_FUEL_MAX = 380

PEER_TIMEOUT = 60  # seconds: the peer gives up on accept/send after this
GUEST_TIMEOUT = 120  # seconds: p1-host kills a guest after this


def log(msg: str) -> None:
    print(f"bench-tcp: {msg}", file=sys.stderr, flush=True)


def host_env() -> dict:
    """The environment for building a workspace tool into target/release
    (not a CARGO_TARGET_DIR meant for tests/p1-host)."""
    env = dict(os.environ)
    env.pop("CARGO_TARGET_DIR", None)
    return env


def sh(*cmd, **kw) -> str:
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"bench-tcp: command failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stdout}{r.stderr}")
    return r.stdout


def tool(name: str) -> str:
    for d in [ROOT / ".venv" / "bin", Path(sys.executable).parent]:
        if (d / name).exists():
            return str(d / name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"bench-tcp: `{name}` not found (scripts/setup.sh installs it)")
    return found


# ---------------------------------------------------------------------------
# Builds


@dataclass
class Variant:
    key: str
    label: str
    lib: str  # "ours" | "wl"
    abi: str  # "p1" | "p2"
    adapted: bool = False  # p2 core module adapted to preview1 (`wasm-libc adapt`)

    @property
    def component(self) -> bool:
        return self.abi == "p2" and not self.adapted

    @property
    def sysroot_key(self) -> str:
        return f"{self.lib}-{self.abi}"

    def host_flags(self) -> list[str]:
        return ["--p2"] if self.component else ["--wamr"]


VARIANTS = [
    Variant("ours-p2", "ours p2", "ours", "p2"),
    Variant("wl-p2", "wasi-libc p2", "wl", "p2"),
    Variant("ours-p1", "ours p1 (WAMR ext.)", "ours", "p1"),
    Variant("ours-p2-adapted", "ours p2 adapted to p1", "ours", "p2", adapted=True),
]

ADAPT_TOOL = ROOT / "target" / "release" / "wasm-libc"


def prepare(skip_sysroot: bool, skip_host: bool) -> dict:
    """Our sysroots, a sysroot for wasi-libc p2, the host."""
    if not skip_sysroot:
        log("cargo xtask sysroot")
        sh("cargo", "xtask", "sysroot", cwd=ROOT)
    for p in ("p1", "p2"):
        if not (ROOT / "sysroot" / p / "lib" / "wasm32-wasi" / "libc.a").exists():
            sys.exit(f"bench-tcp: sysroot/{p} missing: run `cargo xtask sysroot`")
    if not (WASI_LIBC_HEADERS / "unistd.h").exists():
        sys.exit(f"bench-tcp: wasi-libc headers not found at {WASI_LIBC_HEADERS} "
                 "(apt-get install wasi-libc, or set BENCH_WASI_LIBC_HEADERS)")
    rs = Path(sh("rustc", "--print", "sysroot", cwd=ROOT).strip()) / "lib" / "rustlib"
    src = rs / "wasm32-wasip2" / "lib" / "self-contained"
    wl = BUILD / "sysroot" / "wasi-libc-p2"
    lib = wl / "lib" / "wasm32-wasi"
    lib.mkdir(parents=True, exist_ok=True)
    for f in ("crt1-command.o", "libc.a"):
        if not (src / f).exists():
            sys.exit(f"bench-tcp: {src / f} missing (rustup target add wasm32-wasip2)")
        shutil.copy2(src / f, lib / f)
    inc = wl / "include"
    inc.mkdir(exist_ok=True)
    if not (inc / "wasm32-wasi").exists():
        (inc / "wasm32-wasi").symlink_to(WASI_LIBC_HEADERS)
    if not skip_host:
        log("cargo build --release --manifest-path tests/p1-host/Cargo.toml")
        sh("cargo", "build", "--quiet", "--release", "--manifest-path", HOST_DIR / "Cargo.toml", cwd=ROOT)
    if not HOST.exists():
        sys.exit(f"bench-tcp: {HOST} missing: cargo build --release --manifest-path tests/p1-host/Cargo.toml")
    log("cargo build --release -p wasm-libc-cli (the adapter)")
    sh("cargo", "build", "--quiet", "--release", "-p", "wasm-libc-cli", cwd=ROOT, env=host_env())
    return {"ours-p1": ROOT / "sysroot" / "p1", "ours-p2": ROOT / "sysroot" / "p2", "wl-p2": wl}  # by sysroot_key


def build(v: Variant, flavour: str, sysroots: dict) -> Path:
    """Compiles tcprecv.c for v; returns what p1-host runs (module or component).

    "plain": no counters (fuel, wall-clock). "count": ours with its built-in
    allocation counters (counts_ours.c), wasi-libc with link-time wrappers
    around its allocator (counts_wrap.c, --wrap); both with every memory.copy
    turned into a counting call (copyhook.c). "opcount": every function
    counts the instructions it executes (opcount.c, count_ops). An adapted
    variant is instrumented after `wasm-libc adapt`, so the adapter's own
    code is counted too."""
    out = BUILD / "out" / f"{v.key}.{flavour}"
    out.mkdir(parents=True, exist_ok=True)
    core = out / "core.wasm"
    cmd = [CLANG, "--target=wasm32-wasi", f"--sysroot={sysroots[v.sysroot_key]}", "-O2", "-I", SRC,
           SRC / "tcprecv.c", "-o", core]
    if v.lib == "wl":
        cmd.append("-DBENCH_WASI_LIBC_P2")
    if flavour != "count":
        cmd.append("-DBENCH_NO_COUNTS")
    if flavour == "count":
        cmd += [SRC / ("counts_ours.c" if v.lib == "ours" else "counts_wrap.c"), SRC / "copyhook.c"]
        if v.lib == "wl":
            cmd += [f"-Wl,--wrap={s}" for s in WRAPPED]
    if flavour == "opcount":
        cmd += ["-DBENCH_OPCOUNT", SRC / "opcount.c"]
    sh(*cmd)
    if v.adapted:
        p1 = out / "adapted.wasm"
        sh(ADAPT_TOOL, "adapt", core, "-o", p1)
        core = p1
    if flavour == "count":
        hook_copies(core)
    if flavour == "opcount":
        count_ops(core, out / "names.txt")
    if not v.component:
        return core
    comp = out / "component.wasm"
    sh(tool("wasm-tools"), "component", "new", core, "-o", comp)
    return comp


def hook_copies(core: Path) -> None:
    """Rewrites every `memory.copy` outside the hook into `call $__bench_copy_hook`
    (same stack effect: dst, src, len -> nothing) through a text round trip."""
    text = sh(tool("wasm-tools"), "print", core)
    if f"(func ${COPY_HOOK} " not in text:
        sys.exit(f"bench-tcp: {core}: {COPY_HOOK} missing")
    out, func, n = [], None, 0
    for line in text.splitlines():
        m = re.match(r"^  \(func (\$\S+|\$\"[^\"]*\")", line)
        if m:
            func = m.group(1)
        if re.fullmatch(r"\s*memory\.copy(\s+0\s+0)?", line) and func != f"${COPY_HOOK}":
            line = line[: len(line) - len(line.lstrip())] + f"call ${COPY_HOOK}"
            n += 1
        out.append(line)
    if n == 0:
        sys.exit(f"bench-tcp: {core}: no memory.copy to hook (the rewrite found nothing)")
    wat = core.with_suffix(".hooked.wat")
    wat.write_text("\n".join(out) + "\n")
    sh(tool("wasm-tools"), "parse", wat, "-o", core)


FUNC_RE = re.compile(r"^  \(func (\$\S+|\$\"[^\"]*\")")
OPCOUNT_BODY = "    ;; opcount body"
FREE_OPS = {"block", "loop", "end", "else", "unreachable", "return", "nop", "drop"}  # no fuel in wasmtime


def count_ops(core: Path, names_out: Path) -> None:
    """Gives each function a counter (an i64 global) charged as wasmtime
    charges fuel: one on entry, one before every instruction but nop, drop,
    block, loop, end, else, unreachable and return; and makes
    __bench_opcount_gen report every counter. Bulk-memory instructions also
    cost one fuel per byte, which this does not see. Text round trip through
    wasm-tools."""
    lines = sh(tool("wasm-tools"), "print", core).splitlines()
    out: list[str] = []
    names: list[str] = []
    cur, counted, entry = -1, False, False

    def charge(ind: str, k: int) -> str:
        return f"{ind}global.get $__opc{k}\n{ind}i64.const 1\n{ind}i64.add\n{ind}global.set $__opc{k}"

    for line in lines:
        m = FUNC_RE.match(line)
        if m:
            names.append(m.group(1))
            cur = len(names) - 1
            counted = not m.group(1).startswith(("$__bench_opcount", "$bench_opcount"))
            entry = counted
            if m.group(1) == "$__bench_opcount_gen":
                head = line[:-1] if line.endswith("))") else line
                out.append(head)
                out.append(OPCOUNT_BODY)  # filled in once every function is known
                out.append("  )")
                cur = -2
                continue
            out.append(line)
            continue
        if cur == -2:  # the original body of __bench_opcount_gen: dropped
            if not line.startswith("    "):
                cur = -1
                if line.startswith("  )"):
                    continue
            else:
                continue
        if not line.startswith("    "):  # module level: a function's end, or the next field
            cur = -1
        elif cur >= 0 and counted:
            op = line.split()[0] if line.strip() else ""
            ind = line[: len(line) - len(line.lstrip())]
            if entry and op and not op.startswith(("(local", ";;")):
                out.append(charge(ind, cur))  # the function entry
                entry = False
            if op and not op.startswith(("(local", ";;")) and op not in FREE_OPS:
                out.append(charge(ind, cur))
        out.append(line)
    n = len(names)
    body = "\n".join(f"    i32.const {k}\n    global.get $__opc{k}\n    call $__bench_opcount_report"
                     for k in range(n))
    text = "\n".join(body if line == OPCOUNT_BODY else line for line in out)
    glob = "\n".join(f"  (global $__opc{k} (mut i64) i64.const 0)" for k in range(n))
    # The counters go after the last global, so that no existing global's
    # index moves (an adapted module refers to its globals by number).
    tl = text.split("\n")
    last = max((i for i, line in enumerate(tl) if line.startswith("  (global ")), default=-1)
    if last < 0 or "$__bench_opcount_gen" not in text:
        sys.exit(f"bench-tcp: {core}: cannot instrument (no global or no opcount hooks)")
    text = "\n".join(tl[:last + 1] + [glob] + tl[last + 1:])
    wat = core.with_suffix(".opcount.wat")
    wat.write_text(text + "\n")
    sh(tool("wasm-tools"), "parse", wat, "-o", core)
    names_out.write_text("\n".join(names) + "\n")


# ---------------------------------------------------------------------------
# The peer and a run


_PAYLOADS: dict = {}


def payload(n: int) -> bytes:
    """n pseudo-random bytes (the same for the same n)."""
    if n not in _PAYLOADS:
        _PAYLOADS.clear()
        rng = random.Random(n)
        _PAYLOADS[n] = b"".join(rng.randbytes(min(1 << 20, n - i)) for i in range(0, n, 1 << 20))
    return _PAYLOADS[n]


class Peer:
    """The sending side: connects to the guest's loopback port, streams `data`
    and closes. Bounded: gives up after PEER_TIMEOUT seconds."""

    def __init__(self, port: int, data: bytes):
        self.port = port
        self.data = data
        self.error: str | None = None
        self.thread = threading.Thread(target=self._send, daemon=True)
        self.thread.start()

    def _send(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=PEER_TIMEOUT) as s:
                s.sendall(self.data)
        except OSError as e:
            self.error = str(e)

    def join(self) -> None:
        self.thread.join(PEER_TIMEOUT + 5)
        if self.thread.is_alive():
            self.error = self.error or "peer still running"


@dataclass
class Run:
    values: dict  # the guest's report
    fuel: int  # guest fuel of the whole run (p1-host --fuel), 0 if not metered
    stderr: str


def parse(text: str) -> dict:
    return {k: val for k, val in (kv.split("=", 1) for kv in text.split())}


def run(v: Variant, wasm: Path, data: bytes, chunk: int, delay_ms: int, rcvbuf: int,
        fuel: bool, verify: bool = False) -> Run:
    """One guest run: p1-host runs the guest, which prints its port; the peer
    then connects and streams `data`."""
    argv = [str(chunk), str(delay_ms), str(rcvbuf)] + (["verify"] if verify else [])
    flags = v.host_flags() + (["--fuel"] if fuel else []) + ["--timeout", str(GUEST_TIMEOUT)]
    p = subprocess.Popen([str(HOST), *flags, str(wasm), *argv], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([p.stdout], [], [], GUEST_TIMEOUT)
    first = p.stdout.readline() if ready else ""
    if not first.startswith("port="):
        p.kill()
        out, err = p.communicate()
        sys.exit(f"bench-tcp: {v.key} did not report its port: {first}{out}{err}")
    peer = Peer(int(parse(first)["port"]), data)
    try:
        out, err = p.communicate(timeout=GUEST_TIMEOUT + 30)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    peer.join()
    if p.returncode != 0:
        sys.exit(f"bench-tcp: {v.key} chunk {chunk} ({len(data)} bytes) exited with {p.returncode}:\n"
                 f"{out}{err}")
    if peer.error:
        sys.exit(f"bench-tcp: peer failed for {v.key} chunk {chunk}: {peer.error}")
    used = 0
    if fuel:
        m = re.search(r"p1-host: fuel=(\d+)", err)
        if not m:
            sys.exit(f"bench-tcp: no fuel report from p1-host:\n{err}")
        used = int(m.group(1))
    values = parse(out)
    if int(values.get("bytes", -1)) != len(data):
        sys.exit(f"bench-tcp: {v.key} chunk {chunk}: received {values.get('bytes')} of {len(data)} bytes")
    return Run(values, used, err)


# ---------------------------------------------------------------------------
# Measurements


@dataclass
class PerCall:
    fuel: float
    mallocs: float = 0.0
    copies: float = 0.0
    copy_bytes: float = 0.0
    data_copies: float = 0.0
    data_bytes: float = 0.0
    pages: int = 0
    repeat_ok: bool = True


def clean(r: Run, n: int, chunk: int) -> bool:
    """Every recv() returned min(chunk, left): the stream was queued in full."""
    return int(r.values["calls"]) == -(-n // chunk) and int(r.values["short"]) == (1 if n % chunk else 0)


def fuel_run(v: Variant, wasm: Path, n: int, chunk: int, fuel: bool = True) -> Run:
    data = payload(n)
    for attempt in range(4):
        r = run(v, wasm, data, chunk, FUEL_DELAY_MS * (1 << attempt), FUEL_RCVBUF, fuel=fuel)
        if clean(r, n, chunk):
            return r
        log(f"{v.key} chunk {chunk}: {r.values['calls']} calls, {r.values['short']} short for {n} bytes: "
            "the stream was not all queued before the first recv(); retrying with a longer delay")
    sys.exit(f"bench-tcp: {v.key} chunk {chunk}: recv() sizes are not deterministic "
             f"(is net.core.rmem_max below {FUEL_RCVBUF // 2}?)")


def per_call(v: Variant, plain: Path, count: Path, chunk: int) -> PerCall:
    """Fuel and counts per recv() from two byte counts (start-up, the end of
    stream and the report cancel out); the larger fuel run repeated once to
    check that the fuel is deterministic."""
    a = fuel_run(v, plain, FUEL_N1, chunk)
    b = fuel_run(v, plain, FUEL_N2, chunk)
    b2 = fuel_run(v, plain, FUEL_N2, chunk)
    ca = fuel_run(v, count, FUEL_N1, chunk, fuel=False).values
    cb = fuel_run(v, count, FUEL_N2, chunk, fuel=False).values

    def d(run_a: dict, run_b: dict, key: str) -> float:
        return (int(run_b[key]) - int(run_a[key])) / (int(run_b["calls"]) - int(run_a["calls"]))

    return PerCall(
        fuel=(b.fuel - a.fuel) / (int(b.values["calls"]) - int(a.values["calls"])),
        mallocs=d(ca, cb, "mallocs"),
        copies=d(ca, cb, "copies"),
        copy_bytes=d(ca, cb, "copy_bytes"),
        data_copies=d(ca, cb, "data_copies"),
        data_bytes=d(ca, cb, "data_bytes"),
        pages=int(b.values["pages"]),
        repeat_ok=b.fuel == b2.fuel,
    )


def verify(v: Variant, wasm: Path) -> list[str]:
    """The guest's adler32 over everything it received equals the peer's."""
    bad = []
    data = payload(FUEL_N2 + 12345)
    want = f"{zlib.adler32(data):08x}"
    for chunk in (16, 4096, 65536):
        r = run(v, wasm, data, chunk, 0, 0, fuel=False, verify=True)
        if r.values.get("adler32") != want:
            bad.append(f"chunk {chunk}: adler32 {r.values.get('adler32')}, want {want}")
    return bad


WALL_BYTES = 256 << 20
WALL_MAX_CALLS = 1 << 19


def wall(arts: dict, runs: int) -> dict:
    """Receive throughput per chunk size, fuel off: the stream is min(256 MiB,
    CHUNK * 2^19 calls), sent while the guest receives (no delay, default
    buffers). Time = the guest's own measure of its receive loop
    (CLOCK_MONOTONIC around it). Each round runs every build once; the
    throughput is the median over `runs` rounds, the ratio to wasi-libc p2
    is taken within each round (median, min, max).
    Returns {variant: {chunk: (MiB/s, bytes, ratio, ratio min, ratio max)}}."""
    out: dict = {k: {} for k in arts}
    for chunk in CHUNKS:
        n = min(WALL_BYTES, chunk * WALL_MAX_CALLS)
        data = payload(n)
        times: dict = {k: [] for k in arts}
        for _ in range(runs):
            for key, wasm in arts.items():
                times[key].append(int(run(BY_KEY[key], wasm, data, chunk, 0, 0, fuel=False).values["ns"]))
        for key in arts:
            ratios = [w / t for w, t in zip(times["wl-p2"], times[key])]
            out[key][chunk] = (n / statistics.median(times[key]) * 1e9 / (1 << 20), n,
                               statistics.median(ratios), min(ratios), max(ratios))
        log(f"wall-clock chunk {chunk}: {n >> 10} KiB x {runs}")
    return out


BREAKDOWN_CHUNK = 4096


def demangle(n: str) -> str:
    """`_ZN<len><ident>...17h<hash>E` (Rust's legacy mangling, left as is in
    the adapter's functions by `wasm-libc adapt`) as `a::b::c::h<hash>`."""
    m = re.fullmatch(r"_ZN((?:\d+\D\S*?)+)E", n)
    if not m:
        return n
    body, parts = m.group(1), []
    while body:
        d = re.match(r"\d+", body)
        if not d:
            return n
        k, body = int(d.group()), body[d.end():]
        parts.append(body[:k])
        body = body[k:]
    return "::".join(parts)


def short_name(name: str) -> str:
    """A readable function name: Rust's legacy mangling escapes undone, hash dropped."""
    n = demangle(name.lstrip("$").strip('"'))
    n = re.sub(r"::h[0-9a-f]{16}$", "", n)
    for a, b in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","), ("..", "::")):
        n = n.replace(a, b)
    n = n.replace("_<", "<").replace("libc_core::backend::", "").replace("libc_core::", "")
    n = n.replace("wasm_libc_adapter::", "adapter::")
    n = re.sub(r"<impl (\S+) for \S+>::", lambda m: m.group(1).split("::")[-1] + "::", n)
    n = re.sub(r"<Sys as \S*?(\w+)>::", r"\1::", n)
    return n


def breakdown(v: Variant, wasm: Path) -> list[tuple[str, float]]:
    """Instructions executed per recv() call, by function (opcount build),
    from two byte counts like the fuel."""
    names = (wasm.parent / "names.txt").read_text().splitlines()

    def go(n: int) -> tuple[int, dict]:
        r = fuel_run(v, wasm, n, BREAKDOWN_CHUNK, fuel=False)
        counts = {}
        for line in r.stderr.splitlines():
            m = re.fullmatch(r"(\d+) (\d+)", line.strip())
            if m:
                counts[int(m.group(1))] = int(m.group(2))
        return int(r.values["calls"]), counts

    c1, a = go(FUEL_N1)
    c2, b = go(FUEL_N2)
    rows = [(short_name(names[k]), (b[k] - a.get(k, 0)) / (c2 - c1)) for k in b]
    return sorted([r for r in rows if r[1] > 0], key=lambda r: -r[1])


BY_KEY = {v.key: v for v in VARIANTS}


# ---------------------------------------------------------------------------
# Checks


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def checks(fuel: dict, bad_outputs: dict) -> list[Check]:
    out = []
    for key, bad in bad_outputs.items():
        out.append(Check(f"{key}: received bytes match the peer's (adler32 at 16 B, 4 KiB, 64 KiB)",
                         not bad, "; ".join(bad) or "all match"))
    for key in fuel:
        rep = [c for c in CHUNKS if not fuel[key][c].repeat_ok]
        out.append(Check(f"{key}: fuel is deterministic (a repeated run used the same fuel)",
                         not rep, f"differs at {rep}" if rep else "identical at every chunk size"))
    for key, name, limit in (("ours-p2", "ours p2", CI_OURS_P2_FUEL_MAX),
                             ("ours-p2-adapted", "ours p2 adapted", CI_OURS_P2_ADAPTED_FUEL_MAX)):
        o2 = fuel[key]
        for chunk in CHUNKS:
            c = o2[chunk]
            out.append(Check(f"{name} recv ({chunk} B): 0 malloc, 0 guest copy of received data per call",
                             c.mallocs == 0 and c.data_copies == 0,
                             f"{c.mallocs:g} mallocs, {c.data_copies:g} copies ({c.data_bytes:g} B) into the buffer"))
        f2 = [o2[c].fuel for c in CHUNKS]
        out.append(Check(f"{name} fuel per recv is flat in the chunk size (max - min <= 2)",
                         max(f2) - min(f2) <= 2, " / ".join(f"{f:.1f}" for f in f2)))
        out.append(Check(f"no regression: {name} fuel per recv <= {limit:,}",
                         max(f2) <= limit, f"{max(f2):,.1f}"))
    w = fuel["wl-p2"][65536]
    out.append(Check("the counters see wasi-libc p2's malloc and copy (instrumentation works)",
                     w.mallocs >= 1 and w.data_copies >= 1 and w.data_bytes >= 65536,
                     f"{w.mallocs:g} mallocs, {w.data_copies:g} copies, {w.data_bytes:g} B per 64 KiB recv"))
    return out


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
        rs = Path(sh("rustc", "--print", "sysroot", cwd=ROOT).strip())
        blob = (rs / "lib/rustlib/wasm32-wasip2/lib/self-contained/libc.a").read_bytes()
        i = blob.find(b"wasisdk://v")
        if i >= 0:
            wl = "wasi-sdk " + blob[i + 10:i + 20].split(b"/")[0].decode()
    except OSError:
        pass
    lock = (HOST_DIR / "Cargo.lock").read_text()

    def locked(name: str) -> str:
        m = re.search(rf'name = "{re.escape(name)}"\nversion = "([^"]+)"', lock)
        return m.group(1) if m else "?"

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {cpu}, {os.cpu_count()} cores, Linux {platform.release()}",
        "runtime": f"wasmtime {locked('wasmtime')} (Cranelift) in tests/p1-host: wasmtime-wasi "
                   f"{locked('wasmtime-wasi')} for p2, wasi-common {locked('wasi-common')} + "
                   "the host's WAMR socket extension for p1",
        "clang": first_line(CLANG, "--version"),
        "rustc": first_line("rustc", "--version"),
        "wasi-libc": f"{wl}, from the Rust toolchain's wasm32-wasip2 target",
        "commit": first_line("git", "rev-parse", "--short", "HEAD")
        + (" + local changes" if sh("git", "status", "--porcelain", "--", "bench/tcp", "tests/p1-host",
                                    "libc-core", "posix", "crt", cwd=ROOT).strip() else ""),
        "rmem": f"net.core.rmem_max {first_line('sysctl', '-n', 'net.core.rmem_max')}",
    }


def fmt(x: float) -> str:
    if x == 0:
        return "0"
    if abs(x - round(x)) < 0.05:
        return f"{round(x):,}"
    return f"{x:,.1f}"


def chunk_name(c: int) -> str:
    return f"{c >> 10} KiB" if c >= 1024 else f"{c} B"


def analysis(fuel: dict, bd: dict, wall_res: dict | None) -> list[str]:
    """"Reading the figures": sentences computed from this run's numbers."""
    o2 = fuel["ours-p2"][BREAKDOWN_CHUNK]
    o1 = fuel["ours-p1"][BREAKDOWN_CHUNK].fuel
    w2 = {c: fuel["wl-p2"][c].fuel for c in CHUNKS}
    fixed = w2[65536] - 65536  # wasi-libc p2's cost per call besides the copy
    cross = o2.fuel - fixed
    ops = dict(bd["ours-p2"])
    wops = dict(bd["wl-p2"])
    state = sum(ops.get(f, 0) for f in ("net::recv_sock", "net::connected", "net::sock", "net::PalNet::recv"))
    slot = sum(v for k, v in ops.items() if "realloc" in k)
    alloc = sum(v for k, v in wops.items() if k in ("dlmalloc", "dlfree", "malloc", "free", "realloc",
                                                      "cabi_realloc", "wasip2_list_u8_free"))
    small = [c for c in CHUNKS if w2[c] < o2.fuel]
    L = ["", "## Reading the figures", ""]
    L.append(f"- **Zero-copy holds for TCP.** ours p2 makes no allocation and no copy of received data "
             f"at any chunk size, and its fuel per `recv()` is the same, {fmt(o2.fuel)}, from 16 B to "
             f"64 KiB. wasi-libc p2 allocates the list, copies it into the buffer and frees it on every "
             f"call: about {fmt(fixed)} fuel plus one per byte ({fmt(alloc)} of the {fmt(fixed)} are "
             f"allocator work: `dlmalloc`, `dlfree`, `cabi_realloc`...), so ours p2 needs "
             f"{w2[65536] / o2.fuel:,.0f}x less guest work at 64 KiB and {w2[4096] / o2.fuel:.1f}x less "
             f"at 4 KiB.")
    if small:
        L.append(f"- **But ours p2's fixed cost per call is high**: {fmt(o2.fuel)} fuel, "
                 f"{o2.fuel / o1:.1f}x ours p1 ({fmt(o1)}), and more than wasi-libc p2 at "
                 + " and ".join(f"{chunk_name(c)} ({fmt(w2[c])})" for c in small)
                 + f": below about {fmt(cross)} bytes per call, wasi-libc p2's malloc + copy costs less "
                 f"than our whole receive path. The breakdown shows where it goes: not in the slot "
                 f"({fmt(slot)} for `cabi_import_realloc` and `slot::import_realloc`) nor in "
                 f"the import call (`net::tcp_read`, {fmt(ops.get('net::tcp_read', 0))}), but in the "
                 f"socket layer around it: `net::recv_sock`, `net::connected`, `net::sock` and "
                 f"`PalNet::recv` take {fmt(state)} per call, and {fmt(o2.copies)} `memory.copy` "
                 f"move {fmt(o2.copy_bytes)} bytes per call. Those are bookkeeping, not received data "
                 f"(when this was written: `net::sock` returning the socket's 88-byte state record by "
                 f"value, 88 + 94 bytes, and 70 bytes in `net::recv_sock`), but they cost fuel per byte "
                 f"like any copy. "
                 f"(`docs/benchmarks.md` has the same library's `read()` on files and stdin.)")
    if wall_res:
        r = {c: wall_res["ours-p2"][c][2] for c in CHUNKS}
        L.append(f"- **Throughput** follows the host more than the guest: per call, the host's "
                 f"socket read, tokio and the canonical ABI cost far more than {fmt(o2.fuel)} guest "
                 f"instructions do, and it varies from round to round on this shared machine (see the "
                 f"ranges above). ours p2 / wasi-libc p2, median: "
                 + ", ".join(f"{r[c]:.2f}x at {chunk_name(c)}" for c in CHUNKS)
                 + ". Two host-side differences weigh in. wasmtime-wasi 46 answers a TCP `read` by "
                 "reading into a buffer it allocates and copying that into the guest's list (the "
                 "copy the slot saves in the guest is still made by the host), while wasi-common "
                 "(ours p1) reads straight into guest memory. And ours p2 calls `blocking-read`, "
                 "which wasmtime-wasi runs through its tokio runtime on every call, where "
                 "wasi-libc p2 calls `read` and blocks (subscribe + poll) only when it returned "
                 "nothing: on small chunks that host cost shows.")
    return L


def report(fuel: dict, bd: dict, wall_res: dict | None, chk: list[Check], ver: dict, runs: int) -> str:
    keys = [v.key for v in VARIANTS]
    lab = {v.key: v.label for v in VARIANTS}
    head = "| chunk | " + " | ".join(lab[k] for k in keys) + " |"
    sep = "|---|" + "---:|" * len(keys)
    L = []
    L.append("# TCP receive benchmark")
    L.append("")
    L.append("Generated by `python3 bench/tcp/run.py` (do not edit; rerun it). "
             "`recv()` over loopback at four chunk sizes, the same C program "
             "(`bench/tcp/tcprecv.c`) built four ways, all on one runtime (*ours p2 adapted to p1*: "
             "the ours p2 core module made a preview1 module by `wasm-libc adapt`, its "
             "`wasi:sockets` calls served by the adapter over WAMR's socket extension). wasi-libc p1 "
             "is not in the table: it has no `socket`/`connect` (preview1 has only "
             "pre-opened sockets) and does not implement WAMR's socket extension, so "
             "it cannot open a TCP connection at all; a wasi-libc p1 run through "
             "wasmtime's p1-to-p2 adapter cannot either (the adapter has no socket "
             "creation).")
    L.append("")
    L.append(f"{ver['date']}; {ver['machine']}; commit {ver['commit']}.  ")
    L.append(f"Runtime: {ver['runtime']}.  ")
    L.append(f"Compilers: {ver['clang']}; {ver['rustc']}. wasi-libc: {ver['wasi-libc']}. {ver['rmem']}.")
    L.append("")
    L.append("## Guest fuel per recv() call")
    L.append("")
    L.append(head)
    L.append(sep)
    for c in CHUNKS:
        L.append(f"| {chunk_name(c)} | " + " | ".join(fmt(fuel[k][c].fuel) for k in keys) + " |")
    L.append("")
    L.append("## Allocations and guest copies per recv() call")
    L.append("")
    L.append("mallocs / copies of received data into the caller's buffer (bytes) / "
             "all `memory.copy` executed (bytes), per call.")
    L.append("")
    L.append(head)
    L.append(sep)
    for c in CHUNKS:
        cells = []
        for k in keys:
            p = fuel[k][c]
            cells.append(f"{fmt(p.mallocs)} / {fmt(p.data_copies)} ({fmt(p.data_bytes)} B) / "
                         f"{fmt(p.copies)} ({fmt(p.copy_bytes)} B)")
        L.append(f"| {chunk_name(c)} | " + " | ".join(cells) + " |")
    L.append("")
    L.append("Peak linear memory (64 KiB pages): " + ", ".join(
        f"{lab[k]} {fuel[k][65536].pages}" for k in keys) + ".")
    L.append("")
    L.append(f"## Where the fuel goes ({chunk_name(BREAKDOWN_CHUNK)} chunks)")
    L.append("")
    L.append("Fuel per recv() call spent in each function of the core module, counted by an "
             "instrumented build the way wasmtime charges it: one per instruction (except `nop`, "
             "`drop`, `block`, `loop`, `end`, `else`, `return`, `unreachable`) and one per call of "
             "the function; plus one per byte moved by `memory.copy` (from the counting build). "
             "What is left runs outside the core module: on p2, the component's canonical-ABI "
             "trampolines.")
    L.append("")
    L.append("| | " + " | ".join(lab[k] for k in keys) + " |")
    L.append("|---|" + "---|" * len(keys))
    top = 8
    for i in range(top):
        cells = []
        for k in keys:
            rows = bd[k]
            cells.append(f"{rows[i][0]}: {fmt(rows[i][1])}" if i < len(rows) else "")
        L.append(f"| {i + 1} | " + " | ".join(cells) + " |")
    rest = []
    summary = []
    for k in keys:
        rows = bd[k]
        ops = sum(r[1] for r in rows)
        rest.append(f"{len(rows) - top} more: {fmt(sum(r[1] for r in rows[top:]))}" if len(rows) > top else "")
        f = fuel[k][BREAKDOWN_CHUNK]
        # the counting build's memory.copy bytes; the data copy is part of it
        summary.append(f"{fmt(ops)} in functions + {fmt(f.copy_bytes)} copied bytes + "
                       f"{fmt(f.fuel - ops - f.copy_bytes)} outside = **{fmt(f.fuel)}**")
    L.append("| | " + " | ".join(rest) + " |")
    L.append("| total | " + " | ".join(summary) + " |")
    if wall_res:
        L.append("")
        L.append(f"## Throughput (information only; median of {runs} runs)")
        L.append("")
        L.append("MiB/s of received data (median), and the throughput ratio to wasi-libc p2 "
                 "within each round: median [min–max over the rounds].")
        L.append("")
        L.append("| chunk | stream | " + " | ".join(lab[k] for k in keys) + " |")
        L.append("|---|---:|" + "---:|" * len(keys))
        for c in CHUNKS:
            n = wall_res[keys[0]][c][1]
            cells = []
            for k in keys:
                mib, _, ratio, lo, hi = wall_res[k][c]
                cells.append(f"{mib:,.0f}" if k == "wl-p2" else f"{mib:,.0f} ({ratio:.2f}x [{lo:.2f}–{hi:.2f}])")
            L.append(f"| {chunk_name(c)} | {n >> 20 if n >= 1 << 20 else n >> 10} "
                     f"{'MiB' if n >= 1 << 20 else 'KiB'} | " + " | ".join(cells) + " |")
    L.extend(analysis(fuel, bd, wall_res))
    L.append("")
    L.append("## Checks")
    L.append("")
    L.append("| check | result | detail |")
    L.append("|---|---|---|")
    for ck in chk:
        L.append(f"| {ck.name} | {'pass' if ck.ok else '**FAIL**'} | {ck.detail} |")
    L.append("")
    L.append(Path(SRC / "method.md").read_text().rstrip())
    L.append("")
    return "\n".join(L)


# ---------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ci", action="store_true", help="fuel and counts only; no report file; exit 1 on failure")
    ap.add_argument("--runs", type=int, default=7, help="throughput rounds (median), default 7")
    ap.add_argument("--skip-sysroot", action="store_true", help="use the existing sysroot/ (no cargo xtask sysroot)")
    ap.add_argument("--skip-host", action="store_true", help="use the existing tests/p1-host build")
    args = ap.parse_args()

    sysroots = prepare(args.skip_sysroot, args.skip_host)
    plain = {v.key: build(v, "plain", sysroots) for v in VARIANTS}
    count = {v.key: build(v, "count", sysroots) for v in VARIANTS}
    log("built " + ", ".join(f"{k}" for k in plain))

    bad = {v.key: verify(v, plain[v.key]) for v in VARIANTS}
    fuel: dict = {v.key: {} for v in VARIANTS}
    for v in VARIANTS:
        for c in CHUNKS:
            fuel[v.key][c] = per_call(v, plain[v.key], count[v.key], c)
        log(f"fuel {v.key}: " + ", ".join(f"{c}: {fuel[v.key][c].fuel:.1f}" for c in CHUNKS))
    chk = checks(fuel, bad)

    if args.ci:
        for ck in chk:
            print(f"{'ok  ' if ck.ok else 'FAIL'} {ck.name}: {ck.detail}")
        passed = sum(ck.ok for ck in chk)
        print(f"{passed} passed, {len(chk) - passed} failed")
        return 0 if passed == len(chk) else 1

    bd = {v.key: breakdown(v, build(v, "opcount", sysroots)) for v in VARIANTS}
    log("operation counts done")
    wall_res = wall(plain, args.runs)
    text = report(fuel, bd, wall_res, chk, versions(), args.runs)
    DOC.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""TCP receive benchmark: wasm-libc against wasi-libc, recv() over loopback.

    python3 bench/tcp/run.py         # everything; writes docs/benchmarks-tcp.md and prints it
    python3 bench/tcp/run.py --ci    # fuel and counts only (deterministic); exit 1 on a failed check

One C program (bench/tcp/tcprecv.c) connects to a loopback peer in this
process, which streams N bytes and closes; the guest recv()s them CHUNK bytes
at a time into one buffer. Three builds:

  ours-p2   wasm-libc, WASI 0.2 backend (component, wasi:sockets)
  wl-p2     wasi-libc for WASI 0.2 (the Rust toolchain's wasm32-wasip2 copy)
  ours-p1   wasm-libc, preview1 backend with WAMR's socket extension

All three run on one runtime, wasmtime 46 embedded in tests/p1-host
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
HOST = HOST_DIR / "target" / "release" / "p1-host"

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

PEER_TIMEOUT = 60  # seconds: the peer gives up on accept/send after this
GUEST_TIMEOUT = 120  # seconds: p1-host kills a guest after this


def log(msg: str) -> None:
    print(f"bench-tcp: {msg}", file=sys.stderr, flush=True)


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

    @property
    def component(self) -> bool:
        return self.abi == "p2"

    def host_flags(self) -> list[str]:
        return ["--p2"] if self.abi == "p2" else ["--wamr"]


VARIANTS = [
    Variant("ours-p2", "ours p2", "ours", "p2"),
    Variant("wl-p2", "wasi-libc p2", "wl", "p2"),
    Variant("ours-p1", "ours p1 (WAMR ext.)", "ours", "p1"),
]


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
    return {"ours-p1": ROOT / "sysroot" / "p1", "ours-p2": ROOT / "sysroot" / "p2", "wl-p2": wl}


def build(v: Variant, counting: bool, sysroots: dict) -> Path:
    """Compiles tcprecv.c for v; returns what p1-host runs (module or component).

    counting=False: no counters (fuel, wall-clock, sizes). counting=True:
    ours with its built-in allocation counters (counts_ours.c), wasi-libc with
    link-time wrappers around its allocator (counts_wrap.c, --wrap); both
    with every memory.copy turned into a counting call (copyhook.c)."""
    flavour = "count" if counting else "plain"
    out = BUILD / "out" / f"{v.key}.{flavour}"
    out.mkdir(parents=True, exist_ok=True)
    core = out / "core.wasm"
    cmd = [CLANG, "--target=wasm32-wasi", f"--sysroot={sysroots[v.key]}", "-O2", "-I", SRC,
           SRC / "tcprecv.c", "-o", core]
    if v.lib == "wl":
        cmd.append("-DBENCH_WASI_LIBC_P2")
    if not counting:
        cmd.append("-DBENCH_NO_COUNTS")
    elif v.lib == "ours":
        cmd += [SRC / "counts_ours.c", SRC / "copyhook.c"]
    else:
        cmd += [SRC / "counts_wrap.c", SRC / "copyhook.c"]
        cmd += [f"-Wl,--wrap={s}" for s in WRAPPED]
    sh(*cmd)
    if counting:
        hook_copies(core)
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


# ---------------------------------------------------------------------------
# The peer and a run


def payload(n: int) -> bytes:
    return random.Random(n).randbytes(n)


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
    return Run(values, used)


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


def fuel_run(v: Variant, wasm: Path, n: int, chunk: int) -> Run:
    data = payload(n)
    for attempt in range(4):
        r = run(v, wasm, data, chunk, FUEL_DELAY_MS * (1 << attempt), FUEL_RCVBUF, fuel=True)
        if clean(r, n, chunk):
            return r
        log(f"{v.key} chunk {chunk}: {r.values['calls']} calls, {r.values['short']} short for {n} bytes: "
            "the stream was not all queued before the first recv(); retrying with a longer delay")
    sys.exit(f"bench-tcp: {v.key} chunk {chunk}: recv() sizes are not deterministic "
             f"(is net.core.rmem_max below {FUEL_RCVBUF // 2}?)")


def per_call(v: Variant, plain: Path, count: Path, chunk: int) -> PerCall:
    """Fuel per recv() from two byte counts; counts from the counting build;
    the larger run repeated once to check the fuel is deterministic."""
    a = fuel_run(v, plain, FUEL_N1, chunk)
    b = fuel_run(v, plain, FUEL_N2, chunk)
    b2 = fuel_run(v, plain, FUEL_N2, chunk)
    dcalls = int(b.values["calls"]) - int(a.values["calls"])
    c = fuel_run(v, count, FUEL_N2, chunk).values
    calls = int(c["calls"])
    return PerCall(
        fuel=(b.fuel - a.fuel) / dcalls,
        mallocs=int(c["mallocs"]) / calls,
        copies=int(c["copies"]) / calls,
        copy_bytes=int(c["copy_bytes"]) / calls,
        data_copies=int(c["data_copies"]) / calls,
        data_bytes=int(c["data_bytes"]) / calls,
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


WALL_BYTES = 64 << 20
WALL_MAX_CALLS = 1 << 18


def wall(arts: dict, runs: int) -> dict:
    """Receive throughput per chunk size, fuel off: the stream is min(64 MiB,
    CHUNK * 2^18 calls), sent while the guest receives (no delay, default
    buffers). Time = the guest's own measure of its receive loop
    (CLOCK_MONOTONIC around it), median over `runs` rounds, each round
    running every build once. Returns {variant: {chunk: (MiB/s, bytes)}}."""
    out: dict = {k: {} for k in arts}
    for chunk in CHUNKS:
        n = min(WALL_BYTES, chunk * WALL_MAX_CALLS)
        data = payload(n)
        times: dict = {k: [] for k in arts}
        for _ in range(runs):
            for key, wasm in arts.items():
                times[key].append(int(run(BY_KEY[key], wasm, data, chunk, 0, 0, fuel=False).values["ns"]))
        for key in arts:
            t = statistics.median(times[key]) / 1e9
            out[key][chunk] = (n / max(t, 1e-9) / (1 << 20), n)
        log(f"wall-clock chunk {chunk}: {n >> 10} KiB x {runs}")
    return out


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
    o2 = fuel["ours-p2"]
    for chunk in CHUNKS:
        c = o2[chunk]
        out.append(Check(f"ours p2 recv ({chunk} B): 0 malloc, 0 guest copy of received data per call",
                         c.mallocs == 0 and c.data_copies == 0,
                         f"{c.mallocs:g} mallocs, {c.data_copies:g} copies ({c.data_bytes:g} B) into the buffer"))
    f2 = [o2[c].fuel for c in CHUNKS]
    out.append(Check("ours p2 fuel per recv is flat in the chunk size (max - min <= 2)",
                     max(f2) - min(f2) <= 2, " / ".join(f"{f:.1f}" for f in f2)))
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
        "commit": first_line("git", "rev-parse", "--short", "HEAD"),
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


def report(fuel: dict, wall_res: dict | None, chk: list[Check], ver: dict, runs: int) -> str:
    keys = [v.key for v in VARIANTS]
    lab = {v.key: v.label for v in VARIANTS}
    head = "| chunk | " + " | ".join(lab[k] for k in keys) + " |"
    sep = "|---|" + "---:|" * len(keys)
    L = []
    L.append("# TCP receive benchmark")
    L.append("")
    L.append("Generated by `python3 bench/tcp/run.py` (do not edit; rerun it). "
             "`recv()` over loopback at four chunk sizes, the same C program "
             "(`bench/tcp/tcprecv.c`) built three ways, all on one runtime. wasi-libc p1 "
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
    if wall_res:
        L.append("")
        L.append(f"## Throughput (information only; median of {runs} runs)")
        L.append("")
        L.append("MiB/s of received data, and the ratio to wasi-libc p2 in the same run.")
        L.append("")
        L.append("| chunk | stream | " + " | ".join(lab[k] for k in keys) + " |")
        L.append("|---|---:|" + "---:|" * len(keys))
        for c in CHUNKS:
            base = wall_res["wl-p2"][c][0]
            n = wall_res[keys[0]][c][1]
            cells = [f"{wall_res[k][c][0]:,.0f} ({wall_res[k][c][0] / base:.2f}x)" for k in keys]
            L.append(f"| {chunk_name(c)} | {n >> 20 if n >= 1 << 20 else n >> 10} "
                     f"{'MiB' if n >= 1 << 20 else 'KiB'} | " + " | ".join(cells) + " |")
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
    ap.add_argument("--runs", type=int, default=5, help="wall-clock rounds (median), default 5")
    ap.add_argument("--skip-sysroot", action="store_true", help="use the existing sysroot/ (no cargo xtask sysroot)")
    ap.add_argument("--skip-host", action="store_true", help="use the existing tests/p1-host build")
    args = ap.parse_args()

    sysroots = prepare(args.skip_sysroot, args.skip_host)
    plain = {v.key: build(v, False, sysroots) for v in VARIANTS}
    count = {v.key: build(v, True, sysroots) for v in VARIANTS}
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

    wall_res = wall(plain, args.runs)
    text = report(fuel, wall_res, chk, versions(), args.runs)
    DOC.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

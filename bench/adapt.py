#!/usr/bin/env python3
"""Fuel per read() of WASI 0.2 programs adapted to preview1 (`wasm-libc adapt`).

    python3 bench/adapt.py [--ci]

Builds bench/c/readloop.c as ours p1 (core module), ours p2 and wasi-libc p2
(core modules, before componentization), adapts the two p2 modules with
`wasm-libc adapt`, runs all three as preview1 modules on wasmtime (Python
bindings, fuel metering) and prints fuel per read() (file and stdin, per
chunk size), guest mallocs and copies per read (counting builds), and the
bytes the adapter adds. Uses bench/run.py's builders and runner.

--ci (scripts/test.sh): small inputs, and it fails unless ours p2 adapted makes
0 mallocs and 0 guest copies per read, its fuel is flat in the chunk size
(max - min <= 2) and at most ADAPTED_FUEL_LIMIT per read (a regression bound,
about 1.2x today's figure).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as b  # noqa: E402  (re-executes in .venv when needed)


ADAPTED_FUEL_LIMIT = 300


def adapt_tool() -> Path:
    b.sh("cargo", "build", "--quiet", "--release", "-p", "wasm-libc-cli", cwd=b.ROOT)
    return b.ROOT / "target" / "release" / "wasm-libc"


def adapted(tool: Path, art: b.Artifact) -> b.Artifact:
    out = art.core.with_name("adapted.wasm")
    b.sh(tool, "adapt", art.core, "-o", out)
    return b.Artifact(out, out, False)


def main() -> None:
    ci = "--ci" in sys.argv
    b.BUILD.mkdir(parents=True, exist_ok=True)
    tc = b.prepare_toolchains(skip_sysroot=True)
    tool = adapt_tool()
    keys = ["ours-p1", "ours-p2", "wl-p2"]
    plain, count = {}, {}
    for k in keys:
        v = b.BY_KEY[k]
        p, c = b.build("readloop", v, False, tc), b.build("readloop", v, True, tc)
        if v.abi == "p2":
            p, c = adapted(tool, p), adapted(tool, c)
        plain[k], count[k] = p, c
    small, large = (128 << 10, 256 << 10) if ci else (1 << 20, 2 << 20)
    data = b.BUILD / "data"
    f_small = b.make_input(data / f"adapt-small-{small}.bin", small)
    f_large = b.make_input(data / f"adapt-large-{large}.bin", large)
    runner = b.Runner(fuel=True)
    print("fuel per read(), preview1 on wasmtime (p2 builds adapted by `wasm-libc adapt`):")
    print(f"  {'chunk':>6} {'source':6} " + " ".join(f"{k + (' adapted' if k != 'ours-p1' else ''):>16}" for k in keys)
          + "   ours-p2/ours-p1  mallocs/copies per read (ours-p2 adapted | wl-p2 adapted)")
    outs = set()
    ours: list = []
    for chunk in b.CHUNKS:
        for stdin in (False, True):
            r = {k: b.per_call_read(runner, plain[k], count[k], chunk, f_small, f_large, via_stdin=stdin)
                 for k in keys}
            outs |= {x.out for x in r.values()}
            ours.append((stdin, r["ours-p2"]))
            ratio = r["ours-p2"].fuel / r["ours-p1"].fuel
            print(f"  {chunk:>6} {'stdin' if stdin else 'file':6} "
                  + " ".join(f"{r[k].fuel:>16,.1f}" for k in keys)
                  + f"   {ratio:>15.2f}  {r['ours-p2'].mallocs:.2f}/{r['ours-p2'].copies:.2f}"
                  + f" | {r['wl-p2'].mallocs:.2f}/{r['wl-p2'].copies:.2f}"
                  + f" ({r['wl-p2'].copy_bytes:,.0f} B copied)")
    if len({o.split(" sum=")[1] + o.split(" bytes=")[1] for o in outs}) > 2 * len(b.CHUNKS) * 2:
        sys.exit("bench: checksums differ")
    fails = []
    if any(x.mallocs != 0 or x.copies != 0 for _, x in ours):
        fails.append("ours p2 adapted: a read made a malloc or a guest copy")
    for src in (False, True):
        fuels = [x.fuel for s, x in ours if s == src]
        name = "stdin" if src else "file"
        if max(fuels) - min(fuels) > 2:
            fails.append(f"ours p2 adapted ({name}): fuel per read not flat: {fuels}")
        if max(fuels) > ADAPTED_FUEL_LIMIT:
            fails.append(f"ours p2 adapted ({name}): {max(fuels)} fuel per read > {ADAPTED_FUEL_LIMIT}")
    for k in ("ours-p2", "wl-p2"):
        core = b.build("readloop", b.BY_KEY[k], False, tc).core
        ad = plain[k].core
        print(f"size {k}: core module {core.stat().st_size:,} B, adapted {ad.stat().st_size:,} B "
              f"(+{ad.stat().st_size - core.stat().st_size:,}); stripped "
              f"{b.stripped_size(core):,} -> {b.stripped_size(ad):,} B")
    for f in fails:
        print(f"FAIL {f}")
    if ci and fails:
        sys.exit(1)
    print("ok: ours p2 adapted reads make 0 mallocs and 0 guest copies; fuel flat and bounded")


if __name__ == "__main__":
    main()

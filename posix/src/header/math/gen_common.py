"""Shared by this directory's generators: writes their Rust files formatted
with rustfmt, or with `--check` on the command line, compares them with the
files in place and exits 1 if any differs."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _formatted(text):
    with tempfile.NamedTemporaryFile("w", suffix=".rs", delete=False) as f:
        f.write(text)
    try:
        subprocess.run(["rustfmt", "--edition", "2024", f.name], check=True)
        with open(f.name) as g:
            return g.read()
    finally:
        os.unlink(f.name)


def emit(files):
    """`files`: file name (in this directory) -> generated Rust source."""
    check = "--check" in sys.argv
    stale = []
    for name, text in files.items():
        path = os.path.join(HERE, name)
        text = _formatted(text)
        if check:
            with open(path) as f:
                if f.read() != text:
                    stale.append(name)
        else:
            with open(path, "w") as f:
                f.write(text)
            print(f"wrote {path}")
    if stale:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {', '.join(stale)} differ from the "
                 "generator's output (run it without --check, then commit)")

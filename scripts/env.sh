# Sourced by the scripts: puts the project's tools on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/.venv/bin:$ROOT/.venv/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

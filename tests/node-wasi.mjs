// Runs a WASI preview1 command module on node's `node:wasi`, the way the
// test runner runs it on wasmtime:
//
//   node --no-warnings node-wasi.mjs <module.wasm> <dir|-> <argv0> [args...]
//
// <dir> is pre-opened as "." ("-" for none); the environment is empty but
// for the NAME=value lines of $NODE_WASI_ENV;
// stdin/stdout/stderr are this process's. The exit status is the program's;
// a trap prints "wasm trap: <message>" on stderr and exits with 134 (what
// the wasmtime CLI uses for a trap: 128 + SIGABRT).
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { WASI } from 'node:wasi';

const [wasmPath, dir, ...args] = process.argv.slice(2);
if (!wasmPath || !dir || args.length === 0) {
  process.stderr.write('usage: node-wasi.mjs <module.wasm> <dir|-> <argv0> [args...]\n');
  process.exit(2);
}

const env = {};
for (const line of (process.env.NODE_WASI_ENV ?? '').split('\n')) {
  const eq = line.indexOf('=');
  if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
}

const wasi = new WASI({
  version: 'preview1',
  args,
  env,
  preopens: dir === '-' ? {} : { '.': dir },
  returnOnExit: true,
});

// node puts its stdout/stderr pipes in non-blocking mode; uvwasi then
// answers a write to a full pipe with EAGAIN and the program (rightly, for
// a non-blocking descriptor) gives up. The wasmtime CLI leaves them
// blocking: do the same, so both runtimes see POSIX's default.
for (const s of [process.stdout, process.stderr]) s._handle?.setBlocking?.(true);

let status;
try {
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  status = wasi.start(instance);
} catch (e) {
  if (e instanceof WebAssembly.RuntimeError) {
    process.stderr.write(`wasm trap: ${e.message}\n`);
    status = 134;
  } else {
    process.stderr.write(`node-wasi: ${e?.stack ?? e}\n`);
    status = 125;
  }
}
process.exitCode = status;

// Runs a WASI 0.2 command component on jco (npm @bytecodealliance/jco), the
// way the test runner runs it on wasmtime:
//
//   node --no-warnings jco-run.mjs <transpiled/prog.js> <dir|-> <argv0> [args...]
//
// <transpiled/prog.js> is `jco transpile`'s output for the component; its
// directory holds `node_modules/@bytecodealliance/preview2-shim` (a link to
// jco's host implementation of WASI 0.2). <dir> is pre-opened as "." ("-"
// for none); the environment is empty but for the NAME=value lines of
// $JCO_ENV; stdin/stdout/stderr are this process's. `run` returning ok exits
// with 0, err with 1, `wasi:cli/exit` with its status (the shim calls
// process.exit); a trap prints "wasm trap: <message>" on stderr and exits
// with 134 (what the wasmtime CLI uses for a trap: 128 + SIGABRT).
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [jsPath, dir, ...args] = process.argv.slice(2);
if (!jsPath || !dir || args.length === 0) {
  process.stderr.write('usage: jco-run.mjs <transpiled/prog.js> <dir|-> <argv0> [args...]\n');
  process.exit(2);
}

// The shim modules the transpiled code imports, by their real path: ES
// modules are cached per URL, so these are the instances it uses.
const shim = realpathSync(join(dirname(jsPath), 'node_modules/@bytecodealliance/preview2-shim'));
const cli = await import(pathToFileURL(join(shim, 'dist/nodejs/cli.js')));
const fs = await import(pathToFileURL(join(shim, 'dist/nodejs/filesystem.js')));

const env = {};
for (const line of (process.env.JCO_ENV ?? '').split('\n')) {
  const eq = line.indexOf('=');
  if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
}
cli._setEnv(env);
cli._setArgs(args);
cli._setCwd(undefined);
// jco's shim answers every get-terminal-* with a terminal; report one only
// where this process really has one (the test runner gives pipes, which
// wasmtime reports as no terminal), so isatty() and stdio's buffering see
// the real streams.
if (!process.stdin.isTTY) cli._setTerminalStdin(undefined);
if (!process.stdout.isTTY) cli._setTerminalStdout(undefined);
if (!process.stderr.isTTY) cli._setTerminalStderr(undefined);
fs._setPreopens(dir === '-' ? {} : { '.': dir });

let status;
try {
  const mod = await import(pathToFileURL(jsPath));
  await mod.run.run();
  status = 0;
} catch (e) {
  if (e instanceof WebAssembly.RuntimeError) {
    process.stderr.write(`wasm trap: ${e.message}\n`);
    status = 134;
  } else if (e?.constructor?.name === 'ComponentError') {
    // `run` returned err.
    status = 1;
  } else {
    process.stderr.write(`jco-run: ${e?.stack ?? e}\n`);
    status = 125;
  }
}
// No process.exit here: the shim's I/O worker hands stdout/stderr writes to
// this thread through a message port, and exiting now could drop the last
// ones. node ends once they are written (the worker does not keep it up).
process.exitCode = status;

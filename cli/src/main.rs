//! `wasm-libc`: the project's command-line tool.
//!
//! `wasm-libc adapt IN.wasm -o OUT.wasm` turns a WASI 0.2 core module (or a
//! component wrapping one) into a preview1 command module with the
//! adapter fused in (docs/adapter.md).

mod adapt;

use std::process::ExitCode;

const USAGE: &str = "usage: wasm-libc adapt IN.wasm -o OUT.wasm [--adapter ADAPTER.wasm]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-libc: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.into());
    };
    if cmd != "adapt" {
        return Err(format!("unknown command `{cmd}`\n{USAGE}"));
    }
    let (mut input, mut output, mut adapter) = (None, None, None);
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => output = it.next().cloned(),
            "--adapter" => adapter = it.next().cloned(),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s if input.is_none() => input = Some(s.to_string()),
            s => return Err(format!("unexpected argument `{s}`\n{USAGE}")),
        }
    }
    let (Some(input), Some(output)) = (input, output) else {
        return Err(USAGE.into());
    };
    let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
    let adapter_bytes = match adapter {
        Some(p) => std::fs::read(&p).map_err(|e| format!("{p}: {e}"))?,
        None => adapt::ADAPTER.to_vec(),
    };
    let out = adapt::adapt(&bytes, &adapter_bytes).map_err(|e| format!("{input}: {e}"))?;
    std::fs::write(&output, out).map_err(|e| format!("{output}: {e}"))
}

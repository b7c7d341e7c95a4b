//! Ends with the status named on the command line, through
//! `std::process::exit` or by returning an `ExitCode` from `main`; built
//! against wasm-libc with and without the p2 opt-in object `exit-with-code.o`
//! (docs/p2-exit.md): tests/rust-std/run.sh.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let n: u8 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    println!("status {n} via {}", args.get(1).map_or("return", |s| s));
    if args.get(1).is_some_and(|s| s == "exit") {
        std::process::exit(n.into());
    }
    ExitCode::from(n)
}

//! Exercises Rust std on WASI 0.2: arguments, environment, stdin, files,
//! directories, metadata, clocks, sleep and exit. Built for `wasm32-wasip2`
//! and adapted by `wasm-libc adapt`, it must print what it prints on a WASI
//! 0.2 host.
use std::io::{Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("args: {args:?}");
    let mut env: Vec<(String, String)> = std::env::vars().collect();
    env.sort();
    println!("env: {env:?}");
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    println!(
        "stdin: {} bytes, {} lines",
        input.len(),
        input.lines().count()
    );
    let data = std::fs::read_to_string("data.txt").unwrap();
    println!("data.txt: {data:?}");
    println!(
        "missing: {:?}",
        std::fs::read("missing.txt").map_err(|e| e.kind())
    );
    std::fs::create_dir("sub").unwrap();
    let mut f = std::fs::File::create("sub/new.txt").unwrap();
    f.write_all(b"written by rust\n").unwrap();
    drop(f);
    let meta = std::fs::metadata("sub/new.txt").unwrap();
    println!("sub/new.txt: {} bytes, file {}", meta.len(), meta.is_file());
    let mut names: Vec<String> = std::fs::read_dir(".")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    println!("dir: {names:?}");
    std::fs::rename("sub/new.txt", "sub/renamed.txt").unwrap();
    println!(
        "renamed: {}",
        std::fs::read_to_string("sub/renamed.txt").unwrap().trim()
    );
    std::fs::remove_file("sub/renamed.txt").unwrap();
    std::fs::remove_dir("sub").unwrap();
    println!("removed: {}", !std::path::Path::new("sub").exists());
    let t = std::time::Instant::now();
    std::thread::sleep(std::time::Duration::from_millis(5));
    println!("slept at least 5 ms: {}", t.elapsed().as_millis() >= 5);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    println!("wall clock after 2020: {}", now.as_secs() > 1_577_836_800);
    eprintln!("to stderr");
    std::process::exit(if args.iter().any(|a| a == "fail") {
        3
    } else {
        0
    });
}
